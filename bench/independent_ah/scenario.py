"""Set AH scenario: clients, baskets, vendor and PSA lines, and the findings by README's rules."""

from __future__ import annotations

import math
import random
import statistics
from dataclasses import dataclass, field
from fractions import Fraction as F

from . import desc, names
from .catalog import ADDONS, BY_KEY, CORE, FREE, THIRD_W

FAMILY_KEYWORD = {
    "m365": "Microsoft 365",
    "o365": "Office 365",
    "exchange": "Exchange Online",
    "acrobat": "Acrobat",
    "sentinelone": "SentinelOne",
    "keeper": "Keeper",
    "knowbe4": "KnowBe4",
    "ringcentral": "RingCentral",
    "docusign": "Docusign",
    "visio": "Visio",
    "powerbi": "Power BI",
    "entra": "Entra",
    "umbrella": "Umbrella",
    "gravityzone": "Bitdefender",
    "proofpoint": "Proofpoint",
    "1password": "1Password",
    "huntress": "Huntress",
    "acronis": "Acronis",
}


@dataclass
class VLine:
    cid: int
    product: str
    qty: F
    unit: F  # monthly unit cost
    yearly: bool = False
    role: str = "licence"
    classes: list = field(default_factory=list)
    term: str = "annual"  # annual | monthly | trial
    prorate: F = F(1)  # share of the month the row's amount covers
    row: int = 0


@dataclass
class PLine:
    cid: int
    product: str | None
    qty: F
    unit: F  # monthly unit price (services: the unit price)
    text: str = ""
    yearly: bool = False
    role: str = "licence"
    classes: list = field(default_factory=list)
    row: int = 0


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    country: str


def _pick(rng, items):
    tot = sum(w for _k, w in items)
    x = rng.random() * tot
    for k, w in items:
        x -= w
        if x <= 0:
            return k
    return items[-1][0]


def _seats(rng):
    return max(1, min(150, int(math.exp(rng.uniform(0.0, 3.9)))))


def _money(x):
    return F(round(x * 100), 100)


