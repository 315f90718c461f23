"""In-house names said by their kind ("Mail archive", "Antivirus per PC") decide the client's one
product of that kind once: two lines never both take the same seats, and a line that names
another maker on the bill is never the client's product of that kind (issue 9; set AK's look-alike
merges, thirty-sixth session). Each test fails on 2d5093e unless it says otherwise."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pc, psa, run


def _found(result_discrepancies: object, client: str) -> list[tuple[str, str, Decimal]]:
    return sorted(
        (d.type, d.product, d.monthly_impact)
        for d in result_discrepancies  # type: ignore[attr-defined]
        if d.client.startswith(client) or d.vendor_client.startswith(client)
    )


def test_two_lines_of_one_kind_never_both_fill_the_same_seats(tmp_path: Path) -> None:
    """QuickFix Store 7 buys 5 seats of Exchange Online Archiving from the vendor and is billed
    "Mail archive" (5 × 4.10) and "Hosted mailbox with archive" (5 × 10.24, its Exchange Online
    Plan 2, bought elsewhere). Differences: none on the archive — "Mail archive" is its 5 seats;
    the mailbox line is never the archive's. Before: both lines were the archive's ("the rest of
    it, its 5 seats fit in the 5 left unbilled"): one over-billed archive joining two products."""
    archive = "Exchange Online Archiving for Exchange Online"
    vendor = pc([*BYSTANDERS, ("QuickFix Phone Repairs Store 7 Inc", archive, 5, "3.00")])
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("QuickFix Phone Repairs Store 7 Inc", "Mail archive", 5, "4.10"),
            ("QuickFix Phone Repairs Store 7 Inc", "Hosted mailbox with archive", 5, "10.24"),
        ]
    )
    result = run(tmp_path, vendor, books)
    assert not [d for d in result.discrepancies if d.product == archive]
    resolved = {
        m.spelling: m.product for m in result.product_matches if m.side == "psa" and m.in_catalogue
    }
    assert resolved.get("Mail archive") == archive
    assert resolved.get("Hosted mailbox with archive") != archive


def test_a_line_naming_another_maker_on_the_bill_is_not_the_clients_product_of_its_kind(
    tmp_path: Path,
) -> None:
    """Clearwater Conveyancing buys 38 seats of SentinelOne Singularity Complete, billed as
    "Antivirus per PC (SentinelOne)", and is billed 13 "Huntress MDR for Microsoft 365" that the
    vendor does not bill it (other clients buy Huntress from the vendor). Differences: one — the
    Huntress line billed without a vendor record (13 × 3.55 = 46.15). Before: it was "the rest of
    the client's only product of that kind", SentinelOne, over-billed 13 seats: a merge of two
    makers' products. (Both makers sell two products or more on the bill, so neither's name is a
    rare word that names a product by itself.)"""
    vendor = pc(
        [
            *BYSTANDERS,
            ("Birchwood Homes Ltd", "Huntress Managed ITDR", 9, "2.50"),
            ("Birchwood Homes Ltd", "Huntress Managed EDR", 9, "3.00"),
            ("Birchwood Homes Ltd", "SentinelOne Singularity Control", 9, "4.00"),
            ("Aspen Homes Ltd", "SentinelOne Singularity Core", 9, "3.00"),
            ("Clearwater Conveyancing Ltd", "SentinelOne Singularity Complete", 38, "5.90"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("Birchwood Homes Ltd", "Huntress Managed ITDR", 9, "3.55"),
            ("Birchwood Homes Ltd", "Huntress Managed EDR", 9, "5.00"),
            ("Birchwood Homes Ltd", "SentinelOne Singularity Control", 9, "6.00"),
            ("Aspen Homes Ltd", "SentinelOne Singularity Core", 9, "5.00"),
            ("Clearwater Conveyancing Ltd", "Antivirus per PC (SentinelOne)", 38, "7.86"),
            ("Clearwater Conveyancing Ltd", "Huntress MDR for Microsoft 365", 13, "3.55"),
        ]
    )
    found = _found(run(tmp_path, vendor, books).discrepancies, "Clearwater")
    assert found == [("no_vendor_record", "Huntress MDR for Microsoft 365", Decimal("46.15"))]


def test_a_word_written_as_another_products_initials_is_no_stray_word(tmp_path: Path) -> None:
    """Bramblewood Logistics buys 3 seats of Google Workspace Business Starter and 2 of 1Password
    Teams Starter Pack, billed as "1P Teams Starter x2" and "GWS Starter (Dutch language pack)".
    Differences: none on 1Password. Before: "GWS Starter … pack" fitted 1Password Teams Starter
    Pack "but for one word" ("GWS" read as a stray word, not Google Workspace's initials): an
    over-billed and a below-cost 1Password, each joining two products."""
    vendor = pc(
        [
            *BYSTANDERS,
            ("Bramblewood Logistics AB", "Google Workspace Business Starter", 3, "6.30"),
            ("Bramblewood Logistics AB", "1Password Teams Starter Pack", 2, "17.07"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("Bramblewood Logistics AB", "1P Teams Starter x2", 2, "27.49"),
            ("Bramblewood Logistics AB", "GWS Starter (Dutch language pack)", 3, "7.42"),
        ]
    )
    found = _found(run(tmp_path, vendor, books).discrepancies, "Bramblewood")
    assert not [f for f in found if "1Password" in f[1]]
