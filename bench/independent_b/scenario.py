"""One month of an MSP's book: customers, what the vendor bills, what the PSA bills, and the truth.

The scenario depends only on (seed, clients, microsoft_only); spellings are drawn from a second random
stream, so a clean render and a perturbed render of one case carry the same lines and findings.
Money is integer cents per billing period; monthly amounts are `Fraction`s (an annual line's unit is
its twelve-month price).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from .catalogue import BASKET_WEIGHTS, BY_KEY, FREE_KEYS, LOOK_ALIKES, SERVICES
from .names import Client, make_clients, psa_name_variants, vendor_name_variant
from .spellings import spell

PERIOD = "2026-11"
PERIOD_START = (2026, 11, 1)
PERIOD_END = (2026, 11, 30)


@dataclass
class VendorLine:
    client: int
    product: str
    qty: int
    unit_cents: int  # the MSP's real unit cost for the billing period (12 months when annual)
    list_cents: int  # list / RRP / suggested price for the same period (>= unit)
    annual: bool  # billed yearly: the unit covers twelve months
    term: str  # "P1M" or "P1Y" (commitment; independent of billing)
    role: str  # licence | credit | free
    sub_id: str
    charge: str  # cycleCharge, new, renew, removeQuantity …
    order_id: str = ""

    @property
    def monthly(self) -> Fraction:
        return Fraction(self.unit_cents, 1200 if self.annual else 100)


@dataclass
class PsaLine:
    client: int
    product: str | None  # catalogue key, None for a service
    text: str  # canonical product name, or the service's own text
    qty: int
    unit_cents: int  # price per billing period (12 months when annual)
    annual: bool
    role: str  # licence | service | cancelled
    cancel: str | None = (
        None  # status | date | paused | later (cancelled after the 1st: still billed)
    )
    spelling: str = ""
    classes: list[str] = field(default_factory=list)
    cost_cents: int = 0

    @property
    def monthly(self) -> Fraction:
        return Fraction(self.unit_cents, 1200 if self.annual else 100)


@dataclass
class Scenario:
    seed: int
    clients: list[Client]
    vendor: list[VendorLine]
    psa: list[PsaLine]
    perturbed: bool
    microsoft_only: bool


def _pick_basket(rng: random.Random, allowed: list[str], size: int) -> list[str]:
    weights = [BASKET_WEIGHTS[k] for k in allowed]
    basket: list[str] = []
    while len(basket) < size:
        k = rng.choices(allowed, weights)[0]
        if k not in basket:
            basket.append(k)
    return basket


def _retail(cost: Fraction, rng: random.Random) -> int:
    """A price a person sets: cost × markup, ending in .00, .50, .95 or .99 (cents)."""
    raw = cost * Fraction(rng.choice([115, 120, 125, 130, 140]), 100)
    whole = int(raw)
    cents = whole * 100 + rng.choice([0, 50, 95, 99])
    if Fraction(cents, 100) <= cost:
        cents += 100
    return cents


def build(seed: int, count: int, microsoft_only: bool, perturb: bool) -> Scenario:
    rng = random.Random(f"independent-b/{seed}/{count}/{int(microsoft_only)}")
    clients = make_clients(rng, count)
    allowed = [k for k in BASKET_WEIGHTS if BY_KEY[k].microsoft or not microsoft_only]
    looks = [t for t in LOOK_ALIKES if all(k in allowed for k in t)]
    vendor: list[VendorLine] = []
    psa: list[PsaLine] = []
    sub_counter = iter(range(10_000, 10_000_000))

    # which side(s) each customer is on; families and named traps stay on both sides
    sides: list[str] = []
    for c in clients:
        r = rng.random()
        if c.family or c.dba or c.accented or r >= 0.12:
            sides.append("both")
        else:
            sides.append("vendor" if r < 0.065 else "psa")
    if "vendor" not in sides:
        sides[-1] = "vendor"
    if "psa" not in sides:
        sides[-2] = "psa"

    baskets: list[list[str]] = []
    family_baskets: dict[str, list[str]] = {}
    for i, c in enumerate(clients):
        size = rng.choices([1, 2, 3, 4, 5], [25, 30, 25, 12, 8])[0]
        basket = _pick_basket(rng, allowed, size)
        if c.family:  # siblings often buy the same things: names must tell them apart
            basket = family_baskets.setdefault(c.family, basket)[:]
        if sides[i] == "both" and rng.random() < 0.14:
            for k in rng.choice(looks):
                if k not in basket:
                    basket.append(k)
        baskets.append(basket)

    def add_vendor(i: int, key: str, seats: int) -> None:
        product = BY_KEY[key]
        base = Fraction(product.monthly_cost)
        month_cents = int(base * 100 * Fraction(rng.randint(950, 1050), 1000))
        list_month = max(month_cents, int(base * 100))
        shape = rng.random()
        sub = f"{next(sub_counter):08d}"
        if shape < 0.12 and seats >= 2:  # annual-billed subscription plus a monthly top-up
            first = rng.randint(1, seats - 1)
            annual_cents = int(Fraction(month_cents * 12) * Fraction(rng.randint(880, 960), 1000))
            vendor.append(
                VendorLine(
                    i,
                    key,
                    first,
                    annual_cents,
                    list_month * 12,
                    True,
                    "P1Y",
                    "licence",
                    sub,
                    "renew",
                )
            )
            vendor.append(
                VendorLine(
                    i,
                    key,
                    seats - first,
                    month_cents,
                    list_month,
                    False,
                    "P1M",
                    "licence",
                    f"{next(sub_counter):08d}",
                    "cycleCharge",
                )
            )
        elif shape < 0.22:  # credited seats net out against the charge
            extra = rng.randint(1, 4)
            vendor.append(
                VendorLine(
                    i,
                    key,
                    seats + extra,
                    month_cents,
                    list_month,
                    False,
                    "P1M",
                    "licence",
                    sub,
                    "cycleCharge",
                )
            )
            vendor.append(
                VendorLine(
                    i,
                    key,
                    -extra,
                    month_cents,
                    list_month,
                    False,
                    "P1M",
                    "credit",
                    sub,
                    "removeQuantity",
                )
            )
        elif shape < 0.30:  # one-year term, billed monthly: no division by twelve
            vendor.append(
                VendorLine(
                    i,
                    key,
                    seats,
                    month_cents,
                    list_month,
                    False,
                    "P1Y",
                    "licence",
                    sub,
                    "cycleCharge",
                )
            )
        elif shape < 0.36:  # annual-billed only
            annual_cents = int(Fraction(month_cents * 12) * Fraction(rng.randint(880, 960), 1000))
            vendor.append(
                VendorLine(
                    i,
                    key,
                    seats,
                    annual_cents,
                    list_month * 12,
                    True,
                    "P1Y",
                    "licence",
                    sub,
                    "renew",
                )
            )
        else:
            vendor.append(
                VendorLine(
                    i,
                    key,
                    seats,
                    month_cents,
                    list_month,
                    False,
                    "P1M",
                    "licence",
                    sub,
                    "cycleCharge",
                )
            )

    def vendor_cost(i: int, key: str) -> Fraction:
        lines = [v for v in vendor if v.client == i and v.product == key and v.role != "free"]
        q = sum(v.qty for v in lines)
        return sum((v.qty * v.monthly for v in lines), Fraction(0)) / q

    def add_psa(i: int, key: str, seats: int, below: Fraction | None, cost: Fraction) -> None:
        """PSA lines for `seats` at a price above cost, or below `below` (the vendor cost)."""
        for _ in range(50):
            if below is not None:
                price = int(cost * 100 * Fraction(rng.randint(820, 975), 1000))
                parts = [(seats, price)]
            else:
                price = _retail(cost, rng)
                parts = [(seats, price)]
                if seats >= 3 and rng.random() < 0.15:  # two lines (two sites or two agreements)
                    first = rng.randint(1, seats - 1)
                    parts = [
                        (first, price),
                        (seats - first, price + rng.choice([-100, 0, 100, 200])),
                    ]
            annual = rng.random() < 0.08
            p = sum((q * Fraction(u, 100) for q, u in parts), Fraction(0)) / seats
            if (below is not None and p < cost) or (below is None and p > cost):
                break
        for q, u in parts:
            unit = u * 12 if annual else u
            psa.append(
                PsaLine(
                    i, key, BY_KEY[key].name, q, unit, annual, "licence", cost_cents=int(cost * 100)
                )
            )
        if rng.random() < 0.03:  # a live addition with a cancellation dated later this month
            psa[-1].cancel = "later"

    outcomes = ["match", "unbilled", "under", "over", "below", "under_below", "over_below"]
    outcome_weights = [52, 11, 10, 8, 10, 5, 4]
    for i in range(len(clients)):
        size = rng.choices([3, 8, 15, 30, 60], [20, 30, 25, 18, 7])[0]
        for key in baskets[i]:
            vq = max(1, int(size * Fraction(rng.randint(30, 130), 100)))
            if sides[i] == "psa":
                cost = Fraction(BY_KEY[key].monthly_cost)
                add_psa(i, key, vq, None, cost)
                continue
            add_vendor(i, key, vq)
            if sides[i] == "vendor":
                continue
            cost = vendor_cost(i, key)
            outcome = rng.choices(outcomes, outcome_weights)[0]
            if outcome == "unbilled":
                if rng.random() < 0.25:  # an old, cancelled addition is still on the agreement
                    psa.append(
                        PsaLine(
                            i,
                            key,
                            BY_KEY[key].name,
                            vq,
                            _retail(cost, rng),
                            False,
                            "cancelled",
                            cancel=rng.choice(["status", "date", "paused"]),
                        )
                    )
                continue
            pq = vq
            if outcome.startswith("under") and vq >= 2:
                pq = vq - rng.randint(1, max(1, vq // 3))
            elif outcome.startswith("over"):
                pq = vq + rng.randint(1, 4)
            add_psa(i, key, pq, cost if outcome.endswith("below") else None, cost)
        if sides[i] == "both" and rng.random() < 0.12:  # billed, but nothing on the bill
            spare = [k for k in allowed if k not in baskets[i]]
            key = rng.choice(spare)
            add_psa(i, key, rng.randint(1, 10), None, Fraction(BY_KEY[key].monthly_cost))
        if sides[i] != "vendor":
            for text in rng.sample(SERVICES, rng.randint(1, 3)):
                qty = rng.choice([1, 1, 2, 5, 10, 25])
                psa.append(
                    PsaLine(
                        i,
                        None,
                        text,
                        qty,
                        rng.choice([4500, 9500, 12500, 15000, 2500]),
                        False,
                        "service",
                    )
                )
            if rng.random() < 0.06:
                key = rng.choice(allowed)
                psa.append(
                    PsaLine(
                        i,
                        key,
                        BY_KEY[key].name,
                        rng.randint(1, 5),
                        _retail(Fraction(BY_KEY[key].monthly_cost), rng),
                        False,
                        "cancelled",
                        cancel=rng.choice(["status", "date", "paused"]),
                    )
                )
        if sides[i] != "psa" and rng.random() < 0.1:
            key = rng.choice(FREE_KEYS)
            vendor.append(
                VendorLine(
                    i,
                    key,
                    rng.randint(1, 25),
                    0,
                    0,
                    False,
                    "P1M",
                    "free",
                    f"{next(sub_counter):08d}",
                    "new",
                )
            )

    _only_products_the_bill_knows(rng, vendor, psa)
    scenario = Scenario(seed, clients, vendor, psa, perturb, microsoft_only)
    _spell(scenario, random.Random(f"independent-b-spelling/{seed}/{count}"))
    return scenario


def _only_products_the_bill_knows(
    rng: random.Random, vendor: list[VendorLine], psa: list[PsaLine]
) -> None:
    """A PSA licence line whose product nobody buys from the vendor could be read as a service;
    move such lines to a product the bill does carry (one the client buys nowhere else)."""
    on_bill = sorted({v.product for v in vendor if v.role != "free"})
    taken: dict[int, set[str]] = {}
    for bought in vendor:
        taken.setdefault(bought.client, set()).add(bought.product)
    for billed in psa:
        if billed.product:
            taken.setdefault(billed.client, set()).add(billed.product)
    moved: dict[tuple[int, str], str] = {}
    for line in psa:
        if line.product is None or line.product in on_bill:
            continue
        key = (line.client, line.product)
        if key not in moved:
            choices = [k for k in on_bill if k not in taken[line.client]]
            moved[key] = rng.choice(choices)
            taken[line.client].add(moved[key])
        new = BY_KEY[moved[key]]
        line.product, line.text = new.key, new.name
        price = _retail(Fraction(new.monthly_cost), rng)
        line.unit_cents = price * 12 if line.annual else price
        line.cost_cents = int(Fraction(new.monthly_cost) * 100)


def _spell(s: Scenario, rng: random.Random) -> None:
    """Names and spellings: canonical when clean, perturbed per line otherwise."""
    vendor_keys: dict[int, set[str]] = {}
    psa_keys: dict[int, set[str]] = {}
    for v in s.vendor:
        if v.role != "free":
            vendor_keys.setdefault(v.client, set()).add(v.product)
    for p in s.psa:
        if p.product:
            psa_keys.setdefault(p.client, set()).add(p.product)
    for c in s.clients:
        name, cls = psa_name_variants(c, rng)
        vname = vendor_name_variant(c, rng)
        if s.perturbed:
            c.psa_name, c.psa_class = name, cls
            if vname:
                c.vendor_name, c.vendor_classes = vname, ["case_punct"]
        else:
            c.psa_name, c.psa_class, c.vendor_name, c.vendor_classes = (
                c.canonical,
                "untouched",
                c.canonical,
                [],
            )
    for p in s.psa:
        if p.product is None:
            p.spelling = p.text
            continue
        context = vendor_keys.get(p.client, set()) | psa_keys.get(p.client, set())
        text, classes = spell(
            p.product, context, p.product in vendor_keys.get(p.client, set()), p.annual, rng
        )
        if s.perturbed:
            p.spelling, p.classes = text, classes
        else:
            p.spelling, p.classes = p.text, []


# ---- the rules (briefs/rules.md) ----------------------------------------------------------------


def cents(value: Fraction) -> str:
    """Round half-up (away from zero) to the cent once; a string with two decimals."""
    hundred = abs(value) * 100
    whole = hundred.numerator // hundred.denominator
    if hundred - whole >= Fraction(1, 2):
        whole += 1
    if value < 0:
        whole = -whole
    return str((Decimal(whole) / 100).quantize(Decimal("0.01")))


def median(values: list[Fraction]) -> Fraction:
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def findings(
    vendor: list[tuple[str, str, int, Fraction]], psa: list[tuple[str, str, int, Fraction]]
) -> list[tuple[str, str, str, Fraction]]:
    """rules.md on licence lines given as (client, product, qty, monthly unit): returns
    (type, client, product, monthly impact) per finding, exact."""
    vq: dict[tuple[str, str], int] = {}
    vsum: dict[tuple[str, str], Fraction] = {}
    pq: dict[tuple[str, str], int] = {}
    psum: dict[tuple[str, str], Fraction] = {}
    for client, product, qty, unit in vendor:
        vq[(client, product)] = vq.get((client, product), 0) + qty
        vsum[(client, product)] = vsum.get((client, product), Fraction(0)) + qty * unit
    for client, product, qty, unit in psa:
        pq[(client, product)] = pq.get((client, product), 0) + qty
        psum[(client, product)] = psum.get((client, product), Fraction(0)) + qty * unit
    prices: dict[str, list[Fraction]] = {}
    for key, q in pq.items():
        if q > 0:
            prices.setdefault(key[1], []).append(psum[key] / q)
    out: list[tuple[str, str, str, Fraction]] = []
    for key in sorted(set(vq) | set(pq)):
        v = vq.get(key, 0)
        p = pq.get(key, 0)
        c = vsum[key] / v if v > 0 else None
        price = psum[key] / p if p > 0 else None
        client, product = key
        if v > 0 and p <= 0:
            ref = median(prices[product]) if product in prices else c
            assert ref is not None
            out.append(("unbilled", client, product, v * ref))
        elif p > 0 and v <= 0:
            assert price is not None
            out.append(("no_vendor_record", client, product, p * price))
        elif v > 0 and p > 0:
            assert c is not None and price is not None
            if v > p:
                out.append(("under_billed", client, product, (v - p) * price))
            elif p > v:
                out.append(("over_billed", client, product, (p - v) * price))
            if price < c:
                out.append(("below_cost", client, product, (c - price) * min(v, p)))
    return out
