"""Vendor bills (what the MSP pays), one function per format.

Each returns (file name, sheet name or None, {vendor line index: row number}). The source or the
assumption behind every format is written above it. One currency per file.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from .catalogue import BY_KEY
from .render import (
    dmy_upper,
    eu_date,
    grouped,
    money,
    plain,
    uk_date,
    us_date,
    write_csv,
    write_xlsx,
    year_end,
)
from .scenario import PERIOD_END, PERIOD_START, Scenario, VendorLine

START = dt.date(*PERIOD_START)
END = dt.date(*PERIOD_END)
Rendered = tuple[str, str | None, dict[int, int]]


def _ordered(s: Scenario) -> list[tuple[int, VendorLine]]:
    return sorted(
        enumerate(s.vendor),
        key=lambda item: (
            s.clients[item[1].client].vendor_name.casefold(),
            BY_KEY[item[1].product].name,
            item[0],
        ),
    )


def _by_order(s: Scenario) -> list[tuple[int, VendorLine]]:
    """Partner Center files are not sorted by customer: lines come in order-id order, so one
    customer's subscriptions are scattered through the file."""
    return sorted(
        enumerate(s.vendor), key=lambda item: (hash_of(item[1].sub_id + "/order"), item[0])
    )


def _end(line: VendorLine) -> dt.date:
    return year_end(START) if line.annual else END


def _tenant_id(s: Scenario, client: int) -> str:
    rng = random.Random(f"tenant/{s.seed}/{client}")
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# ---- Microsoft Partner Center, new-commerce invoice reconciliation file (CSV) --------------------
# Columns in Microsoft's documented order (learn.microsoft.com "modern invoice reconciliation file",
# quoted in shared/reference/exports.md) plus the newer ones. Quirks seen in real downloads: a BOM,
# ChargeType in mixed case, a header row repeated mid-file, numbers with a leading apostrophe
# (EffectiveUnitPrice, BillableQuantity), ReferenceId turning into JSON, credits as negative
# quantities. USD bill, exchange rate 1.
PC_COLUMNS = [
    "PartnerId",
    "CustomerId",
    "CustomerName",
    "CustomerDomainName",
    "CustomerCountry",
    "InvoiceNumber",
    "MpnId",
    "ResellerMpnId",
    "OrderId",
    "OrderDate",
    "ProductId",
    "SkuId",
    "AvailabilityId",
    "SkuName",
    "ProductName",
    "ChargeType",
    "UnitPrice",
    "Quantity",
    "Subtotal",
    "TaxTotal",
    "Total",
    "Currency",
    "PriceAdjustmentDescription",
    "PublisherName",
    "PublisherId",
    "SubscriptionDescription",
    "SubscriptionId",
    "ChargeStartDate",
    "ChargeEndDate",
    "TermAndBillingCycle",
    "EffectiveUnitPrice",
    "UnitType",
    "AlternateId",
    "BillableQuantity",
    "BillingFrequency",
    "PricingCurrency",
    "PCToBCExchangeRate",
    "PCToBCExchangeRateDate",
    "MeterDescription",
    "ReservationOrderId",
    "SubscriptionStartDate",
    "SubscriptionEndDate",
    "ReferenceId",
    "ProductQualifiers",
    "PromotionId",
    "ProductCategory",
]

PC_TERMS = {
    ("P1M", False): "One-Month commitment for monthly billing",
    ("P1Y", False): "One-Year commitment for monthly/yearly billing",
    ("P1Y", True): "One-Year commitment for yearly billing",
}


def partner_center_nce(s: Scenario, out: Path) -> Rendered:
    return _partner_center(s, out, "USD", None)


# The same file for a partner billed in another currency than the price list: prices in USD,
# Currency GBP, PCToBCExchangeRate on every line; the cost in the bill's currency is
# ROUNDDOWN(EffectiveUnitPrice × PCToBCExchangeRate, 2) (exports.md, rules.md). Assumption: a UK
# partner whose prices are set in USD.
PC_RATE = Fraction(7841, 10000)


