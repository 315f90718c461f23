"""The 8 vendor and 8 PSA exports of set AB, and how the self-check reads each one back."""

from __future__ import annotations

import csv
import io
import zlib
from decimal import Decimal

import openpyxl

from .catalog import BY_KEY
from .scenario import money

Y, M, D0 = 2026, 11, 1


# ---------------------------------------------------------------- writing helpers
class Sheet:
    def __init__(self, name="Sheet1"):
        self.name = name
        self.rows = []

    def add(self, row):
        self.rows.append(list(row))
        return len(self.rows)


def write_csv(path, sh, delimiter=",", encoding="utf-8", quoting=csv.QUOTE_MINIMAL, pre=""):
    buf = io.StringIO()
    buf.write(pre)
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for r in sh.rows:
        w.writerow(["" if v is None else v for v in r])
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(buf.getvalue())


def write_xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        for r in sh.rows:
            ws.append([float(v) if isinstance(v, Decimal) else v for v in r])
    wb.save(path)


def num(d, style="en"):
    d = Decimal(d).quantize(Decimal("0.01")) if not isinstance(d, str) else Decimal(d)
    s = f"{abs(d):,.2f}"
    neg = "-" if d < 0 else ""
    if style == "en":
        return neg + s.replace(",", "")
    if style == "en_th":
        return neg + s
    if style == "de":
        return neg + s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if style == "fr":
        return neg + s.replace(",", "\u00a0").replace(".", ",")
    if style == "za":
        return neg + s.replace(",", " ").replace(".", ",")
    if style == "pt":
        return neg + s.replace(",", "").replace(".", ",")
    if style == "aud":
        return neg + "$" + s
    raise ValueError(style)


def parse_num(s):
    """read back any of the styles above (and plain numbers from xlsx)."""
    if s is None or s == "":
        return None
    if isinstance(s, (int, float)):
        return Decimal(str(s))
    t = str(s).strip().replace("$", "").replace("\u202f", "").replace("\u00a0", "").replace("'", "")
    if "," in t and ("." not in t or t.rfind(",") > t.rfind(".")):
        t = t.replace(".", "").replace(" ", "").replace(",", ".")
    else:
        t = t.replace(",", "")
    return Decimal(t)


def _h(*parts):
    return zlib.crc32("|".join(map(str, parts)).encode())


def _yr(v):
    return v.unit * 12 if v.yearly else v.unit


def _ordered(case, lines):
    byid = {c["id"]: c for c in case.clients}
    return sorted(lines, key=lambda x: (byid[x.cid]["canonical"], x.product or "~", -x.qty, x.role))


def _pcid(p):
    if p.pcid:
        return p.pcid.split(":")
    return [f"DZH318Z0{_h(p.key) % 10000:04d}", "0001"]


# ---------------------------------------------------------------- vendor formats
def v_pc_ps(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
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
        "AlternateId",
        "BillableQuantity",
        "BillingFrequency",
        "PricingCurrency",
        "PCToBCExchangeRate",
    ]
    sh.add(hdr)
    for v in _ordered(case, case.vlines):
        c = byid[v.cid]
        p = BY_KEY[v.product]
        pid, sku = _pcid(p)
        eff = _yr(v)
        lst = (p.cost * 12 if v.yearly else p.cost) if v.unit < p.cost else eff
        ct = (
            "removeQuantity"
            if v.role == "credit"
            else rng.choice(["cycleCharge", "CycleCharge", "renew"])
        )
        end = "10/31/2027 12:00:00 AM" if v.yearly else "11/30/2026 12:00:00 AM"
        term = (
            "One-Year commitment for yearly billing"
            if v.yearly
            else rng.choice(
                [
                    "One-Year commitment for monthly/yearly billing",
                    "One-Month commitment for monthly billing",
                ]
            )
        )
        sub = v.qty * eff
        v.row = sh.add(
            [
                "7a1c2e90-4b4f-4e2b-9d11-0c5e3b2f1a77",
                f"{_h(c['canonical']):08x}-1c2d-4e5f-8a9b-{v.cid:012d}",
                c["canonical"],
                f"{c['tenant']}.onmicrosoft.com",
                "US",
                "G012345678",
                "6123456",
                f"{_h(v.sub) % 10**12:012d}",
                "10/2/2026 3:14:07 PM",
                pid,
                sku,
                f"{_h(p.key, 'av') % 10**12:012X}",
                p.edition or p.name,
                p.name,
                ct,
                f"{lst:.4f}",
                str(v.qty),
                f"{sub:.2f}",
                "0",
                f"{sub:.2f}",
                "USD",
                "Microsoft Corporation" if p.maker == "Microsoft" else p.maker,
                p.name,
                f"{_h(v.sub, v.cid):08x}-aaaa-4bbb-8ccc-{v.cid:012d}",
                "11/1/2026 12:00:00 AM",
                end,
                term,
                f"{eff:.4f}",
                "Licenses",
                "",
                str(v.qty),
                "Annual" if v.yearly else "Monthly",
                "USD",
                "1",
            ]
        )
    fn = "InvoiceLineItems_OneTime_G012345678.csv"
    write_csv(
        folder / fn,
        sh,
        quoting=csv.QUOTE_ALL,
        pre="#TYPE Microsoft.Store.PartnerCenter.PowerShell.Models.Invoices.PSOneTimeInvoiceLineItem\r\n",
    )
    for v in case.vlines:
        v.row += 1  # the #TYPE line is record 1
    return fn, None


