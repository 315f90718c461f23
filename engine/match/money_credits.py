"""A PSA credit of money against a product is no seat of it ("Courtesy credit: Business Premium
seats", -66.00 on one line, beside two seats billed at 26.40).

A seat credited back is billed at the seat's price, negative: -1 at 26.40 takes one seat off. A line
that gives back more than one seat is worth at that client (a goodwill credit, an overage refund, a
fee waived) is money, not seats: counting it as -1 seat would report an under-billing of a negative
amount and a price below cost that nobody charged. It is set aside with its reason, as other lines
that bill no licence are, and shown on the Excluded sheet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from fractions import Fraction

from engine.lines import Exclusion, Line
from engine.lines.line import monthly
from engine.match.products import Descriptor, ProductMatch


def units_by_holding(
    lines: list[Line],
    products: Mapping[Descriptor, ProductMatch],
    group_of_spelling: Mapping[str, int | None],
) -> dict[tuple[int, str], set[Fraction]]:
    """Each (client group, product)'s monthly units on one side, as the side writes them."""
    units: dict[tuple[int, str], set[Fraction]] = defaultdict(set)
    for line in lines:
        if line.exclusion is not None or line.unit is None:
            continue
        group = group_of_spelling.get(line.client)
        match = products.get((line.product, line.product_ids))
        if group is not None and match is not None:
            units[(group, match.key)].add(abs(monthly(line.unit, line.months)))
    return units


def set_aside_money_credits(
    lines: list[Line],
    products: Mapping[Descriptor, ProductMatch],
    group_of_spelling: Mapping[str, int | None],
    inferred: Mapping[tuple[str, Descriptor], ProductMatch],
    bill_units: Callable[[], Mapping[tuple[int, str], set[Fraction]]],
) -> None:
    """Exclude each negative PSA line whose unit exceeds every seat price its client is billed for
    the same product (and so credits more than a seat), unless the bill credits that product at
    that very unit too (then it is the bill's credit, passed on)."""
    prices: dict[tuple[int, str], Fraction] = {}
    credits: list[tuple[Line, tuple[int, str], Fraction]] = []
    for line in lines:
        if line.exclusion is not None or line.quantity is None or line.unit is None:
            continue
        group = group_of_spelling.get(line.client)
        if group is None:
            continue
        descriptor = (line.product, line.product_ids)
        match = inferred.get((line.client, descriptor)) or products.get(descriptor)
        if match is None:
            continue
        key = (group, match.key)
        unit = monthly(line.unit, line.months)
        if line.quantity > 0 and unit > 0:
            prices[key] = max(prices.get(key, unit), unit)
        elif line.quantity < 0 and unit > 0:
            credits.append((line, key, unit))
    dearer = [
        (line, key, unit)
        for line, key, unit in credits
        if key in prices and unit > prices[key] * Fraction(101, 100)
    ]
    if not dearer:
        return  # (speed: the bill's units are read only when a credit could be money)
    units = bill_units()
    for line, key, unit in dearer:
        if unit not in units.get(key, ()):
            line.exclude(Exclusion.MONEY_CREDIT)
