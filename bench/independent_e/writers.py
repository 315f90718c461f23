"""Write tables as CSV, xlsx or xls, byte for byte the same every run."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

Cell = str | int | Decimal | date | None

FIXED_TIME = datetime(2026, 10, 1, 6, 0, 0)


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    bold_rows: set[int] = field(default_factory=set)  # 0-based
    date_format: str = "yyyy-mm-dd"
    money_cols: set[int] = field(default_factory=set)  # 0-based column indexes

    def add(self, row: list[Cell], bold: bool = False) -> int:
        """Append a row; return its 1-based row number."""
        self.rows.append(row)
        if bold:
            self.bold_rows.add(len(self.rows) - 1)
        return len(self.rows)


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def write_csv(
    path: Path,
    sheet: Sheet,
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    quote_all: bool = False,
) -> None:
    buf = io.StringIO()
    writer = csv.writer(
        buf,
        delimiter=delimiter,
        lineterminator="\r\n",
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    for row in sheet.rows:
        writer.writerow([_text(c) for c in row])
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"in_memory": True})
    book.set_properties({"created": FIXED_TIME, "author": "Finance", "title": ""})
    bold = book.add_format({"bold": True})
    money_fmt = book.add_format({"num_format": "#,##0.00"})
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name)
        date_fmt = book.add_format({"num_format": sheet.date_format})
        for r, row in enumerate(sheet.rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                if isinstance(cell, bool):
                    ws.write_boolean(r, c, cell)
                elif isinstance(cell, (int, Decimal)):
                    fmt = money_fmt if c in sheet.money_cols else None
                    ws.write_number(r, c, float(cell), fmt)
                elif isinstance(cell, date):
                    ws.write_datetime(r, c, datetime(cell.year, cell.month, cell.day), date_fmt)
                elif r in sheet.bold_rows:
                    ws.write_string(r, c, cell, bold)
                else:
                    ws.write_string(r, c, cell)
    book.close()


def write_xls(path: Path, sheets: list[Sheet]) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    bold = xlwt.easyxf("font: bold on")
    money_style = xlwt.easyxf(num_format_str="#,##0.00")
    for sheet in sheets:
        ws = book.add_sheet(sheet.name)
        date_style = xlwt.easyxf(num_format_str=sheet.date_format)
        for r, row in enumerate(sheet.rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                if isinstance(cell, (int, Decimal)):
                    if c in sheet.money_cols:
                        ws.write(r, c, float(cell), money_style)
                    else:
                        ws.write(r, c, float(cell))
                elif isinstance(cell, date):
                    ws.write(r, c, datetime(cell.year, cell.month, cell.day), date_style)
                elif r in sheet.bold_rows:
                    ws.write(r, c, cell, bold)
                else:
                    ws.write(r, c, cell)
    book.save(str(path))


# ------------------------------------------------------------- text formats


def plain(value: Decimal) -> str:
    return f"{value:.2f}"


def thousands(value: Decimal, symbol: str = "", parens: bool = False) -> str:
    text = f"{abs(value):,.2f}"
    if value < 0:
        return f"({symbol}{text})" if parens else f"-{symbol}{text}"
    return f"{symbol}{text}"


def decimal_comma(value: Decimal, places: int = 2) -> str:
    text = f"{abs(value):,.{places}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"-{text}" if value < 0 else text


SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "$", "CAD": "$"}
