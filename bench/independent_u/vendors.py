"""Vendor bills of set U (what the MSP pays)."""

from __future__ import annotations

import hashlib
import random
from decimal import ROUND_DOWN, Decimal

from .catalog import BY_KEY
from .io import Sheet, num_comma, num_us, write_csv, write_xlsx
from .scenario import dec2

PERIOD_START, PERIOD_END = "2026-11-01", "2026-11-30"


def pc_code(p):
    """Partner Center ProductId:SkuId; ids not published in exports.md get a stable made-up id (see README)."""
    if p.pc_id:
        return p.pc_id
    h = hashlib.sha1(p.key.encode()).hexdigest().upper()
    return f"CFQ7TTC0Z{h[:3]}:0001"


def ordered(case, rng, by="client"):
    lines = list(case.vlines)
    if by == "name":
        lines.sort(key=lambda v: (v.tenant.lower(), v.product))
    return lines


def _ext(v):
    return dec2(v.unit * v.qty)


# 1 ------------------------------------------------------------------ Partner Center NCE
PC_COLS = [
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
CASES = {
    "cycleCharge": ["cycleCharge", "CycleCharge", "cyclecharge"],
    "renew": ["renew", "Renew"],
    "addQuantity": ["addQuantity", "AddQuantity"],
    "removeQuantity": ["removeQuantity", "RemoveQuantity"],
    "new": ["new", "New"],
}


def apos(x):
    return "'" + f"{Decimal(x):.18f}"


def pc_nce(case, folder, rng):
    sh = Sheet()
    sh.add(PC_COLS)
    for i, v in enumerate(ordered(case, rng, "name")):
        if i and i % 350 == 0:
            sh.add(PC_COLS)  # header repeated mid-file
        p = BY_KEY[v.product]
        pid, sku = pc_code(p).split(":")
        annual = v.billing == "annual"
        if v.role == "trial":
            tbc = "One-Month commitment for trial"
        elif v.term == "P1M":
            tbc = "One-Month commitment for monthly billing"
        else:
            tbc = (
                "One-Year commitment for yearly billing"
                if annual
                else "One-Year commitment for monthly billing"
            )
        sub = dec2(v.unit * v.qty).quantize(Decimal("0.01"), ROUND_DOWN)
        row = [
            "4f1c2d7e-0b1a-4c55-9d1e-2a7c5e9b1f00",
            f"c{v.cid:07d}-aa10-4b2c-8d3e-{v.cid:012d}",
            v.tenant,
            f"{v.domain}.onmicrosoft.com",
            case.clients[v.cid]["country"][:2] if case.clients[v.cid]["country"] != "UK" else "GB",
            "G012345678",
            "6123456",
            "",
            f"{rng.getrandbits(40):x}",
            "2026-10-14T09:12:44Z",
            pid,
            sku,
            "CFQ7TTC0" + sku,
            p.name,
            p.name,
            rng.choice(CASES[v.charge]),
            apos(v.list_unit or v.unit),
            apos(v.qty),
            apos(sub),
            apos(0),
            apos(sub),
            case.currency,
            "",
            "Microsoft Corporation",
            "",
            "",
            v.sub,
            PERIOD_START + "T00:00:00Z",
            (PERIOD_END if not annual else "2027-10-31") + "T00:00:00Z",
            tbc,
            apos(v.unit),
            "Licenses",
            "",
            apos(v.qty),
            "Annual" if annual else ("OneTime" if v.role == "trial" else "Monthly"),
            case.currency,
            "1",
            "2026-11-01",
            "",
            "",
            "2026-03-01",
            "2027-02-28",
            '{"referenceId":"' + v.sub[:8] + '"}' if i % 3 else "",
            "",
            "",
            "Microsoft 365",
        ]
        v.row = sh.add(row)
    write_csv(folder / "reconciliation_nce_2026-11.csv", sh, encoding="utf-8-sig")
    return "reconciliation_nce_2026-11.csv", None


# 2 ------------------------------------------------------------------ Partner Center legacy licence-based, saved as a workbook
LEG_COLS = [
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


def pc_legacy(case, folder, rng):
    summ = Sheet("Summary")
    summ.add(["Invoice", "G098765432"])
    summ.add(["Billing period", "01/11/2026 - 30/11/2026"])
    summ.add(["Currency", case.currency])
    sh = Sheet("Licence-based")
    sh.add(LEG_COLS)
    total = Decimal(0)
    for v in ordered(case, rng):
        p = BY_KEY[v.product]
        lu = v.list_unit or v.unit
        amount = dec2(lu * v.qty)
        disc = dec2((lu - v.unit) * v.qty)
        subtotal = amount - disc
        total += subtotal
        ctype = {"credit": "Cancel"}.get(
            v.role,
            rng.choice(["Cycle fee", "Cycle fee", "Activation fee", "Prorate fees when purchase"]),
        )
        v.row = sh.add(
            [
                "4f1c2d7e",
                f"c{v.cid:07d}",
                v.tenant,
                "6123456",
                "",
                f"ORD{rng.getrandbits(24):06X}",
                v.sub,
                "",
                pc_code(p).split(":")[0] + "-LEG",
                pc_code(p),
                p.name,
                "01/03/2026",
                "28/02/2027",
                "01/11/2026",
                "30/11/2026" if v.billing != "annual" else "31/10/2027",
                ctype,
                lu,
                v.qty,
                amount,
                disc,
                subtotal,
                dec2(subtotal * Decimal("0.2")),
                dec2(subtotal * Decimal("1.2")),
                case.currency,
                f"{v.domain}.onmicrosoft.com",
                p.name,
                p.name,
                "Annual" if v.billing == "annual" else "Monthly",
            ]
        )
    summ.add(["Total (excl. tax)", total])
    write_xlsx(folder / "Legacy_licence_recon_Nov2026.xlsx", [summ, sh])
    return "Legacy_licence_recon_Nov2026.xlsx", "Licence-based"


# 3 ------------------------------------------------------------------ Pax8 portal invoice CSV
def pax8_sku(p):
    h = int(hashlib.md5(p.key.encode()).hexdigest()[:6], 16)
    vendor = "MST" if p.ms else p.publisher[:3].upper()
    return f"{vendor}-{'NCE-' if p.ms else ''}{100 + h % 300}-C{100 + h % 7 * 100}"


def pax8_desc(p, v):
    if not p.ms:
        return p.name
    return f"{p.name} [NCE]" if v.term != "P1M" else f"{p.name} [New Commerce Experience]"


def pax8_details(v):
    if v.role == "trial":
        return "Trial"
    return {
        ("P1Y", "monthly"): "Annual commitment, billed monthly",
        ("P1Y", "annual"): "Annual commitment, billed annually",
        ("P1M", "monthly"): "Monthly commitment, billed monthly",
    }[(v.term, v.billing)]


def pax8_portal(case, folder, rng):
    cols = [
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
        "invoice_date",
    ]
    sh = Sheet()
    sh.add(cols)
    for v in ordered(case, rng, "name"):
        p = BY_KEY[v.product]
        price = dec2(v.unit * Decimal("1.2")) if v.role != "trial" else Decimal(0)
        typ = "credits" if v.role == "credit" else "subscription"
        v.row = sh.add(
            [
                v.tenant,
                300000 + v.cid,
                typ,
                pax8_desc(p, v),
                pax8_details(v),
                pax8_sku(p),
                v.qty,
                f"{v.unit:.2f}",
                f"{_ext(v):.2f}",
                f"{price:.2f}",
                f"{dec2(price * v.qty):.2f}",
                f"{_ext(v):.2f}",
                "11/01/2026",
                "12/01/2026",
            ]
        )
    write_csv(folder / "pax8-invoice-2026-11.csv", sh)
    return "pax8-invoice-2026-11.csv", None


# 4 ------------------------------------------------------------------ Pax8 API items flattened into a workbook
def pax8_api(case, folder, rng):
    cols = [
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
    sh = Sheet("invoiceItems")
    sh.add(cols)
    for v in ordered(case, rng):
        p = BY_KEY[v.product]
        term = "Trial" if v.role == "trial" else ("Monthly" if v.term == "P1M" else "Annual")
        price = dec2(v.unit * Decimal("1.25")) if v.role != "trial" else Decimal(0)
        v.row = sh.add(
            [
                v.tenant,
                f"{v.cid:04d}a8e1-5c2b-4f0e-9d1a-7b3c0e{v.cid:06d}",
                f"EXT-{v.cid:05d}",
                "2026-11-01",
                "2026-11-30" if v.billing != "annual" else "2027-10-31",
                v.qty,
                "User",
                term,
                pax8_sku(p),
                pax8_desc(p, v),
                pax8_details(v),
                price,
                dec2(price * v.qty),
                v.unit,
                _ext(v),
                _ext(v),
                f"prod-{p.key}",
                p.name,
                case.currency,
                v.sub,
                p.publisher.replace(" Corporation", ""),
                "credits" if v.role == "credit" else "subscription",
            ]
        )
    write_xlsx(folder / "pax8_invoice_items.xlsx", [sh])
    return "pax8_invoice_items.xlsx", "invoiceItems"


# 5 ------------------------------------------------------------------ TD SYNNEX StreamOne Ion: one block per end customer
def tdsynnex_blocks(case, folder, rng):
    sh = Sheet("Billing Statement")
    sh.add(["TD SYNNEX StreamOne Ion"])
    sh.add(["Billing statement - November 2026"])
    sh.add([f"Reseller: Bright Circuit IT ({case.currency})"])
    sh.add([])
    by = {}
    for v in case.vlines:
        by.setdefault((v.tenant, v.cid), []).append(v)
    for (tenant, cid), lines in sorted(by.items(), key=lambda kv: kv[0][0].lower()):
        sh.add([f"End Customer: {tenant}", "", f"Customer ID: {880000 + cid}"])
        sh.add(["SKU", "Product - Plan", "Term", "Billing", "Qty", "Unit Price", "Ext. Price"])
        st = Decimal(0)
        for v in lines:
            p = BY_KEY[v.product]
            sku = (
                ("US" + pc_code(p).replace(":", "")) if p.ms else "US-" + p.terse.replace(" ", "-")
            )
            plan = "Annual" if v.term == "P1Y" else "Monthly"
            v.row = sh.add(
                [
                    sku,
                    f"{p.name} - {plan}" if p.ms else p.name,
                    "1 Year" if v.term == "P1Y" else "1 Month",
                    "Annual" if v.billing == "annual" else "Monthly",
                    v.qty,
                    v.unit,
                    _ext(v),
                ]
            )
            st += _ext(v)
        sh.add(["", "", "", "", "", "Subtotal", st])
        sh.add([])
    write_xlsx(folder / "StreamOne_Ion_statement_2026-11.xlsx", [sh])
    return "StreamOne_Ion_statement_2026-11.xlsx", "Billing Statement"


# 6 ------------------------------------------------------------------ Ingram Micro (EU): ";" and decimal comma, Net Price = extended
def ingram_eu(case, folder, rng):
    cols = [
        "Reseller Name",
        "End Customer Name",
        "End Customer ID",
        "Subscription ID",
        "Product Name",
        "Manufacturer Part Number",
        "Billing Period Start",
        "Billing Period End",
        "Quantity",
        "Unit Price",
        "Net Price",
        "Currency",
    ]
    sh = Sheet()
    sh.add(cols)
    for v in ordered(case, rng):
        p = BY_KEY[v.product]
        nm = (
            f"{p.name} (Monthly Pre-Paid)"
            if v.term == "P1M"
            else f"{p.name} (Annual/Monthly)"
            if p.ms
            else p.name
        )
        v.row = sh.add(
            [
                "Bright Circuit IT GmbH",
                v.tenant,
                f"IM-{v.cid:06d}",
                v.sub[:18],
                nm,
                pc_code(p).replace(":", "") if p.ms else p.terse,
                "01.11.2026",
                "30.11.2026",
                str(v.qty),
                num_comma(v.unit),
                num_comma(_ext(v)),
                case.currency,
            ]
        )
    write_csv(folder / "IngramMicro_Billing_112026.csv", sh, delimiter=";", encoding="utf-8-sig")
    return "IngramMicro_Billing_112026.csv", None


# 7 ------------------------------------------------------------------ Sherweb payable charges
def sherweb(case, folder, rng):
    cols = [
        "Customer Name",
        "Customer ID",
        "Subscription",
        "Product",
        "Product SKU",
        "Billing Cycle",
        "Period From",
        "Period To",
        "Quantity",
        "Unit Cost",
        "Subtotal",
        "Currency",
    ]
    title = Sheet("Charges")
    title.add(["Sherweb - Payable charges"])
    title.add(["Statement period: Nov 1, 2026 - Nov 30, 2026"])
    title.add(cols)
    for v in ordered(case, rng, "name"):
        p = BY_KEY[v.product]
        v.row = title.add(
            [
                v.tenant,
                f"{v.cid:05d}-SW",
                f"{p.name} ({'Annual' if v.term == 'P1Y' else 'Monthly'})",
                p.name,
                (pc_code(p) if p.ms else p.terse.replace(" ", "-")),
                "Yearly" if v.billing == "annual" else "Monthly",
                "Nov 1, 2026",
                "Nov 30, 2026",
                v.qty,
                v.unit,
                _ext(v),
                case.currency,
            ]
        )
    write_xlsx(folder / "sherweb_payable_charges.xlsx", [title])
    return "sherweb_payable_charges.xlsx", "Charges"


# 8 ------------------------------------------------------------------ Dicker Data annuity report
def dicker(case, folder, rng):
    cols = [
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
    sh = Sheet()
    sh.add(cols)
    for v in ordered(case, rng):
        p = BY_KEY[v.product]
        if p.ms:
            pid, sku = pc_code(p).split(":")
            code = f"{v.term}:{pid}:{sku}:" + ("Y:" if v.billing == "annual" else "1:")
            desc = p.terse + (" 1YR" if v.term == "P1Y" else " 1MTH")
        else:
            code, desc = p.terse.replace(" ", "-") + "-1M", p.terse
        v.row = sh.add(
            [
                f"{v.cid:08d}-{v.domain[:4]}",
                v.tenant.upper(),
                v.sub,
                code,
                desc,
                f"PO{rng.randrange(10000, 99999)}",
                v.qty,
                "CREDIT" if v.role == "credit" else "RECURRING",
                "ACTIVE",
                "01-NOV-2026",
                "30-NOV-2026" if v.billing != "annual" else "31-OCT-2027",
                "Monthly" if v.billing != "annual" else "Annual",
                f"${v.unit:,.2f}",
                f"${v.unit * Decimal('1.3'):,.2f}",
            ]
        )
    write_csv(folder / "DickerData_Annuity_Nov2026.csv", sh)
    return "DickerData_Annuity_Nov2026.csv", None


# 9 ------------------------------------------------------------------ Cloudmore general billing report
def cloudmore(case, folder, rng):
    cols = [
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
        "Margin Amount",
        "Margin Percentage",
        "Currency Code",
        "Product ID",
        "Payment Frequency",
    ]
    sh = Sheet("General billing report")
    sh.add(["Cloudmore - General billing report"])
    sh.add(["Period 2026-11-01 - 2026-11-30"])
    sh.add([])
    sh.add(cols)
    for v in ordered(case, rng, "name"):
        p = BY_KEY[v.product]
        sale = dec2(v.unit * Decimal("1.18"))
        v.row = sh.add(
            [
                "2026-11-01",
                "Microsoft CSP (NCE)" if p.ms else p.publisher,
                "Nordic Cloud Broker AB",
                v.tenant,
                f"CM{10000 + v.cid}",
                p.name,
                pc_code(p) if p.ms else p.terse,
                v.qty,
                v.unit,
                sale,
                _ext(v),
                dec2(sale * v.qty),
                dec2((sale - v.unit) * v.qty),
                "15,25" if v.unit else "0",
                case.currency,
                f"{p.key}-{v.term}",
                "Annually" if v.billing == "annual" else "Monthly",
            ]
        )
    write_xlsx(folder / "Cloudmore_GeneralBilling_2026-11.xlsx", [sh])
    return "Cloudmore_GeneralBilling_2026-11.xlsx", "General billing report"


# 10 ----------------------------------------------------------------- generic distributor CSV: extended cost only, no unit price
def generic_dist(case, folder, rng):
    cols = [
        "Account No",
        "Customer",
        "Item",
        "Item Description",
        "Qty",
        "Extended Cost",
        "Period",
        "Cur",
    ]
    sh = Sheet()
    sh.add(cols)
    for v in ordered(case, rng):
        p = BY_KEY[v.product]
        v.row = sh.add(
            [
                f"A{4000 + v.cid}",
                v.tenant,
                p.terse.replace(" ", "")[:16],
                p.terse,
                v.qty,
                num_us(_ext(v)),
                "1/11/2026-30/11/2026",
                case.currency,
            ]
        )
    sh.add(
        ["", "TOTAL", "", "", "", num_us(sum((_ext(v) for v in case.vlines), Decimal(0))), "", ""]
    )
    write_csv(folder / "distributor_charges_nov26.csv", sh)
    return "distributor_charges_nov26.csv", None


VENDORS = {
    # name: (writer, currency, caps)
    "partner_center_nce": (
        pc_nce,
        "USD",
        dict(annual=True, credit=True, trial=True, monthly_term=True, discount=True, nonms=False),
    ),
    "partner_center_legacy_xlsx": (
        pc_legacy,
        "GBP",
        dict(annual=True, credit=True, trial=False, discount=True, nonms=False),
    ),
    "pax8_portal_csv": (
        pax8_portal,
        "USD",
        dict(annual=True, credit=True, trial=True, monthly_term=True, nonms=True),
    ),
    "pax8_api_xlsx": (
        pax8_api,
        "CAD",
        dict(annual=True, credit=True, trial=True, monthly_term=True, nonms=True),
    ),
    "tdsynnex_ion_blocks_xlsx": (
        tdsynnex_blocks,
        "USD",
        dict(annual=True, credit=True, monthly_term=True, nonms=True),
    ),
    "ingram_eu_semicolon_csv": (ingram_eu, "EUR", dict(credit=True, monthly_term=True, nonms=True)),
    "sherweb_payable_xlsx": (
        sherweb,
        "CAD",
        dict(annual=True, credit=True, monthly_term=True, nonms=True),
    ),
    "dicker_annuity_csv": (
        dicker,
        "AUD",
        dict(annual=True, credit=True, monthly_term=True, nonms=True),
    ),
    "cloudmore_billing_xlsx": (cloudmore, "SEK", dict(annual=True, credit=True, nonms=True)),
    "generic_distributor_csv": (generic_dist, "NZD", dict(credit=True, nonms=True)),
}
