"""``.xlsx``/``.xlsm``/``.xls`` exports, read with python-calamine (fast, and it never evaluates
anything): the sheet that looks like an export, its size checked before it is read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from engine.errors import UnreadableFileError
from engine.read import limits
from engine.read.raw_table import RawTable, check_zip, checked, too_many_rows
from engine.read.sheet_size import check_sheet_size


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
    if len(rows) > limits.MAX_ROWS + 50:
        raise too_many_rows(name)
    notes: tuple[str, ...] = ()
    if sheet is None and len(names) > 1 and chosen is not None:
        notes = (
            f"{name}: read the sheet {chosen!r}, the one that looks like an export (the workbook has "
            f"{len(names)} sheets: {', '.join(repr(n) for n in names)}). Name another sheet with "
            "--vendor-sheet / --psa-sheet if this is not the right one.",
        )
    label = name if len(names) == 1 or chosen is None else f"{name} (sheet {chosen!r})"
    return checked(RawTable(label, rows, notes=notes))


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
