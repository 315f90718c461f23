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
from engine.match.product_concepts import CONCEPTS
from engine.match.product_fit import MAKER, SERVICE_WORDS, meaningful
from engine.match.product_names import discriminators

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

    @property
    def confidence(self) -> float:
        return 0.85 if self.clients >= 3 and self.equal_seats * 2 >= self.clients else 0.7

    @property
    def evidence(self) -> str:
        return (
            f"beside the vendor's product at {self.clients} clients "
            f"where the PSA names it no other way ({self.equal_seats} with the same seats)"
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
    for (v, p), both in sorted(together.items()):
        if both < LEAST_CLIENTS or both < LEAST_SHARE * min(having[v], having[p]):
            continue
        if not same_seats[(v, p)]:
            continue  # never once the same seats: two products bought side by side
        if _may_be_one(names.get(v, v), names.get(p, p)):
            candidates.append((both, same_seats[(v, p)], v, p))
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
        pairings.append(Pairing(p, v, support, equal))
    return pairings


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
    dv: set[str] = set().union(*map(discriminators, v))
    dp: set[str] = set().union(*map(discriminators, p))
    return not (dv - dp and dp - dv)
