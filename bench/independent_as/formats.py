"""The 8 vendor and 8 PSA / accounting exports of set AS (writers)."""

from __future__ import annotations

import csv
import io
import unicodedata
from fractions import Fraction

import openpyxl

from .catalog import BY_KEY
from .scenario import money_round

SYM = {
    "USD": ("US$", ""),
    "SGD": ("S$", ""),
    "IDR": ("Rp ", ""),
    "PHP": ("₱", ""),
    "VND": ("", " ₫"),
    "KES": ("KES ", ""),
    "NGN": ("₦", ""),
    "MYR": ("RM ", ""),
}
ZERO_DEC = {"IDR", "VND"}
DOTS = {"IDR", "VND"}


def adp(cur):
    return 0 if cur in ZERO_DEC else 2


def num(x, cur, dots=None, places=None, thou=True, exact=False):
    """Text of a number: amounts rounded to the currency's places; exact=True keeps up to 4 decimals."""
    dots = cur in DOTS if dots is None else dots
    x = Fraction(x)
    if exact:
        pl = places if places is not None else adp(cur)
        while pl < 4 and (x * 10**pl).denominator != 1:
            pl += 1
    else:
        pl = adp(cur) if places is None else places
        x = money_round(x, pl)
    neg = x < 0
    v = abs(x)
    whole = int(v)
    frac = v - whole
    fs = ""
    if pl:
        fs = str(int(frac * 10**pl)).rjust(pl, "0")
    ws = f"{whole:,}" if thou else str(whole)
    if dots:
        ws = ws.replace(",", ".")
    s = ws + (("," if dots else ".") + fs if pl else "")
    return ("-" if neg else "") + s


def money(x, cur, **kw):
    pre, post = SYM[cur]
    s = num(x, cur, **kw)
    neg = s.startswith("-")
    s = s.lstrip("-")
    return ("-" if neg else "") + pre + s + post


def fl(x, places=2):
    """A float for an xlsx cell, rounded half-up."""
    return float(money_round(Fraction(x), places))


