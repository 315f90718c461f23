"""PSA and accounting exports of set U (what the MSP bills)."""

from __future__ import annotations

from decimal import Decimal

from .catalog import BY_KEY
from .io import Sheet, num_comma, num_us, write_csv, write_xlsx
from .scenario import dec2


def grouped(case):
    by = {}
    for ln in case.plines:
        by.setdefault(ln.cid, []).append(ln)
    return [
        (cid, by[cid])
        for cid in sorted(by, key=lambda i: (case.clients[i]["canonical"].lower(), i))
    ]


def client_of(ln):
    return "" if ln.blank_name else ln.out_client


def generic_item(ln):
    if ln.product is None:
        return (
            "Labour"
            if any(w in ln.text for w in ("hour", "labour", "project", "workshop", "block"))
            else "Managed Services"
        )
    return "Microsoft Licences" if BY_KEY[ln.product].ms else "Third-party Software"


# 1 ------------------------------------------------------------------ ConnectWise cross-agreement additions (saved view)
def cw_additions(case, folder, rng):
    cols = [
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
        "Effective",
        "Cancelled",
        "Addition Status",
        "Bill",
        "Agreement Status",
    ]
    sh = Sheet("Agreement Additions")
    sh.add(cols)
    for cid, lines in grouped(case):
        for ln in lines:
            pid = {
                "Microsoft Licences": "MS-CSP-LIC",
                "Third-party Software": "3P-SUB",
                "Labour": "LABOR-REM",
                "Managed Services": "MSP-MANAGED",
            }[generic_item(ln)]
            canc = ln.role == "cancelled"
            ln.row = sh.add(
                [
                    ln.out_client,
                    "Managed IT - Monthly",
                    "Managed Services",
                    pid,
                    ln.out_text,
                    ln.qty,
                    ln.less,
                    ln.price,
                    dec2(ln.price * ln.billed_qty),
                    "",
                    "01/03/2026",
                    "09/30/2026" if canc else "",
                    "Cancelled" if canc else "Active",
                    "Billable",
                    "Active",
                ]
            )
    write_xlsx(folder / "AgreementAdditions_export.xlsx", [sh])
    return "AgreementAdditions_export.xlsx", "Agreement Additions"


# 2 ------------------------------------------------------------------ Autotask contract services (account id lookup, adjusted price, totals row)
def autotask(case, folder, rng):
    cols = [
        "Contract Name",
        "Account ID",
        "Account Name",
        "Service Name",
        "Invoice Description",
        "Units",
        "Unit Price",
        "Adjusted Price",
        "Unit Cost",
        "Period Type",
        "Start Date",
        "End Date",
    ]
    sh = Sheet()
    sh.add(cols)
    tot = Decimal(0)
    for cid, lines in grouped(case):
        for ln in lines:
            adj = dec2(ln.price * (1 - ln.discount / 100))
            ln.price, ln.discount = ln.price, Decimal(0)
            ln.adjusted = adj
            ended = ln.role == "ended"
            ln.row = sh.add(
                [
                    "Managed Services Agreement 2026",
                    29680000 + cid,
                    client_of(ln),
                    generic_item(ln),
                    ln.out_text,
                    ln.qty,
                    f"{ln.price:.2f}",
                    f"{adj:.2f}",
                    "",
                    "Yearly" if ln.period == "annual" else "Monthly",
                    "03/01/2026",
                    "09/30/2026" if ended else "02/28/2027",
                ]
            )
            if not ended:
                tot += adj * ln.qty
    sh.add(["Total", "", "", "", "", "", "", f"{tot:.2f}", "", "", "", ""])
    write_csv(folder / "ContractServices.csv", sh)
    return "ContractServices.csv", None


