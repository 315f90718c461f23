"""People-typed spellings of PSA product descriptions and client names.

Every transform returns the new text (or None when it does not apply); the caller records a class
only when the text actually changed.  Guards keep every line identifiable by a careful person who
sees both files: discriminating tokens survive, context-only spellings are used only where the
client's own basket makes them unique, and a client name never collapses onto another client.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .catalog import BY_KEY, Product
from .clients import LANG, Client, fold

# ---------------------------------------------------------------- helpers
_WORD = re.compile(r"[A-Za-zÀ-ÿĀ-ž]+")


@functools.lru_cache(maxsize=65536)
def norm(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(s).lower()))


@functools.lru_cache(maxsize=65536)
def has_phrase(text: str, phrase: str) -> bool:
    return (" " + norm(phrase) + " ") in (" " + norm(text) + " ")


def ambiguous(text: str, own: Product, basket: set[str]) -> bool:
    """True when text also reads as another product of the client's basket."""
    own_disc = {norm(d) for d in own.disc}
    for k in basket:
        if k == own.key:
            continue
        q = BY_KEY[k]
        qd = {norm(d) for d in q.disc}
        if not qd or qd <= own_disc:
            continue
        if all(has_phrase(text, d) for d in q.disc):
            return True
        if has_phrase(text, q.name):
            return True
        tt, qt = set(norm(text).split()), set(norm(q.name).split())
        if tt and tt < qt:
            return True
    return False


KEYB = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm", "wqrtyuiopoadfghjklkzxcvbnm")}


def typo_word(rng, w: str) -> str:
    if len(w) < 4:
        return w
    i = rng.randrange(1, len(w) - 1)
    op = rng.choice(["swap", "drop", "double", "key"])
    if op == "swap" and w[i] != w[i + 1]:
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    if op == "drop":
        return w[:i] + w[i + 1 :]
    if op == "double":
        return w[:i] + w[i] + w[i:]
    c = w[i].lower()
    if c in KEYB:
        r = KEYB[c]
        return w[:i] + (r.upper() if w[i].isupper() else r) + w[i + 1 :]
    return w[:i] + w[i + 1 :]


# ---------------------------------------------------------------- description vocabulary
BILLING_WORDS = {
    "EN": [
        " - per user",
        " Monthly Subscription",
        " Licence",
        " Licenses",
        " (per user/month)",
        " - Monthly",
        " User Subscription",
        " /usr/mo",
        " - seat",
        " Lic.",
        " Subscr.",
        " (M2M)",
        " mthly",
        " - user licence",
        " per seat per month",
        " Sub",
        " - recurring",
        " (per mailbox)",
    ],
    "DE": [" Lizenz", " pro Benutzer", " - monatlich", " Lizenzen", " Abo"],
    "FR": [" - licence", " par utilisateur", " abonnement mensuel", " (mensuel)"],
    "ES": [" licencia", " por usuario", " - mensual", " suscripción"],
    "NL": [" licentie", " per gebruiker", " - maandelijks"],
    "DK": [" licens", " pr. bruger", " - månedlig"],
    "NO": [" lisens", " per bruker"],
    "SE": [" licens", " per användare"],
    "PL": [" licencja", " na użytkownika"],
    "IS": [" leyfi", " á notanda"],
}
TRANSLATED_WRAP = {
    "DE": ["{t} Lizenz", "Lizenz {t}", "{t} (Mietlizenz)"],
    "FR": ["Licence {t}", "{t} – licence mensuelle"],
    "ES": ["Licencia {t}", "{t} (licencia mensual)"],
    "NL": ["Licentie {t}", "{t} maandlicentie"],
    "DK": ["{t} licens", "Licens: {t}"],
    "NO": ["{t} lisens"],
    "SE": ["{t} licens"],
    "PL": ["Licencja {t}"],
    "IS": ["{t} leyfi"],
}
VENDOR_TAGS = [
    " [NCE]",
    " (NCE)",
    " - New Commerce",
    " [New Commerce Experience]",
    " NCE",
    " (annual commitment, billed monthly)",
    " - NCE monthly billing",
    " (CSP)",
]
NOTES = [
    " (PO 4471)",
    " - ref INC-20931",
    " per Tom 3/11",
    " see ticket #8812",
    " - approved by J. Reyes",
    " [moved from old tenant]",
    " *price locked until 06/2027*",
    " - added 14 Oct",
    " (per contract amendment 2)",
    " // check w/ Sam",
    " - Q3 review done",
    " (quote Q-10293)",
    " - as per renewal email",
    " {SO-55120}",
]
DATE_TOKENS = [
    " Nov 2026",
    " (01/11/2026 - 30/11/2026)",
    " 11/2026",
    " November 2026",
    " 2026-11-01 to 2026-11-30",
    " - Nov-26",
    " (Nov 1 - Nov 30)",
]
HALO_TOKENS = [" $MONTHNAME $YEAR", " ($STARTDATE - $ENDDATE)", " for $MONTH/$YEAR", " - $PERIOD"]
PREFIXES = [
    "MS - ",
    "[LIC] ",
    "Cloud Licensing / ",
    "SW-",
    "Microsoft | ",
    "LIC: ",
    "Licensing - ",
    "Recurring: ",
    "CSP ",
    "365> ",
]
RETIRED = [
    "zz ",
    "ZZ-OLD ",
    "(OLD) ",
    "{t} - DO NOT USE",
    "{t} (legacy pricing)",
    "{t} v2",
    "{t} - 2024 price",
    "xx {t}",
]
BRANDS = [
    "Microsoft 365",
    "Office 365",
    "Microsoft",
    "Exchange Online",
    "Power BI",
    "Windows 365",
    "Visio",
    "Microsoft Teams",
    "Adobe",
    "Autodesk",
    "Acronis",
    "Keeper",
    "Bitdefender",
    "Datto",
    "Dropsuite",
]
FIRST = [
    "Anna",
    "Ben",
    "Chloé",
    "Dev",
    "Ewa",
    "Finn",
    "Gülşen",
    "Hiro",
    "Ines",
    "Jonas",
    "Kiri",
    "Lars",
    "Mía",
    "Nadia",
    "Owen",
    "Pål",
    "Quinn",
    "Rosa",
    "Søren",
    "Tomás",
]
LAST = [
    "Ng",
    "Okoro",
    "Brandt",
    "Silva",
    "Kowalski",
    "Müller",
    "Dubois",
    "Haddad",
    "Lund",
    "Ortiz",
    "Sato",
    "Walsh",
]


