"""Client names of set X and the client-name perturbation classes."""

from __future__ import annotations

import re

LEGAL = {
    "USD": ["LLC", "Inc.", "PC", "LLP", ""],
    "GBP": ["Ltd", "Limited", "LLP", ""],
    "EUR": ["B.V.", "GmbH", "SRL", "SARL", ""],
    "AED": ["LLC", "FZE", "FZ-LLC", ""],
    "DKK": ["ApS", "A/S", "I/S", ""],
    "ZAR": ["(Pty) Ltd", "CC", "Inc", ""],
    "AUD": ["Pty Ltd", "Pty. Ltd.", ""],
}
INDUSTRY = [
    "Dental Group",
    "Physiotherapy",
    "Logistics",
    "Accountants",
    "Architects",
    "Veterinary Clinic",
    "Engineering",
    "Property Management",
    "Legal Services",
    "Freight",
    "Construction",
    "Consulting",
    "Realty",
    "Printing",
    "Insurance Brokers",
    "Pharmacy",
    "Care Homes",
    "Manufacturing",
    "Travel",
    "Catering",
    "Recruitment",
    "Electrical Services",
    "Plumbing",
    "Joinery",
    "Opticians",
    "Family Law",
    "Wealth Management",
    "Landscaping",
    "Brothers Motors",
    "International Trading",
    "Associates",
    "Distribution",
    "Roofing",
    "Media",
]
PLACES = [
    "Harbour",
    "Kestrel",
    "Bramble",
    "Ashgrove",
    "Copperleaf",
    "Riverside",
    "Highfield",
    "Saltmarsh",
    "Larkspur",
    "Oakhaven",
    "Granite",
    "Bluewater",
    "Thornbury",
    "Silverbirch",
    "Redcliff",
    "Westmoor",
    "Juniper",
    "Meadowbank",
    "Stonebridge",
    "Fairlight",
    "Greystone",
    "Willowbrook",
    "Foxglove",
    "Ironwood",
    "Marigold",
    "Northwind",
    "Quayside",
    "Cedar Point",
    "Elmstead",
    "Pinecrest",
    "Amberley",
    "Tidewater",
    "Moorgate",
    "Heathfield",
    "Lindenhall",
]
GEO = [
    "Fort Collins",
    "Fort Myers",
    "Port Melbourne",
    "Port Talbot",
    "North Shore",
    "North Ridge",
    "South Bank",
    "South Hills",
    "Palm Springs",
    "Coral Springs",
    "Beacon Heights",
    "Laurel Heights",
]
GEO_ABBR = [
    ("Fort ", "Ft "),
    ("Port ", "Pt "),
    ("North ", "N. "),
    ("South ", "S. "),
    ("Springs", "Spgs"),
    ("Heights", "Hts"),
]
# surname stems that have a second real romanisation / spelling
TRANSLIT = {
    "hebrew_translit_variant": [
        ("Yitzhak", "Itzhak"),
        ("Tzur", "Zur"),
        ("Chaim", "Haim"),
        ("Shlomo", "Schlomo"),
        ("Tzipora", "Zipora"),
        ("Yehuda", "Jehuda"),
    ],
    "ru_translit_variant": [
        ("Kuznetsov", "Kouznetsov"),
        ("Zhukov", "Joukov"),
        ("Shcherbakov", "Scherbakov"),
        ("Aleksandrov", "Alexandrov"),
        ("Yevtushenko", "Evtushenko"),
        ("Tsvetkov", "Zwetkow"),
    ],
    "arabic_translit_variant": [
        ("Mohammed", "Muhammad"),
        ("Yousef", "Youssef"),
        ("Hussein", "Hussain"),
        ("Abdulrahman", "Abdul Rahman"),
        ("Khaled", "Khalid"),
        ("Osman", "Othman"),
    ],
    "romaji_long_vowel": [
        ("Sato", "Satoh"),
        ("Saito", "Saitou"),
        ("Ito", "Itoh"),
        ("Kono", "Kōno"),
        ("Ota", "Ohta"),
        ("Goto", "Gotoh"),
    ],
    "ko_surname_variant": [
        ("Lee", "Yi"),
        ("Park", "Pak"),
        ("Choi", "Choe"),
        ("Jung", "Chung"),
        ("Kang", "Gang"),
        ("Shin", "Sin"),
    ],
    "eszett_ss": [
        ("Weiß", "Weiss"),
        ("Strauß", "Strauss"),
        ("Großmann", "Grossmann"),
        ("Meißner", "Meissner"),
        ("Voß", "Voss"),
        ("Preuß", "Preuss"),
    ],
    "ij_as_y": [
        ("Van Dijk", "Van Dyk"),
        ("Rijnders", "Rynders"),
        ("Bijl", "Byl"),
        ("Van Wijk", "Van Wyk"),
        ("Wijnberg", "Wynberg"),
        ("Dijkstra", "Dykstra"),
    ],
    "pinyin_syllable_split": [
        ("Jiahui", "Jia Hui"),
        ("Xiaoming", "Xiao-Ming"),
        ("Zhiwei", "Zhi Wei"),
        ("Meiling", "Mei-Ling"),
        ("Haoran", "Hao Ran"),
        ("Yuting", "Yu Ting"),
    ],
}
SURNAME_FORMS = {
    "hebrew_translit_variant": "{s} Cohen {ind}",
    "ru_translit_variant": "{s} {ind}",
    "arabic_translit_variant": "{s} Al Rashid {ind}",
    "romaji_long_vowel": "{s} {ind}",
    "ko_surname_variant": "{s} & Partners {ind}",
    "eszett_ss": "{s} {ind}",
    "ij_as_y": "{s} {ind}",
    "pinyin_syllable_split": "Chen {s} {ind}",
}
ABBR = [
    ("Services", "Svcs"),
    ("Management", "Mgmt"),
    ("Associates", "Assoc."),
    ("Brothers", "Bros"),
    ("Manufacturing", "Mfg"),
    ("International", "Intl"),
    ("Engineering", "Eng."),
    ("Construction", "Constr."),
    ("Distribution", "Distr."),
    ("Physiotherapy", "Physio"),
]
TRADING = [
    "Saffron Lane Pharmacy",
    "Harbourview Dental Studio",
    "The Lamp Room",
    "Second Chapter Books",
    "Tin Roof Coffee",
    "Atlas Print & Post",
    "Clearwater Physio",
    "Northern Light Yoga",
    "Maple & Moss Florist",
    "Quarry Hill Vets",
    "Sandpiper Guest House",
    "Iron Kettle Catering",
    "Bright Spark Electrical",
    "Tall Pines Lodge",
    "The Copper Kettle",
    "Blue Door Bakery",
    "Nightjar Studio",
    "Little Acorns Nursery",
    "The Old Forge Gym",
    "Sunrise Smiles",
    "Pebble & Oak Interiors",
    "Green Lantern Pub",
    "Open Road Cycles",
    "Brightside Tutors",
    "Wild Thyme Deli",
    "Driftwood Surf School",
    "Fennel & Fig Kitchen",
    "Paper Crane Gallery",
    "The Mending Room",
    "Cloud Nine Optics",
]
PORTALS = [
    "(Tungsten)",
    "– via Coupa",
    "[Ariba]",
    "(PEPPOL)",
    "(Basware)",
    "– invoices via Tradeshift",
]
STREETS = [
    "12 Quay St",
    "4 Mill Lane",
    "221 Market Rd",
    "Unit 7, Enterprise Park",
    "88 High Street",
    "3/15 Station Ave",
    "Level 2, 40 King St",
]
OWNERS = [
    "Lindqvist",
    "Okonkwo",
    "Ferreira",
    "Castellano",
    "Bergström",
    "Nakamura",
    "Ramsay",
    "Delacroix",
]


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", s.lower())[:18] or "client"


