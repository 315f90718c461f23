"""Customer names of set H: many countries and legal forms, letters NFKD does not fold, siblings,
numbered sites, near-twins on opposite sides, trading names and sole traders."""

from __future__ import annotations

import random
from dataclasses import dataclass

#: country -> (first words, business words, legal forms)
COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "GB": (
        (
            "Kingsbridge",
            "Ashdown",
            "Millbrook",
            "Penrose",
            "Harbour View",
            "Thistledown",
            "Wrexham Road",
            "Calder Vale",
            "Saltmarsh",
            "Brackenfield",
        ),
        (
            "Dental Group",
            "Accountants",
            "Property Management",
            "Veterinary Surgery",
            "Engineering Services",
            "Solicitors",
            "Architects",
            "Bakery",
            "Removals",
            "Opticians",
        ),
        ("Ltd", "Limited", "LLP", "plc"),
    ),
    "US": (
        (
            "Redwood Creek",
            "Bluebonnet",
            "Harborline",
            "Cedar Ridge",
            "Prairie Hill",
            "Lakeshore",
            "Summit Peak",
            "Iron Horse",
            "Magnolia",
            "Granite State",
        ),
        (
            "Dental Group",
            "Family Medicine",
            "Title & Escrow",
            "Property Management",
            "Insurance Agency",
            "HVAC Services",
            "Law Group",
            "Chiropractic",
            "Realty",
            "Logistics",
        ),
        ("LLC", "Inc.", "Corp.", "Corporation", "P.C."),
    ),
    "DE": (
        (
            "Großmann",
            "Weißenburg",
            "Rheinblick",
            "Schäfer & Söhne",
            "Bergstraße",
            "Lindenhof",
            "Müller-Thurgau",
            "Elbtal",
            "Straßberger",
            "Hohenlohe",
        ),
        (
            "Logistik",
            "Zahnarztpraxis",
            "Steuerberatung",
            "Immobilienverwaltung",
            "Maschinenbau",
            "Ingenieurbüro",
            "Bäckerei",
            "Autohaus",
            "Rechtsanwälte",
            "Elektrotechnik",
        ),
        ("GmbH", "AG", "GmbH & Co. KG", "e.K."),
    ),
    "DK": (
        (
            "Nørrebro",
            "Ærø",
            "Søndergaard",
            "Østerbro",
            "Kløvermarken",
            "Fælledvej",
            "Bøgeskov",
            "Strandgården",
        ),
        ("Tandklinik", "Revision", "Ejendomsservice", "Tømrerfirma", "Dyrlæger", "Arkitekter"),
        ("ApS", "A/S", "I/S"),
    ),
    "SE": (
        ("Västra Hamnen", "Björkdalen", "Ängelholm", "Sjöviks", "Lövsta", "Åkerlunds"),
        ("Tandvård", "Redovisning", "Fastighetsförvaltning", "Bygg", "Juristbyrå", "Bageri"),
        ("AB", "HB"),
    ),
    "NO": (
        ("Bjørkelia", "Fjordkraft", "Sørlandet", "Trøndelag", "Øvre Vollen"),
        ("Tannlegesenter", "Regnskap", "Eiendom", "Rørlegger"),
        ("AS", "ASA"),
    ),
    "IS": (
        ("Hafnarfjörður", "Þórsmörk", "Reykjavíkur", "Akureyrar"),
        ("Tannlæknastofa", "Bókhald", "Fasteignir"),
        ("ehf.", "hf."),
    ),
    "PL": (
        ("Łódź", "Wrocławskie", "Gdańsk", "Żoliborz", "Kraków"),
        ("Stomatologia", "Biuro Rachunkowe", "Nieruchomości", "Logistyka"),
        ("Sp. z o.o.", "S.A."),
    ),
    "NL": (
        ("Zuiderpark", "Hoogeveen", "IJsselmonde", "Kralingen", "De Pijp"),
        ("Tandartspraktijk", "Administratiekantoor", "Vastgoedbeheer", "Installatietechniek"),
        ("B.V.", "V.O.F."),
    ),
    "FR": (
        ("Bellevue", "Château-Rouge", "Côte d'Azur", "Sainte-Œuvre", "Mont-Cénis"),
        ("Cabinet Dentaire", "Expertise Comptable", "Gestion Immobilière", "Boulangerie"),
        ("SARL", "SAS", "SA", "EURL"),
    ),
    "BR": (
        ("São Caetano", "Ipanema", "Florianópolis", "Araçatuba", "Paraná Sul"),
        ("Odontologia", "Contabilidade", "Imobiliária", "Transportes"),
        ("Ltda.", "S.A.", "EIRELI"),
    ),
    "IN": (
        ("Shreeji", "Sai Krupa", "Ganesh", "Lakshmi", "Vardhman", "Sundaram"),
        (
            "Dental Clinic",
            "Chartered Accountants",
            "Infra Projects",
            "Pharma Distributors",
            "Logistics",
        ),
        ("Pvt. Ltd.", "Private Limited", "LLP"),
    ),
    "JP": (
        ("Sakura", "Fujimi", "Kawasaki", "Hoshino", "Midori"),
        ("Dental Clinic", "Trading", "Logistics", "Engineering"),
        ("K.K.", "Co., Ltd.", "G.K."),
    ),
    "AU": (
        ("Bondi", "Wattle Creek", "Kookaburra", "Bayside", "Southern Cross"),
        ("Dental", "Accounting", "Property Group", "Plumbing"),
        ("Pty Ltd", "Pty. Limited"),
    ),
    "CA": (
        ("Rivière-du-Loup", "Laurentides", "Maple Leaf", "Trois-Rivières", "Saint-Hyacinthe"),
        ("Clinique Dentaire", "Comptabilité", "Gestion Immobilière", "Transport"),
        ("Inc.", "Ltée", "S.E.N.C."),
    ),
    "TR": (("Işıklar", "Boğaziçi", "Çamlıca"), ("Diş Kliniği", "Muhasebe"), ("A.Ş.", "Ltd. Şti.")),
    "RS": (("Đurđevac", "Šabac"), ("Stomatologija", "Računovodstvo"), ("d.o.o.",)),
}

