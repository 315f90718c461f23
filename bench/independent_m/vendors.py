"""Vendor bills (what the MSP pays), one renderer per export format."""

from __future__ import annotations

import datetime as dt
import json

from . import catalog as C
from .scenario import rng_for
from .writers import Num, write_csv, write_xls, write_xlsx  # noqa: F401

P0 = dt.date(2026, 11, 1)
P1 = dt.date(2026, 11, 30)
Y1 = dt.date(2027, 10, 31)

CURRENCY = {
    "partner_center_nce": "USD",
    "partner_center_legacy": "GBP",
    "pax8_api": "USD",
    "pax8_portal": "USD",
    "tdsynnex_ion": "USD",
    "ingram_cmp": "AUD",
    "sherweb": "CAD",
    "dicker_data": "AUD",
    "cloudmore": "EUR",
    "generic_distributor": "GBP",
}
MS_ONLY = {"partner_center_nce", "partner_center_legacy"}


def money(c, dec=2):
    neg = c < 0
    c = abs(c)
    s = f"{c // 100}.{c % 100:02d}"
    if dec > 2:
        s += "0" * (dec - 2)
    return ("-" + s) if neg else s


def money_thousands(c, sym="", dec_sep=".", thou=","):
    neg = c < 0
    c = abs(c)
    whole = f"{c // 100:,}".replace(",", "\x00")
    s = f"{sym}{whole.replace(chr(0), thou)}{dec_sep}{c % 100:02d}"
    return ("-" + s) if neg else s


def _prod(line):
    return C.PRODUCTS.get(line.product)


def _free(line):
    for n, sid, cat in C.FREE:
        if n == line.product:
            return sid, cat
    return "FREE", "FREE:0001"


def _period(line):
    return (P0, Y1) if line.yearly else (P0, P1)


def _order(case, tag):
    """Vendor lines in the order the bill lists them (by customer, subscriptions shuffled a little)."""
    r = rng_for("vorder-m", case.seed, case.n, tag)
    idx = list(range(len(case.vlines)))
    names = {cl.name: cl for cl in case.clients}
    key = {i: (names[case.vlines[i].client].name.casefold(), r.random()) for i in idx}
    if tag in ("partner_center_nce", "pax8_api"):
        pool = sorted(k[0] for k in key.values())
        key = {
            i: ((pool[r.randrange(len(pool))], r.random()) if r.random() < 0.3 else key[i])
            for i in idx
        }  # not sorted
    return sorted(idx, key=lambda i: key[i])


def _clients(case):
    return {cl.name: cl for cl in case.clients}


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


