"""A client paired late, by what it buys (a church and the parish the books call it), whose books
name a licence the vendor does not bill it beside the one licence the vendor does bill it that is
the same licence sold to another market ("Microsoft 365 Business Premium" beside "… (Nonprofit
Staff Pricing)"): that licence, check first — as :mod:`engine.match.product_inference` reads it for
clients paired by name, before their lines are read (issue 9, set AL).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from engine.lines import Line
from engine.match.product_inference import market_edition
from engine.match.product_names import product_key
from engine.match.products import Descriptor, ProductMatch

#: Below the check-first bar: the client was paired by what it buys, the licence by its market.
CONFIDENCE = 0.75


def late_pairs(
    alone_before: set[str], psa_groups: Mapping[str, int], vendor_groups: Mapping[str, int]
) -> set[int]:
    """The groups of PSA clients that were alone before the late pairing and now have a vendor
    side."""
    with_vendor = set(vendor_groups.values())
    return {
        group
        for key in alone_before
        if (group := psa_groups.get(key)) is not None and group in with_vendor
    }


def to_market_editions(
    late: set[int],
    vendor_lines: list[Line],
    psa_lines: list[Line],
    vendor_groups: Mapping[str, int],
    psa_groups: Mapping[str, int],
    vendor_keys: Mapping[str, str],
    psa_keys: Mapping[str, str],
    vendor_products: Mapping[Descriptor, ProductMatch],
    psa_products: Mapping[Descriptor, ProductMatch],
    inferred: dict[tuple[str, Descriptor], ProductMatch],
) -> None:
    """Move each late-paired client's lines named as a licence the vendor does not bill it to the
    one licence it does bill it that is that licence for another market (a product match in
    ``inferred``, with its evidence)."""
    if not late:
        return
    billed: dict[int, dict[str, ProductMatch]] = defaultdict(dict)  # group → vendor key → match
    for line in vendor_lines:
        group = vendor_groups.get(vendor_keys.get(line.client, ""))
        if group in late and line.exclusion is None:
            match = vendor_products[line.descriptor]
            billed[group][match.key] = match
    books: dict[int, list[tuple[Line, ProductMatch]]] = defaultdict(list)
    for line in psa_lines:
        group = psa_groups.get(psa_keys.get(line.client, ""))
        if group in billed and line.exclusion is None:
            match = inferred.get((line.client, line.descriptor), psa_products[line.descriptor])
            books[group].append((line, match))
    for group, lines in books.items():
        named = {match.key for _, match in lines}
        unpaired = {key: m for key, m in billed[group].items() if key not in named}
        names = {key: product_key(m.product) for key, m in unpaired.items()}
        for line, match in lines:
            if match.key in billed[group] or not match.in_catalogue:
                continue
            found = market_edition(product_key(match.product), unpaired, names)
            if found is None:
                continue
            edition = unpaired[found]
            line.assign(edition.key)
            inferred[(line.client, line.descriptor)] = ProductMatch(
                "psa",
                line.product,
                edition.key,
                edition.product,
                "context",
                CONFIDENCE,
                edition.in_catalogue,
                edition.free,
                evidence=(
                    f"named {match.product!r}, which the vendor does not bill the client (paired "
                    f"by what it buys); the vendor bills it {edition.product!r}, the same licence "
                    "sold to another market"
                ),
            )
