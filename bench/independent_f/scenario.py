"""One MSP's month: customers, what they buy, the vendor's lines and the PSA's lines, and the truth.

The scenario is drawn from a seeded `random.Random` (string seeds hash with SHA-512, so runs agree
across interpreters). Spellings for the perturbed render are drawn here too, from their own stream,
so the clean render (`perturb=False`) is the same scenario with canonical spellings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache
from math import floor

from .catalog import BY_NAME, FREE, LICENCES, SERVICES, Product
from .names import (
    BRAND_CORES,
    CORES,
    HOLDING_WORDS,
    LEGAL,
    NAME_CLASSES_ANY,
    NAME_CLASSES_SIBLING,
    SITE_WORDS,
    TRADES,
    ClientName,
    applicable,
    domain_of,
    typo,
    variant,
)

PERIOD = "2026-09"
PERIOD_START = date(2026, 9, 1)
PERIOD_END = date(2026, 9, 30)

REGIONS_BY_CURRENCY: dict[str, tuple[str, ...]] = {
    "USD": ("US", "US", "US", "CA"),
    "CAD": ("CA", "CA", "US"),
    "GBP": ("UK", "UK", "UK", "DE", "NL"),
    "EUR": ("DE", "FR", "LU", "NL", "PL", "FI", "DE", "NL"),
    "AUD": ("AU", "AU", "AU", "NZ"),
    "SEK": ("SE", "SE", "NO", "DK", "FI"),
}
SCALE: dict[str, Decimal] = {
    "USD": Decimal("1"),
    "CAD": Decimal("1.37"),
    "GBP": Decimal("0.80"),
    "EUR": Decimal("0.93"),
    "AUD": Decimal("1.52"),
    "SEK": Decimal("10.6"),
}
SECOND_WORDS = (
    "Park",
    "Bay",
    "Hill",
    "Valley",
    "Point",
    "Harbour",
    "North",
    "West",
    "Ridge",
    "Lane",
    "Brook",
    "Field",
    "Gate",
    "Mill",
    "Bridge",
    "Heath",
    "Grove",
    "Square",
    "Quay",
)

PRODUCT_CLASSES = (
    "untouched",
    "typo",
    "abbreviation",
    "brand_dropped",
    "renamed",
    "inhouse",
    "bare_plan",
    "case_punct",
)
BILLING_WORDS = (
    " - monthly per user",
    " Licence",
    " (NCE, 1yr commit)",
    " /user/mo",
    " subscription",
    " - annual term billed monthly",
    " lic.",
    " - Seats",
    " [recurring]",
    " x user",
    " (monthly commit)",
    " - recurring licence fee",
    " / seat",
    " – Sept 26",
    " per licence p.m.",
    " Lic (1yr NCE)",
)
BILLING_PREFIXES = ("Monthly Subscription - ", "Lic: ", "Recurring: ", "SaaS - ")
NOTES = (
    " - reception & warehouse",
    " (for Dr Patel's team)",
    " - new starters Sept",
    " - Level 3 office",
    " (board members)",
    " - Oslo kontor",
    " (shared mailboxes incl.)",
    " - per Karen 14/8",
    " - site staff",
    " (see ticket 48213)",
    " - Dr Nguyen + locums",
    " (Annecy office)",
    " - Lager Nord",
    " / magazyn",
    " (moved from old tenant)",
    " - QA lab",
    " - per quote Q-2231",
    " (excl. Jim - on leave)",
)
FOREIGN = (
    ("Licence mensuelle ", ""),
    ("", " par utilisateur"),
    ("Lizenz ", " pro Benutzer/Monat"),
    ("Licencia ", " por usuario"),
    ("Licencja ", " miesięcznie"),
    ("", " per användare"),
    ("Abonnement ", " / mnd"),
    ("Licentie ", " p/m"),
    ("Licenza ", " mensile"),
    ("", " (lisenssi / kk)"),
    ("Lisens ", " pr. bruker"),
)
SPLIT_NOTES = (
    (" - office", " - warehouse"),
    (" (HQ)", " (branch)"),
    (" - staff", " - contractors"),
    (" (Sydney)", " (Melbourne)"),
    (" - admin team", " - field team"),
)


@dataclass
class Client:
    """A customer of the MSP."""

    name: ClientName
    side: str  # both | vendor | psa
    number: str
    seats: int
    name_class: str = "untouched"
    psa_name: str = ""
    vendor_name: str = ""
    vendor_classes: tuple[str, ...] = ()
    sibling: bool = False

    @property
    def canonical(self) -> str:
        return self.name.canonical

    @property
    def domain(self) -> str:
        return domain_of(self.name)


@dataclass
class VLine:
    """A line on the vendor bill."""

    client: Client
    product: Product
    qty: int
    unit: Decimal  # the MSP's unit cost per billing period (a year for annual lines)
    annual: bool
    role: str  # licence | credit | free
    sub_id: str
    charge: str
    start: date
    end: date
    term_months: int = 1

    def monthly_unit(self) -> Fraction:
        return Fraction(self.unit) / (12 if self.annual else 1)


@dataclass
class PLine:
    """A line of the PSA / accounting export."""

    client: Client
    product: str  # canonical product, or the service's own text
    qty: int
    unit: Decimal  # price per billing period (a year for annual lines)
    annual: bool
    role: str  # licence | service | cancelled
    clean_text: str
    text: str
    classes: tuple[str, ...] = ()
    status: str = "Active"
    cancelled: date | None = None
    billable: bool = True
    start: date = date(2024, 1, 1)

    def monthly_unit(self) -> Fraction:
        return Fraction(self.unit) / (12 if self.annual else 1)


@dataclass
class PsaCaps:
    """What a PSA format can say: it decides which non-billing lines the scenario may contain."""

    cancel: bool = False  # a status or cancelled date
    not_billable: bool = False
    annual: bool = False  # a billing frequency column


@dataclass
class Scenario:
    seed: int
    currency: str
    clients: list[Client]
    vlines: list[VLine] = field(default_factory=list)
    plines: list[PLine] = field(default_factory=list)


@dataclass
class Finding:
    type: str
    client: str
    product: str
    impact: Fraction
    vendor_lines: list[int]
    psa_lines: list[int]

    @property
    def cents(self) -> str:
        return money(self.impact)


def money(value: Fraction) -> str:
    """Round half-up to the cent once, at the end."""
    cents = floor(value * 100 + Fraction(1, 2))
    return str((Decimal(cents) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def nice_price(value: Fraction | Decimal, rng: random.Random) -> Decimal:
    """A price a person sets: ends in .00, .50, .95 or .99 above the value."""
    whole = (
        int(Decimal(value.numerator) / Decimal(value.denominator))
        if isinstance(value, Fraction)
        else int(value)
    )
    ends = rng.choice(
        (Decimal("0.50"), Decimal("0.95"), Decimal("0.99"), Decimal("0.00"), Decimal("0.25"))
    )
    price = Decimal(whole) + ends
    while Fraction(price) < Fraction(value):
        price += 1
    return price


def _cost(product: Product, currency: str) -> Decimal:
    return (product.cost * SCALE[currency]).quantize(Decimal("0.01"))


# --------------------------------------------------------------------------- customers


def _make_clients(rng: random.Random, n: int, currency: str) -> list[Client]:
    regions = REGIONS_BY_CURRENCY[currency]
    used: set[str] = set()
    clients: list[Client] = []

    def new_core(region: str) -> str:
        for attempt in range(400):
            core = rng.choice(CORES[region if attempt < 100 else rng.choice(sorted(CORES))])
            if core in used or rng.random() < 0.5:
                second = rng.choice(SECOND_WORDS)
                core = core if second in core.split() else f"{core} {second}"
            if core not in used:
                used.add(core)
                return core
        raise RuntimeError("out of names")

    brands = list(BRAND_CORES)
    rng.shuffle(brands)
    number = 1000
    while len(clients) < n:
        region = rng.choice(regions)
        legal = rng.choice(LEGAL[region])
        trade, sib_trade = rng.choice(TRADES)
        core = new_core(region)
        roll = rng.random()
        seats = rng.choice((3, 4, 5, 6, 8, 9, 11, 12, 14, 17, 20, 23, 26, 31, 38, 45, 60, 85, 120))
        group: list[ClientName]
        if roll < 0.08 and n - len(clients) >= 2:  # siblings: different customers, near names
            group = [ClientName(core, trade, legal), ClientName(core, sib_trade, legal)]
        elif roll < 0.14 and n - len(clients) >= 3:  # numbered sites of one chain
            word = rng.choice(SITE_WORDS)
            nums = rng.sample(range(2, 40), 3)
            group = [ClientName(core, trade, legal, site=f"{word} {k}") for k in sorted(nums)]
        elif roll < 0.26 and brands:  # known by a trade name; the tenant carries the legal entity
            used.discard(core)
            group = [ClientName(brands.pop(), trade, legal, holding=rng.choice(HOLDING_WORDS))]
        else:
            group = [ClientName(core, trade, legal, article=rng.random() < 0.05)]
        for name in group:
            number += rng.randrange(1, 9)
            side = "both"
            if len(group) == 1:
                r = rng.random()
                side = "vendor" if r < 0.04 else "psa" if r < 0.08 else "both"
            size = seats if len(group) == 1 else max(3, seats + rng.randrange(-2, 3))
            clients.append(
                Client(
                    name=name, side=side, number=f"C{number}", seats=size, sibling=len(group) > 1
                )
            )
    return clients[:n]


def _name_variants(rng: random.Random, clients: list[Client]) -> None:
    first_words: dict[str, int] = {}
    for client in clients:
        w = client.name.core.split()[0]
        first_words[w] = first_words.get(w, 0) + 1
    for client in clients:
        name = client.name
        if client.sibling:
            pool = [c for c in NAME_CLASSES_SIBLING if applicable(name, c)]
            if name.site:
                pool += ["site_number"] * 3
        else:
            pool = [c for c in NAME_CLASSES_ANY if applicable(name, c)]
            if name.holding and client.side == "both" and first_words[name.core.split()[0]] == 1:
                pool = ["dba", "trading_as", "legal_vs_trading", "legal_vs_trading"]
            if name.article:
                pool += ["the_article"] * 3
        weights = [6.0 if c == "untouched" else 1.0 for c in pool]
        cls = rng.choices(pool, weights)[0]
        client.name_class = cls
        client.psa_name = variant(name, cls, rng)
        client.vendor_name = name.canonical
        if cls in ("dba", "trading_as", "legal_vs_trading"):
            client.vendor_name = name.legal_entity()
        elif rng.random() < 0.08:
            client.vendor_name = name.canonical.upper()
            client.vendor_classes = ("case_punct",)
        if client.psa_name == name.canonical:
            client.name_class = "untouched"


# --------------------------------------------------------------------------- baskets


def _basket(rng: random.Random, client: Client, currency: str, third_party: bool) -> dict[str, int]:
    s = client.seats
    b: dict[str, int] = {}
    suites = [
        ("Microsoft 365 Business Premium", 34),
        ("Microsoft 365 Business Standard", 16),
        ("Microsoft 365 Business Basic", 10),
        ("Microsoft 365 E3", 11),
        ("Office 365 E3", 8),
        ("Microsoft 365 E5", 4),
        ("Office 365 E1", 5),
        ("Microsoft 365 Apps for business", 4),
        ("Exchange Online (Plan 1)", 4),
    ]
    if currency in ("EUR", "SEK"):
        suites.append(("Microsoft 365 Business Premium (no Teams)", 8))
    main = rng.choices([x for x, _ in suites], [w for _, w in suites])[0]
    b[main] = s
    r = rng.random()
    if main == "Microsoft 365 E3" and r < 0.35:
        top = max(1, s // 6)
        b["Microsoft 365 E5"] = top
        b[main] = max(1, s - top)
    elif main == "Microsoft 365 Business Premium" and r < 0.25:
        b["Microsoft 365 Business Basic"] = rng.randint(2, 6)
    elif main in ("Microsoft 365 Business Standard", "Office 365 E3") and r < 0.2:
        b["Microsoft 365 F3" if rng.random() < 0.6 else "Microsoft 365 F1"] = rng.randint(3, 25)
    elif r < 0.15:
        b["Exchange Online Kiosk" if rng.random() < 0.5 else "Exchange Online (Plan 2)"] = (
            rng.randint(1, 4)
        )
    addons: list[tuple[str, float, int]] = [
        ("Microsoft 365 E5 Security", 0.3 if main == "Microsoft 365 E3" else 0.0, s),
        (
            "Microsoft Entra ID P1",
            0.25 if main in ("Microsoft 365 Business Standard", "Office 365 E3") else 0.0,
            s,
        ),
        ("Microsoft Entra ID P2", 0.15 if main == "Microsoft 365 E3" else 0.0, max(1, s // 4)),
        (
            "Microsoft Defender for Business",
            0.25 if main == "Microsoft 365 Business Standard" else 0.0,
            s,
        ),
        (
            "Microsoft Defender for Office 365 (Plan 1)",
            0.2
            if main
            in ("Microsoft 365 Business Standard", "Microsoft 365 Business Basic", "Office 365 E1")
            else 0.0,
            s,
        ),
        (
            "Microsoft Defender for Office 365 (Plan 2)",
            0.2
            if main in ("Office 365 E3", "Microsoft 365 E3", "Microsoft 365 Business Premium")
            else 0.0,
            s,
        ),
        ("Exchange Online Archiving", 0.12, max(1, s // 3)),
        ("Microsoft Teams Essentials", 0.5 if main == "Exchange Online (Plan 1)" else 0.0, s),
        ("Microsoft Teams Premium", 0.06, rng.randint(1, 4)),
        ("Microsoft Teams Phone Standard", 0.1, max(1, s // 2)),
        ("Microsoft Intune Plan 1", 0.3 if main in ("Office 365 E3", "Office 365 E1") else 0.0, s),
        ("Microsoft 365 Copilot", 0.18, rng.randint(1, max(1, min(8, s // 3)))),
        ("Visio Plan 1" if rng.random() < 0.5 else "Visio Plan 2", 0.14, rng.randint(1, 3)),
        (
            rng.choice(("Project Plan 1", "Project Plan 3", "Project Plan 5")),
            0.08,
            rng.randint(1, 4),
        ),
        (
            "Power BI Pro" if rng.random() < 0.7 else "Power BI Premium Per User",
            0.15,
            rng.randint(1, max(1, s // 3)),
        ),
    ]
    for prod, prob, qty in addons:
        if rng.random() < prob:
            b[prod] = qty
    third = {
        "m365_backup": (0.45, s),
        "password": (0.3, s),
        "esign": (0.12, rng.randint(1, 4)),
        "pdf": (0.25, rng.randint(1, max(1, s // 2))),
        "design": (0.08, rng.randint(1, 3)),
        "edr": (0.25, s + rng.randint(0, 3)),
        "mdr": (0.2, s + rng.randint(0, 3)),
        "email_filter": (0.3, s),
        "mfa": (0.15, s),
        "dns": (0.2, s),
        "sat": (0.2, s),
        "voip": (0.15, s),
        "rmm": (0.12, s + rng.randint(0, 2)),
        "file_sync": (0.08, rng.randint(2, max(2, s // 2))),
    }
    by_kind: dict[str, list[Product]] = {}
    for p in LICENCES:
        by_kind.setdefault(p.kind, []).append(p)
    for kind, (prob, qty) in third.items():
        if rng.random() < prob and third_party:
            b[rng.choice(by_kind[kind]).name] = qty
    return b


# --------------------------------------------------------------------------- product spellings


@lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    return frozenset("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())


def _make_vocab(p: Product) -> frozenset[str]:
    words = set(_tokens(p.name))
    for spelling in p.abbreviation + p.brand_dropped + p.renamed + p.inhouse + p.bare_plan:
        words |= _tokens(spelling)
    return frozenset(words)


_VOCAB: dict[str, frozenset[str]] = {p.name: _make_vocab(p) for p in LICENCES}


def _vocab(p: Product) -> frozenset[str]:
    return _VOCAB[p.name]


# words that tell no product from another
FILLER = frozenset(
    {
        "agent",
        "seat",
        "seats",
        "licence",
        "license",
        "user",
        "users",
        "mailbox",
        "mailboxes",
        "the",
        "for",
        "and",
        "with",
        "team",
        "s",
    }
)

FAMILY = {
    "email_security": "mail",
    "email_filter": "mail",
    "m365_backup": "mail",
    "archive": "mail",
    "edr": "endpoint",
    "mdr": "endpoint",
    "endpoint": "endpoint",
    "rmm": "endpoint",
    "mdm": "endpoint",
    "mfa": "identity",
    "identity": "identity",
    "password": "identity",
    "meetings": "comms",
    "meetings_addon": "comms",
    "phone": "comms",
    "voip": "comms",
    "suite": "suite",
    "suite_addon": "suite",
    "frontline": "suite",
    "office_apps": "suite",
    "mailbox": "suite",
    "pdf": "docs",
    "esign": "docs",
}


def _spell(
    rng: random.Random, product: Product, basket: list[Product], on_bill: bool = True
) -> tuple[str, tuple[str, ...]]:
    """A person's spelling of a product on a PSA line, resolvable from that client's basket.

    Names only context can resolve (in-house names, bare plans) are used only when the client
    buys nothing else of that family and the product is on the bill for that client."""
    others = [q for q in basket if q.name != product.name]
    family = FAMILY.get(product.kind, product.kind)
    same_family = any(FAMILY.get(q.kind, q.kind) == family for q in others)
    same_kind = any(
        q.kind == product.kind or {q.kind, product.kind} <= {"suite", "suite_addon", "frontline"}
        for q in others
    )

    def clear(spelling: str) -> bool:
        toks = _tokens(spelling) - FILLER
        return not any(toks <= _vocab(q) for q in others)

    options: list[tuple[str, str]] = [("untouched", product.name), ("case_punct", product.name)]
    words = [w for w in product.name.split() if len(w) >= 5 and w.isalpha()]
    if words:
        options.append(("typo", product.name))
    options += [("abbreviation", s) for s in product.abbreviation if clear(s)]
    options += [("brand_dropped", s) for s in product.brand_dropped if clear(s)]
    # copied from the distributor's price list: the part code, or its terse stock description
    options.append(
        (
            "sku_code",
            product.sku
            + rng.choice(("", " licence", " - " + (product.abbreviation or (product.name,))[0])),
        )
    )
    options.append(
        (
            "distributor_text",
            product.dist_short
            + rng.choice(
                ("", " 1YR", " 1MTH", " (NCE)")
                if product.publisher == "Microsoft"
                else ("", " 1YR", " 12M")
            ),
        )
    )
    if not same_kind:
        options += [("renamed", s) for s in product.renamed if clear(s)]
    if not same_family and on_bill:
        options += [("inhouse", s) for s in product.inhouse if clear(s)]
        options += [("bare_plan", s) for s in product.bare_plan if clear(s)]
    weights = [3.0 if c == "untouched" else 1.0 for c, _ in options]
    cls, text = rng.choices(options, weights)[0]
    classes = [cls]
    if cls == "typo":
        w = rng.choice(words)
        text = text.replace(w, typo(w, rng), 1)
        if text == product.name:
            classes = ["untouched"]
    elif cls == "case_punct":
        form = rng.randrange(3)
        text = (
            text.upper()
            if form == 0
            else text.lower()
            if form == 1
            else text.replace(" ", "-").replace("(", "").replace(")", "")
        )
    extra = rng.random()
    if extra < 0.15:
        text = text + rng.choice(BILLING_WORDS)
        classes.append("billing_words")
    elif extra < 0.22:
        text = rng.choice(BILLING_PREFIXES) + text
        classes.append("billing_words")
    elif extra < 0.30:
        text = text + rng.choice(NOTES)
        classes.append("who_where_note")
    elif extra < 0.36:
        pre, post = rng.choice(FOREIGN)
        text = pre + text + post
        classes.append("foreign_words")
    if len(classes) > 1 and classes[0] == "untouched":
        classes = classes[1:]
    return text, tuple(classes)


# --------------------------------------------------------------------------- lines


def build(
    seed: int, tag: str, clients_n: int, currency: str, caps: PsaCaps, third_party: bool = True
) -> Scenario:
    """Draw the month's scenario."""
    rng = random.Random(f"evalf|{seed}|{tag}|{clients_n}")
    prng = random.Random(f"evalf-spell|{seed}|{tag}|{clients_n}")
    clients = _make_clients(rng, clients_n, currency)
    _name_variants(prng, clients)
    sc = Scenario(seed=seed, currency=currency, clients=clients)
    list_price: dict[str, Decimal] = {}
    for p in LICENCES:
        markup = Fraction(rng.choice((118, 122, 125, 128, 132, 135, 140)), 100)
        list_price[p.name] = nice_price(Fraction(_cost(p, currency)) * markup * Fraction(6, 5), rng)
    sub = 0
    for client in clients:
        basket = _basket(rng, client, currency, third_party)
        products = [BY_NAME[n] for n in basket]
        for name, seats in basket.items():
            product = BY_NAME[name]
            outcome = "match"
            if client.side == "vendor":
                outcome = "unbilled"
            elif client.side == "psa":
                outcome = "no_vendor_record"
            else:
                outcome = rng.choices(
                    ("match", "under", "over", "unbilled", "nvr", "below", "below_under"),
                    (70, 8, 6, 5, 4, 5, 2),
                )[0]
            vq = seats
            if outcome in ("under", "below_under") and vq < 2:
                outcome = "match"
            pq = vq
            if outcome in ("under", "below_under"):
                pq = vq - rng.randint(1, max(1, min(5, vq - 1)))
            elif outcome == "over":
                pq = vq + rng.randint(1, 4)
            # vendor side
            cost = _cost(product, currency)
            vlines: list[VLine] = []
            if outcome not in ("nvr", "no_vendor_record"):
                style = rng.choices(
                    ("monthly", "annual_term", "annual_upfront", "two_subs", "credit"),
                    (45, 25, 10, 10, 10),
                )[0]
                sub += 1
                monthly_cost = (cost * Decimal("1.2")).quantize(Decimal("0.01"))

                def vl(
                    qty: int,
                    unit: Decimal,
                    annual: bool,
                    role: str,
                    charge: str,
                    term: int,
                    cl: Client = client,
                    pr: Product = product,
                ) -> VLine:
                    nonlocal sub
                    sub += 1
                    start = PERIOD_START if not annual else date(2026, rng.randint(1, 9), 1)
                    end = (
                        PERIOD_END
                        if not annual
                        else date(start.year + 1, start.month, 1) - timedelta(days=1)
                    )
                    return VLine(
                        cl, pr, qty, unit, annual, role, f"{sub:06d}", charge, start, end, term
                    )

                if style == "monthly":
                    vlines.append(vl(vq, monthly_cost, False, "licence", "cycleCharge", 1))
                elif style == "annual_term":
                    vlines.append(vl(vq, cost, False, "licence", "cycleCharge", 12))
                elif style == "annual_upfront":
                    vlines.append(vl(vq, cost * 12, True, "licence", "renew", 12))
                elif style == "two_subs" and vq >= 2:
                    a = rng.randint(1, vq - 1)
                    vlines.append(vl(a, cost, False, "licence", "cycleCharge", 12))
                    vlines.append(vl(vq - a, monthly_cost, False, "licence", "addQuantity", 1))
                elif style == "credit":
                    k = rng.randint(1, 3)
                    vlines.append(vl(vq + k, cost, False, "licence", "cycleCharge", 12))
                    vlines.append(vl(-k, cost, False, "credit", "removeQuantity", 12))
                else:
                    vlines.append(vl(vq, cost, False, "licence", "cycleCharge", 12))
            sc.vlines.extend(vlines)
            # PSA side
            if outcome in ("unbilled",):
                if caps.cancel and rng.random() < 0.3:
                    text, classes = _spell(prng, product, products, bool(vlines))
                    sc.plines.append(
                        PLine(
                            client,
                            product.name,
                            vq,
                            list_price[name],
                            False,
                            "cancelled",
                            product.name,
                            text,
                            classes,
                            "Cancelled",
                            date(2026, rng.randint(3, 8), 1),
                        )
                    )
                continue
            if vlines:
                vsum = sum((Fraction(v.qty) * v.monthly_unit() for v in vlines), Fraction(0))
                c = vsum / sum(v.qty for v in vlines)
            else:
                c = Fraction(cost * Decimal("1.2"))
            price = list_price[name]
            r = rng.random()
            if r < 0.15:
                price = nice_price(Fraction(price) * Fraction(9, 10), rng)
            if outcome in ("below", "below_under"):
                price = (
                    Decimal(c.numerator)
                    / Decimal(c.denominator)
                    * Decimal(rng.choice(("0.80", "0.85", "0.9", "0.95")))
                ).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
                if Fraction(price) >= c:
                    price -= Decimal("0.05")
            elif Fraction(price) < c * Fraction(21, 20):
                price = nice_price(c * Fraction(5, 4), rng)
            style = rng.choices(("one", "split", "annual"), (78, 14, 8 if caps.annual else 0))[0]
            if style == "split" and pq >= 2:
                a = rng.randint(1, pq - 1)
                notes = rng.choice(SPLIT_NOTES)
                for q, note in ((a, notes[0]), (pq - a, notes[1])):
                    text, classes = _spell(prng, product, products, bool(vlines))
                    sc.plines.append(
                        PLine(
                            client,
                            product.name,
                            q,
                            price,
                            False,
                            "licence",
                            product.name,
                            text + note,
                            (*tuple(c for c in classes if c != "untouched"), "who_where_note")
                            if "who_where_note" not in classes
                            else classes,
                        )
                    )
            elif style == "annual":
                text, classes = _spell(prng, product, products, bool(vlines))
                sc.plines.append(
                    PLine(
                        client,
                        product.name,
                        pq,
                        price * 12,
                        True,
                        "licence",
                        product.name,
                        text,
                        classes,
                    )
                )
            else:
                text, classes = _spell(prng, product, products, bool(vlines))
                sc.plines.append(
                    PLine(
                        client,
                        product.name,
                        pq,
                        price,
                        False,
                        "licence",
                        product.name,
                        text,
                        classes,
                    )
                )
            if caps.cancel and rng.random() < 0.05:
                text, classes = _spell(prng, product, products, bool(vlines))
                cdate = date(2026, rng.randint(2, 8), rng.choice((1, 15, 28)))
                sc.plines.append(
                    PLine(
                        client,
                        product.name,
                        rng.randint(1, 5),
                        price,
                        False,
                        "cancelled",
                        product.name,
                        text,
                        classes,
                        "Cancelled",
                        cdate,
                    )
                )
            elif caps.not_billable and rng.random() < 0.03:
                text, classes = _spell(prng, product, products, bool(vlines))
                sc.plines.append(
                    PLine(
                        client,
                        product.name,
                        rng.randint(1, 3),
                        Decimal("0.00"),
                        False,
                        "cancelled",
                        product.name,
                        text,
                        classes,
                        "Active",
                        None,
                        billable=False,
                    )
                )
        # free lines on the bill, services on the PSA
        if client.side != "psa" and rng.random() < 0.12:
            free = rng.choice([f for f in FREE if third_party or f.publisher == "Microsoft"])
            sub += 1
            sc.vlines.append(
                VLine(
                    client,
                    free,
                    rng.randint(1, 25),
                    Decimal("0.00"),
                    False,
                    "free",
                    f"{sub:06d}",
                    "new",
                    PERIOD_START,
                    PERIOD_END,
                    1,
                )
            )
        if client.side != "vendor":
            for text in rng.sample(SERVICES, rng.choice((0, 1, 1, 2, 3))):
                qty = client.seats if "user" in text else rng.randint(1, 12)
                sc.plines.append(
                    PLine(
                        client,
                        text,
                        qty,
                        nice_price(Fraction(rng.randint(8, 140)), rng),
                        False,
                        "service",
                        text,
                        text,
                    )
                )
    if caps.cancel:  # a cancellation scheduled after the month started: still billed this month
        later = random.Random(f"evalf-later|{seed}|{tag}|{clients_n}")
        for line in sc.plines:
            if line.role == "licence" and later.random() < 0.04:
                line.cancelled = later.choice(
                    (date(2026, 9, 30), date(2026, 10, 31), date(2026, 9, 2))
                )
    return sc


