"""One presentation spec for every Excel rendering: sheet names, columns, formats, colours, widths.

The file writer (:mod:`addin.sheets_xlsx`, xlsxwriter) and the live-Excel writer (:mod:`addin.macros`,
xlwings) both render from :func:`output_tables`, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from engine.money import currency_format
from engine.result import Result, format_quantity

Kind = Literal["text", "money", "quantity", "integer", "percent", "confidence"]

# Sheet names (the template and the VBA module use the same ones).
START, VENDOR, PSA, SETTINGS = "Start", "Vendor", "PSA", "Settings"
CLIENT_ALIASES, PRODUCT_ALIASES, HISTORY = "Client Aliases", "Product Aliases", "History"
DISCREPANCIES, KPIS, MATCHES, EXCLUDED = "Discrepancies", "KPIs", "Matches", "Excluded"
OUTPUT_SHEETS = (DISCREPANCIES, KPIS, MATCHES, EXCLUDED)
INPUT_SHEETS = (VENDOR, PSA)

STATUSES = ("Open", "Fixed in PSA", "Accepted", "Ignore")
CORRECTED_STATUSES = frozenset({"Fixed in PSA", "Accepted"})

NUMBER_FORMATS: dict[Kind, str] = {
    "text": "@",
    "money": '"$"#,##0.00;[Red]-"$"#,##0.00',
    "quantity": "#,##0.##",
    "integer": "0",
    "percent": '0.00"%"',
    "confidence": "0%",
}


def number_format(kind: Kind, currency: str = "USD") -> str:
    """The Excel number format of a cell of this kind: money in the bill's currency (£, €, A$…)."""
    return currency_format(currency) if kind == "money" else NUMBER_FORMATS[kind]


HEADER_FILL, HEADER_FONT = "#1F3864", "#FFFFFF"
TYPE_FILLS: dict[str, str] = {
    "unbilled": "#F8D7DA",  # red: money the MSP pays and never bills
    "under_billed": "#F8D7DA",
    "below_cost": "#E8DAF5",  # purple: sold below cost
    "over_billed": "#FFE8B3",  # amber: clients billed for more than exists
    "no_vendor_record": "#FFE8B3",
}
TYPE_LABELS: dict[str, str] = {
    "unbilled": "Unbilled: paid to the vendor, never billed",
    "under_billed": "Under-billed: fewer seats billed than bought",
    "below_cost": "Below cost: price under the vendor cost",
    "over_billed": "Over-billed: more seats billed than bought",
    "no_vendor_record": "No vendor record: billed, but nothing bought",
}


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = "text"
    width: float = 14


@dataclass(frozen=True)
class OutputTable:
    """One output sheet's table: header row, typed rows, formats, and row fills by type."""

    sheet: str
    columns: tuple[Column, ...]
    rows: list[list[object]]
    row_types: list[str] = field(default_factory=list)  # parallel to rows (Discrepancies only)
    table_name: str = ""
    status_column: int | None = None  # 0-based index of the Status column (data validation)


DISCREPANCY_COLUMNS: tuple[Column, ...] = (
    Column("priority", "integer", 8),
    Column("type", "text", 16),
    Column("client", "text", 28),
    Column("vendor_client", "text", 28),
    Column("product", "text", 32),
    Column("vendor_product", "text", 30),
    Column("psa_product", "text", 30),
    Column("vendor_qty", "quantity", 10),
    Column("psa_qty", "quantity", 10),
    Column("vendor_unit_cost", "money", 17),
    Column("psa_unit_price", "money", 16),
    Column("monthly_impact", "money", 15),
    Column("annual_impact", "money", 15),
    Column("confidence", "confidence", 11),
    Column("action", "text", 70),
    Column("severity", "text", 10),
    Column("Status", "text", 14),
    Column("Note", "text", 40),
    Column("id", "text", 14),
)
MATCH_COLUMNS: tuple[Column, ...] = (
    Column("kind", "text", 10),
    Column("vendor", "text", 40),
    Column("psa", "text", 40),
    Column("canonical", "text", 40),
    Column("method", "text", 12),
    Column("confidence", "confidence", 12),
)
EXCLUDED_COLUMNS: tuple[Column, ...] = (
    Column("side", "text", 8),
    Column("source", "text", 24),
    Column("row", "integer", 8),
    Column("client", "text", 30),
    Column("product", "text", 34),
    Column("quantity", "quantity", 10),
    Column("amount", "money", 14),
    Column("reason", "text", 50),
)


def _money(value: Decimal | None) -> object:
    return None if value is None else value


def _qty(value: Decimal | None) -> object:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


Decisions = Mapping[str, tuple[str, str]]  # discrepancy id → (Status, Note)


