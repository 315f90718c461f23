"""Does a typed product description fit a product name? Token by token, as a billing person reads.

A PSA description *fits* a product when every word that carries meaning is explained by a word of the
product's name: the same word, a typo of it ("Buisness"), or an abbreviation of it ("Sec" for
Security, "Prem" for Premium); words that only describe billing ("per user", "monthly", "licence",
"add-on") explain nothing and need no explaining. Words of the product's name may be missing from the
description (the brand left out: "Office E3", "Copilot", "Visio"), and how many are missing ranks the
candidates. A discriminating word (E3/E5, P1/P2, Basic/Premium, Security, "no Teams"…) is never
explained by a different one, so a fit never crosses a look-alike boundary:

>>> fit("microsoft 365 e5 sec", "microsoft 365 e5") is None
True
>>> fit("microsoft 365 e5 sec", "microsoft 365 e5 security").missing
0
>>> fit("office e3", "office 365 e3").missing
1
>>> fit("e3", "office 365 e5") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import OSA, Levenshtein

from engine.match.description_vocabulary import (
    BRAND,
    FILLER,
    LICENCE_USERS,
    NEVER_IMPLIED,
    SERVICE_WORDS,
)
from engine.match.loanwords import looks_romanised, sounds_like
from engine.match.product_concepts import concept_word
from engine.match.product_names import DISCRIMINATORS
from engine.match.word_alignment import align, letters_in_order


@dataclass(frozen=True)
class Fit:
    """How a description fits one product name: ``missing`` name words it leaves out (fewer is a
    better fit), ``missing_discriminators`` of them that tell look-alikes apart, ``approximate``
    words explained only as typos or abbreviations."""

    missing: int
    missing_discriminators: int
    approximate: int
    explained: int
    left: tuple[str, ...] = ()

    @property
    def rank(self) -> tuple[int, int, int]:
        return (self.missing_discriminators, self.missing, self.approximate)


#: Endings that make another form of the same word ("archive" / "archiving", "protect" /
#: "protection"). Any other ending makes another word: "Backupify" is a product, not a backup.
_INFLECTIONS = frozenset(
    ["", "s", "es", "e", "ed", "d", "ing", "ion", "ions", "ive", "er", "ers", "ment", "ments", "al"]
)


def _same_stem(a: str, b: str) -> bool:
    """Two forms of one word: a shared start of five letters or more, most of the shorter word,
    and what follows it on each side an ordinary English ending."""
    shorter = min(len(a), len(b))
    common = 0
    while common < shorter and a[common] == b[common]:
        common += 1
    return (
        common >= 5
        and common >= 0.75 * shorter
        and a[common:] in _INFLECTIONS
        and b[common:] in _INFLECTIONS
    )


def _is_abbreviation(short: str, long: str) -> bool:
    """``sec`` → ``security``, ``mngmt`` → ``management``, ``std`` → ``standard``: the letters of the
    short word appear in order in the long one, starting with its first letter."""
    if len(short) < 2 or len(short) >= len(long) or short[0] != long[0]:
        return False
    if long.startswith(short) and len(short) >= 3:
        # most of a word and an ending that is no inflection of it: another word ("Backupify")
        return not (
            len(short) >= 5
            and len(short) >= 0.6 * len(long)
            and long[len(short) :] not in _INFLECTIONS
        )
    return len(short) >= 3 and letters_in_order(short, long)


def _swaps(word: str) -> list[str]:
    """The word with one pair of neighbouring letters swapped, each way it can be."""
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(1, len(word) - 1)
        if word[i] != word[i + 1]
    ]


def _who_does_it(word: str, name_word: str) -> bool:
    """One word is the other with "-er(s)" or "-r(s)" after it: a person, not a typo ("officers"
    of "office", "managers" of "manage")."""
    short, long = sorted((word, name_word), key=len)
    return long.startswith(short) and long[len(short) :] in ("r", "rs", "er", "ers")


@lru_cache(maxsize=262144)
def explains(word: str, name_word: str) -> int:
    """0 when ``name_word`` explains ``word`` exactly, 1 approximately (typo, abbreviation), -1 not.

    A discriminating word is never explained by another word ("Pro" is not "Project", "Basic" is
    not "Business"), but the bill may shorten it ("ESS" for Essentials, "PREM" for Premium)."""
    if word == name_word:
        return 0
    if TRANSLATED.get(word) == name_word:
        return 1  # the export's own word for it: "Diogelwch" for Security
    if _numbered_initials(word, name_word):
        return 1  # "S1" for SentinelOne
    if without_its_number(word, name_word):
        return 1  # "Ninja" for NinjaOne
    if _shortened_brand(word, name_word) or _shortened_brand(name_word, word):
        return 1  # "KB4" for KnowBe4
    if word.isdigit() and name_word == "p" + word:
        return 1  # "Visio 2": the plan's number without its word
    if any(c.isdigit() for c in word + name_word):
        return -1  # plan numbers, years, editions: only the same word
    if looks_romanised(word) and sounds_like(word, name_word):
        return 1  # an English word borrowed in katakana: "akuronisu" for Acronis
    if {word, name_word} == _PRO:
        return 1  # "CUST SVC PRO" for Customer Service Professional: one edition, said short
    if word in DISCRIMINATORS:
        shortened = name_word not in DISCRIMINATORS and _bill_shortening(name_word, word)
        return 1 if shortened else -1
    if name_word in DISCRIMINATORS and len(word) >= 2 and name_word.startswith(word):
        return 1  # an edition cut short by a field's length: "Business Pl", "MDR Essenti"
    if len(word) >= 4 and len(name_word) >= 4:
        # "Project" is no typo of "Protect", nor "Officers" (who use it) of "Office"
        typo = not _two_known_words(word, name_word) and not _who_does_it(word, name_word)
        budget = 1 if min(len(word), len(name_word)) <= 5 else 2
        if typo and Levenshtein.distance(word, name_word, score_cutoff=budget) <= budget:
            return 1
        if typo and sorted(word) == sorted(name_word) and word[0] == name_word[0]:
            return 1  # transposed letters: "buisness"
        if _same_stem(word, name_word):
            return 1  # "archive" / "archiving", "protect" / "protection"
    if _is_abbreviation(word, name_word):
        return 1  # "Sec" for Security
    if len(word) >= 4 and any(_is_abbreviation(swapped, name_word) for swapped in _swaps(word)):
        return 1  # an abbreviation with two letters swapped: "Perm" for Premium
    if (
        name_word not in DISCRIMINATORS
        and _bill_shortening(name_word, word)
        and not _glued_to_another(name_word, word)
    ):
        return 1  # the bill's "PROT" for the typed "Protection"
    return -1


def _glued_to_another(start: str, word: str) -> bool:
    """``word`` is ``start`` with another product word typed on without a space: "TeamsEssentials"
    is two words, never a lengthening of the bill's "Teams"."""
    rest = word.removeprefix(start)
    return len(rest) >= 3 and rest != word and (rest in PRODUCT_WORDS or rest in DISCRIMINATORS)


