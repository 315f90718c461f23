"""Client names of a large MSP (60-300 clients) and the way many hands write them in the PSA."""

from __future__ import annotations

import re
import zlib

SURNAMES = [
    "Abbott",
    "Ashworth",
    "Bannerman",
    "Beaumont",
    "Blackwood",
    "Brennan",
    "Calloway",
    "Carrington",
    "Castellano",
    "Chandler",
    "Clarke",
    "Cooper",
    "Corbett",
    "Cunningham",
    "Dalton",
    "Delaney",
    "Donnelly",
    "Drummond",
    "Eastwood",
    "Ellison",
    "Fairbairn",
    "Fletcher",
    "Forsyth",
    "Gallagher",
    "Garnett",
    "Gillespie",
    "Goodwin",
    "Grainger",
    "Hadley",
    "Halloran",
    "Harcourt",
    "Hargreaves",
    "Hawthorne",
    "Holloway",
    "Hutchins",
    "Jameson",
    "Kavanagh",
    "Kingsley",
    "Lachlan",
    "Langford",
    "Lockhart",
    "Lombardi",
    "Macintosh",
    "Mahoney",
    "Marchetti",
    "Merriweather",
    "Montague",
    "Moreland",
    "Nakamura",
    "Northcott",
    "Okafor",
    "Oyelaran",
    "Pemberton",
    "Pennington",
    "Prescott",
    "Quinlan",
    "Radcliffe",
    "Ramsay",
    "Redfern",
    "Rourke",
    "Sandoval",
    "Sinclair",
    "Stevenson",
    "Sutherland",
    "Tallis",
    "Thornbury",
    "Underwood",
    "Vaughan",
    "Waddington",
    "Whitlock",
    "Whyte",
    "Winterbottom",
    "Yardley",
    "Zielinski",
]
PLACES = [
    "Harbourside",
    "Riverbend",
    "Northgate",
    "Westmead",
    "Eastbrook",
    "Southport",
    "Lakeview",
    "Hillcrest",
    "Bayside",
    "Parkview",
    "Greenvale",
    "Stonebridge",
    "Oakridge",
    "Ashfield",
    "Kingsway",
    "Millbrook",
    "Redhill",
    "Seacliff",
    "Fernleigh",
    "Brookfield",
    "Clearwater",
    "Highfield",
    "Marlowe",
    "Wattle",
    "Silverdale",
    "Thornleigh",
    "Ironbark",
    "Bellbird",
    "Kestrel",
    "Coralee",
]
SUBURBS = [
    "Castle Hill",
    "Penrith",
    "Parramatta",
    "Chatswood",
    "Hornsby",
    "Bondi",
    "Cronulla",
    "Manly",
    "Ryde",
    "Epping",
    "Blacktown",
    "Liverpool",
    "Campbelltown",
    "Dee Why",
    "Newtown",
    "Marrickville",
    "Strathfield",
    "Kellyville",
    "Rouse Hill",
    "Baulkham Hills",
    "Mona Vale",
    "Camden",
    "Gosford",
    "Wollongong",
]
TRADES = [
    "Plumbing",
    "Electrical",
    "Joinery",
    "Glass",
    "Logistics",
    "Engineering",
    "Architects",
    "Surveyors",
    "Physiotherapy",
    "Podiatry",
    "Optometrists",
    "Veterinary Clinic",
    "Real Estate",
    "Property Management",
    "Landscaping",
    "Builders",
    "Removals",
    "Printing",
    "Signage",
    "Catering",
    "Bakery",
    "Motors",
    "Tyres",
    "Pharmacy",
    "Childcare",
    "Travel",
    "Insurance Brokers",
    "Mortgage Brokers",
    "Conveyancing",
    "Roofing",
    "Pest Control",
    "Air Conditioning",
    "Scaffolding",
    "Freight",
    "Florists",
]
THE_NAMES = [
    "The Anchor Bar & Grill",
    "The Copper Kettle",
    "The Salt House",
    "The Reading Room",
    "The Green Door Gallery",
    "The Loft Studio",
    "The Wild Fig Kitchen",
    "The Barber Collective",
    "The Tailor's Bench",
    "The Hearing Centre",
    "The Pines Retirement Village",
    "The Fitting Room",
    "The Corner Grocer",
    "The Swim School",
    "The Lighthouse Dental",
]
REGION_WORDS = ["Regional", "Coastal", "Northern", "Western", "Valley"]
GROUP_WORDS = ["Group", "Partners", "Services", "Holdings", "Solutions", "Consulting"]
CHAIN_BRANDS = [
    "Bean Counter Coffee",
    "QuickFix Phone Repairs",
    "FreshCut Butchers",
    "Little Sprouts Early Learning",
]
FRANCHISES = ["Kev's Mowing", "Jetwash Joe's", "Bob's Pool Care", "Mr Fixit Handyman"]
SAINTS = ["Brendan's", "Columba's", "Bernadette's", "Aidan's", "Monica's"]
SUFFIX = {
    "US": ["Inc.", "LLC", "Corp."],
    "AU": ["Pty Ltd", "Pty. Ltd."],
    "UK": ["Ltd", "Limited", "LLP"],
    "CA": ["Inc.", "Ltd.", "Ltée"],
    "BE": ["BV", "SRL", "NV"],
    "NZ": ["Limited", "Ltd"],
    "ZA": ["(Pty) Ltd"],
    "IE": ["Ltd", "DAC", "Teoranta"],
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
]
ORDINALS = [
    "Zeroth",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
    "Twentieth",
]
SOUNDALIKE = {
    "Stevenson": "Stephenson",
    "Clarke": "Clark",
    "Whyte": "White",
    "Macintosh": "McIntosh",
    "Sinclair": "St Clair",
    "Ramsay": "Ramsey",
    "Cunningham": "Cunninghame",
    "Gallagher": "Gallacher",
    "Rourke": "Rork",
    "Vaughan": "Vaughn",
    "Donnelly": "Donelly",
    "Drummond": "Drumond",
    "Halloran": "O'Halloran",
    "Kavanagh": "Cavanagh",
    "Lachlan": "Laughlin",
    "Hutchins": "Hutchens",
    "Jameson": "Jamieson",
    "Mahoney": "Mahony",
    "Pemberton": "Pembleton",
    "Grainger": "Granger",
    "Forsyth": "Forsythe",
    "Goodwin": "Goodwyn",
    "Dalton": "Daulton",
    "Brennan": "Brenan",
    "Chandler": "Shandler",
    "Corbett": "Corbet",
    "Harcourt": "Harcort",
    "Yardley": "Yardly",
}


