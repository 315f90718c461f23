"""Customer names: canonical names of several countries and the ways two systems spell them apart.

A name is kept in parts (core, trade, site, legal suffix) so variants can change one part and keep
the parts that tell sibling customers apart.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cached_property

# legal suffixes by region, with a variant and a typo a person might type
LEGAL: dict[str, tuple[tuple[str, str, str], ...]] = {
    "AU": (("Pty Ltd", "Pty. Limited", "Pty Ltf"), ("Pty Ltd", "PTY LTD", "Pyt Ltd")),
    "NZ": (("Limited", "Ltd", "Limted"), ("Ltd", "Limited", "Ldt")),
    "UK": (("Ltd", "Limited", "Ltd."), ("Limited", "Ltd", "Limitd"), ("LLP", "L.L.P.", "LPP")),
    "US": (
        ("LLC", "L.L.C.", "LCC"),
        ("Inc.", "Incorporated", "Inc,"),
        ("PLLC", "P.L.L.C.", "PLCC"),
        ("Corp.", "Corporation", "Corportion"),
    ),
    "CA": (("Ltd.", "Limited", "Ldt."), ("Inc.", "Incorporated", "Icn.")),
    "DE": (("GmbH", "Gmbh", "GmbG"), ("GmbH & Co. KG", "GmbH & Co KG", "GmbH & Co. KD")),
    "FR": (("SARL", "S.A.R.L.", "SRAL"), ("SAS", "S.A.S.", "SSA")),
    "LU": (("S.à r.l.", "SARL", "S.à.r.l"),),
    "NL": (("B.V.", "BV", "B.V"),),
    "SE": (("AB", "Aktiebolag", "AB."),),
    "FI": (("Oy", "Oy Ab", "Oy."),),
    "NO": (("AS", "A/S", "A.S"),),
    "DK": (("ApS", "Aps", "AsP"),),
    "PL": (("Sp. z o.o.", "sp. z o. o.", "Sp. z.o.o"),),
}

CORES: dict[str, tuple[str, ...]] = {
    "AU": (
        "Wattle Creek",
        "Kookaburra",
        "Bondi Ridge",
        "Paddington",
        "Yarraville",
        "Mornington",
        "Coolangatta",
        "Ballarat",
        "Eucalypt",
        "Southern Cross",
        "Murray Bridge",
        "Tamworth",
    ),
    "NZ": ("Kōwhai", "Tauranga", "Rangitoto", "Pōhutukawa", "Whanganui", "Kaikōura"),
    "UK": (
        "Thornbury",
        "Ashcombe",
        "Pennine",
        "Cotswold",
        "Harrowgate",
        "Kestrel",
        "Saltmarsh",
        "Blackthorn",
        "Wyvern",
        "Fenwick & Doyle",
        "Marlow",
        "Aldgate",
        "St. Albans",
    ),
    "US": (
        "Cedar Ridge",
        "Lone Pine",
        "Bayou",
        "Redwood",
        "Mesa Verde",
        "Hudson Valley",
        "Copper State",
        "Magnolia",
        "Blue Heron",
        "O'Connell",
        "Keystone",
        "Prairie Wind",
        "Tidewater",
    ),
    "CA": ("Maple Leaf", "Laurentian", "Okanagan", "Fundy", "Béland", "Muskoka", "Saint-Laurent"),
    "DE": ("Müller", "Weißenburg", "Schäfer", "Rheinblick", "Großmann", "Bergstraße", "Köhler"),
    "FR": ("Bérard", "Côte Bleue", "Lefèvre", "Montagné", "Val d'Oise"),
    "LU": ("Kirchberg", "Moselle", "Ettelbréck"),
    "NL": ("Van der Berg", "De Molen", "Zuiderzee", "Groenveld", "IJsselmonde"),
    "SE": ("Åkerlund", "Norrsken", "Björkdal", "Sjöberg", "Fjällvik"),
    "FI": ("Järvinen", "Pohjola", "Kuusamo", "Mäkelä"),
    "NO": ("Østby", "Fjellheim", "Søndre", "Hålogaland", "Kvitsand"),
    "DK": ("Ærøskøbing", "Søndergaard", "Hvidbjerg", "Nørrebro"),
    "PL": ("Łódzka", "Kowalczyk", "Wiśniewski", "Zielona Góra", "Gdańska", "Małopolska"),
}

TRADES: tuple[tuple[str, str], ...] = (
    # (trade, sibling trade that is a different customer)
    ("Dental Group", "Dental Lab"),
    ("Veterinary Clinic", "Veterinary Hospital"),
    ("Physiotherapy", "Physiotherapy & Pilates"),
    ("Accountants", "Wealth Advisers"),
    ("Legal", "Conveyancing"),
    ("Architects", "Interiors"),
    ("Engineering Services", "Engineering Consultants"),
    ("Logistics", "Freight Forwarding"),
    ("Bakery", "Bakery Café"),
    ("Pharmacy", "Compounding Pharmacy"),
    ("Property Management", "Property Sales"),
    ("Plumbing & Heating", "Plumbing Supplies"),
    ("Medical Centre", "Medical Imaging"),
    ("Joinery", "Kitchens"),
    ("Orthodontics", "Oral Surgery"),
    ("Insurance Brokers", "Insurance Services"),
    ("Surveyors", "Land Surveying"),
    ("Hotel", "Hotel & Spa"),
    ("Winery", "Cellar Door"),
    ("Brewing Co", "Taproom"),
    ("Motors", "Motor Body Repairs"),
    ("Electrical Services", "Electrical Wholesale"),
    ("Early Learning Centre", "Out of School Care"),
    ("Chiropractic", "Sports Medicine"),
    ("Funeral Services", "Memorial Gardens"),
    ("Nurseries", "Landscaping"),
)

# distinctive trade names, used once each: a customer known by its trade name (legal entity on the bill)
BRAND_CORES: tuple[str, ...] = (
    "Bluegum",
    "Saltwater",
    "Ironbark",
    "Copperleaf",
    "Fernhill",
    "Quillon",
    "Larkspur",
    "Tidemark",
    "Oakhaven",
    "Brightwater",
    "Stonebridge",
    "Wrenfield",
    "Kingfisher Quay",
    "Halcyon",
    "Driftwood",
    "Juniper & Sage",
    "Amberley",
    "Solstice",
    "Northstar",
    "Silverbirch",
    "Heronsgate",
    "Lindqvist",
    "Østerlund",
    "Brückner",
    "Sørvik",
    "Leśniewski",
    "Châtelaine",
    "Greyfriars",
    "Wildflower",
    "Pinecrest",
    "Marigold",
    "Falconer",
    "Redfern",
    "Hawthorne & Vale",
    "Blackwood",
    "Seabright",
    "Goldcrest",
    "Moorland",
)
SITE_WORDS: tuple[str, ...] = ("Store", "Branch", "Site", "Clinic")
HOLDING_WORDS: tuple[str, ...] = ("Holdings", "Group", "Enterprises", "Investments")

# abbreviations a person types for a word, and a misspelt abbreviation
ABBREV: dict[str, tuple[str, str]] = {
    "Services": ("Svcs", "Svsc"),
    "Management": ("Mgmt", "Mgmnt"),
    "Engineering": ("Eng.", "Engg"),
    "Consultants": ("Consult.", "Cnsltnts"),
    "Veterinary": ("Vet", "Vetinary"),
    "Physiotherapy": ("Physio", "Phsyio"),
    "Property": ("Prop.", "Propty"),
    "Electrical": ("Elec.", "Electl"),
    "Accountants": ("Accts", "Acctns"),
    "Medical": ("Med.", "Medcl"),
    "Centre": ("Ctr", "Cntre"),
    "Insurance": ("Ins.", "Insur"),
    "Logistics": ("Logist.", "Logstcs"),
    "Orthodontics": ("Ortho", "Orthdntcs"),
    "Early": ("Erly", "Erl"),
    "Learning": ("Lrng", "Lrning"),
    "Funeral": ("Fnrl", "Funrl"),
    "Brokers": ("Brkrs", "Brokrs"),
    "Architects": ("Archts", "Archtcts"),
    "Chiropractic": ("Chiro", "Chrio"),
    "Surveyors": ("Survyrs", "Srvyrs"),
    "Group": ("Grp", "Gp"),
    "Brewing": ("Brew.", "Brwng"),
}

FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "é": "e",
        "è": "e",
        "ê": "e",
        "ô": "o",
        "à": "a",
        "å": "a",
        "Å": "A",
        "ä": "a",
        "ö": "o",
        "ü": "u",
        "Ü": "U",
        "ś": "s",
        "ń": "n",
        "ó": "o",
        "ō": "o",
        "É": "E",
        "Ö": "O",
        "Ä": "A",
    }
)

# words people leave out of a customer's name
GENERIC_WORDS = frozenset(
    {"Group", "Services", "Centre", "Co", "Clinic", "Hospital", "Consultants"}
)

BRANCH_SUFFIXES: tuple[str, ...] = (
    " - Head Office",
    " (Main Office)",
    " - HQ",
    " [Head Office]",
    " - Admin",
    " (Accounts Payable)",
)


@dataclass
class ClientName:
    """A customer's name in parts; `canonical` is what truth.json calls it."""

    core: str
    trade: str
    legal: tuple[str, str, str]
    site: str = ""  # e.g. "Store 12"
    article: bool = False  # "The ..."
    holding: str = ""  # for legal-vs-trading: the legal entity's word (Holdings, Group …)

    @cached_property
    def canonical(self) -> str:
        parts = [("The " if self.article else "") + self.core, self.trade]
        if self.site:
            parts.append(self.site)
        return " ".join(parts) + " " + self.legal[0]

    def legal_entity(self) -> str:
        """The tenant's legal name when the MSP knows the customer by its trade name."""
        return f"{self.core} {self.holding} {self.legal[0]}"


