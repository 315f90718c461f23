"""Pair the clients the name tiers left over, on names *and* what they buy, as a billing person would.

Two systems spell one company differently in ways no single similarity score catches: a typo in the
legal suffix ("Limietd"), a misspelt abbreviation ("Mngmt", "Scvs"), a generic word dropped ("Dental"
for "Dental Group"), a branch written on one side ("- Downtown", "(Main Office)"). Here each pair of
names is aligned word by word (typos and abbreviations allowed), and what the company buys — which
products, how many seats — is weighed beside the name: a basket no name typo changes.

Never merged, however alike: names that carry different numbers ("Store 12", "Store 15"), and names
that each keep a word the other lacks ("Dental Group", "Dental Lab"). Assignment is one to one, best
first, and a name with two close candidates stays unmatched for the user to decide.

>>> name_fit("contoso dental group", "contoso dentl").approximate
1
>>> name_fit("northwind dental group", "northwind dental lab") is None
True
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from rapidfuzz.distance import OSA

from engine.match.client_siblings import (
    NO_SIBLINGS,
    Siblings,
    common_prefix,
    crosses_siblings,
    one_stem_two_endings,
)
from engine.match.legal_forms import ENTITY_WORDS, is_legal_form
from engine.match.surname_sounds import sounds_alike
from engine.match.word_alignment import align, letters_in_order
from engine.settings import MatchThresholds

DEFAULT_THRESHOLDS = MatchThresholds()

#: Words that qualify a company without naming another one: they may be missing on one side.
QUALIFIERS = frozenset(
    [
        "group",
        "main",
        "central",
        "office",
        "hq",
        "headquarters",
        "head",
        "corporate",
        "global",
        "holdings",
        "holding",
        "enterprises",
        "enterprise",
        "worldwide",
        "usa",
        "us",
        "uk",
        "the",
        "and",
        "of",
        "services",
        "company",
        "co",
        "inc",
        "llc",
        "ltd",
        "limited",
        "corp",
        "corporation",
        "pty",
        "plc",
        "gmbh",
        "branch",
        "location",
        "site",
        "store",
        "shop",
        # "head office" in the languages of the names we meet
        "hauptsitz",
        "zentrale",
        "siege",
        "sede",
        "hoofdkantoor",
        "hovedkontor",
        "huvudkontor",
    ]
)


@dataclass(frozen=True)
class NameFit:
    """How two client names align: the share of words paired, words paired only approximately,
    and the words one side has that the other lacks (never on both sides)."""

    score: float
    approximate: int
    extra: tuple[str, ...]
    loose: int = 0  # words paired only as a misspelt short form: the baskets must agree
    initials: str = ""  # a word that stood for several as their initials ("pas")


_DIGRAPHS = (("aa", "a"), ("ae", "a"), ("oe", "o"), ("ue", "u"))


def _transliterated(word: str) -> str:
    """A word with the digraphs that stand for å, æ, ø, ä, ö, ü written as one letter, as the
    accent fold writes those letters (ø → o, å → a)."""
    for digraph, letter in _DIGRAPHS:
        word = word.replace(digraph, letter)
    return word


@lru_cache(maxsize=262144)
def _same_word(a: str, b: str) -> int:
    """0 the same word, 1 a typo or an abbreviation of it, -1 a different word."""
    if a == b:
        return 0
    if any(c.isdigit() for c in a + b):
        return -1
    if _transliterated(a) == _transliterated(b):
        return 0  # "Søndergaard Rådgivning" typed "Soendergaard Raadgivning"
    if a.endswith("er") or b.endswith("er"):  # "center" (folded from "centre") and "cetre"
        british = (
            a[:-2] + "re" if a.endswith("er") else a,
            b[:-2] + "re" if b.endswith("er") else b,
        )
        if british != (a, b) and british[0] != british[1] and _same_word(*british) == 1:
            return 1
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 4:
        budget = 1 if len(short) <= 5 else 2
        if OSA.distance(a, b, score_cutoff=budget) <= budget:
            return 1
        one, other = _singular(a), _singular(b)  # "tecnologies" / "technology"
        if (one, other) != (a, b) and OSA.distance(one, other, score_cutoff=budget) <= 1:
            return 1
        if sorted(a) == sorted(b) and a[0] == b[0]:
            return 1
    if 3 <= len(short) <= 6 and len(long) >= len(short) + 2 and short[0] == long[0]:
        need, have = Counter(short), Counter(long)
        if all(have[ch] >= n for ch, n in need.items()):
            return 1  # "mngmt" → management, "scvs" → services, "grp" → group
    if one_stem_two_endings(a, b):
        return 1  # one stem, two endings: "medical" / "medicine", "consulting" / "consultants"
    if len(short) >= 4 and len(long) >= len(short) + 2 and long.startswith(short):
        return 1  # cut short: "distrib" → distribution, "constr" → construction
    if 4 <= len(short) <= 9 and len(long) >= len(short) + 3 and _skeleton_of(short, long):
        return 1  # "dstrbtn" → distribution, "mfctrng" → manufacturing
    if _dotted_short_form(short, long):
        # "Ev. Kirchengemeinde" for Evangelische, "St. Openbaar Onderwijs" for Stichting (the key
        # reads "St." as Saint): two letters say little, so what the client buys must agree
        return 2
    if _misspelt_short_form(short, long):
        # "Mkgx", "Phyiso": a short form with a slip; only what the firm buys can confirm it
        return 2
    if sounds_alike(a, b):
        # "Neal" / "Neill", "Kay" / "Kaye", "Zhuk" / "Schuk": a surname written down as it was
        # heard; only what the firm buys can confirm it
        return 2
    return -1


def _dotted_short_form(short: str, long: str) -> bool:
    """Two letters that begin a long word, as a dotted short form writes it ("Ev.", "St.")."""
    if short == "saint" and long.startswith("st") and len(long) >= 6:
        return True  # the key wrote "St." out as Saint; "Stichting" is another word it shortens
    return len(short) == 2 and short.isalpha() and len(long) >= 5 and long.startswith(short)


def _misspelt_short_form(short: str, long: str) -> bool:
    """A short form of the long word with one letter it lacks: the same first letter, and every
    other letter but one found in the long word ("mkgx" for marketing, "phyisox" for physiotherapy)."""
    if not (4 <= len(short) <= 8 and len(long) >= len(short) + 2 and short[0] == long[0]):
        return False
    if common_prefix(short, long) < 2 and sum(ch in "aeiou" for ch in short) > 1:
        # a short form keeps the word's beginning ("phyysiox") or drops its vowels ("mkgx");
        # "property" does neither: a word of its own, no short form of "physiotherapy"
        return False
    need, have = Counter(short), Counter(long)
    missing = sum(max(0, n - have[ch]) for ch, n in need.items())
    return missing == 1 and short.isalpha()


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        return word[:-1]
    return word


def _skeleton_of(short: str, long: str) -> bool:
    """A word written without its vowels: the same first letter, at most one vowel after it, and
    every letter found in order in the long word."""
    if short[0] != long[0] or sum(ch in "aeiou" for ch in short[1:]) > 1:
        return False
    return letters_in_order(short, long)


@lru_cache(maxsize=262144)
def name_fit(a: str, b: str) -> NameFit | None:
    """Align two client keys word by word; None when they name different companies."""
    left, right = a.split(), b.split()
    site = 0
    if {w for w in left if w.isdigit()} != {w for w in right if w.isdigit()}:
        cut = _without_site_label(left, right)
        if cut is None:
            return None
        left, right = cut
        site = 1  # "Bluewater Builders Co - Site 1" for the bill's "Bluewater Builders Co."
    left, right, initials = _initials_folded(left, right)
    acronyms = len(initials.split()) + site
    aligned = align(left, right, _same_word)
    unpaired_left, unpaired_right = list(aligned.unpaired_first), list(aligned.unpaired_second)
    approximate = aligned.approximate + acronyms
    if _location_labels(left, unpaired_left, right, unpaired_right):
        unpaired_left, unpaired_right = [], []  # "Clinic 34" and "Store 34" of one chain
        approximate += 1
    distinct_left = [w for w in unpaired_left if not _qualifies(w)]
    distinct_right = [w for w in unpaired_right if not _qualifies(w)]
    if (distinct_left and unpaired_right) or (distinct_right and unpaired_left):
        return None  # each keeps a word the other lacks: siblings ("Group" / "Lab"), not spellings
    if (_partner_named(left, distinct_left) and _MERGED.isdisjoint(distinct_left)) or (
        _partner_named(right, distinct_right) and _MERGED.isdisjoint(distinct_right)
    ):
        # "Athlone & Fitzgerald Pharmacy" is a partnership, not "Athlone Pharmacy"; "Juniper &
        # Hart Accounting (merged)" is the firm the bill still knows by its old name, where what
        # it buys agrees (the words on one side only leave that to the baskets)
        return None
    paired = [w for w in left if w not in unpaired_left and w not in QUALIFIERS]
    if not any(len(w) >= 3 for w in paired):
        return None
    extra = tuple(distinct_left or distinct_right)
    matched = len(left) - len(unpaired_left)
    return NameFit(
        matched / (matched + len(extra)), approximate, extra, aligned.loose + acronyms, initials
    )


def _without_site_label(left: list[str], right: list[str]) -> tuple[list[str], list[str]] | None:
    """Both names without a numbered location written after one of them ("… - Site 1", "… (Store
    2)"), when it is that name's only number and the other name has none: a branch note, not
    another company. Counted as loose, so only what the firm buys can confirm it (a chain's
    store and its head office look the same)."""
    for one, other in ((left, right), (right, left)):
        numbers = [i for i, w in enumerate(one) if w.isdigit()]
        if (
            len(numbers) == 1
            and numbers[0] == len(one) - 1
            and numbers[0] >= 3
            and one[-2] == "store"
            and not any(w.isdigit() for w in other)
        ):
            cut = one[:-2]
            return (cut, other) if one is left else (other, cut)
    return None


def _initials_folded(left: list[str], right: list[str]) -> tuple[list[str], list[str], str]:
    """A word on one side that is the initials of two to five words in a row on the other ("PAS"
    for "Pinecrest Accounting Services"): those words become the one word. Counted as loose, so
    only what the firm buys can confirm it."""
    folded: list[str] = []
    for short, long in ((left, right), (right, left)):
        for word in [w for w in short if 2 <= len(w) <= 5 and w.isalpha() and w not in long]:
            run = _run_with_initials(word, long)
            if run is not None and not (set(long[run : run + len(word)]) & set(short)) - QUALIFIERS:
                long[run : run + len(word)] = [word]
                folded.append(word)
    return left, right, " ".join(folded)


def _run_with_initials(initials: str, words: list[str]) -> int | None:
    """Where in ``words`` a run of words starts whose first letters spell ``initials``, if one."""
    size = len(initials)
    for start in range(len(words) - size + 1):
        run = words[start : start + size]
        if "".join(w[0] for w in run) == initials and all(len(w) >= 2 for w in run):
            return start
    return None


def _location_labels(
    left: list[str], unpaired_left: list[str], right: list[str], unpaired_right: list[str]
) -> bool:
    """One word apart, each just before the same number, one of them "store": a chain's location
    labelled two ways ("PetPals Veterinary Clinic 34" is its "Site 34")."""
    if len(unpaired_left) != 1 or len(unpaired_right) != 1:
        return False
    a, b = unpaired_left[0], unpaired_right[0]
    if "store" not in (a, b):
        return False
    after_a = {left[i + 1] for i, w in enumerate(left[:-1]) if w == a and left[i + 1].isdigit()}
    after_b = {right[i + 1] for i, w in enumerate(right[:-1]) if w == b and right[i + 1].isdigit()}
    return bool(after_a & after_b)


#: A note that a firm took its partner in: the partnership is the old firm under a new name.
_MERGED = frozenset({"merged", "merger", "amalgamated"})


def _partner_named(words: list[str], extra: list[str]) -> bool:
    """A word on one side only that follows "&": a partner's name, which makes another firm."""
    return any(w in extra and i > 0 and words[i - 1] == "and" for i, w in enumerate(words))