class DescContext:
    def __init__(
        self,
        rng,
        lang: str,
        basket: set[str],
        vendor_keys: set[str],
        vendor_fmt: str,
        psa_fmt: str,
        qty: int,
        price: str,
        per_user: bool,
        user: tuple | None,
    ):
        self.rng, self.lang, self.basket, self.vendor_keys = rng, lang, basket, vendor_keys
        self.vendor_fmt, self.psa_fmt, self.qty, self.price = vendor_fmt, psa_fmt, qty, price
        self.per_user, self.user = per_user, user


def _pick(rng, lst):
    return rng.choice(lst) if lst else None


# base transforms: replace the whole text
def d_abbreviation(p, t, cx):
    return _pick(cx.rng, p.abbr)


def d_brand_dropped(p, t, cx):
    return _pick(cx.rng, p.brandless)


def d_renamed(p, t, cx):
    return _pick(cx.rng, p.renamed)


def d_glued(p, t, cx):
    return _pick(cx.rng, p.glued)


def d_accounting_item(p, t, cx):
    return _pick(cx.rng, p.acct)


def d_ordinal_words(p, t, cx):
    return _pick(cx.rng, p.ordinal)


def d_translated(p, t, cx):
    if p.translated and cx.rng.random() < 0.6:
        return cx.rng.choice(p.translated)
    lang = cx.lang if cx.lang in TRANSLATED_WRAP else cx.rng.choice(list(TRANSLATED_WRAP))
    return cx.rng.choice(TRANSLATED_WRAP[lang]).format(t=t)


def d_sku_code(p, t, cx):
    opts = []
    if p.ms and p.string_id:
        opts.append(p.string_id)
    if p.ms and p.pcid and not p.pcid.startswith("CFQ7TTC0Z"):
        opts += [p.pcid, f"{p.pcid}:{p.sku}"]
    if cx.vendor_fmt.startswith("pax8") and p.pax8:
        opts.append(p.pax8)
    return _pick(cx.rng, opts)


def d_bare_plan(p, t, cx):
    if p.key not in cx.vendor_keys or not p.bare:
        return None
    b = cx.rng.choice(p.bare)
    for k in cx.basket:
        if k != p.key and (has_phrase(BY_KEY[k].name, b) or b in BY_KEY[k].bare):
            return None
    return b


def d_inhouse_name(p, t, cx):
    if p.key not in cx.vendor_keys or not p.inhouse or not p.concept:
        return None
    if any(BY_KEY[k].concept == p.concept for k in cx.basket if k != p.key):
        return None
    return cx.rng.choice(p.inhouse)


