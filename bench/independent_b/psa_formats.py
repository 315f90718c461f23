"""PSA and accounting exports (what the MSP bills its clients), one function per format.

Each returns (file name, sheet name or None, {psa line index: row number}). A format that cannot
hold a cancelled line (an invoice report) leaves it out; one that has no yearly billing shows an
annual line at its monthly price (the same monthly amount the truth uses).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from .catalogue import BY_KEY
from .render import grouped, money, plain, us_date0, write_csv, write_xlsx, year_end
from .scenario import PERIOD_START, PsaLine, Scenario

START = dt.date(*PERIOD_START)
Rendered = tuple[str, str | None, dict[int, int]]

SERVICE_WORDS = {
    "backup": "BKP-DEV",
    "support": "SUPPORT",
    "labour": "LABOR",
    "hardware": "HW",
    "fee": "FEE-ONETIME",
    "managed": "MSP-FLAT",
}


def _ordered(s: Scenario, keep_cancelled: bool = True) -> list[tuple[int, PsaLine]]:
    lines = [(i, p) for i, p in enumerate(s.psa) if keep_cancelled or p.role != "cancelled"]
    return sorted(lines, key=lambda item: (s.clients[item[1].client].psa_name.casefold(), item[0]))


def _monthly(p: PsaLine) -> tuple[int, bool]:
    """(unit cents, annual) for a format that has no yearly billing: the monthly price."""
    return (p.unit_cents // 12, False) if p.annual else (p.unit_cents, p.annual)


def _cost(p: PsaLine) -> int:
    """The unit cost the PSA holds for the line's billing period."""
    return p.cost_cents * 12 if p.annual else p.cost_cents


def _service_code(text: str) -> str:
    low = text.lower()
    for word, code in SERVICE_WORDS.items():
        if word in low:
            return code
    return "SERVICE"


def _csv_style(currency: str) -> tuple[str, bool]:
    return (";", True) if currency == "EUR" else (",", False)


# ---- ConnectWise PSA: agreement additions, cross-agreement search export (CSV) -----------------------
# Captions from the additions list view and the cross-agreement search (exports.md): Company Name,
# Agreement Name, Agreement Type, Product ID, Description, Quantity, Less Included, Price, Ext Price,
# Cost, Ext Cost, Bill, Effective, Cancelled, Addition Status, plus the agreement's Billing Cycle.
# Money "$1,234.50"; a cancelled addition shows by status, by a Cancelled date on or before the 1st,
# or as Inactive; one dated later in the month is still billed.
def connectwise_additions(s: Scenario, out: Path, currency: str) -> Rendered:
    delimiter, _ = _csv_style(currency)
    columns = [
        "Company Name",
        "Agreement Name",
        "Agreement Type",
        "Billing Cycle",
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
        "Addition Status",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    seq: dict[int, int] = {}
    for index, p in _ordered(s):
        client = s.clients[p.client]
        seq[p.client] = seq.get(p.client, 0) + 1
        if p.product is None:
            product_id, agreement, kind = (
                _service_code(p.text),
                "Managed Services",
                "Managed Services",
            )
        else:
            microsoft = BY_KEY[p.product].microsoft
            product_id = ("CSP-NCE-A" if p.annual else "CSP-NCE-M") if microsoft else "SAAS-RESALE"
            agreement, kind = (
                ("Annual Licences", "Licensing")
                if p.annual
                else ("Microsoft 365 & Cloud", "Licensing")
            )
        cancelled, status = "", "Active"
        if p.cancel == "status":
            cancelled, status = us_date0(dt.date(2026, 10, 15)), "Cancelled"
        elif p.cancel == "date":
            cancelled = us_date0(START)
        elif p.cancel == "paused":
            status = "Inactive"
        elif p.cancel == "later":
            cancelled = us_date0(dt.date(2026, 11, 30))
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.psa_name,
                f"{client.psa_name} - {agreement}",
                kind,
                "Annual" if p.annual else "Monthly",
                str(seq[p.client]),
                product_id,
                p.spelling,
                str(p.qty),
                "0",
                money(p.unit_cents, currency),
                money(p.qty * p.unit_cents, currency),
                money(_cost(p), currency),
                money(p.qty * _cost(p), currency),
                "Billable",
                us_date0(dt.date(2025, 7, 1)),
                cancelled,
                status,
            ]
        )
    write_csv(out / "psa.csv", rows, delimiter=delimiter)
    return "psa.csv", None, rowmap


