"""Look-alike merges left on sets L, AF and Y, read again (thirty-second session).

A glued description ("TeamsEssentials") had been explained by its first word alone (the bill's
"Teams", as if the bill had shortened it), so a client billed Teams Essentials without a vendor
record was read as its Teams Phone Standard. A maker in brackets after several of its editions
("Business Standard (Dropbox)") had been taken for a tag put after several names, and the line read
as Microsoft 365 Business Standard. A telephone number in a note ("(DDI block +44 20 7946 0247–997)")
had made the note look like a plan, and the whole line named nothing."""

from __future__ import annotations

from pathlib import Path

from engine.match.catalogue import load_catalogue
from engine.match.product_fit import fit
from engine.match.product_notes import note_reader
from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pc, psa, run


def test_a_glued_name_is_two_words_not_a_lengthened_one(tmp_path: Path) -> None:
    """Differences: Cotswold is billed Teams Essentials (2 seats) that the vendor bills nobody
    (no vendor record, 2 × 4.80 = 9.60). Before: its Teams Phone Standard over-billed and below
    cost, the two products merged."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Cotswold Electrical Services", "Microsoft Teams Phone Standard", 3, "8.00"),
                ("Birch Dental Pty Ltd", "Microsoft Teams Essentials", 2, "4.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Cotswold Electrical Services", "TeamsPhoneStd", 3, "10.40"),
                ("Cotswold Electrical Services", "TeamsEssentials", 2, "4.80"),
                ("Birch Dental Pty Ltd", "Microsoft Teams Essentials", 2, "5.20"),
            ]
        ),
    )
    found = {(d.type, d.client, d.product, str(d.monthly_impact)) for d in result.discrepancies}
    assert found == {
        (
            "no_vendor_record",
            "Cotswold Electrical Services",
            "Microsoft Teams Essentials",
            "9.60",
        )
    }


def test_a_maker_in_brackets_after_its_editions_is_whose_they_are() -> None:
    """ "(Dropbox)" after three of Dropbox's editions is no tag to strip: without it "Licens
    Business Standard" is Microsoft 365 Business Standard. A place after a name still goes."""
    names = [
        "Business Advanced (Dropbox)",
        "Business Standard (Dropbox)",
        "Business Plus (Dropbox)",
        "Licens Business Standard (Dropbox)",
        "Microsoft 365 E3 (Auckland branch)",
    ]
    bill = ["Dropbox Business Standard", "Dropbox Business Advanced", "Microsoft 365 E3"]
    notes = note_reader(load_catalogue(), names, bill)
    assert notes.bare("Licens Business Standard (Dropbox)") == ""
    assert notes.bare("Microsoft 365 E3 (Auckland branch)") == "Microsoft 365 E3"


def test_a_telephone_number_in_a_note_names_no_plan(tmp_path: Path) -> None:
    """Differences: Sandpiper is billed 12 Dialpad Pro seats of the 14 the vendor bills
    (under-billed 2 × 26.50 = 53.00). Before: the line named nothing, all 14 seats unbilled."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Sandpiper Design Studio", "Dialpad Pro", 14, "22.00"),
                ("Cedar Dental Pty Ltd", "Dialpad Pro", 3, "22.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                (
                    "Sandpiper Design Studio",
                    "Dialpad Pro (DDI block +44 20 7946 0247–997)",
                    12,
                    "26.50",
                ),
                ("Cedar Dental Pty Ltd", "Dialpad Pro", 3, "26.50"),
            ]
        ),
    )
    found = {(d.type, d.client, d.product, str(d.monthly_impact)) for d in result.discrepancies}
    assert found == {("under_billed", "Sandpiper Design Studio", "Dialpad Pro", "53.00")}


def test_antivirus_is_no_defender_for_office(tmp_path: Path) -> None:
    """Differences: Karya Teknik is billed "Antivirus per user" (6 seats), which other clients show
    is Bitdefender, beside the Defender for Office 365 (Plan 2) the vendor bills it and the PSA does
    not (unbilled). Before: the antivirus line was read as Defender for Office 365 — mail
    protection, not an endpoint's — by elimination: a price below cost and no unbilled seats."""
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Karya Teknik", "Microsoft 365 Business Premium", 6, "22.00"),
                ("Karya Teknik", "Microsoft Defender for Office 365 (Plan 2)", 6, "5.00"),
                ("Acacia Dental Pty Ltd", "Bitdefender GravityZone Business Security", 5, "2.50"),
                ("Birch Dental Pty Ltd", "Bitdefender GravityZone Business Security", 6, "2.50"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Karya Teknik", "Microsoft 365 Business Premium", 6, "28.60"),
                ("Karya Teknik", "Antivirus per user", 6, "3.50"),
                ("Acacia Dental Pty Ltd", "Bitdefender GravityZone Business Security", 5, "3.50"),
                ("Birch Dental Pty Ltd", "Bitdefender GravityZone Business Security", 6, "3.50"),
            ]
        ),
    )
    defender = [d for d in result.discrepancies if "Defender" in d.product]
    assert [(d.type, d.client, d.psa_rows) for d in defender] == [("unbilled", "Karya Teknik", ())]


def test_two_words_glued_are_read_as_the_two() -> None:
    """ "grp_lic_exchangearchive" (an Entra group's name) is Exchange Online Archiving's words run
    together, no lengthening of the bill's "Exchange" (Plan 1); a glued pair never crosses a
    look-alike boundary."""
    assert fit("exchangearchive", "exchange online archiving") is not None
    assert fit("exchangearchive", "exchange online p1") is None
    assert fit("teamsessentials", "microsoft teams essentials") is not None
    assert fit("teamsessentials", "microsoft teams phone standard") is None
