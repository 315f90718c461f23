"""The finding sheets' tables: Discrepancies (ordered, with its title and legend), Matches, Excluded."""

from __future__ import annotations

from addin.layout.tables import (
    CHECK_FIRST,
    CHECK_FIRST_FILL,
    CHECK_HEADER,
    DISCREPANCIES,
    EXCLUDED,
    EXPOSURE,
    FIRST_SEEN_HEADER,
    FIX_WHEN_HEADER,
    ID_HEADER,
    KIND_HEADER,
    LEAKAGE,
    LEAKAGE_TYPES,
    LOST_HEADER,
    MATCHES,
    MONTHS_OPEN_HEADER,
    NOTE_HEADER,
    REOPENED,
    REOPENED_HEADER,
    SEVERITIES,
    SEVERITY_FILLS,
    SEVERITY_HEADER,
    STATUS_HEADER,
    TYPE_NAMES,
    Column,
    Decisions,
    Note,
    OutputTable,
    currency_of,
    money_cell,
    quantity_cell,
    row_heights,
)
from engine.read.header import column_letter
from engine.result import Discrepancy, Result

DISCREPANCY_COLUMNS: tuple[Column, ...] = (
    Column("Priority", "integer", 8),
    Column(SEVERITY_HEADER, "text", 9),
    Column(KIND_HEADER, "text", 11),
    Column("Finding", "text", 14),
    Column("Client", "wrap", 22),
    Column("Product", "wrap", 26),
    Column("Vendor seats", "quantity", 8),
    Column("PSA seats", "quantity", 8),
    Column("Vendor cost per seat / month", "unit_money", 12),
    Column("PSA price per seat / month", "unit_money", 12),
    Column("Monthly impact", "money", 12),
    Column("Annual impact", "money", 13),
    Column(FIRST_SEEN_HEADER, "text", 9),
    Column(MONTHS_OPEN_HEADER, "integer", 8),
    Column(LOST_HEADER, "money", 13),
    Column(REOPENED_HEADER, "text", 9),
    Column(CHECK_HEADER, "text", 9),
    Column("Match confidence", "confidence", 10),
    Column("What to do", "wrap", 50),
    Column(FIX_WHEN_HEADER, "wrap", 18),
    Column(STATUS_HEADER, "text", 13),
    Column(NOTE_HEADER, "wrap", 24),
    Column("Why check first (match evidence)", "text", 40, detail=True),
    Column("Client on the vendor bill", "text", 28, detail=True),
    Column("Product on the vendor bill", "text", 30, detail=True),
    Column("Product in the PSA", "text", 30, detail=True),
    Column("Client match", "text", 16, detail=True),
    Column("Product match", "text", 16, detail=True),
    Column("Vendor bill(s)", "text", 20, detail=True),
    Column("Vendor rows", "text", 12, detail=True),
    Column("PSA rows", "text", 12, detail=True),
    Column(ID_HEADER, "text", 14, detail=True),
)
_STATUS_INDEX = next(i for i, c in enumerate(DISCREPANCY_COLUMNS) if c.header == STATUS_HEADER)
#: The Discrepancies table's header sits under a title row and the two legend rows.
DISCREPANCY_HEADER_ROW = 3
MATCH_COLUMNS: tuple[Column, ...] = (
    Column("What", "text", 10),
    Column("Name on the vendor bill", "text", 40),
    Column("Name in the PSA", "text", 40),
    Column("Matched to", "text", 40),
    Column("How", "text", 12),
    Column("Confidence", "confidence", 12),
    Column("Evidence", "wrap", 60),
)
EXCLUDED_COLUMNS: tuple[Column, ...] = (
    Column("Side", "text", 8),
    Column("Source", "text", 24),
    Column("Row", "integer", 8),
    Column("Client", "text", 30),
    Column("Product", "text", 34),
    Column("Quantity", "quantity", 10),
    Column("Amount", "money", 14),
    Column("Why it was left out", "wrap", 50),
)


def is_leakage(kind: str) -> bool:
    return kind in LEAKAGE_TYPES


INFERRED_METHODS = ("fuzzy", "domain", "name")  # matches a person may want to confirm


def shown_confidence(d: Discrepancy) -> float | None:
    """A match score only where it tells something: a finding to check first, or one resting on an
    inferred match (fuzzy name, tenant domain). An exact or id match (100%), a client found on one
    side only, and "product not in the catalogue" (0%, no score at all) show blank."""
    methods = (d.client_match.split(" ")[0].strip(","), d.product_match.split(" ")[0].strip(","))
    inferred = any(m in INFERRED_METHODS for m in methods)
    if 0 < d.confidence < 1 and (d.check_first or inferred):
        return d.confidence
    return None


_LEAKAGE = frozenset(LEAKAGE_TYPES)


def ordered(result: Result) -> list[Discrepancy]:
    """Leakage (money the MSP loses) first, then over-billing exposure; each largest first (the
    engine's priority order, kept by a stable partition)."""
    found = sorted(result.discrepancies, key=lambda d: d.priority)
    return [d for d in found if d.type in _LEAKAGE] + [d for d in found if d.type not in _LEAKAGE]


