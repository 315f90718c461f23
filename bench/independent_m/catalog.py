"""Products, services and client-name material for evaluation set M.

Everything here was written for this set from public facts (Microsoft's product-name table,
Partner Center / Pax8 / distributor catalogues as documented) and from how people type into a PSA.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Product:
    name: str  # canonical name (truth)
    brand: str  # "Microsoft" or the third-party publisher
    cost: int  # vendor monthly unit cost, cents (after partner discount)
    retail: int  # usual PSA monthly unit price, cents
    list_price: int  # vendor list price, cents (UnitPrice in Partner Center)
    string_id: str  # Microsoft String_Id / vendor part number
    catalog_id: str  # Partner Center ProductId:SkuId or distributor code
    pax8_sku: str
    terse: str  # distributor terse description stem (Dicker style)
    annual_ok: bool = True
    # people's spellings, by perturbation class
    variants: dict = field(default_factory=dict)
    group: str = ""  # look-alike family (discriminating tokens must stay apart)


def _p(name, brand, cost, retail, list_price, string_id, catalog_id, pax8, terse, group="", annual_ok=True, **variants):
    return Product(name, brand, cost, retail, list_price, string_id, catalog_id, pax8, terse, annual_ok, variants, group)


# Variants keys: abbreviation, abbrev_typo, brand_dropped, bare_plan, renamed, inhouse, extra_words_base
MS = [
    _p("Microsoft 365 Business Basic", "Microsoft", 600, 750, 600, "O365_BUSINESS_ESSENTIALS", "CFQ7TTC0LH18:0001", "MST-NCE-101-C100", "M365 BB", "bizplan",
       abbreviation=["M365 Bus Basic", "MS365 BB", "M365 BB"], abbrev_typo=["M356 Busines Basic", "MS365 Bsc"],
       brand_dropped=["Business Basic", "365 Basic"], bare_plan=["Basic"],
       renamed=["Office 365 Business Essentials", "O365 Business Essentials"], inhouse=["Hosted Email Basic", "Web Mail + Teams"]),
    _p("Microsoft 365 Business Standard", "Microsoft", 1250, 1500, 1250, "O365_BUSINESS_PREMIUM", "CFQ7TTC0LDPB:0001", "MST-NCE-102-C100", "M365 BS", "bizplan",
       abbreviation=["M365 Bus Std", "MS365 Bus. Std.", "M365 BS"], abbrev_typo=["M365 Buss Stnd", "Microsft 365 Bus Std"],
       brand_dropped=["Business Standard", "365 Standard"], bare_plan=["Standard"],
       renamed=["Office 365 Business Premium", "O365 Bus Premium (legacy name)"], inhouse=["Office Suite + Email"]),
    _p("Microsoft 365 Business Premium", "Microsoft", 2200, 2640, 2200, "SPB", "CFQ7TTC0LCHC:0002", "MST-NCE-103-C100", "M365 BP", "bizplan",
       abbreviation=["M365 BP", "M365 Bus Prem", "MS 365 Bus. Prem"], abbrev_typo=["M365 Bus Perm", "M365 Buisness Prem"],
       brand_dropped=["Business Premium", "365 Premium"], bare_plan=["Premium", "BP"],
       renamed=["Microsoft 365 Business", "Secure Business Bundle (M365 Business)"], inhouse=["Secure Workplace Bundle", "Modern Workplace Premium"]),
    _p("Microsoft 365 E3", "Microsoft", 3600, 4300, 3600, "SPE_E3", "CFQ7TTC0LFLX:0001", "MST-NCE-110-C100", "M365 E3", "e3",
       abbreviation=["M365 E3", "MS365-E3", "M-365 E3"], abbrev_typo=["M3665 E3", "MS356 E3"],
       brand_dropped=["365 E3", "Microsoft E3"], bare_plan=["E3"],
       renamed=["Microsoft 365 Enterprise E3", "Secure Productive Enterprise E3"], inhouse=["Enterprise Workplace Licence"]),
    _p("Microsoft 365 E3 (no Teams)", "Microsoft", 3375, 4000, 3375, "Microsoft_365_E3_(no_Teams)", "CFQ7TTC0LFLX:0005", "MST-NCE-110-C200", "M365 E3 NT", "e3",
       abbreviation=["M365 E3 no Teams", "M365 E3 (w/o Teams)", "M365 E3 NoTeams"], abbrev_typo=["M365 E3 no Tems", "M365 E3 w/o Teasm"],
       brand_dropped=["365 E3 (no Teams)", "E3 without Teams"], bare_plan=["E3 no Teams"],
       renamed=["Microsoft 365 E3 (unbundled)", "M365 E3 Unbundled"], inhouse=["Enterprise Licence (Teams separate)"]),
    _p("Microsoft 365 E5", "Microsoft", 5700, 6800, 5700, "SPE_E5", "CFQ7TTC0LFLZ:0002", "MST-NCE-111-C100", "M365 E5", "e5",
       abbreviation=["M365 E5", "MS365 E5", "M365-E5"], abbrev_typo=["Microsft 365 E5", "Micrsoft 365 E5"],
       brand_dropped=["365 E5", "Microsoft E5"], bare_plan=["E5"],
       renamed=["Microsoft 365 Enterprise E5"], inhouse=["Enterprise Max Licence"]),
    _p("Microsoft 365 E5 Security", "Microsoft", 1200, 1500, 1200, "IDENTITY_THREAT_PROTECTION", "CFQ7TTC0LFK5:0001", "MST-NCE-162-C100", "M365 E5 SEC", "e5",
       abbreviation=["M365 E5 Sec", "M365 E5 Sec Add-on", "E5 Sec"], abbrev_typo=["M365 E5 Secuirty", "M365 E5 Scurity"],
       brand_dropped=["E5 Security", "365 E5 Security add-on"], bare_plan=["E5 Security"],
       renamed=["Microsoft 365 Identity & Threat Protection", "Identity and Threat Protection"], inhouse=["Advanced Threat Add-on"]),
    _p("Microsoft 365 E5 Compliance", "Microsoft", 1200, 1450, 1200, "INFORMATION_PROTECTION_COMPLIANCE", "CFQ7TTC0LFK4:0001", "MST-NCE-163-C100", "M365 E5 COMP", "e5",
       abbreviation=["M365 E5 Compl", "M365 E5 Comp."], abbrev_typo=["M365 E5 Complaince", "M365 E5 Compliane"],
       brand_dropped=["E5 Compliance", "365 E5 Compliance add-on"], bare_plan=["E5 Compliance"],
       renamed=["Microsoft 365 Information Protection and Compliance"], inhouse=["Compliance & eDiscovery Add-on"]),
    _p("Office 365 E1", "Microsoft", 1000, 1200, 1000, "STANDARDPACK", "CFQ7TTC0LF8R:0001", "MST-NCE-120-C100", "O365 E1", "e1",
       abbreviation=["O365 E1", "O-365 E1", "Off365 E1"], abbrev_typo=["O356 E1", "Ofice 365 E1"],
       brand_dropped=["Office E1", "365 E1"], bare_plan=["E1"], renamed=["Office 365 Enterprise E1"], inhouse=["Web Office + Mail"]),
    _p("Office 365 E3", "Microsoft", 2300, 2750, 2300, "ENTERPRISEPACK", "CFQ7TTC0LF8Q:0001", "MST-NCE-121-C100", "O365 E3", "e3",
       abbreviation=["O365 E3", "O-365 E3", "Off 365 E3"], abbrev_typo=["O356 E3", "Offic 365 E3"],
       brand_dropped=["Office E3", "Office Enterprise E3"], bare_plan=["E3"],
       renamed=["Office 365 Enterprise E3"], inhouse=["Office Enterprise Licence"]),
    _p("Office 365 E5", "Microsoft", 3800, 4500, 3800, "ENTERPRISEPREMIUM", "CFQ7TTC0LF8S:0001", "MST-NCE-122-C100", "O365 E5", "e5",
       abbreviation=["O365 E5", "O-365 E5"], abbrev_typo=["Ofice 365 E5 Ent", "Ofice 365 E5"],
       brand_dropped=["Office E5"], bare_plan=["E5"], renamed=["Office 365 Enterprise E5"], inhouse=["Office Enterprise Plus"]),
    _p("Microsoft 365 F1", "Microsoft", 225, 300, 225, "M365_F1_COMM", "CFQ7TTC0LGZT:0001", "MST-NCE-130-C100", "M365 F1", "frontline",
       abbreviation=["M365 F1", "MS365 F1"], abbrev_typo=["Microsfot 365 F1", "M356 F1"],
       brand_dropped=["365 F1", "Frontline F1"], bare_plan=["F1"], renamed=["Microsoft 365 Firstline F1"], inhouse=["Shop-floor Licence (light)"]),
    _p("Microsoft 365 F3", "Microsoft", 800, 1000, 800, "SPE_F1", "CFQ7TTC0LGZW:0001", "MST-NCE-131-C100", "M365 F3", "frontline",
       abbreviation=["M365 F3", "MS365 F3"], abbrev_typo=["Micorsoft 365 F3", "M356 F3"],
       brand_dropped=["365 F3", "Frontline F3"], bare_plan=["F3"], renamed=["Microsoft 365 Firstline F3"], inhouse=["Shop-floor Licence"]),
    _p("Exchange Online (Plan 1)", "Microsoft", 400, 500, 400, "EXCHANGESTANDARD", "CFQ7TTC0LH16:0001", "MST-NCE-140-C100", "EXO P1", "exo",
       abbreviation=["EXO P1", "EXO Plan 1", "Exch Online P1"], abbrev_typo=["Exchnage Online P1", "EXO Pln 1"],
       brand_dropped=["Exchange Plan 1", "Online Plan 1"], bare_plan=["Plan 1 mailbox"],
       renamed=["Exchange Online Plan 1 (Hosted Exchange)"], inhouse=["Hosted Email", "Business Mailbox"]),
    _p("Exchange Online (Plan 2)", "Microsoft", 800, 1000, 800, "EXCHANGEENTERPRISE", "CFQ7TTC0LH1G:0001", "MST-NCE-141-C100", "EXO P2", "exo",
       abbreviation=["EXO P2", "EXO Plan 2", "Exch Online P2"], abbrev_typo=["Exchnage Online P2", "EXO Pln 2"],
       brand_dropped=["Exchange Plan 2", "Online Plan 2"], bare_plan=["Plan 2 mailbox"],
       renamed=["Exchange Online Plan 2 (Enterprise)"], inhouse=["Large Mailbox 100GB"]),
    _p("Exchange Online Archiving for Exchange Online", "Microsoft", 300, 400, 300, "EXCHANGEARCHIVE_ADDON", "CFQ7TTC0LH0J:0001", "MST-NCE-142-C100", "EXO ARCH", "exo_arch",
       abbreviation=["EOA", "EXO Archiving", "Exch Online Archiving"], abbrev_typo=["Exchange Archving", "EXO Archivng"],
       brand_dropped=["Online Archiving", "Archiving for Exchange"], bare_plan=["Archiving"],
       renamed=["Exchange Online Archiving"], inhouse=["Email Archiving", "Mail Archive"]),
    _p("Microsoft Entra ID P1", "Microsoft", 600, 750, 600, "AAD_PREMIUM", "CFQ7TTC0LFNQ:0001", "MST-NCE-150-C100", "ENTRA P1", "entra",
       abbreviation=["Entra P1", "Entra ID P1"], abbrev_typo=["Entra IDP1", "Enrta ID P1"],
       brand_dropped=["Entra ID Premium P1"], bare_plan=["P1"],
       renamed=["Azure AD Premium P1", "Azure Active Directory Premium P1", "AAD P1", "AADP1"], inhouse=["Identity Protection (conditional access)"]),
    _p("Microsoft Entra ID P2", "Microsoft", 900, 1100, 900, "AAD_PREMIUM_P2", "CFQ7TTC0LFNR:0001", "MST-NCE-151-C100", "ENTRA P2", "entra",
       abbreviation=["Entra P2", "Entra ID P2"], abbrev_typo=["Entra IDP2", "Enrta ID P2"],
       brand_dropped=["Entra ID Premium P2"], bare_plan=["P2"],
       renamed=["Azure AD Premium P2", "Azure Active Directory Premium P2", "AAD P2"], inhouse=["Identity Governance"]),
    _p("Power BI Pro", "Microsoft", 1400, 1700, 1400, "POWER_BI_PRO", "CFQ7TTC0L3PB:0001", "MST-NCE-160-C100", "PBI PRO", "pbi",
       abbreviation=["PBI Pro", "PowerBI Pro", "P-BI Pro"], abbrev_typo=["Power Bi Por", "PBI Porf"],
       brand_dropped=["BI Pro"], bare_plan=["Power BI"], renamed=["Power BI Pro (per user)"], inhouse=["Reporting Dashboards Licence"]),
    _p("Power BI Premium Per User", "Microsoft", 2400, 2900, 2400, "PBI_PREMIUM_PER_USER", "CFQ7TTC0HL8W:0001", "MST-NCE-161-C100", "PBI PPU", "pbi",
       abbreviation=["PBI PPU", "Power BI PPU", "PBI Prem/User"], abbrev_typo=["Power BI Premum PPU", "PBI PUU"],
       brand_dropped=["BI Premium per user"], bare_plan=["PPU"], renamed=["Power BI Premium (per user)"], inhouse=["Advanced Dashboards"]),
    _p("Visio Plan 1", "Microsoft", 500, 650, 500, "VISIOONLINE_PLAN1", "CFQ7TTC0HD33:0001", "MST-NCE-170-C100", "VISIO P1", "visio",
       abbreviation=["Visio P1", "Visio Pl 1"], abbrev_typo=["Vsio Plan 1", "Viso P1"],
       brand_dropped=["Visio Plan 1"], bare_plan=["Visio web"], renamed=["Visio Online Plan 1"], inhouse=["Diagram tool (web)"]),
    _p("Visio Plan 2", "Microsoft", 1500, 1800, 1500, "VISIOCLIENT", "CFQ7TTC0HD32:0001", "MST-NCE-171-C100", "VISIO P2", "visio",
       abbreviation=["Visio P2", "Visio Pl 2"], abbrev_typo=["Vsio Plan 2", "Viso P2"],
       brand_dropped=["Visio Plan 2"], bare_plan=["Visio"], renamed=["Visio Online Plan 2", "Visio Pro for Office 365"], inhouse=["Diagram software (desktop)"]),
    _p("Planner and Project Plan 3", "Microsoft", 3000, 3600, 3000, "PROJECTPROFESSIONAL", "CFQ7TTC0HDH5:0001", "MST-NCE-172-C100", "PROJ P3", "project",
       abbreviation=["Project P3", "Proj Plan 3"], abbrev_typo=["Porject Plan 3", "Projet P3"],
       brand_dropped=["Plan 3 (Project)"], bare_plan=["Project"], renamed=["Project Plan 3", "Project Online Professional"], inhouse=["Scheduling / Gantt licence"]),
    _p("Microsoft Defender for Office 365 (Plan 1)", "Microsoft", 200, 300, 200, "ATP_ENTERPRISE", "CFQ7TTC0LHRF:0001", "MST-NCE-180-C100", "MDO P1", "defender",
       abbreviation=["MDO P1", "Defender O365 P1", "Def for O365 P1"], abbrev_typo=["Defnder for Office P1", "Defender O356 P1"],
       brand_dropped=["Defender for Office P1"], bare_plan=["Safe Links"],
       renamed=["Office 365 Advanced Threat Protection (Plan 1)", "Office 365 ATP Plan 1", "O365 ATP P1"], inhouse=["Email Threat Protection"]),
    _p("Microsoft Defender for Business", "Microsoft", 300, 400, 300, "MDE_SMB", "CFQ7TTC0LCHF:0001", "MST-NCE-181-C100", "MDB", "defender",
       abbreviation=["MDB", "Defender 4 Business", "MS Defender Bus."], abbrev_typo=["Defender for Busines", "Defnder Business"],
       brand_dropped=["Defender for Business"], bare_plan=["Defender"], renamed=["Microsoft Defender for Endpoint (SMB)"], inhouse=["Endpoint AV (Microsoft)"]),
    _p("Microsoft Intune Plan 1", "Microsoft", 800, 1000, 800, "INTUNE_A", "CFQ7TTC0LCH4:0001", "MST-NCE-182-C100", "INTUNE P1", "intune",
       abbreviation=["Intune P1", "MS Intune"], abbrev_typo=["Inutne P1", "Intnue Plan 1"],
       brand_dropped=["Intune Plan 1"], bare_plan=["Intune"], renamed=["Microsoft Intune", "Microsoft Endpoint Manager (Intune)"], inhouse=["Device Management (MDM)"]),
    _p("Microsoft 365 Copilot", "Microsoft", 3000, 3500, 3000, "Microsoft_365_Copilot", "CFQ7TTC0MM8R:0002", "MST-NCE-190-C100", "M365 COPILOT", "copilot",
       abbreviation=["M365 Copilot", "MS Copilot"], abbrev_typo=["M365 Coplot", "Copliot M365"],
       brand_dropped=["Copilot"], bare_plan=["Copilot"], renamed=["Microsoft Copilot for Microsoft 365", "Copilot for M365"], inhouse=["AI Assistant", "AI add-on"]),
    _p("Microsoft 365 Apps for Business", "Microsoft", 825, 1000, 825, "O365_BUSINESS", "CFQ7TTC0LH1W:0001", "MST-NCE-104-C100", "M365 APPS BUS", "apps",
       abbreviation=["M365 Apps Bus", "M365 Apps for Bus."], abbrev_typo=["M365 Aps for Business", "M365 Apps Buisness"],
       brand_dropped=["Apps for Business"], bare_plan=["Office apps"], renamed=["Office 365 Business"], inhouse=["Desktop Office (small business)"]),
    _p("Microsoft 365 Apps for Enterprise", "Microsoft", 1200, 1450, 1200, "OFFICESUBSCRIPTION", "CFQ7TTC0LH1V:0001", "MST-NCE-105-C100", "M365 APPS ENT", "apps",
       abbreviation=["M365 Apps Ent", "M365 Apps for Ent."], abbrev_typo=["M365 Aps for Enterprise", "M365 Apps Enterprse"],
       brand_dropped=["Apps for Enterprise"], bare_plan=["Office ProPlus"], renamed=["Office 365 ProPlus", "Microsoft 365 Apps for enterprise (ProPlus)"], inhouse=["Desktop Office (enterprise)"]),
    _p("Microsoft Teams Essentials", "Microsoft", 400, 500, 400, "Teams_Ess", "CFQ7TTC0RM8K:0001", "MST-NCE-195-C100", "TEAMS ESS", "teams",
       abbreviation=["Teams Ess", "MS Teams Ess."], abbrev_typo=["Teams Essentails", "Tems Essentials"],
       brand_dropped=["Teams Essentials"], bare_plan=["Teams"], renamed=["Microsoft Teams Essentials (AAD Identity)"], inhouse=["Video Meetings"]),
    _p("Microsoft Teams Phone Standard", "Microsoft", 1000, 1250, 1000, "MCOEV", "CFQ7TTC0LHSW:0001", "MST-NCE-196-C100", "TEAMS PHONE", "teams",
       abbreviation=["Teams Phone Std", "MS Teams Phone"], abbrev_typo=["Teams Phnoe Standard", "Teams Phone Stnd"],
       brand_dropped=["Teams Phone"], bare_plan=["Phone System"], renamed=["Microsoft 365 Phone System", "Phone System add-on"], inhouse=["Cloud PBX seat"]),
]

# Third-party products a distributor bill carries (never on Partner Center bills).
OTHER = [
    _p("Acronis Cyber Protect Cloud - Workstation", "Acronis", 420, 700, 420, "SXPAMSENS", "ACR-CPC-WS", "ACR-CPC-WS-M", "ACRONIS CPC WS", "acronis",
       abbreviation=["Acronis CPC WS", "Acronis Cyber Prot. Workstation"], abbrev_typo=["Acronsi Cyber Protect WS", "Acronis Cybr Protect Wkstn"],
       brand_dropped=["Cyber Protect Cloud Workstation"], bare_plan=["Workstation backup agent"], renamed=["Acronis Backup Cloud - Workstation"], inhouse=["PC Backup Agent"]),
    _p("Acronis Cyber Protect Cloud - Server", "Acronis", 2100, 3000, 2100, "SXPAMSENS-SRV", "ACR-CPC-SRV", "ACR-CPC-SRV-M", "ACRONIS CPC SRV", "acronis",
       abbreviation=["Acronis CPC Srv", "Acronis Cyber Prot. Server"], abbrev_typo=["Acronsi Cyber Protect Srv", "Acronis Cybr Protect Sevrer"],
       brand_dropped=["Cyber Protect Cloud Server"], bare_plan=["Server backup agent"], renamed=["Acronis Backup Cloud - Server"], inhouse=["Server Backup Agent"]),
    _p("Keeper Business", "Keeper Security", 375, 500, 375, "KEEPER-BUS", "KPR-BUS-1M", "KPR-BUS-M", "KEEPER BUS", "keeper",
       abbreviation=["Keeper Bus.", "KeeperBiz"], abbrev_typo=["Keper Business", "Keeper Buisness"],
       brand_dropped=["Keeper"], bare_plan=["Keeper"], renamed=["Keeper Security Business"], inhouse=["Password Vault", "Password Manager"]),
    _p("Keeper Enterprise", "Keeper Security", 500, 650, 500, "KEEPER-ENT", "KPR-ENT-1M", "KPR-ENT-M", "KEEPER ENT", "keeper",
       abbreviation=["Keeper Ent.", "KeeperEnt"], abbrev_typo=["Keper Enterprise", "Keeper Enterprsie"],
       brand_dropped=["Keeper Enterprise"], bare_plan=["Keeper Ent"], renamed=["Keeper Security Enterprise"], inhouse=["Password Vault (Enterprise)"]),
    _p("Adobe Acrobat Pro for teams", "Adobe", 1899, 2399, 1999, "65324062BA01A12", "ADB-ACRO-PRO-T", "ADB-ACP-T", "ADOBE ACRO PRO", "acrobat",
       abbreviation=["Acrobat Pro DC", "Adobe Acro Pro"], abbrev_typo=["Adobe Acrobta Pro", "Adbe Acrobat Pro"],
       brand_dropped=["Acrobat Pro"], bare_plan=["Acrobat"], renamed=["Adobe Acrobat Pro DC for teams"], inhouse=["PDF Editor licence"]),
    _p("Adobe Acrobat Standard for teams", "Adobe", 1299, 1699, 1399, "65324080BA01A12", "ADB-ACRO-STD-T", "ADB-ACS-T", "ADOBE ACRO STD", "acrobat",
       abbreviation=["Acrobat Std DC", "Adobe Acro Std"], abbrev_typo=["Adobe Acrobta Std", "Adbe Acrobat Standard"],
       brand_dropped=["Acrobat Standard"], bare_plan=["Acrobat Std"], renamed=["Adobe Acrobat Standard DC for teams"], inhouse=["PDF Reader/Editor (basic)"]),
    _p("Adobe Creative Cloud All Apps for teams", "Adobe", 7999, 8999, 8499, "65304885BA01A12", "ADB-CC-ALL-T", "ADB-CCAA-T", "ADOBE CC ALL APPS", "adobecc",
       abbreviation=["Adobe CC All Apps", "CC All Apps Teams"], abbrev_typo=["Adobe Creative Clod All Apps", "Adobe CC Al Apps"],
       brand_dropped=["Creative Cloud All Apps"], bare_plan=["Creative Cloud"], renamed=["Adobe Creative Cloud for teams Complete"], inhouse=["Design Suite"]),
    _p("Dropsuite Backup & Archiving for Microsoft 365", "Dropsuite", 250, 450, 250, "DS-M365-BA", "DRP-M365-BA", "DRP-BA-M", "DROPSUITE M365 B&A", "dropsuite",
       abbreviation=["Dropsuite M365 B&A", "Dropsuite Backup+Archive"], abbrev_typo=["Dropsuit Backup & Archving", "Dropsiute M365 Backup"],
       brand_dropped=["Backup & Archiving for M365"], bare_plan=["Dropsuite"], renamed=["NinjaOne SaaS Backup (Dropsuite)"], inhouse=["Cloud-to-cloud Mailbox Backup"]),
    _p("Datto SaaS Protection for Microsoft 365", "Datto", 300, 500, 300, "SP-M365-1Y", "DTO-SAAS-M365", "DAT-SAAS-M", "DATTO SAAS M365", "datto",
       abbreviation=["Datto SaaS M365", "Datto SaaS Prot."], abbrev_typo=["Dato SaaS Protection", "Datto SasS Protection"],
       brand_dropped=["SaaS Protection for M365"], bare_plan=["SaaS Protection"], renamed=["Backupify for Microsoft 365"], inhouse=["O365 Tenant Backup"]),
    _p("SentinelOne Singularity Complete", "SentinelOne", 600, 900, 650, "S1-SING-CMP", "S1-CMP-1M", "S1O-CMP-M", "S1 SINGULARITY CMPL", "s1",
       abbreviation=["S1 Complete", "S1 Singularity Cmpl"], abbrev_typo=["SentinalOne Complete", "Sentinel One Singularty Complete"],
       brand_dropped=["Singularity Complete"], bare_plan=["Complete"], renamed=["SentinelOne Complete (EDR)"], inhouse=["EDR Agent"]),
    _p("SentinelOne Singularity Control", "SentinelOne", 400, 650, 450, "S1-SING-CTL", "S1-CTL-1M", "S1O-CTL-M", "S1 SINGULARITY CTRL", "s1",
       abbreviation=["S1 Control", "S1 Singularity Ctrl"], abbrev_typo=["SentinalOne Control", "Sentinel One Singularty Control"],
       brand_dropped=["Singularity Control"], bare_plan=["Control"], renamed=["SentinelOne Control (NGAV)"], inhouse=["Next-gen AV Agent"]),
    _p("Bitdefender GravityZone Business Security", "Bitdefender", 180, 350, 200, "BD-GZ-BS", "BDF-GZBS-1M", "BDF-GZBS-M", "BITDEFENDER GZ BS", "bitdef",
       abbreviation=["BD GravityZone BS", "GZ Business Security"], abbrev_typo=["Bitdefnder GravityZone", "Bitdefender GravitiZone Bus Sec"],
       brand_dropped=["GravityZone Business Security"], bare_plan=["GravityZone"], renamed=["Bitdefender Cloud Security for MSP"], inhouse=["Antivirus (per endpoint)"]),
    _p("Proofpoint Essentials Business", "Proofpoint", 290, 450, 300, "PPE-BUS", "PPT-ESS-BUS", "PFP-ESSB-M", "PROOFPOINT ESS BUS", "proofpoint",
       abbreviation=["PP Essentials Bus.", "Proofpoint Ess Bus"], abbrev_typo=["Proofpiont Essentials", "Proofpoint Esentials Business"],
       brand_dropped=["Essentials Business"], bare_plan=["Proofpoint"], renamed=["Proofpoint Essentials Business (Email Security)"], inhouse=["Spam Filter", "Email Security Gateway"]),
    _p("Mimecast Email Security", "Mimecast", 350, 550, 380, "MC-ESC", "MCT-ESC-1M", "MCT-ESC-M", "MIMECAST EMAIL SEC", "mimecast",
       abbreviation=["Mimecast ES", "Mimecast Email Sec"], abbrev_typo=["Mimcast Email Security", "Mimecast Emial Security"],
       brand_dropped=["Email Security (Mimecast)"], bare_plan=["Mimecast"], renamed=["Mimecast Email Security, Cloud Gateway"], inhouse=["Mail Filtering"]),
    _p("Zoom Workplace Pro", "Zoom", 1332, 1600, 1332, "ZM-WP-PRO", "ZOM-WPPRO-1M", "ZOM-WPP-M", "ZOOM WORKPLACE PRO", "zoom",
       abbreviation=["Zoom WP Pro", "Zoom Pro"], abbrev_typo=["Zomo Workplace Pro", "Zoom Wrokplace Pro"],
       brand_dropped=["Workplace Pro"], bare_plan=["Zoom"], renamed=["Zoom One Pro", "Zoom Meetings Pro"], inhouse=["Video Conferencing"]),
    _p("RingCentral RingEX Core", "RingCentral", 2000, 2500, 2000, "RC-RINGEX-CORE", "RNG-EX-CORE", "RNG-EXC-M", "RINGCENTRAL EX CORE", "ringcentral",
       abbreviation=["RC RingEX Core", "RingEX Core"], abbrev_typo=["RingCentrl RingEX Core", "Ring Central RingEx Core"],
       brand_dropped=["RingEX Core"], bare_plan=["Core phone seat"], renamed=["RingCentral MVP Standard"], inhouse=["Hosted VoIP Seat"]),
    _p("Figma Professional", "Figma", 1200, 1500, 1200, "FIG-PRO", "FIG-PRO-1M", "FIG-PRO-M", "FIGMA PRO", "figma",
       abbreviation=["Figma Pro", "Figma Prof."], abbrev_typo=["Fimga Professional", "Figma Proffesional"],
       brand_dropped=["Figma"], bare_plan=["Figma"], renamed=["Figma Professional (Full seat)"], inhouse=["UI Design Seat"]),
    _p("KnowBe4 Security Awareness Training Gold", "KnowBe4", 180, 400, 200, "KB4-KMSAT-G", "KB4-GOLD-1Y", "KB4-GOLD-M", "KNOWBE4 SAT GOLD", "kb4",
       abbreviation=["KB4 SAT Gold", "KnowBe4 KMSAT Gold"], abbrev_typo=["KnowB4 Security Awarness Gold", "Know Be4 SAT Gold"],
       brand_dropped=["Security Awareness Training Gold"], bare_plan=["Phishing training"], renamed=["KnowBe4 KMSAT Gold"], inhouse=["Security Awareness Training"]),
]

FREE = [
    ("Microsoft Teams Exploratory", "TEAMS_EXPLORATORY", "CFQ7TTC0J1FV:0002"),
    ("Microsoft Power Automate Free", "FLOW_FREE", "DZH318Z0BQ3Q:0002"),
]

PRODUCTS = {p.name: p for p in MS + OTHER}

# Services the MSP sells itself (PSA side only; never licences)
SERVICES = [
    "Managed Services - per user",
    "Managed IT Support (per user / month)",
    "Microsoft 365 Management - per user",
    "Managed Backup Service - per server",
    "Backup monitoring & restore testing",
    "Helpdesk Support Block (10 hrs)",
    "Onsite Support - hours",
    "Remote labour",
    "Hardware: Dell Latitude 5450 laptop",
    "Project: Microsoft 365 tenant migration",
    "Security Operations Centre (SOC) monitoring",
    "Firewall management - per site",
    "Endpoint patching & RMM - per device",
    "Copilot readiness workshop (one-off)",
    "Email Security Awareness - quarterly review",
    "Microsoft 365 backup service (managed)",
]

# Client name material -------------------------------------------------------------------
COUNTRIES = {
    "US": dict(forms=["LLC", "Inc.", "Corp.", "PLLC", "LLP"], cities=["Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Franklin"]),
    "UK": dict(forms=["Ltd", "Limited", "LLP", "plc"], cities=["Leeds", "Bristol", "Norwich", "Harrogate", "Croydon"]),
    "DE": dict(forms=["GmbH", "GmbH & Co. KG", "AG", "e.K."], cities=["München", "Köln", "Düsseldorf", "Nürnberg", "Würzburg"]),
    "NO": dict(forms=["AS", "ASA"], cities=["Tromsø", "Bodø", "Ålesund", "Bergen"]),
    "DK": dict(forms=["ApS", "A/S"], cities=["Århus", "Næstved", "Køge", "Odense"]),
    "FR": dict(forms=["SARL", "SAS", "SA"], cities=["Lyon", "Besançon", "Orléans", "Nîmes"]),
    "AU": dict(forms=["Pty Ltd", "Pty. Ltd."], cities=["Parramatta", "Geelong", "Fremantle"]),
    "CA": dict(forms=["Inc.", "Ltd.", "Corp."], cities=["Québec", "Moncton", "Kelowna"]),
    "NL": dict(forms=["B.V.", "N.V."], cities=["Utrecht", "Delft", "Zwolle"]),
}

STEMS = {
    "US": ["Harbor", "Summit", "Blue Ridge", "Cedar", "Ironwood", "Lakeshore", "Pioneer", "Redwood", "Silver Creek", "Granite", "Maple Leaf", "Oakmont", "Prairie", "Keystone", "Bayside", "Canyon", "Evergreen", "Liberty", "Northgate", "Westfield", "Sterling", "Magnolia", "Hawthorne", "Copperfield"],
    "UK": ["Ashford", "Kingsbridge", "Thistle", "Pennine", "Wessex", "Brookfield", "Harrowgate", "Cotswold", "Mersey", "Thames Valley", "Whitcombe", "Greyfriars"],
    "DE": ["Müller", "Weiß", "Schäfer", "Großmann", "Köhler", "Bäcker", "Straßburger", "Lößner", "Fuchs", "Hoffmann"],
    "NO": ["Fjordsø", "Bjørnstad", "Solbær", "Havørn", "Nordlys", "Skjærgård", "Løvås"],
    "DK": ["Bræstrup", "Søndergaard", "Kærgård", "Østergaard", "Hjørring", "Mølholm"],
    "FR": ["Lumière", "Château-Vert", "Bélanger", "Côte d'Azur", "Éclat", "Mérignac"],
    "AU": ["Wattle", "Coral Coast", "Bluegum", "Kookaburra", "Southern Cross", "Jacaranda"],
    "CA": ["Maple Ridge", "Laurentian", "Boréal", "Fraser", "St-Laurent"],
    "NL": ["Van der Berg", "De Vries", "Grachtenhuis", "Zeeland", "Hoogeveen"],
}

# Industries: (words, sibling alternative for the last generic word)
INDUSTRIES = [
    (["Dental", "Group"], ["Dental", "Lab"]),
    (["Family", "Dentistry"], None),
    (["Property", "Management"], ["Property", "Maintenance"]),
    (["Accounting", "Services"], ["Accounting", "Advisory"]),
    (["Law", "Group"], ["Law", "Partners"]),
    (["Veterinary", "Clinic"], ["Veterinary", "Hospital"]),
    (["Construction"], ["Construction", "Supply"]),
    (["Engineering"], ["Engineering", "Consultants"]),
    (["Logistics"], ["Logistic", "Services"]),
    (["Insurance", "Brokers"], ["Insurance", "Agency"]),
    (["Physical", "Therapy"], None),
    (["Architects"], None),
    (["Medical", "Center"], ["Medical", "Billing"]),
    (["Realty"], None),
    (["Manufacturing"], ["Machining"]),
    (["Wealth", "Management"], ["Wealth", "Planning"]),
    (["Home", "Health", "Services"], None),
    (["Marketing", "Agency"], None),
    (["Brewing", "Company"], None),
    (["Auto", "Body"], ["Auto", "Glass"]),
    (["Electrical", "Contractors"], None),
    (["Financial", "Services"], None),
    (["Builders"], None),
    (["Chiropractic"], None),
]

LOCAL_INDUSTRY = {
    "DE": [["Steuerberatung"], ["Bau"], ["Maschinenbau"], ["Immobilien", "Verwaltung"], ["Zahntechnik"]],
    "NO": [["Bygg"], ["Regnskap"], ["Eiendom"], ["Tannklinikk"], ["Transport"]],
    "DK": [["Revision"], ["Tømrer"], ["Ejendomme"], ["Tandlæger"], ["Logistik"]],
    "FR": [["Conseil"], ["Immobilier"], ["Transports"], ["Cabinet", "Dentaire"], ["Architectes"]],
    "NL": [["Bouw"], ["Accountants"], ["Makelaardij"], ["Logistiek"]],
}

CHAINS = ["Bean Street Coffee", "QuickLube Express", "Sunrise Bakery", "FreshMart Grocers", "PetPal Supplies", "Corner Pharmacy"]
DBA = [
    ("Keller & Sons Holdings", "Keller Plumbing"),
    ("JRT Enterprises", "Sunny Side Diner"),
    ("Marsh Family Ventures", "Lakeside Marina"),
    ("Patel Hospitality Group", "Comfort Stay Inn"),
    ("R&M Investments", "Riverbend Auto Repair"),
    ("Blackwood Capital Partners", "The Print Shop"),
    ("Nguyen Brothers", "Pho Saigon Kitchen"),
    ("O'Brien Family Trust", "Shamrock Landscaping"),
]
BRANCHES = ["Downtown", "Main Office", "HQ", "North", "Westside", "Head Office", "Site 2"]
