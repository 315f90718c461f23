"""One client name, the way a billing person reads it: the key two spellings of a company share.

``client_key`` folds what differs between systems and means nothing (case, accents and letters NFKD
keeps, legal forms, "The", punctuation, account codes, record notes, a contact after the company,
mojibake) and spells out abbreviations, so "The Contoso Mfg. Co., Inc." and "CONTOSO MANUFACTURING"
are one key. The matching tiers (``engine.match.clients``) pair keys; this module only makes them.

>>> client_key("The Contoso Mfg. Co., Inc.")
'contoso manufacturing'
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from engine.folding import (
    LETTERS_NFKD_KEEPS,
    latin_lookalikes,
    may_hold,
    without_invisibles,
    without_xml_escapes,
)
from engine.match.client_notes import without_account_notes
from engine.match.legal_forms import (
    LEADING_FORMS,
    ends_in_legal_form,
    form_after_quoted_name,
    is_legal_form,
    without_cjk_forms,
    without_written_out_forms,
)

#: British spellings a name keeps on one side and loses on the other ("Harbour Engineering" /
#: "Harbor Engineering", "Southbank Colour" / "Southbank Color", "Seaview Defence" / "Seaview
#: Defense"): both sides are read the American way. Not "tyre": read "tire", a typo of it
#: ("Tyers") is two slips from the key, not one.
_BRITISH = re.compile(
    r"\b(?:(\w{2,})our(s?)|(\w{2,})tre(s?)|aluminium|jewellery|grey|programme(s?)"
    r"|catalogue(s?)|defence|licence(s?)|organisation(s?))\b"
)
_AMERICAN = {
    "aluminium": "aluminum",
    "jewellery": "jewelry",
    "grey": "gray",
    "defence": "defense",
}


def _american(found: re.Match[str]) -> str:
    word = found.group(0)
    if word in _AMERICAN:
        return _AMERICAN[word]
    if found.group(1):
        return f"{found.group(1)}or{found.group(2)}"
    if found.group(3):
        return f"{found.group(3)}ter{found.group(4)}"
    for british, american in _ENDINGS:
        if word.startswith(british):
            return american + word[len(british) :]
    return word


_ENDINGS = (
    ("programme", "program"),
    ("catalogue", "catalog"),
    ("licence", "license"),
    ("organisation", "organization"),
)

_ABBREVIATIONS = {
    "mfg": "manufacturing",
    "manuf": "manufacturing",
    "intl": "international",
    "int'l": "international",
    "svcs": "services",
    "svc": "services",
    "srvcs": "services",
    "mgmt": "management",
    "mgt": "management",
    "assoc": "associates",
    "assocs": "associates",
    "assn": "association",
    "bros": "brothers",
    "sons": "son",  # "Hughes & Sons Joinery" is the bill's "Hughes & Son Joinery"
    "grp": "group",
    "dept": "department",
    "univ": "university",
    "natl": "national",
    "ctr": "center",
    "centre": "center",
    "tech": "technology",
    "technologies": "technology",
    "sys": "systems",
    "dist": "distribution",
    "distr": "distribution",
    "distrib": "distribution",
    "hldgs": "holdings",
    "hldg": "holding",
    "physio": "physiotherapy",
    "hts": "heights",
    "spgs": "springs",
    "hosp": "hospital",
    "med": "medical",
    "dr": "doctor",
    "st": "saint",
    "mtn": "mountain",
    "ft": "fort",
    "mt": "mount",
    "n": "and",
    "et": "and",
    "und": "and",
    "acct": "accounting",
    "accts": "accounting",
    "eng": "engineering",
    "engr": "engineering",
    "constr": "construction",
    "props": "properties",
    "prop": "property",
    "invest": "investments",
    "fin": "financial",
    "ins": "insurance",
    "partners": "partners",
    "ptnrs": "partners",
    # a name's generic words in the languages of the bills: "Gruppe" is the bill's "Group"
    **dict.fromkeys(["gruppe", "groupe", "grupo", "gruppo", "groep", "grupa"], "group"),
    **dict.fromkeys(
        ["dienstleistungen", "dienstleistung", "servicios", "servizi", "diensten", "uslugi"],
        "services",
    ),
    **dict.fromkeys(["beratung", "consultoria", "consulenza"], "consulting"),
    **dict.fromkeys(["logistik", "logistique", "logistica", "logistiek"], "logistics"),
    **dict.fromkeys(["internacional", "internationale", "internazionale"], "international"),
    **dict.fromkeys(
        ["buchhaltung", "comptabilite", "contabilidad", "boekhouding", "redovisning"], "accounting"
    ),
}
STOP_WORDS = frozenset(["and", "of", "the", "for", "a", "an"])
#: Words that qualify a company without naming a different one ("Contoso Holdings" is Contoso; "Contoso
#: Lab" is not Contoso Group). Names equal once these are set aside match, when unique on both sides.
GENERIC_WORDS = frozenset(
    [
        "main",
        "hq",
        "headquarters",
        "head",
        "office",
        "corporate",
        "global",
        "holdings",
        "holding",
        "enterprises",
        "worldwide",
        "usa",
        "us",
        "uk",
    ]
)


_NON_WORD = re.compile(r"[\W_]+")
#: One pass over lower-cased ASCII text: &/+/@ become words, apostrophes and dots vanish
#: (O'Brien → obrien, L.L.C. → llc), anything else that is not a letter or digit splits words.
_ASCII_FOLD = str.maketrans(
    {
        **{chr(c): " " for c in range(128) if not chr(c).isalnum()},
        "&": " and ",
        "+": " and ",
        "@": " at ",
        "'": None,
        ".": None,
        "`": None,
    }
)
_NON_ASCII_DROPPED = str.maketrans({"’": None, "´": None, **LETTERS_NFKD_KEEPS})
_NUMBER_WORDS = frozenset(["no", "nr", "num", "number"])
#: Words that label a numbered location of a chain: before a number they all mean "store".
_STORE_SHORT = frozenset(
    ["st", "str", "stor", "stre", "shp", "shop", "site", "loc", "location", "filiale", "outlet"]
)
#: An address part after the name ("- Level 3", "Floor 2"): where the office is, not who it is.
_ADDRESS_PARTS = frozenset(["level", "lvl", "floor", "flr", "suite", "ste"])


#: A tenant domain written after the name ("Wildflower Investments LLP (Tenant:
#: wildflowerelectricalservic.onmicrosoft.com)", "Contoso Ltd - contoso.com"): evidence of who the
#: company is, not a part of its name.
DOMAIN = r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|biz|info|io|co|[a-z]{2})"
_NAMED_DOMAIN = re.compile(
    rf"\s*(?:[\[(]\s*(?:(?:tenant|domain)\s*:?\s*)?(?P<a>{DOMAIN})\s*[\])]|[-\u2013|]\s*(?P<b>{DOMAIN}))\s*$",
    re.IGNORECASE,
)


def domain_in_name(name: str) -> str | None:
    """The tenant domain written after a company name, if any."""
    found = _NAMED_DOMAIN.search(name) if "." in name else None
    return (found["a"] or found["b"]).lower() if found else None


_GLUED_NUMBER = re.compile(r"\b([a-z]{4,}|st|str|shp|loc)(\d{1,4})\b")  # "Store7", "St22"
_STORE_DOT = re.compile(r"\b(st|str|stor|nr|no)\.(?=\d)", re.IGNORECASE)


#: Austria's sole trader, written with its dots after the name: "Hofbauer Tischlerei e.U.".
_SOLE_TRADER_EU = re.compile(r"\s+e\.\s?U\.?\s*$")


#: Where one word ends and the next begins in a name written without spaces ("MeyerPrinting",
#: "AbernathyAndCastilloLogis"), never inside a Scottish or Irish surname ("McDonald", "MacLeod").
_HUMP = re.compile(r"(?<=[a-z])(?<!\bMc)(?<!\bMac)(?=[A-Z][a-z])")


#: The marks a quoted name closes with (straight, typographic, guillemet).
_CLOSING_QUOTES = frozenset("\"\u201c\u201d\u00bb\u2019'")


@lru_cache(maxsize=131072)
def client_key(name: str) -> str:
    """The comparable form of a company name (case, accents, punctuation, suffixes, abbreviations)."""
    name = without_xml_escapes(name)  # "Acme Ltd_x000D_": a carriage return an export kept
    if " " not in name.strip() and _HUMP.search(name):
        name = _HUMP.sub(" ", name)  # "MeyerPrinting": a PSA's company identifier, words joined
    if _MOJIBAKE.search(name):
        name = _repaired(name)
    if "&" in name and ";" in name:
        name = html.unescape(name)  # "Smith &amp; Jones", copied out of a web page or an API
    name = without_account_notes(name)  # "… Pty Ltd (ABN 76 916 305 825) *VIP*", "acme.com"
    if name[-1:] in _CLOSING_QUOTES or name[:1] in "Ss":
        name = form_after_quoted_name(name)  # 'SIA "Cēsu Energo"' is 'Cēsu Energo SIA'
    if name[:1] in "0123456789zZxX" and (first := _BEFORE_THE_NAME.match(name)) is not None:
        name = name[first.end() :]  # "13744Coastline Architects", "zz Larkspur Physio (migrated)"
    if _CODE_BEFORE_A_DASH.match(name):
        name = _CODE_BEFORE_A_DASH.sub("", name, count=1)  # "HOLL57 – Hollis Brewing"
    if "." in name:
        name = _NAMED_DOMAIN.sub("", name) or name
    name = without_address(name)  # "… GmbH - 45 Rue de la Paix", "…, Level 2/88 George St"
    if not _NOTE_MARKS.isdisjoint(name):
        name = _BRACKETED_CODE.sub("", name) or name  # "Zephyr Plumbing Ltd [10779]"
        name = _RECORD_NOTE.sub("", name) or name  # "Acme Dental Group Ltd (old)", "… - dnu"
    if may_hold(name, _MAY_NAME_ADDRESSEE):
        name = _ADDRESSEE.sub("", name) or name  # "… Pty Ltd (attn: Accounts)", "… c/o Jane Doe"
        name = _ADDRESSEE_FIRST.sub("", name) or name  # "Attn: Accounts Payable – Acme Ltd"
    if not _NOTE_MARKS.isdisjoint(name):
        name = _DEPARTMENT.sub("", name) or name  # "… Ltd / Accounts Payable", "… [AP dept]"
    if "," in name:
        name = _without_contact(name)
    if "." in name:
        name = _STORE_DOT.sub(r"\1 ", name)  # "Ironbark Consulting St.13": a store and its number
        name = _SOLE_TRADER_EU.sub("", name) or name  # Austria's "e.U.", never the EU
    if name.isascii():
        text = name.lower().translate(_ASCII_FOLD)
    else:
        text = unicodedata.normalize("NFKD", latin_lookalikes(name))  # "Vаntage" (Cyrillic а)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = without_invisibles(text).lower().translate(_NON_ASCII_DROPPED)
        text = without_cjk_forms(text)  # "株式会社サンプル", "北京科技有限公司": no spaces to split
        # letters of every script stay ("ООО Ромашка" is "ромашка", not nothing)
        text = _NON_WORD.sub(" ", text.translate(_ASCII_FOLD))
    text = without_written_out_forms(text)  # "… Korlátolt Felelősségű Társaság" is its Kft.
    if _BRITISH.search(text):
        text = _BRITISH.sub(_american, text)  # "Harbour Tyres" is the books' "Harbor Tires"
    if "ij" in text:
        text = text.replace("ij", "y")  # Dutch "ij" written "y" ("Van Dijk" / "Van Dyk", "Bijl")
    if any(map(str.isdigit, text)):
        text = _GLUED_NUMBER.sub(r"\1 \2", text)  # "Store7", "Vestiging28": a word and its number
    raw = [_long_word(token) if len(token) >= _LONG else token for token in text.split()]
    tokens = (
        [  # "St 36", "Str. 36": a store and its number ("St Mary" stays a saint)
            "store"
            if token in _STORE_SHORT and i + 1 < len(raw) and raw[i + 1].isdigit()
            else _ABBREVIATIONS.get(token, token)
            for i, token in enumerate(raw)
        ]
        if not _STORE_SHORT.isdisjoint(raw)
        else list(map(_ABBREVIATIONS.get, raw, raw))  # (most names: no store word)
    )
    if tokens[:1] == ["and"] and raw[0] == "n":
        tokens[0] = "n"  # "N. Shore Travel": a compass point's initial; no name begins with "and"
    if len(tokens) != len(" ".join(tokens).split()):  # an abbreviation stood for several words
        tokens = " ".join(tokens).split()
    if len(tokens) > 3 and tokens[-2] in _ADDRESS_PARTS and tokens[-1].isdigit():
        tokens = tokens[:-2]
    tokens = _joined_initials(tokens)
    if not _DENOMINATION_WORDS.isdisjoint(tokens):
        tokens = _denominations(tokens)  # "St John's CE Primary" is "… Church of England …"
    if "y" in tokens[1:-1]:  # "García y López": Spanish joins two surnames so, or not at all
        tokens = [t for i, t in enumerate(tokens) if t != "y" or i in (0, len(tokens) - 1)]
    if "o" in tokens[:-1]:  # "O Connell", "O'Connell", "O’Connell": one Irish surname
        tokens = _irish_o_joined(tokens)
    tokens = _without_account_code(tokens)
    if not _NUMBERED_PLACES.isdisjoint(tokens):
        tokens = _places_numbered_in_figures(tokens)  # "Branch Twenty-Three" is "Branch 23"
    while len(tokens) > 1 and (tokens[0] == "the" or tokens[0] in LEADING_FORMS):
        tokens.pop(0)
    if len(tokens) > 1 and tokens[0] in FIGURE_WORDS:
        tokens[0] = FIGURE_WORDS[tokens[0]]  # "7 Oaks" is the bill's "Seven Oaks"
    if not ORDINAL_WORDS.keys().isdisjoint(tokens):
        tokens = [ORDINAL_WORDS.get(token, token) for token in tokens]  # "6th Form": "Sixth Form"
    if len(tokens) > 2 and tokens[-1] == "of" and tokens[-2] in _PLACES:
        tokens = [tokens[-2], "of", *tokens[:-2]]  # "Milbridge, Town of" is the Town of Milbridge
    elif 1 < len(tokens) <= 4 and tokens[-1] in _PLACES_NAMED_FIRST and "of" not in tokens:
        tokens = [tokens[-1], "of", *tokens[:-1]]  # "Ashe County" is the County of Ashe
    if len(tokens) > 2 and tokens[-1] == "the":  # "Larkvale Marine Services, The"
        tokens.pop()
    if any(map(str.isdigit, tokens)):  # "Store No. 9", "#9", "Nr 009": the number is what counts
        tokens = [
            t.lstrip("0") or "0" if t.isdigit() else t
            for i, t in enumerate(tokens)
            if not (t in _NUMBER_WORDS and i + 1 < len(tokens) and tokens[i + 1].isdigit())
        ]
    tokens = _without_legal_forms(tokens, name)
    if len(tokens) > 2 and tokens[-1] in _COMPASS_SHORT:
        # "Lindqvist Accountants E. Pty Ltd", "Novak Realty Sth": an office's compass point after
        # two words of name (an initial stands before a surname, not after a trade)
        tokens[-1] = _COMPASS_SHORT[tokens[-1]]
    return " ".join(tokens)


#: Words that number one place of a chain or a firm ("Store 9", "Branch 23", "Unit 4").
_NUMBERED_PLACES = frozenset(
    ["store", "branch", "unit", "site", "location", "outlet", "office", "campus", "depot", "no"]
)
_UNITS = {
    word: n
    for n, word in enumerate(
        (
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen",
        )
    )
}  # fmt: skip
_TENS = {
    word: 10 * n
    for n, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2
    )
}


#: A school's church in short, written out: "RC" is "Roman Catholic" ("Catholic" alone stays what
#: it is: two schools may be both), "C of E", "CofE" and "CE" are "Church of England".
_DENOMINATIONS = (
    (("r", "c"), ("roman", "catholic")),
    (("rc",), ("roman", "catholic")),
    (("c", "of", "e"), ("church", "of", "england")),
    (("cofe",), ("church", "of", "england")),
    (("ce",), ("church", "of", "england")),
    (("c", "e"), ("church", "of", "england")),
)
_DENOMINATION_WORDS = frozenset(("rc", "cofe", "ce", "e", "c"))


def _denominations(tokens: list[str]) -> list[str]:
    out: list[str] = []
    at = 0
    while at < len(tokens):
        for short, written in _DENOMINATIONS:
            if at > 0 and tuple(tokens[at : at + len(short)]) == short:  # never a name's first
                out.extend(written)
                at += len(short)
                break
        else:
            out.append(tokens[at])
            at += 1
    return out


def _places_numbered_in_figures(tokens: list[str]) -> list[str]:
    """A place's number written in words after the word that numbers it, in figures: "branch
    twenty three" is "branch 23", as the other side may write it (a number in words elsewhere,
    "Seven Oaks", is part of a name)."""
    out: list[str] = []
    at = 0
    while at < len(tokens):
        out.append(tokens[at])
        if tokens[at] in _NUMBERED_PLACES and at + 1 < len(tokens):
            value, used = _number_in_words(tokens, at + 1)
            if used:
                out.append(str(value))
                at += used
        at += 1
    return out


def _number_in_words(tokens: list[str], at: int) -> tuple[int, int]:
    """The number from 0 to 99 that ``tokens`` write in words from ``at`` ("twenty three"), and how
    many words it takes (none when they write none)."""
    word = tokens[at]
    if word in _UNITS:
        return _UNITS[word], 1
    if word in _TENS:
        if at + 1 < len(tokens) and 0 < _UNITS.get(tokens[at + 1], 0) < 10:
            return _TENS[word] + _UNITS[tokens[at + 1]], 2
        return _TENS[word], 1
    return 0, 0


#: Short forms of the compass points that name one office of a firm, written last.
_COMPASS_SHORT = {
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
    "nth": "north",
    "sth": "south",
    "ctrl": "central",
}


def _irish_o_joined(tokens: list[str]) -> list[str]:
    """ "o connell" is "oconnell": the O of an Irish surname written apart from it."""
    joined: list[str] = []
    for token in tokens:
        if joined and joined[-1] == "o" and len(token) >= 3 and token.isalpha():
            joined[-1] = "o" + token
        else:
            joined.append(token)
    return joined


#: The long words a key reads ("redovisning", "dienstleistungen") are read through one slip of
#: the keys ("Redoovisning", "Dienstleistngen"): a typo must not hide the bill's word.
_LONG = 8
_LONG_WORDS: dict[tuple[str, int], tuple[str, ...]] = {}
for _word in _ABBREVIATIONS:
    if len(_word) >= _LONG:
        for _size in (len(_word) - 1, len(_word), len(_word) + 1):
            _LONG_WORDS[(_word[0], _size)] = (*_LONG_WORDS.get((_word[0], _size), ()), _word)


@lru_cache(maxsize=65536)
def _long_word(token: str) -> str:
    if token in _ABBREVIATIONS:
        return token
    for word in _LONG_WORDS.get((token[0], len(token)), ()):
        # a slip inside the word, its ending kept: "logistic" is no slip of "logistik"
        if token[-2:] == word[-2:] and Levenshtein.distance(token, word, score_cutoff=1) <= 1:
            return word
    return token


#: What a local government is, written "Town of Milbridge" or, in a list, "Milbridge, Town of".
_PLACES = frozenset(
    ("town", "city", "county", "village", "borough", "shire", "parish", "district", "township",
     "municipality", "state", "commonwealth", "province", "region")
)  # fmt: skip
#: Those also written with the place first ("Ashe County", "Mandurah Shire").
_PLACES_NAMED_FIRST = frozenset(["county", "shire", "borough", "township", "municipality"])


#: Ordinals as words, wherever they stand: "Fenwick 6th Form College" is the bill's "Fenwick Sixth
#: Form College" (a store's or a route's number is a cardinal: "Store 6" stays).
_ORDINALS = (
    ("1st", "first"), ("2nd", "second"), ("3rd", "third"), ("4th", "fourth"), ("5th", "fifth"),
    ("6th", "sixth"), ("7th", "seventh"), ("8th", "eighth"), ("9th", "ninth"), ("10th", "tenth"),
    ("11th", "eleventh"), ("12th", "twelfth"),
)  # fmt: skip
ORDINAL_WORDS = dict(_ORDINALS)


#: Figures as words: a figure that begins a name is a word of it, as the bill may spell it ("7 Oaks
#: Engineering" is "Seven Oaks Engineering", "1st Street Roofing" "First Street Roofing"; a figure
#: elsewhere, a store's or a route's, stays one), and a web domain writes it so ("tworivers…").
FIGURE_WORDS = {
    **{
        str(n): word
        for n, word in enumerate(
            "zero one two three four five six seven eight nine ten eleven twelve".split()  # noqa: SIM905
        )
    },
    **ORDINAL_WORDS,
}


_GREEK_OR_CYRILLIC = re.compile("[\u0370-\u03ff\u0400-\u04ff\u1f00-\u1fff]")


def in_latin_letters(text: str) -> str:
    """Greek and Cyrillic letters spelled in Latin ones, as a bill or a tenant writes the name
    ("Αλεξίου Μεταφορές" is "Alexiou Metafores": Greek "ου" is "ou"); other text as it is. Keys
    keep a name's own letters ("ООО Ромашка" is "ромашка"); the matcher compares this spelling."""
    if not _GREEK_OR_CYRILLIC.search(text):
        return text
    from anyascii import anyascii  # only for names in those scripts

    return anyascii(text.replace("ου", "ou").replace("ΟΥ", "OU").replace("Ου", "Ou")).lower()


