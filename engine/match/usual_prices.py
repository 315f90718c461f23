"""An in-house name told by its price: the price the MSP bills a product at, to the cent, everywhere.

An MSP resells each product at a list price of its own: "Windows 365 Business 2 vCPU" at 49.20,
"Huntress Managed ITDR" at 4.00, at client after client. When a client's line says nothing any
product's name says ("Virtual Desk", "Identity Watch") but is priced to the cent at the one price
the MSP bills one of the client's unpaired products at elsewhere — and at no other product's the
client buys — with about that product's seats, a billing person takes it for that product. The
price is evidence no wording changes; it is still an inference, so the finding is *check first*.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from engine.match.description_words import Bill, Inference, says_service
from engine.match.price_elimination import cents
from engine.match.product_clues import seats_may_pair
from engine.match.product_concepts import concept_targets, of_every_kind
from engine.match.product_fit import meaningful
from engine.match.product_names import DISCRIMINATORS

#: Below the check-first line: a price and seats, no word, say which product.
CONFIDENCE = 0.6
#: Clients that must be billed a product at one price before it is the MSP's price for it.
_CLIENTS = 2


def usual_prices(billed: Mapping[int, Mapping[str, set[Fraction]]]) -> dict[str, Fraction]:
    """Each product's price where at least two clients, and most of those billed for it, are
    billed it at that one monthly unit price."""
    at: dict[str, Counter[Fraction]] = defaultdict(Counter)
    clients: Counter[str] = Counter()
    for products in billed.values():
        for key, seen in products.items():
            clients[key] += 1
            at[key].update(seen)
    out: dict[str, Fraction] = {}
    for key, counts in at.items():
        (price, count), *rest = counts.most_common(2)
        if count >= _CLIENTS and count * 2 > clients[key] and (not rest or rest[0][1] < count):
            out[key] = price
    return out


def by_usual_price(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill: Bill,
    prices: Mapping[tuple[int, str], Fraction],
    billed: Mapping[int, Mapping[str, set[Fraction]]],
) -> None:
    """Give each client's undecided licence-like line the unpaired product whose usual price it
    has to the cent, when no other product the client buys has that price, no other undecided
    line of the client is priced so, and the seats are about the product's."""
    usual = usual_prices(billed)
    if not usual:
        return
    decided: dict[int, set[str]] = defaultdict(set)
    for (group, _), inference in found.items():
        decided[group].add(inference.product_key)
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        left = [
            (description, seats)
            for description, seats in descriptions
            if (group, description) not in found
            and seats > 0
            and not says_service(description)
            and (group, description) in prices
        ]
        if not basket or not left:
            continue
        at_price: dict[Fraction, list[str]] = defaultdict(list)
        for key in basket:
            if key in usual:
                at_price[usual[key]].append(key)
        taken = paired.get(group, {}).keys() | decided[group]
        line_prices = Counter(prices[(group, description)] for description, _ in left)
        for description, seats in left:
            price = prices[(group, description)]
            keys = at_price.get(price, [])
            if len(keys) != 1 or line_prices[price] != 1 or keys[0] in taken:
                continue
            key = keys[0]
            if not _may_be(description, seats, key, basket, bill):
                continue
            found[(group, description)] = Inference(
                key,
                "usual price",
                CONFIDENCE,
                f"priced {cents(price)} a month, the price other clients are billed for "
                f"{bill.names[key]!r}, which this client buys ({basket[key].normalize():f} "
                f"seats) and no line names",
            )
            decided[group].add(key)
            taken = taken | {key}


def _may_be(
    description: str, seats: Decimal, key: str, basket: Mapping[str, Decimal], bill: Bill
) -> bool:
    """About the product's seats, no word against it, and of the kind it says — unless the client
    buys nothing of that kind (the kind's words do not know every product's name: "Identity
    Watch" for Huntress ITDR)."""
    if abs(basket[key] - seats) > max(Decimal(2), seats / 4):
        return False
    kind = not _kind_unknown_here(description, basket, bill)
    if not seats_may_pair(description, key, list(basket), bill.names, kind=kind):
        return False
    if not bill.like_some_product(description):
        return True
    said, name = set(meaningful(description)), set(bill.names[key].split())
    # words of the product's own, and none of its look-alike's it leaves out ("Microsoft 365
    # Business Standard" at the price of Business Standard (no Teams) is Business Standard)
    return bool(said & name) and (name & DISCRIMINATORS) <= said


def _kind_unknown_here(description: str, basket: Mapping[str, Decimal], bill: Bill) -> bool:
    targets = concept_targets(description.split())
    if not targets:
        return False
    return not any(
        of_every_kind(targets, set(bill.names[key].split()), description.split()) for key in basket
    )
