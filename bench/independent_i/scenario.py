"""One month of one MSP: customers, vendor lines, PSA lines, and the truth computed from them."""

from __future__ import annotations

import random
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from . import catalogue as cat
from .perturb import (
    CLIENT_CLASSES,
    PRODUCT_CLASSES,
    SAFE_CLIENT_CLASSES,
    client_variant,
    product_variant,
)

RATES = {
    "USD": "1",
    "GBP": "0.8",
    "EUR": "0.92",
    "AUD": "1.5",
    "ZAR": "18",
    "CZK": "23",
    "TRY": "34",
    "KRW": "1350",
    "MXN": "17",
    "NZD": "1.65",
}


@dataclass
class Client:
    canonical: str
    legal: str
    country: str
    side: str  # both | vendor | psa
    protected: bool = False  # sibling or numbered site: only safe name classes
    extra: dict[str, str] = field(default_factory=dict)
    psa_name: str = ""
    name_class: str = ""
    code: str = ""


@dataclass
class VLine:
    client: Client
    product: str
    qty: int
    unit: Fraction  # cost per billing period (a year for annual lines), in the case's currency
    rrp: Fraction
    annual: bool
    role: str  # licence | credit | free
    sub: int = 0  # subscription number within (client, product)
    trial: bool = False

    @property
    def monthly(self) -> Fraction:
        return self.unit / 12 if self.annual else self.unit


@dataclass
class PLine:
    client: Client
    product: str  # canonical product, or the service text
    qty: int
    unit: Fraction  # list price per period before discount
    discount: int  # percent
    annual: bool
    role: str  # licence | service | cancelled
    text: str = ""
    classes: list[str] = field(default_factory=list)
    cancel_how: str = ""  # void | ended

    @property
    def net(self) -> Fraction:
        return self.unit * (100 - self.discount) / 100

    @property
    def monthly(self) -> Fraction:
        return self.net / 12 if self.annual else self.net


@dataclass
class Scenario:
    currency: str
    clients: list[Client]
    vendor: list[VLine]
    psa: list[PLine]
    period: str = "2026-11"


def money(value: Fraction | Decimal | int | str, places: int = 2) -> Decimal:
    q = Decimal(1).scaleb(-places)
    if isinstance(value, Fraction):
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(q, ROUND_HALF_UP)
    return Decimal(value).quantize(q, ROUND_HALF_UP)


def cents(rng: random.Random, usd: str, currency: str, factor: float = 1.0) -> Fraction:
    raw = Decimal(usd) * Decimal(RATES[currency]) * Decimal(str(factor))
    places = 0 if currency == "KRW" else 2
    return Fraction(money(raw, places))


def _clients(rng: random.Random, n: int) -> list[Client]:
    out: list[Client] = []
    used: set[str] = set()
    stems = list(cat.STEMS)
    rng.shuffle(stems)
    trades = list(cat.TRADES)

    def add(c: Client) -> None:
        if c.canonical.lower() in used:
            return
        used.add(c.canonical.lower())
        c.code = f"{1000 + len(out):04d}"
        out.append(c)

    k = 0
    combos: set[tuple[str, str]] = set()
    people = list(cat.PEOPLE)
    rng.shuffle(people)
    tradings: set[str] = set()
    while len(out) < n:
        stem = stems[k % len(stems)]
        k += 1
        legal, country = rng.choice(cat.LEGAL)
        free_trades = [t for t in trades if (stem, t) not in combos]
        if not free_trades:
            continue
        trade = rng.choice(free_trades)
        combos.add((stem, trade))  # one stem may name several firms, never twice in one trade
        roll = rng.random()
        if roll < 0.07 and n - len(out) >= 2:  # siblings
            a, b = rng.choice(
                (
                    ("Dental Group", "Dental Lab"),
                    ("Medical Centre", "Medical Imaging"),
                    ("Holdings", "Property Services"),
                    ("Logistics", "Logistics Training"),
                )
            )
            if (stem, "Holdings") in combos and a == "Holdings":
                continue
            for part in (a, b):
                add(Client(f"{stem} {part} {legal}", legal, country, "both", protected=True))
            combos.update(
                (stem, t) for t in [*trades, "Holdings"] if a.startswith(t) or b.startswith(t)
            )
        elif roll < 0.12 and n - len(out) >= 2:  # numbered sites
            nums = rng.sample(range(2, 40), 2)
            for num in nums:
                add(
                    Client(
                        f"{stem} {trade} Store {num}",
                        "",
                        country,
                        "both",
                        protected=True,
                        extra={"store": str(num)},
                    )
                )
        elif roll < 0.14:  # near-twins, one on each side only
            others = [t for t in free_trades if t != trade]
            if not others:
                continue
            t1, t2 = trade, rng.choice(others)
            combos.add((stem, t2))
            add(Client(f"{stem} {t1} {legal}", legal, country, "vendor", protected=True))
            add(Client(f"{stem} {t2} {legal}", legal, country, "psa", protected=True))
        elif roll < 0.21 and (stem, "Holdings") not in combos:  # trading names
            trading = f"{rng.choice(cat.TRADING_WORDS)} {trade}"
            if trading in tradings:
                continue
            tradings.add(trading)
            combos.add((stem, "Holdings"))
            legal_only = f"{stem} Holdings {legal}"
            add(
                Client(
                    f"{legal_only} T/A {trading}",
                    legal,
                    country,
                    "both",
                    extra={"trading": trading, "legal_only": legal_only},
                )
            )
        elif roll < 0.25 and people:  # sole traders, each person once
            first, last = people.pop()
            name = f"{first} {last}" + rng.choice(("", f" {trade}"))
            add(Client(name, "", country, "both", extra={"person": f"{first}|{last}"}))
        else:
            side = "both" if rng.random() < 0.98 else rng.choice(("vendor", "psa"))
            joint = rng.choice(("", "", "", " and Sons", " & Partners"))
            add(Client(f"{stem}{joint} {trade} {legal}", legal, country, side))
    return out[:n]


