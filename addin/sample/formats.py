"""More sample export formats (issue 10): the same seeded :class:`addin.sample.scenario.Scenario` rendered as
the exports of Ingram Micro, TD SYNNEX, Sherweb, Partner Center's legacy file, QuickBooks Online,
Xero and Kaseya BMS, so the accuracy of every format can be measured the same way.

Layouts follow the fixtures in ``tests/test_formats.py`` (which say what is confirmed and what is
assumed for each system).
"""

from __future__ import annotations

import random
from decimal import Decimal

from addin.sample.csv_bytes import stable_number
from addin.sample.psa_exports import psa_items
from addin.sample.scenario import Scenario
from addin.sample.vendor_exports import money_text, vendor_lines

MORE_VENDOR_FORMATS = ("ingram", "td_synnex", "sherweb", "partner_center_legacy")
MORE_PSA_FORMATS = ("quickbooks", "xero", "kaseya_bms")

_LIST = Decimal("1.10")  # list price over the partner's cost (the discount distributors give)


def more_vendor_rows(scenario: Scenario, fmt: str, period: str) -> list[list[str]]:
    start, end = f"{period}-01", f"{period}-28"
    us_start, us_end = f"{period[5:]}/01/{period[:4]}", f"{period[5:]}/28/{period[:4]}"
    lines = vendor_lines(scenario)
    rows: list[list[str]] = []
    if fmt == "ingram":
        rows.append(
            [
                "Customer Name",
                "Subscription ID",
                "Product Name",
                "MPN",
                "Billing Frequency",
                "Quantity",
                "Unit Price",
                "Net Price",
                "Currency",
                "Charge Start Date",
                "Charge End Date",
            ]
        )
        for i, (name, product, qty, unit, months, _charge) in enumerate(lines):
            term = "Annual Pre-Paid" if months == 12 else "Monthly Pre-Paid"
            rows.append(
                [
                    name,
                    f"S-{i}",
                    f"{product.name} ({term})",
                    product.partner_center_id,
                    "Annual" if months == 12 else "Monthly",
                    str(qty),
                    money_text(unit * _LIST),  # list price: not the MSP's cost
                    money_text(unit * qty),  # the line's net amount
                    "USD",
                    start,
                    end,
                ]
            )
    elif fmt == "td_synnex":
        rows.append(
            [
                "End Customer Name",
                "Vendor SKU",
                "Product Name",
                "Billing Frequency",
                "Quantity",
                "Unit Price",
                "Extended Price",
                "MSRP",
                "Currency",
                "Charge Start Date",
                "Charge End Date",
            ]
        )
        for name, product, qty, unit, months, _charge in lines:
            rows.append(
                [
                    name,
                    "US" + product.partner_center_id.replace(":", "")
                    if product.partner_center_id
                    else "",
                    product.name,
                    "Annual" if months == 12 else "Monthly",
                    str(qty),
                    money_text(unit),
                    money_text(unit * qty),
                    money_text(unit * Decimal("1.2")),
                    "USD",
                    us_start,
                    us_end,
                ]
            )
    elif fmt == "sherweb":
        rows.append(
            [
                "Customer Name",
                "Product Name",
                "SKU",
                "Charge Name",
                "Charge Type",
                "Billing Cycle",
                "Period From",
                "Period To",
                "Quantity",
                "Cost Price",
                "List Price",
                "Sub Total",
                "Currency",
            ]
        )
        for name, product, qty, unit, months, _charge in lines:
            cycle = "Yearly" if months == 12 else "Monthly"
            rows.append(
                [
                    name,
                    product.name,
                    product.partner_center_id,
                    f"{product.name} - {cycle}",
                    "Recurring",
                    cycle,
                    start,
                    end,
                    str(qty),
                    money_text(unit),
                    money_text(unit * _LIST),
                    money_text(unit * qty),
                    "USD",
                ]
            )
    elif fmt == "partner_center_legacy":
        rows.append(
            [
                "PartnerId",
                "CustomerId",
                "CustomerName",
                "OfferId",
                "OfferName",
                "ChargeStartDate",
                "ChargeEndDate",
                "ChargeType",
                "UnitPrice",
                "Quantity",
                "Amount",
                "TotalOtherDiscount",
                "Subtotal",
                "Tax",
                "TotalForCustomer",
                "Currency",
                "BillingCycleType",
            ]
        )
        for i, (name, product, qty, unit, months, _charge) in enumerate(lines):
            listed = (unit * _LIST).quantize(Decimal("0.01"))
            amount = listed * qty
            subtotal = unit * qty
            rows.append(
                [
                    "p",
                    f"c-{stable_number(name) % 10**6}",
                    name,
                    f"o-{i}",
                    product.name,
                    start,
                    end,
                    "Cycle fee" if qty > 0 else "Cancel fee",
                    money_text(listed),
                    str(qty),
                    money_text(amount),
                    money_text(amount - subtotal),
                    money_text(subtotal),
                    "0.00",
                    money_text(subtotal),
                    "USD",
                    "Annual" if months == 12 else "Monthly",
                ]
            )
    else:
        raise ValueError(f"unknown vendor format {fmt!r}")
    return rows


