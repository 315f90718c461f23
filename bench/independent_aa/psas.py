"""The eight PSA / accounting exports (what the MSP bills)."""

from __future__ import annotations

from .io import Sheet, num, write_csv, write_xlsx

GENERIC = {"user": "User licence", "device": "Per device subscription"}
CATEGORY_MS = "Microsoft Licences"


def _order(case):
    byid = {c["id"]: c for c in case.clients}
    ls = list(case.plines)
    ls.sort(key=lambda ln: (byid[ln.cid]["pname"].lower(), ln.role == "service"))
    return byid, ls


def _ext(ln):
    return ln.price * ln.qty


def _us(d):  # 01/10/2026 -> 10/01/2026
    dd, mm, yy = d.split("/")
    return f"{mm}/{dd}/{yy}"


def cw_additions_bill_flag_us_xlsx(case, folder, rng):
    byid, ls = _order(case)
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
            "Cost",
            "Bill",
            "Effective",
            "Cancelled",
            "Addition Status",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        pid = "CLOUD-LIC" if ln.key else "MSP-SVC"
        ln.row = sh.add(
            [
                c["pname"],
                f"{c['pname'][:20]} - Managed",
                "Managed Services",
                pid,
                ln.text,
                ln.qty,
                0,
                ln.price,
                _ext(ln),
                None,
                "Billable",
                _us(ln.start),
                "",
                "Active",
            ]
        )
    path = folder / "agreement_additions_export.xlsx"
    write_xlsx(path, [sh])
    return path.name, sh.name


def cw_invoice_lines_gb_csv(case, folder, rng):
    byid, ls = _order(case)
    sh = Sheet()
    sh.add(
        [
            "Invoice Number",
            "Invoice Date",
            "Company",
            "Site",
            "Agreement",
            "Product ID",
            "Description",
            "Qty",
            "Unit Price",
            "Ext. Price",
            "Tax Code",
        ]
    )
    inv = {}
    for ln in ls:
        c = byid[ln.cid]
        n = inv.setdefault(ln.cid, 24100 + len(inv))
        ln.row = sh.add(
            [
                n,
                "01/11/2026",
                c["pname"],
                "Main",
                "Managed IT",
                "LICENCE" if ln.key else "SERVICE",
                ln.text,
                ln.qty,
                num(ln.price),
                num(_ext(ln)),
                "S20",
            ]
        )
    path = folder / "cw_invoices_Nov2026.csv"
    write_csv(path, sh, encoding="utf-8-sig")
    return path.name, None


def autotask_billing_items_au_csv(case, folder, rng):
    byid, ls = _order(case)
    sh = Sheet()
    sh.add(
        [
            "Account Name",
            "Contract Name",
            "Item Type",
            "Item Name",
            "Item Date",
            "Units",
            "Rate",
            "Extended Price",
            "Posted",
        ]
    )
    total = 0
    for ln in ls:
        c = byid[ln.cid]
        it = "Recurring Service" if ln.key else ("Contract Charge" if ln.price < 0 else "Labour")
        total += _ext(ln)
        ln.row = sh.add(
            [
                c["pname"],
                "Recurring Services 2026",
                it,
                ln.text,
                ln.start,
                ln.qty,
                num(ln.price),
                num(_ext(ln)),
                "No",
            ]
        )
    sh.add(["Total", "", "", "", "", "", "", num(total), ""])
    path = folder / "billing_items_approve_post.csv"
    write_csv(path, sh)
    return path.name, None


