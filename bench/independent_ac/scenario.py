"""Case building and the rules (README "The rules") for set AC."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .catalog import BY_KEY, PRODUCTS, SERVICES
from .desc import describe
from .names import make_clients, psa_names, vendor_name


@dataclass
class VLine:
    cid: int
    product: str
    qty: int
    unit: Decimal  # as shown: yearly lines show 12 months
    yearly: bool = False
    role: str = "licence"
    sub: str = ""
    row: int = 0
    name: str = ""  # product text as the vendor writes it

    @property
    def monthly(self):
        return Fraction(self.unit) / 12 if self.yearly else Fraction(self.unit)


@dataclass
class PLine:
    cid: int
    product: str | None
    text: str
    qty: int
    unit: Decimal
    yearly: bool = False
    role: str = "licence"
    classes: list = field(default_factory=list)
    row: int = 0

    @property
    def monthly(self):
        return Fraction(self.unit) / 12 if self.yearly else Fraction(self.unit)


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    perturb: bool


def _half_up(x: Fraction) -> str:
    # exact: scale to cents, round half up once
    n = x * 100
    q, r = divmod(n.numerator, n.denominator)
    if 2 * r >= n.denominator:
        q += 1
    s = "-" if q < 0 else ""
    q = abs(q)
    return f"{s}{q // 100}.{q % 100:02d}"


def _price(rng, cost: Decimal) -> Decimal:
    m = rng.choice(
        [Decimal("1.15"), Decimal("1.2"), Decimal("1.25"), Decimal("1.3"), Decimal("1.4")]
    )
    p = (cost * m).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if rng.random() < 0.3:
        p = p.to_integral_value() - Decimal("0.05") if p > 2 else p
    return p


def build_case(seed, clients, perturb, psa_format, vendor_format, currency):
    rng = random.Random(f"AC|{seed}|{clients}")
    cl = make_clients(random.Random(rng.random()), clients)
    for c in cl:
        c["vendor_name"] = vendor_name(c, random.Random(f"AC-v|{seed}|{clients}|{c['id']}"))
        c["gclasses"] = []
        if c["group"] is not None:
            c["gclasses"].append(
                "acquisition_pair_member"
                if any(x.get("acquired_by") and x["group"] == c["group"] for x in cl)
                else "sibling_trap_member"
            )
    # who is on which side
    idx = list(range(len(cl)))
    rng.shuffle(idx)
    nv = max(2, round(clients * 0.03))
    vendor_only = set(i for i in idx[:nv] if cl[i]["group"] is None)
    psa_only = set(i for i in idx[nv : 2 * nv] if cl[i]["group"] is None)
    ms = [p for p in PRODUCTS if p.maker == "Microsoft"]
    third = [p for p in PRODUCTS if p.maker != "Microsoft"]
    base_price = {p.key: _price(random.Random(f"AC-p|{seed}|{p.key}"), p.cost) for p in PRODUCTS}
    vlines, plines = [], []
    for c in cl:
        cid = c["id"]
        users = rng.choice([2, 3, 5, 8, 12, 15, 20, 25, 30, 45, 60, 90, 140])
        keys = []
        base = rng.choices(
            ["bb", "bs", "bp", "m365e3", "o365e3", "bpnt", "f3"], [3, 4, 7, 2, 2, 1, 1]
        )[0]
        keys.append(base)
        k = rng.choice([3, 4, 5, 5, 6, 6, 7, 8])
        pool = ms + third
        for p in rng.choices(pool, weights=[p.weight for p in pool], k=k * 2):
            if p.key not in keys and len(keys) < k + 1:
                if p.group == "m365biz" and rng.random() < 0.7:
                    continue
                keys.append(p.key)
        if rng.random() < 0.22:  # look-alike pair in one client
            fam = rng.choice(
                [
                    "acr",
                    "s1",
                    "hunt",
                    "mime",
                    "kb4",
                    "adobe",
                    "def",
                    "exo",
                    "w365",
                    "visio",
                    "entra",
                ]
            )
            for p in [p for p in PRODUCTS if p.group == fam][:2]:
                if p.key not in keys:
                    keys.append(p.key)
            if "bp" in keys and "e5sec" not in keys and rng.random() < 0.5:
                keys.append("e5sec")
        cprice = {}
        for key in keys:
            p = BY_KEY[key]
            q = max(1, min(users, int(users * rng.choice([1, 1, 1, 0.8, 0.5, 0.3, 0.1]))))
            if key in ("w365a", "w365b", "adobe_cc", "proj3", "visio2"):
                q = max(1, min(q, rng.randint(1, 6)))
            price = base_price[key] if rng.random() < 0.75 else _price(rng, p.cost)
            cprice[key] = price
            # scenario of this key
            r = rng.random()
            scen = (
                "exact"
                if r < 0.745
                else "under"
                if r < 0.815
                else "over"
                if r < 0.865
                else "unbilled"
                if r < 0.915
                else "below"
                if r < 0.955
                else "nvr"
            )
            if cid in vendor_only:
                scen = "unbilled"
            if cid in psa_only:
                scen = "nvr"
            # vendor lines
            vq = q
            if scen != "nvr":
                subs = [q]
                if q >= 4 and rng.random() < 0.2:
                    a = rng.randint(1, q - 1)
                    subs = [q - a, a]
                for si, sq in enumerate(subs):
                    cost = (
                        p.cost
                        if si == 0 or rng.random() < 0.6
                        else (p.cost * Decimal("1.2")).quantize(Decimal("0.01"))
                    )
                    yearly = rng.random() < 0.15
                    unit = cost * 12 if yearly else cost
                    sub = f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}"
                    vlines.append(VLine(cid, key, sq, unit, yearly, "licence", sub))
                    if rng.random() < 0.07 and sq > 1:
                        vlines.append(VLine(cid, key, -1, unit, yearly, "credit", sub))
                        vq -= 1
            if scen == "unbilled":
                continue
            pq = vq
            if scen == "under":
                pq = max(1, vq - rng.choice([1, 1, 2, 3, 5]))
                if pq == vq:
                    pq = vq + 1
            elif scen == "over":
                pq = vq + rng.choice([1, 1, 2, 4])
            if scen == "below":
                cost_m = p.cost
                price = (
                    cost_m * rng.choice([Decimal("0.8"), Decimal("0.9"), Decimal("0.95")])
                ).quantize(Decimal("0.01"))
            if pq <= 0:
                continue
            parts = [pq]
            if pq >= 3 and rng.random() < 0.1:
                a = rng.randint(1, pq - 1)
                parts = [pq - a, a]
            for part in parts:
                yearly = rng.random() < 0.1
                cls = ["split_across_two_lines"] if len(parts) > 1 else []
                if yearly:
                    cls.append("twelve_month_invoice_line")
                plines.append(
                    PLine(
                        cid, key, "", part, price * 12 if yearly else price, yearly, "licence", cls
                    )
                )
            if rng.random() < 0.05:
                plines.append(
                    PLine(
                        cid,
                        key,
                        "",
                        rng.randint(1, 5),
                        price,
                        False,
                        "not_billed",
                        ["stopped_line_kept"],
                    )
                )
        # PSA-only products of a both-sides client come from the 'nvr' scenario above (no vendor lines)
        if cid not in vendor_only:
            for s, pr in rng.sample(SERVICES, rng.choice([1, 1, 2])):
                qty = users if "per user" in s else (rng.randint(1, 12) if "device" in s else 1)
                plines.append(PLine(cid, None, s, qty, Decimal(pr), False, "service", []))
            if rng.random() < 0.08:
                t = rng.choice(
                    [
                        "Microsoft 365 migration & setup (labour)",
                        "Business Premium onboarding - project hours",
                        "Acronis backup setup fee",
                    ]
                )
                plines.append(
                    PLine(
                        cid,
                        None,
                        t,
                        1,
                        Decimal("450.00"),
                        False,
                        "service",
                        ["licence_named_labour_line"],
                    )
                )
        c["_prices"] = cprice
    for c in cl:
        if c["id"] in vendor_only:
            c["gclasses"].append("vendor_side_only_client")
        if c["id"] in psa_only:
            c["gclasses"].append("psa_side_only_client")
    # names: perturbation depends on seed + PSA format only
    prng = random.Random(f"AC-names|{seed}|{psa_format}|{clients}")
    psa_names(cl, prng)
    if not perturb:
        for c in cl:
            c["psa_name"], c["cclasses"] = c["canonical"], []
    drng = random.Random(f"AC-desc|{seed}|{psa_format}|{clients}")
    byid = {c["id"]: c for c in cl}
    for pl in plines:
        if pl.product:
            text, cls = describe(BY_KEY[pl.product], byid[pl.cid], drng, perturb)
            pl.text = text
            pl.classes = cls + pl.classes
    return Case(cl, vlines, plines, currency, perturb)


def findings_from(vrows, prows):
    """vrows / prows: (client, product, qty, monthly Fraction, row) of billable licence lines.
    Returns the findings per README's rules (without classes)."""
    V, P = {}, {}
    for cli, pr, q, m, row in vrows:
        d = V.setdefault((cli, pr), [0, Fraction(0), []])
        d[0] += q
        d[1] += q * m
        d[2].append(row)
    for cli, pr, q, m, row in prows:
        d = P.setdefault((cli, pr), [0, Fraction(0), []])
        d[0] += q
        d[1] += q * m
        d[2].append(row)
    billed = {}
    for (_cl, pr), (q, amt, _r) in P.items():
        if q > 0:
            billed.setdefault(pr, []).append(amt / q)
    out = []

    def add(t, key, imp, vr, pr_):
        if imp > 0:
            out.append(
                {
                    "type": t,
                    "client": key[0],
                    "product": key[1],
                    "vendor_rows": sorted(vr),
                    "psa_rows": sorted(pr_),
                    "monthly_impact": _half_up(imp),
                }
            )

    for key in sorted(set(V) | set(P)):
        vq, vamt, vr = V.get(key, [0, Fraction(0), []])
        pq, pamt, pr_ = P.get(key, [0, Fraction(0), []])
        c = vamt / vq if vq > 0 else None
        p = pamt / pq if pq > 0 else None
        if vq > 0 and pq <= 0:
            med = statistics.median(billed[key[1]]) if key[1] in billed else c
            add("unbilled", key, vq * Fraction(med), vr, pr_)
        elif vq > pq > 0:
            add("under_billed", key, (vq - pq) * p, vr, pr_)
        elif pq > vq > 0:
            add("over_billed", key, (pq - vq) * p, vr, pr_)
        if pq > 0 and vq <= 0 and not vr:
            add("no_vendor_record", key, pq * p, vr, pr_)
        if vq > 0 and pq > 0 and p < c:
            add("below_cost", key, (c - p) * min(vq, pq), vr, pr_)
    return out


def compute_findings(case):
    byid = {c["id"]: c for c in case.clients}
    vr = [
        (byid[v.cid]["canonical"], BY_KEY[v.product].name, v.qty, v.monthly, v.row)
        for v in case.vlines
        if v.role in ("licence", "credit")
    ]
    pr = [
        (byid[p.cid]["canonical"], BY_KEY[p.product].name, p.qty, p.monthly, p.row)
        for p in case.plines
        if p.role == "licence"
    ]
    return findings_from(vr, pr)
