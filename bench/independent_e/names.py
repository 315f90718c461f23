"""Customer names: set E's own vocabulary, and how a PSA spells a customer.

A customer has a canonical (legal, clean) name built from parts, so the PSA
spelling can change one part the way real systems differ: a typo in the
legal form, an abbreviated word, a branch note, a store number written
another way, a trading name, folded accents.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

REGIONS: dict[str, tuple[str, ...]] = {
    "USD": ("US",),
    "GBP": ("UK", "UK", "UK", "IE"),
    "EUR": ("DE", "FR", "NL", "LU", "PL", "FI", "BE", "AT", "DK", "ES", "SE", "NO"),
    "AUD": ("AU", "AU", "AU", "NZ"),
    "CAD": ("CA",),
}

LEGAL: dict[str, tuple[str, ...]] = {
    "US": ("LLC", "Inc.", "PLLC", "LLP", "Corp.", "P.C.", "Co."),
    "UK": ("Ltd", "Limited", "LLP", "plc"),
    "IE": ("Ltd", "Limited", "DAC"),
    "DE": ("GmbH", "GmbH & Co. KG", "e.K.", "AG"),
    "AT": ("GmbH", "KG"),
    "FR": ("SARL", "SAS", "S.A.S."),
    "LU": ("S.à r.l.", "S.A."),
    "NL": ("B.V.", "BV"),
    "BE": ("BV", "NV", "SRL"),
    "PL": ("Sp. z o.o.", "S.A."),
    "FI": ("Oy", "Oy Ab"),
    "DK": ("ApS", "A/S"),
    "SE": ("AB", "Handelsbolag"),
    "NO": ("AS",),
    "ES": ("S.L.", "S.A."),
    "AU": ("Pty Ltd", "Pty. Ltd.", "Pty Limited"),
    "NZ": ("Limited", "Ltd"),
    "CA": ("Inc.", "Ltd.", "Ltée", "Corp."),
}

LEGAL_TYPOS: dict[str, tuple[str, ...]] = {
    "LLC": ("LCC", "L.L.C", "LLc"),
    "Inc.": ("Inc,", "Icn.", "Incorporated"),
    "PLLC": ("PLCC", "P.L.L.C."),
    "LLP": ("LPP", "L.L.P."),
    "Corp.": ("Crop.", "Corporation", "Corporaiton"),
    "P.C.": ("PC", "P C"),
    "Co.": ("Company", "Co"),
    "Ltd": ("Ltd.", "Ldt", "Lt'd"),
    "Limited": ("Limted", "Limietd", "Ltd"),
    "plc": ("PLC", "p.l.c."),
    "DAC": ("D.A.C.",),
    "GmbH": ("Gmbh", "GmBH", "G.m.b.H."),
    "GmbH & Co. KG": ("GmbH & Co KG", "Gmbh u. Co. KG", "GmbH&Co.KG"),
    "e.K.": ("eK", "e. K."),
    "AG": ("A.G.",),
    "KG": ("K.G.",),
    "SARL": ("S.A.R.L.", "Sarl", "SRL"),
    "SAS": ("S.A.S", "Sas"),
    "S.A.S.": ("SAS", "S.A.S"),
    "S.à r.l.": ("S.a r.l.", "SARL", "S.à.r.l", "Sàrl"),
    "S.A.": ("SA", "S.A"),
    "B.V.": ("BV", "B.V", "bv"),
    "BV": ("B.V.", "B V"),
    "NV": ("N.V.",),
    "SRL": ("S.R.L.",),
    "Sp. z o.o.": ("Sp. z.o.o.", "sp. z o. o.", "Sp z oo", "Spółka z o.o."),
    "Oy": ("OY", "Oy."),
    "Oy Ab": ("Oy AB", "Oy-Ab"),
    "AB": ("A.B.", "Ab", "Aktiebolag"),
    "Handelsbolag": ("HB", "Handelsbolaget"),
    "AS": ("A/S", "A.S"),
    "ApS": ("Aps", "APS"),
    "A/S": ("AS", "A.S."),
    "S.L.": ("SL", "S.L"),
    "Pty Ltd": ("Pty Ldt", "Pyt Ltd", "P/L", "Pty. Ltd", "PTY LTD"),
    "Pty. Ltd.": ("Pty Ltd", "Pty. Ltd", "Pty Lt"),
    "Pty Limited": ("Pty Limted", "Pty Ltd"),
    "Ltd.": ("Ltd", "Ldt."),
    "Ltée": ("Ltee", "Ltée.", "Limitée"),
}

SURNAMES: dict[str, tuple[str, ...]] = {
    "US": (
        "Núñez",
        "Gonçalves",
        "Bjørklund",
        "Weiß",
        "Łopez-Brandt",
        "Ødegaard",
        "Sæther",
        "Halvorsen",
        "Okafor",
        "Delgado",
        "Whitfield",
        "Nakamura",
        "Brennan",
        "Kowalczyk",
        "Marchetti",
        "Abernathy",
        "Castellanos",
        "Ferreira",
        "Lindqvist",
        "Oyelaran",
        "Pruitt",
        "Szabó",
        "Thibodeaux",
        "Vance",
        "Yamada",
        "Zielinski",
        "Mbeki",
        "Gallagher",
        "Renner",
        "Ashdown",
        "Carrow",
        "Dufresne",
        "Ellery",
    ),
    "UK": (
        "Brønnum",
        "Kråkenes",
        "Weißmann",
        "Dúnlaith",
        "Łazarski",
        "Ashworth",
        "Pemberton",
        "Fairbairn",
        "Okonkwo",
        "Hartley",
        "Kowalski",
        "Lethbridge",
        "Mulholland",
        "Pennington",
        "Rashid",
        "Sillitoe",
        "Thwaite",
        "Underhill",
        "Wainwright",
        "Bjørnsen",
        "Ó Briain",
        "Carrick",
        "Dunmore",
        "Everard",
        "Gorringe",
    ),
    "IE": ("Ó Súilleabháin", "Fitzgerald", "Mac Cárthaigh", "Brennan", "Kehoe", "Nolan", "Dunphy"),
    "DE": (
        "Müller",
        "Weißbach",
        "Schröder",
        "Großmann",
        "Köhler",
        "Strauß",
        "Bäcker",
        "Hoffmann",
        "Jäger",
        "Vogt",
        "Brandstätter",
    ),
    "AT": ("Gruber", "Haßler", "Pichler", "Wöhrer", "Eder"),
    "FR": ("Lefèvre", "Gauthier", "Bérénger", "Rousseau", "Dupré", "Chevalier", "Mercier"),
    "LU": ("Kieffer", "Hoffmann", "Wagner", "Schmït", "Reuter"),
    "NL": ("de Vries", "van Dijk", "Jansen", "Bakker", "Visser", "van der Berg", "Smit"),
    "BE": ("Peeters", "Janssens", "Maes", "Claes", "Wouters"),
    "PL": ("Kowalczyk", "Łukaszewski", "Wróblewski", "Zieliński", "Nowak", "Kałuża"),
    "FI": ("Mäkinen", "Virtanen", "Häkkinen", "Lindström", "Koskinen"),
    "DK": ("Sørensen", "Bjørn", "Kjær", "Østergaard", "Hansen", "Mæhle"),
    "SE": ("Åkesson", "Sjöberg", "Ekström", "Bergström", "Lindqvist", "Nyström"),
    "NO": ("Bjørklund", "Haugen", "Sæther", "Ødegård", "Kvåle"),
    "ES": ("Muñoz", "García", "Peñalver", "Ibáñez", "Ortega"),
    "AU": (
        "Sørensen",
        "Østlund",
        "Dvořák",
        "Łukasik",
        "Fitzroy",
        "Nguyen",
        "McAllister",
        "Papadopoulos",
        "Tran",
        "Kowalski",
        "O'Rourke",
        "Brennan",
        "Whitlam",
        "Castellano",
        "Ngata",
        "Harcourt",
        "Lindqvist",
        "Jørgensen",
    ),
    "NZ": ("Te Aho", "Whittaker", "Ngata", "McKenzie", "Parata", "Søndergaard"),
    "CA": (
        "Ouellète",
        "Fréchette",
        "Sørlie",
        "Głowacki",
        "Tremblay",
        "Gagnon",
        "Côté",
        "Bouchard",
        "MacLeod",
        "Chen",
        "Okafor",
        "Lévesque",
        "Desjardins",
        "Ferreira",
        "Bélanger",
        "Kowalchuk",
    ),
}

PLACES: dict[str, tuple[str, ...]] = {
    "US": (
        "Harborview",
        "Cedar Falls",
        "Pinecrest",
        "Lakeshore",
        "Redwood",
        "Stonebridge",
        "Willow Creek",
        "Ironwood",
        "Bayside",
        "Granite Peak",
        "Maple Grove",
        "Sun Valley",
    ),
    "UK": (
        "Kingsbridge",
        "Harrowgate",
        "Thornbury",
        "Ashford",
        "Wyndham",
        "Castlegate",
        "Millbrook",
        "Fenwick",
        "Saltmarsh",
        "Elmstead",
    ),
    "IE": ("Ballymore", "Clontarf", "Kilcullen", "Glenbeigh"),
    "DE": ("Rheinblick", "Nordhafen", "Isartal", "Südstadt", "Elbufer", "Mainau"),
    "AT": ("Donaublick", "Alpental"),
    "FR": ("Bellerive", "Côte d'Or", "Montclair", "Saint-Éloi"),
    "LU": ("Kirchberg", "Mosel"),
    "NL": ("Zuidas", "Haven", "Duinzicht", "Polderland"),
    "BE": ("Scheldezicht", "Meerdaal"),
    "PL": ("Wisła", "Mokotów", "Nadodrze"),
    "FI": ("Järvenpää", "Kallio", "Pohjola"),
    "DK": ("Nørrebro", "Østerport", "Fjordby"),
    "SE": ("Södermalm", "Göta", "Norrland"),
    "NO": ("Grünerløkka", "Bryggen", "Tromsø"),
    "ES": ("Montjuïc", "Alameda"),
    "AU": (
        "Bondi",
        "Parramatta",
        "Fremantle",
        "Toowong",
        "Glenelg",
        "Southbank",
        "Wollongong",
        "Ballarat",
        "Cairns",
        "Ipswich",
    ),
    "NZ": ("Ponsonby", "Riccarton", "Te Aro", "Tauranga"),
    "CA": ("Kelowna", "Laval", "Saint-Laurent", "Bedford", "Nanaimo", "Sherbrooke", "Lakehead"),
}

COINED: tuple[str, ...] = (
    "Bluewattle",
    "Northstar",
    "Quillfeather",
    "Ironbark",
    "Silverline",
    "Copperleaf",
    "Greenmantle",
    "Brightwater",
    "Fernhollow",
    "Stonepath",
    "Tidewell",
    "Highgrove",
    "Clearwing",
    "Oakhaven",
    "Saltbush",
    "Kestrel",
    "Larkspur",
    "Moorfield",
    "Nettlebed",
    "Pebblecreek",
    "Ravenstone",
    "Thornfield",
    "Wavecrest",
    "Yarrow",
    "Zephyr",
    "Æbleholm",
    "Fjellstue",
)

# industry phrases: (words, abbreviations that a person types for them)
INDUSTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Dental Group", ("Dental Grp", "Dntl Group")),
    ("Family Dentistry", ("Family Dent.", "Fam Dentistry")),
    ("Veterinary Clinic", ("Vet Clinic", "Veterinary Clin.")),
    ("Physiotherapy", ("Physio", "Phsyio")),
    ("Chartered Accountants", ("Chartered Accts", "Chart. Accountants")),
    ("Accounting Services", ("Acctg Svcs", "Accounting Svcs", "Acct Scvs")),
    ("Property Management", ("Property Mgmt", "Prop. Mngmt", "Property Mgt")),
    ("Engineering Consultants", ("Eng. Consultants", "Engineering Cons.", "Engg Consultants")),
    ("Architects", ("Archts", "Arch.")),
    ("Solicitors", ("Sols", "Solicitors & Co")),
    ("Law Group", ("Law Grp", "Lw Group")),
    ("Construction", ("Constr.", "Constrn")),
    ("Logistics", ("Logstics", "Log.")),
    ("Freight Services", ("Freight Svcs", "Frt Services")),
    ("Medical Centre", ("Med Ctr", "Medical Ctr", "Med. Centre")),
    ("Pharmacy", ("Pharm.", "Phcy")),
    ("Insurance Brokers", ("Ins. Brokers", "Insurance Brkrs")),
    ("Financial Planning", ("Fin Planning", "Financial Plng")),
    ("Marketing Agency", ("Mktg Agency", "Marketing Agcy")),
    ("Landscaping", ("Landscpg", "Lndscaping")),
    ("Electrical Contractors", ("Elec. Contractors", "Electrical Contr.")),
    ("Plumbing & Heating", ("Plumbing and Heating", "Plmbg & Htg")),
    ("Real Estate", ("R.E.", "Real Est.")),
    ("Manufacturing", ("Mfg", "Manuf.")),
    ("International Trading", ("Intl Trading", "Int'l Trading")),
    ("Brothers Joinery", ("Bros Joinery", "Bros. Joinery")),
    ("Associates", ("Assoc.", "Assocs")),
    ("Community Health", ("Comm. Health", "Community Hlth")),
    ("Optometrists", ("Optom.", "Optometry")),
    ("Bakery", ("Bakehouse", "Bkry")),
)

SIBLING_SETS: tuple[tuple[str, str], ...] = (
    ("Dental Group", "Dental Lab"),
    ("Holdings", "Properties"),
    ("Physiotherapy", "Pilates Studio"),
    ("Accountants", "Wealth Advisers"),
    ("Primary School", "High School"),
    ("Medical Centre", "Medical Imaging"),
    ("Motors", "Motor Finance"),
    ("Law Group", "Law Foundation"),
)

CHAINS: tuple[tuple[str, str, str], ...] = (
    ("Pinecrest", "Pharmacy", "Store"),
    ("QuickFuel", "Service Station", "Site"),
    ("Sunrise", "Childcare", "Centre"),
    ("Kwik", "Mart", "Store"),
    ("Harbour", "Optical", "Branch"),
    ("Greenleaf", "Garden Centre", "Store"),
    ("FitLab", "Gym", "Club"),
    ("Bright Smile", "Dental", "Practice"),
    ("Paws & Claws", "Vet", "Clinic"),
)

# words a region spells its own way
LOCAL_WORDS: dict[str, dict[str, str]] = {
    "US": {
        "Solicitors": "Attorneys",
        "Chartered Accountants": "CPAs",
        "Centre": "Center",
        "Optometrists": "Optometry",
        "Physiotherapy": "Physical Therapy",
    },
    "CA": {"Solicitors": "Lawyers", "Centre": "Center"},
}


def localise(region: str, text: str) -> str:
    for word, local in LOCAL_WORDS.get(region, {}).items():
        text = text.replace(word, local)
    return text


BRANCHES: tuple[str, ...] = (
    " - Head Office",
    " (Main Office)",
    " – HQ",
    " - Downtown",
    " [Hauptsitz]",
    " / Siège",
    " - Main Branch",
    " (City)",
    " - Admin",
    " HO",
)

TRADING_FIRST: tuple[str, ...] = (
    "Juniper",
    "Bluebird",
    "Sable",
    "Marigold",
    "Driftwood",
    "Cobalt",
    "Foxglove",
    "Lantern",
    "Saffron",
    "Honeycomb",
    "Magpie",
    "Wren",
    "Indigo",
    "Tallow",
    "Orchard Lane",
)

TRADE_WORDS: tuple[str, ...] = (
    "Smiles",
    "Kitchen",
    "Studio",
    "Collective",
    "Works",
    "Co",
    "Clinic",
    "Lab",
    "House",
)

TLD: dict[str, str] = {
    "US": "com",
    "UK": "co.uk",
    "IE": "ie",
    "DE": "de",
    "AT": "at",
    "FR": "fr",
    "LU": "lu",
    "NL": "nl",
    "BE": "be",
    "PL": "pl",
    "FI": "fi",
    "DK": "dk",
    "ES": "es",
    "SE": "se",
    "NO": "no",
    "AU": "com.au",
    "NZ": "co.nz",
    "CA": "ca",
}

PEOPLE_FIRST: tuple[str, ...] = (
    "Aisha",
    "Bram",
    "Chloé",
    "Dmitri",
    "Eamon",
    "Fatima",
    "Greta",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Léa",
    "Magnus",
    "Nadia",
    "Oskar",
    "Priya",
    "Rafael",
    "Sanne",
    "Tomasz",
    "Uma",
)

_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "œ": "oe",
        "å": "a",
        "Å": "A",
    }
)


GENERIC_WORDS = frozenset(
    {
        "Group",
        "Services",
        "Clinic",
        "Centre",
        "Center",
        "Consultants",
        "Contractors",
        "Agency",
        "Brokers",
        "Practice",
    }
)


def fold_accents(text: str) -> str:
    """ASCII spelling of a name, the way many systems store a tenant."""
    text = text.translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def has_accents(text: str) -> bool:
    return fold_accents(text) != text


@dataclass
class ClientName:
    region: str
    core: str  # distinctive words ("Halvorsen", "Okafor & Lindqvist")
    industry: str  # generic words ("Dental Group")
    industry_abbr: tuple[str, ...]
    legal: str
    the: bool = False
    number: int | None = None  # numbered location
    number_word: str = "Store"
    trading: str | None = None  # what the MSP calls them (dba / t/a)
    sibling: bool = False

    @property
    def canonical(self) -> str:
        parts = []
        if self.the:
            parts.append("The")
        parts.append(self.core)
        if self.industry:
            parts.append(self.industry)
        if self.number is not None:
            parts.append(f"{self.number_word} {self.number}")
        parts.append(self.legal)
        return " ".join(parts)

    def domain(self) -> str:
        base = self.trading or f"{self.core} {self.industry}"
        word = "".join(ch for ch in fold_accents(base).lower() if ch.isalnum())
        if self.number is not None:
            word += str(self.number)
        return f"{word[:24]}.{TLD[self.region]}"


def typo(rng: random.Random, word: str) -> str:
    """One keyboard slip in a word of five letters or more."""
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 2)
    op = rng.randrange(4)
    if op == 0:  # swap
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 1:  # drop
        return word[:i] + word[i + 1 :]
    if op == 2:  # double
        return word[:i] + word[i] + word[i:]
    near = {
        "a": "s",
        "e": "r",
        "i": "o",
        "o": "i",
        "n": "m",
        "r": "t",
        "s": "a",
        "t": "r",
        "l": "k",
        "u": "y",
        "c": "v",
        "m": "n",
        "d": "f",
        "h": "g",
        "g": "h",
    }
    ch = word[i].lower()
    return word[:i] + near.get(ch, ch) + word[i + 1 :]


def psa_spelling(rng: random.Random, name: ClientName, cls: str, has_domain: bool = True) -> str:
    """The customer's name in the PSA under one class (``untouched`` = canonical)."""
    canon = name.canonical
    if cls == "legal_suffix_typo":
        return canon[: -len(name.legal)] + rng.choice(
            LEGAL_TYPOS.get(name.legal, (name.legal + ".",))
        )
    if cls == "short_name":
        return name.core if rng.random() < 0.6 else f"{name.core} ({name.industry.split()[0]})"
    if cls == "initialism":
        short = initials(name)
        return rng.choice((short, f"{short} {name.legal}", f"{short} - {name.core}"))
    if cls == "legal_dropped":
        return canon[: -len(name.legal)].rstrip()
    if cls == "abbreviation":
        return canon.replace(name.industry, rng.choice(name.industry_abbr), 1)
    if cls == "and_amp":
        if " & " in canon:
            return canon.replace(" & ", rng.choice((" and ", " + ", "&")), 1)
        return canon.replace(" and ", " & ", 1)
    if cls == "the_prefix":
        return canon[4:] if name.the else "The " + canon
    if cls == "word_order":
        head = f"{name.industry} - {name.core}" if name.industry else name.core
        return f"{head} {name.legal}" if rng.random() < 0.5 else head
    if cls == "branch":
        return canon + rng.choice(BRANCHES)
    if cls == "store_number":
        n = name.number
        style = rng.choice(
            (
                f"#{n}",
                f"No. {n}",
                f"#{n:03d}",
                f"- {n}",
                f"({name.number_word} {n})",
                f"{name.number_word[:3]} {n:02d}",
                f"{name.number_word} #{n}",
            )
        )
        base = f"{'The ' if name.the else ''}{name.core} {name.industry}"
        if style.startswith("("):
            return f"{base} {style}"
        return f"{base} {style} {name.legal}" if rng.random() < 0.4 else f"{base} {style}"
    if cls == "dba":
        trading = name.trading or ""
        legal = canon
        shared = (
            f"{legal} dba {trading}",
            f"{legal} t/a {trading}",
            f"{trading} ({name.core})",
            f"{trading} - {name.core} {name.legal}",
        )
        alone = (trading, f"{trading} (dba)")
        return rng.choice(shared + alone if has_domain else shared)
    if cls == "accents":
        folded = fold_accents(canon)
        return folded if folded != canon else canon
    if cls == "typo":
        words = name.core.split(" ")
        idx = max(range(len(words)), key=lambda k: len(words[k]))
        words[idx] = typo(rng, words[idx])
        return canon.replace(name.core, " ".join(words), 1)
    if cls == "case_punct":
        how = rng.randrange(4)
        if how == 0:
            return canon.upper()
        if how == 1:
            return canon.replace(".", "").replace(",", "")
        if how == 2:
            return canon.lower()
        return canon.replace(" ", "-", 1)
    if cls == "generic_dropped":
        short = " ".join(w for w in name.industry.split(" ") if w not in GENERIC_WORDS)
        return canon.replace(name.industry, short, 1).replace("  ", " ")
    return canon


