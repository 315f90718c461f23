"""Set AE at first contact (twenty-ninth session; seed 1, 200 clients: precision 0.925, recall
0.990, two client merges). Set AE is groups, franchises and look-alike customers; what a person
reads at once and the engine did not:

- a count of a group's lines after its name on the group row (ConnectWise's grouped view:
  "Company: Haddad Plumbing (9 items)"): read as part of the name, so every client whose name
  differed in another way too stayed unpaired (0.878 precision on that pair's clean twin);
- a branch's number written in words ("Westpoint Credit Union Branch Eighteen" for the bill's
  "Branch 18"): two clients, each reported twice (0.104 precision on that class);
- a Zoho Books recurring profile "Stopped": billed, in the engine's reading;
- a name without its legal form between two companies of that name ("Abernethy Joinery" beside
  the bill's "… Ltd" and "… Pty Ltd"): given to the one its spelling is shorter of.

And one found reading set AD again beside it: "Freight & handling" was read as a licence on both
sides (precision 0.945 → 0.990 on AD's seed-1 cases).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from engine.match.client_keys import client_key
from engine.read.layouts import without_line_counts
from engine.reconcile import reconcile
from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pairs, pc, psa, run


def test_a_group_rows_count_of_its_lines_is_not_its_name(tmp_path: Path) -> None:
    """Differences: Haddad is billed 4 seats of Visio Plan 2 for the bill's 5 (under-billed 1 ×
    18.90). The PSA's names differ from the bill's by a legal form and an office tag besides the
    count, so only their words without the count pair them."""
    (tmp_path / "bill.csv").write_text(
        pc(
            [
                *BYSTANDERS,
                ("Haddad Plumbing Pty Ltd", "Visio Plan 2", 5, "15.00"),
                ("Haddad Plumbing Pty Ltd", "Power BI Pro", 3, "14.00"),
                ("Lakeside Bakery Store 8 Pty Ltd", "Power BI Pro", 2, "14.00"),
            ]
        ),
        encoding="utf-8",
    )
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Company", "Agreement", "Description", "Quantity", "Price"])
    groups = [
        ("Haddad Plumbing (Main Office)", [("Visio Plan 2", 4, 18.90), ("Power BI Pro", 3, 16.80)]),
        ("Lakeside Bakery Store 8", [("Power BI Pro", 2, 16.80)]),
        *((client, [(product, seats, 28.60)]) for client, product, seats, _ in BYSTANDERS),
    ]
    for client, lines in groups:
        sheet.append([f"Company: {client} ({len(lines)} items)"])
        for product, seats, price in lines:
            sheet.append([None, "Managed Services Agreement", product, seats, price])
    book.save(tmp_path / "additions.xlsx")
    result = reconcile(tmp_path / "bill.csv", tmp_path / "additions.xlsx")
    assert ("Haddad Plumbing Pty Ltd", "Haddad Plumbing (Main Office)") in pairs(result)
    assert ("Lakeside Bakery Store 8 Pty Ltd", "Lakeside Bakery Store 8") in pairs(result)
    assert [(d.type, d.client, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", "Haddad Plumbing (Main Office)", Decimal("18.90"))
    ]


def test_a_number_in_a_name_is_kept_where_it_is_not_the_groups_count() -> None:
    """Differences: none. "Store (12)" over three lines, "Unit [4]" over one: a store's number
    and a unit's, not counts; and where most groups carry no number, none is read as a count."""
    store = ["Goldleaf Store (12)"] * 3 + ["Harbour Unit [4]"] + ["Kestrel Ltd (2 items)"] * 2
    assert without_line_counts(store) == store
    counted = ["Acme Ltd (2 items)"] * 2 + ["Birch Dental (1 item)"] + ["Cedar Pty Ltd (3)"] * 3
    assert (
        without_line_counts(counted) == ["Acme Ltd"] * 2 + ["Birch Dental"] + ["Cedar Pty Ltd"] * 3
    )


