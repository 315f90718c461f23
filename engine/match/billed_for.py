"""A line billed under one account for another client it names: "Bitwarden Teams – for Ashgrove
Logistics B.V." under Ashgrove Group's account is Ashgrove Logistics' seats (a parent billed for
its subsidiary's licences), where the other side bills that client by that name and the two are
of one family (names that begin alike)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, MutableMapping, Sequence

from rapidfuzz import fuzz

from engine.lines.line import Line
from engine.match.client_keys import client_key

#: Where a client's name may begin: after "for" ("… – for Ashgrove Logistics B.V.", "… (for:
#: Ashgrove Logistics B.V.)", "… billed for …"); the name runs to the end of the text.
_FOR = re.compile(r"(?:^|[\s(])(?:billed\s+)?for:?\s+", re.IGNORECASE)


def book_to_named_clients(
    lines: Sequence[Line], keys: MutableMapping[str, str], other_keys: Mapping[str, str]
) -> None:
    """Each line whose description ends naming, after "for", a client the other side bills by
    that name, and not its own account, is that client's line (the last "for" first: "Defender
    for Office 365 – for Kestrel Logistics B.V.")."""
    known = set(other_keys.values())
    spellings: dict[str, list[tuple[str, str]]] | None = None  # first word → (key, spelling)
    for line in lines:
        if line.exclusion is not None:
            continue
        for text in (line.product, line.product_alt):  # the description may be the second name
            name = _named_client(text, known) if "for" in text.lower() else None
            if name is None or not _a_sibling(named := client_key(name), keys[line.client]):
                continue
            if spellings is None:  # (speed: built once, and only for a bill that needs it)
                spellings = defaultdict(list)
                for spelling, key in keys.items():
                    spellings[key.split()[0] if key else ""].append((key, spelling))
            spelling = _own_spelling(named, spellings.get(named.split()[0], [])) or name
            line.book_to(spelling)
            if spelling not in keys:
                keys[spelling] = named
                spellings[named.split()[0]].append((named, spelling))
            break


def _a_sibling(named: str, own: str) -> bool:
    """The client named is another of the account's family ("Ashgrove Logistics" on Ashgrove
    Group's account): its name begins as the account's does and is not the account's own. A name
    of no family of the account's may be the account's own in other words ("for Meridian Family
    Practice" on "MFP Limited"'s, "for Granite Dental Group" on "Jessop, Owen (Granite Dental
    Group)"'s): the line stays where it is."""
    return named.split()[:1] == own.split()[:1] and not _names_its_own(named, own)


def _names_its_own(named: str, own: str) -> bool:
    """The name is the line's own client's, whole, in part or spelled as the other side spells
    it ("for Willowbank Pharmacy Store 9" under "Holloway, Jack (Willowbank Pharmacy Store 9)",
    "for Pelican Joinery" under "Pelican Joinery sp. z o.o. - Poznań", "for BrightStar
    Chiropractic" under "Bright-Star Chiropractic Corp.", "for Emma Jessop Joinery" under "E
    Jessop Joinery"); a sibling's name differs more ("Ashgrove Logistics" under "Ashgrove Group")."""
    if named == own or set(named.split()) <= set(own.split()):
        return True
    return fuzz.ratio(named.replace(" ", ""), own.replace(" ", "")) >= _SAME_CLIENT


#: How alike (rapidfuzz ratio, spaces aside) a name is to the account's own to be its own: the
#: set's own spellings score 90 or more, siblings under a parent 72 at most.
_SAME_CLIENT = 85


def _own_spelling(key: str, alike: list[tuple[str, str]]) -> str | None:
    """The side's own spelling of the client named, with a note after its name ("Ashgrove
    Logistics B.V. (client since 2017)" for "Ashgrove Logistics B.V."): the one spelling whose key
    begins with the name's, where none is the name's key itself. ``alike`` holds the side's
    (key, spelling) pairs whose key begins with the name's first word."""
    if any(own == key for own, _ in alike):
        return None
    found = {own: spelling for own, spelling in alike if own.startswith(key + " ")}
    return next(iter(found.values())) if len(found) == 1 else None


def _named_client(text: str, known: set[str]) -> str | None:
    """The client named at the end of ``text`` after "for", if the other side knows it."""
    for found in reversed(list(_FOR.finditer(text))):
        name = text[found.end() :].strip()
        if found[0].lstrip().startswith("("):
            name = name.removesuffix(")").strip()
        if len(name) >= 3 and client_key(name) in known:
            return name
    return None