def initials(name: ClientName) -> str:
    """'Kingsbridge International Trading' → 'KIT'; 'Okafor & Lindqvist Solicitors' → 'O&LS'."""
    words = f"{name.core} {name.industry}".replace("-", " ").split()
    return "".join(
        "&" if w.lower() in ("&", "and") else w[0].upper()
        for w in words
        if w[0].isalpha() or w == "&"
    )


def applicable_classes(
    name: ClientName, has_domain: bool, short_ok: bool = False, initials_ok: bool = False
) -> list[str]:
    """Name classes that keep this customer recognisable to a careful person."""
    out = ["legal_suffix_typo", "legal_dropped", "typo", "case_punct", "branch"]
    if short_ok:
        out.append("short_name")
    if initials_ok:
        out.append("initialism")
    out.append("account_code")
    if name.industry and not name.sibling and name.number is None:
        out.append("word_order")
        if name.industry_abbr:
            out.append("abbreviation")
        words = name.industry.split(" ")
        if len(words) > 1 and any(w in GENERIC_WORDS for w in words):
            out.append("generic_dropped")
    if name.sibling and name.industry_abbr:
        out.append("abbreviation")
    if "&" in name.core or " and " in name.core:
        out.append("and_amp")
    if name.the or name.number is None:
        out.append("the_prefix")
    if name.number is not None:
        out += ["store_number", "store_number"]
    if name.trading:
        out += ["dba", "dba"]
    if has_accents(name.canonical):
        out += ["accents", "accents"]
    return out