def halopsa_invoice_lines_de_semicolon_csv(case, folder, rng):
    byid, ls = _order(case)
    sh = Sheet()
    sh.add(
        [
            "Kunde",
            "Rechnungsnummer",
            "Rechnungsdatum",
            "Artikel",
            "Beschreibung",
            "Menge",
            "Einzelpreis",
            "Nettobetrag",
            "Steuer",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        d = ln.start.replace("/", ".")
        ln.row = sh.add(
            [
                c["pname"],
                f"RE-{20260000 + ln.cid}",
                d,
                "Lizenz" if ln.key else "Dienstleistung",
                ln.text,
                ln.qty,
                num(ln.price, ",", "."),
                num(_ext(ln), ",", "."),
                "19%",
            ]
        )
    path = folder / "halo_rechnungspositionen_2026-11.csv"
    write_csv(path, sh, delimiter=";", encoding="utf-8-sig")
    return path.name, None


def syncro_invoice_items_xlsx(case, folder, rng):
    from .catalog import BY_KEY

    byid, ls = _order(case)
    sh = Sheet("Line Items")
    sh.add(
        [
            "Invoice #",
            "Date",
            "Customer",
            "Item",
            "Description",
            "Quantity",
            "Price",
            "Line Total",
            "Taxable",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        desc = GENERIC[BY_KEY[ln.key].unit] if ln.key else "Service"
        ln.row = sh.add(
            [
                3300 + ln.cid,
                "2026-11-01",
                c["pname"],
                ln.text,
                desc,
                ln.qty,
                ln.price,
                _ext(ln),
                "No",
            ]
        )
    path = folder / "syncro_invoice_line_items.xlsx"
    write_xlsx(path, [sh])
    return path.name, sh.name


def kaseya_bms_recurring_gb_csv(case, folder, rng):
    byid, ls = _order(case)
    sh = Sheet()
    sh.add(
        [
            "Account Name",
            "Contract Name",
            "Service Name",
            "Service Description",
            "Billing Frequency",
            "Quantity",
            "Unit Price",
            "Total Price",
            "Start Date",
            "End Date",
            "Status",
        ]
    )
    for ln in ls:
        c = byid[ln.cid]
        sh_desc = "Per user per month" if ln.key else "Service"
        ln.row = sh.add(
            [
                c["pname"],
                "MSA 2026",
                ln.text,
                sh_desc,
                "Monthly",
                ln.qty,
                num(ln.price),
                num(_ext(ln)),
                ln.start if ln.role == "not_billed" else "01/07/2025",
                ln.end if ln.role == "not_billed" else "",
                "Active",
            ]
        )
    path = folder / "bms_recurring_services.csv"
    write_csv(path, sh)
    return path.name, None


def _category(ln):
    from .catalog import BY_KEY

    if not ln.key:
        return "Services"
    p = BY_KEY[ln.key]
    if p.maker == "Microsoft":
        return CATEGORY_MS
    if p.key.startswith(("acr", "datto", "dbx")):
        return "Backup & Storage"
    if p.key.startswith(("s1", "hun", "duo", "kb4", "keeper", "bw", "1p")):
        return "Security Subscriptions"
    return "Software Subscriptions"


def xero_sales_by_item_nz_xlsx(case, folder, rng):
    byid, ls = _order(case)
    sh = Sheet("Sales by Item")
    sh.add(["Sales by Item"])
    sh.add(["Cloudwise IT Services Limited"])
    sh.add(["For the period 1 November 2026 to 30 November 2026"])
    sh.add([])
    sh.add(["Date", "Invoice Number", "Contact", "Description", "Quantity", "Unit Price", "Total"])
    cats = {}
    for ln in ls:
        cats.setdefault(_category(ln), []).append(ln)
    for cat in sorted(cats):
        sh.add([cat])
        tot = 0
        for ln in cats[cat]:
            c = byid[ln.cid]
            ln.row = sh.add(
                [
                    "1 Nov 2026",
                    f"INV-{5000 + ln.cid}",
                    c["pname"],
                    ln.text,
                    ln.qty,
                    ln.price,
                    _ext(ln),
                ]
            )
            tot += _ext(ln)
        sh.add([f"Total {cat}", "", "", "", "", "", tot])
    path = folder / "Sales_by_Item_Nov2026.xlsx"
    write_xlsx(path, [sh])
    return path.name, sh.name


def qbo_product_service_detail_au_xlsx(case, folder, rng):
    byid, ls = _order(case)
    sh = Sheet("Sales by Product_Service Detail")
    sh.add(["Cloudwise IT Pty Ltd"])
    sh.add(["Sales by Product/Service Detail"])
    sh.add(["November 2026"])
    sh.add([])
    sh.add(
        [
            "",
            "Date",
            "Transaction Type",
            "No.",
            "Customer",
            "Memo/Description",
            "Qty",
            "Sales Price",
            "Amount",
            "Balance",
        ]
    )
    cats = {}
    for ln in ls:
        cats.setdefault(_category(ln), []).append(ln)
    grand = 0
    for cat in sorted(cats):
        sh.add([cat])
        bal = 0
        for ln in cats[cat]:
            c = byid[ln.cid]
            bal += _ext(ln)
            ln.row = sh.add(
                [
                    "",
                    "01/11/2026",
                    "Invoice",
                    7100 + ln.cid,
                    c["pname"],
                    ln.text,
                    ln.qty,
                    ln.price,
                    _ext(ln),
                    bal,
                ]
            )
        sh.add([f"Total for {cat}", "", "", "", "", "", "", "", bal])
        grand += bal
    sh.add(["TOTAL", "", "", "", "", "", "", "", grand])
    sh.add([])
    sh.add(["Accrual basis Tuesday, 1 December 2026 09:14 AM GMT+11:00"])
    path = folder / "Sales_by_Product_Service_Detail.xlsx"
    write_xlsx(path, [sh])
    return path.name, sh.name


PSAS = {
    "cw_additions_bill_flag_us_xlsx": cw_additions_bill_flag_us_xlsx,
    "cw_invoice_lines_gb_csv": cw_invoice_lines_gb_csv,
    "autotask_billing_items_au_csv": autotask_billing_items_au_csv,
    "halopsa_invoice_lines_de_semicolon_csv": halopsa_invoice_lines_de_semicolon_csv,
    "syncro_invoice_items_xlsx": syncro_invoice_items_xlsx,
    "kaseya_bms_recurring_gb_csv": kaseya_bms_recurring_gb_csv,
    "xero_sales_by_item_nz_xlsx": xero_sales_by_item_nz_xlsx,
    "qbo_product_service_detail_au_xlsx": qbo_product_service_detail_au_xlsx,
}
