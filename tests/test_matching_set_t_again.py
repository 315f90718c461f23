"""Set T read again (twentieth session; seeds 2 and 3, 200 clients): what a careful person reads
and the engine did not, beyond what set T's first reading mended.

- an agreement named by a compound ("Raamovereenkomst 2024 - …", "Rahmenvertrag") or with a word
  before it ("Managed Agreement A-1182: …");
- a word a PDF broke in capitals ("ENTERPRI- SEPACK");
- a maker's code that shortens its name ("1PW" for 1Password) is no plan;
- a parish council written "PC", which the key had read as a legal form;
- a dotted two-letter short form ("Ev." for Evangelische, "St." for Stichting).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engine.match.client_evidence import name_fit
from engine.match.client_keys import client_key
from engine.match.product_clues import names_something_else
from engine.match.text_artefacts import without_text_artefacts
from engine.result import Result

Reconcile = Callable[[list[str], list[str]], Result]


@pytest.mark.parametrize(
    ("typed", "left"),
    [
        (
            "Raamovereenkomst 2024 - M365 Apps Bus (per user/month)",
            "M365 Apps Bus (per user/month)",
        ),
        ("Rahmenvertrag 2025 - Microsoft 365 E3", "Microsoft 365 E3"),
        ("Managed Agreement A-1182: 1Password Business", "1Password Business"),
        ("Service Agreement - Microsoft 365 BP", "Microsoft 365 BP"),
        ("Raamo- vereenkomst 2024 - Visio", "Visio"),  # broken by a PDF as well
        ("ENTERPRI- SEPACK", "ENTERPRISEPACK"),
    ],
)
def test_an_agreement_or_a_broken_word_is_no_part_of_the_product(typed: str, left: str) -> None:
    assert without_text_artefacts(typed) == left


@pytest.mark.parametrize(
    "typed",
    [
        "Teams Premium contract - monthly",  # the agreement word after the product
        "Contractor licence - E3",  # a word that begins with one
        "BP- EXO P1",  # two items in capitals, not a broken word
    ],
)
def test_text_that_only_looks_like_an_agreement_or_a_break_stays(typed: str) -> None:
    assert without_text_artefacts(typed) == typed


def test_a_makers_code_that_shortens_its_name_is_no_plan() -> None:
    assert not names_something_else("1pw business", "1password business")
    # a code that shortens nothing of the name still sets products apart
    assert names_something_else("3cx business", "1password business")
    assert names_something_else("e5 business", "1password business")


def test_a_parish_council_written_pc_beside_its_namesakes(reconcile_lines: Reconcile) -> None:
    vendor = [
        "Ravensworth Parish Council,Microsoft 365 Business Premium,4,22.00",
        "Ravensworth Parish Council,Microsoft Teams Premium,4,10.00",
        "Ravensworth Brewery Ltd,Microsoft 365 Business Premium,6,22.00",
        "Ravensworth Estate Agents Ltd,Microsoft 365 Business Premium,3,22.00",
    ]
    psa = [
        "Ravensworth PC,Microsoft 365 Business Premium,5,26.40",
        "Ravensworth Brewery Ltd,Microsoft 365 Business Premium,6,26.40",
        "Ravensworth Estate Agents Ltd,Microsoft 365 Business Premium,3,26.40",
    ]
    result = reconcile_lines(vendor, psa)
    assert ("Ravensworth Parish Council", "Ravensworth PC") in {
        (m.vendor_name, m.psa_name) for m in result.client_matches
    }
    assert sorted((d.type, d.client) for d in result.discrepancies) == [
        ("over_billed", "Ravensworth PC"),  # five seats billed, four bought
        ("unbilled", "Ravensworth PC"),  # Teams Premium
    ]


def test_a_professional_corporation_keeps_its_name() -> None:
    assert client_key("Smith & Jones PC") == client_key("Smith & Jones")


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Ev. Kirchengemeinde St. Petri", "Evangelische Kirchengemeinde St. Petri"),
        ("St. Openbaar Onderwijs De Linde", "Stichting Openbaar Onderwijs De Linde"),
    ],
)
def test_a_dotted_short_form_is_the_word_if_what_it_buys_agrees(short: str, full: str) -> None:
    fitted = name_fit(client_key(short), client_key(full))
    assert fitted is not None
    assert fitted.loose  # two letters say little: the pairing asks the baskets to agree


def test_a_dotted_short_form_pairs_on_what_the_client_buys(reconcile_lines: Reconcile) -> None:
    vendor = [
        "Evangelische Kirchengemeinde St. Petri,Microsoft 365 Business Basic,14,6.00",
        "Evangelische Kirchengemeinde St. Petri,Microsoft Defender for Business,10,3.00",
        "Evangelische Kirchengemeinde St. Pauli,Microsoft 365 Business Basic,5,6.00",
    ]
    psa = [
        "ev. kirchengemeinde st. petri,Microsoft 365 Business Basic,14,7.20",
        "ev. kirchengemeinde st. petri,Microsoft Defender for Business,8,3.60",
        "Evangelische Kirchengemeinde St. Pauli,Microsoft 365 Business Basic,5,7.20",
    ]
    result = reconcile_lines(vendor, psa)
    assert [(d.type, d.client, d.product) for d in result.discrepancies] == [
        ("under_billed", "ev. kirchengemeinde st. petri", "Microsoft Defender for Business")
    ]


def test_two_letters_alone_are_never_enough() -> None:
    """ "Ev Bakery" may be Evergreen Bakery only if what it buys agrees: a loose fit."""
    fitted = name_fit(client_key("Ev Bakery"), client_key("Evergreen Bakery"))
    assert fitted is not None and fitted.loose


@pytest.mark.parametrize(
    ("typed", "once"),
    [
        ("zoom meetings - zoom meetings", "zoom meetings"),
        ("Monthly: Zoom Workplc Pro - Monthly: Zoom Workplc Pro", "Monthly: Zoom Workplc Pro"),
        ("Visio Plan 2 | VISIO PLAN 2", "Visio Plan 2"),
    ],
)
def test_a_text_a_sync_wrote_twice_is_read_once(typed: str, once: str) -> None:
    assert without_text_artefacts(typed) == once


def test_two_products_on_one_line_stay_two() -> None:
    assert without_text_artefacts("Plan 1 - Plan 2") == "Plan 1 - Plan 2"


def test_the_name_staff_use_pairs_when_what_it_buys_agrees(reconcile_lines: Reconcile) -> None:
    """ "McAllister's" leaves out three words of the bill's name: only the same products at the same
    seats make it that client, and then only as *check first*."""
    vendor = [
        "McAllister Credit Union Services LLC,Microsoft 365 Business Premium,6,22.00",
        "McAllister Credit Union Services LLC,Power BI Pro,2,14.00",
        "McAllister Credit Union Services LLC,Microsoft Teams Premium,3,10.00",
    ]
    psa = [
        "McAllister's,Microsoft 365 Business Premium,6,27.50",
        "McAllister's,Power BI Pro,2,16.50",
    ]
    result = reconcile_lines(vendor, psa)
    [match] = result.client_matches
    assert (match.vendor_name, match.psa_name) == (
        "McAllister Credit Union Services LLC",
        "McAllister's",
    )
    assert match.confidence < 0.9
    assert [(d.type, d.client) for d in result.discrepancies] == [("unbilled", "McAllister's")]


def test_the_name_staff_use_never_pairs_on_one_product(reconcile_lines: Reconcile) -> None:
    vendor = ["McAllister Credit Union Services LLC,Microsoft 365 Business Premium,6,22.00"]
    psa = ["McAllister's,Microsoft 365 Business Premium,6,27.50"]
    result = reconcile_lines(vendor, psa)
    assert not [m for m in result.client_matches if m.vendor_name and m.psa_name]
