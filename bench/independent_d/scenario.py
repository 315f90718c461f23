"""One month of one MSP: customers, what they buy, the vendor lines and the PSA lines.

Every spelling (clean and perturbed) is decided here, so a clean and a perturbed render of one
scenario have the same lines, quantities and money; only the text differs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .catalog import BY_KEY, PRODUCTS, SERVICES, Product
from .names import COUNTRIES, Customer, make_customers
from .perturb import (
    NAME_CLASSES,
    PRODUCT_CLASSES,
    SUFFIX_VARIANTS,
    customer_psa_name,
    product_spelling,
    tokens,
)

PERIOD = "2026-11"  # November 2026
CENT = Decimal("0.01")
FX: dict[str, Decimal] = {
    "USD": Decimal("1"),
    "GBP": Decimal("0.79"),
    "EUR": Decimal("0.93"),
    "AUD": Decimal("1.54"),
    "NZD": Decimal("1.71"),
    "CAD": Decimal("1.39"),
}


@dataclass
class VLine:
    """A vendor line: ``unit_cost`` is the MSP's real cost per billing period (a year when annual)."""

    cust: int
    product: str
    qty: int
    unit_cost: Decimal
    annual: bool
    role: str  # licence | credit | free
    sub: str
    monthly_term: bool = False  # one-month commitment (vs one-year)
    list_price: Decimal = Decimal(0)


@dataclass
class PLine:
    """A PSA line: ``unit_price`` per billing period (a year when annual)."""

    cust: int
    product: str  # product key, or the service text
    qty: int
    unit_price: Decimal
    annual: bool
    role: str  # licence | service | cancelled
    status: str = "active"  # active | cancelled | not_billable | paused
    text_clean: str = ""
    text_perturbed: str = ""
    cls: str = "untouched"
    group: int = 0  # schedule / agreement number within the customer
    ends: int = (
        0  # a cancellation dated later in the month (still billed this month), day of November
    )


@dataclass
class Scenario:
    seed: int
    currency: str
    customers: list[Customer]
    psa_names: dict[int, tuple[str, str]]  # cid -> (perturbed name, class)
    vendor_cases: dict[int, bool]  # cid -> tenant name upper-cased on the bill (perturbed only)
    on_vendor: set[int]
    on_psa: set[int]
    vlines: list[VLine] = field(default_factory=list)
    plines: list[PLine] = field(default_factory=list)


@dataclass(frozen=True)
class Caps:
    """What a pair of formats can express."""

    ms_only: bool = False
    has_domain: bool = False
    charset: str = "utf-8"
    psa_cancel: bool = True
    psa_not_billable: bool = False
    psa_annual: bool = False


def money(value: Decimal | Fraction) -> Decimal:
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _nice_price(rng: random.Random, value: Decimal) -> Decimal:
    """A price as people set it: x.00, x.50, x.95 or x.99."""
    whole = int(value)
    cents = rng.choice((Decimal("0.00"), Decimal("0.50"), Decimal("0.95"), Decimal("0.99")))
    out = Decimal(whole) + cents
    return out if out > 0 else Decimal("0.99")


def _weighted(rng: random.Random, items: list[tuple[str, float]]) -> str:
    total = sum(w for _, w in items)
    roll = rng.random() * total
    for item, w in items:
        roll -= w
        if roll <= 0:
            return item
    return items[-1][0]


EU = {"DE", "NL", "FR", "LU", "IE", "FI", "DK", "SE", "PL", "NO"}


