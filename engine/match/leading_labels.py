"""Words an export puts in front of many different product names: a label, not part of a name.

"Abonim mujor Microsoft 365 Apps for Business", "Abbonament ta' kull xahar: Intune", "ค่าบริการรายเดือน
Power BI Pro": a monthly subscription said in the bookkeeper's language, or the client's name typed
first. No list of languages can hold every such label; the export itself shows it: the same words
stand before two or more different names that are each a product's whole name, and they name no
product, plan, edition or work themselves. A person reading the column sees that at once and reads
every line after the label ("Abonim mujor MDE P1 x3" is "MDE P1 x3").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from engine.match.product_names import product_key
from engine.match.whole_names import names_no_product

#: The most words a label takes ("Abbonament ta' kull xahar:").
_LONGEST = 4
#: Different whole product names a label must stand before.
_SEEN_BEFORE = 2
#: Marks that set a label off from the name after it.
_SEPARATORS = frozenset(["-", "\u2013", "\u2014", "|", ":", "\u203a", "\u00bb"])


def _split(words: list[str], size: int) -> tuple[str, str]:
    """The first ``size`` words (without a colon after them) and the rest (without a mark)."""
    head = " ".join(words[:size]).rstrip(":").strip()
    rest = words[size:]
    if rest and rest[0] in _SEPARATORS:
        rest = rest[1:]
    return head, " ".join(rest)


def labels_seen(
    names: Iterable[str], is_a_product: Callable[[str], bool], product_words: frozenset[str]
) -> frozenset[str]:
    """Keys of the words that stand before two or more different whole product names
    (``is_a_product`` says which key is one) and name nothing themselves."""
    before: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) < 2 or words[0].lower() in product_words:
            continue  # (speed: most names begin with a product's own word)
        for size in range(1, min(_LONGEST, len(words) - 1) + 1):
            head, rest = _split(words, size)
            key = product_key(head)
            if not key or not _names_nothing(key, product_words):
                break  # a longer head holds the same word
            rest_key = product_key(rest)
            if rest_key and is_a_product(rest_key) and not is_a_product(product_key(name)):
                before.setdefault(key, set()).add(rest_key)
    return frozenset(key for key, rests in before.items() if len(rests) >= _SEEN_BEFORE)


def _names_nothing(key: str, product_words: frozenset[str]) -> bool:
    return all(
        names_no_product(word, product_words) and not any(ch.isdigit() for ch in word)
        for word in key.split()
    )


def without_label(name: str, labels: frozenset[str]) -> str:
    """The name after a label the export uses (see :func:`labels_seen`); '' when it has none."""
    if not labels:
        return ""
    words = name.split()
    for size in range(min(_LONGEST, len(words) - 1), 0, -1):
        head, rest = _split(words, size)
        if rest and product_key(head) in labels:
            return rest
    return ""
