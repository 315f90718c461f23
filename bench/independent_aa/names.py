"""Clients of set AA: look-alike groups, aliases, ordinary clients, and the PSA-side name classes."""

from __future__ import annotations

import re

SURNAMES = [
    "Raman",
    "Okafor",
    "Marlow",
    "Hartley",
    "Delgado",
    "Novak",
    "Lindqvist",
    "Brennan",
    "Castellano",
    "Whitfield",
    "Ashby",
    "Moreau",
    "Kowalski",
    "Halvorsen",
    "Oduya",
    "Petrakis",
    "Thornbury",
    "Vasquez",
    "Ellery",
    "Garrick",
    "Pemberton",
    "Quayle",
    "Rosales",
    "Sandoval",
    "Tremaine",
    "Underhill",
    "Valentin",
    "Winslow",
    "Yardley",
    "Zeller",
    "Abernethy",
    "Bellamy",
    "Carrington",
    "Dunmore",
    "Eastwood",
    "Fairbanks",
    "Gallagher",
    "Holloway",
    "Ingram",
    "Jarvis",
    "Kingsley",
    "Lockhart",
    "Merriweather",
    "Norwood",
    "Oakes",
    "Prescott",
    "Radcliffe",
    "Sutcliffe",
    "Templeton",
    "Upton",
    "Vickers",
    "Wakefield",
    "Ackroyd",
    "Blakemore",
    "Cheswick",
    "Dalrymple",
    "Ellsworth",
    "Fenwick",
    "Granger",
    "Hawthorne",
    "Iverson",
    "Jessup",
    "Kilbride",
    "Langford",
    "Montrose",
    "Nettleton",
    "Ormsby",
    "Penhallow",
    "Redmayne",
    "Stanhope",
    "Tolliver",
    "Umber",
    "Varga",
    "Wetherell",
    "Brightman",
    "Calloway",
    "Drummond",
    "Everly",
    "Farrow",
    "Goodwin",
    "Harrow",
    "Ives",
    "Keating",
    "Lowell",
    "Mayhew",
    "Nash",
    "Orwell",
    "Pryce",
    "Rowntree",
    "Sheridan",
    "Tindall",
    "Vance",
    "Whitmore",
    "Ainsley",
    "Barlow",
    "Crane",
    "Dawes",
    "Emberton",
    "Frost",
    "Gale",
    "Hume",
]
GIVEN = [
    "Priya",
    "John",
    "Maria",
    "Chen",
    "Aisha",
    "Lukas",
    "Sofia",
    "Daniel",
    "Grace",
    "Tomasz",
    "Ingrid",
    "Kwame",
    "Elena",
    "Mateo",
    "Hannah",
]
PLACES = [
    "Harbourside",
    "Riverbend",
    "Northgate",
    "Ironbark",
    "Bluegum",
    "Stonebridge",
    "Cedarbrook",
    "Westhaven",
    "Pinecrest",
    "Lakeshore",
    "Summitview",
    "Coastline",
    "Meridian",
    "Redwood",
    "Silverleaf",
    "Bayview",
    "Highfield",
    "Elmwood",
    "Kingsford",
    "Ashgrove",
    "Blackwattle",
    "Copperfield",
    "Driftwood",
    "Emerald",
    "Foxglove",
    "Glenhaven",
    "Hollybrook",
    "Juniper",
    "Kestrel",
    "Larkspur",
    "Millbrook",
    "Newhaven",
    "Oakridge",
    "Parkview",
    "Quarry",
    "Rosehill",
    "Sandstone",
    "Tallowood",
    "Wattle",
    "Yarrow",
    "Birchwood",
    "Clearwater",
    "Dunmore",
    "Eaglehawk",
    "Fernleigh",
    "Granite",
    "Heathcote",
    "Ironwood",
    "Kookaburra",
    "Limestone",
]
TRADES = [
    "Plumbing",
    "Electrical",
    "Accounting",
    "Legal",
    "Physiotherapy",
    "Veterinary Clinic",
    "Architects",
    "Landscaping",
    "Engineering",
    "Real Estate",
    "Insurance Brokers",
    "Chiropractic",
    "Pharmacy",
    "Joinery",
    "Roofing",
    "Freight",
    "Catering",
    "Surveyors",
    "Orthodontics",
    "Optometry",
    "Mortgage Brokers",
    "Removals",
    "Signage",
    "Printing",
    "Podiatry",
    "Hydraulics",
    "Financial Planning",
    "Conveyancing",
    "Bookkeeping",
    "Glazing",
]
ADJ = [
    "Alpha",
    "Blue",
    "Coastal",
    "Delta",
    "Evergreen",
    "First",
    "Golden",
    "Harbor",
    "Integral",
    "Keystone",
    "Lumen",
    "Nova",
    "Prime",
    "Quantum",
    "Solid",
    "True",
    "Vertex",
]
NOUN = [
    "Beacon",
    "Bridge",
    "Crest",
    "Field",
    "Gate",
    "Harbor",
    "Line",
    "Point",
    "Ridge",
    "Stone",
    "Tower",
    "Vale",
    "Works",
]
SAINTS = [
    "Mark",
    "Brigid",
    "Columba",
    "Patrick",
    "Joseph",
    "Anne",
    "Monica",
    "Bernadette",
    "Aidan",
    "Kevin",
    "Clare",
    "Dominic",
]
BRANDS = [
    "Crust & Crumb Bakehouse",
    "Muscle Lab Fitness",
    "Brew Theory Coffee",
    "SmileCo Dental Care",
    "Paws & Claws Pet Supplies",
    "Quick Fix Auto",
    "Little Sprouts Childcare",
    "Spin Cycle Laundromat",
    "Fresh Press Juice Bar",
    "Sole Mates Footwear",
    "Keyline Locksmiths",
    "Pho Real Noodle Bar",
]
SUBURBS = [
    "Newtown",
    "Paddington",
    "Fitzroy",
    "Brunswick",
    "Glebe",
    "Carlton",
    "Toowong",
    "Subiaco",
    "Fremantle",
    "Manly",
    "Kew",
    "Leederville",
    "Norwood",
    "Unley",
    "Ascot",
]
LEGAL = ["Pty Ltd", "LLC", "Inc.", "Ltd", "Limited", "Pty Ltd", "LLC"]


