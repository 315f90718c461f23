"""Take back a PSA line given to a vendor product by its seats alone once words name that product.

The context tiers give a line no word explains to the client's *unpaired* vendor product with the
same seats ("elimination", "seat gap") or of the kind it says ("meaning"). Corroboration across
clients runs later and may show that another of the client's lines is that product after all
("Acronis Cyber Protect Cloud - Backup", beside the distributor's "ACRONIS CPC WS BACKUP" at 28
clients). When such lines bill every seat the vendor bills, the guess lost its ground: "C2C-BKP" is
no second Acronis line, and keeping it would report an over-billing that is not there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal

from engine.lines import Line
from engine.match.products import Descriptor, ProductMatch
from engine.sides import Prepared

#: Inference methods that rest on seat counts or a kind of product alone, no word in common.
GUESSES = frozenset(["elimination", "seat gap", "meaning"])


def seat_guesses_words_answer(
    inferred: Mapping[tuple[str, Descriptor], ProductMatch],
    vendor: Prepared,
    psa: Prepared,
    vendor_group: Mapping[str, int],
    psa_group: Mapping[str, int],
) -> list[Line]:
    """The PSA lines guessed to be a product whose vendor seats other lines already bill."""
    products = {match.key for match in inferred.values() if match.method in GUESSES}
    if not products:
        return []
    guessed: dict[tuple[int, str], list[Line]] = defaultdict(list)
    named: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for line in psa.lines:
        if line.product_key not in products or line.exclusion is not None:
            continue  # (speed: only the guessed products' lines are read)
        group = psa_group.get(psa.client_keys.get(line.client, ""))
        if group is None:
            continue
        match = inferred.get((line.client, line.descriptor))
        if match is not None and match.method in GUESSES:
            guessed[(group, line.product_key)].append(line)
        else:
            named[(group, line.product_key)] += line.quantity or Decimal(0)
    if not guessed:
        return []
    bought: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for line in vendor.lines:
        if line.product_key in products and line.exclusion is None:
            group = vendor_group.get(vendor.client_keys.get(line.client, ""))
            if group is not None and (group, line.product_key) in guessed:
                bought[(group, line.product_key)] += line.quantity or Decimal(0)
    return [
        line
        for place, lines in guessed.items()
        if named.get(place, Decimal(0)) >= bought[place] > 0
        for line in lines
    ]