# 3 ------------------------------------------------------------------ HaloPSA printed invoice register
def halo_register(case, folder, rng):
    sh = Sheet("Invoice Register")
    hdr = ["", "Item", "Qty", "Unit Price", "Net"]
    page = [0]

    def page_header():
        page[0] += 1
        sh.add(
            ["Invoice Register - Recurring invoices - November 2026", "", "", "", f"Page {page[0]}"]
        )
        sh.add(hdr)

    page_header()
    inv = 24001
    for cid, lines in grouped(case):
        if len(sh.rows) > 45 * page[0]:
            page_header()
        sh.add([f"INV-{inv}", case.clients[cid]["psa_name"], "01/11/2026", "", ""])
        inv += 1
        net = Decimal(0)
        for ln in lines:
            ln.row = sh.add(["", "    " + ln.out_text, ln.qty, ln.price, dec2(ln.price * ln.qty)])
            net += dec2(ln.price * ln.qty)
        sh.add(["", "Subtotal", "", "", net])
        sh.add(["", "VAT 20%", "", "", dec2(net * Decimal("0.2"))])
        sh.add(["", "Invoice total", "", "", dec2(net * Decimal("1.2"))])
    write_xlsx(folder / "Halo_Invoice_Register_Nov2026.xlsx", [sh])
    return "Halo_Invoice_Register_Nov2026.xlsx", "Invoice Register"


# 4 ------------------------------------------------------------------ Syncro recurring schedules (cents, name vs description, paused)
def syncro(case, folder, rng):
    cols = [
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
    ]
    sh = Sheet()
    sh.add(cols)
    for cid, lines in grouped(case):
        for ln in lines:
            generic = (
                ""
                if ln.product is None
                else rng.choice(["User licence", "Cloud subscription", "Per user", "", "Licence"])
            )
            ln.row = sh.add(
                [
                    ln.out_client,
                    "Monthly Managed" if ln.period != "annual" else "Annual renewals",
                    "Annually" if ln.period == "annual" else "Monthly",
                    "true" if ln.role == "paused" else "false",
                    "2026-12-01",
                    ln.out_text,
                    generic,
                    ln.qty,
                    int(ln.price * 100),
                    "",
                ]
            )
    write_csv(folder / "syncro_schedule_lines.csv", sh)
    return "syncro_schedule_lines.csv", None


# 5 ------------------------------------------------------------------ Kaseya BMS recurring services
def kaseya(case, folder, rng):
    cols = [
        "Account",
        "Contract",
        "Service",
        "Description",
        "Quantity",
        "Rate",
        "Amount",
        "Frequency",
        "Status",
    ]
    sh = Sheet("Recurring Services")
    sh.add(["Kaseya BMS - Recurring Services"])
    sh.add(["Run date: 2026-11-02"])
    sh.add(cols)
    for cid, lines in grouped(case):
        for ln in lines:
            ln.row = sh.add(
                [
                    ln.out_client,
                    "MSA-2026",
                    generic_item(ln),
                    ln.out_text,
                    ln.qty,
                    ln.price,
                    dec2(ln.price * ln.qty),
                    "Annually" if ln.period == "annual" else "Monthly",
                    "Inactive" if ln.role == "cancelled" else "Active",
                ]
            )
    write_xlsx(folder / "BMS_RecurringServices.xlsx", [sh])
    return "BMS_RecurringServices.xlsx", "Recurring Services"


# 6 ------------------------------------------------------------------ QuickBooks Online: Sales by Customer Detail (group rows)
def qbo(case, folder, rng):
    sh = Sheet()
    sh.add(["Bright Circuit IT LLC"])
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
    grand = Decimal(0)
    num = 5100
    for cid, lines in grouped(case):
        sh.add([case.clients[cid]["psa_name"]])
        bal = Decimal(0)
        for ln in lines:
            amt = dec2(ln.price * ln.qty)
            bal += amt
            ln.row = sh.add(
                [
                    "",
                    "11/01/2026",
                    "Invoice",
                    str(num),
                    generic_item(ln),
                    ln.out_text,
                    str(ln.qty),
                    num_us(ln.price),
                    num_us(amt),
                    num_us(bal),
                ]
            )
        num += 1
        sh.add(
            [
                f"Total for {case.clients[cid]['psa_name']}",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                f"${num_us(bal)}",
                "",
            ]
        )
        grand += bal
    sh.add(["TOTAL", "", "", "", "", "", "", "", f"${num_us(grand)}", ""])
    sh.add([])
    sh.add(["Tuesday, December 01, 2026 09:14 AM GMT-05:00"])
    write_csv(folder / "Sales_by_Customer_Detail.csv", sh)
    return "Sales_by_Customer_Detail.csv", None


