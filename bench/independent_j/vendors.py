"""Vendor bills: eight layouts none of the other sets write, each with its own traps."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from itertools import groupby
from pathlib import Path
from typing import Any

from .catalogue import BY_NAME
from .scenario import END, START, Scenario, VendorSpec, VLine
from .writers import num, write_ods, write_text, write_xls, write_xlsx

Rows = list[list[Any]]


def slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", folded)[:24]


def serial(d: date) -> int:
    return (d - date(1899, 12, 30)).days


def _by_client(sc: Scenario) -> list[tuple[str, list[VLine]]]:
    return [(k, list(g)) for k, g in groupby(sc.vlines, key=lambda v: v.client)]


def _amount(v: VLine) -> Decimal:
    return v.unit * v.qty


def _cust_id(sc: Scenario, client: str) -> str:
    return next(c.code for c in sc.customers if c.name == client)


# 1 ------------------------------------------------------------ Sophos MSP Flex usage (CSV)


def sophos_msp_usage(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    rows: Rows = [
        ["Sophos MSP Flex - Monthly Usage Report"],
        ["Partner:", "Northbridge IT Solutions Ltd", "Partner ID:", "SPH-448120"],
        ["Usage period:", "01 Nov 2026 - 30 Nov 2026", "Currency:", sc.currency],
        [],
        [
            "Customer Name",
            "Customer ID",
            "Product",
            "SKU",
            "Licensing Model",
            "Avg. Daily Usage",
            "Peak Usage",
            "Billable Quantity",
            "MSRP",
            "Partner Price",
            "Partner Amount",
            "Notes",
        ],
    ]
    where: dict[int, int] = {}
    total = Decimal(0)
    for client, lines in _by_client(sc):
        cid = f"SC-{_cust_id(sc, client)[1:]}"
        sub = Decimal(0)
        for v in lines:
            model = (
                "Term (12 months, billed upfront)" if v.billing == "annual" else "Flex (monthly)"
            )
            if v.role == "free":
                model = "Trial"
            elif v.role == "credit":
                model += " - Adjustment"
            q = v.qty
            avg = Decimal(q) - Decimal((v.id * 37) % 9) / 10 if q > 0 else Decimal(q)
            peak = q + (v.id % 3) if q > 0 else q
            note = {"credit": "Credit: usage correction", "free": "Trial - not billable"}.get(
                v.role, ""
            )
            rows.append(
                [
                    client,
                    cid,
                    v.product,
                    BY_NAME[v.product].sku if v.product in BY_NAME else "TRIAL",
                    model,
                    num(avg, 1),
                    peak,
                    q,
                    num(v.rrp),
                    num(v.unit),
                    num(_amount(v)),
                    note,
                ]
            )
            where[v.id] = len(rows)
            sub += _amount(v)
        rows.append(["", cid, f"Subtotal {client}", "", "", "", "", "", "", "", num(sub), ""])
        total += sub
    rows.append(["TOTAL", "", "", "", "", "", "", "", "", "", num(total), ""])
    write_text(folder / "sophos_usage.csv", rows)
    return "sophos_usage.csv", where


# 2 ------------------------------------------------------------ Atea Finland (xlsx, 3 sheets)


def atea_fi_xlsx(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    head = [
        "Asiakas",
        "Y-tunnus",
        "Tuote",
        "Tuotekoodi",
        "Laskutusjakso",
        "Alkupvm",
        "Määrä",
        "Yksikköhinta €",
        "Ovh-hinta €",
        "Yhteensä €",
        "Alv %",
        "Huomautus",
    ]
    rows: Rows = [
        ["Atea Finland Oy – Pilvipalvelut, laskutuskausi 11/2026"],
        ["Lasku 7004512 · Eräpäivä 14.12.2026 · Summat ilman arvonlisäveroa"],
        [],
        head,
    ]
    where: dict[int, int] = {}
    summary: Rows = [["Yhteenveto 11/2026"], [], ["Asiakas", "Rivejä", "Yhteensä €"]]
    for client, lines in _by_client(sc):
        ytunnus = f"{2000000 + sum(map(ord, client)) * 37 % 999999}-{len(client) % 10}"
        for v in lines:
            product = v.product + (
                " (NCE)" if v.product in BY_NAME and BY_NAME[v.product].brand == "microsoft" else ""
            )
            rows.append(
                [
                    client,
                    ytunnus,
                    product,
                    BY_NAME[v.product].sku if v.product in BY_NAME else "",
                    "Vuosi (ennakkoon)" if v.billing == "annual" else "Kuukausi",
                    serial(v.start),
                    v.qty,
                    num(v.unit, 2, ","),
                    v.rrp,
                    _amount(v),
                    Decimal("25.5"),
                    {"credit": "Hyvitys", "free": "Maksuton kokeilu"}.get(v.role, ""),
                ]
            )
            where[v.id] = len(rows)
        summary.append([client, len(lines), sum((_amount(v) for v in lines), Decimal(0))])
    info: Rows = [
        ["Atea Finland Oy"],
        ["Y-tunnus 0919328-3"],
        ["Laskutuskausi", "1.11.2026–30.11.2026"],
    ]
    write_xlsx(
        folder / "atea_laskuerittely.xlsx",
        [
            {"name": "Yhteenveto", "rows": summary, "formats": {2: "#,##0.00"}},
            {
                "name": "Laskurivit",
                "rows": rows,
                "merges": ["A1:L1"],
                "hidden": ["I"],
                "formats": {8: "#,##0.00", 9: "#,##0.00"},
                "bold_rows": [4],
            },
            {"name": "Tiedot", "rows": info},
        ],
    )
    return "atea_laskuerittely.xlsx", where


# 3 ------------------------------------------------------------ Intcomex (LatAm, Spanish)


def _usd_es(value: Decimal) -> str:
    text = "$ " + num(abs(value), 2, ",", ".")
    return text + "-" if value < 0 else text


def intcomex_es(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    rows: Rows = [
        ["INTCOMEX - Reporte de Facturación Cloud"],
        ["Período: 01/11/2026 al 30/11/2026", "", "", "Moneda: USD"],
        [],
        [
            "Cliente",
            "RUT / NIT",
            "Producto",
            "Código",
            "Plan de facturación",
            "Fecha inicio",
            "Cantidad",
            "Precio lista",
            "Precio unitario",
            "Importe",
            "Observación",
        ],
    ]
    header = rows[-1]
    where: dict[int, int] = {}
    grand = Decimal(0)
    page = 1
    for client, lines in _by_client(sc):
        if len(rows) > 60 * page:  # the report's page breaks repeat the title and the header
            page += 1
            rows += [[f"Página {page}"], header]
        nit = f"{900000000 + sum(map(ord, client)) * 101 % 99999999}-{len(client) % 9}"
        sub = Decimal(0)
        for v in lines:
            plan = "Anual (pago anticipado)" if v.billing == "annual" else "Mensual"
            obs = {"credit": "Nota de crédito", "free": "Prueba gratuita"}.get(v.role, "")
            rows.append(
                [
                    client,
                    nit,
                    v.product,
                    BY_NAME[v.product].sku if v.product in BY_NAME else "",
                    plan,
                    v.start.strftime("%d/%m/%Y"),
                    v.qty,
                    _usd_es(v.rrp),
                    _usd_es(v.unit),
                    _usd_es(_amount(v)),
                    obs,
                ]
            )
            where[v.id] = len(rows)
            sub += _amount(v)
        rows.append([f"Subtotal {client}", "", "", "", "", "", "", "", "", _usd_es(sub), ""])
        grand += sub
    rows.append(["TOTAL GENERAL", "", "", "", "", "", "", "", "", _usd_es(grand), ""])
    write_text(folder / "intcomex_cloud_nov2026.csv", rows, delimiter=";")
    return "intcomex_cloud_nov2026.csv", where


# 4 ------------------------------------------------------------ Mindware (Gulf, AED, bilingual)


def _paren(value: Decimal) -> str | Decimal:
    return f"({num(-value, 2, '.', ',')})" if value < 0 else value


def mindware_aed_xlsx(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    head = [
        "Customer Name / اسم العميل",
        "Tenant Domain / النطاق",
        "Product Description / وصف المنتج",
        "Part Number / رقم القطعة",
        "Billing Cycle / دورة الفوترة",
        "Start Date / تاريخ البدء",
        "Qty / الكمية",
        "RRP (AED) / سعر التجزئة",
        "Unit Cost (AED) / تكلفة الوحدة",
        "Amount (AED) / المبلغ",
        "VAT 5% / ضريبة",
        "Total incl. VAT / الإجمالي",
    ]
    rows: Rows = [
        ["Mindware FZ LLC – Cloud Services Statement / كشف حساب الخدمات السحابية"],
        ["Period / الفترة: 01-Nov-2026 to 30-Nov-2026 — Currency / العملة: AED"],
        [],
        head,
    ]
    where: dict[int, int] = {}
    total = Decimal(0)
    for client, lines in _by_client(sc):
        for v in lines:
            amount = _amount(v)
            vat = (amount * Decimal("0.05")).quantize(Decimal("0.01"))
            cycle = {"annual": "Annual (upfront) / سنوي", "monthly": "Monthly / شهري"}[v.billing]
            if v.role == "free":
                cycle = "Trial / تجريبي"
            rows.append(
                [
                    client,
                    f"{slug(client)}.onmicrosoft.com",
                    v.product,
                    BY_NAME[v.product].sku if v.product in BY_NAME else "FREE",
                    cycle,
                    v.start,
                    v.qty,
                    v.rrp,
                    v.unit,
                    _paren(amount),
                    _paren(vat),
                    _paren(amount + vat),
                ]
            )
            where[v.id] = len(rows)
            total += amount
    rows += [
        [],
        ["", "", "Sub Total / المجموع الفرعي", "", "", "", "", "", "", total],
        [
            "",
            "",
            "VAT / ضريبة القيمة المضافة",
            "",
            "",
            "",
            "",
            "",
            "",
            (total * Decimal("0.05")).quantize(Decimal("0.01")),
        ],
    ]
    write_xlsx(
        folder / "mindware_statement.xlsx",
        [
            {
                "name": "Statement",
                "rows": rows,
                "merges": ["A1:L1", "A2:L2"],
                "hidden": ["H"],
                "formats": {7: "#,##0.00", 8: "#,##0.00", 9: "#,##0.00"},
                "date_format": "dd-mmm-yyyy",
                "bold_rows": [4],
            }
        ],
    )
    return "mindware_statement.xlsx", where


# 5 ------------------------------------------------------------ Chinese distributor (GB18030)

GLOSS = {
    "Microsoft 365 Business Basic": "商业基础版",
    "Microsoft 365 Business Standard": "商业标准版",
    "Microsoft 365 Business Premium": "商业高级版",
    "Microsoft 365 E3": "企业版 E3",
    "Microsoft 365 E5": "企业版 E5",
    "Office 365 E3": "企业版 E3",
    "Exchange Online (Plan 1)": "计划 1",
    "Exchange Online (Plan 2)": "计划 2",
    "Microsoft 365 Apps for Business": "商业应用版",
    "Visio Plan 2": "方案 2",
}


def _yuan(value: Decimal) -> str:
    return ("-" if value < 0 else "") + "¥" + num(abs(value), 2, ".", ",")


def cn_gb18030_csv(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    rows: Rows = [
        ["云服务月度账单"],
        ["账期：2026年11月01日 至 2026年11月30日", "币种：CNY"],
        [
            "客户名称",
            "客户编号",
            "产品名称",
            "产品编码",
            "计费周期",
            "开始日期",
            "数量",
            "建议零售价",
            "单价",
            "金额",
            "备注",
        ],
    ]
    where: dict[int, int] = {}
    for client, lines in _by_client(sc):
        for v in lines:
            gloss = GLOSS.get(v.product)
            product = f"{v.product}（{gloss}）" if gloss else v.product
            rows.append(
                [
                    client,
                    _cust_id(sc, client),
                    product,
                    BY_NAME[v.product].sku if v.product in BY_NAME else "",
                    "年付" if v.billing == "annual" else "月付",
                    f"{v.start.year}年{v.start.month:02d}月{v.start.day:02d}日",
                    v.qty,
                    _yuan(v.rrp),
                    _yuan(v.unit),
                    _yuan(_amount(v)),
                    {"credit": "退款（贷项）", "free": "免费试用"}.get(v.role, ""),
                ]
            )
            where[v.id] = len(rows)
    rows.append(
        [
            "合计",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            _yuan(sum((_amount(v) for v in sc.vlines), Decimal(0))),
            "",
        ]
    )
    write_text(folder / "账单_202611.csv", rows, encoding="gb18030", newline="\r\n")
    return "账单_202611.csv", where


# 6 ------------------------------------------------------------ Littlebit (CH): BOM, ;, CRLF in fields


def _chf(value: Decimal) -> str:
    return num(value, 2, ".", "'")


def littlebit_ch_csv(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    rows: Rows = [
        ["Littlebit Technology AG – Cloud-Abrechnung November 2026"],
        [
            "Kunde",
            "Kundennummer",
            "Artikelnummer",
            "Bezeichnung",
            "Abrechnung",
            "Menge",
            "UVP CHF",
            "Einzelpreis CHF",
            "Total CHF",
            "MWST-Satz",
        ],
    ]
    where: dict[int, int] = {}
    for client, lines in _by_client(sc):
        for v in lines:
            first = {"credit": "Gutschrift: ", "free": ""}.get(v.role, "") + v.product
            if v.role == "free":
                first += " (Testversion)"
            until = END if v.billing == "monthly" else date(2027, 10, 31)
            text = f"{first}\r\nLaufzeit {START:%d.%m.%Y} – {until:%d.%m.%Y}\r\nAbo-ID {v.sub}"
            rows.append(
                [
                    client,
                    _cust_id(sc, client),
                    BY_NAME[v.product].sku if v.product in BY_NAME else "",
                    text,
                    "jährlich" if v.billing == "annual" else "monatlich",
                    v.qty,
                    _chf(v.rrp),
                    _chf(v.unit),
                    _chf(_amount(v)),
                    "8.1%",
                ]
            )
            where[v.id] = len(rows)
    rows.append(
        [
            "Total exkl. MWST",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            _chf(sum((_amount(v) for v in sc.vlines), Decimal(0))),
            "",
        ]
    )
    write_text(folder / "littlebit_abrechnung.csv", rows, delimiter=";", bom=True, newline="\r\n")
    return "littlebit_abrechnung.csv", where


# 7 ------------------------------------------------------------ Rashi Peripherals (India, .xls)


def _inr(value: Decimal) -> str:
    return num(value, 2, ".", ",", lakh=True)


def rashi_in_xls(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    rows: Rows = [
        ["Rashi Peripherals Ltd. — Cloud Services Invoice Annexure"],
        ["Invoice No: RPL/CL/26-27/04412", "", "Period: Nov-2026", "", "GSTIN: 27AAACR1234F1Z5"],
        [],
        [
            "S.No",
            "Customer Name",
            "Customer GSTIN",
            "Product",
            "SKU",
            "HSN/SAC",
            "Billing",
            "Start Date",
            "Qty",
            "MRP",
            "Unit Price",
            "Taxable Value",
            "CGST 9%",
            "SGST 9%",
            "Total",
        ],
    ]
    where: dict[int, int] = {}
    n = 0
    for client, lines in _by_client(sc):
        gstin = f"27{slug(client)[:5].upper():X<5}{sum(map(ord, client)) % 9999:04d}A1Z{len(client) % 10}"
        for v in lines:
            n += 1
            amount = _amount(v)
            tax = (amount * Decimal("0.09")).quantize(Decimal("0.01"))
            billing = {"annual": "Annual Prepaid", "monthly": "Monthly"}[v.billing]
            if v.role == "free":
                billing = "Trial (No Charge)"
            if v.role == "credit":
                billing += " - Credit Note"
            rows.append(
                [
                    n,
                    client,
                    gstin,
                    v.product,
                    BY_NAME[v.product].sku if v.product in BY_NAME else "",
                    "997331",
                    billing,
                    serial(v.start),
                    v.qty,
                    v.rrp,
                    v.unit,
                    _inr(amount),
                    _inr(tax),
                    _inr(tax),
                    _inr(amount + 2 * tax),
                ]
            )
            where[v.id] = len(rows)
    total = sum((_amount(v) for v in sc.vlines), Decimal(0))
    rows.append(["", "", "", "Grand Total", "", "", "", "", "", "", "", _inr(total), "", "", ""])
    write_xls(folder / "rashi_cloud_annexure.xls", "Annexure", rows)
    return "rashi_cloud_annexure.xls", where


# 8 ------------------------------------------------------------ Hungarian bill (UTF-16 TSV, HUF)


def _ft(value: Decimal, cr: bool = False) -> str:
    text = num(abs(value), 0, ",", " ") + " Ft"
    if value < 0:
        return text + " CR" if cr else "-" + text
    return text


def hu_utf16_tsv(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    rows: Rows = [
        ["Felhőszolgáltatás elszámolás – 2026. november"],
        [
            "Ügyfél neve",
            "Adószám",
            "Termék megnevezése",
            "Cikkszám",
            "Számlázási gyakoriság",
            "Kezdő dátum",
            "Mennyiség",
            "Listaár",
            "Nettó egységár",
            "Nettó összeg",
            "ÁFA (27%)",
            "Bruttó összeg",
            "Megjegyzés",
        ],
    ]
    where: dict[int, int] = {}
    for client, lines in _by_client(sc):
        tax_no = f"{10000000 + sum(map(ord, client)) * 13 % 8999999}-2-{len(client) % 40 + 1:02d}"
        for v in lines:
            amount = _amount(v)
            vat = (amount * Decimal("0.27")).quantize(Decimal(1))
            rows.append(
                [
                    client,
                    tax_no,
                    v.product,
                    BY_NAME[v.product].sku if v.product in BY_NAME else "",
                    "éves" if v.billing == "annual" else "havi",
                    f"{v.start:%Y.%m.%d.}",
                    v.qty,
                    _ft(v.rrp),
                    _ft(v.unit),
                    _ft(amount, cr=True),
                    _ft(vat, cr=True),
                    _ft(amount + vat, cr=True),
                    {"credit": "jóváírás", "free": "próbaidőszak (díjmentes)"}.get(v.role, ""),
                ]
            )
            where[v.id] = len(rows)
    total = sum((_amount(v) for v in sc.vlines), Decimal(0))
    rows.append(["Összesen", "", "", "", "", "", "", "", "", _ft(total), "", "", ""])
    write_text(
        folder / "szamla_reszletezo.txt",
        rows,
        delimiter="\t",
        encoding="utf-16-le",
        bom=True,
        newline="\r\n",
    )
    return "szamla_reszletezo.txt", where


# 9 ------------------------------------------------------------ Google Workspace reseller (.ods)


def google_workspace_ods(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    """The reseller console's billing data opened in Google Sheets and downloaded as .ods: October's
    rows are still in the file (two months in one file); only November's are this bill."""
    head = [
        "Customer Name",
        "Customer Domain",
        "Customer ID",
        "Product",
        "SKU ID",
        "Plan",
        "Charge Type",
        "Usage Start",
        "Usage End",
        "Quantity",
        "List Price",
        "Unit Price",
        "Amount",
        "Currency",
        "Order Name",
    ]
    rows: Rows = [head]
    where: dict[int, int] = {}
    october = date(2026, 10, 1), date(2026, 10, 31)
    for client, lines in _by_client(sc):
        domain = f"{slug(client)[:18]}.com"
        cid = f"C0{sum(map(ord, client)) * 7919 % 10**7:07d}"
        for v in lines:
            if v.billing == "annual":
                plan = "Annual Plan (Yearly Payment)"
            else:
                plan = "Flexible Plan" if v.id % 2 else "Annual Plan (Monthly Payment)"
            charge = {"credit": "Credit", "free": "Free Trial"}.get(v.role, "Usage")
            sku = BY_NAME[v.product].sku if v.product in BY_NAME else "1010020028-TRIAL"
            if v.role == "licence" and v.billing == "monthly" and v.id % 5 < 3:
                q = max(1, v.qty + (v.id % 3) - 1)  # last month's seats, often not the same
                rows.append(
                    [
                        client,
                        domain,
                        cid,
                        v.product,
                        sku,
                        plan,
                        "Usage",
                        october[0],
                        october[1],
                        q,
                        v.rrp,
                        v.unit,
                        v.unit * q,
                        sc.currency,
                        f"Order {v.sub[:8]}",
                    ]
                )
            rows.append(
                [
                    client,
                    domain,
                    cid,
                    v.product,
                    sku,
                    plan,
                    charge,
                    START,
                    END,
                    v.qty,
                    v.rrp,
                    v.unit,
                    _amount(v),
                    sc.currency,
                    f"Order {v.sub[:8]}",
                ]
            )
            where[v.id] = len(rows)
    summary: Rows = [
        ["Month", "Amount"],
        ["2026-11", sum((_amount(v) for v in sc.vlines), Decimal(0))],
    ]
    write_ods(folder / "workspace_billing.ods", [("Billing data", rows), ("Summary", summary)])
    return "workspace_billing.ods", where