#: "Pro" and "Professional", one edition's two spellings (a product line has one or the other).
_PRO = frozenset(["pro", "professional"])


def _bill_shortening(short: str, long: str) -> bool:
    """How bills shorten a word: its start ("PROT", "ESS", "ADV"), or its start and then only
    consonants ("STD", "MGMT", "SVCS"). A word of a bill with other vowels is a word of its own, a
    maker's name perhaps: "ESET" is no shortening of "Essentials", nor "PROT" of "Proofpoint"."""
    if not _is_abbreviation(short, long):
        return False
    common = 0
    while common < len(short) and short[common] == long[common]:
        common += 1
    return not any(c in "aeiouy" for c in short[max(common, 1) :])


def shortened_as_bills_do(short: str, long: str) -> bool:
    """``short`` is ``long`` cut as bills and people cut words ("Prot", "Std", "Mgmt"), not a word
    of its own that happens to share letters with it ("ESET" and "Essentials")."""
    return _bill_shortening(short, long)


_SPELLED_NUMBERS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five"}


def _numbered_initials(word: str, name_word: str) -> bool:
    """A brand that ends in a spelled number, written as its initial and the digit: "S1" for
    SentinelOne, "N1" for NinjaOne. Never a plan code: the name word must end in the number."""
    if len(word) != 2 or not word[0].isalpha() or word[1] not in _SPELLED_NUMBERS:
        return False
    number = _SPELLED_NUMBERS[word[1]]
    return (
        name_word.startswith(word[0])
        and name_word.endswith(number)
        and len(name_word) >= len(number) + 3
    )


def without_its_number(word: str, name_word: str) -> bool:
    """A brand that ends in a spelled number, written without it: "Ninja RMM" for NinjaOne,
    "Sentinel" for SentinelOne. Four letters or more before the number."""
    return (
        len(word) >= 4
        and name_word.startswith(word)
        and name_word[len(word) :] in _SPELLED_NUMBERS.values()
    )


