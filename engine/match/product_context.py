"""Resolve the PSA descriptions no catalogue knows, in context: what *that client* buys from the vendor.

A billing person reading "E3", "Copilot", "Backup for 365" or "Email Archiving" on a client's agreement
looks at what the client is actually billed for by the vendor, and at how the same words were used for
other clients. This module does the same, in tiers, most certain first:

1. ``context`` — the description fits exactly one of the client's vendor products word for word
   (:func:`engine.match.product_fit.fit`; look-alikes never fit each other).
2. ``shared word`` — it names one of the client's vendor products by distinctive words more than any
   other (a brand word outweighs a kind word such as "backup"), and says nothing that contradicts it
   (a plan number, or a look-alike word where a product with it is sold).
3. ``meaning`` — an in-house name ("AI Assistant") for the client's one product of that kind.
4. ``elimination`` / ``seat gap`` — the client has one unpaired vendor product with the same seat
   count as one unexplained licence-like description, or a billed product whose other lines leave
   exactly its seats unbilled.
5. ``learned`` — a spelling paired with the same vendor product for several clients (and at least
   half of those that buy it) is that product for every client that uses it; and across clients, a
   spelling that stands beside the same vendor product, filling its unbilled seats, is learned the
   same way (corroboration: "Backupify" beside Datto SaaS Protection), even for a client the vendor
   does not bill it to, unless that client buys something it could mean.

Everything found here is an inference: it carries its evidence, and tiers 2–4 and what corroboration
learns from two clients only are marked *check first* (a lower confidence).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import OSA

from engine.match.product_concepts import CONCEPTS, MODIFIERS, concept_targets, concept_word
from engine.match.product_fit import (
    BRAND,
    FILLER,
    MAKER,
    NEVER_IMPLIED,
    SERVICE_WORDS,
    Fit,
    fit,
    loose_fit,
    meaningful,
    names_a_product_part,
)
from engine.match.product_names import (
    DISCRIMINATORS,
    EDITIONS,
    PLAN_TOKEN,
    discriminators,
    product_key,
)
from engine.match.spelling_consensus import Consensus, spelling_consensus, unbilled_seats

_SPLIT = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=262144)
def service_words(text: str) -> frozenset[str]:
    """The service words a description uses ("Managed Backup per Device" → managed, backup, device;
    a charge "per server" is for looking after a server, not a per-user licence). A pure function
    of the text, asked per line and per candidate: cached (speed, issue 15)."""
    words = _SPLIT.split(text.lower())
    found = {word for word in words if word in SERVICE_WORDS}
    for a, b in pairwise(words):
        if a == "per" and b in _SERVICE_UNITS:
            found.add("server")
        elif (a, b) in _ONE_OFF:
            found.add("one-off")  # "Copilot Readiness Workshop - one-time fee" is no licence
    return frozenset(found)


#: Service words a licence's own name can hold ("Device Management Licence", "Huntress Managed
#: EDR", "Identity Threat Monitoring"); labour, hardware and one-off words it never holds.
LICENCE_CAN_SAY = frozenset(["managed", "management", "monitoring", "remote"])


def says_service(description: str, product: str = "") -> bool:
    """A service by its words: labour, hardware or one-off work, or two service words ("Managed
    Security Monitoring"). A licence's name may hold one of "managed", "management", "monitoring"
    or "remote" ("Identity Threat Monitoring" for Huntress ITDR, "Huntress Managed EDR"), never
    "hours" or "laptop"; nor are the words of the ``product`` it may be (its product key) service
    words for it ("N-sight workstation agent" beside N-able N-sight RMM Workstation)."""
    words = service_words(description)
    if product:
        words = words - set(product.split())
    return bool(words - LICENCE_CAN_SAY) or len(words) >= 2


#: A charge made once is a service, whatever it is about.
_ONE_OFF = frozenset([("one", "time"), ("one", "off"), ("once", "off")])
#: What a charge counted "per" this is for is a service: a server, a site, a location.
_SERVICE_UNITS = frozenset(
    ["server", "servers", "site", "location", "hour", "hr", "visit", "device", "devices"]
)


@dataclass(frozen=True)
class Inference:
    """A PSA description resolved in a client's context, with what supports it."""

    product_key: str
    method: str  # context, shared word, elimination, learned
    confidence: float
    evidence: str


#: One unexplained PSA description of one client: (client group, description key, seats).
Pending = tuple[int, str, Decimal]


#: Words many kinds of product use ("SaaS Protection", "Email Threat Protection", "Cloud Backup"):
#: sharing one says nothing about which product a description means.
GENERIC_PRODUCT_WORDS = frozenset(
    [
        "protection",
        "protect",
        "workplace",  # "Modern Workplace Bundle": an MSP's bundle, not Zoom Workplace
        "workspace",
        "bundle",
        "saas",
        "cloud",
        "platform",
        "suite",
        "advanced",
        "complete",
        "threat",
        "email",
        "data",
        "total",
        "edition",
        "hosted",
        "managed",
        "defense",
        "defence",
        "service",
        "services",
        "solution",
        "solutions",
        "app",
        "apps",
        "license",
    ]
)


def _distinctive(word: str) -> bool:
    """A word that can single a product out: not a billing word, the brand or an edition word."""
    return (
        word not in FILLER
        and word not in GENERIC_PRODUCT_WORDS
        and word not in BRAND
        and word not in DISCRIMINATORS
        and len(word) >= 3
        and not word.isdigit()
    )


def _shares_word(description: str, name: str, common: frozenset[str] = frozenset()) -> bool:
    """A distinctive word in common (not one that many products on the bill share, like "office"),
    and no discriminating word of the description the name lacks — unless no product anyone sells
    pairs that word with the shared one ("Proofpoint Email Security Business": there is no
    Proofpoint Security to mistake it for; "Exchange Online Archiving" is another Exchange)."""
    words = set(meaningful(description))
    name_words = set(meaningful(name))
    shared = frozenset(w for w in words - common if _distinctive(w) and w in name_words)
    if not shared:
        return False
    # every word counts here, common ones too: "P2" on half the bill still sets P2 apart from P1
    return not any(_sets_apart(w, shared, name_words) for w in words - name_words)


def _shares_only_kind(description: str, name: str, common: frozenset[str]) -> bool:
    """Every distinctive word the description shares with the name says what kind of product it is
    ("EDR", "backup"), none names it: the kind decides, among the client's products of that kind."""
    name_words = set(meaningful(name))
    shared = [
        w for w in set(meaningful(description)) - common if _distinctive(w) and w in name_words
    ]
    return bool(shared) and all(concept_word(w) is not None for w in shared)


_LETTERS_NUMBER = re.compile(r"([a-z]+)(\d+)")


def _sets_apart(word: str, shared: frozenset[str], name_words: set[str]) -> bool:
    """A word of the description, not in the name, that makes it another product: a discriminating
    word where a product with it is sold, a number, or a plan-like code ("P2") — but not a code
    no product uses, its name's letters not numbered otherwise ("S1" for SentinelOne)."""
    numbered = any(c.isdigit() for c in word)
    if word in DISCRIMINATORS:
        return numbered or _lookalike_sold(shared, word)  # P1 / P2, E3 / E5: always apart
    if not numbered:
        return False
    code = _LETTERS_NUMBER.fullmatch(word)
    if code is None:
        return True  # a bare number, a year, a size
    letters = code.group(1)
    numbered = any(_LETTERS_NUMBER.fullmatch(w) and w.startswith(letters) for w in name_words)
    return numbered or _lookalike_sold(shared, word)


@lru_cache(maxsize=65536)
def _lookalike_sold(shared: frozenset[str], discriminator: str) -> bool:
    """Some catalogue product's name has the discriminating word beside one of the shared ones."""
    return any(discriminator in words and shared & words for words in _catalogue_name_words())


@lru_cache(maxsize=1)
def _catalogue_name_words() -> tuple[frozenset[str], ...]:
    from engine.match.catalogue import load_catalogue

    return tuple(frozenset(meaningful(name)) for name in load_catalogue().names)


def _words_shared(description: str, name: str, common: frozenset[str]) -> float:
    """How many distinctive words a description and a product name have in common; a word that
    only says what kind of product it is ("backup") counts half of one that names it ("Acronis")."""
    name_words = set(meaningful(name))
    return sum(
        0.5 if w in CONCEPTS else 1.0
        for w in set(meaningful(description)) - common
        if _distinctive(w) and w in name_words
    )


def _common_words(names: Iterable[str]) -> frozenset[str]:
    """Words in three or more of the bill's product names: they tell no product apart."""
    counts = Counter(word for name in set(names) for word in set(meaningful(name)))
    return frozenset(word for word, count in counts.items() if count >= 3)


class _Bill:
    """What the whole bill says, worked out once per run rather than once per client group: its
    product names, the words they share, and whether a description is like any of them."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names
        self.common = _common_words(names.values())
        self._like: dict[str, bool] = {}
        self._said: dict[str, dict[str, float]] = {}

    def like_some_product(self, description: str) -> bool:
        """A description that shares a distinctive word with some product on the bill is that kind
        of thing, never whatever happens to be left over."""
        if description not in self._like:
            self._like[description] = any(
                _shares_word(description, name, self.common) for name in self.names.values()
            )
        return self._like[description]

    def says_more_of_another(
        self, description: str, key: str, basket: Mapping[str, Decimal]
    ) -> bool:
        """The description names a product on the bill the client does not buy by more of its own
        words (not words for a kind of product) than it names ``key`` ("Acronis Cyber Backup Cloud"
        is Acronis, billed without a vendor record, not the client's Dropsuite Backup)."""
        if description not in self._said:
            words = _own_words(description)
            said = {
                other: float(score)
                for other, name in self.names.items()
                if (score := _named_words(words, set(meaningful(name)))) > 0
            }
            self._said[description] = said
        said = self._said[description]
        own = said.get(key, 0.0)
        return any(score > own for other, score in said.items() if other not in basket)


def _own_words(description: str) -> set[str]:
    """The words of a description that could name a product: not a kind ("endpoint"), not the
    maker, not a billing or edition word."""
    return {
        w
        for w in set(meaningful(description)) - MAKER
        if _distinctive(w) and concept_word(w) is None
    }


def _named_words(words: set[str], name_words: set[str]) -> int:
    """How many of the words name a word of the product, as written or with one slip in a long
    word ("Acroniis", "Axronis" for Acronis)."""
    return sum(
        1
        for w in words
        if w in name_words
        or (
            len(w) >= 5
            and any(
                n[0] == w[0] and len(n) >= 5 and OSA.distance(w, n, score_cutoff=1) <= 1
                for n in name_words
            )
        )
    )


def infer(
    pending: Iterable[Pending],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    names: Mapping[str, str],
    bill: _Bill | None = None,
) -> dict[tuple[int, str], Inference]:
    """Resolve each (client group, description) that can be, in the tiers of the module docstring.

    ``vendor_baskets`` maps a client group to its vendor products (key → seats); ``paired`` to the
    vendor products that PSA lines already name (key → PSA seats); ``names`` maps a product key to
    its name's key.
    """
    pending = list(pending)
    by_group: dict[int, list[tuple[str, Decimal]]] = defaultdict(list)
    for group, description, seats in pending:
        by_group[group].append((description, seats))
    found: dict[tuple[int, str], Inference] = {}
    bill = bill or _Bill(names)
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        if not basket:
            continue
        billed = paired.get(group, {})
        found.update(_in_basket(group, descriptions, basket, billed, bill))
    _by_consensus(
        by_group, found, vendor_baskets, spelling_consensus(pending, vendor_baskets, paired), bill
    )
    _learn(by_group, found, vendor_baskets)
    _corroborate(by_group, found, vendor_baskets, paired, bill)
    return found


def _by_consensus(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    consensus: Mapping[str, Consensus],
    bill: _Bill,
) -> None:
    """A spelling the clients that use it show to be one product is that product wherever the client
    buys it: over what a shared word, a kind or the seats alone said, never over a name fit."""
    if not consensus:
        return
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        for description, _ in descriptions:
            meant = consensus.get(description)
            if meant is None or meant.product_key not in basket:
                continue
            current = found.get((group, description))
            if current is not None and (
                current.method == "context" or current.product_key == meant.product_key
            ):
                continue
            if not _may_mean(description, bill.names[meant.product_key]):
                continue
            confidence = 0.85 if meant.beside >= 5 else 0.75
            found[(group, description)] = Inference(
                meant.product_key,
                "consensus",
                confidence,
                f"at {meant.beside} of the {meant.clients} clients billed under this name, the "
                f"vendor's {bill.names[meant.product_key]!r} stands beside it, not billed by name",
            )


def _in_basket(
    group: int,
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    billed: Mapping[str, Decimal],
    bill: _Bill,
) -> dict[tuple[int, str], Inference]:
    """One client's unexplained descriptions against what it buys, strongest evidence first: the
    name, a shared word, the kind of product, the plan, and last the seats alone."""
    names, common = bill.names, bill.common
    taken = set(billed)
    out: dict[tuple[int, str], Inference] = {}
    left = _by_name_fit(group, descriptions, basket, names, out, taken)
    still = _by_shared_word(group, left, basket, billed, bill, out, taken)
    unpaired = [key for key in basket if key not in taken]
    filled = _billed(group, descriptions, billed, out)
    still = _by_concept(group, still, basket, unpaired, names, common, out, filled, bill)
    still = _by_plan(group, still, basket, unpaired, names, out)
    _by_seats(group, still, descriptions, basket, billed, unpaired, bill, out)
    return out


def _by_name_fit(
    group: int,
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
    out: dict[tuple[int, str], Inference],
    taken: set[str],
) -> list[tuple[str, Decimal]]:
    """Descriptions that fit one of the client's products by name (or but for one word)."""
    left: list[tuple[str, Decimal]] = []
    for description, seats in descriptions:
        key = _only_fit(description, seats, basket, names, fit)
        if key is not None:
            out[(group, description)] = Inference(
                key, "context", 0.9, f"fits the client's vendor product {names[key]!r}"
            )
            taken.add(key)
            continue
        key = _only_fit(description, seats, basket, names, loose_fit)
        if key is not None:
            out[(group, description)] = Inference(
                key,
                "context",
                0.85,
                f"fits the client's vendor product {names[key]!r} but for one word",
            )
            taken.add(key)
            continue
        left.append((description, seats))
    return left


def _by_shared_word(
    group: int,
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    billed: Mapping[str, Decimal],
    bill: _Bill,
    out: dict[tuple[int, str], Inference],
    taken: set[str],
) -> list[tuple[str, Decimal]]:
    """Descriptions that share a distinctive word with one of the client's products."""
    names, common = bill.names, bill.common
    still: list[tuple[str, Decimal]] = []
    basket_words = set(meaningful(_name_words(basket, names)))  # a service word a product has
    for description, seats in descriptions:
        service = service_words(description) - basket_words
        if service - set(CONCEPTS):
            still.append((description, seats))
            continue
        # a word such as "backup" says what kind of product it is: "Acronis Cyber Backup Cloud"
        # is the client's Acronis (a backup product), never its Datto by the kind alone
        alike = [
            key
            for key in basket
            if _shares_word(description, names[key], common)
            and all(CONCEPTS[word] & set(names[key].split()) for word in service)
        ]
        if len(alike) == 1 and _shares_only_kind(description, names[alike[0]], common):
            # "Endpoint Protection (EDR)" shares only a word for a kind with Huntress Managed EDR:
            # beside another product of that kind (Defender for Business) not billed in full it
            # names neither, unless its seats are exactly what Huntress alone leaves unbilled
            targets = concept_targets(_SPLIT.split(description))
            filled = _billed(group, descriptions, billed, out)
            gaps = {
                k: basket[k] - filled.get(k, Decimal(0))
                for k in basket
                if k == alike[0] or _of_kind(description, names[k], targets)
            }
            rivals = [k for k, gap in gaps.items() if k != alike[0] and gap > 0]
            exact = [k for k, gap in gaps.items() if gap == seats]
            if targets and rivals and exact != [alike[0]]:
                still.append((description, seats))
                continue
        if len(alike) > 1:  # the product it says most of ("Acronis Cyber Backup": Acronis)
            said = {key: _words_shared(description, names[key], common) for key in alike}
            most = max(said.values())
            alike = [key for key in alike if said[key] == most]
        shared = [key for key in alike if key not in taken] or alike  # split lines of one product
        if len(shared) > 1:  # the one whose unbilled seats it fills
            shared = [
                key for key in shared if basket[key] - billed.get(key, Decimal(0)) == seats
            ] or shared
        if (
            len(shared) == 1
            and basket[shared[0]] <= billed.get(shared[0], Decimal(0))
            and any(basket[k] > billed.get(k, Decimal(0)) for k in basket if k != shared[0])
        ):
            # its lines bill it in full already, and another product is short: a word in common
            # ("Endpoint Protection (EDR)" beside a billed Huntress EDR) decides nothing here
            still.append((description, seats))
            continue
        if len(shared) == 1 and not bill.says_more_of_another(description, shared[0], basket):
            key = shared[0]
            out[(group, description)] = Inference(
                key,
                "shared word",
                0.7,
                f"shares a word with the client's only unpaired vendor product like it, {names[key]!r}",
            )
            taken.add(key)
        else:
            still.append((description, seats))
    return still


def _word_of_its_other(
    description: str, key: str, basket: Mapping[str, Decimal], names: Mapping[str, str]
) -> bool:
    """A word of the description that names part of another product the client buys, and not
    this one ("PPE Advanced" beside Proofpoint Essentials Advanced is not the client's 1Password),
    as written or with one slip in a long word ("Huuntress MEDR" is no Dropsuite)."""
    own = set(names[key].split())
    others = {w for k in basket if k != key for w in names[k].split()} - own - MAKER
    words = set(meaningful(description)) - own
    return (
        any(w in others for w in words)
        or _named_words({w for w in words if _distinctive(w)}, others) > 0
    )


def _by_seats(
    group: int,
    still: list[tuple[str, Decimal]],
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    billed: Mapping[str, Decimal],
    unpaired: list[str],
    bill: _Bill,
    out: dict[tuple[int, str], Inference],
) -> None:
    """Seats as the only evidence: an unpaired product with the same count, or a billed product
    whose other lines leave exactly this many seats unbilled. Two such products, or two such
    lines, and nothing is decided."""
    names = bill.names
    candidates = [  # a kind word ("backup") leaves a line a candidate, for products of its kind
        (d, s)
        for d, s in still
        if not service_words(d) - set(CONCEPTS) and not bill.like_some_product(d)
    ]
    for description, seats in candidates:
        if seats < 2:
            continue  # one seat matches too much by chance to be evidence
        same = [
            key
            for key in unpaired
            if basket[key] == seats
            and _seats_may_pair(description, key, unpaired, names)
            and not _word_of_its_other(description, key, basket, names)
        ]
        now = _billed(group, descriptions, billed, out)  # lines given a product close its gap
        gaps = [
            k
            for k in billed
            if k in basket
            and basket[k] - now[k] == seats
            and _seats_may_pair(description, k, unpaired, names)
            and not _word_of_its_other(description, k, basket, names)
        ]
        rivals = [d for d, s in candidates if s == seats and d != description]
        if len(same) + len(gaps) != 1 or rivals:
            continue
        if same:
            key = same[0]
            only = (
                "only unpaired vendor product" if len(unpaired) == 1 else "unpaired vendor product"
            )
            evidence = (
                f"the client's {only} with the same {seats.normalize():f} seats, {names[key]!r}"
            )
            unpaired.remove(key)
            out[(group, description)] = Inference(key, "elimination", 0.7, evidence)
        else:
            key = gaps[0]
            evidence = (
                f"its {seats.normalize():f} seats are exactly what the client's other "
                f"{names[key]!r} lines leave unbilled"
            )
            out[(group, description)] = Inference(key, "seat gap", 0.7, evidence)


def _seats_may_pair(
    description: str, key: str, unpaired: list[str], names: Mapping[str, str]
) -> bool:
    """Nothing the description says contradicts the product seats would give it: no word of
    it names part of a product (a brand, plan, edition, or a typo of one) that this one lacks
    ("Kiosk Mailbox (2GB)" is no Teams Essentials, "1PW-Busuness" no E3, "Flow" no Office E3)."""
    return (
        _seats_may_mean(description, names[key])
        and _may_be(description, key, names)
        and not _says_another(description, key, unpaired, names)
        and not names_something_else(description, names[key], editions=False)
    )


def names_something_else(
    description: str, name: str, *, editions: bool = True, any_product_word: bool = False
) -> bool:
    """A word of the description, not the maker's, that ``name`` lacks and that sets products
    apart: an edition word ("Kiosk", "no Teams"); with ``editions`` a plan or edition word too (or
    a typo of one: "Busuness"); with ``any_product_word`` any word of some product's name as
    well (codes and sizes such as "1PW" or "50GB" say too little alone)."""
    name_words = set(name.split())
    for word in meaningful(description):
        if word in name_words or word in MAKER:
            continue
        if word in EDITIONS:
            return True
        if editions and discriminators(word) and not discriminators(word) <= name_words:
            return True
        if any_product_word and names_a_product_part(word):
            return True
    return False


def _by_plan(
    group: int,
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    unpaired: list[str],
    names: Mapping[str, str],
    out: dict[tuple[int, str], Inference],
) -> list[tuple[str, Decimal]]:
    """A description whose other words say nothing known ("Secure Productive Enterprise E3", an old
    name) but whose plan is that of exactly one product the client buys, left unpaired — never
    where a look-alike with the same plan (E3 and E3 no Teams) is left unpaired too."""
    left: list[tuple[str, Decimal]] = []
    for description, seats in descriptions:
        plans = plan_tokens(description)
        words = set(description.split())
        with_plan = [key for key in basket if plans and plans <= set(names[key].split())]
        having = [  # E5 is not E5 Security
            key for key in with_plan if not (NEVER_IMPLIED & set(names[key].split())) - words
        ]
        if (
            service_words(description)
            or len(having) != 1
            or having[0] not in unpaired
            # E3 beside an unbilled E3 (no Teams): the plan decides nothing; beside one its own
            # lines bill, the description that does not say "no Teams" is the other
            or any(key in unpaired for key in with_plan if key != having[0])
        ):
            left.append((description, seats))
            continue
        key = having[0]
        unpaired.remove(key)
        out[(group, description)] = Inference(
            key,
            "plan",
            0.7,
            f"names {' '.join(sorted(plans)).upper()}, the plan of the client's only unpaired "
            f"product with it, {names[key]!r}",
        )
    return left


def _says_another(
    description: str, key: str, others: Iterable[str], names: Mapping[str, str]
) -> bool:
    """Seats alone never give a description to a product when it shares a word, however common,
    with another unpaired product and none with this one ("Office Apps" is not Project Plan 3
    beside an unbilled Microsoft 365 Apps)."""
    words = set(meaningful(description)) - BRAND
    if words & set(names[key].split()):
        return False
    return any(other != key and words & set(names[other].split()) for other in others)


def _may_be(description: str, key: str, names: Mapping[str, str]) -> bool:
    """Seats alone may give a description to a product only when no plan or edition it names
    ("E3", "P1", "F3") is missing from the product's name: "M356 E3" is never Mimecast."""
    words = set(names[key].split())
    return all(word in words for word in plan_tokens(description))


def plan_tokens(description: str) -> set[str]:
    """The plans and editions a description names (E3, F1, P2…)."""
    return {word for word in description.split() if PLAN_TOKEN.fullmatch(word)}


#: Words that say a description is a Microsoft product (catalogue keys; others are "name:…").
_MICROSOFT = (MAKER - {"online", "id"}) | {"msft"}


def _by_concept(
    group: int,
    still: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    unpaired: list[str],
    names: Mapping[str, str],
    common: frozenset[str],
    out: dict[tuple[int, str], Inference],
    filled: Mapping[str, Decimal],
    bill: _Bill,
) -> list[tuple[str, Decimal]]:
    """In-house names ("AI Assistant", "Archive Mailbox") that point to exactly one of the client's
    unpaired vendor products by what kind of thing it is — unless they name another of its products
    by a distinctive word, and none when another of its products of that kind, billed in part, has
    room for the seats. When the client's one product of that kind is already billed in part on
    other lines, a name that says what kind it is by more than what it works on ("AI Assistant", not
    "Secure Email") is the rest of it if its seats fit in what is left unbilled. The rest are
    returned."""
    left: list[tuple[str, Decimal]] = []
    for description, seats in still:
        targets = concept_targets(_SPLIT.split(description))
        if not targets or service_words(description) - set(CONCEPTS):
            left.append((description, seats))
            continue
        kinds = [key for key in unpaired if _of_its_kind(description, key, names, targets)]
        own = _own_words(description)
        named = [  # "Phishing Simulation & Awareness" names the client's KnowBe4 Security Awareness
            key
            for key in basket
            if (
                _shares_word(description, names[key], common)
                and not _shares_only_kind(description, names[key], common)
            )
            or _named_words(own, set(meaningful(names[key])))
        ]
        whole = [key for key in basket if _of_its_kind(description, key, names, targets)]
        room = [  # another product of the kind, billed in part, with room for these seats
            key
            for key in whole
            if key not in kinds and basket[key] - filled.get(key, Decimal(0)) >= seats
        ]
        if kinds and bill.says_more_of_another(description, kinds[0], basket):
            left.append((description, seats))  # it names a product the client does not buy
            continue
        if len(kinds) == 1 and not room and not set(named) - set(kinds):
            key = kinds[0]
            out[(group, description)] = Inference(
                key,
                "meaning",
                0.7,
                f"an in-house name for the client's only unpaired product of that kind, "
                f"{names[key]!r}",
            )
            unpaired.remove(key)
            continue
        strong = any(w in CONCEPTS and w not in MODIFIERS for w in _SPLIT.split(description))
        if strong and not kinds and len(whole) == 1 and not set(named) - set(whole):
            key = whole[0]
            unbilled = basket[key] - filled.get(key, Decimal(0))
            if 0 < seats <= unbilled:
                out[(group, description)] = Inference(
                    key,
                    "meaning",
                    0.6,
                    f"an in-house name for the client's only product of that kind, {names[key]!r}, "
                    f"billed in part on other lines: its {seats.normalize():f} seats fit in the "
                    f"{unbilled.normalize():f} left unbilled",
                )
                continue
        left.append((description, seats))
    return left


def _of_its_kind(
    description: str, key: str, names: Mapping[str, str], targets: list[frozenset[str]]
) -> bool:
    """Of the kind the description names; and "Office Desktop Suite" is a Microsoft product of
    its kind, never Adobe's All Apps, while "M365 Mailbox Backup" may be a Datto, whose kind
    (backup) names its maker."""
    if not _of_kind(description, names[key], targets):
        return False
    if not (_MICROSOFT & set(_SPLIT.split(description)) and key.startswith("name:")):
        return True
    said = set().union(*targets) & set(names[key].split())
    return bool(said - GENERIC_PRODUCT_WORDS)


def _of_kind(description: str, name: str, targets: list[frozenset[str]]) -> bool:
    """A product of the kind the description names, and not an add-on it does not mention ("Hosted
    Email" is an Exchange mailbox, never Exchange Online *Archiving*)."""
    words = set(name.split())
    if not all(t & words for t in targets):
        return False
    said = set(meaningful(description))
    unsaid = (words & NEVER_IMPLIED) - said - set().union(*targets)
    # and an add-on it says that the product is not ("Cloud Email Security" is no mailbox)
    extra = (said & NEVER_IMPLIED) - words - {w for w in said if concept_word(w) is not None}
    return not unsaid and not extra


def _only_fit(
    description: str,
    seats: Decimal,
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
    how: Callable[[str, str], Fit | None],
) -> str | None:
    """The one basket product the description fits best, if one is strictly best. A single word
    ("Standard", "E3") that fits several products decides nothing by itself: the one with the same
    seat count, if exactly one has it, is the one meant."""
    fits = sorted(
        (f.rank, key) for key in basket if (f := how(description, names[key])) is not None
    )
    if not fits:
        return None
    if len(fits) == 1:
        return fits[0][1]
    if len(meaningful(description)) >= 2 and fits[0][0] < fits[1][0]:
        return fits[0][1]
    same = [key for _, key in fits if basket[key] == seats]
    return same[0] if len(same) == 1 else None


def _name_words(basket: Mapping[str, Decimal], names: Mapping[str, str]) -> str:
    return " ".join(names[key] for key in basket)


def _learn(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
) -> None:
    """Spellings paired with one product for two or more clients (never another), and for at least
    half the clients that have both the spelling and the product, are that product."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for (_, description), inference in found.items():
        votes[description][inference.product_key] += 1
    beside: dict[str, Counter[str]] = defaultdict(Counter)
    for group, descriptions in by_group.items():
        for description, _ in descriptions:
            if description in votes:
                beside[description].update(vendor_baskets.get(group, {}).keys())
    learned = {
        description: key
        for description, counter in votes.items()
        if len(counter) == 1
        and (count := counter[key := next(iter(counter))]) >= 2
        and count * 2 >= beside[description][key]
    }
    for description, key in learned.items():
        clients = votes[description][key]
        for group, descriptions in by_group.items():
            if not any(d == description for d, _ in descriptions):
                continue
            current = found.get((group, description))
            if current is not None and current.method in ("context", "consensus"):
                continue
            basket = vendor_baskets.get(group, {})
            if current is None and key not in basket and basket:
                continue  # this client buys other things: an in-house name may mean one of those
            found[(group, description)] = Inference(
                key, "learned", 0.9, f"learned from {clients} clients"
            )


def _corroborate(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill: _Bill,
) -> None:
    """What a spelling means, from how it stands across clients.

    A PSA spelling that, for several clients, sits beside the same vendor product whose unbilled
    seats it fills exactly (or that earlier tiers paired it with) is that product wherever the
    client buys it — when it does so for at least half the clients that have both. A spelling
    used for two kinds of product ("Endpoint Protection" for Defender at one client, SentinelOne at
    another) is learned for both; each client's own basket, and then its seats, pick one.
    """
    learned = _learned_spellings(by_group, found, vendor_baskets, paired, bill)
    _apply_learned(learned, by_group, found, vendor_baskets, paired, bill)


def _learned_spellings(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: Mapping[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill: _Bill,
) -> dict[str, dict[str, int]]:
    """Each spelling's votes: the products it was paired with, or whose unbilled seats it fills
    exactly, client by client; kept where two or more clients and half of those with both agree."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    beside: dict[str, Counter[str]] = defaultdict(Counter)  # clients with the spelling and product
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        if not basket:
            continue
        open_seats = unbilled_seats(
            basket, _billed(group, descriptions, paired.get(group, {}), found)
        )
        undecided = [d for d, _ in descriptions if (group, d) not in found and not says_service(d)]
        for description, seats in descriptions:
            beside[description].update(basket.keys())
            current = found.get((group, description))
            if current is not None:
                votes[description][current.product_key] += 1
                continue
            exact = _most_said(
                description, [key for key, gap in open_seats.items() if gap == seats], bill
            )
            if (
                len(exact) == 1
                and (seats >= 2 or len(open_seats) == 1)
                and not says_service(description)
                and not _names_another(description, exact[0], basket, bill)
            ):
                votes[description][exact[0]] += 1
            elif undecided == [description] and len(open_seats) == 1:
                # the client's one unexplained line beside its one product with seats unbilled,
                # at a close count: a vote, never a decision (two clients must agree)
                key, gap = next(iter(open_seats.items()))
                if abs(gap - seats) <= max(Decimal(2), seats / 4) and not _names_another(
                    description, key, basket, bill
                ):
                    votes[description][key] += 1
    learned: dict[str, dict[str, int]] = {}
    for description, counter in votes.items():
        keys = {
            key: count
            for key, count in counter.items()
            if count >= 2
            and count * 2 >= beside[description][key]
            and _may_mean(description, bill.names[key])
        }
        if keys:
            learned[description] = keys
    return learned


def _apply_learned(
    learned: Mapping[str, dict[str, int]],
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill: _Bill,
) -> None:
    """Learned spellings (and typos of them) given to the clients still undecided — and to those
    decided only by the kind of thing a name says, when other clients show it means a product of
    theirs this client buys too ("Phishing Simulation & Awareness" is KnowBe4, not Defender)."""
    like: dict[str, dict[str, int] | None] = {}
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        for description, seats in descriptions:
            current = found.get((group, description))
            if current is not None and current.method != "meaning":
                continue
            if description not in like:  # once per spelling, however many clients use it
                like[description] = learned.get(description) or _learned_like(description, learned)
            meant = like[description]
            if meant is None:
                continue
            choices = [key for key in meant if key in basket]
            if current is not None and (  # decided by kind: learned only for a product it buys
                len(choices) != 1 or choices[0] == current.product_key
            ):
                continue
            if (
                not choices
                and len(meant) == 1
                and (
                    (
                        _none_of_its_own(description, basket, bill)
                        and not _kind_bought(bill.names[next(iter(meant))], basket, bill)
                    )
                    or _named_by_brand(description, next(iter(meant)), basket, bill)
                )
            ):
                choices = list(meant)  # billed for it, but the vendor does not bill it to them
                if len(choices) > 1:
                    open_seats = unbilled_seats(
                        basket, _billed(group, descriptions, paired.get(group, {}), found)
                    )
                    choices = [key for key in choices if open_seats.get(key) == seats]
                    choices = _most_said(description, choices, bill)
            if len(choices) != 1 or _names_another(description, choices[0], basket, bill):
                continue
            key = choices[0]
            evidence = (
                f"learned from {meant[key]} clients: beside their {bill.names[key]!r}, filling "
                "its unbilled seats"
            )
            if key not in basket:
                evidence += "; the vendor does not bill it to this client"
            confidence = 0.7 if key not in basket else 0.85 if meant[key] >= 3 else 0.75
            found[(group, description)] = Inference(key, "learned", confidence, evidence)


def _most_said(description: str, keys: list[str], bill: _Bill) -> list[str]:
    """Of several candidates, those whose names share the most of the description's words (any
    meaningful word, edition words included: "Essentials Business" says more of Proofpoint
    Essentials Business than of Keeper Business)."""
    if len(keys) < 2:
        return keys
    words = set(meaningful(description)) - BRAND
    said = {key: len(words & set(meaningful(bill.names[key]))) for key in keys}
    most = max(said.values())
    return [key for key in keys if said[key] == most]


def _billed(
    group: int,
    descriptions: list[tuple[str, Decimal]],
    billed: Mapping[str, Decimal],
    found: Mapping[tuple[int, str], Inference],
) -> dict[str, Decimal]:
    """Seats the client is billed per vendor product: lines that name it (``billed``), and lines
    already inferred to be it."""
    total = dict(billed)
    for description, seats in descriptions:
        if (inference := found.get((group, description))) is not None:
            key = inference.product_key
            total[key] = total.get(key, Decimal(0)) + seats
    return total


def _learned_like(description: str, learned: Mapping[str, dict[str, int]]) -> dict[str, int] | None:
    """What a learned spelling means, for the same spelling with a typo ("Baclupify" for
    "Backupify"): the one learned spelling that fits it word for word, both ways."""
    alike = [
        meant
        for spelling, meant in learned.items()
        if (there := fit(description, spelling)) is not None
        and not there.left
        and (back := fit(spelling, description)) is not None
        and not back.left
    ]
    return alike[0] if len(alike) == 1 else None


def _none_of_its_own(description: str, basket: Mapping[str, Decimal], bill: _Bill) -> bool:
    """Nothing the client buys from the vendor could be what the description means: no product
    it shares a distinctive word with, and none of the kind it names."""
    targets = concept_targets(_SPLIT.split(description))
    return not any(
        _shares_word(description, bill.names[key], bill.common)
        or (targets and all(t & set(bill.names[key].split()) for t in targets))
        for key in basket
    )


def _named_by_brand(description: str, key: str, basket: Mapping[str, Decimal], bill: _Bill) -> bool:
    """The description names the product by a word that is not a kind of product ("Acronis" in
    "Acronis Cyber Backup Cloud") and none of the client's products has: it is that product even
    where the client buys another of its kind (a Dropsuite backup)."""
    name_words = set(meaningful(bill.names[key]))
    own = {
        w
        for w in set(meaningful(description)) - bill.common
        if _distinctive(w) and w not in CONCEPTS and w in name_words
    }
    return bool(own) and not any(own & set(meaningful(bill.names[k])) for k in basket)


def _kinds(name: str) -> set[frozenset[str]]:
    """The kinds of product a name is (backup, password manager…), by the concept table."""
    words = set(name.split())
    return {targets for targets in set(CONCEPTS.values()) if targets & words}


def _kind_bought(name: str, basket: Mapping[str, Decimal], bill: _Bill) -> bool:
    """The client buys another product of the same kind: a spelling learned elsewhere may mean
    that one here."""
    kinds = _kinds(name)
    return any(kinds & _kinds(bill.names[key]) for key in basket if bill.names[key] != name)


def _seats_may_mean(description: str, name: str) -> bool:
    """Seats alone may pair a description with a product it does not contradict: no service word
    the product is not, and when it says what kind of thing it is ("Hosted Email"), a product of
    that kind and not an add-on it does not mention (Exchange Online *Archiving*)."""
    if not _may_mean(description, name):
        return False
    said_words = [concept_word(word) or word for word in _SPLIT.split(description)]  # "Archivig"
    if not any(word in CONCEPTS for word in said_words):
        return True
    words = set(name.split())
    strong = [CONCEPTS[w] for w in said_words if w in CONCEPTS and w not in MODIFIERS]
    said = set(meaningful(description)) | set(said_words)
    # an add-on word the description leaves out bars it, unless what the description says it is
    # names that word: "Identity & Threat Protection" is a security product (E5 Security), "Hosted
    # Email" is no archiving one
    return all(t & words for t in strong) and not (words & NEVER_IMPLIED) - said - set().union(
        *strong
    )


def _may_mean(description: str, name: str) -> bool:
    """A spelling may stand for a product unless its words say it is a service the product is not
    (a word such as "backup" that names the product's kind is no service word for it)."""
    words = set(name.split())
    return all(
        word in words or CONCEPTS.get(word, frozenset()) & words
        for word in (service_words(description) if says_service(description) else ())
    )


def _names_another(description: str, key: str, basket: Mapping[str, Decimal], bill: _Bill) -> bool:
    """The description shares a distinctive word with another of the client's products and none
    with this one: it is about that other product."""
    names, common = bill.names, bill.common
    if _shares_word(description, names[key], common):
        return False
    return any(other != key and _shares_word(description, names[other], common) for other in basket)


def description_key(text: str) -> str:
    """The comparable form of a PSA description (the product-name normalisation)."""
    return product_key(text) or text.strip().lower()
