"""Set T at first contact (nineteenth session; seed 1, 200 clients, the diagonal pairs, engine at
069a51a): people's spellings 0.853 / 0.950 / 0.989 with no client merge and 8 look-alike merges;
clean spellings 1.000 / 0.998 / 0.999 with 2. What a careful person reads and the engine did not:

- Partner Center's SkuName "Microsoft 365 E3 (no Teams)" beside ProductName "Microsoft 365 E3": the
  SKU is the edition bought (its clean look-alike merges);
- a telephone number kept after a customer's name ("Fenwick Interiors Limited 0183 270 5475");
- a PSA that writes one line per user, each spelled its own way.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from engine.match.client_keys import client_key
from engine.match.loanwords import same_word
from engine.match.product_fit import fit
from engine.match.product_names import product_key
from engine.match.products import display_name
from engine.match.text_artefacts import without_text_artefacts
from engine.reconcile import reconcile
from engine.result import Result

Reconcile = Callable[[list[str], list[str]], Result]

PC_HEADER = (
    "CustomerName,CustomerDomainName,ProductId,SkuId,SkuName,ProductName,ChargeType,UnitPrice,"
    "Quantity,Subtotal,Total,Currency,EffectiveUnitPrice,BillingFrequency\n"
)


def test_the_sku_name_says_the_edition_the_product_name_leaves_out(tmp_path: Path) -> None:
    (tmp_path / "recon.csv").write_text(
        PC_HEADER + "Silver Creek Landscaping LLC,silvercreek.onmicrosoft.com,CFQ7TTC0LFLX,0001,"
        "Microsoft 365 E3,Microsoft 365 E3,new,36.00,11,396.00,396.00,USD,36.00,Monthly\n"
        "Silver Creek Landscaping LLC,silvercreek.onmicrosoft.com,CFQ7TTC0LFLX,0007,"
        "Microsoft 365 E3 (no Teams),Microsoft 365 E3,renew,33.75,11,371.25,371.25,USD,33.75,"
        "Monthly\n"
        # most SKUs are named as their product: the product's name is no generic column
        + "".join(
            f"{client},{domain},{product_id},0001,{name},{name},renew,6.00,4,24.00,24.00,USD,"
            "6.00,Monthly\n"
            for client, domain in (("Kurrajong Physio", "kphysio.onmicrosoft.com"),)
            for product_id, name in (
                ("CFQ7TTC0LH18", "Microsoft 365 Business Basic"),
                ("CFQ7TTC0LDPB", "Microsoft 365 Business Standard"),
                ("CFQ7TTC0LCHC", "Microsoft 365 Business Premium"),
                ("CFQ7TTC0LH16", "Exchange Online (Plan 1)"),
            )
        ),
        encoding="utf-8",
    )
    (tmp_path / "psa.csv").write_text(
        "Customer,Item,Qty,Rate\n"
        "Silver Creek Landscaping LLC,Microsoft 365 E3,11,39.60\n"
        "Silver Creek Landscaping LLC,Microsoft 365 E3 (no Teams),8,37.10\n"
        "Kurrajong Physio,Microsoft 365 Business Basic,4,7.50\n"
        "Kurrajong Physio,Microsoft 365 Business Standard,4,7.50\n"
        "Kurrajong Physio,Microsoft 365 Business Premium,4,7.50\n"
        "Kurrajong Physio,Exchange Online (Plan 1),4,7.50\n",
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "recon.csv", tmp_path / "psa.csv")
    assert [(d.type, d.product, d.vendor_qty, d.psa_qty) for d in result.discrepancies] == [
        ("under_billed", "Microsoft 365 E3 (no Teams)", Decimal(11), Decimal(8))
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Fenwick Interiors Limited 0183 270 5475", "Fenwick Interiors Limited"),
        ("Ashcombe Garden Centre plc (Tel. 0190 755 7842)", "Ashcombe Garden Centre plc"),
        ("Wattle Creek Plumbing Pty Ltd - ph +61 2 9876 5432", "Wattle Creek Plumbing Pty Ltd"),
    ],
)
def test_a_telephone_number_is_no_part_of_the_name(written: str, name: str) -> None:
    assert client_key(written) == client_key(name)


@pytest.mark.parametrize(
    "name", ["Bella Napoli Pizzeria Store 12", "Unit 4 Cafe", "Acme 2000 Ltd", "3M Australia"]
)
def test_a_shops_number_or_a_year_is_no_telephone_number(name: str) -> None:
    assert any(ch.isdigit() for ch in client_key(name))


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Microsoft Intune Plan 1\\u00a0licence (per user/month)", "Microsoft Intune Plan 1"),
        ("Microsoft 365 Business Premium\\r\\nNCE", "Microsoft 365 Business Premium"),
        ("58;#Microsoft Intune Plan 1", "Microsoft Intune Plan 1"),
        ("11;#ENTERPRISEPACK", "ENTERPRISEPACK"),
        ("[Office 365 E3](https://admin.microsoft.com) (K. Yamada)", "Office 365 E3 (K. Yamada)"),
        ("`Microsoft 365 Business Standard`", "Microsoft 365 Business Standard"),
        ("**Visio Plan 2**", "Visio Plan 2"),
        ("Planner and Project Plan 3\u00b9", "Planner and Project Plan 3"),
        ("GRP_LIC_ENTERPRISEPACK", "ENTERPRISEPACK"),
        ("SG-Lic-Visio Plan 2", "Visio Plan 2"),
        ("Microsoft Defender for Office 365 (Plan 1) [tier 1: 1-25]", "Defender for Office 365 P1"),
        ("Teams Premium - Tier 2 (26-50 seats)", "Teams Premium"),
        ("Microsoft 365 Business Premium Staffel 1-10", "Microsoft 365 Business Premium"),
        ("Office 365 E3 - 10-20 users", "Office 365 E3"),
        ("Power BI Pro (CSP, not EA)", "Power BI Pro"),
        ("MSA 2024 - Gold - Office 365 E3", "Office 365 E3"),
        ("SLA Silver 36m | Microsoft Intune Plan 1", "Microsoft Intune Plan 1"),
        ("00-Teams Premium", "Teams Premium"),
        ("Acronis Cyber Prot- ect Cloud", "Acronis Cyber Protect Cloud"),
        ("Zoom Workplace Pro (see note 2)", "Zoom Workplace Pro"),
        ("CSP - GRP_LIC_ENTERPRISEPACK", "ENTERPRISEPACK"),
        ("Agreement: Essentials+ (2025) - Business Premium", "Business Premium"),
        ("Vertrag 2025/07 - Microsoft 365 Business Standard", "Microsoft 365 Business Standard"),
        ("[E3](https://admin.microsoft.com) (K. Yamada)", "E3"),
        (
            "K. Yamada: Microsoft 365 Business Standard licence fee",
            "Microsoft 365 Business Standard",
        ),
    ],
)
def test_what_tools_leave_in_a_products_text_is_no_part_of_it(typed: str, name: str) -> None:
    assert product_key(typed) == product_key(name)


@pytest.mark.parametrize(
    "name",
    [
        "O365_BUSINESS_PREMIUM",  # Microsoft's string ids keep their underscores
        "PROJECT_PLAN_3",
        "Exchange Online (Plan 1)",  # a plan in brackets is the name's
        "Microsoft 365 E3 (no Teams)",
        "Microsoft 365 E5 Security",
        "Dynamics 365 for Marketing Addnl Contacts Tier 3",  # Microsoft's own tiers
        "Power Apps Portals login capacity add-on Tier 2 (10 unit min)",
    ],
)
def test_a_names_own_marks_stay(name: str) -> None:
    assert without_text_artefacts(name) == name


@pytest.mark.parametrize(
    ("katakana", "name"),
    [
        ("マイクロソフト 365 ビジネス プレミアム", "Microsoft 365 Business Premium"),
        ("マイクロソフト 365 ビジネス スタンダード", "Microsoft 365 Business Standard"),
        ("マイクロソフト 365 ビジネス ベーシック", "Microsoft 365 Business Basic"),
        ("エクスチェンジ オンライン アーカイブ", "Exchange Online Archive"),
        ("ビジオ プラン 1", "Visio Plan 1"),
        ("チームズ プレミアム", "Teams Premium"),
        ("マイクロソフト 365 コパイロット", "Microsoft 365 Copilot"),
        ("エントラ ID P1", "Entra ID P1"),
    ],
)
def test_catalogue_words_written_in_katakana_are_those_words(katakana: str, name: str) -> None:
    assert product_key(katakana) == product_key(name)


def test_a_bills_own_words_in_katakana_fit_its_products() -> None:
    """Words no catalogue knows (a maker's name) are compared with the product's own words."""
    assert fit(product_key("アクロニス プロテクト"), "acronis cyber protect") is not None
    assert fit(product_key("センチネルワン コンプリート"), "sentinelone complete") is not None
    # the editions stay apart: ベーシック is Basic, never Business or Premium
    assert (
        fit(product_key("マイクロソフト 365 ビジネス ベーシック"), "microsoft 365 business premium")
        is None
    )


@pytest.mark.parametrize(
    ("romanised", "english"),
    [
        ("bijinesu", "basic"),
        ("beshitku", "business"),
        ("puremiamu", "standard"),
        ("saiba", "server"),
    ],
)
def test_words_with_other_consonants_are_other_words(romanised: str, english: str) -> None:
    assert not same_word(romanised, english)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        (
            "Secure User Plus [Microsoft 365 Business Premium included]",
            "Microsoft 365 Business Premium",
        ),
        ("Gold user bundle (includes BizPrem)", "Business Premium"),
        ("Werkplek Compleet (incl. 1Password Business)", "1Password Business"),
    ],
)
def test_a_bundle_of_the_msps_own_is_the_licence_it_includes(typed: str, name: str) -> None:
    assert product_key(typed) == product_key(name)


@pytest.mark.parametrize(
    "typed",
    [
        "Microsoft 365 Business Premium (incl. onboarding)",  # the licence, with work
        "Managed Services (incl. Microsoft 365 E3)",  # the service, with a licence
        "Visio Online P1 Werkplek Compleet (incl. Visio Plan 1)",  # a product named outside
    ],
)
def test_a_name_that_says_a_product_or_a_service_keeps_it(typed: str) -> None:
    assert product_key(typed).split()[0] in ("microsoft", "managed", "visio")


def test_the_markdown_links_text_is_shown() -> None:
    assert display_name("[E3](https://admin.microsoft.com) (K. Yamada)") == "E3 (K. Yamada)"


def test_a_company_in_liquidation_is_the_company() -> None:
    assert client_key("HOFBAUER HOTEL GESELLSCHAFT MBH in Liqu.") == client_key(
        "Hofbauer Hotel GmbH"
    )


def test_an_ordinal_is_the_word_for_it() -> None:
    assert client_key("Fenwick 6th Form College") == client_key("Fenwick Sixth Form College")
    # a store's number in words is its number (set AE, twenty-ninth session: "Branch Twenty-Three"
    # is the bill's "Branch 23"; before, a number in words stayed a word)
    assert client_key("Bella Napoli Store 6") == client_key("Bella Napoli Store Six")
    assert client_key("Bella Napoli Store 6") != client_key("Bella Napoli Store Seven")


def test_a_word_no_table_knows_is_not_overlooked_beside_a_look_alike(
    reconcile_lines: Reconcile,
) -> None:
    """ "E5 Biztonság" (Hungarian for Security, a word no table knows) at a client that buys E5
    Security is never the E5 another client buys: the line is shown as its own, to be checked.
    ("E5 Seguridad", which this test used before, is now read as E5 Security: set AF.)"""
    vendor = [
        "Kwik Lube Express Store 32 B.V.,Microsoft 365 E5 Security,20,12.00",
        "Kwik Lube Express Store 32 B.V.,Microsoft 365 E3,15,36.00",
        "Dakwerken Verstraete BV,Microsoft 365 E5,10,57.00",
    ]
    psa = [
        "Kwik Lube Express Store 32 B.V.,Microsoft 365 E5 Security,5,13.50",
        "Kwik Lube Express Store 32 B.V.,Microsoft 365 E5 Biztonság,12,13.50",
        "Kwik Lube Express Store 32 B.V.,Microsoft 365 E3,15,39.05",
        "Dakwerken Verstraete BV,Microsoft 365 E5,10,62.00",
    ]
    result = reconcile_lines(vendor, psa)
    assert "Microsoft 365 E5" not in {d.product for d in result.discrepancies}
    assert [d.psa_product for d in result.discrepancies if d.check_first] == [
        "Microsoft 365 E5 Biztonság"  # its own, to be read
    ]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Teams Prem Microsoft Teams Premium", "Microsoft Teams Premium"),
        ("Proj Plan 3 Planner and Project Plan 3", "Planner and Project Plan 3"),
        ("Huntress EDR Huntress Managed EDR", "Huntress Managed EDR"),
        ("Intune Pl. 1 Microsoft Intune Plan 1", "Microsoft Intune Plan 1"),
        ("M365 BP Mcrsft 365 Bsnss Prmm", "Microsoft 365 Business Premium"),
        (
            "Microsoft 365 Business Premium Microsoft 365 Business Premium",
            "Microsoft 365 Business Premium",
        ),
    ],
)
def test_a_name_written_short_and_in_full_is_the_full_name(typed: str, name: str) -> None:
    assert product_key(typed) == product_key(name)


@pytest.mark.parametrize(
    "name",
    [
        "Exchange Online Archiving for Exchange Online",  # one name that says its words twice
        "Microsoft 365 E3 Microsoft 365 E5",  # two products on one line stay two
        "Power BI Pro Power BI Premium Per User",
    ],
)
def test_a_name_that_repeats_its_words_is_no_short_form(name: str) -> None:
    assert len(product_key(name).split()) >= 5


def test_a_word_beside_a_product_and_its_look_alike_decides_for_neither(
    reconcile_lines: Reconcile,
) -> None:
    """A client buying E5 and E5 Security: "E5 Seguridad" fits E5 but for a word, the word that
    may be Security's; it is never counted as E5."""
    vendor = [
        "Wyndham Financial Planning Ltd,Microsoft 365 E5,2,57.00",
        "Wyndham Financial Planning Ltd,Microsoft 365 E5 Security,2,12.00",
    ]
    psa = [
        "Wyndham Financial Planning Ltd,Microsoft 365 E5,2,62.00",
        "Wyndham Financial Planning Ltd,Microsoft 365 E5 Seguridad,2,11.97",
    ]
    result = reconcile_lines(vendor, psa)
    assert not [d for d in result.discrepancies if d.product == "Microsoft 365 E5"]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Milbridge, Town of", "Town of Milbridge"),
        ("Ashe County", "County of Ashe"),
        ("SHIRE OF MANDURAH", "Mandurah Shire"),
    ],
)
def test_a_local_governments_name_in_either_order(written: str, name: str) -> None:
    assert client_key(written) == client_key(name)


