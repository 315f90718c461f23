"""Client names of set AH (US, UK, Canada, Australia) and how a new hire retypes them in the PSA."""

from __future__ import annotations

import re

SURN = [
    "Abbott",
    "Baker",
    "Barlow",
    "Bennett",
    "Bishop",
    "Blackwood",
    "Brennan",
    "Callahan",
    "Carver",
    "Chandler",
    "Coleman",
    "Dalton",
    "Donovan",
    "Easton",
    "Fairbanks",
    "Fletcher",
    "Gallagher",
    "Garrison",
    "Hadley",
    "Hartley",
    "Hawkins",
    "Holloway",
    "Ingram",
    "Jennings",
    "Kendrick",
    "Kingsley",
    "Lambert",
    "Lawson",
    "Lockhart",
    "Maddox",
    "Marlowe",
    "Mercer",
    "Merritt",
    "Nolan",
    "Norris",
    "Osborne",
    "Pemberton",
    "Prescott",
    "Quinlan",
    "Radcliffe",
    "Redmond",
    "Ridley",
    "Sheridan",
    "Sinclair",
    "Stanton",
    "Sutherland",
    "Talbot",
    "Thornton",
    "Underwood",
    "Vance",
    "Wakefield",
    "Whitaker",
    "Winslow",
    "Yardley",
    "Ashworth",
    "Beaumont",
    "Crawley",
    "Delaney",
    "Everett",
    "Fenwick",
    "Goodwin",
    "Harlow",
    "Huxley",
    "Kerrigan",
    "Langford",
    "Mallory",
    "Northcott",
    "Oakes",
    "Pennington",
    "Rowland",
    "Shelby",
    "Tremaine",
    "Upton",
    "Waverley",
]
FIRST = [
    "Joe",
    "Maria",
    "Tony",
    "Rosa",
    "Frank",
    "Annie",
    "Sam",
    "Kate",
    "Vinnie",
    "Lucy",
    "Gus",
    "Nora",
    "Benny",
    "Dot",
    "Mick",
    "Ellie",
]
PLACE = [
    "Harbour",
    "Riverbend",
    "Maple",
    "Ridge",
    "Oakwood",
    "Cedar",
    "Creek",
    "Summit",
    "Lakeside",
    "Bayview",
    "Pinecrest",
    "Stonebridge",
    "Westfield",
    "Kingsway",
    "Brookside",
    "Hillcrest",
    "Meadowbank",
    "Seaview",
    "Redgum",
    "Wattle",
    "Birchwood",
    "Ironbark",
    "Granite",
    "Silverleaf",
    "Bluewater",
    "Copperfield",
    "Eastgate",
    "Northgate",
    "Southbank",
    "Parkside",
    "Fairview",
    "Highfield",
]
TRADE = [
    ("Plumbing", "trade"),
    ("Electrical", "trade"),
    ("Roofing", "trade"),
    ("Landscaping", "trade"),
    ("Veterinary Clinic", "vet"),
    ("Physiotherapy", "clinic"),
    ("Realty", "realty"),
    ("Insurance Brokers", "ins"),
    ("Property Management", "mgmt"),
    ("Freight", "freight"),
    ("Engineering", "eng"),
    ("Architects", "arch"),
    ("Pharmacy", "pharm"),
    ("Builders", "trade"),
    ("Logistics", "freight"),
    ("Motors", "motor"),
]
UKUS = [
    ("Harbour", "Harbor"),
    ("Centre", "Center"),
    ("Colour", "Color"),
    ("Organisation", "Organization"),
    ("Theatre", "Theater"),
    ("Jewellery", "Jewelry"),
    ("Neighbourhood", "Neighborhood"),
    ("Defence", "Defense"),
    ("Tyres", "Tires"),
    ("Aluminium", "Aluminum"),
]
CITIES = {
    "US": ["Dallas", "Tampa", "Boise", "Omaha", "Raleigh", "Tucson", "Spokane", "Akron"],
    "UK": ["Leeds", "Bristol", "Reading", "Norwich", "Exeter", "Croydon", "Swindon", "York"],
    "CA": ["Calgary", "Halifax", "Kelowna", "Mississauga", "Regina", "Kingston", "Surrey", "Laval"],
    "AU": [
        "Parramatta",
        "Geelong",
        "Newcastle",
        "Townsville",
        "Ballarat",
        "Penrith",
        "Fremantle",
        "Ipswich",
    ],
}
PROVINCE = ["Ontario", "Alberta", "British Columbia", "Nova Scotia", "Manitoba"]
SUFFIX = {
    "US": ["Inc.", "LLC", "Corp.", "Co.", "Incorporated", "L.L.C.", "Corporation"],
    "UK": ["Ltd", "Limited", "Ltd."],
    "CA": ["Inc.", "Ltd.", "Corp.", "Limited", "ULC"],
    "AU": ["Pty Ltd", "Pty. Ltd.", "Pty Limited"],
}
SIBLING = "never_merge_sibling_name"


