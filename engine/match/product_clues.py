"""Tiers of :mod:`engine.match.product_context` that resolve a description by a clue other than a
name it shares: the plan it names ("E3", "Plan 2"), what kind of thing it is (an in-house name such
as "AI Assistant" for the client's one product of that kind), and its seat count (the client's one
unpaired product with the same seats, or the seats a billed product's other lines leave unbilled).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from engine.match.description_vocabulary import NEVER_IMPLIED, SERVICE_NOUNS
from engine.match.description_words import (
    GENERIC_PRODUCT_WORDS,
    WORD_SPLIT,
    Bill,
    Inference,
    distinctive,
    holds_another_name,
    may_mean,
    named_words,
    own_words,
    seats_may_mean,
    service_words,
    shares_only_kind,
    shares_word,
)
from engine.match.learned_spellings import seats_billed
from engine.match.product_concepts import (
    CONCEPTS,
    MODIFIERS,
    concept_targets,
    concept_word,
    of_every_kind,
)
from engine.match.product_fit import MAKER, explains, meaningful, names_a_product_part
from engine.match.product_names import (
    DISCRIMINATORS,
    EDITIONS,
    PLAN_TOKEN,
    discriminators,
)
from engine.match.word_alignment import shortens


def _word_of_its_other(
    description: str,
    key: str,
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
    bill_words: frozenset[str] = frozenset(),
) -> bool:
    """A word of the description that names part of another product the client buys, and not
    this one ("PPE Advanced" beside Proofpoint Essentials Advanced is not the client's 1Password),
    as written or with one slip in a long word ("Huuntress MEDR" is no Dropsuite)."""
    own = set(names[key].split())
    others = {w for k in basket if k != key for w in names[k].split()} - own - MAKER
    # a word that says what kind of thing the line is ("email" of "Email filtering") names no
    # other product when this one is of that kind (Proofpoint beside Mimecast Email Security)
    of_its_kind = _of_kind_said(description, own)
    words = {
        w
        for w in meaningful(description)
        if w not in own and not (of_its_kind and concept_word(w) is not None)
    }
    return (
        any(w in others for w in words)
        or named_words({w for w in words if distinctive(w)}, others) > 0
        # a word written short ("adv"), not one a product's name holds whole ("pro")
        or any(
            w not in bill_words and _cut_from(w, others) and not _cut_from(w, own) for w in words
        )
    )


def _of_kind_said(description: str, name_words: set[str]) -> bool:
    """The description says a kind ("Email filtering") and the name is of it."""
    words = WORD_SPLIT.split(description)
    targets = concept_targets(words)
    return bool(targets) and of_every_kind(targets, name_words, words)


def _cut_from(word: str, words: Iterable[str]) -> bool:
    """``word`` is one of ``words`` written short ("adv" for Advanced, "ent" for Enterprise), by
    two letters or more ("team" is no Teams written short)."""
    return (
        len(word) >= 3
        and word.isalpha()
        and any(len(other) >= len(word) + 2 and shortens(word, other) for other in words)
    )


def by_seats(
    group: int,
    still: list[tuple[str, Decimal]],
    descriptions: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    billed: Mapping[str, Decimal],
    unpaired: list[str],
    bill: Bill,
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
            and seats_may_pair(description, key, unpaired, names)
            and not holds_another_name(description, key, names)
            and not _word_of_its_other(description, key, basket, names, bill.product_words)
        ]
        now = seats_billed(group, descriptions, billed, out)  # lines given a product close its gap
        gaps = [
            k
            for k in billed
            if k in basket
            and basket[k] - now[k] == seats
            and seats_may_pair(description, k, unpaired, names)
            and not holds_another_name(description, k, names)
            and not _word_of_its_other(description, k, basket, names, bill.product_words)
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


def seats_may_pair(
    description: str,
    key: str,
    unpaired: list[str],
    names: Mapping[str, str],
    *,
    kind: bool = True,
) -> bool:
    """Nothing the description says contradicts the product seats would give it: no word of
    it names part of a product (a brand, plan, edition, or a typo of one) that this one lacks
    ("Kiosk Mailbox (2GB)" is no Teams Essentials, "1PW-Busuness" no E3, "Flow" no Office E3);
    with ``kind``, a kind it says is the product's too."""
    return (
        (seats_may_mean if kind else may_mean)(description, names[key])
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
        if (
            editions
            and discriminators(word)
            and not discriminators(word) <= name_words
            and not _code_for_a_word(word, name_words)
        ):
            return True
        if any_product_word and names_a_product_part(word):
            return True
    return False


def _code_for_a_word(word: str, name_words: set[str]) -> bool:
    """A code that starts with its digit and shortens a word of the name, letters in order ("1PW"
    for 1Password): that word, written short — no plan, no edition."""
    return word[:1].isdigit() and any(
        len(word) < len(full) and shortens(word, full) for full in name_words
    )


def by_plan(
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
        having = [  # E5 is not E5 Security, nor E5 Security E5
            key for key in with_plan if not NEVER_IMPLIED & (set(names[key].split()) ^ words)
        ]
        if (
            service_words(description)
            or len(having) != 1
            or having[0] not in unpaired
            # E3 beside an unbilled E3 (no Teams): the plan decides nothing; beside one its own
            # lines bill, the description that does not say "no Teams" is the other
            or any(key in unpaired for key in with_plan if key != having[0])
            or _family_of_another(description, names[having[0]])
            or _shortens_another(description, having[0], basket, names)
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


#: Names of Microsoft's product lines: a description that names one names no other line's plan.
_FAMILIES = frozenset(
    [
        "defender",
        "exchange",
        "teams",
        "visio",
        "project",
        "planner",
        "power",
        "intune",
        "entra",
        "windows",
        "dynamics",
        "sharepoint",
        "onedrive",
        "copilot",
        "purview",
        "sentinel",
        "azure",
    ]
)


def _shortens_another(
    description: str, key: str, basket: Mapping[str, Decimal], names: Mapping[str, str]
) -> bool:
    """A word beside the plan shortens a word of another product the client buys and not of this
    one: "EOP1-ARCH" is Exchange Online *Archiving*, never Visio Plan 1 by its "P1"."""
    own = set(names[key].split())
    said = [  # a tier ("Premium" in "Azure AD Premium P1") is no other product's word
        w
        for w in meaningful(description)
        if len(w) >= 3 and not PLAN_TOKEN.fullmatch(w) and w not in DISCRIMINATORS
    ]
    said = [w for w in said if not any(explains(w, mine) >= 0 for mine in own)]
    return any(
        explains(word, theirs) >= 0
        for other in basket
        if other != key
        for theirs in set(names[other].split()) - own - MAKER  # "MST-NCE" is no other product's
        for word in said
    )


def _family_of_another(description: str, name: str) -> bool:
    """The description names a product line the name is not ("Defender for Office 365 P1" is
    never Project Plan 1 by its plan)."""
    return bool((set(description.split()) & _FAMILIES) - set(name.split()))


def _says_another(
    description: str, key: str, others: Iterable[str], names: Mapping[str, str]
) -> bool:
    """Seats alone never give a description to a product when it shares a word, however common,
    with another unpaired product and none with this one ("Office Apps" is not Project Plan 3
    beside an unbilled Microsoft 365 Apps). The maker's words say nothing here: "Office Apps &
    Email" shares "Office" with an unpaired Office 365 E3, and is a Business Standard's seats as
    well."""
    words = set(meaningful(description)) - MAKER
    if _says_part_of(words, names[key]):
        return False
    return any(other != key and _says_part_of(words, names[other]) for other in others)


def _says_part_of(words: set[str], name: str) -> bool:
    """A word of the name, or its shortening ("Bkp" for Backup, "Arch" for Archiving); never its
    maker's or a filler ("mots de passe" says no "Microsoft", "coffre-fort" no "for")."""
    name_words = set(meaningful(name)) - MAKER
    return bool(words & name_words) or any(
        explains(word, other) > 0 for word in words if len(word) >= 3 for other in name_words
    )


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


#: The machines a product of a kind works on, which service words count as hardware or work.
_WORKS_ON = frozenset(
    ["laptop", "laptops", "pc", "pcs", "workstation", "workstations", "desktop", "desktops",
     "computer", "computers", "notebook", "notebooks", "device", "devices", "endpoint", "endpoints"]
)  # fmt: skip


def by_concept(
    group: int,
    still: list[tuple[str, Decimal]],
    basket: Mapping[str, Decimal],
    unpaired: list[str],
    names: Mapping[str, str],
    common: frozenset[str],
    out: dict[tuple[int, str], Inference],
    filled: Mapping[str, Decimal],
    bill: Bill,
) -> list[tuple[str, Decimal]]:
    """In-house names ("AI Assistant", "Archive Mailbox") that point to exactly one of the client's
    unpaired vendor products by what kind of thing it is — unless they name another of its products
    by a distinctive word, and none when another of its products of that kind, billed in part, has
    room for the seats. When the client's one product of that kind is already billed in part on
    other lines, a name that says what kind it is by more than what it works on ("AI Assistant", not
    "Secure Email") is the rest of it if its seats fit in what is left unbilled. The rest are
    returned. The seats each name takes count against what the next may fill ("Mail archive" and
    "Hosted mailbox with archive" are never both the client's five seats of Exchange Online
    Archiving)."""
    left: list[int] = []
    filled = dict(filled)  # seats billed so far, with this pass's own as they are given
    for index, (description, seats) in enumerate(still):
        targets = concept_targets(WORD_SPLIT.split(description))
        # what a kind of product works on is no hardware sold in an in-house name ("Backup
        # laptop/PC", "PC Backup (per workstation)": the backup of them); where a product's own
        # words are named ("Acronis … Backup (per workstation)") it may tell editions apart
        its_words = set(WORD_SPLIT.split(description)) & bill.product_words
        works_on = _WORKS_ON if targets and its_words <= _WORKS_ON | set(CONCEPTS) else frozenset()
        service = service_words(description) - set(CONCEPTS) - works_on
        if not targets or not service <= SERVICE_NOUNS:
            left.append(index)
            continue
        kinds = [key for key in unpaired if _of_its_kind(description, key, names, targets)]
        if service and not (len(kinds) == 1 and basket[kinds[0]] == seats):
            # "Mailbox Archive Service": an in-house name that calls its product a service is
            # that product only where it has exactly its seats (a service line bills other work)
            left.append(index)
            continue
        named = _named_in(description, basket, names, common)
        whole = [key for key in basket if _of_its_kind(description, key, names, targets)]
        room = [  # another product of the kind, billed in part, with room for these seats
            key
            for key in whole
            if key not in kinds and basket[key] - filled.get(key, Decimal(0)) >= seats
        ]
        if kinds and bill.says_more_of_another(
            description,
            kinds[0],
            basket,
            among=_of_kind_with(description, names, targets),
        ):
            left.append(index)  # it names a product of its kind the client does not buy
            continue
        if (
            len(kinds) == 1
            and not room
            and not set(named) - set(kinds)
            and not _seats_say_another(description, seats, kinds[0], unpaired, basket, filled)
        ):
            key = kinds[0]
            out[(group, description)] = Inference(
                key,
                "meaning",
                0.7,
                f"an in-house name for the client's only unpaired product of that kind, "
                f"{names[key]!r}",
            )
            unpaired.remove(key)
            filled[key] = filled.get(key, Decimal(0)) + seats
            continue
        rest = _rest_of_its_kind(description, seats, kinds, whole, named, basket, names, filled)
        if rest is not None and not _names_another_maker(description, rest.product_key, names):
            # "Huntress MDR for Microsoft 365" is never the client's SentinelOne, its only EDR
            out[(group, description)] = rest
            filled[rest.product_key] = filled.get(rest.product_key, Decimal(0)) + seats
            continue
        left.append(index)
    return [still[index] for index in left]


def _names_another_maker(description: str, key: str, names: Mapping[str, str]) -> bool:
    """The description names the maker of another product on the bill by the first word of its
    name, and not ``key``'s ("Huntress MDR for Microsoft 365" beside the client's SentinelOne)."""
    own = names[key].split()[:1]
    makers = {
        name.split()[0]
        for other, name in names.items()
        if other != key and other.startswith("name:") and name
    }
    return any(
        word in makers and word not in own and distinctive(word) and word not in CONCEPTS
        for word in description.split()
    )


def _seats_say_another(
    description: str,
    seats: Decimal,
    key: str,
    unpaired: list[str],
    basket: Mapping[str, Decimal],
    filled: Mapping[str, Decimal],
) -> bool:
    """A kind said only by what it works on ("email", "mailbox"), a line with more seats than the
    product of that kind has left, and another unpaired product of the client with exactly that
    many ("Office Apps & Email", 12 seats: the mailbox kind is Business Basic at 6, Business
    Standard has 12): the seats decide, in their own tier. A kind said outright ("Two-factor
    login") stands."""
    if any(w in CONCEPTS and w not in MODIFIERS for w in WORD_SPLIT.split(description)):
        return False
    left = basket[key] - filled.get(key, Decimal(0))
    return seats > left and any(
        basket[other] - filled.get(other, Decimal(0)) == seats for other in unpaired if other != key
    )


def _named_in(
    description: str,
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
    common: frozenset[str],
) -> list[str]:
    """The client's products the description names by more than their kind."""
    own = own_words(description)
    return [  # "Phishing Simulation & Awareness" names the client's KnowBe4 Security Awareness
        key
        for key in basket
        if (
            shares_word(description, names[key], common)
            and not shares_only_kind(description, names[key], common)
        )
        or named_words(own, set(meaningful(names[key])))
    ]


def _rest_of_its_kind(
    description: str,
    seats: Decimal,
    kinds: list[str],
    whole: list[str],
    named: list[str],
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
    filled: Mapping[str, Decimal],
) -> Inference | None:
    """A name that says its kind strongly, beside the client's one product of that kind billed in
    part on other lines: the rest of it, when its seats fit in what is left unbilled."""
    strong = any(w in CONCEPTS and w not in MODIFIERS for w in WORD_SPLIT.split(description))
    if strong and not kinds and len(whole) == 1 and not set(named) - set(whole):
        key = whole[0]
        unbilled = basket[key] - filled.get(key, Decimal(0))
        if 0 < seats <= unbilled:
            return Inference(
                key,
                "meaning",
                0.6,
                f"an in-house name for the client's only product of that kind, {names[key]!r}, "
                f"billed in part on other lines: its {seats.normalize():f} seats fit in the "
                f"{unbilled.normalize():f} left unbilled",
            )
    return None


def _of_its_kind(
    description: str, key: str, names: Mapping[str, str], targets: list[frozenset[str]]
) -> bool:
    """Of the kind the description names; and "Office Desktop Suite" is a Microsoft product of
    its kind, never Adobe's All Apps, while "M365 Mailbox Backup" may be a Datto, whose kind
    (backup) names its maker."""
    if not of_kind(description, names[key], targets, key):
        return False
    if not (_MICROSOFT & set(WORD_SPLIT.split(description)) and key.startswith("name:")):
        return True
    said = set().union(*targets) & set(names[key].split())
    return bool(said - GENERIC_PRODUCT_WORDS)


def _of_kind_with(
    description: str, names: Mapping[str, str], targets: list[frozenset[str]]
) -> Callable[[str], bool]:
    """Whether a product (by key) is of the kind the description names, or one whose maker it
    names ("24/7 threat watch per PC (Huntress)" names Huntress's EDR, whatever "threat" says)."""
    said = frozenset(description.split())

    def among(key: str) -> bool:
        maker = names[key].split()[:1]
        return of_kind(description, names[key], targets, key) or (
            key.startswith("name:") and bool(maker) and maker[0] in said and distinctive(maker[0])
        )

    return among


def of_kind(description: str, name: str, targets: list[frozenset[str]], key: str = "") -> bool:
    """A product of the kind the description names, and not an add-on it does not mention ("Hosted
    Email" is an Exchange mailbox, never Exchange Online *Archiving*). Add-ons are Microsoft's: in
    the name of a product outside its catalogue (``key`` "name:…") such a word is the product's
    own ("Keeper Security Business", "Bitdefender GravityZone Business Security")."""
    words = set(name.split())
    if not of_every_kind(targets, words, WORD_SPLIT.split(description)):
        return False
    said = set(meaningful(description))
    own_name = key.startswith("name:")  # outside the catalogue: its words are its own
    unsaid = set() if own_name else (words & NEVER_IMPLIED) - said - set().union(*targets)
    # and an add-on it says that the product is not ("Cloud Email Security" is no mailbox)
    extra = (said & NEVER_IMPLIED) - words - {w for w in said if concept_word(w) is not None}
    return not unsaid and not extra