def _without_legal_forms(tokens: list[str], name: str) -> list[str]:
    """The name's words without the legal forms it ends in ("GmbH & Co. KG", "Pty Ltd")."""
    if (
        len(tokens) > 2
        and len(tokens[-1]) <= 2
        and len(tokens[-2]) <= 3
        and not is_legal_form(tokens[-1])
        and is_legal_form(tokens[-2] + tokens[-1])
    ):
        tokens = [*tokens[:-2], tokens[-2] + tokens[-1]]  # "LL C", "Gmb H": a space slipped in
    word_spa = "spa" in tokens and not _SPA_FORM.search(name)  # "Hotel & Spa", not "S.p.A."
    if len(tokens) > 2 and tokens[-1] in ("me", "epp") and tokens[-2] in ("ltda", "eireli"):
        tokens = tokens[:-1]  # Brazil's "Ltda. - ME": a small company's mark after its form
    for at in range(len(tokens) - 3, 0, -1):  # Mexico's "S. de R.L. (de C.V.)": its S.R.L.
        if tokens[at : at + 3] == ["s", "de", "rl"]:
            tokens = [*tokens[:at], "srl", *tokens[at + 3 :]]
            break
    while len(tokens) > 1 and (
        (is_legal_form(tokens[-1]) and not (word_spa and tokens[-1] == "spa"))
        or (
            tokens[-1] in ("and", "de") and len(tokens) > 2 and is_legal_form(tokens[-2])
        )  # "GmbH & Co. KG", "S.A. de C.V."
    ):
        tokens.pop()
        if len(tokens) > 1 and tokens[-1] == "and":  # "Smith & Co": the "&" went with the "Co"
            tokens.pop()
    if len(tokens) > 2 and tokens[-2:] == ["pty", "ltd"]:
        tokens = tokens[:-2]
    return tokens


