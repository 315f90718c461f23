"""Set P at first contact (sixteenth session; seed 1, 200 clients, the diagonal pairs): people's
spellings 0.561 / 0.882 / 0.823, clean spellings 0.936 / 0.986 / 0.920. What a careful person reads
and the engine did not:

- a company's registration or tax number after its name ("- EIN 56-1360326", "(ABN 76 916 305
  825)", "(KvK 25650968)", "- FN 481887x", "(Co. No. 04606876)", "- Reg 2021/485796/07"), an
  account's tag ("*VIP*", "{Platinum}"), a note after the legal form ("(Managed 24x7)", "[Gold
  SLA]", "- MSA"), a parent account before a colon ("Key Accounts:Harcourt Lettings Limited");
- a web domain for a name ("greenleafcafestore15.com"), a compound written apart ("Architecten
  Bureau Maes") or joined; numbers written out ("Seven Oaks" / "7 Oaks"); "& Son" for "& Sons";
  Quebec's "Ltée" for "Ltd."; a name in Greek or Cyrillic letters ("Димитров Дентал ЕООД");
- product names with a catalogue's marks: "- Copy", "copy 2", "Copy of …", a bundle's path ("Cyber
  Ready Bundle › …"), the family after a comma ("Apps for business, Microsoft 365"), "- promo
  pricing", the tenant ("(x.onmicrosoft.com)", "tenant:x"), "Team's" for "Teams".
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from engine.match.client_keys import client_key
from engine.match.client_notes import ended_at_the_legal_form, without_account_notes
from engine.match.product_names import product_key
from engine.read.values import is_inactive_status
from engine.reconcile import reconcile
from engine.result import Result

Reconcile = Callable[[list[str], list[str]], Result]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Castillo Family Dentistry P.C. - EIN 56-1360326", "Castillo Family Dentistry P.C."),
        ("Costa Electrical Pty Ltd (ABN 76 916 305 825)", "Costa Electrical Pty Ltd"),
        ("Transportbedrijf van Dijk B.V. (KvK 25650968)", "Transportbedrijf van Dijk B.V."),
        ("Autohaus Mößlacher GmbH - FN 481887x {Platinum}", "Autohaus Mößlacher GmbH"),
        ("Silverline Logistics Ltd (Co. No. 04606876) *VIP*", "Silverline Logistics Ltd"),
        ("Two Mountains Accounting - BN 447763263", "Two Mountains Accounting"),
        ("Botha Attorneys (Pty) Ltd - Reg 2021/485796/07", "Botha Attorneys (Pty) Ltd"),
        ("Lehtonen Rakennus Oy - Y-tunnus 1714788-1", "Lehtonen Rakennus Oy"),
        ("Key Accounts:Harcourt Lettings Limited", "Harcourt Lettings Limited"),
        ("greenleafcafestore15.com", "greenleafcafestore15"),
        ("The firststreetbrewingcompany.com", "firststreetbrewingcompany"),
        # what is the name, or tells two companies apart, stays
        ("Acme Ltd:Project 4", "Acme Ltd"),
        ("Adventure Accounting Co 18706", "Adventure Accounting Co 18706"),
        ("Sunrise Market Ltd (Store 15)", "Sunrise Market Ltd (Store 15)"),
        ("Fabrikam Holdings (Dublin) Ltd", "Fabrikam Holdings (Dublin) Ltd"),
        ("Route 66 Diner LLC", "Route 66 Diner LLC"),
    ],
)
def test_what_an_msp_keeps_beside_a_name_is_not_the_name(typed: str, name: str) -> None:
    assert without_account_notes(typed) == name


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Botha Accountants (Pty) Ltd (Managed 24x7)", "Botha Accountants (Pty) Ltd"),
        ("Transportbedrijf van Dijk B.V. [Gold SLA]", "Transportbedrijf van Dijk B.V."),
        ("7 Oaks Construction Incorporated - MSA", "7 Oaks Construction Incorporated"),
        # a store's number, and who trades as whom, stay
        ("Acme Pty Ltd - Store 12", "Acme Pty Ltd - Store 12"),
        (
            "Patel Holdings LLC - dba Seabright Orthodontics",
            "Patel Holdings LLC - dba Seabright Orthodontics",
        ),
    ],
)
def test_a_name_ends_at_its_legal_form(typed: str, name: str) -> None:
    assert ended_at_the_legal_form(typed) == name


@pytest.mark.parametrize(
    ("psa", "bill"),
    [
        ("7 Oaks Engineering P.C. {Platinum}", "Seven Oaks Engineering P.C."),
        ("Hughes & Son Joinery LLP", "Hughes & Sons Joinery LLP"),
        ("Côté Construction Ltd.", "Côté Construction Ltée"),
        ("Fraser Vet Hospital Pty Ltd - ABN 39 437 554 825 *VIP*", "FRASER VET HOSPITAL PTY LTD"),
    ],
)
def test_names_the_bill_writes_otherwise_have_one_key(psa: str, bill: str) -> None:
    assert client_key(psa) == client_key(bill)


def test_a_domain_a_compound_or_a_note_after_the_form_pairs_its_company(
    reconcile_lines: Reconcile,
) -> None:
    pairs = [
        ("Green Leaf Cafe Store 15 PLLC", "greenleafcafestore15.com"),
        ("Miller & Sons Builders Corp.", "millersonsbuilders.com"),
        ("Two Rivers Physiotherapy Pty Ltd", "tworiversphysiotherapy.com.au"),
        ("Architectenbureau Maes SRL", "Architecten Bureau Maes SRL (Managed 24x7)"),
        ("Botha Accountants (Pty) Ltd", "Botha Accountants (Pty) Ltd (Co-managed)"),
        ("Logistiek Dubois NV", "logistiekdubois.be"),
        # a name in Greek or Cyrillic letters is the bill's Latin one (the key keeps its letters)
        ("ALEXIOU METAFORES A.E.", "Αλεξίου Μεταφορές Α.Ε."),
        ("Dimitrov Dental EOOD", "Димитров Дентал ЕООД"),
    ]
    vendor = [
        f"{bill},Microsoft 365 Business Standard,{5 + n},12.00" for n, (bill, _) in enumerate(pairs)
    ]
    psa = [
        f"{name},Microsoft 365 Business Standard,{5 + n},15.00" for n, (_, name) in enumerate(pairs)
    ]
    result = reconcile_lines(vendor, psa)
    assert result.discrepancies == ()
    assert {(m.vendor_name, m.psa_name) for m in result.client_matches} == set(pairs)


def test_two_branches_after_the_legal_form_stay_two(reconcile_lines: Reconcile) -> None:
    """Set B: "Lockwood Dental Care Pty Ltd - North" and "- South" on both sides, each misspelt in
    the PSA: the text after the form is a branch here, never a note to cut."""
    vendor = [
        "Lockwood Dental Care Pty Ltd - North,Microsoft 365 Copilot,10,30.00",
        "Lockwood Dental Care Pty Ltd - South,Microsoft 365 Copilot,4,30.00",
    ]
    psa = [
        "Lcokwood Dental Care Pty Ltd - North,Microsoft 365 Copilot,10,36.00",
        "Lokcwood Dental Care Pty Ltd - South,Microsoft 365 Copilot,4,36.00",
    ]
    result = reconcile_lines(vendor, psa)
    assert result.discrepancies == ()


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Visio Plan 1 - Copy", "Visio Plan 1"),
        ("microsoft-365-business-standard - copy 2", "Microsoft 365 Business Standard"),
        ("Copy of Microsoft 365 E5", "Microsoft 365 E5"),
        ("Cyber Ready Bundle › Microsoft 365 Business Standard", "Microsoft 365 Business Standard"),
        ("Business Premium (no Teams), Microsoft 365", "Microsoft 365 Business Premium (no Teams)"),
        ("Exchange Online (Plan 1) - promo pricing", "Exchange Online (Plan 1)"),
        (
            "Microsoft 365 Business Premium (cedarcreek.onmicrosoft.com)",
            "Microsoft 365 Business Premium",
        ),
        ("microsoft-teams-premium tenant:haugeneiendom", "Microsoft Teams Premium"),
        ("Microsoft Team's Phone Standard", "Microsoft Teams Phone Standard"),
        ("Microsoft In-Tune Plan 1", "Microsoft Intune Plan 1"),
        ("Microsoft 365 Copilot (1)", "Microsoft 365 Copilot"),
        ("business premium, microsoft 365 (cost+15%)", "Microsoft 365 Business Premium"),
        ("P1, Microsoft Entra ID @ RRP", "Microsoft Entra ID P1"),
        ("Keeper Business - MSRP less 10%", "Keeper Business"),
        ("MS > O365 > E3", "Office 365 E3"),
        # a product's own words stay
        (
            "Microsoft Teams Premium Introductory Pricing",
            "Microsoft Teams Premium Introductory Pricing",
        ),
        ("Microsoft 365 E3 (>300 seats)", "Microsoft 365 E3"),
    ],
)
def test_a_catalogues_marks_are_no_part_of_a_product(typed: str, name: str) -> None:
    assert product_key(typed) == product_key(name)


def test_a_credit_note_written_with_its_minus_sign_takes_its_seats_off(tmp_path: Path) -> None:
    """Sage's sales lines: an invoice for 24 Copilot seats and a credit note of -1 in the month.
    The client was billed for 23; a credit note written as a positive line (Odoo's) still bills
    nothing (tests/test_formats_set_k.py)."""
    (tmp_path / "vendor.csv").write_text(
        "Customer,Product,Qty,Unit Cost\nDahl Revision A/S,Microsoft 365 Copilot,23,24.00\n",
        encoding="utf-8",
    )
    (tmp_path / "psa.csv").write_text(
        "Date,Type,Reference,Customer Name,Product/Service Code,Details,Quantity,Unit Price,Net,VAT,Total\n"
        "01/11/2026,Invoice,SI-7956,Dahl Revision A/S,LIC-1510,Microsoft 365 Copilot,24,29.25,702.00,140.40,842.40\n"
        "14/11/2026,Credit Note,SCN-7956,Dahl Revision A/S,LIC-1510,Microsoft 365 Copilot,-1,29.25,-29.25,-5.85,-35.10\n",
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")
    assert result.discrepancies == ()
    assert not result.excluded


def test_one_name_with_two_legal_forms_on_the_bill_is_two_companies(
    reconcile_lines: Reconcile,
) -> None:
    """Set P (and set N's "Hartley Solicitors Limited" / "… Ltd"): "Silverline Consulting Limited"
    (New Zealand) and "Silverline Consulting Pty Ltd" (Australia) on one bill, each billed E3:
    two tenants, never one client with both seat counts."""
    vendor = [
        "Silverline Consulting Limited,Microsoft 365 E3,10,30.00",
        "Silverline Consulting Pty Ltd,Microsoft 365 E3,8,30.00",
    ]
    psa = [
        "Silverline Consulting Limited,Microsoft 365 E3,10,36.00",
        "Silverline Consulting Pty Ltd,Microsoft 365 E3,6,36.00",
    ]
    result = reconcile_lines(vendor, psa)
    assert [(d.type, d.client, d.vendor_qty, d.psa_qty) for d in result.discrepancies] == [
        ("under_billed", "Silverline Consulting Pty Ltd", Decimal(8), Decimal(6))
    ]


@pytest.mark.parametrize(
    ("typed", "bill"),
    [
        ("Lindgren Redoovisning AB", "Lindgren Redovisning AB"),
        ("Müller Dienstleistngen GmbH", "Müller Dienstleistungen GmbH"),
    ],
)
def test_a_slip_in_a_long_generic_word_does_not_hide_it(typed: str, bill: str) -> None:
    assert client_key(typed) == client_key(bill)


@pytest.mark.parametrize("status", ["Anulada", "Anulado", "Cancelada", "Inativa"])
def test_a_voided_line_in_spanish_or_portuguese_bills_nothing(status: str) -> None:
    """Holded's invoice lines: "Anulada" beside "Pendiente" and "Pagada"."""
    assert is_inactive_status(status)
    assert not is_inactive_status("Pendiente")
    assert not is_inactive_status("Pagada")


def test_a_domain_keeps_a_word_the_key_drops_as_a_legal_form(reconcile_lines: Reconcile) -> None:
    result = reconcile_lines(
        ["First Street Brewing Company Corp.,Microsoft 365 Business Basic,12,6.00"],
        ["The firststreetbrewingcompany.com,Microsoft 365 Business Basic,12,7.20"],
    )
    assert result.discrepancies == ()


def _bill_and_export(tmp_path: Path, psa: str) -> Result:
    (tmp_path / "vendor.csv").write_text(
        "Customer,Product,Qty,Unit Cost\nPapadakis Vet Hospital Pty Ltd,Microsoft Teams Premium,7,13.22\n",
        encoding="utf-8",
    )
    (tmp_path / "psa.csv").write_text(psa, encoding="utf-8")
    return reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")


def test_xeros_line_amount_is_the_line_after_its_discount(tmp_path: Path) -> None:
    """Xero repeats the invoice's Total on every line; LineAmount is the line's, after its
    Discount (a percent): 7 x 13.60 less 12.5% is 11.90 a seat, below the cost of 13.22."""
    result = _bill_and_export(
        tmp_path,
        "ContactName,InvoiceNumber,Total,Description,Quantity,UnitAmount,Discount,LineAmount,Status\n"
        "Papadakis Vet Hospital Pty Ltd,INV-1,1163.92,Microsoft Teams Premium (10 seats),7,13.60,12.50,83.30,Paid\n",
    )
    assert [(d.type, d.monthly_impact) for d in result.discrepancies] == [
        ("below_cost", Decimal("9.24"))
    ]


def test_holdeds_subtotal_is_the_line_before_tax(tmp_path: Path) -> None:
    """Holded's Total adds IVA; the Subtotal is the line after its "Dto. %"."""
    result = _bill_and_export(
        tmp_path,
        "Cliente,Concepto,Unidades,Precio,Dto. %,Subtotal,IVA %,Total,Estado\n"
        "Papadakis Vet Hospital Pty Ltd,Microsoft Teams Premium (1),7,13.60,12.5,83.30,21,100.79,Pagada\n",
    )
    assert [(d.type, d.monthly_impact) for d in result.discrepancies] == [
        ("below_cost", Decimal("9.24"))
    ]


def test_two_customer_ids_under_one_name_are_two_tenants(tmp_path: Path) -> None:
    """Set P's Partner Center bills: "Ironbark Electrical Limited" and "… Pty Ltd", two CustomerIds
    (the generator gave both one domain), each billed Business Premium: two companies. Two
    spellings with one CustomerId stay one."""
    header = "CustomerId,CustomerName,CustomerDomainName,OfferName,Quantity,UnitPrice\n"
    (tmp_path / "vendor.csv").write_text(
        header
        + "3d88c14e,Ironbark Electrical Limited,ironbark.onmicrosoft.com,Office 365 E1,28,9.88\n"
        + "da1fa8d2,Ironbark Electrical Pty Ltd,ironbark.onmicrosoft.com,Office 365 E1,16,9.88\n",
        encoding="utf-8",
    )
    (tmp_path / "psa.csv").write_text(
        "Customer,Item,Qty,Rate\n"
        "Ironbark Electrical Limited,Office 365 E1,28,11.00\n"
        "Ironbark Electrical Pty Ltd,Office 365 E1,12,11.00\n",
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")
    assert result.mappings["vendor"].columns["client_id"] == "CustomerId"
    assert [(d.type, d.client, d.vendor_qty, d.psa_qty) for d in result.discrepancies] == [
        ("under_billed", "Ironbark Electrical Pty Ltd", Decimal(16), Decimal(12))
    ]
