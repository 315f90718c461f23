"""Fast sheet rows: write ``<row>`` XML for many rows directly, in the styles of a template row.

xlsxwriter costs ~8 µs a cell; 100k-line reconciliations have close to a million output cells. So
xlsxwriter writes each output sheet's shell (column formats, header, the first data row, the Table,
conditional formats, validation) and this module writes rows 3…n in exactly the styles xlsxwriter gave
row 2. Text goes in as inline strings (never formulas), escaped the way xlsxwriter escapes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from itertools import chain, zip_longest
from typing import cast

from engine.read.header import column_letter

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ROW = re.compile(r'<row r="(\d+)"[^>]*>(.*?)</row>', re.DOTALL)
_CELL_STYLE = re.compile(r'<c r="([A-Z]+)\d+"(?: s="(\d+)")?')


def column_letters(count: int) -> list[str]:
    return [column_letter(index) for index in range(count)]


_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _needs_escape(text: str) -> bool:
    # a character class alone scans 3× faster than with an "_x" alternative; "in" is a memchr
    return "_x" in text or _SPECIAL.search(text) is not None


def _text(value: str) -> str:
    """XML text as Excel reads it: & < > escaped, literal "_x" guarded, control characters as _xHHHH_."""
    if not _needs_escape(value):
        return value
    if "_x" in value:
        value = value.replace("_x", "_x005F_x")
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _CONTROL.search(value):
        value = _CONTROL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", value)
    return value


#: Excel holds at most this many characters in a cell; longer text makes it "repair" the workbook.
CELL_LIMIT = 32_767


def clip(text: str) -> str:
    """Text cut to Excel's cell limit, ending in a marker that says how long it was."""
    if len(text) <= CELL_LIMIT:
        return text
    marker = f"…[clipped: {len(text):,} characters]"
    return text[: CELL_LIMIT - len(marker)] + marker


def escape_text(value: str) -> str:
    """XML text for a cell (see :func:`_text`)."""
    return _text(value)


_STRING = '<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _cell(ref: str, style: str, value: object) -> str:
    """One cell of any kind ("" for an empty one)."""
    if value is None or value == "":
        return ""
    kind = value.__class__
    if kind is bool:
        return f'<c r="{ref}"{style} t="b"><v>{1 if value else 0}</v></c>'
    if kind is int or kind is float or kind is Decimal:
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    return _STRING.format(ref=ref, style=style, text=_text(clip(str(value))))


def _column_cells(
    letter: str, style: str, numbers: Sequence[str], values: Sequence[object]
) -> list[str]:
    """A column's cells, built a column at a time: one type check per column, not per cell."""
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:
        texts = (
            cast(Sequence[str], values)  # all text: taken as it is, not copied
            if kinds == {str}
            else [v if isinstance(v, str) else "" for v in values]
        )
        if max(map(len, texts), default=0) > CELL_LIMIT:
            texts = [clip(t) for t in texts]
        joined = "\n".join(texts)
        if _needs_escape(joined):
            # escaping never touches a line break, so the whole column is escaped in one go
            escaped = _text(joined).split("\n")
            texts = escaped if len(escaped) == len(texts) else [_text(v) for v in texts]
        head, tail = f'<c r="{letter}', f'"{style} t="inlineStr"><is><t xml:space="preserve">'
        return [
            f"{head}{n}{tail}{t}</t></is></c>" if t else ""
            for n, t in zip(numbers, texts, strict=True)
        ]
    if kinds <= {int, float, Decimal, type(None)}:
        head, tail = f'<c r="{letter}', f'"{style}><v>'
        return [
            f"{head}{n}{tail}{v}</v></c>" if v is not None else ""
            for n, v in zip(numbers, values, strict=True)
        ]
    return [_cell(f"{letter}{n}", style, v) for n, v in zip(numbers, values, strict=True)]


#: Rows written per block: big enough that per-column work stays cheap, small enough that 100k
#: rows' cell strings (~120 bytes each) are never all alive at once (memory, issue 15).
_CHUNK = 4096