_LETTERS_THEN_NUMBER = re.compile(r"([a-z]+)(\d+)")


def _shortened_brand(short: str, long: str) -> bool:
    """A maker's name that ends in a number, shortened to some of its letters and the number: "KB4"
    for KnowBe4. Never a plan code ("P1", "E3"): two letters or more before the number, four or more
    in the long word, the same number, the letters in order from the first."""
    one, other = _LETTERS_THEN_NUMBER.fullmatch(short), _LETTERS_THEN_NUMBER.fullmatch(long)
    if one is None or other is None or one[2] != other[2]:
        return False
    letters, long_letters = one[1], other[1]
    return (
        2 <= len(letters) < len(long_letters)
        and len(long_letters) >= 4
        and letters[0] == long_letters[0]
        and letters_in_order(letters, long_letters)
    )


def _two_known_words(word: str, name_word: str) -> bool:
    """Both are words of product names ("Project", "Protect"): one is not a typo of the other."""
    return word in PRODUCT_WORDS and name_word in PRODUCT_WORDS


def meaningful(key: str) -> list[str]:
    """The words of a normalised description that say which product it is (billing words, and
    typos of them such as "Seqts" or "Licnese", say nothing about it)."""
    return list(_meaningful(key))


@lru_cache(maxsize=262144)
def _meaningful(key: str) -> tuple[str, ...]:
    return tuple(word for word in key.split() if not _is_filler(word))


@lru_cache(maxsize=65536)
def _is_filler(word: str) -> bool:
    """A billing word, or a typo of one ("Seqts") that is no word a product is named by: "Unite
    Pro" is Intermedia Unite Pro, never Power BI *Pro* with a mistyped "units"."""
    if word in FILLER or word in EXPORT_FILLER:
        return True
    if len(word) < 5 or any(c.isdigit() for c in word) or word in DISCRIMINATORS:
        return False
    if word in PRODUCT_WORDS:
        return False
    return any(
        len(filler) >= 5
        and (
            Levenshtein.distance(word, filler, score_cutoff=1) <= 1
            or (sorted(word) == sorted(filler) and word[0] == filler[0])
        )
        for filler in FILLER
    )


@lru_cache(maxsize=262144)
def fit(description_key: str, name_key: str) -> Fit | None:
    """How ``description_key`` fits ``name_key`` (both :func:`product_key` forms), or None."""
    description_key, name_key = _join_pieces(description_key, name_key)
    if negated(description_key) & set(name_key.split()):
        return None  # "Phone system in Teams, no calling minutes" is no Calling Plan
    words = meaningful(description_key)
    name = meaningful(name_key)
    if not words or not name:
        return None
    if "enterprise" in words and "enterprise" not in name and not _E_PLANS.isdisjoint(name):
        # "Office 365 Enterprise E3", "Entreprise E3 sans Teams": the suites' old English and
        # French name, whose E plan says "Enterprise" already
        words = [word for word in words if word != "enterprise"]
    words, name = _fold_acronyms(words, name)
    words, name = _split_compounds(words, name), _split_compounds(name, words)
    if all(word in BRAND for word in words):
        return None  # "Microsoft 365" alone names no product
    aligned = align(words, name, explains)
    if aligned.unpaired_first:
        return None
    approximate = aligned.approximate
    left = list(aligned.unpaired_second)
    never = [word for word in left if word in NEVER_IMPLIED]
    if never and not _its_own_words(name_key, never):
        return None
    discriminating = [w for w in left if w not in BRAND and _discriminates(w)]
    return Fit(len(left), len(discriminating), approximate, len(words), tuple(left))


#: Microsoft's Enterprise plans, which say "Enterprise" by their letter.
_E_PLANS = frozenset(["e1", "e3", "e5", "e7"])

#: Words that deny the word after them ("no calling minutes", "without archive"); "no Teams" is
#: read apart, as the look-alike it makes (:data:`engine.match.product_names.DISCRIMINATORS`).
NEGATIONS = frozenset(["no", "without", "wo", "excl", "excluding", "sans", "ohne", "sin", "zonder"])


@lru_cache(maxsize=65536)
def negated(key: str) -> frozenset[str]:
    """The words a description denies: the word after a negation, when it is a word of letters."""
    words = key.split()
    return frozenset(
        after for before, after in pairwise(words) if before in NEGATIONS and after.isalpha()
    )


