"""Find the real header row of a raw grid and turn the rows below it into a table.

Exports put titles, report dates and blank lines above the header ("Recurring Invoices – August",
"Generated 2025-09-01"). The header is the row among the first :data:`SCAN_ROWS` non-blank rows that
looks most like one (:func:`engine.read.columns.header_score`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from engine.errors import EmptyInputError
from engine.match.legal_forms import ends_in_legal_form
from engine.read.columns import header_score
from engine.read.fields import CLIENT_SYNONYMS, header_key
from engine.read.layouts import (
    Vouchers,
    block_title,
    customer_above_header,
    fill_continuation_rows,
    labelled_customer,
    minor_units_to_money,
    voucher_rows,
    without_line_counts,
)
from engine.read.raw_table import RawTable
from engine.read.wrapped_text import join_wrapped

SCAN_ROWS = 30
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Table:
    """Rows under a header: ``data`` holds one column (a sequence of cells) per (unique) header."""

    name: str
    headers: list[str]
    data: dict[str, Sequence[object]]
    row_numbers: list[int]  # the file's row number of each data row (1-based, like Excel)
    header_row: int


_NEEDS_CLEANING = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad\u00a0\t\r\n]")


def clean_text(value: object) -> str:
    """Text with NBSP/tabs folded to spaces and zero-width characters removed."""
    text = str(value)
    if "  " not in text and not _NEEDS_CLEANING.search(text):  # the common case: nothing to fold
        return text.strip()
    text = _INVISIBLE.sub("", text).replace("\u00a0", " ").replace("\t", " ")
    return re.sub(r" {2,}", " ", text).strip()


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (Excel's column names)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _unique_headers(cells: Sequence[object]) -> list[str]:
    headers: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells):
        text = clean_text(cell) if cell is not None else ""
        if not text:
            text = f"column {column_letter(index)}"
        key = text.lower()
        if key in seen:
            seen[key] += 1
            text = f"{text} ({seen[key]})"
        else:
            seen[key] = 1
        headers.append(text)
    return headers


def _is_blank_row(row: Sequence[object]) -> bool:
    """Nothing in it: None, empty or whitespace-only text."""
    for value in row:
        if value is None or value == "":
            continue
        if isinstance(value, str) and value.isspace():
            continue
        return False
    return True


def locate_header(raw: RawTable) -> Table:
    """Pick the header row, name columns uniquely and keep the non-blank rows below it."""
    cells = raw.cells
    if not cells:
        raise EmptyInputError(
            f"{raw.name}: there is nothing in it. Paste or export the data again."
        )
    filled_positions, best_position, width, header_cells, below = _header_and_rows(raw)
    headers = _unique_headers(header_cells)
    if not below:
        raise EmptyInputError(
            f"{raw.name}: only a header row was found (row {best_position + raw.row_offset}), no "
            "data rows. Export the report again with its lines, or paste them under the header."
        )
    rows = [
        cells[p] if len(cells[p]) == width else [*cells[p], *([None] * (width - len(cells[p])))]
        for p in below
    ]
    rows, below = join_wrapped(rows, below, lambda row: block_title(row) is not None)
    columns = [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in headers]
    data: dict[str, list[object]] = dict(zip(headers, columns, strict=True))
    minor_units_to_money(headers, data)
    table = customers_from_group_rows(
        Table(
            name=raw.name,
            headers=headers,
            data=dict(data),
            row_numbers=[p + raw.row_offset for p in below],
            header_row=best_position + raw.row_offset,
        ),
        first_group=customer_above_header(
            [cells[p] for p in filled_positions if p < best_position]
        ),
    )
    if table.headers == headers:  # no group rows: a register's vouchers may name the customers
        if (vouchers := voucher_rows(headers, table.data)) is not None:
            return _items_of_vouchers(table, vouchers)
        fill_continuation_rows(headers, data)  # or a subscription's first line names it alone
    return table


def _header_and_rows(raw: RawTable) -> tuple[list[int], int, int, list[object], list[int]]:
    """The filled rows, the header row's position (the best-scoring of the first rows), the
    width, the header's cells (two rows joined when the second continues the first) and the
    positions of the rows below it."""
    cells = raw.cells
    filled_positions = [
        i
        for i, row in enumerate(cells)
        # most rows start with text: no call needed to see they are filled
        if (row and (first := row[0]).__class__ is str and first and not first.isspace())
        or not _is_blank_row(row)
    ]
    if not filled_positions:
        raise EmptyInputError(f"{raw.name}: every row is blank. Paste or export the data again.")
    best_position, best_score = filled_positions[0], 0.0
    for position in filled_positions[:SCAN_ROWS]:
        score = header_score(cells[position])
        if score > best_score:
            best_position, best_score = position, score
    width = max(len(cells[p]) for p in filled_positions)
    header_cells = list(cells[best_position]) + [None] * (width - len(cells[best_position]))
    below = [p for p in filled_positions if p > best_position]
    above = best_position - 1
    if (
        above >= 0
        and _tops_header(cells[above], cells[best_position])
        and _recognised(joined := _joined(_padded(cells[above], width), header_cells))
        >= _recognised(header_cells)
    ):
        # a header under the group labels above it ("Menge" above "(Lizenzen)", "Einzelpreis"
        # above "€ netto"): one header of two rows, read together, where its names read no worse
        header_cells = joined
    elif (
        below
        and below[0] == best_position + 1
        and (
            _continues_header(cells[below[0]])
            or (
                _tops_header(cells[best_position], cells[below[0]])
                and _recognised(_joined(header_cells, _padded(cells[below[0]], width)))
                >= _recognised(header_cells)
            )
        )
    ):
        # a header written over two rows ("Unit" above "Price (excl. GST)"), as a PDF invoice
        # converted to Excel has it, or a hand-kept sheet's ("Qty" above "(users)", "Price"
        # above "$ ex VAT"): one header, and the second row is no line
        header_cells = _joined(header_cells, _padded(cells[below[0]], width))
        below = below[1:]
    return filled_positions, best_position, width, header_cells, below


def _padded(row: Sequence[object], width: int) -> list[object]:
    return list(row) + [None] * (width - len(row))


def _recognised(cells: list[object]) -> int:
    """How many of a header's names name a column the engine knows (exactly or within)."""
    return sum(header_score([cell]) > 0 for cell in cells)


