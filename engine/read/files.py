"""Read an export as it comes out of a real system into a raw grid of cells.

Sources: CSV/TXT files (any common encoding and delimiter), ``.xlsx``/``.xlsm`` sheets (read with
python-calamine: fast, and it never evaluates anything), and pandas DataFrames (the add-in hands over
pasted sheet values). The grid keeps every row, preamble included; :mod:`engine.read.header` finds the
header row. Refusals (HTML, encrypted, zip bombs, too many rows) raise :class:`UnreadableFileError`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
import zipfile
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import pandas as pd

from engine.errors import EmptyInputError, UnreadableFileError
from engine.read.codepage import code_page, double_byte_page
from engine.read.html_table import html_rows

#: Largest export we accept, from a file or a pasted sheet alike: Excel's own sheet limit.
MAX_ROWS = 1_048_576
#: The widest export we take in full: a Partner Center reconciliation file has ~50 columns.
EXPORT_COLUMNS = 64
#: Largest used range (rows × columns) we turn into a grid: a full sheet of the widest export. A
#: stray cell at XFD1048576 would ask for 17 billion cells (calamine aborts the process), so the
#: range is checked before it is read.
MAX_CELLS = MAX_ROWS * EXPORT_COLUMNS
#: A used range larger than this must be mostly cells the sheet holds (at least one in
#: :data:`LEAST_FILLED`): a stray cell far below or right of a table would make a grid of blanks
#: (calamine holds ~32 bytes per blank cell, the grid 8 more) for nothing.
SPARSE_CELLS = 25_000_000
LEAST_FILLED = 3
#: An .xlsx whose parts unpack to more than this is refused as a possible zip bomb. A workbook
#: reconciled at Excel's row limit unpacks to 2.25 GB (the pasted sheets 1.3 GB, the output sheets
#: the rest, at 23 columns): room for twice that and a wider export. Sheet XML is streamed, never
#: held whole; the compression ratio below is what catches a bomb.
MAX_UNPACKED_BYTES = 8_000_000_000
MAX_COMPRESSION_RATIO = 200
_DELIMITERS = (",", ";", "\t", "|")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


Cell = object  # str, int, float, bool, date/datetime or None ("" counts as blank)
Grid = Sequence[Sequence[Cell]]


@dataclass(frozen=True)
class RawTable:
    """Every cell of one export, rows as read (possibly ragged); ``name`` names it in every message.

    Plain lists, not a DataFrame: a pasted sheet arrives from calamine or xlwings as lists already, and
    the in-workbook path then never pays for importing pandas.
    """

    name: str
    cells: Grid
    row_offset: int = 1  # the file's row number of ``cells[0]``
    #: What the reader decided that the user should know (which sheet was used, parts joined).
    notes: tuple[str, ...] = ()


Source: TypeAlias = "str | Path | pd.DataFrame | RawTable"


def load_readers() -> None:
    """Import what the readers import when first used, before two threads read at once (a module
    imported by two threads at the same moment can be seen half-initialised by one of them)."""
    import xml.sax.saxutils  # noqa: F401

    import pandas  # noqa: F401
    import python_calamine  # noqa: F401


def read_source(source: Source, *, name: str | None = None, sheet: str | None = None) -> RawTable:
    """Read a path, a DataFrame of pasted values or an already-read table into a :class:`RawTable`."""
    if isinstance(source, RawTable):
        return source
    pandas = sys.modules.get("pandas")  # a DataFrame can only exist if pandas is loaded
    if pandas is not None and isinstance(source, pandas.DataFrame):
        return _from_frame(source, name or "pasted sheet")
    path = Path(source)  # type: ignore[arg-type]  # (not a DataFrame: handled above)
    label = name or path.name
    if not path.exists():
        raise UnreadableFileError(
            f"{label}: file not found at {path}. Check the path and try again."
        )
    if path.is_dir():
        raise UnreadableFileError(f"{label}: {path} is a folder, not an export file.")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        if _is_zip_of_csv(path):
            return read_csv_zip(path, name=label)
        return read_xlsx(path, name=label, sheet=sheet)
    if head.startswith(_OLE_SIGNATURE):
        return read_xls(path, name=label, sheet=sheet)
    return read_csv(path.read_bytes(), name=label)


def _from_frame(frame: pd.DataFrame, name: str) -> RawTable:
    """A DataFrame with text column labels is header + rows; one with integer labels is a raw grid."""
    import pandas as pd

    values = frame.astype(object).where(pd.notna(frame), None).to_numpy(dtype=object).tolist()
    if not isinstance(frame.columns, pd.RangeIndex):
        values.insert(0, list(frame.columns))
    return _checked(RawTable(name, values))


# --- CSV -------------------------------------------------------------------------------------------


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
    if data.startswith(_OLE_SIGNATURE) or data.startswith(b"PK\x03\x04"):
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
        return _checked(
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
    sample = [line for line in _first_lines(text, 60) if line.strip()]
    delimiter = declared.group(1) if declared else sniff_delimiter(sample)
    return _checked(
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


def _parse_csv(text: str, delimiter: str, name: str) -> Grid:
    """pandas' C parser for speed; Python's csv module when rows are wider than the first ones."""
    import pandas as pd

    head = text[:200_000].splitlines()[:500]
    width = max((len(row) for row in csv.reader(head, delimiter=delimiter)), default=1)
    try:
        frame = pd.read_csv(
            # bytes, not a StringIO: a StringIO holds a second copy of the text at four bytes a
            # character while the parser runs (~200 MB at 100k lines, 2 GB at a full sheet), and
            # the C parser reads bytes without re-encoding them (issue 15)
            io.BytesIO(text.encode("utf-8")),
            encoding="utf-8",
            nrows=MAX_ROWS + 1,  # checked while reading: never more than one row past the limit
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
        rows: list[list[str]] = []
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(row)
            if len(rows) > MAX_ROWS:
                raise _too_many_rows(name) from None
        return rows
    result: list[list[object]] = frame.to_numpy(dtype=object).tolist()
    return result


def _too_many_rows(name: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"{name}: more than {MAX_ROWS:,} rows (Excel's own limit). Leakage Finder reconciles up to "
        f"{MAX_ROWS:,} rows per export; split the export by customer or month and reconcile each part."
    )


def _checked(table: RawTable) -> RawTable:
    if len(table.cells) > MAX_ROWS:
        raise _too_many_rows(table.name)
    return table


# --- a zip of CSV parts (Partner Center's large reconciliation downloads) ------------------------


def _is_zip_of_csv(path: Path) -> bool:
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
    return _checked(RawTable(label, rows, notes=notes))


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


def check_zip(path: Path, name: str) -> None:
    """Refuse corrupt packages and zip bombs before any XML is parsed."""
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError) as error:
        raise UnreadableFileError(
            f"{name}: the workbook is damaged ({error}). Open it in Excel and save it again."
        ) from None
    encrypted = [info.filename for info in infos if info.flag_bits & 0x1]
    if encrypted:
        raise UnreadableFileError(
            f"{name}: part {encrypted[0]} of the workbook is encrypted, so it cannot be read. Open "
            "it in Excel, remove any password or protection, save it again and try once more."
        )
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > MAX_UNPACKED_BYTES or (
        unpacked > 50_000_000 and unpacked / packed > MAX_COMPRESSION_RATIO
    ):
        raise UnreadableFileError(
            f"{name}: the workbook would unpack to {unpacked / 1e6:,.0f} MB from {packed / 1e6:,.1f} MB "
            "(a 'zip bomb'), so it was not opened. Export the data again as CSV."
        )


def _one_line(error: BaseException, limit: int = 160) -> str:
    """A library's error text fit for our one-line messages (damaged XML can fill it with junk)."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[:limit] + "…"


