"""Turn a recognised export into typed lines: one row per input line, never dropped.

Every line leaves here either ready to reconcile (``exclusion`` is ``None``) or with the reason it
takes no part (an :class:`Exclusion`, shown as "totals row", "status: Cancelled", "unreadable
quantity 'N/A'", …). One typer serves both sides, driven by each side's :class:`SideSpec`; columns are
parsed once per distinct value (:mod:`engine.read.cells`) and each reason is found column by column,
which keeps 100k-line exports fast.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from enum import Enum
from fractions import Fraction
from functools import lru_cache

from engine.money import parse_money
from engine.read import cells
from engine.read.columns import ColumnMapping
from engine.read.header import Table
from engine.read.values import (
    is_credit_document,
    note_says_cancelled,
    parse_period_months,
    parse_quantity,
    period_from_stock_code,
)


class Exclusion(Enum):
    """Why a line takes no part: a label (what the KPIs count lines under) and, for reasons that
    carry a value from the line ("status: Cancelled", "cancelled 2025-07-31"), how that value is
    shown."""

    TOTALS_ROW = ("totals row", "")
    REPEATED_HEADER = ("repeated header row", "")
    NO_CUSTOMER = ("no customer name", "")
    NO_COMPANY = ("no company name", "")
    NO_PRODUCT = ("no product", "")
    STATUS = ("status", "status: {}")
    PAUSED = ("paused schedule", "")
    CANCELLED = ("cancelled", "cancelled {}")
    EARLIER_PERIOD = ("billed for an earlier period", "billed for a period that ended {}")
    EARLIER_CHARGE = ("charged for an earlier month", "charged for a period that ended {}")
    CREDIT_OF_CANCELLED = ("credit of a cancelled line", "credits row {}, already cancelled")
    NOT_BILLABLE = ("not billable", "not billable ({})")
    UNREADABLE_QUANTITY = ("unreadable quantity", "unreadable quantity {}")
    UNREADABLE_UNIT_COST = ("unreadable unit cost", "unreadable unit cost {}")
    UNREADABLE_UNIT_PRICE = ("unreadable unit price", "unreadable unit price {}")
    ONE_TIME = ("one-time charge, not a recurring licence", "")
    FREE = ("free or trial (costs nothing)", "")
    TRIAL = ("trial", "")
    ZERO_QUANTITY = ("zero quantity", "")
    NOTHING_BILLED = ("zero quantity (nothing billed)", "")
    EXCLUDED_IN_SETTINGS = ("excluded in Settings", "")
    NOT_A_VENDOR_PRODUCT = ("not a vendor product (service, labour or other line)", "")

    def __init__(self, label: str, template: str) -> None:
        self.label = label
        self.template = template

    def reason(self, detail: str = "") -> str:
        """The reason as the Excluded sheet shows it."""
        return self.template.format(detail) if self.template else self.label

    def family(self, detail: str = "") -> str:
        """What the KPIs total lines under: each status apart, other values grouped."""
        return self.reason(detail) if self is Exclusion.STATUS else self.label

    @property
    def unreadable(self) -> bool:
        """A real line whose quantity or price could not be read."""
        return self in _UNREADABLE

    @property
    def not_a_line(self) -> bool:
        """A row that is no bill line at all (a totals row, a repeated header)."""
        return self is Exclusion.TOTALS_ROW or self is Exclusion.REPEATED_HEADER


_UNREADABLE = frozenset(
    {
        Exclusion.UNREADABLE_QUANTITY,
        Exclusion.UNREADABLE_UNIT_COST,
        Exclusion.UNREADABLE_UNIT_PRICE,
    }
)

#: A line's exclusion and the value it shows ("" for none).
Reason = tuple[Exclusion, str]


@dataclass(slots=True)
class Line:
    """One input line, typed once by :func:`typed_lines`. ``exclusion`` is None when it takes part.

    What needs more than the line's own export is decided later, and only through the three methods
    below: a PSA cancellation (by the period, :func:`cancel_lines`), the product a line is (by the
    product policy, :mod:`engine.policy`: :meth:`assign`, :meth:`exclude`) and, when several vendor
    bills are merged, the bill it came from (:meth:`from_bill`)."""

    side: str
    row: int
    client: str
    product: str
    product_ids: tuple[str, ...]
    quantity: Decimal | None
    unit: Decimal | Fraction | None  # per billed period (a Fraction only when derived from a total)
    months: int  # months one billed unit covers
    amount: Decimal | None  # the line's amount as billed
    exclusion: Exclusion | None
    detail: str = ""  # the value an exclusion shows ("'N/A'", "Cancelled", a date)
    domain: str = ""
    product_alt: str = ""
    period_start: dt.date | None = None
    product_key: str | None = None
    cancelled_on: dt.date | None = None  # a PSA cancellation date, decided by cancel_lines()
    bill: str = ""  # the vendor bill it came from, when several are reconciled together
    #: A vendor line's subscription term: when it ends and how long it commits (months), if said.
    subscription_end: dt.date | None = None
    commitment_months: int | None = None
    #: The last day of the period a line says it bills for, if said: a PSA line's service span
    #: ("01.09.2026 – 30.09.2026"), a vendor line's charge end.
    period_end: dt.date | None = None

    @property
    def excluded(self) -> str | None:
        """Why the line takes no part, as shown to the user; None when it takes part."""
        return None if self.exclusion is None else self.exclusion.reason(self.detail)

    @property
    def unreadable(self) -> bool:
        """A real line (it names a client) whose quantity or price could not be read: it takes no
        part, but its group must not look confidently one-sided."""
        return self.exclusion is not None and self.exclusion.unreadable and bool(self.client)

    @property
    def monthly_unit(self) -> Fraction | None:
        return None if self.unit is None else monthly(self.unit, self.months)

    @property
    def descriptor(self) -> tuple[str, tuple[str, ...]]:
        return (self.product, self.product_ids)

    def assign(self, product_key: str) -> None:
        """The product this line is, once the run has matched it."""
        self.product_key = product_key

    def from_bill(self, bill: str) -> None:
        """The vendor bill this line came from, when several are reconciled together."""
        self.bill = bill

    def bill_every(self, months: int) -> None:
        """The months one billed unit covers, once the run has seen it (a yearly price said only in
        the description, engine.annual_prices)."""
        self.months = months

    def exclude(self, exclusion: Exclusion, detail: str = "") -> None:
        """Take the line out of the run, for a reason only the whole run can see."""
        self.exclusion, self.detail = exclusion, detail


@lru_cache(maxsize=65_536)
def monthly(unit: Decimal | Fraction, months: int) -> Fraction:
    """A unit amount per month, exact. An export repeats a few hundred prices over its lines: each
    is worked out once (at 100k lines, 416k exact divisions were ~2 s of a run)."""
    return abs(Fraction(unit)) / months


@dataclass(slots=True)
class _Columns:
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
    columns: Callable[[Table, ColumnMapping], _Columns]
    order: tuple[str, ...]  # which reason outranks which: first wins


def typed_lines(table: Table, mapping: ColumnMapping, spec: SideSpec) -> list[Line]:
    """Typed lines of one side, one per data row, each with the first reason (if any) that keeps
    it out of the run."""
    n = len(table.row_numbers)
    cols = spec.columns(table, mapping)
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
        )
    )


def _common_checks(
    table: Table, mapping: ColumnMapping, spec: SideSpec, cols: _Columns
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


def _vendor_columns(table: Table, mapping: ColumnMapping) -> _Columns:
    """A vendor bill's columns: unit costs in the billing currency and net of discounts; how often
    each line is billed; one-time charges, free products and trials."""
    names = cells.parsed(cells.column(table, mapping, "product_name"), cells.cell_text)
    ids = cells.parsed(cells.column(table, mapping, "product_id"), cells.cell_text)
    skus = cells.parsed(cells.column(table, mapping, "sku_id"), cells.cell_text)
    displays = [name or product_id for name, product_id in zip(names, ids, strict=True)]
    clients = cells.parsed(cells.column(table, mapping, "client"), cells.cell_text)
    domains = cells.parsed(cells.column(table, mapping, "domain"), cells.cell_text)
    quantities, units, amounts = _vendor_amounts(table, mapping)
    read_date = cells.date_parser(table, mapping)
    starts = cells.dates(table, mapping, "period_start", read_date)
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
    months = _vendor_months(table, mapping, ids, starts, read_date)
    for i, kind in enumerate(terms):
        if kind is cells.ONE_TIME_CHARGE and (commitments[i] or 0) >= 12:
            # Microsoft's cost details: a "OneTime" purchase on a P1Y term is a year paid now, a
            # licence billed yearly, not a one-off charge
            terms[i], months[i] = cells.RECURRING, commitments[i] or months[i]
    free_or_trial = {  # costing nothing, or a trial (free unless it costs something)
        i: (Exclusion.TRIAL if amount else Exclusion.FREE, "")
        for i, (unit, amount) in enumerate(zip(units, amounts, strict=True))
        if (unit == 0 and not amount) or trial[i]
    }
    return _Columns(
        clients=[client or domain for client, domain in zip(clients, domains, strict=True)],
        products=displays,
        product_ids=cells.parsed(list(zip(ids, skus, strict=True)), cells.vendor_ids),
        quantities=quantities,
        units=units,
        amounts=amounts,
        months=months,
        totals_rows=cells.totals_rows(clients, displays, cells.first_column(table)),
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
    )


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
    starts: list[dt.date | None],
    read_date: Callable[[object], dt.date | None],
) -> list[int]:
    """How often each line is billed: an explicit frequency, a stock code's billing letter, the span
    the charge covers, a charge type that says it ("Annual Prepay"), and only then the term (Pax8's "Annual" is a commitment that is often billed
    monthly: the charge's one-month period says so)."""
    frequency = cells.parsed(cells.column(table, mapping, "billing_frequency"), parse_period_months)
    stock_code = cells.parsed(ids, period_from_stock_code)
    ends = cells.dates(table, mapping, "period_end", read_date)
    term = cells.parsed(cells.column(table, mapping, "term"), parse_period_months)
    # a charge type that says how it is billed ("Annual Prepay", AppRiver)
    charge = cells.parsed(cells.column(table, mapping, "charge_type"), parse_period_months)
    return [
        f or s or cells.months_from_dates(start, end) or c or t or 1
        for f, s, start, end, c, t in zip(
            frequency, stock_code, starts, ends, charge, term, strict=True
        )
    ]


def _psa_columns(table: Table, mapping: ColumnMapping) -> _Columns:
    """A PSA export's columns: seats net of included ones; statuses, pauses, bill flags and
    cancellation dates."""
    clients = cells.parsed(cells.column(table, mapping, "client"), cells.cell_text)
    names = cells.parsed(cells.column(table, mapping, "product_name"), cells.cell_text)
    alternates = cells.parsed(cells.column(table, mapping, "product_alt"), cells.cell_text)
    ids = cells.parsed(cells.column(table, mapping, "product_id"), cells.cell_text)
    products = [
        name or alt or product_id
        for name, alt, product_id in zip(names, alternates, ids, strict=True)
    ]
    quantities, units, amounts = _psa_amounts(table, mapping)
    statuses = cells.parsed(cells.column(table, mapping, "status"), cells.cell_text)
    inactive = cells.parsed(cells.column(table, mapping, "status"), cells.inactive)
    notes = cells.column(table, mapping, "notes")
    for i, noted in enumerate(cells.parsed(notes, note_says_cancelled)):
        if noted and not inactive[i]:  # a hand-kept sheet's "CANCELLED 31/10 - do not bill"
            inactive[i], statuses[i] = True, f"noted ({cells.cell_text(notes[i])})"
    documents = cells.column(table, mapping, "document_type")
    for i, credit in enumerate(cells.parsed(documents, is_credit_document)):
        if credit and not inactive[i]:  # Odoo's "Customer Credit Note", Dynamics GP's "Return"
            inactive[i], statuses[i] = True, f"credit note ({cells.cell_text(documents[i])})"
    read_date = cells.date_parser(table, mapping)
    cancelled = cells.dates(table, mapping, "cancelled_date", read_date)
    noticed = [i for i, on in enumerate(cancelled) if on and inactive[i]]  # (usually none)
    current = cells.dates(table, mapping, "period_start", read_date) if noticed else []
    for i in noticed:
        on, start = cancelled[i], current[i]
        if on and start and start <= on and _NOTICE_GIVEN.match(statuses[i]):
            # a subscription's current period began before notice was given (Recurly's "canceled"
            # on the 12th, its period from the 1st): it bills to the period's end, the date decides
            inactive[i] = False
    cancelled_flags = cells.column(table, mapping, "cancelled_flag")
    for i, flag in enumerate(cells.parsed(cancelled_flags, cells.is_true)):
        if flag and not inactive[i]:  # a status column that says so is shown first
            inactive[i], statuses[i] = True, f"cancelled ({cells.cell_text(cancelled_flags[i])})"
    bill_flags = cells.column(table, mapping, "bill_flag")
    not_billable = cells.parsed(bill_flags, cells.not_billable)
    paused = cells.parsed(cells.column(table, mapping, "paused"), cells.is_true)
    return _Columns(
        clients=clients,
        products=products,
        product_ids=cells.parsed(ids, _psa_ids),
        quantities=quantities,
        units=units,
        amounts=amounts,
        months=[
            (months * every if months and every else months) or spanned or served or 1
            for months, every, spanned, served in zip(
                cells.parsed(cells.column(table, mapping, "billing_period"), _period_or_span),
                cells.parsed(cells.column(table, mapping, "billing_interval"), _interval),
                cells.parsed(
                    [f"{alt} {name}" for name, alt in zip(names, alternates, strict=True)],
                    cells.months_in_text,
                ),
                # sevDesk's Leistungszeitraum "01.11.2026 - 31.10.2027" beside Einheit "Stk."
                cells.parsed(cells.column(table, mapping, "service_period"), _span_months),
                strict=True,
            )
        ],
        totals_rows=cells.totals_rows(clients, products, cells.first_column(table)),
        checks={
            "status": {
                i: (Exclusion.STATUS, statuses[i]) for i, flag in enumerate(inactive) if flag
            },
            "paused": {i: (Exclusion.PAUSED, "") for i, flag in enumerate(paused) if flag},
            "not_billable": {
                i: (Exclusion.NOT_BILLABLE, cells.cell_text(bill_flags[i]))
                for i, flag in enumerate(not_billable)
                if flag
            },
        },
        alternates=alternates,
        cancelled=cancelled,
        period_ends=_span_ends(table, mapping),
    )


#: Status words that say notice was given, not that billing stopped: beside a cancellation date,
#: the date says when it stops (cancel_lines()).
_NOTICE_GIVEN = re.compile(
    r"^\s*(?:cancell?ed|gek(?:ü|ue|u)ndigt|opgezegd|r(?:é|e)sili(?:é|e)e?|cancelado|"
    r"opsagt|oppsagt|uppsagd|disdetto)\s*$",
    re.IGNORECASE,
)


def _span_ends(table: Table, mapping: ColumnMapping) -> list[dt.date | None]:
    """The last day each PSA line says it bills for: a span of dates in its service-period column
    (Lexoffice's Leistungszeitraum) or its billing-period column (e-conomic's Periode)."""
    service = cells.parsed(cells.column(table, mapping, "service_period"), cells.span_end)
    billing = cells.parsed(cells.column(table, mapping, "billing_period"), cells.span_end)
    return [a or b for a, b in zip(service, billing, strict=True)]


def _interval(value: object) -> int | None:
    """How many billing units one billing spans (Recurly's plan_interval_length 12 beside
    plan_interval_unit "months" is a year); None when blank or not a small whole number."""
    count = parse_quantity(value)
    if count is None or count != count.to_integral_value() or not 1 <= count <= 36:
        return None
    return int(count)


def _span_months(value: object) -> int | None:
    """Months a service-period cell's span of dates covers; None without a span."""
    return cells.months_in_text(value) if isinstance(value, str) else None


def _period_or_span(value: object) -> int | None:
    """Months a PSA line's billing-period cell covers: a cycle ("Monthly") or the span it bills
    ("01.11.2026-31.10.2027", e-conomic's Periode)."""
    months = parse_period_months(value)
    if months is None and isinstance(value, str):
        months = cells.months_in_text(value)
    return months


def _psa_amounts(
    table: Table, mapping: ColumnMapping
) -> tuple[list[Decimal | None], list[Decimal | Fraction | None], list[Decimal | None]]:
    """Each PSA line's (quantity billed, unit price, amount)."""
    quantities = cells.quantities(table, mapping)
    included = cells.parsed(
        cells.column(table, mapping, "less_included"),
        cells.bounded(parse_quantity, table, mapping, "less_included"),
    )
    units = cells.parsed(
        cells.column(table, mapping, "unit_price"), cells.money_parser(mapping, "unit_price", table)
    )
    totals = cells.parsed(
        cells.column(table, mapping, "line_total"), cells.money_parser(mapping, "line_total", table)
    )
    out_quantities: list[Decimal | None] = []
    out_units: list[Decimal | Fraction | None] = []
    out_amounts: list[Decimal | None] = []
    for quantity, less, unit, total in zip(quantities, included, units, totals, strict=True):
        if quantity is not None and less:
            quantity = quantity - less
        if _discounted(quantity, unit, total):
            unit = None  # the list price before a discount: the line's total is what it bills
        priced = cells.priced(quantity, unit, total)
        out_quantities.append(priced[0])
        out_units.append(priced[1])
        out_amounts.append(priced[2])
    return out_quantities, out_units, out_amounts


def _discounted(quantity: Decimal | None, unit: Decimal | None, total: Decimal | None) -> bool:
    """A line whose total is less than its seats × unit price by more than rounding: the unit is
    the list price and a discount column (e-conomic's "Rabat %", SAP's "DiscPrcnt") took some off."""
    if quantity is None or unit is None or total is None or quantity <= 0 or total <= 0:
        return False
    return total < quantity * unit - (_HALF_CENT * quantity + _CENT)


_HALF_CENT, _CENT = Decimal("0.005"), Decimal("0.01")  # built once, not twice per PSA line


def _psa_ids(product_id: str) -> tuple[str, ...]:
    return (product_id,) if product_id else ()


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
PSA = SideSpec(
    side="psa",
    unit_field="unit_price",
    no_client=Exclusion.NO_COMPANY,
    unreadable_unit=Exclusion.UNREADABLE_UNIT_PRICE,
    zero_quantity=Exclusion.NOTHING_BILLED,
    columns=_psa_columns,
    order=(
        "totals",
        "repeated",
        "no_client",
        "no_product",
        "status",
        "paused",
        CANCELLATION,  # a cancellation date outranks every reason below: cancel_lines() decides
        "not_billable",
        "unreadable_quantity",
        "unreadable_unit",
        "zero_quantity",
    ),
)
SPECS = {"vendor": VENDOR, "psa": PSA}


def cancel_lines(lines: list[Line], period_start: dt.date | None) -> None:
    """Exclude PSA lines cancelled on or before the period's start (today when it is unknown): a
    cancellation outranks every later reason (not billable, unreadable, zero quantity). A line that
    says it bills for a span that ended before the period began (September on November's invoice)
    bills nothing this period."""
    cutoff = period_start or dt.date.today()
    for line in lines:
        if line.cancelled_on is not None and line.cancelled_on <= cutoff:
            line.exclude(Exclusion.CANCELLED, line.cancelled_on.isoformat())
        elif (
            period_start is not None
            and line.exclusion is None
            and line.period_end is not None
            and line.period_end < period_start
        ):
            line.exclude(Exclusion.EARLIER_PERIOD, line.period_end.isoformat())


def drop_credits_of_cancelled(lines: list[Line]) -> None:
    """A credit note of a line that is itself marked cancelled or credited (Fiken's "Kreditnota"
    beside its invoice's "Kreditert" line): the cancellation already took the seats out; counting
    the credit too would take them out twice. Paired one to one by client, product, seats and
    amount."""
    cancelled: dict[tuple[str, str, Decimal, Decimal | None], list[int]] = defaultdict(list)
    for line in lines:
        if (
            line.exclusion in (Exclusion.STATUS, Exclusion.CANCELLED)
            and line.quantity
            and line.quantity > 0
        ):
            place = (line.client, line.product, line.quantity, _abs(line.amount))
            cancelled[place].append(line.row)
    if not cancelled:
        return
    for line in lines:
        if line.exclusion is None and line.quantity is not None and line.quantity < 0:
            rows = cancelled.get((line.client, line.product, -line.quantity, _abs(line.amount)))
            if rows:
                line.exclude(Exclusion.CREDIT_OF_CANCELLED, str(rows.pop(0)))


def _abs(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else abs(amount)


def set_aside_earlier_charges(lines: list[Line], period_start: dt.date | None) -> None:
    """Vendor lines charged for a period that ended before the run's month (October's usage in a
    file that also holds November's): another month's bill. A credit is kept (it may net this
    month's seats), and nothing is set aside when the month is unknown."""
    if period_start is None:
        return
    for line in lines:
        if (
            line.exclusion is None
            and line.period_end is not None
            and line.period_end < period_start
            and (line.quantity or 0) >= 0
        ):
            line.exclude(Exclusion.EARLIER_CHARGE, line.period_end.isoformat())


def live(lines: list[Line]) -> list[Line]:
    """The lines that take part."""
    return [line for line in lines if line.exclusion is None]


def known(lines: list[Line]) -> list[Line]:
    """The lines that take part, and real lines that could not be read (a PSA line next to an
    unreadable vendor line is not "no vendor record")."""
    return [line for line in lines if line.exclusion is None or line.unreadable]