def build(seed: int, clients: int, currency: str, perturb: bool) -> Scenario:
    rng = random.Random(f"set-i/{seed}/{clients}/{currency}")
    people = _clients(rng, clients)
    vendor: list[VLine] = []
    psa: list[PLine] = []
    basket_of_sibling: list[str] = []
    for client in people:
        if client.protected and basket_of_sibling and rng.random() < 0.6:
            products = list(basket_of_sibling)  # siblings buy alike
        else:
            products = [p.name for p in rng.sample(cat.LICENCES, rng.choice((1, 2, 2, 3, 3, 4, 5)))]
        basket_of_sibling = products if client.protected else []
        for name in products:
            product = cat.BY_NAME[name]
            cost = cents(rng, product.cost, currency)
            price = cents(rng, product.cost, currency, rng.choice((1.15, 1.2, 1.25, 1.3, 1.4, 1.5)))
            seats = rng.choice((1, 2, 3, 5, 8, 10, 12, 15, 20, 25, 40)) + rng.randrange(3)
            roll = rng.random()
            story = (
                "unbilled"
                if roll < 0.03
                else "no_vendor"
                if roll < 0.06
                else "under"
                if roll < 0.10
                else "over"
                if roll < 0.14
                else "below"
                if roll < 0.18
                else "ok"
            )
            if client.side == "vendor":
                story = "unbilled"
            elif client.side == "psa":
                story = "no_vendor"
            vq, pq = seats, seats
            if story == "under":
                pq = max(1, seats - rng.randint(1, 3))
                vq = max(vq, pq + 1)
            elif story == "over":
                pq = seats + rng.randint(1, 3)
            elif story == "below":
                price = cents(rng, product.cost, currency, rng.choice((0.8, 0.85, 0.9)))
            if story != "no_vendor":
                _vendor_lines(rng, vendor, client, name, vq, cost, price, currency)
            if story != "unbilled":
                _psa_lines(rng, psa, client, name, pq, price, 1 if currency == "KRW" else 100)
        if client.side != "vendor":
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                text = rng.choice(cat.SERVICES)
                psa.append(
                    PLine(
                        client,
                        text,
                        rng.randint(1, 30),
                        cents(rng, "35", currency),
                        0,
                        False,
                        "service",
                        text,
                    )
                )
        if client.side != "psa" and rng.random() < 0.08:
            free = rng.choice(
                (cat.BY_NAME["Microsoft Teams Exploratory"], rng.choice(cat.LICENCES))
            )
            if free.name not in products:
                vendor.append(
                    VLine(
                        client,
                        free.name,
                        rng.randint(1, 25),
                        Fraction(0),
                        Fraction(0),
                        False,
                        "free",
                        trial=not free.free,
                    )
                )
    _interleave(rng, vendor, psa)
    scen = Scenario(currency, people, vendor, psa)
    _name_clients(rng, scen, perturb)
    _spell_products(rng, scen, perturb)
    return scen


