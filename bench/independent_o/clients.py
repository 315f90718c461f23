"""A realistic MSP client book: several countries, legal forms, families that must never merge."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

LEGAL = {
    "US": ["LLC", "Inc.", "Corp.", "PLLC", "LLP", "LLC", "Inc."],
    "UK": ["Ltd", "Limited", "LLP", "Ltd", "PLC"],
    "IE": ["Ltd", "DAC", "Teoranta", "Ltd"],
    "DE": ["GmbH", "GmbH & Co. KG", "AG", "e.K.", "GmbH"],
    "AT": ["GmbH", "KG"],
    "FR": ["SARL", "SAS", "SA", "EURL"],
    "NL": ["B.V.", "B.V.", "V.O.F."],
    "DK": ["ApS", "A/S"],
    "NO": ["AS"],
    "SE": ["AB"],
    "IS": ["ehf."],
    "ES": ["S.L.", "S.A."],
    "PL": ["sp. z o.o.", "S.A."],
    "AU": ["Pty Ltd", "Pty. Ltd.", "Pty Ltd"],
    "NZ": ["Limited", "Ltd"],
    "CA": ["Inc.", "Ltd.", "Corp."],
    "QC": ["Inc.", "Ltée", "S.E.N.C."],
    "MX": ["S.A. de C.V.", "S. de R.L. de C.V."],
}
ISO = {"QC": "CA", "UK": "GB"}

EN_COINED = [
    "Kestrel",
    "Bluegum",
    "Northgate",
    "Ironbark",
    "Silverline",
    "Redwood",
    "Copperleaf",
    "Summit",
    "Lakeside",
    "Pinecrest",
    "Granite",
    "Meridian",
    "Blackthorn",
    "Seabright",
    "Oakridge",
    "Harbor View",
    "Riverbend",
    "Eastwood",
    "Foxglove",
    "Kingfisher",
    "Thistle",
    "Bramble",
    "Ashford",
    "Westbrook",
    "Highfield",
    "Juniper",
    "Larkspur",
    "Stonebridge",
    "Marlow",
    "Tidewater",
    "Beacon",
    "Cobalt",
    "Sterling",
    "Evergreen",
    "Prairie",
    "Orchard",
    "Falcon",
    "Alder",
    "Birchwood",
    "Hawthorn",
    "Saint Albans",
    "Fairhaven",
    "Millbrook",
    "Crestline",
    "Sandpiper",
    "Quarry Hill",
    "Red Kite",
    "Bellwether",
    "Ravenscroft",
    "Goldcrest",
    "Halcyon",
    "Wexford",
    "Lighthouse",
    "Elmstead",
    "Coppergate",
    "Silver Birch",
    "Three Rivers",
    "Mountain View",
    "Pacific Rim",
    "Bayside",
    "Windmill",
    "Ember",
    "Glacier",
    "Heron",
    "Otter Creek",
    "Caldera",
    "Norfolk",
    "Brookfield",
    "Ridgeway",
    "Sunnyvale",
    "Whitestone",
    "Cornerstone",
    "Keystone",
    "Trailhead",
    "Iron Horse",
    "Waypoint",
]
AU_COINED = [
    "Wattle",
    "Kookaburra",
    "Jacaranda",
    "Banksia",
    "Coolabah",
    "Wollemi",
    "Billabong Creek",
    "Bottlebrush",
    "Yarra",
    "Murrumbidgee",
    "Kurrajong",
    "Brolga",
    "Quokka",
    "Ningaloo",
    "Tasman",
    "Lilly Pilly",
]
NZ_COINED = [
    "Kōwhai",
    "Tūī",
    "Pōhutukawa",
    "Ōtaki",
    "Whakatāne",
    "Mānuka",
    "Rātā",
    "Kererū",
    "Tōtara",
    "Aoraki",
]
EN_SURNAMES = [
    "Smith",
    "O'Brien",
    "McAllister",
    "Nguyen",
    "Patel",
    "Okafor",
    "Henderson",
    "Fitzgerald",
    "Thompson",
    "Reyes",
    "Chen",
    "Singh",
    "Abernathy",
    "St. Clair",
    "MacLeod",
    "D'Souza",
    "Walsh",
    "Brennan",
    "Haddad",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Adeyemi",
    "Castellano",
    "Whitfield",
    "Pemberton",
    "Yamamoto",
]
EN_FIRST = [
    "Priya",
    "James",
    "Maria",
    "Tom",
    "Aisha",
    "Robert",
    "Mei",
    "Daniel",
    "Sarah",
    "Kwame",
    "Elena",
    "Liam",
]
EN_TRADES = [
    "Dental Group",
    "Veterinary Clinic",
    "Plumbing",
    "Law",
    "Accounting",
    "Property Management",
    "Construction",
    "Logistics",
    "Engineering",
    "Pharmacy",
    "Physiotherapy",
    "Insurance Brokers",
    "Landscaping",
    "Auto Repair",
    "Coffee Roasters",
    "Architects",
    "Medical Centre",
    "Family Practice",
    "Orthodontics",
    "Financial Planning",
    "Consulting",
    "Marketing",
    "Design Studio",
    "Electrical Services",
    "Roofing",
    "Haulage",
    "Self Storage",
    "Fitness",
    "Optometry",
    "Funeral Services",
    "Surveyors",
    "Travel",
    "Printing",
    "Cabinetry",
    "Joinery",
    "Mortgage Brokers",
    "Recruitment",
    "Chiropractic",
    "Catering",
    "Removals",
    "Solar",
    "Security Services",
]
PROF = {
    "US": ["CPA", "DDS", "MD", "Attorney at Law"],
    "UK": ["Solicitors", "Chartered Accountants"],
    "AU": ["Lawyers", "Accountants"],
    "CA": ["CPA", "Notary"],
    "NZ": ["Lawyers"],
    "IE": ["Solicitors"],
}

FOREIGN = {
    "DE": (
        [
            "Müller",
            "Schäfer",
            "Weiß",
            "Groß",
            "Köhler",
            "Bäumer",
            "Strauß",
            "Jäger",
            "Hoffmann",
            "Krüger",
            "Fuß",
            "Löwe",
            "Vogelsang",
            "Brandtstätter",
            "Oßwald",
            "Rößler",
        ],
        [
            "Zahnarztpraxis",
            "Steuerberatung",
            "Ingenieurbüro",
            "Autohaus",
            "Elektrotechnik",
            "Sanitärtechnik",
            "Immobilienverwaltung",
            "Bäckerei",
            "Rechtsanwälte",
            "Logistik",
            "Dachdeckerei",
            "Physiotherapie",
            "Architekten",
            "Malerbetrieb",
            "Getränkehandel",
        ],
        "pre",
    ),
    "AT": (
        ["Gruber", "Huber", "Wallner", "Pölzl", "Größbauer", "Mayrhofer", "Strobl"],
        ["Tischlerei", "Steuerberatung", "Hotel", "Baumeister", "Apotheke"],
        "pre",
    ),
    "FR": (
        [
            "Lefèvre",
            "Bélanger",
            "Dubois",
            "Garnier",
            "Rousseau",
            "Lemaître",
            "Faure",
            "Chevalier",
            "Gauthier",
            "Mercier",
            "Pâquet",
            "Lefrançois",
            "Béchard",
        ],
        [
            "Cabinet Dentaire",
            "Boulangerie",
            "Immobilière",
            "Conseil",
            "Transports",
            "Pharmacie",
            "Expertise Comptable",
            "Notaires Associés",
            "Électricité",
            "Menuiserie",
            "Architectes",
        ],
        "pre",
    ),
    "QC": (
        [
            "Tremblay",
            "Gagnon",
            "Côté",
            "Lévesque",
            "Bouchard",
            "Gélinas",
            "Boucher",
            "Bélisle",
            "Thériault",
        ],
        [
            "Construction",
            "Pharmacie",
            "Clinique Dentaire",
            "Services Comptables",
            "Déneigement",
            "Plomberie",
        ],
        "pre",
    ),
    "NL": (
        [
            "de Vries",
            "van den Berg",
            "Jansen",
            "Bakker",
            "van Dijk",
            "IJsbrandt",
            "Visser",
            "Smit",
            "van 't Hof",
        ],
        [
            "Tandartspraktijk",
            "Bouwbedrijf",
            "Adviesgroep",
            "Transport",
            "Installatietechniek",
            "Accountants",
        ],
        "pre",
    ),
    "DK": (
        [
            "Sørensen",
            "Jørgensen",
            "Møller",
            "Bøgh",
            "Kjær",
            "Ærøskøbing",
            "Holm",
            "Søndergaard",
            "Bækgaard",
        ],
        [
            "VVS",
            "Revision",
            "Byg",
            "Ejendomme",
            "Advokatfirma",
            "Transport",
            "Rådgivning",
            "Tandlægerne",
        ],
        "post",
    ),
    "NO": (
        ["Fjørtoft", "Bråten", "Haugen", "Sæther", "Løken", "Nygård", "Østby", "Brøndbo"],
        ["Bygg", "Regnskap", "Eiendom", "Tannlegesenter", "Elektro", "Rørlegger"],
        "post",
    ),
    "SE": (
        [
            "Åkesson",
            "Öberg",
            "Lindström",
            "Söderberg",
            "Ekström",
            "Håkansson",
            "Nyström",
            "Ångström",
        ],
        ["Bygg", "Redovisning", "Fastigheter", "Tandvård", "Åkeri", "Konsult"],
        "post",
    ),
    "IS": (
        ["Þórsson", "Guðmundsdóttir", "Sigurðsson", "Ólafsson", "Hafþór"],
        ["Verkfræðistofa", "Bókhald", "Smíði"],
        "pre",
    ),
    "ES": (
        ["Muñoz", "Peña", "Ibáñez", "García", "Núñez", "Fernández", "Castaño", "Ordóñez", "Begoña"],
        [
            "Clínica Dental",
            "Asesoría",
            "Construcciones",
            "Transportes",
            "Abogados",
            "Inmobiliaria",
            "Farmacia",
        ],
        "pre",
    ),
    "PL": (
        [
            "Wiśniewski",
            "Łukasik",
            "Żak",
            "Wójcik",
            "Dąbrowski",
            "Głowacki",
            "Ślusarczyk",
            "Kołodziej",
        ],
        ["Kancelaria Prawna", "Biuro Rachunkowe", "Budownictwo", "Transport", "Przychodnia"],
        "pre",
    ),
    "MX": (
        ["Hernández", "Ramírez", "Gutiérrez", "Cárdenas", "Peñaloza"],
        ["Constructora", "Distribuidora", "Consultores", "Clínica"],
        "pre",
    ),
    "IE": (
        [
            "Ó Briain",
            "Mac Giolla",
            "Ní Bhriain",
            "Ó Súilleabháin",
            "O'Connor",
            "Ó Dónaill",
            "Mhic Aoidh",
        ],
        ["Solicitors", "Pharmacy", "Engineering", "Veterinary", "Accountants"],
        "post",
    ),
}
SIBLING_PAIRS = {
    "EN": [
        ("Dental Group", "Dental Lab"),
        ("Accounting", "Wealth Management"),
        ("Property Management", "Realty"),
        ("Builders", "Developments"),
        ("Physiotherapy", "Pilates Studio"),
        ("Law", "Title & Escrow"),
        ("Veterinary Clinic", "Pet Resort"),
        ("Holdings", "Properties"),
    ],
    "DE": [("Zahnarztpraxis", "Dentallabor"), ("Steuerberatung", "Rechtsanwälte")],
    "FR": [("Cabinet Dentaire", "Laboratoire Dentaire")],
    "ES": [("Clínica Dental", "Laboratorio Dental")],
}
NEAR_TWINS = [
    ("Plumbing", "Plumbing & Heating"),
    ("Logistics", "Logistics Solutions"),
    ("Consulting", "Consultants"),
    ("Electrical", "Electrical Contractors"),
]
CHAIN_WORD = {"EN": "Store", "DE": "Filiale", "FR": "Magasin", "ES": "Tienda", "NL": "Vestiging"}
CHAIN_TRADES = {
    "EN": ["Pharmacy", "Bakery", "Coffee", "Hardware", "Pet Supplies", "Tyres"],
    "DE": ["Apotheke", "Bäckerei"],
    "FR": ["Boulangerie", "Pharmacie"],
    "ES": ["Farmacia"],
    "NL": ["Bakkerij"],
}
RENAMES = [
    ("Haulage", "Logistics"),
    ("Plumbing", "Building Services"),
    ("Accounting", "Advisory"),
    ("Computers", "Technology"),
    ("Print", "Media"),
    ("Dental", "Dental Care"),
    ("Garage", "Auto Group"),
]

REGION_MIX = {
    "USD": ["US"] * 10 + ["CA", "QC", "MX", "UK", "DE", "IE"],
    "CAD": ["CA"] * 6 + ["QC"] * 4 + ["US", "US", "FR", "UK"],
    "GBP": ["UK"] * 10 + ["IE", "IE", "DE", "FR", "NL", "PL", "US"],
    "EUR": [
        "DE",
        "DE",
        "AT",
        "FR",
        "FR",
        "NL",
        "NL",
        "DK",
        "NO",
        "SE",
        "ES",
        "PL",
        "IE",
        "IS",
        "UK",
        "US",
    ],
    "AUD": ["AU"] * 10 + ["NZ", "NZ", "NZ", "UK", "US"],
    "NZD": ["NZ"] * 9 + ["AU", "AU", "AU", "UK"],
}
LANG = {
    "US": "EN",
    "UK": "EN",
    "IE": "EN",
    "AU": "EN",
    "NZ": "EN",
    "CA": "EN",
    "DE": "DE",
    "AT": "DE",
    "FR": "FR",
    "QC": "FR",
    "NL": "NL",
    "DK": "DK",
    "NO": "NO",
    "SE": "SE",
    "IS": "IS",
    "ES": "ES",
    "PL": "PL",
    "MX": "ES",
}


_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "ı": "i",
    }
)


@functools.lru_cache(maxsize=65536)
def fold(s: str) -> str:
    s = s.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@dataclass
class Client:
    cid: int
    name: str  # canonical (truth) and vendor tenant name
    country: str
    core: str  # name without legal form
    legal: str
    kind: str = "plain"  # plain | sibling | chain | twin | tenant2 | dba | renamed | person
    family: str = ""
    protected: tuple = ()  # tokens a perturbation must never touch
    trading: str = ""  # dba trading name
    old_name: str = ""  # name before a rename
    person: tuple = ()  # (first, last, profession)
    chain_word: str = ""
    chain_no: int = 0
    domain: str = ""
    side: str = "both"  # both | vendor | psa
    psa_name: str = ""  # PSA spelling (perturbed or canonical)
    name_classes: list = field(default_factory=list)
    enterprise: bool = False
    seats: int = 10


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(s).lower())[:22] or "tenant"


def build_clients(rng, n: int, currency: str) -> list[Client]:
    mix = REGION_MIX[currency]
    used_cores: set[str] = set()
    out: list[Client] = []

    first_tokens: set[str] = set()

    def fresh(pool, unique_first=False):
        for _ in range(200):
            c = rng.choice(pool)
            if c not in used_cores and not (unique_first and c.split()[0] in first_tokens):
                used_cores.add(c)
                first_tokens.add(c.split()[0])
                return c
        c = (
            rng.choice(pool)
            + " "
            + rng.choice(["North", "West", "Central", "Valley", "Coast", "Bay"])
        )
        while c in used_cores:
            c += " II"
        used_cores.add(c)
        return c

    def add(name, country, core, legal, **kw):
        c = Client(cid=len(out), name=name, country=country, core=core, legal=legal, **kw)
        out.append(c)
        return c

    def en_pool(country):
        return (
            AU_COINED + EN_COINED
            if country == "AU"
            else NZ_COINED + EN_COINED
            if country == "NZ"
            else EN_COINED
        )

    while len(out) < n:
        country = rng.choice(mix)
        lang = LANG[country]
        legal = rng.choice(LEGAL[country])
        r = rng.random()
        remaining = n - len(out)
        if r < 0.07 and remaining >= 2 and lang in SIBLING_PAIRS:
            a, b = rng.choice(SIBLING_PAIRS[lang])
            base = fresh(en_pool(country) if lang == "EN" else FOREIGN[country][0])
            fam = f"sib{len(out)}"
            for t in (a, b):
                core = f"{base} {t}" if lang in ("EN",) else f"{t} {base}"
                add(
                    f"{core} {legal}",
                    country,
                    core,
                    legal,
                    kind="sibling",
                    family=fam,
                    protected=tuple(set(a.split()) ^ set(b.split())),
                )
        elif r < 0.11 and remaining >= 3 and lang in CHAIN_WORD:
            base = fresh(en_pool(country) if lang == "EN" else FOREIGN[country][0])
            trade = rng.choice(CHAIN_TRADES[lang])
            word = CHAIN_WORD[lang]
            nums = sorted(rng.sample(range(1, 40), min(remaining, rng.randint(3, 5))))
            fam = f"chain{len(out)}"
            for k in nums:
                core = (
                    f"{base} {trade} {word} {k}" if lang == "EN" else f"{trade} {base} {word} {k}"
                )
                add(
                    f"{core} {legal}",
                    country,
                    core,
                    legal,
                    kind="chain",
                    family=fam,
                    protected=(str(k),),
                    chain_word=word,
                    chain_no=k,
                )
        elif r < 0.14 and remaining >= 2 and lang == "EN":
            a, b = rng.choice(NEAR_TWINS)
            base = fresh(en_pool(country))
            fam = f"twin{len(out)}"
            for t in (a, b):
                core = f"{base} {t}"
                add(
                    f"{core} {legal}",
                    country,
                    core,
                    legal,
                    kind="twin",
                    family=fam,
                    protected=tuple(set(b.split()) - set(a.split())) + (a.split()[-1],),
                )
        elif r < 0.17 and remaining >= 2:
            base = fresh(en_pool(country) if lang == "EN" else FOREIGN[country][0])
            trade = rng.choice(EN_TRADES if lang == "EN" else FOREIGN[country][1])
            core1 = (
                f"{base} {trade}" if lang in ("EN", "DK", "NO", "SE", "IE") else f"{trade} {base}"
            )
            extra = rng.choice(
                ["Holdings", "International", "(Ireland)", "NZ", "Europe", "Canada", "Services"]
            )
            fam = f"ten{len(out)}"
            add(
                f"{core1} {legal}",
                country,
                core1,
                legal,
                kind="tenant2",
                family=fam,
                protected=(extra.strip("()"),),
            )
            add(
                f"{core1} {extra} {legal}",
                country,
                f"{core1} {extra}",
                legal,
                kind="tenant2",
                family=fam,
                protected=(extra.strip("()"),),
            )
        elif r < 0.21 and lang == "EN":
            first, last = rng.choice(EN_FIRST), rng.choice(EN_SURNAMES)
            prof = rng.choice(PROF.get(country, ["Consulting"]))
            core = f"{first} {last} {prof}"
            if core in used_cores:
                continue
            used_cores.add(core)
            add(f"{core} {legal}", country, core, legal, kind="person", person=(first, last, prof))
        elif r < 0.26 and lang == "EN":
            holder = (
                fresh(EN_SURNAMES)
                + " "
                + rng.choice(["Holdings", "Enterprises", "Group", "Ventures"])
            )
            trading = f"{fresh(en_pool(country), unique_first=True)} {rng.choice(EN_TRADES)}"
            add(f"{holder} {legal}", country, holder, legal, kind="dba", trading=trading)
        elif r < 0.30 and lang == "EN":
            old_t, new_t = rng.choice(RENAMES)
            base = fresh(en_pool(country), unique_first=True)
            core = f"{base} {new_t}"
            add(
                f"{core} {legal}",
                country,
                core,
                legal,
                kind="renamed",
                old_name=f"{base} {old_t} {legal}",
            )
        else:
            if lang == "EN":
                base = fresh(en_pool(country) + EN_SURNAMES)
                trade = rng.choice(EN_TRADES)
                core = f"{base} {trade}"
                if rng.random() < 0.15:
                    core = f"{base} & {rng.choice(EN_SURNAMES)} {trade}"
                if rng.random() < 0.06:
                    core = "The " + core
            else:
                surnames, trades, pos = FOREIGN[country]
                base = fresh(surnames)
                trade = rng.choice(trades)
                core = f"{trade} {base}" if pos == "pre" else f"{base} {trade}"
                if rng.random() < 0.12:
                    core = (
                        f"{base} & {rng.choice(surnames)} {trade}"
                        if pos == "post"
                        else f"{trade} {base} & {rng.choice(surnames)}"
                    )
            add(f"{core} {legal}", country, core, legal)
    out = out[:n]
    doms = set()
    for c in out:
        d = _slug(c.core)
        while d in doms:
            d += str(c.cid % 10)
        doms.add(d)
        c.domain = f"{d}.onmicrosoft.com"
        c.psa_name = c.name
    return out
