"""US client names for set AL: legal names (vendor side, canonical) and the PSA's spelling."""

from __future__ import annotations

import unicodedata

SPANISH = [
    "García",
    "Hernández",
    "Peña",
    "Muñoz",
    "Ibáñez",
    "Rodríguez",
    "Núñez",
    "Gutiérrez",
    "Castañeda",
    "Villaseñor",
    "Treviño",
    "Ordóñez",
    "Benítez",
    "Saldaña",
    "Zúñiga",
    "Cárdenas",
    "Montaño",
    "Sáenz",
    "Echeverría",
    "Galván",
]
VIET = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Dương",
    "Lương",
    "Trương",
    "Vũ",
]
ANGLO = [
    "Whitaker",
    "Callahan",
    "Brennan",
    "O'Malley",
    "McAllister",
    "Fitzgerald",
    "Harrington",
    "Pruitt",
    "Dawson",
    "Kowalski",
    "Lindqvist",
    "Okafor",
    "Patel",
    "Chen",
    "Kim",
    "Broussard",
    "Thibodeaux",
    "Guidry",
    "Hebert",
    "Landry",
    "Boudreaux",
    "Yates",
    "Holloway",
    "Stroud",
    "Pennington",
    "Abernathy",
    "Gallagher",
    "D'Angelo",
    "O'Rourke",
    "Weatherford",
    "Kingsley",
    "Ashworth",
    "Blackwood",
    "Crenshaw",
    "Delacroix",
    "Eastman",
    "Fairbanks",
    "Goodwin",
    "Hightower",
    "Ingram",
    "Jessup",
    "Kirkland",
    "Lockhart",
    "Merriweather",
]
FIRST = [
    "Maria",
    "James",
    "Linh",
    "Thanh",
    "Carlos",
    "Rosa",
    "David",
    "Mai",
    "Patricia",
    "Robert",
    "Minh",
    "Ana",
    "Jennifer",
    "Luis",
    "Hoa",
    "Michael",
    "Sarah",
    "Tuan",
]
TOWNS = [
    "Katy",
    "Cypress",
    "Humble",
    "Conroe",
    "Pasadena",
    "Baytown",
    "Sugar Land",
    "Pearland",
    "Kingwood",
    "Tomball",
    "Round Rock",
    "Pflugerville",
    "Georgetown",
    "San Marcos",
    "New Braunfels",
    "Seguin",
    "Boerne",
    "Kerrville",
    "Lafayette",
    "Thibodaux",
    "Houma",
    "Slidell",
    "Hammond",
    "Covington",
    "Metairie",
    "Kenner",
    "Gretna",
    "Mandeville",
    "Abilene",
    "Odessa",
    "Midland",
    "Lubbock",
    "Amarillo",
    "Tyler",
    "Longview",
    "Waco",
    "Temple",
    "Killeen",
    "Bryan",
    "Navasota",
    "Brenham",
    "Bastrop",
    "Lockhart",
    "Luling",
    "Gonzales",
    "Cuero",
    "Victoria",
    "Edna",
    "Wharton",
    "Rosenberg",
]
COUNTIES = [
    ("Harris", "Texas"),
    ("Fort Bend", "Texas"),
    ("Brazoria", "Texas"),
    ("Galveston", "Texas"),
    ("Montgomery", "Texas"),
    ("Waller", "Texas"),
    ("Hays", "Texas"),
    ("Comal", "Texas"),
    ("Bexar", "Texas"),
    ("Travis", "Texas"),
    ("Lafourche", "Louisiana"),
    ("Terrebonne", "Louisiana"),
    ("Orange", "Florida"),
    ("Polk", "Florida"),
    ("Maricopa", "Arizona"),
    ("Pima", "Arizona"),
    ("Sedgwick", "Kansas"),
    ("Shawnee", "Kansas"),
    ("Douglas", "Kansas"),
    ("Jackson", "Missouri"),
    ("Greene", "Missouri"),
    ("Boone", "Missouri"),
]
PARISHES = [
    "Lafourche",
    "Terrebonne",
    "St. Tammany",
    "Tangipahoa",
    "Iberia",
    "Vermilion",
    "Acadia",
    "Ascension",
]
SAINTS = [
    "Mary",
    "Joseph",
    "Anne",
    "Patrick",
    "Jude",
    "Michael",
    "Theresa",
    "Vincent",
    "Francis",
    "Anthony",
    "Elizabeth",
    "Catherine",
    "Rita",
    "Bernadette",
    "Luke",
    "Ann",
]
BRANDS = [
    "Lone Star Kolaches",
    "Bayou Po-Boy Co.",
    "Taqueria La Güera",
    "Sonic Spark Car Wash",
    "Gulf Coast Urgent Care",
    "Hill Country Smiles",
    "Pho Saigon Kitchen",
    "Smoky Oak BBQ",
]
TRADES = [
    "Roofing & Remodeling",
    "Plumbing & Drain",
    "Electric",
    "HVAC Services",
    "Landscaping",
    "Trucking",
    "Title & Escrow",
    "Insurance Agency",
    "Realty Group",
    "Auto Body",
    "Machine Works",
    "Construction",
    "Logistics",
    "Engineering",
    "Architects",
    "Veterinary Hospital",
    "Physical Therapy",
    "Chiropractic",
    "Staffing Solutions",
    "Home Health",
    "Pharmacy",
    "Surveying",
    "Pest Control",
    "Pool & Spa",
    "Printing",
    "Marine Supply",
    "Oilfield Services",
    "Feed & Seed",
]
LEGAL = ["LLC", "Inc.", "Corp.", "LLC", "L.L.C.", "Co.", "LP", "Inc."]


