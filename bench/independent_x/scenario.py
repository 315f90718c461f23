"""The case model of set X: clients, vendor lines, PSA lines, and the truth findings."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction
from statistics import median

from . import desc
from .catalog import BY_KEY, FX, LOOKALIKE_SETS, PRODUCTS, PSA_SERVICES, VENDOR_SERVICES
from .people import make_clients, perturb_name

CENT = Decimal("0.01")
DISCOUNTS = [Decimal(5), Decimal(10), Decimal("12.5"), Decimal(15), Decimal(20)]


@dataclass
class VLine:
    cid: int
    product: str | None
    qty: int
    unit: Fraction  # exact price per unit per term
    term: str  # monthly / annual
    role: str  # licence / credit / service
    text: str = ""
    list_price: Decimal | None = None
    disc: Decimal | None = None
    sub_id: str = ""
    row: int = 0

    @property
    def amount(self) -> Decimal:
        return cents(self.unit * self.qty)


@dataclass
class PLine:
    cid: int
    product: str | None
    qty: int
    unit: Fraction
    term: str
    role: str
    desc: str = ""
    cname: str = ""
    classes: list = field(default_factory=list)
    cclasses: list = field(default_factory=list)
    list_price: Decimal | None = None
    disc: Decimal | None = None
    row: int = 0
    acct: int = -1  # the client account the line is billed under (a parent, sometimes)

    @property
    def amount(self) -> Decimal:
        return cents(self.unit * self.qty)


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    perturb: bool


def cents(x) -> Decimal:
    """half-up to the cent, exact for Fraction/Decimal/int."""
    f = Fraction(x)
    sign = -1 if f < 0 else 1
    n = (abs(f) * 100 + Fraction(1, 2)).__floor__()
    return (Decimal(sign * n) / 100).quantize(CENT)


def monthly(unit: Fraction, term: str) -> Fraction:
    return unit / 12 if term == "annual" else unit


def _seats(rng):
    r = rng.random()
    if r < 0.25:
        return rng.randint(1, 3)
    if r < 0.78:
        return rng.randint(4, 15)
    return rng.randint(16, 60)


def _basket(rng):
    n = rng.choices(range(2, 9), weights=[8, 13, 18, 18, 16, 14, 13])[0]
    keys = []
    if rng.random() < 0.8:
        keys.append(
            rng.choice(
                ["BB", "BS", "BP", "BP", "BS", "E3", "E5", "O365E3", "BPNT", "E3NT", "EXO1", "EXO2"]
            )
        )
    if rng.random() < 0.45:
        for k in rng.choice(LOOKALIKE_SETS):
            if k not in keys:
                keys.append(k)
    while len(keys) < n:
        k = rng.choice(PRODUCTS).key
        if k not in keys:
            keys.append(k)
    return keys[:n]


def build_case(seed, clients_n, currency, vcaps, pcaps, perturb):
    rng = random.Random(f"X|{seed}|{clients_n}|{currency}")
    drng = random.Random(f"X-disc|{seed}|{clients_n}|{currency}|{sorted(vcaps)}|{sorted(pcaps)}")
    prng = random.Random(f"X-perturb|{seed}|{clients_n}|{currency}")
    fx = FX[currency]
    clients = make_clients(rng, clients_n, currency)
    byname = {c["canonical"]: c for c in clients}
    for c in clients:
        r = rng.random()
        c["side"] = "vendor" if r < 0.025 else "psa" if r < 0.05 else "both"
        if c.get("parent_name") or c.get("parent"):
            c["side"] = "both"
    # baskets; siblings often buy the same basket
    last = {}
    for c in clients:
        sib = c.get("sibling")
        if sib and sib in last and rng.random() < 0.6:
            c["basket"] = list(last[sib])
        else:
            c["basket"] = _basket(rng)
        if sib:
            last[sib] = c["basket"]
    vlines, plines = [], []
    subn = 100000
    for c in clients:
        cid = c["id"]
        for key in c["basket"]:
            prod = BY_KEY[key]
            base = cents(prod.cost * fx)
            vq = _seats(rng)
            vterm = "annual" if rng.random() < 0.15 else "monthly"
            lp = dd = None
            if "discount" in vcaps and drng.random() < 0.3:
                dd = drng.choice(DISCOUNTS)
                lp = cents(base * Decimal("1.08"))
                cm = Fraction(lp) * (1 - Fraction(dd) / 100)
            else:
                cm = Fraction(base)
            vunit = cm * 12 if vterm == "annual" else cm
            if lp is not None and vterm == "annual":
                lp = lp * 12
            # intended PSA outcome
            r = rng.random()
            outcome = (
                "match"
                if r < 0.68
                else "under"
                if r < 0.74
                else "over"
                if r < 0.785
                else "unbilled"
                if r < 0.85
                else "below"
                if r < 0.93
                else "under_below"
                if r < 0.95
                else "match"
            )
            if c["side"] != "psa":
                parts = [vq]
                s = rng.random()
                if s < 0.36 and vq >= 2:
                    a = rng.randint(1, vq - 1)
                    parts = [a, vq - a]
                elif s < 0.48 and vq >= 3:
                    a = rng.randint(1, vq - 2)
                    b = rng.randint(1, vq - a - 1)
                    parts = [a, b, vq - a - b]
                credit = "credits" in vcaps and rng.random() < 0.08
                k = rng.randint(1, 3)
                for i, q in enumerate(parts):
                    subn += rng.randint(1, 97)
                    vlines.append(
                        VLine(
                            cid,
                            key,
                            q + (k if credit and i == 0 else 0),
                            vunit,
                            vterm,
                            "licence",
                            list_price=lp,
                            disc=dd,
                            sub_id=f"{subn}",
                        )
                    )
                if credit:
                    vlines.append(
                        VLine(
                            cid,
                            key,
                            -k,
                            vunit,
                            vterm,
                            "credit",
                            list_price=lp,
                            disc=dd,
                            sub_id=vlines[-len(parts)].sub_id,
                        )
                    )
            if c["side"] == "vendor" or (outcome == "unbilled" and c["side"] == "both"):
                continue
            pq = vq
            if outcome in ("under", "under_below"):
                pq = vq - rng.randint(1, max(1, vq // 3)) if vq > 1 else vq + 1
            elif outcome == "over":
                pq = vq + rng.randint(1, 3)
            cmonth = cm
            if outcome in ("below", "under_below"):
                target = Fraction(cents(cmonth * Fraction(rng.randint(75, 97), 100)))
            else:
                target = Fraction(cents(cmonth * Fraction(rng.randint(108, 145), 100)))
            whole = rng.random() < 0.08
            if whole:
                below = outcome in ("below", "under_below")
                w = Decimal(target.numerator) / Decimal(target.denominator)
                w = w.quantize(Decimal(1), rounding=ROUND_FLOOR if below else ROUND_CEILING)
                if (below and 0 < w < cmonth) or (not below and w >= cmonth):
                    target = Fraction(w)
                else:
                    whole = False
            pterm = "annual" if rng.random() < 0.10 else "monthly"
            plp = pdisc = None
            punit_m = target
            if "discount" in pcaps and not whole and drng.random() < 0.2:
                pdisc = drng.choice(DISCOUNTS)
                plp = cents(target / (1 - Fraction(pdisc) / 100))
                punit_m = Fraction(plp) * (1 - Fraction(pdisc) / 100)
                if outcome in ("below", "under_below") and punit_m >= cmonth:
                    plp = pdisc = None
                    punit_m = target
            mixed = pq >= 4 and not whole and plp is None and rng.random() < 0.05
            if mixed:
                a = rng.randint(1, pq - 1)
                plines.append(
                    PLine(
                        cid,
                        key,
                        pq - a,
                        punit_m,
                        "monthly",
                        "licence",
                        classes=["mixed_term_lines"],
                    )
                )
                plines.append(
                    PLine(
                        cid, key, a, punit_m * 12, "annual", "licence", classes=["mixed_term_lines"]
                    )
                )
                continue
            pu = punit_m * 12 if pterm == "annual" else punit_m
            if plp is not None and pterm == "annual":
                plp = plp * 12
            pl = PLine(cid, key, pq, pu, pterm, "licence", list_price=plp, disc=pdisc)
            if whole:
                pl.classes.append("whole_unit_price")
            plines.append(pl)
        # PSA-only products (no vendor record)
        if c["side"] != "vendor" and rng.random() < 0.07:
            extra = [p.key for p in PRODUCTS if p.key not in c["basket"]]
            key = rng.choice(extra)
            pm = Fraction(cents(BY_KEY[key].cost * fx * Decimal(rng.randint(110, 140)) / 100))
            plines.append(PLine(cid, key, _seats(rng), pm, "monthly", "licence"))
        if c["side"] != "vendor":
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                t = rng.choice(PSA_SERVICES)
                plines.append(
                    PLine(
                        cid,
                        None,
                        rng.randint(1, 20),
                        Fraction(cents(Decimal(rng.randint(4000, 15000)) / 100 * fx)),
                        "monthly",
                        "service",
                        desc=t,
                    )
                )
        if c["side"] != "psa" and rng.random() < 0.15:
            vlines.append(
                VLine(
                    cid,
                    None,
                    1,
                    Fraction(cents(Decimal(rng.randint(500, 4500)) / 100 * fx)),
                    "monthly",
                    "service",
                    text=rng.choice(VENDOR_SERVICES),
                )
            )
    # PSA spelling
    taken = {c["canonical"] for c in clients}
    for c in clients:
        c["psa_name"], c["cclasses"], c["link_name"] = c["canonical"], [], None
        if perturb and c["side"] != "vendor":
            nm, cls, link = perturb_name(prng, c, taken)
            taken.add(nm)
            c["psa_name"], c["cclasses"], c["link_name"] = nm, cls, link
    linked = set()
    for pl in plines:
        c = clients[pl.cid]
        pl.acct = pl.cid
        parent = byname.get(c.get("parent_name", ""))
        if pl.role == "licence" and parent is not None and rng.random() < 0.5:
            pl.acct = parent["id"]
    for pl in plines:
        c = clients[pl.cid]
        pl.cname = c["psa_name"]
        pl.cclasses = list(c["cclasses"])
        if pl.role == "service":
            continue
        prod = BY_KEY[pl.product]
        parent = clients[pl.acct] if pl.acct != pl.cid else None
        under_parent = parent is not None
        if not perturb:
            pl.desc = prod.name
            pl.classes = []
            continue
        if c["link_name"] and pl.cid not in linked:
            pl.cname = c["link_name"]
            linked.add(pl.cid)
        if under_parent:
            pl.cname = parent["psa_name"]
            pl.classes = ["billed_under_parent", *pl.classes]
            pl.desc = desc.render(
                prng, "billed_under_parent", prod, {"qty": pl.qty, "term": pl.term}, c
            )
            continue
        if "mixed_term_lines" in pl.classes:
            pl.desc = desc.render(
                prng, "mixed_term_lines", prod, {"qty": pl.qty, "term": pl.term}, c
            )
            continue
        opts = desc.applicable(prod, {"qty": pl.qty}, False, pl.disc is not None)
        cls = prng.choice(opts)
        pl.desc = desc.render(prng, cls, prod, {"qty": pl.qty, "term": pl.term}, c)
        pl.classes = [cls, *pl.classes]
    return Case(clients, vlines, plines, currency, perturb)


def compute_findings(case: Case):
    cl = case.clients
    V, P = {}, {}
    for v in case.vlines:
        if v.role == "service":
            continue
        d = V.setdefault((v.cid, v.product), {"q": 0, "amt": Fraction(0), "rows": []})
        d["q"] += v.qty
        d["amt"] += v.qty * monthly(v.unit, v.term)
        d["rows"].append(v.row)
    for p in case.plines:
        if p.role == "service":
            continue
        d = P.setdefault((p.cid, p.product), {"q": 0, "amt": Fraction(0), "rows": [], "cls": []})
        d["q"] += p.qty
        d["amt"] += p.qty * monthly(p.unit, p.term)
        d["rows"].append(p.row)
        for k in p.classes + p.cclasses:
            if k not in d["cls"]:
                d["cls"].append(k)
    prices = {}
    for (_cid, prod), d in P.items():
        if d["q"] > 0:
            prices.setdefault(prod, []).append(d["amt"] / d["q"])
    out = []

    def add(t, cid, prod, vrows, prows, imp, cls):
        if imp <= 0:
            return
        out.append(
            {
                "type": t,
                "client": cl[cid]["canonical"],
                "product": BY_KEY[prod].name,
                "vendor_rows": sorted(vrows),
                "psa_rows": sorted(prows),
                "monthly_impact": f"{cents(imp):.2f}",
                "classes": list(cls),
            }
        )

    for key in sorted(set(V) | set(P), key=lambda k: (cl[k[0]]["canonical"], k[1])):
        cid, prod = key
        v, p = V.get(key), P.get(key)
        vq = v["q"] if v else 0
        pq = p["q"] if p else 0
        ccls = cl[cid]["cclasses"] if case.perturb else []
        if vq > 0 and pq <= 0:
            c = v["amt"] / vq
            med = median(prices[prod]) if prod in prices else c
            add(
                "unbilled",
                cid,
                prod,
                v["rows"],
                [],
                vq * Fraction(med),
                ccls if cl[cid]["side"] != "vendor" else [],
            )
            continue
        if pq > 0 and vq <= 0:
            add("no_vendor_record", cid, prod, [], p["rows"], p["amt"], p["cls"])
            continue
        if vq <= 0 and pq <= 0:
            continue
        c, pp = v["amt"] / vq, p["amt"] / pq
        if vq > pq:
            add("under_billed", cid, prod, v["rows"], p["rows"], (vq - pq) * pp, p["cls"])
        elif pq > vq:
            add("over_billed", cid, prod, v["rows"], p["rows"], (pq - vq) * pp, p["cls"])
        if pp < c:
            add("below_cost", cid, prod, v["rows"], p["rows"], (c - pp) * min(vq, pq), p["cls"])
    return out


def key_stats(case):
    keys = {(v.cid, v.product) for v in case.vlines if v.role != "service"} | {
        (p.cid, p.product) for p in case.plines if p.role != "service"
    }
    return len(keys)


assert ROUND_HALF_UP  # imported for readers: cents() is half-up
