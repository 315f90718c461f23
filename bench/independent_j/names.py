"""Customer names (many countries and legal forms) and the ways a PSA/accounting user types them."""

from __future__ import annotations

import random
from dataclasses import dataclass

# (country, legal forms as written on the vendor side, how a PSA user might expand them)
LEGAL = {
    "US": [
        ("LLC", "Limited Liability Company"),
        ("Inc.", "Incorporated"),
        ("Corp.", "Corporation"),
    ],
    "UK": [("Ltd", "Limited"), ("LLP", "Limited Liability Partnership"), ("Ltd", "Limited")],
    "AU": [("Pty Ltd", "Proprietary Limited")],
    "DE": [
        ("GmbH", "Gesellschaft mbH"),
        ("GmbH & Co. KG", "GmbH & Co KG"),
        ("AG", "Aktiengesellschaft"),
    ],
    "CH": [("AG", "Aktiengesellschaft"), ("GmbH", "G.m.b.H."), ("Sàrl", "S.à r.l.")],
    "NO": [("AS", "A/S")],
    "DK": [("ApS", "Anpartsselskab"), ("A/S", "Aktieselskab")],
    "SE": [("AB", "Aktiebolag")],
    "FI": [("Oy", "Osakeyhtiö")],
    "FR": [("SARL", "S.A.R.L."), ("SAS", "S.A.S.")],
    "ES": [("S.L.", "Sociedad Limitada")],
    "MX": [("S.A. de C.V.", "SA de CV")],
    "BR": [("Ltda.", "Limitada")],
    "NL": [("B.V.", "BV")],
    "PL": [("Sp. z o.o.", "Spółka z o.o.")],
    "HU": [("Kft.", "Korlátolt Felelősségű Társaság")],
    "IN": [("Pvt. Ltd.", "Private Limited")],
    "AE": [("FZ-LLC", "FZ LLC"), ("L.L.C.", "LLC")],
    "IS": [("ehf.", "einkahlutafélag")],
}

# suffix typos people make (and those that autocorrect makes)
SUFFIX_TYPOS = {
    "Ltd": ["Ltd.", "Lt", "LTD."],
    "Limited": ["Limietd", "Limted"],
    "LLC": ["L.L.C", "LLc", "Llc."],
    "Inc.": ["Inc", "Icn."],
    "Corp.": ["Corp", "Copr."],
    "Pty Ltd": ["Pty. Ltd.", "Pty Lt", "PTY LTD"],
    "GmbH": ["GmbH.", "Gmbh", "GmBH"],
    "GmbH & Co. KG": ["GmbH&Co.KG", "Gmbh & Co KG"],
    "AG": ["A.G.", "Ag"],
    "Sàrl": ["Sarl", "SARL"],
    "AS": ["A.S.", "As"],
    "ApS": ["Aps", "APS"],
    "A/S": ["AS", "A /S"],
    "AB": ["A.B.", "Ab"],
    "Oy": ["OY", "Oy."],
    "SARL": ["Sarl", "S.A.R.L"],
    "SAS": ["S.A.S", "Sas"],
    "S.L.": ["SL", "S.L"],
    "S.A. de C.V.": ["SA de CV", "S.A de C.V."],
    "Ltda.": ["Ltda", "LTDA"],
    "B.V.": ["BV", "B.V"],
    "Sp. z o.o.": ["Sp.z o.o.", "sp. z oo"],
    "Kft.": ["Kft", "KFT."],
    "Pvt. Ltd.": ["Pvt Ltd", "Pvt. Ltd", "Private Ltd"],
    "FZ-LLC": ["FZLLC", "FZ LLC"],
    "L.L.C.": ["LLC", "L.L.C"],
    "ehf.": ["ehf", "EHF"],
    "LLP": ["L.L.P.", "Llp"],
}

