"""Turn a recognised export into typed lines: one row per input line, never dropped.

Every line leaves here either ready to reconcile (``exclusion`` is ``None``) or with the reason it
takes no part (an :class:`Exclusion`, shown as "totals row", "status: Cancelled", "unreadable quantity
'N/A'", …). One typer serves both sides, driven by each side's :class:`SideSpec`. Values are parsed once per
distinct spelling, which keeps 100k-line exports fast.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from enum import Enum
from fractions import Fraction
from typing import TypeVar

from engine.errors import InputError
from engine.money import parse_money
from engine.read.columns import ColumnMapping, header_key
from engine.read.header import Table, clean_text
from engine.read.values import (
    is_inactive_status,
    is_not_billable,
    parse_date,
    parse_period_months,
    parse_quantity,
    period_from_stock_code,
)

T = TypeVar("T")
V = TypeVar("V")
_TOTALS = re.compile(r"^\s*(?:grand\s*|sub\s*-?\s*|report\s*|invoice\s*)?totals?\b", re.IGNORECASE)
_ONE_TIME = re.compile(r"\bone[- ]?time\b|\bonetime\b|\bsetup fee\b", re.IGNORECASE)
_TRIAL = re.compile(r"\btrial\b", re.IGNORECASE)


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

    Two things are decided later, each in one place, because they need the whole run: a PSA
    cancellation (by the period, :func:`cancel_lines`) and the product a line is (by the product
    policy, :mod:`engine.policy`, through :meth:`assign` and :meth:`exclude`)."""

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
        return None if self.unit is None else abs(Fraction(self.unit)) / self.months

    @property
    def descriptor(self) -> tuple[str, tuple[str, ...]]:
        return (self.product, self.product_ids)

    def assign(self, product_key: str) -> None:
        """The product this line is, once the run has matched it."""
        self.product_key = product_key

    def exclude(self, exclusion: Exclusion, detail: str = "") -> None:
        """Take the line out of the run, for a reason only the whole run can see."""
        self.exclusion, self.detail = exclusion, detail


def _column(table: Table, mapping: ColumnMapping, field: str) -> Sequence[object]:
    header = mapping.get(field)
    if header is None:
        return [None] * len(table.row_numbers)
    return table.data[header]


class _Memo(dict[object, object]):
    """A parser's results by cell value, computed on first lookup."""

    def __init__(self, parser: Callable[[object], object]) -> None:
        super().__init__()
        self.parser = parser

    def __missing__(self, value: object) -> object:
        self[value] = result = self.parser(value)
        return result


def _parsed(values: Sequence[V], parser: Callable[[V], T]) -> list[T]:
    """Parse each distinct value once (exports repeat the same prices and names thousands of times)."""
    if not values:
        return []
    blank = values[0]
    if (blank is None or blank == "") and values.count(blank) == len(values):
        return [parser(blank)] * len(values)  # a column not in the export, or an empty one
    if len(set(map(type, values)) - {str}) <= 1:
        # Text plus at most one other type: no two different cells are equal as dict keys (1, 1.0
        # and True would be), so the values themselves are the keys and lookups run at C speed.
        try:
            return list(map(_Memo(parser).__getitem__, values))  # type: ignore[arg-type]
        except TypeError:  # an unhashable cell value
            pass
    cache: dict[object, T] = {}
    out: list[T] = []
    append = out.append
    for value in values:
        # text keys by itself; other values with their type, so 1, 1.0 and True stay apart
        key = value if value.__class__ is str else (value.__class__, value)
        try:
            append(cache[key])
        except KeyError:
            cache[key] = result = parser(value)
            append(result)
        except TypeError:  # an unhashable cell value
            append(parser(value))
    return out


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id or name pasted as a number: 1001.0 → "1001"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return clean_text(value)


#: Largest quantity and amount a line may hold: far beyond any bill, and small enough that every
#: product and total stays exact in Decimal's 28 digits (1e300 or a 27-digit cell would not).
LARGEST_QUANTITY = Decimal(10) ** 9
LARGEST_AMOUNT = Decimal(10) ** 12


