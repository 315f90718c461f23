"""Legal forms of a company ("Inc", "GmbH", "Pty Ltd") and their typos ("Limietd", "Icn").

A legal form says how a company is registered, never which company it is: both sides may drop it,
spell it wrong or write it before a branch ("Zenith Law Inc. - North"), write it before the name
("ООО Ромашка"), write it out in full ("Korlátolt Felelősségű Társaság"), or glue it to a name
written without spaces ("株式会社サンプル").

>>> is_legal_form("limietd"), is_legal_form("icn"), is_legal_form("law")
(True, True, False)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

#: Legal forms written before the name: Russian and Ukrainian ("ООО Ромашка"), Arabic ("شركة").
LEADING_FORMS = frozenset(
    ["ооо", "оао", "зао", "ао", "пао", "ип", "тов", "пп", "ет", "شركة", "pt", "cv", "sia", "uab"]
)
# (Indonesia's "PT" stands before the name, or after it with a comma: "PT Maju Jaya", "Maju Jaya,
# PT"; its "CV" is also a form after the name elsewhere, and is one of LEGAL_FORMS below)

LEGAL_FORMS = (
    frozenset(
        [
            "inc",
            "incorporated",
            "llc",
            "lllp",
            "llp",
            "lp",
            "ltd",
            "limited",
            "jsc",  # a joint stock company (Vietnam's, Kazakhstan's): "An Khang Logistics JSC"
            "ltee",  # Quebec's "Ltée" (limitée)
            "limitee",
            "incorporee",  # Quebec's "Incorporée" (inc.)
            "sencrl",  # Quebec's partnerships: "s.e.n.c.r.l." (an LLP), "s.e.n.c."
            "senc",
            "enr",  # Quebec's registered sole trader: "Garage Tremblay enr."
            "cie",  # "compagnie": "Tremblay et Cie"
            "gmbh",
            "pty",
            "plc",
            "pllc",
            "pc",
            "corp",
            "corporation",
            "co",
            "company",
            "sa",
            "sas",
            "sarl",
            "ag",
            "bv",
            "nv",
            "srl",
            "spa",
            "ab",
            "as",
            "oy",
            "kg",
            "ug",
            "haftungsbeschrankt",  # "UG (haftungsbeschränkt)": the form's second word
            "kft",
            "sro",
            "sp",
            "zoo",
            "pte",
            "pvt",  # India's "Pvt. Ltd." (private limited)
            "publ",  # Sweden's "AB (publ)"
            "eireli",  # Brazil's sole-owner form
            "me",  # Brazil's microempresa ("Comercial Vale Verde ME") and its larger EPP
            "epp",
            "eirl",  # Chile's E.I.R.L.; Peru's S.A.C.; Mexico's S.C. (sociedad civil)
            "sac",
            "sc",
            "fze",  # the Gulf's free-zone and other forms: FZE, FZCO, FZ-LLC, W.L.L., PJSC
            "fzco",
            "fzc",
            "fz",
            "wll",
            "pjsc",
            "psc",
            "tic",  # Turkish "Tic." (ticaret: trade), written before "A.Ş." or "Ltd. Şti."
            "sab",  # Mexico's "S.A.B. de C.V." and "S.A.P.I. de C.V."
            "sapi",
            "bhd",
            "sdn",
            "se",
            "lda",
            "ltda",
            "cv",
            "cc",
            # the Nordic, Dutch, German, Irish, Iberian, Baltic and Balkan forms beside them
            "oyj",
            "ky",
            "aps",
            "ivs",
            "hb",
            "kb",
            "abp",
            "asa",
            "ans",
            "da",  # Norway's DA (delt ansvar)
            "is",  # Denmark's I/S (interessentskab), its slash a space in the key
            "vof",
            "ek",
            "ohg",
            "gbr",
            "sl",
            "slu",
            "sprl",
            "bvba",
            "dac",
            "ulc",
            "uc",
            "clg",
            "unlimited",
            "kk",
            "tbk",
            "sia",
            "uab",
            "ou",  # Estonia's OÜ (osaühing)
            "doo",
            "jdoo",  # Croatia's j.d.o.o. and d.d. (dioničko društvo)
            "dd",
            "ood",
            "eood",
            "ad",  # Bulgaria's and Serbia's AD (акционерно дружество)
            "pfa",  # Romania's sole trader
            # in Cyrillic letters (Bulgarian, Serbian): ЕООД, ООД, АД, Д.О.О.
            "еоод",
            "оод",
            "ад",
            "доо",
            "zrt",
            "nyrt",
            "bt",  # Hungarian Bt.
            "sti",  # Turkish "Ltd. Şti." (limited şirketi)
            "ike",  # Greek forms spelled in Latin letters: I.K.E., E.P.E.
            "epe",
            "ehf",  # Icelandic: einkahlutafélag, hlutafélag, sameignarfélag
            "hf",
            "slf",
            "teoranta",  # Irish and Welsh: Teoranta (Teo.), Cyfyngedig (Cyf.)
            "teo",
            "cyfyngedig",
            "cyf",
            # in Greek letters: Α.Ε., Ε.Π.Ε., Ο.Ε., Ι.Κ.Ε. (the Cyrillic ones: LEADING_FORMS)
            "αε",
            "επε",
            "οε",
            "εε",
            "ικε",
        ]
    )
    | LEADING_FORMS
)
_LONG_LEGAL = (
    "limited",
    "corporation",
    "incorporated",
    "company",
    "gmbh",
    "pty",
    "llc",
    "inc",
    "ltd",
)


@lru_cache(maxsize=65536)
def is_legal_form(token: str) -> bool:
    """A legal form, or one typed wrong."""
    return token in LEGAL_FORMS or _legal_typo(token)


def ends_in_legal_form(text: str) -> bool:
    """A company's name: two words or more, the last a legal form ("Ltd", "GmbH", "Corp.")."""
    words = re.findall(r"[a-z]+", unicodedata.normalize("NFKD", text.lower()))
    return len(words) >= 2 and is_legal_form(words[-1])


