"""A product's name with the bookkeeper's words around it (twenty-fifth session, from set Y read
again). A person reads each of these lines as the product it names; the engine at 5663e90 put
them all in Excluded as "not a vendor product":

- a label in the bookkeeper's language before many names ("Abonim mujor …", "Abbonament ta'
  kull xahar: …"), the same words before several different whole names;
- a plan written with a number sign ("Exchange Online (Plan #2)", "Plan No. 2");
- "– half-yearly" after the name (the period column says six months);
- people's initials in brackets ("(OA, OD, HJ)": not OneDrive, not Business Basic);
- a note that holds a bracket ("(1 seat(s) to reclaim from leavers)"), a count of seats removed;
- a tag seen after many names with an edition's word in it ("[Cyber Essentials]");
- a distributor's item code beside the whole name ("DSG-ESIG-BP – Docusign eSignature …");
- one line per seat, numbered ("… - seat 02/06");
- the whole name among words of no product, in the middle of other notes.
"""

from __future__ import annotations

from pathlib import Path

from engine.match.catalogue import load_catalogue
from engine.match.leading_labels import labels_seen
from engine.match.product_names import product_key
from engine.match.product_notes import note_reader, split_note
from engine.match.whole_names import whole_name_inside
from engine.reconcile import reconcile


def test_a_plans_number_after_a_number_sign_is_the_plan() -> None:
    plan_2 = product_key("Exchange Online (Plan 2)")
    assert product_key("Exchange Online (Plan #2)") == plan_2
    assert product_key("Exchange Online (Plan No. 2)") == plan_2
    assert product_key("Visio Plan Nr. 1") == product_key("Visio Plan 1")
    assert product_key("Exchange Online (Plan #1)") != plan_2


def test_a_six_month_term_is_no_part_of_the_name() -> None:
    assert product_key("Exchange Online (Plan 2) – half-yearly") == product_key(
        "Exchange Online (Plan 2)"
    )
    assert product_key("Microsoft 365 Business Premium Semi-annual") == product_key(
        "Microsoft 365 Business Premium"
    )


def test_a_note_may_hold_a_bracket_of_its_own() -> None:
    assert split_note("Adobe Acrobat Pro (1 seat(s) to reclaim from leavers)") == (
        "Adobe Acrobat Pro",
        "1 reclaim from leavers",
    )
    assert split_note("Microsoft 365 E3 (no Teams)") == ("Microsoft 365 E3", "noteams")


_VENDOR = ["Microsoft Defender for Business", "Microsoft 365 Business Basic", "Power BI Pro"]


def _notes(psa: list[str]):  # type: ignore[no-untyped-def]
    return note_reader(load_catalogue(), psa, _VENDOR)


def test_initials_in_brackets_are_people_not_products() -> None:
    """ "OD" would be OneDrive and "BB" Business Basic; three people's initials are a note."""
    notes = _notes(["Microsoft Defender for Business (OA, OD, HJ)"])
    assert notes.bare("Microsoft Defender for Business (OA, OD, HJ)") == (
        "Microsoft Defender for Business"
    )
    assert notes.bare("Microsoft 365 (E3, E5)") == ""  # plans, never initials


def test_one_line_per_seat_numbered_is_a_note() -> None:
    """Set Z: the books write a line per seat ("… - seat 02/06"); the seats are the lines."""
    notes = _notes([])
    assert notes.bare("Docusign eSignature Standard - seat 02/06") == "Docusign eSignature Standard"
    assert notes.bare("Power BI Pro - user 2 of 5") == "Power BI Pro"
    assert notes.bare("Visio Plan 2 - Plan 2") == ""  # a plan, never a seat's number


def test_a_tag_seen_after_many_names_is_a_note_even_with_an_editions_word() -> None:
    psa = [
        "Power BI Pro [Cyber Essentials]",
        "Intune [Cyber Essentials]",
        "Microsoft Defender for Business [Cyber Essentials]",
        "Visio Plan 1 [E5 Security]",
    ]
    notes = _notes(psa)
    assert notes.bare("Power BI Pro [Cyber Essentials]") == "Power BI Pro"
    assert notes.bare("Visio Plan 1 [E5 Security]") == ""  # seen once, and an add-on's name
    once = _notes(["Power BI Pro [Cyber Essentials]"])
    assert once.bare("Power BI Pro [Cyber Essentials]") == ""  # seen once: "Essentials" may be one