def r_pc_ps(row):
    q = Decimal(row["BillableQuantity"])
    u = Decimal(row["EffectiveUnitPrice"])
    return q, u / 12 if row["BillingFrequency"] == "Annual" else u


def _pax8_name(p, yearly):
    if p.maker == "Microsoft":
        return f"{p.name} (NCE COM {'ANN' if yearly else 'MTH'})"
    return f"{p.base} - {p.edition} ({'Annual' if yearly else 'Monthly'})" if p.edition else p.name


def v_pax8(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "company_id",
            "company_name",
            "start_period",
            "end_period",
            "sku",
            "description",
            "details",
            "type",
            "term",
            "quantity",
            "price",
            "subtotal",
            "cost",
            "cost_total",
            "partner_subtotal",
            "invoice_date",
        ]
    )
    for v in _ordered(case, case.vlines):
        c = byid[v.cid]
        if v.product is None:
            v.row = sh.add(
                [
                    f"{_h(c['canonical']) % 10**6:06d}",
                    c["canonical"],
                    "2026-11-01",
                    "2026-11-01",
                    "PRO-SVC-ONB",
                    v.text,
                    "One-time charge",
                    "one-time",
                    "One-Time",
                    1,
                    "",
                    "",
                    f"{v.unit:.2f}",
                    f"{v.unit:.2f}",
                    f"{v.unit:.2f}",
                    "2026-11-01",
                ]
            )
            continue
        p = BY_KEY[v.product]
        unit = _yr(v)
        sku = (
            f"MST-NCE-{_h(p.key) % 900 + 100}-C{'1Y' if v.yearly else '1M'}"
            if p.maker == "Microsoft"
            else f"{p.sku}-{'1Y' if v.yearly else '1M'}"
        )
        det = (
            "Annual Term - Paid Annually"
            if v.yearly
            else rng.choice(["Annual Term - Paid Monthly", "Monthly Term"])
        )
        typ = "credits" if v.role == "credit" else "subscription"
        sug = (unit * Decimal("1.2")).quantize(Decimal("0.01"))
        v.row = sh.add(
            [
                f"{_h(c['canonical']) % 10**6:06d}",
                c["canonical"],
                "2026-11-01",
                "2027-10-31" if v.yearly else "2026-11-30",
                sku,
                _pax8_name(p, v.yearly),
                det,
                typ,
                "Annual" if "Annual" in det else "Monthly",
                v.qty,
                f"{sug:.2f}",
                f"{sug * v.qty:.2f}",
                f"{unit:.2f}",
                f"{unit * v.qty:.2f}",
                f"{unit * v.qty:.2f}",
                "2026-11-01",
            ]
        )
    fn = "pax8-invoice-2026-11.csv"
    write_csv(folder / fn, sh)
    return fn, None


def r_pax8(row):
    if row["type"] == "one-time":
        return None
    u = Decimal(row["cost"])
    return Decimal(row["quantity"]), u / 12 if "Paid Annually" in row["details"] else u


