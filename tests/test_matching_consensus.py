"""Matching on what the clients that use a spelling show (set D's in-house names and EDR words)."""

from __future__ import annotations

from decimal import Decimal

from engine.match.product_context import infer
from engine.match.spelling_consensus import spelling_consensus

HUNTRESS, DEFENDER, BP = "name:huntress managed edr", "defender for business", "m365 bp"
NAMES = {HUNTRESS: "huntress managed edr", DEFENDER: DEFENDER, BP: "microsoft 365 business premium"}
AGENT = "24x7 threat response agent"


def _clients(n: int) -> dict[int, dict[str, Decimal]]:
    """n clients that each buy Business Premium, Huntress and Defender for Business."""
    return {g: {BP: Decimal(10), HUNTRESS: Decimal(10), DEFENDER: Decimal(10)} for g in range(n)}


def test_a_spelling_is_the_product_that_stands_open_beside_it_at_its_clients() -> None:
    """ "24x7 Threat Response Agent" at four clients; each bills Business Premium and Defender by
    name, and Huntress stands unbilled beside the spelling every time (the six other clients
    bill all three by name): it is Huntress."""
    baskets = _clients(10)
    paired = {g: {BP: Decimal(10), DEFENDER: Decimal(10)} for g in range(10)}
    for g in range(4, 10):
        paired[g][HUNTRESS] = Decimal(10)
    pending = [(g, AGENT, Decimal(10)) for g in range(4)]
    found = spelling_consensus(pending, baskets, paired)
    assert found[AGENT].product_key == HUNTRESS
    assert (found[AGENT].beside, found[AGENT].clients) == (4, 4)


def test_two_clients_say_nothing() -> None:
    baskets = _clients(6)
    paired = {g: {BP: Decimal(10), DEFENDER: Decimal(10)} for g in range(6)}
    assert (
        spelling_consensus([(0, AGENT, Decimal(10)), (1, AGENT, Decimal(10))], baskets, paired)
        == {}
    )


def test_a_product_open_at_every_client_stands_beside_every_spelling_and_says_nothing() -> None:
    """An MSP that bills Huntress only under in-house names leaves it open everywhere: a spelling
    seen beside it is no more likely to be it than any other."""
    baskets = _clients(10)
    paired = {g: {BP: Decimal(10), DEFENDER: Decimal(10)} for g in range(10)}
    pending = [(g, "after hours retainer", Decimal(1)) for g in range(5)]
    assert spelling_consensus(pending, baskets, paired) == {}


def test_two_products_open_beside_a_spelling_decide_nothing() -> None:
    baskets = _clients(4)
    paired = {g: {BP: Decimal(10)} for g in range(4)}
    pending = [(g, AGENT, Decimal(10)) for g in range(4)]
    assert spelling_consensus(pending, baskets, paired) == {}


def test_the_consensus_overrules_the_kind_a_name_says() -> None:
    """By its word "threat" the spelling reads as an email-security kind (Defender); the clients
    that use it show it is their Huntress, also where the client buys both."""
    baskets = _clients(12)
    paired = {g: {BP: Decimal(10), DEFENDER: Decimal(10)} for g in range(4)}
    paired[4] = {BP: Decimal(10)}  # this client bills neither Huntress nor Defender by name
    for g in range(5, 12):  # clients without the spelling bill all three by name
        paired[g] = {BP: Decimal(10), DEFENDER: Decimal(10), HUNTRESS: Decimal(10)}
    pending = [(g, AGENT, Decimal(10)) for g in range(5)]
    found = infer(pending, baskets, paired, NAMES)
    assert found[(4, AGENT)].product_key == HUNTRESS
    assert found[(4, AGENT)].method == "consensus"
    assert "5 of the 5 clients" in found[(4, AGENT)].evidence