def fold(s):
    s = s.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def surname(rng):
    r = rng.random()
    if r < 0.28:
        return rng.choice(SPANISH)
    if r < 0.48:
        return rng.choice(VIET)
    return rng.choice(ANGLO)


# --- kinds of client: each returns a list of members [(legal, meta)], siblings when > 1 -------
# meta: dict(kind, sib=class or None, and name parts the PSA spellings need)


def k_business(rng):
    s = surname(rng)
    trade = rng.choice(TRADES)
    form = rng.choice(LEGAL)
    sep = ", " if rng.random() < 0.5 else " "
    return [(f"{s} {trade}{sep}{form}", dict(kind="business", s=s, trade=trade, form=form))]


def k_law(rng):
    a, b = surname(rng), surname(rng)
    while b == a:
        b = surname(rng)
    form = rng.choice(["PLLC", "LLP", "P.C.", "PLLC"])
    return [(f"{a} & {b}, {form}", dict(kind="law", a=a, b=b, form=form))]


def k_doctor(rng):
    s, f = surname(rng), rng.choice(FIRST)
    cred, form = rng.choice(
        [("DDS", "PC"), ("MD", "PA"), ("DDS", "PLLC"), ("CPA", "PC"), ("DVM", "PLLC"), ("OD", "PA")]
    )
    return [(f"{f} {s}, {cred}, {form}", dict(kind="doctor", s=s, f=f, cred=cred, form=form))]


def k_dental_lab(rng):
    s = surname(rng)
    town = rng.choice(TOWNS)
    m = dict(kind="dental", s=s, town=town, sib="sib_family_dental_vs_dental_lab")
    return [
        (f"{s} Family Dental, P.C.", dict(m, form="P.C.")),
        (f"{s} Dental Lab, LLC", dict(m, form="LLC")),
    ]


def k_practice_billing(rng):
    s = surname(rng)
    spec = rng.choice(["Orthopedics", "Cardiology", "Pediatrics", "Dermatology", "Oncology"])
    m = dict(kind="practice", s=s, spec=spec, sib="sib_practice_and_billing_llc")
    return [
        (f"{s} {spec}, P.A.", dict(m, form="P.A.")),
        (f"{s} {spec} Billing Services, LLC", dict(m, form="LLC")),
    ]


def k_church(rng):
    saint = rng.choice(SAINTS)
    town = rng.choice(TOWNS)
    m = dict(kind="church", saint=saint, town=town, sib="sib_church_and_its_school")
    return [
        (f"St. {saint}'s Catholic Church of {town}", dict(m, part="Church")),
        (f"St. {saint}'s Catholic School of {town}", dict(m, part="School")),
    ]