def partner_center_nce_fx(s: Scenario, out: Path) -> Rendered:
    return _partner_center(s, out, "GBP", PC_RATE)


def _usd(cents_in_bill: int, rate: Fraction | None) -> str:
    """The USD price whose ROUNDDOWN(price × rate, 2) is `cents_in_bill`."""
    if rate is None or cents_in_bill == 0:
        return plain(cents_in_bill)
    sign = -1 if cents_in_bill < 0 else 1
    usd = math.ceil(Fraction(abs(cents_in_bill)) / rate)
    assert math.floor(usd * rate) == abs(cents_in_bill)
    return plain(sign * usd)


def _partner_center(s: Scenario, out: Path, currency: str, rate: Fraction | None) -> Rendered:
    rng = random.Random(f"pc/{s.seed}")
    rows: list[list[str]] = [PC_COLUMNS]
    rowmap: dict[int, int] = {}
    ordered = _by_order(s)
    repeat_at = len(ordered) // 2
    for n, (index, v) in enumerate(ordered):
        if n == repeat_at and n:
            rows.append(PC_COLUMNS)
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        product_id, _, sku_id = p.catalog_id.partition(":")
        unit = _usd(v.unit_cents, rate)
        list_price = _usd(v.list_cents, rate)
        if rng.random() < 0.1:
            unit = "'" + unit + "0" * 16
        charge = v.charge if v.role != "free" else "new"
        charge = rng.choice([charge, charge.lower(), charge[0].upper() + charge[1:]])
        term = (
            "One-Month commitment for trial" if v.role == "free" else PC_TERMS[(v.term, v.annual)]
        )
        subtotal = plain(v.qty * v.unit_cents)
        billable = f"'{v.qty}.000000000000000000" if rng.random() < 0.1 else str(v.qty)
        # ReferenceId: a plain id in the first half of the file, JSON from the repeated header on
        reference = (
            f"{hash_of(v.sub_id) % 10**10:010d}"
            if n < repeat_at
            else '{"ReferenceId":"' + f"{hash_of(v.sub_id) % 10**10:010d}" + '","Source":"Order"}'
        )
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                "8f6a4c2e-1b7d-4e0a-9c35-2f1d7e6b9a10",
                _tenant_id(s, v.client),
                client.vendor_name,
                client.domain,
                "US" if rate is None else "GB",
                "G012345678",
                "6104321",
                "",
                f"{abs(hash_of(v.sub_id)) % 10**12:012d}",
                us_date(START),
                product_id,
                sku_id or "0001",
                "CFQ7TTC0ABCD",
                p.name,
                p.name,
                charge,
                list_price,
                str(v.qty),
                subtotal,
                "0",
                subtotal,
                currency,
                "Partner earned credit" if v.unit_cents < v.list_cents else "",
                p.publisher,
                "",
                p.name,
                f"{v.sub_id[:4]}a1b2-{v.sub_id[4:]}-4c3d-9e8f-0a1b2c3d4e5f",
                us_date(START),
                us_date(_end(v)),
                term,
                unit,
                "Licenses",
                "",
                billable,
                "Annual" if v.annual else "Monthly",
                "USD",
                "1" if rate is None else str(Decimal(rate.numerator) / rate.denominator),
                us_date(START),
                "",
                "",
                us_date(START),
                us_date(year_end(START) if v.term == "P1Y" else END),
                reference,
                "",
                "",
                "Microsoft 365" if p.microsoft else "SaaS",
            ]
        )
    write_csv(out / "vendor.csv", rows, bom=True)
    return "vendor.csv", None, rowmap


def hash_of(text: str) -> int:
    """A stable number from text (Python's hash() changes between runs)."""
    value = 0
    for ch in text:
        value = (value * 131 + ord(ch)) % (10**15)
    return value


