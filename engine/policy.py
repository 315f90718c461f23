"""Which lines are which vendor product, and the policy for PSA lines that are none.

Vendor lines are products by definition. A PSA line is a vendor product when the catalogue or a
vendor spelling names it; one named in Settings' exclusions, or free, takes no part. The rest
(managed services, labour, in-house names) wait until clients are matched: in its client's context a
description may still be a vendor product ("PDF Editor" beside a client's Acrobat seats); what is
still nothing is *not a vendor product* and takes no part.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from engine.folding import folded
from engine.lines import Exclusion, Line, known
from engine.match.description_vocabulary import FREIGHT_WORDS, SERVICE_NOUNS, WORK_DONE_ONCE
from engine.match.description_words import description_key, says_service, service_words
from engine.match.file_fillers import billing_words_of, translations_of
from engine.match.item_codes import decide_by_item_code
from engine.match.product_fit import (
    fit,
    use_bill_words,
    use_export_billing_words,
    use_export_translations,
)
from engine.match.product_inference import infer_products
from engine.match.product_names import DISCRIMINATORS, product_key
from engine.match.product_pairs import Pairing, pair_by_clients
from engine.match.products import Descriptor, ProductMatch, match_products
from engine.match.seat_guesses import seat_guesses_words_answer
from engine.match.vendor_codes import name_by_vendor_codes
from engine.settings import Settings
from engine.sides import Prepared

#: PSA product inferences by (client spelling, descriptor).
Inferred = dict[tuple[str, Descriptor], ProductMatch]


@dataclass
class Products:
    """Each side's product matches by descriptor, and the PSA lines still to decide in context."""

    vendor: dict[Descriptor, ProductMatch]
    psa: dict[Descriptor, ProductMatch]
    pending: list[Line] = field(default_factory=list)  # no catalogue or vendor name explains them
    named: list[Line] = field(default_factory=list)  # recognised by name alone: looked at again
    inferred: Inferred = field(default_factory=dict)
    #: PSA descriptions filed as licences of a product no line of the bill is like ("Dialpad
    #: Standard" on a Microsoft distributor's bill): bought from another source
    elsewhere: set[Descriptor] = field(default_factory=set)

    def names(self) -> dict[str, str]:
        """Each product key's display name: the vendor's shortest spelling of it (the PSA's when
        the vendor has none), the same whatever order the spellings came in."""
        names: dict[str, str] = {}
        for side in (self.vendor, self.psa):
            shown = {m.key for m in side.values() if m.key in names}
            for match in side.values():
                if match.key in shown:
                    continue  # the vendor already names it
                current = names.get(match.key)
                if current is None or (len(match.product), match.product) < (len(current), current):
                    names[match.key] = match.product
        return names

    def matches(self) -> list[ProductMatch]:
        """Every product match of the run, vendor first, by product and spelling."""
        return sorted(
            {*self.vendor.values(), *self.psa.values(), *self.inferred.values()},
            key=lambda m: (
                m.side != "vendor",
                m.product.lower(),
                m.spelling.lower(),
                m.key,
                m.method,
                m.evidence,
                m.spelling,
            ),
        )


