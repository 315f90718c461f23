"""Vendor bills of set V: ten layouts none of the earlier sets used (see README.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .catalog import BY_KEY, money
from .io import (
    PERIOD_END,
    PERIOD_START,
    Sheet,
    amount,
    fmt,
    serial,
    write_csv,
    write_xlsx,
)

A_END = dt.date(2027, 10, 31)


def _cl(case):
    return {c["id"]: c for c in case.clients}


def _vend(case):
    """vendor lines of clients that exist on the vendor side, in export order"""
    byc = _cl(case)
    return [v for v in case.vlines if byc[v.cid]["side"] != "psa"]


def _name(v):
    return BY_KEY[v.product].name if v.product else v.text


def _pub(v):
    return BY_KEY[v.product].publisher if v.product else "Distributor"


def _sku(v):
    return BY_KEY[v.product].sid if v.product else "FEE"


def _end(v):
    return A_END if v.period == "A" else PERIOD_END


def _groups(lines):
    out, cur = [], None
    for v in lines:
        if cur is None or cur[0] != v.cid:
            cur = (v.cid, [])
            out.append(cur)
        cur[1].append(v)
    return out


def _unitword(v, n):
    u = BY_KEY[v.product].unit if v.product else "unit"
    word = {"user": "seat", "device": "device", "server": "server", "pack": "pack"}.get(u, "unit")
    return f"{n} {word}{'' if abs(n) == 1 else 's'}"


# 1 ---------------------------------------------------------------------------------------------
def bluechip_au_pdf2xlsx(case, folder, rng):
    """Bluechip Infotech (AU) tax invoice converted from PDF: page headings repeat, 'End User:'
    rows head each customer, long descriptions wrap onto a second row, subtotal per customer."""
    byc = _cl(case)
    sh = Sheet("Table 1")
    head = [
        "Item Code",
        "Description",
        "Qty",
        "Unit Price (ex GST)",
        "GST",
        "Amount (ex GST)",
        "Amount (inc GST)",
    ]
    page = [0]

    def page_head():
        page[0] += 1
        r = sh.add(["Bluechip Infotech Pty Ltd"])
        sh.merges.append((r, 1, r, 7))
        r = sh.add(["ABN 41 010 811 432 · TAX INVOICE · Invoice BI-2611-0" + str(4100 + case.seed)])
        sh.merges.append((r, 1, r, 7))
        sh.add(["Invoice Date: 30/11/2026", "", "", "", "", f"Page {page[0]}"])
        r = sh.add(head)
        sh.bold_rows.add(r)

    page_head()
    since = 0
    for cid, lines in _groups(_vend(case)):
        if since > 45:
            page_head()
            since = 0
        r = sh.add([f"End User: {byc[cid]['canonical']}"])
        sh.merges.append((r, 1, r, 7))
        tot = Decimal(0)
        for v in lines:
            term = {
                ("P1Y", "M"): "NCE 1 Year Commitment (Monthly Billing)",
                ("P1M", "M"): "Monthly Commitment (Monthly Billing)",
                ("P1Y", "A"): "1 Year Commitment (Annual Billing) 01/11/26-31/10/27",
            }[(v.term, v.period)]
            desc = _name(v) if v.role == "service" else f"{_name(v)} - {term}"
            if v.role == "credit":
                desc = "CREDIT: " + desc + " (seat reduction)"
            amt = amount(v)
            tot += amt
            gst = money(amt * Decimal("0.1"))
            first, rest = desc, ""
            if len(desc) > 44:
                # the converter wraps the cell; the column is wide enough for the product name
                cut = desc.find(
                    " ", max(desc.rfind(" ", 0, 44), desc.find(_name(v)) + len(_name(v)))
                )
                if cut > 0:
                    first, rest = desc[:cut], desc[cut + 1 :]
            r = sh.add([_sku(v), first, v.qty, v.unit, gst, amt, amt + gst])
            v.rows = [r]
            if rest:
                r2 = sh.add(["", rest])
                sh.wrap_rows.add(r2)
            since += 2 if rest else 1
        sh.add(
            [
                "",
                f"Subtotal {byc[cid]['canonical']}",
                "",
                "",
                money(tot * Decimal("0.1")),
                tot,
                tot + money(tot * Decimal("0.1")),
            ]
        )
        since += 2
    sh.numfmt.update({4: "#,##0.00", 5: "#,##0.00", 6: "#,##0.00", 7: "#,##0.00"})
    fn = "Bluechip_TaxInvoice_BI2611.xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


# 2 ---------------------------------------------------------------------------------------------
def shi_statement_csv(case, folder, rng):
    """SHI (US) cloud statement: "$1,234.50", credits in brackets, quantities with their unit
    word ("12 seats"), service dates as Excel serial numbers."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "Statement Date",
            "Bill-To Account",
            "End User Org",
            "End User Domain",
            "Manufacturer",
            "MFR Part #",
            "SHI Part #",
            "Product Description",
            "Subscription ID",
            "Term",
            "Billing Frequency",
            "Service Start",
            "Service End",
            "Qty",
            "Unit Price",
            "Ext. Price",
        ]
    )

    def usd(d):
        s = "$" + fmt(abs(d))
        return f"({s})" if d < 0 else s

    for v in _vend(case):
        c = byc[v.cid]
        term = "1 Year" if v.term == "P1Y" else "Month to Month"
        freq = "Annual" if v.period == "A" else "Monthly"
        part = (
            BY_KEY[v.product].guid.split("-")[0].upper()
            if v.product and BY_KEY[v.product].guid
            else _sku(v)
        )
        r = sh.add(
            [
                serial(PERIOD_END),
                "SHI-4471902",
                c["canonical"],
                c["domain"],
                _pub(v),
                part,
                "SHI-" + _sku(v)[:8],
                _name(v),
                v.sub,
                term,
                freq,
                serial(PERIOD_START),
                serial(_end(v)),
                _unitword(v, v.qty) if v.role != "service" else "1",
                usd(v.unit),
                usd(amount(v)),
            ]
        )
        v.rows = [r]
    fn = "SHI_Cloud_Statement_Nov2026.csv"
    write_csv(folder / fn, sh)
    return fn, None


