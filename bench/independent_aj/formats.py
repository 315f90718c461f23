"""Writers of set AJ: 8 vendor and 8 PSA / accounting exports. Each returns (file name, sheet)."""

from __future__ import annotations

import csv
import re
import zlib
from decimal import Decimal

from openpyxl import Workbook

from .catalog import BY_KEY, PRODUCTS
from .scenario import list_price

D2 = Decimal("0.01")
LIST = {p.key: list_price(p) for p in PRODUCTS}


def _fmt(x, style):
    x = Decimal(x).quantize(D2)
    if style == "comma":
        s = f"{abs(x):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        return ("-" if x < 0 else "") + s
    if style in ("dollar_paren", "pound", "dollar"):
        sym = "£" if style == "pound" else "$"
        s = f"{sym}{abs(x):,.2f}"
        if x < 0:
            return f"({s})" if style == "dollar_paren" else "-" + s
        return s
    return f"{x:.2f}"


def _emit(folder, fname, kind, rows, lines, enc="utf-8", delim=",", sheet="Sheet1", before=None):
    """rows: list of (obj or None, cells). Sets obj.row to its 1-based record number."""
    for i, (obj, _cells) in enumerate(rows, 1):
        if obj is not None:
            obj.row = i
    path = folder / fname
    if kind == "csv":
        with open(path, "w", newline="", encoding=enc, errors="replace") as f:
            w = csv.writer(f, delimiter=delim, lineterminator="\r\n")
            for _obj, cells in rows:
                w.writerow(["" if c is None else c for c in cells])
        return fname, None
    wb = Workbook()
    ws = wb.active
    if before:
        ws.title = before[0]
        for r in before[1]:
            ws.append(r)
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    for _obj, cells in rows:
        ws.append(list(cells))
    wb.save(path)
    return fname, sheet


def _vsorted(case):
    return sorted(case.vlines, key=lambda v: (v.vname.lower(), v.cid, v.product, v.qty < 0))


def _psorted(case):
    return sorted(
        case.plines, key=lambda p: (p.pname.lower().strip(), p.cid, p.record, p.role != "licence")
    )


def _amt(v):
    return (v.unit * v.qty).quantize(D2)


def _pamt(p):
    return (p.cell_price * p.cell_qty).quantize(D2)


# ------------------------------------------------------------------ vendors
PC_COLS = (
    "PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,InvoiceNumber,MpnId,"
    "ResellerMpnId,OrderId,OrderDate,ProductId,SkuId,AvailabilityId,SkuName,ProductName,ChargeType,"
    "UnitPrice,Quantity,Subtotal,TaxTotal,Total,Currency,PriceAdjustmentDescription,PublisherName,"
    "PublisherId,SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,"
    "TermAndBillingCycle,EffectiveUnitPrice,UnitType,AlternateId,BillableQuantity,BillingFrequency,"
    "PricingCurrency,PCToBCExchangeRate,PCToBCExchangeRateDate,MeterDescription,ReservationOrderId,"
    "SubscriptionStartDate,SubscriptionEndDate,ReferenceId,ProductQualifiers,PromotionId,"
    "ProductCategory"
).split(",")


