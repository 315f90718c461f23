"""Two companies whose names differ only in their legal form ("Yeoman Logistics AG" and "Yeoman
Logistics Co., Ltd.") or in a leading "The" are two companies.

A client's key drops the legal form and "The", so that "Contoso Ltd", "Contoso Limited" and "The
Contoso Ltd" are one client. When one export has two spellings of a key whose legal forms share no
form ("LLP" / "Limited"; "Company" may be part of the name, so it alone is no form in common), those
are not two spellings of one company: their keys keep the legal form, on both sides, so each pairs
with its own. A spelling without a legal form, or with a typo of one ("Limietd"), keeps the plain
key. The vendor's bill names each of its customers one way, the way the tenant was set up: when it
names a key both with and without a leading "The" ("The Murray Plumbing Services Pty Ltd" beside
"Murray Plumbing Services Pty Ltd"), those are two tenants, and their keys keep the "The" on both
sides. (A PSA typed by people may write one company both ways, so its spellings alone decide no
"The".)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import MutableMapping, Set

from engine.folding import folded
from engine.match.legal_forms import LEGAL_FORMS

#: Spellings of one kind of legal form.
_SAME_KIND = {
    "limited": "ltd",
    "incorporated": "inc",
    "corporation": "corp",
    "company": "co",
    "pty": "ltd",  # "Pty Ltd", "Pty. Limited": a limited company
    "ltda": "ltd",
    "lda": "ltd",
    "oyj": "oy",
}
_WORDS = re.compile(r"[a-z]+")


#: Legal forms written out in full, as the form they are ("… Public Limited Company" is a plc).
_WRITTEN_OUT = {
    "public limited company": "plc",
    "limited liability company": "llc",
    "limited liability partnership": "llp",
    "proprietary limited": "pty ltd",
    "gesellschaft mit beschrankter haftung": "gmbh",
    "aktiengesellschaft": "ag",
    "societe a responsabilite limitee": "sarl",
    "societe par actions simplifiee": "sas",
    "societe anonyme": "sa",
    "sociedad de responsabilidad limitada": "srl",
    "sociedad limitada": "sl",
    "sociedad anonima": "sa",
    "sociedade limitada": "ltda",
    "sociedade anonima": "sa",
    "societa a responsabilita limitata": "srl",
    "societa per azioni": "spa",
    "besloten vennootschap": "bv",
    "naamloze vennootschap": "nv",
    "aktiebolag": "ab",
    "osakeyhtio": "oy",
    "aksjeselskap": "as",
    "aktieselskab": "as",
    "anpartsselskab": "aps",
    "sendirian berhad": "sdn bhd",
    "kabushiki kaisha": "kk",
    "korlatolt felelossegu tarsasag": "kft",
}
_WRITTEN_OUT_AT_END = re.compile(
    r"\b(" + "|".join(sorted(_WRITTEN_OUT, key=len, reverse=True)) + r")\s*$"
)


def legal_kind(name: str) -> str:
    """The kinds of legal form a name ends in ("co ltd", "ag"); '' when it ends in none."""
    text = " ".join(_WORDS.findall(folded(name).replace(".", "")))
    text = _WRITTEN_OUT_AT_END.sub(lambda m: _WRITTEN_OUT[m.group(1)], text)
    words = text.split()
    kinds: set[str] = set()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        word = words.pop()
        kinds.add(_SAME_KIND.get(word, word))
    return " ".join(sorted(kinds))


def separate_legal_twins(
    vendor_keys: MutableMapping[str, str], psa_keys: MutableMapping[str, str]
) -> None:
    """Give the spellings of a key whose one side names two kinds of legal form keys that keep it,
    and those of a key the vendor names with and without "The" keys that keep the "The"."""
    twins: set[str] = set()
    for keys in (vendor_keys, psa_keys):
        per_side: dict[str, set[frozenset[str]]] = defaultdict(set)
        for spelling, key in keys.items():
            if kind := legal_kind(spelling):
                per_side[key].add(frozenset(kind.split()))
        for key, found in per_side.items():
            if any(_different_forms(a, b) for a in found for b in found if a != b):
                twins.add(key)
    the_twins = _the_twins(vendor_keys)
    for keys in (vendor_keys, psa_keys):
        for spelling, key in list(keys.items()):
            new = key
            if key in twins and (kind := legal_kind(spelling)):
                new = f"{new} {kind}"
            if key in the_twins and _THE.match(folded(spelling)):
                new = f"the {new}"
            keys[spelling] = new


def _different_forms(a: frozenset[str], b: frozenset[str]) -> bool:
    """No form in common ("AG" / "Co., Ltd."; not "Ltd" / "Co. Ltd"), "Company" aside: it is often
    part of the name ("Cotswold Plumbing Company LLP" / "… Company Limited")."""
    a_forms, b_forms = a - _NAME_WORD, b - _NAME_WORD
    return a.isdisjoint(b) or (bool(a_forms) and bool(b_forms) and a_forms.isdisjoint(b_forms))


_NAME_WORD = frozenset(["co"])
_THE = re.compile(r"^\W*the\s")


def starts_with_the(spelling: str) -> bool:
    """Whether a name begins with "The" ("The Murray Plumbing Services Pty Ltd")."""
    return bool(_THE.match(folded(spelling)))


def crosses_the_twin(vendor_key: str, psa_name: str, the_twins: Set[str]) -> bool:
    """Pairing a vendor tenant named with "The" with a PSA name without it, or the other way round,
    where the vendor names both: each of those twins pairs with its own."""
    if vendor_key in the_twins:
        return starts_with_the(psa_name)
    return (
        vendor_key.startswith("the ")
        and vendor_key[4:] in the_twins
        and not starts_with_the(psa_name)
    )


def _the_twins(vendor_keys: MutableMapping[str, str]) -> set[str]:
    """The keys the vendor names both with and without a leading "The"."""
    with_the: dict[str, set[bool]] = defaultdict(set)
    for spelling, key in vendor_keys.items():
        with_the[key].add(bool(_THE.match(folded(spelling))))
    return {key for key, found in with_the.items() if len(found) == 2}
