"""The last tier: one unexplained licence line, one unpaired vendor product, and a price that fits.

A billing person who finds that a client's vendor bill has one product no PSA line names, and the
client's agreement one licence line no name explains ("Shop floor user" beside Microsoft 365 F3),
looks at the price: a licence is resold at about its cost, a service at whatever the work is worth.
When the line's monthly unit price is a plausible resale of that product's monthly unit cost, the two
are one subscription, billed under an in-house name — even when the seats differ (which is what
makes the finding worth having). It is an inference from elimination: always *check first*.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from engine.match.catalogue import load_catalogue
from engine.match.description_vocabulary import BRAND
from engine.match.description_words import Bill, Inference, service_words
from engine.match.product_clues import names_something_else, seats_may_pair
from engine.match.product_concepts import concept_targets, of_every_kind
from engine.match.product_fit import MAKER, loose_fit, meaningful, names_a_product_part
from engine.match.product_names import PLAN_TOKEN, say_another_plan

#: A resale price within this range of the vendor's unit cost: from a little below cost (a price
#: rise not passed on) to a generous margin. Outside it, the line is priced like something else.
LOWEST_MARKUP, HIGHEST_MARKUP = Fraction(8, 10), Fraction(5, 2)

_WORDS = re.compile(r"[^a-z0-9]+")


def by_price(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill: Bill,
    prices: Mapping[tuple[int, str], Fraction],
    costs: Mapping[int, Mapping[str, Fraction]],
    billed_prices: Mapping[int, Mapping[str, set[Fraction]]],
) -> None:
    """Pair each client's one unexplained licence-like description with its one unpaired vendor
    product when the description's price is a plausible resale of the product's cost."""
    decided_by_group: dict[int, set[str]] = defaultdict(set)  # once, not once per group
    # each group's inferences so far, in order, for the same reason: a group's own are all it
    # reads, and nothing here writes another group's (a scan of every inference per group was
    # groups × inferences)
    found_in: dict[int, list[tuple[str, Inference]]] = defaultdict(list)
    for (g, description), inference in found.items():
        decided_by_group[g].add(inference.product_key)
        found_in[g].append((description, inference))
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        if not basket:
            continue
        decided = decided_by_group[group]
        unpaired = [
            key for key in basket if key not in paired.get(group, {}) and key not in decided
        ]
        left = [
            description
            for description, seats in descriptions
            if (group, description) not in found and seats > 0 and not service_words(description)
        ]
        left = _more_seats_at_its_price(
            group,
            left,
            descriptions,
            found,
            found_in.get(group, []),
            basket,
            paired,
            bill,
            prices,
            billed_prices,
        )
        if not unpaired:
            continue
        left = [d for d in left if not _names_a_catalogue_product_but(d, unpaired, bill.names)]
        fits = _priced_like(group, left, unpaired, prices, costs, bill, billed_prices)
        _by_word_and_price(group, left, unpaired, basket, fits, found, bill, prices, costs)
        _by_kind_and_price(group, left, unpaired, fits, found, bill, prices, costs)
        _by_elimination(group, left, unpaired, fits, found, bill, prices, costs)


def _names_a_catalogue_product_but(
    description: str, unpaired: list[str], names: Mapping[str, str]
) -> bool:
    """Whether the description (a product key) ends in the whole name of a Microsoft product, of
    three words or more, that none of ``unpaired`` is or has inside its name: a label in another
    language before "Microsoft 365 Business Basic" never makes it the client's Apps for Business,
    however it is priced (its Business Basic (no Teams) it may be)."""
    words = description.split()
    starting = _catalogue_names_by_first_word()
    longest: tuple[int, str] | None = None
    for at, word in enumerate(words):
        for name in starting.get(word, ()):
            size = len(name)
            if (
                words[at : at + size] == list(name)
                # the name ends the description: "office 365 business basic" is no "office 365
                # business" (Apps for Business) with a word after it
                and all(w.isdigit() for w in words[at + size :])
                and (longest is None or size > longest[0])
            ):
                longest = (size, " ".join(name))
    if longest is None:
        return False
    named = set(longest[1].split())
    return load_catalogue().by_name[longest[1]] not in unpaired and not any(
        named <= set(names[key].split()) for key in unpaired
    )


@lru_cache(maxsize=1)
def _catalogue_names_by_first_word() -> dict[str, list[tuple[str, ...]]]:
    """Microsoft's product names of three words or more, by their first word."""
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in load_catalogue().by_name:
        words = tuple(name.split())
        if len(words) >= 3:
            by_first[words[0]].append(words)
    return by_first


