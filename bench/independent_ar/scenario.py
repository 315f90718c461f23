"""Clients, baskets, vendor and PSA lines, spellings and the truth findings of one case."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from . import local as L
from .catalog import ADDONS, BY_KEY, PRODUCTS, SUITES, THIRD


def F(s) -> Fraction:
    return Fraction(str(s))


def cents(x: Fraction) -> str:
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def wpick(rng, pairs):
    tot = sum(w for _, w in pairs)
    r = rng.random() * tot
    for k, w in pairs:
        r -= w
        if r < 0:
            return k
    return pairs[-1][0]


@dataclass
class VLine:
    cid: int
    product: str
    qty: int
    unit: Fraction  # monthly unit cost
    yearly: bool
    role: str  # licence | credit
    term: str  # annual_monthly | monthly | annual_annual
    sub: str
    row: int = 0
    classes: list = field(default_factory=list)

    @property
    def shown_unit(self) -> Fraction:
        return self.unit * 12 if self.yearly else self.unit


@dataclass
class PLine:
    cid: int
    product: str | None
    text: str
    qty: int
    price: Fraction  # monthly unit price (after discount)
    role: str  # licence | credit | service | not_billed
    yearly: bool = False
    listp: Fraction | None = None  # list price before a round % discount
    disc: Fraction | None = None  # discount percent
    status: str = "active"  # active | cancelled | suspended | draft
    classes: list = field(default_factory=list)
    row: int = 0

    @property
    def amount(self) -> Fraction:
        q = self.price * self.qty * (12 if self.yearly else 1)
        return F(cents(q)) if q >= 0 else -F(cents(-q))


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str = "EUR"


PROTECTED = {
    "basic",
    "standard",
    "premium",
    "plan",
    "security",
    "compliance",
    "teams",
    "pro",
    "enterprise",
    "business",
    "advanced",
    "complete",
    "archiving",
    "online",
    "phone",
    "copilot",
    "exchange",
    "office",
    "visio",
    "entra",
    "defender",
    "protect",
    "keeper",
    "nordpass",
    "bitwarden",
    "workplace",
    "backup",
    "nordsafe",
    "vault",
    "endpoint",
}


# ---------------------------------------------------------------- clients
def _regs(rng, cc):
    if cc == "EE":
        r = f"1{rng.randrange(10**7):07d}"
        return r, f"EE10{rng.randrange(10**7):07d}", f"reg-kood {r}"
    if cc == "LV":
        r = f"4000{rng.randrange(10**7):07d}"
        return r, f"LV{r}", f"Reģ. Nr. {r}"
    if cc == "LT":
        r = f"30{rng.randrange(10**7):07d}"
        return r, f"LT1000{rng.randrange(10**6):06d}", f"įm. k. {r}"
    if cc == "RO":
        r = f"{rng.randrange(10**5, 5 * 10**7)}"
        return r, f"RO{r}", f"CUI {r}"
    if cc == "BG":
        r = f"{rng.randrange(10**8, 10**9)}"
        return r, f"BG{r}", f"ЕИК {r}"
    if cc == "RS":
        r = f"1{rng.randrange(10**8):08d}"
        return r, f"RS{r}", f"PIB {r}"
    r = f"{rng.randrange(10**10, 10**11)}"
    return r, f"HR{r}", f"OIB {r}"


def _quoted(cc, body):
    if cc == "LV":
        return f'"{body}"'
    if cc == "LT":
        return f"„{body}“"
    return body


def compose(c, form=None, body=None, quoted=True):
    """Registry-style name of a client (form = (short, prefix?))."""
    cc = c["cc"]
    body = c["body"] if body is None else body
    short, prefix = (c["form"][0], c["form"][4]) if form is None else form
    if c["kind"] == "foundation":
        return f"{L.FOUNDATION[cc][0]} {_quoted(cc, body) if quoted else body}"
    if prefix:
        return f"{short} {_quoted(cc, body) if quoted else body}"
    return f"{body} {short}"


def cyrillic_name(c):
    cc = c["cc"]
    body = c["body_cyr"]
    if c["kind"] == "foundation":
        return f"{L.FOUNDATION[cc][1]} {body}"
    return f"{body} {c['form'][1]}"


def make_clients(rng, n):
    used = set()
    out = []
    while len(out) < n:
        cc = wpick(rng, L.COUNTRIES)
        first = rng.choice(L.FIRST[cc])
        sec = rng.choice(L.SECOND[cc])
        if cc in ("BG", "RS"):
            (f_lat, f_cyr), ((s_lat, s_cyr), s_en) = first, sec
        else:
            f_lat, f_cyr, (s_lat, s_en), s_cyr = first, "", sec, ""
        forms = L.FORMS[cc]
        form = forms[0] if rng.random() < 0.8 else rng.choice(forms)
        body, body_cyr = f"{f_lat} {s_lat}", f"{f_cyr} {s_cyr}"
        group = []
        r = rng.random()
        base = {
            "cc": cc,
            "lang": L.LANG[cc],
            "form": form,
            "body": body,
            "body_cyr": body_cyr,
            "en": f"{L.strip_marks(f_lat)} {s_en}",
            "kind": "company",
            "sib": "",
        }
        if r < 0.06 and n - len(out) >= 2:  # the AS and its OU: same body, other legal form
            other = [f for f in forms if f != form][0]
            group = [dict(base), dict(base, form=other)]
            for g in group:
                g["sib"] = "form"
        elif r < 0.10 and n - len(out) >= 2:  # two city branches
            c1, c2 = L.CITY2[cc]
            group = [
                dict(
                    base,
                    body=f"{body} {c}",
                    body_cyr=f"{body_cyr} {L.CYR_CITY.get(c, c)}",
                    en=f"{base['en']} {L.strip_marks(c)}",
                    sib="city",
                )
                for c in (c1, c2)
            ]
        elif r < 0.13 and n - len(out) >= 3:  # numbered stores
            nums = rng.sample(range(1, 30), 3)
            st = L.STORE[cc]
            group = [
                dict(
                    base,
                    body=f"{body} {st.format(n=k)}",
                    body_cyr=f"{body_cyr} {L.CYR_CITY.get(st, st).format(n=k)}",
                    en=f"{base['en']} Store {k}",
                    sib="store",
                )
                for k in nums
            ]
        elif r < 0.16 and n - len(out) >= 2:  # a company and its foundation
            group = [
                dict(base, sib="foundation"),
                dict(base, kind="foundation", sib="foundation"),
            ]
        else:
            group = [base]
        names = []
        for g in group:
            g["canonical"] = compose(g)
            names.append(g["canonical"])
        if any(x in used for x in names) or body in used:
            continue
        used.add(body)
        for g in group:
            used.add(g["canonical"])
            g["regno"], g["vat"], g["regtext"] = _regs(rng, cc)
            form_en = g["form"][3]
            g["english"] = (
                f"{g['en']} Foundation" if g["kind"] == "foundation" else f"{g['en']} {form_en}"
            )
            g["cyr"] = cyrillic_name(g) if cc in ("BG", "RS") else ""
            g["id"] = len(out)
            out.append(g)
    return out[:n]


# ---------------------------------------------------------------- numbers
def _seats(rng, hi=80):
    return max(1, min(hi, int(rng.expovariate(1 / 12)) + 1))


def build_numbers(seed, n):
    rng = random.Random(f"AR-numbers|{seed}|{n}")
    clients = make_clients(rng, n)
    vlines, plines = [], []
    for c in clients:
        r = rng.random()
        c["side"] = "vendor_only" if r < 0.03 else "psa_only" if r < 0.055 else "both"
        c["english_vendor"] = rng.random() < 0.05 and c["side"] == "both"
        fac = rng.choice([1, 1, 1, F("0.95"), F("1.05"), F("1.1"), F("0.92")])
        suite = wpick(rng, SUITES)
        basket = {suite: _seats(rng)}
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            k = wpick(rng, ADDONS)
            if k not in basket:
                basket[k] = max(1, min(basket[suite], _seats(rng, 40)))
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            k = wpick(rng, THIRD)
            if k not in basket:
                basket[k] = _seats(rng, 60)
        c["basket"] = list(basket)
        psa_extra = None
        if c["side"] == "both" and rng.random() < 0.10:
            groups = {BY_KEY[k].group for k in basket}
            cands = [
                p.key
                for p in PRODUCTS
                if p.key not in basket and not (p.group and p.group in groups)
            ]
            psa_extra = rng.choice(cands)
        for k, seats in basket.items():
            p = BY_KEY[k]
            cost = F(p.cost)
            # vendor subscriptions
            if c["side"] != "psa_only":
                outcome = "ok"
                if c["side"] == "vendor_only":
                    outcome = "unbilled"
                else:
                    x = rng.random()
                    outcome = (
                        "ok"
                        if x < 0.70
                        else "under"
                        if x < 0.77
                        else "over"
                        if x < 0.83
                        else "unbilled"
                        if x < 0.88
                        else "below"
                        if x < 0.94
                        else "ok"
                    )
                    if outcome == "under" and seats < 2:
                        outcome = "over"
                subs = []
                if seats >= 2 and rng.random() < 0.22:
                    a = rng.randint(1, seats - 1)
                    subs = [a, seats - a]
                else:
                    subs = [seats]
                credit = seats >= 3 and rng.random() < 0.07
                units = []
                for si, q in enumerate(subs):
                    t = rng.random()
                    if p.maker == "Microsoft":
                        term = (
                            "monthly"
                            if t < 0.2
                            else "annual_annual"
                            if t < 0.3
                            else "annual_monthly"
                        )
                    else:
                        term = "annual_annual" if t < 0.08 else "monthly"
                    u = cost
                    if term == "monthly" and p.maker == "Microsoft":
                        u = F(cents(cost * F("1.2")))
                    if credit and si == 0:
                        q += 1
                    sub = f"{rng.randrange(16**8):08x}-{rng.randrange(16**4):04x}-4{rng.randrange(16**3):03x}-{rng.randrange(16**12):012x}"
                    vlines.append(
                        VLine(
                            c["id"],
                            k,
                            q,
                            u,
                            term == "annual_annual",
                            "licence",
                            term,
                            sub,
                        )
                    )
                    units.append((q, u))
                    if credit and si == 0:
                        vlines.append(
                            VLine(
                                c["id"],
                                k,
                                -1,
                                u,
                                term == "annual_annual",
                                "credit",
                                term,
                                sub,
                            )
                        )
                        units.append((-1, u))
                vq = sum(q for q, _ in units)
                c_cost = sum(q * u for q, u in units) / vq
            else:
                outcome, vq, c_cost = "psa_only", seats, cost
            if outcome == "unbilled":
                if rng.random() < 0.3:
                    plines.append(
                        PLine(
                            c["id"],
                            k,
                            "",
                            _seats(rng, 10),
                            F(p.price),
                            "not_billed",
                            status=rng.choice(["cancelled", "suspended", "draft"]),
                        )
                    )
                continue
            pq = vq
            if outcome == "under":
                pq = vq - rng.randint(1, max(1, vq // 4))
            elif outcome == "over":
                pq = vq + rng.randint(1, 3)
            price = F(cents(F(p.price) * fac))
            if outcome == "below":
                price = F(cents(c_cost * rng.choice([F("0.85"), F("0.9"), F("0.95"), F("0.97")])))
                if price >= c_cost:
                    price = c_cost - F("0.01")
                price = F(cents(price))
            elif price < c_cost:
                price = F(cents(c_cost * F("1.12")))
            _psa_key_lines(rng, plines, c, k, pq, price, outcome == "below", c_cost)
        if psa_extra:
            p = BY_KEY[psa_extra]
            _psa_key_lines(
                rng,
                plines,
                c,
                psa_extra,
                _seats(rng, 20),
                F(cents(F(p.price) * fac)),
                True,
                0,
            )
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            kind = rng.randrange(7)
            qty = rng.randint(1, 12) if kind in (0, 3, 5) else 1
            pr = F(["45.00", "350.00", "35.00", "120.00", "18.50", "60.00", "890.00"][kind])
            rng.random()
            plines.append(PLine(c["id"], None, f"svc:{kind}", qty, pr, "service"))
        if rng.random() < 0.2 and c["side"] != "vendor_only":
            ms = [k for k in c["basket"] if BY_KEY[k].maker == "Microsoft"]
            plines.append(
                PLine(
                    c["id"],
                    None,
                    f"svcp:{ms[0]}",
                    rng.randint(2, 16),
                    F("45.00"),
                    "service",
                )
            )
    return clients, vlines, plines


def _psa_key_lines(rng, plines, c, k, pq, price, nodisc, c_cost):
    yearly = rng.random() < 0.05
    listp = disc = None
    if not nodisc and rng.random() < 0.08:
        disc = F(rng.choice(["5", "10", "12.5", "15", "20"]))
        listp = F(cents(price / (1 - disc / 100) + F("0.004")))
        price = listp * (1 - disc / 100)
        if price < c_cost:
            listp = disc = None
            price = F(cents(price + F("1")))
    split = pq >= 2 and rng.random() < 0.12
    credit = pq >= 3 and rng.random() < 0.04
    qs = [pq]
    if split:
        a = rng.randint(1, pq - 1)
        qs = [a, pq - a]
    if credit:
        qs[0] += 1
    for i, q in enumerate(qs):
        pl = PLine(c["id"], k, "", q, price, "licence", yearly and i == 0, listp, disc)
        if i == 1:
            pl.classes.append("topup_line_same_key")
        plines.append(pl)
    if credit:
        pl = PLine(c["id"], k, "", -1, price, "credit", False, listp, disc)
        pl.classes.append("credit_note_local_doc")
        plines.append(pl)
    if rng.random() < 0.05:
        plines.append(
            PLine(
                c["id"],
                k,
                "",
                rng.randint(1, 5),
                price,
                "not_billed",
                status=rng.choice(["cancelled", "suspended", "draft"]),
            )
        )


# ---------------------------------------------------------------- spellings
def client_variant(rng, c, enc):
    """The PSA's spelling of a client name and its class."""
    cc = c["cc"]
    canon = c["canonical"]
    opts = [
        ("", 18),
        ("legal_form_written_in_full", 8),
        ("quote_marks_restyled", 10),
        ("registry_code_beside_name", 12),
        ("name_upper_registry_style", 9),
        ("diacritics_stripped_client", 10),
    ]
    if cc in ("EE", "LV", "LT"):
        opts += [("legal_form_swapped_side", 12), ("cp1257_mojibake_client", 6)]
    if cc in ("BG", "RS") and (enc.startswith("utf") or enc == "cp1251"):
        opts += [("latin_to_cyrillic_script_client", 22)]
    if cc == "RO":
        opts += [("ro_sc_prefix_and_dots", 16)]
    if not c["sib"]:
        opts += [("legal_form_dropped_client", 7)]
    cls = wpick(rng, opts)
    short, _cy, full, _en, prefix = c["form"]
    body = c["body"]
    name = canon
    if cls == "legal_form_written_in_full" and c["kind"] != "foundation":
        if cc == "BG":
            name = f"{full} „{body}“" if rng.random() < 0.5 else f"„{body}“ {full}"
        elif prefix:
            name = f"{full} {_quoted(cc, body)}"
        else:
            name = f"{body} {full}"
    elif cls == "quote_marks_restyled":
        q = rng.choice([("«", "»"), ('"', '"'), ("'", "'"), ("„", "”"), ("“", "”")])
        if c["kind"] == "foundation":
            name = f"{L.FOUNDATION[cc][0]} {q[0]}{body}{q[1]}"
        elif prefix:
            name = f"{short} {q[0]}{body}{q[1]}"
        else:
            name = f"{q[0]}{body}{q[1]} {short}"
    elif cls == "registry_code_beside_name":
        t = rng.choice([c["vat"], c["regtext"]])
        name = rng.choice([f"{canon} ({t})", f"{canon}, {t}", f"{t} {canon}"])
    elif cls == "name_upper_registry_style":
        name = canon.upper()
        if cc == "RO":
            name = name.replace(".", "")
    elif cls == "diacritics_stripped_client":
        name = L.strip_marks(canon)
    elif cls == "legal_form_swapped_side" and c["kind"] != "foundation":
        name = f"{body} {short}" if prefix else f"{short} {body}"
    elif cls == "cp1257_mojibake_client":
        name = L.mojibake_1257(canon)
    elif cls == "latin_to_cyrillic_script_client":
        name = c["cyr"]
    elif cls == "ro_sc_prefix_and_dots" and c["kind"] != "foundation":
        dotted = {"SRL": "S.R.L.", "SA": "S.A."}[short]
        name = f"S.C. {body} {dotted}" if rng.random() < 0.6 else f"SC {body} {short}"
    elif cls == "legal_form_dropped_client" and c["kind"] != "foundation":
        name = body
    if name == canon:
        cls = ""
    return name, cls


