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
from engine.match.products import ProductMatch
from engine.match.run_lines import RunLines

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


def to_market_editions(late: set[int], run: RunLines) -> None:
    """Move each late-paired client's lines named as a licence the vendor does not bill it to the
    one licence it does bill it that is that licence for another market (a product match in
    ``run.inferred``, with its evidence)."""
    if not late:
        return
    billed = run.billed(late.__contains__)
    books: dict[int, list[tuple[Line, ProductMatch]]] = defaultdict(list)
    for line in run.psa_lines:
        group = run.psa_group(line)
        if group in billed and line.exclusion is None:
            books[group].append((line, run.psa_match(line)))
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
            run.inferred[(line.client, line.descriptor)] = ProductMatch(
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
