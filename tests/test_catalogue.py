"""Product identity: ids in every id space, commerce words stripped, look-alikes never confused."""

from __future__ import annotations

import csv
import itertools

import pytest

from engine.match.catalogue import load_catalogue
from engine.match.product_names import product_key
from engine.match.products import match_products
from tests.conftest import SHARED

RESOLVE = """
Microsoft 365 Business Premium|Microsoft 365 Business Premium
Microsoft 365 Business Premium [NCE]|Microsoft 365 Business Premium
Microsoft 365 Business Premium (NCE) Annual|Microsoft 365 Business Premium
M365 Business Premium|Microsoft 365 Business Premium
MS NCE M365 BP 1YR|Microsoft 365 Business Premium
CFQ7TTC0LCHC - A/M|Microsoft 365 Business Premium
P1Y:CFQ7TTC0LCHC:0002:1:|Microsoft 365 Business Premium
USCFQ7TTC0LCHC0002|Microsoft 365 Business Premium
MST-NCE-103-C100|Microsoft 365 Business Premium
Business Premium|Microsoft 365 Business Premium
SPB|Microsoft 365 Business Premium
Microsoft 365 Business (Monthly Pre-Paid)|Microsoft 365 Business Premium
Microsoft 365 Busines Premium|Microsoft 365 Business Premium
O365_BUSINESS_PREMIUM|Microsoft 365 Business Standard
Office 365 Business Premium|Microsoft 365 Business Standard
Business Standard|Microsoft 365 Business Standard
Microsoft 365 Business Basic|Microsoft 365 Business Basic
ENTERPRISEPACK|Office 365 E3
O365 E3|Office 365 E3
Office 365 E3 - Monthly|Office 365 E3
SPE_E3|Microsoft 365 E3
M365 E3|Microsoft 365 E3
Microsoft 365 E3 (Annual)|Microsoft 365 E3
CFQ7TTC0LFLZ:0002|Microsoft 365 E5
Microsoft 365 E3 (no Teams)|Microsoft 365 E3 (no Teams)
M365 E3 w/o Temas|Microsoft 365 E3 (no Teams)
M365 E3 excl. Teams|Microsoft 365 E3 (no Teams)
Exchange Online Plan 1|Exchange Online (Plan 1)
EXO P1|Exchange Online (Plan 1)
Exchange Online (Plan 2) [NCE]|Exchange Online (Plan 2)
Azure AD Premium P1|Microsoft Entra ID P1
Azure Active Directory Premium P2|Microsoft Entra ID P2
Microsoft 365 Copilot [New Commerce Experience]|Microsoft 365 Copilot
Teams Exploratory|Microsoft Teams Exploratory
Microsoft 365 Business Premium - $MONTHNAME $YEAR|Microsoft 365 Business Premium
Microsoft 365 E3 (01/08/2025 - 31/08/2025)|Microsoft 365 E3
Microsoft 365 Business Premium (1-Aug-2025 to 31-Aug-2025)|Microsoft 365 Business Premium
Office 365 E3 - Aug 2025|Office 365 E3
Office 365 K1|Office 365 F3
Microsoft 365 Business (Secure Productive Business)|Microsoft 365 Business Premium
Business Premium (M365)|Microsoft 365 Business Premium
"""


@pytest.mark.parametrize(
    "text,expected", [line.split("|") for line in RESOLVE.strip().splitlines()]
)
def test_resolve(text: str, expected: str) -> None:
    resolution = load_catalogue().resolve(text)
    assert resolution.product is not None, text
    assert resolution.product.name == expected


@pytest.mark.parametrize(
    "text",
    [
        "E3",
        "Managed Services - Per User",
        "Cloud Backup per Device",
        "Onboarding Labour",
        "Remote Support Block (10 hrs)",
    ],
)
def test_not_guessed(text: str) -> None:
    assert load_catalogue().resolve(text).product is None


LOOK_ALIKES = [
    "Microsoft 365 E3",
    "Office 365 E3",
    "Microsoft 365 E5",
    "Office 365 E5",
    "Office 365 E1",
    "Microsoft 365 Business Basic",
    "Microsoft 365 Business Standard",
    "Microsoft 365 Business Premium",
    "Microsoft 365 E3 (no Teams)",
    "Microsoft 365 Business Premium EEA (no Teams)",
    "Exchange Online (Plan 1)",
    "Exchange Online (Plan 2)",
    "Microsoft Entra ID P1",
    "Microsoft Entra ID P2",
    "Microsoft 365 F1",
    "Microsoft 365 F3",
    "Office 365 F3",
]


def test_look_alikes_resolve_to_themselves_and_never_to_each_other() -> None:
    catalogue = load_catalogue()
    keys = {name: catalogue.resolve(name).product.key for name in LOOK_ALIKES}  # type: ignore[union-attr]
    assert len(set(keys.values())) == len(LOOK_ALIKES)
    for a, b in itertools.permutations(LOOK_ALIKES, 2):
        assert catalogue.resolve(a + " [NCE]").product.key != keys[b]  # type: ignore[union-attr]


