"""Products of set H: Microsoft's own display names (from the shared licensing table) and
non-Microsoft products with their look-alikes, each with the spellings people type for it.

Spellings are grouped by perturbation class. A *vague* spelling (bare plan, in-house name) lists every
product it could mean; it is used only for a client that buys exactly one of those from the vendor.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Product:
    key: str
    name: str  # canonical: Microsoft's Product_Display_Name, or the publisher's own name
    publisher: str
    cost_usd_cents: int  # the MSP's monthly unit cost, in US cents, before currency scaling
    pc_id: str = ""  # Partner Center ProductId:SkuId where known
    string_id: str = ""  # Graph String_Id (Microsoft's table)
    abbreviation: tuple[str, ...] = ()
    brand_dropped: tuple[str, ...] = ()
    renamed: tuple[str, ...] = ()
    vague: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (spelling, products it could mean)
    inhouse: tuple[tuple[str, tuple[str, ...]], ...] = ()
    word_order: tuple[str, ...] = ()
    free: bool = False
    tags: tuple[str, ...] = field(default=())


E3S = ("m365e3", "o365e3", "m365e3nt")
E5S = ("m365e5", "e5sec")
MAIL = ("exo1", "exo2", "bb")
ARCH = ("exoarch", "dropsuite_arch")
BACKUP = ("acronis_std", "acronis_adv", "dropsuite_bak")
EDR = ("mdb", "mde1", "s1_control", "s1_complete", "huntress_edr")
PW = ("keeper_bus", "keeper_ent")
PDF = ("acrobat_pro", "acrobat_std")
MFA = ("duo_ess", "duo_adv", "entra1", "entra2")
MEET = ("zoom_pro", "zoom_bus")
SPAM = ("pp_bus", "pp_adv")
OFFICE = ("bb", "bs", "bp", "apps_bus", "o365e1", "o365e3", "m365e3", "m365e5", "m365e3nt")

PRODUCTS: tuple[Product, ...] = (
    Product("bb", "Microsoft 365 Business Basic", "Microsoft", 600, "CFQ7TTC0LH18:0001",
            "SMB_BUSINESS_ESSENTIALS", ("M365 BB", "MS365 Bus Basic", "M365 Bus. Basic"),
            ("Business Basic",), ("Office 365 Business Essentials",),
            (("Basic", ("bb", "zoom_pro")),), (("Hosted Email & Teams", MAIL),),
            ("Business Basic - Microsoft 365",)),
    Product("bs", "Microsoft 365 Business Standard", "Microsoft", 1250, "CFQ7TTC0LDPB:0001",
            "O365_BUSINESS_PREMIUM", ("M365 BS", "MS365 Bus Std", "M365 Bus. Standard"),
            ("Business Standard",), ("Office 365 Business Premium",),
            (("Standard", ("bs", "acronis_std", "acrobat_std")),),
            (("Office Suite (desktop apps)", OFFICE),), ("Business Standard - Microsoft 365",)),
    Product("bp", "Microsoft 365 Business Premium", "Microsoft", 2200, "CFQ7TTC0LCHC:0002", "SPB",
            ("M365 BP", "MS365 Bus Prem", "M365 Bus. Prem."), ("Business Premium",),
            ("Microsoft 365 Business",),
            (("Premium", ("bp", "entra1", "entra2", "bitdef")),),
            (("Secure Office Bundle", OFFICE),), ("Business Premium - Microsoft 365",)),
    Product("apps_bus", "Microsoft 365 Apps for Business", "Microsoft", 825, "CFQ7TTC0LH1G:0001",
            "O365_BUSINESS", ("M365 Apps Bus", "MS365 Apps f. Business"), ("Apps for Business",),
            ("Office 365 Business",), (), (("Office Desktop Apps", OFFICE),)),
    Product("o365e1", "Office 365 E1", "Microsoft", 1000, "CFQ7TTC0LF8R:0001", "STANDARDPACK",
            ("O365 E1", "O365E1"), (), ("Office 365 Enterprise E1",), (("E1", ("o365e1",)),),
            ()),
    Product("o365e3", "Office 365 E3", "Microsoft", 2300, "CFQ7TTC0LF8Q:0001", "ENTERPRISEPACK",
            ("O365 E3", "O365E3", "Off365 E3"), ("Office E3",), ("Office 365 Enterprise E3",),
            (("E3", E3S),), (), ("E3 - Office 365",)),
    Product("m365e3", "Microsoft 365 E3", "Microsoft", 3600, "CFQ7TTC0LFLX:0001", "SPE_E3",
            ("M365 E3", "M365E3", "MS365 E3"), (), ("Microsoft 365 Enterprise E3",),
            (("E3", E3S),), (), ("E3 - Microsoft 365",)),
    Product("m365e3nt", "Microsoft 365 E3 (no Teams)", "Microsoft", 3375, "CFQ7TTC0LFLX:0003",
            "Microsoft_365_E3_(no_Teams)", ("M365 E3 no Teams", "M365 E3 w/o Teams"),
            ("E3 (no Teams)",), (), (), ()),
    Product("m365e5", "Microsoft 365 E5", "Microsoft", 5700, "CFQ7TTC0LFLZ:0002", "SPE_E5",
            ("M365 E5", "M365E5", "MS365 E5"), (), ("Microsoft 365 Enterprise E5",),
            (("E5", E5S),), ()),
    Product("e5sec", "Microsoft 365 E5 Security", "Microsoft", 1200, "CFQ7TTC0N8SS:0001",
            "IDENTITY_THREAT_PROTECTION", ("M365 E5 Sec", "M365 E5 Sec. add-on", "E5 Sec"),
            ("E5 Security",), (), (), (("Security add-on (E5)", E5S),)),
    Product("exo1", "Exchange Online (Plan 1)", "Microsoft", 400, "CFQ7TTC0LH16:0001",
            "EXCHANGESTANDARD", ("EXO P1", "ExO Plan 1", "EXOP1"), (), ("Exchange Online Plan 1",),
            (("Plan 1", ("exo1", "visio1", "entra1", "mde1")),), (("Cloud Mailbox", MAIL),), ("Plan 1 - Exchange Online",)),
    Product("exo2", "Exchange Online (Plan 2)", "Microsoft", 800, "CFQ7TTC0LH1P:0001",
            "EXCHANGEENTERPRISE", ("EXO P2", "ExO Plan 2", "EXOP2"), (), ("Exchange Online Plan 2",),
            (("Plan 2", ("exo2", "visio2", "entra2")),), (("Large Mailbox 100 GB", MAIL),)),
    Product("exoarch", "Exchange Online Archiving for Exchange Online", "Microsoft", 300,
            "CFQ7TTC0LH0J:0001", "EXCHANGEARCHIVE_ADDON", ("EOA", "EXO Archiving"),
            ("Online Archiving",), (), (), (("Email Archiving", ARCH),)),
    Product("entra1", "Microsoft Entra ID P1", "Microsoft", 600, "CFQ7TTC0LFLS:0002", "AAD_PREMIUM",
            ("Entra P1", "AAD P1", "AADP1"), ("Entra ID P1",), ("Azure AD Premium P1",
            "Azure Active Directory Premium P1"), (("P1", ("entra1", "exo1", "mde1")),), ()),
    Product("entra2", "Microsoft Entra ID P2", "Microsoft", 900, "CFQ7TTC0LFK5:0002",
            "AAD_PREMIUM_P2", ("Entra P2", "AAD P2", "AADP2"), ("Entra ID P2",),
            ("Azure AD Premium P2",), (("P2", ("entra2", "exo2", "visio2")),), ()),
    Product("mdb", "Microsoft Defender for Business", "Microsoft", 300, "CFQ7TTC0LCHT:0001",
            "MDE_SMB", ("MDB", "Def. for Business", "Defender 4 Business"), ("Defender for Business",),
            (), (), (("Endpoint Protection", EDR),)),
    Product("mde1", "Microsoft Defender for Endpoint P1", "Microsoft", 300, "CFQ7TTC0LCHS:0002",
            "DEFENDER_ENDPOINT_P1", ("MDE P1", "Def. for Endpoint P1"), ("Defender for Endpoint P1",),
            ("Microsoft Defender ATP P1", "Windows Defender ATP P1"), (), (("Endpoint Protection", EDR),)),
    Product("copilot", "Microsoft Copilot for Microsoft 365", "Microsoft", 3000, "CFQ7TTC0MM8R:0001",
            "M365_Copilot", ("M365 Copilot", "MS Copilot"), ("Copilot",), ("Microsoft 365 Copilot",),
            (("Copilot", ("copilot",)),), (("AI Assistant", ("copilot",)),)),
    Product("visio1", "Visio Plan 1", "Microsoft", 500, "CFQ7TTC0HD33:0001", "VISIOONLINE_PLAN1",
            ("Visio P1",), (), ("Visio Online Plan 1",), (("Visio", ("visio1", "visio2")),),
            (("Diagramming (web)", ("visio1", "visio2")),)),
    Product("visio2", "Visio Plan 2", "Microsoft", 1500, "CFQ7TTC0HD32:0001", "VISIO_PLAN2_DEPT",
            ("Visio P2",), (), ("Visio Online Plan 2", "Visio Pro for Office 365"),
            (("Visio", ("visio1", "visio2")),), (("Diagramming (desktop)", ("visio1", "visio2")),)),
    Product("pbipro", "Power BI Pro", "Microsoft", 1400, "CFQ7TTC0L3PB:0001", "POWER_BI_PRO",
            ("PBI Pro", "PowerBI Pro"), (), (), (("Power BI", ("pbipro",)),),
            (("Reporting Dashboards", ("pbipro",)),)),
    Product("teams_expl", "Microsoft Teams Exploratory", "Microsoft", 0, "CFQ7TTC0J1FV:0001",
            "TEAMS_EXPLORATORY", free=True),
    Product("flow_free", "Microsoft Power Automate Free", "Microsoft", 0, "CFQ7TTC0LHVQ:0001",
            "FLOW_FREE", free=True),
    # --- not Microsoft -------------------------------------------------------------------
    Product("acronis_std", "Acronis Cyber Protect Standard", "Acronis", 450, "", "",
            ("Acronis CP Std", "ACP Standard"), ("Cyber Protect Standard",), ("Acronis Backup Cloud",),
            (), (("Workstation Backup Licence", BACKUP),)),
    Product("acronis_adv", "Acronis Cyber Protect Advanced", "Acronis", 700, "", "",
            ("Acronis CP Adv", "ACP Advanced"), ("Cyber Protect Advanced",),
            ("Acronis Cyber Backup Advanced",), (), (("Workstation Backup Licence", BACKUP),)),
    Product("keeper_bus", "Keeper Business", "Keeper Security", 375, "", "",
            ("Keeper Bus.",), (), ("Keeper Security Business",), (("Keeper", PW),),
            (("Password Manager", PW),)),
    Product("keeper_ent", "Keeper Enterprise", "Keeper Security", 500, "", "",
            ("Keeper Ent.",), (), ("Keeper Security Enterprise",), (("Keeper", PW),),
            (("Password Manager", PW),)),
    Product("acrobat_pro", "Adobe Acrobat Pro", "Adobe", 1999, "", "",
            ("Acrobat Pro DC", "Adobe Acro Pro"), ("Acrobat Pro",), ("Adobe Acrobat Pro DC",),
            (("Acrobat", PDF),), (("PDF Editor", PDF),)),
    Product("acrobat_std", "Adobe Acrobat Standard", "Adobe", 1299, "", "",
            ("Acrobat Std DC", "Adobe Acro Std"), ("Acrobat Standard",), ("Adobe Acrobat Standard DC",),
            (("Acrobat", PDF),), (("PDF Editor", PDF),)),
    Product("dropsuite_bak", "Dropsuite Email Backup", "Dropsuite", 200, "", "",
            ("Dropsuite Bkp",), ("Email Backup",), ("Dropsuite Microsoft 365 Backup",), (),
            (("Mailbox Backup", ("dropsuite_bak",)),)),
    Product("dropsuite_arch", "Dropsuite Email Archiving", "Dropsuite", 300, "", "",
            ("Dropsuite Arch.",), (), ("Dropsuite Archiving",), (), (("Email Archiving", ARCH),)),
    Product("pp_bus", "Proofpoint Essentials Business", "Proofpoint", 250, "", "",
            ("PPE Business", "Proofpoint Ess. Bus."), ("Essentials Business",), (),
            (("Proofpoint", SPAM),), (("Spam Filter", SPAM),)),
    Product("pp_adv", "Proofpoint Essentials Advanced", "Proofpoint", 350, "", "",
            ("PPE Advanced", "Proofpoint Ess. Adv."), ("Essentials Advanced",), (),
            (("Proofpoint", SPAM),), (("Spam Filter", SPAM),)),
    Product("s1_control", "SentinelOne Singularity Control", "SentinelOne", 400, "", "",
            ("S1 Control",), ("Singularity Control",), ("SentinelOne Control",),
            (("SentinelOne", ("s1_control", "s1_complete")),), (("Endpoint Protection", EDR),)),
    Product("s1_complete", "SentinelOne Singularity Complete", "SentinelOne", 600, "", "",
            ("S1 Complete",), ("Singularity Complete",), ("SentinelOne Complete",),
            (("SentinelOne", ("s1_control", "s1_complete")),), (("Endpoint Protection", EDR),)),
    Product("huntress_edr", "Huntress Managed EDR", "Huntress", 350, "", "",
            ("Huntress EDR",), (), ("Huntress Agent",), (("Huntress", ("huntress_edr", "huntress_itdr")),),
            (("Endpoint Protection", EDR),)),
    Product("huntress_itdr", "Huntress Managed ITDR", "Huntress", 400, "", "",
            ("Huntress ITDR",), (), ("Huntress MDR for Microsoft 365",),
            (("Huntress", ("huntress_edr", "huntress_itdr")),), (("Identity Threat Monitoring", ("huntress_itdr",)),)),
    Product("zoom_pro", "Zoom Workplace Pro", "Zoom", 1333, "", "",
            ("Zoom WP Pro",), ("Workplace Pro",), ("Zoom Meetings Pro", "Zoom One Pro"),
            (("Zoom", MEET),), (("Video Meetings", MEET),)),
    Product("zoom_bus", "Zoom Workplace Business", "Zoom", 1833, "", "",
            ("Zoom WP Bus",), ("Workplace Business",), ("Zoom Meetings Business", "Zoom One Business"),
            (("Zoom", MEET),), (("Video Meetings", MEET),)),
    Product("duo_ess", "Duo Essentials", "Cisco", 300, "", "",
            ("Cisco Duo Ess.",), (), ("Duo MFA",), (("Duo", ("duo_ess", "duo_adv")),),
            (("Two-Factor Authentication", MFA),)),
    Product("duo_adv", "Duo Advantage", "Cisco", 600, "", "",
            ("Cisco Duo Adv.",), (), ("Duo Access",), (("Duo", ("duo_ess", "duo_adv")),),
            (("Two-Factor Authentication", MFA),)),
)

BY_KEY = {p.key: p for p in PRODUCTS}
LICENCES = tuple(p for p in PRODUCTS if not p.free)
FREE = tuple(p for p in PRODUCTS if p.free)

#: Products a client may buy together although they look alike (the traps).
LOOKALIKE_PAIRS = (
    ("m365e5", "e5sec"), ("m365e3", "o365e3"), ("m365e3", "m365e3nt"), ("bb", "bp"), ("bs", "bp"),
    ("exo1", "exo2"), ("entra1", "entra2"), ("visio1", "visio2"), ("acrobat_pro", "acrobat_std"),
    ("keeper_bus", "keeper_ent"), ("zoom_pro", "zoom_bus"), ("duo_ess", "duo_adv"),
    ("acronis_std", "acronis_adv"), ("pp_bus", "pp_adv"), ("huntress_edr", "huntress_itdr"),
    ("dropsuite_bak", "dropsuite_arch"), ("exoarch", "dropsuite_arch"), ("s1_control", "s1_complete"),
)

#: PSA lines that are services: never licences, never findings. Several read like products.
SERVICES = (
    "Managed Services - per user",
    "Microsoft 365 Management & Support (per user)",
    "Server Backup Monitoring (per device)",
    "Onsite labour (hours)",
    "Helpdesk support block 10 h",
    "Project work: Exchange migration",
    "Hardware: Dell Latitude 5450 laptop",
    "Firewall management per site",
    "Endpoint Security Monitoring service (per device)",
)