def k_counties(rng):
    (c1, st), (c2, _) = rng.sample([c for c in COUNTIES], 2)
    pool = [c for c in COUNTIES if c[1] == st and c[0] != c1]
    if pool:
        c2 = rng.choice(pool)[0]
    m = dict(kind="county", st=st, sib="sib_two_counties_one_state")
    return [(f"County of {c1}, {st}", dict(m, c=c1)), (f"County of {c2}, {st}", dict(m, c=c2))]


def k_parish_gov(rng):
    p = rng.choice(PARISHES)
    return [(f"{p} Parish Government", dict(kind="parishgov", p=p))]


def k_isd(rng):
    town = rng.choice(TOWNS)
    kind = rng.choice(["Independent School District", "Unified School District"])
    return [(f"{town} {kind}", dict(kind="isd", town=town, sd=kind))]


def k_city(rng):
    town = rng.choice(TOWNS)
    st = rng.choice(["TX", "LA", "KS", "AZ"])
    return [(f"City of {town}", dict(kind="city", town=town, st=st))]


def k_nonprofit(rng):
    town = rng.choice(TOWNS)
    what = rng.choice(
        [
            "Public Library",
            "Animal Shelter",
            "Botanical Garden",
            "Food Pantry",
            "Senior Center",
            "Historical Museum",
        ]
    )
    return [(f"Friends of the {town} {what}, Inc.", dict(kind="friends", town=town, what=what))]


def k_foundation(rng):
    s = surname(rng)
    trade = rng.choice(TRADES)
    m = dict(kind="foundation", s=s, trade=trade, sib="sib_company_and_foundation")
    return [
        (f"{s} {trade}, Inc.", dict(m, form="Inc.")),
        (f"{s} {trade} Foundation, Inc.", dict(m, form="Inc.")),
    ]


def k_franchise(rng):
    brand = rng.choice(BRANDS[:4] + BRANDS[5:])
    towns = rng.sample(TOWNS, rng.choice([2, 3]))
    m = dict(kind="franchise", brand=brand, sib="sib_franchisee_same_brand")
    return [(f"{brand} of {t}, LLC", dict(m, town=t)) for t in towns]


def k_clinics(rng):
    brand = rng.choice(
        [
            "Gulf Coast Urgent Care",
            "Bayou Family Clinic",
            "Texan Pediatric Clinic",
            "Prairie Physical Therapy",
            "Hill Country Smiles",
        ]
    )
    nums = sorted(rng.sample(range(1, 48), rng.choice([2, 3])))
    m = dict(kind="clinic", brand=brand, sib="sib_numbered_clinics_billed_apart")
    return [(f"{brand} - Location {n}", dict(m, n=n)) for n in nums]


def k_dba(rng):
    s = surname(rng)
    brand = rng.choice(
        [
            f"Casa {s} Cantina",
            f"{s}'s Garage",
            f"{s} Kitchen & Bar",
            f"Club {s} Fitness",
            f"{s} Family Eyecare",
            f"{s} Tire Pros",
        ]
    )
    holding = rng.choice(["Hospitality Group", "Ventures", "Enterprises", "Holdings"])
    return [(f"{s} {holding} LLC", dict(kind="dba", s=s, brand=brand))]


KINDS = [
    (k_business, 40),
    (k_law, 9),
    (k_doctor, 9),
    (k_dental_lab, 3),
    (k_practice_billing, 3),
    (k_church, 3),
    (k_counties, 2),
    (k_parish_gov, 1),
    (k_isd, 3),
    (k_city, 2),
    (k_nonprofit, 4),
    (k_foundation, 2),
    (k_franchise, 2),
    (k_clinics, 2),
    (k_dba, 6),
]