def initials(words):
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def proper(s):
    """Excel PROPER(): first letter after a non-letter upper, the rest lower."""
    out, prev = [], False
    for ch in s:
        out.append(ch.upper() if not prev else ch.lower())
        prev = ch.isalpha()
    return "".join(out)


class Namer:
    def __init__(self, rng):
        self.rng = rng
        self.used_words: set[str] = set()
        self.names: set[str] = set()

    def take(self, pool):
        free = [w for w in pool if w not in self.used_words]
        if not free:
            return None
        w = self.rng.choice(free)
        self.used_words.add(w)
        return w

    def unique(self, name):
        if name in self.names:
            return None
        self.names.add(name)
        return name


def make_clients(rng, n):
    """list of dicts: canonical, group, kind, alias (psa name when the PSA knows it under another name)."""
    nm = Namer(rng)
    out = []

    def add(canon, group=None, kind="plain", alias=None, alias_class=None, meta=None):
        if nm.unique(canon) is None:
            return False
        out.append(
            {
                "canonical": canon,
                "group": group,
                "kind": kind,
                "alias": alias,
                "alias_class": alias_class,
                "meta": meta or {},
            }
        )
        return True

    target_group = int(n * 0.42)
    gid = 0
    kinds = ["franchise", "dentist", "family", "school", "offices", "parent", "stores"]
    while sum(1 for c in out if c["group"]) < target_group:
        gid += 1
        kind = kinds[gid % len(kinds)] if gid <= len(kinds) else rng.choice(kinds)
        size = rng.randint(3, 6)
        g = f"G{gid}"
        if kind == "franchise":
            brand = nm.take(BRANDS)
            if brand is None:
                kind = "stores"
            else:
                lf = rng.choice(["Pty Ltd", "LLC"])
                subs = rng.sample(SUBURBS, size)
                for s in subs:
                    add(f"{brand} {s} {lf}", g, kind, meta={"loc": s, "brand": brand, "lf": lf})
                continue
        if kind == "stores":
            brand = f"{nm.take(PLACES) or 'Acme'} {rng.choice(['Hardware', 'Pharmacy', 'Bottle Shop', 'Grocers', 'Tyres'])}"
            nums = sorted(rng.sample(range(2, 48), size))
            for k in nums:
                add(f"{brand} Store {k} Inc.", g, kind, meta={"brand": brand, "lf": "Inc."})
        elif kind == "dentist":
            sn = nm.take(SURNAMES)
            lf = rng.choice(["PLLC", "Pty Ltd", "Ltd"])
            names = [
                f"{sn} Dental Group {lf}",
                f"{sn} Dental Lab {lf}",
                f"{sn} Family Dental North {lf}",
                f"{sn} Family Dental South {lf}",
                f"{sn} Dental Imaging {lf}",
                f"{sn} Family Dental East {lf}",
            ][:size]
            for x in names:
                add(x, g, kind, meta={"surname": sn, "lf": lf})
        elif kind == "family":
            sn = nm.take(SURNAMES)
            lf = rng.choice(["Pty Ltd", "Ltd", "LLC"])
            for w in ["Holdings", "Operations", "Properties", "Investments", "Group", "Farming"][
                :size
            ]:
                add(f"{sn} {w} {lf}", g, kind, meta={"surname": sn, "lf": lf})
        elif kind == "school":
            st = nm.take(SAINTS) or nm.take(SURNAMES)
            names = [
                f"St {st}'s Primary School",
                f"St {st}'s Primary School PTA",
                f"St {st}'s Parish",
                f"St {st}'s Early Learning Centre",
                f"St {st}'s College",
                f"St {st}'s College PTA",
            ][:size]
            for x in names:
                add(x, g, kind, meta={"saint": st})
        elif kind == "offices":
            sn = nm.take(SURNAMES)
            tr = rng.choice(["Accountants", "Lawyers", "Physio", "Realty"])
            for w in ["North", "South", "East", "West", "Central", "City"][:size]:
                add(f"{sn} {tr} {w} Pty Ltd", g, kind, meta={"surname": sn, "lf": "Pty Ltd"})
        elif kind == "parent":
            pl = nm.take(PLACES)
            names = [
                f"{pl} Logistics Inc.",
                f"{pl} Logistics Canada Ltd",
                f"{pl} Logistics NZ Ltd",
                f"{pl} Logistics UK Ltd",
                f"{pl} Freight Services Inc.",
                f"{pl} Logistics Mexico S.A. de C.V.",
            ][:size]
            for x in names:
                add(x, g, kind, meta={"place": pl})
    groups_done = len(out)
    # alias clients: the PSA knows them under another name
    n_alias = max(3, int(n * 0.08))
    tries = 0
    while len(out) - groups_done < n_alias and tries < 500:
        tries += 1
        k = rng.choice(["owner", "contact", "venue", "rebrand", "initialism"])
        if k in ("owner", "contact"):
            sn = nm.take(SURNAMES)
            if sn is None:
                break
            gv = rng.choice(GIVEN)
            tr = rng.choice(
                ["Family Dental", "Chiropractic", "Physiotherapy", "Optometry", "Plumbing"]
            )
            lf = rng.choice(["PLLC", "Pty Ltd", "LLC"])
            canon = f"{sn} {tr} {lf}"
            if k == "owner":
                title = "Dr " if tr in ("Family Dental", "Chiropractic", "Optometry") else ""
                add(canon, None, "alias", f"{title}{gv} {sn}", "owner_name_as_account")
            else:
                add(canon, None, "alias", f"{sn}, {gv} ({sn} {tr})", "surname_comma_given_company")
        elif k == "venue":
            sn = nm.take(SURNAMES)
            if sn is None:
                break
            canon = f"{sn} Hospitality Group Pty Ltd"
            add(
                canon,
                None,
                "alias",
                f"The {sn} {rng.choice(['Kitchen', 'Arms Hotel', 'Bistro', 'Cellar Door'])}",
                "venue_name_for_operator",
            )
        elif k == "rebrand":
            pl = nm.take(PLACES)
            if pl is None:
                break
            a, b = rng.choice(
                [
                    ("Recruitment", "Talent"),
                    ("Computer Services", "Technology"),
                    ("Printing", "Print & Signs"),
                    ("Accounting", "Advisory"),
                    ("Cleaning Services", "Facility Services"),
                ]
            )
            lf = rng.choice(["Ltd", "Pty Ltd", "LLC"])
            add(f"{pl} {a} {lf}", None, "alias", f"{pl} {b} {lf}", "rebrand_kept_root")
        else:
            w = [
                rng.choice(ADJ),
                rng.choice(NOUN),
                rng.choice(["Consulting", "Capital", "Engineering", "Medical"]),
            ]
            lf = rng.choice(["LLC", "Pty Ltd", "Inc."])
            ini = initials(w)
            if ini in nm.used_words:
                continue
            nm.used_words.add(ini)
            add(f"{' '.join(w)} {lf}", None, "alias", f"{ini} {lf}", "initialism_keeps_legal_form")
    # ordinary clients (never sharing a group's or an alias's distinctive word)
    taken_first = {c["canonical"].split()[0] for c in out}
    stems = set()
    tries = 0
    while len(out) < n and tries < 20000:
        tries += 1
        r = rng.random()
        lf = rng.choice(LEGAL)
        if r < 0.35:
            canon = f"{rng.choice(PLACES)} {rng.choice(TRADES)} {lf}"
        elif r < 0.6:
            canon = f"{rng.choice(SURNAMES)} {rng.choice(TRADES)} {lf}"
        elif r < 0.72:
            canon = f"{rng.choice(SURNAMES)} & {rng.choice(SURNAMES)} {rng.choice(['Lawyers', 'Accountants', 'Architects'])}"
        elif r < 0.8:
            a, b = rng.choice(
                [
                    ("García", "López"),
                    ("Fernández", "Ruiz"),
                    ("Martínez", "Soto"),
                    ("Rodríguez", "Vega"),
                    ("Sánchez", "Mora"),
                    ("Pérez", "Ibáñez"),
                ]
            )
            canon = f"{a} {b} {rng.choice(['Abogados', 'Consultores', 'Importaciones', 'Construcciones'])} {rng.choice(['S.L.', 'LLC'])}"
        elif r < 0.86:
            g, f = rng.choice(
                [
                    ("Wei", "Zhang"),
                    ("Mei", "Lin"),
                    ("Jun", "Chen"),
                    ("Hao", "Liu"),
                    ("Yan", "Wang"),
                    ("Lei", "Huang"),
                    ("Xin", "Zhou"),
                ]
            )
            canon = f"{g} {f} {rng.choice(['Imports', 'Trading', 'Medical Centre', 'Property Group'])} {lf}"
        else:
            canon = f"{rng.choice(ADJ)} {rng.choice(NOUN)} {rng.choice(TRADES)} {lf}"
        first = canon.split()[0]
        if first in nm.used_words or first in taken_first:
            continue
        stem = canon.rsplit(" ", 2)[0] if canon.endswith(("Pty Ltd",)) else canon.rsplit(" ", 1)[0]
        if stem in stems:
            continue
        if add(canon):
            stems.add(stem)
    return out[:n]