def v_pc(case, folder, rng):
    rows = [(None, PC_COLS)]
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        ct = (
            "removeQuantity"
            if v.qty < 0
            else rng.choice(["cycleCharge", "CycleCharge", "cyclecharge", "renew"])
        )
        pid = "CFQ7TTC0" + f"{zlib.crc32(p.key.encode()) % 10000:04d}"  # the same in every run
        sub = _amt(v)
        d = dict.fromkeys(PC_COLS, "")
        d.update(
            PartnerId="5f6e1a2b-0000-4000-a000-00000000aj01",
            CustomerId=v.tenant,
            CustomerName=v.vname,
            CustomerDomainName=v.domain,
            CustomerCountry="US",
            InvoiceNumber="G0" + "1187734",
            OrderId=v.sub[:8].upper(),
            OrderDate="2026-10-01",
            ProductId=pid,
            SkuId="0001",
            SkuName=p.name,
            ProductName=p.name,
            ChargeType=ct,
            UnitPrice=f"{LIST[p.key]:.6f}",
            Quantity=str(v.qty),
            Subtotal=f"{sub:.2f}",
            TaxTotal="0.00",
            Total=f"{sub:.2f}",
            Currency="USD",
            PublisherName="Microsoft Corporation" if p.ms else p.maker,
            SubscriptionDescription=p.name,
            SubscriptionId=v.sub,
            ChargeStartDate="2026-11-01",
            ChargeEndDate="2026-11-30",
            TermAndBillingCycle="One-Year commitment for monthly/yearly billing",
            EffectiveUnitPrice=f"{v.unit:.6f}",
            UnitType="Licenses",
            BillableQuantity=str(v.qty),
            BillingFrequency="Monthly",
            PricingCurrency="USD",
            PCToBCExchangeRate="1",
            PCToBCExchangeRateDate="2026-10-31",
            ProductCategory="OnlineServicesNCE" if p.ms else "Marketplace",
        )
        rows.append((v, [d[c] for c in PC_COLS]))
    return _emit(folder, "pc_recon_2026-11.csv", "csv", rows, None, enc="utf-8-sig")


def v_pax8(case, folder, rng):
    hdr = [
        "companyName",
        "companyId",
        "externalId",
        "startPeriod",
        "endPeriod",
        "quantity",
        "unitOfMeasure",
        "term",
        "sku",
        "productName",
        "description",
        "details",
        "price",
        "cost",
        "costTotal",
        "subTotal",
        "total",
        "currencyCode",
        "type",
        "vendorName",
    ]
    rows = [
        (None, ["Pax8 Invoice Items - Invoice 88213407"]),
        (None, ["Billing period: 01/11/2026 - 30/11/2026"]),
        (None, []),
        (None, hdr),
    ]
    tot = Decimal(0)
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        name = p.name + (" [NCE]" if p.ms else "")
        a = _amt(v)
        tot += a
        rows.append(
            (
                v,
                [
                    v.vname,
                    v.tenant[:8],
                    v.custno if hasattr(v, "custno") else "",
                    "2026-11-01",
                    "2026-11-30",
                    v.qty,
                    "Per " + p.unit.title(),
                    "Annual" if p.ms else "Monthly",
                    ("MST-NCE-" if p.ms else "3P-") + p.key.upper(),
                    name,
                    name,
                    "Seats reduced" if v.qty < 0 else "",
                    float(LIST[p.key]),
                    float(v.unit),
                    float(a),
                    float((LIST[p.key] * v.qty).quantize(D2)),
                    float((LIST[p.key] * v.qty).quantize(D2)),
                    "AUD",
                    "credits" if v.qty < 0 else "subscription",
                    "Microsoft" if p.ms else p.maker,
                ],
            )
        )
    rows.append(
        (
            None,
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
                None,
                None,
                None,
                float(tot),
            ],
        )
    )
    return _emit(folder, "pax8_invoice_items.xlsx", "xlsx", rows, None, sheet="Invoice Items")


def v_ingram(case, folder, rng):
    hdr = [
        "Customer Name",
        "Customer ID",
        "Subscription ID",
        "Subscription Name",
        "Product SKU",
        "Quantity",
        "Unit Price",
        "Net Price",
        "Billing Type",
        "Period Start",
        "Period End",
    ]
    rows = [
        (None, ["Ingram Micro Cloud Marketplace - Billing Statement"]),
        (None, ["Statement period 2026-11-01 to 2026-11-30"]),
        (None, ["Currency: CAD"]),
        (None, hdr),
    ]
    cur, sub = None, Decimal(0)
    for v in _vsorted(case) + [None]:
        if cur is not None and (v is None or v.vname != cur):
            rows.append(
                (None, [f"Subtotal for {cur}", None, None, None, None, None, None, float(sub)])
            )
            sub = Decimal(0)
        if v is None:
            break
        cur = v.vname
        p = BY_KEY[v.product]
        a = _amt(v)
        sub += a
        rows.append(
            (
                v,
                [
                    v.vname,
                    "IM-" + v.tenant[:6].upper(),
                    v.sub,
                    p.name + " (Monthly Pre-Paid)",
                    "MS-" + p.key.upper() if p.ms else "TP-" + p.key.upper(),
                    v.qty,
                    float(v.unit),
                    float(a),
                    "Refund" if v.qty < 0 else "Recurring",
                    "2026-11-01",
                    "2026-11-30",
                ],
            )
        )
    return _emit(folder, "ingram_statement_ca.xlsx", "xlsx", rows, None, sheet="Statement")