def _vendor_lines(
    rng: random.Random,
    out: list[VLine],
    client: Client,
    name: str,
    vq: int,
    cost: Fraction,
    price: Fraction,
    currency: str,
) -> None:
    rrp = max(price, cost * Fraction(6, 5))
    subs = [vq]
    if vq >= 4 and rng.random() < 0.12:  # several subscriptions of one product
        a = rng.randint(1, vq - 1)
        subs = [a, vq - a]
    for i, q in enumerate(subs):
        annual = rng.random() < 0.12
        unit = cost * 12 if annual else cost
        if annual and rng.random() < 0.5:
            unit = Fraction(
                money(cost * Fraction(114, 10), 0 if currency == "KRW" else 2)
            )  # 5% off a year
        credit = rng.random() < 0.08
        extra = rng.randint(1, 3) if credit else 0
        out.append(
            VLine(client, name, q + extra, unit, rrp * 12 if annual else rrp, annual, "licence", i)
        )
        if credit:
            out.append(
                VLine(client, name, -extra, unit, rrp * 12 if annual else rrp, annual, "credit", i)
            )


def _psa_lines(
    rng: random.Random,
    out: list[PLine],
    client: Client,
    name: str,
    pq: int,
    price: Fraction,
    scale: int,
) -> None:
    parts = [pq]
    if pq >= 3 and rng.random() < 0.12:  # split PSA lines
        a = rng.randint(1, pq - 1)
        parts = [a, pq - a]
    for q in parts:
        annual = rng.random() < 0.1
        discount = 0
        if rng.random() < 0.15:
            d = rng.choice((5, 10, 20))
            listed = price * 100 / (100 - d)  # list price above the net the client really pays
            if (listed * scale).denominator == 1:
                discount = d
        unit = price * 100 / (100 - discount) * (12 if annual else 1)
        out.append(PLine(client, name, q, unit, discount, annual, "licence"))
    if rng.random() < 0.05:  # a cancelled line of the same product
        out.append(
            PLine(
                client,
                name,
                rng.randint(1, 6),
                price,
                0,
                False,
                "cancelled",
                cancel_how=rng.choice(("void", "ended")),
            )
        )


def _interleave(rng: random.Random, vendor: list[VLine], psa: list[PLine]) -> None:
    """Vendor bills list by subscription, not strictly by customer: shuffle within blocks."""
    both: tuple[list[Any], list[Any]] = (vendor, psa)
    for lines in both:
        blocks: dict[str, list[int]] = defaultdict(list)
        for i, line in enumerate(lines):
            blocks[line.client.canonical].append(i)
        for idx in blocks.values():
            chunk = [lines[i] for i in idx]
            rng.shuffle(chunk)
            for i, line in zip(idx, chunk, strict=False):
                lines[i] = line


def _name_clients(rng: random.Random, scen: Scenario, perturb: bool) -> None:
    taken: set[str] = set()
    for client in scen.clients:
        taken.add(_key(client.canonical))
    for client in scen.clients:
        client.psa_name = client.canonical
        if not perturb or client.side == "vendor" or rng.random() < 0.12:
            continue
        pool = SAFE_CLIENT_CLASSES if client.protected else CLIENT_CLASSES
        order = list(pool)
        rng.shuffle(order)
        for cls in order:
            variant = client_variant(
                client.canonical, client.legal, cls, rng, {**client.extra, "code": client.code}
            )
            if variant and variant != client.canonical and _key(variant) not in taken:
                taken.add(_key(variant))
                client.psa_name, client.name_class = variant, cls
                break


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _spell_products(rng: random.Random, scen: Scenario, perturb: bool) -> None:
    vendor_products: dict[str, set[str]] = defaultdict(set)
    all_products: dict[str, set[str]] = defaultdict(set)
    for v in scen.vendor:
        if v.role != "free":
            vendor_products[v.client.canonical].add(v.product)
            all_products[v.client.canonical].add(v.product)
    for p in scen.psa:
        if p.role == "licence":
            all_products[p.client.canonical].add(p.product)
    for line in scen.psa:
        line.text = line.product
        if line.role == "service" or not perturb or rng.random() < 0.2:
            continue
        product = cat.BY_NAME[line.product]
        mine = all_products[line.client.canonical]
        kinds = [cat.BY_NAME[n].kind for n in mine]
        on_vendor = line.product in vendor_products[line.client.canonical]
        unique_kind = kinds.count(product.kind) == 1
        order = list(PRODUCT_CLASSES)
        rng.shuffle(order)
        classes: list[str] = []
        text = product.name
        price = str(money(line.monthly, 0 if scen.currency == "KRW" else 2))
        for cls in order:
            vague_ok = (
                on_vendor
                and unique_kind
                and line.role == "licence"
                and _fits_one(cls, product, mine)
            )
            variant = product_variant(
                product, cls, rng, line.qty, price, vague_ok, unique_kind and on_vendor
            )
            if variant and not _ambiguous(cls, variant, product.name, mine):
                text, classes = variant, [cls]
                break
        # a second, light class on top now and then (mixing within one line)
        if (
            classes
            and classes[0] not in ("bare_plan", "inhouse_name", "multiline")
            and rng.random() < 0.3
        ):
            second = rng.choice(("billing_words", "case", "note"))
            if second not in classes:
                if second == "case":
                    text = text.upper()
                elif second == "note":
                    text = text + " (see ticket 51207)"
                else:
                    text = text + " - per user"
                classes.append(second)
        line.text, line.classes = text, classes