def _bounded(
    parser: Callable[[object], Decimal | None], table: Table, mapping: ColumnMapping, field: str
) -> Callable[[object], Decimal | None]:
    """``parser``, refusing (in one line naming the cell) a number too large for any bill."""
    limit = LARGEST_QUANTITY if field in ("quantity", "less_included") else LARGEST_AMOUNT

    def parse(value: object) -> Decimal | None:
        number = parser(value)
        if number is not None and abs(number) >= limit:
            header = mapping.get(field) or field
            column = table.data.get(header, [])
            row = next(
                (n for n, v in zip(table.row_numbers, column, strict=False) if v is value),
                None,
            )
            shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
            where = f"column {header!r}" + (f", row {row}" if row is not None else "")
            raise InputError(
                f"{table.name}: {where} holds {shown}, a number too large for a "
                f"{field.replace('_', ' ')} (the largest accepted is {limit:,.0f}). Check that cell, "
                "or the column mapping if this is not that column, and run again."
            )
        return number

    return parse


def _money_parser(
    mapping: ColumnMapping, field: str, table: Table
) -> Callable[[object], Decimal | None]:
    header = mapping.get(field) or ""
    parse = _bounded(parse_money, table, mapping, field)
    if "cents" in header_key(header):
        return lambda value: None if (amount := parse(value)) is None else amount / 100
    return parse


def _starts_with_total(text: str) -> bool:
    return _TOTALS.match(text) is not None


def _totals_rows(
    clients: list[str], products: list[str], first_cells: Sequence[object]
) -> set[int]:
    """Positions of totals rows: "Total"/"Grand total" where the client or product would be, with
    the other empty. Only a row missing one of the two can be one, and most exports have none."""
    if "" not in clients and "" not in products:  # two scans at C speed: the usual case
        return set()
    return {
        i
        for i, (client, product) in enumerate(zip(clients, products, strict=True))
        if (not client or not product)
        and (
            (_starts_with_total(client) and not product)
            or (_starts_with_total(product) and not client)
            or (_starts_with_total(_text(first_cells[i])) and not product)
        )
    }


def _repeated_header_rows(table: Table, mapping: ColumnMapping) -> set[int]:
    """Positions of rows that repeat the header (exports concatenated from several pages)."""
    headers = list(mapping.columns.values())
    needed = max(2, len(headers) // 2)
    first = table.data[headers[0]]
    candidates = [i for i, v in enumerate(first) if v.__class__ is str and v.strip() == headers[0]]
    if not candidates:  # the usual case: one pass over one column
        second = table.data[headers[1]] if len(headers) > 1 else []
        candidates = [
            i for i, v in enumerate(second) if v.__class__ is str and v.strip() == headers[1]
        ]
    rows = set()
    for position in candidates:
        hits = sum(
            isinstance(v := table.data[h][position], str) and v.strip() == h for h in headers
        )
        if hits >= needed:
            rows.add(position)
    return rows


def _priced(
    quantity: Decimal | None, unit: Decimal | None, total: Decimal | None
) -> tuple[Decimal | None, Decimal | Fraction | None, Decimal | None]:
    """(quantity, unit price, amount) of a line: the unit from its column, else the line total ÷
    quantity; the amount from the total, else quantity × unit. A negative amount with a positive
    quantity is a credit, so the quantity turns negative (seats come off)."""
    if unit is not None:
        amount = total if total is not None else (quantity * unit if quantity is not None else None)
        priced: Decimal | Fraction | None = unit
    elif total is not None and quantity:
        priced, amount = Fraction(total) / Fraction(quantity), total
    else:
        priced, amount = None, total
    if quantity is not None and quantity > 0 and amount is not None and amount < 0:
        quantity = -quantity
    return quantity, priced, amount


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
    raw_quantity = _column(table, mapping, "quantity")
    raw_unit = _column(table, mapping, spec.unit_field)
    checks = {
        "totals": dict.fromkeys(cols.totals_rows, (Exclusion.TOTALS_ROW, "")),
        "repeated": dict.fromkeys(
            _repeated_header_rows(table, mapping), (Exclusion.REPEATED_HEADER, "")
        ),
        "no_client": {i: (spec.no_client, "") for i, c in enumerate(cols.clients) if not c},
        "no_product": {i: (Exclusion.NO_PRODUCT, "") for i, p in enumerate(cols.products) if not p},
        "unreadable_quantity": {
            i: (Exclusion.UNREADABLE_QUANTITY, _shown(raw_quantity[i]))
            for i, q in enumerate(cols.quantities)
            if q is None
        },
        "unreadable_unit": {
            i: (spec.unreadable_unit, _shown(raw_unit[i]))
            for i, u in enumerate(cols.units)
            if u is None
        },
        "zero_quantity": {
            i: (spec.zero_quantity, "") for i, q in enumerate(cols.quantities) if q == 0
        },
        **cols.checks,
    }
    reasons = _first_reasons(spec.order, checks)
    cancelled: Sequence[dt.date | None] = [None] * n
    if CANCELLATION in spec.order and cols.cancelled:
        early = _first_reasons(spec.order[: spec.order.index(CANCELLATION)], checks)
        cancelled = [None if i in early else day for i, day in enumerate(cols.cancelled)]
    none: Sequence[None] = [None] * n
    blank: Sequence[str] = [""] * n
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
            [reasons[i][0] if i in reasons else None for i in range(n)],
            [reasons[i][1] if i in reasons else "" for i in range(n)],
            cols.domains or blank,
            cols.alternates or blank,
            cols.period_starts or none,
            none,  # product key: decided by the run
            cancelled,
            blank,  # bill: named when several are merged
            cols.subscription_ends or none,
            cols.commitments or none,
        )
    )


