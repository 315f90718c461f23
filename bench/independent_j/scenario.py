"""One month of one MSP: who buys what, what the bill says, what the MSP invoiced, and the truth.

The scenario depends on (seed, vendor format, PSA format, clients) only; ``perturb`` changes
spellings, never lines, rows, quantities or money.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from statistics import median

from .catalogue import BY_NAME, DISCRIMINATING, FOREIGN_LICENCE, FREE, PRODUCTS, SERVICES, Product
from .names import Customer, make_customers, pick_client_class

PERIOD = "2026-11"
START, END = date(2026, 11, 1), date(2026, 11, 30)

RATES = {
    "USD": ("1", 2),
    "EUR": ("0.92", 2),
    "AED": ("3.6725", 2),
    "CNY": ("7.2", 2),
    "CHF": ("0.88", 2),
    "INR": ("83.5", 2),
    "HUF": ("362", 0),
    "ILS": ("3.7", 2),
}


@dataclass
class VendorSpec:
    brands: tuple[str, ...]
    currency: str
    annual: bool = True
    credits: bool = True


@dataclass
class PsaSpec:
    locale: str  # en, de, fr, no
    discount: bool = False
    annual: bool = True
    cancel: str = "status"  # status | void_invoice | end_date


@dataclass
class VLine:
    id: int
    client: str
    product: str
    qty: int
    unit: Decimal  # cost per billing period (annual lines: a year)
    rrp: Decimal
    billing: str  # monthly | annual
    role: str  # licence | credit | free
    sub: str
    start: date


@dataclass
class PLine:
    id: int
    client: str
    product: str  # canonical product or service text
    qty: int
    unit: Decimal  # list price per billing period before discount
    discount: Decimal  # percent
    billing: str
    role: str  # licence | service | cancelled
    invoice: str
    start: date
    end: date | None = None
    cancel_how: str = ""  # status | void_invoice | end_date
    text: str = ""  # rendered description (perturbed or canonical)
    classes: list[str] = field(default_factory=list)


@dataclass
class Scenario:
    seed: int
    vendor_format: str
    psa_format: str
    currency: str
    dp: int
    customers: list[Customer]
    vlines: list[VLine]
    plines: list[PLine]
    psa_names: dict[str, tuple[str, str]]  # canonical -> (class, psa name)
    vendor_only: set[str]
    psa_only: set[str]
    perturb: bool

    def net(self, line: PLine) -> Decimal:
        return line.unit * (100 - line.discount) / 100


def money(rng: random.Random, usd: Decimal, currency: str) -> Decimal:
    rate, dp = RATES[currency]
    q = Decimal(1).scaleb(-dp)
    return (usd * Decimal(rate)).quantize(q, ROUND_HALF_UP)


def _q(value: Fraction | Decimal, dp: int, step: int = 1) -> Decimal:
    """Round to the currency, in steps of ``step`` smallest units (half up)."""
    unit = Fraction(step, 10**dp)
    n = (Fraction(value) / unit + Fraction(1, 2)).__floor__()
    return (Decimal(n) * Decimal(step)).scaleb(-dp)


def build(
    seed: int, vendor_format: str, psa_format: str, clients: int, vspec: VendorSpec, pspec: PsaSpec
) -> Scenario:
    rng = random.Random(f"indep-j|{seed}|{vendor_format}|{psa_format}|{clients}")
    currency = vspec.currency
    dp = RATES[currency][1]
    customers = make_customers(rng, clients)
    universe = [p for p in PRODUCTS if p.brand in vspec.brands]
    weights = [
        6 if p.name.endswith(("Business Premium", "Business Basic", "Business Standard")) else 2
        for p in universe
    ]
    companies = [c for c in customers if c.kind == "company"]
    n_one = max(1, round(clients * 0.03))
    vendor_only = {c.name for c in companies[:n_one]}
    psa_only = {c.name for c in companies[n_one : 2 * n_one]}
    # near-twins: a vendor-only client and a PSA-only client that share a stem and legal form
    twins: list[Customer] = []
    for c in companies[:n_one][: max(1, clients // 100)]:
        other = next(
            (
                i
                for i in ["Roofing", "Print", "Marine", "Travel", "Bakery", "Brewing"]
                if i not in c.name
                and not any(x.name.startswith(f"{c.stem} {i} ") for x in customers)
            ),
            "",
        )
        name = f"{c.stem} {other} {c.legal}".strip()
        if other and name not in {x.name for x in customers}:
            twins.append(
                Customer(
                    name, c.country, c.stem, c.legal, c.expanded, "twin", code="C9" + c.code[1:]
                )
            )
    customers = customers + twins
    psa_only |= {t.name for t in twins}

    vlines: list[VLine] = []
    plines: list[PLine] = []
    vid = iter(range(1, 10**6))
    pid = iter(range(1, 10**6))
    inv_no = iter(range(24101, 10**6))

    def vline(**kw: object) -> None:
        vlines.append(VLine(id=next(vid), **kw))  # type: ignore[arg-type]

    def pline(**kw: object) -> PLine:
        line = PLine(id=next(pid), **kw)  # type: ignore[arg-type]
        plines.append(line)
        return line

    for cust in customers:
        cname = cust.name
        on_vendor = cname not in psa_only
        on_psa = cname not in vendor_only
        invoice = f"INV-{next(inv_no)}"
        k = rng.choices([1, 2, 3, 4], [35, 35, 20, 10])[0]
        basket: list[Product] = []
        while len(basket) < k:
            p = rng.choices(universe, weights)[0]
            if p not in basket:
                basket.append(p)
        for p in basket:
            seats = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 20, 25, 30, 40, 55])
            kind = "ok"
            if on_vendor and on_psa:
                kind = rng.choices(
                    [
                        "ok",
                        "unbilled",
                        "nvr",
                        "under",
                        "over",
                        "below",
                        "under_below",
                        "over_below",
                    ],
                    [78, 4.5, 4, 4.5, 4.5, 3, 0.8, 0.8],
                )[0]
            if kind in ("under", "under_below") and seats < 2:
                seats = 5
            vq = seats if on_vendor and kind != "nvr" else 0
            pq = seats if on_psa and kind != "unbilled" else 0
            if kind.startswith("under"):
                pq = vq - rng.randint(1, min(3, vq - 1))
            if kind.startswith("over"):
                pq = vq + rng.randint(1, 4)
            monthly = money(rng, p.cost * Decimal(rng.choice(["1", "1", "0.97", "1.03"])), currency)
            rrp = money(rng, p.rrp, currency)
            # vendor lines
            cost_total = Fraction(0)
            if vq:
                parts = [vq]
                if vq >= 4 and rng.random() < 0.12:  # several subscriptions of one product
                    a = rng.randint(1, vq - 1)
                    parts = [a, vq - a]
                for q in parts:
                    annual = vspec.annual and p.annual_ok and rng.random() < 0.14
                    unit = _q(Fraction(monthly) * 12 * Fraction(95, 100), dp) if annual else monthly
                    sub = f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}"
                    start = (
                        date(2025, rng.randint(12, 12), rng.randint(1, 28))
                        if annual
                        else date(2026, rng.randint(1, 10), rng.randint(1, 28))
                    )
                    credit = vspec.credits and rng.random() < 0.06
                    extra = rng.randint(1, 3) if credit else 0
                    vline(
                        client=cname,
                        product=p.name,
                        qty=q + extra,
                        unit=unit,
                        rrp=rrp * 12 if annual else rrp,
                        billing="annual" if annual else "monthly",
                        role="licence",
                        sub=sub,
                        start=start,
                    )
                    if credit:
                        vline(
                            client=cname,
                            product=p.name,
                            qty=-extra,
                            unit=unit,
                            rrp=rrp * 12 if annual else rrp,
                            billing="annual" if annual else "monthly",
                            role="credit",
                            sub=sub,
                            start=START,
                        )
                    cost_total += q * (Fraction(unit) / (12 if annual else 1))
                c_unit = cost_total / vq
            else:
                c_unit = Fraction(monthly)
            # PSA lines
            if pq:
                below = kind.endswith("below")
                factor = (
                    Fraction(rng.randint(75, 94), 100)
                    if below
                    else Fraction(rng.randint(110, 145), 100)
                )
                disc = Decimal(0)
                step = 1
                if pspec.discount and rng.random() < 0.25:
                    disc = Decimal(rng.choice([5, 10, 20, 25]))
                    step = 20
                target = c_unit * factor / (1 - Fraction(disc) / 100)
                price = _q(target, dp, step)
                net = price * (100 - disc) / 100
                if not below and Fraction(net) < c_unit:  # rounding must not make a finding
                    price = _q(target + Fraction(step * 2, 10**dp), dp, step)
                if below and Fraction(price * (100 - disc) / 100) >= c_unit:
                    price = _q(c_unit * Fraction(80, 100), dp, step)
                parts = [pq]
                if pq >= 4 and rng.random() < 0.08:  # split PSA lines
                    a = rng.randint(1, pq - 1)
                    parts = [a, pq - a]
                for q in parts:
                    annual = pspec.annual and rng.random() < 0.08
                    unit = price * 12 if annual else price
                    pline(
                        client=cname,
                        product=p.name,
                        qty=q,
                        unit=unit,
                        discount=disc,
                        billing="annual" if annual else "monthly",
                        role="licence",
                        invoice=invoice,
                        start=date(2026, rng.randint(1, 10), 1),
                    )
                if rng.random() < 0.05:  # an older line of the same product, cancelled
                    how = pspec.cancel
                    pline(
                        client=cname,
                        product=p.name,
                        qty=pq + rng.randint(1, 5),
                        unit=price,
                        discount=Decimal(0),
                        billing="monthly",
                        role="cancelled",
                        invoice=f"INV-{next(inv_no)}" if how == "void_invoice" else invoice,
                        start=date(2025, rng.randint(1, 12), 1),
                        end=date(2026, rng.randint(6, 10), rng.choice([15, 30]))
                        if how == "end_date"
                        else date(2026, 10, 31),
                        cancel_how=how,
                    )
        if on_vendor and rng.random() < 0.05:  # free / trial lines
            free = rng.choice(FREE[rng.choice(vspec.brands)])
            vline(
                client=cname,
                product=free,
                qty=rng.randint(1, 25),
                unit=Decimal(0),
                rrp=Decimal(0),
                billing="monthly",
                role="free",
                sub=f"{rng.getrandbits(32):08x}-trial",
                start=START,
            )
        if on_psa:
            services = SERVICES[pspec.locale]
            seats_all = max(
                1, sum(pl.qty for pl in plines if pl.client == cname and pl.role == "licence")
            )
            if rng.random() < 0.5:
                pline(
                    client=cname,
                    product=services[0],
                    qty=seats_all,
                    unit=money(rng, Decimal(rng.choice([35, 45, 60, 75])), currency),
                    discount=Decimal(0),
                    billing="monthly",
                    role="service",
                    invoice=invoice,
                    start=date(2026, 1, 1),
                )
            if rng.random() < 0.2:
                s = rng.choice(services[1:])
                pline(
                    client=cname,
                    product=s,
                    qty=rng.randint(1, 8),
                    unit=money(rng, Decimal(rng.choice([25, 40, 95, 120])), currency),
                    discount=Decimal(0),
                    billing="monthly",
                    role="service",
                    invoice=invoice,
                    start=date(2026, 1, 1),
                )
            if rng.random() < 0.03:  # a product line cancelled, for a product the bill lacks
                p = rng.choice(universe)
                if p.name not in {b.name for b in basket}:
                    how = pspec.cancel
                    pline(
                        client=cname,
                        product=p.name,
                        qty=rng.randint(1, 10),
                        unit=money(rng, p.rrp, currency),
                        discount=Decimal(0),
                        billing="monthly",
                        role="cancelled",
                        invoice=f"INV-{next(inv_no)}" if how == "void_invoice" else invoice,
                        start=date(2025, 3, 1),
                        end=date(2026, 9, 30),
                        cancel_how=how,
                    )
    rng.shuffle(vlines)  # bills are sorted by the renderer; this only mixes subscriptions
    vlines.sort(key=lambda v: (v.client.casefold(), v.product, v.role == "credit"))
    for i, v in enumerate(vlines, 1):
        v.id = i
    plines.sort(key=lambda p: (p.client.casefold(), p.invoice, p.id))
    return Scenario(
        seed,
        vendor_format,
        psa_format,
        currency,
        dp,
        customers,
        vlines,
        plines,
        {},
        vendor_only,
        psa_only,
        False,
    )


# ---------------------------------------------------------------- perturbations

FILLER = {
    "per",
    "user",
    "users",
    "month",
    "monthly",
    "licence",
    "license",
    "subscription",
    "nce",
    "annual",
    "the",
    "for",
    "with",
    "and",
    "of",
    "-",
    "x",
    "w",
}


def _tokens(text: str) -> set[str]:
    return {t for t in re.split(r"[^0-9a-z]+", text.lower()) if t and t not in FILLER}


def _fits(text: str, product: str) -> bool:
    return bool(_tokens(text)) and _tokens(text) <= _tokens(product)


PRODUCT_CLASSES = [
    "typo",
    "abbreviation",
    "brand_dropped",
    "bare_plan",
    "renamed",
    "in_house",
    "billing_words",
    "foreign_words",
    "note",
    "seat_count_in_text",
    "price_in_text",
    "all_caps_product",
    "truncated_product",
    "item_code_glued",
    "vendor_sku",
]
DECOR = [
    "billing_words",
    "foreign_words",
    "note",
    "seat_count_in_text",
    "price_in_text",
    "all_caps_product",
    "item_code_glued",
]
BILLING = [
    " - per user/month",
    " Monthly Subscription",
    " Licence (NCE)",
    " - monthly recurring",
    " (per seat)",
    " Subscription - per user",
]
NOTES = [
    " (see ticket #48213)",
    " – per contract 2024-117",
    " *price locked until 06/2027*",
    " / cost centre IT",
    " (approved by J. Smith)",
    " - PO 55102",
]


GROUPS = {
    "suite": "work",
    "apps": "work",
    "enterprise": "work",
    "office": "work",
    "mailbox": "work",
    "gsuite": "work",
    "meetings": "work",
    "edr": "endpoint",
    "xdr": "endpoint",
    "server": "endpoint",
    "mdr": "endpoint",
    "security": "endpoint",
    "mail": "mail",
    "archive": "mail",
    "password": "password",
    "darkweb": "password",
    "pdf": "pdf",
    "creative": "design",
    "photo": "design",
    "vector": "design",
}


def _group(concept: str) -> str:
    head = concept.split("_")[0]
    return GROUPS.get(head, head)


def _typo_word(rng: random.Random, text: str) -> str | None:
    words = text.split(" ")
    idx = [
        i
        for i, w in enumerate(words)
        if len(w) >= 5 and w.isalpha() and w.lower() not in DISCRIMINATING
    ]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = rng.choice(
        [w[:j] + w[j + 1] + w[j] + w[j + 2 :], w[:j] + w[j + 1 :], w[:j] + w[j] + w[j:]]
    )
    return " ".join(words)


def product_text(
    rng: random.Random,
    line: PLine,
    basket: list[str],
    universe: list[str],
    fmt_price: object,
    locale: str,
    context: bool = True,
    on_bill: bool = True,
) -> tuple[str, list[str]]:
    """One PSA line's description and its classes; a careful person can always resolve it.

    ``context``: the client buys this product on the bill, so a vague name (bare plan, in-house
    name) can be resolved against the client's vendor lines; without it only names that say the
    product on their own are used. ``on_bill``: the product's part number is somewhere on the bill."""
    p = BY_NAME[line.product]
    # without the client's vendor lines to lean on, a name must fit no other product of the bill's brands
    others = [
        b for b in (basket if context else sorted(set(basket) | set(universe))) if b != p.name
    ]
    name = p.name

    def clear(text: str) -> bool:  # the text fits no other product of this client
        return not any(_fits(text, o) for o in others) and not any(
            text in BY_NAME[o].in_house for o in others
        )

    def base(cls: str) -> str | None:
        if cls in ("bare_plan", "in_house") and not context:
            return None
        if cls == "typo":
            return _typo_word(rng, name)
        if cls == "abbreviation" and p.abbreviations:
            return rng.choice(p.abbreviations)
        if cls == "brand_dropped" and p.brand_dropped:
            return rng.choice(p.brand_dropped)
        if cls == "bare_plan" and p.bare:
            return rng.choice(p.bare)
        if cls == "renamed" and p.renamed:
            return rng.choice(p.renamed)
        if (
            cls == "in_house"
            and p.in_house
            and not any(_group(BY_NAME[o].concept) == _group(p.concept) for o in others)
        ):
            return rng.choice(p.in_house)
        if (
            cls == "vendor_sku" and p.sku and rng.random() < 0.5 and on_bill
        ):  # the bill's part number only
            return rng.choice([p.sku, f"{p.sku} - user licence", f"SKU {p.sku}"])
        if cls == "truncated_product":
            for cut in rng.sample([16, 18, 20, 24, 28], 5):
                head = name[:cut].rstrip()
                if (
                    len(head) < len(name)
                    and sum(u.startswith(head) for u in universe) == 1
                    and name[cut - 1 : cut] != " "
                ):
                    return head
        return None

    r = rng.random()
    if r < 0.22:
        return name, []
    classes: list[str] = []
    text = name
    core = [
        "typo",
        "abbreviation",
        "brand_dropped",
        "bare_plan",
        "renamed",
        "in_house",
        "truncated_product",
        "vendor_sku",
    ]
    if r < 0.75:
        for cls in rng.sample(core, len(core)):
            t = base(cls)
            if t and t != name and clear(t):
                text, classes = t, [cls]
                break
    if not classes or rng.random() < 0.3:
        deco = rng.choice(DECOR)
        if "truncated_product" in classes and deco in ("seat_count_in_text",):
            deco = "note"
        if deco == "billing_words":
            text += rng.choice(BILLING) if line.billing == "monthly" else " - annual licence"
        elif deco == "foreign_words":
            text += " " + rng.choice(FOREIGN_LICENCE.get(locale, FOREIGN_LICENCE["de"]))
        elif deco == "note":
            text += rng.choice(NOTES)
        elif deco == "seat_count_in_text":
            text = rng.choice(
                [f"{line.qty} x {text}", f"{text} ({line.qty} users)", f"{text} x{line.qty}"]
            )
        elif deco == "price_in_text":
            text = f"{text} @ {fmt_price(line.unit)}"  # type: ignore[operator]
        elif deco == "all_caps_product":
            text = text.upper()
        elif deco == "item_code_glued":
            text = (
                f"LIC-{p.sku}-{text}"
                if rng.random() < 0.5
                else f"ITM{1000 + PRODUCTS.index(p)}: {text}"
            )
        classes.append(deco)
    return text, classes


