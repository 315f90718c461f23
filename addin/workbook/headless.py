"""Reconcile a Leakage Finder workbook headless: the same result as the ribbon, no Excel needed.

    leakage-finder reconcile --workbook Leakage.xlsm [--out Copy.xlsm]

Reads the pasted Vendor and PSA sheets (and Settings, aliases, History and the Status/Note decisions
already typed into Discrepancies) with python-calamine, runs the engine, renders the output sheets
from the presentation spec and puts them into the package (:mod:`addin.workbook.transplant`): the Vendor and PSA
sheets, the VBA project and the ribbon keep their exact bytes. The file is written atomically, so a
failed run leaves the workbook as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from python_calamine import CalamineError

from addin import layout as spec
from addin.inputs import (
    INPUT_SHEET_NAMES,
    Grid,
    WorkbookInputs,
    input_table,
    inputs_of,
    learned_alias_rows,
    logged_run,
    more_vendor_sheets,
    more_vendor_tables,
    require_input_sheets,
    workbook_settings,
)
from addin.workbook import decisions as store
from addin.workbook.archive import archive_month as archive
from addin.workbook.month_archive import with_previous
from addin.workbook.review_log import now, sampled
from addin.workbook.sheets_xlsx import render
from addin.workbook.transplant import replace_sheets, replace_sheets_into
from engine.errors import LeakageFinderError, UnreadableFileError
from engine.export import atomic_write_bytes, check_writable
from engine.gcpause import keep, paused_gc
from engine.read.raw_table import RawTable, check_zip
from engine.read.sheet_size import check_sheet_size
from engine.read.workbooks import open_workbook, sheet_grid
from engine.reconcile import Prepared, prepare, prepare_sides, reconcile_prepared
from engine.result import Result
from engine.settings import Settings


def _sheet_values(book: Any, name: str, path: Path) -> Grid:
    check_sheet_size(path, path.name, name)
    try:
        # Empty cells stay "" (every parser reads "" as blank); repeated text is shared.
        return sheet_grid(book.get_sheet_by_name(name))
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


#: The log's clock (a test of a simulated month sets its own).
clock = now


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
            require_input_sheets(present, path.name)
            grids = {
                name: _sheet_values(book, name, path)
                for name in [*INPUT_SHEET_NAMES, *more_vendor_sheets(book.sheet_names)]
                if name in present and name not in (spec.VENDOR, spec.PSA)
            }
            in_workbook = workbook_settings(grids)
            settings = _merge_settings(in_workbook, settings_override)
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
    more = more_vendor_tables(grids, path.name)

    def typed_psa() -> Prepared:  # typed already, while the Vendor sheet loaded
        if psa is None:
            assert psa_error is not None
            raise psa_error
        return psa

    vendor, psa = prepare_sides([vendor_raw, *more], psa_raw, settings, typed_psa)
    inputs = replace(inputs_of(grids, vendor_raw, psa_raw, in_workbook), more_vendors=more)
    return PreparedWorkbook(inputs, settings, vendor, psa)


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
    vendor, psa, settings = prepared.vendor, prepared.psa, prepared.settings
    inputs = _for_the_log(prepared.inputs)
    del prepared  # the pasted grids go: the typed lines hold what the run needs (memory, issue 15)
    result = reconcile_prepared(vendor, psa, settings, progress=say)
    result = with_previous(result, source, previous, say)
    say("Writing the output sheets")
    applied = store.apply(result, inputs.discrepancy_grid, inputs.store_grid)
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
    replace_sheets_into(  # written as it is put together, atomically
        target,
        original,
        rendered,
        name=source.name,
        active=spec.DISCREPANCIES,
        hidden={store.STORE},
        appended=learned_alias_rows(inputs, result),
    )
    keep(vendor, psa, inputs, rendered, original)  # the CLI ends without freeing them
    return store.with_warnings(result, applied.warnings)


def _for_the_log(inputs: WorkbookInputs) -> WorkbookInputs:
    """The inputs with the Vendor and PSA grids cut to the rows the Activity Log's fingerprints read
    (reconcile only: Archive Month copies the whole sheets)."""
    return replace(
        inputs,
        vendor=replace(inputs.vendor, cells=sampled(inputs.vendor.cells)),
        psa=replace(inputs.psa, cells=sampled(inputs.psa.cells)),
    )


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
    """Archive Month headless: the values-only copy beside the workbook (:mod:`addin.workbook.archive`),
    then the workbook's outputs, History and Activity Log brought up to date."""
    source = Path(path)
    say = progress or (lambda message: None)
    check_writable(source)
    original = source.read_bytes()
    prepared = read_prepared(source, say=say)
    result = reconcile_prepared(prepared.vendor, prepared.psa, prepared.settings, progress=say)
    result = with_previous(result, source, None, say)
    done = archive(prepared.inputs, result, source, clock())
    rendered = render(
        result,
        decisions=done.applied.decisions,
        history=done.history,
        sheets=(
            store.STORE,
            *spec.OUTPUT_SHEETS,
            *spec.WORKBOOK_MONTH_SHEETS,
            spec.HISTORY,
            spec.ACTIVITY_LOG,
        ),
        tables={spec.DISCREPANCIES: done.applied.discrepancies, store.STORE: done.applied.store},
        log=done.log,
        at=done.at,
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
    return done.path


def _write(target: Path, data: bytes) -> None:
    atomic_write_bytes(target, data)