# 10 ----------------------------------------------------------- Israeli distributor (ILS, Hebrew)

RLM, LRM = "\u200f", "\u200e"


def _shekel(value: Decimal) -> str:
    """'‏₪ 1,234.50‎' with the bidi marks a Hebrew spreadsheet leaves around numbers."""
    text = f"₪ {num(abs(value), 2, '.', ',')}"
    return f"{RLM}{'-' if value < 0 else ''}{text}{LRM}"


def israel_ils_csv(sc: Scenario, folder: Path) -> tuple[str, dict[int, int]]:
    rows: Rows = [
        ["דוח חיוב שירותי ענן – נובמבר 2026"],
        [],
        [
            "שם לקוח",
            "ח.פ.",
            "מוצר",
            'מק"ט',
            "מחזור חיוב",
            "תאריך התחלה",
            "כמות",
            "מחיר מחירון",
            "מחיר ליחידה",
            'סה"כ',
            "הערות",
        ],
    ]
    where: dict[int, int] = {}
    for client, lines in _by_client(sc):
        company_no = f"51{sum(map(ord, client)) * 131 % 10**7:07d}"
        for v in lines:
            cycle = "שנתי" if v.billing == "annual" else "חודשי"
            note = {"credit": "זיכוי", "free": "תקופת ניסיון"}.get(v.role, "")
            rows.append(
                [
                    client,
                    company_no,
                    v.product,
                    BY_NAME[v.product].sku if v.product in BY_NAME else "",
                    cycle,
                    f"{v.start:%d/%m/%Y}",
                    f"{LRM}{v.qty}" if v.qty < 0 else v.qty,
                    _shekel(v.rrp),
                    _shekel(v.unit),
                    _shekel(_amount(v)),
                    note,
                ]
            )
            where[v.id] = len(rows)
    rows.append(
        [
            'סה"כ לתשלום',
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            _shekel(sum((_amount(v) for v in sc.vlines), Decimal(0))),
            "",
        ]
    )
    write_text(folder / "cloud_billing_il.csv", rows, bom=True)
    return "cloud_billing_il.csv", where