def test_catalogue_agrees_with_microsofts_own_table() -> None:
    """Every product in Microsoft's licensing table resolves by its Graph string id and GUID to its name."""
    path = SHARED / "data" / "microsoft_product_names.csv"
    if not path.exists():
        pytest.skip("shared/data is not beside this checkout")
    catalogue = load_catalogue()
    names_of: dict[str, set[str]] = {}
    string_ids: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            guid = row["GUID"].strip()
            names_of.setdefault(guid, set()).add(
                " ".join(row["Product_Display_Name"].replace("\u00a0", " ").split())
            )
            string_ids.add(" ".join(row["String_Id"].replace("\u00a0", " ").split()))
    seen = 0
    for (
        guid,
        names,
    ) in names_of.items():  # a GUID can carry an old and a new name (renamed products)
        product = catalogue.resolve(None, (guid,)).product
        # its own name, or the product a curated rename gives that name to (Microsoft Copilot for
        # Microsoft 365 is Microsoft 365 Copilot): the id and the name agree
        assert product is not None, (guid, names)
        assert product.name in names or any(
            catalogue.resolve(name, ()).product == product for name in names
        ), (guid, names)
        seen += 1
    for string_id in string_ids:
        assert catalogue.resolve(None, (string_id,)).product is not None, string_id
    assert seen > 600
    # the traps named in exports.md
    assert (
        catalogue.resolve(None, ("O365_BUSINESS_PREMIUM",)).product.name
        == "Microsoft 365 Business Standard"
    )  # type: ignore[union-attr]
    assert catalogue.resolve(None, ("SPB",)).product.name == "Microsoft 365 Business Premium"  # type: ignore[union-attr]
    assert catalogue.resolve(None, ("ENTERPRISEPACK",)).product.name == "Office 365 E3"  # type: ignore[union-attr]
    assert catalogue.resolve(None, ("SPE_E3",)).product.name == "Microsoft 365 E3"  # type: ignore[union-attr]


def test_products_in_no_catalogue_reconcile_when_both_sides_name_them_alike() -> None:
    vendor, psa = match_products(
        {("Acme Mail Guard - Advanced", ())},
        {("ACME Mail Guard (Advanced)", ()), ("Acme Mail Guard Basic", ())},
    )
    vendor_key = vendor[("Acme Mail Guard - Advanced", ())].key
    assert psa[("ACME Mail Guard (Advanced)", ())].key == vendor_key
    assert psa[("Acme Mail Guard Basic", ())].key != vendor_key  # basic ≠ advanced


def test_product_alias_maps_psa_spelling() -> None:
    vendor, psa = match_products(
        {("Microsoft 365 Business Premium", ())},
        {("BP Bundle (our SKU)", ())},
        aliases={"Microsoft 365 Business Premium": "BP Bundle (our SKU)"},
    )
    assert (
        psa[("BP Bundle (our SKU)", ())].key == vendor[("Microsoft 365 Business Premium", ())].key
    )
    assert psa[("BP Bundle (our SKU)", ())].method == "alias"


def test_a_sku_written_after_a_dash_is_still_the_sku() -> None:
    """Giacom-style "CFQ7TTC0LFLX-0021": the E3 family's other SKU is not E3; the name decides."""
    catalogue = load_catalogue()
    no_teams = catalogue.resolve("Microsoft 365 E3 (no Teams) - Monthly", ("CFQ7TTC0LFLX-0021",))
    plain = catalogue.resolve("Microsoft 365 E3 - Monthly", ("CFQ7TTC0LFLX-0001",))
    assert no_teams.product is not None and no_teams.product.name == "Microsoft 365 E3 (no Teams)"
    assert plain.product is not None and plain.product.name == "Microsoft 365 E3"


def test_a_name_that_says_an_edition_overrules_the_family_id() -> None:
    """Found on set C: Partner Center's ProductId for Business Basic with the SKU in a column of its
    own, named "Microsoft 365 Business Basic (no Teams)": the no-Teams edition, never Basic."""
    catalogue = load_catalogue()
    found = catalogue.resolve("Microsoft 365 Business Basic (no Teams)", ("CFQ7TTC0LH18", "0008"))
    assert found.product is None or "noteams" in product_key(found.product.name)
    plain = catalogue.resolve("Microsoft 365 Business Basic", ("CFQ7TTC0LH18", "0008"))
    assert plain.product is not None and plain.method == "id"


@pytest.mark.parametrize(
    "typed,same_as",
    [
        ("E3 withot Teams", "E3 (no Teams)"),
        ("M365 BB no Tams", "Microsoft 365 Business Basic (no Teams)"),
        ("M365 Bus Prem (no MS Teams)", "Microsoft 365 Business Premium (no Teams)"),
        ("Recurring - Microsoft Defender for Business", "Microsoft Defender for Business"),
        ("Microsoft Teams Essentials p/u p/m", "Microsoft Teams Essentials"),
        ("MDO365 P2", "Microsoft Defender for Office 365 (Plan 2)"),
        ("Off365 E1", "Office 365 E1"),
        ("Microsoft Intune Plan 1 seat(s)", "Microsoft Intune Plan 1"),  # was Entra ID P1 by plan
    ],
)
def test_spellings_people_type_for_one_product(typed: str, same_as: str) -> None:
    """Found on set C: each was set aside as "not a vendor product"."""
    assert product_key(typed) == product_key(same_as)


def test_a_string_id_of_a_renamed_product_names_the_product_it_was_renamed_to() -> None:
    """Set E: a PSA line typed as Microsoft's string id "MICROSOFT_365_COPILOT" (the old "Microsoft
    Copilot for Microsoft 365") is the bill's Microsoft 365 Copilot, not a product of its own."""
    catalogue = load_catalogue()
    by_id = catalogue.resolve(None, ("MICROSOFT_365_COPILOT",)).product
    by_name = catalogue.resolve("Microsoft 365 Copilot", ()).product
    assert by_id is not None and by_id == by_name