def test_a_word_for_a_kind_shared_with_one_product_names_neither_beside_another_of_that_kind() -> (
    None
):
    """Set D: "Endpoint Protection (EDR)" shares only "EDR" (a kind of product) with Huntress
    Managed EDR. Beside a Huntress its own line bills all but one seat of and a Defender for
    Business with all 7 seats unbilled, it is the Defender (it had been taken for more Huntress)."""
    spelling = "endpoint protection edr"
    found = infer(
        [(0, spelling, Decimal(7))],
        {0: {HUNTRESS: Decimal(9), DEFENDER: Decimal(7)}},
        {0: {HUNTRESS: Decimal(8)}},
        NAMES,
    )
    assert found[(0, spelling)].product_key == DEFENDER


def test_a_kind_word_still_decides_when_its_seats_are_exactly_what_the_product_leaves() -> None:
    """Set A: "NinjaOne SaaS Backup" for 1 seat beside a Dropsuite backup short of exactly 1 seat
    and an Acronis short of 3 is the Dropsuite."""
    dropsuite, acronis = (
        "name:dropsuite backup for microsoft 365",
        "name:acronis cyber protect cloud",
    )
    names = {dropsuite: dropsuite[5:], acronis: acronis[5:]}
    found = infer(
        [(0, "ninjaone saas backup", Decimal(1))],
        {0: {dropsuite: Decimal(12), acronis: Decimal(10)}},
        {0: {dropsuite: Decimal(11), acronis: Decimal(7)}},
        names,
    )
    assert found[(0, "ninjaone saas backup")].product_key == dropsuite


def test_seats_never_give_a_line_the_typo_of_another_products_brand() -> None:
    """Set C: "Huuntress MEDR" for 4 seats was taken for the client's Dropsuite (4 seats unbilled)
    by its seat count alone; it names the client's Huntress with one slip."""
    dropsuite = "name:dropsuite microsoft 365 backup"
    names = {dropsuite: dropsuite[5:], HUNTRESS: "huntress managed edr"}
    found = infer(
        [(0, "huuntress medr", Decimal(4))],
        {0: {dropsuite: Decimal(4), HUNTRESS: Decimal(5)}},
        {0: {HUNTRESS: Decimal(5)}},
        names,
    )
    got = found.get((0, "huuntress medr"))
    assert got is None or got.product_key != dropsuite


def test_a_note_the_export_puts_after_several_names_is_a_note() -> None:
    """Set E: "- Field staff" follows three different products in one export, so it says who the
    line is for, although "field" is a word of a product's name (Dynamics 365 Field Service); a
    note that names a plan ("(no Teams)") is never dropped, however often it is seen."""
    from engine.match.products import match_products

    names = [
        "Microsoft 365 F3 - Field staff",
        "Power BI Pro - Field staff",
        "Microsoft Defender for Business - Field staff",
        "Microsoft 365 E3 (no Teams)",
        "Office 365 E3 (no Teams)",
        "Microsoft 365 Business Standard (no Teams)",
    ]
    _, psa = match_products(set(), {(name, ()) for name in names})
    got = {name: psa[(name, ())].product for name in names}
    assert got["Microsoft 365 F3 - Field staff"] == "Microsoft 365 F3"
    assert got["Power BI Pro - Field staff"] == "Power BI Pro"
    assert got["Microsoft 365 E3 (no Teams)"] != "Microsoft 365 E3"
    # seen once, "field" names no product this bill or the curated catalogue sells: a note
    _, one = match_products(set(), {("Microsoft 365 F3 - Field staff", ())})
    assert one[("Microsoft 365 F3 - Field staff", ())].product == "Microsoft 365 F3"
    # seen once beside a bill that sells Field Service, the word may name it: not decided by name
    field_service = {("Dynamics 365 Field Service", ())}
    _, one = match_products(field_service, {("Microsoft 365 F3 - Field staff", ())})
    assert not one[("Microsoft 365 F3 - Field staff", ())].in_catalogue
