"""Deterministic CSV and xlsx writers that remember which physical row holds which line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import pathlib
import unicodedata
from decimal import Decimal
from typing import Any

import xlsxwriter

FIXED_TIME = dt.datetime(2026, 11, 2, 8, 0, 0)
_ASCII_FALLBACK = str.maketrans(
    {
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Æ": "AE",
        "æ": "ae",
        "ß": "ss",
        "Œ": "OE",
        "œ": "oe",
        "Đ": "D",
        "đ": "d",
    }
)


class Table:
    """Rows as they will be written, each optionally tagged with the line it renders."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.tags: list[Any] = []

    def add(self, row: list[Any], tag: Any = None) -> None:
        self.rows.append(row)
        self.tags.append(tag)

    def row_map(self) -> dict[int, Any]:
        """1-based row number -> tag, for tagged rows."""
        return {i + 1: t for i, t in enumerate(self.tags) if t is not None}


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return format(v, "f")
    s = str(v)
    assert "\n" not in s and "\r" not in s, s
    return s


def _cp1252(s: str) -> str:
    try:
        s.encode("cp1252")
        return s
    except UnicodeEncodeError:
        s = s.translate(_ASCII_FALLBACK)
        return "".join(ch if _ok1252(ch) else unicodedata.normalize("NFKD", ch)[0] for ch in s)


def _ok1252(ch: str) -> bool:
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def write_csv(
    path: pathlib.Path,
    table: Table,
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    newline: str = "\r\n",
) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    for row in table.rows:
        cells = [_cell_text(v) for v in row]
        if encoding == "cp1252":
            cells = [_cp1252(c) for c in cells]
        w.writerow(cells)
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def write_xlsx(
    path: pathlib.Path,
    sheets: list[tuple[str, Table]],
    *,
    money_fmt: str = "#,##0.00",
    date_fmt: str = "mm/dd/yyyy",
) -> None:
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    wb.set_properties({"created": FIXED_TIME, "author": "export", "title": ""})
    f_date = wb.add_format({"num_format": date_fmt})
    f_money = wb.add_format({"num_format": money_fmt})
    f_bold = wb.add_format({"bold": True})
    for name, table in sheets:
        ws = wb.add_worksheet(name)
        for r, row in enumerate(table.rows):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if isinstance(v, bool):
                    ws.write_boolean(r, c, v)
                elif isinstance(v, int):
                    ws.write_number(r, c, v)
                elif isinstance(v, Decimal):
                    ws.write_number(r, c, float(v), f_money)
                elif isinstance(v, float):
                    ws.write_number(r, c, v)
                elif isinstance(v, dt.datetime):
                    ws.write_datetime(r, c, v, f_date)
                elif isinstance(v, dt.date):
                    ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), f_date)
                elif isinstance(v, Bold):
                    ws.write_string(r, c, v.text, f_bold)
                else:
                    ws.write_string(r, c, str(v))
    wb.close()


class Bold:
    """A text cell written in bold (report group rows and totals)."""

    def __init__(self, text: str) -> None:
        self.text = text
