"""Writing tables as real exports do: CSV in several dialects and xlsx with several sheets.

Rows are numbered the way a spreadsheet shows them: 1-based physical rows (records of a CSV, rows of
a sheet), title rows, headers and group rows included. Every line of the scenario remembers the row it
was written to.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import xlsx_fast

Cell = str | int | float | Decimal | date | None


@dataclass
class Sheet:
    """One table: its rows, the scenario line each row carries (uid) and xlsx formats per column."""

    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    uids: list[int | None] = field(default_factory=list)
    formats: dict[int, str] = field(default_factory=dict)  # column -> xlsx number format
    bold: set[int] = field(default_factory=set)  # 0-based row indexes shown in bold
    widths: dict[int, int] = field(default_factory=dict)

    def add(self, row: Sequence[Cell], uid: int | None = None, bold: bool = False) -> None:
        if bold:
            self.bold.add(len(self.rows))
        self.rows.append(list(row))
        self.uids.append(uid)

    def row_numbers(self) -> dict[int, int]:
        return {u: i + 1 for i, u in enumerate(self.uids) if u is not None}


def money(
    cents: int | Decimal,
    *,
    sym: str = "",
    dec: str = ".",
    thou: str = "",
    after: str = "",
    places: int = 2,
) -> str:
    """Format an amount in cents (or a Decimal of currency units when ``places`` differs)."""
    value = Decimal(cents) / 100 if isinstance(cents, int) else cents
    neg = value < 0
    text = f"{abs(value):,.{places}f}"
    text = text.replace(",", "\0").replace(".", dec).replace("\0", thou)
    return f"{'-' if neg else ''}{sym}{text}{after}"


def write_csv(
    path: Path,
    sheet: Sheet,
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    crlf: bool = True,
    quote_all: bool = False,
) -> None:
    buf = io.StringIO()
    w = csv.writer(
        buf,
        delimiter=delimiter,
        lineterminator="\r\n" if crlf else "\n",
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    for row in sheet.rows:
        w.writerow(["" if c is None else _text(c) for c in row])
    data = buf.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def _text(c: Cell) -> str:
    if isinstance(c, date):
        return c.isoformat()
    return str(c)


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    """An xlsx whose bytes depend only on its content, with readable column widths."""
    all_widths: list[dict[int, int]] = []
    for sh in sheets:
        widths: dict[int, int] = {}
        for row in sh.rows[:400]:  # exports come with readable column widths
            for col, value in enumerate(row):
                if len(row) > 1 and value is not None:
                    size = 11 if isinstance(value, date) else len(str(value))
                    widths[col] = max(widths.get(col, 8), min(size + 2, 48))
        all_widths.append({**widths, **sh.widths})
    xlsx_fast.write(path, sheets, all_widths)


def write_xls(path: Path, sheets: list[Sheet]) -> None:
    """An old binary .xls workbook (BIFF8), as older report engines still export.

    xlwt is the project's test dependency for .xls fixtures; imported here so that only this
    format needs it."""
    import xlwt  # type: ignore[import-untyped]

    wb = xlwt.Workbook(encoding="utf-8")
    styles: dict[tuple[str, bool], Any] = {}

    def style(spec: str, is_bold: bool) -> Any:
        key = (spec, is_bold)
        if key not in styles:
            st = xlwt.XFStyle()
            st.num_format_str = spec
            if is_bold:
                font = xlwt.Font()
                font.bold = True
                st.font = font
            styles[key] = st
        return styles[key]

    for sh in sheets:
        ws = wb.add_sheet(sh.name)
        for r, row in enumerate(sh.rows):
            is_bold = r in sh.bold
            for col, value in enumerate(row):
                if value is None or value == "":
                    continue
                spec = sh.formats.get(col, "General")
                if isinstance(value, date):
                    ws.write(
                        r, col, value, style(spec if spec != "General" else "dd/mm/yyyy", is_bold)
                    )
                elif isinstance(value, (int, float, Decimal)):
                    ws.write(r, col, float(value), style(spec, is_bold))
                else:
                    ws.write(r, col, str(value), style("General", is_bold))
    wb.save(str(path))
