"""The month of set AI: clients, subscriptions, the month's changes, the PSA as staff left it,
and the findings by README's rules (exact Fractions, half-up once)."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .catalog import (
    ADDON_WEIGHTS,
    BY_KEY,
    PRICE_RISE_MAKERS,
    PRODUCTS,
    SUITE_WEIGHTS,
    UPGRADES,
)
from .desc import render_desc
from .names import drift_names, make_clients

P0, P1 = date(2026, 11, 1), date(2026, 11, 30)
NEXT0, NEXT1 = date(2026, 12, 1), date(2026, 12, 31)
PREV_END = date(2026, 10, 31)
PAIRABLE = {"entra", "visio", "w365", "mailsec", "s1", "mdo", "kb4", "esign"}


@dataclass
class VLine:
    cid: int
    product: str
    role: str  # licence | credit | not_billed | service
    qty: int
    unit: Decimal  # monthly unit cost of a full month
    start: date
    end: date
    charge: str  # new, cycleCharge, addQuantity, removeQuantity, cancel, convert, trial, renew
    sub: str
    term: str  # P1M | P1Y (monthly billing) | trial
    legacy: bool = False
    classes: list = field(default_factory=list)
    row: int = 0
    text: str = ""

    @property
    def amount(self):
        days = (self.end - self.start).days + 1
        if self.start.month != self.end.month or days >= 30:
            frac = Fraction(1)
        else:
            frac = Fraction(days, 30)
        return q2(Fraction(self.unit) * self.qty * frac)


@dataclass
class PLine:
    cid: int
    product: str | None
    role: str  # licence | service | not_billed
    qty: int
    unit: Decimal
    text: str = ""
    classes: list = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    status: str = "Active"
    row: int = 0

    @property
    def amount(self):
        return q2(Fraction(self.unit) * self.qty)


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str = "USD"


def q2(x) -> Decimal:
    f = Fraction(x)
    sign = -1 if f < 0 else 1
    a = abs(f) * 100
    cents = (2 * a.numerator + a.denominator) // (2 * a.denominator)
    return (Decimal(sign * cents) / 100).quantize(Decimal("0.01"))


def money(x) -> Decimal:
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _wpick(rng, weights):
    tot = sum(w for _, w in weights)
    r = rng.random() * tot
    for k, w in weights:
        r -= w
        if r < 0:
            return k
    return weights[-1][0]


def _sid(rng):
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}".upper()


def vendor_cost(p):
    if p.maker in PRICE_RISE_MAKERS:
        step = Decimal("0.001") if p.unit == "GB" else Decimal("0.01")
        return (p.cost * Decimal("1.08")).quantize(step, rounding=ROUND_HALF_UP)
    return p.cost


def _seats(rng, p, base):
    if p.unit == "GB":
        return rng.randrange(100, 3001, 50)
    if p.unit == "device":
        return max(1, int(base * rng.uniform(0.6, 1.3)))
    if p.family in ("suite",):
        return base
    return max(1, min(base, int(base * rng.uniform(0.2, 1.0)) + rng.randint(0, 1)))


def build_case(seed, clients, currency, perturb, pcaps):
    rng = random.Random(f"AI|{seed}|{clients}")
    cl = make_clients(rng, clients)
    drift_names(random.Random(f"AI-names|{seed}|{clients}"), cl, perturb)
    vlines, plines = [], []
    # clerks: each client has an account clerk; 20 % of its lines typed by another
    for c in cl:
        c["clerk"] = rng.randrange(4)
        c["custom_disc"] = rng.random() < 0.12
        c["stale_prices"] = rng.random() < 0.35
        r = rng.random()
        c["kind"] = "vendor_only" if r < 0.03 else "psa_only" if r < 0.055 else "both"
    for c in cl:
        _client(rng, c, vlines, plines)
    # descriptions (numbers untouched): rendered after structure, own rng
    drng = random.Random(f"AI-desc|{seed}|{clients}")
    byid = {c["id"]: c for c in cl}
    held = {}
    for p in plines:
        if p.role != "service" and p.product:
            held.setdefault(p.cid, set()).add(p.product)
    for p in plines:
        render_desc(drng, p, byid[p.cid], held.get(p.cid, set()), perturb, pcaps)
    return Case(cl, vlines, plines, currency)


def _psa_price(rng, c, p, cost):
    price = p.price
    if c["custom_disc"]:
        price = (price * Decimal("0.92")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return price


def _client(rng, c, vlines, plines):
    cid = c["id"]
    base = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 25, 30, 40, 55, 75])
    keys = []
    fams = set()
    if rng.random() < 0.9:
        s = _wpick(rng, SUITE_WEIGHTS)
        keys.append(s)
        fams.add("suite")
    want = rng.randint(3, 8)
    tries = 0
    aw = [*ADDON_WEIGHTS, ("DTSI", 2)]
    paired = set()
    while len(keys) < want + 1 and tries < 40:
        tries += 1
        k = _wpick(rng, aw)
        f = BY_KEY[k].family
        if k in keys:
            continue
        if f in fams:
            # a look-alike edition held beside its sibling edition (both billed, never one)
            if f in PAIRABLE and f not in paired and rng.random() < 0.35:
                paired.add(f)
                keys.append(k)
            continue
        fams.add(f)
        keys.append(k)
    seats = {k: _seats(rng, BY_KEY[k], base) for k in keys}
    upgraded = False
    V = vlines.append

    def vl(k, q, **kw):
        p = BY_KEY[k]
        kw.setdefault("unit", vendor_cost(p))
        kw.setdefault("start", P0)
        kw.setdefault("end", P1)
        kw.setdefault("charge", "cycleCharge")
        kw.setdefault("sub", _sid(rng))
        kw.setdefault("term", "P1Y" if rng.random() < 0.6 else "P1M")
        kw.setdefault("role", "licence")
        line = VLine(cid, k, qty=q, **kw)
        if k in pair_keys:
            line.classes = [*line.classes, "lookalike_pair_same_client"]
        V(line)
        return line

    def pl(k, q, price, role="licence", **kw):
        line = PLine(cid, k, role, q, price, **kw)
        if k in pair_keys and role == "licence":
            line.classes = [*line.classes, "lookalike_pair_same_client"]
        plines.append(line)
        return line

    pair_keys = {k for k in keys if BY_KEY[k].family in paired}
    for k in keys:
        p = BY_KEY[k]
        n = seats[k]
        cost = vendor_cost(p)
        price = _psa_price(rng, c, p, cost)
        stale = False
        if p.maker in PRICE_RISE_MAKERS and c["stale_prices"] and p.unit != "GB":
            # the MSP's price list was not raised after the vendor's rise: below the new cost
            price = (p.cost * Decimal("1.02")).quantize(
                Decimal("0.001") if p.unit == "GB" else Decimal("0.01"), rounding=ROUND_HALF_UP
            )
            if price >= cost:
                price = cost - (Decimal("0.001") if p.unit == "GB" else Decimal("0.01"))
            stale = True
        kind = c["kind"]
        r = rng.random()
        ups = [u for u in UPGRADES if u[0] == k and BY_KEY[u[1]].family not in fams - {p.family}]
        if kind == "psa_only":
            pq = n
            pl(k, pq, price)
            continue
        # ---- change-of-month situations on the vendor side ----
        if ups and not upgraded and r < 0.22 and n >= 1:
            upgraded = True
            new = ups[0][1]
            day = rng.randint(6, 24)
            d = date(2026, 11, day)
            uc = ["upgrade_mid_month_credit_and_prorate"]
            sub = _sid(rng)
            term = "P1M" if rng.random() < 0.5 else "P1Y"
            vl(k, n, sub=sub, term=term, classes=list(uc))
            vl(
                k,
                -n,
                role="credit",
                charge="convert",
                start=d,
                end=P1,
                sub=sub,
                term=term,
                classes=list(uc),
            )
            nsub = _sid(rng)
            vl(new, n, charge="convert", start=d, end=P1, sub=nsub, term=term, classes=list(uc))
            if rng.random() < 0.5:
                vl(
                    new,
                    n,
                    role="not_billed",
                    start=NEXT0,
                    end=NEXT1,
                    sub=nsub,
                    term=term,
                    classes=[*uc, "next_month_row_in_advance"],
                )
            if kind == "vendor_only":
                continue
            nprice = _psa_price(rng, c, BY_KEY[new], vendor_cost(BY_KEY[new]))
            o = rng.random()
            if o < 0.3:
                pl(k, n, price, classes=["psa_old_plan_left_running"])
            elif o < 0.5:
                pl(k, n, price, classes=["psa_old_plan_left_running"])
                pl(new, n, nprice, classes=["psa_new_plan_added_beside"], start=d)
            elif o < 0.65:
                # switched to the new plan's price, description left on the old plan
                pl(k, n, nprice, classes=["psa_new_plan_old_wording"])
            else:
                line = pl(new, n, nprice, start=d)
                line.note_old, line.note_day = k, day
            if rng.random() < 0.45:
                amt = Fraction(BY_KEY[new].price - p.price) * n * Fraction(31 - day, 30)
                pl(
                    None,
                    1,
                    q2(amt),
                    role="service",
                    classes=["change_one_off_prorata_line"],
                    text=f"Upgrade to {BY_KEY[new].abbrev} - prorata",
                )
            continue
        subs = [(n, cost, [])]
        vcls = []
        if r < 0.30 and n >= 3 and rng.random() < 0.3:
            # price rise applied at renewal: one of two subscriptions renewed at the new price
            a = rng.randint(1, n - 1)
            risen = (cost * Decimal("1.05")).quantize(
                Decimal("0.001") if p.unit == "GB" else Decimal("0.01"), rounding=ROUND_HALF_UP
            )
            subs = [(a, cost, []), (n - a, risen, ["renewed"])]
            vcls = ["renewal_at_new_price_two_prices"]
        sit = rng.random()
        ns = n
        if not vcls and sit < 0.10 and p.unit != "GB":
            k_add = rng.randint(1, 4)
            day = rng.randint(5, 26)
            sub = _sid(rng)
            vl(k, n, sub=sub, classes=["seat_add_prorated_row"])
            vl(
                k,
                k_add,
                charge="addQuantity",
                start=date(2026, 11, day),
                end=P1,
                sub=sub,
                classes=["seat_add_prorated_row"],
            )
            ns = n + k_add
            vcls = ["seat_add_prorated_row"]
        elif not vcls and sit < 0.15 and n >= 3 and p.unit != "GB":
            k_rm = rng.randint(1, min(3, n - 1))
            day = rng.randint(5, 26)
            sub = _sid(rng)
            vl(k, n, sub=sub, term="P1M", classes=["seat_remove_prorated_credit"])
            vl(
                k,
                -k_rm,
                role="credit",
                charge="removeQuantity",
                start=date(2026, 11, day),
                end=P1,
                sub=sub,
                term="P1M",
                classes=["seat_remove_prorated_credit"],
            )
            ns = n - k_rm
            vcls = ["seat_remove_prorated_credit"]
        elif not vcls and sit < 0.19 and p.maker == "Microsoft":
            day = rng.randint(3, 20)
            sub = _sid(rng)
            vl(
                k,
                n,
                sub=sub,
                term="P1M",
                legacy=True,
                charge="cycleCharge",
                classes=["legacy_replaced_by_nce_sub"],
            )
            vl(
                k,
                -n,
                role="credit",
                charge="cancel",
                start=date(2026, 11, day),
                end=P1,
                sub=sub,
                term="P1M",
                legacy=True,
                classes=["legacy_replaced_by_nce_sub"],
            )
            vl(
                k,
                n,
                charge="new",
                start=date(2026, 11, day),
                end=P1,
                classes=["legacy_replaced_by_nce_sub"],
            )
            vcls = ["legacy_replaced_by_nce_sub"]
        elif not vcls and sit < 0.23 and p.maker == "Microsoft":
            day = rng.randint(3, 20)
            sub = _sid(rng)
            mprice = (cost * Decimal("1.2")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            vl(k, n, unit=mprice, sub=sub, term="P1M", classes=["term_switch_month_to_year"])
            vl(
                k,
                -n,
                unit=mprice,
                role="credit",
                charge="cancel",
                start=date(2026, 11, day),
                end=P1,
                sub=sub,
                term="P1M",
                classes=["term_switch_month_to_year"],
            )
            vl(
                k,
                n,
                charge="new",
                start=date(2026, 11, day),
                end=P1,
                term="P1Y",
                classes=["term_switch_month_to_year"],
            )
            vcls = ["term_switch_month_to_year"]
        elif not vcls and sit < 0.26 and p.maker == "Microsoft":
            day = rng.randint(2, 12)
            sub = _sid(rng)
            vl(
                k,
                n,
                unit=Decimal("0.00"),
                role="not_billed",
                charge="trial",
                term="trial",
                start=date(2026, 10, day + 18),
                end=date(2026, 11, day),
                sub=sub,
                classes=["trial_at_zero_converted"],
            )
            vl(
                k,
                n,
                charge="convert",
                start=date(2026, 11, day + 1),
                end=P1,
                sub=_sid(rng),
                classes=["trial_at_zero_converted"],
            )
            vcls = ["trial_at_zero_converted"]
        else:
            for q, u, _t in subs:
                vl(k, q, unit=u, classes=list(vcls))
        if kind == "vendor_only":
            continue
        # ---- the PSA as staff left it ----
        o = rng.random()
        pcls = []
        if stale:
            pcls.append("vendor_rise_price_list_stale")
        if vcls in (["seat_add_prorated_row"], ["seat_remove_prorated_credit"]):
            if o < 0.55:
                pq = n
                pcls.append("psa_seat_count_not_yet_changed")
                if vcls == ["seat_add_prorated_row"] and rng.random() < 0.5:
                    pl(
                        None,
                        1,
                        q2(Fraction(price) * (ns - n) / 2),
                        role="service",
                        classes=["change_one_off_trueup_line"],
                        text="Seat true-up Nov",
                    )
            else:
                pq = ns
                if vcls == ["seat_add_prorated_row"] and rng.random() < 0.6:
                    pcls.append("wants_new_starters_note")
            _psa_key(rng, pl, k, pq, price, pcls, ns - n)
            continue
        if vcls == ["trial_at_zero_converted"] and o < 0.35:
            continue  # converted trial not yet billed: unbilled
        if o < 0.035:
            continue  # plain unbilled
        pq = ns
        o2 = rng.random()
        if o2 < 0.045 and ns > 1:
            pq = ns - rng.randint(1, min(3, ns - 1))
        elif o2 < 0.085:
            pq = ns + rng.randint(1, 3)
        _psa_key(rng, pl, k, pq, price, pcls, 0)
        if vcls == ["legacy_replaced_by_nce_sub"] and rng.random() < 0.4:
            pl(
                None,
                1,
                Decimal(rng.choice(["45.00", "90.00", "67.50"])),
                role="service",
                classes=["change_one_off_migration_labour"],
                text="NCE migration - labour",
            )
    if c["kind"] == "vendor_only":
        return
    # a product bought and cancelled inside the 7-day window
    if rng.random() < 0.06 and c["kind"] == "both":
        cands = [p.key for p in PRODUCTS if p.addon and p.family not in fams]
        k = rng.choice(cands)
        n = rng.randint(1, 10)
        day = rng.randint(3, 20)
        sub = _sid(rng)
        vl(
            k,
            n,
            charge="new",
            start=date(2026, 11, day),
            end=P1,
            sub=sub,
            classes=["cancelled_in_7_days_reversed"],
        )
        vl(
            k,
            -n,
            role="credit",
            charge="cancel",
            start=date(2026, 11, day),
            end=P1,
            sub=sub,
            classes=["cancelled_in_7_days_reversed"],
        )
        if rng.random() < 0.4:
            pl(
                k,
                n,
                _psa_price(rng, c, BY_KEY[k], vendor_cost(BY_KEY[k])),
                classes=["psa_kept_cancelled_purchase"],
                start=date(2026, 11, day),
            )
        fams.add(BY_KEY[k].family)
    # a PSA-only extra product
    if rng.random() < 0.05 and c["kind"] == "both":
        cands = [p.key for p in PRODUCTS if p.addon and p.family not in fams]
        k = rng.choice(cands)
        pl(k, rng.randint(1, 8), _psa_price(rng, c, BY_KEY[k], vendor_cost(BY_KEY[k])))
    # ended additions kept in the PSA export (not billed)
    if rng.random() < 0.07:
        k = rng.choice([p.key for p in PRODUCTS if p.addon])
        pl(
            k,
            rng.randint(1, 5),
            BY_KEY[k].price,
            role="not_billed",
            classes=["addition_ended_last_month"],
            end=PREV_END,
            status="Ended",
        )
    # services
    if rng.random() < 0.8:
        pl(
            None,
            max(1, base),
            Decimal(rng.choice(["35.00", "45.00", "55.00", "65.00"])),
            role="service",
            text=rng.choice(
                [
                    "Managed IT Services - per user",
                    "Fully Managed Support per user",
                    "Helpdesk & Monitoring per seat",
                ]
            ),
        )
    if rng.random() < 0.5:
        pl(
            None,
            rng.randint(1, 6),
            Decimal("125.00"),
            role="service",
            text=rng.choice(
                ["Onsite support hours", "Project labour (hrs)", "Hardware - Dell Latitude 5550"]
            ),
        )


def _psa_key(rng, pl, k, pq, price, pcls, added):
    if pq > 4 and rng.random() < 0.12:
        a = rng.randint(1, min(3, pq - 1))
        pl(k, pq - a, price, classes=list(pcls))
        pl(
            k,
            a,
            price,
            classes=[*pcls, "addition_dated_mid_month"],
            start=date(2026, 11, rng.randint(3, 27)),
        )
    else:
        line = pl(k, pq, price, classes=list(pcls))
        line.added = added


# ----------------------------------------------------------------- findings
def key_rows(case):
    v, p = {}, {}
    for x in case.vlines:
        if x.role in ("licence", "credit"):
            v.setdefault((x.cid, x.product), []).append(x)
    for x in case.plines:
        if x.role == "licence":
            p.setdefault((x.cid, x.product), []).append(x)
    return v, p


def _round(x: Fraction) -> Decimal:
    return q2(x)


def compute_findings(case):
    names = {c["id"]: c["canonical"] for c in case.clients}
    v, p = key_rows(case)
    agg_v, agg_p = {}, {}
    for key, rows in v.items():
        q = sum(r.qty for r in rows)
        if q < 0:
            raise ValueError(f"negative vendor quantity {key}")
        if q > 0:
            agg_v[key] = (q, sum(Fraction(r.unit) * r.qty for r in rows) / q)
    for key, rows in p.items():
        q = sum(r.qty for r in rows)
        if q > 0:
            agg_p[key] = (q, sum(Fraction(r.unit) * r.qty for r in rows) / q)
    med = {}
    by_prod = {}
    for (_cid, prod), (_q, u) in agg_p.items():
        by_prod.setdefault(prod, []).append(u)
    for prod, us in by_prod.items():
        med[prod] = Fraction(statistics.median(sorted(us)))
    out = []

    def add(t, key, imp):
        out.append(
            {
                "type": t,
                "client": names[key[0]],
                "product": BY_KEY[key[1]].name,
                "vendor_rows": sorted(r.row for r in v.get(key, [])),
                "psa_rows": sorted(r.row for r in p.get(key, [])),
                "monthly_impact": str(_round(imp)),
            }
        )

    for key in sorted(set(agg_v) | set(agg_p), key=lambda k: (names[k[0]], BY_KEY[k[1]].name)):
        if key in agg_v and key not in agg_p:
            vq, c = agg_v[key]
            unit = med.get(key[1], c)
            if unit * vq > 0:
                add("unbilled", key, vq * unit)
            continue
        if key in agg_p and key not in agg_v:
            pq, pp = agg_p[key]
            if pp > 0:
                add("no_vendor_record", key, pq * pp)
            continue
        vq, c = agg_v[key]
        pq, pp = agg_p[key]
        if vq > pq:
            add("under_billed", key, (vq - pq) * pp)
        elif pq > vq:
            add("over_billed", key, (pq - vq) * pp)
        if pp < c:
            add("below_cost", key, (c - pp) * min(vq, pq))
    return out
