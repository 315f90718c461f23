"""Recognise columns by meaning: a synonyms table per field, checked against each column's content.

Headers are compared after :func:`header_key` (lower case, letters and digits only), so
``EffectiveUnitPrice``, ``effective_unit_price`` and ``Effective Unit Price`` are one key. A header
that *is* a synonym beats one that merely *contains* it, and earlier synonyms beat later ones — this is
how the MSP's real cost wins over list prices (``EffectiveUnitPrice`` over ``UnitPrice``, ``cost`` over
``price``, ``Unit Cost Price`` over ``Unit Sales Price``).

Then content decides what names cannot: a money column is a unit amount or a line total according to
its numbers (quantity × unit ≈ total, a steady discount against a list price, or growth with the
quantity within one product); a product column holding one generic text for many products gives way
to its neighbour; a client column with one value on every line (a ledger account) gives way to one
with several.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from engine.errors import InputError, MissingColumnError, SettingsError, WrongSideError
from engine.match.legal_forms import ends_in_legal_form
from engine.read.column_content import (
    content_ok,
    distinct,
    mostly_names,
    mostly_same,
    settle_client,
    settle_product_name,
)
from engine.read.converted_amounts import read_converted
from engine.read.fields import (
    ALL_SYNONYMS,
    FIELDS,
    REQUIRED,
    SIDE_MARKERS,
    Field,
    Side,
    header_key,
    match_score,
)
from engine.read.money_columns import settle_unit_and_total, total_before_tax
from engine.read.values import (
    TIMES_PRICE,
    count_in_text,
    parse_period_months,
    parse_quantity,
    times_price,
)


def header_score(cells: Iterable[object]) -> float:
    """How much a row looks like a header: exact synonym hits count 1, contained ones 0.3."""
    score = 0.0
    for cell in cells:
        if not isinstance(cell, str):
            continue
        key = header_key(cell)
        if not key or len(key) > 60:
            continue
        if key in ALL_SYNONYMS:
            score += 1
        elif _LONG_SYNONYM.search(key):
            score += 0.3
    return score


#: Any synonym of five characters or more, inside a header cell's key ("customer name (legal)"):
#: one search, not one test per synonym for every cell of every row that may be the header
#: (speed, issue 15: ~0.2 s of a 200-line run).
_LONG_SYNONYM = re.compile(
    "|".join(re.escape(s) for s in sorted(ALL_SYNONYMS, key=len, reverse=True) if len(s) >= 5)
)


@dataclass(frozen=True)
class ColumnMapping:
    """Which column each field was read from, and how it was found (``synonym``/``content``/``user``)."""

    side: Side
    columns: dict[str, str]
    how: dict[str, str]
    #: the title above the header says the amounts are in cents ("Importes en céntimos de euro")
    in_cents: bool = False

    def get(self, field: str) -> str | None:
        return self.columns.get(field)


def recognise(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    *,
    source: str,
    overrides: Mapping[str, str] | None = None,
) -> ColumnMapping:
    """Map fields to columns by synonym and content; user ``overrides`` win. Raises if one is missing."""
    fields = {f.name: f for f in FIELDS[side]}
    columns, how = _overridden(side, headers, fields, source, overrides or {})
    taken = set(columns.values())
    _by_synonym(headers, data, fields, columns, how, taken)
    if "client" not in columns:
        _client_by_legal_forms(headers, data, columns, how, taken)
    if (
        "product_name" not in columns
        and how.get("product_alt") == "synonym"
        and not (
            "client" in columns
            and mostly_same(data[columns["product_alt"]], data[columns["client"]])
        )
    ):
        # the one product-like column ("Line Item Name") scored a hair higher as the second name;
        # never one that repeats the customer (QuickBooks Desktop's "Name": the Memo is found next)
        columns["product_name"], how["product_name"] = columns.pop("product_alt"), "synonym"
        del how["product_alt"]
    _seats_times_price(side, headers, data, columns, how)
    _fill_by_content(side, headers, data, columns, how, taken)
    if side == "vendor" and "service_period" not in columns:
        _spans_of_dates(headers, data, columns, how)
    if not overrides or not {"unit_cost", "unit_price", "line_total"} & set(overrides):
        read_converted(side, headers, data, columns, how)
        settle_unit_and_total(side, headers, data, columns, how)
    if not overrides or "line_total" not in overrides:
        total_before_tax(headers, data, columns, how)
    if not overrides or "product_name" not in overrides:
        settle_product_name(side, headers, data, columns, how)
    if not overrides or "client" not in overrides:
        settle_client(side, headers, data, columns, how)
        _client_a_company(side, headers, data, columns, how)
    _refuse_ambiguous(headers, data, columns, how, source)
    if "quantity" not in columns and (product := columns.get("product_name")) is not None:
        _quantity_in_text(data[product], product, columns, how)
    mapping = ColumnMapping(side, columns, how)
    check_required(mapping, headers, source)
    return mapping


def _overridden(
    side: Side,
    headers: list[str],
    fields: Mapping[str, Field],
    source: str,
    overrides: Mapping[str, str],
) -> tuple[dict[str, str], dict[str, str]]:
    """The columns the user named (Settings), checked: an unknown field or column is an error."""
    columns: dict[str, str] = {}
    how: dict[str, str] = {}
    by_key = {header_key(h): h for h in headers if header_key(h)}
    problems = []
    for field_name, header in overrides.items():
        if field_name not in fields:
            problems.append(f"unknown field {field_name!r} (known: {', '.join(fields)})")
            continue
        found = by_key.get(header_key(header))
        if found is None:
            problems.append(f"{field_name} → {header!r}: no such column in {source}")
            continue
        columns[field_name], how[field_name] = found, "user"
    if problems:
        raise SettingsError(f"Column mapping for the {side} export: " + "; ".join(problems) + ".")
    return columns, how


def _by_synonym(
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    fields: Mapping[str, Field],
    columns: dict[str, str],
    how: dict[str, str],
    taken: set[str],
) -> None:
    """Each free field takes the free header that names it best, when its content can be it."""
    candidates = sorted(
        (
            (match_score(field, header_key(header)), index, field.name, header)
            for field in fields.values()
            if field.name not in columns
            for index, header in enumerate(headers)
            if header not in taken and header_key(header)
        ),
        key=lambda item: (-item[0], item[1]),
    )
    for score, _, field_name, header in candidates:
        if score <= 0 or field_name in columns or header in taken:
            continue
        exact_text = (
            fields[field_name].kind == "text" and score >= 900
        )  # numeric client names exist
        if not exact_text and not content_ok(fields[field_name].kind, data[header]):
            continue
        columns[field_name], how[field_name] = header, "synonym"
        taken.add(header)


_REPEAT = re.compile(r"^(.*) \((\d+)\)$")  # header.py names a repeated header "Qty (2)"


def _refuse_ambiguous(
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    source: str,
) -> None:
    """Two columns under the same header holding different values: never pick one silently."""

    def base(header: str) -> str:
        match = _REPEAT.match(header)
        return (match.group(1) if match else header).strip().lower()

    for field_name, header in columns.items():
        if how.get(field_name) == "user":
            continue
        twins = [h for h in headers if base(h) == base(header)]
        if len(twins) < 2 or all(list(data[t]) == list(data[header]) for t in twins):
            continue
        letters = " and ".join(_letter(headers.index(t)) for t in twins)
        raise InputError(
            f"{source}: {len(twins)} columns are headed {twins[0]!r} (columns {letters}) and "
            f"hold different values, so Leakage Finder cannot tell which is the {field_name}. "
            "Delete or rename the one that is not, or name the one to use in the column mapping "
            f"(Settings sheet or --mapping; the second is called {twins[1]!r})."
        )


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


_DOMAIN_VALUE = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.IGNORECASE)


_PRODUCT_CODE = re.compile(
    r"^(?=[^\s]*[a-z])(?=[^\s]*(?:\d|[a-z][-:._][a-z0-9]))[a-z0-9][a-z0-9:._/-]{4,}$", re.I
)


#: At most so many product names beside one code on average (a code per product, its terms
#: named apart: "CFQ7TTC0LGTX:0001" beside "… 1M", "… 1Y mthly", "… 1Y prepaid"); more is an account.
_NAMES_PER_CODE = 5


def product_codes(values: Sequence[object], names: Sequence[object]) -> bool:
    """A column of product codes beside the product names ("CFQ7TTC0LGTX:0001", "HS-365TP-BUS"):
    nearly every value a code (letters with digits, or parts joined by - : .), repeated from line
    to line, and each product name always beside the same code (an invoice or order number
    changes from client to client for one product), and a code for every few names (one code
    beside every product is the account billed)."""
    pairs = [
        (str(a).strip(), str(b).strip().lower())
        for a, b in zip(values[:2000], names[:2000], strict=False)
        if a is not None and str(a).strip() and b is not None and str(b).strip()
    ]
    if len(pairs) < 5 or sum(bool(_PRODUCT_CODE.match(a)) for a, _ in pairs) < 0.9 * len(pairs):
        return False
    if len({code for code, _ in pairs}) > 0.5 * len(pairs):
        return False  # a number per line, not per product
    coded: dict[str, set[str]] = {}
    for code, name in pairs:
        coded.setdefault(name, set()).add(code)
    codes = {code for code, _ in pairs}
    # one code beside many products is the account billed ("Bill-To Account" SHI-4471902)
    one_each = sum(len(c) == 1 for c in coded.values()) >= 0.9 * len(coded)
    return one_each and _NAMES_PER_CODE * len(codes) >= len(coded)


def _mostly_domains(values: Sequence[object]) -> bool:
    """Nine in ten of a column's filled values are domain names ("contoso.onmicrosoft.com")."""
    sample = [str(v).strip() for v in values[:500] if v is not None and str(v).strip()]
    return len(sample) >= 3 and sum(bool(_DOMAIN_VALUE.match(v)) for v in sample) >= 0.9 * len(
        sample
    )