# 3 ---------------------------------------------------------------------------------------------
def dandh_cloud_proration_csv(case, folder, rng):
    """D&H Cloud Solutions (US) invoice detail: seats added mid-month are a separate proration
    row with the days charged and a proration factor; Unit Price stays the monthly price."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "Invoice #",
            "Invoice Date",
            "Reseller Account",
            "Customer Name",
            "Customer Tenant",
            "Vendor",
            "D&H Item #",
            "Vendor SKU",
            "Description",
            "Charge Type",
            "Period Start",
            "Period End",
            "Days",
            "Proration Factor",
            "Quantity",
            "Unit Price",
            "Extended Price",
        ]
    )
    inv = f"DH{7700000 + case.seed * 13}"
    for v in _vend(case):
        c = byc[v.cid]
        item = "DH" + _sku(v).replace("_", "")[:9].upper()
        base = [
            inv,
            "2026-11-30",
            "R-220981",
            c["canonical"],
            c["domain"],
            _pub(v),
            item,
            _sku(v),
            _name(v),
        ]
        ctype = {
            "licence": "Recurring",
            "credit": "Credit - Seat Decrease",
            "service": "Service Fee",
        }[v.role]
        if v.period == "A":
            days, fac = 365, "1.0000"
        else:
            days, fac = 30, "1.0000"
        q_full = v.qty - v.prorate_extra
        r = sh.add(
            [
                *base,
                ctype,
                PERIOD_START.isoformat(),
                _end(v).isoformat(),
                days,
                fac,
                q_full,
                f"{v.unit:.2f}",
                f"{money(v.unit * q_full):.2f}",
            ]
        )
        v.rows = [r]
        if v.prorate_extra:
            k = v.prorate_extra
            r2 = sh.add(
                [
                    *base,
                    "Proration - Seat Increase",
                    "2026-11-15",
                    "2026-11-30",
                    16,
                    "0.5333",
                    k,
                    f"{v.unit:.2f}",
                    f"{money(v.unit * k * Decimal(16) / Decimal(30)):.2f}",
                ]
            )
            v.rows.append(r2)
    fn = "DH_CloudInvoiceDetail_" + inv + ".csv"
    write_csv(folder / fn, sh)
    return fn, None


# 4 ---------------------------------------------------------------------------------------------
def boll_ch_semicolon_csv(case, folder, rng):
    """BOLL Engineering (CH) Lizenzabrechnung: semicolons, Swiss "1'234.50", German headers,
    dd.mm.yyyy, a Zwischentotal row after each end customer."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "Rechnungsnr.",
            "Rechnungsdatum",
            "Endkunde",
            "Endkunden-Nr.",
            "Hersteller",
            "Artikelnr.",
            "Bezeichnung",
            "Laufzeit",
            "Abrechnung",
            "Von",
            "Bis",
            "Menge",
            "Einzelpreis CHF",
            "Total CHF",
        ]
    )
    ch = lambda d: fmt(d, thousands="'")  # noqa: E731
    for cid, lines in _groups(_vend(case)):
        c = byc[cid]
        tot = Decimal(0)
        for v in lines:
            name = _name(v) if v.role != "credit" else "Gutschrift: " + _name(v)
            r = sh.add(
                [
                    "RE-2611-3390",
                    "30.11.2026",
                    c["canonical"],
                    c["acct"].replace("C", "EK"),
                    _pub(v),
                    _sku(v),
                    name,
                    "12 Monate" if v.term == "P1Y" else "1 Monat",
                    "jährlich" if v.period == "A" else "monatlich",
                    "01.11.2026",
                    _end(v).strftime("%d.%m.%Y"),
                    v.qty,
                    ch(v.unit),
                    ch(amount(v)),
                ]
            )
            v.rows = [r]
            tot += amount(v)
        sh.add(
            [
                "",
                "",
                f"Zwischentotal {c['canonical']}",
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
                ch(tot),
            ]
        )
    fn = "BOLL_Lizenzabrechnung_2026-11.csv"
    write_csv(folder / fn, sh, delimiter=";", encoding="utf-8-sig")
    return fn, None