def test_a_branch_numbered_in_words_is_the_bills_branch_in_figures(tmp_path: Path) -> None:
    """Differences: Branch 18 is billed 4 seats of Power BI Pro for the bill's 5 (under-billed 1 ×
    16.80); Branch 23 is billed right. "Seven Oaks" stays a name of words."""
    assert client_key("Westpoint Credit Union Branch Eighteen") == client_key(
        "Westpoint Credit Union Branch 18"
    )
    assert client_key("Bayline Building Society Branch Twenty-Three") == client_key(
        "Bayline Building Society Branch 23"
    )
    assert client_key("Goldleaf Bakery Store Seven") == client_key("Goldleaf Bakery Store 7")
    assert client_key("Seven Oaks Dental") == client_key("7 Oaks Dental") == "seven oaks dental"
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Westpoint Credit Union Branch 18", "Power BI Pro", 5, "14.00"),
                ("Westpoint Credit Union Branch 23", "Power BI Pro", 3, "14.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Westpoint Credit Union Branch Eighteen", "Power BI Pro", 4, "16.80"),
                ("Westpoint Credit Union Branch Twenty-Three", "Power BI Pro", 3, "16.80"),
            ]
        ),
    )
    assert ("Westpoint Credit Union Branch 18", "Westpoint Credit Union Branch Eighteen") in pairs(
        result
    )
    assert [(d.type, d.client, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", "Westpoint Credit Union Branch Eighteen", Decimal("16.80"))
    ]


def test_a_stopped_recurring_profile_bills_nothing(tmp_path: Path) -> None:
    """Differences: Abernethy's Acronis profile is "Stopped" and the bill has no Acronis for it:
    nothing is reported (before: no vendor record, 175.00)."""
    (tmp_path / "bill.csv").write_text(
        pc([*BYSTANDERS, ("Abernethy Roofing Pty Ltd", "Power BI Pro", 5, "14.00")]),
        encoding="utf-8",
    )
    rows = [
        "Profile Name,Customer Name,Status,Repeat Every,Item Name,Quantity,Rate,Item Total",
        *(
            f"RP-{i:04d}-M,{client},Active,1 Month(s),{product},{seats},{price},"
            f"{seats * float(price):.2f}"
            for i, (client, product, seats, price) in enumerate(PSA_BYSTANDERS)
        ),
        "RP-0157-M,Abernethy Roofing Pty Ltd,Active,1 Month(s),Power BI Pro,5,16.80,84.00",
        "RP-0158-M,Abernethy Roofing Pty Ltd,Stopped,1 Month(s),"
        "Acronis Cyber Protect Standard - Server,5,35.00,175.00",
    ]
    (tmp_path / "profiles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = reconcile(tmp_path / "bill.csv", tmp_path / "profiles.csv")
    assert result.discrepancies == ()


def test_a_name_without_its_form_between_two_companies_is_decided_by_what_each_buys(
    tmp_path: Path,
) -> None:
    """Differences: none. The bill has "Abernethy Joinery Ltd" and "Abernethy Joinery Pty Ltd"
    (two companies, each with its customer number); the books "Abernethy Joinery Lt" (the Ltd,
    its form mistyped) and "Abernethy Joinery" (the Pty Ltd: what it buys says so, not its
    spelling, which is as near either)."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                (
                    "Abernethy Joinery Ltd (Kd-Nr. 70191)",
                    "Microsoft 365 Business Premium",
                    8,
                    "22.00",
                ),
                ("Abernethy Joinery Ltd (Kd-Nr. 70191)", "Zoom Workplace Pro", 11, "13.00"),
                ("Abernethy Joinery Ltd (Kd-Nr. 70191)", "Keeper Business", 8, "3.75"),
                (
                    "Abernethy Joinery Pty Ltd (Kd-Nr. 70157)",
                    "Exchange Online (Plan 1)",
                    12,
                    "4.00",
                ),
                ("Abernethy Joinery Pty Ltd (Kd-Nr. 70157)", "Keeper Business", 12, "3.75"),
                ("Abernethy Joinery Pty Ltd (Kd-Nr. 70157)", "Microsoft 365 E5", 1, "57.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Abernethy Joinery", "Exchange Online (Plan 1)", 12, "4.80"),
                ("Abernethy Joinery", "Keeper Business", 12, "5.00"),
                ("Abernethy Joinery", "Microsoft 365 E5", 1, "68.40"),
                ("Abernethy Joinery Lt", "Microsoft 365 Business Premium", 8, "26.40"),
                ("Abernethy Joinery Lt", "Zoom Workplace Pro", 11, "15.19"),
                ("Abernethy Joinery Lt", "Keeper Business", 8, "4.75"),
            ]
        ),
    )
    assert {
        ("Abernethy Joinery Ltd (Kd-Nr. 70191)", "Abernethy Joinery Lt"),
        ("Abernethy Joinery Pty Ltd (Kd-Nr. 70157)", "Abernethy Joinery"),
    } <= pairs(result)
    assert result.discrepancies == ()


def test_freight_is_no_licence_on_either_side(tmp_path: Path) -> None:
    """Differences: Redcliffe Freight is billed 3 seats of Exchange Online (Plan 1) for the bill's 4
    (under-billed 1 × 4.80). "Freight & handling" on the bill and in the books is the delivery of
    goods (before: unbilled on the bill's side, no vendor record on the books')."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Waratah Engineering Pty Ltd", "Freight & handling", 1, "45.08"),
                ("Redcliffe Freight Ltd", "Exchange Online (Plan 1)", 4, "4.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Oakleigh Pharmacy Inc.", "Freight & handling", 1, "62.98"),
                (
                    "Redcliffe Freight Ltd",
                    "Redcliffe Freight Ltd - Exchange Online (Plan 1)",
                    3,
                    "4.80",
                ),
            ]
        ),
    )
    # "Freight" in the client's own name is no delivery (set V's descriptions that name the client)
    assert [(d.type, d.client, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", "Redcliffe Freight Ltd", Decimal("4.80"))
    ]


def test_a_name_without_its_form_beside_a_tenant_and_its_archive_is_the_tenants(
    tmp_path: Path,
) -> None:
    """Differences: Acronis is billed at 3.70 for its cost 3.78 (below cost 2 × 0.08). The bill's
    "Transport Zielińska S.A." and "… S.A. (Archive)" are two
    tenants of one name, each billing Huntress; the books' "Transport Zielińska (GBP)" is the
    first's, and bills the archive's seats with it: the archive differs by more than a legal form
    (set S, kept as it was when the rule above was first too broad)."""
    bill = [
        ("Transport Zielińska S.A.", "Acronis Cyber Protect Cloud - Backup", 2, "3.78"),
        ("Transport Zielińska S.A.", "Huntress Managed EDR", 1, "3.15"),
        ("Transport Zielińska S.A. (Archive)", "Huntress Managed EDR", 3, "3.15"),
        ("Transport Zielińska S.A. (Archive)", "Microsoft 365 Apps for Business", 16, "8.91"),
    ]
    books = [
        ("Transport Zielińska (GBP)", "Acronis Cyber Protect Cloud - Backup", 2, "3.70"),
        ("Transport Zielińska (GBP)", "Microsoft 365 Apps for Business", 16, "10.50"),
        ("Transport Zielińska (GBP)", "Huntress Managed EDR", 4, "6.00"),
    ]
    result = run(tmp_path, pc([*BYSTANDERS, *bill]), psa([*PSA_BYSTANDERS, *books]))
    assert ("Transport Zielińska S.A.", "Transport Zielińska (GBP)") in pairs(result)
    assert [(d.type, d.client, d.monthly_impact) for d in result.discrepancies] == [
        ("below_cost", "Transport Zielińska (GBP)", Decimal("0.16"))  # Acronis: 2 × (3.78 − 3.70)
    ]


def test_an_in_house_name_calling_its_product_a_service_is_it_at_its_seats(
    tmp_path: Path,
) -> None:
    """Differences: Kestrel's "Mailbox Archive Service" (1, a service of another seat count) is no
    licence, so its 4 seats of Exchange Online Archiving are unbilled (4 × the price the books bill
    it at, 3.60 = 14.40); Silverline's
    (6, the seats of its one unpaired archive) is its Exchange Online Archiving, billed right
    (before: unbilled, 18.00, the line read as a service)."""
    archive = "Exchange Online Archiving for Exchange Online"
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Silverline Couriers Ltd", "Microsoft 365 Business Standard", 6, "12.50"),
                ("Silverline Couriers Ltd", archive, 6, "3.00"),
                ("Kestrel Legal Ltd", "Microsoft 365 Business Standard", 4, "12.50"),
                ("Kestrel Legal Ltd", archive, 4, "3.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Silverline Couriers", "Microsoft 365 Business Standard", 6, "15.00"),
                ("Silverline Couriers", "Mailbox Archive Service", 6, "3.60"),
                ("Kestrel Legal", "Microsoft 365 Business Standard", 4, "15.00"),
                ("Kestrel Legal", "Mailbox Archive Service", 1, "95.00"),
            ]
        ),
    )
    assert [(d.type, d.client, d.product, d.monthly_impact) for d in result.discrepancies] == [
        ("unbilled", "Kestrel Legal", archive, Decimal("14.40"))
    ]
