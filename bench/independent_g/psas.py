"""PSA / accounting exports (what the MSP bills), each in the layout its system exports.

A format that cannot say a line is cancelled (an invoice register) leaves cancelled lines out;
one that has no billing period writes an annual line's monthly equivalent (exact cents, since the
scenario's annual PSA prices are twelve monthly prices).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from .catalog import BY_KEY
from .names import fold
from .scenario import PERIOD_END, PERIOD_START, PsaLine, Scenario
from .vendors import Rendered
from .writers import Cell, Sheet, amount, write_csv, write_xls, write_xlsx


@dataclass(frozen=True)
class PsaFormat:
    name: str
    render: Callable[[Scenario, bool, Path], Rendered]


def customer(scn: Scenario, key: int, perturb: bool) -> str:
    return scn.psa_names[key][0] if perturb else scn.clients[key].name


def text(line: PsaLine, perturb: bool) -> str:
    return line.text if perturb else line.clean


def _ordered(scn: Scenario, perturb: bool, cancelled: bool = True) -> list[tuple[int, PsaLine]]:
    lines = [(i, ln) for i, ln in enumerate(scn.psa) if cancelled or ln.role != "cancelled"]
    return sorted(lines, key=lambda il: (fold(customer(scn, il[1].client, perturb)).lower(), il[0]))


def _monthly(line: PsaLine) -> Decimal:
    return line.monthly_unit


def _code(text: str) -> str:
    """A stable short number for a product or service (independent of PYTHONHASHSEED)."""
    return f"{sum((i + 1) * ord(ch) for i, ch in enumerate(text)) % 9000 + 1000}"


def _cust_no(key: int) -> str:
    return f"C{1000 + key * 13}"


def ninjaone_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """NinjaOne billing agreement products: Type, Billing Cycle, Status, end date for cancels."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "Organization",
            "Agreement",
            "Product Name",
            "Product Description",
            "Type",
            "Quantity",
            "Price",
            "Total",
            "Billing Cycle",
            "Status",
            "Start Date",
            "End Date",
        ]
    )
    for index, line in _ordered(scn, perturb):
        typed = text(line, perturb)
        kind = (
            "Labor"
            if line.role == "service" and "labour" in line.clean.lower()
            else ("Service" if line.role == "service" else "Subscription")
        )
        cycle = "Annually" if line.billing == "annual" else "Monthly"
        status = "Cancelled" if line.role == "cancelled" else "Active"
        end = f"{line.cancelled:%m/%d/%Y}" if line.cancelled else ""
        sheet.add(
            [
                customer(scn, line.client, perturb),
                "Managed IT Agreement",
                typed,
                "",
                kind,
                str(line.qty),
                amount(line.unit),
                amount(line.unit * line.qty),
                cycle,
                status,
                "01/07/2025",
                end,
            ],
            line=index,
        )
    write_csv(out / "psa.csv", sheet)
    return Rendered("psa.csv", None, sheet.line_of_row, "")


def atera_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Atera contracts: one row per contract line; Active TRUE/FALSE; Rate x Units = Amount."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "Customer",
            "Contract Name",
            "Contract Type",
            "Item",
            "Rate",
            "Units",
            "Amount",
            "Billing Period",
            "Start Date",
            "End Date",
            "Active",
        ]
    )
    for index, line in _ordered(scn, perturb):
        ctype = "Retainer" if line.role == "service" else "Software License"
        end = f"{line.cancelled:%Y-%m-%d}" if line.cancelled else ""
        sheet.add(
            [
                customer(scn, line.client, perturb),
                f"{'Licences' if ctype != 'Retainer' else 'Support'} {index % 7 + 1}",
                ctype,
                text(line, perturb),
                f"{line.unit:.2f}",
                str(line.qty),
                f"{line.unit * line.qty:.2f}",
                "Yearly" if line.billing == "annual" else "Monthly",
                "2025-03-01",
                end,
                "FALSE" if line.role == "cancelled" else "TRUE",
            ],
            line=index,
        )
    write_csv(out / "psa.csv", sheet)
    return Rendered("psa.csv", None, sheet.line_of_row, "")