# 5 ---------------------------------------------------------------------------------------------
def action_pl_csv(case, folder, rng):
    """A Polish distributor's (Action S.A. style) billing CSV in Windows-1250: semicolons,
    "1 234,50" with a no-break space, Polish headers, net and gross."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "Nr faktury",
            "Data wystawienia",
            "Klient końcowy",
            "NIP klienta",
            "Producent",
            "Kod produktu",
            "Nazwa produktu",
            "Okres rozliczeniowy",
            "Ilość",
            "Cena jedn. netto",
            "Wartość netto",
            "VAT %",
            "Wartość brutto",
            "Waluta",
        ]
    )
    pl = lambda d: fmt(d, thousands="\u00a0", decimal=",")  # noqa: E731
    for v in _vend(case):
        c = byc[v.cid]
        net = amount(v)
        okres = "roczny (12 m-cy)" if v.period == "A" else "miesięczny"
        name = _name(v) if v.role != "credit" else "Korekta: " + _name(v)
        r = sh.add(
            [
                "FV/CSP/11/2026/0" + str(310 + case.seed),
                "30.11.2026",
                c["canonical"],
                c["taxid"].replace("NIP ", "") if c["taxid"].startswith("NIP") else "",
                _pub(v),
                _sku(v),
                name,
                okres,
                v.qty,
                pl(v.unit),
                pl(net),
                "23",
                pl(money(net * Decimal("1.23"))),
                "PLN",
            ]
        )
        v.rows = [r]
    fn = "rozliczenie_CSP_2026_11.csv"
    write_csv(folder / fn, sh, delimiter=";", encoding="cp1250", errors="replace")
    return fn, None


# 6 ---------------------------------------------------------------------------------------------
def exclusive_networks_fx_xlsm(case, folder, rng):
    """Exclusive Networks cloud billing detail as a macro-enabled workbook: merged title cells,
    lines priced in USD or EUR with an FX rate column and the EUR amounts billed, hidden helper
    rows."""
    byc = _cl(case)
    sh = Sheet("Billing Detail")
    r = sh.add(["Exclusive Networks – Cloud Billing Detail"])
    sh.merges.append((r, 1, r, 13))
    r = sh.add(["Billing period: 01/11/2026 – 30/11/2026 · Invoice currency " + case.currency])
    sh.merges.append((r, 1, r, 13))
    sh.add([])
    rate = Decimal("0.9215")
    r = sh.add(["FX helper", "USD→" + case.currency, float(rate), "rate date 2026-10-31"])
    sh.hidden_rows.add(r)
    sh.add(
        [
            "Customer",
            "Tenant Domain",
            "Vendor",
            "SKU",
            "Product",
            "Billing Term",
            "Qty",
            "Source Currency",
            "Unit Price (Source)",
            "Line Total (Source)",
            f"FX Rate to {case.currency}",
            f"Unit Price ({case.currency})",
            f"Line Total ({case.currency})",
        ]
    )
    for v in _vend(case):
        c = byc[v.cid]
        usd = v.product and BY_KEY[v.product].publisher != "Microsoft"
        fx = rate if usd else Decimal(1)
        src_unit = money(v.unit / fx)
        term = {
            ("P1Y", "M"): "Annual commitment / monthly billing",
            ("P1M", "M"): "Monthly commitment / monthly billing",
            ("P1Y", "A"): "Annual commitment / annual billing",
        }[(v.term, v.period)]
        r = sh.add(
            [
                c["canonical"],
                c["domain"],
                _pub(v),
                _sku(v),
                _name(v),
                term,
                v.qty,
                "USD" if usd else case.currency,
                src_unit,
                money(src_unit * v.qty),
                float(fx),
                v.unit,
                amount(v),
            ]
        )
        v.rows = [r]
    r = sh.add(["check", "sum EUR vs invoice", "ok"])
    sh.hidden_rows.add(r)
    sh.numfmt.update({9: "#,##0.00", 10: "#,##0.00", 12: "#,##0.00", 13: "#,##0.00"})
    fn = "EXN_CloudBilling_2026-11.xlsm"
    write_xlsx(folder / fn, [sh], xlsm=True)
    return fn, sh.name


# 7 ---------------------------------------------------------------------------------------------
def logicom_utf16_csv(case, folder, rng):
    """Logicom (Cyprus / Middle East) cloud billing in UTF-16 with a BOM, comma separated;
    ISO timestamps, quantities with three decimals, annual lines 'billed upfront'."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "Reseller",
            "End Customer",
            "Customer Domain",
            "Vendor",
            "Part Number",
            "Description",
            "Billing Model",
            "Start Date",
            "End Date",
            "Quantity",
            "Unit Cost",
            "Total Cost",
            "Currency",
        ]
    )
    for v in _vend(case):
        c = byc[v.cid]
        model = {
            ("P1Y", "M"): "Annual commitment - monthly",
            ("P1M", "M"): "Monthly",
            ("P1Y", "A"): "Annual - billed upfront",
        }[(v.term, v.period)]
        r = sh.add(
            [
                "Northwind IT Services",
                c["canonical"],
                c["domain"],
                _pub(v),
                _sku(v),
                _name(v),
                model,
                PERIOD_START.isoformat() + "T00:00:00Z",
                _end(v).isoformat() + "T23:59:59Z",
                f"{v.qty}.000",
                f"{v.unit:.2f}",
                f"{amount(v):.2f}",
                case.currency,
            ]
        )
        v.rows = [r]
    fn = "Logicom_CloudBilling_Nov-2026.csv"
    write_csv(folder / fn, sh, encoding="utf-16")
    return fn, None


