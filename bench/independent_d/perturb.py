"""How people type product and customer names in a PSA: set D's own perturbation vocabulary.

Product classes: untouched, typo, abbreviation, brand_dropped, extra_words, bare_plan, renamed,
in_house, case_punct. Customer-name classes: untouched, legal_suffix_typo, legal_suffix_variant,
name_abbreviation, name_typo, dropped_word, branch_suffix, store_number, dba, trading_name,
accent_fold, name_case_punct.
"""

from __future__ import annotations

import random
import re

from .catalog import EXTRA_PREFIX, EXTRA_SUFFIX, PROTECTED_TOKENS, Product
from .names import Customer

PRODUCT_CLASSES: tuple[str, ...] = (
    "untouched",
    "typo",
    "abbreviation",
    "brand_dropped",
    "extra_words",
    "bare_plan",
    "renamed",
    "in_house",
    "case_punct",
)
# classes whose text only the client's basket can resolve: the family must be unique in it
CONTEXT_CLASSES = frozenset({"bare_plan", "in_house", "renamed"})
NAME_CLASSES: tuple[str, ...] = (
    "untouched",
    "legal_suffix_typo",
    "legal_suffix_variant",
    "name_abbreviation",
    "name_typo",
    "dropped_word",
    "branch_suffix",
    "store_number",
    "dba",
    "trading_name",
    "accent_fold",
    "name_case_punct",
)

_WORD = re.compile(r"[0-9A-Za-zÀ-ÿĀ-ž]+")


def tokens(text: str) -> set[str]:
    return {t.lower() for t in _WORD.findall(text)}