def _suffix(rng, country):
    return rng.choice(SUFFIX[country])


def make_clients(rng, n, country, n_pairs):
    """n_pairs sibling pairs first (2 names each), then single clients; canonical names unique."""
    out, seen = [], set()

    def add(name, kind, group=None, **kw):
        if name.lower() in seen:
            return False
        seen.add(name.lower())
        out.append(dict(canonical=name, kind=kind, group=group, **kw))
        return True

    gid = 0
    while len(out) < n:
        r = rng.random()
        s1, s2, s3 = rng.sample(SURN, 3)
        place = rng.choice(PLACE)
        if country != "US" and rng.random() < 0.35:
            w = rng.choice(UKUS)[0]
            place = w if w in ("Harbour",) else place
        trade, _tk = rng.choice(TRADE)
        if len(out) < 2 * n_pairs:  # sibling groups
            gid += 1
            g = f"g{gid}"
            k = rng.randrange(4)
            sf = _suffix(rng, country)
            if k == 0:
                brand = f"{place} {rng.choice(['Bagels', 'Coffee Co', 'Pizza', 'Car Wash', 'Laundromat'])}"
                nums = rng.sample(range(2, 40), 2)
                names = [f"{brand} #{x} {sf}" for x in nums]
            elif k == 1:
                names = [f"{s1} Dental {sf}", f"{s1} Dental Lab {sf}"]
            elif k == 2:
                ini = "".join(rng.sample("ABCDGHJKLMPRSTW", 3))
                names = [
                    f"{ini} Holdings {sf}",
                    f"{ini} Holdings {rng.choice(['West', 'East', 'North', 'South'])} {sf}",
                ]
            else:
                nums = rng.sample(range(1, 9), 2)
                names = [f"{place} {trade} {x} {sf}" for x in nums]
            if all(x.lower() not in seen for x in names):
                for x in names:
                    add(x, "sibling", g)
            continue
        if len(out) < 2 * n_pairs:
            continue
        r = 0.12 + 0.88 * r
        if r < 0.22:
            nm = f"{s1} & {s2} {'CPAs' if country == 'US' else 'Chartered Accountants'}"
            nm += (
                f", {rng.choice(['PLLC', 'P.C.', 'LLP'])}"
                if country == "US"
                else f" {rng.choice(['LLP', _suffix(rng, country)])}"
            )
            add(nm, "cpa", s1=s1, s2=s2)
        elif r < 0.30:
            nm = (
                f"{s1}, {s2} & {s3} LLP"
                if rng.random() < 0.6
                else f"{s1} {s2} Law Group, {'P.C.' if country == 'US' else _suffix(rng, country)}"
            )
            add(nm, "law", s1=s1, s2=s2, s3=s3)
        elif r < 0.36:
            fn = rng.choice(["Amelia", "Priya", "Daniel", "Grace", "Owen", "Hannah"])
            deg = rng.choice(["DDS", "DMD", "MD", "DVM"])
            add(
                f"Dr. {fn} {s1}, {deg}, {'PLLC' if country == 'US' else _suffix(rng, country)}",
                "doctor",
            )
        elif r < 0.43:
            biz = rng.choice(
                [
                    "Pizza",
                    "Diner",
                    "Bakery",
                    "Auto Repair",
                    "Garden Centre" if country != "US" else "Garden Center",
                    "Deli",
                ]
            )
            add(f"{rng.choice(FIRST)}'s {biz} {_suffix(rng, country)}", "possessive")
        elif r < 0.49:
            add(
                f"The {place} {rng.choice(['Group', 'Company', 'Collective', 'Partnership'])} {_suffix(rng, country)}",
                "the",
            )
        elif r < 0.53:
            add(
                f"First {place} {rng.choice(['Realty', 'Mortgage', 'Title', 'Baptist Church'])} {_suffix(rng, country)}",
                "first",
            )
        elif r < 0.57 and country == "CA":
            num = rng.randrange(1000000, 2999999)
            add(
                f"{num} {rng.choice(PROVINCE)} Inc. o/a {place} {trade}",
                "numbered",
                trading=f"{place} {trade}",
            )
        elif r < 0.64:
            gen = rng.choice(["Management", "Associates", "Brothers", "International", "Services"])
            add(f"{s1} {gen} {_suffix(rng, country)}", "generic")
        elif r < 0.70 and country != "US":
            w = rng.choice(UKUS)[0]
            add(
                f"{place} {w} {rng.choice(['Services', 'Supplies', 'Specialists'])} {_suffix(rng, country)}",
                "ukus",
            )
        elif r < 0.78:
            add(f"{s1} & {s2} {trade} {_suffix(rng, country)}", "and", s1=s1, s2=s2)
        else:
            add(f"{place} {trade} {_suffix(rng, country)}", "plain")
    return out[:n]


