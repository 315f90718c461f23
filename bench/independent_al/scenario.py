"""Case of set AL: clients, baskets, vendor and PSA lines, perturbations, findings (README rules)."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F

from .catalog import BY_KEY, MS_KEYS, SERVICES, TIER_WRAP, TP_KEYS
from .names import KINDS, psa_spelling


@dataclass
class VLine:
    cid: int
    product: str
    qty: int
    unit: F  # monthly unit cost
    yearly: bool = False
    role: str = "licence"
    row: int = 0


@dataclass
class PLine:
    cid: int
    product: str | None
    text: str
    qty: int
    unit: F  # monthly unit price
    role: str = "licence"
    classes: list = field(default_factory=list)
    row: int = 0


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str = "USD"


def money(x):
    return F(Decimal(x))


def cents(f):
    return F(round(f * 100), 100)


def half_up(f):
    d = Decimal(f.numerator) / Decimal(f.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _clients(rng, n):
    out, seen = [], set()
    kinds = [k for k, _ in KINDS]
    weights = [w for _, w in KINDS]
    group = 0
    while len(out) < n:
        members = rng.choices(kinds, weights)[0](rng)
        names = [m[0] for m in members]
        if any(x in seen for x in names) or len(set(names)) < len(names):
            continue
        if len(out) + len(members) > n:
            members = members[: n - len(out)]
            if len(members) == 1 and members[0][1].get("sib"):
                continue
        group += 1
        for legal, meta in members:
            seen.add(legal)
            out.append(
                dict(
                    id=len(out),
                    canonical=legal,
                    meta=meta,
                    group=group,
                    sib=meta.get("sib") if len(members) > 1 else None,
                    only=None,
                )
            )
    # one-sided customers (never siblings)
    singles = [c for c in out if not c["sib"]]
    rng.shuffle(singles)
    k = max(2, round(n * 0.035))
    for c in singles[:k]:
        c["only"] = "vendor"
    for c in singles[k : 2 * k]:
        c["only"] = "psa"
    return out


CORE = ["bp", "bp", "bp", "bs", "bs", "bb", "e3", "e5", "o365e3", "bpnt", "e3nt", "exo1"]
ADDONS = {
    "bp": [
        "e5sec",
        "copilot",
        "eoa",
        "tpcp",
        "tps",
        "entra2",
        "pbipro",
        "visio2",
        "mdo2",
        "copstudio",
    ],
    "bs": ["mdb", "entra1", "intune1", "eoa", "tpcp", "visio1", "mdo1", "copilot", "pbipro"],
    "bb": ["mdb", "exo2", "intune1", "entra1", "tps", "visio1"],
    "e3": ["e5sec", "e5comp", "copilot", "tpcp", "pbipro", "visio2", "mde2", "f3"],
    "e5": ["copilot", "tpcp", "visio2", "copstudio", "f3", "pbipro"],
    "o365e3": ["mde1", "entra1", "intune1", "tps", "eoa", "exok"],
    "bpnt": ["tps", "copilot", "eoa"],
    "e3nt": ["e5sec", "mde2", "pbipro"],
    "exo1": ["exo2", "mdo1", "eoa", "exok"],
    "bpnp": ["bs", "exo1", "visio1", "mdo1"],
}
LOOKALIKE_ADD = {
    "bp": "bs",
    "bs": "bb",
    "e3": "e5",
    "e5": "e3",
    "o365e3": "e3",
    "exo1": "exo2",
    "bpnt": "bp",
    "e3nt": "e3",
    "bb": "bs",
    "bpnp": "bs",
}
TP_JOBS = [
    ["dattorm", "ninjarmm"],
    ["s1core", "s1ctrl", "s1cmp", "hedr", "bdgzb", "bdgzp"],
    ["hitdr"],
    ["hsiem"],
    ["dattobcdr", "dattosaas", "cove", "covedev"],
    ["mimestd", "mimeadv", "ironscales"],
    ["keeperbiz", "keeperent"],
    ["dnsfpro"],
    ["kb4gold", "kb4diam"],
    ["dsstd", "dsbp"],
    ["rcstd", "rcprem"],
]


def _basket(rng, c):
    nonprofit = c["meta"]["kind"] in ("church", "friends") or "Foundation" in c["canonical"]
    core = "bpnp" if nonprofit and rng.random() < 0.7 else rng.choice(CORE)
    keys = [core]
    keys += rng.sample(ADDONS[core], rng.choice([0, 1, 2, 2, 3, 3]))
    if rng.random() < 0.22:
        keys.append(LOOKALIKE_ADD[core])
    jobs = rng.sample(TP_JOBS, rng.choice([2, 3, 3, 4, 4, 5]))
    for job in jobs:
        keys.append(rng.choice(job))
        if len(job) > 1 and rng.random() < 0.12:  # a second maker / tier for the same job
            keys.append(rng.choice([k for k in job if k != keys[-1]]))
    return list(dict.fromkeys(keys))


def _qty(rng, key, seats):
    u = BY_KEY[key].unit
    if u == "GB":
        return rng.randrange(100, 3000, 10)
    if u == "device":
        if key == "dattobcdr":
            return rng.randint(1, 3)
        return seats + rng.randint(0, 6)
    if key in (
        "copilot",
        "copstudio",
        "visio1",
        "visio2",
        "pbipro",
        "e5sec",
        "e5comp",
        "tpcp",
        "tps",
        "f3",
        "exok",
        "dsstd",
        "dsbp",
    ):
        return max(1, rng.randint(1, max(1, seats // 3)))
    return max(1, seats - rng.randint(0, 3))


def build_numbers(seed, n):
    """Everything that decides the findings: depends only on seed + clients."""
    rng = random.Random(f"AL|{seed}|{n}")
    clients = _clients(rng, n)
    vlines, plan = [], []  # plan: (cid, key, qty, unit, outcome)
    for c in clients:
        seats = rng.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 28, 35, 45, 60])
        keys = _basket(rng, c)
        c["keys"] = keys
        for key in keys:
            p = BY_KEY[key]
            q = _qty(rng, key, seats)
            cost = money(p.cost)
            price = money(p.price)
            r = rng.random()
            if c["only"] != "psa":
                if q >= 4 and rng.random() < 0.2:  # two subscriptions, one maybe yearly
                    q1 = rng.randint(1, q - 1)
                    c2 = cost if rng.random() < 0.6 else cents(cost * F(11, 10))
                    vlines.append(VLine(c["id"], key, q1, cost))
                    vlines.append(VLine(c["id"], key, q - q1, c2, yearly=rng.random() < 0.5))
                else:
                    vlines.append(VLine(c["id"], key, q, cost, yearly=rng.random() < 0.08))
                if q >= 3 and BY_KEY[key].unit != "GB" and rng.random() < 0.07:
                    vlines.append(VLine(c["id"], key, -1, cost, role="credit"))
                    q -= 1
            if c["only"] == "vendor":
                continue
            if c["only"] == "psa":
                plan.append((c["id"], key, q, price, "nvr"))
                continue
            gb = BY_KEY[key].unit == "GB"
            step = rng.randrange(10, 200, 10) if gb else rng.randint(1, 3)
            if r < 0.06:
                continue  # unbilled
            if r < 0.12 and q > step:
                plan.append((c["id"], key, q - step, price, "under"))
            elif r < 0.18:
                plan.append((c["id"], key, q + step, price, "over"))
            elif r < 0.23:
                plan.append(
                    (c["id"], key, q, cents(cost * F(rng.choice([80, 90, 95]), 100)), "below")
                )
            else:
                pr = (
                    price
                    if rng.random() < 0.7
                    else cents(price * F(rng.choice([95, 105, 110]), 100))
                )
                plan.append((c["id"], key, q, pr, "ok"))
        if c["only"] is None and rng.random() < 0.09:  # billed, bought elsewhere / cancelled
            extra = [k for k in MS_KEYS + TP_KEYS if k not in keys]
            key = rng.choice(extra)
            plan.append((c["id"], key, _qty(rng, key, seats), money(BY_KEY[key].price), "nvr"))
        for _ in range(rng.choice([1, 1, 2, 3])):
            sname, scls, sprice = rng.choice(SERVICES)
            sq = seats if "Seat" in sname else rng.randint(1, 4)
            plan.append((c["id"], None, sq, money(sprice), ("service", sname, scls)))
        if rng.random() < 0.05:
            key = rng.choice(keys)
            plan.append((c["id"], key, rng.randint(1, 5), money(BY_KEY[key].price), "cancelled"))
    return clients, vlines, plan


SLIP = {
    "a": "s",
    "s": "a",
    "e": "r",
    "r": "e",
    "i": "o",
    "o": "i",
    "n": "m",
    "m": "n",
    "t": "y",
    "u": "i",
    "c": "v",
    "l": "k",
    "d": "f",
    "p": "o",
    "g": "h",
    "h": "g",
}
KEEP = {
    "basic",
    "standard",
    "premium",
    "plan",
    "security",
    "compliance",
    "teams",
    "phone",
    "calling",
    "endpoint",
    "business",
    "enterprise",
    "complete",
    "control",
    "core",
    "gold",
    "diamond",
    "advanced",
    "nonprofit",
    "studio",
    "copilot",
    "kiosk",
    "archiving",
    "office",
    "microsoft",
    "workstation",
    "pro",
    "entra",
}


def qwerty_slip(text, rng):
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha() and w.lower() not in KEEP]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    pos = [j for j in range(1, len(w) - 1) if w[j].lower() in SLIP]
    if not pos:
        return None
    j = rng.choice(pos)
    words[i] = w[:j] + SLIP[w[j].lower()] + w[j + 1 :]
    return " ".join(words)


SURN = [
    "J. Ramirez",
    "T. Nguyen",
    "K. Patel",
    "M. O'Neal",
    "L. Tran",
    "S. Boudreaux",
    "R. Delgado",
    "A. Kim",
    "D. Hebert",
    "P. Vo",
]


def _held_family(c, key):
    fam = BY_KEY[key].family
    return [k for k in c["keys"] if k != key and BY_KEY[k].family == fam]


def describe(c, key, qty, price, rng):
    """PSA description of a licence line: (text, classes, split_names or None)."""
    p = BY_KEY[key]
    classes = []
    text = p.name
    opts = []
    for cls, texts in p.variants.items():
        for t in texts:
            if cls == "name_before_2020_or_2023_rename":
                if key == "bs" and ({"bp", "bpnt", "bpnp"} & set(c["keys"])):
                    continue
                if key == "bp" and ({"bs", "bb"} & set(c["keys"])):
                    continue
            if cls == "single_family_word_only":
                others = [BY_KEY[k].name for k in c["keys"] if k != key]
                word = t.split()[-1] if t != "Microsoft Defender for Endpoint" else "Endpoint"
                if any(word in o for o in others):
                    continue
            opts.append((cls, t))
    if not p.ms:
        short = p.name.replace(p.maker + " ", "", 1)
        if short != p.name:
            opts.append(("product_named_without_maker", short))
    r = rng.random()
    if opts and r < 0.6:
        cls, text = rng.choice(opts)
        classes.append(cls)
    elif r < 0.68 and p.ms:
        text = rng.choice(TIER_WRAP).format(p.name.replace("Microsoft ", ""))
        classes.append("tier_bundle_wraps_licence")
    r2 = rng.random()
    split = None
    if r2 < 0.08:
        text = f"{text} ({qty} @ ${float(price):,.2f})"
        classes.append("at_qty_price_memo")
    elif r2 < 0.16:
        text = text + rng.choice(
            [" - NCE 1yr", " - annual paid monthly", " (NCE 1-yr, mo. bill)", " - M2M"]
        )
        classes.append("nce_term_memo_us")
    elif r2 < 0.24:
        t2 = qwerty_slip(text, rng)
        if t2:
            text = t2
            classes.append("qwerty_adjacent_key_slip")
    elif r2 < 0.30 and 2 <= qty <= 4 and p.unit == "user":
        split = rng.sample(SURN, qty)
        classes.append("employee_name_on_seat_line")
    if _held_family(c, key):
        classes.append("lookalike_neighbour_billed_too")
    return text, classes, split


def build_case(seed, psa_format, n, perturb):
    clients, vlines, plan = build_numbers(seed, n)
    prng = random.Random(f"AL-p|{seed}|{n}|{psa_format}")
    for c in clients:
        c["cclasses"] = []
        c["psa_name"] = c["canonical"]
        if c["sib"]:
            c["cclasses"].append(c["sib"])
        if c["only"] == "vendor":
            c["cclasses"].append("client_not_in_books_yet")
        if c["only"] == "psa":
            c["cclasses"].append("client_without_vendor_tenant")
        if perturb and prng.random() < 0.62:
            cls, name = psa_spelling(c["canonical"], c["meta"], prng)
            if cls:
                c["psa_name"] = name
                c["cclasses"].append(cls)
    byid = {c["id"]: c for c in clients}
    plines = []
    for cid, key, q, unit, outcome in plan:
        c = byid[cid]
        if isinstance(outcome, tuple):
            _, sname, scls = outcome
            plines.append(
                PLine(cid, None, sname, q, unit, "service", [scls] if scls and perturb else [])
            )
            continue
        role = "not_billed" if outcome == "cancelled" else "licence"
        if not perturb:
            plines.append(PLine(cid, key, BY_KEY[key].name, q, unit, role, []))
            continue
        text, cls, split = describe(c, key, q, unit, prng)
        if split and role == "licence":
            for who in split:
                plines.append(PLine(cid, key, f"{text} - {who}", 1, unit, role, list(cls)))
        else:
            cls = [x for x in cls if x != "employee_name_on_seat_line"]
            plines.append(PLine(cid, key, text, q, unit, role, cls))
    return Case(clients, vlines, plines)


def compute_findings(case):
    byid = {c["id"]: c for c in case.clients}
    V, P = {}, {}
    for v in case.vlines:
        d = V.setdefault((v.cid, v.product), [0, F(0), []])
        d[0] += v.qty
        d[1] += v.qty * v.unit
        d[2].append(v.row)
    for p in case.plines:
        if p.role != "licence":
            continue
        d = P.setdefault((p.cid, p.product), [0, F(0), []])
        d[0] += p.qty
        d[1] += p.qty * p.unit
        d[2].append(p.row)
    per_prod = {}
    for (_cid, key), (q, amt, _) in P.items():
        if q > 0:
            per_prod.setdefault(key, []).append(amt / q)
    out = []

    def add(t, cid, key, imp):
        vr = sorted(V[(cid, key)][2]) if (cid, key) in V else []
        pr = sorted(P[(cid, key)][2]) if (cid, key) in P else []
        out.append(
            {
                "type": t,
                "client": byid[cid]["canonical"],
                "product": BY_KEY[key].name,
                "vendor_rows": vr,
                "psa_rows": pr,
                "monthly_impact": half_up(imp),
                "classes": [],
            }
        )

    for key in sorted(set(V) | set(P), key=lambda k: (k[0], k[1])):
        cid, prod = key
        vq, vamt = (V[key][0], V[key][1]) if key in V else (0, F(0))
        pq, pamt = (P[key][0], P[key][1]) if key in P else (0, F(0))
        c = vamt / vq if vq else None
        p = pamt / pq if pq else None
        if vq > 0 and pq == 0:
            prices = per_prod.get(prod)
            med = statistics.median(prices) if prices else c
            add("unbilled", cid, prod, vq * med)
        if vq > pq > 0:
            add("under_billed", cid, prod, (vq - pq) * p)
        if pq > vq > 0:
            add("over_billed", cid, prod, (pq - vq) * p)
        if pq > 0 and vq == 0 and p > 0:
            add("no_vendor_record", cid, prod, pq * p)
        if vq > 0 and pq > 0 and p < c:
            add("below_cost", cid, prod, (c - p) * min(vq, pq))
    return out