def write_csv(folder, name, records, delimiter=",", encoding="utf-8", bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for r in records:
        w.writerow(["" if c is None else c for c in r])
    data = buf.getvalue()
    raw = data.encode(encoding)
    if bom:
        raw = b"\xef\xbb\xbf" + raw
    (folder / name).write_bytes(raw)
    return name


def write_xlsx(folder, name, sheets, fmt_cols=None):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, records, numfmt in sheets:
        ws = wb.create_sheet(title)
        for r in records:
            ws.append(list(r))
        if numfmt:
            for row in ws.iter_rows(min_row=1):
                for c in row:
                    if isinstance(c.value, float):
                        c.number_format = numfmt
    wb.properties.creator = "AS generator"
    import datetime

    wb.properties.created = datetime.datetime(2026, 12, 1, 9, 0, 0)
    wb.properties.modified = datetime.datetime(2026, 12, 1, 9, 0, 0)
    wb.save(folder / name)
    return name


def by_client(case, lines):
    names = {c["id"]: c["canonical"] for c in case.clients}
    order = sorted(range(len(lines)), key=lambda i: (names[lines[i].cid], i))
    return [lines[i] for i in order]


def vunit(v, yearly_ok):
    """(shown unit, yearly shown)"""
    if v.yearly and yearly_ok:
        return v.cost * 12, True
    return v.cost, False


def vclasses(v, shown_yearly):
    c = []
    if shown_yearly:
        c.append("as_vendor_annual_line")
    if v.role == "credit":
        c.append("as_vendor_credit_line")
    return c


# =============================== vendor formats ==================================================
def v_pc(case, folder, rng):
    cols = (
        "PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,InvoiceNumber,MpnId,"
        "ResellerMpnId,OrderId,OrderDate,ProductId,SkuId,AvailabilityId,SkuName,ProductName,ChargeType,"
        "UnitPrice,Quantity,Subtotal,TaxTotal,Total,Currency,PriceAdjustmentDescription,PublisherName,"
        "PublisherId,SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,"
        "TermAndBillingCycle,EffectiveUnitPrice,UnitType,AlternateId,BillableQuantity,BillingFrequency,"
        "PricingCurrency,PCToBCExchangeRate,PCToBCExchangeRateDate,MeterDescription,ReservationOrderId,"
        "SubscriptionStartDate,SubscriptionEndDate,ReferenceId,ProductQualifiers,PromotionId,"
        "ProductCategory"
    ).split(",")
    recs = [cols]
    cmap = {c["id"]: c for c in case.clients}

    def g(v):  # a customer guid from the id
        return f"{(v * 2654435761) % 16**8:08x}-5a1e-4c0d-9b7a-{v:012x}"

    def n(x):  # Excel re-save: no trailing zeros, no apostrophes
        s = num(x, "USD", exact=True, thou=False, places=0)
        return s

    for v in by_client(case, case.vlines):
        cl, p = cmap[v.cid], BY_KEY[v.product]
        unit, yr = vunit(v, True)
        pid, sku = p.pid.split(":")
        lst = unit + (12 if yr else 1) if p.key in ("bp", "m3", "bs") else unit
        ct = (
            "cycleCharge"
            if v.role != "credit"
            else rng.choice(["removeQuantity", "RemoveQuantity"])
        )
        if v.role != "credit" and rng.random() < 0.15:
            ct = rng.choice(["new", "CycleCharge", "renew"])
        sub = v.qty * unit
        rec = {
            "PartnerId": "7d1c2a90-0001-4bb2-8e3a-5e0a11aa0001",
            "CustomerId": g(v.cid),
            "CustomerName": cl["canonical"],
            "CustomerDomainName": cl["domain"],
            "CustomerCountry": cl["country"],
            "InvoiceNumber": "G071234567",
            "MpnId": "6543210",
            "ResellerMpnId": "",
            "OrderId": f"O{v.sub}",
            "OrderDate": "1/11/2026",
            "ProductId": pid,
            "SkuId": sku,
            "AvailabilityId": "CFQ7TTC0ABCD",
            "SkuName": p.name,
            "ProductName": p.name,
            "ChargeType": ct,
            "UnitPrice": n(lst),
            "Quantity": str(v.qty),
            "Subtotal": n(sub),
            "TaxTotal": "0",
            "Total": n(sub),
            "Currency": "USD",
            "PriceAdjustmentDescription": "['Partner discount']" if lst != unit else "",
            "PublisherName": p.maker,
            "PublisherId": "",
            "SubscriptionDescription": p.name,
            "SubscriptionId": f"a1b2c3d4-{v.sub}",
            "ChargeStartDate": "1/11/2026",
            "ChargeEndDate": "31/10/2027" if yr else "30/11/2026",
            "TermAndBillingCycle": "One-Year commitment for yearly billing"
            if yr
            else rng.choice(
                [
                    "One-Month commitment for monthly billing",
                    "One-Year commitment for monthly/yearly billing",
                ]
            ),
            "EffectiveUnitPrice": n(unit),
            "UnitType": "Licenses",
            "AlternateId": f"{v.sub}alt",
            "BillableQuantity": str(v.qty),
            "BillingFrequency": "Annual" if yr else "Monthly",
            "PricingCurrency": "USD",
            "PCToBCExchangeRate": "1",
            "PCToBCExchangeRateDate": "1/11/2026",
            "MeterDescription": "",
            "ReservationOrderId": "",
            "SubscriptionStartDate": "1/11/2025",
            "SubscriptionEndDate": "31/10/2027" if yr else "30/11/2026",
            "ReferenceId": "",
            "ProductQualifiers": "",
            "PromotionId": "",
            "ProductCategory": "OnlineServicesNCE" if p.maker == "Microsoft" else "SaaS",
        }
        recs.append([rec[c] for c in cols])
        v.row = len(recs)
        v.cls = vclasses(v, yr)
    return write_csv(folder, "ReconLineItems_G071234567_resaved.csv", recs, bom=True), None


def v_xvantage(case, folder, rng):
    title = [
        ["Ingram Micro Xvantage - Cloud Marketplace Billing Statement"],
        ["Reseller: Meridian Cloud Group Pte. Ltd. (UEN 201534567W)"],
        [
            "Statement period: 01/11/2026 - 30/11/2026",
            None,
            None,
            None,
            "Currency: SGD",
        ],
        [],
    ]
    hdr = [
        "End Customer",
        "Customer Ref",
        "Subscription ID",
        "Product Name",
        "Vendor",
        "Billing Term",
        "Qty",
        "Unit Price",
        "Net Price",
        "GST 9%",
        "Total (SGD)",
    ]
    recs = title + [hdr]
    tot = [Fraction(0)] * 3
    cmap = {c["id"]: c for c in case.clients}
    for v in by_client(case, case.vlines):
        p = BY_KEY[v.product]
        unit, yr = vunit(v, True)
        net = money_round(v.qty * unit)
        gst = money_round(net * Fraction(9, 100))
        term = "Annual Pre-Paid" if yr else "Monthly Pre-Paid"
        nm = f"{p.name} ({term})"
        if v.role == "credit":
            nm = "Credit - " + nm
        recs.append(
            [
                cmap[v.cid]["canonical"],
                f"C{v.cid:05d}",
                v.sub,
                nm,
                p.maker,
                "Annual" if yr else "Monthly",
                v.qty,
                fl(unit),
                fl(net),
                fl(gst),
                fl(net + gst),
            ]
        )
        tot = [tot[0] + net, tot[1] + gst, tot[2] + net + gst]
        v.row = len(recs)
        v.cls = vclasses(v, yr)
    recs.append(
        [
            "Grand Total",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            fl(tot[0]),
            fl(tot[1]),
            fl(tot[2]),
        ]
    )
    summary = [
        ["Statement summary"],
        ["Total charges (SGD)", fl(tot[2])],
        ["Due date", "30/12/2026"],
    ]
    name = write_xlsx(
        folder,
        "Xvantage_Statement_SG_Nov2026.xlsx",
        [("Summary", summary, "#,##0.00"), ("Billing Statement", recs, '"S$"#,##0.00')],
    )
    return name, "Billing Statement"


def v_idn(case, folder, rng):
    recs = [["DAFTAR FAKTUR PENJUALAN - PERIODE NOPEMBER 2026 - PT Awan Distribusi Nusantara"]]
    recs.append(
        [
            "No. Faktur",
            "Jenis",
            "Tgl Faktur",
            "Nama Pelanggan",
            "NPWP Pelanggan",
            "Kode Produk",
            "Produk",
            "Periode",
            "Jumlah",
            "Satuan",
            "Harga Satuan",
            "DPP",
            "PPN",
            "Total",
        ]
    )
    cmap = {c["id"]: c for c in case.clients}
    tot = [Fraction(0)] * 3
    k = 0
    for v in by_client(case, case.vlines):
        p, cl = BY_KEY[v.product], cmap[v.cid]
        k += 1
        dpp = money_round(v.qty * v.cost, adp(case.currency))
        ppn = money_round(dpp * Fraction(11, 100), adp(case.currency))
        nm = p.name + (" - NCE Bulanan" if p.maker == "Microsoft" else "")
        jenis = "Nota Kredit" if v.role == "credit" else "Faktur"
        no = f"NK/2026/11/{k:05d}" if v.role == "credit" else f"FJ/2026/11/{k:05d}"
        recs.append(
            [
                no,
                jenis,
                "30 Nov 2026",
                cl["canonical"],
                cl["regno"] if cl["country"] == "ID" else "",
                p.pid.split(":")[0],
                nm,
                "Nopember 2026",
                str(v.qty),
                "Lisensi",
                money(v.cost, case.currency, exact=True),
                money(dpp, case.currency),
                money(ppn, case.currency),
                money(dpp + ppn, case.currency),
            ]
        )
        tot = [tot[0] + dpp, tot[1] + ppn, tot[2] + dpp + ppn]
        v.row = len(recs)
        v.cls = vclasses(v, False)
    recs.append(
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
            "",
            "",
            money(tot[0], case.currency),
            money(tot[1], case.currency),
            money(tot[2], case.currency),
        ]
    )
    return write_csv(folder, "daftar_faktur_nov2026.csv", recs, delimiter=";"), None