#: near-twins: a different place with the same start (never a spelling variant of it)
TWIN_FIRST = {
    "Kingsbridge": "Kingsbury",
    "Ashdown": "Ashford",
    "Millbrook": "Millbank",
    "Penrose": "Penrith",
    "Harbour View": "Harbour Point",
    "Thistledown": "Thistlewood",
    "Wrexham Road": "Wrexham Lane",
    "Calder Vale": "Calder Park",
    "Saltmarsh": "Saltash",
    "Brackenfield": "Brackenbury",
    "Redwood Creek": "Redwood Falls",
    "Bluebonnet": "Bluebell",
    "Harborline": "Harborside",
    "Cedar Ridge": "Cedar Grove",
    "Prairie Hill": "Prairie View",
    "Lakeshore": "Lakeside",
    "Summit Peak": "Summit Point",
    "Iron Horse": "Iron Gate",
    "Magnolia": "Mangrove",
    "Granite State": "Granite Bay",
    "Bondi": "Bowral",
    "Wattle Creek": "Wattle Grove",
    "Kookaburra": "Kurrajong",
    "Bayside": "Bayview",
    "Southern Cross": "Southern Star",
}

SIBLING_WORDS = (
    ("Dental Group", "Dental Lab"),
    ("Holdings", "Services"),
    ("Veterinary Clinic", "Veterinary Hospital"),
    ("Accountants", "Advisory"),
    ("Logistics", "Logistics Nord"),
    ("Property Management", "Property Sales"),
)
CHAINS = ("Brightmart", "QuickFix Auto", "Sunrise Pharmacy", "CoffeeCorner", "Fjellbu Bakeri")
TRADING = (
    "Blue Lantern Café",
    "The Copper Kettle",
    "Nordlys Studio",
    "Pixel & Pine",
    "Wildflower Yoga",
    "Harbour Lights Bistro",
    "Redbrick Physio",
    "Greenleaf Garden Centre",
    "Sidewalk Cycles",
    "Little Owl Nursery",
)
SOLE = (
    ("Mette", "Jensen"),
    ("Ólafur", "Guðmundsson"),
    ("Siobhan", "O'Connor"),
    ("Jürgen", "Weiß"),
    ("Priya", "Raghunathan"),
    ("Zoë", "Fairweather"),
    ("Lars", "Bjørnstad"),
    ("Hélène", "Lefèvre"),
)


