"""How a new hire types PSA line descriptions (set AH)."""

from __future__ import annotations

import re

from .catalog import BY_KEY

# ear spellings: what a word sounds like to someone typing from a phone call
EAR = {
    "Business": ["Buisness", "Bussiness", "Busness"],
    "Premium": ["Premiem", "Preemium", "Primium"],
    "Standard": ["Standerd", "Standart"],
    "Exchange": ["Exchainge", "Xchange"],
    "Defender": ["Defendor", "Defencer"],
    "Sentinel": ["Sentinal", "Sentinell"],
    "Huntress": ["Huntriss", "Huntres"],
    "Keeper": ["Keepr", "Keaper"],
    "Advanced": ["Advansed", "Advaned"],
    "Essentials": ["Esentials", "Essencials"],
    "Archiving": ["Archieving", "Arching"],
    "Compliance": ["Complience", "Compliants"],
    "Security": ["Securty", "Secuirty"],
    "Acrobat": ["Akrobat", "Acrobatt"],
    "Umbrella": ["Umbrela", "Umbrellla"],
    "Visio": ["Vizio", "Visioh"],
    "Awareness": ["Awarness", "Awearness"],
    "Server": ["Servor", "Sever"],
    "Workstation": ["Work Station", "Workstaion"],
    "Training": ["Trainning", "Traning"],
    "Signature": ["Signiture", "Signeture"],
    "Dropsuite": ["Dropsweet", "Drop Suit"],
    "Proofpoint": ["Proof Point", "Prufpoint"],
}
BROKEN = {
    "SentinelOne": "Sentinel One",
    "RingCentral": "Ring Central",
    "Dropsuite": "Drop Suite",
    "Docusign": "Docu Sign",
    "KnowBe4": "Know Be4",
    "GravityZone": "Gravity Zone",
    "NinjaOne": "Ninja One",
    "Proofpoint": "Proof point",
    "Bitdefender": "Bit Defender",
    "1Password": "1 Password",
    "RingEX": "Ring EX",
    "eSignature": "e-Signature",
    "Acronis": None,
}
# old store / marketing names (what an old quote says) -> today's product
PRE2020 = {
    "bb": ["O365 Business Essentials", "Office 365 Business Essentials"],
    "bs": ["Office 365 Business Premium", "O365 Business Premium (Std)"],
    "bp": ["Microsoft 365 Business", "MS 365 Business (M365B)"],
    "apps": ["Office 365 Business", "O365 Business (apps only)"],
    "en1": ["Azure AD Premium P1", "AAD Premium Plan 1"],
    "en2": ["Azure AD Premium P2", "AAD Premium Plan 2"],
    "mdo1": ["Office 365 ATP Plan 1", "O365 Advanced Threat Protection P1"],
    "mdo2": ["Office 365 ATP Plan 2", "O365 Advanced Threat Protection P2"],
    "tps": ["Microsoft 365 Phone System", "Phone System add-on"],
    "v2": ["Visio Online Plan 2", "Visio Pro for Office 365"],
    "v1": ["Visio Online Plan 1"],
    "rcc": ["RingCentral MVP Standard"],
    "rca": ["RingCentral MVP Premium"],
    "rcu": ["RingCentral MVP Ultimate"],
    "acpw": ["Acronis Backup Cloud - Workstation"],
    "acps": ["Acronis Backup Cloud - Server"],
    "umbe": ["OpenDNS Umbrella Professional"],
    "umba": ["OpenDNS Umbrella Insights"],
}
FORMERLY = {
    "bs": "Microsoft 365 Business Standard (formerly Office 365 Business Premium)",
    "bb": "Microsoft 365 Business Basic (formerly Office 365 Business Essentials)",
    "bp": "Microsoft 365 Business Premium (formerly Microsoft 365 Business)",
    "apps": "Microsoft 365 Apps for business (formerly Office 365 Business)",
    "en1": "Microsoft Entra ID P1 (formerly Azure Active Directory Premium P1)",
    "en2": "Microsoft Entra ID P2 (formerly Azure Active Directory Premium P2)",
    "mdo1": "Microsoft Defender for Office 365 (Plan 1) (formerly Office 365 ATP)",
    "tps": "Microsoft Teams Phone Standard (formerly Phone System)",
    "v2": "Visio Plan 2 (formerly Visio Online Plan 2)",
    "rca": "RingCentral RingEX Advanced (formerly RingCentral MVP Premium)",
}
FAMILY_WORD = {
    "m365": ["Microsoft 365 licence", "Microsoft 365 subscription", "M365 license"],
    "o365": ["Office 365 licence", "O365 subscription"],
    "exchange": ["Exchange Online mailbox", "Hosted Exchange"],
    "acrobat": ["Adobe Acrobat", "Acrobat licence"],
    "sentinelone": ["SentinelOne", "SentinelOne agent"],
    "keeper": ["Keeper password manager"],
    "knowbe4": ["KnowBe4 training"],
    "ringcentral": ["RingCentral phone"],
    "docusign": ["Docusign"],
    "visio": ["Visio"],
    "powerbi": ["Power BI"],
    "entra": ["Entra ID"],
    "umbrella": ["Cisco Umbrella"],
    "gravityzone": ["Bitdefender"],
    "proofpoint": ["Proofpoint email filter"],
    "1password": ["1Password"],
    "huntress": ["Huntress"],
    "acronis": ["Acronis backup"],
}
TERMWORDS = [
    "NCE 1yr monthly billing",
    "P1Y",
    "annual commit, billed monthly",
    "1 yr term / mthly",
    "NCE annual-monthly",
    "12 mo commitment (monthly pay)",
    "P1M month to month",
    "NCE monthly term",
]
PLANS = {
    "bp": "Protect365 Seat",
    "bs": "Office Essentials Plan",
    "bb": "Email Basics Plan",
    "m3": "Enterprise Desk Seat",
    "exo1": "Mailbox Plus",
    "acpw": "SafeBackup Desktop",
    "acps": "SafeBackup Server",
    "ppeb": "CleanMail",
    "ppea": "CleanMail Pro",
    "hedr": "Threat Watch",
    "kb4g": "Phish Ready",
    "kpb": "Vault Seat",
    "dssa": "Cloud Archive 365",
}
USERS = [
    "jsmith",
    "akhan",
    "mlee",
    "tnguyen",
    "rpatel",
    "kobrien",
    "dchen",
    "lgarcia",
    "sbrown",
    "ewilson",
]
REFS = ["Q-{n}", "PO {n}", "Ticket #{n}", "SO-{n}", "Quote {n} rev B", "per PO#{n}"]


