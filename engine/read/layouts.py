"""Layouts a person reads without thinking, put into plain rows before columns are recognised.

- **Continuation rows** (Odoo's subscription lines): the customer, the recurrence and the stage are
  written on a subscription's first line only; the lines below leave them blank. Each blank is the
  value above it.
- **Minor units** (Stripe's ``unit_amount_decimal`` and ``amount``): money in cents, and a
  description Stripe writes as ``126 × Name (at €61.73 / month)``.
- **A customer named above the header** ("Bill To: Contoso" on an invoice pasted from a PDF): the
  first invoice's customer, before the group rows that name the next ones.
- **Voucher rows** (Tally's Sales Register): a voucher row (date, number, status) names the
  customer in the same column where the item rows below it name the products.
- **A count after a group's name** (ConnectWise's grouped views: "Company: Contoso Ltd (8 items)"):
  the number of lines below it, not part of the name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import groupby

from engine.match.legal_forms import ends_in_legal_form
from engine.money import ZERO_DECIMAL_CURRENCIES, parse_money
from engine.read.fields import CLIENT_ID_SYNONYMS, CLIENT_SYNONYMS, header_key, names_a_client

#: A row continues the one above when its customer cell is blank and it holds at least this share
#: of what the first line holds.
_CONTINUES = 0.5


def _client_headers(headers: Sequence[str], data: Mapping[str, Sequence[object]]) -> list[str]:
    """The customer's column: by its name, else (Odoo's "Partner") the one text column whose
    filled values mostly end in a legal form ("Ltd", "GmbH", "Inc.")."""
    named = [h for h in headers if header_key(h) in CLIENT_SYNONYMS]
    if named:
        return named
    return [h for h in headers if _mostly_companies(data[h])][:1]


def _mostly_companies(values: Sequence[object]) -> bool:
    names = {str(v).strip() for v in values[:2000] if isinstance(v, str) and v.strip()}
    # the name before any ", contact" (Odoo's "Company, Contact")
    companies = sum(ends_in_legal_form(n.split(",")[0]) for n in names)
    return len(names) >= 3 and companies >= 0.5 * len(names)


def blank(value: object) -> bool:
    """An empty cell: nothing, or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def fill_continuation_rows(headers: Sequence[str], data: dict[str, list[object]]) -> bool:
    """Fill the customer (and every column blank on all continuation rows) from the row above.
    Returns whether anything was filled."""
    clients = _client_headers(headers, data)
    if len(clients) != 1:
        return False
    client = data[clients[0]]
    rows = len(client)
    if rows < 2 or blank(client[0]):
        return False
    width = sum(not blank(data[h][0]) for h in headers)
    continuing = [
        i
        for i in range(1, rows)
        if blank(client[i]) and sum(not blank(data[h][i]) for h in headers) >= _CONTINUES * width
    ]
    if not continuing or len(continuing) > 0.9 * rows:
        return False
    if _numbered(headers, data, continuing):
        return False
    filled = [h for h in headers if all(blank(data[h][i]) for i in continuing)]
    for header in filled:
        column = data[header]
        for i in continuing:
            column[i] = column[i - 1]
    return True


def _numbered(
    headers: Sequence[str], data: Mapping[str, Sequence[object]], rows: list[int]
) -> bool:
    """Each of the rows has a customer number (an Autotask export that left some lines' Account
    Name blank, in any order): the number, not the row above, says whose line it is, and the
    lines are named by it later (``engine.lines.psa``)."""
    return any(
        header_key(h) in CLIENT_ID_SYNONYMS and not any(blank(data[h][i]) for i in rows)
        for h in headers
    )


#: Stripe's API fields, in the currency's smallest unit.
_MINOR_UNIT_FIELDS = ("unit_amount", "unit_amount_decimal")
_MINOR_UNIT_MONEY = frozenset(
    ["unitamount", "unitamountdecimal", "amount", "amountexcludingtax", "subtotal", "total"]
)
_STRIPE_QUANTITY = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*[×x]\s+")
_STRIPE_PRICE = re.compile(r"\s*\(at [^()]*/\s*\w+\)\s*$", re.IGNORECASE)


