"""A scenario rendered as a vendor bill (Partner Center, Pax8, Dicker Data, Cloudmore): rows of text."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from addin.sample.csv_bytes import stable_number
from addin.sample.products import FREE_PRODUCT, SampleProduct
from addin.sample.scenario import Scenario

VENDOR_FORMATS = ("partner_center", "pax8", "dicker", "cloudmore")


def money_text(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP)}"


def vendor_lines(scenario: Scenario) -> list[tuple[str, SampleProduct, int, Decimal, int, str]]:
    """(client, product, quantity, unit cost per billed period, months, charge) per vendor line."""
    lines = []
    for h in scenario.holdings:
        if h.vendor_qty <= 0 or not scenario.vendor_names[h.client]:
            continue
        months = 12 if h.annual_vendor else 1
        unit = h.product.cost * months
        name = scenario.vendor_names[h.client]
        parts = [
            h.vendor_qty // h.split + (1 if i < h.vendor_qty % h.split else 0)
            for i in range(h.split)
        ]
        for quantity in parts:
            lines.append((name, h.product, quantity, unit, months, "cycleCharge"))
        if h.credit:
            lines.append((name, h.product, 1, unit, months, "addQuantity"))
            lines.append((name, h.product, -1, unit, months, "removeQuantity"))
    for client, seats in scenario.free:
        lines.append(
            (scenario.vendor_names[client], FREE_PRODUCT, seats, Decimal(0), 1, "cycleCharge")
        )
    return lines


def vendor_rows(scenario: Scenario, fmt: str, *, period: str = "2025-08") -> list[list[str]]:
    """The vendor bill as rows of text, header first (plus preamble where the format has one)."""
    start, end = f"{period}-01", f"{period}-28"
    if fmt == "partner_center":
        return _partner_center_rows(scenario, start, end)
    if fmt == "pax8":
        return _pax8_rows(scenario, start, end)
    if fmt == "dicker":
        return _dicker_rows(scenario, period)
    if fmt == "cloudmore":
        return _cloudmore_rows(scenario, period)
    from addin.sample.formats import MORE_VENDOR_FORMATS, more_vendor_rows

    if fmt in MORE_VENDOR_FORMATS:
        return more_vendor_rows(scenario, fmt, period)
    raise ValueError(f"unknown vendor format {fmt!r}; known: {', '.join(VENDOR_FORMATS)}")


def _partner_center_rows(scenario: Scenario, start: str, end: str) -> list[list[str]]:
    """Partner Center's billing reconciliation export."""
    rows: list[list[str]] = []
    rows.append(
        [
            "PartnerId",
            "CustomerId",
            "CustomerName",
            "CustomerDomainName",
            "InvoiceNumber",
            "ProductId",
            "SkuId",
            "SkuName",
            "ProductName",
            "ChargeType",
            "UnitPrice",
            "Quantity",
            "Subtotal",
            "TaxTotal",
            "Total",
            "Currency",
            "SubscriptionId",
            "ChargeStartDate",
            "ChargeEndDate",
            "TermAndBillingCycle",
            "EffectiveUnitPrice",
            "BillableQuantity",
            "BillingFrequency",
        ]
    )
    for i, (name, product, qty, unit, months, charge) in enumerate(vendor_lines(scenario)):
        pid, _, sku = product.partner_center_id.partition(":")
        list_price = (unit * Decimal("1.1")).quantize(Decimal("0.01"))
        subtotal = unit * qty
        domain = (
            "".join(c for c in name.lower().split(" ")[0] if c.isalnum())
            + f"{i % 7}.onmicrosoft.com"
        )
        term = (
            "One-Year commitment for yearly billing"
            if months == 12
            else "One-Year commitment for monthly billing"
        )
        if product is FREE_PRODUCT:
            term = "One-Month commitment for trial"
        rows.append(
            [
                "p-1",
                f"c-{stable_number(name) % 10**8}",
                name,
                domain,
                "G012345678",
                pid,
                sku,
                product.name,
                product.name,
                charge,
                money_text(list_price),
                str(qty),
                money_text(subtotal),
                "0.00",
                money_text(subtotal),
                "USD",
                f"sub-{i}",
                start,
                end,
                term,
                money_text(unit),
                str(qty),
                "Annual" if months == 12 else "Monthly",
            ]
        )
    return rows


