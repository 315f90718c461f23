"""Two companies whose names differ only in their legal form ("Yeoman Logistics AG" and "Yeoman
Logistics Co., Ltd.") or in a leading "The" are two companies.

A client's key drops the legal form and "The", so that "Contoso Ltd", "Contoso Limited" and "The
Contoso Ltd" are one client. When one export has two spellings of a key whose legal forms share no
form ("LLP" / "Limited"; "Company" may be part of the name, so it alone is no form in common), those
are not two spellings of one company: their keys keep the legal form, on both sides, so each pairs
with its own. A spelling without a legal form, or with a typo of one ("Limietd"), keeps the plain
key. The vendor's bill names each of its customers one way, the way the tenant was set up: when it
names a key both with and without a leading "The" ("The Murray Plumbing Services Pty Ltd" beside
"Murray Plumbing Services Pty Ltd"), those are two tenants, and their keys keep the "The" on both
sides. (A PSA typed by people may write one company both ways, so its spellings alone decide no
"The".)

Beyond legal forms, two spellings of one key on the vendor's bill are two tenants when their tenant
domains differ ("Kehoe & Fitzgerald Architects Limited" and "Kehoe and Fitzgerald Architects Ltd",
each with its own onmicrosoft.com domain), or, where the bill gives no domain, when each bills the
same product and their words differ beyond legal form and punctuation ("Ouellète Medical Center
Corp." and "… Centre Corp.", each with its own Acronis seats; "Contoso" and "Contoso Ltd" may be one
tenant's two subscriptions). Each keeps its own spelling as its key, and a PSA spelling of that key
pairs with the one it spells, or the one it is clearly closest to.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, MutableMapping, Set
from functools import lru_cache

from rapidfuzz import fuzz

from engine.folding import folded
from engine.match.client_keys import domain_in_name, in_latin_letters, without_address
from engine.match.client_notes import (
    without_account_notes,
    without_email,
    without_legal_tail,
    without_registrations,
)
from engine.match.legal_forms import LEGAL_FORMS, form_after_quoted_name

#: Spellings of one kind of legal form.
_SAME_KIND = {
    "limited": "ltd",
    "incorporated": "inc",
    "corporation": "corp",
    "company": "co",
    "pty": "ltd",  # "Pty Ltd", "Pty. Limited": a limited company
    "ltda": "ltd",
    "lda": "ltd",
    "oyj": "oy",
    "ltee": "ltd",  # Quebec's "Ltée" is the English "Ltd."
    "limitee": "ltd",
    "incorporee": "inc",
    "sencrl": "llp",  # Quebec's "s.e.n.c.r.l." is a limited liability partnership
    "cie": "co",
    "teoranta": "ltd",  # Irish "Teoranta" (Teo.) and Welsh "Cyfyngedig" (Cyf.) are "Limited"
    "teo": "ltd",
    "cyfyngedig": "ltd",
    "cyf": "ltd",
}
_WORDS = re.compile(r"[^\W\d_]+")  # letters of any script ("ЕООД")
_TRAILING_BRACKETS = re.compile(r"(?:\s*[(\[][^()\[\]]*[)\]])+\s*$")


#: Legal forms written out in full, as the form they are ("… Public Limited Company" is a plc).
_WRITTEN_OUT = {
    "public limited company": "plc",
    "designated activity company": "dac",
    "company limited by guarantee": "clg",
    "limited liability company": "llc",
    "limited liability co": "llc",
    "limited liability partnership": "llp",
    "proprietary limited": "pty ltd",
    "gesellschaft mit beschrankter haftung": "gmbh",
    "aktiengesellschaft": "ag",
    "societe a responsabilite limitee": "sarl",
    "societe par actions simplifiee": "sas",
    "societe anonyme": "sa",
    "sociedad de responsabilidad limitada": "srl",
    "sociedad limitada": "sl",
    "sociedad anonima": "sa",
    "sociedade limitada": "ltda",
    "sociedade anonima": "sa",
    "societa a responsabilita limitata": "srl",
    "societa per azioni": "spa",
    "besloten vennootschap": "bv",
    "naamloze vennootschap": "nv",
    "aktiebolag": "ab",
    "osakeyhtio": "oy",
    "aksjeselskap": "as",
    "aktieselskab": "as",
    "anpartsselskab": "aps",
    "sendirian berhad": "sdn bhd",
    "kabushiki kaisha": "kk",
    "korlatolt felelossegu tarsasag": "kft",
    # the Baltic and Balkan forms (the ones written before the name are read there too)
    "osauhing": "ou",
    "aktsiaselts": "as",
    "sabiedriba ar ierobezotu atbildibu": "sia",
    "uzdaroji akcine bendrove": "uab",
    "societate cu raspundere limitata": "srl",
    "societate pe actiuni": "sa",
    "drustvo sa ogranicenom odgovornoscu": "doo",
    "drustvo s ogranicenom odgovornoscu": "doo",
    "dionicko drustvo": "dd",
    "akcionarsko drustvo": "ad",
    "ednolichno druzhestvo s ogranichena otgovornost": "eood",
    "joint stock company": "jsc",
}
_WRITTEN_OUT_AT_END = re.compile(
    r"\b(" + "|".join(sorted(_WRITTEN_OUT, key=len, reverse=True)) + r")\s*$"
)
#: The last words of those forms, and of a partnership whose partner is a company (speed).
_WRITTEN_OUT_LAST = frozenset(form.rpartition(" ")[2] for form in _WRITTEN_OUT)
_COMPOUND_LAST = frozenset(["kg", "kgaa", "ohg"])


#: A partnership whose partner is a company: "GmbH & Co. KG", "AG & Co. KGaA", "UG (haftungs-
#: beschränkt) & Co. KG" (its kind is the partnership's).
_COMPOUND = re.compile(
    r"\s(?:gmbh|ag|ug|se|ltd|bv)(?:\s+haftungsbeschrankt)?\s+(?:und\s+)?co\s+(kg|kgaa|ohg)$"
)


#: The marks of a quoted name or of notes set off by a middle dot (speed: most names have none).
_QUOTES_OR_DOTS = frozenset('"\u201c\u201d\u00bb\u00b7')


@lru_cache(maxsize=131072)
def legal_kind(name: str) -> str:
    """The kinds of legal form a name ends in ("co ltd", "ag"); '' when it ends in none. What
    follows a dash or "c/o" after the form is a note ("Dubois Architectes SAS - c/o J. Smith")."""
    name = without_address(without_email(name))  # "Adeyemi Ventures, LLC, Level 2/88 George St"
    name = without_legal_tail(name)  # "Rousseau Architecture SAS au capital de 37 000 €"
    if any(map(str.isdigit, name)):  # "LV40000287852 SIA …", "Reģ. Nr. … AS …", "… EOOD, ЕИК …"
        name = without_registrations(name)
    if not _QUOTES_OR_DOTS.isdisjoint(name):
        # 'SIA "Cēsu Energo"' ends in its SIA, as does "Konto 7000851 · SIA "…" · Reģ. Nr. …"
        name = form_after_quoted_name(without_account_notes(name))
    if not _MAY_HAVE_NOTE.search(name) and not _ENDS_IN_FORM.search(
        folded(name[-40:]).replace(".", "")
    ):
        return ""  # (speed: most names end in no form and carry no note)
    kind = _legal_kind(name)
    while not kind and (found := _TRAILING_NOTE.search(name)) is not None:
        name = name[: found.start()]
        kind = _legal_kind(name)
    return kind


#: A name that may end in a legal form (folded, without dots): a form's word or a written-out
#: form's last word at its end; or one with a note or brackets, after which a form may stand.
_FORM_ENDS = sorted(
    {w for w in LEGAL_FORMS if w.isalpha()} | {form.split()[-1] for form in _WRITTEN_OUT}
)
_ENDS_IN_FORM = re.compile(r"\b(?:" + "|".join(_FORM_ENDS) + r")\W*$")
_MAY_HAVE_NOTE = re.compile(r"[-\u2013\u2014|/(\[]|\battn\b", re.IGNORECASE)  # "c/o" has its "/"
_TRAILING_NOTE = re.compile(
    r"\s+(?:[-\u2013\u2014|/]|c/o\b|attn\b)[^-\u2013\u2014|/]*$", re.IGNORECASE
)


def _legal_kind(name: str) -> str:
    if ")" in name or "]" in name:  # (speed: the patterns below are tried only where they may fit)
        name = _TRAILING_BRACKETS.sub("", name) or name  # "Lakeshore Medical Centre P.C. (C10174)"
    text = _spelled(name)  # its words, one space apart
    last = text.rpartition(" ")[2]
    if last in _WRITTEN_OUT_LAST:
        text = _WRITTEN_OUT_AT_END.sub(lambda m: _WRITTEN_OUT[m.group(1)], text)
        last = text.rpartition(" ")[2]
    if last in _COMPOUND_LAST:
        text = _COMPOUND.sub(r" \1", text)  # a GmbH & Co. KG is a KG, not a GmbH
    words = text.split()
    kinds: set[str] = set()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        word = words.pop()
        word = word if word.isascii() else in_latin_letters(word)  # "ЕООД" is the EOOD
        kinds.add(_SAME_KIND.get(word, word))
    return " ".join(sorted(kinds))


def separate_legal_twins(
    vendor_keys: MutableMapping[str, str], psa_keys: MutableMapping[str, str]
) -> None:
    """Give the spellings of a key whose one side names two kinds of legal form keys that keep it,
    and those of a key the vendor names with and without "The" keys that keep the "The"."""
    twins: set[str] = set()
    for keys in (vendor_keys, psa_keys):
        per_side: dict[str, set[frozenset[str]]] = defaultdict(set)
        for key, spellings in _shared_keys(keys).items():  # (speed: only keys spelled twice)
            for spelling in spellings:
                if kind := legal_kind(spelling):
                    per_side[key].add(frozenset(kind.split()))
        for key, found in per_side.items():
            if any(different_forms(a, b) for a in found for b in found if a != b):
                twins.add(key)
    the_twins = _the_twins(vendor_keys)
    if not twins and not the_twins:
        return
    twins |= _spelled_near(twins, vendor_keys, psa_keys)
    for keys in (vendor_keys, psa_keys):
        for spelling, key in list(keys.items()):
            if key not in twins and key not in the_twins:
                continue
            new = key
            if key in twins and (kind := legal_kind(spelling)):
                new = f"{new} {kind}"
            if key in the_twins and _THE.match(folded(spelling)):
                new = f"the {new}"
            keys[spelling] = new


def _spelled_near(
    twins: set[str], vendor_keys: Mapping[str, str], psa_keys: Mapping[str, str]
) -> set[str]:
    """The keys that spell a twins' key another way, one word a little apart ("barrett
    engineering" beside the PSA's twins "Barrett Engineers LLC" and "… Pty Ltd"): their form too
    tells which twin a spelling is, so their keys keep it."""
    by_first: dict[str, set[str]] = defaultdict(set)
    for key in twins:
        by_first[key.split(" ", 1)[0]].add(key)
    near: set[str] = set()
    for keys in (vendor_keys, psa_keys):
        for key in set(keys.values()):
            if key in twins or len(words := key.split()) < 2:
                continue
            for twin in by_first.get(words[0], ()):
                other = twin.split()
                if len(other) == len(words) and fuzz.ratio(key, twin, score_cutoff=85):
                    near.add(key)
    return near


def separate_mirrored_spellings(
    vendor_keys: MutableMapping[str, str], psa_keys: MutableMapping[str, str]
) -> None:
    """A key both exports spell the same ways, one with a legal form and one without or another
    ("O'Connell & Sons Roofing" and "… Roofing Corp." on the bill and in the books): two
    companies, each its own spelling's key on both sides, so each pairs with itself."""
    vendor_shared, psa_shared = _shared_keys(vendor_keys), _shared_keys(psa_keys)
    for key, spellings in vendor_shared.items():
        others = psa_shared.get(key)
        if others is None or {_spelled(s) for s in spellings} != {_spelled(s) for s in others}:
            continue
        kinds = {_spelled(s): legal_kind(s) for s in spellings}
        if len(set(kinds.values())) != len(kinds):
            continue  # two spellings of one kind of form ("Ltd", "Limited"): one company
        for keys in (vendor_keys, psa_keys):
            for spelling in [s for s, k in keys.items() if k == key]:
                if kind := kinds.get(_spelled(spelling)):
                    keys[spelling] = f"{key} {kind}"


