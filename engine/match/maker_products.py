"""The makers on a bill and the one product of a maker a description says (issue 9).

A maker the vendor bills two products or more of ("Huntress Managed EDR", "… ITDR", "… SIEM") is
named on a PSA line with a word only one of them has ("Huntress EDR agent", "S1 Core EDR"), or the
line is one's whole name but the maker ("GravityZone Business Security" beside "… Premium"): that
product, check first — billed without a vendor record where the client buys another of the maker's
and not this one, never the client's other product of that maker.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from decimal import Decimal
from itertools import pairwise

from engine.match.description_vocabulary import SERVICE_WORDS
from engine.match.description_words import (
    LICENCE_CAN_SAY,
    Bill,
    Inference,
    Pending,
    a_look_alike_bought,
    distinctive,
    service_words,
)
from engine.match.product_concepts import CONCEPTS
from engine.match.product_fit import explains, meaningful, without_its_number
from engine.match.product_names import discriminators

#: What a product is counted in: never what tells a maker's products apart ("per GB", "per device").
_UNITS = frozenset(
    ["per", "gb", "tb", "device", "devices", "endpoint", "endpoints", "user", "users", "seat",
     "seats", "mailbox", "mailboxes", "server", "servers", "workstation", "workstations"]
)  # fmt: skip

#: A maker and the words of each of its products' names on the bill.
Makers = Mapping[str, list[frozenset[str]]]


def makers_of(names: Mapping[str, str]) -> dict[str, list[frozenset[str]]]:
    """The first words of the bill's products from outside the catalogue that begin two names or
    more ("knowbe4" of its Silver and Gold), with those names' words: makers whose line the books
    may name without saying which, never a word for a kind of product, for work or for Microsoft."""
    lines: dict[str, list[frozenset[str]]] = defaultdict(list)
    for key, name in names.items():
        if key.startswith("name:") and name:
            lines[name.split(" ", 1)[0]].append(frozenset(name.split()))
    return {
        first: named
        for first, named in lines.items()
        if len(named) >= 2
        and distinctive(first)
        and first not in CONCEPTS
        and first not in SERVICE_WORDS  # "Managed Backup": a word for work, no maker
        and first not in LICENCE_CAN_SAY
    }


def said_of_its_maker(
    items: Sequence[Pending],
    found: dict[tuple[int, str], Inference],
    baskets: Mapping[int, Mapping[str, Decimal]],
    bill: Bill,
) -> None:
    """Unresolved descriptions that name a maker the vendor bills and a word that only one of its
    products on the bill has ("Huntress EDR agent" where the bill has Huntress Managed EDR, ITDR
    and SIEM): that product, check first, also at a client that buys another of the maker's (its
    ITDR) and none of this one from the vendor — then billed without a vendor record."""
    for group, description, _ in items:
        if (group, description) in found:
            continue
        key = _said_on(bill, description)  # once per description, shared with the context passes
        if key is None or a_look_alike_bought(description, key, baskets.get(group, {}), bill.names):
            continue
        found[(group, description)] = Inference(
            key,
            "name fit",
            _SAID_OF_ITS_MAKER,
            f"names {bill.names[key]!r}, the only one of its maker's products on the bill it can mean",
        )


#: Below the check-first bar: a maker's word and one word of the product name it, no more.
_SAID_OF_ITS_MAKER = 0.65


def product_said(description: str, names: Mapping[str, str], makers: Makers) -> str | None:
    """The one product of a maker whose words hold every word the description says that tells
    the maker's products apart (typos allowed), where it says one at least, no work done and no
    plan or edition the product lacks. The maker is named (typos and initials allowed: "Hunteess",
    "S1"), or the description is the product's whole name but the maker and says more than a kind
    of product ("Email Security Advanced"; never "Cloud backup" for Acronis Cyber Protect Cloud
    Advanced Backup, nor "Email Archiving", an in-house name, for Dropsuite's)."""
    if _work_said(description):
        return None
    words = meaningful(description)
    named = next((maker for word in words for maker in makers if _names(word, maker)), "")
    if not named:
        whole = [  # the product's whole name but its maker, and nothing more
            key
            for key, name in names.items()
            if len(words) >= 2
            and set(words) <= set(name.split())
            and set(meaningful(name)[1:]) - _UNITS <= set(words)
        ]
        named = names[whole[0]].split(" ", 1)[0] if len(whole) == 1 else ""
        if named not in makers:
            return None
        if any(distinctive(word) and word not in CONCEPTS for word in words):
            # "GravityZone Business Security": the whole name of the bill's edition without the
            # word another has ("… Premium"), by a word of its own name, not a kind's
            return whole[0]
    lines = makers[named]
    apart = {
        word
        for word in frozenset().union(*lines) - frozenset.intersection(*lines)
        if word not in _UNITS and not word.isdigit() and meaningful(word)
    }
    its_name = {word for word in words if _names(word, named)}
    said = {
        part
        for word in words
        if word not in its_name
        for part in apart
        if word == part or (len(word) >= 3 and explains(word, part) >= 0)
    }
    if not said or (not its_name and said <= CONCEPTS.keys()):
        return None  # unnamed, a kind of product is the client's own ("Email Archiving": its EOA)
    hits = [
        key
        for key, name in names.items()
        if name.split(" ", 1)[0] == named
        and said <= set(name.split())
        and (not said <= CONCEPTS.keys() or apart & set(name.split()) <= said)
        and not _apart(description, key, its_name)
    ]  # a kind of product alone ("Backup") says the product only if its name tells it by nothing
    # else ("Managed EDR"; never "Advanced Backup" for "Acronis Cyber Backup Cloud", its old name)
    return hits[0] if len(hits) == 1 else None


def _names(word: str, maker: str) -> bool:
    """The word is the maker's name, mistyped ("Hunteess"), by its initials and number ("S1",
    "KB4") or without its number ("Ninja"); never a shortening that may be another word's ("PROT"
    is no "Proofpoint")."""
    return explains(word, maker) >= 0 and (
        len(word) >= len(maker) - 2
        or any(c.isdigit() for c in word)
        or without_its_number(word, maker)
    )


def _work_said(description: str) -> bool:
    """The description says work done, beside the kinds of product and the words a licence's name
    may hold; a server it is counted by ("Datto SIRIS image backup per server") is its unit."""
    work = service_words(description) - CONCEPTS.keys() - LICENCE_CAN_SAY
    if work == {"server"}:
        words = description.split()
        return any(w == "server" and (i == 0 or words[i - 1] != "per") for i, w in enumerate(words))
    return bool(work)


def _apart(description: str, key: str, maker_words: set[str]) -> bool:
    """:func:`sets_apart_from`, where the words that name the maker ("S1" for SentinelOne) and
    what the product is counted in ("per server") are none."""
    words = description.split()
    units = {word for before, word in pairwise(words) if before == "per"}
    return sets_apart_from(description, key, maker_words | units)


def sets_apart_from(description: str, key: str, ignoring: AbstractSet[str] = frozenset()) -> bool:
    """A word of the description that tells products apart and ``key`` lacks: "Microsoft 365 E5
    Security" is the add-on, never Microsoft 365 E5 (numbers alone, a date in a note, are not)."""
    extra = discriminators(description) - discriminators(key.removeprefix("name:")) - ignoring
    return any(not word.isdigit() for word in extra)


def another_of_its_maker(description: str, key: str, bill: Bill) -> bool:
    """The description says another product of ``key``'s maker on the bill by a word only that
    one has ("Hunteess EDR agent" is never the client's Huntress ITDR)."""
    said = _said_on(bill, description)
    return said is not None and said != key


def says_one_it_lacks(description: str, basket: Mapping[str, Decimal], bill: Bill) -> bool:
    """The description says a product of a maker on the bill that the client does not buy."""
    said = _said_on(bill, description)
    return said is not None and said not in basket


def _said_on(bill: Bill, description: str) -> str | None:
    """:func:`product_said` on the whole bill, once per description (asked per client group)."""
    if not bill.makers:
        return None
    if description not in bill.maker_said:
        bill.maker_said[description] = product_said(description, bill.names, bill.makers)
    return bill.maker_said[description]
