"""How account managers at many MSPs type a product on a PSA line.

A base class picks the words (the canonical name, an abbreviation, the name
without its brand, a bare plan, an old name, an in-house name); a modifier
may then change them (a typo, case and punctuation, billing words, a note of
who or where the line is for, words of another language).
"""

from __future__ import annotations

import random

from .catalogue import Product

BASE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("untouched", 22),
    ("abbreviation", 16),
    ("brand_dropped", 12),
    ("bare_plan", 8),
    ("renamed", 11),
    ("in_house", 11),
    ("sku_code", 3),
    ("modifier_only", 20),
)

MODIFIERS: tuple[str, ...] = ("typo", "case_punct", "extra_words", "note", "mixed_language")
MODIFIER_WEIGHTS: tuple[int, ...] = (3, 2, 3, 1, 2)

EXTRA_PREFIX: tuple[str, ...] = (
    "Licence - ",
    "Licensing: ",
    "Subscription: ",
    "NCE ",
    "CSP - ",
    "Monthly: ",
    "Recurring - ",
    "SaaS: ",
    "Cloud sub - ",
    "Lic. ",
    "Renewal - ",
    "[Recurring] ",
)
EXTRA_SUFFIX: tuple[str, ...] = (
    " - per user",
    " per user/month",
    " (monthly)",
    " Monthly Subscription",
    " - Annual commitment, billed monthly",
    " (NCE)",
    " [NCE]",
    " 1Y/M",
    " - 12m commit, billed monthly",
    " licence",
    " licenses",
    " seat(s)",
    " /user/mo",
    " - P1Y/M",
    " (CSP)",
    " user licence",
    " - month-to-month",
    " (auto-renew)",
    " - Sept 2026",
    " 09/2026",
    " - recurring",
    " (annual commit, monthly billing)",
    " x seats",
    " - subscription fee",
    " pupm",
    " x{n}",
    " ({n} users)",
    " - {n} seats",
    " (qty {n})",
)
NOTES: tuple[str, ...] = (
    " - reception staff",
    " (warehouse)",
    " - Board members",
    " for new starters",
    " – Lyon office",
    " (Auckland branch)",
    " - shared mailboxes",
    " - contractors",
    " - Dr Patel's team",
    " (accounts dept)",
    " — Site 2",
    " - field techs",
    " / Sales team",
    " - Geschäftsführung",
    " (bureau Gent)",
    " - per Sarah's email 14/8",
    " - seasonal staff",
    " (ex-Contoso users)",
    " - directors only",
)
SPLIT_NOTES: tuple[tuple[str, str], ...] = (
    (" - Head office", " - Warehouse"),
    (" (Sydney)", " (Melbourne)"),
    (" - Office staff", " - Field staff"),
    (" – Admin", " – Clinicians"),
    (" - existing users", " - new users Sept"),
    (" (Lyon)", " (Paris)"),
    (" - Partners", " - Associates"),
    (" [Team A]", " [Team B]"),
)
MIXED: tuple[str, ...] = (
    "Lizenz {x} monatlich",
    "Licence {x} – mensuel",
    "{x} licentie per maand",
    "Licencia {x} mensual",
    "{x} (abonnement mensuel)",
    "{x} – kuukausilisenssi",
    "{x} per användare/mån",
    "Abonnement {x}",
    "{x} Nutzerlizenz",
    "{x} gebruikerslicentie",
    "Abo {x} (Benutzer)",
    "{x} – licença mensal",
    "{x} licencja miesięczna",
)

_PROTECTED = {"teams", "plan", "pro", "e3", "e5", "p1", "p2"}


def _split_gate(entry: str) -> tuple[str, str | None]:
    if "|" in entry:
        text, kind = entry.split("|", 1)
        return text, kind
    return entry, None


def usable(entries: tuple[str, ...], kind_counts: dict[str, int]) -> list[str]:
    """Spellings whose kind (if any) the client buys exactly one product of."""
    out = []
    for entry in entries:
        text, kind = _split_gate(entry)
        if kind is None or kind_counts.get(kind, 0) == 1:
            out.append(text)
    return out


def typo_text(rng: random.Random, text: str) -> str:
    """A keyboard slip in one longer word (never a plan number or 'Teams')."""
    words = text.split(" ")
    choices = [
        i
        for i, w in enumerate(words)
        if len(w) >= 4 and w.isalpha() and w.lower() not in _PROTECTED
    ]
    if not choices:
        return text
    i = rng.choice(choices)
    w = words[i]
    k = rng.randrange(1, len(w) - 2)
    op = rng.randrange(3)
    if op == 0:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    elif op == 1:
        w = w[:k] + w[k + 1 :]
    else:
        w = w[:k] + w[k] + w[k:]
    words[i] = w
    return " ".join(words)


def case_punct(rng: random.Random, text: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return text.upper()
    if style == 1:
        return text.lower()
    if style == 2:
        return text.replace("(", "").replace(")", "").replace(",", "")
    if style == 3:
        return text.replace(" ", "-")
    return text.replace(" ", "_").upper() if len(text) < 30 else text.title()


def modify(rng: random.Random, text: str, mod: str) -> str:
    if mod == "typo":
        return typo_text(rng, text)
    if mod == "case_punct":
        return case_punct(rng, text)
    if mod == "extra_words":
        if rng.random() < 0.35:
            return rng.choice(EXTRA_PREFIX) + text
        return text + rng.choice(EXTRA_SUFFIX)
    if mod == "note":
        return text + rng.choice(NOTES)
    return rng.choice(MIXED).format(x=text)


def spell(
    rng: random.Random,
    product: Product,
    kind_counts: dict[str, int],
    in_context: bool,
    sku: str = "",
) -> tuple[str, list[str]]:
    """A person's spelling of the product and its classes.

    ``in_context``: the vendor bills this product to this client, so a bare plan,
    an in-house name or the bill's product code can be resolved from what it buys.
    ``sku``: the product code this client's bill shows.
    """
    names = [c for c, _ in BASE_WEIGHTS]
    weights = [w for _, w in BASE_WEIGHTS]
    base = rng.choices(names, weights)[0]
    mod_roll = rng.random()
    mod = rng.choices(MODIFIERS, MODIFIER_WEIGHTS)[0]
    pick = rng.random()
    pools: dict[str, tuple[str, ...]] = {
        "abbreviation": product.abbreviation,
        "brand_dropped": product.brand_dropped,
        "bare_plan": product.bare_plan,
        "renamed": product.renamed,
        "in_house": product.in_house,
    }
    classes: list[str] = []
    text = product.name
    if base in pools:
        if base in ("bare_plan", "in_house") and not in_context:
            options: list[str] = []
        else:
            options = usable(pools[base], kind_counts)
            if not in_context:
                options = [o for o in options if o not in product.in_house]
        if options:
            text = options[int(pick * len(options))]
            classes.append(base)
    if base == "sku_code" and in_context and sku:
        short = product.abbreviation[0] if product.abbreviation else ""
        forms = [sku, f"{sku} - A/M", f"{sku} {short}".strip(), f"SKU {sku}"]
        text = forms[int(pick * len(forms))]
        classes.append(base)
    if base == "bare_plan" and mod == "typo":
        mod = "extra_words"  # a slip in a bare 'E3' or 'Basic' would leave nothing to go on
    if base == "modifier_only" or (classes and mod_roll < 0.3):
        new = modify(rng, text, mod)
        if new != text:
            text = new
            classes.append(mod)
    return text, classes


def split_notes(rng: random.Random) -> tuple[str, str]:
    return rng.choice(SPLIT_NOTES)
