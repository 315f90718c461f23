"""One month of one MSP: customers, what the vendor bills, what the PSA bills.

The scenario is built from a seeded generator only; the spellings a person
typed are drawn always and used only when ``perturb`` is on, so a clean and a
perturbed render of the same arguments carry the same lines and findings.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from . import catalogue as cat
from . import names as nm
from .people import spell, split_notes

PERIOD_START = date(2026, 9, 1)
PERIOD_END = date(2026, 9, 30)
PERIOD = "2026-09"

FX: dict[str, Decimal] = {
    "USD": Decimal("1"),
    "GBP": Decimal("0.79"),
    "EUR": Decimal("0.92"),
    "AUD": Decimal("1.52"),
    "CAD": Decimal("1.37"),
}
CENT = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def sku_text(prod: cat.Product, caps: Capabilities) -> str:
    """The product code a person could copy from this client's bill."""
    return cat.sku_shown(prod, caps.sku_style) if caps.sku_style else ""


@dataclass(frozen=True)
class Capabilities:
    """What a pair of formats can express; the scenario uses only that."""

    currency: str
    vendor_domain: bool
    vendor_annual: bool
    vendor_credits: bool
    third_party: bool
    psa_annual: bool
    psa_cancelled: bool
    sku_style: str = ""


@dataclass
class VLine:
    client: int
    product: str
    qty: int
    unit: Decimal  # cost per billing period (a year for annual lines), case currency
    annual: bool
    role: str  # licence | credit | free
    sub: str
    term: str  # "P1M" | "P1Y"


@dataclass
class PLine:
    client: int
    product: str  # product key, or "" for a service
    clean: str  # canonical text
    text: str  # what a person typed
    classes: list[str]
    qty: int
    unit: Decimal  # price per billing period (a year for annual lines)
    annual: bool
    role: str  # licence | service | cancelled
    note: str = ""


@dataclass
class Client:
    idx: int
    name: nm.ClientName
    canonical: str
    vendor_name: str
    vendor_classes: list[str]
    psa_name: str
    psa_class: str  # "untouched" or a name class
    on_vendor: bool
    on_psa: bool
    contact: str
    domain: str
    tenant_id: str
    account_no: str
    headcount: int


@dataclass
class Scenario:
    seed: int
    currency: str
    perturb: bool
    caps: Capabilities
    clients: list[Client] = field(default_factory=list)
    vlines: list[VLine] = field(default_factory=list)
    plines: list[PLine] = field(default_factory=list)


def rng_for(*parts: object) -> random.Random:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def fake_uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"


# ---------------------------------------------------------------- customers


