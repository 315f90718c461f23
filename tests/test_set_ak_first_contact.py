"""What set AK (many hands at a large MSP) found at first contact, each as a tiny case.

At first contact the engine's precision on the set was 0.780 (3,949 findings for 3,332), one case
of eight unread: Odoo's invoice lines keep the description in "Label" beside a generic "Product";
a franchisee's number on the PSA only ("Jetwash Joes - Gosford #137"); trading names whose tenant
domain begins with "the" or spells "Centre" as typed ("thehearingcentre.onmicrosoft.com"); TD
SYNNEX Belgium's tenant domain under a header that says "Reference"; staff who write what a product
does and its maker ("Remote monitoring & patching per PC (NinjaOne)", "Ninja RMM"); a maker's
line learned as one edition given to a client no vendor line says the edition of; a surname heard
over the phone ("Laughlin" for Lachlan); a product typed as the start of one word glued to the
next ("AcroPro"). Each test fails on the session's start (317a79c) unless it says otherwise.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from engine.match.client_keys import client_key
from engine.match.description_words import description_key, shares_word
from engine.match.file_fillers import translations_of
from engine.match.franchise_numbers import join_franchise_numbers
from engine.match.product_fit import fit, loose_fit, use_bill_words
from engine.match.product_names import product_key
from engine.match.products import without_history
from engine.match.surname_sounds import sounds_alike
from engine.reconcile import reconcile
from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pairs, pc, psa, run, sheet


def test_odoos_label_is_the_line_beside_a_generic_product(tmp_path: Path) -> None:
    """Odoo's "Factuurlijnen": Product "[ABO] Abonnement" on every licence line, the text in "Label".
    Differences: Visio 1 seat under-billed. Before: every line "not a vendor product" and the
    export refused as holding nothing to reconcile."""
    (tmp_path / "v.csv").write_text(
        pc(
            [
                *BYSTANDERS,
                ("Quinlan Joinery BV", "Visio Plan 2", 4, "12.00"),
                ("Quinlan Joinery BV", "Exchange Online (Plan 1)", 6, "4.00"),
            ]
        ),
        encoding="utf-8",
    )
    header = ["Klant", "Factuur", "Product", "Label", "Hoeveelheid", "Eenheidsprijs", "Status"]
    rows: list[list[object]] = [header]
    for client, product, seats, price in [
        *PSA_BYSTANDERS,
        ("Quinlan Joinery BV", "Visio Plan 2", 3, "15.60"),
        ("Quinlan Joinery BV", "Exchange Online (Plan 1)", 6, "4.80"),
    ]:
        rows.append(
            [client, "FACT/2026/0001", "[ABO] Abonnement", product, seats, float(price), "Geboekt"]
        )
    rows.append(
        [
            "Quinlan Joinery BV",
            "FACT/2026/0001",
            "[DIENST] Dienstverlening",
            "Managed IT - per user",
            6,
            55.0,
            "Geboekt",
        ]
    )
    sheet(tmp_path / "odoo.xlsx", rows)
    result = reconcile(tmp_path / "v.csv", tmp_path / "odoo.xlsx")
    assert [(d.type, d.product, d.monthly_impact) for d in result.discrepancies] == [
        ("under_billed", "Visio Plan 2", Decimal("15.60"))
    ]


def _keys(names: list[str]) -> dict[str, str]:
    return {name: client_key(name) for name in names}


def test_a_franchisees_number_on_one_side_only_joins_the_name_it_follows() -> None:
    """ "Jetwash Joes - Gosford #137" (PSA) is "Jetwash Joe's Gosford Inc.": the place tells the
    franchisee from its brand's others. Not joined: a name two numbered names follow (Ryde #12
    and #14), a name with no family ("Smith Dental #2": a second practice, perhaps), a number
    after "Store", and a name another goes on from ("Jetwash Joes Manly" of "… Manly West")."""
    psa_keys = _keys(
        [
            "Jetwash Joes - Gosford #137",
            "Jetwash Joes - Ryde #12",
            "Jetwash Joes - Ryde #14",
            "Smith Dental #2",
            "QuickFix Store 9",
            "Jetwash Joes - Manly #199",
        ]
    )
    vendor_keys = _keys(
        [
            "Jetwash Joe's Gosford Inc.",
            "Jetwash Joe's Ryde Inc.",
            "Smith Dental Pty Ltd",
            "QuickFix Store",
            "QuickFix Store 12",
            "Jetwash Joe's Manly Inc.",
            "Jetwash Joe's Manly West Inc.",
        ]
    )
    join_franchise_numbers(psa_keys, vendor_keys)
    assert psa_keys["Jetwash Joes - Gosford #137"] == vendor_keys["Jetwash Joe's Gosford Inc."]
    assert psa_keys["Jetwash Joes - Ryde #12"] != vendor_keys["Jetwash Joe's Ryde Inc."]
    assert psa_keys["Smith Dental #2"] != vendor_keys["Smith Dental Pty Ltd"]
    assert psa_keys["QuickFix Store 9"] != vendor_keys["QuickFix Store"]
    assert psa_keys["Jetwash Joes - Manly #199"] != vendor_keys["Jetwash Joe's Manly Inc."]


def _bill_with_domains(rows: list[tuple[str, str, str, int, str]], header: str) -> str:
    lines = [
        f"{client},{domain},{product},{seats},{cost},{seats * float(cost):.2f}"
        for client, domain, product, seats, cost in rows
    ]
    return f"Customer,{header},Product,Quantity,Unit Price,Amount\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("header", ["Domain", "Referentie / Référence"])
def test_a_trading_names_tenant_domain_spells_the_name_as_typed(
    tmp_path: Path, header: str
) -> None:
    """The bill's "Kavanagh Hospitality Inc." (domain thehearingcentre.onmicrosoft.com) and
    "Abbott Hospitality Inc." (theloftstudio…) beside its twin "Abbott Hospitality Ltd"
    (thesalthouse…); the books bill "The Hearing Centre", "The Loft Studio" and "The Salt
    House". Each is one client by its domain: no finding. Before: the leading "The", the typed
    "Centre" (the key reads "center") and the twins' legal forms kept them apart; under TD
    SYNNEX Belgium's header "Referentie" the domains were read as product codes."""
    clients = [
        ("Kavanagh Hospitality Inc.", "thehearingcentre.onmicrosoft.com", "The Hearing Centre"),
        ("Abbott Hospitality Inc.", "theloftstudio.onmicrosoft.com", "The Loft Studio"),
        ("Abbott Hospitality Ltd", "thesalthouse.onmicrosoft.com", "The Salt House"),
    ]
    vendor_rows = [
        (
            f"{n} Dental Pty Ltd",
            f"{n.lower()}dental.onmicrosoft.com",
            "Microsoft 365 Business Premium",
            5 + i,
            "22.00",
        )
        for i, n in enumerate(["Acacia", "Birch", "Cedar", "Dogwood", "Elm"])
    ]
    psa_rows = list(PSA_BYSTANDERS)
    for i, (legal, domain, trading) in enumerate(clients):
        vendor_rows.append((legal, domain, "Microsoft 365 Business Standard", 10 + i, "12.50"))
        psa_rows.append((trading, "Microsoft 365 Business Standard", 10 + i, "15.00"))
    result = run(tmp_path, _bill_with_domains(vendor_rows, header), psa(psa_rows))
    assert result.discrepancies == ()
    assert {(v, p) for v, p in pairs(result) if "Hospitality" in v} == {
        (legal, trading) for legal, _, trading in clients
    }


