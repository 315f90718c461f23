"""Vendor bills, each rendered the way that vendor's export looks.

A renderer returns the sheets to write and, for every scenario line, the
1-based row it landed on (physical line of a CSV, sheet row of a workbook).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from . import catalogue as cat
from .names import fold_accents
from .scenario import PERIOD_END, PERIOD_START, Client, Scenario, VLine, money, rng_for, vendor_name
from .writers import Sheet, decimal_comma, plain, thousands

COUNTRY = {
    "US": "US",
    "UK": "GB",
    "IE": "IE",
    "DE": "DE",
    "AT": "AT",
    "FR": "FR",
    "LU": "LU",
    "NL": "NL",
    "BE": "BE",
    "PL": "PL",
    "FI": "FI",
    "DK": "DK",
    "ES": "ES",
    "AU": "AU",
    "NZ": "NZ",
    "SE": "SE",
    "NO": "NO",
    "CA": "CA",
}
MSP = "Brightlane IT Services"


@dataclass
class VendorRender:
    filename: str
    sheets: list[Sheet]
    data_sheet: str | None
    rows: list[tuple[VLine, int]]
    kind: str  # csv | xlsx | xls
    csv_options: dict[str, object]


@dataclass(frozen=True)
class VendorFormat:
    name: str
    currency: str
    ext: str
    domain: bool
    third_party: bool
    render: Callable[[Scenario], VendorRender]
    source: str
    sku_style: str = "plain"


def _clients(scen: Scenario) -> dict[int, Client]:
    return {c.idx: c for c in scen.clients}


def _end(line: VLine) -> date:
    return date(2027, 8, 31) if line.annual else PERIOD_END


def _msrp(line: VLine, scen: Scenario) -> Decimal:
    from .scenario import FX

    prod = cat.BY_KEY[line.product]
    unit = money(prod.msrp * FX[scen.currency])
    return unit * 12 if line.annual else unit


# --------------------------------------------------------------- Partner Center


PC_TERMS = {
    ("P1M", False): ("One-Month commitment for monthly billing", "Monthly"),
    ("P1Y", False): ("One-Year commitment for monthly/yearly billing", "Monthly"),
    ("P1Y", True): ("One-Year commitment for yearly billing", "Annual"),
}


def _pc_term(line: VLine) -> tuple[str, str]:
    if line.role == "free":
        return "One-Month commitment for trial", "Monthly"
    return PC_TERMS[(line.term, line.annual)]


def _pc_ids(line: VLine) -> tuple[str, str]:
    sku = cat.BY_KEY[line.product].sku
    product_id, _, sku_id = sku.partition(":")
    return product_id, sku_id or "0001"


def render_pc_billed_api(scen: Scenario) -> VendorRender:
    """Partner Center 'billed invoice reconciliation' line items, as the v2 API (camelCase)
    returns them and a PowerShell/Power Automate flow saves to CSV. Billed in GBP, priced in
    USD: the MSP's cost is ROUNDDOWN(effectiveUnitPrice × pcToBCExchangeRate, 2)."""
    rate = Decimal("0.7912")
    rng = rng_for("pc-api", scen.seed)
    clients = _clients(scen)
    sheet = Sheet("data")
    cols = [
        "partnerId",
        "customerId",
        "customerName",
        "customerDomainName",
        "customerCountry",
        "invoiceNumber",
        "mpnId",
        "resellerMpnId",
        "orderId",
        "orderDate",
        "productId",
        "skuId",
        "availabilityId",
        "skuName",
        "productName",
        "chargeType",
        "unitPrice",
        "quantity",
        "subtotal",
        "taxTotal",
        "totalForCustomer",
        "currency",
        "priceAdjustmentDescription",
        "publisherName",
        "publisherId",
        "subscriptionDescription",
        "subscriptionId",
        "chargeStartDate",
        "chargeEndDate",
        "termAndBillingCycle",
        "effectiveUnitPrice",
        "unitType",
        "alternateId",
        "billableQuantity",
        "billingFrequency",
        "pricingCurrency",
        "pcToBCExchangeRate",
        "pcToBCExchangeRateDate",
        "meterDescription",
        "reservationOrderId",
        "creditReasonCode",
        "subscriptionStartDate",
        "subscriptionEndDate",
        "productQualifiers",
        "promotionId",
        "productCategory",
    ]
    sheet.add(list(cols))
    rows: list[tuple[VLine, int]] = []
    partner = "3f8e2c1a-5b7d-4e90-a1c2-7d6e5f4a3b21"
    for line in scen.vlines:
        cl = clients[line.client]
        prod = cat.BY_KEY[line.product]
        pid, sid = _pc_ids(line)
        term, freq = _pc_term(line)
        eup = (line.unit / rate).quantize(Decimal("0.000001"), rounding=ROUND_CEILING)
        billed = Decimal(math.floor(eup * rate * 100)) / 100
        assert billed == line.unit, (billed, line.unit)
        list_usd = (_msrp(line, scen) / rate).quantize(Decimal("0.01"))
        sub = billed * line.qty
        tax = money(sub * Decimal("0.20"))
        charge = "cycleCharge" if line.role != "credit" else "removeQuantity"
        if line.annual:
            charge = "renew"
        row = [
            partner,
            cl.tenant_id,
            vendor_name(cl, scen.perturb),
            cl.domain.split(".")[0] + ".onmicrosoft.com",
            COUNTRY[cl.name.region],
            "G0" + str(41870000 + scen.seed),
            "5123456",
            "",
            f"{rng.getrandbits(40):x}",
            "2026-09-01T02:14:33Z",
            pid,
            sid,
            f"CFQ7TTC0{rng.randint(1000, 9999)}",
            prod.name,
            prod.name,
            charge,
            str(list_usd if line.role != "free" else "0"),
            str(line.qty),
            plain(sub),
            plain(tax),
            plain(sub + tax),
            "GBP",
            "",
            "Microsoft Corporation",
            "",
            prod.name,
            line.sub,
            "2026-09-01T00:00:00Z",
            _end(line).isoformat() + "T00:00:00Z",
            term,
            str(eup),
            "Licenses",
            "",
            str(line.qty),
            freq,
            "USD",
            str(rate),
            "2026-08-31T00:00:00Z",
            "",
            "",
            "",
            "2026-03-01T00:00:00Z",
            "2027-02-28T00:00:00Z",
            '["None"]',
            "",
            "Microsoft Subscriptions",
        ]
        rows.append((line, sheet.add(row)))
    return VendorRender("pc_billed_lineitems.csv", [sheet], None, rows, "csv", {})


