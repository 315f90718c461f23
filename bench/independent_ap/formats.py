"""Eight vendor and eight PSA / accounting export layouts for set AP (UK and Irish MSPs)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from fractions import Fraction as F

import openpyxl

from .catalog import BY_KEY
from .scenario import half_up
from .spell import fmt_num, thou

START, END = dt.datetime(2026, 11, 1), dt.datetime(2026, 11, 30)
DMY, DMY_END = "01/11/2026", "30/11/2026"
DMON, DMON_END = "1 Nov 2026", "30 Nov 2026"


def dec(x, lo=2):
    """Exact decimal text with at least `lo` places."""
    s = fmt_num(x)
    whole, _, d = s.partition(".")
    return whole + "." + d.ljust(lo, "0")


def total(line):
    return half_up(line.qty * line.unit)


def cur(c):
    return "£" if c == "GBP" else "€"


def vat(c):
    return F(20, 100) if c == "GBP" else F(23, 100)


def sym(x, c, thousands=True):
    x = F(x)
    neg = x < 0
    s = dec(abs(x))
    if thousands:
        w, _, d = s.partition(".")
        s = f"{int(w):,}.{d}"
    return ("-" if neg else "") + cur(c) + s


def num(x):
    return float(F(x))


def write_csv(path, rows, delim=",", bom=False, quote=csv.QUOTE_MINIMAL, enc="utf-8"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, quoting=quote, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    data = buf.getvalue()
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode(enc))


def write_xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)


def by_client(case, lines, key):
    names = {c["id"]: key(c) for c in case.clients}
    order = sorted({ln.cid for ln in lines}, key=lambda i: (names[i].lower(), i))
    groups = {i: [] for i in order}
    for ln in lines:
        groups[ln.cid].append(ln)
    return [(i, names[i], groups[i]) for i in order]


# ------------------------------------------------------------------ vendor spellings
def vendor_unit(v, style):
    """(description, unit of measure) as the vendor writes its own line."""
    p = BY_KEY[v.product]
    k = v.k
    n = p.vendor_name
    kk = fmt_num(k)
    if style == "pc":
        uom = {"GB": "1 GB", "TB": f"{kk} TB"}.get(p.base, "Licenses")
        if p.kind == "usage":
            uom = "1 GB/Month"
        if p.kind == "pack":
            uom = f"{kk} Pack"
        return n, uom
    if style == "pax8":
        if p.kind == "usage":
            return n, "Per GB"
        if p.base in ("GB", "TB"):
            return n, f"Per {p.base}" if k == 1 else f"Per {kk} {p.base}"
        noun = {
            "user": "User",
            "device": "Device",
            "server": "Server",
            "machine": "Machine",
            "number": "Number",
            "channel": "Channel",
            "room": "Room",
            "cloud PC": "Cloud PC",
        }[p.base]
        return n, f"Per {noun}" if k == 1 else f"Per {kk} {noun}s"
    if style == "westcoast":
        if p.kind == "usage":
            return n, "GB/Month"
        if p.base in ("GB", "TB"):
            return n, p.base if k == 1 else f"{kk} {p.base} Block"
        return n, "Licence" if k == 1 else f"Box ({kk})"
    if style == "exertis":
        if p.kind == "usage":
            return n + " (per GB)", ""
        if p.base == "GB":
            return n + " (per GB)", ""
        if p.base == "TB":
            return f"{n} {kk}TB", ""
        return (n if k == 1 else f"{n} {kk}pk"), ""
    if style == "arrow":
        if p.kind == "usage":
            return n, "GB-month"
        if p.base in ("GB", "TB"):
            return n, p.base if k == 1 else f"{kk} {p.base}"
        return n, "Unit" if k == 1 else f"Pack ({kk})"
    if style == "crayon":
        if p.kind == "usage":
            return n, "GB"
        if p.base in ("GB", "TB"):
            return n, p.base if k == 1 else f"{kk} {p.base}"
        return n, "Licence" if k == 1 else f"{kk}-pack"
    if style == "ingram":
        if p.vendor_code.startswith("CFQ"):
            n = n + " (Monthly Pre-Paid)"
        if p.kind == "usage":
            return n, "GB"
        if p.base in ("GB", "TB"):
            return n, p.base if k == 1 else f"{kk} {p.base} Block"
        return n, "Each" if k == 1 else f"{kk} Pack"
    if style == "exclusive":
        if p.kind == "usage":
            return n + " - per GB (Monthly)", ""
        if p.base in ("GB", "TB"):
            return (
                f"{n} - per {p.base} (Monthly)"
                if k == 1
                else f"{n} - {kk} {p.base} Block (Monthly)"
            ), ""
        return (f"{n} (Monthly)" if k == 1 else f"{n} - {kk} Pack (Monthly)"), ""
    raise ValueError(style)


def _vlines_sorted(case):
    return by_client(case, case.vlines, lambda c: c["canonical"])


def _dom(c):
    base = "".join(ch for ch in c["canonical"].lower() if ch.isalnum())[:14]
    return f"{base}.onmicrosoft.com"


def v_pc(case, folder, rng):
    hdr = [
        "PartnerId",
        "CustomerId",
        "CustomerName",
        "CustomerDomainName",
        "CustomerCountry",
        "InvoiceNumber",
        "MpnId",
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
        "PublisherName",
        "SubscriptionDescription",
        "SubscriptionId",
        "ChargeStartDate",
        "ChargeEndDate",
        "TermAndBillingCycle",
        "EffectiveUnitPrice",
        "UnitType",
        "BillableQuantity",
        "BillingFrequency",
        "PricingCurrency",
        "PCToBCExchangeRate",
    ]
    rows = [hdr]
    byid = {c["id"]: c for c in case.clients}
    for cid, name, lines in _vlines_sorted(case):
        c = byid[cid]
        for v in lines:
            p = BY_KEY[v.product]
            v.text, v.uom = vendor_unit(v, "pc")
            pid, sku = (p.vendor_code.split(":") + ["0001"])[:2]
            sub = total(v)
            tax = half_up(F(sub) * vat(case.currency))
            ct = (
                "removeQuantity"
                if v.role == "credit"
                else rng.choice(["cycleCharge", "cycleCharge", "renew", "CycleCharge"])
            )
            rows.append(
                [
                    "4f1c0b6e-22d1-4a7c-9a0e-6b1d2c3e4f50",
                    f"c0ffee00-0000-4000-8000-{cid:012d}",
                    name,
                    _dom(c),
                    c["country"],
                    "G093847562",
                    "6543210",
                    f"{v.sub}",
                    "2026-10-02T09:14:07Z",
                    pid,
                    sku,
                    "0000B1CB0680",
                    p.vendor_name,
                    v.text,
                    ct,
                    dec(v.unit, 4),
                    fmt_num(v.qty),
                    dec(F(sub)),
                    dec(F(tax)),
                    dec(F(sub) + F(tax)),
                    case.currency,
                    p.maker + (" Corporation" if p.maker == "Microsoft" else ""),
                    v.text,
                    f"5b7e{v.sub}",
                    "2026-11-01T00:00:00Z",
                    "2026-11-30T00:00:00Z",
                    "One-Month commitment for monthly billing",
                    dec(v.unit, 4),
                    v.uom,
                    fmt_num(v.qty),
                    "Monthly",
                    case.currency,
                    "1",
                ]
            )
            v.row = len(rows)
    fn = "ReconLineItems_NCE_G093847562.csv"
    write_csv(folder / fn, rows, bom=True)
    return fn, None


def v_pax8(case, folder, rng):
    hdr = [
        "company_name",
        "company_id",
        "type",
        "description",
        "details",
        "sku",
        "unit_of_measure",
        "quantity",
        "cost",
        "cost_total",
        "price",
        "subtotal",
        "partner_subtotal",
        "start_period",
        "end_period",
        "invoice_date",
        "currency_code",
    ]
    rows = [hdr]
    for cid, name, lines in _vlines_sorted(case):
        for v in lines:
            p = BY_KEY[v.product]
            v.text, v.uom = vendor_unit(v, "pax8")
            t = total(v)
            price = v.unit * F(6, 5)
            rows.append(
                [
                    name,
                    f"{cid + 31000}",
                    "credits" if v.role == "credit" else "subscription",
                    v.text,
                    "Monthly Term - Paid Monthly",
                    p.vendor_code.replace(":", "-"),
                    v.uom,
                    fmt_num(v.qty),
                    dec(v.unit, 2),
                    dec(F(t)),
                    dec(price, 2),
                    dec(F(half_up(v.qty * price))),
                    dec(F(t)),
                    "2026-11-01",
                    "2026-11-30",
                    "2026-11-01",
                    case.currency,
                ]
            )
            v.row = len(rows)
    fn = "pax8-invoice-2026-11.csv"
    write_csv(folder / fn, rows)
    return fn, None


def v_westcoast(case, folder, rng):
    rows = [
        ["Westcoast Cloud - Monthly Billing Statement"],
        [f"Billing period: {DMY} - {DMY_END}"],
        [],
        [
            "Customer Ref",
            "Subscription",
            "Vendor SKU",
            "Description",
            "UOM",
            "Qty",
            "Unit Price (ex VAT)",
            "Line Total (ex VAT)",
            f"VAT {int(vat(case.currency) * 100)}%",
        ],
    ]
    grand = F(0)
    for cid, name, lines in _vlines_sorted(case):
        rows.append([f"Customer: {name}"])
        sub = F(0)
        for v in lines:
            p = BY_KEY[v.product]
            v.text, v.uom = vendor_unit(v, "westcoast")
            t = F(total(v))
            sub += t
            rows.append(
                [
                    f"WC{cid + 5000}",
                    v.sub,
                    p.vendor_code,
                    v.text,
                    v.uom,
                    num(v.qty),
                    num(v.unit),
                    num(t),
                    num(half_up(t * vat(case.currency))),
                ]
            )
            v.row = len(rows)
        rows.append([f"Sub-total {name}", None, None, None, None, None, None, num(sub)])
        grand += sub
    rows.append(["Statement total", None, None, None, None, None, None, num(grand)])
    fn = "Westcoast_Cloud_Statement_Nov2026.xlsx"
    write_xlsx(folder / fn, [("Statement", rows)])
    return fn, "Statement"


def v_exertis(case, folder, rng):
    hdr = [
        "Invoice No",
        "Invoice Date",
        "Account",
        "End Customer",
        "Part No",
        "Description",
        "Qty",
        "Unit Price",
        "Net",
        "VAT Rate",
        "VAT",
        "Gross",
    ]
    rows = [hdr]
    for cid, name, lines in _vlines_sorted(case):
        for v in lines:
            p = BY_KEY[v.product]
            v.text, v.uom = vendor_unit(v, "exertis")
            t = F(total(v))
            tx = F(half_up(t * vat(case.currency)))
            rows.append(
                [
                    "CN-884211" if v.role == "credit" else "INV-884210",
                    DMON,
                    "EXR-40917",
                    name,
                    p.vendor_code.split(":")[0] + (f"-{fmt_num(v.k)}" if v.k != 1 else ""),
                    v.text,
                    thou(v.qty),
                    sym(v.unit, case.currency),
                    sym(t, case.currency),
                    f"{int(vat(case.currency) * 100)}%",
                    sym(tx, case.currency),
                    sym(t + tx, case.currency),
                ]
            )
            v.row = len(rows)
    fn = "exertis_invoice_detail_Nov-2026.csv"
    write_csv(folder / fn, rows, quote=csv.QUOTE_ALL)
    return fn, None


def v_arrow(case, folder, rng):
    rows = [
        ["ArrowSphere Consumption Report"],
        ["Period", "2026-11"],
        [],
        [
            "End Customer",
            "Customer Ref",
            "Vendor",
            "Offer",
            "SKU",
            "Unit",
            "Quantity",
            "Unit Buy Price",
            "Total Buy Price",
            "Unit Retail Price",
            "Currency",
            "From",
            "To",
        ],
    ]
    grand = F(0)
    for cid, name, lines in _vlines_sorted(case):
        for v in lines:
            p = BY_KEY[v.product]
            v.text, v.uom = vendor_unit(v, "arrow")
            t = F(total(v))
            grand += t
            rows.append(
                [
                    name,
                    f"XSP{cid + 120000}",
                    p.maker,
                    v.text,
                    p.vendor_code,
                    v.uom,
                    fmt_num(v.qty),
                    dec(v.unit, 2),
                    dec(t),
                    dec(v.unit * F(5, 4), 2),
                    case.currency,
                    DMY,
                    DMY_END,
                ]
            )
            v.row = len(rows)
    rows.append(["TOTAL", "", "", "", "", "", "", "", dec(grand), "", case.currency, "", ""])
    fn = "arrowsphere_consumption_2026-11.csv"
    write_csv(folder / fn, rows)
    return fn, None


def v_crayon(case, folder, rng):
    rows = [
        [
            "Customer",
            "Invoice profile",
            "Product name",
            "Part number",
            "Unit",
            "Quantity",
            "Unit price",
            "Total price",
            "Period from",
            "Period to",
            "Currency",
        ]
    ]
    grand = F(0)
    for cid, name, lines in _vlines_sorted(case):
        for v in lines:
            p = BY_KEY[v.product]
            v.text, v.uom = vendor_unit(v, "crayon")
            t = F(total(v))
            grand += t
            rows.append(
                [
                    name,
                    "Default",
                    v.text,
                    p.vendor_code,
                    v.uom,
                    num(v.qty),
                    num(v.unit),
                    num(t),
                    START,
                    END,
                    case.currency,
                ]
            )
            v.row = len(rows)
    summary = [
        ["Crayon Ltd - Invoice summary"],
        ["Invoice", "UK-INV-2611-0042"],
        ["Total (ex VAT)", num(grand)],
        ["Currency", case.currency],
    ]
    fn = "Crayon_Invoice_UK-INV-2611-0042.xlsx"
    write_xlsx(folder / fn, [("Summary", summary), ("Invoice specification", rows)])
    return fn, "Invoice specification"


def v_ingram(case, folder, rng):
    hdr = [
        "Reseller",
        "End Customer",
        "Subscription ID",
        "Product Name",
        "MPN",
        "Unit of Measure",
        "Quantity",
        "Unit Price",
        "Net Price",
        "VAT",
        "Currency",
        "Charge Type",
        "Charge Start",
        "Charge End",
    ]
    rows = [hdr]
    for cid, name, lines in _vlines_sorted(case):
        for v in lines:
            p = BY_KEY[v.product]
            v.text, v.uom = vendor_unit(v, "ingram")
            t = F(total(v))
            rows.append(
                [
                    "Northway IT Services Ltd",
                    name,
                    v.sub,
                    v.text,
                    p.vendor_code,
                    v.uom,
                    fmt_num(v.qty),
                    dec(v.unit, 2),
                    dec(t),
                    dec(F(half_up(t * vat(case.currency)))),
                    case.currency,
                    "Credit" if v.role == "credit" else "Recurring",
                    DMY,
                    DMY_END,
                ]
            )
            v.row = len(rows)
    fn = "IngramMicro_Marketplace_Charges_202611.csv"
    write_csv(folder / fn, rows)
    return fn, None


def v_exclusive(case, folder, rng):
    rows = [
        ["Exclusive Networks UK - Invoice lines"],
        [],
        [
            "Invoice Number",
            "Invoice Date",
            "Customer Name",
            "Item Code",
            "Item Description",
            "Qty",
            "Price",
            "Extended Price",
        ],
    ]
    grand = F(0)
    for cid, name, lines in _vlines_sorted(case):
        for v in lines:
            p = BY_KEY[v.product]
            v.text, v.uom = vendor_unit(v, "exclusive")
            t = F(total(v))
            grand += t
            code = p.vendor_code.split(":")[0] + (f"-{fmt_num(v.k)}PK" if v.k != 1 else "")
            rows.append(
                [
                    "EXN-2611-7781",
                    "01-Nov-26",
                    name,
                    code,
                    v.text,
                    num(v.qty),
                    num(v.unit),
                    num(t),
                ]
            )
            v.row = len(rows)
    rows.append(["Invoice Total", None, None, None, None, None, None, num(grand)])
    fn = "ExclusiveNetworks_InvoiceLines_EXN-2611-7781.xlsx"
    write_xlsx(folder / fn, [("Invoice Lines", rows)])
    return fn, "Invoice Lines"


# ------------------------------------------------------------------ PSA layouts
def _plines(case):
    return by_client(case, case.plines, lambda c: c["psa_name"])


def _thou_class(pl):
    if pl.qty >= 1000 and "qty_thousands_comma" not in pl.classes:
        pl.classes = pl.classes + ["qty_thousands_comma"]


def p_xero(case, folder, rng):
    hdr = [
        "*ContactName",
        "EmailAddress",
        "InvoiceNumber",
        "Reference",
        "*InvoiceDate",
        "*DueDate",
        "InventoryItemCode",
        "*Description",
        "*Quantity",
        "*UnitAmount",
        "Discount",
        "LineAmount",
        "*AccountCode",
        "*TaxType",
        "Currency",
        "Status",
    ]
    rows = [hdr]
    tax = "20% (VAT on Income)" if case.currency == "GBP" else "23% (VAT on Income)"
    for n, (cid, name, lines) in enumerate(_plines(case)):
        for pl in lines:
            rows.append(
                [
                    name,
                    "",
                    f"INV-{4100 + n}",
                    "Nov 2026 recurring",
                    DMY,
                    "15/11/2026",
                    "",
                    pl.text,
                    fmt_num(pl.qty),
                    dec(pl.unit),
                    "",
                    dec(F(total(pl))),
                    "200",
                    tax,
                    case.currency,
                    "VOIDED" if pl.role == "not_billed" else "AUTHORISED",
                ]
            )
            pl.row = len(rows)
    fn = "Invoices_Export_Nov2026.csv"
    write_csv(folder / fn, rows)
    return fn, None


def p_sage50(case, folder, rng):
    hdr = [
        "A/C Ref",
        "Account Name",
        "Inv No.",
        "Date",
        "Stock Code",
        "Description",
        "Unit of Sale",
        "Qty",
        "Unit Price",
        "Discount %",
        "Net",
        "T/C",
        "VAT",
        "Status",
    ]
    rows = [hdr]
    for n, (cid, name, lines) in enumerate(_plines(case)):
        ref = "".join(ch for ch in name.upper() if ch.isalpha())[:6] + f"{cid % 100:02d}"
        for pl in lines:
            t = F(total(pl))
            rows.append(
                [
                    ref,
                    name,
                    21000 + n,
                    START,
                    f"LIC{cid % 97:02d}",
                    pl.text,
                    pl.uom,
                    num(pl.qty),
                    num(pl.unit),
                    0,
                    num(t),
                    "T1",
                    num(half_up(t * vat(case.currency))),
                    "Cancelled" if pl.role == "not_billed" else "Posted",
                ]
            )
            pl.row = len(rows)
    fn = "Sage50_Invoice_Items_Nov2026.xlsx"
    write_xlsx(folder / fn, [("Invoice Items", rows)])
    return fn, "Invoice Items"


def _category(pl):
    if pl.role == "service":
        return "Services"
    p = BY_KEY[pl.product]
    if p.kind in ("gb", "tb", "usage"):
        return "Backup & Storage"
    if p.maker in ("Sophos", "ESET", "Hornetsecurity"):
        return "Security"
    if p.maker == "Gamma" or p.key in ("tps", "dcp"):
        return "Telephony"
    return "Cloud Licences"


def p_qbo(case, folder, rng):
    rows = [
        ["Northway IT Services Ltd"],
        ["Sales by Customer Detail"],
        ["November 2026"],
        [],
        [
            "",
            "Date",
            "Transaction Type",
            "No.",
            "Product/Service",
            "Memo/Description",
            "Qty",
            "Sales Price",
            "Amount",
            "Balance",
        ],
    ]
    grand = F(0)
    for n, (cid, name, lines) in enumerate(_plines(case)):
        rows.append([name])
        bal = F(0)
        for pl in lines:
            voided = pl.role == "not_billed"
            if voided:
                pl.qty = F(0)
            t = F(total(pl))
            bal += t
            rows.append(
                [
                    "",
                    START,
                    "Invoice",
                    str(7300 + n),
                    _category(pl),
                    pl.text + (" (Voided)" if voided else ""),
                    num(pl.qty),
                    num(pl.unit),
                    num(t),
                    num(bal),
                ]
            )
            pl.row = len(rows)
        rows.append([f"Total for {name}", None, None, None, None, None, None, None, num(bal)])
        grand += bal
    rows.append(["TOTAL", None, None, None, None, None, None, None, num(grand)])
    rows.append([])
    rows.append(["Accrual basis"])
    fn = "Sales_by_Customer_Detail_Nov2026.xlsx"
    write_xlsx(folder / fn, [("Sales by Customer Detail", rows)])
    return fn, "Sales by Customer Detail"


def p_freeagent(case, folder, rng):
    hdr = [
        "Contact",
        "Invoice Reference",
        "Dated On",
        "Status",
        "Item Type",
        "Quantity",
        "Description",
        "Price",
        "Sales Tax Rate",
        "Item Total",
    ]
    rows = [hdr]
    rate = "20.0" if case.currency == "GBP" else "23.0"
    for n, (cid, name, lines) in enumerate(_plines(case)):
        for pl in lines:
            it = "Products"
            if pl.role == "service":
                it = "Hours" if "hr" in pl.text else "Services"
            rows.append(
                [
                    name,
                    f"NWY-{2600 + n:05d}",
                    DMY,
                    "Cancelled" if pl.role == "not_billed" else "Sent",
                    it,
                    fmt_num(pl.qty),
                    pl.text,
                    dec(pl.unit),
                    rate,
                    dec(F(total(pl))),
                ]
            )
            pl.row = len(rows)
    fn = "freeagent_invoice_items_2026-11.csv"
    write_csv(folder / fn, rows)
    return fn, None


def p_halo(case, folder, rng):
    rows = [
        ["Recurring Invoices - Lines"],
        [f"Generated {DMY}"],
        [
            "Client",
            "Site",
            "Invoice ID",
            "Item",
            "Long Description",
            "Quantity",
            "Unit Price",
            "Net Amount",
            "Tax Code",
            "Active",
        ],
    ]
    for n, (cid, name, lines) in enumerate(_plines(case)):
        for pl in lines:
            rows.append(
                [
                    name,
                    "Head Office",
                    880 + n,
                    pl.text,
                    "Billing period $STARTDATE - $ENDDATE",
                    num(pl.qty),
                    num(pl.unit),
                    num(total(pl)),
                    "VAT 20%" if case.currency == "GBP" else "VAT 23%",
                    "No" if pl.role == "not_billed" else "Yes",
                ]
            )
            pl.row = len(rows)
    fn = "Halo_Recurring_Invoice_Lines.xlsx"
    write_xlsx(folder / fn, [("Recurring Invoice Lines", rows)])
    return fn, "Recurring Invoice Lines"


def p_autotask(case, folder, rng):
    hdr = [
        "Account Name",
        "Contract Name",
        "Service Name",
        "Invoice Description",
        "Units",
        "Unit Price",
        "Extended Price",
        "Start Date",
        "End Date",
        "Status",
    ]
    rows = [hdr]
    grand = F(0)
    for n, (cid, name, lines) in enumerate(_plines(case)):
        for pl in lines:
            t = F(total(pl))
            ended = pl.role == "not_billed"
            if not ended:
                grand += t
            _thou_class(pl)
            rows.append(
                [
                    name,
                    f"{name[:20].strip()} - Managed Services",
                    pl.text,
                    "Monthly recurring",
                    dec(pl.qty) if pl.qty < 1000 else f"{thou(pl.qty)}",
                    dec(pl.unit),
                    dec(t),
                    "01/04/2026",
                    "31/10/2026" if ended else "",
                    "Inactive" if ended else "Active",
                ]
            )
            pl.row = len(rows)
    rows.append(["Total", "", "", "", "", "", dec(grand), "", "", ""])
    fn = "Contract_Services_Export.csv"
    write_csv(folder / fn, rows)
    return fn, None


def p_cwm(case, folder, rng):
    hdr = [
        "Company",
        "Agreement",
        "Product ID",
        "Description",
        "UOM",
        "Quantity",
        "Less Included",
        "Price",
        "Ext Price",
        "Effective",
        "Cancelled",
        "Addition Status",
    ]
    rows = [hdr]
    for n, (cid, name, lines) in enumerate(_plines(case)):
        for pl in lines:
            c = pl.role == "not_billed"
            rows.append(
                [
                    name,
                    "Managed Cloud",
                    f"LIC-{(pl.product or 'SVC').upper()}",
                    pl.text,
                    pl.uom,
                    num(pl.qty),
                    0,
                    num(pl.unit),
                    num(total(pl)),
                    dt.datetime(2026, 4, 1),
                    dt.datetime(2026, 10, 31) if c else None,
                    "Cancelled" if c else "Active",
                ]
            )
            pl.row = len(rows)
    fn = "Agreement_Additions.xlsx"
    write_xlsx(folder / fn, [("Additions", rows)])
    return fn, "Additions"


def p_bms(case, folder, rng):
    hdr = [
        "Account",
        "Contract",
        "Service",
        "Description",
        "UOM",
        "Quantity",
        "Rate",
        "Total",
        "Frequency",
        "Start Date",
        "End Date",
    ]
    rows = [hdr]
    for n, (cid, name, lines) in enumerate(_plines(case)):
        for pl in lines:
            ended = pl.role == "not_billed"
            _thou_class(pl)
            rows.append(
                [
                    name,
                    "Recurring Services",
                    pl.text,
                    "",
                    pl.uom,
                    thou(pl.qty),
                    dec(pl.unit),
                    dec(F(total(pl))),
                    "Monthly",
                    "1 Apr 2026",
                    "31 Oct 2026" if ended else "",
                ]
            )
            pl.row = len(rows)
    fn = "BMS_Recurring_Services.csv"
    write_csv(folder / fn, rows)
    return fn, None


VENDORS = {
    "mspc_nce_recon_ie_eur_unittype_csv": (v_pc, "EUR"),
    "pax8_gb_portal_unit_of_measure_csv": (v_pax8, "GBP"),
    "westcoast_cloud_statement_cust_blocks_xlsx": (v_westcoast, "GBP"),
    "exertis_ie_invoice_detail_euro_text_csv": (v_exertis, "EUR"),
    "arrowsphere_ie_consumption_title_csv": (v_arrow, "EUR"),
    "crayon_gb_invoice_specification_xlsx": (v_crayon, "GBP"),
    "ingram_gb_marketplace_charges_uom_csv": (v_ingram, "GBP"),
    "exclusive_net_gb_invoice_pack_sku_xlsx": (v_exclusive, "GBP"),
}
# writer, has a unit-of-measure column
PSAS = {
    "xero_gb_invoice_export_taxtype_csv": (p_xero, False),
    "sage50_gb_product_invoice_lines_xlsx": (p_sage50, True),
    "qbo_gb_sales_customer_detail_blocks_xlsx": (p_qbo, False),
    "freeagent_invoice_items_csv": (p_freeagent, False),
    "halo_ie_recurring_invoice_title_rows_xlsx": (p_halo, False),
    "autotask_gb_contract_services_units_csv": (p_autotask, False),
    "cwm_gb_agreement_additions_uom_xlsx": (p_cwm, True),
    "kaseya_bms_ie_recurring_services_csv": (p_bms, True),
}