# 7 ------------------------------------------------------------------ Xero invoice lines (discount %, VOIDED)
def xero(case, folder, rng):
    cols = [
        "ContactName",
        "InvoiceNumber",
        "Reference",
        "InvoiceDate",
        "DueDate",
        "InventoryItemCode",
        "Description",
        "Quantity",
        "UnitAmount",
        "Discount",
        "LineAmount",
        "AccountCode",
        "TaxType",
        "Currency",
        "Status",
    ]
    sh = Sheet("Invoices")
    sh.add(cols)
    n = 7001
    for cid, lines in grouped(case):
        for ln in lines:
            st = (
                "VOIDED"
                if ln.role == "voided"
                else rng.choice(["AUTHORISED", "PAID", "AUTHORISED"])
            )
            code = {
                "Microsoft Licences": "LIC-MS",
                "Third-party Software": "LIC-3P",
                "Labour": "LAB",
                "Managed Services": "MSP",
            }[generic_item(ln)]
            ln.row = sh.add(
                [
                    ln.out_client,
                    f"INV-{n}",
                    "Nov-26 recurring",
                    "01/11/2026",
                    "20/11/2026",
                    code,
                    ln.out_text,
                    ln.qty,
                    ln.price,
                    ln.discount if ln.discount else "",
                    dec2(ln.price * ln.qty * (1 - ln.discount / 100)),
                    "200",
                    "GST on Income",
                    case.currency,
                    st,
                ]
            )
        n += 1
    write_xlsx(folder / "Xero_Invoices_Nov2026.xlsx", [sh])
    return "Xero_Invoices_Nov2026.xlsx", "Invoices"


# 8 ------------------------------------------------------------------ Visma eAccounting (Swedish headers, ";", decimal comma, Makulerad)
def visma(case, folder, rng):
    cols = [
        "Kundnr",
        "Kundnamn",
        "Fakturanr",
        "Fakturadatum",
        "Artikelnr",
        "Benämning",
        "Antal",
        "Enhet",
        "À-pris",
        "Rabatt %",
        "Belopp",
        "Status",
    ]
    sh = Sheet()
    sh.add(cols)
    n = 1201
    for cid, lines in grouped(case):
        for ln in lines:
            st = "Makulerad" if ln.role == "voided" else "Bokförd"
            ln.row = sh.add(
                [
                    f"{1000 + cid}",
                    ln.out_client,
                    str(n),
                    "2026-11-01",
                    generic_item(ln)[:3].upper() + "-01",
                    ln.out_text,
                    str(ln.qty),
                    "st" if ln.product is None else "anv/mån",
                    num_comma(ln.price, " "),
                    num_comma(ln.discount, "") if ln.discount else "",
                    num_comma(dec2(ln.price * ln.qty * (1 - ln.discount / 100)), " "),
                    st,
                ]
            )
        n += 1
    write_csv(folder / "fakturarader_2026-11.csv", sh, delimiter=";", encoding="utf-8-sig")
    return "fakturarader_2026-11.csv", None


PSAS = {
    "connectwise_additions_xlsx": (cw_additions, dict(less=True, cancelled="cancelled")),
    "autotask_contract_services_csv": (
        autotask,
        dict(annual=True, discount=True, cancelled="ended", id_lookup=True),
    ),
    "halopsa_invoice_register_xlsx": (halo_register, dict()),
    "syncro_schedules_csv": (syncro, dict(annual=True, cancelled="paused")),
    "kaseya_bms_recurring_xlsx": (kaseya, dict(annual=True, cancelled="cancelled")),
    "qbo_sales_by_customer_detail_csv": (qbo, dict()),
    "xero_invoices_xlsx": (xero, dict(discount=True, cancelled="voided")),
    "visma_eaccounting_se_csv": (visma, dict(discount=True, cancelled="voided")),
}
