"""The ``learned`` tier of :mod:`engine.match.product_context`: a spelling paired with the same vendor
product for several clients is that product for every client that uses it, and a spelling that
stands beside the same unpaired vendor product across clients, filling its unbilled seats, is
learned the same way (corroboration), unless a client buys something else it could mean.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from engine.match.description_vocabulary import BRAND
from engine.match.description_words import (
    Bill,
    Inference,
    editions_of_one_line,
    holds_another_name,
    kind_bought,
    may_mean,
    named_by_brand,
    names_another,
    none_of_its_own,
    says_service,
)
from engine.match.product_fit import explains, fit, meaningful
from engine.match.product_names import DISCRIMINATORS
from engine.match.said_markets import market_of
from engine.match.spelling_consensus import unbilled_seats
from engine.match.word_alignment import letters_in_order


def learn(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    bill: Bill,
) -> None:
    """Spellings paired with one product for two or more clients (never another), and for at least
    half the clients that have both the spelling and the product, are that product, when half the
    clients that use the spelling buy the product."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for (_, description), inference in found.items():
        votes[description][inference.product_key] += 1
    beside: dict[str, Counter[str]] = defaultdict(Counter)
    users: dict[str, list[Mapping[str, Decimal]]] = defaultdict(list)  # baskets beside a spelling
    for group, descriptions in by_group.items():
        for description, _ in descriptions:
            if description in votes and (basket := vendor_baskets.get(group)):
                beside[description].update(basket.keys())
                users[description].append(basket)
    learned = {
        description: key
        for description, counter in votes.items()
        if len(counter) == 1
        and (count := counter[key := next(iter(counter))]) >= 2
        and count * 2 >= beside[description][key]
        and _bought_by_most([key], users[description])
    }
    for description, key in learned.items():
        clients = votes[description][key]
        for group, descriptions in by_group.items():
            seats = next((s for d, s in descriptions if d == description), None)
            if seats is None:
                continue
            current = found.get((group, description))
            if current is not None and current.method in ("context", "consensus"):
                continue
            basket = vendor_baskets.get(group, {})
            if current is None and key not in basket and basket:
                continue  # this client buys other things: an in-house name may mean one of those
            if key not in basket and _edition_unsaid(description, key, bill):
                continue  # "Phishing tests & training (KnowBe4)", no vendor line to say which
            if bills_two_alike(description, key, seats, basket, bill):
                continue  # "P2" at a client that buys Exchange (Plan 2) beside Entra ID P2
            found[(group, description)] = Inference(
                key, "learned", 0.9, f"learned from {clients} clients"
            )


def corroborate(
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill: Bill,
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
    bill: Bill,
) -> dict[str, dict[str, int]]:
    """Each spelling's votes: the products it was paired with, or whose unbilled seats it fills
    exactly, client by client; kept where two or more clients and half of those with both agree,
    and half of the clients that use the spelling buy the product."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    beside: dict[str, Counter[str]] = defaultdict(Counter)  # clients with the spelling and product
    users: dict[str, list[Mapping[str, Decimal]]] = defaultdict(list)  # baskets beside a spelling
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        if not basket:
            continue
        for description in {d for d, _ in descriptions}:
            users[description].append(basket)
        open_seats = unbilled_seats(
            basket, seats_billed(group, descriptions, paired.get(group, {}), found)
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
                and not names_another(description, exact[0], basket, bill)
            ):
                votes[description][exact[0]] += 1
            elif undecided == [description] and len(open_seats) == 1:
                # the client's one unexplained line beside its one product with seats unbilled,
                # at a close count: a vote, never a decision (two clients must agree)
                key, gap = next(iter(open_seats.items()))
                if abs(gap - seats) <= max(Decimal(2), seats / 4) and not names_another(
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
            and may_mean(description, bill.names[key])
            and not holds_another_name(description, key, bill.names)
        }
        if keys and _bought_by_most(keys, users[description]):
            learned[description] = keys
    return learned


def _bought_by_most(keys: Iterable[str], baskets: list[Mapping[str, Decimal]]) -> bool:
    """Most clients that use a product's spelling buy the product, or one of the products it is
    used for ("SentinelOne" for Core, Control or Complete): a per-user service line at 17 clients
    ("Beheerde werkplek per gebruiker") fills a product's seats at two of them by chance."""
    meant = set(keys)
    return sum(1 for basket in baskets if not meant.isdisjoint(basket)) * 2 >= len(baskets)


#: Clients a learned spelling must stand for before it outweighs a word shared with another
#: product at one client.
_LEARNED_OVER_A_WORD = 3


