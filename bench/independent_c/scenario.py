"""One month (October 2026) of one MSP: what each client buys, what the vendor bills, what the PSA bills.

The scenario is the truth. Renderers only spell it; ``truth.py`` computes the findings from it.
Everything is drawn from ``random.Random`` seeded with strings (sha512-based, so independent of
PYTHONHASHSEED). The perturbation stream is separate from the scenario stream, so a clean render and
a perturbed render of the same arguments describe exactly the same scenario.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from .catalog import BY_KEY, EXCLUSIVE, FREE_KEYS, MS_BASKETS, OTHER_ADDONS, Product
from .clients import Client, make_clients, psa_name
from .describe import SERVICES, describe

PERIOD_START = date(2026, 10, 1)
PERIOD_END = date(2026, 10, 31)
PERIOD = "2026-10"


@dataclass(frozen=True)
class Caps:
    """What a pair of formats can express; shapes the scenario so every line is renderable."""

    microsoft_only: bool = False
    currency: str = "USD"
    psa_annual: bool = False
    psa_cancel_status: bool = False
    psa_cancel_date: bool = False
    psa_paused: bool = False
    psa_nobill: bool = False


@dataclass
class VLine:
    """One vendor bill line. ``cost`` is the MSP's real unit cost in cents for the billed period
    (a year when ``annual``); ``list_price`` the list/RRP unit price for the same period."""

    uid: int
    client: Client
    product: Product
    qty: int
    cost: int
    list_price: int
    annual: bool
    role: str  # licence | credit | free
    sub: str
    charge: str
    start: date
    end: date
    term: str  # P1M | P1Y | trial
    classes: tuple[str, ...] = ()

    @property
    def monthly_cost(self) -> Fraction:
        return Fraction(self.cost, 100) / (12 if self.annual else 1)


@dataclass
class PLine:
    """One PSA line. ``price`` is the unit price in cents for the billed period (a year if annual)."""

    uid: int
    client: Client
    product: Product | None
    service: str | None
    qty: int
    price: int
    annual: bool
    role: str  # licence | service | cancelled
    agreement: str
    desc: str
    clean_desc: str
    classes: tuple[str, ...] = ()
    status: str = "Active"
    cancelled: date | None = None
    paused: bool = False
    billable: bool = True
    effective: date = date(2025, 1, 1)

    @property
    def monthly_price(self) -> Fraction:
        return Fraction(self.price, 100) / (12 if self.annual else 1)

    @property
    def label(self) -> str:
        return self.product.name if self.product is not None else (self.service or "")


@dataclass
class Scenario:
    seed: int
    caps: Caps
    clients: list[Client]
    vendor: list[VLine] = field(default_factory=list)
    psa: list[PLine] = field(default_factory=list)
    psa_names: dict[int, tuple[str, str]] = field(default_factory=dict)  # idx -> (name, class)
    vendor_upper: bool = False  # bill spells tenants in capitals (Dicker Data style)


OUTCOMES = (
    ("ok", 72),
    ("under", 7),
    ("over", 5),
    ("unbilled", 5),
    ("nvr", 3),
    ("below", 5),
    ("below_under", 2),
    ("below_over", 1),
)
AGREEMENTS = (
    "Microsoft 365 Licensing",
    "Cloud Licences",
    "Managed Services Agreement",
    "Security Stack",
    "MSA - Recurring",
    "Annual Licences",
    "Additional Users",
    "Licensing (NCE)",
)


def _ceil_cents(x: Fraction) -> int:
    return math.ceil(x * 100)


def _nice_price(rng: random.Random, cents: int) -> int:
    """Round a price the way people set them (.00, .50, .95, .99 or left exact)."""
    style = rng.randrange(4)
    if style == 0:
        return max(1, round(cents / 100) * 100)
    if style == 1:
        return max(1, round(cents / 50) * 50)
    if style == 2:
        return (cents // 100) * 100 + 99
    return cents


def build(seed: int, clients: int, caps: Caps, perturb: bool, layout_key: str) -> Scenario:
    """The scenario for ``seed``/``clients`` under ``caps``; perturbed spellings when asked."""
    rng = random.Random(f"independent_c|scenario|{seed}|{clients}|{caps}")
    prng = random.Random(f"independent_c|perturb|{seed}|{clients}|{caps}|{layout_key}")
    people = make_clients(rng, clients)
    sc = Scenario(seed=seed, caps=caps, clients=people)
    uid = 0

    def next_uid() -> int:
        nonlocal uid
        uid += 1
        return uid

    sub_no = 0
    for c in people:
        # --- what the client buys
        basket_def = rng.choice(MS_BASKETS)
        seats: dict[str, int] = {}
        for key, prob, lo, hi in basket_def:
            if key == basket_def[0][0] or rng.random() < prob:
                share = rng.randint(lo, hi) if hi else 0
                n = max(1, round(c.seats * share / 100)) if share else 0
                if n:
                    seats[key] = n
        if not caps.microsoft_only:
            for key, prob, lo, hi in OTHER_ADDONS:
                if rng.random() < prob:
                    if any(key in ex and seats.keys() & (ex - {key}) for ex in EXCLUSIVE):
                        continue
                    seats[key] = max(1, round(c.seats * rng.randint(lo, hi) / 100))
        # --- outcome per product
        keys = sorted(seats)
        outcome: dict[str, str] = {}
        for key in keys:
            if c.side == "vendor":
                outcome[key] = "unbilled"
            elif c.side == "psa":
                outcome[key] = "nvr"
            else:
                o = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
                if o in ("under", "below_under") and seats[key] < 2:
                    o = "ok"
                outcome[key] = o
        markup = Fraction(rng.randint(95, 135), 100)
        vendor_keys: set[str] = set()
        psa_keys: set[str] = set()
        plan: list[tuple[str, int, int]] = []  # key, vq, pq
        for key in keys:
            o = outcome[key]
            vq = seats[key]
            d = max(1, round(vq * rng.uniform(0.05, 0.25)))
            pq = {
                "under": vq - d,
                "below_under": vq - d,
                "over": vq + d,
                "below_over": vq + d,
                "unbilled": 0,
            }.get(o, vq)
            if o == "nvr":
                vq = 0
            if vq:
                vendor_keys.add(key)
            if pq:
                psa_keys.add(key)
            plan.append((key, vq, pq))
        basket = frozenset(vendor_keys | psa_keys)
        # --- vendor lines
        month_cost: dict[str, Fraction] = {}
        for key, vq, _pq in plan:
            if not vq:
                continue
            prod = BY_KEY[key]
            disc = rng.choice((0, 0, 0, 3, 5, 10, 15))
            base = prod.cost * (100 - disc) // 100
            parts = [vq]
            if vq >= 4 and rng.random() < 0.2:
                k = rng.randint(1, vq - 1)
                parts = [k, vq - k]
            credit = 0
            if rng.random() < 0.1:
                credit = rng.randint(1, max(1, vq // 3))
            total_cost = Fraction(0)
            for i, n in enumerate(parts):
                sub_no += 1
                annual = prod.annual_ok and rng.random() < 0.22
                monthly_term = not annual and rng.random() < 0.3
                unit = base * 12 if annual else (base * 120 // 100 if monthly_term else base)
                if annual and rng.random() < 0.5:
                    unit -= rng.randint(1, 11)  # a yearly price not divisible by 12
                listp = max(unit, (prod.price if not annual else prod.price * 12) * 85 // 100)
                listp = max(listp, unit)
                start = PERIOD_START if rng.random() < 0.7 else date(2026, 10, rng.randint(2, 28))
                end = (
                    date(start.year + 1, start.month, start.day)
                    if annual
                    else date(2026, 11, start.day)
                ) - timedelta(days=1)
                term = "P1Y" if (annual or not monthly_term) else "P1M"
                sub = f"{(seed * 7919 + sub_no * 104729) % 10**8:08d}-{sub_no:05d}"
                qty = n + (credit if i == 0 else 0)
                charge = "cycleCharge" if rng.random() < 0.75 else ("renew" if annual else "new")
                sc.vendor.append(
                    VLine(
                        next_uid(),
                        c,
                        prod,
                        qty,
                        unit,
                        listp,
                        annual,
                        "licence",
                        sub,
                        charge,
                        start,
                        end,
                        term,
                    )
                )
                total_cost += qty * Fraction(unit, 100) / (12 if annual else 1)
                if i == 0 and credit:
                    sc.vendor.append(
                        VLine(
                            next_uid(),
                            c,
                            prod,
                            -credit,
                            unit,
                            listp,
                            annual,
                            "credit",
                            sub,
                            "removeQuantity",
                            start,
                            end,
                            term,
                        )
                    )
                    total_cost -= credit * Fraction(unit, 100) / (12 if annual else 1)
            month_cost[key] = total_cost / vq
        # free and trial lines (cost nothing)
        if c.side != "psa" and rng.random() < 0.18:
            fk = rng.choice(FREE_KEYS)
            sc.vendor.append(
                VLine(
                    next_uid(),
                    c,
                    BY_KEY[fk],
                    rng.randint(1, max(1, c.seats)),
                    0,
                    0,
                    False,
                    "free",
                    f"FREE-{c.idx:04d}",
                    "new",
                    PERIOD_START,
                    PERIOD_END,
                    "P1M",
                )
            )
        trials = [k for k in ("copilot", "teamsprem", "pbipro", "visio2") if k not in seats]
        if c.side != "psa" and trials and rng.random() < 0.08:
            tk = rng.choice(trials)
            sc.vendor.append(
                VLine(
                    next_uid(),
                    c,
                    BY_KEY[tk],
                    rng.choice((1, 5, 25)),
                    0,
                    BY_KEY[tk].price,
                    False,
                    "free",
                    f"TRIAL-{c.idx:04d}",
                    "new",
                    PERIOD_START,
                    PERIOD_END,
                    "trial",
                )
            )
        # --- PSA lines
        agreements = rng.sample(AGREEMENTS, 2)
        for key, _vq, pq in plan:
            if not pq:
                continue
            prod = BY_KEY[key]
            o = outcome[key]
            c_month = month_cost.get(key, Fraction(prod.cost, 100))
            p0 = _nice_price(rng, int(prod.price * markup))
            if o.startswith("below"):
                p0 = min(p0, math.floor(c_month * 100 * Fraction(rng.randint(70, 97), 100)))
                p0 = max(p0, 1)
            else:
                p0 = max(p0, _ceil_cents(c_month * Fraction(105, 100)))
            parts = [pq]
            if pq >= 3 and rng.random() < 0.18:
                k = rng.randint(1, pq - 1)
                parts = [k, pq - k]
            for i, n in enumerate(parts):
                price = (
                    p0
                    if i == 0 or rng.random() < 0.5
                    else (p0 + rng.choice((-50, 50, 100)) if not o.startswith("below") else p0 - 25)
                )
                if not o.startswith("below"):
                    price = max(price, _ceil_cents(c_month * Fraction(105, 100)))
                price = max(price, 1)
                annual = caps.psa_annual and rng.random() < 0.15
                if annual:
                    price = price * 12 - rng.choice((0, 0, 7, 100))
                    if not o.startswith("below"):
                        price = max(price, _ceil_cents(c_month * 12 * Fraction(105, 100)))
                cancelled: date | None = None
                if caps.psa_cancel_date and rng.random() < 0.05:
                    # a cancellation still ahead: the line is billed in October
                    cancelled = date(2026, rng.choice((10, 11, 12)), rng.choice((15, 20, 28)))
                desc, cls = (
                    describe(prng, prod, basket, key in vendor_keys) if perturb else (prod.name, ())
                )
                sc.psa.append(
                    PLine(
                        next_uid(),
                        c,
                        prod,
                        None,
                        n,
                        price,
                        annual,
                        "licence",
                        agreements[i % 2],
                        desc,
                        prod.name,
                        cls,
                        cancelled=cancelled,
                    )
                )
        # cancelled / paused / not-billable lines that take no part
        if c.side != "vendor" and rng.random() < 0.14:
            kinds = [
                k
                for k, ok in (
                    ("status", caps.psa_cancel_status),
                    ("date", caps.psa_cancel_date),
                    ("paused", caps.psa_paused),
                    ("nobill", caps.psa_nobill),
                )
                if ok
            ]
            if kinds:
                kind = rng.choice(kinds)
                key = rng.choice(sorted(seats))
                prod = BY_KEY[key]
                n = rng.randint(1, max(1, seats[key] // 2))
                desc, cls = describe(prng, prod, frozenset(), False) if perturb else (prod.name, ())
                line = PLine(
                    next_uid(),
                    c,
                    prod,
                    None,
                    n,
                    prod.price,
                    False,
                    "cancelled",
                    agreements[0],
                    desc,
                    prod.name,
                    cls,
                )
                if kind == "status":
                    line.status = rng.choice(("Cancelled", "Inactive", "Expired"))
                    line.cancelled = date(2026, rng.choice((6, 8, 9)), 30)
                elif kind == "date":
                    line.cancelled = rng.choice(
                        (date(2026, 10, 1), date(2026, 9, 30), date(2026, 7, 31))
                    )
                elif kind == "paused":
                    line.paused = True
                else:
                    line.billable = False
                sc.psa.append(line)
        # services
        if c.side != "vendor":
            for text, counted in rng.sample(SERVICES, rng.choice((0, 1, 1, 2, 2, 3))):
                units = {
                    "users": c.seats,
                    "devices": max(1, c.seats + rng.randint(-2, 5)),
                    "servers": rng.randint(1, 4),
                    "one": 1,
                }[counted]
                price = {
                    "users": rng.randint(45, 140) * 100,
                    "devices": rng.randint(8, 35) * 100,
                    "servers": rng.randint(60, 190) * 100,
                    "one": rng.randint(3, 40) * 2500,
                }[counted]
                sc.psa.append(
                    PLine(
                        next_uid(),
                        c,
                        None,
                        text,
                        units,
                        price,
                        False,
                        "service",
                        agreements[0],
                        text,
                        text,
                    )
                )
    # Client names on the PSA side; vendor spelling of the tenant.
    taken: set[str] = {c.canonical.casefold() for c in people}
    for c in people:
        if perturb:
            typed, name_class = psa_name(prng, c)
            if typed.casefold() in taken and typed != c.canonical:
                typed, name_class = c.canonical, "untouched"
            taken.add(typed.casefold())
            sc.psa_names[c.idx] = (typed, name_class)
        else:
            sc.psa_names[c.idx] = (c.canonical, "")
    # One spelling per (client, text): two products of a client never share a PSA text.
    seen: dict[tuple[int, str], str] = {}
    for line in sc.psa:
        if line.product is None:
            continue
        text_key = (line.client.idx, line.desc.strip().casefold())
        if seen.setdefault(text_key, line.product.key) != line.product.key:
            line.desc, line.classes = line.product.name, ()
    return sc
