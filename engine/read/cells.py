"""Parsing a recognised export's columns for typed lines: each distinct cell value parsed once.

Exports repeat the same prices, names and dates thousands of times, so every parser runs once per
distinct value (:func:`parsed`); the rest are small judgements about one cell or one row (a totals
row, a repeated header, a credit, a billing period from dates or a stock code).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from engine.errors import InputError
from engine.money import ZERO_DECIMAL_CURRENCIES, parse_money
from engine.read.columns import ColumnMapping
from engine.read.fields import TAXES, header_key
from engine.read.header import TOTALS as _TOTALS
from engine.read.header import Table, clean_text
from engine.read.values import (
    TIMES_PRICE,
    count_in_text,
    date_parser_for,
    is_inactive_status,
    is_not_billable,
    parse_period_months,
    parse_quantity,
    price_times,
    seats_times,
)

T = TypeVar("T")
V = TypeVar("V")
#: A charge made once, in the bills' languages: "One-time", "one-off", "non-recurring", Italian
#: "Una tantum", German "einmalig", Dutch "eenmalig", Spanish "pago único", Nordic "engangs"/
#: "engång", Polish "jednorazowa", Czech "jednorázový", Finnish "kertamaksu", Turkish "tek seferlik".
_ONE_TIME = re.compile(
    r"\bone[- ]?(?:time|off)\b|\bonetime\b|\bnon[- ]?recurring\b|\bsetup fee\b|\buna tantum\b"
    r"|\beinmalig|\beenmalig|\bpago (?:u|ú)nico\b|\bengangs|\bengång|\bjednorazow|\bjednor(?:á|a)zov"
    r"|\bkertamaksu|\btek seferlik"
    # a frequency of "Única" (Portuguese and Spanish: charged once), Indonesian "sekali bayar",
    # Japanese "初期費用" / "一時", Chinese "一次性"
    r"|^\s*(?:u|ú)nic[ao]\b|\b(?:u|ú)nic[ao]\s*$|\bsekali bayar|初期費用|一時|単発|一次性",
    re.IGNORECASE,
)
_TRIAL = re.compile(
    r"\btrial\b|\btestversion\b|\btestlizenz\b|\bproefversie\b|\bessai\b|\bprueba\b"
    r"|\bpr(?:ó|o)bn[aey]\b|\bprova\b|\bprovversion\b|\bpr(?:ø|o)ve(?:versjon|periode)?\b|\bkokeilu\b",
    re.IGNORECASE,
)


def column(table: Table, mapping: ColumnMapping, field: str) -> Sequence[object]:
    header = mapping.get(field)
    if header is None:
        return [None] * len(table.row_numbers)
    return table.data[header]


class _Memo(dict[object, object]):
    """A parser's results by cell value, computed on first lookup."""

    def __init__(self, parser: Callable[[object], object]) -> None:
        super().__init__()
        self.parser = parser

    def __missing__(self, value: object) -> object:
        self[value] = result = self.parser(value)
        return result


_DATE_FIELDS = (
    "period_start",
    "period_end",
    "subscription_end",
    "cancelled_date",
    "effective_date",
)


def date_parser(table: Table, mapping: ColumnMapping) -> Callable[[object], dt.date | None]:
    """One parser for every date column of an export, day first or month first as its dates show
    (a "From" column of 01/11/2026 is day first when its "To" column reads 30/11/2026)."""
    every = [
        value
        for name in _DATE_FIELDS
        if mapping.get(name)
        for value in dict.fromkeys(column(table, mapping, name))
    ]
    return date_parser_for(every)


def dates(
    table: Table,
    mapping: ColumnMapping,
    field: str,
    parser: Callable[[object], dt.date | None],
) -> list[dt.date | None]:
    """A date column, read with the export's :func:`date_parser`."""
    return parsed(column(table, mapping, field), parser)


