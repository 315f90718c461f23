"""Products, client-name pools and the people-typed vocabulary of set K.

Written only from the brief, Microsoft's product table and general knowledge of how
MSP staff type into PSA / accounting systems.  Nothing here is taken from the tool.
"""
from __future__ import annotations

from decimal import Decimal as D

# key: (canonical name, kind, monthly cost (annual term), sell price, ms catalog id, graph string id,
#       distributor part number)
PRODUCTS = {
    "bb": ("Microsoft 365 Business Basic", "suite", "6.00", "8.50", "CFQ7TTC0LH18:0001", "SMB_BUSINESS_ESSENTIALS", "MS-NCE-BB-1Y"),
    "bs": ("Microsoft 365 Business Standard", "suite", "12.50", "17.50", "CFQ7TTC0LDPB:0001", "O365_BUSINESS_PREMIUM", "MS-NCE-BS-1Y"),
    "bp": ("Microsoft 365 Business Premium", "suite", "22.00", "31.00", "CFQ7TTC0LCHC:0002", "SPB", "MS-NCE-BP-1Y"),
    "bpnt": ("Microsoft 365 Business Premium (no Teams)", "suite", "19.75", "28.00", None, None, "MS-NCE-BPNT-1Y"),
    "m3": ("Microsoft 365 E3", "suite", "36.00", "50.50", "CFQ7TTC0LFLX:0001", "SPE_E3", "MS-NCE-M3-1Y"),
    "m3nt": ("Microsoft 365 E3 (no Teams)", "suite", "33.75", "47.50", None, None, "MS-NCE-M3NT-1Y"),
    "m5": ("Microsoft 365 E5", "suite", "57.00", "80.00", "CFQ7TTC0LFLZ:0002", "SPE_E5", "MS-NCE-M5-1Y"),
    "m5s": ("Microsoft 365 E5 Security", "secaddon", "12.00", "17.00", None, "IDENTITY_THREAT_PROTECTION", "MS-NCE-M5SEC-1Y"),
    "o1": ("Office 365 E1", "suite", "10.00", "14.00", None, "STANDARDPACK", "MS-NCE-O1-1Y"),
    "o3": ("Office 365 E3", "suite", "23.00", "32.50", "CFQ7TTC0LF8Q:0001", "ENTERPRISEPACK", "MS-NCE-O3-1Y"),
    "f1": ("Microsoft 365 F1", "frontline", "2.25", "3.25", None, "M365_F1_COMM", "MS-NCE-F1-1Y"),
    "f3": ("Microsoft 365 F3", "frontline", "8.00", "11.50", None, "SPE_F1", "MS-NCE-F3-1Y"),
    "ex1": ("Exchange Online (Plan 1)", "mail", "4.00", "5.75", "CFQ7TTC0LH16:0001", "EXCHANGESTANDARD", "MS-NCE-EXO1-1Y"),
    "ex2": ("Exchange Online (Plan 2)", "mail", "8.00", "11.25", None, "EXCHANGEENTERPRISE", "MS-NCE-EXO2-1Y"),
    "eoa": ("Exchange Online Archiving for Exchange Online", "archive", "3.00", "4.50", "CFQ7TTC0LH0J:0001", "EXCHANGEARCHIVE_ADDON", "MS-NCE-EOA-1Y"),
    "ep1": ("Microsoft Entra ID P1", "identity", "6.00", "8.50", None, "AAD_PREMIUM", "MS-NCE-EIDP1-1Y"),
    "pbi": ("Power BI Pro", "bi", "14.00", "19.50", None, "POWER_BI_PRO", "MS-NCE-PBIP-1Y"),
    "v2": ("Visio Plan 2", "diagram", "15.00", "21.00", None, None, "MS-NCE-VISP2-1Y"),
    "mdb": ("Microsoft Defender for Business", "endpoint", "3.00", "4.25", None, "MDE_SMB", "MS-NCE-MDB-1Y"),
    "apps": ("Microsoft 365 Apps for Business", "apps", "8.25", "11.50", None, "O365_BUSINESS", "MS-NCE-APPSB-1Y"),
    "tess": ("Microsoft Teams Essentials", "meet", "4.00", "5.75", None, "Teams_Ess", "MS-NCE-TESS-1Y"),
    # non-Microsoft
    "acr": ("Acronis Cyber Protect Cloud - Standard", "backup", "4.10", "6.00", None, None, "SP8AMSENS"),
    "acrb": ("Acronis Cyber Protect Cloud - Advanced Backup", "backup", "2.40", "3.50", None, None, "SP8AMSENA"),
    "kp": ("Keeper Business", "password", "3.75", "5.50", None, None, "KPR-BUS-M"),
    "kpe": ("Keeper Enterprise", "password", "5.00", "7.25", None, None, "KPR-ENT-M"),
    "op": ("1Password Business", "password2", "7.99", "11.00", None, None, "1P-BUS-USR"),
    "acro": ("Adobe Acrobat Pro", "pdf", "19.99", "27.50", None, None, "65324059BA01A12"),
    "cc": ("Adobe Creative Cloud All Apps", "design", "84.99", "115.00", None, None, "65297757BA01A12"),
    "ds": ("Dropsuite Email Backup", "mailbackup", "2.50", "4.00", None, None, "DS-EB-M365"),
    "mc": ("Mimecast Email Security", "mailsec", "3.60", "5.25", None, None, "MC-ES-CP1"),
    "pp": ("Proofpoint Essentials Business", "mailsec2", "2.90", "4.25", None, None, "PPE-BUS-1M"),
    "s1": ("SentinelOne Singularity Control", "edr", "4.50", "6.75", None, None, "S1-CTRL-EP"),
    "gz": ("Bitdefender GravityZone Business Security", "av", "2.20", "3.25", None, None, "BD-GZBS-1M"),
    "duo": ("Duo Essentials", "mfa", "3.00", "4.50", None, None, "DUO-ESS-USR"),
    "dbx": ("Dropbox Business Standard", "files", "15.00", "21.00", None, None, "DBX-BSTD"),
    "zoom": ("Zoom Workplace Pro", "video", "13.33", "18.50", None, None, "ZM-WP-PRO"),
    "rc": ("RingCentral RingEX Core", "phone", "20.00", "28.00", None, None, "RC-RX-CORE"),
    "fig": ("Figma Professional", "design2", "15.00", "21.00", None, None, "FIG-PRO-SEAT"),
    "acad": ("Autodesk AutoCAD LT", "cad", "55.00", "75.00", None, None, "057R1-WW7407-L562"),
}
FREE = {
    "tex": ("Microsoft Teams Exploratory", "TEAMS_EXPLORATORY", "MS-TEAMS-EXPL"),
    "paf": ("Microsoft Power Automate Free", "FLOW_FREE", "MS-FLOW-FREE"),
}
# Vendor-side price rise this period (cost went up; some PSA prices were never raised).
PRICE_RISE = {"bb": "7.00", "bs": "14.00", "acr": "4.75", "kp": "4.25", "zoom": "14.99", "cc": "89.99"}