def odoo_xlsx(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Odoo subscriptions exported with their order lines: the parent fields (customer, reference,
    recurrence, stage) appear on a subscription's first row only, the next rows leave them blank."""
    sheet = Sheet("Sheet1")
    sheet.add(
        [
            "Customer",
            "Subscription Reference",
            "Recurrence",
            "Stage",
            "Order Lines/Product",
            "Order Lines/Description",
            "Order Lines/Quantity",
            "Order Lines/Unit Price",
            "Order Lines/Subtotal",
        ]
    )
    subs: dict[tuple[int, str, bool], list[tuple[int, PsaLine]]] = {}
    for index, line in _ordered(scn, perturb):
        subs.setdefault((line.client, line.billing, line.role == "cancelled"), []).append(
            (index, line)
        )
    for n, ((key, billing, closed), lines) in enumerate(subs.items()):
        for i, (index, line) in enumerate(lines):
            typed = text(line, perturb)
            # the MSP's own internal reference: an opaque code, not the product's name
            ref = f"[{'SRV' if line.role == 'service' else 'LIC'}-{_code(line.product)}]"
            head: list[Cell] = (
                [
                    customer(scn, key, perturb),
                    f"SUB/{2025 + n % 2}/{n + 1:05d}",
                    "Yearly" if billing == "annual" else "Monthly",
                    "Closed" if closed else "In Progress",
                ]
                if i == 0
                else [None, None, None, None]
            )
            sheet.add(
                [*head, f"{ref} {typed}", typed, line.qty, line.unit, line.unit * line.qty],
                line=index,
            )
    write_xlsx(out / "psa.xlsx", [sheet])
    return Rendered("psa.xlsx", "Sheet1", sheet.line_of_row, "")


def sevdesk_de_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """German invoicing positions export: `;`, decimal comma, BOM; Einheit tells month from year;
    a cancelled (storniert) invoice's positions are not billed."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "Rechnungsnummer",
            "Rechnungsdatum",
            "Kundennummer",
            "Kunde",
            "Position",
            "Bezeichnung",
            "Menge",
            "Einheit",
            "Einzelpreis (netto)",
            "Gesamt (netto)",
            "USt.-Satz",
            "Währung",
            "Status",
        ]
    )
    invoice_of: dict[tuple[int, bool], str] = {}
    position: dict[str, int] = {}
    for index, line in _ordered(scn, perturb):
        inv_key = (line.client, line.role == "cancelled")
        if inv_key not in invoice_of:
            invoice_of[inv_key] = f"RE-2026-{len(invoice_of) + 1001}"
        number = invoice_of[inv_key]
        position[number] = position.get(number, 0) + 1
        unit = (
            "Std."
            if "hours" in line.clean or "labour" in line.clean.lower()
            else ("Lizenz/Jahr" if line.billing == "annual" else "Lizenz/Monat")
        )
        if line.role == "service" and unit != "Std.":
            unit = "Pauschal" if line.qty == 1 else "Stk."
        sheet.add(
            [
                number,
                "01.09.2026",
                _cust_no(line.client),
                customer(scn, line.client, perturb),
                str(position[number]),
                text(line, perturb),
                str(line.qty),
                unit,
                amount(line.unit, ",", "."),
                amount(line.unit * line.qty, ",", "."),
                "19",
                scn.currency,
                "Storniert" if line.role == "cancelled" else "Offen",
            ],
            line=index,
        )
    write_csv(out / "psa.csv", sheet, ";", "utf-8-sig")
    return Rendered("psa.csv", None, sheet.line_of_row, "")


def tripletex_no_xlsx(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Norwegian accounting subscription lines (avtalefakturering): Intervall, Status."""
    sheet = Sheet("Abonnement")
    sheet.add(["Abonnementslinjer per kunde - september 2026"], bold=True)
    sheet.add(
        [
            "Kundenr",
            "Kunde",
            "Avtale",
            "Produktnr",
            "Produkt",
            "Antall",
            "Enhet",
            "Pris eks. mva",
            "Rabatt %",
            "Sum eks. mva",
            "Intervall",
            "Status",
            "Avsluttet dato",
        ],
        bold=True,
    )
    for index, line in _ordered(scn, perturb):
        sheet.add(
            [
                _cust_no(line.client),
                customer(scn, line.client, perturb),
                f"AV-{line.client + 300}",
                _code(line.product),
                text(line, perturb),
                line.qty,
                "stk",
                line.unit,
                None,
                line.unit * line.qty,
                "Årlig" if line.billing == "annual" else "Månedlig",
                "Avsluttet" if line.role == "cancelled" else "Aktiv",
                line.cancelled,
            ],
            line=index,
        )
    write_xlsx(out / "psa.xlsx", [sheet])
    return Rendered("psa.xlsx", "Abonnement", sheet.line_of_row, "")


def stripe_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Stripe invoice line items: amounts in the currency's minor unit (cents), lower-case
    currency, the description Stripe writes ("3 × Product (at $26.00 / month)")."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "invoice_id",
            "invoice_number",
            "customer_id",
            "customer_name",
            "customer_email",
            "line_item_id",
            "description",
            "quantity",
            "unit_amount_decimal",
            "amount",
            "currency",
            "period_start",
            "period_end",
            "price_recurring_interval",
            "proration",
        ]
    )
    symbol = {"USD": "$", "CAD": "CA$", "GBP": "£", "EUR": "€", "AUD": "A$"}.get(scn.currency, "")
    for index, line in _ordered(scn, perturb, cancelled=False):
        interval = "year" if line.billing == "annual" else "month"
        typed = text(line, perturb)
        unit_text = (
            f"{symbol}{amount(line.unit, '.', ',')}"
            if symbol
            else f"{amount(line.unit)} {scn.currency}"
        )
        desc = (
            typed
            if line.role == "service"
            else f"{line.qty} × {typed} (at {unit_text} / {interval})"
        )
        cents = int(line.unit * 100)
        sheet.add(
            [
                f"in_1Q{line.client:04d}SEP26",
                f"8F3A21-{line.client + 100:04d}",
                f"cus_{(line.client + 1) * 2654435761 % 16**14:014x}",
                customer(scn, line.client, perturb),
                "accounts@" + scn.clients[line.client].domain.replace(".onmicrosoft.com", ".com"),
                f"il_{index:06d}",
                desc,
                str(line.qty),
                str(cents),
                str(cents * line.qty),
                scn.currency.lower(),
                "2026-09-01",
                "2026-10-01",
                "" if line.role == "service" else interval,
                "false",
            ],
            line=index,
        )
    write_csv(out / "psa.csv", sheet)
    return Rendered("psa.csv", None, sheet.line_of_row, "")


