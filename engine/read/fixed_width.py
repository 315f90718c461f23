"""A report printed to text in fixed-width columns (an ERP's or a distributor's statement "printed
to file", saved as .txt, .prn or .csv): its columns read from where the text stands.

Fields in such a printout are set apart by runs of two spaces or more; one space stays inside a
field ("Microsoft 365 E3"). The lines with the most common number of fields (three or more) are
the table's; where each of their fields begins and ends gives the columns. Every other line (page
headings, "CUSTOMER: …" group rows, totals, rules) puts each of its fields in the column it stands
over most, so a group row is one cell at the left, as a spreadsheet of the same report would be.
A line the writer quoted whole, because an amount in it has a comma, is read without its quotes.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from engine.read.raw_table import Cell, RawTable

#: A printout's field: words set apart by one space (two spaces or more end the field).
_FIELD = re.compile(r"\S+(?: \S+)*")
#: The fewest columns, and the share of the top lines that must be the table's, to read a text so.
#: What a rule under a printout's heading is drawn with: no row of the report.
_RULE = " -=_*\u2014\u2500\u2550"
_MIN_COLUMNS = 3
_MIN_SHARE = 0.25
_SAMPLE = 400


def fixed_width_rows(top: Sequence[str], text: str, delimiter: str) -> list[list[Cell]] | None:
    """The rows of a fixed-width printout, or ``None`` when the text is not one, read from its
    ``top`` lines: when the sniffed ``delimiter`` splits the table's lines and its header alike,
    the text is delimited (a CSV padded with spaces for the eye is still a CSV)."""
    if "  " not in "".join(top) or any("\t" in line for line in top):
        return None  # (speed: most exports have no run of spaces); tabs set apart a TSV's fields
    lines = [_unquoted(line) for line in top[:_SAMPLE]]
    sample = [_fields(line) for line in lines if line.strip()]
    counts = Counter(len(fields) for fields in sample if len(fields) >= _MIN_COLUMNS)
    if not counts:
        return None
    width, table_lines = counts.most_common(1)[0]
    if table_lines < max(4, _MIN_SHARE * len(sample)):
        return None
    table = [fields for fields in sample if len(fields) == width]
    if _delimited(table, delimiter):
        return None
    spans = _column_spans(table)
    if spans is None:
        return None
    return [
        _placed(_fields(line), spans) if line.strip(_RULE) else []
        for line in map(_unquoted, text.splitlines())
    ]


def _unquoted(line: str) -> str:
    """A line written as one quoted CSV field (its amounts have commas) without its quotes."""
    if len(line) >= 2 and line[0] == '"' and line.rstrip()[-1] == '"':
        return next(csv.reader([line]), [line])[0] if line.count('"') >= 2 else line
    return line


def _fields(line: str) -> list[tuple[int, int, str]]:
    """Each field of a printed line: where it begins, where it ends, its text."""
    return [(found.start(), found.end(), found[0]) for found in _FIELD.finditer(line.rstrip())]


def _delimited(table: list[list[tuple[int, int, str]]], delimiter: str) -> bool:
    """Whether the delimiter splits the table's header into three fields or more and most of its
    lines as it splits the header: then the spaces only pad a delimited file for the eye."""
    counts = ["".join(text for _, _, text in fields).count(delimiter) for fields in table]
    if counts[0] < _MIN_COLUMNS - 1:
        return False  # the header has no delimiter: a printout (its amounts may have commas)
    return counts.count(counts[0]) >= 0.8 * len(counts)


def _column_spans(table: list[list[tuple[int, int, str]]]) -> list[tuple[int, int]] | None:
    """Where each column begins and ends over the table's lines; ``None`` when columns overlap
    (then the text is not in columns at all)."""
    spans = [
        (min(line[i][0] for line in table), max(line[i][1] for line in table))
        for i in range(len(table[0]))
    ]
    if any(left[1] > right[0] for left, right in pairwise(spans)):
        return None
    return spans


def _placed(fields: list[tuple[int, int, str]], spans: list[tuple[int, int]]) -> list[Cell]:
    """A line's fields, each in the column it stands over most (the nearest, over none)."""
    row: list[Cell] = [None] * len(spans)
    for start, end, text in fields:
        column = max(
            range(len(spans)),
            key=lambda i: (
                min(end, spans[i][1]) - max(start, spans[i][0]),
                -abs(start - spans[i][0]),
            ),
        )
        row[column] = text if row[column] is None else f"{row[column]} {text}"
    return row


def printout_in_one_column(table: RawTable) -> RawTable:
    """A printout pasted into a sheet, or saved as a workbook, one line to a cell of one column:
    read in its columns as the same printout saved as text is; any other table as it is."""
    column: int | None = None
    lines: list[str] = []
    for row in table.cells:
        filled = [(i, cell) for i, cell in enumerate(row) if cell is not None and cell != ""]
        if not filled:
            lines.append("")
            continue
        if (
            len(filled) > 1
            or not isinstance(filled[0][1], str)
            or column not in (None, filled[0][0])
        ):
            return table  # (speed: a table's first row of several cells ends the look)
        column = filled[0][0]
        lines.append(filled[0][1])
    text = "\n".join(lines)
    rows = fixed_width_rows(lines[:_SAMPLE], text, ",")
    if rows is None:
        return table
    note = f"{table.name} is a report printed in fixed-width columns; its columns were read."
    return RawTable(table.name, rows, table.row_offset, (*table.notes, note))