def open_workbook(path: Path, name: str) -> Any:
    """A python-calamine workbook, with the errors a user can cause turned into ours."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise UnreadableFileError(
            f"{name}: the workbook is password-protected. Remove the password in Excel and try again."
        ) from None
    except (CalamineError, ValueError, OSError) as error:
        raise UnreadableFileError(
            f"{name}: the workbook could not be read ({_one_line(error)}). Open it in Excel and save "
            "it again, or export the data as CSV."
        ) from None


def read_xlsx(path: Path, *, name: str, sheet: str | None = None) -> RawTable:
    """Read one sheet of an .xlsx/.xlsm: the named one, else the one that looks most like an export."""
    check_zip(path, name)
    return _read_workbook(path, name=name, sheet=sheet)


def read_xls(path: Path, *, name: str, sheet: str | None = None) -> RawTable:
    """Read one sheet of an old binary .xls (python-calamine reads it; nothing is evaluated)."""
    return _read_workbook(path, name=name, sheet=sheet, binary=True)


def _read_workbook(path: Path, *, name: str, sheet: str | None, binary: bool = False) -> RawTable:
    workbook = _open_binary(path, name) if binary else open_workbook(path, name)
    try:
        names = [str(sheet_name) for sheet_name in workbook.sheet_names]
        if sheet is not None and sheet not in names:
            folded = {n.strip().casefold(): n for n in names}
            if sheet.strip().casefold() not in folded:
                raise UnreadableFileError(
                    f"{name}: there is no sheet named {sheet!r}; the sheets are "
                    f"{', '.join(repr(n) for n in names)}. Give one of them (--vendor-sheet / "
                    "--psa-sheet), spelled as in Excel."
                )
            sheet = folded[sheet.strip().casefold()]
        chosen: str | None = sheet
        if chosen is None and len(names) > 1:  # score each sheet's top rows, then read one whole
            package = None if binary else path
            tops = {n: _sheet_rows(workbook, n, name, SCORED_ROWS, package) for n in names}
            chosen = _likeliest_sheet(tops)
        elif chosen is None and names:
            chosen = names[0]
        rows = (
            _sheet_rows(workbook, chosen, name, path=None if binary else path)
            if chosen is not None
            else []
        )
    finally:
        workbook.close()
    if len(rows) > MAX_ROWS + 50:
        raise _too_many_rows(name)
    notes: tuple[str, ...] = ()
    if sheet is None and len(names) > 1 and chosen is not None:
        notes = (
            f"{name}: read the sheet {chosen!r}, the one that looks like an export (the workbook has "
            f"{len(names)} sheets: {', '.join(repr(n) for n in names)}). Name another sheet with "
            "--vendor-sheet / --psa-sheet if this is not the right one.",
        )
    label = name if len(names) == 1 or chosen is None else f"{name} (sheet {chosen!r})"
    return _checked(RawTable(label, rows, notes=notes))


#: Rows of each sheet looked at to pick the one that looks like an export.
SCORED_ROWS = 200


def _sheet_rows(
    workbook: Any, sheet: str, name: str, nrows: int | None = None, path: Path | None = None
) -> list[list[object]]:
    """A sheet's rows (the first ``nrows``), its used range checked first where the file is a
    package (calamine would build a dense grid for a stray far cell before it could be asked)."""
    from python_calamine import CalamineError

    if path is not None:
        check_sheet_size(path, name, sheet)
    try:
        data = workbook.get_sheet_by_name(sheet)
        if nrows is None:
            return sheet_grid(data)
        try:
            rows = data.to_python(skip_empty_area=False, nrows=nrows)
        except TypeError:  # a python-calamine without nrows: the whole sheet
            rows = data.to_python(skip_empty_area=False)[:nrows]
    except (CalamineError, ValueError) as error:
        raise UnreadableFileError(
            f"{name}: sheet {sheet!r} could not be read ({_one_line(error)})."
        ) from None
    return [list(row) for row in rows]


def sheet_grid(sheet: Any) -> list[list[object]]:
    """A python-calamine sheet's cells from A1, as ``to_python(skip_empty_area=False)`` gives them,
    with repeated text shared: one string object per distinct text, not one per cell. An export
    repeats its clients, products, dates and terms on every line (2.6M cells, 187k distinct texts
    in the bench's 100k bill): the grid and the columns typed from it take ~70% less memory.
    Rows are taken one at a time, so no unshared grid is ever held whole. Only ``str`` is shared
    (1, 1.0 and True are equal keys, and must stay what they are)."""
    end = sheet.end
    if end is None:  # an empty sheet
        return []
    height, width = end[0] + 1, end[1] + 1
    shared: dict[str, str] = {}
    share = shared.setdefault
    grid: list[list[object]] = []
    for row in sheet.iter_rows():
        # python-calamine 0.9 leaves out the empty columns left of the used range (not the rows
        # above it): both are put back, so the grid starts at A1 whatever the version does
        pad = width - len(row)
        cells = [share(v, v) if v.__class__ is str else v for v in row]
        grid.append([*([""] * pad), *cells] if pad else cells)
    if len(grid) < height:
        grid[:0] = [[""] * width for _ in range(height - len(grid))]
    return grid


def _likeliest_sheet(grids: dict[str, list[list[object]]]) -> str | None:
    """The sheet whose best header row scores highest (ties: more rows, then the earlier sheet);
    a summary or cover sheet above the export sheet is passed over."""
    from engine.read.columns import header_score

    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for position, (sheet_name, rows) in enumerate(grids.items()):
        filled = [row for row in rows[:200] if any(cell not in ("", None) for cell in row)]
        if not filled:
            continue
        score = max(header_score(row) for row in filled[:30])
        key = (score, len(rows), -position)
        if best is None or key > best:
            best, chosen = key, sheet_name
    if chosen is None and grids:
        return next(iter(grids))
    return chosen


def _open_binary(path: Path, name: str) -> Any:
    """An old .xls (or an encrypted workbook, which is an OLE file too)."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise UnreadableFileError(
            f"{name}: the workbook is password-protected. Remove the password in Excel (File > Info "
            "> Protect Workbook) and try again."
        ) from None
    except (CalamineError, ValueError, OSError) as error:
        raise UnreadableFileError(
            f"{name}: this is a password-protected workbook or an .xls file that could not be read "
            f"({error}). Open it in Excel, remove any password and save it as .xlsx or CSV."
        ) from None


# --- the used range, before a dense grid is built ---------------------------------------------------

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
            if SPARSE_CELLS < rows * columns <= MAX_CELLS:  # a big range: is it the table's?
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
    if rows * columns > MAX_CELLS:
        raise UnreadableFileError(
            f"{name}, sheet {sheet!r}: its used range reaches cell {last} ({rows:,} rows × "
            f"{columns:,} columns), far more than an export holds. Something was typed, pasted or "
            f"formatted far outside the table: in Excel press Ctrl+End to find it, delete those rows "
            "and columns, save, and run again."
        )
    if written is not None and written * LEAST_FILLED < rows * columns:
        raise UnreadableFileError(
            f"{name}, sheet {sheet!r}: its used range reaches cell {last} ({rows:,} rows × "
            f"{columns:,} columns) but only {written:,} cells hold anything: something was typed, "
            "pasted or formatted far below or right of the table. In Excel press Ctrl+End to find "
            "it, delete the empty rows and columns up to it, save, and run again."
        )
    if rows > MAX_ROWS:
        raise _too_many_rows(f"{name}, sheet {sheet!r}")
