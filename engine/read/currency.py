"""Which currency a bill or a PSA export is in, so amounts are shown in it and never mixed.

Read from a currency column (``Currency``, ``CurrencyCode``, ``currency_code``, Partner Center's
billing ``Currency`` before its ``PricingCurrency``), else from symbols or codes written in the money
cells (``£12.00``, ``12,00 €``, ``A$19.40``). A bare ``$`` says nothing: several currencies use it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from engine.errors import CurrencyMismatchError
from engine.money import ISO_CODES, currency_code
from engine.read.columns import ColumnMapping
from engine.read.converted_amounts import header_currency
from engine.read.header import Table

DEFAULT = "USD"
_MONEY_FIELDS = ("unit_cost", "unit_price", "line_total")
_MARKS = (
    ("NZ$", "NZD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("US$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
)
_CODE_IN_TEXT = re.compile(r"(?<![A-Z])([A-Z]{3})(?![A-Z])")


def stated_currency(table: Table, mapping: ColumnMapping, source: str) -> str | None:
    """The one currency an export states, or None when it states none. Two currencies in one
    export is an error: its amounts cannot be added up."""
    header = mapping.get("currency")
    if header is not None:
        values = table.data[header]
        try:
            counted = Counter(values)
        except TypeError:  # an unhashable cell
            counted = Counter(map(str, values))
        codes: Counter[str] = Counter()
        for value, count in counted.items():  # each distinct spelling looked at once
            code = currency_code(value)
            if code is not None:
                codes[code] += count
        if len(codes) > 1:
            listed = ", ".join(f"{code} ({count} lines)" for code, count in codes.most_common())
            raise CurrencyMismatchError(
                f"{source}: the {header!r} column holds more than one currency ({listed}). "
                "Export each currency's lines separately and reconcile them one at a time."
            )
        if codes:
            return next(iter(codes))
    money = [h for f in _MONEY_FIELDS if (h := mapping.get(f)) is not None]
    named = {header_currency(h) for h in money} - {None}
    if len(named) == 1:  # "Line Total (EUR)"
        return named.pop()
    return _from_money_cells(table.data[h] for h in money)


def _from_money_cells(columns: Iterable[Sequence[object]]) -> str | None:
    found: Counter[str] = Counter()
    for values in columns:
        for value in values[:200]:
            if not isinstance(value, str) or not value:
                continue
            code = _mark(value)
            if code is not None:
                found[code] += 1
    return found.most_common(1)[0][0] if found else None


def _mark(text: str) -> str | None:
    for mark, code in _MARKS:
        if mark in text:
            return code
    for match in _CODE_IN_TEXT.finditer(text.upper()):
        if match.group(1) in ISO_CODES:
            return match.group(1)
    return None


def settle(vendor: Iterable[tuple[str, str | None]], psa: tuple[str, str | None]) -> str:
    """The reconciliation's currency: the bills' (all the same), else the PSA export's, else USD.
    A bill in another currency than another bill or than the PSA export is an error that says so."""
    stated = [(name, code) for name, code in vendor if code is not None]
    codes = {code for _, code in stated}
    if len(codes) > 1:
        listed = "; ".join(f"{name}: {code}" for name, code in stated)
        raise CurrencyMismatchError(
            f"The vendor bills are in different currencies ({listed}). Reconcile each currency's "
            "bills separately, against the PSA lines billed in that currency."
        )
    psa_name, psa_code = psa
    if codes and psa_code is not None and psa_code not in codes:
        bill_code = next(iter(codes))
        raise CurrencyMismatchError(
            f"{psa_name} is in {psa_code} but the vendor bill is in {bill_code}: amounts in two "
            "currencies cannot be compared. Export the PSA lines billed in "
            f"{bill_code} (or convert them), or reconcile against the {psa_code} bill."
        )
    if codes:
        return next(iter(codes))
    return psa_code or DEFAULT
