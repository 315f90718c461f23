"""Vendor bills as the vendors export them (what the MSP pays)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal as D

from .catalog import BY_KEY
from .clients import fold
from .writers import Layout, Num, date_str, write_csv, write_xlsx

P0, P1 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
A1 = dt.date(2027, 10, 31)


def _m(x):
    return D(x).quantize(D("0.01"))


def _uid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _ids(case):
    rng = case.rng_layout
    return {c.cid: _uid(rng) for c in case.clients}


def _ordered(case, shuffle=False):
    ls = [v for v in case.vlines]
    if shuffle:
        case.rng_layout.shuffle(ls)
    else:
        ls.sort(key=lambda v: (case.clients[v.cid].name.lower(), v.key, v.lid))
    return ls


def _period_end(v):
    return A1 if v.billing == "annual" else P1


# --------------------------------------------------------------- Partner Center NCE
def pc_nce(case, folder):
    rng = case.rng_layout
    cust = _ids(case)
    newer = rng.random() < 0.6
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
    if newer:
        cols += [
            "SubscriptionStartDate",
            "SubscriptionEndDate",
            "ReferenceId",
            "ProductQualifiers",
            "PromotionId",
            "ProductCategory",
        ]
    apos = set(
        rng.sample(
            [
                "UnitPrice",
                "Quantity",
                "Subtotal",
                "Total",
                "EffectiveUnitPrice",
                "BillableQuantity",
                "TaxTotal",
                "PCToBCExchangeRate",
            ],
            k=rng.choice([0, 3, 5, 8]),
        )
    )
    partner = _uid(rng)
    inv = f"G{rng.randint(10**9, 10**10 - 1)}"
    ds = rng.choice(["us", "iso", "us0"])

    def num(col, x, places=2):
        if col in apos:
            return "'" + f"{D(x):.18f}"
        return f"{D(x):.{places}f}" if places else str(x)

    recs = [(None, cols)]
    lines = _ordered(case, shuffle=True)
    repeat_at = (
        set(rng.sample(range(1, max(2, len(lines))), k=min(len(lines) - 1, rng.choice([0, 1, 2]))))
        if len(lines) > 2
        else set()
    )
    tax = rng.choice([D(0), D("0.1"), D("0.2")])
    for i, v in enumerate(lines):
        if i in repeat_at:
            recs.append((None, cols))
        c, p = case.clients[v.cid], BY_KEY[v.key]
        eff = v.unit
        lst = (
            _m(eff * D(rng.choice(["1", "1", "1", "1.05", "1.15"]))) if v.role != "trial" else D(0)
        )
        adj = (
            ""
            if lst == eff
            else f"['{int(round((1 - eff / lst) * 100)) if lst else 0}% Promotion']"
        )
        sub = _m(eff * v.qty)
        if v.role == "credit":
            ct = rng.choice(["removeQuantity", "RemoveQuantity", "cancel", "Cancel"])
        elif v.role == "trial":
            ct = rng.choice(["new", "New"])
        else:
            ct = rng.choice(
                ["cycleCharge", "CycleCharge", "cyclecharge", "renew", "Renew", "addQuantity"]
            )
        term = {
            "P1M": "One-Month commitment for monthly billing",
            "trial": "One-Month commitment for trial",
        }.get(v.term, "One-Year commitment for monthly/yearly billing")
        if v.term == "P1Y" and rng.random() < 0.15:
            term = (
                "Three-3 Years commitment for monthly/3 Years/yearly billing"
                if v.billing == "monthly"
                else term
            )
        d = {
            "PartnerId": partner,
            "CustomerId": cust[v.cid],
            "CustomerName": c.name,
            "CustomerDomainName": c.domain,
            "CustomerCountry": {"UK": "GB", "QC": "CA"}.get(c.country, c.country),
            "InvoiceNumber": inv,
            "MpnId": "4812345",
            "ResellerMpnId": "",
            "OrderId": f"{rng.getrandbits(40):x}",
            "OrderDate": date_str(P0 - dt.timedelta(days=rng.randint(20, 700)), ds),
            "ProductId": p.pcid,
            "SkuId": p.sku,
            "AvailabilityId": f"CFQ7TTC0{rng.getrandbits(20):05X}"[:12],
            "SkuName": p.name,
            "ProductName": p.name,
            "ChargeType": ct,
            "UnitPrice": num("UnitPrice", lst),
            "Quantity": num("Quantity", v.qty, 0)
            if "Quantity" not in apos
            else num("Quantity", v.qty),
            "Subtotal": num("Subtotal", sub),
            "TaxTotal": num("TaxTotal", _m(sub * tax)),
            "Total": num("Total", sub + _m(sub * tax)),
            "Currency": case.currency,
            "PriceAdjustmentDescription": adj,
            "PublisherName": "Microsoft Corporation",
            "PublisherId": "",
            "SubscriptionDescription": p.name,
            "SubscriptionId": _uid(rng),
            "ChargeStartDate": date_str(P0, ds),
            "ChargeEndDate": date_str(_period_end(v), ds),
            "TermAndBillingCycle": term,
            "EffectiveUnitPrice": num("EffectiveUnitPrice", eff, 2),
            "UnitType": "Licenses",
            "AlternateId": f"{rng.getrandbits(48):x}",
            "BillableQuantity": num("BillableQuantity", v.qty, 0)
            if "BillableQuantity" not in apos
            else num("BillableQuantity", v.qty),
            "BillingFrequency": "Annual"
            if v.billing == "annual"
            else ("OneTime" if v.role == "trial" else "Monthly"),
            "PricingCurrency": case.currency,
            "PCToBCExchangeRate": num("PCToBCExchangeRate", 1, 0)
            if "PCToBCExchangeRate" not in apos
            else num("PCToBCExchangeRate", 1),
            "PCToBCExchangeRateDate": date_str(P0, ds),
            "MeterDescription": "",
            "ReservationOrderId": "",
            "SubscriptionStartDate": date_str(P0 - dt.timedelta(days=rng.randint(30, 900)), ds),
            "SubscriptionEndDate": date_str(A1 if v.term != "P1M" else P1, ds),
            "ReferenceId": json.dumps({"referenceId": _uid(rng), "type": "order"})
            if rng.random() < 0.5
            else "",
            "ProductQualifiers": "['AddOn']" if p.addon else "[]",
            "PromotionId": "",
            "ProductCategory": "OnlineServicesNCE",
        }
        recs.append((v.lid, [d[k] for k in cols]))
    name = rng.choice(
        ["Reconciliation_NCE_G.csv", "invoice_recon_2026-11.csv", "NCE_Recon_LineItems.csv"]
    )
    return name, None, write_csv(folder / name, recs, bom=True)


# --------------------------------------------------------------- Partner Center legacy (licence-based)
def pc_legacy(case, folder):
    rng = case.rng_layout
    cust = _ids(case)
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
    ds = rng.choice(["us", "us0", "iso"])
    recs = [(None, cols)]
    partner = _uid(rng)
    for v in _ordered(case):
        c, p = case.clients[v.cid], BY_KEY[v.key]
        lst = _m(v.unit * D(rng.choice(["1", "1.05", "1.1", "1.2"]))) if v.unit else D(0)
        amount = _m(lst * v.qty)
        disc = _m((lst - v.unit) * v.qty)
        sub = amount - disc
        taxv = _m(sub * D("0.2")) if case.currency == "GBP" else D(0)
        offer = p.legacy_name or p.name
        ct = {"credit": "Prorate fees when cancel", "trial": "Activation fee"}.get(
            v.role,
            rng.choice(["Cycle fee", "Cycle fee", "Prorate fees when purchase"])
            if v.role == "licence"
            else "Cycle fee",
        )
        if v.role == "licence":
            ct = "Cycle fee"
        d = {
            "PartnerId": partner,
            "CustomerId": cust[v.cid],
            "CustomerName": c.name,
            "MpnId": "4812345",
            "ResellerMpnId": "",
            "OrderId": f"{rng.getrandbits(40):X}",
            "SubscriptionId": _uid(rng),
            "SyndicationPartnerSubscriptionNumber": f"{rng.getrandbits(32)}",
            "OfferId": _uid(rng).upper(),
            "DurableOfferId": _uid(rng).upper(),
            "OfferName": offer,
            "SubscriptionStartDate": date_str(dt.date(2025, rng.randint(1, 12), 1), ds),
            "SubscriptionEndDate": date_str(A1, ds),
            "ChargeStartDate": date_str(P0, ds),
            "ChargeEndDate": date_str(_period_end(v), ds),
            "ChargeType": ct,
            "UnitPrice": f"{lst:.2f}",
            "Quantity": str(v.qty),
            "Amount": f"{amount:.2f}",
            "TotalOtherDiscount": f"{disc:.2f}",
            "Subtotal": f"{sub:.2f}",
            "Tax": f"{taxv:.2f}",
            "TotalForCustomer": f"{sub + taxv:.2f}",
            "Currency": case.currency,
            "DomainName": c.domain,
            "SubscriptionName": offer,
            "SubscriptionDescription": offer,
            "BillingCycleType": "Annual" if v.billing == "annual" else "Monthly",
        }
        recs.append((v.lid, [d[k] for k in cols]))
    name = "LicenseBased_Invoice_D0123456.csv"
    return name, None, write_csv(folder / name, recs, bom=rng.random() < 0.5)


# --------------------------------------------------------------- Pax8
def _pax8_names(v, p, rng):
    if p.ms:
        tag = (
            rng.choice([" [NCE]", " [NCE]", " [New Commerce Experience]"])
            if v.term != "trial"
            else " [NCE] Trial"
        )
        return p.name + tag
    return p.name


def _pax8_details(v):
    if v.role == "trial":
        return "Trial"
    if v.billing == "annual":
        return "Annual commitment, billed annually (11/01/2026 - 10/31/2027)"
    if v.term == "P1M":
        return "Monthly commitment, billed monthly (11/01/2026 - 11/30/2026)"
    return "Annual commitment, billed monthly (11/01/2026 - 11/30/2026)"


def pax8_portal(case, folder):
    rng = case.rng_layout
    cols = [
        ("company_name", ["company_name"], True),
        ("company_id", ["company_id"], True),
        ("type", ["type"], True),
        ("description", ["description"], True),
        ("details", ["details"], True),
        ("sku", ["sku"], True),
        ("quantity", ["quantity"], True),
        ("cost", ["cost"], True),
        ("cost_total", ["cost_total"], True),
        ("price", ["price"], True),
        ("subtotal", ["subtotal"], True),
        ("partner_subtotal", ["partner_subtotal"], False),
        ("start_period", ["start_period"], True),
        ("end_period", ["end_period"], False),
        ("invoice_date", ["invoice_date"], True),
        ("currency", ["currency_code", "currency"], False),
    ]
    lay = Layout(rng, cols, drop=0.3, shuffle=0.5)
    ids = {c.cid: rng.randint(100000, 999999) for c in case.clients}
    ds = rng.choice(["us0", "iso", "us"])
    recs = [(None, lay.header)]
    for v in _ordered(case):
        c, p = case.clients[v.cid], BY_KEY[v.key]
        retail = _m(v.unit * D(rng.choice(["1.15", "1.2", "1.25"])))
        d = {
            "company_name": c.name,
            "company_id": ids[v.cid],
            "type": {"credit": "credits", "trial": "subscription"}.get(v.role, "subscription"),
            "description": _pax8_names(v, p, rng),
            "details": _pax8_details(v),
            "sku": p.pax8,
            "quantity": v.qty,
            "cost": f"{v.unit:.2f}",
            "cost_total": f"{_m(v.unit * v.qty):.2f}",
            "price": f"{retail:.2f}",
            "subtotal": f"{_m(retail * v.qty):.2f}",
            "partner_subtotal": f"{_m(v.unit * v.qty):.2f}",
            "start_period": date_str(P0, ds),
            "end_period": date_str(_period_end(v), ds),
            "invoice_date": date_str(P0, ds),
            "currency": case.currency,
        }
        recs.append((v.lid, lay.row(d)))
    name = rng.choice(
        ["invoice_2026-11.csv", "Pax8_Invoice_Nov2026.csv", "pax8-invoice-export.csv"]
    )
    return name, None, write_csv(folder / name, recs)


def pax8_api(case, folder):
    rng = case.rng_layout
    cols = [
        (k, [k], req)
        for k, req in [
            ("companyName", True),
            ("companyId", True),
            ("externalId", False),
            ("startPeriod", True),
            ("endPeriod", True),
            ("quantity", True),
            ("unitOfMeasure", False),
            ("term", True),
            ("sku", True),
            ("description", True),
            ("details", False),
            ("price", True),
            ("subTotal", True),
            ("cost", True),
            ("costTotal", True),
            ("total", False),
            ("productId", False),
            ("productName", True),
            ("currencyCode", True),
            ("subscriptionId", False),
            ("vendorName", True),
            ("type", True),
        ]
    ]
    lay = Layout(rng, cols, drop=0.3, shuffle=0.4)
    ids = {c.cid: _uid(rng) for c in case.clients}
    recs = [(None, lay.header)]
    total = D(0)
    for v in _ordered(case):
        c, p = case.clients[v.cid], BY_KEY[v.key]
        retail = _m(v.unit * D(rng.choice(["1.15", "1.2", "1.25"])))
        term = "Trial" if v.role == "trial" else "Monthly" if v.term == "P1M" else "Annual"
        d = {
            "companyName": c.name,
            "companyId": ids[v.cid],
            "externalId": f"PSA-{v.cid:04d}",
            "startPeriod": P0,
            "endPeriod": _period_end(v),
            "quantity": v.qty,
            "unitOfMeasure": "Device" if v.key in ("W365", "BITDEF", "S1", "HUNTRESS") else "User",
            "term": term,
            "sku": p.pax8,
            "description": _pax8_names(v, p, rng),
            "details": _pax8_details(v),
            "price": retail,
            "subTotal": _m(retail * v.qty),
            "cost": v.unit,
            "costTotal": _m(v.unit * v.qty),
            "total": _m(retail * v.qty),
            "productId": _uid(rng),
            "productName": _pax8_names(v, p, rng),
            "currencyCode": case.currency,
            "subscriptionId": _uid(rng),
            "vendorName": "Microsoft" if p.ms else p.vendor_name,
            "type": {"credit": "credits", "trial": "subscription"}.get(v.role, "subscription"),
        }
        total += _m(v.unit * v.qty)
        recs.append((v.lid, lay.row(d)))
    summary = [
        (None, ["Pax8 Invoice", "November 2026"]),
        (None, ["Invoice total", total]),
        (None, ["Currency", case.currency]),
        (None, ["Companies", len({v.cid for v in case.vlines})]),
    ]
    name = "pax8_invoice_items.xlsx"
    sheets = (
        [("Summary", summary), ("Invoice Items", recs)]
        if rng.random() < 0.7
        else [("Invoice Items", recs)]
    )
    return name, None, write_xlsx(folder / name, sheets, "Invoice Items")


# --------------------------------------------------------------- TD SYNNEX StreamOne Ion
def td_synnex_ion(case, folder):
    rng = case.rng_layout
    cc = "CA" if case.currency == "CAD" else "US"
    cols = [
        ("cust", ["End Customer Name", "Customer Name", "End User"], True),
        ("cid", ["End Customer ID", "Customer ID"], False),
        ("vendor", ["Vendor", "Manufacturer"], False),
        ("product", ["Product Name", "Product Description"], True),
        ("sku", ["SKU", "Manufacturer Part #", "Vendor SKU"], True),
        ("sub", ["Subscription ID"], False),
        ("freq", ["Billing Frequency", "Billing Cycle"], True),
        ("term", ["Term", "Commitment Term"], False),
        ("qty", ["Quantity", "Qty"], True),
        ("unit", ["Unit Price", "Unit Cost"], True),
        ("ext", ["Extended Price", "Ext. Price", "Total"], True),
        ("cur", ["Currency"], False),
        ("start", ["Charge Start Date", "Service Start"], True),
        ("end", ["Charge End Date", "Service End"], False),
        ("type", ["Charge Type", "Order Type"], False),
        ("msrp", ["MSRP"], False),
    ]
    lay = Layout(rng, cols)
    ids = {c.cid: f"{rng.randint(10**7, 10**8 - 1)}" for c in case.clients}
    recs = [
        (None, ["TD SYNNEX StreamOne Ion"]),
        (None, ["Billing Statement - November 2026"]),
        (None, []),
    ]
    if rng.random() < 0.4:
        recs = recs[1:2]
    recs.append((None, lay.header))
    for v in _ordered(case):
        c, p = case.clients[v.cid], BY_KEY[v.key]
        term = "1 Month" if v.term in ("P1M", "trial") else "1 Year"
        d = {
            "cust": c.name,
            "cid": ids[v.cid],
            "vendor": "Microsoft" if p.ms else p.vendor_name,
            "product": p.name + (f" - NCE {term}" if p.ms and rng.random() < 0.6 else ""),
            "sku": (cc + p.pcid + p.sku) if p.ms else cc + p.pax8.replace("-", ""),
            "sub": _uid(rng),
            "freq": "Annual" if v.billing == "annual" else "Monthly",
            "term": term,
            "qty": v.qty,
            "unit": v.unit,
            "ext": _m(v.unit * v.qty),
            "cur": case.currency,
            "start": P0,
            "end": _period_end(v),
            "type": {"credit": "Credit", "trial": "Trial"}.get(v.role, "Recurring"),
            "msrp": _m(v.unit * D("1.2")),
        }
        recs.append((v.lid, lay.row(d)))
    name = "StreamOne_Ion_Billing_Nov2026.xlsx"
    sheets = [("Billing Details", recs)]
    if rng.random() < 0.5:
        sheets.insert(
            0,
            (
                "Summary",
                [(None, ["Statement total", sum(_m(v.unit * v.qty) for v in case.vlines)])],
            ),
        )
    return name, None, write_xlsx(folder / name, sheets, "Billing Details")


# --------------------------------------------------------------- Ingram Micro Cloud Marketplace
def ingram_cloud(case, folder):
    rng = case.rng_layout
    cols = [
        ("cust", ["Customer Name", "End Customer"], True),
        ("ref", ["Customer Reference", "Customer ID"], False),
        ("sub", ["Subscription ID"], True),
        ("name", ["Subscription Name", "Product"], True),
        ("mpn", ["MPN", "Vendor SKU"], False),
        ("qty", ["Quantity"], True),
        ("list", ["List Price"], False),
        ("net", ["Net Price"], True),
        ("cur", ["Currency"], False),
        ("start", ["Charge Start", "Period From"], True),
        ("end", ["Charge End", "Period To"], True),
        ("type", ["Charge Type", "Transaction Type"], False),
    ]
    lay = Layout(rng, cols)
    ds = rng.choice(["us0", "iso", "eu"])
    recs = [(None, lay.header)]
    for v in _ordered(case):
        c, p = case.clients[v.cid], BY_KEY[v.key]
        suffix = {"annual": " (Annual Pre-Paid)"}.get(
            v.billing,
            " (Monthly Pre-Paid)" if v.term != "P1Y" else " (Annual Commitment, Monthly Billing)",
        )
        if v.role == "trial":
            suffix = " (Trial)"
        d = {
            "cust": c.name,
            "ref": f"IM-{v.cid:05d}",
            "sub": f"{rng.randint(10**6, 10**7)}",
            "name": p.name + suffix,
            "mpn": p.pcid + ":" + p.sku if p.ms else p.pax8,
            "qty": str(v.qty),
            "list": f"{_m(v.unit * D('1.1')):.2f}",
            "net": f"{_m(v.unit * v.qty):.2f}",
            "cur": case.currency,
            "start": date_str(P0, ds),
            "end": date_str(_period_end(v), ds),
            "type": {"credit": "Refund", "trial": "Trial"}.get(v.role, "Recurring"),
        }
        recs.append((v.lid, lay.row(d)))
    name = "IngramMicro_CloudMarketplace_Billing_202611.csv"
    return name, None, write_csv(folder / name, recs)


# --------------------------------------------------------------- Sherweb
def sherweb(case, folder):
    rng = case.rng_layout
    cols = [
        ("cust", ["Customer", "Customer Name"], True),
        ("cid", ["Customer Id"], False),
        ("sub", ["Subscription", "Product"], True),
        ("sku", ["SKU"], False),
        ("qty", ["Quantity"], True),
        ("unit", ["Unit Price", "Unit Cost"], True),
        ("tot", ["Subtotal", "Amount"], True),
        ("cycle", ["Billing Cycle"], True),
        ("commit", ["Commitment"], False),
        ("start", ["Period Start"], True),
        ("end", ["Period End"], False),
        ("cur", ["Currency"], False),
        ("type", ["Charge Type"], False),
        ("msrp", ["MSRP"], False),
    ]
    lay = Layout(rng, cols)
    ds = rng.choice(["iso", "us0"])
    recs = [(None, lay.header)]
    for v in _ordered(case):
        c, p = case.clients[v.cid], BY_KEY[v.key]
        commit = "Monthly" if v.term in ("P1M", "trial") else "Annual"
        d = {
            "cust": c.name,
            "cid": _uid(rng)[:8],
            "sub": p.name + (f" - {commit} commitment" if p.ms else ""),
            "sku": p.pcid + ":" + p.sku if p.ms else p.pax8,
            "qty": str(v.qty),
            "unit": f"{v.unit:.2f}",
            "tot": f"{_m(v.unit * v.qty):.2f}",
            "cycle": "Yearly" if v.billing == "annual" else "Monthly",
            "commit": commit,
            "start": date_str(P0, ds),
            "end": date_str(_period_end(v), ds),
            "cur": case.currency,
            "type": {"credit": "Credit", "trial": "Trial"}.get(v.role, "Recurring"),
            "msrp": f"{_m(v.unit * D('1.2')):.2f}",
        }
        recs.append((v.lid, lay.row(d)))
    name = "Sherweb_Payable_Charges_2026-11.csv"
    return name, None, write_csv(folder / name, recs)


# --------------------------------------------------------------- Dicker Data
def dicker_data(case, folder):
    rng = case.rng_layout
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
    ids = _ids(case)
    as_xlsx = rng.random() < 0.35
    recs = [(None, cols)]
    for v in _ordered(case):
        c, p = case.clients[v.cid], BY_KEY[v.key]
        if p.ms:
            t = "P1M" if v.term in ("P1M", "trial") else "P1Y"
            code = f"{t}:{p.pcid}:{p.sku}:" + ("Y:" if v.billing == "annual" else "1:")
            desc = f"MS NCE {p.terse} {'1MTH' if t == 'P1M' else '1YR'}" + (
                " COMMIT" if rng.random() < 0.5 else ""
            )
        else:
            code = p.pax8
            desc = f"{p.terse} {'YR' if v.billing == 'annual' else 'MTH'}"
        if v.role == "trial":
            desc += " TRIAL"
        unit = f"${v.unit:,.2f}" if v.unit >= 0 else f"-${-v.unit:,.2f}"
        d = [
            ids[v.cid],
            c.name.upper(),
            _uid(rng),
            code,
            desc.upper(),
            f"PO{rng.randint(1000, 99999)}",
            v.qty,
            {"credit": "CREDIT", "trial": "TRIAL"}.get(v.role, "RECURRING"),
            "ACTIVE",
            date_str(P0, "mon"),
            date_str(_period_end(v), "mon"),
            "ANNUAL" if v.billing == "annual" else "MONTHLY",
            unit if not as_xlsx else v.unit,
            f"${_m(v.unit * D('1.2')):,.2f}" if not as_xlsx else _m(v.unit * D("1.2")),
        ]
        recs.append((v.lid, d))
    if as_xlsx:
        name = "DickerData_Annuity_Report.xlsx"
        return name, "Annuity", write_xlsx(folder / name, [("Annuity", recs)], "Annuity")
    name = "DickerData_Annuity_Report.csv"
    return name, None, write_csv(folder / name, [(t, [str(x) for x in r]) for t, r in recs])


# --------------------------------------------------------------- Cloudmore
def cloudmore(case, folder):
    rng = case.rng_layout
    cols = [
        ("date", ["Billing Date"], True),
        ("svc", ["Service Name"], True),
        ("broker", ["Broker Name"], False),
        ("org", ["Organization Name"], True),
        ("cno", ["Customer Number"], False),
        ("prod", ["Product Name"], True),
        ("code", ["Item Code"], False),
        ("qty", ["Quantity"], True),
        ("ucost", ["Unit Cost Price"], True),
        ("usale", ["Unit Sales Price"], True),
        ("tcost", ["Total Cost"], True),
        ("tsale", ["Total Sales"], False),
        ("marg", ["Margin Amount"], False),
        ("margp", ["Margin Percentage"], False),
        ("cur", ["Currency Code"], True),
        ("pid", ["Product ID"], False),
        ("freq", ["Payment Frequency"], True),
    ]
    lay = Layout(rng, cols, drop=0.2)
    as_xlsx = rng.random() < 0.4
    num = Num("comma" if case.currency == "EUR" else "plain", case.currency)
    recs = [(None, lay.header)]
    for v in _ordered(case):
        c, p = case.clients[v.cid], BY_KEY[v.key]
        sale = _m(v.unit * D(rng.choice(["1.15", "1.2", "1.3"])))
        org = (
            c.name
            if as_xlsx
            else c.name.encode("cp1252", "ignore").decode("cp1252")
            if all(ch.encode("cp1252", "ignore") for ch in c.name)
            else fold(c.name)
        )
        d = {
            "date": P0 if as_xlsx else date_str(P0, "iso"),
            "svc": "Microsoft CSP" if p.ms else p.vendor_name,
            "broker": case.msp_name,
            "org": org,
            "cno": f"{10000 + v.cid}",
            "prod": p.name + (" (NCE)" if p.ms and rng.random() < 0.5 else ""),
            "code": p.pcid if p.ms else p.pax8,
            "qty": v.qty if as_xlsx else str(v.qty),
            "ucost": v.unit if as_xlsx else num.money(v.unit),
            "usale": sale if as_xlsx else num.money(sale),
            "tcost": _m(v.unit * v.qty) if as_xlsx else num.money(_m(v.unit * v.qty)),
            "tsale": _m(sale * v.qty) if as_xlsx else num.money(_m(sale * v.qty)),
            "marg": _m((sale - v.unit) * v.qty)
            if as_xlsx
            else num.money(_m((sale - v.unit) * v.qty)),
            "margp": ""
            if not sale
            else (
                f"{((sale - v.unit) / sale * 100):.1f}".replace(
                    ".", "," if num.style == "comma" else "."
                )
            ),
            "cur": case.currency,
            "pid": _uid(rng),
            "freq": "Annually" if v.billing == "annual" else "Monthly",
        }
        recs.append((v.lid, lay.row(d)))
    if as_xlsx:
        name = "Cloudmore_General_Billing_Report.xlsx"
        return (
            name,
            None,
            write_xlsx(folder / name, [("General Billing Report", recs)], "General Billing Report"),
        )
    name = "Cloudmore_General_Billing_Report.csv"
    return (
        name,
        None,
        write_csv(
            folder / name, recs, delimiter=";" if num.style == "comma" else ",", encoding="cp1252"
        ),
    )


# --------------------------------------------------------------- generic distributor
def _generic(case, folder, xlsx: bool):
    rng = case.rng_layout
    cols = [
        ("cust", ["Client", "Customer", "Account Name", "Reseller Customer"], True),
        ("dom", ["Tenant Domain", "Domain"], False),
        ("prod", ["Product", "Description", "Item Description"], True),
        ("pn", ["Part Number", "Part No", "Item"], False),
        ("qty", ["Qty", "Quantity", "Seats"], True),
        (
            "unit",
            [
                "Unit Cost",
                "Cost Each",
                "Unit Price (ex GST)" if case.currency in ("AUD", "NZD") else "Unit Price",
            ],
            True,
        ),
        ("tot", ["Line Total", "Total Cost", "Amount"], True),
        ("cycle", ["Billing Cycle", "Frequency"], True),
        ("cur", ["Currency"], False),
        ("from", ["From", "Service Period Start"], False),
    ]
    lay = Layout(rng, cols)
    num = Num(rng.choice(["plain", "thousands", "sym"]), case.currency)
    recs = []
    if xlsx or rng.random() < 0.3:
        recs += [
            (
                None,
                [
                    f"{rng.choice(['Leader Systems', 'Westcoast Cloud', 'Exclusive Networks', 'ALSO Cloud'])} - Cloud Billing"
                ],
            ),
            (None, [f"Statement period: 01/11/2026 - 30/11/2026 ({case.currency})"]),
            (None, []),
        ]
    recs.append((None, lay.header))
    tot = D(0)
    for v in _ordered(case):
        c, p = case.clients[v.cid], BY_KEY[v.key]
        line = _m(v.unit * v.qty)
        tot += line
        d = {
            "cust": c.name,
            "dom": c.domain,
            "prod": p.name,
            "pn": p.pcid + ":" + p.sku if p.ms else p.pax8,
            "qty": v.qty if xlsx else str(v.qty),
            "unit": v.unit if xlsx else num.money(v.unit),
            "tot": line if xlsx else num.money(line),
            "cycle": "Annual" if v.billing == "annual" else "Monthly",
            "cur": case.currency,
            "from": P0 if xlsx else date_str(P0, "eu"),
        }
        recs.append((v.lid, lay.row(d)))
    keys = [k for k, _ in lay.cols]
    total_row = ["" for _ in keys]
    total_row[0] = "TOTAL"
    total_row[keys.index("tot")] = tot if xlsx else num.money(tot)
    recs.append((None, total_row))
    if xlsx:
        name = "distributor_statement_2026-11.xlsx"
        return name, None, write_xlsx(folder / name, [("Statement", recs)], "Statement")
    name = "distributor_billing_2026-11.csv"
    return name, None, write_csv(folder / name, recs)


def generic_xlsx(case, folder):
    return _generic(case, folder, True)


def generic_csv(case, folder):
    return _generic(case, folder, False)


VENDOR_WRITERS = {
    "pc_nce": pc_nce,
    "pc_legacy": pc_legacy,
    "pax8_portal": pax8_portal,
    "pax8_api": pax8_api,
    "td_synnex_ion": td_synnex_ion,
    "ingram_cloud": ingram_cloud,
    "sherweb": sherweb,
    "dicker_data": dicker_data,
    "cloudmore": cloudmore,
    "generic_xlsx": generic_xlsx,
    "generic_csv": generic_csv,
}
