"""PSA / billing exports (what the MSP bills its clients), one renderer per format.

Each renderer returns ``(file name, sheet name or None, {row number: PLine})``.
Formats without a billing-period column show a yearly line at its monthly price (exact: the
scenario's yearly prices are 12 x a cent amount).
"""

from __future__ import annotations

import datetime as dt
import pathlib
import random
from collections.abc import Callable
from decimal import Decimal

from . import catalog as cat
from .io_util import Bold, Table, write_csv, write_xlsx
from .scenario import PLine, Scenario

Result = tuple[str, str | None, dict[int, PLine]]

_PRODUCT_CODE = {p.key: f"LIC-{100 + i:04d}" for i, p in enumerate(cat.PRODUCTS)}
_SERVICE_CODE = {s[0]: f"SVC-{200 + i:04d}" for i, s in enumerate(cat.SERVICES)}


def _code(pl: PLine) -> str:
    return (
        _PRODUCT_CODE[pl.product.key]
        if pl.product
        else _SERVICE_CODE.get(pl.service or "", "SVC-0999")
    )


def _monthly(pl: PLine) -> Decimal:
    return (pl.unit / 12).quantize(Decimal("0.01")) if pl.yearly else pl.unit


def _ext(q: int, u: Decimal) -> Decimal:
    return (u * q).quantize(Decimal("0.01"))


def _groups(sc: Scenario, rng: random.Random) -> list[tuple[str, list[PLine]]]:
    by: dict[str, list[PLine]] = {}
    for pl in sc.plines:
        by.setdefault(pl.client.cid, []).append(pl)
    clients = sorted(
        (c for c in sc.clients if c.cid in by), key=lambda c: (c.psa_name.casefold(), c.cid)
    )
    out = []
    for c in clients:
        lines = list(by[c.cid])
        rng.shuffle(lines)
        out.append((c.psa_name, lines))
    return out


def _mdy(d: dt.date | None) -> str:
    return "" if d is None else f"{d.month}/{d.day}/{d.year}"