def test_words_written_as_their_initials_pair(reconcile_lines: Reconcile) -> None:
    vendor = [
        "Whitfield & Delgado Certified Public Accountants LLP,Microsoft 365 Business Premium,5,22.00",
        "Cedar Valley Independent School District,Microsoft 365 A3,40,3.25",
        "Cedar Valley Dental Group,Microsoft 365 Business Basic,4,6.00",
    ]
    psa = [
        "Whitfield & Delgado CPAs LLP,Microsoft 365 Business Premium,5,27.50",
        "Cedar Valley ISD,Microsoft 365 A3,40,4.00",
        "Cedar Valley Dental Group,Microsoft 365 Business Basic,4,7.50",
    ]
    result = reconcile_lines(vendor, psa)
    assert result.discrepancies == ()
    assert {(m.vendor_name, m.psa_name) for m in result.client_matches if m.method == "fuzzy"} == {
        ("Whitfield & Delgado Certified Public Accountants LLP", "Whitfield & Delgado CPAs LLP"),
        ("Cedar Valley Independent School District", "Cedar Valley ISD"),
    }


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Premium (Microsoft Teams)", "Microsoft Teams Premium"),
        ("Plan 1 (Visio)", "Visio Plan 1"),
        ("Business Premium (Microsoft 365)", "Microsoft 365 Business Premium"),
        ("Standard (Microsoft Teams Phone)", "Microsoft Teams Phone Standard"),
    ],
)
def test_a_plan_written_before_its_family_in_brackets(typed: str, name: str) -> None:
    assert product_key(typed) == product_key(name)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("4100 · Staff licences (Microsoft)", "staff"),  # the maker only
        ("E3 enterprise suite (Office + Windows Enterprise + Intune)", "e3"),  # what it includes
        ("Visio Plan 2 (Microsoft)", "visio"),
    ],
)
def test_brackets_that_name_no_single_family_stay_behind(typed: str, first: str) -> None:
    assert product_key(typed).split()[0] == first
