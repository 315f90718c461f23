"""Numbers of a set-AP case: clients, baskets, vendor and PSA lines, findings (seed + clients only)."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F

from .catalog import BY_KEY, KEYS, LOOKALIKE_PAIRS, SERVICES

SURN_GB = [
    "Ashworth",
    "Pemberton",
    "Hargreaves",
    "Whitaker",
    "Thornton",
    "Fairclough",
    "Haworth",
    "Pilkington",
    "Bramwell",
    "Cartwright",
    "Entwistle",
    "Holroyd",
    "Kershaw",
    "Lockwood",
    "Marsden",
    "Oldroyd",
    "Sutcliffe",
    "Greenhalgh",
    "Ackroyd",
    "Crossley",
    "Dewhurst",
    "Fothergill",
    "Gledhill",
    "Illingworth",
    "Nuttall",
    "Ormerod",
    "Priestley",
    "Shackleton",
    "Tattersall",
    "Varley",
    "Wadsworth",
    "Barraclough",
    "Calvert",
    "Duckworth",
    "Gaskell",
    "Hepworth",
    "Ingham",
    "Lumb",
    "Mellor",
    "Uttley",
]
SURN_IE = [
    "Brennan",
    "Byrne",
    "Callaghan",
    "Doherty",
    "Fitzgerald",
    "Gallagher",
    "Kavanagh",
    "McCarthy",
    "O'Sullivan",
    "Quigley",
    "Rafferty",
    "Sheridan",
    "Moloney",
    "Nolan",
    "Dunne",
    "Hegarty",
    "Mulcahy",
    "Tierney",
    "Cullen",
    "Delaney",
    "Geraghty",
    "Hennessy",
    "Lenihan",
    "Nagle",
    "O'Mahony",
    "Quinlan",
    "Scanlon",
    "Twomey",
    "Whelan",
    "Fahy",
]
GAEL = [
    "Ó Briain",
    "Ó Dálaigh",
    "Ní Mhurchú",
    "Ó Súilleabháin",
    "Ó Ceallaigh",
    "Mac Giolla Phádraig",
    "Ó Gráda",
    "Ní Bhriain",
]
TOWN_GB = [
    "Harrogate",
    "Skipton",
    "Otley",
    "Ilkley",
    "Keswick",
    "Kendal",
    "Ludlow",
    "Bakewell",
    "Buxton",
    "Malton",
    "Thirsk",
    "Whitby",
    "Hexham",
    "Morpeth",
    "Alnwick",
    "Frome",
    "Totnes",
    "Bideford",
    "Truro",
    "Penrith",
    "Stamford",
    "Oakham",
    "Louth",
    "Wetherby",
]
TOWN_IE = [
    "Tralee",
    "Sligo",
    "Dundalk",
    "Mullingar",
    "Athlone",
    "Clonmel",
    "Ennis",
    "Kilkenny",
    "Letterkenny",
    "Castlebar",
    "Carlow",
    "Naas",
    "Navan",
    "Wexford",
    "Tullamore",
    "Bantry",
    "Kinsale",
    "Dingle",
    "Westport",
    "Cavan",
]
# trade, legal forms (GB), legal forms (IE)
TRADES = [
    ("Dental Practice", ["Ltd", "Limited"], ["Ltd", "Limited"]),
    ("Veterinary Clinic", ["Ltd", "Limited"], ["Ltd", "DAC"]),
    ("Solicitors", ["LLP"], ["LLP"]),
    ("Chartered Accountants", ["LLP", "Ltd"], ["LLP", "Limited"]),
    ("Architects", ["LLP", "Ltd"], ["Ltd"]),
    ("Plumbing & Heating", ["Ltd"], ["Ltd"]),
    ("Joinery", ["Ltd", "Limited"], ["Ltd", "Teoranta"]),
    ("Engineering", ["Ltd", "Limited", "PLC"], ["DAC", "Ltd"]),
    ("Haulage", ["Ltd"], ["Ltd", "Teoranta"]),
    ("Pharmacy", ["Ltd"], ["Ltd", "Limited"]),
    ("Opticians", ["Ltd"], ["Ltd"]),
    ("Estate Agents", ["Ltd", "LLP"], ["Ltd"]),
    ("Recruitment", ["Ltd", "Limited"], ["Ltd"]),
    ("Physiotherapy", ["Ltd"], ["Ltd"]),
    ("Day Nursery", ["CIC", "Ltd"], ["CLG", "Ltd"]),
    ("Garden Centre", ["Ltd"], ["Ltd"]),
    ("Brewing Company", ["Ltd", "PLC"], ["DAC", "Teoranta"]),
    ("Bakery", ["Ltd"], ["Ltd", "Teoranta"]),
    ("Print & Design", ["Ltd"], ["Ltd"]),
    ("Electrical Contractors", ["Ltd", "Limited"], ["Ltd"]),
    ("Chartered Surveyors", ["LLP"], ["Ltd"]),
    ("Care Homes", ["Ltd", "PLC"], ["DAC"]),
    ("Hotel", ["Ltd", "PLC"], ["Ltd", "DAC"]),
    ("Roofing", ["Ltd"], ["Ltd"]),
    ("Motor Group", ["Ltd", "PLC"], ["Ltd"]),
    ("Agri Supplies", ["Ltd"], ["Ltd", "Teoranta"]),
    ("Insurance Brokers", ["Ltd", "LLP"], ["DAC"]),
    ("Community Transport", ["CIC"], ["CLG"]),
    ("Arts Centre", ["CIC"], ["CLG"]),
    ("Seafoods", ["Ltd"], ["Teoranta", "Ltd"]),
    ("Funeral Directors", ["Ltd"], ["Ltd"]),
    ("Kitchens & Bedrooms", ["Ltd"], ["Ltd"]),
    ("Letting Agents", ["Ltd"], ["Ltd"]),
    ("Logistics", ["Ltd", "Limited"], ["DAC", "Ltd"]),
]
# sibling stems: one distinguishing word each
SIBLINGS = [
    ("{s} Dental", ["Practice", "Laboratory"]),
    ("{s} Motor", ["Group", "Leasing", "Bodyshop"]),
    ("{s}", ["Holdings", "Properties"]),
    ("{s} Engineering", ["Services", "Fabrication"]),
    ("{s} Veterinary", ["Hospital", "Clinic"]),
    ("{s} Care", ["Homes", "at Home"]),
    ("Crafted Coffee {t}", None),  # numbered / town siblings
    ("{s} Pharmacy {t}", None),
]


@dataclass
class VLine:
    cid: int
    product: str
    role: str  # licence | credit
    k: F  # base units per written unit (vendor pack / block)
    qty: F  # written quantity (negative for credits)
    unit: F  # written unit cost per month
    sub: str
    classes: list = field(default_factory=list)
    row: int = 0
    text: str = ""
    uom: str = ""

    @property
    def base_qty(self):
        return self.qty * self.k

    @property
    def base_unit(self):
        return self.unit / self.k


@dataclass
class PLine:
    cid: int
    product: str | None
    role: str  # licence | service | not_billed
    base_qty: F
    base_price: F  # monthly price per base unit
    service: str = ""
    classes: list = field(default_factory=list)
    # filled by the speller
    k: F = F(1)
    qty: F = F(0)
    unit: F = F(0)
    text: str = ""
    uom: str = ""
    row: int = 0


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str = "GBP"


def money(x):
    return Decimal(x.numerator) / Decimal(x.denominator)


def half_up(x, places=2):
    q = Decimal(1).scaleb(-places)
    return (Decimal(x.numerator) / Decimal(x.denominator)).quantize(q, rounding=ROUND_HALF_UP)


def _names(rng, n):
    out, seen = [], set()
    groups = []
    nsib = max(2, n * 8 // 100)
    si = 0
    while len(out) < n:
        ie = rng.random() < 0.4
        town = rng.choice(TOWN_IE if ie else TOWN_GB)
        if si < nsib and rng.random() < 0.2:
            stem, words = SIBLINGS[rng.randrange(len(SIBLINGS))]
            sur = rng.choice(SURN_IE if ie else SURN_GB)
            form = "Ltd" if not ie or rng.random() < 0.6 else "DAC"
            if words is None:
                towns = rng.sample(TOWN_IE if ie else TOWN_GB, rng.choice([2, 3]))
                members = [(stem.format(s=sur, t=t) + " " + form, t) for t in towns]
            else:
                members = [(stem.format(s=sur) + " " + w + " " + form, town) for w in words]
            if any(m[0] in seen for m in members) or len(out) + len(members) > n:
                continue
            gid = f"G{len(groups) + 1}"
            groups.append(gid)
            for m, t in members:
                seen.add(m)
                out.append(
                    {
                        "canonical": m,
                        "country": "IE" if ie else "GB",
                        "town": t,
                        "sibling": gid,
                    }
                )
            si += 1
            continue
        trade, fgb, fie = TRADES[rng.randrange(len(TRADES))]
        form = rng.choice(fie if ie else fgb)
        if ie and "Teoranta" in fie and rng.random() < 0.5:
            form = "Teoranta"
        r = rng.random()
        if form == "Teoranta":
            nm = f"{rng.choice(GAEL)} {trade} Teoranta"
        elif form == "LLP" and r < 0.5:
            a, b = rng.sample(SURN_IE if ie else SURN_GB, 2)
            nm = f"{a} & {b} {form}"
        elif r < 0.45:
            nm = f"{rng.choice(SURN_IE if ie else SURN_GB)} {trade} {form}"
        elif r < 0.55 and form in ("Ltd", "Limited"):
            nm = f"{rng.choice(SURN_IE if ie else SURN_GB)}'s {trade} {form}"
        elif r < 0.62 and form in ("Ltd", "Limited"):
            nm = f"The {rng.choice(['Old Mill', 'Quayside', 'Market Cross', 'Riverside', 'Orchard'])} {trade} {form}"
        elif r < 0.70 and form in ("Ltd", "Limited"):
            hold = rng.choice(SURN_IE if ie else SURN_GB)
            nm = f"{hold} Holdings {form} t/a {rng.choice(TOWN_IE if ie else TOWN_GB)} {trade}"
        else:
            nm = f"{town} {trade} {form}"
        if nm in seen:
            continue
        seen.add(nm)
        out.append(
            {
                "canonical": nm,
                "country": "IE" if ie else "GB",
                "town": town,
                "sibling": "",
            }
        )
    return out


POPULAR = {
    "bp": 10,
    "bs": 6,
    "e5": 2,
    "exo1": 4,
    "exo2": 2,
    "eoa": 3,
    "xfs": 4,
    "w365b": 2,
    "w365e": 1,
    "intu": 3,
    "intd": 3,
    "mtrp": 2,
    "tps": 3,
    "dcp": 3,
    "sxa": 5,
    "sxs": 2,
    "eset": 3,
    "dep": 3,
    "dcs": 2,
    "b2": 3,
    "azh": 2,
    "aza": 1,
    "imp": 2,
    "kpt": 3,
    "ddi": 3,
    "sip": 3,
    "htp": 4,
}


def _qty(rng, p):
    lo, hi = p.qty_range
    return p.step * rng.randint(lo, hi)


def _delta(rng, p, q, up):
    """A base-quantity difference that keeps the PSA quantity > 0 and on the product's step."""
    if p.kind == "usage":
        d = F(rng.randint(100, 5000), 100)
        d = min(d, q / 2) if not up else d
        return F(int(d * 100), 100)
    n = int(q / p.step)
    if not up and n < 2:
        return None
    m = rng.randint(1, max(1, min(3, n - 1))) if not up else rng.randint(1, 3)
    return p.step * m


