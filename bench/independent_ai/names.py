"""Client names of set AI: legal names (vendor side, canonical) and the PSA's drifted names."""

from __future__ import annotations

FIRST = [
    "Ashdown",
    "Bramwell",
    "Calder",
    "Denholm",
    "Elmstead",
    "Fairlie",
    "Garrow",
    "Halvard",
    "Inchcape",
    "Jarrow",
    "Kestrel",
    "Larkspur",
    "Marlowe",
    "Northgate",
    "Oakhurst",
    "Pembury",
    "Quillon",
    "Redwater",
    "Stanway",
    "Tillbrook",
    "Umberleigh",
    "Vantor",
    "Westbury",
    "Yardley",
    "Zennor",
    "Alderney",
    "Brackley",
    "Carrick",
    "Dunmore",
    "Eskdale",
    "Fenwick",
    "Glenrock",
    "Hatherley",
    "Ivybridge",
    "Kilmory",
    "Lindfield",
    "Millbrook",
    "Netherby",
    "Orwell",
    "Pinecrest",
    "Ravensworth",
    "Saltash",
    "Thornbury",
    "Underhill",
    "Whitcombe",
    "Copperleaf",
    "Bluewater",
    "Silverbirch",
    "Harlow",
    "Hollis",
    "Ardent",
    "Beacon",
    "Cobalt",
    "Driftwood",
    "Emberly",
    "Foxglove",
    "Granite",
    "Heron",
    "Ironside",
    "Juniper",
    "Keystone",
    "Lantern",
    "Meridian",
    "Nimbus",
    "Onyx",
    "Prospect",
    "Quarry",
    "Ridgeline",
    "Summit",
    "Tidewater",
    "Upland",
    "Vireo",
    "Wren",
    "Yew",
    "Zephyr",
]
TRADE = [
    "Dental Care",
    "Architects",
    "Accountancy",
    "Engineering",
    "Logistics",
    "Veterinary",
    "Legal",
    "Property",
    "Builders",
    "Pharmacy",
    "Surveyors",
    "Physiotherapy",
    "Joinery",
    "Optometry",
    "Marketing",
    "Recruitment",
    "Insurance Brokers",
    "Landscaping",
    "Bakery",
    "Print Works",
    "Electrical",
    "Plumbing",
    "Consulting",
    "Studios",
    "Hospitality",
    "Freight",
    "Foods",
    "Analytics",
    "Design",
    "Medical Practice",
    "Motors",
    "Tools",
    "Family Law",
    "Wealth",
    "Clinic",
    "Brewing",
]
SUFFIX = ["Ltd", "Limited", "LLC", "Inc.", "Pty Ltd", "Corp.", "LLP", "Ltd", "Inc.", "Pty Ltd"]
CONTACTS = [
    "J Smith",
    "A Patel",
    "M O'Neill",
    "S Kowalski",
    "R Chen",
    "L Martin",
    "D Evans",
    "K Nguyen",
    "P Okafor",
    "H Larsen",
]
NEW_BRANDS = [
    "Brightline",
    "Northstar",
    "Bluepeak",
    "Clearwater",
    "Evergreen",
    "Forge",
    "Horizon",
    "Lumen",
    "Pathway",
    "Sterling",
    "Trueform",
    "Vista",
]

# every client-name class of the PSA side (on all of that client's PSA rows)
CCLASSES = [
    "rename_this_month_psa_behind",  # vendor: new name; PSA: old name + "(now <new>)"
    "rename_this_month_vendor_behind",  # vendor: old name; PSA: new name + "(prev. <old>)"
    "acquired_billed_under_parent",  # PSA: "<Parent> : <acquired>" (vendor: acquired's own tenant)
    "rebrand_trading_name_first",  # PSA: "<new brand> – <legal core>" without suffix
    "reregistered_entity_number",  # vendor "(2026) Ltd"; PSA old suffix + company number
    "account_code_dash_lead",  # "ASHD01 – Ashdown Dental Care"
    "attn_contact_in_name",  # "Ashdown Dental Care Ltd (attn: J Smith)"
]
# siblings (never merge); on both siblings' rows
SIBLING_CLASSES = [
    "sibling_parent_and_subsidiary",  # "Hollis Foods Group" vs "Hollis Foods Distribution"
    "sibling_same_owner_entities",  # "Marlowe Dental Care" vs "Marlowe Orthodontics"
    "sibling_old_and_new_entity",  # "Kestrel Engineering Ltd" vs "Kestrel Engineering (2026) Ltd"
]


def core_of(legal: str) -> str:
    for s in sorted(set(SUFFIX), key=len, reverse=True):
        if legal.endswith(" " + s):
            return legal[: -len(s) - 1]
    return legal


def account_code(core: str, n: int) -> str:
    letters = "".join(ch for ch in core.upper() if ch.isalpha())[:4]
    return f"{letters}{n:02d}"


