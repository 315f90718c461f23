"""Sixteen export layouts of set AK (8 vendor, 8 PSA/accounting) and their cell readers for the self-check."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from fractions import Fraction

from openpyxl import Workbook, load_workbook

from .catalog import BY_KEY

# number styles: dec, thousands, prefix, suffix, negative style
US = dict(dec=".", thou=",", pre="", post="", neg="minus")
USD_TXT = dict(dec=".", thou=",", pre="$", post="", neg="minus")
GBP_PAREN = dict(dec=".", thou=",", pre="£", post="", neg="paren")
FRCA = dict(dec=",", thou="\u00a0", pre="", post=" $", neg="minus")
BE = dict(dec=",", thou=".", pre="", post="", neg="minus")
ZAR_TXT = dict(dec=".", thou=" ", pre="R ", post="", neg="pre_minus")
ZA_PLAIN = dict(dec=".", thou=" ", pre="", post="", neg="minus")
NUM = None  # numeric cells


def money(x, st):
    x = Fraction(x)
    neg = x < 0
    d = Decimal(abs(x.numerator)) / Decimal(x.denominator)
    s = f"{d:,.2f}".replace(",", "\x00").replace(".", st["dec"]).replace("\x00", st["thou"])
    s = st["pre"] + s + st["post"]
    if neg:
        if st["neg"] == "paren":
            s = f"({s})"
        elif st["neg"] == "pre_minus":
            s = "-" + s
        else:
            s = st["pre"] + "-" + s[len(st["pre"]) :]
    return s


def parse_money(v, st):
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)):
        return Fraction(Decimal(repr(v)))
    s = str(v).strip()
    neg = (s.startswith("(") and s.endswith(")")) or "-" in s
    s = s.strip("()").replace("-", "")
    if st:
        s = (
            s.replace(st["pre"].strip(), "").replace(st["post"].strip(), "")
            if (st["pre"] or st["post"])
            else s
        )
        s = s.replace(st["thou"], "") if st["thou"] else s
        s = s.replace("\u00a0", "").replace(" ", "").replace(st["dec"], ".")
    s = re.sub(r"[^0-9.]", "", s)
    f = Fraction(Decimal(s))
    return -f if neg else f


def num(x):
    x = Fraction(x)
    return int(x) if x.denominator == 1 else float(Decimal(x.numerator) / Decimal(x.denominator))


def qtyv(q, text):
    return str(q) if text else q


# ---------------------------------------------------------------- records
def vrecs(case):
    byid = {c["id"]: c for c in case.clients}
    out = []
    for v in sorted(
        case.vlines,
        key=lambda v: (byid[v.cid]["canonical"].lower(), BY_KEY[v.product].name, v.role),
    ):
        c = byid[v.cid]
        p = BY_KEY[v.product]
        unit = v.cost * (12 if v.yearly else 1)
        out.append(
            dict(
                line=v,
                cust=c["canonical"],
                dom=c["domain"],
                trading=c["trading"],
                sub=v.sub,
                sku=p.sku,
                prod=p.vendor,
                qty=v.qty,
                unit=unit,
                amount=unit * v.qty,
                yearly=v.yearly,
                credit=v.role == "credit",
                cid=c["id"],
            )
        )
    return out


def precs(case):
    byid = {c["id"]: c for c in case.clients}
    out = []
    for p in sorted(
        case.plines, key=lambda p: (byid[p.cid]["psa_name"].lower(), p.role == "service", p.text)
    ):
        c = byid[p.cid]
        unit = p.price * (12 if p.yearly else 1)
        out.append(
            dict(
                line=p,
                cust=c["psa_name"],
                text=p.text,
                qty=p.qty,
                unit=unit,
                amount=unit * p.qty,
                yearly=p.yearly,
                off=p.role == "not_billed",
                svc=p.role == "service",
                cid=c["id"],
            )
        )
    return out


# ---------------------------------------------------------------- generic writer
class Fmt:
    def __init__(
        self,
        name,
        side,
        kind,
        file,
        cols,
        currency=None,
        sheet=None,
        enc="utf-8",
        delim=",",
        title=(),
        block=None,
        subtotal=None,
        total=None,
        pre_sheets=(),
        caps=(),
        read=None,
        num=NUM,
    ):
        self.__dict__.update(locals())
        del self.__dict__["self"]


def write(fmt, case, folder, rng):
    recs = vrecs(case) if fmt.side == "vendor" else precs(case)
    headers = [h for h, _ in fmt.cols]
    rows = [list(t) for t in fmt.title]
    rows.append(headers)
    cur = None
    block_rows = []

    def close_block():
        if fmt.subtotal and block_rows:
            rows.append(fmt.subtotal(cur, block_rows, headers))

    for r in recs:
        if fmt.block and r["cust"] != cur:
            close_block()
            cur = r["cust"]
            block_rows = []
            rows.append(fmt.block(r, headers))
        rows.append([f(r) for _, f in fmt.cols])
        r["line"].row = len(rows)
        block_rows.append(r)
    if fmt.block:
        close_block()
    if fmt.total:
        rows.append(fmt.total(recs, headers))
    path = folder / fmt.file
    if fmt.kind == "csv":
        with open(path, "w", encoding=fmt.enc, newline="") as fh:
            w = csv.writer(fh, delimiter=fmt.delim, lineterminator="\r\n")
            for row in rows:
                w.writerow(["" if x is None else x for x in row])
        return fmt.file, None
    wb = Workbook()
    ws = wb.active
    first = True
    for title, cells in fmt.pre_sheets:
        s = ws if first else wb.create_sheet()
        first = False
        s.title = title
        for row in cells(case, recs):
            s.append(row)
    ws = wb.active if first else wb.create_sheet()
    ws.title = fmt.sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return fmt.file, fmt.sheet


def read_rows(fmt, folder):
    path = folder / fmt.file
    if fmt.kind == "csv":
        with open(path, encoding=fmt.enc, newline="") as fh:
            return [list(r) for r in csv.reader(fh, delimiter=fmt.delim)]
    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb[fmt.sheet]
    return [["" if x is None else x for x in r] for r in ws.iter_rows(values_only=True)]


def read_lines(fmt, folder):
    """Line records read back from the cells: (row, customer, text, qty, monthly unit, role)."""
    rows = read_rows(fmt, folder)
    rd = fmt.read
    hdr = [h for h, _ in fmt.cols]
    hi = next(i for i, r in enumerate(rows) if [str(x) for x in r[: len(hdr)]] == hdr)
    ix = {h: j for j, h in enumerate(hdr)}
    out = []
    cur = None
    for i in range(hi + 1, len(rows)):
        r = rows[i] + [""] * len(hdr)
        if rd.get("block_re"):
            m = re.match(rd["block_re"], str(r[0]))
            if m and all(str(x) == "" for x in r[ix[rd["qty"]] : ix[rd["qty"]] + 1]):
                cur = m.group(1)
                continue
        q = r[ix[rd["qty"]]]
        if q == "" or q is None:
            continue
        qty = int(parse_money(q, None))
        cust = cur if rd.get("cust") is None else str(r[ix[rd["cust"]]])
        st = fmt.num
        if rd.get("unit"):
            unit = parse_money(r[ix[rd["unit"]]], st)
        else:
            unit = parse_money(r[ix[rd["amount"]]], st) / qty
        yearly = False
        if rd.get("freq"):
            yearly = str(r[ix[rd["freq"][0]]]) in rd["freq"][1]
        if yearly:
            unit = unit / 12
        role = "licence"
        if rd.get("off") and str(r[ix[rd["off"][0]]]) in rd["off"][1]:
            role = "not_billed"
        if fmt.side == "vendor" and qty < 0:
            role = "credit"
        text = " | ".join(str(r[ix[h]]) for h in rd["text"])
        out.append((i + 1, cust, text, qty, unit, role))
    return out


# ---------------------------------------------------------------- helpers for cells
DATE_US = "11/01/2026"


def _blank(headers):
    return [None] * len(headers)


def _row_at(headers, **cells):
    r = [None] * len(headers)
    for h, v in cells.items():
        r[headers.index(h)] = v
    return r


def _sum(recs):
    return sum((r["amount"] for r in recs), Fraction(0))


# ---------------------------------------------------------------- vendor formats
def _pc_charge(r):
    if r["credit"]:
        return "removeQuantity"
    return ["cycleCharge", "CycleCharge", "renew", "cyclecharge"][int(r["line"].sub, 16) % 4]


V0 = Fmt(
    "pc_nce_recon_excel_summary_first_usd_xlsx",
    "vendor",
    "xlsx",
    "ReconLineItems_Nov2026.xlsx",
    [
        ("PartnerId", lambda r: "3f2a9c1e-77b0-4d3e-9a51-0c6d2b8e4f10"),
        ("CustomerId", lambda r: f"{r['cid']:08d}-0000-4000-8000-{r['cid']:012d}"),
        ("CustomerName", lambda r: r["cust"]),
        ("CustomerDomainName", lambda r: r["dom"]),
        ("CustomerCountry", lambda r: "US"),
        ("InvoiceNumber", lambda r: "G041225577"),
        ("MpnId", lambda r: 6123456),
        ("OrderId", lambda r: "O" + r["sub"][:7].upper()),
        ("OrderDate", lambda r: "2026-11-01"),
        ("ProductId", lambda r: r["sku"][:12]),
        ("SkuId", lambda r: "0001"),
        ("AvailabilityId", lambda r: "CFQ7TTC0ZZZZ"),
        ("SkuName", lambda r: r["prod"]),
        ("ProductName", lambda r: r["prod"]),
        ("ChargeType", _pc_charge),
        ("UnitPrice", lambda r: num(r["unit"] * Fraction(21, 20))),
        ("Quantity", lambda r: r["qty"]),
        ("Subtotal", lambda r: num(r["amount"])),
        ("TaxTotal", lambda r: 0),
        ("Total", lambda r: num(r["amount"])),
        ("Currency", lambda r: "USD"),
        ("PublisherName", lambda r: BY_KEY[r["line"].product].maker),
        ("SubscriptionDescription", lambda r: r["prod"]),
        ("SubscriptionId", lambda r: r["sub"]),
        ("ChargeStartDate", lambda r: "2026-11-01"),
        ("ChargeEndDate", lambda r: "2027-10-31" if r["yearly"] else "2026-11-30"),
        (
            "TermAndBillingCycle",
            lambda r: (
                "One-Year commitment for yearly billing"
                if r["yearly"]
                else "One-Year commitment for monthly/yearly billing"
            ),
        ),
        ("EffectiveUnitPrice", lambda r: num(r["unit"])),
        ("UnitType", lambda r: "Licenses"),
        ("BillableQuantity", lambda r: r["qty"]),
        ("BillingFrequency", lambda r: "Annual" if r["yearly"] else "Monthly"),
    ],
    currency="USD",
    sheet="InvoiceLineItems",
    pre_sheets=[
        (
            "Summary",
            lambda case, recs: [
                ["Invoice summary"],
                ["Invoice number", "G041225577"],
                ["Billing period", "11/1/2026 - 11/30/2026"],
                ["Currency", "USD"],
                ["Total", num(_sum(recs))],
            ],
        )
    ],
    caps=("yearly",),
    read=dict(
        cust="CustomerName",
        qty="BillableQuantity",
        unit="EffectiveUnitPrice",
        freq=("BillingFrequency", ("Annual",)),
        text=["ProductName"],
    ),
)

V1 = Fmt(
    "leader_au_cloud_billing_customer_groups_gst_aud_xlsx",
    "vendor",
    "xlsx",
    "Leader_Cloud_Billing_Detail_202611.xlsx",
    [
        ("Customer Ref", lambda r: r["dom"].split(".")[0].upper()[:10]),
        ("Product Code", lambda r: r["sku"]),
        ("Description", lambda r: r["prod"] + (" - Credit" if r["credit"] else "")),
        ("Term", lambda r: "Annual (billed upfront)" if r["yearly"] else "Monthly"),
        ("Qty", lambda r: r["qty"]),
        ("Unit Price (ex GST)", lambda r: num(r["unit"])),
        ("Amount (ex GST)", lambda r: num(r["amount"])),
        ("GST", lambda r: num(r["amount"] / 10)),
        ("Amount (inc GST)", lambda r: num(r["amount"] * Fraction(11, 10))),
    ],
    currency="AUD",
    sheet="Billing Detail",
    title=[
        ["Leader Systems Pty Ltd - Cloud Billing Detail"],
        ["Billing period: 01/11/2026 - 30/11/2026"],
        ["Reseller: Many Hands IT Pty Ltd (ABN 51 824 753 556)"],
        [],
    ],
    block=lambda r, h: ["Customer: " + r["cust"], None, "Tenant: " + r["dom"]],
    subtotal=lambda cust, rs, h: _row_at(
        h, **{"Customer Ref": "Subtotal " + cust, "Amount (ex GST)": num(_sum(rs))}
    ),
    total=lambda rs, h: _row_at(
        h, **{"Customer Ref": "GRAND TOTAL", "Amount (ex GST)": num(_sum(rs))}
    ),
    caps=("yearly",),
    read=dict(
        cust=None,
        block_re=r"^Customer: (.*)$",
        qty="Qty",
        unit="Unit Price (ex GST)",
        freq=("Term", ("Annual (billed upfront)",)),
        text=["Description"],
    ),
)

V2 = Fmt(
    "giacom_cm_statement_then_charges_paren_gbp_xlsx",
    "vendor",
    "xlsx",
    "CloudMarket_Statement_Nov-2026.xlsx",
    [
        ("End Customer", lambda r: r["cust"]),
        ("Customer Account Ref", lambda r: r["dom"]),
        ("Service", lambda r: BY_KEY[r["line"].product].maker),
        ("Product", lambda r: r["prod"]),
        ("Quantity", lambda r: r["qty"]),
        ("Unit Price (£)", lambda r: money(r["unit"], GBP_PAREN)),
        ("Net (£)", lambda r: money(r["amount"], GBP_PAREN)),
        ("VAT (£)", lambda r: money(r["amount"] / 5, GBP_PAREN)),
        ("From", lambda r: "01/11/2026"),
        ("To", lambda r: "31/10/2027" if r["yearly"] else "30/11/2026"),
        ("Billing", lambda r: "Annual" if r["yearly"] else "Monthly"),
    ],
    currency="GBP",
    sheet="Charges",
    pre_sheets=[
        (
            "Statement",
            lambda case, recs: [
                ["Giacom Cloud Market - Statement"],
                ["Period", "November 2026"],
                ["Net total", money(_sum(recs), GBP_PAREN)],
            ],
        )
    ],
    total=lambda rs, h: _row_at(
        h, **{"End Customer": "Total", "Net (£)": money(_sum(rs), GBP_PAREN)}
    ),
    caps=("yearly",),
    num=GBP_PAREN,
    read=dict(
        cust="End Customer",
        qty="Quantity",
        unit="Unit Price (£)",
        freq=("Billing", ("Annual",)),
        text=["Product"],
    ),
)

V3 = Fmt(
    "sherweb_fr_ca_facture_details_semicolon_cad_csv",
    "vendor",
    "csv",
    "sherweb_details_facturation_2026-11.csv",
    [
        ("Client", lambda r: r["cust"]),
        ("Domaine", lambda r: r["dom"]),
        ("Produit", lambda r: r["prod"]),
        ("Code SKU", lambda r: r["sku"]),
        ("Type de frais", lambda r: "Crédit" if r["credit"] else "Récurrent"),
        ("Cycle de facturation", lambda r: "Annuel" if r["yearly"] else "Mensuel"),
        ("Quantité", lambda r: str(r["qty"])),
        ("Prix unitaire", lambda r: money(r["unit"], FRCA)),
        ("Montant", lambda r: money(r["amount"], FRCA)),
        ("Début", lambda r: "2026-11-01"),
        ("Fin", lambda r: "2027-10-31" if r["yearly"] else "2026-11-30"),
    ],
    currency="CAD",
    enc="utf-8-sig",
    delim=";",
    title=[["Sherweb - Détails de facturation"], ["Période : 2026-11-01 au 2026-11-30"], []],
    caps=("yearly",),
    num=FRCA,
    read=dict(
        cust="Client",
        qty="Quantité",
        unit="Prix unitaire",
        freq=("Cycle de facturation", ("Annuel",)),
        text=["Produit"],
    ),
)

V4 = Fmt(
    "tdsynnex_be_bilingual_lines_semicolon_cp1252_eur_csv",
    "vendor",
    "csv",
    "TDSYNNEX_BE_facturatie_112026.csv",
    [
        ("Klant / Client", lambda r: r["cust"]),
        ("Referentie / Référence", lambda r: r["dom"]),
        ("Artikel / Article", lambda r: "BE" + r["sku"]),
        ("Omschrijving / Description", lambda r: r["prod"]),
        ("Aantal / Quantité", lambda r: str(r["qty"])),
        ("Eenheidsprijs / Prix unitaire", lambda r: money(r["unit"], BE)),
        ("Bedrag / Montant", lambda r: money(r["amount"], BE)),
        (
            "Facturatie / Facturation",
            lambda r: "Jaarlijks / Annuel" if r["yearly"] else "Maandelijks / Mensuel",
        ),
        ("Van / Du", lambda r: "01/11/2026"),
        ("Tot / Au", lambda r: "31/10/2027" if r["yearly"] else "30/11/2026"),
    ],
    currency="EUR",
    enc="cp1252",
    delim=";",
    caps=("yearly",),
    num=BE,
    read=dict(
        cust="Klant / Client",
        qty="Aantal / Quantité",
        unit="Eenheidsprijs / Prix unitaire",
        freq=("Facturatie / Facturation", ("Jaarlijks / Annuel",)),
        text=["Omschrijving / Description"],
    ),
)

V5 = Fmt(
    "ingram_cmp_nz_statement_gst_netprice_nzd_csv",
    "vendor",
    "csv",
    "IM_CloudMarketplace_Statement_NZ_Nov2026.csv",
    [
        ("Customer Name", lambda r: r["cust"]),
        ("Customer External ID", lambda r: r["dom"]),
        ("Subscription ID", lambda r: "NZ-" + r["sub"].upper()),
        ("Product Name", lambda r: r["prod"]),
        ("MPN", lambda r: r["sku"]),
        ("Billing Period Start", lambda r: "1 Nov 2026"),
        ("Billing Period End", lambda r: "31 Oct 2027" if r["yearly"] else "30 Nov 2026"),
        ("Billing Frequency", lambda r: "Annual" if r["yearly"] else "Monthly"),
        ("Quantity", lambda r: str(r["qty"])),
        ("Unit Price", lambda r: money(r["unit"], US)),
        ("Net Price", lambda r: money(r["amount"], US)),
        ("GST", lambda r: money(r["amount"] * Fraction(3, 20), US)),
        ("Total", lambda r: money(r["amount"] * Fraction(23, 20), US)),
    ],
    currency="NZD",
    title=[
        ["Ingram Micro Cloud Marketplace - Billing Statement"],
        ["Reseller: Many Hands IT Limited"],
        ["Statement period: 1 Nov 2026 to 30 Nov 2026"],
        [],
    ],
    total=lambda rs, h: _row_at(h, **{"Customer Name": "Total", "Net Price": money(_sum(rs), US)}),
    caps=("yearly",),
    num=US,
    read=dict(
        cust="Customer Name",
        qty="Quantity",
        amount="Net Price",
        freq=("Billing Frequency", ("Annual",)),
        text=["Product Name"],
    ),
)

V6 = Fmt(
    "mustek_za_cloud_charges_rand_text_zar_xlsx",
    "vendor",
    "xlsx",
    "Mustek_Cloud_Charges_2026-11.xlsx",
    [
        ("Account No", lambda r: f"CL{r['cid']:05d}"),
        ("Account Name", lambda r: r["cust"]),
        ("Tenant", lambda r: r["dom"]),
        ("Item Code", lambda r: r["sku"]),
        ("Item Description", lambda r: r["prod"]),
        ("Billing Cycle", lambda r: "Annual" if r["yearly"] else "Monthly"),
        ("Qty", lambda r: r["qty"]),
        ("Unit Price Excl", lambda r: money(r["unit"], ZAR_TXT)),
        ("Line Total Excl", lambda r: money(r["amount"], ZAR_TXT)),
        ("VAT 15%", lambda r: money(r["amount"] * Fraction(3, 20), ZAR_TXT)),
        ("Line Total Incl", lambda r: money(r["amount"] * Fraction(23, 20), ZAR_TXT)),
    ],
    currency="ZAR",
    sheet="Cloud Charges",
    title=[["Mustek Cloud - Monthly Charges (ZAR)"], ["Period: 2026/11/01 - 2026/11/30"]],
    total=lambda rs, h: _row_at(
        h, **{"Account Name": "TOTAL", "Line Total Excl": money(_sum(rs), ZAR_TXT)}
    ),
    caps=("yearly",),
    num=ZAR_TXT,
    read=dict(
        cust="Account Name",
        qty="Qty",
        unit="Unit Price Excl",
        freq=("Billing Cycle", ("Annual",)),
        text=["Item Description"],
    ),
)

V7 = Fmt(
    "pax8_portal_invoice_ie_titled_eur_xlsx",
    "vendor",
    "xlsx",
    "Pax8_Invoice_PX-IE-202611.xlsx",
    [
        ("company_name", lambda r: r["cust"]),
        ("company_id", lambda r: 880000 + r["cid"]),
        ("external_id", lambda r: r["dom"]),
        ("type", lambda r: "credits" if r["credit"] else "subscription"),
        (
            "description",
            lambda r: (
                r["prod"] + (" [NCE]" if BY_KEY[r["line"].product].maker == "Microsoft" else "")
            ),
        ),
        (
            "details",
            lambda r: (
                "Annual Term - Paid Annually" if r["yearly"] else "Monthly Term - Paid Monthly"
            ),
        ),
        ("sku", lambda r: "PX-" + r["sku"]),
        ("quantity", lambda r: r["qty"]),
        ("cost", lambda r: num(r["unit"])),
        ("cost_total", lambda r: num(r["amount"])),
        ("price", lambda r: num(r["unit"] * Fraction(6, 5))),
        ("subtotal", lambda r: num(r["amount"] * Fraction(6, 5))),
        ("partner_subtotal", lambda r: num(r["amount"])),
        ("start_period", lambda r: "2026-11-01"),
        ("invoice_date", lambda r: "2026-12-01"),
    ],
    currency="EUR",
    sheet="Invoice",
    title=[
        ["Pax8 Europe - Invoice PX-IE-202611"],
        ["Invoice date: 01/12/2026", None, "Currency: EUR"],
        [],
    ],
    caps=("yearly",),
    read=dict(
        cust="company_name",
        qty="quantity",
        unit="cost",
        freq=("details", ("Annual Term - Paid Annually",)),
        text=["description"],
    ),
)


# ---------------------------------------------------------------- PSA / accounting formats
def _cw_status(r):
    return "Cancelled" if r["off"] else "Active"


P0 = Fmt(
    "cw_agreement_additions_report_company_groups_usd_xlsx",
    "psa",
    "xlsx",
    "Agreement_Additions_by_Company.xlsx",
    [
        ("Agreement", lambda r: "Managed Services" if r["svc"] else "Cloud Licensing"),
        ("Product ID", lambda r: "SVC-" + str(r["line"].row % 97) if r["svc"] else "LIC"),
        ("Description", lambda r: r["text"]),
        ("Quantity", lambda r: r["qty"]),
        ("Unit Price", lambda r: num(r["unit"])),
        ("Ext Price", lambda r: num(r["amount"])),
        ("Effective", lambda r: "03/01/2025"),
        ("Cancelled", lambda r: "10/31/2026" if r["off"] else None),
        ("Addition Status", _cw_status),
        ("Bill Customer", lambda r: "Billable"),
    ],
    currency="USD",
    sheet="Agreement Additions",
    title=[["Agreement Additions by Company"], ["Date Range: 11/01/2026 - 11/30/2026"], []],
    block=lambda r, h: ["Company: " + r["cust"]],
    subtotal=lambda cust, rs, h: _row_at(
        h, **{"Agreement": "Company Total", "Ext Price": num(_sum([x for x in rs if not x["off"]]))}
    ),
    caps=("status",),
    read=dict(
        cust=None,
        block_re=r"^Company: (.*)$",
        qty="Quantity",
        unit="Unit Price",
        off=("Addition Status", ("Cancelled",)),
        text=["Description"],
    ),
)

P1 = Fmt(
    "myob_sales_customer_detail_blocks_aud_xlsx",
    "psa",
    "xlsx",
    "Sales_Customer_Detail_Nov2026.xlsx",
    [
        ("Date", lambda r: "30/11/2026"),
        ("Inv/Ref #", lambda r: f"{10000 + r['cid']:08d}"),
        ("Item No.", lambda r: "SVC" if r["svc"] else "SUB"),
        ("Item Name / Description", lambda r: r["text"]),
        ("Qty", lambda r: r["qty"]),
        ("Amount", lambda r: num(r["amount"])),
        ("Job", lambda r: None),
    ],
    currency="AUD",
    sheet="Sales Customer Detail",
    title=[["Many Hands IT Pty Ltd"], ["Sales [Customer Detail]"], ["November 2026"], []],
    block=lambda r, h: [r["cust"]],
    subtotal=lambda cust, rs, h: _row_at(
        h, **{"Item Name / Description": "Total:", "Amount": num(_sum(rs))}
    ),
    total=lambda rs, h: _row_at(h, **{"Date": "Grand Total:", "Amount": num(_sum(rs))}),
    read=dict(
        cust=None,
        block_re=r"^(?!Grand Total:)(.+)$",
        qty="Qty",
        amount="Amount",
        text=["Item Name / Description"],
    ),
)

P2 = Fmt(
    "sage_accounting_uk_invoice_lines_vat_gbp_csv",
    "psa",
    "csv",
    "sage_sales_invoice_lines_nov2026.csv",
    [
        ("Invoice Date", lambda r: "01/11/2026"),
        ("Invoice Number", lambda r: f"SI-{4000 + r['cid']}"),
        ("Customer Reference", lambda r: f"C{r['cid']:04d}"),
        ("Customer Name", lambda r: r["cust"]),
        ("Item Code", lambda r: "MSP" if r["svc"] else "LICENCE"),
        ("Description", lambda r: r["text"]),
        ("Quantity", lambda r: str(r["qty"])),
        ("Unit Price", lambda r: money(r["unit"], US)),
        ("Discount", lambda r: "0.00"),
        ("Net", lambda r: money(r["amount"], US)),
        ("VAT Rate", lambda r: "20%"),
        ("VAT", lambda r: money(r["amount"] / 5, US)),
        ("Total", lambda r: money(r["amount"] * Fraction(6, 5), US)),
    ],
    currency="GBP",
    num=US,
    read=dict(cust="Customer Name", qty="Quantity", unit="Unit Price", text=["Description"]),
)

P3 = Fmt(
    "zoho_books_invoice_details_void_yearly_cad_csv",
    "psa",
    "csv",
    "Invoice_Details_2026-11.csv",
    [
        ("Invoice Date", lambda r: "2026-11-01"),
        ("Invoice Number", lambda r: f"INV-{7000 + r['cid']:06d}"),
        ("Invoice Status", lambda r: "Void" if r["off"] else "Sent"),
        ("Customer Name", lambda r: r["cust"]),
        ("Item Name", lambda r: r["text"]),
        ("Item Desc", lambda r: "" if r["svc"] else "Licence subscription"),
        ("Quantity", lambda r: str(r["qty"])),
        ("Item Price", lambda r: money(r["unit"], US)),
        ("Discount", lambda r: "0"),
        ("Item Total", lambda r: money(r["amount"], US)),
        ("Currency Code", lambda r: "CAD"),
        ("Recurrence Frequency", lambda r: "Yearly" if r["yearly"] else "Monthly"),
    ],
    currency="CAD",
    num=US,
    caps=("status", "yearly"),
    read=dict(
        cust="Customer Name",
        qty="Quantity",
        unit="Item Price",
        freq=("Recurrence Frequency", ("Yearly",)),
        off=("Invoice Status", ("Void",)),
        text=["Item Name", "Item Desc"],
    ),
)

P4 = Fmt(
    "odoo_be_factuurlijnen_label_status_nl_xlsx",
    "psa",
    "xlsx",
    "Factuurlijnen (account.move.line).xlsx",
    [
        ("Klant", lambda r: r["cust"]),
        ("Factuur", lambda r: f"FACT/2026/{1100 + r['cid']:05d}"),
        ("Datum", lambda r: "01/11/2026"),
        ("Product", lambda r: "[DIENST] Dienstverlening" if r["svc"] else "[ABO] Abonnement"),
        ("Label", lambda r: r["text"]),
        ("Hoeveelheid", lambda r: r["qty"]),
        ("Eenheidsprijs", lambda r: num(r["unit"])),
        ("Subtotaal", lambda r: num(r["amount"])),
        ("Status", lambda r: "Geannuleerd" if r["off"] else "Geboekt"),
    ],
    currency="EUR",
    sheet="Factuurlijnen",
    caps=("status",),
    read=dict(
        cust="Klant",
        qty="Hoeveelheid",
        unit="Eenheidsprijs",
        off=("Status", ("Geannuleerd",)),
        text=["Product", "Label"],
    ),
)

P5 = Fmt(
    "kaseya_bms_nz_recurring_services_titled_nzd_csv",
    "psa",
    "csv",
    "RecurringServicesReport_30-11-2026.csv",
    [
        ("Account", lambda r: r["cust"]),
        ("Contract", lambda r: "MSA-" + str(100 + r["cid"])),
        ("Service", lambda r: r["text"]),
        ("Description", lambda r: "" if r["svc"] else "Recurring licence"),
        ("Quantity", lambda r: str(r["qty"])),
        ("Unit Price", lambda r: money(r["unit"], USD_TXT)),
        ("Extended Price", lambda r: money(r["amount"], USD_TXT)),
        ("Frequency", lambda r: "Annually" if r["yearly"] else "Monthly"),
        ("Start Date", lambda r: "01/07/2025"),
        ("End Date", lambda r: "31/10/2026" if r["off"] else ""),
    ],
    currency="NZD",
    num=USD_TXT,
    caps=("status", "yearly"),
    title=[["Recurring Services Report"], ["Generated: 30/11/2026 17:04"], []],
    read=dict(
        cust="Account",
        qty="Quantity",
        unit="Unit Price",
        freq=("Frequency", ("Annually",)),
        off=("End Date", ("31/10/2026",)),
        text=["Service", "Description"],
    ),
)

P6 = Fmt(
    "sage_pastel_partner_invoice_lines_zar_csv",
    "psa",
    "csv",
    "PASTEL_INVOICE_LINES_112026.csv",
    [
        ("Document No", lambda r: f"IN{50000 + r['cid']}"),
        ("Date", lambda r: "2026/11/01"),
        ("Account", lambda r: f"ACC{r['cid']:04d}"),
        ("Account Description", lambda r: r["cust"]),
        ("Item Code", lambda r: "SERV" if r["svc"] else "LIC01"),
        ("Item Description", lambda r: r["text"]),
        ("Quantity", lambda r: str(r["qty"])),
        ("Unit Price Excl", lambda r: money(r["unit"], ZA_PLAIN)),
        ("Line Total Excl", lambda r: money(r["amount"], ZA_PLAIN)),
        ("Tax", lambda r: money(r["amount"] * Fraction(3, 20), ZA_PLAIN)),
        ("Line Total Incl", lambda r: money(r["amount"] * Fraction(23, 20), ZA_PLAIN)),
    ],
    currency="ZAR",
    num=ZA_PLAIN,
    title=[["SAGE PASTEL PARTNER - Invoice Line Listing"], ["Period 11/2026"]],
    read=dict(
        cust="Account Description",
        qty="Quantity",
        unit="Unit Price Excl",
        text=["Item Description"],
    ),
)

P7 = Fmt(
    "syncro_ie_recurring_schedule_items_paused_eur_xlsx",
    "psa",
    "xlsx",
    "syncro_schedules_export.xlsx",
    [
        ("Customer", lambda r: r["cust"]),
        ("Schedule Name", lambda r: "Monthly IT" if not r["yearly"] else "Annual renewals"),
        ("Frequency", lambda r: "Annually" if r["yearly"] else "Monthly"),
        ("Next Run", lambda r: "2026-12-01"),
        ("Paused", lambda r: "true" if r["off"] else "false"),
        ("Line Item Name", lambda r: r["text"]),
        ("Line Item Description", lambda r: "Support" if r["svc"] else "Cloud subscription"),
        ("Quantity", lambda r: r["qty"]),
        ("Price", lambda r: num(r["unit"])),
        ("Line Total", lambda r: num(r["amount"])),
    ],
    currency="EUR",
    sheet="Schedules",
    caps=("status", "yearly"),
    read=dict(
        cust="Customer",
        qty="Quantity",
        unit="Price",
        freq=("Frequency", ("Annually",)),
        off=("Paused", ("true",)),
        text=["Line Item Name", "Line Item Description"],
    ),
)

VENDORS = {f.name: f for f in (V0, V1, V2, V3, V4, V5, V6, V7)}
PSAS = {f.name: f for f in (P0, P1, P2, P3, P4, P5, P6, P7)}
PSA_REGION = dict(zip(PSAS, ["US", "AU", "UK", "CA", "BE", "NZ", "ZA", "IE"], strict=True))
PSA_LANG = dict(
    zip(
        PSAS,
        [
            "spanish",
            "italian",
            "welsh",
            "quebec_french",
            "belgian_french",
            "maori",
            "afrikaans",
            "irish",
        ],
        strict=True,
    )
)