def build(seed, clients):
    rng = random.Random(f"AP|numbers|{seed}|{clients}")
    cl = _names(rng, clients)
    for i, c in enumerate(cl):
        c["id"] = i
        r = rng.random()
        c["side"] = "vendor_only" if r < 0.03 else "psa_only" if r < 0.06 else "both"
    vlines, plines = [], []
    weights = [POPULAR[k] for k in KEYS]
    for c in cl:
        n = rng.randint(3, 7)
        basket = []
        while len(basket) < n:
            k = rng.choices(KEYS, weights)[0]
            if k not in basket:
                basket.append(k)
        if rng.random() < 0.22:
            a, b = LOOKALIKE_PAIRS[rng.randrange(len(LOOKALIKE_PAIRS))]
            for k in (a, b):
                if k not in basket:
                    basket.append(k)
        c["basket"] = basket
        for k in basket:
            p = BY_KEY[k]
            vq = _qty(rng, p)
            r = rng.random()
            outcome = (
                "unbilled"
                if r < 0.055
                else "under"
                if r < 0.12
                else "over"
                if r < 0.185
                else "below"
                if r < 0.24
                else "under+below"
                if r < 0.255
                else "ok"
            )
            if c["side"] == "vendor_only":
                outcome = "unbilled"
            pq = vq
            if outcome.startswith("under"):
                d = _delta(rng, p, vq, False)
                if d is None:
                    outcome = outcome.replace("under", "over")
                    d = _delta(rng, p, vq, True)
                    pq = vq + d
                else:
                    pq = vq - d
            elif outcome == "over":
                pq = vq + _delta(rng, p, vq, True)
            price = rng.choice(p.low_prices if "below" in outcome else p.prices)
            if c["side"] != "psa_only":
                vlines.extend(_vendor_lines(rng, c, p, vq))
            if outcome != "unbilled":
                plines.extend(_psa_lines(rng, c, p, pq, price))
        # PSA-only keys (no vendor record): a product the vendor bill does not show for this client
        if c["side"] == "both" and rng.random() < 0.07:
            k = rng.choices(KEYS, weights)[0]
            if k not in basket:
                p = BY_KEY[k]
                plines.extend(_psa_lines(rng, c, p, _qty(rng, p), rng.choice(p.prices)))
                c["basket"] = basket + [k]
        if c["side"] != "vendor_only":
            for _ in range(rng.choice([0, 1, 1, 2])):
                name, pr, per = SERVICES[rng.randrange(len(SERVICES))]
                q = F(rng.randint(3, 40)) if per else F(rng.choice([1, 1, 2]))
                plines.append(PLine(c["id"], None, "service", q, pr, service=name))
            if rng.random() < 0.07:
                k = rng.choice(c["basket"])
                p = BY_KEY[k]
                plines.append(PLine(c["id"], k, "not_billed", _qty(rng, p), rng.choice(p.prices)))
    # contiguous subscription ids
    for i, v in enumerate(vlines):
        v.sub = f"{(seed * 7919 + i * 104729) % 99991:05d}-{i:05d}"
    return cl, vlines, plines


