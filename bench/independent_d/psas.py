"""PSA and accounting exports of set D (what the MSP bills), each as that system exports it."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .catalog import BY_KEY
from .render import Cell, Output, Sheet, num
from .scenario import PLine, Scenario

SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "$", "NZD": "$", "CAD": "$"}


@dataclass(frozen=True)
class PsaFormat:
    name: str
    render: Callable[[Scenario, bool], Output]
    cancel: bool = True
    not_billable: bool = False
    annual: bool = False


def _client(sc: Scenario, line: PLine, perturb: bool) -> str:
    return sc.psa_names[line.cust][0] if perturb else sc.customers[line.cust].canonical


def _text(line: PLine, perturb: bool) -> str:
    return line.text_perturbed if perturb else line.text_clean


def _regional(sc: Scenario) -> bool:
    return sc.currency == "EUR"


def _m(sc: Scenario, value: Decimal, symbol: bool = False) -> str:
    """Money as a regional CSV writes it."""
    if _regional(sc):
        text = num(value, 2, comma=True, thousands=".")
        return f"{text} €" if symbol else text
    text = num(value, 2, thousands="," if symbol else "")
    if symbol:
        return (
            ("-" + SYMBOL[sc.currency] + text[1:])
            if text.startswith("-")
            else SYMBOL[sc.currency] + text
        )
    return text


def _date(sc: Scenario, d: dt.date) -> str:
    if sc.currency == "USD":
        return d.strftime("%m/%d/%Y")
    if _regional(sc):
        return d.strftime("%d.%m.%Y")
    return d.strftime("%d/%m/%Y")


def _csv(
    sc: Scenario, filename: str, sheet: Sheet, refs: dict[int, int], bom: bool = False
) -> Output:
    if _regional(sc):
        return Output(filename, [sheet], "psa", refs, delimiter=";", encoding="utf-8", bom=True)
    return Output(filename, [sheet], "psa", refs, bom=bom)


def _is_ms(line: PLine) -> bool:
    return line.role != "service" and BY_KEY[line.product].microsoft


# ------------------------------------------------------------ ConnectWise PSA: agreement additions


def render_connectwise_additions(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"cw|{sc.seed}")
    cols = [
        "Agreement Name",
        "Company Name",
        "Agreement Type",
        "Product ID",
        "Description",
        "Quantity",
        "Less Included",
        "Price",
        "Ext Price",
        "Cost",
        "Ext Cost",
        "Bill",
        "Effective",
        "Cancelled",
        "Addition Status",
        "Agreement Status",
    ]
    sheet = Sheet(
        "Agreement Additions",
        formats={
            7: "#,##0.00",
            8: "#,##0.00",
            9: "#,##0.00",
            10: "#,##0.00",
            12: "m/d/yyyy",
            13: "m/d/yyyy",
        },
    )
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    for i, line in enumerate(sc.plines):
        if line.role == "service":
            pid = rng.choice(("MSA-USER", "SVC-SUPPORT", "LABOR-REMOTE", "HW-RESALE", "SVC-BACKUP"))
            agreement, atype = "Managed Services", "MSA - All Inclusive"
        else:
            pid = "MS-NCE-LIC" if _is_ms(line) else "CLOUD-3P-LIC"
            agreement, atype = "Cloud Licensing", "Licensing - Monthly"
        cost = (
            BY_KEY[line.product].cost if line.role != "service" else line.unit_price / 3
        ).quantize(Decimal("0.01"))
        effective = dt.date(2025 + rng.randint(0, 1), rng.randint(1, 12), 1)
        cancelled: Cell = None
        status, bill = "Active", "Billable"
        if line.status == "cancelled":
            cancelled = dt.date(2026, rng.randint(6, 10), rng.choice((1, 15, 30)))
            status = "Cancelled"
            effective = dt.date(2025, 3, 1)
        elif line.ends:
            cancelled = dt.date(2026, 11, line.ends)  # ends later this month: still billed
        elif line.status == "not_billable":
            bill = rng.choice(("DoNotBill", "NoCharge"))
        refs[i] = sheet.add(
            [
                agreement,
                _client(sc, line, perturb),
                atype,
                pid,
                _text(line, perturb),
                line.qty,
                0,
                line.unit_price,
                line.unit_price * line.qty,
                cost,
                cost * line.qty,
                bill,
                effective,
                cancelled,
                status,
                "Active",
            ]
        )
    return Output("psa_connectwise.xlsx", [sheet], "Agreement Additions", refs)


# ------------------------------------------------------------ Autotask: contract services report


def render_autotask_services(sc: Scenario, perturb: bool) -> Output:
    cols = [
        "Contract Name",
        "Account Name",
        "Contract Type",
        "Contract Status",
        "Service",
        "Invoice Description",
        "Contract Period Type",
        "Units",
        "Unit Price",
        "Adjusted Price",
        "Extended Price",
        "Unit Cost",
        "Start Date",
        "End Date",
    ]
    sheet = Sheet("psa")
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    total = Decimal(0)
    for i, line in enumerate(sc.plines):
        yearly = line.annual
        contract = (
            "Annual Software Subscriptions"
            if yearly
            else "Managed IT Agreement"
            if line.role == "service"
            else "Microsoft & Cloud Licensing"
        )
        status = "Inactive" if line.status != "active" else "Active"
        if status == "Inactive":
            contract = "Licensing (2025, superseded)"
        ext = line.unit_price * line.qty
        if status == "Active":
            total += ext
        refs[i] = sheet.add(
            [
                contract,
                _client(sc, line, perturb),
                "Recurring Service",
                status,
                _text(line, perturb),
                "" if line.role == "service" else "Cloud licence - per user",
                "Yearly" if yearly else "Monthly",
                str(line.qty),
                _m(sc, line.unit_price),
                _m(sc, line.unit_price),
                _m(sc, ext),
                "",
                _date(sc, dt.date(2026, 1, 1) if yearly else dt.date(2025, 7, 1)),
                _date(sc, dt.date(2026, 12, 31) if yearly else dt.date(2027, 6, 30)),
            ]
        )
    sheet.add(["Total", "", "", "", "", "", "", "", "", "", _m(sc, total), "", "", ""])
    return _csv(sc, "psa_autotask.csv", sheet, refs)


# ------------------------------------------------------------ Syncro: recurring invoice schedules

_GENERIC = (
    "User licence",
    "Cloud subscription",
    "Monthly licensing",
    "Per user / month",
    "Licence",
    "",
)


def render_syncro_schedules(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"syncro|{sc.seed}")
    cols = [
        "customer_business_name",
        "schedule_name",
        "frequency",
        "paused",
        "next_run",
        "name",
        "description",
        "quantity",
        "retail_cents",
        "cost_cents",
        "taxable",
    ]
    sheet = Sheet("psa")
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    for i, line in enumerate(sc.plines):
        paused = line.status != "active"
        if paused:
            schedule = "Old licensing (paused)"
        elif line.annual:
            schedule = "Annual renewals"
        else:
            schedule = "Monthly - Licensing & Support"
        desc = rng.choice(_GENERIC) if line.role != "service" else "Per agreement"
        if line.annual and "month" in desc.lower():
            desc = "Annual subscription"
        refs[i] = sheet.add(
            [
                _client(sc, line, perturb),
                schedule,
                "Annually" if line.annual else "Monthly",
                "true" if paused else "false",
                "2026-12-01",
                _text(line, perturb),
                desc,
                str(line.qty),
                str(int(line.unit_price * 100)),
                str(int(BY_KEY[line.product].cost * 100)) if line.role != "service" else "0",
                "false",
            ]
        )
    return _csv(sc, "psa_syncro.csv", sheet, refs)


# ------------------------------------------------------------ QuickBooks Online: Sales by Customer Detail


def render_qbo_sales_detail(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"qbo|{sc.seed}")
    sheet = Sheet(
        "Sales by Customer Detail",
        formats={1: "mm/dd/yyyy", 7: "#,##0.00", 8: "#,##0.00", 9: "#,##0.00"},
    )
    sheet.add(["Harbourside IT Solutions"])
    sheet.add(["Sales by Customer Detail"])
    sheet.add(["November 2026"])
    sheet.add([])
    sheet.add(
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
    refs: dict[int, int] = {}
    grand = Decimal(0)
    current = -1
    name = ""
    balance = Decimal(0)
    invoice = 10400 + rng.randrange(500)
    for i, line in enumerate(sc.plines):
        if line.cust != current:
            if current >= 0:
                sheet.add(
                    [f"Total for {name}", None, None, None, None, None, None, None, balance, None]
                )
            current = line.cust
            name = _client(sc, line, perturb)
            sheet.add([name])
            balance = Decimal(0)
            invoice += 1
        amount = line.unit_price * line.qty
        balance += amount
        grand += amount
        item = ("Services:" if line.role == "service" else "Licensing:") + _text(line, perturb)
        memo = "" if rng.random() < 0.5 else "Monthly recurring - Nov 2026"
        refs[i] = sheet.add(
            [
                "",
                dt.date(2026, 11, 1),
                "Invoice",
                str(invoice),
                item,
                memo,
                line.qty,
                line.unit_price,
                amount,
                balance,
            ]
        )
    if current >= 0:
        sheet.add([f"Total for {name}", None, None, None, None, None, None, None, balance, None])
    sheet.add(["TOTAL", None, None, None, None, None, None, None, grand, None])
    return Output("psa_quickbooks.xlsx", [sheet], "Sales by Customer Detail", refs)


# ------------------------------------------------------------ Xero: sales invoice export

_TAX = {
    "AUD": "GST on Income",
    "NZD": "15% GST on Income",
    "GBP": "20% (VAT on Income)",
    "EUR": "Tax on Sales",
    "USD": "Tax Exempt",
    "CAD": "GST/HST on Sales",
}


def render_xero_invoices(sc: Scenario, perturb: bool) -> Output:
    cols = [
        "*ContactName",
        "EmailAddress",
        "POAddressLine1",
        "POCity",
        "POCountry",
        "*InvoiceNumber",
        "Reference",
        "*InvoiceDate",
        "*DueDate",
        "InventoryItemCode",
        "*Description",
        "*Quantity",
        "*UnitAmount",
        "Discount",
        "*AccountCode",
        "*TaxType",
        "TrackingName1",
        "TrackingOption1",
        "Currency",
        "Status",
    ]
    sheet = Sheet("psa")
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    invoice = {c.cid: f"INV-{4100 + c.cid:05d}" for c in sc.customers}
    for i, line in enumerate(sc.plines):
        c = sc.customers[line.cust]
        status = "VOIDED" if line.status != "active" else "AUTHORISED"
        number = invoice[c.cid] + ("-V" if status == "VOIDED" else "")
        code = "" if line.role == "service" else ("MS-LIC" if _is_ms(line) else "CLOUD-LIC")
        refs[i] = sheet.add(
            [
                _client(sc, line, perturb),
                f"accounts@{c.domain.split('.')[0]}.example",
                "",
                "",
                c.country,
                number,
                "Nov-26 recurring",
                _date(sc, dt.date(2026, 11, 1)),
                _date(sc, dt.date(2026, 11, 20)),
                code,
                _text(line, perturb),
                num(line.qty, 4),
                num(line.unit_price, 4),
                "",
                "200" if line.role == "service" else "260",
                _TAX[sc.currency],
                "Department",
                "Licensing" if line.role != "service" else "Managed Services",
                sc.currency,
                status,
            ]
        )
    return Output("psa_xero.csv", [sheet], "psa", refs)


# ------------------------------------------------------------ Zoho Books: invoice export


def render_zoho_invoices(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"zoho|{sc.seed}")
    cols = [
        "Invoice Date",
        "Invoice ID",
        "Invoice Number",
        "Invoice Status",
        "Customer Name",
        "Currency Code",
        "Item Name",
        "Item Desc",
        "Quantity",
        "Usage unit",
        "Item Price",
        "Discount",
        "Item Total",
    ]
    sheet = Sheet("psa")
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    for i, line in enumerate(sc.plines):
        status = (
            "Void" if line.status != "active" else rng.choice(("Sent", "Paid", "Overdue", "Paid"))
        )
        desc = (
            ""
            if line.role == "service"
            else rng.choice(("Subscription for November 2026", "Per user", "", "Recurring licence"))
        )
        refs[i] = sheet.add(
            [
                "2026-11-01",
                f"{2398000000001 + line.cust * 7919}",
                f"INV-{sc.seed:02d}{line.cust:04d}",
                status,
                _client(sc, line, perturb),
                sc.currency,
                _text(line, perturb),
                desc,
                num(line.qty, 2),
                "user" if line.role != "service" else "each",
                num(line.unit_price),
                "0.00",
                num(line.unit_price * line.qty),
            ]
        )
    return Output("psa_zoho_books.csv", [sheet], "psa", refs)


# ------------------------------------------------------------ Kaseya BMS: recurring services (xlsx)


def render_kaseya_bms(sc: Scenario, perturb: bool) -> Output:
    cols = [
        "Account",
        "Contract",
        "Contract Status",
        "Service",
        "Description",
        "Frequency",
        "Qty",
        "Unit Price",
        "Total",
        "Start Date",
        "End Date",
        "Status",
    ]
    data = Sheet(
        "Recurring Services", formats={7: "#,##0.00", 8: "#,##0.00", 9: "d-mmm-yy", 10: "d-mmm-yy"}
    )
    data.add(list(cols))
    refs: dict[int, int] = {}
    totals: dict[str, Decimal] = {}
    for i, line in enumerate(sc.plines):
        name = _client(sc, line, perturb)
        status = {
            "active": "Active",
            "cancelled": "Cancelled",
            "not_billable": "Cancelled",
            "paused": "On Hold",
        }[line.status]
        total = line.unit_price * line.qty
        if status == "Active":
            totals[name] = totals.get(name, Decimal(0)) + total
        refs[i] = data.add(
            [
                name,
                f"RC-{1000 + line.cust}",
                "Active",
                _text(line, perturb),
                ("Per user per year" if line.annual else "Per user per month")
                if line.role != "service"
                else "Service",
                "Annually" if line.annual else "Monthly",
                line.qty,
                line.unit_price,
                total,
                dt.date(2025, 12, 1),
                dt.date(2026, 11, 30) if line.annual else None,
                status,
            ]
        )
    overview = Sheet("Overview", formats={1: "#,##0.00"})
    overview.add(["Recurring Revenue Overview - November 2026"])
    overview.add([])
    overview.add(["Account", "Monthly Recurring"])
    for name in sorted(totals):
        overview.add([name, totals[name]])
    return Output("psa_kaseya_bms.xlsx", [overview, data], "Recurring Services", refs)


# ------------------------------------------------------------ HaloPSA: recurring invoice lines (xlsx report)


def render_halopsa_recurring(sc: Scenario, perturb: bool) -> Output:
    cols = [
        "Client",
        "Site",
        "Recurring Invoice",
        "Next Creation Date",
        "item_shortdescription",
        "item_longdescription",
        "qty_order",
        "unit_price",
        "net_amount",
    ]
    sheet = Sheet("Report", formats={3: "dd/mm/yyyy", 7: "0.00", 8: "0.00"})
    sheet.add(["Recurring Invoice Lines"])
    sheet.add(["Run on 01/12/2026 09:00 by Finance Team"])
    sheet.add([])
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    for i, line in enumerate(sc.plines):
        long = (
            ""
            if line.role == "service"
            else "Licensing for $MONTHNAME $YEAR ($STARTDATE - $ENDDATE)"
        )
        refs[i] = sheet.add(
            [
                _client(sc, line, perturb),
                "Main",
                f"RI-{2000 + line.cust}",
                dt.date(2026, 12, 1),
                _text(line, perturb),
                long,
                line.qty,
                line.unit_price,
                line.unit_price * line.qty,
            ]
        )
    return Output("psa_halopsa.xlsx", [sheet], "Report", refs)


# ------------------------------------------------------------ ConnectWise: agreement export, cancellation only as a date


def render_connectwise_agreement_csv(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"cwcsv|{sc.seed}")
    cols = [
        "Agreement",
        "Company",
        "Product ID",
        "Product Description",
        "Qty",
        "Unit Price",
        "Ext. Price",
        "Effective Date",
        "Cancelled Date",
        "Billable",
    ]
    sheet = Sheet("psa")
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    for i, line in enumerate(sc.plines):
        cancelled = ""
        if line.status == "cancelled":
            cancelled = _date(sc, dt.date(2026, rng.randint(5, 10), 1))
        elif line.ends:
            cancelled = _date(sc, dt.date(2026, 11, line.ends))  # later this month: still billed
        refs[i] = sheet.add(
            [
                "MSA 2026" if line.role == "service" else "Licensing",
                _client(sc, line, perturb),
                "SVC" if line.role == "service" else "LIC",
                _text(line, perturb),
                str(line.qty),
                _m(sc, line.unit_price),
                _m(sc, line.unit_price * line.qty),
                _date(sc, dt.date(2025, 1, 1)),
                cancelled,
                "No" if line.status == "not_billable" else "Yes",
            ]
        )
    return _csv(sc, "psa_connectwise_agreements.csv", sheet, refs)


# ------------------------------------------------------------ MYOB AccountRight: Sales [Customer Detail] (.xls)


def render_myob_item_sales(sc: Scenario, perturb: bool) -> Output:
    sheet = Sheet("Sales Customer Detail", formats={1: "d/mm/yyyy", 6: "#,##0.00", 7: "#,##0.00"})
    sheet.add(["Southern Cross IT Pty Ltd"])
    sheet.add(["Sales [Customer Detail]"])
    sheet.add(["1/11/2026 To 30/11/2026"])
    sheet.add([])
    sheet.add(["", "Date", "ID No.", "Item No.", "Item Name", "Qty", "Unit Price", "Amount"])
    refs: dict[int, int] = {}
    current, total, name = -1, Decimal(0), ""
    for i, line in enumerate(sc.plines):
        if line.cust != current:
            if current >= 0:
                sheet.add(["", None, None, None, f"Total: {name}", None, None, total])
            current, total = line.cust, Decimal(0)
            name = _client(sc, line, perturb)
            sheet.add([name])
        amount = line.unit_price * line.qty
        total += amount
        item_no = "SVC" if line.role == "service" else ("LIC-MS" if _is_ms(line) else "LIC-3P")
        refs[i] = sheet.add(
            [
                "",
                dt.date(2026, 11, 1),
                f"{8800 + line.cust:08d}",
                item_no,
                _text(line, perturb),
                line.qty,
                line.unit_price,
                amount,
            ]
        )
    if current >= 0:
        sheet.add(["", None, None, None, f"Total: {name}", None, None, total])
    return Output("psa_myob.xls", [sheet], "Sales Customer Detail", refs)


FORMATS: dict[str, PsaFormat] = {
    f.name: f
    for f in (
        PsaFormat("connectwise_additions", render_connectwise_additions, not_billable=True),
        PsaFormat("autotask_services", render_autotask_services, annual=True),
        PsaFormat("syncro_schedules", render_syncro_schedules, annual=True),
        PsaFormat("qbo_sales_detail", render_qbo_sales_detail, cancel=False),
        PsaFormat("xero_invoices", render_xero_invoices),
        PsaFormat("zoho_invoices", render_zoho_invoices),
        PsaFormat("kaseya_bms_recurring", render_kaseya_bms, annual=True),
        PsaFormat("halopsa_recurring", render_halopsa_recurring, cancel=False),
        PsaFormat("connectwise_agreement_csv", render_connectwise_agreement_csv, not_billable=True),
        PsaFormat("myob_item_sales", render_myob_item_sales, cancel=False),
    )
}
