"""The case: clients, their baskets, the lines on both sides, perturbations and the truth."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .catalog import (
    ADDONS,
    BY_NAME,
    FREE_PRODUCTS,
    GENERIC_DESCRIPTIONS,
    PRODUCTS,
    SERVICES,
    SUITES,
    THIRD,
)

D = Decimal
CENT = D("0.01")


def money(x: Decimal | Fraction) -> Decimal:
    if isinstance(x, Fraction):
        x = D(x.numerator) / D(x.denominator)
    return D(x).quantize(CENT, rounding=ROUND_HALF_UP)


# ----------------------------------------------------------------------------- clients
LEGAL = {
    "US": ["Inc.", "LLC", "Corp.", "Co."],
    "UK": ["Ltd", "Limited", "LLP"],
    "DE": ["GmbH", "AG", "GmbH & Co. KG"],
    "NO": ["AS"],
    "DK": ["ApS", "A/S"],
    "SE": ["AB"],
    "NL": ["B.V."],
    "FR": ["SAS", "SARL"],
    "AU": ["Pty Ltd"],
    "CA": ["Inc.", "Ltd."],
    "IE": ["Limited", "DAC"],
}
STEMS = {
    "US": [
        "Harbor",
        "Redwood",
        "Granite",
        "Alder",
        "Birchwood",
        "Cobalt",
        "Meridian",
        "Summit",
        "Lakeside",
        "Prairie",
        "Oakridge",
        "Bluewater",
        "Ironbridge",
        "Copperleaf",
        "Westgate",
        "Hollis",
        "Brennan",
        "Castellano",
        "Okafor",
        "Nakamura",
        "Nguyen",
        "Patel",
        "McAllister",
        "Delgado",
        "Whitfield",
        "Sandoval",
        "Pinecrest",
        "Riverbend",
        "Stonegate",
        "Tallgrass",
        "Juniper",
        "Kowalski",
        "Abernathy",
        "Fairbanks",
    ],
    "UK": [
        "Ashford",
        "Kingsley",
        "Whitmore",
        "Thornbury",
        "Pennington",
        "Marlow",
        "Fenwick",
        "Cotswold",
        "Aldridge",
        "Hartley",
        "Wexford",
        "Beaumont",
        "Carlisle",
        "Saxby",
    ],
    "DE": [
        "Müller",
        "Strauß",
        "Weißenfels",
        "Köhler",
        "Brückner",
        "Schäfer",
        "Großmann",
        "Hoffmann",
    ],
    "NO": ["Bjørnstad", "Sørlie", "Nygård", "Åsheim", "Løvås"],
    "DK": ["Søndergaard", "Ærøskøbing", "Bækgaard", "Kjær"],
    "SE": ["Lindqvist", "Åkesson", "Sjöberg", "Öhman"],
    "NL": ["Van der Berg", "De Vries", "Jansen"],
    "FR": ["Lefèvre", "Dubois", "Bénard"],
    "AU": ["Wattle", "Banksia", "Coolabah", "Kookaburra", "Bondi"],
    "CA": ["Laurentian", "Tremblay", "Gagnon", "Maple Leaf"],
    "IE": ["O'Connor", "Brennan", "Shannon"],
}
INDUSTRY = {
    "US": [
        "Dental Group",
        "Family Medicine",
        "Property Management",
        "Engineering Services",
        "Logistics",
        "Accounting Associates",
        "Veterinary Clinic",
        "Construction",
        "Architects",
        "Realty",
        "Insurance Brokers",
        "Marketing",
        "Plumbing & Heating",
        "Manufacturing",
        "Auto Repair",
        "Freight",
        "Consulting",
        "Law Partners",
        "Physical Therapy",
        "Title Company",
        "Builders",
        "Orthodontics",
    ],
    "UK": [
        "Solicitors",
        "Estate Agents",
        "Accountants",
        "Surveyors",
        "Dental Practice",
        "Property Management",
        "Engineering",
        "Haulage",
        "Architects",
        "Consulting",
    ],
    "DE": [
        "Steuerberatung",
        "Zahnarztpraxis",
        "Bau",
        "Immobilienverwaltung",
        "Maschinenbau",
        "Logistik",
    ],
    "NO": ["Rørlegger", "Regnskap", "Tannklinikk", "Eiendom", "Bygg"],
    "DK": ["Tandklinik", "Revision", "Ejendomme", "Tømrer"],
    "SE": ["Bygg", "Redovisning", "Tandvård", "Fastigheter"],
    "NL": ["Installatietechniek", "Accountants", "Makelaardij"],
    "FR": ["Expertise Comptable", "Architectes", "Immobilier"],
    "AU": ["Dental", "Accounting", "Property Group", "Legal", "Engineering", "Plumbing"],
    "CA": ["Dental Centre", "Accounting", "Engineering", "Construction", "Legal Services"],
    "IE": ["Solicitors", "Accountancy", "Engineering", "Pharmacy"],
}
COUNTRY_W = [
    ("US", 40),
    ("UK", 16),
    ("DE", 6),
    ("NO", 4),
    ("DK", 4),
    ("SE", 3),
    ("NL", 3),
    ("FR", 3),
    ("AU", 8),
    ("CA", 7),
    ("IE", 4),
]
DBA_NAMES = [
    "Sunset Car Wash",
    "Blue Door Bakery",
    "The Green Spoon",
    "Pete's Auto Body",
    "Corner Pharmacy",
    "Lakeview Inn",
    "Bright Smiles Kids Dentistry",
    "Fixit Hardware",
    "Northside Fitness",
    "Harbour Lights Café",
    "Pawsitive Pet Care",
    "Crumbs & Co",
]
CHAINS = [
    "Sunrise Market",
    "Quickstop Fuel",
    "Bella Pizza",
    "Green Valley Pharmacy",
    "Metro Cleaners",
]
GENERIC_WORDS = {"Group", "Associates", "Services", "Company", "Partners", "Holdings"}


@dataclass
class Client:
    name: str  # canonical (the vendor's legal / tenant name)
    country: str
    stem: str
    legal: str
    body: str  # name without legal form
    domain: str
    dba: str = ""
    store: int = 0
    protected: bool = False  # sibling / near-twin / numbered: discriminating words kept
    psa_name: str = ""
    classes: list[str] = field(default_factory=list)
    side: str = "both"  # both | vendor | psa
    tenants: int = 1


def _fold(s: str) -> str:
    s = s.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE")
    s = s.replace("ß", "ss").replace("å", "aa").replace("Å", "AA")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def make_clients(rng: random.Random, n: int) -> list[Client]:
    out: list[Client] = []
    used: set[str] = set()

    def add(body: str, country: str, stem: str, legal: str, **kw) -> Client | None:
        name = f"{body} {legal}".strip()
        if name.lower() in used:
            return None
        used.add(name.lower())
        dom = "".join(ch for ch in _fold(body).lower() if ch.isalnum())[:20]
        c = Client(name, country, stem, legal, body, f"{dom}.onmicrosoft.com", **kw)
        out.append(c)
        return c

    countries = [c for c, _ in COUNTRY_W]
    weights = [w for _, w in COUNTRY_W]
    # families first: siblings, near-twins, numbered stores
    n_fam = max(3, n // 25)
    for i in range(n_fam):
        stem = rng.choice(STEMS["US"] + STEMS["UK"])
        ctry = "US" if stem in STEMS["US"] else "UK"
        legal = rng.choice(LEGAL[ctry])
        kind = i % 3
        if kind == 0:  # siblings
            a, b = rng.sample(
                [
                    ("Dental Group", "Dental Lab"),
                    ("Law Group", "Law Partners"),
                    ("Property Management", "Property Maintenance"),
                    ("Family Medicine", "Family Dentistry"),
                    ("Engineering", "Engineering Services"),
                ],
                1,
            )[0]
            add(f"{stem} {a}", ctry, stem, legal, protected=True)
            add(f"{stem} {b}", ctry, stem, legal, protected=True)
        elif kind == 1:  # near twins
            add(f"{stem} Logistics", ctry, stem, legal, protected=True)
            add(f"{stem} Logistic Solutions", ctry, stem, legal, protected=True)
        else:  # numbered stores of a chain
            chain = CHAINS[i % len(CHAINS)]
            for s in rng.sample([3, 7, 9, 12, 15, 21, 31], 3):
                add(f"{chain} Store {s}", "US", chain, "LLC", store=s, protected=True)
    while len(out) < n:
        ctry = rng.choices(countries, weights)[0]
        stem = rng.choice(STEMS[ctry])
        ind = rng.choice(INDUSTRY[ctry])
        legal = rng.choice(LEGAL[ctry])
        c = add(f"{stem} {ind}", ctry, stem, legal)
        if c is not None and rng.random() < 0.07:
            c.dba = rng.choice(DBA_NAMES)
    out = out[:n]
    rng.shuffle(out)
    for c in out:
        r = rng.random()
        c.side = "vendor" if r < 0.03 else "psa" if r < 0.06 else "both"
        if rng.random() < 0.04 and c.side != "psa":
            c.tenants = 2
    out.sort(key=lambda c: _fold(c.name).lower())
    return out


# ----------------------------------------------------------------------------- client-name perturbations
SUFFIX_TYPO = {
    "Inc.": ["Icn.", "Inc,", "Imc."],
    "LLC": ["LCC", "L.C.C."],
    "Corp.": ["Copr.", "Crop."],
    "Co.": ["Co,"],
    "Ltd": ["Ldt", "Lt d"],
    "Limited": ["Limietd", "Limted", "Limitd"],
    "LLP": ["LPP"],
    "GmbH": ["GmbG", "Gmbh.", "GmBH"],
    "AG": ["A.G"],
    "GmbH & Co. KG": ["GmbH & Co KG", "GmbH u. Co. KG"],
    "AS": ["A.S", "AS."],
    "ApS": ["Aps.", "APs"],
    "A/S": ["A/S.", "AS"],
    "AB": ["A.B."],
    "B.V.": ["BV.", "B.V"],
    "SAS": ["S.A.S"],
    "SARL": ["S.A.R.L"],
    "Pty Ltd": ["Pty Ldt", "Pyt Ltd", "PTY. LTD"],
    "Ltd.": ["Ltd,"],
    "DAC": ["D.A.C"],
}
SUFFIX_EXPAND = {
    "Inc.": "Incorporated",
    "LLC": "Limited Liability Company",
    "Corp.": "Corporation",
    "Co.": "Company",
    "Ltd": "Limited",
    "Limited": "Ltd.",
    "Pty Ltd": "Proprietary Limited",
    "Ltd.": "Limited",
    "GmbH": "Gesellschaft mbH",
    "AS": "Aksjeselskap",
    "B.V.": "Besloten Vennootschap",
    "LLP": "L.L.P.",
    "AB": "Aktiebolag",
}
WORD_ABBR = {
    "Management": ["Mgmt", "Mngmt", "Mgt"],
    "Services": ["Svcs", "Srvcs", "Scvs"],
    "Associates": ["Assoc.", "Assocs", "Asscs"],
    "Engineering": ["Eng.", "Engg", "Engr"],
    "Accounting": ["Acctg", "Accntg"],
    "Construction": ["Constr.", "Constrn"],
    "Insurance": ["Ins.", "Insur"],
    "Property": ["Prop.", "Ppty"],
    "Physical Therapy": ["PT"],
    "Family": ["Fam."],
    "Manufacturing": ["Mfg", "Mfg."],
    "Consulting": ["Consult.", "Cnsltg"],
    "Logistics": ["Logistcs"],
    "Veterinary": ["Vet", "Vet."],
    "Brokers": ["Brkrs"],
    "Solicitors": ["Solrs"],
    "Accountants": ["Accts"],
    "Dental": ["Dntl"],
    "& ": ["and "],
}
BRANCHES = [
    " - Downtown",
    " (Main Office)",
    " - HQ",
    " - Head Office",
    " (Billing)",
    " - Site 1",
    " / Accounts Payable",
]


def _typo_word(rng: random.Random, w: str) -> str:
    if len(w) < 4:
        return w
    i = rng.randrange(1, len(w) - 2)
    op = rng.randrange(3)
    if op == 0:
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    if op == 1:
        return w[:i] + w[i + 1 :]
    return w[:i] + w[i] + w[i:]


def perturb_client(rng: random.Random, c: Client, taken: set[str]) -> tuple[str, list[str]]:
    """One PSA spelling of a client; never the exact name of another client.

    Each applied class must visibly change the name, else it is not recorded."""
    for _ in range(30):
        opts = [
            "legal_suffix_typo",
            "legal_suffix_expand",
            "legal_suffix_drop",
            "case_punct",
            "word_abbrev",
            "typo",
            "branch_suffix",
            "contact_appended",
        ]
        if any(ch in c.name for ch in "øæåßäöüéèÅØÆÖÜ"):
            opts += ["accents"] * 4
        if c.store:
            opts = ["store_number"] * 4 + ["case_punct", "legal_suffix_drop"]
        if not c.protected and any(c.body.endswith(" " + g) for g in GENERIC_WORDS):
            opts += ["generic_word_dropped"] * 2
        if not c.protected and len(c.body.split()) >= 3:
            opts += ["acronym"]
        if c.dba and rng.random() < 0.75:
            chosen = ["dba"]
        else:
            chosen = rng.sample(opts, 1 if rng.random() < 0.6 else 2)
            chosen = list(dict.fromkeys(chosen))
            chosen.sort(key=lambda o: o not in ("store_number", "acronym", "generic_word_dropped"))
        body, legal, post = c.body, c.legal, ""
        classes: list[str] = []
        dba_name = None
        for o in chosen:
            before = (body, legal, post)
            if o == "legal_suffix_typo" and legal in SUFFIX_TYPO:
                legal = rng.choice(SUFFIX_TYPO[legal])
            elif o == "legal_suffix_expand" and legal in SUFFIX_EXPAND:
                legal = SUFFIX_EXPAND[legal]
            elif o == "legal_suffix_drop":
                legal = ""
            elif o == "word_abbrev":
                keys = [k2 for k2 in WORD_ABBR if k2 in body]
                if c.protected:
                    keys = [
                        k2
                        for k2 in keys
                        if k2
                        not in (
                            "Logistics",
                            "Dental",
                            "Family",
                            "Engineering",
                            "Property",
                            "Management",
                            "Services",
                        )
                    ]
                if keys:
                    k2 = rng.choice(keys)
                    body = body.replace(k2, rng.choice(WORD_ABBR[k2]), 1)
            elif o == "typo":
                ws = body.split(" ")
                idx = [
                    i
                    for i, w in enumerate(ws)
                    if len(w) >= 5 and w.isalpha() and not (c.protected and i > 0)
                ]
                if idx:
                    i = rng.choice(idx)
                    ws[i] = _typo_word(rng, ws[i])
                    body = " ".join(ws)
            elif o == "branch_suffix":
                post += rng.choice(BRANCHES)
            elif o == "contact_appended":
                post += rng.choice([" (attn: Accounts)", " - c/o J. Smith", " [AP dept]"])
            elif o == "store_number":
                n = c.store
                pre = body[: body.rindex(" Store ")]
                body = rng.choice(
                    [
                        f"{pre} #{n}",
                        f"{pre} No. {n}",
                        f"{pre} Store #{n:03d}",
                        f"{pre} - Store {n}",
                        f"{pre} St. {n}",
                        f"{pre} ({n})",
                    ]
                )
            elif o == "accents":
                body, legal = _fold(body), _fold(legal)
            elif o == "generic_word_dropped":
                body = body.rsplit(" ", 1)[0]
            elif o == "acronym":
                ws = [w for w in body.split() if w[0].isalpha()]
                body = "".join(w[0].upper() for w in ws[:-1]) + " " + ws[-1]
            elif o == "case_punct":
                r = rng.randrange(3)
                if r == 2 and not any(ch in body + legal for ch in "&.'"):
                    r = rng.randrange(2)
                if r == 0:
                    body, legal = body.upper(), legal.upper()
                elif r == 1:
                    body, legal = body.lower(), legal.lower()
                else:
                    body = body.replace(" & ", " and ").replace("'", "").replace(".", "")
                    legal = legal.replace(".", "").replace(",", "")
            elif o == "dba":
                style = rng.randrange(4)
                dba_name = [
                    c.dba,
                    f"{c.dba} ({c.body})",
                    f"{c.body} {c.legal} DBA {c.dba}",
                    f"{c.body} t/a {c.dba}",
                ][style]
            if o == "dba" or (body, legal, post) != before:
                classes.append(o)
        name = dba_name or f"{body} {legal}".strip() + post
        name = " ".join(name.split())
        if classes and name != c.name and name.lower() not in taken:
            return name, sorted(set(classes))
    return c.name, []


# ----------------------------------------------------------------------------- product-description perturbations
BILLING_WORDS = [
    " - per user",
    " Monthly Subscription",
    " Licence",
    " License",
    " (per seat)",
    " - NCE",
    " - monthly",
    " user/month",
    " Subscription",
    " seats",
    " (annual commitment)",
]
DESC_CLASSES = [
    "typo",
    "abbreviation",
    "abbrev_typo",
    "brand_dropped",
    "billing_words",
    "bare_plan",
    "renamed",
    "inhouse",
    "sku",
    "truncated",
    "price_in_desc",
    "date_in_desc",
    "case_punct",
    "word_order",
    "qty_in_desc",
    "glued",
    "localized",
    "unicode_noise",
    "vendor_tag",
    "ticket_ref",
]
LOCALIZED = [
    " Lizenz (monatlich)",
    " licens pr. bruger",
    " lisens per bruker",
    " licence mensuelle",
    " licencia mensual",
]


def _catalog_conflict(text: str, prod: str) -> bool:
    t = text.lower().strip()
    return any(p.name.lower() == t for p in PRODUCTS if p.name != prod)


# Partner Center catalog ids confirmed by exports.md; other ids in catalog.py are only used on the
# vendor side, never typed into a PSA description (the Graph String_Ids come from Microsoft's table).
KNOWN_PC = {
    "CFQ7TTC0LH18",
    "CFQ7TTC0LDPB",
    "CFQ7TTC0LCHC",
    "CFQ7TTC0LFLX",
    "CFQ7TTC0LFLZ",
    "CFQ7TTC0LF8Q",
    "CFQ7TTC0LH16",
    "CFQ7TTC0LH0J",
    "CFQ7TTC0MM8R",
}


def _sku_choices(p) -> list[str]:
    out = []
    if (
        p.pc_id
        and p.pc_id.split(":")[0] in KNOWN_PC
        and not p.name.endswith(("(no Teams)", "EEA (no Teams)"))
    ):
        out += [p.pc_id.split(":")[0], p.pc_id]
    if p.string_id:
        out.append(p.string_id)
    out += list(p.sku_words)
    return out


def perturb_desc(
    rng: random.Random, prod: str, basket: list[str], currency_sym: str, unit: Decimal, qty: int
) -> tuple[str, list[str]]:
    p = BY_NAME[prod]
    fams = [BY_NAME[b].family for b in basket if b != prod]
    kinds = [BY_NAME[b].kind for b in basket if b != prod]
    opts: list[str] = [
        "typo",
        "billing_words",
        "case_punct",
        "price_in_desc",
        "date_in_desc",
        "qty_in_desc",
        "unicode_noise",
        "ticket_ref",
        "word_order",
    ]
    if p.abbrevs:
        opts += ["abbreviation"] * 3
    if p.abbrev_typos:
        opts += ["abbrev_typo"]
    if p.brandless:
        opts += ["brand_dropped"] * 2
    others = " ".join(b for b in basket if b != prod).lower().split()
    if (
        p.bare
        and p.family not in fams
        and not any(
            w.lower() in others
            for bb in p.bare
            for w in bb.split()
            if w.lower() not in ("business", "plan", "for")
        )
    ):
        opts += ["bare_plan"] * 2
    if p.renamed:
        opts += ["renamed"] * 3
    if p.inhouse and p.kind not in kinds:
        opts += ["inhouse"] * 3
    sku_choices = _sku_choices(p)
    if sku_choices:
        opts += ["sku"]
    if p.maker == "Microsoft":
        opts += ["vendor_tag", "glued", "localized"]
    if len(p.name) > 18:
        opts += ["truncated"]
    k = 1 if rng.random() < 0.65 else 2
    chosen: list[str] = []
    for o in rng.sample(opts, k):
        chosen.append(o)
    # name-changing class first, decoration after
    base_cls = [
        o
        for o in chosen
        if o
        in (
            "abbreviation",
            "abbrev_typo",
            "brand_dropped",
            "bare_plan",
            "renamed",
            "inhouse",
            "sku",
            "truncated",
            "glued",
        )
    ]
    deco = [o for o in chosen if o not in base_cls]
    base_cls = base_cls[:1]
    text = p.name
    classes: list[str] = []
    for o in base_cls:
        before = text
        if o == "abbreviation":
            text = rng.choice(p.abbrevs)
        elif o == "abbrev_typo":
            text = rng.choice(p.abbrev_typos)
        elif o == "brand_dropped":
            text = rng.choice(p.brandless)
            if text.startswith("365 ") and p.family in fams:
                continue  # "365 E3" could be Office 365 E3 as well: only where the client has one E3
        elif o == "bare_plan":
            text = rng.choice(p.bare)
        elif o == "renamed":
            text = rng.choice(p.renamed)
        elif o == "inhouse":
            text = rng.choice(p.inhouse)
        elif o == "sku":
            text = rng.choice(sku_choices)
        elif o == "truncated":
            for cut in range(len(p.name) - 3, 10, -1):
                t = p.name[:cut].rstrip()
                if (
                    t == p.name[:cut]
                    and not any(
                        q.name.lower().startswith(t.lower()) for q in PRODUCTS if q.name != p.name
                    )
                    and " " in t
                    and len(t.split()[-1]) >= 3
                ):
                    text = t
                    break
            else:
                continue
        elif o == "glued":
            g = {"Microsoft 365 ": "M365", "Office 365 ": "O365"}
            for a, b in g.items():
                if text.startswith(a):
                    rest = text[len(a) :]
                    text = b + rest.replace("Business ", "Bus").replace(" ", "")
                    break
            else:
                continue
        if text != before:
            classes.append(o)
    for o in deco:
        before = text
        if o == "typo":
            ws = text.split(" ")
            idx = [i for i, w in enumerate(ws) if len(w) >= 5 and w.isalpha()]
            if not idx:
                continue
            i = rng.choice(idx)
            ws[i] = _typo_word(rng, ws[i])
            text = " ".join(ws)
        elif o == "billing_words":
            text = text + rng.choice(BILLING_WORDS)
        elif o == "case_punct":
            r = rng.randrange(3)
            text = (
                text.upper()
                if r == 0
                else text.lower()
                if r == 1
                else text.replace("(", "").replace(")", "").replace(" - ", " ")
            )
        elif o == "price_in_desc":
            text = f"{text} @ {currency_sym}{unit}/user"
        elif o == "date_in_desc":
            text = text + rng.choice(
                [
                    " - Nov 2026",
                    " (01/11/2026 - 30/11/2026)",
                    " Nov-26",
                    " 11/1/2026-11/30/2026",
                    " | November 2026",
                ]
            )
        elif o == "qty_in_desc":
            text = rng.choice([f"{qty} x {text}", f"{text} x{qty}", f"{text} ({qty} users)"])
        elif o == "unicode_noise":
            text = (
                text.replace(" ", "\u00a0", 1) + "  "
                if rng.random() < 0.5
                else text.replace(" - ", " \u2013 ") + " "
            )
        elif o == "ticket_ref":
            text = (
                f"{text} (PO#{rng.randint(1000, 9999)})"
                if rng.random() < 0.5
                else f"[T{rng.randint(20000, 99999)}] {text}"
            )
        elif o == "word_order":
            if p.maker == "Microsoft" and text.startswith("Microsoft 365 "):
                text = text[len("Microsoft 365 ") :] + " - Microsoft 365"
            elif p.maker != "Microsoft" and text.startswith(p.maker.split()[0] + " "):
                text = text[len(p.maker.split()[0]) + 1 :] + f" ({p.maker.split()[0]})"
            else:
                continue
        elif o == "vendor_tag":
            text = text + rng.choice(
                [" [NCE]", " (NCE) Annual", " NCE 1YR", " - NCE Monthly", " (New Commerce)"]
            )
        elif o == "localized":
            text = text + rng.choice(LOCALIZED)
        if text != before:
            classes.append(o)
    if _catalog_conflict(text, prod) or not classes:
        return p.name, []
    return text, sorted(set(classes))


# ----------------------------------------------------------------------------- lines
@dataclass
class VLine:
    client: Client
    product: str
    qty: int
    unit: Decimal  # per billing period (annual lines: 12 months)
    annual: bool = False
    role: str = "licence"  # licence | credit | free
    sub: int = 0
    tenant: int = 0
    charge: str = "cycleCharge"
    prorate_days: int = 0  # >0: mid-month addition, amount prorated (unit is the monthly rate)
    classes: list[str] = field(default_factory=list)

    @property
    def monthly(self) -> Fraction:
        u = Fraction(str(self.unit))
        return u / 12 if self.annual else u


@dataclass
class PLine:
    client: Client
    product: str | None  # None for a service line
    text: str  # canonical description
    qty: int
    unit: Decimal  # per billing period
    annual: bool = False
    role: str = "licence"  # licence | service | cancelled
    less_included: int = 0
    discount_pct: int = 0  # Xero-style
    adjusted: Decimal | None = None  # Autotask-style adjusted price
    desc: str = ""  # rendered description
    classes: list[str] = field(default_factory=list)
    cancel_kind: str = ""  # cancelled | paused | voided | credit

    @property
    def eff_unit(self) -> Fraction:
        u = Fraction(str(self.adjusted if self.adjusted is not None else self.unit))
        if self.discount_pct:
            u = u * (100 - self.discount_pct) / 100
        return u / 12 if self.annual else u

    @property
    def billed_qty(self) -> int:
        return self.qty - self.less_included


@dataclass
class Case:
    clients: list[Client]
    vlines: list[VLine]
    plines: list[PLine]
    outcomes: dict


OUTCOMES = [
    ("ok", 62),
    ("unbilled", 4),
    ("under", 7),
    ("over", 6),
    ("nvr", 4),
    ("below", 6),
    ("below_under", 2),
    ("below_over", 2),
    ("cancel_only", 2),
]


def _cost_after_rise(cost: Decimal) -> Decimal:
    return cost


def build_case(seed: int, n: int, psa_caps: dict, vendor_caps: dict) -> Case:
    """The scenario depends on the seed, size and the two formats' capabilities only."""
    rng = random.Random(f"N-scenario-{seed}-{n}")
    clients = make_clients(rng, n)
    vl: list[VLine] = []
    pl: list[PLine] = []
    outcomes: dict = {}
    names = [o for o, _ in OUTCOMES]
    ow = [w for _, w in OUTCOMES]
    for c in clients:
        basket: list[str] = []
        suite = rng.choices([s for s, _ in SUITES], [w for _, w in SUITES])[0]
        basket.append(suite)
        for a in rng.sample(ADDONS, rng.choice([0, 1, 1, 2, 2, 3])):
            if BY_NAME[a].family not in [BY_NAME[b].family for b in basket]:
                basket.append(a)
        kinds_taken: set[str] = set()
        for t in rng.sample(THIRD, rng.choice([0, 1, 1, 2, 3])):
            k = BY_NAME[t].kind
            if k not in kinds_taken and k not in [BY_NAME[b].kind for b in basket]:
                basket.append(t)
                kinds_taken.add(k)
        price_mode = rng.random()
        for prod in basket:
            p = BY_NAME[prod]
            seats = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 20, 25, 30, 40, 55])
            if c.side == "vendor":
                oc = "unbilled"
            elif c.side == "psa":
                oc = "nvr"
            else:
                oc = rng.choices(names, ow)[0]
                if oc.startswith(("under", "below_under")) and seats < 2:
                    oc = "ok"
            outcomes[(c.name, prod)] = oc
            cost = D(p.cost)
            price = D(p.price)
            if price_mode < 0.12:
                price = money(price * D("0.95"))
            elif price_mode < 0.2:
                price = money(price * D("1.10"))
            if oc.startswith("below"):
                # the vendor raised its price; the PSA kept the old one below the new cost
                price = money(cost * D(rng.choice(["0.90", "0.94", "0.97"])))
            vq = seats
            if oc in ("under", "below_under"):
                pq = seats - rng.randint(1, max(1, min(5, seats - 1)))
            elif oc in ("over", "below_over"):
                pq = seats + rng.randint(1, 4)
            else:
                pq = seats
            # ---- vendor lines
            prorated = False
            if oc != "nvr":
                annual = p.annual_ok and vendor_caps.get("annual") and rng.random() < 0.15
                unit = cost * 12 if annual else cost
                parts = [vq]
                if vq >= 4 and rng.random() < 0.12:
                    a = rng.randint(1, vq - 1)
                    parts = [a, vq - a]
                credit = vq >= 3 and rng.random() < 0.06 and vendor_caps.get("credit")
                for i, q in enumerate(parts):
                    tenant = i if (c.tenants == 2 and len(parts) == 2) else 0
                    if credit and i == 0:
                        extra = rng.randint(1, 2)
                        vl.append(
                            VLine(c, prod, q + extra, unit, annual, "licence", sub=i, tenant=tenant)
                        )
                        vl.append(
                            VLine(
                                c,
                                prod,
                                -extra,
                                unit,
                                annual,
                                "credit",
                                sub=i,
                                tenant=tenant,
                                charge="removeQuantity",
                            )
                        )
                    elif (
                        oc in ("ok", "under", "over")
                        and q >= 3
                        and rng.random() < 0.08
                        and vendor_caps.get("prorate")
                        and not annual
                        and price >= cost * D("1.05")
                    ):
                        prorated = True
                        add = rng.randint(1, 2)
                        vl.append(
                            VLine(c, prod, q - add, unit, annual, "licence", sub=i, tenant=tenant)
                        )
                        vl.append(
                            VLine(
                                c,
                                prod,
                                add,
                                unit,
                                annual,
                                "licence",
                                sub=i,
                                tenant=tenant,
                                charge="addQuantity",
                                prorate_days=rng.choice([5, 11, 16, 23]),
                            )
                        )
                    else:
                        vl.append(VLine(c, prod, q, unit, annual, "licence", sub=i, tenant=tenant))
            # ---- PSA lines
            if oc in ("unbilled", "cancel_only"):
                if oc == "cancel_only" and psa_caps.get("cancel"):
                    pl.append(PLine(c, prod, prod, vq, price, role="cancelled"))
                continue
            annual_p = psa_caps.get("annual") and p.annual_ok and rng.random() < 0.07
            uprice = price * 12 if annual_p else price
            if pq >= 4 and rng.random() < 0.08:
                a = rng.randint(1, pq - 1)
                pl.append(PLine(c, prod, prod, a, uprice, annual_p))
                pl.append(PLine(c, prod, prod, pq - a, uprice, annual_p))
            else:
                li = 0
                if psa_caps.get("less_included") and rng.random() < 0.08:
                    li = rng.randint(1, 3)
                disc = 0
                if psa_caps.get("discount") and rng.random() < 0.1 and not prorated:
                    disc = rng.choice([5, 10, 15])
                pl.append(
                    PLine(
                        c,
                        prod,
                        prod,
                        pq + li,
                        uprice,
                        annual_p,
                        less_included=li,
                        discount_pct=disc,
                    )
                )
                if psa_caps.get("adjusted") and rng.random() < 0.12 and not prorated:
                    pl[-1].adjusted = money(uprice * D("0.9"))
            if psa_caps.get("cancel") and rng.random() < 0.04:
                pl.append(
                    PLine(c, prod, prod, rng.randint(1, 10), uprice, annual_p, role="cancelled")
                )
        # free trials
        if c.side != "psa" and rng.random() < 0.05:
            fp = rng.choice(FREE_PRODUCTS)
            vl.append(VLine(c, fp, rng.randint(1, 25), D("0"), role="free", charge="new"))
        # services
        if c.side != "vendor":
            for s in rng.sample(SERVICES, rng.choice([0, 1, 1, 2])):
                per_seat, price = SERVICE_PRICING[s]
                pl.append(
                    PLine(
                        c,
                        None,
                        s,
                        rng.randint(2, 40) if per_seat else rng.choice([1, 1, 2, 4]),
                        D(price),
                        role="service",
                    )
                )
        c._basket = basket  # type: ignore[attr-defined]
    # sort: vendor by client then product; PSA by client then a stable shuffle
    order = {c.name: i for i, c in enumerate(clients)}
    vl.sort(
        key=lambda v: (
            order[v.client.name],
            v.tenant,
            v.product,
            v.sub,
            v.role == "credit",
            v.prorate_days,
        )
    )
    pl.sort(key=lambda x: (order[x.client.name], x.role == "service", x.text))
    return Case(clients, vl, pl, outcomes)


