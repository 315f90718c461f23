"""What a PSA description's words say, alone and against the bill: a service or a licence, a brand
or only a kind, words shared with a product's name; the bill's common words, worked out once per run;
and :class:`Inference`, what every context tier returns with its evidence.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import OSA

from engine.folding import folded
from engine.match.description_vocabulary import (
    BRAND,
    FILLER,
    NEVER_IMPLIED,
    SERVICE_WORDS,
    TRAINING_WORDS,
)
from engine.match.product_concepts import (
    CONCEPTS,
    MODIFIERS,
    concept_targets,
    concept_word,
    of_every_kind,
)
from engine.match.product_fit import MAKER, fit, meaningful, negated, without_its_number
from engine.match.product_names import (
    DISCRIMINATORS,
    product_key,
)
from engine.match.word_alignment import shortens

WORD_SPLIT = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=262144)
def service_words(text: str) -> frozenset[str]:
    """The service words a description uses ("Managed Backup per Device" → managed, backup, device;
    a charge "per server" is for looking after a server, not a per-user licence). A pure function
    of the text, asked per line and per candidate: cached (speed, issue 15). Folded first: split
    at "ü", German "Nutzungsgebühr" would leave "hr" (hours)."""
    words = WORD_SPLIT.split(folded(text))
    found = {_IN_ENGLISH.get(word, word) for word in words if word in SERVICE_WORDS}
    if not text.isascii() and _CJK_WORK.search(text):
        found.add(
            "labour"
        )  # "導入作業費", "Microsoft 365 設定作業", "技术支持服务": work, no words
    if (words[0] in _A_CHANGE and (words[1:2] == ["to"] or not _PRORATA.isdisjoint(words))) or (
        "trueup" in words[:2] or ["true", "up"] in (words[:2], words[1:3])
    ):
        found.add("one-off")  # "Upgrade to MDE P1 - prorata", "Seat true-up Nov": the change
    for a, b in pairwise(words):
        if a == "per" and b in _SERVICE_UNITS:
            found.add("server")
        elif a == "per" and b in _DEVICE_UNITS and found - {"server"}:
            found.add("server")  # work beside another service word; alone, a licence's unit
        elif a == "on" and b == "site":
            found.add("onsite")  # "On-site engineer visit"
        elif (a, b) in _ONE_OFF:
            found.add("one-off")  # "Copilot Readiness Workshop - one-time fee" is no licence
    return frozenset(found)


#: A service word as a product's name says it ("Formation" is the "Training" of KnowBe4's).
_IN_ENGLISH = dict.fromkeys(TRAINING_WORDS, "training")

#: Service words a licence's own name can hold ("Device Management Licence", "Huntress Managed
#: EDR", "Identity Threat Monitoring"); labour, hardware and one-off words it never holds.
LICENCE_CAN_SAY = frozenset(
    ["managed", "management", "monitoring", "remote", "gestion", "surveillance"]
)


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


#: Work in Japanese and Chinese, which no split into Latin words sees: set-up and its work
#: (導入, 設定, 作業), upkeep and support (保守, サポート, 维护, 技术支持), a visit or a trip (訪問,
#: 出張), installation (安装), training (研修, 培训), labour (人工), a service fee (服务费).
_CJK_WORK = re.compile(
    "作業|導入|設定|保守|サポート|訪問|出張|工事|研修|技術支援|技术支持|技術支持|服务费|服務費"
    "|安装|安裝|实施|實施|维护|維護|培训|培訓|人工|上门"
)

#: A charge made once is a service, whatever it is about.
_ONE_OFF = frozenset([("one", "time"), ("one", "off"), ("once", "off")])
#: A line that begins by naming a change ("Upgrade to …", "Upgrade … - prorata") charges for the
#: change, once; after a product's name such words are a note ("… (upgraded to P2)").
_A_CHANGE = frozenset(["upgrade", "downgrade", "upgraded", "downgraded"])
#: Words of a part of a month charged for ("- prorata"): a charge for the change it follows.
_PRORATA = frozenset(["prorata", "prorated", "proration", "rata"])
#: What a charge counted "per" this is for is a service: a server, a site, a location.
_SERVICE_UNITS = frozenset(["server", "servers", "site", "location", "hour", "hr", "visit"])
#: A charge "per device" is work beside another service word ("Backup per device", "Patch
#: management per device"); alone it is how endpoint licences count ("S1 Cmpl per device").
_DEVICE_UNITS = frozenset(["device", "devices"])


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


def distinctive(word: str) -> bool:
    """A word that can single a product out: not a billing word, the brand or an edition word."""
    return (
        word not in FILLER
        and word not in GENERIC_PRODUCT_WORDS
        and word not in BRAND
        and word not in DISCRIMINATORS
        and len(word) >= 3
        and not word.isdigit()
    )


def shares_word(description: str, name: str, common: frozenset[str] = frozenset()) -> bool:
    """A distinctive word in common (not one that many products on the bill share, like "office"),
    and no discriminating word of the description the name lacks — unless no product anyone sells
    pairs that word with the shared one ("Proofpoint Email Security Business": there is no
    Proofpoint Security to mistake it for; "Exchange Online Archiving" is another Exchange)."""
    words = set(meaningful(description))
    name_words = set(meaningful(name))
    if negated(description) & name_words:
        return False  # "… no calling minutes" shares nothing with the Calling Plan
    shared = frozenset(w for w in words - common if distinctive(w) and _has(name_words, w))
    if not shared:
        return False
    # every word counts here, common ones too: "P2" on half the bill still sets P2 apart from P1
    return not any(_sets_apart(w, shared, name_words) for w in words - name_words - shared)


def shares_only_kind(description: str, name: str, common: frozenset[str]) -> bool:
    """Every distinctive word the description shares with the name says what kind of product it is
    ("EDR", "backup"), none names it: the kind decides, among the client's products of that kind."""
    name_words = set(meaningful(name))
    shared = [
        w for w in set(meaningful(description)) - common if distinctive(w) and w in name_words
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


@lru_cache(maxsize=1)
def microsoft_words() -> frozenset[str]:
    """Every distinctive word of Microsoft's product names (the catalogue's)."""
    return frozenset(w for words in _catalogue_name_words() for w in words if distinctive(w))


def words_shared(description: str, name: str, common: frozenset[str]) -> float:
    """How many distinctive words a description and a product name have in common; a word that
    only says what kind of product it is ("backup") counts half of one that names it ("Acronis")."""
    name_words = set(meaningful(name))
    return sum(
        0.5 if w in CONCEPTS else 1.0
        for w in set(meaningful(description)) - common
        if distinctive(w) and _has(name_words, w)
    )


def _has(name_words: set[str], word: str) -> bool:
    """The name has the word, or the brand it is without its spelled number ("Ninja" of
    NinjaOne)."""
    return word in name_words or (
        len(word) >= 4 and any(without_its_number(word, name_word) for name_word in name_words)
    )


def _common_words(names: Iterable[str]) -> frozenset[str]:
    """Words in three or more of the bill's product names: they tell no product apart."""
    counts = Counter(word for name in set(names) for word in set(meaningful(name)))
    return frozenset(word for word, count in counts.items() if count >= 3)


def _swapped_words(names: Iterable[str]) -> frozenset[str]:
    """Words that alone tell two of the bill's products apart after the same first word ("gold"
    and "diamond" of "KnowBe4 KMSAT Gold" and "… Diamond"): a tier of a line, which names no
    product by itself (the maker's word, as "Keeper" beside "Dropbox Business", names one)."""
    by_gap: dict[tuple[str, ...], set[str]] = {}
    for name in set(names):
        words = name.split()
        for index, word in enumerate(words[1:], start=1):
            by_gap.setdefault((*words[:index], "", *words[index + 1 :]), set()).add(word)
    return frozenset(word for words in by_gap.values() if len(words) > 1 for word in words)


class Bill:
    """What the whole bill says, worked out once per run rather than once per client group: its
    product names, the words they share, and whether a description is like any of them."""

    def __init__(
        self, names: Mapping[str, str], makers: Mapping[str, list[frozenset[str]]] | None = None
    ) -> None:
        self.names = names
        #: the makers of two products or more on the bill, with their names' words
        #: (:func:`engine.match.maker_products.makers_of`)
        self.makers = makers or {}
        #: the maker's product each description says (engine.match.maker_products), once each
        self.maker_said: dict[str, str | None] = {}
        self.common = _common_words(names.values())
        #: every word of the bill's products' names
        self.product_words = frozenset(w for name in names.values() for w in meaningful(name))
        #: words by which two of the bill's products differ and nothing else: their tiers
        self.edition_words = _swapped_words(names.values())
        self._like: dict[str, bool] = {}
        self._said: dict[str, dict[str, float]] = {}
        self._fits: dict[str, frozenset[str]] = {}

    def like_some_product(self, description: str) -> bool:
        """A description that shares a distinctive word with some product on the bill is that kind
        of thing, never whatever happens to be left over."""
        if description not in self._like:
            self._like[description] = any(
                shares_word(description, name, self.common) for name in self.names.values()
            )
        return self._like[description]

    def says_more_of_another(
        self,
        description: str,
        key: str,
        basket: Mapping[str, Decimal],
        among: Callable[[str], bool] | None = None,
    ) -> bool:
        """The description names a product on the bill the client does not buy by more of its own
        words (not words for a kind of product) than it names ``key`` ("Acronis Cyber Backup Cloud"
        is Acronis, billed without a vendor record, not the client's Dropsuite Backup). ``among``:
        only such products count (those of the kind the description says it is: "Téléphonie IP -
        poste" is a phone line, never Acronis's "Poste de travail" by the word "poste")."""
        if description not in self._said:
            words = own_words(description)
            said = {
                other: float(score)
                for other, name in self.names.items()
                if (score := named_words(words, set(meaningful(name)))) > 0
            }
            self._said[description] = said
        said = self._said[description]
        own = said.get(key, 0.0)
        if any(
            score > own
            for other, score in said.items()
            if other not in basket and (among is None or among(other))
        ):
            return True
        return self._fits_another(description, key, basket, among)

    def _fits_another(
        self,
        description: str,
        key: str,
        basket: Mapping[str, Decimal],
        among: Callable[[str], bool] | None = None,
    ) -> bool:
        """The description is, word for word, a product on the bill the client does not buy, and
        not ``key``: "Duo Advantage" is the Cisco Duo Advantage other clients buy, billed without
        a vendor record here, never this client's Duo Essentials by the word "Duo". Only a
        description with words of its own (not a kind, not the maker's) names a product so."""
        if description not in self._fits:
            self._fits[description] = frozenset(
                other for other, name in self.names.items() if fit(description, name) is not None
            )
        fits = self._fits[description]
        return (
            key not in fits
            and any(other not in basket and (among is None or among(other)) for other in fits)
            # a kind and the maker's words alone ("M365 Mailbox Backup") fit every product of
            # that kind, and name none
            and bool(own_words(description))
        )


def own_words(description: str) -> set[str]:
    """The words of a description that could name a product: not a kind ("endpoint"), not the
    maker, not a billing or edition word."""
    return {
        w
        for w in set(meaningful(description)) - MAKER
        if distinctive(w) and concept_word(w) is None
    }


def named_words(words: set[str], name_words: set[str]) -> int:
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


def none_of_its_own(description: str, basket: Mapping[str, Decimal], bill: Bill) -> bool:
    """Nothing the client buys from the vendor could be what the description means: no product
    it shares a distinctive word with, and none of the kind it names."""
    said = WORD_SPLIT.split(description)
    targets = concept_targets(said)
    return not any(
        shares_word(description, bill.names[key], bill.common)
        or (targets and of_every_kind(targets, set(bill.names[key].split()), said))
        for key in basket
    )


def named_by_brand(description: str, key: str, basket: Mapping[str, Decimal], bill: Bill) -> bool:
    """The description names the product by a word that is not a kind of product ("Acronis" in
    "Acronis Cyber Backup Cloud") and none of the client's products has: it is that product even
    where the client buys another of its kind (a Dropsuite backup)."""
    name_words = set(meaningful(bill.names[key]))
    own = {
        w
        for w in set(meaningful(description)) - bill.common
        if distinctive(w) and w not in CONCEPTS and w in name_words
    }
    return bool(own) and not any(own & set(meaningful(bill.names[k])) for k in basket)


def _kinds(name: str) -> set[frozenset[str]]:
    """The kinds of product a name is (backup, password manager…), by the concept table."""
    words = set(name.split())
    return {targets for targets in set(CONCEPTS.values()) if targets & words}


def kind_bought(name: str, basket: Mapping[str, Decimal], bill: Bill) -> bool:
    """The client buys another product of the same kind: a spelling learned elsewhere may mean
    that one here."""
    kinds = _kinds(name)
    return any(
        kinds & _kinds(bill.names[key]) or editions_of_one_line(name, bill.names[key])
        for key in basket
        if bill.names[key] != name
    )


def editions_of_one_line(name: str, other: str) -> bool:
    """Two editions of one maker's product ("teamviewer corporate", "teamviewer premium"): the
    same words up to an edition's last word or two, and those shared words name more than a brand
    or a tier. An in-house name ("Fernzugriff-Software") learned as one edition at some clients
    may mean the other where that is what the client buys."""
    words, others = name.split(), other.split()
    shared = 0
    for a, b in zip(words, others, strict=False):
        if a != b:
            break
        shared += 1
    return (
        0 < len(words) - shared <= 2
        and 0 < len(others) - shared <= 2
        and any(
            w not in BRAND and w not in DISCRIMINATORS and not w.isdigit() for w in words[:shared]
        )
    )


def seats_may_mean(description: str, name: str) -> bool:
    """Seats alone may pair a description with a product it does not contradict: no service word
    the product is not, and when it says what kind of thing it is ("Hosted Email"), a product of
    that kind and not an add-on it does not mention (Exchange Online *Archiving*)."""
    if not may_mean(description, name):
        return False
    said_words = [
        concept_word(word) or word for word in WORD_SPLIT.split(description)
    ]  # "Archivig"
    if not any(word in CONCEPTS for word in said_words):
        return True
    words = set(name.split())
    strong = [CONCEPTS[w] for w in said_words if w in CONCEPTS and w not in MODIFIERS]
    said = set(meaningful(description)) | set(said_words)
    # an add-on word the description leaves out bars it, unless what the description says it is
    # names that word: "Identity & Threat Protection" is a security product (E5 Security), "Hosted
    # Email" is no archiving one
    unsaid = (words & NEVER_IMPLIED) - said - set().union(*strong)
    # ("Datto cloud backup sotrage": a slip of a key still says it)
    return of_every_kind(strong, words, said_words) and not any(
        named_words(said, {word}) == 0 for word in unsaid
    )


def may_mean(description: str, name: str) -> bool:
    """A spelling may stand for a product unless its words say it is a service the product is not
    (a word such as "backup" that names the product's kind is no service word for it)."""
    words = set(name.split())
    return all(
        word in words or CONCEPTS.get(word, frozenset()) & words
        for word in (service_words(description) if says_service(description) else ())
    )


def holds_another_name(description: str, key: str, names: Mapping[str, str]) -> bool:
    """Whether the description holds some product's whole name of two words or more, and not
    ``key``'s ("Microsoft 365 Business Premium ライセンス" beside 1Password seats): it names that
    product, and seats alone never make it another."""
    text = f" {description} "

    def held(name: str) -> bool:
        return len(name.split()) >= 2 and f" {name} " in text

    own = set(names[key].split())
    # a name inside the key's own ("Microsoft 365 E3" in E3 (no Teams)'s) names no other
    return not held(names[key]) and any(
        held(name) and not set(name.split()) <= own for name in names.values()
    )


def names_another(description: str, key: str, basket: Mapping[str, Decimal], bill: Bill) -> bool:
    """The description holds the whole name of another product on the bill and not this one's
    ("cloud backup of mailboxes and files dropsuite microsoft 365 archiving" is never Dropsuite
    Backup, however many clients beside it buy Backup), or shares a distinctive word with another
    of the client's products and none with this one: it is about that other product."""
    names, common = bill.names, bill.common
    if holds_another_name(description, key, names):
        return True
    if shares_word(description, names[key], common):
        return False
    return any(other != key and shares_word(description, names[other], common) for other in basket)


def description_key(text: str) -> str:
    """The comparable form of a PSA description (the product-name normalisation)."""
    return product_key(text) or text.strip().lower()


#: The word a look-alike adds after a name that one word of another language may say ("E5
#: Seguridad", "Exchange Online Archivierung").
_ONE_WORD_MORE = frozenset(["security", "compliance", "archiving", "voice", "kiosk", "frontline"])


def shortens_another_bought(
    description: str, key: str, basket: Iterable[str], names: Mapping[str, str]
) -> bool:
    """A word of the description that no word of the product's name explains is a word of another
    product the client buys, or shortens one ("GZ" in "GZ BS" is GravityZone, of the client's
    Bitdefender GravityZone Business Security, never its Microsoft 365 Business Standard). Only
    the client's products: over the whole bill short words shorten too many ("One" in "Zoom One
    Pro" begins OneDrive)."""
    own = names[key].split()
    words = [
        w
        for w in meaningful(description)
        if w.isalpha() and len(w) >= 2 and not any(shortens(w, o) for o in own)
    ]
    return any(
        w == word or (shortens(w, word) and len(word) > len(w))
        for w in words
        for other in basket
        if other != key
        for word in names[other].split()
    )


def a_look_alike_bought(
    description: str, key: str, basket: Mapping[str, Decimal], names: Mapping[str, str]
) -> bool:
    """The client buys the product's look-alike with one word more ("Microsoft 365 E5 Security"
    beside "… E5"), and the description fits the product only but for a word ("E5 Seguridad"):
    that word may be the look-alike's, so the line is never given to the product, whoever buys
    it."""
    if fit(description, names[key]) is not None:
        return False
    start = names[key] + " "
    return any(
        names[other].startswith(start) and names[other][len(start) :] in _ONE_WORD_MORE
        for other in basket
    )
