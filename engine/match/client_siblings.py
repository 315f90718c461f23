"""Words that tell sibling companies apart, learned from the names on each side.

When one export lists both "Inglewood Law - Eastside" and "Inglewood Law - Westside", the two words
name two companies: however alike they look, neither is a typo of the other. A name on the other side
is then never paired across them, whatever a similarity score says ("Inglewood Law Lcc - Eastside" is
the Eastside office, never the Westside one). Legal forms are not such words: "Ltd" beside "Llc" says
nothing about which company it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from engine.match.legal_forms import is_legal_form

#: Unordered pairs of words that name different companies.
Siblings = frozenset[frozenset[str]]


def sibling_words(*sides: Iterable[str]) -> Siblings:
    """Pairs of words that are the only difference between two names on one side."""
    found: set[frozenset[str]] = set()
    for keys in sides:
        by_rest: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for key in keys:
            words = key.split()
            if len(words) < 2:
                continue
            for i, word in enumerate(words):
                if not is_legal_form(word):
                    by_rest[(*words[:i], "", *words[i + 1 :])].add(word)
        for differing in by_rest.values():
            if len(differing) > 1:
                ordered = sorted(differing)
                found.update(
                    frozenset((a, b)) for n, a in enumerate(ordered) for b in ordered[n + 1 :]
                )
    return frozenset(found)


def crosses_siblings(a: str, b: str, siblings: Siblings) -> bool:
    """True when the names differ by a pair of sibling words ("eastside" for "westside")."""
    if not siblings:
        return False
    left = set(a.split()) - set(b.split())
    right = set(b.split()) - set(a.split())
    return any(frozenset((x, y)) in siblings for x in left for y in right)