def _first_reasons(order: Sequence[str], checks: dict[str, dict[int, Reason]]) -> dict[int, Reason]:
    """Each row's first reason in ``order`` (later checks are laid down first, earlier ones over them)."""
    reasons: dict[int, Reason] = {}
    for name in reversed(order):
        reasons.update(checks.get(name, {}))
    return reasons


def _vendor_columns(table: Table, mapping: ColumnMapping) -> _Columns:
    """A vendor bill's columns: unit costs in the billing currency and net of discounts; how often
    each line is billed; one-time charges, free products and trials."""
    names = _parsed(_column(table, mapping, "product_name"), _text)
    ids = _parsed(_column(table, mapping, "product_id"), _text)
    skus = _parsed(_column(table, mapping, "sku_id"), _text)
    displays = [name or product_id for name, product_id in zip(names, ids, strict=True)]
    clients = _parsed(_column(table, mapping, "client"), _text)
    domains = _parsed(_column(table, mapping, "domain"), _text)
    quantities, units, amounts = _vendor_amounts(table, mapping)
    starts = _parsed(_column(table, mapping, "period_start"), parse_date)
    terms = _parsed(
        [
            f"{a} {b} {c}"
            for a, b, c in zip(
                _parsed(_column(table, mapping, "billing_frequency"), _text),
                _parsed(_column(table, mapping, "term"), _text),
                _parsed(_column(table, mapping, "charge_type"), _text),
                strict=True,
            )
        ],
        _terms_kind,
    )
    trial = [
        t is _TRIAL_TERMS or named
        for t, named in zip(terms, _parsed(displays, _mentions_trial), strict=True)
    ]
    free_or_trial = {  # costing nothing, or a trial (free unless it costs something)
        i: (Exclusion.TRIAL if amount else Exclusion.FREE, "")
        for i, (unit, amount) in enumerate(zip(units, amounts, strict=True))
        if (unit == 0 and not amount) or trial[i]
    }
    return _Columns(
        clients=[client or domain for client, domain in zip(clients, domains, strict=True)],
        products=displays,
        product_ids=_parsed(list(zip(ids, skus, strict=True)), _vendor_ids),
        quantities=quantities,
        units=units,
        amounts=amounts,
        months=_vendor_months(table, mapping, ids, starts),
        totals_rows=_totals_rows(clients, displays, _first_column(table)),
        checks={
            "one_time": {
                i: (Exclusion.ONE_TIME, "") for i, t in enumerate(terms) if t is _ONE_TIME_CHARGE
            },
            "free_or_trial": free_or_trial,
        },
        domains=domains,
        period_starts=starts,
        subscription_ends=_parsed(_column(table, mapping, "subscription_end"), parse_date),
        commitments=_parsed(_column(table, mapping, "term"), commitment_months),
    )


