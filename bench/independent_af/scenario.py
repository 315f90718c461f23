"""Set AF scenario: clients, baskets, lines, perturbations and the findings (README rules)."""

from __future__ import annotations

import random
import re
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from . import vocab as V


@dataclass
class VLine:
    cid: int
    product: str
    qty: int
    unit: Decimal  # shown unit (annual lines: 12 months)
    yearly: bool
    role: str  # licence | credit
    sub: str
    classes: list = field(default_factory=list)
    row: int = 0

    @property
    def monthly(self):
        return Fraction(self.unit) / (12 if self.yearly else 1)


@dataclass
class PLine:
    cid: int
    product: str | None
    qty: int  # billed seats
    price: Decimal  # monthly unit price (net)
    role: str  # licence | service | not_billed
    text: str = ""
    yearly: bool = False
    list_price: Decimal | None = None  # with a round percentage discount
    disc: Decimal | None = None
    less: int = 0
    classes: list = field(default_factory=list)
    row: int = 0

    @property
    def shown_unit(self):
        base = self.list_price if self.list_price is not None else self.price
        return base * 12 if self.yearly else base

    @property
    def net(self):
        return self.price * self.qty * (12 if self.yearly else 1)


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    langs: list


def cents(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# ------------------------------------------------------------------ clients


def _make_clients(rng, n):
    out, seen = [], set()
    countries = [c for c, w in V.COUNTRY_W for _ in range(w)]
    while len(out) < n:
        cc = rng.choice(countries)
        tpl, legal = rng.choice(V.TRADES[cc])
        s = rng.choice(V.SURNAMES[cc])
        t = rng.choice([x for x in V.SURNAMES[cc] if x != s])
        base = tpl.format(s=s, t=t)
        name = f"{base} {legal}".strip()
        if name in seen:
            continue
        seen.add(name)
        c = {
            "id": len(out),
            "country": cc,
            "base": base,
            "legal": legal,
            "canonical": name,
            "surname": s,
            "sibling": None,
        }
        out.append(c)
        # sibling traps ~8 % of clients come in pairs
        if len(out) < n and rng.random() < 0.09:
            w = V.SIBLING_WORD[cc]
            if w is None or rng.random() < 0.5:
                city = rng.choice(V.CITIES[cc])
                city2 = rng.choice([x for x in V.CITIES[cc] if x != city] or [city + " Nord"])
                n1, n2 = f"{base} {city} {legal}".strip(), f"{base} {city2} {legal}".strip()
                c["canonical"], c["base"] = n1, f"{base} {city}"
                b2 = f"{base} {city2}"
            else:
                b2 = f"{base} {w}"
                n2 = f"{b2} {legal}".strip()
            if n2 in seen or c["canonical"] in (n2,):
                continue
            seen.add(c["canonical"])
            seen.add(n2)
            c2 = {
                "id": len(out),
                "country": cc,
                "base": b2,
                "legal": legal,
                "canonical": n2,
                "surname": s,
                "sibling": c["id"],
            }
            c["sibling"] = c2["id"]
            out.append(c2)
    return out


def _basket(rng):
    keys = list(V.WEIGHT)
    weights = [V.WEIGHT[k] for k in keys]
    k = rng.choice([3, 4, 5, 6, 6, 7, 7, 8, 8, 9, 10])
    chosen = []
    while len(chosen) < k:
        p = rng.choices(keys, weights)[0]
        if p not in chosen:
            chosen.append(p)
    if rng.random() < 0.35:  # a look-alike pair held together
        pair = rng.choice(
            [
                ("e3", "e5"),
                ("e5", "e5sec"),
                ("bp", "e5sec"),
                ("exo1", "exo2"),
                ("bb", "bs"),
                ("bs", "bp"),
                ("bp", "bp_nt"),
                ("e3", "e3_nt"),
                ("o365e3", "e3"),
                ("eset_e", "eset_a"),
                ("tv_bus", "tv_prem"),
                ("acr_std", "acr_adv"),
                ("hs_tpb", "hs_tpe"),
                ("mdo1", "mdo2"),
                ("visio1", "visio2"),
                ("w365s", "w365m"),
                ("entra1", "entra2"),
                ("keeper_b", "keeper_e"),
                ("acro_pro", "acro_std"),
                ("dbx_std", "dbx_adv"),
                ("bd_bs", "bd_ps"),
                ("gd_epb", "gd_csb"),
                ("mde1", "mde2"),
                ("o365e3", "o365e3_nt"),
            ]
        )
        for p in pair:
            if p not in chosen:
                chosen.append(p)
    return chosen


def build_numbers(seed, n):
    """Everything that decides a number: depends on seed + clients only."""
    rng = random.Random(f"AF-numbers|{seed}|{n}")
    clients = _make_clients(rng, n)
    vl, pl = [], []
    markup = {}
    for p in V.PRODUCTS:
        markup[p.key] = p.cost * Decimal(rng.choice(["1.15", "1.20", "1.25", "1.30"]))
    subn = 0
    for c in clients:
        r = rng.random()
        c["side"] = "vendor_only" if r < 0.03 else "psa_only" if r < 0.055 else "both"
        seats = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 25, 30, 40])
        disc = Decimal(rng.choice(["1", "0.97", "0.95", "0.92"]))
        c["basket"] = _basket(rng)
        c["seats"] = seats
        for key in c["basket"]:
            prod = V.BY_KEY[key]
            q = (
                max(1, seats + rng.randint(-seats // 3, seats // 4))
                if prod.concept
                in (
                    "suite",
                    "mailbox",
                    "endpoint",
                    "backup",
                    "mailsec",
                    "archive",
                    "password",
                    "signature",
                )
                else max(1, rng.randint(1, max(1, seats // 3)))
            )
            if key in ("roomspro",):
                q = rng.randint(1, 2)
            cost = cents(prod.cost * disc)
            price = cents(markup[key] * Decimal(rng.choice(["1", "1", "1", "0.95", "1.05", "1.1"])))
            out = rng.random()
            vq, pq = q, q
            if c["side"] == "vendor_only":
                pq = 0
            elif c["side"] == "psa_only":
                vq = 0
            elif out < 0.065 and q > 1:
                pq = q - rng.randint(1, max(1, q // 3))
            elif out < 0.12:
                pq = q + rng.randint(1, 3)
            elif out < 0.175:
                pq = 0
            elif out < 0.215:
                vq = 0
            elif out < 0.265:
                price = cents(cost * Decimal(rng.choice(["0.80", "0.90", "0.95", "0.98"])))
            if vq:
                subn += 1
                rv = rng.random()
                if rv < 0.22 and vq >= 2:
                    q1 = rng.randint(1, vq - 1)
                    yearly2 = rng.random() < 0.5
                    c2 = cost if yearly2 else cents(cost * Decimal("1.2"))
                    vl.append(VLine(c["id"], key, q1, cost, False, "licence", f"S{subn:05d}a"))
                    vl.append(
                        VLine(
                            c["id"],
                            key,
                            vq - q1,
                            c2 * 12 if yearly2 else c2,
                            yearly2,
                            "licence",
                            f"S{subn:05d}b",
                        )
                    )
                elif rv < 0.30 and vq >= 2:
                    vl.append(VLine(c["id"], key, vq + 1, cost, False, "licence", f"S{subn:05d}"))
                    vl.append(VLine(c["id"], key, -1, cost, False, "credit", f"S{subn:05d}"))
                elif rv < 0.40:
                    vl.append(VLine(c["id"], key, vq, cost * 12, True, "licence", f"S{subn:05d}"))
                else:
                    vl.append(VLine(c["id"], key, vq, cost, False, "licence", f"S{subn:05d}"))
            if pq:
                rp = rng.random()
                if rp < 0.09 and pq >= 3:
                    q1 = rng.randint(1, pq - 1)
                    pl.append(PLine(c["id"], key, q1, price, "licence"))
                    p2 = price if rng.random() < 0.5 else price + Decimal("0.50")
                    ln = PLine(c["id"], key, pq - q1, p2, "licence")
                    ln.classes.append("topup_line_same_product")
                    pl.append(ln)
                else:
                    ln = PLine(c["id"], key, pq, price, "licence")
                    if rp < 0.16:
                        ln.yearly = True
                    elif rp < 0.24:
                        ln.less = rng.randint(1, 3)
                    pl.append(ln)
        # cancelled lines and services
        if c["side"] != "vendor_only":
            if rng.random() < 0.12:
                key = rng.choice(c["basket"])
                pl.append(PLine(c["id"], key, rng.randint(1, 5), cents(markup[key]), "not_billed"))
            for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3])):
                svc = PLine(
                    c["id"],
                    None,
                    rng.choice([1, 1, 2, 3, 4, 10]),
                    Decimal(
                        rng.choice(
                            ["45.00", "65.00", "85.00", "95.00", "120.00", "39.50", "899.00"]
                        )
                    ),
                    "service",
                )
                svc.text = f"{rng.randint(0, 99)}|{rng.choice(c['basket'])}"
                pl.append(svc)
    # round-percentage discounts (shown only by formats with a discount column)
    for ln in pl:
        if ln.role == "licence" and not ln.yearly and rng.random() < 0.12:
            cp = int(ln.price * 100)
            for pct, num, den in (
                (Decimal("12.5"), 8, 7),
                (Decimal("20"), 5, 4),
                (Decimal("25"), 4, 3),
                (Decimal("10"), 10, 9),
                (Decimal("15"), 20, 17),
            ):
                if cp * num % den == 0:
                    ln.list_price = Decimal(cp * num // den) / 100
                    ln.disc = pct
                    break
    return clients, vl, pl


# ------------------------------------------------------------------ perturbation


def _typo(rng, word):
    if len(word) < 5 or not word.isalpha():
        return None
    i = rng.randint(1, len(word) - 3)
    w = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return w if w != word else None


def client_variant(rng, c, lang, near=False):
    """One PSA spelling of a client name and its class (or None)."""
    name, legal, base, cc = c["canonical"], c["legal"], c["base"], c["country"]
    sib = c["sibling"] is not None or near
    opts = []
    if re.search("[äöüÄÖÜ]", name) and cc in ("DE", "AT", "CH"):
        tr = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
        opts.append(("umlaut_written_ae_oe_ue", "".join(tr.get(ch, ch) for ch in name)))
        opts.append(
            (
                "umlaut_dots_dropped",
                "".join(
                    {"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"}.get(ch, ch)
                    for ch in name
                ),
            )
        )
    if "ß" in name:
        opts.append(("eszett_written_ss", name.replace("ß", "ss")))
    if re.search("[åøæÅØÆ]", name) or (cc in ("SE", "FI") and re.search("[äöÄÖ]", name)):
        opts.append(("nordic_letters_folded", V.fold(name)))
    if re.search("[éèêáíóúñçãõàìòąćęłńśźżÉÁÓŁŚŻ]", name) and cc not in ("DE", "AT", "CH"):
        opts.append(("accents_dropped_latin", V.fold(name, nordic=False)))
    if legal and legal in V.DOTLESS:
        opts.append(("legal_form_dots_stripped", name[: -len(legal)] + V.DOTLESS[legal]))
    opts.append(("caps_registry_style", name.upper()))
    if "&" not in legal:
        n = V.REGISTRY[cc]
        reg = n.format(
            n1=rng.randint(1, 9),
            n2=f"{rng.randint(10, 99)}",
            n3=f"{rng.randint(100, 999)}",
            n4=f"{rng.randint(1000, 9999)}",
            n5=rng.randint(10000, 99999),
            n6=rng.randint(100000, 999999),
            n8=rng.randint(10000000, 99999999),
        )
        opts.append(("registry_number_tail", name + reg))
    if not sib:
        if legal:
            opts.append(("legal_form_left_off", base))
            if legal in V.SUFFIX_TYPO:
                opts.append(("legal_form_misspelt", f"{base} {rng.choice(V.SUFFIX_TYPO[legal])}"))
            if legal in V.LONG_FORM:
                opts.append(("legal_form_spelled_out", f"{base} {V.LONG_FORM[legal]}"))
            if legal in V.FRONT_OK:
                opts.append(("legal_form_moved_front", f"{legal} {base}"))
        if "&" in base:
            opts.append(
                ("ampersand_local_word", name.replace(" & ", f" {V.AND_WORD[V.COUNTRY_LANG[cc]]} "))
            )
        if legal == "GmbH & Co. KG":
            opts.append(
                (
                    "co_kg_variant",
                    name.replace(
                        "GmbH & Co. KG",
                        rng.choice(["GmbH u. Co. KG", "GmbH + Co. KG", "GmbH & Co.KG"]),
                    ),
                )
            )
        for w, a in V.TRADE_ABBR.items():
            if w in base.split():
                opts.append(("trade_word_abbreviated", name.replace(w, a, 1)))
                break
        words = base.split()
        if len(words) == 2 and c["surname"] in words and "&" not in base:
            sw = f"{words[1]} {words[0]}"
            opts.append(("word_order_swapped", f"{sw} {legal}".strip()))
        cand = [w for w in base.split() if w.isalpha() and len(w) >= 5]
        if cand:
            w = rng.choice(cand)
            t = _typo(rng, w)
            if t:
                opts.append(("name_letter_swap", name.replace(w, t, 1)))
        opts.append(("city_in_brackets", f"{name} ({rng.choice(V.CITIES[cc])})"))
    if rng.random() < 0.15:
        return name, None
    # prefer the letter classes where they exist (they are the theme)
    letter = [
        o
        for o in opts
        if o[0]
        in (
            "umlaut_written_ae_oe_ue",
            "umlaut_dots_dropped",
            "eszett_written_ss",
            "nordic_letters_folded",
            "accents_dropped_latin",
        )
    ]
    pick = rng.choice(letter) if letter and rng.random() < 0.45 else rng.choice(opts)
    if pick[1] == name:
        return name, None
    return pick[1], pick[0]


def _tokens(s):
    return set(re.findall(r"[a-z0-9]+", s.lower()))


def _fmt_price(p, lang, cur):
    sym = {"EUR": "€", "SEK": "kr", "PLN": "zł", "DKK": "kr", "NOK": "kr"}.get(cur, cur)
    s = f"{p:.2f}".replace(".", ",")
    return V.AT_PRICE[lang].format(p=s, c=sym)


def describe(rng, ln, lang, client_products, vendor_keys, cur):
    """A people-typed PSA description of a licence line and its classes."""
    prod = V.BY_KEY[ln.product]
    cls = [V.LANG_CLASS[lang]]
    others = [V.BY_KEY[k] for k in client_products if k != prod.key]
    on_vendor = prod.key in vendor_keys
    nt = "(no Teams)" in prod.name
    forms = []
    if nt:
        core = prod.name.replace("EEA (no Teams)", V.NO_TEAMS[lang]).replace(
            "(no Teams)", V.NO_TEAMS[lang]
        )
        forms.append(("no_teams_in_local_words", core, 6))
    else:
        forms.append(("local_billing_words_wrap", prod.name, 5))
        forms.append(("brand_dropped_local", rng.choice(prod.short), 3))
        forms.append(("staff_abbrev_local", rng.choice(prod.abbrev), 3))
        tr = prod.name
        for en, loc in V.TRANSLATE[lang].items():
            tr = re.sub(rf"\b{en}\b", loc, tr)
        if tr != prod.name:
            forms.append(("product_words_translated", tr, 6))
        if prod.old and on_vendor:
            forms.append(("old_ms_name_local", prod.old, 3))
        if prod.bare and on_vendor:
            bt = _tokens(prod.bare)
            if not any(bt <= _tokens(o.name) | _tokens(" ".join(o.short)) for o in others):
                forms.append(("bare_plan_local", prod.bare, 2))
        if (
            prod.concept in V.INHOUSE
            and on_vendor
            and not any(o.concept == prod.concept for o in others)
        ):
            forms.append(
                ("inhouse_local_concept_name", rng.choice(V.INHOUSE[prod.concept][lang]), 3)
            )
        words = [w for w in prod.name.split() if w.isalpha() and len(w) >= 6]
        if words and on_vendor:
            w = rng.choice(words)
            t = _typo(rng, w)
            if t:
                forms.append(("product_word_typo", prod.name.replace(w, t, 1), 2))
    name_cls, core = None, prod.name
    tot = sum(f[2] for f in forms)
    x = rng.random() * tot
    for f in forms:
        x -= f[2]
        if x <= 0:
            name_cls, core = f[0], f[1]
            break
    if name_cls != "local_billing_words_wrap" and name_cls is not None:
        cls.append(name_cls)
    else:
        cls.append("local_billing_words_wrap")
    if name_cls in ("inhouse_local_concept_name",) or rng.random() < 0.35:
        text = (
            V.SHORT_WRAP[lang].format(n=core) if name_cls != "inhouse_local_concept_name" else core
        )
    else:
        text = rng.choice(V.WRAP[lang]).format(n=core)
    r = rng.random()
    if r < 0.08:
        text += f" {V.MONTH[lang]}"
        cls.append("local_month_suffix")
    elif r < 0.13:
        text += f" ({V.RANGE[lang]})"
        cls.append("local_date_range_suffix")
    elif r < 0.17 and not ln.yearly and ln.list_price is None:
        text += " " + _fmt_price(ln.price, lang, cur)
        cls.append("local_price_in_text")
    elif r < 0.22:
        t2 = V.fold(text)
        if t2 != text:
            text = t2
            cls.append("billing_words_unaccented")
    if any(p.family and p.family == prod.family for p in others):
        cls.append("lookalike_edition_in_basket")
    return text, cls


def build_case(seed, psa_format, clients, currency, perturb, pcaps, langs):
    cl, vl, pl = build_numbers(seed, clients)
    rng = random.Random(f"AF-words|{seed}|{psa_format}|{clients}")
    prim, sec_opts = langs
    sec = rng.choice(sec_opts)
    for c in cl:
        own = V.COUNTRY_LANG[c["country"]]
        c["lang"] = sec if own == sec or rng.random() < 0.12 else prim
        c["cclasses"] = []
        c["psa_name"] = c["canonical"]
        if perturb:
            near = any(
                o["id"] != c["id"]
                and (o["base"].startswith(c["base"]) or c["base"].startswith(o["base"]))
                for o in cl
            )
            nm, k = client_variant(rng, c, c["lang"], near)
            c["psa_name"] = nm
            if k:
                c["cclasses"].append(k)
            if c["sibling"] is not None:
                c["cclasses"].append("sibling_trap_client")
    byid = {c["id"]: c for c in cl}
    vkeys = {}
    for v in vl:
        vkeys.setdefault(v.cid, set()).add(v.product)
    pkeys = {}
    for p in pl:
        if p.product:
            pkeys.setdefault(p.cid, set()).add(p.product)
    # adapt PSA lines to what the format can show (numbers unchanged)
    for p in pl:
        if p.yearly and "yearly" not in pcaps:
            p.yearly = False
        if p.less and "less" not in pcaps:
            p.less = 0
        if p.list_price is not None and "discount" not in pcaps:
            p.list_price, p.disc = None, None
    pl = [p for p in pl if p.role != "not_billed" or "cancel" in pcaps]
    for v in vl:
        v.classes = []
        if perturb:
            if v.yearly:
                v.classes.append("dist_annual_prepaid_row")
            if v.role == "credit":
                v.classes.append("dist_credit_note_row")
    for p in pl:
        c = byid[p.cid]
        lang = c["lang"]
        cls = list(p.classes) if perturb else []
        if p.role == "service":
            idx, key = p.text.split("|")
            opts = V.SERVICES[lang]
            s = opts[int(idx) % len(opts)]
            if "{n}" in s:
                s = s.format(n=V.BY_KEY[key].name)
                cls.append("service_naming_product_local")
            else:
                cls.append("service_line_local")
            p.text = s
            if not perturb:
                cls = []
        elif not perturb:
            p.text = V.BY_KEY[p.product].name
        else:
            prods = vkeys.get(p.cid, set()) | pkeys.get(p.cid, set())
            text, dc = describe(rng, p, lang, sorted(prods), vkeys.get(p.cid, set()), currency)
            cls += dc
            if p.role == "not_billed":
                text = f"{text} ({V.CANCELLED_WORD[lang]})"
                cls.append("cancelled_status_local")
            if p.yearly:
                cls.append("psa_annual_unit_line")
            if p.list_price is not None:
                cls.append("round_pct_rabatt_line")
            if p.less:
                cls.append("less_included_local")
            p.text = text
        if perturb and p.role == "not_billed" and "cancelled_status_local" not in cls:
            cls.append("cancelled_status_local")
        p.classes = cls
    if not perturb:
        for p in pl:
            if p.role == "not_billed":
                p.text = V.BY_KEY[p.product].name
    return Case(cl, vl, pl, currency, [prim, sec])


# ------------------------------------------------------------------ findings


def half_up(fr):
    return str(
        (Decimal(fr.numerator) / Decimal(fr.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        if fr.denominator != 1
        else Decimal(fr.numerator).quantize(Decimal("0.01"))
    )


def findings_from(vrows, prows):
    """vrows: (client, product, qty, monthly Fraction, row); prows: (client, product, billed qty, monthly Fraction, row)."""
    V_, P_ = {}, {}
    for c, p, q, u, r in vrows:
        V_.setdefault((c, p), []).append((q, u, r))
    for c, p, q, u, r in prows:
        P_.setdefault((c, p), []).append((q, u, r))

    def agg(lst):
        q = sum(x[0] for x in lst)
        amt = sum(Fraction(x[0]) * x[1] for x in lst)
        return q, (amt / q if q else Fraction(0)), sorted(x[2] for x in lst)

    pagg = {k: agg(v) for k, v in P_.items()}
    med = {}
    for (_c, p), (q, u, _r) in pagg.items():
        if q > 0 and u > 0:
            med.setdefault(p, []).append(u)
    out = []
    for key in sorted(set(V_) | set(P_)):
        c, p = key
        vq, cu, vr = agg(V_[key]) if key in V_ else (0, Fraction(0), [])
        pq, pu, pr = pagg.get(key, (0, Fraction(0), []))

        def add(t, amt, c=c, p=p, vr=vr, pr=pr):
            out.append(
                {
                    "type": t,
                    "client": c,
                    "product": p,
                    "vendor_rows": vr,
                    "psa_rows": pr,
                    "monthly_impact": half_up(Fraction(amt)),
                }
            )

        if vq > 0 and pq <= 0:
            m = statistics.median(med[p]) if p in med else cu
            add("unbilled", vq * Fraction(m))
            continue
        if pq > 0 and vq <= 0:
            if pu != 0:
                add("no_vendor_record", pq * pu)
            continue
        if vq > pq:
            add("under_billed", (vq - pq) * pu)
        elif pq > vq:
            add("over_billed", (pq - vq) * pu)
        if pu < cu:
            add("below_cost", (cu - pu) * min(vq, pq))
    return out


def compute_findings(case):
    byid = {c["id"]: c for c in case.clients}
    vrows = [
        (byid[v.cid]["canonical"], V.BY_KEY[v.product].name, v.qty, v.monthly, v.row)
        for v in case.vlines
    ]
    prows = [
        (byid[p.cid]["canonical"], V.BY_KEY[p.product].name, p.qty, Fraction(p.price), p.row)
        for p in case.plines
        if p.role == "licence"
    ]
    return findings_from(vrows, prows)
