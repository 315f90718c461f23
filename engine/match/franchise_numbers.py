"""A franchisee's or site's number written on one side only, joined to the name it follows.

A PSA often files each franchisee under the brand, the place and the franchise's number ("Jetwash
Joes - Gosford #137") where the vendor's portal has the company's name ("Jetwash Joe's Gosford
Inc."). Numbers tell a chain's sites apart ("Store 12" and "Store 15" never merge), so the name tiers
keep the two apart, and each franchisee is reported twice. A billing person sees that the place
already tells this franchisee from the others, and the number adds nothing: the name without the
number is the other side's, alone. That is read here, only where it is safe: the name without its
number is the key of exactly one name, of the other side only; no other name of either side is that
name with a number, nor spells it so with a slip; the name is no stem another name goes on
from ("Jetwash Joes" of the franchisor); and it belongs to a family — another name begins with
its first word but differs after — so the words after the brand are what tell its members
apart. A number after "Store", "Site" or "No." is the site itself and never read so.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, MutableMapping

from rapidfuzz.distance import Levenshtein

#: A name, then a number of one to four digits after a word that does not number a site.
_FRANCHISE_NUMBER = re.compile(
    r"^(?P<name>\S+ \S+ .*[a-z](?<!\bstore)(?<!\bshop)(?<!\bsite)(?<!\bunit)(?<!\bbranch)"
    r"(?<!\bno)(?<!\bnumber)(?<!\bcampus)(?<!\blevel)(?<!\bsuite)(?<!\bplan)) \d{1,4}$"
)


def join_franchise_numbers(keys: MutableMapping[str, str], others: Mapping[str, str]) -> None:
    """Give each spelling of ``keys`` whose key is a name and a number the other side's key of
    that name, where the module docstring's conditions hold."""
    ours, theirs = set(keys.values()), set(others.values())
    every = sorted(ours | theirs)
    numbered = Counter(
        found["name"] for key in every if (found := _FRANCHISE_NUMBER.match(key)) is not None
    )
    by_number: dict[str, list[str]] = defaultdict(list)  # the other side's keys with a number
    for key in theirs:
        if (found := _FRANCHISE_NUMBER.match(key)) is not None:
            by_number[key.rsplit(" ", 1)[1]].append(key)
    for spelling, key in list(keys.items()):
        found = _FRANCHISE_NUMBER.match(key)
        if found is None or key in theirs:
            continue
        name = found["name"]
        if (
            name in theirs
            and name not in ours
            and numbered[name] == 1
            and not _goes_on(name, every)
            and _has_a_family(name, every)
            and not _spelled_near(key, by_number[key.rsplit(" ", 1)[1]])
        ):
            keys[spelling] = name


#: Slips within which the other side's name with the same number is this one, mistyped.
_NEAR_SLIPS = 2


def _spelled_near(key: str, numbered: list[str]) -> bool:
    """The other side has this name with its number, mistyped ("Luccerne Dental Lab 9000" beside
    "Lucerne Dental Lab 9000"): the number is then part of the name on both sides."""
    return any(
        Levenshtein.distance(key, other, score_cutoff=_NEAR_SLIPS) <= _NEAR_SLIPS
        for other in numbered
    )


def _goes_on(name: str, every: list[str]) -> bool:
    """Another key begins with the whole name and says more ("jetwash joes gosford west"), other
    than the name with a number."""
    start = name + " "
    for index in range(bisect_left(every, start), len(every)):
        other = every[index]
        if not other.startswith(start):
            return False
        if not other[len(start) :].isdigit():
            return True
    return False


def _has_a_family(name: str, every: list[str]) -> bool:
    """Another key begins with the name's first word and differs after it, not by a number alone:
    the franchise's other members, told apart by their places."""
    first = name.split()[0] + " "
    for index in range(bisect_left(every, first), len(every)):
        other = every[index]
        if not other.startswith(first):
            return False
        found = _FRANCHISE_NUMBER.match(other)
        if other != name and (found is None or found["name"] != name):
            return True
    return False
