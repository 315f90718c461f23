"""Unit prices that include tax, with the rate beside them: the price before tax is the price.

Some accounting systems export what the client pays ("Birim Fiyat (KDV Dahil)", "Einzelpreis
brutto", "Prix unitaire TTC") with the tax rate in a column of its own ("KDV Oranı %20"). The
licence's price is the one before tax: 82.20 at 20 % is 68.50. A price whose header says it
includes tax is read so only when the rate is given: a price alone is taken as it stands.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from engine.read import cells
from engine.read.columns import ColumnMapping
from engine.read.fields import header_key
from engine.read.header import Table

#: A header that says its amount includes tax: "(KDV Dahil)", "inkl. MwSt", "brutto", "TTC",
#: "incl. VAT", "gross", "s DPH", "včetně DPH", "IVA incluido".
_INCLUDED = re.compile(
    r"(?:incl|inkl|including|inclusive|inklusive|dahil|brutto|gross|ttc|vcetne|sdph|incluido"
    r"|incluida|iva\s*inc|medmoms|inkmoms)"
)
_RATE = re.compile(r"-?\d+(?:[.,]\d+)?")


def tax_rates(table: Table, mapping: ColumnMapping) -> list[Fraction | None] | None:
    """Each line's tax rate (0.2 for 20 %) when its unit price includes tax and a rate is given;
    None when the prices are before tax, as most are."""
    price, rate = mapping.get("unit_price"), mapping.get("tax_rate")
    if price is None or rate is None or not _INCLUDED.search(header_key(price)):
        return None
    return [_rate(value) for value in cells.column(table, mapping, "tax_rate")]


def gross_totals(table: Table, mapping: ColumnMapping) -> list[Decimal | None]:
    """Each line's total with tax, from a free column whose header says so ("Toplam (KDV
    Dahil)", "Gesamt brutto"); None for every line when there is no such column."""
    taken = set(mapping.columns.values())
    parse = cells.money_parser(mapping, "unit_price", table)  # the same number style
    for header in table.data:
        key = header_key(header)
        if header not in taken and _INCLUDED.search(key) and _TOTAL.search(key):
            return [parse(value) for value in table.data[header]]
    return [None] * len(table.row_numbers)


_TOTAL = re.compile(r"total|toplam|gesamt|summe|betrag|amount|celkem|spolu|montant|importe")


def before_tax(unit: Decimal | None, rate: Fraction | None) -> Decimal | None:
    """An amount before tax, to the hundredth of a cent (82.20 at 20 % is 68.50)."""
    if unit is None or rate is None:
        return unit
    exact = Fraction(unit) / (1 + rate)
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.0001"))


def _rate(value: object) -> Fraction | None:
    """20, "20 %", "%20", "0.20", "20,0": the rate as a fraction; a number of 1 or less is the
    fraction itself."""
    if value is None or isinstance(value, bool):
        return None
    found = _RATE.search(str(value))
    if found is None:
        return None
    try:
        number = Fraction(Decimal(found[0].replace(",", ".")))
    except (InvalidOperation, ValueError):
        return None
    if number < 0 or number >= 100:
        return None
    return number if number <= 1 and "%" not in str(value) else number / 100
