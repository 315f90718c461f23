"""Set T PSA / accounting formats (what the MSP bills).  Each writer returns (file name, sheet, Table)."""

from __future__ import annotations

import random
from datetime import date, datetime
from decimal import Decimal

from .catalog import BY_KEY, CURRENCY
from .table import Table, write_xlsx
from .vendors import MSP, fmt

D2 = Decimal("0.01")


class Ctx:
    def __init__(self, case, perturb: bool, rng: random.Random):
        self.case = case
        self.perturb = perturb
        self.rng = rng
        keys = sorted(BY_KEY) + sorted({x.service for x in case.plines if x.service})
        rng2 = random.Random(f"codes|{case.seed}|{case.n}")
        nums = rng2.sample(range(10000, 99999), len(keys))
        self.code = {k: f"{n}" for k, n in zip(keys, nums)}

    def name(self, cid):
        c = self.case.clients[cid]
        return self.case.psa_name[cid][0] if self.perturb else c.name

    def desc(self, x):
        return x.text if self.perturb else x.canon

    def item(self, x):
        return self.code[x.pkey or x.service]

    def lines_by_client(self):
        """PSA lines grouped by client, in the order a report sorts them (by PSA name)."""
        groups: dict = {}
        for i, x in enumerate(self.case.plines):
            groups.setdefault(x.cid, []).append(i)
        order = sorted(groups, key=lambda cid: self.case.clients[cid].name.lower())
        return [(cid, groups[cid]) for cid in order]


def money_style(currency, us="us"):
    return {"EUR": "eu_sym", "SEK": "sek"}.get(currency, us)


def _ext(x) -> Decimal:
    if x.adjusted is not None:
        u = x.adjusted
    else:
        u = x.price * (1 - x.disc_pct / 100)
    return (u * x.billed_qty).quantize(D2)


# ------------------------------------------------------------------------------------------------
def connectwise_additions_csv(ctx, folder):
    case, rng = ctx.case, ctx.rng
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
        "Bill",
        "Effective",
        "Cancelled",
        "Addition Status",
        "Agreement Status",
    ]
    date_only = rng.random() < 0.4  # saved view where a cancellation shows only as a date
    if date_only:
        cols.remove("Addition Status")
    if rng.random() < 0.5:
        cols.remove("Cost")
    t = Table()
    t.add(cols)
    st = money_style(case.currency)
    eu = case.currency in ("EUR", "SEK")
    for cid, idx in ctx.lines_by_client():
        agr = rng.choice(["Managed Services", "Microsoft Licensing", "MSP Gold", "Cloud Licences"])
        for i in idx:
            x = case.plines[i]
            eff = date(2025, rng.randint(1, 12), 1)
            cancelled = ""
            status = "Active"
            if x.role == "cancelled":
                cd = date(2026, rng.choice([8, 9, 10]), rng.choice([1, 15, 31 if False else 30]))
                cancelled = cd.strftime("%d-%m-%Y" if eu else "%m/%d/%Y")
                status = "Cancelled"
            elif rng.random() < 0.04:
                # a cancellation scheduled after the period: still billed in November
                cancelled = date(2026, 12, 31).strftime("%d-%m-%Y" if eu else "%m/%d/%Y")
            row = {
                "Company Name": ctx.name(cid),
                "Agreement Name": f"{agr}",
                "Agreement Type": "Licensing" if x.pkey else "Managed Services",
                "Product ID": ctx.item(x),
                "Description": ctx.desc(x),
                "Quantity": x.qty,
                "Less Included": x.less,
                "Price": fmt(x.price, st, case.currency),
                "Ext Price": fmt(_ext(x), st, case.currency),
                "Cost": fmt((x.price * Decimal("0.8")).quantize(D2), st, case.currency),
                "Bill": "Billable",
                "Effective": eff.strftime("%d-%m-%Y" if eu else "%m/%d/%Y"),
                "Cancelled": cancelled,
                "Addition Status": status,
                "Agreement Status": "Active",
            }
            t.add([row[k] for k in cols], ("p", i))
    name = "AgreementAdditions_search_2026-11.csv"
    t.write_csv(folder / name, delimiter=";" if eu else ",")
    return name, None, t


