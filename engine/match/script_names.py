"""A client's name in Arabic or Hebrew letters beside the bill's name in Latin ones.

"بن حمدان مركز طبي ذ.م.م" is Bin Hamdan Medical Centre LLC: those scripts write a name's consonants
and leave most vowels out, so spelled in Latin letters (anyascii: "bn hmdn mrkz tby") the name
keeps its skeleton, "hmdn", which "Hamdan" has too. Translated words ("مركز طبي", medical centre)
share nothing, so only the names of people and places say anything, and only with what the two
buy (engine.match.client_baskets).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

_CONSONANT_SCRIPT = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f]")
_VOWELS = re.compile(r"[aeiouy]+")
_NOT_LETTERS = re.compile(r"[^a-z]+")
#: Letters these scripts and their spellings in Latin trade ("ب" is b, Hebrew "ב" often v).
_LIKE = str.maketrans({"v": "b", "w": "", "q": "k", "c": "k"})
#: A skeleton this long or longer says something ("hmdn"); "bn" (bin, ben) does not.
_SHORTEST = 3


def in_consonant_script(key: str) -> bool:
    """A name written in Arabic or Hebrew letters."""
    return _CONSONANT_SCRIPT.search(key) is not None


@lru_cache(maxsize=8192)
def skeletons(key: str) -> frozenset[str]:
    """The consonant skeletons a name's words may have: each word's, and, in Latin letters, each
    two words' together ("Al Safa" is "lsf", as "الصفا" is); in those scripts, a word's without
    its article ("الصفا" is also "sf")."""
    if in_consonant_script(key):
        from anyascii import anyascii  # only for names in those scripts

        words = [_NOT_LETTERS.sub("", w) for w in anyascii(key).lower().split()]
        found = {_skeleton(w) for w in words}
        found |= {s[1:] for s in found if s.startswith("l")}
    else:
        words = [_NOT_LETTERS.sub("", w) for w in key.lower().split()]
        found = {_skeleton(w) for w in words} | {_skeleton(a + b) for a, b in pairwise(words)}
    return frozenset(s for s in found if len(s) >= _SHORTEST)


def _skeleton(word: str) -> str:
    letters = _VOWELS.sub("", word.translate(_LIKE))
    return re.sub(r"(.)\1+", r"\1", letters)  # "mm", "dd": one sound