# ---- Microsoft Partner Center, legacy licence-based reconciliation file (CSV) ----------------------
# Columns as exports.md lists them for older partners. UnitPrice is the list price; the real cost is
# Subtotal ÷ Quantity once TotalOtherDiscount is taken off (issue 10). BillingCycleType says whether a
# line covers a month or a year. Credits ("Prorate fees when cancel") carry negative quantities.
LEGACY_COLUMNS = [
    "PartnerId",
    "CustomerId",
    "CustomerName",
    "MpnId",
    "ResellerMpnId",
    "OrderId",
    "SubscriptionId",
    "SyndicationPartnerSubscriptionNumber",
    "OfferId",
    "DurableOfferId",
    "OfferName",
    "SubscriptionStartDate",
    "SubscriptionEndDate",
    "ChargeStartDate",
    "ChargeEndDate",
    "ChargeType",
    "UnitPrice",
    "Quantity",
    "Amount",
    "TotalOtherDiscount",
    "Subtotal",
    "Tax",
    "TotalForCustomer",
    "Currency",
    "DomainName",
    "SubscriptionName",
    "SubscriptionDescription",
    "BillingCycleType",
]


def partner_center_legacy(s: Scenario, out: Path) -> Rendered:
    rows: list[list[str]] = [LEGACY_COLUMNS]
    rowmap: dict[int, int] = {}
    for index, v in _by_order(s):
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        amount = v.qty * v.list_cents
        subtotal = v.qty * v.unit_cents
        charge = {
            "licence": "Cycle fee",
            "credit": "Prorate fees when cancel",
            "free": "Cycle fee",
        }[v.role]
        offer = f"{hash_of(p.key) % 0xFFFFFFFF:08X}-{hash_of(p.name) % 0xFFFF:04X}-4B1C-9D2E-{hash_of(p.catalog_id) % 10**12:012d}"
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                "8f6a4c2e-1b7d-4e0a-9c35-2f1d7e6b9a10",
                _tenant_id(s, v.client),
                client.vendor_name,
                "6104321",
                "",
                f"{hash_of(v.sub_id) % 10**12:012d}",
                f"{v.sub_id[:4]}a1b2-{v.sub_id[4:]}-4c3d-9e8f-0a1b2c3d4e5f",
                "",
                offer,
                p.catalog_id.split(":")[0],
                p.name,
                us_date(START),
                us_date(year_end(START)),
                us_date(START),
                us_date(_end(v)),
                charge,
                plain(v.list_cents),
                str(v.qty),
                plain(amount),
                plain(amount - subtotal),
                plain(subtotal),
                "0.00",
                plain(subtotal),
                "USD",
                client.domain,
                p.name,
                p.name,
                "Annual" if v.annual else "Monthly",
            ]
        )
    write_csv(out / "vendor.csv", rows)
    return "vendor.csv", None, rowmap


def pax8_sku(key: str, term: str) -> str:
    """Pax8 SKUs look like MST-NCE-103-C100 (Business Premium, exports.md); the others here are
    made up in that shape and never reuse 103."""
    number = 103 if key == "bp" else 200 + hash_of(key) % 700
    return f"MST-NCE-{number}-C{100 if term == 'P1M' else 200}"