def _fold_acronyms(words: list[str], name: list[str]) -> tuple[list[str], list[str]]:
    """ "CPC" on one side for "Cyber Protect Cloud" on the other: the run of words becomes the
    acronym, so both sides say it the same way."""

    def fold(text: list[str], acronyms: set[str], described: bool) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(text):
            for size in (4, 3, 2):
                run = text[index : index + size]
                if (
                    len(run) == size
                    and "".join(w[0] for w in run) in acronyms
                    # a description's "Email Security Support" is work, not an "ESS" product
                    and not (described and any(_work_word(w) for w in run))
                ):
                    out.append("".join(w[0] for w in run))
                    index += size
                    break
            else:
                out.append(text[index])
                index += 1
        return out

    def candidates(text: list[str]) -> set[str]:
        return {w for w in text if 2 <= len(w) <= 4 and w.isalpha()}

    return fold(words, candidates(name), True), fold(name, candidates(words), False)


def _work_word(word: str) -> bool:
    """A word for people's work that no product's name uses ("support", "hours"; not "training":
    KnowBe4 Security Awareness Training, nor "managed": Huntress Managed EDR)."""
    return word in _WORK and not names_a_product_part(word)


_WORK = frozenset(
    [
        "support",
        "labour",
        "labor",
        "hours",
        "hour",
        "helpdesk",
        "help",
        "consulting",
        "consultancy",
        "onsite",
        "setup",
    ]
)


def _split_compounds(words: list[str], other: list[str]) -> list[str]:
    """ "PowerBI" on one side for "Power BI" on the other: a word that is two or three neighbouring
    words of the other side run together is read as those words ("1Password" for "One Password",
    "KnowBe4" for "Know Be 4": a number may be spelt out)."""
    joined: dict[str, tuple[str, ...]] = {}
    for size in (3, 2):
        for start in range(len(other) - size + 1):
            run = tuple(other[start : start + size])
            if run[0].isalpha():
                joined.setdefault("".join(run), run)
                joined.setdefault("".join(_NUMBERS.get(w, w) for w in run), run)
    out: list[str] = []
    for word in words:
        read = joined.get(word) or _two_glued(word, other)
        out.extend(_initial_and_short(word, other) if read == (word,) else read)
    return out


def _initial_and_short(word: str, other: list[str]) -> tuple[str, ...]:
    """ "BStd" beside "Business Standard", "AcroPro" beside "Acrobat Pro": the initial or the start
    of one word of the other side glued to the next word, whole or cut as bills cut words, read as
    the two. Never a word of either side or of any product's name, nor a typo of one ("Keepr" is
    Keeper, not *K*eeper *E*nterprise)."""
    if len(word) < 4 or word in other or word in PRODUCT_WORDS or not word.isalpha():
        return (word,)
    for first, second in pairwise(other):
        if not (first.isalpha() and second.isalpha() and len(first) >= 3):
            continue
        if explains(word, first) >= 0:
            continue  # "Keepr": a typo of the first word, not the start of it
        for cut in (1, *range(3, min(len(first), len(word) - 1))):
            head, tail = word[:cut], word[cut:]
            if first.startswith(head) and (tail == second or _bill_shortening(tail, second)):
                return (first, second)
    return (word,)


def _two_glued(word: str, other: list[str]) -> tuple[str, ...]:
    """ "exchangearchive" beside "Exchange Online Archiving": a word of the other side with
    another word of it typed on, read as the two (a word of the other side itself stays whole)."""
    if len(word) < 7 or word in other or not word.isalpha():
        return (word,)
    for start in other:
        rest = word.removeprefix(start)
        if (
            len(start) >= 3
            and len(rest) >= 3
            and rest != word
            and any(rest == w or _same_stem(rest, w) for w in other if w != start)
        ):
            return (start, rest)
    return (word,)


def _join_pieces(first: str, second: str) -> tuple[str, str]:
    """ "Know Be 4" (read "know be for") on one side for "KnowBe4" on the other, "One Password" for
    "1Password": two or three neighbouring words that make one word of the other side, a number
    perhaps spelt out, are that word. Small words count here, before they are set aside."""
    return _joined(first, set(second.split())), _joined(second, set(first.split()))