#: Where an address begins after a name: a unit, level, suite or box and its number; a street's
#: number and name with a word for a street ("45 Rue de la Paix", "220 Main St"); a street whose
#: name ends in its word for a street, then its number ("Musterstraße 5", "Storgata 12").
_ADDRESS = re.compile(
    r"(?:(?:unit|level|lvl|suite|ste|floor|flr|shop|building|bldg|apt|p\.?\s?o\.?\s?box|box|"
    r"postfach|postboks)\b\.?\s*\d"
    r"|\d+[a-z]?(?:/\d+[a-z]?)?\s+.*\b(?:st|street|rd|road|ave|avenue|blvd|boulevard|dr|drive|ln|lane|way|pl|"
    r"place|sq|square|ct|court|hwy|highway|pkwy|parkway|tce|terrace|cres|crescent|close|rue|allee|"
    r"allée|chemin|via|viale|piazza|calle|avenida|rua|plaza|strasse|straße|str|weg|gasse|platz|"
    r"vej|gade|gata|gatan|vagen|vägen|veien|laan|straat|plein|gracht)\b"
    r"|\w+(?:strasse|straße|str\.|weg|gasse|platz|vej|gade|gata|gatan|vägen|vagen|veien|laan|"
    r"straat|plein|gracht)\s+\d"
    r"|(?:calle|rue|via|viale|avenida|avenue|rua|piazza|plaza|chemin|allee|allée|carrer|ulica|ul\.)"
    r"\s+\D*\d)",
    re.IGNORECASE,
)
#: What sets an address apart from the name before it: a dash, a comma, a slash, a bar, an "@",
#: a bracket.
_ADDRESS_SEPARATOR = re.compile(r"\s*(?:[-\u2013\u2014,/|@]|\()\s*")
_ADDRESS_MARKS = frozenset("-\u2013\u2014,/|@(")