def v_ph_soa(case, folder, rng):
    recs = [
        ["CLOUDLINK PHILIPPINES INC. - STATEMENT OF ACCOUNT"],
        ["Billing month: November 2026"],
        [],
    ]
    recs.append(
        [
            "Date",
            "SI No.",
            "Particulars",
            "Subscription Term",
            "Qty",
            "Unit Price",
            "Amount",
            "VAT 12%",
            "Total Amount Due",
        ]
    )
    cmap = {c["id"]: c for c in case.clients}
    cur, sub, grand = None, None, Fraction(0)
    lines = by_client(case, case.vlines)
    k = 0
    for i, v in enumerate(lines):
        if v.cid != cur:
            cur = v.cid
            recs.append(
                [
                    f"Account: {cmap[v.cid]['canonical']}",
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                ]
            )
            sub = Fraction(0)
        p = BY_KEY[v.product]
        k += 1
        amt = money_round(v.qty * v.cost)
        vat = money_round(amt * Fraction(12, 100))
        part = f"Credit Memo - {p.name}" if v.role == "credit" else f"{p.name} - Monthly"
        no = f"CM-{k:06d}" if v.role == "credit" else f"SI-{k:06d}"
        recs.append(
            [
                "11/30/2026",
                no,
                part,
                "Monthly",
                v.qty,
                fl(v.cost),
                fl(amt),
                fl(vat),
                fl(amt + vat),
            ]
        )
        sub += amt
        grand += amt
        v.row = len(recs)
        v.cls = vclasses(v, False)
        if i + 1 == len(lines) or lines[i + 1].cid != cur:
            recs.append([None, None, "Sub-total", None, None, None, fl(sub), None, None])
    recs.append(
        [
            None,
            None,
            "GRAND TOTAL (net of VAT)",
            None,
            None,
            None,
            fl(grand),
            None,
            None,
        ]
    )
    return write_xlsx(
        folder, "SOA_Nov2026_CloudLinkPH.xlsx", [("SOA Nov 2026", recs, '"₱"#,##0.00')]
    ), "SOA Nov 2026"