# 8 ---------------------------------------------------------------------------------------------
def trustmarque_uk_xlsx(case, folder, rng):
    """Trustmarque (UK) invoice detail: an address block above the header, licence period as text,
    credits as negative numbers shown in brackets, a Sub-total row per customer and a total."""
    byc = _cl(case)
    sh = Sheet("Invoice Detail")
    for t in [
        "Trustmarque Solutions Ltd",
        "Invoice detail for: Northwind IT Services Ltd",
        "Account: TM-00412",
        f"Invoice: TMQ-2611-{8800 + case.seed}",
        "Period: November 2026",
    ]:
        r = sh.add([t])
        sh.merges.append((r, 1, r, 6))
    sh.add([])
    sh.add([])
    r = sh.add(
        [
            "Customer",
            "Customer Ref",
            "Publisher",
            "Part No",
            "Product",
            "Licence Period",
            "Billing",
            "Qty",
            "Unit Price",
            "Line Total",
        ]
    )
    sh.bold_rows.add(r)
    grand = Decimal(0)
    for cid, lines in _groups(_vend(case)):
        c = byc[cid]
        tot = Decimal(0)
        for v in lines:
            per = f"01/11/2026 - {_end(v).strftime('%d/%m/%Y')}"
            r = sh.add(
                [
                    c["canonical"],
                    c["acct"],
                    _pub(v),
                    _sku(v),
                    _name(v),
                    per,
                    "Annual" if v.period == "A" else "Monthly",
                    v.qty,
                    v.unit,
                    amount(v),
                ]
            )
            v.rows = [r]
            tot += amount(v)
        r = sh.add(["Sub-total", "", "", "", "", "", "", "", "", tot])
        sh.bold_rows.add(r)
        grand += tot
    r = sh.add(["Total (GBP, excl. VAT)", "", "", "", "", "", "", "", "", grand])
    sh.bold_rows.add(r)
    sh.numfmt.update({9: "#,##0.00;(#,##0.00)", 10: "#,##0.00;(#,##0.00)"})
    fn = "Trustmarque_InvoiceDetail_TMQ2611.xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


