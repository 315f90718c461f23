"""Two lines of one client that read alike but are two products, told apart by their seats.

Staff who type plan names bare write "P1" on one line and "Plan 1" on another of the same client:
to the engine both are the description "p1", so their seats are added up (23 + 44) and match
neither of the client's two products that "P1" fits (Entra ID P1 at 26 seats, Exchange Online
(Plan 1) at 44). A billing person reads them line by line: "Plan 1" at 44 is the Exchange plan,
whose 44 seats it has, and "P1" is then the other product both could be. This module does that
for a description left undecided whose lines are spelled in two ways, beside exactly two unpaired
products it fits, when the seats of one spelling are exactly one product's and the other way round
says less. Each line's answer rests on seats, so it is marked *check first*.

The same two spellings beside one product only ("P2" at 10.80 and "Plan 2" at 19 seats, beside
Exchange Online (Plan 2) at 19) are still two products when the spelling without the seats is priced
to the cent at what the MSP bills the other product "P2" fits (Entra ID P2) at elsewhere, and the
vendor does not bill that one to the client: that line is billed for a product the vendor does not
bill (also *check first*: a price and seats, no word, told them apart).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from engine.lines import Line
from engine.match.description_words import Inference
from engine.match.price_elimination import cents
from engine.match.product_context import fits_in_basket
from engine.match.product_fit import fit

#: Below the check-first line: seats decided which line is which.
CONFIDENCE = 0.7


def split_alike_lines(
    spellings: Mapping[tuple[int, str], list[Line]],
    found: Mapping[tuple[int, str], Inference],
    baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    names: Mapping[str, str],
) -> dict[int, Inference]:
    """Inferences by ``id(line)`` for the lines of undecided descriptions spelled two ways."""
    taken: dict[int, set[str]] = defaultdict(set)
    for (group, _), inference in found.items():
        taken[group].add(inference.product_key)
    out: dict[int, Inference] = {}
    for (group, description), lines in spellings.items():
        if (group, description) in found or len(lines) < 2:
            continue
        by_spelling = _seats_by_spelling(lines)
        basket = baskets.get(group, {})
        if len(by_spelling) != 2 or not basket:
            continue
        billed = paired.get(group, {})
        products = [
            key
            for _, key in fits_in_basket(description, basket, names)
            if key not in billed and key not in taken[group]
        ]
        if len(products) != 2:
            continue
        order = _told_apart(list(by_spelling.values()), products, basket)
        if order is None:
            continue
        (first, second) = by_spelling
        for spelling, key, other in ((first, order[0], order[1]), (second, order[1], order[0])):
            seats = by_spelling[spelling]
            if basket[key] == seats:
                evidence = (
                    f"one of two lines of the client read alike; {spelling!r} has the "
                    f"{seats.normalize():f} seats of {names[key]!r}"
                )
            else:
                evidence = (
                    f"one of two lines of the client read alike; the other has the seats of "
                    f"{names[other]!r}, and {names[key]!r} is the other product both fit"
                )
            for line in lines:
                if _spelled(line) == spelling:
                    out[id(line)] = Inference(key, "elimination", CONFIDENCE, evidence)
    return out


def _spelled(line: Line) -> str:
    return " ".join(line.product.split()).casefold()


def _seats_by_spelling(lines: list[Line]) -> dict[str, Decimal]:
    seats: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines:
        seats[_spelled(line)] += line.quantity or Decimal(0)
    return dict(seats)


def _told_apart(
    seats: list[Decimal], products: list[str], basket: Mapping[str, Decimal]
) -> tuple[str, str] | None:
    """The products of the two spellings in order, when one way of pairing them gives some line
    exactly its product's seats and the other way gives fewer."""
    straight = (products[0], products[1])
    crossed = (products[1], products[0])

    def exact(order: tuple[str, str]) -> int:
        return sum(basket[key] == count for key, count in zip(order, seats, strict=True))

    a, b = exact(straight), exact(crossed)
    if a == b:
        return None
    return straight if a > b else crossed


def split_by_usual_price(
    spellings: Mapping[tuple[int, str], list[Line]],
    found: Mapping[tuple[int, str], Inference],
    baskets: Mapping[int, Mapping[str, Decimal]],
    names: Mapping[str, str],
    usual: Mapping[str, Fraction],
) -> dict[int, Inference]:
    """Inferences by ``id(line)`` for the lines of a decided description spelled two ways whose
    other spelling is priced as another product it fits, one the vendor does not bill here."""
    out: dict[int, Inference] = {}
    for (group, description), lines in spellings.items():
        inference = found.get((group, description))
        if inference is None or len(lines) < 2:
            continue
        by_spelling = _seats_by_spelling(lines)
        if len(by_spelling) != 2:
            continue
        key, basket = inference.product_key, baskets.get(group, {})
        prices = _prices_by_spelling(lines)
        for its, other in (tuple(by_spelling), tuple(by_spelling)[::-1]):
            price = prices.get(other)
            if (
                basket.get(key) != by_spelling[its]
                or price is None
                or prices.get(its) == price
                or usual.get(key) == price
            ):
                continue
            meant = [
                k
                for k, at in usual.items()
                if at == price
                and k != key
                and basket.get(k, 0) <= 0
                and fit(description, names[k]) is not None
            ]
            if len(meant) != 1:
                continue
            evidence = (
                f"one of two lines of the client read alike; {its!r} has the "
                f"{by_spelling[its].normalize():f} seats of {names[key]!r}, and {other!r} is "
                f"priced {cents(price)} a month, what other clients are billed for "
                f"{names[meant[0]]!r}, which the vendor does not bill to this client"
            )
            for line in lines:
                if _spelled(line) == other:
                    out[id(line)] = Inference(meant[0], "usual price", CONFIDENCE, evidence)
            break
    return out


def _prices_by_spelling(lines: list[Line]) -> dict[str, Fraction]:
    """Each spelling's one monthly unit price (none where its lines differ)."""
    seen: dict[str, set[Fraction]] = defaultdict(set)
    for line in lines:
        if line.monthly_unit is not None:
            seen[_spelled(line)].add(Fraction(line.monthly_unit))
    return {spelling: next(iter(at)) for spelling, at in seen.items() if len(at) == 1}
