"""What set AJ (legacy systems and a PSA migration) found at first contact, each as a tiny case.

At first contact the engine's precision on the set was 0.418 (8,346 findings for 3,952): an old
ledger's customer number glued to the name ("13744Coastline Architects"); a client kept as two
PSA records after the move ("COASTLINE ARCHITECTS (migrated)", "zz Larkspur Physiotherapy"); names
cut at the ledger's field width ("Northern Beaches Property Grou"); a tenant's domain in the
name's cell on some rows; seats folded into the text with quantity one ("12 x M365 Bus Prem");
QuickBooks Desktop's item names cut at 31 characters above a whole memo; an account number with
a few names in Exact's export; the vendor's portal renaming a client; a second tenant whose
products were only partly read by name. Each test fails on the session's start (d588562).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from engine.match.client_keys import client_key
from engine.match.cut_names import join_cut_names
from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pairs, pc, psa, run


@pytest.mark.parametrize(
    "written, whole",
    [
        ("13744Coastline Architects", "Coastline Architects"),  # the old number glued on
        ("COASTLINE ARCHITECTS (migrated)", "Coastline Architects"),
        ("zz Larkspur Physiotherapy Ltd (migrated)", "Larkspur Physiotherapy Ltd"),
        ("ZZ - Acme Tools Ltd", "Acme Tools Ltd"),
        ("westgatecatering.onmicrosoft.com", "westgatecatering"),  # a tenant's domain: its label
    ],
)
def test_what_a_migration_leaves_on_a_name_is_no_part_of_it(written: str, whole: str) -> None:
    assert client_key(written) == client_key(whole)


@pytest.mark.parametrize(
    "name, other",
    [
        ("Zzap Ltd", "Ap Ltd"),  # letters of the name, not a parked record
        ("365 Cloud Partners", "Cloud Partners"),  # a short number is part of the name
        ("XXL Storage", "L Storage"),
    ],
)
def test_a_name_that_begins_so_keeps_it(name: str, other: str) -> None:
    assert client_key(name) != client_key(other)


def test_a_name_cut_at_the_ledgers_width_is_the_one_whole_name_it_begins() -> None:
    """Differences: the PSA keeps two names cut mid-word (30 characters), one of a legal form;
    the bill has their whole names. "… LLC" is a whole name beside "… Inc." and a short name is
    typed, not cut; a cut two whole names go on from stays apart."""
    psa_keys = {
        name: client_key(name)
        for name in [
            "Northern Beaches Property Grou",
            "Oakridge Financial Planning Lim",
            "TSG Consulting LLC, a California limited liability company",
            "Harbour Dent",
            "Summit Landscaping Services Gr",
        ]
    }
    vendor_keys = {
        name: client_key(name)
        for name in [
            "Northern Beaches Property Group Pty Ltd",
            "Oakridge Financial Planning Limited",
            "TSG Consulting Inc.",
            "Harbour Dental",
            "Summit Landscaping Services Group",
            "Summit Landscaping Services Greenwood",
        ]
    }
    # legal twins keep their forms in their keys (engine.match.legal_twins)
    psa_keys["TSG Consulting LLC, a California limited liability company"] = "tsg consulting llc"
    vendor_keys["TSG Consulting Inc."] = "tsg consulting inc"
    vendor_keys["TsgConsulting"] = "tsg consulting"
    join_cut_names(psa_keys, vendor_keys)
    assert psa_keys["Northern Beaches Property Grou"] == "northern beaches property group"
    assert psa_keys["Oakridge Financial Planning Lim"] == "oakridge financial planning"
    assert psa_keys["TSG Consulting LLC, a California limited liability company"] == (
        "tsg consulting llc"
    )
    assert psa_keys["Harbour Dent"] == client_key("Harbour Dent")  # too short to be cut
    assert psa_keys["Summit Landscaping Services Gr"] == client_key(
        "Summit Landscaping Services Gr"
    )


def test_a_tenants_domain_in_the_names_cell_joins_the_name_whose_words_it_runs_together() -> None:
    vendor_keys = {
        name: client_key(name)
        for name in [
            "Westgate Catering Pty Ltd",
            "westgatecatering.onmicrosoft.com",
            "northernbeachespropertyg.onmicrosoft.com",  # a label cut too
            "Northern Beaches Property Group Pty Ltd",
        ]
    }
    join_cut_names(vendor_keys, {})
    assert vendor_keys["westgatecatering.onmicrosoft.com"] == "westgate catering"
    assert (
        vendor_keys["northernbeachespropertyg.onmicrosoft.com"] == "northern beaches property group"
    )


def test_a_client_kept_as_two_records_is_one_client(tmp_path: Path) -> None:
    """Differences: the bill's Coastline Architects buys 10 Business Premium and 4 Visio Plan 2;
    the PSA bills the first on its old record ("13744Coastline Architects"), the second on the
    record the migration made ("COASTLINE ARCHITECTS (migrated)"), 3 seats: under-billed by one.
    Before: every product reported twice (unbilled, and no vendor record)."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Coastline Architects", "Microsoft 365 Business Premium", 10, "22.00"),
                ("Coastline Architects", "Visio Plan 2", 4, "15.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("13744Coastline Architects", "Microsoft 365 Business Premium", 10, "28.60"),
                ("COASTLINE ARCHITECTS (migrated)", "Visio Plan 2", 3, "18.00"),
            ]
        ),
    )
    assert [(d.type, d.product, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", "Visio Plan 2", Decimal("18.00"))
    ]


def test_seats_written_in_the_text_of_a_line_of_one(tmp_path: Path) -> None:
    """Differences: the bill has 12 Business Premium seats at 22.00; the ledger bills "12 x M365
    Bus Prem", quantity 1, at 264.00 — twelve seats at 22.00 (below the 22.00 cost? no: at it).
    Before: one seat at 264.00, eleven seats under-billed (2,904.00)."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Ironbark Motors Pty Ltd", "Microsoft 365 Business Premium", 12, "22.00"),
            ]
        ),
        psa([*PSA_BYSTANDERS, ("Ironbark Motors Pty Ltd", "12 x M365 Bus Prem", 1, "264.00")]),
    )
    assert result.discrepancies == ()


def test_a_line_of_one_at_a_price_not_spread_over_a_count_it_does_not_say_first(
    tmp_path: Path,
) -> None:
    """ "Keeper - 12 users" says no count first: its one seat at 60.00 stays as billed."""
    result = run(
        tmp_path,
        pc([*BYSTANDERS, ("Ironbark Motors Pty Ltd", "Keeper Business", 12, "3.75")]),
        psa([*PSA_BYSTANDERS, ("Ironbark Motors Pty Ltd", "Keeper Business", 1, "60.00")]),
    )
    assert [(d.type, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", Decimal("660.00"))
    ]


def test_an_item_name_cut_short_gives_way_to_the_whole_memo(tmp_path: Path) -> None:
    """QuickBooks Desktop's Sales by Item Detail: the item's name cut at 31 characters ("Microsoft
    Defender for Office 3") above lines whose memo is whole ("… (Plan 2)", "… (Plan 1)"); the
    client buys both plans. Differences: none. Before: both lines read as Plan 1 (the family's
    first plan): Plan 2 unbilled, Plan 1 over-billed."""
    (tmp_path / "v.csv").write_text(
        pc(
            [
                *BYSTANDERS,
                ("Brasserie Lumiere Ltd", "Microsoft Defender for Office 365 (Plan 2)", 2, "5.00"),
                ("Brasserie Lumiere Ltd", "Microsoft Defender for Office 365 (Plan 1)", 3, "2.00"),
            ]
        ),
        encoding="utf-8",
    )
    rows = [
        "Sales by Item Detail",
        "November 2026",
        ",Type,Date,Num,Memo,Name,Qty,Sales Price,Amount,Balance",
        "Microsoft 365 Business Premium",
        *(
            f',Invoice,11/01/2026,{3000 + i},Microsoft 365 Business Premium,"{client}",{seats},28.60,'
            f"{seats * 28.6:.2f},0"
            for i, (client, _, seats, _) in enumerate(BYSTANDERS)
        ),
        "Total Microsoft 365 Business Premium,,,,,,,,1.00,",
        "Microsoft Defender for Office 3",
        ",Invoice,11/01/2026,3100,Microsoft Defender for Office 365 (Plan 2),Brasserie Lumiere Ltd,"
        "2,5.75,11.50,11.50",
        ",Invoice,11/01/2026,3100,Microsoft Defender for Office 365 (Plan 1),Brasserie Lumiere Ltd,"
        "3,2.30,6.90,18.40",
        "Total Microsoft Defender for Office 3,,,,,,,,18.40,18.40",
    ]
    (tmp_path / "p.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    from engine.reconcile import reconcile

    result = reconcile(tmp_path / "v.csv", tmp_path / "p.csv")
    assert result.discrepancies == ()


def test_an_account_number_with_a_second_name_still_gives_way_to_the_names(tmp_path: Path) -> None:
    """Exact Globe's "Debiteur" (the number) beside "Naam"; a customer kept twice after a move
    has one number and two names. Differences: none. Before: the numbers were read as the
    customers (no name matched; every product reported twice)."""
    towns = [
        "Alder",
        "Beech",
        "Cherry",
        "Damson",
        "Elder",
        "Fir",
        "Gorse",
        "Hazel",
        "Ivy",
        "Juniper",
    ]
    clients = [(f"{town} Bakery B.V.", 3 + i) for i, town in enumerate(towns)]
    (tmp_path / "v.csv").write_text(
        pc(
            [
                *((client, "Microsoft 365 Business Premium", n, "22.00") for client, n in clients),
                ("Coastline Architects", "Microsoft 365 Business Premium", 10, "22.00"),
                ("Coastline Architects", "Visio Plan 2", 4, "15.00"),
            ]
        ),
        encoding="utf-8",
    )
    lines = ["Debiteur;Naam;Omschrijving;Aantal;Prijs;Bedrag excl. btw"]
    for number, (client, seats) in enumerate(clients, start=19118):
        total = f"{seats * 28.6:.2f}".replace(".", ",")
        lines.append(f"{number};{client};Microsoft 365 Business Premium;{seats};28,60;{total}")
    lines.append("13744;13744Coastline Architects;Microsoft 365 Business Premium;10;28,60;286,00")
    lines.append("13744;COASTLINE ARCHITECTS (migrated);Visio Plan 2;4;18,00;72,00")
    (tmp_path / "p.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    from engine.reconcile import reconcile

    result = reconcile(tmp_path / "v.csv", tmp_path / "p.csv")
    assert result.discrepancies == ()


def test_a_client_the_portal_renamed_is_known_by_its_whole_basket(tmp_path: Path) -> None:
    """The bill knows the client as "Ironbark Partners Ltd", the PSA as "Ironbark Architects
    Rentals Ltd" (beside its sibling "Ironbark Architects Ltd", billed right): the same four
    products at the same seats, which no other client buys. Paired, check first. Before: the
    sibling words kept them apart, every product reported twice."""
    products = [
        ("Office 365 E3 (no Teams)", 8, "20.75", "26.45"),
        ("Microsoft 365 Apps for enterprise", 3, "12.00", "13.80"),
        ("Power BI Pro", 4, "14.00", "16.10"),
        ("Visio Plan 2", 8, "15.00", "17.25"),
    ]
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Ironbark Architects Ltd", "Microsoft 365 Business Standard", 6, "12.50"),
                *(("Ironbark Partners Ltd", p, n, cost) for p, n, cost, _ in products),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Ironbark Architects Ltd", "Microsoft 365 Business Standard", 6, "15.00"),
                *(("Ironbark Architects Rentals Ltd", p, n, price) for p, n, _, price in products),
            ]
        ),
    )
    assert ("Ironbark Partners Ltd", "Ironbark Architects Rentals Ltd") in pairs(result)
    assert result.discrepancies == ()


def test_a_sibling_whose_basket_differs_stays_apart(tmp_path: Path) -> None:
    """The same names beside the same sibling, one product of the three at other seats: the
    sibling words keep them apart (two clients)."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Ironbark Architects Ltd", "Microsoft 365 Business Standard", 6, "12.50"),
                ("Ironbark Partners Ltd", "Office 365 E3 (no Teams)", 8, "20.75"),
                ("Ironbark Partners Ltd", "Power BI Pro", 4, "14.00"),
                ("Ironbark Partners Ltd", "Visio Plan 2", 2, "15.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Ironbark Architects Ltd", "Microsoft 365 Business Standard", 6, "15.00"),
                ("Ironbark Architects Rentals Ltd", "Office 365 E3 (no Teams)", 8, "26.45"),
                ("Ironbark Architects Rentals Ltd", "Power BI Pro", 4, "16.10"),
                ("Ironbark Architects Rentals Ltd", "Visio Plan 2", 5, "17.25"),
            ]
        ),
    )
    assert ("Ironbark Partners Ltd", "Ironbark Architects Rentals Ltd") not in pairs(result)


