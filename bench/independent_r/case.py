"""Scenario and truth of set R."""

from __future__ import annotations

import hashlib
import random
import re
import statistics
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from . import perturb as P
from .catalog import (
    ADDONS_FOR,
    BASES,
    COUNTRIES,
    CURRENCY_FACTOR,
    HOME,
    NATIVE,
    OTHERS,
    PRODUCTS,
    SERVICES,
)

SIBLING_SECTORS = [
    ("Dental Group", "Dental Lab"),
    ("Accountants", "Wealth Management"),
    ("Logistics", "Logistics Holdings"),
    ("Engineering", "Engineering Services"),
    ("Physiotherapy", "Physiotherapy Clinic"),
    ("Realty", "Property Management"),
]
TRADE = [
    "Little Sprouts",
    "Harbourside",
    "Blue Door",
    "Northstar",
    "Copper Kettle",
    "Fernhill",
    "Greenleaf",
    "Polaris",
    "Silverline",
    "Riverbend",
    "Sunnyside",
    "Lighthouse",
]
MERGED = ["Crestline", "Meridian", "Alder & Finch", "Keystone", "Westmark", "Horizon", "Tidewater"]


def _rng(*parts):
    return random.Random(int(hashlib.sha256(repr(parts).encode()).hexdigest()[:16], 16))


def _slug(s):
    return re.sub(r"[^a-z0-9]", "", P.ascii_fold(s).lower())[:20] or "tenant"


def make_clients(rng, n, currency):
    home = HOME[currency]
    allc = list(COUNTRIES)
    out, used = [], set()

    def new(country, core=None, sector=None, legal=None, extra="", family=None, no_typo=False):
        legals, cores, sectors, cities = COUNTRIES[country]
        for attempt in range(200):
            co = core or rng.choice(cores)
            if attempt > 60 and not core:
                co = co + " " + rng.choice(cores)
            se = sector or rng.choice(sectors)
            lg = legal or rng.choice(legals)
            city = rng.choice(cities) if rng.random() < 0.22 else None
            if (
                not core
                and country in ("US", "GB", "IE", "AU", "NZ", "CA", "DE", "NO", "DK")
                and rng.random() < 0.1
            ):
                co = f"{co} {'&' if country not in ('DE',) else 'und'} {rng.choice([x for x in cores if x != co])}"
            if (
                country in ("DE", "AT", "NL", "NO", "DK", "SE", "PL", "ES", "FR")
                and rng.random() < 0.5
            ):
                words = f"{se} {co}"
            else:
                words = f"{co} {se}"
            if city:
                words += f" {city}"
            if extra:
                words += f" {extra}"
            name = f"{words} {lg}" if not country == "JP" or lg != "K.K." else f"{words} {lg}"
            if words.casefold() not in used:  # never two clients that differ only by legal form
                used.add(words.casefold())
                c = dict(
                    name=name,
                    core=co,
                    sector=se,
                    legal=lg,
                    country=country,
                    city=city,
                    family=family,
                    no_typo=no_typo,
                    trade=None,
                    merged_into=None,
                    vat=str(rng.randrange(10**8, 10**9)),
                    domain=_slug(co + se) + str(len(out)) + ".onmicrosoft.com",
                )
                out.append(c)
                return c
            core = sector = None
        raise RuntimeError("names exhausted")

    fam = 0
    while len(out) < n:
        try:
            country = rng.choice(home) if rng.random() < 0.75 else rng.choice(allc)
            r = rng.random()
            left = n - len(out)
            if r < 0.07 and left >= 2:  # siblings
                fam += 1
                a, b = rng.choice(SIBLING_SECTORS)
                co = rng.choice(COUNTRIES[country][1])
                lg = rng.choice(COUNTRIES[country][0])
                try:
                    new(country, co, a, lg, family=f"sib{fam}")
                    new(country, co, b, lg, family=f"sib{fam}")
                except RuntimeError:
                    continue
            elif r < 0.11 and left >= 3:  # numbered stores of a chain
                fam += 1
                co, lg = rng.choice(COUNTRIES[country][1]), rng.choice(COUNTRIES[country][0])
                for num in rng.sample(range(2, 40), 3):
                    new(
                        country,
                        co,
                        "Pharmacy" if country != "DE" else "Apotheke",
                        lg,
                        extra=(f"Filiale {num}" if country in ("DE", "AT") else f"Store {num}"),
                        family=f"chain{fam}",
                        no_typo=True,
                    )
            elif r < 0.14 and left >= 2:  # near twins (one letter apart), typos disabled
                fam += 1
                co = rng.choice(COUNTRIES[country][1])
                se, lg = rng.choice(COUNTRIES[country][2]), rng.choice(COUNTRIES[country][0])
                new(country, co, se, lg, family=f"twin{fam}", no_typo=True)
                twin = co[:-1] + ("e" if co[-1] != "e" else "a")
                new(country, twin, se, lg, family=f"twin{fam}", no_typo=True)
            elif r < 0.17 and left >= 2:  # two tenants of one company under two names
                fam += 1
                co, lg = rng.choice(COUNTRIES[country][1]), rng.choice(COUNTRIES[country][0])
                new(country, co, "Holdings", lg, family=f"two{fam}")
                new(country, co, "Operations", lg, family=f"two{fam}")
            else:
                try:
                    c = new(country)
                except RuntimeError:
                    continue
                if rng.random() < 0.12:
                    c["trade"] = rng.choice(TRADE) + " " + c["sector"].split()[-1]
                if rng.random() < 0.05:
                    c["merged_into"] = (
                        rng.choice(MERGED) + " " + c["core"] + " " + c["sector"] + " " + c["legal"]
                    )
        except RuntimeError:
            continue
    return out[:n]


