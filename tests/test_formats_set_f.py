"""What set F's first contact showed about reading (four of its nine diagonal pairs had not read at
all): customers under a plain "Name", headers in Swedish, Italian, Polish and Spanish, an id column
beside the customer, prepaid terms, and billing words in the languages of the bills."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from engine.match.product_names import product_key
from engine.read.values import parse_period_months
from engine.reconcile import reconcile
from tests.conftest import recognised_columns as _columns


def test_the_column_of_legal_forms_is_the_customer_when_no_header_says_so() -> None:
    """Sage 50's "Name" (and NetSuite's) holds the customer; its values end in legal forms, which
    no product's name does."""
    rows = [
        ["Type", "A/C", "Name", "Inv No", "Details", "Qty", "Unit Price", "Net"],
        [
            "Invoice",
            "KEYSTO24",
            "3324 - Keystone Nurseries Corp.",
            "18400",
            "BI Pro",
            "8",
            "27.25",
            "218.00",
        ],
        [
            "Invoice",
            "KEYSTO24",
            "3324 - Keystone Nurseries Corp.",
            "18400",
            "Office Desktop",
            "23",
            "27.99",
            "643.77",
        ],
        ["Invoice", "AMBERL01", "Amberley Holdings Ltd", "18401", "BI Pro", "2", "27.25", "54.50"],
    ]
    columns = _columns("psa", rows)
    assert columns["client"] == "Name"
    assert columns["product_name"] == "Details"


def test_an_id_beside_the_customer_is_not_the_customer() -> None:
    """Exclusive Networks' French bill: "Code client" (C1093) beside "Client final"."""
    rows = [
        [
            "N° facture",
            "Client final",
            "Code client",
            "Désignation",
            "Quantité",
            "Prix unitaire HT",
            "Montant HT",
        ],
        ["FA1", "Bergstraße Hotel GmbH", "C1132", "Huntress Managed EDR", "25", "3,26", "81,50"],
        ["FA1", "Côte Bleue SARL", "C1133", "Keeper Business", "4", "3,00", "12,00"],
    ]
    columns = _columns("vendor", rows)
    assert columns["client"] == "Client final"
    assert columns["unit_cost"] == "Prix unitaire HT"


@pytest.mark.parametrize(
    ("side", "headers", "expected"),
    [
        (
            "vendor",
            ["Fakturanummer", "Kund", "Kundnummer", "Produkt", "Antal", "À-pris", "Belopp"],
            {
                "client": "Kund",
                "product_name": "Produkt",
                "quantity": "Antal",
                "unit_cost": "À-pris",
            },
        ),
        (
            "vendor",
            [
                "Cliente finale",
                "Partita IVA",
                "Descrizione",
                "Quantità",
                "Prezzo unitario",
                "Importo",
            ],
            {"client": "Cliente finale", "quantity": "Quantità", "unit_cost": "Prezzo unitario"},
        ),
        (
            "psa",
            ["Numer faktury", "Nabywca", "Nazwa pozycji", "Ilość", "Cena netto", "Wartość netto"],
            {
                "client": "Nabywca",
                "product_name": "Nazwa pozycji",
                "quantity": "Ilość",
                "unit_price": "Cena netto",
            },
        ),
        (
            "psa",
            ["Fecha", "Cliente", "Concepto", "Unidades", "Precio", "Subtotal"],
            {
                "client": "Cliente",
                "product_name": "Concepto",
                "quantity": "Unidades",
                "unit_price": "Precio",
            },
        ),
    ],
)
def test_headers_in_more_languages(side: str, headers: list[str], expected: dict[str, str]) -> None:
    # plausible values under each header by its role
    values = {
        expected.get("client"): "Björkdal Architects AB",
        expected.get("product_name"): "Microsoft 365 E3",
        expected.get("quantity"): "3",
        expected.get("unit_cost") or expected.get("unit_price"): "39,00",
    }
    row = [
        values.get(h, "117,00" if i == len(headers) - 1 else "X1") for i, h in enumerate(headers)
    ]
    columns = _columns(side, [headers, row, row])
    assert {k: columns.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("1Y PREPAID", 12),
        ("3Y PREPAID", 36),
        ("1Y MTHLY", 1),
        ("Monthly Pre-Paid", 1),
        ("1M", 1),
    ],
)
def test_a_prepaid_term_bills_the_whole_term(text: str, months: int) -> None:
    assert parse_period_months(text) == months


@pytest.mark.parametrize(
    "spelling",
    [
        "Huntress Managed EDR - engagement 1 an",
        "Huntress Managed EDR - sans engagement",
        "HUNTRESS MANAGED EDR 1Y MTHLY",
        "Huntress Managed EDR 12 mesi",
    ],
)
def test_billing_words_of_more_languages_are_no_part_of_the_product(spelling: str) -> None:
    assert product_key(spelling) == "huntress managed edr"


def test_a_prepaid_line_is_costed_per_month(write: Callable[..., Path]) -> None:
    """Climb's "1Y PREPAID" line: 432 is a year of Microsoft 365 E3, 36 a month; the client billed
    51.25 a month is not below cost."""
    vendor = (
        "End User,Description,Term,Qty,Unit Cost,Ext Cost\n"
        "CEDAR RIDGE HOTEL CORP.,MS NCE M365 E3 1Y PREPAID,1Y PREPAID,3,432.00,1296.00\n"
    )
    psa = "Client Name,Item Name,Rate,Quantity\nCedar Ridge Hotel Corporation,Microsoft 365 E3,51.25,3\n"
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    assert [d.type for d in result.discrepancies] == []
    assert sum(d.monthly_impact for d in result.discrepancies) == Decimal(0)