def v_vn(case, folder, rng):
    recs = [
        ["BẢNG KÊ CHI TIẾT CƯỚC DỊCH VỤ ĐÁM MÂY - THÁNG 11/2026"],
        ["Đơn vị: Công ty TNHH Giải pháp Mây Sài Gòn"],
    ]
    recs.append(
        [
            "STT",
            "Số hóa đơn",
            "Loại",
            "Ngày",
            "Tên khách hàng (theo tenant)",
            "Mã số thuế",
            "Tên sản phẩm",
            "Kỳ cước",
            "Số lượng",
            "Đơn giá",
            "Thành tiền",
            "Thuế GTGT (10%)",
            "Tổng cộng",
        ]
    )
    cmap = {c["id"]: c for c in case.clients}
    tot = [Fraction(0)] * 3
    for k, v in enumerate(by_client(case, case.vlines), 1):
        p, cl = BY_KEY[v.product], cmap[v.cid]
        unit, yr = vunit(v, True)
        amt = money_round(v.qty * unit, adp(case.currency))
        vat = money_round(amt * Fraction(10, 100), adp(case.currency))
        loai = "Hóa đơn điều chỉnh giảm" if v.role == "credit" else "Hóa đơn GTGT"
        recs.append(
            [
                str(k),
                f"00{k:05d}",
                loai,
                "30/11/2026",
                cl["canonical"],
                cl["regno"] if cl["country"] == "VN" else "",
                p.name,
                "12 tháng" if yr else "Tháng 11/2026",
                str(v.qty),
                money(unit, case.currency, exact=True),
                money(amt, case.currency),
                money(vat, case.currency),
                money(amt + vat, case.currency),
            ]
        )
        tot = [tot[0] + amt, tot[1] + vat, tot[2] + amt + vat]
        v.row = len(recs)
        v.cls = vclasses(v, yr)
    recs.append(
        [
            "",
            "",
            "",
            "",
            "Tổng cộng",
            "",
            "",
            "",
            "",
            "",
            money(tot[0], case.currency),
            money(tot[1], case.currency),
            money(tot[2], case.currency),
        ]
    )
    return write_csv(folder, "bang_ke_cuoc_T11_2026.csv", recs, bom=True), None


def v_ke(case, folder, rng):
    recs = [
        [
            "Invoice No",
            "Invoice Date",
            "Customer Account",
            "End Customer Name",
            "KRA PIN",
            "Item Code",
            "Item Description",
            "Billing Cycle",
            "Qty",
            "Unit Price (KES)",
            "Line Total (KES)",
            "VAT 16%",
            "Amount Incl VAT",
        ]
    ]
    cmap = {c["id"]: c for c in case.clients}
    for k, v in enumerate(by_client(case, case.vlines), 1):
        p, cl = BY_KEY[v.product], cmap[v.cid]
        amt = money_round(v.qty * v.cost)
        vat = money_round(amt * Fraction(16, 100))
        no = f"CRN-KE-{k:06d}" if v.role == "credit" else f"INV-KE-{k:06d}"
        desc = p.name.upper() + (" NCE MTHLY" if p.maker == "Microsoft" else " MONTHLY")
        recs.append(
            [
                no,
                "30-Nov-2026",
                f"RAE{v.cid:05d}",
                cl["canonical"].upper(),
                cl["regno"] if cl["country"] == "KE" else "",
                p.pid.replace(":", "-"),
                desc,
                "Monthly",
                str(v.qty),
                money(v.cost, "KES"),
                money(amt, "KES"),
                money(vat, "KES"),
                money(amt + vat, "KES"),
            ]
        )
        v.row = len(recs)
        v.cls = vclasses(v, False)
    return write_csv(folder, "Redington_Africa_Statement_KE_Nov2026.csv", recs), None


def v_backup(case, folder, rng):
    recs = [
        [
            "Tenant Name",
            "Tenant ID",
            "Parent Tenant",
            "Service",
            "Offering Item",
            "Usage Quantity",
            "Unit",
            "Rate (USD)",
            "Amount (USD)",
            "Billing Period",
            "Line Type",
        ]
    ]
    cmap = {c["id"]: c for c in case.clients}
    for v in by_client(case, case.vlines):
        p, cl = BY_KEY[v.product], cmap[v.cid]
        amt = money_round(v.qty * v.cost)
        unit = "workloads" if p.kind in ("pcbackup",) or p.key == "acrsrv" else "seats"
        recs.append(
            [
                cl["canonical"],
                f"t-{v.cid:06d}",
                "Meridian Cloud Group",
                p.maker,
                p.name,
                str(v.qty),
                unit,
                num(v.cost, "USD", thou=False),
                num(amt, "USD", thou=False),
                "2026-11-01 – 2026-11-30",
                "Adjustment" if v.role == "credit" else "Usage",
            ]
        )
        v.row = len(recs)
        v.cls = vclasses(v, False)
    return write_csv(folder, "tenant_usage_statement_2026-11.csv", recs), None


