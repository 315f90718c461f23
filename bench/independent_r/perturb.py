"""Perturbation vocabulary of set R: how people and systems really write product and client names."""

from __future__ import annotations

import unicodedata

from .catalog import CITY_EXONYM, LEGAL_VARIANTS, NATIVE, PRODUCTS, VAT_PREFIX

ABBR = {
    "BB": ["M365 BB", "MS365 Bus Basic", "M365 Bus. Basic"],
    "BS": ["M365 Bus Std", "MS365 BS", "M365 BStd"],
    "BP": ["M365 BP", "MS365 Bus Prem", "M365 BusPrem"],
    "BPNT": ["M365 BP (no Teams)", "M365 BP noTeams"],
    "M3": ["M365 E3", "MS365 E3"],
    "M5": ["M365 E5", "MS365 E5"],
    "O1": ["O365 E1", "Off365 E1"],
    "O3": ["O365 E3", "Off365 E3"],
    "F3": ["M365 F3", "MS365 F3"],
    "EX1": ["EXO P1", "Exch Online P1"],
    "EX2": ["EXO P2", "Exch Online P2"],
    "EOA": ["EXO Archiving", "EOA add-on"],
    "M5S": ["M365 E5 Sec", "E5 Sec add-on"],
    "AP1": ["Entra P1", "Entra ID P1"],
    "AP2": ["Entra P2", "Entra ID P2"],
    "MDB": ["Def for Bus", "MS Defender Biz"],
    "DO1": ["MDO P1", "Def O365 P1"],
    "DO2": ["MDO P2", "Def O365 P2"],
    "V1": ["Visio P1"],
    "V2": ["Visio P2"],
    "PJ3": ["Proj P3", "Project P3"],
    "PBI": ["PBI Pro", "PowerBI Pro"],
    "PPU": ["PBI PPU", "Power BI PPU"],
    "COP": ["M365 Copilot", "MS Copilot (M365)"],
    "TPS": ["Teams Phone Std", "Teams Phone"],
    "TPR": ["Teams Prem"],
    "APB": ["M365 Apps Bus", "M365 Apps for Biz"],
    "ACR": ["Acronis CPC Backup Adv", "Acronis Cyber Prot Adv Backup"],
    "KPR": ["Keeper Biz", "Keeper Bus."],
    "KPE": ["Keeper Ent", "Keeper Ent."],
    "ADA": ["Acrobat Pro teams", "Adobe Acrobat Pro"],
    "ADC": ["CC All Apps", "Adobe CC All Apps"],
    "DSB": ["Dropsuite B&A", "Dropsuite Backup+Archive"],
    "HUN": ["Huntress MEDR", "Huntress EDR"],
    "S1C": ["S1 Control", "SentinelOne Ctrl"],
    "S1X": ["S1 Complete", "SentinelOne Cmplt"],
    "DSP": ["Datto SaaS Prot M365", "Datto SaaS Protection"],
    "PPE": ["PP Essentials Biz", "Proofpoint Ess. Business"],
    "ZWP": ["Zoom Pro", "Zoom WP Pro"],
    "ACL": ["AutoCAD LT", "ACAD LT"],
    "OPB": ["1PW Business", "1Password Biz"],
}
BRAND_DROPPED = {
    "BB": "Business Basic",
    "BS": "Business Standard",
    "BP": "Business Premium",
    "BPNT": "Business Premium (no Teams)",
    "M3": "365 E3",
    "M5": "365 E5",
    "O1": "Office E1",
    "O3": "Office E3",
    "EX1": "Exchange Plan 1",
    "EX2": "Exchange Plan 2",
    "EOA": "Online Archiving",
    "AP1": "Entra ID P1",
    "AP2": "Entra ID P2",
    "MDB": "Defender for Business",
    "DO1": "Defender for Office P1",
    "DO2": "Defender for Office P2",
    "COP": "Copilot",
    "TPS": "Teams Phone Standard",
    "TPR": "Teams Premium",
    "APB": "Apps for Business",
    "PPU": "Premium Per User (Power BI)",
    "ADA": "Acrobat Pro",
    "ADC": "Creative Cloud All Apps",
    "ACR": "Cyber Protect Backup Advanced",
    "S1C": "Singularity Control",
    "S1X": "Singularity Complete",
    "DSP": "SaaS Protection M365",
    "PPE": "Essentials Business",
    "ZWP": "Workplace Pro",
}
RENAMED = {
    "BB": "Office 365 Business Essentials",
    "BS": "Office 365 Business Premium",
    "BP": "Microsoft 365 Business",
    "APB": "Office 365 Business",
    "AP1": "Azure AD Premium P1",
    "AP2": "Azure Active Directory Premium P2",
    "DO1": "Office 365 ATP Plan 1",
    "DO2": "Office 365 Advanced Threat Protection (Plan 2)",
    "TPS": "Phone System",
    "COP": "Copilot for Microsoft 365",
    "V2": "Visio Pro for Office 365",
    "V1": "Visio Online Plan 1",
    "PJ3": "Project Online Professional",
    "M5S": "Microsoft 365 E5 Identity & Threat Protection",
    "ZWP": "Zoom One Pro",
    "DSB": "Dropsuite Email Backup",
    "MDB": "Defender for Endpoint for SMB",
    "EOA": "Exchange Online Archiving add-on",
    "EX1": "Exchange Online Plan 1 (Hosted Exchange)",
}
BARE = {
    "BB": "Basic",
    "BS": "Standard",
    "BP": "Premium",
    "M3": "E3",
    "M5": "E5",
    "O1": "E1",
    "O3": "E3",
    "F3": "F3",
    "V1": "Visio",
    "V2": "Visio",
    "PJ3": "Project",
    "PBI": "Power BI",
    "COP": "Copilot",
    "KPR": "Keeper",
    "KPE": "Keeper",
    "ADA": "Acrobat",
    "ACL": "AutoCAD",
    "ZWP": "Zoom",
    "HUN": "Huntress",
    "DSP": "Datto",
    "DSB": "Dropsuite",
    "OPB": "1Password",
    "ACR": "Acronis",
    "TPS": "Teams Phone",
    "PPE": "Proofpoint",
    "ADC": "Creative Cloud",
    "EOA": "Archiving",
    "MDB": "Defender",
}
CJK = {
    "BP": "マイクロソフト 365 ビジネス プレミアム",
    "BS": "マイクロソフト 365 ビジネス スタンダード",
    "BB": "마이크로소프트 365 비즈니스 베이직",
    "M3": "마이크로소프트 365 E3",
    "COP": "Microsoft 365 コパイロット",
    "TPS": "Teams 電話 Standard",
    "V2": "Visio プラン 2",
    "V1": "Visio プラン 1",
    "PJ3": "Project プラン 3",
}
CJK_TAGS = [
    "{name} ライセンス",
    "{name} 月額",
    "{abbr} 라이선스 (월)",
    "{name} 구독",
    "{name}（ユーザー単位）",
]
RTL_TAGS = [
    "רישיון {name}",
    "{abbr} - מנוי חודשי",
    "اشتراك {name}",
    "ترخيص {abbr} شهري",
    "{name} (לכל משתמש)",
]
UNIT_SUFFIX = [
    "{name} pr. bruker/mnd",
    "{name} par utilisateur et par mois",
    "{abbr} pro Nutzer/Monat",
    "{name} por usuario/mes",
    "{abbr} per gebruiker p/m",
    "{name} per användare och månad",
    "{abbr} za użytkownika/mies.",
    "{name} per utente/mese",
]
COMPOUND = [
    "{abbr}-lisens",
    "{abbr}-licentie",
    "{abbr}-abonnemang",
    "{abbr}-Lizenz",
    "{abbr}-licens",
    "{abbr}-abonnement",
]
ROLES = [
    "{abbr} – office staff",
    "{abbr} (directors)",
    "{abbr} warehouse users",
    "{name} - reception & admin",
    "{abbr} – field engineers",
    "{abbr} (Praxisteam)",
    "{name} – partners only",
    "{abbr} - équipe compta",
]
PRICE_TAGS = [
    "{name} (PL 2026-Q3)",
    "{abbr} [price list Apr-26]",
    "{name} – list v7.2",
    "{name} {{tarif 2026}}",
]
CLOUD = ["{name} (Cloud)", "{name} - SaaS", "{name} [cloud subscription]", "{name} (hosted)"]
BUNDLE = [
    "{name} incl. onboarding",
    "{abbr} + admin support (licence)",
    "{name} inkl. Einrichtung",
    "{abbr} licence w/ setup",
    "{name} incl. 30-day onboarding",
]
ENTERPRISE = {
    "M3": "Microsoft 365 Enterprise E3",
    "M5": "Microsoft 365 Enterprise E5",
    "O1": "Office 365 Enterprise E1",
    "O3": "Office 365 Enterprise E3",
    "M5S": "Microsoft 365 Enterprise E5 Security",
    "F3": "Microsoft 365 Frontline F3",
}
PUBLISHER = {
    "Microsoft": [
        "Microsoft Corporation - {rest}",
        "MSFT Ireland Operations Ltd – {rest}",
        "Microsoft Corp.: {rest}",
    ],
    "Keeper Security": ["Keeper Security, Inc.: {name}"],
    "Adobe": ["Adobe Inc. {rest}", "Adobe Systems Software Ireland – {rest}"],
    "Acronis": ["Acronis International GmbH - {rest}"],
    "SentinelOne": ["Sentinel Labs, Inc. {rest}"],
    "Zoom": ["Zoom Video Communications, Inc. – {rest}"],
    "Autodesk": ["Autodesk Inc: {rest}"],
    "Datto": ["Datto, LLC - {rest}"],
    "Huntress": ["Huntress Labs Inc. {rest}"],
    "Dropsuite": ["Dropsuite Ltd – {rest}"],
    "Proofpoint": ["Proofpoint, Inc. {rest}"],
    "1Password": ["AgileBits Inc. (1Password) - Business"],
}

