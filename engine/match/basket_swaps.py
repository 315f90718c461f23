"""Two pairs of one name, crossed: what each client buys says which is which.

A book may hold two companies under one name, told apart only by a legal form or a tail ("Aoraki
Group Ltd" and "Aoraki Group Limited" on the bill; "Aoraki Group" and "Aoraki Group Ltd – quality
you can trust" in the PSA). Names alone pair them one way or the other by chance. When the two
pairs share that name and their baskets cross — each vendor client buys what the other pair's PSA
client is billed for, and little or nothing of its own pair's — the pairs are crossed back, check
first. Pairs the user made (aliases) and tenant domains are never crossed; a name written the same
on both sides only where neither pair has anything in common.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from itertools import combinations
from typing import TYPE_CHECKING

from engine.match.client_keys import client_key
from engine.match.name_tails import stems

if TYPE_CHECKING:
    from engine.match.clients import ClientMatch

#: The methods whose pairs rest on names alone (or on a basket that a better basket outweighs).
_CROSSABLE = frozenset(["exact", "fuzzy", "evidence", "basket"])
#: How sure a crossed pair is: the baskets decided it, a person should look.
CROSSED_CONFIDENCE = 0.7


def uncross(
    matches: list[ClientMatch],
    vendor_baskets: Mapping[str, Mapping[str, Decimal]],
    psa_baskets: Mapping[str, Mapping[str, Decimal]],
) -> list[ClientMatch]:
    """``matches`` with every crossed couple of pairs of one name crossed back (see the module)."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, match in enumerate(matches):
        if match.vendor_key is None or match.psa_key is None or match.method not in _CROSSABLE:
            continue
        for name in _names(match.vendor_name) & _names(match.psa_name):
            by_name[name].append(index)
    done: set[int] = set()
    result = list(matches)
    for indexes in by_name.values():
        for a, b in combinations(indexes, 2):
            if a in done or b in done:
                continue
            first, second = result[a], result[b]
            assert first.vendor_key and first.psa_key and second.vendor_key and second.psa_key
            now = (
                _fit(vendor_baskets, psa_baskets, first.vendor_key, first.psa_key),
                _fit(vendor_baskets, psa_baskets, second.vendor_key, second.psa_key),
            )
            crossed = (
                _fit(vendor_baskets, psa_baskets, first.vendor_key, second.psa_key),
                _fit(vendor_baskets, psa_baskets, second.vendor_key, first.psa_key),
            )
            same_name = any(
                m.vendor_name.casefold() == m.psa_name.casefold() for m in (first, second)
            )
            if not _crossed(now, crossed, same_name=same_name):
                continue
            evidence = (
                f"names alike ({first.psa_name!r}, {second.psa_name!r}); what each buys says which"
            )
            result[a] = _with_psa_of(first, second, evidence)
            result[b] = _with_psa_of(second, first, evidence)
            done.update((a, b))
    return result


def _with_psa_of(match: ClientMatch, other: ClientMatch, evidence: str) -> ClientMatch:
    """``match``'s vendor client paired with ``other``'s PSA client, by their baskets."""
    return replace(
        match,
        psa_key=other.psa_key,
        psa_name=other.psa_name,
        method="basket",
        confidence=CROSSED_CONFIDENCE,
        evidence=evidence,
    )


def _names(name: str) -> frozenset[str]:
    """The name without its legal form, and without its tail or tag."""
    return frozenset({client_key(name), *(client_key(stem) for stem in stems(name))})


def _fit(
    vendor_baskets: Mapping[str, Mapping[str, Decimal]],
    psa_baskets: Mapping[str, Mapping[str, Decimal]],
    vendor_key: str,
    psa_key: str,
) -> tuple[int, int]:
    """Products both buy, and of those, how many at the same seats."""
    vendor, psa = vendor_baskets.get(vendor_key, {}), psa_baskets.get(psa_key, {})
    shared = vendor.keys() & psa.keys()
    return len(shared), sum(1 for product in shared if vendor[product] == psa[product])


def _crossed(
    now: tuple[tuple[int, int], ...], crossed: tuple[tuple[int, int], ...], *, same_name: bool
) -> bool:
    """Each crossed pair buys something in common, each crossed pair shares more than its vendor
    client's pair does now, and at least one crossed pair agrees on seats. A name written the
    same on both sides is crossed only when neither pair has a product in common now and the
    crossed pairs agree on seats twice ("Björklund Group AB" in the PSA is the bill's "… AB
    (publ)", both its products at its seats, and nothing of the bill's "Björklund Group AB")."""
    if same_name and (any(was for was, _ in now) or sum(same for _, same in crossed) < 2):
        return False
    return all(
        shared >= 1 and shared > was for (shared, _), (was, _) in zip(crossed, now, strict=True)
    ) and sum(same for _, same in crossed) > sum(same for _, same in now)
