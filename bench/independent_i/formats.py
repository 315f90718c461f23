"""Renderers: each writes one file for a scenario and returns (file name, {line index: row})."""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from . import catalogue as cat
from .scenario import PLine, Scenario, VLine, money
from .writers import write_csv, write_html_xls, write_xlsx

Rows = list[list[Any]]


def num(value: Fraction | Decimal | int, places: int = 2, dec: str = ".", group: str = "") -> str:
    d = money(value, places) if not isinstance(value, Decimal) else value
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):.{places}f}".partition(".")
    if group:
        parts: list[str] = []
        while len(whole) > 3:
            parts.insert(0, whole[-3:])
            whole = whole[:-3]
        parts.insert(0, whole)
        whole = group.join(parts)
    return sign + whole + (dec + frac if places else "")


def places(scen: Scenario) -> int:
    return 0 if scen.currency == "KRW" else 2


def fnum(value: Fraction, scen: Scenario) -> float | int:
    d = money(value, places(scen))
    return int(d) if places(scen) == 0 else float(d)


START, END, YEAR_END = (2026, 11, 1), (2026, 11, 30), (2027, 10, 31)


def date(fmt: str, ymd: tuple[int, int, int]) -> str:
    y, m, d = ymd
    return fmt.format(y=y, m=m, d=d)


def vend(line: VLine) -> tuple[int, int, int]:
    return YEAR_END if line.annual else END


