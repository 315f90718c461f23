"""Eight vendor bills and eight PSA / accounts exports a UK or Irish MSP has, imitated from public facts.

Each writer returns (file name, sheet name or None) and sets ``row`` on every line it writes
(1-based sheet rows / CSV records, title and header rows counted).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from openpyxl import Workbook

from .catalog import BY_KEY

MSP = "Harbour Lane IT Services Ltd"
PERIOD_START, PERIOD_END = "01/11/2026", "30/11/2026"
D = Decimal


def f2(x):
    return f"{D(x).quantize(D('0.01'))}"


def gbp(x, cur):
    sym = {"GBP": "£", "EUR": "€"}[cur]
    v = D(x).quantize(D("0.01"))
    s = f"{abs(v):,}"
    return f"-{sym}{s}" if v < 0 else f"{sym}{s}"


def num(x):
    return float(D(x))


def write_csv(folder, name, rows, delimiter=",", encoding="utf-8", bom=False, quote_all=False):
    buf = io.StringIO()
    w = csv.writer(
        buf,
        delimiter=delimiter,
        lineterminator="\r\n",
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    data = buf.getvalue()
    raw = data.encode(encoding)
    if bom:
        raw = b"\xef\xbb\xbf" + raw
    (folder / name).write_bytes(raw)
    return name, None


def write_xlsx(folder, name, sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(list(r))
    wb.save(folder / name)
    return name, sheets[-1][0] if len(sheets) == 1 else sheets[0][0]


def client_order(case, rng, side):
    cs = [c for c in case.clients if c["side"] in ("both", side)]
    cs.sort(key=lambda c: c["canonical"])
    if rng.random() < 0.5:
        rng.shuffle(cs)
    return cs


def vlines_by_client(case, rng):
    by = {}
    for v in case.vlines:
        by.setdefault(v.cid, []).append(v)
    out = []
    for c in client_order(case, rng, "vendor"):
        ls = by.get(c["id"], [])
        ls = sorted(ls, key=lambda v: (BY_KEY[v.product].name, v.sub, v.role))
        if ls:
            out.append((c, ls))
    return out


def plines_by_client(case, rng, keep):
    by = {}
    for p in case.plines:
        if keep(p):
            by.setdefault(p.cid, []).append(p)
    out = []
    for c in client_order(case, rng, "psa"):
        ls = by.get(c["id"], [])
        order = list(range(len(ls)))
        rng.shuffle(order)
        if ls:
            out.append((c, [ls[i] for i in order]))
    return out


def vunit(v):
    """Unit cost as billed (12 months on a yearly line)."""
    return v.unit * 12 if v.yearly else v.unit


def sub_id(v, c):
    h = (c["id"] * 7919 + sum(map(ord, v.product)) * 31 + v.sub * 3) % 10**8
    return f"{h:08x}-{c['id']:04x}-4{v.sub:03d}-a{len(v.product):03d}-{(h * 13) % 10**12:012d}"


# ------------------------------------------------------------------ vendor formats
def v_pc_nce(case, folder, rng):
    head = ["PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber", "MpnId", "ResellerMpnId", "OrderId", "OrderDate", "ProductId", "SkuId", "AvailabilityId", "SkuName", "ProductName", "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency", "PriceAdjustmentDescription", "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate", "TermAndBillingCycle", "EffectiveUnitPrice", "UnitType", "AlternateId", "BillableQuantity", "BillingFrequency", "PricingCurrency", "PCToBCExchangeRate", "PCToBCExchangeRateDate", "MeterDescription", "ReservationOrderId", "SubscriptionStartDate", "SubscriptionEndDate", "ReferenceId", "ProductQualifiers", "PromotionId", "ProductCategory"]  # fmt: skip
    rows = [head]
    blocks = vlines_by_client(case, rng)
    repeat_at = max(1, len(blocks) // 2)
    for bi, (c, ls) in enumerate(blocks):
        if bi == repeat_at:
            rows.append(head)
        country = (
            "IE"
            if any(
                t in c["canonical"]
                for t in ("Coláiste", "Gaelscoil", "Scoil", "National School", "RCN")
            )
            else "GB"
        )
        for v in ls:
            p = BY_KEY[v.product]
            pid, _, sku = p.code.partition(":")
            eff = vunit(v)
            lst = (eff * D("1.0417")).quantize(D("0.01")) if rng.random() < 0.4 else eff
            sub = eff * v.qty
            ct = (
                "removeQuantity"
                if v.role == "credit"
                else rng.choice(["cycleCharge", "CycleCharge", "cyclecharge", "renew"])
            )
            qty = f"'{v.qty}.000000000000000000" if rng.random() < 0.15 else str(v.qty)
            term = (
                "One-Year commitment for yearly billing"
                if v.yearly
                else (
                    "One-Month commitment for monthly billing"
                    if v.sub == 2
                    else "One-Year commitment for monthly billing"
                )
            )
            tax = (sub * D("0.2")).quantize(D("0.01"))
            rows.append([
                "5f1a2b3c-0000-4000-8000-000000000001", f"c{c['id']:05d}-7d1e-4c2a-9b0f-{c['id']:012d}", c["canonical"], c["domain"], country,
                "G041234567", "6123456", "", f"ord{c['id']:05d}{v.sub}", "2025-09-01T00:00:00", pid, sku or "0001", "CFQ7TTC0AV" + (sku or "01"),
                p.name, p.name, ct, f2(lst), qty, f2(sub), f2(tax), f2(sub + tax), case.currency, "", p.maker,
                "", p.name, sub_id(v, c), "2026-11-01T00:00:00", "2026-11-30T00:00:00", term, f2(eff), "Licenses", "",
                qty, "Annual" if v.yearly else "Monthly", case.currency, "1", "2026-11-01T00:00:00", "", "",
                "2025-09-01T00:00:00", "2026-08-31T00:00:00", "", "", "", "Education" if p.kind == "edu" else "",
            ])  # fmt: skip
            v.row = len(rows)
    return write_csv(folder, "Reconciliation_G041234567_NCE.csv", rows, bom=True)


def v_pc_legacy(case, folder, rng):
    head = ["PartnerId", "CustomerId", "CustomerName", "MpnId", "ResellerMpnId", "OrderId", "SubscriptionId", "SyndicationPartnerSubscriptionNumber", "OfferId", "DurableOfferId", "OfferName", "SubscriptionStartDate", "SubscriptionEndDate", "ChargeStartDate", "ChargeEndDate", "ChargeType", "UnitPrice", "Quantity", "Amount", "TotalOtherDiscount", "Subtotal", "Tax", "TotalForCustomer", "Currency", "DomainName", "SubscriptionName", "SubscriptionDescription", "BillingCycleType"]  # fmt: skip
    rows = [head]
    for c, ls in vlines_by_client(case, rng):
        for v in ls:
            p = BY_KEY[v.product]
            cost = vunit(v)
            lst = (cost * D(rng.choice(["1", "1.05", "1.1", "1.15"]))).quantize(D("0.01"))
            amount = lst * v.qty
            sub = cost * v.qty
            tax = (sub * D("0.23")).quantize(D("0.01"))
            rows.append([
                "9d8c7b6a-0000-4000-8000-000000000002", f"{c['id']:08d}-aaaa-4bbb-8ccc-{c['id']:012d}", c["canonical"], "7012345", "",
                f"O{c['id']:06d}{v.sub}", sub_id(v, c), "", p.code.split(":")[0], p.code.split(":")[0] + "-DUR", p.name,
                "01/09/2025", "31/08/2026" if not v.yearly else "31/08/2027", "01/11/2026", "30/11/2026",
                "Prorate fees when cancel" if v.role == "credit" else "Cycle fee", f2(lst), str(v.qty), f2(amount),
                f2(amount - sub), f2(sub), f2(tax), f2(sub + tax), case.currency, c["domain"], p.name, p.name,
                "Annual" if v.yearly else "Monthly",
            ])  # fmt: skip
            v.row = len(rows)
    return write_csv(folder, "licence_based_recon_2026-11.csv", rows)


def _pax8_name(p, v):
    if p.maker == "Microsoft":
        return f"{p.name} [NCE]" if not v.yearly else f"{p.name} [NCE] (Annual)"
    return p.name


def v_pax8_portal(case, folder, rng):
    rows = [
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
    ]
    for c, ls in vlines_by_client(case, rng):
        for v in ls:
            p = BY_KEY[v.product]
            cost = vunit(v)
            price = (cost * D("1.25")).quantize(D("0.01"))
            rows.append([
                c["canonical"], f"{100000 + c['id']}", "credits" if v.role == "credit" else "subscription", _pax8_name(p, v),
                "Annual Term - Paid Annually" if v.yearly else ("Monthly Term - Paid Monthly" if v.sub == 2 else "Annual Term - Paid Monthly"),
                f"PX8-{p.code.replace(':', '-')}", str(v.qty), f2(cost), f2(cost * v.qty), f2(price), f2(price * v.qty), f2(cost * v.qty),
                "01/11/2026", "05/11/2026",
            ])  # fmt: skip
            v.row = len(rows)
    return write_csv(folder, "pax8-invoice-INV-UK-0089231.csv", rows)


def v_pax8_api(case, folder, rng):
    rows = [["companyName", "companyId", "externalId", "startPeriod", "endPeriod", "quantity", "unitOfMeasure", "term", "sku", "description", "details", "price", "subTotal", "cost", "costTotal", "total", "productId", "productName", "currencyCode", "subscriptionId", "vendorName", "type"]]  # fmt: skip
    for c, ls in vlines_by_client(case, rng):
        for v in ls:
            p = BY_KEY[v.product]
            cost = vunit(v)
            price = (cost * D("1.2")).quantize(D("0.01"))
            rows.append([
                c["canonical"], f"cmp-{c['id']:05d}", "", "2026-11-01", "2026-11-30", v.qty, "User", "Annual" if v.yearly else "Monthly",
                f"PX8-{p.code.replace(':', '-')}", _pax8_name(p, v), "", num(price), num(price * v.qty), num(cost), num(cost * v.qty),
                num(cost * v.qty), f"prd-{p.key}", _pax8_name(p, v), case.currency, sub_id(v, c), p.maker,
                "credits" if v.role == "credit" else "subscription",
            ])  # fmt: skip
            v.row = len(rows)
    return write_xlsx(folder, "pax8_invoice_items_IE.xlsx", [("invoice-items", rows)])


def v_ingram_ie(case, folder, rng):
    rows = [
        ["Ingram Micro Cloud Marketplace - Billing Statement"],
        [f"Reseller: {MSP} | Statement period: {PERIOD_START} - {PERIOD_END}"],
        [],
        ["End Customer", "Customer Domain", "Subscription ID", "Subscription Name", "Vendor SKU", "Quantity", "Unit Price", "Net Price", "VAT", "Currency", "Billing Period"],
    ]  # fmt: skip
    total = D(0)
    for c, ls in vlines_by_client(case, rng):
        for v in ls:
            p = BY_KEY[v.product]
            cost = vunit(v)
            net = cost * v.qty
            total += net
            lst = (cost * D("1.1")).quantize(D("0.01"))
            rows.append([
                c["canonical"], c["domain"], sub_id(v, c), f"{p.name} ({'Annual' if v.yearly else 'Monthly'} Pre-Paid)",
                f"IE{p.code.replace(':', '')}", v.qty, num(lst), num(net), num((net * D("0.23")).quantize(D("0.01"))), case.currency,
                "01/11/2026-31/10/2027" if v.yearly else "01/11/2026-30/11/2026",
            ])  # fmt: skip
            v.row = len(rows)
    rows.append(["Total", None, None, None, None, None, None, num(total)])
    return write_xlsx(folder, "IM_billing_statement_2026-11.xlsx", [("Billing Statement", rows)])


def v_tdsynnex_uk(case, folder, rng):
    rows = [["Customer Name", "Customer ID", "Subscription ID", "Product Name", "Vendor SKU", "Quantity", "Unit Price", "MSRP", "Extended Price", "VAT (20%)", "Billing Frequency", "Charge Start", "Charge End"]]  # fmt: skip
    for c, ls in vlines_by_client(case, rng):
        for v in ls:
            p = BY_KEY[v.product]
            cost = vunit(v)
            ext = cost * v.qty
            tag = " - NCE" if p.maker == "Microsoft" else ""
            rows.append([
                c["canonical"], f"GB-{700000 + c['id']}", sub_id(v, c), f"{p.name}{tag}", f"GB{p.code.replace(':', '')}",
                str(v.qty), gbp(cost, case.currency), gbp((cost * D("1.2")).quantize(D("0.01")), case.currency), gbp(ext, case.currency),
                gbp((ext * D("0.2")).quantize(D("0.01")), case.currency), "Annual" if v.yearly else "Monthly", "01/11/2026",
                "31/10/2027" if v.yearly else "30/11/2026",
            ])  # fmt: skip
            v.row = len(rows)
    return write_csv(folder, "StreamOne_Ion_Invoice_Lines_UK.csv", rows)


def v_sherweb_uk(case, folder, rng):
    rows = [["Sherweb - Payable charges - November 2026"], [], ["Product", "SKU", "Billing Cycle", "Charge Type", "Period", "Quantity", "Unit Cost", "Amount"]]  # fmt: skip
    grand = D(0)
    for c, ls in vlines_by_client(case, rng):
        rows.append([f"Customer: {c['canonical']}"])
        tot = D(0)
        for v in ls:
            p = BY_KEY[v.product]
            cost = vunit(v)
            amt = cost * v.qty
            tot += amt
            rows.append([
                f"{p.name} - {'Annual' if v.yearly else 'Monthly'}", f"SW-{p.code.replace(':', '-')}", "Yearly" if v.yearly else "Monthly",
                "Credit" if v.role == "credit" else "Recurring", "Nov 1, 2026 - Nov 30, 2026", v.qty, num(cost), num(amt),
            ])  # fmt: skip
            v.row = len(rows)
        rows.append([f"Total {c['canonical']}", None, None, None, None, None, None, num(tot)])
        grand += tot
    rows.append(["Grand Total", None, None, None, None, None, None, num(grand)])
    return write_xlsx(folder, "Sherweb_payables_2026-11.xlsx", [("Charges", rows)])


def v_cloudmore_uk(case, folder, rng):
    rows = [["Billing Date", "Service Name", "Broker Name", "Organization Name", "Customer Number", "Product Name", "Item Code", "Quantity", "Unit Cost Price", "Unit Sales Price", "Total Cost", "Total Sales", "Margin Amount", "Margin Percentage", "Currency Code", "Product ID", "Payment Frequency"]]  # fmt: skip
    for c, ls in vlines_by_client(case, rng):
        for v in ls:
            p = BY_KEY[v.product]
            cost = vunit(v)
            sale = (cost * D("1.3")).quantize(D("0.01"))
            tc, ts = cost * v.qty, sale * v.qty
            mp = "" if ts == 0 else f"{((ts - tc) / ts * 100).quantize(D('0.01'))}"
            rows.append([
                "2026-11-01", "Microsoft CSP" if p.maker == "Microsoft" else f"{p.maker} Marketplace", MSP, c["canonical"],
                f"CM{30000 + c['id']}", p.name, p.code, str(v.qty), f2(cost), f2(sale), f2(tc), f2(ts), f2(ts - tc), mp,
                case.currency, p.key.upper(), "Annually" if v.yearly else "Monthly",
            ])  # fmt: skip
            v.row = len(rows)
    return write_csv(folder, "cloudmore_general_billing_2026-11.csv", rows, delimiter=",", bom=True)


# ------------------------------------------------------------------ PSA formats
def pcode(p):
    if p.product is None:
        return "SVC-MANAGED"
    k = BY_KEY[p.product].kind
    return {"edu": "LIC-MS-EDU", "npo": "LIC-MS-CHARITY", "com": "LIC-MS", "3p": "LIC-3RDPARTY"}[k]


def _price(p):
    return p.unit * 12 if p.yearly else p.unit


def p_cw_additions(case, folder, rng):
    rows = [["Company Name", "Agreement Name", "Agreement Type", "Sequence", "Effective", "Cancelled", "Product ID", "Description", "Quantity", "Less Included", "Price", "Ext Price", "Bill", "Addition Status", "Cost", "Ext Cost"]]  # fmt: skip
    for c, ls in plines_by_client(case, rng, lambda p: True):
        for i, p in enumerate(ls):
            li = 0
            if p.role == "licence" and p.qty >= 1 and rng.random() < 0.1:
                li = rng.randint(1, 3)
                p.classes.append("cw_included_seats_deducted")
            p.less_included = 0  # billed seats stay p.qty
            q = p.qty + li
            cancelled = p.role == "not_billed"
            rows.append([
                c["psa_name"], f"{c['psa_name']} - Managed Licences", "Managed Services", i + 1, "01/09/2025",
                "31/10/2026" if cancelled else None, pcode(p), p.text, q, li, num(p.unit), num(p.unit * p.qty),
                "Billable", "Cancelled" if cancelled else "Active", None, None,
            ])  # fmt: skip
            p.row = len(rows)
    return write_xlsx(folder, "agreement_additions_export.xlsx", [("Additions", rows)])


def p_cw_api(case, folder, rng):
    rows = [["id", "company", "agreementName", "product", "description", "quantity", "lessIncluded", "unitPrice", "unitCost", "extPrice", "billCustomer", "effectiveDate", "cancelledDate", "agreementStatus"]]  # fmt: skip
    n = 4000
    for c, ls in plines_by_client(case, rng, lambda p: True):
        for p in ls:
            n += 1
            li = 0
            if p.role == "licence" and rng.random() < 0.08:
                li = rng.randint(1, 2)
                p.classes.append("cw_included_seats_deducted")
            rows.append([
                n, c["psa_name"], "Licences & Support", pcode(p), p.text, p.qty + li, li, f2(p.unit), "", f2(p.unit * p.qty),
                "Billable", "2025-09-01T00:00:00Z", "2026-10-31T00:00:00Z" if p.role == "not_billed" else "", "Active",
            ])  # fmt: skip
            p.row = len(rows)
    return write_csv(folder, "cw_agreement_additions_api.csv", rows)


def p_autotask(case, folder, rng):
    rows = [["Account Name", "Contract Name", "Service Name", "Period Type", "Units", "Unit Price", "Unit Cost", "Adjusted Price", "Start Date", "End Date"]]  # fmt: skip
    total = D(0)
    for c, ls in plines_by_client(case, rng, lambda p: True):
        for p in ls:
            p.yearly = p.yearly_pref
            if p.yearly:
                p.classes.append("psa_billed_per_year")
            price = _price(p)
            adj = price * p.qty
            total += adj
            rows.append([
                c["psa_name"], "Recurring Services 2026/27", p.text, "Yearly" if p.yearly else "Monthly", p.qty, f2(price), "",
                f2(adj), "01/09/2025", "31/10/2026" if p.role == "not_billed" else "",
            ])  # fmt: skip
            p.row = len(rows)
    rows.append(["Total", "", "", "", "", "", "", f2(total), "", ""])
    return write_csv(folder, "contract_services_report.csv", rows)


GENERIC = [
    "Licence subscription",
    "Per user licence - $STARTDATE to $ENDDATE",
    "Cloud subscription $MONTH",
    "Recurring charge",
]


def p_halo(case, folder, rng):
    rows = [["Recurring Invoice Lines"], ["Run 01/11/2026 06:00 by finance@harbourlane.co.uk"], [], ["Client", "Site", "Recurring Invoice", "Item", "Description", "Quantity", "Unit Price", "Net Amount", "Schedule", "Active"]]  # fmt: skip
    for c, ls in plines_by_client(case, rng, lambda p: True):
        for p in ls:
            p.yearly = p.yearly_pref
            if p.yearly:
                p.classes.append("psa_billed_per_year")
            price = _price(p)
            rows.append([
                c["psa_name"], "Main Site", f"RI-{2000 + c['id']}", p.text, rng.choice(GENERIC), p.qty, num(price), num(price * p.qty),
                "Yearly" if p.yearly else "Monthly", "No" if p.role == "not_billed" else "Yes",
            ])  # fmt: skip
            p.row = len(rows)
    return write_xlsx(folder, "halo_recurring_invoice_lines.xlsx", [("Recurring Lines", rows)])


def p_syncro(case, folder, rng):
    rows = [["customer_business_name", "schedule_name", "frequency", "next_run", "paused", "name", "description", "quantity", "retail_cents", "taxable"]]  # fmt: skip
    for c, ls in plines_by_client(case, rng, lambda p: True):
        for p in ls:
            p.yearly = p.yearly_pref
            if p.yearly:
                p.classes.append("psa_billed_per_year")
            cents = int(_price(p) * 100)
            rows.append([
                c["psa_name"], "Annual licences" if p.yearly else "Monthly licences", "Annually" if p.yearly else "Monthly",
                "2026-12-01", "true" if p.role == "not_billed" else "false", p.text,
                rng.choice(["User licence", "Cloud subscription", "Per device", "Subscription"]), p.qty, cents, "true",
            ])  # fmt: skip
            p.row = len(rows)
    return write_csv(folder, "syncro_recurring_schedule_items.csv", rows)


def p_bms(case, folder, rng):
    rows = [["Account Name", "Contract", "Service", "Description", "Quantity", "Rate", "Extended Amount", "Frequency", "Start Date", "End Date", "Status"]]  # fmt: skip
    for c, ls in plines_by_client(case, rng, lambda p: True):
        for p in ls:
            p.yearly = p.yearly_pref
            if p.yearly:
                p.classes.append("psa_billed_per_year")
            price = _price(p)
            nb = p.role == "not_billed"
            rows.append([
                c["psa_name"], "MSA-2026", p.text, "Recurring service", p.qty, f2(price), f2(price * p.qty),
                "Annually" if p.yearly else "Monthly", "2025-09-01", "2026-10-31" if nb else "", "Inactive" if nb else "Active",
            ])  # fmt: skip
            p.row = len(rows)
    return write_csv(folder, "bms_recurring_services.csv", rows)


def _disc(unit, rng):
    opts = []
    for d in ("50", "25", "20", "12.5", "10"):
        lst = unit / (1 - D(d) / 100)
        if lst == lst.quantize(D("0.01")):
            opts.append((D(d), lst.quantize(D("0.01"))))
    return opts[rng.randrange(len(opts))] if opts else None


def p_xero(case, folder, rng):
    rows = [["*ContactName", "EmailAddress", "*InvoiceNumber", "Reference", "*InvoiceDate", "*DueDate", "InventoryItemCode", "*Description", "*Quantity", "*UnitAmount", "Discount", "*AccountCode", "*TaxType", "TaxAmount", "Currency"]]  # fmt: skip
    tax = "20% (VAT on Income)" if case.currency == "GBP" else "23% (VAT on Income)"
    for c, ls in plines_by_client(case, rng, lambda p: p.role != "not_billed"):
        inv = f"INV-{26000 + c['id']}"
        for p in ls:
            unit, disc = p.unit, ""
            if p.role == "licence" and p.unit > 0 and rng.random() < 0.15:
                d = _disc(p.unit, rng)
                if d:
                    disc, unit = f"{d[0]}", d[1]
                    p.discount, p.list_unit = d[0], d[1]
                    p.classes.append("charity_discount_percent_line")
            rows.append([
                c["psa_name"], "", inv, "Nov 2026", "01/11/2026", "30/11/2026", pcode(p), p.text, f"{p.qty}", f2(unit), disc,
                "200", tax, "", case.currency,
            ])  # fmt: skip
            p.row = len(rows)
    return write_csv(folder, "SalesInvoices_Nov2026.csv", rows)


def p_qbo(case, folder, rng):
    rows = [[MSP], ["Sales by Customer Detail"], ["November 2026"], [], [None, "Date", "Transaction Type", "No.", "Product/Service", "Memo/Description", "Qty", "Sales Price", "Amount", "Balance"]]  # fmt: skip
    grand = D(0)
    n = 1400
    for c, ls in plines_by_client(case, rng, lambda p: p.role != "not_billed"):
        rows.append([c["psa_name"]])
        bal = D(0)
        n += 1
        for p in ls:
            amt = p.unit * p.qty
            bal += amt
            rows.append([None, "01/11/2026", "Invoice", str(n), p.text, rng.choice(["Monthly licence", "Nov 2026", "Recurring"]), p.qty, num(p.unit), num(amt), num(bal)])  # fmt: skip
            p.row = len(rows)
        rows.append(
            [f"Total for {c['psa_name']}", None, None, None, None, None, None, None, num(bal)]
        )
        grand += bal
    rows.append(["TOTAL", None, None, None, None, None, None, None, num(grand)])
    return write_xlsx(folder, "Sales_by_Customer_Detail.xlsx", [("Sales by Customer Detail", rows)])


VENDORS = {
    "pc_nce_recon_ukpartner_apostrophe_csv": (v_pc_nce, "GBP"),
    "pc_legacy_licence_ie_charity_eur_csv": (v_pc_legacy, "EUR"),
    "pax8_uk_portal_invoice_termdetail_csv": (v_pax8_portal, "GBP"),
    "pax8_api_items_ie_camel_xlsx": (v_pax8_api, "EUR"),
    "ingram_cm_ie_statement_netprice_xlsx": (v_ingram_ie, "EUR"),
    "tdsynnex_ion_uk_pound_text_csv": (v_tdsynnex_uk, "GBP"),
    "sherweb_uk_payables_customer_blocks_xlsx": (v_sherweb_uk, "GBP"),
    "cloudmore_uk_general_billing_bom_csv": (v_cloudmore_uk, "GBP"),
}
PSAS = {
    "cw_additions_uk_lessincl_cancelled_xlsx": p_cw_additions,
    "cw_api_additions_cancel_by_date_csv": p_cw_api,
    "autotask_services_uk_yearly_total_csv": p_autotask,
    "halo_recurring_uk_title_active_xlsx": p_halo,
    "syncro_schedule_pence_paused_gb_csv": p_syncro,
    "kaseya_bms_services_uk_inactive_csv": p_bms,
    "xero_uk_invoices_charity_discount_csv": p_xero,
    "qbo_uk_sales_customer_groups_xlsx": p_qbo,
}