LOOKALIKES = [("m5", "m5s"), ("o3", "m3"), ("ex1", "ex2"), ("bb", "bs"), ("bs", "bp"), ("f1", "f3"),
              ("m3", "m3nt"), ("bp", "bpnt"), ("kp", "kpe"), ("acr", "acrb"), ("o1", "o3")]

# what people type --------------------------------------------------------------------------
ABBR = {
    "bb": ["M365 Business Basic", "M365 Bus Basic", "MS365 BB"],
    "bs": ["M365 Business Std", "M365 Bus Standard", "MS 365 Bus. Std"],
    "bp": ["M365 BP", "M365 Bus Prem", "MS365 Business Prem"],
    "bpnt": ["M365 Bus Prem (no Teams)", "M365 BP no Teams"],
    "m3": ["M365 E3", "MS365 E3"],
    "m3nt": ["M365 E3 (no Teams)", "M365 E3 no Teams"],
    "m5": ["M365 E5", "MS 365 E5"],
    "m5s": ["M365 E5 Sec", "M365 E5 Security add-on"],
    "o1": ["O365 E1", "Off365 E1"],
    "o3": ["O365 E3", "Off 365 E3"],
    "f1": ["M365 F1"], "f3": ["M365 F3"],
    "ex1": ["EXO P1", "Exch Online P1", "ExO Plan1"],
    "ex2": ["EXO P2", "Exch Online P2", "ExO Plan2"],
    "eoa": ["EOA", "Exch Online Archiving", "EXO Archiving"],
    "ep1": ["Entra P1", "Entra ID Prem P1"],
    "pbi": ["PBI Pro", "PowerBI Pro"],
    "v2": ["Visio P2", "Visio Pln 2"],
    "mdb": ["MDB", "Defender for Bus", "MS Defender Bus."],
    "apps": ["M365 Apps Bus", "M365 Apps for Bus."],
    "tess": ["Teams Ess", "MS Teams Essentials"],
    "acr": ["ACP Cloud Std", "Acronis CPC Standard"],
    "acrb": ["ACP Adv Backup", "Acronis CPC Adv. Backup"],
    "kp": ["Keeper Bus", "Keeper Bus."], "kpe": ["Keeper Ent", "Keeper Ent."],
    "op": ["1PW Business", "1Pass Business"],
    "acro": ["Acrobat Pro DC", "Adobe Acro Pro"],
    "cc": ["Adobe CC All Apps", "CC All Apps"],
    "ds": ["Dropsuite Backup", "DS Email Backup"],
    "mc": ["Mimecast ES", "Mimecast Email Sec"],
    "pp": ["PPE Business", "Proofpoint Ess. Business"],
    "s1": ["S1 Control", "SentinelOne Ctrl"],
    "gz": ["GZ Business Security", "Bitdefender GZ Bus Sec"],
    "duo": ["Duo Ess", "Cisco Duo Essentials"],
    "dbx": ["Dropbox Bus Std", "DBX Business Standard"],
    "zoom": ["Zoom WP Pro", "Zoom Pro"],
    "rc": ["RingEX Core", "RC RingEX Core"],
    "fig": ["Figma Pro", "Figma Professional seat"],
    "acad": ["AutoCAD LT", "ACAD LT"],
}
ABBR_TYPO = {
    "bb": ["M356 Business Basic", "M365 Bsns Basic"], "bs": ["M365 Bsns Std", "M356 Bus Standard"],
    "bp": ["M365 Bsns Prem", "M356 BP", "M365 Bus Perm"], "m3": ["M356 E3"], "m5": ["M356 E5"],
    "m5s": ["M365 E5 Secuirty", "M356 E5 Sec"], "o3": ["0365 E3", "O356 E3"], "o1": ["0365 E1"],
    "ex1": ["EXO Pl1", "Exh Online P1"], "ex2": ["EXO Pl2", "Exh Online P2"], "eoa": ["Exch Onlne Archiving"],
    "ep1": ["Entra ID Prm P1"], "pbi": ["PBI Prof", "PwrBI Pro"], "mdb": ["Defnder for Bus"],
    "acr": ["Acornis CPC Std"], "kp": ["Keepr Bus"], "kpe": ["Keepr Ent"], "mc": ["Mimcast ES"],
    "ds": ["Dropsute Backup"], "cc": ["Adobe CC Al Apps"], "gz": ["Bitdefnder GZ Bus Sec"],
    "s1": ["Sentinel1 Control"], "duo": ["Duo Essntials"], "zoom": ["Zoom Workplce Pro"],
}
BRAND_DROPPED = {
    "bb": "Business Basic", "bs": "Business Standard", "bp": "Business Premium",
    "bpnt": "Business Premium (no Teams)", "m5s": "E5 Security", "ex1": "Online (Plan 1) mailbox", "ex2": "Online (Plan 2) mailbox",
    "eoa": "Online Archiving", "ep1": "Entra ID P1", "pbi": "BI Pro", "v2": "Plan 2 (Visio)",
    "apps": "365 Apps for Business", "tess": "Teams Essentials", "acr": "Cyber Protect Cloud - Standard",
    "acrb": "Cyber Protect Cloud - Advanced Backup", "kp": "Keeper", "acro": "Acrobat Pro",
    "cc": "Creative Cloud All Apps", "mc": "Email Security (Mimecast)", "gz": "GravityZone Business Security",
    "s1": "Singularity Control", "dbx": "Business Standard (Dropbox)", "zoom": "Workplace Pro",
    "rc": "RingEX Core", "fig": "Professional (Figma)", "acad": "AutoCAD LT",
}
BARE = {"m3": "E3", "m5": "E5", "o3": "E3", "o1": "E1", "f1": "F1", "f3": "F3", "v2": "Visio",
        "pbi": "Power BI", "bp": "Premium", "bs": "Standard", "bb": "Basic",
        "acro": "Acrobat", "zoom": "Zoom", "dbx": "Dropbox", "s1": "SentinelOne", "duo": "Duo",
        "mc": "Mimecast", "acad": "AutoCAD", "fig": "Figma", "op": "1Password", "rc": "RingCentral"}
