"""A client whose name has words written as their initials on one side: "Whitfield & Delgado CPAs
LLP" is the bill's "Whitfield & Delgado Certified Public Accountants LLP", "Cedar Valley ISD" its
"Cedar Valley Independent School District", "Oakwood MAT" its "Oakwood Multi-Academy Trust".

Every other word must be the same, and the short name must stand for one name on the other side
only (and be the only one of its side to do so): two names that initials make alike are left to
the evidence tiers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def initials_pairs(vendor_keys: Iterable[str], psa_keys: Iterable[str]) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs whose keys are alike but for a run of words and its initials."""
    vendors, psas = list(vendor_keys), list(psa_keys)
    pairs = [*_shortened(vendors, psas, flip=False), *_shortened(psas, vendors, flip=True)]
    vendor_used: dict[str, int] = defaultdict(int)
    psa_used: dict[str, int] = defaultdict(int)
    for vendor, psa in pairs:
        vendor_used[vendor] += 1
        psa_used[psa] += 1
    return [(v, p) for v, p in dict.fromkeys(pairs) if vendor_used[v] == psa_used[p] == 1]


def _shortened(full_keys: list[str], short_keys: list[str], *, flip: bool) -> list[tuple[str, str]]:
    """Pairs of a full name and a key on the other side that writes a run of its words short."""
    short = set(short_keys)
    found: list[tuple[str, str]] = []
    for key in full_keys:
        for variant in _with_initials(key):
            if variant in short:
                found.append((variant, key) if flip else (key, variant))
    return found


def _with_initials(key: str) -> set[str]:
    """The key with one run of two to four words written as their initials ("certified public
    accountants": "cpa", "cpas"), the rest as it is."""
    words = key.split()
    variants: set[str] = set()
    for start in range(len(words)):
        for end in range(start + 2, min(len(words), start + 4) + 1):
            run = words[start:end]
            if not all(word.isalpha() for word in run) or end - start == len(words):
                continue
            initials = "".join(word[0] for word in run)
            for written in (initials, initials + "s"):
                variants.add(" ".join([*words[:start], written, *words[end:]]))
    return variants
