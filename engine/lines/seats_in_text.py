"""A line whose seats are written in its description and whose quantity is one: the seats it says.

Old ledgers and hand-kept invoices fold a licence's seats into the text and bill the line once:
"12 x M365 Bus Prem", quantity 1, price 264.00 — twelve seats at 22.00, not one seat at 264.00
(read as written, the client looks eleven seats under-billed and the price eleven times the
cost). Only where the quantity is exactly one, the text begins with the count and a multiplier
("12 x", "12×"), and the count is two or more: the line's amount is then spread over the seats.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

#: "12 x M365 Bus Prem", "12× Keeper", "12 X Visio": the seats, then the product.
_COUNT_FIRST = re.compile(r"^\s*(\d{1,5})\s*[x\u00d7]\s*(?=[^\W\d_])", re.IGNORECASE)


def with_seats_in_text(
    products: list[str],
    quantities: list[Decimal | None],
    units: list[Decimal | Fraction | None],
    amounts: list[Decimal | None],
) -> None:
    """Give each line of one seat whose text says its seats first those seats, and the unit price
    its amount spread over them (exact: a Fraction where it is not a whole number of cents)."""
    for i, text in enumerate(products):
        if quantities[i] != 1 or not text or (found := _COUNT_FIRST.match(text)) is None:
            continue
        seats = int(found[1])
        amount = amounts[i] if amounts[i] is not None else units[i]
        if seats < 2 or amount is None:
            continue
        quantities[i] = Decimal(seats)
        share = Fraction(amount) / seats
        exact = Decimal(share.numerator) / Decimal(share.denominator)
        units[i] = exact if Fraction(exact) == share else share
