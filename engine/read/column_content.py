"""Content decides what names cannot: whether a column's values can be its field at all, which
text column holds the product, and which the customer. The money columns are settled by
:mod:`engine.read.money_columns`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from engine.money import currency_code, parse_money
from engine.read.fields import FIELDS, Kind, Side, header_key, match_score
from engine.read.values import is_not_billable, parse_date, parse_period_months, parse_quantity

_FLAG = re.compile(
    r"^\s*(?:true|false|yes|no|y|n|1|0|x|bill|billable|billed|paused|active|on|off|ja|nein|oui|non|si|"
    r"s(?:í|i)|nej|nei|sim|n(?:ã|a)o|tak|nie|kyll(?:ä|a)|ei|"
    r"facturable|facturer|abrechenbar|factureerbaar|fatturabile|fatur(?:á|a)vel)\s*$",
    re.IGNORECASE,
)


def content_ok(kind: Kind, values: Sequence[object]) -> bool:
    """Do a column's first values look like what the field holds?"""
    sample = [v for v in values[:200] if v is not None and str(v).strip() != ""]
    if not sample:
        return kind not in ("money", "quantity")
    if kind == "money":
        ok = sum(parse_money(v) is not None for v in sample)
    elif kind == "quantity":
        ok = sum(parse_quantity(v) is not None for v in sample)
    elif kind == "date":
        ok = sum(parse_date(v) is not None for v in sample)
    elif kind == "text":
        ok = sum(parse_money(v) is None for v in sample)
    elif kind == "measure":  # "User", "Pack", "GB": a word or a few, no number, no period
        ok = sum(
            parse_money(v) is None and len(str(v)) <= 40 and parse_period_months(v) is None
            for v in sample
        )
    elif kind == "currency":
        ok = sum(currency_code(v) is not None for v in sample)
    elif kind == "flag":  # a yes/no box, not "monthly" in a "Billed" column
        ok = sum(
            isinstance(v, bool | int | float)
            or is_not_billable(str(v))
            or _FLAG.match(str(v)) is not None
            for v in sample
        )
    else:
        return True
    return ok >= 0.5 * len(sample)


# --- content decides what names cannot ---------------------------------------------------------------


def _distinct_partners(first: Sequence[object], second: Sequence[object]) -> float:
    """Share of rows whose ``first`` value goes with two or more different ``second`` values: a
    generic text ("User licence") shared by many products scores high."""
    partners: dict[str, set[str]] = {}
    pairs = []
    for a, b in zip(first[:2000], second[:2000], strict=False):
        key_a = str(a).strip().lower() if a is not None else ""
        key_b = str(b).strip().lower() if b is not None else ""
        if key_a and key_b:
            partners.setdefault(key_a, set()).add(key_b)
            pairs.append(key_a)
    if not pairs:
        return 0.0
    return sum(len(partners[a]) >= 2 for a in pairs) / len(pairs)