RENAMED = {  # names the product had before (all still typed in PSAs)
    "bb": ["Office 365 Business Essentials"], "bs": ["Office 365 Business Premium"],
    "bp": ["Microsoft 365 Business"], "apps": ["Office 365 Business"],
    "ep1": ["Azure AD Premium P1", "Azure Active Directory Premium P1"],
    "v2": ["Visio Pro for Office 365", "Visio Online Plan 2"], "m5s": ["Identity & Threat Protection"],
    "mdb": ["Defender for Endpoint for SMB"], "acr": ["Acronis Cyber Backup Cloud"],
    "rc": ["RingCentral MVP Standard"], "zoom": ["Zoom One Pro"], "duo": ["Duo MFA"],
    "ds": ["Dropsuite Backup for Microsoft 365"], "tess": ["Teams Essentials (standalone)"],
}
IN_HOUSE = {  # by kind: only context (the one product of that kind the client buys) resolves these
    "suite": ["Staff email & Office apps", "User productivity licence", "Cloud workplace seat"],
    "mail": ["Hosted mailbox", "Email only account"], "archive": ["Email Archiving", "Mailbox archive add-on"],
    "identity": ["Identity protection licence"], "secaddon": ["Advanced threat add-on"],
    "bi": ["Reporting dashboards licence"], "diagram": ["Diagramming tool"], "endpoint": ["Endpoint protection"],
    "apps": ["Desktop Office apps"], "meet": ["Video meetings licence"], "backup": ["Cloud backup licence"],
    "password": ["Password Vault"], "password2": ["Password manager seat"], "pdf": ["PDF Editor"],
    "design": ["Creative suite seat"], "mailbackup": ["Mailbox backup licence"], "mailsec": ["Spam Filtering"],
    "mailsec2": ["Email filtering"], "edr": ["EDR agent"], "av": ["Antivirus per device"],
    "mfa": ["2FA licence"], "files": ["File Sharing"], "video": ["Webinar & meeting seat"],
    "phone": ["Hosted VoIP seat"], "design2": ["UI design seat"], "cad": ["CAD seat"],
    "frontline": ["Frontline worker licence"],
}
EXTRA_PRE = ["Licence: ", "Subscription - ", "Monthly ", "Lic. ", "Recurring: "]
EXTRA_POST = [" - per user", " Monthly Subscription", " Licence", " (NCE)", " - per user/month", " Lic",
              " user licences", " - Annual commitment", " (recurring)", " seat"]