def apply_spellings(sc: Scenario, perturb: bool, fmt_price: object, locale: str) -> None:
    """Fill in PSA texts and client names: perturbed or canonical. The random stream is consumed
    the same way either way, so both renders have identical rows."""
    rng = random.Random(
        f"indep-j-spell|{sc.seed}|{sc.vendor_format}|{sc.psa_format}|{len(sc.customers)}"
    )
    names = {c.name for c in sc.customers}
    present = {v.product for v in sc.vlines} | {p.product for p in sc.plines}
    brands = {BY_NAME[x].brand for x in present if x in BY_NAME}
    universe = sorted(p.name for p in PRODUCTS if p.brand in brands)
    by_client: dict[str, list[str]] = {}
    for v in sc.vlines:
        if v.role != "free":
            by_client.setdefault(v.client, []).append(v.product)
    for p in sc.plines:
        if p.product in BY_NAME:
            by_client.setdefault(p.client, []).append(p.product)
    keys = {re.sub(r"[^0-9a-z]", "", n.lower()) for n in names}
    taken: set[str] = set()  # PSA names already given: two clients never share one
    for cust in sc.customers:
        cls, nm = pick_client_class(rng, cust)
        key = re.sub(r"[^0-9a-z]", "", nm.lower())
        if cls and key in keys - {re.sub(r"[^0-9a-z]", "", cust.name.lower())}:
            cls, nm = "", cust.name  # would be another client's name: keep the original
        if cls in ("truncated",) and any(o != cust.name and o.startswith(nm) for o in names):
            cls, nm = "", cust.name
        if re.sub(r"[^0-9a-z]", "", nm.lower()) in taken:
            cls, nm = "", cust.name
        taken.add(re.sub(r"[^0-9a-z]", "", nm.lower()))
        sc.psa_names[cust.name] = (cls, nm) if perturb else ("", cust.name)
    bought = {(v.client, v.product) for v in sc.vlines if v.role != "free"}
    billed = {v.product for v in sc.vlines}
    for line in sc.plines:
        if line.product in BY_NAME:
            basket = sorted(set(by_client.get(line.client, [])))
            text, classes = product_text(
                rng,
                line,
                basket,
                universe,
                fmt_price,
                locale,
                context=(line.client, line.product) in bought,
                on_bill=line.product in billed,
            )
        else:
            text, classes = line.product, []
        if perturb:
            line.text, line.classes = text, classes
        else:
            line.text, line.classes = line.product, []
    sc.perturb = perturb