def parsed(values: Sequence[V], parser: Callable[[V], T]) -> list[T]:
    """Parse each distinct value once (exports repeat the same prices and names thousands of times)."""
    if not values:
        return []
    blank = values[0]
    if (blank is None or blank == "") and values.count(blank) == len(values):
        return [parser(blank)] * len(values)  # a column not in the export, or an empty one
    if len(set(map(type, values)) - {str}) <= 1:
        # Text plus at most one other type: no two different cells are equal as dict keys (1, 1.0
        # and True would be), so the values themselves are the keys and lookups run at C speed.
        try:
            return list(map(_Memo(parser).__getitem__, values))  # type: ignore[arg-type]
        except TypeError:  # an unhashable cell value
            pass
    cache: dict[object, T] = {}
    out: list[T] = []
    append = out.append
    for value in values:
        # text keys by itself; other values with their type, so 1, 1.0 and True stay apart
        key = value if value.__class__ is str else (value.__class__, value)
        try:
            append(cache[key])
        except KeyError:
            cache[key] = result = parser(value)
            append(result)
        except TypeError:  # an unhashable cell value
            append(parser(value))
    return out


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id or name pasted as a number: 1001.0 → "1001"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return clean_text(value)


def product_text(value: object) -> str:
    """A product cell's text, without the lines a person added to the name with Alt+Enter that
    only note something ("Microsoft 365 E3" / "Benutzer: Omar Byrne, Omar Meyer", "… / Gutschrift
    – Reduzierung um 2 Lizenzen", a chat's "Sam, 15:59" above the name). A line that says how the
    line is billed stays ("Licensed users, period 01.11.2026 - 30.11.2026 (annual …)"), as does a
    name wrapped over two lines ("Microsoft 365 Business" / "Premium")."""
    text = cell_text(value)
    if "\n" not in text and "\r" not in text:
        return text
    lines = [line.strip() for line in _LINE_BREAK.split(text) if line.strip()]
    kept = [
        line
        for i, line in enumerate(lines)
        if not (_CHAT_HEADER.fullmatch(line) or (i and _only_a_note(line)))
    ]
    return " ".join(kept or lines)


def _only_a_note(line: str) -> bool:
    """A line below a product's name that notes who uses it or why it changed, and says nothing
    of the period billed: "Benutzer: …", "Ann Lee, Bo Chan", "a@b.com", "Gutschrift – …"."""
    if not _NOTE_LINE.search(line):
        return False
    return parse_period_months(line) is None and not _DATE_IN_TEXT.search(line)


_LINE_BREAK = re.compile(r"[\r\n]+")
#: A note's marks: a label ("Users: …"), names listed, an e-mail, a bullet, a dash set off.
_NOTE_LINE = re.compile(
    r"^(?:[^\W\d_][\w.'-]*\s?){1,3}:\s|^[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*(?:,\s*[^\W\d_]"
    r"[^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*)+$|@|^[-\u2013\u2014•*>]|\s[-\u2013\u2014]\s"
)
#: A chat message's header pasted above it: "Sam, 15:59", "Marta K., 08:50".
_CHAT_HEADER = re.compile(r"[^\W\d_][\w .'-]{0,30},\s*\d{1,2}:\d{2}")
_DATE_IN_TEXT = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


#: Largest quantity and amount a line may hold: far beyond any bill, and small enough that every
#: product and total stays exact in Decimal's 28 digits (1e300 or a 27-digit cell would not).
LARGEST_QUANTITY = Decimal(10) ** 9
LARGEST_AMOUNT = Decimal(10) ** 12


def quantities(table: Table, mapping: ColumnMapping) -> list[Decimal | None]:
    """Each line's quantity: its column's number, or the count its text says when no column holds
    one (a Telstra bill's "Mimecast Email Security (27 licences @ $3.60)")."""
    how = mapping.how.get("quantity")
    parser = (
        count_in_text if how == "in text" else seats_times if how == TIMES_PRICE else parse_quantity
    )
    return parsed(column(table, mapping, "quantity"), bounded(parser, table, mapping, "quantity"))


def bounded(
    parser: Callable[[object], Decimal | None], table: Table, mapping: ColumnMapping, field: str
) -> Callable[[object], Decimal | None]:
    """``parser``, refusing (in one line naming the cell) a number too large for any bill."""
    limit = LARGEST_QUANTITY if field in ("quantity", "less_included") else LARGEST_AMOUNT

    def parse(value: object) -> Decimal | None:
        number = parser(value)
        if number is not None and abs(number) >= limit:
            header = mapping.get(field) or field
            column = table.data.get(header, [])
            row = next(
                (n for n, v in zip(table.row_numbers, column, strict=False) if v is value),
                None,
            )
            shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
            where = f"column {header!r}" + (f", row {row}" if row is not None else "")
            raise InputError(
                f"{table.name}: {where} holds {shown}, a number too large for a "
                f"{field.replace('_', ' ')} (the largest accepted is {limit:,.0f}). Check that cell, "
                "or the column mapping if this is not that column, and run again."
            )
        return number

    return parse


