"""English product words written in Japanese katakana, read back by their consonants.

A Japanese catalogue or a person typing in Japanese writes "Microsoft 365 Business Premium" as
"マイクロソフト 365 ビジネス プレミアム". Spelled in Latin letters (``anyascii``) that is
"maikurosofuto 365 bijinesu puremiamu": no English word, but the same consonants in the same order
once both spellings are read the way katakana borrows English sounds (l and r are one sound, v is
b, a vowel is added after each consonant, an r after a vowel is left out, "ti" before a vowel is
"shi"). :func:`sounds` gives a word's consonant skeleton from either spelling, so "bijinesu" and
"business" both read "BSNS", "akuronisu" and "acronis" both "KRNS".

Nothing here is a dictionary of translations: the English words are the catalogue's and the bill's
own, and a romanised word is only ever compared with them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

#: A word spelled as katakana is romanised: syllables of one consonant (or a digraph) and a vowel,
#: "n" alone, or the "t" of a doubled consonant ("akurobatto", "beshitku").
_ROMANISED = re.compile(
    r"(?:(?:ts|sh|ch|[kgsztdnhbpmyrwfjv])?y?[aeiou]+|n(?![aeiouy])|t(?=[kstpcb]))+"
)
_VOWELS = frozenset("aeiouy")


#: What romanised katakana shows and English words seldom do: syllables it writes for a consonant
#: with no vowel after it ("ku" of "kurosofuto", "su" of "bijinesu") or that only Japanese spells so
#: ("shi", "tsu", "fu"), "n" before p, b or m ("konpurito"), a doubled consonant ("akurobatto").
_KATAKANA_MARK = re.compile(r"(?=(tsu|shi|chi|fu|ji|zu|[kgsbpmr]u|n[pbm]|tt|kk|pp|ss))")


def looks_romanised(word: str) -> bool:
    """``word`` is written the way romanised katakana is: syllables only, with no l, q, v, x or a
    c but in "ch", and two marks at least that katakana leaves ("suite", "data", "online" and
    "retention" are English words)."""
    return (
        len(word) >= 4
        and word.isalpha()
        and _ROMANISED.fullmatch(word) is not None
        and not any(letter in word for letter in "lqvx")
        and "c" not in word.replace("ch", "")
        and len(_KATAKANA_MARK.findall(word)) >= 2
    )


@lru_cache(maxsize=65536)
def romanised_sounds(word: str) -> str:
    """The consonants of a romanised katakana word: "maikurosofuto" → "MKRSFT"."""
    out: list[str] = []
    i = 0
    while i < len(word):
        rest = word[i:]
        if rest.startswith("tsu"):
            out.append("T")
            i += 3
        elif rest.startswith(("sh", "ch")):
            out.append("S" if rest[0] == "s" else "T")
            i += 2
        elif rest[0] == "t" and len(rest) > 1 and rest[1] not in _VOWELS:
            i += 1  # the doubled consonant's mark ("ッ"): "beshitku" is "beshikku"
        elif rest[0] == "n" and len(rest) > 1 and rest[1] in "pbm":
            out.append("M")
            i += 1
        else:
            out.append(_CONSONANT.get(rest[0], ""))
            i += 1
    return _collapsed(out)


@lru_cache(maxsize=65536)
def english_sounds(word: str) -> frozenset[str]:
    """The consonants of an English word as katakana borrows it ("archive": "TB" or "KB", its
    "ch" heard either way)."""
    found = [""]
    i = 0
    while i < len(word):
        rest, after = word[i:], word[i + 1 : i + 2]
        step, sounds = 1, [_CONSONANT.get(rest[0], "")]
        if rest.startswith("ph"):
            step, sounds = 2, ["F"]
        elif rest.startswith("ch"):
            step, sounds = 2, ["T", "K"]
        elif rest.startswith(("sh", "th")):
            step, sounds = 2, ["S"]
        elif rest.startswith(("ck", "qu")):
            step, sounds = 2, ["K"]
        elif rest.startswith("ti") and word[i + 2 : i + 3] in _VOWELS and i + 2 < len(word):
            step, sounds = 2, ["S"]  # "-tion", "-tial"
        elif rest[0] == "x":
            sounds = ["KS"]
        elif rest[0] in "cg":
            soft = after in ("e", "i", "y")
            sounds = ["S" if soft else ("K" if rest[0] == "c" else "G")]
        elif rest[0] == "r" and after not in _VOWELS:
            sounds = [""]  # "standard", "power": the r after a vowel is not written
        elif rest[0] == "n" and after in ("p", "b", "m"):
            sounds = ["M"]
        found = [f + sound for f in found for sound in sounds]
        i += step
    return frozenset(_collapsed(list(sound)) for sound in found)


def _collapsed(sounds: list[str]) -> str:
    out: list[str] = []
    for sound in "".join(sounds):
        if not out or out[-1] != sound:
            out.append(sound)
    return "".join(out)


_CONSONANT = {
    **dict.fromkeys("bv", "B"),
    **dict.fromkeys("kq", "K"),
    **dict.fromkeys("sjz", "S"),
    **dict.fromkeys("rl", "R"),
    "p": "P",
    "f": "F",
    "t": "T",
    "d": "D",
    "m": "M",
    "n": "N",
    "g": "G",
    "c": "K",
}


def same_word(romanised: str, english: str) -> bool:
    """A romanised katakana word is the English word: the same consonants, three at least, or two
    and letters not far apart ("ofuisu" is "office"; "saiba" no "server")."""
    sounds = romanised_sounds(romanised)
    if len(sounds) < 2 or sounds not in english_sounds(english):
        return False
    # two consonants say little: the letters must be near too ("ofuisu", "office")
    return len(sounds) > 2 or Levenshtein.distance(romanised, english) <= 0.75 * len(english)


def sounds_like(romanised: str, english: str) -> bool:
    """Beside one word of a product's name (not the whole catalogue), the same consonants, two at
    least, are enough: "saiba" beside Acronis Cyber Protect is "cyber"."""
    sounds = romanised_sounds(romanised)
    return len(sounds) >= 2 and sounds in english_sounds(english)


@lru_cache(maxsize=8)
def _by_sounds(words: frozenset[str]) -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for word in words:
        if word.isalpha() and len(word) >= 3 and _VOWELS & set(word):
            for sound in english_sounds(word):
                index[sound].add(word)
    return {sound: frozenset(found) for sound, found in index.items()}


@lru_cache(maxsize=4096)
def english_word(romanised: str, words: frozenset[str]) -> str | None:
    """The word of ``words`` the romanised katakana word is: the one whose consonants it has,
    or of several the one clearly nearest in its letters ("puran": "plan", not "planner"). The
    caller knows the word was written in katakana."""
    found = sorted(
        (Levenshtein.distance(romanised, word), word)
        for word in _by_sounds(words).get(romanised_sounds(romanised), ())
        if same_word(romanised, word)
    )
    if not found or (len(found) > 1 and found[0][0] == found[1][0]):
        return None
    return found[0][1]