# 9 ---------------------------------------------------------------------------------------------
def jenne_flat_tsv(case, folder, rng):
    """Jenne (US) flat billing extract: tab separated, upper-case underscore headers, YYYYMMDD
    dates, four-decimal money, ISO term codes."""
    byc = _cl(case)
    sh = Sheet()
    sh.add(
        [
            "INVOICE_NO",
            "INVOICE_DATE",
            "END_USER_NAME",
            "END_USER_ID",
            "MFR_NAME",
            "MFR_SKU",
            "ITEM_DESC",
            "TERM_CODE",
            "BILL_FREQ",
            "SVC_START",
            "SVC_END",
            "QTY",
            "UNIT_COST",
            "EXT_COST",
        ]
    )
    for v in _vend(case):
        c = byc[v.cid]
        r = sh.add(
            [
                f"J{5100000 + case.seed}",
                "20261130",
                c["canonical"],
                c["acct"],
                _pub(v).upper(),
                _sku(v),
                _name(v),
                v.term,
                "ANNUAL" if v.period == "A" else "MONTHLY",
                "20261101",
                _end(v).strftime("%Y%m%d"),
                f"{v.qty}.00",
                f"{v.unit:.4f}",
                f"{amount(v):.4f}",
            ]
        )
        v.rows = [r]
    fn = "JENNE_CLOUD_BILLING_202611.tsv"
    write_csv(folder / fn, sh, delimiter="\t", eol="\n")
    return fn, None


# 10 --------------------------------------------------------------------------------------------
def westcon_nl_merged_xlsx(case, folder, rng):
    """Westcon (NL) specificatie: a summary sheet first, the lines on 'Specificatie' with the
    customer cell merged down over all of its lines, Dutch headers."""
    byc = _cl(case)
    summ = Sheet("Samenvatting")
    summ.add(["Westcon Group Netherlands B.V. – Cloud facturatie november 2026"])
    summ.merges.append((1, 1, 1, 3))
    summ.add(["Klant", "Aantal regels", "Totaal excl. btw"])
    sh = Sheet("Specificatie")
    sh.add(
        [
            "Klant",
            "Tenant",
            "Fabrikant",
            "Artikelnummer",
            "Omschrijving",
            "Looptijd",
            "Facturering",
            "Aantal",
            "Stukprijs",
            "Totaal excl. btw",
        ]
    )
    for cid, lines in _groups(_vend(case)):
        c = byc[cid]
        first = None
        for i, v in enumerate(lines):
            r = sh.add(
                [
                    c["canonical"] if i == 0 else None,
                    c["domain"],
                    _pub(v),
                    _sku(v),
                    _name(v) if v.role != "credit" else _name(v) + " (creditering)",
                    "12 maanden" if v.term == "P1Y" else "1 maand",
                    "Jaarlijks" if v.period == "A" else "Maandelijks",
                    v.qty,
                    v.unit,
                    amount(v),
                ]
            )
            v.rows = [r]
            first = first or r
        if len(lines) > 1:
            sh.merges.append((first, 1, first + len(lines) - 1, 1))
        summ.add([c["canonical"], len(lines), sum((amount(v) for v in lines), Decimal(0))])
    sh.numfmt.update({9: "#,##0.00", 10: "#,##0.00"})
    fn = "Westcon_Specificatie_2026-11.xlsx"
    write_xlsx(folder / fn, [summ, sh])
    return fn, sh.name


VENDORS = {
    "bluechip_au_pdf2xlsx": (bluechip_au_pdf2xlsx, "AUD"),
    "shi_statement_csv": (shi_statement_csv, "USD"),
    "dandh_cloud_proration_csv": (dandh_cloud_proration_csv, "USD"),
    "boll_ch_semicolon_csv": (boll_ch_semicolon_csv, "CHF"),
    "action_pl_cp1250_csv": (action_pl_csv, "PLN"),
    "exclusive_networks_fx_xlsm": (exclusive_networks_fx_xlsm, "EUR"),
    "logicom_utf16_csv": (logicom_utf16_csv, "USD"),
    "trustmarque_uk_xlsx": (trustmarque_uk_xlsx, "GBP"),
    "jenne_flat_tsv": (jenne_flat_tsv, "USD"),
    "westcon_nl_merged_xlsx": (westcon_nl_merged_xlsx, "EUR"),
}
