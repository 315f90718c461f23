"""Products (canonical names, prices in USD, families) and the spellings people type for them.

Microsoft names are taken from Microsoft's "Product names and service plan identifiers" table
(/work/shared/data/microsoft_product_names.csv). The other brands are written from their public
price lists as I know them. Every spelling below is my own, written from how MSP staff type line
descriptions in a PSA or accounting system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

D = Decimal


@dataclass(frozen=True)
class Product:
    name: str  # canonical
    brand: str  # microsoft, sophos, adobe, keeper, google, proofpoint
    cost: Decimal  # MSP's monthly unit cost in USD
    rrp: Decimal  # list price in USD
    concept: str  # what an in-house name would call it ("" = no unique concept)
    annual_ok: bool = True
    abbreviations: tuple[str, ...] = ()
    brand_dropped: tuple[str, ...] = ()
    bare: tuple[str, ...] = ()
    renamed: tuple[str, ...] = ()  # legacy / former names of this very product
    in_house: tuple[str, ...] = ()
    sku: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _p(name: str, brand: str, cost: str, rrp: str, concept: str, **kw: object) -> Product:
    return Product(name, brand, D(cost), D(rrp), concept, **kw)  # type: ignore[arg-type]


PRODUCTS: list[Product] = [
    # --- Microsoft (names exactly as in Microsoft's table) ---
    _p("Microsoft 365 Business Basic", "microsoft", "5.40", "6.00", "suite",
       abbreviations=("M365 Bus. Basic", "MS365 BB", "M365BB"),
       brand_dropped=("Business Basic", "365 Business Basic"),
       renamed=("Office 365 Business Essentials",),
       in_house=("Hosted Email & Teams", "Cloud Email Basic"), sku="CFQ7TTC0LH18"),
    _p("Microsoft 365 Business Standard", "microsoft", "11.25", "12.50", "suite",
       abbreviations=("M365 Bus Std", "MS365 Business Std", "M365 BS"),
       brand_dropped=("Business Standard", "365 Bus. Standard"),
       renamed=("Office 365 Business Premium (now Business Standard)",),
       in_house=("Office Suite + Email", "Desktop Office & Email"), sku="CFQ7TTC0LDPB"),
    _p("Microsoft 365 Business Premium", "microsoft", "19.80", "22.00", "suite",
       abbreviations=("M365 BP", "MS 365 Bus Prem", "M365 Business Prem."),
       brand_dropped=("Business Premium", "365 Business Premium"),
       renamed=("Microsoft 365 Business",),
       in_house=("Secure Modern Workplace bundle", "Office + Security Suite"), sku="CFQ7TTC0LCHC"),
    _p("Microsoft 365 Apps for Business", "microsoft", "7.92", "8.80", "apps",
       abbreviations=("M365 Apps Bus.", "MS Apps for Bus"),
       brand_dropped=("365 Apps for Business", "Apps for Business"),
       renamed=("Office 365 Business",),
       in_house=("Office desktop apps",), sku="CFQ7TTC0LH1G"),
    _p("Microsoft 365 E3", "microsoft", "32.40", "36.00", "enterprise",
       abbreviations=("M365 E3", "MS365-E3", "Microsoft365 E3"),
       brand_dropped=("365 E3",), bare=("E3",),
       in_house=("Enterprise workplace licence",), sku="CFQ7TTC0LFLX"),
    _p("Microsoft 365 E5", "microsoft", "51.30", "57.00", "enterprise_top",
       abbreviations=("M365 E5", "MS365-E5"),
       brand_dropped=("365 E5",), bare=("E5",), sku="CFQ7TTC0LFLZ"),
    _p("Microsoft 365 E5 Security", "microsoft", "10.80", "12.00", "security_addon",
       abbreviations=("M365 E5 Sec", "M365 E5 Security add-on", "MS365 E5 Sec."),
       brand_dropped=("E5 Security", "365 E5 Security"), bare=("E5 Sec",),
       in_house=("Advanced threat add-on",), sku="CFQ7TTC0LFK5"),
    _p("Office 365 E3", "microsoft", "20.70", "23.00", "office_enterprise",
       abbreviations=("O365 E3", "O365-E3", "Off365 E3"),
       brand_dropped=("Office E3",),
       renamed=("Office 365 Enterprise E3",), sku="CFQ7TTC0LF8Q"),
    _p("Exchange Online (Plan 1)", "microsoft", "3.60", "4.00", "mailbox",
       abbreviations=("EXO P1", "ExO Plan 1", "Exch Online P1"),
       brand_dropped=("Exchange Plan 1", "Exchange P1"),
       renamed=("Exchange Online Plan 1 (Hosted Exchange)",),
       in_house=("Hosted Mailbox", "Cloud Mailbox 50GB"), sku="CFQ7TTC0LH16"),
    _p("Exchange Online (Plan 2)", "microsoft", "7.20", "8.00", "mailbox_big",
       abbreviations=("EXO P2", "ExO Plan 2", "Exch Online P2"),
       brand_dropped=("Exchange Plan 2", "Exchange P2"),
       in_house=("Hosted Mailbox 100GB",), sku="CFQ7TTC0LH1P"),
    _p("Exchange Online Archiving for Exchange Online", "microsoft", "2.70", "3.00", "archive",
       abbreviations=("EOA", "EXO Archiving", "Exch. Online Archiving"),
       brand_dropped=("Online Archiving",), renamed=("Exchange Online Archiving",),
       in_house=("Email Archiving", "Mailbox archive add-on"), sku="CFQ7TTC0LH0J"),
    _p("Microsoft Entra ID P1", "microsoft", "5.40", "6.00", "identity",
       abbreviations=("Entra P1", "Entra ID Prem P1", "AADP1"),
       brand_dropped=("Entra ID P1",),
       renamed=("Azure AD Premium P1", "Azure Active Directory Premium P1"),
       in_house=("Identity & MFA",), sku="CFQ7TTC0LH1C"),
    _p("Microsoft Entra ID P2", "microsoft", "8.10", "9.00", "identity_top",
       abbreviations=("Entra P2", "AADP2"), brand_dropped=("Entra ID P2",),
       renamed=("Azure AD Premium P2", "Azure Active Directory Premium P2"), sku="CFQ7TTC0LH1D"),
    _p("Visio Plan 2", "microsoft", "13.50", "15.00", "diagram",
       abbreviations=("Visio P2", "Visio Pl. 2"), bare=("Visio",),
       renamed=("Visio Pro for Office 365", "Visio Online Plan 2"),
       in_house=("Diagramming software",), sku="CFQ7TTC0HD32"),
    _p("Power BI Pro", "microsoft", "12.60", "14.00", "bi",
       abbreviations=("PBI Pro", "PowerBI Pro", "Pwr BI Pro"), bare=("Power BI",),
       in_house=("Reporting dashboards licence",), sku="CFQ7TTC0L3PB"),
    _p("Microsoft Defender for Business", "microsoft", "2.70", "3.00", "edr",
       abbreviations=("MDB", "MS Defender Bus.", "Defender 4 Business"),
       brand_dropped=("Defender for Business",),
       in_house=("Endpoint protection (EDR)",), sku="CFQ7TTC0LH4R"),
    _p("Microsoft Teams Essentials", "microsoft", "3.60", "4.00", "meetings",
       abbreviations=("Teams Ess.", "MS Teams Ess"), brand_dropped=("Teams Essentials",),
       in_house=("Video meetings licence",), sku="CFQ7TTC0RVBT"),
    # --- Sophos ---
    _p("Sophos Intercept X Advanced", "sophos", "2.10", "3.25", "edr", annual_ok=True,
       abbreviations=("Sophos IX Adv", "IXA", "Intercept-X Adv."),
       brand_dropped=("Intercept X Advanced",),
       renamed=("Sophos Central Intercept X Advanced",),
       in_house=("Endpoint protection (EDR)",), sku="CIXA"),
    _p("Sophos Intercept X Advanced with XDR", "sophos", "3.20", "4.75", "xdr",
       abbreviations=("Sophos IX Adv XDR", "IXA+XDR", "Intercept X Adv. w/ XDR"),
       brand_dropped=("Intercept X Advanced with XDR",),
       renamed=("Sophos Central Intercept X Advanced with EDR",),
       in_house=("Extended detection & response",), sku="CIXAXDR"),
    _p("Sophos Intercept X Advanced for Server", "sophos", "5.90", "8.50", "server_av",
       abbreviations=("Sophos IX Adv Server", "IXA Server", "Intercept X Adv for Srv"),
       brand_dropped=("Intercept X Advanced for Server",),
       renamed=("Sophos Central Server Protection Advanced",),
       in_house=("Server antivirus",), sku="CIXASRV"),
    _p("Sophos MDR Essentials", "sophos", "4.40", "6.50", "mdr",
       abbreviations=("Sophos MDR Ess", "MDR Ess."), brand_dropped=("MDR Essentials",),
       renamed=("Sophos MTR Standard",), sku="MDRESS"),
    _p("Sophos MDR Complete", "sophos", "7.80", "11.00", "mdr_top",
       abbreviations=("Sophos MDR Compl.", "MDR Cmplt"), brand_dropped=("MDR Complete",),
       renamed=("Sophos MTR Advanced",), sku="MDRCMP"),
    _p("Sophos Email Advanced", "sophos", "1.90", "2.80", "mail_filter",
       abbreviations=("Sophos Email Adv", "SEA"), brand_dropped=("Email Advanced",),
       renamed=("Sophos Central Email Advanced",),
       in_house=("Spam & phishing filter",), sku="CEMAILADV"),
    _p("Sophos Phish Threat", "sophos", "1.20", "1.80", "awareness",
       abbreviations=("Sophos PhishThreat", "Phish Thr."), brand_dropped=("Phish Threat",),
       in_house=("Security awareness training",), sku="CPHISH"),
    # --- Adobe (VIP) ---
    _p("Adobe Acrobat Pro", "adobe", "16.14", "19.99", "pdf",
       abbreviations=("Acrobat Pro DC", "Adobe Acr. Pro"), brand_dropped=("Acrobat Pro",),
       renamed=("Adobe Acrobat Pro DC for teams",), in_house=("PDF editor (pro)",), sku="65324058"),
    _p("Adobe Acrobat Standard", "adobe", "11.04", "13.99", "pdf_std",
       abbreviations=("Acrobat Std DC", "Adobe Acr. Std"), brand_dropped=("Acrobat Standard",),
       renamed=("Adobe Acrobat Standard DC for teams",), sku="65324060"),
    _p("Adobe Creative Cloud All Apps", "adobe", "71.99", "89.99", "creative",
       abbreviations=("Adobe CC All Apps", "CC All Apps", "Adobe CCT All Apps"),
       brand_dropped=("Creative Cloud All Apps",),
       renamed=("Adobe Creative Cloud for teams - Complete",),
       in_house=("Design software suite",), sku="65324051"),
    _p("Adobe Photoshop", "adobe", "30.39", "37.99", "photo",
       abbreviations=("Adobe PS", "Photoshop CC"), bare=("Photoshop",),
       renamed=("Adobe Photoshop CC for teams",), in_house=("Photo editing licence",),
       sku="65324067"),
    _p("Adobe Illustrator", "adobe", "30.39", "37.99", "vector",
       abbreviations=("Adobe Ai", "Illustrator CC"), bare=("Illustrator",),
       renamed=("Adobe Illustrator CC for teams",), sku="65324073"),
    # --- Keeper ---
    _p("Keeper Business", "keeper", "3.00", "3.75", "password",
       abbreviations=("Keeper Bus.", "KPR Business"), brand_dropped=("Business password vault",),
       in_house=("Password Manager", "Password vault"), sku="KBUS"),
    _p("Keeper Business Starter", "keeper", "1.60", "2.00", "password_small",
       abbreviations=("Keeper Bus. Starter", "KPR Bus Starter"), sku="KBST"),
    _p("Keeper Enterprise", "keeper", "4.00", "5.00", "password_big",
       abbreviations=("Keeper Ent.", "KPR Enterprise"), sku="KENT"),
    _p("Keeper Advanced Reporting & Alerts", "keeper", "0.80", "1.00", "password_reporting",
       abbreviations=("Keeper ARAM", "Keeper Adv. Reporting"),
       brand_dropped=("Advanced Reporting & Alerts",), renamed=("Keeper ARAM Module",),
       sku="KARAM"),
    _p("Keeper BreachWatch", "keeper", "1.60", "2.00", "darkweb",
       abbreviations=("Keeper BW", "KPR BreachWatch"), brand_dropped=("BreachWatch",),
       in_house=("Dark web monitoring add-on",), sku="KBW"),
    # --- Google Workspace ---
    _p("Google Workspace Business Starter", "google", "6.30", "7.00", "gsuite_small",
       abbreviations=("GWS Business Starter", "G Workspace Bus. Starter"),
       renamed=("G Suite Basic",), sku="1010020027"),
    _p("Google Workspace Business Standard", "google", "12.60", "14.00", "gsuite",
       abbreviations=("GWS Business Standard", "G Workspace Bus. Std"),
       renamed=("G Suite Business",), sku="1010020028"),
    _p("Google Workspace Business Plus", "google", "19.80", "22.00", "gsuite_plus",
       abbreviations=("GWS Business Plus", "G Workspace Bus. Plus"), sku="1010020025"),
    _p("Google Workspace Enterprise Standard", "google", "24.30", "27.00", "gsuite_ent",
       abbreviations=("GWS Enterprise Std", "G Workspace Ent. Std"),
       renamed=("G Suite Enterprise",), sku="1010020026"),
    # --- Proofpoint Essentials ---
    _p("Proofpoint Essentials Business", "proofpoint", "1.75", "2.50", "mail_filter",
       abbreviations=("PPE Business", "PP Essentials Bus."),
       in_house=("Spam & phishing filter",), sku="PE-BUS"),
    _p("Proofpoint Essentials Advanced", "proofpoint", "2.60", "3.60", "mail_filter_adv",
       abbreviations=("PPE Advanced", "PP Essentials Adv."), sku="PE-ADV"),
    _p("Proofpoint Essentials Professional", "proofpoint", "3.70", "5.20", "mail_filter_pro",
       abbreviations=("PPE Professional", "PP Essentials Pro"),
       in_house=("Email security + archive",), sku="PE-PRO"),
]

BY_NAME = {p.name: p for p in PRODUCTS}

#: Free and trial SKUs per brand (cost 0): they are never leakage.
FREE = {
    "microsoft": ["Microsoft Teams Exploratory", "Microsoft Power Automate Free"],
    "sophos": ["Sophos Intercept X Advanced (30-day trial)"],
    "adobe": ["Adobe Acrobat Pro (trial)"],
    "keeper": ["Keeper Business (trial)"],
    "google": ["Google Workspace Business Standard (trial)"],
    "proofpoint": ["Proofpoint Essentials Business (trial)"],
}

#: Words whose change makes another product: never typo'd, dropped or abbreviated away.
DISCRIMINATING = {
    "e1", "e3", "e5", "p1", "p2", "plan", "1", "2", "basic", "standard", "premium", "plus",
    "starter", "business", "enterprise", "advanced", "professional", "essentials", "complete",
    "security", "xdr", "server", "pro", "apps", "archiving", "breachwatch", "reporting",
    "photoshop", "illustrator", "acrobat", "office", "exchange", "visio", "teams",
}

#: Service lines (never vendor products) an MSP bills beside licences, per locale.
SERVICES = {
    "en": ["Managed Services - per user", "Server backup (per device)", "Onsite support hours",
           "Helpdesk support block 10h", "Hardware: Dell Latitude 5550", "Microsoft 365 Management & Support (per user)",
           "Email security monitoring (managed)", "Project labour - tenant migration"],
    "de": ["Managed Services pro Benutzer", "Server-Backup (pro Gerät)", "Vor-Ort-Support Stunden",
           "Microsoft 365 Betreuung & Support (pro Benutzer)", "Hardware: Lenovo ThinkPad T14"],
    "fr": ["Infogérance par utilisateur", "Sauvegarde serveur (par appareil)",
           "Heures d'intervention sur site", "Support Microsoft 365 (par utilisateur)",
           "Matériel : HP EliteBook 840"],
    "no": ["Drift og overvåking per bruker", "Serverbackup (per enhet)", "Konsulenttimer på stedet",
           "Microsoft 365 support og administrasjon"],
}

FOREIGN_LICENCE = {
    "en": ["licence", "subscription"],
    "de": ["Lizenz", "Abo monatlich", "Nutzerlizenz"],
    "fr": ["licence mensuelle", "abonnement", "par utilisateur/mois"],
    "no": ["lisens", "abonnement", "per bruker/mnd"],
    "es": ["licencia", "suscripción mensual"],
    "fi": ["lisenssi", "kuukausitilaus"],
}
