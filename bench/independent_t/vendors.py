"""Set T vendor bill formats (what the MSP pays).  Each writer returns (file name, sheet, Table)."""

from __future__ import annotations

import json
import random
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

from .catalog import BY_KEY, CURRENCY, pc_id
from .table import Table, write_xlsx

D2 = Decimal("0.01")
MSP = {
    "USD": "Bluepeak IT Solutions LLC",
    "GBP": "Northlight Managed IT Ltd",
    "EUR": "Digitaal Vakwerk B.V.",
    "CAD": "Maplestack Technologies Inc.",
    "AUD": "Southern Cross Tech Pty Ltd",
    "SEK": "Nordvik IT-partner AB",
}


def fmt(d: Decimal, style: str, currency: str = "USD") -> str:
    d = Decimal(d).quantize(D2)
    sym = CURRENCY[currency][2]
    neg = d < 0
    a = abs(d)
    us = f"{a:,.2f}"
    eu = us.replace(",", "X").replace(".", ",").replace("X", ".")
    if style == "plain":
        return f"{d:.2f}"
    if style == "us":
        return ("-" if neg else "") + sym + us
    if style == "acct":
        return f"({sym}{us})" if neg else f"{sym}{us}"
    if style == "eu":
        return ("-" if neg else "") + eu
    if style == "eu_sym":
        return ("-" if neg else "") + f"{sym} {eu}"
    if style == "sek":
        return ("-" if neg else "") + us.replace(",", "\u00a0").replace(".", ",") + " kr"
    if style == "apos":
        return f"'{d:.18f}"
    raise ValueError(style)


PERIOD_START = date(2026, 11, 1)
PERIOD_END = date(2026, 11, 30)


def _ids(case, rng):
    return {c.cid: str(uuid.UUID(int=rng.getrandbits(128), version=4)) for c in case.clients}


def _annual_span(rng, v):
    """An annual charge billed this month: starts in November 2026, covers twelve months."""
    day = rng.randint(1, 28)
    return date(2026, 11, day), date(2027, 11, day) - timedelta(days=1)


def stable_uuid(*parts) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "set-t/" + "/".join(map(str, parts))))


def product_dash_plan(p) -> str:
    if p.paren and p.paren.endswith(")"):
        plan, prod = p.paren[:-1].split(" (", 1)
        return f"{prod} - {plan}"
    return p.name