def v_ng(case, folder, rng):
    recs = [
        ["LAGOS DATAHUB & TELECOMS LIMITED"],
        ["Invoice detail - November 2026 (NGN)"],
        [],
    ]
    recs.append(
        [
            "Account No",
            "Account Name",
            "Service Description",
            "Qty",
            "Rate (₦)",
            "Amount (₦)",
            "VAT 7.5%",
        ]
    )
    cmap = {c["id"]: c for c in case.clients}
    cur, sub, grand = None, Fraction(0), Fraction(0)
    lines = by_client(case, case.vlines)
    for i, v in enumerate(lines):
        if v.cid != cur:
            cur = v.cid
            recs.append(
                [
                    f"10{v.cid:05d}",
                    cmap[v.cid]["canonical"],
                    None,
                    None,
                    None,
                    None,
                    None,
                ]
            )
            sub = Fraction(0)
        p = BY_KEY[v.product]
        amt = money_round(v.qty * v.cost)
        vat = money_round(amt * Fraction(75, 1000))
        d = f"{p.name} - Cloud Licence" + (" (credit)" if v.role == "credit" else "")
        recs.append([None, None, d, v.qty, fl(v.cost), fl(amt), fl(vat)])
        sub += amt
        grand += amt
        v.row = len(recs)
        v.cls = vclasses(v, False)
        if i + 1 == len(lines) or lines[i + 1].cid != cur:
            recs.append([None, "Account Sub-total", None, None, None, fl(sub), None])
    recs.append([None, "Invoice Total", None, None, None, fl(grand), None])
    return write_xlsx(
        folder, "LDT_Invoice_Nov2026.xlsx", [("Invoice Detail", recs, '"₦"#,##0.00')]
    ), "Invoice Detail"


# =============================== PSA formats =====================================================
def psa_order(case, rng):
    """PSA lines grouped by client (PSA name order), layout-shuffled within a client."""
    names = {c["id"]: c["psa_name"] for c in case.clients}
    idx = list(range(len(case.plines)))
    keys = {i: rng.random() for i in idx}
    idx.sort(key=lambda i: (names[case.plines[i].cid].lower(), case.plines[i].cid, keys[i]))
    return [case.plines[i] for i in idx]


def amount(p, cur):
    return money_round(p.qty * p.price, adp(cur))


def pct(d):
    return num(d, "USD", places=0, exact=True, thou=False)


def p_xero(case, folder, rng):
    cols = [
        "ContactName",
        "EmailAddress",
        "InvoiceNumber",
        "Reference",
        "InvoiceDate",
        "DueDate",
        "Description",
        "Quantity",
        "UnitAmount",
        "Discount",
        "LineAmount",
        "AccountCode",
        "TaxType",
        "TaxAmount",
        "Currency",
        "Type",
        "Status",
    ]
    recs = [cols]
    cmap = {c["id"]: c for c in case.clients}
    cur = case.currency
    for k, p in enumerate(psa_order(case, rng), 1):
        cl = cmap[p.cid]
        la = amount(p, cur)
        cn = p.credit
        st = (
            "VOIDED" if p.role == "not_billed" else rng.choice(["AUTHORISED", "PAID", "AUTHORISED"])
        )
        recs.append(
            [
                cl["psa_name"],
                f"accounts@{cl['domain'].split('.')[0]}.com",
                ("CN-" if cn else "INV-") + f"{1000 + p.cid:05d}",
                "Nov 2026",
                "30/11/2026",
                "14/12/2026",
                p.text,
                str(abs(p.qty)),
                num(p.lst, cur, thou=False, dots=False, exact=True),
                pct(p.disc) if p.disc else "",
                num(abs(la), cur, thou=False, dots=False),
                "200" if p.role != "service" else "210",
                "Standard-Rated Supplies (9%)",
                num(
                    money_round(abs(la) * Fraction(9, 100), adp(cur)),
                    cur,
                    thou=False,
                    dots=False,
                ),
                cur,
                "Sales credit note" if cn else "Sales invoice",
                st,
            ]
        )
        p.row = len(recs)
    return write_csv(folder, "Xero_SalesInvoices_Nov2026.csv", recs), None