LOCALIZED = [" Lizenz", " - licence mensuelle", " månedlig lisens", " abonnement", " Nutzer/Monat",
             " per gebruiker", " licencia"]
VENDOR_PREFIX = ["Pax8: ", "Microsoft - ", "MS ", "Distributor: ", "CSP "]

SERVICES = [
    "Managed Services - per user", "Managed Backup Service (monitoring)", "Helpdesk support block 10h",
    "Onsite support hours", "Firewall hardware rental", "Server monitoring & patching", "Project work - migration",
    "Security awareness training (service)", "Network maintenance agreement", "Labour - remote support",
    "Microsoft 365 management & support - per user (service)", "Email security monitoring service",
]

# clients --------------------------------------------------------------------------------------
COUNTRIES = {
    "US": (["Harbor", "Summit", "Bayside", "Granite", "Redwood", "Lakeview", "Pioneer", "Cedar Ridge",
            "Blue Heron", "Ironwood", "Northgate", "Maple Street", "Silver Creek", "Copperline", "Oakmont",
            "Keystone", "Prairie Wind", "Hudson Valley", "Magnolia", "Tidewater"],
           ["Dental Group", "Family Medicine", "Property Management", "Accounting Services", "Law Group",
            "Construction", "Logistics", "Veterinary Clinic", "Insurance Agency", "Engineering Associates",
            "Realty", "Auto Repair", "Title Company", "Architects", "Management Services"],
           ["Inc.", "LLC", "Corp.", "Co.", "PLLC", "LLP"]),
    "GB": (["Thornbury", "Ashford", "Kingsley", "Wexford", "Marlow", "Pennington", "Hartley", "Caldwell",
            "Fairhaven", "Bramley", "Whitcombe"],
           ["Management Services", "Solicitors", "Estates", "Surveyors", "Haulage", "Opticians",
            "Engineering", "Recruitment", "Lettings", "Accountants"],
           ["Ltd", "Limited", "LLP", "PLC"]),
    "DE": (["Großmann", "Weißenberg", "Schäfer", "Krüger", "Brandt", "Hoffmann", "Müller & Söhne", "Baumgärtner"],
           ["Stahlbau", "Steuerberatung", "Immobilien", "Logistik", "Zahntechnik", "Elektrotechnik", "Hausverwaltung"],
           ["GmbH", "GmbH & Co. KG", "AG", "e.K."]),
    "NO": (["Bjørnstad", "Solheim", "Fjellheim", "Nørvang", "Haugen", "Sjøberg"],
           ["Rørlegger", "Eiendom", "Regnskap", "Transport", "Tannklinikk"], ["AS"]),
    "DK": (["Kæmpe", "Søndergaard", "Lykke", "Holm", "Ærøskøbing"], ["Design", "Revision", "Byg", "Tandlæger"],
           ["ApS", "A/S"]),
    "SE": (["Åkerlund", "Lindqvist", "Ström", "Öberg"], ["Bygg", "Redovisning", "Fastigheter"], ["AB"]),
    "FR": (["Lumière", "Beaulieu", "Château-Vert", "Dupré", "Belcourt"],
           ["Conseil", "Immobilier", "Architectes", "Expertise Comptable"], ["SAS", "SARL", "SA"]),
    "NL": (["Van Dijk", "De Vries", "Bakker", "Verhoeven"], ["Installatietechniek", "Accountants", "Vastgoed"], ["B.V."]),
    "AU": (["Wattle", "Southern Cross", "Kookaburra", "Coral Coast", "Banksia"],
           ["Physiotherapy", "Plumbing", "Accountants", "Legal", "Management Services"], ["Pty Ltd"]),
    "CA": (["Maple Leaf", "Laurentian", "Fraser", "Algonquin"], ["Management Services", "Dental Group", "Realty"],
           ["Inc.", "Ltd.", "Corp."]),
}
COUNTRY_WEIGHTS = [("US", 30), ("GB", 15), ("DE", 10), ("NO", 6), ("DK", 5), ("SE", 5), ("FR", 7), ("NL", 6),
                   ("AU", 9), ("CA", 7)]
