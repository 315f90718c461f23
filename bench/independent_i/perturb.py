"""Set I's own perturbation library: how people type products and customer names into billing systems.

Written from the issue text and experience of PSA / accounting data entry, not from any tool.
Every function takes a random.Random and returns (text, class) or None when the class does not apply.
"""

from __future__ import annotations

import random
import re
import unicodedata

from .catalogue import Product

# ---------------------------------------------------------------- products
BILLING_WORDS = (
    ("", " - per user"),
    ("", " Monthly Subscription"),
    ("", " Licence"),
    ("", " (NCE)"),
    ("", " - 1 yr commit"),
    ("Licensing: ", ""),
    ("", " /user/month"),
    ("Subscription - ", ""),
    ("", " seats"),
    ("", " [M2M]"),
)
FOREIGN_WORDS = (
    ("", " Lizenz"),
    ("", " - licencia mensual"),
    ("", " (abonnement mensuel)"),
    ("", " licentie"),
    ("", " měsíční licence"),
    ("", " aylık lisans"),
    ("Licencja ", ""),
    ("", " 라이선스"),
    ("", " Nutzerlizenz"),
    ("", " suscripción"),
)
NOTES = (
    " - per Jane 03/11",
    " (see ticket 44821)",
    " -- incl. new starter",
    " [client approved]",
    " (moved from old tenant)",
    " *check seats*",
    " - Finance dept",
)
DISCRIMINATING = re.compile(
    r"^(e\d|f\d|p\d|\(plan|plan|basic|standard|premium|pro|business|advanced|enterprise|starter|"
    r"security|\d.*|id|all|apps|online|archiving|workspace|essentials)",
    re.I,
)
BRANDS = (
    "Microsoft 365 ",
    "Microsoft ",
    "Adobe ",
    "Google Workspace ",
    "Bitdefender ",
    "Acronis ",
    "Zoom ",
    "Dropbox ",
    "Proofpoint ",
    "Keeper ",
    "Dropsuite ",
    "Office 365 ",
)


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    how = rng.randrange(4)
    if how == 0:  # swap neighbours
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if how == 1:  # drop a letter
        return word[:i] + word[i + 1 :]
    if how == 2:  # double a letter
        return word[:i] + word[i] + word[i:]
    near = {
        "a": "s",
        "e": "r",
        "i": "o",
        "o": "i",
        "n": "m",
        "r": "t",
        "s": "a",
        "t": "r",
        "u": "y",
    }
    return word[:i] + near.get(word[i].lower(), "e") + word[i + 1 :]


def typo_in_text(
    text: str, rng: random.Random, protect: re.Pattern[str] | None = None
) -> str | None:
    words = text.split(" ")
    spots = [
        i
        for i, w in enumerate(words)
        if len(w) >= 5 and w.isalpha() and not (protect and protect.match(w))
    ]
    if not spots:
        return None
    i = rng.choice(spots)
    words[i] = typo(words[i], rng)
    return " ".join(words)


def product_variant(
    product: Product,
    cls: str,
    rng: random.Random,
    qty: int,
    price: str,
    vague_ok: bool,
    unique_kind: bool,
) -> str | None:
    """One spelling of `product` in class `cls`, or None when the class cannot apply here."""
    name = product.name
    if cls == "typo":
        return typo_in_text(name, rng, DISCRIMINATING)
    if cls == "abbreviation" and product.abbreviations:
        return rng.choice(product.abbreviations)
    if cls == "brand_dropped" and product.brand_dropped and unique_kind:
        return rng.choice(product.brand_dropped)
    if cls == "bare_plan" and product.bare and vague_ok:
        return rng.choice(product.bare)
    if cls == "legacy_name" and product.legacy and unique_kind:
        return rng.choice(product.legacy)
    if cls == "inhouse_name" and product.inhouse and vague_ok:
        return rng.choice(product.inhouse)
    if cls == "billing_words":
        pre, post = rng.choice(BILLING_WORDS)
        return pre + name + post
    if cls == "foreign_words":
        pre, post = rng.choice(FOREIGN_WORDS)
        return pre + name + post
    if cls == "note":
        return name + rng.choice(NOTES)
    if cls == "seats_in_text":
        return rng.choice((f"{name} x {qty}", f"{qty} x {name}", f"{name} ({qty} users)"))
    if cls == "price_in_text":
        return rng.choice((f"{name} @ {price}/user", f"{name} - {price} per seat"))
    if cls == "case":
        return rng.choice((name.upper(), name.lower()))
    if cls == "word_order":
        for brand in BRANDS:
            if name.startswith(brand) and len(name) > len(brand) + 2:
                return f"{name[len(brand) :]} ({brand.strip()})"
        return None
    if cls == "multiline":
        return (
            name
            + "\n"
            + rng.choice(
                (
                    "Licence period 01/11/2026-30/11/2026",
                    "Monthly per user",
                    "Renews automatically",
                    "Billed in advance",
                )
            )
        )
    if cls == "sku_prefix":
        return rng.choice((f"{product.sku} - {name}", f"[{product.sku}] {name}"))
    if cls == "punctuation":
        out = name.replace(" ", rng.choice(("-", "_", "  "))) if " " in name else None
        return out
    return None


