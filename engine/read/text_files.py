"""CSV and TXT exports, and Partner Center's zip of CSV parts: any common encoding (code pages
sniffed, mojibake refused) and delimiter, read into a :class:`RawTable`."""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from engine.errors import EmptyInputError, UnreadableFileError
from engine.read import limits
from engine.read.codepage import code_page, double_byte_page
from engine.read.fixed_width import fixed_width_rows
from engine.read.html_table import html_rows
from engine.read.raw_table import (
    OLE_SIGNATURE,
    Cell,
    Grid,
    RawTable,
    check_zip,
    checked,
    too_many_rows,
)

_DELIMITERS = (",", ";", "\t", "|")


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes: BOMs first, then UTF-16 without BOM, UTF-8, Shift-JIS, and a Windows code page."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, name)
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) > len(sample) // 4:
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        return _strict(data, "utf-16-be" if even_zeros > odd_zeros else "utf-16-le", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    japanese = _shift_jis(data)
    if japanese is not None:
        return japanese
    if (page := double_byte_page(data)) is not None:
        return data.decode(page, errors="replace")
    # Mixed files (a UTF-8 export with lines pasted from a Windows one) decode line by line; the
    # lines that are not UTF-8 in the code page their letters make words in (engine.read.codepage).
    lines: list[str | bytes] = []
    for line in data.splitlines(keepends=True):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line)
    page = code_page(line for line in lines if isinstance(line, bytes))
    return "".join(
        line if isinstance(line, str) else line.decode(page, errors="replace") for line in lines
    )


def _shift_jis(data: bytes) -> str | None:
    """A Japanese export saved by Excel as Shift-JIS (cp932), else ``None``.

    Windows-1252 text of European names often decodes as cp932 too, but into stray kanji and
    half-width kana: only a file with full-width kana (in every Japanese header and status) is read so.
    """
    sample = data[:20000].decode("cp932", errors="ignore")  # a cp1252 file is not decoded twice
    if sum("\u3040" <= char <= "\u30ff" for char in sample) < 3:
        return None
    try:
        return data.decode("cp932")
    except UnicodeDecodeError:
        return None


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            f"{name}: the file says it is {codec.upper()} but byte {error.start} is not valid "
            f"{codec.upper()}. Re-export it as UTF-8 CSV (Excel: File > Save As > CSV UTF-8)."
        ) from None


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits most sample lines into the same, largest number of fields."""
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        widths = Counter(count for count in counts if count > 1)
        if not widths:
            continue
        width, agreeing = max(widths.items(), key=lambda item: (item[1], item[0]))
        score = (agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes, *, name: str) -> RawTable:
    """Parse CSV/TXT bytes into a raw grid; every row kept, ragged rows padded with ``None``."""
    if not data.strip():
        raise EmptyInputError(
            f"{name}: the file is empty. Export the report again and check it has rows."
        )
    if data.startswith(OLE_SIGNATURE) or data.startswith(b"PK\x03\x04"):
        raise UnreadableFileError(
            f"{name}: this is a workbook, not text; save it with an .xlsx name."
        )
    text = decode_text(data, name)
    if "\x00" in text:
        raise UnreadableFileError(
            f"{name}: the file contains binary data, not text. Export the report as CSV or .xlsx."
        )
    stripped = text.lstrip("\ufeff \t\r\n").lower()
    if (
        stripped.startswith(("<!doctype html", "<html", "<table"))
        and (rows := html_rows(text)) is not None
    ):
        # a portal's "Excel" export that is an HTML page with an .xls name: the table it shows
        return checked(
            RawTable(name, rows, notes=(f"{name} is an HTML table; its rows were read.",))
        )
    if stripped.startswith(("<!doctype html", "<html", "<?xml", "<table")):
        raise UnreadableFileError(
            f"{name}: this is an HTML/XML page saved with a CSV name, not a CSV export. Open the "
            "portal's export again and choose CSV or Excel, or open it in Excel and save as CSV."
        )
    text = text.lstrip("\ufeff")
    declared = re.match(r"sep=(.)\r?\n", text)  # Excel's delimiter hint line
    if declared:
        text = text[declared.end() :]
    top = _first_lines(text, 400)
    sample = [line for line in top[:60] if line.strip()]
    delimiter = declared.group(1) if declared else sniff_delimiter(sample)
    if not declared and (printed := fixed_width_rows(top, text, delimiter)) is not None:
        notes = (f"{name} is a report printed in fixed-width columns; its columns were read.",)
        return checked(RawTable(name, printed, notes=notes))
    return checked(
        RawTable(name, _parse_csv(text, delimiter, name), row_offset=2 if declared else 1)
    )


def _first_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]`` without splitting a 100k-line export to look at its top."""
    size = 65_536
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):
            return lines[:count]  # a line cut at ``size`` is past ``count``: never returned
        size *= 4


#: Below this many characters a text is parsed by Python's csv module: importing pandas (~0.3 s)
#: costs more than its C parser saves on a file this size (~0.03 s a MB; issue 15). Both give the
#: same grid (checked on every CSV of the evaluation sets: 14,839 files).
_PANDAS_FROM_CHARS = 8_000_000


