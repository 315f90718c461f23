"""PSA and accounting exports: what the MSP bills its clients (see README for sources/assumptions)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from .describe import SERVICES
from .scenario import Caps, PLine, Scenario
from .vendors import PAX8_INDEX, Rendered
from .writers import Sheet, money, write_csv, write_xls, write_xlsx

SYM = {"USD": "$", "CAD": "$", "AUD": "$", "GBP": "£", "EUR": "€"}


def _money_text(sc: Scenario, cents: int, symbol: bool) -> str:
    cur = sc.caps.currency
    if cur == "EUR":
        return money(cents, dec=",", thou=".", after=" €" if symbol else "")
    return money(cents, sym=SYM[cur] if symbol else "", thou=",")


def _xlsx_money(sc: Scenario) -> str:
    cur = sc.caps.currency
    return '#,##0.00 "€"' if cur == "EUR" else f'"{SYM[cur]}"#,##0.00'


def _csv_dialect(sc: Scenario) -> dict[str, str]:
    return {"delimiter": ";"} if sc.caps.currency == "EUR" else {}


def _name(sc: Scenario, line: PLine) -> str:
    return sc.psa_names[line.client.idx][0]


def _ordered(rng: random.Random, sc: Scenario) -> list[PLine]:
    lines = list(sc.psa)
    rng.shuffle(lines)
    lines.sort(key=lambda x: (_name(sc, x).casefold(), x.agreement))
    return lines


SERVICE_INDEX = {text: i for i, (text, _unit) in enumerate(SERVICES)}


def _item_id(line: PLine) -> str:
    """The MSP's own catalogue item: one id per product (and per service), never shared."""
    if line.product is None:
        return f"SVC-{110 + 3 * SERVICE_INDEX[line.label]:03d}"
    return f"LIC-{1000 + 37 * PAX8_INDEX[line.product.key]:04d}"


def connectwise_additions(sc: Scenario, rng: random.Random, out: Path) -> Rendered:
    sh = Sheet("Agreement Additions")
    sh.add(
        [
            "Company Name",
            "Agreement Name",
            "Agreement Type",
            "Billing Cycle",
            "Sequence",
            "Effective",
            "Cancelled",
            "Product ID",
            "Description",
            "Quantity",
            "Less Included",
            "Price",
            "Ext Price",
            "Bill",
            "Addition Status",
            "Agreement Status",
            "Cost",
            "Ext Cost",
        ]
    )
    m = _xlsx_money(sc)
    sh.formats = {5: "m/d/yyyy", 6: "m/d/yyyy", 11: m, 12: m, 16: m, 17: m}
    seq: dict[str, int] = {}
    for x in _ordered(rng, sc):
        agreement = "Annual Licences" if x.annual else x.agreement
        key = f"{x.client.idx}|{agreement}"
        seq[key] = seq.get(key, 0) + 1
        status = x.status
        bill = "Billable" if x.billable else ("DoNotBill" if x.uid % 2 else "NoCharge")
        cost = x.product.cost * (12 if x.annual else 1) if x.product else x.price // 3
        sh.add(
            [
                _name(sc, x),
                agreement,
                "Licensing" if x.product else "Managed Services",
                "Annual" if x.annual else "Monthly",
                seq[key],
                x.effective,
                x.cancelled,
                _item_id(x),
                x.desc,
                x.qty,
                0,
                Decimal(x.price) / 100,
                Decimal(x.price * x.qty) / 100,
                bill,
                status,
                "Active",
                Decimal(cost) / 100,
                Decimal(cost * x.qty) / 100,
            ],
            x.uid,
        )
    write_xlsx(out / "psa.xlsx", [sh])
    return Rendered("psa.xlsx", "Agreement Additions", sh.row_numbers())


