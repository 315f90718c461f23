"""A scenario rendered as a PSA export (ConnectWise, Autotask, HaloPSA, Syncro): rows of text."""

from __future__ import annotations

import random
from decimal import Decimal

from addin.sample.scenario import Scenario

PSA_FORMATS = ("connectwise", "autotask", "halopsa", "syncro")


#: (client, description, quantity, unit price per period, months, status): one PSA line.
_Item = tuple[str, str, int, Decimal, int, str]


def psa_items(
    scenario: Scenario, rng: random.Random, *, periods: bool = True
) -> list[tuple[str, str, int, Decimal, int, str]]:
    """(client, description, quantity, unit price per period, months, status) per PSA line."""
    items = []
    for h in scenario.holdings:
        if h.psa_qty <= 0:
            continue
        spelling = rng.choice(h.product.psa_spellings)
        months = h.psa_period if periods else 1
        items.append(
            (
                scenario.psa_names[h.client],
                spelling,
                h.psa_qty,
                h.psa_price * months,
                months,
                "Active",
            )
        )
    for client, service, qty, price in scenario.services:
        items.append((scenario.psa_names[client], service, qty, price, 1, "Active"))
    for client, product, qty in scenario.cancelled:
        items.append(
            (
                scenario.psa_names[client],
                product.psa_spellings[0],
                qty,
                product.price,
                1,
                "Cancelled",
            )
        )
    rng.shuffle(items)
    return items


def psa_rows(scenario: Scenario, fmt: str, *, seed: int = 1) -> list[list[str]]:
    """The PSA export as rows of text, header first (plus title/totals rows where the format has them)."""
    rng = random.Random(seed)
    items = psa_items(scenario, rng, periods=fmt != "connectwise")
    total = sum((unit * qty for _, _, qty, unit, _, _ in items), Decimal(0))
    if fmt == "connectwise":
        return _connectwise_rows(items)
    if fmt == "autotask":
        return _autotask_rows(items, total)
    if fmt == "halopsa":
        return _halopsa_rows(items)
    if fmt == "syncro":
        return _syncro_rows(items)
    from addin.sample.formats import MORE_PSA_FORMATS, more_psa_rows

    if fmt in MORE_PSA_FORMATS:
        return more_psa_rows(scenario, fmt, seed)
    raise ValueError(f"unknown PSA format {fmt!r}; known: {', '.join(PSA_FORMATS)}")


def _connectwise_rows(items: list[_Item]) -> list[list[str]]:
    """ConnectWise's agreement additions export."""
    rows: list[list[str]] = []
    rows.append(
        [
            "Company Name",
            "Agreement Name",
            "Product ID",
            "Description",
            "Quantity",
            "Less Included",
            "Price",
            "Ext Price",
            "Bill",
            "Effective",
            "Cancelled",
            "Addition Status",
        ]
    )
    for client, description, qty, unit, _months, status in items:
        cancelled = "07/15/2025" if status == "Cancelled" else ""
        rows.append(
            [
                client,
                f"{client} - Managed",
                description.upper().replace(" ", "-")[:12],
                description,
                str(qty),
                "0",
                f"${unit:,.2f}",
                f"${unit * qty:,.2f}",
                "Billable",
                "01/01/2025",
                cancelled,
                status,
            ]
        )
    return rows


def _autotask_rows(items: list[_Item], total: Decimal) -> list[list[str]]:
    """Autotask's recurring services export, with its totals row."""
    rows: list[list[str]] = []
    rows.append(
        [
            "Account Name",
            "Contract Name",
            "Service Name",
            "Units",
            "Unit Price",
            "Unit Cost",
            "Period Type",
            "Extended Price",
            "Status",
        ]
    )
    for client, description, qty, unit, months, status in items:
        period = {1: "Monthly", 3: "Quarterly", 12: "Yearly"}[months]
        rows.append(
            [
                client,
                "Recurring Services",
                description,
                str(qty),
                f"{unit:.2f}",
                "",
                period,
                f"{unit * qty:.2f}",
                "Active" if status == "Active" else "Inactive",
            ]
        )
    rows.append(["Total", "", "", "", "", "", "", f"{total:.2f}", ""])
    return rows


def _halopsa_rows(items: list[_Item]) -> list[list[str]]:
    """HaloPSA's recurring invoice lines, under its title rows."""
    rows: list[list[str]] = []
    rows.append(["Recurring Invoice Lines"])
    rows.append(["Report run 2025-09-01 08:00"])
    rows.append([])
    rows.append(
        [
            "client_name",
            "invoice_number",
            "item_shortdescription",
            "item_longdescription",
            "qty_order",
            "unit_price",
            "net_amount",
            "billing_period",
            "status",
        ]
    )
    for i, (client, description, qty, unit, months, status) in enumerate(items):
        period = {1: "Monthly", 3: "Quarterly", 12: "Annually"}[months]
        rows.append(
            [
                client,
                f"RI-{1000 + i}",
                description,
                f"{description} $MONTHNAME $YEAR",
                str(qty),
                f"{unit:.2f}",
                f"{unit * qty:.2f}",
                period,
                "Active" if status == "Active" else "Cancelled",
            ]
        )
    return rows


def _syncro_rows(items: list[_Item]) -> list[list[str]]:
    """Syncro's scheduled invoice lines: prices in cents."""
    rows: list[list[str]] = []
    rows.append(
        [
            "customer_business_then_name",
            "schedule_name",
            "name",
            "description",
            "quantity",
            "retail_cents",
            "cost_cents",
            "frequency",
            "status",
        ]
    )
    for client, description, qty, unit, months, status in items:
        frequency = {1: "Monthly", 3: "Quarterly", 12: "Annually"}[months]
        rows.append(
            [
                client,
                "Monthly Licensing",
                description,
                "",
                str(qty),
                str(int(unit * 100)),
                "",
                frequency,
                "active" if status == "Active" else "inactive",
            ]
        )
    return rows
