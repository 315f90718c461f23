"""A bill whose lines come in several currencies, each converted into the invoice's one.

Exclusive Networks' cloud billing detail gives each line in its source currency ("Source Currency"
USD or EUR, "Unit Price (Source)", "Line Total (Source)"), the rate, and the amounts in the invoice
currency ("Unit Price (EUR)", "Line Total (EUR)"). What the MSP pays is the invoice's: the amounts
are read from the columns whose header names that one currency, and the source currency column is
no longer the export's currency (the currency is then read from those headers), nor is the rate
applied again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from engine.money import ISO_CODES, currency_code
from engine.read.fields import FIELDS, Side, header_key, match_score

_MONEY_FIELDS = ("unit_cost", "unit_price", "line_total")
_CODE = re.compile(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])")


def header_currency(header: str) -> str | None:
    """The one ISO currency code a header names ("Line Total (EUR)"), or None."""
    codes = {code for code in _CODE.findall(header) if code in ISO_CODES}
    return next(iter(codes)) if len(codes) == 1 else None


def read_converted(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """Where the currency column holds several currencies and the money fields each have a column
    naming one currency, the money is read from those, and the currency column set aside; a unit
    price with no such column (Sage Intacct gives only "Base amount (GBP)") is the converted
    total's share of each seat."""
    held = columns.get("currency")
    if held is None or how.get("currency") == "user":
        return
    codes = {code for value in data[held][:2000] if (code := currency_code(value)) is not None}
    if len(codes) < 2:
        return
    by_code: dict[str, list[str]] = {}
    for header in headers:
        if (code := header_currency(header)) is not None:
            by_code.setdefault(code, []).append(header)
    if len(by_code) != 1:
        return
    stated = next(iter(by_code.values()))
    fields = {f.name: f for f in FIELDS[side]}
    chosen: dict[str, str] = {}
    unstated: list[str] = []
    for name in _MONEY_FIELDS:
        if name not in columns or name not in fields:
            continue
        scored = [
            (score, header)
            for header in stated
            if (score := match_score(fields[name], header_key(_CODE.sub(" ", header)))) > 0
        ]
        if not scored:
            unstated.append(name)
            continue
        chosen[name] = max(scored)[1]
    if unstated and (unstated == ["line_total"] or "line_total" not in chosen):
        return  # a total with no column in the invoice's currency: leave it all
    if not chosen or len(set(chosen.values())) != len(chosen):
        return
    for name, header in chosen.items():
        columns[name], how[name] = header, "content"
    for name in unstated:  # Sage Intacct's "Rate (txn)": the unit is the converted total's share
        del columns[name], how[name]
    del columns["currency"], how["currency"]
    if "exchange_rate" in columns and how.get("exchange_rate") != "user":
        del columns["exchange_rate"], how["exchange_rate"]  # those amounts are converted already
