"""The 8 vendor and 8 PSA / accounting exports of set AH (mainstream US, UK, Canada, Australia)."""

from __future__ import annotations

import csv
from fractions import Fraction as F

from openpyxl import Workbook

from .catalog import BY_KEY

SYM = {"USD": "$", "CAD": "$", "AUD": "$", "GBP": "£"}
TAX = {
    "US": "Tax Exempt",
    "UK": "20% (VAT on Income)",
    "CA": "GST/HST on Sales",
    "AU": "GST on Income",
}


def d2(x):
    x = F(x)
    neg = x < 0
    c = abs(round(x * 100))
    return f"{'-' if neg else ''}{c // 100}.{c % 100:02d}"


def money(x, sym="", thousands=False, parens=False):
    x = F(x)
    c = abs(round(x * 100))
    body = f"{c // 100:,}" if thousands else f"{c // 100}"
    body = f"{sym}{body}.{c % 100:02d}"
    if x < 0:
        return f"({body})" if parens else f"-{body}"
    return body


def qtxt(q):
    q = F(q)
    return str(q.numerator) if q.denominator == 1 else d2(q)


def shown_unit(line):
    return line.unit * 12 if line.yearly else line.unit


class Sheet:
    def __init__(self):
        self.rows = []

    def add(self, row, line=None):
        self.rows.append(row)
        if line is not None:
            line.row = len(self.rows)