def _vendor_amounts(
    table: Table, mapping: ColumnMapping
) -> tuple[list[Decimal | None], list[Decimal | Fraction | None], list[Decimal | None]]:
    """Each vendor line's (quantity, unit cost, amount): the MSP's real cost per seat."""
    quantities = _parsed(
        _column(table, mapping, "quantity"), _bounded(parse_quantity, table, mapping, "quantity")
    )
    units = _parsed(
        _column(table, mapping, "unit_cost"), _money_parser(mapping, "unit_cost", table)
    )
    totals = _parsed(
        _column(table, mapping, "line_total"), _money_parser(mapping, "line_total", table)
    )
    rates = _parsed(
        _column(table, mapping, "exchange_rate"),
        _bounded(parse_money, table, mapping, "exchange_rate"),
    )
    discounts = _parsed(
        _column(table, mapping, "discount"), _bounded(parse_money, table, mapping, "discount")
    )
    out_quantities: list[Decimal | None] = []
    out_units: list[Decimal | Fraction | None] = []
    out_amounts: list[Decimal | None] = []
    for quantity, unit_cost, total, rate, discount in zip(
        quantities, units, totals, rates, discounts, strict=True
    ):
        if unit_cost is not None and rate is not None and rate > 0 and rate != 1:
            # Partner Center bills ROUNDDOWN(EffectiveUnitPrice × PCToBCExchangeRate, 2) per seat
            unit_cost = (unit_cost * rate).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        if discount and total is not None and quantity:
            # a discount lowers the line below UnitPrice × Quantity (Partner Center legacy
            # TotalOtherDiscount): the real cost per seat is the discounted total ÷ quantity
            unit_cost = None
        priced = _priced(quantity, unit_cost, total)
        out_quantities.append(priced[0])
        out_units.append(priced[1])
        out_amounts.append(priced[2])
    return out_quantities, out_units, out_amounts


def _vendor_months(
    table: Table, mapping: ColumnMapping, ids: list[str], starts: list[dt.date | None]
) -> list[int]:
    """How often each line is billed: an explicit frequency, a stock code's billing letter, the span
    the charge covers, and only then the term (Pax8's "Annual" is a commitment that is often billed
    monthly: the charge's one-month period says so)."""
    frequency = _parsed(_column(table, mapping, "billing_frequency"), parse_period_months)
    stock_code = _parsed(ids, period_from_stock_code)
    ends = _parsed(_column(table, mapping, "period_end"), parse_date)
    term = _parsed(_column(table, mapping, "term"), parse_period_months)
    return [
        f or s or _months_from_dates(start, end) or t or 1
        for f, s, start, end, t in zip(frequency, stock_code, starts, ends, term, strict=True)
    ]


def _psa_columns(table: Table, mapping: ColumnMapping) -> _Columns:
    """A PSA export's columns: seats net of included ones; statuses, pauses, bill flags and
    cancellation dates."""
    clients = _parsed(_column(table, mapping, "client"), _text)
    names = _parsed(_column(table, mapping, "product_name"), _text)
    alternates = _parsed(_column(table, mapping, "product_alt"), _text)
    ids = _parsed(_column(table, mapping, "product_id"), _text)
    products = [
        name or alt or product_id
        for name, alt, product_id in zip(names, alternates, ids, strict=True)
    ]
    quantities, units, amounts = _psa_amounts(table, mapping)
    statuses = _parsed(_column(table, mapping, "status"), _text)
    inactive = _parsed(_column(table, mapping, "status"), _inactive)
    bill_flags = _column(table, mapping, "bill_flag")
    not_billable = _parsed(bill_flags, _not_billable)
    paused = _parsed(_column(table, mapping, "paused"), _is_true)
    return _Columns(
        clients=clients,
        products=products,
        product_ids=_parsed(ids, _psa_ids),
        quantities=quantities,
        units=units,
        amounts=amounts,
        months=[
            months or 1
            for months in _parsed(_column(table, mapping, "billing_period"), parse_period_months)
        ],
        totals_rows=_totals_rows(clients, products, _first_column(table)),
        checks={
            "status": {
                i: (Exclusion.STATUS, statuses[i]) for i, flag in enumerate(inactive) if flag
            },
            "paused": {i: (Exclusion.PAUSED, "") for i, flag in enumerate(paused) if flag},
            "not_billable": {
                i: (Exclusion.NOT_BILLABLE, _text(bill_flags[i]))
                for i, flag in enumerate(not_billable)
                if flag
            },
        },
        alternates=alternates,
        cancelled=_parsed(_column(table, mapping, "cancelled_date"), parse_date),
    )