def _fill_by_content(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    taken: set[str],
) -> None:
    """Last resort for unknown exports: pick untaken columns whose values look right."""
    if side == "vendor" and "domain" not in columns:
        # TD SYNNEX Belgium's "Referentie / Référence" holds the tenant's domain: read as a
        # product code by its header, it is the domain by what it holds
        for field_name, header in list(columns.items()):
            if (
                field_name != "client"
                and how.get(field_name) == "synonym"
                and _mostly_domains(data[header])
            ):
                del columns[field_name], how[field_name]
                columns["domain"], how["domain"] = header, "content"
                break
    free = [h for h in headers if h not in taken]
    if "quantity" not in columns and (latest := _latest_month(free, data)) is not None:
        # a usage pivot: seats by month ("Sep 2026", "Oct 2026", "Nov 2026"); the bill is the last
        columns["quantity"], how["quantity"] = latest, "content"
        taken.add(latest)
        free.remove(latest)
    looks: dict[str, Callable[[Sequence[object]], bool]] = {
        "quantity": lambda s: content_ok("quantity", s) and _mostly_small_whole(s),
    }
    if side == "vendor":  # a "Tenant" column of contoso.onmicrosoft.com: the tenant's domain
        looks["domain"] = _mostly_domains
    for field_name, check in looks.items():
        if field_name in columns:
            continue
        for header in free:
            if check(data[header]):
                columns[field_name], how[field_name] = header, "content"
                taken.add(header)
                free.remove(header)
                break
    period = "billing_frequency" if side == "vendor" else "billing_period"
    held = columns.get(period)
    # Twinfield's "Periode" is the ledger period ("2026/11") beside "Termijn" (jaar / maand);
    # Tripletex's "Enhet" is the unit ("stk") beside "Periode" ("01.11.26–31.10.27")
    if (
        held is not None
        and how.get(period) == "synonym"
        and not _any_periods(data[held])
        and any(_mostly_periods(data[h], spans=side == "psa") for h in free)
    ):
        del columns[period], how[period]
    noted = columns.get("notes")
    if period not in columns:  # Sage 50's "Comment 1": "Monthly", "Annual licence 01/11/2026-…"
        if noted is not None and how.get("notes") == "synonym":
            free = [noted, *free]  # a comment column that says periods is the period
        for header in free:
            if _mostly_periods(data[header], spans=side == "psa"):
                if header == noted:
                    del columns["notes"], how["notes"]
                columns[period], how[period] = header, "content"
                taken.add(header)
                free.remove(header)
                break
        if noted is not None and noted in free:
            free.remove(noted)
    if side == "vendor" and "product_id" not in columns and "product_name" in columns:
        # a distributor's "Mfr Part #": a code per product, whatever the header calls it
        names = data[columns["product_name"]]
        for header in free:
            if product_codes(data[header], names):
                columns["product_id"], how["product_id"] = header, "content"
                taken.add(header)
                free.remove(header)
                break
    if "product_name" not in columns:  # Sherweb's "Subscription" beside its "SKU": names, not codes
        named = [h for h in free if mostly_names(data[h])]
        if named:
            best = max(named, key=lambda h: len(distinct(data[h])))
            columns["product_name"], how["product_name"] = best, "content"
            taken.add(best)