def domain_of(name: ClientName) -> str:
    """A tenant domain such as a real onmicrosoft tenant would have."""
    raw = (name.core + name.trade + name.site).translate(FOLD).lower()
    slug = "".join(ch for ch in raw if ch.isalnum())[:26]
    return f"{slug}.onmicrosoft.com"


def typo(word: str, rng: random.Random) -> str:
    """One keyboard slip in a word: swap, drop or double a letter (never at the first letter)."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0 and word[i].isalpha() and word[i + 1].isalpha() and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1 and word[i].isalpha():
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def variant(name: ClientName, cls: str, rng: random.Random) -> str:
    """The PSA's spelling of a customer for one name class."""
    core = ("The " if name.article else "") + name.core
    trade, site, legal = name.trade, name.site, name.legal[0]
    site_part = f" {site}" if site else ""
    if cls == "untouched":
        return name.canonical
    if cls == "legal_suffix_dropped":
        return f"{core} {trade}{site_part}"
    if cls == "legal_suffix_variant":
        return f"{core} {trade}{site_part} {name.legal[1]}"
    if cls == "legal_suffix_typo":
        return f"{core} {trade}{site_part} {name.legal[2]}"
    if cls == "name_typo":
        words = name.core.split()
        idx = max(range(len(words)), key=lambda k: len(words[k]))
        words[idx] = typo(words[idx], rng)
        return (
            " ".join([("The " if name.article else "") + " ".join(words), trade])
            + f"{site_part} {legal}"
        )
    if cls in ("abbreviation", "abbreviation_typo"):
        k = 0 if cls == "abbreviation" else 1
        words = [ABBREV[w][k] if w in ABBREV else w for w in trade.split()]
        return f"{core} {' '.join(words)}{site_part} {legal}"
    if cls == "ampersand":
        text = name.canonical
        return text.replace(" & ", " and ") if " & " in text else text.replace(" and ", " & ")
    if cls == "the_article":
        return (
            f"{name.core} {trade}{site_part} {legal}, The"
            if rng.random() < 0.5
            else f"{name.core} {trade}{site_part} {legal}"
        )
    if cls == "generic_word_dropped":
        words = [w for w in trade.split() if w not in GENERIC_WORDS]
        return f"{core} {' '.join(words)}{site_part} {legal}"
    if cls == "account_code":
        code = rng.choice(("[{n}]", "({n})", "{n} - ", "Acct {n} "))
        tag = code.format(n=f"{sum(map(ord, name.canonical)) % 9000 + 1000}")
        return tag + name.canonical if tag.endswith(" ") else f"{name.canonical} {tag}"
    if cls == "word_order":
        return f"{trade} {core}{site_part} {legal}"
    if cls == "branch_suffix":
        return name.canonical + rng.choice(BRANCH_SUFFIXES)
    if cls == "site_number":
        word, num = site.split()
        form = rng.choice(
            (
                f"{word} #{num}",
                f"#{num}",
                f"{word} No. {num}",
                f"{word} {int(num):03d}",
                f"{word}-{num}",
            )
        )
        return f"{core} {trade} {form} {legal}"
    if cls == "dba":
        return f"{name.legal_entity()} dba {core} {trade}"
    if cls == "trading_as":
        return f"{name.legal_entity()} t/a {core} {trade}"
    if cls == "legal_vs_trading":
        return f"{core} {trade}"
    if cls == "accent_fold":
        return name.canonical.translate(FOLD)
    if cls == "generic_word_dropped":
        words = [w for w in trade.split() if w not in GENERIC_WORDS]
        return f"{core} {' '.join(words)}{site_part} {legal}"
    if cls == "account_code":
        code = rng.choice(("[{n}]", "({n})", "{n} - ", "Acct {n} "))
        num = f"{sum(map(ord, name.canonical)) % 9000 + 1000}"
        tag = code.format(n=num)
        return tag + name.canonical if tag.endswith(" ") else f"{name.canonical} {tag}"
    if cls == "case_punct":
        text = name.canonical
        if rng.random() < 0.5:
            return text.upper()
        return text.replace(".", "").replace("'", "").replace("-", " ").lower().title()
    raise ValueError(cls)


