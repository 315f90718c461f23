"""Which Windows code page a text export that is not UTF-8 was saved in.

Excel and most accounting systems save CSV in the machine's "ANSI" code page: Windows-1252 in
Western Europe and the Americas, 1250 in Central Europe, 1254 in Turkey, 1251 for Cyrillic, 1253 for
Greek, 1257 in the Baltics. The bytes carry no label, and most high bytes are letters in every one of
these pages (0xE8 is "è" in 1252 and "č" in 1250), so the page is judged by the *words* the decoded
letters make: a Czech bill read as 1252 has words no language of that page writes with those letters
("Odbìratel", "Doporuèená"), while read as 1250 its words are Czech. Distinct words are counted, not
occurrences, so a currency word on every line ("Kč") weighs as much as a name met once.

Windows-1252 stays unless another page leaves at most half as many odd words: a Western file with
few accents, or names from many Western languages, is never re-read. Cyrillic and Greek are told by
whole, well-cased words of their script; Chinese and Korean double-byte pages by ideographs standing
among their own rather than inside Latin words.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

#: A run of letters.
_WORD = re.compile(r"[^\W\d_]+")
#: The page read when nothing argues for another.
DEFAULT = "cp1252"

#: The letters beyond ASCII each language writes, by the code page its Windows machines save in.
_WESTERN = (
    "äöüß",  # German
    "àâçéèêëîïôœùûüÿ",  # French (its rare "æ", as in "ex æquo", is in the Nordic alphabets)
    "áéíñóúü",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóù",  # Italian
    "áéëíïóöúü",  # Dutch
    "åäöé",  # Swedish
    "æøåéóô",  # Danish, Norwegian
    "äöåšž",  # Finnish
    "áðéíóúýþæö",  # Icelandic
    "àçèéíïòóúü",  # Catalan
)
_ALPHABETS: dict[str, tuple[str, ...]] = {
    "cp1252": _WESTERN,
    "cp1250": (
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "ąćęłńóśźż",  # Polish
        "áéíóöőúüű",  # Hungarian
        "čćđšž",  # Croatian, Slovene, Bosnian
        "ăâîșțşţ",  # Romanian
        "äöüß",  # German, the region's business language
    ),
    # Windows-1254 is 1252 with six letters made Turkish: Western names stay as they were.
    "cp1254": ("çğıİöşüâîû", *_WESTERN),
    "cp1257": (
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
        "äöõüšž",  # Estonian
        "äöüß",  # German
    ),
}
#: Pages whose letters are a script of their own: every letter of the script is the language's.
_SCRIPTS: dict[str, tuple[str, str]] = {
    "cp1251": ("\u0400", "\u04ff"),  # Cyrillic
    "cp1253": ("\u0370", "\u03ff"),  # Greek
}
#: The share of the distinct words with letters beyond ASCII that must be wholly in a page's script
#: (two letters or more): a Western file read as Windows-1251 is all Cyrillic letters too, but
#: inside Latin words ("Mьller").
_SCRIPT_WORDS = 0.8
#: Fewer such words than this is no evidence of a script.
_FEWEST_SCRIPT_WORDS = 3
#: Fewer distinct words that one page cannot spell in any of its languages than this is no evidence.
_FEWEST_ODD_WORDS = 2


def code_page(lines: Iterable[bytes]) -> str:
    """The code page the lines (the ones that are not UTF-8) were most likely saved in."""
    sample = b"".join(lines)[:200_000]
    if sample.isascii():
        return DEFAULT
    scripts = {page: _written_in_script(page, sample) for page in _SCRIPTS}
    script = max(scripts, key=lambda page: scripts[page])
    if scripts[script] >= _SCRIPT_WORDS:
        return script
    odd = _odd_words(DEFAULT, sample)
    if odd < _FEWEST_ODD_WORDS:
        return DEFAULT
    best, fewest = DEFAULT, odd
    for page in _ALPHABETS:
        if page != DEFAULT and (count := _odd_words(page, sample)) < fewest:
            best, fewest = page, count
    return best if fewest * 2 <= odd else DEFAULT


def _odd_words(page: str, sample: bytes) -> int:
    """How many distinct words, read in the page, no one of its languages writes with those letters."""
    alphabets = [frozenset(alphabet) for alphabet in _ALPHABETS[page]]
    odd = 0
    for word in set(_WORD.findall(sample.decode(page, errors="replace"))):
        letters = {_lower(char) for char in word if not char.isascii()}
        if letters and not any(letters <= alphabet for alphabet in alphabets):
            odd += 1
    return odd


def _written_in_script(page: str, sample: bytes) -> float:
    """The share of the distinct words with a letter beyond ASCII that are wholly in the page's
    script and cased as words are."""
    first, last = _SCRIPTS[page]
    mixed = pure = 0
    for word in set(_WORD.findall(sample.decode(page, errors="replace"))):
        if word.isascii() or len(word) < 2:
            continue
        if _well_cased(word) and all(first <= char.lower() <= last for char in word):
            pure += 1
        else:
            mixed += 1
    return pure / (pure + mixed) if pure + mixed >= _FEWEST_SCRIPT_WORDS else 0.0


def _well_cased(word: str) -> bool:
    """Lower case, upper case, or a capital then lower case: Greek read as Cyrillic puts capitals
    inside words (its accented vowels are Cyrillic capitals)."""
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def _lower(char: str) -> str:
    """The letter in lower case; Turkish "İ" stays itself (its lower case is two characters)."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


#: The double-byte pages of Chinese and Korean exports, and the letters each writes.
_DOUBLE_BYTE = (
    ("gb18030", "\u4e00", "\u9fff"),  # Simplified Chinese (GBK is its subset)
    ("big5", "\u4e00", "\u9fff"),  # Traditional Chinese
    ("cp949", "\uac00", "\ud7a3"),  # Korean
)
#: At least this many of a page's letters, few of them touching a Latin letter, make a file of
#: that page (a Western file read as GB18030 has its ideographs inside Latin words: "M鷏ler").
_FEWEST_IDEOGRAPHS = 8
_INSIDE_LATIN = 0.3


def double_byte_page(data: bytes) -> str | None:
    """The Chinese or Korean page a file that is not UTF-8 was saved in, else ``None``.

    A Western file decodes as GB18030 too (each accented letter takes the next byte into one
    ideograph), but its ideographs stand inside Latin words; Chinese and Korean ones stand among
    their own, digits and punctuation."""
    sample = data[:20000]
    for page, first, last in _DOUBLE_BYTE:
        try:  # the sample may end inside a character: not final
            text = codecs.getincrementaldecoder(page)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        ideographs = [i for i, char in enumerate(text) if first <= char <= last]
        if len(ideographs) < _FEWEST_IDEOGRAPHS:
            continue
        inside_latin = sum(1 for i in ideographs if _latin(text, i - 1) or _latin(text, i + 1))
        if inside_latin <= _INSIDE_LATIN * len(ideographs):
            return page
    return None


def _latin(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalpha()
