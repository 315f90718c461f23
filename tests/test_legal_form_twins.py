"""Set N at first contact (seed 1, 200 clients, the diagonal pairs): 13 wrong-customer merges with
people's spellings, 8 with clean ones, all of one kind: two companies whose names differ only in
their legal form, and the PSA's spelling of one of them taken for the other.

- "GmbH" and "GmbH & Co. KG" are two kinds of company (a GmbH & Co. KG is a KG);
- "A/S" is the Danish AS, written with a slash;
- a form followed by a note ("Dubois Architectes SAS - c/o J. Smith") is still that form;
- a PSA name whose legal form is of another kind than the bill's ("Bénard Immobilier SAS" beside
  the bill's "Bénard Immobilier SARL") is that company by its name only when what the two buy
  agrees (two products or more, half the smaller basket);
- a PSA name without a form ("Müller Steuerberatung") beside two forms of it on the bill is left
  to what it buys.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engine.match.legal_twins import legal_kind
from engine.result import Result

Reconcile = Callable[[list[str], list[str]], Result]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Müller Steuerberatung GmbH", "gmbh"),
        ("Müller Steuerberatung GmbH & Co. KG", "kg"),
        ("Acme UG (haftungsbeschränkt) & Co. KG", "kg"),
        ("Søndergaard Ejendomme A/S", "as"),
        ("Søndergaard Ejendomme ApS", "aps"),
        ("Dubois Architectes SAS - c/o J. Smith", "sas"),
        ("Kærgård Financial Services ApS / billing contact M. Jensen", "aps"),
        ("Acme - Downtown", ""),
    ],
)
def test_the_kind_of_legal_form_a_name_ends_in(name: str, kind: str) -> None:
    assert legal_kind(name) == kind


def _merged(result: Result) -> list[tuple[str, str]]:
    return [
        (m.vendor_name, m.psa_name)
        for m in result.client_matches
        if m.vendor_key and m.psa_key and legal_kind(m.vendor_name) != legal_kind(m.psa_name)
    ]


def test_two_kinds_of_company_on_the_bill_stay_two(reconcile_lines: Reconcile) -> None:
    vendor = [
        "Müller Steuerberatung GmbH,Power BI Pro,3,10.00",
        "Müller Steuerberatung GmbH,1Password Business,4,7.00",
        "Müller Steuerberatung GmbH & Co. KG,Office 365 E3,6,20.00",
        "Müller Steuerberatung GmbH & Co. KG,Keeper Business,6,3.00",
        "Søndergaard Ejendomme A/S,Microsoft 365 Business Premium,9,20.00",
        "Søndergaard Ejendomme ApS,Visio Plan 1,2,5.00",
    ]
    psa = [
        "Müller Steuerberatung GmbH,Power BI Pro,3,12.00",
        "Müller Steuerberatung GmbH,1Password Business,4,8.00",
        "Müller Steuerberatung GmbH & Co. KG,Office 365 E3,6,24.00",
        "Müller Steuerberatung GmbH & Co. KG,Keeper Business,6,4.00",
        "Søndergaard Ejendomme A/S,Microsoft 365 Business Premium,9,22.00",
        "Søndergaard Ejendomme ApS,Visio Plan 1,2,6.00",
    ]
    result = reconcile_lines(vendor, psa)
    assert result.discrepancies == ()
    assert _merged(result) == []


def test_a_form_of_another_kind_pairs_only_on_what_it_buys(reconcile_lines: Reconcile) -> None:
    vendor = [
        "Bénard Immobilier SARL,Exchange Online (Plan 2),4,6.00",
        "Bénard Immobilier SARL,Office 365 E1,4,8.00",
        "Dubois Architectes SARL,Microsoft 365 Business Premium,5,20.00",
        "Dubois Architectes SARL,Keeper Business,5,3.00",
    ]
    psa = [
        "Benard Immobilier SAS,Office 365 E3,7,25.00",
        "Benard Immobilier SAS,Microsoft Defender for Business,7,3.00",
        # the same company with its form mistyped: what it buys agrees
        "Dubois Architectes SAS - c/o J. Smith,Microsoft 365 Business Premium,5,22.00",
        "Dubois Architectes SAS - c/o J. Smith,Keeper Business,5,4.00",
    ]
    result = reconcile_lines(vendor, psa)
    pairs = {
        (m.vendor_name, m.psa_name) for m in result.client_matches if m.vendor_key and m.psa_key
    }
    assert pairs == {("Dubois Architectes SARL", "Dubois Architectes SAS - c/o J. Smith")}
    assert {d.type for d in result.discrepancies if d.client.startswith("Ben")} == {
        "no_vendor_record"
    }


def test_a_form_a_letter_off_is_a_slip_unless_the_baskets_disagree(
    reconcile_lines: Reconcile,
) -> None:
    """Sets D and I: "… Dental Practice LP" typed for the bill's "… LLP", "Łódka Medical Centre
    A/S" for "… ApS": the same company, whose in-house product names say little yet."""
    vendor = [
        "Holmfirth & MacKenzie Dental Practice LLP,Microsoft 365 Business Premium,22,20.00",
        "Holmfirth & MacKenzie Dental Practice LLP,Mimecast Email Security Cloud Gateway,22,3.00",
        "Lodka Medical Centre ApS,Visio Plan 2,27,11.00",
    ]
    psa = [
        "Holmfirth & MacKenzie Dental Practice LP,Secure Workplace User,22,24.00",
        "Holmfirth & MacKenzie Dental Practice LP,Mimecast Email Security Cloud Gateway,22,4.00",
        "Lodka Medical Centre A/S,Visio,27,13.00",
    ]
    result = reconcile_lines(vendor, psa)
    assert len([m for m in result.client_matches if m.vendor_key and m.psa_key]) == 2
    assert not [d for d in result.discrepancies if d.type in ("unbilled", "no_vendor_record")]
