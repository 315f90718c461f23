"""Perturbations of PSA-side spellings: product descriptions and client names.

Each function takes the canonical text and a ``random.Random`` and returns the perturbed text;
the caller records the class name. Vocabulary written for this generator from the issue text and
from how billing staff type (not from the engine).
"""

from __future__ import annotations

import random
import re

from .catalog import Product

PRODUCT_CLASSES = (
    "brand_dropped",
    "abbreviation",
    "extra_billing_words",
    "typo",
    "renamed_product",
    "bare_plan",
    "inhouse_name",
    "out_of_catalogue",
    "case_punct",
)
CLIENT_CLASSES = (
    "legal_suffix_typo",
    "abbreviation_misspelt",
    "generic_word_dropped",
    "branch_suffix",
    "store_number_variant",
    "dba",
    "accents_special",
    "case_punct",
    "untouched",
)

EXTRA_WORDS = (
    "{p} - per user",
    "{p} Monthly Subscription",
    "{p} Licence",
    "{p} License",
    "{p} (NCE, annual)",
    "{p} - Monthly",
    "{p} /user/mo",
    "NCE {p} (Annual)",
    "{p} - 1 Year Commitment",
    "{p} Seats",
    "{p} [annual term, paid monthly]",
    "Licence: {p}",
    "{p} - User Licenses",
    "{p} subscription (M2M)",
    "{p} - NCE 12mo",
    "{p} Lic.",
    "{p} [NCE]",
    "{p} (NCE)",
    "{p} - Annual Commit",
    "{p} - user/month",
)

_KEYBOARD = {
    "a": "sq",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "x": "zc",
    "y": "tu",
    "z": "x",
}


def typo_word(word: str, rng: random.Random) -> str:
    """One human slip inside a word: swap, drop, double or a neighbouring key."""
    for _ in range(10):
        i = rng.randrange(1, len(word) - 1)
        kind = rng.choice(("swap", "drop", "double", "key"))
        if kind == "swap":
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif kind == "drop":
            out = word[:i] + word[i + 1 :]
        elif kind == "double":
            out = word[:i] + word[i] + word[i:]
        else:
            ch = word[i].lower()
            if ch not in _KEYBOARD:
                continue
            rep = rng.choice(_KEYBOARD[ch])
            out = word[:i] + (rep.upper() if word[i].isupper() else rep) + word[i + 1 :]
        if out.lower() != word.lower():
            return out
    return word[:-1]


def typo_text(text: str, rng: random.Random) -> str | None:
    """Typo in one alphabetic word of at least five letters (numbers and plan tokens left alone)."""
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    words[i] = typo_word(words[i], rng)
    return " ".join(words)


def case_punct_product(text: str, rng: random.Random) -> str:
    opts = [
        text.upper(),
        text.lower(),
        re.sub(r"[()\[\],]", "", text).replace("  ", " "),
        text.replace(" ", "-", 1),
        text.replace("Microsoft", "MICROSOFT").replace("Office", "office"),
    ]
    opts = [o for o in opts if o != text]
    return rng.choice(opts)


def product_options(prod: Product, basket: set[str]) -> dict[str, list[str]]:
    """Per class, the spellings usable for this product given the client's vendor basket."""
    out: dict[str, list[str]] = {}
    for cls, items in prod.spellings.items():
        ok = [t for t, grp in items if grp is None or (grp & basket) == {prod.key}]
        if cls in ("bare_plan", "inhouse_name"):
            ok = [t for t, grp in items if grp is not None and (grp & basket) == {prod.key}]
        if ok:
            out[cls] = ok
    out["extra_billing_words"] = ["x"]
    out["typo"] = ["x"]
    out["case_punct"] = ["x"]
    return out


