"""A client's name with something of the book's own around it that the other side lacks.

People keep more than the name in a customer's name field: a tagline ("Southern Cross Property Group
– Your Local Experts", "… | Since forever"), an instruction to the biller ("Nguyen Dental / Rechnung
an Zentrale", "… (réf. bon de commande obligatoire)"), an account's state ("… (Mahnstufe 2)"), or
a tag in front ("MSA-GOLD COAST PHARMACY STORE 17", "[MANAGED] …", "~…", "!VIP …"). No list of such words
can be complete, so the evidence is the other side: the name without that tail or tag is, word
for word, the name of one client there — and of no other client on its own side (two branches
"Acme Corp - North" and "- South" are two clients, whatever the bill calls one of them).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import lru_cache

from rapidfuzz import fuzz

from engine.match.client_evidence import name_fit
from engine.match.client_keys import client_key
from engine.match.client_notes import names_a_branch
from engine.match.pair_counts import once_each_way

#: Where a tail begins: a dash, a bar, a slash or a middle dot set off by spaces ("… Ltd · Freight
#: forwarding service", a map listing's category), or a bracket after a space.
_TAIL = re.compile(r"\s+(?:[-\u2013\u2014|/\u00b7\u2022]\s+|[(\[])")
#: A tag in front of the name: bracketed, marks, or capitals joined to it by hyphens ("ZZ-OLD-").
_LEADING_TAG = re.compile(
    r"^\s*(?:\[[^\]]{1,24}\]|[~*#!_]+(?:[A-Z]{2,6}\b)?|(?:[A-Z]{2,6}-)+(?=[A-Z]))\s*"
)


@lru_cache(maxsize=65536)
def stems(name: str) -> frozenset[str]:
    """The keys of ``name`` without its tail, without its tag, and without both (those that
    differ from its own key and still name something)."""
    return frozenset(_stemmed(name))


def _stemmed(name: str) -> dict[str, str]:
    """:func:`stems`, each with the text it is the key of."""
    heads = {name}
    if (tagged := _LEADING_TAG.match(name)) is not None:
        heads.add(name[tagged.end() :])
    for head in list(heads):
        if (tail := _TAIL.search(head)) is not None and tail.start() > 0:
            heads.add(head[: tail.start()])
            if not head[: tail.start()].isascii() and not _in_latin_letters(head[: tail.start()]):
                # the name in another script first, then in Latin letters: "青葉建設株式会社 /
                # Aoba Kensetsu - invoices to Head Office" (after a name in Latin letters, what
                # follows is a branch or a note: "… - Lakeside LLC")
                rest = head[tail.end() :]
                heads.add(rest[: more.start()] if (more := _TAIL.search(rest)) else rest)
    own = client_key(name)
    return {
        key: head
        for head in sorted(heads)
        if (key := client_key(head)) != own and _names_something(key)
    }


def noted_names(free: Mapping[str, str], keys: Collection[str]) -> dict[str, tuple[str, str]]:
    """Each free client's key → the key and text of its name without the note after it or the
    tag before it (:func:`stems`; the shortest), where no other free client of its side stems the
    same and no client of its side is so named: a note no list knows ("(YE 31/03)", "(Tungsten)",
    "(post invoices)") around a name typed another way ("Saitou" for "Saito") is read by the name
    tiers with the note set aside."""
    chosen: dict[str, tuple[str, str]] = {}
    claimed: Counter[str] = Counter()
    for key, name in free.items():
        if not _TAIL.search(name) and not _LEADING_TAG.match(name):
            continue  # (speed: most names have neither)
        found = {
            stem: head
            for stem, head in _stemmed(name).items()
            if stem not in keys and not names_a_branch(name.replace(head, "", 1))
        }
        if found:
            claimed.update(list(found))
            shortest = min(found, key=lambda stem: (len(stem), stem))
            chosen[key] = (shortest, found[shortest])
    return {key: stem for key, stem in chosen.items() if claimed[stem[0]] == 1}


def _in_latin_letters(text: str) -> bool:
    """Letters of the Latin script only (accented ones too: "Thériault")."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def _names_something(key: str) -> bool:
    return any(len(word) >= 3 and not word.isdigit() for word in key.split())