def _shared_keys(keys: Mapping[str, str]) -> dict[str, list[str]]:
    """The keys that two spellings or more share, with their spellings."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for spelling, key in keys.items():
        spellings[key].append(spelling)
    return {key: found for key, found in spellings.items() if len(found) > 1}


def different_forms(a: frozenset[str], b: frozenset[str]) -> bool:
    """No form in common ("AG" / "Co., Ltd."; not "Ltd" / "Co. Ltd"), "Company" aside: it is often
    part of the name ("Cotswold Plumbing Company LLP" / "… Company Limited")."""
    a_forms, b_forms = a - _NAME_WORD, b - _NAME_WORD
    return a.isdisjoint(b) or (bool(a_forms) and bool(b_forms) and a_forms.isdisjoint(b_forms))


_NAME_WORD = frozenset(["co"])


#: Each country's private and public limited company, as English writes them: a Norwegian AS is a
#: "Limited", a German AG a "plc". A PSA that keeps its customers' names in English may write one
#: for the other ("Nordlys Marine Tromsø AS" as "… Limited").
_IN_ENGLISH = {
    **dict.fromkeys(
        [
            "gmbh",
            "ug",
            "as",
            "ab",
            "aps",
            "bv",
            "sarl",
            "sl",
            "srl",
            "oy",
            "kft",
            "sro",
            "kk",
            "doo",
        ],
        "ltd",
    ),
    **dict.fromkeys(["ag", "sa", "asa", "nv", "spa", "oyj"], "plc"),
}
_ENGLISH = {"ltd": "ltd", "co ltd": "ltd", "plc": "plc"}


def in_english(a: str, b: str) -> bool:
    """One legal form is the other's English ("AS" and "Limited", "AG" and "plc")."""
    return any(
        (english := _ENGLISH.get(x)) is not None and _IN_ENGLISH.get(y) == english
        for x, y in ((a, b), (b, a))
    )


