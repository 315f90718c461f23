"""Client names of set AE: groups, franchises and look-alike customers, and how a PSA writes them."""

from __future__ import annotations

import re

# sibling-trap classes (on every row of each member)
T_FRANCHISE = "franchise_outlets_same_bundle"
T_STORES = "numbered_outlets_one_chain"
T_HOLDING = "holding_co_and_its_subsidiaries"
T_TRUST = "family_trust_beside_trustee_co"
T_DENTAL = "dental_practice_vs_dental_lab"
T_SCHOOLS = "schools_under_one_edu_trust"
T_COUNCIL = "council_and_its_departments"
T_MEDICAL = "clinics_of_one_doctor_owner"
T_RENAMED = "member_renamed_sibling_keeps_stem"
T_ONESIDE = "chain_member_on_one_side_only"
T_DOMAIN = "siblings_share_tenant_domain_stem"
T_SEATS_EQ = "sibling_identical_seat_counts"
T_SEATS_CLOSE = "sibling_seat_counts_one_apart"
TRAP_CLASSES = [
    T_FRANCHISE,
    T_STORES,
    T_HOLDING,
    T_TRUST,
    T_DENTAL,
    T_SCHOOLS,
    T_COUNCIL,
    T_MEDICAL,
    T_RENAMED,
    T_ONESIDE,
    T_DOMAIN,
    T_SEATS_EQ,
    T_SEATS_CLOSE,
]

# client-name classes (PSA spelling of the same customer)
N_SUFFIX_SLIP = "company_form_misspelt"
N_SUFFIX_GONE = "company_form_left_off"
N_AMP = "and_sign_swapped_either_way"
N_INITIALS = "owner_initials_run_together"
N_ABBR = "trade_word_abbrev_or_slip"
N_TA = "legal_entity_with_t_a_name"
N_SITE = "office_site_tag_appended"
N_LETTERS = "special_letters_flattened"
N_CASE = "caps_and_stops_restyled"
N_ORDER = "suburb_moved_to_front"
N_STORENO = "outlet_number_restyled_hash_no"
N_WORDNUM = "branch_number_spelt_out"
N_OUTLET = "franchise_outlet_bracketed"
N_FORMER = "new_name_with_old_group_name"
NAME_CLASSES = [
    N_FORMER,
    N_SUFFIX_SLIP,
    N_SUFFIX_GONE,
    N_AMP,
    N_INITIALS,
    N_ABBR,
    N_TA,
    N_SITE,
    N_LETTERS,
    N_CASE,
    N_ORDER,
    N_STORENO,
    N_WORDNUM,
    N_OUTLET,
]

SUBURBS = [
    "Northcote",
    "Preston",
    "Geelong",
    "Brunswick",
    "Epping",
    "Mernda",
    "Frankston",
    "Ringwood",
    "Parramatta",
    "Chatswood",
    "Penrith",
    "Toowong",
    "Ipswich",
    "Fremantle",
    "Joondalup",
    "Glenelg",
    "Hobart",
    "Ballarat",
    "Bendigo",
    "Wollongong",
    "Dandenong",
    "Carlton",
    "Newtown",
    "Manly",
    "Cronulla",
    "Burleigh",
    "Southport",
    "Subiaco",
    "Norwood",
    "Belconnen",
]
FRANCHISES = [
    "Jim's Mowing",
    "Anytime Fitness",
    "Poolwerx",
    "Kwik Kopy",
    "Snap Print",
    "Bakers Oven",
    "Little Gym",
    "Mister Minit",
    "Lube Mobile",
    "Kumon Maths",
    "Hairhouse",
    "Aussie Pooch",
]
CHAINS = [
    ("Harvey's Hardware", "Store"),
    ("Quikstop Pharmacy", "Store"),
    ("Westpoint Credit Union", "Branch"),
    ("Corner Cellars", "Store"),
    ("Bayline Building Society", "Branch"),
    ("Petbarn Express", "Store"),
    ("Tyrepower Direct", "Store"),
    ("Goldleaf Bakery", "Store"),
]
GROUP_STEMS = [
    "Harbour",
    "Ironbark",
    "Summit",
    "Crestview",
    "Redgum",
    "Pinnacle",
    "Bluewater",
    "Southgate",
    "Kingfisher",
    "Sandstone",
    "Wattle",
    "Granite",
]
GROUP_SUBS = [
    "Logistics",
    "Property",
    "Construction",
    "Hospitality",
    "Finance",
    "Holdings",
    "Developments",
    "Services",
    "Farming",
    "Retail",
]
FAMILIES = [
    "Nguyen",
    "Okafor",
    "Papadopoulos",
    "Kowalski",
    "Fitzgerald",
    "Haddad",
    "Lindqvist",
    "Marchetti",
    "Abernethy",
    "Tanaka",
    "Oduya",
    "Ferreira",
    "MacAllister",
    "Vasquez",
]
TOWNS = ["Dunmore", "Kellerton", "Ashby", "Murrindale", "Coorong", "Barwon", "Tallis", "Wyndcliffe"]
DEPTS = [
    "Library Services",
    "Works Depot",
    "Aquatic Centre",
    "Planning & Building",
    "Visitor Centre",
    "Community Care",
]
SCHOOL_TRUSTS = [
    "Northern Schools Trust",
    "Riverside Learning Trust",
    "St Columba Education Trust",
    "Lakes Academies Trust",
    "Greenfield Schools Trust",
]
SCHOOL_NAMES = [
    "Ashfield Academy",
    "Brookvale Academy",
    "Cedar Park Primary",
    "Hillcrest College",
    "Meadowbank School",
    "Oakleigh Grammar",
    "Rosedale Primary",
]
DOCTORS = ["Patel", "Chen", "Ibrahim", "O'Connor", "Santos", "Kaur", "Rossi", "Müller"]