def without_address(name: str) -> str:
    """The name without the postal address a PSA keeps after it ("Heron Auto Repair LLP - Unit 4,
    220 Main St", "Adeyemi Ventures, LLC, Level 2/88 George St", "… GmbH (Musterstraße 5)"):
    where the company is, not who it is."""
    if _ADDRESS_MARKS.isdisjoint(name):
        return name  # (speed: most names set nothing off)
    for found in _ADDRESS_SEPARATOR.finditer(name):
        if found.start() == 0:
            continue
        tail = name[found.end() :]
        if _ADDRESS.match(tail) and any(ch.isdigit() for ch in tail):
            return name[: found.start()].rstrip(" ,") or name
    return name


#: An account number a PSA or ledger writes before a name ("10455 Zephyr Associates", "C10004 -
#: Kallio Oy") or a coded reference after it ("Ibáñez Community Health S.A. (C10307)").
#: A PSA's account code in capitals and digits set before the name by a spaced dash, bar or
#: colon ("HOLL57 – Hollis Brewing", "ACME01 | Acme Tools"): the name follows it.
#: What an old ledger or a tidy-up puts before a name: the old system's customer number glued to it
#: ("13744Coastline Architects"), or letters that park a retired record at the end of the list
#: ("zz Larkspur Physiotherapy", "ZZ - Acme", "xx Acme").
_BEFORE_THE_NAME = re.compile(
    r"\s*(?:\d{4,}(?=[A-Z][a-z]|[A-Z]{2})|(?i:zz+|xx+)(?:\s*[-\u2013\u2014_.:]\s*|\s+)(?=\w))"
)
_CODE_BEFORE_A_DASH = re.compile(r"\s*[A-Z]{2,6}\d{2,6}\s+[-\u2013\u2014|:]\s+(?=[^\W\d_]{3})")
_LEADING_CODE = re.compile(r"[a-z]{0,4}\d{4,}")  # "C1278", "CUST1042" (NetSuite)
_TRAILING_CODE = re.compile(r"[a-z]{1,3}\d{4,}")
#: An account number in brackets after the name; a bare number after it may tell companies apart
#: ("Adventure Accounting Co 18706" / "… Co 34148").
#: UTF-8 read as Windows-1252: "BjÃ¸rnstad", "CÃ´tÃ©", "â€™" (a name copied through a system that
#: decoded it wrongly).
_MOJIBAKE = re.compile(
    "[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€"
)


