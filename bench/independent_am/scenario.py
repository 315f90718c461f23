"""The numbers of a case (seed + clients only) and the PSA spellings (seed + clients + PSA format)."""

from __future__ import annotations

import random
import re
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .catalog import BY_KEY, LOOKALIKE_GROUPS, SERVICES, TYPO
from .names import families, psa_name, slug, strip_accents

CENT = Decimal("0.01")


@dataclass
class VLine:
    cid: int
    product: str
    qty: int
    unit: Decimal  # monthly unit cost
    yearly: bool = False
    role: str = "licence"
    sub: int = 1
    row: int = 0


@dataclass
class PLine:
    cid: int
    product: str | None
    qty: int
    unit: Decimal  # monthly unit price
    role: str = "licence"
    yearly_pref: bool = False  # billed yearly where the format can say so
    text: str = ""
    classes: list = field(default_factory=list)
    row: int = 0
    less_included: int = 0
    discount: Decimal | None = None  # percent, Xero only
    list_unit: Decimal | None = None
    yearly: bool = False  # as written


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    keys: int = 0


def money(x):
    return Decimal(x).quantize(CENT, rounding=ROUND_HALF_UP)


def frac_cents(x: Fraction) -> str:
    q = (x * 100 + Fraction(1, 2)).__floor__()
    return str((Decimal(q) / 100).quantize(CENT))


def _r05(x):
    return (Decimal(x) * 20).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 20