# ---- Pax8 portal invoice CSV ------------------------------------------------------------------------
# Columns from issue 10 / exports.md (company_name, company_id, type, description, details, sku,
# quantity, cost, cost_total, price, subtotal, partner_subtotal, start_period, invoice_date) with
# end_period and term added from the API's invoice item fields. `cost` is the MSP's unit cost,
# `price` Pax8's suggested customer price. Product names carry "[NCE]" tags; details say how the line
# is billed (an annual-billed line's cost covers its twelve-month period). USD, plain numbers.
def pax8_invoice(s: Scenario, out: Path) -> Rendered:
    columns = [
        "company_name",
        "company_id",
        "type",
        "description",
        "details",
        "sku",
        "quantity",
        "cost",
        "cost_total",
        "price",
        "subtotal",
        "partner_subtotal",
        "start_period",
        "end_period",
        "term",
        "invoice_date",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    for index, v in _ordered(s):
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        if p.microsoft:
            description = (
                f"{p.name} [{'New Commerce Experience' if hash_of(p.key) % 3 == 0 else 'NCE'}]"
            )
            sku = pax8_sku(p.key, v.term)
        else:
            description, sku = p.name, p.catalog_id
        if v.role == "free":
            details, kind, term = "Trial / free offer", "subscription", "Trial"
        else:
            kind = "credit" if v.role == "credit" else "subscription"
            commit = "1 Year Commitment" if v.term == "P1Y" else "Monthly Commitment"
            billing = "Billed Annually (12 months)" if v.annual else "Billed Monthly"
            details, term = f"{commit} - {billing}", "Annual" if v.term == "P1Y" else "Monthly"
        price = v.unit_cents * 13 // 10 if v.unit_cents else 0
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.vendor_name,
                f"{hash_of(client.domain) % 10**7:07d}",
                kind,
                description,
                details,
                sku,
                str(v.qty),
                plain(v.unit_cents),
                plain(v.qty * v.unit_cents),
                plain(price),
                plain(v.qty * price),
                plain(v.qty * v.unit_cents),
                START.isoformat(),
                _end(v).isoformat(),
                term,
                "2026-12-01",
            ]
        )
    write_csv(out / "vendor.csv", rows)
    return "vendor.csv", None, rowmap


# ---- Pax8 invoice items, API field names (CSV) ---------------------------------------------------------
# The Pax8 public API's invoice item fields as exports.md lists them (companyName, companyId,
# externalId, startPeriod, endPeriod, quantity, unitOfMeasure, term, sku, description, details,
# price, subTotal, cost, costTotal, total, productId, productName, currencyCode, subscriptionId,
# vendorName, type), written to CSV by an MSP's script in that order. `cost` is the unit cost,
# `price` the suggested customer price; `term` is the commitment, so an annual-billed line shows
# itself by its twelve-month period (and its details).
def pax8_api_items(s: Scenario, out: Path) -> Rendered:
    columns = [
        "companyName",
        "companyId",
        "externalId",
        "startPeriod",
        "endPeriod",
        "quantity",
        "unitOfMeasure",
        "term",
        "sku",
        "description",
        "details",
        "price",
        "subTotal",
        "cost",
        "costTotal",
        "total",
        "productId",
        "productName",
        "currencyCode",
        "subscriptionId",
        "vendorName",
        "type",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    for index, v in _ordered(s):
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        name = f"{p.name} [NCE]" if p.microsoft else p.name
        if v.role == "free":
            term, details = "Trial", "Free"
        else:
            term = "Annual" if v.term == "P1Y" else "Monthly"
            details = ("Commitment: 1 year; " if v.term == "P1Y" else "Commitment: 1 month; ") + (
                "Billing: annual" if v.annual else "Billing: monthly"
            )
        price = v.unit_cents * 13 // 10 if v.unit_cents else 0
        kind = {"licence": "subscription", "credit": "credits", "free": "subscription"}[v.role]
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.vendor_name,
                f"{hash_of(client.domain) % 10**7:07d}",
                client.domain.split(".")[0].upper()[:10],
                START.isoformat(),
                _end(v).isoformat(),
                str(v.qty),
                "User",
                term,
                pax8_sku(p.key, v.term) if p.microsoft else p.catalog_id,
                name,
                details,
                plain(price),
                plain(v.qty * price),
                plain(v.unit_cents),
                plain(v.qty * v.unit_cents),
                plain(v.qty * price),
                f"{hash_of(p.name) % 10**8:08d}",
                name,
                "USD",
                f"{v.sub_id}-{hash_of(client.domain) % 10**4:04d}",
                "Microsoft" if p.microsoft else p.publisher,
                kind,
            ]
        )
    write_csv(out / "vendor.csv", rows)
    return "vendor.csv", None, rowmap


