"""A percentage off each line's unit price, in a column of its own, where no line total shows it.

Xero's sales invoices carry "UnitAmount" and "Discount" (a percentage: 50 is half off) and no
line amount; a charity billed 37 × 39.80 at 50 % off pays 19.90 a seat. Where the export gives a
line total too, the total says the discount already (:func:`engine.lines.psa._psa_amounts`).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from engine.read import cells
from engine.read.columns import ColumnMapping
from engine.read.header import Table

#: A number, perhaps as a spreadsheet wrote it in scientific form ("2E+1" is 20: Excel re-saving a
#: CSV's "20").
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?(?:[eE][+-]?\d{1,2})?")


def discount_rates(table: Table, mapping: ColumnMapping) -> list[Decimal | None] | None:
    """Each line's percentage off (50 for half), or None for every line when the export has no
    such column or gives each line's total."""
    if mapping.get("discount_rate") is None or mapping.get("line_total") is not None:
        return None
    return [_percent(value) for value in cells.column(table, mapping, "discount_rate")]


def _percent(value: object) -> Decimal | None:
    """50, "50%", "12.5 %", "12,5", "5E+1": the percentage; nothing, 0 or 100 and more is none."""
    if value is None or isinstance(value, bool):
        return None
    found = _NUMBER.search(str(value))
    if found is None:
        return None
    try:
        percent = Decimal(found[0].replace(",", "."))
    except InvalidOperation:
        return None
    return percent if 0 < percent < 100 else None


def less_percent(unit: Decimal | None, percent: Decimal | None) -> Decimal | None:
    """The unit price less the percentage, exactly (39.80 less 50 % is 19.90; 4.67 less 12.5 %
    is 4.08625)."""
    if unit is None or percent is None:
        return unit
    return unit * (100 - percent) / 100