def render_pc_recon_bom(scen: Scenario) -> VendorRender:
    """The NCE reconciliation CSV straight from the portal: BOM, numbers with a leading
    apostrophe, ChargeType in mixed case, the header repeated where parts were joined."""
    rng = rng_for("pc-recon", scen.seed)
    clients = _clients(scen)
    sheet = Sheet("data")
    cols = [
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
    sheet.add(list(cols))
    rows: list[tuple[VLine, int]] = []
    for i, line in enumerate(scen.vlines):
        if i and i % 240 == 0:
            sheet.add(list(cols))
        cl = clients[line.client]
        prod = cat.BY_KEY[line.product]
        pid, sid = _pc_ids(line)
        term, freq = _pc_term(line)
        charge = rng.choice(("cycleCharge", "CycleCharge", "cyclecharge", "new", "New"))
        if line.role == "credit":
            charge = rng.choice(("removeQuantity", "RemoveQuantity"))
        sub = line.unit * line.qty
        tax = money(sub * Decimal("0.10"))
        row = [
            "a1b2c3d4-0000-4e5f-8a9b-112233445566",
            cl.tenant_id,
            vendor_name(cl, scen.perturb),
            cl.domain.split(".")[0] + ".onmicrosoft.com",
            COUNTRY[cl.name.region],
            "E0" + str(77120000 + scen.seed),
            "6543210",
            "",
            f"{rng.getrandbits(40):x}",
            "9/1/2026 12:00:00 AM",
            pid,
            sid,
            f"CFQ7TTC0{rng.randint(1000, 9999)}",
            prod.name,
            prod.name,
            charge,
            f"'{_msrp(line, scen) if line.role != 'free' else Decimal(0):.18f}",
            f"'{line.qty:.18f}",
            f"'{sub:.18f}",
            f"'{tax:.18f}",
            f"'{sub + tax:.18f}",
            "AUD",
            "",
            "Microsoft Corporation",
            "",
            prod.name,
            line.sub,
            "9/1/2026 12:00:00 AM",
            f"{_end(line).month}/{_end(line).day}/{_end(line).year} 12:00:00 AM",
            term,
            f"'{line.unit:.18f}",
            "Licenses",
            "",
            f"'{line.qty:.18f}",
            freq,
            "AUD",
            "'1",
            "9/1/2026 12:00:00 AM",
            "",
            "",
            "3/1/2026 12:00:00 AM",
            "2/28/2027 12:00:00 AM",
            "",
            "",
            "",
            "Microsoft Subscriptions",
        ]
        rows.append((line, sheet.add(row)))
    return VendorRender("Reconciliation_E077120.csv", [sheet], None, rows, "csv", {"bom": True})


# --------------------------------------------------------------- Pax8


def _vendor_product_name(line: VLine, style: str) -> str:
    prod = cat.BY_KEY[line.product]
    if prod.publisher != cat.MS:
        return prod.distributor_name
    if style == "pax8":
        return f"{prod.name} [NCE]" if line.role != "free" else f"{prod.name} (Trial)"
    if style == "ingram":
        if line.role == "free":
            return f"{prod.name} (Trial)"
        if line.annual:
            return f"{prod.name} (NCE) (Annual Pre-Paid)"
        if line.term == "P1Y":
            return f"{prod.name} (NCE) (Annual Commitment, Monthly Billing)"
        return f"{prod.name} (NCE) (Monthly Pre-Paid)"
    if style == "also":
        return f"{prod.name} (NCE)"
    if style == "infinigate":
        return f"{prod.name} (NCE {'P1Y' if line.term == 'P1Y' else 'P1M'})"
    if style == "leader":
        return f"{prod.name} - {'1 Year' if line.term == 'P1Y' else '1 Month'} Term (NCE)"
    return prod.name


def render_pax8_by_company(scen: Scenario) -> VendorRender:
    """Pax8 'Billing by Company' report saved as xlsx: a Summary sheet first, then title
    rows, each company on a group row, its products indented below, a total per company."""
    clients = _clients(scen)
    summary = Sheet("Summary", money_cols={2, 3})
    summary.add(["Pax8 Billing Summary — September 2026"], bold=True)
    summary.add([])
    summary.add(["Company", "Line Items", "Total Cost", "Total Price"], bold=True)
    data = Sheet("Billing by Company", date_format="mm/dd/yyyy", money_cols={8, 9, 10, 11})
    data.add(["Pax8 Partner Billing — Billing by Company"], bold=True)
    data.add(["Billing period: September 1, 2026 - September 30, 2026"])
    data.add([])
    data.add(
        [
            "Company / Product",
            "SKU",
            "Vendor",
            "Commitment Term",
            "Billing Term",
            "Start Date",
            "End Date",
            "Qty",
            "Unit Cost",
            "Unit Price",
            "Total Cost",
            "Total Price",
            "Type",
        ],
        bold=True,
    )
    rows: list[tuple[VLine, int]] = []
    by_client: dict[int, list[VLine]] = {}
    for line in scen.vlines:
        by_client.setdefault(line.client, []).append(line)
    grand = Decimal(0)
    for idx, lines in by_client.items():
        cl = clients[idx]
        name = vendor_name(cl, scen.perturb)
        data.add([name], bold=True)
        tc = tp = Decimal(0)
        for line in lines:
            prod = cat.BY_KEY[line.product]
            msrp = _msrp(line, scen) if line.role != "free" else Decimal(0)
            kind = {"licence": "Subscription", "credit": "Credit", "free": "Trial"}[line.role]
            commit = "Annual" if line.term == "P1Y" else "Monthly"
            if line.role == "free":
                commit = "Trial"
            row: list[object] = [
                "    " + _vendor_product_name(line, "pax8"),
                cat.sku_shown(prod, "pax8"),
                prod.publisher.replace(" Corporation", ""),
                commit,
                "Annual" if line.annual else "Monthly",
                PERIOD_START,
                _end(line),
                line.qty,
                line.unit,
                msrp,
                line.unit * line.qty,
                msrp * line.qty,
                kind,
            ]
            rows.append((line, data.add(row)))
            tc += line.unit * line.qty
            tp += msrp * line.qty
        data.add(
            [
                f"Total for {name}",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                tc,
                tp,
                None,
            ],
            bold=True,
        )
        summary.add([name, len(lines), tc, tp])
        grand += tc
    summary.add(["Total", None, grand, None], bold=True)
    return VendorRender(
        "pax8_billing_by_company.xlsx", [summary, data], data.name, rows, "xlsx", {}
    )


# --------------------------------------------------------------- Ingram Micro


def render_ingram_xls(scen: Scenario) -> VendorRender:
    """Ingram Micro Xvantage / Cloud Marketplace invoice detail as legacy .xls: 'Net Price'
    is the line's extended net amount (cost = Net Price ÷ Quantity), 'MSRP' a unit list price."""
    clients = _clients(scen)
    data = Sheet("Invoice Detail", date_format="yyyy-mm-dd", money_cols={14, 15})
    data.add(
        [
            "Invoice Number",
            "Invoice Date",
            "Reseller Name",
            "End Customer Name",
            "End Customer ID",
            "Subscription ID",
            "Product Name",
            "Vendor Name",
            "Vendor SKU",
            "Charge Type",
            "Billing Frequency",
            "Charge Start Date",
            "Charge End Date",
            "Quantity",
            "MSRP",
            "Net Price",
            "Currency",
        ]
    )
    rows: list[tuple[VLine, int]] = []
    for line in scen.vlines:
        cl = clients[line.client]
        prod = cat.BY_KEY[line.product]
        charge = {"licence": "Recurring", "credit": "Reduction", "free": "Free Trial"}[line.role]
        row: list[object] = [
            f"9{40000000 + scen.seed}",
            date(2026, 9, 1),
            MSP,
            vendor_name(cl, scen.perturb),
            cl.account_no,
            line.sub,
            _vendor_product_name(line, "ingram"),
            prod.publisher.replace(" Corporation", ""),
            prod.sku,
            charge,
            "Annual" if line.annual else "Monthly",
            PERIOD_START,
            _end(line),
            line.qty,
            _msrp(line, scen) if line.role != "free" else Decimal(0),
            line.unit * line.qty,
            "CAD",
        ]
        rows.append((line, data.add(row)))
    return VendorRender("ingram_invoice_detail.xls", [data], data.name, rows, "xls", {})


# --------------------------------------------------------------- ALSO (Germany)


def _de_date(d: date) -> str:
    return d.strftime("%d.%m.%Y")


def render_also_de(scen: Scenario) -> VendorRender:
    """ALSO Cloud Marketplace invoice export (Germany): ';'-separated, decimal comma,
    Windows-1252, German captions; 'Einzelpreis EK' is the MSP's unit cost."""
    clients = _clients(scen)
    data = Sheet("data")
    data.add(
        [
            "Rechnungsnummer",
            "Rechnungsdatum",
            "Kundennummer",
            "Kunde",
            "Hersteller",
            "Artikelnummer",
            "Produkt",
            "Leistungszeitraum von",
            "Leistungszeitraum bis",
            "Laufzeit",
            "Abrechnung",
            "Menge",
            "Einzelpreis EK",
            "UVP",
            "Gesamtpreis EK",
            "Währung",
            "Positionsart",
        ]
    )
    rows: list[tuple[VLine, int]] = []
    for line in scen.vlines:
        cl = clients[line.client]
        prod = cat.BY_KEY[line.product]
        name = vendor_name(cl, scen.perturb)
        try:
            name.encode("cp1252")
        except UnicodeEncodeError:  # Windows-1252 cannot hold every letter
            name = fold_accents(name)
        kind = {"licence": "Abonnement", "credit": "Gutschrift", "free": "Testversion"}[line.role]
        msrp = _msrp(line, scen) if line.role != "free" else Decimal(0)
        row: list[object] = [
            f"RE-2026-{90000 + scen.seed}",
            "01.10.2026",
            cl.account_no,
            name,
            prod.publisher.replace(" Corporation", ""),
            cat.sku_shown(prod, "also"),
            _vendor_product_name(line, "also"),
            _de_date(PERIOD_START),
            _de_date(_end(line)),
            "12 Monate" if line.term == "P1Y" else "1 Monat",
            "jährlich" if line.annual else "monatlich",
            str(line.qty),
            decimal_comma(line.unit),
            decimal_comma(msrp),
            decimal_comma(line.unit * line.qty),
            "EUR",
            kind,
        ]
        rows.append((line, data.add(row)))
    return VendorRender(
        "ALSO_Rechnung_2026-09.csv",
        [data],
        None,
        rows,
        "csv",
        {"delimiter": ";", "encoding": "cp1252"},
    )


# --------------------------------------------------------------- Leader (AU)


def render_leader_au(scen: Scenario) -> VendorRender:
    """An Australian distributor's cloud invoice (Leader / rhipe style): amounts ex and inc
    GST with '$' and thousands separators, dd/mm/yyyy, the tenant domain per line."""
    clients = _clients(scen)
    rng = rng_for("leader", scen.seed)
    data = Sheet("data")
    data.add(
        [
            "Invoice No",
            "Invoice Date",
            "Customer",
            "ABN",
            "Tenant Domain",
            "Product Code",
            "Description",
            "Term",
            "Billing Frequency",
            "Period From",
            "Period To",
            "Qty",
            "Unit Price Ex GST",
            "Total Ex GST",
            "GST",
            "Total Inc GST",
        ]
    )
    rows: list[tuple[VLine, int]] = []
    abn: dict[int, str] = {}
    total = Decimal(0)
    for line in scen.vlines:
        cl = clients[line.client]
        prod = cat.BY_KEY[line.product]
        if cl.idx not in abn:
            n = f"{rng.randint(10, 99)}{rng.randint(100000000, 999999999)}"
            abn[cl.idx] = f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}"
        ex = line.unit * line.qty
        gst = money(ex / 10)
        total += ex + gst
        row: list[object] = [
            f"INV{700000 + scen.seed}",
            "30/09/2026",
            vendor_name(cl, scen.perturb),
            abn[cl.idx],
            cl.domain,
            prod.sku,
            _vendor_product_name(line, "leader"),
            "Trial" if line.role == "free" else ("12 Months" if line.term == "P1Y" else "1 Month"),
            "Annual" if line.annual else "Monthly",
            PERIOD_START.strftime("%d/%m/%Y"),
            _end(line).strftime("%d/%m/%Y"),
            str(line.qty),
            thousands(line.unit, "$"),
            thousands(ex, "$"),
            thousands(gst, "$"),
            thousands(ex + gst, "$"),
        ]
        rows.append((line, data.add(row)))
    data.add(
        [
            "",
            "",
            "",
            "",
            "",
            "",
            "Invoice Total",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            thousands(total, "$"),
        ]
    )
    return VendorRender("leader_cloud_invoice.csv", [data], None, rows, "csv", {})