# distinctive stems; several carry letters NFKD does not fold (ø æ ß ł đ þ ı œ)
STEMS = {
    "US": [
        "Pinecrest",
        "Harborview",
        "Redwood Valley",
        "Copperline",
        "Bluegrass",
        "Stonebridge",
        "Lakeshore",
        "Ironwood",
        "Prairie Wind",
        "Cedar Hollow",
        "Silverleaf",
        "Brightwater",
        "Maple Ridge",
        "Granite Peak",
        "Oak Hollow",
        "Sunset Mesa",
        "Whitfield",
        "Kingsley",
    ],
    "UK": [
        "Thornbury",
        "Ashcombe",
        "Pembroke",
        "Wyvern",
        "Hartley & Moss",
        "Caldbeck",
        "Bramley",
        "Fenwick",
        "Oakhampton",
        "Kestrel",
        "Marlowe",
        "Bexley Heath",
    ],
    "AU": ["Wattle Creek", "Koala Bay", "Bondi Point", "Murray River", "Ironbark", "Kookaburra"],
    "DE": [
        "Müller & Söhne",
        "Weißenburg",
        "Straßberger",
        "Grünwald",
        "Rheinblick",
        "Lindenhof",
        "Eichberg",
        "Falkenstein",
    ],
    "CH": ["Zürichsee", "Bergblick", "Aaretal", "Säntis", "Rütli", "Jungfrau"],
    "NO": ["Bjørnstad", "Fjordlys", "Nordkapp", "Trollheim", "Sjøsiden", "Lillehøy"],
    "DK": ["Ærøskøbing", "Søholm", "Nørrebro", "Hvidøre", "Østerlund"],
    "SE": ["Ålandia", "Norrsken", "Fjällbacka", "Björkdal", "Vättern"],
    "FI": ["Järvenpää", "Kuusamo", "Pohjantähti", "Saimaa", "Lumikki"],
    "FR": ["Bellecour", "Côte d'Azur", "Montmartre", "Lumière", "Château Vert", "Œillet"],
    "ES": ["Peñalara", "Costa Brava", "Albaicín", "Mirador"],
    "MX": ["Cañón Azul", "Sierra Madre", "Mañana Verde", "Tulum"],
    "BR": ["Ipanema", "São Bento", "Cachoeira", "Araucária"],
    "NL": ["Zuiderzee", "Tulpenveld", "Oosterhout", "IJsselmeer"],
    "PL": ["Łódzka", "Wiśniowa", "Żabka Zdrój", "Białowieża", "Kraków Stare"],
    "HU": ["Győri", "Balatoni", "Kőbánya", "Tűzoltó", "Hajdú"],
    "IN": ["Shivalik", "Ganga Tech", "Malabar", "Deccan Star", "Kaveri"],
    "AE": ["Al Noor", "Desert Rose", "Palm Crescent", "Creek Side"],
    "IS": ["Þingvellir", "Hafnarfjörður", "Eyjafjörður"],
}

INDUSTRY = [
    "Dental",
    "Logistics",
    "Plumbing",
    "Architects",
    "Bakery",
    "Veterinary Clinic",
    "Consulting",
    "Legal",
    "Accounting",
    "Engineering",
    "Freight",
    "Pharmacy",
    "Roofing",
    "Print",
    "Marine",
    "Landscaping",
    "Property Management",
    "Financial Services",
    "Medical Centre",
    "Auto Repair",
    "Hotel",
    "Brewing",
    "Travel",
    "Associates",
    "International Trading",
    "Construction",
    "Insurance Brokers",
    "Electrical",
]

ABBREV = {
    "Management": ["Mgmt", "Mngmt", "Mgt."],
    "Services": ["Svcs", "Srvcs", "Servs"],
    "International": ["Intl", "Int'l", "Intnl"],
    "Associates": ["Assoc.", "Assocs"],
    "Financial": ["Fin.", "Finl"],
    "Medical": ["Med.", "Med"],
    "Engineering": ["Eng.", "Engg"],
    "Construction": ["Constr.", "Const"],
    "Insurance": ["Ins.", "Insur."],
    "Veterinary": ["Vet", "Vet."],
    "Accounting": ["Acctg", "Acct."],
    "Brokers": ["Brkrs"],
    "Electrical": ["Elec.", "Elect."],
    "Logistics": ["Logist.", "Log."],
    "Trading": ["Trdg"],
}

GENERIC = {"Centre", "Management", "Clinic", "Trading", "Services", "Brokers"}

# letters NFKD leaves alone (and the accents it folds)
FOLD = {
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "ß": "ss",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "þ": "th",
    "Þ": "Th",
    "ı": "i",
    "œ": "oe",
    "Œ": "Oe",
    "ð": "d",
    "é": "e",
    "ü": "u",
    "ö": "o",
    "ä": "a",
    "å": "a",
    "Å": "A",
    "ñ": "n",
    "ç": "c",
    "í": "i",
    "ó": "o",
    "ő": "o",
    "ű": "u",
    "ú": "u",
    "á": "a",
    "ã": "a",
    "ś": "s",
    "ń": "n",
    "ż": "z",
    "Ż": "Z",
    "è": "e",
    "ô": "o",
    "à": "a",
    "Ü": "U",
    "Ö": "O",
    "Ä": "A",
    "ò": "o",
    "ê": "e",
}
HARD_FOLD = set("øØæÆßłŁđþÞıœŒð")

