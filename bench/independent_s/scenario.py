"""Set S scenario: client books, baskets, vendor and PSA lines, and the truth computed from the lines."""

from __future__ import annotations

import random
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_UP
from decimal import Decimal as D

from .vocab import (
    CHAINS,
    COUNTRIES,
    COUNTRY_WEIGHTS,
    LEGAL_EN,
    PRODUCT,
    SERVICES,
    SOLE_TRADERS,
    TWIN_EXTRA,
)

CENT = D("0.01")


def q2(x: D) -> D:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def floor05(x: D) -> D:
    return (x / D("0.05")).to_integral_value(rounding=ROUND_FLOOR) * D("0.05")


def ceil05(x: D) -> D:
    return -floor05(-x)


@dataclass
class Client:
    cid: int
    name: str  # canonical (= PSA clean spelling = vendor tenant name)
    country: str
    kind: str = "normal"  # normal sibling store twin sole twotenant
    side: str = "both"  # both vendor_only psa_only
    family: str | None = None
    legal: str = ""
    stem: str = ""
    ind: str = ""
    ind_en: str = ""
    en_name: str = ""  # translation into English (for name_translated)
    first: str = ""
    last: str = ""
    chain_base: str = ""
    site: str = ""
    domain: str = ""
    alt_tenant: str = ""  # a second tenant of the same company (kind twotenant)
    alt_domain: str = ""
    trading: str = ""  # a trading name seen in the tenant domain (dba)
    tax_id: str = ""


@dataclass
class VLine:
    client: Client
    pkey: str
    qty: int
    cost: D  # amount per unit for the line's billing period
    billing: str  # monthly | annual
    term: str  # P1M | P1Y | P3Y
    role: str  # licence | credit | trial
    charge: str
    sub_id: str
    tenant: str  # tenant name as on the bill (canonical or alt tenant)
    domain: str
    list_cost: D
    idx: int = 0

    @property
    def monthly_cost(self) -> D:
        return self.cost / 12 if self.billing == "annual" else self.cost


@dataclass
class PLine:
    client: Client
    pkey: str | None  # None for a service
    text: str  # canonical description (product name or service text)
    qty: int  # quantity written (before Less Included)
    price: D  # list unit price per the line's period
    period: str = "monthly"  # monthly | yearly
    disc: int = 0  # percent discount
    less_included: int = 0
    role: str = "licence"  # licence service cancelled paused voided
    idx: int = 0
    desc: str = ""  # written text (perturbed or canonical)
    name: str = ""  # written client name
    site: str = ""  # written site/division column
    classes: list = field(default_factory=list)

    @property
    def billed_qty(self) -> int:
        return self.qty - self.less_included

    @property
    def monthly_price(self) -> D:
        p = self.price * (100 - self.disc) / 100
        return p / 12 if self.period == "yearly" else p


def _slug(s: str) -> str:
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.translate(
        str.maketrans(
            {"ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ø": "o", "ß": "ss", "æ": "ae"}
        )
    )
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _compose(country: str, stem: str, ind: str, legal: str) -> str:
    order = COUNTRIES[country]["order"]
    if order == "ISL":
        return f"{ind} {stem} {legal}"
    if order == "LIS":
        return f"{legal} {ind} {stem}"
    return f"{stem} {ind} {legal}"