# ---------------------------------------------------------------- truth


def _half_up(value: Fraction) -> str:
    cents = (
        (value * 100 + Fraction(1, 2)).__floor__()
        if value >= 0
        else -((-value * 100 + Fraction(1, 2)).__floor__())
    )
    return f"{Decimal(cents).scaleb(-2):.2f}"


def findings(sc: Scenario, vrows: dict[int, int], prows: dict[int, int]) -> list[dict[str, object]]:
    """rules.md, exactly, from the lines (not from the intentions above)."""
    vq: dict[tuple[str, str], int] = {}
    vcost: dict[tuple[str, str], Fraction] = {}
    vr: dict[tuple[str, str], list[int]] = {}
    for v in sc.vlines:
        if v.role == "free":
            continue
        key = (v.client, v.product)
        vq[key] = vq.get(key, 0) + v.qty
        monthly = Fraction(v.unit) / (12 if v.billing == "annual" else 1)
        vcost[key] = vcost.get(key, Fraction(0)) + v.qty * monthly
        vr.setdefault(key, []).append(vrows[v.id])
    pq: dict[tuple[str, str], int] = {}
    pprice: dict[tuple[str, str], Fraction] = {}
    pr: dict[tuple[str, str], list[int]] = {}
    pcls: dict[tuple[str, str], set[str]] = {}
    for p in sc.plines:
        if p.role != "licence":
            continue
        key = (p.client, p.product)
        pq[key] = pq.get(key, 0) + p.qty
        monthly = Fraction(sc.net(p)) / (12 if p.billing == "annual" else 1)
        pprice[key] = pprice.get(key, Fraction(0)) + p.qty * monthly
        pr.setdefault(key, []).append(prows[p.id])
        pcls.setdefault(key, set()).update(p.classes)
    per_product: dict[str, list[Fraction]] = {}
    for key, q in pq.items():
        if q > 0:
            per_product.setdefault(key[1], []).append(pprice[key] / q)
    out: list[dict[str, object]] = []
    for key in sorted(set(vq) | set(pq)):
        client, product = key
        seats_v, seats_p = vq.get(key, 0), pq.get(key, 0)
        cost = vcost[key] / seats_v if seats_v > 0 else Fraction(0)
        price = pprice[key] / seats_p if seats_p > 0 else Fraction(0)
        name_cls = sc.psa_names.get(client, ("", ""))[0] if client not in sc.vendor_only else ""
        classes = sorted(pcls.get(key, set()) | ({name_cls} if name_cls else set()))
        base = {
            "client": client,
            "product": product,
            "vendor_rows": sorted(vr.get(key, [])),
            "psa_rows": sorted(pr.get(key, [])),
            "classes": classes,
        }
        found: list[tuple[str, Fraction]] = []
        if seats_v > 0 and seats_p <= 0:
            prices = per_product.get(product)
            found.append(("unbilled", seats_v * (Fraction(median(prices)) if prices else cost)))
        elif seats_p > 0 and seats_v <= 0:
            found.append(("no_vendor_record", seats_p * price))
        elif seats_v > 0 and seats_p > 0:
            if seats_v > seats_p:
                found.append(("under_billed", (seats_v - seats_p) * price))
            if seats_p > seats_v:
                found.append(("over_billed", (seats_p - seats_v) * price))
            if price < cost:
                found.append(("below_cost", (cost - price) * min(seats_v, seats_p)))
        for kind, impact in found:
            out.append({"type": kind, "monthly_impact": _half_up(impact), **base})
    return out
