"""Aliases learned from a run: rows the Client Aliases and Product Aliases sheets gain."""

from __future__ import annotations

from collections.abc import Mapping

from engine.result import Result

#: How the matcher pairs a PSA description with a vendor product by inference, not by name alone.
INFERRED_PRODUCT_METHODS = frozenset(
    [
        "context",
        "shared word",
        "elimination",
        "seat gap",
        "learned",
        "consensus",
        "meaning",
        "name fit",
        "item code",
        "corroborated",
        "same price",
        "kind and price",
        "word and price",
    ]
)


def learned_product_aliases(result: Result, existing: Mapping[str, str]) -> list[list[object]]:
    """Product spellings Reconcile resolved from what the client buys (in-house names, bare plans,
    abbreviations), not yet in Product Aliases: added with their evidence for the user to confirm
    (keep the row) or reject (delete it). Rows read vendor spelling → PSA spelling, like the user's."""
    known = {psa.strip().lower() for psa in existing.values()}
    rows: list[list[object]] = []
    seen: set[str] = set()
    for match in result.product_matches:
        spelling = match.spelling.strip()
        if (
            match.side == "psa"
            and match.method in INFERRED_PRODUCT_METHODS
            and spelling.lower() not in known
            and spelling.lower() not in seen
        ):
            seen.add(spelling.lower())
            rows.append(
                [
                    match.product,
                    spelling,
                    f"Reconcile ({match.method} {match.confidence:.2f}: {match.evidence}): "
                    "delete the row if wrong",
                ]
            )
    return rows


def learned_aliases(result: Result, existing: Mapping[str, str]) -> list[list[object]]:
    """Client matches Reconcile found by fuzzy name, tenant domain or tax number, not yet in Client
    Aliases: added so next month's run matches them exactly (delete a row to undo a wrong match)."""
    known = {vendor.strip().lower() for vendor in existing}
    rows: list[list[object]] = []
    for match in result.client_matches:
        if (
            match.method in ("fuzzy", "domain", "id")
            and match.vendor_name.strip().lower() not in known
        ):
            rows.append(
                [
                    match.vendor_name,
                    match.psa_name,
                    f"Reconcile ({match.method} {match.confidence:.2f}): delete the row if wrong",
                ]
            )
    return rows