def money_parser(
    mapping: ColumnMapping, field: str, table: Table
) -> Callable[[object], Decimal | None]:
    header = mapping.get(field) or ""
    reader: Callable[[object], Decimal | None] = (
        price_times if mapping.how.get(field) == TIMES_PRICE else parse_money
    )
    if _dots_group_thousands(table, mapping):
        reader = _with_dotted_thousands(reader)
    parse = bounded(reader, table, mapping, field)
    if (mapping.in_cents or "cents" in header_key(header)) and not _zero_decimal(table, mapping):
        return lambda value: None if (amount := parse(value)) is None else amount / 100
    return parse


_MONEY_FIELDS = ("unit_price", "unit_cost", "line_total")
_DOTTED_MILLIONS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3}){2,}")
_DOTTED_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
_DOT_DECIMALS = re.compile(r"\.\d{1,2}$|\.\d{4,}$")


def _dots_group_thousands(table: Table, mapping: ColumnMapping) -> bool:
    """The export writes whole amounts with dots between thousands and no decimals at all (an
    Indonesian "Harga Satuan" of "130.000" beside a "Jumlah" of "3.120.000"): a dot followed by
    three digits is then a thousands dot, never a decimal point. Told by the file's own amounts
    (their currency around them set aside: "Rp 2.280", "1.980 ₫"): none with a comma or another
    count of decimals, and one with two such dots, or lines whose seats × price give their dotted
    total read so (small amounts: "2.720" for 40 seats at 68)."""
    texts = {
        _bare_amount(value)
        for field in _MONEY_FIELDS
        if mapping.get(field)
        for value in set(column(table, mapping, field))
        if isinstance(value, str)
    }
    if any("," in text or _DOT_DECIMALS.search(text) for text in texts):
        return False
    if any(text.count(".") >= 2 and _DOTTED_MILLIONS.fullmatch(text) for text in texts):
        return True
    return _thousands_tie_the_lines(table, mapping)


#: Lines whose dotted total must tie as thousands before one dot alone says so.
_FEWEST_TIES = 3


def _thousands_tie_the_lines(table: Table, mapping: ColumnMapping) -> bool:
    """No amount has two dots (small amounts: "2.720"), but the lines say how to read one: 40 seats
    at 68 are 2,720, the dot a thousands dot, on most of the lines whose total has one."""
    if not (mapping.get("line_total") and mapping.get("quantity")):
        return False
    prices = "unit_price" if mapping.get("unit_price") else "unit_cost"
    if not mapping.get(prices):
        return False
    ties = misses = 0
    for total, quantity, price in zip(
        column(table, mapping, "line_total"),
        column(table, mapping, "quantity"),
        column(table, mapping, prices),
        strict=True,
    ):
        if not (isinstance(total, str) and _DOTTED_THOUSANDS.fullmatch(_bare_amount(total))):
            continue
        seats, unit = parse_quantity(quantity), parse_money(price)
        thousands = parse_money(_bare_amount(total).replace(".", ""))
        if seats is None or unit is None or thousands is None:
            continue
        if abs(seats * unit - thousands) <= abs(seats) / 100 + Decimal("0.01"):
            ties += 1
        else:
            misses += 1
    return ties >= _FEWEST_TIES and ties >= 4 * misses


def _with_dotted_thousands(
    reader: Callable[[object], Decimal | None],
) -> Callable[[object], Decimal | None]:
    def read(value: object) -> Decimal | None:
        if isinstance(value, str) and _DOTTED_THOUSANDS.fullmatch(bare := _bare_amount(value)):
            return reader(bare.replace(".", ""))
        return reader(value)

    return read


def _bare_amount(text: str) -> str:
    """An amount without the currency written around it ("Rp 2.280", "1.980 ₫")."""
    return _AROUND_AMOUNT.sub("", text)


