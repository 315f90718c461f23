"""Tables with row bookkeeping: every written row knows its 1-based record / Excel row number."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path


class Table:
    def __init__(self, name: str = "Sheet1"):
        self.name = name
        self.rows: list[list] = []
        self.tags: dict[int, tuple] = {}  # 1-based row -> ("v"|"p", line index)
        self.kinds: dict[int, str] = {}
        self.widths: dict[int, int] = {}

    def add(self, cells: list, kind: str = "data", tag: tuple | None = None) -> int:
        self.rows.append(list(cells))
        n = len(self.rows)
        self.kinds[n] = kind
        if tag is not None:
            self.tags[n] = tag
        return n


def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return str(v)


def write_csv(
    path: Path,
    t: Table,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    quote_all: bool = False,
    errors: str = "strict",
) -> None:
    buf = io.StringIO()
    w = csv.writer(
        buf,
        delimiter=delimiter,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator="\r\n",
    )
    for r in t.rows:
        w.writerow([_cell_text(v) for v in r])
    data = buf.getvalue()
    raw = data.encode(encoding, errors=errors)
    if bom:
        raw = "\ufeff".encode("utf-8") + raw if encoding.lower().replace("-", "") == "utf8" else raw
    path.write_bytes(raw)


def write_xlsx(
    path: Path,
    tables: list[Table],
    money_fmt: str = "#,##0.00",
    date_fmt: str = "yyyy-mm-dd",
    bold_rows: dict | None = None,
) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    wb.set_properties({"created": datetime(2026, 12, 2, 9, 14, 0), "author": "export"})
    f_money = wb.add_format({"num_format": money_fmt})
    f_date = wb.add_format({"num_format": date_fmt})
    f_bold = wb.add_format({"bold": True})
    for t in tables:
        ws = wb.add_worksheet(t.name)
        for i, r in enumerate(t.rows):
            kind = t.kinds.get(i + 1, "data")
            for j, v in enumerate(r):
                if v is None or v == "":
                    continue
                if isinstance(v, Decimal):
                    ws.write_number(i, j, float(v), f_money)
                elif isinstance(v, bool):
                    ws.write_boolean(i, j, v)
                elif isinstance(v, (int, float)):
                    ws.write_number(i, j, v)
                elif isinstance(v, datetime):
                    ws.write_datetime(i, j, v, f_date)
                elif isinstance(v, date):
                    ws.write_datetime(i, j, datetime(v.year, v.month, v.day), f_date)
                else:
                    ws.write_string(
                        i, j, str(v), f_bold if kind in ("header", "group", "total") else None
                    )
        ws.set_column(0, max((len(r) for r in t.rows), default=1), 16)
    wb.close()


# ---- number and date styles
def num(d: Decimal, places: int = 2, dec: str = ".", thousands: str = "") -> str:
    s = f"{abs(d):,.{places}f}" if thousands else f"{abs(d):.{places}f}"
    if thousands:
        s = s.replace(",", "\x00").replace(".", dec).replace("\x00", thousands)
    else:
        s = s.replace(".", dec)
    return ("-" if d < 0 else "") + s


def us_date(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def eu_date(d: date, sep: str = "/") -> str:
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def dicker_date(d: date) -> str:
    return f"{d.day:02d}-{MON[d.month - 1]}-{d.year}"
