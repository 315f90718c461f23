"""Description perturbation classes of set X (PSA licence lines)."""

from __future__ import annotations

LANG = {  # class: (monthly wrapper, annual wrapper)
    "ca_wording": ("Subscripció mensual – {p}", "Subscripció anual – {p}"),
    "hr_wording": ("Mjesečna pretplata: {p}", "Godišnja pretplata: {p}"),
    "sk_wording": ("Mesačné predplatné – {p}", "Ročné predplatné – {p}"),
    "sl_wording": ("Mesečna naročnina – {p}", "Letna naročnina – {p}"),
    "lt_wording": ("Mėnesinė prenumerata: {p}", "Metinė prenumerata: {p}"),
    "lv_wording": ("Ikmēneša abonements – {p}", "Gada abonements – {p}"),
    "et_wording": ("Kuutellimus – {p}", "Aastatellimus – {p}"),
    "ms_wording": ("Langganan bulanan – {p}", "Langganan tahunan – {p}"),
    "af_wording": ("Maandelikse intekening – {p}", "Jaarlikse intekening – {p}"),
    "cy_wording": ("Tanysgrifiad misol – {p}", "Tanysgrifiad blynyddol – {p}"),
    "vi_wording": ("Thuê bao hàng tháng – {p}", "Thuê bao hàng năm – {p}"),
    "is_wording": ("Mánaðaráskrift – {p}", "Ársáskrift – {p}"),
    "sw_wording": ("Usajili wa kila mwezi – {p}", "Usajili wa kila mwaka – {p}"),
    "tl_wording": ("Buwanang subscription – {p}", "Taunang subscription – {p}"),
    "bg_wording": ("Месечен абонамент – {p}", "Годишен абонамент – {p}"),
    "uk_wording": ("Щомісячна підписка – {p}", "Річна підписка – {p}"),
}
FRIENDLY = {
    "suite": "Email & Office apps for your team",
    "email": "Business email & filtering",
    "security": "Endpoint & threat protection",
    "identity": "Sign-in security & device management",
    "phone": "Cloud phone system",
    "backup": "Cloud backup of mailboxes & files",
    "password": "Team password manager",
    "pdf": "PDF editing",
    "esign": "Electronic signatures",
    "meet": "Video meetings",
    "bi": "Reporting dashboards",
}
BUNDLES = [
    "Secure Workplace Bundle",
    "Modern Office Pack",
    "CyberSafe Essentials",
    "Complete Care Plus",
]
COMPLIANCE = [
    "(HIPAA BAA on file)",
    "(GDPR DPA signed)",
    "(Cyber Essentials scope)",
    "(ISO 27001 scope)",
]
NAMES = [
    "anna.kovacs",
    "j.smith",
    "reception",
    "m.obrien",
    "accounts",
    "t.nguyen",
    "ops",
    "s.patel",
]


def applicable(prod, line, has_parent, has_discount_col):
    """description classes this PSA licence line can take."""
    out = [
        *LANG,
        "plain_english_label",
        "sac_code_prefix",
        "unspsc_code",
        "compliance_note",
        "pricebook_version_tag",
        "proration_remark",
        "tab_guard_prefix",
        "msp_bundle_name_plus_licence",
    ]
    if prod.old:
        out += ["ms_pre_rename_name"] * 3 if prod.ms else ["retired_marketing_name"] * 3
    if line["qty"] <= 3:
        out += ["user_email_in_line"] * 2
    if prod.per_device or prod.family == "security":
        out += ["asset_tags_listed", "platform_note"]
    if not prod.per_device and prod.family in ("suite", "identity"):
        out.append("device_coverage_note")
    if prod.family == "phone":
        out += ["extension_range_note"] * 3
    if prod.family in ("backup", "email"):
        out += ["storage_quota_note"] * 2
    return out


def render(rng, cls, prod, line, client):
    p = prod.name
    annual = line["term"] == "annual"
    if cls in LANG:
        return LANG[cls][1 if annual else 0].format(p=p)
    if cls in ("ms_pre_rename_name", "retired_marketing_name"):
        return rng.choice(prod.old)
    if cls == "plain_english_label":
        return f"{FRIENDLY[prod.family]} ({p})"
    if cls == "sac_code_prefix":
        return f"SAC 997331 – {p}"
    if cls == "unspsc_code":
        code = "43233200" if prod.family == "security" else "43231500"
        return f"{p} [UNSPSC {code}]"
    if cls == "compliance_note":
        return f"{p} {rng.choice(COMPLIANCE)}"
    if cls == "pricebook_version_tag":
        return f"{p} [PB {rng.choice(['2026.2', '2026.3', 'FY27-Q1'])}]"
    if cls == "proration_remark":
        return f"{p} – pro-rata for seats added {rng.randint(3, 27)}/10 on next invoice"
    if cls == "tab_guard_prefix":
        return "\t" + p
    if cls == "msp_bundle_name_plus_licence":
        inner = prod.abbrev if prod.abbrev and rng.random() < 0.6 else p
        return f"{rng.choice(BUNDLES)} – {inner}"
    if cls == "user_email_in_line":
        users = rng.sample(NAMES, line["qty"])
        return f"{p} – " + ", ".join(f"{u}@{client['domain']}" for u in users)
    if cls == "asset_tags_listed":
        n0 = rng.randint(10, 400)
        tags = [f"LT-{n0 + k:04d}" for k in range(min(3, line["qty"]))]
        return f"{p} – assets {', '.join(tags)}{' …' if line['qty'] > 3 else ''}"
    if cls == "platform_note":
        return f"{p} ({rng.choice(['Windows/macOS', 'Windows & Linux servers', 'macOS only'])})"
    if cls == "device_coverage_note":
        return f"{p} (covers up to 5 devices per user)"
    if cls == "extension_range_note":
        a = rng.randint(2, 8) * 100 + 1
        return f"{p} – ext. {a}–{a + max(line['qty'], 2) - 1}"
    if cls == "storage_quota_note":
        return f"{p} ({rng.choice(['unlimited storage', 'incl. 50 GB/user', 'incl. 1 TB pooled'])})"
    if cls == "billed_under_parent":
        return f"{p} – for {client['canonical']}"
    if cls == "mixed_term_lines":
        return f"{p} ({'annual commitment, paid yearly' if annual else 'month-to-month'})"
    raise KeyError(cls)
