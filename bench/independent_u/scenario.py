"""The case: clients, baskets, vendor and PSA lines, and the findings the rules give."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, getcontext
from fractions import Fraction

from .catalog import BASKETS, BY_KEY, CURRENCY_FACTOR
from .names import client_book
from .perturb import perturb_description, perturb_name

getcontext().prec = 60


def dec2(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def frac(d) -> Fraction:
    return Fraction(Decimal(str(d)))


def money(f: Fraction) -> str:
    return str(
        (Decimal(f.numerator) / Decimal(f.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    )


@dataclass
class VLine:
    cid: int
    tenant: str
    domain: str
    product: str
    qty: int
    unit: Decimal  # unit amount as the bill writes it, per billing period, after discounts
    billing: str  # monthly | annual
    role: str  # licence | credit | trial
    charge: str = "cycleCharge"
    term: str = "P1Y"
    list_unit: Decimal | None = None  # list price before partner discount (PC NCE UnitPrice)
    sub: str = ""
    row: int = 0

    @property
    def monthly(self) -> Fraction:
        return frac(self.unit) / (12 if self.billing == "annual" else 1)


@dataclass
class PLine:
    cid: int
    product: str | None  # None for services
    text: str  # canonical description (product name or the service text)
    qty: int
    price: Decimal  # per period as written, before discount
    period: str = "monthly"
    discount: Decimal = Decimal(0)  # percent
    less: int = 0
    role: str = "licence"
    out_text: str = ""
    out_client: str = ""
    classes: list = field(default_factory=list)
    cclasses: list = field(default_factory=list)
    row: int = 0
    blank_name: bool = False
    adjusted: Decimal | None = None  # Autotask adjusted price (replaces price and discount)

    @property
    def billed_qty(self) -> int:
        return self.qty - self.less

    @property
    def monthly(self) -> Fraction:
        if self.adjusted is not None:
            return frac(self.adjusted) / (12 if self.period == "annual" else 1)
        return (
            frac(self.price)
            * (1 - frac(self.discount) / 100)
            / (12 if self.period == "annual" else 1)
        )


SERVICES = [
    "Managed Services - per user",
    "Microsoft 365 Managed Support (per user)",
    "Backup Monitoring Service",
    "Onsite Support - hourly",
    "Exchange Online migration project",
    "Teams Phone setup - labour",
    "Hardware: Dell Latitude 5450",
    "Intune device onboarding (project)",
    "Copilot readiness workshop",
    "Managed Backup Service - Acronis",
    "Security Awareness Training service",
    "Helpdesk block 10h",
    "Managed Firewall (per site)",
    "Microsoft 365 tenant health check - quarterly service",
]


@dataclass
class Case:
    seed: int
    clients: list
    currency: str
    vlines: list
    plines: list
    vcaps: dict
    pcaps: dict


def _price(p, currency, which):
    v = float(getattr(p, which)) * CURRENCY_FACTOR[currency]
    if currency == "SEK":
        return dec2(round(v))
    return dec2(v)


def build_case(
    seed: int, vfmt: str, pfmt: str, n: int, vcaps: dict, pcaps: dict, currency: str, perturb: bool
) -> Case:
    rng = random.Random(f"U|{seed}|{vfmt}|{pfmt}|{n}")
    clients = client_book(rng, n, currency)
    seen_dom = set()
    for c in clients:
        if c["domain"] in seen_dom:
            c["domain"] += str(c["id"])
        seen_dom.add(c["domain"])
    vl: list[VLine] = []
    pl: list[PLine] = []
    eea = currency in ("EUR", "SEK")
    for c in clients:
        r = rng.random()
        c["side"] = "both" if r < 0.92 else ("vendor" if r < 0.96 else "psa")
        if c.get("family"):
            c["side"] = "both"
        # PSA canonical name and the tenant name on the bill
        full = c["name"]
        c["canonical"] = full if rng.random() < 0.6 else c["core"]
        c["tenant"] = full
        if not c.get("family") and "native" not in c and rng.random() < 0.04:
            legal_entity = f"{rng.choice(['Kestrel', 'Fenwick', 'Orchard', 'Halcyon', 'Tamarind'])} Holdings {c['legal']}"
            c["tenant"] = f"{legal_entity} DBA {c['core']}"
            c["canonical"] = c["core"]
        c["tenant2"] = None
        if c["side"] == "both" and not c.get("family") and rng.random() < 0.03:
            c["tenant2"] = rng.choice(
                [
                    f"{c['core']} (Legacy Tenant)",
                    f"{c['core']} EU {c['legal']}",
                    f"{c['core']} - Archive Mailboxes",
                ]
            )
        if c["side"] == "vendor":
            c["canonical"] = c["tenant"]
        # basket
        tot = sum(w for w, _, _ in BASKETS)
        x = rng.random() * tot
        for w, base, adds in BASKETS:
            x -= w
            if x < 0:
                break
        seats = max(1, int(rng.lognormvariate(2.4, 0.9)))
        seats = min(seats, 400)
        basket = [(base, seats)]
        for k, pr in adds:
            if rng.random() < pr:
                basket.append(
                    (k, max(1, min(seats, int(seats * rng.choice([1, 1, 0.5, 0.25, 0.1])) or 1)))
                )
        basket = [
            (k, q) for k, q in basket if (vcaps["nonms"] or BY_KEY[k].ms) and (eea or k != "bpnt")
        ]
        if not basket:
            basket = [("bp", seats)]
        seen = set()
        basket = [(k, q) for k, q in basket if not (k in seen or seen.add(k))]
        c["basket"] = [k for k, _ in basket]
        special = rng.random()
        for k, vq in basket:
            p = BY_KEY[k]
            cost = _price(p, currency, "cost")
            lst = _price(p, currency, "price")
            price = lst if special < 0.85 else dec2(lst * Decimal("0.95"))
            s = rng.random()
            if c["side"] == "vendor":
                s = "unbilled"
            elif c["side"] == "psa":
                s = "nvr"
            else:
                s = (
                    "ok"
                    if s < 0.76
                    else "under"
                    if s < 0.82
                    else "over"
                    if s < 0.86
                    else "unbilled"
                    if s < 0.90
                    else "nvr"
                    if s < 0.93
                    else "below"
                    if s < 0.97
                    else "below_under"
                    if s < 0.99
                    else "below_over"
                )
            pq = vq
            if s in ("under", "below_under"):
                if vq < 2:
                    vq += 2
                pq = vq - rng.randrange(1, max(2, vq // 4 + 1))
            if s in ("over", "below_over"):
                pq = vq + rng.randrange(1, 4)
            if s.startswith("below"):
                price = dec2(cost * Decimal(rng.choice(["0.80", "0.90", "0.95", "0.97"])))
            # vendor lines
            if s != "nvr":
                vl.extend(_vendor_lines(rng, c, k, vq, cost, vcaps))
            # PSA lines
            if s != "unbilled":
                pl.extend(_psa_lines(rng, c, k, pq, price, pcaps))
            elif rng.random() < 0.3 and pcaps.get("cancelled"):
                pl.append(PLine(c["id"], k, p.name, vq, price, role=pcaps["cancelled"]))
        # trial on the bill, never on the PSA
        if vcaps.get("trial") and c["side"] != "psa" and rng.random() < 0.05:
            free = [k for k in ("copilot", "teamsprem", "pbipro") if k not in c["basket"]]
            tk = rng.choice(free or ["copilot"])
            if free:
                vl.append(
                    VLine(
                        c["id"],
                        c["tenant"],
                        c["domain"],
                        tk,
                        rng.choice([5, 10, 25]),
                        Decimal("0.00"),
                        "monthly",
                        "trial",
                        "new",
                        "P1M",
                    )
                )
        # services
        if c["side"] != "vendor":
            for t in rng.sample(SERVICES, rng.choice([0, 1, 1, 2, 3])):
                pl.append(
                    PLine(
                        c["id"],
                        None,
                        t,
                        rng.choice([1, seats, seats, 10]),
                        dec2(rng.choice([45, 95, 120, 8.5, 12, 150])),
                        role="service",
                    )
                )
    case = Case(seed, clients, currency, vl, pl, vcaps, pcaps)
    _apply_perturbations(case, seed, vfmt, pfmt, n, perturb)
    return case


def _vendor_lines(rng, c, k, vq, cost, vcaps):
    p = BY_KEY[k]
    out = []
    tenants = [(c["tenant"], c["domain"])]
    if c.get("tenant2"):
        tenants.append((c["tenant2"], c["domain"] + "legacy"))
    parts = [vq]
    if vq >= 4 and rng.random() < 0.14:
        a = rng.randrange(1, vq)
        parts = [a, vq - a]
    if len(tenants) == 2 and vq >= 2:
        a = rng.randrange(1, vq)
        parts = [a, vq - a]
    for i, q in enumerate(parts):
        tn, dom = tenants[i % len(tenants)]
        billing, term, unit = "monthly", "P1Y", cost
        if vcaps.get("monthly_term") and p.ms and rng.random() < 0.08:
            term, unit = "P1M", dec2(cost * Decimal("1.2"))
        if vcaps.get("annual") and p.ms and rng.random() < 0.12:
            billing, term, unit = "annual", "P1Y", unit * 12
        lst = unit
        if vcaps.get("discount") and p.ms and rng.random() < 0.3:
            unit = dec2(unit * Decimal("0.97"))
        sub = f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-4{rng.getrandbits(12):03x}-a{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}"
        if vcaps.get("credit") and rng.random() < 0.06:
            extra = rng.randrange(1, 3)
            out.append(
                VLine(
                    c["id"],
                    tn,
                    dom,
                    k,
                    q + extra,
                    unit,
                    billing,
                    "licence",
                    "cycleCharge",
                    term,
                    lst,
                    sub,
                )
            )
            out.append(
                VLine(
                    c["id"],
                    tn,
                    dom,
                    k,
                    -extra,
                    unit,
                    billing,
                    "credit",
                    "removeQuantity",
                    term,
                    lst,
                    sub,
                )
            )
        else:
            out.append(
                VLine(
                    c["id"],
                    tn,
                    dom,
                    k,
                    q,
                    unit,
                    billing,
                    "licence",
                    rng.choice(["cycleCharge", "cycleCharge", "renew", "addQuantity"]),
                    term,
                    lst,
                    sub,
                )
            )
    return out


def _psa_lines(rng, c, k, pq, price, pcaps):
    p = BY_KEY[k]
    out = []
    parts = [pq]
    if pq >= 4 and rng.random() < 0.07:
        a = rng.randrange(1, pq)
        parts = [a, pq - a]
    if pcaps.get("cancelled") and rng.random() < 0.05:
        out.append(
            PLine(c["id"], k, p.name, pq + rng.randrange(1, 5), price, role=pcaps["cancelled"])
        )
    for q in parts:
        ln = PLine(c["id"], k, p.name, q, price)
        if pcaps.get("annual") and rng.random() < 0.08:
            ln.period, ln.price = "annual", price * 12
        if pcaps.get("discount") and rng.random() < 0.08:
            ln.discount = Decimal(rng.choice(["5", "10", "12.5"]))
        if pcaps.get("less") and rng.random() < 0.08:
            ln.less = rng.randrange(1, 3)
            ln.qty = q + ln.less
        out.append(ln)
    return out


def _apply_perturbations(case: Case, seed, vfmt, pfmt, n, perturb):
    byid = {c["id"]: c for c in case.clients}
    prng = random.Random(f"U-perturb|{seed}|{vfmt}|{pfmt}|{n}")
    taken = {}
    for c in case.clients:
        c["psa_name"], c["name_classes"] = c["canonical"], []
    if perturb:
        from .names import key

        canon_keys = {key(c["canonical"]): c["id"] for c in case.clients}
        for c in case.clients:
            if prng.random() < 0.55:
                nm, cl = perturb_name(c, c["canonical"], prng)
                k = key(nm)
                if (
                    cl
                    and canon_keys.get(k, c["id"]) == c["id"]
                    and taken.get(k, c["id"]) == c["id"]
                ):
                    c["psa_name"], c["name_classes"] = nm, cl
                    taken[k] = c["id"]
    for ln in case.plines:
        c = byid[ln.cid]
        ln.out_client, ln.cclasses = c["psa_name"], list(c["name_classes"])
        ln.out_text, ln.classes = ln.text, []
        if perturb and ln.product and prng.random() < 0.7:
            ctx = {
                "rng": prng,
                "product": BY_KEY[ln.product],
                "client": c,
                "qty": ln.billed_qty,
                "price": str(ln.price),
                "currency": case.currency,
                "others": c["basket"],
            }
            ln.out_text, ln.classes = perturb_description(ln.text, ctx)
        if perturb and case.pcaps.get("id_lookup") and prng.random() < 0.07:
            ln.blank_name = True
            ln.cclasses = ln.cclasses + ["name_blank_id_only"]


# ------------------------------------------------------------------ the rules


def compute_findings(case: Case) -> list[dict]:
    byid = {c["id"]: c for c in case.clients}
    V, Pm = {}, {}
    for v in case.vlines:
        if v.role in ("licence", "credit"):
            V.setdefault((v.cid, v.product), []).append(v)
    for p in case.plines:
        if p.role == "licence" and p.product:
            Pm.setdefault((p.cid, p.product), []).append(p)
    # per-client PSA price and median per product
    pp = {}
    for key_, lines in Pm.items():
        q = sum(l.billed_qty for l in lines)
        if q > 0:
            pp[key_] = (q, sum(l.billed_qty * l.monthly for l in lines) / q)
    med = {}
    for (cid, prod), (_, p) in pp.items():
        med.setdefault(prod, []).append(p)
    med = {k: statistics.median(sorted(v)) for k, v in med.items()}
    out = []

    def add(t, key_, impact, vrows, prows):
        cid, prod = key_
        classes = sorted({c for l in Pm.get(key_, []) for c in l.classes + l.cclasses})
        if not Pm.get(key_) and byid[cid]["name_classes"]:
            classes = sorted(set(byid[cid]["name_classes"]))
        out.append(
            {
                "type": t,
                "client": byid[cid]["canonical"],
                "product": BY_KEY[prod].name,
                "vendor_rows": sorted(vrows),
                "psa_rows": sorted(prows),
                "monthly_impact": money(impact),
                "classes": classes,
            }
        )

    for key_ in sorted(set(V) | set(Pm)):
        vls, pls = V.get(key_, []), Pm.get(key_, [])
        vq = sum(v.qty for v in vls)
        pq = sum(p.billed_qty for p in pls)
        vrows, prows = [v.row for v in vls], [p.row for p in pls]
        c = sum(v.qty * v.monthly for v in vls) / vq if vq else None
        p = pp[key_][1] if key_ in pp else None
        if vq > 0 and pq <= 0:
            add("unbilled", key_, vq * med.get(key_[1], c), vrows, [])
            continue
        if pq > 0 and not vls:
            add("no_vendor_record", key_, pq * p, [], prows)
            continue
        if vq > pq > 0:
            add("under_billed", key_, (vq - pq) * p, vrows, prows)
        if pq > vq > 0:
            add("over_billed", key_, (pq - vq) * p, vrows, prows)
        if vq > 0 and pq > 0 and p < c:
            add("below_cost", key_, (c - p) * min(vq, pq), vrows, prows)
    return out
