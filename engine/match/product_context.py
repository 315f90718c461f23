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
5. ``learned`` (:mod:`engine.match.learned_spellings`) — a spelling paired with the same vendor
   product for several clients (and at least half of those that buy it) is that product for every
   client that uses it; and across clients, a spelling that stands beside the same vendor product, filling its unbilled seats, is learned the
   same way (corroboration: "Backupify" beside Datto SaaS Protection), even for a client the vendor
   does not bill it to, unless that client buys something it could mean.

Everything found here is an inference: it carries its evidence, and tiers 2–4 and what corroboration
learns from two clients only are marked *check first* (a lower confidence).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz.distance import OSA

from engine.match.description_vocabulary import BRAND, SUPPORT_NOTE_WORDS
from engine.match.description_words import (
    LICENCE_CAN_SAY,
    WORD_SPLIT,
    Bill,
    Inference,
    Pending,
    a_look_alike_bought,
    editions_of_one_line,
    holds_another_name,
    may_mean,
    service_words,
    shares_only_kind,
    shares_word,
    shortens_another_bought,
    words_shared,
)
from engine.match.learned_spellings import bills_two_alike, corroborate, learn, seats_billed
from engine.match.maker_products import another_of_its_maker, says_one_it_lacks
from engine.match.name_inside import CONFIDENCE as NAME_INSIDE
from engine.match.name_inside import name_inside
from engine.match.product_clues import by_concept, by_plan, by_seats, of_kind
from engine.match.product_concepts import CONCEPTS, MODIFIERS, concept_targets, concept_word
from engine.match.product_fit import MAKER, Fit, fit, loose_fit, meaningful, names_a_product_part
from engine.match.product_names import DISCRIMINATORS
from engine.match.seat_guesses import GUESSES
from engine.match.spelling_consensus import Consensus, spelling_consensus
from engine.match.word_alignment import shortens, vowelless, writes_short_in


