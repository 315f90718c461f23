"""Client names of set Z and the client-name perturbation classes."""

from __future__ import annotations

import re

US_SUR = [
    "Whitfield",
    "Reid",
    "Thompson",
    "Stephens",
    "Gray",
    "Clarke",
    "Meyer",
    "Hollis",
    "Barrett",
    "Okafor",
    "Delgado",
    "Brennan",
    "Castillo",
    "Whyte",
    "Mathews",
    "Neill",
    "Prescott",
    "Lindqvist",
    "Abernathy",
    "Kowalski",
    "Nakamura",
    "Ferreira",
    "Draper",
    "Carlisle",
    "Philips",
    "Smyth",
    "Kaye",
    "Geller",
    "Halvorsen",
    "Pemberton",
]
TRADES = [
    "Plumbing",
    "Accounting",
    "Electrical",
    "Engineering",
    "Roofing",
    "Landscaping",
    "Consulting",
    "Architecture",
    "Surveying",
    "Insurance",
    "Logistics",
    "Dental",
    "Veterinary",
    "Law",
    "Realty",
    "Marine",
    "Printing",
    "Bakery",
    "Optometry",
]
PLACES = [
    "Harborview",
    "Northgate",
    "Silverlake",
    "Redwood",
    "Bluewater",
    "Cedar Ridge",
    "Lakeshore",
    "Granite Peak",
    "Westbrook",
    "Sunfield",
    "Ironbridge",
    "Maplewood",
    "Stonehaven",
    "Copperfield",
    "Brightwater",
    "Oakmont",
    "Fairhaven",
    "Kingsmere",
]
DE_SUR = [
    "Müller",
    "Schreiber",
    "Hoffmann",
    "Kessler",
    "Brandt",
    "Vogel",
    "Lehmann",
    "Zimmermann",
    "Krüger",
    "Albrecht",
]
DE_TRADE = [
    "Haustechnik",
    "Steuerberatung",
    "Elektrotechnik",
    "Bau",
    "Logistik",
    "Druck",
    "Immobilien",
    "Zahntechnik",
]
FR_SUR = ["Dupont", "Lefèvre", "Moreau", "Girard", "Bonnet", "Fontaine", "Rousseau", "Mercier"]
FR_TRADE = ["Conseil", "Expertise", "Bâtiment", "Transports", "Immobilier", "Architecture"]
NL = [
    ("van der", "Berg"),
    ("de", "Vries"),
    ("van", "Dijk"),
    ("van den", "Heuvel"),
    ("ter", "Horst"),
    ("van der", "Linden"),
]
NL_TRADE = ["Installatie", "Advies", "Bouw", "Transport", "Accountants"]
CAT = [
    "Col·legi Sant Jordi",
    "Instal·lacions Puig i Fills S.L.",
    "Paral·lel Arquitectes S.L.P.",
    "Col·legi Oficial de Farmacèutics de Girona",
    "Cel·la Vins i Caves S.L.",
    "Instal·lacions Elèctriques Ferrer S.L.",
]
PT = [
    ("Silva", "dos", "Santos"),
    ("Costa", "da", "Rocha"),
    ("Pereira", "das", "Neves"),
    ("Almeida", "de", "Sousa"),
    ("Oliveira", "do", "Carmo"),
]
PT_TRADE = ["Contabilidade", "Construções", "Transportes", "Consultoria"]
IS = [
    "Þórsson Verk ehf.",
    "Guðmundsdóttir Ráðgjöf ehf.",
    "Sigurðsson Lagnir ehf.",
    "Þorvaldsdóttir Bókhald ehf.",
    "Aðalsteinn Smíði ehf.",
]
UA = ["Shevchenko", "Kovalenko", "Tkachenko", "Kravchuk", "Zhuk", "Kovalchuk", "Yaremchuk"]
UA_DE = {
    "Shevchenko": "Schewtschenko",
    "Kovalenko": "Kowalenko",
    "Tkachenko": "Tkatschenko",
    "Kravchuk": "Krawtschuk",
    "Zhuk": "Schuk",
    "Kovalchuk": "Kowaltschuk",
    "Yaremchuk": "Jaremtschuk",
}
IN = [
    "Sharma Trading Company Pvt Ltd",
    "Mehta Engineering Company Pvt Ltd",
    "Iyer Textiles Company Ltd",
    "Okonkwo Haulage Company Ltd",
    "Chan Kee Trading Company Limited",
    "Banerjee Printing Company Pvt Ltd",
]
INITIALS = [
    ("B&G", "Foods"),
    ("A&M", "Logistics"),
    ("R&J", "Plumbing"),
    ("K&L", "Surveying"),
    ("T&S", "Joinery"),
    ("D&R", "Roofing"),
]
ACRO = [
    ("ABC", "Plumbing"),
    ("JKL", "Accounting"),
    ("MRC", "Engineering"),
    ("TSG", "Consulting"),
    ("PDQ", "Printing"),
]

