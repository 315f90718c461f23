"""PSA and accounting exports, in the layouts set P uses (see README for each trap)."""

from __future__ import annotations

import random
import zlib
from datetime import date
from decimal import Decimal
from pathlib import Path

from .scenario import Case, PLine
from .writers import Table, eu_date, num, us_date, write_csv, write_xlsx

GENERIC = ["User licence", "Cloud subscription", "", "Per seat", "Monthly licence", "Subscription"]


def _h(s) -> int:
    return zlib.crc32(str(s).encode())


def account_name(pl: PLine) -> str:
    if pl.account == pl.client.name:
        return pl.client.psa_name
    return pl.client.psa_name + " - Projects"


def _order(case: Case) -> list[int]:
    return sorted(
        range(len(case.plines)),
        key=lambda i: (
            case.plines[i].account.casefold(),
            case.plines[i].product is None,
            case.plines[i].product.name if case.plines[i].product else case.plines[i].service,
            i,
        ),
    )


def _code(pl: PLine, style: str) -> str:
    """MSP catalogue item codes: stable per product; some readable, some opaque."""
    if pl.product is None:
        return {"cw": "SVC-" + str(_h(pl.service) % 900 + 100), "xero": "SVC"}.get(style, "SERVICE")
    k = pl.product.key
    if _h(k) % 3 == 0:
        return f"LIC-{_h(k) % 9000 + 1000}"
    return {
        "cw": ("MS-" if pl.product.ms else "3P-") + k.upper().replace("_", "-"),
        "xero": k.upper().replace("_", "")[:10],
    }.get(style, k.upper())


def _dead(pl: PLine) -> bool:
    return pl.role in ("cancelled", "paused", "voided", "ended")


# ------------------------------------------------------------------ ConnectWise
def cw_additions_csv(case: Case, folder: Path, rng: random.Random):
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
        "Effective",
        "Cancelled",
        "Bill",
        "Addition Status",
        "Agreement Status",
    ]
    t = Table()
    t.add(cols, "header")
    for i in _order(case):
        pl = case.plines[i]
        billed = pl.qty - pl.less
        status = "Cancelled" if pl.role == "cancelled" else "Active"
        agr = (
            "Managed Services"
            if pl.product is None
            else ("Microsoft 365" if pl.product.ms else "Security & Backup")
        )
        row = [
            account_name(pl),
            f"{agr} - {account_name(pl)[:20]}",
            "Recurring" if pl.product else "Managed",
            _code(pl, "cw"),
            pl.text,
            str(pl.qty),
            str(pl.less),
            num(pl.unit),
            num(pl.unit * billed),
            "01/01/2025",
            us_date(pl.cancel_date) if pl.cancel_date else "",
            "Billable",
            status,
            "Active",
        ]
        t.add(row, "data", ("p", i))
    write_csv(folder / "AgreementAdditions_export.csv", t)
    return "AgreementAdditions_export.csv", None, t


def cw_api_xlsx(case: Case, folder: Path, rng: random.Random):
    cols = [
        "company.name",
        "agreement.name",
        "product.identifier",
        "description",
        "invoiceDescription",
        "quantity",
        "lessIncluded",
        "unitPrice",
        "unitCost",
        "extPrice",
        "billCustomer",
        "effectiveDate",
        "cancelledDate",
    ]
    t = Table("additions")
    t.add(cols, "header")
    for i in _order(case):
        pl = case.plines[i]
        billed = pl.qty - pl.less
        cost = case.cost.get(pl.product.key, Decimal(0)) if pl.product else Decimal(0)
        row = [
            account_name(pl),
            "Cloud Licensing" if pl.product else "Managed Services",
            _code(pl, "cw"),
            pl.text,
            pl.text if _h(i) % 4 == 0 else "",
            pl.qty,
            pl.less,
            pl.unit,
            cost,
            pl.unit * billed,
            "Billable",
            "2025-01-01T00:00:00Z",
            f"{pl.cancel_date.isoformat()}T00:00:00Z" if pl.cancel_date else "",
        ]
        t.add(row, "data", ("p", i))
    write_xlsx(folder / "cw_agreement_additions_api.xlsx", [t])
    return "cw_agreement_additions_api.xlsx", None, t