def write_csv(folder, fname, sheet, delimiter=",", encoding="utf-8"):
    with open(folder / fname, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        for r in sheet.rows:
            w.writerow(["" if x is None else (float(x) if isinstance(x, F) else x) for x in r])
    return fname, None


def write_xlsx(folder, fname, sheet, title, money_cols=()):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in sheet.rows:
        ws.append([float(x) if isinstance(x, F) else x for x in r])
    for col in money_cols:
        for row in ws.iter_rows(min_col=col, max_col=col):
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"
    wb.save(folder / fname)
    return fname, title


def _vsorted(case):
    by = {c["id"]: c for c in case.clients}
    return sorted(
        case.vlines,
        key=lambda v: (
            by[v.cid]["vendor_name"].lower(),
            BY_KEY[v.product].name,
            v.role != "licence",
        ),
    ), by


def _psorted(case):
    by = {c["id"]: c for c in case.clients}
    return sorted(
        case.plines, key=lambda p: (by[p.cid]["psa_name"].lower(), p.role == "service")
    ), by


def _guid(rng):
    h = "%032x" % rng.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _ids(case, rng):
    return {c["id"]: (_guid(rng), f"{c['id'] + 10400}") for c in case.clients}


def _domain(c):
    w = "".join(ch for ch in c["canonical"].split(",")[0] if ch.isalnum())[:18].lower()
    return f"{w}.onmicrosoft.com"


def _vname(v, style):
    p = BY_KEY[v.product]
    if style == "pax8":
        return f"{p.name} [NCE]" if p.maker == "Microsoft" and p.key != "texp" else p.name
    if style == "ingram":
        t = "Trial" if v.term == "trial" else "Monthly" if v.term == "monthly" else "Annual"
        return f"{p.name} ({t})"
    if style == "dicker":
        if p.maker == "Microsoft":
            return f"MS NCE {p.short.replace('M365', 'M365').upper()} {'1MTH' if v.term == 'monthly' else '1YR'}"
        return f"{p.maker.upper()} {p.short.upper()} MTHLY"
    return p.name


def _term_pc(v):
    if v.term == "trial":
        return "One-Month commitment for trial", "Monthly"
    if v.term == "monthly":
        return "One-Month commitment for monthly billing", "Monthly"
    if v.yearly:
        return "One-Year commitment for yearly billing", "Annual"
    return "One-Year commitment for monthly billing", "Monthly"


# ============================================================== vendor formats
def v_pc_nce_full(case, folder, rng):
    """Partner Center NCE reconciliation file, full documented column set incl. newer columns; CAD; BOM."""
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
    s = Sheet()
    s.add(cols)
    vs, by = _vsorted(case)
    ids = _ids(case, rng)
    partner = _guid(rng)
    inv = f"G0{rng.randrange(10**8, 10**9)}"
    for v in vs:
        c = by[v.cid]
        p = BY_KEY[v.product]
        tb, bf = _term_pc(v)
        eff = shown_unit(v)
        lst = eff if rng.random() < 0.7 else eff * F(100, 95)
        ct = (
            "removeQuantity"
            if v.role == "credit"
            else (
                "addQuantity"
                if v.prorate != 1
                else rng.choice(["cycleCharge", "cycleCharge", "renew", "new"])
            )
        )
        start = "11/1/2026" if v.prorate == 1 else f"11/{31 - round(v.prorate * 30)}/2026"
        sub = round(v.qty * eff * v.prorate * 100) / F(100)
        pid, sku = (p.sku.split(":") + ["0001"])[:2]
        s.add(
            [
                partner,
                ids[v.cid][0],
                c["vendor_name"],
                _domain(c),
                "CA",
                inv,
                "6128634",
                "",
                _guid(rng),
                "10/3/2026",
                pid,
                sku,
                "CFQ7TTC0" + pid[-4:],
                p.name,
                p.name,
                ct,
                d2(lst),
                qtxt(v.qty),
                d2(sub),
                d2(sub * F(13, 100)),
                d2(sub * F(113, 100)),
                "CAD",
                "" if lst == eff else "PEC 5%",
                p.maker if p.maker != "Microsoft" else "Microsoft Corporation",
                "",
                f"{p.name}",
                _guid(rng),
                start,
                "11/30/2026",
                tb,
                d2(eff),
                "Licenses",
                "",
                qtxt(v.qty),
                bf,
                "CAD",
                "1",
                "10/31/2026",
                "",
                "",
                "3/1/2026",
                "2/28/2027",
                "",
                "",
                "",
                "Microsoft 365" if p.maker == "Microsoft" else "SaaS",
            ],
            v,
        )
    return write_csv(folder, "InvoiceRecon_G0_Nov2026.csv", s, encoding="utf-8-sig")


def v_pc_legacy(case, folder, rng):
    """Partner Center legacy licence-based file saved as XLSX by a UK partner, user-added total row; GBP."""
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
    s = Sheet()
    s.add(cols)
    vs, by = _vsorted(case)
    ids = _ids(case, rng)
    tot = F(0)
    for v in vs:
        c = by[v.cid]
        p = BY_KEY[v.product]
        unit = shown_unit(v)
        listp = unit if rng.random() < 0.6 else unit * F(10, 9)
        amt = round(v.qty * listp * v.prorate * 100) / F(100)
        sub = round(v.qty * unit * v.prorate * 100) / F(100)
        disc = sub - amt
        tot += sub
        ct = (
            "Cancel Instance Prorate"
            if v.role == "credit"
            else ("Activation Fee" if v.prorate != 1 else "Cycle fee")
        )
        s.add(
            [
                "",
                ids[v.cid][0],
                c["vendor_name"],
                "",
                "",
                _guid(rng),
                _guid(rng),
                "",
                p.sku,
                p.sku,
                p.name,
                "01/03/2026",
                "28/02/2027",
                "01/11/2026",
                "30/11/2026",
                ct,
                float(listp),
                float(v.qty),
                float(amt),
                float(disc),
                float(sub),
                float(sub / 5),
                float(sub * F(6, 5)),
                "GBP",
                _domain(c),
                p.name,
                p.name,
                "Annual" if v.yearly else "Monthly",
            ],
            v,
        )
    s.add([None] * 20 + [float(tot)])
    s.rows[-1][2] = "Total"
    return write_xlsx(
        folder, "LicenseBased_Nov2026.xlsx", s, "LicenseBased", money_cols=(17, 19, 20, 21, 22, 23)
    )


def v_pax8(case, folder, rng):
    """Pax8 portal invoice CSV with the portal's snake_case columns, prorate and credit types; USD."""
    s = Sheet()
    s.add(
        [
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
    )
    vs, by = _vsorted(case)
    for v in vs:
        c = by[v.cid]
        p = BY_KEY[v.product]
        det = (
            "Trial"
            if v.term == "trial"
            else "Monthly Term - Paid Monthly"
            if v.term == "monthly"
            else "Annual Term - Paid Annually"
            if v.yearly
            else "Annual Term - Paid Monthly"
        )
        typ = "credits" if v.role == "credit" else ("prorate" if v.prorate != 1 else "subscription")
        u = shown_unit(v)
        ct = round(v.qty * u * v.prorate * 100) / F(100)
        price = u * F(5, 4)
        s.add(
            [
                c["vendor_name"],
                f"{c['id'] + 88000}",
                typ,
                _vname(v, "pax8"),
                det,
                (
                    f"MST-NCE-{100 + sum(map(ord, p.key)) % 300}-C100"
                    if p.maker == "Microsoft"
                    else p.sku
                ),
                qtxt(v.qty),
                d2(u),
                d2(ct),
                d2(price),
                d2(ct * F(5, 4)),
                d2(ct),
                "2026-11-01" if v.prorate == 1 else f"2026-11-{31 - round(v.prorate * 30):02d}",
                "2026-12-01",
            ],
            v,
        )
    return write_csv(folder, "pax8-invoice-2026-12-01.csv", s)


def v_ingram(case, folder, rng):
    """Ingram Micro Cloud Marketplace statement (US) XLSX: title block, Net Price = line amount, Statement Total."""
    s = Sheet()
    s.add(["Ingram Micro Cloud Marketplace"])
    s.add(["Billing Statement"])
    s.add(["Statement Period: 11/01/2026 - 11/30/2026"])
    s.add([])
    s.add(
        [
            "End Customer",
            "Customer ID",
            "Subscription ID",
            "Product Name",
            "Plan",
            "Billing Period",
            "Qty",
            "Unit Price",
            "Net Price",
            "Currency",
        ]
    )
    vs, by = _vsorted(case)
    tot = F(0)
    for v in vs:
        c = by[v.cid]
        plan = (
            "Trial"
            if v.term == "trial"
            else "Monthly"
            if v.term == "monthly"
            else "Annual (Paid Upfront)"
            if v.yearly
            else "Annual (Paid Monthly)"
        )
        u = shown_unit(v)
        net = round(v.qty * u * v.prorate * 100) / F(100)
        tot += net
        per = (
            "11/01/2026 - 11/30/2026"
            if v.prorate == 1
            else f"11/{31 - round(v.prorate * 30):02d}/2026 - 11/30/2026"
        )
        s.add(
            [
                c["vendor_name"],
                f"IM-{c['id'] + 5100}",
                f"SUB-{rng.randrange(10**6, 10**7)}",
                _vname(v, "ingram"),
                plan,
                per,
                float(v.qty),
                float(u),
                float(net),
                "USD",
            ],
            v,
        )
    s.add([])
    s.add(["Statement Total", None, None, None, None, None, None, None, float(tot), "USD"])
    return write_xlsx(folder, "CMP_BillingStatement_202611.xlsx", s, "Statement", money_cols=(8, 9))


def v_streamone(case, folder, rng):
    """TD SYNNEX StreamOne Ion (Canada) billing export: CA-prefixed SKUs, Billing Frequency, Term Duration; CAD."""
    s = Sheet()
    s.add(
        [
            "Customer Name",
            "Customer ID",
            "Subscription ID",
            "Product Name",
            "Vendor SKU",
            "Charge Type",
            "Billing Frequency",
            "Term Duration",
            "Quantity",
            "Unit Price",
            "Extended Price",
            "Currency",
            "Charge Start Date",
            "Charge End Date",
        ]
    )
    vs, by = _vsorted(case)
    for v in vs:
        c = by[v.cid]
        p = BY_KEY[v.product]
        u = shown_unit(v)
        ext = round(v.qty * u * v.prorate * 100) / F(100)
        s.add(
            [
                c["vendor_name"],
                f"C{c['id'] + 700100}",
                _guid(rng),
                p.name,
                "CA" + p.sku.replace(":", ""),
                "Credit" if v.role == "credit" else ("Prorated" if v.prorate != 1 else "Recurring"),
                "Annually" if v.yearly else "Monthly",
                "P1M" if v.term in ("monthly", "trial") else "P1Y",
                qtxt(v.qty),
                d2(u),
                d2(ext),
                "CAD",
                "2026-11-01" if v.prorate == 1 else f"2026-11-{31 - round(v.prorate * 30):02d}",
                "2026-11-30",
            ],
            v,
        )
    return write_csv(folder, "StreamOne_Ion_Billing_2026-11.csv", s)


def v_dicker(case, folder, rng):
    """Dicker Data (AU) cloud invoice detail XLSX: title rows, $-text money, DD-MON-YYYY, ex-GST and GST; AUD."""
    s = Sheet()
    s.add(["Dicker Data Limited - Cloud Annuity Invoice Detail"])
    s.add(["Invoice Period: 01-NOV-2026 to 30-NOV-2026"])
    s.add(
        [
            "TENANT NAME",
            "TENANT ID",
            "STOCK CODE",
            "STOCK DESCRIPTION",
            "QTY",
            "UNIT PRICE (EX GST)",
            "EXTENDED (EX GST)",
            "GST",
            "CHARGE TYPE",
            "START USAGE",
            "END USAGE",
        ]
    )
    vs, by = _vsorted(case)
    ids = _ids(case, rng)
    for v in vs:
        c = by[v.cid]
        p = BY_KEY[v.product]
        u = shown_unit(v)
        ext = round(v.qty * u * v.prorate * 100) / F(100)
        if p.maker == "Microsoft":
            code = f"{'P1M' if v.term in ('monthly', 'trial') else 'P1Y'}:{p.sku}:{'Y' if v.yearly else '1'}:"
        else:
            code = f"3P-{p.sku}{'-ANN' if v.yearly else ''}"
        s.add(
            [
                c["vendor_name"],
                ids[v.cid][0],
                code,
                _vname(v, "dicker"),
                qtxt(v.qty),
                money(u, "$", True),
                money(ext, "$", True),
                money(ext / 10, "$", True),
                "CREDIT" if v.role == "credit" else ("PRORATA" if v.prorate != 1 else "RECURRING"),
                "01-NOV-2026" if v.prorate == 1 else f"{31 - round(v.prorate * 30):02d}-NOV-2026",
                "30-NOV-2026",
            ],
            v,
        )
    return write_xlsx(folder, "DickerData_CloudInvoice_NOV26.xlsx", s, "Invoice Detail")


def v_sherweb(case, folder, rng):
    """Sherweb payable charges (US partner): $ money, credits in parentheses; USD."""
    s = Sheet()
    s.add(
        [
            "Customer",
            "Subscription",
            "Product",
            "SKU",
            "Charge Type",
            "Billing Cycle",
            "Period Start",
            "Period End",
            "Quantity",
            "Unit Price (USD)",
            "Subtotal (USD)",
        ]
    )
    vs, by = _vsorted(case)
    for v in vs:
        c = by[v.cid]
        p = BY_KEY[v.product]
        u = shown_unit(v)
        sub = round(v.qty * u * v.prorate * 100) / F(100)
        s.add(
            [
                c["vendor_name"],
                f"{p.name} - {c['vendor_name'][:12]}",
                p.name,
                p.sku,
                "Credit" if v.role == "credit" else ("Prorated" if v.prorate != 1 else "Recurring"),
                "Yearly" if v.yearly else "Monthly",
                "11/01/2026" if v.prorate == 1 else f"11/{31 - round(v.prorate * 30):02d}/2026",
                "11/30/2026",
                qtxt(v.qty),
                money(u, "$", True, True),
                money(sub, "$", True, True),
            ],
            v,
        )
    return write_csv(folder, "Sherweb_PayableCharges_2026-11.csv", s)


def v_giacom(case, folder, rng):
    """Giacom Cloud Market (UK) bill CSV: £ text money, en-GB dates, Licence Type; GBP."""
    s = Sheet()
    s.add(
        [
            "Customer Name",
            "Customer Account Number",
            "Product",
            "Licence Type",
            "Billing Frequency",
            "Quantity",
            "Unit Cost",
            "Line Total",
            "From",
            "To",
        ]
    )
    vs, by = _vsorted(case)
    for v in vs:
        c = by[v.cid]
        p = BY_KEY[v.product]
        u = shown_unit(v)
        lt = round(v.qty * u * v.prorate * 100) / F(100)
        ltype = (
            "Trial"
            if v.term == "trial"
            else "Monthly Commitment"
            if v.term == "monthly"
            else "Annual Commitment"
        )
        s.add(
            [
                c["vendor_name"],
                f"GCM{c['id'] + 31000}",
                p.name,
                ltype,
                "Annual" if v.yearly else "Monthly",
                qtxt(v.qty),
                money(u, "£", True),
                money(lt, "£", True),
                "01/11/2026" if v.prorate == 1 else f"{31 - round(v.prorate * 30):02d}/11/2026",
                "30/11/2026",
            ],
            v,
        )
    return write_csv(folder, "CloudMarket_Bill_Nov2026.csv", s, encoding="utf-8-sig")


# ============================================================== PSA / accounting formats
def _ptext(p, yearly_in_text):
    t = p.text
    if yearly_in_text and p.yearly:
        t += " - annual prepay Nov 2026-Oct 2027"
    return t


def _pshown(p):
    return p.unit * 12 if p.yearly else p.unit


def p_cw(case, folder, rng):
    """ConnectWise Manage agreement additions (all companies view) CSV; cancelled additions kept."""
    s = Sheet()
    s.add(
        [
            "Company",
            "Agreement",
            "Agreement Type",
            "Product ID",
            "Description",
            "Quantity",
            "Less Included",
            "Price",
            "Ext Price",
            "Bill Customer",
            "Effective Date",
            "Cancelled Date",
            "Addition Status",
        ]
    )
    ps, by = _psorted(case)
    for p in ps:
        c = by[p.cid]
        u = _pshown(p)
        pid = (
            "LABOR"
            if p.role == "service" and p.unit > 0
            else "CREDIT"
            if p.role == "service"
            else "LIC-MS"
            if BY_KEY[p.product].maker == "Microsoft"
            else "LIC-3P"
        )
        nb = p.role == "not_billed"
        s.add(
            [
                c["psa_name"],
                "Managed Services Agreement" if not p.yearly else "Annual Licensing",
                "Annual Licensing" if p.yearly else "Monthly Managed",
                pid,
                p.text,
                qtxt(p.qty),
                "0",
                d2(u),
                d2(p.qty * u),
                "Billable",
                "03/01/2026",
                "10/31/2026" if nb else "",
                "Cancelled" if nb else "Active",
            ],
            p,
        )
    return write_csv(folder, "AgreementAdditions_All.csv", s)


def p_autotask(case, folder, rng):
    """Autotask contract services report XLSX: title rows, Period Type, Adjusted Price, End Date, Total row."""
    s = Sheet()
    s.add(["Contract Services Report"])
    s.add(["Generated 12/01/2026 08:14 AM by billing@msp"])
    s.add([])
    s.add(
        [
            "Account Name",
            "Contract Name",
            "Service Name",
            "Service Description",
            "Units",
            "Unit Price",
            "Adjusted Price",
            "Period Type",
            "Start Date",
            "End Date",
        ]
    )
    ps, by = _psorted(case)
    tot = F(0)
    for p in ps:
        c = by[p.cid]
        u = _pshown(p)
        tot += p.qty * u
        s.add(
            [
                c["psa_name"],
                "Recurring Services 2026",
                p.text,
                "",
                float(p.qty),
                float(u),
                float(p.qty * u),
                "Yearly" if p.yearly else "Monthly",
                "03/01/2026",
                "10/31/2026" if p.role == "not_billed" else "02/28/2027",
            ],
            p,
        )
    s.add(["Total", None, None, None, None, None, float(tot)])
    return write_xlsx(
        folder, "ContractServices_Report.xlsx", s, "Contract Services", money_cols=(6, 7)
    )


def p_halo(case, folder, rng):
    """HaloPSA recurring invoice items (UK) CSV: Item code + typed Description, Billing Frequency, Active flag."""
    s = Sheet()
    s.add(
        [
            "Client",
            "Site",
            "Recurring Invoice",
            "Item",
            "Description",
            "Qty",
            "Unit Price",
            "Net Amount",
            "VAT",
            "Billing Frequency",
            "Next Invoice Date",
            "Active",
        ]
    )
    ps, by = _psorted(case)
    for p in ps:
        c = by[p.cid]
        u = _pshown(p)
        item = "SERVICE" if p.role == "service" else "LICENCE"
        s.add(
            [
                c["psa_name"],
                "Head Office",
                f"RI-{p.cid + 2000}",
                item,
                p.text,
                qtxt(p.qty),
                d2(u),
                d2(p.qty * u),
                d2(p.qty * u / 5) if case.country == "UK" else "0.00",
                "Yearly" if p.yearly else "Monthly",
                "01/12/2026",
                "No" if p.role == "not_billed" else "Yes",
            ],
            p,
        )
    return write_csv(folder, "Recurring_Invoice_Items.csv", s)


def p_syncro(case, folder, rng):
    """Syncro recurring schedules export: product in line_item_name, generic description, $ price, paused."""
    s = Sheet()
    s.add(
        [
            "customer_business_name",
            "schedule_name",
            "frequency",
            "paused",
            "line_item_name",
            "line_item_description",
            "quantity",
            "price",
            "taxable",
            "next_run",
        ]
    )
    ps, by = _psorted(case)
    sym = SYM[case.currency]
    for p in ps:
        c = by[p.cid]
        gen = (
            "Labor / services"
            if p.role == "service"
            else rng.choice(["User licence", "Cloud subscription", "Per user / month"])
        )
        s.add(
            [
                c["psa_name"],
                "Annual licences" if p.yearly else "Monthly recurring",
                "Annually" if p.yearly else "Monthly",
                "true" if p.role == "not_billed" else "false",
                p.text,
                gen,
                qtxt(p.qty),
                money(_pshown(p), sym),
                "false",
                "2026-12-01",
            ],
            p,
        )
    return write_csv(folder, "recurring_schedules_export.csv", s)


def p_bms(case, folder, rng):
    """Kaseya BMS recurring services (AU) XLSX: generic Service, typed Description, Frequency, Status Ended."""
    s = Sheet()
    s.add(
        [
            "Account",
            "Contract",
            "Service",
            "Description",
            "Quantity",
            "Rate",
            "Amount",
            "Frequency",
            "Start Date",
            "End Date",
            "Status",
        ]
    )
    ps, by = _psorted(case)
    for p in ps:
        c = by[p.cid]
        u = _pshown(p)
        svc = (
            "Professional Services"
            if p.role == "service"
            else "Microsoft Licensing"
            if BY_KEY[p.product].maker == "Microsoft"
            else "Third-Party Licensing"
        )
        s.add(
            [
                c["psa_name"],
                "MSA-2026",
                svc,
                p.text,
                float(p.qty),
                float(u),
                float(p.qty * u),
                "Annually" if p.yearly else "Monthly",
                "01/03/2026",
                "31/10/2026" if p.role == "not_billed" else "",
                "Ended" if p.role == "not_billed" else "Active",
            ],
            p,
        )
    return write_xlsx(folder, "RecurringServices.xlsx", s, "Recurring Services", money_cols=(6, 7))


def p_qbd(case, folder, rng):
    """QuickBooks Desktop Sales by Customer Detail exported to CSV: customer group rows, memo text, totals."""
    s = Sheet()
    s.add(
        [
            "",
            "Type",
            "Date",
            "Num",
            "Memo",
            "Name",
            "Item",
            "Qty",
            "Sales Price",
            "Amount",
            "Balance",
        ]
    )
    ps, by = _psorted(case)
    cur, bal, sub, num = None, F(0), F(0), 5100
    grand = F(0)
    for p in ps:
        if p.role == "not_billed":
            continue
        c = by[p.cid]
        if cur != p.cid:
            if cur is not None:
                s.add(
                    [
                        f"Total {by[cur]['psa_name']}",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        money(sub, thousands=True),
                        money(bal, thousands=True),
                    ]
                )
            s.add([c["psa_name"]])
            cur, sub, num = p.cid, F(0), num + 1
        u = _pshown(p)
        amt = p.qty * u
        sub += amt
        bal += amt
        grand += amt
        item = (
            "Services:Labor"
            if p.role == "service" and p.unit > 0
            else "Services:Credit"
            if p.role == "service"
            else "Software Subscription:Annual"
            if p.yearly
            else "Software Subscription"
        )
        s.add(
            [
                "",
                "Invoice",
                "11/30/2026",
                str(num),
                _ptext(p, True),
                c["psa_name"],
                item,
                qtxt(p.qty),
                money(u, thousands=True),
                money(amt, thousands=True),
                money(bal, thousands=True),
            ],
            p,
        )
    if cur is not None:
        s.add(
            [
                f"Total {by[cur]['psa_name']}",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                money(sub, thousands=True),
                money(bal, thousands=True),
            ]
        )
    s.add(
        [
            "TOTAL",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            money(grand, thousands=True),
            money(bal, thousands=True),
        ]
    )
    return write_csv(folder, "Sales_by_Customer_Detail.csv", s)


def p_xero(case, folder, rng):
    """Xero sales invoices export CSV (UK-style columns incl. LineAmount, TaxType, tracking)."""
    s = Sheet()
    s.add(
        [
            "ContactName",
            "EmailAddress",
            "InvoiceNumber",
            "Reference",
            "InvoiceDate",
            "DueDate",
            "InventoryItemCode",
            "Description",
            "Quantity",
            "UnitAmount",
            "Discount",
            "LineAmount",
            "AccountCode",
            "TaxType",
            "TrackingName1",
            "TrackingOption1",
            "Currency",
        ]
    )
    ps, by = _psorted(case)
    inv = {}
    for p in ps:
        if p.role == "not_billed":
            continue
        c = by[p.cid]
        n = inv.setdefault(p.cid, f"INV-{4100 + len(inv)}")
        u = _pshown(p)
        s.add(
            [
                c["psa_name"],
                f"accounts@{c['canonical'].split()[0].lower().strip(',.')}.example",
                n,
                "Annual renewal" if p.yearly else "November 2026",
                "30/11/2026",
                "14/12/2026",
                "",
                _ptext(p, True),
                qtxt(p.qty),
                d2(u),
                "",
                d2(p.qty * u),
                "200",
                TAX[case.country],
                "Department",
                "Licensing" if p.role == "licence" else "Services",
                case.currency,
            ],
            p,
        )
    return write_csv(folder, "SalesInvoices_Nov2026.csv", s)


def p_myob(case, folder, rng):
    """MYOB AccountRight item sales export (comma), a blank line after each sale, $ money, tax codes."""
    s = Sheet()
    s.add(
        [
            "Co./Last Name",
            "First Name",
            "Invoice #",
            "Date",
            "Customer PO",
            "Item Number",
            "Quantity",
            "Description",
            "Price",
            "Inc-Tax Price",
            "Discount",
            "Total",
            "Inc-Tax Total",
            "Job",
            "Comment",
            "Journal Memo",
            "Tax Code",
            "GST Amount",
            "Sale Status",
        ]
    )
    ps, by = _psorted(case)
    cur, num = None, 8800
    gst = F(1, 10) if case.country == "AU" else F(0)
    for p in ps:
        if p.role == "not_billed":
            continue
        c = by[p.cid]
        if cur != p.cid:
            if cur is not None:
                s.add([])
            cur, num = p.cid, num + 1
        u = _pshown(p)
        amt = p.qty * u
        item = "SVC" if p.role == "service" else "SUBS-12" if p.yearly else "SUBS"
        s.add(
            [
                c["psa_name"],
                "",
                f"{num:08d}",
                "30/11/2026",
                "",
                item,
                qtxt(p.qty),
                _ptext(p, True),
                money(u, "$"),
                money(u * (1 + gst), "$"),
                "0%",
                money(amt, "$"),
                money(amt * (1 + gst), "$"),
                "",
                "",
                f"Sale; {c['psa_name']}",
                "GST" if gst else "N-T",
                money(amt * gst, "$"),
                "I",
            ],
            p,
        )
    s.add([])
    return write_csv(folder, "ITEMSALE.csv", s)


# name: (writer, currency, country)
VENDORS = {
    "pc_nce_recon_full_cols_cad_csv": (v_pc_nce_full, "CAD", "CA"),
    "pc_legacy_licence_gbp_user_total_xlsx": (v_pc_legacy, "GBP", "UK"),
    "pax8_portal_invoice_prorate_rows_usd_csv": (v_pax8, "USD", "US"),
    "ingram_cmp_us_statement_title_xlsx": (v_ingram, "USD", "US"),
    "td_streamone_ion_ca_cad_csv": (v_streamone, "CAD", "CA"),
    "dicker_au_gst_text_money_xlsx": (v_dicker, "AUD", "AU"),
    "sherweb_payables_parens_credit_usd_csv": (v_sherweb, "USD", "US"),
    "giacom_cloud_market_gbp_pound_csv": (v_giacom, "GBP", "UK"),
}
PSAS = {
    "cw_manage_additions_company_view_csv": p_cw,
    "autotask_svc_units_report_title_xlsx": p_autotask,
    "halopsa_recurring_items_item_desc_csv": p_halo,
    "syncro_schedule_export_dollars_paused_csv": p_syncro,
    "kaseya_bms_contract_svc_generic_service_xlsx": p_bms,
    "qb_desktop_cust_detail_memo_csv": p_qbd,
    "xero_sales_invoices_lineamount_csv": p_xero,
    "myob_ar_itemsale_blankline_csv": p_myob,
}

# how the self-check reads each file back: header marker, columns, unit kind, yearly rule
SPEC = {
    "pc_nce_recon_full_cols_cad_csv": dict(
        client="CustomerName",
        qty="BillableQuantity",
        unit="EffectiveUnitPrice",
        yearly=("BillingFrequency", "Annual"),
        first="PartnerId",
    ),
    "pc_legacy_licence_gbp_user_total_xlsx": dict(
        client="CustomerName",
        qty="Quantity",
        amount="Subtotal",
        yearly=("BillingCycleType", "Annual"),
        first="PartnerId",
    ),
    "pax8_portal_invoice_prorate_rows_usd_csv": dict(
        client="company_name",
        qty="quantity",
        unit="cost",
        yearly=("details", "Annual Term - Paid Annually"),
        first="company_name",
    ),
    "ingram_cmp_us_statement_title_xlsx": dict(
        client="End Customer",
        qty="Qty",
        unit="Unit Price",
        yearly=("Plan", r"Annual \(Paid Upfront\)"),
        first="End Customer",
    ),
    "td_streamone_ion_ca_cad_csv": dict(
        client="Customer Name",
        qty="Quantity",
        unit="Unit Price",
        yearly=("Billing Frequency", "Annually"),
        first="Customer Name",
    ),
    "dicker_au_gst_text_money_xlsx": dict(
        client="TENANT NAME",
        qty="QTY",
        unit="UNIT PRICE (EX GST)",
        yearly=("STOCK CODE", ":Y:|-ANN"),
        first="TENANT NAME",
    ),
    "sherweb_payables_parens_credit_usd_csv": dict(
        client="Customer",
        qty="Quantity",
        unit="Unit Price (USD)",
        yearly=("Billing Cycle", "Yearly"),
        first="Customer",
    ),
    "giacom_cloud_market_gbp_pound_csv": dict(
        client="Customer Name",
        qty="Quantity",
        unit="Unit Cost",
        yearly=("Billing Frequency", "Annual"),
        first="Customer Name",
    ),
    "cw_manage_additions_company_view_csv": dict(
        client="Company",
        qty="Quantity",
        unit="Price",
        desc="Description",
        yearly=("Agreement Type", "Annual Licensing"),
        nb=("Addition Status", "Cancelled"),
        first="Company",
    ),
    "autotask_svc_units_report_title_xlsx": dict(
        client="Account Name",
        qty="Units",
        unit="Unit Price",
        desc="Service Name",
        yearly=("Period Type", "Yearly"),
        nb=("End Date", "10/31/2026"),
        first="Account Name",
    ),
    "halopsa_recurring_items_item_desc_csv": dict(
        client="Client",
        qty="Qty",
        unit="Unit Price",
        desc="Description",
        yearly=("Billing Frequency", "Yearly"),
        nb=("Active", "No"),
        first="Client",
    ),
    "syncro_schedule_export_dollars_paused_csv": dict(
        client="customer_business_name",
        qty="quantity",
        unit="price",
        desc="line_item_name",
        yearly=("frequency", "Annually"),
        nb=("paused", "true"),
        first="customer_business_name",
    ),
    "kaseya_bms_contract_svc_generic_service_xlsx": dict(
        client="Account",
        qty="Quantity",
        unit="Rate",
        desc="Description",
        yearly=("Frequency", "Annually"),
        nb=("Status", "Ended"),
        first="Account",
    ),
    "qb_desktop_cust_detail_memo_csv": dict(
        client="Name",
        qty="Qty",
        unit="Sales Price",
        desc="Memo",
        yearly=("Memo", "annual prepay"),
        first="",
        second="Type",
    ),
    "xero_sales_invoices_lineamount_csv": dict(
        client="ContactName",
        qty="Quantity",
        unit="UnitAmount",
        desc="Description",
        yearly=("Description", "annual prepay"),
        first="ContactName",
    ),
    "myob_ar_itemsale_blankline_csv": dict(
        client="Co./Last Name",
        qty="Quantity",
        unit="Price",
        desc="Description",
        yearly=("Description", "annual prepay"),
        first="Co./Last Name",
    ),
}
