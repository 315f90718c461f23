"""Pair clients whose lines give the same tax or company registration number.

A number a tax office or a company register gives names one legal entity: the distributor's
English account "Siguldas Bakery Ltd" and the books' 'SIA "Siguldas Maiznīca"' both giving
40000058729 are one client, however little their names share. A number given by two clients on
one side (a chain's stores under one company's VAT number, a sub-account) decides nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping


def same_tax_number(
    vendor_names: Mapping[str, str],
    psa_names: Mapping[str, str],
    vendor_numbers: Mapping[str, set[str]],
    psa_numbers: Mapping[str, set[str]],
) -> list[tuple[str, str, str]]:
    """(vendor key, PSA key, number) for each number one client of each side gives, among the
    clients not yet paired (``*_names``), each client once."""
    vendor_by = _holders(vendor_names, vendor_numbers)
    psa_by = _holders(psa_names, psa_numbers)
    pairs: list[tuple[str, str, str]] = []
    taken: set[str] = set()
    for number in sorted(vendor_by.keys() & psa_by.keys()):
        vendors, psas = vendor_by[number], psa_by[number]
        if len(vendors) != 1 or len(psas) != 1:
            continue  # one company's number on several clients: the name must say which
        vendor_key, psa_key = vendors[0], psas[0]
        if vendor_key in taken or psa_key in taken:
            continue
        taken.update((vendor_key, psa_key))
        pairs.append((vendor_key, psa_key, number))
    return pairs


def _holders(names: Mapping[str, str], numbers: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """The clients (of those named) that give each number."""
    held: dict[str, list[str]] = defaultdict(list)
    for key in names:
        for number in numbers.get(key, ()):
            held[number].append(key)
    return held