def _dist_sku(p, rng):
    if p.maker == "Microsoft":
        return rng.choice(
            [
                f"MST-NCE-{rng.randrange(100, 400)}-C100",
                p.sku.replace(":", "-"),
                "US" + p.sku.replace(":", ""),
            ]
        )
    return p.sku


def _swap(rng, text):
    words = [m for m in re.finditer(r"[A-Za-z]{5,}", text)]
    if not words:
        return None
    m = rng.choice(words)
    w = m.group()
    i = rng.randrange(1, len(w) - 2)
    w2 = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    if w2 == w:
        return None
    return text[: m.start()] + w2 + text[m.end() :]


def _ear(rng, text):
    hits = [w for w in EAR if w in text]
    if not hits:
        return None
    w = rng.choice(hits)
    return text.replace(w, rng.choice(EAR[w]), 1)


def _squeeze(rng, text, p):
    if p.maker != "Microsoft":
        return None
    base = rng.choice(
        [p.short, p.name.replace("Microsoft 365", "M365").replace("Office 365", "Office365")]
    )
    out = base.replace(" ", "")
    if "(" in out or len(out) < 5:
        return None
    return out


def _broken(rng, text):
    for a, b in BROKEN.items():
        if b and a in text:
            return text.replace(a, b, 1)
    if "SharePoint" in text or "OneDrive" in text:
        return text.replace("SharePoint", "Share Point").replace("OneDrive", "One Drive")
    return None