def _psa_amounts(
    table: Table, mapping: ColumnMapping
) -> tuple[list[Decimal | None], list[Decimal | Fraction | None], list[Decimal | None]]:
    """Each PSA line's (quantity billed, unit price, amount)."""
    quantities = _parsed(
        _column(table, mapping, "quantity"), _bounded(parse_quantity, table, mapping, "quantity")
    )
    included = _parsed(
        _column(table, mapping, "less_included"),
        _bounded(parse_quantity, table, mapping, "less_included"),
    )
    units = _parsed(
        _column(table, mapping, "unit_price"), _money_parser(mapping, "unit_price", table)
    )
    totals = _parsed(
        _column(table, mapping, "line_total"), _money_parser(mapping, "line_total", table)
    )
    out_quantities: list[Decimal | None] = []
    out_units: list[Decimal | Fraction | None] = []
    out_amounts: list[Decimal | None] = []
    for quantity, less, unit, total in zip(quantities, included, units, totals, strict=True):
        if quantity is not None and less:
            quantity = quantity - less
        priced = _priced(quantity, unit, total)
        out_quantities.append(priced[0])
        out_units.append(priced[1])
        out_amounts.append(priced[2])
    return out_quantities, out_units, out_amounts


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
    cancellation outranks every later reason (not billable, unreadable, zero quantity)."""
    cutoff = period_start or dt.date.today()
    for line in lines:
        if line.cancelled_on is not None and line.cancelled_on <= cutoff:
            line.exclude(Exclusion.CANCELLED, line.cancelled_on.isoformat())


_COMMITMENT = (
    (re.compile(r"\b(?:three|3)[- ]?(?:3 )?years?\b|\bP3Y\b|\b36 ?months?\b", re.I), 36),
    (re.compile(r"\b(?:two|2)[- ]?years?\b|\bP2Y\b", re.I), 24),
    (
        re.compile(
            r"\b(?:one|1)[- ]?year\b|\bannual(?:ly)?\b|\byearly\b|\bP1Y\b|\b12 ?months?\b", re.I
        ),
        12,
    ),
    (re.compile(r"\b(?:one|1)[- ]?month\b|\bmonthly\b|\bP1M\b", re.I), 1),
)


def commitment_months(value: object) -> int | None:
    """How long a subscription commits: "One-Year commitment for monthly billing" → 12, Pax8's
    "Annual" → 12, "Monthly" → 1 (the commitment, not the billing cycle); None if not said."""
    text = _text(value)
    if not text:
        return None
    text = text.split(" for ")[0]  # Partner Center: the billing cycle follows "for"
    for pattern, months in _COMMITMENT:
        if pattern.search(text):
            return months
    return None


def _months_from_dates(start: dt.date | None, end: dt.date | None) -> int | None:
    if start is None or end is None or end < start:
        return None
    days = (end - start).days
    if days >= 330:
        return 12 * max(1, round(days / 365))
    if 80 <= days <= 100:
        return 3
    if 27 <= days <= 31:
        return 1
    return None


def _vendor_ids(pair: tuple[str, str]) -> tuple[str, ...]:
    """A vendor line's product ids, most specific first: ``product:sku`` (Partner Center), product."""
    product_id, sku = pair
    if not product_id:
        return ()
    return (f"{product_id}:{sku}", product_id) if sku else (product_id,)


_ONE_TIME_CHARGE, _TRIAL_TERMS, _RECURRING = "one-time", "trial", "recurring"


def _terms_kind(terms: str) -> str:
    """What a line's billing words (frequency, term, charge type) say it is."""
    if _ONE_TIME.search(terms):
        return _ONE_TIME_CHARGE
    return _TRIAL_TERMS if _TRIAL.search(terms) else _RECURRING


def _mentions_trial(text: str) -> bool:
    return _TRIAL.search(text) is not None


def _first_column(table: Table) -> Sequence[object]:
    return table.data[table.headers[0]] if table.headers else [None] * len(table.row_numbers)


def _inactive(status: object) -> bool:
    """A status cell that says the line is not billed (``Cancelled``, or a ``False`` Active box)."""
    text = _text(status)
    return bool(text) and is_inactive_status(status if isinstance(status, bool) else text)


def _is_true(flag: object) -> bool:
    """A yes/no cell that says yes (``true``, ``Yes``, ``1``, ``Y``, a ticked box)."""
    if isinstance(flag, bool):
        return flag
    if isinstance(flag, int | float):
        return flag == 1
    return _text(flag).strip().lower() in ("true", "yes", "y", "1", "paused", "x")


def _not_billable(flag: object) -> bool:
    return flag is not None and is_not_billable(flag if isinstance(flag, bool) else _text(flag))


def _shown(value: object) -> str:
    return "(blank)" if value is None or str(value).strip() == "" else repr(_text(value))


def live(lines: list[Line]) -> list[Line]:
    """The lines that take part."""
    return [line for line in lines if line.exclusion is None]


def known(lines: list[Line]) -> list[Line]:
    """The lines that take part, and real lines that could not be read (a PSA line next to an
    unreadable vendor line is not "no vendor record")."""
    return [line for line in lines if line.exclusion is None or line.unreadable]
