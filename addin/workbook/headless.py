"""Reconcile a Leakage Finder workbook headless: the same result as the ribbon, no Excel needed.

    leakage-finder reconcile --workbook Leakage.xlsm [--out Copy.xlsm]

Reads the pasted Vendor and PSA sheets (and Settings, aliases, History and the Status/Note decisions
already typed into Discrepancies) with python-calamine, runs the engine, renders the output sheets
from the presentation spec and puts them into the package (:mod:`addin.workbook.package`): the Vendor and PSA
sheets, the VBA project and the ribbon keep their exact bytes. The file is written atomically, so a
failed run leaves the workbook as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from python_calamine import CalamineError

from addin import layout as spec
from addin.workbook import decisions as store
from addin.workbook.month_archive import check_order, previous_archive, read_previous
from addin.workbook.package import Appended, replace_sheets
from addin.workbook.review_log import Entry, Review, now, read_log, record_run, review
from addin.workbook.settings_sheet import ALIAS_HEADER, find_label, read_settings
from addin.workbook.sheets_xlsx import render, render_bytes
from engine.errors import EmptyInputError, InputError, LeakageFinderError, UnreadableFileError
from engine.export import atomic_write_bytes, check_writable
from engine.gcpause import keep, paused_gc
from engine.history.month_over_month import compare_months
from engine.read.files import RawTable, check_sheet_size, check_zip, open_workbook
from engine.reconcile import Prepared, prepare, prepare_sides, reconcile_prepared
from engine.result import Result
from engine.settings import Settings

Grid = list[list[object]]
HINT_PREFIX = "paste the "


@dataclass(frozen=True)
class WorkbookInputs:
    vendor: RawTable
    psa: RawTable
    settings: Settings
    decisions: spec.Decisions
    history: Grid
    client_alias_rows: (
        Grid  # the Client Aliases sheet's rows under its header, as the user has them
    )
    more_vendors: tuple[RawTable, ...] = ()  # bills pasted into "Vendor 2", "Vendor - Pax8"…
    log: list[Entry] = field(default_factory=list)  # the Activity Log (time to reconcile)
    client_alias_grid: Grid = ()  # the whole Client Aliases sheet, from A1
    product_alias_grid: Grid = ()  # the whole Product Aliases sheet, from A1
    discrepancy_grid: Grid = ()  # Discrepancies as the user left it (their decisions)
    store_grid: Grid = ()  # the hidden Decisions sheet

    @property
    def vendors(self) -> RawTable | list[RawTable]:
        """What the engine takes as the vendor side: one bill, or every pasted bill."""
        return [self.vendor, *self.more_vendors] if self.more_vendors else self.vendor


#: More vendor bills go into sheets named "Vendor 2", "Vendor 3", … or "Vendor - <source>"
#: ("Vendor - Pax8"): each is reconciled with the Vendor sheet against the one PSA sheet.
_MORE_VENDORS = re.compile(r"^\s*vendor\s*(?:\d+|[-–:]\s*\S.*)\s*$", re.IGNORECASE)


def more_vendor_sheets(names: Iterable[str]) -> list[str]:
    """The extra vendor-bill sheets, in workbook order."""
    return [name for name in names if _MORE_VENDORS.match(name) and name != spec.VENDOR]


def _more_vendor_tables(grids: dict[str, Grid], book_name: str) -> tuple[RawTable, ...]:
    """The extra vendor sheets that hold something (an empty "Vendor 2" left in place is skipped)."""
    tables = []
    for name in more_vendor_sheets(grids):
        grid = grids[name]
        if any(any(v not in (None, "") for v in row) for row in grid):
            tables.append(input_table(grid, name, book_name))
    return tuple(tables)


def _sheet_values(book: Any, name: str, path: Path) -> Grid:
    check_sheet_size(path, path.name, name)
    try:
        # Empty cells stay "" (every parser reads "" as blank): 100k rows are not copied again.
        values: Grid = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        return values
    except (CalamineError, ValueError) as error:
        raise UnreadableFileError(
            f"{path.name}, sheet {name!r}: could not be read ({' '.join(str(error).split())[:160]})."
            " Open the workbook in Excel and save it again."
        ) from None


def _sheet_alone(path: Path, name: str) -> Grid:
    """One sheet, from a workbook handle of its own (so it can load on another thread)."""
    book = open_workbook(path, path.name)
    try:
        return _sheet_values(book, name, path)
    finally:
        book.close()


def read_grids(path: Path, names: list[str]) -> dict[str, Grid]:
    """Values of the named sheets that exist, read with python-calamine."""
    check_zip(path, path.name)
    book = open_workbook(path, path.name)
    try:
        present = {str(n) for n in book.sheet_names}
        return {name: _sheet_values(book, name, path) for name in names if name in present}
    finally:
        book.close()


def input_table(grid: Grid, sheet: str, book_name: str) -> RawTable:
    """A pasted sheet as a raw table; the template's hint row (row 1) is not data."""
    offset = 1
    if (
        grid
        and grid[0]
        and isinstance(grid[0][0], str)
        and grid[0][0].lower().startswith(HINT_PREFIX)
    ):
        grid, offset = grid[1:], 2
    if not any(any(v not in (None, "") for v in row) for row in grid):
        what = "vendor bill" if sheet == spec.VENDOR else "PSA export"
        raise EmptyInputError(
            f"{book_name}, sheet {sheet!r}: the sheet is empty. Paste the {what} into it (header row "
            f"included), or use Import {'Vendor' if sheet == spec.VENDOR else 'PSA'} File… on the ribbon."
        )
    return RawTable(f"{book_name}, sheet {sheet!r}", grid, row_offset=offset)