def connectwise_csv(sc: Scenario, rng: random.Random, out: Path) -> Rendered:
    sh = Sheet("additions")
    sh.add(
        [
            "Company",
            "Agreement",
            "Product ID",
            "Description",
            "Qty",
            "Unit Price",
            "Ext. Price",
            "Effective Date",
            "Cancelled Date",
        ]
    )
    for x in _ordered(rng, sc):
        sh.add(
            [
                _name(sc, x),
                x.agreement,
                _item_id(x),
                x.desc,
                str(x.qty),
                _money_text(sc, x.price, True),
                _money_text(sc, x.price * x.qty, True),
                f"{x.effective.month}/{x.effective.day}/{x.effective.year}",
                f"{x.cancelled.month}/{x.cancelled.day}/{x.cancelled.year}" if x.cancelled else "",
            ],
            x.uid,
        )
    write_csv(out / "psa.csv", sh, **_csv_dialect(sc))  # type: ignore[arg-type]
    return Rendered("psa.csv", None, sh.row_numbers())


def autotask(sc: Scenario, rng: random.Random, out: Path) -> Rendered:
    sh = Sheet("contract services")
    sh.add(
        [
            "Account Name",
            "Contract Name",
            "Contract Type",
            "Service Name",
            "Period Type",
            "Units",
            "Unit Price",
            "Extended Price",
            "Unit Cost",
            "Start Date",
            "End Date",
        ]
    )
    units = 0
    ext = 0
    for x in _ordered(rng, sc):
        sh.add(
            [
                _name(sc, x),
                x.agreement,
                "Recurring Service",
                x.desc,
                "Yearly" if x.annual else "Monthly",
                str(x.qty),
                _money_text(sc, x.price, False),
                _money_text(sc, x.price * x.qty, False),
                _money_text(sc, x.product.cost if x.product else x.price // 3, False),
                x.effective.strftime("%m/%d/%Y"),
                "12/31/2027",
            ],
            x.uid,
        )
        units += x.qty
        ext += x.price * x.qty
    sh.add(["Total", "", "", "", "", str(units), "", _money_text(sc, ext, False), "", "", ""])
    write_csv(out / "psa.csv", sh, **_csv_dialect(sc))  # type: ignore[arg-type]
    return Rendered("psa.csv", None, sh.row_numbers())


LONG = (
    "Licences for $MONTHNAME $YEAR",
    "Period $STARTDATE - $ENDDATE",
    "",
    "Per user, billed in advance",
    "Subscription $MONTHNAME",
    "",
)


def halopsa(sc: Scenario, rng: random.Random, out: Path) -> Rendered:
    sh = Sheet("Recurring Invoice Lines")
    sh.add(["Recurring Invoice Lines"], bold=True)
    sh.add(["Report run: 02/11/2026 08:14"])
    sh.add([])
    sh.add(
        [
            "Client",
            "Recurring Invoice",
            "Billing Cycle",
            "Status",
            "Item",
            "Description",
            "Qty",
            "Unit Price",
            "Net Amount",
        ],
        bold=True,
    )
    m = _xlsx_money(sc)
    sh.formats = {7: m, 8: m}
    for x in _ordered(rng, sc):
        sh.add(
            [
                _name(sc, x),
                f"RI-{1000 + x.client.idx} {x.agreement}",
                "Annually" if x.annual else "Monthly",
                ("Inactive" if x.role == "cancelled" else "Active"),
                x.desc,
                rng.choice(LONG),
                x.qty,
                Decimal(x.price) / 100,
                Decimal(x.price * x.qty) / 100,
            ],
            x.uid,
        )
    write_xlsx(out / "psa.xlsx", [sh])
    return Rendered("psa.xlsx", "Recurring Invoice Lines", sh.row_numbers())


GENERIC = (
    "User licence",
    "Cloud subscription",
    "Monthly licence fee",
    "Per user",
    "",
    "Recurring charge",
)


def syncro(sc: Scenario, rng: random.Random, out: Path) -> Rendered:
    sh = Sheet("schedules")
    sh.add(
        [
            "Customer",
            "Schedule Name",
            "Frequency",
            "Paused",
            "Next Run",
            "Name",
            "Description",
            "Quantity",
            "Retail Cents",
            "Cost Cents",
            "Taxable",
        ]
    )
    for x in _ordered(rng, sc):
        if x.paused:
            schedule = "Old licences (on hold)"
        elif x.annual:
            schedule = "Annual licences"
        else:
            schedule = x.agreement
        sh.add(
            [
                _name(sc, x),
                schedule,
                "Annually" if x.annual else "Monthly",
                "true" if x.paused else "false",
                "2026-11-01",
                x.desc,
                "Service" if x.product is None else rng.choice(GENERIC),
                str(x.qty),
                str(x.price),
                str(x.product.cost if x.product else x.price // 3),
                "false",
            ],
            x.uid,
        )
    write_csv(out / "psa.csv", sh, crlf=False)
    return Rendered("psa.csv", None, sh.row_numbers())


def kaseya_bms(sc: Scenario, rng: random.Random, out: Path) -> Rendered:
    sh = Sheet("Recurring Services")
    sh.add(
        [
            "Account",
            "Contract",
            "Service",
            "Description",
            "Quantity",
            "Unit Price",
            "Total",
            "Frequency",
            "Start Date",
            "End Date",
            "Status",
        ],
        bold=True,
    )
    m = _xlsx_money(sc)
    sh.formats = {5: m, 6: m, 8: "dd-mmm-yyyy", 9: "dd-mmm-yyyy"}
    for x in _ordered(rng, sc):
        sh.add(
            [
                _name(sc, x),
                x.agreement,
                x.desc,
                "",
                x.qty,
                Decimal(x.price) / 100,
                Decimal(x.price * x.qty) / 100,
                "Annually" if x.annual else "Monthly",
                x.effective,
                x.cancelled if x.role == "cancelled" else None,
                "Inactive" if x.role == "cancelled" else "Active",
            ],
            x.uid,
        )
    write_xlsx(out / "psa.xlsx", [sh])
    return Rendered("psa.xlsx", "Recurring Services", sh.row_numbers())


def _grouped(rng: random.Random, sc: Scenario) -> list[tuple[str, list[PLine]]]:
    groups: dict[str, list[PLine]] = {}
    for x in _ordered(rng, sc):
        groups.setdefault(_name(sc, x), []).append(x)
    return list(groups.items())


def quickbooks(sc: Scenario, rng: random.Random, out: Path) -> Rendered:
    sh = Sheet("Sales by Customer Detail")
    sh.add(["Bluepeak Technology Partners"], bold=True)
    sh.add(["Sales by Customer Detail"], bold=True)
    sh.add(["October 2026"])
    sh.add([])
    sh.add(
        [
            "",
            "Transaction date",
            "Transaction type",
            "Num",
            "Product/Service full name",
            "Memo/Description",
            "Quantity",
            "Sales price",
            "Amount",
            "Balance",
        ],
        bold=True,
    )
    m = _xlsx_money(sc)
    sh.formats = {1: "mm/dd/yyyy", 7: m, 8: m, 9: m}
    grand = 0
    num = 1000 + sc.seed
    for name, lines in _grouped(rng, sc):
        sh.add([name], bold=True)
        bal = 0
        num += 1
        for x in lines:
            amount = x.price * x.qty
            bal += amount
            item = "Cloud Licences:Per User" if x.product else "Services:Managed Services"
            sh.add(
                [
                    "",
                    date(2026, 10, 1),
                    "Invoice",
                    str(num),
                    item,
                    x.desc,
                    x.qty,
                    Decimal(x.price) / 100,
                    Decimal(amount) / 100,
                    Decimal(bal) / 100,
                ],
                x.uid,
            )
        sh.add([f"Total for {name}", "", "", "", "", "", "", "", Decimal(bal) / 100, ""], bold=True)
        grand += bal
    sh.add(["TOTAL", "", "", "", "", "", "", "", Decimal(grand) / 100, ""], bold=True)
    write_xlsx(out / "psa.xlsx", [sh])
    return Rendered("psa.xlsx", "Sales by Customer Detail", sh.row_numbers())


def xero(sc: Scenario, rng: random.Random, out: Path) -> Rendered:
    sh = Sheet("Receivable Invoice Detail")
    sh.add(["Receivable Invoice Detail"])
    sh.add(["Bluepeak Technology Partners Ltd"])
    sh.add(["For the period 1 October 2026 to 31 October 2026"])
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
            "Discount",
            "Line Amount",
            "Tax Rate",
            "Currency",
        ]
    )
    grand = 0
    num = 4000 + sc.seed
    for name, lines in _grouped(rng, sc):
        sh.add([name])
        num += 1
        total = 0
        for x in lines:
            amount = x.price * x.qty
            total += amount
            sh.add(
                [
                    "1 Oct 2026",
                    f"INV-{num:05d}",
                    "Monthly recurring",
                    _item_id(x),
                    x.desc,
                    _money_text(sc, x.qty * 100, False),
                    _money_text(sc, x.price, False),
                    _money_text(sc, 0, False),
                    _money_text(sc, amount, False),
                    "Tax Exempt",
                    sc.caps.currency,
                ],
                x.uid,
            )
        sh.add([f"Total {name}", "", "", "", "", "", "", "", _money_text(sc, total, False), "", ""])
        grand += total
    sh.add(["Total", "", "", "", "", "", "", "", _money_text(sc, grand, False), "", ""])
    write_csv(out / "psa.csv", sh, **_csv_dialect(sc))  # type: ignore[arg-type]
    return Rendered("psa.csv", None, sh.row_numbers())


