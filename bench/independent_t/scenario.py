"""Set T scenario: client books, baskets, vendor and PSA lines, and the truth (rules.md)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

from .catalog import ADDONS, BASES, BY_KEY, LOOKALIKE_PAIRS, SERVICES, THIRD_KEYS, money
from .names import Client, make_clients, norm, perturb_client
from .perturb import perturb_description, perturb_service, USERS

PERIOD = "2026-11"


@dataclass
class VLine:
    cid: int
    pkey: str
    qty: int
    unit: Decimal  # cost per billing period as written (annual lines: per year)
    billing: str = "monthly"  # monthly | annual
    term: str = "P1Y"  # P1Y | P1M | trial
    role: str = "licence"  # licence | credit | trial
    sub: str = ""
    charge: str = "cycleCharge"
    list_unit: Decimal = Decimal(0)

    @property
    def monthly(self) -> Fraction:
        u = Fraction(self.unit)
        return u / 12 if self.billing == "annual" else u


@dataclass
class PLine:
    cid: int
    pkey: str | None  # None: service line
    qty: int
    price: Decimal  # per billing period as written
    period: str = "monthly"  # monthly | annual
    role: str = "licence"  # licence | service | cancelled | paused | voided | ended
    less: int = 0  # ConnectWise "Less Included"
    disc_pct: Decimal = Decimal(0)
    adjusted: Decimal | None = None
    service: str = ""
    user: str = ""
    canon: str = ""  # canonical description
    text: str = ""  # perturbed description
    classes: list = field(default_factory=list)

    @property
    def billed_qty(self) -> int:
        return self.qty - self.less

    @property
    def monthly(self) -> Fraction:
        if self.adjusted is not None:
            u = Fraction(self.adjusted)
        else:
            u = Fraction(self.price) * (1 - Fraction(self.disc_pct) / 100)
        return u / 12 if self.period == "annual" else u


@dataclass
class Case:
    seed: int
    n: int
    currency: str
    clients: list[Client]
    vlines: list[VLine]
    plines: list[PLine]
    psa_name: dict  # cid -> (text, classes) perturbed
    on_vendor: set
    on_psa: set
    outcomes: dict  # (cid, pkey) -> intended outcome (sanity only)


def half_up(x: Fraction) -> Decimal:
    q = x * 100
    n = (
        (q.numerator * 2 + q.denominator) // (2 * q.denominator)
        if q >= 0
        else -((-q.numerator * 2 + q.denominator) // (2 * q.denominator))
    )
    return (Decimal(n) / 100).quantize(Decimal("0.01"))


def _exact(x: Fraction, places: int = 6) -> bool:
    return (x * 10**places).denominator == 1


def build_case(seed: int, n: int, vspec: dict, pspec: dict) -> Case:
    rng = random.Random(f"T|{seed}|{n}|{vspec['name']}|{pspec['name']}")
    cur = vspec["currency"]
    clients = make_clients(random.Random(f"T-clients|{seed}|{n}|{cur}"), n, cur)
    ms_only = vspec.get("ms_only", False)
    roles_ok = set(pspec.get("roles", ()))
    vl: list[VLine] = []
    pl: list[PLine] = []
    outcomes: dict = {}
    on_vendor: set = set()
    on_psa: set = set()
    sub_counter = [rng.randint(10000, 99999)]

    def sub_id():
        sub_counter[0] += rng.randint(1, 977)
        h = f"{sub_counter[0]:08x}"
        return f"{h[:8]}-{rng.randint(0x1000, 0xFFFF):04x}-4{rng.randint(0x100, 0xFFF):03x}-a{rng.randint(0x100, 0xFFF):03x}-{rng.randint(0, 16**12 - 1):012x}"

    cost = {k: money(p.cost, cur) for k, p in BY_KEY.items()}
    listp = {k: money(p.list_price, cur) for k, p in BY_KEY.items()}

    for c in clients:
        r = rng.random()
        if c.family:
            side = "both" if r < 0.92 else "vendor"
        else:
            side = "both" if r < 0.86 else "vendor" if r < 0.91 else "psa"
        seats = max(1, min(180, int(rng.lognormvariate(2.2, 0.8))))
        base = rng.choices([b for b, _ in BASES], weights=[w for _, w in BASES])[0]
        basket = [base]
        for add in rng.sample(
            ADDONS[base],
            min(len(ADDONS[base]), rng.choices([0, 1, 2, 3], weights=[30, 35, 25, 10])[0]),
        ):
            basket.append(add)
        if rng.random() < 0.12:
            a, b = rng.choice(LOOKALIKE_PAIRS)
            for k in (a, b):
                if k not in basket:
                    basket.append(k)
        if not ms_only:
            for t in rng.sample(THIRD_KEYS, rng.choices([0, 1, 2], weights=[35, 45, 20])[0]):
                basket.append(t)
        # quantities
        qty = {}
        for k in basket:
            if k == base:
                q = seats
            elif BY_KEY[k].unit in ("device", "endpoint", "workload"):
                q = max(1, int(seats * rng.uniform(0.8, 1.4)))
            else:
                q = max(1, int(seats * rng.choice([1, 1, 0.5, 0.25, 0.1])))
            qty[k] = q
        services_only = side == "psa" and rng.random() < 0.4
        if side in ("both", "vendor"):
            on_vendor.add(c.cid)
        if side in ("both", "psa"):
            on_psa.add(c.cid)
        per_user = pspec.get("per_user") and rng.random() < 0.15
        for k in basket:
            p = BY_KEY[k]
            vq = qty[k]
            if side == "vendor":
                outcome = "unbilled"
            elif side == "psa":
                outcome = "none" if services_only else "no_vendor"
            else:
                outcome = rng.choices(
                    ["ok", "under", "over", "unbilled", "no_vendor", "below", "below_under"],
                    weights=[74, 6, 4, 5, 3, 5, 2],
                )[0]
                if outcome in ("under", "below_under") and vq < 2:
                    outcome = "over"
            outcomes[(c.cid, k)] = outcome
            if outcome == "none":
                continue
            # ---------------- vendor lines
            if outcome != "no_vendor":
                shape = rng.choices(
                    ["one", "split", "credit", "annual", "mixterm"], weights=[78, 8, 5, 6, 3]
                )[0]
                if shape == "split" and vq >= 2:
                    a = rng.randint(1, vq - 1)
                    parts = [(a, "P1Y", "monthly"), (vq - a, "P1Y", "monthly")]
                elif shape == "mixterm" and vq >= 2 and outcome not in ("below", "below_under"):
                    a = rng.randint(1, vq - 1)
                    parts = [(a, "P1Y", "monthly"), (vq - a, "P1M", "monthly")]
                elif shape == "annual":
                    parts = [(vq, "P1Y", "annual")]
                else:
                    parts = [
                        (
                            vq,
                            ("P1M" if rng.random() < 0.08 else "P1Y")
                            if outcome not in ("below", "below_under")
                            else "P1Y",
                            "monthly",
                        )
                    ]
                if outcome in ("below", "below_under"):
                    parts = [(q, "P1Y", b) for q, _, b in parts]
                for q, term, billing in parts:
                    unit = (
                        cost[k]
                        if term == "P1Y"
                        else (cost[k] * Decimal("1.2")).quantize(Decimal("0.01"))
                    )
                    if billing == "annual":
                        unit = unit * 12
                    sid = sub_id()
                    if shape == "credit" and q >= 1:
                        extra = rng.randint(1, 3)
                        vl.append(
                            VLine(
                                c.cid,
                                k,
                                q + extra,
                                unit,
                                billing,
                                term,
                                "licence",
                                sid,
                                "cycleCharge",
                            )
                        )
                        vl.append(
                            VLine(
                                c.cid,
                                k,
                                -extra,
                                unit,
                                billing,
                                term,
                                "credit",
                                sid,
                                "removeQuantity",
                            )
                        )
                    else:
                        vl.append(
                            VLine(
                                c.cid,
                                k,
                                q,
                                unit,
                                billing,
                                term,
                                "licence",
                                sid,
                                rng.choice(["cycleCharge", "cycleCharge", "renew", "new"])
                                if billing == "monthly"
                                else "renew",
                            )
                        )
            # ---------------- PSA lines
            if outcome == "unbilled" and side == "psa":
                continue
            if side == "vendor":
                continue
            if outcome == "unbilled":
                dead = sorted(roles_ok & {"cancelled", "paused", "voided", "ended"})
                if dead and rng.random() < 0.45:
                    pl.append(PLine(c.cid, k, vq, listp[k], role=rng.choice(dead)))
                continue
            pq = vq
            if outcome == "under" or outcome == "below_under":
                pq = vq - rng.randint(1, max(1, min(vq - 1, 1 + vq // 5)))
            elif outcome == "over":
                pq = vq + rng.randint(1, 3)
            price = listp[k]
            if outcome in ("below", "below_under"):
                price = (cost[k] * Decimal(rng.choice(["0.80", "0.90", "0.95", "0.85"]))).quantize(
                    Decimal("0.01")
                )
                if price >= cost[k]:
                    price = cost[k] - Decimal("0.01")
            elif rng.random() < 0.12:
                price = (listp[k] * Decimal(rng.choice(["1.05", "1.10", "0.97"]))).quantize(
                    Decimal("0.01")
                )
                if price < cost[k] * Decimal("1.2"):
                    price = listp[k]
            period = "monthly"
            if "annual" in pspec.get("features", ()) and rng.random() < 0.08:
                period = "annual"
            # how the PSA writes it
            style = "one"
            fs = pspec.get("features", ())
            if per_user and pq <= 12 and p.unit == "user":
                style = "per_user"
            elif pq >= 4 and rng.random() < 0.06:
                style = "split"
            elif "less_included" in fs and rng.random() < 0.10:
                style = "less"
            elif (
                "discount" in fs and rng.random() < 0.08 and outcome not in ("below", "below_under")
            ):
                style = "discount"
            if style == "per_user":
                users = rng.sample(USERS, min(pq, len(USERS)))
                for i in range(pq):
                    pl.append(
                        PLine(
                            c.cid,
                            k,
                            1,
                            price if period == "monthly" else price * 12,
                            period,
                            user=users[i] if i < len(users) else f"user{i + 1}",
                        )
                    )
            elif style == "split":
                a = rng.randint(1, pq - 1)
                for q in (a, pq - a):
                    pl.append(
                        PLine(c.cid, k, q, price if period == "monthly" else price * 12, period)
                    )
            elif style == "less":
                extra = rng.randint(1, 3)
                pl.append(PLine(c.cid, k, pq + extra, price, "monthly", less=extra))
            elif style == "discount":
                if "adjusted" in fs:
                    pl.append(
                        PLine(
                            c.cid,
                            k,
                            pq,
                            price,
                            "monthly",
                            adjusted=(price * Decimal("0.90")).quantize(Decimal("0.01")),
                        )
                    )
                else:
                    pl.append(PLine(c.cid, k, pq, price, "monthly", disc_pct=Decimal("10")))
            else:
                pl.append(PLine(c.cid, k, pq, price if period == "monthly" else price * 12, period))
            # a replaced, cancelled line beside the live one
            dead = sorted(roles_ok & {"cancelled", "paused", "voided", "ended"})
            if dead and rng.random() < 0.05:
                pl.append(
                    PLine(
                        c.cid,
                        k,
                        max(1, pq + rng.choice([-2, -1, 1, 2])),
                        price,
                        role=rng.choice(dead),
                    )
                )
        # services on the PSA side
        if side in ("both", "psa"):
            for text, unit in rng.sample(
                SERVICES,
                rng.choices([0, 1, 2, 3], weights=[20, 40, 30, 10])[0]
                + (1 if services_only else 0),
            ):
                q = seats if unit in ("user", "device", "mailbox") else rng.randint(1, 8)
                pl.append(
                    PLine(
                        c.cid,
                        None,
                        q,
                        money(rng.choice(["45", "95", "120", "12", "25", "60"]), cur),
                        role="service",
                        service=text,
                    )
                )
        # vendor trials
        if side in ("both", "vendor") and rng.random() < 0.07:
            tk = rng.choice(["TEXP", "COP", "PBI", "TPR"])
            if tk not in basket:
                vl.append(
                    VLine(
                        c.cid,
                        tk,
                        rng.randint(1, 25),
                        Decimal("0.00"),
                        "monthly",
                        "trial",
                        "trial",
                        sub_id(),
                        "new",
                    )
                )

    _fix_medians(vl, pl, on_vendor, cost, listp)
    # ---------------- perturbation (separate RNG: identical case with or without it)
    prng = random.Random(f"T-perturb|{seed}|{n}|{vspec['name']}|{pspec['name']}")
    by_norm = {norm(c.name): c.cid for c in clients}
    psa_name = {}
    for c in clients:
        if prng.random() < 0.72:
            psa_name[c.cid] = perturb_client(prng, c, by_norm)
        else:
            psa_name[c.cid] = (c.name, [])
    baskets: dict = {}
    for v in vl:
        baskets.setdefault(v.cid, set()).add(v.pkey)
    for x in pl:
        if x.pkey:
            baskets.setdefault(x.cid, set()).add(x.pkey)
    for x in pl:
        c = clients[x.cid]
        if x.pkey:
            x.canon = BY_KEY[x.pkey].name
            if prng.random() < 0.82:
                x.text, x.classes = perturb_description(prng, BY_KEY[x.pkey], baskets[x.cid], x, c)
            else:
                x.text, x.classes = x.canon, []
        else:
            x.canon = x.service
            if prng.random() < 0.3:
                x.text, x.classes = perturb_service(prng, x.service, x, c)
            else:
                x.text, x.classes = x.service, []
    return Case(seed, n, cur, clients, vl, pl, psa_name, on_vendor, on_psa, outcomes)


def _medians(pl, only=None):
    per: dict = {}
    for x in pl:
        if x.role == "licence" and x.pkey and (only is None or x.cid in only):
            per.setdefault((x.pkey, x.cid), []).append(x)
    out: dict = {}
    for (k, cid), xs in per.items():
        q = sum(x.billed_qty for x in xs)
        if q > 0:
            out.setdefault(k, []).append(sum(x.billed_qty * x.monthly for x in xs) / q)
    return {k: _median(v) for k, v in out.items()}


def _median(v):
    v = sorted(v)
    m = len(v) // 2
    return v[m] if len(v) % 2 else (v[m - 1] + v[m]) / 2


def _fix_medians(vl, pl, on_vendor, cost, listp):
    """Keep the unbilled impact independent of reading choices: the median PSA price of a product is
    the same whether computed over all billed clients, over matched clients only, or per line."""
    for _ in range(6):
        a = _medians(pl)
        b = _medians(pl, only=on_vendor)
        per_line: dict = {}
        for x in pl:
            if x.role == "licence" and x.pkey:
                per_line.setdefault(x.pkey, []).append(x.monthly)
        bad = {
            k
            for k in a
            if a[k] != b.get(k, a[k]) or a[k] != _median(per_line[k]) or a[k] != Fraction(listp[k])
        }
        if not bad:
            return
        for x in pl:
            if x.pkey in bad and x.role == "licence":
                # bring deviating prices back to the list price (keeps below-cost lines only when the
                # product is billed by enough clients at list)
                if x.monthly != Fraction(listp[x.pkey]):
                    n_list = sum(
                        1
                        for y in pl
                        if y.pkey == x.pkey
                        and y.role == "licence"
                        and y.monthly == Fraction(listp[x.pkey])
                    )
                    n_all = sum(1 for y in pl if y.pkey == x.pkey and y.role == "licence")
                    if n_list * 2 <= n_all + 2 or x.monthly >= Fraction(cost[x.pkey]):
                        x.price = listp[x.pkey] * (12 if x.period == "annual" else 1)
                        x.adjusted = None
                        x.disc_pct = Decimal(0)


# ------------------------------------------------------------------------------- truth
def compute_findings(case: Case, vrow: dict, prow: dict) -> list[dict]:
    """Findings per rules.md from the lines; vrow / prow map line index -> row number."""
    clients = case.clients
    V: dict = {}
    P: dict = {}
    for i, v in enumerate(case.vlines):
        if v.role in ("licence", "credit"):
            V.setdefault((v.cid, v.pkey), []).append(i)
    for i, x in enumerate(case.plines):
        if x.role == "licence":
            P.setdefault((x.cid, x.pkey), []).append(i)
    med = _medians(case.plines)
    out = []
    for key in sorted(set(V) | set(P), key=lambda t: (clients[t[0]].name, t[1])):
        cid, k = key
        vi, pi = V.get(key, []), P.get(key, [])
        vq = sum(case.vlines[i].qty for i in vi)
        vc = sum(case.vlines[i].qty * case.vlines[i].monthly for i in vi)
        pq = sum(case.plines[i].billed_qty for i in pi)
        pv = sum(case.plines[i].billed_qty * case.plines[i].monthly for i in pi)
        c = vc / vq if vq else None
        p = pv / pq if pq else None
        cls = set()
        for i in pi:
            cls.update(case.plines[i].classes)
        if cid in case.on_psa:
            cls.update("client_" + x for x in case.psa_name[cid][1])
        base = {
            "client": clients[cid].name,
            "product": BY_KEY[k].name,
            "vendor_rows": sorted(vrow[i] for i in vi),
            "psa_rows": sorted(prow[i] for i in pi),
            "classes": sorted(cls),
        }
        f = []
        if vq > 0 and pq == 0:
            unit = med.get(k, c)
            f.append(("unbilled", vq * unit))
        elif vq > pq > 0:
            f.append(("under_billed", (vq - pq) * p))
        elif pq > vq > 0:
            f.append(("over_billed", (pq - vq) * p))
        elif pq > 0 and vq == 0:
            f.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            f.append(("below_cost", (c - p) * min(vq, pq)))
        for t, amt in f:
            d = dict(base)
            d = {"type": t, **base, "monthly_impact": str(half_up(amt))}
            if t == "unbilled":
                d["psa_rows"] = []
            if t == "no_vendor_record":
                d["vendor_rows"] = []
            out.append(d)
    return out