def read_history(grid: Grid | None) -> Grid:
    if not grid:
        return []
    return [
        list(row[: len(spec.HISTORY_COLUMNS)])
        for row in grid[1:]
        if row and row[0] not in (None, "")
    ]


#: Every sheet a reconciliation reads (the live and the file paths alike).
INPUT_SHEET_NAMES = (
    spec.VENDOR,
    spec.PSA,
    spec.SETTINGS,
    spec.CLIENT_ALIASES,
    spec.PRODUCT_ALIASES,
    spec.DISCREPANCIES,
    spec.HISTORY,
    spec.ACTIVITY_LOG,
    store.STORE,
)


def _require_input_sheets(names: Collection[str], book_name: str) -> None:
    for required in (spec.VENDOR, spec.PSA):
        if required not in names:
            raise InputError(
                f"{book_name}: there is no {required!r} sheet. Use a Leakage Finder workbook "
                "(workbook_template.xlsm), or reconcile files with --vendor and --psa."
            )


def inputs_from_grids(grids: dict[str, Grid], book_name: str) -> WorkbookInputs:
    """What a run needs, from the sheets' values however they were read (calamine or xlwings)."""
    _require_input_sheets(grids, book_name)
    inputs = _inputs(
        grids,
        input_table(grids[spec.VENDOR], spec.VENDOR, book_name),
        input_table(grids[spec.PSA], spec.PSA, book_name),
    )
    more = _more_vendor_tables(grids, book_name)
    return replace(inputs, more_vendors=more) if more else inputs


def _settings(grids: dict[str, Grid]) -> Settings:
    return read_settings(
        grids.get(spec.SETTINGS, []),
        grids.get(spec.CLIENT_ALIASES, []),
        grids.get(spec.PRODUCT_ALIASES, []),
    )


def _inputs(
    grids: dict[str, Grid], vendor: RawTable, psa: RawTable, settings: Settings | None = None
) -> WorkbookInputs:
    return WorkbookInputs(
        vendor=vendor,
        psa=psa,
        settings=settings if settings is not None else _settings(grids),
        decisions=store.shown(grids.get(spec.DISCREPANCIES)),
        history=read_history(grids.get(spec.HISTORY)),
        client_alias_rows=[
            list(r)
            for r in grids.get(spec.CLIENT_ALIASES, [])[1:]
            if any(v not in (None, "") for v in r)
        ],
        log=read_log(grids.get(spec.ACTIVITY_LOG)),
        client_alias_grid=grids.get(spec.CLIENT_ALIASES, []),
        product_alias_grid=grids.get(spec.PRODUCT_ALIASES, []),
        discrepancy_grid=grids.get(spec.DISCREPANCIES, []),
        store_grid=grids.get(store.STORE, []),
    )


@dataclass(frozen=True)
class PreparedWorkbook:
    inputs: WorkbookInputs
    settings: Settings  # the workbook's settings with any override applied
    vendor: Prepared
    psa: Prepared


