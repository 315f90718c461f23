"""PSA and accounting exports (what the MSP bills its clients), one renderer per format."""

from __future__ import annotations

import datetime as dt

from . import catalog as C
from .scenario import rng_for
from .vendors import money, money_thousands
from .writers import Num, write_csv, write_xls, write_xlsx

# formats that carry a billing period per line (others bill everything monthly)
HAS_PERIOD = {"cw_additions", "cw_cancel_date", "autotask", "halopsa", "syncro", "kaseya_bms"}

_CODES = {}
for _i, _p in enumerate(C.MS):
    _CODES[_p.name] = f"MS-LIC-{_i + 1:02d}"
for _i, _p in enumerate(C.OTHER):
    _CODES[_p.name] = f"3P-{_p.brand.split()[0][:4].upper()}-{_i + 1:02d}"
for _i, _s in enumerate(C.SERVICES):
    _CODES[_s] = f"SVC-{_i + 1:03d}"


GENERIC_CODES = ["LIC-MISC", "CLOUD-LIC", "SOFTWARE", "MS-CSP", "RECURRING"]


def _code(case, i):
    """The PSA catalogue item of a line: often the product's own item, often a generic one, sometimes an old duplicate."""
    p = case.plines[i]
    r = rng_for("code-m", case.seed, case.n, i)
    x = r.random()
    if p.role == "service" or x < 0.5:
        return _CODES[p.product]
    if x < 0.85:
        return r.choice(GENERIC_CODES)
    return _CODES[p.product] + r.choice(["-OLD", "-A", "-NCE", "-2"])


def _grouped(case):
    """PSA lines by client (as the PSA sorts them: by its own company name), lines in entry order."""
    by = {}
    for i, p in enumerate(case.plines):
        by.setdefault(p.client, []).append(i)
    cls = {cl.name: cl for cl in case.clients}
    out = []
    for name in sorted(
        by, key=lambda n: (cls[n].name.casefold(), n)
    ):  # same rows clean or perturbed
        out.append((cls[name], by[name]))
    return out


def _sym(case):
    return {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "$", "CAD": "$"}[case.currency]


# ------------------------------------------------------------------ ConnectWise agreement additions (cross-agreement search)
CWA_COLS = [
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
    "Cost",
    "Ext Cost",
    "Invoice Description",
]


def cw_additions(case, folder):
    r = rng_for("cwa-m", case.seed, case.n)
    sym = _sym(case)
    grid = [CWA_COLS]
    marks = [None]
    for cl, idxs in _grouped(case):
        for seq, i in enumerate(idxs, 1):
            p = case.plines[i]
            prod = C.PRODUCTS.get(p.product)
            is_svc = p.role == "service"
            agr = f"{cl.psa_name} - {'Managed Services' if is_svc else ('Annual Licences' if p.yearly else 'Microsoft & Cloud Licences')}"
            shown_q = p.qty + p.less
            cancelled = ""
            status = "Active"
            if p.role == "cancelled":
                status = "Cancelled"
                cancelled = r.choice(["10/31/2026", "10/15/2026", "11/01/2026", "09/30/2026"])
            inv = ""
            if r.random() < 0.08:
                inv = f"{p.desc}\nService period: Nov 2026"
            cost = (prod.cost * (12 if p.yearly else 1)) if prod else 0
            cur = lambda c: money_thousands(c, sym)  # noqa: E731  # list views export money as shown: "$1,234.56"
            grid.append(
                [
                    cl.psa_name,
                    agr,
                    "Managed Services" if is_svc else "Licensing",
                    "Annual" if p.yearly else "Monthly",
                    seq,
                    r.choice(["01/01/2026", "03/15/2025", "07/01/2026"]),
                    cancelled,
                    _code(case, i),
                    p.desc,
                    shown_q,
                    p.less,
                    cur(p.unit),
                    cur(p.unit * p.qty),
                    "Billable",
                    status,
                    cur(cost),
                    cur(cost * shown_q),
                    inv,
                ]
            )
            marks.append(i)
    fn = "AgreementAdditions_export.csv"
    write_csv(folder / fn, grid)
    return fn, None, marks