def autotask_contract_services_xlsx(ctx, folder):
    case, rng = ctx.case, ctx.rng
    cols = [
        "Account Name",
        "Parent Account",
        "Contract Name",
        "Service Name",
        "Units",
        "Unit Price",
        "Adjusted Price",
        "Unit Cost",
        "Extended Price",
        "Period Type",
        "Start Date",
        "End Date",
    ]
    t = Table()
    t.add(["Contract Services - All Active and Recently Ended"])
    t.add([f"Generated {datetime(2026, 12, 1, 8, 5):%m/%d/%Y %I:%M %p}"])
    t.add(cols)
    total = Decimal(0)
    for cid, idx in ctx.lines_by_client():
        c = case.clients[cid]
        for i in idx:
            x = case.plines[i]
            end = date(2027, rng.randint(1, 12), 28)
            if x.role == "ended":
                end = date(2026, rng.choice([9, 10]), 30 if rng.random() < 0.5 else 1)
            adj = x.adjusted if x.adjusted is not None else x.price
            ext = (adj * x.qty).quantize(D2)
            total += ext if x.role != "ended" else 0
            row = [
                ctx.name(cid),
                c.parent,
                rng.choice(
                    [
                        "Recurring Service",
                        "Managed Services Agreement",
                        "Licensing 2025-26",
                        "MSP Essentials",
                    ]
                ),
                ctx.desc(x),
                x.qty,
                x.price,
                adj,
                (x.price * Decimal("0.75")).quantize(D2),
                ext,
                "Yearly" if x.period == "annual" else "Monthly",
                date(2025, rng.randint(1, 12), 1),
                end,
            ]
            t.add(row, ("p", i))
    t.add(["Total", "", "", "", "", "", "", "", total])
    name = "Autotask_ContractServices_Nov2026.xlsx"
    write_xlsx(folder / name, [("Contract Services", t)], date_fmt="m/d/yyyy")
    return name, "Contract Services", t


def halopsa_recurring_csv(ctx, folder):
    case, rng = ctx.case, ctx.rng
    cols = [
        "Client",
        "Recurring Invoice",
        "Item Short Description",
        "Item Long Description",
        "Quantity",
        "Unit Price",
        "Net Amount",
        "Billing Period",
        "Start Date",
        "End Date",
    ]
    t = Table()
    t.add(["Recurring Invoice Lines"])
    t.add([f"Report run 01/12/2026 07:30 by {rng.choice(['admin', 'finance', 'j.hale'])}"])
    t.add(cols)
    for cid, idx in ctx.lines_by_client():
        ri = f"RI-{rng.randint(1000, 9999)}"
        for i in idx:
            x = case.plines[i]
            if x.user:
                long = f"Licence for {x.user}"
            elif x.pkey and rng.random() < 0.3:
                long = "Licences for $MONTHNAME $YEAR"
            elif not x.pkey:
                long = "Services for period $STARTDATE - $ENDDATE"
            else:
                long = ""
            end = "" if x.role != "ended" else date(2026, 10, 31).strftime("%d/%m/%Y")
            row = [
                ctx.name(cid),
                ri,
                ctx.desc(x),
                long,
                x.qty,
                f"{x.price:.2f}",
                f"{_ext(x):.2f}",
                "Annually" if x.period == "annual" else "Monthly",
                date(2025, rng.randint(1, 12), 1).strftime("%d/%m/%Y"),
                end,
            ]
            t.add(row, ("p", i))
    name = "Halo_RecurringInvoiceLines.csv"
    t.write_csv(folder / name)
    return name, None, t


GENERIC = ["User licence", "Cloud subscription", "Per user", "Licence", "", "Monthly subscription"]


def syncro_schedules_csv(ctx, folder):
    case, rng = ctx.case, ctx.rng
    cols = [
        "Customer",
        "Schedule Name",
        "Frequency",
        "Next Run",
        "Paused",
        "Line Item Name",
        "Line Item Description",
        "Quantity",
        "Retail Cents",
        "Cost Cents",
        "Taxable",
    ]
    t = Table()
    t.add(cols)
    for cid, idx in ctx.lines_by_client():
        for i in idx:
            x = case.plines[i]
            freq = "Annually" if x.period == "annual" else "Monthly"
            row = [
                ctx.name(cid),
                f"{freq} licences" if x.pkey else "Managed services",
                freq,
                "2026-12-01" if x.period != "annual" else "2027-11-01",
                "true" if x.role == "paused" else "false",
                ctx.desc(x),
                rng.choice(GENERIC) if x.pkey else "Labour / service",
                x.qty,
                int((x.price * 100).to_integral_value()),
                int((x.price * 75).to_integral_value()),
                "false",
            ]
            t.add(row, ("p", i))
    name = "syncro_recurring_schedule_lines.csv"
    t.write_csv(folder / name)
    return name, None, t