def build_case(seed, clients, currency, country, perturb):
    rng = random.Random(f"AH|numbers|{seed}|{clients}")
    n_pairs = max(2, round(clients * 0.06))
    # price book of the MSP: one list price per product
    book = {}
    for k, p in BY_KEY.items():
        m = F(rng.choice([115, 120, 125, 130, 135, 140]), 100)
        book[k] = F(math.ceil(p.cost * m * 20), 20) if p.cost else F(0)
    cl = []
    for i in range(clients):
        side = "both"
        r = rng.random()
        if i >= 2 * n_pairs and r < 0.03:
            side = "vendor"
        elif i >= 2 * n_pairs and r < 0.055:
            side = "psa"
        cl.append({"id": i, "side": side, "basket": {}})
    # baskets
    for c in cl:
        b = c["basket"]
        core = _pick(rng, CORE)
        n = _seats(rng)
        b[core] = n
        if rng.random() < 0.12:  # a look-alike beside the core product
            la = [x for x in BY_KEY[core].lookalikes if x not in b]
            if la:
                b[rng.choice(la)] = max(1, n // rng.choice([2, 3, 5]))
        for _ in range(rng.choice([1, 2, 2, 3, 3, 4, 5])):
            a = _pick(rng, ADDONS)
            if a not in b:
                b[a] = max(1, min(n, _seats(rng))) if a not in ("trp",) else rng.randint(1, 3)
        for _ in range(rng.choice([1, 2, 2, 3, 3, 4, 5])):
            a = _pick(rng, THIRD_W)
            if a in b:
                continue
            b[a] = max(1, n + rng.randint(-2, 3)) if a != "acps" else rng.randint(1, 4)
            if rng.random() < 0.15:
                la = [x for x in BY_KEY[a].lookalikes if x not in b]
                if la:
                    b[rng.choice(la)] = max(1, n // 3)
    for j in range(n_pairs):  # siblings buy alike (sometimes identical seat counts)
        a, bb = cl[2 * j], cl[2 * j + 1]
        bb["basket"] = {
            k: (v if rng.random() < 0.5 else max(1, v + rng.randint(-3, 3)))
            for k, v in a["basket"].items()
        }
    vlines, plines = [], []
    for c in cl:
        cid = c["id"]
        monthly_term = rng.random() < 0.1
        lookalike = {k for k in c["basket"] for o in BY_KEY[k].lookalikes if o in c["basket"]}
        for k, vq in sorted(c["basket"].items()):
            cost = BY_KEY[k].cost
            fate = "match"
            if c["side"] == "both":
                r = rng.random()
                fate = (
                    "unbilled"
                    if r < 0.085
                    else "under"
                    if r < 0.155
                    else "over"
                    if r < 0.215
                    else "below"
                    if r < 0.265
                    else "match"
                )
            if k in FREE:
                fate = "match" if rng.random() < 0.5 else "unbilled"
            vcls = ["lookalike_edition_pair_held"] if k in lookalike else []
            # ---------------- vendor lines
            if c["side"] != "psa":
                if k in FREE:
                    vlines.append(
                        VLine(
                            cid,
                            k,
                            F(vq),
                            F(0),
                            term="trial",
                            classes=vcls + ["vendor_trial_zero_row"],
                        )
                    )
                else:
                    u1 = _money(cost * F(6, 5)) if monthly_term else cost
                    r = rng.random()
                    if r < 0.15 and vq >= 2:
                        a = rng.randint(1, vq - 1)
                        yearly = rng.random() < 0.4
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                F(vq - a),
                                u1,
                                term="monthly" if monthly_term else "annual",
                                classes=vcls + ["two_subscriptions_one_product"],
                            )
                        )
                        u2 = cost if yearly else _money(cost * F(6, 5))
                        cl2 = ["two_subscriptions_one_product"] + (
                            ["billed_annually_twelve_month_unit"] if yearly else []
                        )
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                F(a),
                                u2,
                                yearly=yearly,
                                term="annual" if yearly else "monthly",
                                classes=vcls + cl2,
                            )
                        )
                    elif r < 0.22:
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                F(vq),
                                cost,
                                yearly=True,
                                term="annual",
                                classes=vcls + ["billed_annually_twelve_month_unit"],
                            )
                        )
                    elif r < 0.30:
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                F(vq + 1),
                                u1,
                                term="monthly" if monthly_term else "annual",
                                classes=list(vcls),
                            )
                        )
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                F(-1),
                                u1,
                                role="credit",
                                term="monthly" if monthly_term else "annual",
                                classes=vcls + ["negative_seat_credit_row"],
                            )
                        )
                    elif r < 0.34:
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                F(vq),
                                u1,
                                term="monthly" if monthly_term else "annual",
                                classes=list(vcls),
                            )
                        )
                        d = F(rng.randint(1, 3))
                        pr = F(rng.choice([10, 12, 15, 18, 20]), 30)
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                d,
                                u1,
                                prorate=pr,
                                classes=vcls + ["same_month_add_then_remove"],
                            )
                        )
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                -d,
                                u1,
                                role="credit",
                                prorate=pr,
                                classes=vcls + ["same_month_add_then_remove"],
                            )
                        )
                    else:
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                F(vq),
                                u1,
                                term="monthly" if monthly_term else "annual",
                                classes=list(vcls),
                            )
                        )
            # ---------------- PSA lines
            if c["side"] == "vendor" or fate == "unbilled":
                continue
            pq = vq
            if fate == "under":
                pq = max(1, vq - rng.randint(1, max(1, vq // 4))) if vq > 1 else None
            elif fate == "over":
                pq = vq + rng.randint(1, 4)
            if pq is None:
                pq = vq
            p = book[k]
            if k in FREE:
                p = F(0)
            elif fate == "below" or (fate in ("under", "over") and rng.random() < 0.12):
                p = max(F(1, 2), _money(cost * F(rng.choice([80, 85, 90, 95]), 100)))
            elif rng.random() < 0.12:
                p = _money(book[k] * F(rng.choice([105, 110, 95]), 100))
                if p < cost:
                    p = book[k]
            cls = ["lookalike_edition_pair_held"] if k in lookalike else []
            if k in FREE:
                cls.append("trial_at_zero_both_sides")
            yearly = k not in FREE and rng.random() < 0.05
            if yearly:
                cls.append("billed_yearly_in_advance_psa")
            plines.append(PLine(cid, k, F(pq), p, yearly=yearly, classes=cls))
        if c["side"] != "vendor":
            # PSA-only products (no vendor record) and ended lines
            if c["side"] == "both" and rng.random() < 0.06:
                k = _pick(rng, THIRD_W + ADDONS)
                if k not in c["basket"] and k not in FREE:
                    plines.append(PLine(cid, k, F(max(1, _seats(rng) // 2)), book[k]))
            if rng.random() < 0.05:
                k = _pick(rng, THIRD_W)
                if k not in c["basket"]:
                    plines.append(
                        PLine(
                            cid,
                            k,
                            F(rng.randint(1, 10)),
                            book[k],
                            role="not_billed",
                            classes=["ended_line_still_listed"],
                        )
                    )
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                txt, scls, qr, price = rng.choice(desc.SERVICES)
                q = rng.randint(*qr)
                plines.append(
                    PLine(
                        cid,
                        None,
                        F(q),
                        F(price.replace(",", "")),
                        text=txt,
                        role="service",
                        classes=[scls] if scls else [],
                    )
                )
    if not any(c["side"] == "psa" for c in cl):
        pass
    # ---------------- names and texts (may depend on country and perturb, never the numbers above)
    nrng = random.Random(f"AH|names|{seed}|{clients}|{country}")
    canon = names.make_clients(nrng, clients, country, n_pairs)
    order = list(range(2 * n_pairs, clients))
    prng = random.Random(f"AH|psa-text|{seed}|{clients}|{country}")
    used = set()
    for i, c in enumerate(cl):
        c.update(canon[i])
        c["group"] = canon[i]["group"]
        c["cclasses"] = []
        pn, cc = names.psa_name(prng, c, country, perturb)
        if pn.lower() in used or any(
            pn.lower() == o["canonical"].lower() for o in canon if o is not canon[i]
        ):
            pn, cc = c["canonical"], [x for x in cc if x == names.SIBLING]
        used.add(pn.lower())
        c["psa_name"], c["cclasses"] = pn, cc
        c["vendor_name"] = c["canonical"]
    del order
    cities = names.CITIES[country]
    keys_of = {}
    for v in vlines:
        keys_of.setdefault(v.cid, set()).add(v.product)
    for p in plines:
        if p.product:
            keys_of.setdefault(p.cid, set()).add(p.product)
    for p in plines:
        if p.role == "service":
            p.text = p.text.replace("{city}", prng.choice(cities))
            continue
        fam = BY_KEY[p.product].family
        kw = FAMILY_KEYWORD.get(fam)
        sole = bool(kw) and sum(1 for k in keys_of[p.cid] if kw in BY_KEY[k].name) == 1
        if p.role == "not_billed":
            p.text = BY_KEY[p.product].name
            continue
        t, dcls = desc.perturb(prng, p.product, int(p.qty), sole, perturb)
        p.text = t
        p.classes = dcls + p.classes
    return Case(cl, vlines, plines, currency, country)


def half_up(x):
    return F(math.floor(x * 100 + F(1, 2)), 100)


def fmt(x):
    x = half_up(x)
    cents = x.numerator * 100 // x.denominator
    return f"{cents // 100}.{cents % 100:02d}"


def compute_findings(case, vq_rows=None):
    """Findings per README's rules. vq_rows: optional {('v'|'p', row): (qty, monthly unit)} read back from files."""
    byid = {c["id"]: c for c in case.clients}
    V, P = {}, {}
    for v in case.vlines:
        if v.role in ("licence", "credit"):
            q, u = (v.qty, v.unit) if vq_rows is None else vq_rows[("v", v.row)]
            V.setdefault((v.cid, v.product), []).append((q, u, v.row))
    for p in case.plines:
        if p.role == "licence":
            q, u = (p.qty, p.unit) if vq_rows is None else vq_rows[("p", p.row)]
            P.setdefault((p.cid, p.product), []).append((q, u, p.row))

    def agg(lines):
        q = sum((x[0] for x in lines), F(0))
        return q, (sum((x[0] * x[1] for x in lines), F(0)) / q if q else F(0))

    prices = {}
    for (_cid, k), ls in P.items():
        q, p = agg(ls)
        if q > 0 and p > 0:
            prices.setdefault(k, []).append(p)
    out = []
    for key in sorted(set(V) | set(P), key=lambda k: (byid[k[0]]["canonical"], BY_KEY[k[1]].name)):
        cid, k = key
        vq, c = agg(V.get(key, []))
        pq, p = agg(P.get(key, []))
        vr = sorted(x[2] for x in V.get(key, []))
        pr = sorted(x[2] for x in P.get(key, []))
        f = []
        if vq > 0 and pq == 0:
            f.append(("unbilled", vq * (statistics.median(prices[k]) if k in prices else c)))
        if vq > pq > 0:
            f.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            f.append(("over_billed", (pq - vq) * p))
        if pq > 0 and vq == 0 and p > 0:
            f.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            f.append(("below_cost", (c - p) * min(vq, pq)))
        for t, imp in f:
            if half_up(imp) <= 0:
                continue
            out.append(
                {
                    "type": t,
                    "client": byid[cid]["canonical"],
                    "product": BY_KEY[k].name,
                    "vendor_rows": vr,
                    "psa_rows": pr,
                    "monthly_impact": fmt(imp),
                }
            )
    return out