# ------------------------------------------------------------------ Autotask
def autotask_xlsx(case: Case, folder: Path, rng: random.Random):
    cols = [
        "Account Name",
        "Contract Name",
        "Contract Category",
        "Service Name",
        "Units",
        "Unit Price",
        "Adjusted Price",
        "Extended Price",
        "Period Type",
        "Service Start Date",
        "Service End Date",
    ]
    t = Table("Contract Services")
    t.add(["Contract Services Report"], "title")
    t.add(
        ["Contract Type: Recurring Service   Status: Active, Inactive   Generated: 12/02/2026"],
        "title",
    )
    t.add([], "blank")
    t.add(cols, "header")
    total = Decimal(0)
    for i in _order(case):
        pl = case.plines[i]
        adj = pl.adjusted if pl.adjusted is not None else pl.unit
        ext = adj * pl.qty
        total += ext
        end = pl.cancel_date if (pl.role == "ended" or pl.future_cancel) else date(2027, 6, 30)
        row = [
            account_name(pl),
            "Recurring Services " + str(2025 + _h(pl.account) % 2),
            "Licensing" if pl.product else "Managed",
            pl.text,
            pl.qty,
            pl.unit,
            adj,
            ext,
            "Yearly" if pl.annual else "Monthly",
            date(2025, 7, 1),
            end,
        ]
        t.add(row, "data", ("p", i))
    t.add(["Total", "", "", "", "", "", "", total], "total")
    write_xlsx(folder / "ContractServices_Report.xlsx", [t], date_fmt="mm/dd/yyyy")
    return "ContractServices_Report.xlsx", None, t


# ------------------------------------------------------------------ HaloPSA
LONG = [
    "Period: $STARTDATE to $ENDDATE",
    "$MONTHNAME $YEAR",
    "",
    "Billed in advance for $MONTHNAME",
    "Licence charge $INVOICEDATE",
]


def halo_csv(case: Case, folder: Path, rng: random.Random):
    cols = [
        "Client",
        "Recurring Invoice",
        "Billing Cycle",
        "item_shortdescription",
        "item_longdescription",
        "qty_order",
        "unit_price",
        "net_amount",
        "Start Date",
        "End Date",
        "Active",
    ]
    t = Table()
    t.add(["Recurring Invoice Lines"], "title")
    t.add(["Report run 02/12/2026 09:14 by billing@yourmsp"], "title")
    t.add([], "blank")
    t.add(cols, "header")
    for i in _order(case):
        pl = case.plines[i]
        end = pl.cancel_date if (pl.role == "ended" or pl.future_cancel) else None
        row = [
            account_name(pl),
            f"RI-{_h(pl.account) % 9000 + 1000}",
            "Yearly" if pl.annual else "Monthly",
            pl.text,
            LONG[_h(i) % len(LONG)] if pl.product else "",
            num(Decimal(pl.qty), 2),
            num(pl.unit),
            num(pl.unit * pl.qty),
            "01/07/2025",
            eu_date(end) if end else "",
            "No" if pl.role == "ended" else "Yes",
        ]
        t.add(row, "data", ("p", i))
    write_csv(folder / "halo_recurring_invoice_lines.csv", t, bom=True)
    return "halo_recurring_invoice_lines.csv", None, t


# ------------------------------------------------------------------ Syncro
def syncro_csv(case: Case, folder: Path, rng: random.Random):
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
    t = Table()
    t.add(cols, "header")
    for i in _order(case):
        pl = case.plines[i]
        cost = case.cost.get(pl.product.key, Decimal(0)) if pl.product else Decimal(0)
        paused = pl.role == "paused"
        row = [
            account_name(pl),
            ("Annual licences" if pl.annual else "Monthly recurring"),
            "Annually" if pl.annual else "Monthly",
            "true" if paused else "false",
            "2026-12-01",
            pl.text,
            GENERIC[_h(i) % len(GENERIC)] if pl.product else "Service",
            str(pl.qty),
            str(int(pl.unit * 100)),
            str(int(cost * 100) * (12 if pl.annual else 1)),
            "false",
        ]
        t.add(row, "data", ("p", i))
    write_csv(folder / "syncro_schedule_line_items.csv", t)
    return "syncro_schedule_line_items.csv", None, t


# ------------------------------------------------------------------ Kaseya BMS
def kaseya_xlsx(case: Case, folder: Path, rng: random.Random):
    cols = [
        "Account Name",
        "Contract",
        "Service",
        "Description",
        "Quantity",
        "Unit Price",
        "Extended Price",
        "Billing Frequency",
        "Status",
        "Start Date",
        "End Date",
    ]
    t = Table("Recurring Services")
    t.add(cols, "header")
    for i in _order(case):
        pl = case.plines[i]
        row = [
            account_name(pl),
            "MSA " + str(2024 + _h(pl.account) % 3),
            pl.text,
            GENERIC[_h(i) % len(GENERIC)] if pl.product else "",
            pl.qty,
            pl.unit,
            pl.unit * pl.qty,
            "Annually" if pl.annual else "Monthly",
            "Cancelled" if pl.role == "cancelled" else "Active",
            date(2025, 3, 1),
            pl.cancel_date if pl.cancel_date else None,
        ]
        t.add(row, "data", ("p", i))
    write_xlsx(folder / "BMS_RecurringServices.xlsx", [t], date_fmt="dd-mmm-yyyy")
    return "BMS_RecurringServices.xlsx", None, t