def v_td(case, folder, rng):
    hdr = [
        "End Customer",
        "Customer Domain",
        "Order #",
        "Product Name",
        "Vendor SKU",
        "Quantity",
        "Unit Cost",
        "Extended Cost",
        "MSRP",
        "Charge Description",
        "Billing Frequency",
    ]
    rows = [
        (None, ["StreamOne Ion - Invoice Detail Report"]),
        (None, ["Date Range: 11/01/2026 - 11/30/2026"]),
        (None, hdr),
    ]
    tot = Decimal(0)
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        a = _amt(v)
        tot += a
        rows.append(
            (
                v,
                [
                    v.vname,
                    v.domain,
                    "SO" + v.sub[:6].upper(),
                    p.name,
                    "US" + p.key.upper() + "0001",
                    f"({-v.qty})" if v.qty < 0 else str(v.qty),
                    _fmt(v.unit, "dollar_paren"),
                    _fmt(a, "dollar_paren"),
                    _fmt(LIST[p.key], "dollar_paren"),
                    "Seat reduction credit" if v.qty < 0 else "Monthly recurring",
                    "Monthly",
                ],
            )
        )
    rows.append((None, ["Grand Total", "", "", "", "", "", "", _fmt(tot, "dollar_paren")]))
    return _emit(folder, "streamone_ion_invoice_detail.csv", "csv", rows, None)


def v_dicker(case, folder, rng):
    hdr = [
        "TENANT ID",
        "TENANT NAME",
        "SUBSCRIPTION ID",
        "STOCK CODE",
        "STOCK DESCRIPTION",
        "QTY",
        "CHARGE TYPE",
        "START USAGE",
        "END USAGE",
        "UNIT PRICE",
        "EXTENDED PRICE EX GST",
        "GST",
        "UNIT RRP",
    ]
    rows = [
        (None, ["DICKER DATA AUSTRALIA PTY LTD - ANNUITY REPORT"]),
        (None, ["GENERATED 01-DEC-2026 FOR PERIOD NOV-2026"]),
        (None, hdr),
    ]
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        a = _amt(v)
        rows.append(
            (
                v,
                [
                    v.tenant,
                    v.vname.upper(),
                    v.sub,
                    f"P1Y:{p.key.upper()}:0001:1:" if p.ms else f"P1M:3P-{p.key.upper()}:1:",
                    p.terse,
                    v.qty,
                    "CREDIT" if v.qty < 0 else "RECURRING",
                    "01-NOV-2026",
                    "30-NOV-2026",
                    float(v.unit),
                    float(a),
                    float((a / 10).quantize(D2)),
                    float(LIST[p.key]),
                ],
            )
        )
    return _emit(folder, "dicker_annuity_nov2026.xlsx", "xlsx", rows, None, sheet="Annuity")


def v_vuzion(case, folder, rng):
    hdr = [
        "Account",
        "Customer",
        "Tenant Domain",
        "Service",
        "Product Code",
        "Seats",
        "Cost Each",
        "Line Cost",
        "RRP Each",
        "Type",
    ]
    rows = [
        (None, ["Vuzion Monthly Recharge Report"]),
        (None, ["Period", "November 2026"]),
        (None, hdr),
    ]
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        rows.append(
            (
                v,
                [
                    "VZ" + v.tenant[:5].upper(),
                    v.vname,
                    v.domain,
                    p.name,
                    "VZ-" + p.key.upper(),
                    str(v.qty),
                    _fmt(v.unit, "pound"),
                    _fmt(_amt(v), "pound"),
                    _fmt(LIST[p.key], "pound"),
                    "Credit" if v.qty < 0 else "Recurring",
                ],
            )
        )
    return _emit(folder, "vuzion_recharge_2026-11.csv", "csv", rows, None, delim="\t")


