"""Set AA read again (twenty-seventh session; seed 1, 200 clients, engine at 63e5d6b: 0.941 /
0.989 / 0.987). What a person reads at once and the engine did not:

- last month's adjustment written in the house's shorthand ("Adj. Oct: M365 BS (01/10/2026 -
  31/10/2026)") beside this month's "Microsoft 365 Business Standard" at the same price: the
  shorthand shares no word with the full name, the price says it is that line's product;
- the maker's marketing sentence after a product's whole name ("Microsoft 365 Business Standard –
  desktop apps with premium features"): prose, in lower case, whose words ("premium", "Teams")
  describe the product rather than name another.
"""

from __future__ import annotations

from pathlib import Path

from engine.match.catalogue import load_catalogue
from engine.match.product_notes import note_reader
from tests.small_exports import pairs as _pairs
from tests.small_exports import pc as _pc
from tests.small_exports import psa as _psa
from tests.small_exports import run as _run


def test_last_months_adjustment_in_shorthand_beside_its_line_at_its_price(
    tmp_path: Path,
) -> None:
    """Differences: none. Each client's book holds this month's line and October's adjustment in
    the house's shorthand at the same price; counted, each would show over-billed by two seats."""
    vendor = _pc(
        [
            ("Kookaburra Advisory Ltd", "Microsoft 365 Business Standard", 8, "12.50"),
            ("Quick Fix Auto Unley Pty Ltd", "Microsoft 365 Business Premium", 43, "22.00"),
            ("Ashby Veterinary Clinic", "Keeper Business", 7, "4.00"),
        ]
    )
    psa = _psa(
        [
            ("Kookaburra Advisory Ltd", "Microsoft 365 Business Standard", 8, "18.75"),
            ("Kookaburra Advisory Ltd", "Adj. Oct: M365 BS (01/10/2026 - 31/10/2026)", 2, "18.75"),
            ("Quick Fix Auto Unley Pty Ltd", "M365 BP [11/2026]", 43, "29.26"),
            ("Quick Fix Auto Unley Pty Ltd", "Adj. Oct: BP (01/10/2026 - 31/10/2026)", 2, "29.26"),
            ("Ashby Veterinary Clinic", "Keeper Business", 7, "4.50"),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert result.discrepancies == ()
    assert sum("ended 2026-10-31" in x.reason for x in result.excluded) == 2


def test_a_span_beside_another_product_at_another_price_still_counts(tmp_path: Path) -> None:
    """Differences: Alder's Keeper line is billed for November in arrears style beside a product
    of another price: no adjustment, so it counts; the two seats over are a finding."""
    vendor = _pc(
        [
            ("Alder Law Partners", "Keeper Business", 5, "4.00"),
            ("Alder Law Partners", "Microsoft 365 Business Standard", 5, "12.50"),
        ]
    )
    psa = _psa(
        [
            ("Alder Law Partners", "Microsoft 365 Business Standard", 5, "14.00"),
            ("Alder Law Partners", "Keeper (01/11/2026 - 30/11/2026)", 7, "4.50"),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert [(d.type, d.product) for d in result.discrepancies] == [
        ("over_billed", "Keeper Business")
    ]


def test_a_makers_marketing_sentence_after_a_whole_name_is_a_note() -> None:
    names = [
        "Microsoft 365 Business Standard",
        "Microsoft 365 Business Basic",
        "Microsoft 365 Business Premium",
    ]
    notes = note_reader(load_catalogue(), [], names)
    assert notes.bare("Microsoft 365 Business Standard – desktop apps with premium features") == (
        "Microsoft 365 Business Standard"
    )
    assert notes.bare("Microsoft 365 Business Basic – web and mobile apps, email and Teams") == (
        "Microsoft 365 Business Basic"
    )


def test_a_names_last_words_in_capitals_are_no_sentence() -> None:
    """ "Microsoft 365 E5 - Defender for Business Add-on Security": a name's capitals, not prose;
    and too few words of prose after a name ("- premium features") say nothing either way."""
    notes = note_reader(load_catalogue(), [], ["Microsoft 365 E5", "Microsoft 365 Business Basic"])
    assert notes.bare("Microsoft 365 E5 - Defender for Business Add-on Security") != (
        "Microsoft 365 E5"
    )
    assert notes.bare("Microsoft 365 Business Basic - premium features") != (
        "Microsoft 365 Business Basic"
    )


_OTHERS = [
    ("Harbourside Tyres Pty Ltd", "Microsoft 365 E5", 2, "54.00"),
    ("Harbourside Tyres Pty Ltd", "Dialpad Pro", 12, "25.00"),
    ("Copperfield Optometry Pty Ltd", "Microsoft 365 Business Premium", 9, "22.00"),
]


def _others_billed() -> list[tuple[str, str, int, str]]:
    return [
        (client, product, seats, f"{float(cost) * 1.3:.2f}")
        for client, product, seats, cost in _OTHERS
    ]


def test_the_operator_and_its_venue_share_the_one_word_no_other_name_has(tmp_path: Path) -> None:
    """Differences: the MSP bills the hotel, the vendor the company that runs it; they share
    "Ingram", which no other name has, and two products at the same seats. One finding: Cloud
    Apps billed for 20 of 23 seats."""
    vendor = _pc(
        [
            ("Ingram Hospitality Group Pty Ltd", "Microsoft 365 E5", 2, "54.00"),
            ("Ingram Hospitality Group Pty Ltd", "Dialpad Pro", 43, "25.00"),
            ("Ingram Hospitality Group Pty Ltd", "Microsoft Defender for Cloud Apps", 23, "3.50"),
            *_OTHERS,
        ]
    )
    psa = _psa(
        [
            ("The Ingram Arms Hotel", "Microsoft 365 E5", 2, "57.00"),
            ("The Ingram Arms Hotel", "Dialpad Pro", 43, "32.20"),
            ("The Ingram Arms Hotel", "Microsoft Defender for Cloud Apps", 20, "4.04"),
            *_others_billed(),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert ("Ingram Hospitality Group Pty Ltd", "The Ingram Arms Hotel") in _pairs(result)
    assert [(d.type, d.product, d.check_first) for d in result.discrepancies] == [
        ("under_billed", "Microsoft Defender for Cloud Apps", True)
    ]


def test_one_word_in_common_and_one_product_at_its_seats_is_not_enough(tmp_path: Path) -> None:
    """Differences: "Ingram Hospitality Group" on the bill, "The Ingram Arms Hotel" in the PSA:
    one product at the same seats, the other two apart. Two clients as far as the files say."""
    vendor = _pc(
        [
            ("Ingram Hospitality Group Pty Ltd", "Microsoft 365 E5", 2, "54.00"),
            ("Ingram Hospitality Group Pty Ltd", "Dialpad Pro", 43, "25.00"),
            *_OTHERS,
        ]
    )
    psa = _psa(
        [
            ("The Ingram Arms Hotel", "Microsoft 365 E5", 2, "57.00"),
            ("The Ingram Arms Hotel", "Dialpad Pro", 14, "32.20"),
            *_others_billed(),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert ("Ingram Hospitality Group Pty Ltd", "The Ingram Arms Hotel") not in _pairs(result)