def _spans_of_dates(
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """A column whose cells each hold the span a charge covers ("11-11-2026 t/m 10-11-2027",
    Copaco's "Periode"): the service period, whatever its header, where no other field took it
    or only a billing frequency did (the span says the frequency more exactly)."""
    from engine.read.cells import span_months  # (cells reads mappings: imported when needed)

    taken = {column: field for field, column in columns.items()}
    for header in headers:
        if taken.get(header) not in (None, "billing_frequency"):
            continue
        sample = [v for v in data[header][:_SAMPLE_ROWS] if isinstance(v, str) and v.strip()]
        if len(sample) >= 3 and sum(span_months(v) is not None for v in sample) >= 0.8 * len(
            sample
        ):
            if taken.get(header) == "billing_frequency":
                del columns["billing_frequency"], how["billing_frequency"]
            columns["service_period"], how["service_period"] = header, "content"
            return


_SAMPLE_ROWS = 200


def _client_a_company(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """Of two columns a header calls the customer, the one of companies: RepairShopr's "Customer
    Name" is the contact person ("Mia Larsen") beside the "Customer Business" billed. A column
    where no name ends in a legal form gives way to one where a tenth of them or more do."""
    current = columns.get("client")
    if current is None or how.get("client") != "synonym":
        return
    if _legal_form_share(data[current]) > 0:
        return
    field = next(f for f in FIELDS[side] if f.name == "client")
    taken = set(columns.values())
    best, best_share = None, 0.1
    for header in headers:
        if header in taken or match_score(field, header_key(header)) <= 0:
            continue
        share = _legal_form_share(data[header])
        if share >= best_share:
            best, best_share = header, share
    if best is not None:
        columns["client"], how["client"] = best, "content"


def _legal_form_share(values: Sequence[object]) -> float:
    """The share of a column's different text values that end in a legal form."""
    names = [v for v in distinct(values) if any(ch.isalpha() for ch in v)]
    return sum(ends_in_legal_form(v) for v in names) / len(names) if len(names) >= 3 else 0.0


def _client_by_legal_forms(
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    taken: set[str],
) -> None:
    """No header says which column is the customer (NetSuite's and Sage 50's "Name"): the text
    column whose values end in legal forms ("Ltd", "GmbH", "Corp.") is, since no product's name
    does. It may have been taken for a product name ("name" means that in other exports)."""
    best, best_share = None, 0.3
    for header in headers:
        if header in taken and how.get(_field_of(columns, header) or "") != "synonym":
            continue
        if _field_of(columns, header) not in (None, "product_name", "product_alt"):
            continue
        values = distinct(data[header])
        if len(values) < 2:
            continue
        share = sum(ends_in_legal_form(v) for v in values) / len(values)
        if share > best_share:
            best, best_share = header, share
    if best is None:
        return
    if (field := _field_of(columns, best)) is not None:
        del columns[field], how[field]
    columns["client"], how["client"] = best, "content"
    taken.add(best)


def _field_of(columns: Mapping[str, str], header: str) -> str | None:
    return next((field for field, taken in columns.items() if taken == header), None)


def _mostly_periods(values: Sequence[object], spans: bool = False) -> bool:
    """Most values are words of a billing period ("Monthly", "Annual …"), not numbers or codes;
    with ``spans``, or the span of dates a line bills for ("01.11.26–31.10.27")."""
    sample = [v for v in values[:500] if isinstance(v, str) and v.strip()]
    if len(sample) < 0.3 * len(values[:500]) or len(distinct(sample)) < 2:
        return False
    return sum(_months_said(v, spans) is not None for v in sample) >= 0.8 * len(sample)


def _any_periods(values: Sequence[object]) -> bool:
    """Some value says a billing period or a span of dates (Fiken's "Enhet" is "stk" on most lines
    and "år" on its yearly ones)."""
    return any(
        _months_said(str(v), True) is not None
        for v in values[:2000]
        if v is not None and str(v).strip()
    )


def _months_said(value: str, spans: bool) -> int | None:
    from engine.read.cells import months_in_text  # cells reads a mapping: imported when used

    months = parse_period_months(value)
    return months if months is not None or not spans else months_in_text(value)


_MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_HEADER = re.compile(
    r"^\s*(?:([a-z]{3})[a-z]*\.?\s*'?(\d{4}|\d{2})|(\d{4})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{4}))\s*$",
    re.IGNORECASE,
)


def _latest_month(free: list[str], data: Mapping[str, Sequence[object]]) -> str | None:
    """Of two or more columns headed by a month ("Sep 2026", "2026-10") holding small whole
    numbers, the latest; None when there are not two."""
    months: list[tuple[int, int, str]] = []
    for header in free:
        found = _MONTH_HEADER.match(header)
        if found is None or not _mostly_small_whole(data[header]):
            continue
        name, year, y2, m2, m3, y3 = found.groups()
        if name is not None:
            if name.lower() not in _MONTH_NAMES:
                continue
            month, number = _MONTH_NAMES.index(name.lower()) + 1, int(year)
        else:
            month, number = (int(m2), int(y2)) if y2 else (int(m3), int(y3))
        if 1 <= month <= 12:
            months.append((number + (2000 if number < 100 else 0), month, header))
    return max(months)[2] if len(months) >= 2 else None


def _seats_times_price(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
) -> None:
    """A column whose cells hold the seats and the unit price together ("25 × 820,80", Zervant's
    "Määrä × à-hinta", Vuzion's "Qty x Unit Price") gives both, unless another column gives the
    unit price; its header may have been taken for the seats alone, or for nothing."""
    unit_field = "unit_cost" if side == "vendor" else "unit_price"
    candidates = [columns["quantity"]] if "quantity" in columns else []
    candidates += [h for h in headers if h not in columns.values() and h not in candidates]
    for header in candidates:
        sample = [v for v in data[header][:300] if v is not None and str(v).strip()]
        if len(sample) < 2 or sum(times_price(v) is not None for v in sample) < 0.9 * len(sample):
            continue
        columns["quantity"], how["quantity"] = header, TIMES_PRICE
        if unit_field not in columns:
            columns[unit_field], how[unit_field] = header, TIMES_PRICE
        return


def _quantity_in_text(
    values: Sequence[object], header: str, columns: dict[str, str], how: dict[str, str]
) -> None:
    """No column holds the seats, but nine in ten product texts say them ("(27 licences @ $3.60)"):
    the count is read from the text."""
    sample = [v for v in values[:500] if v is not None and str(v).strip()]
    if sample and sum(count_in_text(v) is not None for v in sample) >= 0.9 * len(sample):
        columns["quantity"], how["quantity"] = header, "in text"


def _mostly_small_whole(values: Sequence[object]) -> bool:
    numbers = [parse_quantity(v) for v in values[:200]]
    parsed = [n for n in numbers if n is not None]
    return bool(parsed) and sum(
        n == n.to_integral_value() and 0 <= n < 100000 for n in parsed
    ) >= 0.9 * len(parsed)


def check_required(mapping: ColumnMapping, headers: list[str], source: str) -> None:
    """Raise one message listing every missing requirement and the columns that were found."""
    missing = [
        group for group in REQUIRED[mapping.side] if not any(f in mapping.columns for f in group)
    ]
    if not missing:
        return
    names = " and ".join(" or ".join(group) for group in missing)
    found = ", ".join(repr(h) for h in headers if not h.startswith("column ")) or "none"
    word = "vendor bill" if mapping.side == "vendor" else "PSA export"
    raise MissingColumnError(
        f"{source}: could not find the {names} column{'s' if len(missing) > 1 else ''} of the "
        f"{word}. Columns found: {found}. Rename the column, or map it in the Settings sheet / "
        'mapping file (for example "quantity": "Seats").'
    )


def side_markers(headers: Iterable[str]) -> dict[Side, int]:
    """How many headers only one side's exports use (to catch swapped files)."""
    keys = {header_key(h) for h in headers}
    return {
        side: sum(marker in keys for marker in markers) for side, markers in SIDE_MARKERS.items()
    }


def check_side(side: Side, headers: list[str], source: str) -> None:
    """Refuse an export that clearly belongs to the other side."""
    markers = side_markers(headers)
    other: Side = "psa" if side == "vendor" else "vendor"
    if markers[other] >= 2 and markers[side] == 0:
        this = "vendor bill" if side == "vendor" else "PSA export"
        that = "PSA export" if side == "vendor" else "vendor bill"
        raise WrongSideError(
            f"{source} was given as the {this} but looks like a {that} (it has columns such as "
            f"{', '.join(h for h in headers if header_key(h) in SIDE_MARKERS[other][:40])}). "
            "Swap the two files (or paste each export into its own sheet)."
        )
