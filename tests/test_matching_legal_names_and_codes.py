"""What set F's people showed in session seven: a legal entity's name beside the MSP's trading name,
a tenant domain written into the customer's name, account codes with labels, consonant
shortenings, the vendor's own SKU typed into the PSA, Partner Center ids before a name, the suite
glued to its plan, two notes after one name, and "device" as a licence word."""

from __future__ import annotations

from decimal import Decimal

import pytest

from engine.match.catalogue import load_catalogue
from engine.match.client_baskets import pair_by_basket
from engine.match.client_keys import client_key, domain_in_name
from engine.match.clients import match_clients
from engine.match.description_words import service_words
from engine.match.product_names import product_key
from engine.match.products import match_products
from engine.match.vendor_codes import name_by_vendor_codes


def test_a_legal_entity_pairs_with_the_one_trading_name_that_shares_its_rare_word() -> None:
    """ "Greyfriars Group Oy" on the bill, "Greyfriars Property Management" in the PSA: no other
    client has the word, one name is the word and entity words only, and they share products
    (seats differ: the findings). Check first."""
    group, trade, other = "greyfriars group", "greyfriars property management", "pinecrest hotel"
    bp, teams, pp = "m365 bp", "teams phone standard", "name:proofpoint essentials advanced"
    vendor = {group: {bp: Decimal(17), teams: Decimal(8), pp: Decimal(17)}}
    psa = {trade: {teams: Decimal(6), pp: Decimal(13)}, other: {bp: Decimal(4)}}
    names = [group, trade, other]
    [pair] = pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=names)
    assert (pair.vendor_key, pair.psa_key, pair.confidence) == (group, trade, 0.7)
    assert "on no other client" in pair.evidence
    # a third client with the word: which one the MSP means is the user's call
    crowded = [*names, "greyfriars brewing"]
    assert pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=crowded) == []
    # nothing bought in common: nothing to go on
    psa[trade] = {"name:keeper business": Decimal(3)}
    assert pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=names) == []


def test_two_trades_sharing_a_rare_word_are_two_businesses() -> None:
    """A vendor-only "Whitmore Physical Therapy" and a PSA-only "Whitmore Facilities Management"
    buy two of the same products: neither name is an entity's, so they stay apart."""
    therapy, facilities = "whitmore physical therapy", "whitmore facilities management"
    teams, datto = "teams phone standard", "name:datto saas protection"
    vendor = {therapy: {teams: Decimal(4), datto: Decimal(9)}}
    psa = {facilities: {teams: Decimal(3), datto: Decimal(7)}}
    names = [therapy, facilities]
    assert pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=names) == []


@pytest.mark.parametrize(
    ("name", "key", "domain"),
    [
        (
            "Wildflower Investments LLP (Tenant: wildflowerelectricalservic.onmicrosoft.com)",
            "wildflower investments",
            "wildflowerelectricalservic.onmicrosoft.com",
        ),
        ("Contoso Ltd - contoso.co.uk", "contoso", "contoso.co.uk"),
        ("St. Albans Quay Ltd", "saint albans quay", None),
        ("Smith Co. - Dr. Jones", "smith co doctor jones", None),
    ],
)
def test_a_tenant_domain_after_the_name_is_evidence_not_name(
    name: str, key: str, domain: str | None
) -> None:
    assert client_key(name) == key
    assert domain_in_name(name) == domain


def test_a_tenant_domain_cut_short_spells_the_one_psa_name_it_starts() -> None:
    """Microsoft cuts a tenant's name short ("wildflowerelectricalservic"): it still spells
    Wildflower Electrical Services, the trading name of the legal entity on the bill."""
    vendor = {"wildflower investments": "Wildflower Investments LLP"}
    psa = {
        "wildflower electrical services": "Wildflower Electrical Services",
        "wildflower dental": "Wildflower Dental",
    }
    domains = {"wildflower investments": ["wildflowerelectricalservic.onmicrosoft.com"]}
    matches = match_clients(vendor, psa, vendor_domains=domains)
    paired = {(m.vendor_key, m.psa_key, m.method) for m in matches if m.method != "unmatched"}
    assert paired == {("wildflower investments", "wildflower electrical services", "domain")}
    # a cut that drops a site's number names no numbered site
    clinic = {"ravenstead pharmacy clinic 15": "Ravenstead Pharmacy Clinic 15 Limited"}
    site = {"ravenstead pharmacy clinic 27": "Ravenstead Pharmacy Clinic 27"}
    cut = {"ravenstead pharmacy clinic 15": ["ravensteadpharmacyclinic.onmicrosoft.com"]}
    assert all(m.method == "unmatched" for m in match_clients(clinic, site, vendor_domains=cut))
    # a short label that starts two PSA names decides nothing
    domains = {"wildflower investments": ["wildflower.onmicrosoft.com"]}
    matches = match_clients(vendor, psa, vendor_domains=domains)
    assert all(m.method == "unmatched" for m in matches)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("C1043 Acct 4448 Bergstraße Electrical Services GmbH", "bergstrasse electrical services"),
        ("C1299 Ironbark Electrical Services", "ironbark electrical services"),
        ("C1043 Account Services Ltd", "account services"),  # a name that starts with the label
    ],
)
def test_a_labelled_account_code_after_another_code(name: str, key: str) -> None:
    assert client_key(name) == key