def settle_product_name(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """When the column taken for the product holds a generic text shared by many products (Syncro's
    description "User licence" beside the product in ``name``; Kaseya BMS's "Per user per month"),
    the product is read from the other column, and the generic one kept as the alternate. Generic:
    most of its values go with several values of the other column, and either not the other way
    round or it has at most half as many different values."""
    current = columns.get("product_name")
    if current is None or how.get("product_name") == "user":
        return
    client = columns.get("client")
    if client is not None and mostly_same(data[current], data[client]):
        # QuickBooks Desktop's "Name" is the customer again, the product is typed in "Memo"
        _product_beside_the_client(side, headers, data, columns, how, current)
        return
    current = _unless_the_client_again(data, columns, how, client, current)
    candidates = _other_name_columns(side, headers, data, columns, client, current)
    if _mostly_dated(data[current]) or _mostly_codes(data[current]):
        # Holded's "Descripción" is the period and the users ("Periodo: 01/09/2026 - …"); the
        # product is its "Concepto". Zuora's "Subscription.Name" is a number ("S-100280"); the
        # product is the rate plan's name.
        named = [
            h
            for h in [columns.get("product_alt"), *candidates]
            if h and not _mostly_dated(data[h]) and not _mostly_codes(data[h])
        ] or _named_by_content(headers, data, columns, current)
        if named:
            _name_from(named[0], side, columns, how, current)
            return
    for other in candidates:
        if mostly_holds(data[other], data[current]):
            continue  # the product's name with more said, not a more precise product
        if _mostly_item_codes(data[other]) and mostly_names(data[current]):
            # Kaseya BMS's "Service" is the MSP's item code ("LIC-MISC", "MS-LIC-07-A"): however
            # many there are, they are no more precise a product than the Description's names
            continue
        generic = _distinct_partners(data[current], data[other]) >= 0.5
        if generic and (
            _distinct_partners(data[other], data[current]) < 0.2
            or 2 * len(distinct(data[current])) <= len(distinct(data[other]))
        ):
            _name_from(other, side, columns, how, current)
            return
    if side == "psa" and "product_alt" not in columns and candidates:
        # a second product-like column (Kaseya BMS's Service beside its Description): the matcher
        # reads it when the first name is not a product it knows
        columns["product_alt"], how["product_alt"] = candidates[0], "content"


def _named_by_content(
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: Mapping[str, str],
    current: str,
) -> list[str]:
    """Untaken columns whose values are names of several words, neither dated nor codes nor the
    client: where the dated column's header was the only one that said "product" (Billomat's
    "Beschreibung" is the billing period, its "Titel" the product)."""
    taken = set(columns.values())
    client = columns.get("client")
    return [
        h
        for h in headers
        if h != current
        and h not in taken
        and mostly_names(data[h])
        and not _mostly_dated(data[h])
        and not _mostly_codes(data[h])
        and not (client is not None and mostly_holds(data[h], data[client]))
    ]


def _unless_the_client_again(
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    client: str | None,
    current: str,
) -> str:
    """The product column, after dropping an alternate that is the client again or moving to it
    when the product column is the client with more said; returns the product column."""
    alt = columns.get("product_alt")
    if client is not None and alt is not None and mostly_same(data[alt], data[client]):
        del columns["product_alt"]
    elif client is not None and alt is not None and mostly_holds(data[current], data[client]):
        # Salesforce's "Opportunity Name" is the account and "- Renewal 2026": the product is the
        # second name ("Product Name")
        columns["product_name"], how["product_name"] = alt, "content"
        del columns["product_alt"], how["product_alt"]
        current = alt
    return current


def _other_name_columns(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    client: str | None,
    current: str,
) -> list[str]:
    """Untaken text columns whose headers could name the product, best header first; never one
    that is the client again or the client with more said."""
    field_list = {f.name: f for f in FIELDS[side]}
    scorers = [field_list["product_name"], *([field_list["product_alt"]] if side == "psa" else [])]
    return sorted(
        (
            h
            for h in headers
            if h != current
            and h not in {v for k, v in columns.items() if k not in ("product_alt",)}
            and any(match_score(f, header_key(h)) > 0 for f in scorers)
            and content_ok("text", data[h])
            and not (
                client is not None
                and (mostly_same(data[h], data[client]) or mostly_holds(data[h], data[client]))
            )
        ),
        key=lambda h: -max(match_score(f, header_key(h)) for f in scorers),
    )


def _name_from(
    column: str, side: Side, columns: dict[str, str], how: dict[str, str], current: str
) -> None:
    """The product is read from ``column``; on the PSA side the old one stays as the alternate."""
    columns["product_name"], how["product_name"] = column, "content"
    if side == "psa":
        columns["product_alt"], how["product_alt"] = current, "content"


_DATE_IN_TEXT = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    # a month named with its year: "Abonnement novembre 2026", "Nov 2026"
    r"|\b(?:jan|feb|f[ée]v|m[aä]r|apr|avr|abr|ma[iyj]|mei|mag|jun|juin|giu|jul|juil|lug|aug|ao[uû]"
    r"|ago|sep|set|o[ck]t|ott|out|nov|d[eé][cz]|dic)[a-zéûä]*\.?\s+20\d{2}\b",
    re.IGNORECASE,
)


