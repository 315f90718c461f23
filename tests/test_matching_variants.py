"""Names as real systems differ: each row is one class of difference from issue 9, both directions.

Client rows: vendor spelling | PSA spelling. Product rows: PSA description | the client's vendor
products (";"-separated) | the product it must resolve to ("" = none: a service or nothing it can be).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.match.client_evidence import name_fit
from engine.match.client_keys import client_key
from engine.match.clients import match_clients
from engine.match.description_words import service_words
from engine.match.product_context import infer
from engine.match.product_fit import fit
from engine.match.product_names import product_key

SAME_CLIENT = """
Contoso Limited|Contoso Limietd
Fabrikam Corporation|Fabrikam Corporaiton
Blue Yonder Airlines Incorporated|Blue Yonder Arlines Inc
Adatum Property Management LLC|Adatum Property Mngmt
Wingtip Toys Services Ltd|Wingtip Toys Scvs
Northwind Dental Group|Northwind Dental
Proseware Inc (Main Office)|Proseware
Tailspin Store #9|Tailspin Store No. 9
Tailspin Store 9|Tailspin #9
Coho Winery LLC dba Coho Vineyards|Coho Vineyards
Bjørn Hansen AS|Bjorn Hansen
Müller Bäckerei GmbH|Muller Backerei
Straße Partners|Strasse Partners
Næstved Tømrer ApS|Naestved Tomrer
LITWARE, INC.|Litware Inc
Blue Ridge Distribution International Ltd|Blue Ridge Dstrbtn International Ltd
Fairview Manufacturing Company LLC|Fairview Mfctrng Company LLC
Zenith Law Inc. - North|Zenith Law Icn. - North
Larchmont Distribution LLP|Larchmont Distrib LLP
Emberly Family Medicine Inc|Emberly Family Med. Inc
Lakeshore Technologies Corporation|Lakeshore Tecnologies Corporation
Osprey Technologies LLC|Osprey Tcehnologies LLC
"""
DIFFERENT_CLIENTS = """
Northwind Dental Group|Northwind Dental Lab
Acme Store 12|Acme Store 15
Acme Store #12|Acme No. 15
Sunrise Engineering Solutions LLC|Sunrise Engineering Solutions 75
Fourth Coffee Roasters|Fourth Coffee Bakery
Bayside Marketing Group|Bayside Mining Group
Summit Printers LLP|Summit Partners LLP
Zenith Law Inc. - North|Zenith Law Icn. - South
Harbor Community Bank|Harbor Communications
"""


def _rows(table: str) -> list[list[str]]:
    return [line.split("|") for line in table.strip().splitlines()]


def _paired(vendor: str, psa: str) -> bool:
    matches = match_clients({client_key(vendor): vendor}, {client_key(psa): psa})
    return any(m.vendor_key and m.psa_key for m in matches)


@pytest.mark.parametrize("vendor,psa", _rows(SAME_CLIENT))
def test_spellings_of_one_client_match_both_ways(vendor: str, psa: str) -> None:
    assert _paired(vendor, psa)
    assert _paired(psa, vendor)


@pytest.mark.parametrize("vendor,psa", _rows(DIFFERENT_CLIENTS))
def test_siblings_and_numbered_clients_never_merge(vendor: str, psa: str) -> None:
    assert not _paired(vendor, psa)
    assert not _paired(psa, vendor)


def test_a_branch_suffix_alone_is_a_match_to_check_unless_the_baskets_agree() -> None:
    vendor, psa = "Litware Law - Downtown", "Litware Law"
    plain = match_clients({client_key(vendor): vendor}, {client_key(psa): psa})
    [pair] = [m for m in plain if m.vendor_key and m.psa_key]
    assert pair.confidence < 0.8  # check first
    basket = {"microsoft 365 business premium": __import__("decimal").Decimal(12)}
    backed = match_clients(
        {client_key(vendor): vendor},
        {client_key(psa): psa},
        vendor_baskets={client_key(vendor): basket},
        psa_baskets={client_key(psa): basket},
    )
    [pair] = [m for m in backed if m.vendor_key and m.psa_key]
    assert pair.confidence >= 0.8
    assert "products in common" in pair.evidence


def test_two_close_candidates_stay_unmatched() -> None:
    names = ["Litware Law - Downtown", "Litware Law - Uptown"]
    matches = match_clients({client_key(n): n for n in names}, {"litware law": "Litware Law"})
    assert not any(m.vendor_key and m.psa_key for m in matches)


def test_name_fit_reports_the_word_one_side_lacks() -> None:
    fitted = name_fit("litware law downtown", "litware law")
    assert fitted is not None and fitted.extra == ("downtown",)


IN_CONTEXT = """
Office E3|Office 365 E3;Exchange Online (Plan 1)|Office 365 E3
E3|Microsoft 365 E3;Power BI Pro|Microsoft 365 E3
E5|Microsoft 365 E3;Microsoft 365 E5 Security|
Copilot|Microsoft 365 Copilot;Microsoft 365 Business Premium|Microsoft 365 Copilot
Visio|Visio Plan 2;Project Plan 3|Visio Plan 2
M365 E5 Sec|Microsoft 365 E5;Microsoft 365 E5 Security|Microsoft 365 E5 Security
PBI Pro - per user|Power BI Pro;Microsoft 365 E3|Power BI Pro
Buisness Premum Licence|Microsoft 365 Business Premium;Microsoft 365 Business Basic|Microsoft 365 Business Premium
Acronis Cyber Protect|Acronis Cyber Protect Cloud Per Workload;Microsoft 365 Business Basic|Acronis Cyber Protect Cloud Per Workload
Managed Services - Per User|Microsoft 365 Business Premium;Acronis Cyber Protect Cloud|
Onsite Labour|Microsoft 365 Business Premium|
"""


@pytest.mark.parametrize("description,basket,expected", _rows(IN_CONTEXT))
def test_descriptions_resolve_against_what_the_client_buys(
    description: str, basket: str, expected: str
) -> None:
    from decimal import Decimal

    products = {product_key(name): name for name in basket.split(";")}
    names = {key: key for key in products}
    found = infer(
        [(0, product_key(description), Decimal(5))],
        {0: {key: Decimal(10) for key in products}},
        {0: {}},
        names,
    )
    got = found.get((0, product_key(description)))
    assert (products[got.product_key] if got else "") == expected


def test_look_alikes_never_fit_each_other() -> None:
    pairs = [
        ("Microsoft 365 E5 Security", "Microsoft 365 E5"),
        ("Microsoft 365 E5", "Microsoft 365 E5 Security"),
        ("Office 365 E3", "Microsoft 365 E3"),
        ("Business Basic", "Microsoft 365 Business Premium"),
        ("Exchange Online Plan 2", "Exchange Online (Plan 1)"),
        ("Microsoft 365 E3 (no Teams)", "Microsoft 365 E3"),
    ]
    for description, name in pairs:
        found = fit(product_key(description), product_key(name))
        assert found is None or found.missing_discriminators > 0, (description, name)


def test_a_spelling_paired_for_several_clients_is_learned_for_all() -> None:
    from decimal import Decimal

    key = "defender for office 365 p1"
    pending = [(g, "sec suite", Decimal(7)) for g in range(3)]
    baskets = {
        0: {key: Decimal(7)},
        1: {key: Decimal(7)},
        2: {key: Decimal(9), "other": Decimal(9)},
    }
    found = infer(pending, baskets, {0: {}, 1: {}, 2: {}}, {key: key, "other": "other"})
    assert {g: found[(g, "sec suite")].method for g in range(3)} == {
        0: "learned",
        1: "learned",
        2: "learned",
    }
    assert found[(2, "sec suite")].evidence == "learned from 2 clients"


def test_a_line_whose_seats_fill_the_gap_of_a_billed_product_is_that_product() -> None:
    """'Exec Toolkit' says nothing of what it is; its 3 seats are exactly what the client's other
    Copilot lines leave unbilled."""
    from decimal import Decimal

    key = "microsoft 365 copilot"
    found = infer(
        [(0, "exec toolkit", Decimal(3))],
        {0: {key: Decimal(10), "other": Decimal(4)}},
        {0: {key: Decimal(7), "other": Decimal(4)}},
        {key: key, "other": "other"},
    )
    assert found[(0, "exec toolkit")].product_key == key
    assert found[(0, "exec toolkit")].method == "seat gap"


@pytest.mark.parametrize(
    "seats,expected",
    [
        (3, "microsoft 365 copilot"),  # the gap exactly
        (2, "microsoft 365 copilot"),  # fits in what is left: an under-billing, checked first
        (5, ""),  # more than is left unbilled: may be another AI product the vendor does not bill
    ],
)
def test_an_in_house_name_is_the_rest_of_its_kind_when_its_seats_fit(
    seats: int, expected: str
) -> None:
    """'AI Assistant' beside Copilot already billed for 7 of its 10 seats on another line."""
    from decimal import Decimal

    key = "microsoft 365 copilot"
    found = infer(
        [(0, "ai assistant", Decimal(seats))],
        {0: {key: Decimal(10), "other": Decimal(4)}},
        {0: {key: Decimal(7), "other": Decimal(4)}},
        {key: key, "other": "other"},
    )
    got = found.get((0, "ai assistant"))
    assert (got.product_key if got else "") == expected
    if got:
        assert got.confidence < 0.8


@pytest.mark.parametrize(
    "description,basket,expected",
    [
        (
            "AI Assistant",
            "Microsoft 365 Copilot;Microsoft Teams Phone Standard",
            "Microsoft 365 Copilot",
        ),
        ("Archive Mailbox", "Exchange Online Archiving;Power BI Pro", "Exchange Online Archiving"),
        ("Password Vault", "Keeper Business;Microsoft 365 Business Basic", "Keeper Business"),
        # every concept word must agree: email threat protection is not an archive
        ("Email Threat Protection", "Exchange Online Archiving;Power BI Pro", ""),
        # a concept that points at two unpaired products decides nothing
        ("Backup for 365", "Dropsuite Backup;Datto SaaS Protection", ""),
        # a service line stays a service, whatever it mentions
        ("Workstation Backup per device", "Dropsuite Backup;Power BI Pro", ""),
    ],
)
def test_in_house_names_pick_the_one_unpaired_product_of_their_kind(
    description: str, basket: str, expected: str
) -> None:
    from decimal import Decimal

    products = {product_key(name): name for name in basket.split(";")}
    seats = {key: Decimal(10 + i) for i, key in enumerate(products)}  # no seat count gives it away
    found = infer(
        [(0, product_key(description), Decimal(3))], {0: seats}, {0: {}}, {k: k for k in products}
    )
    got = found.get((0, product_key(description)))
    assert (products[got.product_key] if got else "") == expected


def test_learned_product_spellings_are_added_to_product_aliases_with_their_evidence(
    tmp_path: Path, template_bytes: bytes
) -> None:
    """An in-house name resolved from what the client buys lands in Product Aliases (vendor
    spelling → PSA spelling, with how and why), for the user to keep or delete; a second run does
    not add it twice."""
    import openpyxl

    from addin import layout as spec
    from addin.workbook.headless import reconcile_workbook
    from addin.workbook.paste import pasted_workbook

    vendor = [
        ["Customer", "Product", "Quantity", "Unit Cost", "Billing Frequency", "Charge Start"],
        ["Contoso Ltd", "Microsoft 365 Copilot", "5", "30.00", "Monthly", "2025-08-01"],
        ["Contoso Ltd", "Power BI Pro", "3", "10.00", "Monthly", "2025-08-01"],
        ["Fabrikam Inc", "Power BI Pro", "2", "10.00", "Monthly", "2025-08-01"],
    ]
    psa = [
        ["Company", "Product", "Quantity", "Unit Price"],
        ["Contoso", "AI Assistant", "5", "36.00"],
        ["Contoso", "Power BI Pro", "3", "12.00"],
        ["Fabrikam", "Power BI Pro", "2", "12.00"],
    ]
    book = tmp_path / "Leakage.xlsm"
    book.write_bytes(pasted_workbook(template_bytes, vendor, psa))
    result = reconcile_workbook(book)
    assert not result.discrepancies  # the in-house name is Copilot: seats and prices agree

    def learned() -> list[list[object]]:
        sheet = openpyxl.load_workbook(book)[spec.PRODUCT_ALIASES]
        return [
            [c.value for c in row] for row in sheet.iter_rows() if row[1].value == "AI Assistant"
        ]

    [row] = learned()
    assert row[0] == "Microsoft 365 Copilot"
    assert str(row[2]).startswith("Reconcile (meaning") and "delete the row if wrong" in row[2]
    reconcile_workbook(book)  # now an alias the user kept: matched by it, not learned again
    assert len(learned()) == 1


def test_a_client_on_one_side_only_is_sure_unless_a_similar_name_is_on_the_other() -> None:
    vendor = {client_key(n): n for n in ["Northwind Dental Group", "Fabrikam Inc"]}
    psa = {client_key(n): n for n in ["Northwind Dental Lab"]}
    by_name = {m.vendor_name: m for m in match_clients(vendor, psa) if m.vendor_key}
    assert by_name["Fabrikam Inc"].confidence >= 0.8  # nothing like it: confidently unbilled
    lookalike = by_name["Northwind Dental Group"]
    assert lookalike.method == "unmatched" and lookalike.confidence < 0.8  # check first
    assert "Northwind Dental Lab" in lookalike.evidence


@pytest.mark.parametrize(
    "word,name_word,explained",
    [
        ("archive", "archiving", True),  # another form of one word
        ("protection", "protect", True),
        ("mngmt", "management", True),  # an abbreviation
        ("prot", "protection", True),
        ("backupify", "backup", False),  # a product's own name that starts with a word
        ("backup", "backupify", False),
    ],
)
def test_a_word_that_merely_starts_with_another_is_not_it(
    word: str, name_word: str, explained: bool
) -> None:
    from engine.match.product_fit import explains

    assert (explains(word, name_word) >= 0) is explained
    # so a renamed backup product never fits another vendor's backup product by that word
    assert fit(product_key("Backupify for Microsoft 365"), product_key("Dropsuite Backup")) is None


def test_match_thresholds_live_in_settings_and_reach_the_matchers() -> None:
    """The name scores the matchers start from are Settings.match, not module constants: a
    stricter client score leaves a misspelt name unmatched that the default pairs."""
    from engine.errors import SettingsError
    from engine.settings import MatchThresholds, Settings

    vendor = {client_key("Contoso Consulting"): "Contoso Consulting"}
    psa = {client_key("Contoso Consultng"): "Contoso Consultng"}
    paired = [m for m in match_clients(vendor, psa) if m.vendor_key and m.psa_key]
    assert paired and paired[0].method == "fuzzy"
    strict = Settings(match=MatchThresholds(client_name_score=99.0)).match
    assert not [m for m in match_clients(vendor, psa, thresholds=strict) if m.method == "fuzzy"]
    with pytest.raises(SettingsError, match="client_name_score"):
        Settings(match=MatchThresholds(client_name_score=120.0))


def _keys(*names: str) -> dict[str, str]:
    return {product_key(name): product_key(name) for name in names}


def test_a_renamed_spelling_is_learned_from_the_clients_where_it_fills_a_products_seats() -> None:
    """'Vaultline' (an MSP's own name for its backup) is nowhere in any vocabulary ('Vaultline',
    the example once, is now read as Datto's former name). At clients 0 and 1 it stands beside an
    unbilled Datto SaaS Protection with exactly its seats; at client 2 the seats differ (an
    under-billing) and another product is also unbilled — the spelling is still that client's
    Datto."""
    from decimal import Decimal

    datto, dropsuite = product_key("Datto SaaS Protection"), product_key("Dropsuite Backup")
    spelling = product_key("Vaultline for Microsoft 365")
    pending = [(0, spelling, Decimal(12)), (1, spelling, Decimal(30)), (2, spelling, Decimal(8))]
    baskets = {
        0: {datto: Decimal(12), dropsuite: Decimal(5)},
        1: {datto: Decimal(30)},
        2: {datto: Decimal(10), dropsuite: Decimal(4)},
    }
    paired = {0: {dropsuite: Decimal(5)}, 1: {}, 2: {}}
    found = infer(pending, baskets, paired, _keys("Datto SaaS Protection", "Dropsuite Backup"))
    assert {g: found[(g, spelling)].product_key for g in range(3)} == {0: datto, 1: datto, 2: datto}
    assert found[(2, spelling)].method == "learned"
    assert "learned from 2 clients" in found[(2, spelling)].evidence


@pytest.mark.parametrize(
    "differences",
    [
        "only one client where it fills the seats",
        "a service line: its words say what it is",
        "fills the seats at two clients of six that buy the product",
    ],
)
def test_a_spelling_is_not_learned_without_enough_corroboration(differences: str) -> None:
    """Each case differs from the learned one above in the one way its id says."""
    from decimal import Decimal

    datto = product_key("Datto SaaS Protection")
    spelling = product_key(
        "Workstation Backup per device"
        if differences.startswith("a service")
        else "Vaultline for Microsoft 365"
    )
    clients = 1 if differences.startswith("only one") else 2
    pending = [(g, spelling, Decimal(12)) for g in range(clients)] + [(9, spelling, Decimal(3))]
    baskets = {g: {datto: Decimal(12)} for g in range(clients)} | {9: {datto: Decimal(10)}}
    if differences.startswith("fills the seats at two"):
        for g in range(10, 14):  # four more clients with the spelling beside a billed Datto
            pending.append((g, spelling, Decimal(6)))
            baskets[g] = {datto: Decimal(20)}
    paired = {g: ({datto: Decimal(20)} if g >= 10 else {}) for g in baskets}
    found = infer(pending, baskets, paired, _keys("Datto SaaS Protection"))
    assert (9, spelling) not in found


def test_a_spelling_learned_for_two_kinds_is_each_clients_own() -> None:
    """'Endpoint Protection' is Defender at some clients and SentinelOne at others: each client's
    basket decides; a client buying both is decided by which one's unbilled seats it fills."""
    from decimal import Decimal

    mdb, s1 = product_key("Microsoft Defender for Business"), product_key("SentinelOne Complete")
    spelling = product_key("Endpoint Protection")
    pending = [(g, spelling, Decimal(10 + g)) for g in range(4)]
    pending += [(4, spelling, Decimal(3)), (5, spelling, Decimal(7)), (6, spelling, Decimal(6))]
    baskets = {
        0: {mdb: Decimal(10)},
        1: {mdb: Decimal(11)},
        2: {s1: Decimal(12)},
        3: {s1: Decimal(13)},
        4: {s1: Decimal(5)},  # under-billed: learned, not by its own seats
        5: {mdb: Decimal(7), s1: Decimal(9)},  # both: its 7 seats are Defender's
        6: {mdb: Decimal(4), s1: Decimal(9)},  # both, neither's seats: undecided
    }
    found = infer(
        pending, baskets, {}, _keys("Microsoft Defender for Business", "SentinelOne Complete")
    )
    got = {g: found[(g, spelling)].product_key for g in range(6) if (g, spelling) in found}
    assert got == {0: mdb, 1: mdb, 2: s1, 3: s1, 4: s1, 5: mdb}
    assert (6, spelling) not in found


def test_a_description_is_the_product_it_names_most_of() -> None:
    """'Acronis Cyber Backup Cloud' (Acronis' old name) shares 'backup' with the client's unbilled
    Dropsuite Backup, but 'acronis' and 'cyber' with its Acronis, already billed on another line:
    it is the rest of the Acronis seats, never Dropsuite; nor is it Datto by being a backup."""
    from decimal import Decimal

    acronis = product_key("Acronis Cyber Protect Cloud")
    dropsuite, datto = product_key("Dropsuite Backup"), product_key("Datto SaaS Protection")
    spelling = product_key("Acronis Cyber Backup Cloud")
    for other in (dropsuite, datto):
        found = infer(
            [(0, spelling, Decimal(13))],
            {0: {acronis: Decimal(36), other: Decimal(20)}},
            {0: {acronis: Decimal(12)}},
            {acronis: acronis, other: other},
        )
        assert found[(0, spelling)].product_key == acronis


def test_words_run_together_fit_the_words_apart() -> None:
    assert fit(product_key("PowerBI Pro"), product_key("Power BI Pro")) is not None
    assert fit(product_key("Power BI Pro"), product_key("PowerBI Pro")) is not None
    assert fit(product_key("PowerBI Premium"), product_key("Power BI Pro")) is None


def test_a_kind_word_is_no_service_word_for_a_product_of_that_kind() -> None:
    """'M365 Mailbox Backup' fills the unbilled Datto SaaS Protection seats at two clients (the rest
    billed on another line): it is learned as Datto — 'backup' names Datto's kind, it does not make
    the line a service — and so it is at a third client whose seats differ. 'Workstation Backup
    per device' standing the same way is still a service ('workstation', 'device')."""
    from decimal import Decimal

    datto = product_key("Datto SaaS Protection for Microsoft 365")
    for text, learned in (("M365 Mailbox Backup", True), ("Workstation Backup per device", False)):
        spelling = product_key(text)
        pending = [
            (0, spelling, Decimal(12)),
            (1, spelling, Decimal(31)),
            (2, spelling, Decimal(4)),
        ]
        baskets = {g: {datto: Decimal(seats)} for g, seats in ((0, 15), (1, 46), (2, 20))}
        paired = {0: {datto: Decimal(3)}, 1: {datto: Decimal(15)}, 2: {datto: Decimal(10)}}
        found = infer(pending, baskets, paired, {datto: datto})
        assert ((2, spelling) in found) is learned, text
        if learned:
            assert found[(2, spelling)].product_key == datto


def test_an_abbreviation_typed_with_two_letters_swapped_is_still_that_word() -> None:
    """ "M365 Bus Perm" is Business Premium ("Prem" with e and r swapped); it never fits Project."""
    assert fit(product_key("M365 Bus Perm"), product_key("Microsoft 365 Business Premium"))
    assert fit(product_key("Perm"), product_key("Project Plan 3")) is None


@pytest.mark.parametrize("typed", ["M356 E3", "M635 E3", "Office 356 E3", "M3655 E3"])
def test_the_suite_number_typed_out_of_order_is_365(typed: str) -> None:
    assert "365" in product_key(typed).split()


def test_seats_alone_never_give_a_plan_to_a_product_without_it() -> None:
    """ "M356 E3" billed for 7 seats beside a Mimecast gap of 7 is not Mimecast (found by the
    second independent set as an E3 / Mimecast merge)."""
    from decimal import Decimal

    found = infer(
        [(1, product_key("M356 E3"), Decimal(7))],
        {1: {"mimecast": Decimal(12)}},
        {1: {"mimecast": Decimal(5)}},
        {"mimecast": "mimecast email security"},
    )
    assert found == {}


def test_an_old_name_is_read_by_its_plan_when_one_product_of_the_client_has_it() -> None:
    """ "Secure Productive Enterprise E3" (Microsoft 365 E3's old name) beside a client's E3 and E5:
    the plan says E3. Beside Microsoft 365 E3 *and* Office 365 E3 it says nothing."""
    from decimal import Decimal

    description = product_key("Secure Productive Enterprise E3")
    e3, e5, o3 = (product_key(n) for n in ("Microsoft 365 E3", "Microsoft 365 E5", "Office 365 E3"))
    found = infer(
        [(0, description, Decimal(1)), (1, description, Decimal(1))],
        {0: {e3: Decimal(1), e5: Decimal(2)}, 1: {e3: Decimal(1), o3: Decimal(2)}},
        {0: {e5: Decimal(2)}, 1: {}},
        {e3: e3, e5: e5, o3: o3},
    )
    assert found[(0, description)].product_key == e3
    assert (1, description) not in found
    assert product_key("MS356 E5") == e5


@pytest.mark.parametrize(
    "description,expected",
    [
        # 'backup' is the kind of the product whose seats it fills: that product
        ("Dropsuite Email Backup & Archiving", "Dropsuite Backup for Microsoft 365"),
        # the same seats, but 'device' says it is a service
        ("Server Backup - per device", ""),
    ],
)
def test_a_kind_word_does_not_stop_elimination_by_seats(description: str, expected: str) -> None:
    from decimal import Decimal

    dropsuite, keeper = product_key("Dropsuite Backup for Microsoft 365"), product_key("Keeper")
    spelling = product_key(description)
    found = infer(
        [(0, spelling, Decimal(50))],
        {0: {dropsuite: Decimal(50), keeper: Decimal(60)}},
        {0: {keeper: Decimal(60)}},
        {dropsuite: dropsuite, keeper: keeper},
    )
    got = found.get((0, spelling))
    assert (got.product_key if got else "") == (product_key(expected) if expected else "")


def test_of_two_products_whose_seats_it_fills_the_one_it_says_most_of_gets_the_vote() -> None:
    """At two clients 'Essentials Business (email security)' fills the unbilled seats of both
    Proofpoint Essentials Business and Keeper Business (the same count): it says 'Essentials
    Business', so the votes, and a client the vendor never bills, go to Proofpoint."""
    from decimal import Decimal

    proofpoint = product_key("Proofpoint Essentials Business")
    keeper = product_key("Keeper Business")
    spelling = product_key("Essentials Business (email security)")
    pending = [(0, spelling, Decimal(37)), (1, spelling, Decimal(18)), (2, spelling, Decimal(5))]
    baskets = {
        0: {proofpoint: Decimal(37), keeper: Decimal(37)},
        1: {proofpoint: Decimal(18), keeper: Decimal(18)},
        2: {},
    }
    found = infer(pending, baskets, {}, {proofpoint: proofpoint, keeper: keeper})
    assert {g: found[(g, spelling)].product_key for g in range(3)} == dict.fromkeys(
        range(3), proofpoint
    )


@pytest.mark.parametrize(
    "typed,product",
    [
        (
            "Mcirosoft Defender for Office 365 (Plan 1)",
            "Microsoft Defender for Office 365 (Plan 1)",
        ),
        ("Azuer Active Directory Premium P1", "Microsoft Entra ID P1"),
        ("Azrue AD Premium P2", "Microsoft Entra ID P2"),
    ],
)
def test_two_letters_swapped_in_the_brand_or_an_old_name_are_one_slip(
    typed: str, product: str
) -> None:
    from engine.match.catalogue import load_catalogue

    found = load_catalogue().resolve(typed).product
    assert found is not None and found.name == product


def test_a_brand_word_outweighs_a_kind_word_and_open_seats_break_a_tie() -> None:
    """The bill spells Acronis 'Acronis CPC Workload' (50 seats, 3 billed on another line) and
    Dropsuite 'Dropsuite M365 Backup' (47 seats, all billed). 'Acronis Cyber Backup Cloud' for 47
    seats shares 'acronis' with one and only the kind word 'backup' with the other: Acronis —
    whose 47 unbilled seats it also fills, where Dropsuite's 47 are billed already."""
    from decimal import Decimal

    acronis, dropsuite = product_key("Acronis CPC Workload"), product_key("Dropsuite M365 Backup")
    spelling = product_key("Acronis Cyber Backup Cloud")
    found = infer(
        [(0, spelling, Decimal(47))],
        {0: {acronis: Decimal(50), dropsuite: Decimal(47)}},
        {0: {acronis: Decimal(3), dropsuite: Decimal(47)}},
        {acronis: acronis, dropsuite: dropsuite},
    )
    assert found[(0, spelling)].product_key == acronis


@pytest.mark.parametrize(
    "own_basket,expected",
    [
        # buys nothing like it from the vendor: billed for Datto the vendor does not bill
        ("Microsoft 365 E3", "Datto SaaS Protection"),
        # buys another backup product: 'Vaultline' may mean that one here — undecided
        ("Dropsuite Backup", ""),
    ],
)
def test_a_learned_spelling_at_a_client_who_does_not_buy_the_product(
    own_basket: str, expected: str
) -> None:
    from decimal import Decimal

    datto, own = product_key("Datto SaaS Protection"), product_key(own_basket)
    spelling = product_key("Vaultline for Microsoft 365")
    pending = [(0, spelling, Decimal(12)), (1, spelling, Decimal(30)), (2, spelling, Decimal(8))]
    baskets = {0: {datto: Decimal(12)}, 1: {datto: Decimal(30)}, 2: {own: Decimal(8)}}
    found = infer(pending, baskets, {2: {own: Decimal(8)}}, {datto: datto, own: own})
    got = found.get((2, spelling))
    assert (got.product_key if got else "") == (product_key(expected) if expected else "")
    if got:
        assert got.confidence < 0.8 and "does not bill it to this client" in got.evidence


def test_a_look_alike_word_blocks_a_shared_word_only_where_such_a_product_is_sold() -> None:
    from engine.match.description_words import shares_word

    # no one sells a "Proofpoint … Security": the word only describes it
    assert shares_word(
        product_key("Proofpoint Email Security Business"),
        product_key("Proofpoint Essentials Business"),
    )
    # Exchange Online Archiving is sold: "archiving" makes it another Exchange product
    assert not shares_word(
        product_key("Exchange Online Archiving"), product_key("Exchange Online (Plan 1)")
    )
    # a plan number is never a mere description
    assert not shares_word(
        product_key("Defender for Endpoint P2"), product_key("Defender for Endpoint P1")
    )


@pytest.mark.parametrize(
    "description,name,shares",
    [
        ("S1 Singularity Complete - per user", "SentinelOne Singularity Complete", True),  # no S2
        ("Defender for Endpoint P2", "Defender for Endpoint P1", False),  # another plan
        ("Defender for Endpoint P2", "Microsoft Defender for Endpoint", False),  # P2 is sold
        ("Acronis Cyber Protect 2024", "Acronis Cyber Protect Cloud", False),  # a bare number
    ],
)
def test_a_code_with_a_number_sets_a_product_apart_only_when_it_can_be_a_plan(
    description: str, name: str, shares: bool
) -> None:
    from engine.match.description_words import shares_word

    assert shares_word(product_key(description), product_key(name)) is shares


def test_a_typo_of_a_learned_spelling_means_what_it_means() -> None:
    """'Vaultline' is learned as Datto at two clients; at a third, 'Vaultlien' (a typo) for 19
    seats could be, by seats alone, the unbilled Project Plan 3 (19) or the rest of Datto (37, 18
    billed): the learned spelling decides — Datto, never Project."""
    from decimal import Decimal

    datto, project = product_key("Datto SaaS Protection"), product_key("Project Plan 3")
    learned, typo = product_key("Vaultline for Microsoft 365"), product_key("Vaultlien for M365")
    pending = [(0, learned, Decimal(12)), (1, learned, Decimal(30)), (2, typo, Decimal(19))]
    baskets = {
        0: {datto: Decimal(12)},
        1: {datto: Decimal(30)},
        2: {datto: Decimal(37), project: Decimal(19)},
    }
    found = infer(pending, baskets, {2: {datto: Decimal(18)}}, {datto: datto, project: project})
    assert found[(2, typo)].product_key == datto


def test_a_brand_ending_in_a_number_may_be_written_as_its_initial_and_the_digit() -> None:
    from engine.match.product_fit import explains

    assert explains("s1", "sentinelone") == 1
    assert explains("n1", "ninjaone") == 1
    assert explains("p1", "premium") == -1  # a plan code is never a word
    assert fit(product_key("S1 Complete"), product_key("SentinelOne Singularity Complete"))
    assert fit(product_key("Visio P1"), product_key("Visio Plan 2")) is None


def test_a_mapping_file_sets_match_thresholds_and_every_problem_is_named() -> None:
    from engine.errors import SettingsError
    from engine.settings import settings_from_dict

    settings = settings_from_dict({"match": {"client_name_score": 92, "block_limit": 500}})
    assert settings.match.client_name_score == 92.0 and settings.match.block_limit == 500
    assert settings.match.product_name_score == 88.0  # the rest keep their defaults
    with pytest.raises(SettingsError) as error:
        settings_from_dict({"match": {"client_name_score": 20, "fuzziness": 3}})
    assert "fuzziness" in str(error.value)
    with pytest.raises(SettingsError, match="product_name_score should be from 50 to 100"):
        settings_from_dict({"match": {"product_name_score": 101}})


@pytest.mark.parametrize(
    "own_basket,expected",
    [
        ("", "Dropsuite Backup for Microsoft 365"),  # the vendor bills the client nothing
        ("Microsoft 365 E3", "Dropsuite Backup for Microsoft 365"),  # nothing like it
        ("Datto SaaS Protection", ""),  # a backup product of its own: may be what it means
    ],
)
def test_a_description_like_one_product_on_the_bill_is_it_unless_the_client_buys_its_kind(
    own_basket: str, expected: str
) -> None:
    """'Backup for 365' at a client the vendor does not bill Dropsuite to (another client buys
    it): that Dropsuite, billed without a vendor record — unless the client buys its own backup."""
    from decimal import Decimal

    from engine.match.description_words import Bill
    from engine.match.product_inference import _anywhere

    dropsuite = product_key("Dropsuite Backup for Microsoft 365")
    names = {dropsuite: dropsuite}
    basket: dict[str, Decimal] = {}
    if own_basket:
        names[product_key(own_basket)] = product_key(own_basket)
        basket[product_key(own_basket)] = Decimal(10)
    spelling = product_key("Backup for 365")
    found: dict = {}
    _anywhere([(0, spelling, Decimal(10))], found, {0: basket}, Bill(names))
    got = found.get((0, spelling))
    assert (got.product_key if got else "") == (product_key(expected) if expected else "")


def test_a_desk_phone_licence_is_a_licence_and_a_help_desk_a_service() -> None:
    assert not service_words(product_key("Desk phone licence (Teams)"))
    assert service_words(product_key("Help Desk - per user"))


def test_seats_never_give_a_line_to_a_product_when_its_words_point_at_another() -> None:
    """ "Office Apps" (33 seats) beside an unbilled Microsoft 365 Apps (30) and an unbilled Project
    Plan 3 (33): the equal seats do not make it Project Plan 3 (a look-alike merge in the second
    independent set, seed 3)."""
    from decimal import Decimal

    apps = product_key("Microsoft 365 Apps for business")
    project = product_key("Planner and Project Plan 3")
    description = product_key("Office Apps")
    found = infer(
        [(0, description, Decimal(33))],
        {0: {apps: Decimal(30), project: Decimal(33)}},
        {0: {}},
        {apps: apps, project: project},
    )
    assert found.get((0, description)) is None or found[(0, description)].product_key == apps


def test_a_plan_number_never_crosses_even_where_the_catalogue_lacks_the_other_plan() -> None:
    """The bill names Defender for Endpoint P2 outside the catalogue; a typed 'Windosw Defender
    ATP' (P2) shares 'defender' and 'endpoint' with the client's unbilled P1: never P1."""
    from decimal import Decimal

    from engine.match.description_words import shares_word

    typed = product_key("Windosw Defender ATP")
    p1_name = product_key("Microsoft Defender for Endpoint P1")
    assert not shares_word(typed, p1_name)
    # "p2" on many of the bill's products (Exchange P2, Entra P2, Visio P2) still sets it apart
    assert not shares_word(typed, p1_name, frozenset({"p2", "p1"}))
    p1, p2 = product_key("Defender for Endpoint P1"), "name:defender for endpoint p2"
    found = infer(
        [(0, typed, Decimal(29))],
        {0: {p1: Decimal(61), p2: Decimal(61)}},
        {0: {p2: Decimal(32)}},
        {p1: p1, p2: "defender for endpoint p2"},
    )
    got = found.get((0, typed))
    assert got is None or got.product_key == p2  # P2 or undecided, never P1


@pytest.mark.parametrize(
    "description,basket,vendor,billed,expected",
    [
        # says what it works on (email), not what it is: not the archiving add-on by seats
        ("Hosted Email", "Exchange Online Archiving", 4, 0, ""),
        # nor the rest of a mailbox product (4 of the 5 seats left) by what it works on alone
        ("Secure Email", "Exchange Online (Plan 1)", 6, 1, ""),
        # says what it is: the archiving product, by its kind
        ("Archive Mailbox", "Exchange Online Archiving", 4, 0, "Exchange Online Archiving"),
    ],
)
def test_what_a_name_works_on_is_not_what_it_is(
    description: str, basket: str, vendor: int, billed: int, expected: str
) -> None:
    from decimal import Decimal

    key, spelling = product_key(basket), product_key(description)
    found = infer(
        [(0, spelling, Decimal(4))],
        {0: {key: Decimal(vendor)}},
        {0: {key: Decimal(billed)} if billed else {}},
        {key: key},
    )
    got = found.get((0, spelling))
    assert (got.product_key if got else "") == (product_key(expected) if expected else "")


def test_an_add_on_word_bars_seats_unless_the_description_says_that_kind() -> None:
    """Seats may give "Identity & Threat Protection" (E5 Security's old name, 9 seats) to the
    client's unbilled E5 Security (9): identity and threat protection is what a security product
    is. "Hosted Email" (5) is never Exchange Online Archiving (5): mail is what it works on."""
    from decimal import Decimal

    e5_security, teams, exo, archiving = (
        product_key(n)
        for n in (
            "Microsoft 365 E5 Security",
            "Microsoft Teams Essentials",
            "Exchange Online (Plan 1)",
            "Exchange Online Archiving",
        )
    )
    old_name = product_key("Identity & Threat Protection License (NCE)")
    hosted = product_key("Hosted Email")
    found = infer(
        [(0, old_name, Decimal(9)), (1, hosted, Decimal(5))],
        {
            0: {e5_security: Decimal(9), teams: Decimal(8)},
            1: {exo: Decimal(10), archiving: Decimal(5)},
        },
        {0: {}, 1: {exo: Decimal(10)}},
        {key: key for key in (e5_security, teams, exo, archiving)},
    )
    assert found[(0, old_name)].product_key == e5_security
    assert found.get((1, hosted)) is None or found[(1, hosted)].product_key != archiving


def test_a_plan_decides_nothing_beside_a_look_alike_with_the_same_plan() -> None:
    """ "M365 E3 w/o Temas" at a client buying E3 and E3 (no Teams): the plan alone never picks E3
    (a look-alike merge in the second independent set's held-out seed)."""
    from decimal import Decimal

    e3, no_teams = product_key("Microsoft 365 E3"), product_key("Microsoft 365 E3 (no Teams)")
    description = product_key("M365 E3 w/o Temas")
    found = infer(
        [(0, description, Decimal(39))],
        {0: {e3: Decimal(27), no_teams: Decimal(39)}},
        {0: {}},
        {e3: e3, no_teams: no_teams},
    )
    got = found.get((0, description))
    assert got is None or got.product_key == no_teams


def test_an_in_house_name_for_sign_in_protection_is_the_clients_duo_not_a_seat_twin() -> None:
    """ "Two-factor login" (3 seats) beside an unbilled Duo Essentials (2) and an unbilled Exchange
    Online (Plan 2) with the same 3 seats: what it is (sign-in protection) says Duo; equal seats
    alone made it Exchange (a look-alike merge on the second set's held-out seed)."""
    from decimal import Decimal

    duo, exo = product_key("Duo Essentials"), product_key("Exchange Online (Plan 2)")
    description = product_key("Two-factor login")
    found = infer(
        [(0, description, Decimal(3))],
        {0: {duo: Decimal(2), exo: Decimal(3)}},
        {0: {}},
        {duo: duo, exo: exo},
    )
    assert found[(0, description)].product_key == duo


def test_an_in_house_name_is_undecided_when_two_products_of_its_kind_have_room() -> None:
    """ "Email Filtering" (6) at a client with an unbilled Defender for Business (28) and a Defender
    for Office 365 billed 16 of 30: both are "defender", both have room — nothing is decided (it
    was given to Defender for Business on the second set's held-out seed; Office 365 was meant)."""
    from decimal import Decimal

    business = product_key("Microsoft Defender for Business")
    office = product_key("Microsoft Defender for Office 365 (Plan 1)")
    description = product_key("Email Filtering")
    found = infer(
        [(0, description, Decimal(6))],
        {0: {business: Decimal(28), office: Decimal(30)}},
        {0: {office: Decimal(16)}},
        {business: business, office: office},
    )
    got = found.get((0, description))
    assert got is None or got.product_key == office
