"""Products, client-name parts and the perturbation classes of set W."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D


@dataclass(frozen=True)
class Product:
    key: str
    name: str  # the vendor's canonical name
    sid: str  # Microsoft String_Id, or the vendor's part number
    cost: D  # USD monthly cost per unit
    ms: bool
    unit: str = "user"  # user / device / GB


P = Product
PRODUCTS = [
    P("m365e3", "Microsoft 365 E3", "SPE_E3", D("34.80"), True),
    P("m365e5", "Microsoft 365 E5", "SPE_E5", D("54.75"), True),
    P("m365e3nt", "Microsoft 365 E3 (no Teams)", "Microsoft_365_E3_(no_Teams)", D("32.50"), True),
    P("m365e5nt", "Microsoft 365 E5 (no Teams)", "Microsoft_365_E5_(no_Teams)", D("51.20"), True),
    P("m365e5sec", "Microsoft 365 E5 Security", "IDENTITY_THREAT_PROTECTION", D("11.40"), True),
    P("o365e3", "Office 365 E3", "ENTERPRISEPACK", D("22.00"), True),
    P("o365e1", "Office 365 E1", "STANDARDPACK", D("9.75"), True),
    P("bbasic", "Microsoft 365 Business Basic", "O365_BUSINESS_ESSENTIALS", D("5.76"), True),
    P("bstd", "Microsoft 365 Business Standard", "O365_BUSINESS_PREMIUM", D("12.00"), True),
    P("bprem", "Microsoft 365 Business Premium", "SPB", D("21.12"), True),
    P(
        "bpremnt",
        "Microsoft 365 Business Premium (no Teams)",
        "Microsoft_365_ Business_ Premium_(no Teams)",
        D("19.40"),
        True,
    ),
    P("exo1", "Exchange Online (Plan 1)", "EXCHANGESTANDARD", D("3.84"), True),
    P("exo2", "Exchange Online (Plan 2)", "EXCHANGEENTERPRISE", D("7.68"), True),
    P("mdep1", "Microsoft Defender for Endpoint P1", "DEFENDER_ENDPOINT_P1", D("2.88"), True),
    P("mdep2", "Microsoft Defender for Endpoint P2", "WIN_DEF_ATP", D("5.04"), True),
    P("mdb", "Microsoft Defender for Business", "MDE_SMB", D("2.88"), True),
    P("entra1", "Microsoft Entra ID P1", "AAD_PREMIUM", D("5.76"), True),
    P("entra2", "Microsoft Entra ID P2", "AAD_PREMIUM_P2", D("8.64"), True),
    P("visio1", "Visio Plan 1", "VISIOONLINE_PLAN1", D("4.80"), True),
    P("visio2", "Visio Plan 2", "VISIOCLIENT", D("14.40"), True),
    P("pbipro", "Power BI Pro", "POWER_BI_PRO", D("13.44"), True),
    P("appsbiz", "Microsoft 365 Apps for business", "O365_BUSINESS", D("7.92"), True),
    P("appsent", "Microsoft 365 Apps for enterprise", "OFFICESUBSCRIPTION", D("11.52"), True),
    P(
        "appsdev",
        "Microsoft 365 Apps for enterprise (device)",
        "OFFICE_PROPLUS_DEVICE1",
        D("11.52"),
        True,
        "device",
    ),
    P("teamsess", "Microsoft Teams Essentials", "Teams_Ess", D("3.84"), True),
    P("teamsphone", "Microsoft Teams Phone Standard", "MCOEV", D("7.68"), True),
    P("mdo1", "Microsoft Defender for Office 365 (Plan 1)", "ATP_ENTERPRISE", D("1.92"), True),
    P("mdo2", "Microsoft Defender for Office 365 (Plan 2)", "THREAT_INTELLIGENCE", D("4.80"), True),
    P(
        "exoarch",
        "Exchange Online Archiving for Exchange Online",
        "EXCHANGEARCHIVE_ADDON",
        D("2.88"),
        True,
    ),
    P("f3", "Microsoft 365 F3", "SPE_F1", D("7.68"), True),
    # non-Microsoft
    P("bwteams", "Bitwarden Teams", "BW-TEAMS-U", D("3.60"), False),
    P("bwent", "Bitwarden Enterprise", "BW-ENT-U", D("5.40"), False),
    P("foxit", "Foxit PDF Editor", "FX-PDFE-SUB", D("9.50"), False),
    P("foxitplus", "Foxit PDF Editor+", "FX-PDFEP-SUB", D("11.20"), False),
    P("keepit", "Keepit Backup for Microsoft 365", "KP-M365-U", D("2.95"), False),
    P(
        "acrostor",
        "Acronis Cyber Protect Cloud - Hosted Storage (per GB)",
        "ACR-HS-GB",
        D("0.0475"),
        False,
        "GB",
    ),
    P("esetadv", "ESET PROTECT Advanced", "ESET-PA-D", D("3.10"), False, "device"),
    P("esetcomp", "ESET PROTECT Complete", "ESET-PC-D", D("4.35"), False, "device"),
    P("barprem", "Barracuda Email Protection Premium", "BEP-PREM-U", D("3.25"), False),
    P("barpremplus", "Barracuda Email Protection Premium Plus", "BEP-PREMP-U", D("4.90"), False),
    P("zoompro", "Zoom Workplace Pro", "ZM-WP-PRO", D("11.66"), False),
    P("zoombiz", "Zoom Workplace Business", "ZM-WP-BUS", D("17.49"), False),
    P("8x8x2", "8x8 X2", "8X8-X2", D("20.00"), False),
    P("8x8x4", "8x8 X4", "8X8-X4", D("38.00"), False),
    P("pdess", "PandaDoc Essentials", "PD-ESS", D("16.50"), False),
    P("pdbiz", "PandaDoc Business", "PD-BUS", D("41.00"), False),
    P("kb4gold", "KnowBe4 Security Awareness Training Gold", "KB4-SAT-GOLD", D("1.85"), False),
    P("kb4diam", "KnowBe4 Security Awareness Training Diamond", "KB4-SAT-DIA", D("2.60"), False),
]
BY_KEY = {p.key: p for p in PRODUCTS}

# baskets: products that commonly go together (the generator draws 2-8 per client)
CORE_MS = [
    "bprem",
    "bstd",
    "bbasic",
    "m365e3",
    "m365e5",
    "o365e3",
    "o365e1",
    "f3",
    "m365e3nt",
    "m365e5nt",
    "bpremnt",
    "exo1",
    "exo2",
    "appsbiz",
    "appsent",
]
ADDONS = [
    "m365e5sec",
    "mdep1",
    "mdep2",
    "mdb",
    "entra1",
    "entra2",
    "visio1",
    "visio2",
    "pbipro",
    "appsdev",
    "teamsess",
    "teamsphone",
    "mdo1",
    "mdo2",
    "exoarch",
]
OTHERS = [p.key for p in PRODUCTS if not p.ms]

# --- real renames (name before the rename -> product) --------------------------------
MS_OLD = {
    "bstd": ["Office 365 Business Premium"],
    "bbasic": ["Office 365 Business Essentials"],
    "bprem": ["Microsoft 365 Business"],
    "appsbiz": ["Office 365 Business"],
    "appsent": ["Office 365 ProPlus"],
    "entra1": ["Azure Active Directory Premium P1", "Azure AD Premium P1"],
    "entra2": ["Azure Active Directory Premium P2", "Azure AD Premium P2"],
    "mdep2": ["Microsoft Defender ATP", "Windows Defender ATP"],
    "mdo1": ["Office 365 ATP (Plan 1)", "Office 365 Advanced Threat Protection (Plan 1)"],
    "mdo2": ["Office 365 ATP (Plan 2)", "Office 365 Advanced Threat Protection (Plan 2)"],
    "teamsphone": ["Microsoft 365 Phone System", "Phone System"],
    "visio2": ["Visio Online Plan 2"],
    "visio1": ["Visio Online Plan 1"],
    "m365e5sec": ["Identity & Threat Protection"],
}
OTHER_OLD = {
    "zoompro": ["Zoom One Pro"],
    "zoombiz": ["Zoom One Business"],
    "foxit": ["Foxit PhantomPDF Business"],
    "esetadv": ["ESET PROTECT Advanced Cloud", "ESET Endpoint Protection Advanced Cloud"],
    "esetcomp": ["ESET PROTECT Complete Cloud"],
    "barprem": ["Barracuda Total Email Protection"],
    "barpremplus": ["Barracuda Total Email Protection Plus"],
    "acrostor": ["Acronis Backup Cloud - Hosted Storage (per GB)"],
    "kb4gold": ["KnowBe4 KMSAT Gold"],
    "kb4diam": ["KnowBe4 KMSAT Diamond"],
}
# Microsoft volume-licensing style part descriptions (only where they name one product)
VL = {
    "m365e3": "M365 E3 Unified ShrdSvr",
    "m365e5": "M365 E5 Unified ShrdSvr",
    "o365e3": "O365 E3 ShrdSvr",
    "o365e1": "O365 E1 ShrdSvr",
    "exo1": "EXO Plan 1 ShrdSvr",
    "exo2": "EXO Plan 2 ShrdSvr",
    "entra1": "AAD Premium P1 ShrdSvr",
    "entra2": "AAD Premium P2 ShrdSvr",
    "pbipro": "Power BI Pro ShrdSvr",
    "visio2": "Visio Plan 2 ShrdSvr",
    "visio1": "Visio Plan 1 ShrdSvr",
    "appsent": "M365 Apps for enterprise ShrdSvr",
    "f3": "M365 F3 FUSL ShrdSvr",
}
NO_TEAMS_SIBLING = {"m365e3", "m365e5", "bprem"}

# --- client names --------------------------------------------------------------------
SURNAMES = [
    "Hartley",
    "Whitcombe",
    "Pemberton",
    "Ashdown",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Brannigan",
    "Okafor",
    "Castellano",
    "Thorne",
    "Vasquez",
    "Haldane",
    "Mercer",
    "Rowntree",
    "Albrecht",
    "Fairbairn",
    "Quinlan",
    "Delacroix",
    "Sandoval",
    "Nakamura",
    "Beaumont",
    "Galloway",
    "Rutherford",
    "Ellery",
    "Winslow",
    "Hollis",
    "Strand",
    "Calloway",
    "Penrose",
    "Marchetti",
    "Oyelaran",
    "Sefton",
    "Kirkby",
    "Tremaine",
    "Blackwood",
    "Dunmore",
    "Everly",
    "Fenwick",
    "Garland",
    "Holbrook",
    "Iverson",
]
PLACES = [
    "Riverside",
    "Northgate",
    "Harbourview",
    "Kingsmead",
    "Oakridge",
    "Silverbrook",
    "Westfield",
    "Eastwood",
    "Clearwater",
    "Highbury",
    "Larkspur",
    "Meadowbank",
    "Stonebridge",
    "Redcliffe",
    "Bramblewood",
    "Foxhollow",
    "Seaview",
    "Granite Peak",
    "Copperfield",
    "Juniper",
    "Wyvern",
    "Bluewater",
    "Ironbark",
    "Moorland",
    "Pinecrest",
    "Lakeshore",
    "Summit",
    "Amberley",
    "Thistledown",
    "Marlow",
]
TRADES = [
    "Plumbing",
    "Dental Care",
    "Accountants",
    "Veterinary Clinic",
    "Architects",
    "Logistics",
    "Engineering",
    "Legal",
    "Physiotherapy",
    "Roofing",
    "Landscaping",
    "Bakery",
    "Brewing Co",
    "Print Studio",
    "Surveyors",
    "Optometrists",
    "Electrical",
    "Property Management",
    "Consulting",
    "Insurance Brokers",
    "Joinery",
    "Freight",
    "Medical Centre",
    "Catering",
    "Marine Services",
    "Design Studio",
    "Pharmacy",
    "Wealth Advisers",
    "Motors",
    "Hotel Group",
]
# special stems that feed name classes: (stem, class, variant builder data)
GREEK = [
    ("Konstantinidis", ["Constantinidis", "Konstantinides", "Kostantinidis"]),
    ("Papadopoulos", ["Papadopulos", "Papadopoulous"]),
    ("Georgiou", ["Yeorgiou", "Giorgiou"]),
    ("Christodoulou", ["Hristodoulou", "Christodulou"]),
]
ARABIC = [
    ("Al-Mansoori", ["Al Mansoori", "Almansoori", "AL MANSOORI"]),
    ("Al-Haddad", ["Al Haddad", "Alhaddad", "El-Haddad"]),
    ("Al-Rashid", ["Al Rashid", "Alrashid", "Al-Rasheed"]),
]
PARTICLE = [
    ("Di Marco", ["DiMarco", "Dimarco"]),
    ("De Luca", ["DeLuca", "Deluca"]),
    ("La Rosa", ["LaRosa", "Larosa"]),
    ("Van Dyke", ["VanDyke", "Vandyke"]),
    ("Du Pont", ["DuPont", "Dupont"]),
]
HUNGARIAN = [
    ("Janos Kovacs", "Kovács János"),
    ("Zsofia Nagy", "Nagy Zsófia"),
    ("Laszlo Szabo", "Szabó László"),
    ("Eszter Toth", "Tóth Eszter"),
]
ACRONYM = [
    ("JWK", "Jones Whitfield Kerr"),
    ("BHP", "Brennan Hale Partners"),
    ("RMS", "Ridley Morton Sayer"),
    ("CLG", "Corbett Lane Gifford"),
    ("TDA", "Thackeray Dunn Associates"),
    ("MFR", "Maddox Fry Reilly"),
]
DIGITS = [
    ("3 Rivers", "Three Rivers"),
    ("5 Ways", "Five Ways"),
    ("7 Oaks", "Seven Oaks"),
    ("2 Bridges", "Two Bridges"),
    ("4 Seasons", "Four Seasons"),
]
WELSH = [
    ("Llandeilo Town Council", "Cyngor Tref Llandeilo / Llandeilo Town Council"),
    ("Aberaeron Town Council", "Cyngor Tref Aberaeron / Aberaeron Town Council"),
    ("Ysgol Bro Teifi", "Ysgol Bro Teifi / Bro Teifi School"),
    ("Cardigan Town Council", "Cyngor Tref Aberteifi / Cardigan Town Council"),
]
GERMAN = [
    "Müller Haustechnik",
    "Schreiner Holzbau",
    "Becker Elektro",
    "Hoffmann Sanitär",
    "Krause Metallbau",
]
AMPERSAND = [
    ("Marsh & Finch", "Marsh + Finch"),
    ("Lowe & Partners", "Lowe + Partners"),
    ("Webb & Carter", "Webb + Carter"),
    ("Stone & Vale", "Stone + Vale"),
]

LEGAL = {
    "GBP": ["Ltd", "Limited", "LLP"],
    "EUR": ["GmbH", "B.V.", "S.r.l."],
    "ZAR": ["(Pty) Ltd", "CC"],
    "USD": ["LLC", "Inc.", "Corp."],
    "SGD": ["Pte. Ltd."],
    "CAD": ["Inc.", "Ltd."],
    "AUD": ["Pty Ltd"],
    "IDR": ["PT"],
}

# --- description classes: texts ------------------------------------------------------
LANG = {  # class: (monthly wording, annual wording, order) ; {n} = product name
    "de_wording": ("{n} – Monatsabonnement", "{n} – Jahreslizenz", "Lizenz {n} (monatlich)"),
    "nl_wording": ("{n} maandabonnement", "{n} jaarlicentie", "Licentie {n} per maand"),
    "fr_wording": ("Abonnement mensuel {n}", "Abonnement annuel {n}", "{n} – licence mensuelle"),
    "sv_wording": ("{n} – månadsabonnemang", "{n} – årsabonnemang", "Licens {n} per månad"),
    "da_wording": ("{n} månedligt abonnement", "{n} årligt abonnement", "Licens {n} pr. måned"),
    "no_wording": ("{n} – månedlig lisens", "{n} – årlig lisens", "Lisens {n} per måned"),
    "fi_wording": ("{n} kuukausitilaus", "{n} vuositilaus", "{n} -lisenssi / kk"),
    "hu_wording": ("{n} havi előfizetés", "{n} éves előfizetés", "{n} licenc (havi díj)"),
    "el_wording": ("{n} – μηνιαία συνδρομή", "{n} – ετήσια συνδρομή", "Άδεια {n} (μηνιαία)"),
}
NICKNAMES = [
    "HQ staff",
    "Warehouse",
    "Board",
    "Finance team",
    "Front desk",
    "Remote users",
    "Clinicians",
    "Drivers",
    "Sales floor",
]
DEPTS = ["Finance", "Operations", "Sales", "HR", "Admin", "Clinical", "Warehouse"]
UNIT_NOUN = {
    "user": ["per user", "per seat", "/user"],
    "device": ["per device", "per endpoint"],
    "GB": ["per GB", "/GB"],
}
UNIT_NOUN_MAILBOX = {"exo1", "exo2", "exoarch", "barprem", "barpremplus", "keepit"}
