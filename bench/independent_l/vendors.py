"""Vendor bills (what the MSP pays), one renderer per format."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from fractions import Fraction as F

from .catalog import ALL
from .scenario import Case, VLine, money
from .writers import Out, Sheet

D1, D30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
Y_END = dt.date(2027, 10, 31)


def fnum(x: F) -> float:
    return float(money(x))


def _uuid(rng: random.Random) -> str:
    s = f"{rng.getrandbits(128):032x}"
    return f"{s[:8]}-{s[8:12]}-{s[12:16]}-{s[16:20]}-{s[20:]}"


def _cust_ids(case: Case, rng: random.Random) -> dict:
    return {c.name: _uuid(rng) for c in case.clients}


def _list_price(v: VLine) -> F:
    """A list (ERP) price above the partner's cost."""
    if v.unit == 0:
        return F(0)
    return F(round(float(v.unit) * 1.15 * 100), 100) if v.product in ("bp", "bb", "bs") else v.unit


# ------------------------------------------------------------------ Partner Center NCE

NCE_COLS = [
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


def _apos(rng, x) -> str:
    """Partner Center writes some numbers as text with a leading apostrophe and 18 decimals."""
    if isinstance(x, int):
        return f"'{x}.000000000000000000" if x >= 0 and rng.random() < 0.35 else str(x)
    s = money(x)
    return f"'{s}{'0' * 16}" if rng.random() < 0.35 else s


def pc_nce(case: Case, rng: random.Random) -> Out:
    ids = _cust_ids(case, rng)
    rows = [NCE_COLS[:]]
    meta = [None]
    partner = _uuid(rng)
    inv = "G0" + str(rng.randint(10000000, 99999999))
    since_header = 0
    for v in case.vlines:
        p = ALL[v.product]
        pid, _, sku = p.pc_id.partition(":")
        if v.role == "free":
            term = "One-Month commitment for trial"
            freq = "OneTime"
        elif v.annual:
            term, freq = "One-Year commitment for yearly billing", "Annual"
        elif v.term == "monthly":
            term, freq = "One-Month commitment for monthly billing", "Monthly"
        else:
            term, freq = "One-Year commitment for monthly billing", "Monthly"
        if v.role == "credit":
            ct = rng.choice(["removeQuantity", "RemoveQuantity", "cancel", "Cancel"])
        elif v.role == "free":
            ct = rng.choice(["new", "New"])
        else:
            ct = rng.choice(
                [
                    "cycleCharge",
                    "CycleCharge",
                    "cyclecharge",
                    "renew",
                    "Renew",
                    "new",
                    "addQuantity",
                ]
            )
        sub = v.unit * v.qty
        ref = ""
        if rng.random() < 0.5:
            ref = json.dumps(
                {
                    "orderId": _uuid(rng)[:13],
                    "lineItemId": rng.randint(1, 9),
                    "source": "partnerCenter",
                },
                separators=(",", ":"),
            )
        start, end = (D1, dt.date(2027, 10, 31)) if v.annual else (D1, D30)
        row = [
            partner,
            ids[v.client.name],
            v.client.name,
            v.client.domain,
            v.client.country,
            inv,
            "6012345",
            "",
            _uuid(rng)[:13].upper(),
            "2025-10-14T09:12:44Z",
            pid,
            sku,
            "CFQ7TTC0" + f"{rng.randint(1000, 9999)}",
            p.name,
            p.name,
            ct,
            _apos(rng, _list_price(v)),
            _apos(rng, v.qty) if v.qty >= 0 else str(v.qty),
            money(sub),
            money(F(0)),
            money(sub),
            case.currency,
            "",
            "Microsoft Corporation",
            "",
            p.name,
            v.sub,
            start.strftime("%m/%d/%Y"),
            end.strftime("%m/%d/%Y"),
            term,
            _apos(rng, v.unit),
            "Licenses",
            _uuid(rng)[:12],
            f"{v.qty}",
            freq,
            case.currency,
            "1",
            "10/31/2026",
            "",
            "",
            "08/15/2024",
            "08/14/2027",
            ref,
            "",
            "",
            "OnlineServicesNCE",
        ]
        rows.append(row)
        meta.append(v)
        since_header += 1
        if since_header > 180 and rng.random() < 0.02:
            rows.append(NCE_COLS[:])
            meta.append(None)
            since_header = 0
    return Out(
        "PartnerCenter_Reconciliation_Nov2026.csv", "csv", [Sheet("recon", rows, meta)], bom=True
    )


# ------------------------------------------------------------------ Partner Center legacy (licence-based)

LEGACY_COLS = [
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


def pc_legacy(case: Case, rng: random.Random) -> Out:
    ids = _cust_ids(case, rng)
    rows, meta = [LEGACY_COLS[:]], [None]
    partner = _uuid(rng)
    for v in case.vlines:
        p = ALL[v.product]
        # list price above cost; the discount brings the subtotal to the real cost
        lst = v.unit if v.unit == 0 else v.unit + F(rng.choice([0, 50, 100, 150, 200]), 100)
        amount = lst * v.qty
        disc = (lst - v.unit) * v.qty
        sub = amount - disc
        tax = F(0)
        ct = {
            "licence": rng.choice(["Cycle fee", "Cycle Fee", "Activation fee"]),
            "credit": "Cancel fee",
            "free": "Activation fee",
        }[v.role]
        rows.append(
            [
                partner,
                ids[v.client.name],
                v.client.name,
                "1234567",
                "",
                _uuid(rng)[:13].upper(),
                v.sub,
                str(rng.randint(100000000, 999999999)),
                p.pc_id.replace(":", "-") if p.pc_id else "",
                _uuid(rng),
                p.name,
                "9/1/2025",
                "8/31/2027" if v.annual else "10/31/2027",
                "11/1/2026",
                "10/31/2027" if v.annual else "11/30/2026",
                ct,
                money(lst),
                str(v.qty),
                money(amount),
                money(disc),
                money(sub),
                money(tax),
                money(sub + tax),
                case.currency,
                v.client.domain,
                p.name,
                p.name,
                "Annual" if v.annual else "Monthly",
            ]
        )
        meta.append(v)
    return Out("LicenseBasedRecon_2026-11.csv", "csv", [Sheet("legacy", rows, meta)])


# ------------------------------------------------------------------ Pax8


def _pax8_sku(p) -> str:
    if p.ms:
        return f"MST-NCE-{abs(hash_str(p.key)) % 900 + 100}-C100"
    return p.part


def hash_str(s: str) -> int:
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000003
    return h


def _pax8_name(p, v: VLine) -> str:
    if p.ms:
        return (
            f"{p.name} [NCE]"
            if hash_str(p.key + v.client.name) % 3
            else f"{p.name} [New Commerce Experience]"
        )
    return p.name


def _pax8_term(v: VLine) -> str:
    if v.role == "free":
        return "Trial"
    if v.annual:
        return "Annual"
    return "Monthly" if v.term == "monthly" else "Annual"


def pax8_api(case: Case, rng: random.Random) -> Out:
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
    ids = _cust_ids(case, rng)
    rows, meta = [cols], [None]
    for v in case.vlines:
        p = ALL[v.product]
        retail = F(0) if v.unit == 0 else v.unit * F(6, 5)
        end = Y_END if v.annual else D30
        typ = {"licence": "subscription", "credit": "credits", "free": "subscription"}[v.role]
        if v.role == "licence" and rng.random() < 0.05:
            typ = "prorate" if False else "subscription"
        details = (
            f"{v.qty} x {p.name} from {D1:%m/%d/%Y} to {end:%m/%d/%Y}"
            if v.role != "credit"
            else f"Credit for reduced quantity ({-v.qty}) {D1:%m/%d/%Y}"
        )
        rows.append(
            [
                v.client.name,
                ids[v.client.name],
                "",
                D1.isoformat(),
                end.isoformat(),
                str(v.qty),
                "User",
                _pax8_term(v),
                _pax8_sku(p),
                _pax8_name(p, v),
                details,
                money(retail),
                money(retail * v.qty),
                money(v.unit),
                money(v.unit * v.qty),
                money(retail * v.qty),
                _uuid(rng),
                _pax8_name(p, v),
                case.currency,
                v.sub,
                p.publisher.replace(" Corporation", ""),
                typ,
            ]
        )
        meta.append(v)
    return Out("pax8_invoice_items_2026-11.csv", "csv", [Sheet("items", rows, meta)])


def pax8_portal(case: Case, rng: random.Random) -> Out:
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
    ids = {c.name: str(rng.randint(1000000, 9999999)) for c in case.clients}
    rows, meta = [cols], [None]
    for v in case.vlines:
        p = ALL[v.product]
        retail = F(0) if v.unit == 0 else v.unit * F(6, 5)
        if v.annual:
            details = f"Annual commitment, billed annually ({D1:%b %d, %Y} - {Y_END:%b %d, %Y})"
        else:
            details = f"{_pax8_term(v)} term, billed monthly ({D1:%b %d, %Y} - {D30:%b %d, %Y})"
        typ = {"licence": "Subscription", "credit": "Credit", "free": "Trial"}[v.role]
        rows.append(
            [
                v.client.name,
                ids[v.client.name],
                typ,
                _pax8_name(p, v),
                details,
                _pax8_sku(p),
                str(v.qty),
                money(v.unit),
                money(v.unit * v.qty),
                money(retail),
                money(retail * v.qty),
                money(v.unit * v.qty),
                f"{D1:%m/%d/%Y}",
                "12/01/2026",
            ]
        )
        meta.append(v)
    return Out("Pax8-Invoice-Nov-2026.csv", "csv", [Sheet("invoice", rows, meta)])


# ------------------------------------------------------------------ TD SYNNEX StreamOne Ion (xlsx, summary sheet first)


def td_synnex(case: Case, rng: random.Random) -> Out:
    cols = [
        "Reseller",
        "End Customer",
        "End Customer ID",
        "Subscription ID",
        "Vendor",
        "Product Name",
        "Ion SKU",
        "Manufacturer Part #",
        "Billing Frequency",
        "Commitment Term",
        "Quantity",
        "Unit Price",
        "MSRP",
        "Extended Price",
        "Currency",
        "Charge Start",
        "Charge End",
        "Status",
    ]
    rows, meta = [cols], [None]
    ids = {c.name: f"C{rng.randint(100000, 999999)}" for c in case.clients}
    total = F(0)
    for v in case.vlines:
        p = ALL[v.product]
        sku = ("US" + p.pc_id.replace(":", "")) if p.ms else "US" + p.part.replace("-", "")
        ext = v.unit * v.qty
        total += ext
        rows.append(
            [
                "Brightline IT LLC",
                v.client.name,
                ids[v.client.name],
                v.sub,
                p.publisher,
                p.name,
                sku,
                p.pc_id or p.part,
                "Annual" if v.annual else "Monthly",
                {"annual": "1 Year", "monthly": "1 Month", "trial": "Trial"}[v.term],
                v.qty,
                fnum(v.unit),
                fnum(_list_price(v)),
                fnum(ext),
                case.currency,
                D1,
                Y_END if v.annual else D30,
                "Credit" if v.role == "credit" else "Active",
            ]
        )
        meta.append(v)
    summary = Sheet(
        "Summary",
        [
            ["StreamOne Ion - Billing Statement"],
            ["Period", "November 2026"],
            ["Reseller", "Brightline IT LLC"],
            ["Total", fnum(total)],
            ["Lines", len(case.vlines)],
        ],
        [None] * 5,
    )
    data = Sheet("Billing Details", rows, meta, widths={1: 34, 5: 44})
    return Out(
        "StreamOneIon_BillingDetails_202611.xlsx",
        "xlsx",
        [summary, data],
        data_sheet="Billing Details",
    )


# ------------------------------------------------------------------ Ingram Micro (Net Price is the line amount)


def ingram(case: Case, rng: random.Random) -> Out:
    cols = [
        "Customer Name",
        "Customer ID",
        "Subscription ID",
        "Subscription Name",
        "Vendor",
        "MPN",
        "Quantity",
        "Unit Price",
        "Net Price",
        "Currency",
        "Billing Period Start",
        "Billing Period End",
        "Duration",
        "Charge Type",
    ]
    rows, meta = [cols], [None]
    ids = {c.name: f"{rng.randint(1000000, 9999999)}" for c in case.clients}
    for v in case.vlines:
        p = ALL[v.product]
        cyc = (
            "Annual Pre-Paid"
            if v.annual
            else ("Monthly Pre-Paid" if v.term == "monthly" else "Annual, paid monthly")
        )
        if v.role == "free":
            cyc = "Trial"
        listp = _list_price(v)
        rows.append(
            [
                v.client.name,
                ids[v.client.name],
                v.sub[:18].upper(),
                f"{p.name} ({cyc})",
                p.publisher,
                p.pc_id or p.part,
                str(v.qty),
                money(listp),
                money(v.unit * v.qty),
                case.currency,
                D1.strftime("%Y-%m-%d"),
                (Y_END if v.annual else D30).strftime("%Y-%m-%d"),
                "12" if v.annual else "1",
                {"licence": "Recurring", "credit": "Refund", "free": "Recurring"}[v.role],
            ]
        )
        meta.append(v)
    return Out(
        "IngramMicro_CloudMarketplace_Billing_Nov2026.csv", "csv", [Sheet("billing", rows, meta)]
    )


# ------------------------------------------------------------------ Sherweb (xlsx, CAD)


def sherweb(case: Case, rng: random.Random) -> Out:
    cols = [
        "Customer",
        "Subscription",
        "Product",
        "SKU",
        "Billing cycle",
        "Commitment",
        "Quantity",
        "Unit cost",
        "Total",
        "Period from",
        "Period to",
        "Currency",
    ]
    title = [["Sherweb - Payable charges"], ["Billing period: 2026-11-01 to 2026-11-30"], []]
    rows, meta = [*title, cols], [None] * 4
    for v in case.vlines:
        p = ALL[v.product]
        rows.append(
            [
                v.client.name,
                v.sub,
                p.name + (" (NCE)" if p.ms else ""),
                p.pc_id or p.part,
                "Yearly" if v.annual else "Monthly",
                {"annual": "Annual", "monthly": "Monthly", "trial": "Trial"}[v.term],
                v.qty,
                fnum(v.unit),
                fnum(v.unit * v.qty),
                D1,
                Y_END if v.annual else D30,
                case.currency,
            ]
        )
        meta.append(v)
    return Out(
        "Sherweb_PayableCharges_2026-11.xlsx", "xlsx", [Sheet("Payable charges", rows, meta)]
    )


# ------------------------------------------------------------------ Dicker Data (AUD, $ values, DD-MON-YYYY)


def _dd(d: dt.date) -> str:
    return d.strftime("%d-%b-%Y").upper()


def dicker(case: Case, rng: random.Random) -> Out:
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
    rows, meta = [cols], [None]
    tids = _cust_ids(case, rng)
    for v in case.vlines:
        p = ALL[v.product]
        if p.ms:
            pid = p.pc_id
            if v.role == "free":
                code = f"P1M:{pid}:T:"
            elif v.annual:
                code = f"P1Y:{pid}:Y:"
            elif v.term == "monthly":
                code = f"P1M:{pid}:1:"
            else:
                code = f"P1Y:{pid}:1:"
        else:
            code = p.part
        desc = p.terse + (
            " 1YR" if v.term == "annual" else " 1MTH" if v.term == "monthly" else " TRIAL"
        )
        rrp = F(0) if v.unit == 0 else v.unit * F(13, 10)
        rows.append(
            [
                tids[v.client.name],
                v.client.name,
                v.sub,
                code,
                desc,
                f"PO-{rng.randint(1000, 9999)}",
                str(v.qty),
                {"licence": "Recurring", "credit": "Credit", "free": "Trial"}[v.role],
                "Active",
                _dd(D1),
                _dd(Y_END if v.annual else D30),
                "ANNUAL" if v.annual else "MONTHLY",
                f"${money(v.unit)}" if v.unit >= 0 else f"-${money(-v.unit)}",
                f"${money(rrp)}",
            ]
        )
        meta.append(v)
    return Out("DickerData_Annuity_Report_NOV-2026.csv", "csv", [Sheet("annuity", rows, meta)])


# ------------------------------------------------------------------ Cloudmore (; separated, decimal comma, cp1252)


def _dc(x: F) -> str:
    return money(x).replace(".", ",")


def cloudmore(case: Case, rng: random.Random) -> Out:
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
    rows, meta = [cols], [None]
    nums = {c.name: f"{rng.randint(10000, 99999)}" for c in case.clients}
    for v in case.vlines:
        p = ALL[v.product]
        sale = v.unit * F(5, 4)
        margin = (sale - v.unit) * v.qty
        pct = "0,00" if v.unit == 0 else "20,00"
        svc = "Microsoft CSP" if p.ms else p.publisher
        rows.append(
            [
                "30.11.2026",
                svc,
                "Nordlys IT AS",
                v.client.name,
                nums[v.client.name],
                p.name,
                p.pc_id or p.part,
                str(v.qty),
                _dc(v.unit),
                _dc(sale),
                _dc(v.unit * v.qty),
                _dc(sale * v.qty),
                _dc(margin),
                pct,
                case.currency,
                _uuid(rng)[:8],
                "Annually" if v.annual else "Monthly",
            ]
        )
        meta.append(v)
    return Out(
        "Cloudmore_GeneralBilling_2026-11.csv",
        "csv",
        [Sheet("billing", rows, meta)],
        delimiter=";",
        encoding="cp1252",
    )


# ------------------------------------------------------------------ generic distributor (.xls, GBP, title rows)


def generic_xls(case: Case, rng: random.Random) -> Out:
    title = [
        ["Cloud Services Statement"],
        ["Account: 40012 - Harbourside IT Ltd", None, None, "Period: Nov-2026"],
        [],
    ]
    cols = [
        "Customer",
        "Tenant Domain",
        "Part No",
        "Description",
        "Licences",
        "Unit Price (GBP)",
        "Line Total",
        "Billing",
        "From",
        "To",
    ]
    rows, meta = [*title, cols], [None] * 4
    total = F(0)
    for v in case.vlines:
        p = ALL[v.product]
        total += v.unit * v.qty
        rows.append(
            [
                v.client.name,
                v.client.domain,
                p.pc_id or p.part,
                p.name,
                v.qty,
                fnum(v.unit),
                fnum(v.unit * v.qty),
                "Annual upfront" if v.annual else "Monthly",
                "01/11/2026",
                "31/10/2027" if v.annual else "30/11/2026",
            ]
        )
        meta.append(v)
    rows.append([None, None, None, "Total", None, None, fnum(total)])
    meta.append(None)
    return Out("distributor_statement_nov26.xls", "xls", [Sheet("Statement", rows, meta)])


# ------------------------------------------------------------------ ALSO Cloud Marketplace, German-language export (xlsx, EUR)


def also_de(case: Case, rng: random.Random) -> Out:
    title = [
        ["ALSO Cloud Marketplace – Abrechnungsdetails"],
        ["Abrechnungszeitraum: 01.11.2026 – 30.11.2026"],
        ["Alle Beträge in EUR, zzgl. MwSt."],
        [],
    ]
    cols = [
        "Rechnungsmonat",
        "Kundennummer",
        "Kunde",
        "Tenant-Domain",
        "Hersteller",
        "Artikelnummer",
        "Produkt",
        "Laufzeit",
        "Abrechnung",
        "Menge",
        "Einzelpreis (EK)",
        "Gesamt (EK)",
        "UVP",
        "Währung",
        "Status",
    ]
    rows, meta = [*title, cols], [None] * 5
    nums = {c.name: f"K{rng.randint(100000, 999999)}" for c in case.clients}
    for v in case.vlines:
        p = ALL[v.product]
        laufzeit = {"annual": "12 Monate", "monthly": "1 Monat", "trial": "Testversion"}[v.term]
        rows.append(
            [
                "11.2026",
                nums[v.client.name],
                v.client.name,
                v.client.domain,
                p.publisher,
                p.pc_id or p.part,
                p.name,
                laufzeit,
                "jährlich" if v.annual else "monatlich",
                v.qty,
                fnum(v.unit),
                fnum(v.unit * v.qty),
                fnum(v.unit * F(5, 4)),
                "EUR",
                {"licence": "Aktiv", "credit": "Gutschrift", "free": "Test"}[v.role],
            ]
        )
        meta.append(v)
    return Out("ALSO_Abrechnung_2026-11.xlsx", "xlsx", [Sheet("Abrechnung", rows, meta)])


# ------------------------------------------------------------------ generic distributor CSV (NZD, thousands separators)


def _thou(x: F) -> str:
    s = money(x)
    neg = s.startswith("-")
    whole, frac = s.lstrip("-").split(".")
    whole = f"{int(whole):,}"
    return ("-" if neg else "") + whole + "." + frac


def generic_csv(case: Case, rng: random.Random) -> Out:
    cols = [
        "End User Company",
        "Domain",
        "SKU",
        "Product",
        "Seats",
        "Cost per Seat (ex GST)",
        "Line Cost (ex GST)",
        "Term",
        "Billing",
        "Period",
    ]
    rows, meta = [cols], [None]
    for v in case.vlines:
        p = ALL[v.product]
        term = {"annual": "12 months", "monthly": "1 month", "trial": "Trial (30 days)"}[v.term]
        rows.append(
            [
                v.client.name,
                v.client.domain,
                p.pc_id or p.part,
                p.name,
                str(v.qty),
                _thou(v.unit),
                _thou(v.unit * v.qty),
                term,
                "Upfront (annual)" if v.annual else "Monthly",
                "Nov 2026",
            ]
        )
        meta.append(v)
    rows.append(
        [
            "",
            "",
            "",
            "Invoice total",
            "",
            "",
            _thou(sum((v.unit * v.qty for v in case.vlines), F(0))),
            "",
            "",
            "",
        ]
    )
    meta.append(None)
    return Out(
        "cloud_billing_export_202611.csv",
        "csv",
        [Sheet("export", rows, meta)],
        quoting=csv.QUOTE_ALL,
    )


VENDORS = {
    "pc_nce": pc_nce,
    "pc_legacy": pc_legacy,
    "pax8_api": pax8_api,
    "pax8_portal": pax8_portal,
    "td_synnex": td_synnex,
    "ingram": ingram,
    "sherweb": sherweb,
    "dicker": dicker,
    "cloudmore": cloudmore,
    "generic_xls": generic_xls,
    "also_de": also_de,
    "generic_csv": generic_csv,
}