def _joined(top: list[object], low: list[object]) -> list[object]:
    """Two header rows as one: each column's words from the top down, a word said twice once."""
    joined: list[object] = []
    for upper, lower in zip(top, low, strict=True):
        words = [str(c).strip() for c in (upper, lower) if c is not None and str(c).strip()]
        if len(words) == 2 and words[0].casefold() in words[1].casefold():
            words = words[1:]  # "Kunde" above "Kunde"
        joined.append(" ".join(words) or upper)
    return joined


def _tops_header(top: Sequence[object], header: Sequence[object]) -> bool:
    """A row of labels over a header: two cells or more, fewer than the header's, each above a
    named column of it, all words (no number, date or money: a line has them)."""
    filled = [i for i, c in enumerate(top) if c is not None and str(c).strip()]
    named = {i for i, c in enumerate(header) if c is not None and str(c).strip()}
    if not 2 <= len(filled) < len(named) or not set(filled) <= named:
        return False
    return all(
        isinstance(top[i], str)
        and any(ch.isalpha() for ch in str(top[i]))
        and not any(ch.isdigit() for ch in str(top[i]))
        for i in filled
    ) and all(
        isinstance(header[i], str) and not any(ch.isdigit() for ch in str(header[i])) for i in named
    )


def _items_of_vouchers(table: Table, vouchers: Vouchers) -> Table:
    """The item rows of a register, each with its voucher's customer (a ``Customer`` column) and
    its voucher's date, number and status; the voucher rows, headings like group rows, go."""
    items = set(vouchers.items)
    data: dict[str, Sequence[object]] = {}
    for header, values in table.data.items():
        if header in vouchers.voucher_columns:
            filled: list[object] = []
            current: object = None
            for position, value in enumerate(values):
                if position in items:
                    filled.append(current)
                else:
                    current = value
            data[header] = filled
        else:
            data[header] = [values[p] for p in vouchers.items]
    column = GROUP_COLUMN
    while column.lower() in {h.lower() for h in table.headers}:
        column += " (vouchers)"
    data[column] = vouchers.customers
    return Table(
        name=table.name,
        headers=[*table.headers, column],
        data=data,
        row_numbers=[table.row_numbers[p] for p in vouchers.items],
        header_row=table.header_row,
    )