# ---- ConnectWise PSA: an agreement-additions export with another column subset (CSV) ----------------
# issue 10: ConnectWise exports "with other column subsets where a cancellation shows only as a date".
# Assumed captions of a saved additions report: Company, Agreement, Product, Product Description,
# Qty, Unit Price, Extended Price, Effective Date, Cancelled Date (yyyy-mm-dd). A line whose
# cancelled date is on or before 1 November is not billed; one cancelled on 30 November still is.
def connectwise_cancel_dates(s: Scenario, out: Path, currency: str) -> Rendered:
    delimiter, comma = _csv_style(currency)
    columns = [
        "Company",
        "Agreement",
        "Product",
        "Product Description",
        "Qty",
        "Unit Price",
        "Extended Price",
        "Effective Date",
        "Cancelled Date",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    cancelled_on = {
        "status": "2026-10-15",
        "date": "2026-11-01",
        "paused": "2026-09-30",
        "later": "2026-11-30",
    }
    for index, p in _ordered(s):
        client = s.clients[p.client]
        unit, _ = _monthly(p)
        if p.product is None:
            agreement, product = "Managed Services", _service_code(p.text)
        else:
            agreement, product = "Licensing - Monthly", "LIC-RECURRING"
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.psa_name,
                agreement,
                product,
                p.spelling,
                str(p.qty),
                grouped(unit, comma),
                grouped(p.qty * unit, comma),
                "2025-07-01",
                cancelled_on.get(p.cancel or "", ""),
            ]
        )
    write_csv(out / "psa.csv", rows, delimiter=delimiter)
    return "psa.csv", None, rowmap


# ---- Autotask: contract services report (xlsx) -------------------------------------------------------
# exports.md: contract services carry the service, units, unit price, adjusted price and unit cost per
# contract; period type monthly or yearly; report exports end with a totals row. Inactive contracts
# are not billed.
def autotask_services(s: Scenario, out: Path, currency: str) -> Rendered:
    columns = [
        "Account Name",
        "Contract Name",
        "Contract Status",
        "Service Name",
        "Period Type",
        "Units",
        "Unit Price",
        "Adjusted Price",
        "Extended Price",
        "Unit Cost",
        "Start Date",
        "End Date",
    ]
    rows: list[Sequence[object]] = [columns]
    rowmap: dict[int, int] = {}
    units = 0
    total = 0
    for index, p in _ordered(s):
        client = s.clients[p.client]
        status = "Inactive" if p.cancel in ("status", "date", "paused") else "Active"
        end = dt.date(2026, 11, 30) if p.cancel == "later" else year_end(dt.date(2026, 7, 1))
        rowmap[index] = len(rows) + 1
        units += p.qty
        total += p.qty * p.unit_cents if status == "Active" else 0
        rows.append(
            [
                client.psa_name,
                "Recurring Services" if p.product is None else "Cloud Licensing",
                status,
                p.spelling,
                "Yearly" if p.annual else "Monthly",
                p.qty,
                Decimal(p.unit_cents) / 100,
                Decimal(p.unit_cents) / 100,
                Decimal(p.qty * p.unit_cents) / 100,
                Decimal(_cost(p)) / 100,
                dt.date(2025, 7, 1),
                end,
            ]
        )
    rows.append(
        ["Total", "", "", "", "", units, None, None, Decimal(total) / 100, None, None, None]
    )
    fmt = {"GBP": '"£"#,##0.00', "EUR": '#,##0.00 "€"'}.get(currency, '"$"#,##0.00')
    write_xlsx(
        out / "psa.xlsx",
        [("Contract Services", rows)],
        money_format=fmt,
        bold_rows={"Contract Services": {0, len(rows) - 1}},
    )
    return "psa.xlsx", "Contract Services", rowmap