def _qualifies(word: str) -> bool:
    """A word that may stand on one side only: a qualifier, or a legal form anywhere in the name
    ("Inc" before a branch), typed right or wrong ("Icn")."""
    return word in QUALIFIERS or is_legal_form(word)


def basket_overlap(a: Mapping[str, Decimal], b: Mapping[str, Decimal]) -> tuple[float, int]:
    """Share of products both buy (of the larger basket) and how many have the same seat count."""
    if not a or not b:
        return 0.0, 0
    shared = a.keys() & b.keys()
    return len(shared) / max(len(a), len(b)), sum(1 for k in shared if a[k] == b[k])


@dataclass(frozen=True)
class Pairing:
    vendor_key: str
    psa_key: str
    confidence: float
    evidence: str


def _blocks(key: str) -> set[str]:
    words = key.split()
    words += [t for w in words if (t := _transliterated(w)) != w]  # "Soendergaard", "Søndergaard"
    found = {f"w:{w}" for w in words if len(w) >= 3 and w not in QUALIFIERS}
    found |= {f"p:{w[:3]}" for w in words if len(w) >= 4 and w not in QUALIFIERS}
    # a short word meets the runs of words it may be the initials of ("pas": "Pinecrest
    # Accounting Services")
    found |= {f"a:{w}" for w in words if 2 <= len(w) <= 5 and w.isalpha() and not _qualifies(w)}
    found |= {
        "a:" + "".join(w[0] for w in words[i : i + n])
        for n in range(2, 6)
        for i in range(len(words) - n + 1)
    }
    return found


