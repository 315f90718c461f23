"""The 10 vendor and 8 PSA layouts of set W. Each writer sets .row on every line."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal as D

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.table import Table, TableStyleInfo

from .catalog import BY_KEY

START = dt.date(2026, 11, 1)
END = dt.date(2026, 11, 30)
INV_DATE = dt.date(2026, 11, 30)


def serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def us(d, places=2):
    return f"{D(d):,.{places}f}"


def eu(d, places=2, th="."):
    s = f"{D(d):,.{places}f}"
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", th)


def places_of(x: D) -> int:
    e = -x.normalize().as_tuple().exponent
    return max(2, e) if e > 0 else 2


def write_csv(path, rows, delimiter=",", encoding="utf-8", terminator="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=terminator)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(buf.getvalue())


def xl(v):
    if isinstance(v, D):
        return float(v)
    return v


def vname(case, v):
    return {c["id"]: c for c in case.clients}[v.cid]["canonical"]


def _client_map(case):
    return {c["id"]: c for c in case.clients}


def vorder(case, rng, sort=True):
    cm = _client_map(case)
    ls = [v for v in case.vlines]
    if sort:
        ls.sort(key=lambda v: cm[v.cid]["canonical"].lower())
    return ls


def vdesc(v):
    return BY_KEY[v.product].name if v.product else v.text


def vpart(v):
    return BY_KEY[v.product].sid if v.product else "SVC-FEE"


def vterm_dates(v):
    if v.term == "A":
        return START, dt.date(2027, 10, 31)
    return START, END


# =============================================================================== vendors
def v_exertis(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Invoice Detail"
    ws["A1"] = "Exertis UK Ltd – Cloud Services Invoice Detail"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"Invoice INV-EX-{rng.randint(100000, 999999)} · Billing period November 2026 · GBP"
    hdr = [
        "Invoice Date",
        "End User",
        "End User Ref",
        "Manufacturer",
        "Part No",
        "Description",
        "Billing Cycle",
        "Qty",
        "Unit Price",
        "Line Total",
        "Subscription ID",
    ]
    ws.append([])
    ws.append(hdr)
    r = 4
    for v in vorder(case, rng):
        r += 1
        p = BY_KEY.get(v.product)
        desc = vdesc(v) if v.role != "credit" else f"Credit note: {vdesc(v)} seat reduction"
        ws.append(
            [
                INV_DATE,
                vname(case, v),
                f"EU{v.cid + 3000:05d}",
                ("Microsoft" if p and p.ms else (p.name.split()[0] if p else "Exertis")),
                vpart(v),
                desc,
                "Annual" if v.term == "A" else "Monthly",
                xl(v.qty),
                xl(v.unit),
                xl(v.amount),
                v.sub,
            ]
        )
        ws.cell(r, 1).number_format = "dd/mm/yyyy"
        v.row = r
    ref = f"A4:K{r}"
    t = Table(displayName="InvoiceLines", ref=ref)
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(t)
    ws.cell(r + 1, 9, "Total")
    ws.cell(r + 1, 10, f"=SUBTOTAL(109,J5:J{r})")
    name = "exertis_invoice_detail.xlsx"
    wb.save(folder / name)
    return name, ws.title


def v_prianto(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Abrechnung"
    ws.append(["Prianto GmbH – Abrechnung Cloud-Abonnements"])
    ws.append(["Abrechnungszeitraum 01.11.2026 – 30.11.2026", None, None, "Währung: EUR"])
    ws.append(
        [
            "Kunde",
            "Kundennr.",
            "Hersteller",
            "Artikelnr.",
            "Artikelbezeichnung",
            "Laufzeit",
            "Beginn",
            "Ende",
            "Menge",
            "Einzelpreis",
            "Gesamtpreis",
        ]
    )
    r = 3
    for v in vorder(case, rng):
        r += 1
        p = BY_KEY.get(v.product)
        s, e = vterm_dates(v)
        desc = vdesc(v) if v.role != "credit" else f"Storno – {vdesc(v)} (Reduzierung)"
        ws.append(
            [
                vname(case, v),
                40000 + v.cid,
                "Microsoft" if p and p.ms else (p.name.split()[0] if p else "Prianto"),
                vpart(v),
                desc,
                "12 Monate" if v.term == "A" else "1 Monat",
                serial(s),
                serial(e),
                xl(v.qty),
                xl(v.unit),
                f"=I{r}*J{r}",
            ]
        )
        v.row = r
    name = "prianto_abrechnung.xlsx"
    wb.save(folder / name)
    return name, ws.title


def v_axiz(case, folder, rng):
    rows = [
        [
            "Billing Document",
            "Item",
            "Billing Date",
            "Sold-To Party",
            "Ship-To Name",
            "Material",
            "Material Description",
            "Billed Quantity",
            "UoM",
            "Net Price",
            "Net Value",
            "Tax Amount",
            "Currency",
        ]
    ]
    doc = 90000000 + rng.randint(0, 99999)

    def tm(x):
        return us(abs(x), places_of(D(x))) + ("-" if x < 0 else "")

    item = 0
    for v in vorder(case, rng):
        item += 10
        p = BY_KEY.get(v.product)
        desc = vdesc(v)
        if v.term == "A":
            desc += " 12M"
        rows.append(
            [
                doc,
                f"{item:06d}",
                "30.11.2026",
                "100482",
                vname(case, v),
                vpart(v),
                desc,
                tm(v.qty),
                "GB" if p and p.unit == "GB" else "EA",
                us(v.unit, places_of(v.unit)),
                tm(v.amount),
                tm((v.amount * D("0.15")).quantize(D("0.01"))),
                "ZAR",
            ]
        )
        v.row = len(rows)
    name = "axiz_billing_export.csv"
    write_csv(folder / name, rows)
    return name, None


def v_nexsys(case, folder, rng):
    rows = [
        ["sep=;"],
        [
            "Cliente final",
            "NIT",
            "Fabricante",
            "Número de parte",
            "Descripción",
            "Período",
            "Cantidad",
            "Precio unitario",
            "Total",
            "Moneda",
        ],
    ]
    for v in vorder(case, rng):
        p = BY_KEY.get(v.product)
        desc = vdesc(v) if v.role != "credit" else f"Nota crédito – {vdesc(v)}"
        rows.append(
            [
                vname(case, v),
                f"900.{v.cid + 100:03d}.{(v.cid * 37) % 1000:03d}-{v.cid % 10}",
                "Microsoft" if p and p.ms else (p.name.split()[0] if p else "Nexsys"),
                vpart(v),
                desc,
                "Anual" if v.term == "A" else "Mensual",
                eu(v.qty, 0),
                eu(v.unit, places_of(v.unit)),
                eu(v.amount),
                "USD",
            ]
        )
        v.row = len(rows)
    name = "nexsys_facturacion_nube.csv"
    write_csv(folder / name, rows, delimiter=";", encoding="utf-8-sig")
    return name, None


def v_vstecs(case, folder, rng):
    recs = []
    cm = _client_map(case)
    width = 118
    page = [0]

    def header():
        page[0] += 1
        recs.append(["VSTECS PTE. LTD.".ljust(60) + f"PAGE {page[0]:>4}"])
        recs.append(
            [
                "CLOUD SUBSCRIPTION BILLING STATEMENT    PERIOD: 01-NOV-2026 TO 30-NOV-2026    CURRENCY: SGD"
            ]
        )
        recs.append(
            [
                f"{'PART NUMBER':<28}{'DESCRIPTION':<58}{'TERM':<6}{'QTY':>8}{'UNIT PRICE':>12}{'AMOUNT':>14}"
            ]
        )
        recs.append(["-" * width])

    header()
    cur = None
    lines_on_page = 0
    sub = D(0)
    for v in vorder(case, rng):
        if lines_on_page > 48:
            recs.append([""])
            header()
            lines_on_page = 0
            if cur is not None:
                recs.append([f"CUSTOMER: {cm[cur]['canonical']} (CONT'D)"])
        if v.cid != cur:
            if cur is not None:
                recs.append([f"{'':<92}{'CUSTOMER TOTAL':>14}{us(sub):>12}"])
            cur, sub = v.cid, D(0)
            recs.append([f"CUSTOMER: {cm[cur]['canonical']}"])
            lines_on_page += 1
        desc = vdesc(v) if v.role != "credit" else f"CR {vdesc(v)}"
        recs.append(
            [
                f"{vpart(v)[:27]:<28}{desc[:57]:<58}{('12M' if v.term == 'A' else '1M'):<6}"
                f"{us(v.qty, 0):>8}{us(v.unit, places_of(v.unit)):>12}{us(v.amount):>14}"
            ]
        )
        v.row = len(recs)
        sub += v.amount
        lines_on_page += 1
    recs.append([f"{'':<92}{'CUSTOMER TOTAL':>14}{us(sub):>12}"])
    name = "vstecs_statement_print.csv"
    write_csv(folder / name, recs)
    return name, None


def v_gdap(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Subscriptions"
    ws.append(
        [
            "Customer name",
            "Tenant ID",
            "Default domain",
            "GDAP relationship",
            "Publisher",
            "Offer name",
            "SKU ID",
            "Subscription ID",
            "Status",
            "Purchased",
            "Assigned",
            "Available",
            "Unit price (AUD)",
            "Billing frequency",
            "Term",
            "Charge this period",
        ]
    )
    r = 1
    for v in vorder(case, rng):
        r += 1
        p = BY_KEY.get(v.product)
        nm = vname(case, v)
        tid = f"{(v.cid * 2654435761) % 16**8:08x}-{v.cid:04x}-4{v.cid % 1000:03d}-a{v.cid % 997:03d}-{(v.cid * 97) % 16**12:012x}"
        dom = "".join(ch for ch in nm.lower() if ch.isalnum())[:14] + ".onmicrosoft.com"
        if v.role == "service":
            row = [
                nm,
                tid,
                dom,
                "MSP-Default-GDAP",
                "Partner",
                vdesc(v),
                "",
                v.sub,
                "Fee",
                xl(v.qty),
                None,
                None,
                xl(v.unit),
                "Monthly",
                "",
                xl(v.amount),
            ]
        else:
            asg = (
                None
                if v.role == "credit" or p.unit == "GB"
                else int(v.qty) - rng.randint(0, min(2, int(v.qty) - 1 if v.qty > 1 else 0))
            )
            row = [
                nm,
                tid,
                dom,
                "MSP-Default-GDAP",
                "Microsoft Corporation" if p.ms else f"{p.name.split()[0]} (Marketplace)",
                p.name,
                p.sid,
                v.sub,
                "Seat reduction credit" if v.role == "credit" else "Active",
                xl(v.qty),
                asg,
                None if asg is None else int(v.qty) - asg,
                xl(v.unit),
                "Annual" if v.term == "A" else "Monthly",
                "P1Y" if v.term == "A" or rng.random() < 0.5 else "P1M",
                xl(v.amount),
            ]
        ws.append(row)
        v.row = r
    name = "partner_center_gdap_subscriptions.xlsx"
    wb.save(folder / name)
    return name, ws.title


def v_softchoice(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Invoice Lines"
    ws.append(["Softchoice Corporation – Cloud Invoice Detail (CAD)"])
    groups = [("Customer", 1, 2), ("Product", 3, 5), ("Term", 6, 8), ("Pricing", 9, 11)]
    for g, a, b in groups:
        ws.cell(2, a, g).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=2, start_column=a, end_row=2, end_column=b)
    hdr = [
        "Customer #",
        "Customer Name",
        "Manufacturer",
        "Mfr Part #",
        "Product Description",
        "Billing Frequency",
        "Start",
        "End",
        "Qty",
        "Unit Price",
        "Extended Price",
    ]
    for j, h in enumerate(hdr, 1):
        ws.cell(3, j, h)
    r = 3
    for v in vorder(case, rng):
        r += 1
        p = BY_KEY.get(v.product)
        s, e = vterm_dates(v)
        desc = vdesc(v) if v.role != "credit" else f"{vdesc(v)} - CREDIT"
        for j, val in enumerate(
            [
                f"SC{v.cid + 55000}",
                vname(case, v),
                "Microsoft" if p and p.ms else (p.name.split()[0] if p else "Softchoice"),
                vpart(v),
                desc,
                "Annual" if v.term == "A" else "Monthly",
                s,
                e,
                xl(v.qty),
                xl(v.unit),
                xl(v.amount),
            ],
            1,
        ):
            ws.cell(r, j, val)
        ws.cell(r, 7).number_format = ws.cell(r, 8).number_format = "yyyy-mm-dd"
        v.row = r
    name = "softchoice_invoice_detail.xlsx"
    wb.save(folder / name)
    return name, ws.title


def v_cdw(case, folder, rng):
    inv = f"CDWUK{rng.randint(1000000, 9999999)}"
    rows = [
        ["H", "CDW UK", inv, "20261130", "GBP", "CLOUD"],
        [
            "D",
            "ACCOUNT",
            "END_USER",
            "MFR_PART",
            "DESCRIPTION",
            "CYCLE",
            "QTY",
            "UNIT_PRICE",
            "LINE_TOTAL",
        ],
    ]
    tot = D(0)
    n = 0
    for v in vorder(case, rng, sort=False):
        desc = vdesc(v).upper() if v.role != "credit" else f"CREDIT {vdesc(v).upper()}"
        rows.append(
            [
                "D",
                f"{v.cid + 880000}",
                vname(case, v),
                vpart(v),
                desc,
                "ANNUAL" if v.term == "A" else "MONTHLY",
                f"{v.qty}",
                f"{v.unit}",
                f"{v.amount}",
            ]
        )
        v.row = len(rows)
        tot += v.amount
        n += 1
    rows.append(["T", str(n), f"{tot}"])
    name = "cdw_uk_cloud_flatfile.csv"
    write_csv(folder / name, rows, delimiter="|")
    return name, None


def v_metrodata(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Rincian Tagihan"
    ws.append(
        ["PT Synnex Metrodata Indonesia – Rincian Tagihan Langganan Cloud, Periode November 2026"]
    )
    ws.append(
        [
            "Nama Pelanggan",
            "Kode Produk",
            "Deskripsi Produk",
            "Periode",
            "Jumlah",
            "Harga Satuan (Rp)",
            "Subtotal (Rp)",
            "PPN 11% (Rp)",
            "Total (Rp)",
        ]
    )
    ws.sheet_properties.outlinePr.summaryBelow = False
    cm = _client_map(case)
    by = {}
    for v in vorder(case, rng):
        by.setdefault(v.cid, []).append(v)
    r = 2
    for cid, ls in by.items():
        r += 1
        hr = r
        ws.cell(hr, 1, cm[cid]["canonical"]).font = Font(bold=True)
        for v in ls:
            r += 1
            desc = vdesc(v) if v.role != "credit" else f"Kredit – {vdesc(v)}"
            vals = [
                None,
                vpart(v),
                desc,
                "Tahunan" if v.term == "A" else "Bulanan",
                xl(v.qty),
                xl(v.unit),
                xl(v.amount),
                xl((v.amount * D("0.11")).quantize(D("1"))),
                f"=G{r}+H{r}",
            ]
            for j, val in enumerate(vals, 1):
                if val is not None:
                    ws.cell(r, j, val)
            ws.row_dimensions[r].outlineLevel = 1
            v.row = r
        ws.cell(hr, 7, f"=SUBTOTAL(9,G{hr + 1}:G{r})")
        ws.cell(hr, 9, f"=SUBTOTAL(9,I{hr + 1}:I{r})")
    name = "metrodata_rincian_tagihan.xlsx"
    wb.save(folder / name)
    return name, ws.title


def v_scansource(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Export"
    ws.append(
        [
            "Customer",
            "Vendor",
            "SKU",
            "Product",
            "Term",
            "Quantity",
            "Unit Price",
            "Extended",
            "Invoice Date",
        ]
    )

    def money(x):
        x = D(x)
        return ("-" if x < 0 else "") + "$" + us(abs(x), places_of(x))

    r = 1
    for v in vorder(case, rng):
        r += 1
        p = BY_KEY.get(v.product)
        desc = vdesc(v) if v.role != "credit" else f"{vdesc(v)} (credit)"
        ws.append(
            [
                vname(case, v),
                "Microsoft" if p and p.ms else (p.name.split()[0] if p else "ScanSource"),
                vpart(v),
                desc,
                "12 Months" if v.term == "A" else "1 Month",
                f"{v.qty:.2f}",
                money(v.unit),
                money(v.amount),
                "2026-11-30T00:00:00Z",
            ]
        )
        for c in ws[r]:
            c.number_format = "@"
        v.row = r
    name = "scansource_cloud_export.xlsx"
    wb.save(folder / name)
    return name, ws.title


VENDORS = {
    "exertis_uk_table_xlsx": (v_exertis, "GBP"),
    "prianto_de_formula_xlsx": (v_prianto, "EUR"),
    "axiz_za_sap_trailing_minus_csv": (v_axiz, "ZAR"),
    "nexsys_co_sep_hint_csv": (v_nexsys, "USD"),
    "vstecs_sg_printout_csv": (v_vstecs, "SGD"),
    "partner_center_gdap_subscriptions_xlsx": (v_gdap, "AUD"),
    "softchoice_ca_group_header_xlsx": (v_softchoice, "CAD"),
    "cdw_uk_pipe_flatfile_csv": (v_cdw, "GBP"),
    "metrodata_id_outline_xlsx": (v_metrodata, "IDR"),
    "scansource_us_text_cells_xlsx": (v_scansource, "USD"),
}


# =============================================================================== PSAs
def porder(case, rng):
    return list(case.plines)


def p_connectbooster(case, folder, rng):
    rows = [
        [
            "Company Name",
            "Invoice Number",
            "Invoice Date",
            "Item ID",
            "Description",
            "Quantity",
            "Unit Price",
            "Extended",
            "Frequency",
            "Status",
        ]
    ]
    inv = {}
    for p in porder(case, rng):
        n = inv.setdefault(p.cid, 24000 + len(inv))
        rows.append(
            [
                p.client_text,
                f"INV-{n}",
                "11/01/2026",
                _item_code(p),
                p.text,
                f"{p.qty}",
                f"{p.unit}",
                f"{p.amount}",
                "Annual" if p.term == "A" else "Monthly",
                rng.choice(["Paid", "Open", "Paid"]),
            ]
        )
        p.row = len(rows)
    name = "connectbooster_invoice_lines.csv"
    write_csv(folder / name, rows)
    return name, None


def _item_code(p):
    keys = list(BY_KEY)
    if p.product:
        return f"LIC-{keys.index(p.product) * 7 + 101:04d}"
    return f"SVC-{sum(map(ord, p.text)) % 900 + 100}"


def p_chargeover(case, folder, rng):
    rows = [
        [
            "customer_id",
            "customer_name",
            "package_id",
            "item_name",
            "line_quantity",
            "line_rate",
            "line_total",
            "paycycle",
            "package_status",
        ]
    ]
    for p in porder(case, rng):
        rows.append(
            [
                str(1000 + p.cid),
                p.client_text,
                str(5000 + p.cid),
                p.text,
                f"{p.qty}",
                f"{p.unit}",
                f"{p.amount}",
                "yrl" if p.term == "A" else "mon",
                "active-current",
            ]
        )
        p.row = len(rows)
    name = "chargeover_line_items.csv"
    write_csv(folder / name, rows, terminator="\n")
    return name, None


def p_revio(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Recurring Charges"
    ws.append(["Recurring Charges Report"])
    ws.append(["Generated 12/01/2026 08:14 by billing@msp"])
    ws.append(
        [
            "Account #",
            "Account Name",
            "Service Number",
            "Product Code",
            "Charge Description",
            "Quantity",
            "Rate",
            "Amount",
            "Frequency",
            "Effective Date",
        ]
    )
    r = 3
    for p in porder(case, rng):
        r += 1
        ws.append(
            [
                f"A{70000 + p.cid}",
                p.client_text,
                f"SVC{p.cid:04d}-{r:05d}",
                _item_code(p),
                p.text,
                xl(p.qty),
                xl(p.unit),
                xl(p.amount),
                "Annually" if p.term == "A" else "Monthly",
                dt.date(2026, 11, 1),
            ]
        )
        p.row = r
    name = "revio_recurring_charges.xlsx"
    wb.save(folder / name)
    return name, ws.title


def p_uniconta(case, folder, rng):
    rows = [
        [
            "Debitor",
            "Navn",
            "Varenr.",
            "Tekst",
            "Antal",
            "Enhed",
            "Salgspris",
            "Rabat %",
            "Beløb",
            "Interval",
        ]
    ]
    for p in porder(case, rng):
        unit = "GB" if p.product and BY_KEY[p.product].unit == "GB" else "stk"
        rows.append(
            [
                str(20000 + p.cid),
                p.client_text,
                _item_code(p),
                p.text,
                eu(p.qty, 0),
                unit,
                eu(p.unit, places_of(p.unit)),
                eu(p.disc, 1) if p.disc else "",
                eu(p.amount),
                "År" if p.term == "A" else "Måned",
            ]
        )
        p.row = len(rows)
    name = "uniconta_abonnementer.csv"
    write_csv(folder / name, rows, delimiter=";", encoding="utf-8-sig")
    return name, None


def p_fattureincloud(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Documenti"
    ws.append(
        [
            "Data",
            "Numero",
            "Cliente",
            "Partita IVA",
            "Cod. prodotto",
            "Descrizione",
            "Quantità",
            "Prezzo unitario",
            "Sconto %",
            "Importo netto",
            "Aliquota IVA",
            "Periodicità",
        ]
    )
    r = 1
    num = {}
    for p in porder(case, rng):
        r += 1
        n = num.setdefault(p.cid, len(num) + 1)
        ws.append(
            [
                dt.date(2026, 11, 2),
                f"{n}/2026",
                p.client_text,
                f"IT{(p.cid * 7919) % 10**11:011d}",
                _item_code(p),
                p.text,
                xl(p.qty),
                xl(p.unit),
                xl(p.disc) if p.disc else None,
                xl(p.amount),
                "22%",
                "Annuale" if p.term == "A" else "Mensile",
            ]
        )
        ws.cell(r, 1).number_format = "dd/mm/yyyy"
        p.row = r
    name = "fattureincloud_documenti.xlsx"
    wb.save(folder / name)
    return name, ws.title


def p_siigo(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Movimiento"
    ws.append(["SIIGO NUBE"])
    ws.append(["Informe: Movimiento de facturas de venta"])
    ws.append(["Empresa: Soluciones TI Andinas S.A.S.  NIT 900.482.117-3"])
    ws.append(["Periodo: noviembre de 2026"])
    ws.append([])
    ws.append(
        [
            "Identificación",
            "Nombre tercero",
            "Comprobante",
            "Fecha",
            "Código producto",
            "Nombre producto",
            "Cantidad",
            "Valor unitario",
            "% Descuento",
            "Valor total",
            "Frecuencia",
        ]
    )
    r = 6
    for p in porder(case, rng):
        r += 1
        ws.append(
            [
                f"{800000000 + p.cid * 1337}",
                p.client_text,
                f"FV-1-{3000 + p.cid}",
                dt.date(2026, 11, 3),
                _item_code(p),
                p.text,
                xl(p.qty),
                xl(p.unit),
                xl(p.disc) if p.disc else 0,
                xl(p.amount),
                "Anual" if p.term == "A" else "Mensual",
            ]
        )
        ws.cell(r, 4).number_format = "yyyy-mm-dd"
        p.row = r
    name = "siigo_movimiento_facturas.xlsx"
    wb.save(folder / name)
    return name, ws.title


def p_accelo(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Retainer Periods"
    ws.append(
        [
            "Company",
            "Retainer",
            "Period Start",
            "Period End",
            "Item",
            "Quantity",
            "Unit Price",
            "Total",
        ]
    )
    r = 1
    for p in porder(case, rng):
        r += 1
        e = dt.date(2027, 10, 31) if p.term == "A" else END
        ws.append(
            [
                p.client_text,
                "Managed Cloud Retainer" if p.role == "licence" else "Managed Services",
                START,
                e,
                p.text,
                xl(p.qty),
                xl(p.unit),
                xl(p.amount),
            ]
        )
        ws.cell(r, 3).number_format = ws.cell(r, 4).number_format = "d mmm yyyy"
        p.row = r
    name = "accelo_retainer_periods.xlsx"
    wb.save(folder / name)
    return name, ws.title


def p_poweroffice(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Abonnementer"
    ws.append(
        [
            "Kunde",
            "Produktnr",
            "Beskrivelse",
            "Antall",
            "Enhetspris",
            "Rabatt %",
            "Beløp",
            "Frekvens",
        ]
    )
    r = 1
    by = {}
    for p in porder(case, rng):
        by.setdefault((p.cid, p.client_text), []).append(p)
    for (cid, ct), ls in by.items():
        r += 1
        ws.cell(r, 1, f"{10000 + cid} - {ct}").font = Font(bold=True)
        first = r + 1
        for p in ls:
            r += 1
            for j, val in enumerate(
                [
                    None,
                    _item_code(p),
                    p.text,
                    xl(p.qty),
                    xl(p.unit),
                    xl(p.disc) if p.disc else None,
                    xl(p.amount),
                    "Årlig" if p.term == "A" else "Månedlig",
                ],
                1,
            ):
                if val is not None:
                    ws.cell(r, j, val)
            p.row = r
        r += 1
        ws.cell(r, 3, f"Sum {10000 + cid}")
        ws.cell(r, 7, f"=SUM(G{first}:G{r - 1})")
    name = "poweroffice_abonnementer.xlsx"
    wb.save(folder / name)
    return name, ws.title


PSAS = {
    "connectbooster_invoice_lines_csv": (p_connectbooster, {"discount": False}),
    "chargeover_line_items_csv": (p_chargeover, {"discount": False}),
    "revio_recurring_charges_xlsx": (p_revio, {"discount": False}),
    "uniconta_dk_semicolon_csv": (p_uniconta, {"discount": True}),
    "fattureincloud_it_xlsx": (p_fattureincloud, {"discount": True}),
    "siigo_co_titled_xlsx": (p_siigo, {"discount": True}),
    "accelo_retainer_periods_xlsx": (p_accelo, {"discount": False}),
    "poweroffice_no_grouped_xlsx": (p_poweroffice, {"discount": True}),
}
