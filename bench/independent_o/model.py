"""The case: clients, vendor lines, PSA lines (format-independent), and the truth computed from them."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import Decimal as D
from fractions import Fraction as F

from .catalog import ADDONS, BASES_ENT, BASES_SMB, BY_KEY, CARRIES, NON_MS, SERVICES, TRIALS
from .clients import Client, build_clients

FX = {
    "USD": D("1"),
    "GBP": D("0.80"),
    "EUR": D("0.92"),
    "AUD": D("1.55"),
    "CAD": D("1.37"),
    "NZD": D("1.68"),
}
EU = {"DE", "AT", "FR", "NL", "DK", "SE", "ES", "PL", "IE"}
# inactive PSA roles each PSA format can show
INACTIVE = {
    "cw_additions": ["cancelled", "cancelled", "do_not_bill"],
    "cw_api": ["cancelled"],
    "autotask": ["ended"],
    "halopsa": ["ended"],
    "syncro": ["paused"],
    "kaseya_bms": ["cancelled", "inactive"],
    "qbo": ["voided"],
    "xero": ["voided"],
    "halopsa_xlsx": ["ended"],
    "cw_xlsx": ["cancelled"],
}
ANNUAL_PSA = {"autotask", "kaseya_bms", "syncro", "halopsa", "halopsa_xlsx"}
DISCOUNT_PSA = {"autotask", "xero"}
LESS_INCL_PSA = {"cw_additions", "cw_api", "cw_xlsx"}


@dataclass
class VLine:
    lid: str
    cid: int
    key: str
    qty: int
    unit: D  # unit cost as the bill states it (annual when billing == annual)
    billing: str = "monthly"  # monthly | annual
    term: str = "P1Y"  # P1M | P1Y | trial
    role: str = "licence"  # licence | credit | trial
    sub: str = ""

    @property
    def monthly(self) -> F:
        return F(self.unit) / 12 if self.billing == "annual" else F(self.unit)


@dataclass
class PLine:
    lid: str
    cid: int
    key: str  # product key, or "" for a service
    qty: int  # quantity as written (before less included)
    price: D  # unit price as written (per period)
    period: str = "monthly"  # monthly | quarterly | annual
    less_included: int = 0
    discount_pct: D = D(0)  # Xero discount %
    adjusted: D | None = None  # Autotask adjusted price
    role: str = "licence"  # licence | service | cancelled | paused | voided | ended | inactive | do_not_bill | other_source
    text_clean: str = ""
    text: str = ""
    classes: list = field(default_factory=list)
    user: tuple | None = None
    per_user: bool = False
    cost: D = D(0)

    @property
    def billed_qty(self) -> int:
        return self.qty - self.less_included

    @property
    def monthly(self) -> F:
        p = F(self.adjusted) if self.adjusted is not None else F(self.price)
        if self.discount_pct:
            p = p * (1 - F(self.discount_pct) / 100)
        return p / {"monthly": 1, "quarterly": 3, "annual": 12}[self.period]


@dataclass
class Case:
    seed: int
    vendor_format: str
    psa_format: str
    n: int
    currency: str
    clients: list
    vlines: list
    plines: list
    rng_layout: random.Random
    msp_name: str = ""


VENDOR_CURRENCIES = {
    "pc_nce": ["USD", "GBP", "EUR"],
    "pc_legacy": ["USD", "GBP"],
    "pax8_portal": ["USD", "GBP"],
    "pax8_api": ["USD", "AUD", "GBP"],
    "td_synnex_ion": ["USD", "CAD"],
    "ingram_cloud": ["USD", "AUD"],
    "sherweb": ["CAD", "USD"],
    "dicker_data": ["AUD"],
    "cloudmore": ["EUR", "GBP"],
    "generic_xlsx": ["USD", "NZD", "EUR"],
    "generic_csv": ["USD", "GBP"],
}


def money(x) -> D:
    return D(x).quantize(D("0.01"))


def _seat_count(rng):
    return rng.choice(
        [
            1,
            2,
            3,
            3,
            4,
            5,
            5,
            6,
            7,
            8,
            9,
            10,
            11,
            12,
            14,
            15,
            17,
            18,
            20,
            22,
            25,
            28,
            30,
            35,
            40,
            48,
            55,
            65,
            80,
            120,
        ]
    )


def nice_price(rng, x: D) -> D:
    r = rng.random()
    if r < 0.35:
        return money(x)
    if r < 0.7:
        return money(int(x)) + D("0.95") if x > 1 else money(x)
    return money(x).quantize(D("0.1")).quantize(D("0.01"))


def build_case(seed: int, vf: str, pf: str, n: int) -> Case:
    rng = random.Random(f"independent-o|{seed}|{vf}|{pf}|{n}")
    currency = rng.choice(VENDOR_CURRENCIES[vf])
    fx = FX[currency]
    clients: list[Client] = build_clients(rng, n, currency)
    carried = CARRIES[vf]
    legacy = vf == "pc_legacy"
    # a standard sell price per product (the MSP's catalogue), clients mostly pay it
    std_price = {
        p: nice_price(rng, BY_KEY[p].cost * fx * D(str(round(rng.uniform(1.12, 1.38), 2))))
        for p in BY_KEY
    }
    vlines, plines = [], []
    sub_no = [0]

    vby = {}

    def vline(cid, key, qty, unit, billing="monthly", term="P1Y", role="licence"):
        sub_no[0] += 1
        vl = VLine(
            f"v{len(vlines)}", cid, key, qty, unit, billing, term, role, sub=f"S{sub_no[0]:06d}"
        )
        vlines.append(vl)
        vby.setdefault((cid, key), []).append(vl)
        return vl

    def pline(cid, key, qty, price, **kw):
        pl = PLine(f"p{len(plines)}", cid, key, qty, price, **kw)
        plines.append(pl)
        return pl

    inactive_roles = INACTIVE[pf]
    for c in clients:
        r = rng.random()
        c.side = "vendor" if r < 0.04 else "psa" if r < 0.09 else "both"
        c.enterprise = rng.random() < 0.18
        c.seats = _seat_count(rng)
        bases = BASES_ENT if c.enterprise else BASES_SMB
        base = rng.choice(bases)
        if c.country in EU and rng.random() < 0.25:
            base = "BPNT" if not c.enterprise else "ME3NT"
        if legacy and BY_KEY[base].since > 2021:
            base = "BP"
        basket = [base]
        for a in rng.sample(
            ADDONS[base], k=min(len(ADDONS[base]), rng.choice([0, 0, 1, 1, 1, 2, 2, 3, 4]))
        ):
            if legacy and BY_KEY[a].since > 2021:
                continue
            if BY_KEY[a].eu_only and c.country not in EU:
                continue
            basket.append(a)
        if carried and rng.random() < 0.5:
            basket += rng.sample(carried, k=rng.choice([1, 1, 2]))
        other_source = []
        not_carried = [k for k in NON_MS if k not in carried]
        if rng.random() < 0.22 and not_carried:
            other_source.append(rng.choice(not_carried))
        for key in basket:
            p = BY_KEY[key]
            seats = (
                c.seats
                if key == base
                else max(1, min(c.seats, int(c.seats * rng.choice([0.1, 0.25, 0.5, 1, 1]))))
            )
            if p.addon and key == base:
                seats = c.seats
            # the vendor side -------------------------------------------------
            cost = (p.cost * fx).quantize(D("0.01"))
            outcome = rng.choices(
                ["match", "under", "over", "unbilled", "unbilled_inactive", "nvr"],
                weights=[78, 6, 5, 5, 2, 4],
            )[0]
            if c.side == "vendor":
                outcome = "unbilled"
            elif c.side == "psa":
                outcome = "nvr"
            vq = seats
            pq = seats
            if outcome == "under":
                if vq < 2:
                    vq += rng.randint(1, 3)
                pq = vq - rng.randint(1, max(1, vq // 3))
            elif outcome == "over":
                pq = vq + rng.randint(1, max(1, vq // 4 + 1))
            if outcome != "nvr":
                shape = rng.random()
                if shape < 0.10 and vq >= 2:  # split subscriptions, maybe different terms
                    a = rng.randint(1, vq - 1)
                    vline(c.cid, key, a, cost)
                    if rng.random() < 0.4 and p.ms:
                        vline(c.cid, key, vq - a, money(cost * D("1.20")), term="P1M")
                    else:
                        vline(c.cid, key, vq - a, cost)
                elif shape < 0.16:  # credit line nets
                    k = rng.randint(1, 3)
                    vline(c.cid, key, vq + k, cost)
                    vline(c.cid, key, -k, cost, role="credit")
                elif shape < 0.25:  # annual billing: price covers twelve months
                    vline(c.cid, key, vq, cost * 12, billing="annual")
                elif shape < 0.33:  # month-to-month commitment (dearer)
                    vline(c.cid, key, vq, money(cost * D("1.20")), term="P1M")
                else:
                    vline(c.cid, key, vq, cost)
            # the PSA side ----------------------------------------------------
            if c.side == "vendor" or outcome == "unbilled":
                continue
            vls = vby.get((c.cid, key), [])
            cmon = (
                (sum(F(v.qty) * v.monthly for v in vls) / sum(v.qty for v in vls))
                if vls
                else F(cost)
            )
            below = outcome in ("match", "under", "over") and rng.random() < 0.07
            if below:
                price = money(D(float(cmon)) * D(str(round(rng.uniform(0.74, 0.96), 2))))
                if F(price) >= cmon:
                    price = money(D(float(cmon)) - D("0.50"))
            else:
                price = (
                    std_price[key]
                    if rng.random() < 0.6
                    else nice_price(rng, D(float(cmon)) * D(str(round(rng.uniform(1.1, 1.45), 2))))
                )
                if F(price) < cmon:
                    price = money(D(float(cmon)) * D("1.15"))
            kw = {}
            if pf in ANNUAL_PSA and rng.random() < 0.08:
                kw["period"] = "annual"
                price = price * 12
            elif pf == "autotask" and rng.random() < 0.04:
                kw["period"] = "quarterly"
                price = price * 3
            if pf in DISCOUNT_PSA and rng.random() < 0.10 and not below:
                if pf == "xero":
                    kw["discount_pct"] = D(rng.choice([5, 10, 15, 20]))
                    price = money(price / (1 - kw["discount_pct"] / 100))
                else:
                    kw["adjusted"] = price
                    price = money(price * D("1.10"))
            pcost = cost
            if outcome == "unbilled_inactive":
                pline(c.cid, key, pq, price, role=rng.choice(inactive_roles), cost=pcost, **kw)
                continue
            if rng.random() < 0.05:  # old cancelled line beside the active one
                pline(
                    c.cid,
                    key,
                    max(1, pq - 1),
                    money(price * D("0.9")),
                    role=rng.choice(inactive_roles),
                    cost=pcost,
                )
            li = 0
            if pf in LESS_INCL_PSA and rng.random() < 0.10:
                li = rng.randint(1, 3)
            shape = rng.random()
            if shape < 0.06 and 2 <= pq <= 6 and li == 0:  # one line per user
                for _ in range(pq):
                    from .perturb import FIRST, LAST

                    pline(
                        c.cid,
                        key,
                        1,
                        price,
                        per_user=True,
                        user=(rng.choice(FIRST), rng.choice(LAST)),
                        cost=pcost,
                        **kw,
                    )
            elif (
                shape < 0.14 and pq >= 2 and li == 0
            ):  # split across two lines (sites / departments)
                a = rng.randint(1, pq - 1)
                pline(c.cid, key, a, price, cost=pcost, **kw)
                pline(c.cid, key, pq - a, price, cost=pcost, **kw)
            else:
                pline(c.cid, key, pq + li, price, less_included=li, cost=pcost, **kw)
        # trials on the vendor bill (cost 0, never a finding)
        if c.side != "psa" and rng.random() < 0.06:
            vline(
                c.cid,
                rng.choice(TRIALS),
                rng.choice([1, 5, 10, 25, 100]),
                D(0),
                term="trial",
                role="trial",
            )
        if c.side != "psa" and vf == "pc_nce" and rng.random() < 0.03:
            vline(
                c.cid,
                "COPILOT" if "COPILOT" not in basket else "BP",
                25,
                D(0),
                term="trial",
                role="trial",
            )
        if c.side == "vendor":
            continue
        for key in other_source:
            pline(c.cid, key, rng.randint(1, max(1, c.seats)), std_price[key], role="other_source")
        for s in rng.sample(SERVICES, k=rng.choice([0, 1, 1, 2, 3])):
            pline(
                c.cid,
                "",
                rng.choice([1, 1, c.seats, 10]),
                money(D(rng.choice([45, 65, 95, 120, 150, 1200, 35, 12]))),
                role="service",
                text_clean=s,
                text=s,
            )
    # a PSA licence for a non-Microsoft product that appears nowhere on this bill comes from another source
    on_bill = {v.key for v in vlines}
    for pl in plines:
        if pl.key and pl.role == "licence" and not BY_KEY[pl.key].ms and pl.key not in on_bill:
            pl.role = "other_source"
    for pl in plines:
        if pl.key and not pl.text_clean:
            pl.text_clean = pl.text = BY_KEY[pl.key].name
    msp = rng.choice(
        [
            "Bright IT Solutions",
            "Northwind Managed IT",
            "Apex Technology Partners",
            "Clearpath IT",
            "Vektor IT-Service",
            "Sentinel Networks",
        ]
    )
    return Case(
        seed,
        vf,
        pf,
        n,
        currency,
        clients,
        vlines,
        plines,
        random.Random(f"layout|{seed}|{vf}|{pf}|{n}"),
        msp,
    )


# ------------------------------------------------------------------ truth
def half_up(x: F) -> D:
    cents = (x * 100 * 2 + 1) // 2 if x >= 0 else -((-x * 100 * 2 + 1) // 2)
    return (D(int(cents)) / 100).quantize(D("0.01"))


def compute_findings(case: Case):
    V, P = {}, {}
    for v in case.vlines:
        if v.role in ("licence", "credit"):
            V.setdefault((v.cid, v.key), []).append(v)
    for p in case.plines:
        if p.role == "licence":
            P.setdefault((p.cid, p.key), []).append(p)
    pstats = {}
    for k, ls in P.items():
        pq = sum(l.billed_qty for l in ls)
        if pq > 0:
            pstats[k] = (pq, sum(l.billed_qty * l.monthly for l in ls) / pq)
    by_product = {}
    for (cid, key), (pq, p) in pstats.items():
        by_product.setdefault(key, []).append(p)
    medians = {k: F(statistics.median(v)) for k, v in by_product.items()}
    out = []
    for k in sorted(set(V) | set(P), key=lambda x: (x[0], x[1])):
        vls, pls = V.get(k, []), P.get(k, [])
        vq = sum(v.qty for v in vls)
        c = (sum(v.qty * v.monthly for v in vls) / vq) if vq > 0 else F(0)
        pq, p = pstats.get(k, (0, F(0)))
        base = {"cid": k[0], "key": k[1], "vlines": vls, "plines": pls if pq > 0 else []}
        if vq > 0 and pq == 0:
            out.append({**base, "type": "unbilled", "impact": half_up(vq * medians.get(k[1], c))})
            continue
        if pq > 0 and vq <= 0 and not vls:
            out.append({**base, "type": "no_vendor_record", "impact": half_up(pq * p)})
            continue
        if vq > pq > 0:
            out.append({**base, "type": "under_billed", "impact": half_up((vq - pq) * p)})
        elif pq > vq > 0:
            out.append({**base, "type": "over_billed", "impact": half_up((pq - vq) * p)})
        if vq > 0 and pq > 0 and p < c:
            out.append({**base, "type": "below_cost", "impact": half_up((c - p) * min(vq, pq))})
    return out