def minor_units_to_money(headers: Sequence[str], data: dict[str, list[object]]) -> bool:
    """Stripe's amounts in cents become money; its descriptions lose the count and price it
    writes around the product. Returns whether the table was Stripe's."""
    keys = {header_key(h): h for h in headers}
    stripe = [h for h in headers if h.strip() in _MINOR_UNIT_FIELDS]  # its own snake_case names
    if not stripe or not all(_whole(v) for h in stripe for v in data[h]):
        return False  # Xero's "UnitAmount" is money with its cents
    currencies = {str(v).strip().upper() for v in data.get(keys.get("currency", ""), []) if v}
    scale = Decimal(1) if currencies and currencies <= ZERO_DECIMAL_CURRENCIES else Decimal(100)
    for key, header in keys.items():
        if key in _MINOR_UNIT_MONEY:
            data[header] = [_scaled(v, scale) for v in data[header]]
    if (description := keys.get("description")) is not None:
        data[description] = [_stripe_text(v) for v in data[description]]
    return True


def _whole(value: object) -> bool:
    """Blank, or a whole number of the currency's smallest unit ("6173")."""
    if blank(value):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, str) and value.strip().lstrip("-").isdigit()


def _scaled(value: object, scale: Decimal) -> object:
    if blank(value) or isinstance(value, bool):
        return value
    try:
        return Decimal(str(value).strip()) / scale
    except InvalidOperation:
        return value


def _stripe_text(value: object) -> object:
    if not isinstance(value, str):
        return value
    return _STRIPE_PRICE.sub("", _STRIPE_QUANTITY.sub("", value))


#: A label before a colon ("Bill To:", "Endkunde:", "Cliente final:"); never inside brackets
#: ("Ashford Accountants (attn: Accounts)" is a name with a note, not a label and a name).
_LABEL = re.compile(r"^\s*([^:\d()\[\]]{2,30}?)\s*:\s*(?=\S)")


def labelled_customer(text: str) -> str | None:
    """The name after a label that names the customer ("Bill To: Contoso" → "Contoso"), if one."""
    found = _LABEL.match(text)
    if found is None or not names_a_client(found.group(1)):
        return None
    return text[found.end() :].strip()


def customer_above_header(rows_above: Sequence[Sequence[object]]) -> str | None:
    """The customer an invoice names above its header ("Bill To: Contoso"), if one."""
    for row in reversed(rows_above):
        if (name := block_title(row)) is not None:
            return name
    return None


def block_title(row: Sequence[object]) -> str | None:
    """The customer a row names alone with its label, other labelled notes beside it at most: a
    bill written as one block per customer ("End Customer: Contoso Ltd | Customer ID: 880019")."""
    filled = [v for v in row if not blank(v)]
    if not filled or not isinstance(filled[0], str):
        return None
    name = labelled_customer(filled[0])
    if name is None:
        return _voucher_customer(filled)
    if not all(isinstance(v, str) and (_LABEL.match(v) or _an_id_note(v)) for v in filled[1:]):
        return None
    return name


#: Labels that name whatever a block is about: on a voucher's row of labels they name its customer
#: ("Doc No.: IV-11000 | Date: 30/11/2026 | Debtor: 300-B023 | Name: Bukit Chua Pte. Ltd.").
_NAME_LABELS = frozenset(["name", "nama", "nome", "nom", "nombre", "naam", "namn", "navn", "nimi"])


def _voucher_customer(filled: Sequence[object]) -> str | None:
    """The customer of a voucher's row made only of labelled notes, one of them the customer's
    name (a debtor's code beside it is no name: it holds a digit and no space)."""
    if len(filled) < 2 or not all(isinstance(v, str) and _LABEL.match(v) for v in filled):
        return None
    for value in filled:
        assert isinstance(value, str)
        found = _LABEL.match(value)
        assert found is not None
        label, text = found.group(1), value[found.end() :].strip()
        if not (names_a_client(label) or header_key(label) in _NAME_LABELS):
            continue
        if " " not in text and any(map(str.isdigit, text)):
            continue  # "Debtor: 300-B023"
        return text
    return None