_AROUND_AMOUNT = re.compile(r"^[^\d+-]+|(?<=\d)[^\d]+$")


def _zero_decimal(table: Table, mapping: ColumnMapping) -> bool:
    """The lines are all in a currency with no minor unit: a "cents" column holds whole yen
    (Recurly's ``unit_amount_in_cents`` for JPY)."""
    currencies = {cell_text(v).strip().upper() for v in column(table, mapping, "currency")}
    currencies.discard("")
    return bool(currencies) and currencies <= ZERO_DECIMAL_CURRENCIES


def starts_with_total(text: str) -> bool:
    return _TOTALS.match(text) is not None


def totals_rows(
    clients: list[str],
    products: list[str],
    first_cells: Sequence[object],
    table: Table | None = None,
) -> set[int]:
    """Positions of totals rows: "Total"/"Grand total" where the client or product would be, with
    the other empty; a row with no product whose only words start with a total word wherever they
    stand ("Subtotal" under the unit prices of a statement written in blocks); and an invoice's
    closing rows, whose product is a total or a tax alone ("Invoice total", "VAT 20%"). Most
    exports have none of them."""
    found: set[int] = set()
    if "" in clients or "" in products:  # two scans at C speed: the usual case has neither
        found = {
            i
            for i, (client, product) in enumerate(zip(clients, products, strict=True))
            if (not client or not product)
            and (
                (starts_with_total(client) and not product)
                or (starts_with_total(product) and not client)
                or (starts_with_total(cell_text(first_cells[i])) and not product)
                or (not product and table is not None and _totals_row_elsewhere(table, i, client))
            )
        }
    closing = {p for p in set(products) if p and _CLOSING_ROW.match(p)}
    if closing:
        found.update(i for i, product in enumerate(products) if product in closing)
    return found


#: An invoice's closing rows, named where its lines name products: a total or a tax alone.
_CLOSING_ROW = re.compile(
    rf"^\s*(?:(?:sub|invoice|grand|net)\s*-?\s*)?totals?\s*:?\s*$"
    rf"|^\s*(?:{TAXES}|sales\s+tax)\b[\s\d.,%()]*$",
    re.IGNORECASE,
)


def _totals_row_elsewhere(table: Table, position: int, client: str) -> bool:
    """The row's text cells but its customer's all start with a total word (its numbers are the
    total)."""
    texts = [
        text
        for header in table.headers
        if (text := cell_text(table.data[header][position]))
        and any(ch.isalpha() for ch in text)
        and text.strip() != client
    ]
    return bool(texts) and all(starts_with_total(text) for text in texts)


