"""Month over month sheets: Prices (price moves, thin margins, terms), Pairs and Fixed."""

from __future__ import annotations

from addin.layout.tables import (
    FIXED,
    ID_HEADER,
    PAIRS,
    PRICES,
    TYPE_HEADER,
    TYPE_NAMES,
    Column,
    Note,
    OutputTable,
    currency_of,
    quantity_cell,
    row_heights,
)
from engine.money import format_amount
from engine.result import PriceChange, Result, TermFinding, ThinMargin

# --- month over month: Prices (price moves, thin margins, terms) and Pairs ----------------------

PRICE_KINDS: dict[str, str] = {
    "rose": "Cost rose",
    "fell": "Cost fell",
    "thin": "Thin margin",
    "extended_terms": "Extended terms",
    "renewal": "Renewal due",
}
PRICE_COLUMNS: tuple[Column, ...] = (
    Column("What", "text", 14),
    Column("Client", "wrap", 24),
    Column("Product", "wrap", 26),
    Column("Seats", "quantity", 8),
    Column("PSA seats", "quantity", 8),
    Column("Cost last month", "unit_money", 12),
    Column("Cost per seat / month", "unit_money", 12),
    Column("PSA price per seat / month", "unit_money", 12),
    Column("Margin (%)", "percent", 9),
    Column("Monthly effect", "money", 13),
    Column("Date", "text", 11),
    Column("What to do", "wrap", 48),
)
PAIR_COLUMNS: tuple[Column, ...] = (
    Column("Client", "text", 30),
    Column("Product", "text", 34),
    Column("Vendor seats", "quantity", 10),
    Column("PSA seats", "quantity", 10),
    Column("Vendor cost per seat / month", "quantity", 14),
    Column("PSA price per seat / month", "quantity", 14),
)


def price_rows(result: Result) -> list[list[object]]:
    """Price moves (product rows, then client rows), thin margins, then terms: one table to filter."""
    cur = currency_of(result.kpis.currency)
    return [
        *(_price_move_row(c, cur) for c in result.price_changes),
        *(_thin_margin_row(t, cur) for t in result.thin_margins),
        *(_term_row(term) for term in result.terms),
    ]


def _price_move_row(c: PriceChange, cur: str) -> list[object]:
    verb = "pass the rise on" if c.direction == "rose" else "check the price still fits"
    return [
        PRICE_KINDS[c.direction],
        c.client or "(all clients)",
        c.product,
        quantity_cell(c.vendor_qty),
        None,
        c.previous_cost,
        c.cost,
        c.psa_unit_price,
        None,
        c.monthly_effect,
        c.previous_period,
        f"Vendor cost {c.direction} {format_amount(abs(c.cost - c.previous_cost), cur)} a "
        f"seat since {c.previous_period} while the PSA price stayed: {verb}.",
    ]


def _thin_margin_row(t: ThinMargin, cur: str) -> list[object]:
    return [
        PRICE_KINDS["thin"],
        t.client,
        t.product,
        quantity_cell(t.seats),
        None,
        None,
        t.cost,
        t.price,
        t.margin_percent,
        t.monthly_shortfall,
        "",
        f"Margin {t.margin_percent}% is under the {t.target_percent}% target: price "
        f"{format_amount(t.price_at_target, cur)} a seat reaches it; a vendor rise of "
        f"{format_amount(t.price - t.cost, cur)} makes it below cost.",
    ]


def _term_row(term: TermFinding) -> list[object]:
    return [
        PRICE_KINDS[term.kind],
        term.client,
        term.product,
        quantity_cell(term.vendor_qty),
        quantity_cell(term.psa_qty),
        None,
        None,
        None,
        None,
        term.monthly_surcharge if term.kind == "extended_terms" else None,
        term.end_date,
        term.action,
    ]


def prices_table(result: Result) -> OutputTable:
    k = result.kpis
    cur = currency_of(k.currency)
    since = f"since {k.previous_period}" if k.previous_period else "(no previous month archived)"
    notes = (
        Note(
            0,
            0,
            f"Prices, margins and terms — {k.period or 'period not stated'} · amounts in {cur}",
            bold=True,
            size=13,
        ),
        Note(
            1,
            0,
            f"Vendor cost moves {since}: {format_amount(k.price_change_effect, cur)} a month. "
            f"Under the {k.target_margin_percent}% target margin: "
            f"{format_amount(k.thin_margin_shortfall, cur)} a month to reach it. Extended Service "
            f"Terms surcharge: {format_amount(k.extended_terms_surcharge, cur)} a month.",
        ),
    )
    rows = price_rows(result)
    return OutputTable(
        PRICES,
        PRICE_COLUMNS,
        rows,
        table_name="LF_Prices",
        header_row=2,
        notes=notes,
        currency=cur,
        footer=f"Leakage Finder · Prices · {k.period or 'period not stated'}",
        row_heights=row_heights(PRICE_COLUMNS, rows),
    )


def pairs_table(result: Result) -> OutputTable:
    rows: list[list[object]] = [
        [
            p.client,
            p.product,
            quantity_cell(p.vendor_qty),
            quantity_cell(p.psa_qty),
            p.vendor_unit_cost,
            p.psa_unit_price,
        ]
        for p in result.pairs
    ]
    return OutputTable(
        PAIRS,
        PAIR_COLUMNS,
        rows,
        table_name="LF_Pairs",
        currency=currency_of(result.kpis.currency),
        footer=f"Leakage Finder · Pairs · {result.kpis.period or 'period not stated'}",
    )


FIXED_COLUMNS: tuple[Column, ...] = (
    Column(ID_HEADER, "text", 14),
    Column(TYPE_HEADER, "text", 16),
    Column("Client", "text", 30),
    Column("Product", "text", 34),
    Column("Fixed in", "text", 10),
)


def fixed_table(result: Result) -> OutputTable:
    """Findings fixed in earlier months and not back: next month's run reads them from the archive."""
    rows: list[list[object]] = [
        [f.id, TYPE_NAMES.get(f.type, f.type), f.client, f.product, f.fixed_in]
        for f in result.fixed
    ]
    return OutputTable(
        FIXED,
        FIXED_COLUMNS,
        rows,
        table_name="LF_Fixed",
        currency=currency_of(result.kpis.currency),
        footer=f"Leakage Finder · Fixed findings · {result.kpis.period or 'period not stated'}",
    )
