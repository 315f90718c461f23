"""Writers that keep row numbers (1-based sheet rows / CSV records)."""

from __future__ import annotations

import csv
from decimal import Decimal

import openpyxl


class Sheet:
    def __init__(self, name="Sheet1"):
        self.name = name
        self.rows: list[list] = []

    def add(self, row) -> int:
        self.rows.append(list(row))
        return len(self.rows)


def write_csv(path, sheet, delimiter=",", encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
        for r in sheet.rows:
            w.writerow(["" if v is None else v for v in r])


def write_xlsx(path, sheets):
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
                ws.cell(row=i, column=j, value=v)
    wb.save(path)


def num(d, dec=".", thou=","):
    s = f"{Decimal(d):,.2f}"
    return s.replace(",", "\x00").replace(".", dec).replace("\x00", thou)