# ---- Sherweb payable charges (CSV, CAD) -------------------------------------------------------------
# Assumption: Sherweb's partner portal "Payable charges" export lists one row per subscription charge
# with the partner's unit cost and the MSRP; captions written from Sherweb's billing pages (Canadian
# distributor, so CAD). Credits are negative rows ("Refund"). Money with a $ sign and thousands commas.
def sherweb_payables(s: Scenario, out: Path) -> Rendered:
    columns = [
        "Customer Name",
        "Customer ID",
        "Subscription ID",
        "Product Name",
        "SKU",
        "Billing Cycle",
        "Commitment",
        "Charge Type",
        "Period Start",
        "Period End",
        "Quantity",
        "Unit Cost",
        "Unit MSRP",
        "Total Cost",
        "Currency",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    for index, v in _ordered(s):
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        suffix = "Annual" if v.annual else "Monthly"
        name = f"{p.name} (NCE) - {suffix}" if p.microsoft else f"{p.name} - {suffix}"
        charge = {"licence": "Recurring", "credit": "Refund", "free": "Trial"}[v.role]
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.vendor_name,
                f"CU-{hash_of(client.domain) % 10**6:06d}",
                v.sub_id,
                name,
                p.catalog_id,
                "Yearly" if v.annual else "Monthly",
                "1 year" if v.term == "P1Y" else "1 month",
                charge,
                START.isoformat(),
                _end(v).isoformat(),
                str(v.qty),
                money(v.unit_cents, "CAD"),
                money(v.list_cents, "CAD"),
                money(v.qty * v.unit_cents, "CAD"),
                "CAD",
            ]
        )
    write_csv(out / "vendor.csv", rows)
    return "vendor.csv", None, rowmap


# ---- Giacom Cloud Market billing export (CSV, GBP) --------------------------------------------------
# Assumption: a UK distributor's monthly invoice detail: customer, product code, description with
# the commitment, unit price to the reseller ex VAT, line total ex VAT, VAT at 20 %, the service
# period in dd/mm/yyyy; pound signs. Credits carry negative quantities and amounts.
def giacom_invoice(s: Scenario, out: Path) -> Rendered:
    columns = [
        "Customer",
        "Customer Reference",
        "Product Code",
        "Description",
        "Frequency",
        "From",
        "To",
        "Quantity",
        "Unit Price (ex VAT)",
        "Line Total (ex VAT)",
        "VAT",
        "RRP",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    for index, v in _ordered(s):
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        commit = "12 Month Commitment" if v.term == "P1Y" else "Monthly Commitment"
        description = f"{p.name} - {commit}" + (" (Credit)" if v.role == "credit" else "")
        total = v.qty * v.unit_cents
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.vendor_name,
                f"GCM{hash_of(client.domain) % 10**6:06d}",
                p.catalog_id.replace(":", "-"),
                description,
                "Annual" if v.annual else "Monthly",
                uk_date(START),
                uk_date(_end(v)),
                str(v.qty),
                money(v.unit_cents, "GBP"),
                money(total, "GBP"),
                money(total // 5, "GBP"),
                money(v.list_cents, "GBP"),
            ]
        )
    write_csv(out / "vendor.csv", rows)
    return "vendor.csv", None, rowmap


# ---- Crayon invoice specification (semicolon CSV, EUR, decimal comma) -------------------------------
# Assumption: a European distributor's invoice specification: ';' separated, decimal commas,
# dd.mm.yyyy dates (exports.md: European exports use ';' and decimal commas). Unit price is the list
# price, "Net unit price" the price after the partner discount (the MSP's cost), Amount = qty × net.
# Written UTF-8 with a BOM (customer names here carry letters Windows-1252 cannot hold).
def crayon_invoice(s: Scenario, out: Path) -> Rendered:
    columns = [
        "Customer",
        "Organization number",
        "Subscription",
        "Product",
        "Part number",
        "Billing cycle",
        "Period from",
        "Period to",
        "Quantity",
        "Unit price",
        "Discount %",
        "Net unit price",
        "Amount",
        "Currency",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    for index, v in _ordered(s):
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        discount = (
            f"{Decimal(100) - Decimal(v.unit_cents) * 100 / Decimal(v.list_cents):.2f}".replace(
                ".", ","
            )
            if v.list_cents
            else "0,00"
        )
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.vendor_name,
                f"{hash_of(client.domain) % 10**9:09d}",
                f"{p.name} ({client.domain.split('.')[0]})",
                p.name + (" NCE" if p.microsoft else ""),
                p.catalog_id,
                "Annual" if v.annual else "Monthly",
                eu_date(START),
                eu_date(_end(v)),
                str(v.qty),
                grouped(v.list_cents, comma=True),
                discount,
                grouped(v.unit_cents, comma=True),
                grouped(v.qty * v.unit_cents, comma=True),
                "EUR",
            ]
        )
    write_csv(out / "vendor.csv", rows, delimiter=";", bom=True)
    return "vendor.csv", None, rowmap


