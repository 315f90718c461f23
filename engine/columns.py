"""Recognise columns by meaning: a synonyms table per field, checked against each column's content.

Headers are compared after :func:`header_key` (lower case, letters and digits only), so
``EffectiveUnitPrice``, ``effective_unit_price`` and ``Effective Unit Price`` are one key. A header
that *is* a synonym beats one that merely *contains* it, and earlier synonyms beat later ones — this is
how the MSP's real cost wins over list prices (``EffectiveUnitPrice`` over ``UnitPrice``, ``cost`` over
``price``, ``Unit Cost Price`` over ``Unit Sales Price``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from engine.errors import InputError, MissingColumnError, SettingsError, WrongSideError
from engine.money import parse_money
from engine.values import parse_date, parse_quantity

Side = Literal["vendor", "psa"]
Kind = Literal["text", "money", "quantity", "period", "date", "flag", "id"]


@dataclass(frozen=True)
class Field:
    """One thing we need from an export, and the header spellings that mean it (best first)."""

    name: str
    kind: Kind
    synonyms: tuple[str, ...]
    forbidden: tuple[str, ...] = ()  # a header containing one of these never "contains"-matches
    description: str = ""


def _f(name: str, kind: Kind, synonyms: str, forbidden: str = "", description: str = "") -> Field:
    return Field(name, kind, tuple(synonyms.split()), tuple(forbidden.split()), description)


_DATE_FORBIDDEN = "price cost qty quantity amount total"
VENDOR_FIELDS: tuple[Field, ...] = (
    _f(
        "client",
        "text",
        "customername companyname organizationname organisationname tenantname endcustomername "
        "customercompanyname customer company organization organisation client clientname "
        "accountname account endcustomer enduser",
        "id number domain country email reseller partner mpn broker",
        "the MSP's customer",
    ),
    _f(
        "client_id",
        "id",
        "customerid customernumber companyid tenantid organizationid accountid clientid customerno",
        "",
        "the vendor's customer id",
    ),
    _f(
        "domain",
        "text",
        "customerdomainname domainname tenantdomain primarydomain defaultdomain domain",
        "",
        "the tenant domain (contoso.onmicrosoft.com)",
    ),
    _f(
        "product_name",
        "text",
        "productname offername skuname stockdescription productdescription itemdescription "
        "description product item itemname servicename subscriptionname license licence plan "
        "skudescription",
        "id code number qty quantity price cost date status type meter publisher category",
        "the product",
    ),
    _f(
        "product_id",
        "id",
        "productid offerid durableofferid stockcode itemcode vendorsku sku "
        "partnumber catalogid catalogitemid productcode skucode mpn materialnumber articlenumber",
        "name description customer subscription order invoice",
        "the product's id or SKU",
    ),
    _f("sku_id", "id", "skuid", "", "Partner Center's SKU id (0002)"),
    _f(
        "quantity",
        "quantity",
        "billablequantity quantity qty seats licenses licences units "
        "seatcount licensecount licencecount usercount count",
        "unitprice price cost included rrp",
        "seats",
    ),
    _f(
        "unit_cost",
        "money",
        "effectiveunitprice unitcost cost unitcostprice costprice buyprice partnerprice netprice "
        "yourprice resellerprice dealerprice unitcostcents costcents unitprice price rate",
        "rrp msrp retail sales total ext sub margin tax list suggested erp customer",
        "the MSP's unit cost",
    ),
    _f(
        "line_total",
        "money",
        "costtotal totalcost subtotal extcost extendedcost amount linetotal nettotal lineamount "
        "total totalamount extprice extendedprice",
        "tax unit rrp retail sales margin",
        "the line's total cost",
    ),
    _f(
        "billing_frequency",
        "period",
        "billingfrequency paymentfrequency billingcycle billingcycletype billingperiod periodtype "
        "frequency billingterm",
        "date start end",
        "how often a line is billed",
    ),
    _f(
        "term",
        "period",
        "termandbillingcycle term commitmentterm termduration",
        "date start end",
        "the commitment term (read for the billing period when no frequency column says it)",
    ),
    _f(
        "charge_type",
        "text",
        "chargetype transactiontype linetype type",
        "unit",
        "new, renew, credit…",
    ),
    _f(
        "period_start",
        "date",
        "chargestartdate chargestart startperiod startusage servicestartdate "
        "servicestart billingstartdate billingstart periodstart periodfrom datefrom billingdate "
        "invoicedate startdate",
        _DATE_FORBIDDEN,
        "start of the billed period",
    ),
    _f(
        "period_end",
        "date",
        "chargeenddate chargeend endperiod endusage serviceenddate serviceend periodend "
        "periodto dateto enddate",
        _DATE_FORBIDDEN,
        "end of the billed period",
    ),
    _f("status", "text", "status subscriptionstatus", "date", "subscription status"),
    _f(
        "exchange_rate",
        "money",
        "pctobcexchangerate exchangerate fxrate conversionrate",
        "date",
        "pricing → billing currency rate (Partner Center)",
    ),
)

PSA_FIELDS: tuple[Field, ...] = (
    _f(
        "client",
        "text",
        "companyname clientname customername accountname organizationname organisationname "
        "customerbusinessthenname businessname company client customer account organization "
        "organisation agreementcompany billto",
        "id number domain type contact email site manager",
        "the client billed",
    ),
    _f(
        "product_name",
        "text",
        "description invoicedescription itemshortdescription productdescription itemdescription "
        "servicedescription servicename additiondescription shortdescription lineitem service "
        "itemname productname name product item",
        "id code number qty quantity price cost date "
        "status type agreement contract company client customer account site",
        "the product billed",
    ),
    _f(
        "product_alt",
        "text",
        "itemlongdescription longdescription name productname",
        "id code agreement contract company client customer account site",
        "a second product name column",
    ),
    _f(
        "product_id",
        "id",
        "productid productidentifier itemid itemcode sku partnumber servicecode "
        "catalogitem productcode skucode",
        "name description",
        "the PSA product id",
    ),
    _f(
        "quantity",
        "quantity",
        "quantity qty qtyorder units unitcount seats billablequantity licenses count",
        "less included price cost",
        "quantity billed",
    ),
    _f(
        "less_included",
        "quantity",
        "lessincluded qtyincluded includedquantity included",
        "",
        "units included at no charge (ConnectWise)",
    ),
    _f(
        "unit_price",
        "money",
        "adjustedunitprice adjustedprice unitprice price sellprice salesprice unitsellprice "
        "retailprice retail retailcents unitretail rate charge unitamount amountperunit listprice "
        "unitcharge",
        "cost total ext margin tax prorate recurring",
        "the unit price charged",
    ),
    _f(
        "line_total",
        "money",
        "extprice extendedprice netamount linetotal totalprice total amount recurringrevenue",
        "cost tax margin",
        "the line's total price",
    ),
    _f(
        "billing_period",
        "period",
        "billingperiod periodtype billingfrequency frequency "
        "billingcycle recurrence chargefrequency interval period term",
        "date",
        "billing period",
    ),
    _f(
        "status",
        "text",
        "additionstatus status agreementstatus servicestatus active isactive state",
        "date",
        "line status (Active, Cancelled…)",
    ),
    _f(
        "cancelled_date",
        "date",
        "cancelleddate cancelled canceldate canceleddate cancellationdate "
        "terminationdate datecancelled",
        "",
        "cancellation date",
    ),
    _f("bill_flag", "flag", "billcustomer bill billable billflag isbillable", "date", "bill flag"),
    _f("effective_date", "date", "effectivedate effective startdate", "", "start date"),
    _f(
        "period_start",
        "date",
        "invoicedate billingdate periodstart datebilled invoiceperiod servicedate billedfor",
        "",
        "the billed period (to check both exports cover one month)",
    ),
)

FIELDS: dict[Side, tuple[Field, ...]] = {"vendor": VENDOR_FIELDS, "psa": PSA_FIELDS}

REQUIRED: dict[Side, tuple[tuple[str, ...], ...]] = {
    # each inner tuple: any one of these fields satisfies the requirement
    "vendor": (
        ("client", "domain"),
        ("product_name", "product_id"),
        ("quantity",),
        ("unit_cost", "line_total"),
    ),
    "psa": (
        ("client",),
        ("product_name", "product_id"),
        ("quantity",),
        ("unit_price", "line_total"),
    ),
}

_SIDE_MARKERS: dict[Side, tuple[str, ...]] = {
    "vendor": (
        "effectiveunitprice",
        "billablequantity",
        "customerdomainname",
        "skuid",
        "partnerid",
        "mpnid",
        "costtotal",
        "unitcostprice",
        "stockcode",
        "chargetype",
        "tenantid",
        "tenantname",
        "termandbillingcycle",
        "pctobcexchangerate",
        "resellermpnid",
        "vendorname",
        "publishername",
        "unitrrp",
    ),
    "psa": (
        "lessincluded",
        "billcustomer",
        "agreementname",
        "agreementtype",
        "agreementstatus",
        "additionstatus",
        "invoicedescription",
        "itemshortdescription",
        "qtyorder",
        "retailcents",
        "prorateprice",
        "recurringrevenue",
        "contractname",
        "adjustedprice",
        "agreementid",
        "contractid",
        "customerbusinessthenname",
    ),
}


def header_key(text: object) -> str:
    """``"Effective Unit Price"`` / ``"effective_unit_price"`` → ``"effectiveunitprice"``."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKD", str(text))
    return re.sub(r"[^a-z0-9]", "", folded.lower())


