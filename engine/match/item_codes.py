"""A PSA's own item code says which product a line is, when its other lines agree.

A PSA bills from its own catalogue: every line of one catalogue item carries the item's code
(ConnectWise's Product ID, a QuickBooks or Xero item code, an Autotask service code), whatever the
description someone typed beside it ("MS365 E3 NT", "Hosted Exchange Mailbox"). When the lines of
one code whose descriptions name a product all name the same one, the code is that product, and its
lines that no name explains are that product too: the evidence a careful person reads first. A code
whose named lines disagree (a generic "LICENCE" code, a code reused for two plans) decides nothing,
and a line its description names is never moved by its code. Nor does a code move a line whose own
words say it is a service ("Hardware: Dell Latitude laptop" under the code of Copilot seats), or one
priced unlike the code's named lines, or one on more lines than the code's named ones: a code
shared by a laptop and a licence, or by "Managed Services - per user" and E3, is two items.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from fractions import Fraction
from statistics import median_low

from engine.match.description_words import says_service
from engine.match.product_names import product_key
from engine.match.products import Descriptor, ProductMatch

#: How a line's product was decided by its item code (shown in Matches and Product Aliases).
ITEM_CODE = "item code"
#: The share of a code's named lines that must agree on one product, and how many at least.
AGREEMENT = 0.9
LEAST_NAMED = 2
#: Confidence of a product decided by its code: the code is the PSA's own record of the item.
CONFIDENCE = 0.95
#: How far a line's monthly price may be from the code's named lines' and still be that item (a
#: PSA's own prices of one item differ by client discounts, not by a factor of three).
PRICE_FACTOR = 3

_NAMED_METHODS = frozenset({"id", "exact", "alias", "fuzzy", "name"})


def named_by_its_words(match: ProductMatch) -> bool:
    """A PSA spelling that names a product by itself: a catalogue or alias name, or a spelling of a
    product outside the catalogue paired with the vendor's own spelling of it."""
    return match.method in _NAMED_METHODS and (match.in_catalogue or match.method != "unknown")


def decide_by_item_code(
    descriptors: Iterable[Descriptor],
    psa: Mapping[Descriptor, ProductMatch],
    unpaired: Iterable[Descriptor],
    prices: Mapping[Descriptor, Sequence[Fraction]] | None = None,
    credits: Set[Descriptor] = frozenset(),
) -> dict[Descriptor, ProductMatch]:
    """The product of each ``unpaired`` descriptor whose item code the named ones agree on.

    ``descriptors`` are the PSA lines' descriptors, one per line (a code's agreement counts lines);
    ``psa`` their matches by name; ``unpaired`` those no name explains; ``prices`` each descriptor's
    monthly unit prices, where known; ``credits`` those whose lines only give back, which never
    vote for a code's product and take it only at a price its named lines bill (seats given back:
    "Credit – KnowBe4 … Gold", -12 × 2.02; but "Credit memo - Acronis storage overage", 25.00
    under the CREDIT code of Business Premium's courtesy credits, is no seat of it)."""
    prices = prices or {}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    named: dict[str, ProductMatch] = {}
    shown: dict[str, str] = {}
    # each distinct descriptor once, with its lines counted (in the order first seen: speed)
    lines_of = Counter(descriptors)
    under: dict[str, list[tuple[Descriptor, int]]] = defaultdict(list)  # each code's lines
    for descriptor, lines in lines_of.items():
        code = _code(descriptor)
        if code:
            under[code].append((descriptor, lines))
        if descriptor in credits:
            continue
        match = psa.get(descriptor)
        if code and match is not None and named_by_its_words(match):
            votes[code][match.key] += lines
            named.setdefault(match.key, match)
            shown.setdefault(code, descriptor[1][0].strip())
    agreed: dict[str, tuple[ProductMatch, int]] = {}
    for code, counts in votes.items():
        (key, count), total = counts.most_common(1)[0], sum(counts.values())
        # a code most of whose lines are work ("SVC", "Services:Credit") is a kind of line, and a
        # courtesy credit under it that names Business Premium makes no laptop a licence
        if (
            count >= LEAST_NAMED
            and count >= AGREEMENT * total
            and _work_under(under[code], named[key]) < count
        ):
            agreed[code] = (named[key], count)
    code_prices: dict[str, list[Fraction]] = defaultdict(list)
    for descriptor, found in prices.items():
        code = _code(descriptor)
        match = psa.get(descriptor)
        if code in agreed and match is not None and match.key == agreed[code][0].key:
            code_prices[code].extend(found)
    decided: dict[Descriptor, ProductMatch] = {}
    for descriptor in sorted(set(unpaired)):
        code = _code(descriptor)
        if code not in agreed:
            continue
        target, count = agreed[code]
        if says_service(descriptor[0], product_key(target.product)) and not _names(
            descriptor[0], target
        ):
            continue  # "Hardware: … laptop" under Copilot's code ("workstation" under RMM's is no)
        if lines_of[descriptor] > count:
            continue  # a spelling on more lines than the code's own name: a second item, not a variant
        if not _priced_alike(prices.get(descriptor, ()), code_prices.get(code, ())):
            continue
        if descriptor in credits and not _at_a_named_price(
            prices.get(descriptor, ()), code_prices.get(code, ())
        ):
            continue
        decided[descriptor] = ProductMatch(
            "psa",
            descriptor[0],
            target.key,
            target.product,
            ITEM_CODE,
            CONFIDENCE,
            target.in_catalogue,
            target.free,
            evidence=f"item code {shown[code]!r}, as on {count} lines that name {target.product!r}",
        )
    return decided


def _work_under(lines: list[tuple[Descriptor, int]], target: ProductMatch) -> int:
    """How many of a code's lines say work that the code's product is not ("Managed IT Services"
    under the code of a courtesy credit; "Cloud Backup" under Dropsuite's is its kind, no work)."""
    product = product_key(target.product)
    return sum(count for descriptor, count in lines if says_service(descriptor[0], product))


def _names(description: str, target: ProductMatch) -> bool:
    """Whether a description holds every word of the code's product ("Power BI Pro – Workshop"
    under Power BI Pro's code: a site's seats, its note no service of their own)."""
    return set(product_key(target.product).split()) <= set(product_key(description).split())


def _at_a_named_price(own: Sequence[Fraction], named: Sequence[Fraction]) -> bool:
    """Whether every price of a credit is, within a cent in a hundred, one its code's named lines
    bill: seats given back, not money."""
    theirs = {abs(p) for p in named if p}
    return bool(own) and all(
        any(abs(abs(p) - price) * 100 <= price for price in theirs) for p in own
    )


def _priced_alike(own: Sequence[Fraction], named: Sequence[Fraction]) -> bool:
    """Whether a line's monthly prices sit within a factor of three of its code's named lines'
    (yes when either side has no price to compare)."""
    mine, theirs = [p for p in own if p > 0], [p for p in named if p > 0]
    if not mine or not theirs:
        return True
    a, b = median_low(mine), median_low(theirs)
    return max(a, b) <= PRICE_FACTOR * min(a, b)


def _code(descriptor: Descriptor) -> str:
    """The line's one item code ('' when it has none or several)."""
    ids = [i.strip() for i in descriptor[1] if i and i.strip()]
    return ids[0].casefold() if len(ids) == 1 else ""
