"""PSA and accounting exports (what the MSP bills), one renderer per format.

Each renderer receives the PSA lines with their descriptions already typed (perturbed or clean) and
writes meta per data row: ``Row(line, qty, monthly)`` -- the seats and monthly unit price *as written*.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from fractions import Fraction as F

from .catalog import ALL
from .names import GENERIC_SYNCRO
from .scenario import Case, PLine, money
from .writers import Out, Sheet

SYM = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "$", "CAD": "$", "NZD": "$"}


@dataclass
class Typed:
    line: PLine
    desc: str
    client_name: str
    classes: list


@dataclass
class Row:
    line: PLine
    qty: int
    monthly: F
    classes: list


def fnum(x: F) -> float:
    return float(money(x))


def item_code(line: PLine) -> str:
    """The MSP's own catalogue code: stable per item, opaque (it says nothing about the product)."""
    key = line.product or line.text
    h = 0
    for ch in key:
        h = (h * 257 + ord(ch)) % 999983
    return f"ITM-{h % 90000 + 10000}"


def _monthly_written(t: Typed) -> tuple[F, F]:
    """For exports without a frequency column: the monthly price the line bills (unit, monthly)."""
    return t.line.monthly, t.line.monthly


CATEGORY = lambda l: (
    "Managed Services"
    if not l.product
    # noqa: E731
    else "Licensing - Microsoft"
    if ALL[l.product].ms
    else "Licensing - Third Party"
)

PAST = [dt.date(2026, 10, 31), dt.date(2026, 9, 30), dt.date(2026, 8, 15), dt.date(2026, 6, 30)]
FUTURE = [dt.date(2027, 1, 31), dt.date(2027, 3, 31), dt.date(2026, 12, 31)]


# ------------------------------------------------------------------ ConnectWise agreement additions (csv)