_ALL_SYNONYMS = frozenset(s for fields in FIELDS.values() for f in fields for s in f.synonyms)


def header_score(cells: Iterable[object]) -> float:
    """How much a row looks like a header: exact synonym hits count 1, contained ones 0.3."""
    score = 0.0
    for cell in cells:
        if not isinstance(cell, str):
            continue
        key = header_key(cell)
        if not key or len(key) > 60:
            continue
        if key in _ALL_SYNONYMS:
            score += 1
        elif any(len(s) >= 5 and s in key for s in _ALL_SYNONYMS):
            score += 0.3
    return score


@dataclass(frozen=True)
class ColumnMapping:
    """Which column each field was read from, and how it was found (``synonym``/``content``/``user``)."""

    side: Side
    columns: dict[str, str]
    how: dict[str, str]

    def get(self, field: str) -> str | None:
        return self.columns.get(field)


def _match_score(field: Field, key: str) -> float:
    if key in field.synonyms:
        return 1000.0 - field.synonyms.index(key)
    if any(word in key for word in field.forbidden):
        return 0.0
    for rank, synonym in enumerate(field.synonyms):
        if len(synonym) >= 4 and synonym in key:
            return 500.0 - rank - (len(key) - len(synonym))
    return 0.0


def _content_ok(kind: Kind, values: Sequence[object]) -> bool:
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
    else:
        return True
    return ok >= 0.5 * len(sample)


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
    columns: dict[str, str] = {}
    how: dict[str, str] = {}
    taken: set[str] = set()
    by_key = {header_key(h): h for h in headers if header_key(h)}
    problems = []
    for field_name, header in (overrides or {}).items():
        if field_name not in fields:
            problems.append(f"unknown field {field_name!r} (known: {', '.join(fields)})")
            continue
        found = by_key.get(header_key(header))
        if found is None:
            problems.append(f"{field_name} → {header!r}: no such column in {source}")
            continue
        columns[field_name], how[field_name] = found, "user"
        taken.add(found)
    if problems:
        raise SettingsError(f"Column mapping for the {side} export: " + "; ".join(problems) + ".")
    candidates = sorted(
        (
            (_match_score(field, header_key(header)), index, field.name, header)
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
        if not exact_text and not _content_ok(fields[field_name].kind, data[header]):
            continue
        columns[field_name], how[field_name] = header, "synonym"
        taken.add(header)
    _fill_by_content(side, headers, data, columns, how, taken)
    _refuse_ambiguous(headers, data, columns, how, source)
    mapping = ColumnMapping(side, columns, how)
    check_required(mapping, headers, source)
    return mapping


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


def _fill_by_content(
    side: Side,
    headers: list[str],
    data: Mapping[str, Sequence[object]],
    columns: dict[str, str],
    how: dict[str, str],
    taken: set[str],
) -> None:
    """Last resort for unknown exports: pick untaken columns whose values look right."""
    free = [h for h in headers if h not in taken]
    looks: dict[str, Callable[[Sequence[object]], bool]] = {
        "quantity": lambda s: _content_ok("quantity", s) and _mostly_small_whole(s),
    }
    for field_name, check in looks.items():
        if field_name in columns:
            continue
        for header in free:
            if check(data[header]):
                columns[field_name], how[field_name] = header, "content"
                taken.add(header)
                free.remove(header)
                break


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
        side: sum(marker in keys for marker in markers) for side, markers in _SIDE_MARKERS.items()
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
            f"{', '.join(h for h in headers if header_key(h) in _SIDE_MARKERS[other][:40])}). "
            "Swap the two files (or paste each export into its own sheet)."
        )