def _repaired(name: str) -> str:
    """The name as it was written before it was decoded in the wrong code page (ftfy)."""
    from ftfy import fix_encoding  # imported only when a name needs it

    return str(fix_encoding(name))


_CONTACT = re.compile(r"^\s*(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2}\s*$")


def _without_contact(name: str) -> str:
    """Odoo writes the contact after the company: "Corner Market Store 17 Inc., Anna Berg" is the
    company; "Smith, Jones & Co" and "Larkvale Marine, The" are not cut."""
    company, _, contact = name.rpartition(",")
    if (
        ends_in_legal_form(company)
        and _CONTACT.match(contact)
        and not any(is_legal_form(w) for w in re.findall(r"[a-z]+", contact.lower()))
    ):
        return company
    return name


#: Italy's S.p.A. as it is written ("SpA", "S.p.A.", "S.P.A."); "Spa" or "SPA" alone is a spa.
_SPA_FORM = re.compile(r"\bS\.?\s?p\.?\s?A\b|\bS\.P\.A\b")
#: Whom a bill is addressed to, written after the company: "(attn: Accounts)", "- Attn: Accounts
#: Payable", "c/o Jane Doe", "ATTN Jane Doe". Never at the start, so a name stays a name.
_ADDRESSEE = re.compile(
    r"(?<=\S)\s*[-–—,]?\s*[(\[]?\s*(?:attn\b\.?|attention\s*:|fao\s*[:.]|c/o\b|care of\b|"
    r"(?:contact|kontakt|contato|contacto)\s*:|z\.\s?hd\.?|z\s?hd\b)[^)\]]*[)\]]?\s*$",
    re.IGNORECASE,
)
#: The addressee written before the name, set off by a dash: "Attn: Accounts Payable – Acme Ltd".
_ADDRESSEE_FIRST = re.compile(
    r"^\s*(?:(?:attn|attention|fao)\s*[:.]|c/o\b|z\.\s?hd\.?|z\s?hd\b)[^–—|]{0,40}?\s+[-–—|]\s+",
    re.IGNORECASE,
)
#: A note a PSA keeps on a second record of the same customer: "(old)", "[2]", "- do not use".
_RECORD_NOTE = re.compile(
    r"\s*(?:[\[(]\s*(?:old|inactive|duplicate|dup|do not use|dnu|archived?|legacy|migrated"
    r"|imported)\s*[\])]"
    r"|\[\s*\d{1,2}\s*\]"
    r"|\s[-–—:]\s*(?:old|inactive|duplicate|do not use|dnu|archived?|legacy|migrated|imported))\s*$",
    re.IGNORECASE,
)
#: The department a PSA addresses the bill to, after the name: "/ Accounts Payable", "[AP dept]",
#: "- Billing". Who in the company reads the invoice, not another company.
_DEPARTMENT = re.compile(
    r"(?<=\S)\s*(?:[-–—/|:]\s*[(\[]?|[(\[])\s*"
    r"(?:(?:accounts?\s+payables?|a/p|ap|accounts|billing|finance|invoices|payables)"
    r"(?:\s+(?:dept\.?|department|team|contact))?"
    r"|(?:it|hr|admin|procurement|purchasing|operations|ops|legal|payroll|office)"
    r"\s+(?:dept\.?|department|team))\s*[)\]]?\s*$",
    re.IGNORECASE,
)
#: What sets a note apart from the name before it: a bracket, a dash, a slash, a bar, a colon.
_NOTE_MARKS = frozenset("([-\u2013\u2014/|:")
_MAY_NAME_ADDRESSEE = ("att", "fao", "c/o", "care of", "conta", "kontakt", "hd")
_BRACKETED_CODE = re.compile(r"\s*[\[(]\s*#?[A-Za-z]{0,3}-?\d{4,}\s*[\])](?=\s*(?:$|[\[(]))")


