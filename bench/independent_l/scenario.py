"""The case itself: clients, what they buy, what the MSP bills, and the findings (rules.md)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F

from .catalog import ALL, FREE, SERVICES, VENDOR_CATALOG
from .names import Client, make_clients

CENT = F(1, 100)


def cents(x: F) -> F:
    """Round half-up to whole cents."""
    return F(int((x * 100 + F(1, 2)) // 1), 100) if x >= 0 else -cents(-x)


def money(x: F) -> str:
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass
class VLine:
    client: Client
    product: str  # catalog key
    qty: int
    unit: F  # unit cost per billing period as written
    annual: bool  # billed yearly: unit covers 12 months
    role: str  # licence | credit | free
    term: str = "annual"  # commitment: annual | monthly | trial
    sub: str = ""
    classes: list = field(default_factory=list)

    @property
    def monthly(self) -> F:
        return self.unit / 12 if self.annual else self.unit


@dataclass
class PLine:
    client: Client
    product: str  # catalog key, or "" for a service
    text: str  # canonical description (services: their own text)
    qty: int
    unit: F  # list unit price per billing period
    annual: bool
    role: str  # licence | service | cancelled
    disc: F = F(0)  # percent
    cancel_kind: str = ""  # status | date | paused | void
    classes: list = field(default_factory=list)

    @property
    def net(self) -> F:
        return self.unit * (1 - self.disc / 100)

    @property
    def monthly(self) -> F:
        return self.net / 12 if self.annual else self.net


VENDOR_PROFILE = {
    # region of its customers, currency
    "pc_nce": ("us", "USD"),
    "pc_legacy": ("uk", "GBP"),
    "pax8_api": ("us", "USD"),
    "pax8_portal": ("mixed", "USD"),
    "td_synnex": ("us", "USD"),
    "ingram": ("mixed", "USD"),
    "sherweb": ("ca", "CAD"),
    "dicker": ("au", "AUD"),
    "cloudmore": ("eu", "EUR"),
    "generic_xls": ("uk", "GBP"),
    "also_de": ("eu", "EUR"),
    "generic_csv": ("au", "NZD"),
}

POPULAR = {
    "bp": 9,
    "bb": 7,
    "bs": 7,
    "exo1": 6,
    "m365e3": 3,
    "o365e3": 2,
    "eoa": 3,
    "copilot": 2,
    "mdo1": 2,
    "entra1": 2,
    "tphone": 2,
    "visio2": 2,
    "pbipro": 2,
    "acronis": 5,
    "keeper": 4,
    "dropsuite": 4,
    "s1": 3,
    "huntress": 3,
    "acrobat": 3,
    "mimecast": 3,
    "bitdef": 3,
    "datto_saas": 3,
}


LOOKALIKES = [
    ("m365e3", "e5sec"),
    ("m365e3", "o365e3"),
    ("o365e3", "m365e3"),
    ("m365e5", "e5sec"),
    ("bb", "bp"),
    ("bp", "bb"),
    ("bs", "bp"),
    ("bb", "bs"),
    ("bp", "bpnt"),
    ("m365e3", "m365e3nt"),
    ("exo1", "exo2"),
    ("f3", "f1"),
    ("f1", "f3"),
    ("visio2", "visio1"),
    ("entra1", "entra2"),
    ("mdo1", "mdo2"),
    ("bp", "exo1"),
    ("m365e5", "m365e3"),
]


@dataclass
class Case:
    vendor_format: str
    seed: int
    n_clients: int
    currency: str
    clients: list
    vlines: list
    plines: list
    pair_status: dict  # (client name, product key) -> status


def _seats(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.12:
        return 1
    if r < 0.55:
        return rng.randint(2, 9)
    if r < 0.9:
        return rng.randint(10, 30)
    return rng.randint(31, 85)


def build(seed: int, n_clients: int, vendor_format: str) -> Case:
    rng = random.Random(f"L-scenario-{seed}-{n_clients}-{vendor_format}")
    region, currency = VENDOR_PROFILE[vendor_format]
    clients = make_clients(rng, n_clients, region)
    keys = VENDOR_CATALOG[vendor_format]
    weights = [POPULAR.get(k, 1) for k in keys]
    side = {}
    for c in clients:
        r = rng.random()
        side[c.name] = "vendor" if r < 0.025 else "psa" if r < 0.05 else "both"
    baskets: dict[str, list[str]] = {}
    for c in clients:
        k = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 7])
        if side[c.name] != "both":
            k = min(k, 3)
        chosen: list[str] = []
        while len(chosen) < k:
            p = rng.choices(keys, weights=weights)[0]
            if p not in chosen:
                chosen.append(p)
        # look-alikes bought side by side (E3 + E5 Security, Basic + Premium seats, Plan 1 + Plan 2 …)
        if rng.random() < 0.18:
            opts = [(a, b) for a, b in LOOKALIKES if a in chosen and b in keys and b not in chosen]
            if opts:
                chosen.append(rng.choice(opts)[1])
        baskets[c.name] = chosen
    # statuses, redrawn until every finding type is a plausible share of the pairs (small cases vary a lot)
    for _attempt in range(60):
        status: dict = {}
        for c in clients:
            for p in baskets[c.name]:
                if side[c.name] == "vendor":
                    st = "unbilled"
                elif side[c.name] == "psa":
                    st = "novendor"
                else:
                    st = rng.choices(
                        ["ok", "under", "over", "unbilled", "novendor"], weights=[72, 7, 6, 4, 4.5]
                    )[0]
                below = st in ("ok", "under", "over") and rng.random() < 0.07
                status[(c.name, p)] = (st, below)
        n = len(status)
        share = {
            k: sum(1 for st, _ in status.values() if st == k) / n
            for k in ("under", "over", "unbilled", "novendor")
        }
        share["below"] = sum(1 for _, b in status.values() if b) / n
        if all(0.03 <= v <= 0.095 for v in share.values()):
            break
    # prices: products billed by few clients keep one price so the median is unambiguous
    psa_clients: dict[str, int] = {}
    for (_cn, p), (st, _) in status.items():
        if st != "unbilled":
            psa_clients[p] = psa_clients.get(p, 0) + 1
    vlines: list[VLine] = []
    plines: list[PLine] = []
    sub_no = [0]

    def sub_id() -> str:
        sub_no[0] += 1
        h = random.Random(f"sub-{seed}-{vendor_format}-{sub_no[0]}").getrandbits(128)
        s = f"{h:032x}"
        return f"{s[:8]}-{s[8:12]}-{s[12:16]}-{s[16:20]}-{s[20:]}"

    for c in clients:
        for p in baskets[c.name]:
            prod = ALL[p]
            st, below = status[(c.name, p)]
            vq = _seats(rng)
            if st == "under" and vq < 2:
                vq = rng.randint(2, 12)
            pq = vq
            if st == "under":
                pq = vq - rng.randint(1, min(5, vq - 1))
            elif st == "over":
                pq = vq + rng.randint(1, 4)
            # ---- vendor lines
            if st != "novendor":
                term_r = rng.random()
                if below:
                    # the vendor's price rose (new list price, or +3% Extended Service Terms); the PSA kept its price
                    terms = [
                        (
                            rng.choice(["annual", "monthly"]),
                            False,
                            cents(
                                prod.price
                                * rng.choice([F(103, 100), F(105, 100), F(108, 100), F(112, 100)])
                            ),
                        )
                    ]
                elif term_r < 0.72:
                    terms = [("annual", False, prod.cost)]
                elif term_r < 0.86:
                    terms = [("monthly", False, cents(prod.cost * F(6, 5)))]
                else:
                    terms = [("annual", True, prod.cost * 12)]
                shape = rng.random()
                if shape < 0.12 and vq >= 3 and not below:
                    a = rng.randint(1, vq - 1)
                    t2 = ("monthly", False, cents(prod.cost * F(6, 5)))
                    vlines.append(
                        VLine(c, p, a, terms[0][2], terms[0][1], "licence", terms[0][0], sub_id())
                    )
                    vlines.append(VLine(c, p, vq - a, t2[2], t2[1], "licence", t2[0], sub_id()))
                elif shape < 0.2:
                    k = rng.randint(1, 3)
                    sid = sub_id()
                    vlines.append(
                        VLine(c, p, vq + k, terms[0][2], terms[0][1], "licence", terms[0][0], sid)
                    )
                    vlines.append(
                        VLine(c, p, -k, terms[0][2], terms[0][1], "credit", terms[0][0], sid)
                    )
                else:
                    vlines.append(
                        VLine(c, p, vq, terms[0][2], terms[0][1], "licence", terms[0][0], sub_id())
                    )
            # ---- PSA lines
            if st != "unbilled":
                price = prod.price
                disc = F(0)
                few = psa_clients.get(p, 0) < 5
                if below:
                    pass
                elif not few and rng.random() < 0.07:
                    d = rng.choice([5, 10, 15])
                    net = price * (100 - d) / 100
                    cvals = [v.monthly for v in vlines if v.client is c and v.product == p] or [
                        F(0)
                    ]
                    if net == cents(net) and net > max(cvals):
                        disc = F(d)
                annual = prod.yearly_ok and rng.random() < 0.07
                unit = price * 12 if annual else price
                shape = rng.random()
                if shape < 0.1 and pq >= 2:
                    a = rng.randint(1, pq - 1)
                    plines.append(PLine(c, p, prod.name, a, unit, annual, "licence", disc))
                    plines.append(PLine(c, p, prod.name, pq - a, unit, annual, "licence", disc))
                else:
                    plines.append(PLine(c, p, prod.name, pq, unit, annual, "licence", disc))
                if rng.random() < 0.03:
                    plines.append(
                        PLine(c, p, prod.name, rng.randint(1, 10), prod.price, False, "cancelled")
                    )
            elif side[c.name] == "both" and rng.random() < 0.35:
                # cancelled in the PSA, still paid to the vendor: classic leakage
                plines.append(PLine(c, p, prod.name, vq, prod.price, False, "cancelled"))
        # free trials on the vendor side
        if side[c.name] != "psa" and rng.random() < 0.06:
            f = rng.choice(FREE)
            if f.key not in baskets[c.name]:
                vlines.append(
                    VLine(
                        c,
                        f.key,
                        rng.choice([1, 25, 100, 10000 if f.key == "pafree" else 5]),
                        F(0),
                        False,
                        "free",
                        "trial",
                        sub_id(),
                    )
                )
        # services
        if side[c.name] != "vendor":
            for s, pr in rng.sample(SERVICES, rng.choice([0, 1, 1, 2, 2, 3])):
                q = rng.randint(1, 25) if "per" in s or "Hours" in s or "hours" in s else 1
                plines.append(PLine(c, "", s, q, F(pr), False, "service"))
    # The median PSA price of a product must be its standard price however it is taken (per client or
    # per line): where standard prices are not a clear majority, that product is billed at standard.
    for key in {l.product for l in plines if l.product}:
        std = ALL[key].price
        ls = [l for l in plines if l.product == key and l.role == "licence"]
        off = [l for l in ls if l.monthly != std]
        cl = {l.client.name for l in ls}
        off_cl = {l.client.name for l in off}
        if off and (len(off) * 2 >= len(ls) - 1 or len(off_cl) * 2 >= len(cl) - 1):
            for l in off:
                l.disc = F(0)
                l.unit = std * 12 if l.annual else std
    # Each side in its own order (vendor: by customer; PSA: by its own client ordering with some shuffle)
    vlines.sort(key=lambda v: (v.client.name.lower(), v.sub))
    order = {
        c.name: i for i, c in enumerate(sorted(clients, key=lambda c: (c.core.lower(), c.name)))
    }
    rng.shuffle(plines)
    plines.sort(key=lambda l: order[l.client.name])
    return Case(
        vendor_format,
        seed,
        n_clients,
        currency,
        clients,
        vlines,
        plines,
        {k: v[0] for k, v in status.items()},
    )


# ---------------------------------------------------------------- rules.md


def median(vals: list[F]) -> F:
    v = sorted(vals)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def findings(vl: list[tuple], pl: list[tuple]) -> list[dict]:
    """vl: (client, product, qty, monthly unit, role, row); pl: (client, product, qty, monthly unit, role, row).

    Returns findings with exact impacts, keyed on canonical client and product names."""
    V: dict = {}
    P_: dict = {}
    for c, p, q, u, role, row in vl:
        if role in ("licence", "credit"):
            d = V.setdefault((c, p), [0, F(0), []])
            d[0] += q
            d[1] += q * u
            d[2].append(row)
    for c, p, q, u, role, row in pl:
        if role == "licence":
            d = P_.setdefault((c, p), [0, F(0), []])
            d[0] += q
            d[1] += q * u
            d[2].append(row)
    per_client_p: dict = {}
    for (c, p), (q, amt, _) in P_.items():
        if q > 0:
            per_client_p.setdefault(p, []).append(amt / q)
    out = []
    for key in sorted(set(V) | set(P_)):
        c, p = key
        vq, vamt, vrows = V.get(key, [0, F(0), []])
        pq, pamt, prows = P_.get(key, [0, F(0), []])
        cost = vamt / vq if vq else None
        pr = pamt / pq if pq else None

        def add(t, imp):
            out.append(
                {
                    "type": t,
                    "client": c,
                    "product": p,
                    "vendor_rows": sorted(vrows),
                    "psa_rows": sorted(prows),
                    "impact": imp,
                }
            )

        if vq > 0 and pq == 0:
            base = median(per_client_p[p]) if p in per_client_p else cost
            add("unbilled", vq * base)
        elif pq > 0 and vq == 0:
            add("no_vendor_record", pq * pr)
        elif vq > 0 and pq > 0:
            if vq > pq:
                add("under_billed", (vq - pq) * pr)
            elif pq > vq:
                add("over_billed", (pq - vq) * pr)
            if pr < cost:
                add("below_cost", (cost - pr) * min(vq, pq))
    return out