def _says_the_other(description: str, learned: str, read: str) -> bool:
    """The description shortens a word of the learned product's name that the product it was
    read as lacks ("ws" for Workstation, beside Acronis Server): it names that edition, not
    this one. An in-house name of a kind ("DNS filtering") shortens none, and keeps its reading."""
    read_words = set(read.split())
    others = [word for word in learned.split() if word not in read_words]
    return any(
        len(short) < len(word) and short[0] == word[0] and letters_in_order(short, word)
        for short in description.split()
        if short not in read_words and short.isalpha()
        for word in others
    )


def _edition_unsaid(description: str, key: str, bill: Bill) -> bool:
    """The description names the maker and what the product does ("Phishing tests & training
    (KnowBe4)") but no word that sets the learned edition apart from one of the maker's others on
    the bill (Silver beside Gold): beside one edition at two clients, it may be the other here,
    where no vendor line says which."""
    name = bill.names[key].split()
    said = meaningful(description)
    if not name or not any(_says(w, name[0]) for w in said):
        return False  # the maker unnamed: an in-house name, read as those clients show
    own = set(name) - BRAND - {name[0]}
    market = market_of(description)  # "Pupils" says the students' edition, "Educators" faculty's
    return any(
        not any(_says(w, word) for w in said for word in own - set(other.split()))
        and not (market is not None and market == market_of(bill.names[key]) != market_of(other))
        for k, other in bill.names.items()
        if k != key and other.split()[:1] == name[:1]
    )


def _says(word: str, name_word: str) -> bool:
    """``word`` is ``name_word``, a typo of it, it written short ("ws" for Workstation) or with
    another word glued on ("AcroPro")."""
    return (
        word == name_word
        or (len(name_word) >= 3 and word.endswith(name_word))
        or explains(word, name_word) >= 0
        or (
            len(word) < len(name_word)
            and word[0] == name_word[0]
            and letters_in_order(word, name_word)
        )
    )


def _its_edition_read_alike(
    description: str,
    key: str,
    group: int,
    descriptions: list[tuple[str, Decimal]],
    found: Mapping[tuple[int, str], Inference],
) -> bool:
    """Another line of the client says this description and an edition word more ("Endpoint Shield
    Pro" beside "Endpoint Shield") and was read as the same product: two editions of the house's
    line are never one product, so the word this one shares with it does not say which it is."""
    words = set(meaningful(description))
    for other, _ in descriptions:
        inference = found.get((group, other))
        if other == description or inference is None or inference.product_key != key:
            continue
        said = set(meaningful(other))
        if words and words < said and said - words <= DISCRIMINATORS:
            return True
    return False


def _apply_learned(
    learned: Mapping[str, dict[str, int]],
    by_group: Mapping[int, list[tuple[str, Decimal]]],
    found: dict[tuple[int, str], Inference],
    vendor_baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill: Bill,
) -> None:
    """Learned spellings (and typos of them) given to the clients still undecided — and to those
    decided only by the kind of thing a name says, when other clients show it means a product of
    theirs this client buys too ("Phishing Simulation & Awareness" is KnowBe4, not Defender)."""
    like: dict[str, dict[str, int] | None] = {}
    for group, descriptions in by_group.items():
        basket = vendor_baskets.get(group, {})
        for description, seats in descriptions:
            current = found.get((group, description))
            if current is not None and current.method not in ("meaning", "shared word"):
                continue
            if description not in like:  # once per spelling, however many clients use it
                like[description] = learned.get(description) or _learned_like(description, learned)
            meant = like[description]
            if meant is None:
                continue
            if current is not None and current.method == "shared word":
                # "Acronis WS", Acronis Workstation at twenty clients, read as the Server by the
                # word they share where the vendor bills only the Server: a look-alike; the
                # spelling is what those clients show
                others = [k for k in meant if k != current.product_key]
                key = others[0] if len(others) == 1 else ""
                if (
                    key
                    and meant[key] >= _LEARNED_OVER_A_WORD
                    and basket.get(key, 0) <= 0  # not billed, or credited to none this month
                    and (
                        (
                            len(meant) == 1
                            and _says_the_other(
                                description, bill.names[key], bill.names[current.product_key]
                            )
                        )
                        # "Endpoint Shield" beside its "Pro", both read as Defender for Endpoint
                        or _its_edition_read_alike(
                            description, current.product_key, group, descriptions, found
                        )
                    )
                ):
                    found[(group, description)] = Inference(
                        key,
                        "learned",
                        0.7,
                        f"learned from {meant[key]} clients: beside their "
                        f"{bill.names[key]!r}; the vendor does not bill it to this client",
                    )
                continue
            choices = [key for key in meant if key in basket]
            if current is not None and (  # decided by kind: learned only for a product it buys
                len(choices) != 1 or choices[0] == current.product_key
            ):
                continue
            edition = _other_edition(
                description, meant, basket, descriptions, group, paired, found, bill
            )
            if edition is not None:
                found[(group, description)] = edition
                continue
            if (
                not choices
                and len(meant) == 1
                and (
                    (
                        none_of_its_own(description, basket, bill)
                        and not kind_bought(bill.names[next(iter(meant))], basket, bill)
                    )
                    or named_by_brand(description, next(iter(meant)), basket, bill)
                )
            ):
                choices = [  # billed for it, but the vendor does not bill it to them
                    key for key in meant if not _edition_unsaid(description, key, bill)
                ]
                if len(choices) > 1:
                    open_seats = unbilled_seats(
                        basket, seats_billed(group, descriptions, paired.get(group, {}), found)
                    )
                    choices = [key for key in choices if open_seats.get(key) == seats]
                    choices = _most_said(description, choices, bill)
            if len(choices) != 1 or names_another(description, choices[0], basket, bill):
                continue
            key = choices[0]
            if bills_two_alike(description, key, seats, basket, bill):
                continue  # "P2" learned as Entra ID P2, at a client that buys Exchange (Plan 2) too
            evidence = (
                f"learned from {meant[key]} clients: beside their {bill.names[key]!r}, filling "
                "its unbilled seats"
            )
            if key not in basket:
                evidence += "; the vendor does not bill it to this client"
            confidence = 0.7 if key not in basket else 0.85 if meant[key] >= 3 else 0.75
            found[(group, description)] = Inference(key, "learned", confidence, evidence)


