"""Client books: names by country with their legal forms, and families that must never merge."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

COUNTRY_TLD = {
    "US": "com",
    "UK": "co.uk",
    "AU": "com.au",
    "NZ": "co.nz",
    "CA": "ca",
    "DE": "de",
    "AT": "at",
    "NL": "nl",
    "BE": "be",
    "FR": "fr",
    "ES": "es",
    "SE": "se",
    "NO": "no",
    "DK": "dk",
    "FI": "fi",
    "PL": "pl",
    "GR": "gr",
    "BG": "bg",
    "IE": "ie",
    "ZA": "co.za",
}

LEGAL = {
    "US": ["LLC", "Inc.", "Incorporated", "PLLC", "LLP", "Corp.", "P.C."],
    "UK": ["Ltd", "Limited", "LLP"],
    "AU": ["Pty Ltd"],
    "NZ": ["Limited", "Ltd"],
    "CA": ["Inc.", "Ltd.", "Ltée"],
    "DE": ["GmbH", "GmbH & Co. KG", "e.K."],
    "AT": ["GmbH"],
    "NL": ["B.V."],
    "BE": ["BV", "SRL", "NV"],
    "FR": ["SARL", "SAS"],
    "ES": ["S.L.", "S.A."],
    "SE": ["AB"],
    "NO": ["AS"],
    "DK": ["ApS", "A/S"],
    "FI": ["Oy"],
    "PL": ["Sp. z o.o."],
    "GR": ["IKE", "A.E."],
    "BG": ["EOOD", "OOD"],
    "IE": ["Ltd", "DAC"],
    "ZA": ["(Pty) Ltd"],
}

SURNAMES = {
    "US": [
        "Miller",
        "Garcia",
        "Nguyen",
        "Patel",
        "Okafor",
        "Kowalski",
        "Rossi",
        "Fitzgerald",
        "Delgado",
        "Washington",
        "Castillo",
        "Brennan",
        "Yamamoto",
        "Abernathy",
        "Lindqvist",
        "Moreau",
    ],
    "UK": [
        "Whitfield",
        "Ashworth",
        "Hughes",
        "Pemberton",
        "Clarke",
        "Singh",
        "Harcourt",
        "Bramley",
        "Oduya",
    ],
    "AU": ["Nguyen", "Papadakis", "Kelly", "McAllister", "Tran", "Horvath", "Fraser", "Costa"],
    "NZ": ["Ngata", "Walker", "Te Rangi", "Hollis", "Parata"],
    "CA": ["Tremblay", "Gagnon", "Côté", "Bouchard", "MacLeod", "Chen", "Leblanc"],
    "DE": ["Müller", "Schröder", "Weiß", "Köhler", "Groß", "Fuchs", "Krüger", "Lang", "Böhm"],
    "AT": ["Huber", "Gruber", "Pichler", "Mößlacher"],
    "IE": ["Ó Briain", "Byrne", "Ní Dhomhnaill", "Murphy"],
    "FR": ["Lefèvre", "Fournier", "Girard", "Mercier", "Roussel"],
    "ES": ["Núñez", "Muñoz", "Ibáñez", "Peña", "Ortiz"],
    "SE": ["Åkesson", "Söderberg", "Ström", "Lindgren"],
    "NO": ["Bjørnstad", "Ødegård", "Fjellstad", "Haugen"],
    "DK": ["Sørensen", "Kjær", "Møller", "Dahl"],
    "FI": ["Virtanen", "Mäkinen", "Häkkinen", "Lehtonen"],
    "PL": ["Wróbel", "Kołodziej", "Zieliński", "Dąbrowska"],
    "ZA": ["Naidoo", "van Wyk", "Botha", "Dlamini"],
    "NL": ["de Vries", "Jansen", "Bakker"],
    "BE": ["Peeters", "Janssens", "Dubois", "Maes"],
}
TRADES = {
    "US": [
        "Family Dentistry",
        "Veterinary Clinic",
        "Law Group",
        "Accounting",
        "Plumbing & Heating",
        "Roofing",
        "Realty",
        "Insurance Agency",
        "Chiropractic",
        "Construction",
        "Logistics",
        "Pediatrics",
        "Brewing Company",
        "Auto Repair",
        "Landscaping",
        "Title Company",
        "Orthodontics",
        "Engineering",
    ],
    "UK": [
        "Dental Practice",
        "Veterinary Surgery",
        "Solicitors",
        "Estate Agents",
        "Accountants",
        "Joinery",
        "Architects",
        "Opticians",
        "Lettings",
        "Surveyors",
    ],
    "AU": [
        "Physiotherapy",
        "Electrical",
        "Accountants",
        "Mechanical",
        "Medical Centre",
        "Pharmacy",
        "Conveyancing",
        "Plumbing",
        "Vet Hospital",
    ],
    "NZ": ["Accountants", "Builders", "Physio", "Law"],
    "IE": ["Solicitors", "Pharmacy", "Engineering", "Dental"],
    "ZA": ["Attorneys", "Logistics", "Accountants", "Engineering"],
    "CA": ["Dental Centre", "Accounting", "Construction", "Law Office"],
}
# whole names for countries whose word order is not "Surname Trade"
LOCAL = {
    "DE": [
        "Bäckerei {s}",
        "Straßenbau {s}",
        "Steuerberatung {s}",
        "Autohaus {s}",
        "Ingenieurbüro {s}",
        "Tischlerei {s}",
        "Zahnarztpraxis {s}",
        "Physiotherapiepraxis {s}",
        "Hausverwaltung {s}",
        "{s} Elektrotechnik",
    ],
    "AT": ["Steuerberatung {s}", "Zahnarztpraxis {s}", "Autohaus {s}", "{s} Bau"],
    "NL": [
        "Bakkerij {s}",
        "Installatiebedrijf {s}",
        "Tandartspraktijk {s}",
        "Administratiekantoor {s}",
        "Transportbedrijf {s}",
    ],
    "BE": ["Architectenbureau {s}", "Boulangerie {s}", "Logistiek {s}", "Tandartspraktijk {s}"],
    "FR": ["Cabinet {s}", "Boulangerie {s}", "Pharmacie {s}", "Transports {s}", "Garage {s}"],
    "ES": ["Clínica Dental {s}", "Asesoría {s}", "Talleres {s}", "Farmacia {s}"],
    "SE": ["{s} Bygg", "{s} Redovisning", "Tandläkare {s}", "{s} Fastigheter"],
    "NO": ["{s} Regnskap", "{s} Tannklinikk", "{s} Bygg", "{s} Eiendom"],
    "DK": ["{s} Tømrer", "{s} Revision", "Tandlægeklinik {s}", "{s} Ejendomme"],
    "FI": ["{s} Rakennus", "Tilitoimisto {s}", "Hammaslääkäri {s}"],
    "PL": ["Biuro Rachunkowe {s}", "{s} Transport", "Gabinet Stomatologiczny {s}"],
    "CA": ["Boulangerie {s}", "Clinique Dentaire {s}", "Services Comptables {s}"],
}
NL_TUSSEN = [
    "van der Berg",
    "van den Heuvel",
    "van der Linden",
    "van Dijk",
    "de Jong",
    "van den Broek",
]
# (Latin tenant name core, native-script name core) — written for set P
NATIVE = {
    "GR": [
        ("Papadopoulos Logistiki", "Παπαδόπουλος Λογιστική"),
        ("Georgiou Odontiatreio", "Γεωργίου Οδοντιατρείο"),
        ("Nikolaidis Kataskeves", "Νικολαΐδης Κατασκευές"),
        ("Karagiannis Farmakeio", "Καραγιάννης Φαρμακείο"),
        ("Alexiou Metafores", "Αλεξίου Μεταφορές"),
    ],
    "BG": [
        ("Ivanov Stroy", "Иванов Строй"),
        ("Petrova Schetovodstvo", "Петрова Счетоводство"),
        ("Dimitrov Dental", "Димитров Дентал"),
        ("Georgieva Konsult", "Георгиева Консулт"),
    ],
}
NATIVE_LEGAL = {"IKE": "ΙΚΕ", "A.E.": "Α.Ε.", "EOOD": "ЕООД", "OOD": "ООД"}
PLACES = {
    "US": [
        "Cedar Creek",
        "Lakeview",
        "Harbor Point",
        "Riverside",
        "St. Charles",
        "Mount Vernon",
        "Fort Collins",
        "Three Rivers",
        "Seven Oaks",
        "Twin Falls",
        "Five Points",
        "First Street",
        "Pine Hollow",
    ],
    "UK": [
        "St Albans",
        "Mount Pleasant",
        "Kingsbridge",
        "Ashford",
        "Three Counties",
        "Seven Dials",
        "Fort William",
    ],
    "AU": [
        "St Kilda",
        "Mount Gambier",
        "Port Macquarie",
        "Bondi",
        "Two Rivers",
        "Fortitude Valley",
        "Five Dock",
    ],
    "NZ": ["Mount Eden", "St Heliers", "Three Kings", "Port Chalmers"],
    "CA": ["Saint-Laurent", "Mount Royal", "Port Credit", "Two Mountains"],
    "IE": ["St Stephens Green", "Mount Merrion"],
    "ZA": ["Port Elizabeth", "Mount Edgecombe"],
}
FIRST_NICK = [
    ("Robert", "Bob"),
    ("William", "Bill"),
    ("Margaret", "Peggy"),
    ("Katherine", "Kate"),
    ("James", "Jim"),
    ("Elizabeth", "Liz"),
    ("Richard", "Rick"),
    ("Alexander", "Sasha"),
    ("Francisco", "Paco"),
    ("José", "Pepe"),
    ("Johannes", "Hannes"),
    ("Theodore", "Ted"),
    ("Patricia", "Trish"),
    ("Anthony", "Tony"),
    ("Jennifer", "Jen"),
    ("Christopher", "Kit"),
]
SOLE_TRADES = [
    "Plumbing",
    "Electrical",
    "Physiotherapy",
    "Photography",
    "Landscaping",
    "Bookkeeping",
    "Tax Services",
    "Carpentry",
    "Dental Surgery",
    "Chiropractic",
]
PRACTICE_TRADES = [
    "Dental Surgery",
    "Chiropractic",
    "Physiotherapy",
    "Family Medicine",
    "Optometry",
]
SIBLING_PAIRS = [
    ("Dental Group", "Dental Lab"),
    ("Veterinary Clinic", "Veterinary Hospital"),
    ("Accounting", "Wealth Management"),
    ("Construction", "Construction Supplies"),
    ("Physiotherapy", "Pilates Studio"),
    ("Law Group", "Law Group Foundation"),
    ("Medical Centre", "Medical Imaging"),
    ("Realty", "Property Management"),
]
CHAIN_BRANDS = [
    "Sunrise Bakery",
    "QuickFix Auto",
    "Harbour Pharmacy",
    "Green Leaf Cafe",
    "Coastal Optical",
    "Northside Fitness",
]
COUNTRY_MIX = {
    "USD": {
        "US": 70,
        "CA": 6,
        "UK": 4,
        "DE": 3,
        "ES": 3,
        "GR": 2,
        "BG": 2,
        "FR": 3,
        "NL": 2,
        "IE": 2,
        "ZA": 3,
    },
    "GBP": {
        "UK": 60,
        "IE": 10,
        "US": 5,
        "DE": 4,
        "FR": 4,
        "NL": 4,
        "PL": 5,
        "GR": 3,
        "NO": 3,
        "BG": 2,
    },
    "CAD": {"CA": 70, "US": 15, "FR": 5, "UK": 5, "GR": 3, "BG": 2},
    "AUD": {"AU": 65, "NZ": 15, "UK": 5, "US": 5, "GR": 5, "ZA": 5},
    "EUR": {
        "DE": 20,
        "NL": 12,
        "BE": 10,
        "AT": 6,
        "FR": 10,
        "ES": 8,
        "SE": 6,
        "NO": 5,
        "DK": 5,
        "FI": 6,
        "PL": 5,
        "GR": 3,
        "BG": 2,
        "IE": 2,
    },
}


@dataclass
class Client:
    name: str  # canonical name (the legal / tenant name)
    country: str
    legal: str
    stem: str  # name without legal form
    tags: dict = field(default_factory=dict)
    family: str = ""
    side: str = "both"  # both | vendor | psa
    domain: str = ""
    tenant_id: str = ""
    number: str = ""  # customer / account number
    psa_name: str = ""  # perturbed PSA spelling (set by perturb)
    psa_classes: list = field(default_factory=list)


def ascii_fold(s: str) -> str:
    s = (
        s.replace("ø", "o")
        .replace("Ø", "O")
        .replace("æ", "ae")
        .replace("Æ", "AE")
        .replace("ß", "ss")
    )
    s = s.replace("ł", "l").replace("Ł", "L").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _domain(stem: str, country: str) -> str:
    words = re.findall(r"[a-z0-9]+", ascii_fold(stem).lower())
    core = "".join(words) or "client"
    return f"{core[:40]}.{COUNTRY_TLD[country]}"


def _pick_country(rng: random.Random, currency: str) -> str:
    mix = COUNTRY_MIX[currency if currency in COUNTRY_MIX else "USD"]
    return rng.choices(list(mix), weights=list(mix.values()))[0]


def _plain_name(rng: random.Random, country: str) -> tuple[str, dict]:
    tags: dict = {}
    if country in NATIVE:
        latin, native = rng.choice(NATIVE[country])
        tags["native"] = native
        return latin, tags
    if country == "NL" and rng.random() < 0.6:
        s = rng.choice(NL_TUSSEN)
        tpl = rng.choice(LOCAL["NL"])
        tags["tussen"] = True
        return tpl.format(s=s[0].upper() + s[1:] if tpl.startswith("{s}") else s), tags
    if country in LOCAL and (country not in TRADES or rng.random() < 0.5):
        return rng.choice(LOCAL[country]).format(s=rng.choice(SURNAMES[country])), tags
    r = rng.random()
    if r < 0.35 and country in PLACES:
        return f"{rng.choice(PLACES[country])} {rng.choice(TRADES[country])}", tags
    if r < 0.5:
        sn = rng.choice(SURNAMES[country])
        if country in ("US", "UK", "AU", "CA"):
            return (
                f"{sn} & Sons {rng.choice(['Builders', 'Plumbing', 'Joinery', 'Electrical'])}",
                tags,
            )
        return f"{sn} Brothers {rng.choice(TRADES[country])}", tags
    return f"{rng.choice(SURNAMES[country])} {rng.choice(TRADES[country])}", tags


def build_clients(rng: random.Random, n: int, currency: str) -> list[Client]:
    """n canonical clients with families; names unique."""
    clients: list[Client] = []
    seen: set[str] = set()
    stems: set[str] = set()

    def add(
        stem: str,
        country: str,
        legal: str | None = None,
        tags: dict | None = None,
        family: str = "",
        side: str = "both",
    ) -> Client | None:
        legal = legal or rng.choice(LEGAL[country])
        name = f"{stem} {legal}".strip()
        stem_key = ascii_fold(stem).casefold()
        if name.casefold() in seen or (stem_key in stems and not family.startswith("twin")):
            return None
        seen.add(name.casefold())
        stems.add(stem_key)
        c = Client(
            name=name,
            country=country,
            legal=legal,
            stem=stem,
            tags=dict(tags or {}),
            family=family,
            side=side,
        )
        clients.append(c)
        return c

    fam = 0
    # families (always on both sides)
    n_sib = max(1, n // 40)
    for _ in range(n_sib):
        fam += 1
        country = rng.choice(["US", "UK", "AU", "CA"])
        base = rng.choice(PLACES[country] + SURNAMES[country])
        a, b = rng.choice(SIBLING_PAIRS)
        legal = rng.choice(LEGAL[country])
        add(f"{base} {a}", country, legal, family=f"sib{fam}")
        add(f"{base} {b}", country, legal, family=f"sib{fam}")
    n_chain = max(1, n // 80)
    for _ in range(n_chain):
        fam += 1
        brand = rng.choice(CHAIN_BRANDS)
        country = rng.choice(["US", "AU", "UK"])
        nums = rng.sample(range(2, 48), 3)
        for k in nums:
            add(
                f"{brand} Store {k}",
                country,
                rng.choice(LEGAL[country]),
                tags={"store": k},
                family=f"chain{fam}",
            )
    # near-twins: same words, other country / legal form, or one letter apart
    for _ in range(max(1, n // 70)):
        fam += 1
        stem = (
            f"{rng.choice(['Bluewater', 'Northgate', 'Ironbark', 'Silverline', 'Kestrel'])} "
            f"{rng.choice(['Logistics', 'Consulting', 'Surveyors', 'Electrical'])}"
        )
        if rng.random() < 0.5:
            add(stem, "AU", "Pty Ltd", family=f"twin{fam}")
            add(stem, "NZ", "Limited", family=f"twin{fam}")
        else:
            add(stem, "UK", "Ltd", family=f"twin{fam}")
            alt = (
                stem.replace("Consulting", "Consultants")
                .replace("Logistics", "Logistix")
                .replace("Surveyors", "Survey")
                .replace("Electrical", "Electric")
            )
            add(alt, "UK", "Ltd", family=f"twin{fam}")
    # one company, two tenants on the bill, two PSA accounts
    for _ in range(max(1, n // 90)):
        fam += 1
        stem = f"{rng.choice(['Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Proseware'])} Holdings"
        country = rng.choice(["UK", "IE", "AU"])
        legal = rng.choice(LEGAL[country])
        add(stem, country, legal, family=f"tenants{fam}")
        add(
            f"{stem} (Dublin)" if country != "AU" else f"{stem} (Auckland)",
            country,
            legal,
            family=f"tenants{fam}",
        )
    # sole traders with a formal first name
    for _ in range(max(1, n // 30)):
        country = rng.choice(["US", "UK", "AU", "CA", "NZ"])
        first, nick = rng.choice(FIRST_NICK)
        trade = rng.choice(SOLE_TRADES)
        sn = rng.choice(SURNAMES[country])
        tags = {"first": first, "nick": nick}
        if trade in PRACTICE_TRADES:
            tags["practice"] = True
        add(f"{first} {sn} {trade}", country, rng.choice(LEGAL[country]), tags=tags)
    # everybody else
    tries = 0
    while len(clients) < n and tries < n * 50:
        tries += 1
        country = _pick_country(rng, currency)
        stem, tags = _plain_name(rng, country)
        add(stem, country, tags=tags)
    clients = clients[:n]
    for i, c in enumerate(clients):
        c.domain = _domain(c.stem, c.country)
        c.tenant_id = "%08x-%04x-%04x-%04x-%012x" % (
            rng.getrandbits(32),
            rng.getrandbits(16),
            0x4000 | rng.getrandbits(12),
            0x8000 | rng.getrandbits(14),
            rng.getrandbits(48),
        )
        c.number = str(10000 + rng.randrange(89999))
    # sides: a few only on one side (never family members)
    singles = [c for c in clients if not c.family]
    rng.shuffle(singles)
    k = max(1, round(n * 0.035))
    for c in singles[:k]:
        c.side = "vendor"
    for c in singles[k : 2 * k]:
        c.side = "psa"
    return clients