def kaseya_bms_recurring_xlsx(ctx, folder):
    case, rng = ctx.case, ctx.rng
    cols = [
        "Account",
        "Contract",
        "Service Code",
        "Service Name",
        "Description",
        "Quantity",
        "Rate",
        "Amount",
        "Frequency",
        "Status",
        "Start Date",
    ]
    t = Table()
    t.add(["Recurring Services"])
    t.add([f"Exported {datetime(2026, 12, 2, 9, 14):%d/%m/%Y %H:%M}"])
    t.add([])
    t.add(cols)
    total = Decimal(0)
    for cid, idx in ctx.lines_by_client():
        for i in idx:
            x = case.plines[i]
            amt = _ext(x)
            if x.role == "licence" or x.role == "service":
                total += amt
            row = [
                ctx.name(cid),
                f"CT-{cid:04d}",
                f"SVC{ctx.item(x)}",
                ctx.desc(x),
                rng.choice(["", "", "Billed in advance", "per seat"]) if x.pkey else "",
                x.qty,
                x.price,
                amt,
                "Annually" if x.period == "annual" else "Monthly",
                "Cancelled" if x.role == "cancelled" else "Active",
                date(2025, rng.randint(1, 12), rng.randint(1, 28)),
            ]
            t.add(row, ("p", i))
    t.add([])
    t.add(["Grand Total", "", "", "", "", "", "", total])
    name = "BMS_RecurringServices_export.xlsx"
    write_xlsx(folder / name, [("Recurring Services", t)], date_fmt="dd/mm/yyyy")
    return name, "Recurring Services", t


