"""Set Q at first contact (seventeenth session; seed 1, 200 clients, the diagonal pairs): people's
spellings 0.841 / 0.921 / 0.986 with 8 look-alike merges. What a careful person reads and the
engine did not:

- the year a company was founded, beside its name: "(Est. 1950)", "- since 1971", "est.1964", or
  bare before the legal form ("Mulder Accountants 1971 B.V.");
- "O365 BP": today's Business Premium in shorthand (it had been read as "Office 365 Business
  Premium", the name Business Standard had until 2020: a look-alike merge);
- characters that show nothing ("Micr\\u00adosoft") and Greek or Cyrillic letters that look Latin
  inside a word ("Miсrosoft" with a Cyrillic "с");
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engine.match.client_notes import without_account_notes
from engine.match.product_names import product_key
from engine.result import Result

Reconcile = Callable[[list[str], list[str]], Result]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Hartley Chiropractic Inc. (Est. 1950)", "Hartley Chiropractic Inc."),
        ("QuickFix Phone Repairs Store 13 - since 1971", "QuickFix Phone Repairs Store 13"),
        ("Thornbury Print and Design PLLC est.1964", "Thornbury Print and Design PLLC"),
        ("Bäckerei Huber gegr. 1898", "Bäckerei Huber"),
        ("Boulangerie Dupont depuis 1987", "Boulangerie Dupont"),
        # a year that begins the name is the name
        ("Since 1990 Ltd", "Since 1990 Ltd"),
        ("Route 66 Diner", "Route 66 Diner"),
    ],
)
def test_the_year_a_company_was_founded_is_no_part_of_its_name(typed: str, name: str) -> None:
    assert without_account_notes(typed) == name


def test_a_year_before_the_legal_form_pairs_its_company(reconcile_lines: Reconcile) -> None:
    vendor = [
        "Mulder Accountants B.V.,Microsoft 365 Business Premium,19,18.00",
        "Jessop Property Management Pty Ltd,Microsoft 365 Business Premium,15,18.00",
        "Mulder Bouw B.V.,Microsoft 365 Business Premium,4,18.00",
    ]
    psa = [
        "Mulder Accountants 1971 B.V.,Microsoft 365 Business Premium,19,22.00",
        "Jessop Property Management 1957 Pty Ltd,Microsoft 365 Business Premium,15,22.00",
        "Mulder Bouw B.V.,Microsoft 365 Business Premium,4,22.00",
    ]
    assert reconcile_lines(vendor, psa).discrepancies == ()


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("O365 BP", "Microsoft 365 Business Premium"),
        ("O365BP (warehouse)", "Microsoft 365 Business Premium (warehouse)"),
        ("Micr\u00adosoft | O365 BP | Monthly | NCE", "Microsoft 365 Business Premium"),
        ("Mi\u0441rosoft 365 Copilot", "Microsoft 365 Copilot"),
        ("Micr\u03bfsoft 365 Business Standard", "Microsoft 365 Business Standard"),
        ("Office 365 E\u200b3", "Office 365 E3"),
    ],
)
def test_shorthand_and_hidden_characters_name_their_product(typed: str, name: str) -> None:
    assert product_key(typed) == product_key(name)


def test_o365_bp_is_business_premium_not_the_old_name_of_standard(
    reconcile_lines: Reconcile,
) -> None:
    vendor = [
        "Pinecrest Logistics LLP,Microsoft 365 Business Premium,12,18.00",
        "Pinecrest Logistics LLP,Microsoft 365 Business Standard,3,10.00",
    ]
    psa = [
        "Pinecrest Logistics LLP,O365 BP,12,22.00",
        "Pinecrest Logistics LLP,Microsoft 365 Business Standard,3,12.50",
    ]
    assert reconcile_lines(vendor, psa).discrepancies == ()