def chargebee_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Chargebee subscription items: entity type plan/addon/charge, status active/cancelled."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "Subscription Id",
            "Customer Company",
            "Customer Id",
            "Status",
            "Item Price Id",
            "Entity Type",
            "Item Name",
            "Quantity",
            "Unit Price",
            "Amount",
            "Currency",
            "Billing Period",
            "Billing Period Unit",
            "Cancelled At",
        ]
    )
    for index, line in _ordered(scn, perturb):
        typed = text(line, perturb)
        entity = (
            "charge_item_price"
            if line.role == "service"
            else (
                "plan_item_price"
                if BY_KEY.get(line.product) and BY_KEY[line.product].seats != "addon"
                else "addon_item_price"
            )
        )
        price_id = f"{fold(typed).lower().replace(' ', '-')[:30]}-{scn.currency}-{'yearly' if line.billing == 'annual' else 'monthly'}"
        sheet.add(
            [
                f"AzZ{line.client:05d}",
                customer(scn, line.client, perturb),
                _cust_no(line.client),
                "cancelled"
                if line.role == "cancelled"
                else "non_renewing"
                if line.cancelled
                else "active",
                price_id,
                entity,
                typed,
                str(line.qty),
                f"{line.unit:.2f}",
                f"{line.unit * line.qty:.2f}",
                scn.currency,
                "1",
                "year" if line.billing == "annual" else "month",
                f"{line.cancelled:%Y-%m-%d}" if line.cancelled else "",
            ],
            line=index,
        )
    write_csv(out / "psa.csv", sheet)
    return Rendered("psa.csv", None, sheet.line_of_row, "")


