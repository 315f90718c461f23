"""Set T client books: names per country, families that must never merge, and the PSA-side
client-name perturbations (how an accounting/PSA customer record differs from the tenant record)."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field


@dataclass
class Client:
    cid: int
    name: str  # canonical (legal / tenant) name
    country: str
    core: str  # name without legal form
    legal: str  # legal form as written in the canonical name ("" if none)
    kind: str = "plain"  # plain | person | institution | gov | professional | heirs | charity | asian | numbered
    family: str = ""  # family id: members must never merge
    family_kind: str = ""  # siblings | stores | franchise | twins | tenants | group
    parent: str = ""  # parent group name (group members)
    trade: str = ""  # trading name (dba)
    known_as: str = ""  # what staff call it
    city: str = ""
    region: str = ""
    phone: str = ""
    alt: dict = field(default_factory=dict)  # class -> alternative spelling (prepared per client)
    domain: str = ""


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm(s: str) -> str:
    s = strip_accents(s).lower().replace("&", " and ")
    return re.sub(r"[^a-z0-9\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+", " ", s).strip()


def slug(s: str) -> str:
    return re.sub(
        r"[^a-z0-9]",
        "",
        strip_accents(s).lower().replace("ø", "o").replace("ł", "l").replace("ß", "ss"),
    )[:24]


# --------------------------------------------------------------------------------------------
# Country pools.  (place words, industries, legal forms, cities with region, phone style)
US = dict(
    places=[
        "Harbor Point",
        "Blue Mesa",
        "Pinecrest",
        "Cedar Ridge",
        "Lakeshore",
        "Granite Peak",
        "Silver Creek",
        "Ironwood",
        "Riverbend",
        "Oakhaven",
        "Stonebridge",
        "Willow Bay",
        "Copperline",
        "Prairie Wind",
        "Eastgate",
        "Bluebonnet",
        "Sandpiper",
        "Keystone",
        "Falcon Crest",
        "Red Canyon",
        "Juniper Hill",
        "Clearwater",
        "Timberline",
        "Pelican Bay",
        "Sawtooth",
        "Ridgeline",
        "Brookhaven",
        "Canyon Lake",
        "Heritage Oak",
        "Sunvale",
        "Cobblestone",
        "Bayou Teche",
        "Mesquite Flats",
        "Aspen Glen",
        "Tidewater",
    ],
    inds=[
        "Logistics",
        "Veterinary Clinic",
        "Title & Escrow",
        "Orthodontics",
        "Construction",
        "Roofing",
        "Plumbing & Heating",
        "Insurance Agency",
        "Realty",
        "Property Management",
        "Pediatrics",
        "Chiropractic",
        "Landscaping",
        "Auto Repair",
        "Machine Works",
        "Brewing Company",
        "Wealth Advisors",
        "Architects",
        "Engineering",
        "Staffing",
        "Imaging Center",
        "Pharmacy",
        "Marine Supply",
        "HVAC Services",
        "Physical Therapy",
        "Credit Union Services",
        "Printing & Signs",
        "Cabinetry",
        "Dermatology",
    ],
    legal=["LLC", "LLC", "Inc.", "Inc.", "Corp.", "Co.", "LLP", "PLLC", "PC"],
    expand={
        "LLC": "Limited Liability Company",
        "Inc.": "Incorporated",
        "Corp.": "Corporation",
        "Co.": "Company",
        "LLP": "Limited Liability Partnership",
        "PLLC": "P.L.L.C.",
        "PC": "P.C.",
    },
    cities=[
        ("Denver", "CO"),
        ("Austin", "TX"),
        ("Boise", "ID"),
        ("Tampa", "FL"),
        ("Tulsa", "OK"),
        ("Reno", "NV"),
        ("Madison", "WI"),
        ("Raleigh", "NC"),
        ("Spokane", "WA"),
        ("Dayton", "OH"),
        ("Fresno", "CA"),
        ("Lafayette", "LA"),
        ("Burlington", "VT"),
        ("Omaha", "NE"),
    ],
    phone=lambda r: f"({r.randint(201, 989)}) {r.randint(200, 999)}-{r.randint(1000, 9999)}",
    surnames=[
        "Patel",
        "Nguyen",
        "Okafor",
        "Hernández",
        "Kowalczyk",
        "O'Brien",
        "Rasmussen",
        "Delgado",
        "Whitfield",
        "Abernathy",
        "Castellanos",
        "McAllister",
        "Yamamoto",
        "Lindqvist",
    ],
)
UK = dict(
    places=[
        "Ashcombe",
        "Thornbury",
        "Kingsmead",
        "Harrowgate",
        "Ambleside",
        "Fenwick",
        "Castlegate",
        "Ravensworth",
        "Pennington",
        "Marlowe",
        "Bramhall",
        "Wetherby",
        "Saltash",
        "Cheviot",
        "Glenmore",
        "Llanfair",
        "Abbeydale",
        "Redcliffe",
        "Hartwell",
        "Oakenshaw",
        "Culverden",
        "Priory Vale",
        "Wyndham",
    ],
    inds=[
        "Surveyors",
        "Estate Agents",
        "Joinery",
        "Veterinary Surgery",
        "Haulage",
        "Lettings",
        "Engineering",
        "Catering",
        "Opticians",
        "Pharmacy",
        "Removals",
        "Brewery",
        "Physiotherapy",
        "Interiors",
        "Scaffolding",
        "Financial Planning",
        "Care Services",
        "Print Works",
        "Garden Centre",
    ],
    legal=["Ltd", "Ltd", "Limited", "LLP", "Ltd", "plc"],
    expand={"Ltd": "Limited", "Limited": "Ltd.", "LLP": "L.L.P.", "plc": "Public Limited Company"},
    cities=[
        ("Leeds", "W Yorks"),
        ("Bristol", "Avon"),
        ("Exeter", "Devon"),
        ("Norwich", "Norfolk"),
        ("Cardiff", "S Glam"),
        ("York", "N Yorks"),
        ("Reading", "Berks"),
        ("Belfast", "Co. Antrim"),
    ],
    phone=lambda r: f"0{r.randint(113, 191)} {r.randint(200, 999)} {r.randint(1000, 9999)}",
    surnames=[
        "Whitaker",
        "Pemberton",
        "Ó Briain",
        "MacLeod",
        "Achebe",
        "Sandhu",
        "Fairweather",
        "Llewellyn",
    ],
)
EU = dict(
    places=[],
    inds=[],
    legal=[],
    cities=[
        ("München", "BY"),
        ("Graz", "ST"),
        ("Utrecht", "UT"),
        ("Gent", "VOV"),
        ("Lyon", "ARA"),
        ("Valencia", "VC"),
        ("Bologna", "BO"),
        ("Tampere", "PIR"),
        ("Porto", "13"),
    ],
    phone=lambda r: f"+49 {r.randint(30, 911)} {r.randint(100000, 9999999)}",
)
# European names are written out whole: (core, legal form, country)
EU_NAMES = [
    ("Bäckerei Müller", "GmbH", "DE"),
    ("Schäfer Haustechnik", "GmbH & Co. KG", "DE"),
    ("Gebrüder Weiß Logistik", "GmbH", "AT"),
    ("Tischlerei Gruber", "GmbH", "AT"),
    ("Autohaus Köhler", "e.K.", "DE"),
    ("Brauerei Zöllner", "AG", "DE"),
    ("Straßenbau Großmann", "GmbH", "DE"),
    ("Ingenieurbüro Lößl", "GmbH", "DE"),
    ("Elektro Hübner", "UG (haftungsbeschränkt)", "DE"),
    ("Van der Berg Installatietechniek", "B.V.", "NL"),
    ("De Vries Transport", "B.V.", "NL"),
    ("Bloemenhandel Jansen", "V.O.F.", "NL"),
    ("Bouwbedrijf Peeters", "BV", "BE"),
    ("Boulangerie Dupont", "SRL", "BE"),
    ("Brasserie Lambrecht", "NV", "BE"),
    ("Cabinet Lefèvre", "SARL", "FR"),
    ("Menuiserie Moreau", "SAS", "FR"),
    ("Garage Lemaître", "EURL", "FR"),
    ("Construcciones Peñalver", "S.L.", "ES"),
    ("Clínica Dental Ibáñez", "S.L.P.", "ES"),
    ("Talleres Muñoz", "S.L.", "ES"),
    ("Officine Meccaniche Rossi", "S.r.l.", "IT"),
    ("Ceramiche Bellucci", "S.p.A.", "IT"),
    ("Rakennus Mäkelä", "Oy", "FI"),
    ("Kuljetus Häkkinen", "Oy", "FI"),
    ("Metalúrgica Conceição", "Lda.", "PT"),
    ("Ótica Gonçalves", "Lda.", "PT"),
    ("Holzbau Brändle", "AG", "AT"),
    ("Fahrschule Özdemir", "GmbH", "DE"),
    ("Kaffeerösterei Fröhlich", "GmbH", "DE"),
    ("Zorgboerderij Het Veenhuis", "B.V.", "NL"),
    ("Plâtrerie Bérard", "SARL", "FR"),
    ("Viñedos Ordóñez", "S.L.", "ES"),
    ("Sähkö Jääskeläinen", "Oy", "FI"),
    ("Druckerei Weißenböck", "GmbH", "AT"),
    ("Dakwerken Verstraete", "BV", "BE"),
]
EU_EXPAND = {
    "GmbH": "Gesellschaft mit beschränkter Haftung",
    "GmbH & Co. KG": "GmbH u. Co. KG",
    "AG": "Aktiengesellschaft",
    "e.K.": "eingetragener Kaufmann",
    "B.V.": "BV",
    "BV": "B.V.",
    "V.O.F.": "VOF",
    "SRL": "S.R.L.",
    "NV": "N.V.",
    "SARL": "S.A.R.L.",
    "SAS": "S.A.S.",
    "EURL": "E.U.R.L.",
    "S.L.": "SL",
    "S.L.P.": "SLP",
    "S.r.l.": "Srl",
    "S.p.A.": "SpA",
    "Oy": "Osakeyhtiö",
    "Lda.": "Limitada",
    "UG (haftungsbeschränkt)": "UG (haftungsbeschr.)",
}
NORDIC_NAMES = [
    ("Åkesson Bygg", "AB", "SE"),
    ("Fjord Rørlegger", "AS", "NO"),
    ("Søndergaard Tømrer", "ApS", "DK"),
    ("Lindqvist Redovisning", "AB", "SE"),
    ("Bjørnstad Elektro", "AS", "NO"),
    ("Hägglund Måleri", "AB", "SE"),
    ("Møller & Æbelø Revision", "A/S", "DK"),
    ("Nyström Fastighetsförvaltning", "AB", "SE"),
    ("Kvæfjord Fiskeoppdrett", "AS", "NO"),
    ("Öberg Transport", "AB", "SE"),
    ("Skovgård Landbrug", "I/S", "DK"),
    ("Rautio Konepaja", "Oy", "FI"),
    ("Ljungberg Tandvård", "AB", "SE"),
    ("Haugen Regnskap", "AS", "NO"),
    ("Ærø Færgeservice", "ApS", "DK"),
]
NORDIC_EXPAND = {
    "AB": "Aktiebolag",
    "AS": "A/S",
    "ApS": "Anpartsselskab",
    "A/S": "Aktieselskab",
    "I/S": "I/S",
    "Oy": "Oy Ab",
}
AU = dict(
    places=[
        "Banksia",
        "Wattle Creek",
        "Coolangatta",
        "Kurrajong",
        "Yarra Bend",
        "Brindabella",
        "Mullumbimby",
        "Tamborine",
        "Ironbark",
        "Lorikeet",
        "Karri Valley",
        "Quokka Bay",
        "Bellarine",
        "Gippsland",
        "Mandurah",
    ],
    inds=[
        "Plumbing",
        "Electrical",
        "Accountants",
        "Vet Clinic",
        "Physio",
        "Earthmoving",
        "Conveyancing",
        "Dental",
        "Real Estate",
        "Freight",
        "Childcare",
        "Pharmacy",
        "Surf Co",
    ],
    legal=["Pty Ltd", "Pty Ltd", "Pty. Limited", "Limited"],
    expand={"Pty Ltd": "Proprietary Limited", "Pty. Limited": "Pty Ltd", "Limited": "Ltd"},
    cities=[
        ("Brisbane", "QLD"),
        ("Geelong", "VIC"),
        ("Newcastle", "NSW"),
        ("Perth", "WA"),
        ("Hobart", "TAS"),
        ("Auckland", "AKL"),
        ("Tauranga", "BOP"),
    ],
    phone=lambda r: f"(0{r.randint(2, 8)}) {r.randint(5000, 9999)} {r.randint(1000, 9999)}",
    surnames=[
        "Nguyen",
        "Papadopoulos",
        "Te Rangi",
        "Ngata",
        "Kowalski",
        "Chen",
        "Mahmoud",
        "O'Sullivan",
    ],
)
NZ_NAMES = [
    ("Tāmaki Plumbing", "Limited", "NZ"),
    ("Ōtaki Kiwifruit", "Limited", "NZ"),
    ("Whānau Ora Hauora", "Trust", "NZ"),
    ("Kāpiti Coast Joinery", "Limited", "NZ"),
]
CA = dict(
    places=[
        "Maple Ridge",
        "Laurentian",
        "Fundy Bay",
        "Okanagan",
        "Muskoka",
        "Saguenay",
        "Kootenay",
        "Cabot Trail",
        "Chinook",
        "Thousand Islands",
        "Georgian Bay",
        "Prairie Sky",
        "Haliburton",
    ],
    inds=[
        "Construction",
        "Dental Centre",
        "Accounting",
        "Trucking",
        "Vet Hospital",
        "Realty",
        "Insurance Brokers",
        "Woodworks",
        "Engineering",
        "Pharmacy",
        "Landscaping",
    ],
    legal=["Inc.", "Ltd.", "Inc.", "Corp."],
    expand={"Inc.": "Incorporated", "Ltd.": "Limited", "Corp.": "Corporation"},
    cities=[
        ("Halifax", "NS"),
        ("Kelowna", "BC"),
        ("Québec", "QC"),
        ("Sudbury", "ON"),
        ("Regina", "SK"),
        ("Moncton", "NB"),
    ],
    phone=lambda r: f"{r.randint(204, 905)}-{r.randint(200, 999)}-{r.randint(1000, 9999)}",
    surnames=["Tremblay", "Gagnon", "Bélanger", "MacDonald", "Singh", "Côté", "Leblanc", "Wong"],
)
QC_NAMES = [
    ("Boulangerie Lavoie", "Inc.", "CA"),
    ("Déneigement Côté", "Inc.", "CA"),
    ("Érablière Bouchard", "Ltée", "CA"),
    ("Plomberie Gélinas", "Inc.", "CA"),
]

# Asian clients: (romanised canonical core, legal, alternative romanisation, country)
ASIAN = [
    ("Kōyō Shōji", "Co., Ltd.", "Kouyou Shouji", "JP"),
    ("Tōhoku Seimitsu", "K.K.", "Touhoku Seimitsu", "JP"),
    ("Ōsaka Kōgyō", "Co., Ltd.", "Oosaka Kougyou", "JP"),
    ("Shinjuku Ryōkan Kikaku", "K.K.", "Sinzyuku Ryokan Kikaku", "JP"),
    ("Daegu Precision", "Co., Ltd.", "Taegu Precision", "KR"),
    ("Gyeongju Trading", "Co., Ltd.", "Kyŏngju Trading", "KR"),
    ("Busan Marine Parts", "Co., Ltd.", "Pusan Marine Parts", "KR"),
    ("Zhongshan Lighting", "Ltd", "Chungshan Lighting", "CN"),
    ("Qingdao Seafoods", "Co., Ltd.", "Tsingtao Seafoods", "CN"),
    ("Xiamen Tea House", "Ltd", "Amoy Tea House", "CN"),
]

# Families (never merge)
SIBLING_FAMILIES = [
    ("Harbourview Dental", ["Group", "Lab", "Studio"]),
    ("Westbrook Medical", ["Practice", "Imaging"]),
    ("Clearwater Law", ["Group", "Partners"]),
    ("Summit Accounting", ["Services", "Advisory"]),
    ("Rosedale Veterinary", ["Hospital", "Clinic"]),
    ("Northgate Property", ["Management", "Maintenance"]),
    ("Evergreen Care", ["Homes", "at Home"]),
    ("Atlas Freight", ["Forwarding", "Storage"]),
]
CHAINS = [
    "Bright Bagels",
    "Kwik Lube Express",
    "PetPal Supplies",
    "Sunrise Pharmacy",
    "Fresh Fold Laundromat",
]
FRANCHISES = [
    ("Bright Kids Learning", ["Maple Grove", "Eden Prairie", "Woodbury", "Plymouth"]),
    ("CoreFit Gym", ["Lakeside", "Old Town", "Riverside"]),
    ("Sparkle Car Wash", ["North", "Airport Rd", "Mall"]),
]
TWINS = [
    ("Meyer Bau", "Meier Bau"),
    ("Northgate Logistics", "Northgate Logistic Solutions"),
    ("Harrison Dental", "Harris Dental"),
    ("Lakeview Insurance", "Lakeview Insurers"),
    ("Anderson Plumbing", "Andersen Plumbing"),
    ("Kline Engineering", "Klein Engineering"),
]
TENANT_PAIRS = [
    ("Ridgeway Foods", "Ridgeway Foods Export"),
    ("Pacific Crest Hotels", "Pacific Crest Hotels Reservations"),
    ("Morrow & Finch", "Morrow & Finch Legacy Mail"),
]
GROUPS = [
    (
        "Vitality Health Group",
        ["Harbourside Physio", "Kingsmead Chiropractic", "Southbank Sports Clinic"],
    ),
    ("Crestline Hospitality Group", ["Crestline Inn Downtown", "Bayfront Bistro"]),
]

INSTITUTIONS_US = [
    ("Cedar Valley Independent School District", "Cedar Valley ISD"),
    ("Board of Education of the Town of Milford", "Milford Board of Ed"),
    ("St. Brendan's Parish", "Parish of St Brendan"),
    ("Lakeland Community College Foundation", "Lakeland CC Foundation"),
    ("Our Lady of Mercy Academy", "OL Mercy Academy"),
]
INSTITUTIONS_UK = [
    ("Oakwood Multi-Academy Trust", "Oakwood MAT"),
    ("St Aidan's Church of England Primary School", "St Aidans C of E Primary"),
    ("Parish of Holy Trinity, Thornbury", "Holy Trinity Church Thornbury"),
    ("Fenwick Sixth Form College", "Fenwick 6th Form College"),
]
INSTITUTIONS_EU = [
    ("Stichting Openbaar Onderwijs De Linde", "St. Openbaar Onderwijs De Linde"),
    ("Evangelische Kirchengemeinde St. Petri", "Ev. Kirchengemeinde St. Petri"),
    ("Gymnasium am Rosenhügel", "Gymn. am Rosenhügel"),
]
GOV = {
    "USD": [
        ("City of Bayport", "Bayport, City of"),
        ("County of Ashe", "Ashe County"),
        ("Town of Milbridge", "Milbridge, Town of"),
    ],
    "GBP": [
        ("Thornbury Town Council", "Town Council of Thornbury"),
        ("Ravensworth Parish Council", "Ravensworth PC"),
    ],
    "EUR": [
        ("Gemeinde Oberhaching", "Oberhaching, Gemeinde"),
        ("Gemeente Westerkwartier", "Westerkwartier (gemeente)"),
    ],
    "SEK": [("Kvænangen kommune", "Kommune Kvænangen")],
    "CAD": [("Municipality of Haliburton", "Haliburton, Municipality of")],
    "AUD": [("Shire of Mandurah", "Mandurah Shire Council")],
}
PROFESSIONAL = {
    "USD": [
        ("Whitfield & Delgado CPAs", "LLP", "Whitfield & Delgado Certified Public Accountants"),
        ("Castellanos Family Dentistry DDS", "PC", "Castellanos Family Dentistry"),
        ("Abernathy Law Offices", "PLLC", "Abernathy Attorneys at Law"),
    ],
    "GBP": [
        ("Pemberton Chartered Surveyors", "LLP", "Pemberton MRICS Surveyors"),
        ("Llewellyn Solicitors", "Ltd", "Llewellyn Sols"),
    ],
    "EUR": [
        ("Rechtsanwälte Kühn & Böhm", "PartG mbB", "RAe Kühn & Böhm"),
        ("Steuerberatung Weiß & Partner", "mbB", "StB Weiß & Partner"),
        ("Notariskantoor De Graaf", "B.V.", "Notaris De Graaf"),
    ],
    "SEK": [("Advokatfirman Lindqvist", "KB", "Adv. Lindqvist")],
    "CAD": [("Bélanger Comptables Professionnels Agréés", "Inc.", "Bélanger CPA")],
    "AUD": [("Papadopoulos Chartered Accountants", "Pty Ltd", "Papadopoulos CA")],
}
HEIRS = {
    "EUR": [
        ("Hijos de Antonio Barceló", "S.A.", "Antonio Barceló e Hijos"),
        ("Eredi di Mario Bellandi", "S.n.c.", "Mario Bellandi Eredi"),
        ("Viuda de Pedro Martín", "S.L.", "Vda. de Pedro Martín"),
    ],
    "USD": [("Hijos de Ramón Delgado", "Inc.", "Ramón Delgado e Hijos")],
    "CAD": [("Fils de Gérard Tremblay", "Inc.", "Gérard Tremblay et Fils")],
}
CHARITY = {
    "USD": [
        ("Grace Fellowship Church", "", "(Tax Exempt)"),
        ("Riverbend Food Pantry", "Inc.", "- 501(c)(3)"),
    ],
    "GBP": [
        ("Harbourside Food Bank", "CIO", "(Registered Charity)"),
        ("Wyndham Hospice Trust", "", "(Charity)"),
    ],
    "EUR": [
        ("Stichting Dierenopvang Zuidhoek", "", "(ANBI)"),
        ("Lebenshilfe Rosenheim", "e.V.", "(gemeinnützig)"),
    ],
    "SEK": [("Stiftelsen Skärgårdshjälpen", "", "(ideell)")],
    "CAD": [("Muskoka Youth Outreach", "", "(Registered Charity)")],
    "AUD": [
        ("Banksia Community Care", "Ltd", "(DGR)"),
        ("Wattle Creek Men's Shed", "Inc", "(ACNC reg.)"),
    ],
}
TRADE = {
    "USD": [
        ("Patel Family Dentistry", "PLLC", "Smile Studio", "dba", "Dr Patel's"),
        ("Okafor Holdings", "LLC", "Sunvale Car Wash", "dba", "Okafor's"),
    ],
    "GBP": [
        ("Kingsmead Dental Practice", "Ltd", "Smile Kingsmead", "t/a", "Kingsmead Dental"),
        ("Whitaker & Sons Building Contractors", "Ltd", "Whitaker Homes", "t/a", "Whitakers"),
    ],
    "EUR": [
        (
            "Van der Berg Installatietechniek Holding",
            "B.V.",
            "Berg Warmte",
            "h.o.d.n.",
            "Van der Berg",
        ),
        ("Hübner Gastronomie", "GmbH", "Café Rosenhof", "handelnd als", "Hübner"),
    ],
    "SEK": [("Nyström Invest", "AB", "Café Skären", "bifirma", "Nyströms")],
    "CAD": [
        ("9178-4455 Québec", "Inc.", "Boulangerie Lavoie", "o/a", "Lavoie"),
        ("1043877 B.C.", "Ltd.", "Okanagan Bike Works", "o/a", "Bike Works"),
    ],
    "AUD": [("Nguyen Family", "Pty Ltd", "Banksia Bakery", "t/as", "Nguyens")],
}


def pool_inds(c):
    for pool in (US, UK, AU, CA):
        for ind in sorted(pool["inds"], key=len, reverse=True):
            if c.core.endswith(" " + ind):
                yield ind
                return


def make_clients(rng: random.Random, n: int, currency: str) -> list[Client]:
    """Realistic client book of n clients for a vendor bill in `currency`."""
    out: list[Client] = []
    used: set[str] = set()

    def add(core, legal, country, **kw):
        name = f"{core} {legal}".strip() if legal else core
        if norm(name) in used or norm(core) in used:
            return None
        used.add(norm(name))
        used.add(norm(core))
        c = Client(cid=len(out), name=name, country=country, core=core, legal=legal, **kw)
        c.domain = slug(core) + ".onmicrosoft.com"
        out.append(c)
        return c

    home = {"USD": ("US", US), "GBP": ("GB", UK), "AUD": ("AU", AU), "CAD": ("CA", CA)}.get(
        currency
    )

    def home_legal():
        return rng.choice(
            {
                "USD": ["LLC", "Inc."],
                "GBP": ["Ltd", "Limited"],
                "AUD": ["Pty Ltd"],
                "CAD": ["Inc.", "Ltd."],
                "EUR": ["GmbH", "B.V."],
                "SEK": ["AB", "AS"],
            }[currency]
        )

    country = home[0] if home else ("DE" if currency == "EUR" else "SE")
    # -- families (about 18 % of the book)
    budget = max(4, n * 18 // 100)
    fams = []
    for core, suffixes in rng.sample(SIBLING_FAMILIES, 3):
        fams.append(("siblings", [(f"{core} {s}", None) for s in suffixes]))
    for chain in rng.sample(CHAINS, 2):
        style = rng.choice(["Store {}", "#{}", "Store No. {}"])
        nums = sorted(rng.sample(range(3, 60), rng.randint(2, 4)))
        fams.append(("stores", [(f"{chain} {style.format(k)}", None) for k in nums]))
    for brand, locs in rng.sample(FRANCHISES, 2):
        k = rng.randint(100, 420)
        fams.append(
            (
                "franchise",
                [
                    (f"{brand} Franchise #{k + 17 * i} - {loc}", None)
                    for i, loc in enumerate(locs[: rng.randint(2, len(locs))])
                ],
            )
        )
    for a, b in rng.sample(TWINS, 3):
        fams.append(("twins", [(a, None), (b, None)]))
    for a, b in rng.sample(TENANT_PAIRS, 2):
        fams.append(("tenants", [(a, None), (b, None)]))
    for parent, kids in rng.sample(GROUPS, 1):
        fams.append(("group", [(k, parent) for k in kids]))
    rng.shuffle(fams)
    fi = 0
    for kind, members in fams:
        if budget <= 0:
            break
        legal = home_legal()
        for core, parent in members:
            c = add(core, legal, country, family=f"F{fi}", family_kind=kind, parent=parent or "")
            budget -= 1
        fi += 1
    # -- special kinds (about 22 %)
    specials = []
    for core, alt in (
        INSTITUTIONS_US
        if currency in ("USD", "CAD")
        else INSTITUTIONS_UK
        if currency in ("GBP", "AUD")
        else INSTITUTIONS_EU
    ):
        specials.append(
            dict(core=core, legal="", kind="institution", alt={"institution_form": alt})
        )
    for core, alt in GOV.get(currency, []):
        specials.append(dict(core=core, legal="", kind="gov", alt={"gov_inversion": alt}))
    for core, legal, alt in PROFESSIONAL.get(currency, []):
        specials.append(
            dict(
                core=core,
                legal=legal,
                kind="professional",
                alt={"professional_title": f"{alt} {legal}".strip()},
            )
        )
    for core, legal, alt in HEIRS.get(currency, []) + (
        HEIRS["EUR"][:1] if currency == "USD" else []
    ):
        specials.append(
            dict(core=core, legal=legal, kind="heirs", alt={"heirs_form": f"{alt} {legal}".strip()})
        )
    for core, legal, tag in CHARITY.get(currency, []):
        specials.append(
            dict(
                core=core,
                legal=legal,
                kind="charity",
                alt={"tax_status_tag": f"{core} {legal} {tag}".replace("  ", " ").strip()},
            )
        )
    for core, legal, trade, marker, known in TRADE.get(currency, []):
        specials.append(
            dict(
                core=core,
                legal=legal,
                kind="trade",
                trade=trade,
                known_as=known,
                alt={"trading_as_local": f"{core} {legal} {marker} {trade}".replace("  ", " ")},
            )
        )
    for core, legal, alt, ctry in rng.sample(ASIAN, 5):
        specials.append(
            dict(
                core=core,
                legal=legal,
                kind="asian",
                country=ctry,
                alt={"romanisation": f"{alt} {legal}"},
            )
        )
    if currency == "AUD":
        for core, legal, ctry in NZ_NAMES:
            specials.append(dict(core=core, legal=legal, kind="plain", country=ctry))
    if currency == "CAD":
        for core, legal, ctry in QC_NAMES:
            specials.append(dict(core=core, legal=legal, kind="plain", country=ctry))
    rng.shuffle(specials)
    for sp in specials[: max(6, n * 22 // 100)]:
        ctry = sp.pop("country", country)
        add(sp.pop("core"), sp.pop("legal"), ctry, **sp)
    # -- the rest
    guard = 0
    eu_pool = list(EU_NAMES if currency == "EUR" else NORDIC_NAMES if currency == "SEK" else [])
    rng.shuffle(eu_pool)
    while len(out) < n and guard < 20000:
        guard += 1
        if currency in ("EUR", "SEK") and eu_pool and rng.random() < 0.5:
            core, legal, ctry = eu_pool.pop()
            add(core, legal, ctry, kind="plain")
            continue
        if currency in ("EUR", "SEK"):
            pool = UK if rng.random() < 0.3 else None
            if pool is None:
                # compose a continental name: surname + trade word
                sur = rng.choice(
                    [
                        "Hoffmann",
                        "Krämer",
                        "Janssen",
                        "Dubois",
                        "García",
                        "Virtanen",
                        "Novák",
                        "Wójcik",
                        "Bianchi",
                        "Lindström",
                        "Ferreira",
                        "Huber",
                        "Maes",
                        "Nieminen",
                        "Fontaine",
                        "Schröder",
                        "Kovačević",
                        "Dvořák",
                        "Jørgensen",
                        "Ødegaard",
                        "Sørensen",
                        "Łukasik",
                    ]
                )
                trade = rng.choice(
                    [
                        "Metallbau",
                        "Haustechnik",
                        "Transport",
                        "Consulting",
                        "Immobilien",
                        "Zahntechnik",
                        "Logistiek",
                        "Bouw",
                        "Conseil",
                        "Ingeniería",
                        "Rakennus",
                        "Elektro",
                        "Optik",
                        "Facility Services",
                        "Reisen",
                        "Steuerkanzlei",
                        "Architecten",
                        "Bygg",
                        "Redovisning",
                    ]
                )
                legal = rng.choice(
                    [
                        "GmbH",
                        "GmbH",
                        "B.V.",
                        "SARL",
                        "S.L.",
                        "Oy",
                        "s.r.o.",
                        "Sp. z o.o.",
                        "AB",
                        "ApS",
                        "AS",
                    ]
                )
                add(f"{sur} {trade}", legal, "EU", kind="person")
                continue
        else:
            pool = home[1]
        if rng.random() < 0.2 and pool.get("surnames"):
            sur = rng.choice(pool["surnames"])
            core = f"{sur} {rng.choice(pool['inds'])}"
            add(core, rng.choice(pool["legal"]), country, kind="person")
        else:
            core = f"{rng.choice(pool['places'])} {rng.choice(pool['inds'])}"
            add(core, rng.choice(pool["legal"]), country, kind="plain")
    # cities / phones / known-as
    cities = home[1]["cities"] if home else EU["cities"]
    phone = home[1]["phone"] if home else EU["phone"]
    cc = {
        "DE": "49",
        "AT": "43",
        "NL": "31",
        "BE": "32",
        "FR": "33",
        "ES": "34",
        "IT": "39",
        "FI": "358",
        "PT": "351",
        "SE": "46",
        "NO": "47",
        "DK": "45",
        "EU": "49",
        "JP": "81",
        "KR": "82",
        "CN": "86",
    }
    for c in out:
        c.city, c.region = rng.choice(cities)
        c.phone = phone(rng)
        if c.country in cc and currency in ("EUR", "SEK"):
            c.phone = f"+{cc[c.country]} {rng.randint(10, 99)} {rng.randint(100000, 9999999)}"
        if not c.known_as and c.kind in ("plain", "person") and not c.family:
            words = c.core.split()
            if c.kind == "person":
                c.known_as = f"{words[0]}'s" if not words[0].endswith("s") else f"{words[0]}'"
            elif len(words) >= 3:
                short = {
                    "Veterinary Clinic": "Vets",
                    "Veterinary Surgery": "Vets",
                    "Title & Escrow": "Title",
                    "Plumbing & Heating": "Plumbing",
                    "Property Management": "Property",
                    "Insurance Agency": "Insurance",
                    "Brewing Company": "Brewing",
                    "Physical Therapy": "PT",
                    "Wealth Advisors": "Wealth",
                    "Estate Agents": "Estates",
                    "Financial Planning": "Financial",
                    "Garden Centre": "Garden Centre",
                }
                ind = " ".join(words[-2:])
                if ind in short:
                    c.known_as = " ".join(words[:-2]) + " " + short[ind]
            if (
                not c.known_as
                and c.kind == "plain"
                and c.country in ("US", "GB", "AU", "CA", "NZ")
                and rng.random() < 0.5
            ):
                # staff call the client by its place word(s) only ("Blue Mesa" for Blue Mesa Veterinary Clinic LLC)
                ind_words = next((i for i in (pool_inds(c))), None)
                if ind_words and c.core.endswith(" " + ind_words):
                    place = c.core[: -len(ind_words) - 1]
                    c.known_as = rng.choice(
                        [place, f"The {place} office", f"{place} ({ind_words.split()[0].lower()})"]
                    )
    # a known-as name must point at one client only
    for c in out:
        if not c.known_as:
            continue
        sig = set(norm(c.known_as).split()) - {
            "dr",
            "s",
            "the",
            "office",
            "vets",
            "title",
            "plumbing",
            "property",
            "insurance",
            "brewing",
            "pt",
            "wealth",
            "estates",
            "financial",
            "garden",
            "centre",
        }
        own = {w for w in norm(c.name).split() if len(w) >= 4}
        shares = any(w in own or w.rstrip("s") in own for w in sig)
        if (
            not sig
            or not shares
            or any(sig <= set(norm(o.name).split()) for o in out if o is not c)
        ):
            c.known_as = ""
    return out


# --------------------------------------------------------------------------------------------
# client-name perturbations (PSA side)
COMMON_CLIENT = ("legal_dropped", "legal_variant", "amp_and", "case", "accents_stripped", "typo")


def _typo(rng: random.Random, text: str, protect: set[str]) -> str | None:
    words = text.split(" ")
    idx = [
        i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha() and w.lower() not in protect
    ]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    j = rng.randint(1, len(w) - 3)
    op = rng.choice(["swap", "drop", "double"])
    if op == "swap":
        w2 = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif op == "drop":
        w2 = w[:j] + w[j + 1 :]
    else:
        w2 = w[:j] + w[j] + w[j:]
    if w2 == w:
        return None
    words[i] = w2
    return " ".join(words)


def client_variant(rng: random.Random, c: Client, cls: str, clients_by_norm: dict) -> str | None:
    """One alternative spelling of the client's name for class `cls` (None: not applicable)."""
    n = c.name
    if cls in c.alt:
        return c.alt[cls]
    if cls == "legal_dropped":
        return c.core if c.legal else None
    if cls == "legal_variant":
        table = {
            **US["expand"],
            **UK["expand"],
            **AU["expand"],
            **CA["expand"],
            **EU_EXPAND,
            **NORDIC_EXPAND,
            "Co., Ltd.": "Company Limited",
            "K.K.": "Kabushiki Kaisha",
            "S.A.": "SA",
            "S.n.c.": "snc",
            "PartG mbB": "PartGmbB",
            "mbB": "PartG mbB",
            "CIO": "C.I.O.",
            "Ltée": "Limitée",
            "KB": "Kommanditbolag",
            "s.r.o.": "spol. s r.o.",
            "Sp. z o.o.": "Spółka z o.o.",
            "Inc": "Incorporated",
            "Trust": "Charitable Trust",
        }
        alt = table.get(c.legal)
        return f"{c.core} {alt}" if c.legal and alt else None
    if cls == "amp_and":
        if " & " in n:
            return n.replace(" & ", " and ")
        if " and " in n:
            return n.replace(" and ", " & ")
        return None
    if cls == "case":
        return rng.choice([n.upper(), n.lower()]) if n.upper() != n else n.title()
    if cls == "accents_stripped":
        s = strip_accents(n)
        return s if s != n else None
    if cls == "typo":
        if c.family:
            return None
        return _typo(rng, n, {w.lower() for w in c.legal.split()})
    if cls == "known_as":
        return c.known_as or None
    if cls == "location_tag":
        if c.family_kind in ("franchise", "stores"):
            return None
        style = rng.randrange(4)
        return [
            f"{n} ({c.city})",
            f"{n} - {c.region}",
            f"{c.core} {c.legal} - {c.city}, {c.region}".replace("  ", " "),
            f"{n} [{c.city}]",
        ][style]
    if cls == "franchise_style":
        m = re.match(r"(.+) Franchise #(\d+) - (.+)", c.core)
        if not m:
            return None
        brand, num, loc = m.groups()
        return rng.choice(
            [
                f"{brand} {loc} (#{num})",
                f"{brand} #{num} {loc}",
                f"{loc} {brand} - franchisee {num}",
            ]
        )
    if cls == "phone_in_name":
        return rng.choice([f"{n} {c.phone}", f"{n} (Tel. {c.phone})", f"{n} - ph {c.phone}"])
    if cls == "parent_first":
        return f"{c.parent} ({c.core})" if c.parent else None
    if cls == "trading_as_local":
        return None
    if cls == "numbered_store":
        return None
    return None


