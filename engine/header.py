"""Find the real header row of a raw grid and turn the rows below it into a table.

Exports put titles, report dates and blank lines above the header ("Recurring Invoices – August",
"Generated 2025-09-01"). The header is the row among the first :data:`SCAN_ROWS` non-blank rows that
looks most like one (:func:`engine.columns.header_score`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from engine.columns import header_score
from engine.errors import EmptyInputError
from engine.readers import RawTable

SCAN_ROWS = 30
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Table:
    """Rows under a header: ``data`` has one column per (unique) header, values as read."""

    name: str
    headers: list[str]
    data: pd.DataFrame
    row_numbers: list[int]  # the file's row number of each data row (1-based, like Excel)
    header_row: int


_NEEDS_CLEANING = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad\u00a0\t\r\n]| {2}")


def clean_text(value: object) -> str:
    """Text with NBSP/tabs folded to spaces and zero-width characters removed."""
    text = str(value)
    if not _NEEDS_CLEANING.search(text):  # the common case: nothing to fold
        return text.strip()
    text = _INVISIBLE.sub("", text).replace("\u00a0", " ").replace("\t", " ")
    return re.sub(r" {2,}", " ", text).strip()


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (Excel's column names)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _unique_headers(cells: list[object]) -> list[str]:
    headers: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells):
        text = clean_text(cell) if cell is not None else ""
        if not text:
            text = f"column {column_letter(index)}"
        key = text.lower()
        if key in seen:
            seen[key] += 1
            text = f"{text} ({seen[key]})"
        else:
            seen[key] = 1
        headers.append(text)
    return headers


def _blank_rows(cells: pd.DataFrame) -> list[bool]:
    """True for rows with nothing in them (None, empty or whitespace-only text)."""
    values = cells.to_numpy(dtype=object)
    filled = (values != None) & (values != "")  # noqa: E711 (elementwise, not identity)
    blank = ~filled.any(axis=1)
    for position in np.flatnonzero(~blank):  # a row with only spaces is blank too
        row = values[position]
        if all(v is None or (v.__class__ is str and v.isspace()) or v == "" for v in row):
            blank[position] = True
    return [bool(b) for b in blank]


def locate_header(raw: RawTable) -> Table:
    """Pick the header row, name columns uniquely and keep the non-blank rows below it."""
    cells = raw.cells
    if cells.empty:
        raise EmptyInputError(
            f"{raw.name}: there is nothing in it. Paste or export the data again."
        )
    filled_positions = [i for i, is_blank in enumerate(_blank_rows(cells)) if not is_blank]
    if not filled_positions:
        raise EmptyInputError(f"{raw.name}: every row is blank. Paste or export the data again.")
    best_position, best_score = filled_positions[0], 0.0
    for position in filled_positions[:SCAN_ROWS]:
        score = header_score(cells.iloc[position].tolist())
        if score > best_score:
            best_position, best_score = position, score
    headers = _unique_headers(cells.iloc[best_position].tolist())
    below = [p for p in filled_positions if p > best_position]
    if not below:
        raise EmptyInputError(
            f"{raw.name}: only a header row was found (row {best_position + raw.row_offset}), no "
            "data rows. Export the report again with its lines, or paste them under the header."
        )
    data = cells.iloc[below].copy()
    data.columns = pd.Index(headers)
    data = data.reset_index(drop=True)
    return Table(
        name=raw.name,
        headers=headers,
        data=data,
        row_numbers=[p + raw.row_offset for p in below],
        header_row=best_position + raw.row_offset,
    )
