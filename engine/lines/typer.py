"""One typer for both sides: each side's columns (its :class:`SideSpec`) become typed lines.

Each reason a row takes no part is found column by column and the first, in the side's order, wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from engine.lines.line import Exclusion, Line, Reason
from engine.lines.tax_numbers import tax_numbers
from engine.lines.unit_sizes import with_unit_sizes
from engine.read import cells
from engine.read.columns import ColumnMapping
from engine.read.header import Table


@dataclass(slots=True)
class Columns:
    """One side's export parsed column by column: one entry per data row."""

    clients: list[str]
    products: list[str]
    product_ids: list[tuple[str, ...]]
    quantities: list[Decimal | None]
    units: list[Decimal | Fraction | None]
    amounts: list[Decimal | None]
    months: list[int]
    totals_rows: set[int]
    #: The side's own reasons a row takes no part, by name (see ``SideSpec.order``), by position.
    checks: dict[str, dict[int, Reason]]
    domains: Sequence[str] = ()
    alternates: Sequence[str] = ()
    period_starts: Sequence[dt.date | None] = ()
    subscription_ends: Sequence[dt.date | None] = ()
    commitments: Sequence[int | None] = ()
    cancelled: Sequence[dt.date | None] = ()
    period_ends: Sequence[dt.date | None] = ()
    client_ids: Sequence[str] = ()


#: In ``SideSpec.order``: the point from which a PSA cancellation date outranks the reasons after it.
CANCELLATION = "cancellation"


@dataclass(frozen=True)
class SideSpec:
    """What typing one side's lines needs to know: its columns, its words, its reasons' order."""

    side: str
    unit_field: str
    no_client: Exclusion
    unreadable_unit: Exclusion
    zero_quantity: Exclusion
    columns: Callable[[Table, ColumnMapping], Columns]
    order: tuple[str, ...]  # which reason outranks which: first wins


def typed_lines(table: Table, mapping: ColumnMapping, spec: SideSpec) -> list[Line]:
    """Typed lines of one side, one per data row, each with the first reason (if any) that keeps
    it out of the run."""
    n = len(table.row_numbers)
    cols = spec.columns(table, mapping)
    measures, packs, flats, read_as = (
        with_unit_sizes(  # "10-user pack" × 5 is 50 users; "500GB block" × 7 is 3,500 GB
            cols.products,
            cells.parsed(cells.column(table, mapping, "measure"), cells.cell_text),
            cols.quantities,
            cols.units,
        )
    )
    checks = {**_common_checks(table, mapping, spec, cols), **cols.checks}
    reasons = _first_reasons(spec.order, checks)
    cancelled: Sequence[dt.date | None] = [None] * n
    if CANCELLATION in spec.order and cols.cancelled:
        early = _first_reasons(spec.order[: spec.order.index(CANCELLATION)], checks)
        cancelled = [None if i in early else day for i, day in enumerate(cols.cancelled)]
    none: Sequence[None] = [None] * n
    blank: Sequence[str] = [""] * n
    exclusions: list[Exclusion | None] = [None] * n
    details = [""] * n
    for i, (exclusion, detail) in reasons.items():  # a few rows: set them alone
        exclusions[i], details[i] = exclusion, detail
    return list(
        map(
            Line,
            [spec.side] * n,
            table.row_numbers,
            cols.clients,
            cols.products,
            cols.product_ids,
            cols.quantities,
            cols.units,
            cols.months,
            cols.amounts,
            exclusions,
            details,
            cols.domains or blank,
            cols.alternates or blank,
            cols.period_starts or none,
            none,  # product key: decided by the run
            cancelled,
            blank,  # bill: named when several are merged
            cols.subscription_ends or none,
            cols.commitments or none,
            cols.period_ends or none,
            cols.client_ids or blank,
            measures,
            read_as,
            packs,
            flats,
            tax_numbers(table, mapping),
        )
    )


def _common_checks(
    table: Table, mapping: ColumnMapping, spec: SideSpec, cols: Columns
) -> dict[str, dict[int, Reason]]:
    """The reasons both sides share, each as the rows it holds for."""
    raw_quantity = cells.column(table, mapping, "quantity")
    raw_unit = cells.column(table, mapping, spec.unit_field)
    return {
        "totals": dict.fromkeys(cols.totals_rows, (Exclusion.TOTALS_ROW, "")),
        "repeated": dict.fromkeys(
            cells.repeated_header_rows(table, mapping), (Exclusion.REPEATED_HEADER, "")
        ),
        "no_client": {i: (spec.no_client, "") for i, c in enumerate(cols.clients) if not c},
        "no_product": {i: (Exclusion.NO_PRODUCT, "") for i, p in enumerate(cols.products) if not p},
        "unreadable_quantity": {
            i: (Exclusion.UNREADABLE_QUANTITY, cells.shown(raw_quantity[i]))
            for i, q in enumerate(cols.quantities)
            if q is None
        },
        "unreadable_unit": {
            i: (spec.unreadable_unit, cells.shown(raw_unit[i]))
            for i, u in enumerate(cols.units)
            if u is None
        },
        "zero_quantity": {
            i: (spec.zero_quantity, "") for i, q in enumerate(cols.quantities) if q == 0
        },
    }


def _first_reasons(order: Sequence[str], checks: dict[str, dict[int, Reason]]) -> dict[int, Reason]:
    """Each row's first reason in ``order`` (later checks are laid down first, earlier ones over them)."""
    reasons: dict[int, Reason] = {}
    for name in reversed(order):
        reasons.update(checks.get(name, {}))
    return reasons