def _parse_csv(text: str, delimiter: str, name: str) -> Grid:
    """pandas' C parser for speed on large files; Python's csv module on small ones (pandas not yet
    loaded) and when rows are wider than the first ones. Short rows are padded with "" either way."""
    head = text[:200_000].splitlines()[:500]
    width = max((len(row) for row in csv.reader(head, delimiter=delimiter)), default=1)
    if len(text) < _PANDAS_FROM_CHARS and "pandas" not in sys.modules:
        return _parsed_by_csv_module(text, delimiter, name, width)
    import pandas as pd

    try:
        frame = pd.read_csv(
            # bytes, not a StringIO: a StringIO holds a second copy of the text at four bytes a
            # character while the parser runs (~200 MB at 100k lines, 2 GB at a full sheet), and
            # the C parser reads bytes without re-encoding them (issue 15)
            io.BytesIO(text.encode("utf-8")),
            encoding="utf-8",
            nrows=limits.MAX_ROWS
            + 1,  # checked while reading: never more than one row past the limit
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=object,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            quotechar='"',
            doublequote=True,
        )
    except (pd.errors.ParserError, ValueError, OverflowError):
        return _parsed_by_csv_module(text, delimiter, name, None)
    result: list[list[object]] = frame.to_numpy(dtype=object).tolist()
    return result


def _parsed_by_csv_module(text: str, delimiter: str, name: str, width: int | None) -> Grid:
    """The rows as Python's csv module reads them; padded with "" to ``width`` (as pandas pads
    them) unless a row is wider, then left ragged (as pandas' parser would have refused them)."""
    rows: list[list[str]] = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        rows.append(row)
        if len(rows) > limits.MAX_ROWS:
            raise too_many_rows(name) from None
    if width is None or any(len(row) > width for row in rows):
        return rows
    return [row + [""] * (width - len(row)) if len(row) < width else row for row in rows]


# --- a zip of CSV parts (Partner Center's large reconciliation downloads) ------------------------


def is_zip_of_csv(path: Path) -> bool:
    """A zip that is not a workbook package but holds CSV/TXT files."""
    try:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, OSError):
        return False  # read_xlsx reports the damage
    if "[Content_Types].xml" in names:
        return False
    return any(n.lower().endswith((".csv", ".txt")) and not n.endswith("/") for n in names)


def read_csv_zip(path: Path, *, name: str) -> RawTable:
    """Every CSV part of a zip, in name order, as one grid (never silently the first part).

    Each part repeats the header; the repeated header rows are excluded as such when lines are typed.
    Parts whose header differs from the first part's are refused: they are different reports.
    """
    check_zip(path, name)
    with zipfile.ZipFile(path) as package:
        parts = sorted(
            (info for info in package.infolist() if _is_text_part(info.filename)),
            key=lambda info: _natural_key(info.filename),
        )
        tables = [
            read_csv(package.read(info), name=f"{name}, part {info.filename}") for info in parts
        ]
    rows: list[Sequence[Cell]] = []
    first_header: list[str] | None = None
    for part, table in zip(parts, tables, strict=True):
        cells = list(table.cells)
        header = _first_filled(cells)
        if first_header is None:
            first_header = header
        elif header != first_header and not _continues(cells, rows):
            raise UnreadableFileError(
                f"{name}: the part {part.filename} has other columns than the first part, so the "
                "zip holds different reports. Extract the parts and give the bill's part(s) only."
            )
        rows.extend(cells)
    files = ", ".join(info.filename for info in parts)
    with zipfile.ZipFile(path) as package:
        others = [n for n in package.namelist() if not n.endswith("/") and not _is_text_part(n)]
    label = (
        f"{name} ({len(parts)} CSV parts)" if len(parts) > 1 else f"{name} ({parts[0].filename})"
    )
    notes: tuple[str, ...] = (
        (f"{name}: read {len(parts)} CSV parts as one bill ({files}).",) if len(parts) > 1 else ()
    )
    if others:
        notes += (f"{name}: ignored what is not CSV in the zip ({', '.join(others[:5])}).",)
    return checked(RawTable(label, rows, notes=notes))


def _continues(part: Sequence[Sequence[Cell]], before: Sequence[Sequence[Cell]]) -> bool:
    """A later part that starts with data, not a header of its own: its first row is as wide as the
    rows before it (the same report cut in two) and does not look like a header."""
    from engine.read.columns import header_score

    first = next((row for row in part if any(c not in (None, "") for c in row)), None)
    widths = {len(row) for row in before[-50:] if any(c not in (None, "") for c in row)}
    return first is not None and len(first) in widths and header_score(first) < 2


def _is_text_part(filename: str) -> bool:
    base = filename.rsplit("/", 1)[-1]
    return (
        filename.lower().endswith((".csv", ".txt"))
        and not base.startswith(".")
        and not filename.startswith("__MACOSX/")
    )


def _natural_key(text: str) -> list[object]:
    """part2 before part10."""
    return [int(piece) if piece.isdigit() else piece.lower() for piece in re.split(r"(\d+)", text)]


def _first_filled(cells: Sequence[Sequence[Cell]]) -> list[str]:
    for row in cells:
        texts = [str(v).strip().lstrip("\ufeff") for v in row if v is not None and str(v).strip()]
        if texts:
            return texts
    return []


# --- xlsx / xlsm -----------------------------------------------------------------------------------