HOMOPHONE = {
    "Reid": "Reed",
    "Thompson": "Thomson",
    "Stephens": "Stevens",
    "Gray": "Grey",
    "Clarke": "Clark",
    "Meyer": "Meier",
    "Whyte": "White",
    "Mathews": "Matthews",
    "Neill": "Neal",
    "Carlisle": "Carlyle",
    "Philips": "Phillips",
    "Smyth": "Smith",
    "Kaye": "Kay",
    "Geller": "Gellar",
    "Draper": "Drayper",
    "Brennan": "Brenan",
    "Hoffmann": "Hofmann",
    "Schreiber": "Schrieber",
    "Lehmann": "Leman",
    "Vogel": "Fogel",
    "Moreau": "Moro",
    "Girard": "Gerard",
}
TRADE_INFL = {
    "Plumbing": "Plumbers",
    "Accounting": "Accountants",
    "Electrical": "Electricians",
    "Engineering": "Engineers",
    "Roofing": "Roofers",
    "Landscaping": "Landscapers",
    "Consulting": "Consultants",
    "Architecture": "Architects",
    "Surveying": "Surveyors",
    "Printing": "Printers",
    "Optometry": "Optometrists",
    "Joinery": "Joiners",
    "Bakery": "Bakers",
    "Veterinary": "Vets",
    "Accountants": "Accountancy",
    "Architectes": "Architectura",
}
US_STATES = ["Delaware", "Texas", "California", "New York", "Florida", "Ohio", "Nevada"]
LOCAL_AND = {
    "DE": "und",
    "NL": "en",
    "FR": "et",
    "PT": "e",
    "CAT": "i",
    "US": "and",
    "UK": "and",
    "AU": "and",
}


