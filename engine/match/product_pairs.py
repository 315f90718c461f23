"""Two spellings of one product, one on each side, told by the clients that have them.

A distributor's bill names products its own way ("KNOWBE4 KMSAT GOLD 1YR", "HUNTRESS EDR 1YR"), the
PSA the way the MSP typed them ("KnowBe4 Security Awareness Training Gold"); when neither names the
other word for word, each side has a product the other never bills. A billing person sees that
client after client has the one on the bill and the other in the PSA, mostly with the same seats,
and that the names share their maker's word and say nothing contrary: they are one product. The
evidence is the clients', so the pairing states how many clients showed it, and with fewer than
three it stays *check first*.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from engine.lines import Line
from engine.match.description_vocabulary import BRAND, SERVICE_WORDS
from engine.match.description_words import says_service
from engine.match.product_concepts import CONCEPTS
from engine.match.product_fit import MAKER, meaningful
from engine.match.product_names import DISCRIMINATORS, say_another_plan

#: Clients that must show a pairing before it is believed, and the share of the clients that have
#: either product that must show it.
LEAST_CLIENTS = 2
LEAST_SHARE = 0.6


@dataclass(frozen=True)
class Pairing:
    """A PSA product key that is the vendor's ``vendor_key``, with the clients that showed it."""

    psa_key: str
    vendor_key: str
    clients: int
    equal_seats: int
    #: No word in common: the seats alone showed it (an in-house name, "Diagramming (desktop)").
    seats_only: bool = False

    @property
    def confidence(self) -> float:
        if self.seats_only:
            return 0.7
        return 0.85 if self.clients >= 3 and self.equal_seats * 2 >= self.clients else 0.7

    @property
    def evidence(self) -> str:
        words = "; no word in common, check first" if self.seats_only else ""
        return (
            f"beside the vendor's product at {self.clients} clients "
            f"where the PSA names it no other way ({self.equal_seats} with the same seats{words})"
        )


def pair_by_clients(
    vendor_lines: list[Line],
    psa_lines: list[Line],
    vendor_group: Mapping[str, int | None],
    psa_group: Mapping[str, int | None],
    names: Mapping[str, str],
) -> list[Pairing]:
    """Pairings of products only the vendor bills with products only the PSA bills.

    ``vendor_group``/``psa_group``: each client spelling's matched group (None when the client is
    on one side only); ``names``: each product key's name, in product-key form."""
    vendor = _seats(vendor_lines, vendor_group)
    psa = _seats(psa_lines, psa_group)
    vendor_keys = {key for seats in vendor.values() for key in seats}
    psa_keys = {key for seats in psa.values() for key in seats}
    only_psa = psa_keys - vendor_keys
    if not only_psa:
        return []
    having: Counter[str] = Counter()  # clients where a vendor product goes unnamed, or where a
    together: Counter[tuple[str, str]] = Counter()  # PSA product stands the vendor never bills
    same_seats: Counter[tuple[str, str]] = Counter()
    for group in sorted(set(vendor) & set(psa)):  # only clients on both sides can show a pairing
        unnamed = [k for k in vendor[group] if k not in psa[group]]
        standing = [k for k in psa[group] if k in only_psa]
        having.update(unnamed)
        having.update(standing)
        for v in unnamed:  # a client's own products only: never every product × every product
            for p in standing:
                together[(v, p)] += 1
                same_seats[(v, p)] += vendor[group][v] == psa[group][p]
    candidates: list[tuple[int, int, str, str]] = []
    seats_only: set[tuple[str, str]] = set()
    for (v, p), both in sorted(together.items()):
        if both < LEAST_CLIENTS or both < LEAST_SHARE * min(having[v], having[p]):
            continue
        if not same_seats[(v, p)]:
            continue  # never once the same seats: two products bought side by side
        vendor_name, psa_name = names.get(v, v), names.get(p, p)
        if _may_be_one(vendor_name, psa_name):
            candidates.append((both, same_seats[(v, p)], v, p))
        elif _shown_by_seats(both, same_seats[(v, p)], having[v], having[p], vendor_name, psa_name):
            candidates.append((both, same_seats[(v, p)], v, p))
            seats_only.add((v, p))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    pairings: list[Pairing] = []
    taken: set[str] = set()
    for support, equal, v, p in candidates:
        if v in taken or p in taken:
            continue
        # refuse a tie: another pairing for either product just as well shown
        rivals = [
            c for c in candidates if (c[2] == v) != (c[3] == p) and (c[0], c[1]) == (support, equal)
        ]
        if rivals:
            taken.update((v, p))
            continue
        taken.update((v, p))
        pairings.append(Pairing(p, v, support, equal, (v, p) in seats_only))
    return pairings


#: Clients that must show a pairing whose names share no word, and the share of them with the
#: same seats on both sides.
SEATS_ONLY_CLIENTS = 3
SEATS_ONLY_EQUAL = 0.8


def _shown_by_seats(
    both: int, equal: int, vendor_having: int, psa_having: int, vendor_name: str, psa_name: str
) -> bool:
    """An in-house name that shares no word with the vendor's ("Diagramming (desktop)" for Visio
    Plan 2, "Identity Threat Monitoring" for Huntress ITDR) is that product when the clients leave
    no doubt: at three clients or more, nearly always with the same seats, and each stands almost
    only where the other is missing. A per-user service ("Managed Services - per user") stands at
    every client, so it never passes; nor does labour or hardware, or a name that says another
    plan."""
    if both < SEATS_ONLY_CLIENTS or equal < SEATS_ONLY_EQUAL * both:
        return False
    if both < LEAST_SHARE * max(vendor_having, psa_having):
        return False
    return not says_service(psa_name) and not say_another_plan(
        set(meaningful(vendor_name)), set(meaningful(psa_name))
    )


def _seats(lines: list[Line], groups: Mapping[str, int | None]) -> dict[int, dict[str, Decimal]]:
    out: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for line in lines:
        if line.exclusion is not None or line.product_key is None:
            continue
        group = groups.get(line.client)
        if group is None:
            continue
        seats = out[group]
        seats[line.product_key] = seats.get(line.product_key, _ZERO) + (line.quantity or _ZERO)
    return out


_ZERO = Decimal(0)  # (one, not one built per line: speed)


def _may_be_one(vendor_name: str, psa_name: str) -> bool:
    """The two names share a word that is not the maker's ("KnowBe4", "Huntress") and say nothing
    contrary: each plan or edition word one has, the other has or has none of its own."""
    v, p = set(meaningful(vendor_name)), set(meaningful(psa_name))
    if not (v & p) - MAKER - SERVICE_WORDS - set(CONCEPTS):
        return False  # only a kind in common ("Backup"): a service about a product is not it
    if not (v & p) - MAKER - BRAND - DISCRIMINATORS and not v - BRAND - MAKER <= p:
        # only a tier in common, and the vendor's own words not said: "Migração Microsoft 365
        # Business Premium - valor fixo" is no Hornetsecurity 365 Total Protection Business
        return False
    return not say_another_plan(v, p)
