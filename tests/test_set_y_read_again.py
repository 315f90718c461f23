"""Set Y read again (thirty-first session): a bill that writes a client's initials after its name
on one row ("Ashford Electrical Contractors Pty Ltd (AEC)") and not on the others, beside a PSA
that bills the client as "AEC". The two spellings, both billed Office 365 E3, had been taken for
two tenants: the initials row paired with "AEC", every other row of the client left unbilled."""

from __future__ import annotations

from pathlib import Path

from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pc, psa, run


def test_a_names_own_initials_make_no_second_tenant(tmp_path: Path) -> None:
    """Differences: none (AEC is billed 3 seats of Office 365 E3 and 3 of 1Password, as the bill's
    two spellings of Ashford buy). Before: Office 365 E3 (1 seat) and 1Password unbilled, over-billed
    E3 (2 seats)."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Ashford Electrical Contractors Pty Ltd (AEC)", "Office 365 E3", 2, "17.09"),
                ("Ashford Electrical Contractors Pty Ltd", "Office 365 E3", 1, "17.09"),
                ("Ashford Electrical Contractors Pty Ltd", "1Password Business", 3, "6.25"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("AEC", "O365 E3", 3, "24.33"),
                ("AEC", "1Password Business", 3, "7.35"),
            ]
        ),
    )
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == []
