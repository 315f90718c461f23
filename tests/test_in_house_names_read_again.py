"""Set AI's in-house names read again over seeds 2 and 3, where they joined two products.

"Identity Watch" (Huntress ITDR) was given to the client's Mimecast or KnowBe4 because "security"
in their names answered the sign-in kind; "Mail Shield Lite" (Mimecast) to Business Basic, as mail;
"Email filtering adv" to Mimecast by seats, its "adv" unread and its "email" read as a word of
Mimecast's; two bare plan lines of one client ("P1", "Plan 1") were one description; "Upgrade to
Keeper Ent - prorata" was a seat of Keeper Enterprise; "PP Ess Bus incl. 4 new starters" named
nothing. Each test fails on the session's start (d588562) unless it says otherwise.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from engine.match.product_concepts import concept_targets, of_every_kind
from engine.match.product_pairs import _may_be_one
from engine.match.products import without_history
from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pc, psa, run


def _of_kind(description: str, name: str) -> bool:
    words = description.lower().split()
    return of_every_kind(concept_targets(words), set(name.split()), words)


@pytest.mark.parametrize(
    "description, name, expected",
    [
        # "security" is a word several kinds share: a name whose other words say another kind
        ("identity watch", "mimecast email security cloud integrated", False),
        ("identity watch", "knowbe4 security awareness training silver", False),
        ("identity watch", "microsoft 365 e5 security", True),  # an edition is no other kind
        ("identity watch", "microsoft entra id p1", True),
        ("spam filter", "microsoft defender for endpoint p1", False),  # "defender" shared too
        ("spam filter", "microsoft defender for office 365 p1", True),
        # words that protect, beside mail, say the mail filter ("Mail Shield", "Secure Email")
        ("mail shield lite", "mimecast email security cloud integrated", True),
        ("mail shield lite", "microsoft 365 business basic", False),
        ("secure email", "proofpoint essentials business", True),
        ("hosted email", "microsoft 365 business basic", True),  # what it works on, no more
        # unless it names the mailbox itself
        ("secure email exchange online p1", "exchange online p1", True),
        # a phishing simulation is awareness training, and no mail filter
        ("phishing simulation platform", "knowbe4 security awareness training diamond", True),
        ("phishing simulation platform", "mimecast email security cloud gateway", False),
    ],
)
def test_a_kind_is_said_by_the_words_that_belong_to_it(
    description: str, name: str, expected: bool
) -> None:
    assert _of_kind(description, name) is expected


@pytest.mark.parametrize(
    "spelling, bare",
    [
        ("PP Ess Bus incl. 4 new starters", "PP Ess Bus"),
        (
            "Microsoft Entra ID P1 (per seat) incl. 4 new starters",
            "Microsoft Entra ID P1 (per seat)",
        ),
        ("Keeper (including 2 new users)", "Keeper"),
        ("Plan 2 incl. 2 new starters - was Plan 1 until 9/11", "Plan 2"),
        ("Acme Inc. 4 users", "Acme Inc. 4 users"),  # no "incl.": kept
    ],
)
def test_a_note_of_whom_the_count_takes_in_is_no_word_of_the_product(
    spelling: str, bare: str
) -> None:
    assert without_history(spelling) == bare


def test_a_tier_shared_is_no_sign_two_products_are_one() -> None:
    """ "Migração Microsoft 365 Business Premium - valor fixo" beside Hornetsecurity's Business
    edition at two clients: "business" is a tier, no name."""
    assert not _may_be_one(
        "hornetsecurity 365 total protection business", "migracao microsoft 365 business premium"
    )
    assert _may_be_one("hornetsecurity 365 total protection business", "hornetsecurity tp business")


def test_the_charge_for_a_change_is_no_seat_of_the_product_it_names(tmp_path: Path) -> None:
    """Differences: none (6 Keeper Enterprise seats billed 6, at 7.50 against 5.40). Before:
    "Upgrade to Keeper Ent - prorata" (1 × 1.47) was a seventh seat of it: over-billed, and
    the price averaged below what the client pays."""
    result = run(
        tmp_path,
        pc([*BYSTANDERS, ("Ardent Bakery Ltd", "Keeper Enterprise", 6, "5.40")]),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Ardent Bakery Ltd", "Keeper Ent", 6, "7.50"),
                ("Ardent Bakery Ltd", "Upgrade to Keeper Ent - prorata", 1, "1.47"),
            ]
        ),
    )
    assert result.discrepancies == ()


def test_two_lines_that_read_alike_are_told_apart_by_their_seats(tmp_path: Path) -> None:
    """ "P1" (23 seats) and "Plan 1" (44) of one client beside Exchange Online (Plan 1) at 44 and
    Entra ID P1 at 26: "Plan 1" is the Exchange plan, "P1" the Entra plan, 3 seats under-billed
    (check first). Before: both one description of 67 seats, neither placed: both products
    unbilled and 67 seats billed with no vendor record."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Wren Physiotherapy Inc.", "Exchange Online (Plan 1)", 44, "4.00"),
                ("Wren Physiotherapy Inc.", "Microsoft Entra ID P1", 26, "6.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Wren Physiotherapy Inc.", "P1", 23, "7.20"),
                ("Wren Physiotherapy Inc.", "Plan 1", 44, "4.80"),
            ]
        ),
    )
    found = [(d.type, d.product, d.monthly_impact, d.check_first) for d in result.discrepancies]
    assert found == [("under_billed", "Microsoft Entra ID P1", Decimal("21.60"), True)]


