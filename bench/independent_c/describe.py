"""How people type a product on a PSA line: one spelling per line, with its perturbation classes.

Classes (product side): ``typo``, ``abbreviation``, ``brand_dropped``, ``billing_words``,
``bare_plan``, ``renamed``, ``inhouse``, ``desc_case``. A line with none of them is spelled as the
canonical product name. Contextual spellings (bare plan names, in-house names) are only used for a
product the client really buys from the vendor and only when no other product in the client's basket
could be meant, so a careful billing person looking at both files can always resolve them.
"""

from __future__ import annotations

import random

from .catalog import Product, Variant
from .clients import _typo

BILLING_PREFIX: tuple[str, ...] = (
    "Licensing: ",
    "Lic - ",
    "Subscription: ",
    "MS Licence - ",
    "Cloud Sub: ",
    "Recurring - ",
    "SaaS: ",
    "Licence fee: ",
)
BILLING_SUFFIX: tuple[str, ...] = (
    " - per user",
    " Monthly Subscription",
    " Licence",
    " License",
    " (per seat)",
    " /user/month",
    " - NCE annual commit",
    " [M2M]",
    " x users",
    " - 1 Year Term",
    " seat(s)",
    " - monthly",
    " (NCE)",
    " - user licence",
    " – Oct 2026",
    " p/u p/m",
    " - Month to Month",
    " per licence",
    " (auto-renew)",
)
NON_TYPO: frozenset[str] = frozenset({"and", "for", "with", "the", "per"})


def _typo_text(rng: random.Random, text: str) -> str | None:
    words = text.split(" ")
    idx = [
        i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w.lower() not in NON_TYPO
    ]
    if not idx:
        return None
    i = rng.choice(idx)
    words[i] = _typo(rng, words[i])
    return " ".join(words)


def _case(rng: random.Random, text: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return text.upper()
    if style == 1:
        return text.lower()
    if style == 2:
        return text.replace(" ", "-", 1) if " " in text else text.upper()
    if style == 3:
        return text.replace("(", "").replace(")", "").replace(" - ", ", ") + "."
    return text.replace("Microsoft 365", "Microsoft365").replace("Office 365", "Office365") + " "


def _usable(vs: tuple[Variant, ...], basket: frozenset[str]) -> list[str]:
    return [x.text for x in vs if not (x.avoid & basket)]


def describe(
    rng: random.Random, product: Product, basket: frozenset[str], in_vendor: bool
) -> tuple[str, tuple[str, ...]]:
    """A people-typed description of ``product`` for a client buying ``basket``.

    ``in_vendor`` says whether the vendor bills this client for the product: only then can the
    context resolve a bare plan name or an in-house name.
    """
    others = basket - {product.key}
    pools: list[tuple[str, list[str]]] = [
        ("abbreviation", _usable(product.abbrev, others)),
        ("brand_dropped", _usable(product.brandless, others)),
        ("renamed", _usable(product.renamed, others)),
    ]
    if in_vendor:
        pools.append(("inhouse", _usable(product.inhouse, others)))
        pools.append(("bare_plan", _usable(product.bare, others)))
    pools = [(k, p) for k, p in pools if p]
    classes: list[str] = []
    text = product.name
    roll = rng.random()
    if roll < 0.2:
        pass  # the canonical name (maybe with billing words or case below)
    elif pools and roll < 0.85:
        weights = {
            "abbreviation": 4,
            "brand_dropped": 3,
            "renamed": 3,
            "inhouse": 3,
            "bare_plan": 3,
        }
        kind, pool = rng.choices(pools, [weights[k] for k, _ in pools])[0]
        text = rng.choice(pool)
        if text != product.name:  # "Visio Plan 1" has no brand to drop
            classes.append(kind)
    if rng.random() < 0.25 and "bare_plan" not in classes:
        typo = _typo_text(rng, text)
        if typo is not None and typo != text:
            text = typo
            classes.append("typo")
    if rng.random() < 0.3 and "bare_plan" not in classes:
        if rng.random() < 0.3:
            text = rng.choice(BILLING_PREFIX) + text
        else:
            text = text + rng.choice(BILLING_SUFFIX)
        classes.append("billing_words")
    if rng.random() < 0.12:
        cased = _case(rng, text)
        if cased.strip() != text:
            text = cased
            classes.append("desc_case")
    return text, tuple(classes)


SERVICES: tuple[tuple[str, str], ...] = (
    # (description, how quantity is counted: users | devices | one)
    ("Managed Services - per user", "users"),
    ("Managed IT Support (per user)", "users"),
    ("Microsoft 365 Administration & Support - per user", "users"),
    ("M365 Managed Security Monitoring (per user)", "users"),
    ("Backup per device - Workstation", "devices"),
    ("Managed Backup - per server", "servers"),
    ("Server Backup & Recovery Support", "servers"),
    ("Helpdesk Support Block (10 hrs)", "one"),
    ("Onsite Labour - hourly", "one"),
    ("Remote Support Hours", "one"),
    ("Firewall Hardware Lease", "one"),
    ("Managed Network Support per device", "devices"),
    ("Onboarding Fee (one-time)", "one"),
    ("Email Migration Labour (one-time fee)", "one"),
    ("Azure Managed Services", "one"),
    ("Teams Phone Support per user", "users"),
    ("Cloud Backup per device - Laptops", "devices"),
    ("Copilot Readiness Workshop - one-time fee", "one"),
    ("Managed Print Services", "one"),
    ("vCIO Consulting Hours", "one"),
    ("Intune Device Management - managed (per device)", "devices"),
    ("Exchange Online Mailbox Support (per mailbox)", "users"),
    ("Laptop Hardware Lease (per device)", "devices"),
)