def _rows_text(rows: tuple[int, ...], limit: int = 20) -> str:
    """Source row numbers as the CSV writes them (at most ``limit``, then a count)."""
    if len(rows) <= limit:
        return " ".join(map(str, rows))
    return " ".join(map(str, rows[:limit])) + f" …(+{len(rows) - limit})"


def discrepancy_notes(result: Result) -> tuple[Note, ...]:
    """Title and legend above the Discrepancies table: on screen and frozen, never off to the side."""
    k = result.kpis
    notes = [
        Note(
            0,
            0,
            f"Discrepancies — {k.period or 'period not stated'} · amounts in {currency_of(k.currency)} · "
            "leakage first, then over-billing exposure; each largest first",
            bold=True,
            size=13,
        ),
        Note(1, 0, "Colour:", bold=True),
    ]
    for offset, severity in enumerate(SEVERITIES, start=1):
        notes.append(Note(1, offset, severity, SEVERITY_FILLS[severity], bold=True))
    notes.append(Note(1, 5, CHECK_FIRST, CHECK_FIRST_FILL, bold=True))
    notes.append(
        Note(
            1,
            6,
            "marks an inferred client or product match: confirm before acting (why: click + above "
            f"column {column_letter(sum(not c.detail for c in DISCREPANCY_COLUMNS))}).",
        )
    )
    notes.append(
        Note(
            2,
            0,
            "Leakage = you pay the vendor and do not bill (unbilled, under-billed, below cost). "
            "Exposure = a client is billed for licences the vendor bill does not show (over-billed, no "
            "vendor record): the client may claim it back. Set Status as you review each row.",
        )
    )
    return tuple(notes)


def discrepancy_table(result: Result, decisions: Decisions | None = None) -> OutputTable:
    decisions = decisions or {}
    rows: list[list[object]] = []
    found = ordered(result)
    k = result.kpis
    for rank, d in enumerate(found, start=1):
        status, note = decisions.get(d.id, ("Open", ""))
        rows.append(
            [
                rank,
                d.severity.capitalize(),
                LEAKAGE if d.type in _LEAKAGE else EXPOSURE,
                TYPE_NAMES.get(d.type, d.type),
                d.client or d.vendor_client,
                d.product,
                quantity_cell(d.vendor_qty),
                quantity_cell(d.psa_qty),
                money_cell(d.vendor_unit_cost),
                money_cell(d.psa_unit_price),
                d.monthly_impact,
                d.annual_impact,
                d.first_seen or k.period or "",
                d.months_open,
                d.lost_so_far,
                REOPENED if d.reopened else "",
                CHECK_FIRST if d.check_first else "",
                shown_confidence(d),
                d.action,
                d.fix_when,
                status or "Open",
                note,
                d.evidence,
                d.vendor_client,
                d.vendor_product,
                d.psa_product,
                d.client_match,
                d.product_match,
                "; ".join(d.bills),
                _rows_text(d.vendor_rows),
                _rows_text(d.psa_rows),
                d.id,
            ]
        )
    return OutputTable(
        DISCREPANCIES,
        DISCREPANCY_COLUMNS,
        rows,
        [d.type for d in found],
        table_name="LF_Discrepancies",
        status_column=_STATUS_INDEX,
        header_row=DISCREPANCY_HEADER_ROW,
        notes=discrepancy_notes(result),
        currency=currency_of(k.currency),
        footer=f"Leakage Finder · Discrepancies · {k.period or 'period not stated'}",
        row_heights=row_heights(DISCREPANCY_COLUMNS, rows),
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
                m.evidence,
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
                p.evidence,
            ]
        )
    return OutputTable(
        MATCHES,
        MATCH_COLUMNS,
        rows,
        table_name="LF_Matches",
        currency=currency_of(result.kpis.currency),
        footer=f"Leakage Finder · Matches · {result.kpis.period or 'period not stated'}",
        # evidence as long as "learned from 2 clients: beside their '…', filling its unbilled
        # seats" wraps: its row grows, as the Discrepancies and Excluded tables' do
        row_heights=row_heights(MATCH_COLUMNS, rows),
    )


def excluded_table(result: Result) -> OutputTable:
    rows: list[list[object]] = [
        [
            e.side,
            e.source,
            e.row,
            e.client,
            e.product,
            quantity_cell(e.quantity),
            money_cell(e.amount),
            e.reason,
        ]
        for e in result.excluded
    ]
    return OutputTable(
        EXCLUDED,
        EXCLUDED_COLUMNS,
        rows,
        table_name="LF_Excluded",
        currency=currency_of(result.kpis.currency),
        footer=f"Leakage Finder · Excluded lines · {result.kpis.period or 'period not stated'}",
        row_heights=row_heights(EXCLUDED_COLUMNS, rows),
    )
