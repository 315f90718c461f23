"""Products of set AA: vendor canonical names, costs, ids, the MSP's shorthands."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D


@dataclass(frozen=True)
class Product:
    key: str
    name: str  # vendor canonical name (Microsoft's table for Microsoft)
    maker: str
    cost: D  # monthly unit cost (annual-commit, monthly billing)
    unit: str  # user | device
    short: str  # tech shorthand
    item: str  # MSP item code
    plan: str  # the name without the maker / product line
    line: str  # the product line ("Microsoft 365", "Keeper")
    pc: str = ""  # Partner Center ProductId:SkuId (Microsoft only, where public)
    old: str = ""  # a name the product really had before a rename
    tagline: str = ""


P = Product
PRODUCTS = [
    P("m365bb", "Microsoft 365 Business Basic", "Microsoft", D("6.00"), "user", "M365 BB", "MS-M365-BB",
      "Business Basic", "Microsoft 365", "CFQ7TTC0LH18:0001",
      tagline="web and mobile apps, email and Teams"),
    P("m365bs", "Microsoft 365 Business Standard", "Microsoft", D("12.50"), "user", "M365 BS", "MS-M365-BS",
      "Business Standard", "Microsoft 365", "CFQ7TTC0LDPB:0001",
      tagline="desktop apps with premium features"),
    P("m365bp", "Microsoft 365 Business Premium", "Microsoft", D("22.00"), "user", "M365 BP", "MS-M365-BP",
      "Business Premium", "Microsoft 365", "CFQ7TTC0LCHC:0002",
      tagline="advanced security and device management"),
    P("m365bpnt", "Microsoft 365 Business Premium (no Teams)", "Microsoft", D("19.75"), "user",
      "M365 BP no Teams", "MS-M365-BP-NT", "Business Premium (no Teams)", "Microsoft 365"),
    P("m365e3", "Microsoft 365 E3", "Microsoft", D("36.00"), "user", "M365 E3", "MS-M365-E3",
      "E3", "Microsoft 365", "CFQ7TTC0LFLX:0001"),
    P("m365e5", "Microsoft 365 E5", "Microsoft", D("57.00"), "user", "M365 E5", "MS-M365-E5",
      "E5", "Microsoft 365", "CFQ7TTC0LFLZ:0002"),
    P("m365e5sec", "Microsoft 365 E5 Security", "Microsoft", D("12.00"), "user", "M365 E5 Sec",
      "MS-M365-E5SEC", "E5 Security", "Microsoft 365"),
    P("o365e3", "Office 365 E3", "Microsoft", D("23.00"), "user", "O365 E3", "MS-O365-E3",
      "E3", "Office 365", "CFQ7TTC0LF8Q:0001"),
    P("exo1", "Exchange Online (Plan 1)", "Microsoft", D("4.00"), "user", "EXO P1", "MS-EXO-P1",
      "Plan 1", "Exchange Online", "CFQ7TTC0LH16:0001", tagline="business email with 50 GB mailbox"),
    P("exo2", "Exchange Online (Plan 2)", "Microsoft", D("8.00"), "user", "EXO P2", "MS-EXO-P2",
      "Plan 2", "Exchange Online"),
    P("mdep1", "Microsoft Defender for Endpoint P1", "Microsoft", D("3.00"), "user", "MDE P1",
      "MS-MDE-P1", "Defender for Endpoint P1", "Microsoft"),
    P("mdep2", "Microsoft Defender for Endpoint P2", "Microsoft", D("5.20"), "user", "MDE P2",
      "MS-MDE-P2", "Defender for Endpoint P2", "Microsoft"),
    P("mdb", "Microsoft Defender for Business", "Microsoft", D("3.00"), "user", "MDB", "MS-MDB",
      "Defender for Business", "Microsoft"),
    P("mdo1", "Microsoft Defender for Office 365 (Plan 1)", "Microsoft", D("2.00"), "user", "MDO P1",
      "MS-MDO-P1", "Defender for Office 365 (Plan 1)", "Microsoft"),
    P("mdca", "Microsoft Defender for Cloud Apps", "Microsoft", D("3.50"), "user", "MDCA", "MS-MDCA",
      "Defender for Cloud Apps", "Microsoft", old="Microsoft Cloud App Security"),
    P("copilot", "Microsoft 365 Copilot", "Microsoft", D("30.00"), "user", "Copilot", "MS-COPILOT",
      "Copilot", "Microsoft 365", "CFQ7TTC0MM8R:0001"),
    P("paprem", "Power Automate Premium", "Microsoft", D("15.00"), "user", "PA Premium", "MS-PAUTO-PREM",
      "Premium", "Power Automate", old="Power Automate per user plan with attended RPA"),
    P("pappsprem", "Power Apps Premium", "Microsoft", D("20.00"), "user", "PowerApps Premium",
      "MS-PAPPS-PREM", "Premium", "Power Apps", old="Power Apps per user plan"),
    P("entrap1", "Microsoft Entra ID P1", "Microsoft", D("6.00"), "user", "Entra P1", "MS-ENTRA-P1",
      "Entra ID P1", "Microsoft"),
    # non-Microsoft: 14 makers, each with look-alike editions
    P("acr_ws", "Acronis Cyber Protect Cloud - Workstation", "Acronis", D("4.10"), "device", "Acronis WS",
      "ACR-CPC-WS", "Workstation", "Acronis Cyber Protect Cloud", tagline="backup and anti-malware"),
    P("acr_srv", "Acronis Cyber Protect Cloud - Server", "Acronis", D("24.00"), "device", "Acronis SRV",
      "ACR-CPC-SRV", "Server", "Acronis Cyber Protect Cloud"),
    P("datto_saas", "Datto SaaS Protection for Microsoft 365", "Datto", D("2.75"), "user", "Datto SaaS",
      "DAT-SAAS-M365", "SaaS Protection for Microsoft 365", "Datto",
      tagline="3x daily backup of Exchange, OneDrive, SharePoint and Teams"),
    P("keeper_bus", "Keeper Business", "Keeper", D("3.25"), "user", "Keeper Biz", "KPR-BUS",
      "Business", "Keeper", tagline="zero-knowledge password management"),
    P("keeper_ent", "Keeper Enterprise", "Keeper", D("4.80"), "user", "Keeper Ent", "KPR-ENT",
      "Enterprise", "Keeper"),
    P("bw_teams", "Bitwarden Teams", "Bitwarden", D("3.40"), "user", "BW Teams", "BW-TEAMS",
      "Teams", "Bitwarden"),
    P("bw_ent", "Bitwarden Enterprise", "Bitwarden", D("5.40"), "user", "BW Ent", "BW-ENT",
      "Enterprise", "Bitwarden"),
    P("1p_bus", "1Password Business", "1Password", D("6.40"), "user", "1PW Business", "1PW-BUS",
      "Business", "1Password"),
    P("1p_teams", "1Password Teams Starter Pack", "1Password", D("15.80"), "user", "1PW Teams Starter",
      "1PW-TSP", "Teams Starter Pack", "1Password"),
    P("acro_pro", "Adobe Acrobat Pro for teams", "Adobe", D("20.50"), "user", "Acrobat Pro",
      "ADB-ACRO-PRO", "Acrobat Pro for teams", "Adobe"),
    P("acro_std", "Adobe Acrobat Standard for teams", "Adobe", D("13.80"), "user", "Acrobat Std",
      "ADB-ACRO-STD", "Acrobat Standard for teams", "Adobe"),
    P("foxit_ed", "Foxit PDF Editor", "Foxit", D("8.20"), "user", "Foxit Editor", "FXT-ED",
      "PDF Editor", "Foxit"),
    P("foxit_edp", "Foxit PDF Editor+", "Foxit", D("11.40"), "user", "Foxit Editor+", "FXT-EDPLUS",
      "PDF Editor+", "Foxit"),
    P("ds_std", "Docusign eSignature Standard", "Docusign", D("21.00"), "user", "DocuSign Std",
      "DSG-ESIG-STD", "eSignature Standard", "Docusign"),
    P("ds_bp", "Docusign eSignature Business Pro", "Docusign", D("34.00"), "user", "DocuSign BizPro",
      "DSG-ESIG-BP", "eSignature Business Pro", "Docusign"),
    P("dbx_std", "Dropbox Standard", "Dropbox", D("13.00"), "user", "Dropbox Std", "DBX-STD",
      "Standard", "Dropbox", old="Dropbox Business Standard"),
    P("dbx_adv", "Dropbox Advanced", "Dropbox", D("20.00"), "user", "Dropbox Adv", "DBX-ADV",
      "Advanced", "Dropbox", old="Dropbox Business Advanced"),
    P("duo_ess", "Cisco Duo Essentials", "Cisco", D("2.70"), "user", "Duo Ess", "DUO-ESS",
      "Essentials", "Cisco Duo", old="Cisco Duo MFA", tagline="MFA and single sign-on"),
    P("duo_adv", "Cisco Duo Advantage", "Cisco", D("5.40"), "user", "Duo Adv", "DUO-ADV",
      "Advantage", "Cisco Duo", old="Cisco Duo Access"),
    P("s1_ctrl", "SentinelOne Singularity Control", "SentinelOne", D("4.20"), "device", "S1 Control",
      "S1-CTRL", "Singularity Control", "SentinelOne"),
    P("s1_cmp", "SentinelOne Singularity Complete", "SentinelOne", D("6.30"), "device", "S1 Complete",
      "S1-CMPL", "Singularity Complete", "SentinelOne", tagline="EDR with deep visibility"),
    P("hun_edr", "Huntress Managed EDR", "Huntress", D("3.90"), "device", "Huntress EDR", "HNT-EDR",
      "Managed EDR", "Huntress", tagline="24/7 SOC-backed endpoint detection"),
    P("hun_itdr", "Huntress Managed ITDR", "Huntress", D("3.60"), "user", "Huntress ITDR", "HNT-ITDR",
      "Managed ITDR", "Huntress"),
    P("kb4_silver", "KnowBe4 Security Awareness Training Silver", "KnowBe4", D("1.95"), "user",
      "KB4 Silver", "KB4-SAT-SLV", "Security Awareness Training Silver", "KnowBe4"),
    P("kb4_gold", "KnowBe4 Security Awareness Training Gold", "KnowBe4", D("2.60"), "user",
      "KB4 Gold", "KB4-SAT-GLD", "Security Awareness Training Gold", "KnowBe4"),
    P("dp_std", "Dialpad Standard", "Dialpad", D("15.00"), "user", "Dialpad Std", "DPD-STD",
      "Standard", "Dialpad", tagline="AI-powered business phone"),
    P("dp_pro", "Dialpad Pro", "Dialpad", D("23.00"), "user", "Dialpad Pro", "DPD-PRO", "Pro", "Dialpad"),
]
BY_KEY = {p.key: p for p in PRODUCTS}

# baskets an MSP sells; members of a look-alike group share one
BASKETS = [
    ["m365bp", "mdep1", "datto_saas", "keeper_bus"],
    ["m365bp", "hun_edr", "acr_ws", "bw_teams", "kb4_silver"],
    ["m365bs", "exo1", "acr_ws", "keeper_bus"],
    ["m365bb", "m365bs", "datto_saas", "duo_ess"],
    ["m365bp", "s1_ctrl", "datto_saas", "1p_bus", "acro_std"],
    ["m365e3", "mdep2", "acr_srv", "acr_ws", "keeper_ent", "kb4_gold"],
    ["m365bp", "m365e5sec", "hun_itdr", "hun_edr", "dbx_std"],
    ["o365e3", "entrap1", "mdo1", "s1_cmp", "bw_ent"],
    ["m365bpnt", "exo2", "foxit_ed", "dp_std"],
    ["m365e5", "copilot", "mdca", "ds_bp", "dp_pro"],
    ["m365bs", "mdb", "acro_pro", "ds_std", "dbx_adv"],
    ["m365bp", "paprem", "pappsprem", "foxit_edp", "duo_adv", "1p_teams"],
]
# look-alike swaps a client may take instead of a basket product (never merged)
EDITION_SWAP = {
    "m365bp": ["m365bs", "m365bpnt"], "m365bs": ["m365bp", "m365bb"], "m365e3": ["o365e3", "m365e5"],
    "m365e5": ["m365e3", "m365e5sec"], "mdep1": ["mdep2", "mdb"], "mdep2": ["mdep1"],
    "keeper_bus": ["keeper_ent"], "keeper_ent": ["keeper_bus"], "bw_teams": ["bw_ent"],
    "acro_std": ["acro_pro"], "acro_pro": ["acro_std"], "exo1": ["exo2"], "exo2": ["exo1"],
    "kb4_silver": ["kb4_gold"], "kb4_gold": ["kb4_silver"], "s1_ctrl": ["s1_cmp"], "s1_cmp": ["s1_ctrl"],
    "duo_ess": ["duo_adv"], "dbx_std": ["dbx_adv"], "foxit_ed": ["foxit_edp"], "ds_std": ["ds_bp"],
    "dp_std": ["dp_pro"], "1p_bus": ["1p_teams"], "acr_ws": ["acr_srv"], "hun_edr": ["hun_itdr"],
}