def perturb_product(
    prod: Product, basket: set[str], rng: random.Random, vendor_present: bool
) -> tuple[str, list[str]]:
    """Return (PSA description, classes). ~30% of lines stay canonical."""
    if rng.random() < 0.30:
        return prod.name, []
    opts = product_options(prod, basket)
    if not vendor_present:  # context-only names need a vendor line to resolve against
        opts.pop("inhouse_name", None)
        opts.pop("bare_plan", None)
    weights = {
        "brand_dropped": 3,
        "abbreviation": 4,
        "extra_billing_words": 4,
        "typo": 3,
        "renamed_product": 3,
        "bare_plan": 5,
        "inhouse_name": 6,
        "out_of_catalogue": 5,
        "case_punct": 2,
    }
    classes = sorted(opts)
    cls = rng.choices(classes, weights=[weights[c] for c in classes])[0]
    if cls == "extra_billing_words":
        text = rng.choice(EXTRA_WORDS).format(p=prod.name)
    elif cls == "typo":
        t = typo_text(prod.name, rng)
        if t is None:
            return case_punct_product(prod.name, rng), ["case_punct"]
        text = t
    elif cls == "case_punct":
        text = case_punct_product(prod.name, rng)
    else:
        text = rng.choice(opts[cls])
    result = [cls]
    # Sometimes a second, independent slip on top (people do both).
    if (
        cls in ("abbreviation", "brand_dropped", "renamed_product", "out_of_catalogue")
        and rng.random() < 0.25
    ):
        text = rng.choice(EXTRA_WORDS).format(p=text)
        result.append("extra_billing_words")
    elif (
        cls in ("renamed_product", "out_of_catalogue", "extra_billing_words")
        and rng.random() < 0.15
    ):
        t = typo_text(text, rng)
        if t is not None:
            text = t
            result.append("typo")
    return text, result


# ---------------------------------------------------------------- client names
LEGAL_TYPOS = {
    "Limited": ("Limietd", "Limted", "Limitd"),
    "Corporation": ("Corporaiton", "Coporation", "Corportion"),
    "Incorporated": ("Incorproated", "Incoporated", "Incorporatd"),
    "Inc.": ("Icn.", "Inc,", "Ic."),
    "LLC": ("LCC", "LLLC", "L.L.C"),
    "Ltd": ("Ldt", "Lt", "Ltd,"),
    "Pty Ltd": ("Pty Ldt", "Pyt Ltd"),
    "LLP": ("LPP", "L.L.P"),
    "Corp.": ("Crop.", "Corp,"),
    "GmbH": ("GmbG", "Gmbh."),
    "ApS": ("Aps.",),
    "A/S": ("AS",),
    "AB": ("A.B.",),
}
ABBREV_MISSPELT = {
    "Management": ("Mngmt", "Mgmnt", "Mngt"),
    "Services": ("Scvs", "Srvcs", "Svcs."),
    "Associates": ("Assocs", "Asscts", "Assoc"),
    "International": ("Intl", "Int'l", "Internatl"),
    "Engineering": ("Engg", "Engnrg", "Eng."),
    "Construction": ("Constr", "Cnstrctn", "Const."),
    "Partners": ("Ptnrs", "Prtnrs"),
    "Consulting": ("Cnsltng", "Consltg"),
    "Accounting": ("Acctg", "Accntng"),
    "Medical": ("Med", "Mdcl"),
    "Insurance": ("Ins", "Insur"),
    "Company": ("Co", "Cmpny"),
    "Manufacturing": ("Mfg", "Mfctrng"),
    "Property": ("Prop", "Prpty"),
    "Financial": ("Finl", "Fncl"),
    "Facilities": ("Facil", "Fclts"),
    "Distribution": ("Distr", "Dstrbtn"),
    "Logistics": ("Logstcs",),
    "Veterinary": ("Vet", "Vetrinary"),
    "Surveying": ("Surv", "Srvyng"),
}
GENERIC_WORDS = ("Group", "Services", "Associates", "Company", "Partners", "Clinic", "Agency")
BRANCHES = (
    " - Downtown",
    " (Main Office)",
    " - HQ",
    " - Head Office",
    " (Corporate)",
    " - Main St",
    " - North Branch",
    " / Admin",
)


