"""Client names of set AB and the client-name classes (PSA side)."""

from __future__ import annotations

PLAIN = [
    "Harbour",
    "Kestrel",
    "Bramble",
    "Ashford",
    "Pinnacle",
    "Copperleaf",
    "Bluegum",
    "Redwood",
    "Summit",
    "Meridian",
    "Ironbark",
    "Lakeside",
    "Northgate",
    "Westbrook",
    "Silverline",
    "Oakridge",
    "Fernhill",
    "Stonebridge",
    "Clearwater",
    "Highfield",
    "Juniper",
    "Marlow",
    "Thornbury",
    "Wattle",
    "Beacon",
    "Cobalt",
    "Driftwood",
    "Evergreen",
    "Foxglove",
    "Granite",
    "Hawthorn",
    "Kingfisher",
    "Larkspur",
    "Millbrook",
    "Nightingale",
    "Orchard",
    "Peregrine",
    "Quarry",
    "Riverside",
    "Saltbush",
    "Tamarind",
    "Upland",
    "Valley",
    "Willow",
    "Yarrow",
    "Zephyr",
    "Bellbird",
    "Cedar",
    "Dunmore",
    "Elmstead",
    "Fairweather",
    "Glenrock",
    "Holloway",
    "Ivory",
    "Jarrah",
    "Kingsway",
    "Lumen",
    "Moreton",
    "Newhaven",
    "Osprey",
]
SURN = [
    "Patel",
    "Nguyen",
    "Whitfield",
    "Harrington",
    "Okafor",
    "Lindqvist",
    "Brennan",
    "Castellano",
    "Fitzgerald",
    "Sato",
    "Haddad",
    "Kowalski",
    "Moreau",
    "Tanaka",
    "Abernethy",
    "Pemberton",
    "Rasmussen",
    "Delacroix",
    "Ferreira",
    "Gallagher",
]
MC = ["McAllister", "MacGregor", "McKenzie", "MacLeod", "McIntyre", "MacPherson"]
OAP = ["O'Sullivan", "O'Brien", "O'Donnell", "O'Connor", "O'Keefe"]
NL = ["van der Berg", "van den Heuvel", "de Vries", "van Dijk", "ter Horst"]
ES = ["García López", "Ruiz Ortega", "Martínez Soler", "Fernández Vidal", "Navarro Gil"]
TR = [
    ("Konstantinidis", "Konstantinides"),
    ("Papadopoulos", "Papadopulos"),
    ("Chaikovsky", "Tchaikovsky"),
    ("Dmitriev", "Dmitriyev"),
    ("Yitzhaki", "Itzhaki"),
    ("Shapiro", "Shapira"),
    ("Kovalenko", "Kowalenko"),
    ("Giorgiou", "Yiorgiou"),
]
TRADE = [
    "Plumbing",
    "Dental",
    "Accounting",
    "Legal",
    "Logistics",
    "Engineering",
    "Architects",
    "Physiotherapy",
    "Veterinary Clinic",
    "Realty",
    "Electrical",
    "Landscaping",
    "Bakery",
    "Pharmacy",
    "Motors",
    "Joinery",
    "Medical Centre",
    "Consulting",
    "Freight",
    "Optometrists",
    "Insurance Brokers",
    "Surveyors",
    "Roofing",
    "Recruitment",
    "Print",
    "Catering",
    "Builders",
    "Financial Planning",
    "Hospitality",
    "Wealth Advisers",
]
LEGAL = [
    "Ltd",
    "Pty Ltd",
    "LLC",
    "Inc.",
    "Limited",
    "Ltd",
    "Pty Ltd",
    "LLC",
    "GmbH",
    "B.V.",
    "S.L.",
    "Corp.",
]
GROUP_KINDS = [
    ("{s} Dental Group {l}", "{s} Dental Lab {l}"),
    ("{s} Holdings {l}", "{s} Properties {l}", "{s} Operations {l}"),
    ("{s} Group {l}", "{s} Logistics {l}"),
    ("{s} Coffee #{n1}", "{s} Coffee #{n2}", "{s} Coffee #{n3}"),
    ("{s} Medical Centre North {l}", "{s} Medical Centre South {l}"),
    ("{s} Family Trust", "{s} Family Investments {l}"),
    ("{s} Hardware Store {n1}", "{s} Hardware Store {n2}"),
]
PARTNERS = ["Lowe", "Hart", "Keane", "Price", "Doyle", "Reeve"]
GROUPS_OF = [
    "Harbour Group",
    "Apex Partners",
    "Bayside Holdings",
    "Crestline Group",
    "Unity Health Group",
]
LOCALITY = [
    "Parramatta NSW 2150",
    "Fremantle WA 6160",
    "Leeds LS1 4DY",
    "Christchurch 8011",
    "Austin TX 78701",
    "Galway H91",
    "Brisbane QLD 4000",
    "Bristol BS1 5TR",
]
MANAGERS = ["Priya", "Tom", "Ana", "Marcus", "Sione", "Helen"]

CYR = {"o": "\u043e", "e": "\u0435", "a": "\u0430", "c": "\u0441", "p": "\u0440"}


