"""Client names of set V: ordinary firms, person-named firms of several cultures, and siblings."""

from __future__ import annotations

import re
import unicodedata

PLACES = [
    "Harbourview",
    "Northgate",
    "Kestrel",
    "Bramble",
    "Ironbark",
    "Silverbirch",
    "Copperleaf",
    "Lakeside",
    "Redwood",
    "Meadowbrook",
    "Stonebridge",
    "Westfield",
    "Ashford",
    "Brightwater",
    "Clearwater",
    "Eastwood",
    "Foxglove",
    "Granite",
    "Highland",
    "Juniper",
    "Kingfisher",
    "Larkspur",
    "Oakridge",
    "Pinecrest",
    "Quayside",
    "Riverbend",
    "Saltmarsh",
    "Thornbury",
    "Upland",
    "Valemount",
    "Willowbank",
    "Yarrow",
    "Zenith",
    "Alder",
    "Beacon",
    "Cedarline",
    "Driftwood",
    "Elmstead",
    "Fernhill",
    "Glenrock",
    "Hawthorn",
    "Islington",
    "Jarrah",
    "Kowhai",
    "Lindenhurst",
    "Marram",
    "Norfolk",
    "Orchard",
    "Pemberton",
    "Quarry",
    "Rosewood",
    "Summit",
    "Tamarind",
    "Umber",
    "Vantage",
    "Wattle",
    "Xanadu",
    "Yellowgum",
    "Acacia",
    "Banksia",
    "Coastline",
    "Dunmore",
    "Everton",
    "Falcon",
    "Greystone",
    "Heron",
    "Ivybridge",
    "Jetty",
    "Keystone",
    "Lodestar",
    "Millpond",
    "Northwind",
    "Osprey",
    "Parkside",
    "Rowan",
    "Sandpiper",
    "Tideway",
    "Union",
    "Verity",
    "Waratah",
    "Albion",
    "Blackwood",
    "Carrick",
    "Dovetail",
    "Ember",
    "Fairhaven",
    "Gatehouse",
    "Hillcrest",
    "Inglewood",
    "Kinross",
    "Lochside",
    "Marigold",
    "Newhaven",
    "Oakhurst",
    "Pebblebrook",
    "Redcliffe",
    "Sheffield",
    "Tallowood",
    "Wexford",
    "Windmill",
    "Bluebell",
    "Castlegate",
    "Dunbar",
    "Elderberry",
    "Fernleigh",
    "Goldcrest",
    "Halcyon",
    "Meridian",
    "Nightingale",
    "Pelican",
    "Quill",
    "Ravenscourt",
    "Solstice",
    "Trillium",
    "Wildflower",
    "Amberley",
    "Broadwater",
    "Coralbay",
    "Deepdene",
    "Evergreen",
]

TRADES = """Dental Group|Veterinary Clinic|Logistics|Accountants|Architects|Joinery|Plumbing|Electrical
|Pharmacy|Legal|Engineering|Construction|Property Management|Physiotherapy|Optometrists|Bakery
|Brewing Co|Surveyors|Insurance Brokers|Recruitment|Marketing|Print & Design|Freight|Medical Centre
|Family Practice|Consulting|Financial Planning|Motors|Landscaping|Hospitality|Hotel|Travel
|Community Trust|Studios|Wealth Partners|Cabinetry|Roofing|Dairy|Vineyards|Aged Care
|Early Learning Centre|Chiropractic|Orthodontics|Engineering Services|Civil Works|Signs""".replace(
    "\n", ""
).split("|")

