"""What set G's exports showed on first contact (three of ten files unreadable, the seven that read
at precision 0.29): Danish, Norwegian and Polish headers, Odoo's subscription lines that name the
customer once, Stripe's cents, a HaloPSA invoice pasted from a PDF, Reckon's report grouped by
item, a German distributor's "Endkunde:" groups and "Summe" rows, an MSP's "Billed" column, and
a billed span written only in the description."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from engine.match.product_names import product_key
from engine.read.cells import months_in_text
from engine.read.values import is_inactive_status, parse_period_months
from engine.reconcile import reconcile
from tests.conftest import recognised_columns as _columns


def test_danish_bill_cost_never_the_suggested_price() -> None:
    headers = ["Kundenavn", "Varenr.", "Produkt", "Faktureringsfrekvens", "Antal"]
    headers += ["Vejl. udsalgspris", "Kostpris pr. stk.", "Kostpris i alt"]
    row: list[object] = ["Kvitfjell Regnskap AS", "CFQ7TTC0LFLZ:0002", "Microsoft 365 E5"]
    row += ["Månedlig", "126", "438,74", "351,41", "44.277,66"]
    columns = _columns("vendor", [headers, row, row])
    assert columns["unit_cost"] == "Kostpris pr. stk."
    assert columns["line_total"] == "Kostpris i alt"
    assert columns["product_name"] == "Produkt"
    assert columns["billing_frequency"] == "Faktureringsfrekvens"


def test_polish_bill_names_the_product_not_its_code() -> None:
    headers = ["Nazwa klienta", "Kod produktu", "Nazwa produktu", "Częstotliwość rozliczeń"]
    headers += ["Okres zobowiązania", "Ilość", "Cena jedn. netto", "Wartość netto"]
    row: list[object] = ["Acme Sp. z o.o.", "CFQ7TTC0LFLZ:0002", "Microsoft 365 E5", "rocznie"]
    row += ["roczny", "54", "2 204,97", "119 068,38"]
    columns = _columns("vendor", [headers, row, row])
    assert columns["product_name"] == "Nazwa produktu"
    assert columns["billing_frequency"] == "Częstotliwość rozliczeń"
    assert columns["term"] == "Okres zobowiązania"


def test_norwegian_price_and_sum_excluding_vat() -> None:
    headers = ["Kunde", "Produkt", "Antall", "Pris eks. mva", "Rabatt %", "Sum eks. mva"]
    row: list[object] = ["Kvitfjell Regnskap AS", "Microsoft 365 E5", 54, 267.06, None, 14421.24]
    columns = _columns("psa", [headers, row, row])
    assert columns["unit_price"] == "Pris eks. mva"
    assert columns["line_total"] == "Sum eks. mva"


def test_a_billed_column_that_says_monthly_is_the_period_not_a_flag() -> None:
    headers = ["Customer", "Item", "Qty", "Sell ea", "Line total", "Billed"]
    row: list[object] = ["Acme Ltd", "Microsoft 365 E5", 3, 50.0, 150.0, "yearly"]
    columns = _columns("psa", [headers, row, row])
    assert columns.get("billing_period") == "Billed"
    assert "bill_flag" not in columns


@pytest.mark.parametrize(
    ("text", "months"),
    [("Månedlig", 1), ("1 måned", 1), ("Kvartalsvis", 3), ("per mnd", 1), ("Trimestrale", 3)],
)
def test_nordic_and_other_billing_words(text: str, months: int) -> None:
    assert parse_period_months(text) == months


@pytest.mark.parametrize("status", ["Avsluttet", "Opsagt", "Avslutad", "Annullato", "Churned"])
def test_ended_in_more_languages(status: str) -> None:
    assert is_inactive_status(status)


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Copilot (01/09/2026 - 31/08/2027)", 12),  # day first: 31 is no month
        ("Copilot (09/01/2026 - 08/31/2027)", 12),  # month first
        ("Basic (01/09/2026 - 30/09/2026)", 1),
        ("Plan 2 - 2026", None),
        ("Level 3-5 team", None),
    ],
)
def test_a_billed_span_in_a_description(text: str, months: int | None) -> None:
    assert months_in_text(text) == months


@pytest.mark.parametrize(
    "spelling",
    [
        "Microsoft 365 E3 (Mensual, Pago mensual)",
        "Microsoft 365 E3 NCE Jahresabo",
        "Microsoft 365 E3 - subscription license (1 year) - 1 user - hosted - CSP",
    ],
)
def test_a_bills_term_and_catalogue_words_are_no_part_of_the_product(spelling: str) -> None:
    assert product_key(spelling) == "microsoft 365 e3"
    assert product_key("Hosted Email & Teams") != product_key("Email & Teams")


def test_odoo_names_the_customer_on_a_subscriptions_first_line_only(
    write: Callable[..., Path],
) -> None:
    vendor = "Customer,Product,Qty,Unit Cost\nAcme Ltd,Microsoft 365 E3,10,30.00\n"
    vendor += "Acme Ltd,Visio Plan 2,2,12.00\nBeta GmbH,Microsoft 365 E3,5,30.00\n"
    psa = (
        "Customer,Recurrence,Order Lines/Description,Order Lines/Quantity,Order Lines/Unit Price\n"
        "Acme Ltd,Monthly,Microsoft 365 E3,10,36.00\n"
        ",,Visio Plan 2,2,15.00\n"
        "Beta GmbH,Monthly,Microsoft 365 E3,4,36.00\n"
    )
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == [
        ("under_billed", "Beta GmbH", "Microsoft 365 E3")
    ]


def test_stripe_amounts_are_in_cents(write: Callable[..., Path]) -> None:
    vendor = "Customer,Product,Qty,Unit Cost\nAcme Ltd,Microsoft 365 E3,10,30.00\n"
    psa = (
        "customer_name,description,quantity,unit_amount_decimal,amount,currency,"
        "price_recurring_interval\n"
        "Acme Ltd,10 × Microsoft 365 E3 (at €25.00 / month),10,2500,25000,eur,month\n"
    )
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    [finding] = result.discrepancies
    assert (finding.type, finding.product) == ("below_cost", "Microsoft 365 E3")
    assert finding.monthly_impact == Decimal("50.00")


def test_xeros_unit_amount_is_money_with_cents(write: Callable[..., Path]) -> None:
    vendor = "Customer,Product,Qty,Unit Cost\nAcme Ltd,Microsoft 365 E3,10,30.00\n"
    psa = "*ContactName,*Description,*Quantity,*UnitAmount\nAcme Ltd,Microsoft 365 E3,10,36.00\n"
    assert list(reconcile(write("v.csv", vendor), write("p.csv", psa)).discrepancies) == []


def test_an_invoice_pasted_from_a_pdf_names_its_customer_above_the_header(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    for row in [
        ("TAX INVOICE  INV-026090   Date: 01/09/2026", None, None, None),
        ("Bill To: Acme Ltd", None, None, None),
        ("Item", "Description", "Quantity", "Unit Price"),
        ("Microsoft 365 E3", "Microsoft 365 E3 (01/09/2026 - 30/09/2026)", "10.00", "£36.00"),
        (None, None, "Subtotal", "£360.00"),
        ("TAX INVOICE  INV-026091   Date: 01/09/2026", None, None, None),
        ("Bill To: Beta GmbH", None, None, None),
        ("Item", "Description", "Quantity", "Unit Price"),
        ("Microsoft 365 E3", "Microsoft 365 E3 (01/09/2026 - 31/08/2027)", "4.00", "£432.00"),
    ]:
        sheet.append(row)
    psa = tmp_path / "psa.xlsx"
    workbook.save(psa)
    vendor = tmp_path / "v.csv"
    vendor.write_text(
        "Customer,Product,Qty,Unit Cost\nAcme Ltd,Microsoft 365 E3,10,30.00\n"
        "Beta GmbH,Microsoft 365 E3,5,30.00\n"
    )
    result = reconcile(vendor, psa)
    # Beta's line bills a year (432 is 36 a month): one seat short, priced above cost
    assert [(d.type, d.client) for d in result.discrepancies] == [("under_billed", "Beta GmbH")]


def test_a_report_grouped_by_item_whose_name_column_holds_the_customers(tmp_path: Path) -> None:
    """Reckon's "Sales by Item Detail": each item on a group row, its lines naming the customer in
    a "Name" column; "Total …" rows close each group."""
    workbook = Workbook()
    sheet = workbook.active
    for row in [
        ("Sales by Item Detail", None, None, None, None),
        ("Type", "Date", "Name", "Qty", "Sales Price"),
        ("Microsoft 365 E3", None, None, None, None),
        ("Tax Invoice", "2026-09-01", "Acme Pty Ltd", 10, 36.0),
        ("Tax Invoice", "2026-09-01", "Beta Pty Ltd", 4, 36.0),
        ("Total Microsoft 365 E3", None, None, None, None),
    ]:
        sheet.append(row)
    psa = tmp_path / "psa.xlsx"
    workbook.save(psa)
    vendor = tmp_path / "v.csv"
    vendor.write_text(
        "Customer,Product,Qty,Unit Cost\nAcme Pty Ltd,Microsoft 365 E3,10,30.00\n"
        "Beta Pty Ltd,Microsoft 365 E3,5,30.00\n"
    )
    result = reconcile(vendor, psa)
    assert [(d.type, d.client) for d in result.discrepancies] == [("under_billed", "Beta Pty Ltd")]


def test_a_distributors_end_customer_groups_and_their_sums(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    for row in [
        ("Artikelnummer", "Artikelbezeichnung", "Menge", "EK-Preis netto", "Gesamt netto"),
        ("Endkunde: Acme GmbH (Tenant acme.onmicrosoft.com)", None, None, None, None),
        ("CFQ7TTC0LFLX:0001", "Microsoft 365 E3 NCE Monatsabo", 10, 30.0, 300.0),
        ("Summe Acme GmbH", None, None, None, 300.0),
        ("Endkunde: Beta GmbH (Tenant beta.onmicrosoft.com)", None, None, None, None),
        ("CFQ7TTC0LFLX:0001", "Microsoft 365 E3 NCE Monatsabo", 5, 30.0, 150.0),
        ("Summe Beta GmbH", None, None, None, 150.0),
    ]:
        sheet.append(row)
    vendor = tmp_path / "vendor.xlsx"
    workbook.save(vendor)
    psa = tmp_path / "p.csv"
    psa.write_text(
        "Customer,Item,Qty,Price\nAcme GmbH,Microsoft 365 E3,10,36\nBeta GmbH,M365 E3,4,36\n"
    )
    result = reconcile(vendor, psa)
    assert [(d.type, d.client) for d in result.discrepancies] == [("under_billed", "Beta GmbH")]