CLIENT_CLASSES_NEW = (
    "known_as",
    "location_tag",
    "franchise_style",
    "institution_form",
    "gov_inversion",
    "trading_as_local",
    "professional_title",
    "heirs_form",
    "tax_status_tag",
    "phone_in_name",
    "romanisation",
    "parent_first",
)


def perturb_client(rng: random.Random, c: Client, clients_by_norm: dict) -> tuple[str, list[str]]:
    """PSA spelling of the client's name and the classes that changed it."""
    special = (
        [k for k in c.alt]
        + (["known_as"] * 2 if c.known_as else [])
        + (["parent_first"] if c.parent else [])
    )
    new = [k for k in CLIENT_CLASSES_NEW if k not in special]
    classes: list[str] = []
    text = c.name
    first_pool = (
        special * 10
        + [k for k in new if k != "phone_in_name"] * 2
        + ["phone_in_name"]
        + list(COMMON_CLIENT) * 2
    )
    for _ in range(6):
        cls = rng.choice(first_pool)
        v = client_variant(rng, c, cls, clients_by_norm)
        if v and v != text:
            text, classes = v, [cls]
            break
    if not classes:
        return text, []
    # sometimes stack a second, light class on top
    if rng.random() < 0.35:
        cls2 = rng.choice(["case", "accents_stripped", "amp_and", "location_tag"])
        if cls2 not in classes:
            tmp = Client(**{**c.__dict__, "name": text, "alt": {}})
            if cls2 in ("phone_in_name", "location_tag") and classes[0] in (
                "known_as",
                "parent_first",
                "phone_in_name",
                "location_tag",
            ):
                return text, classes
            v = client_variant(rng, tmp, cls2, clients_by_norm)
            if v and v != text:
                text = v
                classes.append(cls2)
    # honesty: never equal (normalised) to another client's canonical name
    other = clients_by_norm.get(norm(text))
    if other is not None and other != c.cid:
        return c.name, []
    return text, classes