def compute_findings(sc: Scenario) -> list[Finding]:
    """rules.md, from the scenario's own values, with exact fractions."""
    vgroups: dict[tuple[str, str], list[int]] = {}
    pgroups: dict[tuple[str, str], list[int]] = {}
    for i, v in enumerate(sc.vlines):
        if v.role in ("licence", "credit"):
            vgroups.setdefault((v.client.canonical, v.product.name), []).append(i)
    for i, p in enumerate(sc.plines):
        if p.role == "licence":
            pgroups.setdefault((p.client.canonical, p.product), []).append(i)
    return derive(
        {
            k: [(sc.vlines[i].qty, sc.vlines[i].monthly_unit()) for i in ix]
            for k, ix in vgroups.items()
        },
        {
            k: [(sc.plines[i].qty, sc.plines[i].monthly_unit()) for i in ix]
            for k, ix in pgroups.items()
        },
        vgroups,
        pgroups,
    )


def derive(
    vend: dict[tuple[str, str], list[tuple[int, Fraction]]],
    psa: dict[tuple[str, str], list[tuple[int, Fraction]]],
    vrows: dict[tuple[str, str], list[int]],
    prows: dict[tuple[str, str], list[int]],
) -> list[Finding]:
    """The rules applied to grouped (quantity, monthly unit) lines; rows are passed through."""
    price: dict[tuple[str, str], tuple[int, Fraction]] = {}
    for key, lines in psa.items():
        q = sum(n for n, _ in lines)
        price[key] = (q, sum((n * u for n, u in lines), Fraction(0)) / q)
    by_product: dict[str, list[Fraction]] = {}
    for (_, product), (_, p) in price.items():
        by_product.setdefault(product, []).append(p)
    out: list[Finding] = []
    for key in sorted(set(vend) | set(psa)):
        client, product = key
        vr, pr = vrows.get(key, []), prows.get(key, [])
        if key in vend:
            vq = sum(n for n, _ in vend[key])
            c = sum((n * u for n, u in vend[key]), Fraction(0)) / vq
        if key not in psa:
            prices = sorted(by_product.get(product, []))
            if prices:
                m = len(prices)
                med = prices[m // 2] if m % 2 else (prices[m // 2 - 1] + prices[m // 2]) / 2
                out.append(Finding("unbilled", client, product, vq * med, vr, pr))
            else:
                out.append(Finding("unbilled", client, product, vq * c, vr, pr))
            continue
        pq, p = price[key]
        if key not in vend:
            out.append(Finding("no_vendor_record", client, product, pq * p, vr, pr))
            continue
        if vq > pq:
            out.append(Finding("under_billed", client, product, (vq - pq) * p, vr, pr))
        elif pq > vq:
            out.append(Finding("over_billed", client, product, (pq - vq) * p, vr, pr))
        if p < c:
            out.append(Finding("below_cost", client, product, (c - p) * min(vq, pq), vr, pr))
    return out