def more_psa_rows(scenario: Scenario, fmt: str, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    if fmt == "kaseya_bms":
        items = psa_items(scenario, rng)
        rows = [
            [
                "Account Name",
                "Contract Name",
                "Service Name",
                "Service Description",
                "Quantity",
                "Unit Price",
                "Total Price",
                "Billing Frequency",
                "Start Date",
                "End Date",
                "Status",
            ]
        ]
        for client, description, qty, unit, months, status in items:
            rows.append(
                [
                    client,
                    f"{client} MSA",
                    description,
                    rng.choice(("Per user per month", "Licence", "Recurring service")),
                    str(qty),
                    f"{unit:.2f}",
                    f"{unit * qty:.2f}",
                    {1: "Monthly", 3: "Quarterly", 12: "Annually"}[months],
                    "01/01/2025",
                    "07/31/2025" if status != "Active" else "",
                    "Active",  # BMS keeps the status; only the end date says it stopped
                ]
            )
        return rows
    # accounting reports bill what was invoiced this month: monthly amounts, no cancelled lines
    items = [i for i in psa_items(scenario, rng, periods=False) if i[5] == "Active"]
    if fmt == "quickbooks":
        rows = [
            ["Sales by Customer Detail"],
            ["Northwind MSP LLC"],
            ["August 2025"],
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
        grand = Decimal(0)
        for number, client in enumerate(sorted({i[0] for i in items}), start=1001):
            rows.append([client] + [""] * 9)
            balance = Decimal(0)
            for _, description, qty, unit, _months, _status in (i for i in items if i[0] == client):
                amount = unit * qty
                balance += amount
                rows.append(
                    [
                        "",
                        "08/01/2025",
                        "Invoice",
                        str(number),
                        description,
                        f"{description} - August",
                        str(qty),
                        f"{unit:.2f}",
                        f"{amount:,.2f}",
                        f"{balance:,.2f}",
                    ]
                )
            rows.append([f"Total for {client}"] + [""] * 7 + [f"${balance:,.2f}", ""])
            grand += balance
        rows.append(["TOTAL"] + [""] * 7 + [f"${grand:,.2f}", ""])
        rows.append([])
        rows.append(["Accrual basis Monday, September 1, 2025 09:14 AM GMT-07:00"])
        return rows
    if fmt == "xero":  # no currency column: the sample's bills come in USD and EUR
        rows = [
            ["Receivable Invoice Detail"],
            ["Northwind MSP Ltd"],
            ["For the period 1 August 2025 to 31 August 2025"],
            [],
            [
                "Invoice Date",
                "Invoice Number",
                "Contact",
                "Reference",
                "Description",
                "Quantity",
                "Unit Price",
                "Account",
                "Tax Rate",
                "Net",
                "Tax",
                "Gross",
            ],
        ]
        net_total = Decimal(0)
        for i, (client, description, qty, unit, _months, _status) in enumerate(items):
            net = unit * qty
            tax = (net * Decimal("0.1")).quantize(Decimal("0.01"))
            net_total += net
            rows.append(
                [
                    "01 Aug 2025",
                    f"INV-{1000 + i}",
                    client,
                    "",
                    description,
                    f"{qty:.2f}",
                    f"{unit:.2f}",
                    "200 - Sales",
                    "GST on Income",
                    f"{net:.2f}",
                    f"{tax:.2f}",
                    f"{net + tax:.2f}",
                ]
            )
        rows.append(["Total", "", "", "", "", "", "", "", "", f"{net_total:.2f}", "", ""])
        return rows
    raise ValueError(f"unknown PSA format {fmt!r}")