# --------------------------------------------------------------- ArrowSphere


def render_arrowsphere(scen: Scenario) -> VendorRender:
    """ArrowSphere billing statement (xlsx, EUR): title rows, 'Buy Unit Price' is the
    reseller's cost and 'Retail Unit Price' the public price; yearly offers billed yearly."""
    clients = _clients(scen)
    data = Sheet("Statement", date_format="dd/mm/yyyy", money_cols={10, 11, 12})
    data.add(["ArrowSphere - Billing Statement"], bold=True)
    data.add([f"Reseller: {MSP}"])
    data.add(["Period: 01/09/2026 - 30/09/2026"])
    data.add([])
    data.add(
        [
            "Customer Ref",
            "End Customer",
            "Vendor",
            "Offer",
            "SKU",
            "Subscription Ref",
            "Billing Cycle",
            "From",
            "To",
            "Quantity",
            "Buy Unit Price",
            "Retail Unit Price",
            "Buy Total",
            "Currency",
        ],
        bold=True,
    )
    rows: list[tuple[VLine, int]] = []
    for line in scen.vlines:
        cl = clients[line.client]
        prod = cat.BY_KEY[line.product]
        row: list[object] = [
            f"XSP{100000 + cl.idx * 13}",
            vendor_name(cl, scen.perturb),
            prod.publisher.replace(" Corporation", ""),
            _vendor_product_name(line, "arrow"),
            f"{prod.sku}:{line.term}",
            line.sub[:18].upper(),
            "Yearly" if line.annual else "Monthly",
            PERIOD_START,
            _end(line),
            line.qty,
            line.unit,
            _msrp(line, scen) if line.role != "free" else Decimal(0),
            line.unit * line.qty,
            "EUR",
        ]
        rows.append((line, data.add(row)))
    return VendorRender("arrowsphere_statement_2026-09.xlsx", [data], data.name, rows, "xlsx", {})