def _vendor_lines(rng, c, p, vq):
    out = []
    cost2 = p.cost
    parts = [vq]
    if p.kind != "usage" and vq >= 2 * p.step and rng.random() < 0.22:
        a = p.step * rng.randint(1, int(vq / p.step) - 1)
        parts = [a, vq - a]
        if rng.random() < 0.4:
            cost2 = p.cost + (F("0.10") if p.cost > 1 else F("0.01"))
    credit = None
    if p.kind not in ("usage",) and rng.random() < 0.09:
        credit = p.step
        parts[0] += credit
    for j, q in enumerate(parts):
        cost = p.cost if j == 0 else cost2
        packs = [k for k in p.vendor_packs if (q / k).denominator == 1]
        kv = F(rng.choice(packs)) if p.kind == "pack" else F(p.vendor_packs[0])
        cls = ["vnd_second_subscription_row"] if j == 1 else []
        out.append(VLine(c["id"], p.key, "licence", kv, q / kv, cost * kv, "", cls))
    if credit:
        v0 = out[0]
        kv = v0.k if (credit / v0.k).denominator == 1 else F(1)
        out.append(
            VLine(
                c["id"],
                p.key,
                "credit",
                kv,
                -credit / kv,
                p.cost * kv,
                "",
                ["vnd_negative_credit_row"],
            )
        )
    return out