def discrepancy_table(result: Result, decisions: Decisions | None = None) -> OutputTable:
    decisions = decisions or {}
    rows: list[list[object]] = []
    for d in result.discrepancies:
        status, note = decisions.get(d.id, ("Open", ""))
        rows.append(
            [
                d.priority,
                d.type,
                d.client,
                d.vendor_client,
                d.product,
                d.vendor_product,
                d.psa_product,
                _qty(d.vendor_qty),
                _qty(d.psa_qty),
                _money(d.vendor_unit_cost),
                _money(d.psa_unit_price),
                d.monthly_impact,
                d.annual_impact,
                d.confidence,
                d.action,
                d.severity,
                status or "Open",
                note,
                d.id,
            ]
        )
    return OutputTable(
        DISCREPANCIES,
        DISCREPANCY_COLUMNS,
        rows,
        [d.type for d in result.discrepancies],
        table_name="LF_Discrepancies",
        status_column=16,
    )


def match_table(result: Result) -> OutputTable:
    rows: list[list[object]] = []
    for m in result.client_matches:
        rows.append(
            [
                "client",
                m.vendor_name,
                m.psa_name,
                m.psa_name or m.vendor_name,
                m.method,
                m.confidence,
            ]
        )
    for p in result.product_matches:
        rows.append(
            [
                "product",
                p.spelling if p.side == "vendor" else "",
                p.spelling if p.side == "psa" else "",
                p.product,
                p.method,
                p.confidence,
            ]
        )
    return OutputTable(MATCHES, MATCH_COLUMNS, rows, table_name="LF_Matches")


def excluded_table(result: Result) -> OutputTable:
    rows: list[list[object]] = [
        [e.side, e.source, e.row, e.client, e.product, _qty(e.quantity), _money(e.amount), e.reason]
        for e in result.excluded
    ]
    return OutputTable(EXCLUDED, EXCLUDED_COLUMNS, rows, table_name="LF_Excluded")


@dataclass(frozen=True)
class Tile:
    label: str
    value: object
    kind: Kind
    note: str = ""


def corrections(decisions: Decisions | None) -> int:
    return sum(status in CORRECTED_STATUSES for status, _ in (decisions or {}).values())


def kpi_tiles(result: Result, decisions: Decisions | None = None) -> list[Tile]:
    k = result.kpis
    on_target = k.leakage_ratio_percent <= k.leakage_target_percent
    return [
        Tile("Monthly leakage", k.monthly_leakage, "money", "unbilled + under-billed + below cost"),
        Tile("Annualised leakage", k.annual_leakage, "money", "12 × monthly"),
        Tile(
            "Leakage ratio",
            k.leakage_ratio_percent,
            "percent",
            f"target ≤ {k.leakage_target_percent}% — {'on target' if on_target else 'above target'}",
        ),
        Tile(
            "Over-billing exposure",
            k.overbilling_exposure,
            "money",
            "per month: over-billed + no vendor record",
        ),
        Tile(
            "Vendor monthly total",
            k.vendor_monthly_total,
            "money",
            f"file total {k.vendor_file_total:,.2f}",
        ),
        Tile("PSA monthly total", k.psa_monthly_total, "money", ""),
        Tile(
            "Unbilled", k.counts["unbilled"], "integer", f"{k.impacts['unbilled']:,.2f} per month"
        ),
        Tile(
            "Under-billed",
            k.counts["under_billed"],
            "integer",
            f"{k.impacts['under_billed']:,.2f} per month",
        ),
        Tile(
            "Below cost",
            k.counts["below_cost"],
            "integer",
            f"{k.impacts['below_cost']:,.2f} per month",
        ),
        Tile(
            "Over-billed",
            k.counts["over_billed"],
            "integer",
            f"{k.impacts['over_billed']:,.2f} per month",
        ),
        Tile(
            "No vendor record",
            k.counts["no_vendor_record"],
            "integer",
            f"{k.impacts['no_vendor_record']:,.2f} per month",
        ),
        Tile(
            "Clients matched",
            k.clients_matched,
            "integer",
            f"{k.vendor_clients_unmatched} only on the vendor bill, {k.psa_clients_unmatched} only in the PSA",
        ),
        Tile("Time to reconcile (s)", round(k.seconds, 2), "quantity", ""),
        Tile(
            "Corrections",
            corrections(decisions),
            "integer",
            "findings marked Fixed in PSA or Accepted",
        ),
    ]