def v_crayon(case, folder, rng):
    hdr = [
        "Product",
        "Publisher",
        "Part Number",
        "Period",
        "Quantity",
        "Unit Price",
        "Amount",
        "Currency",
    ]
    rows = [
        (None, ["Crayon (rhipe) New Zealand - Invoice lines"]),
        (None, ["Invoice period: 1/11/2026 - 30/11/2026"]),
        (None, hdr),
    ]
    cur, sub = None, Decimal(0)
    for v in _vsorted(case) + [None]:
        if cur is not None and (v is None or v.vname != cur):
            rows.append((None, ["Customer total", None, None, None, None, None, float(sub), "NZD"]))
            sub = Decimal(0)
        if v is None:
            break
        if v.vname != cur:
            rows.append((None, [f"Customer: {v.vname} | {v.domain}"]))
            cur = v.vname
        p = BY_KEY[v.product]
        a = _amt(v)
        sub += a
        rows.append(
            (
                v,
                [
                    p.name,
                    "Microsoft" if p.ms else p.maker,
                    p.key.upper() + "-NZ",
                    "Nov 2026",
                    v.qty,
                    float(v.unit),
                    float(a),
                    "NZD",
                ],
            )
        )
    summary = (
        "Summary",
        [
            ["Crayon invoice summary"],
            ["Customers", len({v.cid for v in case.vlines})],
            ["See sheet", "Invoice Lines"],
        ],
    )
    return _emit(
        folder, "crayon_nz_invoice.xlsx", "xlsx", rows, None, sheet="Invoice Lines", before=summary
    )


def v_pclegacy(case, folder, rng):
    hdr = (
        "PartnerId;CustomerId;CustomerName;MpnId;ResellerMpnId;OrderId;SubscriptionId;"
        "SyndicationPartnerSubscriptionNumber;OfferId;DurableOfferId;OfferName;SubscriptionStartDate;"
        "SubscriptionEndDate;ChargeStartDate;ChargeEndDate;ChargeType;UnitPrice;Quantity;Amount;"
        "TotalOtherDiscount;Subtotal;Tax;TotalForCustomer;Currency;DomainName;SubscriptionName;"
        "SubscriptionDescription;BillingCycleType"
    ).split(";")
    rows = [(None, hdr)]
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        amount = (LIST[p.key] * v.qty).quantize(D2)
        sub = _amt(v)
        rows.append(
            (
                v,
                [
                    "aj-partner",
                    v.tenant,
                    v.vname,
                    "1234567",
                    "",
                    v.sub[:8],
                    v.sub,
                    "",
                    "OFR-" + p.key.upper(),
                    "DUR-" + p.key.upper(),
                    p.name,
                    "01.01.2026",
                    "31.12.2026",
                    "01.11.2026",
                    "30.11.2026",
                    "Cancel Usage Fee" if v.qty < 0 else "Cycle fee",
                    _fmt(LIST[p.key], "comma"),
                    str(v.qty),
                    _fmt(amount, "comma"),
                    _fmt(amount - sub, "comma"),
                    _fmt(sub, "comma"),
                    _fmt(sub * Decimal("0.19"), "comma"),
                    _fmt(sub * Decimal("1.19"), "comma"),
                    "EUR",
                    v.domain,
                    p.name,
                    p.name,
                    "Monthly",
                ],
            )
        )
    return _emit(folder, "pc_legacy_recon_nov2026.csv", "csv", rows, None, enc="cp1252", delim=";")


