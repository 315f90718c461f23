"""A line's description wrapped onto the row below, as a PDF invoice converted to Excel has it.

Bluechip's tax invoice, saved from PDF, writes "Microsoft 365 Business Basic - 1 Year" on the line
and "Commitment (Annual Billing) 01/11/26-31/10/27" alone on the next row, in the same column. That
row is no line: its text is the end of the description above (and says the line is billed yearly).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from engine.money import parse_money
from engine.read.layouts import blank as _blank

#: Rows read to find the description column (the column of the longest texts).
_SAMPLE = 2000
#: A table is wrapped only where continuation rows are at most this share of its rows.
_MOST_WRAPPED = 0.5


def join_wrapped(
    rows: list[Sequence[object]],
    positions: list[int],
    is_title: Callable[[Sequence[object]], bool],
) -> tuple[list[Sequence[object]], list[int]]:
    """The rows with each wrapped row's text joined to the description above, and their positions
    (a wrapped row goes). A wrapped row holds text in the description column alone (the column of
    the longest texts, never the first: text alone there names a group, see
    ``customers_from_group_rows``) directly below a line holding a number; a title row stays."""
    if len(rows) < 3:
        return rows, positions
    width = max(len(row) for row in rows)
    lengths = [0] * width
    for row in rows[:_SAMPLE]:
        if sum(not _blank(v) for v in row) >= 3:
            for i, value in enumerate(row):
                if isinstance(value, str):
                    lengths[i] += len(value)
    description = max(range(width), key=lengths.__getitem__)
    if description == 0:
        return rows, positions  # text alone in the first column is a group row (a customer)
    wrapped: list[int] = []
    for index in range(1, len(rows)):
        row, above = rows[index], rows[index - 1]
        if not _blank(row[0]) or (len(row) - 1 != description and not _blank(row[-1])):
            continue  # (speed: most rows fill their first or last cell, which a wrap leaves)
        filled = [i for i, v in enumerate(row) if not _blank(v)]
        if (
            filled == [description]
            and isinstance(row[description], str)
            and positions[index] == positions[index - 1] + 1
            and len(above) > description
            and isinstance(above[description], str)
            and any(_a_number(v) for v in above)
            and not is_title(row)
        ):
            wrapped.append(index)
    if not wrapped or len(wrapped) > _MOST_WRAPPED * len(rows):
        return rows, positions
    joined = set(wrapped)
    kept_rows: list[list[object]] = []  # (a wrapped row's text is joined to the row kept above)
    kept_positions: list[int] = []
    for index, row in enumerate(rows):
        if kept_rows and index in joined:
            last = kept_rows[-1]
            last[description] = f"{str(last[description]).rstrip()} {str(row[description]).strip()}"
            continue
        kept_rows.append(list(row))
        kept_positions.append(positions[index])
    return list(kept_rows), kept_positions


def _a_number(value: object) -> bool:
    """A cell holding a number: a spreadsheet's, or a text file's written out ("$1,188.00")."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int | float) or (
        isinstance(value, str) and parse_money(value) is not None
    )