COMPASS = {"North": "Nth", "South": "Sth", "East": "E.", "West": "W.", "Central": "Ctrl"}
HOLD = {
    "Holdings": "Hldgs",
    "Operations": "Ops",
    "Properties": "Props",
    "Investments": "Invest.",
    "Group": "Grp",
    "Farming": "Farms",
}
LF_LOWER = {
    "Pty Ltd": "pty ltd",
    "LLC": "llc",
    "Inc.": "inc",
    "Ltd": "ltd",
    "Limited": "limited",
    "PLLC": "pllc",
    "S.L.": "s.l.",
}


def _ein(rng):
    return f"EIN {rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"


def _abn(rng):
    d = f"{rng.randint(10, 99)}{rng.randint(100000000, 999999999)}"
    return f"ABN {d[:2]} {d[2:5]} {d[5:8]} {d[8:]}"


def psa_name(c, rng, group_name):
    """the PSA / accounting name of a client and its classes (never empty)."""
    canon = c["canonical"]
    if c["kind"] == "alias":
        name, classes = c["alias"], [c["alias_class"]]
        if rng.random() < 0.2:
            name += ", Attn: Accounts Payable"
            classes.append("attn_ap_tail")
        return name, classes
    opts = []
    kind = c["kind"]
    if kind in ("offices", "dentist") and any(re.search(rf"\b{w}\b", canon) for w in COMPASS):
        opts.append("compass_word_abbrev")
    if kind == "family":
        opts.append("holdings_ops_abbrev")
    if kind == "franchise":
        opts.append("location_suffix_to_prefix")
    if kind == "school" and "PTA" in canon:
        opts.append("pta_association_expanded")
    if kind == "school" and "Parish" in canon:
        opts.append("saint_parish_form")
    if c["group"] and (rng.random() < 0.35 or not opts):
        opts.append("qbo_sub_customer_colon")
    if not c["group"]:
        if len(canon) > 27:
            opts.append("import_caps_cut_at_24")
        if re.search(r"(García|Fernández|Martínez|Rodríguez|Sánchez|Pérez) \w+", canon):
            opts.append("double_surname_hyphen_join")
        if re.match(r"(Wei|Mei|Jun|Hao|Yan|Lei|Xin) (Zhang|Lin|Chen|Liu|Wang|Huang|Zhou) ", canon):
            opts.append("cn_family_name_order_swap")
    if (
        canon.endswith(("Pty Ltd", "Limited", "Ltd"))
        and "Canada" not in canon
        and "UK" not in canon
    ):
        opts.append("au_abn_tail")
    if canon.endswith(("LLC", "Inc.", "PLLC")):
        opts.append("us_ein_tail")
    opts.append("attn_ap_tail")
    if any(canon.endswith(" " + k) for k in LF_LOWER):
        opts.append("ops_typed_lowercase_legal_form")
    rng.shuffle(opts)
    k = 1 if rng.random() < 0.7 else 2
    chosen = []
    # prefer the specific classes over the generic tails
    pri = [
        o
        for o in opts
        if o not in ("attn_ap_tail", "au_abn_tail", "us_ein_tail", "ops_typed_lowercase_legal_form")
    ]
    gen = [o for o in opts if o not in pri]
    chosen = (pri[:1] if pri and rng.random() < 0.8 else []) + gen
    chosen = chosen[:k] if chosen else ["attn_ap_tail"]
    name = canon
    for cl in sorted(
        chosen,
        key=lambda x: ["ops_typed_lowercase_legal_form", "import_caps_cut_at_24"].count(x) * -1,
    ):
        name = apply_name_class(cl, name, c, rng, group_name)
    if name == canon:
        name = canon + ", Attn: Accounts Payable"
        chosen = ["attn_ap_tail"]
    return name, chosen