# a pure function of one word, and the same last words recur: cached (speed, issue 15)
_SHORT_LEGAL = tuple(sorted(w for w in LEGAL_FORMS if len(w) == 3))


#: Each short form's first letter and letters in order; each long one (4 letters or more) with its
#: letters in order: an anagram is found without sorting every form again for each word.
_SHORT_ANAGRAMS = frozenset((w[0], *sorted(w)) for w in _SHORT_LEGAL)
_LONG_LEGAL_LETTERS = tuple((w, sorted(w)) for w in _LONG_LEGAL if len(w) >= 4)


@lru_cache(maxsize=65536)
def _legal_typo(token: str) -> bool:
    """ "Limietd", "Corporaiton", "Incorporatd": a legal suffix typed wrong is still a legal suffix."""
    if len(token) == 3:  # "Ldt", "Lcc": the short suffixes only with their own letters swapped
        # "DCA" for DAC, "ASp" for ApS, "Ojy" for Oyj
        return (token[0], *sorted(token)) in _SHORT_ANAGRAMS
    if len(token) < 4:
        return False
    letters = sorted(token)
    for word, word_letters in _LONG_LEGAL_LETTERS:
        if letters == word_letters and token[0] == word[0]:
            return True
        if abs(len(token) - len(word)) <= 1 and _edit_distance_at_most(
            token, word, 1 if len(word) <= 5 else 2
        ):
            return True
    return False


def _edit_distance_at_most(a: str, b: str, budget: int) -> bool:
    return Levenshtein.distance(a, b, score_cutoff=budget) <= budget


#: Words a company's legal entity is named with beside its own name ("Greyfriars Group Oy",
#: "Northstar Holdings B.V."), where the MSP calls it by its trade ("Greyfriars Property
#: Management"). Two names that both say a trade ("Whitmore Physical Therapy", "Whitmore Facilities
#: Management") are two businesses.
ENTITY_WORDS = frozenset(
    [
        "group",
        "holdings",
        "holding",
        "enterprises",
        "enterprise",
        "investments",
        "investment",
        "ventures",
        "capital",
        "industries",
        "partners",
        "international",
        "global",
        "trust",
        "family",
        "nominees",
        "associates",
        "company",
    ]
)