Renderer = Callable[[Scenario, Path], tuple[str, dict[int, int]]]

VENDORS: dict[str, tuple[VendorSpec, Renderer]] = {
    "sophos_msp_usage": (VendorSpec(("sophos",), "USD"), sophos_msp_usage),
    "atea_fi_xlsx": (VendorSpec(("microsoft",), "EUR"), atea_fi_xlsx),
    "intcomex_es": (VendorSpec(("microsoft", "adobe"), "USD"), intcomex_es),
    "mindware_aed_xlsx": (VendorSpec(("microsoft", "sophos"), "AED"), mindware_aed_xlsx),
    "cn_gb18030_csv": (VendorSpec(("microsoft",), "CNY"), cn_gb18030_csv),
    "littlebit_ch_csv": (VendorSpec(("microsoft", "keeper"), "CHF"), littlebit_ch_csv),
    "rashi_in_xls": (VendorSpec(("microsoft", "google"), "INR"), rashi_in_xls),
    "hu_utf16_tsv": (VendorSpec(("microsoft", "proofpoint"), "HUF"), hu_utf16_tsv),
    "google_workspace_ods": (VendorSpec(("google",), "USD"), google_workspace_ods),
    "israel_ils_csv": (VendorSpec(("microsoft", "adobe", "keeper"), "ILS"), israel_ils_csv),
}
