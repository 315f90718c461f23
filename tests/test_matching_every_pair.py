"""What set E's off-diagonal format pairs showed (clean spellings, seed 7, every vendor × PSA pair):
a Syncro export with one product column, notes after names, a distributor's unit notes and maker
words, Dicker Data's repeated makers, a family name before a colon, and near-name twins."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from engine.match.catalogue import load_catalogue
from engine.match.client_evidence import pair_by_evidence
from engine.match.product_names import product_key
from engine.match.products import match_products
from engine.read.columns import recognise
from engine.reconcile import reconcile
from engine.result import Result


def _findings(result: Result) -> set[tuple[str, str, str]]:
    return {(d.type, d.client or d.vendor_client, d.product) for d in result.discrepancies}


def test_one_product_column_named_like_a_second_name_is_the_product() -> None:
    """Syncro's invoice lines without a description: "Line Item Name" scores a hair higher as
    the second name column than as the first; it is the only one, so it is the product."""
    headers = ["Invoice #", "Date", "Business Name", "Line Item Name", "Quantity", "Price"]
    data = {
        "Invoice #": ["1208", "1208"],
        "Date": ["2026-09-01", "2026-09-01"],
        "Business Name": ["Kråkenes Freight plc", "Kråkenes Freight plc"],
        "Line Item Name": ["Microsoft 365 Business Basic", "Power BI Pro"],
        "Quantity": ["29", "6"],
        "Price": ["5.21", "11.06"],
    }
    mapping = recognise("psa", headers, data, source="syncro.csv")
    assert mapping.get("product_name") == "Line Item Name"
    assert mapping.get("client") == "Business Name"


def _psa(names: list[str], vendor: tuple[str, ...] | list[str] = ()) -> dict[str, str]:
    """Each PSA spelling's product key, matched by name against the bill's spellings."""
    _, psa = match_products({(v, ()) for v in vendor}, {(n, ()) for n in names})
    return {d[0]: m.key for d, m in psa.items()}


def test_a_place_after_a_plan_is_a_note_though_office_is_a_product_word() -> None:
    keys = _psa(["Project Plan 3 - Head office", "Project Plan 3"])
    assert keys["Project Plan 3 - Head office"] == keys["Project Plan 3"]
    assert not keys["Project Plan 3"].startswith("name:")


def test_a_note_is_read_by_the_products_resellers_sell_not_microsofts_long_tail() -> None:
    """ "Partners" is one slip from "Partner" of Microsoft's "… Partner Sandbox": no product the
    bill or the curated catalogue names, so "- Partners" is who the line is for."""
    keys = _psa(
        ["Keeper Enterprise - Partners", "Keeper Enterprise"],
        ["Keeper Security Enterprise - User", "Keeper Security Business - User"],
    )
    assert keys["Keeper Enterprise - Partners"] == keys["Keeper Enterprise"]
    assert keys["Keeper Enterprise"] == "name:keeper security enterprise"


def test_the_maker_and_all_but_one_word_name_the_product_only_when_one_fits() -> None:
    """Every Keeper product on the bill is "Keeper Security …": "Security" is part of the maker's
    name there, so "Keeper Enterprise" leaves out nothing that tells products apart."""
    bill = ["Keeper Security Enterprise - User", "Keeper Security Business - User"]
    keys = _psa(["Keeper Enterprise"], bill)
    assert keys["Keeper Enterprise"] == "name:keeper security enterprise"
    # one Keeper product alone does not show that "Security" is the maker's
    keys = _psa(["Keeper Enterprise"], bill[:1])
    assert keys["Keeper Enterprise"] == "name:keeper enterprise"
    # without the maker, or when two of the bill's products fit, nothing is decided
    keys = _psa(["Cloud Backup"], ["Dropsuite Cloud Backup - Mailbox"])
    assert keys["Cloud Backup"] == "name:cloud backup"


def test_a_bills_unit_note_does_not_hide_the_product() -> None:
    keys = _psa(["Huntress Managed EDR"], ["Huntress Managed EDR - Endpoint"])
    assert keys["Huntress Managed EDR"] == "name:huntress managed edr endpoint"


def test_a_word_with_its_own_vowels_is_no_shortening_of_another() -> None:
    """Dicker Data's "ESET ESET PROT. ADV 1YR" is no abbreviation of "Proofpoint Essentials
    Advanced" ("eset" for "essentials", "prot" for "proofpoint")."""
    keys = _psa(
        ["Proofpoint Essentials Advanced", "ESET PROTECT Advanced"],
        ["ESET ESET PROT. ADV 1YR", "PROOFPOINT PP ESSENTIALS ADV 1YR"],
    )
    assert keys["ESET PROTECT Advanced"] == "name:eset prot adv"
    assert keys["Proofpoint Essentials Advanced"] != "name:eset prot adv"