def make_clients(rng: random.Random, n: int) -> list[Client]:
    clients: list[Client] = []
    used: set[tuple] = set()
    names: set[str] = set()
    countries = list(COUNTRY_WEIGHTS)
    weights = [COUNTRY_WEIGHTS[c] for c in countries]

    def add(c: Client) -> bool:
        if c.name.casefold() in names or len(clients) >= n:
            return False
        names.add(c.name.casefold())
        clients.append(c)
        return True

    def pick_stem_ind(country: str, tries: int = 40):
        spec = COUNTRIES[country]
        for _ in range(tries):
            stem = rng.choice(spec["stems"])
            ind, ind_en = rng.choice(spec["ind"])
            if (country, stem, ind) not in used:
                return stem, ind, ind_en or ind
        return None

    def normal(
        country: str,
        kind: str = "normal",
        family: str | None = None,
        stem=None,
        ind=None,
        ind_en=None,
        legal=None,
        extra: str = "",
    ) -> Client | None:
        spec = COUNTRIES[country]
        if stem is None:
            got = pick_stem_ind(country)
            if not got:
                return None
            stem, ind, ind_en = got
        used.add((country, stem, ind))
        legal = legal or rng.choice(spec["legal"])
        ind_full = f"{ind} {extra}".strip()
        name = _compose(country, stem, ind_full, legal)
        en = ""
        if country not in ("US", "GB", "AU"):
            en = f"{stem} {ind_en}{(' ' + extra) if extra else ''} {LEGAL_EN.get(legal, legal)}"
        c = Client(0, name, country, kind, "both", family, legal, stem, ind_full, ind_en, en)
        c.domain = (
            _slug(stem + ind.split()[0] + (extra.split()[-1] if extra else "")) + ".onmicrosoft.com"
        )
        return c

    scale = max(1, n // 60)
    # families first -------------------------------------------------------------------------------
    if n >= 20:
        for k in range(min(4, scale + 1)):  # siblings: same stem, two trades
            country = rng.choice(["US", "GB", "DE", "PL", "AU"])
            spec = COUNTRIES[country]
            stem = rng.choice(spec["stems"])
            inds = rng.sample(spec["ind"], 2)
            if country == "US" and k == 0:
                inds = [("Dental Group", ""), ("Dental Lab", "")]
            legal = rng.choice(spec["legal"])
            fam = f"sib{k}"
            for ind, ind_en in inds:
                if (country, stem, ind) in used:
                    continue
                c = normal(country, "sibling", fam, stem, ind, ind_en or ind, legal)
                add(c)
        for k in range(min(3, scale)):  # chains: numbered stores
            country, base, label, legal = CHAINS[k % len(CHAINS)]
            nums = sorted(rng.sample(range(2, 40), rng.randint(3, 5)))
            for num in nums:
                c = Client(
                    0,
                    f"{base} {label} {num}",
                    country,
                    "store",
                    "both",
                    f"chain{k}",
                    "",
                    base,
                    "",
                    "",
                )
                c.chain_base, c.site = base, f"{label} {num}"
                c.domain = _slug(base) + f"{num}.onmicrosoft.com"
                add(c)
        for k in range(min(3, scale + 1)):  # near twins
            country = rng.choice(["GB", "US", "DE", "AU"])
            got = pick_stem_ind(country)
            if not got:
                continue
            stem, ind, ind_en = got
            legal = rng.choice(COUNTRIES[country]["legal"])
            a = normal(country, "twin", f"twin{k}", stem, ind, ind_en, legal)
            b = normal(
                country, "twin", f"twin{k}", stem, ind, ind_en, legal, extra=rng.choice(TWIN_EXTRA)
            )
            add(a)
            add(b)
        for k, (country, first, last, trade) in enumerate(
            SOLE_TRADERS[: min(len(SOLE_TRADERS), 2 * scale + 1)]
        ):
            c = Client(0, f"{first} {last} {trade}", country, "sole", first=first, last=last)
            c.domain = _slug(last + trade) + ".onmicrosoft.com"
            add(c)
        for k in range(min(2, scale)):  # one company, two tenants on the bill
            country = rng.choice(["PL", "NO", "US"])
            c = normal(country, "twotenant", None)
            if c is None:
                continue
            c.alt_tenant = rng.choice(
                [
                    f"{c.name} (Archive)",
                    f"{c.stem} {c.ind} - Legacy Tenant",
                    f"{c.stem} {c.ind} {c.legal} [old tenant]",
                ]
            )
            c.alt_domain = _slug(c.stem) + "legacy.onmicrosoft.com"
            add(c)
    # ordinary clients -----------------------------------------------------------------------------
    guard = 0
    while len(clients) < n and guard < n * 50:
        guard += 1
        country = rng.choices(countries, weights)[0]
        c = normal(country)
        if c is not None:
            add(c)
    rng.shuffle(clients)
    tradings: set[str] = set()
    for i, c in enumerate(clients):
        c.cid = i + 1
        c.tax_id = f"{rng.randint(10**8, 10**9 - 1)}"
        if c.kind == "normal":
            r = rng.random()
            if r < 0.04:
                c.side = "vendor_only"
            elif r < 0.08:
                c.side = "psa_only"
            elif r < 0.14 and c.country in ("US", "GB", "AU", "CA"):
                tn = (
                    rng.choice(
                        ["Coastal", "Northside", "Evergreen", "Keystone", "Westgate", "Riverbend"]
                    )
                    + " "
                    + rng.choice(["Clinic", "Studio", "Group", "Partners", "Works"])
                )
                if tn not in tradings:
                    tradings.add(tn)
                    c.trading = tn
                    c.domain = (
                        _slug(tn) + ".onmicrosoft.com"
                    )  # the tenant was set up under the trading name
    return clients


BASES = [
    ("BP", 30),
    ("BS", 16),
    ("BB", 14),
    ("E3", 10),
    ("E5", 5),
    ("O365E3", 6),
    ("E3NT", 3),
    ("BPNT", 2),
    ("EXOP1", 6),
    ("F3", 4),
    ("APPSBIZ", 4),
]
ADDONS = [
    ("EOA", 0.12),
    ("ENTRAP1", 0.07),
    ("ENTRAP2", 0.02),
    ("DFO1", 0.08),
    ("DFB", 0.07),
    ("INTUNE", 0.05),
    ("PBIPRO", 0.15),
    ("PBIPPU", 0.03),
    ("VISIO2", 0.08),
    ("VISIO1", 0.04),
    ("PROJ3", 0.05),
    ("COPILOT", 0.12),
    ("TEAMSESS", 0.03),
    ("TPHONE", 0.08),
    ("E5SEC", 0.04),
    ("EXOP2", 0.03),
    ("APPSENT", 0.03),
]
NONMS = [
    ("ACRONIS", 0.25),
    ("KEEPER", 0.18),
    ("DROPSUITE", 0.15),
    ("ADOBEPRO", 0.12),
    ("ADOBECC", 0.06),
    ("HUNTRESS", 0.15),
    ("INTERMEDIA", 0.06),
    ("AUTOCAD", 0.04),
    ("PROOFPOINT", 0.08),
]


def seats(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.3:
        return rng.randint(1, 5)
    if r < 0.75:
        return rng.randint(6, 25)
    if r < 0.95:
        return rng.randint(26, 80)
    return rng.randint(81, 250)


def make_basket(rng: random.Random, ms_only: bool) -> dict[str, int]:
    n = seats(rng)
    keys, w = zip(*BASES)
    base = rng.choices(keys, w)[0]
    basket = {base: n}
    if n > 8 and rng.random() < 0.15:  # a second base for part of the staff
        other = rng.choice(["F3", "BB", "EXOP1", "BS"])
        if other != base:
            basket[other] = rng.randint(1, max(1, n // 3))
    for k, p in ADDONS:
        if rng.random() < p and k not in basket:
            if k == "E5SEC" and base not in ("E3", "E3NT"):
                continue
            basket[k] = rng.randint(1, n)
    if not ms_only:
        for k, p in NONMS:
            if rng.random() < p:
                basket[k] = rng.randint(1, n + (rng.randint(0, 5) if k == "ACRONIS" else 0))
    # never two spellings that a careful reader cannot keep apart: drop conflicting pairs
    if "E3" in basket and "E3NT" in basket:
        del basket["E3NT"]
    if "BP" in basket and "BPNT" in basket:
        del basket["BPNT"]
    return basket


STATES = [
    ("ok", 0.64),
    ("under", 0.07),
    ("over", 0.06),
    ("below", 0.045),
    ("below_under", 0.015),
    ("below_over", 0.01),
    ("unbilled", 0.05),
    ("unbilled_inactive", 0.02),
    ("nvr", 0.04),
]
FORCED = [
    "under",
    "over",
    "below",
    "below_under",
    "below_over",
    "unbilled",
    "unbilled_inactive",
    "nvr",
]


@dataclass
class Scenario:
    clients: list[Client]
    vlines: list[VLine]
    plines: list[PLine]


def make_scenario(seed: int, n: int, ms_only: bool) -> Scenario:
    rng = random.Random(f"set-S|{seed}|{n}|{int(ms_only)}")
    clients = make_clients(rng, n)
    vlines: list[VLine] = []
    plines: list[PLine] = []
    forced = list(FORCED) * 2
    skeys, sw = zip(*STATES)
    for c in clients:
        basket = make_basket(rng, ms_only)
        disc = rng.choice([D(0)] * 8 + [D("0.03"), D("0.05"), D("0.10")])
        price_factor = rng.choice([D(1)] * 6 + [D("0.9"), D("1.1"), D("1.2"), D("0.95")])
        alt_keys = set()
        if c.alt_tenant:
            alt_keys = set(rng.sample(sorted(basket), min(len(basket), rng.randint(1, 2))))
        for pkey, vq in sorted(basket.items()):
            prod = PRODUCT[pkey]
            if c.side == "vendor_only":
                state = "unbilled" if rng.random() < 0.85 else "unbilled_inactive"
            elif c.side == "psa_only":
                state = "nvr"
            elif forced and c.kind == "normal" and not c.trading:
                state = forced.pop(0)
            else:
                state = rng.choices(skeys, sw)[0]
            if state in ("under", "below_under") and vq < 2:
                state = "over" if state == "under" else "below_over"
            # ---- vendor lines --------------------------------------------------------------------------
            line_costs: list[D] = []
            if state != "nvr":
                parts = [vq]
                if vq >= 4 and rng.random() < 0.09:
                    a = rng.randint(1, vq - 1)
                    parts = [a, vq - a]
                for pi, part in enumerate(parts):
                    term = rng.choices(["P1Y", "P1M", "P3Y"], [70, 25, 5])[0]
                    unit = prod.cost * (D("1.2") if term == "P1M" else D(1)) * (1 - disc)
                    unit = q2(unit)
                    billing = "annual" if term != "P1M" and rng.random() < 0.15 else "monthly"
                    credit = part >= 2 and billing == "monthly" and rng.random() < 0.06
                    k = rng.randint(1, 3) if credit else 0
                    tenant, dom = c.name, c.domain
                    if pkey in alt_keys and (len(parts) == 1 or pi == 1):
                        tenant, dom = c.alt_tenant, c.alt_domain
                    sub = _uuid(rng)
                    charge = rng.choice(["cycleCharge"] * 6 + ["renew", "new"])
                    amount = unit * 12 if billing == "annual" else unit
                    vlines.append(
                        VLine(
                            c,
                            pkey,
                            part + k,
                            amount,
                            billing,
                            term,
                            "licence",
                            charge,
                            sub,
                            tenant,
                            dom,
                            prod.cost,
                        )
                    )
                    if credit:
                        vlines.append(
                            VLine(
                                c,
                                pkey,
                                -k,
                                amount,
                                billing,
                                term,
                                "credit",
                                rng.choice(["removeQuantity", "cancel"]),
                                sub,
                                tenant,
                                dom,
                                prod.cost,
                            )
                        )
                    line_costs.append(unit)
            # ---- PSA lines -------------------------------------------------------------------------------
            if state == "unbilled":
                continue
            cmin = min(line_costs) if line_costs else prod.cost
            cmax = max(line_costs) if line_costs else prod.cost
            pq = vq
            if state in ("under", "below_under"):
                pq = vq - rng.randint(1, min(5, vq - 1))
            elif state in ("over", "below_over"):
                pq = vq + rng.randint(1, 5)
            if state.startswith("below"):
                gap = min(D(rng.choice(["0.05", "0.50", "1.00", "2.00", "3.50"])), cmin * D("0.25"))
                price = floor05(cmin - max(gap, D("0.05")))
                if price <= 0:
                    price = floor05(cmin / 2)
                if price <= 0:
                    price = D("0.05")
                dpct = 0
            else:
                price = max(floor05(prod.price * price_factor), ceil05(cmax + D("0.05")))
                dpct = rng.choice([5, 10, 15]) if rng.random() < 0.07 else 0
                if price * (100 - dpct) / 100 < cmax + D("0.01"):
                    dpct = 0
            role = "licence"
            if state == "unbilled_inactive":
                role = rng.choice(["cancelled", "paused", "voided"])
            period = "yearly" if rng.random() < 0.07 else "monthly"
            unit_written = price * 12 if period == "yearly" else price
            li = rng.randint(1, 2) if rng.random() < 0.03 else 0
            if role == "licence" and pq >= 2 and rng.random() < 0.05:
                a = rng.randint(1, pq - 1)
                plines.append(PLine(c, pkey, prod.name, a, unit_written, period, dpct, 0, role))
                plines.append(
                    PLine(c, pkey, prod.name, pq - a, unit_written, period, dpct, 0, role)
                )
            else:
                plines.append(
                    PLine(c, pkey, prod.name, pq + li, unit_written, period, dpct, li, role)
                )
            if (
                role == "licence" and rng.random() < 0.05
            ):  # an old line, cancelled, beside the live one
                plines.append(
                    PLine(
                        c,
                        pkey,
                        prod.name,
                        max(1, pq - rng.randint(0, 3)),
                        unit_written,
                        period,
                        0,
                        0,
                        rng.choice(["cancelled", "paused", "voided"]),
                    )
                )
        # trials (free) -----------------------------------------------------------------------------------
        if c.side != "psa_only" and rng.random() < 0.05:
            tk = "COPILOT" if "COPILOT" not in basket else "TEAMSEXP"
            if tk == "COPILOT" and rng.random() < 0.4:
                tk = "TEAMSEXP"
            if tk not in basket:
                vlines.append(
                    VLine(
                        c,
                        tk,
                        rng.randint(5, 25),
                        D("0.00"),
                        "monthly",
                        "P1M",
                        "trial",
                        "new",
                        _uuid(rng),
                        c.name,
                        c.domain,
                        D(0),
                    )
                )
        # services ------------------------------------------------------------------------------------------
        if c.side != "vendor_only":
            n_seats = max(basket.values())
            for s in rng.sample(SERVICES, rng.randint(1, 3)):
                qty = (
                    1
                    if (
                        "project" in s
                        or "hours" in s
                        or "block" in s
                        or "lease" in s
                        or "workshop" in s
                        or "porting" in s
                    )
                    else n_seats
                )
                if qty == 1:
                    price = D(rng.choice(["95.00", "120.00", "350.00", "650.00", "1250.00"]))
                else:
                    price = D(rng.choice(["4.50", "8.00", "12.50", "25.00", "45.00", "65.00"]))
                plines.append(PLine(c, None, s, qty, price, role="service"))
    return Scenario(clients, vlines, plines)


# ----------------------------------------------------------------------------------------------------------
def compute_findings(vlines: list[VLine], plines: list[PLine]) -> list[dict]:
    """Apply rules.md to the lines. Lines carry .row (set by the writers)."""
    vagg: dict[tuple, dict] = {}
    for v in vlines:
        if v.role not in ("licence", "credit"):
            continue
        a = vagg.setdefault(
            (v.client.cid, v.pkey), {"q": 0, "amt": D(0), "rows": [], "c": v.client}
        )
        a["q"] += v.qty
        a["amt"] += v.qty * v.monthly_cost
        a["rows"].append(v.row)
    pagg: dict[tuple, dict] = {}
    for p in plines:
        if p.role != "licence":
            continue
        a = pagg.setdefault(
            (p.client.cid, p.pkey), {"q": 0, "amt": D(0), "rows": [], "c": p.client, "lines": []}
        )
        a["q"] += p.billed_qty
        a["amt"] += p.billed_qty * p.monthly_price
        a["rows"].append(p.row)
        a["lines"].append(p)
    by_product: dict[str, list[D]] = {}
    for (cid, pk), a in pagg.items():
        if a["q"] > 0:
            by_product.setdefault(pk, []).append(a["amt"] / a["q"])
    out = []
    for key in sorted(set(vagg) | set(pagg), key=lambda k: (k[0], k[1])):
        va, pa = vagg.get(key), pagg.get(key)
        client = (va or pa)["c"]
        prod = PRODUCT[key[1]]
        vq = va["q"] if va else 0
        pq = pa["q"] if pa else 0
        c = va["amt"] / vq if va and vq else None
        p = pa["amt"] / pq if pa and pq else None
        base = {
            "client": client.name,
            "product": prod.name,
            "vendor_rows": sorted(va["rows"]) if va else [],
            "psa_rows": sorted(pa["rows"]) if pa else [],
            "_cid": client.cid,
            "_pkey": key[1],
        }

        def add(t, impact):
            out.append(dict(base, type=t, monthly_impact=str(q2(impact))))

        if vq > 0 and pq <= 0:
            prices = by_product.get(key[1])
            med = statistics.median(prices) if prices else c
            add("unbilled", vq * med)
        elif pq > 0 and vq <= 0:
            add("no_vendor_record", pq * p)
        elif vq > 0 and pq > 0:
            if vq > pq:
                add("under_billed", (vq - pq) * p)
            elif pq > vq:
                add("over_billed", (pq - vq) * p)
            if p < c:
                add("below_cost", (c - p) * min(vq, pq))
    return out