STANDALONE = [
    "Søndergaard Arkitekter ApS",
    "Bræstrup Consulting ApS",
    "Großmann Steuerberatung GmbH",
    "Café Lumière Pty Ltd",
    "Øresund Freight A/S",
    "Straße & Wege Planung GmbH",
    "Åkerlund Bygg AB",
    "Hæggström Design Oy",
    "Brødrene Dahl Rør AS",
    "Weiß Elektrotechnik GmbH",
    "J & K Smith Plumbing Pty Ltd",
    "R & T Nguyen Accountants Pty Ltd",
    "A & M Costa Builders Ltd",
    "P & J Walsh Electrical Limited",
    "D & L Fraser Landscaping Pty Ltd",
    "S & H Kim Dental Pty Ltd",
    "Coastal Property Management Pty Ltd",
    "Allied Engineering Services Limited",
    "Pacific Freight Management Inc.",
    "Keystone Accounting Services LLC",
    "Meridian Financial Services Ltd",
    "Northern Facilities Management Pty Ltd",
    "Granville International Trading Inc.",
    "Bright Associates Engineering LLC",
    "Carrington Property Services Pty Ltd",
    "Smith Dental Northcote",
    "Kelly Physiotherapy Brunswick",
    "Ashworth Legal Geelong",
    "Mills Veterinary Ringwood",
    "Dawson Optometry Epping",
    "Hart Chiropractic Manly",
    "Lawson Conveyancing Carlton",
    "Green Leaf Cafe Pty Ltd",
    "Ridgeway Holdings Pty Ltd",
    "Brightwater Investments Pty Ltd",
    "Highfield Transport Ltd",
    "Osprey Marine Pty Ltd",
    "Larkspur Florists Pty Ltd",
    "Tidewell Engineering Inc.",
    "Blackwood Timber Co. Ltd",
    "Quill & Ink Publishing Ltd",
    "Fox & Hound Hotel Pty Ltd",
    "Stonebridge Capital LLC",
    "Morrow Architects Limited",
    "Elm Street Medical Pty Ltd",
    "Vantage Sports Physio Pty Ltd",
    "Canopy Childcare Pty Ltd",
    "Silverline Couriers Ltd",
    "Redfern Recruitment Pty Ltd",
    "Juniper Wealth Advisers Pty Ltd",
    "Orchard & Vine Wines Pty Ltd",
    "Copperleaf Interiors Inc.",
    "Banksia Aged Care Ltd",
    "Tallow & Co Candles Pty Ltd",
    "Everest Scaffolding Pty Ltd",
    "Lighthouse Migration Services Pty Ltd",
    "Marigold Management Consultants LLC",
    "Northwind Traders Inc.",
    "Cobalt Marketing Services Ltd",
    "Foster & Grant Lawyers",
]
TA_NAMES = {
    "Ridgeway Holdings Pty Ltd": "Ridgeway Bakery",
    "Brightwater Investments Pty Ltd": "Brightwater Motel",
    "Highfield Transport Ltd": "Highfield Couriers",
    "Osprey Marine Pty Ltd": "Osprey Boat Hire",
    "Stonebridge Capital LLC": "Stonebridge Coffee Roasters",
    "Blackwood Timber Co. Ltd": "Blackwood Joinery",
}

