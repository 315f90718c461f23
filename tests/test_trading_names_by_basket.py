"""A client the PSA knows only by a trading name ("Tidewater Security Services" for the bill's
"Walsh Enterprises Inc.", set O's trading_name_only): no name says who it is, the basket does. The
seats may differ on some products (that is the leakage itself), so buying the same rare products at
all counts as evidence beside the seats that agree; a product the other side lacks still refuses.
"""

from __future__ import annotations

from pathlib import Path

from engine.reconcile import reconcile
from engine.result import Result


def _reconcile(tmp_path: Path, vendor: list[str], psa: list[str]) -> Result:
    (tmp_path / "vendor.csv").write_text("\n".join(vendor) + "\n", encoding="utf-8")
    (tmp_path / "psa.csv").write_text("\n".join(psa) + "\n", encoding="utf-8")
    return reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")


def _books(filler: str = "") -> tuple[list[str], list[str]]:
    """Twelve clients billed exactly, each for Business Basic (and ``filler`` products)."""
    vendor = ["Customer,Product,Qty,Unit Cost"]
    psa = ["Customer,Item,Qty,Rate"]
    for n in range(12):
        name = f"Client {chr(65 + n)} Ltd"
        for product in ["Microsoft 365 Business Basic", *filter(None, filler.split(";"))]:
            vendor.append(f"{name},{product},{n + 10},6.00")
            psa.append(f"{name},{product},{n + 10},7.50")
    return vendor, psa


_WALSH = [
    "Walsh Enterprises Inc.,Microsoft 365 Business Standard,48,10.00",
    "Walsh Enterprises Inc.,Exchange Online (Plan 2),48,6.80",
    "Walsh Enterprises Inc.,Visio Plan 2,48,12.00",
]
_TIDEWATER = [
    "Tidewater Security Services,Microsoft 365 Business Standard,48,12.50",
    "Tidewater Security Services,Exchange Online (Plan 2),6,8.50",
    "Tidewater Security Services,Visio Plan 2,41,15.00",
]


def test_a_trading_name_is_the_client_that_buys_the_same_rare_products(tmp_path: Path) -> None:
    vendor, psa = _books()
    result = _reconcile(tmp_path, vendor + _WALSH, psa + _TIDEWATER)
    pair = next(m for m in result.client_matches if m.vendor_name == "Walsh Enterprises Inc.")
    assert pair.psa_name == "Tidewater Security Services"
    assert pair.method == "basket"
    assert pair.confidence < 0.9  # no name says it: the user checks it first
    assert "products and seats" in pair.evidence
    assert sorted((d.type, d.product) for d in result.discrepancies) == [
        ("under_billed", "Exchange Online (Plan 2)"),
        ("under_billed", "Visio Plan 2"),
    ]


def test_products_every_client_buys_say_nothing_about_who_it_is(tmp_path: Path) -> None:
    """The same three products, but every client on the bill buys them: one seat count alike is
    then a coincidence, not a name."""
    vendor, psa = _books("Microsoft 365 Business Standard;Exchange Online (Plan 2);Visio Plan 2")
    result = _reconcile(tmp_path, vendor + _WALSH, psa + _TIDEWATER)
    assert not any(
        m.vendor_name == "Walsh Enterprises Inc." and m.psa_name for m in result.client_matches
    )


def test_a_product_one_side_lacks_refuses(tmp_path: Path) -> None:
    """Exchange Plan 1 in the PSA against the bill's Plan 2: two clients, not one billed short."""
    vendor, psa = _books()
    other = [
        line.replace("Exchange Online (Plan 2)", "Exchange Online (Plan 1)") for line in _TIDEWATER
    ]
    result = _reconcile(tmp_path, vendor + _WALSH, psa + other)
    assert not any(
        m.vendor_name == "Walsh Enterprises Inc." and m.psa_name for m in result.client_matches
    )


def test_a_name_in_common_does_not_help_products_bought_alike(tmp_path: Path) -> None:
    """Set I (clean spellings): "Valemont Financial Services" on the bill only and "Valemont
    Veterinary" in the PSA only, five products alike and one seat count: two firms of one family.
    Products in common at other seats are weighed by their rarity alone, never with a name."""
    vendor, psa = _books()
    products = [
        ("Exchange Online (Plan 2)", 11, 6),
        ("Microsoft Entra ID P2", 11, 9),
        ("Power BI Pro", 7, 10),
        ("Zoom Workplace Pro", 5, 5),
    ]
    vendor += [f"Valemont Financial Services (Pty) Ltd,{p},{v},9.00" for p, v, _ in products]
    psa += [f"Valemont Veterinary (Pty) Ltd,{p},{s},11.00" for p, _, s in products]
    result = _reconcile(tmp_path, vendor, psa)
    assert not any(
        m.vendor_name.startswith("Valemont") and m.psa_name for m in result.client_matches
    )


