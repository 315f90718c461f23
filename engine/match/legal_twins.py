"""Two companies whose names differ only in their legal form ("Yeoman Logistics AG" and "Yeoman
Logistics Co., Ltd.") are two companies.

A client's key drops the legal form, so that "Contoso Ltd" and "Contoso Limited" are one client.
When one export has two spellings of a key whose legal forms share no form, those are not
two spellings of one company: their keys keep the legal form, on both sides, so each pairs with its
own. A spelling without a legal form, or with a typo of one ("Limietd"), keeps the plain key.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import MutableMapping

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


def legal_kind(name: str) -> str:
    """The kinds of legal form a name ends in ("co ltd", "ag"); '' when it ends in none."""
    words = _WORDS.findall(folded(name).replace(".", ""))
    kinds: set[str] = set()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        word = words.pop()
        kinds.add(_SAME_KIND.get(word, word))
    return " ".join(sorted(kinds))


def separate_legal_twins(
    vendor_keys: MutableMapping[str, str], psa_keys: MutableMapping[str, str]
) -> None:
    """Give the spellings of a key whose one side names two kinds of legal form keys that keep it."""
    twins: set[str] = set()
    for keys in (vendor_keys, psa_keys):
        per_side: dict[str, set[frozenset[str]]] = defaultdict(set)
        for spelling, key in keys.items():
            if kind := legal_kind(spelling):
                per_side[key].add(frozenset(kind.split()))
        for key, found in per_side.items():
            # of different kinds: no form in common ("AG" / "Co., Ltd."; not "Ltd" / "Co. Ltd")
            if any(a.isdisjoint(b) for a in found for b in found if a != b):
                twins.add(key)
    for keys in (vendor_keys, psa_keys):
        for spelling, key in list(keys.items()):
            if key in twins and (kind := legal_kind(spelling)):
                keys[spelling] = f"{key} {kind}"