#: Words that label an account code before a name ("Acct 4990 Coolangatta Bakery").
_CODE_LABELS = frozenset(
    (
        *("acct", "acc", "account", "accounting", "cust", "customer", "ac", "ref"),
        # the customer's number in the books' languages ("Kunde 10166 - …", e-conomic's group rows)
        *("kunde", "kundenr", "kund", "kundnr", "klant", "klantnr", "debitor", "debiteur"),
        *("client", "cliente", "klient", "asiakas"),
    )
)


#: Where a company named by its registration number was registered: "9152-9227 Québec inc.",
#: "1234567 Ontario Inc.", "1234567 Canada Ltée", "123456 B.C. Ltd." (Canada's numbered companies).
_JURISDICTIONS = frozenset(
    (
        *("quebec", "ontario", "canada", "alberta", "bc", "manitoba", "saskatchewan", "nunavut"),
        *("nova", "scotia", "new", "brunswick", "nb", "ns", "pei", "yukon", "nwt", "nl"),
        *("newfoundland", "labrador", "prince", "edward", "island", "british", "columbia"),
    )
)


def _numbered_company(tokens: list[str]) -> bool:
    """A company named by its registration number and where it was registered ("9152-9227
    Québec inc.", "1234567 Ontario Inc. o/a Murray Plumbing"), or by the number alone ("123 456
    789 Pty Ltd"): the number tells it from its siblings, whatever trade name follows."""
    digits = 0
    while digits < len(tokens) and tokens[digits].isdigit():
        digits += 1
    if not digits or digits == len(tokens):
        return False
    rest = tokens[digits:]
    places = 0
    while places < len(rest) and rest[places] in _JURISDICTIONS:
        places += 1
    # the place and the legal form follow the number ("4990 Canada Post Depot" is an account's)
    return (
        places == len(rest) or is_legal_form(rest[places])
        if places
        else all(is_legal_form(t) for t in rest)
    )


