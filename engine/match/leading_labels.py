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
from engine.match.whole_names import names_a_kind_only, names_no_product

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
    codes: dict[str, set[str]] = {}  # site codes set off by a dash, and what came after them
    bundles: dict[str, set[str]] = {}  # names of several words set off by a dash, and after them
    for name in names:
        words = name.split()
        if len(words) < 2 or _own_word(words[0].lower(), product_words):
            if len(words) > 3 and _bundle_dash(words):
                _note_bundle(words, bundles, is_a_product)
            continue  # (speed: most names begin with a product's own word)
        for size in range(1, min(_LONGEST, len(words) - 1) + 1):
            head, rest = _split(words, size)
            key = product_key(head)
            coded = size == 1 and words[1] in _SEPARATORS and _site_code(key, product_words)
            if not key or not (coded or _names_nothing(key, product_words)):
                if _bundle_dash(words):
                    _note_bundle(words, bundles, is_a_product)
                break  # a longer head holds the same word
            rest_key = product_key(rest)
            if coded:
                codes.setdefault(key, set()).add(rest_key)
            if rest_key and is_a_product(rest_key) and not is_a_product(product_key(name)):
                before.setdefault(key, set()).add(rest_key)
    seen = {key for key, rests in before.items() if len(rests) >= _SEEN_BEFORE}
    # the MSP's bundle before each product it holds ("Secure Workplace Pack - Microsoft 365
    # Business Premium", "… - Acronis Cyber Protect Cloud - Server"): words of products' names
    # perhaps ("Pack"), but no product itself, before three different whole names or more
    seen |= {
        key
        for key, rests in bundles.items()
        if len(rests) >= _BUNDLE_SEEN_BEFORE and not is_a_product(key)
    }
    # one site's code before its lines, another's before theirs ("SYD01 - …", "NYC1 - …"): when
    # codes of that shape stand before two whole names or more, or two codes or more each before
    # two different names, every such code is a label, also a site's whose lines are all
    # shorthand ("SYD01 - BW Teams")
    coded_before = set().union(*(before.get(code, set()) for code in codes))
    repeated = sum(len(rests) >= _SEEN_BEFORE for rests in codes.values())
    if len(coded_before) >= _SEEN_BEFORE or repeated >= _SEEN_BEFORE:
        seen |= set(codes)
    return frozenset(seen)


#: The dashes that end a bundle's name.
_DASHES = frozenset(["-", "\u2013", "\u2014"])
#: Different whole product names a bundle's name of several words must stand before.
_BUNDLE_SEEN_BEFORE = 3


def _bundle_dash(words: list[str]) -> bool:
    """A dash after two or three words: where a bundle's name ends ("Secure Workplace Pack - …")."""
    return any(w in _DASHES for w in words[2:4])


def _note_bundle(
    words: list[str], bundles: dict[str, set[str]], is_a_product: Callable[[str], bool]
) -> None:
    """Note the whole name after the words before a dash, when there is one."""
    size = next(i for i, w in enumerate(words[2:4], start=2) if w in _DASHES)
    head, rest = _split(words, size)
    key, rest_key = product_key(head), product_key(rest)
    if key and rest_key and is_a_product(rest_key):
        bundles.setdefault(key, set()).add(rest_key)


def _names_nothing(key: str, product_words: frozenset[str]) -> bool:
    return all(
        not _own_word(word, product_words) and not any(ch.isdigit() for ch in word)
        for word in key.split()
    )


def _own_word(word: str, product_words: frozenset[str]) -> bool:
    """A word that names a product, plan, edition or work; not one many kinds of product use
    ("Cloud sub - Bus Premium 365": "Cloud" is in Defender for Cloud Apps and in every maker's
    cloud something, and names none of them)."""
    return not names_a_kind_only(word) and not names_no_product(word, product_words)


def _site_code(key: str, product_words: frozenset[str]) -> bool:
    """A code of letters and digits set off by a dash ("SYD01 - …", "NYC1 - …"): a site's or a
    cost centre's, when no product's word holds it ("E3", "P1" are plans; "365" is a name's)."""
    letters = sum(ch.isalpha() for ch in key)
    return (
        " " not in key
        and key.isalnum()
        and letters >= 2
        and any(ch.isdigit() for ch in key)
        and key not in product_words
    )


def without_label(name: str, labels: frozenset[str]) -> str:
    """The name after a label the export uses (see :func:`labels_seen`); '' when it has none."""
    found = label_and_rest(name, labels)
    return found[1] if found is not None else ""


def label_and_rest(name: str, labels: frozenset[str]) -> tuple[str, str] | None:
    """The key of the label a name begins with and the name after it; None when it has none."""
    if not labels:
        return None
    words = name.split()
    for size in range(min(_LONGEST, len(words) - 1), 0, -1):
        head, rest = _split(words, size)
        if rest and (key := product_key(head)) in labels:
            return key, rest
    return None
