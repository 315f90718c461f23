"""The customer's tax and company registration numbers a row gives, as compared.

A VAT number, a company register's number ("Registrikood", "Reģ. Nr.", "CUI", "ЕИК", "PIB",
"OIB", "KvK", "ABN") names one legal entity whatever each system calls it: the distributor's
"Siguldas Bakery Ltd" and the books' 'SIA "Siguldas Maiznīca"' are one company when both give
40000058729. Every column whose header names such a number is read (a book may give the VAT
number and the register's, a bill either), each number without its country's prefix: Latvia's
VAT number "LV40000058729" is its register number 40000058729.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from engine.read.columns import ColumnMapping
from engine.read.fields import FIELDS, header_key, match_score
from engine.read.header import Table

_TAX_ID = next(f for fields in FIELDS.values() for f in fields if f.name == "tax_id")
#: What a number is written with besides its digits: spaces, dots, dashes, slashes.
_SEPARATORS = re.compile(r"[\s./-]+")
#: A number with a country's two letters before it ("RO18871107", "BG 131071587").
_NUMBER = re.compile(r"^(?:[A-Z]{2})?([0-9][0-9A-Z]*)$")
#: Digits a number has at least: a store's or an account's number is shorter.
_SHORTEST = 6


def tax_number(value: object) -> str:
    """A tax or register number as compared ("LV 4000-0058-729" → "40000058729"); "" if none."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float):
        if not value.is_integer():
            return ""
        value = int(value)
    text = _SEPARATORS.sub("", str(value).strip().upper())
    found = _NUMBER.match(text)
    if found is None or sum(ch.isdigit() for ch in found[1]) < _SHORTEST:
        return ""
    return found[1]


def tax_numbers(table: Table, mapping: ColumnMapping) -> list[str]:
    """Each row's tax and register numbers, as compared and joined by spaces ("" for none), from
    every column whose header names such a number and no other field."""
    taken = set(mapping.columns.values()) - {mapping.get("tax_id")}
    headers = [
        h for h in table.headers if h not in taken and match_score(_TAX_ID, header_key(h)) > 0
    ]
    rows = len(table.row_numbers)
    if not headers:
        return [""] * rows
    columns: list[Sequence[object]] = [table.data[h] for h in headers]
    read: dict[object, str] = {}
    out = []
    for i in range(rows):
        numbers = []
        for column in columns:
            value = column[i]
            if value not in read:
                read[value] = tax_number(value)
            if number := read[value]:
                numbers.append(number)
        out.append(" ".join(dict.fromkeys(numbers)))
    return out
