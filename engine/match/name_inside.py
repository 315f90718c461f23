"""A PSA description that holds one of the client's products' whole name among words that name
nothing else: "GreenPath Hospitality – Microsoft Defender for Endpoint P1" (the client's own name
typed first), "aylık abonelik: Microsoft 365 Business Premium" (a label in another language),
"Microsoft Defender for Office 365 (Plan 1) (MDO P1)" (the name said twice), "… (trial → paid
04/11) + monitoring" (a note, and the MSP's care of the seats after the name).

A billing person who finds the name of a product the client buys, and no other line billing it,
reads the line as that product whatever else was typed around it, unless the rest says work, a
plan, an edition or another product ("… - Onboarding", "… E5 Security", "Keeper Business
Family"). The words around it are unexplained, so the pairing is marked *check first*.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

from engine.match.description_vocabulary import BRAND, SUPPORT_NOTE_WORDS, WORK_DONE_ONCE
from engine.match.description_words import Inference, service_words
from engine.match.product_fit import meaningful
from engine.match.product_names import PLAN_TOKEN, discriminators

#: Confidence of a product found whole inside a description: below the check-first line.
CONFIDENCE = 0.75


def name_inside(
    description: str,
    unbilled: Iterable[str],
    names: Mapping[str, str],
    product_words: frozenset[str],
) -> str | None:
    """The one unbilled product (by key) whose whole name (``names``' key form) stands in the
    description among harmless words, the longest if several do; None when none does or two
    of one length do. ``product_words`` are the words of every product on the bill."""
    words = description.split()
    found: list[tuple[int, str]] = []
    for key in unbilled:
        name = names[key].split()
        size = len(name)
        if len(meaningful(names[key])) < 2 or size >= len(words):
            continue
        if (start := _where(words, name)) is not None:
            after = [w for w in words[start + size :] if w not in SUPPORT_NOTE_WORDS]
            rest = words[:start] + after  # "… + monitoring": the MSP's care of the seats
            if _names_nothing(rest, set(name), product_words):
                found.append((size, key))
    if not found:
        return None
    found.sort(reverse=True)
    if len(found) > 1 and found[0][0] == found[1][0]:
        return None
    return found[0][1]


def _names_nothing(rest: list[str], name: set[str], product_words: frozenset[str]) -> bool:
    """Words around a name that say no work, plan, edition or other product: the client's name, a
    label, a count or a date ("seats 1", "04 11")."""
    if service_words(" ".join(rest)):
        return False
    for word in rest:
        if word in name or word in BRAND or word.isdigit():
            continue
        if PLAN_TOKEN.fullmatch(word) or discriminators(word) or word in product_words:
            return False
    return True


#: Words of work done once, never a site's or a team's note: a line priced like the licence beside
#: it that says one of them is still work ("Keeper Business - onboarding").
_WORK_ONCE = WORK_DONE_ONCE | frozenset(
    [
        "migrate", "install", "project", "hour", "hours", "hr", "hrs", "labour", "labor",
        "hardware", "laptop", "device", "devices", "server", "servers", "one", "once", "off",
    ]
)  # fmt: skip


def priced_as_its_named_line(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    billed_prices: Mapping[int, Mapping[str, set[Fraction]]],
    prices: Mapping[tuple[int, str], Fraction],
    names: Mapping[str, str],
    product_words: frozenset[str],
) -> None:
    """A client's line that holds the whole name of a product another of its lines bills by name,
    or the very words of another of its lines already read ("Acronis WS - top-up 17 Nov" beside
    "Acronis WS"), at that line's very price, with a note of its own: the same product, another
    site's or team's seats, a top-up, a credit for a leaver ("Exchange Online (Plan 1) – Workshop
    [Westcon #27214992]" beside "Exchange Online (Plan 1) – Warehouse"), whatever words the note
    uses — but work done once. ``prices`` holds credits' too (their amount over their seats)."""
    inferred: dict[int, dict[str, set[Fraction]]] = {}
    #: each client's descriptions already read, their product and price ("acronis ws")
    spelled: dict[int, list[tuple[str, str, Fraction]]] = {}
    for (group, description), inference in found.items():
        if (price := prices.get((group, description))) is not None:
            inferred.setdefault(group, {}).setdefault(inference.product_key, set()).add(price)
            spelled.setdefault(group, []).append((description, inference.product_key, price))
    for group, items in by_group.items():
        billed = {key: set(seen) for key, seen in billed_prices.get(group, {}).items()}
        for key, seen in inferred.get(group, {}).items():
            billed.setdefault(key, set()).update(seen)
        if not billed:
            continue
        for description, _ in items:
            place = (group, description)
            if place in found or (price := prices.get(place)) is None:
                continue
            words = description.split()
            if not _WORK_ONCE.isdisjoint(words):
                continue
            hits = {
                key
                for key, seen in billed.items()
                if price in seen
                and key in names
                and _held_with_a_note(words, names[key], product_words)
            }
            said = {
                key: other
                for other, key, other_price in spelled.get(group, ())
                if other_price == price and _held_with_a_note(words, other, product_words)
            }
            if len(hits | said.keys()) == 1:
                key = next(iter(hits | said.keys()))
                held = f"the whole name of {names[key]!r}" if hits else f"the words {said[key]!r}"
                found[place] = Inference(
                    key,
                    "site line",
                    CONFIDENCE,
                    f"holds {held}, which another of the client's lines bills at the same "
                    f"price, with a note of its own",
                )


def _held_with_a_note(words: list[str], name_key: str, product_words: frozenset[str]) -> bool:
    name = name_key.split()
    size = len(name)
    if size < 2 or size >= len(words) or (start := _where(words, name)) is None:
        return False
    return all(
        word in name
        or word in BRAND
        or word.isdigit()
        or word in SUPPORT_NOTE_WORDS
        or not (PLAN_TOKEN.fullmatch(word) or discriminators(word) or word in product_words)
        for word in words[:start] + words[start + size :]
    )


def _where(words: list[str], name: list[str]) -> int | None:
    """Where the name's words first stand together in the words, if they do."""
    size = len(name)
    for start in range(len(words) - size + 1):
        if words[start : start + size] == name:
            return start
    return None