def partner_center_nce(case, folder):
    r = rng_for("nce-m", case.seed, case.n)
    cls = _clients(case)
    grid = [NCE_COLS]
    marks = [None]
    order = _order(case, "partner_center_nce")
    repeat_at = len(order) // 2 + 1

    for k, i in enumerate(order):
        if k == repeat_at:
            grid.append(NCE_COLS)
            marks.append(None)
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        if p:
            pid, sku = p.catalog_id.split(":")
            name = p.name
            listp = p.list_price * (12 if v.yearly else 1)
        else:
            _, cat = _free(v)
            pid, sku = cat.split(":")
            name = v.product
            listp = 0
        listp = max(listp, v.unit)
        promo = ""
        if v.unit and r.random() < 0.25:
            listp = v.unit + r.choice([100, 150, 330]) * (12 if v.yearly else 1)
            promo = "['Promotion: NCE Q4 discount']"
        if v.role == "free":
            term = "One-Month commitment for trial"
            charge = r.choice(["new", "New"])
        elif v.yearly:
            term = "One-Year commitment for yearly billing"
            charge = r.choice(["cycleCharge", "CycleCharge", "renew", "Renew"])
        else:
            term = r.choice(
                [
                    "One-Year commitment for monthly/yearly billing",
                    "One-Month commitment for monthly billing",
                ]
            )
            charge = r.choice(["cycleCharge", "CycleCharge", "cyclecharge", "addQuantity"])
        if v.role == "credit":
            charge = r.choice(["removeQuantity", "RemoveQuantity", "cancel"])
        apos = r.random() < 0.45
        dec = lambda c: ("'" if apos else "") + money(c) + ("0" * 16 if apos else "")
        qty = ("'" if apos else "") + f"{v.qty}" + (".000000000000000000" if apos else "")
        sub = v.unit * v.qty
        s0, s1 = _period(v)
        grid.append(
            [
                "a1b2c3d4-0000-4000-8000-00000000a11c",
                cl.cid,
                cl.name,
                cl.domain,
                cl.country if cl.country != "UK" else "GB",
                "G0" + f"{case.seed:02d}7734521",
                "6112233",
                "",
                "O" + v.sub[1:] + "A",
                "10/28/2026",
                pid,
                sku,
                "CFQ7TTC0K5BC" if not p else "CFQ7TTC0DQ7Z",
                name,
                name,
                charge,
                dec(listp),
                qty,
                dec(sub),
                "0",
                dec(sub),
                case.currency,
                promo,
                "Microsoft Corporation",
                "",
                f"{name} - {cl.name[:12]}",
                v.sub.lower() + "-7f3e-4c1d-9a52-1b0c2d3e4f50",
                s0.strftime("%m/%d/%Y"),
                s1.strftime("%m/%d/%Y"),
                term,
                dec(v.unit),
                "Licenses",
                "",
                qty,
                "Annual" if v.yearly else ("OneTime" if v.role == "free" else "Monthly"),
                case.currency,
                "1",
                "10/31/2026",
                "",
                "",
                "03/01/2026",
                "02/28/2027",
                json.dumps({"ReferenceId": v.sub, "Type": "Subscription"}),
                "['AddOn']"
                if p and p.group in ("e5", "copilot") and "E5" not in name[:16]
                else "['None']",
                "",
                "Software" if p else "Trial",
            ]
        )
        marks.append(i)
    fn = "ReconLineItems_NCE_2026-11.csv"
    write_csv(folder / fn, grid, bom=True)
    return fn, None, marks


# ------------------------------------------------------------------ Partner Center legacy
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
LEGACY_NAMES = {
    "Microsoft Entra ID P1": "Azure Active Directory Premium P1",
    "Microsoft Entra ID P2": "Azure Active Directory Premium P2",
    "Microsoft Defender for Office 365 (Plan 1)": "Office 365 Advanced Threat Protection (Plan 1)",
    "Visio Plan 2": "Visio Online Plan 2",
    "Visio Plan 1": "Visio Online Plan 1",
    "Planner and Project Plan 3": "Project Online Professional",
    "Microsoft Intune Plan 1": "Intune",
    "Exchange Online (Plan 1)": "Exchange Online (Plan 1)",
}


def partner_center_legacy(case, folder):
    r = rng_for("legacy-m", case.seed, case.n)
    cls = _clients(case)
    grid = [LEGACY_COLS]
    marks = [None]
    for i in _order(case, "partner_center_legacy"):
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        name = LEGACY_NAMES.get(v.product, v.product)
        listp = (p.list_price * (12 if v.yearly else 1)) if p else 0
        # the partner's discount shows only in TotalOtherDiscount
        if v.unit:
            listp = max(listp, v.unit) + r.choice([0, 0, 55, 110, 200]) * (12 if v.yearly else 1)
        amount = listp * v.qty
        sub = v.unit * v.qty
        disc = amount - sub
        tax = sub * 20 // 100
        s0, s1 = _period(v)
        charge = (
            "Cycle fee"
            if v.role == "licence"
            else ("Cancel fee" if v.role == "credit" else "Purchase fee")
        )
        grid.append(
            [
                "a1b2c3d4-0000-4000-8000-00000000a11c",
                cl.cid,
                cl.name,
                "4455667",
                "",
                "O" + v.sub[1:],
                v.sub.lower() + "-aa11-4b22",
                str(100000 + int(v.sub[1:])),
                (p.string_id if p else "FREE") + "-OFFER",
                (p.catalog_id if p else "FREE"),
                name,
                "15/03/2026",
                "14/03/2027",
                s0.strftime("%d/%m/%Y"),
                s1.strftime("%d/%m/%Y"),
                charge,
                money(listp),
                str(v.qty),
                money(amount),
                money(disc),
                money(sub),
                money(tax),
                money(sub + tax),
                "GBP",
                cl.domain,
                name,
                name,
                "Annual" if v.yearly else "Monthly",
            ]
        )
        marks.append(i)
    fn = "LicenseBasedLineItems_2026-11.csv"
    write_csv(folder / fn, grid)
    return fn, None, marks


