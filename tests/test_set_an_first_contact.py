"""What set AN (an MSP reselling many makers' SaaS, the same tier words across makers, clients
mid-migration) found at first contact, each as a tiny case.

At first contact the engine's precision on the set was 0.567 (2,240 findings for 1,560), recall
0.813, 18 look-alike merges: MYOB's paid invoices ("Closed") read as cancelled lines, Ingram's
"Annual (Monthly Pay)" read as a year's price, a distributor's "TENANT:" label kept in the
customer's name, customers the vendor knows only by their web domain left unmatched, "GWS" and
"Google Workspace" learned as billing words of the export (so "GWS Business Standard" was
Microsoft 365 Business Standard), and "LP Teams - migrating to Keeper" read by its note. Set AD's
"Acronis WS" and "SaaS Protection unlimited" were read as the client's other edition. Each test
fails on the session's start (7daacbe) but two that say so.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.match.catalogue import load_catalogue
from engine.match.file_fillers import billing_words_of
from engine.match.product_names import product_key
from engine.read.values import parse_period_months
from engine.reconcile import reconcile
from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pairs, pc, psa, run, sheet


def test_myob_closed_invoices_bill_and_reversed_ones_do_not(tmp_path: Path) -> None:
    """MYOB's Sales Item Detail: "Closed" is an invoice paid in full, "Reversed" one reversed.
    Eastwood Joinery buys 4 Keeper Business seats, billed on a closed invoice (4) and a reversed
    one (2). Differences: none. Before: every closed line was read as cancelled, so each client
    was unbilled for all it buys."""
    vendor = pc([*BYSTANDERS, ("Eastwood Joinery Pty Ltd", "Keeper Business", 4, "3.75")])
    lines = [
        f'"{client}","{item}",{seats},{price},{seats * Decimal(price):.2f},Closed'
        for client, item, seats, price in PSA_BYSTANDERS
    ]
    lines += [
        '"Eastwood Joinery Pty Ltd","Keeper Business",4,5.00,20.00,Closed',
        '"Eastwood Joinery Pty Ltd","Keeper Business",2,5.00,10.00,Reversed',
        '"Birch Dental Pty Ltd","Microsoft 365 Business Premium",3,28.60,85.80,Open',
    ]
    books = "Customer,Item Name,Qty,Unit Price,Amount,Status\n" + "\n".join(lines) + "\n"
    result = run(tmp_path, vendor, books)
    assert [(d.type, d.client) for d in result.discrepancies] == [
        ("over_billed", "Birch Dental Pty Ltd")
    ]


def test_an_agreements_closed_beside_active_ones_still_ends_it(tmp_path: Path) -> None:
    """A status column that says "Active" holds agreements' states: "Closed" there ends the line
    (passes at the start too: what the MYOB reading must not change)."""
    vendor = pc([*BYSTANDERS, ("Eastwood Joinery Pty Ltd", "Keeper Business", 4, "3.75")])
    lines = [
        f'"{client}","{item}",{seats},{price},Active'
        for client, item, seats, price in PSA_BYSTANDERS
    ]
    lines += [
        '"Eastwood Joinery Pty Ltd","Keeper Business",4,5.00,Active',
        '"Eastwood Joinery Pty Ltd","Keeper Business",3,5.00,Closed',
    ]
    books = "Client,Item,Qty,Price,Status\n" + "\n".join(lines) + "\n"
    assert run(tmp_path, vendor, books).discrepancies == ()


def test_an_annual_term_paid_monthly_is_a_monthly_price() -> None:
    """Ingram's billing term "Annual (Monthly Pay)": a year's commitment, paid month by month."""
    assert parse_period_months("Annual (Monthly Pay)") == 1
    assert parse_period_months("Annual (Annual Pay)") == 12
    assert parse_period_months("Annual") == 12


def test_a_tenant_label_on_a_block_row_is_no_part_of_the_name(tmp_path: Path) -> None:
    """A distributor's statement in blocks, each headed "TENANT: <NAME>". Differences: one —
    Quokka Cartage under-billed 1 × 5.00. Before: "tenant" stayed in the name and the client was
    paired by what it buys, or not at all."""
    rows: list[list[object]] = [
        ["CLOUD ANNUITY STATEMENT", "NOV-2026", None, None, None],
        ["STOCK CODE", "STOCK DESCRIPTION", "QTY", "UNIT PRICE", "EXTENDED"],
    ]
    for client, product, seats, cost in [
        *BYSTANDERS,
        ("Quokka Cartage Pty Ltd", "Keeper Business", 6, "3.75"),
        ("Quokka Cartage Pty Ltd", "Microsoft 365 Business Premium", 9, "22.00"),
    ]:
        if rows[-1][0] != f"TENANT: {client.upper()}":
            rows.append([f"TENANT: {client.upper()}", None, None, None, None])
        rows.append(["P1M:X:1:", product, seats, float(cost), seats * float(cost)])
    sheet(tmp_path / "v.xlsx", rows)
    (tmp_path / "p.csv").write_text(
        psa(
            [
                *PSA_BYSTANDERS,
                ("Quokka Cartage", "Keeper Business", 5, "5.00"),
                ("Quokka Cartage", "Microsoft 365 Business Premium", 9, "28.60"),
            ]
        ),
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "v.xlsx", tmp_path / "p.csv")
    assert ("QUOKKA CARTAGE PTY LTD", "Quokka Cartage") in pairs(result)
    assert [(d.type, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", Decimal("5.00"))
    ]


def test_a_customer_known_by_its_web_domain_is_the_name_it_spells(tmp_path: Path) -> None:
    """Google's reseller console names customers by their primary domain. "skycresttax.io" is
    SkyCrest Tax & Advisory (its first words run together), "figtreehq.co" is Fig Tree (and two
    letters); "redfield.com.au" spells the start of two siblings' names and is left to what they
    buy. Before: none was paired by name; where the seats differed, none at all."""
    vendor = pc(
        [
            *BYSTANDERS,
            ("skycresttax.io", "Slack Pro", 7, "13.00"),
            ("skycresttax.io", "Zoom Workplace Business", 3, "30.00"),
            ("figtreehq.co", "Dropbox Business", 10, "22.00"),
            ("redfield.com.au", "Jira Premium", 4, "14.00"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("SkyCrest Tax & Advisory Pty Ltd", "Slack Pro", 6, "16.10"),
            ("SkyCrest Tax & Advisory Pty Ltd", "Zoom Workplace Business", 2, "36.00"),
            ("Fig Tree Pty Ltd", "Dropbox Business", 9, "28.30"),
            ("RedField Foundation Ltd", "Jira Standard", 3, "9.00"),
            ("RedField Foundation Labs", "Confluence Standard", 5, "7.00"),
        ]
    )
    found = pairs(run(tmp_path, vendor, books))
    assert ("skycresttax.io", "SkyCrest Tax & Advisory Pty Ltd") in found
    assert ("figtreehq.co", "Fig Tree Pty Ltd") in found
    assert not any(vendor_name == "redfield.com.au" for vendor_name, _ in found)


#: Clients billed Google Workspace editions, typed "GWS …" in the books: the family's short name
#: stands beside many editions, as a billing word of the export would.
_GOOGLE = [
    ("Wattle Accounting Pty Ltd", "Business Starter", 4, "9.10", "GWS Business Starter"),
    ("Yarra Studio Pty Ltd", "Business Plus", 6, "31.50", "GWS Business Plus"),
    ("Tasman Engineering Pty Ltd", "Enterprise Standard", 8, "33.00", "GWS Enterprise Standard"),
    ("Noosa Consulting Pty Ltd", "Frontline Starter", 5, "3.00", "GWS Frontline Starter"),
    ("Atlas Landscapes Pty Ltd", "Business Standard", 7, "18.90", "GWS Business Standard"),
    ("Kestrel Design Pty Ltd", "Enterprise Plus", 3, "45.00", "GWS Enterprise Plus"),
]


def test_a_makers_short_name_is_never_a_billing_word_of_the_export() -> None:
    """ "GWS" and "Google Workspace" stand beside many editions of one family: the family's name
    (the bill's "Google Workspace …", or a distributor's "GOOG WS …"), never a billing word to
    read past. "Usajili" (Swahili: subscription) beside many makers' products still is (Indonesian
    "Langganan" here before, since the forty-first session a billing word of every run)."""
    editions = [e for _, e, *_ in _GOOGLE] + ["Education Fundamentals", "Individual"]
    typed = [
        product_key(f"{family} {e}") for family in ("GWS", "Google Workspace") for e in editions
    ]
    for bill in (
        [product_key(f"Google Workspace {e}") for e in editions],
        [product_key(f"GOOG WS {e}") for e in editions],
    ):
        assert not {"gws", "google", "workspace"} & billing_words_of(typed, bill)
    local = [
        product_key(f"Usajili {name}")
        for name in ["Keeper Business", "Slack Pro", "Zoom Workplace Pro", "Dropbox Business",
                     "Jira Standard", "Microsoft 365 E3", "Microsoft 365 E5"]
    ]  # fmt: skip
    bill = [product_key(name) for name in ["Keeper Business", "Slack Pro", "Zoom Workplace Pro",
            "Dropbox Business", "Jira Standard", "Microsoft 365 E3", "Microsoft 365 E5"]]  # fmt: skip
    assert "usajili" in billing_words_of(local, bill)


def test_another_makers_short_name_is_no_stray_word_of_the_clients_product(
    tmp_path: Path,
) -> None:
    """BlueWren Medical has moved from Google Workspace to Microsoft 365: the vendor bills its 12
    Microsoft 365 Business Standard seats only, the books both "M365 Business Standard" (12) and
    the old "GWS Business Standard" (12). Differences: the Microsoft seats agree; the Google line
    has no vendor record. Before: "GWS" was a stray word of a loose fit, and the line was the
    client's Microsoft 365 Business Standard, over-billed by 12 seats."""
    vendor = pc(
        [
            *BYSTANDERS,
            *[(c, f"Google Workspace {e}", n, cost) for c, e, n, cost, _ in _GOOGLE],
            ("BlueWren Medical Clinic Pty Ltd", "Microsoft 365 Business Standard", 12, "18.90"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            *[(c, typed, n, f"{Decimal(cost) * 6 / 5:.2f}") for c, _, n, cost, typed in _GOOGLE],
            ("BlueWren Medical Clinic Pty Ltd", "M365 Business Standard", 12, "22.35"),
            ("BlueWren Medical Clinic Pty Ltd", "GWS Business Standard", 12, "24.20"),
        ]
    )
    result = run(tmp_path, vendor, books)
    assert not [
        d
        for d in result.discrepancies
        if d.client.startswith("BlueWren") and d.product == "Microsoft 365 Business Standard"
    ]


def test_where_the_client_is_moving_is_no_part_of_the_line(tmp_path: Path) -> None:
    """ "Teams - migrating to Keeper - licence": the LastPass Teams seats TrueLeaf still uses,
    beside the Keeper Business it moves to and its Google Workspace. Differences: one — LastPass
    Teams under-billed 1 × 5.35 (and below cost). Before: the note's "Keeper" and "Teams" were
    read as the line's words, and it was no product of the client's (this whole case passes at
    the start too; the note's reading below does not)."""
    for typed, bare in [
        ("LP Teams - migrating to Keeper", "LP Teams"),
        ("GWS Biz Starter (until cutover to Microsoft)", "GWS Biz Starter"),
        ("Zoom Pro (moving to Teams Phone 1 Dec)", "Zoom Pro"),
    ]:
        assert product_key(typed) == product_key(bare)
    assert product_key("Migration to Microsoft 365 - project") != product_key("Migration")
    vendor = pc(
        [
            *BYSTANDERS,
            ("TrueLeaf Design & Build Pty Ltd", "Google Workspace Business Standard", 6, "21.00"),
            ("TrueLeaf Design & Build Pty Ltd", "Keeper Business", 6, "6.00"),
            ("TrueLeaf Design & Build Pty Ltd", "LastPass Teams", 6, "6.00"),
            ("Tidewell Studio Pty Ltd", "LastPass Teams", 3, "6.00"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("TrueLeaf Design and Build Pty Ltd", "Google Workspace Bus Std", 6, "29.20"),
            ("TrueLeaf Design and Build Pty Ltd", "Keeper Business (annual plan)", 6, "7.90"),
            ("TrueLeaf Design and Build Pty Ltd", "Teams - migrating to Keeper - licence", 5,
             "5.35"),
            ("Tidewell Studio Pty Ltd", "LastPass Teams", 3, "7.50"),
        ]
    )  # fmt: skip
    result = run(tmp_path, vendor, books)
    found = [
        (d.type, d.product, d.monthly_impact)
        for d in result.discrepancies
        if d.client.startswith("TrueLeaf")
    ]
    assert found == [
        ("under_billed", "LastPass Teams", Decimal("5.35")),
        ("below_cost", "LastPass Teams", Decimal("3.25")),
    ]


def test_a_short_word_for_the_clients_other_edition_names_that_one(tmp_path: Path) -> None:
    """Set AD: Jacaranda Logistics buys Acronis Cyber Protect Cloud's Workstation (10) and
    Server (2) editions; its books say "Acronis Cyber Protect WS" (8) and "Acronis WS" (2).
    "WS" writes Workstation short: never the Server edition. Before: "Acronis WS" shared the
    word "Acronis" with the client's unpaired Server edition and was read as it, where five
    clients' learned spellings had taken the Workstation edition's seats (this tiny case passes
    at the start too)."""
    vendor = pc(
        [
            *BYSTANDERS,
            ("Jacaranda Logistics LLC", "Acronis Cyber Protect Cloud - Workstation", 10, "3.90"),
            ("Jacaranda Logistics LLC", "Acronis Cyber Protect Cloud - Server", 2, "18.40"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("Jacaranda Logistics LLC", "Acronis Cyber Protect WS", 8, "5.26"),
            ("Jacaranda Logistics LLC", "Acronis WS", 2, "4.60"),
            ("Jacaranda Logistics LLC", "Acronis Cyber Protect Cloud - Server", 2, "25.00"),
        ]
    )
    result = run(tmp_path, vendor, books)
    assert not [
        d
        for d in result.discrepancies
        if d.product == "Acronis Cyber Protect Cloud - Server" and "Acronis WS" in d.psa_product
    ]


def test_a_stray_word_may_name_the_longer_edition(tmp_path: Path) -> None:
    """Set AD: the bill has Datto SaaS Protection's 1 Year Retention and its Infinite Retention;
    "SaaS Protection unlimited" at a client the vendor bills only the 1 Year edition is not that
    edition by a stray word. Before: it was, "the only product on the bill like it"."""
    vendor = pc(
        [
            *BYSTANDERS,
            ("Cedar Plumbing Pty Ltd", "Datto SaaS Protection - 1 Year Retention", 3, "2.90"),
            ("Banksia Dental Lab Ltd", "Datto SaaS Protection - Infinite Retention", 5, "4.20"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("Cedar Plumbing Pty Ltd", "Datto SaaS Protection - 1 Year Retention", 3, "4.08"),
            ("Cedar Plumbing Pty Ltd", "SaaS Protection unlimited", 1, "5.42"),
            ("Banksia Dental Lab Ltd", "Datto SaaS Protection - Infinite Retention", 5, "5.04"),
        ]
    )
    result = run(tmp_path, vendor, books)
    assert not [
        d for d in result.discrepancies if d.product == "Datto SaaS Protection - 1 Year Retention"
    ]


def test_office_365_with_a_plan_only_microsoft_365_has_is_that_plan() -> None:
    """ "O365 Business Basic": no Office 365 product is so named (its old name was Business
    Essentials); the Microsoft 365 one is. "Office 365 E3" stays Office 365 E3."""
    catalogue = load_catalogue()
    for typed, meant in [
        ("O365 Business Basic", "Microsoft 365 Business Basic"),
        ("Office 365 Business Standard", "Microsoft 365 Business Standard"),
        ("Office 365 E3", "Office 365 E3"),
        ("Microsoft 365 E3", "Microsoft 365 E3"),
    ]:
        found = catalogue.resolve(typed, cutoff=85).product
        assert found is not None and found.name == meant, typed
    # never the other way: Microsoft 365 F1's old name is no Office 365 F3 (its own old name)
    firstline = catalogue.resolve("Microsoft 365 Firstline", cutoff=85).product
    assert firstline is None or not firstline.name.startswith("Office 365")


def test_a_tier_two_makers_share_is_neither_by_the_other_words_they_have(
    tmp_path: Path,
) -> None:
    """The bill has Keeper Business Starter and Google Workspace Business Starter; a client the
    vendor does not bill writes "Business Starter (annual plan)" (6): without its client's
    products nothing says whose it is, and it is not Keeper's for having fewer other words. Its
    client's Google Workspace is read by the clients that show it. Before: the line was Keeper
    Business Starter, "the only product on the bill like it"; with its client's products, the
    word "plan" left by "(annual plan)" made it none."""
    vendor = pc(
        [
            *BYSTANDERS,
            ("Wattle Accounting Pty Ltd", "Keeper Business Starter", 4, "2.40"),
            ("Yarra Studio Pty Ltd", "Google Workspace Business Starter", 3, "9.10"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("Oak Bay Analytics HQ", "Business Starter (annual plan)", 6, "13.60"),
            ("Wattle Accounting Pty Ltd", "Keeper Business Starter", 4, "3.20"),
            ("Yarra Studio Pty Ltd", "Google Workspace Business Starter", 3, "13.60"),
        ]
    )
    result = run(tmp_path, vendor, books)
    assert not [d for d in result.discrepancies if d.product == "Keeper Business Starter"]
    assert product_key("Business Starter (annual plan)") == product_key("Business Starter")
    assert product_key("Exchange Online Plan 1") != product_key("Exchange Online")
