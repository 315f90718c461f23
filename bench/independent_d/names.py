"""Customer names of set D: several countries' legal forms, local industry words, siblings.

Each customer has a canonical (tenant / legal) name that the vendor bill carries; the PSA carries
what the MSP calls them, perturbed by one client-name class (perturb.py).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# country -> (legal forms, industry words, place/surname stems, domain tld)
COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]] = {
    "AU": (
        ("Pty Ltd", "Pty Ltd", "Pty. Limited"),
        (
            "Physiotherapy",
            "Plumbing",
            "Family Dental",
            "Conveyancing",
            "Electrical",
            "Vineyards",
            "Freight",
            "Veterinary Clinic",
            "Accountants",
            "Surveyors",
            "Joinery",
            "Orthodontics",
        ),
        (
            "Wattle Creek",
            "Bondi",
            "Kalgoorlie",
            "Yarraville",
            "Toowong",
            "Fremantle",
            "Ballarat",
            "Murray River",
            "Coolangatta",
            "Mudgee",
            "Kiama",
            "Bunbury",
            "Paddington",
            "Geelong",
        ),
        "com.au",
    ),
    "NZ": (
        ("Limited", "Ltd"),
        (
            "Engineering",
            "Law",
            "Orchards",
            "Roofing",
            "Chartered Accountants",
            "Dairy Supplies",
            "Marine Services",
            "Optometrists",
        ),
        (
            "Taupō",
            "Whanganui",
            "Karori",
            "Rotorua",
            "Te Awamutu",
            "Nelson Bays",
            "Ōtaki",
            "Matakana",
        ),
        "co.nz",
    ),
    "UK": (
        ("Ltd", "Limited", "LLP"),
        (
            "Solicitors",
            "Estate Agents",
            "Architects",
            "Haulage",
            "Opticians",
            "Chartered Surveyors",
            "Recruitment",
            "Veterinary Surgeons",
            "Brewing Co",
            "Dental Practice",
        ),
        (
            "Ashby",
            "Pennington",
            "Harrogate",
            "Whitstable",
            "Cheltenham",
            "Kendal",
            "Thornbury",
            "Ludlow",
            "Wymondham",
            "Beaconsfield",
            "Tewkesbury",
            "Holmfirth",
        ),
        "co.uk",
    ),
    "IE": (
        ("Ltd", "DAC", "Unlimited Company"),
        ("Pharmacy", "Motors", "Accountancy", "Engineering", "Physiotherapy"),
        ("Ó Briain", "Kilkenny", "Clonakilty", "Dún Laoghaire", "Ballina", "Athlone"),
        "ie",
    ),
    "US": (
        ("LLC", "Inc.", "PLLC", "P.C.", "Corp.", "LLP"),
        (
            "Family Dentistry",
            "Title & Escrow",
            "HVAC",
            "Orthopedics",
            "Landscaping",
            "CPAs",
            "Chiropractic",
            "Property Management",
            "Pediatrics",
            "Law Group",
            "Insurance Agency",
        ),
        (
            "Cedar Ridge",
            "Tallahassee",
            "Bozeman",
            "Lake Oswego",
            "Santa Fe",
            "Chattanooga",
            "Boise",
            "Red Bank",
            "Duluth",
            "Sioux Falls",
            "Asheville",
            "Galveston",
        ),
        "com",
    ),
    "CA": (
        ("Inc.", "Ltd.", "Corp."),
        ("Notaires", "Trucking", "Physiothérapie", "Dental Centre", "Home Builders"),
        ("Trois-Rivières", "Kelowna", "Moncton", "Lévis", "Nanaimo", "Saskatoon"),
        "ca",
    ),
    "DE": (
        ("GmbH", "GmbH & Co. KG", "e.K.", "AG"),
        ("Steuerberatung", "Zahntechnik", "Haustechnik", "Logistik", "Immobilien", "Metallbau"),
        ("Weißenfels", "Großmann", "Köhler", "Straßberger", "Müller-Thurgau", "Lüneburg", "Fürth"),
        "de",
    ),
    "FR": (
        ("SARL", "SAS", "SA"),
        ("Boulangerie", "Expertise Comptable", "Menuiserie", "Transports", "Cabinet Dentaire"),
        ("Hébert", "Lefèvre", "Beaumont", "Château-Thierry", "Étienne", "Mérignac"),
        "fr",
    ),
    "LU": (
        ("S.à r.l.", "S.A.", "SCS"),
        ("Fiduciaire", "Consulting", "Gestion de Patrimoine", "Logistique"),
        ("Esch", "Differdange", "Mersch", "Ettelbruck", "Wiltz"),
        "lu",
    ),
    "NL": (
        ("B.V.", "BV", "V.O.F."),
        ("Installatietechniek", "Advocaten", "Transport", "Tandartsen", "Bouwbedrijf"),
        ("Van der Berg", "Zwolle", "Amersfoort", "De Vries", "Haarlem", "Leeuwarden"),
        "nl",
    ),
    "SE": (
        ("AB", "Aktiebolag", "HB"),
        ("Byggkonsult", "Redovisning", "Tandvård", "Fastigheter", "Elektriska"),
        ("Lindqvist", "Åkesson", "Östersund", "Björklund", "Växjö", "Sjöberg"),
        "se",
    ),
    "FI": (
        ("Oy", "Oyj", "Ky"),
        ("Kuljetus", "Tilitoimisto", "Rakennus", "Hammaslääkärit"),
        ("Mäkinen", "Järvenpää", "Hämeenlinna", "Kärkkäinen", "Seinäjoki"),
        "fi",
    ),
    "PL": (
        ("Sp. z o.o.", "S.A.", "Sp.j."),
        ("Logistyka", "Biuro Rachunkowe", "Budownictwo", "Stomatologia", "Kancelaria"),
        ("Wiśniewski", "Łódź", "Kraków", "Gdańsk", "Zieliński", "Wrocław"),
        "pl",
    ),
    "DK": (
        ("ApS", "A/S", "I/S"),
        ("Tømrer", "Revision", "Arkitekter", "Tandklinik", "Transport"),
        ("Søndergaard", "Ærø", "Nørrebro", "Kjær", "Ølgod", "Højbjerg"),
        "dk",
    ),
    "NO": (
        ("AS", "ASA", "DA"),
        ("Rørlegger", "Regnskap", "Eiendom", "Marine Elektro", "Tannlegesenter"),
        ("Ødegaard", "Bodø", "Tromsø", "Halvorsen", "Ålesund", "Sørlie"),
        "no",
    ),
}

# Which countries an MSP billing in a currency serves (first = home market).
MARKETS: dict[str, tuple[str, ...]] = {
    "USD": ("US", "US", "US", "CA", "UK", "IE"),
    "GBP": ("UK", "UK", "UK", "IE", "NL", "DE"),
    "EUR": ("DE", "NL", "FR", "LU", "IE", "FI", "DK", "SE", "PL", "NO"),
    "AUD": ("AU", "AU", "AU", "NZ"),
    "NZD": ("NZ", "NZ", "AU"),
    "CAD": ("CA", "CA", "US"),
}

# chains with numbered locations, and sibling pairs that must never merge
CHAINS: tuple[str, ...] = (
    "FreshMart Grocers Store {n}",
    "Kwik Lube Express #{n}",
    "Bäckerei Sonnenschein Filiale {n}",
    "PetPals Veterinary Clinic {n}",
    "Harbour Pharmacy No. {n}",
    "SmileCare Dental Location {n}",
)
SIBLING_TAILS: tuple[tuple[str, str], ...] = (
    ("Dental Group", "Dental Lab"),
    ("Holdings", "Operations"),
    ("Property Management", "Property Developments"),
    ("Physiotherapy North", "Physiotherapy South"),
    ("Legal", "Legal Trust Account Services"),
    ("Motors", "Motors Finance"),
)
TRADING_NAMES: tuple[str, ...] = (
    "Brightwater Dental",
    "The Copper Kettle",
    "Seaside Smiles",
    "Northgate Pharmacy",
    "Urban Roots Florist",
    "Blue Heron Bistro",
    "Summit Physio",
    "Kestrel Print & Design",
    "Greenleaf Pediatrics",
    "Anchor Point Marine",
    "Riverside Optometry",
    "Maple & Pine Interiors",
    "Ironbark Brewing",
    "Little Acorns Childcare",
    "Tidewater Realty",
    "Cobalt Coffee Roasters",
)
OWNER_SURNAMES: tuple[str, ...] = (
    "Hargreaves",
    "O'Sullivan",
    "MacKenzie",
    "Papadopoulos",
    "Nguyen",
    "Kowalczyk",
    "Fitzgerald",
    "Van Rensburg",
    "D'Angelo",
    "Abernethy",
    "Okonkwo",
    "Lindgren",
)


@dataclass
class Customer:
    """A customer: ``canonical`` is the name on the bill (tenant / legal name)."""

    cid: int
    canonical: str
    country: str
    stem: str  # the words a person uses for it, without legal form
    legal: str  # the legal form as the canonical name writes it ("" when none)
    domain: str
    kind: str = "plain"  # plain | chain | sibling | trading | accented
    chain_no: int = 0
    trading: str = ""  # for kind=trading: what the MSP calls them
    seats: int = 10


def slug(text: str) -> str:
    keep = "".join(ch for ch in text.lower() if ch.isascii() and (ch.isalnum() or ch == " "))
    return "".join(keep.split())[:40] or "tenant"


def _accented(text: str) -> bool:
    return any(not ch.isascii() for ch in text)


def make_customers(
    rng: random.Random, count: int, currency: str, has_domain: bool, charset: str
) -> list[Customer]:
    """``count`` distinct customers for an MSP billing in ``currency``, names encodable in ``charset``."""
    markets = MARKETS[currency]
    out: list[Customer] = []
    seen: set[str] = set()

    domains: set[str] = set()

    def add(stem: str, country: str, kind: str, tail: str = "", **kw: object) -> None:
        legal_forms = COUNTRIES[country][0]
        legal = rng.choice(legal_forms) if kind != "chain" else ""
        name = f"{stem} {legal}".strip() + tail
        key = stem.lower()
        if key in seen:
            return
        try:
            name.encode(charset)
        except UnicodeEncodeError:
            return
        seen.add(key)
        base = slug(str(kw.get("trading") or stem))
        dom = base if base not in domains else f"{base}{len(out)}"
        domains.add(dom)
        dom += ".onmicrosoft.com"
        out.append(Customer(len(out), name, country, stem, legal, dom, kind, **kw))  # type: ignore[arg-type]

    # one or two chains with 2-4 numbered locations each
    chains = rng.sample(CHAINS, 2)
    for pattern in chains:
        country = markets[0]
        for n in sorted(rng.sample(range(2, 48), rng.randint(2, 4))):
            add(pattern.format(n=n), country, "chain", chain_no=n)
    # sibling pairs
    for tail_a, tail_b in rng.sample(SIBLING_TAILS, 3):
        country = rng.choice(markets)
        base = rng.choice(COUNTRIES[country][2])
        add(f"{base} {tail_a}", country, "sibling")
        add(f"{base} {tail_b}", country, "sibling")
    # trading-name customers: legal name on the bill, trading name in the PSA
    for trading in rng.sample(TRADING_NAMES, 4):
        country = markets[0]
        owner = rng.choice(OWNER_SURNAMES)
        style = rng.randrange(3) if has_domain else rng.randrange(1, 3)
        if style == 0:
            stem = f"{owner} Holdings"
        elif style == 1:
            add(f"{owner} Family Holdings", country, "trading", f" t/a {trading}", trading=trading)
            continue
        else:
            stem = f"{trading} Group Holdings"
        add(stem, country, "trading", trading=trading)
    guard = 0
    while len(out) < count and guard < count * 50:
        guard += 1
        country = rng.choice(markets)
        _, industries, places, _ = COUNTRIES[country]
        place = rng.choice(places)
        industry = rng.choice(industries)
        roll = rng.random()
        if roll < 0.15:
            stem = f"{place} & {rng.choice(OWNER_SURNAMES)} {industry}"
        elif roll < 0.25:
            stem = f"{rng.choice(OWNER_SURNAMES)} {industry} {rng.choice(('Group', 'Partners', 'Services', 'Associates'))}"
        else:
            stem = f"{place} {industry}"
        kind = "accented" if _accented(stem) else "plain"
        add(stem, country, kind)
    out = out[:count]
    for c in out:
        c.seats = max(2, min(400, int(rng.lognormvariate(2.6, 0.8))))
    return out
