"""A product's whole name inside a PSA description, after words that name nothing else.

"Abonim vjetor Power BI Pro", "Cuota mensual: Visio Plan 2", "Hartwell – Keeper Business": a
person sees the product's full name and reads the words before it as the bookkeeper's, whatever
language they are in. That holds only while those words name no work ("Onboarding …"), no plan or
edition, no other product and no word of one ("Drop box Business Std"), and nothing follows the
name but the export's own notes (seen after several different names): a word after a name may be
an edition in another language ("Microsoft 365 E5 Seguridad"). This reads a line no client's
basket explains: one the vendor does not bill that client for, which no context can name.
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from engine.match.description_vocabulary import SERVICE_WORDS
from engine.match.description_words import GENERIC_PRODUCT_WORDS
from engine.match.product_names import DISCRIMINATORS, PLAN_TOKEN

#: Confidence of a whole name found inside a description: a sure reading of the words.
CONFIDENCE = 0.85


def whole_name_inside(
    key: str,
    names: Collection[str],
    product_words: Collection[str],
    harmless: Collection[str],
    billed: Collection[str] = (),
) -> str | None:
    """The longest of ``names`` (product keys) that stands whole in ``key`` after words of no
    product, plan, edition or work; None when none does, or two different names do. After the
    name only ``harmless`` words may follow (the export's own notes' words, seen after several
    different names): a word after a name may be an edition in another language ("Microsoft 365
    E5 Seguridad") or the rest of a name typed wrong ("Microsoft 365 Business Stsndard").
    ``billed`` are the keys of the products on the bill: a name that begins one of them is a
    family's, and which member the line is, the client's products say."""
    words = key.split()
    for size in range(len(words) - 1, 1, -1):  # the whole key is no name here; two words at least
        found = {
            start
            for start in range(len(words) - size + 1)
            if " ".join(words[start : start + size]) in names
        }
        if not found:
            continue
        spans = {" ".join(words[start : start + size]) for start in found}
        if len(spans) > 1:
            return None  # two products named: a bundle, not one licence
        if editions_only(words[min(found) : min(found) + size]):
            return None  # "GWS Business Standard": words every maker's editions use
        start, end = min(found), max(found) + size
        before, after = words[:start], words[end:]
        if not all(w in harmless for w in after):
            return None
        name = spans.pop()
        if any(other.startswith(name + " ") for other in billed) or (
            not all(w in harmless for w in before)
            and any(other.startswith(name + " ") for other in names)
        ):  # a family's name ("Exchange Online", "Power BI"): which member the line is, the
            # client's products say ("Power BI (Reception)" beside the bill's Power BI Pro), or
            return None  # words before it in another language's order ("Archivage Exchange Online")
        if not all(_names_nothing(w, product_words, harmless) for w in before) or any(
            a + b in product_words for a, b in pairwise(before)
        ):  # "Drop box Business Std": another maker's name broken in two
            return None
        return name
    return None


def editions_only(words: Collection[str]) -> bool:
    """Words every maker's editions use and nothing else ("Business Standard"): no one product."""
    return all(w in DISCRIMINATORS for w in words)


def names_no_product(word: str, product_words: Collection[str]) -> bool:
    """A word that is no product's, plan's, edition's or work's."""
    return not (word in product_words or word in DISCRIMINATORS or word in SERVICE_WORDS)


def names_a_kind_only(word: str) -> bool:
    """A word many kinds of product use and no plan, edition or work ("cloud", "protection"):
    it says what kind of thing a name is, never which."""
    return word in GENERIC_PRODUCT_WORDS and names_no_product(word, ())


def _names_nothing(word: str, product_words: Collection[str], harmless: Collection[str]) -> bool:
    if word in harmless or word.isdigit():
        return True
    return (
        names_no_product(word, product_words)
        and not PLAN_TOKEN.fullmatch(word)
        and not _typed_wrong(word, product_words)
    )


def _typed_wrong(word: str, product_words: Collection[str]) -> bool:
    """A word a slip of the keys away from a product's word ("Acrhivage", "Deopbox")."""
    if len(word) < 4:
        return False
    most = 1 if len(word) < 6 else 2
    return any(
        abs(len(known) - len(word)) <= most
        and len(known) >= 4
        and Levenshtein.distance(word, known, score_cutoff=most) <= most
        for known in product_words
    )