def _an_id_note(text: str) -> bool:
    """A customer's tax or register number after its label, without a colon ("RUT 92.599.384-K",
    "CNPJ 12.345.678/0001-90", "GSTIN 29ABCDE1234F1Z5"): a note beside a block's name, no line."""
    label, _, number = text.strip().partition(" ")
    digits = sum(map(str.isdigit, number))
    return (
        label.rstrip(".:#").isalpha()
        and len(label) <= 12
        and len(number) <= 30
        and digits >= 5
        and digits >= sum(map(str.isalpha, number))
    )


@dataclass(frozen=True)
class Vouchers:
    """Where a register's vouchers are: the item rows (the lines), the customer of each, the
    column that names both, and the voucher-only columns each item takes from its voucher."""

    items: list[int]
    customers: list[str]
    names_column: str
    voucher_columns: list[str]


#: Shares of rows that make a register: items at least, vouchers at most; a column is of one kind
#: of row when filled on this share of it and blank on the same share of the other.
_ITEMS_AT_LEAST = 0.3
_VOUCHERS_AT_MOST = 0.6
_OF_ONE_KIND = 0.9


def _blank_share_at_least(values: Sequence[object], share: float) -> bool:
    """At least ``share`` of a column's cells are empty (None or "", counted at C speed: most
    columns are filled, and a 100k-line export is not walked cell by cell to see it)."""
    return values.count(None) + values.count("") >= share * len(values)


def voucher_rows(headers: Sequence[str], data: Mapping[str, Sequence[object]]) -> Vouchers | None:
    """A register whose voucher rows name the customer where its item rows name the product.

    Content decides, not names: a column filled on the first row and on some rows only marks the
    vouchers; another is filled on (nearly) every row of both kinds (the names); and one at least is
    filled on the items and blank on the vouchers (their quantities or amounts). Every voucher is
    followed by an item. A subscription's continuation rows (Odoo) fail the last test: their first
    line carries its quantity too."""
    rows = len(data[headers[0]]) if headers else 0
    if rows < 4:
        return None
    filled: dict[str, list[bool]] = {}  # worked out only for columns that get that far (speed)

    def filled_of(header: str) -> list[bool]:
        if header not in filled:
            filled[header] = [not blank(v) for v in data[header]]
        return filled[header]

    for marker in headers:
        if blank(data[marker][0]) or not _blank_share_at_least(data[marker], _ITEMS_AT_LEAST):
            continue  # most columns: filled on nearly every row, no vouchers to mark
        marks = filled_of(marker)
        vouchers = [i for i in range(rows) if marks[i]]
        items = [i for i in range(rows) if not marks[i]]
        if len(items) < _ITEMS_AT_LEAST * rows or len(vouchers) > _VOUCHERS_AT_MOST * rows:
            continue
        if len(vouchers) < 2 or any(i + 1 < rows and marks[i + 1] for i in vouchers[:-1]):
            continue  # two voucher rows in a row: not a register of vouchers and their items
        for h in headers:
            filled_of(h)
        headings = _page_headings(headers, data, filled, marker, vouchers)
        vouchers = [i for i in vouchers if i not in headings]
        names = [
            h
            for h in headers
            if h != marker
            and sum(filled[h]) >= _OF_ONE_KIND * rows
            and all(
                isinstance(data[h][i], str) and parse_money(data[h][i]) is None for i in vouchers
            )
        ]
        item_only = [
            h
            for h in headers
            if sum(filled[h][i] for i in items) >= _OF_ONE_KIND * len(items)
            and sum(filled[h][i] for i in vouchers) <= (1 - _OF_ONE_KIND) * len(vouchers)
        ]
        if len(names) != 1 or not item_only or not vouchers:
            continue
        customers = without_line_counts(_customers_of(data[names[0]], marks))
        voucher_only = _voucher_only(headers, data, filled, names[0], vouchers, items)
        return Vouchers(items, customers, names[0], voucher_only)
    return None