DBA = [("Kowalski Family Holdings LLC", "Sunrise Bakery"), ("JTM Ventures Inc.", "Lakeside Fitness"),
       ("Patel Hospitality Group LLC", "Comfort Suites Riverside"), ("A. Nguyen Dental Corp.", "Bright Smile Dentistry"),
       ("Hollis & Reed Ltd", "The Copper Kettle"), ("Meyer Beteiligungs GmbH", "Café Sonnenschein"),
       ("R&K Okafor Enterprises LLC", "Okafor Pediatrics"), ("Lindgren Invest AB", "Skärgårds Marina"),
       ("Castellano Holdings Corp.", "Bella Vista Ristorante"), ("Whitfield Group Pty Ltd", "Bondi Surf Co"),
       ("DTR Partners Ltd", "Greenway Garden Centre"), ("Fournier Participations SAS", "Boulangerie du Parc")]
SIBLING_PAIRS = [("Dental Group", "Dental Lab"), ("Family Medicine", "Family Pharmacy"),
                 ("Property Management", "Property Maintenance"), ("Logistics", "Logistics Warehousing")]
STORE_CHAINS = ["Bayside Pharmacy", "Corner Market", "QuickLube Auto", "Fresh Bowl Café", "Paws & Claws Pet Supply"]

LEGAL_TYPO = {"Limited": ["Limietd", "Limted"], "Ltd": ["Ltd.", "Lted"], "LLC": ["L.L.C", "LCC", "LLC."],
              "Inc.": ["Icn.", "Inc", "Inc,"], "Corp.": ["Corporaiton", "Crop."], "Co.": ["Co", "Comapny"],
              "GmbH": ["Gmbh", "GmbH.", "GmBH"], "Pty Ltd": ["Pty. Ltd", "PTY LTD.", "Pty Ldt"], "AS": ["A.S.", "As"],
              "ApS": ["Aps", "ApS."], "A/S": ["AS", "A-S"], "B.V.": ["BV", "B.V", "B.v."], "SARL": ["S.A.R.L.", "Sàrl"],
              "SAS": ["S.A.S.", "Sas"], "AB": ["Ab", "A.B."], "PLC": ["Plc", "P.L.C."], "LLP": ["L.L.P.", "LLP."],
              "PLLC": ["P.L.L.C.", "PLLC."], "AG": ["A.G."], "e.K.": ["eK", "e. K."], "Ltd.": ["Ltd", "Ltd,"],
              "SA": ["S.A."], "GmbH & Co. KG": ["GmbH & Co KG", "GmbH u. Co. KG"]}