FIRST = [
    "Maria",
    "Jonas",
    "Aisha",
    "Piotr",
    "Ingrid",
    "Mateo",
    "Sofia",
    "Liam",
    "Keiko",
    "Ravi",
    "Zoltán",
    "Astrid",
    "Nadia",
    "Oskar",
    "Camille",
]
LAST = [
    "Lopez",
    "Kowalski",
    "Haugen",
    "Nakamura",
    "Fischer",
    "Okafor",
    "Brennan",
    "Lindqvist",
    "Varga",
    "Moreau",
    "Patel",
    "Jensen",
    "Costa",
    "Novak",
    "Doyle",
]
SOLE = ["Physiotherapy", "Design Studio", "Bookkeeping", "Photography", "Tax Advisory"]

CHAINS = ["Quickmart", "FreshCo Grocers", "PetPalace", "Bean & Leaf Coffee", "AutoHaus Service"]
SIBLING_Q = [
    ("Group", "Lab"),
    ("Holdings", "Services"),
    ("North", "South"),
    ("Clinic", "Academy"),
    ("Retail", "Wholesale"),
]
TRADING = ["Pet Clinic", "Garden Centre", "Coffee Roasters", "Bike Shop", "Surf School", "Deli"]


@dataclass
class Customer:
    name: str  # canonical = the vendor bill's name
    country: str
    stem: str
    legal: str  # legal form as written on the vendor side ("" for sole traders)
    expanded: str
    kind: str  # company, sibling, store, sole, dba, twin
    trading: str = ""  # trading name (dba)
    person: tuple[str, str] = ("", "")
    code: str = ""


