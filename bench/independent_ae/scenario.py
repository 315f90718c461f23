"""Case building and the truth findings of set AE (README "The rules", exact Fractions)."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F

from . import catalog as C
from . import names as N

V_YEARLY = "vendor_annual_upfront_row"
V_CREDIT = "vendor_refund_minus_row"
V_SPLIT = "vendor_second_subscription_row"
P_YEARLY = "psa_annual_invoice_row"
P_TOPUP = "psa_extra_seats_second_row"
P_CANCEL = "psa_cancelled_row_kept"
P_SERVICE = "psa_managed_service_row"
P_LOOK = "lookalike_pair_in_basket"


@dataclass
class VLine:
    cid: int
    product: str
    qty: int
    unit: F  # monthly unit cost
    yearly: bool = False
    role: str = "licence"
    classes: list = field(default_factory=list)
    sub: str = ""
    row: int = 0


@dataclass
class PLine:
    cid: int
    product: str | None
    text: str
    qty: int
    unit: F  # monthly unit price
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
    perturb: bool


def cents(x):
    return F(int(x * 100), 100) if x * 100 == int(x * 100) else F(round(x * 100), 100)


def _seats(rng):
    return rng.choice([1, 1, 2, 3, 3, 4, 5, 5, 6, 8, 8, 10, 12, 14, 15, 18, 20, 25, 30, 40, 55])


def _basket(rng, s):
    """{product: qty} for a client with s users."""
    b = {rng.choice(C.SUITES): s}
    for k in rng.sample(C.ADDONS_MS, rng.choice([1, 1, 2, 2, 3, 3])):
        if C.BY_KEY[k].family not in {C.BY_KEY[x].family for x in b}:
            b[k] = s if rng.random() < 0.6 else max(1, s // rng.choice([2, 3, 4]))
    for k in rng.sample(C.THIRD, rng.choice([2, 2, 3, 3, 4, 5])):
        if C.BY_KEY[k].family not in {C.BY_KEY[x].family for x in b}:
            b[k] = rng.choice([1, 2, 3]) if k in ("acs",) else s + rng.choice([0, 0, 1, 2, 3])
    if rng.random() < 0.2:
        a, c = rng.choice(C.LOOKALIKE_PAIRS)
        b.pop(
            next((x for x in b if C.BY_KEY[x].family == C.BY_KEY[a].family and x != a), None), None
        )
        b[a] = b.get(a, s)
        b[c] = max(1, s // 2) if rng.random() < 0.5 else s
    return b


def build_case(seed, clients, currency, perturb, psa_format, vcaps, pcaps):
    rng = random.Random(f"AE|numbers|{seed}|{clients}")
    prng = random.Random(f"AE|spelling|{seed}|{clients}|{psa_format}")
    cl = N.make_clients(rng, clients)
    groups = {}
    for c in cl:
        if c["group"]:
            groups.setdefault(c["group"], []).append(c)
    # one-side members and standalone one-side clients
    for mem in groups.values():
        if len(mem) >= 3 and mem[0]["kind"] in ("franchise", "store") and rng.random() < 0.45:
            m = rng.choice(mem)
            m["side"] = rng.choice(["vendor", "psa"])
            m["traps"].append(N.T_ONESIDE)
    for c in cl:
        if c["kind"] == "standalone":
            r = rng.random()
            c["side"] = "vendor" if r < 0.05 else "psa" if r < 0.09 else "both"
    # baskets
    baskets = {}
    for mem in groups.values():
        base_s = _seats(rng)
        base = _basket(rng, base_s)
        kind = mem[0]["kind"]
        for i, c in enumerate(mem):
            if kind == "franchise":
                baskets[c["id"]] = dict(base)
                c["traps"].append(N.T_SEATS_EQ)
            elif kind == "store":
                d = (-1) ** i * (i % 2)
                baskets[c["id"]] = {k: max(1, q + d) for k, q in base.items()}
                c["traps"].append(N.T_SEATS_CLOSE if i else N.T_SEATS_EQ)
            elif i == 0 or rng.random() < 0.5:
                baskets[c["id"]] = dict(base) if i else base
            else:
                baskets[c["id"]] = _basket(rng, _seats(rng))
    for c in cl:
        if c["id"] not in baskets:
            baskets[c["id"]] = _basket(rng, _seats(rng))
    # PSA names
    for c in cl:
        c["cclasses"] = list(c["traps"])
        c["psa"] = c["canonical"]
        cls = None
        name, cls = N.perturb_name(c, prng)
        if perturb:
            c["psa"] = name
            if cls:
                c["cclasses"].append(cls)
    vlines, plines = [], []
    subn = 0
    for c in cl:
        cid = c["id"]
        b = baskets[cid]
        seats = max(b.values())
        factor = rng.choice([F(1), F(1), F(1), F(105, 100), F(110, 100), F(95, 100)])
        look = set()
        fams = {}
        for k in b:
            fams.setdefault(C.BY_KEY[k].family, []).append(k)
        for ks in fams.values():
            if len(ks) > 1:
                look.update(ks)
        extra_psa = {}
        if c["side"] == "both" and rng.random() < 0.22:
            k = rng.choice([x for x in C.PRODUCTS if x.key not in b]).key
            extra_psa[k] = rng.choice([1, 2, seats])
        for k, vq in b.items():
            p = C.BY_KEY[k]
            price = cents(p.price * factor)
            pq = vq
            r = rng.random()
            if c["side"] == "both":
                if r < 0.07:
                    pq = 0
                elif r < 0.135 and vq > 1:
                    pq = vq - rng.choice([1, 1, 2, max(1, vq // 3)])
                    pq = max(pq, 1)
                elif r < 0.19:
                    pq = vq + rng.choice([1, 1, 2, 3])
                elif r < 0.245:
                    price = cents(p.cost - F(rng.choice([10, 25, 40, 50, 75, 100]), 100))
            if c["side"] != "psa":
                # vendor lines
                parts = [(vq, False)]
                if vq >= 2 and rng.random() < 0.25:
                    q1 = rng.randint(1, vq - 1)
                    parts = [(q1, False), (vq - q1, False)]
                parts = [(q, rng.random() < 0.12) for q, _ in parts]
                credit = rng.random() < 0.07 and bool(vcaps.get("credit"))
                if credit:
                    parts[0] = (parts[0][0] + 1, parts[0][1])
                for j, (q, yearly) in enumerate(parts):
                    subn += 1
                    yearly = yearly and vcaps.get("annual")
                    cls = ([V_YEARLY] if yearly else []) + ([V_SPLIT] if j else [])
                    vlines.append(VLine(cid, k, q, p.cost, yearly, "licence", cls, f"S{subn:05d}"))
                if credit:
                    vlines.append(
                        VLine(cid, k, -1, p.cost, False, "credit", [V_CREDIT], f"S{subn:05d}")
                    )
                if k in look:
                    for v in vlines:
                        if v.cid == cid and v.product == k:
                            v.classes.append(P_LOOK) if P_LOOK not in v.classes else None
            if c["side"] != "vendor" and pq > 0:
                _psa_lines(plines, prng, rng, c, k, pq, price, look, b, perturb, pcaps)
        for k, pq in extra_psa.items():
            p = C.BY_KEY[k]
            _psa_lines(
                plines,
                prng,
                rng,
                c,
                k,
                pq,
                cents(p.price * factor),
                set(),
                b,
                perturb,
                pcaps,
                False,
            )
        if c["side"] != "vendor":
            for sv in rng.sample(C.SERVICES, rng.choice([0, 1, 1, 2, 2])):
                text, amt, basis = sv
                q = seats if basis == "per_user" else 1
                plines.append(PLine(cid, None, text, q, F(amt), False, "service", [P_SERVICE]))
            if rng.random() < 0.1:
                k = rng.choice(
                    [x for x in C.PRODUCTS if x.key not in b and x.key not in extra_psa]
                ).key
                q = rng.choice([1, 2, 5])
                text, dcls = _desc(prng, C.BY_KEY[k], b, perturb, False)
                if pcaps.get("cancel"):
                    plines.append(
                        PLine(
                            cid,
                            k,
                            text,
                            q,
                            cents(C.BY_KEY[k].price * factor),
                            False,
                            "not_billed",
                            [P_CANCEL] + ([dcls] if dcls else []),
                        )
                    )
    return Case(cl, vlines, plines, currency, perturb), None


def _psa_lines(plines, prng, rng, c, k, pq, price, look, basket, perturb, pcaps, ctx_ok=True):
    p = C.BY_KEY[k]
    parts = [pq]
    if pq >= 2 and rng.random() < 0.12:
        q1 = rng.randint(1, pq - 1)
        parts = [q1, pq - q1]
    for j, q in enumerate(parts):
        yearly = rng.random() < 0.08 and bool(pcaps.get("annual"))
        text, dcls = _desc(prng, p, basket, perturb, ctx_ok)
        cls = ([dcls] if dcls else []) + ([P_YEARLY] if yearly else []) + ([P_TOPUP] if j else [])
        if k in look:
            cls.append(P_LOOK)
        plines.append(PLine(c["id"], k, text, q, price, yearly, "licence", cls))


PROTECT_SHARED = {"microsoft", "for", "-", "&", "the"}


def _typo(prng, p):
    fam = [x for x in C.PRODUCTS if x.family == p.family and x.key != p.key]
    words = p.name.split()
    ok = [
        i
        for i, w in enumerate(words)
        if len(w) >= 6 and w.isalpha() and all(w in x.name.split() for x in fam)
    ]
    if not ok:
        return None
    i = prng.choice(ok)
    w = words[i]
    j = prng.randint(1, len(w) - 3)
    kind = prng.random()
    if kind < 0.4:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind < 0.7:
        w = w[:j] + w[j + 1 :]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


FILLERS = [
    "{} - per user per month",
    "{} Monthly Subscription",
    "{} Licence",
    "User licence: {}",
    "{} (per seat / month)",
    "Subscription - {} - Nov 2026",
    "{} licences monthly",
]


def _desc(prng, p, basket, perturb, ctx_ok=True):
    """(text, class) of one PSA licence line; the same draws are made clean or perturbed."""
    r = prng.random()
    choice = prng.random()
    pick = prng.random()
    if not perturb or r >= 0.46:
        return p.name, None
    others = [C.BY_KEY[x] for x in basket if x != p.key]
    opts = []
    for cls, spells in p.spell.items():
        if cls == C.D_BARE and (
            not ctx_ok
            or any(all(w in o.name.split() for sp in spells for w in sp.split()) for o in others)
        ):
            continue
        if cls == C.D_HOUSE and (
            not ctx_ok or any(C.KIND.get(p.key, set()) & C.KIND.get(o.key, set()) for o in others)
        ):
            continue
        opts.append(cls)
    opts += [C.D_FILLER, C.D_FILLER, C.D_SLIP]
    cls = opts[int(choice * len(opts))]
    if cls == C.D_FILLER:
        return FILLERS[int(pick * len(FILLERS))].format(p.name), cls
    if cls == C.D_SLIP:
        t = _typo(random.Random(f"{pick}"), p)
        return (t, cls) if t else (FILLERS[int(pick * len(FILLERS))].format(p.name), C.D_FILLER)
    sp = p.spell[cls]
    return sp[int(pick * len(sp))], cls


def half_up(x: F) -> str:
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def compute_findings_from(keys_v, keys_p, client_name, product_name, key_classes):
    """keys_v: {(cid,k): [(row, qty, monthly unit)]}; keys_p likewise (billed licence lines only)."""
    agg_p = {}
    for key, ls in keys_p.items():
        q = sum(x[1] for x in ls)
        if q > 0:
            agg_p[key] = (q, sum(F(x[1]) * x[2] for x in ls) / q)
    med = {}
    for (_cid, k), (_q, p) in agg_p.items():
        med.setdefault(k, []).append(p)
    med = {k: statistics.median(sorted(v)) for k, v in med.items()}
    out = []
    for key in sorted(set(keys_v) | set(agg_p), key=lambda x: (client_name(x[0]), x[1])):
        vls = keys_v.get(key, [])
        vq = sum(x[1] for x in vls)
        c = sum(F(x[1]) * x[2] for x in vls) / vq if vq else None
        pq, p = agg_p.get(key, (0, None))
        vrows = sorted(x[0] for x in vls)
        prows = sorted(x[0] for x in keys_p.get(key, [])) if pq else []

        def f(t, amt, key=key, vrows=vrows, prows=prows):
            out.append(
                {
                    "type": t,
                    "client": client_name(key[0]),
                    "product": product_name(key[1]),
                    "vendor_rows": vrows,
                    "psa_rows": prows,
                    "monthly_impact": half_up(amt),
                    "classes": key_classes(key),
                }
            )

        if vq > 0 and not pq:
            f("unbilled", vq * med.get(key[1], c))
        elif vq > pq > 0:
            f("under_billed", (vq - pq) * p)
        elif pq > vq > 0:
            f("over_billed", (pq - vq) * p)
        elif pq > 0 and not vls and p > 0:
            f("no_vendor_record", pq * p)
        if vq > 0 and pq > 0 and p < c:
            f("below_cost", (c - p) * min(vq, pq))
    return out


def compute_findings(case):
    from .catalog import BY_KEY

    byid = {c["id"]: c for c in case.clients}
    kv, kp, kcls = {}, {}, {}
    for v in case.vlines:
        kv.setdefault((v.cid, v.product), []).append((v.row, v.qty, v.unit))
        kcls.setdefault((v.cid, v.product), set()).update(v.classes)
    for p in case.plines:
        if p.role == "licence":
            kp.setdefault((p.cid, p.product), []).append((p.row, p.qty, p.unit))
            kcls.setdefault((p.cid, p.product), set()).update(p.classes)
    return compute_findings_from(
        kv,
        kp,
        lambda cid: byid[cid]["canonical"],
        lambda k: BY_KEY[k].name,
        lambda key: sorted(kcls.get(key, set()) | set(byid[key[0]]["cclasses"])),
    )
