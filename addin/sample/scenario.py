"""Realistic sample exports with known, seeded leakage — for the free sample audit, tests and bench.

One :class:`Scenario` (clients, products, seat counts, prices) is rendered into any vendor format
(Partner Center, Pax8, Dicker Data, Cloudmore) and any PSA format (ConnectWise, Autotask, HaloPSA,
Syncro) with the messiness real exports have: legal vs trading names, typos, accents, sibling
customers, commerce tags and terse stock descriptions, split subscriptions, annual lines, credits,
free SKUs, service lines, cancelled additions, title rows, totals rows, cents columns, ``;`` and
decimal commas. The scenario also states the discrepancies it seeded (:attr:`Scenario.expected`),
computed independently of the engine, so accuracy can be measured.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from statistics import median

from addin.sample.products import PRODUCTS, SERVICES, SampleProduct
from engine.match.client_keys import client_key

_FIRST = (
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Adventure",
    "Blue Ridge",
    "Tailspin",
    "Woodgrove",
    "Litware",
    "Proseware",
    "Wingtip",
    "Alpine",
    "Coho",
    "Lucerne",
    "Margie's",
    "Trey",
    "Humongous",
    "Wide World",
    "Graphic",
    "Fourth",
    "Bellows",
    "Cedar",
    "Harbor",
    "Summit",
    "Pioneer",
    "Redwood",
    "Silverline",
    "Granite",
    "Maple",
    "Lakeside",
    "Sterling",
    "Evergreen",
    "Ironwood",
    "Bayview",
    "Crescent",
    "Oakridge",
    "Riverside",
    "Highland",
    "Keystone",
    "Meridian",
    "Orchard",
    "Prairie",
    "Quarry",
    "Sunrise",
    "Timber",
    "Vista",
    "Willow",
    "Zenith",
    "Aurora",
    "Beacon",
    "Citadel",
    "Müller",
    "Señora",
    "Østby",
    "Café",
)
_SECOND = (
    "Dental",
    "Legal",
    "Logistics",
    "Manufacturing",
    "Accounting",
    "Medical",
    "Realty",
    "Engineering",
    "Architects",
    "Insurance",
    "Veterinary",
    "Construction",
    "Consulting",
    "Foods",
    "Motors",
    "Financial",
    "Pharmacy",
    "Design",
    "Travel",
    "Energy",
)
_THIRD = (
    "Group",
    "Partners",
    "Associates",
    "Services",
    "Clinic",
    "Holdings",
    "Solutions",
    "Co",
    "International",
    "Lab",
    "Systems",
    "Studio",
    "",
)
_LEGAL = ("Inc.", "LLC", "Ltd", "Pty Ltd", "GmbH", "Corp.", "Incorporated", "PLLC", "Limited", "")
_PSA_ABBREVIATIONS = {"Manufacturing": "Mfg", "International": "Intl", "Services": "Svcs"}


@dataclass
class Holding:
    client: int
    product: SampleProduct
    vendor_qty: int  # net seats on the vendor bill (0: no vendor line)
    psa_qty: int  # seats billed in the PSA (0: no PSA line)
    psa_price: Decimal  # monthly price billed
    annual_vendor: bool = False
    split: int = 1  # subscriptions the vendor seats are split over
    credit: bool = False  # a +1 / -1 pair on the vendor side
    psa_period: int = 1  # months one PSA unit covers (Autotask quarterly/yearly)


@dataclass(frozen=True)
class Expected:
    type: str
    vendor_client: str
    psa_client: str
    product: str
    monthly_impact: Decimal


@dataclass
class Scenario:
    vendor_names: list[str]  # per client ("" when the client is not on the vendor bill)
    psa_names: list[str]
    holdings: list[Holding]
    services: list[tuple[int, str, int, Decimal]] = field(default_factory=list)
    cancelled: list[tuple[int, SampleProduct, int]] = field(default_factory=list)
    free: list[tuple[int, int]] = field(default_factory=list)

    @property
    def expected(self) -> list[Expected]:
        """The seeded discrepancies, by the rules of the engine issue, computed from the scenario."""
        prices: dict[str, list[Fraction]] = {}
        for h in self.holdings:
            if h.psa_qty > 0:
                prices.setdefault(h.product.name, []).append(Fraction(h.psa_price))
        out = []
        on_vendor = {h.client for h in self.holdings if h.vendor_qty > 0}
        on_psa = {h.client for h in self.holdings if h.psa_qty > 0}
        for h in self.holdings:
            v = self.vendor_names[h.client] if h.client in on_vendor else ""
            p = self.psa_names[h.client] if h.client in on_psa else ""
            vq, pq, price = h.vendor_qty, h.psa_qty, Fraction(h.psa_price)
            cost = Fraction(h.product.cost)

            def add(kind: str, impact: Fraction, h: Holding = h, v: str = v, p: str = p) -> None:
                out.append(Expected(kind, v, p, h.product.name, _cents(impact)))

            if vq > 0 and pq == 0:
                ref = prices.get(h.product.name)
                add("unbilled", vq * (Fraction(median(ref)) if ref else cost))
            elif pq > 0 and vq == 0:
                add("no_vendor_record", pq * price)
            elif vq > pq > 0:
                add("under_billed", (vq - pq) * price)
            elif pq > vq > 0:
                add("over_billed", (pq - vq) * price)
            if vq > 0 and pq > 0 and price < cost:
                add("below_cost", (cost - price) * min(vq, pq))
        return out


def _cents(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(2, len(word) - 2)
    return word[:i] + word[i] + word[i:]  # a doubled letter: "Fabrikkam"


def make_scenario(clients: int = 40, *, seed: int = 7) -> Scenario:
    """A month of one MSP: ``clients`` customers, each with a few licence products and services."""
    rng = random.Random(seed)
    vendor_names, psa_names = _client_names(rng, clients)
    clients = len(vendor_names)
    holdings: list[Holding] = []
    scenario = Scenario(vendor_names, psa_names, holdings)
    for client in range(clients):
        chosen = rng.sample(PRODUCTS, rng.choice((1, 2, 2, 3, 3, 4)))
        holdings.extend(_holding(rng, client, product) for product in chosen)
        if rng.random() < 0.7:
            scenario.services.append(
                (
                    client,
                    rng.choice(SERVICES),
                    rng.choice((1, 5, 12, 20)),
                    Decimal(rng.choice(("95.00", "12.50", "150.00", "45.00"))),
                )
            )
        if rng.random() < 0.1:
            scenario.cancelled.append((client, rng.choice(PRODUCTS), rng.choice((1, 2, 3))))
        if rng.random() < 0.1:
            scenario.free.append((client, rng.choice((1, 5, 10))))
    # a few customers only one side knows (found by client: a million lines is 8,000 such clients)
    by_client: dict[int, list[Holding]] = defaultdict(list)
    for h in holdings:
        by_client[h.client].append(h)
    for client in rng.sample(range(clients), max(1, clients // 40)):
        for h in by_client[client]:
            h.psa_qty = 0
    return scenario


def _client_names(rng: random.Random, clients: int) -> tuple[list[str], list[str]]:
    """Each customer's name on the vendor bill and in the PSA, spelt apart the ways real ones are
    (legal suffixes, capitals, abbreviations, "The", typos, "&" for "and"), with a few siblings."""
    vendor_names: list[str] = []
    psa_names: list[str] = []
    used: set[str] = set()
    while len(vendor_names) < clients:
        base = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)}"
        third = rng.choice(_THIRD)
        name = f"{base} {third}".strip()
        if len(vendor_names) % 97 == 3 and third:  # a sibling customer: "… Group" next to "… Lab"
            sibling = f"{base} {'Lab' if third != 'Lab' else 'Group'}"
            for candidate in (name, sibling):
                if client_key(candidate) not in used:
                    used.add(client_key(candidate))
                    vendor_names.append(f"{candidate} LLC")
                    psa_names.append(candidate)
            continue
        if client_key(name) in used:
            name = f"{name} {len(vendor_names)}"
        used.add(client_key(name))
        vendor, psa = _spellings(rng, name)
        vendor_names.append(vendor)
        psa_names.append(psa)
    return vendor_names, psa_names


def _spellings(rng: random.Random, name: str) -> tuple[str, str]:
    """One customer's (vendor, PSA) spellings of ``name``."""
    legal = rng.choice(_LEGAL)
    vendor = f"{name} {legal}".strip()
    if rng.random() < 0.15:
        vendor = vendor.upper()
    psa = name
    for full, short in _PSA_ABBREVIATIONS.items():
        if full in psa and rng.random() < 0.5:
            psa = psa.replace(full, short)
    roll = rng.random()
    if roll < 0.05:
        psa = "The " + psa
    elif roll < 0.10 and " " in psa:
        first, rest = psa.split(" ", 1)
        psa = f"{_typo(rng, first)} {rest}"
    elif roll < 0.13:
        psa = psa.replace(" ", " & ", 1) if " " in psa else psa
        vendor = vendor.replace(" ", " and ", 1)
    return vendor, psa


