"""Set AH at first contact (thirty-first session): an ordinary month-end in English, where the
clean twins themselves lost precision (0.93) to lines that name a product without billing it.

- "Courtesy credit: Business Premium seats", -66.00 on one line beside two seats at 26.40: money
  given back, read as a seat taken back (an under-billing of -13.20 and a price below cost);
- "Logitech Rally Bar (Teams Rooms)" at 3,499.00, a device, guessed from the whole bill to be the
  Teams Rooms Pro another client buys;
- MYOB's "Item Number" (SUBS, SVC): a kind of line, whose services must not become the Business
  Premium a credit under the same code names;
- a distributor's line "ADOBE ACROBAT STD MTHLY" at 155.88, twelve times the product's 12.99 on its
  other lines: a year's cost, read as a month's (a price below cost of thousands).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.lines import Exclusion
from engine.match.catalogue import load_catalogue
from engine.match.client_keys import client_key
from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pairs, pc, psa, run


def test_a_courtesy_credit_is_money_not_a_seat(tmp_path: Path) -> None:
    """Differences: none. Hadley is billed its 2 seats of Business Premium at 26.40 and given a
    courtesy credit of 66.00 under the product's name; before, -1 seat (under-billed -13.20,
    below cost 39.60). A seat credited at the seat's price still takes a seat off (Ashworth:
    under-billed 1 × 26.40)."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Hadley Management Ltd", "Microsoft 365 Business Premium", 2, "22.00"),
                ("Ashworth Services Ltd", "Microsoft 365 Business Premium", 4, "22.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Hadley Management Ltd", "Microsoft 365 Business Premium", 2, "26.40"),
                ("Hadley Management Ltd", "Courtesy credit: Business Premium seats", 1, "-66.00"),
                ("Ashworth Services Ltd", "Microsoft 365 Business Premium", 4, "26.40"),
                ("Ashworth Services Ltd", "Microsoft 365 Business Premium - credit", -1, "26.40"),
            ]
        ),
    )  # fmt: skip
    assert [(d.type, d.client, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", "Ashworth Services Ltd", Decimal("26.40"))
    ]
    credit = next(e for e in result.excluded if e.product.startswith("Courtesy credit"))
    assert credit.reason == Exclusion.MONEY_CREDIT.reason()


def test_a_device_is_no_seat_of_the_licence_it_serves(tmp_path: Path) -> None:
    """Differences: Birchwood buys Teams Rooms Pro at 30.00 (billed right); Bennett buys none and is
    billed a 3,499.00 Logitech Rally Bar "(Teams Rooms)": no finding for it; before, no vendor
    record for Teams Rooms Pro, 3,499.00."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Birchwood Motors Ltd", "Microsoft Teams Rooms Pro", 2, "30.00"),
                ("Bennett Chandler Law Group Ltd", "Microsoft 365 Business Standard", 6, "12.50"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Birchwood Motors Ltd", "Microsoft Teams Rooms Pro", 2, "39.00"),
                ("Bennett Chandler Law Group Ltd", "Microsoft 365 Business Standard", 6, "16.25"),
                ("Bennett Chandler Law Group Ltd", "Logitech Rally Bar (Teams Rooms)", 1,
                 "3499.00"),
            ]
        ),
    )  # fmt: skip
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == []


def test_a_code_of_services_names_no_licence(tmp_path: Path) -> None:
    """Differences: none. MYOB's item numbers say SUBS for licences and SVC for work; the SVC lines
    of two clients credit Business Premium by name, and that never makes another client's
    "Managed IT Services - per user" (SVC) Business Premium; before, no vendor record for it."""
    header = "Co./Last Name,Item Number,Quantity,Description,Price,Total\n"
    rows = [
        f'"{client}",SUBS,{seats},"{product}",{price},{seats * float(price):.2f}'
        for client, product, seats, price in PSA_BYSTANDERS
    ]
    for client in ("Hadley Management Ltd", "Holloway Brothers Ltd"):
        rows += [
            f'"{client}",SUBS,2,"Microsoft 365 Business Premium",26.40,52.80',
            f'"{client}",SVC,1,"Courtesy credit: Business Premium seats",-66.00,-66.00',
            f'"{client}",SVC,23,"Managed IT Services - per user",95.00,2185.00',
        ]
    rows += [
        '"Thornton Associates Ltd",SUBS,3,"Microsoft 365 Business Standard",16.25,48.75',
        '"Thornton Associates Ltd",SVC,3,"Cloud desk - per user",60.00,180.00',
        '"Thornton Associates Ltd",SVC,1,"Teams Phone setup fee",180.00,180.00',
    ]
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Hadley Management Ltd", "Microsoft 365 Business Premium", 2, "22.00"),
                ("Holloway Brothers Ltd", "Microsoft 365 Business Premium", 2, "22.00"),
                ("Thornton Associates Ltd", "Microsoft 365 Business Standard", 3, "12.50"),
            ]
        ),
        header + "\n".join(rows) + "\n",
        "ITEMSALE.csv",
    )
    assert result.mappings["psa"].columns["product_id"] == "Item Number"
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == []


def test_a_bills_line_at_twelve_times_the_products_cost_is_a_years(tmp_path: Path) -> None:
    """Differences: none. The bill's Adobe Acrobat Standard costs 12.99 a month on three clients'
    lines and 155.88 (a year's) on Hillcrest's, whose line still says MTHLY; Hillcrest is billed
    14.95 a month. Before: below cost 6,905.57."""
    clients = ["Kingsway Physiotherapy Pty Ltd", "Oakwood Engineering Pty Ltd",
               "Silverleaf Tyres Pty Ltd"]  # fmt: skip
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                *[(client, "ADOBE ACROBAT STD MTHLY", 5, "12.99") for client in clients],
                ("Hillcrest Physiotherapy Pty Ltd", "ADOBE ACROBAT STD MTHLY", 49, "155.88"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                *[(client, "Adobe Acrobat Standard", 5, "14.95") for client in clients],
                ("Hillcrest Physiotherapy Pty Ltd", "Adobe Acrobat Standard", 49, "14.95"),
            ]
        ),
    )
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == []


def test_a_names_british_and_american_spellings_are_one_client(tmp_path: Path) -> None:
    """Differences: none. The bill has two tenants "Harbour Engineering Ltd" and "… Ltd." (told
    apart by what each buys); the books write the first with its company number and the second
    "Harbor Engineering Ltd.". Before, the American spelling stayed alone: E3 and Visio unbilled on
    the tenant and without a vendor record on it."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Harbour Engineering Ltd", "Microsoft 365 Business Standard", 18, "12.50"),
                ("Harbour Engineering Ltd", "Power BI Pro", 8, "10.50"),
                ("Harbour Engineering Ltd.", "Microsoft 365 E3", 6, "36.00"),
                ("Harbour Engineering Ltd.", "Visio Plan 2", 3, "15.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Harbour Engineering Ltd (Co. No. 08015722)", "Microsoft 365 Business Standard",
                 18, "16.25"),
                ("Harbour Engineering Ltd (Co. No. 08015722)", "Power BI Pro", 8, "13.65"),
                ("Harbor Engineering Ltd.", "Microsoft 365 E3", 6, "46.80"),
                ("Harbor Engineering Ltd.", "Visio Plan 2", 3, "19.50"),
            ]
        ),
    )  # fmt: skip
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == []
    assert client_key("Harbour Colour Centre") == client_key("Harbor Color Center")