def test_two_names_each_with_its_legal_form_and_nothing_in_common_are_two_companies(
    tmp_path: Path,
) -> None:
    """Set R, seed 3: "Sycamore Veterinary Hospital LLC" had been paired with "Prairie Wind
    Insurance Agency Inc." by a rare basket. A trading name has no legal form of its own: two names
    that each end in one, with no word in common, are two companies whatever they buy. ("Cobalt
    Co" may still be a trading name: "Co" is as often the name's word.)"""
    vendor, psa = _books()
    walsh = [
        line.replace("Walsh Enterprises Inc.", "Sycamore Veterinary Hospital LLC")
        for line in _WALSH
    ]
    prairie = [
        line.replace("Tidewater Security Services", "Prairie Wind Insurance Agency Inc.")
        for line in _TIDEWATER
    ]
    result = _reconcile(tmp_path, vendor + walsh, psa + prairie)
    assert not [
        m
        for m in result.client_matches
        if m.vendor_key and m.psa_key and "Sycamore" in m.vendor_name
    ]
    cobalt = [line.replace("Tidewater Security Services", "Cobalt Co") for line in _TIDEWATER]
    result = _reconcile(tmp_path, vendor + _WALSH, psa + cobalt)
    assert (
        next(m for m in result.client_matches if m.vendor_name == "Walsh Enterprises Inc.").psa_name
        == "Cobalt Co"
    )


def test_a_holding_company_is_no_trading_name_of_a_firm_with_its_own_legal_form(
    tmp_path: Path,
) -> None:
    """Set Q, seed 3: "Hartley Family Holdings DAC" and "Hartley Financial Planning LLP" share a
    rare word and one product; two legal forms of two kinds are two companies unless what they buy
    agrees (two products or more, half the smaller basket)."""
    vendor, psa = _books()
    vendor += [
        "Hartley Family Holdings DAC,Exchange Online (Plan 2),4,6.80",
        "Hartley Family Holdings DAC,Microsoft 365 Business Basic,5,6.00",
        "Hartley Family Holdings DAC,Keeper Business,5,3.00",
        "Hartley Family Holdings DAC,Visio Plan 1,2,5.00",
    ]
    psa += [
        "Hartley Financial Planning LLP,Microsoft 365 Business Basic,9,7.50",
        "Hartley Financial Planning LLP,Microsoft Defender for Business,9,3.60",
    ]
    result = _reconcile(tmp_path, vendor, psa)
    assert not [
        m
        for m in result.client_matches
        if m.vendor_key and m.psa_key and "Hartley" in m.vendor_name
    ]


def test_a_firms_longer_name_with_its_associates_is_the_firm(tmp_path: Path) -> None:
    """Set S's descriptive tails: "Ironbridge Insurance Agency&Associates Inc." in the books is the
    bill's "Ironbridge Insurance Agency Inc." (the one name that starts so), though only two of its
    products are billed and at other seats."""
    vendor, psa = _books()
    vendor += [
        "Ironbridge Insurance Agency Inc.,Autodesk AutoCAD LT,1,60.00",
        "Ironbridge Insurance Agency Inc.,Microsoft 365 Apps for enterprise,1,12.00",
        "Ironbridge Insurance Agency Inc.,Keeper Business,1,3.00",
        "Ironbridge Insurance Agency Inc.,Huntress Managed EDR,1,5.00",
    ]
    psa += [
        "Ironbridge Insurance Agency&Associates Inc.,Autodesk AutoCAD LT,3,75.00",
        "Ironbridge Insurance Agency&Associates Inc.,Microsoft 365 Apps for enterprise,4,15.00",
    ]
    result = _reconcile(tmp_path, vendor, psa)
    [pair] = [m for m in result.client_matches if m.vendor_name.startswith("Ironbridge")]
    assert pair.psa_name == "Ironbridge Insurance Agency&Associates Inc."
    assert "with only 'associates' after it" in pair.evidence
