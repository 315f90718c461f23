"""Clients, baskets, lines, perturbations and the truth findings of set W."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from fractions import Fraction as F

from . import catalog as C

FX = {
    "USD": D("1"),
    "GBP": D("0.79"),
    "EUR": D("0.93"),
    "ZAR": D("18.2"),
    "SGD": D("1.34"),
    "CAD": D("1.37"),
    "AUD": D("1.52"),
    "IDR": D("15800"),
}


def q2(x, places="0.01"):
    return D(x).quantize(D(places), rounding=ROUND_HALF_UP)


def cents(fr: F) -> str:
    # exact half-up on the fraction
    n = fr * 100
    sign = -1 if n < 0 else 1
    n = abs(n)
    whole = n.numerator // n.denominator
    if (n - whole) * 2 >= 1:
        whole += 1
    whole *= sign
    s = f"{abs(whole) // 100}.{abs(whole) % 100:02d}"
    return ("-" if whole < 0 else "") + s


@dataclass
class VLine:
    cid: int
    product: str | None
    qty: D
    unit: D  # price per billing period per unit
    term: str  # "M" / "A"
    role: str  # licence / credit / service
    text: str = ""  # service text
    sub: str = ""  # subscription id
    row: int = 0

    @property
    def amount(self):
        return q2(self.qty * self.unit, "0.01")

    @property
    def monthly(self) -> F:
        u = F(str(self.unit))
        return u / 12 if self.term == "A" else u


@dataclass
class PLine:
    cid: int
    product: str | None
    text: str
    client_text: str
    qty: D
    unit: D  # list price per billing period
    term: str
    role: str
    disc: D = D(0)  # percent
    classes: list = field(default_factory=list)
    cclasses: list = field(default_factory=list)
    row: int = 0

    @property
    def exact(self) -> F:
        return F(str(self.unit)) * (1 - F(str(self.disc)) / 100)

    @property
    def amount(self):
        e = self.exact * F(str(self.qty))
        return D(cents(e))

    @property
    def monthly(self) -> F:
        return self.exact / 12 if self.term == "A" else self.exact


@dataclass
class Case:
    currency: str
    clients: list
    vlines: list
    plines: list
    perturb: bool


# ---------------------------------------------------------------------------- clients
def _make_clients(rng: random.Random, n: int, currency: str):
    legal = C.LEGAL[currency]
    out, used = [], set()

    def add(name, kind="generic", data=None, group=None):
        if name in used:
            return False
        used.add(name)
        out.append({"id": len(out), "canonical": name, "kind": kind, "data": data, "group": group})
        return True

    def lf():
        return rng.choice(legal)

    def with_legal(stem):
        f = lf()
        return f"{f} {stem}" if f == "PT" else f"{stem} {f}"

    specials = []
    for stem, var in rng.sample(C.GREEK, 2):
        specials.append(
            (
                with_legal(f"{stem} {rng.choice(['Marine', 'Shipping', 'Foods', 'Travel'])}"),
                "greek",
                (stem, var),
            )
        )
    for stem, var in rng.sample(C.ARABIC, 2):
        specials.append(
            (
                with_legal(f"{stem} {rng.choice(['Trading', 'Contracting', 'Medical'])}"),
                "arabic",
                (stem, var),
            )
        )
    for stem, var in rng.sample(C.PARTICLE, 2):
        specials.append(
            (
                with_legal(f"{stem} {rng.choice(['Catering', 'Interiors', 'Motors'])}"),
                "particle",
                (stem, var),
            )
        )
    for latin, hu in rng.sample(C.HUNGARIAN, 2):
        specials.append(
            (
                f"{latin} {rng.choice(['Photography', 'Design', 'Translations'])}",
                "hungarian",
                (latin, hu),
            )
        )
    for ac, full in rng.sample(C.ACRONYM, 3):
        specials.append(
            (
                with_legal(f"{ac} {rng.choice(['Consulting', 'Accountants', 'Surveyors'])}"),
                "acronym",
                (ac, full),
            )
        )
    for dg, words in rng.sample(C.DIGITS, 2):
        specials.append(
            (
                with_legal(f"{dg} {rng.choice(['Brewing', 'Physio', 'Joinery'])}"),
                "digits",
                (dg, words),
            )
        )
    for en, bil in rng.sample(C.WELSH, 2):
        specials.append((en, "welsh", (en, bil)))
    for stem in rng.sample(C.GERMAN, 2):
        specials.append((f"{stem} GmbH", "german", stem))
    for amp, plus in rng.sample(C.AMPERSAND, 3):
        specials.append(
            (
                with_legal(f"{amp} {rng.choice(['Architects', 'Solicitors', 'Surveyors'])}"),
                "amp",
                (amp, plus),
            )
        )
    rng.shuffle(specials)
    scale = max(1, n // 100)
    specials = specials[: max(8, min(len(specials), 9 * scale))]

    # sibling groups
    sib = []
    for i in range(max(2, n // 40)):
        t = i % 4
        if t == 0:
            x = rng.choice(C.PLACES)
            sib.append([with_legal(f"{x} Dental Group"), with_legal(f"{x} Dental Lab")])
        elif t == 1:
            x = rng.choice(C.PLACES)
            a, b = rng.sample(range(2, 48), 2)
            sib.append([f"{x} Pharmacy Store {a}", f"{x} Pharmacy Store {b}"])
        elif t == 2:
            s = rng.choice(C.SURNAMES)
            sib.append([f"{s} Family Trust", with_legal(f"{s} Farms")])
        else:
            s = rng.choice(C.SURNAMES)
            sib.append([with_legal(f"{s} Engineering"), with_legal(f"{s} Engineering Services")])
    for g, names in enumerate(sib):
        if len(out) + len(names) > n - 2:
            break
        if any(nm in used for nm in names):
            continue
        for nm in names:
            add(nm, "sibling", None, g)
    for name, kind, data in specials:
        if len(out) >= n:
            break
        add(name, kind, data)
    while len(out) < n:
        if rng.random() < 0.5:
            stem = f"{rng.choice(C.SURNAMES)} {rng.choice(C.TRADES)}"
        else:
            stem = f"{rng.choice(C.PLACES)} {rng.choice(C.TRADES)}"
        add(with_legal(stem))
    rng.shuffle(out)
    for i, c in enumerate(out):
        c["id"] = i
    # sides: ~2.5 % vendor only, ~2.5 % PSA only (never siblings)
    k = max(1, round(n * 0.025))
    plain = [c for c in out if c["kind"] == "generic"]
    picks = rng.sample(plain, min(len(plain), 2 * k))
    for c in out:
        c["side"] = "both"
    for c in picks[:k]:
        c["side"] = "vendor"
    for c in picks[k:]:
        c["side"] = "psa"
    return out


GENERIC_TAGS = [
    "trading_hours_tag",
    "sales_region_code",
    "billing_email_suffix",
    "project_code_suffix",
    "timezone_tag",
    "bank_feed_style",
    "ap_dept_suffix",
    "customer_type_prefix",
    "nbsp_in_name",
    "name_line_break",
    "buying_group_tag",
]
SPECIAL_CLASS = {
    "greek": "greek_translit_variant",
    "arabic": "al_prefix_variant",
    "particle": "particle_surname_joined",
    "hungarian": "hu_name_order",
    "acronym": "acronym_expanded",
    "digits": "words_for_digits",
    "welsh": "bilingual_name_slash",
    "german": "firma_prefix",
    "amp": "plus_for_and",
}


def _slug(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())[:18]


def _tag(cls, n, rng, c):
    if cls == "trading_hours_tag":
        return rng.choice([f"{n} (Mon–Fri 08:00–17:30)", f"{n} [hrs 7-4 M-F]", f"{n} – open 24/7"])
    if cls == "sales_region_code":
        return rng.choice(
            [
                f"{n} – R{rng.randint(1, 9)} {rng.choice(['North', 'South', 'Metro', 'West'])}",
                f"{n} [{rng.choice(['EMEA-N', 'EMEA-S', 'APAC-SG', 'NA-EAST', 'NA-WEST'])}]",
            ]
        )
    if cls == "billing_email_suffix":
        dom = _slug(
            c["canonical"].split(" ")[0]
            + c["canonical"].split(" ")[-2 if len(c["canonical"].split()) > 2 else -1]
        )
        return f"{n} <{rng.choice(['accounts', 'billing', 'ap', 'invoices'])}@{dom}.{rng.choice(['com', 'co.uk', 'net'])}>"
    if cls == "project_code_suffix":
        return rng.choice(
            [f"{n} / PRJ-{rng.randint(1000, 9999)}", f"{n} (CC {rng.randint(100, 999)}0)"]
        )
    if cls == "timezone_tag":
        return f"{n} {rng.choice(['(GMT+10)', '(UTC-05:00)', '[AEST]', '(CET)', '(UTC+08:00)'])}"
    if cls == "bank_feed_style":
        return n.upper().replace(".", "")[:20].rstrip()
    if cls == "ap_dept_suffix":
        return rng.choice([f"{n} – Accounts Payable", f"{n} (AP Dept)", f"{n}, Accounts Dept."])
    if cls == "customer_type_prefix":
        return rng.choice([f"B2B – {n}", f"[Business] {n}", f"SMB: {n}", f"Key account – {n}"])
    if cls == "nbsp_in_name":
        return n.replace(" ", "\u00a0")
    if cls == "name_line_break":
        parts = n.rsplit(" ", 1)
        return parts[0] + "\n" + parts[1] if len(parts) == 2 else n
    if cls == "buying_group_tag":
        grp = rng.choice(
            [
                "Independent Trades Alliance",
                "Numark",
                "SmileNet Network",
                "VetPartners Co-op",
                "Associated Independents",
            ]
        )
        return f"{n} (member: {grp})"
    raise KeyError(cls)


def _special(c, rng):
    k, data, n = c["kind"], c["data"], c["canonical"]
    if k in ("greek", "arabic", "particle"):
        stem, var = data
        return n.replace(stem, rng.choice(var))
    if k == "hungarian":
        return n.replace(data[0], data[1])
    if k == "acronym":
        return n.replace(data[0], data[1])
    if k == "digits":
        return n.replace(data[0], data[1])
    if k == "welsh":
        return data[1]
    if k == "german":
        return rng.choice(["Fa. ", "Firma "]) + n
    if k == "amp":
        return n.replace(data[0], data[1])
    raise KeyError(k)


def _name_perturb(clients, rng):
    prefixes = {}
    for c in clients:
        p = c["canonical"].upper().replace(".", "")[:20].rstrip()
        prefixes[p] = prefixes.get(p, 0) + 1
    for c in clients:
        n, cls = c["canonical"], []
        if c["kind"] in SPECIAL_CLASS:
            n = _special(c, rng)
            cls.append(SPECIAL_CLASS[c["kind"]])
            extra = 1 if rng.random() < 0.3 else 0
        else:
            extra = 1 + (rng.random() < 0.3)
        tags = list(GENERIC_TAGS)
        p = c["canonical"].upper().replace(".", "")[:20].rstrip()
        if (
            c["kind"] != "generic"
            or prefixes[p] > 1
            or len(c["canonical"]) < 12
            or any(o["canonical"].upper().startswith(p) and o is not c for o in clients)
        ):
            tags.remove("bank_feed_style")
        for t in rng.sample(tags, extra):
            if t == "bank_feed_style" and cls:
                continue
            n = _tag(t, n, rng, c)
            cls.append(t)
            if t == "bank_feed_style":
                break
        c["psa_name"], c["cclasses"] = n, cls


# ---------------------------------------------------------------------------- descriptions
NAME_LEVEL = [
    "pre_rebrand_title",
    "vendor_rebrand_title",
    "edition_spaced",
    "with_teams_explicit",
    "vl_license_suffix",
    "user_band_note",
    "unit_noun_suffix",
]
CHAR_LEVEL = ["underscore_spaces", "nbsp_between_words"]
WRAPPERS = [
    "co_term_note",
    "renewal_date_note",
    "commitment_note",
    "auto_renew_flag",
    "price_lock_note",
    "nce_migration_note",
    "assigned_ratio",
    "subscription_nickname",
    "term_year_index",
    "fiscal_period_tag",
    "markup_note",
    "licence_pool_label",
    "billing_run_stamp",
    *list(C.LANG),
]
STRUCTURAL = [
    "seat_addon_line",
    "dept_subaccount_lines",
    "credit_rebill_pair",
    "zero_qty_history_line",
]
DESC_CLASSES = NAME_LEVEL + CHAR_LEVEL + WRAPPERS + STRUCTURAL


def _spaced(name):
    s = re.sub(r"\b([EPFX])(\d)\b", r"\1 \2", name)
    s = re.sub(r"Plan (\d)", r"Plan\1", s)
    return s if s != name else None


def _name_level(cls, p, rng):
    if cls == "pre_rebrand_title":
        return rng.choice(C.MS_OLD[p.key]) if p.key in C.MS_OLD else None
    if cls == "vendor_rebrand_title":
        return rng.choice(C.OTHER_OLD[p.key]) if p.key in C.OTHER_OLD else None
    if cls == "edition_spaced":
        return _spaced(p.name)
    if cls == "with_teams_explicit":
        if p.key in C.NO_TEAMS_SIBLING:
            return rng.choice(
                [f"{p.name} (with Teams)", f"{p.name} incl. Teams", f"{p.name} + Teams"]
            )
        return None
    if cls == "vl_license_suffix":
        if p.key in C.VL:
            return f"{C.VL[p.key]} ALNG SubsVL MVL {'PerDvc' if p.unit == 'device' else 'PerUsr'}"
        return None
    if cls == "user_band_note":
        if p.ms or p.unit == "GB":
            return None
        return (
            rng.choice([f"{p.name} (1–50 users)", f"{p.name} (tier 1-99)"])
            if p.unit == "user"
            else f"{p.name} (1-99 devices)"
        )
    if cls == "unit_noun_suffix":
        if p.key in C.UNIT_NOUN_MAILBOX:
            return f"{p.name} per mailbox"
        return f"{p.name} {rng.choice(C.UNIT_NOUN[p.unit])}"
    raise KeyError(cls)


def _wrap(cls, t, p, rng, term, qty):
    if cls in C.LANG:
        m, a, alt = C.LANG[cls]
        return (a if term == "A" else rng.choice([m, alt])).format(n=t)
    if cls == "co_term_note":
        return f"{t} (co-termed to {rng.choice(['30/06/2027', '31/03/2027', '31/12/2026'])})"
    if cls == "renewal_date_note":
        return f"{t} – renews {rng.randint(1, 28)} {rng.choice(['Jan', 'Mar', 'Jun', 'Sep'])} 2027"
    if cls == "commitment_note":
        return f"{t} ({'1-year term, paid upfront' if term == 'A' else 'annual commitment, billed monthly'})"
    if cls == "auto_renew_flag":
        return f"{t} {rng.choice(['[auto-renew: ON]', '[AR=Y]', '(auto renew)'])}"
    if cls == "price_lock_note":
        return f"{t} – price held until {rng.choice(['31.12.2026', '30.06.2027'])}"
    if cls == "nce_migration_note":
        return f"{t} (migrated from legacy CSP {rng.randint(1, 9):02d}/2026)" if p.ms else None
    if cls == "assigned_ratio":
        if p.unit == "GB" or qty < 2:
            return None
        q = int(qty)
        return f"{t} ({q - rng.randint(0, min(3, q - 1))}/{q} assigned)"
    if cls == "subscription_nickname":
        return f"{t} (nickname: {rng.choice(C.NICKNAMES)})"
    if cls == "term_year_index":
        return f"{t} (year {rng.randint(1, 3)} of 3)"
    if cls == "fiscal_period_tag":
        return rng.choice([f"{t} – FY27 P05", f"Q2 FY27 {t}", f"{t} [FY2026/27 M8]"])
    if cls == "markup_note":
        return f"{t} (cost + {rng.choice([10, 15, 20, 25])}%)"
    if cls == "licence_pool_label":
        return rng.choice([f"Shared pool: {t}", f"{t} – shared licence pool"])
    if cls == "billing_run_stamp":
        return f"{t} [BR-2026-11-{rng.randint(1, 400):04d}]"
    raise KeyError(cls)


def describe(p, rng, term, qty, avoid=()):
    """perturbed description of a licence line -> (text, classes)"""
    for _ in range(40):
        classes, t = [], p.name
        r = rng.random()
        if r < 0.30:
            cl = rng.choice(NAME_LEVEL)
            v = _name_level(cl, p, rng)
            if v is None:
                continue
            t, classes = v, [cl]
            if rng.random() < 0.35:
                w = rng.choice(WRAPPERS)
                v2 = _wrap(w, t, p, rng, term, qty)
                if v2 is not None:
                    t, classes = v2, [*classes, w]
        elif r < 0.92:
            w = rng.choice(WRAPPERS)
            v = _wrap(w, t, p, rng, term, qty)
            if v is None:
                continue
            t, classes = v, [w]
        else:
            cl = rng.choice(CHAR_LEVEL)
            t = t.replace(" ", "_" if cl == "underscore_spaces" else "\u00a0")
            classes = [cl]
        if set(classes) & set(avoid):
            continue
        return t, classes
    return p.name + " " + ("monthly" if term == "M" else "annual"), ["commitment_note"]


# ---------------------------------------------------------------------------- case
def _basket(rng):
    n = rng.choices([2, 3, 4, 5, 6, 7, 8], [8, 12, 18, 20, 17, 14, 11])[0]
    core = rng.choice(C.CORE_MS)
    keys = [core]
    if rng.random() < 0.2:
        k2 = rng.choice(C.CORE_MS)
        if k2 not in keys:
            keys.append(k2)
    pool = C.ADDONS + C.OTHERS
    while len(keys) < n:
        k = rng.choice(pool)
        if k not in keys:
            keys.append(k)
    return keys


def _seats(rng, p, base):
    if p.unit == "GB":
        return D(rng.randrange(50, 2500, 10))
    if p.unit == "device":
        return D(max(1, int(base * rng.uniform(0.6, 1.4))))
    return D(max(1, int(base * rng.uniform(0.3, 1.0)) if p.key not in C.CORE_MS else base))


def build_case(seed, clients, currency, pcaps, perturb):
    rng = random.Random(f"W|{seed}|{clients}|{currency}")
    prng = random.Random(f"W-text|{seed}|{clients}|{currency}|{pcaps.get('name', '')}")
    fx = FX[currency]
    mon = "0.01" if currency != "IDR" else "1"
    cl = _make_clients(rng, clients, currency)
    if perturb:
        _name_perturb(cl, prng)
    else:
        for c in cl:
            c["psa_name"], c["cclasses"] = c["canonical"], []
    costs, sells = {}, {}
    for p in C.PRODUCTS:
        places = "0.0001" if p.unit == "GB" else mon
        costs[p.key] = q2(p.cost * fx, places)
        mk = D(str(round(rng.uniform(1.15, 1.40), 2)))
        sells[p.key] = q2(costs[p.key] * mk, places)
    baskets = {}
    groups = {}
    for c in cl:
        if c["group"] is not None and c["group"] in groups and rng.random() < 0.8:
            baskets[c["id"]] = list(groups[c["group"]])
        else:
            baskets[c["id"]] = _basket(rng)
        if c["group"] is not None:
            groups.setdefault(c["group"], baskets[c["id"]])
    vlines, plines = [], []
    subn = [0]

    def sub():
        subn[0] += 1
        return f"{rng.getrandbits(32):08x}-{subn[0]:04d}"

    def vadd(cid, k, qty):
        p = C.BY_KEY[k]
        c_unit = costs[k]
        parts = [qty]
        if p.unit != "GB" and qty >= 2 and rng.random() < 0.7:
            a = D(rng.randint(1, int(qty) - 1))
            parts = [qty - a, a]
            if parts[0] >= 3 and rng.random() < 0.2:
                b = D(rng.randint(1, int(parts[0]) - 1))
                parts = [parts[0] - b, b, a]
        credit = D(0)
        if p.unit != "GB" and rng.random() < 0.06:
            credit = D(rng.randint(1, 2))
            parts[0] += credit
        for q in parts:
            term = "A" if (p.unit != "GB" and rng.random() < 0.15) else "M"
            unit = c_unit * 12 if term == "A" else c_unit
            vlines.append(VLine(cid, k, q, unit, term, "licence", sub=sub()))
        if credit:
            vlines.append(VLine(cid, k, -credit, c_unit, "M", "credit", sub=vlines[-1].sub))

    for c in cl:
        cid = c["id"]
        base = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 25, 30, 40, 55, 80, 120])
        vkeys = baskets[cid]
        for k in vkeys:
            p = C.BY_KEY[k]
            vq = _seats(rng, p, base)
            step = D(10) if p.unit == "GB" else D(1)
            sell = sells[k]
            if rng.random() < 0.15:
                sell = q2(
                    sell * D(str(round(rng.uniform(0.93, 1.08), 3))),
                    "0.0001" if p.unit == "GB" else mon,
                )
            r = rng.random()
            pq, price, psa_has, ven_has = vq, sell, True, True
            if c["side"] == "vendor":
                psa_has = False
            elif c["side"] == "psa":
                ven_has = False
            elif r < 0.73:
                pass
            elif r < 0.80:
                if vq > step:
                    pq = vq - step * rng.randint(1, max(1, int(vq / step) // 4))
                else:
                    pq = vq + step
            elif r < 0.85:
                pq = vq + step * rng.randint(1, 3)
            elif r < 0.90:
                psa_has = False
            elif r < 0.955:
                price = q2(
                    costs[k] * D(str(round(rng.uniform(0.80, 0.95), 2))),
                    "0.0001" if p.unit == "GB" else mon,
                )
            else:
                price = q2(
                    costs[k] * D(str(round(rng.uniform(0.80, 0.95), 2))),
                    "0.0001" if p.unit == "GB" else mon,
                )
                if vq > step:
                    pq = vq - step
            if price >= costs[k] and r >= 0.90 and c["side"] == "both":
                price = costs[k] - (D("0.01") if mon == "0.01" else D(1))
            if ven_has:
                vadd(cid, k, vq)
            if psa_has:
                _padd(plines, c, p, pq, price, rng, prng, pcaps, perturb)
        # PSA-only product on a client of both sides
        if c["side"] == "both" and rng.random() < 0.08:
            extra = [k for k in C.OTHERS + C.ADDONS if k not in vkeys]
            k = rng.choice(extra)
            p = C.BY_KEY[k]
            _padd(plines, c, p, _seats(rng, p, base), sells[k], rng, prng, pcaps, perturb)
        # services
        if c["side"] != "vendor":
            for s in rng.sample(SERVICES, rng.randint(1, 3)):
                txt, qty, price = s
                plines.append(
                    PLine(
                        cid,
                        None,
                        txt,
                        c["psa_name"],
                        D(qty if qty else base),
                        q2(D(price) * fx, mon),
                        "M",
                        "service",
                        cclasses=list(c["cclasses"]),
                    )
                )
        if c["side"] != "psa" and rng.random() < 0.04:
            vlines.append(
                VLine(
                    cid,
                    None,
                    D(1),
                    q2(D("25.00") * fx, mon),
                    "M",
                    "service",
                    text=rng.choice(["Marketplace platform fee", "Partner support fee - Advanced"]),
                )
            )
    return Case(currency, cl, vlines, plines, perturb)


SERVICES = [
    ("Managed IT Services - per user", 0, "45.00"),
    ("Remote support hours", 3, "95.00"),
    ("Hardware: Dell Latitude 5450 laptop", 1, "1180.00"),
    ("Onboarding labour", 2, "110.00"),
    ("Backup monitoring", 1, "60.00"),
    ("Managed firewall service", 1, "89.00"),
    ("Project work - hours", 5, "120.00"),
]


def _padd(plines, c, p, pq, price, rng, prng, pcaps, perturb):
    cid = c["id"]
    gb = p.unit == "GB"
    term = "A" if (not gb and rng.random() < 0.10) else "M"
    disc = D(0)
    unit = price
    if pcaps.get("discount") and not gb and rng.random() < 0.18:
        disc = D(rng.choice(["10", "12.5", "15", "20", "25"]))
        f = F(str(price)) / (1 - F(str(disc)) / 100)
        unit = q2(
            D(f.numerator) / D(f.denominator), "0.01" if price != price.to_integral() else "1"
        )
    if term == "A":
        unit = unit * 12
    r = rng.random()
    qs, struct = [pq], None
    if not gb and pq >= 3 and r < 0.04:
        k = D(rng.randint(1, int(pq) - 1))
        qs, struct = [pq - k, k], "seat_addon_line"
    elif not gb and pq >= 4 and r < 0.07:
        k = D(rng.randint(1, int(pq) - 1))
        qs, struct = [pq - k, k], "dept_subaccount_lines"
    elif not gb and r < 0.10:
        a = max(D(1), pq + rng.choice([-2, -1, 1, 2]))
        qs, struct = [a, -a, pq], "credit_rebill_pair"
    elif not gb and r < 0.13:
        qs, struct = [D(0), pq], "zero_qty_history_line"
    depts = rng.sample(C.DEPTS, 2)
    for i, q in enumerate(qs):
        if perturb:
            t, cls = describe(p, prng, term, q if q > 0 else pq)
        else:
            t, cls = p.name, []
        ctext = c["psa_name"]
        if struct == "seat_addon_line" and i == 1:
            t = f"{t} – additional seats" if perturb else t
        elif struct == "dept_subaccount_lines":
            ctext = f"{ctext} – {depts[i]}" if perturb else ctext
        elif struct == "credit_rebill_pair" and perturb:
            t = [t, f"Credit – {t} (qty corrected)", f"Rebill – {t}"][i]
        elif struct == "zero_qty_history_line" and perturb and i == 0:
            t = f"{t} – seats removed {prng.randint(1, 20):02d}/11"
        if struct and perturb:
            cls = [*cls, struct]
        plines.append(
            PLine(
                cid,
                p.key,
                t,
                ctext,
                q,
                unit,
                term,
                "licence",
                disc,
                cls,
                list(c["cclasses"]) if perturb else [],
            )
        )


# ---------------------------------------------------------------------------- truth
def compute_findings(case: Case):
    byid = {c["id"]: c for c in case.clients}
    vk, pk = {}, {}
    for v in case.vlines:
        if v.role in ("licence", "credit"):
            vk.setdefault((v.cid, v.product), []).append(v)
    for p in case.plines:
        if p.role == "licence":
            pk.setdefault((p.cid, p.product), []).append(p)

    def agg(lines):
        q = sum(F(str(x.qty)) for x in lines)
        s = sum(F(str(x.qty)) * x.monthly for x in lines)
        return q, (s / q if q else F(0))

    prices = {}
    for (_cid, k), ls in pk.items():
        q, p = agg(ls)
        if q > 0:
            prices.setdefault(k, []).append(p)
    med = {}
    for k, ps in prices.items():
        ps = sorted(ps)
        n = len(ps)
        med[k] = ps[n // 2] if n % 2 else (ps[n // 2 - 1] + ps[n // 2]) / 2
    out = []
    for key in sorted(set(vk) | set(pk), key=lambda t: (byid[t[0]]["canonical"], t[1])):
        cid, k = key
        c = byid[cid]
        vls, pls = vk.get(key, []), pk.get(key, [])
        vq, cost = agg(vls) if vls else (F(0), F(0))
        pq, price = agg(pls) if pls else (F(0), F(0))
        cls = []
        for p in pls:
            for x in p.classes + p.cclasses:
                if x not in cls:
                    cls.append(x)
        for x in c["cclasses"]:
            if x not in cls:
                cls.append(x)
        base = {
            "client": c["canonical"],
            "product": C.BY_KEY[k].name,
            "vendor_rows": sorted(v.row for v in vls),
            "psa_rows": sorted(p.row for p in pls),
            "classes": cls,
        }
        fs = []
        if vq > 0 and not pls:
            fs.append(("unbilled", vq * med.get(k, cost)))
        elif vq > 0 and pq > 0:
            if vq > pq:
                fs.append(("under_billed", (vq - pq) * price))
            elif pq > vq:
                fs.append(("over_billed", (pq - vq) * price))
            if price < cost:
                fs.append(("below_cost", (cost - price) * min(vq, pq)))
        elif pq > 0 and not vls and price > 0:
            fs.append(("no_vendor_record", pq * price))
        for t, imp in fs:
            out.append({"type": t, **base, "monthly_impact": cents(imp)})
    return out
