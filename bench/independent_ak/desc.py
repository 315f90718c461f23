"""How five or six billing staff type product lines, and the spellings no list anticipates."""

from __future__ import annotations

import re

STAFF = [
    "staff_a_marketing_name_from_memory",
    "staff_b_part_no_or_own_code",
    "staff_c_says_what_it_does",
    "staff_d_vendor_line_pasted_then_edited",
    "staff_e_writes_{lang}",
    "staff_f_site_or_dept_every_line",
]
LANG = {  # template, word map
    "spanish": (
        "Licencia {x} mensual",
        {
            "Backup": "Respaldo",
            "Email": "Correo",
            "Security": "Seguridad",
            "Protection": "Protección",
            "Phone": "Teléfono",
            "Training": "Capacitación",
            "Awareness": "Concientización",
            "Storage": "Almacenamiento",
            "Workstation": "Estación",
        },
    ),
    "italian": (
        "Licenza {x} mensile",
        {
            "Security": "Sicurezza",
            "Email": "Posta",
            "Protection": "Protezione",
            "Phone": "Telefono",
            "Training": "Formazione",
            "Storage": "Archiviazione",
            "Workstation": "Postazione",
            "Plan": "Piano",
            "Awareness": "Consapevolezza",
        },
    ),
    "welsh": (
        "Trwydded {x} (misol)",
        {
            "Security": "Diogelwch",
            "Email": "E-bost",
            "Protection": "Amddiffyn",
            "Phone": "Ffôn",
            "Training": "Hyfforddiant",
            "Plan": "Cynllun",
            "Storage": "Storfa",
            "Backup": "Copi wrth gefn",
        },
    ),
    "quebec_french": (
        "Licence {x} - mensuel",
        {
            "Security": "Sécurité",
            "Email": "Courriel",
            "Phone": "Téléphone",
            "Training": "Formation",
            "Plan": "Forfait",
            "Storage": "Stockage",
            "Backup": "Sauvegarde",
            "Workstation": "Poste de travail",
        },
    ),
    "belgian_french": (
        "Abonnement {x} (mensuel)",
        {
            "Security": "Sécurité",
            "Email": "E-mail",
            "Phone": "Téléphone",
            "Training": "Formation",
            "Plan": "Plan",
            "Storage": "Stockage",
            "Backup": "Sauvegarde",
            "Workstation": "Poste de travail",
        },
    ),
    "maori": (
        "Raihana {x} ia marama",
        {
            "Security": "Haumarutanga",
            "Email": "Īmēra",
            "Phone": "Waea",
            "Training": "Whakangungu",
            "Plan": "Mahere",
            "Backup": "Tārua",
            "Storage": "Pātaka",
        },
    ),
    "afrikaans": (
        "Lisensie {x} - maandeliks",
        {
            "Security": "Sekuriteit",
            "Email": "E-pos",
            "Protection": "Beskerming",
            "Phone": "Foon",
            "Training": "Opleiding",
            "Storage": "Berging",
            "Backup": "Rugsteun",
            "Workstation": "Werkstasie",
        },
    ),
    "irish": (
        "Ceadúnas {x} (míosúil)",
        {
            "Security": "Slándáil",
            "Email": "Ríomhphost",
            "Protection": "Cosaint",
            "Phone": "Fón",
            "Training": "Oiliúint",
            "Plan": "Plean",
            "Storage": "Stóráil",
            "Backup": "Cúltaca",
        },
    ),
}
DEPTS = [
    "Reception",
    "Level 2 Finance",
    "Warehouse",
    "Head Office",
    "Clinic Rooms",
    "Front Desk",
    "Admin Office",
    "Workshop",
    "Accounts Team",
    "Site B",
]
PHONETIC = [
    ("Mimecast", "Mymcast"),
    ("Keeper", "Keepa"),
    ("Huntress", "Huntriss"),
    ("Sentinel", "Sentinal"),
    ("Visio", "Vizio"),
    ("Intune", "Intoon"),
    ("Defender", "Defendor"),
    ("Exchange", "Exchainge"),
    ("Copilot", "Copilut"),
    ("Dialpad", "Dialpadd"),
    ("Docusign", "Docusine"),
    ("Umbrella", "Umbrela"),
    ("Veeam", "Veeum"),
    ("Datto", "Dato"),
    ("Proofpoint", "Proofpont"),
    ("Acronis", "Akronis"),
    ("Business", "Buisness"),
    ("Teams", "Teems"),
    ("Entra", "Entrah"),
    ("Ninja", "Ninjer"),
    ("Power BI", "Power Bee Eye"),
    ("GravityZone", "Gravity Zoan"),
    ("Planner", "Planer"),
]
COMPOUND = [
    ("Power BI", "PowerBI"),
    ("KnowBe4", "Know Be4"),
    ("Dialpad", "Dial pad"),
    ("Docusign", "Docu Sign"),
    ("GravityZone", "Gravity Zone"),
    ("NinjaOne", "Ninja One"),
    ("Proofpoint", "Proof point"),
    ("SentinelOne", "Sentinel One"),
    ("1Password", "1 Password"),
    ("Exchange Online", "ExchangeOnline"),
    ("Teams Phone", "TeamsPhone"),
    ("Copilot", "Co Pilot"),
    ("Mimecast", "Mime Cast"),
    ("Bitdefender", "Bit defender"),
    ("eSignature", "e-Signature"),
    ("Microsoft 365", "Microsoft365"),
    ("OneDrive", "One Drive"),
    ("SharePoint", "Share Point"),
    ("Office 365", "Office365"),
]
PLURAL = [
    ("Essentials", "Essential"),
    ("Teams", "Team"),
    ("apps", "app"),
    ("Dashboards", "Dashboard"),
    ("Diagrams", "Diagram"),
    ("signatures", "signature"),
    ("Mailbox", "Mailboxes"),
    ("backup", "backups"),
    ("Backup", "Backups"),
    ("vault", "vaults"),
    ("filter", "filters"),
    ("tests", "test"),
    ("Protection", "Protections"),
    ("Phone", "Phones"),
    ("attachments", "attachment"),
]
DECOR = {
    "backup": "\u2601\ufe0f ",
    "password": "\U0001f511 ",
    "endpoint": "\U0001f6e1\ufe0f ",
    "phone": "\U0001f4de ",
    "email": "\u2709\ufe0f ",
    "soc": "\U0001f440 ",
    "ai": "\u2728 ",
}
INITIALS = [
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "J",
    "K",
    "L",
    "M",
    "N",
    "P",
    "R",
    "S",
    "T",
    "W",
]
HOLDERS = [
    "Smith",
    "Nguyen",
    "Patel",
    "Jones",
    "Brown",
    "Wilson",
    "Taylor",
    "Martin",
    "Lee",
    "Walker",
    "Harris",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Hill",
    "Ward",
]


