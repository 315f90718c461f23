"""Vendor bills of set Q, written the way each portal exports them (with layout variants per seed)."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction as F

from .catalog import BY_KEY
from .writers import Sheet

PERIOD_START = dt.date(2026, 11, 1)


def q2(x: F) -> str:
    return f"{float(x):.2f}"


def money_sym(x: F, sym: str, neg_paren=False) -> str:
    v = float(x)
    s = f"{sym}{abs(v):,.2f}"
    if v < 0:
        return f"({s})" if neg_paren else f"-{s}"
    return s


def eu(x: F) -> str:
    s = f"{float(x):,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def charge_dates(line):
    day = int(line.sub[:2], 16) % 28 + 1
    start = dt.date(2026, 11, day)
    if line.annual:
        end = dt.date(2027, 11, day) - dt.timedelta(days=1)
    else:
        end = dt.date(2026, 12, day) - dt.timedelta(days=1)
    return start, end


def dfmt(d: dt.date, style: str) -> str:
    if style == "iso":
        return d.isoformat()
    if style == "us":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "uk":
        return d.strftime("%d/%m/%Y")
    if style == "de":
        return d.strftime("%d.%m.%Y")
    if style == "dicker":
        return d.strftime("%d-%b-%Y").upper()
    if style == "long":
        return f"{d.day} {d.strftime('%b %Y')}"
    if style == "isotime":
        return d.isoformat() + "T00:00:00Z"
    raise ValueError(style)


def list_price(cost: F) -> F:
    return F(round(cost * 105)) / 100  # the portal's list / MSRP price (never the cost)


def pc_ids(p):
    if p.pc_id:
        a, b = p.pc_id.split(":")
        return a, b
    return "", ""


def _ordered(case):
    names = {c.cid: c.name for c in case.clients}
    return sorted(case.vlines, key=lambda x: (names[x.cid].lower(), x.sub, x.role == "credit"))


# ----------------------------------------------------------------------------------------------
def partner_center_nce_csv(case, rng, cur):
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
    ]
    newer = rng.random() < 0.6
    if newer:
        cols += [
            "SubscriptionStartDate",
            "SubscriptionEndDate",
            "ReferenceId",
            "ProductQualifiers",
            "PromotionId",
            "ProductCategory",
        ]
    apos = rng.random() < 0.5
    dstyle = rng.choice(["us", "iso"])
    casing = rng.choice(
        [["cycleCharge", "CycleCharge", "cyclecharge"], ["new", "New", "renew", "Renew"]]
    )
    sh = Sheet("recon")
    sh.add(cols)
    partner = "a8f3c2d1-5b6e-4f70-9a21-3c4d5e6f7a80"
    cids = {c.cid: c for c in case.clients}
    lines = _ordered(case)
    repeat_at = len(lines) // 2 if rng.random() < 0.7 else -1

    def num(x, dp=2):
        s = f"{float(x):.{dp}f}" if not apos else f"'{float(x):.18f}"
        return s

    for i, x in enumerate(lines):
        if i == repeat_at:
            sh.add(cols)  # header repeated mid-file (a non-data record)
        c = cids[x.cid]
        p = BY_KEY[x.pkey]
        pid, sku = pc_ids(p)
        s, e = charge_dates(x)
        if x.role == "trial":
            term, freq, ct = "One-Month commitment for trial", "Monthly", "new"
        elif x.annual:
            term, freq, ct = "One-Year commitment for yearly billing", "Annual", rng.choice(casing)
        else:
            term = rng.choice(
                [
                    "One-Year commitment for monthly/yearly billing",
                    "One-Month commitment for monthly billing",
                ]
            )
            freq, ct = "Monthly", rng.choice(casing)
        if x.role == "credit":
            ct = rng.choice(["removeQuantity", "RemoveQuantity", "cancel"])
        eff = x.unit
        unitp = list_price(eff) if eff else F(0)
        sub = eff * x.qty
        row = {
            "PartnerId": partner,
            "CustomerId": f"{c.cid:08d}-0000-4000-8000-{c.cid:012d}",
            "CustomerName": c.name,
            "CustomerDomainName": c.domain,
            "CustomerCountry": c.country.split("-")[0].replace("WLS", "GB"),
            "InvoiceNumber": "G061234567",
            "MpnId": "6123456",
            "ResellerMpnId": "",
            "OrderId": x.sub[:16].replace("-", ""),
            "OrderDate": dfmt(s, dstyle),
            "ProductId": pid,
            "SkuId": sku,
            "AvailabilityId": "CFQ7TTC0" + x.sub[-4:].upper(),
            "SkuName": p.name,
            "ProductName": p.name,
            "ChargeType": ct,
            "UnitPrice": num(unitp),
            "Quantity": num(x.qty, 0) if not apos else f"'{x.qty}",
            "Subtotal": num(sub),
            "TaxTotal": num(0),
            "Total": num(sub),
            "Currency": cur,
            "PriceAdjustmentDescription": '["Partner earned credit for services managed (5%)"]'
            if eff
            else "",
            "PublisherName": "Microsoft Corporation",
            "PublisherId": "",
            "SubscriptionDescription": p.name,
            "SubscriptionId": x.sub,
            "ChargeStartDate": dfmt(s, dstyle),
            "ChargeEndDate": dfmt(e, dstyle),
            "TermAndBillingCycle": term,
            "EffectiveUnitPrice": num(eff),
            "UnitType": "Licenses",
            "AlternateId": x.sub[-12:],
            "BillableQuantity": num(x.qty) if not apos else f"'{x.qty:.18f}",
            "BillingFrequency": freq,
            "PricingCurrency": cur,
            "PCToBCExchangeRate": "1",
            "PCToBCExchangeRateDate": dfmt(dt.date(2026, 10, 31), dstyle),
            "MeterDescription": "",
            "ReservationOrderId": "",
            "SubscriptionStartDate": dfmt(s.replace(year=2026 if x.annual else 2025), dstyle),
            "SubscriptionEndDate": dfmt(
                e.replace(year=2027) if x.annual else e.replace(year=2026), dstyle
            ),
            "ReferenceId": json.dumps({"invoiceLineId": x.sub[-8:]})
            if rng.random() < 0.3
            else x.sub[-8:],
            "ProductQualifiers": "[]",
            "PromotionId": "",
            "ProductCategory": "OnlineServicesNCE",
        }
        sh.add([row[k] for k in cols], ("v", x))
    return "invoice_recon_G061234567.csv", [sh], {"kind": "csv", "bom": True}, None


def partner_center_legacy_csv(case, rng, cur):
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
    if rng.random() < 0.5:  # a saved layout with the money block moved to the front
        front = [
            "CustomerName",
            "OfferName",
            "Quantity",
            "UnitPrice",
            "Amount",
            "TotalOtherDiscount",
            "Subtotal",
        ]
        cols = front + [c for c in cols if c not in front]
    sh = Sheet()
    sh.add(cols)
    cids = {c.cid: c for c in case.clients}
    dstyle = rng.choice(["uk", "iso"])
    for x in _ordered(case):
        c, p = cids[x.cid], BY_KEY[x.pkey]
        s, e = charge_dates(x)
        lp = list_price(x.unit) if x.unit else F(0)
        amount = lp * x.qty
        subtotal = x.unit * x.qty
        ct = {
            "licence": "Cycle fee",
            "credit": "Cancel Instance Prorate",
            "trial": "Activation fee",
        }[x.role]
        row = {
            "PartnerId": "b7e2",
            "CustomerId": f"{c.cid:08d}-1111-4111-8111-{c.cid:012d}",
            "CustomerName": c.name,
            "MpnId": "6123456",
            "ResellerMpnId": "",
            "OrderId": x.sub[:12],
            "SubscriptionId": x.sub,
            "SyndicationPartnerSubscriptionNumber": x.sub[-10:],
            "OfferId": p.graph or p.key.upper(),
            "DurableOfferId": p.pc_id.split(":")[0] if p.pc_id else "",
            "OfferName": p.name + (" Trial" if x.role == "trial" else ""),
            "SubscriptionStartDate": dfmt(s.replace(year=2025), dstyle),
            "SubscriptionEndDate": dfmt(e.replace(year=2027), dstyle),
            "ChargeStartDate": dfmt(s, dstyle),
            "ChargeEndDate": dfmt(e, dstyle),
            "ChargeType": ct,
            "UnitPrice": q2(lp),
            "Quantity": str(x.qty),
            "Amount": q2(amount),
            "TotalOtherDiscount": q2(amount - subtotal),
            "Subtotal": q2(subtotal),
            "Tax": q2(subtotal / 10),
            "TotalForCustomer": q2(subtotal * F(11, 10)),
            "Currency": cur,
            "DomainName": c.domain,
            "SubscriptionName": p.name,
            "SubscriptionDescription": p.name,
            "BillingCycleType": "Annual" if x.annual else "Monthly",
        }
        sh.add([row[k] for k in cols], ("v", x))
    return "LicenseBased_2026-11.csv", [sh], {"kind": "csv"}, None


def pax8_portal_csv(case, rng, cur):
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
        "end_period",
        "invoice_date",
    ]
    if rng.random() < 0.5:
        cols.remove("end_period")
    if rng.random() < 0.5:
        rng.shuffle(cols)
    sh = Sheet()
    sh.add(cols)
    cids = {c.cid: c for c in case.clients}
    for x in _ordered(case):
        c, p = cids[x.cid], BY_KEY[x.pkey]
        s, e = charge_dates(x)
        tag = rng.choice(["[NCE]", "[New Commerce Experience]"]) if p.ms else ""
        if x.role == "trial":
            details = "Trial - 1 Month"
        elif x.annual:
            details = "Annual Commitment, Annual Billing"
        else:
            details = rng.choice(
                ["Monthly Commitment, Monthly Billing", "Annual Commitment, Monthly Billing"]
            )
        typ = {"licence": "subscription", "credit": "credits", "trial": "subscription"}[x.role]
        row = {
            "company_name": c.name,
            "company_id": f"{c.cid + 10000}",
            "type": typ,
            "description": f"{p.name} {tag}".strip(),
            "details": details,
            "sku": p.pax8 or p.code,
            "quantity": str(x.qty),
            "cost": q2(x.unit),
            "cost_total": q2(x.unit * x.qty),
            "price": q2(p.p * (12 if x.annual else 1)),
            "subtotal": q2(p.p * (12 if x.annual else 1) * x.qty),
            "partner_subtotal": q2(x.unit * x.qty),
            "start_period": dfmt(s, "us"),
            "end_period": dfmt(e, "us"),
            "invoice_date": "12/1/2026",
        }
        sh.add([row[k] for k in cols], ("v", x))
    return "pax8-invoice-2026-11.csv", [sh], {"kind": "csv"}, None


def pax8_api_xlsx(case, rng, cur):
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
    summary = Sheet("Summary")
    summary.add(["Pax8 invoice", "INV-2026-11-88231"])
    summary.add(["Partner", "Q Managed IT"])
    summary.add(["Invoice total", F(0)])
    sh = Sheet(rng.choice(["invoice-items", "Invoice Items", "items"]))
    sh.add(cols)
    cids = {c.cid: c for c in case.clients}
    total = F(0)
    for x in _ordered(case):
        c, p = cids[x.cid], BY_KEY[x.pkey]
        s, e = charge_dates(x)
        term = (
            "Trial"
            if x.role == "trial"
            else ("Annual" if x.annual else rng.choice(["Monthly", "Annual"]))
        )
        row = {
            "companyName": c.name,
            "companyId": c.cid + 5000,
            "externalId": f"PSA-{c.cid:04d}",
            "startPeriod": dfmt(s, "iso"),
            "endPeriod": dfmt(e, "iso"),
            "quantity": x.qty,
            "unitOfMeasure": "User",
            "term": term,
            "sku": p.pax8 or p.code,
            "description": p.name,
            "details": "Annual billing" if x.annual else "Monthly billing",
            "price": p.p * (12 if x.annual else 1),
            "subTotal": p.p * (12 if x.annual else 1) * x.qty,
            "cost": x.unit,
            "costTotal": x.unit * x.qty,
            "total": x.unit * x.qty,
            "productId": p.key.upper(),
            "productName": p.name + (" [NCE]" if p.ms else ""),
            "currencyCode": cur,
            "subscriptionId": x.sub,
            "vendorName": "Microsoft" if p.ms else p.name.split()[0],
            "type": {"licence": "subscription", "credit": "credits", "trial": "subscription"}[
                x.role
            ],
        }
        total += x.unit * x.qty
        sh.add([row[k] for k in cols], ("v", x))
    summary.records[2] = (["Invoice total", total], None)
    return (
        "pax8_invoice_items.xlsx",
        [summary, sh],
        {"kind": "xlsx", "date_format": "yyyy-mm-dd"},
        None,
    )


def td_synnex_ion_xlsx(case, rng, cur):
    cols = [
        "Customer Name",
        "End Customer ID",
        "Subscription ID",
        "Product Name",
        "Manufacturer Part #",
        "Billing Frequency",
        "Term",
        "Qty",
        "Unit Cost",
        "Extended Cost",
        "MSRP",
        "Charge Start",
        "Charge End",
        "Currency",
    ]
    if rng.random() < 0.5:
        cols = [
            "End Customer ID",
            "Customer Name",
            "Product Name",
            "Qty",
            "Unit Cost",
            "Extended Cost",
            "Manufacturer Part #",
            "Charge Start",
            "Charge End",
            "Billing Frequency",
            "Term",
            "Subscription ID",
            "Currency",
        ]
    sh = Sheet("Billing Details")
    sh.add(["TD SYNNEX StreamOne Ion - Billing Statement"])
    sh.add([f"Billing period: November 2026 ({cur})"])
    sh.add([])
    sh.add(cols)
    cids = {c.cid: c for c in case.clients}
    total = F(0)
    for x in _ordered(case):
        c, p = cids[x.cid], BY_KEY[x.pkey]
        s, e = charge_dates(x)
        mpn = ("CA" + p.pc_id.replace(":", "")) if p.pc_id else p.code
        row = {
            "Customer Name": c.name,
            "End Customer ID": f"EC{c.cid + 770000}",
            "Subscription ID": x.sub,
            "Product Name": f"{p.name} - {'NCE - ' if p.ms else ''}{'Annual' if x.annual else 'Monthly'}"
            + (" (Trial)" if x.role == "trial" else ""),
            "Manufacturer Part #": mpn,
            "Billing Frequency": "Annual" if x.annual else "Monthly",
            "Term": "Trial"
            if x.role == "trial"
            else rng.choice(["1 Year", "1 Month"])
            if not x.annual
            else "1 Year",
            "Qty": x.qty,
            "Unit Cost": x.unit,
            "Extended Cost": x.unit * x.qty,
            "MSRP": list_price(x.unit),
            "Charge Start": s,
            "Charge End": e,
            "Currency": cur,
        }
        total += x.unit * x.qty
        sh.add([row.get(k) for k in cols], ("v", x))
    sh.add([])
    tot = [""] * len(cols)
    tot[0] = "Total"
    tot[cols.index("Extended Cost")] = total
    sh.add(tot)
    return (
        "StreamOne_Ion_Billing_Nov2026.xlsx",
        [sh],
        {"kind": "xlsx", "date_format": "mm/dd/yyyy"},
        None,
    )


def ingram_marketplace_csv(case, rng, cur):
    cols = [
        "Customer Name",
        "Customer Reference",
        "Subscription ID",
        "Subscription Name",
        "Vendor",
        "Product SKU",
        "Quantity",
        "Unit Price",
        "Net Price",
        "Billing Period Start",
        "Billing Period End",
        "Billing Type",
        "Currency",
    ]
    if rng.random() < 0.4:
        cols.insert(8, "List Price")
    sh = Sheet()
    sh.add(cols)
    cids = {c.cid: c for c in case.clients}
    for x in _ordered(case):
        c, p = cids[x.cid], BY_KEY[x.pkey]
        s, e = charge_dates(x)
        kind = (
            "Trial"
            if x.role == "trial"
            else ("Annual Pre-Paid" if x.annual else "Monthly Pre-Paid")
        )
        row = {
            "Customer Name": c.name,
            "Customer Reference": f"IM-{c.cid:05d}",
            "Subscription ID": x.sub[:13],
            "Subscription Name": f"{p.name} ({kind})",
            "Vendor": "Microsoft" if p.ms else p.name.split()[0],
            "Product SKU": p.pc_id.replace(":", "-") if p.pc_id else p.code,
            "Quantity": str(x.qty),
            "Unit Price": q2(x.unit),
            "List Price": q2(list_price(x.unit)),
            "Net Price": q2(x.unit * x.qty),
            "Billing Period Start": dfmt(s, "uk"),
            "Billing Period End": dfmt(e, "uk"),
            "Billing Type": "Credit" if x.role == "credit" else "Recurring",
            "Currency": cur,
        }
        sh.add([row[k] for k in cols], ("v", x))
    return "ingram_cloud_billing_202611.csv", [sh], {"kind": "csv"}, None


def sherweb_payable_xlsx(case, rng, cur):
    cols = [
        "Customer",
        "Service",
        "Subscription",
        "SKU",
        "Charge Type",
        "Billing Cycle",
        "Period",
        "Quantity",
        "Unit cost",
        "Unit price (MSRP)",
        "Subtotal",
        "Currency",
    ]
    summary = Sheet("Summary")
    summary.add(["Sherweb - Payable charges"])
    summary.add(["Period", "2026-11"])
    sh = Sheet("Payable charges")
    sh.add(cols)
    cids = {c.cid: c for c in case.clients}
    for x in _ordered(case):
        c, p = cids[x.cid], BY_KEY[x.pkey]
        s, e = charge_dates(x)
        row = {
            "Customer": c.name,
            "Service": "Microsoft CSP" if p.ms else "Third-party SaaS",
            "Subscription": p.name
            + (" (NCE)" if p.ms else "")
            + (" - Trial" if x.role == "trial" else ""),
            "SKU": p.pc_id or p.code,
            "Charge Type": {"licence": "Recurring", "credit": "Credit", "trial": "Recurring"}[
                x.role
            ],
            "Billing Cycle": "Yearly" if x.annual else "Monthly",
            "Period": f"{dfmt(s, 'iso')} - {dfmt(e, 'iso')}",
            "Quantity": x.qty,
            "Unit cost": x.unit,
            "Unit price (MSRP)": list_price(x.unit),
            "Subtotal": x.unit * x.qty,
            "Currency": cur,
        }
        sh.add([row[k] for k in cols], ("v", x))
    return "sherweb_payable_charges.xlsx", [summary, sh], {"kind": "xlsx"}, "Payable charges"


def dicker_data_annuity_csv(case, rng, cur):
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
    cids = {c.cid: c for c in case.clients}
    for x in _ordered(case):
        c, p = cids[x.cid], BY_KEY[x.pkey]
        s, e = charge_dates(x)
        if p.pc_id:
            if x.role == "trial":
                code = f"P1M:{p.pc_id}:T:"
            elif x.annual:
                code = f"P1Y:{p.pc_id}:Y:"
            else:
                code = f"P1Y:{p.pc_id}:1:" if rng.random() < 0.6 else f"P1M:{p.pc_id}:1:"
        else:
            code = p.code + ("-12" if x.annual else "-1")
        term = (
            " TRIAL"
            if x.role == "trial"
            else (" 1YR UPFRONT" if x.annual else rng.choice([" 1YR", " 1MTH"]))
        )
        row = {
            "TENANT ID": c.domain.split(".")[0].upper() + f"-{c.cid}",
            "TENANT NAME": c.name.upper(),
            "SUBSCRIPTION ID": x.sub,
            "STOCK CODE": code,
            "STOCK DESCRIPTION": p.dist + term,
            "REFERENCE": f"DD{c.cid:06d}",
            "QTY": str(x.qty),
            "CHARGE TYPE": {"licence": "RECURRING", "credit": "CREDIT", "trial": "TRIAL"}[x.role],
            "STATUS": "ACTIVE",
            "START USAGE": dfmt(s, "dicker"),
            "END USAGE": dfmt(e, "dicker"),
            "REVALUATION PERIOD": "ANNUAL" if x.annual else "MONTHLY",
            "UNIT PRICE": money_sym(x.unit, "$"),
            "UNIT RRP": money_sym(list_price(x.unit), "$"),
        }
        sh.add([row[k] for k in cols], ("v", x))
    return "DickerData_Annuity_NOV-2026.csv", [sh], {"kind": "csv"}, None


def cloudmore_billing_xlsx(case, rng, cur):
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
    sh.add(cols)
    cids = {c.cid: c for c in case.clients}
    for x in _ordered(case):
        c, p = cids[x.cid], BY_KEY[x.pkey]
        sale = p.p * (12 if x.annual else 1)
        if x.role == "trial":
            sale = F(0)
        tc, ts = x.unit * x.qty, sale * x.qty
        row = {
            "Billing Date": dt.date(2026, 11, 1),
            "Service Name": "Microsoft CSP NCE" if p.ms else p.name.split()[0],
            "Broker Name": "Q Managed IT AB",
            "Organization Name": c.name,
            "Customer Number": f"CM{c.cid + 3000}",
            "Product Name": p.name + (" (Trial)" if x.role == "trial" else ""),
            "Item Code": p.pc_id or p.code,
            "Quantity": x.qty,
            "Unit Cost Price": x.unit,
            "Unit Sales Price": sale,
            "Total Cost": tc,
            "Total Sales": ts,
            "Margin Amount": ts - tc,
            "Margin Percentage": round(float((ts - tc) / ts * 100), 2) if ts else 0,
            "Currency Code": cur,
            "Product ID": p.key.upper(),
            "Payment Frequency": "Annually" if x.annual else "Monthly",
        }
        sh.add([row[k] for k in cols], ("v", x))
    return (
        "cloudmore_general_billing_2026-11.xlsx",
        [sh],
        {"kind": "xlsx", "date_format": "yyyy-mm-dd"},
        None,
    )


def generic_distributor_csv(case, rng, cur):
    cols = [
        "Account Name",
        "Tenant",
        "Product",
        "Part Number",
        "Term",
        "Billing",
        "Seats",
        "Cost Each",
        "Line Total",
        "From",
        "To",
        "Currency",
    ]
    sh = Sheet()
    sh.add(cols)
    cids = {c.cid: c for c in case.clients}
    for x in _ordered(case):
        c, p = cids[x.cid], BY_KEY[x.pkey]
        s, e = charge_dates(x)
        row = {
            "Account Name": c.name,
            "Tenant": c.domain,
            "Product": p.name,
            "Part Number": p.pc_id or p.code,
            "Term": "Trial"
            if x.role == "trial"
            else ("12 months" if x.annual else rng.choice(["12 months", "1 month"])),
            "Billing": "Annual" if x.annual else "Monthly",
            "Seats": str(x.qty),
            "Cost Each": money_sym(x.unit, "$"),
            "Line Total": money_sym(x.unit * x.qty, "$", neg_paren=True),
            "From": dfmt(s, "long"),
            "To": dfmt(e, "long"),
            "Currency": cur,
        }
        sh.add([row[k] for k in cols], ("v", x))
    return "distributor_statement_nov26.csv", [sh], {"kind": "csv", "quote_all": True}, None


VENDORS = {
    "partner_center_nce_csv": (partner_center_nce_csv, "ms", "USD"),
    "partner_center_legacy_csv": (partner_center_legacy_csv, "ms_legacy", "AUD"),
    "pax8_portal_csv": (pax8_portal_csv, "pax8_portal_csv", "USD"),
    "pax8_api_xlsx": (pax8_api_xlsx, "pax8_api_xlsx", "CAD"),
    "td_synnex_ion_xlsx": (td_synnex_ion_xlsx, "td_synnex_ion_xlsx", "CAD"),
    "ingram_marketplace_csv": (ingram_marketplace_csv, "ingram_marketplace_csv", "GBP"),
    "sherweb_payable_xlsx": (sherweb_payable_xlsx, "sherweb_payable_xlsx", "USD"),
    "dicker_data_annuity_csv": (dicker_data_annuity_csv, "dicker_data_annuity_csv", "AUD"),
    "cloudmore_billing_xlsx": (cloudmore_billing_xlsx, "cloudmore_billing_xlsx", "EUR"),
    "generic_distributor_csv": (generic_distributor_csv, "generic_distributor_csv", "NZD"),
}