def tail_pairs(
    vendor: Mapping[str, str],
    psa: Mapping[str, str],
    names_of: Callable[[str, str], Iterable[str]],
) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs where one side's name without its tail or tag is a name of the
    other side's client (``names_of(key, name)``: its key and the other names it holds, such as a
    trust and its trustee), once each way, and no other client of its side stems the same."""
    pairs: list[tuple[str, str]] = []
    for tailed, other, flip in ((psa, vendor, False), (vendor, psa, True)):
        by_name: dict[str, set[str]] = defaultdict(set)
        for key, name in other.items():
            for known in names_of(key, name):
                by_name[known].add(key)
        own_names: dict[str, set[str]] = defaultdict(set)
        found: dict[str, set[str]] = {}
        for key, name in tailed.items():
            own_names[key].add(key)
            for stem in stems(name):
                own_names[stem].add(key)
                found.setdefault(key, set()).update(by_name.get(stem, ()))
        claimed: dict[str, int] = defaultdict(int)
        for keys in found.values():
            for match in keys:
                claimed[match] += 1
        for key, matches in found.items():
            if len(matches) != 1:
                continue
            match = next(iter(matches))
            if claimed[match] != 1 or any(
                own_names[stem] != {key} for stem in stems(tailed[key]) if match in by_name[stem]
            ):
                continue
            pairs.append((key, match) if flip else (match, key))
    return once_each_way(pairs)


def slipped_part_pairs(
    vendor: Mapping[str, str],
    psa: Mapping[str, str],
    names_of: Callable[[str, str], Iterable[str]],
) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs where one side's name, or its stem, is one slip of the pen from
    a name the other side's client holds besides its own: a trading name, a trust, the name in
    its tail ("MaceLllan Accounting" for "Fenwick Holdings Ltd. DBA MacLellan Accounting",
    "Trasnport Thériault & Pelletier (Mahnstufe 2)" for "… DBA Transport Thériault & Pelletier").
    Once each way, and never where another client's own name is one slip away as well: a slip
    two names could have made decides nothing."""
    pairs: list[tuple[str, str]] = []
    for typed, other, flip in ((psa, vendor, False), (vendor, psa, True)):
        parts: dict[str, set[str]] = defaultdict(set)  # a name a client holds → the clients
        for key, name in other.items():
            for known in names_of(key, name):
                if known != key and _names_something(known):
                    parts[known].add(key)
        if not parts:
            continue
        part_index = _by_word(parts)
        key_index: dict[str, set[str]] | None = None  # built only when a part is hit (speed)
        found: dict[str, set[str]] = {}
        for key, name in typed.items():
            for candidate in {key, *stems(name)}:
                hits = [k for k in _near(candidate, part_index) if _one_slip(candidate, k)]
                if not hits:
                    continue
                if key_index is None:
                    key_index = _by_word(other)
                found.setdefault(key, set()).update(o for k in hits for o in parts[k])
                # another client's own name one slip away makes the slip ambiguous
                found[key].update(k for k in _near(candidate, key_index) if _one_slip(candidate, k))
        claimed: dict[str, int] = defaultdict(int)
        for matches in found.values():
            for match in matches:
                claimed[match] += 1
        for key, matches in found.items():
            if len(matches) == 1 and claimed[(match := next(iter(matches)))] == 1:
                pairs.append((key, match) if flip else (match, key))
    return once_each_way(pairs)


def _by_word(names: Iterable[str]) -> dict[str, set[str]]:
    """Names by the first three letters of each of their words of four letters or more."""
    index: dict[str, set[str]] = defaultdict(set)
    for known in names:
        for word in known.split():
            if len(word) >= 4:
                index[word[:3]].add(known)
    return index


def _near(candidate: str, index: Mapping[str, set[str]]) -> set[str]:
    return {k for w in candidate.split() if len(w) >= 4 for k in index.get(w[:3], ())}


def _one_slip(typed: str, name: str) -> bool:
    """The same words but for one slip in one of them, nothing more on either side."""
    fitted = name_fit(typed, name)
    return (
        fuzz.ratio(typed, name) >= _SLIP_RATIO  # a slip, not another ending ("Lakeshore")
        and fitted is not None
        and not fitted.extra
        and not fitted.loose
        and fitted.approximate == 1
        and not fitted.initials
    )


#: How alike, letter for letter, a name and its slip are (rapidfuzz's ratio, 0 to 100).
_SLIP_RATIO = 90


#: A character an export's code page could not write, written "?" inside a word ("Red?liffe Ag?d
#: Care Ltd" from a Windows-1250 file): a letter, or two, or an accent, unknown.
_LOST = re.compile(r"(?<=\w)\?|\?(?=\w)")
_LOST_MARK = "xqzx"  # survives the key's folding as letters no name holds


def lost_letter_pairs(
    vendor: Mapping[str, str],
    psa: Mapping[str, str],
    names_of: Callable[[str, str], Iterable[str]],
) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs where one side's name has characters the export could not
    write ("?") and, read with any letter or two there, is the name of one client on the other
    side, once each way."""
    pairs: list[tuple[str, str]] = []
    for lossy, other, flip in ((psa, vendor, False), (vendor, psa, True)):
        marked = {
            key: client_key(_LOST.sub(_LOST_MARK, name))
            for key, name in lossy.items()
            if "?" in name and _LOST.search(name)
        }
        if not marked:
            continue
        known: dict[str, set[str]] = defaultdict(set)
        for key, name in other.items():
            for written in names_of(key, name):
                known[written].add(key)
        for key, written in marked.items():
            if _LOST_MARK not in written:
                continue
            pattern = re.compile("^" + re.escape(written).replace(_LOST_MARK, "[a-z]{0,2}") + "$")
            found = {match for name, keys in known.items() if pattern.match(name) for match in keys}
            if len(found) == 1:
                match = next(iter(found))
                pairs.append((key, match) if flip else (match, key))
    return once_each_way(pairs)
