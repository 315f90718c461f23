"""What old ledgers and a move between systems do to a client's name, joined back to the name.

Accounting packages keep a customer's name in a field of fixed width (30, 31, 40 or 41 characters)
and cut the rest off, mid-word: "Northern Beaches Property Grou", "Oakridge Financial Planning
Lim". Their keys begin another name's key and stop inside a word, so no name tier pairs them, and
a client kept twice after a move between systems — once cut, once whole — is reported twice. A
billing person reads the cut name as the one whole name it begins. Only a long name is taken as
cut (short names are typed, not cut), and only where exactly one other name, on either side,
goes on from it. The same pass joins a tenant's default domain written in the name's cell
("westgatecatering.onmicrosoft.com") to the name of its side whose words it runs together, and an
old ledger's customer number after a name ("Driftwood Tools 75825") to the other side's bare name —
each only where no other name is spelled near it, for such names are often another company's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, MutableMapping

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from engine.match.legal_forms import LEGAL_FORMS, is_legal_form

#: The fewest characters of the key of a name cut by a ledger's field (fields are 30 characters
#: or more; the key leaves out legal forms and marks).
_SHORTEST_CUT = 24
#: The whole words of legal forms a cut may stop inside ("Lim" of Limited, "Pt" of Pty).
_LONG_FORMS = tuple(sorted(w for w in LEGAL_FORMS if w.isalpha() and len(w) >= 3))


def join_cut_names(keys: MutableMapping[str, str], others: Mapping[str, str]) -> None:
    """Give each long spelling of ``keys`` whose key stops inside a word that exactly one other
    key (of either side) goes on from, that key; and each name written as one run of letters (a
    tenant's domain in the name's cell, "westgatecatering.onmicrosoft.com", perhaps cut too) the
    one name whose words run together so, or begin so."""
    ours, theirs = set(keys.values()), set(others.values())
    every = sorted(ours | theirs)
    numbered = _numbered_names(every)
    own, other = _run_together(ours), _run_together(theirs)
    known = ours | theirs
    # a run joins a name of its own side only: across the sides the name tiers read names spaced
    # apart, and know two companies of one name by their legal forms ("TSG Consulting Inc." and
    # "… LLC" beside "tsgconsulting.onmicrosoft.com")
    run_together: dict[str, set[str]] = {}
    for key in set(keys.values()):
        if " " in key:
            run_together.setdefault(key.replace(" ", ""), set()).add(key)
    runs = sorted(run_together)
    for spelling, key in list(keys.items()):
        if (number := _ACCOUNT_NUMBER.match(key)) is not None:
            # an old ledger's customer number after the name, where the name without it is the
            # other side's alone and no name of either side spells it with its number ("Harbbor
            # Pharmacy 28427" beside the bill's "Harbor Pharmacy 28427" and "Harbor Pharmacy")
            name = number["name"]
            alone = name in theirs and name not in ours and key not in theirs
            whole = name if alone and numbered[name] == 1 else None
            if whole is not None and (
                _another_spelled_near(key, whole, (own, other))
                or _another_spelled_near(whole, key, (own,))  # "Harbbor Architects Systems"
            ):
                whole = None
        elif _DOMAIN_FIRST.match(spelling) and len(key) >= _SHORTEST_RUN:
            whole = _written_apart(key.replace(" ", ""), key, runs, run_together)
            if whole is not None and _another_spelled_near(key, whole, (own, other)):
                whole = None  # "tandsjoinery" beside "T&S Joinery LLC" and "T&S Joiners Inc."
        elif len(key) >= _SHORTEST_CUT and key[-1:].isalpha():
            whole = _the_whole(key, every, known)
        else:
            continue
        if whole is not None:
            keys[spelling] = whole


def _another_spelled_near(key: str, whole: str, indexes: tuple[Mapping[str, str], ...]) -> bool:
    """A name of the sides ``indexes`` hold (key → its letters run together), other than
    ``whole``, within three slips of the run's, with its numbers ("tsgconsulting" beside "TSG
    Consulting Inc." and "TSG Consultants LLC", "kandlsurveying" beside "K&L Surveyors"): the run
    may be that client's tenant as well."""
    run = key.replace(" ", "")
    digits = "".join(ch for ch in run if ch.isdigit())
    return any(
        name not in (whole, key) and "".join(ch for ch in name if ch.isdigit()) == digits
        for index in indexes
        for _, _, name in process.extract(
            run, index, scorer=Levenshtein.distance, score_cutoff=_NEAR_SLIPS, limit=None
        )
    )