# ------------------------------------------------------------------ ConnectWise: a subset where cancellation is only a date
def cw_cancel_date(case, folder):
    r = rng_for("cwc-m", case.seed, case.n)
    cols = [
        "Company",
        "Agreement",
        "Product ID",
        "Product Description",
        "Qty",
        "Unit Price",
        "Extended Price",
        "Effective Date",
        "Cancelled Date",
        "Billing Cycle",
    ]
    grid = [cols]
    marks = [None]
    for cl, idxs in _grouped(case):
        for i in idxs:
            p = case.plines[i]
            canc = None
            if p.role == "cancelled":
                canc = r.choice(
                    [
                        dt.date(2026, 10, 31),
                        dt.date(2026, 9, 30),
                        dt.date(2026, 11, 1),
                        dt.date(2026, 8, 15),
                    ]
                )
            elif r.random() < 0.06:
                canc = r.choice(
                    [dt.date(2026, 12, 31), dt.date(2027, 1, 15)]
                )  # future cancellation: still billed in November
            grid.append(
                [
                    cl.psa_name,
                    f"{cl.psa_name[:20]} MSA",
                    _code(case, i),
                    p.desc,
                    p.qty,
                    Num(p.unit / 100, money(p.unit)),
                    Num(p.unit * p.qty / 100, money(p.unit * p.qty)),
                    r.choice([dt.date(2025, 4, 1), dt.date(2026, 2, 1)]),
                    canc,
                    "Annual" if p.yearly else "Monthly",
                ]
            )
            marks.append(i)
    fn = "Agreement_Products.xlsx"
    write_xlsx(folder / fn, [("Agreement Products", grid, {0})], date_format="m/d/yyyy")
    return fn, None, marks


# ------------------------------------------------------------------ Autotask contract services
AT_COLS = [
    "Account Name",
    "Contract Name",
    "Contract Status",
    "Service Name",
    "Units",
    "Unit Price",
    "Adjusted Price",
    "Extended Price",
    "Period Type",
    "Start Date",
    "End Date",
]


def autotask(case, folder):
    grid = [AT_COLS]
    marks = [None]
    tot = 0
    for cl, idxs in _grouped(case):
        for i in idxs:
            p = case.plines[i]
            status = "Active"
            end = "12/31/2026"
            if p.role == "cancelled":
                status, end = "Inactive", "10/31/2026"
            ext = p.unit * p.qty
            if p.role != "cancelled":
                tot += ext
            grid.append(
                [
                    cl.psa_name,
                    f"{cl.psa_name} - Recurring Services {'(Annual)' if p.yearly else ''}".strip(),
                    status,
                    p.desc,
                    str(p.qty),
                    money(p.list_unit),
                    money(p.unit),
                    money(ext),
                    "Yearly" if p.yearly else "Monthly",
                    "01/01/2026",
                    end,
                ]
            )
            marks.append(i)
    grid.append(["Totals", "", "", "", "", "", "", money(tot), "", "", ""])
    marks.append(None)
    fn = "ContractServices.csv"
    write_csv(folder / fn, grid)
    return fn, None, marks


# ------------------------------------------------------------------ HaloPSA recurring invoices
HALO_COLS = [
    "Client",
    "Recurring Invoice",
    "Active",
    "Billing Period",
    "Next Invoice Date",
    "item_shortdescription",
    "item_longdescription",
    "qty_order",
    "unit_price",
    "net_amount",
]


def halopsa(case, folder):
    r = rng_for("halo-m", case.seed, case.n)
    grid = [
        ["Recurring Invoice Lines"],
        ["Report generated 01/12/2026 09:14 by finance@northbridge"],
        [],
        HALO_COLS,
    ]
    marks = [None] * 4
    for cl, idxs in _grouped(case):
        for i in idxs:
            p = case.plines[i]
            long = r.choice(
                [
                    "",
                    "$MONTH $YEAR",
                    "Licences for $STARTDATE - $ENDDATE",
                    "Billed in advance for $MONTHNAME",
                ]
            )
            grid.append(
                [
                    cl.psa_name,
                    f"RI-{1000 + case.clients.index(cl)}",
                    "No" if p.role == "cancelled" else "Yes",
                    "Yearly" if p.yearly else "Monthly",
                    dt.date(2026, 12, 1),
                    p.desc,
                    long,
                    p.qty,
                    Num(p.unit / 100, money(p.unit)),
                    Num(p.unit * p.qty / 100, money(p.unit * p.qty)),
                ]
            )
            marks.append(i)
    fn = "HaloPSA_RecurringInvoiceLines.xlsx"
    write_xlsx(folder / fn, [("Report", grid, {0, 3})], date_format="dd/mm/yyyy")
    return fn, None, marks