def reckon_au_xls(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Reckon Accounts "Sales by Item Detail" (.xls): the item sits on a group row above its
    lines, the customer in the Name column, a "Total <item>" row after each group; monthly sales."""
    sheet = Sheet("Sales by Item Detail")
    sheet.add(["Sales by Item Detail"], bold=True)
    sheet.add(["September 2026"])
    sheet.add(
        ["Type", "Date", "Num", "Memo", "Name", "Qty", "Sales Price", "Amount", "Balance"],
        bold=True,
    )
    groups: dict[str, list[tuple[int, PsaLine]]] = {}
    for index, line in _ordered(scn, perturb, cancelled=False):
        groups.setdefault(text(line, perturb), []).append((index, line))
    number = 5000
    for item in sorted(groups, key=lambda t: fold(t).lower()):
        sheet.add([item], bold=True)
        balance = Decimal(0)
        for index, line in groups[item]:
            number += 1
            unit = _monthly(line)
            balance += unit * line.qty
            sheet.add(
                [
                    "Tax Invoice",
                    PERIOD_START,
                    str(number),
                    "",
                    customer(scn, line.client, perturb),
                    line.qty,
                    unit,
                    unit * line.qty,
                    balance,
                ],
                line=index,
            )
        sheet.add([f"Total {item}", None, None, None, None, None, None, balance], bold=True)
    write_xls(out / "psa.xls", [sheet])
    return Rendered("psa.xls", "Sales by Item Detail", sheet.line_of_row, "")


def msp_workbook_xlsx(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """A billing workbook an MSP keeps by hand: merged customer rows, subtotal rows, notes, a
    "Cancelled" column with dates, an annual column for yearly lines, a grand total."""
    sheet = Sheet("Sept 26 billing")
    sheet.add(["RECURRING BILLING - SEPTEMBER 2026 (do not sort!)"], bold=True)
    sheet.add([])
    sheet.add(["Item", "Qty", "Sell ea", "Line total", "Billed", "Cancelled", "Notes"], bold=True)
    by_client: dict[int, list[tuple[int, PsaLine]]] = {}
    for index, line in _ordered(scn, perturb):
        by_client.setdefault(line.client, []).append((index, line))
    grand = Decimal(0)
    for key, lines in by_client.items():
        row = sheet.add([customer(scn, key, perturb)], bold=True)
        sheet.merges.append((row, 0, 6))
        subtotal = Decimal(0)
        for index, line in lines:
            live = line.role != "cancelled"
            total = line.unit * line.qty
            if live:
                subtotal += total
            sheet.add(
                [
                    text(line, perturb),
                    line.qty,
                    line.unit,
                    total,
                    "yearly" if line.billing == "annual" else "monthly",
                    line.cancelled,
                    "cancelled - do not bill"
                    if not live
                    else f"ends {line.cancelled:%d/%m}"
                    if line.cancelled
                    else "",
                ],
                line=index,
            )
        sheet.add([None, None, "Subtotal", subtotal], bold=True)
        grand += subtotal
    sheet.add([])
    sheet.add([None, None, "GRAND TOTAL", grand], bold=True)
    write_xlsx(out / "psa.xlsx", [sheet])
    return Rendered("psa.xlsx", "Sept 26 billing", sheet.line_of_row, "")


def _money_text(value: Decimal, currency: str) -> str:
    text = amount(value, ".", ",")
    symbol = {"USD": "$", "CAD": "$", "AUD": "$", "GBP": "£", "EUR": "€"}.get(currency)
    if symbol:
        return f"{symbol}{text}"
    return f"{currency} {text}" if currency == "CHF" else f"{text} {currency}"


def halo_invoice_paste_xlsx(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """HaloPSA invoices printed to PDF and pasted into Excel: per invoice a title row, a
    "Bill To:" row with the customer, the column header repeated, the lines (money as text with
    the currency symbol, the charge period in the description), then Subtotal / Tax / Total rows."""
    sheet = Sheet("Paste")
    by_client: dict[int, list[tuple[int, PsaLine]]] = {}
    for index, line in _ordered(scn, perturb, cancelled=False):
        by_client.setdefault(line.client, []).append((index, line))
    for n, (key, lines) in enumerate(by_client.items()):
        sheet.add([f"TAX INVOICE  INV-{26090 + n:06d}   Date: 01/09/2026"], bold=True)
        sheet.add([f"Bill To: {customer(scn, key, perturb)}"])
        sheet.add(["Item", "Description", "Quantity", "Unit Price", "Net"], bold=True)
        net = Decimal(0)
        for index, line in lines:
            until = "31/08/2027" if line.billing == "annual" else "30/09/2026"
            typed = text(line, perturb)
            sheet.add(
                [
                    typed,
                    f"{typed} (01/09/2026 - {until})" if line.role != "service" else "",
                    f"{line.qty:.2f}",
                    _money_text(line.unit, scn.currency),
                    _money_text(line.unit * line.qty, scn.currency),
                ],
                line=index,
            )
            net += line.unit * line.qty
        sheet.add([None, None, None, "Subtotal", _money_text(net, scn.currency)])
        sheet.add([None, None, None, "Tax", _money_text(Decimal(0), scn.currency)])
        sheet.add([None, None, None, "Total", _money_text(net, scn.currency)], bold=True)
        sheet.add([])
    write_xlsx(out / "psa.xlsx", [sheet])
    return Rendered("psa.xlsx", "Paste", sheet.line_of_row, "")


PSA: dict[str, PsaFormat] = {
    f.name: f
    for f in (
        PsaFormat("ninjaone_csv", ninjaone_csv),
        PsaFormat("atera_csv", atera_csv),
        PsaFormat("odoo_xlsx", odoo_xlsx),
        PsaFormat("sevdesk_de_csv", sevdesk_de_csv),
        PsaFormat("tripletex_no_xlsx", tripletex_no_xlsx),
        PsaFormat("stripe_csv", stripe_csv),
        PsaFormat("chargebee_csv", chargebee_csv),
        PsaFormat("reckon_au_xls", reckon_au_xls),
        PsaFormat("msp_workbook_xlsx", msp_workbook_xlsx),
        PsaFormat("halo_invoice_paste_xlsx", halo_invoice_paste_xlsx),
    )
}
_ = (date, PERIOD_END)