@dataclass
class Customer:
    name: str  # canonical (legal) name, as on the vendor bill
    country: str
    first: str
    rest: str  # business words
    legal: str
    kind: str = "plain"  # plain | sibling | site | trading | sole | twin
    site: int = 0
    trading: str = ""
    person: tuple[str, str] = ("", "")
    code: str = ""  # the MSP's customer number
    sides: str = "both"  # both | vendor | psa


def make_customers(rng: random.Random, count: int) -> list[Customer]:
    """``count`` customers with unique names; about 8% siblings, 6% numbered sites, 5% trading
    names, 3% sole traders, and two near-twin pairs that sit on opposite sides."""
    used: set[str] = set()
    out: list[Customer] = []
    countries = sorted(COUNTRIES)

    def plain(country: str) -> Customer | None:
        firsts, rests, legals = COUNTRIES[country]
        for _ in range(40):
            first, rest, legal = rng.choice(firsts), rng.choice(rests), rng.choice(legals)
            name = f"{first} {rest} {legal}"
            if name not in used and not any(u.startswith(f"{first} {rest} ") for u in used):
                used.add(name)
                return Customer(name, country, first, rest, legal)
        return None

    pairs, chains = max(1, count * 3 // 100), min(len(CHAINS), max(1, count // 60))
    tries = 0
    while pairs and tries < 200:  # siblings first, while first words are free
        tries += 1
        country = rng.choice(countries)
        firsts, _rests, legals = COUNTRIES[country]
        first = rng.choice(firsts)
        a, b = rng.choice(SIBLING_WORDS)
        legal = rng.choice(legals)
        names = [f"{first} {a} {legal}", f"{first} {b} {legal}"]
        if any(u.startswith(f"{first} ") for u in used):
            continue
        pairs -= 1
        for words, name in zip((a, b), names, strict=False):
            used.add(name)
            out.append(Customer(name, country, first, words, legal, "sibling"))
    for chain in rng.sample(CHAINS, chains):
        numbers = rng.sample((3, 7, 9, 12, 15, 21, 30, 33, 45), 3)
        legal = rng.choice(("LLC", "Ltd", "AS", "Inc."))
        country = rng.choice(countries)
        for n in numbers:
            name = f"{chain} Store {n} {legal}"
            used.add(name)
            out.append(Customer(name, country, chain, f"Store {n}", legal, "site", site=n))
    while len(out) < count:
        roll = rng.random()
        country = rng.choice(countries)
        if roll < 0.05:
            c = plain(country)
            if c and any(t not in {x.trading for x in out} for t in TRADING):
                c.kind = "trading"
                c.trading = rng.choice([t for t in TRADING if t not in {x.trading for x in out}])
                out.append(c)
        elif roll < 0.08:
            free = [p for p in SOLE if p not in {x.person for x in out}]
            if not free:
                continue
            person = rng.choice(free)
            name = f"{person[0]} {person[1]}"
            used.add(name)
            out.append(Customer(name, country, person[0], person[1], "", "sole", person=person))
        else:
            c = plain(country)
            if c:
                out.append(c)
    rng.shuffle(out)
    out = out[:count]
    # two near-twin pairs on opposite sides: same first word and business, other qualifier
    twins = [c for c in out if c.kind == "plain" and c.country in ("GB", "US", "AU")][:4]
    for i, c in enumerate(twins[:4]):
        c.kind = "twin"
        c.sides = "vendor" if i % 2 == 0 else "psa"
    for i in range(0, len(twins) - 1, 2):
        left, right = twins[i], twins[i + 1]
        used.discard(right.name)
        right.first, right.rest, right.legal = TWIN_FIRST[left.first], left.rest, left.legal
        right.name = f"{right.first} {right.rest} {right.legal}"
        if right.name in used:
            right.name = f"{right.first} {right.rest} Co"
        used.add(right.name)
    # some customers on one side only
    plain_ones = [c for c in out if c.kind == "plain"]
    for c in rng.sample(plain_ones, max(1, len(out) // 40)):
        c.sides = "vendor"
    for c in rng.sample([c for c in plain_ones if c.sides == "both"], max(1, len(out) // 40)):
        c.sides = "psa"
    for i, c in enumerate(out):
        c.code = f"{10000 + 7 * i + rng.randrange(7)}"
    return out
