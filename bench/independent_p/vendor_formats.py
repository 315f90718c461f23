"""Vendor bills, written as the portals and distributors export them (see README for each trap)."""

from __future__ import annotations

import json
import random
import zlib
from datetime import date
from decimal import Decimal
from pathlib import Path

from .people import ascii_fold
from .scenario import Case, VLine
from .writers import Table, dicker_date, eu_date, num, us_date, write_csv, write_xlsx

ISO2 = {"UK": "GB"}


def _h(s) -> int:
    return zlib.crc32(str(s).encode())


def _order(case: Case, key=None) -> list[int]:
    key = key or (
        lambda v: (v.client.name.casefold(), v.product.name, v.role != "licence", v.sub_id)
    )
    return sorted(range(len(case.vlines)), key=lambda i: key(case.vlines[i]))


def _pc_ids(v: VLine) -> tuple[str, str]:
    pid, _, sku = v.product.pc_id.partition(":")
    return pid, sku or "0001"


def _term(v: VLine) -> str:
    if v.role == "trial":
        return "One-Month commitment for trial"
    if v.annual:
        return "One-Year commitment for yearly billing"
    return (
        "One-Year commitment for monthly/yearly billing"
        if _h(v.sub_id) % 2
        else "One-Month commitment for monthly billing"
    )


def _onms(v: VLine) -> str:
    return v.client.domain.split(".")[0][:26] + ".onmicrosoft.com"


# ------------------------------------------------------------------ Partner Center NCE
def pc_nce_csv(case: Case, folder: Path, rng: random.Random):
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
    apos = rng.random() < 0.7

    def n(d, places=2):
        s = num(Decimal(d), 18 if apos else places)
        return "'" + s if apos else s

    t = Table()
    t.add(cols, "header")
    order = _order(case)
    repeat_at = set(rng.sample(range(len(order)), min(2, len(order))))
    partner = "5f1c2d3e-8a9b-4c0d-9e1f-2a3b4c5d6e7f"
    for j, i in enumerate(order):
        v = case.vlines[i]
        if j in repeat_at and j:
            t.add(cols, "header")
        pid, sku = _pc_ids(v)
        ct = {
            "licence": rng.choice(["cycleCharge", "CycleCharge", "cyclecharge", "renew"]),
            "credit": rng.choice(["removeQuantity", "RemoveQuantity"]),
            "trial": "new",
        }[v.role]
        listp = v.list_unit
        sub = v.unit * v.qty
        ref = (
            json.dumps({"OrderReference": f"PO-{rng.randint(1000, 9999)}"})
            if rng.random() < 0.3
            else ""
        )
        row = [
            partner,
            v.client.tenant_id,
            v.client.name,
            _onms(v),
            ISO2.get(v.client.country, v.client.country),
            "G" + str(880000000 + (case.seed % 1000)),
            "6543210",
            "",
            f"{rng.getrandbits(40):x}",
            "2026-10-01T00:00:00Z",
            pid,
            sku,
            "CFQ7TTC0" + f"{rng.getrandbits(16):04X}",
            v.product.name + (" Trial" if v.role == "trial" else ""),
            v.product.name,
            ct,
            n(listp),
            n(v.qty, 0),
            n(sub),
            n(0),
            n(sub),
            case.currency,
            "['15.0% Partner earned credit for services managed']"
            if v.unit < listp and rng.random() < 0.4
            else "",
            "Microsoft Corporation",
            "",
            v.product.name if rng.random() < 0.5 else "",
            v.sub_id,
            v.start.strftime("%m/%d/%Y"),
            v.end.strftime("%m/%d/%Y") if not v.annual else "10/31/2027",
            _term(v),
            n(v.unit),
            "Licenses",
            f"{rng.getrandbits(32):x}",
            n(v.qty, 0),
            "Annual" if v.annual else "Monthly",
            case.currency,
            n(1, 0),
            "2026-10-31",
            "",
            "",
            "2025-11-01",
            "2027-10-31" if v.annual else "2026-11-30",
            ref,
            "['AddOn']" if v.product.key in ("eoa", "e5sec", "copilot", "teams_phone") else "[]",
            "",
            "OnlineServicesNCE",
        ]
        t.add(row, "data", ("v", i))
    write_csv(folder / "ReconLineItems_G088_2026-11.csv", t, bom=True)
    return "ReconLineItems_G088_2026-11.csv", None, t