def match_by_name(vendor: Prepared, psa: Prepared, settings: Settings) -> Products:
    """Name every line's product that names alone can, and apply the PSA exclusions by name."""
    use_bill_words(())  # names alone know the catalogue's words only, in every run alike
    # (each distinct spelling once: the lines repeat them)
    descriptions = [description_key(text) for text in {line.product for line in psa.lines}]
    names = [product_key(text) for text in {line.product for line in vendor.lines}]
    translated = translations_of(descriptions, names)  # "Diogelwch" for Security
    use_export_translations(translated)
    # "Langganan … per pengguna/bulan": the PSA export's own billing words
    use_export_billing_words(billing_words_of(descriptions, names) - translated.keys())
    vendor_products, psa_products = _match(vendor.lines, psa.lines, settings)
    name_by_vendor_codes(vendor_products, psa_products)
    products = Products(vendor_products, psa_products)
    vendor_keys = {m.key for m in vendor_products.values()}
    excluded_spellings = {product_key(x) for x in settings.exclude_psa_products}
    taking_part = [line.descriptor for line in psa.lines if line.exclusion is None]
    psa_products.update(
        decide_by_item_code(
            taking_part,
            psa_products,
            {d for d in set(taking_part) if _unpaired(psa_products[d], vendor_keys)},
            _monthly_prices(psa.lines),
            _only_credited(psa.lines),
        )
    )
    billed_keys = {m.key for m in psa_products.values()}
    for line in vendor.lines:
        if line.exclusion is not None:
            continue
        match = vendor_products[line.descriptor]
        if not match.in_catalogue and (
            _delivery(line.product, line.client)
            or (match.key not in billed_keys and _fee_or_service(line.product, line.quantity))
        ):
            # "Marketplace service fee", "Premier support add-on (distributor)": what the
            # distributor charges for itself, no licence a client is billed for
            line.exclude(Exclusion.VENDOR_FEE)
        else:
            line.assign(match.key)
    for line in psa.lines:
        if line.exclusion is not None:
            continue
        match = psa_products[line.descriptor]
        if product_key(line.product) in excluded_spellings:
            line.exclude(Exclusion.EXCLUDED_IN_SETTINGS)
        elif not match.in_catalogue and _delivery(line.product, line.client):
            line.exclude(Exclusion.NOT_A_VENDOR_PRODUCT)  # re-billed freight is still no licence
        elif match.free and not line.unit:
            line.exclude(Exclusion.FREE)
        elif _unpaired(match, vendor_keys):
            products.pending.append(line)
        else:
            line.assign(match.key)
            if match.method in ("exact", "fuzzy") and match.in_catalogue:
                products.named.append(line)
    return products


#: Words that make a bill's line a charge of its own, not a licence: "Billing administration fee".
_FEE_WORDS = frozenset(["fee", "fees", "surcharge"])
#: Words that say a line sells goods, not a licence: "Hardware - Yealink T54W desk phone".
_GOODS_WORDS = frozenset(["hardware"])
#: Words that name the channel that charges for a service itself: "Premier support add-on
#: (distributor)".
_CHANNEL_WORDS = frozenset(["distributor", "marketplace"])
#: Work done once, that a distributor may sell beside licences: "Onboarding service – tenant
#: migration", "Setup service", "Implementation services" (with a service's noun: "User Migration
#: Bundle" is a licence).
_WORK_DONE_ONCE = WORK_DONE_ONCE | frozenset(
    ["offboarding", "implementation", "deployment", "workshop"]
)
#: Service words that only people's work has, never a licence's name: work done once but for
#: "migration" and "training" ("User Migration Bundle", "Security Awareness Training" are
#: licences), and support or labour (a licence may be "Backup" or "Managed"): "Premium support
#: contract", "Onboarding – technical setup".
_PEOPLES_WORK = (WORK_DONE_ONCE - {"migration", "training"}) | {"support", "labour", "labor"}
_WORDS = re.compile(r"[a-z]+")


def _fee_or_service(product: str, quantity: Decimal | None = None) -> bool:
    """A vendor line whose words say it is a fee or goods ("Hardware - …"), or a service the
    channel itself charges for (a backup or a managed product a vendor bills is a licence:
    "Dropsuite Backup"), or people's
    work charged once for the account ("Premium support contract", one of it: a support licence
    counted in seats stays a licence)."""
    words = set(_WORDS.findall(folded(product)))
    return (
        bool(words & _FEE_WORDS)
        or bool(words & _GOODS_WORDS)
        or (bool(words & _CHANNEL_WORDS) and says_service(product))
        or (bool(words & _WORK_DONE_ONCE) and bool(words & SERVICE_NOUNS))
        or (bool(service_words(product) & _PEOPLES_WORK) and (quantity is None or quantity <= 1))
    )


