"""Customers: legal (tenant) names, and how an MSP's PSA writes the same customer.

The vendor bill carries the tenant's legal name (canonical). The PSA carries what the MSP calls
the customer; in a perturbed case that differs by one client-name class. Siblings (Dental Group /
Dental Lab) and numbered sites (Store 12 / Store 15) are separate customers and their PSA spellings
always keep the words that tell them apart.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "AU": ("Pty Ltd", "Pty. Limited"),
    "NZ": ("Limited", "Ltd"),
    "UK": ("Ltd", "LLP", "Limited"),
    "IE": ("Ltd", "DAC"),
    "US": ("LLC", "Inc.", "PLLC", "P.C."),
    "CA": ("Inc.", "Ltd."),
    "DE": ("GmbH", "GmbH & Co. KG"),
    "AT": ("GmbH",),
    "LU": ("S.à r.l.",),
    "FR": ("SAS", "SARL"),
    "NL": ("B.V.",),
    "SE": ("AB",),
    "FI": ("Oy",),
    "NO": ("AS",),
    "DK": ("ApS", "A/S"),
    "PL": ("Sp. z o.o.",),
    "ES": ("S.L.",),
    "IT": ("S.r.l.",),
}
SUFFIX_TYPOS: dict[str, tuple[str, ...]] = {
    "Pty Ltd": ("Pty Lte", "Pyt Ltd", "PTY LTD.", "P/L"),
    "Pty. Limited": ("Pty Limted", "Pty. Limitd"),
    "Limited": ("Limietd", "Limted", "Ltd."),
    "Ltd": ("Ltd..", "Lt d", "Ldt"),
    "LLP": ("L.L.P.", "LPP"),
    "DAC": ("D.A.C.",),
    "LLC": ("L.L.C.", "LLC.", "Llc"),
    "Inc.": ("Inc", "Incorporated", "Icn."),
    "PLLC": ("P.L.L.C.", "PLC"),
    "P.C.": ("PC", "Prof. Corp."),
    "Ltd.": ("Ltd", "Limited"),
    "GmbH": ("GmbG", "Gmbh", "G.m.b.H."),
    "GmbH & Co. KG": ("GmbH & Co KG", "GmbH u. Co. KG"),
    "S.à r.l.": ("SARL", "S.a r.l.", "Sàrl"),
    "SAS": ("S.A.S.",),
    "SARL": ("S.A.R.L.", "Sarl"),
    "B.V.": ("BV", "B.V", "Bv."),
    "AB": ("Aktiebolag", "A.B."),
    "Oy": ("OY", "Oy."),
    "AS": ("A/S", "A.S."),
    "ApS": ("Aps", "A.p.S."),
    "A/S": ("AS", "A-S"),
    "Sp. z o.o.": ("Sp. z.o.o.", "Sp z oo", "spółka z o.o."),
    "S.L.": ("SL", "S.L"),
    "S.r.l.": ("SRL", "S.R.L.", "Srl"),
}
FIRSTS = (
    "Ash",
    "Black",
    "Copper",
    "Elder",
    "Fern",
    "Glen",
    "Hazel",
    "Iron",
    "Juniper",
    "Kestrel",
    "Lark",
    "Marsh",
    "North",
    "Oak",
    "Pine",
    "Quarry",
    "Raven",
    "Salt",
    "Thorn",
    "Wattle",
    "Willow",
    "Yarra",
    "Stone",
    "Bright",
    "Fox",
    "Cedar",
    "Clover",
    "Falcon",
    "Heron",
    "Tide",
)
SECONDS = (
    "brook",
    "field",
    "wood",
    "gate",
    "ridge",
    "vale",
    "mere",
    "stead",
    "haven",
    "cliff",
    "combe",
    "ford",
    "hurst",
    "leigh",
    "well",
    "bury",
    "wick",
    "moor",
)
REGIONAL_BASES: dict[str, tuple[str, ...]] = {
    "DE": ("Straßburger", "Grünwald", "Weißbach", "Schönfeld", "Kößler", "Lindenhöhe", "Mühltal"),
    "AT": ("Großalm", "Dürnstein", "Wörthsee"),
    "NO": ("Østerby", "Sølvberg", "Fjordvik", "Bjørnstad", "Kvitfjell"),
    "DK": ("Kjærholm", "Dalsgaard", "Skovgaard", "Hvidbjerg", "Ærøskøbing"),
    "SE": ("Åkervik", "Sjöholm", "Häggström", "Nyström", "Björkudden"),
    "FI": ("Mäkelä", "Järvinen", "Kivijärvi", "Höyrylä"),
    "PL": ("Łąkowa", "Wrzosowa", "Zielińscy", "Bałtycka", "Świętokrzyska", "Żurawie"),
    "LU": ("Clairefontaine", "Mézières", "Bellerive"),
    "FR": ("Côté Rivage", "Léger", "Beaulieu"),
    "NL": ("IJsselstein", "De Molen", "Zeeuwse", "Vandenberg"),
    "ES": ("Castañeda", "Peñalver", "Valverde"),
    "IT": ("Bellavista", "Monteverde", "Girasole"),
}
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "en": (
        "Surveyors",
        "Chartered Accountants",
        "Architects",
        "Bakehouse",
        "Brewing Company",
        "Roofing Services",
        "Optometrists",
        "Property Management",
        "Civil Engineering",
        "Landscaping Services",
        "Physiotherapy",
        "Insurance Brokers",
        "Wealth Advisers",
        "Medical Centre",
        "Early Learning Centre",
        "Marine Services",
        "Printing Company",
        "Estate Winery",
        "Freight & Logistics",
        "Joinery",
        "Electrical Contractors",
        "Plumbing Services",
        "Veterinary Hospital",
        "Orthodontics",
        "Construction Group",
        "Legal",
        "Consulting Group",
        "Travel Management",
        "Auto Repairs",
        "Pharmacy",
    ),
    "DE": ("Steuerberatung", "Immobilien", "Logistik", "Zahntechnik", "Haustechnik"),
    "AT": ("Bau", "Tischlerei", "Steuerberatung"),
    "NO": ("Eiendom", "Transport", "Tannlegesenter", "Regnskap"),
    "DK": ("Revision", "Tømrer", "Ejendomme", "Rådgivning"),
    "SE": ("Bygg", "Redovisning", "Fastigheter", "Konsult"),
    "FI": ("Rakennus", "Tilitoimisto", "Kuljetus"),
    "PL": ("Biuro Rachunkowe", "Logistyka", "Budownictwo", "Doradztwo"),
    "LU": ("Conseil", "Fiduciaire", "Immobilier"),
    "FR": ("Architectes", "Conseil", "Immobilier"),
    "NL": ("Accountants", "Installatietechniek", "Logistiek"),
    "ES": ("Asesores", "Construcciones", "Arquitectura"),
    "IT": ("Studio Legale", "Costruzioni", "Consulenza"),
}
COUNTRY_WEIGHTS = (
    ("AU", 14),
    ("UK", 12),
    ("US", 12),
    ("NZ", 5),
    ("IE", 3),
    ("CA", 4),
    ("DE", 5),
    ("AT", 2),
    ("NO", 4),
    ("DK", 4),
    ("SE", 4),
    ("FI", 3),
    ("PL", 4),
    ("LU", 2),
    ("FR", 3),
    ("NL", 4),
    ("ES", 3),
    ("IT", 3),
)
SIBLING_PAIRS = (
    ("Dental Group", "Dental Lab"),
    ("Medical Centre", "Medical Imaging"),
    ("Property Management", "Property Sales"),
    ("Holdings", "Holdings Trading"),
    ("Veterinary Hospital", "Veterinary Clinic"),
    ("Freight", "Freight Brokers"),
    ("Accounting", "Accounting Payroll"),
)
PROFESSIONAL_FORMS = frozenset({"PLLC", "P.C.", "LLP"})
PROFESSIONS = (
    "Surveyors",
    "Accountants",
    "Architects",
    "Legal",
    "Orthodontics",
    "Physiotherapy",
    "Optometrists",
    "Medical",
    "Veterinary",
    "Dental",
    "Consulting",
    "Advisers",
    "Brokers",
    "Accounting",
)
NUMBER_WORDS = ("Store", "Site", "Branch", "Clinic")
PARTNER_SURNAMES = (
    "Okafor",
    "Lindqvist",
    "Fairweather",
    "Nakamura",
    "Delacroix",
    "Brennan",
    "Achterberg",
    "Kowalski",
    "Moreau",
    "Haddad",
    "Petrov",
    "Oyelaran",
    "MacAulay",
    "Van Rensburg",
)
PARTNER_TRADES = ("Legal", "Chartered Accountants", "Architects", "Surveyors", "Consulting")
TRADING_TRADES = (
    "Bakehouse",
    "Coffee Roasters",
    "Physio",
    "Garden Centre",
    "Cycles",
    "Dental",
    "Fitness",
    "Kitchens",
    "Pet Supplies",
    "Bridal",
)
HOLDING_WORDS = ("Holdings", "Enterprises", "Group", "Ventures", "Investments")
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "Management": ("Mgmt", "Mngmt", "Mgt"),
    "Services": ("Svcs", "Scvs", "Servs"),
    "Accountants": ("Accts", "Acctnts"),
    "Engineering": ("Eng.", "Engg"),
    "Company": ("Co.", "Co"),
    "Property": ("Prop.", "Ppty"),
    "Medical": ("Med.", "Medcl"),
    "Centre": ("Ctr", "Cntr"),
    "Construction": ("Constr.", "Const"),
    "Consulting": ("Consult.", "Cnslt"),
    "Veterinary": ("Vet", "Vet."),
    "Physiotherapy": ("Physio",),
    "Insurance": ("Ins.", "Insur"),
    "Logistics": ("Log.", "Logstcs"),
    "Contractors": ("Contr.", "Cntrctrs"),
    "Chartered": ("Chart.", "Chtd"),
    "Landscaping": ("Landscp",),
    "Brokers": ("Brkrs",),
    "Advisers": ("Advsrs", "Adv."),
    "Learning": ("Lrng",),
    "Travel": ("Trvl",),
    "Steuerberatung": ("StB", "Steuerber."),
    "Immobilien": ("Immob.",),
    "Rachunkowe": ("Rach.",),
    "Fastigheter": ("Fastigh.",),
    "Installatietechniek": ("Install.techniek",),
}
GENERIC_WORDS = ("Group", "Services", "Company", "Centre", "Hospital", "Contractors")
BRANCH_SUFFIXES = (" - Head Office", " (Main Office)", " – HQ", " [Head office]")
LOCAL_BRANCHES: dict[str, tuple[str, ...]] = {
    "AU": (" - Perth", " (Parramatta)", " - Brisbane CBD"),
    "NZ": (" (Auckland CBD)", " - Christchurch"),
    "UK": (" - Leeds", " (Head Office)"),
    "US": (" - Denver Office", " (HQ)"),
    "DE": (" - Hauptsitz", " (Zentrale)"),
    "AT": (" - Zentrale Wien",),
    "NO": (" – Oslo kontor",),
    "DK": (" - Aarhus afd.",),
    "SE": (" - huvudkontor",),
    "PL": (" (Warszawa)", " - oddział Kraków"),
    "FR": (" - siège",),
    "NL": (" - vestiging Utrecht",),
}
FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "å": "a",
        "Å": "A",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "ä": "a",
        "Ä": "A",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
        "é": "e",
        "É": "E",
        "è": "e",
        "ñ": "n",
        "ą": "a",
        "ś": "s",
        "Ś": "S",
        "ż": "z",
        "Ż": "Z",
        "ń": "n",
        "ó": "o",
        "ę": "e",
        "ć": "c",
        "ô": "o",
        "à": "a",
        "Ó": "O",
    }
)
TRANSLIT = str.maketrans(
    {
        "ø": "oe",
        "Ø": "Oe",
        "æ": "ae",
        "Æ": "Ae",
        "å": "aa",
        "Å": "Aa",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "ä": "ae",
        "Ä": "Ae",
        "ö": "oe",
        "Ö": "Oe",
        "ü": "ue",
        "Ü": "Ue",
    }
)


@dataclass(frozen=True)
class Client:
    """One customer of the MSP. `name` is the canonical (tenant legal) name."""

    key: int
    name: str
    country: str
    legal: str  # the legal form at the end of `name`
    domain: str  # tenant domain (onmicrosoft)
    size: int  # head count
    kind: str  # normal | sibling | numbered | partner | dba
    trade_name: str = ""  # what the MSP calls a dba client
    sibling_of: int = -1


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Letters without their accents, as an ASCII-only system stores them."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _domain(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())[:24] + ".onmicrosoft.com"


def make_clients(rng: random.Random, count: int) -> list[Client]:
    """`count` customers with unique names: normal ones, siblings, numbered sites, partners, dba."""
    countries = [c for c, w in COUNTRY_WEIGHTS for _ in range(w)]
    compounds = [f + s for f in FIRSTS for s in SECONDS]
    rng.shuffle(compounds)
    regional = {c: list(v) for c, v in REGIONAL_BASES.items()}
    for pool in regional.values():
        rng.shuffle(pool)
    used: set[str] = set()
    out: list[Client] = []

    def base_for(country: str) -> str:
        pool = regional.get(country)
        if pool:
            return pool.pop()
        return compounds.pop()

    def add(name: str, country: str, legal: str, kind: str, **extra: object) -> Client:
        if legal in PROFESSIONAL_FORMS and not any(w in name for w in PROFESSIONS):
            # a freight firm is not a professional corporation or partnership
            general = "LLC" if country == "US" else "Ltd"
            name, legal = name[: -len(legal)] + general, general
        assert name not in used, name
        used.add(name)
        size = rng.choice((3, 5, 8, 12, 18, 25, 40, 60, 90, 140))
        # a dba customer's tenant was set up under its trading name
        domain = _domain(str(extra.get("trade_name") or name))
        c = Client(len(out), name, country, legal, domain, size, kind, **extra)  # type: ignore[arg-type]
        out.append(c)
        return c

    while len(out) < count:
        country = rng.choice(countries)
        legal = rng.choice(LEGAL_FORMS[country])
        roll = rng.random()
        region = country if country in INDUSTRIES else "en"
        if roll < 0.10 and count - len(out) >= 2 and country in {"AU", "UK", "US", "NZ", "CA"}:
            a, b = rng.choice(SIBLING_PAIRS)
            base = compounds.pop()
            first = add(f"{base} {a} {legal}", country, legal, "sibling")
            add(f"{base} {b} {legal}", country, legal, "sibling", sibling_of=first.key)
        elif roll < 0.17 and count - len(out) >= 2 and country in {"AU", "UK", "US", "NZ", "CA"}:
            base = compounds.pop()
            trade = rng.choice(("Pharmacy", "Bakery", "Tyres", "Optical", "Vets"))
            word = rng.choice(NUMBER_WORDS)
            numbers = rng.sample((3, 4, 8, 9, 12, 15, 21, 27), k=2 + (count - len(out) > 2))
            first_key = len(out)
            for n in numbers[: count - len(out)]:
                add(
                    f"{base} {trade} {word} {n} {legal}",
                    country,
                    legal,
                    "numbered",
                    sibling_of=first_key,
                )
        elif roll < 0.25 and country in {"AU", "UK", "US", "NZ", "IE", "CA"}:
            a, b = rng.sample(PARTNER_SURNAMES, 2)
            name = f"{a} & {b} {rng.choice(PARTNER_TRADES)} {legal}"
            if name in used:
                continue
            add(name, country, legal, "partner")
        elif roll < 0.36:
            base = base_for(country)
            holding = rng.choice(HOLDING_WORDS)
            add(
                f"{base} {holding} {legal}",
                country,
                legal,
                "dba",
                trade_name=f"{base} {rng.choice(TRADING_TRADES)}",
            )
        elif roll < 0.40 and count - len(out) >= 2 and country in {"AU", "UK", "US", "NZ", "CA"}:
            # twins: two customers whose names differ in a few letters of one word
            head, tails = rng.choice(FIRSTS), rng.sample(SECONDS, 2)
            bases = [head + tails[0], head + tails[1]]
            if any(b not in compounds for b in bases):
                continue
            for b in bases:
                compounds.remove(b)
            trade = rng.choice(INDUSTRIES["en"])
            one = add(f"{bases[0]} {trade} {legal}", country, legal, "twin")
            add(f"{bases[1]} {trade} {legal}", country, legal, "twin", sibling_of=one.key)
        else:
            base = base_for(country)
            name = f"{base} {rng.choice(INDUSTRIES[region])} {legal}"
            if name in used:
                continue
            add(name, country, legal, "normal")
    return out


def _stem(client: Client) -> str:
    """The name without its legal form."""
    return client.name[: -len(client.legal)].rstrip()


def name_classes(client: Client) -> list[str]:
    """Client-name classes that keep this customer recognisable (and apart from its siblings)."""
    stem = _stem(client)
    classes = ["untouched", "case_punct", "legal_suffix_typo", "legal_suffix_dropped", "typo"]
    if any(w in ABBREVIATIONS for w in stem.split()):
        classes.append("abbreviation")
    if fold(client.name) != client.name:
        classes.append("accents")
    if client.kind == "numbered":
        classes.append("store_number")
        return classes
    if client.kind == "sibling":
        return classes
    if client.kind == "twin":  # a typo could turn one twin into the other
        return [c for c in classes if c != "typo"]
    classes.append("branch_suffix")
    if client.kind == "partner":
        classes += ["word_order", "the_and"]
    if client.kind == "dba":
        classes += ["dba", "trading_name"]
    if client.kind == "normal":
        classes.append("the_and")
        if any(w in GENERIC_WORDS for w in stem.split()[1:]):
            classes.append("generic_word_dropped")
    return classes


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0 and word[i] != word[i + 1]:  # swapping equal letters would change nothing
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def psa_name(rng: random.Random, client: Client, cls: str) -> str:
    """The PSA's name for `client` under client-name class `cls`."""
    stem = _stem(client)
    legal = client.legal
    if cls == "untouched":
        return client.name
    if cls == "case_punct":
        choice = rng.randrange(3)
        if choice == 0:
            return client.name.upper()
        if choice == 1:
            plain = re.sub(r"[.,]", "", client.name).lower().title().replace("&", "+")
            return plain if plain != client.name else client.name.upper()
        return re.sub(r"\s+", "  ", client.name) + " ."
    if cls == "legal_suffix_typo":
        return f"{stem} {rng.choice(SUFFIX_TYPOS.get(legal, (legal.upper(),)))}"
    if cls == "legal_suffix_dropped":
        return stem
    if cls == "typo":
        words = stem.split()
        # never touch numbers or the words that tell siblings apart
        protect = len(words) - 1 if client.kind == "sibling" else -1
        idx = [i for i, w in enumerate(words) if len(w) >= 5 and i != protect and w.isalpha()]
        if not idx:
            return client.name
        i = rng.choice(idx)
        words[i] = _typo(rng, words[i])
        return " ".join(words) + " " + legal
    if cls == "abbreviation":
        words = [rng.choice(ABBREVIATIONS[w]) if w in ABBREVIATIONS else w for w in stem.split()]
        return " ".join(words) + ("" if rng.random() < 0.5 else " " + legal)
    if cls == "accents":
        return client.name.translate(TRANSLIT if rng.random() < 0.5 else FOLD).translate(FOLD)
    if cls == "store_number":
        m = re.search(r"(Store|Site|Branch|Clinic) (\d+)", stem)
        assert m, stem
        n = m.group(2)
        form = rng.choice(
            (f"#{n}", f"No. {n}", f"{m.group(1)} #{int(n):03d}", f"({m.group(1)} {n})", f"- {n}")
        )
        return stem[: m.start()] + form
    if cls == "branch_suffix":
        return stem + rng.choice(BRANCH_SUFFIXES + LOCAL_BRANCHES.get(client.country, ()))
    if cls == "word_order":
        m = re.match(
            r"(.+?) & (.+?) (Legal|Chartered Accountants|Architects|Surveyors|Consulting)$", stem
        )
        assert m, stem
        return f"{m.group(2)} & {m.group(1)} {m.group(3)}"
    if cls == "the_and":
        if "&" in stem:
            return stem.replace("&", "and") + " " + legal
        return rng.choice((f"The {stem}", f"{stem}, The", f"The {stem} {legal}"))
    if cls == "generic_word_dropped":
        words = [w for w in stem.split() if w not in GENERIC_WORDS or w == stem.split()[0]]
        return " ".join(words)
    if cls == "dba":
        shape = rng.randrange(3)
        if shape == 0:
            return f"{client.name} dba {client.trade_name}"
        if shape == 1:
            return f"{stem} t/a {client.trade_name}"
        return f"{client.trade_name} ({client.name})"
    if cls == "trading_name":
        return client.trade_name
    raise ValueError(cls)
