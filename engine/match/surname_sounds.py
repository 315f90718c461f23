"""Two spellings of one spoken name: a surname taken down over the phone ("Neal" for Neill, "Kay"
for Kaye, "Stevens" for Stephens) or transliterated by another language's rules ("Schuk" and
"Zhuk" are one Ukrainian name, written as German and English write it).

The sound is Metaphone's (jellyfish), read after the few spellings that write one sound in several
ways ("sch" and "zh", a silent final "e"). Two words that sound alike are never proof on their
own: the caller asks what the client buys to confirm them.

>>> sounds_alike("neal", "neill"), sounds_alike("kay", "kaye"), sounds_alike("zhuk", "schuk")
(True, True, True)
>>> sounds_alike("dental", "mental"), sounds_alike("north", "south")
(False, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import OSA

#: Letters that write one sound in several ways: German "sch" and English "zh" (Ж), "sh"; the
#: Gaelic sound Scots write "ch" and the Irish "gh" after a vowel ("Lachlan", "Laughlin")
_ONE_SOUND = (("tsch", "ch"), ("sch", "sh"), ("zh", "sh"), ("augh", "ach"), ("ough", "och"))
#: A silent final "e" after a consonant or "y" ("Kaye", "Greene", "Clarke")
_SILENT_E = re.compile(r"(?<=[^aeiou])e$")


def _spoken(word: str) -> str:
    for written, sound in _ONE_SOUND:
        word = word.replace(written, sound)
    return _SILENT_E.sub("", word) if len(word) > 3 else word


@lru_cache(maxsize=65536)
def sounds_alike(a: str, b: str) -> bool:
    """Whether two words of letters, three at least, sound the same: the same Metaphone key of
    two sounds at least, or of one when the words are a letter apart and begin alike."""
    if a == b or not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < 3:
        return False
    spoken_a, spoken_b = _spoken(a), _spoken(b)
    key = jellyfish.metaphone(spoken_a)
    if key != jellyfish.metaphone(spoken_b):
        return False
    return len(key) >= 2 or (a[0] == b[0] and OSA.distance(a, b, score_cutoff=1) <= 1)
