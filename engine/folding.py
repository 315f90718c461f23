"""Text folded for comparison: accents gone, and the letters NFKD keeps whole written in Latin.

NFKD splits "é" into "e" and an accent, but not "ø", "æ", "ß" or "ł": without this table Danish
"Beløb" compares as "belb" and "Søndergaard" never meets "Sondergaard". Headers, client names and
cut names are folded alike.
"""

from __future__ import annotations

import re
import unicodedata

#: Letters NFKD does not split into a Latin letter and an accent.
LETTERS_NFKD_KEEPS: dict[str, str] = {
    "ø": "o",
    "æ": "ae",
    "ß": "ss",
    "œ": "oe",
    "đ": "d",
    "ł": "l",
    "þ": "th",
    "ð": "d",
    "ı": "i",
}
_KEPT = str.maketrans(LETTERS_NFKD_KEEPS)


def folded(text: str) -> str:
    """Lower case, accents removed, kept letters written in Latin ("Søndergaard Bø" → "sondergaard bo")."""
    if text.isascii():  # most names: NFKD, the accents and the table leave ASCII as it is
        return text.lower()  # (casefold is lower on ASCII)
    text = unicodedata.normalize("NFKD", text.casefold())
    if text.isascii():  # every accent split off is non-ASCII, and so is every kept letter
        return text
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_KEPT)


#: Characters that show nothing: a soft hyphen ("Micr\u00adosoft"), zero-width spaces and joiners,
#: direction marks, a byte-order mark pasted inside a cell.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
#: A character an xlsx writer escaped and a reader left as it was: "_x000D_" is a carriage return.
_XML_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")


def may_hold(text: str, pieces: tuple[str, ...]) -> bool:
    """Whether ``text``, in any case, may hold one of ``pieces`` (written in lower case): a screen in
    front of a slow pattern of many words (speed: Python's ``re`` tries every word at every place,
    ``in`` is one scan in C). Text not in ASCII always may: its case has exceptions ("İ") that only
    the pattern behind the screen reads right."""
    return any(map(text.lower().__contains__, pieces)) or not text.isascii()


def without_invisibles(text: str) -> str:
    """The text without characters that show nothing (client names and product names alike)."""
    return _INVISIBLE.sub("", text)


def without_xml_escapes(text: str) -> str:
    """The text with each escape an xlsx writer left ("Acme Ltd_x000D_") read as a space."""
    return _XML_ESCAPE.sub(" ", text) if "_x" in text else text


#: A word of Latin letters with Greek or Cyrillic ones among them.
_MIXED_SCRIPTS = re.compile(
    r"\w*(?:[a-zA-Z][\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff][a-zA-Z])\w*"
)
#: Greek and Cyrillic letters drawn like Latin ones (Unicode's confusables): inside a Latin word
#: they are the Latin letter they look like ("Liсensing" with a Cyrillic "с" is "Licensing", where
#: spelling it out would give "Lisensing"; "Vаntage Logistics" is Vantage).
_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТХаеорсухіјѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοαρνικτυ",
    "ABEKMHOPCTXaeopcyxijsdqwABEZHIKMNOPTYXoapvikty",
)


def latin_lookalikes(text: str) -> str:
    """The text with each mixed-script word in Latin letters: look-alikes as what they look like,
    any other letter spelled out."""
    if text.isascii() or not _MIXED_SCRIPTS.search(text):
        return text
    from anyascii import anyascii  # only for the few texts that need it

    return _MIXED_SCRIPTS.sub(lambda word: anyascii(word[0].translate(_LOOKALIKES)), text)