LEGAL = [
    "Pty Ltd",
    "Limited",
    "Ltd",
    "Inc.",
    "LLC",
    "GmbH",
    "ApS",
    "A/S",
    "AB",
    "Oy",
    "AS",
    "Co. Ltd",
]
LEGAL_SLIPS = {
    "Pty Ltd": ["Pty Ldt", "Pyt Ltd", "PTY LTD."],
    "Limited": ["Limietd", "Limted"],
    "Ltd": ["Ltd.", "Lt"],
    "Inc.": ["Icn", "Inc,"],
    "LLC": ["LCC", "L.L.C"],
    "GmbH": ["GmbG", "Gmbh."],
    "ApS": ["Aps.", "A.p.S."],
    "A/S": ["AS.", "A-S"],
    "AB": ["Ab."],
    "Oy": ["OY."],
    "AS": ["A.S."],
    "Co. Ltd": ["Co Ltd.", "Co. Ldt"],
}
ABBR = {
    "Management": ["Mngmt", "Mgmt", "Mgt"],
    "Services": ["Svcs", "Scvs", "Srvcs"],
    "Engineering": ["Eng.", "Engg", "Engineerng"],
    "Accounting": ["Acctg", "Accnting"],
    "International": ["Intl", "Int'l", "Internat."],
    "Associates": ["Assoc.", "Assc"],
    "Financial": ["Fin.", "Finacial"],
    "Property": ["Prop.", "Propty"],
    "Consultants": ["Consult.", "Conslts"],
    "Transport": ["Trans.", "Transprt"],
    "Facilities": ["Facil.", "Fac."],
    "Trading": ["Trdg", "Trad."],
}
FOLD = {
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "ß": "ss",
    "å": "a",
    "Å": "A",
    "é": "e",
    "ö": "o",
    "ä": "a",
    "ü": "u",
    "è": "e",
}
NUMWORDS = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
    "Twenty",
    "Twenty-One",
    "Twenty-Two",
    "Twenty-Three",
    "Twenty-Four",
]


def legal_of(name):
    for s in sorted(LEGAL, key=len, reverse=True):
        if name.endswith(" " + s):
            return s
    return None


def slug(name):
    s = name.lower()
    for a, b in FOLD.items():
        s = s.replace(a.lower(), b.lower())
    s = re.sub(r"\b(pty|ltd|limited|inc|llc|gmbh|aps|a/s|ab|oy|as|co)\b\.?", "", s)
    return re.sub(r"[^a-z0-9]", "", s)[:24]


def perturb_name(c, rng):
    """Return (psa_name, class or None) for client dict c (fields: canonical, kind, extra)."""
    name = c["canonical"]
    opts = []
    kind = c["kind"]
    if kind == "renamed":
        new = name[: -len(" Pty Ltd")]
        return rng.choice(
            [f"{new} (formerly {c['extra']['old']})", f"{c['extra']['old']} - now {new}"]
        ), N_FORMER
    if kind == "store":
        opts += [N_STORENO] * 4 + ([N_WORDNUM] * 2 if c["extra"]["word"] == "Branch" else [])
    if kind == "franchise":
        opts += [N_OUTLET] * 3 + [N_ORDER]
    if kind == "standalone" and re.search(r" (" + "|".join(SUBURBS) + ")$", name):
        opts += [N_ORDER] * 3
    if legal_of(name):
        opts += [N_SUFFIX_SLIP, N_SUFFIX_GONE]
    if "&" in name or " and " in name:
        opts += [N_AMP]
    if re.match(r"^[A-Z] & [A-Z] ", name):
        opts += [N_INITIALS] * 3
    if any(w in name for w in ABBR):
        opts += [N_ABBR] * 2
    if name in TA_NAMES:
        opts += [N_TA] * 4
    if any(ch in name for ch in FOLD):
        opts += [N_LETTERS] * 3
    if len(opts) < 3:
        opts += [N_SITE, N_CASE]
    else:
        opts = opts * 2 + [N_SITE, N_CASE]
    if rng.random() < 0.25 and kind not in ("store", "franchise"):
        return name, None
    cls = rng.choice(opts)
    for _ in range(6):
        out = apply_name(cls, c, rng)
        if out != name:
            return out, cls
    return name, None