def _sub_once(text, pairs):
    for a, b in pairs:
        if a in text:
            return text.replace(a, b, 1)
    return None


def staff_text(p, staff, lang, dept, blur, rng):
    """(text, classes) of a product line as staff member `staff` types it."""
    cls = [STAFF[staff].format(lang=lang)]
    if staff == 0:
        t = p.memory
    elif staff == 1:
        t = p.code if rng.random() < 0.6 else p.sku
    elif staff == 2:
        if blur:
            t = p.blurred
            cls.append("tier_word_blurred_one_in_family")
        else:
            t = p.does
    elif staff == 3:
        v = p.vendor
        if p.maker == "Microsoft":
            v = re.sub(r"^Microsoft ", "", v)
            t = f"{v} [NCE] - {rng.choice(['Mthly', 'monthly', 'MTH', 'month to month'])}"
        else:
            t = f"{v} / {p.sku} {rng.choice(['(Monthly)', '- per ' + p.unit, '1M'])}"
    elif staff == 4:
        tmpl, words = LANG[lang]
        x = p.name
        for a, b in words.items():
            x = re.sub(rf"\b{a}\b", b, x)
        t = tmpl.format(x=x)
    else:
        t = f"{p.name} - {dept}"
    return t, cls


def spelling(p, text, region, rng, qty, price_txt):
    """One spelling perturbation on top of the habit, or None."""
    kinds = [
        "brand_sounded_out",
        "word_pair_flipped",
        "compound_closed_or_opened",
        "plural_singular_switched",
        "licence_spelt_other_side_of_atlantic",
        "name_from_renames_ago",
        "nickname_from_trade_press",
        "emoji_or_symbol_decor",
        "seats_and_price_typed_in",
    ]
    rng.shuffle(kinds)
    for k in kinds:
        if k == "brand_sounded_out":
            t = _sub_once(text, PHONETIC)
        elif k == "word_pair_flipped":
            w = text.split(" ")
            t = None
            for i in range(len(w) - 1):
                a, b = w[i], w[i + 1]
                if (
                    a.isalpha()
                    and b.isalpha()
                    and a[0].isupper()
                    and b[0].isupper()
                    and a != b
                    and a not in ("Plan",)
                    and b not in ("Plan",)
                ):
                    w[i], w[i + 1] = b, a
                    t = " ".join(w)
                    break
        elif k == "compound_closed_or_opened":
            t = _sub_once(text, COMPOUND)
        elif k == "plural_singular_switched":
            t = None
            for a, b in PLURAL:
                if re.search(rf"\b{a}\b", text):
                    t = re.sub(rf"\b{a}\b", b, text, count=1)
                    break
        elif k == "licence_spelt_other_side_of_atlantic":
            t = text + (" License" if region in ("UK", "AU", "NZ", "ZA", "IE") else " Licence")
        elif k == "name_from_renames_ago":
            t = p.old
        elif k == "nickname_from_trade_press":
            t = p.nick
        elif k == "emoji_or_symbol_decor":
            t = DECOR.get(p.job, "\u2605 ") + text if rng.random() < 0.7 else text + " \u2122"
        else:
            t = (
                f"{text} {qty} x {price_txt}"
                if rng.random() < 0.5
                else f"{text} ({qty} @ {price_txt}/mo)"
            )
        if t and t != text:
            return t, k
    return None


def holder_name(rng):
    return f"{rng.choice(INITIALS)}. {rng.choice(HOLDERS)}"