def _psa_lines(rng, c, p, pq, price):
    if pq >= 2 * p.step and p.kind != "usage" and rng.random() < 0.10:
        a = p.step * rng.randint(1, int(pq / p.step) - 1)
        pr2 = price if rng.random() < 0.5 else price + (F("0.25") if price > 1 else F("0.001"))
        return [
            PLine(
                c["id"],
                p.key,
                "licence",
                pq - a,
                price,
                classes=["split_over_two_psa_lines"],
            ),
            PLine(c["id"], p.key, "licence", a, pr2, classes=["split_over_two_psa_lines"]),
        ]
    return [PLine(c["id"], p.key, "licence", pq, price)]


def compute_findings(rows_v, rows_p):
    """rows: (client, product, base_qty, base_unit, row) tuples of licence/credit rows only."""
    keys = {}
    order = []
    for side, rows in (("v", rows_v), ("p", rows_p)):
        for cl, prod, q, u, row in rows:
            k = (cl, prod)
            if k not in keys:
                keys[k] = {"v": [], "p": []}
                order.append(k)
            keys[k][side].append((q, u, row))
    agg = {}
    for k in order:
        d = keys[k]
        vq = sum((q for q, _, _ in d["v"]), F(0))
        pq = sum((q for q, _, _ in d["p"]), F(0))
        c = sum((q * u for q, u, _ in d["v"]), F(0)) / vq if vq else None
        p = sum((q * u for q, u, _ in d["p"]), F(0)) / pq if pq else None
        agg[k] = (vq, pq, c, p)
    billed = {}
    for k in order:
        vq, pq, c, p = agg[k]
        if pq > 0:
            billed.setdefault(k[1], []).append(p)
    out = []
    for k in order:
        vq, pq, c, p = agg[k]
        d = keys[k]
        vr = sorted(r for _, _, r in d["v"])
        pr = sorted(r for _, _, r in d["p"])
        found = []
        if vq > 0 and not d["p"]:
            med = statistics.median(billed[k[1]]) if k[1] in billed else c
            found.append(("unbilled", vq * med))
        if vq > pq > 0:
            found.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            found.append(("over_billed", (pq - vq) * p))
        if pq > 0 and not d["v"] and p:
            found.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            found.append(("below_cost", (c - p) * min(vq, pq)))
        for t, imp in found:
            out.append(
                {
                    "type": t,
                    "client": k[0],
                    "product": k[1],
                    "vendor_rows": vr,
                    "psa_rows": pr,
                    "monthly_impact": str(half_up(F(imp))),
                }
            )
    return out
