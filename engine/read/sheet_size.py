"""How big a sheet is before it is read: its used range from the sheet XML (the dimension, or the
cells streamed when the dimension lies), so a stray far cell or a full sheet is refused before
memory is spent."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import IO

from engine.errors import UnreadableFileError
from engine.read import limits
from engine.read.raw_table import too_many_rows

_SHEET = re.compile(rb"<sheet\b[^>]*?/>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_DIMENSION = re.compile(rb'<dimension ref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"')
_CELL_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"')
_ROW_REF = re.compile(rb'<row\b[^>]*?\br="(\d+)"')


def _greater(value: str, alphabet: str) -> str:
    """A regex for strings over ``alphabet`` (ordered) that are longer than ``value``, or as long
    and greater: columns after ``W`` (``[X-Z]``, ``[A-Z]{2,3}``), rows after 12508."""
    first, last = alphabet[0], alphabet[-1]
    options = [f"[{first}-{last}]{{{len(value) + 1},}}"]
    for index, char in enumerate(value):
        if char == last:
            continue
        following = (
            f"[{first}-{last}]{{{len(value) - index - 1}}}" if index < len(value) - 1 else ""
        )
        options.append(f"{re.escape(value[:index])}[{chr(ord(char) + 1)}-{last}]{following}")
    return "|".join(options)


def _column_number(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The package part holding the sheet named ``sheet`` (None if not found)."""
    from xml.sax.saxutils import unescape

    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError):
        return None
    targets = {}
    for element in re.findall(rb"<Relationship\b[^>]*?/>", rels):
        attrs = dict(_ATTRIBUTE.findall(element))
        targets[attrs.get(b"Id", b"")] = attrs.get(b"Target", b"").decode("utf-8", "replace")
    for element in _SHEET.findall(workbook):
        attrs = {k.split(b":")[-1]: v for k, v in _ATTRIBUTE.findall(element)}
        name = unescape(attrs.get(b"name", b"").decode("utf-8", "replace"), {"&quot;": '"'})
        if name == sheet:
            target = targets.get(attrs.get(b"id", b""), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def sheet_extent(data: bytes) -> tuple[int, int, str]:
    """(rows, columns, last cell) a reader would make of a sheet's XML: the ``<dimension>`` Excel
    writes, checked against every cell and row reference (a lying or missing one means a full scan)."""
    declared = _DIMENSION.search(data, 0, 4096)
    if declared is not None:
        letters, row = declared.group(1).decode(), declared.group(2).decode()
        if not _past(data, _beyond(letters, row)):
            return int(row), _column_number(letters), f"{letters}{row}"
    rows = max((int(r) for r in _ROW_REF.findall(data)), default=0)
    columns, last = 0, ""
    for letters_b, row_b in set(_CELL_REF.findall(data)):
        rows = max(rows, int(row_b))
        number = _column_number(letters_b.decode())
        if number > columns:
            columns, last = number, letters_b.decode()
    return rows, columns, f"{last or 'A'}{rows}"


def _beyond(letters: str, row: str) -> re.Pattern[bytes]:
    """A cell in a later column than ``letters``, or a row or cell in a later row than ``row``.

    Tried at each of a sheet's references (2.7M in a 100k-line export, the reading threads' GIL
    held meanwhile), so each try fails fast: a later row has at least as many digits as ``row``
    (the look-ahead turns every shorter one away before the alternatives are tried), and the
    letters before the digits are never given back (possessive: every alternative after them
    starts with a digit). The same references match as without either."""
    return re.compile(
        rf' r="(?:(?:{_greater(letters, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")})\d'
        rf'|[A-Z]{{0,3}}+(?=[0-9]{{{len(row)}}})(?:{_greater(row, "0123456789")})")'.encode()
    )


def _past(data: bytes, beyond: re.Pattern[bytes]) -> bool:
    """One pass: a reference past the declared dimension (a literal " r=" lets the scan run at C
    speed; a reference after another kind of white space means a full scan)."""
    odd_spacing = any(_spaced_reference(data, space) for space in (b"\t", b"\n", b"\r"))
    return odd_spacing or beyond.search(data) is not None


def _spaced_reference(data: bytes, space: bytes) -> bool:
    """``space + b'r="'`` in ``data``: a one-byte find (memchr) for the space, which a sheet's XML
    holds rarely (its declaration's line end), then the four bytes at the few places found. A
    four-byte find is ~20× slower there: its last byte, a quote, is on every attribute."""
    at = data.find(space)
    for _ in range(16):
        if at == -1:
            return False
        if data.startswith(b'r="', at + 1):
            return True
        at = data.find(space, at + 1)
    return at != -1 and data.find(space + b'r="', at) != -1


#: Inflated sheet XML looked at per block when checking a sheet's extent.
_BLOCK = 8 * 1024 * 1024


def _streamed_extent(stream: IO[bytes]) -> tuple[int, int, str] | None:
    """:func:`sheet_extent`'s common case, the sheet inflated a block at a time: the declared
    dimension with nothing past it. A full sheet's XML (~0.8 GB) is never held whole just to be
    checked. None when the dimension is missing or something lies past it (the caller then reads
    the whole part). Blocks end before a "<": no reference the scan looks for holds one, so none is
    cut in two."""
    head = b""
    while len(head) < 4096 and (block := stream.read(_BLOCK)):
        head += block
    declared = _DIMENSION.search(head, 0, 4096)
    if declared is None:
        return None
    letters, row = declared.group(1).decode(), declared.group(2).decode()
    beyond = _beyond(letters, row)
    pending = head
    while True:
        block = stream.read(_BLOCK)
        data = pending + block if block else pending
        cut = max(data.rfind(b"<"), 0) if block else len(data)
        if _past(data[:cut], beyond):
            return None
        if not block:
            return int(row), _column_number(letters), f"{letters}{row}"
        pending = data[cut:]


#: How a cell starts in sheet XML (``<c r="B2" …>``, ``<c>``, or with a namespace prefix).
_CELL_STARTS = (b"<c ", b"<c>", b":c ", b":c>")


def _cells_written(stream: IO[bytes]) -> int:
    """The cells a sheet's XML holds, counted a block at a time (a full sheet is ~0.8 GB of XML).
    A cell's start cut by a block's end is counted in the next: two bytes are carried over."""
    count, carried = 0, b""
    while block := stream.read(_BLOCK):
        data = carried + block
        count += sum(data.count(start) for start in _CELL_STARTS)
        carried = data[-2:]
    return count


def check_sheet_size(path: Path, name: str, sheet: str) -> None:
    """Refuse a sheet whose used range is too large to read, before a grid is built for it."""
    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, sheet)
            if part is None or part not in archive.NameToInfo:
                return  # the reader reports a missing or odd sheet in its own words
            with archive.open(part) as stream:
                extent = _streamed_extent(stream)
            if extent is None:
                extent = sheet_extent(archive.read(part))
            rows, columns, last = extent
            written = None
            if (
                limits.SPARSE_CELLS < rows * columns <= limits.MAX_CELLS
            ):  # a big range: is it the table's?
                with archive.open(part) as stream:
                    written = _cells_written(stream)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        zlib.error,
        RuntimeError,
        NotImplementedError,
    ) as error:
        raise UnreadableFileError(
            f"{name}, sheet {sheet!r}: the sheet's part is damaged ({error}). Open the workbook in "
            "Excel and save it again."
        ) from None
    if rows * columns > limits.MAX_CELLS:
        raise UnreadableFileError(
            f"{name}, sheet {sheet!r}: its used range reaches cell {last} ({rows:,} rows × "
            f"{columns:,} columns), far more than an export holds. Something was typed, pasted or "
            f"formatted far outside the table: in Excel press Ctrl+End to find it, delete those rows "
            "and columns, save, and run again."
        )
    if written is not None and written * limits.LEAST_FILLED < rows * columns:
        raise UnreadableFileError(
            f"{name}, sheet {sheet!r}: its used range reaches cell {last} ({rows:,} rows × "
            f"{columns:,} columns) but only {written:,} cells hold anything: something was typed, "
            "pasted or formatted far below or right of the table. In Excel press Ctrl+End to find "
            "it, delete the empty rows and columns up to it, save, and run again."
        )
    if rows > limits.MAX_ROWS:
        raise too_many_rows(f"{name}, sheet {sheet!r}")
