"""Turn a recognised export into typed lines: one row per input line, never dropped.

Every line leaves here either ready to reconcile (``excluded`` is ``None``) or with the reason it takes
no part ("totals row", "status: Cancelled", "unreadable quantity 'N/A'", …). Values are parsed once per
distinct spelling, which keeps 100k-line exports fast.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
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


@dataclass(slots=True)
class Line:
    """One input line, typed. ``excluded`` is None when it takes part, else why it does not."""

    side: str
    row: int
    client: str
    product: str
    product_ids: tuple[str, ...]
    quantity: Decimal | None
    unit: Decimal | Fraction | None  # per billed period (a Fraction only when derived from a total)
    months: int  # months one billed unit covers
    amount: Decimal | None  # the line's amount as billed
    excluded: str | None
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
    def monthly_unit(self) -> Fraction | None:
        return None if self.unit is None else abs(Fraction(self.unit)) / self.months

    @property
    def descriptor(self) -> tuple[str, tuple[str, ...]]:
        return (self.product, self.product_ids)


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


def vendor_lines(table: Table, mapping: ColumnMapping) -> list[Line]:
    """Typed vendor lines, one per data row."""
    clients = _parsed(_column(table, mapping, "client"), _text)
    domains = _parsed(_column(table, mapping, "domain"), _text)
    names = _parsed(_column(table, mapping, "product_name"), _text)
    ids = _parsed(_column(table, mapping, "product_id"), _text)
    skus = _parsed(_column(table, mapping, "sku_id"), _text)
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
    frequency = _parsed(_column(table, mapping, "billing_frequency"), parse_period_months)
    term = _parsed(_column(table, mapping, "term"), parse_period_months)
    frequency_text = [
        f"{a} {b}"
        for a, b in zip(
            _parsed(_column(table, mapping, "billing_frequency"), _text),
            _parsed(_column(table, mapping, "term"), _text),
            strict=True,
        )
    ]
    charge = _parsed(_column(table, mapping, "charge_type"), _text)
    starts = _parsed(_column(table, mapping, "period_start"), parse_date)
    ends = _parsed(_column(table, mapping, "period_end"), parse_date)
    subscription_ends = _parsed(_column(table, mapping, "subscription_end"), parse_date)
    commitments = _parsed(_column(table, mapping, "term"), commitment_months)
    raw_quantity = _column(table, mapping, "quantity")
    raw_unit = _column(table, mapping, "unit_cost")
    displays = [name or product_id for name, product_id in zip(names, ids, strict=True)]
    all_ids = _parsed(list(zip(ids, skus, strict=True)), _vendor_ids)
    stock_code_months = _parsed(ids, period_from_stock_code)
    terms = _parsed([f"{a} {b}" for a, b in zip(frequency_text, charge, strict=True)], _terms_kind)
    trial_names = _parsed(displays, _mentions_trial)
    totals_rows = _totals_rows(clients, displays, _first_column(table))
    repeated = _repeated_header_rows(table, mapping)
    records: list[Line] = []
    for i, row_number in enumerate(table.row_numbers):
        client, display = clients[i] or domains[i], displays[i]
        product_ids = all_ids[i]
        quantity, total = quantities[i], totals[i]
        unit_cost, rate = units[i], rates[i]
        if unit_cost is not None and rate is not None and rate > 0 and rate != 1:
            # Partner Center bills ROUNDDOWN(EffectiveUnitPrice × PCToBCExchangeRate, 2) per seat
            unit_cost = (unit_cost * rate).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        if discounts[i] and total is not None and quantity:
            # a discount lowers the line below UnitPrice × Quantity (Partner Center legacy
            # TotalOtherDiscount): the real cost per seat is the discounted total ÷ quantity
            unit_cost = None
        quantity, unit, amount = _priced(quantity, unit_cost, total)
        # How often the line is billed: an explicit frequency, a stock code's billing letter, the
        # span the charge covers, and only then the term (Pax8's "Annual" is a commitment that is
        # often billed monthly: the charge's one-month period says so)
        months = (
            frequency[i]
            or stock_code_months[i]
            or _months_from_dates(starts[i], ends[i])
            or term[i]
            or 1
        )
        excluded = None
        if i in totals_rows:
            excluded = "totals row"
        elif i in repeated:
            excluded = "repeated header row"
        elif not client:
            excluded = "no customer name"
        elif not display:
            excluded = "no product"
        elif quantity is None:
            excluded = f"unreadable quantity {_shown(raw_quantity[i])}"
        elif unit is None:
            excluded = f"unreadable unit cost {_shown(raw_unit[i])}"
        elif terms[i] is _ONE_TIME_CHARGE:
            excluded = "one-time charge, not a recurring licence"
        elif unit == 0 and not amount:
            excluded = "free or trial (costs nothing)"
        elif terms[i] is _TRIAL_TERMS or trial_names[i]:
            excluded = "free or trial (costs nothing)" if not amount else "trial"
        elif quantity == 0:
            excluded = "zero quantity"
        records.append(
            Line(
                "vendor",
                row_number,
                client,
                display,
                product_ids,
                quantity,
                unit,
                months,
                amount,
                excluded,
                domain=domains[i],
                period_start=starts[i],
                subscription_end=subscription_ends[i],
                commitment_months=commitments[i],
            )
        )
    return records


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


def psa_lines(table: Table, mapping: ColumnMapping) -> list[Line]:
    """Typed PSA lines, one per data row. Cancellation dates are kept on the lines and decided by
    :func:`cancel_lines` once the billing period is known (from the vendor bill, which may still be
    loading while these lines are typed)."""
    clients = _parsed(_column(table, mapping, "client"), _text)
    names = _parsed(_column(table, mapping, "product_name"), _text)
    alt_names = _parsed(_column(table, mapping, "product_alt"), _text)
    ids = _parsed(_column(table, mapping, "product_id"), _text)
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
    periods = _parsed(_column(table, mapping, "billing_period"), parse_period_months)
    statuses = _parsed(_column(table, mapping, "status"), _text)
    inactive = _parsed(_column(table, mapping, "status"), _inactive)
    cancelled = _parsed(_column(table, mapping, "cancelled_date"), parse_date)
    bill_flags = _column(table, mapping, "bill_flag")
    not_billable = _parsed(bill_flags, _not_billable)
    paused = _parsed(_column(table, mapping, "paused"), _is_true)
    raw_quantity = _column(table, mapping, "quantity")
    raw_unit = _column(table, mapping, "unit_price")
    products = [
        name or alt or product_id
        for name, alt, product_id in zip(names, alt_names, ids, strict=True)
    ]
    totals_rows = _totals_rows(clients, products, _first_column(table))
    repeated = _repeated_header_rows(table, mapping)
    records: list[Line] = []
    for i, row_number in enumerate(table.row_numbers):
        client, product = clients[i], products[i]
        quantity = quantities[i]
        less = included[i]
        if quantity is not None and less:
            quantity = quantity - less
        total = totals[i]
        quantity, unit, amount = _priced(quantity, units[i], total)
        months = periods[i] or 1
        excluded, cancelled_on = None, None
        if i in totals_rows:
            excluded = "totals row"
        elif i in repeated:
            excluded = "repeated header row"
        elif not client:
            excluded = "no company name"
        elif not product:
            excluded = "no product"
        elif inactive[i]:
            excluded = f"status: {statuses[i]}"
        elif paused[i]:
            excluded = "paused schedule"
        else:
            cancelled_on = cancelled[i]  # outranks the reasons below: cancel_lines() decides
            if not_billable[i]:
                excluded = f"not billable ({_text(bill_flags[i])})"
            elif quantity is None:
                excluded = f"unreadable quantity {_shown(raw_quantity[i])}"
            elif unit is None:
                excluded = f"unreadable unit price {_shown(raw_unit[i])}"
            elif quantity == 0:
                excluded = "zero quantity (nothing billed)"
        product_ids = (ids[i],) if ids[i] else ()
        records.append(
            Line(
                "psa",
                row_number,
                client,
                product,
                product_ids,
                quantity,
                unit,
                months,
                amount,
                excluded,
                product_alt=alt_names[i],
                cancelled_on=cancelled_on,
            )
        )
    return records


def cancel_lines(lines: list[Line], period_start: dt.date | None) -> None:
    """Exclude PSA lines cancelled on or before the period's start (today when it is unknown): a
    cancellation outranks every later reason (not billable, unreadable, zero quantity)."""
    cutoff = period_start or dt.date.today()
    for line in lines:
        if line.cancelled_on is not None and line.cancelled_on <= cutoff:
            line.excluded = f"cancelled {line.cancelled_on.isoformat()}"
