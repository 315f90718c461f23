"""Pair the clients no name tier could, by what they buy: the MSP's own short names for a company.

A PSA often knows a client by what the MSP calls it, not by the tenant's legal name: its initials
("TPM" for Tidewell Property Management, "SP&H - Stonebridge"), a trading name with the owner's
name beside it ("Lantern Studio (Brennan)" for Brennan Manufacturing), or a trading name alone. No
name score pairs these, but the basket does: the same products at the same seat counts, which no
other client left over has. A billing person who sees "TPM" billed exactly Tidewell's five products
and seats knows who it is.

Only clients every name tier left over are considered. A pair must be the best for both sides, by
a clear margin, and never across different numbers ("Store 12" / "Store 15") or sibling words. A
pair with no name evidence at all needs more of the basket and is marked *check first*.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from engine.match.client_siblings import NO_SIBLINGS, Siblings, crosses_siblings, numbers_in
from engine.match.legal_forms import ENTITY_WORDS, is_legal_form
from engine.match.script_names import in_consonant_script, skeletons

#: Clients that share one (product, seats) item beyond this many say nothing by it (5 seats of
#: Business Premium is half the bill).
_ITEM_LIMIT = 60
#: A word in more client names than this share is a trade or a place, not a name ("dental").
_COMMON_SHARE = 0.02
_GLUE = frozenset(["and", "the", "of"])


@dataclass(frozen=True)
class BasketPairing:
    vendor_key: str
    psa_key: str
    confidence: float
    evidence: str


@dataclass(frozen=True)
class _Overlap:
    same_seats: int  # products with the same seat count on both sides
    shared: int  # products in common
    share: float  # shared over the larger basket
    contained: bool  # every product of the smaller basket is in the larger, at the same seats
    within_smaller: float  # shared over the smaller basket


def pair_by_basket(
    vendor_keys: Iterable[str],
    psa_keys: Iterable[str],
    vendor_baskets: Mapping[str, Mapping[str, Decimal]],
    psa_baskets: Mapping[str, Mapping[str, Decimal]],
    *,
    siblings: Siblings = NO_SIBLINGS,
    all_names: Iterable[str] = (),
    owners: Mapping[str, str] | None = None,
    formal: frozenset[str] = frozenset(),
) -> list[BasketPairing]:
    """One-to-one pairs of leftover clients whose baskets agree, best for both sides.

    ``owners`` maps a PSA key to the key of the owner a trading name names beside it ("Tallow
    House - Côté Ltée" → "cote"); ``formal`` holds the keys (of either side) whose names end in a
    legal form: two such names with nothing in common are two companies unless their seats agree
    on two products or more ("Sycamore Veterinary Hospital LLC" / "Prairie Wind Insurance Agency
    Inc.", three products alike but one at its seats), for a trading name has no legal form of
    its own."""
    vendors = [k for k in vendor_keys if vendor_baskets.get(k)]
    psas = [k for k in psa_keys if psa_baskets.get(k)]
    if not vendors or not psas:
        return []
    index: dict[tuple[str, Decimal], list[str]] = defaultdict(list)
    buyers: dict[str, list[str]] = defaultdict(list)
    for key in psas:
        for item in psa_baskets[key].items():
            index[item].append(key)
            buyers[item[0]].append(key)
    clues = _name_clues(vendors, psas, set(all_names), owners or {}, formal)
    rarity = _Rarity.of(vendor_baskets, len(vendors) * len(psas))
    options: dict[str, list[_Option]] = {}
    for vendor_key in vendors:
        found = _options(
            vendor_key,
            vendor_baskets[vendor_key],
            psa_baskets,
            (index, buyers),
            clues,
            siblings,
            rarity,
        )
        if found:
            options[vendor_key] = sorted(found, reverse=True)
    pairs = _best_for_both(options)
    _plain.cache_clear()
    return pairs


#: (score, PSA key, confidence, evidence) of one PSA client a vendor client may be.
_Option = tuple[float, str, float, str]


@dataclass(frozen=True)
class _NameClues:
    """What the names of all leftover clients say, worked out once per run."""

    common: frozenset[str]  # words too common to name anyone
    short_names: dict[str, str]  # vendor key → the one PSA name that is all its first words
    namesakes: dict[str, str]  # vendor key → the one PSA name sharing a rare word
    #: vendor key → the one leftover PSA name sharing a word no other client's name has
    only_two: dict[str, str]
    owned: dict[str, tuple[str, int]]  # vendor key → (PSA key naming it as owner, namesakes)
    numbers: dict[str, frozenset[str]]  # the numbers in each name ("store 12")
    owners: Mapping[str, str]
    spelled: dict[str, tuple[str, str]]  # vendor key → (PSA key in Arabic/Hebrew, the skeleton)
    formal: frozenset[str]  # keys whose names end in a legal form


def _name_clues(
    vendors: list[str],
    psas: list[str],
    names: set[str],
    owners: Mapping[str, str],
    formal: frozenset[str],
) -> _NameClues:
    common = _common_words(names)
    only_two = _only_two(vendors, psas, _word_holders(names, common))
    starts = _name_starts(names)  # once for both the short names and the owners
    return _NameClues(
        common=common,
        short_names=_short_names(vendors, psas, names, starts),
        namesakes=_namesakes(only_two),
        only_two=only_two,
        owned=_owned(vendors, psas, starts, owners),
        numbers={key: numbers_in(key) for key in (*vendors, *psas)},
        owners=owners,
        spelled=_spelled_apart(vendors, psas),
        formal=formal,
    )


def _spelled_apart(vendors: list[str], psas: list[str]) -> dict[str, tuple[str, str]]:
    """Leftover PSA names in Arabic or Hebrew letters that share a consonant skeleton with one
    leftover vendor name only, and it with no other such PSA name (engine.match.script_names)."""
    apart = [key for key in psas if in_consonant_script(key)]
    if not apart:
        return {}
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for psa_key in apart:
        fits = [(v, min(shared)) for v in vendors if (shared := skeletons(v) & skeletons(psa_key))]
        if len(fits) == 1:
            found[fits[0][0]].append((psa_key, fits[0][1]))
    return {vendor: keys[0] for vendor, keys in found.items() if len(keys) == 1}


def _options(
    vendor_key: str,
    basket: Mapping[str, Decimal],
    psa_baskets: Mapping[str, Mapping[str, Decimal]],
    indexes: tuple[Mapping[tuple[str, Decimal], list[str]], Mapping[str, list[str]]],
    clues: _NameClues,
    siblings: Siblings,
    rarity: _Rarity,
) -> list[_Option]:
    """The PSA clients one vendor client may be, each scored on basket and name."""
    index, buyers = indexes
    shared_items = Counter(
        psa_key
        for item in basket.items()
        if len(members := index.get(item, [])) <= _ITEM_LIMIT
        for psa_key in members
    )
    # three products in common, at whatever seats (the seats may be the leakage itself)
    shared_products = Counter(
        psa_key
        for product in basket
        if len(members := buyers.get(product, [])) <= _ITEM_LIMIT
        for psa_key in members
    )
    found = []
    owner, _ = clues.owned.get(vendor_key, ("", 0))
    spelled, _ = clues.spelled.get(vendor_key, ("", ""))
    by_name = (clues.short_names.get(vendor_key), clues.namesakes.get(vendor_key), owner, spelled)
    extra = [k for k in by_name if k]
    for psa_key in sorted(
        {*shared_items, *extra, *(k for k, n in shared_products.items() if n >= 3)}
    ):
        # two products at the same seats, or one where one side has no other (speed: most
        # candidates share one common item and nothing else), or the one name that is all
        # of the other's first words; else three rare products in common at whatever seats,
        # which only their rarity may decide (a name in common is then no help: "Valemont
        # Financial Services" and "Valemont Veterinary" may buy alike)
        products_only = (
            shared_items[psa_key] < 2
            and min(len(basket), len(psa_baskets[psa_key])) > 1
            and psa_key not in extra
        )
        if products_only and shared_products[psa_key] < 3:
            continue
        numbers = clues.numbers[vendor_key], clues.numbers[psa_key]
        if numbers[0] != numbers[1] and all(numbers):
            continue  # "Store 12" / "Store 15"
        if numbers[0] != numbers[1] or crosses_siblings(vendor_key, psa_key, siblings):
            # a number on one name only, or sibling words ("Ironbark Partners" / "Ironbark
            # Architects Rentals"): only the whole basket, alike to the seat and rare, says that
            # the vendor's portal renamed the client
            other = psa_baskets[psa_key]
            if len(basket) != len(other) or shared_items[psa_key] != len(basket):
                continue  # (speed: the whole basket alike, seen before any overlap is worked out)
            overlap = _overlap(basket, other)
            if _alike_and_rare(basket, other, overlap, rarity):
                evidence = (
                    f"the same {len(basket)} products at the same seats, a combination no other "
                    "client on the bill is likely to share; the names differ"
                )
                found.append((overlap.same_seats + overlap.share, psa_key, 0.6, evidence))
            continue
        overlap = _overlap(basket, psa_baskets[psa_key])
        relation = _named_relation(vendor_key, psa_key, clues)
        if (
            not relation
            and overlap.same_seats < 2
            and vendor_key in clues.formal
            and psa_key in clues.formal
        ):
            continue  # two companies' legal names, nothing in common, products alike at most
        confidence = None if products_only else _accept(overlap, relation)
        evidence = _evidence(overlap, relation, len(basket))
        weak = relation.endswith(_IN_MANY)  # a word many names have: it says no more than none
        if confidence is None and rarity.decides(
            basket, psa_baskets[psa_key], overlap, "" if weak else relation
        ):
            # no name says it, but no other client is likely to buy these seats of these products
            confidence = 0.6
            evidence += ", a combination of products and seats no other client on the bill is likely to share"
        if confidence is None:
            continue
        named = relation and not weak
        score = overlap.same_seats + overlap.share + (1 if named else 0)
        found.append((score, psa_key, confidence, evidence))
    return found


#: Products a basket must hold, all alike, before it outweighs what the names say apart.
_WHOLE_BASKET = 3


def _alike_and_rare(
    vendor: Mapping[str, Decimal], psa: Mapping[str, Decimal], overlap: _Overlap, rarity: _Rarity
) -> bool:
    """The same products at the same seats on both sides, three or more, and rare together."""
    return (
        len(vendor) >= _WHOLE_BASKET
        and overlap.same_seats == len(vendor) == len(psa)
        and rarity.decides(vendor, psa, overlap, "")
    )


@dataclass(frozen=True)
class _Rarity:
    """How rare each (product, seats) is on the vendor's bill, in bits: what a basket shared by
    two leftover clients says when no name does. Two clients share a set of items by chance about
    once in 2**bits; with many leftover pairs compared, a pair needs that many bits more, and a
    margin, before the seats alone say who is who."""

    bits: Mapping[tuple[str, Decimal], float]
    product_bits: Mapping[str, float]  # how rare buying the product at all is, at any seats
    needed: float

    @classmethod
    def of(cls, baskets: Mapping[str, Mapping[str, Decimal]], pairs: int) -> _Rarity:
        counts = Counter(item for basket in baskets.values() for item in basket.items())
        products = Counter(key for basket in baskets.values() for key in basket)
        clients = max(1, len(baskets))
        bits = {item: math.log2(clients / n) for item, n in counts.items()}
        product_bits = {key: math.log2(clients / n) for key, n in products.items()}
        return cls(bits, product_bits, math.log2(max(2, pairs)) + _RARITY_MARGIN_BITS)

    def decides(
        self,
        vendor: Mapping[str, Decimal],
        psa: Mapping[str, Decimal],
        overlap: _Overlap,
        relation: str,
    ) -> bool:
        """No name relation, the same seats on two products or more that make up most of the
        smaller basket, and together rare enough. Two products at the same seats decide only when
        they are all the smaller basket holds: two clients that differ on a third product (Exchange
        Plan 1 on one side, Plan 2 on the other; set M) are two clients."""
        if relation or overlap.same_seats < 1 or overlap.within_smaller < 0.75:
            return False
        same = [(key, seats) for key, seats in vendor.items() if psa.get(key) == seats]
        bits = sum(self.bits.get(item, 0.0) for item in same)
        if overlap.same_seats < 2 and overlap.contained:
            return False  # one product at the same seats: many clients may buy that
        if overlap.same_seats < 3 and not overlap.contained:
            if overlap.shared < 3 or overlap.within_smaller < 1 or overlap.share < 0.75:
                return False
            if _far_apart_both_ways(vendor, psa):
                # 14 workstations on the bill and 6 in the books, 8 passwords on the bill and 11
                # in the books: no month's leakage runs both ways at once, far apart; another
                # client that buys the same kinds of thing (set AA: many clients buy alike, and
                # the products alone say little). Seats short on every product ("Exchange 48 /
                # 6, Visio 48 / 41") are the leakage itself.
                return False
            # three products or more, every one of the smaller basket's, some at other seats
            # (the very leakage we look for): buying those at all says who it is too
            bits += sum(
                self.product_bits.get(key, 0.0)
                for key in vendor.keys() & psa.keys()
                if psa[key] != vendor[key]
            )
        return bits >= self.needed


def _far_apart_both_ways(vendor: Mapping[str, Decimal], psa: Mapping[str, Decimal]) -> bool:
    """Products in common whose seats differ both ways, one of them far apart (more than two
    apart and one under half the other)."""
    shared = vendor.keys() & psa.keys()
    fewer = any(psa[key] < vendor[key] for key in shared)
    more = any(psa[key] > vendor[key] for key in shared)
    return (
        fewer
        and more
        and any(
            abs(vendor[key] - psa[key]) > 2
            and min(vendor[key], psa[key]) * 2 < max(vendor[key], psa[key])
            for key in shared
        )
    )


#: Bits a shared basket needs beyond the number of pairs compared: 1 in 2**6 = 64 that the best
#: chance coincidence among all leftover pairs is taken for a match.
_RARITY_MARGIN_BITS = 6


def _named_relation(vendor_key: str, psa_key: str, clues: _NameClues) -> str:
    """What ties the two names, told with what the other leftover names show: the one name it can
    be, the one that shares a rare word, the owner beside a trading name."""
    relation = _relation(vendor_key, psa_key, clues.common)
    owner, namesakes_of_owner = clues.owned.get(vendor_key, ("", 0))
    if psa_key == clues.short_names.get(vendor_key):  # the one name on either side it can be
        shorter = _shorter(vendor_key, psa_key)
        tail = set(_plain(psa_key if shorter == vendor_key else vendor_key)) - set(_plain(shorter))
        if relation.startswith("initials"):
            relation = f"only {relation}"
        elif tail and tail <= _FIRM_TAIL_WORDS:
            relation = f"{shorter!r} with only {' '.join(sorted(tail))!r} {_AFTER_IT}"
        else:
            relation = f"{shorter!r} is the start of the other name"
    elif psa_key == clues.namesakes.get(vendor_key) and not (
        vendor_key in clues.formal and psa_key in clues.formal
    ):
        # a legal name beside a trading name, which has no legal form of its own: "Hartley
        # Family Holdings DAC" is no trading name of "Hartley Financial Planning LLP"
        relation = f"{relation}, on no other client"
    elif psa_key == clues.spelled.get(vendor_key, ("", ""))[0]:
        relation = f"the name {clues.spelled[vendor_key][1]!r} {_IN_ANOTHER_SCRIPT}"
    elif psa_key == owner:
        relation = f"the owner {clues.owners[psa_key]!r} beside the trading name"
        if namesakes_of_owner > 1:
            relation += f", one of {namesakes_of_owner} so named"
    elif (
        relation
        and psa_key == clues.only_two.get(vendor_key)
        and not (vendor_key in clues.formal and psa_key in clues.formal)
    ):
        relation = f"{relation}{_ON_NO_OTHER_NAME}"
    if not relation and (word := _shared_word(vendor_key, psa_key)):
        relation = f"the name {word!r} on both{_IN_MANY}"
    return relation


def _best_for_both(options: Mapping[str, list[_Option]]) -> list[BasketPairing]:
    """The pairs that are each side's best by a clear margin; near ties are left to the user."""
    best_for_psa: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for vendor_key, found in options.items():
        for score, psa_key, _, _ in found:
            best_for_psa[psa_key].append((score, vendor_key))
    pairs = []
    for vendor_key, found in sorted(options.items()):
        score, psa_key, confidence, evidence = found[0]
        if len(found) > 1 and score - found[1][0] < 1:
            continue  # two companies fit nearly as well: the user decides
        rivals = sorted(best_for_psa[psa_key], reverse=True)
        if rivals[0][1] != vendor_key or (len(rivals) > 1 and score - rivals[1][0] < 1):
            continue
        pairs.append(BasketPairing(vendor_key, psa_key, confidence, evidence))
    return pairs


def _overlap(a: Mapping[str, Decimal], b: Mapping[str, Decimal]) -> _Overlap:
    shared = set(a) & set(b)
    same = sum(1 for key in shared if a[key] == b[key])
    contained = same == len(shared) == min(len(a), len(b))
    return _Overlap(
        same,
        len(shared),
        len(shared) / max(len(a), len(b)),
        contained,
        len(shared) / max(1, min(len(a), len(b))),
    )


def _accept(overlap: _Overlap, relation: str) -> float | None:
    """The confidence a pair earns, or None: a name relation and the same seats on two products,
    or no name relation and the same seats on three products that make up most of both baskets,
    or on every product of both (two or more), or on two of three or more products where every
    product of one side is bought by the other."""
    if relation.endswith(_AFTER_IT):  # "… Agency & Associates Inc.": the firm's longer name
        return 0.8 if overlap.shared >= 1 else None
    if relation.endswith(_ON_NO_OTHER_NAME) and overlap.same_seats >= 2:
        # "The Ingram Arms Hotel": the operator's one rare word, two products at its seats
        return 0.7
    if relation.endswith(_IN_ANOTHER_SCRIPT):
        # "بن حمدان …": most of what it buys, one product at its seats
        return 0.7 if overlap.same_seats >= 1 and overlap.within_smaller >= 0.75 else None
    if relation.endswith("so named"):  # "Wren Studio - McAllister": the basket says which
        return 0.7 if overlap.same_seats >= 2 and overlap.within_smaller >= 0.75 else None
    if relation.endswith(_IN_MANY):  # "Harcourt" is in many names: the basket decides
        if overlap.share == 1 and overlap.shared >= 3 and overlap.same_seats >= 2:
            return 0.7  # "Tallow Lab - Harcourt Pty Ltd": the same products, most at the same seats
        relation = ""
    if (
        relation.startswith("only")
        and overlap.same_seats >= 1
        and overlap.shared >= 3
        and overlap.within_smaller >= 0.75
    ):
        return 0.7  # "QEC LLP": the one name it can be, and all but one of its products
    if relation and overlap.same_seats >= 2 and overlap.share >= 0.5:
        return 0.85 if "initials" in relation else 0.8
    if relation and overlap.same_seats >= 1 and (overlap.share >= 0.75 or overlap.contained):
        return 0.7  # a name relation, and all the PSA names of products agree: check first
    if relation.endswith("start of the other name") and overlap.share >= 0.75:
        return 0.7  # "Brightwater" for Brightwater Property Management, the same products
    if relation.startswith("only initials") and overlap.same_seats >= 1 and overlap.share >= 0.5:
        return 0.7  # "YMA": the one company with those initials, half its products at one seat
    if (
        relation.startswith("only initials")
        and len(relation.split("'")[1]) >= 3
        and overlap.shared >= 1
        and overlap.within_smaller >= 0.5
    ):
        return 0.7  # "CPJ LLC": the one name with three initials or more, buying what it buys at
        # other seats (the leakage looked for)
    if relation.endswith(("on no other client", "beside the trading name")) and overlap.shared:
        return 0.7  # "Greyfriars Group Oy" / "Greyfriars Property Management": legal and trading
    if overlap.same_seats >= 3 and overlap.share >= 0.75:
        return 0.7
    if overlap.same_seats >= 2 and overlap.share == 1 and overlap.contained:
        return 0.7  # the very same products at the very same seats, and no other client so
    if (
        overlap.same_seats >= 2
        and overlap.shared >= 3
        and overlap.share >= 0.75
        and overlap.within_smaller == 1
    ):
        # a trading name alone ("Tinker & Bolt" for Fjellheim Enterprises AS): every product one
        # side names is one the other buys, two at the same seats, and no other client so
        return 0.7
    return None


def _relation(vendor_key: str, psa_key: str, common: frozenset[str]) -> str:
    """What ties the two names, if anything: one spells the other's initials, or they share a rare
    word (the owner's name beside a trading name)."""
    for full, short in ((vendor_key, psa_key), (psa_key, vendor_key)):
        initials = _initials(full)
        if len(initials) < 2:
            continue
        for spelled in _abbreviations(short):
            # the legal form the key drops may have given the last letter: "NCC" for Nguyen
            # Construction Company, "SCL" for Severn Consulting Limited
            if spelled == initials or (spelled[:-1] == initials and spelled[-1] in _FORM_LETTERS):
                return f"initials {spelled.upper()!r}"
    if run := _written_as_one_word(vendor_key, psa_key):
        apart = "" if run.replace(" ", "") in (vendor_key, psa_key) else ", a letter apart"
        return f"the name {run!r} written as one word{apart}"
    shared = [
        w
        for w in set(vendor_key.split()) & set(psa_key.split())
        if len(w) >= 4 and w.isalpha() and w not in common
    ]
    return f"the name {sorted(shared)[0]!r} on both" if shared else ""


def _written_as_one_word(a: str, b: str) -> str:
    """Two words or more of one name run together as the whole of the other, as a web domain
    writes a company ("skycresttax.io" for SkyCrest Tax & Advisory, "tidebay.com.au" for Tide Bay
    Vet Clinic); '' when neither is."""
    for one, other in ((a, b), (b, a)):
        if " " in one or len(one) < 6:
            continue
        words = other.split()
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                run = "".join(words[i:j])
                if run == one or (
                    len(one) >= _LONG_RUN and Levenshtein.distance(run, one, score_cutoff=1) <= 1
                ):  # a letter apart in a long run: "mathewsproperties" for Matthews Properties
                    return " ".join(words[i:j])
                if len(run) > len(one):
                    break
    return ""


#: Letters a name run together has before one letter of difference still ties it to the other.
_LONG_RUN = 12


#: First letters of the legal forms a name's key drops: company, corporation, limited, inc.
_FORM_LETTERS = frozenset("cli")


#: Words a firm's longer name adds after its short one ("Ironbridge Insurance Agency & Associates
#: Inc."): a practice's partners, never another company ("Holdings", "Group" may be one).
_FIRM_TAIL_WORDS = frozenset(["associates", "partners", "partner", "sons", "son", "company", "co"])
_AFTER_IT = "after it"
#: How a relation by a name's consonants in Arabic or Hebrew letters is told.
_IN_ANOTHER_SCRIPT = "spelled in another script"
#: How a relation by a word many clients' names have is told (it needs the whole basket).
_IN_MANY = ", as have other clients"
_ON_NO_OTHER_NAME = ", which no other client's name has"


def _shared_word(vendor_key: str, psa_key: str) -> str:
    """A word of four letters or more both names have, however many other names have it."""
    shared = [
        w for w in set(_plain(vendor_key)) & set(_plain(psa_key)) if len(w) >= 4 and w.isalpha()
    ]
    return min(shared, default="")


def _name_starts(names: set[str]) -> dict[tuple[str, ...], list[str]]:
    """The names that start with each run of first words (a name's whole words included)."""
    starts: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name in names:
        words = _plain(name)
        for size in range(1, len(words) + 1):
            starts[tuple(words[:size])].append(name)
    return starts


def _short_names(
    vendors: list[str],
    psas: list[str],
    names: set[str],
    starts: Mapping[tuple[str, ...], list[str]],
) -> dict[str, str]:
    """Leftover vendor clients whose name starts with all of a leftover PSA client's name, or the
    other way round ("Brightwater" / "Brightwater Property Management"), when no other client's
    name on either side starts that way: the MSP's short name for the company."""
    found: dict[str, str] = {}
    for shorter, longer, flip in ((psas, set(vendors), False), (vendors, set(psas), True)):
        for key in shorter:
            start = tuple(_plain(key))
            if not start or not any(len(w) >= 4 and w.isalpha() for w in start):
                continue
            extending = [n for n in starts.get(start, []) if len(_plain(n)) > len(start)]
            if len(extending) == 1 and extending[0] in longer:
                vendor_key, psa_key = (key, extending[0]) if flip else (extending[0], key)
                found.setdefault(vendor_key, psa_key)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for name in names:
        if len(initials := _initials(name)) >= 3:
            by_initials[initials].append(name)
    for shorter, longer, flip in ((psas, set(vendors), False), (vendors, set(psas), True)):
        for key in shorter:
            spelled = [n for a in _abbreviations(key) for n in by_initials.get(a, []) if n != key]
            if len(spelled) == 1 and spelled[0] in longer:
                vendor_key, psa_key = (key, spelled[0]) if flip else (spelled[0], key)
                found.setdefault(vendor_key, psa_key)
    return found


def _word_holders(names: set[str], common: frozenset[str]) -> dict[str, list[str]]:
    """The names each rare word of four letters or more is in."""
    holders: dict[str, list[str]] = defaultdict(list)
    for name in names:
        for word in set(_plain(name)):
            if len(word) >= 4 and word.isalpha() and word not in common:
                holders[word].append(name)
    return holders


def _only_two(
    vendors: list[str], psas: list[str], holders: Mapping[str, list[str]]
) -> dict[str, str]:
    """Leftover vendor clients that share a word with one leftover PSA client and no other name
    on either side has it ("Ingram Hospitality Group" / "The Ingram Arms Hotel": the operator and
    its venue), whatever the rest of the two names says."""
    leftover_psa = set(psas)
    found: dict[str, set[str]] = defaultdict(set)
    for vendor_key in vendors:
        for word in set(_plain(vendor_key)):
            pair = holders.get(word, [])
            if len(pair) == 2 and vendor_key in pair:
                other = pair[1] if pair[0] == vendor_key else pair[0]
                if other in leftover_psa:
                    found[vendor_key].add(other)
    return {key: next(iter(others)) for key, others in found.items() if len(others) == 1}


def _namesakes(only_two: Mapping[str, str]) -> dict[str, str]:
    """Of the leftover names sharing a word no other name has, those where one name is that word
    and entity words only ("Greyfriars Group Oy" is what the MSP calls "Greyfriars Property
    Management"): a company's legal name beside its trading name."""
    return {key: other for key, other in only_two.items() if _one_is_an_entity(other, key)}


def _one_is_an_entity(a: str, b: str) -> bool:
    """One of the names is a rare word and entity words only: the legal name of the other's trade."""
    return any(
        len(words := _plain(name)) >= 2 and all(w in ENTITY_WORDS for w in words[1:])
        for name in (a, b)
    )


def _owned(
    vendors: list[str],
    psas: list[str],
    starts: Mapping[tuple[str, ...], list[str]],
    owners: Mapping[str, str],
) -> dict[str, tuple[str, int]]:
    """Leftover vendor clients whose name is, or starts with, the owner a leftover PSA client's
    trading name names ("Tallow House - Côté Ltée", "Lantern Lab (Whitlam)"), when no other
    leftover client's name does: the trading name of that company."""
    if not owners:
        return {}
    leftover = set(vendors)
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for psa_key in psas:
        owner = tuple(_plain(owners.get(psa_key, "")))
        if not any(len(w) >= 4 and w.isalpha() for w in owner):
            continue
        # the leftover companies so named (another, already paired, is not the one meant); when
        # several are, what each buys decides
        named = [n for n in starts.get(owner, []) if n != psa_key and n in leftover]
        for vendor_key in named:
            found[vendor_key].append((psa_key, len(named)))
    return {vendor_key: keys[0] for vendor_key, keys in found.items() if len(keys) == 1}


@lru_cache(maxsize=262_144)
def _plain(key: str) -> tuple[str, ...]:
    """A client key's words without legal forms and glue words: once per name in a run (every
    name of both sides is read two or three ways; emptied when a pairing ends, speed)."""
    return tuple([w for w in key.split() if w not in _GLUE and not is_legal_form(w)])


def _shorter(a: str, b: str) -> str:
    return a if len(_plain(a)) < len(_plain(b)) else b


def _initials(key: str) -> str:
    return "".join(w[0] for w in _plain(key))


def _abbreviations(key: str) -> set[str]:
    """What in a name may be initials: each word, and runs of short words joined with the "&"
    dropped ("SP&H" → "sp and h" → "sph")."""
    # a legal form never begins a name: "CLG Group" is Cotswold Law Group's initials, not an Irish
    # company limited by guarantee
    words = [w for index, w in enumerate(key.split()) if index == 0 or not is_legal_form(w)]
    found = {w for w in words if w.isalpha()}
    run: list[str] = []
    for word in [*words, ""]:
        if word in _GLUE and run:
            continue
        if 0 < len(word) <= 3 and word.isalpha():
            run.append(word)
            continue
        if len(run) >= 2:
            found.add("".join(run))
        run = []
    return found


def _common_words(names: Iterable[str]) -> frozenset[str]:
    distinct = set(names)
    counts = Counter(w for name in distinct for w in set(name.split()))
    limit = max(4, _COMMON_SHARE * len(distinct))
    return frozenset(w for w, n in counts.items() if n > limit)


def _evidence(overlap: _Overlap, relation: str, products: int) -> str:
    parts = [relation] if relation else ["no name in common"]
    parts.append(f"{overlap.shared} of {products} products in common")
    parts.append(f"same seats on {overlap.same_seats}")
    return ", ".join(parts)