def q2(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def frac_to_cents(f: Fraction) -> str:
    d = Decimal(f.numerator) / Decimal(f.denominator)  # 28 digits, then one rounding
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def build(seed, vfmt, pfmt, n_clients, perturb):
    """Build the abstract case: clients, vendor lines, PSA lines (with text), independent of file layout."""
    rng = _rng("R", seed, vfmt.name, pfmt.name, n_clients)
    prng = _rng(
        "R-perturb", seed, vfmt.name, pfmt.name, n_clients
    )  # used identically in clean mode
    cur = vfmt.currency
    fx = Decimal(CURRENCY_FACTOR[cur])
    clients = make_clients(rng, n_clients, cur)
    cost = {k: q2(Decimal(p.cost_usd) * fx) for k, p in PRODUCTS.items()}
    markup = {k: Decimal(rng.choice(["1.15", "1.20", "1.25", "1.30", "1.35"])) for k in PRODUCTS}
    vlines, plines = [], []
    side = {}
    for c in clients:
        r = rng.random()
        side[c["name"]] = "vendor_only" if r < 0.03 else "psa_only" if r < 0.06 else "both"
    for c in clients:
        cn = c["name"]
        base = rng.choice(BASES)
        basket = [base] + rng.sample(
            ADDONS_FOR[base], min(len(ADDONS_FOR[base]), rng.choice([0, 1, 1, 2, 2, 3]))
        )
        basket += rng.sample(OTHERS, rng.choice([0, 0, 1, 1, 2]))
        # one look-alike trap now and then: both of a pair in one basket
        if rng.random() < 0.08:
            pair = rng.choice(
                [
                    ("KPR", "KPE"),
                    ("S1C", "S1X"),
                    ("V1", "V2"),
                    ("DO1", "DO2"),
                    ("AP1", "AP2"),
                    ("PBI", "PPU"),
                ]
            )
            basket = [k for k in basket if k not in pair] + list(pair)
        seats = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 25, 30, 40, 55, 80])
        c["basket"] = basket
        for k in basket:
            vq = (
                seats
                if k == base
                else max(1, min(seats, rng.choice([1, 2, 3, seats // 2 or 1, seats])))
            )
            if PRODUCTS[k].kind == "other":
                vq = max(1, seats + rng.choice([-1, 0, 0, 2]))
            sc = "ok"
            r = rng.random()
            if side[cn] == "vendor_only":
                sc = "unbilled"
            elif side[cn] == "psa_only":
                sc = "nvr"
            elif r < 0.04 and vq >= 2:
                sc = "under"
            elif r < 0.075:
                sc = "over"
            elif r < 0.105:
                sc = "below"
            elif r < 0.14:
                sc = "unbilled"
            elif r < 0.15:
                sc = "inactive_only"
            elif r < 0.18:
                sc = "nvr"
            c_unit = cost[k]
            if rng.random() < 0.1:  # promotional / PEC cost for this client
                c_unit = q2(c_unit * Decimal("0.95"))
            p_unit = q2(cost[k] * markup[k])
            if rng.random() < 0.15:  # price drift between clients
                p_unit = q2(p_unit + Decimal(rng.choice(["-0.50", "0.40", "1.00", "-0.25"])))
            if sc == "below":
                p_unit = q2(c_unit * Decimal(rng.choice(["0.80", "0.88", "0.93"])))
            pq = vq
            if sc == "under":
                pq = vq - rng.randint(1, max(1, min(vq - 1, 4)))
            elif sc == "over":
                pq = vq + rng.randint(1, 3)
            # vendor side
            if sc != "nvr":
                annual = rng.random() < vfmt.annual_rate
                parts = [vq]
                if vq >= 4 and rng.random() < 0.12:
                    a = rng.randint(1, vq - 1)
                    parts = [a, vq - a]
                credit = 0
                if rng.random() < 0.05:
                    credit = rng.randint(1, 2)
                    parts[0] += credit
                for q in parts:
                    vlines.append(
                        dict(
                            client=cn,
                            key=k,
                            qty=q,
                            unit=c_unit * 12 if annual else c_unit,
                            annual=annual,
                            role="licence",
                            sub=f"{_rng(cn, k, q, len(vlines)).getrandbits(64):016x}",
                        )
                    )
                if credit:
                    vlines.append(
                        dict(
                            client=cn,
                            key=k,
                            qty=-credit,
                            unit=c_unit * 12 if annual else c_unit,
                            annual=annual,
                            role="credit",
                            sub=vlines[-len(parts)]["sub"],
                        )
                    )
            # PSA side
            if sc in ("unbilled",):
                continue
            annual = pfmt.annual_ok and rng.random() < 0.08
            unit = p_unit * 12 if annual else p_unit
            if sc == "inactive_only":
                plines.append(
                    dict(
                        client=cn,
                        key=k,
                        qty=pq,
                        unit=unit,
                        annual=annual,
                        role=rng.choice(pfmt.inactive_roles),
                    )
                )
                continue
            if pq >= 3 and rng.random() < 0.05:
                a = rng.randint(1, pq - 1)
                plines.append(
                    dict(
                        client=cn,
                        key=k,
                        qty=a,
                        unit=unit,
                        annual=annual,
                        role="licence",
                        split=True,
                    )
                )
                plines.append(
                    dict(
                        client=cn,
                        key=k,
                        qty=pq - a,
                        unit=unit,
                        annual=annual,
                        role="licence",
                        split=True,
                    )
                )
            else:
                plines.append(
                    dict(client=cn, key=k, qty=pq, unit=unit, annual=annual, role="licence")
                )
            if rng.random() < 0.04:
                plines.append(
                    dict(
                        client=cn,
                        key=k,
                        qty=rng.randint(1, 5),
                        unit=unit,
                        annual=annual,
                        role=rng.choice(pfmt.inactive_roles),
                    )
                )
        # trials on the vendor side (price 0, no finding)
        if side[cn] != "psa_only" and rng.random() < 0.05:
            tk = rng.choice([k for k in ("COP", "TPR", "PPU", "DO2") if k not in basket] or ["COP"])
            vlines.append(
                dict(
                    client=cn,
                    key=tk,
                    qty=rng.choice([10, 25]),
                    unit=Decimal("0.00"),
                    annual=False,
                    role="trial",
                    sub=f"{_rng(cn, tk, 'trial').getrandbits(64):016x}",
                )
            )
        if side[cn] != "vendor_only":
            for s in rng.sample(SERVICES, rng.choice([1, 1, 2, 3])):
                plines.append(
                    dict(
                        client=cn,
                        key=None,
                        text=s,
                        qty=rng.choice([1, seats, seats, 10]),
                        unit=Decimal(
                            rng.choice(["45.00", "95.00", "120.00", "12.50", "350.00", "8.00"])
                        ),
                        annual=False,
                        role="service",
                    )
                )
    # interleave PSA lines per client in a realistic but shuffled order inside a client
    order = {c["name"]: i for i, c in enumerate(clients)}
    rng.shuffle(plines)
    plines.sort(key=lambda l: order[l["client"]])
    rng.shuffle(vlines)
    vlines.sort(key=lambda l: order[l["client"]] if rng.random() < 0.9 else order[l["client"]])
    apply_text(prng, clients, plines, cur, perturb, grouped=getattr(pfmt, "grouped", False))
    # one customer record per spelling: group rows of QBO/Xero must not interleave a renamed client's two names
    plines.sort(key=lambda l: (order[l["client"]], l["alt_group"]))
    return dict(clients=clients, vendor=vlines, psa=plines, currency=cur)


def apply_text(prng, clients, plines, cur, perturb, grouped=False):
    names = {
        P.ascii_fold(c["name"]).casefold().replace(".", "").replace(",", ""): c["name"]
        for c in clients
    }
    cmap = {c["name"]: c for c in clients}
    # client spellings: one PSA spelling per client (merger: some lines old name, some new)
    cvar = {}
    produced = set()
    for c in clients:
        others = {k for k, v in names.items() if v != c["name"]} | produced
        text, classes = c["name"], []
        if prng.random() < 0.55:
            pool = (P.NEW_CLIENT * 2 + P.COMMON_CLIENT) if prng.random() < 0.66 else P.COMMON_CLIENT
            if c.get("merged_into"):
                pool = ["merger_both_names"]
            if c["country"] in NATIVE and prng.random() < 0.6:
                pool = ["native_script"]
            for cls in prng.sample(pool, min(len(pool), prng.choice([1, 1, 2]))):
                cc = dict(c, name=text)
                v = P.client_variant(prng, cc, cls, others)
                if v is not None:
                    text, classes = v, classes + [cls]
        cvar[c["name"]] = (text, classes)
        produced.add(P.ascii_fold(text).casefold().replace(".", "").replace(",", ""))
        if c.get("legal") and text.endswith(c["legal"]):
            produced.add(
                P.ascii_fold(text[: -len(c["legal"])].rstrip(" ,"))
                .casefold()
                .replace(".", "")
                .replace(",", "")
            )
    by_client = {}
    for l in plines:
        by_client.setdefault(l["client"], set()).add(l["key"])
    for l in plines:
        text, classes = cvar[l["client"]]
        l["alt_group"] = "merger_both_names" in classes
        if "merger_both_names" in classes and prng.random() < 0.5 and not grouped:
            text, classes = l["client"], [x for x in classes if x != "merger_both_names"]
            l["alt_group"] = False
        l["client_text"] = text if perturb else l["client"]
        l["client_classes"] = list(classes) if perturb else []
        if l["key"] is None:
            l["desc"], l["desc_classes"] = l["text"], []
            continue
        name = PRODUCTS[l["key"]].name
        desc, dcl = name, []
        ctx = dict(
            basket=by_client[l["client"]] - {None},
            price=l["unit"],
            currency=cur,
            annual=l["annual"],
        )
        if prng.random() < 0.7:
            pool = P.NEW_DESC if prng.random() < 0.72 else P.COMMON_DESC
            for cls in prng.sample(pool, prng.choice([1, 1, 1, 2])):
                if dcl and cls in (
                    "sku_code",
                    "bare_plan",
                    "cjk_words",
                    "enterprise_word",
                    "renamed_legacy",
                    "formerly_bracket",
                    "brand_dropped",
                    "publisher_legal_name",
                    "nordic_compound",
                ):
                    continue  # these rewrite the whole name: first class only
                v = P.describe(prng, l["key"], cls, dict(ctx))
                if v is None:
                    continue
                if dcl:  # second class on top of a first: only light ones
                    if cls == "typo":
                        v = P._typo(prng, desc)
                    elif cls == "case_punct":
                        v = desc.lower()
                    elif cls in (
                        "billing_words",
                        "price_list_tag",
                        "seat_cap_note",
                        "cloud_suffix",
                        "localized_unit_suffix",
                        "role_label",
                    ):
                        v = v.replace(name, desc) if name in v else None
                    else:
                        v = None
                if v and v != desc:
                    desc, dcl = v, dcl + [cls]
        if l.get("split"):
            dcl = dcl + ["split_two_names"]
        l["desc"] = desc if perturb else name
        l["desc_classes"] = dcl if perturb else []
    # split lines: make the two names differ (second line gets its own spelling)
    if perturb:
        seen = {}
        for l in plines:
            if l.get("split"):
                k = (l["client"], l["key"])
                if k in seen and l["desc"] == seen[k]:
                    alt = P.describe(
                        prng,
                        l["key"],
                        "abbreviation",
                        dict(basket=set(), price=l["unit"], currency=cur, annual=l["annual"]),
                    )
                    l["desc"] = alt + rng_suffix(prng)
                    l["desc_classes"] = ["abbreviation", "split_two_names"]
                seen[k] = l["desc"]


def rng_suffix(prng):
    return prng.choice([" (added Mar)", " - new starters", " extra seats", " (2nd agreement)"])


def truth(case, vrow, prow):
    """vrow/prow: index in case lists -> file row number.  Returns findings and rows per truth-format.md."""
    V, Pl = case["vendor"], case["psa"]
    rows_v = {}
    for i, l in enumerate(V):
        rows_v[str(vrow[i])] = dict(
            client=l["client"],
            product=PRODUCTS[l["key"]].name,
            role=l["role"],
            classes=l.get("classes", []),
        )
    rows_p = {}
    for i, l in enumerate(Pl):
        prod = PRODUCTS[l["key"]].name if l["key"] else l["text"]
        rows_p[str(prow[i])] = dict(
            client=l["client"],
            product=prod,
            role=l["role"],
            classes=l["desc_classes"] + l["client_classes"],
        )
    agg = {}
    for i, l in enumerate(V):
        if l["role"] in ("licence", "credit"):
            a = agg.setdefault(
                (l["client"], l["key"]),
                dict(vq=0, vc=Fraction(0), pq=0, pp=Fraction(0), vr=[], pr=[]),
            )
            m = Fraction(l["unit"]) / (12 if l["annual"] else 1)
            a["vq"] += l["qty"]
            a["vc"] += m * l["qty"]
            a["vr"].append(vrow[i])
    for i, l in enumerate(Pl):
        if l["role"] == "licence":
            a = agg.setdefault(
                (l["client"], l["key"]),
                dict(vq=0, vc=Fraction(0), pq=0, pp=Fraction(0), vr=[], pr=[]),
            )
            m = (
                Fraction(l["unit"])
                / (12 if l["annual"] else 1)
                * (1 - Fraction(l.get("discount", 0)) / 100)
            )
            q = l["qty"]  # billed quantity (ConnectWise shows Quantity = billed + Less Included)
            a["pq"] += q
            a["pp"] += m * q
            a["pr"].append(prow[i])
    med = {}
    for (cl, k), a in agg.items():
        if a["pq"] > 0:
            med.setdefault(k, []).append(a["pp"] / a["pq"])
    classes_of = {}
    for i, l in enumerate(Pl):
        classes_of.setdefault(l["client"], set()).update(l["client_classes"])
    findings = []
    for (cl, k), a in sorted(agg.items(), key=lambda x: (x[0][0], x[0][1])):
        vq, pq = a["vq"], a["pq"]
        c = a["vc"] / vq if vq else None
        p = a["pp"] / pq if pq else None
        fl = []
        if vq > 0 and pq <= 0:
            fl.append(("unbilled", vq * (statistics.median(med[k]) if k in med else c)))
        elif vq > pq > 0:
            fl.append(("under_billed", (vq - pq) * p))
        elif pq > vq > 0:
            fl.append(("over_billed", (pq - vq) * p))
        elif pq > 0 and vq <= 0:
            fl.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            fl.append(("below_cost", (c - p) * min(vq, pq)))
        cls = set(classes_of.get(cl, set()))
        for i, l in enumerate(Pl):
            if l["client"] == cl and l["key"] == k and l["role"] == "licence":
                cls.update(l["desc_classes"])
        for t, imp in fl:
            findings.append(
                dict(
                    type=t,
                    client=cl,
                    product=PRODUCTS[k].name,
                    vendor_rows=sorted(a["vr"]),
                    psa_rows=sorted(a["pr"]) if t != "unbilled" else [],
                    monthly_impact=frac_to_cents(Fraction(imp)),
                    classes=sorted(cls),
                )
            )
    return findings, dict(vendor=rows_v, psa=rows_p)