#: Legal forms written out in full, after a name (folded): they say what "Kft", "GmbH", "LLC" say.
_WRITTEN_OUT = re.compile(
    r"(?<=\S)\s+(?:"
    + "|".join(
        sorted(
            (
                "gesellschaft mit beschrankter haftung",
                "gesellschaft mbh",
                "mit beschrankter haftung",
                "aktiengesellschaft",
                "kommanditgesellschaft",
                "offene handelsgesellschaft",
                "korlatolt felelossegu tarsasag",
                "zartkoruen mukodo reszvenytarsasag",
                "nyilvanosan mukodo reszvenytarsasag",
                "reszvenytarsasag",
                "spolka z ograniczona odpowiedzialnoscia",
                "spolka akcyjna",
                "spolecnost s rucenim omezenym",
                "akciova spolecnost",
                "limited liability company",
                "joint stock company",
                "one member limited liability company",
                "limited liability partnership",
                "public limited company",
                "designated activity company",
                "company limited by guarantee",
                "unlimited company",
                "cuideachta ghniomhaiochta ainmnithe",
                "proprietary limited",
                "private limited",
                "besloten vennootschap",
                "naamloze vennootschap",
                "publikt aktiebolag",
                "aktiebolag",
                "aksjeselskap",
                "allmennaksjeselskap",
                "anpartsselskab",
                "aktieselskab",
                "julkinen osakeyhtio",
                "osakeyhtio",
                "anonim sirketi",
                "sanayi ve ticaret",  # Turkish "San. ve Tic.": industry and trade, before the form
                "sanayi ve tic",
                "san ve ticaret",
                "san ve tic",
                "limited sirketi",
                "societe a responsabilite limitee",
                "societe par actions simplifiee",
                "societe anonyme",
                "sociedad de responsabilidad limitada",
                "sociedad limitada",
                "sociedad anonima",
                "sociedade limitada",
                "sociedade anonima",
                "societa a responsabilita limitata",
                "societa per azioni",
                "kabushiki kaisha",
                "sendirian berhad",
                "perseroan terbatas",
                # the Baltic and Balkan forms written out: OÜ, AS, SIA, UAB, AB, SRL, SA, d.o.o.,
                # d.d., EOOD
                "osauhing",
                "aktsiaselts",
                "sabiedriba ar ierobezotu atbildibu",
                "akciju sabiedriba",
                "uzdaroji akcine bendrove",
                "akcine bendrove",
                "societate cu raspundere limitata",
                "societate pe actiuni",
                "drustvo s ogranicenom odgovornoscu",
                "drustvo sa ogranicenom odgovornoscu",
                "dionicko drustvo",
                "akcionarsko drustvo",
                "ednolichno druzhestvo s ogranichena otgovornost",
                "druzhestvo s ogranichena otgovornost",
                "еднолично дружество с ограничена отговорност",
                "дружество с ограничена отговорност",
                "акционерно дружество",
                "друштво са ограниченом одговорношћу",
                "друштво с ограниченом одговорношћу",
                # Poland's and Czechia's forms, however their dots and spaces were typed
                "sp z oo",
                "spz oo",
                "sp zoo",
                "sp z o o",
                "spol s r o",
                "spol s ro",
            ),
            key=len,
            reverse=True,
        )
    )
    + r")\b"
)
#: A word only a legal form written out in full has: the long forms are looked for only then.
_WRITTEN_OUT_WORDS = (
    "haftung", "gesellschaft", "tarsasag", "liability", "proprietary", "private", "public",
    "designated", "guarantee", "unlimited", "joint stock", "cuideachta", "vennootschap", "aktiebolag", "selskab",
    "selskap", "osakeyhtio", "sirketi", "societe", "sociedad", "societa", "kaisha", "berhad",
    "terbatas", "sp",  # "spolka", "spolecnost", "sp z o o", "spol s r o"
    "osauhing", "aktsiaselts", "sabiedriba", "bendrove", "societate", "drustvo", "druzhestvo",
    "дружество", "друштво",
    " ve tic",  # "San. ve Tic."
)  # fmt: skip
#: Legal forms of Japanese and Chinese names, written without spaces before or after the name.
_CJK_FORMS = re.compile(
    "私人有限公司|股份有限公司|有限责任公司|有限責任公司|有限公司|株式会社|有限会社|合同会社|\\(株\\)|㈱|（株）"
)