def _by_word_and_price(
    group: int,
    left: list[str],
    unpaired: list[str],
    basket: Mapping[str, Decimal],
    fits: Mapping[str, list[str]],
    found: dict[tuple[int, str], Inference],
    bill: Bill,
    prices: Mapping[tuple[int, str], Fraction],
    costs: Mapping[int, Mapping[str, Fraction]],
) -> None:
    """A description sharing a word with the client's only unpaired product like it, priced like it."""
    for description in left:
        alike = _says_only(description, unpaired, basket, bill.names)
        if (
            alike is not None
            and alike in fits.get(description, ())
            # "Business Premium" is never the client's Business Standard
            and not say_another_plan(_plan_words(description), _plan_words(bill.names[alike]))
            # "Duo Advantage", which other clients buy, is never this client's Duo Essentials
            and not bill.says_more_of_another(description, alike, basket)
        ):
            found[(group, description)] = Inference(
                alike,
                "word and price",
                0.6,
                f"shares a word with the client's only unpaired vendor product like it, "
                f"{bill.names[alike]!r}, and is priced like it "
                f"({cents(prices[(group, description)])} a month against a cost of "
                f"{cents(costs[group][alike])})",
            )
            unpaired.remove(alike)


def _by_elimination(
    group: int,
    left: list[str],
    unpaired: list[str],
    fits: Mapping[str, list[str]],
    found: dict[tuple[int, str], Inference],
    bill: Bill,
    prices: Mapping[tuple[int, str], Fraction],
    costs: Mapping[int, Mapping[str, Fraction]],
) -> None:
    """The client's only unexplained licence line beside its only unpaired product, priced to fit."""
    left = [d for d in left if (group, d) not in found and not bill.like_some_product(d)]
    if (
        len(unpaired) == 1
        and len(left) == 1
        and unpaired[0] in fits.get(left[0], ())
        and not _says_otherwise(left[0], unpaired[0], bill)
    ):
        key, description = unpaired[0], left[0]
        found[(group, description)] = Inference(
            key,
            "elimination",
            0.6,
            f"the client's only unexplained licence line beside its only unpaired vendor "
            f"product, {bill.names[key]!r}; priced {cents(prices[(group, description)])} a "
            f"month against a cost of {cents(costs[group][key])}",
        )


def _by_kind_and_price(
    group: int,
    left: list[str],
    unpaired: list[str],
    fits: Mapping[str, list[str]],
    found: dict[tuple[int, str], Inference],
    bill: Bill,
    prices: Mapping[tuple[int, str], Fraction],
    costs: Mapping[int, Mapping[str, Fraction]],
) -> None:
    """A description that says what kind of thing it is ("Hosted Email & Teams": mail), beside
    exactly one unpaired product of that kind priced so that the line is a plausible resale of it,
    when no other unexplained line of the client could be it."""
    candidates = {
        d: [key for key in fits.get(d, ()) if key in unpaired]
        for d in left
        if (group, d) not in found and _targets(d)
    }
    for description, keys in candidates.items():
        if len(keys) != 1 or _says_otherwise(description, keys[0], bill):
            continue
        key = keys[0]
        cost = costs[group][key]
        rivals = [  # another unexplained line priced so that it could be it too
            d
            for d in left
            if d != description
            and (group, d) not in found
            and (price := prices.get((group, d))) is not None
            and LOWEST_MARKUP <= price / cost <= HIGHEST_MARKUP
        ]
        if rivals or key not in unpaired:
            continue
        found[(group, description)] = Inference(
            key,
            "kind and price",
            0.6,
            f"says what kind of product it is; the client's only unpaired one of that kind is "
            f"{bill.names[key]!r}, and it is priced {cents(prices[(group, description)])} a month "
            f"against a cost of {cents(costs[group][key])}",
        )
        unpaired.remove(key)


def _more_seats_at_its_price(
    group: int,
    left: list[str],
    descriptions: list[tuple[str, Decimal]],
    found: dict[tuple[int, str], Inference],
    found_here: list[tuple[str, Inference]],
    basket: Mapping[str, Decimal],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill: Bill,
    prices: Mapping[tuple[int, str], Fraction],
    billed_prices: Mapping[int, Mapping[str, set[Fraction]]],
) -> list[str]:
    """A line priced to the cent like the client's other line of a product whose seats that line
    leaves short is more seats of it, billed on a second line under another name ("Email Archivig"
    at the price of "EXO Arch"). ``found_here``: the group's inferences in ``found`` so far, in
    order. Returns the descriptions still undecided."""
    seats_of = dict(descriptions)
    billed = dict(paired.get(group, {}))
    # the prices of the lines named so far, those decided in context included ("Duo Advantage
    # (Melbourne)" at 7.25 beside "Two-Factor Login + Device Trust" at 7.25)
    priced = {key: set(seen) for key, seen in billed_prices.get(group, {}).items()}
    for description, inference in found_here:
        if description in seats_of:
            key = inference.product_key
            billed[key] = billed.get(key, Decimal(0)) + seats_of[description]
            if (price := prices.get((group, description))) is not None:
                priced.setdefault(key, set()).add(price)
    still: list[str] = []
    for description in left:
        price = prices.get((group, description))
        same = [
            key
            for key, seen in priced.items()
            if price is not None and price in seen and key in basket
        ]
        if (
            len(same) == 1
            and basket[same[0]] > billed.get(same[0], Decimal(0))
            and seats_may_pair(description, same[0], same, bill.names)
            and of_every_kind(
                _targets(description), set(bill.names[same[0]].split()), _WORDS.split(description)
            )
            and not _says_otherwise(description, same[0], bill)
        ):
            key = same[0]
            found[(group, description)] = Inference(
                key,
                "same price",
                0.7,
                f"priced {cents(prices[(group, description)])} a month, as the client's other "
                f"line of {bill.names[key]!r}, whose seats the vendor bills more of",
            )
            billed[key] = billed.get(key, Decimal(0)) + seats_of[description]
        else:
            still.append(description)
    return still