def pair_by_evidence(
    vendor_keys: list[str],
    psa_keys: list[str],
    vendor_baskets: Mapping[str, Mapping[str, Decimal]],
    psa_baskets: Mapping[str, Mapping[str, Decimal]],
    *,
    block_limit: int = DEFAULT_THRESHOLDS.block_limit,
    siblings: Siblings = NO_SIBLINGS,
) -> list[Pairing]:
    """One-to-one pairs among the clients left over, from name alignment and basket evidence."""
    if not vendor_keys or not psa_keys:
        return []
    index: dict[str, list[str]] = defaultdict(list)
    for key in psa_keys:
        for block in _blocks(key):
            index[block].append(key)
    scored: list[tuple[float, str, str, float, str]] = []
    for vendor_key in vendor_keys:
        candidates: set[str] = set()
        for block in _blocks(vendor_key):
            members = index.get(block, [])
            if len(members) <= block_limit:
                candidates.update(members)
        options = _options(vendor_key, candidates, vendor_baskets, psa_baskets, siblings)
        options.sort(reverse=True)
        if len(options) > 1 and options[0][0] - options[1][0] < 0.15:
            continue  # two close candidates: the user decides (Client Aliases)
        if not (options and options[0][4]) and _another_begins_so(vendor_key, options, candidates):
            continue  # two names it may be, nothing bought in common to choose: the user decides
            # ("redfield.com.au" beside RedField Foundation Ltd and RedField Foundation Labs)
        if options:
            score, psa_key, confidence, evidence, _ = options[0]
            scored.append((score, vendor_key, psa_key, confidence, evidence))
    return _one_to_one(scored)