def _joined(text: str, targets: set[str]) -> str:
    if all(t.isalpha() for t in targets):
        return text  # only a word with a digit in it is typed in pieces
    words = text.split()
    out: list[str] = []
    index = 0
    while index < len(words):
        for size in (3, 2):
            run = words[index : index + size]
            glued = "".join(_NUMBERS.get(w, w) for w in run)
            if len(run) == size and glued in targets and not glued.isalpha():
                out.append(glued)
                index += size
                break
        else:
            out.append(words[index])
            index += 1
    return " ".join(out)


#: Numbers people spell out inside a brand ("One Password", "Know Be Four").
_NUMBERS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "for": "4",
    "five": "5",
    "eight": "8",
}


def _discriminates(word: str) -> bool:
    return word in DISCRIMINATORS or any(c.isdigit() for c in word)


def strict_fit(description_key: str, name_key: str) -> Fit | None:
    """A fit that needs no context: at most brand words missing, and at least two meaningful words
    said ("Office E3" → Office 365 E3), so one bare word ("E3", "Visio") is never resolved alone."""
    found = fit(description_key, name_key)
    if found is None or found.explained < 2:
        return None
    return found if all(word in BRAND for word in found.left) else None


#: Words of every product name the engine knows: the catalogue's, and this run's bill's. A word that
#: names part of some product is never a stray word to be overlooked ("Defender" is not noise).
PRODUCT_WORDS: set[str] = set()
_CATALOGUE_WORDS: set[str] = set()


def register_product_words(names: Iterable[str]) -> None:
    """Add the words of the catalogue's product names (normalised keys), for every run."""
    for name in names:
        _CATALOGUE_WORDS.update(name.split())
    _set_product_words(_CATALOGUE_WORDS | PRODUCT_WORDS)


def use_bill_words(names: Iterable[str]) -> None:
    """The words of this run's bill (product name keys) join the catalogue's, replacing an earlier
    run's: what one reconcile learns never changes the next one in the same process (the live
    Excel path keeps Python running between clicks)."""
    names = set(names)
    if names != BILL_NAMES:  # a fit may rest on which names the bill has (:func:`_its_own_words`)
        BILL_NAMES.clear()
        BILL_NAMES.update(names)
        fit.cache_clear()
        _look_alike_initials.cache_clear()
    _set_product_words(_CATALOGUE_WORDS | {word for name in names for word in name.split()})


#: This run's bill's product names (keys).
BILL_NAMES: set[str] = set()


@lru_cache(maxsize=4096)
def _look_alike_initials(name_key: str) -> frozenset[str]:
    """The initials of two to four neighbouring words of the bill's other names that begin as this
    one does ("cp" of "Teams Phone with *C*alling *P*lan", beside Teams Phone Standard)."""
    first = name_key.split()[:1]
    found: set[str] = set()
    for other in BILL_NAMES:
        if other == name_key or other.split()[:1] != first:
            continue
        words = [w for w in other.split() if w.isalpha() and len(w) >= 3]
        for size in (2, 3, 4):
            found.update(
                "".join(w[0] for w in words[i : i + size]) for i in range(len(words) - size + 1)
            )
    return frozenset(found)


def _its_own_words(name: str, words: list[str]) -> bool:
    """Words such as "Security" that a Microsoft name adds to make another product (E5 Security)
    are a third party's own where its bill has no product of that name without them: KnowBe4's
    "Security Awareness Training" may be typed "Awareness Gold". A third party's name begins with
    its maker, no word of Microsoft's names."""
    parts = name.split()
    if not parts or parts[0] in _CATALOGUE_WORDS or parts[0] in MAKER:
        return False
    if not set(words) <= _THIRD_PARTYS_OWN:
        return False  # "for Server" is an edition whoever makes it (Sophos Intercept X)
    return " ".join(word for word in parts if word not in words) not in BILL_NAMES


#: Add-on words of Microsoft's names that third parties use as part of a product's own name
#: ("KnowBe4 Security Awareness Training", "Mimecast Email Security").
_THIRD_PARTYS_OWN = frozenset(["security"])


#: The billing words of this run's exports (:mod:`engine.match.file_fillers`), besides FILLER.
EXPORT_FILLER: set[str] = set()


def use_export_billing_words(words: Iterable[str]) -> None:
    """This run's exports' own billing words, replacing an earlier run's."""
    words = set(words)
    if words == EXPORT_FILLER:
        return
    EXPORT_FILLER.clear()
    EXPORT_FILLER.update(words)
    _clear_caches()


#: This run's export's words for a word of the bill's names, in the staff's language
#: ("diogelwch" for security): see :func:`engine.match.file_fillers.translations_of`.
TRANSLATED: dict[str, str] = {}