def v_sherweb(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet("Invoice details")
    sh.add(["Sherweb - Invoice SW-2026-11-004417 - Period 2026-11-01 to 2026-11-30 (CAD)"])
    sh.add([])
    sh.add(
        [
            "Product",
            "SKU",
            "Charge Type",
            "Billing Cycle",
            "Period From",
            "Period To",
            "Quantity",
            "Cost Price",
            "Sub-Total",
        ]
    )
    last = None
    tot = Decimal(0)
    for v in _ordered(case, case.vlines):
        c = byid[v.cid]
        if c["id"] != last:
            if last is not None:
                sh.add(
                    [
                        f"Total {byid[last]['canonical']}",
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        tot,
                    ]
                )
            sh.add([f"Customer: {c['canonical']}"])
            last, tot = c["id"], Decimal(0)
        if v.product is None:
            v.row = sh.add(
                [
                    v.text,
                    "SRV-SETUP",
                    "Setup",
                    "One Time",
                    "2026-11-01",
                    "2026-11-01",
                    1,
                    v.unit,
                    v.unit,
                ]
            )
            tot += v.unit
            continue
        p = BY_KEY[v.product]
        unit = _yr(v)
        v.row = sh.add(
            [
                p.name,
                p.pcid.replace(":", "-") if p.pcid else p.sku,
                "Credit" if v.role == "credit" else "Recurring",
                "Yearly" if v.yearly else "Monthly",
                "2026-11-01",
                "2027-10-31" if v.yearly else "2026-11-30",
                v.qty,
                unit,
                unit * v.qty,
            ]
        )
        tot += unit * v.qty
    if last is not None:
        sh.add([f"Total {byid[last]['canonical']}", None, None, None, None, None, None, None, tot])
    fn = "Sherweb_Invoice_SW-2026-11-004417.xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


def r_sherweb(row):
    if row["Charge Type"] == "Setup":
        return None
    u = parse_num(row["Cost Price"])
    return parse_num(row["Quantity"]), u / 12 if row["Billing Cycle"] == "Yearly" else u


def v_ingram(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "Reseller PO",
            "End Customer",
            "Customer Reference",
            "Subscription ID",
            "MPN",
            "Product Name",
            "Charge Type",
            "Charge Start",
            "Charge End",
            "Billing Frequency",
            "Quantity",
            "Unit Price",
            "Net Price",
            "VAT",
            "Currency",
        ]
    )
    for v in _ordered(case, case.vlines):
        c = byid[v.cid]
        if v.product is None:
            v.row = sh.add(
                [
                    f"PO{_h(c['canonical']) % 10**5:05d}",
                    c["canonical"],
                    c["tenant"],
                    "",
                    "SVC-ONB",
                    v.text,
                    "One-time",
                    "01/11/2026",
                    "01/11/2026",
                    "One-time",
                    1,
                    num(v.unit, "en_th"),
                    num(v.unit, "en_th"),
                    num(v.unit * Decimal("0.2"), "en_th"),
                    "GBP",
                ]
            )
            continue
        p = BY_KEY[v.product]
        nm = f"{p.name} ({'Annual' if v.yearly else 'Monthly'} Pre-Paid)"
        net = _yr(v) * v.qty
        lst = (p.cost * Decimal("1.25")) * (12 if v.yearly else 1)
        v.row = sh.add(
            [
                f"PO{_h(c['canonical']) % 10**5:05d}",
                c["canonical"],
                f"{c['tenant']}.onmicrosoft.com",
                f"IM-{_h(v.sub, v.cid) % 10**8:08d}",
                p.pcid.replace(":", "") if p.pcid else p.sku,
                nm,
                "Credit" if v.role == "credit" else "Recurring",
                "01/11/2026",
                "31/10/2027" if v.yearly else "30/11/2026",
                "Annual" if v.yearly else "Monthly",
                v.qty,
                num(lst, "en_th"),
                num(net, "en_th"),
                num(net * Decimal("0.2"), "en_th"),
                "GBP",
            ]
        )
    fn = "Xvantage_BillingStatement_2026-11.csv"
    write_csv(folder / fn, sh, encoding="utf-8-sig")
    return fn, None


def r_ingram(row):
    if row["Charge Type"] == "One-time":
        return None
    q = parse_num(row["Quantity"])
    u = parse_num(row["Net Price"]) / q
    return q, u / 12 if row["Billing Frequency"] == "Annual" else u