def test_a_paired_name_with_an_office_after_it_is_the_same_client(tmp_path: Path) -> None:
    """Differences: Brookside is billed Keeper under both its names (1 + 2 seats, the bill's 3),
    Business Standard and Acrobat under "… Ltd - Croydon" only, and RingEX Ultra, which the bill
    has not (set aside as bought elsewhere). Before, the Croydon name stayed alone: its three
    products unbilled on the tenant and without a vendor record on it."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Brookside Logistics Ltd", "Keeper Business", 3, "3.75"),
                ("Brookside Logistics Ltd", "Microsoft 365 Business Standard", 1, "12.50"),
                ("Brookside Logistics Ltd", "Adobe Acrobat Standard", 1, "12.99"),
                ("Brookside Logistics Ltd", "Microsoft 365 Business Premium", 4, "22.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Brookside Logistics", "Keeper Buisness", 1, "4.35"),
                ("Brookside Logistics", "Microsoft 365 Business Premium", 4, "28.60"),
                ("Brookside Logistics Ltd - Croydon", "Keaper Business", 2, "4.35"),
                ("Brookside Logistics Ltd - Croydon", "Microsoft 365 Business Standard", 1, "14.40"),
                ("Brookside Logistics Ltd - Croydon", "Adobe Acrobat Standard", 1, "14.95"),
                ("Brookside Logistics Ltd - Croydon", "RingCentral RingEX Ultra", 1, "43.75"),
            ]
        ),
    )  # fmt: skip
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == []
    assert ("Brookside Logistics Ltd", "Brookside Logistics Ltd - Croydon") in pairs(result)


def test_a_name_typed_without_its_spaces_is_read_apart() -> None:
    """Differences: none. "MicrosoftEntraIDP1" and "Office365E3": every space squeezed out and the
    plan glued on; "…ArchivingforExchangeOnline", "for" glued on too (it had been read, in context,
    as the client's Exchange Online (Plan 2): a look-alike merge). Before, none named a product."""
    catalogue = load_catalogue()
    for typed, name in (
        ("MicrosoftEntraIDP1", "Microsoft Entra ID P1"),
        ("Office365E3", "Office 365 E3"),
        ("TeamsPhoneStd", "Microsoft Teams Phone Standard"),
        (
            "ExchangeOnlineArchivingforExchangeOnline",
            "Exchange Online Archiving for Exchange Online",
        ),
    ):
        found = catalogue.resolve(typed).product
        assert found is not None and found.name == name, typed


def test_the_family_alone_is_the_one_product_of_it_a_client_buys(tmp_path: Path) -> None:
    """Differences: Tremaine is billed 5 seats of "Microsoft 365 licence" for the bill's 6 of
    Microsoft 365 E5, its one Microsoft 365 product (under-billed 1 × 57.00, check first), and not
    billed Entra ID P1 (unbilled, 6 × 7.20 at cost: no client is billed for it). Before, with two
    products unpaired, the line was left as a service and E5 unbilled too."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Tremaine & Lawson CPAs PLLC", "Microsoft 365 E5", 6, "45.60"),
                ("Tremaine & Lawson CPAs PLLC", "Visio Plan 2", 1, "15.00"),
                ("Tremaine & Lawson CPAs PLLC", "Microsoft Entra ID P1", 6, "7.20"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Tremaine & Lawson CPAs PLLC", "Microsoft 365 licence", 5, "57.00"),
                ("Tremaine & Lawson CPAs PLLC", "Visio Plan 2", 1, "19.50"),
            ]
        ),
    )
    assert [(d.type, d.product, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", "Microsoft 365 E5", Decimal("57.00")),
        ("unbilled", "Microsoft Entra ID P1", Decimal("43.20")),
    ]
    assert result.discrepancies[0].check_first


def test_a_credit_takes_no_product_from_its_code(tmp_path: Path) -> None:
    """Differences: none. Under ConnectWise's product id CREDIT, two clients' courtesy credits
    name Business Premium; Summit's "Credit memo - Acronis storage overage" (-25.00) is no seat of
    the Business Premium it buys. Before: under-billed 27.10 (a seat taken back at 25.00)."""
    header = "Company,Product ID,Description,Quantity,Unit Price\n"
    rows = [
        f'"{client}",LIC-MS,"{product}",{seats},{price}'
        for client, product, seats, price in PSA_BYSTANDERS
    ]
    for client in ("Hadley Management Ltd", "Holloway Brothers Ltd", "The Summit Company Ltd."):
        rows.append(f'"{client}",LIC-MS,"Microsoft 365 Business Premium",3,26.40')
    for client in ("Hadley Management Ltd", "Holloway Brothers Ltd"):
        rows.append(f'"{client}",CREDIT,"Courtesy credit: Business Premium seats",1,-66.00')
    rows.append('"The Summit Company Ltd.",CREDIT,"Credit memo - Acronis storage overage",1,-25.00')
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                *[
                    (client, "Microsoft 365 Business Premium", 3, "22.00")
                    for client in (
                        "Hadley Management Ltd",
                        "Holloway Brothers Ltd",
                        "The Summit Company Ltd.",
                    )
                ],
            ]
        ),
        header + "\n".join(rows) + "\n",
    )
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == []


def test_the_family_with_its_prepaid_year_is_the_product_too(tmp_path: Path) -> None:
    """Differences: Whitaker is billed 5 seats of "Microsoft 365 licence - annual prepay Nov
    2026-Oct 2027" at 561.60 a year (46.80 a month) for the bill's 6 of E3, its one Microsoft 365
    product (under-billed 1 × 46.80, check first), and not billed its 2 seats of Visio (unbilled);
    before, "prepay" was a word of its own and E3 unbilled (6 seats)."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Whitaker Brothers LLC", "Microsoft 365 E3", 6, "36.00"),
                ("Whitaker Brothers LLC", "Microsoft Entra ID P1", 6, "6.00"),
                ("Whitaker Brothers LLC", "Visio Plan 2", 2, "15.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Whitaker Brothers LLC", "Microsoft 365 licence - annual prepay Nov 2026-Oct 2027",
                 5, "561.60"),
                ("Whitaker Brothers LLC", "Microsoft Entra ID P1", 6, "7.80"),
            ]
        ),
    )  # fmt: skip
    assert [(d.type, d.product, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", "Microsoft 365 E3", Decimal("46.80")),
        ("unbilled", "Visio Plan 2", Decimal("30.00")),
    ]