# ------------------------------------------------------------------ PSA / accounting
def p_halo(case, folder, rng):
    hdr = [
        "Client",
        "Site",
        "Recurring Invoice",
        "item_shortdescription",
        "item_longdescription",
        "qty_order",
        "unit_price",
        "net_amount",
        "Next Invoice Date",
    ]
    rows = [
        (None, ["Recurring Invoice Lines"]),
        (None, ["Run: 01/12/2026 09:14 by finance@msp"]),
        (None, hdr),
    ]
    for p in _psorted(case):
        rows.append(
            (
                p,
                [
                    p.pname,
                    "Main",
                    p.agreement,
                    p.text,
                    "Licences $STARTDATE - $ENDDATE" if p.role == "licence" else "",
                    p.cell_qty,
                    float(p.cell_price),
                    float(_pamt(p)),
                    "01/12/2026",
                ],
            )
        )
    return _emit(folder, "halo_recurring_lines.xlsx", "xlsx", rows, None, sheet="Recurring Lines")


def p_myob(case, folder, rng):
    hdr = [
        "Co./Last Name",
        "First Name",
        "Invoice #",
        "Date",
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
        "Tax Code",
    ]
    rows = [(None, hdr)]
    last = None
    n = 7100
    for p in _psorted(case):
        if last is not None and (p.pname, p.record) != last:
            rows.append((None, []))
            n += 1
        last = (p.pname, p.record)
        code = case.codes.get(p.product, "SVC") if p.product else "SVC-" + p.text[:3].upper()
        t = _pamt(p)
        rows.append(
            (
                p,
                [
                    p.pname,
                    "",
                    f"{n:08d}",
                    "1/11/2026",
                    code,
                    str(p.cell_qty),
                    p.text,
                    _fmt(p.cell_price, "dollar"),
                    _fmt(p.cell_price * Decimal("1.1"), "dollar"),
                    "0%",
                    _fmt(t, "dollar"),
                    _fmt(t * Decimal("1.1"), "dollar"),
                    "",
                    "",
                    "GST",
                ],
            )
        )
    return _emit(folder, "myob_item_sales.csv", "csv", rows, None, enc="cp1252", delim="\t")


def p_cw(case, folder, rng):
    hdr = [
        "Company",
        "Agreement Name",
        "Agreement Type",
        "Product ID",
        "Description",
        "Quantity",
        "Less Included",
        "Price",
        "Ext Price",
        "Cost",
        "Effective",
        "Cancelled",
        "Addition Status",
        "Bill",
    ]
    rows = [(None, hdr)]
    for p in _psorted(case):
        pid = case.codes.get(p.product, "") if p.product else "MS-SVC"
        rows.append(
            (
                p,
                [
                    p.pname,
                    p.agreement,
                    "Managed Services",
                    pid,
                    p.text,
                    str(p.cell_qty),
                    "0",
                    f"{p.cell_price:.2f}",
                    f"{_pamt(p):.2f}",
                    "",
                    "2025-07-01",
                    "",
                    "Active",
                    "Billable",
                ],
            )
        )
    return _emit(folder, "cw_agreement_additions.csv", "csv", rows, None)


def p_qbd(case, folder, rng):
    hdr = ["", "Type", "Date", "Num", "Memo", "Name", "Qty", "Sales Price", "Amount", "Balance"]
    rows = [(None, ["Sales by Item Detail"]), (None, ["November 2026"]), (None, hdr)]
    groups = {}
    for p in _psorted(case):
        item = (p.text[:31] if p.product else "Services:" + p.text[:22]).strip()
        groups.setdefault(item, []).append(p)
    n = 30100
    for item in sorted(groups):
        rows.append((None, [item]))
        tot = Decimal(0)
        for p in groups[item]:
            n += 1
            a = _pamt(p)
            tot += a
            rows.append(
                (
                    p,
                    [
                        "",
                        "Invoice",
                        "11/01/2026",
                        str(n),
                        p.text,
                        p.pname,
                        str(p.cell_qty),
                        f"{p.cell_price:,.2f}",
                        f"{a:,.2f}",
                        f"{tot:,.2f}",
                    ],
                )
            )
        rows.append(
            (None, [f"Total {item}", "", "", "", "", "", "", "", f"{tot:,.2f}", f"{tot:,.2f}"])
        )
    return _emit(folder, "qbd_sales_by_item_detail.csv", "csv", rows, None)