COMMON_DESC = [
    "abbreviation",
    "brand_dropped",
    "renamed_legacy",
    "bare_plan",
    "typo",
    "billing_words",
    "case_punct",
    "sku_code",
]
NEW_DESC = [
    "quote_copy",
    "currency_in_text",
    "bundle_with_service",
    "cjk_words",
    "rtl_words",
    "localized_unit_suffix",
    "seat_cap_note",
    "enterprise_word",
    "role_label",
    "formerly_bracket",
    "publisher_legal_name",
    "cloud_suffix",
    "nordic_compound",
    "price_list_tag",
    "dotted_abbrev",
]
DESC_CLASSES = COMMON_DESC + NEW_DESC + ["split_two_names"]
COMMON_CLIENT = [
    "legal_suffix_dropped",
    "legal_suffix_variant",
    "amp_and",
    "the_prefix",
    "accents_stripped",
    "typo_name",
    "dba_trading",
]
NEW_CLIENT = [
    "vat_beside",
    "native_script",
    "merger_both_names",
    "caps_legal_variant",
    "city_exonym",
    "insolvency_status",
    "suffix_doubled",
    "legal_form_anglicised",
]
CLIENT_CLASSES = COMMON_CLIENT + NEW_CLIENT
SYM = {"USD": "$", "CAD": "C$", "AUD": "A$", "NZD": "NZ$", "GBP": "£", "EUR": "€", "SEK": "kr "}

