"""Lines billed for a year that say so only in their words, confirmed by their price.

Many invoices have no billing-period column: a yearly line reads "Power BI Pro — Annual plan (12
months)" or "… - Annual Subscription" at a price twelve times the monthly one. The words alone
cannot decide it ("annual commitment" is also how a monthly-billed NCE licence is described), and
the price alone cannot either (a client may pay more). Together they do: a line whose words name a
yearly billing *and* whose unit price is about twelve times what the same product costs a month
elsewhere in the run is billed yearly, so its monthly price is a twelfth. A distributor's bill
says it so too ("Microsoft 365 E3 (no Teams) 12M" beside the same product's monthly lines), and so
does a bill's term column: "Annual" is a commitment, billed monthly or for the year, and only the
price tells which (Pax8's ``term`` beside a month's period at twelve times the monthly cost).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

from engine.lines import Line
from engine.lines import monthly as a_month_of
from engine.match.products import Descriptor, ProductMatch
from engine.read.values import parse_period_months

#: A unit price this many times the product's monthly price, and no further, is a year's price.
_YEAR_LOW, _YEAR_HIGH = Fraction(8), Fraction(16)
_YEAR = 12


def read_yearly_prices(
    psa: Iterable[Line],
    vendor: Iterable[Line],
    psa_products: Mapping[Descriptor, ProductMatch],
    vendor_products: Mapping[Descriptor, ProductMatch],
) -> None:
    """Bill yearly the PSA lines whose words say so and whose price agrees (see module doc), and
    the bill's lines so too: a distributor's "Microsoft 365 E3 (no Teams) 12M" or a line of an
    annual term at twelve times the product's monthly cost on its other lines (else about twelve
    times what the PSA bills for it a month)."""
    vendor, psa = list(vendor), list(psa)
    _read_yearly(vendor, vendor_products, (psa, psa_products))
    _read_twelve_times_the_cost(vendor, vendor_products)
    _read_yearly(psa, psa_products, (vendor, vendor_products))


#: A bill's unit this close to twelve times the product's monthly cost on its other lines is a
#: year's cost, whatever the line's words say: a distributor's cost of one product does not vary.
_TWELVE_LOW, _TWELVE_HIGH = Fraction(119, 10), Fraction(121, 10)


def _read_twelve_times_the_cost(
    lines: list[Line], products: Mapping[Descriptor, ProductMatch]
) -> None:
    """Bill yearly the bill's lines whose unit is twelve times what the same product costs a month
    on most of its other lines ("ADOBE ACROBAT STD MTHLY" at 155.88 under the stock code
    "…-ANN", beside the product's lines at 12.99)."""
    monthly_lines = [
        line
        for line in lines
        if line.exclusion is None
        and line.unit is not None
        and line.months == 1
        and line.descriptor in products
    ]
    counts: dict[str, Counter[Decimal | Fraction]] = defaultdict(Counter)
    for line in monthly_lines:
        assert line.unit is not None
        counts[products[line.descriptor].key][line.unit] += 1  # (speed: a Fraction per price)
    usual = {
        key: _median_low(Counter({Fraction(unit): n for unit, n in found.items()}))
        for key, found in counts.items()
        if found.total() >= 3
    }
    yearly: dict[tuple[str, Decimal | Fraction], bool] = {}  # each price read once
    for line in monthly_lines:
        assert line.unit is not None
        key = products[line.descriptor].key
        if (year := yearly.get((key, line.unit))) is None:
            reference = usual.get(key)
            year = yearly[(key, line.unit)] = bool(reference) and (
                _TWELVE_LOW <= Fraction(line.unit) / (reference or 1) <= _TWELVE_HIGH
            )
        if year:
            line.bill_every(_YEAR)


def _read_yearly(
    lines: Iterable[Line],
    products: Mapping[Descriptor, ProductMatch],
    fallback: tuple[list[Line], Mapping[Descriptor, ProductMatch]] | None,
) -> None:
    """Bill yearly the monthly lines whose words say yearly and whose unit is about twelve times
    the product's monthly price on the other lines (else on ``fallback``'s lines)."""
    taking_part = [line for line in lines if line.exclusion is None and line.unit is not None]
    monthly_lines = [
        line for line in taking_part if line.months == 1 and line.descriptor in products
    ]
    # each distinct description read once (speed: 100k lines hold a few thousand)
    yearly = {
        words: _says_yearly(*words)
        for words in {(line.product, line.product_alt) for line in monthly_lines}
    }
    said = [
        line
        for line in monthly_lines
        if yearly[(line.product, line.product_alt)] or line.commitment_months == _YEAR
    ]
    if not said:
        return
    said_ids = {id(line) for line in said}
    wanted = {products[line.descriptor].key for line in said}  # only these medians (speed)
    monthly = _monthly_prices(
        [line for line in monthly_lines if id(line) not in said_ids], products, wanted
    )
    costs = (
        _monthly_prices(
            [line for line in fallback[0] if line.exclusion is None and line.unit is not None],
            fallback[1],
            wanted,
        )
        if fallback is not None
        else {}
    )
    # each product's price read once (speed)
    priced: dict[tuple[str, Decimal | Fraction], bool] = {}
    for line in said:
        key = products[line.descriptor].key
        assert line.unit is not None
        if (yearly_price := priced.get((key, line.unit))) is None:
            reference = monthly.get(key) or costs.get(key)
            yearly_price = bool(reference) and (
                _YEAR_LOW <= abs(Fraction(line.unit)) / (reference or 1) <= _YEAR_HIGH
            )
            priced[(key, line.unit)] = yearly_price
        if yearly_price:
            line.bill_every(_YEAR)


def _says_yearly(product: str, alternate: str) -> bool:
    return parse_period_months(f"{product} {alternate}".replace("\n", " ")) == _YEAR


def _monthly_prices(
    lines: list[Line], products: Mapping[Descriptor, ProductMatch], wanted: set[str]
) -> dict[str, Fraction]:
    """The wanted products' median monthly unit amounts over the lines given."""
    units: dict[str, Counter[tuple[Decimal | Fraction, int]]] = defaultdict(Counter)
    for line in lines:
        match = products.get(line.descriptor)
        if match is not None and match.key in wanted and line.unit:
            units[match.key][(line.unit, line.months)] += 1  # (speed: a Fraction per price)
    return {key: _median_low(_per_month(counts)) for key, counts in units.items()}


def _per_month(counts: Counter[tuple[Decimal | Fraction, int]]) -> Counter[Fraction]:
    """Each price counted as a month's unit amount."""
    monthly_counts: Counter[Fraction] = Counter()
    for (unit, months), count in counts.items():
        monthly_counts[a_month_of(unit, months)] += count
    return monthly_counts


def _median_low(counts: Counter[Fraction]) -> Fraction:
    """``statistics.median_low`` of the values counted: the few distinct prices sorted, not every
    line's (speed: 100k exact fractions compare slowly)."""
    at = (counts.total() - 1) // 2  # median_low's place in the sorted values
    for value in sorted(counts):
        at -= counts[value]
        if at < 0:
            return value
    raise ValueError("no values")
