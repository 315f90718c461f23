"""Customer names: canonical names, sibling families, and how a PSA types a customer's name.

The vocabulary (prefixes, trades, legal forms, abbreviations and their misspellings) is this
generator's own. A PSA spelling is one of the classes below; every one keeps the words that tell a
customer apart from its siblings, so a careful person can always tell which customer a name means.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

PREFIXES = [
    "Cedar",
    "Maple",
    "Harbor",
    "Summit",
    "Granite",
    "Lakeshore",
    "Pinecrest",
    "Riverbend",
    "Stonegate",
    "Northwind",
    "Bluewater",
    "Ironwood",
    "Redstone",
    "Oakhurst",
    "Silverline",
    "Brightwater",
    "Foxhollow",
    "Willowbrook",
    "Copperfield",
    "Goldcrest",
    "Elmwood",
    "Aspen",
    "Juniper",
    "Ashford",
    "Clearview",
    "Meadowlark",
    "Highland",
    "Seaside",
    "Westbrook",
    "Eastgate",
    "Southport",
    "Kingsley",
    "Hawthorne",
    "Beacon",
    "Sterling",
    "Pioneer",
    "Liberty",
    "Heritage",
    "Evergreen",
    "Birchwood",
    "Rosewood",
    "Thornbury",
    "Ridgeway",
    "Fairmont",
    "Hillcrest",
    "Bayside",
    "Parkside",
    "Cornerstone",
    "Keystone",
    "Bridgewater",
    "Prairie",
    "Sunrise",
    "Windmill",
    "Zenith",
    "Atlas",
    "Orion",
    "Polaris",
    "Vanguard",
    "Apex",
    "Crescent",
    "Everest",
    "Falcon",
    "Glacier",
    "Horizon",
    "Jasper",
    "Kestrel",
    "Larkspur",
    "Marlow",
    "Newport",
    "Osprey",
    "Peregrine",
    "Quarry",
    "Raven",
    "Sequoia",
    "Tamarack",
    "Upland",
    "Verdant",
    "Waverly",
    "Alder",
    "Briar",
    "Cobalt",
    "Dunmore",
    "Emberly",
    "Fenwick",
    "Galloway",
    "Hollis",
    "Inglewood",
    "Kensington",
    "Lockwood",
    "Mayfield",
    "Pembroke",
    "Redfern",
    "Shelby",
    "Trident",
    "Wexford",
    "Ambleside",
    "Brookhaven",
    "Carrington",
    "Davenport",
    "Fairhaven",
    "Greystone",
    "Halcyon",
    "Islington",
    "Larchmont",
    "Moorfield",
    "Northbrook",
    "Pinehurst",
    "Quinlan",
    "Rockport",
    "Saddleback",
    "Timberline",
]

# (trade, abbreviation, misspelt abbreviation); None where people do not shorten the trade
TRADES: list[tuple[str, str | None, str | None]] = [
    ("Dental Care", None, None),
    ("Property Management", "Property Mgmt", "Property Mngmt"),
    ("Insurance Services", "Insurance Svcs", "Insurance Scvs"),
    ("Accounting", "Acctg", "Accting"),
    ("Engineering", "Engr", "Engnr"),
    ("Construction", "Constr.", "Cnstr."),
    ("Veterinary Clinic", "Vet Clinic", "Vet Clnc"),
    ("Manufacturing", "Mfg", "Manfg"),
    ("Medical Center", "Med. Ctr", "Med Cntr"),
    ("Physiotherapy", "Physio", "Phsyio"),
    ("Financial Services", "Fin. Svcs", "Fin Scvs"),
    ("Family Medicine", "Family Med.", "Fmly Med"),
    ("Marketing", "Mktg", "Mktng"),
    ("Consulting", "Consltg", "Conslting"),
    ("Technologies", "Tech", "Technolgs"),
    ("Distribution", "Dist.", "Distrib"),
    ("Electrical", "Elec.", "Electr"),
    ("Plumbing & Heating", "Plumbing & Htg", "Plmbg & Heating"),
    ("Logistics", None, None),
    ("Architects", None, None),
    ("Realty", None, None),
    ("Landscaping", "Landscpg", "Lndscpg"),
    ("Law", None, None),
    ("Transport", "Transp.", "Trnsp"),
    ("Auto Repair", None, None),
    ("Chiropractic", "Chiro", "Chrio"),
    ("Orthodontics", "Ortho", "Orhto"),
    ("Brewing", None, None),
    ("Roofing", None, None),
    ("Staffing", None, None),
]

GENERIC = ["Group", "Partners", "Associates", "Holdings", "Services", "& Co"]

# legal form → the misspellings people leave in (a swapped, lost or doubled letter)
LEGAL: dict[str, list[str]] = {
    "LLC": ["LCC", "LLLC"],
    "Inc.": ["Icn.", "Inc,"],
    "Inc": ["Icn", "Inx"],
    "Corp.": ["Crop.", "Copr."],
    "Corporation": ["Corporaiton", "Coporation", "Corportion"],
    "Ltd": ["Ldt", "Lt"],
    "Limited": ["Limietd", "Limted", "Limitd"],
    "Pty Ltd": ["Pty Ldt", "Pyt Ltd"],
    "LLP": ["LPP"],
    "PLLC": ["PLCC"],
    "GmbH": ["GmgH", "GbmH"],
    "Company": ["Compnay", "Comapny"],
}

# the same legal form written long or short
LEGAL_FORMS = {
    "Limited": "Ltd",
    "Ltd": "Limited",
    "Corporation": "Corp.",
    "Corp.": "Corporation",
    "Company": "Co.",
    "Inc.": "Incorporated",
    "Inc": "Incorporated",
}

# customers whose names carry letters NFKD does not fold (or accents); the PSA types them plain
ACCENTED: list[tuple[str, list[str]]] = [
    ("Søndergaard Rådgivning ApS", ["Sondergaard Radgivning ApS", "Soendergaard Raadgivning ApS"]),
    ("Bjørnstad Marine AS", ["Bjornstad Marine AS", "Bjoernstad Marine AS"]),
    ("Dæhlie Sport & Fritid AS", ["Daehlie Sport & Fritid AS", "Dahlie Sport & Fritid AS"]),
    ("Weißbach Architekten GmbH", ["Weissbach Architekten GmbH", "Weisbach Architekten GmbH"]),
    (
        "Müller & Söhne Feinmechanik GmbH",
        ["Mueller & Soehne Feinmechanik GmbH", "Muller & Sohne Feinmechanik GmbH"],
    ),
    ("Café Lumière Bakery LLC", ["Cafe Lumiere Bakery LLC"]),
    ("Łódź Trading Sp. z o.o.", ["Lodz Trading Sp. z o.o.", "Lodz Trading Sp z oo"]),
    ("Ærø Ferry Supplies ApS", ["Aero Ferry Supplies ApS", "Aeroe Ferry Supplies ApS"]),
    ("Crème Brûlée Patisserie Inc.", ["Creme Brulee Patisserie Inc."]),
    ("Øresund Freight ApS", ["Oresund Freight ApS", "Oeresund Freight ApS"]),
    ("Škoda Autoservis s.r.o.", ["Skoda Autoservis s.r.o."]),
    ("Núñez Landscaping LLC", ["Nunez Landscaping LLC"]),
]

# legal owner (vendor tenant) trading under another name (the PSA often keeps only one of them)
DBA: list[tuple[str, str]] = [
    ("Harbor Lane Holdings LLC", "Bayside Bistro"),
    ("KRM Ventures Inc.", "Sunrise Auto Glass"),
    ("Patel Family Enterprises LLC", "Riverside Pharmacy"),
    ("Okafor Group Inc.", "Lagos Kitchen"),
    ("J&M Nguyen Corp.", "Golden Lotus Nail Spa"),
    ("Whitfield Investments Ltd", "The Copper Kettle"),
    ("Brandt Capital LLC", "Alpine Fitness Studio"),
    ("Delacroix Properties Inc.", "Fleur Boutique Hotel"),
]

BRANCH_SUFFIXES = [" - Main Office", " (Head Office)", " - HQ", " - Downtown", " (Main Site)"]

# sibling families: different customers whose names differ in one word or number
GROUP_LAB = [
    ("Dental Group", "Dental Lab"),
    ("Family Medicine", "Family Pharmacy"),
    ("Engineering Group", "Engineering Lab"),
    ("Law Group", "Law Partners"),
]
BRANCHES = [
    ("North", "South"),
    ("Downtown", "Airport"),
    ("Eastside", "Westside"),
    ("Main Street", "Harbour Road"),
]
STORE_CHAINS = ["Foods", "Market", "Hardware", "Pharmacy", "Pet Supplies", "Cellular"]


@dataclass
class Client:
    canonical: str
    trade: tuple[str, str | None, str | None] | None = None
    generic: str | None = None
    legal: str | None = None
    prefix: str = ""
    family: str | None = None  # sibling family id
    store: int | None = None
    chain: str | None = None
    dba: tuple[str, str] | None = None
    accented: list[str] = field(default_factory=list)
    domain: str = ""
    vendor_name: str = ""
    vendor_classes: list[str] = field(default_factory=list)
    psa_name: str = ""
    psa_class: str = "untouched"


def fold(text: str) -> str:
    table = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L"})
    text = unicodedata.normalize("NFKD", text.translate(table))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _domain(name: str, taken: set[str]) -> str:
    base = "".join(ch for ch in fold(name).lower() if ch.isalnum())[:24]
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    taken.add(candidate)
    return f"{candidate}.onmicrosoft.com"


def make_clients(rng: random.Random, count: int) -> list[Client]:
    """Return `count` customers: mostly ordinary, plus sibling families, stores, dba and accents."""
    prefixes = PREFIXES[:]
    rng.shuffle(prefixes)
    prefix_iter = iter(prefixes * 4)
    used_pairs: set[tuple[str, str]] = set()
    used_prefix_family: set[str] = set()
    clients: list[Client] = []
    legal_forms = list(LEGAL)

    def next_prefix(avoid_family: bool = False) -> str:
        while True:
            p = next(prefix_iter)
            if avoid_family and p in used_prefix_family:
                continue
            return p

    # families first: about one client in seven belongs to a family
    families = max(3, count // 20)
    for f in range(families):
        kind = ("group_lab", "stores", "branches")[f % 3]
        prefix = next_prefix()
        used_prefix_family.add(prefix)
        legal = rng.choice(["LLC", "Inc.", "Ltd", "Pty Ltd", "PLLC", "Corp."])
        fam = f"family{f}"
        if kind == "group_lab":
            a, b = GROUP_LAB[f // 3 % len(GROUP_LAB)]
            for word in (a, b):
                clients.append(
                    Client(f"{prefix} {word} {legal}", legal=legal, prefix=prefix, family=fam)
                )
        elif kind == "stores":
            chain = STORE_CHAINS[f // 3 % len(STORE_CHAINS)]
            numbers = rng.sample([3, 7, 9, 12, 15, 21, 28, 34, 40, 56], 3)
            for n in sorted(numbers):
                clients.append(
                    Client(
                        f"{prefix} {chain} Store {n}",
                        prefix=prefix,
                        family=fam,
                        store=n,
                        chain=chain,
                    )
                )
        else:
            trade = rng.choice([t for t in TRADES if t[1] is None])
            a, b = BRANCHES[f // 3 % len(BRANCHES)]
            for where in (a, b):
                clients.append(
                    Client(
                        f"{prefix} {trade[0]} {legal} - {where}",
                        legal=legal,
                        prefix=prefix,
                        family=fam,
                    )
                )
    for name, plain in ACCENTED[: max(2, count // 25)]:
        clients.append(Client(name, accented=plain))
    for legal_name, trade_name in DBA[: max(2, count // 30)]:
        clients.append(Client(f"{legal_name} dba {trade_name}", dba=(legal_name, trade_name)))
    while len(clients) < count:
        prefix = next_prefix(avoid_family=True)
        trade = rng.choice(TRADES)
        if (prefix, trade[0]) in used_pairs:
            continue
        used_pairs.add((prefix, trade[0]))
        generic = rng.choice(GENERIC) if rng.random() < 0.35 else None
        legal = rng.choice(legal_forms)
        words = [prefix, trade[0]] + ([generic] if generic else []) + [legal]
        clients.append(
            Client(" ".join(words), trade=trade, generic=generic, legal=legal, prefix=prefix)
        )
    clients = clients[:count]
    taken: set[str] = set()
    for c in clients:
        c.domain = _domain(c.canonical, taken)
        c.vendor_name = c.canonical
        c.psa_name = c.canonical
    return clients


# ---- perturbations of a customer's name -------------------------------------------------------


def typo(word: str, rng: random.Random) -> str:
    """One slip of the fingers inside a word: swap, drop, double or a neighbouring key."""
    if len(word) < 4:
        return word
    neighbours = {
        "a": "s",
        "e": "r",
        "i": "o",
        "o": "i",
        "n": "m",
        "r": "t",
        "s": "a",
        "t": "r",
        "l": "k",
        "c": "v",
    }
    for _ in range(10):
        i = rng.randrange(1, len(word) - 1)
        op = rng.randrange(4)
        if op == 0 and word[i].isalpha() and word[i + 1].isalpha() and word[i] != word[i + 1]:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif op == 1 and len(word) >= 5:
            out = word[:i] + word[i + 1 :]
        elif op == 2:
            out = word[:i] + word[i] + word[i:]
        elif op == 3 and word[i].lower() in neighbours:
            out = word[:i] + neighbours[word[i].lower()] + word[i + 1 :]
        else:
            continue
        if out.lower() != word.lower():
            return out
    return word[:1] + word[2:1] + word[1:] + word[-1]


def _typo_in(name: str, candidates: list[str], rng: random.Random) -> str | None:
    words = [w for w in candidates if len(w) >= 5 and w.isalpha()]
    if not words:
        return None
    target = rng.choice(words)
    return name.replace(target, typo(target, rng), 1)


def _case_punct(name: str, rng: random.Random) -> str:
    choice = rng.randrange(5)
    if choice == 0:
        return name.upper()
    if choice == 1:
        return name.lower()
    if choice == 2:
        for legal in (
            "LLC",
            "Inc.",
            "Ltd",
            "Corp.",
            "PLLC",
            "Pty Ltd",
            "LLP",
            "Limited",
            "Corporation",
        ):
            if name.endswith(" " + legal):
                return name[: -len(legal) - 1] + ", " + legal
        return name.replace(" & ", " and ") if " & " in name else name.upper()
    if choice == 3:
        return (
            name.replace("Inc.", "Inc")
            .replace("Corp.", "Corp")
            .replace("LLC", "L.L.C.")
            .replace(" - ", " – ")
        )
    return name.title().replace("Llc", "LLC") if name.title() != name else name.upper()


def psa_name_variants(client: Client, rng: random.Random) -> tuple[str, str]:
    """Pick how the PSA types this customer: (spelling, class)."""
    name = client.canonical
    options: list[tuple[str, str]] = []
    if client.accented:
        return rng.choice(client.accented), "accents"
    if client.dba:
        legal_name, trade_name = client.dba
        return (
            rng.choice(
                [
                    trade_name,
                    legal_name,
                    f"{trade_name} ({legal_name})",
                    f"{legal_name} d/b/a {trade_name}",
                ]
            ),
            "dba",
        )
    if client.store is not None:
        n, chain, prefix = client.store, client.chain, client.prefix
        options.append(
            (
                rng.choice(
                    [
                        f"{prefix} {chain} #{n}",
                        f"{prefix} {chain} No. {n}",
                        f"{prefix} {chain} - Store #{n:03d}",
                        f"{prefix} {chain} (Store {n})",
                        f"{prefix} {chain} Str {n}",
                    ]
                ),
                "store_number",
            )
        )
    if client.legal and client.legal in LEGAL:
        head, _sep, tail = name.rpartition(client.legal)
        options.append((head + rng.choice(LEGAL[client.legal]) + tail, "legal_suffix_typo"))
    protected_family = client.family is not None
    typo_words = [client.prefix] if protected_family else name.split()
    if client.legal:
        typo_words = [w for w in typo_words if w not in client.legal.split()]
    typoed = _typo_in(name, typo_words, rng)
    if typoed and typoed != name:
        options.append((typoed, "name_typo"))
    options.append((_case_punct(name, rng), "name_case_punct"))
    if not protected_family:
        trade = client.trade
        if trade and trade[1]:
            options.append((name.replace(trade[0], trade[1], 1), "name_abbreviation"))
            options.append(
                (name.replace(trade[0], trade[2] or trade[1], 1), "name_abbreviation_typo")
            )
        if client.generic:
            options.append((name.replace(" " + client.generic, "", 1), "dropped_word"))
        if client.legal in LEGAL_FORMS:  # "Limited" typed "Ltd", "Inc." typed "Incorporated"
            head, _sep, tail = name.rpartition(client.legal)
            options.append((head + LEGAL_FORMS[client.legal] + tail, "name_abbreviation"))
        options.append((name + rng.choice(BRANCH_SUFFIXES), "branch"))
    if client.legal and name.endswith(" " + client.legal) and rng.random() < 0.5:
        options.append((name[: -len(client.legal) - 1], "dropped_word"))  # no legal form at all
    options = [(s, k) for s, k in options if s != name]
    # store families mostly show their number another way
    if client.store is not None and rng.random() < 0.7:
        return options[0]
    if rng.random() < 0.3 or not options:
        return name, "untouched"
    return rng.choice(options)


def vendor_name_variant(client: Client, rng: random.Random) -> str | None:
    """Bills spell a tenant in capitals or with other punctuation now and then."""
    if rng.random() < 0.12:
        out = _case_punct(client.canonical, rng)
        return out if out != client.canonical else None
    return None
