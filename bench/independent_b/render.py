"""Writing helpers shared by the formats: money and date spellings, CSV and xlsx files.

Row numbers in truth.json are the 1-based row numbers a spreadsheet shows for the file (the header
row and any title rows count; a CSV line is one row).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

SYMBOL = {"USD": "$", "CAD": "$", "AUD": "$", "GBP": "£", "EUR": "€"}
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def dec(cents: int | Fraction) -> Decimal:
    if isinstance(cents, Fraction):
        return Decimal(cents.numerator) / Decimal(cents.denominator) / 100
    return Decimal(cents) / 100


def plain(cents: int, places: int = 2, comma: bool = False) -> str:
    """1234.50 (or 1234,50 with a decimal comma); negative with a leading minus."""
    text = f"{dec(cents):.{places}f}"
    return text.replace(".", ",") if comma else text


def grouped(cents: int, comma: bool = False) -> str:
    """1,234.50 or, with a decimal comma, 1.234,50."""
    text = f"{abs(dec(cents)):,.2f}"
    if comma:
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if cents < 0 else "") + text


def money(cents: int, currency: str, negative: str = "minus") -> str:
    """A money cell the way an export prints it in that currency: $1,234.50, £12.00, 1.234,50 €.
    `negative`: "minus" (-$12.00) or "paren" (($12.00))."""
    if currency == "EUR":
        return grouped(cents, comma=True) + " €"
    body = f"{SYMBOL[currency]}{abs(dec(cents)):,.2f}"
    if cents >= 0:
        return body
    return f"({body})" if negative == "paren" else "-" + body


def date_of(ymd: tuple[int, int, int]) -> dt.date:
    return dt.date(*ymd)


def us_date(d: dt.date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def us_date0(d: dt.date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def uk_date(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def eu_date(d: dt.date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def dmy_upper(d: dt.date) -> str:
    return f"{d.day:02d}-{MONTHS[d.month - 1]}-{d.year}"


def iso(d: dt.date) -> str:
    return d.isoformat()


def year_end(start: dt.date) -> dt.date:
    return dt.date(start.year + 1, start.month, start.day) - dt.timedelta(days=1)


def write_csv(
    path: Path,
    rows: Sequence[Sequence[Any]],
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
) -> None:
    with path.open("w", encoding=("utf-8-sig" if bom else encoding), newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])


def write_xlsx(
    path: Path,
    sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]],
    money_format: str = "#,##0.00",
    bold_rows: dict[str, set[int]] | None = None,
) -> None:
    """Write sheets with xlsxwriter, reproducibly (fixed document dates)."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path), {"strings_to_numbers": False, "strings_to_formulas": False}
    )
    workbook.set_properties({"created": dt.datetime(2026, 12, 1, 8, 0, 0), "author": "Billing"})
    date_fmt = workbook.add_format({"num_format": "yyyy-mm-dd"})
    money_fmt = workbook.add_format({"num_format": money_format})
    bold = workbook.add_format({"bold": True})
    for name, rows in sheets:
        sheet = workbook.add_worksheet(name)
        strong = (bold_rows or {}).get(name, set())
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, dt.date):
                    sheet.write_datetime(
                        r, c, dt.datetime(value.year, value.month, value.day), date_fmt
                    )
                elif isinstance(value, Decimal):
                    sheet.write_number(r, c, float(value), money_fmt)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value)
                elif r in strong:
                    sheet.write_string(r, c, str(value), bold)
                else:
                    sheet.write_string(r, c, str(value))
    workbook.close()
