"""The eight PSA / accounting formats of set Y. Each writer sets PLine.row, returns (file, sheet)."""

from __future__ import annotations

import random
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment

from .io import SYMBOL, comma, d2, put, qty_text, write_csv


def _lines(case):
    byid = {c["id"]: c for c in case.clients}
    ps = sorted(case.plines, key=lambda p: (byid[p.cid]["canonical"].lower(), p.cid))
    return [(byid[p.cid], p) for p in ps]


def _num(d):
    return f"{d2(d):.2f}"


# 1 ------------------------------------------------------------------ freee (JP)
def freee_jp_lines_csv(case, folder, rng):
    rows = [
        [
            "取引先",
            "取引先コード",
            "発行日",
            "請求書番号",
            "品目",
            "摘要",
            "数量",
            "単位",
            "単価",
            "金額",
            "税率",
            "備考",
        ]
    ]
    unit = {"M": "ライセンス・月", "A": "ライセンス・年", "H": "ライセンス・半年"}
    span = {"M": "2026年11月分", "A": "2026年11月〜2027年10月分", "H": "2026年11月〜2027年4月分"}
    for c, p in _lines(case):
        if p.role == "service":
            u, s = ("時間" if "hours" in p.text else "式"), "2026年11月分"
        else:
            u, s = unit[p.term], span[p.term]
        rows.append(
            [
                c["psa"],
                c["code"],
                "2026/11/01",
                f"INV-2026-11-{p.cid:04d}",
                p.text,
                s,
                qty_text(p.qty),
                u,
                _num(p.unit),
                _num(p.amount),
                "10%",
                p.note,
            ]
        )
        p.row = len(rows)
    name = "freee_請求書明細_202611.csv"
    write_csv(folder / name, rows, encoding="utf-8-sig")
    return name, None


# 2 ------------------------------------------------------------------ Conta Azul (BR), cover sheet
def conta_azul_br_cover_xlsx(case, folder, rng):
    wb = Workbook()
    cov = wb.active
    cov.title = "Resumo"
    put(cov, 1, 1, "Conta Azul – Relatório de vendas recorrentes", bold=True)
    put(cov, 3, 1, "Período")
    put(cov, 3, 2, "01/11/2026 a 30/11/2026")
    put(cov, 4, 1, "Itens")
    put(cov, 4, 2, len(case.plines))
    ws = wb.create_sheet("Vendas")
    hdr = [
        "Cliente",
        "CPF/CNPJ",
        "Nº venda",
        "Data",
        "Produto/Serviço",
        "Recorrência",
        "Quantidade",
        "Valor unitário",
        "Valor total",
    ]
    for j, h in enumerate(hdr):
        put(ws, 1, 1 + j, h, bold=True)
    sym = SYMBOL[case.currency]
    rec = {"M": "Mensal", "A": "Anual", "H": "Semestral"}

    def money(d):
        s = f"{sym} {comma(abs(d))}"
        return f"-{s}" if d < 0 else s

    r = 1
    for c, p in _lines(case):
        r += 1
        p.row = r
        doc = f"{int(c['code']) * 3571 % 10**14:014d}"
        vals = [
            c["psa"],
            doc,
            f"{5000 + p.cid}",
            "01/11/2026",
            p.text,
            rec[p.term],
            qty_text(p.qty, ",") if p.qty != int(p.qty) else int(p.qty),
            money(p.unit),
            money(p.amount),
        ]
        for j, x in enumerate(vals):
            put(ws, r, 1 + j, x, quote=(j == 1))
    name = "contaazul_vendas_nov2026.xlsx"
    wb.save(folder / name)
    return name, "Vendas"


# 3 ------------------------------------------------------------------ Xentral (DE), Notiz column
def xentral_de_notes_csv(case, folder, rng):
    rows = [
        [
            "Kundennummer",
            "Kunde",
            "Artikelnummer",
            "Bezeichnung",
            "Menge",
            "Einzelpreis",
            "Gesamt",
            "Intervall",
            "Abrechnung ab",
            "Notiz",
        ]
    ]
    iv = {"M": "monatlich", "A": "jährlich", "H": "halbjährlich"}
    for c, p in _lines(case):
        art = f"ART-{_artno(p.product or p.text)}"
        rows.append(
            [
                f"{int(c['code']):07d}",
                c["psa"],
                art,
                p.text,
                qty_text(p.qty, ","),
                comma(p.unit),
                comma(p.amount),
                iv[p.term],
                "01.11.2026",
                p.note,
            ]
        )
        p.row = len(rows)
    name = "xentral_abolauf_2026-11.csv"
    write_csv(folder / name, rows, delimiter=";")
    return name, None