def test_words_before_several_whole_names_are_a_label() -> None:
    psa = [
        "Abonim mujor Microsoft 365 Business Basic",
        "Abonim mujor Power BI Pro",
        "Abonim mujor MDE P1 x3",
        "Google Workspace Business Standard",
        "Google Workspace Business Plus",
        "Google Workspace Enterprise",
        "Hartwell Exchange Online (Plan 1)",
    ]
    catalogue = load_catalogue()
    known = catalogue.curated_words | {w for n in _VENDOR for w in product_key(n).split()}

    def is_a_product(key: str) -> bool:
        return key in catalogue.by_name

    labels = labels_seen(psa, is_a_product, known)
    assert "abonim mujor" in labels
    assert "google" not in labels  # the words after it are no product's whole name
    assert "hartwell" not in labels  # before one name only
    notes = _notes(psa)
    assert notes.bare("Abonim mujor MDE P1 x3") == "MDE P1 x3"


def test_an_item_code_beside_a_whole_name_is_its_number() -> None:
    notes = _notes([])
    assert notes.bare("CSP-NCE-MDB-1M – Microsoft Defender for Business") == (
        "Microsoft Defender for Business"
    )
    assert notes.bare("Power BI Pro (CSP-NCE-PBIPRO-1M)") == "Power BI Pro"
    assert notes.bare("M365-BP Intune Suite Extra") == ""  # no whole name beside it


def test_a_whole_name_after_words_of_no_product() -> None:
    names = {"power bi pro", "microsoft 365 e5", "keeper business", "exchange online"}
    words = frozenset(
        {"power", "bi", "pro", "microsoft", "365", "e5", "keeper", "business", "dropbox"}
    )
    assert whole_name_inside("abonim vjetor power bi pro", names, words, ()) == "power bi pro"
    assert whole_name_inside("microsoft 365 e5 security", names, words, ()) is None  # add-on
    assert whole_name_inside("microsoft 365 e5 seguridad", names, words, ()) is None  # in Spanish
    assert whole_name_inside("keeper business family", names, words, ()) is None
    assert whole_name_inside("onboarding power bi pro", names, words, ()) is None  # work
    assert whole_name_inside("exchange online 2", names, words, ()) is None  # a plan's number
    assert whole_name_inside("drop box keeper business", names, words, ()) is None  # "Dropbox"
    assert (
        whole_name_inside("power bi pro and keeper business", names, words, ()) is None
    )  # two products
    assert whole_name_inside("power bi pro migration wave", names, words, ()) is None
    assert whole_name_inside("gws business standard", {"business standard"}, words, ()) is None
    family = names | {"exchange online archiving"}
    assert whole_name_inside("archivage exchange online", family, words, ()) is None
    assert whole_name_inside("deopbox keeper business", names, words, ()) is None  # "Dropbox"
    # "Power BI (Reception)" beside the bill's Power BI Pro: the client's products say which
    loose = {"power bi", "power bi pro"}
    assert whole_name_inside("power bi reception", loose, words, {"reception"}) == "power bi"
    assert (
        whole_name_inside("power bi reception", loose, words, {"reception"}, {"power bi pro"})
        is None
    )
    assert (
        whole_name_inside("label power bi pro migration wave", names, words, {"migration", "wave"})
        == "power bi pro"
    )  # the export's own note, seen after several names


def test_a_line_the_vendor_does_not_bill_is_read_by_its_whole_name(tmp_path: Path) -> None:
    """Differences: Hartwell bills Power BI Pro (3 × 14.00) that the vendor does not bill it
    for (no vendor record 42.00), a label before the name and "@ pupm" after; its Business
    Basic matches. Marlowe's onboarding is work, not a licence."""
    (tmp_path / "v.csv").write_text(
        "Customer,Product,Qty,Unit Cost\n"
        "Hartwell Joinery Ltd,Microsoft 365 Business Basic,5,6.00\n"
        "Marlowe Opticians Ltd,Power BI Pro,2,12.00\n"
        "Marlowe Opticians Ltd,Microsoft 365 Business Basic,2,6.00\n",
        encoding="utf-8",
    )
    (tmp_path / "p.csv").write_text(
        "Client,Item,Qty,Price\n"
        "Hartwell Joinery Ltd,Abonim mujor Microsoft 365 Business Basic,5,7.20\n"
        "Hartwell Joinery Ltd,Abonim vjetor Power BI Pro @ pupm,3,14.00\n"
        "Marlowe Opticians Ltd,Abonim mujor Power BI Pro,2,14.00\n"
        "Marlowe Opticians Ltd,Abonim mujor Microsoft 365 Business Basic,2,7.20\n"
        "Marlowe Opticians Ltd,Power BI Pro onboarding,1,150.00\n",
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "v.csv", tmp_path / "p.csv")
    found = {
        (d.type, d.vendor_client or d.client, d.product, str(d.monthly_impact))
        for d in result.discrepancies
    }
    assert found == {("no_vendor_record", "Hartwell Joinery Ltd", "Power BI Pro", "42.00")}
    excluded = {e.product for e in result.excluded if e.side == "psa"}
    assert excluded == {"Power BI Pro onboarding"}
