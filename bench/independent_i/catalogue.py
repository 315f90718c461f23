"""Products and customers of set I's scenarios (written for this set, from public product names)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Product:
    name: str  # canonical (Microsoft's Product_Display_Name for Microsoft products)
    cost: str  # base monthly unit cost in USD
    sku: str
    kind: str  # concept used to decide whether a vague spelling is resolvable in context
    abbreviations: tuple[str, ...] = ()
    brand_dropped: tuple[str, ...] = ()
    bare: tuple[str, ...] = ()  # vague: needs the client to buy exactly one product of `kind`
    legacy: tuple[str, ...] = ()  # renamed / former names
    inhouse: tuple[str, ...] = ()  # vague in-house names
    microsoft: bool = True
    free: bool = False
    extra: dict[str, str] = field(default_factory=dict)


P = Product
PRODUCTS: tuple[Product, ...] = (
    P("Microsoft 365 Business Basic", "6.00", "CFQ7TTC0LH18", "m365suite",
      ("M365 BB", "MS365 Bus Basic", "M365 Bus. Basic"), ("Business Basic",), ("Basic",),
      ("Office 365 Business Essentials",), ("Cloud email & Teams",)),
    P("Microsoft 365 Business Standard", "12.50", "CFQ7TTC0LDPB", "m365suite",
      ("M365 BS", "MS365 Bus Std", "M365 Bus Standard"), ("Business Standard",), ("Standard",),
      ("Office 365 Business Premium",), ("Office desktop apps",)),
    P("Microsoft 365 Business Premium", "22.00", "CFQ7TTC0LCHC", "m365suite",
      ("M365 BP", "MS365 Bus Prem", "M365 Bus. Prem."), ("Business Premium",), ("Premium",),
      ("Microsoft 365 Business",), ("Secure workplace bundle",)),
    P("Microsoft 365 E3", "36.00", "CFQ7TTC0LFLX", "m365ent",
      ("M365 E3", "MS365-E3"), ("365 E3",), ("E3",), ("Secure Productive Enterprise E3",), ()),
    P("Microsoft 365 E5", "57.00", "CFQ7TTC0LFLZ", "m365ent",
      ("M365 E5", "MS365-E5"), ("365 E5",), ("E5",), ("Secure Productive Enterprise E5",), ()),
    P("Microsoft 365 E5 Security", "12.00", "CFQ7TTC0LHWP", "securityaddon",
      ("M365 E5 Sec", "E5 Sec add-on"), ("365 E5 Security",), (), ("Identity & Threat Protection",),
      ("Security add-on",)),
    P("Office 365 E1", "10.00", "CFQ7TTC0LF8R", "o365",
      ("O365 E1", "O365-E1"), ("E1 Office",), ("E1",), ("Office 365 Enterprise E1",), ()),
    P("Office 365 E3", "23.00", "CFQ7TTC0LF8Q", "o365",
      ("O365 E3", "O365-E3"), ("Office E3",), (), ("Office 365 Enterprise E3",), ()),
    P("Exchange Online (Plan 1)", "4.00", "CFQ7TTC0LH16", "mailbox",
      ("EXO P1", "EXO Plan1", "Exch Online P1"), ("Online (Plan 1)",), ("Mailbox",),
      ("Exchange Online Plan 1",), ("Hosted email",)),
    P("Exchange Online (Plan 2)", "8.00", "CFQ7TTC0LH1P", "mailbox",
      ("EXO P2", "EXO Plan2", "Exch Online P2"), ("Online (Plan 2)",), (),
      ("Exchange Online Plan 2",), ()),
    P("Exchange Online Archiving for Exchange Online", "3.00", "CFQ7TTC0LH0J", "archive",
      ("EOA", "EXO Archiving"), ("Online Archiving",), ("Archiving",), (), ("Email archive",)),
    P("Microsoft Entra ID P1", "6.00", "CFQ7TTC0LFK5", "identity",
      ("Entra P1", "AAD P1"), ("Entra ID P1",), (), ("Azure Active Directory Premium P1", "Azure AD Premium P1"),
      ("Single sign-on",)),
    P("Microsoft Entra ID P2", "9.00", "CFQ7TTC0LFKP", "identity",
      ("Entra P2", "AAD P2"), ("Entra ID P2",), (), ("Azure Active Directory Premium P2", "Azure AD Premium P2"),
      ()),
    P("Visio Plan 2", "15.00", "CFQ7TTC0HD33", "diagram",
      ("Visio P2",), ("Visio Plan 2",), ("Visio",), ("Visio Pro for Office 365", "Visio Online Plan 2"),
      ("Diagramming",)),
    P("Power BI Pro", "14.00", "CFQ7TTC0L3PB", "bi",
      ("PBI Pro", "PowerBI Pro"), ("BI Pro",), ("Power BI",), (), ("Dashboards licence",)),
    P("Microsoft Teams Exploratory", "0", "CFQ7TTC0LFTE", "teamsfree", (), (), (), (), (), free=True),
    # products outside Microsoft's catalogue, several with look-alikes
    P("Acronis Cyber Protect Cloud Standard", "4.20", "ACR-CPC-STD", "acronis",
      ("ACPC Std", "Acronis CPC Std"), ("Cyber Protect Cloud Standard",), (),
      ("Acronis Backup Cloud Standard",), (), microsoft=False),
    P("Acronis Cyber Protect Cloud Advanced", "6.80", "ACR-CPC-ADV", "acronis",
      ("ACPC Adv", "Acronis CPC Adv"), ("Cyber Protect Cloud Advanced",), (),
      ("Acronis Backup Cloud Advanced",), (), microsoft=False),
    P("Keeper Business", "3.75", "KPR-BUS", "password",
      ("Keeper Bus.",), ("Keeper Biz",), (), (), ("Password manager",), microsoft=False),
    P("Keeper Enterprise", "5.00", "KPR-ENT", "password",
      ("Keeper Ent.",), (), (), (), (), microsoft=False),
    P("Adobe Acrobat Pro", "19.99", "ADB-ACRO-PRO", "pdf",
      ("Acrobat Pro DC", "Adobe Acro Pro"), ("Acrobat Pro",), (), ("Adobe Acrobat Pro DC",),
      ("PDF editor",), microsoft=False),
    P("Adobe Acrobat Standard", "12.99", "ADB-ACRO-STD", "pdf",
      ("Acrobat Std DC", "Adobe Acro Std"), ("Acrobat Standard",), (), ("Adobe Acrobat Standard DC",),
      (), microsoft=False),
    P("Adobe Creative Cloud All Apps", "59.99", "ADB-CC-ALL", "creative",
      ("Adobe CC All Apps", "CCAA"), ("Creative Cloud All Apps",), ("Creative Cloud",), (),
      ("Design suite",), microsoft=False),
    P("Google Workspace Business Starter", "6.00", "GWS-BSTR", "gws",
      ("GWS Starter", "G Workspace Bus Starter"), ("Workspace Business Starter",), (),
      ("G Suite Basic",), (), microsoft=False),
    P("Google Workspace Business Standard", "12.00", "GWS-BSTD", "gws",
      ("GWS Standard", "G Workspace Bus Std"), ("Workspace Business Standard",), (),
      ("G Suite Business",), (), microsoft=False),
    P("Dropsuite Email Archiving", "1.90", "DS-ARCH", "archive",
      ("DS Archiving",), ("Email Archiving",), (), (), ("Mail archive retention",), microsoft=False),
    P("Bitdefender GravityZone Business Security", "2.10", "BD-GZ-BS", "antivirus",
      ("BD GZ Bus Sec", "GZ BS"), ("GravityZone Business Security",), (), (),
      ("Endpoint antivirus",), microsoft=False),
    P("Bitdefender GravityZone Business Security Premium", "4.60", "BD-GZ-BSP", "antivirus",
      ("BD GZ Bus Sec Prem", "GZ BSP"), ("GravityZone Business Security Premium",), (), (), (),
      microsoft=False),
    P("Zoom Workplace Pro", "13.33", "ZM-WP-PRO", "meetings",
      ("Zoom WP Pro",), ("Workplace Pro",), (), ("Zoom Meetings Pro", "Zoom One Pro"),
      ("Video meetings",), microsoft=False),
    P("Zoom Workplace Business", "18.32", "ZM-WP-BUS", "meetings",
      ("Zoom WP Bus",), ("Workplace Business",), (), ("Zoom One Business",), (), microsoft=False),
    P("Dropbox Business Advanced", "24.00", "DBX-ADV", "filesync",
      ("DBX Adv", "Dropbox Biz Adv"), ("Business Advanced (Dropbox)",), (), ("Dropbox Advanced",),
      ("File sync & share",), microsoft=False),
    P("Proofpoint Essentials Business", "2.50", "PPE-BUS", "mailfilter",
      ("PPE Business", "PP Ess Bus"), ("Essentials Business",), (), (), ("Spam filtering",),
      microsoft=False),
    P("Proofpoint Essentials Advanced", "3.60", "PPE-ADV", "mailfilter",
      ("PPE Advanced", "PP Ess Adv"), ("Essentials Advanced",), (), (), (), microsoft=False),
)

BY_NAME = {p.name: p for p in PRODUCTS}
LICENCES = [p for p in PRODUCTS if not p.free]

#: PSA lines that are services (never findings), some worded like products.
SERVICES = (
    "Managed Services - per user",
    "Managed IT Support (per device)",
    "Server Backup - per server",
    "Workstation backup per device",
    "Onsite support hours",
    "Remote support block 10 hours",
    "Microsoft 365 migration project (labour)",
    "Microsoft 365 user onboarding - labour",
    "Dell Latitude 5450 laptop (hardware)",
    "Firewall management service",
    "Helpdesk per user - managed service",
    "Acronis setup & configuration (project)",
)

# Customers: (legal name, country, form). Siblings and numbered sites are built from stems.
STEMS = (
    "Harbourview", "Kestrel", "Bluegum", "Ironbark", "Larkspur", "Meridian", "Northgate",
    "Oakridge", "Pinecrest", "Quayside", "Redwater", "Silverleaf", "Thornbury", "Umberto",
    "Valemont", "Westbrook", "Yarrow", "Zephyr", "Ashcombe", "Birchfield", "Cobalt", "Driftwood",
    "Elmstead", "Foxglove", "Granite", "Hollins", "Juniper", "Kingsley", "Lindqvist", "Mosgaard",
    "Nørrebro", "Østerby", "Straße", "Łódka", "Ærø", "Đorđević", "İzmir Körfez", "Čapek", "Ševčík",
    "Müller", "Brønd", "Håkansson", "Søndergaard", "Włodarczyk", "Peñalosa", "Gonçalves",
    "Hallström", "Dvořák", "Ağaoğlu", "Kowalczyk", "Fairweather", "Greystone", "Hawthorne",
    "Ivybridge", "Jarrah", "Karri", "Lowther", "Marlowe", "Newhaven", "Ormond", "Penrose",
    "Quinlan", "Rosedale", "Sandringham", "Tamarind", "Upland", "Verity", "Whitcombe", "Yeoman",
)
TRADES = (
    "Dental", "Logistics", "Accounting", "Engineering", "Legal", "Physiotherapy", "Architects",
    "Property Management", "Construction", "Veterinary", "Plumbing", "Consulting", "Freight",
    "Insurance Services", "Pharmacy", "Electrical", "Landscaping", "Medical Centre", "Marketing",
    "Technologies", "Financial Services", "International Trading", "Food Distribution", "Print",
)
LEGAL = (
    ("Ltd", "GB"), ("Limited", "GB"), ("Pty Ltd", "AU"), ("LLC", "US"), ("Inc.", "US"),
    ("Corporation", "US"), ("GmbH", "DE"), ("AG", "CH"), ("s.r.o.", "CZ"), ("a.s.", "CZ"),
    ("A.Ş.", "TR"), ("Ltd. Şti.", "TR"), ("S.A. de C.V.", "MX"), ("SAS", "FR"), ("SARL", "FR"),
    ("B.V.", "NL"), ("ApS", "DK"), ("AB", "SE"), ("Sp. z o.o.", "PL"), ("(Pty) Ltd", "ZA"),
    ("Co., Ltd.", "KR"), ("LLP", "GB"), ("PLC", "GB"),
)
PEOPLE = (
    ("Jane", "Okafor"), ("Tomás", "Ferreira"), ("Priya", "Raman"), ("Lars", "Øvergaard"),
    ("Mei", "Tanaka"), ("Kwame", "Mensah"), ("Sophie", "Laurent"), ("Aleksander", "Nowak"),
    ("Hannah", "Schröder"), ("Daniel", "MacLeod"),
)