@pytest.mark.parametrize(
    "description",
    ["Ninja RMM", "Remote monitoring & patching per PC (NinjaOne)"],
)
def test_what_a_product_does_beside_its_maker_is_that_product(
    tmp_path: Path, description: str
) -> None:
    """The bill's NinjaOne Endpoint Management (48 seats) billed as "Ninja RMM" or as what it does
    with its maker; differences: none. Before: both read as the MSP's own service ("RMM",
    "monitoring", "patching"), and the product unbilled."""
    result = run(
        tmp_path,
        pc([*BYSTANDERS, ("Hadley Family Trust", "NinjaOne Endpoint Management", 48, "3.50")]),
        psa([*PSA_BYSTANDERS, ("Hadley Family Trust", description, 48, "4.54")]),
    )
    assert result.discrepancies == ()


def test_a_makers_line_that_says_no_edition_is_no_edition_where_no_vendor_line_says(
    tmp_path: Path,
) -> None:
    """ "Phishing tests & training (KnowBe4)" stands beside KnowBe4 Gold at two clients; a third,
    which the vendor bills nothing of KnowBe4, is billed it too, and the bill sells Silver as well.
    Differences: that client's line has no vendor record, under its own words — not Gold's.
    Before: reported as KnowBe4 Gold ("learned from 2 clients")."""
    gold, silver = (
        "KnowBe4 Security Awareness Training Gold",
        "KnowBe4 Security Awareness Training Silver",
    )
    said = "Phishing tests & training (KnowBe4)"
    result = run(
        tmp_path,
        pc(
            [
                *BYSTANDERS,
                ("Ashdown Dental Care Inc.", gold, 10, "2.10"),
                ("Bluewater Dental Care Pty Ltd", gold, 12, "2.10"),
                ("Corran Legal LLP", silver, 7, "1.60"),
                ("Drummond Freight Ltd", "Microsoft 365 Business Premium", 9, "22.00"),
            ]
        ),
        psa(
            [
                *PSA_BYSTANDERS,
                ("Ashdown Dental Care Inc.", said, 10, "2.90"),
                ("Bluewater Dental Care Pty Ltd", said, 12, "2.90"),
                ("Corran Legal LLP", "KnowBe4 Silver", 7, "2.20"),
                ("Drummond Freight Ltd", "Microsoft 365 Business Premium", 9, "28.60"),
                ("Drummond Freight Ltd", said, 9, "2.90"),
            ]
        ),
    )
    found = [(d.type, d.client, d.product) for d in result.discrepancies]
    assert found == [("no_vendor_record", "Drummond Freight Ltd", said)]