def apply_name(cls, c, rng):
    name = c["canonical"]
    leg = legal_of(name)
    if cls == N_SUFFIX_SLIP:
        return name[: -len(leg)] + rng.choice(LEGAL_SLIPS[leg])
    if cls == N_SUFFIX_GONE:
        return name[: -len(leg) - 1].rstrip(" ,")
    if cls == N_AMP:
        return name.replace(" & ", " and ") if "&" in name else name.replace(" and ", " & ")
    if cls == N_INITIALS:
        m = re.match(r"^([A-Z]) & ([A-Z]) (.*)$", name)
        return rng.choice(
            [f"{m[1]}{m[2]} {m[3]}", f"{m[1]}.{m[2]}. {m[3]}", f"{m[1]} and {m[2]} {m[3]}"]
        )
    if cls == N_ABBR:
        for w, alts in ABBR.items():
            if w in name:
                name = name.replace(w, rng.choice(alts), 1)
                break
        return name
    if cls == N_TA:
        ta = TA_NAMES[name]
        return rng.choice(
            [
                f"{name} t/a {ta}",
                f"{ta} (T/A of {name})",
                f"{name} trading as {ta}",
                f"{ta} dba {name}",
            ]
        )
    if cls == N_SITE:
        return name + rng.choice(
            [" - Downtown", " (Main Office)", " - Head Office", " (HQ)", " - Admin"]
        )
    if cls == N_LETTERS:
        for a, b in FOLD.items():
            name = name.replace(a, b)
        return name
    if cls == N_CASE:
        r = rng.random()
        if r < 0.4:
            return name.upper().replace(".", "").replace(",", "")
        if r < 0.7:
            return name.lower()
        out = re.sub(r"\bPty Ltd$", "Pty. Ltd.", name)
        out = re.sub(r"\bLtd$", "Ltd.", out).replace("'", "")
        return out if out != name else name + "."
    if cls == N_ORDER:
        if c["kind"] == "franchise":
            return f"{c['extra']['place']} - {c['extra']['brand']}"
        m = re.match(r"^(.*) (\S+)$", name)
        return f"{m[2]} {m[1]}"
    if cls == N_STORENO:
        n, brand, word = c["extra"]["n"], c["extra"]["brand"], c["extra"]["word"]
        return rng.choice(
            [
                f"{brand} #{n}",
                f"{brand} No. {n}",
                f"{brand} {word} {n:02d}",
                f"{brand} St. {n}" if word == "Store" else f"{brand} Br. {n}",
                f"{brand} - {word.lower()} {n}",
            ]
        )
    if cls == N_WORDNUM:
        n, brand, word = c["extra"]["n"], c["extra"]["brand"], c["extra"]["word"]
        return f"{brand} {word} {NUMWORDS[n]}"
    if cls == N_OUTLET:
        b, pl = c["extra"]["brand"], c["extra"]["place"]
        return rng.choice(
            [f"{b} ({pl})", f"{b} - {pl}", f"{b.replace(chr(39), '')} {pl}", f"{b} {pl} outlet"]
        )
    raise ValueError(cls)