def bills_two_alike(
    description: str, key: str, seats: Decimal, basket: Mapping[str, Decimal], bill: Bill
) -> bool:
    """The description's lines bill this product and another the client buys that it fits as well,
    their seats together: "P2" 9 and "Plan 2" 12, one description of 21 seats, beside Entra ID P2
    (9) and Exchange Online (Plan 2) (12). What other clients meant by it cannot say which line is
    which here."""
    mine = fit(description, bill.names[key])
    if mine is None or key not in basket:
        return False
    return any(
        other != key
        and seats == basket[key] + basket[other]
        and (theirs := fit(description, bill.names[other])) is not None
        and theirs.rank <= mine.rank
        for other in basket
    )


def _other_edition(
    description: str,
    meant: Mapping[str, int],
    basket: Mapping[str, Decimal],
    descriptions: list[tuple[str, Decimal]],
    group: int,
    paired: Mapping[int, Mapping[str, Decimal]],
    found: Mapping[tuple[int, str], Inference],
    bill: Bill,
) -> Inference | None:
    """A spelling learned as one edition of a maker's product ("Fernzugriff-Software Lizenz" for
    TeamViewer Corporate at two clients), at a client that buys none of what it was learned as but
    one other edition of that product with seats left unbilled (TeamViewer Premium): that edition,
    check first. An in-house name says which product, not which edition."""
    if len(meant) != 1 or (key := next(iter(meant))) in basket or not basket:
        return None
    if not none_of_its_own(description, basket, bill):
        return None  # its words may name something the client buys: the other tiers decide
    open_seats = unbilled_seats(
        basket, seats_billed(group, descriptions, paired.get(group, {}), found)
    )
    said = set(meaningful(description))
    editions = [
        other
        for other, seats in open_seats.items()
        if seats > 0
        and editions_of_one_line(bill.names[key], bill.names[other])
        # "Microsoft Teams Phone" says Phone, which Teams Essentials is not
        and not said & (set(bill.names[key].split()) - set(bill.names[other].split()))
    ]
    if len(editions) != 1:
        return None
    return Inference(
        editions[0],
        "learned",
        0.7,
        f"learned from {meant[key]} clients as {bill.names[key]!r}; this client buys its other "
        f"edition {bill.names[editions[0]]!r}, with seats unbilled",
    )


def _most_said(description: str, keys: list[str], bill: Bill) -> list[str]:
    """Of several candidates, those whose names share the most of the description's words (any
    meaningful word, edition words included: "Essentials Business" says more of Proofpoint
    Essentials Business than of Keeper Business)."""
    if len(keys) < 2:
        return keys
    words = set(meaningful(description)) - BRAND
    said = {key: len(words & set(meaningful(bill.names[key]))) for key in keys}
    most = max(said.values())
    return [key for key in keys if said[key] == most]


def seats_billed(
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
    "Backupify"): the learned spellings that fit it word for word, both ways, when they mean the
    same — a name cut at 40 characters ("… Backup Sto") fits the one cut at 41 and the whole one."""
    alike = [
        meant
        for spelling, meant in learned.items()
        if (there := fit(description, spelling)) is not None
        and not there.left
        and (back := fit(spelling, description)) is not None
        and not back.left
    ]
    if not alike or any(meant.keys() != alike[0].keys() for meant in alike):
        return None
    return {key: max(meant[key] for meant in alike) for key in alike[0]}
