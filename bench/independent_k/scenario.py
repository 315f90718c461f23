"""The scenario of set K: clients, what the vendor bills, what the MSP bills, and the findings.

Everything is drawn from one seeded random.Random; the rendered spelling (clean or perturbed)
is drawn on a separate stream so a clean case has exactly the same rows and findings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from fractions import Fraction as F

from . import catalog as C
from .perturb import client_variant, product_variant

CENT = D("0.01")


def money(x: F | D | str) -> D:
    f = F(x) if not isinstance(x, F) else x
    return (
        (D(f.numerator) / D(f.denominator)).quantize(CENT, rounding=ROUND_HALF_UP)
        if f.denominator != 1
        else D(f.numerator).quantize(CENT)
    )


def half_up_cents(x: F) -> str:
    n = (x * 100 + F(1, 2)).__floor__()
    return f"{D(n) / 100:.2f}"


@dataclass
class Client:
    name: str  # canonical (the vendor's legal / tenant name)
    country: str
    domain: str
    psa_name: str = ""  # perturbed spelling (used when perturb=True)
    classes: list = field(default_factory=list)
    kind: str = "normal"  # normal | vendor_only | psa_only
    number: int = 0  # PSA account number
    trading: str = ""
    safe: bool = True  # False for siblings / numbered / near-twins (only safe name classes)


@dataclass
class VLine:
    client: Client
    key: str  # product key or free key
    qty: int
    unit: D  # cost per billing period (before any discount shown in the file)
    months: int  # 1 or 12
    role: str  # licence | credit | free
    sub: str
    discount: D = D(0)  # percent shown on the bill (ALSO NL)
    term: str = "P1Y-M"  # P1Y-M annual term billed monthly, P1M-M monthly, P1Y-Y annual upfront
    start: str = "2026-11-01"
    end: str = "2026-11-30"

    @property
    def name(self) -> str:
        return C.PRODUCTS[self.key][0] if self.key in C.PRODUCTS else C.FREE[self.key][0]

    def monthly_unit(self) -> F:
        return F(self.unit) * (1 - F(self.discount) / 100) / self.months


@dataclass
class PLine:
    client: Client
    key: str | None  # product key; None for services
    text: str  # canonical description (product name or service)
    shown: str  # perturbed description
    qty: int
    unit: D  # price per billing period
    months: int
    role: str  # licence | service | cancelled
    discount: D = D(0)  # percent
    classes: list = field(default_factory=list)
    site: str = ""

    def monthly_unit(self) -> F:
        return F(self.unit) * (1 - F(self.discount) / 100) / self.months


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    findings: list
    currency: str


def _weighted(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.uniform(0, tot)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def _slug(s: str) -> str:
    out = "".join(ch.lower() for ch in s if ch.isascii() and ch.isalnum())
    return out[:18] or "tenant"


def make_clients(rng: random.Random, n: int) -> list[Client]:
    used: set[str] = set()
    clients: list[Client] = []

    forms = sorted(C.LEGAL_TYPO, key=len, reverse=True)

    def add(name, country, **kw):
        form = next((f for f in forms if name.endswith(" " + f)), "")
        base = name[: len(name) - len(form)].strip().casefold()
        if base in used:  # never two clients that differ only by their legal form
            return None
        used.add(base)
        c = Client(name=name, country=country, domain=_slug(name) + ".onmicrosoft.com", **kw)
        clients.append(c)
        return c

    # special families first: siblings, numbered stores, near-twins, dba
    n_sib = max(2, n // 40)
    for i in range(n_sib):
        stem = rng.choice(C.COUNTRIES["US"][0])
        a, b = C.SIBLING_PAIRS[i % len(C.SIBLING_PAIRS)]
        form = rng.choice(["LLC", "Inc.", "PLLC"])
        add(f"{stem} {a} {form}", "US", safe=False)
        add(f"{stem} {b} {form}", "US", safe=False)
    n_store = max(1, n // 60)
    for i in range(n_store):
        chain = C.STORE_CHAINS[i % len(C.STORE_CHAINS)]
        nums = rng.sample(range(2, 40), 3)
        form = rng.choice(["LLC", "Inc."])
        for k in nums:
            add(f"{chain} Store {k} {form}", "US", safe=False)
    for _i in range(max(1, n // 50)):
        stem = rng.choice(C.COUNTRIES["NO"][0])
        add(f"{stem} Eiendom AS", "NO", safe=False)
        add(f"{stem} Eiendom Drift AS", "NO", safe=False)
    for legal, trading in rng.sample(C.DBA, min(len(C.DBA), max(2, n // 30))):
        country = (
            "DE"
            if "GmbH" in legal
            else "SE"
            if "AB" in legal
            else "FR"
            if "SAS" in legal
            else "AU"
            if "Pty" in legal
            else "GB"
            if legal.endswith("Ltd")
            else "US"
        )
        c = add(legal, country)
        if c:
            c.trading = trading
    while len(clients) < n:
        country = _weighted(rng, C.COUNTRY_WEIGHTS)
        stems, inds, forms = C.COUNTRIES[country]
        name = f"{rng.choice(stems)} {rng.choice(inds)} {rng.choice(forms)}"
        add(name, country)
    clients = clients[:n]
    rng.shuffle(clients)
    doms: set[str] = set()
    for i, c in enumerate(clients):
        c.number = 1001 + i * 7
        d, k = c.domain, 2
        while d in doms:
            d = c.domain.replace(".onmicrosoft", f"{k}.onmicrosoft")
            k += 1
        doms.add(d)
        c.domain = d
    return clients


def build(seed: int, n: int, vfeat: dict, pfeat: dict, currency: str) -> Case:
    rng = random.Random(f"K/scenario/{seed}/{n}")
    prng = random.Random(f"K/spelling/{seed}/{n}")
    clients = make_clients(rng, n)
    kinds = ["normal"] * len(clients)
    idx = list(range(len(clients)))
    rng.shuffle(idx)
    n_only = max(2, round(n * 0.04))
    for j in idx[:n_only]:
        clients[j].kind = "vendor_only"
    for j in idx[n_only : 2 * n_only]:
        clients[j].kind = "psa_only"
    del kinds
    keys = list(C.PRODUCTS)
    ms = [k for k in keys if C.PRODUCTS[k][4] or C.PRODUCTS[k][5] or k in ("v2", "bpnt", "m3nt")]
    weights = {k: (6 if k in ("bp", "bs", "bb", "ex1") else 3 if k in ms else 2) for k in keys}
    vlines: list[VLine] = []
    plines: list[PLine] = []
    sub_no = 0

    def cost_of(k):
        return D(C.PRICE_RISE.get(k, C.PRODUCTS[k][2]))

    def sell_of(k):
        return D(C.PRODUCTS[k][3])

    for c in clients:
        basket: list[str] = []
        size = rng.randint(2, 6)
        while len(basket) < size:
            k = _weighted(rng, [(k, weights[k]) for k in keys if k not in basket])
            basket.append(k)
        psa_items: list[tuple] = []  # (key, qty, fate)
        for k in basket:
            qty = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 55])
            if c.kind == "vendor_only":
                fate = "unbilled"
            elif c.kind == "psa_only":
                fate = "nvr"
            else:
                fate = _weighted(
                    rng,
                    [
                        ("ok", 68),
                        ("unbilled", 3.5),
                        ("under", 7),
                        ("over", 6),
                        ("below", 6),
                        ("nvr", 3.5),
                        ("swap", 2.5),
                        ("ok_credit", 2.5),
                    ],
                )
            if fate == "under" and qty < 2:
                fate = "ok"
            # vendor side
            if fate != "nvr":
                parts = [qty] if qty < 4 or rng.random() < 0.75 else [qty - qty // 3, qty // 3]
                for part in parts:
                    sub_no += 1
                    term = _weighted(
                        rng,
                        [
                            ("P1Y-M", 6),
                            ("P1M-M", 3),
                            ("P1Y-Y", 1 if vfeat.get("annual", True) else 0),
                        ],
                    )
                    base = cost_of(k)
                    disc = D(0)
                    if vfeat.get("discount") and rng.random() < 0.25:
                        disc = D(rng.choice(["2", "4", "5"]))
                    if term == "P1M-M":
                        unit, months = (base * D("1.2")).quantize(CENT), 1
                    elif term == "P1Y-Y":
                        unit, months = base * 12, 12
                    else:
                        unit, months = base, 1
                    if (unit * 100 * (100 - disc)) % 100:
                        disc = D(0)  # the bill's discounted unit is always whole cents
                    end = "2027-10-31" if months == 12 else "2026-11-30"
                    vlines.append(
                        VLine(
                            c,
                            k,
                            part,
                            unit,
                            months,
                            "licence",
                            f"S{sub_no:05d}",
                            disc,
                            term,
                            end=end,
                        )
                    )
                    if fate == "ok_credit" and part == parts[0]:
                        credit = min(part - 1, rng.randint(1, 3)) if part > 1 else 0
                        if credit:
                            vlines.append(
                                VLine(
                                    c,
                                    k,
                                    -credit,
                                    unit,
                                    months,
                                    "credit",
                                    f"S{sub_no:05d}",
                                    disc,
                                    term,
                                    end=end,
                                )
                            )
                            qty -= credit
            # PSA side
            if fate == "unbilled":
                if rng.random() < 0.3 and c.kind == "normal":  # a cancelled line is still there
                    psa_items.append((k, qty, "cancelled"))
                continue
            pq = qty
            if fate == "under":
                pq = qty - rng.randint(1, max(1, min(5, qty - 1)))
            elif fate == "over":
                pq = qty + rng.randint(1, 4)
            if fate == "swap":
                mates = [b for a, b in C.LOOKALIKES if a == k] + [
                    a for a, b in C.LOOKALIKES if b == k
                ]
                mates = [m for m in mates if m not in basket]
                if mates:
                    psa_items.append((rng.choice(mates), pq, "swap"))
                    continue
                fate = "ok"
            if fate == "nvr" and c.kind == "normal":
                # a product bought elsewhere / never ordered: different from the vendor basket
                choices = [
                    x
                    for x in keys
                    if x not in basket
                    and not any(x in p and k2 in p for p in C.LOOKALIKES for k2 in basket)
                ]
                k = rng.choice(choices)
            psa_items.append((k, pq, fate))
        # free trials on the vendor side
        if c.kind != "psa_only" and rng.random() < 0.14:
            sub_no += 1
            taken = set(basket) | {k for k, _, _ in psa_items}
            if rng.random() < 0.4:  # a free trial of a paid product the client does not buy
                fk = rng.choice(
                    [
                        k
                        for k in keys
                        if k not in taken
                        and not any(k in pair and t in pair for pair in C.LOOKALIKES for t in taken)
                    ]
                )
            else:
                fk = rng.choice(sorted(C.FREE))
            vlines.append(
                VLine(
                    c,
                    fk,
                    rng.choice([1, 5, 10, 25]),
                    D("0.00"),
                    1,
                    "free",
                    f"S{sub_no:05d}",
                    term="P1M-M",
                )
            )
        # PSA lines
        vendor_keys = {v.key for v in vlines if v.client is c and v.role != "free"}
        psa_keys = {k for k, _, f in psa_items if f != "cancelled"}
        for k, pq, fate in psa_items:
            if fate == "cancelled":
                plines.append(
                    PLine(
                        c, k, C.PRODUCTS[k][0], "", rng.randint(1, 5), D(sell_of(k)), 1, "cancelled"
                    )
                )
                continue
            price = sell_of(k)
            if fate == "below":
                c_unit = cost_of(k)
                price = max(
                    D("0.50"), c_unit - D(rng.choice(["0.25", "0.50", "1.00", "1.50", "2.00"]))
                )
            months = 12 if (pfeat.get("annual", True) and rng.random() < 0.12) else 1
            disc = D(0)
            if pfeat.get("discount") and fate != "below" and rng.random() < 0.12:
                disc = D(rng.choice(["5", "10"]))
                if (price * 100 * (100 - disc)) % 100:
                    disc = D(0)
            parts = [pq] if pq < 6 or rng.random() < 0.8 else [pq - pq // 2, pq // 2]
            for i, part in enumerate(parts):
                unit = price * 12 if months == 12 else price
                plines.append(
                    PLine(
                        c,
                        k,
                        C.PRODUCTS[k][0],
                        "",
                        part,
                        unit,
                        months,
                        "licence",
                        disc,
                        site=("Main" if i == 0 else "Branch") if len(parts) > 1 else "",
                    )
                )
            if rng.random() < 0.06:
                plines.append(
                    PLine(c, k, C.PRODUCTS[k][0], "", rng.randint(1, 3), price, 1, "cancelled")
                )
        for s in rng.sample(C.SERVICES, rng.choice([0, 1, 1, 2, 3])):
            q = rng.choice([1, 1, 2, 5, 10, 12, 20])
            plines.append(
                PLine(
                    c,
                    None,
                    s,
                    s,
                    q,
                    D(rng.choice(["45.00", "95.00", "120.00", "12.50", "150.00"])),
                    1,
                    "service",
                )
            )
        # spellings (separate stream)
        c.psa_name, c.classes = client_variant(prng, c)
        # every product of the client on either side (paid trials included) can compete for a name
        ctx_keys = (
            vendor_keys
            | psa_keys
            | {v.key for v in vlines if v.client is c and v.key in C.PRODUCTS}
        )
        for pl in plines:
            if pl.client is not c:
                continue
            if pl.key is None:
                pl.shown, pl.classes = pl.text, []
                continue
            grp = C.KIND_GROUP.get(C.PRODUCTS[pl.key][1], C.PRODUCTS[pl.key][1])
            context_ok = (
                pl.key in vendor_keys
                and pl.role == "licence"
                and sum(
                    1
                    for x in ctx_keys
                    if C.KIND_GROUP.get(C.PRODUCTS[x][1], C.PRODUCTS[x][1]) == grp
                )
                == 1
            )
            bare = C.BARE.get(pl.key, "")
            bare_ok = (
                bool(bare)
                and pl.key in vendor_keys
                and pl.role == "licence"
                and not any(
                    bare.lower() in C.PRODUCTS[x][0].lower().replace("(", " ").split()
                    or bare.lower() in C.PRODUCTS[x][0].lower()
                    for x in ctx_keys
                    if x != pl.key
                )
            )
            pl.shown, pl.classes = product_variant(
                prng, pl.key, context_ok, bare_ok, vfeat.get("mpn", False)
            )
    findings = compute_findings(vlines, plines)
    return Case(clients, vlines, plines, findings, currency)


def compute_findings(vlines, plines):
    """rules.md, from the lines as they are written (exact fractions, half-up once)."""
    vagg: dict = {}
    pagg: dict = {}
    for v in vlines:
        if v.role in ("licence", "credit"):
            a = vagg.setdefault((v.client.name, v.key), [0, F(0)])
            a[0] += v.qty
            a[1] += v.qty * v.monthly_unit()
    for p in plines:
        if p.role == "licence":
            a = pagg.setdefault((p.client.name, p.key), [0, F(0)])
            a[0] += p.qty
            a[1] += p.qty * p.monthly_unit()
    by_prod: dict = {}
    for (_cn, k), (q, amt) in sorted(pagg.items()):
        by_prod.setdefault(k, []).append(amt / q)
    med = {}
    for k, vals in by_prod.items():
        vals.sort()
        m = len(vals)
        med[k] = vals[m // 2] if m % 2 else (vals[m // 2 - 1] + vals[m // 2]) / 2
    out = []
    for key in sorted(set(vagg) | set(pagg)):
        cn, k = key
        v = vagg.get(key)
        p = pagg.get(key)
        if v and v[0] <= 0:
            v = None
        if v and not p:
            cost = v[1] / v[0]
            out.append(("unbilled", cn, k, v[0] * med.get(k, cost)))
        elif p and not v:
            out.append(("no_vendor_record", cn, k, p[1]))
        else:
            vq, c = v[0], v[1] / v[0]
            pq, pp = p[0], p[1] / p[0]
            if vq > pq:
                out.append(("under_billed", cn, k, (vq - pq) * pp))
            elif pq > vq:
                out.append(("over_billed", cn, k, (pq - vq) * pp))
            if pp < c:
                out.append(("below_cost", cn, k, (c - pp) * min(vq, pq)))
    return out
