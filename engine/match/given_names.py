"""Given names and their short forms: a sole trader's business is named with either ("Margaret
Bouchard Photography" on the bill's tenant, "Peggy Bouchard Photography" in the books).

The forms come from the ``nicknames`` package's hand-curated table of English given names, not
from a list of our own."""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer


@lru_cache(maxsize=1)
def _namer() -> NickNamer:
    return NickNamer()  # reads the package's table once, when a name is first asked about


@lru_cache(maxsize=65_536)
def full_names_of(word: str) -> frozenset[str]:
    """The given names ``word`` (lower case) is a short form of; none when it is no short form."""
    if len(word) < 2 or not word.isalpha():
        return frozenset()
    return frozenset(_namer().canonicals_of(word))
