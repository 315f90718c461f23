"""Case model of set AG: clients, baskets, vendor and PSA lines, and the findings by README's rules."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F

from .catalog import BY_KEY, PRODUCTS, lookalike
from .desc import describe, service_text
from .names import REGIONS, client_classes_for, make_clients


@dataclass
class VLine:
    cid: int
    product: str | None
    qty: int
    unit: F  # monthly unit cost
    yearly: bool = False
    role: str = "licence"
    sub: str = ""
    text: str = ""
    row: int = 0


@dataclass
class PLine:
    cid: int
    product: str | None
    qty: int
    unit: F  # monthly unit price
    text: str = ""
    role: str = "licence"
    yearly: bool = False
    disc: F | None = None  # discount fraction (list price = unit / (1 - disc))
    classes: list = field(default_factory=list)
    row: int = 0


@dataclass
class Case:
    region: str
    currency: str
    dec: int
    clients: list
    vlines: list
    plines: list
    factor: int


SUITES = ["BB", "BS", "BP", "BSNT", "M3", "M3NT", "M5", "O1", "O3", "O5", "F3", "GWS", "GWT", "GWP"]
SUITE_W = [5, 6, 5, 0.8, 2, 0.8, 1, 0.8, 2, 0.6, 0.8, 1, 1, 0.5]
ADDONS = [p.key for p in PRODUCTS if p.key not in SUITES]


def cents(x, dec=2):
    q = Decimal(1).scaleb(-dec)
    return F(Decimal(str(x)).quantize(q, rounding=ROUND_HALF_UP))


def rnd_money(fr, dec):
    """Round a Fraction half-up to `dec` decimals, returned as a Fraction."""
    d = Decimal(fr.numerator) / Decimal(fr.denominator)
    return F(d.quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP))


def money_str(fr):
    d = Decimal(fr.numerator) / Decimal(fr.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def region_of(seed, regions):
    return regions[random.Random(f"AG-region|{seed}").randrange(len(regions))]


def build_case(seed, clients, perturb, region, pcaps, vcaps, psa_format):
    reg = REGIONS[region]
    factor, dec = reg["factor"], reg["dec"]
    rn = random.Random(f"AG-numbers|{seed}|{clients}")
    rname = random.Random(f"AG-names|{seed}|{clients}|{region}")
    rd = random.Random(f"AG-desc|{seed}|{clients}|{psa_format}")
    cl = make_clients(region, clients, rname)
    langs = list(reg["langs"])
    lw = list(reg["langs"].values())

    def base(x):
        return F(Decimal(x)) * factor

    # kind, language and PSA name of every client
    for c in cl:
        x = rn.random()
        c["kind"] = "vendor_only" if x < 0.03 else ("psa_only" if x < 0.055 else "both")
        c["lang"] = rname.choices(langs, lw)[0]
        c["psa_name"], c["cclasses"] = c["canonical"], []
        if c.get("sibling"):
            c["cclasses"].append("sibling_name_trap")
        cands = client_classes_for(c)
        if perturb and cands and rd.random() < 0.82:
            weights = [
                0.25 if k in ("jp_romaji_kanji_twin", "chinese_script_twin") else 1
                for k, _ in cands
            ]
            k, fn = rd.choices(cands, weights)[0]
            c["psa_name"] = fn(rd)
            c["cclasses"].append(k)
        else:
            rd.random()
    names_psa = {}
    for c in cl:  # a perturbed name must never equal another client's name
        if c["psa_name"] in names_psa or any(
            c["psa_name"] == o["canonical"] for o in cl if o is not c
        ):
            c["psa_name"] = c["canonical"]
            c["cclasses"] = [x for x in c["cclasses"] if x == "sibling_name_trap"]
        names_psa[c["psa_name"]] = c

    vlines, plines = [], []
    for c in cl:
        cid = c["id"]
        basket = []
        if rn.random() < 0.88:
            basket.append(rn.choices(SUITES, SUITE_W)[0])
            if rn.random() < 0.22:
                others = [s for s in SUITES if s not in basket and lookalike(s, basket[0])]
                if others:
                    basket.append(rn.choice(others))
        k = rn.choice([3, 3, 4, 4, 5, 5, 6, 6, 7, 8])
        while len(basket) < k + 1:
            a = rn.choices(ADDONS, [BY_KEY[x].weight for x in ADDONS])[0]
            if a not in basket:
                basket.append(a)
        psa_extra = []
        if c["kind"] == "both" and rn.random() < 0.14:
            a = rn.choice([x for x in ADDONS + SUITES if x not in basket and not BY_KEY[x].free])
            psa_extra.append(a)
        vb = [] if c["kind"] == "psa_only" else basket
        pb_all = basket + psa_extra
        # vendor lines
        keys = []
        for key in basket:
            p = BY_KEY[key]
            vq = (
                rn.randint(3, 45)
                if key in SUITES
                else rn.choice([1, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25])
            )
            cost = base(p.cost)
            outcome = "ok"
            if not p.free:
                outcome = rn.choices(
                    ["ok", "unbilled", "under", "over", "below", "under_below", "over_below"],
                    [72, 5.5, 7, 5.5, 5.5, 1.5, 1],
                )[0]
            if c["kind"] == "vendor_only":
                outcome = "unbilled"
            split = vq >= 2 and rn.random() < 0.22
            dearer = rn.random() < 0.3
            yearly = [rn.random() < 0.12, rn.random() < 0.12]
            credit = rn.random() < 0.08 and not p.free
            subs = []
            if split:
                a = rn.randint(1, vq - 1)
                c2 = cents(Decimal(p.cost) * Decimal("1.2")) * factor if dearer else cost
                subs = [(a, cost), (vq - a, c2)]
            else:
                subs = [(vq, cost)]
            if c["kind"] != "psa_only":
                for i, (q, u) in enumerate(subs):
                    sid = f"{rn.randrange(16**8):08x}-{rn.randrange(16**4):04x}"
                    extra = 1 if (credit and i == 0) else 0
                    vlines.append(VLine(cid, key, q + extra, u, yearly[i], "licence", sid))
                    if extra:
                        vlines.append(VLine(cid, key, -1, u, yearly[i], "credit", sid))
            cw = sum(F(q) * u for q, u in subs) / vq
            keys.append((key, vq, cw, outcome))
        if c["kind"] != "psa_only" and rn.random() < 0.03:
            vlines.append(
                VLine(cid, None, 1, base(rn.choice(["150.00", "90.00", "240.00"])), role="service")
            )
        # PSA lines
        if c["kind"] == "psa_only":
            keys = [(k_, vq, cw, "ok") for k_, vq, cw, _ in keys if not BY_KEY[k_].free]
        for key in psa_extra:
            keys.append((key, 0, F(0), "psa_only_key"))
        for key, vq, cw, outcome in keys:
            p = BY_KEY[key]
            price = base(p.price)
            if rn.random() < 0.2:
                price = (
                    cents(
                        Decimal(p.price) * Decimal(rn.choice(["0.9", "0.95", "1.05", "1.1", "1.2"]))
                    )
                    * factor
                )
            if outcome in ("below", "under_below", "over_below"):
                price = (
                    cents(Decimal(p.cost) * Decimal(rn.choice(["0.8", "0.85", "0.9", "0.95"])))
                    * factor
                )
                if price >= cw:
                    price = rnd_money(cw * F(85, 100), dec) if dec == 2 else F(int(cw * F(85, 100)))
            elif price < cw:
                price = rnd_money(cw * F(105, 100) + F(1, 10**dec), dec)
            if p.free:
                price = F(0)
            pq = vq
            if outcome in ("under", "under_below"):
                pq = rn.randint(1, vq - 1) if vq >= 2 else vq + 1
            elif outcome in ("over", "over_below"):
                pq = vq + rn.randint(1, 5)
            elif outcome == "psa_only_key":
                pq = rn.randint(1, 12)
            r_top, r_year, r_stat, r_disc, r_free = (rn.random() for _ in range(5))
            if outcome == "unbilled" or (p.free and r_free < 0.5):
                continue
            parts = [pq]
            if pq >= 3 and r_top < 0.1:
                a = rn.randint(1, pq - 1)
                parts = [pq - a, a]
            for j, q in enumerate(parts):
                pl = PLine(cid, key, q, price)
                if j == 1:
                    pl.classes.append("extra_seats_separate_row")
                if "yearly" in pcaps and r_year < 0.09 and not p.free:
                    pl.yearly = True
                    pl.classes.append("annual_periodicity_psa")
                if "discount" in pcaps and r_disc < 0.18 and price > 0:
                    for d in (F(1, 10), F(1, 5), F(1, 4), F(1, 8), F(3, 20)):
                        lst = price / (1 - d)
                        if (lst * 10**dec).denominator == 1:
                            pl.disc = d
                            pl.classes.append("line_discount_pct_column")
                            break
                plines.append(pl)
            sq = rn.randint(1, 4)
            if "status" in pcaps and r_stat < 0.05:
                plines.append(
                    PLine(cid, key, sq, price, role="not_billed", classes=["status_suspended_line"])
                )
        if c["kind"] != "vendor_only":
            for _ in range(rn.choice([0, 1, 1, 1, 2])):
                plines.append(
                    PLine(
                        cid,
                        None,
                        rn.choice([1, 1, 2, 4, 10]),
                        base(rn.choice(["45.00", "60.00", "120.00", "300.00", "80.00"])),
                        role="service",
                        classes=["service_words_native"],
                    )
                )
            if rn.random() < 0.08:
                plines.append(
                    PLine(
                        cid,
                        None,
                        1,
                        base("150.00"),
                        role="service",
                        classes=["service_mentions_product_local"],
                    )
                )
            if "tax" in pcaps:
                plines.append(
                    PLine(cid, None, 1, F(0), role="service", classes=["tax_line_local_label"])
                )
        c["vbasket"], c["pbasket"] = vb, pb_all
    # texts (descriptions depend on perturb, numbers do not)
    for pl in plines:
        c = cl[pl.cid]
        if pl.role == "service" and "tax_line_local_label" in pl.classes:
            pl.text = reg["tax"][0]
            billed = sum(
                F(x.qty) * x.unit * (12 if x.yearly else 1)
                for x in plines
                if x.cid == pl.cid and x.role == "licence"
            )
            pl.unit = rnd_money(billed * F(Decimal(reg["tax"][1])), dec)
            continue
        if pl.role == "service":
            pl.text = service_text(c["lang"], rd, "service_mentions_product_local" in pl.classes)
            continue
        bask = set(c["vbasket"]) | set(c["pbasket"])
        if any(lookalike(pl.product, o) for o in bask if o != pl.product):
            pl.classes.append("lookalike_edition_same_client")
        if perturb:
            ut = fmt_plain(pl.unit, dec, region)
            pl.text, dc = describe(pl.product, c["lang"], sorted(bask), rd, pl.yearly, pl.qty, ut)
            pl.classes = dc + pl.classes
        else:
            pl.text = BY_KEY[pl.product].name
    for v in vlines:
        if v.role == "service":
            v.text = {
                "BR": "Serviço de implantação",
                "MX": "Servicio de implementación",
                "CO": "Servicio de implementación",
                "CL": "Servicio de implementación",
                "JP": "導入作業費",
            }.get(region, "Onboarding service fee")
    return Case(region, reg["cur"], dec, cl, vlines, plines, factor)


def fmt_plain(x, dec, region):
    sym = {
        "BR": "R$ ",
        "MX": "$",
        "CO": "$",
        "CL": "$",
        "JP": "￥",
        "IN": "₹",
        "AE": "AED ",
        "ZA": "R ",
        "MY": "RM",
        "SG": "S$",
        "ID": "Rp ",
        "TR": "₺",
    }[region]
    d = Decimal(x.numerator) / Decimal(x.denominator)
    s = f"{d:,.{dec}f}"
    if region in ("BR", "CO", "CL", "ID", "TR"):
        s = s.replace(",", "X").replace(".", ",").replace("X", ".")
    if region == "ZA":
        s = s.replace(",", " ").replace(".", ",")
    return sym + s


def compute_findings(case):
    byid = {c["id"]: c for c in case.clients}
    vk, pk = {}, {}
    for v in case.vlines:
        if v.role in ("licence", "credit"):
            vk.setdefault((v.cid, v.product), []).append(v)
    for p in case.plines:
        if p.role == "licence":
            pk.setdefault((p.cid, p.product), []).append(p)
    return findings_from(
        {k: [(x.row, x.qty, x.unit) for x in ls] for k, ls in vk.items()},
        {k: [(x.row, x.qty, x.unit) for x in ls] for k, ls in pk.items()},
        lambda cid: byid[cid]["canonical"],
        lambda k: BY_KEY[k].name,
    )


def findings_from(vk, pk, cname, pname):
    """vk/pk: (client, product) -> [(row, qty, monthly unit)]. Returns truth findings."""
    price = {}
    for key, ls in pk.items():
        q = sum(x[1] for x in ls)
        if q > 0:
            price[key] = sum(F(x[1]) * x[2] for x in ls) / q
    med = {}
    for (cid, prod), p in price.items():
        if p > 0:
            med.setdefault(prod, []).append(p)
    out = []

    def add(t, key, impact):
        if impact <= 0:
            return
        out.append(
            {
                "type": t,
                "client": cname(key[0]),
                "product": pname(key[1]),
                "vendor_rows": sorted(x[0] for x in vk.get(key, [])),
                "psa_rows": sorted(x[0] for x in pk.get(key, [])),
                "monthly_impact": money_str(impact),
            }
        )

    for key in sorted(set(vk) | set(pk), key=lambda k: (str(k[0]), str(k[1]))):
        vls, pls = vk.get(key, []), pk.get(key, [])
        vq = sum(x[1] for x in vls)
        pq = sum(x[1] for x in pls)
        c = sum(F(x[1]) * x[2] for x in vls) / vq if vq else F(0)
        p = price.get(key, F(0))
        if vq > 0 and pq == 0:
            m = med.get(key[1])
            add("unbilled", key, vq * (F(statistics.median(m)) if m else c))
        elif vq > pq > 0:
            add("under_billed", key, (vq - pq) * p)
        elif pq > vq > 0:
            add("over_billed", key, (pq - vq) * p)
        if pq > 0 and vq <= 0 and not vls:
            add("no_vendor_record", key, pq * p)
        if vq > 0 and pq > 0 and p < c:
            add("below_cost", key, (c - p) * min(vq, pq))
    return out