def legal(rng, ccy):
    return rng.choice(LEGAL[ccy])


def join(*parts):
    return " ".join(p for p in parts if p).replace("  ", " ").strip()


def make_clients(rng, n, ccy):
    """list of dicts: canonical, kind, extra; siblings included; unique canonical names."""
    out, seen, stems = [], set(), set()
    forms = sorted({f for v in LEGAL.values() for f in v if f}, key=len, reverse=True)

    def stem(name):
        for f in forms:
            if name.endswith(" " + f):
                return name[: -len(f) - 1]
        return name

    def add(name, **kw):
        if name in seen or stem(name) in stems:
            return None
        seen.add(name)
        stems.add(stem(name))
        c = {"canonical": name, **kw}
        out.append(c)
        return c

    spec_keys = list(TRANSLIT)
    while len(out) < n:
        r = rng.random()
        lf = legal(rng, ccy)
        if r < 0.32:
            cls = rng.choice(spec_keys)
            a, b = rng.choice(TRANSLIT[cls])
            ind = rng.choice(INDUSTRY)
            add(join(SURNAME_FORMS[cls].format(s=a, ind=ind), lf), spec=(cls, a, b))
        elif r < 0.39:
            g = rng.choice(GEO)
            add(join(g, rng.choice(INDUSTRY), lf), geo=True)
        elif r < 0.44 and len(out) + 2 <= n:
            # numbered stores
            base = f"{rng.choice(PLACES)} {rng.choice(['Pharmacy', 'Hardware', 'Garden Centre', 'Bakery'])}"
            nums = rng.sample(range(2, 48), 2)
            for k in nums:
                add(join(base, f"Store {k}"), sibling=base)
        elif r < 0.48 and len(out) + 2 <= n:
            base = rng.choice(PLACES)
            add(join(base, "Dental Group", lf), sibling=base)
            add(join(base, "Dental Lab", lf), sibling=base)
        elif r < 0.52 and len(out) + 2 <= n:
            fam = rng.choice(OWNERS)
            lf2 = lf or LEGAL[ccy][0]
            add(join(fam, "Holdings", lf2), sibling=fam)
            add(join(fam, "Properties", lf2), sibling=fam)
        elif r < 0.57 and len(out) + 2 <= n:
            base = rng.choice(PLACES)
            lf2 = lf or LEGAL[ccy][0]
            p = add(join(base, "Group", lf2), sibling=base, parent=True)
            if p:
                s = add(
                    join(base, rng.choice(["Care", "Logistics", "Print", "Travel"]), lf2),
                    sibling=base,
                    parent_name=p["canonical"],
                )
                if s is None:
                    out.remove(p)
                    seen.discard(p["canonical"])
        elif r < 0.63:
            # registered name on the vendor side, trading name in the PSA
            reg = join(
                rng.choice(OWNERS),
                rng.choice(["Ventures", "Enterprises", "Trading"]),
                lf or LEGAL[ccy][0],
            )
            t = rng.choice(TRADING)
            if t not in seen and add(reg, trading=t):
                seen.add(t)
        else:
            add(join(rng.choice(PLACES), rng.choice(INDUSTRY), lf))
    out = out[:n]
    for i, c in enumerate(out):
        c["id"] = i
        c["code"] = f"C{10040 + i * 7}"
        c["domain"] = slug(c["canonical"]) + rng.choice([".com", ".co", ".net"])
    # drop parent links whose parent fell off the list
    names = {c["canonical"] for c in out}
    for c in out:
        if c.get("parent_name") and c["parent_name"] not in names:
            c.pop("parent_name")
    return out