# ------------------------------------------------------------------------------------------------
def partner_center_nce(case, folder, rng):
    base = [
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
    ]
    newer = rng.random() < 0.7
    cols = base + (
        [
            "SubscriptionStartDate",
            "SubscriptionEndDate",
            "ReferenceId",
            "ProductQualifiers",
            "PromotionId",
            "ProductCategory",
        ]
        if newer
        else []
    )
    t = Table()
    t.add(cols)
    ids = _ids(case, rng)
    partner = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    inv = f"G{rng.randint(100000000, 999999999)}"
    order = list(range(len(case.vlines)))
    # Partner Center sorts by order, not by customer: shuffle within blocks of customers
    rng.shuffle(order)
    order.sort(key=lambda i: (case.vlines[i].cid // 7, rng.random()))
    repeat_at = len(order) // 2 if len(order) > 40 else -1
    ct_case = rng.choice([str, str.lower, lambda s: s[0].upper() + s[1:]])
    for n, i in enumerate(order):
        if n == repeat_at:
            t.add(cols)
        v = case.vlines[i]
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        pid, sku = pc_id(p).split(":")
        if v.pkey == "M3NT":
            prod_name = "Microsoft 365 E3"
        elif v.pkey == "COP":
            prod_name = "Microsoft 365 Copilot"
        else:
            prod_name = p.name
        eff = v.unit
        list_unit = (
            (eff * Decimal(rng.choice(["1", "1", "1.05", "1.10"]))).quantize(D2)
            if v.role != "trial"
            else Decimal(0)
        )
        if v.term == "trial":
            tbc = "One-Month commitment for trial"
            freq = "OneTime"
        elif v.term == "P1M":
            tbc, freq = "One-Month commitment for monthly billing", "Monthly"
        elif v.billing == "annual":
            tbc, freq = "One-Year commitment for yearly billing", "Annual"
        else:
            tbc, freq = "One-Year commitment for monthly billing", "Monthly"
        if v.billing == "annual":
            s, e = _annual_span(rng, v)
        else:
            s, e = PERIOD_START, PERIOD_END
        sub = v.qty * eff
        charge = ct_case(v.charge) if rng.random() < 0.5 else v.charge
        apos = rng.random() < 0.3
        row = {
            "PartnerId": partner,
            "CustomerId": ids[c.cid],
            "CustomerName": c.name,
            "CustomerDomainName": c.domain,
            "CustomerCountry": c.country if len(c.country) == 2 else "DE",
            "InvoiceNumber": inv,
            "MpnId": "6112233",
            "ResellerMpnId": "",
            "OrderId": f"{rng.getrandbits(48):012x}",
            "OrderDate": f"{s.month}/{max(1, s.day - 3)}/{s.year}",
            "ProductId": pid,
            "SkuId": sku,
            "AvailabilityId": f"CFQ7TTC0{rng.getrandbits(20):05X}"[:12],
            "SkuName": p.name,
            "ProductName": prod_name,
            "ChargeType": charge,
            "UnitPrice": fmt(list_unit, "apos") if apos else f"{list_unit}",
            "Quantity": v.qty,
            "Subtotal": f"{sub:.2f}",
            "TaxTotal": "0",
            "Total": f"{sub:.2f}",
            "Currency": case.currency,
            "PriceAdjustmentDescription": '["Partner earned credit"]'
            if list_unit != eff and rng.random() < 0.5
            else "",
            "PublisherName": "Microsoft Corporation",
            "PublisherId": "",
            "SubscriptionDescription": p.name,
            "SubscriptionId": v.sub,
            "ChargeStartDate": f"{s.month}/{s.day}/{s.year}",
            "ChargeEndDate": f"{e.month}/{e.day}/{e.year}",
            "TermAndBillingCycle": tbc,
            "EffectiveUnitPrice": fmt(eff, "apos") if apos else f"{eff}",
            "UnitType": "Licenses",
            "AlternateId": f"{rng.getrandbits(40):010x}",
            "BillableQuantity": fmt(Decimal(v.qty), "apos") if apos else v.qty,
            "BillingFrequency": freq,
            "PricingCurrency": case.currency,
            "PCToBCExchangeRate": "1",
            "PCToBCExchangeRateDate": "11/1/2026",
            "MeterDescription": "",
            "ReservationOrderId": "",
            "SubscriptionStartDate": f"{s.month}/{s.day}/{s.year - (1 if v.billing != 'annual' and rng.random() < 0.5 else 0)}",
            "SubscriptionEndDate": f"{e.month}/{e.day}/{e.year}",
            "ReferenceId": json.dumps(
                {"orderId": f"{rng.getrandbits(32):08x}", "lineItem": rng.randint(1, 9)}
            )
            if rng.random() < 0.3
            else "",
            "ProductQualifiers": '["Trial"]' if v.term == "trial" else "[]",
            "PromotionId": "",
            "ProductCategory": "OnlineServicesNCE",
        }
        t.add([row[k] for k in cols], ("v", i))
    name = "ReconLineItems_NCE_2026-11.csv"
    t.write_csv(folder / name, bom=True)
    return name, None, t


def partner_center_legacy(case, folder, rng):
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
    if rng.random() < 0.5:  # a saved layout without the syndication columns
        cols = [
            c
            for c in cols
            if c not in ("SyndicationPartnerSubscriptionNumber", "DurableOfferId", "ResellerMpnId")
        ]
    t = Table()
    t.add(cols)
    ids = _ids(case, rng)
    partner = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    for i, v in enumerate(case.vlines):
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        if v.role == "trial":
            unit, disc = Decimal(0), Decimal(0)
        elif rng.random() < 0.4:
            d = (v.unit * Decimal(rng.choice(["0.05", "0.10", "0.15"]))).quantize(D2)
            unit, disc = v.unit + d, d * v.qty
        else:
            unit, disc = v.unit, Decimal(0)
        amount = unit * v.qty
        sub = amount - disc
        s, e = (PERIOD_START, PERIOD_END) if v.billing != "annual" else _annual_span(rng, v)
        offer = p.name + (" Trial" if v.role == "trial" else "")
        row = {
            "PartnerId": partner,
            "CustomerId": ids[c.cid],
            "CustomerName": c.name,
            "MpnId": "4455667",
            "ResellerMpnId": "",
            "OrderId": f"{rng.getrandbits(40):010X}",
            "SubscriptionId": v.sub,
            "SyndicationPartnerSubscriptionNumber": "",
            "OfferId": stable_uuid(p.key, 7).upper(),
            "DurableOfferId": "",
            "OfferName": offer,
            "SubscriptionStartDate": s.strftime("%d/%m/%Y"),
            "SubscriptionEndDate": e.strftime("%d/%m/%Y"),
            "ChargeStartDate": s.strftime("%d/%m/%Y"),
            "ChargeEndDate": e.strftime("%d/%m/%Y"),
            "ChargeType": "Cycle fee" if v.role != "credit" else "Cancel instance prorate",
            "UnitPrice": f"{unit:.2f}",
            "Quantity": v.qty,
            "Amount": f"{amount:.2f}",
            "TotalOtherDiscount": f"{disc:.2f}",
            "Subtotal": f"{sub:.2f}",
            "Tax": f"{(sub * Decimal('0.2')).quantize(D2):.2f}",
            "TotalForCustomer": f"{(sub * Decimal('1.2')).quantize(D2):.2f}",
            "Currency": case.currency,
            "DomainName": c.domain,
            "SubscriptionName": p.name,
            "SubscriptionDescription": p.name,
            "BillingCycleType": "Annual" if v.billing == "annual" else "Monthly",
        }
        t.add([row[k] for k in cols], ("v", i))
    name = "LicenseBased_Recon_Nov2026.csv"
    t.write_csv(folder / name)
    return name, None, t


def _pax8_name(p, api=False):
    if p.kind != "ms":
        return p.name
    return p.name + (" [New Commerce Experience]" if api else " [NCE]")


def pax8_portal_csv(case, folder, rng):
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
    head = cols[:2]
    rest = cols[2:]
    rng.shuffle(rest)
    cols = head + rest
    t = Table()
    t.add(cols)
    comp = {c.cid: 100000 + rng.randint(0, 899999) for c in case.clients}
    for i, v in enumerate(case.vlines):
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        typ = {"licence": "subscription", "credit": "credits", "trial": "subscription"}[v.role]
        if v.role == "trial":
            details = "Trial, 1 Month"
        elif v.billing == "annual":
            details = "Annual billing, 1 Year commitment, 01/11/2026 - 31/10/2027"
        elif v.term == "P1M":
            details = "Monthly billing, Monthly commitment"
        else:
            details = "Monthly billing, 1 Year commitment"
        retail = (v.unit * Decimal("1.2")).quantize(D2)
        row = {
            "company_name": c.name,
            "company_id": comp[c.cid],
            "type": typ,
            "description": _pax8_name(p),
            "details": details,
            "sku": p.pax8,
            "quantity": v.qty,
            "cost": f"{v.unit:.2f}",
            "cost_total": f"{v.unit * v.qty:.2f}",
            "price": f"{retail:.2f}",
            "subtotal": f"{retail * v.qty:.2f}",
            "partner_subtotal": f"{v.unit * v.qty:.2f}",
            "start_period": "2026-11-01",
            "invoice_date": "2026-12-01",
        }
        t.add([row[k] for k in cols], ("v", i))
    name = "pax8-invoice-2026-11.csv"
    t.write_csv(folder / name)
    return name, None, t


def pax8_api_xlsx(case, folder, rng):
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
    if rng.random() < 0.5:
        cols.remove("externalId")
        cols.remove("details")
    t = Table()
    t.add(cols)
    comp = {c.cid: str(uuid.UUID(int=rng.getrandbits(128), version=4)) for c in case.clients}
    for i, v in enumerate(case.vlines):
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        if v.role == "trial":
            term, s, e = "Trial", PERIOD_START, PERIOD_END
        elif v.billing == "annual":
            term, s, e = "Annual", date(2026, 11, 1), date(2027, 10, 31)
        else:
            term, s, e = ("Annual" if v.term == "P1Y" else "Monthly"), PERIOD_START, PERIOD_END
        retail = (v.unit * Decimal("1.2")).quantize(D2)
        row = {
            "companyName": c.name,
            "companyId": comp[c.cid],
            "externalId": "",
            "startPeriod": s,
            "endPeriod": e,
            "quantity": v.qty,
            "unitOfMeasure": {
                "user": "User",
                "mailbox": "User",
                "device": "Device",
                "endpoint": "Device",
                "workload": "Workload",
            }[p.unit],
            "term": term,
            "sku": p.pax8,
            "description": _pax8_name(p),
            "details": "",
            "price": retail,
            "subTotal": retail * v.qty,
            "cost": v.unit,
            "costTotal": v.unit * v.qty,
            "total": v.unit * v.qty,
            "productId": stable_uuid(p.key, 3),
            "productName": _pax8_name(p, api=True),
            "currencyCode": case.currency,
            "subscriptionId": v.sub,
            "vendorName": p.publisher.split(" Inc")[0]
            .split(" International")[0]
            .replace(" Corporation", ""),
            "type": {"licence": "subscription", "credit": "credit", "trial": "subscription"}[
                v.role
            ],
        }
        t.add([row[k] for k in cols], ("v", i))
    s2 = Table()
    s2.add(["Invoice", f"INV-{rng.randint(1000000, 9999999)}"])
    s2.add(["Period", "2026-11"])
    s2.add(["Total cost", sum((v.unit * v.qty for v in case.vlines), Decimal(0))])
    name = "Pax8_InvoiceItems_202611.xlsx"
    write_xlsx(folder / name, [("Invoice Items", t), ("Invoice Summary", s2)])
    return name, "Invoice Items", t


def td_synnex_ion_xlsx(case, folder, rng):
    cols = [
        "End Customer Name",
        "End Customer ID",
        "Subscription ID",
        "Vendor",
        "Product Name",
        "Manufacturer Part #",
        "Billing Frequency",
        "Term",
        "Charge Type",
        "Quantity",
        "Unit Cost",
        "Extended Cost",
        "Unit MSRP",
        "Charge Start",
        "Charge End",
        "Currency",
    ]
    t = Table()
    t.add(["StreamOne Ion - Billing Statement"])
    t.add(["Billing period: 11/01/2026 - 11/30/2026", "", "", "Reseller:", MSP[case.currency]])
    t.add([])
    t.add(cols)
    comp = {c.cid: f"EC{rng.randint(1000000, 9999999)}" for c in case.clients}
    order = sorted(
        range(len(case.vlines)), key=lambda i: (case.clients[case.vlines[i].cid].name.lower(), i)
    )
    total = Decimal(0)
    for i in order:
        v = case.vlines[i]
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        mpn = ("US" + pc_id(p).replace(":", "")) if p.kind == "ms" else p.pax8
        if v.billing == "annual":
            s, e = _annual_span(rng, v)
        else:
            s, e = PERIOD_START, PERIOD_END
        row = [
            c.name,
            comp[c.cid],
            v.sub,
            p.publisher.replace(" Corporation", ""),
            product_dash_plan(p),
            mpn,
            "Annual" if v.billing == "annual" else "Monthly",
            {"P1Y": "1 Year", "P1M": "1 Month", "trial": "Trial"}[v.term],
            {"licence": "Recurring", "credit": "Credit", "trial": "Trial"}[v.role],
            v.qty,
            v.unit,
            v.unit * v.qty,
            (v.unit * Decimal("1.18")).quantize(D2),
            s,
            e,
            case.currency,
        ]
        total += v.unit * v.qty
        t.add(row, ("v", i))
    t.add([])
    t.add(["Total", "", "", "", "", "", "", "", "", "", "", total])
    name = "StreamOne_Ion_Billing_Nov-2026.xlsx"
    write_xlsx(folder / name, [("Billing Detail", t)], date_fmt="mm/dd/yyyy")
    return name, "Billing Detail", t


def ingram_xvantage_csv(case, folder, rng):
    cols = [
        "Reseller Name",
        "End Customer Name",
        "End Customer Reference",
        "Subscription ID",
        "Subscription Name",
        "Vendor",
        "SKU",
        "Billing Frequency",
        "Start Date",
        "End Date",
        "Quantity",
        "Unit Price",
        "Net Price",
        "Currency",
    ]
    t = Table()
    t.add(cols)
    ref = {c.cid: f"{rng.randint(10000000, 99999999)}" for c in case.clients}
    for i, v in enumerate(case.vlines):
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        if v.role == "trial":
            suffix = " (Trial)"
        elif v.billing == "annual":
            suffix = " (Annual Pre-Paid)"
        elif v.term == "P1Y":
            suffix = " (Annual, Monthly Billing)"
        else:
            suffix = " (Monthly Pre-Paid)"
        s, e = (PERIOD_START, PERIOD_END) if v.billing != "annual" else _annual_span(rng, v)
        row = [
            MSP[case.currency],
            c.name,
            ref[c.cid],
            v.sub,
            p.name + suffix,
            p.publisher.split(" ")[0],
            (pc_id(p).replace(":", "") if p.kind == "ms" else p.pax8),
            "Annual" if v.billing == "annual" else "Monthly",
            s.strftime("%d.%m.%Y"),
            e.strftime("%d.%m.%Y"),
            v.qty,
            fmt(v.unit, "eu"),
            fmt(v.unit * v.qty, "eu"),
            case.currency,
        ]
        t.add(row, ("v", i))
    name = "IM_CloudMarketplace_Billing_202611.csv"
    t.write_csv(folder / name, delimiter=";", bom=True)
    return name, None, t


def sherweb_xlsx(case, folder, rng):
    cols = [
        "Customer",
        "Subscription",
        "SKU",
        "Charge Type",
        "Billing Cycle",
        "Commitment",
        "Period Start",
        "Period End",
        "Quantity",
        "Unit Cost",
        "MSRP",
        "Subtotal",
        "Currency",
    ]
    t = Table()
    t.add([f"Payable charges - November 2026 - {MSP[case.currency]}"])
    t.add(cols)
    for i, v in enumerate(case.vlines):
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        cyc = "Annual" if v.billing == "annual" else "Monthly"
        com = {"P1Y": "1 Year", "P1M": "Monthly", "trial": "Trial"}[v.term]
        sub = f"{p.name} - {cyc} / {com}" + (" (NCE)" if p.kind == "ms" else "")
        s, e = (PERIOD_START, PERIOD_END) if v.billing != "annual" else _annual_span(rng, v)
        row = [
            c.name,
            sub,
            p.pax8 or pc_id(p),
            {"licence": "Recurring fee", "credit": "Credit", "trial": "Trial"}[v.role],
            cyc,
            com,
            s,
            e,
            v.qty,
            v.unit,
            (v.unit * Decimal("1.15")).quantize(D2),
            v.unit * v.qty,
            case.currency,
        ]
        t.add(row, ("v", i))
    name = "Sherweb_PayableCharges_2026-11.xlsx"
    write_xlsx(folder / name, [("Charges", t)])
    return name, "Charges", t


def dicker_data_csv(case, folder, rng):
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
    t.add(cols)
    ids = _ids(case, rng)
    mon = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    def d(x):
        return f"{x.day:02d}-{mon[x.month - 1]}-{x.year}"

    for i, v in enumerate(case.vlines):
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        if p.kind == "ms":
            pid, sku = pc_id(p).split(":")
            if v.term == "trial":
                code = f"P1M:{pid}:{sku}:T:"
            elif v.term == "P1M":
                code = f"P1M:{pid}:{sku}:1:"
            else:
                code = f"P1Y:{pid}:{sku}:{'Y' if v.billing == 'annual' else '1'}:"
            desc = p.vendor_terse + {"P1Y": " 1YR", "P1M": " 1MTH", "trial": " TRIAL"}[v.term]
        else:
            code, desc = p.pax8, p.vendor_terse + (" ANNUAL" if v.billing == "annual" else " MTHLY")
        s, e = (PERIOD_START, PERIOD_END) if v.billing != "annual" else _annual_span(rng, v)
        row = [
            ids[c.cid],
            c.name.upper(),
            v.sub,
            code,
            desc,
            f"PO{rng.randint(10000, 99999)}" if rng.random() < 0.3 else "",
            v.qty,
            {"licence": "RECURRING", "credit": "CREDIT", "trial": "TRIAL"}[v.role],
            "ACTIVE" if v.role != "trial" else "TRIAL",
            d(s),
            d(e),
            "ANNUAL" if v.billing == "annual" else "MONTHLY",
            fmt(v.unit, "us", "AUD"),
            fmt((v.unit * Decimal("1.25")).quantize(D2), "us", "AUD"),
        ]
        t.add(row, ("v", i))
    name = "DickerData_Annuity_NOV-2026.csv"
    t.write_csv(folder / name)
    return name, None, t


def cloudmore_xlsx(case, folder, rng):
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
    t = Table()
    t.add(cols)
    num = {c.cid: f"C{rng.randint(10000, 99999)}" for c in case.clients}
    for i, v in enumerate(case.vlines):
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        sale = (v.unit * Decimal("1.2")).quantize(D2)
        svc = "Microsoft CSP (NCE)" if p.kind == "ms" else p.publisher.split(" ")[0]
        name = p.name + (" - Trial" if v.role == "trial" else "")
        row = [
            datetime(2026, 11, 1),
            svc,
            MSP[case.currency],
            c.name,
            num[c.cid],
            name,
            p.pax8 if p.kind != "ms" else pc_id(p),
            v.qty,
            v.unit,
            sale,
            v.unit * v.qty,
            sale * v.qty,
            (sale - v.unit) * v.qty,
            Decimal("16.67") if v.unit else Decimal(0),
            case.currency,
            stable_uuid(p.key, 11),
            {"annual": "Annually", "monthly": "Monthly"}[v.billing],
        ]
        t.add(row, ("v", i))
    name = "Cloudmore_General_Billing_Report_2026-11.xlsx"
    write_xlsx(folder / name, [("General Billing Report", t)])
    return name, "General Billing Report", t


def generic_distributor_csv(case, folder, rng):
    t = Table()
    t.add([f"Statement of cloud charges - November 2026 - {MSP[case.currency]}"])
    t.add(["Account", "Client", "Vendor", "Item", "Frequency", "Qty", "Unit £", "Line £", "Notes"])
    acct = {c.cid: f"ACC{rng.randint(1000, 9999)}" for c in case.clients}
    for i, v in enumerate(case.vlines):
        p = BY_KEY[v.pkey]
        c = case.clients[v.cid]
        note = {
            "licence": "",
            "credit": f"credit - {abs(v.qty)} seat(s) removed",
            "trial": "trial - no charge",
        }[v.role]
        if v.term == "P1M" and v.role == "licence":
            note = "monthly term"
        row = [
            acct[c.cid],
            c.name,
            p.publisher.split(" ")[0],
            p.paren or p.name,
            "Annual" if v.billing == "annual" else "Monthly",
            v.qty,
            fmt(v.unit, "us", "GBP"),
            fmt(v.unit * v.qty, "us", "GBP"),
            note,
        ]
        t.add(row, ("v", i))
    t.add([])
    t.add(
        [
            "",
            "",
            "",
            "",
            "",
            "",
            "Total",
            fmt(sum((v.unit * v.qty for v in case.vlines), Decimal(0)), "us", "GBP"),
        ]
    )
    name = "cloud-charges-nov-2026.csv"
    t.write_csv(folder / name)
    return name, None, t


VENDOR_SPECS = [
    {
        "name": "partner_center_nce",
        "currency": "USD",
        "ms_only": True,
        "writer": partner_center_nce,
    },
    {
        "name": "partner_center_legacy",
        "currency": "GBP",
        "ms_only": True,
        "writer": partner_center_legacy,
    },
    {"name": "pax8_portal_csv", "currency": "GBP", "writer": pax8_portal_csv},
    {"name": "pax8_api_xlsx", "currency": "USD", "writer": pax8_api_xlsx},
    {"name": "td_synnex_streamone_ion_xlsx", "currency": "USD", "writer": td_synnex_ion_xlsx},
    {"name": "ingram_xvantage_csv", "currency": "EUR", "writer": ingram_xvantage_csv},
    {"name": "sherweb_xlsx", "currency": "CAD", "writer": sherweb_xlsx},
    {"name": "dicker_data_csv", "currency": "AUD", "writer": dicker_data_csv},
    {"name": "cloudmore_xlsx", "currency": "SEK", "writer": cloudmore_xlsx},
    {"name": "generic_distributor_csv", "currency": "GBP", "writer": generic_distributor_csv},
]
