"""Products of set AQ: canonical (English) name, Microsoft's fr-CA name, SKU, CAD monthly cost,
look-alike family, concept (for in-house names) and the spellings Québec billing staff type."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Product:
    key: str
    name: str  # canonical English name (truth)
    fr: str  # Microsoft's / the maker's fr-CA name (vendor files in French)
    sku: str
    cost: Decimal  # CAD per seat per month
    family: str  # look-alikes share a family
    concept: str = ""  # in-house names may stand for it when the client has one of its concept
    staff: tuple = field(default_factory=tuple)  # franglais / French spellings
    old: tuple = field(default_factory=tuple)  # names before a rename


D = Decimal
PRODUCTS = [
    Product("bb", "Microsoft 365 Business Basic", "Microsoft 365 Business Basic", "CFQ7TTC0LH18:0001", D("8.10"), "biz", "email",
            ("M365 Affaires de base", "Licence M365 Business Basic", "Microsoft 365 Affaires Basique", "M365 Basique"),
            ("Office 365 Business Essentials", "Office 365 Affaires Essentiels")),
    Product("bs", "Microsoft 365 Business Standard", "Microsoft 365 Business Standard", "CFQ7TTC0LDPB:0001", D("16.90"), "biz", "",
            ("M365 Affaires Standard", "Licence Microsoft 365 Affaires Std", "Microsoft 365 Affaires Standard", "M365 Business Std")),
    Product("bp", "Microsoft 365 Business Premium", "Microsoft 365 Business Premium", "CFQ7TTC0LCHC:0002", D("29.70"), "biz", "",
            ("Licence M365 Affaires Prem.", "M365 Affaires Premium", "Microsoft 365 Affaires Premium", "M365 Bus. Premium"),
            ("Microsoft 365 Business", "Microsoft 365 Entreprise (PME)")),
    Product("bp_nt", "Microsoft 365 Business Premium (no Teams)", "Microsoft 365 Business Premium (sans Teams)", "CFQ7TTC0LCHC:0006", D("27.40"), "biz", "",
            ("M365 Affaires Premium sans Teams", "Licence M365 Bus. Prem. (sans Teams)", "Business Premium ss Teams")),
    Product("apps_biz", "Microsoft 365 Apps for Business", "Microsoft 365 Apps pour les entreprises", "CFQ7TTC0LH1G:0001", D("11.00"), "biz", "",
            ("M365 Apps pour les entreprises", "Apps Microsoft 365 Affaires", "Microsoft 365 Applications pour entreprises"),
            ("Office 365 Business", "Office 365 Affaires")),
    Product("m365e3", "Microsoft 365 E3", "Microsoft 365 E3", "CFQ7TTC0LFLX:0001", D("48.70"), "ent", "",
            ("M365 E3", "Microsoft 365 Entreprise E3", "Licence M365 E3 entreprise")),
    Product("m365e5", "Microsoft 365 E5", "Microsoft 365 E5", "CFQ7TTC0LFLZ:0002", D("77.90"), "ent", "",
            ("M365 E5", "Microsoft 365 Entreprise E5", "Licence M365 E5 entreprise")),
    Product("o365e3", "Office 365 E3", "Office 365 E3", "CFQ7TTC0LF8Q:0001", D("31.10"), "ent", "",
            ("O365 E3", "Licence Office 365 E3", "Office E3 (Office 365)"),
            ("Office 365 Entreprise E3", "Office 365 Enterprise E3")),
    Product("o365e3_nt", "Office 365 E3 (no Teams)", "Office 365 E3 (sans Teams)", "CFQ7TTC0LF8Q:0005", D("28.50"), "ent", "",
            ("Entreprise E3 sans Teams (Office 365)", "O365 E3 sans Teams", "Office 365 E3 ss Teams")),
    Product("e5sec", "Microsoft 365 E5 Security", "Microsoft 365 E5 Sécurité", "CFQ7TTC0LFK5:0002", D("16.20"), "ent", "",
            ("M365 E5 Sécurité (module)", "E5 Sécurité add-on", "Module complémentaire E5 Sécurité")),
    Product("e5comp", "Microsoft 365 E5 Compliance", "Microsoft 365 E5 Conformité", "CFQ7TTC0LFK1:0003", D("16.20"), "ent", "",
            ("M365 E5 Conformité (module)", "E5 Conformité add-on", "Module complémentaire E5 Conformité")),
    Product("exo1", "Exchange Online (Plan 1)", "Exchange Online (Plan 1)", "CFQ7TTC0LH16:0001", D("5.40"), "exo", "email",
            ("Forfait Exchange 1", "Exchange Online Forfait 1", "EXO P1", "Courriel Exchange Plan 1")),
    Product("exo2", "Exchange Online (Plan 2)", "Exchange Online (Plan 2)", "CFQ7TTC0LH1P:0001", D("10.80"), "exo", "email",
            ("Forfait Exchange 2", "Exchange Online Forfait 2", "EXO P2", "Courriel Exchange Plan 2")),
    Product("exok", "Exchange Online Kiosk", "Exchange Online Kiosque", "CFQ7TTC0LH1J:0001", D("2.70"), "exo", "email",
            ("Exchange Kiosque", "Exchange Online Kiosque (courriel de base)", "EXO Kiosque")),
    Product("eoa", "Exchange Online Archiving", "Archivage Exchange Online", "CFQ7TTC0LH0J:0001", D("4.10"), "exo", "archive",
            ("Archivage Exchange", "Archivage Exchange Online", "EOA - archivage courriel")),
    Product("visio1", "Visio Plan 1", "Visio Plan 1", "CFQ7TTC0HD33:0002", D("6.80"), "visio", "",
            ("Visio Forfait 1", "Visio P1", "Visio Plan 1 (web)"), ("Visio Online Plan 1",)),
    Product("visio2", "Visio Plan 2", "Visio Plan 2", "CFQ7TTC0HD32:0002", D("20.30"), "visio", "",
            ("Visio Forfait 2", "Visio P2", "Visio Plan 2 (bureau)"), ("Visio Online Plan 2", "Visio Pro pour Office 365")),
    Product("copilot", "Microsoft 365 Copilot", "Microsoft 365 Copilot", "CFQ7TTC0MM8R:0002", D("40.60"), "copilot", "",
            ("Copilot M365", "Licence Copilot M365", "Microsoft Copilot pour M365"), ("Copilot pour Microsoft 365", "Copilot for Microsoft 365")),
    Product("mde1", "Microsoft Defender for Endpoint P1", "Microsoft Defender pour point de terminaison P1", "CFQ7TTC0HCJ2:0001", D("4.10"), "defender", "edr",
            ("Défenseur Endpoint P1", "Defender pour point de terminaison P1", "MDE P1")),
    Product("mdb", "Microsoft Defender for Business", "Microsoft Defender pour les entreprises", "CFQ7TTC0LGMF:0001", D("4.10"), "defender", "edr",
            ("Defender pour les entreprises", "Defender Affaires (PME)", "Defender for Business PME")),
    Product("mdo1", "Microsoft Defender for Office 365 (Plan 1)", "Microsoft Defender pour Office 365 (Plan 1)", "CFQ7TTC0LH0R:0001", D("2.70"), "defender", "",
            ("Defender pour Office 365 P1", "Defender O365 Forfait 1", "MDO P1"),
            ("Office 365 ATP (Plan 1)", "Office 365 Protection avancée contre les menaces (Plan 1)")),
    Product("entra1", "Microsoft Entra ID P1", "Microsoft Entra ID P1", "CFQ7TTC0LFLN:0001", D("8.10"), "entra", "",
            ("Entra ID P1", "Licence Entra ID P1", "Entra P1 (identités)"), ("Azure AD Premium P1", "Azure Active Directory Premium P1")),
    Product("pbipro", "Power BI Pro", "Power BI Pro", "CFQ7TTC0L3PB:0001", D("19.00"), "pbi", "",
            ("PBI Pro", "Licence Power BI Pro", "Power BI Pro par usager")),
    Product("tps", "Microsoft Teams Phone Standard", "Microsoft Teams Phone Standard", "CFQ7TTC0LH2H:0001", D("10.80"), "phone", "phone",
            ("Teams Phone std", "Téléphonie Teams (Phone Standard)", "Teams Phone Standard - téléphonie"),
            ("Système téléphonique Microsoft 365", "Microsoft 365 Phone System")),
    # outside Microsoft's catalogue
    Product("dropsuite", "Dropsuite Microsoft 365 Backup", "Dropsuite - Sauvegarde Microsoft 365", "DS-M365-BKP", D("3.50"), "bk365", "backup365",
            ("Dropsuite sauvegarde M365", "Sauvegarde infonuagique M365 (Dropsuite)", "Sauvegarde Dropsuite - courriels et OneDrive")),
    Product("datto_saas", "Datto SaaS Protection for Microsoft 365", "Datto SaaS Protection pour Microsoft 365", "DAT-SAAS-M365-1Y", D("4.20"), "bk365", "backup365",
            ("Datto SaaS Protection M365", "Sauvegarde Datto SaaS (M365)", "Datto SaaS - sauvegarde infonuagique")),
    Product("acr_ws", "Acronis Cyber Protect Cloud - Workstation", "Acronis Cyber Protect Cloud - Poste de travail", "ACR-CPC-WS", D("5.40"), "acronis", "bk_ws",
            ("Acronis poste de travail", "Acronis Cyber Protect - Poste de travail", "Sauvegarde Acronis WS")),
    Product("acr_srv", "Acronis Cyber Protect Cloud - Server", "Acronis Cyber Protect Cloud - Serveur", "ACR-CPC-SRV", D("27.00"), "acronis", "bk_srv",
            ("Acronis serveur", "Acronis Cyber Protect - Serveur", "Sauvegarde Acronis Serveur")),
    Product("keeper", "Keeper Business", "Keeper Business", "KPR-BUS", D("4.90"), "keeper", "password",
            ("Keeper Affaires", "Gestionnaire Keeper Business", "Keeper Business /usager")),
    Product("keeper_ent", "Keeper Enterprise", "Keeper Entreprise", "KPR-ENT", D("6.75"), "keeper", "password",
            ("Keeper Entreprise", "Keeper Enterprise (gestionnaire mdp)", "Gestionnaire Keeper Entreprise")),
    Product("huntress_edr", "Huntress Managed EDR", "Huntress EDR géré", "HNT-EDR", D("4.50"), "huntress", "edr",
            ("Huntress EDR géré", "Huntress - EDR (postes)", "Huntress Managed EDR par poste")),
    Product("huntress_itdr", "Huntress Managed ITDR", "Huntress ITDR géré", "HNT-ITDR", D("3.00"), "huntress", "itdr",
            ("Huntress ITDR géré", "Huntress - ITDR (identités M365)", "Huntress Identity ITDR")),
    Product("s1_ctrl", "SentinelOne Singularity Control", "SentinelOne Singularity Control", "S1-CTRL", D("6.50"), "s1", "edr",
            ("SentinelOne Control", "S1 Control", "SentinelOne Singularity Contrôle")),
    Product("s1_comp", "SentinelOne Singularity Complete", "SentinelOne Singularity Complete", "S1-COMP", D("9.50"), "s1", "edr",
            ("SentinelOne Complete", "S1 Complete", "SentinelOne Singularity Complet")),
    Product("rc_core", "RingCentral RingEX Core", "RingCentral RingEX Core", "RC-RINGEX-CORE", D("27.00"), "rc", "phone",
            ("RingCentral Core", "RingEX Core - poste téléphonique", "Téléphonie RingCentral Core")),
    Product("rc_adv", "RingCentral RingEX Advanced", "RingCentral RingEX Avancé", "RC-RINGEX-ADV", D("33.75"), "rc", "phone",
            ("RingCentral Advanced", "RingEX Avancé - poste téléphonique", "Téléphonie RingCentral Avancé")),
    Product("kb4_silver", "KnowBe4 Security Awareness Training - Silver", "KnowBe4 Formation sensibilisation - Argent", "KB4-SAT-SLV", D("2.30"), "kb4", "training",
            ("KnowBe4 Argent", "KnowBe4 Silver - formation", "Formation KnowBe4 niveau Silver")),
    Product("kb4_gold", "KnowBe4 Security Awareness Training - Gold", "KnowBe4 Formation sensibilisation - Or", "KB4-SAT-GLD", D("3.10"), "kb4", "training",
            ("KnowBe4 Or", "KnowBe4 Gold - formation", "Formation KnowBe4 niveau Gold")),
]  # fmt: skip
BY_KEY = {p.key: p for p in PRODUCTS}

# in-house names: allowed only when the client buys exactly one product of the concept
INHOUSE = {
    "email": (
        "Courriel hébergé (boîte aux lettres)",
        "Hébergement de courriel Microsoft",
    ),
    "backup365": (
        "Sauvegarde infonuagique M365",
        "Sauvegarde des courriels et OneDrive",
    ),
    "password": (
        "Gestionnaire de mots de passe",
        "Coffre-fort de mots de passe (par usager)",
    ),
    "edr": ("Protection des postes EDR", "Antivirus géré (EDR) par poste"),
    "phone": ("Téléphonie IP infonuagique - poste", "Ligne téléphonique hébergée"),
    "training": (
        "Formation sensibilisation cybersécurité",
        "Sensibilisation à l'hameçonnage (par usager)",
    ),
    "archive": ("Archivage des courriels", "Archivage légal des courriels"),
    "bk_ws": ("Sauvegarde des postes de travail",),
    "bk_srv": ("Sauvegarde du serveur",),
    "itdr": ("Détection des menaces d'identité (ITDR)",),
}

# look-alike pairs a client may really hold together
LOOKALIKE_PAIRS = [
    ("bb", "bs"), ("bs", "bp"), ("bb", "bp"), ("bp", "e5sec"), ("m365e3", "e5comp"), ("m365e3", "e5sec"),
    ("m365e3", "o365e3"), ("m365e3", "m365e5"), ("exo1", "exo2"), ("exo1", "exok"), ("visio1", "visio2"),
    ("acr_ws", "acr_srv"), ("huntress_edr", "huntress_itdr"), ("rc_core", "rc_adv"), ("s1_ctrl", "s1_comp"),
    ("o365e3", "o365e3_nt"), ("bp", "bp_nt"), ("kb4_silver", "kb4_gold"), ("keeper", "keeper_ent"),
]  # fmt: skip

SUITES = [
    "bb",
    "bs",
    "bp",
    "bp",
    "bp",
    "bs",
    "m365e3",
    "o365e3",
    "m365e5",
    "bp_nt",
    "o365e3_nt",
    "exo1",
    "apps_biz",
]
ADDONS = [
    "exo1", "exo2", "exok", "eoa", "visio1", "visio2", "copilot", "mde1", "mdb", "mdo1", "entra1", "pbipro",
    "tps", "dropsuite", "datto_saas", "acr_ws", "acr_srv", "keeper", "keeper_ent", "huntress_edr",
    "huntress_itdr", "s1_ctrl", "s1_comp", "rc_core", "rc_adv", "kb4_silver", "kb4_gold", "e5sec", "e5comp",
]  # fmt: skip

# PSA services that are not licences (French as typed in Québec; a few English)
SERVICES = [
    ("Soutien technique - banque d'heures", "h", (5, 20), (D("95.00"), D("125.00"))),
    (
        "Gestion de parc informatique - par poste",
        "seat",
        None,
        (D("35.00"), D("55.00")),
    ),
    ("Main-d'œuvre technicien sur site", "h", (1, 8), (D("110.00"), D("145.00"))),
    ("Main-d'oeuvre - soutien à distance", "h", (1, 6), (D("95.00"), D("120.00"))),
    ("Frais de déplacement", "one", (1, 3), (D("45.00"), D("85.00"))),
    (
        "Matériel : commutateur 24 ports (Ubiquiti)",
        "one",
        (1, 2),
        (D("389.00"), D("529.00")),
    ),
    ("Frais de service géré - forfait PME", "one", (1, 1), (D("450.00"), D("1250.00"))),
    ("Surveillance 24/7 des serveurs", "one", (1, 4), (D("75.00"), D("150.00"))),
    ("Hébergement web et nom de domaine", "one", (1, 1), (D("25.00"), D("45.00"))),
    ("Heures de banque - soutien", "h", (10, 25), (D("90.00"), D("110.00"))),
    ("Entretien préventif trimestriel", "one", (1, 1), (D("180.00"), D("320.00"))),
    ("Managed services - per user", "seat", None, (D("55.00"), D("85.00"))),
    (
        "Configuration de postes de travail (main-d'œuvre)",
        "h",
        (2, 6),
        (D("95.00"), D("125.00")),
    ),
]
# services whose text names a product but which are fees (role service)
FEE_LIKE_PRODUCT = [
    "Frais de gestion des licences Microsoft 365 (administration)",
    "Migration des courriels vers Exchange Online (main-d'œuvre)",
    "Installation Acronis - main-d'œuvre (frais unique)",
]
