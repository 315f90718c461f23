"""The scenario: customers, what they buy from the vendor, what the MSP bills them, and the truth.

Everything is drawn from ``random.Random`` streams seeded from the case seed; the perturbation
stream is separate from the scenario stream so ``perturb=False`` renders the same scenario.
Truth follows /work/briefs/rules.md, computed exactly with ``Fraction`` from the scenario's own
values (never by parsing the rendered files).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from . import catalog as cat
from .catalog import Product
from .perturb import perturb_client, perturb_product

PERIOD = "2026-10"
PERIOD_START = dt.date(2026, 10, 1)
PERIOD_END = dt.date(2026, 10, 31)
FX = {
    "USD": Decimal(1),
    "CAD": Decimal("1.37"),
    "AUD": Decimal("1.52"),
    "EUR": Decimal("0.92"),
    "GBP": Decimal("0.79"),
}
CENT = Decimal("0.01")


def money(x: Decimal | Fraction) -> Decimal:
    """Round half-up to the cent (Fractions exactly)."""
    if isinstance(x, Fraction):
        n, d = x.numerator, x.denominator
        sign = -1 if n < 0 else 1
        n = abs(n)
        cents = (2 * n * 100 + d) // (2 * d)
        return Decimal(sign * cents).scaleb(-2)
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Client:
    cid: str
    name: str  # canonical
    vendor_name: str
    psa_name: str
    name_classes: list[str]
    side: str  # both | vendor | psa
    domain: str
    tenant_id: str
    trade: str
    is_store: bool = False
    is_sibling: bool = False
    folded: str | None = None


@dataclass
class VLine:
    client: Client
    product: Product
    qty: int
    unit: Decimal  # unit cost for the billed period (a year when annual)
    list_unit: Decimal  # list / RRP / suggested price for the same period
    annual: bool
    term: str  # P1M | P1Y | TRIAL
    role: str  # licence | free | credit
    sub_id: str
    start: dt.date
    classes: list[str] = field(default_factory=list)

    @property
    def monthly_cost(self) -> Fraction:
        return Fraction(self.unit) / (12 if self.annual else 1)


@dataclass
class PLine:
    client: Client
    product: Product | None  # None for service lines
    service: str | None
    qty: int
    unit: Decimal  # unit price for the billed period
    yearly: bool
    role: str  # licence | service | cancelled
    text: str  # description as the PSA shows it
    classes: list[str]
    cancel_date: dt.date | None = None
    start: dt.date = dt.date(2025, 1, 1)
    agreement: str = "Managed Services Agreement"

    @property
    def monthly_price(self) -> Fraction:
        return Fraction(self.unit) / (12 if self.yearly else 1)

    @property
    def canonical(self) -> str:
        return self.product.name if self.product else (self.service or "")


@dataclass
class Scenario:
    seed: int
    currency: str
    clients: list[Client]
    vlines: list[VLine]
    plines: list[PLine]


def _guid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]", "", name.lower().encode("ascii", "ignore").decode())
    return s[:24] or "tenant"


def _seats(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.45:
        return rng.randint(2, 15)
    if r < 0.85:
        return rng.randint(16, 60)
    return rng.randint(61, 240)


def _encodable(s: str) -> bool:
    try:
        s.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def _make_clients(rng: random.Random, n: int, cp1252: bool = False) -> list[Client]:
    names: list[
        tuple[str, bool, bool, str | None]
    ] = []  # (canonical, is_store, is_sibling, folded)
    for group in cat.SIBLINGS:
        for nm in group:
            names.append((nm, "Store" in nm, True, None))
    # more numbered stores of the same chains as the case grows (each store is its own customer)
    taken_nums = {nm for g in cat.SIBLINGS for nm in g}
    for _ in range(max(0, n // 40)):
        chain = rng.choice(("Bayside Pharmacy", "Harbor Coffee"))
        for _try in range(50):
            nm = f"{chain} Store {rng.randint(1, 48)}"
            if nm not in taken_nums:
                taken_nums.add(nm)
                names.append((nm, True, True, None))
                break
    accented = list(cat.ACCENTED)
    rng.shuffle(accented)
    if cp1252:  # a Windows-1252 export cannot carry letters such as Ł: such a customer is not in it
        accented = [a for a in accented if _encodable(a[0])]
    for nm, folded in accented[: max(2, n // 25)]:
        names.append((nm, False, False, folded))
    used = {_norm(x[0]) for x in names}
    while len(names) < n:
        place = rng.choice(cat.PLACES)
        ind = rng.choice(cat.INDUSTRIES)
        legal = rng.choice(cat.LEGAL)
        nm = f"{place} {ind} {legal}".strip()
        key = _norm(f"{place} {ind}")
        # one customer per place + trade, and never a prefix of a sibling's name ("Summit Law Group")
        if key in used or any(u.startswith(key) or key.startswith(u) for u in used):
            continue
        used.add(key)
        names.append((nm, False, False, None))
    names = names[:n]
    clients = []
    for i, (nm, is_store, is_sib, folded) in enumerate(names):
        clients.append(
            Client(
                cid=f"C{i + 1:04d}",
                name=nm,
                vendor_name=nm,
                psa_name=nm,
                name_classes=[],
                side="both",
                domain=f"{_slug(nm)}.onmicrosoft.com",
                tenant_id=_guid(rng),
                trade=rng.choice(cat.TRADE_NAMES),
                is_store=is_store,
                is_sibling=is_sib,
                folded=folded,
            )
        )
    # one-sided customers (never the first sibling of a group, so a sibling trap keeps its partner)
    order = list(range(len(clients)))
    rng.shuffle(order)
    k = max(2, n // 25)
    cands = [i for i in order if not clients[i].is_sibling]
    for i in cands[:k]:
        clients[i].side = "vendor"
    for i in cands[k : 2 * k]:
        clients[i].side = "psa"
    # make sure one sibling (a store) exists on the vendor side only
    for c in clients:
        if c.name == "Bayside Pharmacy Store 9":
            c.side = "vendor"
    return clients


def _family(c: Client) -> str | None:
    if not c.is_sibling:
        return None
    if c.is_store:
        return c.name.split(" Store ")[0]
    for g in cat.SIBLINGS:
        if c.name in g:
            return g[0]
    return None


def _basket(
    rng: random.Random, scope_ms_only: bool, sibling_template: list[str] | None
) -> list[str]:
    if sibling_template is not None:
        return list(sibling_template)
    keys: list[str] = []
    suites = list(cat.SUITES)
    keys.append(rng.choices(suites, weights=[cat.BY_KEY[s].weight for s in suites])[0])
    if rng.random() < 0.12:  # a look-alike pair bought side by side
        a, b = rng.choice(cat.LOOKALIKES)
        keys += [a, b]
    n_add = rng.choice((0, 1, 1, 2, 2, 3, 4))
    addons = list(cat.ADDONS)
    for _ in range(n_add):
        keys.append(rng.choices(addons, weights=[cat.BY_KEY[s].weight for s in addons])[0])
    if not scope_ms_only:
        n_non = rng.choice((0, 1, 1, 2, 2, 3))
        non = list(cat.NON_MS)
        for _ in range(n_non):
            keys.append(rng.choices(non, weights=[cat.BY_KEY[s].weight for s in non])[0])
    out: list[str] = []
    for k in keys:
        if k not in out:
            out.append(k)
    return out


def build(
    seed: int, n_clients: int, currency: str, ms_only: bool, perturb: bool, cp1252: bool = False
) -> Scenario:
    rng = random.Random(seed)  # scenario stream
    prng = random.Random(seed * 7919 + 104729)  # perturbation stream (used only when perturb)
    fx = FX[currency]
    clients = _make_clients(rng, n_clients, cp1252)

    # price book for this case
    cost_base: dict[str, Decimal] = {}
    std_price: dict[str, Decimal] = {}
    for p in cat.PRODUCTS:
        lst = money(p.list_price * fx)
        if p.free:
            cost_base[p.key] = Decimal("0.00")
            std_price[p.key] = Decimal("0.00")
            continue
        disc = Decimal(rng.choice((0, 0, 3, 5, 8, 10, 12))) / 100
        cost_base[p.key] = money(lst * (1 - disc))
        mon = money(cost_base[p.key] * Decimal("1.20"))
        std = money(lst * Decimal(rng.randint(100, 125)) / 100)
        std_price[p.key] = max(std, money(mon * Decimal("1.05")))

    vlines: list[VLine] = []
    plines: list[PLine] = []
    sib_templates: dict[str, list[str]] = {}

    def sub_id() -> str:
        return _guid(rng)

    for c in clients:
        family = _family(c)
        tmpl = sib_templates.get(family) if family else None
        basket = _basket(rng, ms_only, tmpl)
        if ms_only:
            basket = [k for k in basket if cat.BY_KEY[k].ms]
        if family and family not in sib_templates:  # siblings buy alike: names must tell them apart
            sib_templates[family] = basket
        seats = _seats(rng)
        devices = max(1, seats + rng.randint(-2, 6))
        # ------------------------------------------------------------ vendor side
        vendor_keys: list[str] = []
        for k in basket:
            p = cat.BY_KEY[k]
            if k in ("COPILOT", "PBIPRO", "VISIO2", "VISIO1", "PROJ3", "ADOBE", "E5SEC"):
                q = max(1, seats // rng.choice((2, 3, 4, 6)))
            elif k in ("ACRONIS", "S1"):
                q = devices
            else:
                q = max(1, seats + rng.randint(-1, 2))
            vendor_keys.append(k)
            if c.side == "psa":
                continue
            start = dt.date(rng.randint(2022, 2026), rng.randint(1, 12), 1)
            if start > PERIOD_START:
                start = dt.date(2025, start.month, 1)
            r = rng.random()
            base = cost_base[k]
            lst = money(p.list_price * fx)
            if r < 0.14 and q >= 2:  # two subscriptions: annual term + monthly term
                q1 = rng.randint(1, q - 1)
                vlines.append(VLine(c, p, q1, base, lst, False, "P1Y", "licence", sub_id(), start))
                vlines.append(
                    VLine(
                        c,
                        p,
                        q - q1,
                        money(base * Decimal("1.20")),
                        money(lst * Decimal("1.20")),
                        False,
                        "P1M",
                        "licence",
                        sub_id(),
                        dt.date(2026, rng.randint(1, 9), 1),
                    )
                )
            elif r < 0.22:  # billed annually, up front
                vlines.append(
                    VLine(
                        c,
                        p,
                        q,
                        money(base * 12 * Decimal("0.95")),
                        money(lst * 12),
                        True,
                        "P1Y",
                        "licence",
                        sub_id(),
                        dt.date(2025, 10, 1),
                    )
                )
            elif r < 0.30 and q >= 3:  # seats reduced: credit line nets against the cycle charge
                extra = rng.randint(1, max(1, q // 4))
                sid = sub_id()
                vlines.append(
                    VLine(c, p, q + extra, base, lst, False, "P1Y", "licence", sid, start)
                )
                vlines.append(VLine(c, p, -extra, base, lst, False, "P1Y", "credit", sid, start))
            elif r < 0.36 and q >= 2:  # two annual subscriptions bought at different times
                q1 = rng.randint(1, q - 1)
                vlines.append(VLine(c, p, q1, base, lst, False, "P1Y", "licence", sub_id(), start))
                vlines.append(
                    VLine(
                        c,
                        p,
                        q - q1,
                        base,
                        lst,
                        False,
                        "P1Y",
                        "licence",
                        sub_id(),
                        dt.date(2026, rng.randint(1, 9), 1),
                    )
                )
            else:
                term = "P1M" if rng.random() < 0.25 else "P1Y"
                cost = money(base * Decimal("1.20")) if term == "P1M" else base
                lp = money(lst * Decimal("1.20")) if term == "P1M" else lst
                vlines.append(VLine(c, p, q, cost, lp, False, term, "licence", sub_id(), start))
        if c.side != "psa" and rng.random() < 0.25:  # free SKUs
            fk = rng.choice(cat.FREE)
            if fk not in basket and not (fk == "PBIFREE" and "PBIPRO" in basket):
                vlines.append(
                    VLine(
                        c,
                        cat.BY_KEY[fk],
                        rng.randint(1, max(1, seats)),
                        Decimal("0.00"),
                        Decimal("0.00"),
                        False,
                        "P1M",
                        "free",
                        sub_id(),
                        dt.date(2026, 9, 1),
                    )
                )
        if c.side != "psa" and rng.random() < 0.08:  # a trial of a product the client does not buy
            pool = [k for k in cat.SUITES + cat.ADDONS if k not in basket]
            tk = rng.choice(pool)
            vlines.append(
                VLine(
                    c,
                    cat.BY_KEY[tk],
                    rng.choice((1, 5, 25)),
                    Decimal("0.00"),
                    Decimal("0.00"),
                    False,
                    "TRIAL",
                    "free",
                    sub_id(),
                    dt.date(2026, 9, 15),
                )
            )
        # ------------------------------------------------------------ PSA side
        if c.side == "vendor":
            continue
        vq: dict[str, int] = defaultdict(int)
        vc: dict[str, Fraction] = defaultdict(Fraction)
        for v in vlines:
            if v.client is c and v.role != "free":
                vq[v.product.key] += v.qty
                vc[v.product.key] += v.qty * v.monthly_cost
        agreement = rng.choice(
            (
                "Managed Services Agreement",
                "Cloud Services",
                "M365 Licensing",
                "Monthly Recurring",
                "Per-User Agreement",
            )
        )
        bill: list[tuple[str, int, Fraction | None, str]] = []  # (key, pq, forced price, mode)
        keys = vendor_keys if c.side == "both" else basket
        for k in keys:
            if c.side == "psa":
                p = cat.BY_KEY[k]
                q = max(1, seats + rng.randint(-1, 2)) if k not in ("ACRONIS", "S1") else devices
                bill.append((k, q, None, "ok"))
                continue
            q = vq[k]
            c_unit = vc[k] / q
            r = rng.random()
            if r < 0.045:
                continue  # unbilled
            if r < 0.095 and q >= 2:
                bill.append((k, q - rng.randint(1, max(1, q // 3)), None, "ok"))  # under
            elif r < 0.135:
                bill.append((k, q + rng.randint(1, max(1, q // 4)), None, "ok"))  # over
            elif r < 0.175:
                bill.append((k, q, c_unit, "below"))
            elif r < 0.19 and q >= 2:
                bill.append((k, q - 1, c_unit, "below"))
            else:
                bill.append((k, q, None, "ok"))
        if c.side == "both" and rng.random() < 0.08:  # billed but no longer bought
            pool = [k for k in cat.ADDONS + (() if ms_only else cat.NON_MS) if k not in basket]
            k = rng.choice(pool)
            bill.append((k, max(1, seats // rng.choice((1, 2, 3))), None, "ok"))
        for k, pq, c_unit, mode in bill:
            p = cat.BY_KEY[k]
            max_cost = max(
                [v.monthly_cost for v in vlines if v.client is c and v.product is p]
                or [Fraction(0)]
            )
            if mode == "below":
                assert c_unit is not None
                target = c_unit * Fraction(rng.randint(80, 97), 100)
                price = (Decimal(int(target * 100)) / 100).quantize(CENT)  # truncated: below cost
                if Fraction(price) >= c_unit:
                    price -= CENT
                prices = [price]
            else:
                price = std_price[k]
                if rng.random() < 0.2:
                    price = money(price * Decimal(rng.randint(92, 110)) / 100)
                floor = money(max_cost * Fraction(102, 100)) + CENT
                price = max(price, floor)
                prices = [price]
            split = pq >= 2 and rng.random() < 0.15
            qtys = [pq]
            if split:
                q1 = rng.randint(1, pq - 1)
                qtys = [q1, pq - q1]
                prices = [
                    prices[0],
                    prices[0]
                    if (mode == "below" or rng.random() < 0.5)
                    else max(prices[0], money(prices[0] * Decimal("1.05"))),
                ]
            for j, (q, pr) in enumerate(zip(qtys, prices, strict=False)):
                yearly = mode != "below" and rng.random() < 0.04
                unit = pr * 12 if yearly else pr
                cancel = None
                if (
                    rng.random() < 0.04
                ):  # cancellation scheduled after the period starts: still billed
                    cancel = (
                        dt.date(2026, 10, rng.randint(2, 28))
                        if rng.random() < 0.5
                        else dt.date(2027, 1, 31)
                    )
                plines.append(
                    PLine(
                        c,
                        p,
                        None,
                        q,
                        unit,
                        yearly,
                        "licence",
                        p.name,
                        [],
                        cancel,
                        dt.date(2025, rng.randint(1, 12), 1),
                        agreement if j == 0 else "Additional Licences",
                    )
                )
        # cancelled lines (take no part)
        if rng.random() < 0.14:
            k = rng.choice(keys or list(cat.ADDONS))
            p = cat.BY_KEY[k]
            cd = rng.choice((dt.date(2026, rng.randint(3, 9), rng.randint(1, 28)), PERIOD_START))
            plines.append(
                PLine(
                    c,
                    p,
                    None,
                    rng.randint(1, max(1, seats)),
                    std_price[k],
                    False,
                    "cancelled",
                    p.name,
                    [],
                    cd,
                    dt.date(2024, rng.randint(1, 12), 1),
                    agreement,
                )
            )
        # services (never reconciled)
        for s in rng.sample(cat.SERVICES, rng.randint(1, 3)):
            text, price, driver = s
            q = {"users": seats, "devices": devices, "hours": rng.randint(1, 12), "one": 1}[driver]
            plines.append(
                PLine(
                    c,
                    None,
                    text,
                    q,
                    money(price * fx),
                    False,
                    "service",
                    text,
                    [],
                    None,
                    dt.date(2025, 1, 1),
                    agreement,
                )
            )

    # ---------------------------------------------------------------- perturbations
    if perturb:
        basket_of: dict[str, set[str]] = defaultdict(set)
        for v in vlines:
            basket_of[v.client.cid].add(v.product.key)
        for c in clients:
            nm, cls = perturb_client(c.name, c.folded, c.is_store, c.is_sibling, prng, c.trade)
            c.psa_name, c.name_classes = nm, [cls]
        # names must stay distinct from every other customer's names
        taken: dict[str, str] = {}
        for c in clients:
            taken[_norm(c.name)] = c.cid
        canon_tokens = {c.cid: _tokens(c.name) for c in clients}
        for c in clients:
            k = _norm(c.psa_name)
            toks = _tokens(c.psa_name)
            # a variant whose words all belong to another customer's name would be a coin toss for a
            # careful person too: keep such a customer's name untouched
            clash = any(
                other != c.cid and toks and toks <= ct for other, ct in canon_tokens.items()
            )
            if taken.get(k, c.cid) != c.cid or (clash and c.name_classes != ["dba"]):
                c.psa_name, c.name_classes = c.name, ["untouched"]
            taken.setdefault(_norm(c.psa_name), c.cid)
        for pl in plines:
            if pl.product is None or pl.role == "service":
                continue
            vendor_present = pl.product.key in basket_of[pl.client.cid]
            pl.text, pl.classes = perturb_product(
                pl.product, basket_of[pl.client.cid], prng, vendor_present
            )
        # the bill's own spelling of a few tenants: typed in capitals or without the punctuation
        for c in clients:
            if prng.random() < 0.12:
                variants = [c.name.upper(), c.name.replace(".", "").replace(",", "")]
                variants = [x for x in variants if x != c.name]
                c.vendor_name = prng.choice(variants)
                for v in vlines:
                    if v.client is c:
                        v.classes = ["case_punct"]
    return Scenario(seed, currency, clients, vlines, plines)


_LEGAL_WORDS = {
    "llc",
    "inc",
    "ltd",
    "limited",
    "corporation",
    "corp",
    "incorporated",
    "llp",
    "pty",
    "co",
    "gmbh",
}


def _tokens(s: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", s.lower()) if t not in _LEGAL_WORDS}


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


# -------------------------------------------------------------------- truth
def findings(sc: Scenario) -> list[dict]:
    """Findings per rules.md, keyed by canonical client and product (rows are filled in later)."""
    vq: dict[tuple[str, str], int] = defaultdict(int)
    vcost: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    pq: dict[tuple[str, str], int] = defaultdict(int)
    psum: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    names = {c.cid: c.name for c in sc.clients}
    prod_name: dict[str, str] = {}
    for v in sc.vlines:
        if v.role == "free":
            continue
        key = (v.client.cid, v.product.key)
        vq[key] += v.qty
        vcost[key] += v.qty * v.monthly_cost
        prod_name[v.product.key] = v.product.name
    for p in sc.plines:
        if p.role != "licence" or p.product is None:
            continue
        key = (p.client.cid, p.product.key)
        pq[key] += p.qty
        psum[key] += p.qty * p.monthly_price
        prod_name[p.product.key] = p.product.name
    # per-client PSA unit price, per product, across the whole PSA export
    per_prod: dict[str, list[Fraction]] = defaultdict(list)
    for key, q in pq.items():
        if q > 0:
            per_prod[key[1]].append(psum[key] / q)
    out: list[dict] = []
    for key in sorted(set(vq) | set(pq)):
        v, q = vq.get(key, 0), pq.get(key, 0)
        c = vcost[key] / v if v > 0 else None
        p = psum[key] / q if q > 0 else None
        base = {
            "client": names[key[0]],
            "cid": key[0],
            "pkey": key[1],
            "product": prod_name[key[1]],
        }
        if v > 0 and q == 0:
            prices = sorted(per_prod.get(key[1], []))
            if prices:
                m = len(prices)
                med = prices[m // 2] if m % 2 else (prices[m // 2 - 1] + prices[m // 2]) / 2
                impact = v * med
            else:
                assert c is not None
                impact = v * c
            out.append({**base, "type": "unbilled", "impact": impact})
        elif q > 0 and v == 0:
            assert p is not None
            out.append({**base, "type": "no_vendor_record", "impact": q * p})
        elif v > 0 and q > 0:
            assert p is not None and c is not None
            if v > q:
                out.append({**base, "type": "under_billed", "impact": (v - q) * p})
            elif q > v:
                out.append({**base, "type": "over_billed", "impact": (q - v) * p})
            if p < c:
                out.append({**base, "type": "below_cost", "impact": (c - p) * min(v, q)})
    return out