def _another_begins_so(
    vendor_key: str, options: list[tuple[float, str, float, str, float]], candidates: set[str]
) -> bool:
    """Another candidate besides the best one begins with every word of the vendor's name."""
    if not options:
        return False
    words = vendor_key.split()
    return any(key != options[0][1] and key.split()[: len(words)] == words for key in candidates)


def _options(
    vendor_key: str,
    candidates: set[str],
    vendor_baskets: Mapping[str, Mapping[str, Decimal]],
    psa_baskets: Mapping[str, Mapping[str, Decimal]],
    siblings: Siblings,
) -> list[tuple[float, str, float, str, float]]:
    """(score, PSA key, confidence, evidence, share of products bought in common) of each
    candidate whose name and basket agree."""
    options: list[tuple[float, str, float, str, float]] = []
    for psa_key in candidates:
        fitted = name_fit(vendor_key, psa_key)
        if fitted is None or crosses_siblings(vendor_key, psa_key, siblings):
            continue
        vendor_basket, psa_basket = (
            vendor_baskets.get(vendor_key, {}),
            psa_baskets.get(psa_key, {}),
        )
        share, same_seats = basket_overlap(vendor_basket, psa_basket)
        if (
            fitted.approximate
            and not fitted.extra
            and min(len(vendor_basket), len(psa_basket)) >= 3
            and share < 0.34
            and not same_seats
        ):
            # a name read through a slip ("Logistic Services" for "Logistics") whose baskets, of
            # three products or more each, agree on almost nothing: another firm (set M)
            continue
        accepted = _accept(fitted, share, same_seats, bool(vendor_basket and psa_basket))
        if accepted is None:
            continue
        score = fitted.score + 0.5 * share + 0.05 * min(same_seats, 4)
        evidence = _evidence(fitted, share, same_seats, vendor_baskets.get(vendor_key, {}))
        options.append((score, psa_key, accepted, evidence, share))
    return options


