"""The case of set V: clients, vendor lines, PSA lines, and the truth's findings."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from .catalog import ADDONS, BY_KEY, SUITES, money, price_in
from .names import make_clients

MONTHS = {"M": 1, "Q": 3, "A": 12}
SERVICES_PSA = [
    "Managed Services - per user",
    "Helpdesk Support (unlimited remote)",
    "Onsite labour",
    "Project hours",
    "Hardware: Dell Latitude 5450",
    "Backup management & monitoring",
    "Network monitoring per device",
    "Block of support hours (10)",
    "Security awareness training",
    "Cloud management fee",
]
SERVICES_VENDOR = [
    "Marketplace service fee",
    "Premier support add-on (distributor)",
    "Billing administration fee",
]


@dataclass
class VLine:
    cid: int
    product: str | None
    role: str  # licence | credit | service
    qty: int
    unit: Decimal  # per billing period
    period: str  # M | A
    term: str  # P1M | P1Y
    sub: str
    text: str = ""
    rows: list = field(default_factory=list)
    prorate_extra: int = 0  # seats added mid-month (proration row in some formats)

    @property
    def monthly(self) -> Fraction:
        return Fraction(self.unit) / MONTHS[self.period]


@dataclass
class PLine:
    cid: int
    product: str | None
    role: str  # licence | service
    qty: int
    unit: Decimal  # per billing period, before discount
    period: str  # M | Q | A
    disc: Decimal = Decimal(0)  # percent
    text: str = ""
    classes: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    item: str = ""  # the PSA's own item code

    @property
    def monthly(self) -> Fraction:
        return Fraction(self.unit) * (1 - Fraction(self.disc) / 100) / MONTHS[self.period]

    @property
    def net(self) -> Decimal:
        """the line's amount per billing period, rounded to the cent"""
        return money(self.unit * self.qty * (1 - self.disc / 100))


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    seed: int


def _weighted(rng, pairs, exclude=()):
    items = [(k, w) for k, w in pairs if k not in exclude]
    tot = sum(w for _, w in items)
    r = rng.random() * tot
    for k, w in items:
        r -= w
        if r <= 0:
            return k
    return items[-1][0]


def _basket(rng):
    k = min(8, max(2, int(rng.triangular(2, 9, 6.5))))
    chosen = []
    if rng.random() < 0.9:
        chosen.append(_weighted(rng, SUITES))
    while len(chosen) < k:
        a = _weighted(rng, ADDONS, exclude=chosen)
        chosen.append(a)
    return chosen


def _seats(rng, users, key):
    p = BY_KEY[key]
    if p.unit == "pack":
        return 1
    if p.unit == "server":
        return rng.randint(1, 4)
    if key == "teams_rooms":
        return rng.randint(1, 3)
    if key in (
        "m365_bp",
        "m365_bs",
        "m365_bb",
        "m365_e3",
        "m365_e5",
        "o365_e3",
        "m365_f3",
        "m365_bp_nt",
        "m365_e3_nt",
        "o365_e1",
        "datto_m365",
        "datto_gws",
        "hu_itdr",
        "keeper_biz",
        "keeper_ent",
        "pp_biz",
        "pp_adv",
        "op_biz",
    ):
        return max(1, users + rng.choice([0, 0, 0, -1, 1, 2]))
    if p.unit == "device":
        return max(1, int(users * rng.uniform(0.8, 1.4)))
    return max(1, int(users * rng.uniform(0.1, 0.7)))


