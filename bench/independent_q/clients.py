"""Client books of set Q: names across countries, families that must never merge, and the ways a
PSA or accounting system writes the same customer differently from the vendor's tenant record."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

EN_SUR = [
    "Ashworth",
    "Blackwood",
    "Calloway",
    "Delaney",
    "Ellison",
    "Fairbrother",
    "Gallagher",
    "Hartley",
    "Jessop",
    "Kavanagh",
    "Lockwood",
    "McAllister",
    "Newbold",
    "Pemberton",
    "Quigley",
    "Radcliffe",
    "Sutcliffe",
    "Thackeray",
    "Underwood",
    "Vickers",
    "Whitlock",
    "Yardley",
    "Okafor",
    "Nguyen",
    "Patel",
    "Fitzgerald",
    "MacKinnon",
    "McCready",
    "Brennan",
    "Holloway",
    "Cartwright",
    "Pendleton",
    "Ramsbottom",
    "Tennant",
    "Wainwright",
    "Abernethy",
    "Oyelaran",
    "Castellano",
    "Drummond",
    "Esposito",
    "Fenwick",
]
EN_PLACE = [
    "Harbourside",
    "Kingsgate",
    "Riverbend",
    "Millbrook",
    "Ashgrove",
    "Copper Beech",
    "Stonebridge",
    "Westfield",
    "Larkspur",
    "Redhill",
    "Bramble Hill",
    "Oakhurst",
    "Foxley",
    "Highcliffe",
    "Tamar Valley",
    "Glenrock",
    "Wattle Creek",
    "Kauri Bay",
    "Maple Ridge",
    "Sandown",
    "Thornbury",
    "Eastwick",
    "Blue Gum",
    "Silver Birch",
    "Cedar Point",
    "Lakeview",
    "Pinecrest",
    "Saltmarsh",
    "Ironbark",
    "Juniper Lane",
]
EN_TRADE = [
    "Dental Group",
    "Veterinary Clinic",
    "Accountants",
    "Solicitors",
    "Physiotherapy",
    "Builders",
    "Electrical Services",
    "Plumbing and Heating",
    "Property Management",
    "Engineering",
    "Architects",
    "Logistics",
    "Insurance Brokers",
    "Financial Planning",
    "Medical Centre",
    "Pharmacy",
    "Joinery",
    "Landscaping",
    "Roofing",
    "Surveyors",
    "Optometrists",
    "Print & Design",
    "Motors",
    "Marine Services",
    "Chiropractic",
    "Brewing Company",
    "Wine Merchants",
    "Estate Agents",
    "Recruitment",
    "Consulting",
    "Heating Services",
    "Management Services",
    "Family Law",
    "Freight Forwarding",
]
LEGAL = {
    "GB": ["Ltd", "Limited", "LLP"],
    "US": ["Inc.", "LLC", "PLLC", "Corp."],
    "IE": ["Ltd", "DAC"],
    "AU": ["Pty Ltd"],
    "NZ": ["Limited"],
    "CA": ["Inc.", "Ltd."],
}
DE_SUR = [
    "Müller",
    "Schröder",
    "Böhm",
    "Weiß",
    "Krüger",
    "Jäger",
    "Schäfer",
    "Groß",
    "Köhler",
    "Fuchs",
    "Brückner",
    "Maaß",
    "Kößler",
    "Hübner",
    "Vogt",
    "Lorenz",
    "Dietrich",
    "Günther",
    "Pöschl",
    "Würtz",
]
DE_TRADE = [
    "Steuerberatung",
    "Zahnarztpraxis",
    "Bauunternehmung",
    "Elektrotechnik",
    "Immobilien",
    "Haustechnik",
    "Ingenieurbüro",
    "Physiotherapie",
    "Logistik",
    "Metallbau",
    "Druckerei",
]
DE_PREFIX = ["Autohaus", "Bäckerei", "Kanzlei", "Gärtnerei", "Spedition"]
DE_LEGAL = ["GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG (haftungsbeschränkt)"]
NORD = {
    "NO": (
        ["Sæther", "Østby", "Haugen", "Bråthen", "Solberg", "Lie", "Dahl", "Berg", "Lund", "Strøm"],
        [
            "Regnskap",
            "Eiendom",
            "Bygg",
            "Tannlegesenter",
            "Advokater",
            "Rørleggerservice",
            "Transport",
        ],
        ["AS"],
    ),
    "SE": (
        ["Bergström", "Ljungqvist", "Åkesson", "Sjöberg", "Nyström", "Holm", "Wåhlin", "Öberg"],
        ["Bygg", "Fastigheter", "Redovisning", "Tandvård", "Advokatbyrå", "Elteknik"],
        ["AB"],
    ),
    "DK": (
        ["Østergaard", "Kjær", "Møller", "Sørensen", "Bech", "Krogh"],
        ["Tandlæger", "Revision", "Ejendomme", "VVS", "Advokatfirma"],
        ["ApS", "A/S"],
    ),
    "IS": (
        ["Þórsson", "Guðmundsson", "Ólafsdóttir", "Sigurðsson"],
        ["Bókhald", "Verkfræðistofa", "Byggingar"],
        ["ehf."],
    ),
}
NL = (
    ["van der Berg", "de Vries", "Jansen", "Bakker", "Visser", "van Dijk", "de Boer", "Mulder"],
    ["Installatietechniek", "Accountants", "Tandartspraktijk", "Transport", "Bouw", "Makelaardij"],
    ["B.V."],
)
FR = (
    ["Lefèvre", "Dupré", "Mercier", "Gauthier", "Rousseau", "Bérard", "Chevalier"],
    ["Cabinet", "Boulangerie", "Clinique Vétérinaire", "Transports", "Pharmacie", "Garage"],
    ["SARL", "SAS"],
)
ES = (
    ["Peñalver", "Ibáñez", "Muñoz", "Gómez", "Castaño", "Núñez"],
    ["Construcciones", "Clínica Dental", "Asesoría", "Transportes", "Inmobiliaria"],
    ["S.L.", "S.A."],
)
PL = (
    ["Wiśniewski", "Łukasik", "Zieliński", "Kowalczyk", "Dąbrowski", "Wróbel"],
    ["Transport", "Serwis", "Budownictwo", "Logistyka"],
    ["sp. z o.o."],
)
JP = (
    ["Kobayashi", "Tanaka", "Watanabe", "Yamamoto", "Nakamura", "Fujita"],
    ["Seiki", "Denki", "Shoji", "Kensetsu", "Sangyo"],
    ["K.K."],
)
HK = (
    ["Wing Fat", "Tak Shing", "Kwong Hing", "Po Lee", "Yue Tai"],
    ["Trading", "Engineering", "Logistics"],
    ["Company Limited"],
)
WELSH = (
    ["Pritchard", "Llewellyn", "Prosser", "Bowen", "Gruffydd", "Vaughan"],
    ["Adeiladwyr", "Cyfrifwyr", "Milfeddygon", "Cyfreithwyr"],
    ["Cyf"],
)
IRISH = (
    ["Ó Súilleabháin", "Mac Cárthaigh", "Ó Briain", "Ó Ceallaigh", "Mac Mathúna", "Ó Dónaill"],
    ["Tógálaithe", "Cuntasóirí", "Innealtóireacht"],
    ["Teoranta"],
)
ANGLICISED = {
    "Ó Súilleabháin": "O'Sullivan",
    "Mac Cárthaigh": "McCarthy",
    "Ó Briain": "O'Brien",
    "Ó Ceallaigh": "O'Kelly",
    "Mac Mathúna": "McMahon",
    "Ó Dónaill": "O'Donnell",
}
IRISH_TRADE_EN = {
    "Tógálaithe": "Builders",
    "Cuntasóirí": "Accountants",
    "Innealtóireacht": "Engineering",
}
CHAINS = [
    "Bean There Coffee",
    "Kiwi Hardware",
    "FreshMart Grocers",
    "Pedal Pushers Cycles",
    "Bright Smile Dental",
    "QuickFix Phone Repairs",
]
TWINS = [
    ("Lindqvist", "Lindquist"),
    ("Kessler", "Kesseler"),
    ("Meyer", "Maier"),
    ("Thomson", "Thompson"),
    ("Reid", "Read"),
    ("Carlsen", "Karlsen"),
]
SIBLINGS = [
    ("Dental Group", "Dental Lab"),
    ("Veterinary Hospital", "Veterinary Pharmacy"),
    ("Holdings", "Services"),
    ("Physiotherapy", "Pilates Studio"),
    ("Property Sales", "Property Rentals"),
]
COUNTRY_WEIGHTS = [
    ("GB", 16),
    ("US", 16),
    ("AU", 9),
    ("NZ", 4),
    ("CA", 6),
    ("IE", 4),
    ("IE-GA", 2),
    ("WLS", 2),
    ("DE", 7),
    ("AT", 2),
    ("NL", 4),
    ("NO", 3),
    ("SE", 3),
    ("DK", 2),
    ("IS", 1),
    ("FR", 3),
    ("ES", 3),
    ("PL", 2),
    ("JP", 2),
    ("HK", 2),
]
EEA = {"DE", "AT", "NL", "NO", "SE", "DK", "IS", "FR", "ES", "PL", "IE", "IE-GA"}
TLD = {
    "GB": "co.uk",
    "US": "com",
    "AU": "com.au",
    "NZ": "co.nz",
    "CA": "ca",
    "IE": "ie",
    "IE-GA": "ie",
    "WLS": "cymru",
    "DE": "de",
    "AT": "at",
    "NL": "nl",
    "NO": "no",
    "SE": "se",
    "DK": "dk",
    "IS": "is",
    "FR": "fr",
    "ES": "es",
    "PL": "pl",
    "JP": "co.jp",
    "HK": "com.hk",
}


@dataclass
class Client:
    cid: int
    name: str  # canonical name (the vendor's tenant / legal name)
    country: str
    core: str  # the name without legal form
    legal: str  # legal form as written ("" if none)
    family: str | None = None
    family_kind: str | None = None
    extras: dict = field(default_factory=dict)

    @property
    def domain(self) -> str:
        slug = re.sub(r"[^a-z0-9]", "", fold(self.core).lower())[:24] or f"client{self.cid}"
        return f"{slug}{self.cid % 7 if self.family else ''}.onmicrosoft.com"

    @property
    def eea(self) -> bool:
        return self.country in EEA


def fold(s: str) -> str:
    s = (
        s.replace("ß", "ss")
        .replace("ø", "o")
        .replace("Ø", "O")
        .replace("æ", "ae")
        .replace("Æ", "AE")
    )
    s = (
        s.replace("Þ", "Th")
        .replace("þ", "th")
        .replace("ð", "d")
        .replace("Ð", "D")
        .replace("ł", "l")
        .replace("Ł", "L")
    )
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


LEGAL_WORDS = {
    "ltd",
    "limited",
    "llp",
    "inc",
    "llc",
    "pllc",
    "corp",
    "dac",
    "pty",
    "gmbh",
    "co",
    "kg",
    "ag",
    "ek",
    "ug",
    "haftungsbeschrankt",
    "as",
    "ab",
    "aps",
    "a/s",
    "ehf",
    "bv",
    "sarl",
    "sas",
    "sl",
    "sa",
    "sp",
    "z",
    "o",
    "oo",
    "kk",
    "company",
    "cyf",
    "teoranta",
    "teo",
    "the",
    "and",
    "u",
    "und",
    "incorporated",
    "corporation",
    "kabushiki",
    "kaisha",
    "cyfyngedig",
    "spolka",
    "zoo",
}


def norm_name(s: str) -> str:
    s = fold(s).lower().replace("&", " ")
    words = re.findall(r"[a-z0-9]+", s)
    return " ".join(w for w in words if w not in LEGAL_WORDS)


def _pick_country(rng):
    tot = sum(w for _, w in COUNTRY_WEIGHTS)
    r = rng.random() * tot
    for c, w in COUNTRY_WEIGHTS:
        r -= w
        if r < 0:
            return c
    return "GB"


def _one_name(rng, country):
    """Return (core, legal, extras)."""
    ex = {}
    if country in ("GB", "US", "AU", "NZ", "CA", "IE"):
        legal = rng.choice(LEGAL[country])
        r = rng.random()
        if r < 0.35:
            core = f"{rng.choice(EN_SUR)} {rng.choice(EN_TRADE)}"
        elif r < 0.65:
            core = f"{rng.choice(EN_PLACE)} {rng.choice(EN_TRADE)}"
        elif r < 0.8:
            a, b = rng.sample(EN_SUR, 2)
            core = f"{a} & {b} {rng.choice(['Solicitors', 'Accountants', 'Architects', 'Surveyors', 'Consulting'])}"
            ex["partners"] = (a, b)
        elif country == "AU" and r < 0.92:
            s = rng.choice(EN_SUR)
            ini = rng.sample("ABCDGJKLMPRST", 2)
            kind = rng.choice(["Family Trust", "Unit Trust", "Discretionary Trust"])
            core = f"{ini[0]} & {ini[1]} {s} Pty Ltd ATF {s} {kind}"
            ex["trust"] = (f"{ini[0]} & {ini[1]} {s} Pty Ltd", f"{s} {kind}")
            return core, "", ex
        else:
            core = f"{rng.choice(EN_SUR)} {rng.choice(['Family Holdings', 'Group', 'Enterprises'])}"
            ex["trade"] = (
                f"{core.split()[0]}'s {rng.choice(['Bakery', 'Garden Centre', 'Deli', 'Auto Repairs', 'Hair Studio'])}"
            )
        if rng.random() < 0.12:
            ex["est"] = rng.randint(1952, 2019)
        return core, legal, ex
    if country in ("DE", "AT"):
        s = rng.choice(DE_SUR)
        core = (
            f"{rng.choice(DE_PREFIX)} {s}" if rng.random() < 0.3 else f"{s} {rng.choice(DE_TRADE)}"
        )
        return core, rng.choice(DE_LEGAL), ex
    if country in NORD:
        sur, trade, leg = NORD[country]
        if rng.random() < 0.25:
            a, b = rng.sample(sur, 2)
            ex["partners"] = (a, b)
            return f"{a} & {b} {rng.choice(trade)}", rng.choice(leg), ex
        return f"{rng.choice(sur)} {rng.choice(trade)}", rng.choice(leg), ex
    pools = {
        "NL": NL,
        "FR": FR,
        "ES": ES,
        "PL": PL,
        "JP": JP,
        "HK": HK,
        "WLS": WELSH,
        "IE-GA": IRISH,
    }[country]
    sur, trade, leg = pools
    s, t = rng.choice(sur), rng.choice(trade)
    if country in ("FR", "ES"):
        core = f"{t} {s}"
    elif country == "PL" and rng.random() < 0.5:
        core = f"Biuro Rachunkowe {s}"
    else:
        core = f"{s} {t}"
    if country == "IE-GA":
        ex["anglicised"] = f"{ANGLICISED[s]} {IRISH_TRADE_EN[t]}"
    return core, rng.choice(leg), ex


def join(core, legal):
    if not legal:
        return core
    return f"{core} {legal}"


def make_clients(rng, n: int) -> list[Client]:
    out: list[Client] = []
    seen: set[str] = set()

    def add(core, legal, country, family=None, kind=None, extras=None):
        name = join(core, legal)
        key = norm_name(name)
        if key in seen:
            return False
        seen.add(key)
        out.append(Client(len(out), name, country, core, legal, family, kind, extras or {}))
        return True

    # families first (about 12% of clients)
    fam_budget = max(4, n // 8)
    fi = 0
    while fam_budget > 0:
        kind = ["siblings", "stores", "twins", "tenants"][fi % 4]
        fam = f"F{fi}"
        fi += 1
        if kind == "siblings":
            a, b = SIBLINGS[rng.randrange(len(SIBLINGS))]
            base = rng.choice(EN_SUR + EN_PLACE)
            leg = rng.choice(LEGAL["GB"] + LEGAL["US"][:2])
            add(f"{base} {a}", leg, "GB", fam, kind, {"dist": a.split()[-1]})
            add(f"{base} {b}", leg, "GB", fam, kind, {"dist": b.split()[-1]})
            fam_budget -= 2
        elif kind == "stores":
            chain = rng.choice(CHAINS)
            nums = rng.sample(range(2, 48), rng.randint(3, 4))
            for k in nums:
                add(
                    f"{chain} Store {k}",
                    "",
                    "NZ" if "Kiwi" in chain else "AU",
                    fam,
                    kind,
                    {"store": k, "chain": chain},
                )
            fam_budget -= len(nums)
        elif kind == "twins":
            a, b = TWINS[rng.randrange(len(TWINS))]
            t = rng.choice(["Engineering", "Joinery", "Consulting", "Accountants"])
            add(f"{a} {t}", "Ltd", "GB", fam, kind, {"dist": a})
            add(f"{b} {t}", "Ltd", "GB", fam, kind, {"dist": b})
            fam_budget -= 2
        else:
            core = f"{rng.choice(['Meridian', 'Northstar', 'Halcyon', 'Bluewater', 'Tidewell'])} {rng.choice(['Freight', 'Clinics', 'Advisory', 'Foods'])}"
            add(core, "Ltd", "GB", fam, kind, {"dist": ""})
            add(f"{core} Ireland", "DAC", "IE", fam, kind, {"dist": "Ireland"})
            fam_budget -= 2
    tries = 0
    while len(out) < n and tries < n * 50:
        tries += 1
        c = _pick_country(rng)
        core, legal, ex = _one_name(rng, c)
        add(core, legal, c, extras=ex)
    out = out[:n]
    # initials: unique acronyms only
    acr: dict[str, list[int]] = {}
    for c in out:
        words = [w for w in re.findall(r"[A-Za-zÀ-ÿ']+", c.core) if w.lower() not in ("and", "of")]
        if len(words) >= 3 and not c.family and "trust" not in c.extras:
            a = "".join(w[0].upper() for w in words)
            acr.setdefault(a, []).append(c.cid)
    for a, ids in acr.items():
        if len(ids) == 1:
            out[ids[0]].extras["acronym"] = a
    for c in out:
        if not c.family and rng.random() < 0.08:
            c.extras["former"] = (
                f"{rng.choice(EN_PLACE)} {rng.choice(['Partners', 'Associates', 'Group'])}"
            )
    return out


# ---------------------------------------------------------------- client-name perturbations
COMMON_NAME = [
    "name_legal_dropped",
    "name_legal_variant",
    "name_amp_and",
    "name_the",
    "name_typo",
    "name_case",
    "name_store_style",
    "name_trading_as",
]
NOVEL_NAME = [
    "name_trust_trustee",
    "name_acronym",
    "name_umlaut_digraph",
    "name_partner_order",
    "name_est_year",
    "name_formerly",
    "name_bracket_abbrev",
    "name_gmbh_co",
    "name_legal_form_local",
    "name_anglicised",
    "name_mac_mc",
]
FAMILY_OK = {
    "name_legal_dropped",
    "name_legal_variant",
    "name_amp_and",
    "name_the",
    "name_case",
    "name_store_style",
    "name_umlaut_digraph",
    "name_est_year",
    "name_gmbh_co",
    "name_legal_form_local",
}

LEGAL_VARIANTS = {
    "Ltd": ["Limited", "Ltd.", "LTD"],
    "Limited": ["Ltd", "Ltd."],
    "LLP": ["L.L.P."],
    "Inc.": ["Inc", "Incorporated", ", Inc."],
    "LLC": ["L.L.C.", ", LLC"],
    "PLLC": ["P.L.L.C."],
    "Corp.": ["Corporation", "Corp"],
    "DAC": ["D.A.C.", "Designated Activity Company"],
    "Pty Ltd": ["Pty. Ltd.", "PTY LIMITED", "P/L"],
    "Ltd.": ["Limited", "Ltd"],
    "AG": ["A.G."],
    "e.K.": ["e. K.", "eK"],
    "UG (haftungsbeschränkt)": ["UG (haftungsbeschraenkt)", "UG"],
    "AS": ["A/S", "as"],
    "AB": ["Aktiebolag"],
    "ApS": ["Aps", "APS"],
    "A/S": ["AS", "A.S."],
    "ehf.": ["ehf", "EHF"],
    "B.V.": ["BV", "B.V"],
    "SARL": ["S.A.R.L.", "Sàrl"],
    "SAS": ["S.A.S."],
    "S.L.": ["SL"],
    "S.A.": ["SA"],
    "sp. z o.o.": ["Sp. z o.o.", "Sp.z.o.o.", "spółka z o.o."],
    "Company Limited": ["Co. Ltd.", "Co., Limited", "Co Ltd"],
}
LOCAL_FORMS = {
    "K.K.": ["Kabushiki Kaisha", "Co., Ltd.", "株式会社"],
    "Cyf": ["Cyfyngedig", "Ltd"],
    "Teoranta": ["Teo.", "Teo", "Ltd"],
    "Company Limited": ["有限公司", "Co. Ltd (有限公司)"],
    "AS": ["aksjeselskap"],
}
GMBH = ["GmbH & Co KG", "GmbH u. Co. KG", "GmbH + Co. KG", "GmbH & Co.KG", "GmbH&Co.KG"]
KEYB = {
    "a": "sq",
    "s": "ad",
    "e": "wr",
    "r": "et",
    "t": "ry",
    "i": "uo",
    "o": "ip",
    "n": "bm",
    "m": "n",
    "l": "k",
    "c": "xv",
    "h": "gj",
    "d": "sf",
    "g": "fh",
    "u": "yi",
    "p": "o",
    "b": "vn",
    "k": "jl",
}


def typo_word(rng, w):
    if len(w) < 4 or not w.isalpha():
        return None
    i = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    if kind == 1:
        return w[:i] + w[i + 1 :]
    if kind == 2:
        return w[:i] + w[i] + w[i:]
    ch = w[i].lower()
    if ch in KEYB:
        return w[:i] + rng.choice(KEYB[ch]) + w[i + 1 :]
    return w[:i] + w[i + 1] + w[i] + w[i + 2 :]


def perturb_name(rng, c: Client, cls: str) -> str | None:
    n = c.name
    if cls == "name_legal_dropped":
        return c.core if c.legal else None
    if cls == "name_legal_variant":
        v = LEGAL_VARIANTS.get(c.legal)
        if not v:
            return None
        x = rng.choice(v)
        return f"{c.core}{x}" if x.startswith(",") else f"{c.core} {x}"
    if cls == "name_amp_and":
        if "&" in n:
            word = {
                "DE": "und",
                "AT": "und",
                "NO": "og",
                "DK": "og",
                "SE": "och",
                "FR": "et",
                "ES": "y",
            }.get(c.country, "and")
            return n.replace("&", word, 1)
        if " and " in n:
            return n.replace(" and ", " & ", 1)
        return None
    if cls == "name_the":
        if n.lower().startswith("the "):
            return n[4:]
        if c.country in ("GB", "US", "AU", "NZ", "CA", "IE") and "trust" not in c.extras:
            return "The " + n
        return None
    if cls == "name_typo":
        words = c.core.split()
        idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if not idx:
            return None
        i = rng.choice(idx)
        t = typo_word(rng, words[i])
        if not t:
            return None
        words[i] = t
        return join(" ".join(words), c.legal)
    if cls == "name_case":
        return rng.choice([n.upper(), n.lower()]) if n.upper() != n else n.title()
    if cls == "name_store_style":
        k = c.extras.get("store")
        if k is None:
            return None
        ch = c.extras["chain"]
        return rng.choice(
            [
                f"{ch} #{k}",
                f"{ch} No. {k}",
                f"{ch} - Store #{k:03d}",
                f"{ch} (Shop {k})",
                f"{ch} St{k}",
            ]
        )
    if cls == "name_trading_as":
        t = c.extras.get("trade")
        if not t:
            return None
        return rng.choice(
            [f"{c.core} t/a {t}", f"{t} (t/a of {c.name})", f"{t} - {c.core}", f"{c.core} T/A {t}"]
        )
    if cls == "name_trust_trustee":
        t = c.extras.get("trust")
        if not t:
            return None
        co, trust = t
        return rng.choice(
            [
                f"The Trustee for {trust}",
                f"The Trustee for the {trust}",
                trust,
                f"{co} as trustee for the {trust}",
                f"{trust} (ATF)",
                f"{trust} - {co}",
            ]
        )
    if cls == "name_acronym":
        a = c.extras.get("acronym")
        if not a:
            return None
        return f"{a} {c.legal}".strip() if rng.random() < 0.6 else a
    if cls == "name_umlaut_digraph":
        t = (
            n.replace("ü", "ue")
            .replace("ö", "oe")
            .replace("ä", "ae")
            .replace("ß", "ss")
            .replace("Ü", "Ue")
            .replace("Ö", "Oe")
            .replace("Ä", "Ae")
            .replace("ø", "oe")
            .replace("Ø", "Oe")
            .replace("æ", "ae")
            .replace("å", "aa")
            .replace("Å", "Aa")
            .replace("Þ", "Th")
            .replace("ð", "d")
        )
        return t if t != n else None
    if cls == "name_partner_order":
        p = c.extras.get("partners")
        if not p:
            return None
        a, b = p
        return n.replace(f"{a} & {b}", f"{b} & {a}")
    if cls == "name_est_year":
        y = c.extras.get("est") or (1950 + (c.cid * 7) % 70 if rng.random() < 0.3 else None)
        if not y:
            return None
        return rng.choice(
            [
                f"{n} (Est. {y})",
                f"{n} - since {y}",
                f"{c.core} {y} {c.legal}".strip(),
                f"{n} est.{y}",
            ]
        )
    if cls == "name_formerly":
        f = c.extras.get("former")
        if not f:
            return None
        return rng.choice(
            [f"{n} (formerly {f})", f"{f} (now {n})", f"{n} fka {f}", f"{n} [prev. {f}]"]
        )
    if cls == "name_bracket_abbrev":
        a = c.extras.get("acronym")
        if not a:
            return None
        return rng.choice([f"{n} ({a})", f"{a} - {n}", f"{n} [{a}]"])
    if cls == "name_gmbh_co":
        if c.legal != "GmbH & Co. KG":
            return None
        return f"{c.core} {rng.choice(GMBH)}"
    if cls == "name_legal_form_local":
        v = LOCAL_FORMS.get(c.legal)
        if not v:
            return None
        x = rng.choice(v)
        if x == "株式会社":
            return f"株式会社{c.core}" if rng.random() < 0.5 else f"{c.core} 株式会社"
        if x == "Kabushiki Kaisha" and rng.random() < 0.4:
            return f"Kabushiki Kaisha {c.core}"
        return f"{c.core} {x}"
    if cls == "name_anglicised":
        a = c.extras.get("anglicised")
        if not a:
            return None
        return rng.choice([f"{a} Ltd", a, f"{a} Teo."])
    if cls == "name_mac_mc":
        m = re.search(r"\b(Mac|Mc)([A-Z][a-z]+)", n)
        if not m:
            return None
        pre, rest = m.group(1), m.group(2)
        alt = rng.choice(["Mac", "Mc "]) if pre == "Mc" else rng.choice(["Mc", "Mac "])
        return n[: m.start()] + alt + rest + n[m.end() :]
    raise ValueError(cls)


def applicable_name_classes(c: Client) -> list[str]:
    out = []
    for cls in COMMON_NAME + NOVEL_NAME:
        if c.family and cls not in FAMILY_OK:
            continue
        out.append(cls)
    return out