def _one_to_one(scored: list[tuple[float, str, str, float, str]]) -> list[Pairing]:
    """Best score first, each key once; a company several vendor names want nearly as much is
    paired only on strong evidence."""
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    taken_vendor: set[str] = set()
    taken_psa: set[str] = set()
    best_claim: dict[str, float] = {}
    for score, _, psa_key, _, _ in scored:
        best_claim[psa_key] = max(best_claim.get(psa_key, score), score)
    # a rival claim is one nearly as good: a name with a word more and nothing bought in common
    # does not make a typo of the same name doubtful
    claims = Counter(
        psa_key for score, _, psa_key, _, _ in scored if score >= best_claim[psa_key] - 0.15
    )
    pairs = []
    for _, vendor_key, psa_key, confidence, evidence in scored:
        if vendor_key in taken_vendor or psa_key in taken_psa:
            continue
        if claims[psa_key] > 1 and confidence < 0.9:
            continue  # several vendor names want this company and the evidence is thin
        taken_vendor.add(vendor_key)
        taken_psa.add(psa_key)
        pairs.append(Pairing(vendor_key, psa_key, confidence, evidence))
    return pairs


def _accept(fitted: NameFit, share: float, same_seats: int, compared: bool) -> float | None:
    """The confidence a pair earns, or None when names and baskets together are not enough."""
    if fitted.loose and not (share >= 0.5 or same_seats):
        return None  # a short form guessed through a slip, or initials: what it buys must agree
    confidence = _name_and_basket(fitted, share, same_seats, compared)
    if fitted.loose and confidence is not None:
        return min(confidence, 0.8)  # check first; a rival claim on the name leaves it to the user
    if confidence is not None and not _MERGED.isdisjoint(fitted.extra):
        return min(confidence, 0.75)  # a merged firm under its old name: check first
    return confidence


#: The share of products two clients must both buy for a short name that leaves out two words or
#: more of the long one ("McAllister's") to be that client.
_KNOWN_AS_SHARE = 2 / 3


def _name_and_basket(
    fitted: NameFit, share: float, same_seats: int, compared: bool
) -> float | None:
    """The confidence the name's fit and the baskets give together, or None."""
    if not fitted.extra:
        if fitted.score >= 0.99:
            return 0.95 if fitted.approximate == 0 or share >= 0.5 else 0.85
        return None
    if fitted.score >= 0.5 and (share >= 0.5 or same_seats >= 2):
        return 0.85  # a word more on one side, the same products bought
    if len(fitted.extra) >= 2 and share >= _KNOWN_AS_SHARE and same_seats >= 2:
        # the short name staff use every day ("McAllister's" for McAllister Credit Union Services
        # LLC): every word of it in the long name, which only what the client buys, product for
        # product and seat for seat, can confirm: check first
        return 0.75
    if (
        fitted.score >= 0.5
        and len(fitted.extra) == 1
        and (same_seats or not compared or fitted.extra[0] in ENTITY_WORDS)
    ):
        # a word more on one side, little to confirm it: check first. A word more where both
        # bills are known and no product has the same seats is a sibling as often as the same
        # company ("Elderridge Freight Ltd" / "Elderridge Freight Brokers LLP"; "Motor Finance"
        # is another company than "Motors"): a wrong merge costs more than a match left to the
        # user. An entity's word ("Whitmore Health Partners") names no other business.
        return 0.75
    return None


def _evidence(fitted: NameFit, share: float, same_seats: int, basket: Mapping[str, Decimal]) -> str:
    parts = [f"name {fitted.score:.2f}"]
    if fitted.initials:
        parts.append(f"initials {fitted.initials.upper()!r}")
    if fitted.approximate:
        parts.append(f"{fitted.approximate} word(s) as typos or abbreviations")
    if fitted.extra:
        parts.append(f"'{' '.join(fitted.extra)}' on one side only")
    if basket:
        parts.append(f"{round(share * len(basket))} of {len(basket)} products in common")
    if same_seats:
        parts.append(f"same seats on {same_seats}")
    return ", ".join(parts)