_THE = re.compile(r"^\W*the\s")


def starts_with_the(spelling: str) -> bool:
    """Whether a name begins with "The" ("The Murray Plumbing Services Pty Ltd")."""
    return bool(_THE.match(folded(spelling)))


def crosses_the_twin(vendor_key: str, psa_name: str, the_twins: Set[str]) -> bool:
    """Pairing a vendor tenant named with "The" with a PSA name without it, or the other way round,
    where the vendor names both: each of those twins pairs with its own."""
    if vendor_key in the_twins:
        return starts_with_the(psa_name)
    return (
        vendor_key.startswith("the ")
        and vendor_key[4:] in the_twins
        and not starts_with_the(psa_name)
    )


def _the_twins(vendor_keys: MutableMapping[str, str]) -> set[str]:
    """The keys the vendor names both with and without a leading "The"."""
    return {
        key
        for key, spellings in _shared_keys(vendor_keys).items()
        if len({bool(_THE.match(folded(spelling))) for spelling in spellings}) == 2
    }


def separate_spelling_twins(
    vendor_keys: MutableMapping[str, str],
    psa_keys: MutableMapping[str, str],
    products_of: Mapping[str, Set[str]],
    domains_of: Mapping[str, Set[str]],
    ids_of: Mapping[str, Set[str]] | None = None,
) -> None:
    """Give the vendor spellings of a key that are two tenants keys of their own, and each PSA
    spelling of that key the one it spells (``products_of``, ``domains_of``, ``ids_of``: spelling →
    the product keys it bills, its tenant domains, the vendor's ids of its customer)."""
    ids_of = ids_of or {}
    spellings: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for key, shared in _shared_keys(vendor_keys).items():  # (speed: only keys spelled twice)
        for spelling in shared:
            spellings[key][_spelled(spelling)].append(spelling)
    twins: dict[str, list[str]] = {}
    for key, by_form in spellings.items():
        tenants = [
            (
                form,
                set().union(*(products_of.get(s, ()) for s in group)),
                set().union(*(domains_of.get(s, ()) for s in group)),
                set().union(*(ids_of.get(s, ()) for s in group)),
            )
            for form, group in by_form.items()
        ]
        if any(_two_tenants(a, b) for i, a in enumerate(tenants) for b in tenants[i + 1 :]):
            twins[key] = list(by_form)
    if not twins:
        return
    # each twin as written without what an export adds to a name ("(redwooddentalgroup.com)",
    # "16142 - ", "…, a New York limited liability company"): what the PSA's spelling is held to
    bare: dict[str, dict[str, str]] = defaultdict(dict)
    for spelling, key in list(vendor_keys.items()):
        if key in twins:
            vendor_keys[spelling] = _spelled(spelling)
            bare[key].setdefault(_bare(spelling), _spelled(spelling))
    for spelling, key in list(psa_keys.items()):
        if key not in twins:
            continue
        form: str | None = _spelled(spelling)
        if form not in twins[key]:
            if len(bare[key]) == len(twins[key]):  # each twin bare is still its own
                written = _bare(spelling)
                if sum(_its_words_and_a_form(twin, written) for twin in bare[key]) > 1:
                    # the name without a form, the twins' words each with one ("Abernethy
                    # Joinery" beside "… Ltd" and "… Pty Ltd"): its spelling is as near either
                    form = None
                else:
                    found = _closest(written, list(bare[key]))
                    form = bare[key][found] if found is not None else None
            else:
                form = _closest(_spelled(spelling), twins[key])
        if form is not None:
            psa_keys[spelling] = form