def test_a_customer_number_after_a_name_is_no_part_of_it_unless_it_may_tell_two_apart() -> None:
    """Set AJ at seed 7: "Driftwood Tools 75825" (the old ledger's number) is the bill's
    Driftwood Tools. The number stays where it may tell companies apart: "… Co 18706" beside "… Co
    34148"; a name the book also holds misspelt beside the bare one ("Harbbor Architects
    Systems": the speed bench's books, where "Harbor Architects Systems 23580" is another
    company); "Store 10420"."""
    psa_keys = {
        name: client_key(name)
        for name in [
            "Driftwood Tools 75825",
            "Adventure Accounting Co 18706",
            "Bella Napoli Store 10420",
            "Harbor Architects Systems 23580",
            "Harbbor Architects Systems",
        ]
    }
    vendor_keys = {
        name: client_key(name)
        for name in [
            "Driftwood Tools",
            "Adventure Accounting Co 34148",
            "Adventure Accounting Co",
            "Bella Napoli Store",
            "Harbor Architects Systems Incorporated",
        ]
    }
    join_cut_names(psa_keys, vendor_keys)
    assert psa_keys["Driftwood Tools 75825"] == client_key("Driftwood Tools")
    for kept in (
        "Adventure Accounting Co 18706",
        "Bella Napoli Store 10420",
        "Harbor Architects Systems 23580",
    ):
        assert psa_keys[kept] == client_key(kept)