# --------------------------------------------------------------- AppRiver


def render_appriver(scen: Scenario) -> VendorRender:
    """AppRiver partner statement (CSV, USD): a title line, money with '$' and accounting
    parentheses for credits, M/D/YYYY dates, a Grand Total line."""
    clients = _clients(scen)
    data = Sheet("data")
    data.add(["AppRiver Partner Statement - September 2026"])
    data.add(
        [
            "Customer",
            "Customer Domain",
            "Service",
            "Service Code",
            "Billing Start",
            "Billing End",
            "Users",
            "Rate",
            "Extended",
            "Type",
        ]
    )
    rows: list[tuple[VLine, int]] = []
    total = Decimal(0)
    for line in scen.vlines:
        cl = clients[line.client]
        prod = cat.BY_KEY[line.product]
        kind = {"licence": "Recurring", "credit": "Credit", "free": "Trial"}[line.role]
        if line.annual:
            kind = "Annual Prepay"
        ext = line.unit * line.qty
        total += ext
        end = _end(line)
        row: list[object] = [
            vendor_name(cl, scen.perturb),
            cl.domain,
            _vendor_product_name(line, "appriver"),
            prod.sku,
            "9/1/2026",
            f"{end.month}/{end.day}/{end.year}",
            str(line.qty),
            thousands(line.unit, "$", parens=True),
            thousands(ext, "$", parens=True),
            kind,
        ]
        rows.append((line, data.add(row)))
    data.add(["Grand Total", "", "", "", "", "", "", "", thousands(total, "$", parens=True), ""])
    return VendorRender("AppRiver_Statement_Sep2026.csv", [data], None, rows, "csv", {})


