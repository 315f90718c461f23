"""Renderers: one function per export. Each returns (file name, {row number: line}, sheet)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from .catalog import BY_NAME, GENERIC_DESCRIPTIONS
from .io_util import write_csv, write_xls, write_xlsx
from .scenario import VLine, PLine, money

D = Decimal
START = dt.date(2026, 11, 1)
END = dt.date(2026, 11, 30)


def gid(*parts) -> str:
    h = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def num(x: Decimal, places: int = 2) -> str:
    return str(D(x).quantize(D(1).scaleb(-places)))


def fnum(x: Decimal) -> float:
    return float(x)


def prod_of(line) -> object:
    return BY_NAME.get(line.product)


# =============================================================================== VENDOR
PC_NCE_COLS = ["PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry",
               "InvoiceNumber", "MpnId", "ResellerMpnId", "OrderId", "OrderDate", "ProductId", "SkuId",
               "AvailabilityId", "SkuName", "ProductName", "ChargeType", "UnitPrice", "Quantity",
               "Subtotal", "TaxTotal", "Total", "Currency", "PriceAdjustmentDescription",
               "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId",
               "ChargeStartDate", "ChargeEndDate", "TermAndBillingCycle", "EffectiveUnitPrice",
               "UnitType", "AlternateId", "BillableQuantity", "BillingFrequency", "PricingCurrency",
               "PCToBCExchangeRate", "PCToBCExchangeRateDate", "MeterDescription", "ReservationOrderId",
               "SubscriptionStartDate", "SubscriptionEndDate", "ReferenceId", "ProductQualifiers",
               "PromotionId", "ProductCategory"]


def vendor_pc_nce(lines: list[VLine], folder: Path, rng: random.Random):
    rows = [PC_NCE_COLS[:]]
    rowmap = {}
    cty = {"US": "US", "UK": "GB", "DE": "DE", "NO": "NO", "DK": "DK", "SE": "SE", "NL": "NL",
           "FR": "FR", "AU": "AU", "CA": "CA", "IE": "IE"}
    repeat_at = max(3, len(lines) // 2)
    for i, v in enumerate(lines):
        if i == repeat_at:
            rows.append(PC_NCE_COLS[:])  # header repeated mid-file (a second part pasted in)
        p = prod_of(v)
        if p is not None and p.pc_id:
            pid, sku = p.pc_id.split(":")
            pub = "Microsoft Corporation"
        else:
            h = hashlib.md5(v.product.encode()).hexdigest().upper()
            pid, sku = "DZH318Z0" + h[:4], "000" + h[4]
            pub = p.maker if p is not None else "Microsoft Corporation"
        tname = v.client.name
        dom = v.client.domain if v.tenant == 0 else v.client.domain.replace(".onmicrosoft", "eu.onmicrosoft")
        cid = gid("cust", v.client.name, v.tenant)
        eff = v.unit
        lst = money(eff * D(100) / D(85)) if eff else D(0)
        qty = v.qty
        sub = money(eff * qty)
        if v.role == "free":
            term, freq = "One-Month commitment for trial", "OneTime"
        elif v.annual:
            term, freq = "One-Year commitment for yearly billing", "Annual"
        else:
            term = rng.choice(["One-Year commitment for monthly billing", "One-Month commitment for monthly billing"])
            freq = "Monthly"
        ct = {"licence": "cycleCharge", "credit": "removeQuantity", "free": "new"}[v.role]
        ct = rng.choice([ct, ct[0].upper() + ct[1:], ct.lower()])
        apos = rng.random() < 0.3
        q = f"'{qty:.18f}" if apos else str(qty)
        ref = (json.dumps({"orderRef": gid("o", tname, v.product)[:13]}) if rng.random() < 0.3 else "")
        rows.append(["9f1c2b3a-0000-4c4c-9a9a-5a5a5a5a5a5a", cid, tname, dom, cty[v.client.country],
                     "G052391847", "6143289", "", gid("ord", cid, v.product)[:30], "2026-10-02", pid, sku,
                     "CFQ7TTC0" + sku, v.product, v.product, ct,
                     f"'{lst:.18f}" if apos else num(lst, 2), q, num(sub), "0", num(sub), "USD", "",
                     pub, "", v.product, gid("sub", cid, v.product, v.sub), "2026-11-01", "2026-11-30",
                     term, f"'{eff:.18f}" if apos else num(eff, 2), "Licenses", "", q, freq, "USD",
                     "1", "2026-11-01", "", "", "2025-12-01", "2026-11-30", ref, "", "",
                     "Microsoft 365" if pub.startswith("Microsoft") else "SaaS"])
        rowmap[len(rows)] = v
    fn = "invoice_recon_G052391847.csv"
    write_csv(folder / fn, rows, encoding="utf-8-sig")
    return fn, rowmap, None


def _pax8_name(v: VLine) -> str:
    p = prod_of(v)
    if p is None:
        return v.product
    if p.maker == "Microsoft":
        return v.product + (" [NCE]" if (hash_int(v.product) % 3) else " [New Commerce Experience]")
    return v.product if v.product.startswith(p.maker.split()[0]) else f"{p.maker} {v.product}"


def hash_int(s: str) -> int:
    return int(hashlib.md5(s.encode()).hexdigest()[:8], 16)


def _pax8_sku(v: VLine) -> str:
    p = prod_of(v)
    n = hash_int(v.product) % 900 + 100
    if p is None or p.maker == "Microsoft":
        return f"MST-NCE-{n}-C100"
    return f"{p.maker[:3].upper()}-{n:03d}-{'A' if v.annual else 'M'}"


def vendor_pax8_portal(lines: list[VLine], folder: Path, rng: random.Random):
    cols = ["invoice_date", "company_name", "company_id", "type", "sku", "description", "details",
            "quantity", "cost", "cost_total", "price", "subtotal", "partner_subtotal", "start_period"]
    rows = [cols]
    rowmap = {}
    for v in lines:
        typ = "subscription"
        det = "Annual commitment, billed annually" if v.annual else rng.choice(
            ["Annual commitment, billed monthly", "Monthly commitment, billed monthly", "Monthly"])
        total = money(v.unit * v.qty)
        if v.role == "credit":
            typ = "credits"
            det = "Seat reduction credit" + (" (annual commitment, billed annually)" if v.annual else "")
        elif v.role == "free":
            det = "Trial"
        elif v.prorate_days:
            typ = "prorate"
            total = money(v.unit * v.qty * D(v.prorate_days) / D(30))
            det = f"Prorated {v.prorate_days} days (2026-11-{31 - v.prorate_days:02d} - 2026-11-30)"
        retail = money(v.unit * D("1.2"))
        rows.append(["2026-12-01", v.client.name, gid("c", v.client.name)[:8], typ, _pax8_sku(v),
                     _pax8_name(v), det, str(v.qty), num(v.unit), num(total), num(retail),
                     num(money(retail * v.qty)), num(total), "2026-11-01"])
        rowmap[len(rows)] = v
    fn = "pax8-invoice-2026-12-01.csv"
    write_csv(folder / fn, rows)
    return fn, rowmap, None


def vendor_dicker(lines: list[VLine], folder: Path, rng: random.Random):
    cols = ["TENANT ID", "TENANT NAME", "SUBSCRIPTION ID", "STOCK CODE", "STOCK DESCRIPTION", "REFERENCE",
            "QTY", "CHARGE TYPE", "STATUS", "START USAGE", "END USAGE", "REVALUATION PERIOD",
            "UNIT PRICE", "UNIT RRP"]
    rows = [cols]
    rowmap = {}
    for v in lines:
        p = prod_of(v)
        if p is not None and p.pc_id:
            base = p.pc_id
            code = f"P1Y:{base}:Y:" if v.annual else rng.choice([f"P1Y:{base}:1:", f"P1M:{base}:1:"])
            desc = p.terse + (" 1YR" if code.startswith("P1Y") else " 1MTH")
        elif p is not None:
            code = p.terse.replace(" ", "-")[:14] + ("-ANN" if v.annual else "-MTH")
            desc = p.terse
        else:
            code, desc = "MS-TRIAL-" + v.product.split()[-1].upper(), v.product.upper() + " TRIAL"
        ct = {"licence": "RECURRING", "credit": "CREDIT", "free": "TRIAL"}[v.role]
        rows.append([gid("t", v.client.name, v.tenant), v.client.name.upper(), gid("s", v.client.name, v.product, v.sub),
                     code, desc, f"PO-{hash_int(v.client.name) % 90000 + 10000}", str(v.qty), ct,
                     "ACTIVE", "01-NOV-2026", "30-NOV-2026", "P1Y" if v.annual else "P1M",
                     f"${v.unit:,.2f}", f"${money(v.unit * D('1.18')):,.2f}"])
        rowmap[len(rows)] = v
    fn = "DickerData_Annuity_Nov2026.csv"
    write_csv(folder / fn, rows)
    return fn, rowmap, None


def vendor_ingram(lines: list[VLine], folder: Path, rng: random.Random):
    cols = ["Customer Name", "Customer Reference", "Subscription ID", "Subscription Name", "Vendor", "MPN",
            "Charge Type", "Billing Term", "Billing Period Start", "Billing Period End", "Quantity",
            "List Price", "Net Price", "Currency"]
    rows = [cols]
    rowmap = {}
    for v in lines:
        p = prod_of(v)
        maker = p.maker if p else "Microsoft"
        term = "Annual Pre-Paid" if v.annual else "Monthly Pre-Paid"
        name = f"{v.product} ({term})" if maker == "Microsoft" else f"{v.product} - {term}"
        mpn = (p.pc_id.replace(":", "") if p and p.pc_id else f"{maker[:4].upper()}-{hash_int(v.product) % 9999:04d}")
        net = money(v.unit * v.qty)
        start = START
        if v.prorate_days:
            start = dt.date(2026, 11, 31 - v.prorate_days)
            net = money(v.unit * v.qty * D(v.prorate_days) / D(30))
        ct = {"licence": "Recurring", "credit": "Refund", "free": "Trial"}[v.role]
        if v.prorate_days:
            ct = "Prorated Purchase"
        rows.append([v.client.name, f"CR-{hash_int(v.client.name) % 99999:05d}", f"SUB{hash_int(v.client.name + v.product) % 10**8:08d}",
                     name, maker, mpn, ct, "Annual" if v.annual else "Monthly", start.strftime("%m/%d/%Y"),
                     END.strftime("%m/%d/%Y"), str(v.qty), num(money(v.unit * D("1.15"))), num(net), "CAD"])
        rowmap[len(rows)] = v
    fn = "ingram_billing_export_202611.csv"
    write_csv(folder / fn, rows)
    return fn, rowmap, None


def _eur(x: Decimal) -> str:
    s = f"{x:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def vendor_cloudmore(lines: list[VLine], folder: Path, rng: random.Random):
    cols = ["Billing Date", "Service Name", "Broker Name", "Organization Name", "Customer Number",
            "Product Name", "Item Code", "Quantity", "Unit Cost Price", "Unit Sales Price", "Total Cost",
            "Total Sales", "Margin Amount", "Margin Percentage", "Currency Code", "Product ID",
            "Payment Frequency"]
    rows = [cols]
    rowmap = {}
    for v in lines:
        p = prod_of(v)
        svc = "Microsoft CSP (NCE)" if (p is None or p.maker == "Microsoft") else f"{p.maker} SaaS"
        name = v.product + (" (NCE COM ANN)" if v.annual else " (NCE COM MTH)") if svc.startswith("Microsoft") else v.product
        sales = money(v.unit * D("1.25"))
        tc, ts = money(v.unit * v.qty), money(sales * v.qty)
        rows.append(["01.12.2026", svc, "Nordic IT Partner AB", v.client.name, f"{hash_int(v.client.name) % 900000 + 100000}",
                     name, (p.pc_id if p and p.pc_id else p.terse.replace(" ", "_") if p else "TRIAL"),
                     str(v.qty), _eur(v.unit), _eur(sales), _eur(tc), _eur(ts), _eur(ts - tc),
                     "20,00" if v.unit else "0,00", "EUR", gid("pid", v.product)[:18],
                     "Annually" if v.annual else "Monthly"])
        rowmap[len(rows)] = v
    fn = "Cloudmore_GeneralBilling_2026-11.csv"
    write_csv(folder / fn, rows, encoding="cp1252", delimiter=";")
    return fn, rowmap, None


# =============================================================================== PSA
def _code(pl: PLine) -> str:
    if pl.product is None:
        return "SVC-" + "".join(w[0] for w in pl.text.split() if w[0].isalnum()).upper()[:6]
    p = BY_NAME[pl.product]
    n = hash_int(pl.product) % 900 + 100
    return (p.terse.replace("MS NCE ", "").replace(" ", "-") if n % 2 else f"LIC-{n}")


def psa_cw_additions(lines: list[PLine], folder: Path, rng: random.Random, cur: str):
    cols = ["Company Name", "Agreement Name", "Agreement Type", "Sequence", "Effective", "Cancelled",
            "Product ID", "Description", "Quantity", "Less Included", "Price", "Ext Price", "Bill",
            "Addition Status", "Cost", "Ext Cost"]
    rows = [cols]
    rowmap = {}
    seq: dict = {}
    for pl in lines:
        c = pl.client
        seq[c.name] = seq.get(c.name, 0) + 1
        status, canc = "Active", ""
        if pl.role == "cancelled":
            status = rng.choice(["Cancelled", "Cancelled", "Inactive"])
            canc = rng.choice(["10/31/2026", "10/15/2026", "11/01/2026"])
        ext = money(pl.unit * pl.billed_qty)
        rows.append([c.psa_name, rng.choice(["Managed Services", "MSA - Cloud", "Microsoft 365 Agreement"]),
                     "Managed Services", str(seq[c.name]), "01/01/2026", canc, _code(pl), pl.desc,
                     str(pl.qty), str(pl.less_included), num(pl.unit), num(ext),
                     "Billable", status, "", ""])
        rowmap[len(rows)] = pl
    fn = "AgreementAdditions_All.csv"
    write_csv(folder / fn, rows)
    return fn, rowmap, None


def psa_halo(lines: list[PLine], folder: Path, rng: random.Random, cur: str):
    rows: list[list] = [["Recurring Invoice Lines"], ["Report run 04/12/2026 09:14 by admin"], []]
    cols = ["Client", "Recurring Invoice", "Item Code", "Short Description", "Long Description",
            "Quantity", "Unit Price", "Net Amount", "Billing Period", "Active"]
    rows.append(cols)
    rowmap = {}
    for pl in lines:
        longd = rng.choice(["Billing period: $STARTDATE - $ENDDATE\nper user, billed in advance",
                            "$MONTHNAME $YEAR", "", "Licensing as per agreement\nSee portal for seats"])
        rows.append([pl.client.psa_name, f"RI-{hash_int(pl.client.name) % 9000 + 1000}", _code(pl), pl.desc,
                     longd, str(pl.qty), num(pl.unit), num(money(pl.unit * pl.qty)),
                     "Yearly" if pl.annual else "Monthly", "No" if pl.role == "cancelled" else "Yes"])
        rowmap[len(rows)] = pl
    fn = "halo_recurring_invoice_lines.csv"
    write_csv(folder / fn, rows)
    return fn, rowmap, None


def psa_syncro(lines: list[PLine], folder: Path, rng: random.Random, cur: str):
    cols = ["Customer", "Schedule Name", "Frequency", "Paused", "Next Run Date", "Line Item Name",
            "Line Item Description", "Quantity", "Retail Cents", "Cost Cents", "Taxable"]
    rows = [cols]
    rowmap = {}
    for pl in lines:
        name, desc = pl.desc, rng.choice(GENERIC_DESCRIPTIONS)
        if pl.product is None:
            desc = ""
        cents = int((pl.unit * 100).to_integral_value())
        rows.append([pl.client.psa_name, "Annual licences" if pl.annual else "Monthly Recurring",
                     "Annually" if pl.annual else "Monthly", "true" if pl.role == "cancelled" else "false",
                     "2026-12-01", name, desc, str(pl.qty), str(cents),
                     str(int(cents * 0.8)), "false"])
        rowmap[len(rows)] = pl
    fn = "syncro_schedule_line_items.csv"
    write_csv(folder / fn, rows)
    return fn, rowmap, None


def psa_qbo(lines: list[PLine], folder: Path, rng: random.Random, cur: str):
    rows: list[list] = [["Northpoint IT Services LLC"], ["Sales by Customer Detail"],
                        ["November 1-30, 2026"], []]
    rows.append(["", "Date", "Transaction Type", "Num", "Product/Service", "Memo/Description", "Qty",
                 "Sales Price", "Amount", "Balance"])
    rowmap = {}
    grand = D(0)
    by: dict = {}
    order = []
    for pl in lines:
        if pl.client.name not in by:
            order.append(pl.client.name)
        by.setdefault(pl.client.name, []).append(pl)
    for cn in order:
        ls = by[cn]
        rows.append([ls[0].client.psa_name])
        tot = D(0)
        bal = D(0)
        for pl in ls:
            item = ("Licensing:" if pl.product else "Services:") + pl.desc
            if pl.role == "cancelled":
                memo = "Voided"
                qty, price, amt = 0, D(0), D(0)
            else:
                memo = pl.desc if rng.random() < 0.5 else ""
                qty, price, amt = pl.qty, pl.unit, money(pl.unit * pl.qty)
            bal += amt
            tot += amt
            rows.append(["", "11/01/2026", "Invoice", str(1000 + hash_int(cn) % 8000), item, memo, str(qty),
                         num(price), num(amt), num(bal)])
            rowmap[len(rows)] = pl
        rows.append([f"Total for {ls[0].client.psa_name}", "", "", "", "", "", "", "", num(tot), ""])
        grand += tot
    rows.append(["TOTAL", "", "", "", "", "", "", "", num(grand), ""])
    rows.append([])
    rows.append(["Cash Basis Friday, December 4, 2026 09:12 AM GMT-05:00"])
    fn = "Sales by Customer Detail.csv"
    write_csv(folder / fn, rows)
    return fn, rowmap, None


def psa_cw_dates(lines: list[PLine], folder: Path, rng: random.Random, cur: str):
    cols = ["Company", "Agreement", "Product ID", "Description", "Qty", "Unit Price", "Ext. Price",
            "Effective Date", "Cancelled Date"]
    rows: list[list] = [cols]
    rowmap = {}
    for pl in lines:
        canc = None
        if pl.role == "cancelled":
            canc = rng.choice([dt.date(2026, 10, 31), dt.date(2026, 9, 30), dt.date(2026, 11, 1)])
        elif rng.random() < 0.08:
            canc = rng.choice([dt.date(2027, 1, 31), dt.date(2026, 12, 31)])  # future: still billed
        rows.append([pl.client.psa_name, "Managed Services Agreement", _code(pl), pl.desc, pl.qty,
                     float(pl.unit), float(money(pl.unit * pl.qty)), dt.date(2025, 7, 1), canc])
        rowmap[len(rows)] = pl
    fn = "agreement_additions.xlsx"
    write_xlsx(folder / fn, [("Additions", rows)], {"Additions": {5, 6}})
    return fn, rowmap, None


VENDORS = {
    "pc_nce": (vendor_pc_nce, "USD", {"annual": True, "credit": True, "prorate": False}),
    "pax8_portal": (vendor_pax8_portal, "USD", {"annual": True, "credit": True, "prorate": True}),
    "dicker_data": (vendor_dicker, "AUD", {"annual": True, "credit": True, "prorate": False}),
    "ingram_cloud": (vendor_ingram, "CAD", {"annual": True, "credit": True, "prorate": True}),
    "cloudmore": (vendor_cloudmore, "EUR", {"annual": True, "credit": False, "prorate": False}),
}
PSAS = {
    "cw_additions": (psa_cw_additions, {"cancel": True, "less_included": True}),
    "halo_recurring": (psa_halo, {"cancel": True, "annual": True}),
    "syncro": (psa_syncro, {"cancel": True, "annual": True}),
    "qbo_sales_detail": (psa_qbo, {"cancel": True}),
    "cw_dates": (psa_cw_dates, {"cancel": True}),
}
CUR_SYM = {"USD": "$", "AUD": "$", "CAD": "$", "EUR": "€", "GBP": "£"}