def apply_name_class(cl, name, c, rng, group_name):
    meta = c["meta"]
    if cl == "compass_word_abbrev":
        for a, b in COMPASS.items():
            name = re.sub(rf"\b{a}\b", b, name)
        return name
    if cl == "holdings_ops_abbrev":
        for a, b in HOLD.items():
            name = re.sub(rf"\b{a}\b", b, name)
        return name
    if cl == "location_suffix_to_prefix":
        loc, brand = meta["loc"], meta["brand"]
        return f"{loc} - {brand}"
    if cl == "pta_association_expanded":
        return name.replace(
            "PTA", rng.choice(["Parent Teacher Association", "Parents & Teachers Assoc."])
        )
    if cl == "saint_parish_form":
        return f"Parish of St {meta['saint']}"
    if cl == "qbo_sub_customer_colon":
        return f"{group_name}:{name}"
    if cl == "import_caps_cut_at_24":
        return name.upper()[:24].rstrip()
    if cl == "double_surname_hyphen_join":
        m = re.match(r"(\S+) (\S+) (.*)", name)
        fold = str.maketrans("áéíóúñÁÉÍÓÚÑ", "aeiounAEIOUN")
        return f"{m.group(1).translate(fold)}-{m.group(2).translate(fold)} {m.group(3)}"
    if cl == "cn_family_name_order_swap":
        m = re.match(r"(\S+) (\S+) (.*)", name)
        return f"{m.group(2)} {m.group(1)} {m.group(3)}"
    if cl == "au_abn_tail":
        return f"{name} {_abn(rng)}"
    if cl == "us_ein_tail":
        return f"{name} ({_ein(rng)})"
    if cl == "attn_ap_tail":
        return f"{name}, Attn: {rng.choice(['Accounts Payable', 'Accounts', 'AP Dept'])}"
    if cl == "ops_typed_lowercase_legal_form":
        for k, v in LF_LOWER.items():
            if name.endswith(" " + k):
                return name[: -len(k)] + v
        return name
    raise ValueError(cl)


def group_label(members):
    """the parent customer QuickBooks users put sub-customers under."""
    c = members[0]
    m, kind = c["meta"], c["kind"]
    if kind == "franchise":
        return f"{m['brand']} (Franchise Group)"
    if kind == "stores":
        return f"{m['brand']} HQ"
    if kind in ("dentist", "family", "offices"):
        return f"{m['surname']} Group"
    if kind == "school":
        return f"St {m['saint']}'s Catholic Community"
    if kind == "parent":
        return f"{m['place']} Group"
    return "Group"


def vendor_name(c, rng):
    """the tenant name on the vendor bill (the canonical name, sometimes with a vendor-side class)."""
    canon = c["canonical"]
    if "&" in canon and rng.random() < 0.5:
        return canon.replace("&", "&amp;"), ["html_escaped_ampersand"]
    if rng.random() < 0.1 and canon.endswith(("Pty Ltd", " LLC", " Ltd")):
        full = {
            "Pty Ltd": "Proprietary Limited",
            " LLC": " Limited Liability Company",
            " Ltd": " Limited",
        }
        for k, v in full.items():
            if canon.endswith(k):
                return canon[: -len(k)] + v, ["legal_form_written_in_full_on_tenant"]
    return canon, []