# ------------------------------------------------------------------ Syncro recurring schedules
SY_COLS = [
    "customer_business_name",
    "schedule_name",
    "frequency",
    "paused",
    "next_run",
    "line_item_name",
    "line_item_description",
    "quantity",
    "retail_cents",
    "cost_cents",
    "taxable",
]
GENERIC_DESC = [
    "User licence",
    "Cloud subscription",
    "Per user / month",
    "Software subscription",
    "Licence",
    "",
    "Recurring",
]


def syncro(case, folder):
    r = rng_for("syncro-m", case.seed, case.n)
    grid = [SY_COLS]
    marks = [None]
    for cl, idxs in _grouped(case):
        for i in idxs:
            p = case.plines[i]
            prod = C.PRODUCTS.get(p.product)
            desc = "Managed service" if p.role == "service" else r.choice(GENERIC_DESC)
            cost = (prod.cost * (12 if p.yearly else 1)) if prod else 0
            grid.append(
                [
                    cl.psa_name,
                    f"{cl.psa_name} - {'Annual' if p.yearly else 'Monthly'} billing",
                    "Annually" if p.yearly else "Monthly",
                    "true" if p.role == "cancelled" else "false",
                    "2026-12-01",
                    p.desc,
                    desc,
                    str(p.qty),
                    str(p.unit),
                    str(cost),
                    "false",
                ]
            )
            marks.append(i)
    fn = "syncro_schedule_line_items.csv"
    write_csv(folder / fn, grid, lineterminator="\n")
    return fn, None, marks


# ------------------------------------------------------------------ Kaseya BMS recurring services (.xls)
KB_COLS = [
    "Account",
    "Contract",
    "Service",
    "Description",
    "Quantity",
    "Unit Price",
    "Amount",
    "Billing Cycle",
    "Start Date",
    "End Date",
    "Status",
]


def kaseya_bms(case, folder):
    grid = [["Recurring Services"], ["Period: 11/01/2026 - 11/30/2026"], KB_COLS]
    marks = [None] * 3
    for cl, idxs in _grouped(case):
        for i in idxs:
            p = case.plines[i]
            grid.append(
                [
                    cl.psa_name,
                    f"{cl.psa_name} Recurring",
                    _code(case, i),
                    p.desc,
                    p.qty,
                    Num(p.unit / 100, money(p.unit)),
                    Num(p.unit * p.qty / 100, money(p.unit * p.qty)),
                    "Annually" if p.yearly else "Monthly",
                    dt.date(2026, 1, 1),
                    dt.date(2026, 10, 31) if p.role == "cancelled" else None,
                    "Cancelled" if p.role == "cancelled" else "Active",
                ]
            )
            marks.append(i)
    fn = "BMS_RecurringServices.xls"
    write_xls(folder / fn, [("Recurring Services", grid, None)])
    return fn, None, marks