# ---- Ingram Micro Cloud Marketplace (Xvantage) billing export (xlsx, USD) ---------------------------
# exports.md / issue 10: Ingram's "Net Price" is the line's extended net amount, not a unit price
# (unit cost = Net Price ÷ Quantity); subscription names look like "... (Monthly Pre-Paid)". Two title
# rows above the header, a summary sheet first, the detail on "Billing Details".
def ingram_xvantage(s: Scenario, out: Path) -> Rendered:
    columns = [
        "End Customer Name",
        "End Customer ID",
        "Subscription ID",
        "Product Name",
        "Vendor SKU",
        "Ingram Part Number",
        "Billing Frequency",
        "Term",
        "Charge Start Date",
        "Charge End Date",
        "Quantity",
        "List Price",
        "Net Price",
        "Currency",
    ]
    rows: list[Sequence[object]] = [
        ["Ingram Micro Cloud Marketplace - Billing Details"],
        ["Billing period: 01 Nov 2026 - 30 Nov 2026"],
        columns,
    ]
    rowmap: dict[int, int] = {}
    total = 0
    for index, v in _ordered(s):
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        tag = "Annual Pre-Paid" if v.annual else "Monthly Pre-Paid"
        rowmap[index] = len(rows) + 1
        net = v.qty * v.unit_cents
        total += net
        rows.append(
            [
                client.vendor_name,
                f"IM-{hash_of(client.domain) % 10**8:08d}",
                f"S-{v.sub_id}",
                f"{p.name} ({tag})",
                p.catalog_id,
                f"IM{hash_of(p.key) % 10**7:07d}",
                "Annual" if v.annual else "Monthly",
                "12 Months" if v.term == "P1Y" else "1 Month",
                START,
                _end(v),
                v.qty,
                Decimal(v.list_cents) / 100,
                Decimal(net) / 100,
                "USD",
            ]
        )
    summary: list[Sequence[object]] = [
        ["Invoice summary"],
        ["Invoice total (USD)", Decimal(total) / 100],
        ["Lines", len(s.vendor)],
    ]
    write_xlsx(out / "vendor.xlsx", [("Summary", summary), ("Billing Details", rows)])
    return "vendor.xlsx", "Billing Details", rowmap


# ---- Dicker Data annuity report (CSV, AUD) ----------------------------------------------------------
# Columns exactly as exports.md quotes them; stock codes embed the term and the Microsoft catalog id
# (P1M:… monthly; P1Y:…:1: annual term billed monthly; P1Y:…:Y: annual upfront), terse descriptions,
# money like "$338.31" and dates like "30-AUG-2025". UNIT PRICE is the reseller's cost for the period.
def dicker_annuity(s: Scenario, out: Path) -> Rendered:
    columns = [
        "TENANT ID",
        "TENANT NAME",
        "SUBSCRIPTION ID",
        "STOCK CODE",
        "STOCK DESCRIPTION",
        "REFERENCE",
        "QTY",
        "CHARGE TYPE",
        "STATUS",
        "START USAGE",
        "END USAGE",
        "REVALUATION PERIOD",
        "UNIT PRICE",
        "UNIT RRP",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    for index, v in _ordered(s):
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        code = p.catalog_id
        billing = "Y" if v.annual else ("1" if v.term == "P1Y" else "M")
        stock = f"{v.term}:{code}:{billing}:"
        term_word = "1YR" if v.term == "P1Y" else "1MTH"
        terse = p.terse + ("" if p.free else f" {term_word}") + (" UPFRONT" if v.annual else "")
        charge = {
            "licence": "RENEWAL" if v.annual else "MONTHLY",
            "credit": "CREDIT",
            "free": "TRIAL",
        }[v.role]
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                _tenant_id(s, v.client),
                client.vendor_name,
                v.sub_id,
                stock,
                terse,
                f"PO-{hash_of(v.sub_id) % 10**5:05d}",
                str(v.qty),
                charge,
                "ACTIVE",
                dmy_upper(START),
                dmy_upper(_end(v)),
                "12 MONTHS" if v.annual else "1 MONTH",
                money(v.unit_cents, "AUD"),
                money(v.list_cents, "AUD"),
            ]
        )
    write_csv(out / "vendor.csv", rows)
    return "vendor.csv", None, rowmap


