"""Eight vendor-bill formats of set K (none written by sets A–J).

Each renderer writes the bill of one case and returns (file name, {row number: VLine}, sheet or None).
The vendor side keeps the vendor's own spelling (canonical names with the format's decorations);
only the PSA side is perturbed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from . import catalog as C
from .common import CsvOut, by_client, fmt_date, num, shuffled, workbook

MONTH_TITLE = "November 2026"


def _part(v):
    return C.PRODUCTS[v.key][6] if v.key in C.PRODUCTS else C.FREE[v.key][2]


def _msid(v):
    if v.key in C.PRODUCTS:
        return C.PRODUCTS[v.key][4] or ""
    return ""


def _ext(v):
    return (v.unit * v.qty * (1 - v.discount / 100)).quantize(D("0.01"))


# V1 ------------------------------------------------------------------------------------------
def td_streamone_xlsx(case, folder, rng):
    """TD SYNNEX StreamOne Enterprise Solutions – invoice detail report (xlsx, title block, totals)."""
    fn = "StreamOne_InvoiceDetail_2026-11.xlsx"
    wb = workbook(folder / fn)
    ws = wb.add_worksheet("Invoice Detail")
    money = wb.add_format({"num_format": "#,##0.00"})
    datef = wb.add_format({"num_format": "mm/dd/yyyy"})
    ws.write(0, 0, "TD SYNNEX StreamOne Enterprise Solutions")
    ws.write(1, 0, "Invoice Detail Report")
    ws.write(2, 0, "Billing Period: 11/01/2026 - 11/30/2026")
    ws.write(3, 0, "Currency: USD")
    hdr = [
        "End Customer Name",
        "End Customer ID",
        "Subscription ID",
        "Manufacturer",
        "Manufacturer Part Number",
        "TD SYNNEX SKU",
        "Product Description",
        "Term",
        "Billing Frequency",
        "Charge Type",
        "Quantity",
        "Unit Cost",
        "Extended Cost",
        "Service Start",
        "Service End",
    ]
    r = 5
    ws.write_row(r, 0, hdr)
    rows = {}
    for v in shuffled(case.vlines, "td"):
        r += 1
        man = (
            "Microsoft"
            if v.key in C.FREE
            or C.PRODUCTS[v.key][4]
            or C.PRODUCTS[v.key][5]
            or v.key in ("v2", "bpnt", "m3nt")
            else C.PRODUCTS[v.key][0].split()[0]
        )
        ct = {"licence": "Recurring", "credit": "Credit", "free": "Trial"}[v.role]
        term = "1 Month" if v.term == "P1M-M" else "12 Months"
        ws.write_row(
            r,
            0,
            [
                v.client.name,
                f"EC{v.client.number:07d}",
                v.sub,
                man,
                _part(v),
                f"{abs(hash_(v.key)) % 90000000 + 10000000}",
                v.name,
                term,
                "Annual" if v.months == 12 else "Monthly",
                ct,
            ],
        )
        ws.write_number(r, 10, v.qty)
        ws.write_number(r, 11, float(v.unit), money)
        ws.write_number(r, 12, float(_ext(v)), money)
        ws.write_datetime(r, 13, dt.datetime.fromisoformat(v.start), datef)
        ws.write_datetime(r, 14, dt.datetime.fromisoformat(v.end), datef)
        rows[r + 1] = v
    r += 2
    ws.write(r, 0, "Total")
    ws.write_number(r, 12, float(sum(_ext(v) for v in case.vlines)), money)
    wb.close()
    return fn, rows, None


def hash_(s: str) -> int:
    h = 7
    for ch in s:
        h = (h * 131 + ord(ch)) % 2_147_483_647
    return h


# V2 ------------------------------------------------------------------------------------------
def cloudblue_connect_csv(case, folder, rng):
    """Ingram Micro CloudBlue Connect – billing request lines (CSV, product line vs item, ISO stamps)."""
    fn = "connect_billing_requests_2026-11.csv"
    out = CsvOut()
    out.row(
        [
            "Billing Period",
            "Request ID",
            "Request Type",
            "Asset ID",
            "Asset External ID",
            "Customer ID",
            "Customer Name",
            "Customer Country",
            "Tenant Domain",
            "Product ID",
            "Product Name",
            "Item MPN",
            "Item Name",
            "Item Period",
            "Quantity",
            "Unit Cost",
            "Total Cost",
            "Currency",
            "Period From",
            "Period To",
        ]
    )
    rows = {}
    for i, v in enumerate(shuffled(case.vlines, "cb")):
        ms = (
            v.key in C.FREE
            or bool(C.PRODUCTS[v.key][4] or C.PRODUCTS[v.key][5])
            or v.key in ("v2", "bpnt", "m3nt")
        )
        prod_line = (
            "Microsoft 365 NCE" if ms else C.PRODUCTS[v.key][0].split()[0] + " Cloud Services"
        )
        rows[
            out.row(
                [
                    "2026-11",
                    f"BRQ-{4100 + i:04d}-{hash_(v.sub) % 9000 + 1000}",
                    "adjustment" if v.role == "credit" else "billing",
                    f"AS-{hash_(v.sub) % 900000 + 100000}",
                    v.sub,
                    f"TA-{v.client.number:05d}",
                    v.client.name,
                    v.client.country,
                    v.client.domain,
                    f"PRD-{hash_(prod_line) % 900 + 100}-{hash_(prod_line[::-1]) % 900 + 100}",
                    prod_line,
                    _part(v),
                    v.name,
                    "Yearly" if v.months == 12 else "Monthly",
                    str(v.qty),
                    f"{v.unit:.4f}",
                    f"{_ext(v):.4f}",
                    case.currency,
                    v.start + "T00:00:00+00:00",
                    v.end + "T23:59:59+00:00",
                ]
            )
        ] = v
    out.save(folder / fn)
    return fn, rows, None


# V3 ------------------------------------------------------------------------------------------
def pax8_uk_grouped_xlsx(case, folder, rng):
    """Pax8 UK invoice download in GBP: company group rows, subtotal per company, VAT and gross."""
    fn = "Pax8_UK_Invoice_INV-UK-2026-11.xlsx"
    wb = workbook(folder / fn)
    ws = wb.add_worksheet("Invoice")
    money = wb.add_format({"num_format": "£#,##0.00"})
    bold = wb.add_format({"bold": True})
    ws.write(0, 0, "Pax8 UK Ltd", bold)
    ws.write(1, 0, "Invoice INV-UK-2026-11-0042")
    ws.write(2, 0, "Invoice date: 01/12/2026   Billing period: November 2026   Currency: GBP")
    hdr = [
        "Company",
        "Product",
        "SKU",
        "Term",
        "Billing Period",
        "Qty",
        "Unit Price",
        "Net",
        "VAT (20%)",
        "Gross",
    ]
    r = 4
    ws.write_row(r, 0, hdr, bold)
    rows = {}
    for grp in by_client(case.vlines, "pax8uk"):
        r += 1
        ws.write(r, 0, grp[0].client.name, bold)
        net_sum = D(0)
        for v in grp:
            r += 1
            tag = " [NCE]" if v.key in C.PRODUCTS and C.PRODUCTS[v.key][4] else ""
            term = {
                "P1Y-Y": "Annual (billed annually)",
                "P1M-M": "Monthly",
                "P1Y-M": "Annual (billed monthly)",
            }[v.term]
            if v.role == "free":
                term = "Trial"
            name = ("Credit: " if v.role == "credit" else "") + v.name + tag
            net = _ext(v)
            net_sum += net
            ws.write_row(
                r,
                0,
                ["", name, _part(v), term, f"{fmt_date(v.start, 'uk')} - {fmt_date(v.end, 'uk')}"],
            )
            ws.write_number(r, 5, v.qty)
            ws.write_number(r, 6, float(v.unit), money)
            ws.write_number(r, 7, float(net), money)
            ws.write_number(r, 8, float((net * D("0.2")).quantize(D("0.01"))), money)
            ws.write_number(r, 9, float(net + (net * D("0.2")).quantize(D("0.01"))), money)
            rows[r + 1] = v
        r += 1
        ws.write(r, 0, f"Subtotal {grp[0].client.name}", bold)
        ws.write_number(r, 7, float(net_sum), money)
    r += 2
    ws.write(r, 0, "Invoice total", bold)
    ws.write_number(r, 7, float(sum(_ext(v) for v in case.vlines)), money)
    wb.close()
    return fn, rows, None


# V4 ------------------------------------------------------------------------------------------
def also_nl_csv(case, folder, rng):
    """ALSO Nederland cloud marketplace factuurregels: ';', decimal comma, cp1252, korting %."""
    fn = "ALSO_NL_factuurregels_2026-11.csv"
    out = CsvOut(delimiter=";")
    out.row(
        [
            "Factuurnummer",
            "Factuurdatum",
            "Klantnummer",
            "Klantnaam",
            "Tenant domein",
            "Artikelnummer",
            "Omschrijving",
            "Looptijd",
            "Facturatie",
            "Aantal",
            "Eenheidsprijs",
            "Korting %",
            "Netto bedrag",
            "BTW %",
            "BTW bedrag",
            "Periode van",
            "Periode tot",
            "Valuta",
        ]
    )
    rows = {}
    for v in shuffled(case.vlines, "alsonl"):
        term = "1 maand" if v.term == "P1M-M" else "1 jaar"
        omschr = (
            ("Creditering: " if v.role == "credit" else "")
            + v.name
            + (" (proefperiode)" if v.role == "free" else "")
        )
        net = _ext(v)
        rows[
            out.row(
                [
                    "2026110042",
                    "01-12-2026",
                    f"K{v.client.number}",
                    v.client.name,
                    v.client.domain,
                    _part(v),
                    omschr,
                    term,
                    "jaarlijks" if v.months == 12 else "maandelijks",
                    str(v.qty),
                    num(v.unit, ",", "."),
                    num(v.discount, ",", "", 0),
                    num(net, ",", "."),
                    "21",
                    num((net * D("0.21")).quantize(D("0.01")), ",", "."),
                    fmt_date(v.start, "nl"),
                    fmt_date(v.end, "nl"),
                    case.currency,
                ]
            )
        ] = v
    out.save(folder / fn, "cp1252")
    return fn, rows, None


# V5 ------------------------------------------------------------------------------------------
def nuvias_multisheet_xlsx(case, folder, rng):
    """Nuvias (UK) cloud invoice workbook: Summary sheet first, lines on 'Detail', a Remittance sheet."""
    fn = "Nuvias_Cloud_Invoice_Nov2026.xlsx"
    wb = workbook(folder / fn)
    money = wb.add_format({"num_format": "#,##0.00"})
    datef = wb.add_format({"num_format": "dd/mm/yyyy"})
    s = wb.add_worksheet("Summary")
    s.write(0, 0, "Nuvias UK Ltd – Cloud services invoice – November 2026 (GBP)")
    s.write_row(2, 0, ["End User", "Lines", "Net £", "VAT £", "Total £"])
    totals: dict = {}
    for v in case.vlines:
        t = totals.setdefault(v.client.name, [0, D(0)])
        t[0] += 1
        t[1] += _ext(v)
    for i, (k, (n, net)) in enumerate(sorted(totals.items())):
        s.write_row(3 + i, 0, [k, n])
        s.write_number(3 + i, 2, float(net), money)
        s.write_number(3 + i, 3, float((net * D("0.2")).quantize(D("0.01"))), money)
        s.write_number(3 + i, 4, float(net + (net * D("0.2")).quantize(D("0.01"))), money)
    ws = wb.add_worksheet("Detail")
    hdr = [
        "Invoice No",
        "Invoice Date",
        "Reseller PO",
        "End User",
        "End User Ref",
        "Vendor",
        "Part No",
        "Description",
        "Contract Start",
        "Contract End",
        "Billing",
        "Qty",
        "Unit Net £",
        "Line Net £",
        "VAT £",
    ]
    ws.write_row(0, 0, hdr)
    rows = {}
    for r, v in enumerate(shuffled(case.vlines, "nuvias"), 1):
        vendor = (
            "Microsoft"
            if v.key in C.FREE
            or C.PRODUCTS[v.key][4]
            or C.PRODUCTS[v.key][5]
            or v.key in ("v2", "bpnt", "m3nt")
            else C.PRODUCTS[v.key][0].split()[0]
        )
        desc = (
            ("CR " if v.role == "credit" else "")
            + v.name.upper()
            + (" - TRIAL" if v.role == "free" else "")
        )
        ws.write_row(
            r,
            0,
            [
                "SI-884213",
                "",
                f"PO-{v.client.number}",
                v.client.name,
                v.client.domain.split(".")[0].upper(),
                vendor,
                _part(v),
                desc,
            ],
        )
        ws.write_datetime(r, 1, dt.datetime(2026, 12, 1), datef)
        ws.write_datetime(r, 8, dt.datetime.fromisoformat(v.start), datef)
        ws.write_datetime(r, 9, dt.datetime.fromisoformat(v.end), datef)
        ws.write(r, 10, "Annual in advance" if v.months == 12 else "Monthly")
        ws.write_number(r, 11, v.qty)
        ws.write_number(r, 12, float(v.unit), money)
        ws.write_number(r, 13, float(_ext(v)), money)
        ws.write_number(r, 14, float((_ext(v) * D("0.2")).quantize(D("0.01"))), money)
        rows[r + 1] = v
    rm = wb.add_worksheet("Remittance")
    rm.write(
        0, 0, "Please pay to: Nuvias UK Ltd, Sort code 00-00-00, Account 00000000, ref SI-884213"
    )
    wb.close()
    return fn, rows, None


# V6 ------------------------------------------------------------------------------------------
def ab_pl_csv(case, folder, rng):
    """A Polish distributor's cloud invoice lines: cp1250, ';', decimal comma, space thousands, PLN."""
    fn = "faktura_chmura_2026-11.csv"
    out = CsvOut(delimiter=";")
    out.row(
        [
            "Nr faktury",
            "Data wystawienia",
            "Typ dokumentu",
            "Nazwa kontrahenta",
            "NIP",
            "Kod produktu",
            "Nazwa produktu",
            "Okres rozliczeniowy",
            "Ilość",
            "J.m.",
            "Cena netto",
            "Wartość netto",
            "Stawka VAT",
            "Kwota VAT",
            "Wartość brutto",
            "Okres od",
            "Okres do",
            "Waluta",
        ]
    )
    rows = {}
    fold = {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "å": "a",
        "Å": "A",
        "è": "e",
        "à": "a",
        "â": "a",
    }
    for v in shuffled(case.vlines, "abpl"):
        net = _ext(v)
        vat = (net * D("0.23")).quantize(D("0.01"))
        name = "".join(fold.get(ch, ch) for ch in v.client.name)
        rows[
            out.row(
                [
                    "FV/CL/11/2026/0042" if v.role != "credit" else "FK/CL/11/2026/0007",
                    "2026-11-30",
                    "Korekta" if v.role == "credit" else "Faktura",
                    name,
                    f"PL{5250000000 + v.client.number}",
                    _part(v),
                    v.name,
                    "roczny" if v.months == 12 else "miesięczny",
                    str(v.qty),
                    "lic." if v.role != "free" else "szt.",
                    num(v.unit, ",", " "),
                    num(net, ",", " "),
                    "23%",
                    num(vat, ",", " "),
                    num(net + vat, ",", " "),
                    v.start,
                    v.end,
                    case.currency,
                ]
            )
        ] = v
    out.save(folder / fn, "cp1250")
    return fn, rows, None