def pc_legacy_csv(case: Case, folder: Path, rng: random.Random):
    cols = [
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
    t = Table()
    t.add(cols, "header")
    for i in _order(case):
        v = case.vlines[i]
        offer = v.product.legacy or v.product.name
        listp = v.list_unit
        amount = listp * v.qty
        sub = v.unit * v.qty
        disc = amount - sub
        tax = (sub * Decimal("0.20")).quantize(Decimal("0.01"))
        ct = {"licence": "Cycle fee", "credit": "Cancel fee", "trial": "Cycle fee"}[v.role]
        row = [
            "3b1e0f4a-52a8-4d51-9a6e-44a8f0c2d911",
            v.client.tenant_id,
            v.client.name,
            "4412873",
            "",
            f"{rng.getrandbits(48):X}",
            v.sub_id,
            f"{rng.getrandbits(32):08X}",
            f"{rng.getrandbits(32):X}",
            f"{rng.getrandbits(32):X}",
            offer + (" Trial" if v.role == "trial" else ""),
            "11/01/2025",
            "10/31/2027" if v.annual else "11/30/2026",
            us_date(v.start),
            "10/31/2027" if v.annual else us_date(v.end),
            ct,
            num(listp),
            str(v.qty),
            num(amount),
            num(disc),
            num(sub),
            num(tax),
            num(sub + tax),
            case.currency,
            _onms(v),
            offer,
            offer if rng.random() < 0.4 else "",
            "Annual" if v.annual else "Monthly",
        ]
        t.add(row, "data", ("v", i))
    write_csv(folder / "Invoice_D0400012345_LicenseBased.csv", t)
    return "Invoice_D0400012345_LicenseBased.csv", None, t


# ------------------------------------------------------------------ Pax8
def _pax8_desc(v: VLine) -> str:
    if not v.product.ms:
        return v.product.name
    return v.product.name + (
        " [New Commerce Experience]" if v.product.key == "copilot" else " [NCE]"
    )


def _pax8_sku(v: VLine) -> str:
    if not v.product.ms:
        return v.product.vendor_sku + "-P8"
    return "MST-NCE-%03d-C100" % (sum(map(ord, v.product.key)) % 997)


def _pax8_details(v: VLine) -> str:
    if v.role == "trial":
        return "Trial - 30 days"
    if v.annual:
        return "Annual commitment, billed annually (11/01/2026 - 10/31/2027)"
    if _h(v.sub_id) % 3 == 0:
        return "Annual commitment, billed monthly (11/01/2026 - 11/30/2026)"
    return "Monthly, billed monthly (11/01/2026 - 11/30/2026)"


def pax8_portal_csv(case: Case, folder: Path, rng: random.Random):
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
    if rng.random() < 0.5:
        cols = [
            "invoice_date",
            "company_name",
            "company_id",
            "type",
            "sku",
            "description",
            "details",
            "quantity",
            "price",
            "subtotal",
            "cost",
            "cost_total",
            "partner_subtotal",
            "start_period",
        ]
    t = Table()
    t.add(cols, "header")
    for i in _order(case):
        v = case.vlines[i]
        d = {
            "company_name": v.client.name,
            "company_id": f"{v.client.tenant_id[:8]}-{v.client.number}",
            "type": {"licence": "subscription", "credit": "credit", "trial": "subscription"}[
                v.role
            ],
            "description": _pax8_desc(v),
            "details": _pax8_details(v),
            "sku": _pax8_sku(v),
            "quantity": str(v.qty),
            "cost": num(v.unit),
            "cost_total": num(v.unit * v.qty),
            "price": num(v.list_unit),
            "subtotal": num(v.list_unit * v.qty),
            "partner_subtotal": num(v.unit * v.qty),
            "start_period": us_date(v.start),
            "invoice_date": "12/01/2026",
        }
        t.add([d[c] for c in cols], "data", ("v", i))
    write_csv(folder / "pax8-invoice-2026-11.csv", t)
    return "pax8-invoice-2026-11.csv", None, t


def pax8_api_xlsx(case: Case, folder: Path, rng: random.Random):
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
    summary = Table("Summary")
    summary.add(["Pax8 invoice export"], "title")
    summary.add(
        ["invoiceId", "partnerName", "invoiceDate", "status", "total", "currencyCode"], "header"
    )
    summary.add(
        [
            "INV-2026-11-00418",
            "Your MSP",
            "2026-12-01",
            "Unpaid",
            sum((v.unit * v.qty for v in case.vlines), Decimal(0)),
            case.currency,
        ],
        "data",
    )
    t = Table("Invoice Items")
    t.add(cols, "header")
    for i in _order(case):
        v = case.vlines[i]
        term = (
            "Trial"
            if v.role == "trial"
            else ("Annual" if v.annual or _h(v.sub_id) % 3 == 0 else "Monthly")
        )
        d = {
            "companyName": v.client.name,
            "companyId": v.client.tenant_id,
            "externalId": v.client.number,
            "startPeriod": v.start.isoformat(),
            "endPeriod": ("2027-10-31" if v.annual else v.end.isoformat()),
            "quantity": v.qty,
            "unitOfMeasure": "User" if v.product.ms else "Device",
            "term": term,
            "sku": _pax8_sku(v),
            "description": _pax8_desc(v),
            "details": _pax8_details(v),
            "price": v.list_unit,
            "subTotal": v.list_unit * v.qty,
            "cost": v.unit,
            "costTotal": v.unit * v.qty,
            "total": v.list_unit * v.qty,
            "productId": f"{_h(v.product.key) % 10**8:08d}",
            "productName": _pax8_desc(v),
            "currencyCode": case.currency,
            "subscriptionId": v.sub_id,
            "vendorName": "Microsoft" if v.product.ms else v.product.name.split()[0],
            "type": {"licence": "subscription", "credit": "credits", "trial": "subscription"}[
                v.role
            ],
        }
        t.add([d[c] for c in cols], "data", ("v", i))
    write_xlsx(folder / "Pax8_InvoiceItems_Nov2026.xlsx", [summary, t])
    return "Pax8_InvoiceItems_Nov2026.xlsx", None, t


# ------------------------------------------------------------------ distributors
def td_synnex_csv(case: Case, folder: Path, rng: random.Random):
    cols = [
        "Reseller Name",
        "End Customer Name",
        "End Customer ID",
        "Cloud Provider",
        "Subscription ID",
        "SKU",
        "Product Name",
        "Billing Frequency",
        "Term",
        "Charge Type",
        "Quantity",
        "Unit Price",
        "Extended Price",
        "MSRP",
        "Service Period Start",
        "Service Period End",
        "Currency",
    ]
    t = Table()
    t.add(cols, "header")
    for i in _order(case):
        v = case.vlines[i]
        sku = (
            ("US" + v.product.pc_id.replace(":", ""))
            if v.product.ms
            else "US-" + v.product.vendor_sku
        )
        name = (
            f"{v.product.name} - NCE {'Annual' if v.annual else 'Monthly'}"
            if v.product.ms
            else v.product.name
        )
        if v.role == "trial":
            name += " - Trial"
        row = [
            "Your MSP",
            v.client.name,
            f"TDS{v.client.number}",
            "Microsoft" if v.product.ms else "Marketplace",
            v.sub_id,
            sku,
            name,
            "Annual" if v.annual else "Monthly",
            "P1Y" if v.annual or rng.random() < 0.5 else "P1M",
            {"licence": "Recurring", "credit": "Reduction Credit", "trial": "Trial"}[v.role],
            str(v.qty),
            num(v.unit, 4),
            num(v.unit * v.qty),
            num(v.list_unit),
            us_date(v.start),
            "10/31/2027" if v.annual else us_date(v.end),
            case.currency,
        ]
        t.add(row, "data", ("v", i))
    write_csv(folder / "StreamOne_Ion_Billing_202611.csv", t)
    return "StreamOne_Ion_Billing_202611.csv", None, t


def ingram_xlsx(case: Case, folder: Path, rng: random.Random):
    cols = [
        "Customer Name",
        "Customer Reference",
        "Subscription ID",
        "Subscription Name",
        "MPN",
        "Vendor",
        "Billing Type",
        "Quantity",
        "Unit Price",
        "Net Price",
        "List Price",
        "Charge Start",
        "Charge End",
        "Currency",
    ]
    t = Table("Billing")
    t.add(["Ingram Micro Cloud Marketplace - Billing Statement"], "title")
    t.add(["Statement period: 01/11/2026 - 30/11/2026"], "title")
    t.add([], "blank")
    t.add(cols, "header")
    for i in _order(case):
        v = case.vlines[i]
        pre = "Annual Pre-Paid" if v.annual else "Monthly Pre-Paid"
        name = f"{v.product.name} ({pre})" if v.role != "trial" else f"{v.product.name} (Trial)"
        mpn = v.product.pc_id.replace(":", "-") if v.product.ms else v.product.vendor_sku
        row = [
            v.client.name,
            f"IM-{v.client.number}",
            v.sub_id,
            name,
            mpn,
            "Microsoft" if v.product.ms else v.product.name.split()[0],
            {"licence": "Recurring", "credit": "Adjustment", "trial": "Trial"}[v.role],
            v.qty,
            v.unit,
            v.unit * v.qty,
            v.list_unit,
            v.start,
            date(2027, 10, 31) if v.annual else v.end,
            case.currency,
        ]
        t.add(row, "data", ("v", i))
    write_xlsx(folder / "IngramMicro_Billing_Nov-2026.xlsx", [t], date_fmt="dd/mm/yyyy")
    return "IngramMicro_Billing_Nov-2026.xlsx", None, t


def sherweb_csv(case: Case, folder: Path, rng: random.Random):
    cols = [
        "Customer",
        "Customer ID",
        "Subscription",
        "Product",
        "SKU",
        "Charge Type",
        "Billing Cycle",
        "Commitment",
        "Quantity",
        "Unit Cost",
        "Unit MSRP",
        "Amount",
        "Period Start",
        "Period End",
        "Currency",
    ]
    t = Table()
    t.add(cols, "header")
    for i in _order(case):
        v = case.vlines[i]
        prod = (
            f"{v.product.name} (NCE) - {'Annual' if v.annual else 'Monthly'}"
            if v.product.ms
            else v.product.name
        )
        row = [
            v.client.name,
            f"SW-{v.client.number}",
            v.sub_id[:13],
            prod,
            (v.product.pc_id if v.product.ms else v.product.vendor_sku),
            {"licence": "Recurring", "credit": "Adjustment", "trial": "Trial"}[v.role],
            "Yearly" if v.annual else "Monthly",
            "1 year" if v.annual else rng.choice(["1 month", "1 year"]),
            str(v.qty),
            num(v.unit),
            num(v.list_unit),
            num(v.unit * v.qty),
            v.start.isoformat(),
            "2027-10-31" if v.annual else v.end.isoformat(),
            case.currency,
        ]
        t.add(row, "data", ("v", i))
    write_csv(folder / "sherweb_payable_charges_2026-11.csv", t)
    return "sherweb_payable_charges_2026-11.csv", None, t


def dicker_csv(case: Case, folder: Path, rng: random.Random):
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
    t = Table()
    t.add(cols, "header")
    for i in _order(case, key=lambda v: (v.client.name.upper(), v.sub_id)):
        v = case.vlines[i]
        p = v.product
        if p.ms:
            pid, sku = _pc_ids(v)
            term = "P1Y" if (v.annual or _h(v.sub_id) % 2) else "P1M"
            code = f"{term}:{pid}:{sku}:{'Y' if v.annual else '1'}:"
            desc = f"MS NCE {p.dicker} {'1YR' if term == 'P1Y' else '1MTH'}"
        else:
            code = p.vendor_sku + (":Y" if v.annual else ":M")
            desc = p.dicker
        if v.role == "trial":
            desc += " TRIAL"
        row = [
            v.client.tenant_id,
            v.client.name.upper(),
            v.sub_id,
            code,
            desc,
            f"PO{rng.randint(10000, 99999)}" if rng.random() < 0.3 else "",
            str(v.qty),
            {"licence": "RECURRING", "credit": "CREDIT", "trial": "TRIAL"}[v.role],
            "ACTIVE",
            dicker_date(v.start),
            dicker_date(date(2027, 10, 31) if v.annual else v.end),
            "ANNUAL" if v.annual else "MONTHLY",
            "$" + num(v.unit),
            "$" + num(v.list_unit),
        ]
        t.add(row, "data", ("v", i))
    write_csv(folder / "DickerData_Annuity_NOV2026.csv", t)
    return "DickerData_Annuity_NOV2026.csv", None, t


def cloudmore_xlsx(case: Case, folder: Path, rng: random.Random):
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
    t = Table("Billing report")
    t.add(["General billing report"], "title")
    t.add(["Billing period", "2026-11"], "title")
    t.add(cols, "header")
    for i in _order(case):
        v = case.vlines[i]
        svc = "Microsoft CSP (NCE)" if v.product.ms else f"{v.product.name.split()[0]} Cloud"
        sales = v.list_unit
        margin = (sales - v.unit) * v.qty
        pct = float(((sales - v.unit) / sales * 100).quantize(Decimal("0.01"))) if sales else 0
        row = [
            date(2026, 11, 30),
            svc,
            "Your MSP Broker",
            v.client.name,
            v.client.number,
            v.product.name + (" (trial)" if v.role == "trial" else ""),
            (v.product.pc_id if v.product.ms else v.product.vendor_sku),
            v.qty,
            v.unit,
            sales,
            v.unit * v.qty,
            sales * v.qty,
            margin,
            pct,
            case.currency,
            f"CM-{_h(v.product.key) % 100000}",
            "Annually" if v.annual else "Monthly",
        ]
        t.add(row, "data", ("v", i))
    write_xlsx(folder / "Cloudmore_GeneralBilling_2026-11.xlsx", [t])
    return "Cloudmore_GeneralBilling_2026-11.xlsx", None, t


def _cp1252(s: str) -> str:
    try:
        s.encode("cp1252")
        return s
    except UnicodeEncodeError:
        return "".join(ch if ch.encode("cp1252", "ignore") else ascii_fold(ch) for ch in s)


def generic_de_csv(case: Case, folder: Path, rng: random.Random):
    cols = [
        "Kundennr.",
        "Kunde",
        "Vertragsnr.",
        "Artikelnr.",
        "Artikelbezeichnung",
        "Buchungsart",
        "Laufzeit",
        "Abrechnung",
        "Menge",
        "EK-Preis",
        "EK-Gesamt",
        "UVP",
        "Leistungszeitraum von",
        "Leistungszeitraum bis",
        "Währung",
    ]
    t = Table()
    t.add(cols, "header")
    for i in _order(case):
        v = case.vlines[i]
        p = v.product
        name = f"{p.name} NCE" if p.ms else p.name
        if v.role == "trial":
            name += " Testversion"
        row = [
            v.client.number,
            _cp1252(v.client.name),
            v.sub_id[:8].upper(),
            (p.pc_id.replace(":", "-") if p.ms else p.vendor_sku),
            name,
            {"licence": "Laufende Gebühr", "credit": "Gutschrift", "trial": "Testversion"}[v.role],
            "12 Monate" if v.annual or _h(v.sub_id) % 2 else "1 Monat",
            "jährlich" if v.annual else "monatlich",
            str(v.qty),
            num(v.unit, dec=",", thousands="."),
            num(v.unit * v.qty, dec=",", thousands="."),
            num(v.list_unit, dec=",", thousands="."),
            eu_date(v.start, "."),
            eu_date(date(2027, 10, 31) if v.annual else v.end, "."),
            case.currency,
        ]
        t.add(row, "data", ("v", i))
    write_csv(folder / "Abrechnung_Cloud_2026-11.csv", t, delimiter=";", encoding="cp1252")
    return "Abrechnung_Cloud_2026-11.csv", None, t


VENDORS = {
    "partner_center_nce_csv": (
        pc_nce_csv,
        dict(currency="USD", sells_other=False, annual=True, credit=True, trial=True),
    ),
    "partner_center_legacy_csv": (
        pc_legacy_csv,
        dict(currency="GBP", sells_other=False, annual=True, credit=True, trial=False),
    ),
    "pax8_portal_csv": (
        pax8_portal_csv,
        dict(currency="USD", sells_other=True, annual=True, credit=True, trial=True),
    ),
    "pax8_api_xlsx": (
        pax8_api_xlsx,
        dict(currency="CAD", sells_other=True, annual=True, credit=True, trial=True),
    ),
    "td_synnex_streamone_ion_csv": (
        td_synnex_csv,
        dict(currency="USD", sells_other=True, annual=True, credit=True, trial=False),
    ),
    "ingram_micro_cloud_xlsx": (
        ingram_xlsx,
        dict(currency="GBP", sells_other=True, annual=True, credit=True, trial=True),
    ),
    "sherweb_payable_csv": (
        sherweb_csv,
        dict(currency="CAD", sells_other=True, annual=True, credit=True, trial=False),
    ),
    "dicker_data_annuity_csv": (
        dicker_csv,
        dict(currency="AUD", sells_other=True, annual=True, credit=True, trial=True),
    ),
    "cloudmore_billing_xlsx": (
        cloudmore_xlsx,
        dict(currency="EUR", sells_other=True, annual=True, credit=False, trial=True),
    ),
    "distributor_de_semicolon_csv": (
        generic_de_csv,
        dict(currency="EUR", sells_other=True, annual=True, credit=True, trial=True),
    ),
}