NAME_CLASSES_ANY = (
    "untouched",
    "legal_suffix_dropped",
    "legal_suffix_variant",
    "legal_suffix_typo",
    "name_typo",
    "abbreviation",
    "abbreviation_typo",
    "ampersand",
    "word_order",
    "branch_suffix",
    "accent_fold",
    "case_punct",
    "generic_word_dropped",
    "account_code",
)
# siblings and numbered sites may only be renamed in ways that keep what tells them apart
NAME_CLASSES_SIBLING = (
    "untouched",
    "legal_suffix_dropped",
    "legal_suffix_variant",
    "legal_suffix_typo",
    "accent_fold",
    "case_punct",
)


def applicable(name: ClientName, cls: str) -> bool:
    """Whether a class would change this name at all."""
    if cls in ("abbreviation", "abbreviation_typo"):
        return any(w in ABBREV for w in name.trade.split())
    if cls == "ampersand":
        return " & " in name.canonical or " and " in name.canonical
    if cls == "accent_fold":
        return name.canonical.translate(FOLD) != name.canonical
    if cls == "site_number":
        return bool(name.site)
    if cls == "the_article":
        return name.article
    if cls == "name_typo":
        return max(len(w) for w in name.core.split()) >= 6
    if cls == "generic_word_dropped":
        words = name.trade.split()
        return (
            len(words) >= 2
            and any(w in GENERIC_WORDS for w in words)
            and not all(w in GENERIC_WORDS for w in words)
        )
    if cls == "word_order":
        return not name.site and not name.article
    return True