# --------------------------------------------------------------- Infinigate (UK)


def _uk_date(d: date) -> str:
    return d.strftime("%d-%b-%Y").upper()


def render_infinigate_uk(scen: Scenario) -> VendorRender:
    """Infinigate Cloud (UK) subscription charges CSV: money as '£1,234.56', dates like
    '01-SEP-2026', the tenant's onmicrosoft domain, 'Unit Cost' beside 'RRP'; annual upfront
    lines say 'Annual Upfront' in 'Billing'."""
    clients = _clients(scen)
    data = Sheet("data")
    data.add(
        [
            "Account Name",
            "Customer Reference",
            "Tenant",
            "Vendor",
            "Product",
            "Part Number",
            "Subscription",
            "Term",
            "Billing",
            "Charge From",
            "Charge To",
            "Units",
            "Unit Cost",
            "Line Cost",
            "RRP",
            "Charge Description",
        ]
    )
    rows: list[tuple[VLine, int]] = []
    for line in scen.vlines:
        cl = clients[line.client]
        prod = cat.BY_KEY[line.product]
        billing = "Annual Upfront" if line.annual else "Monthly"
        desc = {
            "licence": "Subscription charge",
            "credit": "Seat reduction credit",
            "free": "Trial - no charge",
        }[line.role]
        msrp = _msrp(line, scen) if line.role != "free" else Decimal(0)
        row: list[object] = [
            vendor_name(cl, scen.perturb),
            cl.account_no,
            cl.domain.split(".")[0] + ".onmicrosoft.com",
            prod.publisher.replace(" Corporation", ""),
            _vendor_product_name(line, "infinigate"),
            cat.sku_shown(prod, "infinigate"),
            line.sub[:8].upper(),
            "12 Months" if line.term == "P1Y" else "1 Month",
            billing,
            _uk_date(PERIOD_START),
            _uk_date(_end(line)),
            str(line.qty),
            thousands(line.unit, "£"),
            thousands(line.unit * line.qty, "£"),
            thousands(msrp, "£"),
            desc,
        ]
        rows.append((line, data.add(row)))
    return VendorRender("infinigate_subscription_charges.csv", [data], None, rows, "csv", {})


