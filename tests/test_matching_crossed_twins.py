"""Two companies under one name, told apart by what they buy (twenty-first session, set U seed 3).

The bill names "Aoraki Group Ltd" (A4149) and "Aoraki Group Limited" (A4173); the PSA names "Aoraki
Group" and "Aoraki Group Ltd - quality you can trust". By names alone e7f9462 paired the first with
the second PSA name exactly, and the other two by the tagline: both pairs crossed, eight findings
where a person sees two. The same book holds one company as "Aoraki Services Ltd" and "… Limited"
(two tenants) and "Aoraki Services (the friendly team)" and "… [PO REQUIRED]": once the baskets paired
one tenant, the other was left alone, its products unbilled and never billed.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.match.client_keys import client_key
from engine.match.name_tails import stems
from engine.reconcile import reconcile
from engine.result import Result

_VENDOR = """Customer ID,Customer,Product,Qty,Unit Cost
A4149,Aoraki Group Ltd,Microsoft 365 Business Standard,3,12.50
A4149,Aoraki Group Ltd,Microsoft Defender for Business,1,3.00
A4149,Aoraki Group Ltd,Keeper Business,1,3.75
A4173,Aoraki Group Limited,Microsoft 365 Business Basic,24,6.00
A4150,Aoraki Services Ltd,Microsoft 365 Business Premium,14,22.00
A4150,Aoraki Services Ltd,Exchange Online Archiving,14,3.00
A4174,Aoraki Services Limited,Office 365 E3,3,23.00
A4174,Aoraki Services Limited,Microsoft Defender for Office 365 (Plan 1),3,2.00
A4174,Aoraki Services Limited,Exchange Online (Plan 2),1,8.00
A4200,Aoraki Dental Limited,Microsoft 365 E3,6,36.00
"""
_PSA = """Customer,Item,Qty,Rate
Aoraki Group,Microsoft 365 Business Basic,11,7.20
Aoraki Group Ltd - quality you can trust,Microsoft 365 Business Standard,3,15.00
Aoraki Group Ltd - quality you can trust,Microsoft Defender for Business,1,3.60
Aoraki Services (the friendly team),Microsoft 365 Business Premium,16,26.40
Aoraki Services (the friendly team),Exchange Online Archiving,14,3.60
Aoraki Services [PO REQUIRED],Office 365 E3,3,27.60
Aoraki Services [PO REQUIRED],Microsoft Defender for Office 365 (Plan 1),2,2.40
Aoraki Services [PO REQUIRED],Exchange Online (Plan 2),1,9.60
Aoraki Dental Limited,Microsoft 365 E3,6,43.20
"""


def _run(tmp_path: Path, vendor: str, psa: str) -> Result:
    (tmp_path / "vendor.csv").write_text(vendor, encoding="utf-8")
    (tmp_path / "psa.csv").write_text(psa, encoding="utf-8")
    return reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")


def test_crossed_pairs_of_one_name_are_crossed_back_by_what_they_buy(tmp_path: Path) -> None:
    result = _run(tmp_path, _VENDOR, _PSA)
    pairs = {(m.vendor_name, m.psa_name): m for m in result.client_matches}
    for vendor, psa in (
        ("Aoraki Group Ltd", "Aoraki Group Ltd - quality you can trust"),
        ("Aoraki Group Limited", "Aoraki Group"),
    ):
        assert pairs[(vendor, psa)].confidence < 0.8  # the baskets decided: check first
    found = {
        (d.type, d.vendor_client, d.product, str(d.monthly_impact)) for d in result.discrepancies
    }
    assert found == {
        # every difference in the fixture, and nothing else
        ("unbilled", "Aoraki Group Ltd", "Keeper Business", "3.75"),
        ("under_billed", "Aoraki Group Limited", "Microsoft 365 Business Basic", "93.60"),
        ("over_billed", "Aoraki Services Ltd", "Microsoft 365 Business Premium", "52.80"),
        (
            "under_billed",
            "Aoraki Services Limited",
            "Microsoft Defender for Office 365 (Plan 1)",
            "2.40",
        ),
    }


def test_a_tail_two_tenants_could_claim_pairs_the_one_left_where_baskets_agree(
    tmp_path: Path,
) -> None:
    result = _run(tmp_path, _VENDOR, _PSA)
    pairs = {(m.vendor_name, m.psa_name) for m in result.client_matches}
    assert ("Aoraki Services Ltd", "Aoraki Services (the friendly team)") in pairs
    # without a product in common, the one left stays alone
    psa = _PSA.replace("Aoraki Services (the friendly team),Microsoft 365 Business Premium", "X,Y")
    psa = psa.replace(
        "Aoraki Services (the friendly team),Exchange Online Archiving",
        "Aoraki Services (the friendly team),Microsoft Teams Premium",
    )
    alone = _run(tmp_path, _VENDOR, psa)
    assert not {
        (m.vendor_name, m.psa_name)
        for m in alone.client_matches
        if m.vendor_name == "Aoraki Services Ltd" and m.psa_name
    }


def test_a_name_written_the_same_on_both_sides_stays_where_its_pair_agrees_at_all(
    tmp_path: Path,
) -> None:
    """A guard: the names say which while each pair has a product in common, however much better
    the crossed baskets look (the findings then show the rest)."""
    vendor = """Customer ID,Customer,Product,Qty,Unit Cost