def v_tdsynnex(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "Client final",
            "Identifiant client",
            "Référence éditeur",
            "Désignation",
            "Type de ligne",
            "Fréquence de facturation",
            "Début de période",
            "Fin de période",
            "Quantité",
            "PVC conseillé",
            "Prix unitaire HT",
            "Montant HT",
            "Devise",
        ]
    )
    for v in _ordered(case, case.vlines):
        c = byid[v.cid]
        if v.product is None:
            v.row = sh.add(
                [
                    c["canonical"],
                    f"C{_h(c['canonical']) % 10**6:06d}",
                    "SERV-PRO",
                    v.text,
                    "Prestation",
                    "Unique",
                    "01/11/2026",
                    "01/11/2026",
                    "1",
                    num(v.unit, "fr"),
                    num(v.unit, "fr"),
                    num(v.unit, "fr"),
                    "EUR",
                ]
            )
            continue
        p = BY_KEY[v.product]
        unit = _yr(v)
        ref = "FR" + (p.pcid.replace(":", "") if p.pcid else p.sku.replace("-", ""))
        v.row = sh.add(
            [
                c["canonical"],
                f"C{_h(c['canonical']) % 10**6:06d}",
                ref,
                p.name,
                "Avoir" if v.role == "credit" else "Abonnement",
                "Annuelle" if v.yearly else "Mensuelle",
                "01/11/2026",
                "31/10/2027" if v.yearly else "30/11/2026",
                str(v.qty),
                num(unit * Decimal("1.3"), "fr"),
                num(unit, "fr"),
                num(unit * v.qty, "fr"),
                "EUR",
            ]
        )
    fn = "StreamOneIon_Facture_2026-11.csv"
    write_csv(folder / fn, sh, delimiter=";", encoding="cp1252")
    return fn, None


def r_tdsynnex(row):
    if row["Type de ligne"] == "Prestation":
        return None
    u = parse_num(row["Prix unitaire HT"])
    return parse_num(row["Quantité"]), u / 12 if row[
        "Fréquence de facturation"
    ] == "Annuelle" else u


def v_cloudmore(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "Billing Date",
            "Service Name",
            "Broker Name",
            "Organization Name",
            "Customer Number",
            "Product Name",
            "Item Code",
            "Quantity",
            "Unit Cost Price",
            "Unit Sales Price",
            "Total Cost",
            "Total Sales",
            "Margin Amount",
            "Margin Percentage",
            "Currency Code",
            "Product ID",
            "Payment Frequency",
        ]
    )
    for v in _ordered(case, case.vlines):
        c = byid[v.cid]
        p = BY_KEY[v.product]
        unit = _yr(v)
        sale = (unit * Decimal("1.25")).quantize(Decimal("0.01"))
        svc = "Microsoft CSP (NCE)" if p.maker == "Microsoft" else f"{p.maker} via Cloudmore"
        v.row = sh.add(
            [
                "01.11.2026",
                svc,
                "Nordic Cloud Broker Oy",
                c["canonical"],
                f"CM{10000 + v.cid}",
                p.name,
                p.pcid.replace(":", "/") if p.pcid else p.sku,
                str(v.qty),
                num(unit, "fr"),
                num(sale, "fr"),
                num(unit * v.qty, "fr"),
                num(sale * v.qty, "fr"),
                num((sale - unit) * v.qty, "fr"),
                "20,00",
                "EUR",
                f"{_h(p.key) % 10**5:05d}",
                "Annually" if v.yearly else "Monthly",
            ]
        )
    fn = "GeneralBillingReport_2026-11.csv"
    write_csv(folder / fn, sh, delimiter=";", encoding="utf-8-sig")
    return fn, None


def r_cloudmore(row):
    u = parse_num(row["Unit Cost Price"])
    return parse_num(row["Quantity"]), u / 12 if row["Payment Frequency"] == "Annually" else u


