"""Set E read again (thirty-first session): three ways its lines were still given the wrong product.

- "SKU P1Y:CFQ7TTC0LH18:0002" typed into the PSA: Business Basic by Microsoft's product id alone,
  though the bill gives that SKU to Business Basic (no Teams);
- "ESET Prot. Adv": every letter of it in order in "Proofpoint Essentials - Advanced Package";
- "Modern-Workplace-Gold", an in-house bundle name, guessed from the whole bill to be the KnowBe4
  KMSAT Gold another client buys, by its tier alone.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pc, psa, run

_STOCK_HEADER = "CustomerName,StockCode,ProductName,Quantity,UnitPrice,Subtotal\n"


def test_the_bills_own_sku_outranks_the_catalogues_product_id(tmp_path: Path) -> None:
    """Differences: Toowong Solicitors is billed 214 seats of "SKU P1Y:CFQ7TTC0LH18:0002" for the
    bill's 214 of Business Basic (no Teams) at 6.84: nothing to report; before, Business Basic (no
    Teams) unbilled and Business Basic without a vendor record."""
    vendor = _STOCK_HEADER + "\n".join(
        [
            *[
                f"{client},P1Y:CFQ7TTC0LCHC:0002:1:,MS NCE M365 BP 1YR,{seats},{cost},"
                f"{seats * float(cost):.2f}"
                for client, _, seats, cost in BYSTANDERS
            ],
            "Toowong Solicitors Pty Ltd,P1Y:CFQ7TTC0LH18:0002:1:,MS NCE M365 BB NO TEAMS 1YR,214,"
            "6.84,1463.76",
            "Toowong Logistics Pty Ltd,P1M:CFQ7TTC0LH18:0001:1:,MS NCE M365 BB 1MTH,4,7.75,31.00",
        ]
    )
    result = run(
        tmp_path,
        vendor + "\n",
        psa(
            [
                *PSA_BYSTANDERS,
                ("Toowong Solicitors Pty Ltd", "SKU P1Y:CFQ7TTC0LH18:0002", 214, "8.06"),
                ("Toowong Logistics Pty Ltd", "365 Business Basic", 4, "9.12"),
            ]
        ),
    )
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == []


def test_a_makers_name_is_no_abbreviation_of_another_makers_word(tmp_path: Path) -> None:
    """Differences: Halvorsen is billed 6 seats of "ESET Prot. Adv" for the bill's 7 of ESET
    PROTECT Advanced less a credit of 1: nothing to report; before, ESET unbilled and Proofpoint
    Essentials Advanced (which another client buys) without a vendor record, 30.78 each."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Halvorsen and Weiss Associates Inc.", "ESET PROTECT Advanced Cloud - MSP", 6,
                 "2.70"),
                ("Halvorsen and Weiss Associates Inc.", "ESET PROTECT Entry Cloud - MSP", 6,
                 "1.90"),
                ("Larkspur Pharmacy", "Proofpoint Essentials - Advanced Package - per user", 9,
                 "3.10"),
                ("Larkspur Pharmacy", "Proofpoint Essentials - Business Package - per user", 4,
                 "1.60"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Halvorsen and Weiss Associates Inc.", "ESET Prot. Adv", 6, "3.51"),
                ("Halvorsen and Weiss Associates Inc.", "ESET PROTECT Entry", 6, "2.47"),
                ("Larkspur Pharmacy", "Proofpoint Essentials Advanced", 9, "4.03"),
                ("Larkspur Pharmacy", "Proofpoint Essentials Business", 4, "2.08"),
            ]
        ),
    )  # fmt: skip
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == []


def test_a_tier_alone_names_no_product_on_the_bill(tmp_path: Path) -> None:
    """Differences: Willow Creek buys no KnowBe4; its "Modern-Workplace-Gold" line is no KnowBe4
    KMSAT Gold, whose tier (Gold beside Diamond) is all it shares with it; before, a no vendor
    record of 1,045.00 for KnowBe4 Gold. The Business Premium it may wrap is unbilled (38 × 28.60,
    check first: nothing names it)."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Willow Creek Freight Services LLP", "Microsoft 365 Business Premium", 38,
                 "18.70"),
                ("Renner Landscaping Co", "KnowBe4 KMSAT Gold - 1 Year subscription", 12, "2.28"),
                ("Redwood Pharmacy Co", "KnowBe4 KMSAT Diamond - 1 Year subscription", 9, "3.65"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Willow Creek Freight Services LLP", "Modern-Workplace-Gold", 38, "27.50"),
                ("Renner Landscaping Co", "KnowBe4 Security Awareness Training Gold", 12, "3.00"),
                ("Redwood Pharmacy Co", "KnowBe4 Security Awareness Training Diamond", 9, "4.75"),
            ]
        ),
    )  # fmt: skip
    found = [(d.type, d.product, d.monthly_impact) for d in result.discrepancies]
    assert ("unbilled", "Microsoft 365 Business Premium", Decimal("1086.80")) in found
    assert all("KnowBe4" not in product for _, product, _ in found)