def typo_word(rng: random.Random, word: str) -> str:
    """One human slip in ``word``: swapped, dropped, doubled or neighbouring letter."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif kind == 1:
        out = word[:i] + word[i + 1 :]
    elif kind == 2:
        out = word[:i] + word[i] + word[i:]
    else:
        near = {
            "a": "s",
            "e": "r",
            "i": "o",
            "o": "i",
            "n": "m",
            "m": "n",
            "r": "t",
            "s": "a",
            "t": "r",
        }
        ch = word[i].lower()
        out = word[:i] + near.get(ch, ch + ch) + word[i + 1 :]
    return out if out.lower() != word.lower() else word[:i] + word[i + 1 :]


def _typo_in(
    rng: random.Random, text: str, protect: frozenset[str] = PROTECTED_TOKENS
) -> str | None:
    words = text.split(" ")
    cands = [
        i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w.lower() not in protect
    ]
    if not cands:
        return None
    i = rng.choice(cands)
    words[i] = typo_word(rng, words[i])
    return " ".join(words)


def _case_punct(rng: random.Random, text: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return text.upper()
    if style == 1:
        return text.lower()
    if style == 2 and "(" in text:
        return re.sub(r"\s+", " ", text.replace("(", "").replace(")", "")).strip()
    if style == 3:
        return text.replace(" ", "-", 1) if " " in text else text.upper()
    first, _, rest = text.partition(" ")
    return f"{first.upper()} {rest.lower()}".strip()


def _clashes(variant: str, product: Product, basket: list[Product], by_family: bool) -> bool:
    vt = tokens(variant)
    for other in basket:
        if other.key == product.key:
            continue
        if vt <= tokens(other.name) or vt <= tokens(" ".join(other.spell.get("abbreviation", ()))):
            return True
        if by_family and other.family == product.family:
            return True
    return False


def product_spelling(
    rng: random.Random, product: Product, cls: str, basket: list[Product]
) -> str | None:
    """``product`` typed in class ``cls``; None when the class cannot be resolved for this basket."""
    name = product.name
    if cls == "untouched":
        return name
    if cls == "typo":
        return _typo_in(rng, name)
    if cls == "case_punct":
        out = _case_punct(rng, name)
        return out if out != name else None
    if cls == "extra_words":
        roll = rng.random()
        pre = rng.choice(EXTRA_PREFIX) if roll < 0.45 else ""
        suf = rng.choice(EXTRA_SUFFIX) if roll >= 0.3 else ""
        return f"{pre}{name}{suf}"
    options = list(product.spell.get(cls, ()))
    rng.shuffle(options)
    for variant in options:
        if not _clashes(variant, product, basket, cls in CONTEXT_CLASSES):
            return variant
    return None


# ---------------------------------------------------------------- customer names

SUFFIX_VARIANTS: dict[str, tuple[str, ...]] = {
    "Pty Ltd": ("Pty Limited", "P/L", "Pty. Ltd."),
    "Pty. Limited": ("Pty Ltd", "Pty Ltd."),
    "Ltd": ("Limited", "Ltd."),
    "Limited": ("Ltd", "Ltd."),
    "LLP": ("L.L.P.",),
    "LLC": ("L.L.C.", "Llc"),
    "Inc.": ("Incorporated", "Inc"),
    "Ltd.": ("Limited", "Ltd"),
    "Corp.": ("Corporation", "Corp"),
    "PLLC": ("P.L.L.C.",),
    "P.C.": ("PC", "Professional Corporation"),
    "GmbH & Co. KG": ("GmbH & Co KG", "GmbH u. Co. KG"),
    "GmbH": ("Gesellschaft mbH",),
    "e.K.": ("e. K.", "eK"),
    "AG": ("Aktiengesellschaft",),
    "SARL": ("S.A.R.L.", "Sarl"),
    "SAS": ("S.A.S.",),
    "SA": ("S.A.",),
    "S.A.": ("SA",),
    "S.à r.l.": ("SARL", "S.a r.l.", "Sàrl"),
    "B.V.": ("BV", "B.V"),
    "BV": ("B.V.",),
    "V.O.F.": ("VOF",),
    "AB": ("Aktiebolag", "(publ) AB"),
    "Aktiebolag": ("AB",),
    "Oy": ("OY", "Osakeyhtiö"),
    "Oyj": ("OYJ",),
    "Ky": ("KY",),
    "Sp. z o.o.": ("Sp. z.o.o.", "sp. z o. o.", "Spółka z o.o."),
    "Sp.j.": ("Sp. j.", "Spółka jawna"),
    "ApS": ("APS", "Anpartsselskab"),
    "A/S": ("AS", "Aktieselskab"),
    "AS": ("A/S", "Aksjeselskap"),
    "ASA": ("A.S.A.",),
    "DAC": ("D.A.C.",),
    "Unlimited Company": ("ULC",),
}
_ABBREV: dict[str, tuple[str, ...]] = {
    "Management": ("Mgmt", "Mngmt", "Mgt"),
    "Services": ("Svcs", "Scvs", "Servs"),
    "Associates": ("Assoc.", "Assocs", "Assoc"),
    "Engineering": ("Eng.", "Engg", "Engineerng"),
    "Physiotherapy": ("Physio",),
    "Physiothérapie": ("Physio",),
    "Veterinary": ("Vet", "Vet."),
    "Accountants": ("Accts", "Acctnts"),
    "Chartered": ("Chtd", "Chart."),
    "Property": ("Prop.", "Pty"),
    "Transport": ("Transp.", "Trnsprt"),
    "Partners": ("Ptnrs", "Prtnrs"),
    "Group": ("Grp", "Grp."),
    "Holdings": ("Hldgs", "Hldg"),
    "Family": ("Fam.",),
    "Dentistry": ("Dent.",),
    "Orthopedics": ("Ortho",),
    "Insurance": ("Ins.", "Insur."),
    "Surveyors": ("Survs",),
    "Electrical": ("Elec.", "Elect."),
    "Plumbing": ("Plmbg", "Plumb."),
    "Steuerberatung": ("StB", "Steuerber."),
    "Logistik": ("Log.",),
    "Logistyka": ("Log.",),
    "Chiropractic": ("Chiro",),
    "Pediatrics": ("Peds",),
    "Optometrists": ("Optom.",),
    "Recruitment": ("Recruit.", "Rec."),
    "Solicitors": ("Sols", "Solrs"),
    "Architects": ("Archts", "Arch."),
    "Construction": ("Constr.", "Const."),
    "Consulting": ("Consult.", "Cnsltg"),
    "Landscaping": ("Landscp.",),
    "Orthodontics": ("Ortho",),
    "Conveyancing": ("Conv.",),
    "Redovisning": ("Redov.",),
    "Fiduciaire": ("Fid.",),
    "Immobilien": ("Immo",),
    "Installatietechniek": ("Install.techn.",),
    "Expertise Comptable": ("Exp. Comptable",),
    "&": ("and",),
}
_DROPPABLE = (
    "Group",
    "Partners",
    "Services",
    "Associates",
    "Family",
    "Chartered",
    "Co",
    "Practice",
    "Centre",
)
_BRANCHES = (
    " - Head Office",
    " (Main Office)",
    " – Downtown",
    " - CBD",
    " / HQ",
    " (Billing)",
    " - Level 3",
    " [Main Site]",
    " - Hauptsitz",
    " (Siège)",
)
_FOLD = {
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "ß": "ss",
    "é": "e",
    "è": "e",
    "ê": "e",
    "É": "E",
    "ł": "l",
    "Ł": "L",
    "å": "aa",
    "Å": "Aa",
    "ö": "oe",
    "Ö": "Oe",
    "ä": "a",
    "ü": "ue",
    "ō": "o",
    "Ō": "O",
    "ó": "o",
    "Ó": "O",
    "ś": "s",
    "ń": "n",
    "à": "a",
    "â": "a",
    "á": "a",
    "ú": "u",
}


def fold(text: str) -> str:
    return "".join(_FOLD.get(ch, ch) for ch in text)


def _legal_typo(rng: random.Random, legal: str) -> str | None:
    words = [w for w in re.findall(r"[A-Za-z]+", legal) if len(w) >= 3]
    if not words:
        return None
    word = max(words, key=len)
    return legal.replace(word, typo_word(rng, word), 1)


def _store_number(rng: random.Random, c: Customer) -> str:
    n = c.chain_no
    base = re.sub(r"\s*(Store|#|Filiale|No\.|Location|Clinic)\s*\d+$", "", c.canonical).strip()
    base = re.sub(r"\s*#\d+$", "", base)
    form = rng.choice(
        (
            f"#{n}",
            f"No. {n}",
            f"Store {n:03d}",
            f"- {n}",
            f"(#{n})",
            f"Loc {n}",
            f"Nr. {n}",
            f"Site {n}",
        )
    )
    return f"{base} {form}"


def customer_psa_name(rng: random.Random, c: Customer, cls: str) -> str | None:
    """The PSA's name for ``c`` in class ``cls``; None when the class does not apply."""
    stem, legal = c.stem, c.legal
    if cls == "untouched":
        return c.canonical
    if cls == "trading_name":
        return c.trading if c.kind == "trading" else None
    if c.kind == "trading":
        return None
    if cls == "store_number":
        return _store_number(rng, c) if c.kind == "chain" else None
    if cls == "accent_fold":
        out = fold(c.canonical)
        return out if out != c.canonical else None
    if cls == "name_case_punct":
        style = rng.randrange(3)
        if style == 0:
            return c.canonical.upper()
        if style == 1:
            out = c.canonical.replace(".", "").replace(",", "").replace("'", "")
            return out if out != c.canonical else c.canonical.lower()
        return c.canonical.lower()
    if cls == "legal_suffix_typo":
        typo = _legal_typo(rng, legal) if legal else None
        return f"{stem} {typo}" if typo else None
    if c.kind == "chain":
        return None
    if cls == "legal_suffix_variant":
        if not legal:
            return None
        options = list(SUFFIX_VARIANTS.get(legal, ()))
        if c.kind != "sibling":
            options.append("")
        return f"{stem} {rng.choice(options)}".strip() if options else None
    if cls == "name_abbreviation":
        hits = [w for w in _ABBREV if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", stem)]
        if not hits:
            return None
        w = rng.choice(hits)
        return f"{stem.replace(w, rng.choice(_ABBREV[w]), 1)} {legal}".strip()
    if cls == "name_typo":
        typed = _typo_in(rng, stem, frozenset())
        return f"{typed} {legal}".strip() if typed else None
    if c.kind == "sibling":
        return None
    if cls == "dropped_word":
        words = stem.split(" ")
        spots = [i for i, w in enumerate(words) if w in _DROPPABLE]
        if not spots or len(words) < 3:
            return None
        del words[rng.choice(spots)]
        return f"{' '.join(words)} {legal}".strip()
    if cls == "branch_suffix":
        return f"{c.canonical}{rng.choice(_BRANCHES)}"
    if cls == "dba":
        short = "".join(w[0] for w in stem.split() if w[0].isalpha()).upper()
        if len(short) < 2:
            return None
        return rng.choice(
            (f"{c.canonical} t/a {short} {stem.split()[-1]}", f"{c.canonical} dba {short}")
        )
    return None