# ------------------------------------------------------------------ QuickBooks Online
def qbo_xlsx(case: Case, folder: Path, rng: random.Random):
    t = Table("Sales by Customer Detail")
    t.add(["Your MSP Ltd"], "title")
    t.add(["Sales by Customer Detail"], "title")
    t.add(["November 2026"], "title")
    t.add([], "blank")
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
        ],
        "header",
    )
    order = _order(case)
    grand = Decimal(0)
    inv = 1040
    cur, name = None, ""
    bal = Decimal(0)
    for i in order:
        pl = case.plines[i]
        if pl.account != cur:
            if cur is not None:
                t.add([f"Total for {name}", "", "", "", "", "", "", "", bal, ""], "total")
            cur, name, bal = pl.account, account_name(pl), Decimal(0)
            inv += 1
            t.add([name], "group")
        item = (
            "Services:Managed Services"
            if pl.product is None
            else ("Licensing:Microsoft" if pl.product.ms else "Licensing:Third Party")
        )
        if pl.role == "voided":
            row = [
                "",
                date(2026, 11, 1),
                "Invoice",
                f"{inv}",
                item,
                "Voided",
                0,
                None,
                Decimal(0),
                bal,
            ]
        else:
            amt = pl.unit * pl.qty
            bal += amt
            grand += amt
            row = [
                "",
                date(2026, 11, 1),
                "Invoice",
                f"{inv}",
                item,
                pl.text,
                pl.qty,
                pl.unit,
                amt,
                bal,
            ]
        t.add(row, "data", ("p", i))
    if cur is not None:
        t.add([f"Total for {name}", "", "", "", "", "", "", "", bal, ""], "total")
    t.add(["TOTAL", "", "", "", "", "", "", "", grand, ""], "total")
    t.add([], "blank")
    t.add(["Accrual basis  Wednesday, December 2, 2026  09:14 AM GMT-05:00"], "title")
    write_xlsx(folder / "Sales by Customer Detail.xlsx", [t], date_fmt="mm/dd/yyyy")
    return "Sales by Customer Detail.xlsx", None, t


# ------------------------------------------------------------------ Xero
def xero_csv(case: Case, folder: Path, rng: random.Random):
    cols = [
        "ContactName",
        "EmailAddress",
        "POAddressLine1",
        "POAddressLine2",
        "POAddressLine3",
        "POAddressLine4",
        "POCity",
        "PORegion",
        "POPostalCode",
        "POCountry",
        "InvoiceNumber",
        "Reference",
        "InvoiceDate",
        "DueDate",
        "Total",
        "TaxTotal",
        "InvoiceAmountPaid",
        "InvoiceAmountDue",
        "InventoryItemCode",
        "Description",
        "Quantity",
        "UnitAmount",
        "Discount",
        "LineAmount",
        "AccountCode",
        "TaxType",
        "TaxAmount",
        "TrackingName1",
        "TrackingOption1",
        "Currency",
        "Type",
        "Sent",
        "Status",
    ]
    t = Table()
    t.add(cols, "header")
    order = _order(case)
    totals: dict[str, Decimal] = {}
    for i in order:
        pl = case.plines[i]
        if pl.role != "voided":
            totals[pl.account] = totals.get(pl.account, Decimal(0)) + pl.unit * pl.qty * (
                1 - pl.disc / 100
            )
    invno = {}
    for i in order:
        pl = case.plines[i]
        if pl.account not in invno:
            invno[pl.account] = f"INV-{4100 + len(invno):05d}"
        la = (pl.unit * pl.qty * (1 - pl.disc / 100)).quantize(Decimal("0.01"))
        tot = totals.get(pl.account, Decimal(0)).quantize(Decimal("0.01"))
        status = (
            "Voided"
            if pl.role == "voided"
            else ("Paid" if _h(pl.account) % 2 else "Awaiting Payment")
        )
        inv = invno[pl.account] + ("-V" if pl.role == "voided" else "")
        code = _code(pl, "xero") if (_h(pl.product.key if pl.product else pl.service) % 2) else ""
        row = [
            account_name(pl),
            "accounts@" + pl.client.domain,
            "Level 2",
            "",
            "",
            "",
            "Sydney",
            "",
            "2000",
            "",
            inv,
            "Nov-26",
            "01/11/2026",
            "15/11/2026",
            num(tot),
            num(tot / 10),
            num(tot if status == "Paid" else Decimal(0)),
            num(Decimal(0) if status == "Paid" else tot),
            code,
            pl.text,
            num(Decimal(pl.qty), 4),
            num(pl.unit, 4),
            num(pl.disc, 2) if pl.disc else "",
            num(la),
            "200",
            "GST on Income",
            num(la / 10),
            "Region",
            "",
            case.currency,
            "Sales invoice",
            "Sent",
            status,
        ]
        t.add(row, "data", ("p", i))
    write_csv(folder / "Xero_Sales_Invoices_Nov2026.csv", t)
    return "Xero_Sales_Invoices_Nov2026.csv", None, t


