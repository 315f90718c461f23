"""A vendor bill's columns, line by line: the MSP's real cost per seat, how often each line is
billed, one-time charges, free products and trials."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from functools import lru_cache

from engine.lines.client_numbers import named_by_number
from engine.lines.line import Exclusion
from engine.lines.reseller import without_reseller
from engine.lines.typer import Columns, SideSpec
from engine.money import parse_money
from engine.read import cells
from engine.read.columns import ColumnMapping
from engine.read.header import Table
from engine.read.values import (
    billed_every_months,
    billing_said_months,
    parse_period_months,
    period_from_stock_code,
)


def _vendor_columns(table: Table, mapping: ColumnMapping) -> Columns:
    """A vendor bill's columns: unit costs in the billing currency and net of discounts; how often
    each line is billed; one-time charges, free products and trials."""
    names = cells.parsed(cells.column(table, mapping, "product_name"), cells.product_text)
    ids = cells.parsed(cells.column(table, mapping, "product_id"), cells.cell_text)
    skus = cells.parsed(cells.column(table, mapping, "sku_id"), cells.cell_text)
    editions = cells.parsed(cells.column(table, mapping, "sku_name"), cells.cell_text)
    displays = [
        _the_sku_when_it_says_more(name, sku_name) or product_id
        for name, sku_name, product_id in zip(names, editions, ids, strict=True)
    ]
    clients = named_by_number(
        without_reseller(cells.parsed(cells.column(table, mapping, "client"), cells.cell_text)),
        cells.parsed(cells.column(table, mapping, "client_id"), cells.cell_text),
    )  # "Northbeam IT Pty Ltd / Wattle Creek Plumbing Pty Ltd": the MSP before its customer; a
    # blank name on a line whose customer code other lines name (Redington's statement)
    domains = cells.parsed(cells.column(table, mapping, "domain"), cells.cell_text)
    quantities, units, amounts = _vendor_amounts(table, mapping)
    read_date = cells.date_parser(table, mapping)
    starts = cells.dates(table, mapping, "period_start", read_date)
    terms, months, commitments, trial = _vendor_terms(
        table, mapping, ids, displays, starts, read_date
    )
    free_or_trial = {  # costing nothing, or a trial (free unless it costs something)
        i: (Exclusion.TRIAL if amount else Exclusion.FREE, "")
        for i, (unit, amount) in enumerate(zip(units, amounts, strict=True))
        if (unit == 0 and not amount) or trial[i]
    }
    return Columns(
        clients=[client or domain for client, domain in zip(clients, domains, strict=True)],
        products=displays,
        product_ids=cells.parsed(list(zip(ids, skus, strict=True)), cells.vendor_ids),
        quantities=quantities,
        units=units,
        amounts=amounts,
        months=months,
        totals_rows=cells.totals_rows(clients, displays, cells.first_column(table), table),
        checks={
            "one_time": {
                i: (Exclusion.ONE_TIME, "")
                for i, t in enumerate(terms)
                if t is cells.ONE_TIME_CHARGE
            },
            "free_or_trial": free_or_trial,
        },
        domains=domains,
        period_starts=starts,
        period_ends=cells.dates(table, mapping, "period_end", read_date),
        subscription_ends=cells.dates(table, mapping, "subscription_end", read_date),
        commitments=commitments,
        client_ids=cells.parsed(cells.column(table, mapping, "client_id"), cells.cell_text),
    )


@lru_cache(maxsize=4096)
def _the_sku_when_it_says_more(name: str, sku_name: str) -> str:
    """The SKU's name when it is the product's name with more after it: Partner Center writes
    ProductName "Microsoft 365 E3" and SkuName "Microsoft 365 E3 (no Teams)" for the EEA edition,
    a different product at a different price. A SKU name that is not the product's own ("Azure
    plan" beside "Azure subscription") leaves the product's name."""
    if len(sku_name) > len(name) and sku_name.casefold().startswith(name.casefold()):
        return sku_name
    if _AN_EDITION.fullmatch(sku_name) and not set(_WORD.findall(sku_name.casefold())) & set(
        _WORD.findall(name.casefold())
    ):
        # TD SYNNEX's Offer Name "Microsoft 365" and Plan Name "E5": the edition names the product
        return f"{name} {sku_name}"
    return name