@pytest.mark.parametrize(
    "heard, written, alike",
    [
        ("laughlin", "lachlan", True),  # the Gaelic sound: Irish "gh", Scots "ch"
        ("loughlin", "lachlan", True),
        ("vaughan", "vaughn", True),  # passes before too
        ("dental", "mental", False),
    ],
)
def test_a_surname_heard_over_the_phone(heard: str, written: str, alike: bool) -> None:
    assert sounds_alike(heard, written) is alike


@pytest.mark.parametrize(
    "description, name, fits",
    [
        ("Adobe AcroPro", "Adobe Acrobat Pro for teams", True),
        ("Keepr Ent", "Keeper Enterprise", True),  # a typo of the first word (passes before)
        ("Keepr Ent", "Keeper Business", False),  # ... never the start of it glued to another
    ],
)
def test_the_start_of_a_word_glued_to_the_next(description: str, name: str, fits: bool) -> None:
    assert (fit(product_key(description), product_key(name)) is not None) is fits


def test_a_word_of_the_staffs_language_stands_in_for_a_word_of_the_names() -> None:
    """ "Diogelwch" (Welsh: security) stands where "Security" is missing from two of the bill's
    names, never beside a whole name; "Trwydded" (licence) and "misol" (monthly) stand beside
    whole names: billing words. A description that is one name whole and another but for one word
    ("… E5 Diogelwch": E5, or E5 Security?) decides nothing."""
    names = [
        product_key(n)
        for n in [
            "Cisco Umbrella DNS Security Advantage",
            "Bitdefender GravityZone Business Security",
            "Microsoft 365 E5",
            "Microsoft 365 E5 Security",
            "Microsoft 365 Business Basic",
            "SentinelOne Singularity Core",
        ]
    ]
    descriptions = [
        "trwydded cisco umbrella dns diogelwch advantage misol",
        "trwydded bitdefender gravityzone business diogelwch misol",
        "trwydded microsoft 365 e5 diogelwch misol",
        "trwydded microsoft 365 business basic misol",
        "sentinel one singularity core",  # a name in pieces is no other word
        "sentinel one singularity core licence",
    ]
    assert translations_of(descriptions, names) == {"diogelwch": "security"}


def test_a_product_written_in_the_staffs_language_is_that_product(tmp_path: Path) -> None:
    """The client buys Microsoft 365 E5 Security (11 seats); the books write "Trwydded Microsoft 365
    E5 Diogelwch (misol)", and "Diogelwch" for Security on five other products. Differences: none.
    Before: read as Microsoft 365 E5 ("Diogelwch" taken for a billing word of the export): E5
    billed with no vendor record, E5 Security unbilled."""
    rows = [
        (
            "Redhill Physiotherapy Ltd",
            "Microsoft 365 E5 Security",
            11,
            "12.00",
            "Microsoft 365 E5 Diogelwch",
        ),
        (
            "Redhill Physiotherapy Ltd",
            "Microsoft 365 Business Basic",
            14,
            "6.00",
            "Microsoft 365 Business Basic",
        ),
        (
            "Clarke Printing Ltd",
            "Cisco Umbrella DNS Security Advantage",
            9,
            "3.40",
            "Cisco Umbrella DNS Diogelwch Advantage",
        ),
        (
            "Clarke Printing Ltd",
            "Bitdefender GravityZone Business Security",
            9,
            "1.90",
            "Bitdefender GravityZone Business Diogelwch",
        ),
        ("Clarke Printing Ltd", "Microsoft 365 E5", 3, "54.75", "Microsoft 365 E5"),
        (
            "Clarke Printing Ltd",
            "Bitdefender GravityZone Business Security Premium",
            4,
            "3.40",
            "Bitdefender GravityZone Business Diogelwch Premium",
        ),
        (
            "Hutchins Dental Ltd",
            "KnowBe4 Security Awareness Training Gold",
            12,
            "2.10",
            "KnowBe4 Diogelwch Awareness Training Gold",
        ),
        (
            "Hutchins Dental Ltd",
            "Mimecast Email Security, Cloud Gateway",
            12,
            "3.89",
            "Mimecast Email Diogelwch, Cloud Gateway",
        ),
    ]
    result = run(
        tmp_path,
        pc([*BYSTANDERS, *((c, p, n, cost) for c, p, n, cost, _ in rows)]),
        psa(
            [
                *((c, f"Trwydded {p} (misol)", n, price) for c, p, n, price in PSA_BYSTANDERS),
                *(
                    (c, f"Trwydded {said} (misol)", n, f"{float(cost) * 1.3:.2f}")
                    for c, _, n, cost, said in rows
                ),
            ]
        ),
    )
    assert result.discrepancies == ()


