"""Client names of set L and the ways people retype client names and product descriptions."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

# ---------------------------------------------------------------- clients

COUNTRIES = {
    # code: (legal forms, surnames, place words)
    "US": (
        ["Inc", "LLC", "Corp", "PLLC", "P.C.", "Co"],
        [
            "Miller",
            "Carter",
            "Hughes",
            "Patel",
            "Nguyen",
            "Rivera",
            "O'Brien",
            "McAllister",
            "Delgado",
            "Whitaker",
            "Kowalski",
            "Barnes",
            "Okafor",
            "Lindgren",
            "Castellano",
        ],
        [
            "Harbor",
            "Northgate",
            "Riverside",
            "Summit",
            "Redwood",
            "Lakeside",
            "Pinecrest",
            "Granite",
            "Silver Creek",
            "Meridian",
            "Bayview",
            "Prairie",
            "Cedar Ridge",
        ],
    ),
    "CA": (
        ["Inc.", "Ltd.", "Corp.", "ULC"],
        ["Tremblay", "Gagnon", "Côté", "Bouchard", "MacLeod", "Fraser", "Lévesque", "Singh"],
        ["Maple Leaf", "Fundy", "Laurentian", "Rideau", "Okanagan", "Muskoka"],
    ),
    "GB": (
        ["Ltd", "Limited", "LLP", "plc"],
        [
            "Whitfield",
            "Ashworth",
            "Pemberton",
            "Hargreaves",
            "Oduya",
            "Llewellyn",
            "Thornbury",
            "Khan",
        ],
        ["Thames", "Pennine", "Cotswold", "Severn", "Kingsway", "Wessex", "Mersey"],
    ),
    "IE": (
        ["Ltd", "Limited", "DAC", "Unlimited Company"],
        ["Ó Briain", "Fitzgerald", "Byrne", "Kavanagh", "Ní Bhriain", "Doyle"],
        ["Liffey", "Shannon", "Wicklow", "Connacht"],
    ),
    "AU": (
        ["Pty Ltd", "Pty. Ltd.", "Limited"],
        ["Fitzroy", "Kowalczyk", "Nguyen", "Papadopoulos", "Henderson", "O'Sullivan", "Tran"],
        ["Bluegum", "Ironbark", "Coral Coast", "Wattle", "Southern Cross", "Murray", "Kookaburra"],
    ),
    "NZ": (
        ["Limited", "Ltd"],
        ["Ngata", "Wētā", "Harrington", "McKenzie"],
        ["Tasman", "Kauri", "Rangitoto"],
    ),
    "DE": (
        ["GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG (haftungsbeschränkt)"],
        ["Müller", "Schröder", "Weiß", "Groß", "Köhler", "Straßburger", "Bäcker", "Fuchs"],
        ["Rheintal", "Nordstern", "Schwarzwald", "Isar", "Alster"],
    ),
    "DK": (
        ["ApS", "A/S", "I/S"],
        ["Sørensen", "Bækgaard", "Møller", "Kjær", "Løkke", "Ærø"],
        ["Fjordhavn", "Kløverhøj", "Nørrebro", "Vestkyst"],
    ),
    "NO": (
        ["AS", "ASA", "ENK"],
        ["Ødegaard", "Løvdal", "Bjørnstad", "Hægeland", "Sæther"],
        ["Fjellheim", "Nordlys", "Trøndelag", "Vestland"],
    ),
    "SE": (
        ["AB", "HB"],
        ["Åberg", "Öhman", "Lindqvist", "Sjöberg", "Ekström"],
        ["Skärgård", "Norrland", "Mälaren"],
    ),
    "FR": (
        ["SARL", "SAS", "SA", "EURL"],
        ["Lefèvre", "Dupré", "Chênevert", "Béranger", "Moreau"],
        ["Côte d'Azur", "Val-de-Loire", "Bretagne", "Étoile"],
    ),
    "NL": (
        ["B.V.", "N.V.", "V.O.F."],
        ["de Vries", "van der Berg", "Jansen", "Bakker", "Visser"],
        ["Zuiderzee", "Noordkaap", "Delta", "Polder"],
    ),
}

REGION_COUNTRIES = {
    "us": ["US"] * 7 + ["CA"] * 2 + ["GB", "IE", "DE"],
    "ca": ["CA"] * 6 + ["US"] * 3 + ["FR"],
    "uk": ["GB"] * 6 + ["IE"] * 2 + ["DE", "NL", "FR"],
    "au": ["AU"] * 7 + ["NZ"] * 2 + ["GB"],
    "eu": ["DK", "NO", "SE", "DE", "NL", "FR", "DE", "DK", "GB"],
    "mixed": ["US", "GB", "AU", "DE", "DK", "NO", "SE", "FR", "NL", "CA", "IE", "NZ"],
}

INDUSTRIES = [
    # industry words, generic words (last word), siblings alternative generic
    (["Dental"], ["Group", "Clinic", "Care", "Studio"], ["Group", "Lab"]),
    (["Law"], ["Partners", "Chambers", "Group"], ["Partners", "Trust"]),
    (["Accounting"], ["Services", "Partners", "Associates"], ["Services", "Payroll"]),
    (["Property"], ["Management", "Holdings"], ["Management", "Developments"]),
    (["Engineering"], ["Consultants", "Services"], ["Consultants", "Fabrication"]),
    (["Logistics"], ["Solutions", "Group"], ["Group", "Freight"]),
    (["Veterinary"], ["Hospital", "Clinic"], ["Hospital", "Pharmacy"]),
    (["Construction"], ["Company", "Builders"], ["Builders", "Plant Hire"]),
    (["Financial"], ["Advisors", "Services", "Planning"], ["Advisors", "Insurance"]),
    (["Physiotherapy"], ["Clinic", "Centre"], ["Clinic", "Sports Lab"]),
    (["Architecture"], ["Studio", "Associates"], ["Studio", "Interiors"]),
    (["Medical"], ["Centre", "Practice"], ["Centre", "Imaging"]),
    (["Marketing"], ["Agency", "Group"], ["Agency", "Digital"]),
    (["Insurance"], ["Brokers", "Agency"], ["Brokers", "Claims"]),
    (["Plumbing"], ["Services", "Company"], ["Services", "Supplies"]),
    (["Electrical"], ["Contractors", "Services"], ["Contractors", "Wholesale"]),
]

CHAINS = [
    "Kwik Stop",
    "Coastal Pharmacy",
    "Green Basket",
    "Bean There Coffee",
    "FreshMart",
    "Quick Lube",
    "Sunny Side Bakery",
    "Pet Pantry",
    "Northside Tyres",
    "Bäckerei Groß",
]

TRADING = [
    "Seaside Café",
    "The Daily Grind",
    "Blue Door Bistro",
    "Smile Bright",
    "Paws & Claws",
    "Zenith Fitness",
    "Urban Sprout",
    "Little Acorns Childcare",
    "Crown & Anchor",
    "Hair by Zoë",
    "Fjordlys Kaffebar",
    "Brightside Optometry",
    "Tinker & Bolt",
    "Bloom Florist",
    "Café Møllen",
    "Harbour Lights Motel",
    "Two Hands Bakehouse",
    "Grünwald Apotheke",
    "Kindred Yoga",
    "Iron & Oak Barbers",
    "Saltwater Surf School",
    "Bücherwurm Buchhandlung",
    "Nordic Nest Interiors",
    "Copper Kettle Tearooms",
    "Peak Physio",
    "Wildflower Weddings",
    "Sørlandet Sushi",
    "Mad Hatter Toys",
    "Lumen Eye Care",
    "Old Mill Brewery",
    "Clearwater Pools",
    "Bright Futures Tutoring",
]

GENERIC_WORDS = {
    "Group",
    "Services",
    "Holdings",
    "Company",
    "Clinic",
    "Associates",
    "Partners",
    "Solutions",
    "Centre",
    "Practice",
    "Agency",
    "Consultants",
    "Studio",
    "Care",
    "Management",
}


@dataclass
class Client:
    name: str  # canonical (the vendor's legal name)
    country: str
    legal: str
    core: str  # name without legal form
    protected: set = field(default_factory=set)  # words that keep siblings apart
    trading: str = ""  # dba name
    domain: str = ""
    store: str = ""  # store number as digits
    chain: str = ""
    has_sibling: bool = False
    kind: str = "plain"


def _slug(s: str) -> str:
    s = unicodedata.normalize(
        "NFKD",
        s.replace("ø", "o")
        .replace("æ", "ae")
        .replace("ß", "ss")
        .replace("Ø", "O")
        .replace("Æ", "AE"),
    )
    return re.sub(r"[^a-z0-9]", "", s.encode("ascii", "ignore").decode().lower())[:22]


def make_clients(rng: random.Random, n: int, region: str) -> list[Client]:
    out: list[Client] = []
    used: set[str] = set()
    countries = REGION_COUNTRIES[region]

    def add(c: Client) -> bool:
        if c.name.lower() in used or c.core.lower() in used:
            return False
        used.add(c.name.lower())
        used.add(c.core.lower())
        base = _slug(c.trading or c.core)
        dom = base
        k = 2
        while any(x.domain.startswith(dom + ".") for x in out):
            dom = f"{base}{k}"
            k += 1
        c.domain = f"{dom}.onmicrosoft.com"
        out.append(c)
        return True

    guard = 0
    trading_used: set = set()
    while len(out) < n and guard < n * 50:
        guard += 1
        cc = rng.choice(countries)
        legals, surnames, places = COUNTRIES[cc]
        legal = rng.choice(legals)
        r = rng.random()
        ind, gens, sib = rng.choice(INDUSTRIES)
        if r < 0.10 and n - len(out) >= 3:
            # numbered sites of one chain
            chain = rng.choice(CHAINS)
            nums = rng.sample(range(2, 48), rng.choice([2, 3]))
            for num in nums:
                core = f"{chain} Store {num}"
                c = Client(
                    f"{core} {legal}",
                    cc,
                    legal,
                    core,
                    {str(num)},
                    store=str(num),
                    chain=chain,
                    has_sibling=True,
                    kind="store",
                )
                add(c)
        elif r < 0.18 and n - len(out) >= 2:
            # siblings: same stem, different last word
            stem = f"{rng.choice(places)} {ind[0]}"
            for g in sib:
                core = f"{stem} {g}"
                add(
                    Client(
                        f"{core} {legal}",
                        cc,
                        legal,
                        core,
                        set(g.split()),
                        has_sibling=True,
                        kind="sibling",
                    )
                )
        elif r < 0.24 and n - len(out) >= 2:
            # near twins: one word differs by a letter or a word
            sur = rng.choice(surnames)
            a = f"{sur} {ind[0]} {gens[0]}"
            b = (
                f"{sur} & Sons {ind[0]} {gens[0]}"
                if rng.random() < 0.5
                else f"{sur}s {ind[0]} {gens[0]}"
            )
            add(Client(f"{a} {legal}", cc, legal, a, {sur}, has_sibling=True, kind="twin"))
            add(
                Client(
                    f"{b} {legal}", cc, legal, b, set(b.split()[:2]), has_sibling=True, kind="twin"
                )
            )
        else:
            style = rng.random()
            if style < 0.35:
                core = f"{rng.choice(surnames)} {ind[0]} {rng.choice(gens)}"
            elif style < 0.6:
                core = f"{rng.choice(places)} {ind[0]} {rng.choice(gens)}"
            elif style < 0.75:
                s1, s2 = rng.sample(surnames, 2)
                core = f"{s1} & {s2} {ind[0]}"
            elif style < 0.85:
                core = f"The {rng.choice(places)} {ind[0]} {rng.choice(gens)}"
            else:
                core = f"{rng.choice(places)} {rng.choice(['Holdings', 'Enterprises', 'Ventures'])}"
            c = Client(f"{core} {legal}", cc, legal, core)
            free = [t for t in TRADING if t not in trading_used]
            if free and rng.random() < (
                0.5 if core.endswith(("Holdings", "Enterprises", "Ventures")) else 0.03
            ):
                c.trading = rng.choice(free)
                c.kind = "dba"
            if add(c) and c.trading:
                trading_used.add(c.trading)
    return out[:n]


# ---------------------------------------------------------------- typing helpers

KEYBOARD = {
    "a": "sqz",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "q": "w",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "x": "zc",
    "y": "tu",
    "z": "x",
}


def typo_word(rng: random.Random, w: str) -> str:
    if len(w) < 4 or not w.isalpha():
        return w
    i = rng.randrange(1, len(w) - 1)
    op = rng.choice(["swap", "drop", "double", "near"])
    if op == "swap":
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :] if w[i] != w[i + 1] else w[:i] + w[i + 1 :]
    if op == "drop":
        return w[:i] + w[i + 1 :]
    if op == "double":
        return w[:i] + w[i] + w[i:]
    ch = w[i].lower()
    rep = rng.choice(KEYBOARD.get(ch, ch))
    return w[:i] + (rep.upper() if w[i].isupper() else rep) + w[i + 1 :]


def typo_in(rng: random.Random, text: str, avoid: set | None = None) -> str:
    words = text.split(" ")
    idx = [
        i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha() and not (avoid and w in avoid)
    ]
    if not idx:
        return text
    i = rng.choice(idx)
    new = typo_word(rng, words[i])
    if new == words[i]:
        new = words[i][:-1]
    words[i] = new
    return " ".join(words)


FOLD = {
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "ß": "ss",
    "å": "a",
    "Å": "A",
    "ä": "a",
    "ö": "o",
    "ü": "u",
    "Ä": "A",
    "Ö": "O",
    "Ü": "U",
    "é": "e",
    "è": "e",
    "ê": "e",
    "ô": "o",
    "ē": "e",
    "Ó": "O",
    "í": "i",
    "ç": "c",
    "É": "E",
    "ë": "e",
    "ā": "a",
}
FOLD2 = {
    "ø": "oe",
    "Ø": "Oe",
    "æ": "ae",
    "ß": "ss",
    "å": "aa",
    "Å": "Aa",
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
}


def fold(text: str, rng: random.Random) -> str:
    table = FOLD2 if rng.random() < 0.4 else FOLD
    return "".join(table.get(ch, FOLD.get(ch, ch)) for ch in text)


def mojibake(text: str) -> str:
    try:
        return text.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return text.encode("utf-8").decode("latin-1")


def has_accent(text: str) -> bool:
    return any(ord(c) > 127 for c in text)


# ---------------------------------------------------------------- client-name perturbations

SUFFIX_TYPO = {
    "Limited": ["Limietd", "Limted", "Limitd", "Ltd."],
    "Ltd": ["Ldt", "Lt", "Ltd,"],
    "Ltd.": ["Ltd", "Ldt."],
    "Inc": ["Icn", "Inc,", "Inc.."],
    "Inc.": ["Inc", "Icn."],
    "LLC": ["LCC", "L.L.C", "LLc"],
    "Corp": ["Crop", "Corp,"],
    "Corp.": ["Corp", "Crop."],
    "Co": ["Co.", "C0"],
    "PLLC": ["PLC", "P.L.L.C."],
    "P.C.": ["PC", "P.C"],
    "Pty Ltd": ["Pty Lt", "PTY. LTD", "Pyt Ltd", "Pty Ltd."],
    "Pty. Ltd.": ["Pty Ltd", "Pty. Ldt."],
    "GmbH": ["Gmbh", "GmbH.", "GMBH", "GbmH"],
    "GmbH & Co. KG": ["GmbH & Co KG", "GmbH&Co.KG", "Gmbh & Co. KG"],
    "AG": ["A.G.", "Ag"],
    "e.K.": ["eK", "e.K"],
    "UG (haftungsbeschränkt)": ["UG (haftungsbeschraenkt)", "UG (haftungsbeschr.)", "UG"],
    "ApS": ["Aps", "APS", "Ap.S."],
    "A/S": ["AS", "A/S."],
    "I/S": ["IS"],
    "AS": ["A/S", "As"],
    "ASA": ["Asa"],
    "ENK": ["Enk"],
    "AB": ["Ab", "A.B."],
    "HB": ["Hb"],
    "SARL": ["S.A.R.L.", "Sarl", "SARL."],
    "SAS": ["S.A.S.", "Sas"],
    "SA": ["S.A."],
    "EURL": ["E.U.R.L."],
    "B.V.": ["BV", "B.V", "Bv"],
    "N.V.": ["NV"],
    "V.O.F.": ["VOF", "vof"],
    "LLP": ["L.L.P.", "LPP"],
    "plc": ["PLC", "Plc", "p.l.c."],
    "DAC": ["D.A.C."],
    "ULC": ["U.L.C."],
    "Unlimited Company": ["Unlimted Company", "Unltd Co"],
}
SUFFIX_EXPAND = {
    "Ltd": "Limited",
    "Ltd.": "Limited",
    "Limited": "Ltd",
    "Inc": "Incorporated",
    "Inc.": "Incorporated",
    "LLC": "Limited Liability Company",
    "Corp": "Corporation",
    "Corp.": "Corporation",
    "Co": "Company",
    "Pty Ltd": "Proprietary Limited",
    "Pty. Ltd.": "Proprietary Limited",
    "GmbH": "Gesellschaft mbH",
    "AG": "Aktiengesellschaft",
    "AB": "Aktiebolag",
    "AS": "Aksjeselskap",
    "ApS": "Anpartsselskab",
    "A/S": "Aktieselskab",
    "SARL": "Société à responsabilité limitée",
    "B.V.": "Besloten Vennootschap",
    "plc": "Public Limited Company",
    "LLP": "Limited Liability Partnership",
    "PLLC": "Professional LLC",
    "P.C.": "Professional Corporation",
    "SAS": "Société par actions simplifiée",
}
WORD_ABBR = {
    "Management": ["Mgmt", "Mngmt", "Mgt", "Mgmnt"],
    "Services": ["Svcs", "Scvs", "Srvcs", "Servs"],
    "Associates": ["Assoc", "Assocs", "Asscs"],
    "Engineering": ["Eng", "Engg", "Engnrg"],
    "Accounting": ["Acctg", "Accntg", "Acct"],
    "Consultants": ["Consult.", "Cnsltnts"],
    "Construction": ["Constr", "Const."],
    "Financial": ["Fin", "Finl", "Fncl"],
    "Physiotherapy": ["Physio"],
    "Veterinary": ["Vet", "Veterin."],
    "Medical": ["Med", "Med."],
    "Insurance": ["Ins", "Insur."],
    "Property": ["Prop", "Ppty"],
    "Logistics": ["Logist."],
    "Architecture": ["Arch", "Archit."],
    "Partners": ["Ptnrs", "Prtnrs"],
    "Company": ["Co", "Co."],
    "Centre": ["Ctr", "Cntr"],
    "Holdings": ["Hldgs"],
    "Contractors": ["Contr."],
    "Electrical": ["Elec", "Electl"],
    "Plumbing": ["Plmbg"],
    "Enterprises": ["Ent"],
    "Solutions": ["Sol", "Solns"],
    "Advisors": ["Advsrs", "Adv."],
    "Hospital": ["Hosp"],
    "Brokers": ["Brkrs"],
    "Pharmacy": ["Pharm", "Phcy"],
    "Developments": ["Dev", "Devs"],
    "Marketing": ["Mktg"],
}
BRANCH = [
    " - Downtown",
    " (Main Office)",
    " - HQ",
    " – Head Office",
    " (Billing)",
    ": Main Site",
    " - Central",
    " (Accounts Payable)",
]
STORE_FORMS = [
    "#{n}",
    "Store #{n}",
    "No. {n}",
    "Store {n:03d}",
    "St. {n}",
    "- {n}",
    "(Store {n})",
    "Shop {n}",
    "Nr. {n}",
]


def perturb_client(
    rng: random.Random, c: Client, fmt: str, strong: bool = True
) -> tuple[str, list[str]]:
    """The PSA's spelling of a client and the classes applied.

    ``strong``: the client shares at least two products with the vendor bill, so its basket can vouch
    for a name that no longer resembles the legal name (a trading name on its own)."""
    if rng.random() < 0.28 and not c.trading:
        return c.name, []
    core, legal = c.core, c.legal
    classes: list[str] = []
    options = [
        "suffix_typo",
        "suffix_expanded",
        "suffix_dropped",
        "word_abbrev",
        "case_punct",
        "client_typo",
        "ampersand",
        "whitespace",
        "word_order",
    ]
    if has_accent(c.name):
        options += ["accent_fold"] * 4 + ["mojibake"]
    if not c.has_sibling:
        options += ["generic_dropped", "branch_suffix", "branch_suffix", "contact_note"]
    if c.store:
        options += ["store_number"] * 5
        if fmt == "qbo":
            options += ["subcustomer_path"] * 3
    words = [w for w in c.core.split() if w[:1].isalpha() and w != "The"]
    if strong and not c.has_sibling and len(words) >= 3:
        options += ["acronym"]
    if c.trading:
        options = ["dba"]
    n = 1 if rng.random() < 0.7 else 2
    chosen: list[str] = []
    for _ in range(n):
        o = rng.choice(options)
        if o not in chosen:
            chosen.append(o)
    # order: structural first, cosmetic last
    order = [
        "dba",
        "acronym",
        "store_number",
        "subcustomer_path",
        "generic_dropped",
        "word_abbrev",
        "word_order",
        "ampersand",
        "client_typo",
        "branch_suffix",
        "contact_note",
        "suffix_typo",
        "suffix_expanded",
        "suffix_dropped",
        "accent_fold",
        "mojibake",
        "case_punct",
        "whitespace",
    ]
    chosen.sort(key=order.index)
    prefix = ""
    tail = ""
    for o in chosen:
        before = (prefix, core, legal, tail)
        if o == "dba":
            form = rng.random()
            if form < 0.4 and not strong:
                form = 0.5
            if form < 0.4:
                core, legal = c.trading, ""
            elif form < 0.7:
                tail = f" dba {c.trading}"
            elif form < 0.85:
                core, legal = f"{c.trading} ({c.core})", ""
            else:
                tail = f" t/a {c.trading}"
        elif o == "acronym":
            ini = "".join(w[0].upper() for w in words)
            form = rng.random()
            core = (
                ini if form < 0.4 else ".".join(ini) + "." if form < 0.6 else f"{ini} {words[-1]}"
            )
        elif o == "store_number":
            n_ = int(c.store)
            form = rng.choice(STORE_FORMS)
            core = core.replace(f"Store {c.store}", form.format(n=n_))
        elif o == "subcustomer_path":
            prefix = f"{c.chain} Group:"
        elif o == "generic_dropped":
            words = core.split()
            idx = [
                i
                for i, w in enumerate(words)
                if w in GENERIC_WORDS and i > 0 and w not in c.protected
            ]
            if idx:
                del words[rng.choice(idx)]
                core = " ".join(words)
        elif o == "word_abbrev":
            words = core.split()
            idx = [i for i, w in enumerate(words) if w in WORD_ABBR and w not in c.protected]
            if idx:
                i = rng.choice(idx)
                words[i] = rng.choice(WORD_ABBR[words[i]])
                core = " ".join(words)
        elif o == "word_order":
            if core.startswith("The "):
                core = core[4:] + ", The"
            elif " & " in core and " & Sons" not in core:
                a, b = core.split(" & ", 1)
                bw = b.split()
                core = f"{bw[0]} & {a} {' '.join(bw[1:])}".strip()
            else:
                pass
        elif o == "ampersand":
            if " & " in core:
                core = core.replace(" & ", rng.choice([" and ", " + ", "&", " And "]), 1)
            elif " and " in core:
                core = core.replace(" and ", " & ")
        elif o == "client_typo":
            core = typo_in(rng, core, avoid=c.protected | GENERIC_WORDS)
        elif o == "branch_suffix":
            tail += rng.choice(BRANCH)
        elif o == "contact_note":
            tail += rng.choice(
                [" (attn: Accounts)", " - c/o Finance Dept", " [do not email]", " / AP"]
            )
        elif o == "suffix_typo" and legal in SUFFIX_TYPO:
            legal = rng.choice(SUFFIX_TYPO[legal])
        elif o == "suffix_expanded" and legal in SUFFIX_EXPAND:
            legal = SUFFIX_EXPAND[legal]
        elif o == "suffix_dropped" and legal:
            legal = ""
        elif o == "accent_fold":
            core = fold(core, rng)
            tail = fold(tail, rng)
        elif o == "mojibake":
            core = mojibake(core)
        elif o == "case_punct":
            form = rng.random()
            if form < 0.35:
                core, legal, tail = core.upper(), legal.upper(), tail.upper()
            elif form < 0.55:
                core, legal = core.lower(), legal.lower()
            elif form < 0.8 and legal:
                legal = ", " + legal
                core = core
            else:
                core = core.replace("'", "").replace(".", "").replace("-", " ")
                legal = legal.replace(".", "")
        elif o == "whitespace":
            core = core.replace(" ", "  ", 1) + rng.choice([" ", "\u00a0", ""])
        if (prefix, core, legal, tail) != before:
            classes.append(o)
    if legal.startswith(", "):
        name = f"{prefix}{core}{legal}{tail}"
    else:
        name = f"{prefix}{core}{(' ' + legal) if legal else ''}{tail}"
    if name == c.name:
        classes = []
    return name, classes


# ---------------------------------------------------------------- product-description perturbations

BILLING_WORDS = [
    " - per user",
    " Monthly Subscription",
    " Licence",
    " License",
    " (per seat)",
    " - Monthly",
    " /user/month",
    " Subscription",
    " - User Licence",
    " Lic.",
    " seats",
    " (NCE)",
    " NCE 1YR",
    " - annual commitment",
    " M2M",
    " - Recurring",
    " x users",
]
LOCAL_WORDS = {
    "DE": [" Lizenz", " Lizenz monatlich", " (Abo)", " pro Benutzer"],
    "DK": [" licens", " pr. bruger", " abonnement"],
    "NO": [" lisens", " per bruker", " abonnement"],
    "SE": [" licens", " per användare", " abonnemang"],
    "FR": [" licence mensuelle", " par utilisateur", " abonnement"],
    "NL": [" licentie", " per gebruiker"],
}
ABBR_TYPO = {
    "M365": ["M356", "M36", "MS356"],
    "O365": ["O356", "0365"],
    "Business": ["Busines", "Buisness", "Bussiness"],
    "Premium": ["Premuim", "Prem.", "Premum"],
    "Standard": ["Standrad", "Std."],
    "Exchange": ["Exhange", "Exch."],
    "Online": ["Onlne", "Onl."],
    "Security": ["Secruity", "Sec."],
    "Defender": ["Defendr", "Def."],
    "Microsoft": ["Microsfot", "Mircosoft", "Micro soft"],
    "Archiving": ["Archving", "Arch."],
    "Bus": ["Bsu"],
    "Prem": ["Prm"],
    "Std": ["Stnd"],
}
DISCRIM = re.compile(
    r"\b(?:[EFPA]\d|Plan\s?\d|Pln\s?\d|Basic|Standard|Std|Premium|Prem|Security|Sec|Compliance|"
    r"Teams|Essentials|Ess|Phone|Archiving|Business|Bus|BP|BB|BS|Pro|Complete|Gold|Core|Apps|LT|"
    r"Conferencing|Copilot|Visio|Project|Entra|Defender|Exchange|Online|no|NT)\b",
    re.I,
)
TOKENS = [" $MONTH $YEAR", " ($STARTDATE - $ENDDATE)", " for $MONTHNAME", " [$PERIOD]"]


@dataclass
class DescCtx:
    product: object  # catalog.Product
    client_concepts: dict  # concept -> number of the client's products carrying it
    country: str
    qty: int
    price_str: str
    currency_sym: str
    fmt: str
    in_vendor: bool = True  # the vendor bills this product to this client (context exists)


def perturb_product(rng: random.Random, ctx: DescCtx) -> tuple[str, list[str]]:
    p = ctx.product
    name = p.name
    if rng.random() < 0.22:
        return name, []

    def usable(pairs):
        # a short or in-house name is fair only where the client's vendor products make it unique
        if not ctx.in_vendor:
            return []
        return [s for s, concept in pairs if ctx.client_concepts.get(concept, 0) == 1]

    base_opts = {
        "abbreviation": list(p.abbr),
        "bare_plan": usable(p.bare),
        "renamed": list(p.renamed),
        "in_house": usable(p.inhouse),
        "glued": list(p.glued),
        "brand_dropped": [p.brandless] if p.brandless else [],
        "sku_code": [
            x
            for x in (
                p.pc_id,
                p.pc_id.split(":")[0] + " - A/M" if p.pc_id else "",
                p.string_id,
                p.part,
            )
            if x
        ],
    }
    base_opts = {k: v for k, v in base_opts.items() if v}
    weights = {
        "abbreviation": 5,
        "bare_plan": 3,
        "renamed": 3,
        "in_house": 3,
        "glued": 1,
        "brand_dropped": 3,
        "sku_code": 1,
    }
    classes: list[str] = []
    if rng.random() < 0.72 and base_opts:
        keys = sorted(base_opts)
        k = rng.choices(keys, weights=[weights[x] for x in keys])[0]
        name = rng.choice(base_opts[k])
        classes.append(k)
    # surface edits
    surface = [
        "typo",
        "billing_words",
        "case_punct",
        "truncated",
        "price_in_desc",
        "date_in_desc",
        "qty_in_desc",
        "word_order",
        "abbrev_typo",
        "vendor_tag",
        "user_site_note",
    ]
    if ctx.country in LOCAL_WORDS:
        surface += ["localized"] * 3
    if ctx.fmt == "halo":
        surface += ["template_token"] * 3
    n = rng.choice([0, 1, 1, 1, 2]) if classes else rng.choice([1, 1, 2])
    for o in rng.sample(surface, n):
        before = name
        if o == "typo":
            name = typo_in(rng, name)
        elif o == "abbrev_typo":
            words = name.split()
            idx = [i for i, w in enumerate(words) if w in ABBR_TYPO]
            if idx:
                i = rng.choice(idx)
                words[i] = rng.choice(ABBR_TYPO[words[i]])
                name = " ".join(words)
        elif o == "billing_words":
            name = name + rng.choice(BILLING_WORDS)
        elif o == "localized":
            name = name + rng.choice(LOCAL_WORDS[ctx.country])
        elif o == "case_punct":
            f = rng.random()
            if f < 0.4:
                name = name.upper()
            elif f < 0.6:
                name = name.lower()
            else:
                name = (
                    name.replace(" (", " - ")
                    .replace(")", "")
                    .replace(" ", rng.choice(["-", " ", "_"]), 1)
                )
        elif o == "truncated":
            # a cut that still names one product only (never "Microsoft 365 Busine", never a whole other name)
            from .catalog import ALL as _ALL

            others = [q.name.lower() for q in _ALL.values() if q.key != p.key]
            need = (
                0  # keep the last word that tells look-alikes apart, at least its first 4 letters
            )
            for m in DISCRIM.finditer(name):
                need = m.start() + min(len(m.group(0)), 4)
            cuts = [name[:n].rstrip() for n in (20, 24, 28, 30) if len(name) > n + 2 and n >= need]
            cuts = [x for x in cuts if not any(o_.startswith(x.lower()) for o_ in others)]
            if cuts:
                name = rng.choice(cuts)
        elif o == "price_in_desc":
            name = f"{name} @ {ctx.currency_sym}{ctx.price_str}" + rng.choice(
                ["", "/user", " ea", " p/u/m"]
            )
        elif o == "date_in_desc":
            name = name + rng.choice(
                [
                    " (Nov 2026)",
                    " 01/11/2026-30/11/2026",
                    " - November 2026",
                    " 11/1/26 - 11/30/26",
                    " Nov-26",
                    " [2026-11]",
                ]
            )
        elif o == "qty_in_desc":
            name = rng.choice(
                [f"{ctx.qty} x {name}", f"{name} x{ctx.qty}", f"{name} ({ctx.qty} users)"]
            )
        elif o == "word_order":
            words = name.split()
            if len(words) >= 3:
                name = " ".join([*words[-2:], "-", *words[:-2]])
        elif o == "vendor_tag":
            if p.ms:
                name = name + rng.choice(
                    [" [NCE]", " [New Commerce Experience]", " (NCE) Annual", " - P1Y", " 1MTH"]
                )
            else:
                name = name + rng.choice([" - 1 Year", " (annual term)", " 1MTH", " - MSP edition"])
        elif o == "user_site_note":
            name = name + rng.choice(
                [
                    " - Warehouse",
                    " (Reception)",
                    " - J. Smith",
                    " – new starters",
                    " - Site 2",
                    " (shared mailboxes)",
                    " - Directors",
                    " [Sales team]",
                ]
            )
        elif o == "template_token":
            name = name + rng.choice(TOKENS)
        if name != before:
            classes.append(o)
    if not classes or name == p.name:
        return p.name, []
    return name, classes


GENERIC_SYNCRO = [
    "User licence",
    "Cloud subscription",
    "Per user / month",
    "Software subscription",
    "Licence",
    "Monthly recurring",
    "Microsoft licensing",
    "Subscription - auto renews",
]