def apply_perturbations(
    case: Case, seed: int, n: int, perturb: bool, currency_sym: str, psa_caps: dict
) -> None:
    rng = random.Random(f"N-perturb-{seed}-{n}")
    taken = {c.name.lower() for c in case.clients}
    for c in case.clients:
        c.psa_name, c.classes = c.name, []
        if perturb and rng.random() < 0.7:
            c.psa_name, c.classes = perturb_client(rng, c, taken)
            taken.add(c.psa_name.lower())
    for line in case.plines:
        line.desc, line.classes = line.text, []
        if line.product is None:
            continue
        if perturb and rng.random() < 0.72:
            basket = case.clients[0].__dict__.get("_basket")  # placeholder, replaced below
            basket = line.client.__dict__.get("_basket", [])
            line.desc, line.classes = perturb_desc(
                rng, line.product, basket, currency_sym, line.unit, line.qty
            )


GENERIC = GENERIC_DESCRIPTIONS
SERVICE_PRICING = {
    "Managed Services - per user": (True, "65.00"),
    "Managed Backup Service (per device)": (True, "12.00"),
    "Onsite Support - hourly": (False, "125.00"),
    "Helpdesk support block 10h": (False, "950.00"),
    "Dell Latitude 5450 laptop": (False, "1249.00"),
    "Project: Office 365 tenant migration": (False, "2400.00"),
    "Network monitoring - per device": (True, "6.50"),
    "Managed Firewall service": (False, "89.00"),
    "Remote support labour": (False, "110.00"),
    "Server maintenance agreement": (False, "175.00"),
    "vCIO consulting hours": (False, "150.00"),
    "Microsoft 365 setup & onboarding (one-off)": (False, "350.00"),
    "Security awareness coaching session (onsite)": (False, "480.00"),
    "Backup monitoring & restore tests": (True, "9.00"),
    "Microsoft 365 Backup - managed service (per user)": (True, "4.00"),
    "Email security monitoring (managed)": (True, "2.50"),
}