def _mostly_dated(values: Sequence[object]) -> bool:
    """Most values carry a date: a billing period or a note of it, not a product's name."""
    sample = list(distinct(values, 400))
    return bool(sample) and sum(bool(_DATE_IN_TEXT.search(v)) for v in sample) >= 0.6 * len(sample)


_CODE = re.compile(r"^[A-Za-z]{0,4}[-_/ ]?\d[\d-]{2,}$")


def _mostly_codes(values: Sequence[object]) -> bool:
    """Most values are numbers with at most a short prefix ("S-100280", "INV-0042"), nearly all
    different: a record's number, not a product's name."""
    sample = distinct(values, 2000)
    if len(sample) < 5:
        return False
    coded = sum(bool(_CODE.match(v)) for v in sample)
    return coded >= 0.9 * len(sample) and len(sample) >= 0.5 * _filled(values, 2000)


def _filled(values: Sequence[object], limit: int) -> int:
    return sum(1 for v in values[:limit] if v is not None and str(v).strip())


def mostly_same(values: Sequence[object], others: Sequence[object], limit: int = 2000) -> bool:
    """Nine in ten of the filled values are the other column's on the same line."""
    pairs = _row_pairs(values, others, limit)
    return bool(pairs) and sum(a == b for a, b in pairs) >= 0.9 * len(pairs)


def _row_pairs(
    values: Sequence[object], others: Sequence[object], limit: int
) -> list[tuple[str, str]]:
    """Each filled value beside the other column's on its line, both stripped and lower case."""
    return [
        (str(a).strip().lower(), str(b).strip().lower() if b is not None else "")
        for a, b in zip(values[:limit], others[:limit], strict=False)
        if a is not None and str(a).strip()
    ]


def mostly_holds(values: Sequence[object], others: Sequence[object], limit: int = 2000) -> bool:
    """Most filled values hold the other column's value on the same line and say more: Salesforce's
    "Opportunity Name" is the account's name and "- Renewal 2026"; Microsoft's cost details'
    "subscriptionName" is the product's name and the tenant's nickname."""
    pairs = [(a, b) for a, b in _row_pairs(values, others, limit) if len(b) >= 3]
    return bool(pairs) and sum(b in a and a != b for a, b in pairs) >= 0.8 * len(pairs)


def _product_beside_the_client(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    current: str,
) -> None:
    """The column taken for the product repeats the client: the product is the text column that
    names most different things and is no repeat of the client, read by content."""
    taken = {v for k, v in columns.items() if k not in ("product_name", "product_alt")}
    client = data[columns["client"]]
    candidates = [
        h
        for h in headers
        if h != current
        and h not in taken
        and content_ok("text", data[h])
        and not mostly_same(data[h], client)
        and not any(_parses_as_number(v) for v in data[h][:50] if v is not None and str(v).strip())
    ]
    if not candidates:
        return
    best = max(candidates, key=lambda h: len(distinct(data[h])))
    columns["product_name"], how["product_name"] = best, "content"
    if side == "psa" and columns.get("product_alt") in (best, current):
        columns.pop("product_alt", None)


def _parses_as_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) or parse_quantity(value) is not None


def distinct(values: Sequence[object], limit: int = 2000) -> set[str]:
    return {str(v).strip().lower() for v in values[:limit] if v is not None and str(v).strip()}


