"""Two products never merge on a guess (issue 9: "Look-alikes must stay apart, always").

Set S's look-alike merges at seeds 1-3 (200 clients), read one by one in the nineteenth session:
- "Unite Pro" (Intermedia Unite Pro, its maker left out) was read as Power BI *Pro* with a mistyped
  billing word "units";
- "EOP1-ARCH" (one MSP's code for Exchange Online Archiving) was given to Visio Plan 1 by its "P1";
- "Cloud Services:VISIO-PLN-1-M" lost its plan ("1-M" read as a one-month term), so Visio Plan 1
  looked unbilled and was free for the code above;
- "C2C-BKP" (Dropsuite) was given by its seats to the distributor's "ACRONIS CPC WS BACKUP",
  which the client's own Acronis line, learned from other clients later, already billed in full.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from engine.match.product_names import product_key
from engine.result import Result

Reconcile = Callable[[list[str], list[str]], Result]


def test_a_word_the_bill_names_a_product_by_is_no_typo_of_a_billing_word(
    reconcile_lines: Reconcile,
) -> None:
    vendor = [
        "Banksia Dental Pty Ltd,Power BI Pro,15,14.00",
        "Coral Coast Physio,Intermedia Unite Pro,4,19.00",
        "Coral Coast Physio,Microsoft 365 Business Basic,4,6.00",
    ]
    psa = [
        "Banksia Dental Pty Ltd,Power BI Pro,15,16.60",
        "Banksia Dental Pty Ltd,Unite Pro,3,27.50",
        "Coral Coast Physio,Intermedia Unite Pro,4,27.50",
        "Coral Coast Physio,Microsoft 365 Business Basic,4,7.50",
    ]
    result = reconcile_lines(vendor, psa)
    # Power BI Pro is billed as bought; the phone seats are billed without a vendor record
    assert [(d.type, d.product, d.psa_product) for d in result.discrepancies] == [
        ("no_vendor_record", "Intermedia Unite Pro", "Unite Pro")
    ]


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Cloud Services:VISIO-PLN-1-M", "visio p1"),
        ("VISIO-P1-M", "visio p1"),
        ("PROJECT-PLAN-3-Y", "project p3"),
        ("Visio Plan 1 1-Year", "visio p1"),
        ("LIC-65324067-Adobe Photoshop", "adobe photoshop"),  # an item code before the name goes
    ],
)
def test_a_plans_number_is_no_term_and_no_item_code(typed: str, key: str) -> None:
    assert product_key(typed) == key


def test_a_plan_beside_a_word_of_another_product_is_not_that_plan(
    reconcile_lines: Reconcile,
) -> None:
    vendor = [
        "Blue Mesa Auto Body Corp.,Visio Plan 1,2,5.00",
        "Blue Mesa Auto Body Corp.,Exchange Online Archiving,4,3.00",
        "Blue Mesa Auto Body Corp.,Power BI Pro,3,14.00",
    ]
    psa = [
        "Blue Mesa Auto Body Corp.,EOP1-ARCH,4,3.60",
        "Blue Mesa Auto Body Corp.,Power BI Pro,3,16.60",
    ]
    result = reconcile_lines(vendor, psa)
    assert not [d for d in result.discrepancies if "EOP1-ARCH" in d.psa_product]
    assert ("unbilled", "Visio Plan 1", Decimal("10.00")) in [
        (d.type, d.product, d.monthly_impact) for d in result.discrepancies
    ]


def test_a_seats_guess_is_taken_back_when_words_name_the_product(
    reconcile_lines: Reconcile,
) -> None:
    """Five clients show the books' Acronis spelling is the distributor's terse one; at the first,
    "C2C-BKP" had been given to that product by its 2 seats before the spelling was learned."""
    clients = [
        ("Bluegum Dental Pty Ltd", 2),
        ("Coral Coast Physio", 3),
        ("Kurrajong Plumbing", 4),
        ("Wattle Creek Childcare", 5),
        ("Banksia Legal", 6),
    ]
    vendor, psa = [], []
    for name, seats in clients:
        vendor += [
            f"{name.upper()},ACRONIS CPC WS BACKUP 1YR,{seats},4.20",
            f"{name.upper()},MS NCE M365 BB 1YR,{seats + 1},6.00",
        ]
        psa += [
            f"{name},Acronis Cyber Protect Cloud - Backup (per workstation),{seats},4.73",
            f"{name},Microsoft 365 Business Basic,{seats + 1},7.50",
        ]
    psa.append("Bluegum Dental Pty Ltd,C2C-BKP,2,4.50")
    result = reconcile_lines(vendor, psa)
    assert result.discrepancies == ()
    assert [e.product for e in result.excluded] == ["C2C-BKP"]