LEGAL_EXPAND = {"Ltd": "Limited", "Ltd.": "Limited", "Inc.": "Incorporated", "Corp.": "Corporation", "Co.": "Company",
                "LLC": "Limited Liability Company", "Pty Ltd": "Proprietary Limited", "GmbH": "Gesellschaft mbH",
                "AB": "Aktiebolag", "B.V.": "Besloten Vennootschap", "PLC": "Public Limited Company",
                "AS": "Aksjeselskap", "ApS": "Anpartsselskab", "Limited": "Ltd"}
NAME_ABBR = {"Management": ["Mgmt", "Mgmt."], "Services": ["Svcs", "Servs."], "Associates": ["Assoc.", "Assocs"],
             "Engineering": ["Eng.", "Engg"], "Accounting": ["Acctg", "Acct."], "Construction": ["Constr."],
             "Property": ["Prop."], "Insurance": ["Ins."], "Medicine": ["Med."], "Veterinary": ["Vet."],
             "Company": ["Co"], "Architects": ["Archs"], "Steuerberatung": ["StB"], "Immobilien": ["Immob."],
             "Physiotherapy": ["Physio"], "Accountants": ["Accts"], "Recruitment": ["Recruit."], "Logistics": ["Logs."]}
NAME_ABBR_TYPO = {"Management": ["Mngmt", "Mgnt", "Mangement"], "Services": ["Scvs", "Srvcs", "Sevices"],
                  "Accounting": ["Acctng", "Accouting"], "Engineering": ["Engneering", "Engg."],
                  "Associates": ["Assoicates", "Asoc."], "Construction": ["Constrution", "Cnstr."]}
GENERIC_WORDS = ["Group", "Services", "Associates", "Company", "Agency", "Clinic"]
BRANCHES = [" - Downtown", " (Main Office)", " - HQ", " / Head Office", " - North Branch", " (Billing)", " – Site A"]
FOLD = {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "é": "e", "è": "e", "ü": "ue", "ö": "o", "ä": "a",
        "å": "a", "Å": "A", "Ö": "O", "à": "a", "â": "a"}

ZERO = D("0")

# kinds a careful reader could confuse: an in-house name is used only when its group is unique
KIND_GROUP = {"suite": "office", "mail": "office", "apps": "office", "frontline": "office",
              "backup": "backup", "mailbackup": "backup", "mailsec": "mailsec", "mailsec2": "mailsec",
              "password": "password", "password2": "password", "design": "design", "design2": "design",
              "endpoint": "endpoint", "edr": "endpoint", "av": "endpoint", "secaddon": "endpoint",
              "video": "meet", "meet": "meet", "phone": "meet", "identity": "identity", "mfa": "identity"}
