"""The sample's product catalogue: costs, usual prices, Partner Center ids, the terse distributor
descriptions and the ways PSAs spell each product; the free SKU and the service lines."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class SampleProduct:
    name: str  # canonical catalogue name
    cost: Decimal  # MSP's monthly unit cost
    price: Decimal  # usual monthly price to clients
    partner_center_id: str  # "" when not known
    terse: str  # distributor-style description
    psa_spellings: tuple[str, ...]


PRODUCTS: tuple[SampleProduct, ...] = (
    SampleProduct(
        "Microsoft 365 Business Premium",
        Decimal("19.80"),
        Decimal("24.00"),
        "CFQ7TTC0LCHC:0002",
        "MS NCE M365 BP 1YR",
        (
            "Microsoft 365 Business Premium",
            "M365 Business Premium",
            "Business Premium",
            "Microsoft 365 Business Premium (NCE) Annual",
        ),
    ),
    SampleProduct(
        "Microsoft 365 Business Standard",
        Decimal("11.25"),
        Decimal("14.00"),
        "CFQ7TTC0LDPB:0001",
        "MS NCE M365 BS 1YR",
        ("Microsoft 365 Business Standard", "M365 Business Standard", "Business Standard"),
    ),
    SampleProduct(
        "Microsoft 365 Business Basic",
        Decimal("5.40"),
        Decimal("7.00"),
        "CFQ7TTC0LH18:0001",
        "MS NCE M365 BB 1MTH",
        ("Microsoft 365 Business Basic", "M365 Business Basic [NCE]", "Business Basic"),
    ),
    SampleProduct(
        "Microsoft 365 E3",
        Decimal("32.40"),
        Decimal("39.00"),
        "CFQ7TTC0LFLX:0001",
        "MS NCE M365 E3 1YR",
        ("Microsoft 365 E3", "M365 E3", "Microsoft 365 E3 (Annual)"),
    ),
    SampleProduct(
        "Microsoft 365 E5",
        Decimal("51.84"),
        Decimal("60.00"),
        "CFQ7TTC0LFLZ:0002",
        "MS NCE M365 E5 1YR",
        ("Microsoft 365 E5", "M365 E5"),
    ),
    SampleProduct(
        "Office 365 E3",
        Decimal("20.70"),
        Decimal("25.00"),
        "CFQ7TTC0LF8Q:0001",
        "MS NCE O365 E3 1MTH",
        ("Office 365 E3", "O365 E3", "Office 365 E3 - Monthly"),
    ),
    SampleProduct(
        "Exchange Online (Plan 1)",
        Decimal("3.60"),
        Decimal("5.00"),
        "CFQ7TTC0LH16:0001",
        "MS NCE EXO P1 1YR",
        ("Exchange Online (Plan 1)", "Exchange Online Plan 1", "EXO P1"),
    ),
    SampleProduct(
        "Exchange Online Archiving for Exchange Online",
        Decimal("2.70"),
        Decimal("4.00"),
        "CFQ7TTC0LH0J:0001",
        "MS NCE EOA 1YR",
        ("Exchange Online Archiving", "Exchange Online Archiving for Exchange Online"),
    ),
    SampleProduct(
        "Microsoft 365 Copilot",
        Decimal("27.00"),
        Decimal("32.00"),
        "CFQ7TTC0MM8R:0001",
        "MS NCE M365 COPILOT 1YR",
        ("Microsoft 365 Copilot", "Copilot for Microsoft 365"),
    ),
    SampleProduct(
        "Microsoft Entra ID P1",
        Decimal("5.40"),
        Decimal("7.50"),
        "",
        "Microsoft Entra ID P1",
        ("Microsoft Entra ID P1", "Azure AD Premium P1"),
    ),
    SampleProduct(
        "Power BI Pro", Decimal("12.60"), Decimal("15.00"), "", "Power BI Pro", ("Power BI Pro",)
    ),
    SampleProduct(
        "Acme Mail Guard Advanced",
        Decimal("1.75"),
        Decimal("3.00"),
        "",
        "Acme Mail Guard - Advanced",
        ("Acme Mail Guard Advanced", "ACME Mail Guard (Advanced)"),
    ),
)
FREE_PRODUCT = SampleProduct(
    "Microsoft Teams Exploratory", Decimal(0), Decimal(0), "", "Teams Exploratory", ()
)
SERVICES = (
    "Managed Services - Per User",
    "Cloud Backup per Device",
    "Remote Support Block (10 hrs)",
    "Onboarding Labour",
)