def cw_additions(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    cols = [
        "Company Name",
        "Agreement Name",
        "Agreement Type",
        "Sequence",
        "Product ID",
        "Description",
        "Quantity",
        "Less Included",
        "Price",
        "Ext Price",
        "Prorate Price",
        "Bill",
        "Effective",
        "Cancelled",
        "Addition Status",
        "Agreement Status",
        "Cost",
        "Ext Cost",
        "Billing Cycle",
    ]
    rows, meta = [cols], [None]
    seq: dict = {}
    for t in typed:
        l = t.line
        seq[t.client_name] = seq.get(t.client_name, 0) + 1
        less = 0
        if l.role == "licence" and rng.random() < 0.05:
            less = rng.randint(1, 3) if perturb else 0
        qty = l.qty + less
        price = l.net
        desc = t.desc
        classes = list(t.classes)
        if perturb and l.role != "service" and rng.random() < 0.04:
            desc = desc + rng.choice(
                ["\nAnnual commitment", "\nper user per month", "\r\nSee agreement notes"]
            )
            classes.append("multiline")
        if less:
            classes.append("less_included")
        cancelled = l.role == "cancelled"
        eff = dt.date(2024 + rng.randint(0, 2), rng.randint(1, 12), 1)
        cdate = rng.choice(PAST) if cancelled else None
        status = "Cancelled" if cancelled else "Active"
        cost = (ALL[l.product].cost * (12 if l.annual else 1)) if l.product else F(0)
        rows.append(
            [
                t.client_name,
                "MSA " + str(eff.year) + " - " + t.client_name.split()[0],
                "Managed Services Agreement",
                str(seq[t.client_name]),
                item_code(l),
                desc,
                str(qty),
                str(less),
                money(price),
                money(price * (qty - less)),
                money(price * (qty - less)),
                "Billable",
                eff.strftime("%m/%d/%Y"),
                cdate.strftime("%m/%d/%Y") if cdate else "",
                status,
                "Active",
                money(cost),
                money(cost * qty),
                "Annual" if l.annual else "Monthly",
            ]
        )
        meta.append(Row(l, l.qty, l.monthly, classes))
    return Out("ConnectWise_AgreementAdditions.csv", "csv", [Sheet("additions", rows, meta)])


# ------------------------------------------------------------------ ConnectWise, other column subset: cancellation only as a date


def cw_cancel_dates(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    cols = [
        "Company",
        "Agreement",
        "Product",
        "Qty",
        "Unit Price",
        "Effective Date",
        "Cancelled Date",
    ]
    rows, meta = [cols], [None]
    for t in typed:
        l = t.line
        unit, monthly = _monthly_written(t)
        if l.role == "cancelled":
            cd = rng.choice(PAST)
        elif rng.random() < 0.08:
            cd = rng.choice(FUTURE) if perturb else None
        else:
            cd = None
        eff = dt.date(2025, rng.randint(1, 12), 1)
        rows.append([t.client_name, "Managed IT + Licensing", t.desc, l.qty, fnum(unit), eff, cd])
        cls = list(t.classes) + (["future_cancel_date"] if cd and l.role != "cancelled" else [])
        meta.append(Row(l, l.qty, monthly, cls))
    return Out(
        "CW_Additions_Export.xlsx", "xlsx", [Sheet("Additions", rows, meta, widths={0: 36, 2: 44})]
    )


# ------------------------------------------------------------------ Autotask contract services (xlsx, totals row)


def autotask(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    cols = [
        "Account Name",
        "Contract Name",
        "Contract Category",
        "Service Name",
        "Period Type",
        "Units",
        "Unit Price",
        "Unit Cost",
        "Adjusted Price",
        "Extended Price",
        "Start Date",
        "End Date",
        "Contract Status",
    ]
    rows, meta = [cols], [None]
    tot = F(0)
    for t in typed:
        l = t.line
        cost = ALL[l.product].cost if l.product else F(0)
        if l.annual:
            cost = cost * 12
        ext = l.net * l.qty
        if l.role == "cancelled":
            end, status = rng.choice(PAST), "Inactive"
        else:
            end, status = dt.date(2027, 6, 30), "Active"
            tot += ext
        cname = (
            "Recurring Services 2025 (expired)"
            if l.role == "cancelled"
            else "Recurring Services " + ("(Annual)" if l.annual else "2026")
        )
        rows.append(
            [
                t.client_name,
                cname,
                "Managed Services",
                t.desc,
                "Yearly" if l.annual else "Monthly",
                l.qty,
                fnum(l.unit),
                fnum(cost),
                fnum(l.net),
                fnum(ext),
                dt.date(2025, 7, 1),
                end,
                status,
            ]
        )
        meta.append(Row(l, l.qty, l.monthly, list(t.classes)))
    rows.append(["Total", None, None, None, None, None, None, None, None, fnum(tot)])
    meta.append(None)
    return Out("Autotask_ContractServices.xlsx", "xlsx", [Sheet("Contract Services", rows, meta)])


# ------------------------------------------------------------------ HaloPSA recurring invoice lines (xlsx, title rows)


def halo(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    title = [["Recurring Invoice Lines"], ["Report run 01/12/2026 08:00 by billing@msp"], []]
    cols = [
        "Client Name",
        "Recurring Invoice",
        "Item Code",
        "Description",
        "Long Description",
        "Qty",
        "Unit Price",
        "Net Amount",
        "Schedule",
        "Active",
    ]
    rows, meta = [*title, cols], [None] * 4
    inv: dict = {}
    for t in typed:
        l = t.line
        inv.setdefault(t.client_name, f"RI-{len(inv) + 1000}")
        longd = rng.choice(
            ["", "", "Billed in advance for $MONTH", "Licences as per tenant count"]
            if l.product
            else ["", "", "As per service agreement", "$STARTDATE to $ENDDATE"]
        )
        rows.append(
            [
                t.client_name,
                inv[t.client_name],
                item_code(l),
                t.desc,
                longd,
                l.qty,
                fnum(l.net),
                fnum(l.net * l.qty),
                "Yearly" if l.annual else "Monthly",
                "No" if l.role == "cancelled" else "Yes",
            ]
        )
        meta.append(Row(l, l.qty, l.monthly, list(t.classes)))
    return Out(
        "Halo_RecurringInvoiceLines.xlsx",
        "xlsx",
        [Sheet("Report", rows, meta, widths={0: 36, 3: 48})],
    )


# ------------------------------------------------------------------ Syncro recurring schedules (csv, cents, paused)


def syncro(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    cols = [
        "Customer",
        "Schedule Name",
        "Frequency",
        "Paused",
        "Next Run",
        "Line Item Name",
        "Line Item Description",
        "Quantity",
        "Retail Cents",
        "Cost Cents",
        "Taxable",
    ]
    rows, meta = [cols], [None]
    for t in typed:
        l = t.line
        retail = l.net * 100
        assert retail.denominator == 1
        cost = (ALL[l.product].cost * (12 if l.annual else 1) * 100) if l.product else F(0)
        if l.product:
            gen = rng.choice(GENERIC_SYNCRO)
        else:
            gen = rng.choice(["", "Support", "As per agreement"])
        paused = l.role == "cancelled"
        sched = (
            "Old licences (paused)"
            if paused
            else "Annual licences"
            if l.annual
            else "Monthly recurring"
        )
        rows.append(
            [
                t.client_name,
                sched,
                "Annually" if l.annual else "Monthly",
                "true" if paused else "false",
                "2026-12-01" if not paused else "",
                t.desc,
                gen,
                str(l.qty),
                str(int(retail)),
                str(int(cost)),
                "false",
            ]
        )
        meta.append(Row(l, l.qty, l.monthly, list(t.classes)))
    return Out("syncro_schedule_line_items.csv", "csv", [Sheet("schedules", rows, meta)])


# ------------------------------------------------------------------ Kaseya BMS recurring services (xlsx)


def kaseya_bms(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    cols = [
        "Account",
        "Contract",
        "Service",
        "Description",
        "Quantity",
        "Rate",
        "Amount",
        "Frequency",
        "Start Date",
        "End Date",
        "Status",
    ]
    rows, meta = [cols], [None]
    for t in typed:
        l = t.line
        status = "Cancelled" if l.role == "cancelled" else "Active"
        end = rng.choice(PAST) if l.role == "cancelled" else None
        rows.append(
            [
                t.client_name,
                "Managed Services Contract",
                CATEGORY(l),
                t.desc,
                l.qty,
                fnum(l.net),
                fnum(l.net * l.qty),
                "Annually" if l.annual else "Monthly",
                dt.date(2025, 1, 1),
                end,
                status,
            ]
        )
        meta.append(Row(l, l.qty, l.monthly, list(t.classes)))
    return Out("BMS_RecurringServices.xlsx", "xlsx", [Sheet("Recurring Services", rows, meta)])


# ------------------------------------------------------------------ QuickBooks Online: Sales by Customer Detail (xlsx)


def _groups(typed: list) -> list:
    out: list = []
    for t in typed:
        if out and out[-1][0] == t.client_name:
            out[-1][1].append(t)
        else:
            out.append((t.client_name, [t]))
    return out


def qbo(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    rows = [
        ["Harbourside IT Services LLC"],
        ["Sales by Customer Detail"],
        ["November 1-30, 2026"],
        [],
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
        ],
    ]
    meta = [None] * 5
    num = 3100
    grand = F(0)
    for name, ts in _groups(typed):
        rows.append([name])
        meta.append(None)
        num += 1
        bal = F(0)
        for t in ts:
            l = t.line
            unit, monthly = _monthly_written(t)
            tnum = str(num)
            if l.role == "cancelled":
                amt = F(0)
                memo = "Voided: " + t.desc
                ttype = "Invoice"
                tnum = str(num - 1000)
            else:
                amt = unit * l.qty
                memo = t.desc
                ttype = "Invoice"
            bal += amt
            item = (
                "Cloud Subscriptions"
                if l.product and ALL[l.product].ms
                else "Software Licensing"
                if l.product
                else "Managed Services:" + l.text.split()[0]
            )
            rows.append(
                ["", "11/01/2026", ttype, tnum, item, memo, l.qty, fnum(unit), fnum(amt), fnum(bal)]
            )
            meta.append(Row(l, l.qty, monthly, list(t.classes)))
        rows.append([f"Total for {name}", None, None, None, None, None, None, None, fnum(bal)])
        meta.append(None)
        grand += bal
    rows.append(["TOTAL", None, None, None, None, None, None, None, fnum(grand)])
    meta.append(None)
    rows.append([])
    meta.append(None)
    rows.append(["Accrual basis Tuesday, December 1, 2026 08:00 AM GMT-05:00"])
    meta.append(None)
    return Out(
        "Sales_by_Customer_Detail.xlsx",
        "xlsx",
        [Sheet("Sales by Customer Detail", rows, meta, widths={0: 40, 5: 50})],
    )


# ------------------------------------------------------------------ Xero invoice export (csv, discount %, status)


def xero_csv(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    cols = [
        "*ContactName",
        "EmailAddress",
        "*InvoiceNumber",
        "Reference",
        "*InvoiceDate",
        "*DueDate",
        "Total",
        "TaxTotal",
        "InventoryItemCode",
        "*Description",
        "*Quantity",
        "*UnitAmount",
        "Discount",
        "*AccountCode",
        "*TaxType",
        "TaxAmount",
        "TrackingName1",
        "TrackingOption1",
        "Currency",
        "Status",
    ]
    rows, meta = [cols], [None]
    invno: dict = {}
    for t in typed:
        l = t.line
        invno.setdefault(t.client_name, f"INV-{len(invno) + 4301:05d}")
        unit = l.unit / 12 if l.annual else l.unit
        monthly = unit * (1 - l.disc / 100)
        total = monthly * l.qty
        email = "accounts@" + (t.line.client.domain.split(".")[0]) + ".example"
        inv_no = (
            invno[t.client_name]
            if l.role != "cancelled"
            else invno[t.client_name].replace("INV-", "INV-9")
        )
        rows.append(
            [
                t.client_name,
                email,
                inv_no,
                "Nov 2026 recurring",
                "01/11/2026",
                "20/11/2026",
                money(total),
                "0.00",
                item_code(l) if rng.random() < 0.4 else "",
                t.desc,
                f"{l.qty}.00",
                money(unit),
                (money(l.disc) if l.disc else ""),
                "200",
                "Tax Exempt",
                "0.00",
                "",
                "",
                case.currency,
                "VOIDED" if l.role == "cancelled" else rng.choice(["AUTHORISED", "PAID"]),
            ]
        )
        meta.append(Row(l, l.qty, monthly, list(t.classes)))
    return Out("Xero_Invoices_Export.csv", "csv", [Sheet("invoices", rows, meta)])


# ------------------------------------------------------------------ Xero Receivable Invoice Detail report (xlsx, groups)


def xero_report(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    rows = [
        ["Receivable Invoice Detail"],
        ["Harbourside IT Ltd"],
        ["For the period 1 November 2026 to 30 November 2026"],
        [],
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
        ],
    ]
    meta = [None] * 5
    n = 8000
    for name, ts in _groups(typed):
        rows.append([name])
        meta.append(None)
        n += 1
        tot = F(0)
        for t in ts:
            l = t.line
            unit = l.unit / 12 if l.annual else l.unit
            monthly = unit * (1 - l.disc / 100)
            amt = monthly * l.qty
            st = "Voided" if l.role == "cancelled" else "Awaiting Payment"
            if st != "Voided":
                tot += amt
            rows.append(
                [
                    dt.date(2026, 11, 1),
                    f"INV-{n}" if st != "Voided" else f"INV-{n}-V",
                    "Monthly services",
                    item_code(l),
                    t.desc,
                    l.qty,
                    fnum(unit),
                    fnum(l.disc) if l.disc else None,
                    fnum(amt),
                    st,
                ]
            )
            meta.append(Row(l, l.qty, monthly, list(t.classes)))
        rows.append([f"Total {name}", None, None, None, None, None, None, None, fnum(tot)])
        meta.append(None)
    return Out(
        "Receivable_Invoice_Detail.xlsx", "xlsx", [Sheet("Receivable Invoice Detail", rows, meta)]
    )


# ------------------------------------------------------------------ Zoho Books invoice export (.xls)


def zoho_books(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    cols = [
        "Invoice Date",
        "Invoice ID",
        "Invoice Number",
        "Invoice Status",
        "Customer ID",
        "Customer Name",
        "Due Date",
        "Currency Code",
        "Item Name",
        "Item Desc",
        "Quantity",
        "Usage unit",
        "Item Price",
        "Discount(%)",
        "Item Total",
        "Item Tax %",
        "Sales person",
        "Notes",
    ]
    rows, meta = [cols], [None]
    inv: dict = {}
    cid: dict = {}
    for t in typed:
        l = t.line
        inv.setdefault(t.client_name, f"INV-{len(inv) + 21001:06d}")
        cid.setdefault(t.client_name, str(460000000000 + len(cid) * 7919))
        unit, monthly = _monthly_written(t)
        list_unit = l.unit / 12 if l.annual else l.unit
        if l.disc:
            shown, disc = list_unit, l.disc
        else:
            shown, disc = unit, F(0)
        desc = ""
        if l.product and rng.random() < 0.3:
            desc = rng.choice(["Monthly licence fee", "Per user", "Billed in advance", "Nov 2026"])
        status = (
            "Void" if l.role == "cancelled" else rng.choice(["Sent", "Paid", "Overdue", "Sent"])
        )
        ino = inv[t.client_name] if status != "Void" else inv[t.client_name] + "-1"
        rows.append(
            [
                "2026-11-01",
                ino[4:],
                ino,
                status,
                cid[t.client_name],
                t.client_name,
                "2026-11-15",
                case.currency,
                t.desc,
                desc,
                l.qty,
                "user" if l.product else "",
                fnum(shown),
                fnum(disc),
                fnum(monthly * l.qty),
                0,
                "",
                "",
            ]
        )
        meta.append(Row(l, l.qty, monthly, list(t.classes)))
    return Out("Invoice.xls", "xls", [Sheet("Invoice", rows, meta)])


# ------------------------------------------------------------------ a hand-kept billing workbook (xlsx)


def handmade_xlsx(case: Case, typed: list, rng: random.Random, perturb: bool) -> Out:
    """Many small MSPs bill from their own spreadsheet: the client's name only on the first line of its
    block, blank rows and subtotals between blocks, prices sometimes typed as text with the symbol,
    cancellations only in a notes column, and a contacts sheet in front."""
    sym = SYM[case.currency]
    rows = [
        ["Monthly billing - November 2026"],
        [],
        ["Client", "Item", "Seats", "Price", "Monthly total", "Notes"],
    ]
    meta: list = [None] * 3
    for name, ts in _groups(typed):
        sub = F(0)
        for k, t in enumerate(ts):
            l = t.line
            unit, monthly = _monthly_written(t)
            price_cell = fnum(unit)
            if perturb and rng.random() < 0.12:
                price_cell = f"{sym}{money(unit)}"
            if l.role == "cancelled":
                total = F(0)
                note = rng.choice(
                    ["cancelled Oct", "CANCELLED - do not bill", "cancelled per email 28/10"]
                )
            else:
                total = unit * l.qty
                note = (
                    rng.choice(
                        [
                            "",
                            "",
                            "",
                            "annual commitment" if l.product else "",
                            "renewal Aug",
                            "check seat count",
                        ]
                    )
                    if l.product
                    else ""
                )
            sub += total
            rows.append(
                [name if k == 0 else None, t.desc, l.qty, price_cell, fnum(total), note or None]
            )
            cls = list(t.classes) + (["price_as_text"] if isinstance(price_cell, str) else [])
            meta.append(Row(l, l.qty, monthly, cls))
        rows.append([None, None, None, "Subtotal", fnum(sub)])
        meta.append(None)
        rows.append([])
        meta.append(None)
    contacts = Sheet(
        "Contacts",
        [["Client", "Contact", "Email"]]
        + [[n, "Accounts", "accounts@example.com"] for n, _ in _groups(typed)],
        [None] * (1 + len(_groups(typed))),
    )
    data = Sheet("Nov 2026", rows, meta, widths={0: 38, 1: 44})
    return Out("MSP_Billing_2026.xlsx", "xlsx", [contacts, data], data_sheet="Nov 2026")


PSAS = {
    "cw_additions": cw_additions,
    "cw_cancel_dates": cw_cancel_dates,
    "autotask": autotask,
    "halo": halo,
    "syncro": syncro,
    "kaseya_bms": kaseya_bms,
    "qbo": qbo,
    "xero_csv": xero_csv,
    "xero_report": xero_report,
    "zoho_books": zoho_books,
    "handmade_xlsx": handmade_xlsx,
}