def settle_client(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """A client column with one value on every line, beside another client-like column with
    several, is not the client: accounting exports have an "Account" (the ledger account, "200 -
    Sales") beside the "Contact" who is billed (Xero's Receivable Invoice Detail)."""
    current = columns.get("client")
    if current is None or how.get("client") == "user" or len(data[current]) < 3:
        return
    if _numbered(data[current]):
        _names_for_numbers(side, headers, data, columns, how, current)
        return
    if len(distinct(data[current])) > 1:
        return
    field = next(f for f in FIELDS[side] if f.name == "client")
    taken = set(columns.values())
    best, best_count = None, 1
    for header in headers:
        if header in taken or match_score(field, header_key(header)) <= 0:
            continue
        if not content_ok("text", data[header]):
            continue
        count = len(distinct(data[header]))
        if count > best_count:
            best, best_count = header, count
    if best is not None:
        columns["client"], how["client"] = best, "content"


def _numbered(values: Sequence[object]) -> bool:
    """Nine in ten of a column's different values are account numbers ("01113", "C-1042"; a
    workbook's 10811 read as 10811.0)."""
    sample = distinct(
        [int(v) if isinstance(v, float) and v.is_integer() else v for v in values[:2000]], 2000
    )
    return len(sample) >= 3 and sum(bool(_CODE.match(v)) for v in sample) >= 0.9 * len(sample)


#: The share of rows whose account number goes with two or more names, at most, for the names
#: to be the customer.
_NAMES_A_NUMBER_MAY_HAVE = 0.25


def _names_for_numbers(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    current: str,
) -> None:
    """The client column holds account numbers (Twinfield's "Relatie" is "01113"): the customer is
    the untaken text column that goes with it one to one ("Naam"); the number becomes the vendor's
    customer id where the side has one."""
    taken = set(columns.values())
    count = len(distinct(data[current]))
    for header in headers:
        values = data[header]
        if header in taken or not content_ok("text", values) or _numbered(values):
            continue
        if not _mostly_wordy(values) or len(distinct(values)) < 0.8 * count:
            continue
        # each name has one number; a number may have a few names (a customer kept twice after a
        # move between systems, "13744Coastline Architects" and "COASTLINE ARCHITECTS (migrated)")
        if (
            _distinct_partners(data[current], values) <= _NAMES_A_NUMBER_MAY_HAVE
            and _distinct_partners(values, data[current]) <= 0.05
        ):
            columns["client"], how["client"] = header, "content"
            if "client_id" not in columns and any(f.name == "client_id" for f in FIELDS[side]):
                columns["client_id"], how["client_id"] = current, "content"
            return


_ITEM_CODE = re.compile(r"^(?=.*[A-Z])[A-Z0-9]+(?:[-_./:][A-Z0-9]+)*$")


def _mostly_item_codes(values: Sequence[object]) -> bool:
    """Nine in ten different values are one token in capitals, digits and - _ . / ("LIC-MISC",
    "RECURRING", "MS-LIC-07-A"): an item code, not a product's name."""
    sample = {str(v).strip() for v in values[:2000] if v is not None and str(v).strip()}
    return len(sample) >= 3 and sum(bool(_ITEM_CODE.match(v)) for v in sample) >= 0.9 * len(sample)


def mostly_names(values: Sequence[object]) -> bool:
    """Most values are several words with letters (product names), not codes, ids or amounts."""
    sample = [str(v).strip() for v in values[:200] if v is not None and str(v).strip()]
    wordy = sum(
        " " in text and sum(ch.isalpha() for ch in text) >= 4 and parse_money(text) is None
        for text in sample
    )
    return bool(sample) and wordy >= 0.8 * len(sample) and len(set(sample)) > 1


def _mostly_wordy(values: Sequence[object]) -> bool:
    """Nine in ten filled values hold three letters or more (names, not numbers or flags)."""
    sample = [str(v) for v in values[:2000] if v is not None and str(v).strip()]
    return bool(sample) and sum(
        sum(ch.isalpha() for ch in text) >= 3 for text in sample
    ) >= 0.9 * len(sample)
