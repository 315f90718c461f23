"""Every output sheet in one list: what each writer renders, sheet by sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from addin.layout.discrepancies import discrepancy_table, excluded_table, match_table
from addin.layout.kpi_sheet import HISTORY_COLUMNS, KpiLayout, history_with_current, kpi_layout
from addin.layout.month_sheets import fixed_table, pairs_table, prices_table
from addin.layout.tables import (
    ACTIVITY_LOG,
    DISCREPANCIES,
    EXCLUDED,
    FIXED,
    HISTORY,
    KPIS,
    MATCHES,
    OUTPUT_SHEETS,
    PAIRS,
    PRICES,
    Column,
    Decisions,
    OutputTable,
)
from addin.workbook.review_log import LOG_COLUMNS, Entry
from addin.workbook.review_log import review as review_from_log
from engine.result import Result

# --- every output sheet, in one list (each writer renders what this returns) --------------------


@dataclass(frozen=True)
class GridSheet:
    """A plain sheet under a styled header row: History, the hidden Activity Log."""

    sheet: str
    columns: tuple[Column, ...]
    rows: list[list[object]]
    hidden: bool = False  # hidden sheets keep no frozen header either


#: The Activity Log's columns: LOG_COLUMNS with their widths; the impact is money.
ACTIVITY_LOG_COLUMNS: tuple[Column, ...] = tuple(
    Column(header, "money" if header == "Monthly impact" else "text", width)
    for header, width in zip(LOG_COLUMNS, (20, 8, 9, 20, 13, 14, 12, 40), strict=True)
)


def activity_log_sheet(entries: Sequence[Entry]) -> GridSheet:
    """The hidden Activity Log: when the month's data came in, each run, each Status change."""
    return GridSheet(
        ACTIVITY_LOG, ACTIVITY_LOG_COLUMNS, [entry.row() for entry in entries], hidden=True
    )


Output = OutputTable | KpiLayout | GridSheet
_TABLES: dict[str, Callable[[Result], OutputTable]] = {
    MATCHES: match_table,
    EXCLUDED: excluded_table,
    PRICES: prices_table,
    PAIRS: pairs_table,
    FIXED: fixed_table,
}


def output_tables(
    result: Result,
    sheets: Sequence[str] = OUTPUT_SHEETS,
    *,
    decisions: Decisions | None = None,
    history: Sequence[Sequence[object]] | None = None,
    log: Sequence[Entry] | None = None,
    at: dt.datetime | None = None,
    given: Mapping[str, OutputTable] | None = None,
) -> list[tuple[str, Output]]:
    """The named output sheets, in order, each with what a writer renders: a table (its columns,
    rows and formats), the KPIs layout, or a plain grid (History, the Activity Log).

    ``given`` supplies a table ready-made (Discrepancies with the user's own columns, the Decisions
    store). ``log`` is the Activity Log after this run: the KPIs' time to reconcile, corrections and
    recovered amount come from it. ``history`` is the archived months (this one is added on KPIs)."""
    decisions = decisions or {}
    state = review_from_log(log, result) if log is not None else None
    archived = [list(row) for row in history or []]
    out: list[tuple[str, Output]] = []
    for name in sheets:
        output: Output
        if given and name in given:
            output = given[name]
        elif name == DISCREPANCIES:
            output = discrepancy_table(result, decisions)
        elif name == KPIS:
            current = history_with_current(archived, result, decisions, state)
            output = kpi_layout(result, decisions, current, state, at)
        elif name == HISTORY:
            output = GridSheet(HISTORY, HISTORY_COLUMNS, archived)
        elif name == ACTIVITY_LOG:
            output = activity_log_sheet(log or [])
        elif name in _TABLES:
            output = _TABLES[name](result)
        else:
            raise ValueError(f"{name!r} is not an output sheet")
        out.append((name, output))
    return out