def repeated_header_rows(table: Table, mapping: ColumnMapping) -> set[int]:
    """Positions of rows that repeat the header (exports concatenated from several pages)."""
    headers = list(mapping.columns.values())
    needed = max(2, len(headers) // 2)
    first = table.data[headers[0]]
    candidates = [i for i, v in enumerate(first) if v.__class__ is str and v.strip() == headers[0]]
    if not candidates:  # the usual case: one pass over one column
        second = table.data[headers[1]] if len(headers) > 1 else []
        candidates = [
            i for i, v in enumerate(second) if v.__class__ is str and v.strip() == headers[1]
        ]
    rows = set()
    for position in candidates:
        hits = sum(
            isinstance(v := table.data[h][position], str) and v.strip() == h for h in headers
        )
        if hits >= needed:
            rows.add(position)
    return rows


def priced(
    quantity: Decimal | None, unit: Decimal | None, total: Decimal | None
) -> tuple[Decimal | None, Decimal | Fraction | None, Decimal | None]:
    """(quantity, unit price, amount) of a line: the unit from its column, else the line total ÷
    quantity; the amount from the total, else quantity × unit. A negative amount with a positive
    quantity is a credit, so the quantity turns negative (seats come off)."""
    if unit is not None:
        amount = total if total is not None else (quantity * unit if quantity is not None else None)
        priced: Decimal | Fraction | None = unit
    elif total is not None and quantity:
        priced, amount = Fraction(total) / Fraction(quantity), total
    else:
        priced, amount = None, total
    if quantity is not None and quantity > 0 and amount is not None and amount < 0:
        quantity = -quantity
    return quantity, priced, amount


_COMMITMENT = (
    (re.compile(r"\b(?:three|3)[- ]?(?:3 )?years?\b|\bP3Y\b|\b36 ?months?\b", re.I), 36),
    (re.compile(r"\b(?:two|2)[- ]?years?\b|\bP2Y\b", re.I), 24),
    (
        re.compile(
            r"\b(?:one|1)[- ]?year\b|\bannual(?:ly)?\b|\byearly\b|\bP1Y\b|\b12 ?months?\b", re.I
        ),
        12,
    ),
    (re.compile(r"\b(?:one|1)[- ]?month\b|\bmonthly\b|\bP1M\b", re.I), 1),
)


def commitment_months(value: object) -> int | None:
    """How long a subscription commits: "One-Year commitment for monthly billing" → 12, Pax8's
    "Annual" → 12, "Monthly" → 1 (the commitment, not the billing cycle); None if not said."""
    text = cell_text(value)
    if not text:
        return None
    text = text.split(" for ")[0]  # Partner Center: the billing cycle follows "for"
    for pattern, months in _COMMITMENT:
        if pattern.search(text):
            return months
    return None


def months_from_dates(start: dt.date | None, end: dt.date | None) -> int | None:
    if start is None or end is None or end < start:
        return None
    days = (end - start).days
    if days >= 330:
        return 12 * max(1, round(days / 365))
    if 80 <= days <= 100:
        return 3
    if 27 <= days <= 31:
        return 1
    return None


#: A billed span written in a description: "(01/09/2026 - 31/08/2027)", "1.9.2026 – 31.8.2027".
_DATE = r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})"
_SPAN = re.compile(
    rf"{_DATE}\s*(?:--?|–|—|to|bis|au|al|t/m|tot)\s*{_DATE}",
    re.IGNORECASE,
)


def months_in_text(text: str) -> int | None:
    """Months a span of dates in a description covers (a PSA invoice that says what it bills for
    only there); None without one. Day and month are read in the one order that makes both dates
    real, day first when both do."""
    if not text or not any(c.isdigit() for c in text):
        return None
    if (found := _SPAN.search(text)) is None:
        return _months_numbered(text) or _months_named(text)
    span = _span_dates(found)
    return months_from_dates(*span) if span is not None else None


def span_months(value: object) -> int | None:
    """Months a cell's span of dates covers ("01.11.2026 – 31.10.2027"); None without one."""
    if not isinstance(value, str) or (found := _SPAN.search(value)) is None:
        return None
    span = _span_dates(found)
    return months_from_dates(*span) if span is not None else None


def span_end(value: object) -> dt.date | None:
    """The last day of a span of dates in a cell ("01.09.2026 – 30.09.2026"); None without one."""
    if not isinstance(value, str) or (found := _SPAN.search(value)) is None:
        return None
    span = _span_dates(found)
    return span[1] if span is not None else None


