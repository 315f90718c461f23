"""One month of one MSP: who buys what from the vendor and what the PSA bills, line by line.

The scenario is drawn from a seed and is independent of any file format; renderers then write it.
Every PSA line carries a clean spelling (canonical name) and a perturbed spelling with the classes it
exercises; `perturb=False` renders the clean one, so both renders have the same findings.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

from .catalog import (
    BY_KEY,
    EXTRA_WORDS_AFTER,
    EXTRA_WORDS_BEFORE,
    FOREIGN_WORDS,
    NOTES,
    PRODUCTS,
    SERVICE_LINES,
    VAGUE_CLASSES,
    Product,
)
from .names import Client, make_clients, name_classes, psa_name

PERIOD = "2026-09"
PERIOD_START = date(2026, 9, 1)
PERIOD_END = date(2026, 9, 30)
CENT = Decimal("0.01")

# What a product is *for*: two products of one concept at a client make vague spellings ambiguous.
CONCEPTS: dict[str, str] = {
    "dfb": "edr",
    "s1_core": "edr",
    "s1_ctrl": "edr",
    "huntress": "edr",
    "pp_biz": "mailsec",
    "pp_adv": "mailsec",
    "avanan": "mailsec",
    "mailassure": "mailsec",
    "mdo1": "mailsec",
    "mdo2": "mailsec",
    "teams_phone": "voip",
    "ringex": "voip",
    "zoom_pro": "meet",
    "zoom_biz": "meet",
    "teams_ess": "meet",
    "teams_prem": "meet",
    "dropsuite": "backup",
    "datto_saas": "backup",
    "keeper_biz": "pwm",
    "keeper_ent": "pwm",
    "onepass": "pwm",
    "eoa": "archive",
    "exo2": "archive",
    "bb": "suite",
    "bs": "suite",
    "bp": "suite",
    "bp_nt": "suite",
    "m365e3": "suite",
    "m365e5": "suite",
    "m365e3_nt": "suite",
    "o365e1": "suite",
    "o365e3": "suite",
    "f1": "suite",
    "f3": "suite",
    "apps_biz": "suite",
    "apps_ent": "suite",
    "exo1": "suite",
}
# Words that tell look-alikes apart: a typo never lands on them.
DISCRIMINATORS = frozenset(
    [
        "plan",
        "basic",
        "standard",
        "premium",
        "business",
        "enterprise",
        "security",
        "compliance",
        "core",
        "control",
        "advanced",
        "essentials",
        "kiosk",
        "teams",
        "pro",
        "apps",
        "phone",
    ]
)
STOP = frozenset(
    [
        "-",
        "&",
        "+",
        "per",
        "user",
        "the",
        "for",
        "of",
        "and",
        "add",
        "on",
        "x",
        "/",
        "(",
        ")",
        "licence",
    ]
)

# Baskets an MSP's customers buy: (core, add-ons offered, look-alike pairs that may co-occur).
SMB_CORE = ("bp", "bp", "bs", "bb", "bp")
ENT_CORE = ("m365e3", "m365e5", "o365e3", "o365e1")
EU_CORE = ("bp_nt", "m365e3_nt")
SMB_ADDONS = (
    "dfb",
    "keeper_biz",
    "onepass",
    "pp_biz",
    "pp_adv",
    "dropsuite",
    "datto_saas",
    "knowbe4",
    "dnsfilter",
    "huntress",
    "s1_core",
    "s1_ctrl",
    "eoa",
    "entra1",
    "intune",
    "acrobat",
    "adobe_cc",
    "zoom_pro",
    "zoom_biz",
    "ringex",
    "docusign_std",
    "docusign_bp",
    "teams_phone",
    "visio1",
    "visio2",
    "pbi_pro",
    "copilot",
    "avanan",
    "mailassure",
    "exo1",
    "kiosk",
    "teams_ess",
    "apps_biz",
)
ENT_ADDONS = (
    "e5sec",
    "e5comp",
    "entra2",
    "entra1",
    "mdo1",
    "mdo2",
    "visio1",
    "visio2",
    "proj1",
    "proj3",
    "pbi_pro",
    "pbi_ppu",
    "copilot",
    "teams_prem",
    "teams_phone",
    "f1",
    "f3",
    "exo2",
    "kiosk",
    "keeper_ent",
    "knowbe4",
    "docusign_bp",
    "adobe_cc",
    "apps_ent",
    "s1_ctrl",
    "dropsuite",
)
# Combinations that are not bought together (they contain each other or replace each other).
EXCLUSIVE = (
    {"m365e5", "e5sec"},
    {"m365e5", "e5comp"},
    {"m365e5", "entra2"},
    {"m365e5", "mdo2"},
    {"m365e5", "pbi_pro"},
    {"m365e5", "teams_phone"},
    {"keeper_biz", "onepass"},
    {"keeper_ent", "onepass"},
    {"dropsuite", "datto_saas"},
    {"bp", "dfb"},
    {"bp", "intune"},
    {"bp", "entra1"},
    {"m365e3", "entra1"},
    {"m365e3", "intune"},
    {"m365e3", "apps_ent"},
    {"o365e3", "apps_ent"},
    {"m365e3_nt", "entra1"},
    {"bp_nt", "dfb"},
    {"m365e3", "exo2"},
    {"o365e3", "exo2"},
    {"m365e5", "exo2"},
)
FX: dict[str, Decimal] = {
    "USD": Decimal("1"),
    "GBP": Decimal("0.79"),
    "EUR": Decimal("0.92"),
    "DKK": Decimal("6.85"),
    "PLN": Decimal("3.98"),
    "CAD": Decimal("1.37"),
    "AUD": Decimal("1.53"),
    "NOK": Decimal("10.7"),
    "SEK": Decimal("10.4"),
    "CHF": Decimal("0.88"),
}


@dataclass
class VendorLine:
    """One line of the vendor bill."""

    client: int
    product: str
    qty: int
    unit: Decimal  # cost per unit for the line's billing period (annual billing: 12 months)
    term: str  # P1M | P1Y | P3Y
    billing: str  # monthly | annual
    role: str  # licence | credit | free
    sub_id: str
    start: date
    end: date
    charge: str  # cycle | new | removeQuantity | trial

    @property
    def monthly_unit(self) -> Decimal:
        return self.unit / 12 if self.billing == "annual" else self.unit


@dataclass
class PsaLine:
    """One line of the PSA/accounting export."""

    client: int
    product: str  # product key, or the service text for services
    qty: int
    unit: Decimal  # price per unit for the line's billing period
    billing: str  # monthly | annual
    role: str  # licence | service | cancelled
    clean: str  # canonical spelling
    text: str  # perturbed spelling
    classes: list[str] = field(default_factory=list)
    cancelled: date | None = None

    @property
    def monthly_unit(self) -> Decimal:
        return self.unit / 12 if self.billing == "annual" else self.unit


@dataclass
class Scenario:
    """Everything a renderer needs: clients (with their PSA names), vendor lines, PSA lines."""

    seed: int
    currency: str
    clients: list[Client]
    psa_names: dict[int, tuple[str, str]]  # client -> (perturbed name, class)
    on_vendor: set[int]
    on_psa: set[int]
    vendor: list[VendorLine]
    psa: list[PsaLine]


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(t for t in re.split(r"[^a-z0-9]+", text.lower()) if t and t not in STOP)


def _typo_text(rng: random.Random, text: str) -> str | None:
    words = text.split(" ")
    idx = [
        i
        for i, w in enumerate(words)
        if len(w) >= 6 and w.isalpha() and w.lower() not in DISCRIMINATORS
    ]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    kind = rng.randrange(3)
    if kind == 0 and w[j] != w[j + 1]:  # swapping equal letters would change nothing
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind == 1:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def _case_punct(rng: random.Random, text: str) -> str:
    changed = _case_punct_once(rng, text)
    return changed if changed != text else text.lower() if text != text.lower() else text.upper()


def _case_punct_once(rng: random.Random, text: str) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return text.lower()
    if kind == 1:
        return text.upper()
    if kind == 2:
        return text.replace("(", "").replace(")", "").replace("  ", " ")
    if kind == 3:
        return text.replace(" ", "-") if len(text) < 40 else text.replace(" ", "  ")
    return text.replace(" ", "_").lower()


def spell_product(
    rng: random.Random, product: Product, vague_ok: bool, basket: set[str]
) -> tuple[str, list[str]]:
    """A people-typed spelling of `product` and its classes (`[]` when typed canonically)."""
    options: list[tuple[str, str]] = []
    for cls, spellings in product.variants.items():
        if cls in VAGUE_CLASSES or cls == "renamed":
            if not vague_ok:
                continue
            others = [BY_KEY[k] for k in basket if k != product.key]
            if (
                any(
                    o.family == product.family
                    or CONCEPTS.get(o.key, o.key) == CONCEPTS.get(product.key)
                    for o in others
                )
                and cls != "renamed"
            ):
                continue
            if cls == "renamed" and any(o.family == product.family for o in others):
                continue
            if cls in VAGUE_CLASSES and any(
                _tokens(s) & _tokens(o.name) for s in spellings for o in others
            ):
                continue
        options += [(cls, s) for s in spellings]
    vague = [(c, s) for c, s in options if c in VAGUE_CLASSES]
    specific = [(c, s) for c, s in options if c not in VAGUE_CLASSES]
    roll = rng.random()
    if roll < 0.12:
        return product.name, []
    generic = ("typo", "case_punct", "extra_words", "foreign_words", "note")
    if vague and roll < 0.38:
        cls, text = rng.choice(vague)
        classes = [cls]
    elif specific and roll < 0.66:
        cls, text = rng.choice(specific)
        classes = [cls]
    else:
        cls = rng.choice(generic)
        text, classes = product.name, [cls]
        if cls == "typo":
            typed = _typo_text(rng, product.name)
            if typed is None:
                return _case_punct(rng, product.name), ["case_punct"]
            text = typed
        elif cls == "case_punct":
            text = _case_punct(rng, product.name)
        elif cls == "extra_words":
            if rng.random() < 0.5:
                text = rng.choice(EXTRA_WORDS_BEFORE) + product.name
            else:
                text = product.name + rng.choice(EXTRA_WORDS_AFTER)
        elif cls == "foreign_words":
            before, after = rng.choice(FOREIGN_WORDS)
            text = before + product.name + after
        else:
            text = product.name + rng.choice(NOTES)
        return text, classes
    if rng.random() < 0.22:
        if rng.random() < 0.5:
            text += rng.choice(NOTES)
            classes.append("note")
        else:
            text += rng.choice(EXTRA_WORDS_AFTER)
            classes.append("extra_words")
    return text, classes


def _basket(rng: random.Random, client: Client) -> dict[str, int]:
    """Products and seat counts a client of this size and region buys."""
    eu = client.country in {"DE", "AT", "NO", "DK", "SE", "FI", "PL", "LU", "FR", "NL", "ES", "IT"}
    big = client.size >= 40
    addons: tuple[str, ...]
    if eu and rng.random() < 0.35:
        core = rng.choice(EU_CORE)
        addons = SMB_ADDONS
    elif big and rng.random() < 0.7:
        core = rng.choice(ENT_CORE)
        addons = ENT_ADDONS
    elif rng.random() < 0.08:
        core = "exo1"
        addons = ("exo2", "kiosk", "eoa", "mailassure", "pp_biz", "dropsuite", "keeper_biz")
    else:
        core = rng.choice(SMB_CORE)
        addons = SMB_ADDONS
    seats = {core: max(1, int(client.size * rng.choice((0.6, 0.8, 0.9, 1.0))))}
    if core in {"bp", "bs"} and rng.random() < 0.35:
        seats["bb"] = max(1, client.size - seats[core] + rng.randint(1, 4))
    if core in {"bb", "bs"} and rng.random() < 0.2:
        seats["bp"] = rng.randint(1, 4)
    want = rng.randint(2, 5 if client.size < 20 else 8)
    for key in rng.sample(addons, k=min(len(addons), want + 2)):
        if len(seats) >= want + 1:
            break
        if key in seats or any({key, k} in EXCLUSIVE for k in seats):
            continue
        product = BY_KEY[key]
        if product.seats == "addon":
            seats[key] = rng.randint(1, max(1, client.size // 3))
        else:
            seats[key] = max(1, int(seats[core] * rng.choice((0.5, 1.0, 1.0))))
    return seats


def _fx(amount: Decimal, currency: str) -> Decimal:
    return money(amount * FX[currency])


def build(seed: int, clients: int, currency: str) -> Scenario:
    """Draw the month's scenario. Deterministic in (seed, clients, currency)."""
    rng = random.Random(f"eval-g/{seed}/{clients}")
    people = make_clients(rng, clients)
    on_vendor: set[int] = set()
    on_psa: set[int] = set()
    vendor: list[VendorLine] = []
    psa: list[PsaLine] = []
    psa_names: dict[int, tuple[str, str]] = {}
    sub_counter = 0
    price_bias = {p.key: Decimal(rng.choice((0, 0, 5, 10, -5))) / 100 for p in PRODUCTS}

    def sub_id() -> str:
        nonlocal sub_counter
        sub_counter += 1
        return f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-4{sub_counter:03x}-a{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}"

    # some sibling pairs sit one on each side only: near names, different customers, never merged
    forced: dict[int, str] = {}
    for client in people:
        if client.kind == "sibling" and client.sibling_of >= 0 and rng.random() < 0.3:
            forced[client.sibling_of] = "vendor"
            forced[client.key] = "psa"
    for client in people:
        side = rng.random()
        vendor_side = side >= 0.03  # 3% of clients are on the PSA only
        psa_side = side < 0.03 or side >= 0.07  # 4% on the vendor only
        if client.key in forced:
            vendor_side, psa_side = forced[client.key] == "vendor", forced[client.key] == "psa"
        if vendor_side:
            on_vendor.add(client.key)
        if psa_side:
            on_psa.add(client.key)
            classes = name_classes(client)
            cls = rng.choice(classes) if rng.random() > 0.2 else "untouched"
            shown = psa_name(rng, client, cls)
            psa_names[client.key] = (shown, cls if shown != client.name else "untouched")
        seats = _basket(rng, client)
        # what each side has for each product
        plan: dict[str, tuple[bool, bool]] = {}
        for key in seats:
            r = rng.random()
            if not (vendor_side and psa_side):
                plan[key] = (vendor_side, psa_side)
            elif r < 0.04:
                plan[key] = (True, False)  # unbilled
            elif r < 0.07:
                plan[key] = (False, True)  # no vendor record
            else:
                plan[key] = (True, True)
        basket = set(seats)
        for key, (has_v, has_p) in plan.items():
            product = BY_KEY[key]
            vq = seats[key]
            monthly_cost = Decimal(0)
            if has_v:
                monthly_cost = _vendor_lines(rng, client, product, vq, currency, vendor, sub_id)
            if has_p:
                pq = vq
                r = rng.random()
                if has_v and r < 0.07:
                    pq = max(1, vq - rng.randint(1, max(1, vq // 3)))
                elif has_v and r < 0.12:
                    pq = vq + rng.randint(1, 3)
                base = _fx(product.price * (1 + price_bias[key]), currency)
                price = money(base * Decimal(rng.choice((100, 100, 100, 95, 105, 110))) / 100)
                if has_v and rng.random() < 0.06:
                    # a vendor price rise the MSP has not passed on
                    price = (monthly_cost * Decimal("0.93")).quantize(CENT, rounding=ROUND_DOWN)
                coin = rng.random()  # drawn always, so the scenario never depends on currency
                if has_v and price < monthly_cost and coin < 0.5:
                    price = money(monthly_cost * Decimal("1.15"))
                vague_ok = has_v and vendor_side and psa_side
                _psa_lines(rng, client, product, pq, price, vague_ok, basket, psa)
        if psa_side:
            for text in rng.sample(SERVICE_LINES, k=rng.choice((0, 1, 1, 2, 3))):
                qty = (
                    client.size
                    if "user" in text
                    else 1
                    if "One-time" in text
                    else rng.randint(1, 12)
                )
                unit = _fx(Decimal(rng.choice(("45", "12.5", "95", "150", "8", "25"))), currency)
                psa.append(PsaLine(client.key, text, qty, unit, "monthly", "service", text, text))
            if rng.random() < 0.12:
                key = rng.choice(sorted(seats))
                product = BY_KEY[key]
                unit = _fx(product.price, currency)
                text, spelled = spell_product(rng, product, False, basket)
                when = rng.choice((date(2026, 8, 31), date(2026, 9, 1), date(2026, 6, 30)))
                psa.append(
                    PsaLine(
                        client.key,
                        key,
                        rng.randint(1, 5),
                        unit,
                        "monthly",
                        "cancelled",
                        product.name,
                        text,
                        spelled,
                        when,
                    )
                )
        if vendor_side and rng.random() < 0.12:
            # a free Teams line beside a paid Teams product would make a bare "Teams" ambiguous
            has_teams = any("Teams" in BY_KEY[k].name for k in seats)
            free = [
                k
                for k in ("teams_expl", "pa_free", "copilot", "teams_prem")
                if k not in seats and not (has_teams and "teams" in k)
            ]
            key = rng.choice(free)
            product = BY_KEY[key]
            vendor.append(
                VendorLine(
                    client.key,
                    key,
                    rng.randint(1, 25),
                    Decimal(0),
                    "P1M",
                    "monthly",
                    "free",
                    sub_id(),
                    PERIOD_START,
                    PERIOD_END,
                    "trial",
                )
            )
    return Scenario(seed, currency, people, psa_names, on_vendor, on_psa, vendor, psa)


def _vendor_lines(
    rng: random.Random,
    client: Client,
    product: Product,
    vq: int,
    currency: str,
    out: list[VendorLine],
    make_id: Callable[[], str],
) -> Decimal:
    """Vendor lines for `vq` seats (one or two subscriptions, maybe a credit); returns c."""
    monthly = _fx(product.cost, currency)
    annual_monthly = money(monthly * Decimal("0.9"))
    annual_upfront = money(monthly * Decimal("0.9") * 12 - Decimal("0.07"))
    terms = [("P1M", "monthly", monthly)]
    if product.annual:
        terms += [("P1Y", "monthly", annual_monthly), ("P1Y", "annual", annual_upfront)]
    parts: list[tuple[int, tuple[str, str, Decimal]]] = []
    if vq >= 2 and rng.random() < 0.18:
        first = rng.randint(1, vq - 1)
        parts = [(first, rng.choice(terms)), (vq - first, rng.choice(terms))]
    else:
        parts = [(vq, rng.choice(terms[:2] if rng.random() < 0.75 else terms))]
    total = Decimal(0)
    for qty, (term, billing, unit) in parts:
        sid = make_id()
        credit = rng.random() < 0.08
        charge = rng.choice(("cycle", "cycle", "renew", "new"))
        if credit:
            k = rng.randint(1, 3)
            out.append(
                VendorLine(
                    client.key,
                    product.key,
                    qty + k,
                    unit,
                    term,
                    billing,
                    "licence",
                    sid,
                    PERIOD_START,
                    PERIOD_END,
                    charge,
                )
            )
            out.append(
                VendorLine(
                    client.key,
                    product.key,
                    -k,
                    unit,
                    term,
                    billing,
                    "credit",
                    sid,
                    date(2026, 9, rng.randint(3, 20)),
                    PERIOD_END,
                    "removeQuantity",
                )
            )
        else:
            out.append(
                VendorLine(
                    client.key,
                    product.key,
                    qty,
                    unit,
                    term,
                    billing,
                    "licence",
                    sid,
                    PERIOD_START,
                    PERIOD_END,
                    charge,
                )
            )
        total += qty * (unit / 12 if billing == "annual" else unit)
    return total / vq


def _psa_lines(
    rng: random.Random,
    client: Client,
    product: Product,
    pq: int,
    price: Decimal,
    vague_ok: bool,
    basket: set[str],
    out: list[PsaLine],
) -> None:
    """One PSA line for `pq` seats, or two (a split by site or by a second price)."""
    split = pq >= 2 and rng.random() < 0.15
    chunks = [rng.randint(1, pq - 1)] if split else [pq]
    if split:
        chunks.append(pq - chunks[0])
    for i, qty in enumerate(chunks):
        unit = price if i == 0 or rng.random() < 0.6 else money(price * Decimal("0.95"))
        billing = "annual" if rng.random() < 0.1 else "monthly"
        if billing == "annual":
            unit = unit * 12
        text, classes = spell_product(rng, product, vague_ok, basket)
        # notice given this month: the line ends later in the period, so it is still billed
        ends = date(2026, 9, rng.randint(2, 30)) if rng.random() < 0.04 else None
        out.append(
            PsaLine(
                client.key,
                product.key,
                qty,
                unit,
                billing,
                "licence",
                product.name,
                text,
                classes,
                ends,
            )
        )