def _without_account_code(tokens: list[str]) -> list[str]:
    """The name without an account code around it ("C1278 4780 - Rheinblick Hill", "Acct 4990
    Coolangatta Bakery"); a store's number ("Store 1024") is kept."""
    if len(tokens) < 2:
        return tokens
    if (
        not _LEADING_CODE.fullmatch(tokens[0])
        and tokens[0] not in _CODE_LABELS
        and not _TRAILING_CODE.fullmatch(tokens[-1])
    ):
        return tokens  # (most names: no code, and the words need not be counted)
    named = [t for t in tokens if t.isalpha() and len(t) > 1]
    if _numbered_company(tokens):
        return tokens  # "9152-9227 Québec inc.", "1234567 Ontario Inc.": the number is the name
    start = 0
    if len(tokens) > 2 and tokens[0] in _CODE_LABELS and _LEADING_CODE.fullmatch(tokens[1]):
        start = 1  # the label goes with its code
    codes = 0
    while codes < 2 and start < len(tokens) - 1:
        at = start + 1 if codes and tokens[start] in _CODE_LABELS else start  # "C1043 Acct 4448"
        if not (
            at < len(tokens) - 1
            and _LEADING_CODE.fullmatch(tokens[at])
            and sum(1 for t in tokens[at + 1 :] if t.isalpha() and len(t) > 1) >= 2
        ):
            break
        start, codes = at + 1, codes + 1
    if codes:
        tokens = tokens[start:]
    if len(tokens) > 1 and named and _TRAILING_CODE.fullmatch(tokens[-1]):
        tokens = tokens[:-1]
    return tokens