def test_a_consonant_shortening_is_the_word_it_shortens() -> None:
    """ "Dental Gp" is Dental Group; "Dental Lab" is another business."""
    vendor = {"beland valley dental group": "Béland Valley Dental Group Ltd."}
    psa = {"beland valley dental gp": "Béland Valley Dental Gp Ltd."}
    [match] = match_clients(vendor, psa)
    assert (match.vendor_key, match.psa_key, match.method) == (*vendor, *psa, "fuzzy")
    lab = {"beland valley dental lab": "Béland Valley Dental Lab Ltd."}
    assert all(m.method == "unmatched" for m in match_clients(vendor, lab))


def test_the_vendors_own_code_typed_in_the_psa_names_the_product() -> None:
    """ "NAB-NSRMM-WS par utilisateur - admin team": the bill's SKU column gives NAB-NSRMM-WS to
    N-able N-sight RMM Workstation, and to nothing else."""
    vendor = {
        ("N-able N-sight RMM Workstation", ("NAB-NSRMM-WS",)),
        ("Keeper Business", ("KPR-BUS-1M",)),
        ("Keeper Enterprise", ("KPR-ENT-1M",)),
    }
    psa = {("NAB-NSRMM-WS par utilisateur - admin team", ()), ("kpr bus", ()), ("KPR-ENT", ())}
    vendor_matches, psa_matches = match_products(vendor, psa)
    name_by_vendor_codes(vendor_matches, psa_matches)
    by_name = {d[0]: m for d, m in psa_matches.items()}
    typed = by_name["NAB-NSRMM-WS par utilisateur - admin team"]
    assert (typed.key, typed.method) == ("name:n sight rmm workstation", "id")
    assert "NABNSRMMWS" in typed.evidence
    assert by_name["KPR-ENT"].method != "id"  # part of a code is no code


def test_a_code_the_bill_gives_two_products_decides_nothing() -> None:
    vendor = {
        ("Acronis Cyber Protect Cloud - Backup", ("ACR-CPC-01",)),
        ("Acronis Cyber Protect Cloud - Microsoft 365", ("ACR-CPC-01",)),
    }
    psa = {("ACR-CPC-01 licence", ())}
    vendor_matches, psa_matches = match_products(vendor, psa)
    name_by_vendor_codes(vendor_matches, psa_matches)
    assert next(iter(psa_matches.values())).method == "unknown"


@pytest.mark.parametrize(
    ("spelling", "product"),
    [
        ("CFQ7TTC0LH0R:0001 - EXO Kiosk", "Exchange Online Kiosk"),  # an id the catalogue lacks
        ("P1Y:CFQ7TTC0LH0R:0001:1: EXO Kiosk", "Exchange Online Kiosk"),
        ("M365E5SEC", "Microsoft 365 E5 Security"),  # the suite glued to its plan
        ("O365E3", "Office 365 E3"),
        ("MS365E3", "Microsoft 365 E3"),
    ],
)
def test_ids_and_glued_suites_in_a_description(spelling: str, product: str) -> None:
    found = load_catalogue().resolve(spelling)
    assert found.product is not None and found.product.name == product
    assert product_key("M365E5SEC") != product_key("M365 E5")  # the look-alike stays apart


def test_two_notes_after_one_name_and_office_as_a_place() -> None:
    """ "PowerBI Pro (moved from old tenant) - warehouse": two notes; "- office" after several
    different names is where the staff sit."""
    names = [
        "PowerBI Pro (moved from old tenant) - warehouse",
        "PowerBI Pro - office",
        "Visio Plan 2 - office",
        "Project Plan 3 - office",
        "CFQ7TTC0LH0R:0001 - EXO Kiosk (Sydney)",
    ]
    _, psa = match_products(set(), {(n, ()) for n in names})
    keys = {d[0]: m.key for d, m in psa.items()}
    assert keys[names[0]] == keys[names[1]] == product_key("Power BI Pro")
    assert keys[names[4]] == product_key("Exchange Online Kiosk")


def test_device_is_a_licence_word_a_charge_per_device_is_work() -> None:
    assert service_words("two factor login and device trust") == frozenset()
    assert service_words("server backup per device") != frozenset()


def test_a_trading_name_with_its_owner_beside_it() -> None:
    """ "Honeycomb Kitchen - Nettlebed B.V." in the PSA: Nettlebed Marketing Agency is the one
    leftover client so named, and they buy something in common (check first). Two leftover
    McAllisters: only the basket, most of it at the same seats, says which one."""
    from engine.match.client_keys import client_key
    from engine.match.clients import owners_named

    trade = client_key("Honeycomb Kitchen - Nettlebed B.V.")
    owner = owners_named({trade: "Honeycomb Kitchen - Nettlebed B.V."})
    assert owner == {trade: "nettlebed"}
    agency, other = "nettlebed marketing agency", "pinecrest hotel"
    bp, teams = "m365 bp", "teams phone standard"
    vendor = {agency: {bp: Decimal(9), teams: Decimal(4)}, other: {bp: Decimal(3)}}
    psa = {trade: {teams: Decimal(2)}}
    names = [agency, other, trade]
    [pair] = pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=names, owners=owner)
    assert (pair.vendor_key, pair.psa_key, pair.confidence) == (agency, trade, 0.7)
    assert "beside the trading name" in pair.evidence
    # nothing bought in common: nothing to go on
    psa[trade] = {"name:keeper business": Decimal(1)}
    assert pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=names, owners=owner) == []
    # two companies so named and thin evidence: the user decides
    psa[trade] = {teams: Decimal(2)}
    vendor["nettlebed dental"] = {teams: Decimal(2)}
    names.append("nettlebed dental")
    assert pair_by_basket(list(vendor), list(psa), vendor, psa, all_names=names, owners=owner) == []