def p_sqlacc(case, folder, rng):
    cur = case.currency
    recs = [
        ["Meridian Cloud (M) Sdn. Bhd. (201901012345)"],
        ["Sales Invoice Listing (Detail)", "From 01/11/2026 To 30/11/2026"],
        [],
    ]
    recs.append(
        [
            "Doc No",
            "Doc Date",
            "Item Code",
            "Description",
            "Qty",
            "UOM",
            "U/Price",
            "Disc",
            "Amount",
            "SST 8%",
            "Net Amt",
            "Status",
        ]
    )
    cmap = {c["id"]: c for c in case.clients}
    lines = psa_order(case, rng)
    curc, sub, grand = None, Fraction(0), Fraction(0)
    for i, p in enumerate(lines):
        if p.cid != curc:
            curc = p.cid
            recs.append([f"300-{p.cid:04d}", cmap[p.cid]["psa_name"]] + [None] * 10)
            sub = Fraction(0)
        a = amount(p, cur)
        sst = money_round(a * Fraction(8, 100), adp(cur))
        code = "SVC" if p.role == "service" else "LIC"
        st = {"not_billed": rng.choice(["Cancelled", "Cancelled", "Suspended"])}.get(
            p.role, "Active"
        )
        recs.append(
            [
                ("CN-" if p.credit else "IV-") + f"{p.cid:05d}",
                "30/11/2026",
                f"{code}-{i:04d}",
                p.text,
                p.qty,
                "UNIT",
                fl(p.lst, 4),
                f"{pct(p.disc)}%" if p.disc else None,
                fl(a, adp(cur)),
                fl(sst, adp(cur)),
                fl(a + sst, adp(cur)),
                st,
            ]
        )
        p.row = len(recs)
        if p.role != "not_billed":
            sub += a
            grand += a
        if i + 1 == len(lines) or lines[i + 1].cid != curc:
            recs.append(
                [
                    None,
                    None,
                    None,
                    "Total for debtor:",
                    None,
                    None,
                    None,
                    None,
                    fl(sub, adp(cur)),
                    None,
                    None,
                    None,
                ]
            )
    recs.append(
        [
            None,
            None,
            None,
            "Grand Total:",
            None,
            None,
            None,
            None,
            fl(grand, adp(cur)),
            None,
            None,
            None,
        ]
    )
    fmt = "#,##0" if cur in ZERO_DEC else "#,##0.00"
    return write_xlsx(
        folder, "SQLAcc_InvoiceListing_Nov2026.xlsx", [("Invoice Listing", recs, fmt)]
    ), "Invoice Listing"


def p_accurate(case, folder, rng):
    cur = case.currency
    recs = [
        [
            "No. Faktur",
            "Tanggal",
            "Nama Pelanggan",
            "Nama Barang/Jasa",
            "Keterangan",
            "Kuantitas",
            "Satuan",
            "Harga Satuan",
            "Diskon (%)",
            "Jumlah",
            "PPN",
            "Status",
            "Jenis Transaksi",
        ]
    ]
    cmap = {c["id"]: c for c in case.clients}
    for k, p in enumerate(psa_order(case, rng), 1):
        a = amount(p, cur)
        st = {"not_billed": rng.choice(["Dibatalkan", "Ditangguhkan"])}.get(p.role, "Aktif")
        jen = "Retur Penjualan" if p.credit else "Faktur Penjualan"
        recs.append(
            [
                ("RJ." if p.credit else "SI.") + f"2026.11.{k:05d}",
                "30 Nov 2026",
                cmap[p.cid]["psa_name"],
                p.text,
                "Periode Nopember 2026",
                num(p.qty, cur, dots=True, places=0),
                "Jasa" if p.role == "service" else "Lisensi",
                num(p.lst, cur, dots=True, exact=True),
                num(p.disc, cur, dots=True, places=0, exact=True) if p.disc else "0",
                num(a, cur, dots=True),
                num(money_round(a * Fraction(11, 100), adp(cur)), cur, dots=True),
                st,
                jen,
            ]
        )
        p.row = len(recs)
    return write_csv(
        folder,
        "Accurate_FakturPenjualan_Rinci_112026.csv",
        recs,
        delimiter=";",
        bom=True,
    ), None


def p_qbo(case, folder, rng):
    cur = case.currency
    recs = [
        ["Bayanihan Cloud Services OPC"],
        ["Sales by Customer Detail"],
        ["November 2026"],
        [],
    ]
    recs.append(
        [
            "",
            "Date",
            "Transaction Type",
            "Num",
            "Product/Service",
            "Memo/Description",
            "Qty",
            "Sales Price",
            "Amount",
            "Balance",
        ]
    )
    cmap = {c["id"]: c for c in case.clients}
    lines = psa_order(case, rng)
    curc, bal, grand = None, Fraction(0), Fraction(0)
    for i, p in enumerate(lines):
        if p.cid != curc:
            curc = p.cid
            recs.append([cmap[p.cid]["psa_name"]] + [""] * 9)
            bal = Fraction(0)
        void = p.role == "not_billed"
        a = Fraction(0) if void else amount(p, cur)
        bal += a
        grand += a
        item = "Services" if p.role == "service" else "Cloud Subscriptions"
        tt = "Credit Memo" if p.credit else "Invoice"
        memo = ("Voided: " + p.text) if void else p.text
        recs.append(
            [
                "",
                "11/30/2026",
                tt,
                f"{2600 + i}",
                item,
                memo,
                "0" if void else str(p.qty),
                num(p.price, cur, exact=True, dots=False),
                num(a, cur, dots=False),
                num(bal, cur, dots=False),
            ]
        )
        p.row = len(recs)
        if i + 1 == len(lines) or lines[i + 1].cid != curc:
            recs.append(
                [
                    f"Total for {cmap[p.cid]['psa_name']}",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    num(bal, cur, dots=False),
                    "",
                ]
            )
    recs.append(["TOTAL", "", "", "", "", "", "", "", num(grand, cur, dots=False), ""])
    recs.append([])
    recs.append(["Accrual basis  Monday, December 1, 2026  09:00 AM GMT+08:00"])
    return write_csv(folder, "Sales_by_Customer_Detail_Nov2026.csv", recs), None