def make_clients(rng, n):
    """Return list of dicts: id, canonical (vendor legal name), vendor_name, psa_name, cclasses,
    domain. Numbers here depend on rng only."""
    used = set()
    out = []

    def fresh():
        while True:
            core = f"{rng.choice(FIRST)} {rng.choice(TRADE)}"
            if core not in used and core.split()[0] not in {c.split()[0] for c in used if False}:
                used.add(core)
                return core

    i = 0
    while len(out) < n:
        r = rng.random()
        if r < 0.06 and len(out) + 2 <= n:
            # sibling pair
            kind = rng.choice(SIBLING_CLASSES)
            first = rng.choice(FIRST)
            while any(c.startswith(first + " ") for c in used):
                first = rng.choice(FIRST)
            suf = rng.choice(SUFFIX)
            if kind == "sibling_parent_and_subsidiary":
                t = rng.choice(["Foods", "Logistics", "Engineering", "Property"])
                a, b = f"{first} {t} Group {suf}", f"{first} {t} Distribution {suf}"
            elif kind == "sibling_same_owner_entities":
                a, b = rng.choice(
                    [
                        (f"{first} Dental Care {suf}", f"{first} Orthodontics {suf}"),
                        (f"{first} Wealth {suf}", f"{first} Insurance Brokers {suf}"),
                        (f"{first} Motors {suf}", f"{first} Motors Leasing {suf}"),
                    ]
                )
            else:
                t = rng.choice(["Engineering", "Builders", "Consulting", "Freight"])
                a, b = f"{first} {t} {suf}", f"{first} {t} (2026) {suf}"
            for nm in (a, b):
                used.add(core_of(nm))
                i += 1
                out.append(
                    {
                        "id": i,
                        "canonical": nm,
                        "vendor_name": nm,
                        "psa_name": nm,
                        "cclasses": [kind],
                        "sibling": True,
                    }
                )
            continue
        core = fresh()
        nm = f"{core} {rng.choice(SUFFIX)}"
        i += 1
        out.append(
            {
                "id": i,
                "canonical": nm,
                "vendor_name": nm,
                "psa_name": nm,
                "cclasses": [],
                "sibling": False,
            }
        )
    for c in out:
        dom = "".join(ch for ch in core_of(c["canonical"]).lower() if ch.isalnum())[:22]
        c["domain"] = f"{dom}{c['id'] % 7 if c['sibling'] else ''}.onmicrosoft.com"
    return out


def drift_names(rng, clients, perturb):
    """Assign PSA-side name drift (and the vendor-side old name for renames)."""
    cores = {core_of(c["canonical"]) for c in clients}
    for c in clients:
        c["cclass_planned"] = None
        if c["sibling"]:
            continue
        r = rng.random()
        if r < 0.42:
            c["cclass_planned"] = CCLASSES[int(rng.random() * len(CCLASSES))]
        c["rng_pick"] = (
            rng.choice(NEW_BRANDS),
            rng.choice(CONTACTS),
            rng.randint(10000000, 15999999),
            rng.choice(["Group", "Holdings", "Partners"]),
            rng.choice(FIRST),
        )
    for c in clients:
        k = c["cclass_planned"]
        if not k:
            continue
        brand, contact, num, ptail, pfirst = c["rng_pick"]
        legal = c["canonical"]
        core = core_of(legal)
        suf = legal[len(core) + 1 :]
        # the vendor name is the canonical name except where the vendor is behind a rename
        if k == "rename_this_month_psa_behind":
            old = f"{pfirst} {core.split(' ', 1)[1]} {suf}"
            if core_of(old) in cores or old == legal:
                old = f"{core} & Co {suf}"
            cores.add(core_of(old))
            psa = f"{old} (now {core})"
        elif k == "rename_this_month_vendor_behind":
            old = f"{pfirst} {core.split(' ', 1)[1]} {suf}"
            if core_of(old) in cores or old == legal:
                old = f"{core} & Co {suf}"
            cores.add(core_of(old))
            c["vendor_name"] = old
            c["canonical"] = old
            psa = f"{core} {suf} (prev. {core_of(old)})"
        elif k == "acquired_billed_under_parent":
            psa = f"{pfirst} {ptail} : {core}"
        elif k == "rebrand_trading_name_first":
            psa = f"{brand} {core.split(' ', 1)[1]} – {core}"
        elif k == "reregistered_entity_number":
            newleg = f"{core} (2026) {suf}"
            c["vendor_name"] = newleg
            c["canonical"] = newleg
            alt = {
                "Ltd": "Limited",
                "Limited": "Ltd",
                "Inc.": "Incorporated",
                "LLC": "L.L.C.",
                "Pty Ltd": "Pty Limited",
                "Corp.": "Corporation",
                "LLP": "L.L.P.",
            }[suf]
            psa = f"{core} {alt} Co. No. {num}"
        elif k == "account_code_dash_lead":
            psa = f"{account_code(core, c['id'] % 97)} – {core}"
        else:
            psa = f"{legal} (attn: {contact})"
        if perturb:
            c["psa_name"] = psa
            c["cclasses"] = [k]
        else:
            c["psa_name"] = c["canonical"]
            c["cclasses"] = []
    for c in clients:
        if c["sibling"]:
            c["psa_name"] = c["canonical"]
