# ruff: noqa: B007, B023, B905, RUF005
"""The case of set Y: clients, vendor lines, PSA lines, perturbations and the truth findings."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from . import names as N
from .catalog import ADDONS, BASES, BY_KEY, FX, PSA_SERVICES, VENDOR_SERVICES
from .desc import describe, plain_label_ok

CENT = Decimal("0.01")
TERM_MONTHS = {"M": 1, "A": 12, "H": 6}


def q2(x) -> Decimal:
    return Decimal(x).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class VLine:
    cid: int
    product: str | None  # None for a service
    role: str  # licence / credit / service
    qty: int
    unit: Decimal  # price per term
    term: str  # M / A
    text: str = ""  # service text
    sub: str = ""
    start: str = "2026-11-01"
    end: str = "2026-11-30"
    row: int = 0
    classes: list = field(default_factory=list)
    alias_name: bool = False  # the customer cell carries the acronym (acronym_linked_on_vendor_row)
    users: list = field(default_factory=list)

    @property
    def amount(self) -> Decimal:
        return q2(self.unit * self.qty)


@dataclass
class PLine:
    cid: int
    product: str | None
    role: str  # licence / service
    qty: Decimal
    unit: Decimal  # price per term
    term: str  # M / A / H
    text: str = ""
    classes: list = field(default_factory=list)
    cclasses: list = field(default_factory=list)
    row: int = 0
    users: list = field(default_factory=list)
    note: str = ""  # free-text Notes column (formats that have one)

    @property
    def amount(self) -> Decimal:
        return q2(self.unit * self.qty)


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    perturb: bool


def monthly(unit, term) -> Fraction:
    return Fraction(unit) / TERM_MONTHS[term]


# ---------------------------------------------------------------- clients
def _legal(rng, cc):
    return rng.choice(N.COUNTRIES[cc][0])


def make_clients(rng: random.Random, n: int):
    used, out = set(), []
    places = N.PLACES[:]
    rng.shuffle(places)
    pi = iter(places * 4)
    ccs = [c for c, w in N.COUNTRY_WEIGHTS.items() for _ in range(w)]
    jp, cn, kr, nordic = (N.JP_COMPANIES[:], N.CN_COMPANIES[:], N.KR_COMPANIES[:], N.NORDIC[:])
    for lst in (jp, cn, kr, nordic):
        rng.shuffle(lst)
    surnames = N.SURNAMES[:]
    rng.shuffle(surnames)

    def add(name, cc, vertical, kind, group="", alt=""):
        if name in used or len(out) >= n:
            return
        used.add(name)
        out.append(
            {
                "id": len(out),
                "canonical": name,
                "cc": cc,
                "vertical": vertical,
                "kind": kind,
                "group": group,
                "alt": alt,
            }
        )

    while len(out) < n:
        r = rng.random()
        place = next(pi)
        cc = rng.choice(ccs)
        ind, vert = rng.choice(N.INDUSTRIES)
        if r < 0.05 and jp:
            nm, alt = jp.pop()
            add(nm, "JP", "Trading", "jp", alt=alt)
        elif r < 0.09 and cn:
            nm, alt = cn.pop()
            add(nm, "CN", "Trading", "cn", alt=alt)
        elif r < 0.13 and kr:
            nm, alt = kr.pop()
            add(nm, "KR", "Manufacturing", "kr", alt=alt)
        elif r < 0.17 and nordic:
            nm, ncc = nordic.pop()
            add(nm, ncc, "Trading", "nordic")
        elif r < 0.21:
            club, _ = rng.choice(N.CLUBS)
            vert2 = "Education" if "School" in club else "Sport"
            add(f"{place} {club}", rng.choice(["GB", "AU", "US"]), vert2, "club")
        elif r < 0.26:  # numbered stores
            legal = _legal(rng, cc)
            nums = rng.sample(range(3, 60), rng.choice([2, 3]))
            shop = rng.choice(
                ["Pharmacy", "Bakery", "Opticians", "Garden Centre", "Pet Supplies", "Hardware"]
            )
            for k in nums:
                add(f"{place} {shop} Store {k} {legal}", cc, "Retail", "store", group=place)
        elif r < 0.30:  # X Dental Group / X Dental Lab
            legal = _legal(rng, cc)
            add(f"{place} Dental Group {legal}", cc, "Dental", "dental", group=place)
            add(f"{place} Dental Lab {legal}", cc, "Dental", "dental", group=place)
        elif r < 0.34 and surnames:  # two legal entities of one family
            s = surnames.pop()
            legal = _legal(rng, cc)
            add(f"{s} Holdings {legal}", cc, "Finance", "family", group=s)
            add(f"{s} Properties {legal}", cc, "Real estate", "family", group=s)
        elif r < 0.38:  # parent and subsidiary, billed separately
            legal = _legal(rng, cc)
            add(f"{place} Group {legal}", cc, "Consulting", "parent", group=place)
            sub = rng.choice(["Logistics", "Care", "Print", "Facilities", "Travel"])
            add(f"{place} {sub} {legal}", cc, vert, "subsidiary", group=place)
        else:
            add(f"{place} {ind} {_legal(rng, cc)}", cc, vert, "plain")
    for i, c in enumerate(out):
        c["id"] = i
        c["code"] = f"{10000 + 7 * i + rng.randint(0, 6)}"
        c["psa"] = c["canonical"]
        c["classes"] = []
        c["side"] = "both"
        c["rename_note"] = ""
        c["state"] = rng.choice(N.US_STATES) if c["cc"] == "US" else ""
        slug = "".join(ch for ch in c["canonical"].split()[0].lower() if ch.isalpha())
        c["domain"] = f"{slug}{c['code'][-3:]}.onmicrosoft.com"
    return out


def _pair(p):
    return p[0], p[1]


def _initialism(name):
    stop = {
        "Ltd",
        "LLC",
        "Inc.",
        "Corp.",
        "GmbH",
        "AG",
        "B.V.",
        "AB",
        "AS",
        "ApS",
        "A/S",
        "SAS",
        "SARL",
        "S.L.",
        "S.A.",
        "Pty",
        "Ltda.",
        "SA",
        "LLP",
        "Limited",
        "&",
        "Co.",
        "KG",
    }
    words = [w for w in name.split() if w not in stop]
    return "".join(w[0] for w in words).upper(), words


def perturb_client_names(rng: random.Random, clients):
    """PSA-side client names: every PSA client name gets one or two classes."""
    acronyms = {_initialism(c["canonical"])[0] for c in clients}
    counts: dict = {}
    for c in clients:
        counts_key = _initialism(c["canonical"])[0]
        counts[counts_key] = counts.get(counts_key, 0) + 1
    del acronyms
    for c in clients:
        name = c["canonical"]
        cls = []
        sib = c["kind"] in ("store", "dental", "family", "parent", "subsidiary")
        if c["kind"] == "jp":
            name, cls = c["alt"], ["kunrei_romaji"]
        elif c["kind"] == "cn":
            name, cls = c["alt"], ["wade_giles_pinyin"]
        elif c["kind"] == "kr":
            alt = c["alt"]
            if rng.random() < 0.4:  # breves dropped, as many Western systems do
                alt = alt.replace("ŏ", "o").replace("ŭ", "u")
            name, cls = alt, ["mccune_reischauer"]
        elif c["kind"] == "nordic":
            name = "".join(N.NORDIC_DIGRAPH.get(ch, ch) for ch in name)
            cls = ["nordic_letter_digraph"]
        elif c["kind"] == "club":
            for long, short in N.CLUBS:
                if long in name:
                    name = name.replace(long, short)
            cls = ["club_initialism"]
        if not cls:
            r = rng.random()
            ini, words = _initialism(name)
            if (
                r < 0.06
                and not sib
                and len(words) >= 3
                and counts.get(ini) == 1
                and c["side"] == "both"
            ):
                name, cls = ini, ["acronym_linked_on_vendor_row"]
                c["alias"] = ini
            elif r < 0.11 and not sib and c["side"] == "both":
                first = name.split()[0]
                newfirst = rng.choice(
                    [
                        "Meridian",
                        "Summit",
                        "Keystone",
                        "Horizon",
                        "Pinnacle",
                        "Lighthouse",
                        "Cornerstone",
                        "Bluebell",
                    ]
                )
                taken = {x["canonical"] for x in clients} | {x["psa"] for x in clients}
                for cand in (newfirst, f"{newfirst} {first}", f"{newfirst} & {first}"):
                    if name.replace(first, cand, 1) not in taken:
                        break
                name = name.replace(first, cand, 1)
                c["rename_note"] = f"renamed from {c['canonical']} on 01/11/2026"
                cls = ["renamed_this_month_note_once"]
            elif r < 0.19 and c["cc"] == "US" and c["state"]:
                name, cls = f"{name} ({c['state']})", ["us_state_code_paren"]
            elif r < 0.26 and c["cc"] not in ("US",):
                sep = rng.choice([" - ", " – "])
                name, cls = f"{name}{sep}{c['cc']}", ["iso_country_dash_suffix"]
            elif r < 0.33 and not sib:
                op = rng.choice(N.SURNAMES)
                ent = rng.choice(["Holdings LLC", "Ventures Ltd", "Partners Ltd", "Group Pty Ltd"])
                name = f"{name} – operated by {op} {ent}"
                cls = ["operator_entity_appended"]
            elif r < 0.40 and c["cc"] in N.COUNTRIES:
                pc = rng.choice(N.COUNTRIES[c["cc"]][1])
                name = f"{name}, {pc}" if rng.random() < 0.5 else f"{name} {pc}"
                cls = ["postcode_suffix"]
            elif r < 0.46 and not sib:
                name, cls = f"{name} (HQ)", ["hq_flag"]
            elif r < 0.53 and not sib:
                cat = N.MAPS_CATEGORY.get(c["vertical"], "Business")
                name, cls = f"{name} · {cat}", ["maps_category_suffix"]
            elif r < 0.58 and sib and c["kind"] in ("family", "parent", "subsidiary"):
                name, cls = f"{name} (IC)", ["intercompany_tag"]
        extra_pool = [
            "payment_method_tag",
            "ownership_change_tag",
            "headcount_tag",
            "vertical_tag",
            "invoice_language_tag",
            "dunning_level_tag",
        ]
        if not cls or rng.random() < 0.35:
            extra = rng.choice(extra_pool)
            name = _tag(rng, extra, name, c)
            cls.append(extra)
        c["psa"] = name
        c["classes"] = cls


def _tag(rng, cls, name, c):
    if cls == "payment_method_tag":
        t = rng.choice(
            [
                "(DD)",
                "[BACS]",
                "(card on file)",
                "– Direct Debit",
                "(SEPA-Lastschrift)",
                "(pays by ACH)",
            ]
        )
        return f"{name} {t}"
    if cls == "ownership_change_tag":
        return f"{name} " + rng.choice(
            [
                "(under new ownership)",
                "(new owners from 10/2026)",
                "(change of ownership – see notes)",
            ]
        )
    if cls == "headcount_tag":
        return f"{name} " + rng.choice(
            [f"({rng.randint(6, 180)} staff)", f"[FTE {rng.randint(6, 180)}]"]
        )
    if cls == "vertical_tag":
        v = c["vertical"]
        return rng.choice([f"[{v}] {name}", f"{name} [{v}]"])
    if cls == "invoice_language_tag":
        return f"{name} " + rng.choice(
            ["[FR]", "[DE]", "{NL}", "(invoice in Spanish)", "(invoices in English)"]
        )
    if cls == "dunning_level_tag":
        return f"{name} " + rng.choice(
            ["(dunning 1)", "(Mahnstufe 2)", "(reminder 2 sent)", "(2nd reminder)"]
        )
    raise ValueError(cls)


# ---------------------------------------------------------------- lines
def build_case(seed, clients_n, currency, perturb) -> Case:
    rng = random.Random(f"Y|{seed}|{clients_n}|{currency}")
    fx = FX[currency]
    clients = make_clients(rng, clients_n)
    # ~2.5 % vendor-only, ~2.5 % PSA-only clients (never a sibling or a name-linked kind)
    cand = [c for c in clients if c["kind"] in ("plain", "club", "nordic")]
    rng.shuffle(cand)
    k = max(1, round(clients_n * 0.025))
    for c in cand[:k]:
        c["side"] = "vendor"
    for c in cand[k : 2 * k]:
        c["side"] = "psa"
    cost = {p: q2(BY_KEY[p].list_usd * fx * Decimal("0.85")) for p in BY_KEY}
    vlines, plines = [], []
    sub_n = 0
    for c in clients:
        nprod = rng.choice([2, 3, 4, 4, 5, 5, 6, 6, 7, 8])
        base = rng.choice(BASES)
        keys = [base]
        while len(keys) < nprod:
            a = rng.choice(ADDONS)
            if a not in keys:
                keys.append(a)
        size = rng.choice([3, 5, 8, 12, 15, 20, 25, 30, 40, 55, 75])
        users = _users(rng, size)
        for key in keys:
            prod = BY_KEY[key]
            if prod.unit == "pack":
                vq = rng.choice([1, 1, 2])
            elif prod.unit == "server":
                vq = rng.randint(1, 4)
            elif key == base:
                vq = size
            else:
                vq = max(1, round(size * rng.choice([0.2, 0.4, 0.6, 1, 1, 1])))
            if c["side"] == "vendor":
                outcome = "unbilled"
            elif c["side"] == "psa":
                outcome = "nvr"
            else:
                outcome = rng.choices(
                    ["ok", "under", "over", "unbilled", "below", "nvr"], [76, 6, 5, 5, 4.5, 3.5]
                )[0]
                if outcome == "under" and vq < 2:
                    outcome = "over"
            # ---- vendor lines
            c_unit = cost[key]
            if rng.random() < 0.12:
                c_unit = q2(c_unit * Decimal("0.95"))  # promotional price on this tenant
            if outcome != "nvr":
                vterm = "A" if rng.random() < 0.15 else "M"
                parts = [vq]
                if vq >= 2 and rng.random() < 0.55:  # several subscriptions of one product
                    n_sub = 3 if vq >= 6 and rng.random() < 0.4 else 2
                    cuts = sorted(rng.sample(range(1, vq), n_sub - 1))
                    parts = [b - a for a, b in zip([0] + cuts, cuts + [vq])]
                credit = vq >= 2 and rng.random() < 0.06
                if credit:
                    parts[0] += 1
                for q in parts:
                    sub_n += 1
                    unit = c_unit if vterm == "M" else q2(c_unit * 12)
                    vl = VLine(c["id"], key, "licence", q, unit, vterm, sub=_sub(rng, sub_n))
                    if vterm == "A":  # an annual line is billed in the month it starts / renews
                        vl.end = "2027-10-31"
                    vl.users = users[:3]
                    vlines.append(vl)
                if credit:
                    unit = c_unit if vterm == "M" else q2(c_unit * 12)
                    vlines.append(
                        VLine(c["id"], key, "credit", -1, unit, vterm, sub=vlines[-1].sub)
                    )
            # ---- PSA lines
            if outcome == "unbilled":
                continue
            markup = Decimal(rng.choice(["1.00", "1.10", "1.15", "1.20", "1.25", "1.30"]))
            p = q2(BY_KEY[key].list_usd * fx * markup)
            if outcome == "below":
                p = q2(c_unit * Decimal(rng.choice(["0.80", "0.85", "0.90", "0.95"])))
            pq = vq
            if outcome == "under":
                pq = vq - rng.randint(1, max(1, vq // 3))
            elif outcome == "over":
                pq = vq + rng.randint(1, 3)
            elif outcome == "nvr":
                pq = vq
            struct = []
            r = rng.random()
            if r < 0.05 and pq >= 3 and prod.unit == "user":
                struct = ["decimal_prorated_qty"]
            elif r < 0.09 and pq >= 3:
                struct = ["psa_partial_credit_line"]
            elif r < 0.12:
                struct = ["half_yearly_term"]
            pterm = "A" if rng.random() < 0.12 else "M"
            if struct == ["half_yearly_term"]:
                pterm = "H"
            unit = q2(p * TERM_MONTHS[pterm])
            if struct == ["decimal_prorated_qty"]:
                plines.append(
                    PLine(
                        c["id"],
                        key,
                        "licence",
                        Decimal(pq) - Decimal("0.5"),
                        unit,
                        pterm,
                        classes=list(struct),
                        users=users[:3],
                    )
                )
            elif struct == ["psa_partial_credit_line"]:
                k2 = rng.randint(1, 2)
                plines.append(
                    PLine(
                        c["id"],
                        key,
                        "licence",
                        Decimal(pq + k2),
                        unit,
                        pterm,
                        classes=list(struct),
                        users=users[:3],
                    )
                )
                plines.append(
                    PLine(c["id"], key, "licence", Decimal(-k2), unit, pterm, classes=list(struct))
                )
            else:
                plines.append(
                    PLine(
                        c["id"],
                        key,
                        "licence",
                        Decimal(pq),
                        unit,
                        pterm,
                        classes=list(struct),
                        users=users[:3],
                    )
                )
        # services
        if c["side"] != "psa" and rng.random() < 0.12:
            vlines.append(
                VLine(
                    c["id"],
                    None,
                    "service",
                    1,
                    q2(Decimal(rng.choice([25, 49, 95])) * fx),
                    "M",
                    text=rng.choice(VENDOR_SERVICES),
                )
            )
        if c["side"] != "vendor":
            for _ in range(rng.choice([0, 1, 1, 2])):
                txt = rng.choice(PSA_SERVICES)
                qty = Decimal(size) if "per user" in txt else Decimal(rng.choice([1, 2, 3, 4]))
                plines.append(
                    PLine(
                        c["id"],
                        None,
                        "service",
                        qty,
                        q2(Decimal(rng.choice([12, 35, 95, 120, 450])) * fx),
                        "M",
                        text=txt,
                    )
                )
    case = Case(clients, vlines, plines, currency, perturb)
    prng = random.Random(f"Y-perturb|{seed}|{clients_n}|{currency}")
    if perturb:
        perturb_client_names(prng, clients)
        _mark_vendor_alias(prng, case)
    _describe(prng, case)
    return case


def _users(rng, n):
    first = [
        "Anna",
        "Ben",
        "Chloe",
        "Dev",
        "Elif",
        "Finn",
        "Grace",
        "Hugo",
        "Ines",
        "Jonas",
        "Kira",
        "Liam",
        "Maya",
        "Nils",
        "Omar",
        "Priya",
        "Quinn",
        "Rosa",
        "Sam",
        "Tara",
    ]
    last = [
        "Abbott",
        "Byrne",
        "Costa",
        "Dahl",
        "Evans",
        "Fischer",
        "Gomez",
        "Holm",
        "Ito",
        "Jensen",
        "Khan",
        "Lund",
        "Meyer",
        "Nolan",
        "Ortiz",
        "Park",
        "Reid",
        "Silva",
    ]
    return [f"{rng.choice(first)} {rng.choice(last)}" for _ in range(min(n, 4))]


def _sub(rng, n):
    return f"{rng.getrandbits(32):08x}-{n:04x}-4{rng.getrandbits(12):03x}"


def _mark_vendor_alias(rng, case):
    seen = set()
    for v in case.vlines:
        c = case.clients[v.cid]
        if c.get("alias") and c["id"] not in seen and v.role == "licence":
            seen.add(c["id"])
            v.alias_name = True
            v.classes = ["acronym_linked_on_vendor_row"]


def _describe(rng, case):
    """PSA descriptions: canonical in the clean twin, perturbed (with classes) otherwise."""
    by_client: dict = {}
    for p in case.plines:
        by_client.setdefault(p.cid, []).append(p)
    vq = vendor_qty(case)
    for cid, lines in by_client.items():
        c = case.clients[cid]
        first_licence = True
        label_counts: dict = {}
        for p in lines:
            if p.product and BY_KEY[p.product].plain_label:
                label_counts[BY_KEY[p.product].plain_label] = (
                    label_counts.get(BY_KEY[p.product].plain_label, 0) + 1
                )
        pq: dict = {}
        for p in lines:
            if p.product:
                pq[p.product] = pq.get(p.product, 0) + p.qty
        for p in lines:
            p.cclasses = list(c["classes"]) if case.perturb else []
            if p.role == "service":
                p.text = p.text
                continue
            prod = BY_KEY[p.product]
            if not case.perturb:
                p.text = prod.name
                p.classes = []
                continue
            ctx = {
                "client": c,
                "plain_ok": plain_label_ok(
                    prod, label_counts, pq.get(p.product), vq.get((cid, p.product))
                )
                and p.qty > 0
                and not p.classes,
                "force_name": c["kind"] in ("jp", "cn", "kr"),
                "rename_note": c["rename_note"] if first_licence else "",
            }
            p.text, cls = describe(rng, prod, p, ctx)
            p.classes = p.classes + [k for k in cls if k not in p.classes]
            first_licence = False
            if rng.random() < 0.25:
                p.note = _note(rng, prod)


def _note(rng, prod):
    other = rng.choice(
        [
            "Microsoft 365 E5",
            "Exchange Online (Plan 2)",
            "Keeper Enterprise",
            "Adobe Acrobat Pro",
            "Microsoft Entra ID P2",
            "Dialpad Pro",
        ]
    )
    return rng.choice(
        [
            f"Client asked for a quote on {other}",
            "Checked against vendor portal 02/11",
            f"Consider upgrade to {other} in Q1",
            "Price agreed by email",
            "",
        ]
    )


# ---------------------------------------------------------------- truth
def vendor_qty(case):
    out: dict = {}
    for v in case.vlines:
        if v.product:
            out[(v.cid, v.product)] = out.get((v.cid, v.product), 0) + v.qty
    return out


def _agg(lines):
    """(cid, product) -> (qty, Fraction monthly unit quantity-weighted, rows)"""
    acc: dict = {}
    for ln in lines:
        if not ln.product:
            continue
        k = (ln.cid, ln.product)
        q, s, rows = acc.get(k, (Fraction(0), Fraction(0), []))
        qf = Fraction(ln.qty)
        acc[k] = (q + qf, s + qf * monthly(ln.unit, ln.term), rows + [ln.row])
    out = {}
    for k, (q, s, rows) in acc.items():
        out[k] = (q, (s / q) if q else Fraction(0), rows)
    return out


def half_up(fr: Fraction) -> str:
    d = Decimal(fr.numerator) / Decimal(fr.denominator)
    # exactness: compute with enough precision then round once
    from decimal import localcontext

    with localcontext() as ctx:
        ctx.prec = 50
        d = Decimal(fr.numerator) / Decimal(fr.denominator)
    return str(d.quantize(CENT, rounding=ROUND_HALF_UP))


def compute_findings(case):
    V = _agg(case.vlines)
    P = _agg(case.plines)
    prices: dict = {}
    for (cid, prod), (q, p, _) in P.items():
        if q > 0:
            prices.setdefault(prod, []).append(p)
    byid = {c["id"]: c for c in case.clients}
    out = []

    def cls_of(cid, prod):
        s = []
        for ln in case.plines:
            if ln.cid == cid and ln.product == prod:
                s += ln.classes + ln.cclasses
        for ln in case.vlines:
            if ln.cid == cid and ln.product == prod:
                s += ln.classes
        if byid[cid]["side"] != "vendor" and case.perturb:
            s += byid[cid]["classes"]
        return sorted(set(s))

    for k in sorted(set(V) | set(P)):
        cid, prod = k
        name, pname = byid[cid]["canonical"], BY_KEY[prod].name
        vq, c, vrows = V.get(k, (Fraction(0), Fraction(0), []))
        pq, p, prows = P.get(k, (Fraction(0), Fraction(0), []))

        def add(t, imp):
            out.append(
                {
                    "type": t,
                    "client": name,
                    "product": pname,
                    "vendor_rows": sorted(vrows),
                    "psa_rows": sorted(prows),
                    "monthly_impact": half_up(imp),
                    "classes": cls_of(cid, prod),
                }
            )

        if vq > 0 and not prows:
            med = statistics.median(prices[prod]) if prod in prices else c
            add("unbilled", vq * Fraction(med))
            continue
        if pq > 0 and not vrows:
            if p != 0:
                add("no_vendor_record", pq * p)
            continue
        if vq > pq > 0:
            add("under_billed", (vq - pq) * p)
        if pq > vq > 0:
            add("over_billed", (pq - vq) * p)
        if vq > 0 and pq > 0 and p < c:
            add("below_cost", (c - p) * min(vq, pq))
    return out