# ---- HaloPSA: recurring invoice lines report (xlsx) --------------------------------------------------
# exports.md: recurring invoice lines (item_shortdescription, item_longdescription, unit_price,
# qty_order, net_amount); long descriptions keep "$"-tokens for dates; reports start with title rows.
def halo_recurring(s: Scenario, out: Path, currency: str) -> Rendered:
    columns = [
        "Client",
        "Site",
        "Recurring Invoice",
        "Item",
        "Description",
        "Quantity",
        "Unit Price",
        "Net Amount",
        "Billing Cycle",
        "Active",
        "Next Invoice Date",
    ]
    rows: list[Sequence[object]] = [
        ["Recurring Invoice Lines"],
        ["Report run 01/12/2026 08:00 by Accounts"],
        [],
        columns,
    ]
    rowmap: dict[int, int] = {}
    for index, p in _ordered(s):
        client = s.clients[p.client]
        active = "No" if p.cancel in ("status", "date", "paused") else "Yes"
        long = (
            "Services for $MONTHNAME $YEAR"
            if p.product is None
            else "Licences for $STARTDATE - $ENDDATE"
        )
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.psa_name,
                "Main",
                f"RI-{p.client:04d}{'A' if p.annual else 'M'}",
                p.spelling,
                long,
                p.qty,
                Decimal(p.unit_cents) / 100,
                Decimal(p.qty * p.unit_cents) / 100,
                "Yearly" if p.annual else "Monthly",
                active,
                dt.date(2026, 12, 1) if not p.annual else dt.date(2027, 11, 1),
            ]
        )
    fmt = {"GBP": '"£"#,##0.00', "EUR": '#,##0.00 "€"'}.get(currency, '"$"#,##0.00')
    write_xlsx(out / "psa.xlsx", [("Recurring Invoice Lines", rows)], money_format=fmt)
    return "psa.xlsx", "Recurring Invoice Lines", rowmap


# ---- Syncro: recurring invoice schedules, line items (CSV) ------------------------------------------
# exports.md: schedule line items carry name, description, quantity, retail_cents, cost_cents — money
# in cents; the product is in the *name*, the description is generic; paused schedules are not billed.
def syncro_recurring(s: Scenario, out: Path, currency: str) -> Rendered:
    columns = [
        "customer",
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
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    rng = random.Random(f"syncro/{s.seed}")
    for index, p in _ordered(s):
        client = s.clients[p.client]
        paused = p.cancel in ("status", "date", "paused")
        if p.product is None:
            schedule, description = "Managed Services", "Recurring service"
        else:
            schedule = "Annual Licences" if p.annual else "Monthly Licences"
            description = rng.choice(
                ["User licence", "Cloud subscription", "Per user per month", ""]
            )
        if paused:
            schedule = "Old licences (paused)"
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.psa_name,
                schedule,
                "Annually" if p.annual else "Monthly",
                "true" if paused else "false",
                "2027-11-01" if p.annual else "2026-12-01",
                p.spelling,
                description,
                str(p.qty),
                str(p.unit_cents),
                str(_cost(p)),
                "false",
            ]
        )
    write_csv(out / "psa.csv", rows)
    return "psa.csv", None, rowmap


# ---- Kaseya BMS: recurring services on contracts (CSV) -----------------------------------------------
# Assumption from exports.md ("Kaseya BMS recurring services"): account, contract, service,
# description, quantity, unit price, total, billing frequency, dates and a status; cancelled or
# inactive services are not billed. Money grouped without a symbol.
def kaseya_bms(s: Scenario, out: Path, currency: str) -> Rendered:
    delimiter, comma = _csv_style(currency)
    columns = [
        "Account",
        "Contract",
        "Contract Type",
        "Service",
        "Description",
        "Quantity",
        "Unit Price",
        "Total",
        "Billing Frequency",
        "Start Date",
        "End Date",
        "Status",
    ]
    rows: list[list[str]] = [columns]
    rowmap: dict[int, int] = {}
    for index, p in _ordered(s):
        client = s.clients[p.client]
        status = {"status": "Cancelled", "date": "Cancelled", "paused": "Inactive"}.get(
            p.cancel or "", "Active"
        )
        end = "11/30/2026" if p.cancel == "later" else ""
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                client.psa_name,
                "Managed Services Agreement" if p.product is None else "Cloud Subscriptions",
                "Recurring",
                p.spelling,
                "Per user licence" if p.product else p.text,
                str(p.qty),
                grouped(p.unit_cents, comma),
                grouped(p.qty * p.unit_cents, comma),
                "Annually" if p.annual else "Monthly",
                "07/01/2025",
                end,
                status,
            ]
        )
    write_csv(out / "psa.csv", rows, delimiter=delimiter)
    return "psa.csv", None, rowmap


