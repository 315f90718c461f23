"""The billing words of one export, told by how it uses them, not by a list.

A book written in a language no word list covers wraps its products in its own billing words:
"Langganan … per pengguna/bulan" (Indonesian), "… kullanıcı lisansı aylık" (Turkish), "月額利用料"
(Japanese, in Latin letters "yueeliyongliao"). Such a word stands beside many different products
on the same export, and no product's name has it; a word of a product's name, or an in-house name
("Correo corporativo"), stands beside one product or none. So a word that the export writes around
several different products' names, that is no product's word, no plan or edition, no kind of product
and no work, is a billing word of this export: it says nothing of which product a line is.

A word of a product's name written in the staff's language is told apart the same way: it stands
where one word of several products' names is missing, always the same word ("Bitdefender
GravityZone Business Diogelwch", "Cisco Umbrella DNS Diogelwch Advantage": Welsh for Security), and
never beside a whole name. It is that word (:func:`translations_of`), no billing word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from engine.match.description_vocabulary import BRAND, NEVER_IMPLIED, SERVICE_WORDS
from engine.match.product_concepts import concept_word
from engine.match.product_fit import PRODUCT_WORDS, names_a_product_part
from engine.match.product_names import DISCRIMINATORS, PLAN_TOKEN
from engine.match.word_alignment import shortens, vowelless, writes_run_short

#: Different product lines a word must stand beside before it is a billing word of the export.
AROUND_AT_LEAST = 4
#: Different editions it must stand beside: a word said instead of an edition ("Adv", "Avanzado",
#: "Estándar") stands beside none, a billing word beside several ("… Standard", "… Premium", "E3").
EDITIONS_AT_LEAST = 2
#: Words that name an edition or a tier, never a family or a maker ("business", "microsoft").
_TIERS = frozenset(
    ["basic", "standard", "premium", "plus", "pro", "essentials", "kiosk", "enterprise", "advanced"]
)


def _a_tier(word: str) -> bool:
    return word in _TIERS or PLAN_TOKEN.fullmatch(word) is not None


def billing_words_of(descriptions: Iterable[str], product_names: Iterable[str]) -> frozenset[str]:
    """The words the export writes around at least :data:`AROUND_AT_LEAST` different product
    lines and :data:`EDITIONS_AT_LEAST` different editions (``descriptions`` and ``product_names``
    as product keys; ``product_names`` are the bill's, whose words are never billing words). A
    maker's short name ("TV Business", "TV Premium") stands beside the editions of one line only."""
    names = set(product_names)
    bill_words = {word for name in names for word in name.split()}
    # the makers and families the names begin with ("google workspace", "goog ws", "keeper")
    bill_runs = {tuple(words[:size]) for words in map(str.split, names) for size in (1, 2, 3)}
    lines: dict[str, set[frozenset[str]]] = defaultdict(set)
    editions: dict[str, set[str]] = defaultdict(set)
    candidates: dict[str, bool] = {}
    for description in set(descriptions):
        words = set(description.split())
        named = {
            word
            for word in words
            if (word in PRODUCT_WORDS or word in bill_words) and word not in BRAND
        }
        said = {word for word in named if _a_tier(word)}
        line = frozenset(named - said)  # "business" of Business Standard; none of "E3"
        if not named:
            continue
        for word in words - named:
            if (may := candidates.get(word)) is None:  # each word judged once (speed)
                may = candidates[word] = _may_be_a_billing_word(
                    word, bill_words
                ) and not _short_for_the_bill(word, bill_words, bill_runs)
            if may:
                lines[word].add(line)
                editions[word].update(said)
    return frozenset(
        word
        for word, around in lines.items()
        if len(editions[word]) >= EDITIONS_AT_LEAST and _apart(around) >= AROUND_AT_LEAST
    )


#: Different product lines a word must stand in for one missing word of before it is that word.
IN_PLACE_AT_LEAST = 2


def translations_of(descriptions: Iterable[str], product_names: Iterable[str]) -> dict[str, str]:
    """Words of the export that stand in for one word of the bill's product names: where they
    appear, the rest of the description is a name of the bill but for that word, always the same
    one, over :data:`IN_PLACE_AT_LEAST` different names or more; and never beside a whole name."""
    names = [frozenset(name.split()) - BRAND for name in set(product_names)]
    bill_words = {word for name in names for word in name}
    by_word: dict[str, list[frozenset[str]]] = defaultdict(list)
    for name in names:
        for word in name:
            by_word[word].append(name)
    instead: dict[str, dict[str, set[frozenset[str]]]] = defaultdict(lambda: defaultdict(set))
    beside_whole: set[str] = set()
    for description in set(descriptions):
        words = set(description.split())
        named = {w for w in words if (w in PRODUCT_WORDS or w in bill_words) and w not in BRAND}
        unknown = [w for w in words - named if _may_be_a_billing_word(w, bill_words)]
        if len(named) < 2 or not unknown:
            continue
        near = {name for word in named for name in by_word.get(word, ())}
        whole = [name for name in near if name <= named]
        missing = [name for name in near if named < name and len(name - named) == 1]
        if whole and not missing:
            beside_whole.update(unknown)
        elif len(missing) == 1 and not whole:  # ("… E5 Diogelwch": E5, or E5 Security?)
            (gap,) = missing[0] - named
            for word in unknown:  # the billing words beside it are told by whole names
                instead[word][gap].add(missing[0])
    out: dict[str, str] = {}
    for word, gaps in instead.items():
        if word not in beside_whole and len(gaps) == 1:
            gap, names_for = next(iter(gaps.items()))
            if len(names_for) >= IN_PLACE_AT_LEAST and _another_word(word, gap):
                out[word] = gap
    return out


def _another_word(word: str, gap: str) -> bool:
    """Not a piece of the name's word ("Sentinel One", "Proof point") nor a slip of it
    ("Docusine"): those are read as it already."""
    return (
        len(word) >= 4
        and not gap.startswith(word)
        and not gap.endswith(word)
        and OSA.distance(word, gap, score_cutoff=2) > 2
    )


def _apart(lines: set[frozenset[str]]) -> int:
    """How many of the lines share no word ("gz business security", "gz premium security" and
    "bitdefender gz security" are one line, the maker's, told by its "security")."""
    kept: list[frozenset[str]] = []
    for line in sorted(lines, key=lambda words: (len(words), sorted(words))):
        if all(line.isdisjoint(other) for other in kept) and (line or frozenset() not in kept):
            kept.append(line)
    return len(kept)


def _short_for_the_bill(word: str, bill_words: set[str], bill_runs: set[tuple[str, ...]]) -> bool:
    """A word that begins a word of the bill's names, or that word begins it ("goog" and
    "google"), or a short form without vowels of the maker or family a name begins with, or of
    which such a bill word is one ("gws" for "google workspace" or "goog ws", "ws" for
    "workspace"): the product's own family, however often it stands beside the family's editions,
    never a billing word of the export. ("see" of "See agreement notes" writes nothing short, nor
    "not" of "do not edit" begins "noteams".)"""
    for known in bill_words:
        if min(len(word), len(known)) >= 4 and (word.startswith(known) or known.startswith(word)):
            return True
        if vowelless(known) and shortens(known, word):
            return True
    return (
        vowelless(word)
        and len(word) >= 3
        and any(  # ("dc" of Acrobat DC, "mtl" of a German "monatlich", write anything short)
            shortens(word, run[0]) if len(run) == 1 else writes_run_short(word, run)
            for run in bill_runs
        )
    )


def _may_be_a_billing_word(word: str, bill_words: set[str]) -> bool:
    """No product's word (nor a slip of one), plan, edition, add-on, kind of product or work."""
    return (
        word.isalpha()
        and word not in bill_words
        and word not in BRAND
        and word not in DISCRIMINATORS
        and word not in NEVER_IMPLIED
        and word not in SERVICE_WORDS
        and concept_word(word) is None
        and not names_a_product_part(word)
        and not (
            len(word) >= 5
            and any(
                len(known) >= 5 and OSA.distance(word, known, score_cutoff=1) <= 1
                for known in bill_words
            )
        )  # "Prtoect", "Protcet": a slip of the bill's "Protect"
    )