_FOLD = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "œ": "oe"}
)


def ascii_fold(s):
    s = s.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _typo(rng, text):
    words = text.split(" ")
    cand = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not cand:
        return text
    i = rng.choice(cand)
    w = words[i]
    k = rng.randrange(1, len(w) - 2)
    op = rng.randrange(3)
    if op == 0:
        w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    elif op == 1:
        w = w[:k] + w[k + 1 :]
    else:
        w = w[:k] + w[k] + w[k:]
    words[i] = w
    return " ".join(words)


DOTTED = {
    "Business": "Bus.",
    "Premium": "Prem.",
    "Standard": "Std.",
    "Exchange": "Exch.",
    "Online": "Onl.",
    "Defender": "Def.",
    "Security": "Sec.",
    "Archiving": "Arch.",
    "Protection": "Prot.",
    "Essentials": "Ess.",
    "Enterprise": "Ent.",
    "Advanced": "Adv.",
    "Complete": "Compl.",
    "Control": "Ctrl.",
    "Backup": "Bkp.",
    "Workplace": "Wkpl.",
    "Creative": "Creat.",
    "Microsoft": "Micr.",
    "Phone": "Ph.",
    "Office": "Off.",
}


def _dotted(name):
    return " ".join(DOTTED.get(w, w) for w in name.split(" "))


def money_text(amount, currency):
    s = f"{amount:.2f}"
    if currency in ("EUR", "SEK"):
        s = s.replace(".", ",")
        return f"{s} €" if currency == "EUR" else f"{s} kr"
    return SYM[currency] + s


