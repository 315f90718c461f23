"""Writers that keep 1-based row numbers (header and title rows counted)."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

PERIOD_START = date(2026, 11, 1)
PERIOD_END = date(2026, 11, 30)


class Sheet:
    def __init__(self, name="Sheet1"):
        self.name = name
        self.rows: list[list] = []
        self.merges: list[str] = []
        self.hidden: set[int] = set()
        self.autofilter: str | None = None
        self.formats: dict[int, str] = {}  # column index (0-based) -> number format
        self.bold: set[int] = set()
        self.widths: dict[int, float] = {}

    def add(self, row) -> int:
        self.rows.append(list(row))
        return len(self.rows)


def dec(x, places=2) -> Decimal:
    if isinstance(x, Fraction):
        x = Decimal(x.numerator) / Decimal(x.denominator)
    return Decimal(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def write_csv(path, sheet: Sheet, delimiter=",", encoding="utf-8", lineterminator="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator)
    for r in sheet.rows:
        w.writerow(["" if v is None else v for v in r])
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(buf.getvalue())


def write_xlsx(path, sheets: list[Sheet]):
    wb = Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        for i, r in enumerate(sh.rows, start=1):
            for j, v in enumerate(r, start=1):
                if v is None or v == "":
                    continue
                if isinstance(v, Fraction):
                    v = float(Decimal(v.numerator) / Decimal(v.denominator))
                elif isinstance(v, Decimal):
                    v = float(v)
                cell = ws.cell(row=i, column=j, value=v)
                if isinstance(v, str) and v.startswith("="):
                    cell.data_type = "s"
                fmt = sh.formats.get(j - 1)
                if fmt and not isinstance(v, str):
                    cell.number_format = fmt
                if isinstance(v, date):
                    cell.number_format = fmt or "dd/mm/yyyy"
                if i in sh.bold:
                    cell.font = Font(bold=True)
                if isinstance(v, str) and "\n" in v:
                    cell.alignment = Alignment(wrap_text=True)
        for m in sh.merges:
            ws.merge_cells(m)
        for i in sh.hidden:
            ws.row_dimensions[i].hidden = True
        if sh.autofilter:
            ws.auto_filter.ref = sh.autofilter
        for j, wdt in sh.widths.items():
            ws.column_dimensions[chr(65 + j)].width = wdt
    wb.save(path)


def us(d, places=2) -> str:
    return f"{dec(d, places):,}"


def eu(d, places=2, thousands=".") -> str:
    s = f"{dec(d, places):,}"
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", thousands)


def lakh(d) -> str:
    d = dec(d)
    sign = "-" if d < 0 else ""
    s = f"{abs(d):.2f}"
    whole, frac = s.split(".")
    if len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        parts = []
        while len(head) > 2:
            parts.insert(0, head[-2:])
            head = head[:-2]
        if head:
            parts.insert(0, head)
        whole = ",".join([*parts, tail])
    return f"{sign}{whole}.{frac}"


def serial(d: date) -> int:
    return (d - date(1899, 12, 30)).days