def _basket(rng: random.Random, c: Customer, ms_only: bool) -> dict[str, int]:
    """Products and seats a customer of this size plausibly buys."""
    n = c.seats
    eu = c.country in EU
    b: dict[str, int] = {}
    if not ms_only and n < 25 and rng.random() < 0.07:
        b[rng.choice(("gwstd", "gwplus"))] = n
        if rng.random() < 0.5:
            b["teamsess"] = max(1, n // 2)
    else:
        if n < 12:
            suite = _weighted(rng, [("m365bb", 2), ("m365bs", 3), ("m365bp", 5), ("exop1", 1)])
        elif n < 70:
            suite = _weighted(rng, [("m365bs", 2), ("m365bp", 6), ("m365e3", 2), ("o365e3", 1)])
        else:
            suite = _weighted(
                rng, [("m365bp", 2), ("m365e3", 5), ("m365e5", 2), ("o365e3", 2), ("o365e1", 1)]
            )
        if eu and suite in ("m365bp", "m365e3") and rng.random() < 0.4:
            suite += "_nt"
            b["teamsent"] = n
        b[suite] = n
        if suite in ("m365bp", "m365bs") and n > 6 and rng.random() < 0.2:
            b["m365bb"] = max(1, n // 4)  # a few light users on Basic: look-alike trap
        if suite.startswith("m365bp") and rng.random() < 0.15:
            b["m365f3"] = max(2, n // 3)
        if suite.startswith("m365e3") and rng.random() < 0.35:
            b["m365e5sec"] = max(1, n // 3)  # E5 Security add-on next to E3
        if suite.startswith("m365e3") and rng.random() < 0.12:
            b["o365e3"] = max(1, n // 5)  # Office 365 E3 beside Microsoft 365 E3
        if suite == "m365e5" and rng.random() < 0.3:
            b["m365e5comp"] = max(1, n // 4)
        if suite in ("o365e3", "o365e1") and rng.random() < 0.4:
            b["entrap1"] = n
        if suite in ("m365e3", "m365e5") and rng.random() < 0.15:
            b["entrap2"] = max(1, n // 10)
        if suite in ("m365bs", "m365bb", "exop1") and rng.random() < 0.35:
            b["mdb"] = n
            if rng.random() < 0.5:
                b["mdo1"] = n  # Defender for Business vs Defender for Office 365: trap
        if suite.startswith("m365e3") and rng.random() < 0.2:
            b["mdo2"] = n
        if suite == "m365bp" and rng.random() < 0.15:
            b["mdo2"] = max(1, n // 2)
        if rng.random() < 0.15:
            b["exokiosk"] = max(1, n // 6)
            if suite != "exop1" and rng.random() < 0.4:
                b["exop1"] = max(1, n // 8)
        if rng.random() < 0.12:
            b["eoa"] = max(1, n // 2)
        if rng.random() < 0.12:
            b[rng.choice(("visio1", "visio2"))] = max(1, n // 10)
        if rng.random() < 0.1:
            for k in rng.sample(("proj1", "proj3", "proj5"), rng.choice((1, 1, 2))):
                b[k] = max(1, n // 12)
        if rng.random() < 0.15:
            b["pbipro"] = max(1, n // 5)
            if rng.random() < 0.25:
                b["pbippu"] = max(1, n // 20)
        if rng.random() < 0.12:
            b["copilot"] = max(1, n // 8)
        if suite.startswith("m365e") and rng.random() < 0.15:
            b["teamsprem"] = max(1, n // 10)
        if rng.random() < 0.1:
            b["teamsphone"] = max(1, n // 3)
        if n > 40 and rng.random() < 0.12:
            b["teamsrooms"] = rng.randint(1, 4)
        if rng.random() < 0.06:
            b["w365"] = max(1, n // 15)
        if suite.startswith(("m365bs", "m365bb")) and rng.random() < 0.15:
            b["intune"] = n
        if rng.random() < 0.06:
            b["appsbiz" if n < 50 else "appsent"] = max(1, n // 6)
        if rng.random() < 0.05:
            b["od1"] = max(1, n // 8)
        if rng.random() < 0.06:
            b["paprem"] = max(1, n // 10)
    if ms_only:
        return b
    if rng.random() < 0.5:
        b[rng.choice(("dattosaas", "veeam365", "keepit"))] = n
    roll = rng.random()
    if roll < 0.35:
        b[rng.choice(("s1core", "s1control", "s1complete"))] = n + rng.randint(0, 3)
    elif roll < 0.5:
        b[rng.choice(("gzbs", "gzbsp", "esetadv"))] = n + rng.randint(0, 2)
    if rng.random() < 0.2:
        b["huntedr"] = n + rng.randint(0, 2)
    if rng.random() < 0.15:
        b["huntitdr"] = n
    if rng.random() < 0.3:
        b[rng.choice(("mimecast", "ppessbiz", "ppessadv"))] = n
    if rng.random() < 0.3:
        b[rng.choice(("keeperbiz", "keeperent", "onepass", "bwteams"))] = n
    if rng.random() < 0.12:
        b[rng.choice(("dsstd", "dsbizpro"))] = max(1, n // 10)
    if rng.random() < 0.25:
        b[rng.choice(("acrostd", "acropro"))] = max(1, n // 4)
    if rng.random() < 0.07:
        b["ccallapps"] = max(1, n // 15)
    if rng.random() < 0.07:
        b["canva"] = max(1, n // 10)
    if rng.random() < 0.1:
        b[rng.choice(("zoompro", "zoombiz"))] = max(1, n // 5)
    if "teamsphone" not in b and rng.random() < 0.1:
        b[rng.choice(("rcexcore", "rcexadv"))] = max(1, n // 2)
    if rng.random() < 0.25:
        b[rng.choice(("kb4gold", "kb4diamond"))] = n
    if rng.random() < 0.15:
        b["umbrella"] = n
    if rng.random() < 0.04:
        b["acadlt"] = rng.randint(1, 3)
    return b


def _unit_cost(
    p: Product, currency: str, monthly_term: bool, annual: bool, bump: Decimal
) -> Decimal:
    base = p.cost * FX[currency] * bump
    if monthly_term:
        base *= Decimal("1.2")
    base = base.quantize(CENT, rounding=ROUND_HALF_UP)
    return base * 12 if annual else base


def build(seed: int, clients: int, currency: str, caps: Caps, salt: str) -> Scenario:
    rng = random.Random(f"set-d|{seed}|{clients}|{salt}")
    prng = random.Random(f"set-d-perturb|{seed}|{clients}|{salt}")
    customers = make_customers(rng, clients, currency, caps.has_domain, caps.charset)
    on_vendor: set[int] = set()
    on_psa: set[int] = set()
    for c in customers:
        roll = rng.random()
        if c.kind == "trading":
            roll = 0.5
        if roll < 0.05:
            on_vendor.add(c.cid)
        elif roll < 0.09:
            on_psa.add(c.cid)
        else:
            on_vendor.add(c.cid)
            on_psa.add(c.cid)
    # near-name customers on opposite sides, which must never merge: one sibling pair and two
    # locations of one chain, one of each only on the bill and the other only in the PSA
    siblings = [c.cid for c in customers if c.kind == "sibling"][:2]
    chain = [c.cid for c in customers if c.kind == "chain"][:2]
    for pair in (siblings, chain):
        if len(pair) == 2:
            on_psa.discard(pair[0])
            on_vendor.add(pair[0])
            on_vendor.discard(pair[1])
            on_psa.add(pair[1])
    sc = Scenario(seed, currency, customers, {}, {}, on_vendor, on_psa)
    # per-case price rise on some products (PSA prices not updated: below cost)
    bump = {p.key: Decimal("1") for p in PRODUCTS}
    for key in rng.sample(sorted(bump), 6):
        bump[key] = Decimal("1.12")
    sell = {
        p.key: _nice_price(
            rng, p.cost * FX[currency] * Decimal(str(rng.choice((1.25, 1.3, 1.4, 1.5))))
        )
        for p in PRODUCTS
    }
    _customer_names(prng, sc)
    for c in customers:
        _customer_lines(rng, prng, sc, c, caps, bump, sell)
    rank = {
        c.cid: r
        for r, c in enumerate(sorted(customers, key=lambda c: (c.canonical.casefold(), c.cid)))
    }
    sc.vlines.sort(key=lambda ln: rank[ln.cust])
    sc.plines.sort(key=lambda ln: (rank[ln.cust], ln.group))
    return sc


def _customer_names(prng: random.Random, sc: Scenario) -> None:
    """The PSA's name for every customer, never equal to another customer's name."""
    weights = {
        "untouched": 2.2,
        "legal_suffix_typo": 1.2,
        "legal_suffix_variant": 1.2,
        "name_abbreviation": 1.0,
        "name_typo": 1.0,
        "dropped_word": 0.6,
        "branch_suffix": 0.7,
        "store_number": 6.0,
        "dba": 0.5,
        "trading_name": 50.0,
        "accent_fold": 2.5,
        "name_case_punct": 1.4,
    }
    assert set(weights) == set(NAME_CLASSES)
    taken = {_norm(c.canonical) for c in sc.customers}
    cores = [(c.cid, _core(c.canonical)) for c in sc.customers]
    for c in sc.customers:
        sc.vendor_cases[c.cid] = prng.random() < 0.35
        for _ in range(12):
            cls = _weighted(prng, list(weights.items()))
            name = customer_psa_name(prng, c, cls)
            if name is None:
                continue
            key = _norm(name)
            own = _norm(c.canonical)
            if cls != "untouched" and ((key in taken and key != own) or name == c.canonical):
                continue
            core = _core(name)
            if cls != "untouched" and any(cid != c.cid and core <= other for cid, other in cores):
                continue  # it would fit another customer's name as well: not resolvable
            taken.add(key)
            sc.psa_names[c.cid] = (name, cls)
            break
        else:
            sc.psa_names[c.cid] = (c.canonical, "untouched")


_LEGAL_TOKENS = frozenset(
    t
    for forms in [*(v[0] for v in COUNTRIES.values()), *SUFFIX_VARIANTS.values()]
    for form in forms
    for t in tokens(form)
)


def _core(text: str) -> set[str]:
    """The words of a customer name without its legal form."""
    return tokens(text) - _LEGAL_TOKENS


def _norm(text: str) -> str:
    return " ".join(sorted(tokens(text)))


def _customer_lines(
    rng: random.Random,
    prng: random.Random,
    sc: Scenario,
    c: Customer,
    caps: Caps,
    bump: dict[str, Decimal],
    sell: dict[str, Decimal],
) -> None:
    basket = _basket(rng, c, caps.ms_only)
    both = c.cid in sc.on_vendor and c.cid in sc.on_psa
    vendor_keys = list(basket) if c.cid in sc.on_vendor else []
    psa_plan: dict[str, tuple[int, str]] = {}  # key -> (pq, outcome)
    for key in basket:
        vq = basket[key]
        if not both:
            if c.cid in sc.on_psa:
                psa_plan[key] = (vq, "nvr")
            continue
        outcome = _weighted(
            rng,
            [
                ("match", 66),
                ("under", 8),
                ("over", 6),
                ("unbilled", 6),
                ("below", 6),
                ("below_under", 3),
                ("split", 5),
            ],
        )
        d = max(1, vq // rng.choice((5, 8, 12)))
        if outcome == "unbilled":
            continue
        if outcome in ("under", "below_under"):
            psa_plan[key] = (
                (vq - d, outcome)
                if vq - d > 0
                else (vq, "below" if outcome == "below_under" else "match")
            )
        elif outcome == "over":
            psa_plan[key] = (vq + d, outcome)
        else:
            psa_plan[key] = (vq, outcome)
    if both and rng.random() < 0.12 and not caps.ms_only:
        extra = rng.choice(("keeperbiz", "ppessadv", "zoompro", "kb4gold", "acropro", "umbrella"))
        if extra not in basket:
            psa_plan[extra] = (max(1, c.seats // 3), "nvr")
    elif both and rng.random() < 0.05:
        extra = rng.choice(("visio2", "pbipro", "exop2", "teamsess"))
        if extra not in basket:
            psa_plan[extra] = (max(1, c.seats // 6), "nvr")
    # vendor lines
    costs: dict[str, Fraction] = {}
    for key in vendor_keys:
        p = BY_KEY[key]
        costs[key] = _vendor_lines(rng, sc, c.cid, p, basket[key], caps, bump[key])
    if c.cid in sc.on_vendor and rng.random() < 0.1:
        free = rng.choice(("teamsexpl", "pafree", "pappstrial"))
        sc.vlines.append(
            VLine(c.cid, free, rng.randint(1, 25), Decimal("0.00"), False, "free", _sub(rng))
        )
    if c.cid not in sc.on_psa:
        return
    # PSA lines
    products_here = [BY_KEY[k] for k in sorted(set(vendor_keys) | set(psa_plan))]
    group = 1
    for key, (pq, outcome) in psa_plan.items():
        p = BY_KEY[key]
        price = sell[key]
        if rng.random() < 0.3:
            price = _nice_price(rng, price * Decimal(str(rng.choice((0.85, 0.9, 0.95, 1.08)))))
        if outcome.startswith("below"):
            monthly_cost = costs[key]
            price = money(monthly_cost * Fraction(rng.choice((80, 88, 93, 97)), 100))
            if Fraction(price) >= monthly_cost or price <= 0:
                price = money(monthly_cost) - CENT
        elif key in costs and Fraction(price) < costs[key] * Fraction(11, 10):
            price = _nice_price(
                rng,
                Decimal(costs[key].numerator) / Decimal(costs[key].denominator) * Decimal("1.3"),
            )
        annual = caps.psa_annual and (p.annual_only or rng.random() < 0.06) and outcome != "split"
        parts = [pq]
        if (outcome == "split" or rng.random() < 0.08) and pq >= 3:
            cut = rng.randint(1, pq - 1)
            parts = [cut, pq - cut]
            if pq >= 8 and rng.random() < 0.3:
                cut2 = rng.randint(1, parts[1] - 1) if parts[1] > 1 else 0
                if cut2:
                    parts = [cut, cut2, pq - cut - cut2]
        allowed = (
            PRODUCT_CLASSES
            if outcome != "nvr"
            else ("untouched", "typo", "extra_words", "case_punct")
        )
        for i, q in enumerate(parts):
            line_price = price
            if i > 0 and outcome == "split" and rng.random() < 0.4:
                line_price = _nice_price(rng, price * Decimal("1.1"))
            unit = line_price * 12 if annual else line_price
            line = PLine(c.cid, key, q, unit, annual, "licence", group=group)
            if caps.psa_cancel and not annual and rng.random() < 0.03:
                line.ends = rng.choice((15, 20, 30))
            _spell(prng, line, p, products_here, allowed)
            if len(parts) > 1 and line.cls == "untouched" and prng.random() < 0.6:
                line.text_perturbed = p.name + prng.choice(_TEAMS)  # who the split line is for
                line.cls = "extra_words"
            sc.plines.append(line)
        if caps.psa_cancel and rng.random() < 0.07:
            old = PLine(
                c.cid,
                key,
                rng.randint(1, max(1, pq)),
                price,
                False,
                "cancelled",
                status="cancelled"
                if not caps.psa_not_billable or rng.random() < 0.6
                else "not_billable",
                group=group + 1,
            )
            _spell(prng, old, p, products_here, ("untouched", "typo", "case_punct", "extra_words"))
            sc.plines.append(old)
    if caps.psa_cancel and rng.random() < 0.05:
        gone = BY_KEY[rng.choice(("exop2", "visio1", "pbippu", "m365f1"))]
        if gone.key not in basket and gone.key not in psa_plan:
            line = PLine(
                c.cid,
                gone.key,
                rng.randint(1, 6),
                sell[gone.key],
                False,
                "cancelled",
                status="cancelled",
                group=group + 1,
            )
            _spell(prng, line, gone, products_here, ("untouched", "case_punct"))
            sc.plines.append(line)
    for text in rng.sample(SERVICES, rng.choice((1, 1, 2, 3))):
        qty = c.seats if "per user" in text or "per mailbox" in text else rng.randint(1, 6)
        price = Decimal(
            rng.choice(("45.00", "12.50", "95.00", "150.00", "8.00", "1250.00", "25.00"))
        )
        sc.plines.append(
            PLine(
                c.cid,
                text,
                qty,
                price,
                False,
                "service",
                text_clean=text,
                text_perturbed=text,
                group=group,
            )
        )


_TEAMS = (
    " - Head Office",
    " - Warehouse staff",
    " (Sydney office)",
    " – Board members",
    " - Contractors",
    " (Auckland branch)",
    " - Admin team",
    " / Werkstatt",
    " - Field technicians",
)


def _spell(
    prng: random.Random, line: PLine, p: Product, basket: list[Product], allowed: tuple[str, ...]
) -> None:
    weights = {
        "untouched": 2.6,
        "typo": 1.0,
        "abbreviation": 1.4,
        "brand_dropped": 1.0,
        "extra_words": 1.2,
        "bare_plan": 1.0,
        "renamed": 1.0,
        "in_house": 0.9,
        "case_punct": 0.9,
    }
    line.text_clean = p.name
    for _ in range(6):
        cls = _weighted(prng, [(k, w) for k, w in weights.items() if k in allowed])
        text = product_spelling(prng, p, cls, basket)
        if (
            text is not None
            and line.annual
            and ("month" in text.lower() or "monat" in text.lower())
        ):
            continue  # an annual line is never described "per month"
        if text is not None and (cls == "untouched" or text != p.name):
            line.text_perturbed, line.cls = text, cls
            return
    line.text_perturbed, line.cls = p.name, "untouched"


def _sub(rng: random.Random) -> str:
    return f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-{0x4000 | rng.getrandbits(12):04x}-{0x8000 | rng.getrandbits(14):04x}-{rng.getrandbits(48):012x}"


def _vendor_lines(
    rng: random.Random, sc: Scenario, cid: int, p: Product, vq: int, caps: Caps, bump: Decimal
) -> Fraction:
    """The subscriptions (and a credit) that make up ``vq`` seats; returns the monthly cost c."""
    annual = (p.annual_only and rng.random() < 0.7) or (not p.annual_only and rng.random() < 0.08)
    subs: list[tuple[int, bool, bool]] = []  # qty, monthly_term, annual
    if vq >= 4 and rng.random() < 0.22:
        cut = rng.randint(1, vq - 1)
        subs = [(vq - cut, False, annual), (cut, rng.random() < 0.5 and not p.annual_only, False)]
    else:
        subs = [(vq, not annual and not p.annual_only and rng.random() < 0.15, annual)]
    total = Fraction(0)
    for qty, mterm, ann in subs:
        cost = _unit_cost(p, sc.currency, mterm, ann, bump)
        lst = (cost * Decimal("1.18")).quantize(CENT, rounding=ROUND_HALF_UP)
        sub = _sub(rng)
        credit = qty >= 3 and rng.random() < 0.08
        k = rng.randint(1, qty - 1) if credit else 0
        sc.vlines.append(VLine(cid, p.key, qty + k, cost, ann, "licence", sub, mterm, lst))
        if credit:
            sc.vlines.append(VLine(cid, p.key, -k, cost, ann, "credit", sub, mterm, lst))
        total += Fraction(cost) / (12 if ann else 1) * qty
    return total / vq