#: Single letters that link two names: "t/a" (trading as), "d/b/a", "a/k/a", "f/k/a", "c/o".
_SPELLED_LINKS = frozenset(["ta", "dba", "aka", "fka", "co"])


def _joined_initials(tokens: list[str]) -> list[str]:
    """Single letters side by side are one word: a legal form ("A/S", "S / A", "B V") or a
    company's initials typed apart ("A B C Plumbing" is ABC Plumbing, "A.B. Smith" AB Smith)."""
    if 1 not in map(len, tokens):
        return tokens  # no single letter (most names)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and len(tokens[j]) == 1 and tokens[j].isalpha():
            j += 1
        run = "".join(tokens[i:j])
        if j - i >= 2 and (
            is_legal_form(run)
            or ((j - i >= 3 or i == 0) and not any(link in run for link in _SPELLED_LINKS))
        ):  # "A B C Plumbing", "A.B. Smith"; never "t/a", "d/b/a", "A/S t/a" between two names
            out.append(run)
            i = j
        else:
            out.append(tokens[i])
            i += 1
    return out


def domain_label(domain: str) -> str:
    """``contosodental.onmicrosoft.com`` → ``contosodental``; ``www.contoso.co.uk`` → ``contoso``."""
    host = domain.strip().lower().split("@")[-1]
    parts = [p for p in host.split(".") if p and p != "www"]
    return re.sub(r"[^a-z0-9]", "", parts[0]) if parts else ""
