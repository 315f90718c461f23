"""Set AD at first contact (twenty-eighth session; seed 1, 200 clients, engine before its reading:
precision 0.599 on seven of eight format pairs, the eighth refused). Set AD is the sheet a small
MSP really keeps; what a person reads at once and the engine did not:

- a header of two rows whose top row labels the columns below it ("Qty" above "(users)", "Price"
  above "$ ex VAT"; ALSO's "Menge" above "(Lizenzen)"): the top row alone was read as the header
  and the sheet's names as lines, or the lower row alone and its "€ netto" as nothing;
- a description wrapped onto a record of its own in a CSV ("Microsoft 365 Business" / "Premium
  (no Teams)"): a text file's numbers are text, and only a spreadsheet's were seen as a line's;
- seats written as a multiplier ("x12"), a year written "jährl.".
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.read.values import parse_period_months, parse_quantity
from engine.reconcile import reconcile
from tests.small_exports import pc as _pc
from tests.small_exports import sheet as _sheet


def test_a_hand_kept_sheet_with_its_labels_over_two_rows(tmp_path: Path) -> None:
    """Differences: Alder is billed 12 seats of Power BI Pro for the bill's 10 (over-billed 2 ×
    14.63); the margin and tag columns the MSP added are read as nothing."""
    (tmp_path / "bill.csv").write_text(
        _pc(
            [
                ("Alder Consulting Limited", "Power BI Pro", 10, "14.00"),
                ("Alder Consulting Limited", "Visio Plan 2", 5, "15.00"),
                ("Banksia Dental Pty Ltd", "Power BI Pro", 3, "14.00"),
            ]
        ),
        encoding="utf-8",
    )
    _sheet(
        tmp_path / "billing.xlsx",
        [
            ["Kundenabrechnung / client billing"],
            ["Stand: 02.12.2026"],
            [],
            [None, None, "Qty", "Price", None, "Total", None, None],
            ["Client", "Product / service", "(users)", "$ ex VAT", "Disc.", "Monthly $",
             "Margin %", "Tags"],
            ["Alder Consulting Limited", "Power BI Pro", 12, 14.63, None, "$175,56", "18 %", None],
            [None, "Visio Plan 2", "5 users", 19.35, None, "$96,75", None, "security"],
            ["Banksia Dental Pty Ltd", "Power BI Pro", "x3", 14.63, None, "$43,89", None, None],
        ],
    )  # fmt: skip
    result = reconcile(tmp_path / "bill.csv", tmp_path / "billing.xlsx")
    assert result.mappings["psa"].columns["quantity"] == "Qty (users)"
    assert [(d.type, d.client, d.monthly_impact) for d in result.discrepancies] == [
        ("over_billed", "Alder Consulting Limited", Decimal("29.26"))
    ]


def test_a_bills_header_under_its_group_labels(tmp_path: Path) -> None:
    """Differences: none. ALSO's "Menge" above "(Lizenzen)", "Einzelpreis" above "€ netto"."""
    _sheet(
        tmp_path / "also.xlsx",
        [
            ["ALSO Deutschland GmbH - Rechnungspositionen"],
            ["Zeitraum: 11/2026"],
            [],
            ["Kunde", "Artikel", None, "Menge", "Einzelpreis", "Gesamt", None],
            ["Kunde", "Artikelbezeichnung", "Artikelnr.", "(Lizenzen)", "€ netto", "€ netto",
             "Abrechnungszyklus"],
            ["Alder Consulting Limited", "Visio Plan 2", "CFQ7TTC0HD33", "5", "15,00", "75,00",
             "monatlich"],
            ["Banksia Dental Pty Ltd", "Power BI Pro", "CFQ7TTC0L3PB", "3", "14,00", "42,00",
             "monatlich"],
        ],
    )  # fmt: skip
    (tmp_path / "psa.csv").write_text(
        "Client,Item,Qty,Price\n"
        "Alder Consulting Limited,Visio Plan 2,5,19.35\n"
        "Banksia Dental,Power BI Pro,3,18.20\n",
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "also.xlsx", tmp_path / "psa.csv")
    assert result.mappings["vendor"].columns["quantity"] == "Menge (Lizenzen)"
    assert result.discrepancies == ()


def test_a_description_wrapped_onto_a_record_of_its_own(tmp_path: Path) -> None:
    """Differences: none. The continuation record holds the description's end alone."""
    (tmp_path / "streamone.csv").write_text(
        '"End Customer","Description","Mfr Part","Billing Term","Qty","Unit Cost","Ext Cost"\n'
        '"Alder Logistics Limited","Microsoft 365 Business","CFQ7TTC0LCHC-NT","Monthly","25",'
        '"$18.72","$468.00"\n'
        '"","Premium (no Teams)","","","","",""\n'
        '"Alder Logistics Limited","Microsoft Defender for Endpoint P1","CFQ7TTC0LCHS","Monthly",'
        '"2","$3.00","$6.00"\n'
        '"Banksia Dental Pty Ltd","Microsoft 365 Business Premium","CFQ7TTC0LCHC","Monthly","4",'
        '"$22.00","$88.00"\n',
        encoding="utf-8",
    )
    (tmp_path / "psa.csv").write_text(
        "Client,Item,Qty,Price\n"
        "Alder Logistics Limited,Microsoft 365 Business Premium (no Teams),25,21.72\n"
        "Alder Logistics Limited,Microsoft Defender for Endpoint P1,2,3.51\n"
        "Banksia Dental,Microsoft 365 Business Premium,4,26.40\n",
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "streamone.csv", tmp_path / "psa.csv")
    assert result.discrepancies == ()


def test_seats_as_a_multiplier_and_a_year_abbreviated() -> None:
    assert parse_quantity("x12") == 12
    assert parse_quantity("× 5") == 5
    assert parse_quantity("xyz") is None
    assert parse_period_months("jährl.") == 12
    assert parse_period_months("per annum") == 12
    assert parse_period_months("Acme P.A. Services") is None  # (a guard: initials, no period)
