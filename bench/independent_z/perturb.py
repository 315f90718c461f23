"""Description perturbation classes of set Z (PSA lines). fn(text, prod, rng, ctx) -> str|None.

"base" classes rewrite the product part; "decor" classes add what bookkeepers add around it;
cut_midword_at_30 cuts the final text. Every class leaves the product identifiable by a careful
person (see README).
"""

from __future__ import annotations

import re

from .catalog import LB_WORD, RU_WORD

COUNTRY_OF = {"USD": "US", "GBP": "GB", "AUD": "AU", "EUR": "DE", "CAD": "CA", "SEK": "SE"}
NBH = "\u2011"


def _prior(keys):
    def f(t, p, rng, ctx):
        if p.key not in keys or not p.prior:
            return None
        return rng.choice(p.prior)

    return f


def b_pc_catalog_pair_only(t, p, rng, ctx):
    if not p.pc:
        return None
    return rng.choice([p.pc, p.pc.replace(":", "/"), p.pc + " "]).strip()


def b_td_country_sku_only(t, p, rng, ctx):
    if not p.pc:
        return None
    return COUNTRY_OF.get(ctx["currency"], "US") + p.pc.replace(":", "")


def b_annuity_stock_code(t, p, rng, ctx):
    if not p.pc:
        return None
    code = f"P1Y:{p.pc}:1:"
    return rng.choice([code, f"{code} {p.short} 1YR"])


def b_edition_first_sort_key(t, p, rng, ctx):
    if not p.edition or not p.family_name:
        return None
    return rng.choice([f"{p.edition} - {p.family_name}", f"{p.edition}, {p.family_name}"])


def b_ru_wording(t, p, rng, ctx):
    return RU_WORD.format(name=t)


def b_lb_wording(t, p, rng, ctx):
    return LB_WORD.format(name=t)


SVC_WORD = {
    "exo": "Secure Email",
    "mdo": "Secure Email",
    "proofpoint": "Secure Email",
    "dropsuite": "Email Continuity",
    "mde": "Protected Endpoint",
    "s1": "Protected Endpoint",
    "huntress": "Protected Endpoint",
    "acronis": "Cloud Backup",
    "cove": "Cloud Backup",
    "datto": "Cloud Backup",
    "m365biz": "Modern Workplace",
    "m365ent": "Modern Workplace",
    "o365ent": "Modern Workplace",
    "keeper": "Password Management",
    "bitwarden": "Password Management",
    "entra": "Identity Protection",
    "intune": "Device Management",
}


def b_service_name_wraps_licence(t, p, rng, ctx):
    w = SVC_WORD.get(p.family)
    opts = [f"Managed {t}", f"{t} - managed"]
    if w:
        opts += [f"{w} ({t})", f"{w} – {t}"]
    return rng.choice(opts)


BUNDLES = {
    "exo": "Email package",
    "mdo": "Email package",
    "proofpoint": "Email package",
    "dropsuite": "Email package",
    "m365biz": "Productivity suite",
    "m365ent": "Productivity suite",
    "o365ent": "Productivity suite",
    "acronis": "Backup bundle",
    "cove": "Backup bundle",
    "datto": "Backup bundle",
    "mde": "Security bundle",
    "s1": "Security bundle",
    "huntress": "Security bundle",
    "keeper": "Security bundle",
    "bitwarden": "Security bundle",
}


def b_quote_option_child(t, p, rng, ctx):
    b = BUNDLES.get(p.family, "Collaboration pack")
    return rng.choice([f"  - {t}", f"{b} › {t}", f"{b}: {t}", f"{b} / - {t}"])


def b_lic_prefix_shorthand(t, p, rng, ctx):
    return rng.choice([f"LIC: {t}", f"Lic - {t}", f"LIC/{t}"])


def b_nonbreaking_hyphen_plan(t, p, rng, ctx):
    new = re.sub(r"\b(Plan|P|E) ?(\d)\b", lambda m: m.group(1) + NBH + m.group(2), t)
    new = re.sub(r"\b(Microsoft|Office) (365)\b", lambda m: m.group(1) + NBH + m.group(2), new)
    return new if new != t else None


def b_commerce_bracket_tag(t, p, rng, ctx):
    if not p.ms:
        return None
    return t + rng.choice([" [New Commerce Experience]", " (NCE)", " - NCE"])