def d_mentions_other_product(p, t, cx):
    return _pick(cx.rng, p.mentions)


BASE = {
    "abbreviation": d_abbreviation,
    "brand_dropped": d_brand_dropped,
    "renamed": d_renamed,
    "glued": d_glued,
    "accounting_item": d_accounting_item,
    "ordinal_words": d_ordinal_words,
    "translated": d_translated,
    "sku_code": d_sku_code,
    "bare_plan": d_bare_plan,
    "inhouse_name": d_inhouse_name,
    "mentions_other_product": d_mentions_other_product,
}
BASE_W = {
    "abbreviation": 10,
    "brand_dropped": 6,
    "renamed": 5,
    "glued": 3,
    "accounting_item": 4,
    "ordinal_words": 2,
    "translated": 3,
    "sku_code": 2,
    "bare_plan": 4,
    "inhouse_name": 4,
    "mentions_other_product": 2,
}
HOUSE_OK = [
    "abbreviation",
    "brand_dropped",
    "renamed",
    "glued",
    "accounting_item",
    "translated",
    "ordinal_words",
]


# modifiers: edit the text
def m_typo(p, t, cx):
    words = [(m.start(), m.end()) for m in _WORD.finditer(t) if m.end() - m.start() >= 5]
    if not words:
        return None
    s, e = cx.rng.choice(words)
    return t[:s] + typo_word(cx.rng, t[s:e]) + t[e:]


def m_billing_words(p, t, cx):
    lang = cx.lang if cx.lang in BILLING_WORDS and cx.rng.random() < 0.5 else "EN"
    w = cx.rng.choice(BILLING_WORDS[lang])
    return (w.strip(" -") + " - " + t) if cx.rng.random() < 0.15 else t + w


def m_case(p, t, cx):
    r = cx.rng.random()
    return t.upper() if r < 0.5 else t.lower() if r < 0.85 else t.title()


def m_punctuation_spacing(p, t, cx):
    opts = [
        t.replace("(", "").replace(")", ""),
        t.replace(" (", " - ").replace(")", ""),
        re.sub(r"(\d) ", r"\1-", t, count=1),
        t.replace(" ", "  ", 1),
        t + ".",
        re.sub(r" (\S+)$", r", \1", t),
        t.replace(" 365", "365", 1),
        t.replace(" ", "_"),
        t.replace(" Plan ", " Plan"),
        t.replace(" ", " - ", 1),
    ]
    return cx.rng.choice(opts)


def m_word_order(p, t, cx):
    for b in BRANDS:
        if t.startswith(b + " ") and len(t) > len(b) + 2:
            rest = t[len(b) + 1 :]
            return cx.rng.choice([f"{rest} - {b}", f"{rest} ({b})", f"{rest}, {b}", f"{rest} {b}"])
    return None


def m_note_reference(p, t, cx):
    return t + cx.rng.choice(NOTES)


def m_per_user(p, t, cx):
    if not cx.per_user or not cx.user:
        return None
    f, l = cx.user
    mail = (
        fold(f"{f[0]}{l}").lower()
        + "@"
        + cx.rng.choice(["contoso.com", "mail.example", "client.example"])
    )
    return cx.rng.choice(
        [
            f"{f} {l} - {t}",
            f"{t} ({mail})",
            f"{t} – user: {fold(f).lower()}.{fold(l).lower()}",
            f"{t} / {f[0]}. {l}",
        ]
    )


def m_date_range(p, t, cx):
    return t + cx.rng.choice(
        HALO_TOKENS if cx.psa_fmt == "halopsa" and cx.rng.random() < 0.6 else DATE_TOKENS
    )


def m_vendor_tag(p, t, cx):
    return t + cx.rng.choice(VENDOR_TAGS)


def m_catalogue_prefix(p, t, cx):
    return cx.rng.choice(PREFIXES) + t


def m_retired_item_marker(p, t, cx):
    r = cx.rng.choice(RETIRED)
    return r.format(t=t) if "{t}" in r else r + t


def m_unicode_symbols(p, t, cx):
    opts = [
        t.replace("Microsoft ", "Microsoft® ", 1),
        t.replace("365", "365™", 1),
        t.replace(" ", "\u00a0"),
        t.replace(" - ", " – "),
        t.replace("(", "‹").replace(")", "›"),
        t.replace(" ", "\u2009", 1),
        "“" + t + "”",
    ]
    return cx.rng.choice(opts)


def m_truncated(p, t, cx):
    cut = cx.rng.choice([24, 30, 35, 40])
    if len(t) <= cut + 3:
        return None
    head = t[:cut]
    if not all(has_phrase(head, d) for d in p.disc) or (p.disc == () and len(norm(head)) < 6):
        return None
    return head