def perturb_name(rng, c, taken):
    """returns (psa_name, classes, linking_name or None)."""
    name = c["canonical"]
    cands = []
    if "spec" in c:
        cls, a, b = c["spec"]
        cands.append((cls, name.replace(a, b, 1)))
    if c.get("geo"):
        for x, y in GEO_ABBR:
            if x in name:
                cands.append(("geo_abbrev", name.replace(x, y, 1)))
                break
    for x, y in ABBR:
        if re.search(rf"\b{x}\b", name):
            cands.append(("ledger_word_abbrev", re.sub(rf"\b{x}\b", y, name, count=1)))
            break
    if c.get("trading"):
        # mostly the trading name; the registered name appears on one line as "R t/a T"
        return c["trading"], ["trading_name_linked_once"], f"{name} t/a {c['trading']}"
    generic = [
        ("einvoice_portal_tag", f"{name} {rng.choice(PORTALS)}"),
        ("site_count_tag", f"{name} ({rng.choice([2, 3, 4, 5])} sites)"),
        (
            "client_since_tag",
            f"{name} (client since {rng.choice(['2017', '03/2019', '2021', '11/2022'])})",
        ),
        ("street_address_suffix", f"{name}, {rng.choice(STREETS)}"),
        (
            "alias_after_pipe",
            f"{name} | {''.join(w[0] for w in name.split() if w[0].isalpha() and w[0].isupper())[:4]}",
        ),
        ("trading_division_of", f"{name} (a trading division of {rng.choice(OWNERS)} Group)"),
        (
            "invoice_delivery_note",
            f"{name} ({rng.choice(['post invoices', 'email PDF only', 'invoices to head office', 'paper copy required'])})",
        ),
        ("year_end_tag", f"{name} (YE {rng.choice(['31/03', '30/06', '31/12', '30/09'])})"),
    ]
    sib = bool(c.get("sibling"))
    if sib:  # siblings share initials and owners: no alias / division tags for them
        generic = [g for g in generic if g[0] not in ("alias_after_pipe", "trading_division_of")]
    elif not re.search(
        r"\b(Ltd|Limited|LLC|Inc\.?|PC|LLP|B\.V\.|GmbH|SRL|SARL|FZE|FZ-LLC|ApS|A/S|I/S|CC|Pty)\b",
        name,
    ):
        generic.append(("sole_trader_suffix", f"{name} (sole trader)"))
    rng.shuffle(generic)
    # a second tag only from the ones that combine with anything
    lone = ("alias_after_pipe", "trading_division_of", "sole_trader_suffix")
    combinable = [g for g in generic if g[0] not in lone]
    picks = []
    if cands:
        picks.append(rng.choice(cands))
        if rng.random() < 0.3:
            picks.append(combinable[0])
    else:
        picks.append(generic[0])
        if rng.random() < 0.15 and generic[0][0] not in lone:
            picks.append(next(g for g in combinable if g[0] != generic[0][0]))
    # compose: specific change first, then a generic suffix/tag built on the changed name
    cur, classes = name, []
    for cls, val in picks:
        if cls in (
            "einvoice_portal_tag",
            "site_count_tag",
            "client_since_tag",
            "street_address_suffix",
            "alias_after_pipe",
            "trading_division_of",
            "sole_trader_suffix",
            "invoice_delivery_note",
            "year_end_tag",
        ):
            val = val.replace(name, cur, 1)
        cur = val
        classes.append(cls)
    if cur in taken or cur == name:
        cur, classes = f"{name} {rng.choice(PORTALS)}", ["einvoice_portal_tag"]
    return cur, classes, None