VAGUE = ("brand_dropped", "bare_plan", "legacy_name", "inhouse_name", "abbreviation")
STOP = {"for", "the", "and", "of", "microsoft", "365"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _ambiguous(cls: str, variant: str, name: str, mine: set[str]) -> bool:
    """A shortened spelling is refused when its words also fit another product the client buys
    ('365 E3' beside Office 365 E3, 'Business Premium' beside GravityZone Business Security Premium);
    an in-house name shares no word with the client's other products."""
    if cls not in VAGUE:
        return False
    words = _words(variant)
    for other in mine:
        if other == name:
            continue
        theirs = _words(other)
        if words <= theirs or (cls == "inhouse_name" and (words - STOP) & theirs):
            return True
    return False


def _fits_one(cls: str, product: cat.Product, mine: set[str]) -> bool:
    """A vague spelling is used only when exactly one product the client buys could be meant."""
    if cls != "bare_plan":
        return True
    for word in product.bare:
        hits = [n for n in mine if word.lower() in n.lower().split() or word.lower() in n.lower()]
        if len(hits) != 1:
            return False
    return True


# ---------------------------------------------------------------- truth
def findings(
    scen: Scenario, vrows: dict[int, int], prows: dict[int, int]
) -> list[dict[str, object]]:
    """Findings per rules.md from the lines; rows map line index -> rendered row."""
    vq: dict[tuple[str, str], int] = defaultdict(int)
    vcost: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    vr: dict[tuple[str, str], list[int]] = defaultdict(list)
    vcls: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i, v in enumerate(scen.vendor):
        if v.role == "free":
            continue
        key = (v.client.canonical, v.product)
        vq[key] += v.qty
        vcost[key] += v.qty * v.monthly
        vr[key].append(vrows[i])
    pq: dict[tuple[str, str], int] = defaultdict(int)
    pamt: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    pr: dict[tuple[str, str], list[int]] = defaultdict(list)
    pcls: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i, p in enumerate(scen.psa):
        if p.role != "licence":
            continue
        key = (p.client.canonical, p.product)
        pq[key] += p.qty
        pamt[key] += p.qty * p.monthly
        pr[key].append(prows[i])
        pcls[key] |= set(p.classes)
    names = {c.canonical: c.name_class for c in scen.clients}
    per_client_p: dict[str, list[Fraction]] = defaultdict(list)
    for key, q in pq.items():
        if q > 0:
            per_client_p[key[1]].append(pamt[key] / q)
    out: list[dict[str, object]] = []
    for key in sorted(set(vq) | set(pq)):
        nv, nq = vq.get(key, 0), pq.get(key, 0)
        uc = vcost[key] / nv if nv > 0 else Fraction(0)
        up = pamt[key] / nq if nq > 0 else Fraction(0)
        found: list[tuple[str, Fraction]] = []
        if nv > 0 and nq <= 0:
            prices = per_client_p.get(key[1])
            found.append(("unbilled", nv * (statistics.median(prices) if prices else uc)))
        elif nq > 0 and nv <= 0:
            found.append(("no_vendor_record", nq * up))
        elif nv > 0 and nq > 0:
            if nv > nq:
                found.append(("under_billed", (nv - nq) * up))
            elif nq > nv:
                found.append(("over_billed", (nq - nv) * up))
            if up < uc:
                found.append(("below_cost", (uc - up) * min(nv, nq)))
        classes = set(vcls[key]) | pcls[key]
        if names.get(key[0]):  # the customer's PSA name class (empty in clean renders)
            classes.add(names[key[0]])
        for kind, impact in found:
            out.append(
                {
                    "type": kind,
                    "monthly_impact": str(money(impact)),
                    "client": key[0],
                    "product": key[1],
                    "vendor_rows": sorted(vr.get(key, [])),
                    "psa_rows": sorted(pr.get(key, [])),
                    "classes": sorted(classes),
                }
            )
    return out