def m_qty_price_in_text(p, t, cx):
    return cx.rng.choice(
        [
            f"{cx.qty} x {t}",
            f"{t} x{cx.qty}",
            f"{t} @ {cx.price}",
            f"{t} ({cx.qty} users)",
            f"{t} - {cx.qty} seats @ {cx.price}",
        ]
    )


MODS = {
    "typo": m_typo,
    "billing_words": m_billing_words,
    "case": m_case,
    "punctuation_spacing": m_punctuation_spacing,
    "word_order": m_word_order,
    "note_reference": m_note_reference,
    "per_user": m_per_user,
    "date_range": m_date_range,
    "vendor_tag": m_vendor_tag,
    "catalogue_prefix": m_catalogue_prefix,
    "retired_item_marker": m_retired_item_marker,
    "unicode_symbols": m_unicode_symbols,
    "truncated": m_truncated,
    "qty_price_in_text": m_qty_price_in_text,
}
MOD_W = {
    "typo": 9,
    "billing_words": 9,
    "case": 4,
    "punctuation_spacing": 4,
    "word_order": 3,
    "note_reference": 4,
    "per_user": 0,
    "date_range": 3,
    "vendor_tag": 4,
    "catalogue_prefix": 3,
    "retired_item_marker": 2,
    "unicode_symbols": 2,
    "truncated": 2,
    "qty_price_in_text": 2,
}
DESC_CLASSES = sorted(set(BASE) | set(MODS))


