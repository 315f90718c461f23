"""The eight PSA / accounting formats of set Z (see README for the real report each imitates)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

from .catalog import BY_KEY
from .io import Sheet, dt, num, write_csv, write_xlsx

P0, P1 = date(2026, 11, 1), date(2026, 11, 30)
CENT = D("0.01")


def _grouped(case):
    order = sorted(
        {pl.cid for pl in case.plines},
        key=lambda cid: (next(pl.client_text for pl in case.plines if pl.cid == cid).lower(), cid),
    )
    by = {}
    for pl in case.plines:
        by.setdefault(pl.cid, []).append(pl)
    return [(cid, by[cid]) for cid in order]


def _ext(pl):
    return (pl.unit * pl.qty * (1 - pl.disc / 100)).quantize(CENT, ROUND_HALF_UP)


def _generic_id(pl):
    if pl.role == "service":
        return "SVC-" + pl.text.split()[0].upper()[:6]
    p = BY_KEY[pl.product]
    return "CSP-LICENSE" if p.ms else "3RD-PARTY-SAAS"


# ---------------- 1 ConnectWise additions, Less Included ----------------
def cw_additions_less_included_xlsx(case, folder, rng):
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
            "Agreement Status",
            "Cost",
            "Ext Cost",
        ]
    )
    for _cid, pls in _grouped(case):
        for pl in pls:
            shown = pl.qty + pl.included
            bill, canc, status = "Billable", "", "Active"
            if pl.state:
                canc, status = dt(date(2026, 10, rng.randint(1, 31)), "us"), "Cancelled"
            row = [
                pl.client_text,
                "Managed Services Agreement" if pl.role == "service" else "Cloud Licensing",
                "Recurring",
                _generic_id(pl),
                pl.text,
                shown,
                pl.included,
                pl.unit,
                pl.unit * pl.qty,
                bill,
                dt(date(2025, 1, 1), "us"),
                canc,
                status,
                "Active",
                "",
                "",
            ]
            sh.add(row, pl)
    name = "cw_agreement_additions.xlsx"
    write_xlsx(folder / name, [sh])
    return name, sh.name


# ---------------- 2 Autotask contract services with period types, totals row ----------------
def autotask_contract_svc_periods_csv(case, folder, rng):
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
    total = D(0)
    for _cid, pls in _grouped(case):
        for pl in pls:
            pt = {"month": "Monthly", "quarter": "Quarterly", "year": "Yearly"}[pl.period]
            adj = pl.unit * pl.qty
            total += adj
            row = [
                pl.client_text,
                "Recurring Services 2026",
                pl.text,
                pt,
                pl.qty,
                num(pl.unit, "plain"),
                num(adj, "plain"),
                "",
                "01/01/2026",
                "12/31/2026",
            ]
            sh.add(row, pl)
    sh.add(["Total", "", "", "", "", "", num(total, "plain"), "", "", ""])
    name = "autotask_contract_services.csv"
    write_csv(folder / name, sh)
    return name, None


# ---------------- 3 HaloPSA recurring invoice lines, title rows, $-tokens ----------------
def halopsa_recurring_gb_tokens_xlsx(case, folder, rng):
    sh = Sheet("Recurring Invoice Lines")
    sh.add(["Recurring Invoice Lines"])
    sh.add(["Generated 01/11/2026 06:00 by billing@demo-msp.co.uk"])
    sh.add([])
    sh.add(
        [
            "Client",
            "Invoice Ref",
            "item_shortdescription",
            "item_longdescription",
            "qty_order",
            "unit_price",
            "net_amount",
            "tax_code",
        ]
    )
    for cid, pls in _grouped(case):
        for pl in pls:
            long = rng.choice(
                ["$MONTHNAME $YEAR", "Period: $STARTDATE - $ENDDATE", "Licences for $MONTHNAME", ""]
            )
            row = [
                pl.client_text,
                f"RI-{1000 + cid}",
                pl.text,
                long,
                pl.qty,
                pl.unit,
                pl.unit * pl.qty,
                "20% (VAT on Income)",
            ]
            sh.add(row, pl)
    name = "halopsa_recurring_lines.xlsx"
    write_xlsx(folder / name, [sh])
    return name, sh.name


# ---------------- 4 Syncro schedule items, cents, paused ----------------
def syncro_schedule_items_cents_csv(case, folder, rng):
    sh = Sheet()
    sh.add(
        [
            "customer_business_then_name",
            "schedule_name",
            "frequency",
            "next_run",
            "paused",
            "name",
            "description",
            "quantity",
            "retail_cents",
            "cost_cents",
            "taxable",
        ]
    )
    for _cid, pls in _grouped(case):
        for pl in pls:
            freq = "Annually" if pl.period == "year" else "Monthly"
            paused = "true" if pl.state else "false"
            desc = (
                ""
                if pl.role == "service"
                else rng.choice(
                    ["User licence", "Cloud subscription", "Per user / month", "Licence"]
                )
            )
            row = [
                pl.client_text,
                "Paused - old schedule" if pl.state else "Monthly billing",
                freq,
                "2026-12-01",
                paused,
                pl.text,
                desc,
                pl.qty,
                int((pl.unit * 100).to_integral_value()),
                "",
                "false",
            ]
            sh.add(row, pl)
    name = "syncro_schedule_items.csv"
    write_csv(folder / name, sh)
    return name, None


# ---------------- 5 Kaseya BMS recurring services, end dates ----------------
def kaseya_bms_services_enddate_xlsx(case, folder, rng):
    sh = Sheet("Recurring Services")
    sh.add(
        [
            "Account Name",
            "Contract",
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
    for _cid, pls in _grouped(case):
        for pl in pls:
            bf = {"month": "Monthly", "quarter": "Quarterly", "year": "Annually"}[pl.period]
            end = dt(date(2026, 10, 31), "us") if pl.state else ""
            row = [
                pl.client_text,
                "MSA 2026",
                pl.text,
                ""
                if pl.role == "service"
                else rng.choice(["Per user per month", "Recurring licence", ""]),
                bf,
                pl.qty,
                pl.unit,
                pl.unit * pl.qty,
                dt(date(2025, 7, 1), "us"),
                end,
                "Active",
            ]
            sh.add(row, pl)
    name = "kaseya_bms_recurring_services.xlsx"
    write_xlsx(folder / name, [sh])
    return name, sh.name


# ---------------- 6 Xero Receivable Invoice Detail, AU, grouped by contact, Disc % ----------------
def xero_receivable_disc_au_xlsx(case, folder, rng):
    sh = Sheet("Receivable Invoice Detail")
    sh.add(["Receivable Invoice Detail"])
    sh.add(["Demo MSP Pty Ltd"])
    sh.add(["For the period 1 November 2026 to 30 November 2026"])
    sh.add([])
    sh.add(
        [
            "Invoice Date",
            "Invoice Number",
            "Reference",
            "Item Code",
            "Description",
            "Quantity",
            "Unit Price",
            "Disc %",
            "Line Amount",
            "Currency",
        ]
    )
    grand = D(0)
    for cid, pls in _grouped(case):
        sh.add([pls[0].client_text])
        tot = D(0)
        for pl in pls:
            amt = _ext(pl)
            tot += amt
            row = [
                dt(date(2026, 11, 1), "xero"),
                f"INV-{4000 + cid}",
                "Nov 2026",
                "",
                pl.text,
                pl.qty,
                pl.unit,
                pl.disc if pl.disc else "",
                amt,
                case.currency,
            ]
            sh.add(row, pl)
        sh.add([f"Total {pls[0].client_text}", "", "", "", "", "", "", "", tot])
        grand += tot
    sh.add(["Total", "", "", "", "", "", "", "", grand])
    name = "xero_receivable_invoice_detail.xlsx"
    write_xlsx(folder / name, [sh])
    return name, sh.name


# ---------------- 7 QuickBooks Online UK Sales by Customer Detail ----------------
def qbo_cust_detail_uk_xlsx(case, folder, rng):
    sh = Sheet("Sales by Customer Detail")
    sh.add(["Demo MSP Ltd"])
    sh.add(["Sales by Customer Detail"])
    sh.add(["November 2026"])
    sh.add([])
    sh.add(
        [
            "",
            "Date",
            "Transaction type",
            "No.",
            "Product/Service",
            "Memo/Description",
            "Qty",
            "Sales price",
            "Amount",
            "Balance",
        ]
    )
    grand = D(0)
    for cid, pls in _grouped(case):
        sh.add([pls[0].client_text])
        bal = D(0)
        for pl in pls:
            amt = pl.unit * pl.qty
            bal += amt
            item = (
                "Services"
                if pl.role == "service"
                else "Cloud Licences"
                if BY_KEY[pl.product].ms
                else "Software subscriptions"
            )
            row = [
                "",
                dt(date(2026, 11, 2), "gb"),
                "Invoice",
                str(1200 + cid),
                item,
                pl.text,
                pl.qty,
                pl.unit,
                amt,
                bal,
            ]
            sh.add(row, pl)
        sh.add([f"Total for {pls[0].client_text}", "", "", "", "", "", "", "", bal])
        grand += bal
    sh.add(["TOTAL", "", "", "", "", "", "", "", grand])
    sh.add([])
    sh.add(["Accrual basis Tuesday, 1 December 2026 09:14 GMT"])
    name = "qbo_sales_by_customer_detail.xlsx"
    write_xlsx(folder / name, [sh])
    return name, sh.name


# ---------------- 8 ConnectWise invoice product lines, en-AU CSV ----------------
def cw_invoice_product_lines_au_csv(case, folder, rng):
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
            "Quantity",
            "Unit Price",
            "Extended Price",
            "Taxable",
        ]
    )
    for cid, pls in _grouped(case):
        for pl in pls:
            row = [
                f"{58000 + cid}",
                dt(date(2026, 11, 1), "gb"),
                pl.client_text,
                "Main",
                "Cloud Licensing" if pl.role != "service" else "Managed Services",
                _generic_id(pl),
                pl.text,
                pl.qty,
                num(pl.unit, "en"),
                num(pl.unit * pl.qty, "en"),
                "Y",
            ]
            sh.add(row, pl)
    name = "cw_invoice_lines.csv"
    write_csv(folder / name, sh)
    return name, None


PSAS = {
    "cw_additions_less_included_xlsx": (
        cw_additions_less_included_xlsx,
        {"included": True, "state": "cancelled"},
    ),
    "autotask_contract_svc_periods_csv": (
        autotask_contract_svc_periods_csv,
        {"quarter": True, "year": True},
    ),
    "halopsa_recurring_gb_tokens_xlsx": (halopsa_recurring_gb_tokens_xlsx, {}),
    "syncro_schedule_items_cents_csv": (
        syncro_schedule_items_cents_csv,
        {"year": True, "state": "paused"},
    ),
    "kaseya_bms_services_enddate_xlsx": (
        kaseya_bms_services_enddate_xlsx,
        {"quarter": True, "year": True, "state": "ended"},
    ),
    "xero_receivable_disc_au_xlsx": (xero_receivable_disc_au_xlsx, {"disc": True}),
    "qbo_cust_detail_uk_xlsx": (qbo_cust_detail_uk_xlsx, {}),
    "cw_invoice_product_lines_au_csv": (cw_invoice_product_lines_au_csv, {}),
}