def make_clients(rng, n):
    """n clients with canonical names; sibling groups included. Each client: dict."""
    out, seen = [], set()
    used_sur = set()

    def add(name, country, **kw):
        if name in seen:
            return False
        seen.add(name)
        out.append({"canonical": name, "country": country, **kw})
        return True

    def surname():
        for _ in range(50):
            s = rng.choice(US_SUR)
            if s not in used_sur or rng.random() < 0.15:
                used_sur.add(s)
                return s
        return rng.choice(US_SUR)

    # sibling groups first (about 12 % of clients)
    nsib = max(2, n // 16)
    kinds = ["stores", "dental", "family", "parent"]
    for i in range(nsib):
        k = kinds[i % 4]
        place = PLACES[(i * 7 + rng.randrange(len(PLACES))) % len(PLACES)]
        if k == "stores":
            base = f"{place} Bakery"
            nums = rng.sample(range(3, 40), 2)
            for s in nums:
                add(f"{base} - Store {s} Inc.", "US", sib=base)
        elif k == "dental":
            add(f"{place} Dental Group LLC", "US", sib=place + "d")
            add(f"{place} Dental Lab LLC", "US", sib=place + "d")
        elif k == "family":
            s = surname()
            add(f"{s} Holdings Pty Ltd", "AU", sib=s + "f")
            add(f"{s} Properties Pty Ltd", "AU", sib=s + "f")
        else:
            add(f"{place} Logistics Inc.", "US", sib=place + "p")
            add(f"{place} Logistics Canada Ltd", "US", sib=place + "p")
    gens = [
        "us",
        "us",
        "us",
        "uk",
        "au",
        "de",
        "fr",
        "nl",
        "cat",
        "pt",
        "is",
        "ua",
        "in",
        "initials",
        "acro",
        "place",
    ]
    guard = 0
    while len(out) < n and guard < 20000:
        guard += 1
        g = rng.choice(gens)
        if g == "us":
            s, t = surname(), rng.choice(TRADES)
            add(f"{s} {t} {rng.choice(['LLC', 'Inc.', 'Corp.'])}", "US")
        elif g == "uk":
            s, s2 = surname(), surname()
            if s != s2:
                add(f"{s} & {s2} {rng.choice(TRADES)} Ltd", "UK")
        elif g == "au":
            add(f"{surname()} {rng.choice(TRADES)} Pty Ltd", "AU")
        elif g == "de":
            s = rng.choice(DE_SUR)
            if rng.random() < 0.4:
                add(f"{s} & Partner {rng.choice(DE_TRADE)} GmbH", "DE")
            else:
                add(f"{s} {rng.choice(DE_TRADE)} GmbH", "DE")
        elif g == "fr":
            s = rng.choice(FR_SUR)
            if rng.random() < 0.4:
                add(f"Cabinet {s}", "FR")
            else:
                add(f"{s} {rng.choice(FR_TRADE)} {rng.choice(['SARL', 'SAS'])}", "FR")
        elif g == "nl":
            tv, s = rng.choice(NL)
            add(f"{tv.capitalize()} {s} {rng.choice(NL_TRADE)} B.V.", "NL")
        elif g == "cat":
            add(rng.choice(CAT), "CAT")
        elif g == "pt":
            a, part, b = rng.choice(PT)
            add(f"{a} {part} {b} {rng.choice(PT_TRADE)} Lda.", "PT")
        elif g == "is":
            add(rng.choice(IS), "IS")
        elif g == "ua":
            add(f"{rng.choice(UA)} {rng.choice(DE_TRADE)} GmbH", "DE")
        elif g == "in":
            add(rng.choice(IN), "IN")
        elif g == "initials":
            i, t = rng.choice(INITIALS)
            add(f"{i} {t} {rng.choice(['Inc.', 'LLC', 'Ltd'])}", "US")
        elif g == "acro":
            i, t = rng.choice(ACRO)
            add(f"{i} {t} {rng.choice(['Inc.', 'LLC'])}", "US")
        else:
            add(f"{rng.choice(PLACES)} {rng.choice(TRADES)} Group", "US")
    rng.shuffle(out)
    for i, c in enumerate(out):
        c["id"] = i
    return out


LEGAL = r"(,? (?:LLC|Inc\.|Corp\.|Ltd|Limited|Pty Ltd|GmbH|B\.V\.|SARL|SAS|Lda\.|S\.L\.P?\.|ehf\.|Pvt Ltd|Company Ltd|Company Limited))$"


def strip_legal(name):
    return re.sub(LEGAL, "", name).strip()


def domain_of(name):
    core = strip_legal(name).lower()
    core = core.replace("&", "and")
    for a, b in [
        ("ü", "u"),
        ("ö", "o"),
        ("ä", "a"),
        ("é", "e"),
        ("è", "e"),
        ("â", "a"),
        ("þ", "th"),
        ("ð", "d"),
        ("ó", "o"),
        ("á", "a"),
        ("í", "i"),
        ("·", ""),
        ("ç", "c"),
        ("ú", "u"),
    ]:
        core = core.replace(a, b)
    core = re.sub(r"[^a-z0-9]", "", core)
    return core


# ---- PSA-side client-name classes: fn(name, client, rng, fmt) -> new name or None ----


def c_ledger_no_dash_prefix(n, c, rng, fmt):
    return f"{10000 + c['id'] * 37 % 29000} - {n}"


def c_homophone_surname_swap(n, c, rng, fmt):
    for a, b in HOMOPHONE.items():
        if re.search(rf"\b{a}\b", n):
            return re.sub(rf"\b{a}\b", b, n, count=1)
    return None


def c_ua_translit_german_style(n, c, rng, fmt):
    for a, b in UA_DE.items():
        if n.startswith(a + " "):
            return b + n[len(a) :]
    return None


def c_local_language_and_word(n, c, rng, fmt):
    if " & " not in n or c.get("sib"):
        return None
    w = LOCAL_AND.get(c["country"])
    if not w:
        return None
    return n.replace(" & ", f" {w} ", 1)


def c_spaced_initials(n, c, rng, fmt):
    m = re.match(r"^([A-Z]{3}) ", n)
    if not m:
        return None
    return " ".join(m.group(1)) + n[3:]


def c_capital_social_tail(n, c, rng, fmt):
    if not re.search(r" (SARL|SAS)$", n):
        return None
    cap = rng.choice(["1 000", "7 500", "10 000", "37 000"])
    return f"{n} au capital de {cap} €"


def c_coy_for_company(n, c, rng, fmt):
    if " Company " not in n:
        return None
    return n.replace(" Company ", rng.choice([" Coy ", " Coy. "]), 1)


def c_incorporation_state_clause(n, c, rng, fmt):
    if c["country"] != "US" or not re.search(r" (LLC|Inc\.|Corp\.)$", n):
        return None
    st = US_STATES[c["id"] % len(US_STATES)]
    kind = "limited liability company" if n.endswith("LLC") else "corporation"
    art = "an" if st[0] in "AEIOU" else "a"
    return rng.choice([f"{n}, {art} {st} {kind}", f"{n} ({art} {st} {kind})"])


def c_lusophone_particle_dropped(n, c, rng, fmt):
    m = re.search(r" (dos|da|das|de|do) ", n)
    if c["country"] != "PT" or not m:
        return None
    return n.replace(m.group(0), " ", 1)


def c_catalan_middle_dot(n, c, rng, fmt):
    if "·" not in n:
        return None
    return n.replace("·", rng.choice([".", "-", ""]))


def c_fr_surname_caps(n, c, rng, fmt):
    if c["country"] != "FR":
        return None
    for s in FR_SUR:
        if s in n:
            return n.replace(s, s.upper(), 1)
    return None


def c_in_formation_tag(n, c, rng, fmt):
    if n.endswith(" GmbH"):
        return n + rng.choice([" i.G.", " i. G."])
    if n.endswith(" B.V."):
        return n + rng.choice([" i.o.", " i.o"])
    return None


def c_cw_company_identifier(n, c, rng, fmt):
    if not fmt.startswith("cw_"):
        return None
    core = strip_legal(n)
    core = re.sub(r"[^0-9A-Za-zÀ-ÿ]", "", core.replace("&", "And").title().replace(" ", ""))
    return core[:25]


def c_qbo_unique_display_suffix(n, c, rng, fmt):
    if not fmt.startswith(("qbo_", "xero_")):
        return None
    return n + rng.choice([" (Customer)", " - C", " (cust)"])


def c_trade_word_inflection(n, c, rng, fmt):
    for a, b in TRADE_INFL.items():
        if re.search(rf"\b{a}\b", n) and not c.get("sib"):
            return re.sub(rf"\b{a}\b", b, n, count=1)
    return None


def c_initials_amp_dropped(n, c, rng, fmt):
    m = re.match(r"^([A-Z])&([A-Z]) ", n)
    if not m:
        return None
    return m.group(1) + m.group(2) + n[3:]


def c_ehem_vormals_tag(n, c, rng, fmt):
    if not n.endswith(" GmbH"):
        return None
    first = n.split()[0]
    old = rng.choice([f"{first} & Sohn OHG", f"{first} KG", f"{first} GbR"])
    return rng.choice([f"{n} (vormals {old})", f"{n} – ehem. {old}"])


def c_thorn_eth_fold(n, c, rng, fmt):
    if c["country"] != "IS":
        return None
    t = n
    for a, b in [
        ("Þ", "Th"),
        ("þ", "th"),
        ("ð", "d"),
        ("Ð", "D"),
        ("ó", "o"),
        ("á", "a"),
        ("í", "i"),
        ("ö", "o"),
        ("ú", "u"),
        ("é", "e"),
        ("æ", "ae"),
    ]:
        t = t.replace(a, b)
    return t


PSA_NAME_CLASSES = {
    "ledger_no_dash_prefix": c_ledger_no_dash_prefix,
    "homophone_surname_swap": c_homophone_surname_swap,
    "ua_translit_german_style": c_ua_translit_german_style,
    "local_language_and_word": c_local_language_and_word,
    "spaced_initials": c_spaced_initials,
    "capital_social_tail": c_capital_social_tail,
    "coy_for_company": c_coy_for_company,
    "incorporation_state_clause": c_incorporation_state_clause,
    "lusophone_particle_dropped": c_lusophone_particle_dropped,
    "catalan_middle_dot": c_catalan_middle_dot,
    "fr_surname_caps": c_fr_surname_caps,
    "in_formation_tag": c_in_formation_tag,
    "cw_company_identifier": c_cw_company_identifier,
    "qbo_unique_display_suffix": c_qbo_unique_display_suffix,
    "trade_word_inflection": c_trade_word_inflection,
    "initials_amp_dropped": c_initials_amp_dropped,
    "ehem_vormals_tag": c_ehem_vormals_tag,
    "thorn_eth_fold": c_thorn_eth_fold,
}
# applied only as a last resort (every client name carries at least one class)
FALLBACK = "ledger_no_dash_prefix"


def psa_name(c, rng, fmt):
    """(name, classes) of the client on the PSA side."""
    name = c["canonical"]
    cands = [
        k
        for k, f in PSA_NAME_CLASSES.items()
        if k != FALLBACK and f(name, c, _Dummy(), fmt) is not None
    ]
    rng.shuffle(cands)
    # the format-bound classes are used on a share of the clients only
    for k in ("cw_company_identifier", "qbo_unique_display_suffix"):
        if k in cands and rng.random() > 0.3:
            cands.remove(k)
    chosen = []
    if cands:
        chosen.append(cands[0])
        if len(cands) > 1 and rng.random() < 0.3:
            chosen.append(cands[1])
    if not chosen or rng.random() < 0.12:
        chosen.append(FALLBACK)
    # cw_company_identifier glues the whole name: apply it last, alone with the fallback
    if "cw_company_identifier" in chosen:
        chosen = ["cw_company_identifier"]
    if "in_formation_tag" in chosen and "ehem_vormals_tag" in chosen:
        chosen.remove("ehem_vormals_tag")
    # the account-number prefix goes on last (other classes read the name's first word)
    order = [k for k in PSA_NAME_CLASSES if k in chosen and k != FALLBACK]
    order += [FALLBACK] if FALLBACK in chosen else []
    out = []
    for k in order:
        new = PSA_NAME_CLASSES[k](name, c, rng, fmt)
        if new is not None and new != name:
            name = new
            out.append(k)
    if not out:
        name = c_ledger_no_dash_prefix(name, c, rng, fmt)
        out.append(FALLBACK)
    return name, out


class _Dummy:
    """an rng stand-in used only to test whether a class applies"""

    def choice(self, seq):
        return seq[0]

    def random(self):
        return 0.5


# ---- vendor-side client names: the tenant's own names ----


def vendor_name(c, rng):
    """(name, classes, domain) of the client on the vendor side."""
    dom = domain_of(c["canonical"])[:26]
    domain = f"{dom}.onmicrosoft.com"
    r = rng.random()
    if r < 0.14:
        return f"{c['canonical']} ({dom}.com)", ["tenant_name_with_domain"], domain
    if r < 0.24:
        return dom, ["onmicrosoft_label_as_name"], domain
    return c["canonical"], [], domain