A1,Kauri Lawyers Ltd,Microsoft 365 E3,5,36.00
A1,Kauri Lawyers Ltd,Visio Plan 2,5,15.00
A1,Kauri Lawyers Ltd,Keeper Business,2,3.75
A2,Kauri Lawyers Limited,Microsoft 365 Business Basic,10,6.00
A2,Kauri Lawyers Limited,Power BI Pro,10,12.00
A2,Kauri Lawyers Limited,Keeper Business,3,3.75
"""
    psa = """Customer,Item,Qty,Rate
Kauri Lawyers Ltd,Microsoft 365 Business Basic,10,7.20
Kauri Lawyers Ltd,Power BI Pro,10,14.40
Kauri Lawyers Ltd,Keeper Business,1,4.50
Kauri Lawyers Limited,Microsoft 365 E3,5,43.20
Kauri Lawyers Limited,Visio Plan 2,5,18.00
Kauri Lawyers Limited,Keeper Business,1,4.50
"""
    result = _run(tmp_path, vendor, psa)
    assert {(m.vendor_name, m.psa_name) for m in result.client_matches if m.psa_name} == {
        ("Kauri Lawyers Ltd", "Kauri Lawyers Ltd"),
        ("Kauri Lawyers Limited", "Kauri Lawyers Limited"),
    }


def test_a_name_the_same_on_both_sides_is_crossed_when_nothing_else_agrees(tmp_path: Path) -> None:
    """Set U seed 2: the PSA's "Björklund Group AB" is the bill's "… AB (publ)" (both products at
    their seats), the bill's "Björklund Group AB" the PSA's "… [PO REQUIRED]"."""
    vendor = """Customer ID,Customer,Product,Qty,Unit Cost
C1,Björklund Group AB,Microsoft 365 E3,4,36.00
C2,Björklund Group AB (publ),Adobe Acrobat Pro for teams,16,20.00
C2,Björklund Group AB (publ),Microsoft 365 Business Standard,16,12.50
"""
    psa = """Customer,Item,Qty,Rate
Björklund Group [PO REQUIRED],Microsoft 365 E3,3,43.20
Björklund Group AB,Microsoft 365 Business Standard,16,15.00
Björklund Group AB,Adobe Acrobat Pro for teams,16,24.00
"""
    result = _run(tmp_path, vendor, psa)
    assert {(m.vendor_name, m.psa_name) for m in result.client_matches if m.psa_name} == {
        ("Björklund Group AB", "Björklund Group [PO REQUIRED]"),
        ("Björklund Group AB (publ)", "Björklund Group AB"),
    }
    assert [(d.type, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", Decimal("43.20"))
    ]


def test_a_mark_and_a_short_tag_in_front_are_no_part_of_the_name() -> None:
    assert client_key("Apotek Mälardalen Filiale 44") in stems(
        "!VIP Apotek Mälardalen Filiale 44 (COD only)"
    )


def test_a_name_both_exports_spell_with_and_without_its_form_is_two_companies(
    tmp_path: Path,
) -> None:
    """Set V seed 7 (clean spellings): "O'Connell & Sons Roofing" and "… Roofing Corp." on the
    bill and, the same two ways, in the books: two companies, each paired with itself."""
    vendor = """Customer,Product,Qty,Unit Cost
O'Connell & Sons Roofing,Adobe Acrobat Standard,2,12.00
O'Connell & Sons Roofing Corp.,Adobe Acrobat Standard,3,12.00
O'Connell & Sons Roofing Corp.,Keeper Business,4,3.75
"""
    psa = """Customer,Item,Qty,Rate
O'Connell & Sons Roofing,Adobe Acrobat Standard,2,14.40
O'Connell & Sons Roofing Corp.,Adobe Acrobat Standard,4,14.40
O'Connell & Sons Roofing Corp.,Keeper Business,4,4.50
"""
    result = _run(tmp_path, vendor, psa)
    assert {(m.vendor_name, m.psa_name) for m in result.client_matches} == {
        ("O'Connell & Sons Roofing", "O'Connell & Sons Roofing"),
        ("O'Connell & Sons Roofing Corp.", "O'Connell & Sons Roofing Corp."),
    }
    assert [(d.type, d.client, d.monthly_impact) for d in result.discrepancies] == [
        ("over_billed", "O'Connell & Sons Roofing Corp.", Decimal("14.40"))
    ]
