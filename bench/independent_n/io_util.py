"""Deterministic writers (CSV records, xlsx via xlsxwriter, xls via xlwt)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

FIXED = dt.datetime(2026, 12, 1, 8, 0, 0)


def write_csv(
    path: Path,
    rows: list[list],
    encoding: str = "utf-8",
    delimiter: str = ",",
    lineterminator: str = "\r\n",
) -> None:
    buf = io.StringIO()
    w = csv.writer(
        buf, delimiter=delimiter, lineterminator=lineterminator, quoting=csv.QUOTE_MINIMAL
    )
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    path.write_bytes(buf.getvalue().encode(encoding))


def write_xlsx(
    path: Path, sheets: list[tuple[str, list[list]]], money_cols: dict | None = None
) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    wb.set_properties({"created": FIXED, "author": "export"})
    bold = wb.add_format({"bold": True})
    mfmt = wb.add_format({"num_format": "#,##0.00"})
    dfmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    for name, rows in sheets:
        ws = wb.add_worksheet(name)
        mc = (money_cols or {}).get(name, set())
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if isinstance(v, dt.date):
                    ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), dfmt)
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    ws.write_number(r, c, v, mfmt if c in mc else None)
                elif isinstance(v, tuple) and v and v[0] == "bold":
                    ws.write_string(r, c, v[1], bold)
                else:
                    ws.write_string(r, c, str(v))
    wb.close()


def write_xls(path: Path, sheets: list[tuple[str, list[list]]]) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    dstyle = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for name, rows in sheets:
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if isinstance(v, dt.date):
                    ws.write(r, c, dt.datetime(v.year, v.month, v.day), dstyle)
                else:
                    ws.write(r, c, v)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())
