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
            cancelled = dt.date(2026, rng.randint(6, 10), rng.choice((1, 15, 31 if False else 30)))
            status = "Cancelled"
            effective = dt.date(2025, 3, 1)
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
        formats={1: "mm/dd/yyyy", 6: "#,##0.00", 7: "#,##0.00", 8: "#,##0.00", 9: "#,##0.00"},
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


FORMATS: dict[str, PsaFormat] = {
    f.name: f
    for f in (
        PsaFormat("connectwise_additions", render_connectwise_additions, not_billable=True),
        PsaFormat("autotask_services", render_autotask_services, annual=True),
        PsaFormat("syncro_schedules", render_syncro_schedules, annual=True),
        PsaFormat("qbo_sales_detail", render_qbo_sales_detail, cancel=False),
    )
}