def read_prepared(
    path: Path,
    settings_override: Settings | None = None,
    say: Callable[[str], None] = lambda message: None,
) -> PreparedWorkbook:
    """Read the workbook and prepare both sides, overlapping the two big sheets.

    python-calamine parses a sheet outside the GIL, so the Vendor sheet loads on a second thread
    while this one reads the small sheets and the PSA sheet and types the PSA lines. Errors come out
    in the order a sequential run would raise them: the vendor sheet's first.
    """
    check_zip(path, path.name)
    psa_raw: RawTable | None = None
    psa: Prepared | None = None
    psa_error: LeakageFinderError | None = None
    with ThreadPoolExecutor(max_workers=1) as pool:
        vendor_grid = pool.submit(_sheet_alone, path, spec.VENDOR)  # the critical path: first
        book = open_workbook(path, path.name)
        try:
            present = {str(n) for n in book.sheet_names}
            _require_input_sheets(present, path.name)
            grids = {
                name: _sheet_values(book, name, path)
                for name in [*INPUT_SHEET_NAMES, *more_vendor_sheets(book.sheet_names)]
                if name in present and name not in (spec.VENDOR, spec.PSA)
            }
            workbook_settings = _settings(grids)
            settings = _merge_settings(workbook_settings, settings_override)
            try:
                psa_raw = input_table(_sheet_values(book, spec.PSA, path), spec.PSA, path.name)
                psa = prepare(psa_raw, "psa", settings)
            except LeakageFinderError as error:
                psa_error = error
        finally:
            book.close()
        vendor_raw = input_table(vendor_grid.result(), spec.VENDOR, path.name)
    say("Normalising lines")  # both sheets are in; the PSA lines are typed already
    if psa_raw is None:  # the PSA sheet could not be read or is empty
        assert psa_error is not None
        raise psa_error
    more = _more_vendor_tables(grids, path.name)

    def typed_psa() -> Prepared:  # typed already, while the Vendor sheet loaded
        if psa is None:
            assert psa_error is not None
            raise psa_error
        return psa

    vendor, psa = prepare_sides([vendor_raw, *more], psa_raw, settings, typed_psa)
    inputs = replace(_inputs(grids, vendor_raw, psa_raw, workbook_settings), more_vendors=more)
    return PreparedWorkbook(inputs, settings, vendor, psa)


def archived_history(inputs: WorkbookInputs, result: Result, state: Review | None = None) -> Grid:
    """History with this run's month added (replacing an earlier archive of the same month)."""
    period = result.kpis.period or dt.date.today().strftime("%Y-%m")
    history = [r for r in inputs.history if str(r[0]) != period]
    history.append(spec.history_row(result, inputs.decisions, state))
    return sorted(history, key=lambda r: str(r[0]))


#: The log's clock (a test of a simulated month sets its own).
clock = now


def logged_run(inputs: WorkbookInputs, result: Result, at: dt.datetime) -> list[Entry]:
    """The Activity Log with this run recorded (new imports, Status changes, the run itself)."""
    pasted = {spec.VENDOR: inputs.vendor.cells, spec.PSA: inputs.psa.cells}
    return record_run(inputs.log, result, inputs.decisions, pasted, at)


def archived_inputs(inputs: WorkbookInputs) -> dict[str, Grid]:
    """The month's pasted Vendor and PSA sheets (and any more bills), values only, for the archive."""
    tables = [(spec.VENDOR, inputs.vendor), (spec.PSA, inputs.psa)]
    tables += [(table.name.split("sheet ")[-1].strip("'"), table) for table in inputs.more_vendors]
    # at the rows they had in the workbook, so the findings' source row numbers point at them
    return {
        name: [*([[]] * (table.row_offset - 1)), *(list(row) for row in table.cells)]
        for name, table in tables
    }


def archive_name(book: Path, result: Result) -> Path:
    period = result.kpis.period or dt.date.today().strftime("%Y-%m")
    return book.with_name(f"{book.stem} - Leakage {period}.xlsx")


def _merge_settings(base: Settings, override: Settings | None) -> Settings:
    if override is None:
        return base
    return replace(
        base,
        vendor_mapping={**base.vendor_mapping, **override.vendor_mapping},
        psa_mapping={**base.psa_mapping, **override.psa_mapping},
        period=override.period or base.period,
    )


def reconcile_workbook(
    path: str | Path,
    *,
    out: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
    settings_override: Settings | None = None,
    previous: str | Path | None = None,
) -> Result:
    """Reconcile the workbook's pasted sheets and write the output sheets into it (or into ``out``).

    Findings are compared with ``previous`` (an archive), else with the latest archive Archive Month
    wrote beside the workbook for an earlier month."""
    source = Path(path)
    if not source.exists():
        raise UnreadableFileError(f"{source}: no such workbook. Check the path.")
    check_is_workbook(source)
    say = progress or (lambda message: None)
    say(f"Reading {source.name}")
    with paused_gc():
        return _reconcile_workbook(
            source, out, say, settings_override, Path(previous) if previous else None
        )


def with_previous(
    result: Result, book: Path, previous: Path | None, say: Callable[[str], None]
) -> Result:
    """This month against last month's archive: the one given, or the latest beside ``book``."""
    path = previous or previous_archive(book, result.kpis.period)
    if path is None:
        return compare_months(result, None)
    say(f"Comparing with {path.name}")
    last = read_previous(path)
    check_order(last, result.kpis.period, path.name)
    return compare_months(result, last)