# --------------------------------------------------------------- Dicker Data (AU)


def _dicker_code(line: VLine) -> str:
    """'P1Y:CFQ7TTC0LCHC:0002:1:' annual term billed monthly, '…:Y:' upfront, 'P1M:…' monthly."""
    prod = cat.BY_KEY[line.product]
    return f"{line.term}:{prod.sku}:{'Y' if line.annual else '1'}:"


def _dicker_description(line: VLine) -> str:
    """The terse stock description a distributor's system prints ('MS NCE M365 BP 1YR')."""
    prod = cat.BY_KEY[line.product]
    short = prod.abbreviation[0].split("|")[0] if prod.abbreviation else prod.name
    term = "1YR" if line.term == "P1Y" else "1MTH"
    if line.role == "free":
        term = "TRIAL"
    if prod.publisher == cat.MS:
        return f"MS NCE {short.upper()} {term}"
    vendor = prod.publisher.split(" ")[0].upper()
    return f"{vendor} {short.upper()} {term}"


def render_dicker_invoice(scen: Scenario) -> VendorRender:
    """Dicker Data cloud invoice lines (AU): upper-case captions, stock codes with the term
    and billing built in, terse stock descriptions, '$338.31', dates like '30-SEP-2026'."""
    clients = _clients(scen)
    data = Sheet("data")
    data.add(
        [
            "INVOICE NO",
            "INVOICE DATE",
            "TENANT ID",
            "TENANT NAME",
            "STOCK CODE",
            "STOCK DESCRIPTION",
            "REFERENCE",
            "QTY",
            "UNIT PRICE",
            "EXTENDED",
            "GST",
            "CHARGE TYPE",
            "START USAGE",
            "END USAGE",
        ]
    )
    rows: list[tuple[VLine, int]] = []
    for line in scen.vlines:
        cl = clients[line.client]
        ext = line.unit * line.qty
        charge = {"licence": "RECURRING", "credit": "CREDIT", "free": "TRIAL"}[line.role]
        row: list[object] = [
            f"DD{8800000 + scen.seed}",
            "30-SEP-2026",
            cl.tenant_id,
            vendor_name(cl, scen.perturb),
            _dicker_code(line),
            _dicker_description(line),
            line.sub[:13].upper(),
            str(line.qty),
            thousands(line.unit, "$"),
            thousands(ext, "$"),
            thousands(money(ext / 10), "$"),
            charge,
            _uk_date(PERIOD_START),
            _uk_date(_end(line)),
        ]
        rows.append((line, data.add(row)))
    return VendorRender("dicker_cloud_invoice.csv", [data], None, rows, "csv", {})