def test_bills_short_names_of_microsoft_products() -> None:
    catalogue = load_catalogue()
    d365 = catalogue.resolve("MS NCE D365 BC ESS 1YR").product
    assert d365 is not None and d365.name == "Dynamics 365 Business Central Essentials"
    planner = catalogue.resolve("Project Plan 1").product
    assert planner is not None and planner == catalogue.resolve("Planner Plan 1").product


def test_a_family_name_before_a_colon_is_kept_a_category_is_not() -> None:
    assert product_key("Acronis Cyber Protect Cloud: Microsoft 365 seat").startswith("acronis")
    assert product_key("Licensing:Microsoft 365 E3") == "microsoft 365 e3"
    assert product_key("Cloud Licences:Microsoft 365 E3") == "microsoft 365 e3"


def test_a_catalogue_path_before_the_item_is_no_part_of_it() -> None:
    """Set O: "365> Microsoft® Defender for Office 365 (Plan 1)", a PSA catalogue's folder before
    the item, was billed as a product of its own beside the client's Defender."""
    assert product_key("365> Microsoft® Defender for Office 365 (Plan 1)") == product_key(
        "Microsoft Defender for Office 365 (Plan 1)"
    )
    assert product_key("Cloud > Microsoft > EXO P1") == product_key("Exchange Online (Plan 1)")
    # the suite is the product's family, and a bracketed note is no path
    assert product_key("MS > O365 > E3") == product_key("Office 365 E3")
    assert product_key("Microsoft 365 E3 (>300 seats)") == product_key("Microsoft 365 E3")


def test_the_month_a_line_is_for_is_no_part_of_the_product() -> None:
    assert product_key("Power BI Premium Per User - new users Sept") == product_key(
        "Power BI Premium Per User - new users"
    )


def test_near_name_twins_whose_baskets_disagree_stay_apart() -> None:
    """ "Ó Briain Motors" on the bill and "Ó Briain Motor Finance" in the PSA: a word more on one
    side, and the one product both buy has different seats. A branch written on one side with
    nothing to compare ("Litware Law - Downtown") is still a match to check."""
    motors, finance = "o briain motors", "o briain motor finance"
    bp, e3 = "m365 bp", "m365 e3"
    pairs = pair_by_evidence(
        [motors],
        [finance],
        {motors: {bp: Decimal(20), e3: Decimal(3), "power bi pro": Decimal(2)}},
        {finance: {bp: Decimal(4)}},
    )
    assert pairs == []
    pairs = pair_by_evidence([motors], [finance], {motors: {bp: Decimal(20)}}, {})
    assert [p.confidence for p in pairs] == [0.75]
    # a word more and none changed ("Whitmore Health" for "… Health Partners"): one difference,
    # a match to check even where the seats differ (that is the finding)
    partners, health = "whitmore health partners", "whitmore health"
    pairs = pair_by_evidence(
        [partners],
        [health],
        {partners: {bp: Decimal(20), e3: Decimal(3), "power bi pro": Decimal(2)}},
        {health: {bp: Decimal(24)}},
    )
    assert [p.confidence for p in pairs] == [0.75]


def test_a_psa_only_client_billed_for_a_third_party_product_is_reported(
    write: Callable[..., Path],
) -> None:
    """Pruitt is billed Huntress in the PSA; the bill has Huntress only for Gallagher ("… -
    Endpoint"): Pruitt's line is that product with no vendor record, not "not a product"."""
    vendor = (
        "Customer,Product,Quantity,Unit Cost\n"
        "Gallagher Insurance Brokers,Huntress Managed EDR - Endpoint,5,3.42\n"
        "Pruitt Property Management,Microsoft 365 Business Premium,30,18.70\n"
    )
    psa = (
        "Company,Description,Quantity,Price\n"
        "Gallagher Insurance Brokers,Huntress Managed EDR,5,5.00\n"
        "Pruitt Property Management,Microsoft 365 Business Premium,30,25.30\n"
        "Pruitt Property Management,Huntress Managed EDR,29,5.00\n"
    )
    result = reconcile(write("v.csv", vendor), write("p.csv", psa))
    assert _findings(result) == {
        ("no_vendor_record", "Pruitt Property Management", "Huntress Managed EDR - Endpoint")
    }


