"""Customers of one MSP: legal names on the vendor bill, the names the MSP's people type in the PSA.

The vocabulary (towns, surnames, trades, legal forms of several countries) is this generator's own.
Siblings ("... Dental Group" / "... Dental Lab") and numbered stores share every word but one and
must never be merged; their PSA spellings never touch the word that tells them apart.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

STEMS: tuple[str, ...] = (
    "Harbourview",
    "Tromsø",
    "Ålesund",
    "Næstved",
    "Großmann",
    "Weißenfels",
    "Séverin",
    "Dubé",
    "Copperleaf",
    "Stonebridge",
    "Kettering",
    "Okafor",
    "Lindqvist",
    "Møller",
    "Brændstrup",
    "Whitcombe",
    "Abernethy",
    "Castellanos",
    "Van der Berg",
    "O'Connell",
    "Bellweather",
    "Saltmarsh",
    "Ironbark",
    "Kowhai",
    "Wattle Creek",
    "Blackwood",
    "Redfern",
    "Pemberton",
    "Ashgrove",
    "Merriweather",
    "Thornbury",
    "Quillfeather",
    "Larkspur",
    "Hollins",
    "Dunmore",
    "Greystanes",
    "Evergreen Valley",
    "Marlowe",
    "Fitzgerald",
    "Nakamura",
    "Haverford",
    "Riverbend",
    "Kingfisher",
    "Wolfram",
    "Østergaard",
    "Sæther",
    "Jørgensen",
    "Straßburger",
    "Bélanger",
    "Lefèvre",
    "Gagné",
    "Montréal Est",
    "Coldwater",
    "Pinecrest",
    "Summit Ridge",
    "Brightwater",
    "Foxglove",
    "Tidewater",
    "Millbrook",
    "Cedar Hollow",
    "Oakhurst",
    "Westbury",
    "Northgate",
    "Eastwick",
    "Silverlake",
    "Goldcrest",
    "Bramble",
    "Heathcote",
    "Arrowhead",
    "Bluegum",
    "Highveld",
    "Karoo",
    "Marigold",
    "Sandpiper",
    "Ravensworth",
    "Ellesmere",
    "Glenrowan",
    "Pacifica",
    "Alpenrose",
    "Zürichsee",
    "Kilbride",
    "Carrick",
    "Dalgety",
    "Porthleven",
    "Penrose",
    "Yarrow",
    "Wexford",
    "Kinsale",
    "Aldergrove",
    "Lakeshore",
    "Mirabel",
    "Valcourt",
    "Beaulieu",
    "Sjøberg",
    "Fæstning",
    "Hægeland",
    "Weißdorn",
    "Müllerhaus",
    "Renée Ashford",
    "Ibáñez",
    "Cortés",
    "Halvorsen",
    "Strand",
    "Vesterbro",
    "Bjørnstad",
)
# (trade words, word that may be dropped as generic, abbreviable words present)
TRADES: tuple[tuple[str, str | None], ...] = (
    ("Dental Group", "Group"),
    ("Veterinary Clinic", "Clinic"),
    ("Law Partners", "Partners"),
    ("Accounting Services", "Services"),
    ("Plumbing & Heating", None),
    ("Roofing Co", "Co"),
    ("Landscape Architects", None),
    ("Engineering Consultants", "Consultants"),
    ("Freight & Logistics", None),
    ("Property Management", None),
    ("Realty Group", "Group"),
    ("Insurance Brokers", "Brokers"),
    ("Physiotherapy Centre", "Centre"),
    ("Orthodontics", None),
    ("Brewing Company", "Company"),
    ("Marine Services", "Services"),
    ("Construction", None),
    ("Electrical Services", "Services"),
    ("Surveyors", None),
    ("Pharmacy", None),
    ("Optometrists", None),
    ("Chiropractic Clinic", "Clinic"),
    ("Montessori School", "School"),
    ("Community Church", None),
    ("Credit Union", None),
    ("Auto Repairs", None),
    ("Boutique Hotel", "Hotel"),
    ("Winery", None),
    ("Print & Signs", None),
    ("Medical Associates", "Associates"),
    ("Financial Planning", None),
    ("Manufacturing", None),
    ("Wealth Management", None),
    ("Design Studio", "Studio"),
    ("Home Care Services", "Services"),
    ("Pest Control", None),
    ("Tax Advisers", "Advisers"),
    ("Structural Engineering", None),
    ("Early Learning Centre", "Centre"),
    ("Funeral Services", "Services"),
    ("Building Supplies", "Supplies"),
)
SIBLING_TRADES: tuple[tuple[str, str], ...] = (
    ("Dental Group", "Dental Lab"),
    ("Veterinary Clinic", "Veterinary Hospital"),
    ("Realty Group", "Property Management"),
    ("Accounting Services", "Wealth Management"),
    ("Construction", "Building Supplies"),
    ("Medical Associates", "Medical Imaging"),
    ("Law Partners", "Law Trust Company"),
    ("Brewing Company", "Brewing Taproom"),
)
CHAINS: tuple[str, ...] = (
    "Bakery",
    "Pharmacy",
    "Fitness",
    "Coffee Roasters",
    "Hardware",
    "Bike Shop",
    "Optical",
    "Pet Supplies",
    "Garden Centre",
)
# country code -> legal forms (canonical spelling)
LEGAL: dict[str, tuple[str, ...]] = {
    "US": ("LLC", "Inc.", "Corporation", "PLLC", "LLP", "P.C."),
    "GB": ("Ltd", "Limited", "LLP", "plc"),
    "AU": ("Pty Ltd", "Pty Limited"),
    "CA": ("Inc.", "Ltd.", "Corp."),
    "DE": ("GmbH", "GmbH & Co. KG", "AG"),
    "NO": ("AS",),
    "DK": ("ApS", "A/S"),
    "FR": ("SARL", "SAS"),
    "NL": ("B.V.",),
    "NZ": ("Limited", "Ltd"),
}
HOLDING_WORDS: tuple[str, ...] = ("Holdings", "Group Holdings", "Enterprises", "Trading Trust")

LEGAL_TYPOS: dict[str, tuple[str, ...]] = {
    "LLC": ("LCC", "L.L.C", "LLc"),
    "Inc.": ("Icn.", "Inc,", "Imc."),
    "Corporation": ("Corporaiton", "Coporation", "Corpration"),
    "PLLC": ("PLCC", "PLLc"),
    "LLP": ("LPP", "L.L.P"),
    "P.C.": ("PC.", "P.C,"),
    "Ltd": ("Ldt", "Lt'd", "Ltd,"),
    "Limited": ("Limietd", "Limted", "Limitd"),
    "plc": ("pcl", "p.l.c"),
    "Pty Ltd": ("Pty Ldt", "Pyt Ltd", "PtyLtd"),
    "Pty Limited": ("Pty Limted", "Pty Limitd"),
    "Ltd.": ("Ldt.", "Ltd.."),
    "Corp.": ("Crop.", "Copr."),
    "GmbH": ("GmgH", "Gmbh.", "GbmH"),
    "GmbH & Co. KG": ("GmbH & Co KG", "GmbH&Co. KG"),
    "AG": ("A.G.",),
    "AS": ("A.S.", "A/S."),
    "ApS": ("APS", "Aps."),
    "A/S": ("AS/", "A/S."),
    "SARL": ("SARl", "S.A.R.L"),
    "SAS": ("S.A.S", "SAS."),
    "B.V.": ("BV.", "B.V"),
}
LEGAL_VARIANTS: dict[str, tuple[str, ...]] = {
    "LLC": ("L.L.C.",),
    "Inc.": ("Incorporated", "Inc"),
    "Corporation": ("Corp.", "Corp"),
    "PLLC": ("P.L.L.C.",),
    "LLP": ("L.L.P.",),
    "P.C.": ("PC",),
    "Ltd": ("Limited", "Ltd."),
    "Limited": ("Ltd", "Ltd."),
    "plc": ("PLC",),
    "Pty Ltd": ("Pty. Ltd.", "Pty Limited"),
    "Pty Limited": ("Pty Ltd", "Pty. Ltd."),
    "Ltd.": ("Limited", "Ltd"),
    "Corp.": ("Corporation", "Corp"),
    "GmbH": ("G.m.b.H.",),
    "GmbH & Co. KG": ("GmbH u. Co. KG",),
    "AG": ("Aktiengesellschaft",),
    "AS": ("A/S",),
    "ApS": ("Aps",),
    "A/S": ("AS",),
    "SARL": ("S.à r.l.",),
    "SAS": ("S.A.S.",),
    "B.V.": ("BV",),
}
ABBREV: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # word: (abbreviations, misspelt abbreviations)
    "Management": (("Mgmt", "Mgt."), ("Mngmt", "Mgnt", "Mgmnt")),
    "Services": (("Svcs", "Servs."), ("Scvs", "Svsc", "Srvcs")),
    "Associates": (("Assoc.", "Assocs"), ("Asscs", "Asoc.")),
    "Engineering": (("Eng.", "Engg"), ("Engnr", "Enigneering")),
    "Construction": (("Constr.", "Const."), ("Cnstr", "Contsr.")),
    "Manufacturing": (("Mfg", "Mfg."), ("Mgf", "Manuf")),
    "Accounting": (("Acctg", "Acct."), ("Accntg", "Acctng")),
    "Veterinary": (("Vet", "Vet."), ("Vtrnry", "Veterniary")),
    "Company": (("Co.", "Co"), ("Cmpny", "Compnay")),
    "Consultants": (("Consult.", "Cons."), ("Cnsltnts", "Consultnts")),
    "Medical": (("Med.", "Med"), ("Mdcl", "Medcl")),
    "Centre": (("Ctr", "Cntr"), ("Cnter", "Cetre")),
    "Insurance": (("Ins.", "Insur."), ("Insrnc", "Insurnce")),
    "Financial": (("Fin.", "Finl"), ("Fnancial", "Finacial")),
    "Physiotherapy": (("Physio",), ("Phsyio", "Physo")),
    "Brokers": (("Brkrs",), ("Brokrs", "Brkers")),
    "Partners": (("Ptnrs", "Partners."), ("Prtnrs", "Parnters")),
}
BRANCHES: tuple[str, ...] = (
    " - Downtown",
    " (Main Office)",
    " - HQ",
    " – Head Office",
    " [Northside]",
    " - CBD",
    " (Head Office)",
    " - Main St",
    " / Central",
    " - Hauptsitz",
    " (Hovedkontor)",
)
DBA_STEMS: tuple[str, ...] = (
    "Bright Smiles",
    "Paws & Claws",
    "Urban Nest",
    "Blue Door",
    "Green Leaf",
    "Swift Haul",
    "True North",
    "Clear View",
    "Sunny Side",
    "Wild Oak",
    "Silver Fern",
    "Old Mill",
)

FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "å": "a",
        "Å": "A",
        "é": "e",
        "è": "e",
        "ü": "u",
        "á": "a",
        "ñ": "n",
        "à": "a",
    }
)


@dataclass(frozen=True)
class Client:
    """One customer of the MSP. ``canonical`` is its legal (tenant) name, as the vendor bills it."""

    idx: int
    canonical: str
    stem: str
    trade: str
    generic: str | None
    legal: str
    country: str
    store: int | None
    sibling: bool  # shares its stem with another customer
    holding: str | None
    dba: str | None
    seats: int
    side: str  # "both", "vendor", "psa"
    domain: str


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(FOLD))
    return "".join(ch for ch in folded.lower() if ch.isalnum())[:24]


def make_clients(rng: random.Random, count: int) -> list[Client]:
    """``count`` distinct customers: a few sibling pairs and store chains among them."""
    out: list[Client] = []
    used: set[str] = set()
    stems = list(STEMS)
    rng.shuffle(stems)
    stem_i = 0
    countries = list(LEGAL)
    weights = [40, 14, 12, 8, 8, 5, 4, 3, 3, 3]

    def next_stem() -> str:
        nonlocal stem_i
        stem = stems[stem_i % len(stems)]
        stem_i += 1
        if stem_i > len(stems):  # reuse with a second stem word so names stay distinct
            stem = f"{stem} {stems[(stem_i * 7) % len(stems)]}"
        return stem

    def add(stem: str, trade: str, generic: str | None, store: int | None, sibling: bool) -> None:
        country = rng.choices(countries, weights)[0]
        legal = rng.choice(LEGAL[country])
        holding = (
            rng.choice(HOLDING_WORDS)
            if store is None and not sibling and rng.random() < 0.1
            else None
        )
        body = f"{stem} {trade}" + (f" Store {store}" if store is not None else "")
        if holding:
            body = f"{body} {holding}"
        canonical = f"{body} {legal}"
        if canonical in used:
            return
        used.add(canonical)
        dba = None
        if store is None and not sibling and holding is None and rng.random() < 0.12:
            dba = rng.choice(DBA_STEMS)
        size = int(min(400, max(2, rng.lognormvariate(2.7, 0.8))))
        out.append(
            Client(
                idx=len(out),
                canonical=canonical,
                stem=stem,
                trade=trade,
                generic=generic,
                legal=legal,
                country=country,
                store=store,
                sibling=sibling,
                holding=holding,
                dba=dba,
                seats=size,
                side="both",
                domain=f"{_slug(stem + trade)}{'' if store is None else store}.onmicrosoft.com",
            )
        )

    while len(out) < count:
        roll = rng.random()
        if roll < 0.08 and count - len(out) >= 2:
            a, b = rng.choice(SIBLING_TRADES)
            stem = next_stem()
            add(stem, a, None, None, True)
            add(stem, b, None, None, True)
        elif roll < 0.14 and count - len(out) >= 3:
            stem = next_stem()
            chain = rng.choice(CHAINS)
            stores = sorted(rng.sample(range(2, 40), rng.randint(2, 4)))
            for n in stores:
                if len(out) < count:
                    add(stem, chain, None, n, True)
        else:
            trade, generic = rng.choice(TRADES)
            add(next_stem(), trade, generic, None, False)
    out = out[:count]
    # Who is on one side only (a few each way).
    final: list[Client] = []
    for c in out:
        r = rng.random()
        side = "vendor" if r < 0.035 else "psa" if r < 0.07 else "both"
        final.append(Client(**{**c.__dict__, "side": side}))
    return final


def _typo(rng: random.Random, word: str) -> str:
    """One slip of the fingers inside a word (never on digits)."""
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    if len(letters) < 4:
        return word + word[-1]
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(4)
    if kind == 0 and i + 1 < len(word) and word[i + 1].isalpha():  # swap
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:  # drop
        return word[:i] + word[i + 1 :]
    if kind == 2:  # double
        return word[:i] + word[i] + word[i:]
    keys = "qwertyuiopasdfghjklzxcvbnm"
    near = {k: keys[max(0, j - 1)] for j, k in enumerate(keys)}
    ch = word[i]
    rep = near.get(ch.lower(), ch)
    return word[:i] + (rep.upper() if ch.isupper() else rep) + word[i + 1 :]


def psa_name(rng: random.Random, c: Client) -> tuple[str, str]:
    """The name the MSP's people typed for ``c`` in the PSA, and its class."""
    name, cls = _psa_name(rng, c)
    return (name, cls) if name != c.canonical else (name, "untouched")


