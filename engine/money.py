"""Exact money: parse every common spelling into ``Decimal`` and round half-up to the cent.

Money never touches ``float`` arithmetic. Spreadsheet cells that arrive as floats are converted through
their shortest ``repr`` (``12.1`` → ``Decimal("12.1")``), which is the value the user typed.

>>> parse_money("$1,234.50"), parse_money("(12.00)"), parse_money("1.234,50"), parse_money("2,70")
(Decimal('1234.50'), Decimal('-12.00'), Decimal('1234.50'), Decimal('2.70'))
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

CENT = Decimal("0.01")

_CURRENCY_WORDS = re.compile(
    r"\b(?:USD|EUR|GBP|AUD|NZD|CAD|CHF|SEK|NOK|DKK|ZAR|INR|JPY|SGD|HKD|BRL|PLN|MXN|US\$|A\$|NZ\$|C\$)\b"
    r"|(?<![A-Za-z])R\$"  # Brazil's real: "R$ 1.234,56"
    # South Africa's rand before a number ("R 1 234,56"), the koruna, the lira, the złoty, the
    # Nordic krone/krona, the forint, the leu written after one ("1 234,56 Kč", "1.234,56 TL")
    r"|(?<![A-Za-z])R(?=\s\d)|(?<=[\d\s])(?:Kč|Kc|TL|zł|zl|kr|Ft|lei|руб|р)\.?(?![A-Za-z])"
    # before the number: Malaysia's ringgit, Indonesia's rupiah, Peru's sol, the leu, the forint
    r"|(?<![A-Za-z])(?:RM|Rp|S/|lei|Ft|Kč|kr)\.?(?=\s?\d)"
    # the Gulf's and Egypt's currencies in Arabic letters: "1,234.50 د.إ"
    r"|د\.إ|ر\.س|ر\.ق|د\.ك|ج\.م|د\.ب|ر\.ع",
    re.IGNORECASE,
)
_SYMBOLS = re.compile(
    r"[$€£¥￥₹₺₩₪₫₱₦₴₽₸฿₨₡₲₾₼₵៛₮元円원\u00a0\u202f\u2009\s'"
    r"\u200e\u200f\u202a-\u202e\u2066-\u2069]"  # right-to-left marks around Hebrew and Arabic amounts
)
#: Marks of currencies written without decimals: "12.000 ₫" is twelve thousand dong.
_WHOLE_UNITS = re.compile(r"[₫₩¥￥円원]|\b(?:VND|KRW|JPY|IDR|CLP|ISK|Rp)\b", re.IGNORECASE)
#: Arabic-script separators: "١٬٢٣٤٫٥٠".
_ARABIC_SEPARATORS = str.maketrans({"\u066b": ".", "\u066c": ","})
#: An ISO 4217 code before or after the amount ("CZK 1 234,56", "1.234,56 TRY").
_ISO_AROUND = re.compile(r"^([A-Za-z]{3})(?=[\s\d+-])|(?<=[\d\s])([A-Za-z]{3})$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)*(?:[.,]\d*)?|[.,]\d+)$")
#: Scientific notation, as Excel writes large numbers into a CSV (``1.23457E+11``): read like the
#: number cell it came from, so a file and a pasted sheet give the same value.
_SCIENTIFIC = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d{1,4}$")


def _resolve_separators(text: str) -> str:
    """Turn a number with ``.``/``,`` separators into canonical ``1234.50`` form."""
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        # The later separator is the decimal one: 1,234.50 or 1.234,50.
        if text.rfind(",") > text.rfind("."):
            return text.replace(".", "").replace(",", ".")
        return text.replace(",", "")
    if has_comma:
        head, _, tail = text.rpartition(",")
        # 1,234 / 12,345,678 are thousands; 2,70 / 12,5 / 0,123 are decimals.
        if text.count(",") > 1 or (len(tail) == 3 and head.lstrip("+-") not in ("", "0")):
            return text.replace(",", "")
        return head.replace(",", "") + "." + tail
    if text.count(".") > 1:
        return text.replace(".", "")  # 1.234.567 (European thousands)
    return text


def parse_money(value: object) -> Decimal | None:
    """Parse one money cell; ``None`` for blank or unreadable values (the caller decides)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return Decimal(repr(value))
    text = str(value).strip()
    if not text:
        return None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.startswith(("▲", "△")):  # Japanese books write a minus as a triangle: ▲￥900
        negative, text = True, text[1:]
    if text[:3].upper() == "CR ":  # a credit marked before the amount: "CR 12.50"
        negative, text = True, text[3:]
    whole_units = _WHOLE_UNITS.search(text) is not None
    text = _CURRENCY_WORDS.sub("", text.translate(_ARABIC_SEPARATORS))
    if text[:1].isalpha() or text[-1:].isalpha():
        text = _ISO_AROUND.sub(_iso_code_gone, text)
    text = _SYMBOLS.sub("", text)
    if "/" in text:
        text = _PER_UNIT.sub("", text)  # a rate per unit: Tally's "5.96/Nos", "30.00/user"
    if text.endswith("-") and not text.startswith("-"):
        negative, text = True, text[:-1]  # SAP-style trailing minus: 12.00-
    if text.upper().endswith("CR"):
        negative, text = True, text[:-2]
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if _SCIENTIFIC.match(text):
        amount = Decimal(text)
        return -amount if negative else amount
    if not text or not _NUMBER.match(text):
        return None
    if whole_units and re.fullmatch(r"[+-]?\d{1,3}(?:[.,]\d{3})+", text):
        text = text.replace(".", "").replace(",", "")  # "12.000 ₫": thousands, never decimals
    try:
        amount = Decimal(_resolve_separators(text))
    except InvalidOperation:
        return None
    return -amount if negative else amount