def _tokens(s):
    return s.lower().replace("(", " ").replace(")", " ").split()


def _contains(hay, needle):
    h, n = _tokens(hay), _tokens(needle)
    return any(h[i : i + len(n)] == n for i in range(len(h) - len(n) + 1))


def describe(rng, p, lang, owned):
    """A billing clerk's description of product p in language lang."""
    others = [BY_KEY[k] for k in owned if k != p.key]
    styles = [
        ("", 14),
        ("ms_name_local_tail", 22),
        ("local_word_then_ms_name", 14),
        ("staff_short_code", 14),
    ]
    if not any(_contains(o.name, p.cut) or _contains(o.cut, p.cut) for o in others):
        styles.append(("brand_cut_local_month_word", 12))
    if p.plan or p.noteams:
        styles.append(("plan_or_no_teams_localised", 14))
    cyr = p.cyr_bg if lang == "bg" else p.cyr_sr if lang == "sr" else ""
    if cyr:
        styles.append(("cyrillic_spelt_ms_product", 6))
    if p.old:
        styles.append(("previous_ms_product_name", 7))
    if p.house:
        styles.append(("house_brand_nordsafe", 40))
    st = wpick(rng, styles)
    tail = rng.choice(L.TAIL[lang])
    head = rng.choice(L.HEAD[lang])
    if st == "":
        text = p.name
    elif st == "ms_name_local_tail":
        text = f"{p.name}{rng.choice([' ', ' - ', ', '])}{tail}"
    elif st == "local_word_then_ms_name":
        text = f"{head} {p.name}"
    elif st == "staff_short_code":
        text = rng.choice(p.abbrevs)
        if rng.random() < 0.5:
            text = f"{text} {tail}"
    elif st == "brand_cut_local_month_word":
        text = f"{p.cut} {tail}"
    elif st == "plan_or_no_teams_localised":
        if p.plan:
            base = p.name.split(" (Plan")[0].split(" Plan ")[0]
            text = f"{base} {L.PLAN[lang].format(n=p.plan)}"
        else:
            text = p.name.replace("(no Teams)", f"({L.NOTEAMS[lang]})")
        if rng.random() < 0.5:
            text = f"{text} {tail}"
    elif st == "cyrillic_spelt_ms_product":
        text = f"{cyr} {tail}" if rng.random() < 0.6 else cyr
    elif st == "previous_ms_product_name":
        text = f"{p.old} {tail}" if rng.random() < 0.5 else p.old
    else:
        text = p.house if rng.random() < 0.6 else f"{p.house} {tail}"
    cls = [st] if st else []
    if rng.random() < 0.12:
        text = f"{text} {rng.choice(L.MONTH[lang])}"
        cls.append("month_year_local_tail")
    if rng.random() < 0.08:
        words = text.split(" ")
        idx = [
            i
            for i, w in enumerate(words)
            if len(w) >= 6 and w.isalpha() and w.lower() not in PROTECTED
        ]
        if idx:
            i = rng.choice(idx)
            w = words[i]
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            text = " ".join(words)
            cls.append("one_letter_slip_typo")
    if lang == "ro":
        x = rng.random()
        if x < 0.35 and text != text.translate(L.RO_CEDILLA):
            text = text.translate(L.RO_CEDILLA)
            cls.append("ro_cedilla_s_t")
        elif x < 0.6 and text != L.strip_marks(text):
            text = L.strip_marks(text)
            cls.append("ro_diacritics_plain")
    if lang == "lt" and rng.random() < 0.3 and text != text.translate(L.LT_PLAIN):
        text = text.translate(L.LT_PLAIN)
        cls.append("lt_nosine_letters_plain")
    return text, cls