def _delivery(product: str, client: str) -> bool:
    """A line for the delivery of goods ("Freight & handling"): no licence on either side, even
    where both bill it. A word of the client's name is no delivery ("Redcliffe Freight Ltd -
    Exchange Online (Plan 1)")."""
    words = FREIGHT_WORDS.intersection(_WORDS.findall(folded(product)))
    return bool(words) and words.isdisjoint(_WORDS.findall(folded(client)))


def _only_credited(lines: list[Line]) -> set[Descriptor]:
    """The descriptors whose every line that takes part gives seats or money back."""
    given: set[Descriptor] = set()
    billed: set[Descriptor] = set()
    for line in lines:
        if line.exclusion is None and line.quantity is not None and line.unit is not None:
            back = line.quantity < 0 or line.unit < 0
            (given if back else billed).add(line.descriptor)
    return given - billed


def _monthly_prices(lines: list[Line]) -> dict[Descriptor, list[Fraction]]:
    """Each descriptor's monthly unit prices, over the lines that take part and state one."""
    prices: dict[Descriptor, list[Fraction]] = defaultdict(list)
    for line in lines:
        if line.exclusion is None and line.unit:
            prices[line.descriptor].append(_per_month(line.unit, line.months or 1))
    return prices


@lru_cache(maxsize=65_536)
def _per_month(unit: Decimal | Fraction, months: int) -> Fraction:
    """A unit price per month, exact, once per distinct (price, months): an export repeats a few
    hundred prices over its lines (two Fractions per PSA line had been ~0.3 s at 100k lines).
    Equal amounts make equal keys whatever their exponent, and give the same Fraction."""
    return Fraction(unit) / months


def _unpaired(match: ProductMatch, vendor_keys: set[str]) -> bool:
    """A PSA spelling no catalogue or vendor name explains."""
    return not match.in_catalogue and match.key not in vendor_keys


def decide_in_context(
    products: Products,
    vendor: Prepared,
    psa: Prepared,
    vendor_group: Mapping[str, int],
    psa_group: Mapping[str, int],
) -> None:
    """Decide the pending PSA lines (and look again at those named alone) by their client's vendor
    products; a pending line that is still no vendor product takes no part."""
    products.inferred = infer_products(
        products.pending,
        vendor,
        psa,
        vendor_group,
        psa_group,
        products.vendor,
        products.named,
        products.elsewhere,
    )
    for line in products.named:
        if (found := products.inferred.get((line.client, line.descriptor))) is not None:
            line.assign(found.key)
    undecided: list[Line] = []
    for line in products.pending:
        found = products.inferred.get((line.client, line.descriptor))
        if found is not None:
            line.assign(found.key)
        else:  # its own product for now: other clients may show which vendor product it is
            line.assign(products.psa[line.descriptor].key)
            undecided.append(line)
    pair_products_by_clients(products, vendor, psa, vendor_group, psa_group)
    like_a_shown_spelling(products, undecided, vendor, psa, vendor_group, psa_group)
    shown_at_other_clients(products, undecided, vendor, psa, vendor_group, psa_group)
    waiting = {id(line) for line in undecided}
    for line in seat_guesses_words_answer(
        products.inferred, vendor, psa, vendor_group, psa_group
    ):  # other lines were shown to be the product its seats alone had given it to
        products.inferred.pop((line.client, line.descriptor), None)
        line.assign(products.psa[line.descriptor].key)
        if id(line) not in waiting:
            undecided.append(line)
    for line in undecided:
        if products.psa[line.descriptor].method != "corroborated" and (
            (line.client, line.descriptor) not in products.inferred
        ):  # no client showed what it is
            line.product_key = None
            bought_elsewhere = line.descriptor in products.elsewhere
            line.exclude(
                Exclusion.NOT_ON_THIS_BILL if bought_elsewhere else Exclusion.NOT_A_VENDOR_PRODUCT
            )


