"""Deterministic writers for .csv, .xlsx and .xls, and a table that remembers which row is which."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import xlsxwriter
import xlwt  # type: ignore[import-untyped, unused-ignore]

Cell = str | int | Decimal | date | None


@dataclass
class Sheet:
    """Rows of one sheet (or CSV), with the line each row renders (`None` for layout rows)."""

    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    line_of_row: dict[int, int] = field(default_factory=dict)  # 1-based row -> line index
    bold_rows: set[int] = field(default_factory=set)
    merges: list[tuple[int, int, int]] = field(default_factory=list)  # (row, first col, last col)
    money_cols: set[int] = field(default_factory=set)
    date_format: str = "dd/mm/yyyy"

    def add(self, cells: list[Cell], line: int | None = None, bold: bool = False) -> int:
        self.rows.append(cells)
        row = len(self.rows)
        if line is not None:
            self.line_of_row[row] = line
        if bold:
            self.bold_rows.add(row)
        return row


def write_csv(path: Path, sheet: Sheet, delimiter: str = ",", encoding: str = "utf-8") -> None:
    """Every cell must already be text; `encoding` may be utf-8-sig (a BOM) or cp1252."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in sheet.rows:
        writer.writerow(["" if c is None else str(c) for c in row])
    path.write_bytes(buffer.getvalue().encode(encoding))


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    """xlsxwriter with a fixed creation date, so the same scenario gives the same bytes."""
    book = xlsxwriter.Workbook(
        str(path), {"strings_to_numbers": False, "strings_to_formulas": False}
    )
    book.set_properties({"created": datetime(2026, 10, 2, 8, 0, 0), "author": "Billing"})
    bold = book.add_format({"bold": True})
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name)
        date_fmt = book.add_format({"num_format": sheet.date_format})
        money_fmt = book.add_format({"num_format": "#,##0.00"})
        for r, row in enumerate(sheet.rows):
            is_bold = (r + 1) in sheet.bold_rows
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, date):
                    ws.write_datetime(r, c, datetime(value.year, value.month, value.day), date_fmt)
                elif isinstance(value, Decimal):
                    ws.write_number(r, c, float(value), money_fmt)
                elif isinstance(value, int):
                    ws.write_number(r, c, value, bold if is_bold else None)
                else:
                    ws.write_string(r, c, value, bold if is_bold else None)
        for row_no, first, last in sheet.merges:
            value = sheet.rows[row_no - 1][first]
            ws.merge_range(row_no - 1, first, row_no - 1, last, str(value or ""), bold)
        ws.set_column(0, 0, 34)
        ws.set_column(1, 20, 16)
    book.close()


def write_xls(path: Path, sheets: list[Sheet]) -> None:
    """Legacy Excel 97-2003 through xlwt (dates as real Excel dates)."""
    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    money_style = xlwt.easyxf(num_format_str="#,##0.00")
    bold_style = xlwt.easyxf("font: bold on")
    for sheet in sheets:
        ws = book.add_sheet(sheet.name)
        for r, row in enumerate(sheet.rows):
            is_bold = (r + 1) in sheet.bold_rows
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, date):
                    ws.write(r, c, datetime(value.year, value.month, value.day), date_style)
                elif isinstance(value, Decimal):
                    ws.write(r, c, float(value), money_style)
                elif is_bold:
                    ws.write(r, c, value, bold_style)
                else:
                    ws.write(r, c, value)
    book.save(str(path))


def amount(value: Decimal, decimal: str = ".", thousands: str = "", places: int = 2) -> str:
    """`value` as text with the region's separators (1.234,56 / 1,234.56 / 1 234,56)."""
    q = value.quantize(Decimal(1).scaleb(-places))
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = thousands.join(groups)
    return f"{sign}{text}{decimal}{frac}" if places else f"{sign}{text}"