# ------------------------------------------------------------------ Pax8 API field names
PAX8_API_COLS = [
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


def _pax8_name(v, r):
    p = _prod(v)
    if not p:
        return v.product
    if p.brand == "Microsoft":
        return r.choice(
            [f"{p.name} [NCE]", f"{p.name} [New Commerce Experience]", f"{p.name} (NCE)"]
        )
    return p.name


def pax8_api(case, folder):
    r = rng_for("pax8api-m", case.seed, case.n)
    cls = _clients(case)
    grid = [PAX8_API_COLS]
    marks = [None]
    for i in _order(case, "pax8_api"):
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        retail = (p.retail * (12 if v.yearly else 1)) if p else 0
        s0, s1 = _period(v)
        if v.role == "free":
            term = "Trial"
        elif v.yearly:
            term = "Annual"
        else:
            term = r.choice(
                ["Monthly", "Monthly", "Annual"]
            )  # annual commitment billed monthly: the period says month
        typ = {
            "licence": "subscription",
            "credit": r.choice(["credits", "prorate"]),
            "free": "subscription",
        }[v.role]
        name = _pax8_name(v, r)
        grid.append(
            [
                cl.name,
                str(1000 + case.clients.index(cl)),
                cl.domain.split(".")[0].upper(),
                s0.isoformat(),
                s1.isoformat(),
                v.qty,
                "User",
                term,
                p.pax8_sku if p else "MST-TRIAL-FREE",
                name,
                f"{s0:%b %d, %Y} - {s1:%b %d, %Y}" + (" (billed annually)" if v.yearly else ""),
                money(retail),
                money(retail * v.qty),
                money(v.unit),
                money(v.unit * v.qty),
                money(v.unit * v.qty),
                (p.catalog_id if p else "trial").replace(":", "-").lower(),
                name,
                case.currency,
                v.sub.lower(),
                p.brand if p else "Microsoft",
                typ,
            ]
        )
        marks.append(i)
    fn = "pax8_invoice_items_2026-11.csv"
    write_csv(folder / fn, grid, lineterminator="\n")
    return fn, None, marks


# ------------------------------------------------------------------ Pax8 portal invoice CSV
PAX8_PORTAL_COLS = [
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


def pax8_portal(case, folder):
    r = rng_for("pax8portal-m", case.seed, case.n)
    cls = _clients(case)
    grid = [PAX8_PORTAL_COLS]
    marks = [None]
    for i in _order(case, "pax8_portal"):
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        retail = (p.retail * (12 if v.yearly else 1)) if p else 0
        s0, s1 = _period(v)
        name = _pax8_name(v, r)
        details = f"{'Annual' if v.yearly else 'Monthly'} billing; {s0:%m/%d/%Y} - {s1:%m/%d/%Y}"
        if v.role == "free":
            details = "Trial; 30 days"
        grid.append(
            [
                "12/01/2026",
                cl.name,
                str(50000 + case.clients.index(cl)),
                {"licence": "Subscription", "credit": "Credit", "free": "Subscription"}[v.role],
                p.pax8_sku if p else "MST-TRIAL-FREE",
                name,
                details,
                str(v.qty),
                money(retail),
                money(retail * v.qty),
                money(v.unit),
                money(v.unit * v.qty),
                money(v.unit * v.qty),
                s0.strftime("%m/%d/%Y"),
            ]
        )
        marks.append(i)
    fn = "Pax8-Invoice-2026-11.csv"
    write_csv(folder / fn, grid, quote_all=True)
    return fn, None, marks


# ------------------------------------------------------------------ TD SYNNEX StreamOne Ion
ION_COLS = [
    "Customer Name",
    "Customer ID",
    "Cloud Provider",
    "Product Name",
    "SKU",
    "Subscription ID",
    "Charge Type",
    "Billing Frequency",
    "Term",
    "Quantity",
    "Unit Price",
    "Extended Price",
    "MSRP",
    "Currency",
    "Charge Start Date",
    "Charge End Date",
]


def tdsynnex_ion(case, folder):
    r = rng_for("ion-m", case.seed, case.n)
    cls = _clients(case)
    grid = [
        ["TD SYNNEX StreamOne Ion - Billing Report"],
        ["Reseller: Northbridge IT Partners"],
        ["Billing period: Nov 1, 2026 - Nov 30, 2026"],
        [],
        ION_COLS,
    ]
    marks = [None] * 5
    total = 0
    for i in _order(case, "tdsynnex_ion"):
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        if p and p.brand == "Microsoft":
            sku = "US" + p.catalog_id.replace(":", "")
            prov = "Microsoft"
        elif p:
            sku = "US" + p.catalog_id.replace("-", "")
            prov = p.brand
        else:
            sku = "US" + _free(v)[1].replace(":", "")
            prov = "Microsoft"
        msrp = (p.retail * (12 if v.yearly else 1)) if p else 0
        s0, s1 = _period(v)
        ext = v.unit * v.qty
        total += ext
        grid.append(
            [
                cl.name,
                f"C-{100200 + case.clients.index(cl)}",
                prov,
                p.name if p else v.product,
                sku,
                v.sub,
                {"licence": "Recurring", "credit": "Credit", "free": "Trial"}[v.role],
                "Annually" if v.yearly else "Monthly",
                "P1Y" if (v.yearly or r.random() < 0.5) else "P1M",
                v.qty,
                Num(v.unit / 100, money(v.unit)),
                Num(ext / 100, money(ext)),
                Num(msrp / 100, money(msrp)),
                case.currency,
                s0,
                s1,
            ]
        )
        marks.append(i)
    grid.append(
        [
            "Total",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            Num(total / 100, money(total)),
        ]
    )
    marks.append(None)
    fn = "StreamOne_Ion_BillingReport_Nov2026.xlsx"
    write_xlsx(
        folder / fn, [("Billing Report", grid, {4, len(grid) - 1})], date_format="mm/dd/yyyy"
    )
    return fn, None, marks


# ------------------------------------------------------------------ Ingram Micro Cloud Marketplace
# Billing Data Export, short view (column names as Ingram's KB lists them); Net Price = quantity x unit price x duration.
ING_COLS = [
    "Reseller ID",
    "Reseller Company Name",
    "Customer Account ID",
    "End Customer Name",
    "Subscription ID",
    "Subscription Name",
    "Subscription Expiration Date",
    "Plan ID",
    "Charge Type",
    "Period Start",
    "Period End",
    "Quantity",
    "Duration",
    "Unit of Measure",
    "Unit Price",
    "Net Price",
    "Tax",
    "Currency",
]


def ingram_cmp(case, folder):
    cls = _clients(case)
    grid = [ING_COLS]
    marks = [None]
    for i in _order(case, "ingram_cmp"):
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        nm = p.name if p else v.product
        sname = (
            f"{nm} ({'Annual' if v.yearly else 'Monthly'} Pre-Paid)"
            if v.role != "free"
            else f"{nm} (Trial)"
        )
        s0, s1 = _period(v)
        net = v.unit * v.qty
        grid.append(
            [
                "1000105104",
                "Northbridge IT Partners Pty Ltd",
                f"{1000200000 + case.clients.index(cl)}",
                cl.name,
                f"{int(v.sub[1:]) + 1170000}",
                sname,
                "2027-10-31" if v.yearly else "2026-12-01",
                f"{119400 + len(nm)}",
                {"licence": "Recurring", "credit": "Cancellation refund", "free": "Trial"}[v.role],
                s0.isoformat(),
                s1.isoformat(),
                str(v.qty),
                "1.00",
                "year" if v.yearly else "month",
                money(v.unit),
                money(net),
                money(net // 10),
                "AUD",
            ]
        )
        marks.append(i)
    fn = "BillingDataExport_short_2026-11.csv"
    write_csv(folder / fn, grid)
    return fn, None, marks


# ------------------------------------------------------------------ Sherweb
SHW_COLS = [
    "Customer",
    "Subscription",
    "Product",
    "SKU",
    "Charge Type",
    "Billing Cycle",
    "Period From",
    "Period To",
    "Quantity",
    "Unit Cost",
    "Unit MSRP",
    "Total Cost",
]


def sherweb(case, folder):
    cls = _clients(case)
    grid = [SHW_COLS]
    marks = [None]
    totals: dict = {}
    for i in _order(case, "sherweb"):
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        nm = p.name if p else v.product
        s0, s1 = _period(v)
        tot = v.unit * v.qty
        totals[cl.name] = totals.get(cl.name, 0) + tot
        grid.append(
            [
                cl.name,
                f"{nm} - {'Yearly' if v.yearly else 'Monthly'}",
                nm,
                p.string_id if p else "TRIAL",
                {"licence": "Recurring", "credit": "Credit", "free": "Trial"}[v.role],
                "Yearly" if v.yearly else "Monthly",
                s0,
                s1,
                v.qty,
                Num(v.unit / 100, money(v.unit)),
                Num(((p.retail * (12 if v.yearly else 1)) if p else 0) / 100, ""),
                Num(tot / 100, money(tot)),
            ]
        )
        marks.append(i)
    summary = [
        ["Sherweb - Payable charges summary"],
        ["Period", "November 2026"],
        [],
        ["Customer", "Total Cost (CAD)"],
    ]
    for k in sorted(totals):
        summary.append([k, Num(totals[k] / 100, money(totals[k]))])
    fn = "Sherweb_PayableCharges_2026-11.xlsx"
    write_xlsx(folder / fn, [("Summary", summary, {0, 3}), ("Charges", grid, {0})])
    return fn, "Charges", marks


# ------------------------------------------------------------------ Dicker Data
DD_COLS = [
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


def dicker_data(case, folder):
    cls = _clients(case)
    grid = [DD_COLS]
    marks = [None]
    for i in _order(case, "dicker_data"):
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        if p and p.brand == "Microsoft":
            pid = p.catalog_id
            code = (
                f"P1Y:{pid}:Y:"
                if v.yearly
                else f"P1Y:{pid}:1:"
                if (int(v.sub[1:]) % 2)
                else f"P1M:{pid}:1:"
            )
            desc = f"MS NCE {p.terse} {'1YR' if code.startswith('P1Y') else '1MTH'}"
        elif p:
            code = p.catalog_id
            desc = f"{p.terse} {'ANNUAL' if v.yearly else 'MONTHLY'}"
        else:
            code = "TRIAL:" + _free(v)[1]
            desc = "MS " + v.product.upper() + " TRIAL"
        s0, s1 = _period(v)
        rrp = (p.retail * (12 if v.yearly else 1)) if p else 0
        grid.append(
            [
                cl.cid,
                cl.name.upper() if (int(v.sub[1:]) % 7 == 0) else cl.name,
                v.sub,
                code,
                desc,
                f"PO-{v.sub[-4:]}",
                str(v.qty),
                {"licence": "RECURRING", "credit": "CREDIT", "free": "TRIAL"}[v.role],
                "ACTIVE",
                s0.strftime("%d-%b-%Y").upper(),
                s1.strftime("%d-%b-%Y").upper(),
                "ANNUAL" if v.yearly else "MONTHLY",
                money_thousands(v.unit, "$"),
                money_thousands(rrp, "$"),
            ]
        )
        marks.append(i)
    fn = "DickerData_AnnuityReport_NOV-2026.csv"
    write_csv(folder / fn, grid)
    return fn, None, marks


# ------------------------------------------------------------------ Cloudmore (European)
CM_COLS = [
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
    "Period Start",
    "Period End",
]


def cloudmore(case, folder):
    cls = _clients(case)
    grid = [CM_COLS]
    marks = [None]
    eu = lambda c: money_thousands(c, "", ",", ".")  # noqa: E731
    for i in _order(case, "cloudmore"):
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        nm = p.name if p else v.product
        if p and p.brand == "Microsoft":
            svc = "Microsoft CSP (NCE)"
            pname = (
                f"{nm} ({'annual commitment, billed annually' if v.yearly else 'monthly billing'})"
            )
        elif p:
            svc = p.brand
            pname = nm
        else:
            svc, pname = "Microsoft CSP (NCE)", nm + " (trial)"
        sales = (p.retail * (12 if v.yearly else 1)) if p else 0
        tc, ts = v.unit * v.qty, sales * v.qty
        pct = "0,0" if not ts else f"{(ts - tc) * 100 / ts:.1f}".replace(".", ",")
        s0, s1 = _period(v)
        grid.append(
            [
                "01.12.2026",
                svc,
                "Nordic Cloud Broker",
                cl.name,
                f"K{20000 + case.clients.index(cl)}",
                pname,
                p.string_id if p else "TRIAL",
                str(v.qty),
                eu(v.unit),
                eu(sales),
                eu(tc),
                eu(ts),
                eu(ts - tc),
                pct,
                "EUR",
                p.catalog_id if p else _free(v)[1],
                "Annually" if v.yearly else "Monthly",
                s0.strftime("%d.%m.%Y"),
                s1.strftime("%d.%m.%Y"),
            ]
        )
        marks.append(i)
    fn = "cloudmore_general_billing_2026-11.csv"
    write_csv(folder / fn, grid, delimiter=";", encoding="cp1252")
    return fn, None, marks


# ------------------------------------------------------------------ generic distributor xlsx
GEN_COLS = [
    "Invoice No",
    "Invoice Date",
    "Account",
    "End User",
    "Part Number",
    "Item Description",
    "Term",
    "Qty",
    "Unit Cost",
    "Line Total",
    "VAT",
    "Currency",
]


def generic_distributor(case, folder):
    cls = _clients(case)
    grid = [GEN_COLS]
    marks = [None]
    for i in _order(case, "generic_distributor"):
        v = case.vlines[i]
        cl = cls[v.client]
        p = _prod(v)
        nm = p.name if p else v.product
        tot = v.unit * v.qty
        grid.append(
            [
                f"INV-{880000 + case.seed}",
                dt.date(2026, 11, 30),
                "NB-IT-001",
                cl.name,
                p.catalog_id if p else _free(v)[1],
                f"{nm} - {'12 months' if v.yearly else '1 month'}"
                + (" (credit)" if v.role == "credit" else ""),
                "Annual (paid upfront)" if v.yearly else "Monthly",
                v.qty,
                Num(v.unit / 100, money(v.unit)),
                Num(tot / 100, money(tot)),
                Num((tot * 20 // 100) / 100, money(tot * 20 // 100)),
                "GBP",
            ]
        )
        marks.append(i)
    fn = "distributor_invoice_lines_Nov26.xlsx"
    write_xlsx(folder / fn, [("Invoice Lines", grid, {0})], date_format="dd/mm/yyyy")
    return fn, None, marks


RENDERERS = {
    "partner_center_nce": partner_center_nce,
    "partner_center_legacy": partner_center_legacy,
    "pax8_api": pax8_api,
    "pax8_portal": pax8_portal,
    "tdsynnex_ion": tdsynnex_ion,
    "ingram_cmp": ingram_cmp,
    "sherweb": sherweb,
    "dicker_data": dicker_data,
    "cloudmore": cloudmore,
    "generic_distributor": generic_distributor,
}
