"""The case model of set Q (format-free) and the truth computed from it by the rules."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F
from statistics import median

from .catalog import BASKETS, BY_KEY, EEA_BASKETS, GWS_BASKET, NON_MS_ADDONS, SERVICES
from .clients import Client, make_clients


@dataclass
class VLine:
    cid: int
    pkey: str
    qty: int
    unit: F  # vendor unit cost as billed (per month, or per year when annual)
    annual: bool
    role: str  # licence | credit | trial
    sub: str
    list_unit: F = F(0)

    @property
    def monthly(self) -> F:
        return self.unit / 12 if self.annual else self.unit


@dataclass
class PLine:
    cid: int
    pkey: str | None  # None for a service line
    text: str  # service text (services) or canonical product name
    qty: int  # billed quantity
    unit: F  # effective unit price as billed (per month or per year)
    annual: bool = False
    list_unit: F | None = None  # before discount/adjustment (None: no discount)
    included: int = 0  # ConnectWise "Less Included"
    role: str = "licence"  # licence | service | inactive
    seq: int = 0

    @property
    def monthly(self) -> F:
        return self.unit / 12 if self.annual else self.unit


@dataclass
class Case:
    clients: list[Client]
    vlines: list[VLine]
    plines: list[PLine]
    vendor_clients: set[int]
    psa_clients: set[int]
    findings: list[dict] = field(default_factory=list)


def cents(x: F) -> str:
    d = (
        Decimal(x.numerator) / Decimal(x.denominator)
        if x.denominator != 1
        else Decimal(x.numerator)
    )
    # exact for terminating fractions; for others Decimal's 28 digits are far below half a cent
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def money_exact(x: F) -> str:
    """Half-up rounding to the cent done on the exact fraction."""
    sign = -1 if x < 0 else 1
    a = abs(x) * 100
    q, r = divmod(a.numerator, a.denominator)
    if 2 * r >= a.denominator:
        q += 1
    q *= sign
    s = f"{abs(q) // 100}.{abs(q) % 100:02d}"
    return ("-" if q < 0 else "") + s


def _scope_products(scope: str) -> set[str]:
    ms = {k for k, p in BY_KEY.items() if p.ms}
    if scope == "ms":
        return ms
    if scope == "ms_legacy":
        return ms - {
            "copilot",
            "teamsprem",
            "teamsent",
            "bpnt",
            "m365e3nt",
            "w365",
            "mdb",
            "e5sec",
            "mde1",
        }
    return ms | {k for k, p in BY_KEY.items() if not p.ms and scope in p.vendors}


def _pick(rng, options):
    tot = sum(o[0] for o in options)
    r = rng.random() * tot
    for o in options:
        r -= o[0]
        if r < 0:
            return o
    return options[-1]


def _basket(rng, c: Client, allowed: set[str]) -> list[str]:
    opts = list(BASKETS)
    if c.eea:
        opts += EEA_BASKETS
    if "gwsstd" in allowed:
        opts.append(GWS_BASKET)
    for _ in range(20):
        _, bases, adds = _pick(rng, opts)
        if all(b in allowed for b in bases):
            break
    else:
        bases, adds = ["bp"], []
    out = list(bases)
    for k, pr in adds:
        if k in allowed and k not in out and rng.random() < pr:
            out.append(k)
    for k, pr in NON_MS_ADDONS:
        if k in allowed and k not in out and rng.random() < pr:
            if k == "keeperent" and "keeperbiz" in out:
                continue
            out.append(k)
    return out


def _seats(rng):
    return max(1, min(180, int(rng.lognormvariate(2.2, 0.9))))


def build(seed: int, n_clients: int, scope: str) -> Case:
    rng = random.Random(f"Q-model|{seed}|{n_clients}|{scope}")
    allowed = _scope_products(scope)
    clients = make_clients(rng, n_clients)
    vl: list[VLine] = []
    pl: list[PLine] = []
    vendor_clients, psa_clients = set(), set()
    subn = [0]

    def sub():
        subn[0] += 1
        return f"{rng.getrandbits(32):08x}-{subn[0]:04d}-4{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}"

    def vendor_lines(c, k, vq, cost):
        p = BY_KEY[k]
        annual = rng.random() < 0.15
        r = rng.random()
        if r < 0.12 and vq >= 4:  # split subscriptions
            a = rng.randint(1, vq - 1)
            parts = [a, vq - a]
        else:
            parts = [vq]
        for q in parts:
            if rng.random() < 0.1:  # credit after a seat reduction (removeQuantity)
                k2 = rng.randint(1, 3)
                vl.append(
                    VLine(
                        c.cid,
                        k,
                        q + k2,
                        cost * (12 if annual else 1),
                        annual,
                        "licence",
                        sub(),
                        p.c,
                    )
                )
                vl.append(
                    VLine(
                        c.cid,
                        k,
                        -k2,
                        cost * (12 if annual else 1),
                        annual,
                        "credit",
                        vl[-1].sub,
                        p.c,
                    )
                )
            else:
                vl.append(
                    VLine(c.cid, k, q, cost * (12 if annual else 1), annual, "licence", sub(), p.c)
                )

    def psa_lines(c, k, pq, price, discount=None):
        p = BY_KEY[k]
        annual = rng.random() < 0.08
        parts = [pq]
        if pq >= 4 and rng.random() < 0.1:
            a = rng.randint(1, pq - 1)
            parts = [a, pq - a]
        for q in parts:
            inc = rng.choice([0, 0, 0, 1, 2]) if rng.random() < 0.15 else 0
            unit = price * (12 if annual else 1)
            lu = discount * (12 if annual else 1) if discount is not None else None
            pl.append(PLine(c.cid, k, p.name, q, unit, annual, lu, inc))

    # who is where
    roles = {}
    for c in clients:
        r = rng.random()
        roles[c.cid] = "vendor_only" if r < 0.04 else ("psa_only" if r < 0.08 else "both")
        if c.family:  # families are on both sides so that a merge would show
            roles[c.cid] = "both"
    on_bill: set[str] = set()
    baskets = {c.cid: _basket(rng, c, allowed) for c in clients}
    for c in clients:
        role = roles[c.cid]
        if role != "psa_only":
            on_bill.update(baskets[c.cid])
    for c in clients:
        role = roles[c.cid]
        for k in baskets[c.cid]:
            p = BY_KEY[k]
            vq = _seats(rng) if not p.addon else max(1, _seats(rng) // 2)
            cost = p.c
            price = p.p
            if role == "vendor_only":
                vendor_lines(c, k, vq, cost)
                continue
            if role == "psa_only":
                if k in on_bill:
                    psa_lines(c, k, vq, price)
                continue
            r = rng.random()
            pq = vq
            disc = None
            skip_psa = skip_vendor = False
            inactive_only = False
            if r < 0.08:
                pq = max(1, vq - rng.randint(1, max(1, vq // 3)))
                if pq == vq:
                    pq = vq + 1
            elif r < 0.14:
                pq = vq + rng.randint(1, 4)
            elif r < 0.20:  # below cost: the price was never raised after a cost increase
                price = cost - F(rng.choice([5, 10, 25, 40, 75]), 100)
                if rng.random() < 0.3:
                    pq = max(1, vq - 1) if vq > 1 else vq + 1
            elif r < 0.27:
                skip_psa = True
                inactive_only = rng.random() < 0.35
            elif r < 0.32 and sum(1 for x in baskets[c.cid]) > 1:
                skip_vendor = True
            elif r < 0.38:  # adjusted / discounted price on the PSA line
                lp = price
                for pct in (10, 5, 15):
                    d = lp * F(100 - pct, 100)
                    if (d * 100).denominator == 1:
                        disc = lp
                        price = d
                        break
            elif r < 0.41:  # price drift below list (Sherweb-style unsynced price), above cost
                price = (cost + price) / 2
                price = F(int(price * 100), 100)
            if not skip_vendor:
                vendor_lines(c, k, vq, cost)
            if skip_psa:
                if inactive_only:
                    pl.append(PLine(c.cid, k, p.name, vq, price, False, None, 0, "inactive"))
                continue
            if disc is not None:
                psa_lines(c, k, pq, price, disc)
            else:
                psa_lines(c, k, pq, price)
            if rng.random() < 0.05:  # an old cancelled line beside the active one
                pl.append(
                    PLine(c.cid, k, p.name, rng.randint(1, 5), price, False, None, 0, "inactive")
                )
        # trials: a product the client does not pay for, at zero cost
        if role != "psa_only" and rng.random() < 0.06:
            cand = [
                k
                for k in ("copilot", "teamsprem", "pbipro", "visio2", "pbippu")
                if k in allowed and k not in baskets[c.cid]
            ]
            if cand:
                k = rng.choice(cand)
                vl.append(
                    VLine(
                        c.cid,
                        k,
                        rng.choice([1, 5, 10, 25]),
                        F(0),
                        False,
                        "trial",
                        sub(),
                        BY_KEY[k].c,
                    )
                )
        if role != "vendor_only":
            for s, (lo, hi), prices in rng.sample(SERVICES, rng.choice([0, 1, 1, 2, 2, 3])):
                price = F(rng.choice(prices))
                pl.append(
                    PLine(c.cid, None, s, rng.randint(lo, hi), price, False, None, 0, "service")
                )
    # every PSA-only client must show in the PSA file
    for c in clients:
        if roles[c.cid] == "psa_only" and not any(x.cid == c.cid for x in pl):
            pl.append(PLine(c.cid, None, SERVICES[0][0], 5, F(60), role="service"))
    # a PSA licence line for a product that is on nobody's bill would be a judgement call: leave it out
    billed_products = {x.pkey for x in vl if x.role == "licence"}
    pl = [x for x in pl if x.pkey is None or x.pkey in billed_products]
    for c in clients:
        if roles[c.cid] == "psa_only" and not any(x.cid == c.cid for x in pl):
            pl.append(PLine(c.cid, None, SERVICES[0][0], 5, F(60), role="service"))
    vendor_clients = {x.cid for x in vl}
    psa_clients = {x.cid for x in pl}
    for i, x in enumerate(pl):
        x.seq = i
    case = Case(clients, vl, pl, vendor_clients, psa_clients)
    _stabilise_medians(case)
    return case


def _client_prices(case: Case):
    amt, qty = {}, {}
    for x in case.plines:
        if x.role == "licence":
            key = (x.cid, x.pkey)
            amt[key] = amt.get(key, 0) + x.qty * x.monthly
            qty[key] = qty.get(key, 0) + x.qty
    return {k: amt[k] / qty[k] for k in amt if qty[k] > 0}


def _medians(case: Case):
    by_client, by_line = {}, {}
    for (cid, k), p in _client_prices(case).items():
        by_client.setdefault(k, []).append(p)
    for x in case.plines:
        if x.role == "licence":
            by_line.setdefault(x.pkey, []).append(x.monthly)
    return by_client, by_line


def _stabilise_medians(case: Case):
    """Make the unbilled price unambiguous: the median of client prices and of line prices must agree."""
    for it in range(4):
        bc, bl = _medians(case)
        bad = [k for k in bc if median(bc[k]) != median(bl[k])]
        if not bad:
            return
        for x in case.plines:
            if x.role == "licence" and x.pkey in bad:
                p = BY_KEY[x.pkey]
                if x.monthly < p.c and it == 0:
                    continue  # keep below-cost findings when we can
                x.unit = p.p * (12 if x.annual else 1)
                x.list_unit = None


def compute_findings(case: Case, vrow: dict, prow: dict) -> list[dict]:
    """vrow/prow: id(line) -> row number. Returns the findings by the rules."""
    V, P = {}, {}
    for x in case.vlines:
        if x.role in ("licence", "credit"):
            V.setdefault((x.cid, x.pkey), []).append(x)
    for x in case.plines:
        if x.role == "licence":
            P.setdefault((x.cid, x.pkey), []).append(x)
    bc, _ = _medians(case)
    med = {
        k: F(median(v)) if len(v) % 2 else (sorted(v)[len(v) // 2 - 1] + sorted(v)[len(v) // 2]) / 2
        for k, v in bc.items()
    }
    names = {c.cid: c.name for c in case.clients}
    out = []
    for key in sorted(set(V) | set(P), key=lambda k: (names[k[0]], BY_KEY[k[1]].name)):
        cid, k = key
        vs, ps = V.get(key, []), P.get(key, [])
        vq = sum(x.qty for x in vs)
        pq = sum(x.qty for x in ps)
        c = sum(x.qty * x.monthly for x in vs) / vq if vq > 0 else None
        p = sum(x.qty * x.monthly for x in ps) / pq if pq > 0 else None
        base = {
            "client": names[cid],
            "product": BY_KEY[k].name,
            "vendor_rows": sorted(vrow[id(x)] for x in vs),
            "psa_rows": sorted(prow[id(x)] for x in ps),
        }
        if vq > 0 and pq == 0:
            out.append(
                {"type": "unbilled", **base, "monthly_impact": money_exact(vq * med.get(k, c))}
            )
        elif pq > 0 and vq <= 0:
            out.append({"type": "no_vendor_record", **base, "monthly_impact": money_exact(pq * p)})
        elif vq > 0 and pq > 0:
            if vq > pq:
                out.append(
                    {"type": "under_billed", **base, "monthly_impact": money_exact((vq - pq) * p)}
                )
            elif pq > vq:
                out.append(
                    {"type": "over_billed", **base, "monthly_impact": money_exact((pq - vq) * p)}
                )
            if p < c:
                out.append(
                    {
                        "type": "below_cost",
                        **base,
                        "monthly_impact": money_exact((c - p) * min(vq, pq)),
                    }
                )
    return out
