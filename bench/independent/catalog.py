"""Products, services and client-name vocabulary for the independent generator.

Written from the public facts in the briefs (exports.md, Microsoft's product-name table) and
general knowledge of how MSP billing staff type things. Nothing here is taken from the engine.

A PSA spelling is a ``(text, group)`` pair: ``group`` is ``None`` when the spelling can only mean
this product, or a set of product keys it could mean; such a spelling is used only when the
client's vendor basket holds exactly one product of the group (so context resolves it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

D = Decimal


@dataclass(frozen=True)
class Product:
    key: str
    name: str  # canonical name used in truth.json and in clean PSA renders
    ms: bool  # in Microsoft's catalogue (sold through Partner Center)
    list_price: Decimal  # USD per seat per month, annual commitment
    publisher: str = "Microsoft Corporation"
    pc_product_id: str = ""  # Partner Center catalogue ProductId
    pc_sku_id: str = ""
    pax8_sku: str = ""
    dicker_desc: str = ""  # terse distributor description, without the term suffix
    ingram_name: str = ""  # distributor subscription name stem
    generic_name: str = ""  # generic distributor short name
    free: bool = False
    weight: int = 1  # how often it is bought
    # PSA spellings per perturbation class: list of (text, group-or-None)
    spellings: dict[str, list[tuple[str, frozenset[str] | None]]] = field(default_factory=dict)


def _s(*items: str | tuple[str, set[str]]) -> list[tuple[str, frozenset[str] | None]]:
    out: list[tuple[str, frozenset[str] | None]] = []
    for it in items:
        if isinstance(it, tuple):
            out.append((it[0], frozenset(it[1])))
        else:
            out.append((it, None))
    return out


E3_GROUP = {"M365E3", "O365E3", "M365E3NT"}
E5_GROUP = {"M365E5", "E5SEC"}
MAIL_GROUP = {"EXOP1", "EXOP2", "BB"}
BACKUP365_GROUP = {"DROPSUITE", "DATTOSAAS"}
ENDPOINT_GROUP = {"MDB", "S1", "MDE1", "MDE2"}
MAILSEC_GROUP = {"PROOFPOINT", "MDO1"}
VISIO_GROUP = {"VISIO2", "VISIO1"}
PROJECT_GROUP = {"PROJ3", "PROJ1"}
PBI_GROUP = {"PBIPRO", "PBIFREE"}

PRODUCTS: tuple[Product, ...] = (
    Product("BB", "Microsoft 365 Business Basic", True, D("6.00"), pc_product_id="CFQ7TTC0LH18",
            pc_sku_id="0001", pax8_sku="MST-NCE-101-C100", dicker_desc="MS NCE M365 BB",
            ingram_name="Microsoft 365 Business Basic", generic_name="M365 Business Basic", weight=8,
            spellings={
                "brand_dropped": _s("Business Basic", "365 Business Basic"),
                "abbreviation": _s("M365 BB", "M365 Bus Basic", "MS365 Basic"),
                "renamed_product": _s("Office 365 Business Essentials"),
                "bare_plan": _s(("Basic", {"BB", "BP", "BS"})),
                "inhouse_name": _s(("Hosted Email", MAIL_GROUP)),
            }),
    Product("BS", "Microsoft 365 Business Standard", True, D("12.50"), pc_product_id="CFQ7TTC0LDPB",
            pc_sku_id="0001", pax8_sku="MST-NCE-102-C100", dicker_desc="MS NCE M365 BS",
            ingram_name="Microsoft 365 Business Standard", generic_name="M365 Business Standard", weight=9,
            spellings={
                "brand_dropped": _s("Business Standard", "365 Business Standard"),
                "abbreviation": _s("M365 BS", "M365 Bus Std", "M365 Business Std"),
                "renamed_product": _s(("Office 365 Business Premium", {"BS", "BP"})),
                "bare_plan": _s(("Standard", {"BS", "BB", "BP"})),
            }),
    Product("BP", "Microsoft 365 Business Premium", True, D("22.00"), pc_product_id="CFQ7TTC0LCHC",
            pc_sku_id="0002", pax8_sku="MST-NCE-103-C100", dicker_desc="MS NCE M365 BP",
            ingram_name="Microsoft 365 Business Premium", generic_name="M365 Business Premium", weight=12,
            spellings={
                "brand_dropped": _s("Business Premium", "365 Business Premium"),
                "abbreviation": _s("M365 BP", "M365 Bus Prem", "MS 365 BP", "M365 Biz Premium"),
                "renamed_product": _s(("Microsoft 365 Business", {"BP", "BS", "BB"})),
                "bare_plan": _s(("Premium", {"BP", "ENTRAP1", "ENTRAP2"})),
            }),
    Product("O365E1", "Office 365 E1", True, D("10.00"), pc_product_id="CFQ7TTC0LF8R",
            pc_sku_id="0001", pax8_sku="MST-NCE-110-C100", dicker_desc="MS NCE O365 E1",
            ingram_name="Office 365 E1", generic_name="O365 E1", weight=3,
            spellings={
                "brand_dropped": _s("Office E1"),
                "abbreviation": _s("O365 E1", "O365E1"),
                "renamed_product": _s("Office 365 Enterprise E1"),
                "bare_plan": _s(("E1", {"O365E1"})),
            }),
    Product("O365E3", "Office 365 E3", True, D("23.00"), pc_product_id="CFQ7TTC0LF8Q",
            pc_sku_id="0001", pax8_sku="MST-NCE-111-C100", dicker_desc="MS NCE O365 E3",
            ingram_name="Office 365 E3", generic_name="O365 E3", weight=5,
            spellings={
                "brand_dropped": _s("Office E3"),
                "abbreviation": _s("O365 E3", "O365E3", "O-365 E3"),
                "renamed_product": _s("Office 365 Enterprise E3"),
                "bare_plan": _s(("E3", E3_GROUP)),
            }),
    Product("M365E3", "Microsoft 365 E3", True, D("36.00"), pc_product_id="CFQ7TTC0LFLX",
            pc_sku_id="0001", pax8_sku="MST-NCE-120-C100", dicker_desc="MS NCE M365 E3",
            ingram_name="Microsoft 365 E3", generic_name="M365 E3", weight=6,
            spellings={
                "brand_dropped": _s(("365 E3", {"M365E3", "O365E3"})),
                "abbreviation": _s("M365 E3", "MS365 E3", "M365E3"),
                "renamed_product": _s("Microsoft 365 Enterprise E3", "Secure Productive Enterprise E3"),
                "bare_plan": _s(("E3", E3_GROUP)),
            }),
    Product("M365E3NT", "Microsoft 365 E3 (no Teams)", True, D("33.75"), pc_product_id="CFQ7TTC0LFLX",
            pc_sku_id="0010", pax8_sku="MST-NCE-121-C100", dicker_desc="MS NCE M365 E3 NO TEAMS",
            ingram_name="Microsoft 365 E3 (no Teams)", generic_name="M365 E3 (no Teams)", weight=1,
            spellings={
                "brand_dropped": _s("365 E3 (no Teams)"),
                "abbreviation": _s("M365 E3 no Teams", "M365 E3 w/o Teams"),
            }),
    Product("M365E5", "Microsoft 365 E5", True, D("57.00"), pc_product_id="CFQ7TTC0LFLZ",
            pc_sku_id="0002", pax8_sku="MST-NCE-122-C100", dicker_desc="MS NCE M365 E5",
            ingram_name="Microsoft 365 E5", generic_name="M365 E5", weight=3,
            spellings={
                "abbreviation": _s("M365 E5", "MS365 E5", "M365E5"),
                "renamed_product": _s("Microsoft 365 Enterprise E5"),
                "bare_plan": _s(("E5", E5_GROUP)),
            }),
    Product("E5SEC", "Microsoft 365 E5 Security", True, D("12.00"), pc_product_id="CFQ7TTC0LHKF",
            pc_sku_id="0001", pax8_sku="MST-NCE-123-C100", dicker_desc="MS NCE M365 E5 SEC",
            ingram_name="Microsoft 365 E5 Security", generic_name="M365 E5 Security", weight=2,
            spellings={
                "brand_dropped": _s("365 E5 Security", "E5 Security add-on"),
                "abbreviation": _s("M365 E5 Sec", "M365 E5 Security", "E5 Sec add-on"),
            }),
    Product("EXOP1", "Exchange Online (Plan 1)", True, D("4.00"), pc_product_id="CFQ7TTC0LH16",
            pc_sku_id="0001", pax8_sku="MST-NCE-130-C100", dicker_desc="MS NCE EXO P1",
            ingram_name="Exchange Online (Plan 1)", generic_name="Exchange Online Plan 1", weight=7,
            spellings={
                "brand_dropped": _s("Exchange Plan 1"),
                "abbreviation": _s("EXO P1", "EXO Plan 1", "ExO P1", "Exch Online P1"),
                "inhouse_name": _s(("Hosted Email", MAIL_GROUP), ("Business Email", MAIL_GROUP)),
            }),
    Product("EXOP2", "Exchange Online (Plan 2)", True, D("8.00"), pc_product_id="CFQ7TTC0LH1G",
            pc_sku_id="0001", pax8_sku="MST-NCE-131-C100", dicker_desc="MS NCE EXO P2",
            ingram_name="Exchange Online (Plan 2)", generic_name="Exchange Online Plan 2", weight=3,
            spellings={
                "brand_dropped": _s("Exchange Plan 2"),
                "abbreviation": _s("EXO P2", "EXO Plan 2", "Exch Online P2"),
            }),
    Product("EOA", "Exchange Online Archiving", True, D("3.00"), pc_product_id="CFQ7TTC0LH0J",
            pc_sku_id="0001", pax8_sku="MST-NCE-132-C100", dicker_desc="MS NCE EXO ARCHIVING",
            ingram_name="Exchange Online Archiving", generic_name="Exchange Online Archiving", weight=4,
            spellings={
                "brand_dropped": _s("Exchange Archiving"),
                "abbreviation": _s("EOA", "EXO Archiving", "Exch Online Archive"),
                "inhouse_name": _s(("Email Archiving", {"EOA"}), ("Mailbox Archiving", {"EOA"}),
                                   ("Archive Mailbox", {"EOA"})),
            }),
    Product("COPILOT", "Microsoft 365 Copilot", True, D("30.00"), pc_product_id="CFQ7TTC0MM8R",
            pc_sku_id="0001", pax8_sku="MST-NCE-150-C100", dicker_desc="MS NCE M365 COPILOT",
            ingram_name="Microsoft 365 Copilot", generic_name="M365 Copilot", weight=4,
            spellings={
                "brand_dropped": _s("Copilot", "365 Copilot"),
                "abbreviation": _s("M365 Copilot", "MS Copilot"),
                "renamed_product": _s("Copilot for Microsoft 365", "Microsoft Copilot for Microsoft 365"),
                "inhouse_name": _s(("AI Assistant", {"COPILOT"})),
            }),
    Product("PBIPRO", "Power BI Pro", True, D("14.00"), pc_product_id="CFQ7TTC0L3PB",
            pc_sku_id="0001", pax8_sku="MST-NCE-160-C100", dicker_desc="MS NCE PBI PRO",
            ingram_name="Power BI Pro", generic_name="Power BI Pro", weight=4,
            spellings={
                "brand_dropped": _s("BI Pro"),
                "abbreviation": _s("PBI Pro", "PowerBI Pro", "PBI-Pro"),
                "bare_plan": _s(("Power BI", PBI_GROUP)),
            }),
    Product("VISIO2", "Visio Plan 2", True, D("15.00"), pc_product_id="CFQ7TTC0HD33",
            pc_sku_id="0001", pax8_sku="MST-NCE-170-C100", dicker_desc="MS NCE VISIO P2",
            ingram_name="Visio Plan 2", generic_name="Visio Plan 2", weight=2,
            spellings={
                "abbreviation": _s("Visio P2", "Visio Pln 2"),
                "renamed_product": _s("Visio Online Plan 2", "Visio Pro for Office 365"),
                "bare_plan": _s(("Visio", VISIO_GROUP)),
            }),
    Product("VISIO1", "Visio Plan 1", True, D("5.00"), pc_product_id="CFQ7TTC0HD32",
            pc_sku_id="0001", pax8_sku="MST-NCE-171-C100", dicker_desc="MS NCE VISIO P1",
            ingram_name="Visio Plan 1", generic_name="Visio Plan 1", weight=1,
            spellings={
                "abbreviation": _s("Visio P1"),
                "renamed_product": _s("Visio Online Plan 1"),
                "bare_plan": _s(("Visio", VISIO_GROUP)),
            }),
    Product("PROJ3", "Project Plan 3", True, D("30.00"), pc_product_id="CFQ7TTC0HDN1",
            pc_sku_id="0001", pax8_sku="MST-NCE-180-C100", dicker_desc="MS NCE PROJECT P3",
            ingram_name="Project Plan 3", generic_name="Project Plan 3", weight=2,
            spellings={
                "abbreviation": _s("Project P3", "Proj Plan 3", "Proj P3"),
                "renamed_product": _s("Project Online Professional"),
                "bare_plan": _s(("Project", PROJECT_GROUP)),
            }),
    Product("ENTRAP1", "Microsoft Entra ID P1", True, D("6.00"), pc_product_id="CFQ7TTC0LH2H",
            pc_sku_id="0001", pax8_sku="MST-NCE-190-C100", dicker_desc="MS NCE ENTRA ID P1",
            ingram_name="Microsoft Entra ID P1", generic_name="Entra ID P1", weight=3,
            spellings={
                "brand_dropped": _s("Entra ID P1", "Entra ID Premium P1"),
                "abbreviation": _s("AAD P1", "Entra P1", "AADP1"),
                "renamed_product": _s("Azure AD Premium P1", "Azure Active Directory Premium P1",
                                      "Azure AD Premium Plan 1"),
            }),
    Product("ENTRAP2", "Microsoft Entra ID P2", True, D("9.00"), pc_product_id="CFQ7TTC0LH2J",
            pc_sku_id="0001", pax8_sku="MST-NCE-191-C100", dicker_desc="MS NCE ENTRA ID P2",
            ingram_name="Microsoft Entra ID P2", generic_name="Entra ID P2", weight=1,
            spellings={
                "brand_dropped": _s("Entra ID P2", "Entra ID Premium P2"),
                "abbreviation": _s("AAD P2", "Entra P2"),
                "renamed_product": _s("Azure AD Premium P2", "Azure Active Directory Premium P2"),
            }),
    Product("MDE1", "Microsoft Defender for Endpoint P1", True, D("3.00"), pc_product_id="CFQ7TTC0LHR3",
            pc_sku_id="0001", pax8_sku="MST-NCE-201-C100", dicker_desc="MS NCE DEF ENDPOINT P1",
            ingram_name="Microsoft Defender for Endpoint P1", generic_name="Defender for Endpoint P1", weight=1,
            spellings={
                "brand_dropped": _s("Defender for Endpoint P1"),
                "abbreviation": _s("MDE P1", "MDE Plan 1"),
                "renamed_product": _s("Microsoft Defender ATP P1"),
            }),
    Product("MDE2", "Microsoft Defender for Endpoint P2", True, D("5.20"), pc_product_id="CFQ7TTC0LHR4",
            pc_sku_id="0001", pax8_sku="MST-NCE-202-C100", dicker_desc="MS NCE DEF ENDPOINT P2",
            ingram_name="Microsoft Defender for Endpoint P2", generic_name="Defender for Endpoint P2", weight=1,
            spellings={
                "brand_dropped": _s("Defender for Endpoint P2"),
                "abbreviation": _s("MDE P2", "MDE Plan 2"),
                "renamed_product": _s("Microsoft Defender ATP", "Windows Defender ATP"),
            }),
    Product("PROJ1", "Project Plan 1", True, D("10.00"), pc_product_id="CFQ7TTC0HDN0",
            pc_sku_id="0001", pax8_sku="MST-NCE-181-C100", dicker_desc="MS NCE PROJECT P1",
            ingram_name="Project Plan 1", generic_name="Project Plan 1", weight=1,
            spellings={
                "abbreviation": _s("Project P1", "Proj Plan 1"),
                "bare_plan": _s(("Project", PROJECT_GROUP)),
            }),
    Product("TEAMSPHONE", "Microsoft Teams Phone Standard", True, D("10.00"), pc_product_id="CFQ7TTC0J1FV",
            pc_sku_id="0001", pax8_sku="MST-NCE-242-C100", dicker_desc="MS NCE TEAMS PHONE STD",
            ingram_name="Microsoft Teams Phone Standard", generic_name="Teams Phone Standard", weight=2,
            spellings={
                "brand_dropped": _s("Teams Phone Standard", "Teams Phone"),
                "abbreviation": _s("MS Teams Phone Std", "Teams Phone Std"),
                "renamed_product": _s("Microsoft 365 Phone System", "Phone System"),
            }),
    Product("MDB", "Microsoft Defender for Business", True, D("3.00"), pc_product_id="CFQ7TTC0LH8D",
            pc_sku_id="0001", pax8_sku="MST-NCE-200-C100", dicker_desc="MS NCE DEFENDER BUS",
            ingram_name="Microsoft Defender for Business", generic_name="Defender for Business", weight=3,
            spellings={
                "brand_dropped": _s("Defender for Business"),
                "abbreviation": _s("MDB", "MS Defender Bus", "Defender 4 Business"),
                "inhouse_name": _s(("Endpoint Protection", ENDPOINT_GROUP), ("Antivirus", ENDPOINT_GROUP)),
            }),
    Product("INTUNE1", "Microsoft Intune Plan 1", True, D("8.00"), pc_product_id="CFQ7TTC0LCHL",
            pc_sku_id="0001", pax8_sku="MST-NCE-210-C100", dicker_desc="MS NCE INTUNE P1",
            ingram_name="Microsoft Intune Plan 1", generic_name="Intune Plan 1", weight=2,
            spellings={
                "brand_dropped": _s("Intune Plan 1", "Intune P1 licence"),
                "abbreviation": _s("Intune P1", "MS Intune P1"),
                "renamed_product": _s("Microsoft Intune"),
            }),
    Product("F3", "Microsoft 365 F3", True, D("8.00"), pc_product_id="CFQ7TTC0LGZT",
            pc_sku_id="0001", pax8_sku="MST-NCE-220-C100", dicker_desc="MS NCE M365 F3",
            ingram_name="Microsoft 365 F3", generic_name="M365 F3", weight=2,
            spellings={
                "brand_dropped": _s("365 F3"),
                "abbreviation": _s("M365 F3", "MS365 F3"),
                "bare_plan": _s(("F3", {"F3"})),
            }),
    Product("APPSBUS", "Microsoft 365 Apps for Business", True, D("8.25"), pc_product_id="CFQ7TTC0LH1P",
            pc_sku_id="0001", pax8_sku="MST-NCE-230-C100", dicker_desc="MS NCE M365 APPS BUS",
            ingram_name="Microsoft 365 Apps for business", generic_name="M365 Apps for Business", weight=3,
            spellings={
                "brand_dropped": _s("365 Apps for Business", "Apps for business"),
                "abbreviation": _s("M365 Apps Bus", "M365 Apps for Biz"),
                "renamed_product": _s(("Office 365 Business", {"APPSBUS", "BS", "BP", "BB"})),
                "inhouse_name": _s(("Office Suite", {"APPSBUS"}), ("Desktop Office Apps", {"APPSBUS"})),
            }),
    Product("TEAMSESS", "Microsoft Teams Essentials", True, D("4.00"), pc_product_id="CFQ7TTC0RM8K",
            pc_sku_id="0001", pax8_sku="MST-NCE-240-C100", dicker_desc="MS NCE TEAMS ESS",
            ingram_name="Microsoft Teams Essentials", generic_name="Teams Essentials", weight=1,
            spellings={
                "brand_dropped": _s("Teams Essentials"),
                "abbreviation": _s("MS Teams Ess", "Teams Ess."),
            }),
    Product("TEAMSENT", "Microsoft Teams Enterprise", True, D("5.25"), pc_product_id="CFQ7TTC0MRFN",
            pc_sku_id="0001", pax8_sku="MST-NCE-241-C100", dicker_desc="MS NCE TEAMS ENT",
            ingram_name="Microsoft Teams Enterprise", generic_name="Teams Enterprise", weight=1,
            spellings={
                "brand_dropped": _s("Teams Enterprise"),
                "abbreviation": _s("MS Teams Ent"),
            }),
    Product("MDO1", "Microsoft Defender for Office 365 (Plan 1)", True, D("2.00"), pc_product_id="CFQ7TTC0LHSP",
            pc_sku_id="0001", pax8_sku="MST-NCE-250-C100", dicker_desc="MS NCE DEF O365 P1",
            ingram_name="Microsoft Defender for Office 365 (Plan 1)", generic_name="Defender for O365 P1",
            weight=2,
            spellings={
                "brand_dropped": _s("Defender for Office 365 P1"),
                "abbreviation": _s("MDO P1", "Defender O365 P1"),
                "renamed_product": _s("Office 365 Advanced Threat Protection (Plan 1)", "O365 ATP Plan 1"),
                "inhouse_name": _s(("Email Threat Protection", MAILSEC_GROUP)),
            }),
    # ---- free / trial (vendor side only; cost nothing) ----
    Product("TEAMSEXP", "Microsoft Teams Exploratory", True, D("0"), pc_product_id="CFQ7TTC0LHJT",
            pc_sku_id="0001", pax8_sku="MST-NCE-900-FREE", dicker_desc="MS TEAMS EXPLORATORY",
            ingram_name="Microsoft Teams Exploratory", generic_name="Teams Exploratory", free=True),
    Product("PAFREE", "Microsoft Power Automate Free", True, D("0"), pc_product_id="CFQ7TTC0LH3N",
            pc_sku_id="0001", pax8_sku="MST-NCE-901-FREE", dicker_desc="MS POWER AUTOMATE FREE",
            ingram_name="Microsoft Power Automate Free", generic_name="Power Automate Free", free=True),
    Product("PBIFREE", "Power BI (free)", True, D("0"), pc_product_id="CFQ7TTC0LHSF",
            pc_sku_id="0001", pax8_sku="MST-NCE-902-FREE", dicker_desc="MS POWER BI FREE",
            ingram_name="Power BI (free)", generic_name="Power BI Free", free=True),
    # ---- outside Microsoft's catalogue ----
    Product("ACRONIS", "Acronis Cyber Protect Cloud", False, D("6.50"), publisher="Acronis",
            pax8_sku="ACR-CPC-WKL-STD", dicker_desc="ACRONIS CPC PER WORKLOAD",
            ingram_name="Acronis Cyber Protect Cloud - Per Workload", generic_name="Acronis CPC Workload",
            weight=5,
            spellings={
                "brand_dropped": _s("Cyber Protect Cloud"),
                "out_of_catalogue": _s("Acronis Cyber Protect", "Acronis CPC - Workload",
                                       "Acronis Cyber Cloud Protect"),
                "renamed_product": _s("Acronis Cyber Backup Cloud"),
            }),
    Product("KEEPER", "Keeper Business", False, D("3.75"), publisher="Keeper Security",
            pax8_sku="KPR-BUS-1M", dicker_desc="KEEPER BUSINESS USER", ingram_name="Keeper Business Plan",
            generic_name="Keeper Business", weight=4,
            spellings={
                "out_of_catalogue": _s("Keeper Security Business", "Keeper Business Plan - per user",
                                       "Keeper Password Mgr Business"),
                "inhouse_name": _s(("Password Manager", {"KEEPER"}), ("Password Vault", {"KEEPER"})),
            }),
    Product("ADOBE", "Adobe Acrobat Pro for teams", False, D("23.99"), publisher="Adobe",
            pax8_sku="ADB-ACRPRO-TM", dicker_desc="ADOBE ACROBAT PRO TEAMS", ingram_name="Adobe Acrobat Pro for teams (VIP)",
            generic_name="Acrobat Pro Teams", weight=3,
            spellings={
                "brand_dropped": _s("Acrobat Pro for teams", "Acrobat Pro"),
                "out_of_catalogue": _s("Adobe Acrobat Pro DC (Teams)", "Acrobat Pro for Teams - VIP",
                                       "Adobe Acrobat Pro Teams"),
                "inhouse_name": _s(("PDF Editor", {"ADOBE"})),
            }),
    Product("DROPSUITE", "Dropsuite Backup for Microsoft 365", False, D("2.50"), publisher="Dropsuite",
            pax8_sku="DRP-M365-BKP", dicker_desc="DROPSUITE M365 BACKUP", ingram_name="Dropsuite Microsoft 365 Backup",
            generic_name="Dropsuite M365 Backup", weight=3,
            spellings={
                "out_of_catalogue": _s("Dropsuite M365 Backup", "Dropsuite Office 365 Backup",
                                       "Dropsuite Email Backup & Archiving"),
                "renamed_product": _s("NinjaOne SaaS Backup"),
                "inhouse_name": _s(("Backup for 365", BACKUP365_GROUP), ("M365 Mailbox Backup", BACKUP365_GROUP)),
            }),
    Product("S1", "SentinelOne Singularity Complete", False, D("6.00"), publisher="SentinelOne",
            pax8_sku="S1-SNG-CMP", dicker_desc="SENTINELONE SINGULARITY CMPLT", ingram_name="SentinelOne Singularity Complete",
            generic_name="S1 Singularity Complete", weight=3,
            spellings={
                "brand_dropped": _s("Singularity Complete"),
                "abbreviation": _s("S1 Complete", "S1 Singularity Complete"),
                "out_of_catalogue": _s("SentinelOne Complete EDR", "Sentinel One Singularity Complete"),
                "inhouse_name": _s(("Endpoint Protection", ENDPOINT_GROUP), ("EDR Agent", ENDPOINT_GROUP)),
            }),
    Product("DATTOSAAS", "Datto SaaS Protection for Microsoft 365", False, D("3.00"), publisher="Datto",
            pax8_sku="DTO-SAAS-M365", dicker_desc="DATTO SAAS PROT M365", ingram_name="Datto SaaS Protection - Microsoft 365",
            generic_name="Datto SaaS Protection M365", weight=2,
            spellings={
                "brand_dropped": _s("SaaS Protection for Microsoft 365"),
                "out_of_catalogue": _s("Datto SaaS Protect - M365", "Datto SaaS Protection M365 (per seat)"),
                "renamed_product": _s("Backupify for Microsoft 365"),
                "inhouse_name": _s(("Backup for 365", BACKUP365_GROUP), ("M365 Mailbox Backup", BACKUP365_GROUP)),
            }),
    Product("PROOFPOINT", "Proofpoint Essentials Business", False, D("4.50"), publisher="Proofpoint",
            pax8_sku="PFP-ESS-BUS", dicker_desc="PROOFPOINT ESS BUSINESS", ingram_name="Proofpoint Essentials - Business",
            generic_name="Proofpoint Ess Business", weight=2,
            spellings={
                "brand_dropped": _s("Essentials Business (email security)"),
                "out_of_catalogue": _s("Proofpoint Essentials - Business", "Proofpoint Email Security Business"),
                "inhouse_name": _s(("Secure Email", MAILSEC_GROUP), ("Spam Filtering", MAILSEC_GROUP)),
            }),
)

BY_KEY = {p.key: p for p in PRODUCTS}

# Primary suites (one per client, sometimes two for look-alike traps) and add-ons.
SUITES = ("BB", "BS", "BP", "O365E1", "O365E3", "M365E3", "M365E5", "EXOP1", "F3", "APPSBUS")
ADDONS = ("EOA", "COPILOT", "PBIPRO", "VISIO2", "VISIO1", "PROJ3", "ENTRAP1", "MDB", "INTUNE1",
          "TEAMSESS", "MDO1", "EXOP2", "E5SEC", "TEAMSENT", "ENTRAP2", "MDE1", "MDE2", "PROJ1", "TEAMSPHONE")
NON_MS = ("ACRONIS", "KEEPER", "ADOBE", "DROPSUITE", "S1", "DATTOSAAS", "PROOFPOINT")
FREE = ("TEAMSEXP", "PAFREE", "PBIFREE")
# Look-alike pairs one client buys together (must never merge).
LOOKALIKES = (("M365E5", "E5SEC"), ("M365E3", "O365E3"), ("BB", "BP"), ("EXOP1", "EXOP2"),
              ("M365E3", "M365E3NT"), ("VISIO1", "VISIO2"), ("ENTRAP1", "ENTRAP2"), ("MDE1", "MDE2"),
              ("PROJ1", "PROJ3"))

# ---- PSA service lines (never reconciled) ----
SERVICES: tuple[tuple[str, Decimal, str], ...] = (
    # (text, unit price USD, unit driver: users|devices|hours|one)
    ("Managed Services - per user", D("95.00"), "users"),
    ("Managed IT Services (per user / month)", D("110.00"), "users"),
    ("Server Backup - per device", D("45.00"), "devices"),
    ("Workstation Backup (BDR) - per device", D("12.00"), "devices"),
    ("Remote Support Block - 10 hours", D("1250.00"), "one"),
    ("Onsite Labour (hours)", D("145.00"), "hours"),
    ("Project Labour - Engineer hours", D("165.00"), "hours"),
    ("Managed Firewall Monitoring", D("75.00"), "one"),
    ("Dell Latitude 5450 Laptop (hardware)", D("1289.00"), "one"),
    ("Microsoft 365 Support - per user", D("15.00"), "users"),
    ("New User Onboarding - one-time setup fee", D("150.00"), "one"),
    ("Managed Print Services", D("60.00"), "one"),
    ("Helpdesk Support - per device", D("25.00"), "devices"),
)

# ---- client-name vocabulary ----
PLACES = (
    "Harrington", "Blue Ridge", "Castellan", "Oakmont", "Pinecrest", "Redwood", "Summit", "Lakeside",
    "Meridian", "Silverline", "Granite", "Westbrook", "Fairview", "Kingsley", "Ashford", "Brighton",
    "Cedar Valley", "Coastal", "Evergreen", "Highland", "Ironwood", "Juniper", "Keystone", "Liberty",
    "Maple Grove", "Newport", "Orchard", "Parkside", "Quarry Hill", "Riverside", "Sterling", "Tidewater",
    "Vantage", "Whitmore", "Zenith", "Alder", "Birchwood", "Clearwater", "Dunmore", "Elmhurst", "Foxglove",
    "Greystone", "Hollis", "Jasper", "Kestrel", "Larkspur", "Millbrook", "Norwood", "Osprey", "Prescott",
    "Quincy", "Rosewood", "Stonebridge", "Thornton", "Upland", "Willow Creek", "Yardley", "Bramble",
    "Copperfield", "Driftwood", "Eastgate", "Falcon Ridge", "Goldleaf", "Hawthorne", "Ivy Lane", "Kensington",
    "Lighthouse", "Marigold", "Northgate", "Oldfield", "Pembroke", "Ravenwood", "Saltmarsh", "Tamarack",
)
INDUSTRIES = (
    "Dental Group", "Family Dental", "Law Group", "Legal Services", "Accounting Services",
    "Property Management", "Construction Company", "Engineering Associates", "Medical Associates",
    "Veterinary Clinic", "Insurance Agency", "Realty Group", "Logistics", "Manufacturing Company",
    "Architects", "Financial Services", "Chiropractic Clinic", "Auto Repair", "Landscaping Services",
    "Plumbing & Heating", "Physical Therapy", "Consulting Group", "Marketing Agency", "Credit Union",
    "Builders", "Management Services", "Engineering Services", "Facilities Management", "Title Company",
    "Surveying Associates", "Distribution International", "Health Partners", "Capital Partners",
)
LEGAL = ("LLC", "Inc.", "Ltd", "Limited", "Corporation", "Incorporated", "LLP", "Corp.", "Pty Ltd", "")
# Names carrying letters NFKD does not fold, with the way a US/UK PSA user types them.
ACCENTED: tuple[tuple[str, str], ...] = (
    ("Sørensen Arkitekter ApS", "Sorensen Arkitekter ApS"),
    ("Bæk & Sønner A/S", "Baek & Sonner A/S"),
    ("Müller & Weiß Bau GmbH", "Mueller & Weiss Bau GmbH"),
    ("Café Élan Bistro LLC", "Cafe Elan Bistro LLC"),
    ("Ærø Marine Supply Ltd", "Aero Marine Supply Ltd"),
    ("Łukasiewicz Imports Inc.", "Lukasiewicz Imports Inc."),
    ("Großmann Straßenbau GmbH", "Grossmann Strassenbau GmbH"),
    ("Øresund Logistik AB", "Oresund Logistik AB"),
    ("Crème de la Crème Bakery LLC", "Creme de la Creme Bakery LLC"),
    ("Núñez & Peña Abogados S.L.", "Nunez & Pena Abogados S.L."),
)
TRADE_NAMES = ("Brightside", "Northstar", "Blue Door", "Copper Kettle", "Green Acres", "Peak Performance",
               "Pioneer", "Silver Birch", "Red Fern", "Bluebird", "True North", "Lantern")
SIBLINGS: tuple[tuple[str, ...], ...] = (
    ("Northwind Dental Group", "Northwind Dental Lab"),
    ("Bayside Pharmacy Store 12", "Bayside Pharmacy Store 15", "Bayside Pharmacy Store 9"),
    ("Harbor Coffee Store 3", "Harbor Coffee Store 7"),
    ("Summit Law Group LLP", "Summit Law Partners LLP"),
    ("Oakridge Medical Associates", "Oakridge Medical Imaging"),
)
