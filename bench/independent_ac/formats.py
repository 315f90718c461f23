"""The 8 vendor and 8 PSA / accounting layouts of set AC (writers and the reading keys the self-check uses)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .catalog import BY_KEY

PERIOD_START, PERIOD_END = (2026, 11, 1), (2026, 11, 30)


def num(d, dec=".", thou="", places=2):
    d = Decimal(d)
    s = f"{abs(d):,.{places}f}"
    s = s.replace(",", "\x00").replace(".", dec).replace("\x00", thou)
    return ("-" if d < 0 else "") + s


def date(fmt, y, m, d):
    return fmt.format(
        y=y,
        m=m,
        d=d,
        yy=y % 100,
        mon=[
            "",
            "JAN",
            "FEB",
            "MAR",
            "APR",
            "MAY",
            "JUN",
            "JUL",
            "AUG",
            "SEP",
            "OCT",
            "NOV",
            "DEC",
        ][m],
    )


@dataclass
class Fmt:
    name: str
    side: str
    kind: str  # csv / xlsx
    filename: str
    currency: str = "USD"
    sheet: str | None = None
    delimiter: str = ","
    bom: bool = False
    dec: str = "."
    thou: str = ""
    upper_names: bool = False
    title: list = field(default_factory=list)
    header: list = field(default_factory=list)
    cells: object = None  # (line, client, ctx) -> dict
    block: object = None  # client name -> row before the client's lines
    subtotal: object = None  # (name, lines) -> row after the client's lines
    total: object = None  # lines -> last row
    sort: str = "name"  # name / domain
    annual: tuple | None = None  # (column, value meaning yearly)
    stopped: tuple | None = None  # (column, values meaning not billed)
    read: dict = field(default_factory=dict)  # client / qty / unit / amount / product columns


def _ctx(case, f):
    return {"cur": case.currency if f.side == "psa" else f.currency, "f": f}


def _client_lines(case, lines, f):
    byid = {c["id"]: c for c in case.clients}
    if f.side == "vendor":

        def nm(c):
            n = c["vendor_name"]
            return n.upper() if f.upper_names else n
    else:

        def nm(c):
            return c["psa_name"]

    groups = {}
    for ln in lines:
        groups.setdefault(ln.cid, []).append(ln)
    key = (
        (lambda cid: byid[cid]["domain"])
        if f.sort == "domain"
        else (lambda cid: nm(byid[cid]).lower())
    )
    return [(byid[cid], nm(byid[cid]), groups[cid]) for cid in sorted(groups, key=key)]


def write(case, folder, rng, f: Fmt):
    rows = [list(r) for r in f.title]
    rows.append(list(f.header))
    lines = case.vlines if f.side == "vendor" else case.plines
    ctx = _ctx(case, f)
    for c, name, ls in _client_lines(case, lines, f):
        if f.block:
            rows.append(f.block(name, c))
        for ln in ls:
            d = f.cells(ln, c, name, ctx, rng)
            rows.append([d.get(h, "") for h in f.header])
            ln.row = len(rows)
        if f.subtotal:
            rows.append(f.subtotal(name, ls, ctx))
    if f.total:
        rows.append(f.total(lines, ctx))
    path = Path(folder) / f.filename
    if f.kind == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=f.delimiter, lineterminator="\r\n")
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
        path.write_text(("\ufeff" if f.bom else "") + buf.getvalue(), encoding="utf-8", newline="")
        return f.filename, None
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = f.sheet or "Sheet1"
    for r in rows:
        ws.append([float(v) if isinstance(v, Decimal) else v for v in r])
    wb.save(path)
    return f.filename, ws.title


def read_records(folder, f: Fmt):
    """Every record of the file as (row, list of cell texts)."""
    path = Path(folder) / f.filename
    if f.kind == "csv":
        text = path.read_text(encoding="utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        return list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=f.delimiter), 1))
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True)[f.sheet]
    out = []
    for i, r in enumerate(ws.iter_rows(values_only=True), 1):
        out.append(
            (i, ["" if v is None else (repr(v) if isinstance(v, float) else str(v)) for v in r])
        )
    return out


def parse_num(s, f: Fmt):
    s = s.strip().replace("\xa0", "")
    if f.kind == "xlsx":
        return Decimal(s)
    if f.thou:
        s = s.replace(f.thou, "")
    return Decimal(s.replace(f.dec, "."))


def _m(ln):
    return ln.unit


def _sku(ln):
    return BY_KEY[ln.product].sku if getattr(ln, "product", None) else ""


def _vtext(ln, tag=""):
    return BY_KEY[ln.product].name + tag


# ---------------------------------------------------------------- vendor formats
def _pc(ln, c, name, ctx, rng):
    p = BY_KEY[ln.product]
    pid, _, sku = p.sku.partition(":")
    tot = ln.unit * ln.qty
    return {
        "PartnerId": "4f1c2d7e-0b1a-4c55-9a0e-7c2b9d1e3f10",
        "CustomerId": f"{c['id']:08x}-77c1-4e2b-9d0f-a1b2c3d4e5f6",
        "CustomerName": name,
        "CustomerDomainName": c["domain"],
        "CustomerCountry": "US",
        "InvoiceNumber": "G071234567",
        "OrderId": f"ord{ln.sub[:8]}",
        "OrderDate": "2026-10-28T00:00:00Z",
        "ProductId": pid,
        "SkuId": sku or "0001",
        "SkuName": p.name,
        "ProductName": p.name,
        "ChargeType": "removeQuantity"
        if ln.qty < 0
        else rng.choice(["cycleCharge", "cycleCharge", "renew"]),
        "UnitPrice": num(ln.unit * Decimal("1.05"), places=4),
        "Quantity": str(ln.qty),
        "Subtotal": num(tot),
        "TaxTotal": "0.00",
        "Total": num(tot),
        "Currency": ctx["cur"],
        "PublisherName": p.maker,
        "SubscriptionId": ln.sub,
        "ChargeStartDate": "2026-11-01T00:00:00Z",
        "ChargeEndDate": "2027-10-31T23:59:59Z" if ln.yearly else "2026-11-30T23:59:59Z",
        "TermAndBillingCycle": "One-Year commitment for yearly billing"
        if ln.yearly
        else rng.choice(
            [
                "One-Year commitment for monthly/yearly billing",
                "One-Month commitment for monthly billing",
            ]
        ),
        "EffectiveUnitPrice": num(ln.unit, places=4),
        "UnitType": "Licenses",
        "BillableQuantity": str(ln.qty),
        "BillingFrequency": "Annual" if ln.yearly else "Monthly",
        "PricingCurrency": ctx["cur"],
    }


def _pax8(ln, c, name, ctx, rng):
    p = BY_KEY[ln.product]
    tag = " [NCE]" if p.maker == "Microsoft" else ""
    return {
        "Company": "",
        "Product": p.name + tag,
        "SKU": f"PX-{p.sku.split(':')[0][-6:]}",
        "Type": "credit" if ln.qty < 0 else "subscription",
        "Term": "Annual" if ln.yearly else "Monthly",
        "Start Period": "2026-11-01",
        "End Period": "2026-11-30",
        "Qty": ln.qty,
        "Cost": ln.unit,
        "Cost Total": ln.unit * ln.qty,
        "Price": (ln.unit * Decimal("1.2")).quantize(Decimal("0.01")),
    }


def _also(ln, c, name, ctx, rng):
    f = ctx["f"]
    return {
        "Kundennummer": f"AT{100000 + c['id']}",
        "Kunde": name,
        "Vertrag": f"V-{ln.sub[:6].upper()}",
        "Belegart": "Gutschrift" if ln.qty < 0 else "Rechnung",
        "Artikelnummer": _sku(ln),
        "Artikelbezeichnung": _vtext(ln),
        "Menge": str(ln.qty),
        "Einzelpreis netto": num(ln.unit, f.dec, f.thou),
        "Gesamtpreis netto": num(ln.unit * ln.qty, f.dec, f.thou),
        "Abrechnungsintervall": "jährlich" if ln.yearly else "monatlich",
        "Leistungszeitraum": "01.11.2026 - 31.10.2027" if ln.yearly else "01.11.2026 - 30.11.2026",
        "Währung": ctx["cur"],
    }


def _crayon(ln, c, name, ctx, rng):
    p = BY_KEY[ln.product]
    return {
        "Organisasjon": "Crayon AS",
        "Org.nr": 900000000 + c["id"] * 37,
        "Kundenavn": name,
        "Publisher": p.maker,
        "Produkt": p.name,
        "Artikkelnr": p.sku,
        "Antall": ln.qty,
        "Enhetspris": ln.unit,
        "Beløp": ln.unit * ln.qty,
        "Fakturering": "Årlig" if ln.yearly else "Månedlig",
        "Fra": "01.11.2026",
        "Til": "31.10.2027" if ln.yearly else "30.11.2026",
    }


def _arrow(ln, c, name, ctx, rng):
    p = BY_KEY[ln.product]
    return {
        "End Customer": name,
        "End Customer Ref": f"XSP{20000 + c['id']}",
        "Vendor": p.maker,
        "Offer": p.name,
        "Arrow SKU": f"ARW-{p.sku.replace(':', '-')}",
        "Billing Cycle": "Yearly" if ln.yearly else "Monthly",
        "Qty": ln.qty,
        "Unit Buy Price": ln.unit,
        "Line Buy Total": ln.unit * ln.qty,
        "Unit Public Price": (ln.unit * Decimal("1.25")).quantize(Decimal("0.01")),
    }


def _rhipe(ln, c, name, ctx, rng):
    p = BY_KEY[ln.product]
    t = ln.unit * ln.qty
    return {
        "Customer Name": name,
        "Customer Tenant ID": f"{c['id']:08x}-3a2b-4c1d-8e9f-0a1b2c3d4e5f",
        "Contract ID": f"CA-{ln.sub[:6]}",
        "Product": p.name,
        "Product SKU": p.sku,
        "Term": "Annual" if ln.yearly or rng.random() < 0.5 else "Monthly",
        "Billing Frequency": "Annual" if ln.yearly else "Monthly",
        "Quantity": str(ln.qty),
        "Unit Price (ex GST)": num(ln.unit),
        "Total (ex GST)": num(t),
        "GST": num(t / 10, places=2),
        "Total (inc GST)": num(t + t / 10),
        "Period Start": "01/11/2026",
        "Period End": "31/10/2027" if ln.yearly else "30/11/2026",
    }


def _sherweb(ln, c, name, ctx, rng):
    p = BY_KEY[ln.product]
    return {
        "Customer": name,
        "Customer Id": f"{c['id']:06d}",
        "Service": "Microsoft CSP" if p.maker == "Microsoft" else p.maker,
        "Product": p.name,
        "SKU": p.sku,
        "Charge Type": "Credit" if ln.qty < 0 else "Recurring",
        "Period From": "2026-11-01",
        "Period To": "2027-10-31" if ln.yearly else "2026-11-30",
        "Billing Cycle": "Yearly" if ln.yearly else "Monthly",
        "Quantity": str(ln.qty),
        "Unit Cost": num(ln.unit),
        "Total Cost": num(ln.unit * ln.qty),
        "Currency": ctx["cur"],
    }


def _ingram_pl(ln, c, name, ctx, rng):
    f = ctx["f"]
    p = BY_KEY[ln.product]
    return {
        "Klient": name,
        "NIP": f"{5260000000 + c['id'] * 131}",
        "Subskrypcja": ln.sub,
        "Produkt": p.name,
        "Kod produktu": p.sku,
        "Ilość": str(ln.qty),
        "Cena jedn. netto": num(ln.unit, f.dec, f.thou),
        "Wartość netto": num(ln.unit * ln.qty, f.dec, f.thou),
        "Okres rozliczeniowy": "Roczny" if ln.yearly else "Miesięczny",
        "Data od": "2026-11-01",
        "Data do": "2027-10-31" if ln.yearly else "2026-11-30",
        "Waluta": ctx["cur"],
    }


def _xl_sub(name, ls, ctx, label="Subtotal", qcol=None, header=None, amt=None):
    row = [""] * len(header)
    row[0] = f"{label} {name}"
    row[header.index(amt)] = sum(ln.unit * ln.qty for ln in ls)
    return row


VENDOR_LIST = [
    Fmt(
        "pc_recon_customer_domain_sorted_csv",
        "vendor",
        "csv",
        "ReconLineItems_G071234567.csv",
        "USD",
        bom=True,
        header=[
            "PartnerId",
            "CustomerId",
            "CustomerName",
            "CustomerDomainName",
            "CustomerCountry",
            "InvoiceNumber",
            "OrderId",
            "OrderDate",
            "ProductId",
            "SkuId",
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
            "SubscriptionId",
            "ChargeStartDate",
            "ChargeEndDate",
            "TermAndBillingCycle",
            "EffectiveUnitPrice",
            "UnitType",
            "BillableQuantity",
            "BillingFrequency",
            "PricingCurrency",
        ],
        cells=_pc,
        sort="domain",
        annual=("BillingFrequency", "Annual"),
        read={
            "client": "CustomerName",
            "qty": "BillableQuantity",
            "unit": "EffectiveUnitPrice",
            "product": "ProductName",
        },
    ),
    Fmt(
        "pax8_company_block_invoice_nzd_xlsx",
        "vendor",
        "xlsx",
        "Pax8_Invoice_2026-11.xlsx",
        "NZD",
        sheet="Invoice Detail",
        title=[
            ["Pax8 Invoice INV-NZ-2026-11-0042 - November 2026"],
            ["Partner: Tui Cloud Services Ltd", "", "", "Currency: NZD"],
            [],
        ],
        header=[
            "Company",
            "Product",
            "SKU",
            "Type",
            "Term",
            "Start Period",
            "End Period",
            "Qty",
            "Cost",
            "Cost Total",
            "Price",
        ],
        cells=_pax8,
        block=lambda name, c: [f"Company: {name} (ID {410000 + c['id']})"],
        subtotal=lambda name, ls, ctx: [
            "",
            "Subtotal",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            sum(ln.unit * ln.qty for ln in ls),
            "",
        ],
        total=lambda ls, ctx: [
            "Invoice Total",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            sum(ln.unit * ln.qty for ln in ls),
            "",
        ],
        annual=("Term", "Annual"),
        read={"client": "@block", "qty": "Qty", "unit": "Cost", "product": "Product"},
    ),
    Fmt(
        "also_cmp_at_kunden_semicolon_csv",
        "vendor",
        "csv",
        "ALSO_Abrechnung_2026-11.csv",
        "EUR",
        delimiter=";",
        bom=True,
        dec=",",
        thou=".",
        upper_names=True,
        header=[
            "Kundennummer",
            "Kunde",
            "Vertrag",
            "Belegart",
            "Artikelnummer",
            "Artikelbezeichnung",
            "Menge",
            "Einzelpreis netto",
            "Gesamtpreis netto",
            "Abrechnungsintervall",
            "Leistungszeitraum",
            "Währung",
        ],
        cells=_also,
        annual=("Abrechnungsintervall", "jährlich"),
        read={
            "client": "Kunde",
            "qty": "Menge",
            "unit": "Einzelpreis netto",
            "product": "Artikelbezeichnung",
        },
    ),
    Fmt(
        "crayon_cloudiq_no_orgnr_xlsx",
        "vendor",
        "xlsx",
        "Crayon_Fakturaspesifikasjon_2026-11.xlsx",
        "NOK",
        sheet="Spesifikasjon",
        title=[["Crayon AS - Fakturaspesifikasjon"], ["Periode: 01.11.2026 - 30.11.2026"]],
        header=[
            "Organisasjon",
            "Org.nr",
            "Kundenavn",
            "Publisher",
            "Produkt",
            "Artikkelnr",
            "Antall",
            "Enhetspris",
            "Beløp",
            "Fakturering",
            "Fra",
            "Til",
        ],
        cells=_crayon,
        total=lambda ls, ctx: [
            "Sum",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            sum(ln.unit * ln.qty for ln in ls),
            "",
            "",
            "",
        ],
        annual=("Fakturering", "Årlig"),
        read={"client": "Kundenavn", "qty": "Antall", "unit": "Enhetspris", "product": "Produkt"},
    ),
    Fmt(
        "arrowsphere_endcustomer_subtotal_xlsx",
        "vendor",
        "xlsx",
        "ArrowSphere_Statement_2026-11.xlsx",
        "EUR",
        sheet="Statement",
        header=[
            "End Customer",
            "End Customer Ref",
            "Vendor",
            "Offer",
            "Arrow SKU",
            "Billing Cycle",
            "Qty",
            "Unit Buy Price",
            "Line Buy Total",
            "Unit Public Price",
        ],
        cells=_arrow,
        subtotal=lambda name, ls, ctx: [
            f"Subtotal {name}",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            sum(ln.unit * ln.qty for ln in ls),
            "",
        ],
        annual=("Billing Cycle", "Yearly"),
        read={"client": "End Customer", "qty": "Qty", "unit": "Unit Buy Price", "product": "Offer"},
    ),
    Fmt(
        "rhipe_prism_au_gst_csv",
        "vendor",
        "csv",
        "PRISM_Billing_Nov2026.csv",
        "AUD",
        upper_names=True,
        header=[
            "Customer Name",
            "Customer Tenant ID",
            "Contract ID",
            "Product",
            "Product SKU",
            "Term",
            "Billing Frequency",
            "Quantity",
            "Unit Price (ex GST)",
            "Total (ex GST)",
            "GST",
            "Total (inc GST)",
            "Period Start",
            "Period End",
        ],
        cells=_rhipe,
        annual=("Billing Frequency", "Annual"),
        read={
            "client": "Customer Name",
            "qty": "Quantity",
            "unit": "Unit Price (ex GST)",
            "product": "Product",
        },
    ),
    Fmt(
        "sherweb_payables_tab_delimited_csv",
        "vendor",
        "csv",
        "sherweb-payables-2026-11.csv",
        "CAD",
        delimiter="\t",
        header=[
            "Customer",
            "Customer Id",
            "Service",
            "Product",
            "SKU",
            "Charge Type",
            "Period From",
            "Period To",
            "Billing Cycle",
            "Quantity",
            "Unit Cost",
            "Total Cost",
            "Currency",
        ],
        cells=_sherweb,
        annual=("Billing Cycle", "Yearly"),
        read={"client": "Customer", "qty": "Quantity", "unit": "Unit Cost", "product": "Product"},
    ),
    Fmt(
        "ingram_cmp_pl_pln_semicolon_csv",
        "vendor",
        "csv",
        "IngramMicro_Rozliczenie_2026-11.csv",
        "PLN",
        delimiter=";",
        bom=True,
        dec=",",
        thou="\xa0",
        header=[
            "Klient",
            "NIP",
            "Subskrypcja",
            "Produkt",
            "Kod produktu",
            "Ilość",
            "Cena jedn. netto",
            "Wartość netto",
            "Okres rozliczeniowy",
            "Data od",
            "Data do",
            "Waluta",
        ],
        cells=_ingram_pl,
        annual=("Okres rozliczeniowy", "Roczny"),
        read={"client": "Klient", "qty": "Ilość", "unit": "Cena jedn. netto", "product": "Produkt"},
    ),
]

# ---------------------------------------------------------------- PSA / accounting formats


def _code(ln):
    return (
        f"LIC-{BY_KEY[ln.product].sku.split(':')[0][-6:]}"
        if ln.product
        else "SVC-" + "".join(w[0] for w in ln.text.split()[:3]).upper()
    )


def _cw(ln, c, name, ctx, rng):
    stop = ln.role == "not_billed"
    return {
        "Company ID": (c["domain"].split(".")[0][:12]).upper(),
        "Company Name": name,
        "Agreement": "Managed IT Agreement" if ln.role == "service" else "Microsoft CSP Licensing",
        "Agreement Billing Cycle": "Annual" if ln.yearly else "Monthly",
        "Product ID": _code(ln),
        "Description": ln.text,
        "Quantity": ln.qty,
        "Less Included": 0,
        "Price": ln.unit,
        "Ext Price": ln.unit * ln.qty,
        "Bill": "Billable",
        "Effective": "2025-07-01",
        "Cancelled": "2026-10-15" if stop else "",
        "Addition Status": "Cancelled" if stop else "Active",
    }


def _at(ln, c, name, ctx, rng):
    stop = ln.role == "not_billed"
    return {
        "Account Name": name,
        "Contract Name": f"{name[:20]} - Recurring",
        "Service Name": ln.text,
        "Units": ln.qty,
        "Unit Price": ln.unit,
        "Period Type": "Yearly" if ln.yearly else "Monthly",
        "Extended Price": ln.unit * ln.qty,
        "Start Date": "01/07/2025",
        "End Date": "30/09/2026" if stop else "30/06/2027",
        "Status": "Inactive" if stop else "Active",
    }


def _halo(ln, c, name, ctx, rng):
    stop = ln.role == "not_billed"
    return {
        "Client": name,
        "Site": rng.choice(["Main Site", "Head Office", "Main"]),
        "Contract Ref": f"RC{3000 + c['id']}",
        "Item": _code(ln),
        "Description": ln.text,
        "Quantity": str(ln.qty),
        "Unit Price": num(ln.unit),
        "Net Amount": num(ln.unit * ln.qty),
        "Billing Period": "Annually" if ln.yearly else "Monthly",
        "Next Invoice Date": "2026-12-01",
        "Active": "No" if stop else "Yes",
    }


def _myob(ln, c, name, ctx, rng):
    t = ln.unit * ln.qty
    return {
        "Co./Last Name": name,
        "First Name": "",
        "Invoice #": f"{40000 + c['id']:08d}",
        "Date": "1/11/2026",
        "Item Number": _code(ln),
        "Quantity": str(ln.qty),
        "Description": ln.text,
        "Price": num(ln.unit, thou=","),
        "Discount": "0%",
        "Total": num(t, thou=","),
        "Inc-Tax Total": num(t * Decimal("1.1"), thou=","),
        "Tax Code": "GST",
        "Journal Memo": f"Sale; {name}",
    }


def _exact(ln, c, name, ctx, rng):
    f = ctx["f"]
    stop = ln.role == "not_billed"
    return {
        "Debiteurnummer": str(20000 + c["id"]),
        "Debiteurnaam": name,
        "Abonnement": f"ABO{5000 + c['id']}",
        "Artikelcode": _code(ln),
        "Omschrijving": ln.text,
        "Aantal": num(ln.qty, f.dec, "", 2),
        "Prijs per eenheid": num(ln.unit, f.dec, f.thou),
        "Bedrag excl. btw": num(ln.unit * ln.qty, f.dec, f.thou),
        "Btw-code": "2",
        "Termijn": "Jaar" if ln.yearly else "Maand",
        "Startdatum": "01-07-2025",
        "Einddatum": "30-09-2026" if stop else "",
    }


def _netvisor(ln, c, name, ctx, rng):
    f = ctx["f"]
    stop = ln.role == "not_billed"
    return {
        "Asiakas": name,
        "Asiakasnumero": str(1000 + c["id"]),
        "Tuotekoodi": _code(ln),
        "Tuotenimi": ln.text,
        "Määrä": str(ln.qty),
        "Yksikkö": "kpl",
        "A-hinta": num(ln.unit, f.dec, f.thou),
        "Alennus-%": "0",
        "Rivin summa": num(ln.unit * ln.qty, f.dec, f.thou),
        "Laskutusjakso": "Vuosi" if ln.yearly else "Kuukausi",
        "Tila": "Päättynyt" if stop else "Aktiivinen",
        "Alkaa": "01.07.2025",
        "Päättyy": "30.09.2026" if stop else "",
    }


def _zoho(ln, c, name, ctx, rng):
    stop = ln.role == "not_billed"
    person = f"{['Alex', 'Jordan', 'Sam', 'Taylor', 'Chris', 'Robin'][c['id'] % 6]} {['Kim', 'Lee', 'Brown', 'Ward', 'Hale'][c['id'] % 5]}"
    return {
        "Subscription ID": f"{2300000 + c['id']}{ln.qty:03d}",
        "Customer Name": person,
        "Company Name": name,
        "Plan Name": ln.text,
        "Plan Code": _code(ln).lower(),
        "Quantity": str(ln.qty),
        "Price": num(ln.unit),
        "Amount": num(ln.unit * ln.qty),
        "Interval": "1 years" if ln.yearly else "1 months",
        "Status": "cancelled" if stop else rng.choice(["live", "live", "live", "non_renewing"]),
        "Next Billing Date": "" if stop else "2026-12-01",
        "Currency Code": ctx["cur"],
    }


def _xero(ln, c, name, ctx, rng):
    stop = ln.role == "not_billed"
    return {
        "ContactName": name,
        "Reference": f"RPT-{c['id']:04d}",
        "Schedule": "Every 12 month(s)" if ln.yearly else "Every 1 month(s)",
        "Status": "Draft" if stop else "Approved",
        "Description": ln.text,
        "Quantity": ln.qty,
        "UnitAmount": ln.unit,
        "AccountCode": "200" if ln.role == "service" else "210",
        "TaxType": "15% GST on Income",
        "LineAmount": ln.unit * ln.qty,
    }


PSA_LIST = [
    Fmt(
        "cw_additions_company_id_column_xlsx",
        "psa",
        "xlsx",
        "Agreement_Additions_Export.xlsx",
        sheet="Additions",
        header=[
            "Company ID",
            "Company Name",
            "Agreement",
            "Agreement Billing Cycle",
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
        ],
        cells=_cw,
        annual=("Agreement Billing Cycle", "Annual"),
        stopped=("Addition Status", {"Cancelled"}),
        read={
            "client": "Company Name",
            "qty": "Quantity",
            "unit": "Price",
            "product": "Description",
        },
    ),
    Fmt(
        "autotask_services_by_account_titled_xlsx",
        "psa",
        "xlsx",
        "ContractServicesByAccount.xlsx",
        sheet="Report",
        title=[
            ["Contract Services by Account"],
            ["Generated 01/12/2026 08:14 by Billing Admin"],
            [],
        ],
        header=[
            "Account Name",
            "Contract Name",
            "Service Name",
            "Units",
            "Unit Price",
            "Period Type",
            "Extended Price",
            "Start Date",
            "End Date",
            "Status",
        ],
        cells=_at,
        total=lambda ls, ctx: [
            "Total",
            "",
            "",
            "",
            "",
            "",
            sum(ln.unit * ln.qty for ln in ls),
            "",
            "",
            "",
        ],
        annual=("Period Type", "Yearly"),
        stopped=("Status", {"Inactive"}),
        read={
            "client": "Account Name",
            "qty": "Units",
            "unit": "Unit Price",
            "product": "Service Name",
        },
    ),
    Fmt(
        "halopsa_contracts_client_site_csv",
        "psa",
        "csv",
        "halo_recurring_contract_lines.csv",
        header=[
            "Client",
            "Site",
            "Contract Ref",
            "Item",
            "Description",
            "Quantity",
            "Unit Price",
            "Net Amount",
            "Billing Period",
            "Next Invoice Date",
            "Active",
        ],
        cells=_halo,
        annual=("Billing Period", "Annually"),
        stopped=("Active", {"No"}),
        read={
            "client": "Client",
            "qty": "Quantity",
            "unit": "Unit Price",
            "product": "Description",
        },
    ),
    Fmt(
        "myob_sales_item_detail_colastname_csv",
        "psa",
        "csv",
        "ITEMSALE.csv",
        header=[
            "Co./Last Name",
            "First Name",
            "Invoice #",
            "Date",
            "Item Number",
            "Quantity",
            "Description",
            "Price",
            "Discount",
            "Total",
            "Inc-Tax Total",
            "Tax Code",
            "Journal Memo",
        ],
        thou=",",
        cells=_myob,
        read={
            "client": "Co./Last Name",
            "qty": "Quantity",
            "unit": "Price",
            "product": "Description",
        },
    ),
    Fmt(
        "exact_online_verkoopregels_nl_csv",
        "psa",
        "csv",
        "Abonnementsregels.csv",
        delimiter=";",
        bom=True,
        dec=",",
        thou=".",
        header=[
            "Debiteurnummer",
            "Debiteurnaam",
            "Abonnement",
            "Artikelcode",
            "Omschrijving",
            "Aantal",
            "Prijs per eenheid",
            "Bedrag excl. btw",
            "Btw-code",
            "Termijn",
            "Startdatum",
            "Einddatum",
        ],
        cells=_exact,
        annual=("Termijn", "Jaar"),
        stopped=("Einddatum", "@nonempty"),
        read={
            "client": "Debiteurnaam",
            "qty": "Aantal",
            "unit": "Prijs per eenheid",
            "product": "Omschrijving",
        },
    ),
    Fmt(
        "netvisor_laskurivit_fi_csv",
        "psa",
        "csv",
        "netvisor_toistuvat_laskurivit.csv",
        delimiter=";",
        bom=True,
        dec=",",
        thou=" ",
        header=[
            "Asiakas",
            "Asiakasnumero",
            "Tuotekoodi",
            "Tuotenimi",
            "Määrä",
            "Yksikkö",
            "A-hinta",
            "Alennus-%",
            "Rivin summa",
            "Laskutusjakso",
            "Tila",
            "Alkaa",
            "Päättyy",
        ],
        cells=_netvisor,
        annual=("Laskutusjakso", "Vuosi"),
        stopped=("Tila", {"Päättynyt"}),
        read={"client": "Asiakas", "qty": "Määrä", "unit": "A-hinta", "product": "Tuotenimi"},
    ),
    Fmt(
        "zoho_billing_subscriptions_two_names_csv",
        "psa",
        "csv",
        "Subscriptions.csv",
        header=[
            "Subscription ID",
            "Customer Name",
            "Company Name",
            "Plan Name",
            "Plan Code",
            "Quantity",
            "Price",
            "Amount",
            "Interval",
            "Status",
            "Next Billing Date",
            "Currency Code",
        ],
        cells=_zoho,
        annual=("Interval", "1 years"),
        stopped=("Status", {"cancelled"}),
        read={"client": "Company Name", "qty": "Quantity", "unit": "Price", "product": "Plan Name"},
    ),
    Fmt(
        "xero_repeating_templates_nz_xlsx",
        "psa",
        "xlsx",
        "RepeatingInvoices.xlsx",
        sheet="Repeating Invoices",
        header=[
            "ContactName",
            "Reference",
            "Schedule",
            "Status",
            "Description",
            "Quantity",
            "UnitAmount",
            "AccountCode",
            "TaxType",
            "LineAmount",
        ],
        cells=_xero,
        annual=("Schedule", "Every 12 month(s)"),
        stopped=("Status", {"Draft"}),
        read={
            "client": "ContactName",
            "qty": "Quantity",
            "unit": "UnitAmount",
            "product": "Description",
        },
    ),
]

VENDORS = {f.name: f for f in VENDOR_LIST}
PSAS = {f.name: f for f in PSA_LIST}
