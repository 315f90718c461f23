"""The last tier: one unexplained licence line, one unpaired vendor product, and a price that fits.

A billing person who finds that a client's vendor bill has one product no PSA line names, and the
client's agreement one licence line no name explains ("Shop floor user" beside Microsoft 365 F3),
looks at the price: a licence is resold at about its cost, a service at whatever the work is worth.
When the line's monthly unit price is a plausible resale of that product's monthly unit cost, the two
are one subscription, billed under an in-house name — even when the seats differ (which is what
makes the finding worth having). It is an inference from elimination: always *check first*.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from engine.match.product_context import Inference, _Bill, _seats_may_pair, service_words

#: A resale price within this range of the vendor's unit cost: from a little below cost (a price
#: rise not passed on) to a generous margin. Outside it, the line is priced like something else.
LOWEST_MARKUP, HIGHEST_MARKUP = Fraction(8, 10), Fraction(5, 2)


def by_price(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill: _Bill,
    prices: Mapping[tuple[int, str], Fraction],
    costs: Mapping[int, Mapping[str, Fraction]],
) -> None:
    """Pair each client's one unexplained licence-like description with its one unpaired vendor
    product when the description's price is a plausible resale of the product's cost."""
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        decided = {inference.product_key for (g, _), inference in found.items() if g == group}
        unpaired = [
            key for key in basket if key not in paired.get(group, {}) and key not in decided
        ]
        left = [
            description
            for description, seats in descriptions
            if (group, description) not in found
            and seats > 0
            and not service_words(description)
            and not bill.like_some_product(description)
        ]
        if len(unpaired) != 1 or len(left) != 1:
            continue
        key, description = unpaired[0], left[0]
        price, cost = prices.get((group, description)), costs.get(group, {}).get(key)
        if price is None or not cost or not _seats_may_pair(description, key, unpaired, bill.names):
            continue
        if not LOWEST_MARKUP <= price / cost <= HIGHEST_MARKUP:
            continue
        found[(group, description)] = Inference(
            key,
            "elimination",
            0.6,
            f"the client's only unexplained licence line beside its only unpaired vendor product, "
            f"{bill.names[key]!r}; priced {_cents(price)} a month against a cost of {_cents(cost)}",
        )


def _cents(amount: Fraction) -> str:
    """An amount as shown in evidence, to the cent."""
    return str((Decimal(amount.numerator) / Decimal(amount.denominator)).quantize(Decimal("0.01")))