#: A Japanese company's form written out before its name ("Kabushiki Kaisha Tokai Seiko", as
#: "株式会社" may stand before the name or after it).
_WRITTEN_OUT_BEFORE = re.compile(
    r"^\s*(?:(?:kabushiki|yugen|godo|gomei|goshi)\s+kaisha"
    # Latvia and Lithuania write the form first: "Sabiedrība ar ierobežotu atbildību "Cēsu Energo""
    r"|sabiedriba ar ierobezotu atbildibu|akciju sabiedriba|uzdaroji akcine bendrove"
    r"|akcine bendrove|еднолично дружество с ограничена отговорност"
    r"|дружество с ограничена отговорност|акционерно дружество)\s+(?=\S)"
)
#: Romania's "S.C." (societate comercială) before a name that ends in its form: "S.C. Alfa
#: Construct S.R.L." is the books' "Alfa Construct SRL".
_COMMERCIAL_COMPANY = re.compile(
    r"^\s*S\.?\s?C\.?\s+(?=.*\bS\.?\s?(?:R\.?\s?L|A)\.?\s*$)", re.IGNORECASE
)


#: A legal form before a name in quotes, as the Baltic states, the Balkans and Russia write it:
#: 'SIA "Cēsu Energo"', 'UAB „Saulės energija“', 'AS "Jūras Būve"', 'ООО «Ромашка»'.
_FORM_BEFORE_QUOTED = re.compile(
    r"^\s*(?P<form>[^\W\d_][^\W\d_.]{0,5}(?:\.[^\W\d_]{1,3}){0,3}\.?)\s*"
    r"[\"\u201e\u201c\u00ab\u201a\u2018'](?P<name>[^\"\u201c\u201d\u00ab\u00bb]+?)"
    r"[\"\u201c\u201d\u00bb\u2018\u2019']\s*$"
)


#: The Baltic forms written out before a quoted name, and the form they are.
_WRITTEN_OUT_FIRST = {
    "akciju sabiedriba": "AS",
    "sabiedriba ar ierobezotu atbildibu": "SIA",
    "uzdaroji akcine bendrove": "UAB",
    "akcine bendrove": "AB",
}
#: A quoted name ending the text.
_QUOTED_AFTER = re.compile(
    r"\s[\"\u201e\u201c\u00ab](?P<name>[^\"\u201c\u201d\u00ab\u00bb]+?)[\"\u201c\u201d\u00bb]\s*$"
)


def _folded_words(text: str) -> list[str]:
    """The words of a text in lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).split()


def form_after_quoted_name(name: str) -> str:
    """'SIA "Cēsu Energo"' → 'Cēsu Energo SIA': a form written before a quoted name goes behind
    it, where the books that write 'Cēsu Energo SIA' have it; Romania's "S.C." before a name
    that ends in its form goes."""
    if name[:1] in "Ss" and (commercial := _COMMERCIAL_COMPANY.match(name)) is not None:
        return name[commercial.end() :]
    found = _FORM_BEFORE_QUOTED.match(name)
    if found is not None and is_legal_form(found["form"].replace(".", "").casefold()):
        return f"{found['name'].strip()} {found['form']}"
    if name[:1] in "SsAaUu" and (quoted := _QUOTED_AFTER.search(name)) is not None:
        written = " ".join(_folded_words(name[: quoted.start()]))
        if (form := _WRITTEN_OUT_FIRST.get(written)) is not None:
            return f"{quoted['name'].strip()} {form}"  # 'Akciju sabiedrība "Gaujas Būve"'
    return name


def without_written_out_forms(text: str) -> str:
    """A folded name without the legal forms it writes out in full ("… Korlátolt Felelősségű
    Társaság", "… Gesellschaft mit beschränkter Haftung", "… Sp.z o.o.", "Kabushiki Kaisha …"):
    they are its Kft, GmbH, Sp. z o.o., K.K."""
    if not any(map(text.__contains__, _WRITTEN_OUT_WORDS)):  # (speed: a scan in C per word)
        return text
    return _WRITTEN_OUT.sub(" ", _WRITTEN_OUT_BEFORE.sub("", text))


def without_cjk_forms(text: str) -> str:
    """A Japanese or Chinese name without its legal form ("株式会社サンプル", "北京科技有限公司")."""
    return _CJK_FORMS.sub(" ", text) if _CJK_FORMS.search(text) else text