# ---------------------------------------------------------------- client-name perturbations (PSA side)
ENTITY_US = [
    (r"\bIncorporated$", "Inc"),
    (r"\bInc\.$", "Incorporated"),
    (r"\bCorp\.$", "Corporation"),
    (r"\bCorporation$", "Corp"),
    (r"\bCo\.$", "Company"),
    (r"\bL\.L\.C\.$", "LLC"),
    (r"\bLLC$", "L.L.C."),
    (r", P\.C\.$", " PC"),
    (r", PLLC$", " P.L.L.C."),
]
ENTITY_CW = [
    (r"\bPty Ltd$", "Pty. Limited"),
    (r"\bPty\. Ltd\.$", "Pty Ltd"),
    (r"\bPty Limited$", "P/L"),
    (r"\bLimited$", "Ltd"),
    (r"\bLtd\.?$", "Limited"),
    (r"\bULC$", "Unlimited Liability Corp."),
]
KEYS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbour(rng, ch):
    for row in KEYS:
        i = row.find(ch.lower())
        if i >= 0:
            opts = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            c = rng.choice(opts)
            return c.upper() if ch.isupper() else c
    return ch


SUFFIX_RE = r"(,? (Inc\.?|Incorporated|LLC|L\.L\.C\.|Corp\.?|Corporation|Co\.|P\.C\.|PLLC|LLP|Ltd\.?|Limited|Pty\.? Ltd\.?|Pty Limited|ULC))$"


def _p_the(rng, c, country):
    n = c["canonical"]
    return n[4:] if n.startswith("The ") else None


def _p_and(rng, c, country):
    n = c["canonical"]
    if " & " in n:
        return n.replace(" & ", rng.choice([" and ", " + ", "&"]), 1)
    return None


def _p_entity(rng, c, country):
    n = c["canonical"]
    for pat, rep in ENTITY_US if country == "US" else ENTITY_CW:
        if re.search(pat, n):
            return re.sub(pat, rep, n)
    return None


def _p_suffix_gone(rng, c, country):
    n = c["canonical"]
    m = re.search(SUFFIX_RE, n)
    if not m or c["kind"] in ("law", "cpa"):
        return None
    return n[: m.start()]


def _p_profession(rng, c, country):
    n = c["canonical"]
    if c["kind"] == "cpa":
        if "CPAs" in n:
            return f"{c['s1']} and {c['s2']}, CPA, PC"
        return n.replace("Chartered Accountants", "Chartered Accts").replace(" LLP", "")
    if c["kind"] == "law" and "Law Group" not in n:
        return (
            f"{c['s1']} {c['s2']} {c['s3']} Attorneys at Law"
            if country == "US"
            else f"{c['s1']} {c['s2']} {c['s3']} Solicitors"
        )
    return None


TAXNO = {
    "US": lambda r: f"EIN {r.randrange(10, 99)}-{r.randrange(1000000, 9999999)}",
    "AU": lambda r: (
        f"ABN {r.randrange(10, 99)} {r.randrange(100, 999)} {r.randrange(100, 999)} {r.randrange(100, 999)}"
    ),
    "CA": lambda r: f"BN {r.randrange(100000000, 999999999)}RC0001",
    "UK": lambda r: f"Co. No. {r.randrange(1000000, 13999999):08d}",
}


def _p_taxno(rng, c, country):
    return f"{c['canonical']} ({TAXNO[country](rng)})"


def _p_city(rng, c, country):
    return f"{c['canonical']}{rng.choice([' - ', ' – ', ' / '])}{rng.choice(CITIES[country])}"


