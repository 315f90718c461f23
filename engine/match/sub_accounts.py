"""A client's sub-accounts in one book: "Wyvern Property Management Pte. Ltd. – Warehouse", "… –
HR", "… – Clinical", its departments or sites billed on lines of their own, where the other side
bills the company once.

No list of department words can hold every name a book gives its sub-accounts ("Warehouse",
"Drivers", "Front Desk"); the book itself shows them: two spellings or more of one side that are
one company's name and a tail each (or one, where the book gives the same tail to another
company too: "… – Warehouse" beside "Other Ltd – Warehouse"), that company a client of the other
side by that name alone, no client of the other side named with any of the tails (where the bill
names "… North" and "… South", the tails are companies of their own), and what each sub-account
buys is the company's."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Mapping, MutableMapping

from engine.match.client_keys import client_key
from engine.match.legal_twins import different_forms, legal_kind

#: The last dash that sets a tail off a name: "… Pte. Ltd. – Warehouse", "… Ltd - HR".
_TAIL = re.compile(r"^(?P<stem>.*\S)\s+[-\u2013\u2014]\s+(?P<tail>[^-\u2013\u2014]+?)\s*$")

#: A tail of at most this many words is a sub-account's name, not a second company's.
_TAIL_WORDS = 3


def join_sub_accounts(
    keys: MutableMapping[str, str],
    other_keys: Mapping[str, str],
    baskets: Callable[[], Mapping[str, Mapping[str, object]]],
    other_baskets: Callable[[], Mapping[str, Mapping[str, object]]],
) -> None:
    """Key each sub-account spelling of ``keys`` (one side's spelling → client key) as its
    company, where the book and the other side show it to be one (see the module's docstring).
    The baskets are asked for only where a book has such spellings (speed)."""
    other = set(other_keys.values())
    by_stem: dict[str, list[str]] = defaultdict(list)
    stems_of_tail: dict[str, set[str]] = defaultdict(set)
    tail_of: dict[str, str] = {}
    for spelling in keys:
        if " " not in spelling or (found := _TAIL.match(spelling)) is None:
            continue  # (speed: most names have no tail)
        tail = found["tail"]
        if len(tail.split()) > _TAIL_WORDS or any(ch.isdigit() for ch in tail):
            continue  # "… – Store 12": a numbered branch is a client of its own
        stem = client_key(found["stem"])
        if stem and stem in other:
            by_stem[stem].append(spelling)
            tail_of[spelling] = tail.casefold()
            stems_of_tail[tail.casefold()].add(stem)
    if not by_stem:
        return
    other_names = sorted(other)
    spelled: dict[str, list[str]] = defaultdict(list)  # each stem's own spellings (once: speed)
    for spelling, key in keys.items():
        if key in by_stem:
            spelled[key].append(spelling)
    for stem, spellings in by_stem.items():
        if len(spellings) < 2 and (
            len(stems_of_tail[tail_of[spellings[0]]]) < 2
            or _twins_named([*spelled[stem], *spellings])
        ):
            # one tail alone, no other company's in the book, or the company's name is two
            # companies' ("Benard Immobilier SAS" beside "… SARL - Downtown"): the name tiers' to read
            continue
        company = other_baskets().get(stem, {})
        for spelling in spellings:
            key = keys[spelling]
            if key == stem or key in other:
                continue
            if _names_the_tail(other_names, stem, tail_of[spelling]):
                continue  # the bill names "Acme North": the tail is a company of its own
            bought = set(baskets().get(key, {}))
            if bought and len(bought & company.keys()) * 2 >= len(bought):
                keys[spelling] = stem


def _twins_named(named: list[str]) -> bool:
    """The spellings of this side keyed as the company, and the tailed ones, write two kinds of
    legal form."""
    kinds = {frozenset(kind.split()) for spelling in named if (kind := legal_kind(spelling))}
    return any(different_forms(a, b) for a in kinds for b in kinds if a != b)


def _names_the_tail(names: list[str], stem: str, tail: str) -> bool:
    """Some name of ``names`` (sorted) is ``stem`` and more words, the tail's among them ("acme
    north" for "Acme Ltd – North"; "acme engineering services", a sibling, names no "– Warehouse")."""
    words = set(client_key(tail).split()) or {tail}
    at = bisect_right(names, stem + " ")
    while at < len(names) and names[at].startswith(stem + " "):
        if words <= set(names[at][len(stem) :].split()):
            return True
        at += 1
    return False
