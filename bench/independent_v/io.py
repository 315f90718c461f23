"""Writers that keep track of row numbers (1-based, as Excel rows and CSV records count)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from decimal import Decimal

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .catalog import money

PERIOD_START = dt.date(2026, 11, 1)
PERIOD_END = dt.date(2026, 11, 30)
END = {"M": dt.date(2026, 11, 30), "Q": dt.date(2027, 1, 31), "A": dt.date(2027, 10, 31)}


class Sheet:
    def __init__(self, name="Sheet1"):
        self.name = name
        self.rows: list[list] = []
        self.merges: list[tuple[int, int, int, int]] = []  # r1, c1, r2, c2 (1-based)
        self.hidden_rows: set[int] = set()
        self.hidden_cols: set[int] = set()
        self.wrap_rows: set[int] = set()
        self.bold_rows: set[int] = set()
        self.numfmt: dict[int, str] = {}  # column (1-based) -> number format

    def add(self, row) -> int:
        self.rows.append(list(row))
        return len(self.rows)


def write_csv(path, sheet, delimiter=",", encoding="utf-8", errors="strict", eol="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=eol)
    for r in sheet.rows:
        w.writerow(["" if v is None else v for v in r])
    with open(path, "w", encoding=encoding, errors=errors, newline="") as f:
        f.write(buf.getvalue())


def write_xlsx(path, sheets, xlsm=False):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        for i, r in enumerate(sh.rows, start=1):
            for j, v in enumerate(r, start=1):
                if v is None or v == "":
                    continue
                if isinstance(v, Decimal):
                    v = float(v)
                cell = ws.cell(row=i, column=j, value=v)
                if isinstance(v, str) and v.startswith("="):
                    cell.data_type = "s"  # text that looks like a formula stays text
                if isinstance(v, float) and j in sh.numfmt:
                    cell.number_format = sh.numfmt[j]
                elif isinstance(v, dt.date):
                    cell.number_format = "dd/mm/yyyy"
                if i in sh.wrap_rows:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                if i in sh.bold_rows:
                    cell.font = Font(bold=True)
        for r1, c1, r2, c2 in sh.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for r in sh.hidden_rows:
            ws.row_dimensions[r].hidden = True
        for c in sh.hidden_cols:
            ws.column_dimensions[get_column_letter(c)].hidden = True
        ncol = max((len(r) for r in sh.rows), default=1)
        for c in range(1, ncol + 1):
            ws.column_dimensions[get_column_letter(c)].width = 14 if c > 2 else 34
    wb.save(path)
    if xlsm:
        _make_macro_enabled(path)


def _make_macro_enabled(path):
    """an .xlsm without a VBA project: the workbook part's content type says macro-enabled"""
    tmp = str(path) + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                )
            zout.writestr(item, data)
    os.replace(tmp, path)


def serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def fmt(d: Decimal, thousands=",", decimal=".", places=2) -> str:
    s = f"{abs(d):,.{places}f}"
    s = s.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)
    return "-" + s if d < 0 else s


def amount(v) -> Decimal:
    return money(v.unit * v.qty)