def p_autotask(case, folder, rng):
    hdr = [
        "Account Name",
        "Contract Name",
        "Service Name",
        "Units",
        "Unit Price",
        "Extended Price",
        "Unit Cost",
        "Start Date",
        "End Date",
    ]
    rows = [
        (None, ["Contract Services by Account"]),
        (None, ["Period: 01/11/2026 - 30/11/2026"]),
        (None, hdr),
    ]
    last = None
    tot = Decimal(0)
    for p in _psorted(case):
        if p.pname != last:
            rows.append((None, [f"Account: {p.pname}"]))
            last = p.pname
        a = _pamt(p)
        tot += a
        rows.append(
            (
                p,
                [
                    None,
                    p.agreement,
                    p.text,
                    p.cell_qty,
                    float(p.cell_price),
                    float(a),
                    None,
                    "01/07/2025",
                    "30/06/2027",
                ],
            )
        )
    rows.append((None, ["Total", None, None, None, None, float(tot)]))
    return _emit(
        folder, "autotask_contract_services.xlsx", "xlsx", rows, None, sheet="Contract Services"
    )


def _acct(name):
    s = re.sub(r"[^A-Z0-9]", "", name.upper())
    return (s[:6] + "01").ljust(8, "X")


def p_sage(case, folder, rng):
    hdr = [
        "Customer A/C",
        "Customer Name",
        "Order No",
        "Stock Code",
        "Description",
        "Quantity",
        "Unit Price",
        "Line Total",
        "Nominal Code",
        "Tax Code",
    ]
    rows = [(None, hdr)]
    for i, p in enumerate(_psorted(case)):
        code = (case.codes.get(p.product, "") if p.product else "S-LABOUR").ljust(10)
        rows.append(
            (
                p,
                [
                    _acct(p.pname),
                    p.pname,
                    f"SO{20400 + i // 6:06d}",
                    code,
                    p.text,
                    f"{p.cell_qty}.00",
                    f"{p.cell_price:.2f}",
                    f"{_pamt(p):.2f}",
                    "4000",
                    "T1",
                ],
            )
        )
    return _emit(folder, "sage200_sop_lines.csv", "csv", rows, None)


def p_xero(case, folder, rng):
    hdr = [
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
        "Currency",
    ]
    rows = [(None, hdr)]
    inv = {}
    for p in _psorted(case):
        n = inv.setdefault((p.pname, p.record), f"INV-{4100 + len(inv):05d}")
        c = case.clients[p.cid]
        code = case.codes.get(p.product, "") if p.product and rng.random() < 0.5 else ""
        rows.append(
            (
                p,
                [
                    p.pname,
                    "",
                    n,
                    "Old ref " + c["custno"],
                    "01/11/2026",
                    "20/11/2026",
                    code,
                    p.text,
                    f"{p.cell_qty:.4f}",
                    f"{p.cell_price:.4f}",
                    "",
                    f"{_pamt(p):.2f}",
                    "200",
                    "15% GST on Income",
                    "NZD",
                ],
            )
        )
    return _emit(folder, "xero_sales_invoices.csv", "csv", rows, None)


def p_exact(case, folder, rng):
    hdr = [
        "Debiteur",
        "Naam",
        "Factuurnummer",
        "Artikelcode",
        "Omschrijving",
        "Aantal",
        "Prijs",
        "Bedrag excl. btw",
        "Btw-code",
        "Periode",
    ]
    rows = [(None, ["Exact Globe - Verkoopregels"]), (None, ["Periode: 11-2026"]), (None, hdr)]
    tot = Decimal(0)
    for i, p in enumerate(_psorted(case)):
        a = _pamt(p)
        tot += a
        c = case.clients[p.cid]
        rows.append(
            (
                p,
                [
                    c["custno"],
                    p.pname,
                    f"26{11000 + i // 6}",
                    case.codes.get(p.product, "DIENST") if p.product else "DIENST",
                    p.text,
                    str(p.cell_qty),
                    _fmt(p.cell_price, "comma"),
                    _fmt(a, "comma"),
                    "2",
                    "11-2026",
                ],
            )
        )
    rows.append((None, ["Totaal", "", "", "", "", "", "", _fmt(tot, "comma")]))
    return _emit(folder, "exact_verkoopregels.csv", "csv", rows, None, enc="cp1252", delim=";")