def v_pt(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "Cliente",
            "NIF Cliente",
            "Artigo",
            "Designação",
            "Periodicidade",
            "Data Início",
            "Data Fim",
            "Qtd.",
            "Preço Unit.",
            "Valor s/ IVA",
            "Taxa IVA",
        ]
    )
    for v in _ordered(case, case.vlines):
        c = byid[v.cid]
        nif = f"PT5{_h(c['canonical']) % 10**8:08d}"
        if v.product is None:
            v.row = sh.add(
                [
                    c["canonical"],
                    nif,
                    "SERV-PROF",
                    v.text,
                    "Única",
                    "01-11-2026",
                    "01-11-2026",
                    "1",
                    num(v.unit, "pt"),
                    num(v.unit, "pt"),
                    "23%",
                ]
            )
            continue
        p = BY_KEY[v.product]
        unit = _yr(v)
        des = p.name if v.role != "credit" else f"Nota de crédito - {p.name}"
        v.row = sh.add(
            [
                c["canonical"],
                nif,
                p.sku if p.maker != "Microsoft" else "MS-" + p.pcid.split(":")[0],
                des,
                "Anual" if v.yearly else "Mensal",
                "01-11-2026",
                "31-10-2027" if v.yearly else "30-11-2026",
                str(v.qty),
                num(unit, "pt"),
                num(unit * v.qty, "pt"),
                "23%",
            ]
        )
    fn = "fatura_detalhe_novembro_2026.csv"
    write_csv(folder / fn, sh, delimiter=";", encoding="cp1252")
    return fn, None


def r_pt(row):
    if row["Periodicidade"] == "Única":
        return None
    u = parse_num(row["Preço Unit."])
    return parse_num(row["Qtd."]), u / 12 if row["Periodicidade"] == "Anual" else u


_MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def v_dicker(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
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
    )
    for v in _ordered(case, case.vlines):
        c = byid[v.cid]
        p = BY_KEY[v.product]
        unit = _yr(v)
        term = "P1Y" if v.yearly or rng.random() < 0.5 else "P1M"
        ident = p.pcid if p.pcid else f"3P-{p.sku}"
        code = f"{term}:{ident}:{'Y' if v.yearly else '1'}:"
        dsc = f"{p.terse} {'1YR' if term == 'P1Y' else '1MTH'}"
        v.row = sh.add(
            [
                f"{_h(c['canonical']):08x}-0000-4000-8000-{v.cid:012d}",
                c["canonical"].upper(),
                f"{_h(v.sub, v.cid):08x}",
                code,
                dsc,
                f"PO-{_h(c['canonical']) % 10**5:05d}",
                str(v.qty),
                "CREDIT" if v.role == "credit" else "RECURRING",
                "ACTIVE",
                "01-NOV-2026",
                "31-OCT-2027" if v.yearly else "30-NOV-2026",
                "MONTHLY",
                num(unit, "aud"),
                num(unit * Decimal("1.3"), "aud"),
            ]
        )
    fn = "DickerData_AnnuityReport_NOV2026.csv"
    write_csv(folder / fn, sh)
    return fn, None


def r_dicker(row):
    u = parse_num(row["UNIT PRICE"])
    return parse_num(row["QTY"]), u / 12 if row["STOCK CODE"].endswith(":Y:") else u


# name: (writer, reader, currency, caps)
VENDORS = {
    "pc_ps_onetime_lineitems_typehdr_csv": (v_pc_ps, r_pc_ps, "USD", {"services": False}),
    "pax8_portal_cost_vs_price_eur_csv": (v_pax8, r_pax8, "EUR", {}),
    "sherweb_invoice_customer_blocks_cad_xlsx": (v_sherweb, r_sherweb, "CAD", {}),
    "ingram_xvantage_netprice_gbp_csv": (v_ingram, r_ingram, "GBP", {}),
    "tdsynnex_ion_fr_semicolon_cp1252_csv": (v_tdsynnex, r_tdsynnex, "EUR", {}),
    "cloudmore_billing_fi_semicolon_csv": (v_cloudmore, r_cloudmore, "EUR", {"services": False}),
    "generic_dist_pt_fatura_cp1252_csv": (v_pt, r_pt, "EUR", {}),
    "dicker_annuity_ref_po_3p_codes_csv": (v_dicker, r_dicker, "AUD", {"services": False}),
}


# ---------------------------------------------------------------- PSA formats
def _pu(pl):
    """the monthly unit as shown (2 dp unless a discount says more)."""
    u = money(pl.unit)
    return u * 12 if pl.yearly else u


def _plines(case):
    return _ordered(case, case.plines)


def _ptext(pl):
    return pl.text


