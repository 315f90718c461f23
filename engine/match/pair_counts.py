"""Pairs a tier may make only where each of its two clients is in no other pair it found.

Several name tiers find candidate pairs from both sides (a name's initials, its tail, a slip of the
pen); a client two candidates claim is left to the tiers after, or to the user.
"""

from __future__ import annotations

from collections import Counter


def once_each_way(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (vendor key, PSA key) pairs, each counted once however often it was found, whose
    vendor and PSA client are in no other pair."""
    distinct = list(dict.fromkeys(pairs))
    vendor_used = Counter(vendor for vendor, _ in distinct)
    psa_used = Counter(psa for _, psa in distinct)
    return [(v, p) for v, p in distinct if vendor_used[v] == psa_used[p] == 1]