def use_export_translations(translated: dict[str, str]) -> None:
    """This run's exports' own words for words of product names, replacing an earlier run's."""
    if translated == TRANSLATED:
        return
    TRANSLATED.clear()
    TRANSLATED.update(translated)
    explains.cache_clear()
    fit.cache_clear()
    _clear_caches()


def _set_product_words(words: set[str]) -> None:
    if words == PRODUCT_WORDS:
        return
    PRODUCT_WORDS.clear()
    PRODUCT_WORDS.update(words)
    _clear_caches()


def _clear_caches() -> None:
    _harmless.cache_clear()  # a word that was noise may now be part of a product's name
    _is_filler.cache_clear()  # ... or no typo of a billing word
    _meaningful.cache_clear()
    names_a_product_part.cache_clear()
    explains.cache_clear()  # nor is a known word a typo of another any more
    fit.cache_clear()


#: Words that name only the maker ("Office 365", "O365", "MS365"), never a product.
MAKER = BRAND | {"office", "office365", "o365", "m365", "ms365", "microsoft365"}


def loose_fit(description_key: str, name_key: str) -> Fit | None:
    """A fit that tolerates one stray word ("Defender for Busiiness subscription (M2M)", "Backup
    Licence Renewal Q3") as long as it cannot name a different product: no digits, no discriminating
    word, not an abbreviation or typo of one (so "M365 E5 Sec" never loosely fits E5)."""
    found = fit(description_key, name_key)
    if found is not None:
        return found
    words = meaningful(description_key)
    for index, word in enumerate(words):
        if not _harmless(word) or _cut_short(word, index == len(words) - 1, name_key):
            continue
        if (
            2 <= len(word) <= 4
            and word in _look_alike_initials(name_key)
            and not any(
                own.startswith(word[0]) and letters_in_order(word, own) for own in name_key.split()
            )  # ("WP" of its own "Workplace" is said short, whatever Workplace Pro's initials)
        ):
            continue  # "TPHONE-CP": the initials of its look-alike's "Calling Plan", no stray word
        rest = " ".join(words[:index] + words[index + 1 :])
        if set(rest.split()) <= MAKER:
            continue  # the brand alone names no product: "Backupify for Office 365" is not F3
        found = fit(rest, name_key)
        if found is not None and found.explained >= 2:
            return Fit(
                found.missing,
                found.missing_discriminators,
                found.approximate + 1,
                found.explained,
                found.left,
            )
    return None


def _cut_short(word: str, last: bool, name_key: str) -> bool:
    """A last letter that begins a plan, edition or tier the name lacks: a name cut short by the
    field's length ("Microsoft 365 E5 S" is E5 Security, not E5; "Apps for B" may be Apps for
    Business). Elsewhere a letter is shorthand ("Apps f. Business")."""
    return (
        last
        and len(word) == 1
        and any(other.startswith(word) for other in DISCRIMINATORS)
        and not any(other.startswith(word) for other in name_key.split())
    )


@lru_cache(maxsize=65536)
def names_a_product_part(word: str) -> bool:
    """A brand, plan, edition or word of some product's name, or one slip from a longer one
    ("Adavnced"); "Shop" and "Floor" are none."""
    if word in PRODUCT_WORDS or word in DISCRIMINATORS or word in BRAND or word in NEVER_IMPLIED:
        return True
    if any(c.isdigit() for c in word):
        return True
    return len(word) >= 5 and any(
        len(known) >= 5 and OSA.distance(word, known, score_cutoff=1) <= 1
        for known in PRODUCT_WORDS
    )


@lru_cache(maxsize=65536)
def _harmless(word: str) -> bool:
    if any(c.isdigit() for c in word) or word in DISCRIMINATORS or word in NEVER_IMPLIED:
        return False
    if word in SERVICE_WORDS and word not in LICENCE_USERS:
        return False  # "Microsoft 365 Support" is a service, never Microsoft 365 E5
    if concept_word(word) is not None:
        return False  # "Hosted Enail & Teams" says what kind of product it is: mail and Teams
    if word in PRODUCT_WORDS or any(explains(word, known) >= 0 for known in PRODUCT_WORDS):
        return False  # "Defender", "Defendrr": part of some product's name, so never noise
    return not any(
        explains(word, other) >= 0 for other in (*DISCRIMINATORS, *NEVER_IMPLIED) if other != word
    )