def top_clients(result: Result, limit: int = 10) -> list[list[object]]:
    """Clients by monthly leakage, largest first."""
    totals: dict[str, Decimal] = {}
    for d in result.discrepancies:
        if d.type in ("unbilled", "under_billed", "below_cost"):
            name = d.client or d.vendor_client
            totals[name] = totals.get(name, Decimal(0)) + d.monthly_impact
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [[name, amount, amount * 12] for name, amount in ranked]


ALIAS_COLUMNS: tuple[Column, ...] = (
    Column("Vendor spelling", "text", 40),
    Column("PSA spelling", "text", 40),
    Column("Added by", "text", 44),
)


def learned_aliases(result: Result, existing: Mapping[str, str]) -> list[list[object]]:
    """Client matches Reconcile found by fuzzy name or tenant domain, not yet in Client Aliases: added
    so next month's run matches them exactly (delete a row to undo a wrong match)."""
    known = {vendor.strip().lower() for vendor in existing}
    rows: list[list[object]] = []
    for match in result.client_matches:
        if match.method in ("fuzzy", "domain") and match.vendor_name.strip().lower() not in known:
            rows.append(
                [
                    match.vendor_name,
                    match.psa_name,
                    f"Reconcile ({match.method} {match.confidence:.2f}): delete the row if wrong",
                ]
            )
    return rows


HISTORY_COLUMNS: tuple[Column, ...] = (
    Column("period", "text", 12),
    Column("monthly_leakage", "money", 16),
    Column("annual_leakage", "money", 16),
    Column("leakage_ratio_percent", "percent", 12),
    Column("overbilling_exposure", "money", 16),
    Column("findings", "integer", 10),
    Column("corrections", "integer", 12),
    Column("vendor_monthly_total", "money", 18),
)


def history_row(result: Result, decisions: Decisions | None = None) -> list[object]:
    k = result.kpis
    return [
        k.period or "",
        k.monthly_leakage,
        k.annual_leakage,
        k.leakage_ratio_percent,
        k.overbilling_exposure,
        len(result.discrepancies),
        corrections(decisions),
        k.vendor_monthly_total,
    ]


def as_text(value: object) -> str:
    """How a cell value reads in a plain-text dump (golden files, tests)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    return str(value) if not isinstance(value, Decimal) else format_quantity(value)


# --- the KPIs sheet layout (both writers place things where this says) ----------------------------

TILE_COLUMNS = 4
#: Column A is a margin; tiles sit side by side in B:E; the history table runs on to I.
KPI_COLUMN_WIDTHS = (2, 30, 30, 30, 30, 16, 16, 16, 18)
TILE_VALUE_ROW_HEIGHT = 27  # points: the large tile values need more than Excel's default 15
TOP_CLIENT_COLUMNS: tuple[Column, ...] = (
    Column("client", "text"),
    Column("monthly_leakage", "money"),
    Column("annual_leakage", "money"),
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
class KpiLayout:
    title: str
    subtitle: str
    tiles: list[tuple[int, int, Tile]]  # (row, col, tile): label at row, value row+1, note row+2
    top_clients: Block
    history: Block
    chart_row: int  # where the leakage-over-months chart is anchored (column 1)


def kpi_layout(
    result: Result, decisions: Decisions | None, history: list[list[object]]
) -> KpiLayout:
    tiles = kpi_tiles(result, decisions)
    placed = [
        (3 + (i // TILE_COLUMNS) * 4, 1 + i % TILE_COLUMNS, tile) for i, tile in enumerate(tiles)
    ]
    row = 3 + ((len(tiles) + TILE_COLUMNS - 1) // TILE_COLUMNS) * 4 + 1
    top = top_clients(result)
    top_block = Block(
        row + 1, 1, TOP_CLIENT_COLUMNS, top, "LF_TopClients", "Top clients by monthly leakage"
    )
    row += len(top) + 4
    history_block = Block(
        row + 1, 1, HISTORY_COLUMNS, history, "LF_KpiHistory", "History (Archive Month adds a row)"
    )
    return KpiLayout(
        title=f"Leakage Finder — {result.kpis.period or 'period not stated'}",
        subtitle=f"Vendor: {result.sources.get('vendor', '')}   PSA: {result.sources.get('psa', '')}",
        tiles=placed,
        top_clients=top_block,
        history=history_block,
        chart_row=history_block.row + max(len(history), 1) + 2,
    )


def history_with_current(
    archived: list[list[object]], result: Result, decisions: Decisions | None = None
) -> list[list[object]]:
    """Archived months plus this run's month when it is not archived yet, oldest first."""
    current = history_row(result, decisions)
    rows = [list(r) for r in archived if r and r[0] not in (None, "")]
    if not any(str(r[0]) == str(current[0]) for r in rows):
        rows.append(current)
    return sorted(rows, key=lambda r: str(r[0]))
