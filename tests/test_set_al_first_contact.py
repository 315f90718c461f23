"""What set AL (a US MSP's books: DBAs, practices, parishes and counties) found at first contact,
each as a tiny case.

At first contact the engine's precision on the set was 0.945 (3,227 findings for 3,144), recall
0.970, nine look-alike merges: a maker's product named by a word only it has on the bill ("Huntress
EDR agent", "S1 Complete EDR", "Managed EDR") at a client that buys another of the maker's
products and not this one was called a service, or given to the client's other product of that
maker by its kind or its price; HaloPSA's unfilled template fields ("… for $STARTDATE-$ENDDATE")
and the seats with their price in brackets ("(12 @ $26.40)") left words that named nothing. Each
test fails on the session's start (61478ae) unless it says otherwise.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from bench import independent_al
from engine.match.maker_products import makers_of, product_said
from engine.match.product_names import product_key
from engine.reconcile import reconcile
from tests.small_exports import BYSTANDERS, PSA_BYSTANDERS, pc, psa, run

#: The maker's three products on the bill, each bought by a client of its own (so the bill knows
#: them), and the client the tests are about.
_HUNTRESS = [
    ("Alder Title LLC", "Huntress Managed EDR", 10, "3.50"),
    ("Alder Title LLC", "Huntress Managed ITDR", 10, "3.00"),
    ("Beech Roofing Inc", "Huntress Managed SIEM - per GB", 40, "0.80"),
    ("Beech Roofing Inc", "Huntress Managed EDR", 6, "3.50"),
]
_PSA_HUNTRESS = [
    ("Alder Title LLC", "Huntress Managed EDR", 10, "6.00"),
    ("Alder Title LLC", "Huntress Managed ITDR", 10, "5.00"),
    ("Beech Roofing Inc", "Huntress Managed SIEM - per GB", 40, "1.30"),
    ("Beech Roofing Inc", "Huntress Managed EDR", 6, "6.00"),
]


@pytest.mark.parametrize("typed", ["Huntress EDR agent", "Hunteess EDR agent"])
def test_a_makers_product_said_by_its_own_word_is_billed_without_a_vendor_record(
    tmp_path: Path, typed: str
) -> None:
    """Lindqvist PT buys Huntress ITDR from the vendor (7 seats, billed right) and is billed 11
    "Huntress EDR agent" the vendor does not bill it. Differences: one — Huntress Managed EDR
    billed without a vendor record, 11 × 6.00, check first. Before: the EDR line was "not a
    vendor product" (or, typed "Hunteess", given to the client's ITDR by its kind and price: an
    over-billed ITDR, a look-alike merge). ("Managed EDR", the maker unsaid, stays undecided: a
    kind of product alone, unnamed, is the client's own — see below.)"""
    vendor = pc([*BYSTANDERS, *_HUNTRESS, ("Lindqvist PT LLC", "Huntress Managed ITDR", 7, "3.00")])
    books = psa(
        [
            *PSA_BYSTANDERS,
            *_PSA_HUNTRESS,
            ("Lindqvist PT LLC", "Huntress Managed ITDR", 7, "5.00"),
            ("Lindqvist PT LLC", typed, 11, "6.00"),
        ]
    )
    result = run(tmp_path, vendor, books)
    found = [
        (d.type, d.client, d.product, d.monthly_impact, d.check_first)
        for d in result.discrepancies
        if d.client.startswith("Lindqvist")
    ]
    assert found == [
        ("no_vendor_record", "Lindqvist PT LLC", "Huntress Managed EDR", Decimal("66.00"), True)
    ]


def test_a_makers_initials_name_it_s1_complete_edr(tmp_path: Path) -> None:
    """ "S1 Complete EDR" where the bill has SentinelOne Singularity Core, Control and Complete and
    the client is billed none of them by the vendor. Differences: Complete billed without a vendor
    record (21 × 9.75). Before: "not a vendor product" (its "S1" read as a plan the product
    lacks)."""
    vendor = pc(
        [
            *BYSTANDERS,
            ("Alder Title LLC", "SentinelOne Singularity Core", 5, "4.00"),
            ("Beech Roofing Inc", "SentinelOne Singularity Control", 5, "5.00"),
            ("Cedar Clinic PA", "SentinelOne Singularity Complete", 5, "6.50"),
            ("Abernathy Title Inc", "Microsoft 365 Business Standard", 21, "12.50"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("Alder Title LLC", "SentinelOne Singularity Core", 5, "6.00"),
            ("Beech Roofing Inc", "SentinelOne Singularity Control", 5, "7.50"),
            ("Cedar Clinic PA", "SentinelOne Singularity Complete", 5, "9.75"),
            ("Abernathy Title Inc", "Microsoft 365 Business Standard", 21, "15.00"),
            ("Abernathy Title Inc", "S1 Complete EDR", 21, "9.75"),
        ]
    )
    result = run(tmp_path, vendor, books)
    found = [
        (d.type, d.product, d.monthly_impact)
        for d in result.discrepancies
        if d.client.startswith("Abernathy")
    ]
    assert found == [("no_vendor_record", "SentinelOne Singularity Complete", Decimal("204.75"))]


_BILL = {
    "name:huntress managed edr": "huntress managed edr",
    "name:huntress managed itdr": "huntress managed itdr",
    "name:huntress managed siem per gb": "huntress managed siem per gb",
    "name:acronis cyber protect cloud standard": "acronis cyber protect cloud standard",
    "name:acronis cyber protect cloud advanced backup": (
        "acronis cyber protect cloud advanced backup"
    ),
    "name:datto siris bcdr per device": "datto siris bcdr per device",
    "name:datto rmm per endpoint": "datto rmm per endpoint",
    "name:mimecast email security standard": "mimecast email security standard",
    "name:mimecast email security advanced": "mimecast email security advanced",
    "name:dropsuite email archiving": "dropsuite email archiving",
    "name:dropsuite backup": "dropsuite backup",
    "name:proofpoint essentials business": "proofpoint essentials business",
    "name:proofpoint essentials advanced": "proofpoint essentials advanced",
    "name:bitdefender gravityzone business security": "bitdefender gravityzone business security",
    "name:bitdefender gravityzone business security premium": (
        "bitdefender gravityzone business security premium"
    ),
}


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Huntress EDR agent", "name:huntress managed edr"),
        ("Email Security Advanced", "name:mimecast email security advanced"),  # all but the maker
        # the whole name but the maker, by a word of its own: the edition without the word more
        ("GravityZone Business Security", "name:bitdefender gravityzone business security"),
        ("Huntress SIEM log ingest (per GB)", "name:huntress managed siem per gb"),
        ("Datto SIRIS image backup", "name:datto siris bcdr per device"),
        ("Datto SIRIS image backup per server", "name:datto siris bcdr per device"),  # its unit
        # what is not said
        ("Huntress", None),  # no word tells the products apart
        ("Huntress per GB", None),  # a unit is no product's own word
        ("Huntress EDR onboarding - 2 hours", None),  # work done
        ("Datto SIRIS server install", None),  # work on a server
        ("Managed Server - per server", None),
        ("Huntress EDR Premium", None),  # an edition the bill's product lacks
        ("Acronis Cyber Backup Cloud", None),  # a kind alone, where the product says more
        ("Cloud backup", None),  # not the product's whole name but its maker
        ("Managed EDR", None),  # unnamed, a kind alone: the client's own product of that kind
        ("Email Archiving - user licence", None),  # an in-house name (issue 9)
        ("HORNETSEC 365 TOTAL PROT BUS 1YR", None),  # "PROT" is no shortening of Proofpoint
    ],
)
def test_what_a_description_says_of_a_makers_products(typed: str, said: str | None) -> None:
    """The one product of a maker on the bill a description says, and the lines that say none."""
    assert product_said(product_key(typed), _BILL, makers_of(_BILL)) == said


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Datto SIRIS BCDR - per device for $STARTDATE-$ENDDATE", "datto siris bcdr per device"),
        ("Huntress EDR agent for $STARTDATE to $ENDDATE", "huntress edr agent"),
        ("S1 Control EDR (13 @ $7.50)", "s1 control edr"),
        ("Datto SIRIS BCDR - per device (2 @ $82.50)", "datto siris bcdr per device"),
        ("Exchange Online Plan 1 for %MONTH%", "exchange online p1"),
        # passes at the session's start: "for" before a name's own words stays
        ("Defender for Business $MONTHNAME $YEAR", "defender for business"),
    ],
)
def test_template_fields_and_seats_at_a_price_are_no_words_of_the_name(
    typed: str, key: str
) -> None:
    assert product_key(typed) == key


