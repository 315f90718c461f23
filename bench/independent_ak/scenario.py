"""Numbers of a set-AK case (depend only on seed + clients) and the five findings per README's rules."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .catalog import BY_KEY, FAMILY, PRODUCTS, SERVICES
from .desc import DEPTS, holder_name, spelling, staff_text
from .names import assign_psa_names, make_clients


@dataclass
class VLine:
    cid: int
    product: str
    qty: int
    cost: Fraction  # monthly unit cost
    yearly: bool = False
    role: str = "licence"
    sub: str = ""
    row: int = 0
    classes: list = field(default_factory=list)


@dataclass
class PLine:
    cid: int
    product: str | None
    qty: int
    price: Fraction  # monthly unit price
    yearly: bool = False
    role: str = "licence"
    text: str = ""
    row: int = 0
    classes: list = field(default_factory=list)


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    region: str
    lang: str


MARKUP = {p.key: Fraction(120 + (sum(map(ord, p.key)) * 7) % 31, 100) for p in PRODUCTS}
CORE = [
    ["bb"],
    ["bs"],
    ["bp"],
    ["bp"],
    ["bpnt"],
    ["e3"],
    ["e5"],
    ["o365e3"],
    ["o365e1"],
    ["f3", "f1"],
    ["exo1"],
    ["bp", "bb"],
    ["e3", "e5"],
    ["bs", "bb"],
]
ADDONS = [
    k
    for k in BY_KEY
    if k not in ("bb", "bs", "bp", "bpnt", "e3", "e5", "o365e3", "o365e1", "f3", "f1")
]
PAIRS = [
    ("exo1", "exo2"),
    ("s1core", "s1ctrl"),
    ("pbipro", "pbippu"),
    ("visio1", "visio2"),
    ("tphone", "tphonecp"),
    ("keeper_biz", "keeper_ent"),
    ("mdep1", "mdb"),
    ("entra1", "entra2"),
    ("mc_gw", "mc_int"),
    ("gz_bs", "gz_prem"),
    ("e5sec", "e5comp"),
    ("copilot", "cstudio"),
    ("kb4_silver", "kb4_gold"),
    ("dial_std", "dial_pro"),
    ("mdo1", "mdo2"),
    ("ds_std", "ds_bp"),
]
TWO_MAKERS = [
    ("acr_gb", "datto_saas"),
    ("veeam365", "datto_saas"),
    ("acr_wl", "veeam365"),
    ("keeper_biz", "onepw"),
    ("mc_gw", "pp_adv"),
    ("s1core", "hedr"),
]


def cents(n):
    return Fraction(n, 100)


def _seats(rng, p, users):
    if p.unit == "tenant":
        return 1
    if p.unit == "GB":
        return 50 * rng.randint(2, 80)
    if p.unit == "device":
        return max(1, int(users * rng.uniform(0.8, 1.5)))
    return max(1, int(users * rng.uniform(0.4, 1.0)))


def build_case(seed, clients, region, lang, currency, perturb, vcaps, pcaps, psa_format):
    nrng = random.Random(f"AK-num|{seed}|{clients}")
    clist = make_clients(random.Random(f"AK-names|{seed}|{clients}"), clients, region)
    prng = random.Random(f"AK-pert|{seed}|{clients}|{psa_format}")
    assign_psa_names(clist, prng, perturb)
    vlines, plines = [], []
    keys = []  # (cid, product, kind)
    for c in clist:
        r = nrng.random()
        c["side"] = "vendor" if r < 0.035 else "psa" if r < 0.065 else "both"
        users = int(3 * (1.12 ** nrng.randint(0, 30)))
        c["users"] = min(users, 90)
        basket = list(nrng.choice(CORE))
        if nrng.random() < 0.3:
            basket += list(nrng.choice(PAIRS))
        if nrng.random() < 0.14:
            basket += list(nrng.choice(TWO_MAKERS))
        for k in nrng.sample(ADDONS, nrng.randint(2, 8)):
            basket.append(k)
        seen = []
        for k in basket:
            if k not in seen:
                seen.append(k)
        c["basket"] = seen
        for k in seen:
            if c["side"] == "vendor":
                keys.append((c, k, "vendor_only"))
            elif c["side"] == "psa":
                keys.append((c, k, "psa_only"))
            else:
                r = nrng.random()
                kind = (
                    "match"
                    if r < 0.70
                    else "under"
                    if r < 0.76
                    else "over"
                    if r < 0.82
                    else "unbilled"
                    if r < 0.87
                    else "below"
                    if r < 0.93
                    else "match"
                )
                keys.append((c, k, kind))
        if c["side"] == "both" and nrng.random() < 0.30:
            extra = nrng.choice([k for k in ADDONS if k not in seen])
            keys.append((c, extra, "nvr"))
        c["services"] = (
            [] if c["side"] == "vendor" else nrng.sample(range(len(SERVICES)), nrng.randint(0, 2))
        )
    # numbers per key
    for c, k, kind in keys:
        p = BY_KEY[k]
        cost = cents(p.cost)
        vq = _seats(nrng, p, c["users"])
        step = 50 if p.unit == "GB" else 1
        price = cents(int(p.cost * MARKUP[k] + Fraction(1, 2)))
        if nrng.random() < 0.25:
            price = cents(int(price * 100 * Fraction(nrng.choice([90, 95, 105, 110, 115]), 100)))
        cost2 = cost if nrng.random() < 0.6 else cents(int(p.cost * Fraction(11, 10)))
        price = max(price, max(cost, cost2) + cents(1 if p.unit == "GB" else 10))
        pq = vq
        if kind == "under":
            if vq >= 2 * step:
                pq = vq - step * nrng.randint(1, max(1, vq // step // 4))
        elif kind == "over":
            pq = vq + step * nrng.randint(1, 3)
        elif kind == "below":
            price = cents(int(p.cost * Fraction(nrng.choice([80, 85, 90, 95]), 100)))
            cost2 = cost
        if kind == "nvr" and nrng.random() < 0.08:
            price = Fraction(0)
        # vendor lines
        if kind not in ("psa_only", "nvr"):
            r = nrng.random()
            sub = f"{nrng.getrandbits(32):08x}"
            if r < 0.16 and vq >= 2 * step:
                q1 = step * nrng.randint(1, vq // step - 1)
                vlines.append(VLine(c["id"], k, q1, cost, sub=sub))
                v2 = VLine(
                    c["id"],
                    k,
                    vq - q1,
                    cost2,
                    sub=f"{nrng.getrandbits(32):08x}",
                    classes=["vendor_extra_sub_same_sku"],
                )
                v2.yearly = (nrng.random() < 0.5) and "yearly" in vcaps
                vlines.append(v2)
            elif r < 0.23 and p.unit != "tenant":
                vlines.append(VLine(c["id"], k, vq + step, cost, sub=sub))
                vlines.append(
                    VLine(
                        c["id"],
                        k,
                        -step,
                        cost,
                        role="credit",
                        sub=sub,
                        classes=["vendor_credit_minus_or_brackets"],
                    )
                )
            else:
                v = VLine(c["id"], k, vq, cost, sub=sub)
                v.yearly = (nrng.random() < 0.1) and "yearly" in vcaps
                vlines.append(v)
        # psa lines
        if kind not in ("vendor_only", "unbilled"):
            r = nrng.random()
            if r < 0.08 and pq >= 2 * step:
                q1 = step * nrng.randint(1, pq // step - 1)
                plines.append(PLine(c["id"], k, q1, price))
                plines.append(PLine(c["id"], k, pq - q1, price, classes=["psa_topup_split_line"]))
            elif r < 0.14 and 2 <= pq <= 5 and p.unit == "user":
                for _ in range(pq):
                    plines.append(PLine(c["id"], k, 1, price, classes=["seat_holder_name_on_line"]))
            else:
                pl = PLine(c["id"], k, pq, price)
                pl.yearly = (nrng.random() < 0.1) and "yearly" in pcaps
                if pl.yearly:
                    pl.classes.append("psa_annual_line_twelve_months")
                plines.append(pl)
            if (nrng.random() < 0.04) and "status" in pcaps:
                plines.append(
                    PLine(
                        c["id"],
                        k,
                        pq + step,
                        price,
                        role="not_billed",
                        classes=["psa_cancelled_line_kept"],
                    )
                )
    for c in clist:
        for si in c["services"]:
            name, pr, unit = SERVICES[si]
            q = 1 if unit == "tenant" else max(1, c["users"] // (1 if unit == "user" else 3))
            plines.append(
                PLine(
                    c["id"],
                    None,
                    q,
                    cents(pr),
                    role="service",
                    text=name,
                    classes=["psa_service_line"],
                )
            )
    for v in vlines:
        if v.yearly:
            v.classes.append("vendor_annual_unit_twelve_months")
    _texts(clist, plines, perturb, prng, region, lang)
    for c in clist:
        if c["side"] == "vendor":
            c["cclasses"].append("customer_only_on_bill")
        elif c["side"] == "psa":
            c["cclasses"].append("customer_only_in_psa")
    return Case(clist, vlines, plines, currency, region, lang)


def fmt_money_plain(x):
    return f"{Decimal(x.numerator) / Decimal(x.denominator):.2f}"


def _texts(clist, plines, perturb, rng, region, lang):
    byid = {c["id"]: c for c in clist}
    held = {}
    for pl in plines:
        if pl.product and pl.role != "not_billed":
            held.setdefault(pl.cid, set()).add(pl.product)
    for c in clist:
        c["staff"] = rng.randrange(6)
        c["dept"] = rng.choice(DEPTS)
    for c in clist:
        fams = {}
        for k in c["basket"]:
            fams.setdefault(BY_KEY[k].family, []).append(k)
        c["twins"] = {k for ks in fams.values() if len(ks) > 1 for k in ks}
        jobs = {}
        for k in c["basket"]:
            jobs.setdefault(BY_KEY[k].job, set()).add(BY_KEY[k].maker)
        c["twojob"] = {
            k for k in c["basket"] if BY_KEY[k].job == "backup" and len(jobs["backup"]) > 1
        }
    for pl in plines:
        c = byid[pl.cid]
        if pl.product is None:
            continue
        p = BY_KEY[pl.product]
        if pl.product in c["twins"]:
            pl.classes.append("twin_tier_held_together")
        if pl.product in c["twojob"]:
            pl.classes.append("two_makers_same_job")
        if not perturb:
            pl.text = p.name
            continue
        fam_here = [k for k in FAMILY[p.family] if k in held.get(pl.cid, ()) or k in c["basket"]]
        blur_ok = len(fam_here) == 1 and p.blurred not in {
            BY_KEY[k].blurred for k in c["basket"] if k != p.key
        }
        text, cls = staff_text(p, c["staff"], lang, c["dept"], blur_ok and rng.random() < 0.5, rng)
        if rng.random() < 0.35 and pl.role != "not_billed":
            pr = fmt_money_plain(pl.price)
            got = spelling(p, text, region, rng, pl.qty, pr)
            if got and not (
                got[1] in ("name_from_renames_ago", "nickname_from_trade_press") and c["twins"]
            ):
                text = got[0]
                cls.append(got[1])
        if "seat_holder_name_on_line" in pl.classes:
            text = f"{text} - {holder_name(rng)}"
        pl.text = text
        pl.classes = cls + pl.classes


def half_up(x):
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def findings_from(vrows, prows):
    """vrows: (row, client, product, qty, monthly cost); prows: (row, client, product, qty, monthly price).

    Only lines that take part (roles licence/credit on the vendor side, licence on the PSA side)."""
    V, P = {}, {}
    for row, cl, pr, q, c in vrows:
        d = V.setdefault((cl, pr), [[], 0, Fraction(0)])
        d[0].append(row)
        d[1] += q
        d[2] += q * c
    for row, cl, pr, q, p in prows:
        d = P.setdefault((cl, pr), [[], 0, Fraction(0)])
        d[0].append(row)
        d[1] += q
        d[2] += q * p
    med = {}
    for (_cl, pr), (_r, q, amt) in P.items():
        if q > 0 and amt > 0:
            med.setdefault(pr, []).append(amt / q)
    out = []
    for key in sorted(set(V) | set(P)):
        cl, pr = key
        v, p = V.get(key), P.get(key)
        vq = v[1] if v else 0
        pq = p[1] if p else 0
        c = v[2] / vq if v and vq else Fraction(0)
        pp = p[2] / pq if p and pq else Fraction(0)
        vr = sorted(v[0]) if v else []
        pr_rows = sorted(p[0]) if p else []

        def add(t, amt, cl=cl, pr=pr, vr=vr, pr_rows=pr_rows):
            out.append(
                {
                    "type": t,
                    "client": cl,
                    "product": pr,
                    "vendor_rows": vr,
                    "psa_rows": pr_rows,
                    "monthly_impact": half_up(amt),
                }
            )

        if vq > 0 and not p:
            m = statistics.median(med[pr]) if pr in med else c
            add("unbilled", vq * m)
            continue
        if pq > 0 and not v:
            if pp > 0:
                add("no_vendor_record", pq * pp)
            continue
        if vq > pq > 0:
            add("under_billed", (vq - pq) * pp)
        if pq > vq > 0:
            add("over_billed", (pq - vq) * pp)
        if vq > 0 and pq > 0 and pp < c:
            add("below_cost", (c - pp) * min(vq, pq))
    return out


def compute_findings(case):
    byid = {c["id"]: c for c in case.clients}
    vr = [
        (v.row, byid[v.cid]["canonical"], BY_KEY[v.product].name, v.qty, v.cost)
        for v in case.vlines
        if v.role in ("licence", "credit")
    ]
    pr = [
        (p.row, byid[p.cid]["canonical"], BY_KEY[p.product].name, p.qty, p.price)
        for p in case.plines
        if p.role == "licence"
    ]
    return findings_from(vr, pr)