def _wchoice(rng, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def house_spelling(rng, p: Product):
    """A PSA catalogue's own name for a product (shared by many clients' lines)."""
    if rng.random() < 0.45:
        return None
    cls = rng.choice(HOUSE_OK)
    cx = DescContext(rng, "EN", set(), set(), "", "", 1, "", False, None)
    t = BASE[cls](p, p.name, cx)
    return (t, cls) if t and t != p.name else None


def perturb_desc(p: Product, cx: DescContext, house=None):
    """Return (text, classes). Leaves ~15% of lines canonical."""
    rng = cx.rng
    t, classes = p.name, []
    if cx.per_user and rng.random() < 0.8:
        t2 = m_per_user(p, t, cx)
        if t2 and not ambiguous(t2, p, cx.basket):
            t, classes = t2, ["per_user"]
    if rng.random() < 0.15 and not classes:
        return t, classes
    if house and rng.random() < 0.6 and not ambiguous(house[0], p, cx.basket):
        if not classes:
            t, classes = house[0], [house[1]]
    elif rng.random() < 0.7 and not classes:
        for _ in range(4):
            cls = _wchoice(rng, BASE_W)
            t2 = BASE[cls](p, t, cx)
            if t2 and t2 != t and not ambiguous(t2, p, cx.basket):
                t, classes = t2, classes + [cls]
                break
    n_mod = rng.choices([0, 1, 2, 3], weights=[3, 5, 3, 1])[0]
    if not classes and n_mod == 0:
        n_mod = 1
    for _ in range(n_mod):
        for _ in range(4):
            cls = _wchoice(rng, MOD_W)
            if cls in classes:
                continue
            t2 = MODS[cls](p, t, cx)
            if t2 and t2 != t and t2.strip() and not ambiguous(t2, p, cx.basket):
                t, classes = t2, classes + [cls]
                break
    return t, classes


# ---------------------------------------------------------------- client names
LEGAL_VARIANTS = {
    "Ltd": ["Limited", "Ltd.", "LTD"],
    "Limited": ["Ltd", "Ltd."],
    "Ltd.": ["Limited", "Ltd"],
    "Inc.": ["Inc", "Incorporated", ", Inc."],
    "LLC": ["L.L.C.", "Llc", ", LLC"],
    "Corp.": ["Corporation", "Corp"],
    "PLLC": ["P.L.L.C.", "Pllc"],
    "LLP": ["L.L.P.", "llp"],
    "PLC": ["plc", "Public Limited Company"],
    "DAC": ["D.A.C.", "Designated Activity Company"],
    "Teoranta": ["Teo.", "Teor."],
    "Pty Ltd": ["Pty. Limited", "PTY LTD", "Proprietary Limited", "P/L"],
    "Pty. Ltd.": ["Pty Ltd", "Pty Limited"],
    "GmbH": ["Gesellschaft mbH", "G.m.b.H.", "Gmbh"],
    "GmbH & Co. KG": ["GmbH & Co KG", "GmbH u. Co. KG"],
    "AG": ["Aktiengesellschaft"],
    "e.K.": ["e. K.", "eK"],
    "KG": ["K.G."],
    "SARL": ["S.A.R.L.", "Sàrl", "S.à r.l."],
    "SAS": ["S.A.S.", "S.A.S"],
    "SA": ["S.A."],
    "EURL": ["E.U.R.L."],
    "B.V.": ["BV", "B.V", "Besloten Vennootschap"],
    "V.O.F.": ["VOF", "v.o.f."],
    "ApS": ["Aps", "APS"],
    "A/S": ["AS", "A.S."],
    "AS": ["A/S", "A.S."],
    "AB": ["Aktiebolag", "(publ)"],
    "ehf.": ["ehf", "EHF"],
    "S.L.": ["SL", "S.L", "Sociedad Limitada"],
    "S.A.": ["SA", "S.A"],
    "sp. z o.o.": ["Sp. z o.o.", "spółka z o.o.", "Sp.z.o.o."],
    "Ltée": ["Ltee", "Limitée"],
    "S.E.N.C.": ["SENC"],
    "S.A. de C.V.": ["SA de CV", "S.A. de C.V"],
    "S. de R.L. de C.V.": ["S de RL de CV"],
    "Ltd.": ["Limited", "Ltd"],
}
LEGAL_TYPOS = {
    "Ltd": ["Ltf", "Ldt", "Lrd"],
    "Limited": ["Limietd", "Limted", "Lmited", "Limitd"],
    "Inc.": ["Icn.", "Inc,", "Ic."],
    "LLC": ["LCC", "LL C", "LLLC"],
    "Corp.": ["Crop.", "Corporaiton", "Coporation"],
    "PLLC": ["PLCC"],
    "Pty Ltd": ["Pyt Ltd", "Pty Lt", "Pty Ltd."],
    "GmbH": ["GmbBH", "GmhB", "GbmH"],
    "SARL": ["SRAL", "SALR"],
    "B.V.": ["B.V.V.", "BV."],
    "ApS": ["Aps.", "ApSs"],
    "S.L.": ["S.L.L.", "SL."],
    "sp. z o.o.": ["sp. z o.o", "sp. zo.o."],
    "AB": ["A.B", "AB."],
    "Ltd.": ["Ltd..", "Lt."],
    "Pty. Ltd.": ["Pty. Lts.", "Ptty. Ltd."],
}
ABBREV = {
    "Management": ["Mgmt", "Mgt"],
    "Services": ["Svcs", "Svc"],
    "Associates": ["Assoc.", "Assocs"],
    "International": ["Intl", "Int'l"],
    "Company": ["Co."],
    "Brothers": ["Bros."],
    "Construction": ["Constr.", "Const."],
    "Engineering": ["Eng.", "Engg"],
    "Accounting": ["Acctg", "Acct."],
    "Property": ["Prop.", "Ppty"],
    "Physiotherapy": ["Physio"],
    "Medical": ["Med."],
    "Centre": ["Ctr", "Cntr"],
    "Veterinary": ["Vet"],
    "Solutions": ["Soln", "Solns"],
    "Consulting": ["Cnsltg", "Consult."],
    "Insurance": ["Ins."],
    "Mountain": ["Mtn"],
    "Saint": ["St.", "St"],
    "Financial": ["Fin."],
    "Electrical": ["Elec."],
    "Architects": ["Archs"],
    "Development": ["Dev."],
    "Developments": ["Devs"],
    "Holdings": ["Hldgs"],
    "Enterprises": ["Ent.", "Entps"],
    "Logistics": ["Logs"],
    "Contractors": ["Contr."],
    "Immobilienverwaltung": ["Immob.-Verw."],
    "Steuerberatung": ["StB"],
    "Rechtsanwälte": ["RAe"],
    "Zahnarztpraxis": ["ZA-Praxis"],
    "Apotheke": ["Apo."],
    "Boulangerie": ["Boul."],
    "Pharmacie": ["Pharm."],
    "Construcciones": ["Const."],
    "Asesoría": ["Ases."],
    "Recruitment": ["Recruit."],
    "Surveyors": ["Surv."],
    "Orthodontics": ["Ortho"],
}
ABBREV_TYPOS = {
    "Management": ["Mngmt", "Mgnt", "Managment"],
    "Services": ["Scvs", "Srvcs", "Sevices"],
    "Associates": ["Assocs.", "Asociates"],
    "International": ["Intnl", "Internatonal"],
    "Construction": ["Constrn", "Constuction"],
    "Engineering": ["Engnrg", "Engineerng"],
    "Accounting": ["Acctng", "Accouting"],
    "Consulting": ["Conslting", "Cnslt"],
    "Holdings": ["Hldngs", "Holdngs"],
    "Logistics": ["Logisitcs", "Logstcs"],
    "Physiotherapy": ["Physiotheraphy"],
    "Pharmacy": ["Pharamcy"],
}
TRANSLIT = str.maketrans(
    {
        "ü": "ue",
        "Ü": "Ue",
        "ö": "oe",
        "Ö": "Oe",
        "ä": "ae",
        "Ä": "Ae",
        "ß": "ss",
        "ø": "oe",
        "Ø": "Oe",
        "å": "aa",
        "Å": "Aa",
        "æ": "ae",
        "Æ": "Ae",
        "þ": "th",
        "Þ": "Th",
        "ð": "dh",
        "ł": "l",
        "Ł": "L",
        "ñ": "ny",
        "é": "e",
        "è": "e",
        "ó": "o",
        "á": "a",
        "í": "i",
        "ú": "u",
        "ō": "oo",
        "ā": "aa",
        "ū": "uu",
        "ē": "ee",
    }
)
AND_WORD = {
    "EN": ["and", "+", "n'"],
    "DE": ["und", "u."],
    "FR": ["et"],
    "ES": ["y"],
    "NL": ["en"],
    "DK": ["og"],
    "NO": ["og"],
    "SE": ["och"],
    "PL": ["i"],
    "IS": ["og"],
}
BRANCH = [
    "- Head Office",
    "(Main Office)",
    "- Accounts Payable",
    "- Downtown",
    "(HQ)",
    "- Billing Dept",
    "- Finance",
    "Hauptsitz",
    "(siège)",
    "- Sede Central",
    "- Admin",
    "(North branch)",
    "- IT Dept",
]
GENERIC_WORDS = [
    "Group",
    "Services",
    "Company",
    "Holdings",
    "Practice",
    "Clinic",
    "Centre",
    "Studio",
    "Enterprises",
    "Partners",
    "Associates",
]
TRANSLATE_GENERIC = {
    "Group": ["Gruppe", "Groupe", "Grupo", "Groep"],
    "Holdings": ["Holding"],
    "Pharmacy": ["Apotheke", "Pharmacie"],
    "Bakery": ["Bäckerei", "Boulangerie"],
    "Consulting": ["Beratung", "Conseil"],
    "Services": ["Dienstleistungen", "Servicios"],
    "Transport": ["Transports", "Transportes"],
    "Accountants": ["Accountants (Buchhaltung)"],
    "Engineering": ["Ingenieurbüro"],
    "Architects": ["Architekten", "Architectes"],
    "Logistics": ["Logistik", "Logistique"],
    "Law": ["Legal"],
}
STREETS = [
    ", 12 High Street",
    " - Unit 4, 220 Main St",
    ", Leeds",
    " (Musterstraße 5)",
    " - 45 Rue de la Paix",
    ", PO Box 118",
    " - Suite 300",
    " (Calle Mayor 7)",
    ", Level 2/88 George St",
    " @ 9 Harbour Rd",
]


def _replace_word(text, word, new):
    return re.sub(r"(?<![\wÀ-ž])" + re.escape(word) + r"(?![\wÀ-ž])", new, text, count=1)


def c_legal_suffix_dropped(c, rng):
    return c.core if c.legal else None


def c_legal_suffix_variant(c, rng):
    v = LEGAL_VARIANTS.get(c.legal)
    if not v:
        return None
    s = rng.choice(v)
    return c.core + s if s.startswith(",") else f"{c.core} {s}"


def c_legal_suffix_typo(c, rng):
    v = LEGAL_TYPOS.get(c.legal)
    return f"{c.core} {rng.choice(v)}" if v else None


def c_the_article(c, rng):
    if c.name.startswith("The "):
        return rng.choice(
            [c.name[4:], f"{c.core[4:]}, The {c.legal}".strip(), f"{c.core[4:]} (The) {c.legal}"]
        )
    if LANG[c.country] == "EN" and c.kind in ("plain", "dba", "renamed"):
        return "The " + c.name
    return None


def c_ampersand_and(c, rng):
    lang = LANG[c.country]
    if " & " in c.name:
        return c.name.replace(" & ", " " + rng.choice(AND_WORD.get(lang, ["and"])) + " ", 1)
    if " and " in c.name:
        return c.name.replace(" and ", " & ", 1)
    return None


def c_dba(c, rng):
    if not c.trading:
        return None
    return rng.choice(
        [
            f"{c.name} dba {c.trading}",
            f"{c.trading} ({c.name})",
            f"{c.core} t/a {c.trading}",
            f"{c.trading} - {c.name}",
            f"{c.name} DBA {c.trading}",
        ]
    )


def c_trading_name_only(c, rng):
    return c.trading or None


def c_branch_department(c, rng):
    return f"{c.name} {rng.choice(BRANCH)}"


def c_contact_in_name(c, rng):
    f, l = rng.choice(FIRST), rng.choice(LAST)
    return rng.choice(
        [
            f"{c.name} (Attn: {f} {l})",
            f"{c.name} - c/o {f}",
            f"{c.name} / {f} {l}",
            f"{c.name} [contact: {f}]",
        ]
    )


def c_address_in_name(c, rng):
    return c.name + rng.choice(STREETS)


def c_accents_stripped(c, rng):
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", c.name) if not unicodedata.combining(ch)
    )


