"""Text folded for comparison: accents gone, and the letters NFKD keeps whole written in Latin.

NFKD splits "é" into "e" and an accent, but not "ø", "æ", "ß" or "ł": without this table Danish
"Beløb" compares as "belb" and "Søndergaard" never meets "Sondergaard". Headers, client names and
cut names are folded alike.
"""

from __future__ import annotations

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