PRODUCT_CLASSES = (
    "typo",
    "abbreviation",
    "brand_dropped",
    "bare_plan",
    "legacy_name",
    "inhouse_name",
    "billing_words",
    "foreign_words",
    "note",
    "seats_in_text",
    "price_in_text",
    "case",
    "word_order",
    "multiline",
    "sku_prefix",
    "punctuation",
)

# ---------------------------------------------------------------- customers
SUFFIX_TYPOS = {
    "Ltd": ("Ltd,", "Lt", "Ldt"),
    "Limited": ("Limietd", "Limted", "Limitd"),
    "Pty Ltd": ("Pty Ltd.", "Pty. Lt", "Pyt Ltd"),
    "LLC": ("L.L.C", "LCC", "Llc."),
    "Inc.": ("Inc,", "Icn.", "Inc"),
    "Corporation": ("Corporaiton", "Coporation", "Corp"),
    "GmbH": ("GmbG", "Gmbh.", "GbmH"),
    "AG": ("A.G.",),
    "s.r.o.": ("s.r.o", "sro", "s. r. o."),
    "a.s.": ("a. s.", "as"),
    "A.Ş.": ("AŞ", "A.S."),
    "Ltd. Şti.": ("Ltd Sti", "Ltd.Şti"),
    "S.A. de C.V.": ("SA de CV", "S.A de C.V."),
    "SAS": ("S.A.S.", "Sas"),
    "SARL": ("S.A.R.L.", "Sàrl"),
    "B.V.": ("BV", "B.V"),
    "ApS": ("Aps", "A/S"),
    "AB": ("Aktiebolag", "A.B."),
    "Sp. z o.o.": ("Sp.z o.o.", "sp. z.o.o."),
    "(Pty) Ltd": ("Pty Ltd", "(Pty)Ltd"),
    "Co., Ltd.": ("Co. Ltd", "Co.,Ltd"),
    "LLP": ("L.L.P.",),
    "PLC": ("Plc", "P.L.C."),
}
SUFFIX_VARIANTS = {
    "Ltd": "Limited",
    "Limited": "Ltd",
    "Inc.": "Incorporated",
    "Corporation": "Corp.",
    "Pty Ltd": "Proprietary Limited",
    "GmbH": "Gesellschaft mbH",
    "a.s.": "akciová společnost",
    "s.r.o.": "spol. s r.o.",
    "A.Ş.": "Anonim Şirketi",
    "SARL": "S.à r.l.",
    "LLC": "Limited Liability Co.",
}
ABBREVIATIONS = {
    "Management": ("Mgmt", "Mngmt", "Mgt"),
    "Services": ("Svcs", "Scvs", "Srvcs"),
    "International": ("Intl", "Int'l", "Internat."),
    "Engineering": ("Eng.", "Engg"),
    "Accounting": ("Acctg", "Acct."),
    "Construction": ("Constr.", "Const"),
    "Technologies": ("Tech", "Technol."),
    "Financial": ("Fin.", "Finl"),
    "Physiotherapy": ("Physio",),
    "Architects": ("Arch.",),
    "Distribution": ("Dist.", "Distrib."),
    "Veterinary": ("Vet", "Vet."),
    "Logistics": ("Logs", "Logistix"),
    "Medical": ("Med.",),
    "Centre": ("Ctr", "Cntr"),
    "Electrical": ("Elec.",),
    "Insurance": ("Ins.",),
    "Marketing": ("Mktg",),
}
UNFOLDED = {
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "ß": "ss",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
    "İ": "I",
    "å": "aa",
    "Å": "Aa",
}
BRANCHES = (
    " - Downtown",
    " (Main Office)",
    " - HQ",
    " (Head Office)",
    " - North Branch",
    " Pretoria",
)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def client_variant(
    name: str, legal: str, cls: str, rng: random.Random, extra: dict[str, str]
) -> str | None:
    base = name[: -len(legal)].rstrip() if legal and name.endswith(legal) else name
    if cls == "legal_suffix_typo" and legal in SUFFIX_TYPOS:
        return f"{base} {rng.choice(SUFFIX_TYPOS[legal])}"
    if cls == "legal_suffix_dropped" and legal:
        return base
    if cls == "legal_suffix_variant" and legal in SUFFIX_VARIANTS:
        return f"{base} {SUFFIX_VARIANTS[legal]}"
    if cls in ("name_abbreviation", "name_abbreviation_typo"):
        for word, abbrs in ABBREVIATIONS.items():
            if re.search(rf"\b{word}\b", name):
                pick = (
                    abbrs[0]
                    if cls == "name_abbreviation"
                    else (abbrs[1] if len(abbrs) > 1 else typo(abbrs[0] + "x", rng))
                )
                return re.sub(rf"\b{word}\b", pick, name, count=1)
        return None
    if cls == "unfolded_letters":
        if not any(c in name for c in UNFOLDED):
            return None
        return "".join(UNFOLDED.get(c, c) for c in name)
    if cls == "accents_stripped":
        out = strip_accents(name)
        return out if out != name else None
    if cls == "branch_suffix":
        return name + rng.choice(BRANCHES)
    if cls == "store_number" and "store" in extra:
        num = extra["store"]
        form = rng.choice(
            (f"#{num}", f"No. {num}", f"Store {int(num):03d}", f"St.{num}", f"Store No {num}")
        )
        return name.replace(f"Store {num}", form)
    if cls == "dba" and "trading" in extra:
        return f"{extra['legal_only']} dba {extra['trading']}"
    if cls == "trading_name_only" and "trading" in extra:
        return extra["trading"]
    if cls == "surname_first" and "person" in extra:
        first, last = extra["person"].split("|")
        rest = name.replace(f"{first} {last}", "").strip()
        return f"{last}, {first}" + (f" ({rest})" if rest else "")
    if cls == "all_caps":
        return name.upper()
    if cls == "case_punct":
        return rng.choice(
            (name.lower(), name.replace(",", "").replace(".", ""), name.replace(" & ", " and "))
        )
    if cls == "truncated":
        return name[:24].rstrip() if len(name) > 28 else None
    if cls == "code_glued":
        return rng.choice(
            (f"C{extra['code']} {name}", f"{extra['code']}-{name}", f"{name} [{extra['code']}]")
        )
    if cls == "name_typo":
        return typo_in_text(name, rng, re.compile(r"^(Store|\d.*|Group|Lab|Clinic)$"))
    if cls == "generic_word_dropped":
        for word in (" Group", " Services", " Centre", " Trading"):
            if word in base:
                return name.replace(word, "", 1)
        return None
    if cls == "and_ampersand":
        return (
            name.replace(" and ", " & ")
            if " and " in name
            else (name.replace(" & ", " and ") if " & " in name else None)
        )
    return None


CLIENT_CLASSES = (
    "legal_suffix_typo",
    "legal_suffix_dropped",
    "legal_suffix_variant",
    "name_abbreviation",
    "name_abbreviation_typo",
    "unfolded_letters",
    "accents_stripped",
    "branch_suffix",
    "store_number",
    "dba",
    "trading_name_only",
    "surname_first",
    "all_caps",
    "case_punct",
    "truncated",
    "code_glued",
    "name_typo",
    "generic_word_dropped",
    "and_ampersand",
)
#: classes that can never make siblings / numbered sites collide
SAFE_CLIENT_CLASSES = (
    "legal_suffix_typo",
    "all_caps",
    "code_glued",
    "legal_suffix_variant",
    "store_number",
)
