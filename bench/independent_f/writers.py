"""Deterministic writers: CSV (any delimiter, encoding, BOM), xlsx (xlsxwriter) and xls (xlwt)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

Cell = str | int | Decimal | date | None

FIXED_TIME = datetime(2026, 10, 2, 8, 30, 0)


@dataclass
class Sheet:
    """One sheet: rows of cells, optional merged ranges (0-based r1, c1, r2, c2) and bold rows."""

    name: str
    rows: Sequence[Sequence[Cell]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    bold_rows: set[int] = field(default_factory=set)  # 0-based
    money_format: str = "#,##0.00"
    date_format: str = "dd/mm/yyyy"
    widths: dict[int, int] = field(default_factory=dict)


def write_csv(
    path: Path,
    rows: Sequence[Sequence[str]],
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
    writer.writerows(rows)
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def _auto_widths(sheet: Sheet) -> dict[int, int]:
    """Column widths a person would have dragged to: the longest text of a line (not of merged rows)."""
    merged_rows = {r1 for r1, _, _, _ in sheet.merges}
    widths: dict[int, int] = {}
    for r, row in enumerate(sheet.rows):
        if r in merged_rows or len(row) < 2:
            continue
        for c, value in enumerate(row):
            n = len(value) if isinstance(value, str) else 11 if value is not None else 0
            widths[c] = max(widths.get(c, 8), min(n + 2, 60))
    return widths


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"in_memory": True})
    wb.set_properties({"created": FIXED_TIME, "author": "Finance", "title": ""})
    bold = wb.add_format({"bold": True})
    for sheet in sheets:
        ws = wb.add_worksheet(sheet.name)
        money = wb.add_format({"num_format": sheet.money_format})
        money_b = wb.add_format({"num_format": sheet.money_format, "bold": True})
        day = wb.add_format({"num_format": sheet.date_format})
        widths = dict(sheet.widths) or _auto_widths(sheet)
        for col, width in widths.items():
            ws.set_column(col, col, width)
        merged_starts = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in sheet.merges}
        for r, row in enumerate(sheet.rows):
            is_bold = r in sheet.bold_rows
            for c, value in enumerate(row):
                if (r, c) in merged_starts:
                    r2, c2 = merged_starts[(r, c)]
                    ws.merge_range(
                        r, c, r2, c2, "" if value is None else str(value), bold if is_bold else None
                    )
                    continue
                if value is None or value == "":
                    continue
                if isinstance(value, Decimal):
                    ws.write_number(r, c, float(value), money_b if is_bold else money)
                elif isinstance(value, int):
                    ws.write_number(r, c, value, bold if is_bold else None)
                elif isinstance(value, date):
                    ws.write_datetime(r, c, datetime(value.year, value.month, value.day), day)
                else:
                    ws.write_string(r, c, value, bold if is_bold else None)
    wb.close()


def write_xls(path: Path, sheets: list[Sheet]) -> None:
    import xlwt  # type: ignore[import-untyped]

    wb = xlwt.Workbook(encoding="utf-8")
    bold = xlwt.easyxf("font: bold on")
    for sheet in sheets:
        ws = wb.add_sheet(sheet.name)
        money = xlwt.easyxf(num_format_str=sheet.money_format)
        day = xlwt.easyxf(num_format_str=sheet.date_format)
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, Decimal):
                    ws.write(r, c, float(value), money)
                elif isinstance(value, date):
                    ws.write(r, c, datetime(value.year, value.month, value.day), day)
                elif isinstance(value, int):
                    ws.write(r, c, value)
                else:
                    ws.write(
                        r, c, value, bold if r in sheet.bold_rows else xlwt.Style.default_style
                    )
    wb.save(str(path))