def _run_together(keys: Iterable[str]) -> dict[str, str]:
    """Each key, and its letters run together (once per side, not per name looked for)."""
    return {key: key.replace(" ", "") for key in set(keys)}


#: Slips within which another name may be the one a tenant's domain spells.
_NEAR_SLIPS = 3


#: An old ledger's customer number after a name ("Driftwood Tools 75825"): five digits or more
#: after a word that numbers no site.
_ACCOUNT_NUMBER = re.compile(
    r"^(?P<name>.*[a-z](?<!\bstore)(?<!\bshop)(?<!\bsite)(?<!\bunit)(?<!\bbranch)) \d{5,}$"
)


def _numbered_names(keys: list[str]) -> dict[str, int]:
    """How many keys are each name with a number after it: "Adventure Accounting 18706" beside
    "… 34148" are two companies the numbers tell apart, never one name's record."""
    counts: dict[str, int] = defaultdict(int)
    for key in keys:
        if (number := _ACCOUNT_NUMBER.match(key)) is not None:
            counts[number["name"]] += 1
    return counts


#: A tenant's default domain written for the name: its key is the label's letters, digits set
#: apart ("kingfisherfreight006.onmicrosoft.com" → "kingfisherfreight 6"). A company's own
#: domain ("silverlineconsulting.co.nz") may be two legal twins' alike: left to the name tiers.
_DOMAIN_FIRST = re.compile(r"^\s*[a-z0-9-]+\.onmicrosoft\.[a-z]{2,}\b", re.IGNORECASE)
#: The fewest letters of a name written as one run before its words are looked for.
_SHORTEST_RUN = 8
#: The fewest letters of a run that may be cut (a domain's label has room for 27 or so).
_SHORTEST_CUT_RUN = 16


def _written_apart(
    key: str, written: str, runs: list[str], run_together: Mapping[str, set[str]]
) -> str | None:
    """The one name (other than the key as ``written``) whose words, run together, are ``key`` —
    or begin with it, for a long run."""
    found: set[str] = set(run_together.get(key, ())) - {written}
    if not found and len(key) >= _SHORTEST_CUT_RUN:
        for index in range(bisect_left(runs, key), len(runs)):
            run = runs[index]
            if not run.startswith(key):
                break
            found |= {
                name
                for name in run_together[run] - {written}
                if not is_legal_form(run[len(key) :])  # "barrettengineering" of "… llc"
            }
    return next(iter(found)) if len(found) == 1 else None


def _the_whole(key: str, every: list[str], known: set[str]) -> str | None:
    """The one key that goes on from ``key`` inside its last word; or, where that last word begins
    a legal form's ("lim"), the key without it, if it is one."""
    found = _going_on(key, every)
    if len(found) == 1:
        return found[0]
    if found:
        return None
    words = key.split()
    last = words[-1] if words else ""
    if (
        len(words) > 2
        and not is_legal_form(last)  # "… LLC" is whole, and kept apart from "… Inc."
        and any(form.startswith(last) and form != last for form in _LONG_FORMS)
    ):
        shorter = " ".join(words[:-1])
        if shorter in known:
            return shorter
    return None


def _going_on(key: str, every: list[str]) -> list[str]:
    """The keys that begin with ``key`` and go on inside its last word."""
    found = []
    for index in range(bisect_left(every, key), len(every)):  # (no slice copied per key: speed)
        other = every[index]
        if not other.startswith(key):
            break
        if len(other) > len(key) and other[len(key)].isalpha():
            found.append(other)
    return found
