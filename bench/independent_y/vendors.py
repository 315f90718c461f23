"""The ten vendor-side formats of set Y. Each writer sets VLine.row and returns (file, sheet)."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.table import Table, TableStyleInfo

from .catalog import BY_KEY
from .io import SYMBOL, comma, d2, mon_yy, put, qty_text, us, write_csv


def _lines(case):
    byid = {c["id"]: c for c in case.clients}
    vs = sorted(case.vlines, key=lambda v: (byid[v.cid]["canonical"].lower(), v.cid))
    return [(byid[v.cid], v) for v in vs]


def _cname(c, v):
    if v.alias_name:
        return f"{c['canonical']} ({c['alias']})"
    return c["canonical"]


def _pname(v):
    return BY_KEY[v.product].name if v.product else v.text


def _date(iso):
    return dt.date(int(iso[:4]), int(iso[5:7]), int(iso[8:10]))


# 1 ------------------------------------------------------------------ ArrowSphere, table at C
def arrowsphere_consumption_table_c_xlsx(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Consumption"
    put(ws, 1, 3, "ArrowSphere – Consumption report", bold=True)
    put(ws, 2, 3, "Reseller: Northwind IT Services | Billing period: November 2026 | EUR")
    hdr = [
        "Customer Ref",
        "Customer Name",
        "Vendor",
        "Offer Name",
        "SKU",
        "Subscription ID",
        "Billing Cycle",
        "Period Start",
        "Period End",
        "Quantity",
        "Unit Buy Price",
        "Total Buy Price",
        "Currency",
    ]
    r0 = 4
    for j, h in enumerate(hdr):
        put(ws, r0, 3 + j, h, bold=True)
    r = r0
    for c, v in _lines(case):
        r += 1
        v.row = r
        p = BY_KEY.get(v.product)
        vals = [
            f"XSP{c['code']}",
            _cname(c, v),
            p.publisher if p else "ArrowSphere",
            _pname(v),
            (p.part if p else "ARW-FEE"),
            v.sub or "",
            "Yearly" if v.term == "A" else "Monthly",
            _date(v.start),
            _date(v.end),
            v.qty,
            d2(v.unit),
            d2(v.amount),
            case.currency,
        ]
        for j, x in enumerate(vals):
            fmt = (
                "yyyy-mm-dd" if isinstance(x, dt.date) else ("#,##0.00" if j in (10, 11) else None)
            )
            put(ws, r, 3 + j, x, fmt=fmt)
    t = Table(displayName="Consumption", ref=f"C{r0}:O{r}")
    t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(t)
    ws.column_dimensions["A"].width = 3
    ws.column_dimensions["B"].width = 3
    name = "arrowsphere_consumption_2026-11.xlsx"
    wb.save(folder / name)
    return name, "Consumption"


# 2 ------------------------------------------------------------------ Atea NO, cover + 2-row header
def atea_no_cover_twoline_header_xlsx(case, folder, rng):
    wb = Workbook()
    cov = wb.active
    cov.title = "Sammendrag"
    put(cov, 1, 1, "Atea AS – Fakturagrunnlag skytjenester", bold=True)
    put(cov, 3, 1, "Periode")
    put(cov, 3, 2, "November 2026")
    put(cov, 4, 1, "Antall linjer")
    put(cov, 4, 2, len(case.vlines))
    put(cov, 5, 1, "Sum eks. mva (NOK)")
    put(cov, 5, 2, d2(sum(v.amount for v in case.vlines)), fmt="#,##0.00")
    put(cov, 7, 1, "Se arket «Linjer» for detaljer.")
    ws = wb.create_sheet("Linjer")
    put(ws, 1, 1, "Atea AS – Fakturagrunnlag skytjenester november 2026", bold=True)
    groups = [("Kunde", 1, 2), ("Abonnement", 3, 6), ("Periode", 7, 8), ("Beløp (NOK)", 9, 10)]
    for label, a, b in groups:
        put(ws, 3, a, label, bold=True)
        ws.merge_cells(start_row=3, start_column=a, end_row=3, end_column=b)
        ws.cell(3, a).alignment = Alignment(horizontal="center")
    hdr = [
        "Kundenr",
        "Navn",
        "Produkt",
        "Abonnements-ID",
        "Antall",
        "Fakturering",
        "Fra",
        "Til",
        "Enhetspris",
        "Sum eks. mva",
    ]
    for j, h in enumerate(hdr):
        put(ws, 4, 1 + j, h, bold=True)
    r = 4
    for c, v in _lines(case):
        r += 1
        v.row = r
        term = {"M": "Månedlig", "A": "Årlig"}[v.term]
        if v.role == "credit":
            term = f"Kreditering ({term.lower()})"
        vals = [
            c["code"],
            _cname(c, v),
            _pname(v),
            v.sub,
            v.qty,
            term,
            _date(v.start),
            _date(v.end),
            d2(v.unit),
            d2(v.amount),
        ]
        for j, x in enumerate(vals):
            fmt = "dd.mm.yyyy" if isinstance(x, dt.date) else ("# ##0.00" if j >= 8 else None)
            put(ws, r, 1 + j, x, fmt=fmt)
    name = "atea_fakturagrunnlag_2026-11.xlsx"
    wb.save(folder / name)
    return name, "Linjer"


# 3 ------------------------------------------------------------------ Ingram Brasil
def _brl(d):
    s = comma(abs(d))
    return f"-R$ {s}" if d < 0 else f"R$ {s}"


def ingram_br_competencia_csv(case, folder, rng):
    rows = [
        [
            "Competência",
            "Emissão",
            "Nº NF",
            "CNPJ Cliente",
            "Razão Social Cliente",
            "Fabricante",
            "Produto",
            "SKU",
            "Ciclo",
            "Qtd",
            "Valor Unitário",
            "Valor Total",
            "Tipo",
        ]
    ]
    for c, v in _lines(case):
        p = BY_KEY.get(v.product)
        cnpj = f"{int(c['code']) * 7919 % 100000000:08d}"
        cnpj = f"{cnpj[:2]}.{cnpj[2:5]}.{cnpj[5:8]}/0001-{int(c['code']) % 97:02d}"
        tipo = {"licence": "Assinatura", "credit": "Estorno", "service": "Taxa"}[v.role]
        rows.append(
            [
                "11/2026",
                "nov/26",
                f"{40000 + v.cid * 3}",
                cnpj,
                _cname(c, v),
                p.publisher if p else "Ingram Micro",
                _pname(v),
                p.part if p else "IM-SRV",
                "Anual" if v.term == "A" else "Mensal",
                str(v.qty),
                _brl(v.unit),
                _brl(v.amount),
                tipo,
            ]
        )
        v.row = len(rows)
    name = "ingram_brasil_faturamento_112026.csv"
    write_csv(folder / name, rows, delimiter=";", encoding="utf-8-sig")
    return name, None


# 4 ------------------------------------------------------------------ Esprinet ES, cents
def esprinet_es_cents_xlsx(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Detalle"
    put(ws, 1, 1, "Esprinet Ibérica – Detalle de suscripciones cloud – noviembre 2026", bold=True)
    put(ws, 2, 1, "Importes en céntimos de euro (sin IVA)")
    hdr = [
        "Cód. cliente",
        "Cliente final",
        "Fabricante",
        "Descripción",
        "Ref.",
        "Periodicidad",
        "Cantidad",
        "Precio unitario",
        "Importe",
        "Fecha inicio",
    ]
    for j, h in enumerate(hdr):
        put(ws, 4, 1 + j, h, bold=True)
    r = 4
    for c, v in _lines(case):
        r += 1
        v.row = r
        p = BY_KEY.get(v.product)
        desc = _pname(v) if v.role != "credit" else f"Abono – {_pname(v)}"
        vals = [
            f"{int(c['code']):06d}",
            _cname(c, v),
            p.publisher if p else "Esprinet",
            desc,
            p.part if p else "ESP-SRV",
            "Anual" if v.term == "A" else "Mensual",
            v.qty,
            int(d2(v.unit) * 100),
            int(d2(v.amount) * 100),
            _date(v.start),
        ]
        for j, x in enumerate(vals):
            put(ws, r, 1 + j, x, fmt="dd/mm/yyyy" if j == 9 else None, quote=(j == 0))
    name = "esprinet_detalle_cloud_202611.xlsx"
    wb.save(folder / name)
    return name, "Detalle"


# 5 ------------------------------------------------------------------ Vuzion, "25 x £12.50"
def vuzion_uk_qty_x_unit_csv(case, folder, rng):
    rows = [
        [
            "Account Number",
            "Customer",
            "Product",
            "Billing Frequency",
            "Period",
            "Qty x Unit Price",
            "Line Total",
            "Subscription Ref",
        ]
    ]
    sym = SYMBOL[case.currency]
    for c, v in _lines(case):
        amt = d2(v.amount)
        tot = f"-{sym}{us(-amt)}" if amt < 0 else f"{sym}{us(amt)}"
        per = mon_yy("2026-11-01") if v.term == "M" else f"{mon_yy(v.start)} to {mon_yy(v.end)}"
        rows.append(
            [
                f"VZ-{c['code']}",
                _cname(c, v),
                _pname(v),
                "Annual" if v.term == "A" else "Monthly",
                per,
                f"{v.qty} x {sym}{us(v.unit)}",
                tot,
                v.sub,
            ]
        )
        v.row = len(rows)
    name = "vuzion_billing_Nov-26.csv"
    write_csv(folder / name, rows)
    return name, None


# 6 ------------------------------------------------------------------ Infinigate DE, Alt+Enter
def infinigate_de_altenter_xlsx(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Positionen"
    hdr = [
        "Kundennummer",
        "Kunde",
        "Artikelnummer",
        "Artikelbezeichnung",
        "Laufzeit",
        "Abrechnung",
        "Menge",
        "EK-Preis",
        "Gesamt netto",
        "Leistungszeitraum",
    ]
    for j, h in enumerate(hdr):
        put(ws, 1, 1 + j, h, bold=True)
    r = 1
    for c, v in _lines(case):
        r += 1
        v.row = r
        p = BY_KEY.get(v.product)
        desc = _pname(v)
        if v.role == "credit":
            desc += "\nGutschrift – Reduzierung um 1 Lizenz"
        elif v.users and rng.random() < 0.7:
            desc += "\nBenutzer: " + ", ".join(v.users[:2])
        s, e = _date(v.start), _date(v.end)
        vals = [
            c["code"],
            _cname(c, v),
            p.part if p else "IG-SERVICE",
            desc,
            "12 Monate" if v.term == "A" else "1 Monat",
            "jährlich" if v.term == "A" else "monatlich",
            v.qty,
            d2(v.unit),
            d2(v.amount),
            f"{s:%d.%m.%Y}–{e:%d.%m.%Y}",
        ]
        for j, x in enumerate(vals):
            put(ws, r, 1 + j, x, fmt="#,##0.00" if j in (7, 8) else None, wrap=(j == 3))
    ws.column_dimensions["D"].width = 48
    name = "infinigate_abrechnung_2026-11.xlsx"
    wb.save(folder / name)
    return name, "Positionen"


# 7 ------------------------------------------------------------------ TD SYNNEX Ion, offer + plan
def tdsynnex_ion_offer_plan_csv(case, folder, rng):
    rows = [
        [
            "Customer Name",
            "Customer Tenant Domain",
            "Publisher",
            "Offer Name",
            "Plan Name",
            "Meter Name",
            "Unit Of Measure",
            "Billing Term",
            "Charge Type",
            "Quantity",
            "Unit Cost",
            "Extended Cost",
            "Charge Start",
            "Charge End",
            "Subscription Id",
        ]
    ]
    for c, v in _lines(case):
        p = BY_KEY.get(v.product)
        offer, plan = (p.offer, p.plan) if p else ("StreamOne Ion", v.text)
        per = "Year" if v.term == "A" else "Month"
        ct = {"licence": "Recurring", "credit": "Credit", "service": "Fee"}[v.role]
        rows.append(
            [
                _cname(c, v),
                c["domain"],
                p.publisher if p else "TD SYNNEX",
                offer,
                plan,
                "License" if p else "Service",
                f"1 License/{per}" if p else "1 Each",
                "Annual" if v.term == "A" else "Monthly",
                ct,
                str(v.qty),
                f"{d2(v.unit):.2f}",
                f"{d2(v.amount):.2f}",
                f"{_date(v.start):%m/%d/%Y}",
                f"{_date(v.end):%m/%d/%Y}",
                v.sub,
            ]
        )
        v.row = len(rows)
    name = "streamone_ion_billing_detail_2026_11.csv"
    write_csv(folder / name, rows)
    return name, None


# 8 ------------------------------------------------------------------ Ingram KSA, RLM marks
RLM, LRM = "\u200f", "\u200e"


def ingram_ksa_rlm_csv(case, folder, rng):
    rows = [
        [
            "Invoice No",
            "Invoice Date",
            "Customer Account",
            "End Customer",
            "Vendor",
            "Part Number",
            "Description",
            "Billing",
            "Qty",
            "Unit Price (SAR)",
            "Amount (SAR)",
            "VAT 15%",
            "Total incl. VAT",
        ]
    ]
    for c, v in _lines(case):
        p = BY_KEY.get(v.product)
        mark = rng.random() < 0.6
        cust = _cname(c, v)
        amt, vat = d2(v.amount), d2(v.amount * 15 / 100)

        def m(s, mark=mark):
            return f"{RLM}{s}" if mark else s

        rows.append(
            [
                f"SA-{70000 + v.cid}",
                "30/11/2026",
                c["code"],
                f"{RLM}{cust}{LRM}" if mark else cust,
                p.publisher if p else "Ingram Micro",
                p.part if p else "IM-KSA-FEE",
                _pname(v) if v.role != "credit" else f"Credit note – {_pname(v)}",
                "Annual" if v.term == "A" else "Monthly",
                m(str(v.qty)),
                m(us(v.unit)),
                m(us(amt)),
                m(us(vat)),
                m(us(amt + vat)),
            ]
        )
        v.row = len(rows)
    name = "ingram_ksa_cloud_invoice_11-2026.csv"
    write_csv(folder / name, rows, encoding="utf-8")
    return name, None


# 9 ------------------------------------------------------------------ SoftwareONE, total first + notes
def softwareone_total_first_notes_xlsx(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Invoice Lines"
    hdr = [
        "Customer",
        "Customer No.",
        "Manufacturer",
        "Product",
        "Part No.",
        "Billing",
        "Period",
        "Quantity",
        "Unit Price CHF",
        "Net Amount CHF",
        "Notes",
    ]
    for j, h in enumerate(hdr):
        put(ws, 1, 1 + j, h, bold=True)
    put(ws, 2, 1, "Grand Total", bold=True)
    put(ws, 2, 10, d2(sum(v.amount for v in case.vlines)), fmt="#,##0.00", bold=True)
    others = [
        "Microsoft 365 E5",
        "Microsoft Entra ID P2",
        "Keeper Enterprise",
        "SentinelOne Singularity Complete",
        "Adobe Acrobat Pro",
        "Visio Plan 2",
    ]
    r = 2
    for c, v in _lines(case):
        r += 1
        v.row = r
        p = BY_KEY.get(v.product)
        note = ""
        x = rng.random()
        if x < 0.12:
            note = f"Customer evaluating {rng.choice(others)} – no order yet"
        elif x < 0.2:
            note = "Renewal aligned to contract anniversary"
        elif x < 0.26:
            note = f"Replaces {rng.choice(others)} (cancelled last month)"
        if v.role == "credit":
            note = "Credit for seat reduction"
        vals = [
            _cname(c, v),
            c["code"],
            p.publisher if p else "SoftwareONE",
            _pname(v),
            p.part if p else "SWO-SVC",
            "Annual" if v.term == "A" else "Monthly",
            mon_yy("2026-11-01"),
            v.qty,
            d2(v.unit),
            d2(v.amount),
            note,
        ]
        for j, y in enumerate(vals):
            put(ws, r, 1 + j, y, fmt="#,##0.00" if j in (8, 9) else None)
    name = "softwareone_invoice_lines_Nov-26.xlsx"
    wb.save(folder / name)
    return name, "Invoice Lines"


# 10 ----------------------------------------------------------------- Phoenix UK, hidden lookup
def phoenix_uk_hidden_lookup_sheet_xlsx(case, folder, rng):
    wb = Workbook()
    lk = wb.active
    lk.title = "_lookup"
    put(lk, 1, 1, "SKU")
    put(lk, 1, 2, "Description")
    for i, p in enumerate(sorted(BY_KEY.values(), key=lambda p: p.key)):
        put(lk, 2 + i, 1, p.part or p.key)
        put(lk, 2 + i, 2, p.name)
    lk.sheet_state = "hidden"
    ws = wb.create_sheet("Invoice Lines")
    wb.active = 1
    hdr = [
        "Invoice Date",
        "Customer Account",
        "Customer",
        "Manufacturer SKU",
        "Product Description",
        "Term",
        "Qty",
        "Unit Price",
        "Net",
        "VAT",
        "Gross",
    ]
    for j, h in enumerate(hdr):
        put(ws, 1, 1 + j, h, bold=True)
        ws.cell(1, 1 + j).font = Font(bold=True)
    r = 1
    money = '"£"#,##0.00;[Red]-"£"#,##0.00'
    for c, v in _lines(case):
        r += 1
        v.row = r
        p = BY_KEY.get(v.product)
        net = d2(v.amount)
        vat = d2(net * 20 / 100)
        vals = [
            dt.date(2026, 11, 30),
            f"PHX{c['code']}",
            _cname(c, v),
            p.part if p else "PHX-SERVICE",
            _pname(v) if v.role != "credit" else f"CREDIT {_pname(v)}",
            "12 Months" if v.term == "A" else "1 Month",
            v.qty,
            d2(v.unit),
            net,
            vat,
            net + vat,
        ]
        for j, x in enumerate(vals):
            put(ws, r, 1 + j, x, fmt="dd/mm/yyyy" if j == 0 else (money if j >= 7 else None))
    name = "phoenix_software_invoice_lines_Nov2026.xlsx"
    wb.save(folder / name)
    return name, "Invoice Lines"


VENDORS = {
    "arrowsphere_consumption_table_c_xlsx": (arrowsphere_consumption_table_c_xlsx, "EUR"),
    "atea_no_cover_twoline_header_xlsx": (atea_no_cover_twoline_header_xlsx, "NOK"),
    "ingram_br_competencia_csv": (ingram_br_competencia_csv, "BRL"),
    "esprinet_es_cents_xlsx": (esprinet_es_cents_xlsx, "EUR"),
    "vuzion_uk_qty_x_unit_csv": (vuzion_uk_qty_x_unit_csv, "GBP"),
    "infinigate_de_altenter_xlsx": (infinigate_de_altenter_xlsx, "EUR"),
    "tdsynnex_ion_offer_plan_csv": (tdsynnex_ion_offer_plan_csv, "USD"),
    "ingram_ksa_rlm_csv": (ingram_ksa_rlm_csv, "SAR"),
    "softwareone_total_first_notes_xlsx": (softwareone_total_first_notes_xlsx, "CHF"),
    "phoenix_uk_hidden_lookup_sheet_xlsx": (phoenix_uk_hidden_lookup_sheet_xlsx, "GBP"),
}
_ = qty_text