# name -> (writer, currency, reader meta)
# meta: kind, enc, delim, sheet, qty column, amount column, number style, text column
VENDORS = {
    "pc_nce_recon_twotenant_bom_usd_csv": (
        v_pc,
        "USD",
        ("csv", "utf-8-sig", ",", "BillableQuantity", "Subtotal", "plain", "ProductName"),
    ),
    "pax8_invoice_items_titled_aud_xlsx": (
        v_pax8,
        "AUD",
        ("xlsx", None, None, "quantity", "costTotal", "plain", "productName"),
    ),
    "ingram_cmp_ca_netprice_subtotal_cad_xlsx": (
        v_ingram,
        "CAD",
        ("xlsx", None, None, "Quantity", "Net Price", "plain", "Subscription Name"),
    ),
    "tdsynnex_ion_us_paren_credit_dollar_csv": (
        v_td,
        "USD",
        ("csv", "utf-8", ",", "Quantity", "Extended Cost", "money", "Product Name"),
    ),
    "dicker_annuity_au_title_gst_xlsx": (
        v_dicker,
        "AUD",
        ("xlsx", None, None, "QTY", "EXTENDED PRICE EX GST", "plain", "STOCK DESCRIPTION"),
    ),
    "vuzion_monthly_recharge_tab_gbp_csv": (
        v_vuzion,
        "GBP",
        ("csv", "utf-8", "\t", "Seats", "Line Cost", "money", "Service"),
    ),
    "crayon_rhipe_nz_customer_blocks_nzd_xlsx": (
        v_crayon,
        "NZD",
        ("xlsx", None, None, "Quantity", "Amount", "plain", "Product"),
    ),
    "pc_legacy_licence_otherdisc_eur_semicolon_csv": (
        v_pclegacy,
        "EUR",
        ("csv", "cp1252", ";", "Quantity", "Subtotal", "comma", "OfferName"),
    ),
}
PSAS = {
    "halopsa_recurring_after_autotask_move_xlsx": (
        p_halo,
        ("xlsx", None, None, "qty_order", "net_amount", "plain", "item_shortdescription"),
    ),
    "myob_classic_tab_item_sales_aud_csv": (
        p_myob,
        ("csv", "cp1252", "\t", "Quantity", "Total", "money", "Description"),
    ),
    "cw_additions_two_agreements_cad_csv": (
        p_cw,
        ("csv", "utf-8", ",", "Quantity", "Ext Price", "plain", "Description"),
    ),
    "qbd_sales_by_item_detail_grouped_usd_csv": (
        p_qbd,
        ("csv", "utf-8", ",", "Qty", "Amount", "money", "Memo"),
    ),
    "autotask_contract_svc_account_blocks_aud_xlsx": (
        p_autotask,
        ("xlsx", None, None, "Units", "Extended Price", "plain", "Service Name"),
    ),
    "sage200_sop_lines_padded_codes_gbp_csv": (
        p_sage,
        ("csv", "utf-8", ",", "Quantity", "Line Total", "plain", "Description"),
    ),
    "xero_sales_invoices_itemcode_nzd_csv": (
        p_xero,
        ("csv", "utf-8", ",", "Quantity", "LineAmount", "plain", "Description"),
    ),
    "exact_globe_verkoopregels_cp1252_eur_csv": (
        p_exact,
        ("csv", "cp1252", ";", "Aantal", "Bedrag excl. btw", "comma", "Omschrijving"),
    ),
}