def c_transliterated(c, rng):
    return c.name.translate(TRANSLIT)


def c_abbreviated_words(c, rng):
    cands = [w for w in ABBREV if has_phrase(c.core, w) and w not in c.protected]
    if not cands:
        return None
    w = rng.choice(cands)
    return _replace_word(c.name, w, rng.choice(ABBREV[w]))


def c_abbreviation_typo(c, rng):
    cands = [w for w in ABBREV_TYPOS if has_phrase(c.core, w) and w not in c.protected]
    if not cands:
        return None
    w = rng.choice(cands)
    return _replace_word(c.name, w, rng.choice(ABBREV_TYPOS[w]))


def c_case(c, rng):
    return c.name.upper() if rng.random() < 0.6 else c.name.lower()


def c_punctuation(c, rng):
    opts = []
    if "." in c.name:
        opts.append(c.name.replace(".", ""))
    if "'" in c.name:
        opts += [c.name.replace("'", ""), c.name.replace("'", " "), c.name.replace("'", "’")]
    if "-" in c.name:
        opts.append(c.name.replace("-", " "))
    if "&" in c.name:
        opts += [c.name.replace("&", "&amp;"), c.name.replace(" & ", "&")]
    if c.legal:
        opts.append(f"{c.core}, {c.legal}")
    if " " in c.core:
        opts.append(c.name.replace(" ", "-", 1) if c.kind == "plain" else c.name + ".")
    return rng.choice(opts) if opts else None