def perturb(rng, pkey, qty, family_sole, perturb_on):
    """Text of one PSA licence line and its classes."""
    p = BY_KEY[pkey]
    name = p.name
    if not perturb_on or rng.random() < 0.28:
        return name, []
    opts = []  # (class, text, weight)
    t = _swap(rng, name)
    if t:
        opts.append(("letters_swapped_in_hurry", t, 5))
    t = _ear(rng, name)
    if t:
        opts.append(("spelled_by_ear", t, 6))
    t = _squeeze(rng, name, p)
    if t:
        opts.append(("spaces_squeezed_out", t, 4))
    t = _broken(rng, name)
    if t:
        opts.append(("brand_word_broken_in_two", t, 5))
    if pkey in FORMERLY:
        opts.append(("store_title_with_formerly", FORMERLY[pkey], 3))
    if pkey in PRE2020:
        opts.append(("pre_rebrand_marketing_name", rng.choice(PRE2020[pkey]), 5))
    if family_sole and p.family in FAMILY_WORD:
        opts.append(("family_word_for_sole_product", rng.choice(FAMILY_WORD[p.family]), 4))
    if qty >= 2:
        opts.append(
            (
                "count_times_shorthand",
                rng.choice([f"{qty} x {p.short}", f"{qty}x {p.short}", f"{p.short} x{qty}"]),
                5,
            )
        )
    if qty <= 3:
        us = ", ".join(rng.sample(USERS, int(qty)))
        opts.append(("usernames_typed_after_dash", f"{p.short} – {us}", 4))
    opts.append(
        (
            "term_words_from_quote_sheet",
            f"{rng.choice([name, p.short])} {rng.choice(['-', '|', ''])} {rng.choice(TERMWORDS)}".replace(
                "  ", " "
            ),
            6,
        )
    )
    ref = rng.choice(REFS).format(n=rng.randrange(1000, 99999))
    opts.append(
        (
            "quote_po_ticket_number",
            rng.choice([f"{ref} {name}", f"{name} ({ref})", f"{p.short} - {ref}"]),
            4,
        )
    )
    opts.append(
        (
            "distributor_sku_pasted",
            rng.choice([f"{_dist_sku(p, rng)} {p.short}", f"{p.short} [{_dist_sku(p, rng)}]"]),
            3,
        )
    )
    if pkey in PLANS:
        opts.append(
            (
                "msp_plan_wrapping_licence",
                rng.choice(
                    [
                        f"{PLANS[pkey]} ({name})",
                        f"{PLANS[pkey]} – {p.short}",
                        f"{PLANS[pkey]} incl. {name}",
                    ]
                ),
                4,
            )
        )
    if p.maker != "Microsoft":
        opts.append(("maker_initials_shorthand", p.short, 6))
    else:
        opts.append(("ms_staff_shorthand_plain", p.short, 4))
    tot = sum(w for _c, _t, w in opts)
    x = rng.random() * tot
    for c, t, w in opts:
        x -= w
        if x <= 0:
            return t, [c]
    return opts[-1][1], [opts[-1][0]]


SERVICES = [  # (text, class or None, qty range, price)
    ("Managed IT Services - per user", None, (3, 40), "95.00"),
    ("Managed Workstation - per device", None, (3, 40), "45.00"),
    ("Server Management", None, (1, 3), "150.00"),
    ("Helpdesk support (unlimited remote)", None, (1, 1), "650.00"),
    ("Backup monitoring - per server", None, (1, 3), "35.00"),
    ("M365 migration labour", "labour_or_fee_names_product", (4, 16), "145.00"),
    ("Teams Phone setup fee", "labour_or_fee_names_product", (1, 1), "250.00"),
    ("Exchange Online cutover - project hours", "labour_or_fee_names_product", (2, 10), "150.00"),
    ("SharePoint intranet build (fixed fee)", "labour_or_fee_names_product", (1, 1), "1,800.00"),
    ("KnowBe4 phishing campaign setup", "labour_or_fee_names_product", (1, 1), "180.00"),
    ("SentinelOne deployment - onsite labour", "labour_or_fee_names_product", (1, 6), "135.00"),
    ("Prepaid block - 10 hrs support", "prepaid_hours_block", (1, 1), "1,250.00"),
    ("Prepaid hours (20) - remaining balance", "prepaid_hours_block", (1, 1), "2,400.00"),
    ("Dell Latitude 5450 laptop", "hardware_resale_line", (1, 4), "1,389.00"),
    ("Yealink MP54 handset for Teams Phone", "hardware_resale_line", (1, 6), "219.00"),
    ("Logitech Rally Bar (Teams Rooms)", "hardware_resale_line", (1, 1), "3,499.00"),
    ("Onsite travel - {city}", "travel_trip_charge", (1, 2), "85.00"),
    ("Credit - Exchange overcharge Oct", "goodwill_credit_names_product", (1, 1), "-40.00"),
    ("Courtesy credit: Business Premium seats", "goodwill_credit_names_product", (1, 1), "-66.00"),
    ("Credit memo - Acronis storage overage", "goodwill_credit_names_product", (1, 1), "-25.00"),
    ("Discount - loyalty 5%", None, (1, 1), "-50.00"),
]