def _reconcile_workbook(
    source: Path,
    out: str | Path | None,
    say: Callable[[str], None],
    settings_override: Settings | None,
    previous: Path | None = None,
) -> Result:
    target = Path(out) if out else source
    check_writable(target)
    original = source.read_bytes()
    prepared = read_prepared(source, settings_override, say)
    inputs = prepared.inputs
    result = reconcile_prepared(prepared.vendor, prepared.psa, prepared.settings, progress=say)
    result = with_previous(result, source, previous, say)
    say("Writing the output sheets")
    applied = store.apply(result, inputs.discrepancy_grid, inputs.store_grid)
    learned = spec.learned_aliases(result, inputs.settings.client_aliases)
    inputs = replace(inputs, decisions=applied.decisions)  # the log reads what the user decided
    sheets = (store.STORE, *spec.OUTPUT_SHEETS, *spec.WORKBOOK_MONTH_SHEETS, spec.ACTIVITY_LOG)
    at = clock()
    rendered = render(
        result,
        decisions=applied.decisions,
        history=inputs.history,
        sheets=sheets,
        tables={spec.DISCREPANCIES: applied.discrepancies, store.STORE: applied.store},
        log=logged_run(inputs, result, at),
        at=at,
    )
    updated = replace_sheets(
        original,
        rendered,
        name=source.name,
        active=spec.DISCREPANCIES,
        hidden={store.STORE},
        appended={
            spec.CLIENT_ALIASES: alias_rows_at(inputs.client_alias_grid, learned),
            spec.PRODUCT_ALIASES: alias_rows_at(
                inputs.product_alias_grid,
                spec.learned_product_aliases(result, inputs.settings.product_aliases),
            ),
        },
    )
    _write(target, updated)
    keep(prepared, inputs, rendered, updated, original)  # the CLI ends without freeing them
    return store.with_warnings(result, applied.warnings)


def alias_rows_at(grid: Grid, learned: list[list[object]]) -> Appended:
    """Where learned aliases go in the user's Client Aliases sheet: under their last row, in the
    header's columns (a title row, a comment column or a table moved to C5 all stay as they are)."""
    found = find_label(grid, ALIAS_HEADER[0])
    last = max(
        (i for i, row in enumerate(grid) if any(v not in (None, "") for v in row)), default=-1
    )
    if found is None:  # no header left: put one back above the new rows
        rows = [list(ALIAS_HEADER), *learned] if learned else []
        return Appended(last + 3 if last >= 0 else 1, 0, rows)
    return Appended(last + 2, found[1], learned)


def check_is_workbook(source: Path) -> None:
    """A Leakage Finder workbook is an .xlsm/.xlsx package: say what else was given, and what to do."""
    if source.is_dir():
        raise UnreadableFileError(f"{source}: this is a folder, not a workbook.")
    with source.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        return
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnreadableFileError(
            f"{source.name}: the workbook is password-protected (encrypted) or an old .xls file. "
            "Open it in Excel, remove the password (File > Info > Protect Workbook) and save it as "
            ".xlsm."
        )
    raise UnreadableFileError(
        f"{source.name}: this is not an Excel workbook but a text or other file. --workbook takes a "
        "Leakage Finder workbook (.xlsm); to reconcile exports, give them as --vendor FILE --psa FILE."
    )


def archive_month(path: str | Path, *, progress: Callable[[str], None] | None = None) -> Path:
    """Values-only copy of this month's outputs beside the workbook; the month's KPIs added to History."""
    source = Path(path)
    say = progress or (lambda message: None)
    check_writable(source)
    original = source.read_bytes()
    prepared = read_prepared(source, say=say)
    inputs = prepared.inputs
    result = reconcile_prepared(prepared.vendor, prepared.psa, prepared.settings, progress=say)
    result = with_previous(result, source, None, say)
    applied = store.apply(result, inputs.discrepancy_grid, inputs.store_grid)
    inputs = replace(inputs, decisions=applied.decisions)
    at = clock()
    log = logged_run(inputs, result, at)
    history = archived_history(inputs, result, review(log, result))
    archive = archive_name(source, result)
    tables = {spec.DISCREPANCIES: applied.discrepancies}
    atomic_write_bytes(
        archive,
        render_bytes(
            result,
            decisions=applied.decisions,
            history=history,
            tables=tables,
            log=log,
            at=at,
            sheets=(*spec.OUTPUT_SHEETS, *spec.MONTH_SHEETS),
            inputs=archived_inputs(inputs),
        ),
    )
    rendered = render(
        result,
        decisions=applied.decisions,
        history=history,
        sheets=(
            store.STORE,
            *spec.OUTPUT_SHEETS,
            *spec.WORKBOOK_MONTH_SHEETS,
            spec.HISTORY,
            spec.ACTIVITY_LOG,
        ),
        tables={**tables, store.STORE: applied.store},
        log=log,
        at=at,
    )
    _write(
        source,
        replace_sheets(
            original,
            rendered,
            name=source.name,
            active=spec.DISCREPANCIES,
            hidden={store.STORE},
        ),
    )
    return archive


def _write(target: Path, data: bytes) -> None:
    atomic_write_bytes(target, data)