def _span_dates(found: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    """A span's two dates, day and month read in the one order that makes both real (day first
    when both orders do)."""
    parts = [int(g) for g in found.groups()]
    for order in ("dmy", "mdy", "ymd"):
        start, end = _date(parts[:3], order), _date(parts[3:], order)
        if start is not None and end is not None and start <= end:
            return start, end
    return None


#: The first letters of month names in the bills' languages (English, German, French, Spanish,
#: Dutch, Nordic, Italian, Portuguese): "Nov 2026 - Oct 2027", "Okt. 2026 – Sep. 2027".
_MONTH_STEMS = {
    "jan": 1, "ene": 1, "gen": 1, "jän": 1, "janv": 1,
    "feb": 2, "fév": 2, "fev": 2, "febr": 2,
    "mar": 3, "mär": 3, "maa": 3,
    "apr": 4, "avr": 4, "abr": 4,
    "may": 5, "mai": 5, "mei": 5, "maj": 5, "mag": 5, "mayo": 5, "maio": 5,
    "jun": 6, "juin": 6, "giu": 6,
    "jul": 7, "juil": 7, "lug": 7,
    "aug": 8, "aoû": 8, "aou": 8, "ago": 8,
    "sep": 9, "set": 9, "sept": 9,
    "oct": 10, "okt": 10, "ott": 10, "out": 10,
    "nov": 11,
    "dec": 12, "dez": 12, "déc": 12, "dic": 12,
}  # fmt: skip
_MONTH_YEAR = r"([a-zäéû]{3,9})\.?\s+(\d{4})"
_NAMED_SPAN = re.compile(
    rf"\b{_MONTH_YEAR}\s*(?:--?|–|—|to|bis|au|al|t/m|tot)\s*{_MONTH_YEAR}", re.IGNORECASE
)


#: A span of months written as numbers: "11.2026–10.2027", "11/2026 - 10/2027".
_MONTH_SPAN = re.compile(
    r"(?<![\d./-])(\d{1,2})[./-](\d{4})\s*(?:--?|–|—|to|bis|au|al|t/m|tot)\s*(\d{1,2})[./-](\d{4})\b"
)


def _months_numbered(text: str) -> int | None:
    """Months a span of numbered months covers ("11.2026–10.2027" → 12), counting both ends."""
    found = _MONTH_SPAN.search(text)
    if found is None:
        return None
    start, start_year, end, end_year = (int(g) for g in found.groups())
    if not (1 <= start <= 12 and 1 <= end <= 12):
        return None
    months = (end_year - start_year) * 12 + end - start + 1
    return months if months in (1, 3, 6, 12, 24, 36) else None


def _months_named(text: str) -> int | None:
    """Months a span of named months covers ("Nov 2026 - Oct 2027" → 12), counting both ends."""
    found = _NAMED_SPAN.search(text)
    if found is None:
        return None
    first, start_year, last, end_year = found.groups()
    start, end = _month_number(first), _month_number(last)
    if start is None or end is None:
        return None
    months = (int(end_year) - int(start_year)) * 12 + end - start + 1
    return months if months in (1, 3, 6, 12, 24, 36) else None


def _month_number(word: str) -> int | None:
    word = word.lower()
    return _MONTH_STEMS.get(word[:4]) or _MONTH_STEMS.get(word[:3])


def _date(parts: list[int], order: str) -> dt.date | None:
    values = dict(zip(order, parts, strict=True))
    year = values["y"] + (2000 if values["y"] < 100 else 0)
    try:
        return dt.date(year, values["m"], values["d"]) if year >= 1990 else None
    except ValueError:
        return None


def vendor_ids(pair: tuple[str, str]) -> tuple[str, ...]:
    """A vendor line's product ids, most specific first: ``product:sku`` (Partner Center), product."""
    product_id, sku = pair
    if not product_id:
        return ()
    return (f"{product_id}:{sku}", product_id) if sku else (product_id,)


ONE_TIME_CHARGE, TRIAL_TERMS, RECURRING = "one-time", "trial", "recurring"


def terms_kind(terms: str) -> str:
    """What a line's billing words (frequency, term, charge type) say it is."""
    if _ONE_TIME.search(terms):
        return ONE_TIME_CHARGE
    return TRIAL_TERMS if _TRIAL.search(terms) else RECURRING


def mentions_trial(text: str) -> bool:
    return _TRIAL.search(text) is not None


def first_column(table: Table) -> Sequence[object]:
    return table.data[table.headers[0]] if table.headers else [None] * len(table.row_numbers)


def inactive(status: object) -> bool:
    """A status cell that says the line is not billed (``Cancelled``, or a ``False`` Active box)."""
    text = cell_text(status)
    return bool(text) and is_inactive_status(status if isinstance(status, bool) else text)


def is_true(flag: object) -> bool:
    """A yes/no cell that says yes (``true``, ``Yes``, ``1``, ``Y``, a ticked box)."""
    if isinstance(flag, bool):
        return flag
    if isinstance(flag, int | float):
        return flag == 1
    return cell_text(flag).strip().lower() in _YES


#: Yes in the exports' languages (Fortnox's "Makulerad: Ja", a French "Oui").
_YES = frozenset(
    ["true", "yes", "y", "1", "paused", "x", "ja", "oui", "si", "sí", "sim", "tak", "kyllä"]
)


def not_billable(flag: object) -> bool:
    return flag is not None and is_not_billable(flag if isinstance(flag, bool) else cell_text(flag))


def shown(value: object) -> str:
    return "(blank)" if value is None or str(value).strip() == "" else repr(cell_text(value))