def test_a_makers_product_counted_per_server_is_that_product(tmp_path: Path) -> None:
    """Patel Landscaping buys Datto SIRIS (4 devices at 45.00) and is billed "Datto SIRIS image
    backup per server" (4 at 36.00): the bill's SIRIS, billed below cost (4 × 9.00), check first.
    Before: "per server" made it work on a server — SIRIS unbilled (4 × 45.00) and the line
    excluded."""
    vendor = pc(
        [
            *BYSTANDERS,
            ("Alder Title LLC", "Datto SIRIS BCDR - per device", 2, "45.00"),
            ("Alder Title LLC", "Datto RMM - per endpoint", 12, "3.25"),
            ("Patel Landscaping Inc", "Datto SIRIS BCDR - per device", 4, "45.00"),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("Alder Title LLC", "Datto SIRIS BCDR - per device", 2, "75.00"),
            ("Alder Title LLC", "Datto RMM - per endpoint", 12, "5.00"),
            ("Patel Landscaping Inc", "Datto SIRIS image backup per server", 4, "36.00"),
        ]
    )
    result = run(tmp_path, vendor, books)
    found = [
        (d.type, d.product, d.monthly_impact, d.check_first)
        for d in result.discrepancies
        if d.client.startswith("Patel")
    ]
    assert found == [("below_cost", "Datto SIRIS BCDR - per device", Decimal("36.00"), True)]