def _artno(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 90000
    return 10000 + h


# 4 ------------------------------------------------------------------ HubSpot line items
def hubspot_line_items_csv(case, folder, rng):
    rows = [
        [
            "Record ID",
            "Associated Company",
            "Deal Name",
            "Name",
            "Quantity",
            "Unit price",
            "Billing frequency",
            "Term",
            "Net price",
            "Amount",
            "Create Date",
        ]
    ]
    bf = {"M": "Monthly", "A": "Annually", "H": "Semi-annually"}
    term = {"M": "1 month", "A": "12 months", "H": "6 months"}
    for c, p in _lines(case):
        nm = p.text
        if p.role == "licence" and p.users and rng.random() < 0.4:
            nm = f"{nm}\n{', '.join(p.users[:2])}"
        rows.append(
            [
                str(9100000000 + rng.randint(0, 99999999)),
                c["psa"],
                f"{c['psa']} – Renewal Nov 2026",
                nm,
                qty_text(p.qty),
                _num(p.unit),
                bf[p.term],
                term[p.term],
                _num(p.unit),
                _num(p.amount),
                "2026-11-01 09:00",
            ]
        )
        p.row = len(rows)
    name = "hubspot-line-items-export-2026-11.csv"
    write_csv(folder / name, rows)
    return name, None


# 5 ------------------------------------------------------------------ Sage Intacct, FX lines
def sage_intacct_fx_lines_xlsx(case, folder, rng):
    """Some clients are billed in a second currency; Exchange rate converts to the base currency.

    The truth's PSA price of such a line is Rate (txn) x Exchange rate, exact."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Contract lines"
    base = case.currency
    other = "USD" if base != "USD" else "EUR"
    hdr = [
        "Customer ID",
        "Customer name",
        "Contract ID",
        "Item ID",
        "Item name",
        "Billing frequency",
        "Quantity",
        "Txn currency",
        "Rate (txn)",
        "Txn amount",
        "Exchange rate",
        f"Base amount ({base})",
    ]
    for j, h in enumerate(hdr):
        put(ws, 1, 1 + j, h, bold=True)
    bf = {"M": "Monthly", "A": "Annually", "H": "Semi-annually"}
    r = 1
    for c, p in _lines(case):
        crng = random.Random(f"fx|{c['code']}|{c['canonical']}")
        foreign = crng.random() < 0.2
        rate = Decimal(f"{crng.uniform(0.6, 1.4):.4f}") if foreign else Decimal(1)
        if foreign and not getattr(p, "_fx_done", False):
            txn_unit = d2(p.unit / rate)
            p.unit = txn_unit * rate  # exact base price: what the truth uses
            p._fx_done = True
        else:
            txn_unit = d2(p.unit / rate)
        txn_amt = d2(txn_unit * p.qty)
        r += 1
        p.row = r
        vals = [
            f"C-{c['code']}",
            c["psa"],
            f"CTR-{c['code']}-01",
            f"IT-{_item(p)}",
            p.text,
            bf[p.term],
            float(p.qty),
            other if foreign else base,
            txn_unit,
            txn_amt,
            rate,
            d2(txn_amt * rate),
        ]
        for j, x in enumerate(vals):
            put(
                ws,
                r,
                1 + j,
                x,
                fmt="0.0000" if j == 10 else ("#,##0.00" if j in (8, 9, 11) else None),
            )
    name = "intacct_contract_lines_2026-11.xlsx"
    wb.save(folder / name)
    return name, "Contract lines"


def _item(p):
    return _artno(p.product or p.text) % 1000


# 6 ------------------------------------------------------------------ QuoteWerks, 2-row header
def quotewerks_twoline_header_xlsx(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Recurring Items"
    put(ws, 1, 1, "QuoteWerks – Recurring items on won documents (November 2026)", bold=True)
    groups = [
        ("Document", 1, 2),
        ("Sold To", 3, 4),
        ("Item", 5, 6),
        ("Recurring", 7, 8),
        ("Amount", 9, 10),
    ]
    for label, a, b in groups:
        put(ws, 3, a, label, bold=True)
        ws.merge_cells(start_row=3, start_column=a, end_row=3, end_column=b)
        ws.cell(3, a).alignment = Alignment(horizontal="center")
    hdr = [
        "DocNo",
        "DocDate",
        "SoldToCompany",
        "SoldToContact",
        "InternalPartNumber",
        "Description",
        "Qty",
        "Billing Cycle",
        "Unit Price",
        "Extended",
    ]
    for j, h in enumerate(hdr):
        put(ws, 4, 1 + j, h, bold=True)
    cyc = {"M": "Monthly", "A": "Yearly", "H": "Semi-Annually"}
    r = 4
    for c, p in _lines(case):
        r += 1
        p.row = r
        vals = [
            f"Q{20000 + p.cid}",
            "2026-10-28",
            c["psa"],
            "Accounts Payable",
            f"MSP-{_artno(p.product or p.text)}",
            p.text,
            float(p.qty),
            cyc[p.term],
            d2(p.unit),
            d2(p.amount),
        ]
        for j, x in enumerate(vals):
            put(ws, r, 1 + j, x, fmt="#,##0.00" if j >= 8 else None)
    name = "quotewerks_recurring_items_2026-11.xlsx"
    wb.save(folder / name)
    return name, "Recurring Items"


# 7 ------------------------------------------------------------------ Zervant (FI), "25 × 12,50"
def zervant_fi_qty_unit_cell_csv(case, folder, rng):
    rows = [
        [
            "Asiakas",
            "Asiakasnumero",
            "Laskun numero",
            "Päivämäärä",
            "Tuote",
            "Määrä × à-hinta",
            "Yksikkö",
            "Yhteensä (veroton)",
            "ALV %",
            "Jakso",
        ]
    ]
    unit = {"M": "kk", "A": "v", "H": "6 kk"}
    jakso = {"M": "Kuukausittain", "A": "Vuosittain", "H": "Puolivuosittain"}
    for c, p in _lines(case):
        u = unit[p.term] if p.role == "licence" else ("h" if "hours" in p.text else "kpl")
        rows.append(
            [
                c["psa"],
                c["code"],
                f"{3000 + p.cid}",
                "01.11.2026",
                p.text,
                f"{qty_text(p.qty, ',')} × {comma(p.unit, ' ')}",
                u,
                comma(p.amount, "\u00a0"),
                "25,5",
                jakso[p.term],
            ]
        )
        p.row = len(rows)
    name = "zervant_laskurivit_2026-11.csv"
    write_csv(folder / name, rows, delimiter=";")
    return name, None


# 8 ------------------------------------------------------------------ Octopus (BE), bilingual
def octopus_be_bilingual_xlsx(case, folder, rng):
    wb = Workbook()
    ws = wb.active
    ws.title = "Verkoop-Ventes"
    hdr = [
        "Klant / Client",
        "Klantnr. / N° client",
        "Omschrijving / Description",
        "Aantal / Quantité",
        "Eenheidsprijs / Prix unitaire",
        "Totaal excl. btw / Total HTVA",
        "Periodiciteit / Périodicité",
        "Periode / Période",
        "Btw / TVA",
    ]
    for j, h in enumerate(hdr):
        put(ws, 1, 1 + j, h, bold=True)
    per = {
        "M": "Maandelijks / Mensuel",
        "A": "Jaarlijks / Annuel",
        "H": "Halfjaarlijks / Semestriel",
    }
    r = 1
    for c, p in _lines(case):
        r += 1
        p.row = r
        vals = [
            c["psa"],
            f"{int(c['code']):06d}",
            p.text,
            float(p.qty),
            d2(p.unit),
            d2(p.amount),
            per[p.term],
            "nov-26",
            "21%",
        ]
        for j, x in enumerate(vals):
            put(ws, r, 1 + j, x, fmt="#,##0.00" if j in (4, 5) else None, quote=(j == 1))
    name = "octopus_verkoopdagboek_nov-26.xlsx"
    wb.save(folder / name)
    return name, "Verkoop-Ventes"


PSAS = {
    "freee_jp_lines_csv": freee_jp_lines_csv,
    "conta_azul_br_cover_xlsx": conta_azul_br_cover_xlsx,
    "xentral_de_notes_csv": xentral_de_notes_csv,
    "hubspot_line_items_csv": hubspot_line_items_csv,
    "sage_intacct_fx_lines_xlsx": sage_intacct_fx_lines_xlsx,
    "quotewerks_twoline_header_xlsx": quotewerks_twoline_header_xlsx,
    "zervant_fi_qty_unit_cell_csv": zervant_fi_qty_unit_cell_csv,
    "octopus_be_bilingual_xlsx": octopus_be_bilingual_xlsx,
}
