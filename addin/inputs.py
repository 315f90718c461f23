"""What a run reads from a Leakage Finder workbook, however the sheets' values were read.

Both paths share it: the ribbon (:mod:`addin.excel.live`, values from xlwings) and the headless path
(:mod:`addin.workbook.headless`, values from python-calamine) hand the sheets' values over as grids
and get the pasted bills, the Settings, the aliases, History, the Activity Log and the decisions
already typed back as one :class:`WorkbookInputs`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

from addin import layout as spec
from addin.workbook import decisions as store
from addin.workbook.appended_rows import Appended
from addin.workbook.review_log import Entry, read_log, record_run
from addin.workbook.settings_sheet import alias_rows_at, read_settings
from engine.errors import EmptyInputError, InputError
from engine.read.raw_table import RawTable
from engine.result import Result
from engine.settings import Settings

Grid = Sequence[Sequence[object]]
HINT_PREFIX = "paste the "


@dataclass(frozen=True)
class WorkbookInputs:
    """Everything a run reads from the workbook: the pasted bills, Settings (aliases included),
    the decisions shown on Discrepancies, History, the Activity Log and the sheets a run writes
    back into as the user left them."""

    vendor: RawTable
    psa: RawTable
    settings: Settings
    decisions: spec.Decisions
    history: Grid
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


def more_vendor_tables(grids: dict[str, Grid], book_name: str) -> tuple[RawTable, ...]:
    """The extra vendor sheets that hold something (an empty "Vendor 2" left in place is skipped)."""
    tables = []
    for name in more_vendor_sheets(grids):
        grid = grids[name]
        if any(any(v not in (None, "") for v in row) for row in grid):
            tables.append(input_table(grid, name, book_name))
    return tuple(tables)


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


def require_input_sheets(names: Collection[str], book_name: str) -> None:
    for required in (spec.VENDOR, spec.PSA):
        if required not in names:
            raise InputError(
                f"{book_name}: there is no {required!r} sheet. Use a Leakage Finder workbook "
                "(workbook_template.xlsm), or reconcile files with --vendor and --psa."
            )


def inputs_from_grids(grids: dict[str, Grid], book_name: str) -> WorkbookInputs:
    """What a run needs, from the sheets' values however they were read (calamine or xlwings)."""
    require_input_sheets(grids, book_name)
    inputs = inputs_of(
        grids,
        input_table(grids[spec.VENDOR], spec.VENDOR, book_name),
        input_table(grids[spec.PSA], spec.PSA, book_name),
    )
    more = more_vendor_tables(grids, book_name)
    return replace(inputs, more_vendors=more) if more else inputs


def workbook_settings(grids: dict[str, Grid]) -> Settings:
    return read_settings(
        grids.get(spec.SETTINGS, []),
        grids.get(spec.CLIENT_ALIASES, []),
        grids.get(spec.PRODUCT_ALIASES, []),
    )


def inputs_of(
    grids: dict[str, Grid], vendor: RawTable, psa: RawTable, settings: Settings | None = None
) -> WorkbookInputs:
    return WorkbookInputs(
        vendor=vendor,
        psa=psa,
        settings=settings if settings is not None else workbook_settings(grids),
        decisions=store.shown(grids.get(spec.DISCREPANCIES)),
        history=read_history(grids.get(spec.HISTORY)),
        log=read_log(grids.get(spec.ACTIVITY_LOG)),
        client_alias_grid=grids.get(spec.CLIENT_ALIASES, []),
        product_alias_grid=grids.get(spec.PRODUCT_ALIASES, []),
        discrepancy_grid=grids.get(spec.DISCREPANCIES, []),
        store_grid=grids.get(store.STORE, []),
    )


def logged_run(inputs: WorkbookInputs, result: Result, at: dt.datetime) -> list[Entry]:
    """The Activity Log with this run recorded (new imports, Status changes, the run itself)."""
    pasted = {spec.VENDOR: inputs.vendor.cells, spec.PSA: inputs.psa.cells}
    return record_run(inputs.log, result, inputs.decisions, pasted, at)


def learned_alias_rows(inputs: WorkbookInputs, result: Result) -> dict[str, Appended]:
    """Where this run's confirmed matches go in the user's two alias sheets, under what the user
    has there (only the sheets that get rows)."""
    learned = {
        spec.CLIENT_ALIASES: (
            inputs.client_alias_grid,
            spec.learned_aliases(result, inputs.settings.client_aliases),
        ),
        spec.PRODUCT_ALIASES: (
            inputs.product_alias_grid,
            spec.learned_product_aliases(result, inputs.settings.product_aliases),
        ),
    }
    return {sheet: alias_rows_at(grid, rows) for sheet, (grid, rows) in learned.items() if rows}
