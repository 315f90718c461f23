"""How a person types a product on a PSA line: one perturbation class per line, mixed within a file.

Classes: typo, abbreviation, abbreviation_typo, brand_dropped, extra_words, bare_plan, renamed,
in_house, case_punct (and "untouched": the canonical name). A spelling whose reading is wider than
one product is used only where the client's own baskets leave exactly that product.
"""

from __future__ import annotations

import random

from .catalogue import BY_KEY, PROTECTED, Product
from .names import typo

PRODUCT_CLASSES: list[tuple[str, int]] = [
    ("untouched", 26),
    ("typo", 8),
    ("abbreviation", 10),
    ("abbreviation_typo", 6),
    ("brand_dropped", 9),
    ("extra_words", 9),
    ("bare_plan", 12),
    ("renamed", 10),
    ("in_house", 12),
    ("case_punct", 8),
]

# classes whose spellings need the client's vendor basket to be read
CONTEXT_CLASSES = {"brand_dropped", "bare_plan", "renamed", "in_house"}

MONTHLY_WORDS = [
    "{} - per user",
    "{} Monthly Subscription",
    "{} Licence",
    "{} License (NCE)",
    "{} - monthly",
    "{} /user/mo",
    "NCE {}",
    "{} (CSP)",
    "{} user licenses",
    "Subscription: {}",
    "{} - Nov 2026",
    "{} seats",
]
ANNUAL_WORDS = ["{} (Annual)", "{} - annual prepaid", "{} 12 month term", "{} - yearly licence"]


def _forms(product: Product, cls: str) -> list[tuple[str, frozenset[str]]]:
    out = []
    for entry in product.spellings.get(cls, []):
        if isinstance(entry, tuple):
            text, extra = entry
            out.append((text, frozenset((product.key, *extra))))
        else:
            out.append((entry, frozenset((product.key,))))
    return out


def _typo_form(name: str, rng: random.Random) -> str | None:
    words = [w for w in name.split() if len(w) >= 5 and w.isalpha() and w.lower() not in PROTECTED]
    if not words:
        return None
    target = rng.choice(words)
    return name.replace(target, typo(target, rng), 1)


def _case_punct(name: str, rng: random.Random) -> str:
    variants = [
        name.upper(),
        name.lower(),
        name.replace("(", "").replace(")", ""),
        name.replace("Microsoft 365", "Microsoft365").replace("Office 365", "Office365"),
        name.replace(" ", "-", 1),
        name.replace(" ", " : ", 1) if name.startswith(("Microsoft", "Office")) else name + ".",
    ]
    variants = [v for v in variants if v != name]
    return rng.choice(variants)


def spell(
    key: str, context: set[str], in_vendor: bool, annual: bool, rng: random.Random
) -> tuple[str, list[str]]:
    """Return (text, classes) for one PSA line of product `key` for a client whose products are
    `context` (vendor basket ∪ PSA products); `in_vendor` says the client buys it from the vendor."""
    product = BY_KEY[key]
    names, weights = zip(*PRODUCT_CLASSES, strict=True)
    cls = rng.choices(names, weights)[0]
    text, classes = _apply(product, cls, context, in_vendor, annual, rng)
    if classes and classes[0] != "extra_words" and rng.random() < 0.15:
        text = _extra(product, annual, rng).format(text)
        classes.append("extra_words")
    return text, classes


def _extra(product: Product, annual: bool, rng: random.Random) -> str:
    templates = ANNUAL_WORDS if annual else MONTHLY_WORDS
    if not product.microsoft:  # commerce tags belong to Microsoft's new-commerce offers
        templates = [t for t in templates if "NCE" not in t and "CSP" not in t]
    return rng.choice(templates)


def _apply(
    product: Product, cls: str, context: set[str], in_vendor: bool, annual: bool, rng: random.Random
) -> tuple[str, list[str]]:
    name = product.name
    if cls == "untouched":
        return name, []
    if cls == "typo":
        out = _typo_form(name, rng)
        return (out, ["typo"]) if out and out != name else (name, [])
    if cls == "extra_words":
        return _extra(product, annual, rng).format(name), ["extra_words"]
    if cls == "case_punct":
        return _case_punct(name, rng), ["case_punct"]
    usable = []
    for text, reading in _forms(product, cls):
        if len(reading) == 1 and cls not in ("in_house", "bare_plan"):
            usable.append(text)  # unambiguous wherever it stands
        elif in_vendor and reading & (context | {product.key}) == {product.key}:
            usable.append(text)
    if not usable:
        return name, []
    return rng.choice(usable), [cls]