def p_cw(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet("Additions")
    sh.add(
        [
            "Company Name",
            "Agreement Name",
            "Agreement Type",
            "Product ID",
            "Description",
            "Quantity",
            "Less Included",
            "Price",
            "Ext Price",
            "Bill",
            "Effective",
            "Cancelled",
            "Addition Status",
        ]
    )
    for pl in _plines(case):
        c = byid[pl.cid]
        pid = "MSP-SERVICES" if pl.product is None else f"LIC-{BY_KEY[pl.product].sku}"
        nb = pl.role == "not_billed"
        canc = rng.random() < 0.5 if nb else False
        pl.row = sh.add(
            [
                c["psa_name"],
                f"{c['psa_name'][:20]} - Cloud",
                "Managed Services",
                pid,
                _ptext(pl),
                pl.qty,
                pl.less,
                money(pl.unit),
                money(pl.unit) * (pl.qty - pl.less),
                "NoCharge" if nb and not canc else "Billable",
                "01/07/2026",
                "15/09/2026" if canc else None,
                "Cancelled" if canc else "Active",
            ]
        )
    fn = "agreement_additions_all.xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


def r_cw(row):
    if row["Bill"] != "Billable" or row["Cancelled"]:
        return "not_billed"
    return parse_num(row["Quantity"]) - parse_num(row["Less Included"]), parse_num(row["Price"])


def p_autotask(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "Account Name",
            "Contract Name",
            "Service Name",
            "Period Type",
            "Units",
            "Unit Price",
            "Adjusted Price",
            "Unit Cost",
            "Start Date",
            "End Date",
        ]
    )
    tot = Decimal(0)
    for pl in _plines(case):
        c = byid[pl.cid]
        u = _pu(pl)
        end = "2026-09-30" if pl.role == "not_billed" else "2027-06-30"
        pl.row = sh.add(
            [
                c["psa_name"],
                "Recurring Services 2026",
                _ptext(pl),
                "Yearly" if pl.yearly else "Monthly",
                str(pl.qty),
                f"{u:.2f}",
                f"{u * pl.qty:.2f}",
                "",
                "2026-07-01",
                end,
            ]
        )
        tot += u * pl.qty
    sh.add(["Total", "", "", "", "", "", f"{tot:.2f}", "", "", ""])
    fn = "ContractServices_Export.csv"
    write_csv(folder / fn, sh)
    return fn, None


def r_autotask(row):
    if row["End Date"] < "2026-11-01":
        return "not_billed"
    u = parse_num(row["Unit Price"])
    return parse_num(row["Units"]), u / 12 if row["Period Type"] == "Yearly" else u


def p_halo(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet("Factures récurrentes")
    sh.add(["Factures récurrentes - novembre 2026"])
    sh.add(["Généré le 02/11/2026 par HaloPSA"])
    sh.add([])
    sh.add(
        [
            "Client",
            "Site",
            "item_shortdescription",
            "item_longdescription",
            "qty_order",
            "unit_price",
            "net_amount",
            "Période",
        ]
    )
    for pl in _plines(case):
        c = byid[pl.cid]
        u = money(pl.unit)
        pl.row = sh.add(
            [
                c["psa_name"],
                "Siège",
                _ptext(pl),
                f"{_ptext(pl)} du $STARTDATE au $ENDDATE",
                pl.qty,
                u,
                u * pl.qty,
                "Mensuelle",
            ]
        )
    fn = "halo_factures_recurrentes_2026-11.xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


def r_halo(row):
    return parse_num(row["qty_order"]), parse_num(row["unit_price"])


GENERIC = ["User licence", "Cloud subscription", "Per seat", "Security subscription"]


def p_syncro(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "schedule_id",
            "customer_business_then_name",
            "schedule_name",
            "frequency",
            "paused",
            "next_run",
            "name",
            "description",
            "quantity",
            "retail_cents",
            "cost_cents",
            "taxable",
        ]
    )
    for pl in _plines(case):
        c = byid[pl.cid]
        u = _pu(pl)
        cents = u * 100
        pl.row = sh.add(
            [
                1000 + pl.cid * 3 + (1 if pl.yearly else 0),
                c["psa_name"],
                "Annual licences" if pl.yearly else "Monthly services",
                "Annually" if pl.yearly else "Monthly",
                "true" if pl.role == "not_billed" else "false",
                "2026-12-01" if not pl.yearly else "2027-07-01",
                _ptext(pl),
                rng.choice(GENERIC) if pl.product else "Service",
                pl.qty,
                f"{cents:.0f}" if cents == cents.to_integral() else f"{cents:.2f}",
                "",
                "false",
            ]
        )
    fn = "recurring_invoice_line_items.csv"
    write_csv(folder / fn, sh)
    return fn, None