def make_clients(rng, n):
    """Canonical clients with their sibling groups: list of dicts (no PSA names yet)."""
    out = []
    used = set()

    def add(name, kind, group=None, traps=(), extra=None):
        if name in used:
            return None
        used.add(name)
        c = {
            "id": len(out),
            "canonical": name,
            "kind": kind,
            "group": group,
            "traps": list(traps),
            "extra": extra or {},
            "domain": slug(name) + ".onmicrosoft.com",
            "side": "both",
        }
        out.append(c)
        return c

    pools = {
        k: list(v)
        for k, v in dict(
            fr=FRANCHISES,
            ch=CHAINS,
            gs=GROUP_STEMS,
            fa=FAMILIES,
            to=TOWNS,
            st=SCHOOL_TRUSTS,
            dr=DOCTORS,
            sa=STANDALONE,
        ).items()
    }
    for v in pools.values():
        rng.shuffle(v)
    gid = 0
    sa_i = 0
    while len(out) < n:
        left = n - len(out)
        r = rng.random()
        gid += 1
        g = f"g{gid}"
        if r < 0.06 and pools["fr"] and left >= 3:
            brand = pools["fr"].pop()
            places = rng.sample(SUBURBS, rng.choice([2, 3, 3, 4]))
            for pl in places:
                add(f"{brand} {pl}", "franchise", g, [T_FRANCHISE], {"brand": brand, "place": pl})
        elif r < 0.12 and pools["ch"] and left >= 3:
            brand, word = pools["ch"].pop()
            nums = sorted(rng.sample(range(1, 24), rng.choice([2, 3, 4])))
            for k in nums:
                add(
                    f"{brand} {word} {k}",
                    "store",
                    g,
                    [T_STORES],
                    {"brand": brand, "word": word, "n": k},
                )
        elif r < 0.165 and pools["gs"] and left >= 3:
            stem = pools["gs"].pop()
            add(f"{stem} Group Pty Ltd", "holding", g, [T_HOLDING, T_DOMAIN])
            for sub in rng.sample(GROUP_SUBS, rng.choice([1, 2])):
                add(f"{stem} Group {sub} Pty Ltd", "holding", g, [T_HOLDING, T_DOMAIN])
        elif r < 0.195 and pools["fa"] and left >= 2:
            fam = pools["fa"].pop()
            add(f"{fam} Family Trust", "trust", g, [T_TRUST])
            add(f"{fam} Nominees Pty Ltd", "trust", g, [T_TRUST])
        elif r < 0.225 and pools["to"] and left >= 2:
            town = pools["to"].pop()
            add(f"{town} Dental Group", "dental", g, [T_DENTAL])
            add(f"{town} Dental Lab", "dental", g, [T_DENTAL])
        elif r < 0.25 and pools["st"] and left >= 3:
            tr = pools["st"].pop()
            for s in rng.sample(SCHOOL_NAMES, rng.choice([2, 3])):
                add(f"{tr} - {s}", "school", g, [T_SCHOOLS, T_DOMAIN])
        elif r < 0.275 and pools["to"] and left >= 3:
            town = pools["to"].pop()
            add(f"Shire of {town}", "council", g, [T_COUNCIL, T_DOMAIN])
            for d in rng.sample(DEPTS, rng.choice([1, 2])):
                add(f"Shire of {town} - {d}", "council", g, [T_COUNCIL, T_DOMAIN])
        elif r < 0.30 and pools["dr"] and left >= 2:
            dr = pools["dr"].pop()
            for pl in rng.sample(SUBURBS, rng.choice([2, 3])):
                add(f"Dr {dr} Family Medical {pl}", "medical", g, [T_MEDICAL])
        elif r < 0.32 and pools["gs"] and left >= 2:
            stem = pools["gs"].pop()
            sub, sub2 = rng.sample(GROUP_SUBS, 2)
            new = (
                rng.choice(["Tidewater", "Northstar", "Clearwater", "Highline", "Bellbird"])
                + f" {sub}"
            )
            a = add(f"{new} Pty Ltd", "renamed", g, [T_RENAMED], {"old": f"{stem} Group {sub}"})
            add(f"{stem} Group {sub2} Pty Ltd", "renamed_sib", g, [T_RENAMED])
            if a is None:
                continue
        else:
            if sa_i < len(pools["sa"]):
                add(pools["sa"][sa_i], "standalone")
                sa_i += 1
            else:
                a, b = (
                    rng.choice(FAMILIES),
                    rng.choice(
                        [
                            "Joinery",
                            "Electrical",
                            "Accounting",
                            "Legal",
                            "Plumbing",
                            "Roofing",
                            "Logistics",
                            "Catering",
                        ]
                    ),
                )
                add(f"{a} {b} {rng.choice(['Pty Ltd', 'Ltd', 'LLC', 'Inc.'])}", "standalone")
    out = out[:n]
    # groups cut short by the size limit lose their trap when one member is left
    groups = {}
    for c in out:
        if c["group"]:
            groups.setdefault(c["group"], []).append(c)
    for mem in groups.values():
        if len(mem) < 2:
            mem[0]["traps"] = []
            mem[0]["group"] = None
            if mem[0]["kind"] == "renamed":
                mem[0]["kind"] = "standalone"
    return out
