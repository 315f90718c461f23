"""Where the KPIs sheet puts things (tiles, blocks, month charts) and the History rows it plots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from addin.layout.kpi_tiles import (
    BY_TYPE_COLUMNS,
    TIME_TARGET_MINUTES,
    Tile,
    by_type,
    kpi_tiles,
    review_of,
    top_clients,
)
from addin.layout.tables import LEAKAGE_TYPES, Column, Decisions, currency_of, money_format
from addin.workbook.review_log import Review
from engine.result import Result

HISTORY_COLUMNS: tuple[Column, ...] = (
    Column("Month", "text", 10),
    Column("Monthly leakage", "money", 16),
    Column("Annual leakage", "money", 16),
    Column("Leakage ratio (%)", "percent", 12),
    Column("Over-billing exposure", "money", 16),
    Column("Findings", "integer", 10),
    Column("Corrections", "integer", 12),
    Column("Vendor monthly total", "money", 18),
    Column("Minutes to reconcile", "integer", 12),
    Column("Recovered per month", "money", 14),
    Column("New leakage", "money", 14),
    Column("Carried-over leakage", "money", 14),
)


def history_row(
    result: Result, decisions: Decisions | None = None, review: Review | None = None
) -> list[object]:
    k = result.kpis
    state = review_of(result, decisions, review)
    return [
        k.period or "",
        k.monthly_leakage,
        k.annual_leakage,
        k.leakage_ratio_percent,
        k.overbilling_exposure,
        len(result.discrepancies),
        state.corrections,
        k.vendor_monthly_total,
        state.minutes,
        state.recovered,
        k.monthly_leakage if k.new_leakage is None else k.new_leakage,
        k.carried_leakage,
    ]


# --- the KPIs sheet layout (both writers place things where this says) ----------------------------

TILE_COLUMNS = 4
#: Column A is a margin; tiles sit side by side in B:E; the history table runs on to K.
KPI_COLUMN_WIDTHS = (2, 30, 30, 30, 30, 14, 12, 12, 14, 12, 12, 14, 14, 10)
TILE_VALUE_ROW_HEIGHT = 27  # points: the large tile values need more than Excel's default 15
TOP_CLIENT_COLUMNS: tuple[Column, ...] = (
    Column("Client", "text"),
    Column("Monthly leakage", "money"),
    Column("Annual leakage", "money"),
)
TARGET_HEADER = "Target (%)"
KPI_HISTORY_COLUMNS: tuple[Column, ...] = (*HISTORY_COLUMNS, Column(TARGET_HEADER, "percent"))
CHART_ROWS = 16  # rows a chart covers (15 points each)
#: History columns the month charts plot (offsets in the History block).
HISTORY_CORRECTIONS, HISTORY_MINUTES, HISTORY_RECOVERED = (
    next(i for i, c in enumerate(HISTORY_COLUMNS) if c.header == name)
    for name in ("Corrections", "Minutes to reconcile", "Recovered per month")
)


@dataclass(frozen=True)
class Block:
    """A small table on the KPIs sheet: header row at (row, col), 0-based."""

    row: int
    col: int
    columns: tuple[Column, ...]
    rows: list[list[object]]
    name: str
    title: str


@dataclass(frozen=True)
class Chart:
    """A chart drawn from a block: categories from one column, one series per value column."""

    kind: Literal["bar", "line"]
    title: str
    block: Block
    category: int  # column offset in the block
    values: tuple[int, ...]  # column offsets in the block
    rows: int  # data rows plotted, from the first
    row: int  # anchor, 0-based
    col: int
    y_format: str


@dataclass(frozen=True)
class KpiLayout:
    title: str
    subtitle: str
    tiles: list[tuple[int, int, Tile]]  # (row, col, tile): label at row, value row+1, note row+2
    by_type: Block
    top_clients: Block
    history: Block
    charts: tuple[Chart, ...]
    currency: str
    footer: str

    @property
    def blocks(self) -> tuple[Block, ...]:
        return (self.by_type, self.top_clients, self.history)

    @property
    def last_row(self) -> int:
        return max(c.row + CHART_ROWS for c in self.charts)

    @property
    def chart_row(self) -> int:
        return self.charts[0].row


def kpi_layout(
    result: Result,
    decisions: Decisions | None,
    history: list[list[object]],
    review: Review | None = None,
    at: dt.datetime | None = None,
) -> KpiLayout:
    k = result.kpis
    currency = currency_of(k.currency)
    tiles = kpi_tiles(result, decisions, review, at)
    placed = [
        (3 + (i // TILE_COLUMNS) * 4, 1 + i % TILE_COLUMNS, tile) for i, tile in enumerate(tiles)
    ]
    row = 3 + ((len(tiles) + TILE_COLUMNS - 1) // TILE_COLUMNS) * 4 + 1
    types = by_type(result)
    type_block = Block(row + 1, 1, BY_TYPE_COLUMNS, types, "LF_ByType", "Findings by type")
    row += len(types) + 4
    top = top_clients(result)
    top_block = Block(
        row + 1, 1, TOP_CLIENT_COLUMNS, top, "LF_TopClients", "Top clients by monthly leakage"
    )
    row += max(len(top), 1) + 4
    target = k.leakage_target_percent
    history_rows = [
        [*[*r, *[None] * len(HISTORY_COLUMNS)][: len(HISTORY_COLUMNS)], target] for r in history
    ]
    history_block = Block(
        row + 1,
        1,
        KPI_HISTORY_COLUMNS,
        history_rows,
        "LF_KpiHistory",
        "History (Archive Month adds a row)",
    )
    chart_row = history_block.row + max(len(history_rows), 1) + 2
    return KpiLayout(
        title=f"Leakage Finder — {k.period or 'period not stated'} · amounts in {currency}",
        subtitle=f"Vendor: {result.sources.get('vendor', '')}   PSA: {result.sources.get('psa', '')}",
        tiles=placed,
        by_type=type_block,
        top_clients=top_block,
        history=history_block,
        charts=_charts(type_block, history_block, chart_row, currency, target),
        currency=currency,
        footer=f"Leakage Finder · KPIs · {k.period or 'period not stated'}",
    )


def _charts(
    type_block: Block, history_block: Block, chart_row: int, currency: str, target: Decimal
) -> tuple[Chart, ...]:
    """The KPIs sheet's charts, two a row from ``chart_row``: leakage by type and the ratio by
    month, then the months' work (recovered, minutes, corrections)."""
    months = len(history_block.rows)
    money = money_format(currency).split(";")[0].replace(".00", "")
    return (
        *_leakage_charts(type_block, history_block, chart_row, money, target, months),
        *_work_charts(history_block, chart_row, money, months),
    )