def describe(rng, key, cls, ctx):
    """Return the perturbed description of product `key` for class `cls`, or None if not applicable.
    ctx: dict(basket=set of keys, price=Decimal per period, currency=str, annual=bool)."""
    p = PRODUCTS[key]
    name = p.name
    abbr = rng.choice(ABBR[key])
    bare_words = {BARE.get(k, "").lower() for k in ctx["basket"] if k != key}
    if cls == "abbreviation":
        return abbr
    if cls == "brand_dropped":
        return BRAND_DROPPED.get(key)
    if cls == "renamed_legacy":
        return RENAMED.get(key)
    if cls == "bare_plan":
        b = BARE.get(key)
        if (
            not b
            or b.lower() in bare_words
            or any(b.lower() in PRODUCTS[k].name.lower() for k in ctx["basket"] if k != key)
        ):
            return None
        return b
    if cls == "typo":
        t = _typo(rng, name)
        return t if t != name else None
    if cls == "billing_words":
        return rng.choice(
            [
                "{n} - Monthly Subscription",
                "{n} licence",
                "{n} /user/month",
                "Subscription: {n} (per seat)",
            ]
        ).format(n=name)
    if cls == "case_punct":
        return rng.choice(
            [
                name.lower(),
                name.upper(),
                name.replace("(", "").replace(")", "").replace(" - ", " "),
                name.replace(" ", "  ", 1),
            ]
        )
    if cls == "sku_code":
        if p.ms:
            return rng.choice([p.graph, f"{p.pcid}:{p.sku}", f"{p.item_code} {abbr}"])
        return f"{p.item_code} {abbr}"
    if cls == "quote_copy":
        if ctx["annual"]:
            return rng.choice(
                [
                    "{n} - 1 Year Term, Billed Annually (NCE)",
                    "{n} | Term: 12 months | Billing: annual, paid upfront",
                ]
            ).format(n=name)
        return rng.choice(
            [
                "{n} - 1 Year Term, Billed Monthly (NCE)",
                "{n} | Term: 12 months | Billing: monthly | Auto-renew: on",
                "{n} (Annual commitment / monthly payment)",
                "{n} – month-to-month, cancel anytime",
            ]
        ).format(n=name)
    if cls == "currency_in_text":
        per = "/yr" if ctx["annual"] else "/mo"
        return rng.choice(
            ["{a} @ {m}{per} per user", "{n} ({m} ea.{per})", "{a} – {m} x seats"]
        ).format(a=abbr, n=name, m=money_text(ctx["price"], ctx["currency"]), per=per)
    if cls == "bundle_with_service":
        return rng.choice(BUNDLE).format(name=name, abbr=abbr)
    if cls == "cjk_words":
        if key in CJK and rng.random() < 0.5:
            return CJK[key]
        return rng.choice(CJK_TAGS).format(name=name, abbr=abbr)
    if cls == "rtl_words":
        return rng.choice(RTL_TAGS).format(name=name, abbr=abbr)
    if cls == "localized_unit_suffix":
        return rng.choice(UNIT_SUFFIX).format(name=name, abbr=abbr)
    if cls == "seat_cap_note":
        if key in ("BB", "BS", "BP", "BPNT", "APB", "MDB"):
            return rng.choice(
                ["{n} (max. 300 users)", "{n} – up to 300 seats", "{a} [SMB plan ≤300]"]
            ).format(n=name, a=abbr)
        return rng.choice(["{n} (no seat minimum)", "{n} - min. 1 user"]).format(n=name)
    if cls == "enterprise_word":
        return ENTERPRISE.get(key)
    if cls == "role_label":
        b = BARE.get(key)
        t = rng.choice(ROLES).format(name=name, abbr=abbr)
        return t
    if cls == "formerly_bracket":
        old = RENAMED.get(key)
        if not old:
            return None
        return rng.choice(["{n} (formerly {o})", "{o} → now {n}", "{n} [prev. {o}]"]).format(
            n=name, o=old
        )
    if cls == "publisher_legal_name":
        rest = name.replace("Microsoft ", "", 1) if p.ms else name.replace(p.publisher + " ", "", 1)
        return rng.choice(PUBLISHER[p.publisher]).format(rest=rest, name=name)
    if cls == "cloud_suffix":
        return rng.choice(CLOUD).format(name=name)
    if cls == "nordic_compound":
        return rng.choice(COMPOUND).format(abbr=abbr)
    if cls == "price_list_tag":
        return rng.choice(PRICE_TAGS).format(name=name, abbr=abbr)
    if cls == "dotted_abbrev":
        t = _dotted(name)
        return t if t != name else None
    raise KeyError(cls)


