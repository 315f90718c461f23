"""Rows appended to a sheet the user owns (Client Aliases), in place: every existing cell, column
and row stays as it is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from addin.workbook.sheet_rows import clip, escape_text


@dataclass(frozen=True)
class Appended:
    """Rows to add to a user's sheet: from sheet row ``first_row`` (1-based), column ``first_col``
    (0-based) on."""

    first_row: int
    first_col: int
    rows: Sequence[Sequence[object]]


_ROW_ELEMENT = re.compile(r'<row\b[^>]*?\br="(\d+)"[^>]*?(?:/>|>.*?</row>)', re.DOTALL)
_CELL_REF = re.compile(r'<c\b[^>]*?\br="([A-Z]+)(\d+)"')


def _appended_cell(ref: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = escape_text(clip(str(value)))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def append_rows(sheet_xml: str, at: Appended) -> str:
    """``sheet_xml`` with ``at.rows`` added below its last row; nothing already there changes (empty
    rows in the way — formatting only — make room)."""
    from engine.read.header import column_letter

    last_row = at.first_row + len(at.rows) - 1

    def keep(match: re.Match[str]) -> str:
        number, element = int(match.group(1)), match.group(0)
        if at.first_row <= number <= last_row and "<v>" not in element and "<is>" not in element:
            return ""  # an empty (formatted) row where a new one goes
        return element

    xml = _ROW_ELEMENT.sub(keep, sheet_xml)
    rows = []
    for offset, values in enumerate(at.rows):
        number = at.first_row + offset
        cells = "".join(
            _appended_cell(f"{column_letter(at.first_col + index)}{number}", value)
            for index, value in enumerate(values)
        )
        rows.append(f'<row r="{number}">{cells}</row>')
    added = "".join(rows)
    later = [m for m in _ROW_ELEMENT.finditer(xml) if int(m.group(1)) > last_row]
    if later:  # rows below ours (values far down the sheet) stay after ours, in order
        position = later[0].start()
        xml = xml[:position] + added + xml[position:]
    elif "<sheetData/>" in xml:
        xml = xml.replace("<sheetData/>", f"<sheetData>{added}</sheetData>", 1)
    else:
        end = xml.rindex("</sheetData>")
        xml = xml[:end] + added + xml[end:]
    last_col = column_letter(at.first_col + max(len(r) for r in at.rows) - 1)

    def widen(match: re.Match[str]) -> str:
        start, end_col, end_row = match.group(1), match.group(2), int(match.group(3))
        if len(last_col) > len(end_col) or (len(last_col) == len(end_col) and last_col > end_col):
            end_col = last_col
        return f'<dimension ref="{start}:{end_col}{max(end_row, last_row)}"/>'

    return re.sub(r'<dimension ref="([A-Z]+\d+):([A-Z]+)(\d+)"/>', widen, xml, count=1)