def _leakage_charts(
    type_block: Block,
    history_block: Block,
    chart_row: int,
    money: str,
    target: Decimal,
    months: int,
) -> tuple[Chart, ...]:
    """Leakage by type and the ratio by month, side by side on the first chart row."""
    return (
        Chart(
            "bar",
            "Monthly leakage by type",
            type_block,
            0,
            (1,),
            len(LEAKAGE_TYPES),
            chart_row,
            1,
            money,
        ),
        Chart(
            "line",
            f"Leakage ratio by month against the {target}% target",
            history_block,
            0,
            (3, len(KPI_HISTORY_COLUMNS) - 1),
            months,
            chart_row,
            3,
            '0.0"%"',
        ),
    )


def _work_charts(
    history_block: Block, chart_row: int, money: str, months: int
) -> tuple[Chart, ...]:
    """The months' work: what was recovered, how long it took, how many lines were corrected."""
    return (
        Chart(
            "bar",
            "Recovered per month (leakage marked Fixed in PSA)",
            history_block,
            0,
            (HISTORY_RECOVERED,),
            months,
            chart_row + CHART_ROWS + 1,
            1,
            money,
        ),
        Chart(
            "line",
            f"Minutes to reconcile (target under {TIME_TARGET_MINUTES})",
            history_block,
            0,
            (HISTORY_MINUTES,),
            months,
            chart_row + CHART_ROWS + 1,
            3,
            '0" min"',
        ),
        Chart(
            "bar",
            "Corrections by month (findings marked Fixed in PSA)",
            history_block,
            0,
            (HISTORY_CORRECTIONS,),
            months,
            chart_row + 2 * (CHART_ROWS + 1),
            1,
            "0",
        ),
    )


def history_with_current(
    archived: Sequence[Sequence[object]],
    result: Result,
    decisions: Decisions | None = None,
    review: Review | None = None,
) -> list[list[object]]:
    """Archived months plus this run's month when it is not archived yet, oldest first."""
    current = history_row(result, decisions, review)
    rows = [list(r) for r in archived if r and r[0] not in (None, "")]
    if not any(str(r[0]) == str(current[0]) for r in rows):
        rows.append(current)
    return sorted(rows, key=lambda r: str(r[0]))