def _page_headings(
    headers: Sequence[str],
    data: Mapping[str, Sequence[object]],
    filled: Mapping[str, list[bool]],
    marker: str,
    marked: list[int],
) -> set[int]:
    """Marked rows that are a printed register's page headings, not vouchers: one other cell
    filled at most ("Page 2"), and the same text in the marking column on several of them
    ("Invoice Register - November 2026") or the header repeated below. A voucher's date repeats
    too, but beside its number and customer."""
    texts = Counter(str(data[marker][i]).strip() for i in marked)
    rows = len(data[marker])
    return {
        i
        for i in marked
        if sum(filled[h][i] for h in headers) <= 2
        and (
            texts[str(data[marker][i]).strip()] > 1
            or (i + 1 < rows and _header_again(headers, data, i + 1))
        )
    }


def _header_again(headers: Sequence[str], data: Mapping[str, Sequence[object]], row: int) -> bool:
    """The row repeats the header's names (those it has: a blank header is "column A")."""
    named = [h for h in headers if not h.startswith("column ")]
    return len(named) >= 2 and all(str(data[h][row]).strip() == h for h in named)


def _customers_of(column: Sequence[object], marks: list[bool]) -> list[str]:
    """Each item row's customer: the name on the voucher row above it (a page heading, which names
    none, continues the voucher above it)."""
    customers: list[str] = []
    customer = ""
    for i, mark in enumerate(marks):
        if mark:
            if not blank(column[i]):
                customer = str(column[i]).strip()
        else:
            customers.append(customer)
    return customers


def _voucher_only(
    headers: Sequence[str],
    data: Mapping[str, Sequence[object]],
    filled: Mapping[str, list[bool]],
    name: str,
    vouchers: list[int],
    items: list[int],
) -> list[str]:
    """Text columns filled on vouchers and blank on items (a status only some vouchers have)."""
    return [
        h
        for h in headers
        if h != name
        and any(filled[h][i] for i in vouchers)  # a status only some vouchers have
        and sum(filled[h][i] for i in items) <= (1 - _OF_ONE_KIND) * len(items)
        and not any(parse_money(data[h][i]) is not None for i in vouchers if filled[h][i])
    ]


#: A count after a group's name: "Contoso Ltd (8 items)", "… [12]", "… - 3 lines".
_COUNT_TAIL = re.compile(
    r"\s*(?:[(\[]\s*(\d{1,5})(?:\s+[^\W\d]+)?\s*[)\]]|\s[-\u2013\u2014:]\s*(\d{1,5})\s+[^\W\d]+)\s*$"
)


def without_line_counts(customers: list[str]) -> list[str]:
    """Each line's customer (as read from the group rows above the lines) without the count of its
    group's lines that a report writes after the name ("Contoso Ltd (8 items)").

    The number is known for a count by what it counts: most groups carry one, and nearly every such
    number is its group's number of lines (or one less, beside a total row). A number that is part
    of a name ("Store (12)", "Unit [4]") is not its group's count on most groups of a report."""
    runs = [(name, len(list(lines))) for name, lines in groupby(customers)]
    counted = [(name, lines, found) for name, lines in runs if (found := _COUNT_TAIL.search(name))]
    if len(counted) < 2 or len(counted) * 2 < len(runs):
        return customers
    agreeing = sum(int(found[1] or found[2]) in (lines, lines - 1) for _, lines, found in counted)
    if agreeing < _COUNTS_AGREE * len(counted):
        return customers
    names = {
        name: name[: found.start()] for name, _, found in counted if name[: found.start()].strip()
    }
    return [names.get(name, name) for name in customers]


#: The share of a report's counted groups whose number is their count of lines.
_COUNTS_AGREE = 0.9