_KINDS = ("ok",) * 24 + ("unbilled", "under", "over", "novendor", "below", "below_under")


def _holding(rng: random.Random, client: int, product: SampleProduct) -> Holding:
    """One client's product, with the leakage (or none) seeded into it."""
    seats = rng.choice((1, 2, 3, 5, 5, 8, 10, 12, 15, 25, 40))
    price = product.price + rng.choice((Decimal(0), Decimal(0), Decimal("1.00"), Decimal("-0.50")))
    kind = rng.choice(_KINDS)
    vq, pq = seats, seats
    if kind == "unbilled":
        pq = 0
    elif kind == "under":
        pq = max(1, seats - rng.choice((1, 2, 3)))
        vq = max(vq, pq + 1)
    elif kind == "over":
        pq = seats + rng.choice((1, 2, 4))
    elif kind == "novendor":
        vq = 0
    elif kind in ("below", "below_under"):
        price = (
            product.cost - rng.choice((Decimal("0.80"), Decimal("2.10"), Decimal("0.05")))
        ).max(Decimal("0.50"))
        if kind == "below_under":
            vq = seats + 2
    return Holding(
        client,
        product,
        vq,
        pq,
        price,
        annual_vendor=rng.random() < 0.2,
        split=2 if vq >= 4 and rng.random() < 0.2 else 1,
        credit=vq > 0 and rng.random() < 0.05,
        psa_period=rng.choice((1, 1, 1, 3, 12)),
    )