def _names(rng: random.Random, count: int, currency: str) -> list[nm.ClientName]:
    regions = nm.REGIONS[currency]
    out: list[nm.ClientName] = []
    used: set[str] = set()

    def add(n: nm.ClientName) -> None:
        # one customer per core + industry (+ number): a dropped legal form never collides
        key = nm.fold_accents(f"{n.core} {n.industry} {n.number}").lower()
        if key not in used:
            used.add(key)
            out.append(n)

    def industry() -> tuple[str, tuple[str, ...]]:
        return rng.choice(nm.INDUSTRIES)

    # siblings and numbered locations first (about 15 %)
    n_sib = max(1, count // 25)
    for _ in range(n_sib):
        region = rng.choice(regions)
        core = rng.choice(nm.SURNAMES[region] + nm.PLACES[region])
        a, b = rng.choice(nm.SIBLING_SETS)
        legal = rng.choice(nm.LEGAL[region])
        for ind in (a, b):
            found = [x for i, x in nm.INDUSTRIES if i == ind]
            add(nm.ClientName(region, core, ind, found[0] if found else (), legal, sibling=True))
    n_chain = max(1, count // 30)
    for _ in range(n_chain):
        region = rng.choice(regions)
        brand, kind, word = rng.choice(nm.CHAINS)
        kind = nm.localise(region, kind)
        word = nm.localise(region, word)
        legal = rng.choice(nm.LEGAL[region])
        numbers = rng.sample(range(2, 40), rng.choice((2, 2, 3)))
        for num in numbers:
            add(nm.ClientName(region, brand, kind, (), legal, number=num, number_word=word))
    while len(out) < count:
        region = rng.choice(regions)
        legal = rng.choice(nm.LEGAL[region])
        ind, abbr = industry()
        style = rng.random()
        if style < 0.35:
            core = rng.choice(nm.SURNAMES[region])
        elif style < 0.55:
            core = rng.choice(nm.PLACES[region])
        elif style < 0.70:
            s1, s2 = rng.sample(nm.SURNAMES[region], 2)
            core = f"{s1} {rng.choice(('&', '&', 'and'))} {s2}"
            ind, abbr = rng.choice(
                [
                    x
                    for x in nm.INDUSTRIES
                    if x[0]
                    in (
                        "Solicitors",
                        "Architects",
                        "Associates",
                        "Chartered Accountants",
                        "Law Group",
                        "Engineering Consultants",
                        "Financial Planning",
                    )
                ]
            )
        else:
            core = rng.choice(nm.COINED)
        if nm.localise(region, ind) != ind:
            ind, abbr = nm.localise(region, ind), ()
        name = nm.ClientName(region, core, ind, abbr, legal, the=rng.random() < 0.04)
        if rng.random() < 0.09:
            word = rng.choice(nm.TRADING_FIRST)
            name.trading = f"{word} {rng.choice(nm.TRADE_WORDS)}"
            if name.trading.split(" ")[0] == core:
                name.trading = None
        add(name)
    return out[:count]


NAME_CLASS_WEIGHTS: dict[str, int] = {
    "legal_suffix_typo": 10,
    "legal_dropped": 10,
    "typo": 8,
    "case_punct": 6,
    "branch": 5,
    "abbreviation": 9,
    "word_order": 3,
    "generic_dropped": 4,
    "and_amp": 8,
    "the_prefix": 3,
    "store_number": 12,
    "dba": 12,
    "accents": 12,
    "account_code": 3,
    "short_name": 5,
    "initialism": 3,
}
NAME_CLASS_LABEL = {
    "typo": "name_typo",
    "case_punct": "name_case_punct",
    "abbreviation": "name_abbreviation",
}


def _customers(rng: random.Random, count: int, caps: Capabilities) -> list[Client]:
    out: list[Client] = []
    names = _names(rng, count, caps.currency)
    rng.shuffle(names)
    core_count: dict[str, int] = {}
    initial_count: dict[str, int] = {}
    all_names = " | ".join(n.canonical.lower() for n in names)
    for n in names:
        # how many customers' names hold this core at all (a short name must point at one)
        core_count[n.core.lower()] = all_names.count(n.core.lower())
        initial_count[nm.initials(n)] = initial_count.get(nm.initials(n), 0) + 1
    for idx, name in enumerate(names):
        side = rng.random()
        on_vendor, on_psa = True, True
        if side < 0.025:
            on_psa = False
        elif side < 0.05:
            on_vendor = False
        # the PSA spelling
        plain_name = not name.sibling and name.number is None
        options = nm.applicable_classes(
            name,
            caps.vendor_domain,
            short_ok=plain_name and core_count[name.core.lower()] == 1 and len(name.core) >= 6,
            initials_ok=plain_name
            and initial_count[nm.initials(name)] == 1
            and len(nm.initials(name)) >= 3,
        )
        roll = rng.random()
        pick = rng.choices(options, [NAME_CLASS_WEIGHTS.get(o, 5) for o in options])[0]
        cls = pick if roll < 0.62 or pick in ("store_number", "dba") else "untouched"
        if name.sibling and cls in ("legal_dropped", "the_prefix"):
            cls = "untouched"
        account_no = f"C{10000 + idx * 7 + rng.randint(0, 6)}"
        if cls == "account_code":
            canon = name.canonical
            code = account_no[1:]
            psa_name = rng.choice(
                (
                    f"{code} {canon}",
                    f"{canon} [{code}]",
                    f"{canon} ({account_no})",
                    f"{code} - {canon}",
                )
            )
        else:
            psa_name = nm.psa_spelling(rng, name, cls, caps.vendor_domain)
        if psa_name == name.canonical:
            cls = "untouched"
        # the tenant's spelling on the bill
        vendor_name = name.canonical
        vendor_classes: list[str] = []
        vroll = rng.random()
        if vroll < 0.06:
            vendor_name = name.canonical.upper()
            vendor_classes = ["case_punct"]
        elif vroll < 0.14 and nm.has_accents(name.canonical) and cls != "accents":
            vendor_name = nm.fold_accents(name.canonical)
            vendor_classes = ["accents"]
        elif 0.14 <= vroll < 0.20 and not name.sibling:
            # a tenant named without its legal form, as tenants often are
            vendor_name = name.canonical[: -len(name.legal)].rstrip()
            vendor_classes = ["legal_dropped"]
        headcount = rng.choice(
            (
                rng.randint(2, 12),
                rng.randint(2, 12),
                rng.randint(8, 35),
                rng.randint(8, 35),
                rng.randint(25, 90),
                rng.randint(60, 240),
            )
        )
        first = rng.choice(nm.PEOPLE_FIRST)
        surname = rng.choice(nm.SURNAMES[name.region])
        out.append(
            Client(
                idx=idx,
                name=name,
                canonical=name.canonical,
                vendor_name=vendor_name,
                vendor_classes=vendor_classes,
                psa_name=psa_name,
                psa_class=NAME_CLASS_LABEL.get(cls, cls),
                on_vendor=on_vendor,
                on_psa=on_psa,
                contact=f"{first} {surname}",
                domain=name.domain(),
                tenant_id=fake_uuid(rng),
                account_no=account_no,
                headcount=headcount,
            )
        )
    # one trap: siblings split over the two sides must never merge
    twins: dict[str, list[Client]] = {}
    for c in out:
        if c.name.sibling:
            twins.setdefault(c.name.core, []).append(c)
    for pair in twins.values():
        if len(pair) == 2:
            pair[0].on_psa, pair[0].on_vendor = False, True
            pair[1].on_vendor, pair[1].on_psa = False, True
            break
    # every case has customers on one side only, besides the twins
    plain = [c for c in out if not c.name.sibling and c.name.number is None]
    if plain and not any(not c.on_psa for c in plain):
        plain[0].on_psa, plain[0].on_vendor = False, True
    if len(plain) > 1 and not any(not c.on_vendor for c in plain):
        plain[-1].on_vendor, plain[-1].on_psa = False, True
    return out


# ---------------------------------------------------------------- baskets

CORE_CHOICES: tuple[tuple[str, int], ...] = (
    ("bp", 30),
    ("bs", 22),
    ("bb", 10),
    ("e3", 12),
    ("e5", 4),
    ("o365e3", 6),
    ("o365e1", 3),
    ("apps_biz+exo1", 4),
    ("f3+e3", 3),
    ("bs_nt", 2),
    ("e3_nt", 2),
    ("bb_nt+teamsess", 2),
)
MS_ADDONS: tuple[tuple[str, float], ...] = (
    ("exoarch", 0.12),
    ("entra1", 0.10),
    ("entra2", 0.03),
    ("dfb", 0.10),
    ("dfo1", 0.10),
    ("dfo2", 0.04),
    ("mde1", 0.03),
    ("intune", 0.06),
    ("visio1", 0.06),
    ("visio2", 0.08),
    ("proj3", 0.06),
    ("proj5", 0.03),
    ("proj1", 0.03),
    ("pbipro", 0.12),
    ("pbippu", 0.04),
    ("teamsphone", 0.08),
    ("teamsprem", 0.04),
    ("copilot", 0.12),
    ("w365", 0.04),
    ("pad_prem", 0.04),
    ("bc_ess", 0.03),
    ("exok", 0.04),
    ("apps_ent", 0.03),
    ("e5sec", 0.04),
    ("e5comp", 0.02),
)
TP_GROUPS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("acronis365", "ninjasaas", "dattosaas"), 0.45),
    (("keeperbiz", "keeperent", "onepw"), 0.30),
    (("mimecast", "ppebiz", "ppeadv", "mailassure", "harmonyemail"), 0.35),
    (("s1complete", "s1control", "huntress", "webroot", "esetadv", "esetent", "bitdefender"), 0.40),
    (("duoess", "duoadv"), 0.15),
    (("kb4gold", "kb4diamond"), 0.20),
    (("docusignstd", "docusignbp"), 0.10),
    (("acrobatpro", "acrobatstd"), 0.15),
    (("adobecc", "canva"), 0.10),
    (("zoomwp", "ringex"), 0.10),
    (("dropboxstd",), 0.05),
)
FEW_SEATS = {
    "proj1",
    "visio1",
    "visio2",
    "proj3",
    "proj5",
    "pbipro",
    "pbippu",
    "copilot",
    "w365",
    "pad_prem",
    "bc_ess",
    "docusignstd",
    "docusignbp",
    "acrobatpro",
    "acrobatstd",
    "adobecc",
    "canva",
    "teamsprem",
    "e5",
    "e5comp",
    "exok",
    "apps_ent",
    "teamsphone",
    "exoarch",
    "zoomwp",
}