#: Currencies with no minor unit (Stripe's "zero-decimal currencies"): an amount "in cents" of
#: these is in whole units.
ZERO_DECIMAL_CURRENCIES = frozenset(
    ["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG", "BIF", "DJF", "GNF", "KMF"]
)
_PER_UNIT = re.compile(r"(?<=\d)\s*/\s*[A-Za-z]{1,8}\.?$")


def _iso_code_gone(found: re.Match[str]) -> str:
    code = found.group(0)
    return "" if code.upper() in ISO_CODES else code


def round_cents(value: Fraction | Decimal | int) -> Decimal:
    """Round an exact amount half-up (away from zero) to the cent."""
    if isinstance(value, Fraction):
        return round_ratio(value.numerator, value.denominator)
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def round_ratio(numerator: int, denominator: int) -> Decimal:
    """:func:`round_cents` of numerator ÷ denominator (denominator > 0, the ratio not necessarily
    in lowest terms): products of exact amounts rounded without building a Fraction."""
    cents = (abs(numerator) * 200 + denominator) // (2 * denominator)  # half-up, in integers
    return Decimal(-cents if numerator < 0 else cents).scaleb(-2)


_ISO_CODE = re.compile(r"^[A-Z]{3}$")
#: The ISO 4217 codes a bill may be in (any three letters are not a currency: "YES", "NEW").
ISO_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "AUD",
        "NZD",
        "CAD",
        "CHF",
        "SEK",
        "NOK",
        "DKK",
        "ISK",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BGN",
        "HRK",
        "TRY",
        "ZAR",
        "INR",
        "JPY",
        "CNY",
        "HKD",
        "SGD",
        "MYR",
        "THB",
        "IDR",
        "PHP",
        "KRW",
        "TWD",
        "VND",
        "AED",
        "SAR",
        "QAR",
        "KWD",
        "BHD",
        "OMR",
        "ILS",
        "EGP",
        "NGN",
        "KES",
        "MXN",
        "BRL",
        "ARS",
        "CLP",
        "COP",
        "PEN",
        "UYU",
        "RUB",
        "UAH",
        "KZT",
        "PKR",
        "BDT",
        "LKR",
    ]
)
_CURRENCY_NAMES = {
    "US$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "C$": "CAD",
    "CA$": "CAD",
    "£": "GBP",
    "€": "EUR",
    "EURO": "EUR",
    "EUROS": "EUR",
    "POUND": "GBP",
    "STERLING": "GBP",
}


def currency_code(value: object) -> str | None:
    """An ISO 4217 code from a currency cell: ``"usd"`` → ``"USD"``, ``"£"`` → ``"GBP"``; else None."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return None
    text = str(value).strip().upper()
    if not text:
        return None
    if _ISO_CODE.match(text):
        return text if text in ISO_CODES else None
    return _CURRENCY_NAMES.get(text)


#: Excel number formats per currency: symbol, then amount; negatives in red with a minus.
_SYMBOLS_BY_CODE = {
    "USD": "$",
    "GBP": "£",
    "EUR": "€",
    "AUD": "A$",
    "CAD": "C$",
    "NZD": "NZ$",
    "SGD": "S$",
    "HKD": "HK$",
    "JPY": "¥",
    "INR": "₹",
    "ZAR": "R",
    "CHF": "CHF ",
}
_SUFFIXED = {"SEK": " kr", "NOK": " kr", "DKK": " kr", "PLN": " zł", "CZK": " Kč"}


def currency_format(code: str, *, unit: bool = False) -> str:
    """The Excel number format for money in ``code``: ``"GBP"`` → ``"£"#,##0.00;[Red]-"£"#,##0.00``.

    ``unit`` is for a price per seat or per GB: cents always, and up to two places more where the
    price has them (storage at $0.0059 per GB would show as $0.01).

    Symbols that several dollars share carry their country (A$, C$, NZ$) so a workbook shared across
    borders is not ambiguous; currencies written after the amount (kr) are; an unknown code is shown
    after the amount.
    """
    code = (code or "USD").upper()
    number = "#,##0.00##" if unit else "#,##0.00"
    if code in _SUFFIXED:
        suffix = _SUFFIXED[code]
        return f'{number}"{suffix}";[Red]-{number}"{suffix}"'
    symbol = _SYMBOLS_BY_CODE.get(code)
    if symbol is None:
        return f'{number}" {code}";[Red]-{number}" {code}"'
    return f'"{symbol}"{number};[Red]-"{symbol}"{number}'


def format_amount(value: Decimal, code: str | None = "USD") -> str:
    """``Decimal("-1234.5")``, ``"EUR"`` → ``"-€1,234.50"``: an amount as text in its currency, as
    :func:`currency_format` shows it in Excel (an unknown code stands before the amount)."""
    code = (code or "USD").strip().upper() or "USD"
    text = f"{abs(value):,.2f}"
    sign = "-" if value < 0 else ""
    if code in _SUFFIXED:
        return f"{sign}{text}{_SUFFIXED[code]}"
    symbol = _SYMBOLS_BY_CODE.get(code)
    return f"{sign}{symbol}{text}" if symbol is not None else f"{sign}{code} {text}"


def format_money(value: Decimal) -> str:
    """Plain two-place decimal for CSV/JSON: ``1234.5`` → ``"1234.50"``."""
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))