def like_a_shown_spelling(
    products: Products,
    undecided: list[Line],
    vendor: Prepared,
    psa: Prepared,
    vendor_group: Mapping[str, int],
    psa_group: Mapping[str, int],
) -> None:
    """An undecided line spelled as a spelling the clients showed to be a vendor product, but for
    words the vendor's own name of it has ("Cyber Protect Cloud Workstation" beside "Acronis
    Cyber Protect Cloud - Workstation", which four clients showed to be the distributor's "ACRONIS
    CPC WS"): that product, where the client buys it and it is the only one so spelled."""
    shown = {
        description_key(m.spelling): m for m in products.psa.values() if m.method == "corroborated"
    }
    if not shown:
        return
    vendor_names = {m.key: set(product_key(m.product).split()) for m in products.vendor.values()}
    baskets: dict[int, set[str]] = defaultdict(set)
    for vendor_line in vendor.lines:
        group = vendor_group.get(vendor.client_keys.get(vendor_line.client, ""))
        if vendor_line.exclusion is None and vendor_line.product_key and group is not None:
            baskets[group].add(vendor_line.product_key)
    like: dict[str, list[tuple[str, ProductMatch]]] = {}  # once per description (speed)
    for line in undecided:
        if products.psa[line.descriptor].method == "corroborated":
            continue
        description = description_key(line.product)
        if description not in like:
            like[description] = [
                (spelling, match)
                for spelling, match in shown.items()
                if (found := fit(description, spelling)) is not None
                and not found.missing_discriminators
                and set(found.left) <= vendor_names.get(match.key, set())
            ]
        basket = baskets.get(psa_group.get(psa.client_keys.get(line.client, ""), -1), set())
        alike = {m.key: (spelling, m) for spelling, m in like[description] if m.key in basket}
        if len(alike) != 1:
            continue
        key, (spelling, match) = next(iter(alike.items()))
        products.inferred[(line.client, line.descriptor)] = ProductMatch(
            "psa",
            line.product,
            key,
            match.product,
            "corroborated",
            min(match.confidence, 0.75),
            match.in_catalogue,
            match.free,
            evidence=f"spelled as {spelling!r} but for words of the vendor's name; {match.evidence}",
        )
        line.assign(key)


#: Inferences whose spelling other clients may learn from: made from the client's own vendor
#: product by its words, or learned or corroborated across clients (never seats or a kind alone).
_SHOWING = frozenset(["context", "learned", "corroborated", "consensus"])


def shown_at_other_clients(
    products: Products,
    undecided: list[Line],
    vendor: Prepared,
    psa: Prepared,
    vendor_group: Mapping[str, int],
    psa_group: Mapping[str, int],
) -> None:
    """A line of a client the bill names nothing for (bought from no one, so no product of its
    own to read it by), spelled as two clients or more showed one vendor product to be spelled,
    with only a note after it ("RingCentral RingEX Standard - field staff" where the bill says
    "RINGCENTRAL EX STD"): that product, check first. A note holding a word of a vendor product's
    name, or a plan or tier, is no note ("Exchange Online Archiving" is not Exchange Online), nor
    is what follows a one-word spelling ("Duo" shown to be Duo Essentials; "Duo Access" is
    another edition)."""
    clients_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (client, _), match in products.inferred.items():
        if match.method in _SHOWING:
            clients_of[description_key(match.spelling)][match.key].add(client)
    shown = {
        spelling: next(iter(by_key))
        for spelling, by_key in clients_of.items()
        if len(by_key) == 1 and len(next(iter(by_key.values()))) >= 2 and " " in spelling
    }
    if not shown:
        return
    billed = {
        group
        for line in vendor.lines
        if line.exclusion is None
        and (group := vendor_group.get(vendor.client_keys.get(line.client, ""))) is not None
    }
    named_words = {w for m in products.vendor.values() for w in product_key(m.product).split()}
    vendor_match = {m.key: m for m in products.vendor.values()}
    by_first: dict[str, list[str]] = defaultdict(list)
    for spelling in shown:
        by_first[spelling.split(" ", 1)[0]].append(spelling)
    for line in undecided:
        if products.psa[line.descriptor].method == "corroborated" or (
            (line.client, line.descriptor) in products.inferred
        ):
            continue
        if psa_group.get(psa.client_keys.get(line.client, ""), -1) in billed:
            continue  # the client's own vendor products read its lines
        description = description_key(line.product)
        alike = [
            spelling
            for spelling in by_first.get(description.split(" ", 1)[0], ())
            if _a_note_after(description, spelling, named_words)
        ]
        if len({shown[spelling] for spelling in alike}) != 1 or says_service(line.product):
            continue
        spelling = max(alike, key=len)  # the longest spelling shown: the fewest words a note
        key = shown[spelling]
        if (target := vendor_match.get(key)) is None:
            continue  # a product no vendor line names: nothing the bill shows
        clients = len(clients_of[spelling][key])
        products.inferred[(line.client, line.descriptor)] = ProductMatch(
            "psa",
            line.product,
            key,
            target.product,
            "corroborated",
            0.75,
            target.in_catalogue,
            target.free,
            evidence=f"spelled as {spelling!r}, which {clients} clients showed to be "
            f"{target.product!r}, with a note after it",
        )
        line.assign(key)