def _pax8_rows(scenario: Scenario, start: str, end: str) -> list[list[str]]:
    """Pax8's invoice export."""
    rows: list[list[str]] = []
    rows.append(
        [
            "companyName",
            "companyId",
            "productName",
            "sku",
            "quantity",
            "term",
            "price",
            "cost",
            "subTotal",
            "costTotal",
            "total",
            "startPeriod",
            "endPeriod",
            "type",
            "currencyCode",
        ]
    )
    for name, product, qty, unit, months, _charge in vendor_lines(scenario):
        suggested = (unit * Decimal("1.2")).quantize(Decimal("0.01"))
        rows.append(
            [
                name,
                f"{stable_number(name) % 10**6}",
                f"{product.name} [NCE]",
                "MST-NCE-103-C100" if product.name.endswith("Business Premium") else "",
                str(qty),
                "Annual" if months == 12 else "Monthly",
                money_text(suggested),
                money_text(unit),
                money_text(suggested * qty),
                money_text(unit * qty),
                money_text(unit * qty),
                start,
                end if months == 1 else _year_end(start),  # an annual charge covers the year
                "credits" if qty < 0 else "subscription",
                "USD",
            ]
        )
    return rows


def _dicker_rows(scenario: Scenario, period: str) -> list[list[str]]:
    """Dicker Data's annuity report, under its title rows."""
    rows: list[list[str]] = []
    rows.append(["Dicker Data - Annuity Report"])
    rows.append([f"Period: {period}"])
    rows.append([])
    rows.append(
        [
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
            "UNIT PRICE",
            "UNIT RRP",
        ]
    )
    for i, (name, product, qty, unit, months, _charge) in enumerate(vendor_lines(scenario)):
        code = (
            f"P1Y:{product.partner_center_id}:{'Y' if months == 12 else '1'}:"
            if product.partner_center_id
            else ""
        )
        rows.append(
            [
                f"t-{i}",
                name,
                f"s-{i}",
                code,
                product.terse,
                "",
                str(qty),
                "Credit" if qty < 0 else "Renewal",
                "Active",
                "01-AUG-2025",
                "31-JUL-2026" if months == 12 else "31-AUG-2025",
                f"${money_text(unit)}",
                f"${money_text(unit * Decimal('1.25'))}",
            ]
        )
    return rows


def _cloudmore_rows(scenario: Scenario, period: str) -> list[list[str]]:
    """Cloudmore's billing export: European dates and decimal commas."""
    rows: list[list[str]] = []
    rows.append(
        [
            "Billing Date",
            "Service Name",
            "Broker Name",
            "Organization Name",
            "Customer Number",
            "Product Name",
            "Item Code",
            "Quantity",
            "Unit Cost Price",
            "Unit Sales Price",
            "Total Cost",
            "Total Sales",
            "Currency Code",
            "Payment Frequency",
        ]
    )
    for name, product, qty, unit, months, _charge in vendor_lines(scenario):

        def eu(value: Decimal) -> str:
            return money_text(value).replace(".", ",")

        rows.append(
            [
                f"01.{period[5:]}.{period[:4]}",
                "Microsoft CSP",
                "Broker AB",
                name,
                str(stable_number(name) % 10**5),
                product.name,
                product.partner_center_id.replace(":", ""),
                str(qty),
                eu(unit),
                eu(unit * Decimal("1.3")),
                eu(unit * qty),
                eu(unit * Decimal("1.3") * qty),
                "EUR",
                "Annually" if months == 12 else "Monthly",
            ]
        )
    return rows


def _year_end(start: str) -> str:
    """The last day of the year-long charge period that starts on ``start`` (YYYY-MM-DD)."""
    begin = dt.date.fromisoformat(start)
    return (dt.date(begin.year + 1, begin.month, begin.day) - dt.timedelta(days=1)).isoformat()