def test_a_tenants_domain_with_a_number_joins_the_numbered_name() -> None:
    vendor_keys = {
        name: client_key(name)
        for name in [
            "Kingfisher Freight 006 Pty Ltd",
            "Kingfisher Freight 010 Pty Ltd",
            "kingfisherfreight006.onmicrosoft.com",
        ]
    }
    join_cut_names(vendor_keys, {})
    assert vendor_keys["kingfisherfreight006.onmicrosoft.com"] == client_key(
        "Kingfisher Freight 006 Pty Ltd"
    )


def test_a_tenants_domain_on_some_rows_is_no_second_tenant(tmp_path: Path) -> None:
    """Set AJ at seed 7: the bill names Tom's Auto Repairs on some rows and writes its tenant's
    domain on others, both with Business Premium; the books bill the 7 seats together. Differences:
    none. Before: the same product under two spellings made them two tenants, each its own
    client."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Tom's Auto Repairs Pty Ltd", "Microsoft 365 Business Premium", 5, "22.00"),
                ("tomsautorepairs.onmicrosoft.com", "Microsoft 365 Business Premium", 2, "22.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Toms Auto Repairs Pty Ltd", "Microsoft 365 Business Premium", 7, "28.60"),
            ]
        ),
    )
    assert result.discrepancies == ()


def test_a_spelling_cut_shorter_still_means_what_its_longer_spellings_were_learned_as() -> None:
    """ "… Backup Sto" (cut at 40) fits both "… Backup Stor" (cut at 41, three clients) and the whole
    spelling (twelve): both learned as the same storage, so it is that storage; were they learned
    as two products, it would say neither."""
    from engine.match.learned_spellings import _learned_like

    cut = "acronis cyber protect cloud backup sto"
    same = {
        "acronis cyber protect cloud backup stor": {"name:acronis hosted storage gb": 3},
        "acronis cyber protect cloud backup storage": {"name:acronis hosted storage gb": 12},
    }
    assert _learned_like(cut, same) == {"name:acronis hosted storage gb": 12}
    two = {**same, "acronis cyber protect cloud backup stor": {"name:acronis cp standard": 3}}
    assert _learned_like(cut, two) is None
