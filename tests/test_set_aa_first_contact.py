"""Set AA at first contact, and set Z read again (twenty-sixth session; seed 1, 200 clients,
engine at 6eea887). Set AA is an ordinary month whose clients look alike and buy alike; at first
contact 0.791 / 0.964 / 0.960 (its clean twin 0.910 / 0.993 / 0.990). What a person reads at once:

- last month's adjustment on its own line beside this month's ("Keeper Business (01/10/2026 -
  31/10/2026)" under "Keeper Business"): no part of November's bill; a span on a line alone is
  the month a book billed, and stays;
- a site's code before every line of a client ("SYD01 - …", "NYC1 - …");
- an office's compass point written short ("Lindqvist Accountants E. Pty Ltd", "… Sth");
- products Microsoft renamed (Cloud App Security, Power Apps per user plan);
- "Cloud sub - Bus Premium 365": words many products use, in front, say what kind of thing
  follows.

Set Z read again: a surname written as it was heard ("Neal" for Neill, "Kay" for Kaye), confirmed
by what the client buys; a legal form that tells the bill's twins apart is never crossed on a thin
basket; a key spelled a little apart from the twins' keeps its form; a name's domain, account
number or legal tail set aside to tell which twin a PSA spelling is.
"""

from __future__ import annotations

from pathlib import Path

from engine.match.catalogue import load_catalogue
from engine.match.client_evidence import name_fit
from engine.match.client_keys import client_key
from engine.match.leading_labels import labels_seen
from engine.match.product_notes import note_reader
from engine.match.surname_sounds import sounds_alike
from tests.small_exports import pairs as _pairs
from tests.small_exports import pc as _pc
from tests.small_exports import psa as _psa
from tests.small_exports import run as _run

# -- last month's adjustment --------------------------------------------------------------------