def _targets(description: str) -> list[frozenset[str]]:
    return concept_targets(_WORDS.split(description))


def _says_otherwise(description: str, key: str, bill: Bill) -> bool:
    """A word of the description that names something this product is not: an edition or plan it
    lacks; for another maker's product, Microsoft's name ("MS365 BB (NT)" is no Sophos); and a word
    of another product on the bill — for a Microsoft product, one Microsoft's names do not use."""
    name = bill.names[key]
    if names_something_else(description, name):
        return True
    microsoft = not key.startswith("name:")
    name_words = set(name.split())
    if not of_every_kind(_targets(description), name_words, _WORDS.split(description)):
        return True  # "Antivirus per user" is no Defender for Office 365: another kind
    words = [w for w in meaningful(description) if w not in name_words]
    if not microsoft and any(w in MAKER for w in words):
        return True
    others = {
        w
        for other, n in bill.names.items()
        if other != key
        for w in n.split()
        if names_a_product_part(w) and not (microsoft and w in _microsoft_words())
    }
    if any(w in others for w in words if w not in MAKER and not _of_this_kind(w, name_words)):
        return True
    # "Soohos IX Adv": every word of it fits another product on the bill, slips and all
    return any(other != key and loose_fit(description, n) for other, n in bill.names.items())


def _of_this_kind(word: str, name_words: set[str]) -> bool:
    """A word that says what kind of product this is ("Email" of Business Basic: mail)."""
    targets = concept_targets([word])
    return bool(targets) and of_every_kind(targets, name_words, [word])


def _microsoft_words() -> frozenset[str]:
    return load_catalogue().words


def _priced_like(
    group: int,
    descriptions: list[str],
    unpaired: list[str],
    prices: Mapping[tuple[int, str], Fraction],
    costs: Mapping[int, Mapping[str, Fraction]],
    bill: Bill,
    billed_prices: Mapping[int, Mapping[str, set[Fraction]]],
) -> dict[str, list[str]]:
    """For each description, the unpaired products its price is a plausible resale of and whose
    names it does not contradict (a plan, an add-on, another product's word, the kind of thing it
    says it is). None when the price is what the client pays for a product billed on other lines:
    a person reads that as more seats of it ("Secure Email" at the Proofpoint line's price)."""
    out: dict[str, list[str]] = {}
    for description in descriptions:
        price = prices.get((group, description))
        if price is None:
            continue
        if any(price in seen for seen in billed_prices.get(group, {}).values()):
            continue  # the price of a product already billed: more seats of it, on another line
        targets = _targets(description)
        out[description] = [
            key
            for key in unpaired
            if (cost := costs.get(group, {}).get(key))
            and LOWEST_MARKUP <= price / cost <= HIGHEST_MARKUP
            and seats_may_pair(description, key, unpaired, bill.names)
            and of_every_kind(targets, set(bill.names[key].split()), _WORDS.split(description))
        ]
    return out


def _says_only(
    description: str, unpaired: list[str], basket: Mapping[str, Decimal], names: Mapping[str, str]
) -> str | None:
    """The one unpaired product that shares a word with the description ("Office Apps", Microsoft
    365 Apps for business), when no other product the client buys shares one."""
    words = set(meaningful(description)) - BRAND
    sharing = [key for key in basket if words & set(names[key].split())]
    return sharing[0] if len(sharing) == 1 and sharing[0] in unpaired else None


def _plan_words(text: str) -> set[str]:
    """The words that say a plan or a tier ("E3", "P1", "Premium", "Basic"); not a brand or a
    family ("Office Enterprise" may be Office 365 E3), nor a code typed beside them."""
    return {w for w in meaningful(text) if w in _TIERS or PLAN_TOKEN.fullmatch(w)}


#: Tiers of one product that are different products (Business Basic / Standard / Premium).
_TIERS = frozenset(["basic", "standard", "premium", "essentials", "advanced", "plus", "pro"])


def cents(amount: Fraction) -> str:
    """An amount as shown in evidence, to the cent."""
    return str((Decimal(amount.numerator) / Decimal(amount.denominator)).quantize(Decimal("0.01")))
