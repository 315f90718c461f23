"""The case: clients, vendor lines, PSA lines, people's spellings, and the findings by the rules."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from fractions import Fraction

from . import catalog as C
from .perturb import client_variant, product_variant, service_variant

PERIOD = "2026-11"


def rng_for(*parts) -> random.Random:
    h = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()
    return random.Random(int(h[:16], 16))


@dataclass
class Client:
    name: str  # canonical (truth) = the vendor-side legal name
    country: str
    kind: str  # plain | sibling | store | dba | accent
    side: str  # both | vendor | psa
    stem: str = ""
    form: str = ""
    words: list = field(default_factory=list)  # name words without legal form
    trading: str = ""  # dba name
    store_no: int = 0
    domain: str = ""
    cid: str = ""
    psa_name: str = ""  # as written on the PSA side
    classes: list = field(default_factory=list)


@dataclass
class VLine:
    client: str
    product: str
    qty: int
    unit: int  # cents per billing period (month, or year when yearly)
    yearly: bool
    role: str  # licence | credit | free
    sub: str = ""
    label: str = ""  # product name as the vendor writes it (free products)


@dataclass
class PLine:
    client: str
    product: str  # canonical product, or the service text
    qty: int
    unit: int  # cents per period, after discount
    list_unit: int  # before discount
    disc: int  # percent
    yearly: bool
    role: str  # licence | service | cancelled
    less: int = 0  # ConnectWise "less included"
    desc: str = ""  # as typed
    classes: list = field(default_factory=list)
    user: str = ""


@dataclass
class Case:
    seed: int
    n: int
    vendor_format: str
    psa_format: str
    perturb: bool
    currency: str
    clients: list
    vlines: list
    plines: list
    findings: list = field(default_factory=list)


OUTCOMES = [
    ("ok", 66),
    ("under", 6),
    ("over", 6),
    ("below", 5),
    ("below_under", 2),
    ("unbilled", 4),
    ("nvr", 3),
    ("ok_credit", 6),
    ("swap", 2),
]


def _pick(r, weighted):
    tot = sum(w for _, w in weighted)
    x = r.random() * tot
    for k, w in weighted:
        x -= w
        if x < 0:
            return k
    return weighted[-1][0]


def _slug(s):
    import unicodedata

    t = unicodedata.normalize(
        "NFKD",
        s.replace("ø", "o")
        .replace("æ", "ae")
        .replace("ß", "ss")
        .replace("Ø", "O")
        .replace("Æ", "Ae"),
    )
    t = "".join(ch for ch in t if ch.isalnum() and ord(ch) < 128)
    return t.lower()[:20] or "tenant"


def build_clients(r: random.Random, n: int) -> list:
    out: list = []
    used: set = set()

    def bare(cl):  # names must stay apart even without their legal form
        return " ".join(cl.words).casefold()

    def add(cl):
        if bare(cl) in used:
            return False
        used.add(bare(cl))
        out.append(cl)
        return True

    chains_used = 0
    dba_used = 0
    while len(out) < n:
        k = r.random()
        country = r.choice(sorted(C.COUNTRIES))
        form = r.choice(C.COUNTRIES[country]["forms"])
        if k < 0.08 and chains_used < len(C.CHAINS) and n - len(out) >= 3:
            chain = C.CHAINS[chains_used]
            chains_used += 1
            nos = sorted(r.sample(range(2, 60), r.choice([2, 3])))
            for no in nos:  # franchise stores: tenant named by store, no legal form
                words = chain.split() + ["Store", str(no)]
                add(Client(" ".join(words), "US", "store", "both", chain, "", words, store_no=no))
            continue
        if k < 0.13 and dba_used < len(C.DBA):
            legal, trade = C.DBA[dba_used]
            dba_used += 1
            form = r.choice(["LLC", "Inc."])
            add(
                Client(
                    f"{legal} {form}",
                    "US",
                    "dba",
                    "both",
                    legal,
                    form,
                    legal.split(),
                    trading=trade,
                )
            )
            continue
        stem = r.choice(C.STEMS[country])
        if country in C.LOCAL_INDUSTRY and r.random() < 0.6:
            ind, sib = r.choice(C.LOCAL_INDUSTRY[country]), None
        else:
            ind, sib = r.choice(C.INDUSTRIES)
        words = stem.split() + list(ind)
        kind = "accent" if any(ord(ch) > 127 for ch in stem) else "plain"
        if sib and r.random() < 0.35 and n - len(out) >= 2:
            w2 = stem.split() + list(sib)
            a = Client(" ".join(words) + " " + form, country, "sibling", "both", stem, form, words)
            b = Client(" ".join(w2) + " " + form, country, "sibling", "both", stem, form, w2)
            if bare(a) not in used and bare(b) not in used:
                add(a)
                add(b)
            continue
        add(Client(" ".join(words) + " " + form, country, kind, "both", stem, form, words))
    out = out[:n]
    # one side only
    idx = list(range(len(out)))
    r.shuffle(idx)
    nv = max(1, round(n * 0.025))
    npsa = max(1, round(n * 0.025))
    for i in idx[:nv]:
        out[i].side = "vendor"
    for i in idx[nv : nv + npsa]:
        out[i].side = "psa"
    # near-twin trap: a sibling pair split across the two files must never be merged
    sib = [
        i
        for i in range(len(out) - 1)
        if out[i].kind == "sibling"
        and out[i + 1].kind == "sibling"
        and out[i].stem == out[i + 1].stem
        and out[i].side == out[i + 1].side == "both"
    ]
    for i in sib[: 0 if n < 100 else 1 if n < 200 else 2]:
        out[i].side, out[i + 1].side = "vendor", "psa"
    for i, cl in enumerate(out):
        cl.domain = f"{_slug(cl.name)}{i}.onmicrosoft.com"
        h = hashlib.md5(cl.name.encode()).hexdigest()
        cl.cid = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"
    return out


def pick_basket(r, ms_only: bool) -> list:
    ms_base = [
        "Microsoft 365 Business Basic",
        "Microsoft 365 Business Standard",
        "Microsoft 365 Business Premium",
        "Microsoft 365 E3",
        "Microsoft 365 E5",
        "Office 365 E3",
        "Office 365 E1",
        "Microsoft 365 E3 (no Teams)",
        "Exchange Online (Plan 1)",
        "Microsoft 365 F3",
    ]
    weights = [10, 12, 16, 7, 4, 5, 3, 3, 6, 3]
    base = r.choices(ms_base, weights)[0]
    basket = [base]
    addons = [p.name for p in C.MS if p.name not in ms_base] + [
        "Exchange Online (Plan 2)",
        "Microsoft 365 F1",
        "Exchange Online (Plan 1)",
        "Office 365 E5",
    ]
    # look-alike pairs on purpose
    if base == "Microsoft 365 E5" and r.random() < 0.5:
        basket.append("Microsoft 365 E5 Security")
    if base in ("Microsoft 365 E3", "Office 365 E3") and r.random() < 0.4:
        basket.append("Microsoft 365 E5 Security")
    if base.startswith("Microsoft 365 Business") and r.random() < 0.4:
        basket.append(
            r.choice(
                [
                    "Microsoft 365 Business Basic",
                    "Microsoft 365 Business Standard",
                    "Microsoft 365 Business Premium",
                ]
            )
        )
    if base == "Microsoft 365 F3" and r.random() < 0.5:
        basket.append("Microsoft 365 F1")
    if base == "Exchange Online (Plan 1)" and r.random() < 0.4:
        basket.append("Exchange Online (Plan 2)")
    for _ in range(r.choice([1, 1, 2, 2, 3])):
        basket.append(r.choice(addons))
    if not ms_only:
        for _ in range(r.choice([0, 1, 1, 2, 3])):
            basket.append(r.choice([p.name for p in C.OTHER]))
    seen = []
    for b in basket:
        if b not in seen:
            seen.append(b)
    return seen


def _round10(x):
    return int(round(x / 10.0)) * 10


def build_case(
    seed, n, vendor_format, psa_format, perturb, currency, ms_only, psa_period=True
) -> Case:
    r = rng_for("case-m", seed, n)  # the scenario does not depend on the formats
    clients = build_clients(r, n)
    vlines: list = []
    plines: list = []
    sub_no = 0
    for cl in clients:
        basket = pick_basket(r, ms_only=False)
        if ms_only:
            # Partner Center bills carry Microsoft only; keep the same random stream length
            basket = [b for b in basket if C.PRODUCTS[b].brand == "Microsoft"]
        price_factor = r.choice([100, 100, 100, 95, 105, 110, 90])
        users = [
            f"{fn}.{ln}"
            for fn, ln in zip(
                r.sample(
                    [
                        "anna",
                        "ben",
                        "chloe",
                        "dev",
                        "erik",
                        "fatima",
                        "gus",
                        "hana",
                        "ivan",
                        "jo",
                        "kai",
                        "lena",
                    ],
                    6,
                ),
                r.sample(
                    [
                        "smith",
                        "berg",
                        "olsen",
                        "martin",
                        "kowalski",
                        "nguyen",
                        "patel",
                        "dubois",
                        "meyer",
                        "hansen",
                    ],
                    6,
                ),
            )
        ]
        for prod_name in basket:
            prod = C.PRODUCTS[prod_name]
            if cl.side == "vendor":
                outcome = "unbilled"
            elif cl.side == "psa":
                outcome = "nvr"
            else:
                outcome = _pick(r, OUTCOMES)
            vq = r.choice([1, 2, 3, 4, 5, 5, 6, 8, 10, 12, 15, 20, 25, 40])
            if outcome in ("under", "below_under"):
                vq = max(vq, 3)
            cost = prod.cost
            raise_cost = outcome in ("below", "below_under") and r.random() < 0.7
            if raise_cost:  # price rise the PSA has not followed
                cost = _round10(prod.cost * 1.10) or prod.cost + 10
            yearly_v = prod.annual_ok and r.random() < 0.18
            # vendor lines
            if outcome != "nvr":
                subs = [vq]
                if vq >= 4 and r.random() < 0.18:
                    a = r.randint(1, vq - 1)
                    subs = [a, vq - a]
                for j, q in enumerate(subs):
                    sub_no += 1
                    unit = cost * 12 if yearly_v else cost
                    if yearly_v and r.random() < 0.4:
                        unit = cost * 12 - r.choice(
                            [12, 36, 100, 240]
                        )  # annual upfront discount: monthly is a fraction
                    if outcome == "ok_credit" and j == 0 and len(subs) == 1:
                        extra = r.randint(1, 3)
                        vlines.append(
                            VLine(
                                cl.name,
                                prod_name,
                                q + extra,
                                unit,
                                yearly_v,
                                "licence",
                                f"S{sub_no:06d}",
                            )
                        )
                        vlines.append(
                            VLine(
                                cl.name,
                                prod_name,
                                -extra,
                                unit,
                                yearly_v,
                                "credit",
                                f"S{sub_no:06d}",
                            )
                        )
                    else:
                        vlines.append(
                            VLine(
                                cl.name, prod_name, q, unit, yearly_v, "licence", f"S{sub_no:06d}"
                            )
                        )
            # PSA lines
            if cl.side == "vendor":
                continue
            if outcome == "unbilled":
                if r.random() < 0.3:  # an old line, cancelled or paused
                    pu = _round10(prod.retail * price_factor / 100)
                    plines.append(
                        PLine(
                            cl.name,
                            prod_name,
                            r.choice([vq, max(1, vq - 1)]),
                            pu,
                            pu,
                            0,
                            False,
                            "cancelled",
                        )
                    )
                continue
            psa_prod = prod
            if (
                outcome == "swap"
            ):  # the PSA bills a look-alike of what the bill charges: two findings, never one
                cands = [
                    p.name
                    for p in C.MS + C.OTHER
                    if p.group == prod.group
                    and p.name not in basket
                    and (not ms_only or p.brand == "Microsoft")
                ]
                if cands:
                    psa_prod = C.PRODUCTS[r.choice(cands)]
                outcome = "ok"
            if outcome in ("under", "below_under"):
                pq = r.randint(max(1, vq // 3), vq - 1)
            elif outcome == "over":
                pq = vq + r.choice([1, 1, 2, 3, 5])
            else:
                pq = vq
            if outcome == "nvr":
                pq = r.choice([1, 2, 3, 5, 8, 10])
            eff_cost = (
                Fraction(vlines[-1].unit, 12) if (outcome != "nvr" and yearly_v) else Fraction(cost)
            )
            if outcome in ("below", "below_under"):
                p_month = int(eff_cost * Fraction(r.choice([85, 88, 90, 92, 95]), 100))
                p_month = min(p_month, int(eff_cost) - 5)
            else:
                p_month = _round10(
                    max(psa_prod.retail * price_factor / 100, float(eff_cost) * 1.08)
                )
            if p_month <= 0:
                p_month = 1
            disc = 0
            list_unit = p_month
            yearly_p = r.random() < 0.10 and psa_period
            if yearly_p:
                list_unit = p_month * 12 - (
                    r.choice([0, 0, 60, 120]) if outcome not in ("below", "below_under") else 0
                )
                unit = list_unit
            else:
                unit = p_month
                if r.random() < 0.12:
                    disc = r.choice([10, 20])
                    lu = _round10(p_month * 100 / (100 - disc))
                    net = lu * (100 - disc) // 100
                    ok = (
                        (net < eff_cost)
                        if outcome in ("below", "below_under")
                        else (net >= eff_cost)
                    )
                    if ok and lu * (100 - disc) % 100 == 0:
                        list_unit, unit = lu, net
                    else:
                        disc = 0
            # split into lines
            parts = [(pq, "")]
            if not yearly_p and 2 <= pq <= 6 and r.random() < 0.10:
                parts = [(1, users[i]) for i in range(pq)]
            elif pq >= 4 and r.random() < 0.12:
                a = r.randint(1, pq - 1)
                parts = [(a, ""), (pq - a, "")]
            for q, user in parts:
                less = 0
                if r.random() < 0.07:
                    less = r.choice([1, 2])
                pl = PLine(
                    cl.name,
                    psa_prod.name,
                    q,
                    unit,
                    list_unit,
                    disc,
                    yearly_p,
                    "licence",
                    less=less,
                    user=user,
                )
                plines.append(pl)
            if r.random() < 0.05:
                plines.append(
                    PLine(
                        cl.name,
                        psa_prod.name,
                        r.randint(1, 3),
                        unit,
                        list_unit,
                        disc,
                        yearly_p,
                        "cancelled",
                    )
                )
        # free trial lines on the vendor side
        if cl.side != "psa" and r.random() < 0.06:
            fname, sid, cat = C.FREE[r.randrange(len(C.FREE))]
            sub_no += 1
            vlines.append(
                VLine(
                    cl.name,
                    fname,
                    r.choice([1, 5, 10, 25]),
                    0,
                    False,
                    "free",
                    f"S{sub_no:06d}",
                    fname,
                )
            )
        if cl.side != "vendor":
            for s in r.sample(C.SERVICES, r.choice([1, 1, 2, 3])):
                q = r.choice([1, 1, 2, 5, 10, 12, 20])
                price = r.choice([2500, 4500, 9500, 12500, 15000, 35000, 79900, 150000])
                plines.append(PLine(cl.name, s, q, price, price, 0, False, "service"))
    case = Case(seed, n, vendor_format, psa_format, perturb, currency, clients, vlines, plines)
    _apply_spellings(case)
    case.findings = compute_findings(case)
    return case


def _apply_spellings(case: Case) -> None:
    """PSA client names and descriptions, clean or as people type them."""
    names = {cl.name for cl in case.clients}
    taken = set(names)
    by_client_products: dict = {}
    for v in case.vlines:
        if v.role != "free":
            by_client_products.setdefault(v.client, set()).add(v.product)
    psa_products: dict = {}
    for p in case.plines:
        if p.role != "service":
            psa_products.setdefault(p.client, set()).add(p.product)
    for cl in case.clients:
        cl.psa_name, cl.classes = cl.name, []
        if case.perturb and cl.side != "vendor":
            r = rng_for("client-m", case.seed, case.n, cl.name)
            nm, cls = client_variant(r, cl, case.clients)
            if nm and nm not in taken and nm.casefold() not in {t.casefold() for t in taken}:
                cl.psa_name, cl.classes = nm, cls
                taken.add(nm)
    for i, p in enumerate(case.plines):
        p.desc, p.classes = p.product, []
        if not case.perturb:
            continue
        r = rng_for("line-m", case.seed, case.n, i, p.client, p.product)
        if p.role == "service":
            p.desc, p.classes = service_variant(r, p.product)
            continue
        vendor_basket = by_client_products.get(p.client, set())
        basket = vendor_basket | psa_products.get(p.client, set())
        p.desc, p.classes = product_variant(
            r, C.PRODUCTS[p.product], p, basket, p.product in vendor_basket, case.currency
        )


def _median(vals):
    s = sorted(vals)
    m = len(s) // 2
    if len(s) % 2:
        return s[m]
    return (s[m - 1] + s[m]) / 2


def _cents(fr: Fraction) -> str:
    # half-up to the cent, once
    neg = fr < 0
    a = abs(fr) * 100
    q = int(a)
    if a - q >= Fraction(1, 2):
        q += 1
    s = f"{q // 100}.{q % 100:02d}"
    return "-" + s if neg and q else s


def compute_findings(case: Case) -> list:
    """Findings by rules.md, from the lines (exact fractions)."""
    V: dict = {}
    P: dict = {}
    for v in case.vlines:
        if v.role == "free":
            continue
        m = Fraction(v.unit, 12) if v.yearly else Fraction(v.unit)
        d = V.setdefault((v.client, v.product), [0, Fraction(0)])
        d[0] += v.qty
        d[1] += v.qty * m
    for p in case.plines:
        if p.role != "licence":
            continue
        m = Fraction(p.unit, 12) if p.yearly else Fraction(p.unit)
        q = p.qty  # billed seats (less-included already taken off in the model)
        d = P.setdefault((p.client, p.product), [0, Fraction(0)])
        d[0] += q
        d[1] += q * m
    price = {k: d[1] / d[0] / 100 for k, d in P.items() if d[0] > 0}
    cost = {k: d[1] / d[0] / 100 for k, d in V.items() if d[0] != 0}
    med: dict = {}
    for (c, prod), pr in price.items():
        med.setdefault(prod, []).append(pr)
    out = []
    for key in sorted(set(V) | set(P)):
        vq = V.get(key, [0])[0]
        pq = P.get(key, [0])[0]
        if vq > 0 and pq <= 0:
            imp = vq * (_median(med[key[1]]) if key[1] in med else cost[key])
            out.append(("unbilled", key, imp))
        if vq > pq > 0:
            out.append(("under_billed", key, (vq - pq) * price[key]))
        if pq > vq > 0:
            out.append(("over_billed", key, (pq - vq) * price[key]))
        if pq > 0 and vq <= 0:
            out.append(("no_vendor_record", key, pq * price[key]))
        if vq > 0 and pq > 0 and price[key] < cost[key]:
            out.append(("below_cost", key, (cost[key] - price[key]) * min(vq, pq)))
    return [dict(type=t, client=k[0], product=k[1], impact=_cents(imp)) for t, k, imp in out]