def r_syncro(row):
    if row["paused"] == "true":
        return "not_billed"
    u = Decimal(row["retail_cents"]) / 100
    return Decimal(row["quantity"]), u / 12 if row["frequency"] == "Annually" else u


def p_bms(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "Kunde",
            "Vertrag",
            "Leistung",
            "Leistungsbeschreibung",
            "Menge",
            "Einzelpreis",
            "Gesamtpreis",
            "Abrechnungsintervall",
            "Beginn",
            "Ende",
            "Status",
        ]
    )
    for pl in _plines(case):
        c = byid[pl.cid]
        u = _pu(pl)
        pl.row = sh.add(
            [
                c["psa_name"],
                "Cloud-Vertrag 2026",
                _ptext(pl),
                "pro Benutzer / Monat" if pl.product else "Dienstleistung",
                str(pl.qty),
                num(u, "de"),
                num(u * pl.qty, "de"),
                "Jährlich" if pl.yearly else "Monatlich",
                "01.01.2026",
                "31.10.2026" if pl.role == "not_billed" else "",
                "Aktiv",
            ]
        )
    fn = "Wiederkehrende_Leistungen_11-2026.csv"
    write_csv(folder / fn, sh, delimiter=";", encoding="utf-8-sig")
    return fn, None


def r_bms(row):
    if row["Ende"]:
        return "not_billed"
    u = parse_num(row["Einzelpreis"])
    return parse_num(row["Menge"]), u / 12 if row["Abrechnungsintervall"] == "Jährlich" else u


def p_xero(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "*ContactName",
            "EmailAddress",
            "POAddressLine1",
            "POCity",
            "POPostalCode",
            "*InvoiceNumber",
            "Reference",
            "*InvoiceDate",
            "*DueDate",
            "Total",
            "InventoryItemCode",
            "*Description",
            "*Quantity",
            "*UnitAmount",
            "Discount",
            "LineAmount",
            "*AccountCode",
            "*TaxType",
            "TaxAmount",
            "TrackingName1",
            "TrackingOption1",
            "Currency",
        ]
    )
    inv = {}
    for pl in _plines(case):
        c = byid[pl.cid]
        n = inv.setdefault(pl.cid, f"INV-{4100 + len(inv):05d}")
        if pl.disc is not None:
            ua, disc = pl.list_price, pl.disc
            la = (ua * pl.qty * (1 - disc / 100)).quantize(Decimal("0.01"))
        else:
            ua, disc = money(pl.unit), None
            la = ua * pl.qty
        code = "" if pl.product is None else BY_KEY[pl.product].sku
        pl.row = sh.add(
            [
                c["psa_name"],
                f"accounts@{c['tenant']}.com",
                "PO Box 12",
                "Brisbane",
                "4000",
                n,
                "Nov 2026",
                "01/11/2026",
                "15/11/2026",
                "",
                code,
                _ptext(pl),
                f"{pl.qty:.2f}",
                f"{ua:.2f}",
                "" if disc is None else f"{disc:.2f}",
                f"{la:.2f}",
                "200" if pl.product else "210",
                "GST on Income",
                f"{la / 10:.2f}",
                "Service line",
                "Cloud" if pl.product else "Labour",
                case.currency,
            ]
        )
    fn = "Invoices_Export_Nov2026.csv"
    write_csv(folder / fn, sh, encoding="utf-8-sig")
    return fn, None


def r_xero(row):
    u = parse_num(row["*UnitAmount"])
    d = parse_num(row["Discount"])
    return parse_num(row["*Quantity"]), u * (1 - d / 100) if d is not None else u