# ----------------------------------------------------------------------------- truth
def median(xs: list[Fraction]) -> Fraction:
    xs = sorted(xs)
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


def compute_findings(vrows: dict, prows: dict) -> list[dict]:
    """vrows/prows: row -> (client, product, role, qty, monthly unit Fraction, classes).

    Shared by the generator and (re-implemented on file readings) by the tests."""
    V: dict = {}
    P_: dict = {}
    for r, (cl, pr, role, q, u, cls) in sorted(vrows.items()):
        if role in ("licence", "credit"):
            V.setdefault((cl, pr), []).append((r, q, u, cls))
    for r, (cl, pr, role, q, u, cls) in sorted(prows.items()):
        if role == "licence":
            P_.setdefault((cl, pr), []).append((r, q, u, cls))
    pprice: dict = {}
    for k, ls in P_.items():
        pq = sum(q for _, q, _, _ in ls)
        if pq > 0:
            pprice[k] = sum(q * u for _, q, u, _ in ls) / pq
    by_prod: dict = {}
    for (cl, pr), p in sorted(pprice.items()):
        by_prod.setdefault(pr, []).append(p)
    out = []
    for key in sorted(set(V) | set(P_)):
        cl, pr = key
        vls, pls = V.get(key, []), P_.get(key, [])
        vq = sum(q for _, q, _, _ in vls)
        pq = sum(q for _, q, _, _ in pls)
        c = sum(q * u for _, q, u, _ in vls) / vq if vq else None
        p = pprice.get(key)
        cls = sorted({x for ls in (vls, pls) for _, _, _, cs in ls for x in cs})
        rows = ([r for r, *_ in vls], [r for r, *_ in pls])
        f = []
        if vq > 0 and pq <= 0:
            ref = median(by_prod[pr]) if pr in by_prod else c
            f.append(("unbilled", vq * ref))
        elif pq > 0 and vq <= 0:
            f.append(("no_vendor_record", pq * p))
        elif vq > 0 and pq > 0:
            if vq > pq:
                f.append(("under_billed", (vq - pq) * p))
            elif pq > vq:
                f.append(("over_billed", (pq - vq) * p))
            if p < c:
                f.append(("below_cost", (c - p) * min(vq, pq)))
        for t, imp in f:
            out.append(
                {
                    "type": t,
                    "client": cl,
                    "product": pr,
                    "vendor_rows": rows[0],
                    "psa_rows": rows[1],
                    "monthly_impact": str(money(imp)),
                    "classes": cls,
                }
            )
    return out
