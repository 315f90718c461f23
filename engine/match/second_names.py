"""A client the books bill under two names: its old one and its new one after a merger.

"Fenwick & Penrose Solicitors LLP" became "Tidewater Fenwick & Penrose Solicitors LLP" when
Tidewater bought it; the tenant kept its name, and the books bill some products under each. The
old name pairs with the tenant; the new one is left over, and every product on it would be
reported twice (unbilled on the tenant, no vendor record on the new name).

A billing person joins the new name to the tenant when two things agree: the name is the tenant's
(or its old PSA name's) words with a new name before them ("Tidewater …", "Alder & Finch …"), a
place after them perhaps dropped; and what the new name bills is what the tenant buys and its old
name does not bill, with no other tenant so fitting.

The bill has the mirror case: one company with a second tenant ("… (Archive)", "… - Legacy
Tenant"), which the books bill together with the first. The second tenant joins the client when
its name is the first's with words added and the client's one PSA account bills, for each of its
products, exactly the two tenants' seats together. Every join is marked *check first*.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import combinations

from engine.match.client_keys import client_key
from engine.match.client_siblings import NO_SIBLINGS, Siblings, crosses_siblings, numbers_in
from engine.match.legal_forms import is_legal_form
from engine.match.legal_twins import different_forms, legal_kind
from engine.match.name_tails import stems

#: The method of a client match that joins a second name to a client already paired.
SECOND_NAME = "second name"
#: How sure a join by a second name is: below the check-first line, always.
SECOND_NAME_CONFIDENCE = 0.7
#: Words a new name may put before the old one (an acquirer: "Tidewater", "Alder & Finch").
_MOST_NEW_WORDS = 3
_GLUE = frozenset(["and", "the", "of"])


@dataclass(frozen=True)
class SecondName:
    """A leftover PSA client that is another name of an already paired vendor client."""

    psa_key: str
    vendor_key: str
    evidence: str


def second_names(
    pairs: Iterable[tuple[str, str]],
    leftover_psa: Mapping[str, str],
    names: tuple[Mapping[str, str], Mapping[str, str]],
    vendor_baskets: Mapping[str, Mapping[str, Decimal]],
    psa_baskets: Mapping[str, Mapping[str, Decimal]],
    *,
    siblings: Siblings = NO_SIBLINGS,
) -> list[SecondName]:
    """The leftover PSA clients that are a paired client's new name, each with its one tenant.

    ``pairs`` are the (vendor key, PSA key) pairs made so far; ``leftover_psa`` and ``names`` (the
    vendor's, the PSA's) map keys to names as written."""
    vendor_names, psa_names = names
    pairs = list(pairs)
    by_word = _by_word(pairs)
    found = []
    by_old_name: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for vendor_key, old_key in pairs:
        for known in (old_key, client_key(psa_names.get(old_key, old_key))):
            by_old_name[known].add((vendor_key, old_key))
    for psa_key, psa_name in leftover_psa.items():
        basket = psa_baskets.get(psa_key, {})
        tailed = {pair for stem in stems(psa_name) for pair in by_old_name.get(stem, ())}
        if basket and len(tailed) == 1:
            # the paired name with a tail ("Fernleigh Medical Centre [Tier 2 support]" beside
            # "… Limited (Attn. Noah Everard)"), billing the rest of what the tenant buys
            vendor_key, old_key = next(iter(tailed))
            if _bills_most_of_the_rest(
                basket, vendor_baskets.get(vendor_key, {}), psa_baskets.get(old_key, {})
            ):
                found.append(
                    SecondName(
                        psa_key,
                        vendor_key,
                        f"a second name of the client billed as "
                        f"{psa_names.get(old_key, old_key)!r}: the same name with a note, billing "
                        f"{_products(len(basket))} the tenant buys and the other name does not bill",
                    )
                )
                continue
        words = _words(psa_key)
        if not basket or len(words) < 3:
            continue  # nothing it bills says whose it is, or no new words and two of the old
        form = frozenset(legal_kind(psa_name).split())
        fits = [
            (vendor_key, old_key)
            # (speed: only the pairs whose names have the new name's last two words)
            for vendor_key, old_key in by_word.get(words[-1], _NO_PAIRS)
            & by_word.get(words[-2], _NO_PAIRS)
            if _names_it(psa_key, vendor_key, old_key)
            and not _another_form(form, vendor_names.get(vendor_key, ""))
            and numbers_in(psa_key) == numbers_in(vendor_key)
            and not crosses_siblings(vendor_key, psa_key, siblings)
            and _bills_the_rest(
                basket, vendor_baskets.get(vendor_key, {}), psa_baskets.get(old_key, {})
            )
        ]
        if len(fits) != 1:
            continue  # no tenant, or two that fit: the user decides
        vendor_key, old_key = fits[0]
        found.append(
            SecondName(
                psa_key,
                vendor_key,
                f"a second name of the client billed as {psa_names.get(old_key, old_key)!r}: its "
                "words with "
                f"{' '.join(_new_words(psa_key, old_key, vendor_key))!r} before them, billing "
                f"{_products(len(basket))} the tenant buys and the old name does not bill",
            )
        )
    return found


def second_tenants(
    pairs: Iterable[tuple[str, str]],
    leftover_vendor: Iterable[str],
    names: tuple[Mapping[str, str], Mapping[str, str]],
    vendor_baskets: Mapping[str, Mapping[str, Decimal]],
    psa_baskets: Mapping[str, Mapping[str, Decimal]],
    *,
    vendor_ids: Mapping[str, Iterable[str]] | None = None,
) -> list[SecondName]:
    """The leftover vendor clients that are a paired client's second tenant, each with the PSA
    client that bills both ("Transport Zielińska S.A. (Archive)": its 3 Huntress seats and the
    first tenant's 1 are the books' 4), or that the bill itself numbers as that client."""
    vendor_names, psa_names = names
    pairs = list(pairs)
    found = _numbered_as_a_paired_client(pairs, leftover_vendor, names, vendor_ids or {})
    joined = {second.vendor_key for second in found}
    by_words: dict[frozenset[str], list[tuple[str, str]]] = defaultdict(list)
    for first, psa_key in dict.fromkeys(pairs):
        if own := frozenset(w for w in _words(first) if not is_legal_form(w)):
            by_words[own].append((first, psa_key))
    for vendor_key in leftover_vendor:
        if vendor_key in joined:
            continue
        basket = vendor_baskets.get(vendor_key, {})
        if not basket:
            continue
        fits = [
            (first, psa_key)
            # the first tenant's words are the name's but one to three new ones (speed: looked up
            # as sets, not compared with every pair sharing a word)
            # (a legal form inside the name is no new word: "… Pty Ltd - Tern Point")
            for own in _fewer_words(w for w in _words(vendor_key) if not is_legal_form(w))
            for first, psa_key in by_words.get(own, ())
            if numbers_in(first) == numbers_in(vendor_key)
            and _fills(basket, vendor_baskets.get(first, {}), psa_baskets.get(psa_key, {}))
        ]
        if len(fits) != 1:
            continue
        first, psa_key = fits[0]
        found.append(
            SecondName(
                psa_key,
                vendor_key,
                f"a second tenant of the client billed as {psa_names.get(psa_key, psa_key)!r} "
                f"(its first {vendor_names.get(first, first)!r}): the books bill both tenants' "
                f"seats together on {_products(len(basket))}",
            )
        )
    return found


def _numbered_as_a_paired_client(
    pairs: list[tuple[str, str]],
    leftover_vendor: Iterable[str],
    names: tuple[Mapping[str, str], Mapping[str, str]],
    vendor_ids: Mapping[str, Iterable[str]],
) -> list[SecondName]:
    """Leftover vendor clients the bill gives the customer number of one paired client (two
    tenants of one customer account: "… (Legacy Tenant)" beside "… Pty. Limited", both A4020).
    A number is a customer's only where the bill numbers most of its clients apart: a column
    that repeats one number (the reseller's own account) says nothing."""
    holders: dict[str, set[str]] = defaultdict(set)
    for key, ids in vendor_ids.items():
        for number in ids:
            holders[number].add(key)
    if not holders or len(holders) * 2 < len(vendor_ids):
        return []
    paired = {vendor_key: psa_key for vendor_key, psa_key in pairs}
    vendor_names, psa_names = names
    found = []
    for vendor_key in leftover_vendor:
        firsts = {
            other
            for number in vendor_ids.get(vendor_key, ())
            if len(holders[number]) <= _MOST_TENANTS
            for other in holders[number]
            if other in paired
        }
        if len(firsts) != 1:
            continue
        first = firsts.pop()
        psa_key = paired[first]
        found.append(
            SecondName(
                psa_key,
                vendor_key,
                f"a second tenant of the client billed as {psa_names.get(psa_key, psa_key)!r}: the "
                f"bill gives it the customer number of {vendor_names.get(first, first)!r}",
            )
        )
    return found


#: Tenants one customer number may hold before it is no customer's.
_MOST_TENANTS = 3


def _fills(
    basket: Mapping[str, Decimal], first: Mapping[str, Decimal], books: Mapping[str, Decimal]
) -> bool:
    """The books bill each product of the second tenant at exactly both tenants' seats — or,
    with three products or more, bill every one of them, two thirds at exactly both tenants'
    seats (the rest are what the run is for: seats billed short or over), or half of them and two
    at least at exactly both tenants' seats (the rest may be unbilled, or billed under names read
    only later)."""
    exact = sum(books.get(key) == first.get(key, _NONE) + seats for key, seats in basket.items())
    if exact == len(basket):
        return True
    return len(basket) >= _MOST_PRODUCTS_SHORT and (
        (all(key in books for key in basket) and exact * 3 >= 2 * len(basket))
        or (exact >= 2 and exact * 2 >= len(basket))
    )


#: Products a second tenant needs before some of them may be billed at other seats.
_MOST_PRODUCTS_SHORT = 3


_NONE = Decimal(0)


def _by_word(pairs: Iterable[tuple[str, str]]) -> dict[str, set[tuple[str, str]]]:
    """The pairs by every word of either key: where a name's words may be found."""
    index: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for pair in pairs:
        for key in pair:
            for word in _words(key):
                index[word].add(pair)
    return index


def _fewer_words(words: Iterable[str]) -> Iterator[frozenset[str]]:
    """The sets of a name's words without one to three of them (never none)."""
    distinct = sorted(set(words))
    for size in range(max(1, len(distinct) - _MOST_NEW_WORDS), len(distinct)):
        for kept in combinations(distinct, size):
            yield frozenset(kept)


def _products(count: int) -> str:
    return "1 product" if count == 1 else f"{count} products"


_NO_PAIRS: frozenset[tuple[str, str]] = frozenset()


@lru_cache(maxsize=65536)
def _words(key: str) -> tuple[str, ...]:
    """A key's words without glue ("and", "the", "of"); once per key in a run (speed)."""
    return tuple(w for w in key.split() if w not in _GLUE)


def _new_words(psa_key: str, old_key: str, vendor_key: str) -> tuple[str, ...]:
    known = set(_words(old_key)) | set(_words(vendor_key))
    return tuple(w for w in _words(psa_key) if w not in known)


def _names_it(psa_key: str, vendor_key: str, old_key: str) -> bool:
    """The new name is one of the client's names with words before it: every word after the new
    ones is the client's, and they are all its words but its last (a place) at most."""
    words = _words(psa_key)
    new = _new_words(psa_key, old_key, vendor_key)
    if not new or len(new) > _MOST_NEW_WORDS or words[: len(new)] != new:
        return False  # nothing new, or not before the old name (a branch, a trade after it)
    rest = set(words[len(new) :])
    if len(rest) < 2:
        return False  # one word in common says little
    return any(rest in (set(own), set(own[:-1])) for own in (_words(old_key), _words(vendor_key)))


def _another_form(form: frozenset[str], vendor_name: str) -> bool:
    """A new name keeps the company's legal form: "… A/S" is not renamed "… ehf."."""
    other = frozenset(legal_kind(vendor_name).split())
    return bool(form) and bool(other) and different_forms(form, other)


def _bills_most_of_the_rest(
    basket: Mapping[str, Decimal],
    tenant: Mapping[str, Decimal],
    old_name: Mapping[str, Decimal],
) -> bool:
    """The paired name with a tail bills two products or more the tenant buys, two in three of its
    lines' products at least (the rest may be billed without a vendor record: "Brookside Logistics
    Ltd - Croydon" billing RingEX Ultra too), and of what its other name bills too, no more seats
    than the tenant has left (the books split one client's seats, "Keeper Business" 2 and 1)."""
    if any(
        key in old_name and old_name[key] + seats > tenant.get(key, 0)
        for key, seats in basket.items()
    ):
        return False
    bought = sum(key in tenant for key in basket)
    return bought >= 2 and 3 * bought >= 2 * len(basket)


def _bills_the_rest(
    basket: Mapping[str, Decimal],
    tenant: Mapping[str, Decimal],
    old_name: Mapping[str, Decimal],
) -> bool:
    """Every product the new name bills, the tenant buys and the old name does not bill."""
    return bool(tenant) and all(key in tenant and key not in old_name for key in basket)