def _slug(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def make_clients(rng, n, region):
    """Canonical (legal) names, sibling groups, trading names. Returns list of dicts."""
    suf = SUFFIX[region]
    out = []
    used = set()

    def add(name, kind, group=None, sib=None, trading=None, **kw):
        if name.lower() in used:
            return False
        used.add(name.lower())
        out.append(
            dict(canonical=name, kind=kind, group=group, sibclass=sib, trading=trading, **kw)
        )
        return True

    # a chain with numbered sites, each billed apart
    chain = rng.choice(CHAIN_BRANDS)
    csize = max(6, n // 20)
    sites = rng.sample(range(2, 21), min(csize, 19))
    for s in sites[:csize]:
        add(f"{chain} Store {s} {suf[0]}", "chain", "chain", "chain_site_each_billed_apart", site=s)
    # franchisees of one brand
    fr = rng.choice(FRANCHISES)
    for sub in rng.sample(SUBURBS, max(4, n // 25)):
        add(
            f"{fr} {sub} {suf[0]}",
            "franchise",
            "franchise",
            "franchisee_beside_franchisee",
            suburb=sub,
            franchise_no=rng.randint(100, 399),
        )
    # school group with numbered campuses
    saint = rng.choice(SAINTS)
    add(f"St {saint} Catholic Primary School", "school", "school", "school_group_member_apart")
    add(f"St {saint} Catholic College", "school", "school", "school_group_member_apart")
    add(f"St {saint} Parish Office", "school", "school", "school_group_member_apart")
    for c in range(2, 2 + max(1, n // 100) + 1):
        add(
            f"St {saint} Catholic College Campus {c}",
            "campus",
            "school",
            "school_group_member_apart",
            campus=c,
        )
    # council bodies
    town = rng.choice(PLACES)
    for body in ["Shire Council", "Shire Library Service", "Aquatic & Leisure Centre"]:
        add(f"{town} {body}", "council", "council", "council_body_apart")
    places = list(PLACES)
    rng.shuffle(places)
    surn = list(SURNAMES)
    rng.shuffle(surn)
    si = 0
    # medical practices and their trusts; dental and dental lab
    for _ in range(max(2, n // 30)):
        s = surn[si % len(surn)]
        si += 1
        add(
            f"{s} Family Medicine {suf[0]}",
            "medical",
            f"med{s}",
            "practice_and_family_trust_apart",
            owner=s,
        )
        add(f"{s} Family Trust", "trust", f"med{s}", "practice_and_family_trust_apart", owner=s)
    for _ in range(max(2, n // 40)):
        p = places.pop()
        add(f"{p} Dental {suf[0]}", "dental", f"dent{p}", "practice_and_its_lab_apart", place=p)
        add(f"{p} Dental Lab {suf[0]}", "dental", f"dent{p}", "practice_and_its_lab_apart", place=p)
    for _ in range(max(1, n // 50)):
        a, b, c = surn[si % len(surn)], surn[(si + 1) % len(surn)], surn[(si + 2) % len(surn)]
        si += 3
        add(
            f"{a} {b} {c} Lawyers",
            "firm",
            f"firm{a}",
            "firm_and_its_wealth_arm_apart",
            partners=(a, b, c),
        )
        add(
            f"{a} {b} {c} Wealth {suf[0]}",
            "firm",
            f"firm{a}",
            "firm_and_its_wealth_arm_apart",
            partners=(a, b, c),
        )
    # trading names (legal name on the bill, trading name in the PSA)
    the_names = list(THE_NAMES)
    rng.shuffle(the_names)
    k = 0
    guard = 0
    while len(out) < n and guard < 20000:
        guard += 1
        r = rng.random()
        s = rng.choice(SURNAMES)
        if r < 0.08 and the_names:
            t = the_names.pop()
            add(f"{s} Hospitality {rng.choice(suf)}", "trading", trading=t)
        elif r < 0.16 and the_names:
            t = the_names.pop()
            add(f"{t} {rng.choice(suf)}", "the")
        elif r < 0.36:
            add(
                f"{rng.choice(PLACES)} {rng.choice(['Regional', 'Coastal', 'Northern', 'Western', 'Valley'])} "
                f"{rng.choice(TRADES)} {rng.choice(GROUP_WORDS)} {rng.choice(suf)}",
                "long",
            )
        elif r < 0.6:
            add(f"{s} {rng.choice(TRADES)} {rng.choice(suf)}", "surname", surname=s)
        elif r < 0.8:
            add(f"{rng.choice(PLACES)} {rng.choice(TRADES)} {rng.choice(suf)}", "place")
        else:
            s2 = rng.choice(SURNAMES)
            if s2 != s:
                add(
                    f"{s} & {s2} {rng.choice(['Accountants', 'Architects', 'Solicitors', 'Engineers'])} "
                    f"{rng.choice(suf)}",
                    "surname",
                    surname=s,
                )
        k += 1
    out = out[:n]
    doms = set()
    for i, c in enumerate(out):
        c["id"] = i
        c["suffix"] = next(
            (x for x in sorted(suf, key=len, reverse=True) if c["canonical"].endswith(" " + x)),
            None,
        )
        d = _slug(c["trading"] or _strip_suffix(c))
        if len(d) > 27:
            d = d[:19] + d[-8:]
        while d in doms:
            d = d[:-1] + str(len(doms) % 10)
        doms.add(d)
        c["domain"] = d + ".onmicrosoft.com"
    return out


def _strip_suffix(c):
    n = c["canonical"]
    if c["suffix"]:
        n = n[: -len(c["suffix"])].rstrip()
    return n


def psa_name_options(c):
    """All (class, PSA spelling) a hand could write for this client."""
    base = _strip_suffix(c)
    full = c["canonical"]
    opts = []
    k = c["kind"]
    if k == "chain":
        s = c["site"]
        opts.append(
            ("store_no_spelled_out_words", full.replace(f"Store {s}", f"Store {NUMWORDS[s]}"))
        )
    if k == "campus":
        cno = c["campus"]
        opts.append(
            (
                "campus_no_as_ordinal_word",
                full.replace(f"College Campus {cno}", f"College {ORDINALS[cno]} Campus"),
            )
        )
    if k == "franchise":
        brand = base[: -len(c["suburb"])].strip().replace("'", "")
        opts.append(("franchise_no_hash_and_dash", f"{brand} - {c['suburb']} #{c['franchise_no']}"))
    if k in ("school", "campus"):
        ab = base.replace("Catholic Primary School", "CPS").replace(
            "Catholic College", "Catholic Coll."
        )
        if ab != base:
            opts.append(("school_kind_abbreviated", ab))
    if k == "medical":
        opts.append(("doctor_owner_possessive", f"Dr {c['owner']}'s practice"))
    if k == "trading":
        opts.append(("trading_name_psa_legal_vendor", c["trading"]))
    if k == "the" and base.startswith("The "):
        opts.append(("the_shifted_behind_comma", base[4:] + ", The"))
    if k == "long":
        w = base.split()
        opts.append(
            (
                "first_words_to_initials_dotted",
                ".".join(x[0] for x in w[:-2]) + ". " + " ".join(w[-2:]),
            )
        )
        opts.append(
            ("first_words_to_initials_bare", "".join(x[0] for x in w[:-2]) + " " + " ".join(w[-2:]))
        )
    if k == "firm":
        a, b, cc = c["partners"]
        opts.append(("firm_tail_partner_dropped", base.replace(f"{a} {b} {cc}", f"{a} {b}")))
    if k == "surname" and c.get("surname") in SOUNDALIKE:
        s = c["surname"]
        opts.append(("heard_over_phone_spelling", base.replace(s, SOUNDALIKE[s], 1)))
    if k == "long":
        w = base.split()
        if w[1] in REGION_WORDS:
            opts.append(("location_word_left_off", " ".join(w[:1] + w[2:])))
    if k in ("surname", "place", "long", "the", "trading"):
        opts.append(
            (
                "head_office_suburb_added",
                f"{base} ({SUBURBS[zlib.crc32(base.encode()) % len(SUBURBS)]})",
            )
        )
        opts.append(("vip_star_emoji_before_name", "\u2b50 " + base))
    if c["suffix"] and k not in ("trading",):
        opts.append(("proprietary_limited_omitted", base))
    return opts


def assign_psa_names(clients, rng, perturb):
    canon = {c["canonical"].lower() for c in clients}
    stems = {_strip_suffix(c).lower() for c in clients}
    taken = set()
    forms = {}
    stem_tokens = [
        (c["id"], set(re.findall(r"[a-z0-9]+", _strip_suffix(c).lower()))) for c in clients
    ]
    for c in clients:
        for _cls, name in psa_name_options(c):
            forms[name.lower()] = forms.get(name.lower(), 0) + 1
    for c in clients:
        c["psa_name"] = c["canonical"]
        c["cclasses"] = []
        if c["sibclass"]:
            c["cclasses"].append(c["sibclass"])
        if c["kind"] == "trading":
            c["cclasses"].append("legal_and_trading_name_both_in_files")
    if not perturb:
        return
    for c in clients:
        opts = psa_name_options(c)
        if c["kind"] == "trading":
            opts = [o for o in opts if o[0] == "trading_name_psa_legal_vendor"]
        elif rng.random() > 0.72:
            continue
        rng.shuffle(opts)
        generic = (
            "head_office_suburb_added",
            "vip_star_emoji_before_name",
            "proprietary_limited_omitted",
        )
        if rng.random() < 0.85:
            opts.sort(key=lambda o: o[0] in generic)
        for cls, name in opts:
            low = name.lower()
            toks = set(re.findall(r"[a-z0-9]+", low))
            if any(i != c["id"] and st <= toks for i, st in stem_tokens):
                continue
            if forms[low] > 1 or low in taken or (low in canon and low != c["canonical"].lower()):
                continue
            if low in stems and low != _strip_suffix(c).lower():
                continue
            c["psa_name"] = name
            c["cclasses"].append(cls)
            taken.add(low)
            break
