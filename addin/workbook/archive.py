"""Archive Month: this month's values-only copy beside the workbook and its row in History.

One recipe for both paths: the ribbon (:func:`addin.excel.live.archive_month`) and the headless path
(:func:`addin.workbook.headless.archive_month`) reconcile, then call :func:`archive_month`, then put
the History and Activity Log it returns into the workbook their own way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from addin import layout as spec
from addin.inputs import Grid, WorkbookInputs, logged_run
from addin.workbook import decisions as store
from addin.workbook.review_log import Entry, Review, review
from addin.workbook.sheets_xlsx import render_bytes
from engine.export import atomic_write_bytes
from engine.result import Result


@dataclass(frozen=True)
class Archived:
    """What Archive Month wrote, and what the workbook takes back from it."""

    path: Path  # the values-only copy beside the workbook
    applied: store.Applied  # the user's decisions applied to this month's findings
    history: Grid  # History with this month in it
    log: list[Entry]  # the Activity Log with this run recorded
    at: dt.datetime


def archive_month(inputs: WorkbookInputs, result: Result, book: Path, at: dt.datetime) -> Archived:
    """Write ``<book> - Leakage <period>.xlsx`` beside ``book`` (atomically: a month archived again
    is replaced) from a result already compared with last month."""
    applied = store.apply(result, inputs.discrepancy_grid, inputs.store_grid)
    inputs = replace(inputs, decisions=applied.decisions)
    log = logged_run(inputs, result, at)
    history = archived_history(inputs, result, review(log, result))
    archive = archive_name(book, result)
    atomic_write_bytes(
        archive,
        render_bytes(
            result,
            decisions=applied.decisions,
            history=history,
            tables={spec.DISCREPANCIES: applied.discrepancies},
            log=log,
            at=at,
            sheets=spec.REPORT_SHEETS,
            inputs=archived_inputs(inputs),
        ),
    )
    return Archived(archive, applied, history, log, at)


def archived_history(inputs: WorkbookInputs, result: Result, state: Review | None = None) -> Grid:
    """History with this run's month added (replacing an earlier archive of the same month)."""
    period = result.kpis.period or dt.date.today().strftime("%Y-%m")
    history = [r for r in inputs.history if str(r[0]) != period]
    history.append(spec.history_row(result, inputs.decisions, state))
    return sorted(history, key=lambda r: str(r[0]))


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
