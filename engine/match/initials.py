"""A client whose name has words written as their initials on one side: "Whitfield & Delgado CPAs
LLP" is the bill's "Whitfield & Delgado Certified Public Accountants LLP", "Cedar Valley ISD" its
"Cedar Valley Independent School District", "Oakwood MAT" its "Oakwood Multi-Academy Trust".

Every other word must be the same, and the short name must stand for one name on the other side
only (and be the only one of its side to do so): two names that initials make alike are left to
the evidence tiers.
"""

from __future__ import annotations

from collections.abc import Mapping

from engine.match.pair_counts import once_each_way


def initials_pairs(vendors: Mapping[str, str], psas: Mapping[str, str]) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs whose keys are alike but for a run of words and its initials.
    ``vendors`` and ``psas`` map each free key to the name it was made from."""
    pairs = [
        *_shortened(list(vendors), _short_forms(psas), flip=False),
        *_shortened(list(psas), _short_forms(vendors), flip=True),
    ]
    return once_each_way(pairs)


def _short_forms(keys: Mapping[str, str]) -> dict[str, str]:
    """Each key as itself, and with the capitals its name ends in that the key left out as a legal
    form: "Ravensworth PC" is a professional corporation's name, or a parish council's initials."""
    forms = {key: key for key in keys}
    for key, name in keys.items():
        words = name.split()
        last = words[-1].replace(".", "") if len(words) > 1 else ""
        if (
            2 <= len(last) <= 4
            and last.isalpha()
            and last.isupper()
            and not key.endswith(last.lower())
        ):
            forms.setdefault(f"{key} {last.lower()}", key)
    return forms


def _shortened(
    full_keys: list[str], short: Mapping[str, str], *, flip: bool
) -> list[tuple[str, str]]:
    """Pairs of a full name and a key on the other side that writes a run of its words short."""
    found: list[tuple[str, str]] = []
    for key in full_keys:
        for variant in _with_initials(key):
            if (other := short.get(variant)) is not None:
                found.append((other, key) if flip else (key, other))
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