def test_seats_alone_never_pass_over_a_word_written_short(tmp_path: Path) -> None:
    """ "Email filtering adv" (20 seats) beside Mimecast Cloud Gateway and Proofpoint Essentials
    Advanced, both 20: "adv" is Advanced, and "email" names no product. Differences: Mimecast
    unbilled. Before: given to Mimecast by its seats ("email" read as a word of Mimecast's
    barred Proofpoint), Proofpoint unbilled."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Calder Design Inc.", "Mimecast Email Security Cloud Gateway", 20, "3.89"),
                ("Calder Design Inc.", "Proofpoint Essentials - Advanced", 20, "3.50"),
            ]
        ),
        psa([*PSA_BYSTANDERS, ("Calder Design Inc.", "Email filtering adv", 20, "5.25")]),
    )
    assert [(d.type, d.product) for d in result.discrepancies] == [
        ("unbilled", "Mimecast Email Security Cloud Gateway")
    ]


def test_an_in_house_name_at_the_price_the_msp_bills_a_product_everywhere(tmp_path: Path) -> None:
    """ "Virtual Desk" (52 × 49.20) and "Device Care" (49 × 5.00) beside the client's Windows 365
    (54 seats) and NinjaOne RMM (48), which two other clients are billed at 49.20 and 5.00 by name.
    The prices tell which is which: 2 seats under-billed, 1 over-billed (check first). Before:
    neither placed (no word of them names a product, and the seats differ)."""
    others = [
        (client, product, seats)
        for client in ("Ashdown Dental Care Inc.", "Bluewater Dental Care Pty Ltd")
        for product, seats in (
            ("Windows 365 Business 2 vCPU 4 GB 128 GB", 5),
            ("NinjaOne RMM", 7),
        )
    ]
    cost = {"Windows 365 Business 2 vCPU 4 GB 128 GB": "41.00", "NinjaOne RMM": "3.25"}
    price = {"Windows 365 Business 2 vCPU 4 GB 128 GB": "49.20", "NinjaOne RMM": "5.00"}
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                *((c, p, n, cost[p]) for c, p, n in others),
                (
                    "Pinecrest Accountancy Inc.",
                    "Windows 365 Business 2 vCPU 4 GB 128 GB",
                    54,
                    "41.00",
                ),
                ("Pinecrest Accountancy Inc.", "NinjaOne RMM", 48, "3.25"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                *((c, p, n, price[p]) for c, p, n in others),
                ("Pinecrest Accountancy Inc.", "Virtual Desk", 52, "49.20"),
                ("Pinecrest Accountancy Inc.", "Device Care", 49, "5.00"),
            ]
        ),
    )
    found = {(d.type, d.product, d.monthly_impact, d.check_first) for d in result.discrepancies}
    assert found == {
        ("under_billed", "Windows 365 Business 2 vCPU 4 GB 128 GB", Decimal("98.40"), True),
        ("over_billed", "NinjaOne RMM", Decimal("5.00"), True),
    }