def _continues_header(row: Sequence[object]) -> bool:
    """A row under the header that finishes its names: its first cell blank, two cells or more
    filled, all with words and none a number, a date or money ("Price (excl. GST)")."""
    filled = [c for c in row if c is not None and str(c).strip()]
    if len(filled) < 2 or (row and row[0] is not None and str(row[0]).strip()):
        return False
    return all(
        isinstance(c, str) and any(ch.isalpha() for ch in c) and not any(ch.isdigit() for ch in c)
        for c in filled
    )


#: A totals row's first words: "Total", "Subtotal", "Summe", "Totaal", "I alt"…
TOTALS = re.compile(
    r"^\s*(?:(?:grand\s*|sub\s*-?\s*|report\s*|invoice\s*)?totals?\b"
    r"|(?:zwischen|gesamt)?summe\b|totaal\b|totale\b|sous[- ]total\b|suma\b|summa\b|i alt\b"
    r"|yhteens(?:ä|a)\b)",
    re.IGNORECASE,
)


#: "Customer: Contoso" on a group row names Contoso.
_GROUP_LABEL = re.compile(
    r"^\s*(?:(?:end\s*)?customer|client|contact|company|account|organi[sz]ation|tenant|subscriber)"
    r"\s*(?:name)?\s*[:\-–]\s*",
    re.IGNORECASE,
)
#: The column added when the customer is read from group rows.
GROUP_COLUMN = "Customer"


def _without_label(text: str) -> str:
    """The group's name without its label ("Customer: Contoso", "TENANT: CONTOSO PTY LTD",
    "Endkunde: Contoso GmbH") and
    without the note a page break adds ("Contoso Ltd (continued)")."""
    text = _GROUP_LABEL.sub("", text) or text
    text = labelled_customer(text) or text
    return _CONTINUED.sub("", text) or text


_CONTINUED = re.compile(
    r"\s*(?:\((?:continued|cont'?d?\.?|suite|fortsetzung|forts\.?)\)|[-–]\s*continued)\s*$",
    re.IGNORECASE,
)


def _only_first_filled(table: Table, position: int) -> bool:
    """A group row: its first cell alone filled, or a labelled customer with labelled notes beside
    it ("End Customer: Contoso Ltd", "Customer ID: 880019"), or the customer's ledger code and its
    name alone (SQL Accounting's "300-0070 | Abdul Rahman Furniture Sdn. Bhd.")."""
    first = table.data[table.headers[0]][position]
    if first is None or not str(first).strip():
        return False
    if all(_is_blank_row((table.data[h][position],)) for h in table.headers[1:]):
        return True
    if _coded_name(table, position) is not None:
        return True
    return (
        isinstance(first, str)
        and ":" in first
        and (block_title([table.data[h][position] for h in table.headers]) is not None)
    )


def _coded_name(table: Table, position: int) -> str | None:
    """The name on a group row that gives a ledger code in its first cell and the name in its
    second, nothing else ("300-0070 | Abdul Rahman Furniture Sdn. Bhd."); None for another row."""
    if len(table.headers) < 4 or header_key(table.headers[1]) in CLIENT_SYNONYMS:
        return None  # the report's own customer column, filled once a block: continuation rows
    first, second = (table.data[h][position] for h in table.headers[:2])
    if not isinstance(second, str) or not all(
        _is_blank_row((table.data[h][position],)) for h in table.headers[2:]
    ):
        return None
    code, name = str(first).strip(), second.strip()
    if _LEDGER_CODE.fullmatch(code) is None or sum(c.isalpha() for c in name) < 3:
        return None
    return name


#: A customer's code in a ledger: letters and digits, dashes or dots, one word ("300-0070",
#: "C00070", "DEB.0012").
_LEDGER_CODE = re.compile(r"[A-Za-z]{0,4}[-./]?\d[\d./-]{1,14}[A-Za-z]?")


def _lines_name_customers(table: Table, keep: list[int], groups: list[str]) -> bool:
    """The lines have a customer column of their own, so the groups are something else (a report
    grouped by item) — unless every value of that column is a ledger account: Xero's "Account"
    column ("210 - Subscription Resale") is where the sale is booked, not who is billed."""
    names = CLIENT_SYNONYMS
    for header in table.headers:
        if header_key(header) not in names:
            continue
        values = table.data[header]
        distinct = {str(values[p]).strip().lower() for p in keep if values[p] is not None}
        distinct.discard("")
        if distinct and all(_LEDGER_ACCOUNT.match(v) for v in distinct):
            continue  # "200 - Sales", "4100 Licence revenue"
        return True
    return _a_column_of_companies(table, keep, groups)


_BRACKETED_END = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