# V7 ------------------------------------------------------------------------------------------
def pivot_months_xlsx(case, folder, rng):
    """A distributor's 'usage by month' pivot (CAD): compact layout, customer only on its first row,
    Sep/Oct/Nov quantity columns (only Nov is this bill), customer subtotal rows, grand total."""
    fn = "cloud_usage_pivot_2026Q4.xlsx"
    wb = workbook(folder / fn)
    ws = wb.add_worksheet("Pivot")
    money = wb.add_format({"num_format": "#,##0.00"})
    bold = wb.add_format({"bold": True})
    ws.write(0, 0, "Cloud subscriptions – quantity by month (CAD)", bold)
    ws.write(1, 0, "Filter: Billing month = Sep 2026, Oct 2026, Nov 2026")
    hdr = [
        "Customer",
        "Product",
        "SKU",
        "Type",
        "Billing",
        "Unit Cost",
        "Sep 2026",
        "Oct 2026",
        "Nov 2026",
        "Nov 2026 Amount",
    ]
    r = 3
    ws.write_row(r, 0, hdr, bold)
    rows = {}
    for grp in by_client(case.vlines, "pivot"):
        first = True
        for v in grp:
            r += 1
            if first:
                ws.write(r, 0, v.client.name)
                first = False
            typ = {"licence": "Subscription", "credit": "Credit", "free": "Trial"}[v.role]
            ws.write_row(r, 1, [v.name, _part(v), typ, "Annual" if v.months == 12 else "Monthly"])
            ws.write_number(r, 5, float(v.unit), money)
            h = hash_(v.sub)
            for j, delta in enumerate((h % 3 - 1, (h // 3) % 3 - 1)):
                if v.role == "credit":
                    ws.write_blank(r, 6 + j, None)
                else:
                    ws.write_number(r, 6 + j, max(0, v.qty + delta))
            ws.write_number(r, 8, v.qty)
            ws.write_number(r, 9, float(_ext(v)), money)
            rows[r + 1] = v
        r += 1
        ws.write(r, 0, f"{grp[0].client.name} Total", bold)
        ws.write_number(r, 8, sum(v.qty for v in grp), bold)
        ws.write_number(r, 9, float(sum(_ext(v) for v in grp)), money)
    r += 1
    ws.write(r, 0, "Grand Total", bold)
    ws.write_number(r, 9, float(sum(_ext(v) for v in case.vlines)), money)
    wb.close()
    return fn, rows, None


# V8 ------------------------------------------------------------------------------------------
def telstra_au_csv(case, folder, rng):
    """An Australian telco's apps-marketplace bill: quantity and rate only inside the charge
    description, ex/inc GST amounts, dd/mm/yyyy, AUD."""
    fn = "TBA_Bill_Detail_Nov2026.csv"
    out = CsvOut()
    out.row(
        [
            "Account Number",
            "Invoice Number",
            "Bill Period",
            "Service ID",
            "Organisation",
            "ABN",
            "Charge Description",
            "Charge Type",
            "From Date",
            "To Date",
            "Amount (ex GST)",
            "GST",
            "Amount (inc GST)",
            "Currency",
        ]
    )
    rows = {}
    for v in shuffled(case.vlines, "telstra"):
        net = _ext(v)
        gst = (net * D("0.1")).quantize(D("0.01"))
        n = abs(v.qty)
        word = "licence" if n == 1 else "licences"
        desc = f"{v.name} ({n} {word} @ ${v.unit:,.2f})"
        if v.months == 12:
            desc = "Annual charge - " + desc
        if v.role == "credit":
            desc = "Credit - " + desc
        if v.role == "free":
            desc += " - Trial"
        ctype = {
            "licence": "Recurring" if v.months == 1 else "Once-off",
            "credit": "Adjustment",
            "free": "Recurring",
        }[v.role]
        rows[
            out.row(
                [
                    "1234 5678 90",
                    "9001234567",
                    "01 Nov 2026 - 30 Nov 2026",
                    v.sub,
                    v.client.name,
                    f"{50000000000 + v.client.number * 13}",
                    desc,
                    ctype,
                    fmt_date(v.start, "uk"),
                    fmt_date(v.end, "uk"),
                    f"{net:.2f}",
                    f"{gst:.2f}",
                    f"{net + gst:.2f}",
                    case.currency,
                ]
            )
        ] = v
    out.save(folder / fn, "utf-8")
    return fn, rows, None


VENDORS = {
    "td_streamone_xlsx": (td_streamone_xlsx, "USD", {"mpn": True}),
    "cloudblue_connect_csv": (cloudblue_connect_csv, "USD", {"mpn": True}),
    "pax8_uk_grouped_xlsx": (pax8_uk_grouped_xlsx, "GBP", {"mpn": True}),
    "also_nl_csv": (also_nl_csv, "EUR", {"mpn": True, "discount": True}),
    "nuvias_multisheet_xlsx": (nuvias_multisheet_xlsx, "GBP", {"mpn": True}),
    "ab_pl_csv": (ab_pl_csv, "PLN", {"mpn": True}),
    "pivot_months_xlsx": (pivot_months_xlsx, "CAD", {"mpn": True}),
    "telstra_au_csv": (telstra_au_csv, "AUD", {"mpn": False}),
}


# V9 ------------------------------------------------------------------------------------------
def mpa_cost_details_csv(case, folder, rng):
    """Azure cost-management 'cost details' download of a Microsoft Partner Agreement billing account
    (seat purchases of a direct-bill partner): ~40 camelCase columns, unitPrice is the list price and
    effectivePrice what is paid, chargeType Purchase/Refund, frequency Recurring/OneTime with term P1M/P1Y
    (OneTime + P1Y = a year paid now), customerName vs subscriptionName."""
    fn = "Detail_BillingProfile_2026-11.csv"
    out = CsvOut()
    cols = [
        "invoiceId",
        "previousInvoiceId",
        "billingAccountId",
        "billingAccountName",
        "billingProfileId",
        "billingProfileName",
        "invoiceSectionName",
        "partnerName",
        "customerTenantId",
        "customerName",
        "billingPeriodStartDate",
        "billingPeriodEndDate",
        "servicePeriodStartDate",
        "servicePeriodEndDate",
        "date",
        "serviceFamily",
        "productOrderId",
        "productOrderName",
        "ProductId",
        "ProductName",
        "SubscriptionId",
        "subscriptionName",
        "publisherType",
        "publisherName",
        "quantity",
        "unitOfMeasure",
        "chargeType",
        "billingCurrency",
        "pricingCurrency",
        "costInBillingCurrency",
        "costInPricingCurrency",
        "exchangeRatePricingToBilling",
        "frequency",
        "term",
        "pricingModel",
        "unitPrice",
        "effectivePrice",
        "PayGPrice",
        "benefitName",
        "tags",
    ]
    out.row(cols)
    rows = {}
    for v in shuffled(case.vlines, "mpa"):
        ms = (
            v.key in C.FREE
            or bool(C.PRODUCTS[v.key][4] or C.PRODUCTS[v.key][5])
            or v.key in ("v2", "bpnt", "m3nt")
        )
        upfront = v.months == 12
        listp = (v.unit * D("1.15")).quantize(D("0.01"))
        tid = f"{hash_(v.client.name):08x}-4c1a-{v.client.number:04x}-9f00-{hash_(v.client.domain):012x}"[
            :36
        ]
        rec = {
            "invoiceId": "G0" + "41872659",
            "previousInvoiceId": "G040112233" if v.role == "credit" else "",
            "billingAccountId": "b7c1e0aa-0000-4d5e-8f00-partner:contoso_2019-05-31",
            "billingAccountName": "Contoso Cloud Partners",
            "billingProfileId": "QWER-TY12-BG7-TGB",
            "billingProfileName": "Contoso Cloud Partners USD",
            "invoiceSectionName": "Customers",
            "partnerName": "Contoso Cloud Partners",
            "customerTenantId": tid,
            "customerName": v.client.name,
            "billingPeriodStartDate": "11/01/2026",
            "billingPeriodEndDate": "11/30/2026",
            "servicePeriodStartDate": fmt_date(v.start, "us"),
            "servicePeriodEndDate": fmt_date(v.end, "us"),
            "date": "11/01/2026",
            "serviceFamily": "Microsoft 365" if ms else "Marketplace",
            "productOrderId": f"{hash_(v.sub):08x}-po",
            "productOrderName": v.name,
            "ProductId": _msid(v) or _part(v),
            "ProductName": v.name,
            "SubscriptionId": f"{hash_(v.sub + 'x'):08x}",
            "subscriptionName": f"{v.name} - {v.client.domain.split('.')[0]}",
            "publisherType": "Microsoft" if ms else "Marketplace",
            "publisherName": "Microsoft" if ms else C.PRODUCTS[v.key][0].split()[0],
            "quantity": str(v.qty),
            "unitOfMeasure": "1 License",
            "chargeType": "Refund" if v.role == "credit" else "Purchase",
            "billingCurrency": case.currency,
            "pricingCurrency": case.currency,
            "costInBillingCurrency": f"{_ext(v):.6f}",
            "costInPricingCurrency": f"{_ext(v):.6f}",
            "exchangeRatePricingToBilling": "1",
            "frequency": "OneTime" if upfront else "Recurring",
            "term": "P1M" if v.term == "P1M-M" else "P1Y",
            "pricingModel": "OnDemand",
            "unitPrice": f"{listp:.6f}",
            "effectivePrice": f"{v.unit:.6f}",
            "PayGPrice": f"{listp:.6f}",
            "benefitName": "",
            "tags": "",
        }
        if v.role == "free":
            rec.update(unitPrice="0", effectivePrice="0", PayGPrice="0", pricingModel="Trial")
        rows[out.row([rec[c] for c in cols])] = v
    out.save(folder / fn, "utf-8-sig")
    return fn, rows, None


# V10 -----------------------------------------------------------------------------------------
def pt_distributor_xls(case, folder, rng):
    """A Portuguese distributor's 'extrato de faturação cloud' as legacy .xls (BIFF8): title rows,
    quantities and prices written as *text* with decimal commas, Desc. % column, dates as text
    dd/mm/aaaa, 'Nota de crédito' lines, IVA 23 %, EUR."""
    import xlwt

    fn = "extrato_faturacao_cloud_2026-11.xls"
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Extrato")
    ws.write(0, 0, "Extrato de faturação — Serviços Cloud")
    ws.write(1, 0, "Período: 01/11/2026 a 30/11/2026    Moeda: EUR")
    hdr = [
        "Documento",
        "Tipo",
        "Cliente final",
        "NIF",
        "Referência",
        "Descrição",
        "Periodicidade",
        "Qtd.",
        "Preço unit.",
        "Desc. %",
        "Valor líquido",
        "IVA %",
        "Início",
        "Fim",
    ]
    for j, h in enumerate(hdr):
        ws.write(3, j, h)
    rows = {}
    r = 3
    for v in shuffled(case.vlines, "ptxls"):
        r += 1
        vals = [
            f"FT 2026/{4100 + r}" if v.role != "credit" else f"NC 2026/{80 + r}",
            "Nota de crédito" if v.role == "credit" else "Fatura",
            v.client.name,
            f"PT5{v.client.number:08d}",
            _part(v),
            v.name + (" (Trial)" if v.role == "free" else ""),
            "Anual" if v.months == 12 else "Mensal",
            num(D(v.qty), ",", "", 0),
            num(v.unit, ",", "."),
            num(v.discount, ",", "", 0),
            num(_ext(v), ",", "."),
            "23",
            fmt_date(v.start, "uk"),
            fmt_date(v.end, "uk"),
        ]
        for j, x in enumerate(vals):
            ws.write(r, j, x)
        rows[r + 1] = v
    r += 2
    ws.write(r, 0, "Total")
    ws.write(r, 10, num(sum(_ext(v) for v in case.vlines), ",", "."))
    wb.save(str(folder / fn))
    return fn, rows, None


VENDORS.update(
    {
        "mpa_cost_details_csv": (mpa_cost_details_csv, "USD", {"mpn": False}),
        "pt_distributor_xls": (pt_distributor_xls, "EUR", {"mpn": True, "discount": True}),
    }
)


# V11 -----------------------------------------------------------------------------------------
def qc_distributor_xlsx(case, folder, rng):
    """A Québec distributor's 'relevé de facturation infonuagique' (French, CAD): amounts written as text
    '1 240,00 $' (currency after the amount, space thousands), two sales taxes (TPS 5 %, TVQ 9,975 %),
    'Durée' 1 an / 1 mois and 'Facturation' annuelle / mensuelle, 'Note de crédit' lines, dates AAAA-MM-JJ."""
    fn = "Releve_facturation_infonuagique_2026-11.xlsx"
    wb = workbook(folder / fn)
    ws = wb.add_worksheet("Relevé")
    ws.write(0, 0, "Relevé de facturation infonuagique — novembre 2026")
    ws.write(1, 0, "Devise : CAD")
    hdr = [
        "Nom du client",
        "No client",
        "Domaine",
        "No de pièce",
        "Description",
        "Durée",
        "Facturation",
        "Type",
        "Qté",
        "Prix unitaire",
        "Montant",
        "TPS",
        "TVQ",
        "Total",
        "Début",
        "Fin",
    ]
    ws.write_row(3, 0, hdr)
    rows = {}

    def cad(x):
        return num(x, ",", " ") + " $"

    for r, v in enumerate(shuffled(case.vlines, "qc"), 4):
        net = _ext(v)
        tps, tvq = (net * D("0.05")).quantize(D("0.01")), (net * D("0.09975")).quantize(D("0.01"))
        typ = {"licence": "Facture", "credit": "Note de crédit", "free": "Essai"}[v.role]
        ws.write_row(
            r,
            0,
            [
                v.client.name,
                f"QC-{v.client.number}",
                v.client.domain,
                _part(v),
                v.name,
                "1 mois" if v.term == "P1M-M" else "1 an",
                "annuelle" if v.months == 12 else "mensuelle",
                typ,
            ],
        )
        ws.write_number(r, 8, v.qty)
        ws.write_row(
            r, 9, [cad(v.unit), cad(net), cad(tps), cad(tvq), cad(net + tps + tvq), v.start, v.end]
        )
        rows[r + 1] = v
    wb.close()
    return fn, rows, None


# V12 -----------------------------------------------------------------------------------------
def arrow_us_two_header_xlsx(case, folder, rng):
    """Arrow (US) cloud billing statement: a two-row header (a merged band row 'End Customer' /
    'Subscription' / 'Charges (USD)' above the column names), several subscriptions per line item id,
    'Bill Type' Arrears/Advance, 'Prorated' flag, credits as 'Adjustment' lines with negative quantity."""
    fn = "ArrowSphere_US_Statement_202611.xlsx"
    wb = workbook(folder / fn)
    ws = wb.add_worksheet("Statement")
    band = wb.add_format({"bold": True, "align": "center"})
    money = wb.add_format({"num_format": "$#,##0.00"})
    ws.merge_range(0, 0, 0, 2, "End Customer", band)
    ws.merge_range(0, 3, 0, 8, "Subscription", band)
    ws.merge_range(0, 9, 0, 12, "Charges (USD)", band)
    ws.write_row(
        1,
        0,
        [
            "Name",
            "Reference",
            "Country",
            "Vendor",
            "SKU",
            "Offer",
            "Term",
            "Bill Type",
            "Line Type",
            "Qty",
            "Unit",
            "Extended",
            "Prorated",
        ],
    )
    rows = {}
    for r, v in enumerate(shuffled(case.vlines, "arrow"), 2):
        vendor = (
            "Microsoft"
            if v.key in C.FREE
            or bool(C.PRODUCTS[v.key][4] or C.PRODUCTS[v.key][5])
            or v.key in ("v2", "bpnt", "m3nt")
            else C.PRODUCTS[v.key][0].split()[0]
        )
        term = {
            "P1M-M": "Monthly / Monthly",
            "P1Y-M": "Annual / Monthly",
            "P1Y-Y": "Annual / Annual",
        }[v.term]
        ltype = {"licence": "Recurring", "credit": "Adjustment", "free": "Trial"}[v.role]
        ws.write_row(
            r,
            0,
            [
                v.client.name,
                f"XSP{v.client.number:06d}",
                v.client.country,
                vendor,
                _part(v),
                v.name,
                term,
                "Advance",
                ltype,
            ],
        )
        ws.write_number(r, 9, v.qty)
        ws.write_number(r, 10, float(v.unit), money)
        ws.write_number(r, 11, float(_ext(v)), money)
        ws.write(r, 12, "No")
        rows[r + 1] = v
    wb.close()
    return fn, rows, None


VENDORS.update(
    {
        "qc_distributor_xlsx": (qc_distributor_xlsx, "CAD", {"mpn": True}),
        "arrow_us_two_header_xlsx": (arrow_us_two_header_xlsx, "USD", {"mpn": True}),
    }
)
