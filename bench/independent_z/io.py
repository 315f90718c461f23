"""Writers that keep row numbers (1-based sheet rows / CSV records), number and date locales."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl


class Sheet:
    def __init__(self, name="Sheet1"):
        self.name = name
        self.rows: list[list] = []
        self.hidden = False

    def add(self, row, line=None) -> int:
        self.rows.append(list(row))
        n = len(self.rows)
        if line is not None:
            line.row = n
            line.cells = list(row)
        return n


def write_csv(path, sheet, delimiter=",", encoding="utf-8", bom=False, quoting=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for r in sheet.rows:
        w.writerow(["" if v is None else cell_text(v) for v in r])
    data = buf.getvalue()
    with open(path, "w", encoding=encoding, newline="", errors="strict") as f:
        if bom:
            f.write("\ufeff")
        f.write(data)


def cell_text(v):
    if isinstance(v, Decimal):
        return f"{v}"
    if isinstance(v, date):
        return v.isoformat()
    return str(v)


def write_xlsx(path, sheets, formats=None):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        for r in sh.rows:
            ws.append([_xl(v) for v in r])
        if sh.hidden:
            ws.sheet_state = "hidden"
        if formats and sh.name in formats:
            for col, fmt in formats[sh.name].items():
                for cell in ws[col]:
                    if isinstance(cell.value, (int, float)):
                        cell.number_format = fmt
    wb.save(path)


def _xl(v):
    if v is None or v == "":
        return None
    if isinstance(v, Decimal):
        return float(v)
    return v


def num(d, style="en", places=2):
    d = Decimal(d)
    s = f"{abs(d):,.{places}f}"
    if style == "plain":
        s = f"{abs(d):.{places}f}"
    elif style == "de":
        s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    elif style == "fr":
        s = s.replace(",", "\u00a0").replace(".", ",")
    elif style == "sv":
        s = s.replace(",", " ").replace(".", ",")
    elif style == "comma_plain":
        s = f"{abs(d):.{places}f}".replace(".", ",")
    return ("-" if d < 0 else "") + s


MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def dt(d: date, style):
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "gb":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "de":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dicker":
        return f"{d.day:02d}-{MONTHS[d.month - 1]}-{d.year}"
    if style == "xero":
        return f"{d.day} {MON_EN[d.month - 1]} {d.year}"
    return d.isoformat()