VENDORS: dict[str, VendorFormat] = {
    f.name: f
    for f in (
        VendorFormat(
            "pc_billed_lineitems_api",
            "GBP",
            "csv",
            True,
            False,
            render_pc_billed_api,
            "Partner Center billed invoice reconciliation line items (v2 API field names)",
        ),
        VendorFormat(
            "pc_recon_portal_bom",
            "AUD",
            "csv",
            True,
            False,
            render_pc_recon_bom,
            "Partner Center NCE reconciliation file (exports.md order, portal quirks)",
        ),
        VendorFormat(
            "pax8_billing_by_company",
            "USD",
            "xlsx",
            False,
            True,
            render_pax8_by_company,
            "Pax8 billing report grouped by company",
            "pax8",
        ),
        VendorFormat(
            "ingram_invoice_detail_xls",
            "CAD",
            "xls",
            False,
            True,
            render_ingram_xls,
            "Ingram Micro Xvantage invoice detail (Net Price = line total)",
        ),
        VendorFormat(
            "also_marketplace_de",
            "EUR",
            "csv",
            False,
            True,
            render_also_de,
            "ALSO Cloud Marketplace invoice export, German locale",
            "also",
        ),
        VendorFormat(
            "leader_au_invoice",
            "AUD",
            "csv",
            True,
            True,
            render_leader_au,
            "Australian distributor (Leader/rhipe style) cloud invoice, ex/inc GST",
        ),
        VendorFormat(
            "arrowsphere_statement",
            "EUR",
            "xlsx",
            False,
            True,
            render_arrowsphere,
            "ArrowSphere billing statement",
        ),
        VendorFormat(
            "appriver_statement",
            "USD",
            "csv",
            True,
            True,
            render_appriver,
            "AppRiver partner statement",
        ),
        VendorFormat(
            "infinigate_uk_charges",
            "GBP",
            "csv",
            True,
            True,
            render_infinigate_uk,
            "Infinigate Cloud (UK) subscription charges",
            "infinigate",
        ),
        VendorFormat(
            "dicker_cloud_invoice",
            "AUD",
            "csv",
            False,
            True,
            render_dicker_invoice,
            "Dicker Data cloud invoice lines (stock codes carry term and billing)",
            "dicker",
        ),
    )
}
