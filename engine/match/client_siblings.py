"""Words that tell sibling companies apart, learned from the names on each side.

When one export lists both "Inglewood Law - Eastside" and "Inglewood Law - Westside", the two words
name two companies: however alike they look, neither is a typo of the other. A name on the other side
is then never paired across them, whatever a similarity score says ("Inglewood Law Lcc - Eastside" is
the Eastside office, never the Westside one). Legal forms are not such words: "Ltd" beside "Llc" says
nothing about which company it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator

from engine.match.legal_forms import is_legal_form


def numbers_in(key: str) -> frozenset[str]:
    """The numbers a name carries: names that carry different ones are different companies ("Store
    12" / "Store 15")."""
    return frozenset(token for token in key.split() if any(ch.isdigit() for ch in token))


class Siblings:
    """Unordered pairs of words that name different companies, kept as the sets of words they were
    learned from (any two words of one set are siblings). Many names differing in one place
    ("acme group", "acme services", … or every "x holdings") are n words, not n² pairs: 36k
    clients made ~0.9M pairs (~2 s), and a full sheet would make a hundred times more."""

    __slots__ = ("_sets_of",)

    def __init__(self, sets: Iterable[Collection[str]] = ()) -> None:
        sets_of: dict[str, set[int]] = {}
        for number, words in enumerate(sets):
            for word in words:
                sets_of.setdefault(word, set()).add(number)
        self._sets_of = sets_of

    def pair(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` are two different words of one learned set."""
        if a == b:
            return False
        sets = self._sets_of.get(a)
        return sets is not None and not sets.isdisjoint(self._sets_of.get(b, ()))

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, frozenset) or len(pair) != 2:
            return False
        a, b = pair
        return self.pair(a, b)

    def __bool__(self) -> bool:
        return bool(self._sets_of)

    def __iter__(self) -> Iterator[frozenset[str]]:
        by_set: dict[int, list[str]] = defaultdict(list)
        for word, sets in self._sets_of.items():
            for number in sets:
                by_set[number].append(word)
        pairs = {
            frozenset((a, b))
            for words in by_set.values()
            for n, a in enumerate(words)
            for b in words[n + 1 :]
        }
        return iter(pairs)


NO_SIBLINGS = Siblings()


def sibling_words(*sides: Iterable[str]) -> Siblings:
    """Pairs of words that are the only difference between two names on one side."""
    # speed (issue 15): a name's rest is the name with one word cut out, as text ("acme  ltd" for
    # "acme west ltd": the two spaces mark the hole, and words never hold a space, so two rests are
    # equal exactly when the words around the hole are); a rest keeps its first word alone, and a
    # set is made only for the few rests a second word shares (36k names a side: ~86k rests, ~8k
    # sets)
    found: list[set[str]] = []
    legal: dict[str, bool] = {}
    for keys in sides:
        first: dict[str, str] = {}
        differing: dict[str, set[str]] = {}
        for key in keys:
            words = key.split()
            if len(words) < 2:
                continue
            name = " ".join(words)
            start = 0
            for word in words:
                end = start + len(word)
                if (is_legal := legal.get(word)) is None:
                    is_legal = legal[word] = is_legal_form(word)
                if not is_legal:
                    rest = name[:start] + name[end:]
                    seen = first.setdefault(rest, word)
                    if seen != word:
                        if rest in differing:
                            differing[rest].add(word)
                        else:
                            differing[rest] = {seen, word}
                start = end + 1
        if differing:  # in the order the rests were first met, as before
            found += (differing[rest] for rest in first if rest in differing)
    return Siblings(found)


def crosses_siblings(a: str, b: str, siblings: Siblings) -> bool:
    """True when the names differ by a pair of sibling words ("eastside" for "westside")."""
    if not siblings:
        return False
    left = set(a.split()) - set(b.split())
    right = set(b.split()) - set(a.split())
    return any(siblings.pair(x, y) and not one_stem_two_endings(x, y) for x in left for y in right)


def common_prefix(a: str, b: str) -> int:
    """How many letters two words begin with alike."""
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size


def one_stem_two_endings(a: str, b: str) -> bool:
    """One word with two endings ("plumbing" / "plumbers", "consulting" / "consultants"). Two
    companies named so on one side are two legal entities of one trade, never two trades, so the
    pair tells no sibling apart (their legal forms do)."""
    if not (a.isalpha() and b.isalpha()):
        return False  # "clinic12" / "clinic15": two sites, whatever their letters share
    stem = common_prefix(a, b)
    return stem >= 5 and len(a) - stem <= 4 and len(b) - stem <= 4
