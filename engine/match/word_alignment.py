"""Pair the words of one name with the words of another, each word used once, exact pairs first.

Both client names and product descriptions are read this way; what counts as "the same word"
(a typo, an abbreviation) is the caller's ``same`` function: 0 exactly, 1 approximately, 2 loosely
(a guess that needs other evidence), -1 not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Alignment:
    """Words of the first name left without a partner, those of the second, and how many pairs
    were only approximate."""

    unpaired_first: tuple[str, ...]
    unpaired_second: tuple[str, ...]
    approximate: int
    loose: int = 0  # approximate pairs the caller's ``same`` called only loosely alike (2)


def align(
    first: Sequence[str], second: Sequence[str], same: Callable[[str, str], int]
) -> Alignment:
    """Each word of ``first`` takes the first unused word of ``second`` it equals, else the first
    it approximately is (1), else the first it is loosely like (2); words with none stay
    unpaired."""
    used: set[int] = set()
    approximate = loose = 0
    unpaired: list[str] = []
    for word in first:
        best, where = -1, -1
        for index, other in enumerate(second):
            if index in used:
                continue
            how = same(word, other)
            if how == 0:
                best, where = 0, index
                break
            if how > 0 and (best == -1 or how < best):
                best, where = how, index
        if best == -1:
            unpaired.append(word)
        else:
            used.add(where)
            approximate += best > 0
            loose += best == 2
    left = tuple(second[i] for i in range(len(second)) if i not in used)
    return Alignment(tuple(unpaired), left, approximate, loose)


def letters_in_order(short: str, long: str) -> bool:
    """Every letter of ``short`` found in ``long`` in order ("mngmt" in "management")."""
    position = 0
    for char in short:
        position = long.find(char, position) + 1
        if position == 0:
            return False
    return True


def shortens(short: str, word: str) -> bool:
    """``short`` is ``word`` or writes it short: its first letter, then letters of it in order
    ("gz" for GravityZone, "1pw" for 1Password, "svc" for service)."""
    return short == word or (short[:1] == word[:1] and letters_in_order(short, word))


def writes_run_short(short: str, run: Sequence[str]) -> bool:
    """``short``'s letters, in order, begin ``run`` and fall in each of its words: "gws" for
    "google workspace" or "goog ws", "zwp" for "zoom workplace"."""
    if len(run) < 2 or short[:1] != run[0][:1]:
        return False
    at, touched = 0, set()
    for index, word in enumerate(run):
        position = 0
        while at < len(short) and (found := word.find(short[at], position)) >= 0:
            touched.add(index)
            position, at = found + 1, at + 1
    return at == len(short) and len(touched) == len(run)


def writes_short_in(short: str, words: Sequence[str]) -> bool:
    """``short`` writes a word of ``words`` short, or a run of two or three of them."""
    return any(shortens(short, word) for word in words) or any(
        writes_run_short(short, words[i : i + size])
        for size in (2, 3)
        for i in range(len(words) - size + 1)
    )


def vowelless(word: str) -> bool:
    """Two to five letters and no vowel: a short form ("ws", "gws", "std"), not a word."""
    return 2 <= len(word) <= 5 and word.isalpha() and not set(word) & set("aeiouy")