def test_the_msps_short_name_pairs_with_the_one_name_it_starts() -> None:
    """ "Brightwater" in the PSA, "Brightwater Property Management" on the bill: no other client's
    name starts that way, and they buy the same three products (seats differ: the findings)."""
    from engine.match.client_baskets import pair_by_basket

    long, short, other = "brightwater property management", "brightwater", "bluewattle dental"
    bp, eoa, teams = "m365 bp", "eoa", "teams premium"
    vendor = {
        long: {bp: Decimal(66), eoa: Decimal(13), teams: Decimal(16)},
        other: {bp: Decimal(5)},
    }
    psa = {short: {bp: Decimal(64), eoa: Decimal(16), teams: Decimal(16)}}
    names = [long, short, other]
    [pair] = pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=names)
    assert (pair.vendor_key, pair.psa_key, pair.confidence) == (long, short, 0.7)
    # a second client whose name starts the same way leaves the short name to the user
    twin = "brightwater dental"
    vendor[twin] = dict(vendor[long])
    assert pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=[*names, twin]) == []
    # different products say nothing, however alike the names
    psa[short] = {"keeper business": Decimal(3)}
    assert pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=names) == []


def test_the_one_company_with_those_initials_pairs_on_half_its_products() -> None:
    """ "YMA Ltd" in the PSA: Yarrow Marketing Agency is the only client whose initials spell it,
    and two of its three products are billed there, one at the same seats: check first."""
    from engine.match.client_baskets import pair_by_basket

    yarrow, yma, other = "yarrow marketing agency", "yma", "yarrow architects"
    e1, ppu, w365, e5s = "office 365 e1", "power bi premium", "windows 365", "m365 e5 security"
    vendor = {
        yarrow: {e1: Decimal(213), ppu: Decimal(3), w365: Decimal(15)},
        other: {e1: Decimal(11)},
    }
    psa = {yma: {e1: Decimal(213), w365: Decimal(12), e5s: Decimal(198)}}
    [pair] = pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=[yarrow, yma, other])
    assert (pair.vendor_key, pair.psa_key, pair.confidence) == (yarrow, yma, 0.7)
    # a second company with those initials: the user decides
    names = [yarrow, yma, other, "york medical associates"]
    assert pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=names) == []


@pytest.mark.parametrize(
    ("spelling", "same_as"),
    [
        (
            "Keeper Security Keeper Business",
            "Keeper Business",
        ),  # the maker's name, then the product
        (
            "CREDIT: Microsoft 365 Business Premium (NCE) - commit reduction",
            "Microsoft 365 Business Premium",
        ),
    ],
)
def test_words_of_the_bill_that_name_no_product(spelling: str, same_as: str) -> None:
    assert product_key(spelling) == product_key(same_as)
    assert product_key("Power BI Power Automate") != product_key("Power Automate")


@pytest.mark.parametrize(
    "spelling",
    [
        "Keeper-Business - Level 3 office",
        "Keeper Business (Suite 12)",
        "Keeper Business - 69 seats",
    ],
)
def test_an_address_or_a_count_after_a_name_is_a_note(spelling: str) -> None:
    keys = _psa([spelling], ["Keeper Business"])
    assert keys[spelling] == "name:keeper business"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        (
            "C1278 4780 - Rheinblick Hill Property Management GmbH",
            "rheinblick hill property management",
        ),
        ("Acct 4990 Coolangatta Bakery Pty Ltd", "coolangatta bakery"),
        ("Store 1024", "store 1024"),
        ("Adventure Accounting Co 18706", "adventure accounting co 18706"),
    ],
)
def test_account_codes_and_their_labels_before_a_name(name: str, key: str) -> None:
    from engine.match.client_keys import client_key

    assert client_key(name) == key
