"""One PSA line per user (set M, seed 1 @200: per-user lines at 0.494 precision, 0.822 recall).

What each line carries besides the product, and how it is read:
- whose seat it is, as a login or a mail address, before or after the name ("fatima.kowalski -
  Microsoft 365 Business Standard", "… - erik.smith", "ben@client.com - …");
- Microsoft's string id beside the name ("Microsoft 365 Business Basic (O365_BUSINESS_ESSENTIALS)",
  "Cloud PBX seat (MCOEV)"): the id's product when the rest agrees or names nothing, the name's
  when they disagree;
- an item's number in brackets ("(MST-NCE-101-C100)"), which names no plan.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from engine.match.catalogue import load_catalogue
from engine.match.product_fit import loose_fit
from engine.match.product_names import product_key
from engine.match.product_notes import note_reader
from engine.reconcile import reconcile
from engine.result import Result

Reconcile = Callable[[list[str], list[str]], Result]


@pytest.mark.parametrize(
    "spelling",
    [
        "fatima.kowalski - Microsoft 365 Business Standard",
        "Microsoft 365 Business Standard - erik.smith",
        "ben@client.com - Microsoft 365 Business Standard",
        "Microsoft 365 Business Standard (o'neil.kai)",
    ],
)
def test_whose_seat_it_is_is_no_part_of_the_name(spelling: str) -> None:
    assert product_key(spelling) == "microsoft 365 business standard"


@pytest.mark.parametrize(
    "spelling", ["Bus.Std", "MS365 Bus. Std.", "M365.E3", "p.bi pro", "bus.std - monthly"]
)
def test_a_dot_inside_a_product_name_is_kept(spelling: str) -> None:
    assert product_key(spelling) != ""
    assert product_key(spelling) == product_key(spelling.replace(".", ". "))


@pytest.mark.parametrize(
    ("spelling", "product"),
    [
        (
            "8 x Microsoft 365 Business Basic (O365_BUSINESS_ESSENTIALS)",
            "Microsoft 365 Business Basic",
        ),
        (
            "Microsoft 365 Business Standard (O365_BUSINESS_PREMIUM) Monthly Subscription",
            "Microsoft 365 Business Standard",
        ),
        ("Exchange Online (Plan 1) (EXCHANGESTANDARD) per seat", "Exchange Online (Plan 1)"),
        ("Cloud PBX seat (MCOEV)", "Microsoft Teams Phone Standard"),
        ("Diagram software (VISIOCLIENT)", "Visio Plan 2"),
        # the name and the id disagree: the person typing bills what the name says
        (
            "Microsoft 365 Business Premium (O365_BUSINESS_PREMIUM)",
            "Microsoft 365 Business Premium",
        ),
        # the name says an edition the id's product lacks
        (
            "Microsoft 365 Business Basic (no Teams) (O365_BUSINESS_ESSENTIALS)",
            "Microsoft 365 Business Basic (no Teams)",
        ),
    ],
)
def test_a_string_id_beside_a_name(spelling: str, product: str) -> None:
    found = load_catalogue().resolve(spelling)
    assert found.product is not None
    assert found.product.name == product


def test_a_word_of_product_names_in_capitals_is_no_string_id() -> None:
    """ "STREAM" and "EMS" are ids of Microsoft's table, and words of its products' names."""
    found = load_catalogue().resolve("Video STREAM hosting")
    assert found.product is None or found.product.name != "Microsoft Stream"


@pytest.mark.parametrize(
    ("spelling", "bare"),
    [
        (
            "Microsoft 365 Business Basic (MST-NCE-101-C100)",
            "Microsoft 365 Business Basic",
        ),
        (
            "1 x Licensing: Microsoft 365 Business Basic (MST-NCE-101-C100) - dev.nguyen",
            "1 x Licensing: Microsoft 365 Business Basic",
        ),
        ("Microsoft 365 (M365-E3)", ""),  # the number's parts name a plan
        ("Defender (E5-SEC)", ""),
    ],
)
def test_an_items_number_is_a_note(spelling: str, bare: str) -> None:
    assert note_reader(load_catalogue(), [], []).bare(spelling) == bare


def test_a_client_billed_one_line_per_user_is_billed_in_full(tmp_path: Path) -> None:
    """Six users of Business Standard, each line spelled as the PSA's user typed it: the six seats
    the vendor bills are billed, and nothing is found."""
    (tmp_path / "vendor.csv").write_text(
        "Customer,Product,Qty,Unit Cost\n"
        "Boreal Medical Center Inc.,Microsoft 365 Business Standard,6,10.00\n"
        "Boreal Medical Center Inc.,Microsoft 365 Business Basic,20,5.00\n",
        encoding="utf-8",
    )
    users = [
        "Microsoft 365 Business Standard - erik.smith",
        "Microsoft 365 Business Standard",
        "MS365 Bus. Std. (Nov 2026) - ben.olsen",
        "fatima.kowalski - Microsoft 365 Business Standard",
        "Microsoft 365 Business Standard (Monthly Pre-Paid) (Chloe)",
        "Microsoft 365 Business Standard (O365_BUSINESS_PREMIUM) Monthly Subscription - kai.nguyen",
    ]
    rows = [f'Boreal Medical Center Inc,"{user}",1,12.00' for user in users]
    rows.append("Boreal Medical Center Inc,Microsoft 365 Business Basic,20,6.00")
    (tmp_path / "psa.csv").write_text(
        "Customer,Item,Qty,Rate\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    result = reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")
    assert [(d.type, d.product) for d in result.discrepancies] == []
    assert not [e for e in result.excluded if "Standard" in e.product]


def test_a_partner_center_id_of_an_unknown_sku_is_not_read_as_a_string_id() -> None:
    """Set E: "CFQ7TTC0LFLX:0005" is a SKU of Microsoft 365 E3's family the catalogue does not
    know; its product id alone must not make it E3."""
    found = load_catalogue().resolve("CFQ7TTC0LFLX:0005")
    assert found.product is None


def test_an_edition_cut_to_one_letter_is_not_left_out(reconcile_lines: Reconcile) -> None:
    """Set M: "Microsoft 365 E5 S" (E5 Security cut short) had been taken for the client's E5,
    whose seats it then doubled; it is E5 Security's, or nobody's until the user says."""
    result = reconcile_lines(
        [
            "Wessex Health,Microsoft 365 E5,12,50.00",
            "Wessex Health,Microsoft 365 E5 Security,12,10.00",
        ],
        [
            "Wessex Health,NCE Microsoft 365 E5 x12,12,55.00",
            "Wessex Health,Microsoft 365 E5 S - user licenses,12,11.00",
        ],
    )
    e5 = [d for d in result.discrepancies if d.product == "Microsoft 365 E5"]
    assert e5 == []  # never over-billed by the Security add-on's twelve seats


def test_a_tier_word_and_a_kind_name_the_kind(reconcile_lines: Reconcile) -> None:
    """Set M: "Business Mailbox" had been taken for Proofpoint Essentials *Business*, by its one
    word "Business"; a mailbox is the client's Exchange Online."""
    result = reconcile_lines(
        [
            "Wessex Health,Proofpoint Essentials Business,5,3.00",
            "Wessex Health,Exchange Online (Plan 1),4,4.00",
        ],
        [
            "Wessex Health,Proofpoint Essentials Business,5,3.50",
            "Wessex Health,Business Mailbox,4,5.00",
        ],
    )
    assert [(d.type, d.product) for d in result.discrepancies] == []


def test_a_letter_inside_a_name_is_shorthand() -> None:
    """Set G: "M365 Apps f. Business" is Apps for Business; only a last letter is a cut edition."""
    fitted = loose_fit(product_key("M365 Apps f. Business"), "microsoft 365 apps for business")
    assert fitted is not None
    assert loose_fit(product_key("Microsoft 365 E5 S"), "microsoft 365 e5") is None