def rows_xml(
    rows: Sequence[Sequence[object]],
    first_row: int,
    styles: Sequence[str],
    heights: Sequence[float | None] | None = None,
) -> str:
    """``<row>`` elements for ``rows`` starting at sheet row ``first_row`` (1-based).

    ``styles`` holds each column's ``s`` attribute text (e.g. ``' s="5"'`` or ``''``); ``heights``
    (points, parallel to ``rows``) sets rows that hold wrapped text taller.
    """
    return "".join(_row_blocks(rows, first_row, styles, heights))


def _row_blocks(
    rows: Sequence[Sequence[object]],
    first_row: int,
    styles: Sequence[str],
    heights: Sequence[float | None] | None = None,
) -> Iterator[str]:
    """:func:`rows_xml` a block of rows at a time: a block's cell strings live only till it is
    joined, so 100k rows' strings (~120 bytes a cell) are never all alive at once."""
    for at in range(0, len(rows), _CHUNK):
        yield _block_xml(
            rows[at : at + _CHUNK],
            first_row + at,
            styles,
            heights[at : at + _CHUNK] if heights else None,
        )


def _block_xml(
    rows: Sequence[Sequence[object]],
    first_row: int,
    styles: Sequence[str],
    heights: Sequence[float | None] | None = None,
) -> str:
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    letters = column_letters(width)
    numbers = [str(n) for n in range(first_row, first_row + len(rows))]  # formatted once
    columns = list(zip_longest(*rows)) if width else []
    cells = [
        _column_cells(letters[i], styles[i] if i < len(styles) else "", numbers, columns[i])
        for i in range(width)
    ]
    if heights:
        opening = [
            f'<row r="{n}" ht="{h:g}" customHeight="1">' if h else f'<row r="{n}">'
            for n, h in zip(numbers, heights, strict=True)
        ]
    else:
        opening = [f'<row r="{n}">' for n in numbers]
    closing = ["</row>"] * len(rows)
    # one join over every piece, row by row: row tag, its cells, end tag
    return "".join(chain.from_iterable(zip(opening, *cells, closing, strict=True)))


def fill_rows(
    sheet_xml: str,
    rows: Sequence[Sequence[object]],
    *,
    template_row: int,
    heights: Sequence[float | None] | None = None,
) -> str:
    """Append ``rows`` after ``template_row`` (already written by xlsxwriter), in its cell styles."""
    return "".join(_filled(sheet_xml, rows, template_row, heights))


def fill_rows_utf8(
    sheet_xml: str,
    rows: Sequence[Sequence[object]],
    *,
    template_row: int,
    heights: Sequence[float | None] | None = None,
) -> bytes:
    """:func:`fill_rows` as the UTF-8 bytes a package stores, encoded a block at a time: the
    sheet's text (up to four bytes a character) is never held whole beside its bytes."""
    return b"".join(fill_rows_pieces(sheet_xml, rows, template_row=template_row, heights=heights))


def fill_rows_pieces(
    sheet_xml: str,
    rows: Sequence[Sequence[object]],
    *,
    template_row: int,
    heights: Sequence[float | None] | None = None,
) -> Iterator[bytes]:
    """:func:`fill_rows_utf8` a block of rows at a time (for a package part deflated as it is
    written: the sheet is never held whole)."""
    return (piece.encode("utf-8") for piece in _filled(sheet_xml, rows, template_row, heights))


def _filled(
    sheet_xml: str,
    rows: Sequence[Sequence[object]],
    template_row: int,
    heights: Sequence[float | None] | None,
) -> Iterator[str]:
    if not rows:
        yield sheet_xml
        return
    match = next(m for m in _ROW.finditer(sheet_xml) if int(m.group(1)) == template_row)
    styles_by_column = {
        col: f' s="{s}"' if s else "" for col, s in _CELL_STYLE.findall(match.group(2))
    }
    width = max(len(r) for r in rows)
    styles = [styles_by_column.get(letter, "") for letter in column_letters(width)]
    last_row = template_row + len(rows)
    # the dimension sits in the sheet's head (escaped text can never look like one): edited there,
    # the sheet is put together once rather than copied again whole
    head = re.sub(
        r'<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"/>',
        lambda m: f'<dimension ref="{m.group(1)}:{m.group(2)}{max(last_row, 1)}"/>',
        sheet_xml[: match.end()],
        count=1,
    )
    yield head
    yield from _row_blocks(rows, template_row + 1, styles, heights)
    yield sheet_xml[match.end() :]