# ---------------------------------------------------------------- ConnectWise PSA
def connectwise(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(
        [
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
            "Cost",
            "Ext Cost",
            "Bill",
            "Effective",
            "Cancelled",
            "Agreement Status",
            "Addition Status",
        ]
    )
    for name, lines in _groups(sc, rng):
        for seq, pl in enumerate(lines, 1):
            unit = _monthly(pl)
            status = "Cancelled" if pl.role == "cancelled" else "Active"
            if pl.role == "cancelled" and rng.random() < 0.3:
                status = "Inactive"
            cost = (
                (unit * Decimal("0.8")).quantize(Decimal("0.01")) if pl.product else Decimal("0.00")
            )
            t.add(
                [
                    name,
                    pl.agreement,
                    "Managed Services" if "Managed" in pl.agreement else "Recurring",
                    seq,
                    _code(pl),
                    pl.text,
                    pl.qty,
                    0,
                    unit,
                    _ext(pl.qty, unit),
                    cost,
                    _ext(pl.qty, cost),
                    "Billable",
                    pl.start,
                    pl.cancel_date,
                    "Active",
                    status,
                ],
                pl,
            )
    name = "psa.xlsx"
    write_xlsx(out / name, [("Agreement Additions", t)])
    return name, None, t.row_map()


def connectwise_cancel_date_only(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(
        [
            "Company",
            "Agreement",
            "Product ID",
            "Description",
            "Qty",
            "Unit Price",
            "Ext Price",
            "Effective Date",
            "Cancelled Date",
        ]
    )
    european = sc.currency == "EUR"  # a European MSP's export: `;`, decimal comma, day-first dates

    def num(x: Decimal) -> str | Decimal:
        return format(x, "f").replace(".", ",") if european else x

    def day(d: dt.date | None) -> str:
        return "" if d is None else (f"{d:%d.%m.%Y}" if european else _mdy(d))

    for name, lines in _groups(sc, rng):
        for pl in lines:
            unit = _monthly(pl)
            t.add(
                [
                    name,
                    pl.agreement,
                    _code(pl),
                    pl.text,
                    pl.qty,
                    num(unit),
                    num(_ext(pl.qty, unit)),
                    day(pl.start),
                    day(pl.cancel_date),
                ],
                pl,
            )
    name = "psa.csv"
    if european:
        write_csv(out / name, t, delimiter=";", encoding="cp1252")
    else:
        write_csv(out / name, t)
    return name, None, t.row_map()


# ---------------------------------------------------------------- Autotask contract services
def autotask(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(
        [
            "Account",
            "Contract",
            "Service",
            "Period Type",
            "Units",
            "Unit Price",
            "Adjusted Price",
            "Unit Cost",
            "Extended Price",
            "Start Date",
            "End Date",
            "Status",
        ]
    )
    total = Decimal(0)
    for name, lines in _groups(sc, rng):
        for pl in lines:
            ext = _ext(pl.qty, pl.unit)
            if pl.role != "cancelled":
                total += ext
            end = pl.cancel_date if pl.cancel_date else dt.date(2027, 12, 31)
            t.add(
                [
                    name,
                    pl.agreement,
                    pl.text,
                    "Yearly" if pl.yearly else "Monthly",
                    pl.qty,
                    pl.unit,
                    pl.unit,
                    (pl.unit * Decimal("0.75")).quantize(Decimal("0.01")),
                    ext,
                    pl.start,
                    end,
                    "Inactive" if pl.role == "cancelled" else "Active",
                ],
                pl,
            )
    t.add([Bold("Total"), "", "", "", "", "", "", "", total])
    name = "psa.xlsx"
    write_xlsx(out / name, [("Contract Services", t)])
    return name, None, t.row_map()


# ---------------------------------------------------------------- HaloPSA recurring invoices
def halopsa(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add([Bold("Recurring Invoice Lines")])
    t.add(["Report run: 02/11/2026 08:00"])
    t.add([])
    t.add(
        [
            "Client",
            "Site",
            "Recurring Invoice",
            "item_shortdescription",
            "item_longdescription",
            "qty_order",
            "unit_price",
            "net_amount",
            "Billing Period",
            "Status",
        ]
    )
    for n, (name, lines) in enumerate(_groups(sc, rng)):
        for pl in lines:
            long = rng.choice(
                (
                    "",
                    "For the period $STARTDATE to $ENDDATE",
                    "Monthly charge $MONTH $YEAR",
                    "Licences as per agreement",
                )
            )
            t.add(
                [
                    name,
                    "Main",
                    f"RI-{1000 + n}",
                    pl.text,
                    long,
                    pl.qty,
                    pl.unit,
                    _ext(pl.qty, pl.unit),
                    "Annually" if pl.yearly else "Monthly",
                    "Cancelled" if pl.role == "cancelled" else "Active",
                ],
                pl,
            )
    name = "psa.xlsx"
    write_xlsx(out / name, [("Report", t)], date_fmt="dd/mm/yyyy")
    return name, None, t.row_map()


# ---------------------------------------------------------------- Syncro recurring schedules
def syncro(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(
        [
            "Customer",
            "Schedule Name",
            "Frequency",
            "Paused",
            "Next Run",
            "Line Item Name",
            "Line Item Description",
            "Quantity",
            "retail_cents",
            "cost_cents",
        ]
    )
    for name, lines in _groups(sc, rng):
        for pl in lines:
            if pl.role == "cancelled":
                sched, freq, paused = "Old licences", "Monthly", "true"
            elif pl.yearly:
                sched, freq, paused = "Annual renewals", "Annually", "false"
            else:
                sched, freq, paused = "Monthly billing", "Monthly", "false"
            if pl.product:
                desc = rng.choice(
                    ("User licence", "Cloud subscription", "Monthly licence", "Per user", "")
                )
            else:
                desc = rng.choice(("Service", "Recurring service", ""))
            cents = int(pl.unit * 100)
            cost = int((pl.unit * Decimal("0.8")).quantize(Decimal(1)))
            t.add(
                [name, sched, freq, paused, "2026-11-01", pl.text, desc, pl.qty, cents, cost * 100],
                pl,
            )
    name = "psa.csv"
    write_csv(out / name, t, newline="\n")
    return name, None, t.row_map()


# ---------------------------------------------------------------- Kaseya BMS recurring services
def kaseya_bms(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(
        [
            "Account Name",
            "Contract",
            "Service",
            "Description",
            "Quantity",
            "Price",
            "Extended Amount",
            "Frequency",
            "Start Date",
            "End Date",
            "Status",
        ]
    )
    for name, lines in _groups(sc, rng):
        for pl in lines:
            t.add(
                [
                    name,
                    pl.agreement,
                    pl.text,
                    "Recurring service" if not pl.product else "Recurring licence",
                    pl.qty,
                    pl.unit,
                    _ext(pl.qty, pl.unit),
                    "Annually" if pl.yearly else "Monthly",
                    pl.start,
                    pl.cancel_date,
                    "Cancelled" if pl.role == "cancelled" else "Active",
                ],
                pl,
            )
    name = "psa.xlsx"
    write_xlsx(out / name, [("Recurring Services", t)])
    return name, None, t.row_map()


# ---------------------------------------------------------------- QuickBooks Online: Sales by Customer Detail
def quickbooks_online(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add([Bold("Example Managed IT LLC")])
    t.add([Bold("Sales by Customer Detail")])
    t.add(["October 2026"])
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
    grand = Decimal(0)
    num = 1040
    for name, lines in _groups(sc, rng):
        lines = [
            pl for pl in lines if pl.role != "cancelled"
        ]  # a sales report lists what was invoiced
        if not lines:
            continue
        t.add([Bold(name)])
        num += 1
        bal = Decimal(0)
        for pl in lines:
            unit = _monthly(pl)
            amt = _ext(pl.qty, unit)
            bal += amt
            item = ("Licensing:" if pl.product else "Services:") + pl.text
            memo = rng.choice(("October 2026", "Monthly recurring", "Per user / month", ""))
            t.add(
                ["", dt.date(2026, 10, 1), "Invoice", str(num), item, memo, pl.qty, unit, amt, bal],
                pl,
            )
        t.add([Bold(f"Total for {name}"), "", "", "", "", "", "", "", bal])
        grand += bal
    t.add([Bold("TOTAL"), "", "", "", "", "", "", "", grand])
    name = "psa.xlsx"
    write_xlsx(out / name, [("Sales by Customer Detail", t)])
    return name, None, t.row_map()


# ---------------------------------------------------------------- Xero: receivable invoice detail
def xero(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(["Receivable Invoice Detail"])
    t.add(["Example Managed IT Ltd"])
    t.add(["For the period 1 October 2026 to 31 October 2026"])
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
            "Discount",
            "Line Amount",
            "Currency",
        ]
    )
    num = 3100
    grand = Decimal(0)
    for name, lines in _groups(sc, rng):
        lines = [pl for pl in lines if pl.role != "cancelled"]
        if not lines:
            continue
        t.add([name])
        num += 1
        sub = Decimal(0)
        for pl in lines:
            unit = _monthly(pl)
            amt = _ext(pl.qty, unit)
            sub += amt
            t.add(
                [
                    "1 Oct 2026",
                    f"INV-{num}",
                    "Monthly services",
                    _code(pl),
                    pl.text,
                    pl.qty,
                    unit,
                    "",
                    amt,
                    sc.currency,
                ],
                pl,
            )
        t.add([f"Total {name}", "", "", "", "", "", "", "", sub, ""])
        grand += sub
    t.add(["Total", "", "", "", "", "", "", "", grand, ""])
    name = "psa.csv"
    write_csv(out / name, t)
    return name, None, t.row_map()


RENDERERS: dict[str, Callable[[Scenario, pathlib.Path, random.Random], Result]] = {
    "connectwise": connectwise,
    "connectwise_cancel_date_only": connectwise_cancel_date_only,
    "autotask": autotask,
    "halopsa": halopsa,
    "syncro": syncro,
    "kaseya_bms": kaseya_bms,
    "quickbooks_online": quickbooks_online,
    "xero": xero,
}