# ---- TD SYNNEX StreamOne Ion billing export (CSV, USD) ----------------------------------------------
# exports.md: StreamOne Ion exports carry both a unit price and extended amounts, and TD SYNNEX ids
# prefix the country to Microsoft's catalog id (USCFQ7TTC0LCHC0002). Assumed captions: the reseller's
# unit price and extended price (the MSP's cost) beside the customer MSRP; dates yyyy-mm-dd;
# money as plain numbers; a final "Grand Total" row.
def td_synnex_ion(s: Scenario, out: Path) -> Rendered:
    columns = [
        "Customer Name",
        "Customer ID",
        "Cloud Provider",
        "Subscription ID",
        "Product Name",
        "SKU",
        "Billing Frequency",
        "Commitment Term",
        "Start Date",
        "End Date",
        "Quantity",
        "Reseller Unit Price",
        "Reseller Extended Price",
        "MSRP Unit Price",
        "Currency",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    total = 0
    for index, v in _ordered(s):
        p = BY_KEY[v.product]
        client = s.clients[v.client]
        sku = (
            "US" + p.catalog_id.replace(":", "")
            if p.microsoft
            else "US" + p.catalog_id.replace("-", "")
        )
        rowmap[index] = len(rows) + 1
        total += v.qty * v.unit_cents
        rows.append(
            [
                client.vendor_name,
                f"{hash_of(client.domain) % 10**9:09d}",
                "Microsoft" if p.microsoft else p.publisher,
                f"{v.sub_id}-{hash_of(v.sub_id) % 10**4:04d}",
                p.name,
                sku,
                "Annual" if v.annual else "Monthly",
                "P1Y" if v.term == "P1Y" else "P1M",
                START.isoformat(),
                _end(v).isoformat(),
                str(v.qty),
                plain(v.unit_cents),
                plain(v.qty * v.unit_cents),
                plain(v.list_cents),
                "USD",
            ]
        )
    rows.append(
        ["Grand Total", "", "", "", "", "", "", "", "", "", "", "", plain(total), "", "USD"]
    )
    write_csv(out / "vendor.csv", rows)
    return "vendor.csv", None, rowmap


VENDOR: dict[str, tuple[Callable[[Scenario, Path], Rendered], str, bool]] = {
    # name: (renderer, currency, Microsoft products only)
    "partner_center_nce": (partner_center_nce, "USD", True),
    "partner_center_nce_fx": (partner_center_nce_fx, "GBP", True),
    "partner_center_legacy": (partner_center_legacy, "USD", True),
    "pax8_invoice_csv": (pax8_invoice, "USD", False),
    "pax8_api_items": (pax8_api_items, "USD", False),
    "sherweb_payables": (sherweb_payables, "CAD", False),
    "giacom_cloud_market": (giacom_invoice, "GBP", False),
    "crayon_invoice_eu": (crayon_invoice, "EUR", False),
    "ingram_xvantage_xlsx": (ingram_xvantage, "USD", False),
    "dicker_annuity": (dicker_annuity, "AUD", False),
    "td_synnex_ion": (td_synnex_ion, "USD", False),
}