# ---------------------------------------------------------------- client names
def client_variant(rng, c, cls, all_names):
    """c: client dict with name, core, sector, legal, country, city, trade, old_name, vat.  Returns text or None."""
    n, legal = c["name"], c["legal"]
    base = n[: -len(legal)].rstrip(" ,") if legal and n.endswith(legal) else None
    out = None
    if cls == "legal_suffix_dropped" and base:
        out = base
    elif cls == "legal_suffix_variant" and base and legal in LEGAL_VARIANTS:
        out = base + " " + rng.choice(LEGAL_VARIANTS[legal])
    elif cls == "amp_and":
        local = {"NO": [" og "], "DK": [" og "], "DE": [" und ", " u. "], "AT": [" und "]}.get(
            c["country"], []
        )
        if " & " in n:
            out = n.replace(" & ", rng.choice([" and ", " + ", "&"] + local * 2), 1)
        elif " und " in n:
            out = n.replace(" und ", rng.choice([" & ", " u. ", "+"]), 1)
        elif " and " in n:
            out = n.replace(" and ", " & ", 1)
    elif cls == "the_prefix" and c["country"] in ("US", "GB", "IE", "AU", "NZ", "CA"):
        out = n[4:] if n.startswith("The ") else "The " + n
    elif cls == "accents_stripped":
        out = ascii_fold(n)
    elif cls == "typo_name" and not c.get("no_typo"):
        out = _typo(rng, n)
    elif cls == "dba_trading" and c.get("trade"):
        out = rng.choice(["{t}", "{b} t/a {t}", "{t} (dba of {b})", "{b} dba {t}"]).format(
            t=c["trade"], b=base or n
        )
    elif cls == "vat_beside":
        pre = VAT_PREFIX.get(c["country"], "VAT ")
        out = rng.choice(["{n} ({v})", "{n} - {v}", "{n} / {v}"]).format(n=n, v=pre + c["vat"])
    elif cls == "native_script" and c["country"] in NATIVE:
        tab = NATIVE[c["country"]]
        parts = [tab.get(c["core"]), tab.get(c["sector"]), tab.get(legal)]
        if all(parts):
            if c["country"] == "JP":
                out = parts[2] + parts[0] + parts[1]
            elif c["country"] == "IL":
                out = f"{parts[1]} {parts[0]} {parts[2]}"
            else:
                out = (
                    f"{parts[1]} {parts[0]} {parts[2]}"
                    if rng.random() < 0.5
                    else f"{parts[0]} {parts[1]} {parts[2]}"
                )
    elif cls == "merger_both_names" and c.get("merged_into"):
        out = c["merged_into"]
    elif cls == "caps_legal_variant" and base and legal in LEGAL_VARIANTS:
        out = (base + " " + rng.choice(LEGAL_VARIANTS[legal])).upper()
    elif cls == "city_exonym" and c.get("city") in CITY_EXONYM and c["city"] in n:
        out = n.replace(c["city"], CITY_EXONYM[c["city"]])
    elif cls == "insolvency_status":
        tag = {
            "GB": " (in administration)",
            "IE": " (in examinership)",
            "DE": " i.L.",
            "AT": " in Liqu.",
            "FR": " (en redressement judiciaire)",
            "US": " - Chapter 11",
            "AU": " (Administrators Appointed)",
            "NZ": " (in receivership)",
            "NL": " i.l.",
            "NO": " under avvikling",
            "SE": " i likvidation",
            "DK": " under konkurs",
        }.get(c["country"])
        if tag:
            out = n + tag
    elif cls == "suffix_doubled" and legal:
        out = n + " " + legal
    elif (
        cls == "legal_form_anglicised"
        and base
        and c["country"] not in ("US", "GB", "IE", "AU", "NZ", "CA", "IL", "AE", "JP")
    ):
        out = base + rng.choice([" Ltd", " Inc.", " Limited"])
    if out is None or out == n:
        return None
    key = ascii_fold(out).casefold().replace(".", "").replace(",", "")
    if key in all_names:
        return None  # never make two clients indistinguishable
    return out