def test_a_charitys_business_premium_is_its_nonprofit_edition(tmp_path: Path) -> None:
    """The bill's "Microsoft 365 Business Premium (Nonprofit Staff Pricing) [NCE]" (17 at 5.50)
    and the books' "Secure User Bundle - 365 Business Premium (Nonprofit Staff Pricing)" (17 at
    8.00) at Friends of the Cypress Library: one licence, priced right — no finding. Passes at the
    session's start too (the line fits the client's product but for a word); in set AL's Autotask
    case, among a client's many products, only "staff pricing" read as words of a market (its
    edition, not what it does) paired them."""
    vendor = pc(
        [
            *BYSTANDERS,
            ("Friends of the Cypress Library Inc", "Exchange Online (Plan 1)", 4, "4.00"),
            (
                "Friends of the Cypress Library Inc",
                "Microsoft 365 Business Premium (Nonprofit Staff Pricing) [NCE]",
                17,
                "5.50",
            ),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("Friends of the Cypress Library Inc", "Exchange Online (Plan 1)", 4, "4.80"),
            (
                "Friends of the Cypress Library Inc",
                "Secure User Bundle - 365 Business Premium (Nonprofit Staff Pricing)",
                17,
                "8.00",
            ),
        ]
    )
    result = run(tmp_path, vendor, books)
    assert [d for d in result.discrepancies if d.client.startswith("Friends")] == []


def test_a_parish_paired_by_what_it_buys_keeps_its_nonprofit_edition(tmp_path: Path) -> None:
    """Set AL (seed 1, 200 clients, Sherweb US → HaloPSA): the bill's "St. Bernadette's Catholic
    Church of Pearland" is the books' "Saint Bernadettes Parish - Pearland", paired by what it buys
    once every line's product was read. The books' "MS365 Bus Prem (charity pricing)" (45 at 8.00)
    is the bill's Business Premium (Nonprofit Staff Pricing) (45 at 5.50): no finding for it, the
    line read in context (check first). Before: Business Premium billed without a vendor record
    (360.00) and the nonprofit edition unbilled. (Since the fortieth session the basket pairs the
    parish before any line is read in context — "Bernadettes", a word other names share, no longer
    stops what the basket alone decides — and the line is read in context at once.)"""
    vendor_format = "sherweb_us_payables_title_dollar_paren_usd_csv"
    psa_format = "halopsa_us_recurring_lines_dollar_tokens_csv"
    truth = json.loads(
        independent_al.generate_case(
            tmp_path, seed=1, vendor_format=vendor_format, psa_format=psa_format, clients=200
        ).read_text(encoding="utf-8")
    )
    result = reconcile(tmp_path / truth["vendor_file"], tmp_path / truth["psa_file"])
    parish = [d for d in result.discrepancies if d.client == "Saint Bernadettes Parish - Pearland"]
    assert not [d for d in parish if "Business Premium" in d.product]
    pairs = {(m.vendor_name, m.psa_name) for m in result.client_matches}
    assert (
        "St. Bernadette's Catholic Church of Pearland",
        "Saint Bernadettes Parish - Pearland",
    ) in pairs
    read = [
        m
        for m in result.product_matches
        if m.spelling == "MS365 Bus Prem (charity pricing) for $STARTDATE-$ENDDATE"
        and m.method == "context"
    ]
    assert [m.product for m in read] == ["Microsoft 365 Business Premium (Nonprofit Staff Pricing)"]


def test_the_bills_edition_named_whole_is_never_the_clients_edition_with_a_word_more(
    tmp_path: Path,
) -> None:
    """Huỳnh Dermatology buys Bitdefender GravityZone Business Security Premium (19 at 3.25, billed
    19 at 5.00); its books also bill "GravityZone Business Security" (35 at 2.75), the edition
    without "Premium" the vendor bills Beech Roofing. Differences: one — Business Security billed
    without a vendor record (35 × 2.75), check first. Before: the line was read as the client's
    Premium (the maker's name left out, "Premium" missing), an over-billed Premium: a look-alike
    merge."""
    vendor = pc(
        [
            *BYSTANDERS,
            ("Beech Roofing Inc", "Bitdefender GravityZone Business Security", 12, "2.00"),
            (
                "Huynh Dermatology PA",
                "Bitdefender GravityZone Business Security Premium",
                19,
                "3.25",
            ),
        ]
    )
    books = psa(
        [
            *PSA_BYSTANDERS,
            ("Beech Roofing Inc", "Bitdefender GravityZone Business Security", 12, "2.75"),
            (
                "Huynh Dermatology PA",
                "Bitdefender GravityZone Business Security Premium",
                19,
                "5.00",
            ),
            ("Huynh Dermatology PA", "GravityZone Business Security", 35, "2.75"),
        ]
    )
    result = run(tmp_path, vendor, books)
    found = [
        (d.type, d.product, d.monthly_impact, d.check_first)
        for d in result.discrepancies
        if d.client.startswith("Huynh")
    ]
    assert found == [
        ("no_vendor_record", "Bitdefender GravityZone Business Security", Decimal("96.25"), True)
    ]