# ---- QuickBooks Online: Sales by Customer Detail (CSV) -----------------------------------------------
# issue 10: the customer sits on a group row above its lines, with a "Total for …" row under them;
# three title rows, a blank row, the header (first column blank), a grand TOTAL and a footer time
# stamp. Invoices only: no cancelled lines; annual lines are invoiced here at their monthly price.
def qbo_sales_by_customer(s: Scenario, out: Path, currency: str) -> Rendered:
    delimiter, comma = _csv_style(currency)
    rows: list[list[str]] = [
        ["Harbourline IT Services"],
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
    rowmap: dict[int, int] = {}
    current: int | None = None
    subtotal = grand = 0
    invoice = 1040

    def close() -> None:
        if current is not None:
            rows.append(
                [
                    f"Total for {s.clients[current].psa_name}",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    plain(subtotal, comma=comma),
                    "",
                ]
            )

    for index, p in _ordered(s, keep_cancelled=False):
        if p.client != current:
            close()
            current, subtotal = p.client, 0
            invoice += 1
            rows.append([s.clients[p.client].psa_name])
        unit, _ = _monthly(p)
        amount = p.qty * unit
        subtotal += amount
        grand += amount
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                "",
                "11/01/2026",
                "Invoice",
                str(invoice),
                p.spelling,
                "" if p.product is None else "Nov 2026",
                str(p.qty),
                plain(unit, comma=comma),
                plain(amount, comma=comma),
                plain(subtotal, comma=comma),
            ]
        )
    close()
    rows.append(["TOTAL", "", "", "", "", "", "", "", plain(grand, comma=comma), ""])
    rows.append([])
    rows.append(["Tuesday, December 1, 2026 08:00 AM GMT-05:00"])
    write_csv(out / "psa.csv", rows, delimiter=delimiter)
    return "psa.csv", None, rowmap


# ---- Xero: Receivable Invoice Detail report, exported to Excel (xlsx) --------------------------------
# issue 10: Xero sales reports group lines under a contact row; Xero's Excel export starts with the
# report title, the organisation and the period, and closes each contact with "Total <contact>".
# Invoices only (no cancelled lines); annual lines at their monthly price.
def xero_invoice_detail(s: Scenario, out: Path, currency: str) -> Rendered:
    rows: list[Sequence[object]] = [
        ["Receivable Invoice Detail"],
        ["Harbourline IT Services"],
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
            "Line Amount",
            "Currency",
        ],
    ]
    rowmap: dict[int, int] = {}
    current: int | None = None
    subtotal = 0
    invoice = 3100

    def close() -> None:
        if current is not None:
            rows.append(
                [
                    f"Total {s.clients[current].psa_name}",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    Decimal(subtotal) / 100,
                    "",
                ]
            )

    for index, p in _ordered(s, keep_cancelled=False):
        if p.client != current:
            close()
            current, subtotal = p.client, 0
            invoice += 1
            rows.append([s.clients[p.client].psa_name])
        unit, _ = _monthly(p)
        subtotal += p.qty * unit
        rowmap[index] = len(rows) + 1
        rows.append(
            [
                START,
                f"INV-{invoice}",
                "Monthly services" if p.product is None else "Licences Nov 2026",
                _service_code(p.text) if p.product is None else "",
                p.spelling,
                p.qty,
                Decimal(unit) / 100,
                Decimal(p.qty * unit) / 100,
                currency,
            ]
        )
    close()
    write_xlsx(out / "psa.xlsx", [("Receivable Invoice Detail", rows)])
    return "psa.xlsx", "Receivable Invoice Detail", rowmap


PSA: dict[str, Callable[[Scenario, Path, str], Rendered]] = {
    "connectwise_additions": connectwise_additions,
    "connectwise_cancel_dates": connectwise_cancel_dates,
    "autotask_contract_services": autotask_services,
    "halopsa_recurring_lines": halo_recurring,
    "syncro_recurring": syncro_recurring,
    "kaseya_bms_recurring": kaseya_bms,
    "qbo_sales_by_customer": qbo_sales_by_customer,
    "xero_invoice_detail": xero_invoice_detail,
}