def basket(kind, rng):
    b = []

    def add(k, q):
        if q > 0:
            b.append((k, int(q)))

    R = rng.random
    if kind == "primary":
        staff, pupils = rng.randint(12, 45), rng.randint(90, 420)
        x = R()
        if x < 0.6:
            add("o365a1f", staff)
            add("o365a1s", pupils)
            if R() < 0.12:
                add("o365a1pf", rng.randint(3, 9))
        elif x < 0.85:
            add("m365a3f", staff)
            add("m365a3sub", pupils)
        else:
            add("o365a1pf", staff)
            add("o365a1ps", pupils)
        for k, p, q in [
            ("swf", 0.6, pupils + staff),
            ("swm", 0.3, pupils),
            ("jamfs", 0.4, rng.randint(16, 120)),
            ("meef", 0.25, staff),
            ("mees", 0.25, pupils),
            ("intedu", 0.3, rng.randint(20, 90)),
            ("acr365", 0.35, staff),
            ("mdep1edu", 0.2, staff),
        ]:
            if R() < p:
                add(k, q)
    elif kind == "secondary":
        staff, pupils = rng.randint(60, 180), rng.randint(600, 1600)
        x = R()
        if x < 0.35:
            add("m365a3f", staff)
            add("m365a3sub", pupils)
        elif x < 0.55:
            add("m365a5f", staff)
            add("m365a5sub", pupils)
        elif x < 0.75:
            add("o365a3f", staff)
            add("o365a3s", pupils)
        else:
            add("m365a3f", staff)
            add("m365a3s", pupils)
        for k, p, q in [
            ("swf", 0.7, pupils + staff),
            ("swm", 0.5, pupils),
            ("adobenu", 0.3, rng.randint(5, 25)),
            ("adobesd", 0.3, rng.randint(20, 90)),
            ("mtrpedu", 0.2, rng.randint(1, 6)),
            ("mdep1edu", 0.35, staff),
            ("meef", 0.2, rng.randint(4, 12)),
            ("mees", 0.2, rng.randint(60, 240)),
            ("jamfs", 0.3, rng.randint(30, 200)),
            ("o365a1ps", 0.15, rng.randint(50, 200)),
            ("keepe", 0.15, staff // 3),
        ]:
            if R() < p:
                add(k, q)
    elif kind == "mat":
        staff = rng.randint(8, 40)
        add("m365a5f", staff)
        for k, p, q in [
            ("mtrpedu", 0.6, rng.randint(1, 4)),
            ("keepe", 0.6, staff),
            ("zoomp", 0.4, rng.randint(2, 8)),
            ("acr365", 0.5, staff),
            ("mdep1edu", 0.4, staff),
        ]:
            if R() < p:
                add(k, q)
    elif kind == "college":
        staff, stu = rng.randint(120, 400), rng.randint(1200, 4000)
        add("m365a3f", staff)
        add("m365a3s", stu)
        for k, p, q in [
            ("o365a1ps", 0.3, rng.randint(100, 600)),
            ("adobesd", 0.5, rng.randint(40, 160)),
            ("adobenu", 0.4, rng.randint(10, 40)),
            ("mdep1edu", 0.5, staff),
            ("mtrpedu", 0.3, rng.randint(2, 12)),
            ("zoomb", 0.3, rng.randint(3, 15)),
            ("m365a5f", 0.2, rng.randint(5, 20)),
        ]:
            if R() < p:
                add(k, q)
    elif kind == "council":
        staff = rng.randint(80, 900)
        for k, p, q in [
            ("m365e3", 0.7, staff),
            ("o365e3", 0.5, rng.randint(20, 200)),
            ("o365e1", 0.4, rng.randint(20, 60)),
            ("m365f3", 0.5, rng.randint(30, 300)),
            ("exo1", 0.3, rng.randint(10, 80)),
            ("mtrp", 0.4, rng.randint(1, 8)),
            ("mimecast", 0.6, staff),
            ("keepe", 0.4, rng.randint(10, 60)),
            ("zoomb", 0.3, rng.randint(3, 20)),
            ("mdep1", 0.4, staff),
        ]:
            if R() < p:
                add(k, q)
    elif kind == "charity":
        staff = rng.randint(4, 60)
        for k, p, q in [
            ("bpdon", 0.6, min(10, staff)),
            ("bpnpo", 0.5, max(staff - 10, rng.randint(2, 8))),
            ("bbnpo", 0.5, rng.randint(5, 80)),
            ("bp", 0.15, rng.randint(1, 5)),
            ("exo1", 0.3, rng.randint(2, 20)),
            ("keepb", 0.4, staff),
            ("acrws", 0.3, rng.randint(3, 30)),
            ("zoomp", 0.3, rng.randint(1, 5)),
            ("mdb", 0.2, staff),
        ]:
            if R() < p:
                add(k, q)
    elif kind == "parish":
        for k, p, q in [
            ("bb", 0.5, rng.randint(2, 12)),
            ("bs", 0.4, rng.randint(1, 5)),
            ("bp", 0.3, rng.randint(1, 4)),
            ("exo1", 0.4, rng.randint(2, 14)),
            ("keepb", 0.3, rng.randint(2, 6)),
        ]:
            if R() < p:
                add(k, q)
    elif kind == "church":
        for k, p, q in [
            ("bbnpo", 0.7, rng.randint(2, 25)),
            ("bpdon", 0.6, rng.randint(1, 10)),
            ("exo1", 0.3, rng.randint(1, 6)),
            ("zoomp", 0.3, 1),
        ]:
            if R() < p:
                add(k, q)
    elif kind == "pta":
        if R() < 0.5:
            add("bbnpo", rng.randint(2, 8))
        else:
            add("bpdon", rng.randint(1, 5))
        if R() < 0.4:
            add("zoomp", 1)
    else:
        staff = rng.randint(3, 45)
        for k, p, q in [
            ("bp", 0.7, staff),
            ("bb", 0.4, rng.randint(2, 15)),
            ("bs", 0.3, rng.randint(1, 10)),
            ("mdb", 0.4, staff),
            ("keepb", 0.4, staff),
            ("acrws", 0.4, staff),
            ("zoomp", 0.3, rng.randint(1, 4)),
            ("exo1", 0.2, rng.randint(1, 6)),
        ]:
            if R() < p:
                add(k, q)
    seen, out = set(), []
    for k, q in b:
        if k not in seen:
            seen.add(k)
            out.append((k, q))
    return out


def build_numbers(seed, n_clients):
    """Clients, keys, vendor lines and PSA lines with numbers; no PSA spellings yet."""
    rng = random.Random(f"AM-numbers|{seed}|{n_clients}")
    clients = []
    for fi, fam in enumerate(families(rng, n_clients)):
        mat = fam[0][0] if fam[0][1] == "mat" else None
        for canonical, kind in fam:
            c = {
                "id": len(clients),
                "canonical": canonical,
                "kind": kind,
                "family": fi,
                "siblings": len(fam) > 1,
                "mat": mat if (mat and canonical != mat) else None,
                "charity_no": None,
            }
            if kind in ("charity", "church", "pta"):
                c["charity_no"] = str(rng.randint(1010000, 1209999))
            clients.append(c)
    # domains
    used = set()
    for c in clients:
        d = slug(c["canonical"])[:22] or "tenant"
        base, i = d, 2
        while d in used:
            d, i = f"{base}{i}", i + 1
        used.add(d)
        c["domain"] = f"{d}.onmicrosoft.com"
    # which side(s); siblings are always on both sides
    for c in clients:
        x = rng.random()
        c["side"] = "both"
        if not c["siblings"] and x < 0.03:
            c["side"] = "vendor"
        elif not c["siblings"] and x < 0.055:
            c["side"] = "psa"
    vlines, plines, nkeys = [], [], 0
    for c in clients:
        items = basket(c["kind"], rng)
        while len(items) < 2:
            extra = basket(c["kind"], rng)
            items += [(k, q) for k, q in extra if k not in {i[0] for i in items}][:2]
        c["holds"] = []
        for k, q in items:
            prod = BY_KEY[k]
            nkeys += 1
            cost = prod.cost
            if c["side"] == "vendor":
                state = "unbilled"
            elif c["side"] == "psa":
                state = "nvr"
            elif prod.free:
                x = rng.random()
                state = "ok" if x < 0.91 else ("unbilled" if x < 0.95 else "nvr")
            else:
                x = rng.random()
                state = (
                    "ok"
                    if x < 0.68
                    else "unbilled"
                    if x < 0.74
                    else "under"
                    if x < 0.81
                    else "over"
                    if x < 0.87
                    else "below"
                    if x < 0.93
                    else "under_below"
                    if x < 0.95
                    else "nvr"
                )
            vq, pq = q, q
            if state in ("under", "under_below"):
                pq = max(1, q - rng.randint(1, max(1, min(12, q // 4 + 1))))
                if pq == q:
                    vq = q + 1
            elif state == "over":
                pq = q + rng.randint(1, max(1, min(10, q // 5 + 1)))
            has_v = state != "nvr"
            has_p = state != "unbilled"
            c["holds"].append((k, has_v, has_p))
            costs = []
            if has_v:
                if not prod.free and vq >= 4 and rng.random() < 0.22:
                    q1 = rng.randint(1, vq - 1)
                    c2 = cost if rng.random() < 0.5 else money(cost * Decimal("1.2"))
                    vl = [
                        VLine(c["id"], k, q1, cost, yearly=rng.random() < 0.25),
                        VLine(c["id"], k, vq - q1, c2, sub=2),
                    ]
                else:
                    vl = [
                        VLine(c["id"], k, vq, cost, yearly=(not prod.free) and rng.random() < 0.1)
                    ]
                if not prod.free and rng.random() < 0.08:
                    src = vl[-1]
                    src.yearly = False
                    src.qty += 1
                    vl.append(VLine(c["id"], k, -1, src.unit, role="credit", sub=src.sub))
                vlines.extend(vl)
                costs = [v.unit for v in vl]
            if has_p:
                if prod.free:
                    p = Decimal("0.00")
                elif state in ("below", "under_below"):
                    lo = min(costs)
                    p = money(lo * Decimal(rng.choice(["0.80", "0.85", "0.9", "0.95"])))
                    if p >= lo:
                        p = lo - CENT
                else:
                    hi = max(costs) if costs else cost
                    p = _r05(hi * Decimal(rng.choice(["1.15", "1.2", "1.25", "1.3", "1.4"])))
                    if p <= hi:
                        p = hi + Decimal("0.05")
                yp = (not prod.free) and rng.random() < 0.07
                if pq >= 4 and rng.random() < 0.08:
                    q1 = rng.randint(1, pq - 1)
                    plines.append(
                        PLine(
                            c["id"],
                            k,
                            q1,
                            p,
                            yearly_pref=yp,
                            classes=["seats_topped_up_second_line"],
                        )
                    )
                    plines.append(
                        PLine(
                            c["id"],
                            k,
                            pq - q1,
                            p,
                            yearly_pref=yp,
                            classes=["seats_topped_up_second_line"],
                        )
                    )
                else:
                    plines.append(PLine(c["id"], k, pq, p, yearly_pref=yp))
        if c["side"] != "vendor":
            for _ in range(rng.choice([0, 1, 1, 2])):
                s = rng.choice(SERVICES)
                plines.append(
                    PLine(
                        c["id"],
                        None,
                        rng.choice([1, 1, 2, 4, 10]),
                        Decimal(rng.choice(["35", "60", "95", "145", "225", "450"])),
                        role="service",
                        text=s,
                        classes=["non_licence_service_line"],
                    )
                )
            if rng.random() < 0.07:
                held = {h[0] for h in c["holds"]}
                cands = [
                    k
                    for g in LOOKALIKE_GROUPS
                    for k in g
                    if any(h in g for h in held) and k not in held
                ]
                if cands:
                    k = cands[rng.randrange(len(cands))]
                    plines.append(
                        PLine(
                            c["id"],
                            k,
                            rng.randint(1, 30),
                            _r05(BY_KEY[k].cost * Decimal("1.25")) or Decimal("0.00"),
                            role="not_billed",
                            classes=["cancelled_edition_left_on"],
                        )
                    )
    return clients, vlines, plines, nkeys


def _holds_union(c):
    return {k for k, _v, _p in c["holds"]}


def _typo(text, rng):
    words = [w for w in TYPO if w in text.split()]
    if not words:
        return None
    w = words[rng.randrange(len(words))]
    parts = text.split()
    i = parts.index(w)
    parts[i] = rng.choice(TYPO[w])
    return " ".join(parts)


TAILS = [" - per user/month", " licence", " subs", " - monthly", " (per user)", " - Nov 2026"]


STOP = {"school", "sch", "the", "of", "ltd", "limited", "and", "s"}


def toks(name):
    return set(re.findall(r"[a-z0-9]+", strip_accents(name).lower())) - STOP


def spell(clients, plines, seed, n_clients, psa_format, perturb):
    """PSA client names and descriptions; classes of every PSA line and client."""
    byid = {c["id"]: c for c in clients}
    canon = [(c["id"], toks(c["canonical"])) for c in clients]
    for c in clients:
        rng = random.Random(f"AM-client|{seed}|{n_clients}|{psa_format}|{c['id']}")
        cc = []
        if c["siblings"]:
            cc.append("sibling_body_on_books")
        if perturb:
            name, more = psa_name(c["canonical"], c["kind"], c["mat"], c["charity_no"], rng)
            core = re.split(r" \(| - ", name)[0]
            # fairness: a spelling whose words all belong to another client's name is not used
            if any(i != c["id"] and (toks(name) <= t or toks(core) <= t) for i, t in canon):
                name, more = c["canonical"], []
            c["psa_name"] = name
            cc += more
        else:
            c["psa_name"] = c["canonical"]
        c["cclasses"] = cc
    for i, pl in enumerate(plines):
        rng = random.Random(f"AM-desc|{seed}|{n_clients}|{psa_format}|{i}")
        c = byid[pl.cid]
        if pl.product is None:
            continue
        prod = BY_KEY[pl.product]
        held = _holds_union(c)
        has_v = any(k == pl.product and v for k, v, _p in c["holds"])
        for g in LOOKALIKE_GROUPS:
            if pl.product in g and any(h in g and h != pl.product for h in held):
                if "sister_sku_on_same_account" not in pl.classes:
                    pl.classes.append("sister_sku_on_same_account")
        text = prod.name
        if prod.free and pl.role == "licence":
            pl.classes.append("zero_priced_grant_line")
        if perturb and rng.random() < 0.78:
            ok = [
                s
                for s in prod.spellings
                if not (set(s[1]) & held) and (has_v or not s[2]) and pl.role == "licence"
            ]
            if pl.role != "licence":
                ok = [s for s in prod.spellings if not (set(s[1]) & held) and not s[2]]
            if ok:
                s = ok[rng.randrange(len(ok))]
                text = s[0]
                pl.classes.append(s[3])
            if rng.random() < 0.14:
                t = _typo(text, rng)
                if t:
                    text = t
                    pl.classes.append("fat_finger_letter_swap")
            if rng.random() < 0.16:
                text += rng.choice(TAILS)
                pl.classes.append("uk_licence_billing_tail")
        pl.text = text


def impacts(clients, vlines, plines):
    """The README's rules, exactly, over the lines that count."""
    byid = {c["id"]: c for c in clients}
    V, PS = {}, {}
    for v in vlines:
        if v.role in ("licence", "credit"):
            V.setdefault((v.cid, v.product), []).append(v)
    for p in plines:
        if p.role == "licence":
            PS.setdefault((p.cid, p.product), []).append(p)

    def wavg(lines, qty):
        q = sum(qty(x) for x in lines)
        return q, (
            Fraction(sum(Fraction(qty(x)) * Fraction(x.unit) for x in lines), q) if q else None
        )

    pinfo = {k: wavg(ls, lambda x: x.qty - x.less_included) for k, ls in PS.items()}
    med = {}
    for (cid, prod), (pq, p) in pinfo.items():
        if pq > 0:
            med.setdefault(prod, []).append(p)
    out = []
    for key in sorted(set(V) | set(PS), key=lambda k: (k[0], BY_KEY[k[1]].name)):
        cid, prod = key
        vl, pl = V.get(key, []), PS.get(key, [])
        vq, c = wavg(vl, lambda x: x.qty) if vl else (0, None)
        pq, p = pinfo.get(key, (0, None))
        f = []
        if vq > 0 and not pl:
            m = statistics.median(med[prod]) if prod in med else c
            f.append(("unbilled", vq * m))
        if vq > 0 and pq > 0:
            if vq > pq:
                f.append(("under_billed", (vq - pq) * p))
            if pq > vq:
                f.append(("over_billed", (pq - vq) * p))
            if p < c:
                f.append(("below_cost", (c - p) * min(vq, pq)))
        if pq > 0 and not vl and p != 0:
            f.append(("no_vendor_record", pq * p))
        for t, amt in f:
            out.append(
                {
                    "type": t,
                    "client": byid[cid]["canonical"],
                    "product": BY_KEY[prod].name,
                    "vendor_rows": sorted(v.row for v in vl),
                    "psa_rows": sorted(x.row for x in pl),
                    "monthly_impact": frac_cents(Fraction(amt)),
                    "_cid": cid,
                    "_prod": prod,
                }
            )
    return out
