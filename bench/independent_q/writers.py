"""Sheets of records (each record knows whether it is a data row) and their CSV / xlsx writers."""

from __future__ import annotations

import csv
import datetime as dt
import io
from fractions import Fraction as F

import xlsxwriter


class Sheet:
    def __init__(self, name: str = "Sheet1"):
        self.name = name
        self.records: list[tuple[list, object]] = []
        self.widths: dict[int, int] = {}

    def add(self, cells, meta=None):
        self.records.append((list(cells), meta))


def _cell_text(v):
    if v is None:
        return ""
    if isinstance(v, F):
        return f"{float(v):.2f}"
    return str(v)


def write_csv(
    path, sheet: Sheet, delimiter=",", encoding="utf-8", bom=False, quote_all=False, newline="\r\n"
):
    buf = io.StringIO()
    w = csv.writer(
        buf,
        delimiter=delimiter,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator=newline,
    )
    for cells, _ in sheet.records:
        w.writerow([_cell_text(c) for c in cells])
    data = buf.getvalue()
    with open(path, "wb") as fh:
        if bom:
            fh.write("\ufeff".encode("utf-8"))
        fh.write(data.encode(encoding))


def write_xlsx(path, sheets: list[Sheet], date_format="dd/mm/yyyy", money_format="#,##0.00"):
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    wb.set_properties({"created": dt.datetime(2026, 12, 1, 8, 30, 0), "author": "export"})
    fmt_date = wb.add_format({"num_format": date_format})
    fmt_money = wb.add_format({"num_format": money_format})
    fmt_bold = wb.add_format({"bold": True})
    for sh in sheets:
        ws = wb.add_worksheet(sh.name)
        for r, (cells, meta) in enumerate(sh.records):
            for c, v in enumerate(cells):
                if v is None or v == "":
                    continue
                if isinstance(v, F):
                    ws.write_number(r, c, float(v), fmt_money)
                elif isinstance(v, bool):
                    ws.write_boolean(r, c, v)
                elif isinstance(v, (int, float)):
                    ws.write_number(r, c, v)
                elif isinstance(v, (dt.date, dt.datetime)):
                    ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), fmt_date)
                elif meta is None and r < 6 and c == 0:
                    ws.write_string(r, c, str(v), fmt_bold)
                else:
                    ws.write_string(r, c, str(v))
    wb.close()
