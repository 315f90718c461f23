"""Shared pieces of the renderers: number and date styles, and what a rendered file reports back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass
class Rendered:
    """A written export: its file name, the sheet that holds the lines, and line -> row numbers.

    Row numbers are 1-based as a spreadsheet shows them (a CSV's first record is row 1; a record
    with a multi-line cell is still one row)."""

    file: str
    sheet: str | None
    rows: dict[int, int] = field(default_factory=dict)


def num(
    value: Decimal | int,
    *,
    places: int = 2,
    thousands: str = ",",
    point: str = ".",
    symbol: str = "",
    parens: bool = False,
    suffix: str = "",
) -> str:
    """A number as an export writes it: separators, a currency symbol, negatives as -x or (x)."""
    d = Decimal(value)
    neg = d < 0
    text = f"{abs(d):,.{places}f}"
    text = text.replace(",", "\x00").replace(".", point).replace("\x00", thousands)
    text = symbol + text + suffix
    if neg:
        return f"({text})" if parens else "-" + text
    return text


def dmy(d: date, sep: str = "/") -> str:
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def mdy(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def iso(d: date) -> str:
    return d.isoformat()


MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def dmon(d: date) -> str:
    return f"{d.day:02d}-{MONTHS[d.month - 1]}-{d.year}"