def homoglyph(text, rng, k=2):
    idx = [i for i, ch in enumerate(text) if ch in CYR]
    rng.shuffle(idx)
    chars = list(text)
    for i in idx[:k]:
        chars[i] = CYR[chars[i]]
    return "".join(chars)


def strip_legal(name):
    for lf in sorted(set(LEGAL), key=len, reverse=True):
        if name.endswith(" " + lf):
            return name[: -len(lf) - 1], lf
    return name, ""


def client_name_variant(c, rng, taken_acronyms):
    """(PSA name, classes) for one client; c carries canonical, stem, kind, legal."""
    name = c["canonical"]
    core, lf = strip_legal(name)
    opts = []
    k = c["kind"]
    if k == "mc":
        s = c["stem"]
        cut = 2 if s.startswith("Mc") else 3
        opts.append(
            (
                "mc_mac_spacing_case",
                name.replace(s, rng.choice([s[:cut] + " " + s[cut:], s.capitalize()])),
            )
        )
    if k == "oap":
        s = c["stem"]
        opts.append(
            (
                "irish_o_apostrophe_variant",
                name.replace(
                    s,
                    rng.choice([s.replace("'", ""), s.replace("'", " "), s.replace("'", "\u2019")]),
                ),
            )
        )
    if k == "nl":
        s = c["stem"]
        parts = s.split(" ")
        particle, last = " ".join(parts[:-1]), parts[-1]
        rest = core[len(s) :].strip()
        if rng.random() < 0.5:
            opts.append(
                ("nl_tussenvoegsel_sorted", f"{last} {rest}, {particle}" + (f" {lf}" if lf else ""))
            )
        else:
            opts.append(
                (
                    "nl_tussenvoegsel_sorted",
                    name.replace(s, " ".join(w.capitalize() for w in parts)),
                )
            )
    if k == "es":
        s = c["stem"]
        opts.append(("es_second_surname_dropped", name.replace(s, s.split(" ")[0])))
    if k == "tr":
        opts.append(("translit_surname_variant", name.replace(c["stem"], c["alt"])))
    if not c.get("group"):
        words = [w for w in core.split() if w[:1].isalpha()]
        if len(words) >= 3:
            acr = "".join(w[0].upper() for w in words)
            if acr not in taken_acronyms and rng.random() < 0.25:
                taken_acronyms.add(acr)
                opts.append(("acronym_only_client", acr))
        opts.append(("formerly_paren_tail", f"{name} (formerly {rng.choice(PLAIN)} {c['trade']})"))
        opts.append(("now_part_of_group_tail", f"{name} - now part of {rng.choice(GROUPS_OF)}"))
        first = core.split()[0]
        if first not in ("The",):
            opts.append(
                (
                    "merger_label_ampersand",
                    f"{first} & {rng.choice(PARTNERS)} {' '.join(core.split()[1:])} (merged)",
                )
            )
        opts.append(
            (
                "contact_person_dash_company",
                f"{rng.choice(['John', 'Mele', 'Grace', 'Arjun', 'Fiona'])} "
                f"{rng.choice(['Reid', 'Tau', 'Walsh', 'Iyer', 'Burke'])} - {core}",
            )
        )
    opts.append(
        (
            "care_of_accountant_tail",
            f"{name} c/o {rng.choice(['Bright', 'Ledger', 'Tally'])} Accountants",
        )
    )
    opts.append(("po_box_tail", f"{name}, PO Box {rng.randint(100, 9999)}"))
    opts.append(
        (
            "uk_vat_reg_tail",
            f"{name} VAT Reg GB {rng.randint(100, 999)} {rng.randint(1000, 9999)} "
            f"{rng.randint(10, 99)}",
        )
    )
    opts.append(
        (
            "eu_vat_id_tail",
            f"{name} (USt-IdNr. DE{rng.randint(100000000, 999999999)})"
            if lf == "GmbH"
            else f"{name} (VAT {rng.choice(['IE', 'NL', 'ES'])}{rng.randint(1000000, 9999999)})",
        )
    )
    opts.append(("trading_as_slash", f"{core} Holdings {lf} t/a {core}".replace("  ", " ")))
    opts.append(("account_manager_tag", f"{name} (AM: {rng.choice(MANAGERS)})"))
    opts.append(("postal_locality_tail", f"{name} - {rng.choice(LOCALITY)}"))
    opts.append(("cyrillic_homoglyph_client", homoglyph(name, rng)))
    opts.append(("accounts_dept_suffix", f"{name} - Accounts Payable Dept"))
    if core.startswith("The "):
        opts.append(("the_article_suffixed", f"{core[4:]}, The" + (f" {lf}" if lf else "")))
    # special kinds are used when there, else one of the ordinary ones
    special = [
        o
        for o in opts
        if o[0]
        in (
            "mc_mac_spacing_case",
            "irish_o_apostrophe_variant",
            "nl_tussenvoegsel_sorted",
            "es_second_surname_dropped",
            "translit_surname_variant",
            "the_article_suffixed",
        )
    ]
    if special and rng.random() < 0.85:
        return special[0][1], [special[0][0]]
    if c.get("group"):
        opts = [o for o in opts if o[0] not in ("trading_as_slash",)]
    cls, val = rng.choice(opts)
    return val, [cls]