#: An edition's name, as an offer's plan column writes it: a word or three ("E5", "Plan 1",
#: "Business Premium", "Standard"), never a billing term.
_AN_EDITION = re.compile(
    r"(?!(?:monthly|annual|yearly|flexible|commit\w*|trial|p1y|p1m|p3y)\b)[\w+-]+(?: [\w()+-]+){0,2}",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


def _vendor_terms(
    table: Table,
    mapping: ColumnMapping,
    ids: list[str],
    displays: list[str],
    starts: list[dt.date | None],
    read_date: Callable[[object], dt.date | None],
) -> tuple[list[str], list[int], list[int | None], list[bool]]:
    """Each line's kind of charge (recurring, one-time, trial), months billed, commitment in
    months and whether it is a trial."""
    terms = cells.parsed(
        [
            f"{a} {b} {c}"
            for a, b, c in zip(
                cells.parsed(cells.column(table, mapping, "billing_frequency"), cells.cell_text),
                cells.parsed(cells.column(table, mapping, "term"), cells.cell_text),
                cells.parsed(cells.column(table, mapping, "charge_type"), cells.cell_text),
                strict=True,
            )
        ],
        cells.terms_kind,
    )
    trial = [
        t is cells.TRIAL_TERMS or named
        for t, named in zip(terms, cells.parsed(displays, cells.mentions_trial), strict=True)
    ]
    commitments = cells.parsed(cells.column(table, mapping, "term"), cells.commitment_months)
    months = _vendor_months(table, mapping, ids, displays, starts, read_date)
    for i, kind in enumerate(terms):
        if kind is cells.ONE_TIME_CHARGE and (commitments[i] or 0) >= 12:
            # Microsoft's cost details: a "OneTime" purchase on a P1Y term is a year paid now, a
            # licence billed yearly, not a one-off charge
            terms[i], months[i] = cells.RECURRING, commitments[i] or months[i]
    return terms, months, commitments, trial


def _vendor_amounts(
    table: Table, mapping: ColumnMapping
) -> tuple[list[Decimal | None], list[Decimal | Fraction | None], list[Decimal | None]]:
    """Each vendor line's (quantity, unit cost, amount): the MSP's real cost per seat."""
    quantities = cells.quantities(table, mapping)
    units = cells.parsed(
        cells.column(table, mapping, "unit_cost"), cells.money_parser(mapping, "unit_cost", table)
    )
    totals = cells.parsed(
        cells.column(table, mapping, "line_total"), cells.money_parser(mapping, "line_total", table)
    )
    rates = cells.parsed(
        cells.column(table, mapping, "exchange_rate"),
        cells.bounded(parse_money, table, mapping, "exchange_rate"),
    )
    discounts = cells.parsed(
        cells.column(table, mapping, "discount"),
        cells.bounded(parse_money, table, mapping, "discount"),
    )
    out_quantities: list[Decimal | None] = []
    out_units: list[Decimal | Fraction | None] = []
    out_amounts: list[Decimal | None] = []
    listed = _list_prices(quantities, units, totals)
    for i, (quantity, unit_cost, total, rate, discount) in enumerate(
        zip(quantities, units, totals, rates, discounts, strict=True)
    ):
        if i in listed:
            unit_cost = None  # a list price the line's total is a steady discount off
        if unit_cost is not None and rate is not None and rate > 0 and rate != 1:
            # Partner Center bills ROUNDDOWN(EffectiveUnitPrice × PCToBCExchangeRate, 2) per seat
            unit_cost = (unit_cost * rate).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        if discount and total is not None and quantity:
            # a discount lowers the line below UnitPrice × Quantity (Partner Center legacy
            # TotalOtherDiscount): the real cost per seat is the discounted total ÷ quantity
            unit_cost = None
        priced = cells.priced(quantity, unit_cost, total)
        out_quantities.append(priced[0])
        out_units.append(priced[1])
        out_amounts.append(priced[2])
    return out_quantities, out_units, out_amounts


def _list_prices(
    quantities: list[Decimal | None], units: list[Decimal | None], totals: list[Decimal | None]
) -> set[int]:
    """Lines whose unit column is a list price: their total is the same share below quantity ×
    unit as on many other lines (Ingram's "Unit Price" 14.37 beside "Net Price" 262.50 for 21
    seats: 12.50 a seat, 1/1.15 of the list, on a third of the bill). A proration is no such
    share: its days differ from line to line, and its seats cost their unit."""
    shares: dict[int, Decimal] = {}
    for i, (quantity, unit, total) in enumerate(zip(quantities, units, totals, strict=True)):
        if quantity and quantity > 0 and unit and unit > 0 and total and total > 0:
            full = quantity * unit
            if total < full - Decimal("0.01") * quantity - Decimal("0.01"):
                shares[i] = (total / full).quantize(Decimal("0.001"))
    if not shares:
        return set()
    counts = Counter(shares.values())
    steady = {share for share, n in counts.items() if n >= 3 and n >= 0.05 * len(units)}
    return {i for i, share in shares.items() if share in steady}


def _vendor_months(
    table: Table,
    mapping: ColumnMapping,
    ids: list[str],
    displays: list[str],
    starts: list[dt.date | None],
    read_date: Callable[[object], dt.date | None],
) -> list[int]:
    """How often each line is billed: an explicit frequency, a stock code's billing letter, a term
    or the product's text that says how it is billed ("Billing: Annual"), the span the charge covers, a charge type that says it ("Annual Prepay"), and only then the term (Pax8's "Annual" is a commitment that is often billed
    monthly: the charge's one-month period says so)."""
    frequency = cells.parsed(cells.column(table, mapping, "billing_frequency"), billed_every_months)
    stock_code = cells.parsed(ids, period_from_stock_code)
    ends = cells.dates(table, mapping, "period_end", read_date)
    terms = cells.column(table, mapping, "term")
    term = cells.parsed(terms, parse_period_months)
    # a term that says how it is billed in so many words ("Term: Annual; Billing: Annual", Pax8)
    said = cells.parsed(terms, billing_said_months)
    # a charge type that says how it is billed ("Annual Prepay", AppRiver)
    charge = cells.parsed(cells.column(table, mapping, "charge_type"), parse_period_months)
    # the product's text that says it ("… 1 Year Commitment (Annual Billing)", Bluechip's invoice)
    named = cells.parsed(displays, billing_said_months)
    # the span the charge covers, in one cell ("11-11-2026 t/m 10-11-2027", Copaco's Periode)
    spans = cells.parsed(cells.column(table, mapping, "service_period"), cells.span_months)
    return [
        f or s or b or n or cells.months_from_dates(start, end) or p or c or t or 1
        for f, s, b, n, start, end, p, c, t in zip(
            frequency, stock_code, said, named, starts, ends, spans, charge, term, strict=True
        )
    ]


VENDOR = SideSpec(
    side="vendor",
    unit_field="unit_cost",
    no_client=Exclusion.NO_CUSTOMER,
    unreadable_unit=Exclusion.UNREADABLE_UNIT_COST,
    zero_quantity=Exclusion.ZERO_QUANTITY,
    columns=_vendor_columns,
    order=(
        "totals",
        "repeated",
        "no_client",
        "no_product",
        "unreadable_quantity",
        "unreadable_unit",
        "one_time",
        "free_or_trial",
        "zero_quantity",
    ),
)
