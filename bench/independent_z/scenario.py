"""Case building (clients, baskets, seats, prices, lines) and the truth's findings."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from fractions import Fraction as F

from . import names, perturb
from .catalog import BASKETS, BY_KEY, PRODUCTS

FX = {
    "USD": D("1"),
    "GBP": D("0.80"),
    "EUR": D("0.94"),
    "AUD": D("1.55"),
    "CAD": D("1.38"),
    "SEK": D("10.60"),
}
TWO = D("0.01")


@dataclass
class VLine:
    cid: int
    product: str | None
    qty: int
    unit: D  # per billing period
    billing: str = "Monthly"  # or "Annual"
    term: str = "P1Y"  # P1Y / P1M
    role: str = "licence"
    text: str = ""  # services only
    sub: str = ""
    row: int = 0
    list_unit: D = D(0)

    @property
    def monthly(self):
        return F(self.unit) / (12 if self.billing == "Annual" else 1)


@dataclass
class PLine:
    cid: int
    product: str | None
    qty: int  # billed quantity
    unit: D  # list unit per period, as shown
    period: str = "month"  # month / quarter / year
    disc: D = D(0)  # percent
    included: int = 0
    role: str = "licence"
    text: str = ""
    classes: list = field(default_factory=list)
    cclasses: list = field(default_factory=list)
    row: int = 0
    client_text: str = ""
    state: str = ""  # "cancelled" / "ended" / "paused" for not-billed lines

    @property
    def monthly(self):
        per = {"month": 1, "quarter": 3, "year": 12}[self.period]
        return F(self.unit) * (1 - F(self.disc) / 100) / per


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    vendor_format: str
    psa_format: str
    perturb: bool


def r2(x):
    return D(x).quantize(TWO, ROUND_HALF_UP)


def build_case(seed, vendor_format, psa_format, clients, vcaps, pcaps, currency, perturb_on):
    rng = random.Random(f"Z|{seed}|{clients}|{currency}")
    fx = FX[currency]
    cl = names.make_clients(rng, clients)
    n = len(cl)
    sides = {}
    for c in cl:
        r = rng.random()
        sides[c["id"]] = "vendor" if r < 0.03 else "psa" if r < 0.06 else "both"
    vlines, plines = [], []
    price_shift = {p.key: rng.uniform(1.12, 1.45) for p in PRODUCTS}
    sub_no = 7000
    for c in cl:
        cid = c["id"]
        size = rng.choice([3, 5, 8, 12, 18, 25, 40, 60])
        basket = rng.choices([b for b, _ in BASKETS], [w for _, w in BASKETS])[0]
        k = rng.randint(min(3, len(basket)), min(8, len(basket)))
        prods = rng.sample(basket, k)
        # look-alike partner now and then (same client buys both editions)
        if rng.random() < 0.15:
            fam = BY_KEY[prods[0]].family
            mates = [p.key for p in PRODUCTS if p.family == fam and p.key not in prods]
            if mates:
                prods.append(rng.choice(mates))
        side = sides[cid]
        for pk in prods:
            p = BY_KEY[pk]
            seats = max(1, int(size * rng.uniform(0.3, 1.1)))
            if pk in ("ACRS", "S1CT") and rng.random() < 0.6:
                seats = rng.randint(1, 3)
            c0 = r2(p.cost * fx)
            vq = 0
            vls = []
            if side in ("both", "vendor"):
                nsub = 1 if rng.random() < 0.33 or seats < 3 else (2 if rng.random() < 0.7 else 3)
                split = _split(rng, seats, nsub)
                for q in split:
                    sub_no += 1
                    t = rng.random()
                    if t < 0.18 and p.monthly_term:
                        vl = VLine(cid, pk, q, r2(c0 * D("1.2")), "Monthly", "P1M")
                    elif t < 0.33:
                        vl = VLine(cid, pk, q, c0 * 12, "Annual", "P1Y")
                    else:
                        vl = VLine(cid, pk, q, c0, "Monthly", "P1Y")
                    vl.sub = f"{sub_no:05d}"
                    vl.list_unit = r2(vl.unit * D(str(rng.choice([1.0, 1.0, 1.03, 1.05]))))
                    vls.append(vl)
                if seats >= 3 and rng.random() < 0.08:
                    base = rng.choice(vls)
                    cr = VLine(
                        cid,
                        pk,
                        -1 if base.qty < 4 else -rng.randint(1, 2),
                        base.unit,
                        base.billing,
                        base.term,
                        role="credit",
                        sub=base.sub,
                        list_unit=base.list_unit,
                    )
                    if base.qty + cr.qty >= 1:
                        vls.append(cr)
                vq = sum(v.qty for v in vls)
                vlines.extend(vls)
            if side == "vendor" or (vq == 0 and side == "both"):
                continue
            if side == "psa":
                vq_t, c = seats, F(c0)
            else:
                vq_t = vq
                c = sum(F(v.qty) * v.monthly for v in vls) / vq
            r = rng.random()
            scen = (
                "ok"
                if r < 0.70
                else "unbilled"
                if r < 0.76
                else "under"
                if r < 0.82
                else "over"
                if r < 0.87
                else "below"
                if r < 0.92
                else "under_below"
                if r < 0.94
                else "over_below"
                if r < 0.95
                else "ok"
            )
            if side == "psa":
                scen = "ok"
            if scen == "unbilled":
                continue
            pq = vq_t
            if scen in ("under", "under_below"):
                if vq_t < 2:
                    scen = "over" if scen == "under" else "over_below"
                else:
                    pq = vq_t - rng.randint(1, max(1, min(4, vq_t - 1)))
            if scen in ("over", "over_below"):
                pq = vq_t + rng.randint(1, 3)
            below = scen in ("below", "under_below", "over_below")
            target = c * F(
                rng.uniform(0.78, 0.95) if below else price_shift[pk] * rng.uniform(0.97, 1.06)
            )
            plines.extend(_psa_lines(rng, cid, pk, pq, target, c, below, pcaps))
        # no vendor record: a product the vendor does not bill this client for
        if side == "both" and rng.random() < 0.15:
            others = [p for p in PRODUCTS if p.key not in prods]
            p = rng.choice(others)
            c0 = F(r2(p.cost * fx))
            plines.extend(
                _psa_lines(
                    rng,
                    cid,
                    p.key,
                    rng.randint(1, 12),
                    c0 * F(price_shift[p.key]),
                    c0,
                    False,
                    pcaps,
                )
            )
        if side != "vendor" and rng.random() < 0.7:
            for _ in range(rng.randint(1, 3)):
                txt, unit = rng.choice(SERVICES)
                plines.append(
                    PLine(
                        cid,
                        None,
                        rng.randint(1, max(1, size)) if "per" in txt else 1,
                        r2(unit * fx),
                        role="service",
                        text=txt,
                    )
                )
    # vendor-side services (fees), a few
    vsvc = vcaps.get("service")
    if vsvc:
        for c in rng.sample(cl, max(2, n // 25)):
            if sides[c["id"]] != "psa":
                vlines.append(
                    VLine(c["id"], None, 1, r2(D(vsvc[1]) * fx), role="service", text=vsvc[0])
                )
    # not-billed PSA lines (cancelled / ended / paused) where the format shows a state
    st = pcaps.get("state")
    if st:
        for pl in rng.sample([p for p in plines if p.role == "licence"], max(2, n // 30)):
            plines.append(
                PLine(
                    pl.cid,
                    pl.product,
                    rng.randint(1, 5),
                    pl.unit,
                    pl.period,
                    pl.disc,
                    role="not_billed",
                    state=st,
                )
            )
    case = Case(cl, vlines, plines, "", vendor_format, psa_format, perturb_on)
    _texts(case, rng, vcaps, pcaps, perturb_on)
    return case


SERVICES = [
    ("Managed Services - per user", D("95.00")),
    ("Managed Services - per device", D("45.00")),
    ("Remote support block (10 hrs)", D("1150.00")),
    ("Onsite support - hours", D("135.00")),
    ("Backup monitoring per device", D("6.00")),
    ("Hardware: Dell Latitude 5450", D("1289.00")),
    ("Project labour - Intune rollout", D("1440.00")),
    ("M365 tenant migration labour (hours)", D("150.00")),
    ("Firewall management - per site", D("85.00")),
]


def _split(rng, seats, n):
    if n == 1 or seats < n:
        return [seats]
    cuts = sorted(rng.sample(range(1, seats), n - 1))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, seats], strict=True)]
    return parts


def _psa_lines(rng, cid, pk, pq, target, c, below, pcaps):
    """PSA lines billing pq seats at a monthly price near target (exactly < c when below)."""
    period = "month"
    r = rng.random()
    if pcaps.get("year") and r < 0.10:
        period = "year"
    elif pcaps.get("quarter") and r < 0.22:
        period = "quarter"
    per = {"month": 1, "quarter": 3, "year": 12}[period]
    disc = D(0)
    unit = r2(D(target.numerator) / D(target.denominator)) * per
    if pcaps.get("disc") and rng.random() < 0.25:
        disc = D(rng.choice(["5", "10", "12.5", "15", "20"]))
        unit = r2(D(target.numerator) / D(target.denominator) / (1 - disc / 100)) * per
    for _ in range(40):
        pm = F(unit) * (1 - F(disc) / 100) / per
        if below and pm >= c:
            unit -= TWO * per
        elif not below and pm < c:
            unit += TWO * per
        else:
            break
    lines = []
    if pcaps.get("included") and rng.random() < 0.15:
        inc = rng.choice([1, 2, 5])
        pl = PLine(cid, pk, pq, unit, period, disc, included=inc)
        pl.classes.append("included_seats_column")
        return [pl]
    if 2 <= pq <= 10 and rng.random() < 0.07 and period == "month":
        for i in range(pq):
            pl = PLine(cid, pk, 1, unit, period, disc)
            pl.classes.append("one_row_per_seat_numbered")
            pl.seat = (i + 1, pq)
            lines.append(pl)
        return lines
    if pq >= 4 and rng.random() < 0.08:
        a = rng.randint(1, pq - 1)
        return [PLine(cid, pk, a, unit, period, disc), PLine(cid, pk, pq - a, unit, period, disc)]
    return [PLine(cid, pk, pq, unit, period, disc)]


def _texts(case, rng, vcaps, pcaps, perturb_on):
    trng = random.Random(rng.random())
    vnames, pnames = {}, {}
    for c in case.clients:
        nm, cls, dom = names.vendor_name(c, trng)
        c["domain"] = dom
        vnames[c["id"]] = (nm, cls) if perturb_on else (c["canonical"], [])
        pn, pcls = names.psa_name(c, trng, case.psa_format)
        pnames[c["id"]] = (pn, pcls) if perturb_on else (c["canonical"], [])
        c["vname"], c["vclasses"] = vnames[c["id"]]
        c["pname"], c["pclasses"] = pnames[c["id"]]
    seat_text = {}
    ctx0 = {"currency": vcaps["currency"], "vendor_brand": vcaps["brand"]}
    for pl in case.plines:
        pl.client_text, pl.cclasses = pnames[pl.cid]
        ctx = dict(ctx0, period=pl.period, qty=pl.qty)
        if pl.role == "service":
            t, cls = perturb.describe_service(pl.text, trng, ctx)
            if perturb_on:
                pl.text, pl.classes = t, cls
            continue
        p = BY_KEY[pl.product]
        seat = getattr(pl, "seat", None)
        if pl.included:
            ctx["qty"] = None
        if seat and (pl.cid, pl.product) in seat_text:
            t, cls = seat_text[(pl.cid, pl.product)]
        else:
            t, cls = perturb.describe(p, trng, ctx)
            while seat and "cut_midword_at_30" in cls:  # a cut text takes no seat suffix
                t, cls = perturb.describe(p, trng, ctx)
            if seat:
                seat_text[(pl.cid, pl.product)] = (t, cls)
        if perturb_on:
            pl.text = t
            pl.classes = pl.classes + cls
        else:
            pl.text = p.name
            pl.classes = []
        if seat:
            pl.text = f"{pl.text} - seat {seat[0]:02d}/{seat[1]:02d}"


# ---------------- truth ----------------


def money(x: F) -> str:
    """exact half-up to the cent of a (non-negative) Fraction"""
    q = F(x) * 100
    n = q.numerator // q.denominator
    if q - n >= F(1, 2):
        n += 1
    return f"{D(n) / 100:.2f}"


def aggregate(case):
    v, p = {}, {}
    for ln in case.vlines:
        if ln.role in ("licence", "credit"):
            e = v.setdefault((ln.cid, ln.product), [0, F(0), []])
            e[0] += ln.qty
            e[1] += ln.qty * ln.monthly
            e[2].append(ln.row)
    for ln in case.plines:
        if ln.role == "licence":
            e = p.setdefault((ln.cid, ln.product), [0, F(0), []])
            e[0] += ln.qty
            e[1] += ln.qty * ln.monthly
            e[2].append(ln.row)
    return v, p


def compute_findings(case):
    byid = {c["id"]: c for c in case.clients}
    v, p = aggregate(case)
    prices = {}
    for (_cid, pk), (q, amt, _) in p.items():
        if q > 0:
            prices.setdefault(pk, []).append(amt / q)
    med = {pk: statistics.median(sorted(xs)) for pk, xs in prices.items()}
    out = []

    def add(t, key, impact, vr, pr):
        out.append(
            {
                "type": t,
                "client": byid[key[0]]["canonical"],
                "product": BY_KEY[key[1]].name,
                "vendor_rows": sorted(vr),
                "psa_rows": sorted(pr),
                "monthly_impact": money(impact),
                "classes": [],
            }
        )

    for key in sorted(set(v) | set(p), key=lambda k: (byid[k[0]]["canonical"], k[1])):
        vq, vamt, vr = v.get(key, (0, F(0), []))
        pq, pamt, pr = p.get(key, (0, F(0), []))
        c = vamt / vq if vq > 0 else None
        pp = pamt / pq if pq > 0 else None
        if vq > 0 and pq <= 0:
            add("unbilled", key, vq * med.get(key[1], c), vr, pr)
            continue
        if pq > 0 and vq <= 0:
            if pp != 0:
                add("no_vendor_record", key, pq * pp, vr, pr)
            continue
        if vq > pq:
            add("under_billed", key, (vq - pq) * pp, vr, pr)
        elif pq > vq:
            add("over_billed", key, (pq - vq) * pp, vr, pr)
        if pp < c:
            add("below_cost", key, (c - pp) * min(vq, pq), vr, pr)
    # classes of a finding: the classes of its PSA rows and client names
    rowcls = {ln.row: ln.classes + ln.cclasses for ln in case.plines}
    vcls = {c["id"]: c.get("vclasses", []) for c in case.clients}
    has_psa = {ln.cid for ln in case.plines}
    pcls = {c["id"]: c.get("pclasses", []) if c["id"] in has_psa else [] for c in case.clients}
    cid_of = {c["canonical"]: c["id"] for c in case.clients}
    for f in out:
        s = []
        for r in f["psa_rows"]:
            s += rowcls.get(r, [])
        s += vcls[cid_of[f["client"]]] + pcls[cid_of[f["client"]]]
        f["classes"] = sorted(set(s))
    return out
