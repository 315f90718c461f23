"""PSA and accounting exports, each rendered the way that system's report looks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from . import catalogue as cat
from .scenario import PERIOD_END, PERIOD_START, Client, PLine, Scenario, money, psa_name, rng_for
from .writers import Sheet, decimal_comma, plain, thousands

MSP = "Brightlane IT Services"


@dataclass
class PsaRender:
    filename: str
    sheets: list[Sheet]
    data_sheet: str | None
    rows: list[tuple[PLine, int]]
    kind: str
    csv_options: dict[str, object]


@dataclass(frozen=True)
class PsaFormat:
    name: str
    ext: str
    annual: bool
    cancelled: bool
    render: Callable[[Scenario], PsaRender]
    source: str


def _clients(scen: Scenario) -> dict[int, Client]:
    return {c.idx: c for c in scen.clients}


def _by_client(scen: Scenario) -> list[tuple[Client, list[PLine]]]:
    clients = _clients(scen)
    groups: dict[int, list[PLine]] = {}
    for line in scen.plines:
        groups.setdefault(line.client, []).append(line)
    return [(clients[idx], lines) for idx, lines in groups.items()]


def _ext(line: PLine) -> Decimal:
    return line.unit * line.qty


# --------------------------------------------------------------- ConnectWise


def render_cw_invoice_lines(scen: Scenario) -> PsaRender:
    """ConnectWise PSA invoice export with line detail: the product sits in 'Description'
    (the MSP's own product id is generic); 'Do Not Bill' / 'No Charge' lines are not billed."""
    rng = rng_for("cw", scen.seed)
    data = Sheet("data")
    data.add(
        [
            "Invoice #",
            "Invoice Date",
            "Company",
            "Site",
            "Agreement",
            "Invoice Type",
            "Product ID",
            "Description",
            "Qty",
            "Unit Price",
            "Ext. Price",
            "Billable",
            "Taxable",
        ]
    )
    rows: list[tuple[PLine, int]] = []
    inv = 31000 + scen.seed * 7
    for client, lines in _by_client(scen):
        inv += 1
        for line in lines:
            if line.role == "service":
                pid = rng.choice(("MSP-MANAGED", "SVC-SUPPORT", "LABOR-REMOTE", "HW-RENT"))
                agreement = "Managed Services Agreement"
            else:
                pid = rng.choice(("MS-CSP-LIC", "LIC-RESALE", "SAAS-SUB", "CLOUD-LIC"))
                agreement = rng.choice(("Cloud Licensing", "Microsoft 365 Agreement", "SaaS"))
            billable = "Billable"
            if line.role == "cancelled":
                billable = rng.choice(("Do Not Bill", "No Charge"))
            row: list[object] = [
                str(inv),
                "10/01/2026",
                psa_name(client, scen.perturb),
                "Main",
                agreement,
                "Agreement",
                pid,
                line.text,
                str(line.qty),
                plain(line.unit),
                plain(_ext(line)) if billable == "Billable" else "0.00",
                billable,
                "N",
            ]
            rows.append((line, data.add(row)))
    return PsaRender("cw_invoice_lines.csv", [data], None, rows, "csv", {})


# --------------------------------------------------------------- Autotask


def render_autotask_billing_items(scen: Scenario) -> PsaRender:
    """Autotask 'Posted Items' (billing items) export as xlsx: title rows, period type per
    line (Yearly lines carry a year's price), inactive contracts, a totals row at the end."""
    data = Sheet("Posted Items", date_format="mm/dd/yyyy", money_cols={10, 11})
    data.add(["Autotask PSA"], bold=True)
    data.add(["Posted Items — Recurring Contract Services"])
    data.add(["Date range: 09/01/2026 - 09/30/2026"])
    data.add([])
    data.add(
        [
            "Account Name",
            "Contract Name",
            "Contract Status",
            "Billing Item Type",
            "Item",
            "Description",
            "Period Type",
            "Start Date",
            "End Date",
            "Units",
            "Unit Price",
            "Extended Price",
            "Invoice Number",
        ],
        bold=True,
    )
    rows: list[tuple[PLine, int]] = []
    total = Decimal(0)
    inv = 88000 + scen.seed
    for client, lines in _by_client(scen):
        inv += 1
        for line in lines:
            status = "Inactive" if line.role == "cancelled" else "Active"
            kind = "Labor" if "hour" in line.text.lower() else "Recurring Contract Service"
            ext = _ext(line)
            if line.role != "cancelled":
                total += ext
            row: list[object] = [
                psa_name(client, scen.perturb),
                "Cloud Services" if line.role != "service" else "Managed Services",
                status,
                kind,
                line.text,
                "" if line.role != "service" else "Recurring service",
                "Yearly" if line.annual else "Monthly",
                PERIOD_START,
                date(2027, 8, 31) if line.annual else PERIOD_END,
                line.qty,
                line.unit,
                ext,
                f"INV-{inv}" if line.role != "cancelled" else "",
            ]
            rows.append((line, data.add(row)))
    data.add(
        ["Total", None, None, None, None, None, None, None, None, None, None, total, None],
        bold=True,
    )
    return PsaRender("autotask_posted_items.xlsx", [data], data.name, rows, "xlsx", {})


# --------------------------------------------------------------- HaloPSA


def render_halo_invoice_lines(scen: Scenario) -> PsaRender:
    """HaloPSA report 'Invoice Lines (Recurring)' exported to xlsx: title rows, client and
    site, item description (short) and a long description with $-tokens, billing period."""
    rng = rng_for("halo", scen.seed)
    data = Sheet("Invoice Lines", date_format="dd/mm/yyyy", money_cols={8, 9, 10})
    data.add(["HaloPSA Report: Invoice Lines (Recurring)"], bold=True)
    data.add(["Run 01/10/2026 07:15 by finance@brightlane.example"])
    data.add([])
    data.add(
        [
            "Client Name",
            "Site Name",
            "Invoice Number",
            "Invoice Date",
            "Item Code",
            "Item Description",
            "Item Long Description",
            "Quantity",
            "Unit Price",
            "Net Amount",
            "Tax Amount",
            "Billing Period",
        ],
        bold=True,
    )
    rows: list[tuple[PLine, int]] = []
    inv = 5400 + scen.seed
    for client, lines in _by_client(scen):
        inv += 1
        site = rng.choice(("Main", "Main", "Head Office", "HQ"))
        for line in lines:
            code = "LIC" if line.role == "licence" else "SVC"
            long_text = rng.choice(
                (
                    "Licences for $MONTH $YEAR",
                    "$STARTDATE - $ENDDATE",
                    "Recurring charge for $MONTHNAME",
                    "",
                )
            )
            ext = _ext(line)
            row: list[object] = [
                psa_name(client, scen.perturb),
                site,
                f"INV{inv:06d}",
                date(2026, 9, 1),
                code,
                line.text,
                long_text,
                line.qty,
                line.unit,
                ext,
                money(ext * Decimal("0.1")),
                "Annually" if line.annual else "Monthly",
            ]
            rows.append((line, data.add(row)))
    return PsaRender("halo_invoice_lines.xlsx", [data], data.name, rows, "xlsx", {})


# --------------------------------------------------------------- Syncro


GENERIC_DESC = ("User licence", "Cloud subscription", "Monthly", "", "Per user", "Subscription")


def render_syncro_invoices(scen: Scenario) -> PsaRender:
    """Syncro invoice export, one row per line item: the customer is a contact with a
    business name; the product is in the item *name*, the description is generic."""
    rng = rng_for("syncro", scen.seed)
    data = Sheet("data")
    data.add(
        [
            "Invoice #",
            "Date",
            "Customer",
            "Business Name",
            "Line Item Name",
            "Line Item Description",
            "Quantity",
            "Price",
            "Cost",
            "Line Total",
            "Taxable",
        ]
    )
    rows: list[tuple[PLine, int]] = []
    inv = 1200 + scen.seed
    for client, lines in _by_client(scen):
        inv += 1
        for line in lines:
            desc = rng.choice(GENERIC_DESC) if line.role == "licence" else ""
            cost = money(line.unit * Decimal("0.8"))
            row: list[object] = [
                str(inv),
                "2026-09-01",
                client.contact,
                psa_name(client, scen.perturb),
                line.text,
                desc,
                str(line.qty),
                plain(line.unit),
                plain(cost),
                plain(_ext(line)),
                "false",
            ]
            rows.append((line, data.add(row)))
    return PsaRender("syncro_invoice_line_items.csv", [data], None, rows, "csv", {})


# --------------------------------------------------------------- QuickBooks Desktop


def render_qbd_sales_by_customer(scen: Scenario) -> PsaRender:
    """QuickBooks Desktop 'Sales by Customer Detail' exported to Excel 97 (.xls): company
    title rows, the customer on a group row in the first column, the typed text in 'Memo',
    a generic item ('Cloud Licences:Microsoft'), 'Total <customer>' rows and a TOTAL."""
    data = Sheet("Sheet1", date_format="mm/dd/yyyy", money_cols={9, 10, 11})
    data.add([MSP], bold=True)
    data.add(["Sales by Customer Detail"], bold=True)
    data.add(["September 2026"])
    data.add([])
    data.add(
        [
            "",
            "",
            "Type",
            "Date",
            "Num",
            "Memo",
            "Name",
            "Item",
            "Qty",
            "Sales Price",
            "Amount",
            "Balance",
        ],
        bold=True,
    )
    rows: list[tuple[PLine, int]] = []
    num = 7100 + scen.seed
    grand = Decimal(0)
    for client, lines in _by_client(scen):
        name = psa_name(client, scen.perturb)
        data.add([name], bold=True)
        num += 1
        balance = Decimal(0)
        for line in lines:
            if line.role == "service":
                item = "Services:Managed"
            elif line.product and line.product in cat.MICROSOFT_KEYS:
                item = "Cloud Licences:Microsoft"
            else:
                item = "Cloud Licences:Third party"
            ext = _ext(line)
            balance += ext
            row: list[object] = [
                None,
                None,
                "Invoice",
                date(2026, 9, 1),
                str(num),
                line.text,
                name,
                item,
                line.qty,
                line.unit,
                ext,
                balance,
            ]
            rows.append((line, data.add(row)))
        data.add(
            [
                f"Total {name}",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                balance,
                balance,
            ],
            bold=True,
        )
        grand += balance
    data.add(
        ["TOTAL", None, None, None, None, None, None, None, None, None, grand, grand], bold=True
    )
    return PsaRender("qbd_sales_by_customer_detail.xls", [data], data.name, rows, "xls", {})


# --------------------------------------------------------------- Xero


def render_xero_receivable_detail(scen: Scenario) -> PsaRender:
    """Xero 'Receivable Invoice Detail' report as CSV: three title lines, each contact on a
    group line above its invoice lines, 'Total <contact>' lines, money with thousands
    separators."""
    data = Sheet("data")
    data.add(["Receivable Invoice Detail"])
    data.add([MSP])
    data.add(["For the period 1 September 2026 to 30 September 2026"])
    data.add([])
    data.add(
        [
            "Invoice Date",
            "Invoice Number",
            "Reference",
            "Item Code",
            "Description",
            "Quantity",
            "Unit Price",
            "Discount",
            "Net",
            "Tax",
            "Gross",
            "Account",
            "Status",
        ]
    )
    rows: list[tuple[PLine, int]] = []
    inv = 400 + scen.seed
    grand = Decimal(0)
    for client, lines in _by_client(scen):
        name = psa_name(client, scen.perturb)
        data.add([name])
        inv += 1
        net_sum = Decimal(0)
        for line in lines:
            net = _ext(line)
            tax = money(net * Decimal("0.15"))
            net_sum += net
            row: list[object] = [
                "1 Sep 2026",
                f"INV-{inv:04d}",
                "Sept 2026 recurring",
                "",
                line.text,
                str(line.qty),
                thousands(line.unit),
                "",
                thousands(net),
                thousands(tax),
                thousands(net + tax),
                "200 - Sales" if line.role == "service" else "210 - Subscription Resale",
                "Awaiting Payment",
            ]
            rows.append((line, data.add(row)))
        data.add([f"Total {name}", "", "", "", "", "", "", "", thousands(net_sum), "", "", "", ""])
        grand += net_sum
    data.add(["Total", "", "", "", "", "", "", "", thousands(grand), "", "", "", ""])
    return PsaRender("Receivable_Invoice_Detail.csv", [data], None, rows, "csv", {})


# --------------------------------------------------------------- Zoho Books


def render_zoho_invoices(scen: Scenario) -> PsaRender:
    """Zoho Books invoice export (CSV, one row per item): 'Item Name' is the typed product,
    'Item Desc' often a note; lines on a Void invoice are not billed."""
    rng = rng_for("zoho", scen.seed)
    data = Sheet("data")
    data.add(
        [
            "Invoice Date",
            "Invoice ID",
            "Invoice Number",
            "Invoice Status",
            "Customer ID",
            "Customer Name",
            "Currency Code",
            "Exchange Rate",
            "Item Name",
            "Item Desc",
            "Quantity",
            "Item Price",
            "Discount",
            "Item Total",
            "Usage unit",
            "Account",
        ]
    )
    rows: list[tuple[PLine, int]] = []
    inv = 2300 + scen.seed
    for client, lines in _by_client(scen):
        inv += 1
        status = rng.choice(("Sent", "Paid", "Overdue", "Sent"))
        for line in lines:
            st = "Void" if line.role == "cancelled" else status
            number = f"INV-{inv:06d}" if st != "Void" else f"INV-{inv:06d}-V"
            desc = rng.choice(("", "", "September 2026", "Recurring", "As per agreement"))
            row: list[object] = [
                "2026-09-01",
                str(460000000000 + inv),
                number,
                st,
                client.account_no,
                psa_name(client, scen.perturb),
                scen.currency,
                "1.00",
                line.text,
                desc,
                str(line.qty),
                plain(line.unit),
                "0.00",
                plain(_ext(line)),
                "hrs" if "hour" in line.text.lower() else "user",
                "Sales" if line.role == "service" else "Subscription Resale",
            ]
            rows.append((line, data.add(row)))
    return PsaRender("zoho_books_invoices.csv", [data], None, rows, "csv", {})


# --------------------------------------------------------------- Exact Online (NL)


def render_exact_online(scen: Scenario) -> PsaRender:
    """Exact Online (Netherlands) sales invoice lines export: ';'-separated, decimal comma,
    UTF-8 with BOM, Dutch captions; unit 'jaar' marks a line priced per year."""
    data = Sheet("data")
    data.add(
        [
            "Factuurnummer",
            "Factuurdatum",
            "Debiteurnummer",
            "Debiteur",
            "Artikelcode",
            "Omschrijving",
            "Aantal",
            "Eenheid",
            "Prijs per eenheid",
            "Bedrag",
            "BTW-code",
            "Valuta",
        ]
    )
    rows: list[tuple[PLine, int]] = []
    inv = 26090000 + scen.seed
    for client, lines in _by_client(scen):
        inv += 1
        for line in lines:
            if line.role == "service":
                unit = "uur" if "hour" in line.text.lower() else "stuk"
                code = "DIENST"
            else:
                unit = "jaar" if line.annual else "maand"
                code = "LIC-SAAS"
            row: list[object] = [
                str(inv),
                "01-09-2026",
                client.account_no[1:],
                psa_name(client, scen.perturb),
                code,
                line.text,
                str(line.qty),
                unit,
                decimal_comma(line.unit),
                decimal_comma(_ext(line)),
                "2",
                scen.currency,
            ]
            rows.append((line, data.add(row)))
    return PsaRender(
        "exact_verkoopfactuurregels.csv", [data], None, rows, "csv", {"delimiter": ";", "bom": True}
    )


# --------------------------------------------------------------- QuickBooks Online by product


def render_qbo_sales_by_product(scen: Scenario) -> PsaRender:
    """QuickBooks Online 'Sales by Product/Service Detail' exported to xlsx: the *product*
    (the item name the MSP typed) is on a group row, each line names its customer, a
    'Total for <item>' row closes each group."""
    clients = _clients(scen)
    data = Sheet("Sales by Product_Service Detail", date_format="mm/dd/yyyy", money_cols={6, 7, 8})
    data.add([MSP], bold=True)
    data.add(["Sales by Product/Service Detail"], bold=True)
    data.add(["September 2026"])
    data.add([])
    data.add(
        [
            "",
            "Date",
            "Transaction Type",
            "Num",
            "Customer",
            "Memo/Description",
            "Qty",
            "Sales Price",
            "Amount",
            "Balance",
        ],
        bold=True,
    )
    rows: list[tuple[PLine, int]] = []
    groups: dict[str, list[PLine]] = {}
    for line in scen.plines:
        groups.setdefault(line.text, []).append(line)
    order = {c.idx: i for i, c in enumerate(scen.clients)}
    grand = Decimal(0)
    for item in sorted(groups, key=lambda t: (t.lower(), t)):
        data.add([item], bold=True)
        balance = Decimal(0)
        for line in sorted(groups[item], key=lambda ln: order[ln.client]):
            client = clients[line.client]
            ext = _ext(line)
            balance += ext
            row: list[object] = [
                None,
                date(2026, 9, 1),
                "Invoice",
                str(1000 + order[line.client]),
                psa_name(client, scen.perturb),
                "",
                line.qty,
                line.unit,
                ext,
                balance,
            ]
            rows.append((line, data.add(row)))
        data.add(
            [f"Total for {item}", None, None, None, None, None, None, None, balance, None],
            bold=True,
        )
        grand += balance
    data.add(["TOTAL", None, None, None, None, None, None, None, grand, None], bold=True)
    return PsaRender("qbo_sales_by_product_detail.xlsx", [data], data.name, rows, "xlsx", {})


# --------------------------------------------------------------- Kaseya BMS


def render_kaseya_bms_invoices(scen: Scenario) -> PsaRender:
    """Kaseya BMS invoice details export (xlsx): the account, the contract, an item type, a
    generic item code, the typed description, quantity, rate, amount and the frequency of
    the recurring service (an 'Annually' rate covers a year)."""
    rng = rng_for("bms", scen.seed)
    data = Sheet("Invoice Details", date_format="d-mmm-yyyy", money_cols={9, 10})
    data.add(
        [
            "Account",
            "Invoice #",
            "Invoice Date",
            "Contract",
            "Item Type",
            "Item",
            "Description",
            "Frequency",
            "Quantity",
            "Rate",
            "Amount",
        ],
        bold=True,
    )
    rows: list[tuple[PLine, int]] = []
    inv = 61000 + scen.seed
    for client, lines in _by_client(scen):
        inv += 1
        contract = rng.choice(("Managed Cloud", "M365 & Security", "Recurring Licences"))
        for line in lines:
            if line.role == "service":
                kind = "Labor" if "hour" in line.text.lower() else "Recurring Service"
                item = rng.choice(("MSP-SVC", "SUPPORT", "MANAGED"))
            else:
                kind = "Recurring Service"
                item = rng.choice(("LIC-CLOUD", "SAAS", "CSP"))
            row: list[object] = [
                psa_name(client, scen.perturb),
                f"INV-{inv}",
                date(2026, 9, 1),
                contract,
                kind,
                item,
                line.text,
                "Annually" if line.annual else "Monthly",
                line.qty,
                line.unit,
                _ext(line),
            ]
            rows.append((line, data.add(row)))
    return PsaRender("kaseya_bms_invoice_details.xlsx", [data], data.name, rows, "xlsx", {})


PSAS: dict[str, PsaFormat] = {
    f.name: f
    for f in (
        PsaFormat(
            "cw_invoice_lines",
            "csv",
            False,
            True,
            render_cw_invoice_lines,
            "ConnectWise PSA invoice export with line detail",
        ),
        PsaFormat(
            "autotask_posted_items",
            "xlsx",
            True,
            True,
            render_autotask_billing_items,
            "Autotask posted billing items",
        ),
        PsaFormat(
            "halo_invoice_lines",
            "xlsx",
            True,
            False,
            render_halo_invoice_lines,
            "HaloPSA invoice lines report",
        ),
        PsaFormat(
            "syncro_invoice_lines",
            "csv",
            False,
            False,
            render_syncro_invoices,
            "Syncro invoice line items export",
        ),
        PsaFormat(
            "qbd_sales_by_customer",
            "xls",
            False,
            False,
            render_qbd_sales_by_customer,
            "QuickBooks Desktop Sales by Customer Detail",
        ),
        PsaFormat(
            "xero_receivable_detail",
            "csv",
            False,
            False,
            render_xero_receivable_detail,
            "Xero Receivable Invoice Detail",
        ),
        PsaFormat(
            "zoho_books_invoices",
            "csv",
            False,
            True,
            render_zoho_invoices,
            "Zoho Books invoice export",
        ),
        PsaFormat(
            "exact_online_nl",
            "csv",
            True,
            False,
            render_exact_online,
            "Exact Online sales invoice lines (NL)",
        ),
        PsaFormat(
            "qbo_sales_by_product",
            "xlsx",
            False,
            False,
            render_qbo_sales_by_product,
            "QuickBooks Online Sales by Product/Service Detail",
        ),
        PsaFormat(
            "kaseya_bms_invoices",
            "xlsx",
            True,
            False,
            render_kaseya_bms_invoices,
            "Kaseya BMS invoice details",
        ),
    )
}
