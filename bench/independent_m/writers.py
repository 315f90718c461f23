"""Byte-stable writers: CSV (any delimiter / encoding), xlsx (XlsxWriter), xls (xlwt)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

FIXED = dt.datetime(2026, 12, 1, 8, 0, 0)


class Num:
    """A number cell with how a CSV should show it (the xlsx writer keeps the value)."""

    __slots__ = ("text", "value")

    def __init__(self, value, text):
        self.value = value
        self.text = text


def _cell_text(v):
    if v is None:
        return ""
    if isinstance(v, Num):
        return v.text
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def write_csv(
    path: Path,
    rows,
    delimiter=",",
    encoding="utf-8",
    bom=False,
    quote_all=False,
    lineterminator="\r\n",
):
    buf = io.StringIO()
    w = csv.writer(
        buf,
        delimiter=delimiter,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator=lineterminator,
    )
    for row in rows:
        w.writerow([_cell_text(v) for v in row])
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def write_xlsx(path: Path, sheets, date_format="yyyy-mm-dd", money_format="#,##0.00"):
    """sheets: list of (name, rows, widths or None). Values: str, int, float, Num, date, None."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    wb.set_properties({"created": FIXED, "author": "export", "title": ""})
    dfmt = wb.add_format({"num_format": date_format})
    mfmt = wb.add_format({"num_format": money_format})
    bold = wb.add_format({"bold": True})
    for name, rows, bold_rows in sheets:
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                fmt = bold if r in (bold_rows or ()) else None
                if isinstance(v, Num):
                    if (isinstance(v.value, float) and v.value != int(v.value)) or "." in v.text:
                        ws.write_number(r, c, v.value, mfmt)
                    else:
                        ws.write_number(r, c, v.value)
                elif isinstance(v, bool):
                    ws.write_boolean(r, c, v)
                elif isinstance(v, (int, float)):
                    ws.write_number(r, c, v)
                elif isinstance(v, (dt.date, dt.datetime)):
                    d = v if isinstance(v, dt.datetime) else dt.datetime(v.year, v.month, v.day)
                    ws.write_datetime(r, c, d, dfmt)
                else:
                    ws.write_string(r, c, str(v), fmt) if fmt else ws.write_string(r, c, str(v))
    wb.close()


def write_xls(path: Path, sheets):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    dstyle = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    mstyle = xlwt.easyxf(num_format_str="#,##0.00")
    for name, rows, _ in sheets:
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if isinstance(v, Num):
                    ws.write(r, c, v.value, mstyle)
                elif isinstance(v, (dt.date, dt.datetime)):
                    ws.write(r, c, dt.datetime(v.year, v.month, v.day), dstyle)
                else:
                    ws.write(r, c, v)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())