def autotask_livereport(sc: Scenario, rng: random.Random, out: Path) -> Rendered:
    """An Autotask LiveReport of contract services exported to Excel 97-2003 (.xls)."""
    sh = Sheet("Contract Services")
    sh.add(["Contract Services by Account"], bold=True)
    sh.add(["Contract Period: October 2026"])
    sh.add(
        [
            "Account",
            "Contract",
            "Service",
            "Period",
            "Units",
            "Price",
            "Adjusted Price",
            "Extended Price",
            "Service Start",
        ],
        bold=True,
    )
    m = "#,##0.00"
    sh.formats = {5: m, 6: m, 7: m, 8: "mm/dd/yyyy"}
    total = 0
    for x in _ordered(rng, sc):
        sh.add(
            [
                _name(sc, x),
                x.agreement,
                x.desc,
                "Yearly" if x.annual else "Monthly",
                x.qty,
                Decimal(x.price) / 100,
                Decimal(x.price) / 100,
                Decimal(x.price * x.qty) / 100,
                x.effective,
            ],
            x.uid,
        )
        total += x.price * x.qty
    sh.add(["Grand Total", "", "", "", "", "", "", Decimal(total) / 100, ""], bold=True)
    write_xls(out / "psa.xls", [sh])
    return Rendered("psa.xls", "Contract Services", sh.row_numbers())


PsaRenderer = Callable[[Scenario, random.Random, Path], Rendered]
# name -> (renderer, caps it offers)
PSAS: dict[str, tuple[PsaRenderer, Caps]] = {
    "connectwise_additions": (
        connectwise_additions,
        Caps(psa_annual=True, psa_cancel_status=True, psa_cancel_date=True, psa_nobill=True),
    ),
    "connectwise_csv": (connectwise_csv, Caps(psa_cancel_date=True)),
    "autotask_contract_services": (autotask, Caps(psa_annual=True)),
    "autotask_livereport_xls": (autotask_livereport, Caps(psa_annual=True)),
    "halopsa_recurring": (halopsa, Caps(psa_annual=True, psa_cancel_status=True)),
    "syncro_schedules": (syncro, Caps(psa_annual=True, psa_paused=True)),
    "kaseya_bms": (kaseya_bms, Caps(psa_annual=True, psa_cancel_status=True)),
    "quickbooks_sales_detail": (quickbooks, Caps()),
    "xero_invoice_detail": (xero, Caps()),
}