def p_qbo(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet("Sales by Customer Detail")
    sh.add(["Maple Leaf IT Services Inc."])
    sh.add(["Sales by Customer Detail"])
    sh.add(["November 2026"])
    sh.add([])
    sh.add(
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
    last, bal, grand = None, Decimal(0), Decimal(0)
    for pl in sorted(
        case.plines, key=lambda x: (byid[x.cid]["psa_name"], x.product or "~", -x.qty)
    ):
        c = byid[pl.cid]
        if pl.cid != last:
            if last is not None:
                sh.add(
                    [
                        f"Total for {byid[last]['psa_name']}",
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        bal,
                    ]
                )
            sh.add([c["psa_name"]])
            last, bal = pl.cid, Decimal(0)
        u = money(pl.unit)
        amt = u * pl.qty
        bal += amt
        grand += amt
        cat = "Services" if pl.product is None else "Cloud Licences"
        pl.row = sh.add(
            [
                "",
                "2026-11-01",
                "Invoice",
                str(7000 + pl.cid),
                f"{cat}:{_ptext(pl)}",
                f"{_ptext(pl)} - Nov 2026",
                pl.qty,
                u,
                amt,
                bal,
            ]
        )
    if last is not None:
        sh.add(
            [f"Total for {byid[last]['psa_name']}", None, None, None, None, None, None, None, bal]
        )
    sh.add(["TOTAL", None, None, None, None, None, None, None, grand])
    sh.add([])
    sh.add(["Accrual basis Tuesday, December 1, 2026 09:14 AM GMT-05:00"])
    fn = "Sales by Customer Detail.xlsx"
    write_xlsx(folder / fn, [sh])
    return fn, sh.name


def r_qbo(row):
    return parse_num(row["Qty"]), parse_num(row["Sales Price"])


def p_cwinv(case, folder, rng):
    byid = {c["id"]: c for c in case.clients}
    sh = Sheet()
    sh.add(
        [
            "Invoice #",
            "Invoice Date",
            "Company",
            "Site",
            "Agreement",
            "Item ID",
            "Description",
            "Qty",
            "Unit Price",
            "Extended Price",
            "Taxable",
            "Tax Code",
        ]
    )
    for pl in _plines(case):
        c = byid[pl.cid]
        u = money(pl.unit)
        pl.row = sh.add(
            [
                f"{52000 + pl.cid}",
                "2026/11/01",
                c["psa_name"],
                "Main",
                "Cloud Agreement",
                "SERVICES" if pl.product is None else BY_KEY[pl.product].sku,
                _ptext(pl),
                str(pl.qty),
                num(u, "za"),
                num(u * pl.qty, "za"),
                "Y",
                "VAT15",
            ]
        )
    fn = "Invoice_Lines_November_2026.csv"
    write_csv(folder / fn, sh, delimiter=";", encoding="utf-8-sig")
    return fn, None


def r_cwinv(row):
    return parse_num(row["Qty"]), parse_num(row["Unit Price"])


PSAS = {
    "cw_cross_agreement_additions_nocharge_xlsx": (p_cw, r_cw, {"not_billed": True, "less": True}),
    "autotask_contract_services_periodtype_ca_csv": (
        p_autotask,
        r_autotask,
        {"not_billed": True, "yearly": True},
    ),
    "halopsa_recurring_fr_title_rows_xlsx": (p_halo, r_halo, {}),
    "syncro_schedule_lines_annual_paused_csv": (
        p_syncro,
        r_syncro,
        {"not_billed": True, "yearly": True},
    ),
    "kaseya_bms_leistungen_de_semicolon_csv": (p_bms, r_bms, {"not_billed": True, "yearly": True}),
    "xero_invoice_export_asterisk_disc_au_csv": (p_xero, r_xero, {"discount": True}),
    "qbo_sales_cust_detail_catpath_ca_xlsx": (p_qbo, r_qbo, {}),
    "cw_invoice_lines_za_semicolon_csv": (p_cwinv, r_cwinv, {}),
}


# ---------------------------------------------------------------- reading back (self-check)
def read_records(path, sheet):
    """every record of a file as a list of cell values (1-based index = row number)."""
    path = str(path)
    if path.endswith(".xlsx"):
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        return [list(r) for r in ws.iter_rows(values_only=True)]
    with open(path, "rb") as fh:
        raw = fh.read()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    delim = ";" if text.split("\n", 2)[0].count(";") > text.split("\n", 2)[0].count(",") else ","
    if text.startswith("#TYPE"):
        delim = ","
    return [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