def test_a_description_that_is_the_period_gives_way_to_the_product() -> None:
    """Holded: "Descripción" holds "Periodo: 01/09/2026 - 30/09/2026 / Usuarios: 8"; the product is
    in "Concepto"."""
    rows = [
        ["Fecha", "Cliente", "Concepto", "Descripción", "Unidades", "Precio", "Subtotal"],
        [
            "01/09/2026",
            "De Molen B.V.",
            "Microsoft 365 Business Premium",
            "Periodo: 01/09/2026 - 30/09/2026\nUsuarios: 8",
            "8,00",
            "31,50",
            "252,00",
        ],
        [
            "01/09/2026",
            "De Molen B.V.",
            "Keeper Business",
            "Periodo: 01/09/2026 - 30/09/2026\nUsuarios: 3",
            "3,00",
            "4,50",
            "13,50",
        ],
        [
            "01/09/2026",
            "Gdańska Sp. z o.o.",
            "Power BI Pro",
            "Periodo: 01/09/2026 - 30/09/2026\nUsuarios: 2",
            "2,00",
            "11,00",
            "22,00",
        ],
    ]
    columns = _columns("psa", rows)
    assert columns["product_name"] == "Concepto"


def test_a_cycle_column_says_how_a_line_is_billed() -> None:
    rows = [
        ["Client", "Product", "Seats", "Price per seat", "Cycle", "Line total"],
        [
            "Coolangatta Bakery",
            "Microsoft 365 Business Premium",
            "12 ea",
            "56.99",
            "Monthly",
            "683.88",
        ],
        [
            "Coolangatta Bakery",
            "Adobe Creative Cloud All Apps",
            "1.00",
            "1029.00",
            "Yearly",
            "1029.00",
        ],
    ]
    columns = _columns("psa", rows)
    assert columns["billing_period"] == "Cycle"


@pytest.mark.parametrize(
    "credit", ["(kreditering)", "- nota di credito", "(Gutschrift)", "- hyvitys"]
)
def test_a_credit_note_in_the_bills_language_is_the_same_product(credit: str) -> None:
    assert product_key(f"Adobe Acrobat Standard for teams {credit}") == product_key(
        "Adobe Acrobat Standard for teams"
    )


def test_a_second_name_that_repeats_the_customer_never_becomes_the_product() -> None:
    """QuickBooks Desktop: "Name" (taken as the second name column) repeats the customer, whose own
    column comes from the group rows; the product is the Memo. (Promoting the second name column
    when no first was found had made "Name" the product and lost every line of set E's seed 2.)"""
    rows = [
        ["Date", "Num", "Memo", "Name", "Qty", "Sales Price", "Amount", "Customer"],
        [
            "2026-09-01",
            "7103",
            "Microsoft 365 Business Standard",
            "Nyström Dentistry",
            "23",
            "13.8",
            "317.4",
            "Nyström Dentistry",
        ],
        [
            "2026-09-01",
            "7103",
            "Dyn365 BC Ess.",
            "Nyström Dentistry",
            "6",
            "80.96",
            "485.76",
            "Nyström Dentistry",
        ],
        [
            "2026-09-01",
            "7104",
            "PP Essentials Adv",
            "Bayside Pharmacy",
            "21",
            "3.31",
            "69.51",
            "Bayside Pharmacy",
        ],
    ]
    columns = _columns("psa", rows)
    assert columns["product_name"] == "Memo"
    assert columns["client"] == "Customer"


@pytest.mark.parametrize(
    ("spelling", "same_as"),
    [
        ("Lizenz Microsoft Intune Plan 1 pro Benutzer/Monat", "Microsoft Intune Plan 1"),
        ("Licencja MS NCE INTUNE P1 1MTH miesięcznie", "Intune P1"),
        ("Licencia HUNTRESS MANAGED EDR 1YR por usuario", "Huntress Managed EDR"),
    ],
)
def test_licence_and_per_user_words_of_more_languages(spelling: str, same_as: str) -> None:
    assert product_key(spelling) == product_key(same_as)


def test_the_second_name_column_is_the_product_before_a_column_of_people() -> None:
    """Syncro's invoice lines with a contact "Customer" beside the "Business Name": the one
    product-like column ("Line Item Name", taken as the second name) is the product, never the
    contact's name found by content."""
    rows = [
        ["Invoice #", "Customer", "Business Name", "Line Item Name", "Quantity", "Price"],
        [
            "1208",
            "Rafael Ngata",
            "Tran & Brennan Architects Pty Limited",
            "Microsoft 365 Business Standard",
            "10",
            "19.00",
        ],
        [
            "1208",
            "Rafael Ngata",
            "Tran & Brennan Architects Pty Limited",
            "Power BI Pro",
            "2",
            "11.00",
        ],
        ["1209", "Anna Berg", "Bluewattle Joinery Ltd", "Microsoft 365 E3", "5", "39.00"],
    ]
    columns = _columns("psa", rows)
    assert columns["product_name"] == "Line Item Name"
    assert columns["client"] == "Business Name"