def infer(
    pending: Iterable[Pending],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    names: Mapping[str, str],
    bill: Bill | None = None,
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
    bill = bill or Bill(names)
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        if not basket:
            continue
        billed = paired.get(group, {})
        found.update(_in_basket(group, descriptions, basket, billed, bill))
    _by_consensus(
        by_group, found, vendor_baskets, spelling_consensus(pending, vendor_baskets, paired), bill
    )
    learn(by_group, found, vendor_baskets, bill)
    corroborate(by_group, found, vendor_baskets, paired, bill)
    return found


def _by_consensus(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    consensus: Mapping[str, Consensus],
    bill: Bill,
) -> None:
    """A spelling the clients that use it show to be one product is that product wherever the client
    buys it: over what a shared word, a kind or the seats alone said, never over a name fit."""
    if not consensus:
        return
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        for description, seats in descriptions:
            meant = consensus.get(description)
            if meant is None:
                continue
            if meant.product_key not in basket:
                _not_bought_here(group, description, meant, found, bill)
                continue
            if bills_two_alike(description, meant.product_key, seats, basket, bill):
                continue  # "P2" and "Plan 2" beside Entra ID P2 and Exchange (Plan 2)
            current = found.get((group, description))
            if current is not None and (
                current.method == "context" or current.product_key == meant.product_key
            ):
                continue
            if not may_mean(description, bill.names[meant.product_key]):
                continue
            confidence = 0.85 if meant.beside >= 5 else 0.75
            found[(group, description)] = Inference(
                meant.product_key,
                "consensus",
                confidence,
                f"at {meant.beside} of the {meant.clients} clients billed under this name, the "
                f"vendor's {bill.names[meant.product_key]!r} stands beside it, not billed by name",
            )


#: How many clients must show a spelling to be one product before it outweighs what the seats
#: alone say at a client the vendor does not bill that product to.
_BESIDE_OVER_SEATS = 5


def _not_bought_here(
    group: int,
    description: str,
    meant: Consensus,
    found: dict[tuple[int, str], Inference],
    bill: Bill,
) -> None:
    """A spelling many clients show to be one product ("CyberAware Elite" beside KnowBe4 Platinum
    at 8 of 10) is that product at a client the vendor does not bill it to, where nothing read it
    or only a guess from the seats did ("the client's only unpaired product with the same 6
    seats"): the client is billed for a product the vendor does not bill for it."""
    current = found.get((group, description))
    if (
        (current is not None and current.method not in GUESSES)
        or meant.beside < _BESIDE_OVER_SEATS
        or 2 * meant.beside < meant.clients
        or not may_mean(description, bill.names[meant.product_key])
    ):
        return
    found[(group, description)] = Inference(
        meant.product_key,
        "consensus",
        0.7,
        f"at {meant.beside} of the {meant.clients} clients billed under this name, the vendor's "
        f"{bill.names[meant.product_key]!r} stands beside it; the vendor does not bill it to "
        "this client",
    )


def _in_basket(
    group: int,
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    billed: Mapping[str, Decimal],
    bill: Bill,
) -> dict[tuple[int, str], Inference]:
    """One client's unexplained descriptions against what it buys, strongest evidence first: the
    name, a shared word, the kind of product, the plan, and last the seats alone."""
    names, common = bill.names, bill.common
    taken = set(billed)
    out: dict[tuple[int, str], Inference] = {}
    left = _by_name_fit(group, descriptions, basket, bill, out, taken)
    still = _by_shared_word(group, left, basket, billed, bill, out, taken)
    # "Hunteess EDR agent" beside the client's Huntress ITDR: the bill's Huntress EDR, never a
    # product of the client's by its kind, plan or seats
    still = [item for item in still if not says_one_it_lacks(item[0], basket, bill)]
    unpaired = [key for key in basket if key not in taken]
    filled = seats_billed(group, descriptions, billed, out)
    still = by_concept(group, still, basket, unpaired, names, common, out, filled, bill)
    still = by_plan(group, still, basket, unpaired, names, out)
    by_seats(group, still, descriptions, basket, billed, unpaired, bill, out)
    return out


def _by_name_fit(
    group: int,
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    bill: Bill,
    out: dict[tuple[int, str], Inference],
    taken: set[str],
) -> list[tuple[str, Decimal]]:
    """Descriptions that fit one of the client's products by name (or but for one word, or with
    a note of the MSP's support), or that hold its whole name among words that name nothing."""
    names = bill.names
    left: list[tuple[str, Decimal]] = []
    for description, seats in _fewest_fits_first(descriptions, basket, names):
        key = _only_fit(description, seats, basket, names, fit, taken)
        if key is not None and not another_of_its_maker(description, key, bill):
            out[(group, description)] = Inference(
                key, "context", 0.9, f"fits the client's vendor product {names[key]!r}"
            )
            taken.add(key)
            continue
        key = _only_fit(description, seats, basket, names, loose_fit)
        if (
            key is not None
            and not _another_edition_bought(description, key, basket, names)
            and not another_of_its_maker(description, key, bill)  # the bill's exact one
            and not _initials_of_another(description, key, basket, names)
            and not _short_for_another_on_the_bill(description, key, names)
            and not a_longer_edition(description, key, names)
            and not drops_an_edition_word(description, key, names)
        ):
            out[(group, description)] = Inference(
                key,
                "context",
                0.85,
                f"fits the client's vendor product {names[key]!r} but for one word",
            )
            taken.add(key)
            continue
        key, note = _with_support_note(description, seats, basket, names, taken)
        if key is not None:
            out[(group, description)] = Inference(
                key,
                "context",
                NAME_INSIDE,  # the same doubt: words beside the name are read past
                f"fits the client's vendor product {names[key]!r}, which no other line bills, "
                f"with a note of the MSP's own support ({note!r})",
            )
            taken.add(key)
            continue
        unbilled = [key for key in basket if key not in taken]
        key = name_inside(description, unbilled, names, bill.product_words)
        if key is not None and not _another_edition_bought(description, key, basket, names):
            out[(group, description)] = Inference(
                key,
                "context",
                NAME_INSIDE,
                f"holds the whole name of the client's vendor product {names[key]!r}, which no "
                "line billed by name, among words that name nothing else",
            )
            # not taken: an in-house name may bill the rest of its seats ("Business Mailbox")
            continue
        key = _familys_only_product(description, basket, names)
        if key is not None and key not in taken:
            out[(group, description)] = Inference(
                key,
                "context",
                FAMILY_ONLY,
                f"names only the family of the client's vendor product {names[key]!r}, the one "
                "product of that family it buys",
            )
            taken.add(key)
            continue
        left.append((description, seats))
    return left


#: How sure a line that names only a family ("Microsoft 365 licence") is of the family's one
#: product the client buys: below the check-first line.
FAMILY_ONLY = 0.7


def _familys_only_product(
    description: str, basket: Mapping[str, Decimal], names: Mapping[str, str]
) -> str | None:
    """The client's one product whose name begins with the description, when the description says
    only the maker's family ("Microsoft 365", "Office 365") beside billing words."""
    words = meaningful(description)  # "microsoft 365 prepay": its billing words left out
    if not words or not all(word in MAKER for word in words):
        return None
    family = " ".join(words) + " "
    found = [key for key in basket if names[key].startswith(family)]
    return found[0] if len(found) == 1 else None


def _whole_name(description: str, name: str) -> Fit | None:
    """A fit that names every word of the product but the maker's ("Email Security" is a kind of
    product, not Mimecast's)."""
    found = fit(description, name)
    return found if found is not None and set(found.left) <= BRAND else None


def _with_support_note(
    description: str,
    seats: Decimal,
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
    taken: set[str],
) -> tuple[str | None, str]:
    """The client's one unbilled product the description names once the MSP's note of its own
    support is set aside ("Microsoft 365 Business Premium - managed service": the seats, billed
    with the care that comes with them), and that note; (None, '') when there is none. A line
    priced as a service per user is set apart later, by its price (``SERVICE_MARKUP``)."""
    words = description.split()
    bare = [w for w in words if w not in SUPPORT_NOTE_WORDS]
    if len(bare) == len(words) or words[0] in SUPPORT_NOTE_WORDS:
        return None, ""  # "Managed Backup Service - Acronis": the service, not the licence
    note = [w for w in words if w in SUPPORT_NOTE_WORDS]
    if len(note) < 2 and set(note) <= LICENCE_CAN_SAY:
        return None, ""  # "Huntress Managed EDR": a word a licence's own name may have
    if len(meaningful(" ".join(bare))) < 2:
        return None, ""
    unbilled = {key: count for key, count in basket.items() if key not in taken}
    key = _only_fit(" ".join(bare), seats, unbilled, names, _whole_name)
    shown = [w for w in words if w in SUPPORT_NOTE_WORDS and w not in ("and", "with", "plus")]
    return key, " ".join(shown)


def _by_shared_word(
    group: int,
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    billed: Mapping[str, Decimal],
    bill: Bill,
    out: dict[tuple[int, str], Inference],
    taken: set[str],
) -> list[tuple[str, Decimal]]:
    """Descriptions that share a distinctive word with one of the client's products."""
    still: list[tuple[str, Decimal]] = []
    basket_words = set(meaningful(_name_words(basket, bill.names)))  # a service word a product has
    for description, seats in descriptions:
        # words a licence's name may hold ("Remote monitoring & patching (NinjaOne)") beside
        # kinds of product: the maker's word shared still names the product
        service = service_words(description) - basket_words - LICENCE_CAN_SAY
        if service - set(CONCEPTS):
            still.append((description, seats))
            continue
        place = _Place(group, description, seats, descriptions, basket, billed)
        key = _one_sharing_a_word(place, service, bill, out, taken)
        if (
            key is None
            or holds_another_name(description, key, bill.names)
            or another_of_its_maker(description, key, bill)
            or _initials_of_another(description, key, basket, bill.names)
            or drops_an_edition_word(description, key, bill.names)
        ):
            still.append((description, seats))
            continue
        out[(group, description)] = Inference(
            key,
            "shared word",
            0.7,
            f"shares a word with the client's only unpaired vendor product like it, "
            f"{bill.names[key]!r}",
        )
        taken.add(key)
    return still


@dataclass(frozen=True)
class _Place:
    """One description of one client group, with what the client buys and is billed for."""

    group: int
    description: str
    seats: Decimal
    descriptions: list[tuple[str, Decimal]]
    basket: Mapping[str, Decimal]
    billed: Mapping[str, Decimal]


def _one_sharing_a_word(
    place: _Place,
    service: Iterable[str],
    bill: Bill,
    out: dict[tuple[int, str], Inference],
    taken: set[str],
) -> str | None:
    """The one product of the client the description shares a word with, or None."""
    names, common = bill.names, bill.common
    description, seats, basket, billed = place.description, place.seats, place.basket, place.billed
    # a word such as "backup" says what kind of product it is: "Acronis Cyber Backup Cloud"
    # is the client's Acronis (a backup product), never its Datto by the kind alone
    alike = [
        key
        for key in basket
        if shares_word(description, names[key], common)
        and all(CONCEPTS[word] & set(names[key].split()) for word in service)
        and _kinds_agree(description, names[key])
    ]
    if (
        len(alike) == 1
        and shares_only_kind(description, names[alike[0]], common)
        and _kind_leaves_it_open(place, alike[0], bill, out)
    ):
        return None
    if len(alike) > 1:  # the product it says most of ("Acronis Cyber Backup": Acronis)
        said = {key: words_shared(description, names[key], common) for key in alike}
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
        return None
    if len(shared) == 1 and not bill.says_more_of_another(description, shared[0], basket):
        return shared[0]
    return None


def _kind_leaves_it_open(
    place: _Place, alike: str, bill: Bill, out: dict[tuple[int, str], Inference]
) -> bool:
    """A description sharing only a word for a kind with one product ("Endpoint Protection (EDR)"
    and Huntress Managed EDR): beside another product of that kind (Defender for Business) not
    billed in full it names neither, unless its seats are exactly what the one alone leaves
    unbilled."""
    description, basket = place.description, place.basket
    targets = concept_targets(WORD_SPLIT.split(description))
    filled = seats_billed(place.group, place.descriptions, place.billed, out)
    gaps = {
        k: basket[k] - filled.get(k, Decimal(0))
        for k in basket
        if k == alike or of_kind(description, bill.names[k], targets, k)
    }
    rivals = [k for k, gap in gaps.items() if k != alike and gap > 0]
    exact = [k for k, gap in gaps.items() if gap == place.seats]
    return bool(targets and rivals and exact != [alike])


def _another_edition_bought(
    description: str, key: str, basket: Mapping[str, Decimal], names: Mapping[str, str]
) -> bool:
    """The client buys another edition of the product a description fits but for one word, and
    the description says none of the words that set this edition apart: that word may be the
    other edition's, in the books' language ("Worry-Free Services Lanjutan" beside Worry-Free
    Services and its Advanced, "Business Padrão" beside Business Starter and Standard). Which one
    it is, other evidence says. ("Kredit – KnowBe4 … Diamond" beside Gold says its own edition.)"""
    name, said = names[key], set(description.split())
    for other in basket:
        if other == key:
            continue
        longer, shorter = sorted((names[other], name), key=len, reverse=True)
        if (
            editions_of_one_line(name, names[other])
            or (
                longer.startswith(shorter + " ") and len(longer.split()) - len(shorter.split()) <= 2
            )
        ) and not (set(name.split()) - set(names[other].split())) & said:
            return True
    return False


def _initials_of_another(
    description: str, key: str, basket: Mapping[str, Decimal], names: Mapping[str, str]
) -> bool:
    """A word the description has and ``key``'s name lacks is the initials of words of another of
    the client's products, in their order ("GWS Starter … language pack" is its Google Workspace
    Starter, never its 1Password Teams Starter Pack but for one word), or writes short a word only
    another of them has ("WS" is the Workstation edition, not the Server)."""
    own = names[key].split()
    for word in description.split():  # every word: the file's own fillers too ("GWS")
        if (
            not (2 <= len(word) <= 4 and word.isalpha())
            or word in own
            or _initials(word, own)
            or (vowelless(word) and writes_short_in(word, own))  # "GWS" of its own Google Workspace
        ):
            continue
        if any(_initials(word, names[other].split()) for other in basket if other != key):
            return True
    editions = [  # the client's other editions of ``key``'s product: its first word, the maker's
        other for other in basket if other != key and names[other].split()[:1] == own[:1]
    ]
    return any(
        not any(shortens(word, mine) for mine in own)
        and any(
            shortens(word, theirs)
            for other in editions
            for theirs in names[other].split()
            if theirs not in own
        )
        for word in meaningful(description)
        if 2 <= len(word) <= 4 and word.isalpha() and not names_a_product_part(word)
    )  # "Acronis WS" beside the client's Workstation and Server: the word writes Workstation short
    # (a word of its own, "pro" of a German "pro Benutzer", is no Proofpoint; "DC" of "Acrobat Std
    # DC" no DocuSign: another maker's product is no other edition)


def a_longer_edition(description: str, key: str, names: Mapping[str, str]) -> bool:
    """A word of the description that ``key``'s name does not explain, and another product on the
    bill whose name has every word of ``key``'s and a word more that is no known plan or edition:
    the stray word may say that one ("SaaS Protection unlimited" beside the bill's Datto SaaS
    Protection Infinite Retention and its (1 Year) Retention). A known word more ("E5
    Security") would have been read as itself; "IX" of "Sophos IX Adv" writes its own "Intercept
    X" short."""
    own = names[key].split()
    if not _strays(description, own):
        return False
    words = set(own)
    return any(
        other != key
        and words < (theirs := set(name.split()))
        and not (theirs - words) <= DISCRIMINATORS
        for other, name in names.items()
    )


def drops_an_edition_word(description: str, key: str, names: Mapping[str, str]) -> bool:
    """``key``'s name holds a word that tells editions apart ("Server", "Plus") that the
    description does not say, and the bill has the edition without it: "Sophos Central IX
    Advanced" at a client that holds only "… Intercept X Advanced for Server" is the bill's
    endpoint edition, never the server's for the words it leaves out."""
    own = names[key].split()
    said = set(description.split())
    dropped = {word for word in own if word in DISCRIMINATORS and word not in said}
    if not dropped:
        return False
    rest = set(own) - dropped - _LINKING
    return any(
        other != key and set(name.split()) - _LINKING == rest for other, name in names.items()
    )


#: Words that join a name's parts ("… for Server", "… with Teams"): no edition of their own.
_LINKING = frozenset(["for", "with", "and", "of", "the", "to", "in"])


def _strays(description: str, own: list[str]) -> list[str]:
    """The description's words that ``own`` (a name's words) neither has nor writes short."""
    return [
        word
        for word in meaningful(description)
        if word not in own and not writes_short_in(word, own) and not _a_slip_of(word, own)
    ]


def _a_slip_of(word: str, own: list[str]) -> bool:
    """A typo of one of ``own``'s words ("Spohos", "Acrovat"): a word of the name, mistyped."""
    return len(word) >= 4 and any(
        len(mine) >= 4 and OSA.distance(word, mine, score_cutoff=1) <= 1 for mine in own
    )


def _short_for_another_on_the_bill(description: str, key: str, names: Mapping[str, str]) -> bool:
    """The one word a loose fit leaves over, a short form without vowels, writes short the family
    of another product on the bill ("GWS Business Standard" beside the client's Microsoft 365
    Business Standard: Google Workspace's, billed to other clients), and nothing of ``key``'s own
    name."""
    own = names[key].split()
    # a short form of three letters or more, no word ("GWS"; "DC" of Acrobat could be anything)
    strays = [w for w in _strays(description, own) if vowelless(w) and len(w) >= 3]
    if not strays:
        return False
    return any(
        writes_short_in(word, [w for w in name.split() if w not in own])
        for other, name in names.items()
        if other != key
        for word in strays
    )


def _initials(short: str, words: list[str]) -> bool:
    """``short`` is the first letters of some of ``words``, in order, one letter each."""
    at = 0
    for word in words:
        if at < len(short) and word[:1] == short[at]:
            at += 1
    return at == len(short)


def _fewest_fits_first(
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
) -> list[tuple[str, Decimal]]:
    """The client's descriptions that fit one product only first: "Planner" is Planner Plan 1
    whatever else the client's lines say, and the bare "Plan 1" beside it is then read knowing
    that ("Exchange Online (Plan 1)" is the other product it fits)."""
    return sorted(descriptions, key=lambda item: len(fits_in_basket(item[0], basket, names)) > 1)


def _only_fit(
    description: str,
    seats: Decimal,
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
    how: Callable[[str, str], Fit | None],
    taken: set[str] | None = None,
) -> str | None:
    """The one basket product the description fits best, if one is strictly best. A single word
    ("Standard", "E3") that fits several products decides nothing by itself: the one no other of
    the client's lines names (``taken``), if one alone is left, is the one meant; else the one
    with the same seat count, if exactly one has it."""
    fits = fits_in_basket(description, basket, names, how)
    if not fits:
        return None
    if len(fits) == 1:
        return fits[0][1]
    if len(meaningful(description)) >= 2 and fits[0][0] < fits[1][0]:
        return fits[0][1]
    if taken:
        free = [key for _, key in fits if key not in taken]
        if len(free) == 1:
            return free[0]
    same = [key for _, key in fits if basket[key] == seats]
    return same[0] if len(same) == 1 else None


def fits_in_basket(
    description: str,
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
    how: Callable[[str, str], Fit | None] = fit,
) -> list[tuple[tuple[int, int, int], str]]:
    """(rank, key) of each basket product the description fits, best first — never a look-alike
    of another product bought, nor one of another kind or tier."""
    return sorted(
        (f.rank, key)
        for key in basket
        if (f := how(description, names[key])) is not None
        and not _tier_of_another_kind(description, names[key])
        and not a_look_alike_bought(description, key, basket, names)
        and not shortens_another_bought(description, key, basket, names)
        # "cloud backup … (dropsuite microsoft 365 archiving)" is Archiving, bought here or not
        and not holds_another_name(description, key, names)
    )


def _kinds_agree(description: str, name: str) -> bool:
    """Every kind of product the description says ("Password" in "Team Password Safe") is one the
    name is: a word in common ("Team", beside "Dropbox Standard (Team)") never pairs a password
    manager with a file store. What a product works on ("email") says no kind here, and a
    description that names the product's maker (its name's first word) may name a feature."""
    words = name.split()
    if words and words[0] in description.split():
        return True  # the maker named ("Keeper Ent w/ SSO"): a feature is no other kind
    kinds = {concept_word(word) for word in description.split()} - {None}
    return all(CONCEPTS[kind] & set(words) for kind in kinds if kind and kind not in MODIFIERS)


def _tier_of_another_kind(description: str, name: str) -> bool:
    """The description names only a tier ("Business") and a kind of product ("Mailbox") that the
    name is not: "Business Mailbox" is a mailbox, never Proofpoint Essentials *Business*. The kind
    word is a billing unit elsewhere ("- per mailbox"), so it does not count as a word of the
    name; here it is the only thing that says which product."""
    said = meaningful(description)
    if len(said) != 1 or said[0] not in DISCRIMINATORS or not said[0].isalpha():
        return False
    name_words = set(name.split())
    words = description.split()
    kinds = [
        concept_word(word)
        for index, word in enumerate(words)
        if word not in said and (index == 0 or words[index - 1] not in ("per", "each", "a"))
    ]
    return any(kind is not None and not CONCEPTS[kind] & name_words for kind in kinds)


def _name_words(basket: Mapping[str, Decimal], names: Mapping[str, str]) -> str:
    return " ".join(names[key] for key in basket)