BASE = {
    "pc_catalog_pair_only": b_pc_catalog_pair_only,
    "td_country_sku_only": b_td_country_sku_only,
    "annuity_stock_code": b_annuity_stock_code,
    "aad_to_entra_rename": _prior({"ENT1", "ENT2"}),
    "atp_to_defender_rename": _prior({"MDO1", "MDE1", "MDE2"}),
    "o365_business_2020_rename": _prior({"BB", "BS", "BP"}),
    "copilot_for_m365_name": _prior({"COP"}),
    "intune_endpoint_manager_name": _prior({"INT1"}),
    "ms_plan_era_name": _prior({"VIS2", "PRJ3", "TPS"}),
    "prior_product_line_name": _prior(
        {"ACRW", "ACRS", "ACP", "ACS", "RCC", "RCA", "ZWP", "ZWB", "DSP", "COVE"}
    ),
    "edition_first_sort_key": b_edition_first_sort_key,
    "ru_wording": b_ru_wording,
    "lb_wording": b_lb_wording,
    "service_name_wraps_licence": b_service_name_wraps_licence,
    "quote_option_child": b_quote_option_child,
    "lic_prefix_shorthand": b_lic_prefix_shorthand,
    "nonbreaking_hyphen_plan": b_nonbreaking_hyphen_plan,
    "commerce_bracket_tag": b_commerce_bracket_tag,
}
# base classes that replace the whole name: never combined with another base class
REPLACING = {
    "pc_catalog_pair_only",
    "td_country_sku_only",
    "annuity_stock_code",
    "aad_to_entra_rename",
    "atp_to_defender_rename",
    "o365_business_2020_rename",
    "copilot_for_m365_name",
    "intune_endpoint_manager_name",
    "ms_plan_era_name",
    "prior_product_line_name",
    "edition_first_sort_key",
}


def d_commit_cadence_phrase(t, p, rng, ctx):
    if ctx["period"] == "year":
        s = rng.choice(["Annual commitment, annual billing", "1-year term, paid upfront"])
    elif ctx["period"] == "quarter":
        s = rng.choice(["Annual commitment, quarterly billing", "12-month term, billed quarterly"])
    else:
        s = rng.choice(
            [
                "Annual commitment, monthly billing",
                "Annual commit monthly billing",
                "1-year term / paid monthly",
                "12-month commitment, billed monthly",
            ]
        )
    return f"{t} - {s}"


def d_term_letter_suffix(t, p, rng, ctx):
    return t + rng.choice([" (A)", " - A/M", " (A/M)"]) if ctx["period"] != "year" else t + " (A/A)"


def d_prepaid_term_suffix(t, p, rng, ctx):
    w = {"year": "Annual", "quarter": "Quarterly"}.get(ctx["period"], "Monthly")
    return f"{t} ({w} Pre-Paid)"


def d_wbs_element_prefix(t, p, rng, ctx):
    code = f"P-2026-{rng.randint(100, 989)}.{rng.randint(1, 9):02d}"
    return rng.choice([f"{code} {t}", f"{code} | {t}"])


def d_psa_migration_origin_tag(t, p, rng, ctx):
    return t + rng.choice(
        [
            " [imported from Autotask]",
            " (migrated from Kaseya BMS 2025)",
            " (ex-Tigerpaw)",
            " [import 03/2025]",
        ]
    )


def d_leaver_reassignment_note(t, p, rng, ctx):
    return t + rng.choice(
        [
            " (1 seat reassigned from leaver)",
            " - incl. licence reassigned from J. Brooks (left Oct)",
            " / reassigned from leaver, no change",
        ]
    )


def d_calendar_week_range(t, p, rng, ctx):
    return t + rng.choice([" KW 45–49", " (KW45-KW49)", " wk 45-49"])


def d_hypercare_phase_tag(t, p, rng, ctx):
    return t + rng.choice(
        [" - hypercare", " [onboarding, hypercare until 30/11]", " (hypercare phase)"]
    )


def d_quote_optional_item_marker(t, p, rng, ctx):
    return rng.choice([f"(Optional) {t}", f"{t} [optional item]", f"Option: {t}"])


def d_supply_channel_note(t, p, rng, ctx):
    return t + rng.choice(
        [f" (via {ctx['vendor_brand']})", f" - bought through {ctx['vendor_brand']}"]
    )


def d_tracking_category_pair(t, p, rng, ctx):
    return t + rng.choice(
        [
            " | Region: North",
            " | Division: Head Office",
            " [Location: Branch 2]",
            " | Region: South",
        ]
    )


