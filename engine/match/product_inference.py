"""Decide the PSA lines no catalogue or vendor spelling explains, once clients are matched.

Builds what :mod:`engine.match.product_context` reasons over — each client's vendor basket, the vendor
products its PSA lines already name, each pending description's seats — and turns its inferences
into product matches for those lines. A description that fits nothing in its client's basket but
shares a distinctive word with exactly one vendor product anywhere on the bill is that product (the
client is billed for something the vendor does not bill for it: a finding to check first).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Protocol

from engine.lines import Line, monthly
from engine.lines.unit_sizes import STORAGE_GB, without_sizes
from engine.match.alike_lines import split_alike_lines, split_by_usual_price
from engine.match.catalogue import load_catalogue
from engine.match.description_vocabulary import BRAND, NEVER_IMPLIED
from engine.match.description_words import (
    LICENCE_CAN_SAY,
    Bill,
    Inference,
    Pending,
    a_look_alike_bought,
    description_key,
    distinctive,
    may_mean,
    microsoft_words,
    none_of_its_own,
    service_words,
    shares_word,
    words_shared,
)
from engine.match.maker_products import makers_of, said_of_its_maker, sets_apart_from
from engine.match.name_inside import CONFIDENCE as NAME_INSIDE
from engine.match.name_inside import name_inside, priced_as_its_named_line
from engine.match.price_elimination import by_price
from engine.match.product_clues import plan_tokens
from engine.match.product_concepts import CONCEPTS, concept_targets
from engine.match.product_context import a_longer_edition, infer
from engine.match.product_fit import explains, fit, loose_fit, meaningful, use_bill_words
from engine.match.product_names import DISCRIMINATORS, EDITIONS, discriminators, product_key
from engine.match.products import Descriptor, ProductMatch, display_name, own_key, unlabelled
from engine.match.seat_guesses import GUESSES
from engine.match.usual_prices import by_usual_price, usual_prices


class Side(Protocol):
    @property
    def lines(self) -> list[Line]: ...

    @property
    def client_keys(self) -> dict[str, str]: ...


def infer_products(
    pending: Sequence[Line],
    vendor: Side,
    psa: Side,
    vendor_group: Mapping[str, int],
    psa_group: Mapping[str, int],
    vendor_products: Mapping[Descriptor, ProductMatch],
    named: Sequence[Line] = (),
    elsewhere: set[Descriptor] | None = None,
) -> dict[tuple[str, Descriptor], ProductMatch]:
    """Product matches for pending PSA lines, by (client spelling, descriptor).

    ``named`` lines were recognised by name as a catalogue product the client does not buy from the
    vendor; when the description fits one unpaired product the client does buy ("Power BI" beside
    Power BI Pro), that is what the billing person meant, and the line is moved to it.
    """
    if not pending and not named:
        return {}
    # each client spelling's group, looked up once per side for every pass below (speed)
    vendor_group_of = _groups_by_spelling(vendor, vendor_group)
    group_of = _with_groups_of_their_own(
        _groups_by_spelling(psa, psa_group), psa, [*vendor_group.values(), *psa_group.values()]
    )
    baskets, products = _vendor_baskets(vendor, vendor_group_of, vendor_products)
    names = {key: product_key(match.product) or key for key, match in products.items()}
    use_bill_words(names.values())  # the bill's own product words are never noise
    spellings: dict[tuple[int, str], list[Line]] = defaultdict(list)
    # named lines first: "Power BI" moved to the client's Power BI Pro is no longer left over
    moved = _revisit(named, group_of, baskets, names, spellings)
    moved_to = {
        id(line): inference.product_key
        for place, inference in moved.items()
        for line in spellings[place]
    }
    paired = _paired_seats(psa, group_of, moved_to)
    seats, amounts = _pending_places(pending, group_of, spellings)
    items: list[Pending] = [(group, d, q) for (group, d), q in seats.items()]
    makers = makers_of(names)
    bill = Bill(names, makers)  # what the whole bill says, worked out once for every tier
    found = infer(items, baskets, paired, names, bill)
    # a maker's product said by a word only it has, before prices and kinds guess at the rest
    said_of_its_maker(items, found, baskets, bill)
    by_group: dict[int, list[tuple[str, Decimal]]] = defaultdict(list)
    for group, description, count in items:
        by_group[group].append((description, count))
    prices = {place: amounts[place] / Fraction(n) for place, n in seats.items() if n > 0}
    costs = _unit_costs(vendor, vendor_group_of)
    cheapest = _cheapest_costs(costs)  # each product's lowest cost on the bill, read once
    # storage the vendor counts in GB, billed by a count that states no measure: perhaps TBs
    in_storage = {line.product_key for line in vendor.lines if line.measure and line.product_key}
    uncounted = {place for place, lines in spellings.items() if not any(x.measure for x in lines)}
    # a pack the line states ("25 Pack - Intercept X Advanced" × 1 at 81.25) is not yet applied:
    # its price over the pack is the least it may be a unit's
    spread = {
        place: amounts[place] / Fraction(n)
        for place, lines in spellings.items()
        if (n := sum((x.quantity or 0) * x.pack for x in lines)) > 0
    }
    _drop_service_prices(found, prices, costs, cheapest, (in_storage, uncounted), spread)
    billed_prices = _billed_prices(psa, group_of, moved_to)
    by_price(by_group, found, baskets, paired, bill, prices, costs, billed_prices)
    by_usual_price(by_group, found, baskets, paired, bill, prices, billed_prices)
    signed = {place: amounts[place] / Fraction(n) for place, n in seats.items() if n < 0}
    priced_as_its_named_line(
        by_group, found, billed_prices, prices | signed, bill.names, bill.product_words
    )
    before = set(found)
    _anywhere(items, found, baskets, bill)
    guessed = set(found) - before
    _drop_dearer_than_a_year(guessed, found, prices, cheapest)
    # a guess from the whole bill by a word it shares, priced like work, is no licence either
    # ("Gestion de parc informatique - par poste" at 53.00 is no Acronis "Poste de travail" at
    # 4.20); one its words fit is left to the year's test (a year's price is twelve months')
    weak = {p: found[p] for p in guessed if p in found and found[p].method in _A_WORD_OR_LESS}
    kept = dict(weak)
    _drop_service_prices(kept, prices, costs, cheapest, (in_storage, uncounted), spread)
    for place in weak.keys() - kept.keys():
        del found[place]
    bill_words = {w for name in names.values() for w in meaningful(name)}
    _forget_products_of_their_own(items, found, baskets, paired, bill_words, spellings)
    found.update(moved)
    out: dict[tuple[str, Descriptor], ProductMatch] = {}
    for place, inference in found.items():
        target = products[inference.product_key]
        for line in spellings[place]:
            out[(line.client, line.descriptor)] = _match(line, target, inference)
    by_line = split_alike_lines(spellings, found, baskets, paired, names)
    usual = {k: at for k, at in usual_prices(billed_prices).items() if k in products}
    by_line |= split_by_usual_price(spellings, found, baskets, names, usual)
    for lines in spellings.values() if by_line else ():
        for line in lines:
            if (alike := by_line.get(id(line))) is not None:
                target = products[alike.product_key]
                out[(line.client, line.descriptor)] = _match(line, target, alike)
    _own_licences(spellings, found, baskets, paired, out, bill_words, elsewhere, makers)
    return out


def _paired_seats(
    psa: Side, group_of: Mapping[str, int | None], moved_to: Mapping[int, str]
) -> dict[int, dict[str, Decimal]]:
    """The seats each client group is already billed for, by the vendor product they are."""
    paired: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for line in psa.lines:
        if line.exclusion is None and line.product_key is not None:
            if (group := group_of[line.client]) is None:
                continue
            key = moved_to.get(id(line), line.product_key)
            billed = paired[group]
            billed[key] = billed.get(key, _ZERO) + (line.quantity or _ZERO)
    return paired


def _pending_places(
    pending: Sequence[Line],
    group_of: Mapping[str, int | None],
    spellings: dict[tuple[int, str], list[Line]],
) -> tuple[dict[tuple[int, str], Decimal], dict[tuple[int, str], Fraction]]:
    """Seats and monthly amounts of each (group, description) left to infer; each place's lines
    are added to ``spellings``. A category that says service is no place."""
    seats: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    amounts: dict[tuple[int, str], Fraction] = defaultdict(Fraction)
    for line in pending:
        group = group_of[line.client]
        if group is None:
            continue
        description = description_key(unlabelled(line.product))
        if _category_says_service(line.product, description):
            continue  # a category the name drops says service ("Hardware: Dell Latitude 5450")
        seats[(group, description)] += line.quantity or Decimal(0)
        amount = _line_amount(line.quantity, line.unit, line.months)
        place = (group, description)  # a place's first line is its amount as it is (speed)
        amounts[place] = amounts[place] + amount if place in amounts else amount
        spellings[(group, description)].append(line)
    return seats, amounts


#: No licence is resold at this many times its cost: a line priced so is work, whatever it says
#: (resellers' margins on licences run to tens of percent; a managed service per user is priced
#: at several times any licence beside it).
SERVICE_MARKUP = 4
#: A line priced under this fraction of a product's cost is no resale of it: a stale price after a
#: vendor rise is tens of percent below cost, not half.
BELOW_ANY_RESALE = 2
#: Guesses from the whole bill that rest on one shared word, seats or a kind.
_A_WORD_OR_LESS = frozenset(["shared word", *GUESSES])
#: Inferences that rest on seat counts or a kind of product alone, which a price can contradict.
_SEATS_OR_KIND = GUESSES


def _drop_service_prices(
    found: dict[tuple[int, str], Inference],
    prices: Mapping[tuple[int, str], Fraction],
    costs: Mapping[int, Mapping[str, Fraction]],
    typical: Mapping[str, Fraction] | None = None,
    storage: tuple[set[str], set[tuple[int, str]]] = (set(), set()),
    spread: Mapping[tuple[int, str], Fraction] | None = None,
) -> None:
    """Forget an inference whose line is priced like work, not like the product ("Email Security
    Support - per mailbox" at 1,250.00 is no DNS filter costing 3.47), or one that rests on seats
    or a kind alone whose price is far below the product's cost (``typical``: its lowest cost on
    the bill, where the client's own is not known). ``storage``: the products the vendor counts in
    a storage measure (its cost is per GB by then) and the places whose lines state none:
    "Impossible Cloud storage" × 30 at 7.50 may count blocks, TBs or GBs, so a price says nothing
    where the words name the storage, and a guess's is held against a TB's cost.
    ``spread``: a line's price over the pack it states, held against the cost as the vendor wrote
    it (the pack may be a note, or the vendor's a box: sizes are settled once matched)."""
    typical = _cheapest_costs(costs) if typical is None else typical
    in_storage, uncounted = storage
    for place in list(found):
        key = found[place].product_key
        cost = costs.get(place[0], {}).get(key) or typical.get(key, Fraction(0))
        price = prices.get(place)
        least = price if spread is None else spread.get(place, price)
        largest = cost  # the most a unit of the line may cost
        if key in in_storage and place in uncounted:
            if found[place].method not in _SEATS_OR_KIND:
                continue  # its words say the storage: a count of blocks, TBs or GBs alike
            largest = cost * STORAGE_GB["tb"]
        if cost and least is not None and least > SERVICE_MARKUP * largest:
            del found[place]
        elif (
            cost
            and price is not None
            and found[place].method in _SEATS_OR_KIND
            and price < cost / BELOW_ANY_RESALE
        ):
            # seats or a kind were all that said which product it is, and the price says it is
            # not ("GZ Bus Sec Premium" at 5.64 beside 71 seats of Business Premium at 22.00)
            del found[place]


def _cheapest_costs(costs: Mapping[int, Mapping[str, Fraction]]) -> dict[str, Fraction]:
    """Each product's lowest monthly unit cost over the bill's clients."""
    cheapest: dict[str, Fraction] = {}
    for group_costs in costs.values():
        for key, cost in group_costs.items():
            cheapest[key] = min(cost, cheapest.get(key, cost))
    return cheapest


def _drop_dearer_than_a_year(
    guessed: Iterable[tuple[int, str]],
    found: dict[tuple[int, str], Inference],
    prices: Mapping[tuple[int, str], Fraction],
    cheapest: Mapping[str, Fraction],
) -> None:
    """Forget a guess from the whole bill whose line costs more than a year of the product at a
    service's markup ("Logitech Rally Bar (Teams Rooms)" at 3,499.00 is no Teams Rooms Pro seat
    the bill charges 30.00 a month for): a device or a project that names the product it serves."""
    for place in guessed:
        lowest = cheapest.get(found[place].product_key)
        price = prices.get(place)
        if lowest and price is not None and price > 12 * SERVICE_MARKUP * lowest:
            del found[place]


#: Inferences that rest on no word in common: seats, a kind, a price, what stands beside it.
_NO_WORD_IN_COMMON = frozenset(
    ["elimination", "seat gap", "meaning", "kind and price", "same price", "learned", "consensus"]
)


def _forget_products_of_their_own(
    items: Sequence[Pending],
    found: dict[tuple[int, str], Inference],
    baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    bill_words: set[str],
    spellings: Mapping[tuple[int, str], list[Line]],
) -> None:
    """A description that shares no word with anything on the bill, and that as many clients are
    billed for while nothing the vendor bills them is left unpaired (two at least) as there are
    clients where a product was found for it ("NordPass Business", "SentinelOne Singularity Complete" on a
    Microsoft distributor's bill), is a product of its own, bought elsewhere: never another
    product by seats, kind, price or neighbours alone."""
    settled = {  # (speed: once per client, not once per line)
        group
        for group, basket in baskets.items()
        if basket and not basket.keys() - paired.get(group, {}).keys()
    }
    alone = Counter(description for group, description, _ in items if group in settled)
    inferred = Counter(description for _, description in found)
    # as many clients with nothing it could be as clients where something was found for it
    suspects = {d for d, count in alone.items() if count >= 2 and count >= inferred[d]}
    if not suspects:
        return
    typed = {d: lines[0].product for (_, d), lines in spellings.items() if d in suspects and lines}
    own = {d for d in suspects if _like_nothing_on(d, bill_words, alone[d], typed.get(d, d))}
    for place in [p for p, inference in found.items() if p[1] in own]:
        if found[place].method in _NO_WORD_IN_COMMON:
            del found[place]


def _groups_by_spelling(side: Side, groups: Mapping[str, int]) -> dict[str, int | None]:
    """Each client spelling's group (None when unmatched): looked up once per spelling, not per
    line (speed: 100k lines, three passes)."""
    return {spelling: groups.get(key) for spelling, key in side.client_keys.items()}


def _with_groups_of_their_own(
    group_of: dict[str, int | None], psa: Side, taken: Sequence[int]
) -> dict[str, int | None]:
    """Each PSA client the vendor bills nothing for in a group of its own, with nothing bought:
    a line there that names a product of the bill ("Zoom Meetings Pro" beside the bill's only Zoom
    product) is billed without a vendor record, as it would be at a client the vendor bills."""
    next_group = max(taken, default=-1) + 1
    own: dict[str, int] = {}
    for spelling, group in group_of.items():
        if group is None:
            key = psa.client_keys[spelling]
            if key not in own:
                own[key] = next_group
                next_group += 1
            group_of[spelling] = own[key]
    return group_of


@lru_cache(maxsize=65536)
def _line_amount(
    quantity: Decimal | None, unit: Decimal | Fraction | None, months: int
) -> Fraction:
    """A line's seats × monthly unit, exact (nothing when either is missing): a pure function of
    the three values, which a few hundred prices and seat counts repeat over 25k pending lines at
    100k (speed, issue 15: Fraction arithmetic per line was ~0.1 s)."""
    return Fraction(quantity or 0) * (0 if unit is None else monthly(unit, months) or 0)


@lru_cache(maxsize=65536)
def _category_says_service(product: str, description: str) -> bool:
    """A category the description key drops says service ("Hardware: Dell Latitude 5450"); a pure
    function of the two spellings, asked once per distinct product text. A size the key drops is
    no category ("SharePoint extra storage - 250 GB block": a block of storage, not of hours)."""
    return bool(service_words(without_sizes(product)) - service_words(description) - set(CONCEPTS))


def _vendor_baskets(
    vendor: Side,
    group_of: Mapping[str, int | None],
    vendor_products: Mapping[Descriptor, ProductMatch],
) -> tuple[dict[int, dict[str, Decimal]], dict[str, ProductMatch]]:
    """What each client group buys from the vendor (product key → seats), and each product."""
    baskets: dict[int, dict[str, Decimal]] = defaultdict(dict)
    products: dict[str, ProductMatch] = {}
    for line in vendor.lines:
        if line.exclusion is not None or line.product_key is None:
            continue
        if (group := group_of[line.client]) is None:
            continue
        basket = baskets[group]
        basket[line.product_key] = basket.get(line.product_key, _ZERO) + (line.quantity or _ZERO)
        products.setdefault(line.product_key, vendor_products[line.descriptor])
    return baskets, products


_ZERO = Decimal(0)  # (one, not one built per line: speed)

#: Decimal sums that never round (seat counts summed before their exact Fraction products).
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _unit_costs(vendor: Side, group_of: Mapping[str, int | None]) -> dict[int, dict[str, Fraction]]:
    """Each client group's monthly unit cost per vendor product, quantity-weighted."""
    # seats per (group, product, unit cost) first: a client's lines of a product share a few
    # prices, so the exact Fraction sums run per price, not per line (speed; the same Fractions)
    seats: dict[tuple[int, str, Decimal | Fraction, int], Decimal] = {}
    add = _EXACT.add
    for line in vendor.lines:
        group = group_of[line.client]
        if line.exclusion is not None or line.product_key is None or group is None:
            continue
        if line.unit is None or not line.quantity:
            continue
        place = (group, line.product_key, line.unit, line.months)
        seats[place] = add(seats[place], line.quantity) if place in seats else line.quantity
    prices: dict[int, dict[str, list[tuple[Decimal, Decimal | Fraction, int]]]] = defaultdict(dict)
    for (group, key, unit, months), count in seats.items():
        prices[group].setdefault(key, []).append((count, unit, months))
    return {
        group: {
            key: cost for key, bought in products.items() if (cost := _weighted(bought)) is not None
        }
        for group, products in prices.items()
    }


def _weighted(bought: list[tuple[Decimal, Decimal | Fraction, int]]) -> Fraction | None:
    """The quantity-weighted monthly unit cost of (seats, unit, months) bought; None when the seats
    add up to none. One price (most products of most clients) is that price: (n × u) ÷ n = u."""
    if len(bought) == 1:
        count, unit, months = bought[0]
        return monthly(unit, months) if count > 0 else None
    amount, seats = Fraction(0), Fraction(0)
    for count, unit, months in bought:
        amount += Fraction(count) * monthly(unit, months)
        seats += Fraction(count)
    return amount / seats if seats > 0 else None


def _billed_prices(
    psa: Side, group_of: Mapping[str, int | None], moved_to: Mapping[int, str]
) -> dict[int, dict[str, set[Fraction]]]:
    """The monthly unit prices each client group is billed for each product its PSA lines name."""
    out: dict[int, dict[str, set[Fraction]]] = defaultdict(dict)
    for line in psa.lines:
        group = group_of[line.client]
        if line.exclusion is not None or line.product_key is None or group is None:
            continue
        if (unit := line.monthly_unit) is not None:
            key = moved_to.get(id(line), line.product_key)
            prices = out[group]  # no empty set built per line to be thrown away (speed)
            if (seen := prices.get(key)) is None:
                prices[key] = {unit}
            else:
                seen.add(unit)
    return out


def _own_licences(
    spellings: Mapping[tuple[int, str], list[Line]],
    found: Mapping[tuple[int, str], Inference],
    baskets: Mapping[int, Mapping[str, Decimal]],
    paired: Mapping[int, Mapping[str, Decimal]],
    out: dict[tuple[str, Descriptor], ProductMatch],
    bill_words: set[str],
    elsewhere: set[Descriptor] | None,
    makers: Mapping[str, list[frozenset[str]]] | None = None,
) -> None:
    """Undecided descriptions that name a Microsoft licence, or that the export's own category
    calls a licence ("Cloud Licences:Per User"), or that name a maker the vendor bills and what
    its product does ("Phishing tests & training (KnowBe4)", the edition unsaid): billed without a
    vendor record — unless the licence is of another maker and nothing on the whole bill is like
    it ("Dialpad Standard" on a Microsoft distributor's bill): bought from another source, set
    aside and shown as such."""
    clients = Counter(description for _, description in spellings)
    for (group, description), lines in spellings.items():
        if (group, description) in found:
            continue
        unpaired = baskets.get(group, {}).keys() - paired.get(group, {}).keys()
        maker = _maker_named(description, makers or {})
        if unpaired and not (maker and not _of_maker(unpaired, maker)):
            continue  # (a maker none of whose products the client has unpaired: its own line)
        if names_a_licence(description):
            why = "names a Microsoft licence the vendor bills nothing like, for this client or any"
        elif maker:
            why = (
                f"names {maker!r}, a maker the vendor bills, but no product of it the vendor "
                "bills this client"
            )
        elif _filed_as_licence(description, lines):
            if _like_nothing_on(description, bill_words, clients[description], lines[0].product):
                if elsewhere is not None:
                    elsewhere.update(line.descriptor for line in lines)
                continue
            why = (
                f"filed as {lines[0].product_alt!r} in the export; the vendor bills nothing like it"
            )
        else:
            continue
        words = set(description.split())
        alike = [  # every word of a product it is billed for, and no other plan
            key
            for key in paired.get(group, {})
            if set(key.removeprefix("name:").split()) <= words
            and plan_tokens(description) <= set(key.split())
            and not sets_apart_from(description, key)
        ]
        for line in lines:
            out[(line.client, line.descriptor)] = _own_licence(line, alike, why)


def _of_maker(keys: Iterable[str], maker: str) -> bool:
    """One of the products is the maker's ("name:dropsuite …")."""
    return any(key.removeprefix("name:").startswith(maker + " ") for key in keys)


def _maker_named(description: str, makers: Mapping[str, list[frozenset[str]]]) -> str:
    """The maker a description names, where its other words say what a product does, not work
    done ("Phishing tests & training (KnowBe4)"; never "Acronis setup - 2 hours"), nor which of
    the maker's products it is ("Zoom WP Bus" says Business: the later tiers name it)."""
    words = description.split()
    named = [word for word in words if word in makers]
    if not named or service_words(description) - set(CONCEPTS) - LICENCE_CAN_SAY:
        return ""
    lines = makers[named[0]]
    apart = frozenset().union(*lines) - frozenset.intersection(*lines)
    said = meaningful(description)
    if any(word == part or explains(word, part) >= 0 for word in said for part in apart):
        return ""
    return named[0]


def _like_nothing_on(description: str, bill_words: set[str], clients: int, typed: str) -> bool:
    """A description of another maker's product, billed to ``clients`` clients, that shares no
    word with any product on the bill, typos and shortenings allowed ("KnowBe4" is the bill's
    "KB4"), names no kind of product the bill has, and nothing of Microsoft's. ``typed`` is the
    line's text as typed (the description's key has lost its codes)."""
    words = [w for w in meaningful(description) if distinctive(w)]
    if not words or _LETTERS_AND_DIGITS.search(typed) or any(w in microsoft_words() for w in words):
        return False  # a code ("PPE-BUS-1M", "[65324062BA01A12]", "1PW") or Microsoft's words
    if plan_tokens(description):
        return False  # "DfO365 P2": a plan is Microsoft's way of naming
    if any(target & bill_words for target in concept_targets(meaningful(description))):
        return False  # "Security Awareness Training" is the kind of product the bill's KMSAT is
    if clients < 3 and any(
        target & bill_words for target in CONCEPTS.values() if not target.isdisjoint(words)
    ):
        # "Avanan" is a maker of the kind the bill's Check Point Harmony is (its old name): a
        # rename, unless many clients are billed for it and the bill names it for none
        return False
    return all(explains(w, other) < 0 for w in words for other in bill_words)


#: A word of letters and digits: an item's code, or a maker's name that a code may shorten.
_LETTERS_AND_DIGITS = re.compile(r"\b(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+\b", re.IGNORECASE)


#: Words of a PSA category that file a line as a licence resold, not a service.
_LICENCE_CATEGORY = frozenset(
    ["licence", "licences", "license", "licenses", "subscription", "subscriptions", "saas"]
)


def _filed_as_licence(description: str, lines: Sequence[Line]) -> bool:
    """The export's own category for every line of this description says licence, and the
    description says no service."""
    if service_words(description):
        return False
    return all(
        _LICENCE_CATEGORY & set(re.split(r"[^a-z]+", line.product_alt.lower())) for line in lines
    )


#: Words that say a description is a Microsoft licence, whatever else it says.
_LICENCE_BRAND = frozenset(["microsoft", "365", "office"])


def names_a_licence(description: str) -> bool:
    """A description that names a Microsoft licence and no service ("Microsoft 365 Firstline F3").

    Asked only where the client has no vendor product left unpaired (which a mistyped name would
    most likely be): such a line is billed without a vendor record, never set aside as a service."""
    if service_words(description) or not _LICENCE_BRAND & set(description.split()):
        return False
    return bool(plan_tokens(description))


def _own_licence(line: Line, alike: list[str], why: str) -> ProductMatch:
    """The licence the line names: the one the client is billed for on other lines that it fits
    but for a word ("Microsoft 365 Firstline F3" beside "Microsoft 365 F3"), else its own."""
    key = alike[0] if len(alike) == 1 else own_key(line.product)
    return ProductMatch(
        "psa",
        line.product,
        key,
        display_name(line.product),
        "own name",
        0.6,
        False,
        evidence=why,
    )


def _revisit(
    named: Sequence[Line],
    group_of: Mapping[str, int | None],
    baskets: Mapping[int, Mapping[str, Decimal]],
    names: Mapping[str, str],
    spellings: dict[tuple[int, str], list[Line]],
) -> dict[tuple[int, str], Inference]:
    """Named lines whose product the client does not buy but whose words fit one it does."""
    out: dict[tuple[int, str], Inference] = {}
    on_the_bill = {key for basket in baskets.values() for key in basket}
    for line in named:
        group = group_of[line.client]
        basket = baskets.get(group, {}) if group is not None else {}
        if group is None or line.product_key in basket or not basket:
            continue
        description = description_key(line.product)
        # a licence named in full where it is billed for nothing, or the vendor bills it to
        # others, is that licence: never the client's with a plan or tier word more ("Office 365
        # A1 for faculty" at 0.00 is not its A1 Plus; a bare "Power BI" at a price may be its
        # Pro, and "Exchange Online", Plan 1 by name, its Plan 2)
        own_licence = (line.unit == 0 or line.product_key in on_the_bill) and set(
            (line.product_key or "").split()
        ) <= set(description.split())
        ranked = sorted(
            (found.rank, key)
            for key in basket
            if (found := fit(description, names[key])) is not None
            and not (own_licence and (set(found.left) & DISCRIMINATORS) - EDITIONS)
        )
        if ranked and (len(ranked) == 1 or ranked[0][0] < ranked[1][0]):
            key = ranked[0][1]
            out[(group, description)] = Inference(
                key,
                "context",
                0.85,
                f"named {line.product!r}, which the client does not buy; it fits the client's "
                f"{names[key]!r}",
            )
            spellings[(group, description)].append(line)
        elif not ranked and (less := _said_less_precisely(description, basket, names)) is not None:
            out[(group, description)] = Inference(
                less,
                "context",
                0.75,
                f"named {line.product!r}; the vendor bills the client {names[less]!r}, the same "
                "product without its standard edition named",
            )
            spellings[(group, description)].append(line)
        elif not ranked and (
            variant := _variant_named(line.product_key, basket, names, on_the_bill)
        ):
            out[(group, description)] = Inference(
                variant,
                "context",
                0.75,
                f"named {line.product!r}, a variant the vendor bills nobody; the vendor bills the "
                f"client {names[variant]!r}, the same product without the bracketed words",
            )
            spellings[(group, description)].append(line)
        elif not ranked and (market := market_edition(line.product_key, basket, names)):
            out[(group, description)] = Inference(
                market,
                "context",
                0.75,
                f"named {line.product!r}; the vendor bills the client only {names[market]!r}, the "
                "same licence sold to another market",
            )
            spellings[(group, description)].append(line)
    return out


#: Words that say which market a licence is sold to, not what it does: the EEA's "Business Premium
#: EEA (no Teams)" is the "Business Premium (no Teams)" of the rest of the world, and "Business
#: Premium (Nonprofit Staff Pricing)" (its key keeps "staff pricing") a charity's Business Premium.
MARKET_WORDS = frozenset(
    [
        "eea", "faculty", "student", "students", "education", "nonprofit", "gcc", "government",
        "staff", "pricing",
    ]
)  # fmt: skip


def market_edition(
    named_key: str | None, basket: Iterable[str], names: Mapping[str, str]
) -> str | None:
    """The one product of the client's that is the named licence sold to another market ("M365 BP
    (no Teams)" typed for the EEA edition the vendor bills): a billing person does not tell the
    client's one licence apart by the market it is sold in. Another plan or add-on word never
    passes ("Business Premium" is not "Business Premium EEA (no Teams)")."""
    if named_key is None:
        return None
    said = set(named_key.split())  # a catalogue product's key: its name's words
    found = [
        key
        for key in basket
        if said < (words := set(names[key].split())) and words - said <= MARKET_WORDS
    ]
    return found[0] if len(found) == 1 else None


def _variant_named(
    named_key: str | None,
    basket: Mapping[str, Decimal],
    names: Mapping[str, str],
    on_the_bill: set[str],
) -> str | None:
    """The one product of the client's that the named catalogue product is, but for the words in
    its name's brackets ("Microsoft Teams Essentials (AAD Identity)" for the Teams Essentials the
    vendor bills), when the vendor bills that variant to no client at all. Bracketed words that
    make another product never pass: a plan, an edition, an add-on or a number ("(Plan 2)", "(no
    Teams)", "(500 seats min)")."""
    if named_key is None or named_key in on_the_bill:
        return None
    product = load_catalogue().products.get(named_key)
    if product is None:
        return None
    bracketed = {w for part in _BRACKETED.findall(product.name) for w in product_key(part).split()}
    said = set(named_key.split())
    found = [
        key
        for key in basket
        if (words := set(names[key].split())) < said
        and (said - words) <= bracketed
        and not any(
            discriminators(word) or word in NEVER_IMPLIED or word in _ADD_ON
            for word in said - words
        )
    ]
    return found[0] if len(found) == 1 else None


_BRACKETED = re.compile(r"\(([^()]*)\)")
_ADD_ON = frozenset(["add", "on", "addon"])


def _said_less_precisely(
    description: str, basket: Mapping[str, Decimal], names: Mapping[str, str]
) -> str | None:
    """The one product of the client's whose vendor name is the description without "Standard"
    (a distributor's "MS NCE TEAMS PHONE" for Microsoft Teams Phone Standard)."""
    words = description.split()
    if "standard" not in words:
        return None
    plain = " ".join(w for w in words if w != "standard")
    found = [key for key in basket if names[key] == plain]
    return found[0] if len(found) == 1 else None


def _anywhere(
    items: Sequence[Pending],
    found: dict[tuple[int, str], Inference],
    baskets: Mapping[int, Mapping[str, Decimal]],
    bill: Bill,
) -> None:
    """Unresolved descriptions that fit, or share a distinctive word with, exactly one product on
    the whole bill ("BI Pro" billed to a client the vendor bills no Power BI for) — unless the
    client buys something from the vendor that it could mean ("Backup for 365" at a client with
    Datto is not the Dropsuite another client buys)."""
    answers: dict[str, Inference | None] = {}  # the same description, the same answer, any client
    for group, description, _ in items:
        if (group, description) in found or service_words(description) - set(CONCEPTS):
            continue
        if not none_of_its_own(description, baskets.get(group, {}), bill):
            continue
        if description not in answers:
            answers[description] = _only_on_the_bill(
                description, bill.names, bill.common, bill.edition_words
            ) or _named_inside(description, bill)
        inference = answers[description]
        if inference is not None and not a_look_alike_bought(
            description, inference.product_key, baskets.get(group, {}), bill.names
        ):
            found[(group, description)] = inference


def _apart_by_other_words(
    description: str,
    best: tuple[tuple[int, int, int], str],
    next_best: tuple[tuple[int, int, int], str],
    names: Mapping[str, str],
) -> bool:
    """The two best fits explain every word of the description, differ only in words it does not
    have, and neither name's missing words are a part of the other's: two makers' products of one
    tier ("Keeper Business Starter", "Google Workspace Business Starter"), where fewer missing
    words is no evidence. A name that is the other's with a word more ("… for Business" / "… for
    Business Servers") still gives way to the shorter one."""
    if best[0][::2] != next_best[0][::2]:
        return False
    one, other = fit(description, names[best[1]]), fit(description, names[next_best[1]])
    if one is None or other is None:
        return False  # a stray word in either: the fits' ranks already weigh it
    left, left_too = set(one.left), set(other.left)  # the name words each leaves unsaid
    return not (left <= left_too or left_too <= left)


def _named_inside(description: str, bill: Bill) -> Inference | None:
    """The one product on the bill whose whole name the description holds among words that name
    nothing else ("item: 1Password Business (AU data centre) | cycle: monthly | seats: 5")."""
    key = name_inside(description, bill.names, bill.names, bill.product_words)
    if key is None:
        return None
    return Inference(
        key,
        "name fit",
        NAME_INSIDE,
        f"holds the whole name of {bill.names[key]!r}, among words that name nothing else",
    )


def _only_on_the_bill(
    description: str,
    names: Mapping[str, str],
    common: frozenset[str],
    tiers: frozenset[str] = frozenset(),
) -> Inference | None:
    """The one product on the bill the description fits, else the one it names most of by
    distinctive words (words many of the bill's products share tell none apart); None when there
    is no such single product. A tier alone names no line: "Modern-Workplace-Gold" shares only
    "gold" with KnowBe4 KMSAT Gold, "Singularity Control" its line too."""
    fits = sorted(
        (f.rank, key)
        for key, name in names.items()
        if (f := loose_fit(description, name)) is not None and f.explained >= 2
    )  # but for one stray word that names nothing ("Cisco Duo Ess": Duo Essentials)
    if fits and (len(fits) == 1 or fits[0][0] < fits[1][0]):
        key = fits[0][1]
        if len(fits) > 1 and _apart_by_other_words(description, fits[0], fits[1], names):
            return None  # "Business Starter": Keeper's and Google Workspace's, told apart by no
            # word the line has (the one whose name has fewer other words is no likelier)
        if fit(description, names[key]) is None and a_longer_edition(description, key, names):
            return None  # its stray word may be the edition's ("SaaS Protection unlimited")
        return Inference(
            key, "name fit", 0.75, f"fits {names[key]!r}, the only product on the bill like it"
        )
    said = {
        key: words_shared(description, name, common)
        for key, name in names.items()
        if shares_word(description, name, common)
        and may_mean(description, name)
        and _more_than_a_tier(description, name, tiers)
    }
    best = max(said.values(), default=0.0)
    hits = [key for key, score in said.items() if score == best] if best > 0 else []
    if len(hits) == 1:
        return Inference(
            hits[0],
            "shared word",
            0.7,
            f"shares a word with {names[hits[0]]!r}, the only vendor product like it",
        )
    return None


def _more_than_a_tier(description: str, name: str, tiers: frozenset[str]) -> bool:
    shared = set(meaningful(description)) & set(meaningful(name))
    return any(word not in tiers and word not in BRAND for word in shared)


def _match(line: Line, target: ProductMatch, inference: Inference) -> ProductMatch:
    return ProductMatch(
        "psa",
        line.product,
        target.key,
        target.product,
        inference.method,
        inference.confidence,
        target.in_catalogue,
        target.free,
        evidence=inference.evidence,
    )