# ======================================================================= vendor bills
def v_arrowsphere(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """ArrowSphere (Arrow ECS, France): bilingual headers, ';', decimal comma, U+202F grouping."""
    g = "\u202f"
    rows: Rows = [
        [
            "Référence client / Customer ref",
            "Client final / End customer",
            "Éditeur / Vendor",
            "Référence Arrow / Arrow SKU",
            "Désignation / Description",
            "Type",
            "Quantité / Qty",
            "Prix public HT / Public price excl. VAT",
            "Prix d'achat unitaire HT / Unit buy price excl. VAT",
            "Montant HT / Amount excl. VAT",
            "Périodicité / Billing",
            "Début / From",
            "Fin / To",
            "Devise",
        ]
    ]
    rowmap: dict[int, int] = {}
    for i, v in enumerate(scen.vendor):
        p = cat.BY_NAME[v.product]
        kind = {"licence": "Abonnement", "credit": "Avoir", "free": "Essai gratuit"}[v.role]
        rows.append(
            [
                f"XSP{v.client.code}",
                v.client.canonical,
                "Microsoft" if p.microsoft else v.product.split()[0],
                f"XSP-{p.sku}",
                v.product,
                kind,
                str(v.qty),
                num(v.rrp, 2, ",", g),
                num(v.unit, 2, ",", g),
                num(v.unit * v.qty, 2, ",", g),
                "Annuel" if v.annual else "Mensuel",
                date("{d:02d}/{m:02d}/{y}", START),
                date("{d:02d}/{m:02d}/{y}", vend(v)),
                "EUR",
            ]
        )
        rowmap[i] = len(rows)
    name = "arrowsphere_billing_2026-11.csv"
    write_csv(folder / name, rows, "utf-8", ";", bom=True)
    return name, rowmap


def v_giacom(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """Giacom Cloud Market (UK): title rows, Windows-1252 '£', credits in brackets, a total row."""
    rows: Rows = [
        ["Cloud Market - Billing Detail - November 2026"],
        ["Reseller: Example IT Ltd"],
        [],
        [
            "Customer Name",
            "Customer Account",
            "Service",
            "Product Code",
            "Quantity",
            "Unit Cost",
            "Line Cost",
            "RRP",
            "Billing Frequency",
            "From",
            "To",
        ],
    ]
    rowmap: dict[int, int] = {}
    total = Fraction(0)

    def gbp(x: Fraction) -> str:
        return f"(£{num(-x, 2, '.', ',')})" if x < 0 else f"£{num(x, 2, '.', ',')}"

    for i, v in enumerate(scen.vendor):
        service = v.product + (" - Trial" if v.trial else "")
        freq = "Annual (paid upfront)" if v.annual else "Monthly"
        total += v.unit * v.qty
        rows.append(
            [
                v.client.canonical,
                f"GC{v.client.code}",
                service,
                cat.BY_NAME[v.product].sku,
                str(v.qty),
                gbp(v.unit),
                gbp(v.unit * v.qty),
                gbp(v.rrp),
                freq,
                date("{d:02d}/{m:02d}/{y}", START),
                date("{d:02d}/{m:02d}/{y}", vend(v)),
            ]
        )
        rowmap[i] = len(rows)
    rows.append(["Total", "", "", "", "", "", gbp(total), "", "", "", ""])
    name = "giacom_billing_nov2026.csv"
    write_csv(folder / name, rows, "cp1252", ",")
    return name, rowmap


def v_leader(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """Leader Systems (Australia): xlsx, customer on group rows, subtotals, Ex/Inc GST, RRP beside buy."""
    rows: Rows = [
        ["Leader Cloud - Monthly Subscription Statement"],
        ["Period: 01/11/2026 to 30/11/2026"],
        ["All prices in AUD"],
        [],
        [
            "Item Code",
            "Description",
            "Charge Type",
            "Term",
            "Qty",
            "RRP Ex GST",
            "Buy Ex GST",
            "Line Total Ex GST",
            "GST",
            "Line Total Inc GST",
        ],
    ]
    rowmap: dict[int, int] = {}
    by_client: dict[str, list[int]] = {}
    for i, v in enumerate(scen.vendor):
        by_client.setdefault(v.client.canonical, []).append(i)
    grand = Fraction(0)
    for client, idx in by_client.items():
        rows.append([f"Customer: {client}"])
        sub = Fraction(0)
        for i in idx:
            v = scen.vendor[i]
            kind = {"licence": "Recurring", "credit": "Credit", "free": "Trial"}[v.role]
            ext = v.unit * v.qty
            sub += ext
            rows.append(
                [
                    cat.BY_NAME[v.product].sku,
                    v.product,
                    kind,
                    "12 Months (Annual upfront)" if v.annual else "1 Month",
                    v.qty,
                    float(money(v.rrp)),
                    float(money(v.unit)),
                    float(money(ext)),
                    float(money(ext / 10)),
                    float(money(ext * Fraction(11, 10))),
                ]
            )
            rowmap[i] = len(rows)
        rows.append(
            [
                "",
                f"Subtotal {client}",
                "",
                "",
                "",
                "",
                "",
                float(money(sub)),
                float(money(sub / 10)),
                float(money(sub * Fraction(11, 10))),
            ]
        )
        grand += sub
    rows.append(
        [
            "",
            "TOTAL",
            "",
            "",
            "",
            "",
            "",
            float(money(grand)),
            float(money(grand / 10)),
            float(money(grand * Fraction(11, 10))),
        ]
    )
    name = "leader_statement_2026-11.xlsx"
    write_xlsx(folder / name, [("Statement", rows)], {5: "#,##0.00", 6: "#,##0.00", 7: "#,##0.00"})
    return name, rowmap


def v_tarsus(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """Tarsus (South Africa): a Summary sheet first, text money 'R 1 234,56', dates yyyy/mm/dd."""

    def zar(x: Fraction) -> str:
        sp = rng.choice((" ", "\u00a0"))
        s = num(abs(x), 2, ",", sp)
        return f"-R {s}" if x < 0 else f"R {s}"

    rows: Rows = [
        [
            "Reseller Customer",
            "Tenant Domain",
            "Product Description",
            "Billing Term",
            "Qty",
            "Unit Cost (excl. VAT)",
            "Total Cost (excl. VAT)",
            "Recommended Retail (excl. VAT)",
            "VAT 15%",
            "Total (incl. VAT)",
            "Start",
            "End",
        ]
    ]
    rowmap: dict[int, int] = {}
    total = Fraction(0)
    for i, v in enumerate(scen.vendor):
        ext = v.unit * v.qty
        total += ext
        domain = "".join(ch for ch in v.client.canonical.lower() if ch.isascii() and ch.isalnum())[
            :20
        ]
        desc = (
            v.product
            + (" (Trial)" if v.trial else "")
            + (" - Credit Note" if v.role == "credit" else "")
        )
        rows.append(
            [
                v.client.canonical,
                f"{domain}.onmicrosoft.com",
                desc,
                "Annual" if v.annual else "Monthly",
                v.qty,
                zar(v.unit),
                zar(ext),
                zar(v.rrp),
                zar(ext * Fraction(15, 100)),
                zar(ext * Fraction(115, 100)),
                date("{y}/{m:02d}/{d:02d}", START),
                date("{y}/{m:02d}/{d:02d}", vend(v)),
            ]
        )
        rowmap[i] = len(rows)
    rows.append(
        [
            "Grand Total",
            "",
            "",
            "",
            "",
            "",
            zar(total),
            "",
            zar(total * Fraction(15, 100)),
            zar(total * Fraction(115, 100)),
            "",
            "",
        ]
    )
    summary: Rows = [
        ["Tarsus Distribution - Cloud Billing"],
        ["Invoice month", "November 2026"],
        ["Currency", "ZAR"],
        ["Total excl. VAT", zar(total)],
        ["Lines", len(scen.vendor)],
    ]
    name = "tarsus_cloud_billing_202611.xlsx"
    write_xlsx(folder / name, [("Summary", summary), ("Billing Detail", rows)])
    return name, rowmap


def v_czech(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """A Czech distributor: Windows-1250, ';', '1 234,56 Kč', dates '1. 11. 2026', měsíčně/ročně."""
    rows: Rows = [
        [
            "Odběratel",
            "IČO",
            "Produkt",
            "Kód produktu",
            "Typ",
            "Množství",
            "Doporučená MC bez DPH",
            "Jednotková cena bez DPH",
            "Celkem bez DPH",
            "DPH 21 %",
            "Celkem s DPH",
            "Fakturace",
            "Období od",
            "Období do",
        ]
    ]
    rowmap: dict[int, int] = {}
    for i, v in enumerate(scen.vendor):
        ext = v.unit * v.qty
        kind = {"licence": "předplatné", "credit": "dobropis", "free": "zkušební verze"}[v.role]
        rows.append(
            [
                v.client.canonical,
                f"{int(v.client.code) * 7919 % 90000000 + 10000000}",
                v.product,
                cat.BY_NAME[v.product].sku,
                kind,
                str(v.qty),
                f"{num(v.rrp, 2, ',', ' ')} Kč",
                f"{num(v.unit, 2, ',', ' ')} Kč",
                f"{num(ext, 2, ',', ' ')} Kč",
                f"{num(ext * Fraction(21, 100), 2, ',', ' ')} Kč",
                f"{num(ext * Fraction(121, 100), 2, ',', ' ')} Kč",
                "ročně" if v.annual else "měsíčně",
                "1. 11. 2026",
                "31. 10. 2027" if v.annual else "30. 11. 2026",
            ]
        )
        rowmap[i] = len(rows)
    name = "vyuctovani_licenci_2026_11.csv"
    write_csv(folder / name, rows, "cp1250", ";")
    return name, rowmap


def v_turkish(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """A Turkish distributor: Windows-1254, ';', '1.234,56 TL', Aylık/Yıllık, İade credits."""
    rows: Rows = [
        [
            "Müşteri Ünvanı",
            "Vergi No",
            "Ürün Adı",
            "Ürün Kodu",
            "İşlem Tipi",
            "Adet",
            "Liste Fiyatı",
            "Birim Maliyet",
            "Tutar",
            "KDV %20",
            "Genel Toplam",
            "Faturalama",
            "Başlangıç",
            "Bitiş",
            "Para Birimi",
        ]
    ]
    rowmap: dict[int, int] = {}
    for i, v in enumerate(scen.vendor):
        ext = v.unit * v.qty
        kind = {"licence": "Abonelik", "credit": "İade", "free": "Deneme"}[v.role]
        rows.append(
            [
                v.client.canonical,
                f"{int(v.client.code) * 104729 % 9000000000 + 1000000000}",
                v.product,
                cat.BY_NAME[v.product].sku,
                kind,
                str(v.qty),
                f"{num(v.rrp, 2, ',', '.')} TL",
                f"{num(v.unit, 2, ',', '.')} TL",
                f"{num(ext, 2, ',', '.')} TL",
                f"{num(ext / 5, 2, ',', '.')} TL",
                f"{num(ext * Fraction(6, 5), 2, ',', '.')} TL",
                "Yıllık" if v.annual else "Aylık",
                "01.11.2026",
                "31.10.2027" if v.annual else "30.11.2026",
                "TRY",
            ]
        )
        rowmap[i] = len(rows)
    name = "lisans_faturasi_2026_11.csv"
    write_csv(folder / name, rows, "cp1254", ";")
    return name, rowmap


def v_korean(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """A Korean-won bill: title rows, Korean headers, whole-won integers, 월/연 billing cycle."""
    rows: Rows = [
        ["2026년 11월 라이선스 청구 내역"],
        ["통화: KRW (원)"],
        [],
        [
            "고객사명",
            "상품명",
            "구분",
            "청구주기",
            "수량",
            "소비자가",
            "단가",
            "공급가액",
            "부가세",
            "합계",
            "시작일",
            "종료일",
        ],
    ]
    rowmap: dict[int, int] = {}
    for i, v in enumerate(scen.vendor):
        ext = v.unit * v.qty
        kind = {"licence": "정기결제", "credit": "환불", "free": "무료체험"}[v.role]
        rows.append(
            [
                v.client.canonical,
                v.product,
                kind,
                "연" if v.annual else "월",
                v.qty,
                int(money(v.rrp, 0)),
                int(money(v.unit, 0)),
                int(money(ext, 0)),
                int(money(ext / 10, 0)),
                int(money(ext * Fraction(11, 10), 0)),
                "2026.11.01",
                "2027.10.31" if v.annual else "2026.11.30",
            ]
        )
        rowmap[i] = len(rows)
    name = "청구내역_2026_11.xlsx"
    write_xlsx(folder / name, [("청구내역", rows)], {5: "#,##0", 6: "#,##0", 7: "#,##0"})
    return name, rowmap


def v_xvantage(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """Ingram Micro Xvantage: an HTML table saved as .xls; 'Net Price' is the line's extended net, no unit cost."""

    def usd(x: Fraction) -> str:
        return f"-${num(-x, 2, '.', ',')}" if x < 0 else f"${num(x, 2, '.', ',')}"

    rows: Rows = [
        [
            "Customer Name",
            "Reseller PO",
            "Subscription ID",
            "Vendor Part Number",
            "Product Name",
            "Billing Frequency",
            "Charge Type",
            "Start Date",
            "End Date",
            "Quantity",
            "Unit Price (MSRP)",
            "Net Price",
            "Currency",
        ]
    ]
    rowmap: dict[int, int] = {}
    for i, v in enumerate(scen.vendor):
        kind = {"licence": "Recurring", "credit": "Credit", "free": "Trial"}[v.role]
        rows.append(
            [
                v.client.canonical,
                f"PO-{v.client.code}",
                f"S{v.client.code}-{cat.BY_NAME[v.product].sku[-4:]}-{v.sub}",
                cat.BY_NAME[v.product].sku,
                v.product,
                "Annual" if v.annual else "Monthly",
                kind,
                date("{m:02d}/{d:02d}/{y}", START),
                date("{m:02d}/{d:02d}/{y}", vend(v)),
                str(v.qty),
                usd(v.rrp),
                usd(v.unit * v.qty),
                "USD",
            ]
        )
        rowmap[i] = len(rows)
    name = "xvantage_billing_export.xls"
    write_html_xls(folder / name, "Billing Export", rows)
    return name, rowmap


def v_mexico(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """A Mexican distributor: a real BIFF .xls (xlwt), Spanish-MX headers, IVA 16 %, '$1,234.56 MXN' text,
    dates '01/nov/2026', Mensual/Anual, notas de crédito with the amount in brackets."""
    import xlwt

    def mxn(x: Fraction) -> str:
        return f"(${num(-x, 2, '.', ',')}) MXN" if x < 0 else f"${num(x, 2, '.', ',')} MXN"

    rows: Rows = [
        ["ESTADO DE CUENTA - SUSCRIPCIONES EN LA NUBE"],
        ["Periodo: noviembre 2026"],
        [],
        [
            "Razón social del cliente",
            "RFC",
            "Producto",
            "Clave",
            "Tipo de cargo",
            "Cantidad",
            "Precio lista",
            "Costo unitario",
            "Importe",
            "IVA 16%",
            "Total",
            "Plazo de facturación",
            "Fecha inicio",
            "Fecha fin",
        ],
    ]
    rowmap: dict[int, int] = {}
    for i, v in enumerate(scen.vendor):
        ext = v.unit * v.qty
        kind = {"licence": "Suscripción", "credit": "Nota de crédito", "free": "Prueba gratuita"}[
            v.role
        ]
        rfc = (
            "".join(ch for ch in cat_ascii(v.client.canonical).upper() if ch.isalpha())[:3]
            + "2011"
            + v.client.code[-2:]
            + "AB1"
        )
        rows.append(
            [
                v.client.canonical,
                rfc,
                v.product,
                cat.BY_NAME[v.product].sku,
                kind,
                v.qty,
                mxn(v.rrp),
                mxn(v.unit),
                mxn(ext),
                mxn(ext * Fraction(16, 100)),
                mxn(ext * Fraction(116, 100)),
                "Anual" if v.annual else "Mensual",
                "01/nov/2026",
                "31/oct/2027" if v.annual else "30/nov/2026",
            ]
        )
        rowmap[i] = len(rows)
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Detalle")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None and value != "":
                sheet.write(r, c, value)
    name = "estado_de_cuenta_nov2026.xls"
    book.save(str(folder / name))
    return name, rowmap


def v_pdf_invoice(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """A New Zealand distributor's PDF tax invoice converted to Excel: a header split over two rows,
    page footers and the header repeated on every page, the customer on section rows ('End customer:'),
    'NZ$' text money, credits as '148.08CR' beside a negative quantity, GST totals at the end."""
    head1 = ["Description", "Term", "Qty", "Unit", "RRP", "Amount"]
    head2 = ["", "", "", "Price (excl. GST)", "(excl. GST)", "(excl. GST)"]

    def nzd(x: Fraction) -> str:
        return f"{num(-x, 2, '.', ',')}CR" if x < 0 else f"NZ${num(x, 2, '.', ',')}"

    body: list[tuple[list[Any], int | None]] = []
    current = ""
    total = Fraction(0)
    for i, v in enumerate(scen.vendor):
        if v.client.canonical != current:
            current = v.client.canonical
            body.append(([f"End customer: {current}"], None))
        ext = v.unit * v.qty
        total += ext
        term = "Trial" if v.role == "free" else ("Annual" if v.annual else "Monthly")
        body.append(([v.product, term, str(v.qty), nzd(v.unit), nzd(v.rrp), nzd(ext)], i))
    per_page = 38
    pages = (len(body) + per_page - 1) // per_page
    rows: Rows = [
        ["TAX INVOICE"],
        ["Southern Cross Cloud Distribution Ltd  GST No. 123-456-789"],
        ["Invoice No: INV-778812", "", "", "Date: 30/11/2026"],
        [],
    ]
    rowmap: dict[int, int] = {}
    for page in range(pages):
        rows += [head1, head2]
        chunk = body[page * per_page : (page + 1) * per_page]
        if chunk and chunk[0][1] is not None:  # a customer carried over the page break
            rows.append([f"End customer: {scen.vendor[chunk[0][1]].client.canonical} (continued)"])
        for cells, line in chunk:
            rows.append(cells)
            if line is not None:
                rowmap[line] = len(rows)
        rows += [[f"Page {page + 1} of {pages}"], []]
    rows += [
        ["", "", "", "", "Subtotal", nzd(total)],
        ["", "", "", "", "GST 15%", nzd(total * Fraction(15, 100))],
        ["", "", "", "", "Total NZD", nzd(total * Fraction(115, 100))],
    ]
    name = "INV-778812.xlsx"
    write_xlsx(folder / name, [("Table 1", rows)])
    return name, rowmap


VENDORS: dict[str, tuple[str, Callable[..., tuple[str, dict[int, int]]]]] = {
    "arrowsphere_fr": ("EUR", v_arrowsphere),
    "giacom_uk": ("GBP", v_giacom),
    "leader_au": ("AUD", v_leader),
    "tarsus_za": ("ZAR", v_tarsus),
    "cz_distributor": ("CZK", v_czech),
    "tr_distributor": ("TRY", v_turkish),
    "kr_won_bill": ("KRW", v_korean),
    "xvantage_html_xls": ("USD", v_xvantage),
    "mx_distributor_xls": ("MXN", v_mexico),
    "nz_pdf_invoice_xlsx": ("NZD", v_pdf_invoice),
}


# ======================================================================= PSA / accounting exports
def _invoices(scen: Scenario, ended_is_void: bool = False) -> list[tuple[str, str, list[int]]]:
    """Group PSA lines into invoices per client: (number, status, line indexes); voided lines apart.

    Formats without a line end date show every cancelled line on a voided invoice."""
    out: list[tuple[str, str, list[int]]] = []
    by_client: dict[str, list[int]] = {}
    for i, p in enumerate(scen.psa):
        by_client.setdefault(p.client.canonical, []).append(i)
    n = 5000
    for idx in by_client.values():
        live = [
            i
            for i in idx
            if not (
                scen.psa[i].role == "cancelled"
                and (scen.psa[i].cancel_how == "void" or ended_is_void)
            )
        ]
        void = [i for i in idx if i not in live]
        for group, status in ((live, "live"), (void, "void")):
            if group:
                n += 1
                out.append((f"{n}", status, group))
    return out


def msp_code(product: str) -> str:
    """The MSP's own item number for a product (never the vendor's SKU)."""
    names = [p.name for p in cat.PRODUCTS]
    return f"LIC-{100 + 7 * names.index(product)}" if product in names else "MISC"


def _ended(p: PLine) -> bool:
    return p.role == "cancelled" and p.cancel_how == "ended"


def _list_unit(p: PLine, scen: Scenario) -> Fraction:
    return p.unit


def psa_zoho(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """Zoho Books invoice-line export: Void invoices, usage unit per year, Discount %, tax-inclusive total."""
    pl = places(scen)
    rows: Rows = [
        [
            "Invoice Date",
            "Invoice Number",
            "Invoice Status",
            "Customer Name",
            "Currency Code",
            "Item Name",
            "Item Desc",
            "Quantity",
            "Usage unit",
            "Item Price",
            "Discount(%)",
            "Item Total",
            "Item Tax %",
            "Item Tax Amount",
            "Total",
        ]
    ]
    rowmap: dict[int, int] = {}
    for number, status, idx in _invoices(scen, ended_is_void=True):
        st = "Void" if status == "void" else rng.choice(("Paid", "Sent", "Overdue"))
        for i in idx:
            p = scen.psa[i]
            desc = (
                "Annual subscription 01 Nov 2026 - 31 Oct 2027"
                if p.annual
                else "Ended 30 Sep 2026 - not renewed"
                if _ended(p)
                else "Billing period 01 Nov 2026 - 30 Nov 2026"
            )
            if p.role == "service":
                desc = "Service"
            unit = "user/yr" if p.annual else ("hrs" if "hours" in p.text.lower() else "user/mo")
            total = p.net * p.qty
            rows.append(
                [
                    "2026-11-01",
                    f"INV-{number}",
                    st,
                    p.client.psa_name,
                    scen.currency,
                    p.text,
                    desc,
                    str(p.qty),
                    unit,
                    num(p.unit, pl),
                    str(p.discount) if p.discount else "",
                    num(total, pl),
                    "20",
                    num(total / 5, pl),
                    num(total * Fraction(6, 5), pl),
                ]
            )
            rowmap[i] = len(rows)
    name = "Invoice.csv"
    write_csv(folder / name, rows, "utf-8", ",")
    return name, rowmap


def psa_netsuite(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """NetSuite saved search in xlsx: title rows, 'CUST1042 Name' entity, Voided status, totals row."""
    rows: Rows = [
        ["Example Managed IT LLC"],
        ["Saved Search: Recurring Licence Billing - Nov 2026"],
        ["Run 12/1/2026 7:14 am"],
        [],
        [
            "Internal ID",
            "Date",
            "Document Number",
            "Customer",
            "Item",
            "Memo",
            "Billing Schedule",
            "Quantity",
            "Rate",
            "Amount",
            "Status",
            "Currency",
        ],
    ]
    rowmap: dict[int, int] = {}
    grand = Fraction(0)
    for number, status, idx in _invoices(scen, ended_is_void=True):
        st = "Voided" if status == "void" else rng.choice(("Paid In Full", "Open"))
        for i in idx:
            p = scen.psa[i]
            memo = (
                "Contract ended 09/30/2026"
                if _ended(p)
                else ("" if p.role != "licence" else rng.choice(("", "Recurring")))
            )
            amount = p.net * p.qty
            grand += amount if st != "Voided" else 0
            rows.append(
                [
                    int(number) * 10 + 3,
                    "11/1/2026",
                    f"INV{number}",
                    f"CUST{p.client.code} {p.client.psa_name}",
                    p.text,
                    memo,
                    "Annual (12 months)" if p.annual else "Monthly",
                    p.qty,
                    fnum(p.net, scen),
                    fnum(amount, scen),
                    st,
                    scen.currency,
                ]
            )
            rowmap[i] = len(rows)
    rows.append(["", "", "", "Total", "", "", "", "", "", fnum(grand, scen), "", ""])
    name = "RecurringLicenceBillingResults.xlsx"
    write_xlsx(folder / name, [("Results", rows)])
    return name, rowmap


def psa_sage50(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """Sage 50 (UK) invoice items: 8-char A/C, Comment 1 with the term, Deleted flag, Net/VAT/Gross."""
    pl = places(scen)
    rows: Rows = [
        [
            "Invoice No",
            "Date",
            "A/C",
            "Name",
            "Product Code",
            "Description",
            "Comment 1",
            "Qty",
            "Unit Price",
            "Discount %",
            "Net",
            "T/C",
            "VAT",
            "Gross",
            "Deleted",
        ]
    ]
    rowmap: dict[int, int] = {}
    for number, status, idx in _invoices(scen, ended_is_void=True):
        for i in idx:
            p = scen.psa[i]
            ac = (
                "".join(ch for ch in cat_ascii(p.client.canonical).upper() if ch.isalpha())[:5]
                + p.client.code[-3:]
            )
            comment = (
                "Annual licence 01/11/2026-31/10/2027"
                if p.annual
                else "Ended 30/09/2026"
                if _ended(p)
                else ("Monthly" if p.role == "licence" else "")
            )
            code = (
                "S1"
                if p.role == "service"
                else (
                    "M365"
                    if cat.BY_NAME.get(p.product, None) and cat.BY_NAME[p.product].microsoft
                    else "LIC"
                )
            )
            net = p.net * p.qty
            rows.append(
                [
                    number,
                    "01/11/2026",
                    ac,
                    p.client.psa_name[:60],
                    code,
                    p.text,
                    comment,
                    str(p.qty),
                    num(p.unit, pl),
                    num(Fraction(p.discount), 2),
                    num(net, pl),
                    "T1",
                    num(net / 5, pl),
                    num(net * Fraction(6, 5), pl),
                    "Yes" if status == "void" else "No",
                ]
            )
            rowmap[i] = len(rows)
    name = "INVOICE_ITEMS.CSV"
    write_csv(
        folder / name,
        rows,
        "cp1252" if scen.currency in ("GBP", "EUR", "USD", "AUD", "ZAR", "MXN") else "utf-8",
        ",",
    )
    return name, rowmap


def cat_ascii(text: str) -> str:
    from .perturb import strip_accents

    return strip_accents(text)


def psa_business_central(
    scen: Scenario, folder: Path, rng: random.Random
) -> tuple[str, dict[int, int]]:
    """Dynamics 365 Business Central posted sales lines: Type Item/Resource, comment lines, UoM YEAR."""
    places(scen)
    rows: Rows = [
        [
            "Document Type",
            "Document No.",
            "Sell-to Customer No.",
            "Sell-to Customer Name",
            "Type",
            "No.",
            "Description",
            "Description 2",
            "Unit of Measure Code",
            "Quantity",
            "Unit Price Excl. VAT",
            "Line Discount %",
            "Line Amount Excl. VAT",
            "Amount Including VAT",
            "Currency Code",
            "Canceled",
            "Shipment Date",
        ]
    ]
    rowmap: dict[int, int] = {}
    for number, status, idx in _invoices(scen, ended_is_void=True):
        first = scen.psa[idx[0]]
        rows.append(
            [
                "Invoice",
                f"PS-INV{number}",
                f"C{first.client.code}",
                first.client.psa_name,
                "",
                "",
                "Licences and services November 2026",
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
            ]
        )
        for i in idx:
            p = scen.psa[i]
            service = p.role == "service"
            cat.BY_NAME.get(p.product)
            amount = p.net * p.qty
            uom = (
                "HOUR"
                if service and "hour" in p.text.lower()
                else ("YEAR" if p.annual else "MONTH")
            )
            rows.append(
                [
                    "Invoice",
                    f"PS-INV{number}",
                    f"C{p.client.code}",
                    p.client.psa_name,
                    "Resource" if service else "Item",
                    "SRV-01" if service else msp_code(p.product),
                    p.text,
                    "Ended 30.09.2026" if _ended(p) else "",
                    uom,
                    p.qty,
                    fnum(p.unit, scen),
                    p.discount or None,
                    fnum(amount, scen),
                    fnum(amount * Fraction(125, 100), scen),
                    "" if scen.currency == "EUR" else scen.currency,
                    "Yes" if status == "void" else "No",
                    "30.09.2026" if _ended(p) else "01.11.2026",
                ]
            )
            rowmap[i] = len(rows)
    name = "Posted Sales Invoice Lines.xlsx"
    write_xlsx(folder / name, [("Posted Sales Invoice Lines", rows)])
    return name, rowmap


def psa_exact(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """Exact Online (NL) verkoopfactuurregels: ';', decimal comma, Eenheid maand/jaar, Status Geannuleerd."""
    pl = places(scen)
    rows: Rows = [
        [
            "Factuurnummer",
            "Factuurdatum",
            "Relatiecode",
            "Relatie",
            "Artikelcode",
            "Omschrijving",
            "Aantal",
            "Eenheid",
            "Prijs per eenheid",
            "Korting %",
            "Bedrag excl. btw",
            "Btw-bedrag",
            "Bedrag incl. btw",
            "Valuta",
            "Status",
            "Einddatum",
        ]
    ]
    rowmap: dict[int, int] = {}
    for number, status, idx in _invoices(scen):
        for i in idx:
            p = scen.psa[i]
            net = p.net * p.qty
            unit = (
                "uur"
                if p.role == "service" and "hour" in p.text.lower()
                else ("jaar" if p.annual else "maand")
            )
            cat.BY_NAME.get(p.product)
            rows.append(
                [
                    number,
                    "01-11-2026",
                    f"{int(p.client.code):06d}",
                    p.client.psa_name,
                    "DIENST" if p.role == "service" else msp_code(p.product),
                    p.text,
                    str(p.qty),
                    unit,
                    num(p.unit, pl, ","),
                    num(Fraction(p.discount), 2, ","),
                    num(net, pl, ","),
                    num(net * Fraction(21, 100), pl, ","),
                    num(net * Fraction(121, 100), pl, ","),
                    scen.currency,
                    "Geannuleerd" if status == "void" else "Verwerkt",
                    "30-09-2026" if _ended(p) else "",
                ]
            )
            rowmap[i] = len(rows)
    name = "Verkoopfactuurregels.csv"
    write_csv(
        folder / name,
        rows,
        "cp1252" if scen.currency not in ("CZK", "TRY", "KRW") else "utf-8",
        ";",
    )
    return name, rowmap


def psa_lexoffice(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """Lexoffice (DE) Rechnungspositionen: ';', decimal comma, Einheit Lizenz/Monat, storniert, Leistungszeitraum."""
    pl = places(scen)
    rows: Rows = [
        [
            "Rechnungsnummer",
            "Rechnungsdatum",
            "Kundennummer",
            "Kunde",
            "Pos.",
            "Bezeichnung",
            "Menge",
            "Einheit",
            "Einzelpreis netto",
            "Rabatt %",
            "Gesamt netto",
            "USt-Satz",
            "Gesamt brutto",
            "Währung",
            "Status",
            "Leistungszeitraum",
        ]
    ]
    rowmap: dict[int, int] = {}
    for number, status, idx in _invoices(scen):
        for pos, i in enumerate(idx, start=1):
            p = scen.psa[i]
            net = p.net * p.qty
            if p.role == "service":
                unit = "Stunde" if "hour" in p.text.lower() else "Pauschal"
            else:
                unit = "Lizenz/Jahr" if p.annual else "Lizenz/Monat"
            span = (
                "01.11.2026 – 31.10.2027"
                if p.annual
                else "01.09.2026 – 30.09.2026"
                if _ended(p)
                else "01.11.2026 – 30.11.2026"
            )
            rows.append(
                [
                    f"RE-{number}",
                    "01.11.2026",
                    f"K{p.client.code}",
                    p.client.psa_name,
                    pos,
                    p.text,
                    num(Fraction(p.qty), 2, ","),
                    unit,
                    num(p.unit, pl, ",", "."),
                    num(Fraction(p.discount), 0, ","),
                    num(net, pl, ",", "."),
                    "19 %",
                    num(net * Fraction(119, 100), pl, ",", "."),
                    scen.currency,
                    "storniert" if status == "void" else rng.choice(("offen", "bezahlt")),
                    span,
                ]
            )
            rowmap[i] = len(rows)
    name = "Rechnungspositionen_2026-11.csv"
    write_csv(folder / name, rows, "utf-8", ";", bom=True)
    return name, rowmap


def psa_freshbooks(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """FreshBooks invoice details: client on group rows, multi-line descriptions, void invoices, totals."""
    rows: Rows = [
        ["Invoice Details"],
        [f"Nov 1, 2026 - Nov 30, 2026 · All amounts in {scen.currency}"],
        [],
        [
            "Client",
            "Invoice #",
            "Date",
            "Status",
            "Item",
            "Description",
            "Rate",
            "Qty",
            "Line Total",
        ],
    ]
    rowmap: dict[int, int] = {}
    current = prev = ""
    subtotal = Fraction(0)
    for number, status, idx in _invoices(scen, ended_is_void=True):
        client = scen.psa[idx[0]].client
        if client.canonical != current:
            if current:
                rows.append([f"Total for {prev}", "", "", "", "", "", "", "", fnum(subtotal, scen)])
            rows.append([client.psa_name])
            current, prev, subtotal = client.canonical, client.psa_name, Fraction(0)
        for i in idx:
            p = scen.psa[i]
            amount = p.net * p.qty
            if status != "void":
                subtotal += amount
            desc = (
                "Annual plan (12 months)\nRenews 1 Nov 2027"
                if p.annual
                else "Ended Sep 30, 2026"
                if _ended(p)
                else ("Per user, per month\nNov 2026" if p.role == "licence" else "Services")
            )
            rows.append(
                [
                    "",
                    f"{number:0>7}",
                    "11/01/2026",
                    "void" if status == "void" else rng.choice(("paid", "sent")),
                    p.text,
                    desc,
                    fnum(p.net, scen),
                    p.qty,
                    fnum(amount, scen),
                ]
            )
            rowmap[i] = len(rows)
    if current:
        rows.append([f"Total for {prev}", "", "", "", "", "", "", "", fnum(subtotal, scen)])
    name = "invoice_details.xlsx"
    write_xlsx(folder / name, [("Invoice Details", rows)])
    return name, rowmap


def psa_gorelo(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """Gorelo recurring items: quantities with units ('14 users'), Item Type, Billing Cycle, Cancelled status."""
    pl = places(scen)
    rows: Rows = [
        [
            "Client",
            "Contract",
            "Item",
            "Item Type",
            "Quantity",
            "Unit Price",
            "Total",
            "Billing Cycle",
            "Start Date",
            "End Date",
            "Status",
            "Currency",
        ]
    ]
    rowmap: dict[int, int] = {}
    for i, p in enumerate(scen.psa):
        service = p.role == "service"
        unit = (
            "hrs"
            if service and "hour" in p.text.lower()
            else ("devices" if service else ("user" if p.qty == 1 else "users"))
        )
        cancelled = p.role == "cancelled"
        end = "2026-09-30" if cancelled else "2027-10-31" if p.annual else ""
        rows.append(
            [
                p.client.psa_name,
                "Managed Agreement" if rng.random() < 0.7 else "Licences",
                p.text,
                "Service" if service else "Product",
                f"{p.qty} {unit}",
                num(p.net, pl),
                num(p.net * p.qty, pl),
                "Annually" if p.annual else "Monthly",
                "2026-11-01" if p.annual else "2025-06-01",
                end,
                "Cancelled" if cancelled else "Active",
                scen.currency,
            ]
        )
        rowmap[i] = len(rows)
    name = "gorelo_recurring_items.csv"
    write_csv(folder / name, rows, "utf-8", ",")
    return name, rowmap


def psa_superops(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """SuperOps contract billing items: client name in capitals, Yearly frequency, Terminated contracts,
    a 'Taxable' column, quantity '12.00', amount written with the currency code."""
    pl = places(scen)
    rows: Rows = [
        [
            "CLIENT NAME",
            "CONTRACT",
            "SERVICE ITEM",
            "DESCRIPTION",
            "QUANTITY",
            "RATE",
            "AMOUNT",
            "FREQUENCY",
            "CONTRACT STATUS",
            "TAXABLE",
        ]
    ]
    rowmap: dict[int, int] = {}
    for i, p in enumerate(scen.psa):
        service = p.role == "service"
        status = "Terminated" if p.role == "cancelled" else "Active"
        rows.append(
            [
                p.client.psa_name,
                f"CTR-{p.client.code}",
                p.text,
                "Service"
                if service
                else ("Licence (yearly in advance)" if p.annual else "Licence"),
                f"{p.qty}.00",
                num(p.net, pl, ".", ","),
                f"{scen.currency} {num(p.net * p.qty, pl, '.', ',')}",
                "Yearly" if p.annual else "Monthly",
                status,
                "Yes",
            ]
        )
        rowmap[i] = len(rows)
    name = "superops_contract_items.csv"
    write_csv(folder / name, rows, "utf-8", ",")
    return name, rowmap


def psa_halopsa_fr(scen: Scenario, folder: Path, rng: random.Random) -> tuple[str, dict[int, int]]:
    """HaloPSA recurring-invoice report in French (xlsx): title rows, client and site columns,
    short and long descriptions (the long one with Halo's $-tokens), quantities '12,00' as text,
    money '1 234,56' as text, Fréquence Mensuelle/Annuelle, Statut Annulée."""
    pl = places(scen)
    rows: Rows = [
        ["Rapport : Lignes de factures récurrentes"],
        ["Généré le 01/12/2026 08:00"],
        [],
        [
            "Client",
            "Site",
            "Facture récurrente",
            "Article",
            "Description longue",
            "Quantité",
            "Prix unitaire HT",
            "Montant HT",
            "Fréquence",
            "Statut",
            "Devise",
        ],
    ]
    rowmap: dict[int, int] = {}
    for i, p in enumerate(scen.psa):
        service = p.role == "service"
        long = (
            "Prestation"
            if service
            else (
                "Licence $MONTHNAME $YEAR"
                if not p.annual
                else "Licence annuelle $STARTDATE - $ENDDATE"
            )
        )
        rows.append(
            [
                p.client.psa_name,
                "Site principal",
                f"RI-{p.client.code}",
                p.text,
                long,
                num(Fraction(p.qty), 2, ","),
                num(p.net, pl, ",", "\u00a0"),
                num(p.net * p.qty, pl, ",", "\u00a0"),
                "Annuelle" if p.annual else "Mensuelle",
                "Annulée" if p.role == "cancelled" else "Active",
                scen.currency,
            ]
        )
        rowmap[i] = len(rows)
    name = "Lignes_factures_recurrentes.xlsx"
    write_xlsx(folder / name, [("Rapport", rows)])
    return name, rowmap


PSAS: dict[str, Callable[..., tuple[str, dict[int, int]]]] = {
    "zoho_books": psa_zoho,
    "netsuite_saved_search": psa_netsuite,
    "sage50_uk": psa_sage50,
    "business_central": psa_business_central,
    "exact_online_nl": psa_exact,
    "lexoffice_de": psa_lexoffice,
    "freshbooks": psa_freshbooks,
    "gorelo": psa_gorelo,
    "superops": psa_superops,
    "halopsa_fr": psa_halopsa_fr,
}