def _p_finance(rng, c, country):
    return c["canonical"] + rng.choice(
        [" - Accounts Payable", " (Finance Office)", " Billing Dept", " - AP Team"]
    )


def _p_initials(rng, c, country):
    n = c["canonical"]
    if c["kind"] == "law" and "Law Group" not in n:
        return f"{c['s1'][0]}{c['s2'][0]}{c['s3'][0]} LLP"
    if c["kind"] == "and":
        return re.sub(rf"^{c['s1']} & {c['s2']}", f"{c['s1'][0]}&{c['s2'][0]}", n)
    return None


def _p_possessive(rng, c, country):
    n = c["canonical"]
    if "'s " in n:
        return n.replace("'s ", rng.choice(["s ", "’s "]), 1)
    return None


def _p_first(rng, c, country):
    n = c["canonical"]
    return n.replace("First ", "1st ", 1) if n.startswith("First ") else None


def _p_keytypo(rng, c, country):
    n = c["canonical"]
    words = [
        (m.start(), m.group())
        for m in re.finditer(r"[A-Za-z]{6,}", n)
        if m.group() not in ("Incorporated", "Corporation", "Limited")
    ]
    if not words:
        return None
    st, w = rng.choice(words)
    i = rng.randrange(2, len(w) - 1)
    return n[: st + i] + _neighbour(rng, w[i]) + n[st + i + 1 :]


def _p_ukus(rng, c, country):
    n = c["canonical"]
    for uk, us in UKUS:
        if uk in n:
            return n.replace(uk, us)
    return None


def _p_numbered(rng, c, country):
    return c.get("trading") if c["kind"] == "numbered" else None


def _p_doctor(rng, c, country):
    n = c["canonical"]
    m = re.match(r"Dr\. (\w+) (\w+), (\w+), (.+)$", n)
    if not m:
        return None
    return rng.choice([f"{m[1]} {m[2]} {m[3]}", f"Dr {m[1]} {m[2]}", f"{m[2]}, {m[1]} ({m[3]})"])


def _p_generic(rng, c, country):
    n = c["canonical"]
    for a, b in (
        ("Management", "Mgmt"),
        ("Associates", "Assoc."),
        ("Brothers", "Bros."),
        ("International", "Intl"),
        ("Services", "Svcs."),
    ):
        if a in n:
            return n.replace(a, b)
    return None


CPERT = [  # (class, function, weight)
    ("leading_the_left_off", _p_the, 5),
    ("and_ampersand_plus_drift", _p_and, 5),
    ("entity_form_respelled", _p_entity, 4),
    ("entity_form_not_typed", _p_suffix_gone, 3),
    ("professional_designation_rewritten", _p_profession, 6),
    ("tax_number_bracketed", _p_taxno, 2),
    ("office_city_tail", _p_city, 2),
    ("finance_office_label_tail", _p_finance, 2),
    ("partner_surnames_to_initials", _p_initials, 2),
    ("possessive_apostrophe_keyed", _p_possessive, 6),
    ("first_typed_1st", _p_first, 6),
    ("neighbour_key_typo_in_name", _p_keytypo, 2),
    ("uk_us_spelling_drift", _p_ukus, 6),
    ("numbered_co_trading_name_only", _p_numbered, 8),
    ("doctor_postnominal_reshuffled", _p_doctor, 6),
    ("generic_word_shorthand", _p_generic, 5),
]
SAFE_FOR_SIBLINGS = {
    "entity_form_respelled",
    "tax_number_bracketed",
    "finance_office_label_tail",
    "uk_us_spelling_drift",
}


def psa_name(rng, c, country, perturb):
    """Returns (psa name, client classes)."""
    cls = [SIBLING] if c["kind"] == "sibling" else []
    if not perturb or rng.random() < 0.14:
        return c["canonical"], cls
    opts = []
    for name, fn, w in CPERT:
        if c["kind"] == "sibling" and name not in SAFE_FOR_SIBLINGS:
            continue
        v = fn(rng, c, country)
        if v and v != c["canonical"]:
            opts.append((name, v, w))
    if not opts:
        return c["canonical"], cls
    tot = sum(w for _n, _v, w in opts)
    x = rng.random() * tot
    for name, v, w in opts:
        x -= w
        if x <= 0:
            return v, cls + [name]
    return opts[-1][1], cls + [opts[-1][0]]