def _its_words_and_a_form(twin: str, written: str) -> bool:
    """``twin`` is ``written`` and a legal form after it ("abernethy joinery pty ltd")."""
    return twin.startswith(f"{written} ") and all(
        word in LEGAL_FORMS for word in twin[len(written) :].split()
    )


#: A spelling's form, the products it bills, its domains, the vendor's ids of its customer.
_Tenant = tuple[str, set[str], set[str], set[str]]


def _two_tenants(a: _Tenant, b: _Tenant) -> bool:
    """Different customer ids (the bill's own word on who is who); else different tenant
    domains; or, where the bill gives neither, the same product billed under each and words that
    differ beyond legal form, "and" and punctuation ("Center" / "Centre"; not "Contoso" /
    "Contoso Ltd", one tenant's two subscriptions)."""
    (form_a, products_a, domains_a, ids_a), (form_b, products_b, domains_b, ids_b) = a, b
    form_a, form_b = _without_initials(form_a), _without_initials(form_b)
    if ids_a and ids_b:
        return ids_a.isdisjoint(ids_b)
    if domains_a and domains_b:
        return domains_a.isdisjoint(domains_b)
    if not products_a & products_b:
        return False
    words_a, words_b = _name_words(form_a), _name_words(form_b)
    if words_a != words_b:
        return True
    # the same words, each with a legal form of its own ("Silverline Consulting Limited" and
    # "… Pty Ltd": a New Zealand and an Australian company), both billed the same product
    forms_a, forms_b = form_a.split()[len(words_a) :], form_b.split()[len(words_b) :]
    return bool(forms_a) and bool(forms_b) and forms_a != forms_b


