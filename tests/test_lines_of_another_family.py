"""Set E's look-alike merges of the fourteenth session: a line that names a product line the
client's product is not ("Microsoft Defender for Office 365 (Plan 1) per användare/mån" beside the
client's only unpaired Project Plan 1) is never that product by its plan; and "a month" and "per
user" in the bill's own language are no part of a product's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.match.product_names import product_key
from engine.reconcile import reconcile


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        (
            "Microsoft Defender for Office 365 (Plan 1) per användare/mån",
            "defender for office 365 p1",
        ),
        ("Microsoft 365 Business Basic per bruker/mnd", "microsoft 365 business basic"),
        ("microsoft 365 business basic pr. bruger/md.", "microsoft 365 business basic"),
        ("Exchange Online (Plan 1) /mois", "exchange online p1"),
    ],
)
def test_a_month_and_a_user_in_the_bills_language(spelling: str, key: str) -> None:
    assert product_key(spelling) == key


def test_a_plan_of_another_product_line_is_not_the_clients(tmp_path: Path) -> None:
    (tmp_path / "vendor.csv").write_text(
        "Customer,Product,Qty,Unit Cost\n"
        "Papadopoulos and Nguyen,Project Plan 1,1,8.00\n"
        "Papadopoulos and Nguyen,Microsoft 365 Business Standard,11,10.00\n",
        encoding="utf-8",
    )
    (tmp_path / "psa.csv").write_text(
        "Customer,Item,Qty,Rate\n"
        "Papadopoulos and Nguyen,Defender Mail Shield P1,10,2.50\n"
        "Papadopoulos and Nguyen,Microsoft 365 Business Standard,11,12.00\n",
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")
    # the client's Project Plan 1 is unbilled; the Defender line is never its seats
    assert sorted((d.type, d.product) for d in result.discrepancies) == [
        ("unbilled", "Planner Plan 1 (Project Plan 1)"),
    ]


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Microsoft 365 Business Standard (NCE COM MTH)", "microsoft 365 business standard"),
        ("Microsoft 365 Business Standard (NCE COM ANN)", "microsoft 365 business standard"),
        ("Power BI Pro (NCE COM MTH)", "power bi pro"),
        ("Microsoft 365 E3 Commit Yr", "microsoft 365 e3"),
    ],
)
def test_a_commitment_shortened_is_no_part_of_the_name(spelling: str, key: str) -> None:
    """Set N's Cloudmore and TD SYNNEX bills: "(NCE COM MTH)" had left "com" in every product's
    key, so no product on those bills was known and each client's seats stood unpaired (precision
    0.63 and 0.76 on those pairs)."""
    assert product_key(spelling) == key