def test_last_months_adjustment_beside_this_months_line_bills_nothing(tmp_path: Path) -> None:
    """Differences: none. The PSA bills Keeper's 7 seats, and beside them October's adjustment of
    1 seat; counted, it would show Keeper over-billed by one seat."""
    vendor = _pc(
        [
            ("Ashby Veterinary Clinic", "Keeper Business", 7, "4.00"),
            ("Ashby Veterinary Clinic", "Microsoft 365 Business Standard", 5, "12.50"),
            ("Clearwater Mortgage Brokers", "Keeper Business", 3, "4.00"),
        ]
    )
    psa = _psa(
        [
            ("Ashby Veterinary Clinic", "Keeper Business", 7, "4.50"),
            ("Ashby Veterinary Clinic", "Keeper Business (01/10/2026 - 31/10/2026)", 1, "4.50"),
            ("Ashby Veterinary Clinic", "Microsoft 365 Business Standard", 5, "14.00"),
            ("Clearwater Mortgage Brokers", "Keeper Business", 3, "4.50"),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert result.discrepancies == ()
    assert any("ended 2026-10-31" in x.reason for x in result.excluded)


def test_a_span_on_lines_alone_is_the_books_month_and_counts(tmp_path: Path) -> None:
    """Differences: none once every line counts. The book writes the month on lines of their
    own (billing in arrears, or a note): no adjustment, so no line is set aside even where one
    stands beside its product's other line."""
    vendor = _pc(
        [
            ("Alder Law Partners", "1Password Business", 15, "7.00"),
            ("Tremblay Legal Services", "RingCentral RingEX Core", 8, "20.00"),
            ("Carlisle Accountants", "SentinelOne Singularity Complete", 1, "5.00"),
        ]
    )
    psa = _psa(
        [
            ("Alder Law Partners", "1Password Business", 2, "7.19"),
            ("Alder Law Partners", "1Password Business 11/1/2026-11/30/2026", 13, "7.19"),
            (
                "Tremblay Legal Services",
                "RingCentral RingEX Core (01/11/2026 - 30/11/2026)",
                8,
                "25",
            ),
            (
                "Carlisle Accountants",
                "SentinelOne Singularity Complete (01/11/2026 - 30/11/2026)",
                1,
                "5.64",
            ),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert result.discrepancies == ()
    assert not any("ended" in x.reason for x in result.excluded)


# -- site codes, compass points, renamed products, words in front --------------------------------


def test_a_sites_code_before_its_lines_is_a_label() -> None:
    names = [
        "SYD01 - Keeper Business",
        "SYD01 - Dialpad Pro",
        "NYC1 - BW Teams",
        "NYC1 - Copilot",
        "E3 - Microsoft 365",  # a plan, never a site
        "Keeper Business",
    ]
    known = frozenset({"keeper", "business", "dialpad", "pro", "e3", "microsoft", "365"})
    labels = labels_seen(names, lambda key: key in {"keeper business", "dialpad pro"}, known)
    assert {"syd01", "nyc1"} <= labels
    assert "e3" not in labels


def test_codes_before_nothing_but_one_name_are_no_labels() -> None:
    """One code before one name, once: a part number as often as a site."""
    labels = labels_seen(
        ["AB12 - Keeper Business"], lambda key: key == "keeper business", frozenset()
    )
    assert labels == frozenset()


def test_an_offices_compass_point_written_short() -> None:
    assert client_key("Lindqvist Accountants E. Pty Ltd") == client_key(
        "Lindqvist Accountants East Pty Ltd"
    )
    assert client_key("Novak Realty Sth Pty Ltd") == client_key("Novak Realty South")
    assert client_key("Novak Realty Ctrl") == client_key("Novak Realty Central")
    assert client_key("Smith E.") == "smith e"  # an initial after a surname, no compass point
    assert client_key("Lindqvist Accountants E.") != client_key("Lindqvist Accountants West")


def test_products_microsoft_renamed_are_the_new_names() -> None:
    catalogue = load_catalogue()

    def named(text: str) -> str | None:
        found = catalogue.resolve(text, (), cutoff=88)
        return found.product.name if found.product else None

    assert named("Microsoft Cloud App Security") == "Microsoft Defender for Cloud Apps"
    assert named("MCAS") == "Microsoft Defender for Cloud Apps"
    assert named("Power Apps per user plan") == "Power Apps Premium"
    assert named("Power Automate per user plan with attended RPA") == "Power Automate Premium"
    # look-alikes stay apart
    assert named("Power Automate unattended RPA add-on") == "Power Automate unattended RPA add-on"
    assert named("Office 365 Cloud App Security") == "Office 365 Cloud App Security"


def test_words_many_products_use_in_front_say_only_what_kind() -> None:
    notes = note_reader(load_catalogue(), [], ["Microsoft 365 Business Premium"])
    assert notes.bare("Cloud sub - Bus Premium 365") == "Bus Premium 365"
    assert notes.bare("Acronis Cyber Protect - Cloud") == ""  # after a name it may be its end


# -- set Z read again: client names ---------------------------------------------------------------


def test_a_surname_written_as_heard() -> None:
    assert sounds_alike("neal", "neill")
    assert sounds_alike("kay", "kaye")
    assert sounds_alike("zhuk", "schuk")
    assert not sounds_alike("dental", "mental")
    assert not sounds_alike("north", "south")
    fitted = name_fit("neill accounting", "neal accounting")
    assert fitted is not None and fitted.loose  # only what the firm buys can confirm it


_NEILL = [
    ("Microsoft 365 E5", 6, "54.00"),
    ("Microsoft 365 Copilot", 2, "30.00"),
    ("Keeper Business", 6, "4.00"),
]


def test_a_surname_heard_pairs_when_what_the_firm_buys_agrees(tmp_path: Path) -> None:
    """Differences: none; one client, its surname taken down over the phone and its trade written
    another way (set Z: "Kay Landscapers Corp." for the bill's "Kaye Landscaping Corp.")."""
    vendor = _pc([("Kaye Landscaping Corp.", p, s, c) for p, s, c in _NEILL])
    psa = _psa([("Kay Landscapers Corp.", p, s, "60.00") for p, s, _ in _NEILL])
    result = _run(tmp_path, vendor, psa)
    assert ("Kaye Landscaping Corp.", "Kay Landscapers Corp.") in _pairs(result)
    assert {d.type for d in result.discrepancies} <= {"below_cost"}


def test_a_surname_heard_is_not_enough_when_the_baskets_differ(tmp_path: Path) -> None:
    """Two firms: Neill's E5 and Copilot, Neal's Dropbox and Zoom; never one client."""
    vendor = _pc(
        [("Neill Accounting LLC", p, s, c) for p, s, c in _NEILL]
        + [("Okafor Freight Ltd", "Dropbox Business Standard", 2, "15.00")]
    )
    psa = _psa(
        [
            ("Neal Accounting LLC", "Dropbox Business Standard", 4, "15.00"),
            ("Neal Accounting LLC", "Zoom Workplace Pro", 3, "16.00"),
            ("Okafor Freight Ltd", "Dropbox Business Standard", 2, "16.00"),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert ("Neill Accounting LLC", "Neal Accounting LLC") not in _pairs(result)


def test_the_bills_legal_twins_are_never_crossed_on_a_thin_basket(tmp_path: Path) -> None:
    """Set Z: the bill names K&L Surveying LLC and K&L Surveying Ltd; the PSA K&L Surveyors LLC and
    K&L Surveyors Inc. — an Inc. is no Ltd, though three of its products are the Ltd's, at other
    seats. Differences: the Inc. is billed with no vendor record; the Ltd is unbilled."""
    vendor = _pc(
        [
            ("K&L Surveying LLC", "Microsoft 365 Business Standard", 4, "12.50"),
            ("K&L Surveying LLC", "Bitwarden Teams", 3, "4.00"),
            ("K&L Surveying Ltd", "Exchange Online Archiving", 11, "3.00"),
            ("K&L Surveying Ltd", "Keeper Business", 7, "4.00"),
            ("K&L Surveying Ltd", "Dropsuite Email Backup", 12, "2.00"),
            ("K&L Surveying Ltd", "Acronis Cyber Protect Cloud - Backup Workstation", 11, "7.00"),
        ]
    )
    psa = _psa(
        [
            ("K&L Surveyors LLC", "Microsoft 365 Business Standard", 4, "14.00"),
            ("K&L Surveyors LLC", "Bitwarden Teams", 3, "5.00"),
            ("K&L Surveyors Inc.", "Exchange Online Archiving", 3, "3.50"),
            ("K&L Surveyors Inc.", "Keeper Business", 1, "4.50"),
            ("K&L Surveyors Inc.", "Dropsuite Email Backup", 3, "2.50"),
            ("K&L Surveyors Inc.", "Microsoft 365 Business Premium", 4, "24.00"),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert ("K&L Surveying Ltd", "K&L Surveyors Inc.") not in _pairs(result)
    assert ("K&L Surveying LLC", "K&L Surveyors LLC") in _pairs(result)


def test_a_twins_key_spelled_a_little_apart_keeps_its_form(tmp_path: Path) -> None:
    """Set Z: the PSA names Barrett Engineers LLC and Barrett Engineers Pty Ltd; the bill names
    "Barrett Engineering LLC" and a tenant label, "barrettengineering". The bill's LLC is the
    PSA's LLC. Differences: none."""
    vendor = _pc(
        [
            ("Barrett Engineering LLC", "Keeper Business", 5, "4.00"),
            ("Barrett Engineering LLC", "Huntress Managed EDR", 5, "6.00"),
            ("barrettengineering", "Microsoft 365 E3", 9, "36.00"),
            ("barrettengineering", "Dropsuite Email Backup", 9, "2.00"),
        ]
    )
    psa = _psa(
        [
            ("Barrett Engineers LLC", "Keeper Business", 5, "4.50"),
            ("Barrett Engineers LLC", "Huntress Managed EDR", 5, "7.00"),
            ("Barrett Engineers Pty Ltd", "Microsoft 365 E3", 9, "40.00"),
            ("Barrett Engineers Pty Ltd", "Dropsuite Email Backup", 9, "2.50"),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert ("Barrett Engineering LLC", "Barrett Engineers LLC") in _pairs(result)
    assert result.discrepancies == ()


def test_which_twin_a_psa_spelling_is_read_without_what_exports_add(tmp_path: Path) -> None:
    """Set Z: two tenants, "Redwood Dental Group LLC" and "Redwood Dental Group" (its domain in
    brackets), each billed Business Premium; the PSA writes the one with an account number, the
    other with the law's tail. Differences: none."""
    vendor = _pc(
        [
            ("Redwood Dental Group LLC", "Microsoft 365 Business Premium", 9, "22.00"),
            ("Redwood Dental Group LLC", "Keeper Business", 9, "4.00"),
            (
                "Redwood Dental Group (redwooddentalgroup.com)",
                "Microsoft 365 Business Premium",
                4,
                "22.00",
            ),
            ("Redwood Dental Group (redwooddentalgroup.com)", "Microsoft 365 E5", 2, "54.00"),
        ]
    )
    psa = _psa(
        [
            (
                "Redwood Dental Group LLC, a New York limited liability company",
                "Microsoft 365 Business Premium",
                9,
                "25.00",
            ),
            (
                "Redwood Dental Group LLC, a New York limited liability company",
                "Keeper Business",
                9,
                "4.50",
            ),
            ("16142 - Redwood Dental Group", "Microsoft 365 Business Premium", 4, "25.00"),
            ("16142 - Redwood Dental Group", "Microsoft 365 E5", 2, "60.00"),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert result.discrepancies == ()


# -- set AA: the house's shorthand on several lines of one product ---------------------------------


def test_a_price_per_device_a_month_is_how_it_is_counted() -> None:
    from engine.match.product_names import product_key

    assert product_key("Huntress Managed EDR - per device / month") == product_key(
        "Huntress Managed EDR"
    )
    # "per device" alone may be an edition's word, and stays
    assert product_key("Windows 11 Enterprise E3 per device") != product_key(
        "Windows 11 Enterprise E3"
    )


def test_a_distributors_part_number_before_a_name_billed_per_device() -> None:
    notes = note_reader(load_catalogue(), [], ["Huntress Managed EDR"])
    assert notes.bare("3P-EDR-1M Huntress Managed EDR - per device / month") == (
        "Huntress Managed EDR - per device / month"
    )


_WS = "Acronis Cyber Protect Cloud - Workstation"
_SRV = "Acronis Cyber Protect Cloud - Server"


def test_top_ups_and_credits_beside_the_houses_own_shorthand(tmp_path: Path) -> None:
    """The books write Acronis Workstation "Acronis WS" and Bitwarden Teams "BW Teams"; Ashby's
    seats added mid-month are a line of their own, and a leaver's seat a credit. Differences:
    none (the vendor bills Ashby 10 workstations and 12 Bitwarden seats; the books 8 + 2 and
    13 - 1)."""
    vendor = _pc(
        [
            ("Ashby Veterinary Clinic", _WS, 10, "4.00"),
            ("Ashby Veterinary Clinic", "Bitwarden Teams", 12, "4.00"),
            ("Brunswick Auto", _WS, 5, "4.00"),
            ("Brunswick Auto", "Bitwarden Teams", 4, "4.00"),
            ("Carrington Electrical", _WS, 3, "4.00"),
            ("Carrington Electrical", "Bitwarden Teams", 2, "4.00"),
        ]
    )
    psa = _psa(
        [
            ("Ashby Veterinary Clinic", "Acronis WS", 8, "5.33"),
            ("Ashby Veterinary Clinic", "Acronis WS - top-up 17 Nov", 2, "5.33"),
            ("Ashby Veterinary Clinic", "BW Teams", 13, "4.76"),
            ("Ashby Veterinary Clinic", "Credit: BW Teams - leaver R. Patel", -1, "4.76"),
            ("Brunswick Auto", "Acronis WS", 5, "5.33"),
            ("Brunswick Auto", "BW Teams", 4, "4.76"),
            ("Carrington Electrical", "Acronis WS", 3, "5.33"),
            ("Carrington Electrical", "BW Teams", 2, "4.76"),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert result.discrepancies == ()


_WS_SEATS = [("Ashby Veterinary Clinic", 8), ("Brunswick Auto", 5), ("Carrington Electrical", 3)]


def test_the_houses_shorthand_for_one_edition_never_becomes_another(tmp_path: Path) -> None:
    """ "Acronis WS" is the Workstation at three clients; at Dawes, whose bill has only the Server,
    it is still the Workstation — billed with no vendor record — never the Server it shares a
    word with. Differences: Dawes' Workstation has no vendor record (3 x 5.33 = 15.99)."""
    vendor = _pc(
        [
            *[(client, _WS, seats, "4.00") for client, seats in _WS_SEATS],
            *[(client, _SRV, 2, "30.00") for client, _ in _WS_SEATS],
            ("Dawes Dental Group", _SRV, 7, "30.00"),
        ]
    )
    psa = _psa(
        [
            *[(client, "Acronis WS", seats, "5.33") for client, seats in _WS_SEATS],
            *[(client, "Acronis SRV", 2, "32.40") for client, _ in _WS_SEATS],
            ("Dawes Dental Group", "Acronis SRV", 7, "32.40"),
            ("Dawes Dental Group", "Acronis WS", 3, "5.33"),
        ]
    )
    result = _run(tmp_path, vendor, psa)
    assert {(d.type, d.product, str(d.monthly_impact)) for d in result.discrepancies} == {
        ("no_vendor_record", _WS, "15.99")
    }


def test_seats_far_apart_are_another_client_that_buys_alike() -> None:
    """Set AA: the bill's Ellery Electrical and the books' "SÁNCHEZ MORA IMPORTACION" (cut at 24)
    buy the same four kinds of thing, one at the same seats, the rest 14 / 6, 12 / 6, 8 / 11:
    no month's leakage runs both ways at once, far apart: two clients. The same products a seat
    apart are one client (and seats short on every product are the leakage itself:
    tests/test_trading_names_by_basket.py)."""
    from decimal import Decimal

    from engine.match.client_baskets import pair_by_basket

    others = {
        f"client {n}": {f"product {n}": Decimal(n + 1), f"product {n + 1}": Decimal(2)}
        for n in range(30)
    }
    ellery = {"ws": Decimal(14), "srv": Decimal(3), "exo": Decimal(12), "keeper": Decimal(8)}

    def paired(books: dict[str, Decimal]) -> bool:
        found = pair_by_basket(
            ["ellery electrical"],
            ["sanchez mora importacion"],
            {**others, "ellery electrical": ellery},
            {"sanchez mora importacion": books},
        )
        return bool(found)

    far = {"bs": Decimal(23), "ws": Decimal(6), "srv": Decimal(3), "exo": Decimal(6)}
    assert not paired({**far, "keeper": Decimal(11)})
    near = {"ws": Decimal(13), "srv": Decimal(3), "exo": Decimal(12), "keeper": Decimal(9)}
    assert paired({**near, "bs": Decimal(23)})


def test_other_makers_renames() -> None:
    from engine.match.product_names import product_key

    for old, new in [
        ("Cisco Duo MFA", "Cisco Duo Essentials"),
        ("Duo Access", "Cisco Duo Advantage"),
        ("Duo Beyond", "Cisco Duo Premier"),
        ("Zoom One Pro", "Zoom Workplace Pro"),
        ("RingCentral MVP Standard", "RingCentral RingEX Standard"),
        ("Foxit PhantomPDF", "Foxit PDF Editor"),
        ("KnowBe4 KMSAT Gold", "KnowBe4 Security Awareness Training Gold"),
    ]:
        assert product_key(old) == product_key(new), old
    # an old name that is also a family's or an older plan's stays as written
    assert product_key("Dropbox Business Standard") != product_key("Dropbox Standard")
    assert product_key("Cisco Duo Essentials") != product_key("Cisco Duo Advantage")
