"""One month of one MSP, in abstract lines (money in integer minor units of the case's currency),
and the findings rules.md gives for it (fractions.Fraction, rounded half-up once)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction

from .catalog import BY_KEY, FREE, LICENCES, LOOKALIKE_PAIRS, SERVICES
from .names import Customer, make_customers

#: currency -> (units per USD, decimals)
CURRENCIES = {
    "USD": (Fraction(1), 2),
    "CHF": (Fraction(9, 10), 2),
    "SEK": (Fraction(21, 2), 2),
    "EUR": (Fraction(23, 25), 2),
    "INR": (Fraction(83), 2),
    "BRL": (Fraction(5), 2),
    "JPY": (Fraction(150), 0),
    "GBP": (Fraction(79, 100), 2),
    "AUD": (Fraction(3, 2), 2),
    "CAD": (Fraction(34, 25), 2),
}


@dataclass
class VendorLine:
    client: int
    product: str
    qty: int  # negative on credits
    unit: int  # minor units per billing period (per month, or per year when annual)
    annual: bool = False
    rrp: int = 0  # list/RRP price per billing period (never the cost)
    role: str = "licence"  # licence | credit | free
    sub: str = ""  # subscription id
    term: str = "P1M"  # commitment: P1M | P1Y | P3Y | trial


@dataclass
class PsaLine:
    client: int
    product: str  # product key, or "" for services
    qty: int
    unit: int  # minor units per billing period
    annual: bool = False
    role: str = "licence"  # licence | service | cancelled
    service: str = ""
    text: str = ""  # description as rendered (filled by perturb)
    classes: list[str] = field(default_factory=list)
    discount: int = 0  # percent shown in a discount column (unit is the net price)


@dataclass
class Scenario:
    seed: int
    currency: str
    period: str
    customers: list[Customer]
    vendor: list[VendorLine]
    psa: list[PsaLine]
    client_names: list[str] = field(default_factory=list)  # PSA spelling per customer
    client_classes: list[list[str]] = field(default_factory=list)
    vendor_names: list[str] = field(default_factory=list)


OUTCOMES = (
    ("ok", 0.78),
    ("unbilled", 0.03),
    ("no_vendor", 0.03),
    ("under", 0.045),
    ("over", 0.045),
    ("below", 0.04),
)


def _scale(usd_cents: int, currency: str) -> int:
    rate, decimals = CURRENCIES[currency]
    value = Fraction(usd_cents, 100) * rate * 10**decimals
    return max(1, int(value + Fraction(1, 2)))


def _basket(rng: random.Random) -> list[str]:
    keys = [p.key for p in LICENCES]
    size = rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5))
    basket: list[str] = []
    if rng.random() < 0.25:  # a look-alike pair in one client: the trap
        basket += list(rng.choice(LOOKALIKE_PAIRS))
    while len(basket) < size:
        k = rng.choice(keys)
        if k not in basket:
            basket.append(k)
    return basket


def make_scenario(seed: int, clients: int, currency: str, period: str = "2026-11") -> Scenario:
    """The same customers, products, seats and prices for every format pair of one seed."""
    rng = random.Random(f"independent-h/scenario/{seed}/{clients}")
    customers = make_customers(rng, clients)
    vendor: list[VendorLine] = []
    psa: list[PsaLine] = []
    sub_no = 0

    def sub_id() -> str:
        nonlocal sub_no
        sub_no += 1
        r = random.Random(f"sub/{seed}/{sub_no}")
        return "-".join(f"{r.getrandbits(b):0{b // 4}x}" for b in (32, 16, 16, 16, 48))

    for ci, customer in enumerate(customers):
        for key in _basket(rng):
            product = BY_KEY[key]
            outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
            if customer.sides == "vendor":
                outcome = "unbilled"
            elif customer.sides == "psa":
                outcome = "no_vendor"
            seats = rng.choice((1, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 40, 60))
            monthly = _scale(product.cost_usd_cents, currency)
            # vendor lines (several subscriptions, annual billing, credits)
            v_lines: list[VendorLine] = []
            if outcome != "no_vendor":
                parts = [seats]
                if seats >= 4 and rng.random() < 0.12:
                    cut = rng.randrange(1, seats)
                    parts = [cut, seats - cut]
                for part in parts:
                    annual = rng.random() < 0.12
                    unit = monthly
                    if annual:  # annual price: not always twelve times a monthly one
                        unit = monthly * 12 - rng.choice((0, 0, 1, monthly // 20 + 1))
                    rrp = int(unit * Fraction(rng.choice((115, 120, 125)), 100)) + 1
                    line = VendorLine(
                        ci,
                        key,
                        part,
                        unit,
                        annual,
                        rrp,
                        "licence",
                        sub_id(),
                        "P1Y" if annual or rng.random() < 0.5 else "P1M",
                    )
                    v_lines.append(line)
                if rng.random() < 0.06:  # a credit of k seats; the subscription had k more
                    k = rng.randint(1, 3)
                    first = v_lines[0]
                    first.qty += k
                    v_lines.append(
                        VendorLine(
                            ci,
                            key,
                            -k,
                            first.unit,
                            first.annual,
                            first.rrp,
                            "credit",
                            first.sub,
                            first.term,
                        )
                    )
            vq = sum(v.qty for v in v_lines)
            cost = (
                sum(Fraction(v.qty * v.unit, 12 if v.annual else 1) for v in v_lines) / vq
                if vq
                else Fraction(monthly)
            )
            # PSA seats and price
            pq = seats
            if outcome == "under":
                pq = max(1, seats - rng.randint(1, max(1, seats // 3))) if seats > 1 else 0
                if pq == 0:
                    outcome, pq = "unbilled", 0
            elif outcome == "over":
                pq = seats + rng.randint(1, 3)
            elif outcome == "unbilled":
                pq = 0
            elif outcome == "below" and rng.random() < 0.3:  # below cost and a seat gap at once
                pq = max(1, seats + rng.choice((-2, -1, 1, 2)))
            markup = Fraction(rng.choice((112, 118, 125, 130, 140, 150)), 100)
            if outcome == "below":
                markup = Fraction(rng.choice((80, 85, 90, 95)), 100)
            top = max((Fraction(v.unit, 12 if v.annual else 1) for v in v_lines), default=cost)
            base = top if outcome != "below" else cost
            price = int(base * markup + 1)
            if outcome == "below" and price >= cost:
                price = int(cost) - 1
            if pq > 0:
                parts = [pq]
                if pq >= 4 and rng.random() < 0.1:
                    cut = rng.randrange(1, pq)
                    parts = [cut, pq - cut]
                for n, part in enumerate(parts):
                    unit = price if n == 0 or outcome == "below" else price + rng.randint(0, 3)
                    annual = rng.random() < 0.08
                    if annual:
                        unit = unit * 12 - rng.choice((0, 0, 1, 5))
                        if outcome != "below" and Fraction(unit, 12) <= top:
                            unit = int(top * 12) + 12
                    psa.append(PsaLine(ci, key, part, unit, annual))
                if rng.random() < 0.04:  # an old line ended before the month / cancelled invoice
                    psa.append(PsaLine(ci, key, rng.randint(1, 5), price, False, "cancelled"))
            elif outcome == "unbilled" and customer.sides == "both" and rng.random() < 0.3:
                psa.append(PsaLine(ci, key, seats, price, False, "cancelled"))
            vendor += v_lines
        if customer.sides != "psa" and rng.random() < 0.06:  # a free SKU or trial
            free = rng.choice(FREE)
            vendor.append(
                VendorLine(
                    ci, free.key, rng.choice((1, 5, 25)), 0, False, 0, "free", sub_id(), "trial"
                )
            )
        if customer.sides != "vendor" and rng.random() < 0.5:
            for text in rng.sample(SERVICES, rng.choice((1, 1, 2))):
                qty = rng.choice((1, 2, 5, 10, 12, 20))
                psa.append(
                    PsaLine(
                        ci,
                        "",
                        qty,
                        _scale(rng.choice((2500, 4500, 9500, 12000)), currency),
                        False,
                        "service",
                        text,
                    )
                )
    return Scenario(seed, currency, period, customers, vendor, psa)


def round_half_up(value: Fraction) -> str:
    cents = (value * 100 + Fraction(1, 2)).__floor__()
    return (
        f"{cents // 100}.{cents % 100:02d}"
        if cents >= 0
        else f"-{(-cents) // 100}.{(-cents) % 100:02d}"
    )


def findings(
    scenario: Scenario, vendor_rows: dict[int, int], psa_rows: dict[int, int], decimals: int
) -> list[dict[str, object]]:
    """rules.md, applied to the abstract lines; ``*_rows`` map line index -> rendered row."""
    minor = Fraction(10**decimals)
    keys: list[tuple[int, str]] = []
    vq: dict[tuple[int, str], int] = {}
    vcost: dict[tuple[int, str], Fraction] = {}
    vrows: dict[tuple[int, str], list[int]] = {}
    for i, vl in enumerate(scenario.vendor):
        if vl.role == "free":
            continue
        k = (vl.client, vl.product)
        if k not in vq:
            keys.append(k)
            vq[k], vcost[k], vrows[k] = 0, Fraction(0), []
        vq[k] += vl.qty
        vcost[k] += Fraction(vl.qty * vl.unit, 12 if vl.annual else 1) / minor
        vrows[k].append(vendor_rows[i])
    pq: dict[tuple[int, str], int] = {}
    pamt: dict[tuple[int, str], Fraction] = {}
    prows: dict[tuple[int, str], list[int]] = {}
    for i, pl in enumerate(scenario.psa):
        if pl.role != "licence":
            continue
        k = (pl.client, pl.product)
        if k not in pq:
            if k not in vq:
                keys.append(k)
            pq[k], pamt[k], prows[k] = 0, Fraction(0), []
        pq[k] += pl.qty
        pamt[k] += Fraction(pl.qty * pl.unit, 12 if pl.annual else 1) / minor
        prows[k].append(psa_rows[i])
    per_client_p: dict[str, list[Fraction]] = {}
    for k in pq:
        if pq[k] > 0:
            per_client_p.setdefault(k[1], []).append(pamt[k] / pq[k])
    out: list[dict[str, object]] = []

    def add(kind: str, k: tuple[int, str], impact: Fraction) -> None:
        out.append(
            {
                "type": kind,
                "monthly_impact": round_half_up(impact),
                "client": scenario.customers[k[0]].name,
                "product": BY_KEY[k[1]].name,
                "vendor_rows": sorted(vrows.get(k, [])),
                "psa_rows": sorted(prows.get(k, [])),
                "key": k,
            }
        )

    for k in keys:
        v, p = vq.get(k, 0), pq.get(k, 0)
        c = vcost[k] / v if v > 0 else None
        price = pamt[k] / p if p > 0 else None
        if v > 0 and p <= 0:
            prices = sorted(per_client_p.get(k[1], []))
            if prices:
                mid = len(prices) // 2
                median = prices[mid] if len(prices) % 2 else (prices[mid - 1] + prices[mid]) / 2
                add("unbilled", k, v * median)
            else:
                assert c is not None
                add("unbilled", k, v * c)
        elif p > 0 and v <= 0:
            assert price is not None
            add("no_vendor_record", k, p * price)
        elif v > 0 and p > 0:
            assert price is not None and c is not None
            if v > p:
                add("under_billed", k, (v - p) * price)
            elif p > v:
                add("over_billed", k, (p - v) * price)
            if price < c:
                add("below_cost", k, (c - price) * min(v, p))
    return out
