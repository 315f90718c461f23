"""Low-level writers that keep track of row numbers."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import xlsxwriter


class Sheet:
    """rows collected in memory; row numbers are 1-based as Excel / CSV records count them."""

    def __init__(self, name="Sheet1"):
        self.name = name
        self.rows: list[list] = []

    def add(self, row) -> int:
        self.rows.append(list(row))
        return len(self.rows)


def write_csv(
    path,
    sheet: Sheet,
    delimiter=",",
    encoding="utf-8",
    quoting=csv.QUOTE_MINIMAL,
    lineterminator="\r\n",
):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator)
    for r in sheet.rows:
        w.writerow(["" if v is None else v for v in r])
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(buf.getvalue())


def write_xlsx(path, sheets: list[Sheet], money_cols=None):
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    for sh in sheets:
        ws = wb.add_worksheet(sh.name)
        for i, r in enumerate(sh.rows):
            for j, v in enumerate(r):
                if v is None or v == "":
                    continue
                if isinstance(v, Decimal):
                    ws.write_number(i, j, float(v))
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    ws.write_number(i, j, v)
                else:
                    ws.write_string(i, j, str(v))
    wb.close()


def num_comma(d: Decimal, thousands=".") -> str:
    s = f"{d:,.2f}"
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", thousands)


def num_us(d: Decimal) -> str:
    return f"{d:,.2f}"
