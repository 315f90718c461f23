"""The month of one MSP: clients, vendor lines, PSA lines, and the findings README's rules give."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP
from decimal import Decimal as D
from fractions import Fraction as F

from .catalog import BASKETS, BY_KEY, EDITION_SWAP
from .desc import HOUSE_STYLES, LEAVERS, SITES, around, describe
from .names import group_label, make_clients, psa_name, vendor_name

CENT = D("0.01")


@dataclass
class VLine:
    cid: int
    key: str
    qty: int
    unit: D  # monthly unit cost
    term: str = "M"  # M: billed monthly, A: billed yearly (the bill shows 12 x unit)
    role: str = "licence"
    text: str = ""
    sub: str = ""
    row: int = 0


@dataclass
class PLine:
    cid: int
    key: str | None
    qty: int
    price: D  # monthly unit price
    role: str = "licence"
    text: str = ""
    classes: list = field(default_factory=list)
    row: int = 0
    start: str = "01/11/2026"
    end: str = "30/11/2026"


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    perturb: bool
    house: str


def r2(x):
    return D(x).quantize(CENT, ROUND_HALF_UP)


def _seats(rng, key):
    if key == "acr_srv":
        return rng.randint(1, 4)
    if key in ("copilot", "m365e5", "paprem", "pappsprem", "ds_bp", "ds_std"):
        return rng.randint(1, 8)
    return rng.choice([rng.randint(3, 12), rng.randint(5, 25), rng.randint(8, 45)])


def build_case(seed, clients, currency, perturb, layout_seed):
    rng = random.Random(f"AA|{seed}|{clients}")
    cl = make_clients(rng, clients)
    groups = {}
    for i, c in enumerate(cl):
        c["id"] = i
        if c["group"]:
            groups.setdefault(c["group"], []).append(c)
    # sides: ~5 % vendor-only, ~4 % PSA-only (never in a look-alike group, never an alias)
    for c in cl:
        r = rng.random()
        c["side"] = "both"
        if not c["group"] and c["kind"] != "alias":
            c["side"] = "vendor" if r < 0.09 else "psa" if r < 0.16 else "both"
    # baskets
    gb = {}
    for c in cl:
        if c["group"]:
            if c["group"] not in gb:
                base = list(rng.choice(BASKETS))
                gb[c["group"]] = (base, {k: _seats(rng, k) for k in base})
            base, seats = gb[c["group"]]
            prods = list(base)
            if rng.random() < 0.25:  # one member takes a look-alike edition
                i = rng.randrange(len(prods))
                alt = [a for a in EDITION_SWAP.get(prods[i], []) if a not in prods]
                if alt:
                    prods[i] = rng.choice(alt)
            if rng.random() < 0.75:
                extra = rng.choice(["exo1", "m365bb", "copilot", "acr_srv", "dp_std"])
                if extra not in prods:
                    prods.append(extra)
            c["seats"] = {
                k: max(1, seats.get(k, _seats(rng, k)) + rng.randint(-2, 2)) for k in prods
            }
        else:
            prods = list(rng.choice(BASKETS))
            rng.shuffle(prods)
            prods = prods[: rng.randint(min(3, len(prods)), len(prods))]
            for _ in range(rng.choice([1, 1, 2, 2])):
                extra = rng.choice(
                    [
                        "exo1",
                        "m365bb",
                        "mdo1",
                        "kb4_silver",
                        "hun_edr",
                        "acr_srv",
                        "entrap1",
                        "copilot",
                        "datto_saas",
                        "keeper_bus",
                        "dp_std",
                        "acro_std",
                    ]
                )
                if extra not in prods:
                    prods.append(extra)
            if rng.random() < 0.3:
                i = rng.randrange(len(prods))
                alt = [a for a in EDITION_SWAP.get(prods[i], []) if a not in prods]
                if alt:
                    prods[i] = rng.choice(alt)
            if rng.random() < 0.25:
                extra = rng.choice(list(BY_KEY))
                if extra not in prods:
                    prods.append(extra)
            if rng.random() < 0.12 and len(prods) < 8:  # two editions of one family at once
                alt = [a for a in EDITION_SWAP.get(prods[0], []) if a not in prods]
                if alt:
                    prods.append(rng.choice(alt))
            c["seats"] = {k: _seats(rng, k) for k in prods[:8]}
    # names
    lrng = random.Random(f"AA-names|{seed}|{clients}")
    for c in cl:
        g = group_label(groups[c["group"]]) if c["group"] else None
        pn, pc = psa_name(c, lrng, g)
        vn, vc = vendor_name(c, lrng)
        if perturb:
            c["pname"], c["pclasses"], c["vname"], c["vclasses"] = pn, pc, vn, vc
        else:
            c["pname"], c["pclasses"], c["vname"], c["vclasses"] = (
                c["canonical"],
                [],
                c["canonical"],
                [],
            )
        c["domain"] = (
            "".join(ch for ch in c["canonical"].lower().split(" pty")[0] if ch.isalnum())[:22]
            + ".com"
        )
    house = random.Random(f"AA-house|{layout_seed}").choice(HOUSE_STYLES)
    drng = random.Random(f"AA-desc|{seed}|{clients}|{house}")
    vlines, plines = [], []
    subn = 0
    for c in cl:
        nfp = c["kind"] == "school"
        site_code = None
        if c["side"] != "vendor" and drng.random() < 0.05:
            site_code = drng.choice(["SYD01", "MEL02", "BNE01", "HQ", "NYC1", "LDN"])
        bundle = drng.random() < 0.06 and c["side"] == "both"
        for key, vq in c["seats"].items():
            p = BY_KEY[key]
            cost = p.cost
            fate = "ok"
            if c["side"] == "vendor":
                fate = "unbilled"
            elif c["side"] == "psa":
                fate = "nvr"
            else:
                r = rng.random()
                fate = (
                    "unbilled"
                    if r < 0.055
                    else "under"
                    if r < 0.125
                    else "over"
                    if r < 0.18
                    else "below"
                    if r < 0.245
                    else "nvr"
                    if r < 0.27
                    else "ok"
                )
            # vendor side
            vparts = []
            if fate != "nvr":
                r = rng.random()
                if r < 0.22 and vq >= 4:  # two subscriptions, one on a monthly term at 1.2x
                    a = rng.randint(1, vq - 1)
                    vparts = [
                        (vq - a, cost, "M", "licence"),
                        (a, r2(cost * D("1.2")), "M", "licence"),
                    ]
                elif (
                    r < 0.27 and vq >= 6
                ):  # three: the main one, a monthly-term one, one billed yearly
                    a, b = rng.randint(1, 2), rng.randint(1, 2)
                    vparts = [
                        (vq - a - b, cost, "M", "licence"),
                        (a, r2(cost * D("1.2")), "M", "licence"),
                        (b, cost, "A", "licence"),
                    ]
                elif r < 0.37:  # billed yearly
                    vparts = [(vq, cost, "A", "licence")]
                elif r < 0.49 and vq >= 2:  # seats removed: credit line
                    k = rng.choice([1, 1, 2])
                    vparts = [(vq + k, cost, "M", "licence"), (-k, cost, "M", "credit")]
                else:
                    vparts = [(vq, cost, "M", "licence")]
                for q, u, t, role in vparts:
                    subn += 1
                    vlines.append(VLine(c["id"], key, q, u, t, role, sub=f"{subn:08x}-aa"))
            if fate == "unbilled":
                continue
            # PSA side
            vcost = (
                sum(F(q) * F(u) for q, u, _, _ in vparts) / sum(q for q, *_ in vparts)
                if vparts
                else F(cost)
            )
            pq = vq
            if fate == "under":
                pq = max(1, vq - rng.choice([1, 1, 2, 2, 3]))
                if pq == vq:
                    pq = vq + 1
            elif fate == "over":
                pq = vq + rng.choice([1, 1, 2, 3])
            markup = D(str(rng.choice([1.28, 1.3, 1.33, 1.35, 1.4, 1.45, 1.5])))
            price = r2(cost * markup)
            if price <= vcost:
                price = r2(D(vcost.numerator) / D(vcost.denominator) * markup)
            below = False
            if fate == "below" or (fate in ("under", "over") and rng.random() < 0.1):
                below = True
                price = (
                    D(vcost.numerator)
                    / D(vcost.denominator)
                    * D(str(rng.choice([0.9, 0.93, 0.95, 0.97])))
                ).quantize(CENT, ROUND_DOWN)
            bclass = []
            if bundle:
                bclass = ["bundle_component_price"]
            # split the PSA quantity over lines
            r = rng.random()
            parts = []
            if r < 0.1 and pq >= 3:
                a = rng.randint(1, min(3, pq - 1))
                parts = [(pq - a, "licence", None), (a, "licence", "midmonth_topup_line")]
            elif r < 0.16 and pq >= 4:
                a = rng.randint(1, pq // 2)
                parts = [(pq - a, "licence", None), (a, "licence", "second_site_same_product")]
            elif r < 0.22:
                k = rng.choice([1, 1, 2])
                parts = [(pq + k, "licence", None), (-k, "credit", "negative_qty_leaver_credit")]
            else:
                parts = [(pq, "licence", None)]
            for q, role, struct in parts:
                text, classes = describe(drng, house, key, qty=q, below=below, nfp=nfp)
                if struct == "midmonth_topup_line":
                    text += drng.choice(
                        [" - add'l seats from 12/11", " (added mid-month)", " - top-up 17 Nov"]
                    )
                elif struct == "second_site_same_product":
                    text += f" - {drng.choice(SITES)}"
                elif struct == "negative_qty_leaver_credit":
                    text = f"Credit: {text} - leaver {drng.choice(LEAVERS)}"
                if bundle:
                    text = f"{drng.choice(['Secure Office Bundle', 'Modern Workplace Pack', 'Essentials Bundle'])}: {text}"
                if site_code:
                    text = f"{site_code} - {text}"
                cls = (
                    classes
                    + ([struct] if struct else [])
                    + bclass
                    + (["site_code_prefix"] if site_code else [])
                )
                if below and fate == "below":
                    cls.append("vendor_rise_not_passed_on")
                if not perturb:
                    text, cls = p.name, []
                plines.append(PLine(c["id"], key, q, price, role, text, cls))
            if (
                rng.random() < 0.04
            ):  # last month's adjustment: service period in October, takes no part
                text, classes = describe(drng, house, key, extras_ok=False)
                span = "(01/10/2026 - 31/10/2026)"
                if perturb:
                    t, cls = f"Adj. Oct: {text} {span}", [*classes, "october_adjustment_line"]
                else:
                    t, cls = f"{p.name} {span}", []
                plines.append(
                    PLine(
                        c["id"],
                        key,
                        drng.randint(1, 2),
                        price,
                        "not_billed",
                        t,
                        cls,
                        start="01/10/2026",
                        end="31/10/2026",
                    )
                )
        if c["side"] != "vendor":
            svc = drng.sample(
                [
                    ("Managed Services - per user", None, (95, 110, 125)),
                    ("Helpdesk support block (10 hrs)", 1, (1150, 1250)),
                    ("Onsite labour (hours)", (2, 8), (150, 165)),
                    ("Managed backup monitoring per device", None, (8, 12)),
                    ("Dell Latitude 5450 laptop", 1, (1249, 1399)),
                    ("Network monitoring - per site", 1, (95, 145)),
                    ("Project labour - office move", (4, 16), (150, 180)),
                ],
                drng.randint(1, 3),
            )
            for s, qd, prices in svc:
                qty = qd if isinstance(qd, int) else drng.randint(*(qd or (2, 30)))
                price = D(str(drng.choice(prices)))
                t, cls = around(drng, s)
                if not perturb:
                    t, cls = s, []
                plines.append(PLine(c["id"], None, qty, price, "service", t, cls))
            if drng.random() < 0.05:
                s = drng.choice(
                    ["Loyalty discount 5%", "Multi-site discount", "Discount - annual prepay"]
                )
                t, cls = (
                    (s + drng.choice([" (JB)", ""]), ["client_discount_own_line"])
                    if perturb
                    else (s, [])
                )
                plines.append(
                    PLine(
                        c["id"], None, 1, D(str(-drng.choice([25, 40, 60, 85]))), "service", t, cls
                    )
                )
        if c["side"] != "psa" and drng.random() < 0.03:
            vlines.append(
                VLine(c["id"], "", 1, D("50.00"), "M", "service", text="Onboarding fee (one-time)")
            )
    return Case(cl, vlines, plines, currency, perturb, house)


def median(vals):
    s = sorted(vals)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def fr2(x: F) -> str:
    cents = x * 100
    q, rem = divmod(cents.numerator, cents.denominator)
    if rem * 2 >= cents.denominator:
        q += 1
    neg = x < 0
    if neg:
        raise ValueError("negative impact")
    return f"{q // 100}.{q % 100:02d}"


def keys_of(case):
    v, p = {}, {}
    for ln in case.vlines:
        if ln.role in ("licence", "credit"):
            v.setdefault((ln.cid, ln.key), []).append(ln)
    for ln in case.plines:
        if ln.role in ("licence", "credit"):
            p.setdefault((ln.cid, ln.key), []).append(ln)
    return v, p


def compute_findings(case):
    byid = {c["id"]: c for c in case.clients}
    v, p = keys_of(case)
    price = {}
    for k, ls in p.items():
        pq = sum(ln.qty for ln in ls)
        price[k] = (pq, sum(F(ln.qty) * F(ln.price) for ln in ls) / pq)
    med = {}
    for (_cid, key), (pq, pp) in price.items():
        if pq > 0:
            med.setdefault(key, []).append(pp)
    out = []
    for k in sorted(set(v) | set(p), key=lambda k: (byid[k[0]]["canonical"], k[1])):
        cid, key = k
        vrows = sorted(ln.row for ln in v.get(k, []))
        prows = sorted(ln.row for ln in p.get(k, []))
        classes = sorted(
            {c for ln in p.get(k, []) for c in ln.classes}
            | set(byid[cid]["pclasses"])
            | set(byid[cid]["vclasses"])
        )
        vq = sum(ln.qty for ln in v.get(k, []))
        c = sum(F(ln.qty) * F(ln.unit) for ln in v[k]) / vq if k in v else None
        pq, pp = price.get(k, (0, None))
        base = {
            "client": byid[cid]["canonical"],
            "product": BY_KEY[key].name,
            "vendor_rows": vrows,
            "psa_rows": prows,
            "classes": classes,
        }

        def add(t, imp, base=base):
            out.append({"type": t, **base, "monthly_impact": fr2(imp)})

        if k in v and k not in p:
            m = median(med[key]) if med.get(key) else c
            add("unbilled", vq * m)
            continue
        if k in p and k not in v:
            if pp != 0:
                add("no_vendor_record", pq * pp)
            continue
        if vq > pq > 0:
            add("under_billed", (vq - pq) * pp)
        elif pq > vq > 0:
            add("over_billed", (pq - vq) * pp)
        if pp < c:
            add("below_cost", (c - pp) * min(vq, pq))
    return out