LEGAL = {
    "USD": ["LLC", "Inc.", "LLC", "Inc.", "Corp.", "", ""],
    "CAD": ["Inc.", "Ltd.", "Corp.", "Inc.", "Ltée", ""],
    "AUD": ["Pty Ltd", "Pty Ltd", "Pty. Limited", "Pty Ltd", ""],
    "GBP": ["Ltd", "Limited", "Ltd", "LLP", "plc", ""],
    "EUR": ["B.V.", "GmbH", "S.L.", "SARL", "S.r.l.", "BV", "NV", "Ltd", ""],
    "CHF": ["AG", "GmbH", "Sàrl", "AG", ""],
    "PLN": ["sp. z o.o.", "sp. z o.o.", "S.A.", "sp.j.", ""],
}
COUNTRY = {
    "USD": "US",
    "CAD": "CA",
    "AUD": "AU",
    "GBP": "GB",
    "EUR": "NL",
    "CHF": "CH",
    "PLN": "PL",
}
CITIES = {
    "USD": ["Denver", "Austin", "Columbus", "Raleigh", "Boise", "Tacoma", "Albany", "Tulsa"],
    "CAD": ["Calgary", "Halifax", "Kelowna", "Ottawa", "Laval", "Regina"],
    "AUD": ["Geelong", "Newcastle", "Toowoomba", "Ballarat", "Hobart", "Bendigo", "Cairns"],
    "GBP": ["Leeds", "Bradford", "Exeter", "York", "Swindon", "Derby", "Bath", "Preston"],
    "EUR": ["Utrecht", "Haarlem", "Zwolle", "Leiden", "Breda", "Delft"],
    "CHF": ["Winterthur", "Luzern", "Aarau", "Thun", "Chur"],
    "PLN": ["Kraków", "Gdańsk", "Łódź", "Poznań", "Lublin", "Toruń"],
}
GIVEN = [
    "James",
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Ava",
    "Lucas",
    "Mia",
    "Ethan",
    "Grace",
    "Jack",
    "Chloe",
    "Owen",
    "Ella",
    "Leo",
    "Ruby",
    "Finn",
    "Isla",
    "Hugo",
    "Zoe",
    "Priya",
    "Arjun",
    "Sofia",
    "Mateo",
    "Anna",
    "Jonas",
    "Lena",
    "Tomas",
    "Eva",
    "Marek",
]
SURNAMES = [
    "Hartley",
    "Whitfield",
    "Ashworth",
    "Pennington",
    "Blackmore",
    "Lockwood",
    "Fairbanks",
    "Haldane",
    "Kettering",
    "Marlowe",
    "Prescott",
    "Radcliffe",
    "Sutcliffe",
    "Tennant",
    "Wainwright",
    "Yardley",
    "Bellamy",
    "Crowther",
    "Dunstan",
    "Everard",
    "Fenwick",
    "Gilchrist",
    "Holloway",
    "Ingram",
    "Jessop",
    "Lambert",
    "Merriman",
    "Nolan",
    "Oakley",
    "Pritchard",
]
IRISH = [
    "O'Brien",
    "O'Sullivan",
    "O'Connell",
    "O'Driscoll",
    "O'Neill",
    "O'Keeffe",
    "O'Mahony",
    "O'Rourke",
]
SPANISH = [
    ("García", "López"),
    ("Martínez", "Ruiz"),
    ("Fernández", "Soto"),
    ("Sánchez", "Vidal"),
    ("Romero", "Castaño"),
    ("Navarro", "Iglesias"),
    ("Moreno", "Peña"),
]
DUTCH = [
    "van der Berg",
    "van den Heuvel",
    "de Vries",
    "van Dijk",
    "van der Meer",
    "de Jong",
    "van Leeuwen",
    "ter Horst",
]
CHINESE = [
    ("Chen", "Jiahui"),
    ("Wang", "Lei"),
    ("Liu", "Yifan"),
    ("Zhang", "Wei"),
    ("Huang", "Mingzhu"),
    ("Lin", "Xiaoling"),
    ("Zhou", "Haoran"),
]
NUMBER_WORDS = [
    ("Three Rivers", "3 Rivers"),
    ("Seven Oaks", "7 Oaks"),
    ("Two Bays", "2 Bays"),
    ("Four Winds", "4 Winds"),
    ("First Avenue", "1st Avenue"),
    ("Twin Peaks", None),
    ("Five Ways", "5 Ways"),
    ("Second Street", "2nd Street"),
]
COMPOUND = [
    ("BlueSky", "Blue Sky"),
    ("RedLeaf", "Red Leaf"),
    ("GreenPath", "Green Path"),
    ("SunCoast", "Sun Coast"),
    ("BrightStar", "Bright Star"),
    ("NorthStar", "North Star"),
    ("CloudNine", "Cloud Nine"),
    ("SilverLine", "Silver Line"),
]
GROUPS = [
    "Keystone Group",
    "Meridian Holdings",
    "Alliance Partners",
    "Crestline Group",
    "Summit Collective",
    "Harbour Holdings",
]


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def make_clients(rng, n: int, currency: str) -> list[dict]:
    """n clients with canonical names; about 7 % in sibling groups."""
    legal = LEGAL[currency]
    used: set[str] = set()
    place_use: dict[str, int] = {}
    out: list[dict] = []

    def add(name, kind, group=None, extra=None):
        key = fold(name)
        if key in used:
            return False
        used.add(key)
        c = {"canonical": name, "kind": kind, "group": group}
        c.update(extra or {})
        out.append(c)
        return True

    def place():
        for _ in range(200):
            p = rng.choice(PLACES)
            if place_use.get(p, 0) < 2:
                place_use[p] = place_use.get(p, 0) + 1
                return p
        return rng.choice(PLACES) + " " + rng.choice(["North", "South", "Coast", "Valley"])

    gid = 0
    while len(out) < n:
        r = rng.random()
        lf = rng.choice(legal)
        sfx = (" " + lf) if lf else ""
        if r < 0.07 and n - len(out) >= 2:
            gid += 1
            kind = rng.choice(["stores", "group_lab", "family", "parent_sub"])
            if kind == "stores":
                base = (
                    place()
                    + " "
                    + rng.choice(["Pharmacy", "Hardware", "Pet Supplies", "Bakery", "Optical"])
                )
                nums = rng.sample(range(2, 40), 2)
                for k in nums:
                    add(f"{base} Store {k}", "sibling", gid, {"store": k})
            elif kind == "group_lab":
                p = place()
                add(f"{p} Dental Group{sfx}", "sibling", gid)
                add(f"{p} Dental Lab{sfx}", "sibling", gid)
            elif kind == "family":
                s = rng.choice(SURNAMES)
                add(f"{s} Holdings{sfx or ' Ltd'}", "sibling", gid)
                add(f"{s} Properties{sfx or ' Ltd'}", "sibling", gid)
            else:
                p = place() + " " + rng.choice(["Logistics", "Engineering", "Freight", "Print"])
                add(f"{p}{sfx}", "sibling", gid)
                region = {
                    "AUD": "NZ",
                    "GBP": "Ireland",
                    "USD": "Canada",
                    "CAD": "USA",
                    "EUR": "Belgium",
                    "CHF": "Deutschland",
                    "PLN": "Czechia",
                }[currency]
                add(f"{p} {region}{sfx}", "sibling", gid)
            continue
        if r < 0.11:
            g, s = rng.choice(GIVEN), rng.choice(SURNAMES)
            trade = rng.choice(
                [
                    "Plumbing",
                    "Electrical",
                    "Joinery",
                    "Physiotherapy",
                    "Accounting",
                    "Architects",
                    "Landscaping",
                    "Dentistry",
                ]
            )
            add(f"{g} {s} {trade}{sfx}", "forename", extra={"given": g, "surname": s})
        elif r < 0.15:
            s = rng.choice(IRISH)
            add(
                f"{s} & Sons {rng.choice(['Building', 'Haulage', 'Roofing', 'Electrical'])}{sfx}",
                "irish",
                extra={"surname": s},
            )
        elif r < 0.18:
            a, b = rng.choice([x for x in SPANISH if currency != "PLN" or "ñ" not in "".join(x)])
            add(
                f"{a} {b} {rng.choice(['Abogados', 'Asesores', 'Arquitectos', 'Consultores'])}"
                f"{' S.L.' if currency == 'EUR' else sfx}",
                "spanish",
                extra={"s1": a, "s2": b},
            )
        elif r < 0.21:
            s = rng.choice(DUTCH)
            trades = (
                ["Bouw", "Installatietechniek", "Advies", "Transport"]
                if currency == "EUR"
                else ["Builders", "Installations", "Advisory", "Transport"]
            )
            add(
                f"{s[0].upper() + s[1:]} {rng.choice(trades)}"
                f"{' B.V.' if currency == 'EUR' else sfx}",
                "dutch",
                extra={"tv": s},
            )
        elif r < 0.24:
            fam, giv = rng.choice(CHINESE)
            add(
                f"{fam} {giv} {rng.choice(['Trading', 'Import Export', 'Accounting', 'Medical'])}{sfx}",
                "chinese",
                extra={"fam": fam, "giv": giv},
            )
        elif r < 0.28:
            s = rng.choice(SURNAMES)
            add(
                f"{s}'s {rng.choice(['Bakery', 'Garage', 'Pharmacy', 'Kitchen', 'Nursery'])}{sfx}",
                "possessive",
                extra={"surname": s},
            )
        elif r < 0.31:
            w, d = rng.choice(NUMBER_WORDS)
            if d:
                add(f"{w} {rng.choice(TRADES)}{sfx}", "numword", extra={"words": w, "digits": d})
        elif r < 0.34:
            a, b = rng.choice(COMPOUND)
            add(f"{a} {rng.choice(TRADES)}{sfx}", "compound", extra={"glued": a, "spaced": b})
        else:
            add(f"{place()} {rng.choice(TRADES)}{sfx}", "plain")
    out = out[:n]
    for i, c in enumerate(out):
        c["id"] = i
        c["given"] = c.get("given") or rng.choice(GIVEN)
        c["csurname"] = rng.choice(SURNAMES)
        c["city"] = rng.choice(CITIES[currency])
        c["country"] = COUNTRY[currency]
        stem = re.sub(
            r"[^a-z0-9]",
            "",
            fold(c["canonical"]).split(" ")[0] + fold(c["canonical"]).split(" ")[-1],
        )[:14]
        c["domain"] = f"{stem}{i % 7 if i % 3 == 0 else ''}.onmicrosoft.com"
        c["acct"] = f"C{10000 + i * 7 + rng.randrange(7):05d}"
        c["taxid"] = tax_id(rng, currency)
    return out


def tax_id(rng, currency):
    d = lambda k: "".join(str(rng.randrange(10)) for _ in range(k))  # noqa: E731
    if currency == "AUD":
        return f"ABN {d(2)} {d(3)} {d(3)} {d(3)}"
    if currency == "GBP":
        return f"VAT GB{d(3)} {d(4)} {d(2)}"
    if currency == "USD":
        return f"EIN {d(2)}-{d(7)}"
    if currency == "CAD":
        return f"BN {d(9)}RT0001"
    if currency == "CHF":
        return f"UID CHE-{d(3)}.{d(3)}.{d(3)} MWST"
    if currency == "PLN":
        return f"NIP {d(3)}-{d(3)}-{d(2)}-{d(2)}"
    return f"BTW NL{d(9)}B01"