def build_case(seed, clients, currency, pcaps, perturb):
    rng = random.Random(f"V-case|{seed}|{clients}")
    cl = make_clients(rng, clients, currency)
    # sides: ~2.5 % vendor only, ~2.5 % PSA only (never a sibling)
    for c in cl:
        r = rng.random()
        c["side"] = "both"
        if c["group"] is None and r < 0.025:
            c["side"] = "vendor"
        elif c["group"] is None and r < 0.05:
            c["side"] = "psa"
    baskets = {}
    for c in cl:
        users = max(1, int(rng.lognormvariate(2.1, 0.8)))
        c["users"] = min(users, 180)
        sib = [
            o
            for o in cl
            if o["group"] is not None and o["group"] == c["group"] and o["id"] < c["id"]
        ]
        if sib and rng.random() < 0.8:
            baskets[c["id"]] = list(baskets[sib[0]["id"]])  # same basket: a merge bait
            c["users"] = sib[0]["users"]
        else:
            baskets[c["id"]] = _basket(rng)

    vlines, plines = [], []
    subn = [0]

    def sub_id():
        subn[0] += 1
        return "%08x-%04x-4%03x-a%03x-%012x" % (  # noqa: UP031
            rng.getrandbits(32),
            rng.getrandbits(16),
            rng.getrandbits(12),
            rng.getrandbits(12),
            rng.getrandbits(48),
        )

    for c in cl:
        for key in baskets[c["id"]]:
            prod = BY_KEY[key]
            vq = _seats(rng, c["users"], key)
            base_cost = price_in(prod.cost, currency)
            listp = price_in(prod.list, currency)
            r = rng.random()
            if c["side"] == "vendor":
                outcome = "unbilled"
            elif c["side"] == "psa":
                outcome = "nvr"
            elif r < 0.72:
                outcome = "match"
            elif r < 0.785:
                outcome = "under" if vq >= 2 else "over"
            elif r < 0.83:
                outcome = "over"
            elif r < 0.88:
                outcome = "unbilled"
            elif r < 0.925:
                outcome = "nvr"
            elif r < 0.985:
                outcome = "below"
            else:
                outcome = "below_under" if vq >= 2 else "below"
            # ---- vendor lines
            vls = []
            if outcome != "nvr":
                t = rng.random()
                parts = [vq]
                while rng.random() < 0.5 and parts[0] >= 3 and len(parts) < 4:
                    k = rng.randint(1, parts[0] - 1)
                    parts = [parts[0] - k, *parts[1:], k]
                for i, q in enumerate(parts):
                    tt = t if i == 0 else rng.random()
                    if tt < 0.68:
                        unit, period, term = base_cost, "M", "P1Y"
                    elif tt < 0.85:
                        unit, period, term = money(base_cost * Decimal("1.2")), "M", "P1M"
                    else:
                        unit, period, term = base_cost * 12, "A", "P1Y"
                    vls.append(VLine(c["id"], key, "licence", q, unit, period, term, sub_id()))
                if rng.random() < 0.12:
                    k = rng.randint(1, 2)
                    f = vls[0]
                    f.qty += k
                    vls.append(VLine(c["id"], key, "credit", -k, f.unit, f.period, f.term, f.sub))
                if rng.random() < 0.1 and vls[0].period == "M" and vls[0].qty >= 3:
                    vls[0].prorate_extra = rng.randint(1, min(3, vls[0].qty - 1))
                vlines.extend(vls)
            # ---- PSA lines
            if outcome == "unbilled":
                continue
            pq = vq
            if outcome in ("under", "below_under"):
                pq = vq - rng.randint(1, max(1, min(vq - 1, 1 + vq // 4)))
            elif outcome == "over":
                pq = vq + rng.randint(1, 1 + vq // 5)
            c_month = (
                sum(Fraction(v.qty) * v.monthly for v in vls) / sum(v.qty for v in vls)
                if vls
                else Fraction(base_cost)
            )
            pr = rng.random()
            if pr < 0.6:
                price = listp
            elif pr < 0.8:
                price = money(listp * Decimal(rng.choice(["1.05", "1.10", "1.15", "1.2"])))
            else:
                price = money(
                    Decimal(c_month.numerator)
                    / c_month.denominator
                    * Decimal(rng.choice(["1.25", "1.3", "1.35", "1.5"]))
                )
            disc = Decimal(0)
            if rng.random() < 0.07:
                disc = Decimal(rng.choice(["10", "12.5", "15", "20", "5"]))
            if outcome in ("below", "below_under"):
                price = money(
                    Decimal(c_month.numerator)
                    / c_month.denominator
                    * Decimal(rng.choice(["0.7", "0.8", "0.85", "0.9", "0.95"]))
                )
                disc = Decimal(0)
            # keep matched lines at or above cost
            if outcome not in ("below", "below_under", "nvr"):
                while Fraction(price) * (1 - Fraction(disc) / 100) < c_month:
                    price = money(price * Decimal("1.15"))
            if disc and not pcaps.get("discount"):
                net = price * (1 - disc / 100)
                if net == money(net):
                    price = net
                disc = Decimal(0)
            pr2 = rng.random()
            period = "M" if pr2 < 0.88 else ("A" if pr2 < 0.97 else "Q")
            unit = price * MONTHS[period]
            plines.append(PLine(c["id"], key, "licence", pq, unit, period, disc, text=prod.name))
        # services
        if c["side"] != "vendor":
            for s in rng.sample(SERVICES_PSA, rng.choice([1, 1, 2, 2, 3])):
                qty = c["users"] if "per user" in s else rng.randint(1, 12)
                unit = money(Decimal(rng.randint(15, 140)) + Decimal(rng.choice([0, 0, 50])) / 100)
                plines.append(PLine(c["id"], None, "service", qty, unit, "M", text=s))
        if c["side"] != "psa" and rng.random() < 0.08:
            s = rng.choice(SERVICES_VENDOR)
            vlines.append(
                VLine(
                    c["id"],
                    None,
                    "service",
                    1,
                    money(Decimal(rng.randint(5, 40))),
                    "M",
                    "P1M",
                    "",
                    text=s,
                )
            )
    # item codes the PSA gives its products
    for p in plines:
        p.item = (p.product or "SVC").upper().replace("_", "-")[:10]
    for c in cl:
        c["psa_name"] = c["canonical"]
        c["cclasses"] = []
    case = Case(cl, vlines, plines, currency, seed)
    if perturb:
        from .perturb import perturb_case

        perturb_case(case, random.Random(f"V-perturb|{seed}|{clients}"))
    # sort lines as the exports would: vendor by client, PSA by PSA name
    vorder = {c["id"]: i for i, c in enumerate(sorted(cl, key=lambda c: c["canonical"].lower()))}
    case.vlines.sort(key=lambda v: (vorder[v.cid], v.product or "~", v.role == "credit"))
    rngs = random.Random(f"V-order|{seed}|{clients}")
    pkey = {c["id"]: (c["psa_name"].lower(), rngs.random()) for c in cl}
    case.plines.sort(key=lambda p: pkey[p.cid])
    return case


def cents(x: Fraction) -> str:
    """exact fraction -> string rounded half-up (away from zero) to the cent"""
    neg = x < 0
    x = abs(x) * 100
    q, r = divmod(x.numerator, x.denominator)
    if 2 * r >= x.denominator:
        q += 1
    s = f"{q // 100}.{q % 100:02d}"
    return "-" + s if neg and q else s


def compute_findings(case):
    byc = {c["id"]: c for c in case.clients}
    V, Pn = {}, {}
    for v in case.vlines:
        if v.role in ("licence", "credit"):
            V.setdefault((v.cid, v.product), []).append(v)
    for p in case.plines:
        if p.role == "licence":
            Pn.setdefault((p.cid, p.product), []).append(p)

    def agg(lines):
        q = sum(x.qty for x in lines)
        amt = sum(Fraction(x.qty) * x.monthly for x in lines)
        return q, (amt / q if q else Fraction(0))

    # median PSA price per product over the clients billed for it
    per_prod: dict = {}
    for (_cid, prod), ls in Pn.items():
        q, p = agg(ls)
        if q > 0:
            per_prod.setdefault(prod, []).append(p)
    med = {k: Fraction(statistics.median(v)) for k, v in per_prod.items()}

    out = []
    for key in sorted(set(V) | set(Pn), key=lambda k: (k[0], k[1])):
        cid, prod = key
        vl, pl = V.get(key, []), Pn.get(key, [])
        vq, c = agg(vl) if vl else (0, Fraction(0))
        pq, p = agg(pl) if pl else (0, Fraction(0))
        vrows = sorted(r for x in vl for r in x.rows)
        prows = sorted(r for x in pl for r in x.rows)
        classes = sorted({k for x in pl for k in x.classes} | set(byc[cid]["cclasses"]))
        name = byc[cid]["canonical"]
        pname = BY_KEY[prod].name

        def f(t, imp, name=name, pname=pname, vrows=vrows, prows=prows, classes=classes):
            out.append(
                {
                    "type": t,
                    "client": name,
                    "product": pname,
                    "vendor_rows": vrows,
                    "psa_rows": prows,
                    "monthly_impact": cents(imp),
                    "classes": classes,
                }
            )

        if vq > 0 and pq <= 0:
            f("unbilled", vq * med.get(prod, c))
        elif pq > 0 and vq <= 0:
            if p != 0:
                f("no_vendor_record", pq * p)
        elif vq > 0 and pq > 0:
            if vq > pq:
                f("under_billed", (vq - pq) * p)
            elif pq > vq:
                f("over_billed", (pq - vq) * p)
            if p < c:
                f("below_cost", (c - p) * min(vq, pq))
    return out