def _basket(rng: random.Random, head: int, third_party: bool) -> dict[str, int]:
    basket: dict[str, int] = {}
    core = rng.choices([c for c, _ in CORE_CHOICES], [w for _, w in CORE_CHOICES])[0]
    for key in core.split("+"):
        basket[key] = head
    if rng.random() < 0.22:
        bundle = rng.choice(
            [b for b in cat.TRAP_BUNDLES if third_party or all(k in cat.MICROSOFT_KEYS for k in b)]
        )
        for key in bundle:
            basket.setdefault(key, head)
    for key, prob in MS_ADDONS:
        if rng.random() < prob:
            basket.setdefault(key, head)
    if third_party:
        for group, prob in TP_GROUPS:
            if rng.random() < prob:
                basket.setdefault(rng.choice(group), head)
    # seats that fit the company
    keys = list(basket)
    for key in keys:
        if key in FEW_SEATS:
            basket[key] = max(1, min(head, rng.randint(1, max(1, head // 4 + 1))))
        else:
            basket[key] = max(1, head - rng.randint(0, max(0, head // 8)))
    # two suites of one family share the staff
    suites = [k for k in keys if "suite" in cat.BY_KEY[k].kinds]
    if len(suites) >= 2 and head >= 4:
        first = rng.randint(1, head - 1)
        basket[suites[0]] = first
        basket[suites[1]] = max(1, head - first)
    return basket


def _kind_counts(keys: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in keys:
        for kind in cat.BY_KEY[key].kinds:
            counts[kind] = counts.get(kind, 0) + 1
    return counts


# ---------------------------------------------------------------- lines


def build(seed: int, clients: int, caps: Capabilities, perturb: bool, tag: str) -> Scenario:
    rng = rng_for("set-e", seed, clients, tag)
    scen = Scenario(seed=seed, currency=caps.currency, perturb=perturb, caps=caps)
    scen.clients = _customers(rng, clients, caps)
    fx = FX[caps.currency]
    markups = [Decimal(x) for x in ("1.00", "1.05", "1.10", "1.15", "1.20", "1.25", "1.00")]
    # each product has a house price the MSP mostly uses, clients drift from it
    house: dict[str, Decimal] = {}
    for p in cat.PRODUCTS:
        house[p.key] = money(p.msrp * fx * rng.choice(markups))
    sub_no = 0

    def sub_id() -> str:
        nonlocal sub_no
        sub_no += 1
        return fake_uuid(rng_for("sub", seed, tag, sub_no))

    for client in scen.clients:
        basket = _basket(rng, client.headcount, caps.third_party)
        keys = list(basket)
        # which pairs fail, and how
        states: dict[str, str] = {}
        for key in keys:
            r = rng.random()
            if not client.on_psa:
                states[key] = "vendor_only"
            elif not client.on_vendor:
                states[key] = "psa_only"
            elif r < 0.815:
                states[key] = "ok"
            elif r < 0.87:
                states[key] = "under" if basket[key] >= 2 else "over"
            elif r < 0.905:
                states[key] = "over"
            elif r < 0.955:
                states[key] = "unbilled"
            elif r < 0.985:
                states[key] = "no_vendor"
            else:
                states[key] = "ok"
        vendor_keys = [k for k in keys if states[k] not in ("psa_only", "no_vendor")]
        kinds = _kind_counts(keys)
        for key in keys:
            prod = cat.BY_KEY[key]
            state = states[key]
            vq = basket[key]
            cost = money(prod.cost * fx)
            # ----- vendor side
            c_month = Decimal(cost)
            if key in vendor_keys:
                lines: list[VLine] = []
                r = rng.random()
                # Microsoft charges 20 % more for a monthly term; others one price
                premium = Decimal("1.2") if prod.publisher == cat.MS else Decimal("1")
                if r < 0.14 and vq >= 2:
                    a = rng.randint(1, vq - 1)
                    lines.append(
                        VLine(
                            client.idx,
                            key,
                            a,
                            money(cost * premium),
                            False,
                            "licence",
                            sub_id(),
                            "P1M",
                        )
                    )
                    lines.append(
                        VLine(client.idx, key, vq - a, cost, False, "licence", sub_id(), "P1Y")
                    )
                elif r < 0.22 and caps.vendor_annual:
                    lines.append(
                        VLine(
                            client.idx,
                            key,
                            vq,
                            money(cost * 12 * Decimal("0.95")),
                            True,
                            "licence",
                            sub_id(),
                            "P1Y",
                        )
                    )
                elif r < 0.30 and caps.vendor_credits:
                    k = rng.randint(1, 3)
                    sid = sub_id()
                    lines.append(VLine(client.idx, key, vq + k, cost, False, "licence", sid, "P1M"))
                    lines.append(VLine(client.idx, key, -k, cost, False, "credit", sid, "P1M"))
                else:
                    lines.append(
                        VLine(
                            client.idx,
                            key,
                            vq,
                            cost,
                            False,
                            "licence",
                            sub_id(),
                            rng.choice(("P1M", "P1Y", "P1Y")),
                        )
                    )
                num = sum(
                    (Decimal(v.qty) * (v.unit / 12 if v.annual else v.unit) for v in lines),
                    Decimal(0),
                )
                c_month = num / vq
                scen.vlines.extend(lines)
            # ----- PSA side
            if state in ("vendor_only", "unbilled"):
                continue
            pq = vq
            if state == "under":
                pq = vq - rng.randint(1, max(1, vq // 3))
            elif state == "over":
                pq = vq + rng.randint(1, max(1, vq // 4 + 1))
            drift = rng.random()
            price = house[key] if drift < 0.55 else money(prod.msrp * fx * rng.choice(markups))
            if rng.random() < 0.045 and state in ("ok", "under", "over"):
                # a vendor price rise that never reached the PSA
                price = money(c_month * Decimal("0.96") - Decimal("0.05"))
            if price <= 0:
                price = CENT
            in_context = key in vendor_keys
            rows: list[tuple[int, Decimal, str]] = []
            if pq >= 2 and rng.random() < 0.05:
                a = rng.randint(1, pq - 1)
                n1, n2 = split_notes(rng)
                other = price if rng.random() < 0.6 else money(price * Decimal("0.9"))
                rows = [(a, price, n1), (pq - a, other, n2)]
            else:
                rows = [(pq, price, "")]
            for qty, unit, note in rows:
                annual = caps.psa_annual and rng.random() < 0.06
                line_unit = money(unit * rng.choice((12, 12, 11))) if annual else unit
                text, classes = spell(rng, prod, kinds, in_context, sku_text(prod, caps))
                text = text.replace("{n}", str(qty))
                if note:
                    text += note
                    classes = [*classes, "note"]
                scen.plines.append(
                    PLine(
                        client.idx,
                        key,
                        prod.name + note,
                        text,
                        classes,
                        qty,
                        line_unit,
                        annual,
                        "licence",
                        note,
                    )
                )
        if client.on_vendor and rng.random() < 0.10:
            free = rng.choice(cat.FREE_KEYS)
            scen.vlines.append(
                VLine(
                    client.idx,
                    free,
                    rng.randint(1, max(1, client.headcount)),
                    Decimal("0.00"),
                    False,
                    "free",
                    sub_id(),
                    "P1M",
                )
            )
        if client.on_psa:
            kinds_all = _kind_counts(keys)
            if caps.psa_cancelled and rng.random() < 0.12:
                key = rng.choice(keys)
                prod = cat.BY_KEY[key]
                text, classes = spell(rng, prod, kinds_all, False)
                scen.plines.append(
                    PLine(
                        client.idx,
                        key,
                        prod.name,
                        text,
                        classes,
                        rng.randint(1, max(1, client.headcount)),
                        house[key],
                        False,
                        "cancelled",
                    )
                )
            pool = cat.SERVICE_TEXTS + (cat.SERVICE_TEXTS_LOCAL if caps.currency == "EUR" else ())
            for text in rng.sample(pool, rng.choice((0, 1, 1, 2, 2, 3))):
                qty = client.headcount if "per user" in text else rng.choice((1, 1, 2, 4, 10))
                unit = (
                    money(Decimal(rng.randint(15, 180)) * fx)
                    if qty > 1
                    else money(Decimal(rng.randint(60, 900)) * fx)
                )
                scen.plines.append(
                    PLine(client.idx, "", text, text, [], qty, unit, False, "service")
                )
    # keep the PSA in customer order with each customer's lines shuffled a little
    order = {c.idx: i for i, c in enumerate(scen.clients)}
    scen.plines.sort(key=lambda ln: order[ln.client])
    scen.vlines.sort(key=lambda ln: order[ln.client])
    if not perturb:
        for pl in scen.plines:
            pl.text = pl.clean
    return scen


def client_classes(client: Client, perturb: bool) -> list[str]:
    if not perturb or client.psa_class == "untouched":
        return []
    return [client.psa_class]


def psa_name(client: Client, perturb: bool) -> str:
    return client.psa_name if perturb else client.canonical


def vendor_name(client: Client, perturb: bool) -> str:
    return client.vendor_name if perturb else client.canonical