def d_est_uplift_note(t, p, rng, ctx):
    if not p.ms:
        return None
    return t + rng.choice([" - EST +3%", " (Extended Service Terms +3%)", " [EST uplift]"])


def d_check_qty_query_note(t, p, rng, ctx):
    return t + rng.choice([" ?? check seats", " - check qty w/ client", " (qty TBC)"])


def d_indian_nos_unit(t, p, rng, ctx):
    q = ctx.get("qty")
    if not q or q < 2:
        return None
    return t + rng.choice([f" - {q} Nos", f" ({q} Nos.)", f" x {q} Nos"])


def d_staff_scope_note(t, p, rng, ctx):
    return t + rng.choice(
        [" (all staff)", " - office staff only", " (field team)", " - management team"]
    )


DECOR = {
    "commit_cadence_phrase": d_commit_cadence_phrase,
    "term_letter_suffix": d_term_letter_suffix,
    "prepaid_term_suffix": d_prepaid_term_suffix,
    "wbs_element_prefix": d_wbs_element_prefix,
    "psa_migration_origin_tag": d_psa_migration_origin_tag,
    "leaver_reassignment_note": d_leaver_reassignment_note,
    "calendar_week_range": d_calendar_week_range,
    "hypercare_phase_tag": d_hypercare_phase_tag,
    "quote_optional_item_marker": d_quote_optional_item_marker,
    "supply_channel_note": d_supply_channel_note,
    "tracking_category_pair": d_tracking_category_pair,
    "est_uplift_note": d_est_uplift_note,
    "check_qty_query_note": d_check_qty_query_note,
    "indian_nos_unit": d_indian_nos_unit,
    "staff_scope_note": d_staff_scope_note,
}
SERVICE_DECOR = [
    "wbs_element_prefix",
    "tracking_category_pair",
    "check_qty_query_note",
    "calendar_week_range",
    "psa_migration_origin_tag",
    "hypercare_phase_tag",
    "quote_optional_item_marker",
    "staff_scope_note",
]
STRUCTURAL = ["one_row_per_seat_numbered", "included_seats_column"]
ALL_DESC = [*BASE, *DECOR, "cut_midword_at_30", *STRUCTURAL]


def cut30(t, base):
    i = t.find(base)
    if len(t) <= 33 or i < 0 or i + len(base) > 27:
        return None
    cut = t[:30]
    if cut[-1] == " " or t[30] == " ":
        return None  # not mid-word
    return cut


def describe(p, rng, ctx):
    """(text, classes) for a licence line of product p."""
    t = p.name
    classes = []
    bases = [k for k, f in BASE.items() if f(t, p, _Probe(), ctx) is not None]
    decors = [k for k, f in DECOR.items() if f(t, p, _Probe(), ctx) is not None]
    r = rng.random()
    nb = 1 if r < 0.62 else 0
    nd = 1 if (nb == 0 or rng.random() < 0.35) else 0
    if nb and bases:
        # renames / codes are rarer than wordings
        # renames and catalogue codes weigh more where they apply
        k = rng.choices(bases, [4 if b in REPLACING else 1 for b in bases])[0]
        new = BASE[k](t, p, rng, ctx)
        if new:
            t = new
            classes.append(k)
            if k not in REPLACING and rng.random() < 0.15:
                rest = [
                    b
                    for b in bases
                    if b not in REPLACING and b != k and b not in ("ru_wording", "lb_wording")
                ]
                if rest and k not in ("ru_wording", "lb_wording"):
                    k2 = rng.choice(rest)
                    new2 = BASE[k2](t, p, rng, ctx)
                    if new2:
                        t = new2
                        classes.append(k2)
    base = t
    if nd or not classes:
        k = rng.choice(decors)
        new = DECOR[k](t, p, rng, ctx)
        if new:
            t = new
            classes.append(k)
    if classes and classes[-1] in DECOR and rng.random() < 0.18:
        c = cut30(t, base)
        if c and classes[0] not in REPLACING:
            t = c
            classes.append("cut_midword_at_30")
    if not classes:
        t = DECOR["staff_scope_note"](t, p, rng, ctx)
        classes.append("staff_scope_note")
    return t, classes


def describe_service(text, rng, ctx):
    k = rng.choice(SERVICE_DECOR)
    return DECOR[k](text, None, rng, ctx), [k]


class _Probe:
    def choice(self, seq):
        return seq[0]

    def random(self):
        return 0.5

    def randint(self, a, b):
        return a