def build_case(seed, psa_format, clients, perturb, pcaps):
    cl, vlines, plines = build_numbers(seed, clients)
    enc = pcaps["enc"]
    en_share = pcaps.get("en_share", 0.3)
    srng = random.Random(f"AR-spell|{seed}|{clients}|{psa_format}")
    owned = {}
    for v in vlines:
        owned.setdefault(v.cid, []).append(v.product)
    for p in plines:
        if p.product:
            owned.setdefault(p.cid, []).append(p.product)
    for c in cl:
        name, cls = client_variant(srng, c, enc)
        if not perturb:
            name, cls = c["canonical"], ""
        fitted = L.fit_codepage(name, enc)
        c["cclasses"] = [cls] if cls else []
        if fitted != name:
            c["cclasses"].append("codepage_forced_ascii")
        if c.get("english_vendor"):
            c["cclasses"].append("vendor_account_english_name")
        c["psa_name"] = fitted
        c["owned"] = list(dict.fromkeys(owned.get(c["id"], [])))
    for pl in plines:
        c = cl[pl.cid]
        lang = c["lang"] if srng.random() >= en_share else "en"
        if pl.role == "service":
            if pl.text.startswith("svcp:"):
                pname = BY_KEY[pl.text[5:]].name
                text = L.SERVICE_ON_PRODUCT[lang].format(p=pname)
                pl.classes.append("service_names_ms_product")
            else:
                text = L.SERVICES[lang][int(pl.text[4:])]
                pl.classes.append("service_local_language")
        else:
            p = BY_KEY[pl.product]
            text, dcls = describe(srng, p, lang, c["owned"])
            if not perturb:
                text, dcls = p.name, []
            pl.classes = dcls + pl.classes
            if pl.role == "not_billed":
                pl.classes.append("status_not_billed_local")
            grp = p.group
            if grp and any(BY_KEY[k].group == grp for k in c["owned"] if k != p.key):
                pl.classes.append("lookalike_sku_same_client")
        fitted = L.fit_codepage(text, enc)
        if fitted != text:
            pl.classes.append("codepage_forced_ascii")
        pl.text = fitted
        pl.lang = lang
    return Case(cl, vlines, plines)