def _a_column_of_companies(table: Table, keep: list[int], groups: list[str]) -> bool:
    """No header says so, but a column of the lines holds companies' names (Reckon's "Name":
    "Willowvale Bakehouse Pty. Limited") and the group names do not: the groups are items."""
    group_share = _company_share(set(groups))
    for header in table.headers[1:]:
        values = {str(table.data[header][p]).strip() for p in keep}
        values -= {"", "None"}
        if len(values) >= 2 and _company_share(values) > max(0.3, 2 * group_share):
            return True
    return False


def _company_share(values: set[str]) -> float:
    """The share of names that end in a legal form, a tenant domain after them set aside
    ("Contoso Ltd (Tenant contoso.onmicrosoft.com)"); a totals row is no name."""
    texts = [
        _BRACKETED_END.sub("", v)
        for v in values
        if any(c.isalpha() for c in v) and not TOTALS.match(v)
    ]
    return sum(ends_in_legal_form(v) for v in texts) / len(texts) if texts else 0.0


#: A ledger account as accounting exports write it: its number, then its name.
_LEDGER_ACCOUNT = re.compile(r"^\d{3,6}\s*[-–:]?\s*[a-z]")


def customers_from_group_rows(table: Table, first_group: str | None = None) -> Table:
    """Accounting reports (QuickBooks Online "Sales by Customer Detail", Xero reports grouped by
    contact) put the customer's name alone on a row above its lines, then "Total for <name>".

    When the first row under the header is such a group row, each group's name becomes a
    ``Customer`` column of the lines below it (a ``Product (group rows)`` column when the lines
    already name their customer: a report grouped by item), and the group rows themselves
    (headings, not lines, like the header) are dropped; the "Total for …" rows stay and are
    excluded as totals rows.
    """
    if len(table.headers) < 3 or not table.row_numbers:
        return table
    if not _only_first_filled(table, 0) and not first_group:
        return table
    first_column = table.data[table.headers[0]]
    keep, names = _lines_and_their_groups(table, first_column, first_group or "")
    names = without_line_counts(names)
    if not keep:
        return table
    first_header = table.headers[0]
    if header_key(first_header) in CLIENT_SYNONYMS:
        # the report's own customer column, filled on the group rows only: fill it on every line
        filled = [
            value if value is not None and str(value).strip() else names[n]
            for n, value in enumerate(first_column[p] for p in keep)
        ]
        data0: dict[str, Sequence[object]] = {
            h: [values[p] for p in keep] for h, values in table.data.items()
        }
        data0[first_header] = filled
        return Table(
            name=table.name,
            headers=table.headers,
            data=data0,
            row_numbers=[table.row_numbers[p] for p in keep],
            header_row=table.header_row,
        )
    return _with_group_column(table, keep, names)


def _lines_and_their_groups(
    table: Table, first_column: Sequence[object], group: str
) -> tuple[list[int], list[str]]:
    """The positions of the lines (group rows dropped, totals kept) and each line's group name."""
    keep: list[int] = []
    names: list[str] = []
    for position in range(len(table.row_numbers)):
        if _only_first_filled(table, position):
            text = clean_text(_coded_name(table, position) or first_column[position])
            if not re.match(r"(?i)^\s*(?:grand\s*)?total\b", text):
                group = _without_label(text)
                if labelled_customer(text) is None and (
                    titled := block_title([table.data[h][position] for h in table.headers])
                ):  # a voucher's row of labels: "Doc No.: IV-11000 | … | Name: Bukit Chua"
                    group = clean_text(titled)
                continue
        keep.append(position)
        names.append(group)
    return keep, names


def _with_group_column(table: Table, keep: list[int], names: list[str]) -> Table:
    """The lines, with each one's group name in a column of its own (a customer, or a product
    when the lines already name their customer)."""
    column = GROUP_COLUMN
    if _lines_name_customers(table, keep, names):
        # grouped by something else, a product ("Sales by Item"): the lines name their customer
        column = "Product (group rows)"
    taken = {h.lower() for h in table.headers}
    while column.lower() in taken:
        column += " (group rows)" if column == GROUP_COLUMN else "'"
    data: dict[str, Sequence[object]] = {
        h: [values[p] for p in keep] for h, values in table.data.items()
    }
    data[column] = names
    return Table(
        name=table.name,
        headers=[*table.headers, column],
        data=data,
        row_numbers=[table.row_numbers[p] for p in keep],
        header_row=table.header_row,
    )