def _a_note_after(description: str, spelling: str, named_words: set[str]) -> bool:
    """``description`` is ``spelling`` and words that name no product, plan or tier."""
    if description == spelling:
        return True
    if not description.startswith(spelling + " "):
        return False
    rest = description[len(spelling) + 1 :].split()
    return not any(word in named_words or word in DISCRIMINATORS for word in rest)


def pair_products_by_clients(
    products: Products,
    vendor: Prepared,
    psa: Prepared,
    vendor_group: Mapping[str, int],
    psa_group: Mapping[str, int],
) -> None:
    """A product only the PSA bills that stands beside one only the vendor bills, client after
    client, is that product (:mod:`engine.match.product_pairs`)."""
    names: dict[str, str] = {}
    for match in (*products.vendor.values(), *products.psa.values(), *products.inferred.values()):
        names.setdefault(match.key, product_key(match.product) or match.key)
    pairings = pair_by_clients(
        vendor.lines,
        psa.lines,
        {s: vendor_group.get(k) for s, k in vendor.client_keys.items()},
        {s: psa_group.get(k) for s, k in psa.client_keys.items()},
        names,
    )
    if not pairings:
        return
    by_psa_key = {p.psa_key: p for p in pairings}
    shown: dict[str, ProductMatch] = {}
    for m in sorted(products.vendor.values(), key=lambda m: (len(m.product), m.product)):
        shown.setdefault(m.key, m)  # the vendor's shortest spelling of it
    for descriptor, match in list(products.psa.items()):
        if (pairing := by_psa_key.get(match.key)) is not None:
            products.psa[descriptor] = _corroborated(match, shown[pairing.vendor_key], pairing)
    for place, match in list(products.inferred.items()):
        if (pairing := by_psa_key.get(match.key)) is not None:
            products.inferred[place] = _corroborated(match, shown[pairing.vendor_key], pairing)
    for line in psa.lines:
        if line.product_key in by_psa_key:
            line.assign(by_psa_key[line.product_key].vendor_key)


def _corroborated(match: ProductMatch, target: ProductMatch, pairing: Pairing) -> ProductMatch:
    """A PSA spelling's match moved to the vendor product the clients showed it to be."""
    confidence = pairing.confidence
    if match.confidence:
        confidence = min(match.confidence, confidence)
    return ProductMatch(
        "psa",
        match.spelling,
        target.key,
        target.product,
        "corroborated",
        confidence,
        target.in_catalogue,
        target.free,
        evidence=pairing.evidence,
    )


def _match(
    vendor: list[Line], psa: list[Line], settings: Settings
) -> tuple[dict[Descriptor, ProductMatch], dict[Descriptor, ProductMatch]]:
    known_vendor, known_psa = known(vendor), known(psa)
    alternates = {line.descriptor: line.product_alt for line in known_psa if line.product_alt}
    return match_products(
        {line.descriptor for line in known_vendor},
        {line.descriptor for line in known_psa},
        aliases=settings.product_aliases,
        psa_alternates=alternates,
        thresholds=settings.match,
    )