def c_typo(c, rng):
    prot = {norm(p) for p in c.protected}
    words = [
        m
        for m in _WORD.finditer(c.core)
        if m.end() - m.start() >= 5 and norm(m.group()) not in prot
    ]
    if not words:
        return None
    m = rng.choice(words)
    return c.name[: m.start()] + typo_word(rng, m.group()) + c.name[m.end() :]


def c_account_code(c, rng):
    n = 10000 + c.cid * 7
    return rng.choice(
        [f"C{n:05d} - {c.name}", f"{c.name} [{n}]", f"{n} {c.name}", f"{c.name} (ACC-{c.cid:04d})"]
    )


def c_word_reordered(c, rng):
    if c.person:
        f, l, prof = c.person
        return rng.choice([f"{l}, {f} {prof}", f"{l} {f} {prof} {c.legal}", f"{prof} - {l}, {f}"])
    words = c.core.split()
    if c.kind == "plain" and len(words) == 2 and LANG[c.country] != "EN":
        return f"{words[1]} {words[0]} {c.legal}"
    return None


def c_initials(c, rng):
    if c.person:
        f, l, prof = c.person
        return rng.choice([f"{f[0]}. {l} {prof} {c.legal}", f"{f[0]} {l} {prof}"])
    return None


def c_store_number_style(c, rng):
    if not c.chain_no:
        return None
    k, w = c.chain_no, c.chain_word
    new = rng.choice(
        [
            f"#{k}",
            f"No. {k}",
            f"{w} #{k}",
            f"{w} {k:03d}",
            f"({w} {k})",
            f"- {w} {k}",
            f"Nr. {k}",
            f"{w}{k}",
        ]
    )
    return c.name.replace(f"{w} {k}", new, 1)


def c_generic_word_dropped(c, rng):
    words = c.core.split()
    cands = [w for w in words if w in GENERIC_WORDS and w not in c.protected]
    if not cands or len(words) < 3:
        return None
    return _replace_word(c.name, rng.choice(cands), "").replace("  ", " ").strip()


def c_translated_generic(c, rng):
    cands = [w for w in TRANSLATE_GENERIC if has_phrase(c.core, w) and w not in c.protected]
    if not cands or c.kind in ("sibling", "twin"):
        return None
    w = rng.choice(cands)
    return _replace_word(c.name, w, rng.choice(TRANSLATE_GENERIC[w]))