# ---------------------------------------------------------------- truth
def compute_findings(case):
    """README rules over the lines (billed PSA lines: licence and credit)."""
    keys = {}
    for v in case.vlines:
        keys.setdefault((v.cid, v.product), ([], []))[0].append(v)
    for p in case.plines:
        if p.role in ("licence", "credit"):
            keys.setdefault((p.cid, p.product), ([], []))[1].append(p)
    return findings_from(
        {
            k: (
                [(v.qty, v.unit, v.row) for v in vs],
                [(p.qty, p.price, p.row) for p in ps],
            )
            for k, (vs, ps) in keys.items()
        },
        {c["id"]: c["canonical"] for c in case.clients},
        {p.key: p.name for p in PRODUCTS},
    )


def findings_from(keys, cname, pname):
    """keys: (client, product) -> ([(qty, monthly unit, row)] vendor, [...] psa)."""
    stats = {}
    for k, (vs, ps) in keys.items():
        vq = sum(q for q, _, _ in vs)
        pq = sum(q for q, _, _ in ps)
        c = sum(q * u for q, u, _ in vs) / vq if vq else None
        p = sum(q * u for q, u, _ in ps) / pq if pq else None
        stats[k] = (vq, pq, c, p)
    med = {}
    for (cid, prod), (_vq, pq, _c, p) in stats.items():
        if pq > 0:
            med.setdefault(prod, []).append(p)
    med = {k: statistics.median(sorted(v)) for k, v in med.items()}
    out = []
    order = sorted(keys, key=lambda k: (str(cname[k[0]]), str(pname.get(k[1], k[1]))))
    for k in order:
        vs, ps = keys[k]
        vq, pq, c, p = stats[k]
        vr = sorted(r for _, _, r in vs)
        pr = sorted(r for _, _, r in ps)
        res = []
        if vq > 0 and not ps:
            res.append(("unbilled", vq * med.get(k[1], c)))
        if vq > pq > 0:
            res.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            res.append(("over_billed", (pq - vq) * p))
        if pq > 0 and not vs and p:
            res.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            res.append(("below_cost", (c - p) * min(vq, pq)))
        for t, imp in res:
            out.append(
                {
                    "type": t,
                    "client": cname[k[0]],
                    "product": pname.get(k[1], k[1]),
                    "vendor_rows": vr,
                    "psa_rows": pr,
                    "monthly_impact": cents(imp),
                }
            )
    return out