# ------------------------------------------------------------------ Sage Accounting (UK) - nobody used it
def sage_csv(case: Case, folder: Path, rng: random.Random):
    cols = [
        "Date",
        "Type",
        "Reference",
        "Customer Ref",
        "Customer Name",
        "Product/Service Code",
        "Details",
        "Quantity",
        "Unit Price",
        "Discount %",
        "Net",
        "VAT",
        "Total",
        "Status",
    ]
    t = Table()
    t.add(cols, "header")
    for i in _order(case):
        pl = case.plines[i]
        net = (pl.unit * pl.qty * (1 - pl.disc / 100)).quantize(Decimal("0.01"))
        typ = "Credit Note" if pl.role == "credit" else "Invoice"
        ref = ("SCN-" if pl.role == "credit" else "SI-") + str(700 + _h(pl.account) % 9000)
        row = [
            eu_date(date(2026, 11, 1) if pl.role != "credit" else date(2026, 11, 14)),
            typ,
            ref,
            pl.client.number,
            account_name(pl),
            _code(pl, "sage"),
            pl.text,
            str(pl.qty),
            num(pl.unit),
            num(pl.disc, 2) if pl.disc else "0.00",
            num(net),
            num(net / 5),
            num(net + net / 5),
            "Void" if pl.role == "voided" else ("Paid" if _h(i) % 2 else "Unpaid"),
        ]
        t.add(row, "data", ("p", i))
    write_csv(folder / "Sage_SalesLines_Nov26.csv", t)
    return "Sage_SalesLines_Nov26.csv", None, t


# ------------------------------------------------------------------ Holded (Spain) - nobody used it
def holded_xlsx(case: Case, folder: Path, rng: random.Random):
    cols = [
        "Fecha",
        "Número",
        "Cliente",
        "NIF/CIF",
        "Concepto",
        "Descripción",
        "Unidades",
        "Precio",
        "Dto. %",
        "Subtotal",
        "IVA %",
        "Total",
        "Estado",
        "Moneda",
    ]
    t = Table("Ventas")
    t.add(["Listado de facturas de venta - noviembre 2026"], "title")
    t.add(cols, "header")
    for i in _order(case):
        pl = case.plines[i]
        sub = pl.unit * pl.qty * (1 - pl.disc / 100)
        row = [
            date(2026, 11, 1),
            f"F2026-{300 + _h(pl.account) % 600:04d}",
            account_name(pl),
            f"B{_h(pl.account) % 10**8:08d}",
            pl.text,
            GENERIC[_h(i) % len(GENERIC)] if pl.product else "",
            pl.qty,
            pl.unit,
            pl.disc,
            sub,
            21,
            sub * Decimal("1.21"),
            "Anulada" if pl.role == "voided" else ("Pagada" if _h(i) % 2 else "Pendiente"),
            case.currency,
        ]
        t.add(row, "data", ("p", i))
    write_xlsx(folder / "facturas_venta_2026-11.xlsx", [t], date_fmt="dd/mm/yyyy")
    return "facturas_venta_2026-11.xlsx", None, t


PSAS = {
    "connectwise_additions_csv": (
        cw_additions_csv,
        dict(less=True, dead_roles=["cancelled"], trial=True, cancel_date=True),
    ),
    "connectwise_api_additions_xlsx": (
        cw_api_xlsx,
        dict(less=True, dead_roles=["cancelled"], trial=True, cancel_date=True),
    ),
    "autotask_contract_services_xlsx": (
        autotask_xlsx,
        dict(discount="adjusted", annual=True, dead_roles=["ended"], cancel_date=True),
    ),
    "halopsa_recurring_lines_csv": (
        halo_csv,
        dict(annual=True, dead_roles=["ended"], trial=True, cancel_date=True),
    ),
    "syncro_schedules_csv": (syncro_csv, dict(annual=True, dead_roles=["paused"], trial=True)),
    "kaseya_bms_recurring_xlsx": (
        kaseya_xlsx,
        dict(annual=True, dead_roles=["cancelled"], trial=True, cancel_date=True),
    ),
    "qbo_sales_by_customer_detail_xlsx": (qbo_xlsx, dict(dead_roles=["voided"])),
    "xero_invoices_export_csv": (xero_csv, dict(discount="pct", dead_roles=["voided"])),
    "sage_accounting_sales_lines_csv": (
        sage_csv,
        dict(discount="pct", credit=True, dead_roles=["voided"]),
    ),
    "holded_facturas_xlsx": (holded_xlsx, dict(discount="pct", dead_roles=["voided"])),
}