def _name_words(form: str) -> list[str]:
    words = [w for w in form.split() if w not in ("and", "the")]
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return words


def _without_initials(form: str) -> str:
    """The name without its own initials written after it ("ashford electrical contractors pty
    ltd aec"): they are no word of another tenant's name."""
    words = form.split()
    return " ".join(w for w in words if not _initials_of_the_rest(w, words)) or form


def _initials_of_the_rest(word: str, words: list[str]) -> bool:
    rest = [w for w in words if w != word and w not in LEGAL_FORMS]
    return len(word) >= 2 and len(rest) >= 2 and word == "".join(w[0] for w in rest)


def _spelled(spelling: str) -> str:
    """A name's words as written, folded: "Kehoe & Fitzgerald Architects Limited" →
    "kehoe fitzgerald architects limited"."""
    text = _SLASHED.sub(r"\1\2", folded(spelling).replace(".", ""))  # "A/S", "S/A": AS, SA
    return " ".join(_WORDS.findall(text))


_SLASHED = re.compile(r"\b([a-z])/([a-z])\b")


def _bare(spelling: str) -> str:
    """A spelling's words without its tenant domain, its account number and what the law adds
    after its legal form."""
    text = without_account_notes(spelling)
    if (domain := domain_in_name(text)) is not None:
        text = text.replace(domain, " ")
    words = _spelled(text).split()
    while len(words) > 1 and words[0].isdigit():
        words.pop(0)
    return " ".join(words)


#: How much closer (rapidfuzz ratio points) one vendor spelling must be than the next.
_CLOSER_BY = 5.0


def _closest(form: str, forms: list[str]) -> str | None:
    if form in forms:
        return form
    scores = sorted(((fuzz.ratio(form, f), f) for f in forms), reverse=True)
    if scores[0][0] - scores[1][0] >= _CLOSER_BY:
        return scores[0][1]
    return None