@pytest.mark.parametrize(
    "description, name, shares",
    [
        # a word denied is no word of the name
        ("Phone system in Teams, no calling minutes", "Teams Phone with Calling Plan", False),
        ("Phone system in Teams with calling minutes", "Teams Phone with Calling Plan", True),
    ],
)
def test_a_word_the_description_denies(description: str, name: str, shares: bool) -> None:
    """(the last passes before)"""
    assert shares_word(description_key(description), product_key(name)) is shares


@pytest.mark.parametrize(
    "spelling, bare",
    [
        ("Microsoft Teams Phone - E. Walker", "Microsoft Teams Phone"),
        ("Microsoft 365 E3 (K. Brown)", "Microsoft 365 E3"),
        ("Microsoft 365 E3 - Apps", "Microsoft 365 E3 - Apps"),  # no person (passes before)
    ],
)
def test_the_seat_holders_name_is_no_word_of_the_product(spelling: str, bare: str) -> None:
    assert without_history(spelling) == bare


def test_a_code_with_the_initials_of_another_products_words_is_not_that_product() -> None:
    """ "TPHONE-CP" beside a bill that sells the Calling Plan: "CP" is the initials of its words, so
    the code is not Teams Phone Standard but for a stray word. (Passes before, where "TPHONE" was
    not read as Teams Phone at all: it guards this session's reading of glued words, which first
    made the client's two lines, Standard and Calling Plan, one product.)"""
    use_bill_words(["teams phone with calling plan", "teams phone standard"])
    assert loose_fit(product_key("TPHONE-CP"), "teams phone standard") is None
    assert loose_fit(product_key("TPHONE-STD"), "teams phone standard") is not None


def test_a_number_the_other_side_spells_with_a_slip_is_part_of_the_name() -> None:
    """ "Lucerne Dental Lab 9000 Incorporated" beside the books' "Luccerne Dental Lab 9000" and a
    client of their own, "Lucerne Dental Lab": the number is the name's on both sides (the 100k
    bench's numbered companies; this session's franchise reading first joined the wrong two)."""
    vendor_keys = _keys(["Lucerne Dental Lab 9000 Incorporated", "Lucerne Dental Clinic"])
    psa_keys = _keys(["Luccerne Dental Lab 9000", "Lucerne Dental Lab"])
    join_franchise_numbers(vendor_keys, psa_keys)
    assert vendor_keys["Lucerne Dental Lab 9000 Incorporated"] == "lucerne dental lab 9000"


@pytest.mark.parametrize(
    "typed, bare",
    [
        ("Microsoft Entra Premium P2 45 x 11.66", "Microsoft Entra Premium P2"),
        ("ENTRA-P1 5 x 7.80", "ENTRA-P1"),
        ("Mailbox & SharePoint backup (Veeam) 12 x 2.41", "Mailbox & SharePoint backup (Veeam)"),
        ("ACR-CPC-STG-GB 1900 x 0.04", "ACR-CPC-STG-GB"),
        ("8x8 X4", "8x8 X4"),  # an edition, no price (passes before)
        ("Storage 2 x 1.50 TB", "Storage 2 x 1.50 TB"),  # a size, no price (passes before)
    ],
)
def test_the_seats_and_their_price_typed_after_the_name_are_no_part_of_it(
    typed: str, bare: str
) -> None:
    """Seen after set AK's sessions: "Microsoft Entra Premium P2 45 x 11.66" (the line's seats and
    price typed in, bare) was no product, so the client's Entra ID P2 looked unbilled."""
    assert product_key(typed) == product_key(bare)