def _split_legal(name: str) -> tuple[str, str]:
    for suf in sorted(LEGAL_TYPOS, key=len, reverse=True):
        if name.endswith(" " + suf):
            return name[: -len(suf) - 1], suf
    return name, ""


def client_options(
    canonical: str, folded: str | None, is_store: bool, is_sibling: bool
) -> list[str]:
    base, suf = _split_legal(canonical)
    opts = ["case_punct", "branch_suffix", "dba"]
    if suf:
        opts.append("legal_suffix_typo")
    if any(re.search(rf"\b{w}\b", canonical) for w in ABBREV_MISSPELT):
        opts.append("abbreviation_misspelt")
    if not is_sibling and any(re.search(rf"\b{w}\b", base) for w in GENERIC_WORDS):
        opts.append("generic_word_dropped")
    if is_store:
        opts.append("store_number_variant")
    if folded:
        opts.append("accents_special")
    if is_sibling:  # keep the word that tells siblings apart; no branch/dba noise on them
        opts = [o for o in opts if o not in ("dba", "branch_suffix")]
    return opts


def perturb_client(
    canonical: str,
    folded: str | None,
    is_store: bool,
    is_sibling: bool,
    rng: random.Random,
    trade: str,
) -> tuple[str, str]:
    """Return (PSA name, class)."""
    opts = client_options(canonical, folded, is_store, is_sibling)
    if folded:
        return folded, "accents_special"  # a US/UK keyboard user never types the special letters
    if is_store and rng.random() < 0.7:
        cls = "store_number_variant"
    elif rng.random() < 0.22:
        return canonical, "untouched"
    else:
        weights = {
            "case_punct": 2,
            "branch_suffix": 2,
            "dba": 1,
            "legal_suffix_typo": 4,
            "abbreviation_misspelt": 4,
            "generic_word_dropped": 4,
            "store_number_variant": 3,
            "accents_special": 3,
        }
        cls = rng.choices(opts, weights=[weights[o] for o in opts])[0]
    base, suf = _split_legal(canonical)
    if cls == "legal_suffix_typo":
        return f"{base} {rng.choice(LEGAL_TYPOS[suf])}", cls
    if cls == "abbreviation_misspelt":
        words = [w for w in ABBREV_MISSPELT if re.search(rf"\b{w}\b", canonical)]
        w = rng.choice(words)
        return re.sub(rf"\b{w}\b", rng.choice(ABBREV_MISSPELT[w]), canonical, count=1), cls
    if cls == "generic_word_dropped":
        words = [w for w in GENERIC_WORDS if re.search(rf"\b{w}\b", base)]
        w = rng.choice(words)
        out = re.sub(rf"\s*\b{w}\b", "", base).strip()
        if rng.random() < 0.5 and suf:
            out = f"{out} {suf}"
        return out, cls
    if cls == "branch_suffix":
        return canonical + rng.choice(BRANCHES), cls
    if cls == "dba":
        if rng.random() < 0.6:
            return f"{canonical} dba {trade}", cls
        return f"{trade} ({canonical})", cls
    if cls == "store_number_variant":
        m = re.search(r"\bStore (\d+)\b", canonical)
        assert m
        n = m.group(1)
        rep = rng.choice(
            (
                f"#{n}",
                f"No. {n}",
                f"Store #{n}",
                f"- {n}",
                f"Str {n}",
                f"Store {int(n):03d}",
                f"#{int(n):02d}",
            )
        )
        return canonical[: m.start()] + rep + canonical[m.end() :], cls
    # case_punct
    variants = [canonical.upper(), canonical.lower()]
    if suf:
        variants.append(f"{base}, {suf}")
        variants.append(f"{base} {suf.replace('.', '')}" if "." in suf else f"{base}, {suf}.")
    if "&" in canonical:
        variants.append(canonical.replace("&", "and"))
    if " and " in canonical:
        variants.append(canonical.replace(" and ", " & "))
    variants = [v for v in variants if v != canonical]
    return rng.choice(variants), "case_punct"
