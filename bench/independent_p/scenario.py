"""One case's content, independent of spelling: clients, vendor lines, PSA lines and their roles."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .catalog import (
    ADDONS_BY_BASE,
    BASES,
    BY_KEY,
    CURRENCY_RATE,
    OTHER_KEYS,
    PROJECT_SERVICES,
    SERVICES,
    Product,
)
from .people import Client, build_clients

PERIOD = "2026-11"
P_START, P_END = date(2026, 11, 1), date(2026, 11, 30)
CENT = Decimal("0.01")


def money(x) -> Decimal:
    return Decimal(x).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class VLine:
    client: Client
    product: Product
    qty: int
    unit: Decimal  # cost per billing period (annual lines: the annual amount)
    list_unit: Decimal  # list / suggested price per billing period
    annual: bool = False
    role: str = "licence"  # licence | credit | trial
    sub_id: str = ""
    start: date = P_START
    end: date = P_END


@dataclass
class PLine:
    account: str  # canonical account name (client name, or its projects account)
    client: Client
    product: Product | None  # None: a service
    service: str = ""
    qty: int = 0
    less: int = 0  # ConnectWise Less Included
    unit: Decimal = Decimal(0)  # listed unit price per billing period
    disc: Decimal = Decimal(0)  # percent discount column
    adjusted: Decimal | None = None  # Autotask adjusted unit price
    annual: bool = False
    role: str = "licence"  # licence | credit | service | cancelled | paused | voided | ended | trial | other_source
    text: str = ""  # the written product text (set by perturb / clean)
    classes: list = field(default_factory=list)
    note: str = ""  # the seat-holder etc. used by split lines
    cancel_date: date | None = None
    future_cancel: bool = False


@dataclass
class Case:
    seed: int
    vendor_format: str
    psa_format: str
    clients: list[Client]
    currency: str
    vlines: list[VLine]
    plines: list[PLine]
    cost: dict  # product key -> monthly cost
    caps_v: dict
    caps_p: dict


def _sub_id(rng: random.Random) -> str:
    return "%08x-%04x-%04x-%04x-%012x" % (
        rng.getrandbits(32),
        rng.getrandbits(16),
        0x4000 | rng.getrandbits(12),
        0x8000 | rng.getrandbits(14),
        rng.getrandbits(48),
    )


def _price(rng: random.Random, list_cur: Decimal) -> Decimal:
    style = rng.random()
    mark = Decimal(rng.choice(["1.00", "1.05", "1.10", "1.15", "1.20", "1.25", "1.30"]))
    p = list_cur * mark
    if style < 0.25:
        return max(Decimal("0.99"), money(p).to_integral_value() - Decimal("0.01"))  # x.99 pricing
    if style < 0.5:
        return max(Decimal("0.25"), (p * 4).to_integral_value(rounding=ROUND_HALF_UP) / 4).quantize(
            CENT
        )
    return money(p)


def build_case(
    rng: random.Random,
    n: int,
    vendor_format: str,
    psa_format: str,
    caps_v: dict,
    caps_p: dict,
    seed: int,
) -> Case:
    currency = caps_v["currency"]
    rate = CURRENCY_RATE[currency]
    clients = build_clients(rng, n, currency)
    sells_other = caps_v["sells_other"]
    # per-case monthly cost of each product
    cost = {}
    listp = {}
    for k, p in BY_KEY.items():
        listp[k] = money(p.usd * rate)
        cost[k] = money(listp[k] * Decimal(rng.choice(["0.80", "0.82", "0.85", "0.87", "0.90"])))
    vlines: list[VLine] = []
    plines: list[PLine] = []

    def vendor_lines(c: Client, p: Product, vq: int):
        m = cost[p.key]
        r = rng.random()
        if caps_v["annual"] and r < 0.12:
            am = money(m * Decimal("0.95"))
            vlines.append(
                VLine(
                    c,
                    p,
                    vq,
                    am * 12,
                    listp[p.key] * 12,
                    True,
                    sub_id=_sub_id(rng),
                    end=date(2027, 10, 31),
                )
            )
        elif vq >= 3 and r < 0.27:
            a = rng.randint(1, vq - 1)
            if caps_v["annual"] and rng.random() < 0.5:
                am = money(m * Decimal("0.95"))
                vlines.append(
                    VLine(
                        c,
                        p,
                        a,
                        am * 12,
                        listp[p.key] * 12,
                        True,
                        sub_id=_sub_id(rng),
                        end=date(2027, 4, 30),
                    )
                )
            else:
                vlines.append(VLine(c, p, a, m, listp[p.key], sub_id=_sub_id(rng)))
            vlines.append(VLine(c, p, vq - a, m, listp[p.key], sub_id=_sub_id(rng)))
        elif caps_v["credit"] and vq >= 1 and r < 0.35:
            k = rng.randint(1, 4)
            sid = _sub_id(rng)
            vlines.append(VLine(c, p, vq + k, m, listp[p.key], sub_id=sid))
            vlines.append(
                VLine(c, p, -k, m, listp[p.key], role="credit", sub_id=sid, start=date(2026, 11, 9))
            )
        else:
            vlines.append(VLine(c, p, vq, m, listp[p.key], sub_id=_sub_id(rng)))

    def psa_lines(
        c: Client,
        p: Product,
        pq: int,
        price: Decimal,
        account: str | None = None,
        role: str = "licence",
    ):
        account = account or c.name
        r = rng.random()
        base = PLine(account, c, p, qty=pq, unit=price, role=role)
        if role in ("cancelled", "paused", "voided", "ended"):
            base.cancel_date = date(2026, 10, rng.randint(1, 28))
        if role != "licence":
            plines.append(base)
            return
        if pq >= 3 and r < 0.07:
            a = rng.randint(1, pq - 1)
            notes = rng.sample(
                [
                    "office",
                    "warehouse",
                    "shared mailboxes",
                    "directors",
                    "field staff",
                    "new starters",
                ],
                2,
            )
            plines.append(PLine(account, c, p, qty=a, unit=price, note=notes[0]))
            price2 = price if rng.random() < 0.6 else money(price * Decimal("0.9"))
            plines.append(PLine(account, c, p, qty=pq - a, unit=price2, note=notes[1]))
            return
        if caps_p.get("less") and r < 0.17:
            base.less = rng.randint(1, 3)
            base.qty = pq + base.less
        elif caps_p.get("discount") == "pct" and r < 0.19:
            d = Decimal(rng.choice(["5", "10", "12.5", "15", "20"]))
            base.disc = d
            base.unit = money(price / (1 - d / 100))  # listed price; billed = unit*(1-d)
        elif caps_p.get("discount") == "adjusted" and r < 0.22:
            base.adjusted = price
            base.unit = money(price * Decimal(rng.choice(["1.10", "1.15", "1.25"])))
        elif caps_p.get("annual") and r < 0.29:
            base.annual = True
            base.unit = price * 12
        elif caps_p.get("credit") and pq >= 2 and r < 0.33:
            k = rng.randint(1, min(3, pq - 1))
            base.qty = pq + k
            plines.append(base)
            plines.append(PLine(account, c, p, qty=-k, unit=price, role="credit"))
            return
        plines.append(base)
        # an older, no longer billed line beside the live one
        if caps_p["dead_roles"] and rng.random() < 0.06:
            dead = rng.choice(caps_p["dead_roles"])
            plines.append(
                PLine(
                    account,
                    c,
                    p,
                    qty=max(1, pq + rng.randint(-3, 3)),
                    unit=price,
                    role=dead,
                    cancel_date=date(2026, 10, rng.randint(1, 28)),
                )
            )

    for c in clients:
        seats = max(1, min(180, int(rng.lognormvariate(2.3, 0.9))))
        base = rng.choices(BASES, weights=[14, 16, 26, 3, 10, 3, 5, 4, 8, 4])[0]
        basket: dict[str, int] = {base: seats}
        if rng.random() < 0.15 and seats > 4:
            other = rng.choice([b for b in ("bb", "f3", "bs") if b != base])
            split = rng.randint(1, seats // 2)
            basket[base] = seats - split
            basket[other] = split
        for a in ADDONS_BY_BASE[base]:
            if rng.random() < 0.22:
                basket[a] = (
                    rng.randint(1, max(1, seats))
                    if a not in ("rooms_pro", "pbippu")
                    else rng.randint(1, 3)
                )
        if rng.random() < 0.55:
            for k in rng.sample(OTHER_KEYS, rng.choice([1, 1, 2, 3])):
                basket[k] = (
                    max(1, seats + rng.randint(-2, 6))
                    if k not in ("adobe_cc", "autocad", "acrobat")
                    else rng.randint(1, 4)
                )
        # drop inconsistent look-alike pairs inside one basket (a client has one of acr_std/acr_adv etc.)
        for x, y in (
            ("acr_std", "acr_adv"),
            ("keeper", "keeper_ent"),
            ("s1_complete", "s1_control"),
            ("rc_std", "rc_prem"),
        ):
            if x in basket and y in basket:
                del basket[y]
        vend = {k: q for k, q in basket.items() if BY_KEY[k].ms or sells_other}
        other_src = {k: q for k, q in basket.items() if k not in vend}
        prices = {k: _price(rng, listp[k]) for k in basket}
        if c.side == "vendor":
            for k, q in vend.items():
                vendor_lines(c, BY_KEY[k], q)
            continue
        if c.side == "psa":
            for k, q in basket.items():
                psa_lines(
                    c, BY_KEY[k], q, prices[k], role="licence" if k in vend else "other_source"
                )
        else:
            for k, vq in vend.items():
                p = BY_KEY[k]
                vendor_lines(c, p, vq)
                r = rng.random()
                price = prices[k]
                if r < 0.035:
                    continue  # unbilled
                if (
                    r < 0.055 and caps_p["dead_roles"]
                ):  # only line is cancelled / paused / voided / ended
                    psa_lines(c, p, vq, price, role=rng.choice(caps_p["dead_roles"]))
                    continue
                pq = vq
                if r < 0.115 and vq >= 2:
                    pq = vq - rng.randint(1, min(5, vq - 1))  # under
                elif r < 0.155:
                    pq = vq + rng.randint(1, 4)  # over
                if 0.155 <= r < 0.19 or (0.055 <= r < 0.07 and vq >= 2):
                    price = money(
                        cost[k] * Decimal(rng.choice(["0.70", "0.80", "0.90", "0.95"]))
                    )  # below cost
                psa_lines(c, p, pq, price)
            for k, q in other_src.items():
                psa_lines(c, BY_KEY[k], q, prices[k], role="other_source")
            # a product billed with no vendor line
            if rng.random() < 0.07:
                pool = [
                    b
                    for b in (
                        "exo1",
                        "eoa",
                        "pbipro",
                        "visio1",
                        "teams_ess",
                        "mdb",
                        "copilot",
                        "od1",
                    )
                    + (tuple(OTHER_KEYS) if sells_other else ())
                    if b not in basket
                ]
                lookalike_free = [b for b in pool if not (b == "eoa" and "exo2" in basket)]
                k = rng.choice(lookalike_free)
                basket[k] = 0
                psa_lines(c, BY_KEY[k], rng.randint(1, max(1, seats)), _price(rng, listp[k]))
            # trials: vendor price 0, sometimes a 0-price PSA line too
            trial_pool = [k for k in ("copilot", "pbipro", "teams_prem") if k not in basket]
            if caps_v["trial"] and trial_pool and rng.random() < 0.05:
                tk = rng.choice(trial_pool)
                vlines.append(
                    VLine(
                        c,
                        BY_KEY[tk],
                        rng.randint(1, 25),
                        Decimal(0),
                        Decimal(0),
                        role="trial",
                        sub_id=_sub_id(rng),
                        end=date(2026, 11, 30),
                    )
                )
                if caps_p.get("trial") and rng.random() < 0.5:
                    plines.append(
                        PLine(
                            c.name, c, BY_KEY[tk], qty=vlines[-1].qty, unit=Decimal(0), role="trial"
                        )
                    )
        # services (never a finding)
        for s in rng.sample(SERVICES, rng.choice([0, 1, 1, 2, 3])):
            qty = seats if "per user" in s.lower() else rng.randint(1, 12)
            plines.append(
                PLine(
                    c.name,
                    c,
                    None,
                    service=s,
                    qty=qty,
                    unit=money(Decimal(rng.randint(15, 160)) * rate),
                    role="service",
                )
            )
        # a services-only second account of the same company (never the licence account)
        if not c.family and rng.random() < 0.02:
            for s in rng.sample(PROJECT_SERVICES, 2):
                plines.append(
                    PLine(
                        f"{c.name} - Projects",
                        c,
                        None,
                        service=s,
                        qty=rng.randint(1, 20),
                        unit=money(Decimal(rng.randint(90, 180)) * rate),
                        role="service",
                    )
                )
    # future cancellation dates on live lines (still billed in November)
    if caps_p.get("cancel_date"):
        for pl in plines:
            if pl.role == "licence" and rng.random() < 0.03:
                pl.future_cancel = True
                pl.cancel_date = date(2026, 12, rng.randint(5, 28))
    return Case(
        seed, vendor_format, psa_format, clients, currency, vlines, plines, cost, caps_v, caps_p
    )
