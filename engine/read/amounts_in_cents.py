"""A bill whose title says its amounts are in cents ("Importes en céntimos de euro (sin IVA)").

Some exports write money as whole cents and say so once, in a title row above the header, never
in the money columns' headers. The title alone is not enough: every amount the bill states must be
a whole number too (a bill in euros with cents beside a note on cents is read as it is).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from engine.money import parse_money
from engine.read.columns import ColumnMapping
from engine.read.header import Table

#: A title saying the amounts are in the currency's minor unit, in the bills' languages.
_IN_CENTS = re.compile(
    r"\b(?:cents|eurocents|céntimos|centimos|centimes|centavos|centesimi|cent|pence|öre|øre"
    r"|groszach|haléřích)\b",
    re.IGNORECASE,
)
#: Words of a title that speak of amounts.
_AMOUNTS = re.compile(
    r"amount|price|importe|precio|montant|prix|betr[aä]g|preis|bedrag|prijs|import|prezz|valor"
    r"|belopp|bel[oø]p|kwot|[čc]ástk|sum",
    re.IGNORECASE,
)
_MONEY_FIELDS = ("unit_cost", "unit_price", "line_total")
_SAMPLE = 500


def amounts_in_cents(
    title_rows: Sequence[Sequence[object]], table: Table, mapping: ColumnMapping
) -> bool:
    """The title above the header says the amounts are in cents, and every amount is whole."""
    titles = " ".join(str(v) for row in title_rows for v in row if isinstance(v, str))
    if not titles or _IN_CENTS.search(titles) is None or _AMOUNTS.search(titles) is None:
        return False
    amounts = [
        amount
        for field in _MONEY_FIELDS
        if (header := mapping.get(field)) is not None
        for value in table.data[header][:_SAMPLE]
        if (amount := parse_money(value)) is not None
    ]
    return bool(amounts) and all(amount == amount.to_integral_value() for amount in amounts)