def p_misa(case, folder, rng):
    cur = case.currency
    recs = [
        ["CÔNG TY TNHH GIẢI PHÁP ĐÁM MÂY MERIDIAN VIỆT NAM"],
        ["SỔ CHI TIẾT BÁN HÀNG"],
        ["Tháng 11 năm 2026"],
    ]
    recs.append(
        [
            "Ngày hạch toán",
            "Ngày chứng từ",
            "Số chứng từ",
            "Mã khách hàng",
            "Tên khách hàng",
            "Mã hàng",
            "Tên hàng",
            "Diễn giải",
            "ĐVT",
            "Số lượng bán",
            "Đơn giá",
            "Tỷ lệ CK (%)",
            "Doanh số bán",
            "Số lượng trả lại",
            "Giá trị trả lại",
            "Trạng thái",
        ]
    )
    cmap = {c["id"]: c for c in case.clients}
    ds, tl = Fraction(0), Fraction(0)
    for k, p in enumerate(psa_order(case, rng), 1):
        a = amount(p, cur)
        st = {"not_billed": rng.choice(["Đã hủy", "Tạm ngưng"])}.get(p.role, "Đang hoạt động")
        if p.credit:
            row = [
                None,
                fl(p.lst, 4),
                float(p.disc) if p.disc else None,
                None,
                -p.qty,
                fl(-a, adp(cur)),
            ]
            if p.role != "not_billed":
                tl += -a
        else:
            row = [
                p.qty,
                fl(p.lst, 4),
                float(p.disc) if p.disc else None,
                fl(a, adp(cur)),
                None,
                None,
            ]
            if p.role != "not_billed":
                ds += a
        dg = "Hóa đơn điều chỉnh giảm" if p.credit else "Cước tháng 11/2026"
        recs.append(
            [
                "30/11/2026",
                "30/11/2026",
                ("DCG" if p.credit else "BH") + f"{k:05d}",
                f"KH{p.cid:05d}",
                cmap[p.cid]["psa_name"],
                ("DV" if p.role == "service" else "BQ") + f"{k:04d}",
                p.text,
                dg,
                "Lần" if p.role == "service" else "Người dùng",
            ]
            + row
            + [st]
        )
        p.row = len(recs)
    recs.append(
        [
            "Cộng",
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
            None,
            fl(ds, adp(cur)),
            None,
            fl(tl, adp(cur)),
            None,
        ]
    )
    fmt = "#,##0" if cur in ZERO_DEC else "#,##0.00"
    return write_xlsx(
        folder, "So_chi_tiet_ban_hang_T11.xlsx", [("Sổ chi tiết bán hàng", recs, fmt)]
    ), "Sổ chi tiết bán hàng"


def cp1252_safe(s):
    try:
        s.encode("cp1252")
        return s, False
    except UnicodeEncodeError:
        out = "".join(
            ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)
        )
        out = out.replace("Đ", "D").replace("đ", "d")
        out = "".join(ch if ch.encode("cp1252", "ignore") else "" for ch in out).strip()
        return out, True


def p_pastel(case, folder, rng):
    cur = case.currency
    recs = [
        [
            "Account",
            "Customer",
            "Doc Type",
            "Doc No",
            "Date",
            "Item Code",
            "Description",
            "Qty",
            "Unit Price Excl",
            "Disc %",
            "Line Total Excl",
            "VAT 16%",
            "Line Total Incl",
            "Status",
        ]
    ]
    cmap = {c["id"]: c for c in case.clients}
    for k, p in enumerate(psa_order(case, rng), 1):
        cl = cmap[p.cid]
        nm, f1 = cp1252_safe(cl["psa_name"])
        if f1:
            cl["psa_name"] = nm
            if "as_cp1252_folded_name" not in cl["cclasses"]:
                cl["cclasses"] = cl["cclasses"] + ["as_cp1252_folded_name"]
        tx, f2 = cp1252_safe(p.text)
        if f2:
            p.text = tx
            p.classes = p.classes + ["as_cp1252_folded_text"]
        a = amount(p, cur)
        vat = money_round(a * Fraction(16, 100), adp(cur))
        st = "Cancelled" if p.role == "not_billed" else "Posted"
        recs.append(
            [
                f"C{p.cid:05d}",
                nm,
                "Credit Note" if p.credit else "Tax Invoice",
                ("CN-" if p.credit else "INV") + f"{k:06d}",
                "30/11/2026",
                ("SRV" if p.role == "service" else "LIC") + f"{k:04d}",
                tx,
                str(p.qty),
                num(p.lst, cur, thou=False, exact=True, dots=False),
                pct(p.disc) if p.disc else "0",
                num(a, cur, thou=False, dots=False),
                num(vat, cur, thou=False, dots=False),
                num(a + vat, cur, thou=False, dots=False),
                st,
            ]
        )
        p.row = len(recs)
    return write_csv(
        folder,
        "PastelPartner_CustomerTx_Nov2026.txt",
        recs,
        delimiter="\t",
        encoding="cp1252",
    ), None