def make_customers(rng: random.Random, n: int) -> list[Customer]:
    """n distinct customers; siblings and numbered stores come in pairs that must never merge."""
    out: list[Customer] = []
    used: set[str] = set()
    countries = list(STEMS)

    def add(c: Customer) -> None:
        if c.name not in used:
            used.add(c.name)
            c.code = f"C{1000 + len(out) * 7 + rng.randrange(7)}"
            out.append(c)

    # the traps first: 2 sibling pairs, 1 store pair, 1-2 sole traders, 1 dba, per 60 clients
    per = max(1, n // 60)
    taken: set[str] = set()  # stems of the trap clients: each used by one trap only
    for i in range(per * 2):
        country = rng.choice(["US", "UK", "AU", "DE", "NO"])
        stem = rng.choice([s for s in STEMS[country] if s not in taken] or STEMS[country])
        taken.add(stem)
        industry = rng.choice(["Dental", "Medical", "Veterinary", "Print"])
        qa, qb = SIBLING_Q[(i + rng.randrange(5)) % len(SIBLING_Q)]
        legal, expanded = rng.choice(LEGAL[country])
        for q in (qa, qb):
            add(
                Customer(
                    f"{stem} {industry} {q} {legal}", country, stem, legal, expanded, "sibling"
                )
            )
    for _ in range(per):
        chain = rng.choice(CHAINS)
        a, b = rng.sample(range(3, 60), 2)
        for num in (a, b):
            add(Customer(f"{chain} Store {num}", "US", chain, "", "", "store"))
    for _ in range(per + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        add(
            Customer(
                f"{first} {last} {rng.choice(SOLE)}",
                "UK",
                last,
                "",
                "",
                "sole",
                person=(first, last),
            )
        )
    for _ in range(per):
        country = rng.choice(["US", "UK", "AU"])
        stem = rng.choice([s for s in STEMS[country] if s not in taken] or STEMS[country])
        taken.add(stem)
        legal, expanded = LEGAL[country][0]
        add(
            Customer(
                f"{stem} Holdings {legal}",
                country,
                stem,
                legal,
                expanded,
                "dba",
                trading=f"{stem} {rng.choice(TRADING)}",
            )
        )
    guard = 0
    all_stems = [(country, stem) for country in countries for stem in STEMS[country]]
    while len(out) < n and guard < n * 50:
        guard += 1
        country, stem = rng.choice(all_stems)
        industry = rng.choice(INDUSTRY)
        legal, expanded = rng.choice(LEGAL[country])
        name = f"{stem} {industry} {legal}"
        if any(c.stem == stem and c.kind != "company" for c in out):
            continue
        if any(c.name.startswith(f"{stem} {industry} ") for c in out):
            continue  # "Marlowe Travel Ltd" and "Marlowe Travel LLP" would differ by the form only
        add(Customer(name, country, stem, legal, expanded, "company"))
    n_left = n - len(out)
    k = 0
    while n_left > 0:  # when stems run out: numbered divisions (still distinct companies)
        k += 1
        country = rng.choice(countries)
        legal, expanded = rng.choice(LEGAL[country])
        name = f"{rng.choice(STEMS[country])} {rng.choice(INDUSTRY)} Division {k} {legal}"
        before = len(out)
        add(Customer(name, country, name.split(" Division")[0], legal, expanded, "company"))
        n_left -= len(out) - before
    rng.shuffle(out)
    return out


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    op = rng.randrange(3)
    if op == 0:  # swap
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 1:  # drop
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]  # double


def client_classes(c: Customer) -> list[str]:
    """The name classes that keep a careful person able to tell this client apart."""
    if c.kind == "sibling":
        return [
            "legal_suffix_typo",
            "legal_suffix_dropped",
            "all_caps",
            "code_glued",
            "case_punctuation",
        ]
    if c.kind == "store":
        return ["store_number_variant", "all_caps", "code_glued", "store_number_variant"]
    if c.kind == "sole":
        return ["surname_first", "surname_first", "all_caps"]
    if c.kind == "dba":
        return ["dba", "trading_name_only"]
    out = [
        "legal_suffix_typo",
        "legal_suffix_dropped",
        "legal_suffix_expanded",
        "typo",
        "all_caps",
        "case_punctuation",
        "branch_suffix",
        "code_glued",
        "truncated",
    ]
    if c.country in ("FR", "ES", "MX", "BR", "PL", "HU"):
        out.append("legal_form_first")
    if any(w in c.name for w in ABBREV):
        out += ["abbreviation", "abbreviation"]
    if any(ch in c.name for ch in FOLD):
        out += ["accent_fold", "accent_fold"]
    if "&" in c.name:
        out.append("ampersand")
    if c.legal and c.name[: -len(c.legal)].split()[-1] in GENERIC:
        out.append("generic_word_dropped")
    return out


def psa_name(rng: random.Random, c: Customer, cls: str) -> str:
    """The customer's name as typed in the PSA under class ``cls``."""
    n = c.name
    if cls == "legal_suffix_typo" and c.legal:
        return n[: -len(c.legal)] + rng.choice(SUFFIX_TYPOS.get(c.legal, [c.legal.upper()]))
    if cls == "legal_suffix_dropped" and c.legal:
        return n[: -len(c.legal)].rstrip(" ,")
    if cls == "legal_suffix_expanded" and c.legal:
        return n[: -len(c.legal)] + c.expanded
    if cls == "typo":
        words = n.split()
        idx = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
        if idx:
            i = rng.choice(idx)
            words[i] = _typo(rng, words[i])
            return " ".join(words)
    if cls == "all_caps":
        return n.upper()
    if cls == "case_punctuation":
        s = n.lower().replace(" & ", " & ")
        return s.replace(" ltd", ", ltd").replace(" llc", ", llc").replace(" inc.", ", inc")
    if cls == "branch_suffix":
        return n + rng.choice([" - Head Office", " (Main Office)", ", Downtown", " – HQ"])
    if cls == "code_glued":
        return rng.choice([f"{c.code} {n}", f"{c.code}-{n}", f"{n} [{c.code}]"])
    if cls == "truncated":
        limit = rng.choice([22, 25, 30])
        if len(n) > limit and len(n[:limit].split()) >= 2:
            return n[:limit]
        return n.upper()  # too short to be cut: falls back to capitals (class updated by caller)
    if cls == "legal_form_first" and c.legal:  # "SARL Bellecour Consulting"
        return c.legal + " " + n[: -len(c.legal)].rstrip()
    if cls == "abbreviation":
        for long, shorts in ABBREV.items():
            if long in n:
                return n.replace(long, rng.choice(shorts))
    if cls == "accent_fold":
        return "".join(FOLD.get(ch, ch) for ch in n)
    if cls == "ampersand":
        return n.replace("&", "and")
    if cls == "generic_word_dropped" and c.legal:  # "Koala Bay Medical Pty Ltd"
        words = n[: -len(c.legal)].split()
        return " ".join(words[:-1]) + " " + c.legal
    if cls == "store_number_variant":
        chain, num = n.rsplit(" Store ", 1)
        return rng.choice(
            [
                f"{chain} #{num}",
                f"{chain} No. {num}",
                f"{chain} Store {int(num):03d}",
                f"{chain} - Store #{num}",
            ]
        )
    if cls == "surname_first":
        first, last = c.person
        rest = n[len(first) + len(last) + 2 :]
        return f"{last}, {first} ({rest})" if rng.random() < 0.5 else f"{last}, {first} - {rest}"
    if cls == "dba":
        return f"{n} dba {c.trading}"
    if cls == "trading_name_only":
        return c.trading
    return n


def pick_client_class(rng: random.Random, c: Customer) -> tuple[str, str]:
    """(class, psa name): about a third of clients keep the vendor's spelling."""
    if c.kind in ("company",) and rng.random() < 0.3:
        return "", c.name
    cls = rng.choice(client_classes(c))
    name = psa_name(rng, c, cls)
    if cls == "truncated" and name == c.name.upper():
        cls = "all_caps"
    if name == c.name:
        return "", name
    return cls, name