def psa_spelling(legal, meta, rng):
    """The PSA's spelling of a client: (class, name) or (None, legal)."""
    k = meta["kind"]
    opts = []
    if k == "business":
        s, trade, form = meta["s"], meta["trade"], meta["form"]
        if form in ("LLC", "L.L.C."):
            other = "L.L.C." if form == "LLC" else "LLC"
            opts.append(("entity_form_dots_toggled", legal.replace(form, other)))
            opts.append(
                ("texas_llc_clause_appended", legal + ", a Texas limited liability company")
            )
        if form in ("Inc.", "Corp.", "Co."):
            long = {"Inc.": "Incorporated", "Corp.": "Corporation", "Co.": "Company"}[form]
            opts.append(("inc_corp_co_spelled_long", legal.replace(form, long)))
        opts.append(
            (
                "suite_number_in_name_cell",
                f"{legal} - Suite {rng.choice([100, 110, 210, 305, 1450, 'B'])}",
            )
        )
        opts.append(("attn_colon_bookkeeper_tail", f"{legal} Attn: {rng.choice(FIRST)}"))
        if "&" in trade:
            opts.append(("ampersand_squeezed_no_spaces", legal.replace(" & ", "&")))
        if fold(s) != s:
            opts.append(("diacritics_flattened_es_vi", fold(legal)))
        if "'" in s:
            opts.append(
                ("apostrophe_doubled_or_dropped", legal.replace("'", rng.choice(["", "''"])))
            )
    elif k == "law":
        a, b, form = meta["a"], meta["b"], meta["form"]
        opts.append(("law_offices_of_prefix", f"Law Offices of {a} & {b}"))
        opts.append(("attorneys_at_law_tail", f"{a} & {b}, Attorneys at Law"))
        if fold(legal) != legal:
            opts.append(("diacritics_flattened_es_vi", fold(legal)))
    elif k == "doctor":
        s, f, cred, form = meta["s"], meta["f"], meta["cred"], meta["form"]
        dotted = ".".join(cred) + "."
        title = "Dr. " if cred in ("DDS", "MD", "DVM", "OD") else ""
        opts.append(("dr_title_and_dotted_degree", f"{title}{f} {s}, {dotted}"))
        opts.append(
            (
                "entity_form_dots_toggled",
                legal.replace(
                    ", " + form,
                    ", " + (".".join(form) + "." if "." not in form else form.replace(".", "")),
                ),
            )
        )
        if fold(s) != s:
            opts.append(("diacritics_flattened_es_vi", fold(legal)))
    elif k == "dental":
        opts.append(("entity_form_dots_toggled", legal.replace("P.C.", "PC")))
        if fold(legal) != legal:
            opts.append(("diacritics_flattened_es_vi", fold(legal)))
    elif k == "practice":
        opts.append(("entity_form_dots_toggled", legal.replace("P.A.", "PA")))
    elif k == "church":
        saint, town, part = meta["saint"], meta["town"], meta["part"]
        if part == "Church":
            opts.append(("church_called_parish", f"Saint {saint}s Parish - {town}"))
        else:
            opts.append(("saint_apostrophe_dropped", f"St {saint}s Catholic School - {town}"))
    elif k == "county":
        c, st = meta["c"], meta["st"]
        opts.append(("county_of_x_turned_x_county", f"{c} County {ABBR.get(st, st)}"))
    elif k == "parishgov":
        opts.append(("parish_government_reworded", f"{meta['p']} Parish Consolidated Govt"))
    elif k == "isd":
        ini = "ISD" if meta["sd"].startswith("Independent") else "USD"
        opts.append(("isd_usd_initials", f"{meta['town']} {ini}"))
    elif k == "city":
        opts.append(("two_letter_state_after_city", f"City of {meta['town']}, {meta['st']}"))
    elif k == "friends":
        opts.append(("friends_of_the_inc_dropped", f"Friends of {meta['town']} {meta['what']}"))
    elif k == "foundation":
        opts.append(("inc_corp_co_spelled_long", legal.replace("Inc.", "Incorporated")))
    elif k == "franchise":
        opts.append(("franchise_of_town_to_dash", f"{meta['brand']} - {meta['town']}"))
    elif k == "clinic":
        n = meta["n"]
        opts.append(("location_number_hash_zero_padded", f"{meta['brand']} #{n:04d}"))
        opts.append(("location_number_hash_zero_padded", f"{meta['brand']} Loc. #{n:03d}"))
    elif k == "dba":
        s, brand = meta["s"], meta["brand"]
        opts.append(("dba_both_names_in_psa_cell", f"{legal} DBA {brand}"))
        opts.append(("dba_brand_only_in_psa", brand))
    if not opts:
        return None, legal
    return rng.choice(opts)


ABBR = {
    "Texas": "TX",
    "Louisiana": "LA",
    "Florida": "FL",
    "Arizona": "AZ",
    "Kansas": "KS",
    "Missouri": "MO",
}