def _psa_name(rng: random.Random, c: Client) -> tuple[str, str]:
    body = c.canonical[: -len(c.legal) - 1]
    options: list[str] = [
        "untouched",
        "legal_suffix_typo",
        "legal_suffix_dropped",
        "legal_suffix_variant",
        "case_punct",
    ]
    if c.store is not None:
        options += ["store_number"] * 4
    if not c.sibling:
        if any(w in ABBREV for w in body.split()):
            options += ["name_abbrev", "name_abbrev", "name_abbrev_typo", "name_abbrev_typo"]
        if c.generic:
            options += ["generic_word_dropped", "generic_word_dropped"]
        options += ["branch_suffix", "name_typo"]
        if c.holding:
            options += ["trading_name"] * 4
        if c.dba:
            options += ["dba"] * 6
    if c.canonical != c.canonical.translate(FOLD):
        options += ["accents"] * 3
    cls = rng.choice(options)
    words = body.split()
    if cls == "untouched":
        return c.canonical, cls
    if cls == "legal_suffix_typo":
        return f"{body} {rng.choice(LEGAL_TYPOS[c.legal])}", cls
    if cls == "legal_suffix_dropped":
        return body, cls
    if cls == "legal_suffix_variant":
        return f"{body} {rng.choice(LEGAL_VARIANTS[c.legal])}", cls
    if cls == "case_punct":
        style = rng.randrange(4)
        if style == 0:
            return c.canonical.upper(), cls
        if style == 1:
            return c.canonical.lower(), cls
        if style == 2 and "&" in body:
            return f"{body.replace('&', 'and')}, {c.legal}", cls
        return f"{body}, {c.legal}".replace("'", ""), cls
    if cls == "store_number":
        assert c.store is not None
        head = body.replace(f" Store {c.store}", "")
        n = c.store
        form = rng.choice(
            [
                f"{head} #{n}",
                f"{head} No. {n}",
                f"{head} - Store {n:03d}",
                f"{head} (Store #{n})",
                f"{head} St {n}",
                f"{head} #{n:02d} {c.legal}",
            ]
        )
        return form, cls
    if cls in ("name_abbrev", "name_abbrev_typo"):
        idx = [i for i, w in enumerate(words) if w in ABBREV]
        i = rng.choice(idx)
        good, bad = ABBREV[words[i]]
        words[i] = rng.choice(good if cls == "name_abbrev" else bad)
        tail = c.legal if rng.random() < 0.6 else ""
        return " ".join([*words, tail]).strip(), cls
    if cls == "generic_word_dropped":
        assert c.generic
        kept = [w for w in words if w != c.generic]
        return " ".join([*kept, c.legal]) if rng.random() < 0.5 else " ".join(kept), cls
    if cls == "branch_suffix":
        base = body if rng.random() < 0.6 else c.canonical
        return base + rng.choice(BRANCHES), cls
    if cls == "name_typo":
        cand = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w != c.generic]
        if not cand:
            return c.canonical, "untouched"
        i = rng.choice(cand)
        words[i] = _typo(rng, words[i])
        return " ".join([*words, c.legal]), cls
    if cls == "trading_name":
        assert c.holding
        return body[: -len(c.holding) - 1], cls
    if cls == "dba":
        assert c.dba
        style = rng.randrange(3)
        if style == 0:
            return f"{c.canonical} dba {c.dba}", cls
        if style == 1:
            return f"{c.dba} ({body})", cls
        return f"{body} d/b/a {c.dba}", cls
    if cls == "accents":
        return c.canonical.translate(FOLD), cls
    raise AssertionError(cls)
