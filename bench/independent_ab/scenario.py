"""Clients, baskets, lines and truth of set AB."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction as F
from statistics import median

from . import desc as D
from .catalog import BY_KEY, GROUPS, PAIRS
from .names import ES, GROUP_KINDS, LEGAL, MC, NL, OAP, PLAIN, SURN, TR, TRADE, client_name_variant

D2 = Decimal("0.01")


@dataclass
class VLine:
    cid: int
    product: str | None
    role: str  # licence / credit / service
    qty: int
    unit: Decimal  # monthly unit cost
    yearly: bool = False
    text: str = ""
    sub: str = ""
    row: int = 0


@dataclass
class PLine:
    cid: int
    product: str | None
    role: str  # licence / credit / service / not_billed
    qty: int
    unit: F  # monthly unit price (exact)
    text: str = ""
    yearly: bool = False
    list_price: Decimal | None = None  # with disc: unit = list × (1 − disc/100)
    disc: Decimal | None = None
    less: int = 0  # ConnectWise Less Included
    classes: list = field(default_factory=list)
    row: int = 0


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str = "USD"


def money(x) -> Decimal:
    return Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, F) else Decimal(x)


def half_up(fr: F) -> str:
    if fr < 0:
        raise ValueError(fr)
    n = math.floor(F(fr) * 100 + F(1, 2))
    return f"{n // 100}.{n % 100:02d}"


def _clients(rng, n):
    out, names = [], set()
    stems = (
        [(s, "plain", None) for s in PLAIN]
        + [(s, "surn", None) for s in SURN]
        + [(s, "mc", None) for s in MC]
        + [(s, "oap", None) for s in OAP]
        + [(s, "nl", None) for s in NL]
        + [(s, "es", None) for s in ES]
        + [(a, "tr", b) for a, b in TR]
    )
    gid = 0
    while len(out) < n:
        s, kind, alt = rng.choice(stems)
        if rng.random() < 0.16 and n - len(out) >= 3 and kind in ("plain", "surn"):
            pat = rng.choice(GROUP_KINDS)
            lf = rng.choice(["Ltd", "Pty Ltd", "LLC"])
            nums = sorted(rng.sample(range(1, 40), 3))
            group = [p.format(s=s, l=lf, n1=nums[0], n2=nums[1], n3=nums[2]).strip() for p in pat]
            if any(g in names for g in group):
                continue
            gid += 1
            for g in group:
                names.add(g)
                out.append(
                    {
                        "canonical": g,
                        "stem": s,
                        "kind": "group",
                        "alt": None,
                        "legal": lf,
                        "trade": "Group",
                        "group": gid,
                    }
                )
            continue
        trade = rng.choice(TRADE)
        lf = rng.choice(LEGAL)
        pre = "The " if kind == "plain" and rng.random() < 0.06 else ""
        nm = f"{pre}{s} {trade} {lf}"
        if nm in names:
            continue
        names.add(nm)
        out.append(
            {
                "canonical": nm,
                "stem": s,
                "kind": kind,
                "alt": alt,
                "legal": lf,
                "trade": trade,
                "group": 0,
            }
        )
    out = out[:n]
    for i, c in enumerate(out):
        c["id"] = i
        c["tenant"] = (
            "".join(ch for ch in c["canonical"].lower().split(" ")[0] if ch.isalnum())[:12]
            + "".join(ch for ch in c["canonical"].lower().split(" ")[1][:4] if ch.isalnum())
            if len(c["canonical"].split(" ")) > 1
            else "tenant"
        )
        c["tenant"] += str(i % 7) if i % 3 == 0 else ""
    return out


def _basket(rng, users):
    keys = []
    r = rng.random()
    suite = (
        rng.choices(GROUPS["suite"], weights=[14, 16, 30, 4, 8, 4, 6, 3])[0] if r < 0.93 else None
    )
    if suite:
        keys.append(suite)
    else:
        keys.append(rng.choice(GROUPS["mail"]))
    extras = [
        ("mail", 0.14),
        ("cloudpc", 0.14),
        ("voice", 0.26),
        ("bi", 0.14),
        ("project", 0.17),
        ("identity", 0.14),
        ("mdm", 0.09),
        ("ai", 0.17),
        ("erp", 0.07),
        ("msdef", 0.20),
        ("backup", 0.75),
        ("edr", 0.75),
        ("emailsec", 0.50),
        ("pwd", 0.42),
        ("dns", 0.32),
        ("sat", 0.36),
        ("pdf", 0.36),
        ("esign", 0.14),
        ("files", 0.14),
        ("vpn", 0.11),
        ("rmm", 0.26),
    ]
    for g, pr in extras:
        if rng.random() < pr:
            k = rng.choice(GROUPS[g])
            if k not in keys:
                keys.append(k)
    if rng.random() < 0.22:
        a, b = rng.choice(PAIRS)
        for k in (a, b):
            if k not in keys:
                keys.append(k)
    while len(keys) < 2:
        k = rng.choice(GROUPS["backup"] + GROUPS["edr"])
        if k not in keys:
            keys.append(k)
    return keys[:8]


def _qty(rng, p, users):
    if p.unit == "server":
        return rng.randint(1, 4)
    if p.unit == "room":
        return rng.randint(1, 3)
    if p.unit == "pack":
        return rng.randint(1, 2)
    if p.unit == "device":
        return max(1, users + rng.randint(-2, 6))
    if p.cat in (
        "AI",
        "Cloud PC",
        "Project & Visio",
        "Dynamics 365",
        "Identity",
        "E-signature",
    ) or p.key in ("E5SEC", "PBIPPU", "TDCP"):
        return max(1, min(users, rng.randint(1, max(1, users // 3))))
    return users


def build_case(seed, psa_format, clients, currency, perturb, pcaps, vcaps):
    rng = random.Random(f"AB|{seed}|{clients}")
    cl = _clients(rng, clients)
    for c in cl:
        r = rng.random()
        c["side"] = "both" if c["group"] or r > 0.055 else ("vendor" if r < 0.03 else "psa")
        c["users"] = max(1, min(150, int(rng.lognormvariate(2.4, 0.8))))
        c["basket"] = _basket(rng, c["users"])
        c["lang"] = rng.choice(list(D.LANG)) if rng.random() < 0.05 else ""
        c["bundle"] = rng.random() < 0.06
    vlines, keyinfo = [], []
    for c in cl:
        for k in c["basket"]:
            p = BY_KEY[k]
            vq = _qty(rng, p, c["users"])
            cost = p.cost
            if not p.free and rng.random() < 0.08:
                cost = (cost * Decimal("0.95")).quantize(D2)
            price = p.price
            if not p.free and rng.random() < 0.15:
                price = (price * Decimal(rng.choice(["0.9", "0.95", "1.05", "1.1"]))).quantize(D2)
            pq = vq
            r = rng.random()
            fate = "ok"
            if not p.free:
                if r < 0.07:
                    fate = "unbilled"
                elif r < 0.15 and vq > 1:
                    fate = "under"
                    pq = vq - rng.randint(1, max(1, min(5, vq - 1)))
                elif r < 0.21:
                    fate = "over"
                    pq = vq + rng.randint(1, 4)
                elif r < 0.28:
                    fate = "below"
                    price = (
                        cost * Decimal(rng.choice(["0.8", "0.85", "0.9", "0.95", "0.97"]))
                    ).quantize(D2)
                elif r < 0.30 and vq > 1:
                    fate = "under+below"
                    pq = vq - 1
                    price = (cost * Decimal("0.9")).quantize(D2)
            if c["side"] == "vendor":
                fate = "unbilled"
            keyinfo.append((c, k, vq, pq, cost, price, fate))
    # vendor lines
    for c, k, vq, pq, cost, price, fate in keyinfo:  # noqa: B007
        if c["side"] == "psa":
            continue
        p = BY_KEY[k]
        r = rng.random()
        subn = rng.randint(10000, 99999)
        if r < 0.22 and vq >= 3 and not p.free:
            a = rng.randint(1, vq - 1)
            c2 = (cost * Decimal("1.2")).quantize(D2) if rng.random() < 0.5 else cost
            vlines.append(
                VLine(
                    c["id"],
                    k,
                    "licence",
                    vq - a,
                    cost,
                    rng.random() < 0.4 and vcaps.get("yearly", True),
                    sub=f"S{subn}A",
                )
            )
            vlines.append(VLine(c["id"], k, "licence", a, c2, False, sub=f"S{subn}B"))
        elif r < 0.30 and not p.free:
            vlines.append(VLine(c["id"], k, "licence", vq + 1, cost, False, sub=f"S{subn}A"))
            vlines.append(VLine(c["id"], k, "credit", -1, cost, False, sub=f"S{subn}A"))
        else:
            vlines.append(
                VLine(
                    c["id"],
                    k,
                    "licence",
                    vq,
                    cost,
                    (not p.free) and rng.random() < 0.12 and vcaps.get("yearly", True),
                    sub=f"S{subn}A",
                )
            )
    for c in cl:
        if c["side"] != "psa" and rng.random() < 0.04 and vcaps.get("services", True):
            vlines.append(
                VLine(
                    c["id"],
                    None,
                    "service",
                    1,
                    Decimal(rng.choice(["150.00", "95.00", "240.00"])),
                    text=rng.choice(
                        [
                            "Professional Services - Tenant Migration",
                            "Onboarding fee - Cloud Marketplace",
                            "Hardware - Yealink T54W desk phone",
                        ]
                    ),
                )
            )
    # PSA
    prng = random.Random(f"AB-psa|{seed}|{clients}|{psa_format}")
    style = prng.choice(D.HOUSE)
    plines = []
    for c, k, vq, pq, cost, price, fate in keyinfo:  # noqa: B007
        if c["side"] == "vendor" or fate == "unbilled":
            continue
        p = BY_KEY[k]
        if p.free and rng.random() < 0.5:
            # half the free products are left off the bill (they cost nothing: no finding either way)
            continue
        if rng.random() < 0.09 and pq >= 2:
            a = rng.randint(1, pq - 1)
            plines.append(PLine(c["id"], k, "licence", pq - a, F(price), classes=[]))
            plines.append(PLine(c["id"], k, "licence", a, F(price), classes=["topup_second_line"]))
        else:
            plines.append(PLine(c["id"], k, "licence", pq, F(price)))
        if p.free:
            plines[-1].classes.append("free_included_zero_line")
    # PSA-only products (no vendor record) for some clients, and all of PSA-only clients' lines
    for c in cl:
        if c["side"] == "psa":
            continue
        if rng.random() < 0.12:
            have = set(c["basket"])
            cand = [
                k
                for g in ("pwd", "dns", "sat", "pdf", "files", "backup")
                for k in GROUPS[g]
                if k not in have and not any(k2 in have for k2 in GROUPS[g])
            ]
            if cand:
                k = rng.choice(cand)
                p = BY_KEY[k]
                plines.append(PLine(c["id"], k, "licence", _qty(rng, p, c["users"]), F(p.price)))
    # services
    svc = [
        "Managed Services - per user",
        "Backup monitoring - per device",
        "Helpdesk support block (10 h)",
        "Labour - remote support (hours)",
        "Dell Latitude 5450 laptop",
        "Firewall management - per site",
        "Microsoft 365 Business Premium setup (labour)",
        "Keeper onboarding session - 2 hrs",
    ]
    for c in cl:
        if c["side"] == "vendor":
            continue
        for _ in range(rng.choice([0, 1, 1, 2])):
            t = rng.choice(svc)
            q = c["users"] if "per user" in t else (rng.randint(1, 12) if "hour" in t else 1)
            pl = PLine(
                c["id"],
                None,
                "service",
                q,
                F(Decimal(rng.choice(["45.00", "120.00", "65.00", "890.00"]))),
                text=t,
            )
            if "setup" in t or "onboarding" in t:
                pl.classes.append("service_named_like_product")
            plines.append(pl)
    # cancelled / paused lines kept in the export
    if pcaps.get("not_billed"):
        for pl in list(plines):
            if pl.role == "licence" and pl.product and rng.random() < 0.04:
                plines.append(
                    PLine(
                        pl.cid,
                        pl.product,
                        "not_billed",
                        rng.randint(1, 5),
                        pl.unit,
                        classes=["cancelled_or_paused_kept"],
                    )
                )
    # yearly / discount / less-included, as the format can show them
    for pl in plines:
        if pl.role != "licence" or pl.unit == 0:
            continue
        if pcaps.get("yearly") and prng.random() < 0.10:
            pl.yearly = True
            pl.classes.append("psa_yearly_billed_line")
        if pcaps.get("discount") and prng.random() < 0.15:
            for d in ("10", "20", "12.5", "25", "5"):
                lp = money(pl.unit) / (1 - Decimal(d) / 100)
                if lp == lp.quantize(D2):
                    pl.list_price, pl.disc = lp.quantize(D2), Decimal(d)
                    pl.classes.append("round_pct_discount_line")
                    break
        if pcaps.get("less") and prng.random() < 0.08:
            pl.less = prng.randint(1, 2)
            pl.qty += pl.less
            pl.classes.append("less_included_seats")
    # descriptions
    byid = {c["id"]: c for c in cl}
    taken = set()
    for c in cl:
        if perturb:
            c["psa_name"], c["cclasses"] = client_name_variant(c, prng, taken)
        else:
            c["psa_name"], c["cclasses"] = c["canonical"], []
    for pl in plines:
        c = byid[pl.cid]
        if pl.product is None:
            continue
        p = BY_KEY[pl.product]
        if not perturb:
            pl.text = p.name
            pl.classes = [x for x in pl.classes if x in STRUCTURAL]
            continue
        t, cls = _describe(p, pl, c, style, prng)
        pl.text = t
        pl.classes = cls + pl.classes
    if not perturb:
        for pl in plines:
            pl.classes = [x for x in pl.classes if x in STRUCTURAL]
    return Case(cl, vlines, plines, currency), style


STRUCTURAL = {
    "topup_second_line",
    "free_included_zero_line",
    "cancelled_or_paused_kept",
    "psa_yearly_billed_line",
    "round_pct_discount_line",
    "less_included_seats",
}


def _describe(p, pl, c, style, rng):
    r = rng.random()
    cls = []
    if p.brand and r < 0.9:
        t, cls = p.brand, ["msp_own_brand_name"]
    elif p.old and r < 0.4:
        t = rng.choice(p.old)
        cls = ["ms_renamed_old_name" if p.maker == "Microsoft" else "maker_rebrand_old_name"]
    elif r < 0.08:
        t, cls = (
            (p.name + " [NCE]" if p.maker == "Microsoft" else p.name),
            ["hs_slip_vendor_spelling"],
        )
    else:
        t, cls = D.house(p, style), [style]
    if c["bundle"] and p.cat in ("Microsoft 365", "Backup", "Email security", "Security awareness"):
        t = f"Secure Workplace Pack - {t}"
        cls.append("bundle_pack_component")
    if c["lang"]:
        t = D.LANG[c["lang"]].format(t=t)
        cls.append(c["lang"])
    elif rng.random() < 0.45:
        opts = D.text_classes(
            t, p, pl.qty, {"price": f"{money(pl.unit):.2f}", "tenant": c["tenant"]}, rng
        )
        name, t2 = rng.choice(opts)
        t, cls = t2, [*cls, name]
    return t, cls


def compute_findings(case):
    """README's rules on the case's lines (exact, half-up once)."""
    byid = {c["id"]: c["canonical"] for c in case.clients}
    V, P = {}, {}
    for v in case.vlines:
        if v.role in ("licence", "credit") and v.product:
            e = V.setdefault((v.cid, v.product), {"q": 0, "a": F(0), "rows": []})
            e["q"] += v.qty
            e["a"] += v.qty * F(v.unit)
            e["rows"].append(v.row)
    for p in case.plines:
        if p.role in ("licence", "credit") and p.product:
            q = p.qty - p.less
            e = P.setdefault((p.cid, p.product), {"q": 0, "a": F(0), "rows": []})
            e["q"] += q
            e["a"] += q * p.unit
            e["rows"].append(p.row)
    return findings_from(V, P, byid)


def findings_from(V, P, byid):
    def unit(e):
        return e["a"] / e["q"] if e["q"] else F(0)

    med = {}
    for (_cid, k), e in P.items():
        if e["q"] > 0:
            med.setdefault(k, []).append(unit(e))
    med = {k: F(median(v)) for k, v in med.items()}
    out = []

    def add(t, cid, k, imp):
        if imp == 0 and BY_KEY[k].free:
            return  # a free product costs nothing: not reported
        ve, pe = V.get((cid, k)), P.get((cid, k))
        out.append(
            {
                "type": t,
                "client": byid[cid],
                "product": BY_KEY[k].name,
                "vendor_rows": sorted(ve["rows"]) if ve else [],
                "psa_rows": sorted(pe["rows"]) if pe else [],
                "monthly_impact": half_up(imp),
                "classes": [],
            }
        )

    for key in sorted(set(V) | set(P), key=lambda x: (byid[x[0]], x[1])):
        cid, k = key
        ve, pe = V.get(key), P.get(key)
        vq = ve["q"] if ve else 0
        pq = pe["q"] if pe else 0
        c = unit(ve) if ve else F(0)
        p = unit(pe) if pe else F(0)
        if vq > 0 and pq <= 0:
            add("unbilled", cid, k, vq * med.get(k, c))
        elif pq > 0 and vq <= 0:
            if p != 0:
                add("no_vendor_record", cid, k, pq * p)
        elif vq > 0 and pq > 0:
            if vq > pq:
                add("under_billed", cid, k, (vq - pq) * p)
            elif pq > vq:
                add("over_billed", cid, k, (pq - vq) * p)
            if p < c:
                add("below_cost", cid, k, (c - p) * min(vq, pq))
    for f in out:
        if f["monthly_impact"] == "0.00":
            raise AssertionError(f)
    return out