def c_old_name(c, rng):
    return c.old_name or None


NAME = {
    "legal_suffix_dropped": (c_legal_suffix_dropped, 8),
    "legal_suffix_variant": (c_legal_suffix_variant, 7),
    "legal_suffix_typo": (c_legal_suffix_typo, 3),
    "the_article": (c_the_article, 2),
    "ampersand_and": (c_ampersand_and, 4),
    "dba": (c_dba, 0),
    "trading_name_only": (c_trading_name_only, 0),
    "branch_department": (c_branch_department, 3),
    "contact_in_name": (c_contact_in_name, 2),
    "address_in_name": (c_address_in_name, 2),
    "accents_stripped": (c_accents_stripped, 6),
    "transliterated": (c_transliterated, 4),
    "abbreviated_words": (c_abbreviated_words, 5),
    "abbreviation_typo": (c_abbreviation_typo, 3),
    "case": (c_case, 3),
    "punctuation": (c_punctuation, 4),
    "typo": (c_typo, 4),
    "account_code": (c_account_code, 2),
    "word_reordered": (c_word_reordered, 3),
    "initials": (c_initials, 3),
    "store_number_style": (c_store_number_style, 0),
    "generic_word_dropped": (c_generic_word_dropped, 3),
    "translated_generic": (c_translated_generic, 2),
    "old_name": (c_old_name, 0),
}
NAME_CLASSES = sorted(NAME)


def _name_ok(new: str, c: Client, taken: dict) -> bool:
    n = norm(new)
    if not n or (n in taken and taken[n] != c.cid):
        return False
    for p in c.protected:
        if p.isdigit():
            if not re.search(r"(?<!\d)0*" + p + r"(?!\d)", new):
                return False
        elif norm(p) and not has_phrase(new, p):
            return False
    return True


def perturb_clients(rng, clients: list[Client]) -> None:
    taken = {}
    for c in clients:
        taken[norm(c.name)] = c.cid
        if c.trading:
            taken[norm(c.trading)] = c.cid
    for c in clients:
        if c.side == "vendor":
            continue
        forced = []
        if c.kind == "dba":
            forced = [rng.choice(["dba", "dba", "trading_name_only"])]
        elif c.kind == "renamed" and rng.random() < 0.7:
            forced = ["old_name"]
        elif c.kind == "chain" and rng.random() < 0.7:
            forced = ["store_number_style"]
        if not forced and rng.random() < 0.22:
            continue
        n_extra = (
            rng.choices([0, 1, 2], weights=[4, 4, 1])[0]
            if forced
            else rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
        )
        name, classes = c.name, []
        work = Client(**{**c.__dict__})
        for cls in forced:
            new = NAME[cls][0](work, rng)
            if new and new != name and _name_ok(new, c, taken):
                name, classes = new, [cls]
                work.name = new
                if cls in ("trading_name_only", "old_name"):
                    work.core = (
                        re.sub(r"\s+" + re.escape(c.legal) + r"$", "", new) if c.legal else new
                    )
                    work.legal = c.legal if new.endswith(" " + c.legal) else ""
                    if not work.legal:
                        work.core = new
        keys = [k for k in NAME if NAME[k][1] > 0]
        for _ in range(n_extra):
            for _ in range(5):
                cls = rng.choices(keys, weights=[NAME[k][1] for k in keys])[0]
                if cls in classes:
                    continue
                if cls.startswith("legal_suffix") and any(
                    x.startswith("legal_suffix") for x in classes
                ):
                    continue
                if cls in ("punctuation", "case") and "legal_suffix_variant" in classes:
                    continue
                new = NAME[cls][0](work, rng)
                if new and new != name and _name_ok(new, c, taken):
                    if cls.startswith("legal_suffix"):
                        # keep earlier edits of the core: rebuild from the working core
                        pass
                    name, classes = new, classes + [cls]
                    work.name = new
                    if cls == "legal_suffix_dropped":
                        work.legal = ""
                        work.core = new
                    elif cls in ("legal_suffix_variant", "legal_suffix_typo"):
                        work.legal = new[len(work.core) :].strip(" ,")
                    else:
                        work.core = (
                            new[: len(new) - len(work.legal)].strip()
                            if work.legal and new.endswith(work.legal)
                            else new
                        )
                        if not (work.legal and new.endswith(work.legal)):
                            work.legal = ""
                    break
        if name == c.name:
            classes = []
        c.psa_name, c.name_classes = name, classes
        taken[norm(name)] = c.cid