def p_zoho(case, folder, rng):
    cur = case.currency
    recs = [
        [
            "Invoice Date",
            "Invoice Number",
            "Invoice Status",
            "Customer Name",
            "Currency Code",
            "Item Name",
            "Item Desc",
            "Quantity",
            "Item Price",
            "Discount(%)",
            "Item Total",
            "Item Tax %",
        ]
    ]
    cmap = {c["id"]: c for c in case.clients}
    for k, p in enumerate(psa_order(case, rng), 1):
        a = amount(p, cur)
        st = "Void" if p.role == "not_billed" else rng.choice(["Sent", "Paid", "Overdue"])
        if p.credit:
            st = "Credit Note"
        recs.append(
            [
                "2026-11-30",
                ("CN-" if p.credit else "INV-") + f"{k:06d}",
                st,
                cmap[p.cid]["psa_name"],
                cur,
                p.text,
                "Monthly subscription - Nov 2026" if p.role != "service" else "Service",
                str(p.qty),
                num(p.lst, cur, thou=False, dots=False, exact=True),
                pct(p.disc) if p.disc else "0",
                num(a, cur, thou=False, dots=False),
                "7.5",
            ]
        )
        p.row = len(recs)
    return write_csv(folder, "Invoice_Items_ZohoBooks_NG.csv", recs), None


def p_halo(case, folder, rng):
    cur = case.currency
    recs = [
        ["Meridian Cloud Group - Recurring Invoice Lines"],
        ["Run: 01/12/2026 09:00 (Asia/Singapore)"],
    ]
    recs.append(
        [
            "Client",
            "Site",
            "Invoice Ref",
            "Item",
            "Description",
            "Quantity",
            "Unit Price",
            "Net Amount",
            "Tax Code",
            "Start Date",
            "Status",
            "Notes",
        ]
    )
    cmap = {c["id"]: c for c in case.clients}
    site = {
        "SG": "Singapore",
        "MY": "Kuala Lumpur",
        "ID": "Jakarta",
        "PH": "Manila",
        "VN": "Ho Chi Minh City",
        "KE": "Nairobi",
        "NG": "Lagos",
    }
    for k, p in enumerate(psa_order(case, rng), 1):
        a = amount(p, cur)
        st = "Cancelled" if p.role == "not_billed" else "Active"
        recs.append(
            [
                cmap[p.cid]["psa_name"],
                site[cmap[p.cid]["country"]],
                ("CN-" if p.credit else "RI-") + f"{p.cid:05d}",
                p.text,
                "Monthly recurring" if p.role != "service" else "Service charge",
                str(p.qty),
                num(p.price, cur, thou=False, dots=False, exact=True),
                num(a, cur, thou=False, dots=False),
                "GST",
                "2026-11-01",
                st,
                "",
            ]
        )
        p.row = len(recs)
    return write_csv(
        folder, "halo_recurring_invoice_lines.tsv", recs, delimiter="\t", bom=True
    ), None


VENDORS = {
    "as_pc_recon_resaved_by_excel_sg_csv": (v_pc, "USD"),
    "as_xvantage_sg_statement_summary_first_xlsx": (v_xvantage, "SGD"),
    "as_id_distri_daftar_faktur_rupiah_csv": (v_idn, "IDR"),
    "as_ph_reseller_soa_account_blocks_xlsx": (v_ph_soa, "PHP"),
    "as_vn_reseller_bang_ke_dong_csv": (v_vn, "VND"),
    "as_ke_distri_statement_upper_kes_csv": (v_ke, "KES"),
    "as_backup_vendor_tenant_usage_usd_csv": (v_backup, "USD"),
    "as_ng_datahub_account_blocks_naira_xlsx": (v_ng, "NGN"),
}
PSAS = {
    "as_xero_sg_invoice_export_gst9_csv": p_xero,
    "as_sqlacc_my_listing_debtor_blocks_xlsx": p_sqlacc,
    "as_accurate_faktur_rinci_semicolon_csv": p_accurate,
    "as_qbo_ph_customer_detail_memo_csv": p_qbo,
    "as_misa_so_chi_tiet_tra_lai_xlsx": p_misa,
    "as_pastel_ke_customer_tx_cp1252_tsv": p_pastel,
    "as_zoho_books_ng_items_csv": p_zoho,
    "as_halo_group_recurring_bom_tsv": p_halo,
}