# ------------------------------------------------------------------ QuickBooks Online: Sales by Customer Detail
def qbo_sales(case, folder):
    r = rng_for("qbo-m", case.seed, case.n)
    cols = [
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
    grid = [
        ["Northbridge IT Partners LLC"],
        ["Sales by Customer Detail"],
        ["November 2026"],
        [],
        cols,
    ]
    marks = [None] * 5
    bold = {0, 1, 4}
    num = 1040
    grand = 0
    for cl, idxs in _grouped(case):
        grid.append([cl.psa_name])
        marks.append(None)
        bold.add(len(grid) - 1)
        num += 1
        bal = 0
        for i in idxs:
            p = case.plines[i]
            item = (
                "Services:Managed Services"
                if p.role == "service"
                else r.choice(
                    [
                        "Licensing:Microsoft Licences",
                        "Licensing:Cloud Software",
                        "Software Subscriptions",
                    ]
                )
            )
            if p.role == "cancelled":
                grid.append(
                    [
                        "",
                        dt.date(2026, 11, 1),
                        "Invoice",
                        str(num + 5000),
                        item,
                        "Voided - " + p.desc,
                        None,
                        Num(p.unit / 100, money(p.unit)),
                        Num(0.0, "0.00"),
                        Num(bal / 100, money(bal)),
                    ]
                )
            else:
                amt = p.unit * p.qty
                bal += amt
                grid.append(
                    [
                        "",
                        dt.date(2026, 11, 1),
                        "Invoice",
                        str(num),
                        item,
                        p.desc,
                        p.qty,
                        Num(p.unit / 100, money(p.unit)),
                        Num(amt / 100, money(amt)),
                        Num(bal / 100, money(bal)),
                    ]
                )
            marks.append(i)
        grid.append(
            [
                f"Total for {cl.psa_name}",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Num(bal / 100, money(bal)),
            ]
        )
        marks.append(None)
        bold.add(len(grid) - 1)
        grand += bal
    grid.append(["TOTAL", None, None, None, None, None, None, None, Num(grand / 100, money(grand))])
    marks.append(None)
    bold.add(len(grid) - 1)
    fn = "Sales by Customer Detail.xlsx"
    write_xlsx(folder / fn, [("Sales by Customer Detail", grid, bold)], date_format="mm/dd/yyyy")
    return fn, None, marks


# ------------------------------------------------------------------ Xero: invoice export (flat CSV)
XERO_COLS = [
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
    "Type",
    "Status",
]


def xero(case, folder):
    grid = [XERO_COLS]
    marks = [None]
    n = 0
    for cl, idxs in _grouped(case):
        n += 1
        for i in idxs:
            p = case.plines[i]
            status = "VOIDED" if p.role == "cancelled" else ("PAID" if n % 3 == 0 else "AUTHORISED")
            grid.append(
                [
                    cl.psa_name,
                    f"INV-{4400 + n}" if p.role != "cancelled" else f"INV-{9400 + n}",
                    "Nov 2026 recurring",
                    "01/11/2026",
                    "15/11/2026",
                    _code(case, i),
                    p.desc,
                    f"{p.qty}.0000",
                    money(p.list_unit),
                    f"{p.disc:.2f}" if p.disc else "",
                    money(p.unit * p.qty),
                    "200" if p.role != "service" else "210",
                    "Tax on Sales",
                    case.currency,
                    "Sales invoice",
                    status,
                ]
            )
            marks.append(i)
    fn = "Xero_Invoices_Export.csv"
    write_csv(folder / fn, grid)
    return fn, None, marks


# ------------------------------------------------------------------ Xero: Receivable Invoice Detail report (group rows)
def xero_report(case, folder):
    cols = [
        "Invoice Date",
        "Invoice Number",
        "Reference",
        "Item Code",
        "Description",
        "Quantity",
        "Unit Price",
        "Discount %",
        "Net",
        "Status",
    ]
    grid = [
        ["Receivable Invoice Detail"],
        ["Northbridge IT Partners Ltd"],
        ["For the period 1 November 2026 to 30 November 2026"],
        [],
        cols,
    ]
    marks = [None] * 5
    bold = {0, 4}
    n = 0
    grand = 0
    for cl, idxs in _grouped(case):
        n += 1
        grid.append([cl.psa_name])
        marks.append(None)
        bold.add(len(grid) - 1)
        tot = 0
        for i in idxs:
            p = case.plines[i]
            net = 0 if p.role == "cancelled" else p.unit * p.qty
            tot += net
            grid.append(
                [
                    "1 Nov 2026",
                    f"INV-{7100 + n}" if p.role != "cancelled" else f"INV-{7900 + n}",
                    "Monthly recurring",
                    _code(case, i),
                    p.desc,
                    Num(p.qty, str(p.qty)),
                    Num(p.list_unit / 100, money(p.list_unit)),
                    Num(p.disc, str(p.disc)) if p.disc else None,
                    Num(net / 100, money(net)),
                    "Voided"
                    if p.role == "cancelled"
                    else ("Paid" if n % 4 == 0 else "Awaiting Payment"),
                ]
            )
            marks.append(i)
        grid.append(
            [
                f"Total {cl.psa_name}",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Num(tot / 100, money(tot)),
            ]
        )
        marks.append(None)
        bold.add(len(grid) - 1)
        grand += tot
    grid.append(["Total", None, None, None, None, None, None, None, Num(grand / 100, money(grand))])
    marks.append(None)
    bold.add(len(grid) - 1)
    fn = "Receivable_Invoice_Detail.xlsx"
    write_xlsx(folder / fn, [("Receivable Invoice Detail", grid, bold)])
    return fn, None, marks


RENDERERS = {
    "cw_additions": cw_additions,
    "cw_cancel_date": cw_cancel_date,
    "autotask": autotask,
    "halopsa": halopsa,
    "syncro": syncro,
    "kaseya_bms": kaseya_bms,
    "qbo_sales": qbo_sales,
    "xero": xero,
    "xero_report": xero_report,
}