def qbo_sales_by_customer_detail_xlsx(ctx, folder):
    case, rng = ctx.case, ctx.rng
    t = Table()
    t.add([MSP[case.currency]])
    t.add(["Sales by Customer Detail"])
    t.add(["November 2026"])
    t.add([])
    t.add(
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
    num = 4100 + rng.randint(0, 500)
    grand = Decimal(0)
    for cid, idx in ctx.lines_by_client():
        t.add([ctx.name(cid)])
        num += 1
        bal = Decimal(0)
        d = datetime(2026, 11, rng.choice([1, 1, 1, 3, 5]))
        for i in idx:
            x = case.plines[i]
            amt = _ext(x)
            bal += amt
            memo = (
                rng.choice(["", "", "Recurring monthly charge", "Nov 2026", "Monthly"])
                if x.pkey
                else ""
            )
            t.add(
                ["", d, "Invoice", str(num), ctx.desc(x), memo, x.qty, x.price, amt, bal], ("p", i)
            )
        t.add([f"Total for {ctx.name(cid)}", "", "", "", "", "", "", "", bal])
        grand += bal
    t.add(["TOTAL", "", "", "", "", "", "", "", grand])
    t.add([])
    t.add([f"Accrual basis  {datetime(2026, 12, 1, 9, 3):%A, %B %d, %Y %I:%M %p} GMT-05:00"])
    name = "Sales by Customer Detail.xlsx"
    write_xlsx(folder / name, [("Sales by Customer Detail", t)], date_fmt="mm/dd/yyyy")
    return name, "Sales by Customer Detail", t


def xero_receivable_invoice_detail_xlsx(ctx, folder):
    case, rng = ctx.case, ctx.rng
    t = Table()
    t.add(["Receivable Invoice Detail"])
    t.add([MSP[case.currency]])
    t.add(["For the period 1 November 2026 to 30 November 2026"])
    t.add([])
    t.add(
        [
            "Invoice Date",
            "Invoice Number",
            "Reference",
            "Item Code",
            "Description",
            "Quantity",
            "Unit Price",
            "Discount %",
            "Line Amount",
            "Status",
        ]
    )
    n = rng.randint(2000, 3000)
    for cid, idx in ctx.lines_by_client():
        t.add([ctx.name(cid)])
        n += 1
        tot = Decimal(0)
        d = datetime(2026, 11, 1)
        for i in idx:
            x = case.plines[i]
            amt = _ext(x)
            status = (
                "Voided" if x.role == "voided" else rng.choice(["Paid", "Awaiting Payment", "Paid"])
            )
            if x.role != "voided":
                tot += amt
            inv = f"INV-{n}" if x.role != "voided" else f"INV-{n - 600}"
            t.add(
                [
                    d,
                    inv,
                    rng.choice(["Monthly", "Nov-26", "", "Recurring"]),
                    ctx.item(x),
                    ctx.desc(x),
                    x.qty,
                    x.price,
                    x.disc_pct if x.disc_pct else "",
                    amt,
                    status,
                ],
                ("p", i),
            )
        t.add([f"Total {ctx.name(cid)}", "", "", "", "", "", "", "", tot])
    name = "Receivable_Invoice_Detail.xlsx"
    write_xlsx(folder / name, [("Receivable Invoice Detail", t)], date_fmt="d mmm yyyy")
    return name, "Receivable Invoice Detail", t


def rangermsp_recurring_charges_csv(ctx, folder):
    case, rng = ctx.case, ctx.rng
    cols = [
        "Account",
        "Charge #",
        "Item Code",
        "Item Name",
        "Description",
        "Quantity",
        "Price",
        "Total",
        "Frequency",
        "Next Date",
        "Status",
    ]
    t = Table()
    t.add(cols)
    st = money_style(case.currency, "acct")
    eu = case.currency in ("EUR", "SEK")
    n = rng.randint(5000, 9000)
    for cid, idx in ctx.lines_by_client():
        for i in idx:
            x = case.plines[i]
            n += 1
            row = [
                ctx.name(cid),
                n,
                ctx.item(x),
                ctx.desc(x),
                rng.choice(["", "", "Recurring", "Auto-renew"]),
                x.qty,
                fmt(x.price, st, case.currency),
                fmt(_ext(x), st, case.currency),
                "Yearly" if x.period == "annual" else "Monthly",
                "01/12/2026" if eu else "12/01/2026",
                "Suspended" if x.role == "paused" else "Active",
            ]
            t.add(row, ("p", i))
    name = "RangerMSP_RecurringCharges.csv"
    t.write_csv(folder / name, delimiter=";" if eu else ",")
    return name, None, t


def teamleader_subscriptions_xlsx(ctx, folder):
    case, rng = ctx.case, ctx.rng
    cols = [
        "Klant",
        "Abonnement",
        "Omschrijving",
        "Aantal",
        "Eenheidsprijs",
        "Korting (%)",
        "Totaal excl. btw",
        "Facturatie",
        "Status",
        "Startdatum",
        "Einddatum",
    ]
    t = Table()
    t.add(cols)
    for cid, idx in ctx.lines_by_client():
        for i in idx:
            x = case.plines[i]
            row = [
                ctx.name(cid),
                rng.choice(["Werkplek", "Licenties", "Beheer", "Cloud"])
                + f" {2025 + rng.randint(0, 1)}",
                ctx.desc(x),
                x.qty,
                x.price,
                x.disc_pct if x.disc_pct else Decimal(0),
                _ext(x),
                "Jaarlijks" if x.period == "annual" else "Maandelijks",
                "Opgezegd" if x.role == "cancelled" else "Actief",
                date(2025, rng.randint(1, 12), 1),
                date(2026, 10, 31) if x.role == "cancelled" else "",
            ]
            t.add(row, ("p", i))
    name = "Teamleader_abonnementen_export.xlsx"
    write_xlsx(folder / name, [("Abonnementen", t)], date_fmt="dd/mm/yyyy")
    return name, "Abonnementen", t


PSA_SPECS = [
    {
        "name": "connectwise_additions_csv",
        "roles": ["cancelled"],
        "features": ["less_included"],
        "writer": connectwise_additions_csv,
    },
    {
        "name": "autotask_contract_services_xlsx",
        "roles": ["ended"],
        "features": ["annual", "discount", "adjusted"],
        "writer": autotask_contract_services_xlsx,
    },
    {
        "name": "halopsa_recurring_csv",
        "roles": ["ended"],
        "features": ["annual"],
        "per_user": True,
        "writer": halopsa_recurring_csv,
    },
    {
        "name": "syncro_schedules_csv",
        "roles": ["paused"],
        "features": ["annual"],
        "writer": syncro_schedules_csv,
    },
    {
        "name": "kaseya_bms_recurring_xlsx",
        "roles": ["cancelled"],
        "features": ["annual"],
        "writer": kaseya_bms_recurring_xlsx,
    },
    {
        "name": "qbo_sales_by_customer_detail_xlsx",
        "roles": [],
        "features": [],
        "writer": qbo_sales_by_customer_detail_xlsx,
    },
    {
        "name": "xero_receivable_invoice_detail_xlsx",
        "roles": ["voided"],
        "features": ["discount"],
        "writer": xero_receivable_invoice_detail_xlsx,
    },
    {
        "name": "rangermsp_recurring_charges_csv",
        "roles": ["paused"],
        "features": [],
        "writer": rangermsp_recurring_charges_csv,
    },
    {
        "name": "teamleader_subscriptions_xlsx",
        "roles": ["cancelled"],
        "features": ["annual", "discount"],
        "writer": teamleader_subscriptions_xlsx,
    },
]
