"""PSA description classes of set Y (perturbed twin only)."""

from __future__ import annotations

import re

LANG = {  # class: (monthly, annual, half-yearly, template)
    "gl_wording": ("Subscrición mensual", "Subscrición anual", "Subscrición semestral", "{w}: {p}"),
    "eu_wording": (
        "Hileko harpidetza",
        "Urteko harpidetza",
        "Sei hilabeteko harpidetza",
        "{p} – {w}",
    ),
    "sq_wording": ("Abonim mujor", "Abonim vjetor", "Abonim gjashtëmujor", "{w} {p}"),
    "sr_wording": (
        "Mesečna pretplata",
        "Godišnja pretplata",
        "Polugodišnja pretplata",
        "{w} – {p}",
    ),
    "mt_wording": (
        "Abbonament ta' kull xahar",
        "Abbonament annwali",
        "Abbonament ta' kull sitt xhur",
        "{w}: {p}",
    ),
    "ga_wording": ("Síntiús míosúil", "Síntiús bliantúil", "Síntiús leathbhliantúil", "{p} ({w})"),
    "th_wording": ("ค่าบริการรายเดือน", "ค่าบริการรายปี", "ค่าบริการราย 6 เดือน", "{w} {p}"),
    "ko_wording": ("월 구독", "연간 구독", "반기 구독", "{p} {w}"),
}
TELEPHONY = {"teamsphone", "dp_std", "dp_pro"}
BACKUP = {"acr_std", "acr_adv", "datto_m365", "datto_gws", "cove_srv", "cove_ws", "eoa"}
IDENTITY = {
    "m365bp",
    "m365bpnt",
    "m365e3",
    "m365e3nt",
    "m365e5",
    "entra1",
    "entra2",
    "o365e3",
    "m365e5sec",
}
MIN_SEATS = {
    "dp_std": 3,
    "dp_pro": 3,
    "ds_std": 2,
    "ds_bp": 2,
    "1p_teams": 1,
    "keeper_ent": 5,
    "s1_core": 5,
    "s1_control": 5,
    "s1_complete": 5,
    "hunt_edr": 5,
}


def plain_label_ok(prod, label_counts, pq, vq):
    """'Cloud Email – 25 users': only where the seat count is the only evidence and suffices."""
    return bool(prod.plain_label) and label_counts.get(prod.plain_label) == 1 and pq == vq


def _seats(q):
    return int(q) if q == int(q) else None


def describe(rng, prod, line, ctx):
    cls = []
    name = prod.name
    q = _seats(line.qty)
    # 1. name level (at most one)
    opts = []
    if prod.newer_name:
        opts += ["newer_name_than_vendor"] * 3
    if prod.old_name:
        opts += ["acquired_brand_old_name"] * 2
    if re.search(r"Plan \d", name):
        opts.append("plan_number_sign")
    if q and q > 0 and "decimal_prorated_qty" not in line.classes:
        opts.append("shorthand_x_seats")
    if ctx["plain_ok"] and q:
        opts += ["plain_service_label_seats"] * 3
    if prod.part:
        opts.append("distributor_nce_part_no")
    want_name = ctx["force_name"] or rng.random() < 0.45
    if want_name and opts:
        k = rng.choice(opts)
        cls.append(k)
        if k == "newer_name_than_vendor":
            name = prod.newer_name
        elif k == "acquired_brand_old_name":
            name = prod.old_name
        elif k == "plan_number_sign":
            name = re.sub(r"Plan (\d)", rng.choice([r"Plan No. \1", r"Plan #\1"]), name)
        elif k == "shorthand_x_seats":
            name = f"{prod.short} x{q}"
        elif k == "plain_service_label_seats":
            name = f"{prod.plain_label} – {q} users"
        elif k == "distributor_nce_part_no":
            name = rng.choice(
                [f"{prod.part} {name}", f"{name} ({prod.part})", f"{prod.part} – {name}"]
            )
    # 2. language wrapper (at most one)
    if rng.random() < 0.35:
        k = rng.choice(sorted(LANG))
        m, a, h, tpl = LANG[k]
        w = {"M": m, "A": a, "H": h}[line.term]
        name = tpl.format(w=w, p=name)
        cls.append(k)
    # 3. notes (0-2)
    notes = []
    pool = [
        "usage_location_tag",
        "csp_tier_tag",
        "ui_language_note",
        "licence_reclaim_note",
        "accepted_quote_ref",
        "security_baseline_tag",
        "migration_wave_tag",
        "billing_day_note",
        "pilot_group_note",
        "pupm_suffix",
        "revrec_tag",
    ]
    if line.users:
        pool.append("user_initials_list")
    if prod.key in MIN_SEATS:
        pool.append("minimum_seat_note")
    if prod.key in BACKUP:
        pool += ["retention_policy_note"] * 2
    if prod.key in TELEPHONY:
        pool += ["did_block_note", "porting_note"]
    if prod.key in IDENTITY:
        pool.append("conditional_access_note")
    if line.term == "A":
        pool += ["deferral_note"] * 2
    n = rng.choice([0, 1, 1, 2]) if cls or line.classes else rng.choice([1, 1, 2])
    for k in rng.sample(pool, min(n, len(pool))):
        notes.append(_note(rng, k, prod, line))
        cls.append(k)
    if ctx["rename_note"]:
        notes.append(f"({ctx['rename_note']})")
    for t in notes:
        name = f"{name} {t}"
    if line.classes == ["half_yearly_term"] and not any(k in LANG for k in cls):
        name = f"{name} – half-yearly"
    if line.classes == ["psa_partial_credit_line"] and line.qty < 0:
        name = f"Credit: {name} – {int(-line.qty)} seat(s) removed 05/11"
    if not cls and not line.classes:
        k = "usage_location_tag"
        name = f"{name} {_note(rng, k, prod, line)}"
        cls.append(k)
    return name, cls


def _note(rng, k, prod, line):
    if k == "usage_location_tag":
        return f"(usage location: {rng.choice(['GB', 'DE', 'NL', 'US', 'SE', 'FR', 'IE'])})"
    if k == "csp_tier_tag":
        return rng.choice(["[CSP-T2]", "(CSP indirect)", "[CSP T2 reseller]"])
    if k == "ui_language_note":
        return rng.choice(
            ["(German UI)", "(UI: French)", "(Dutch language pack)", "(UI language: Spanish)"]
        )
    if k == "licence_reclaim_note":
        return f"({rng.randint(1, 3)} seat(s) to reclaim from leavers)"
    if k == "accepted_quote_ref":
        return f"(Quote Q-{rng.randint(10000, 19999)} accepted)"
    if k == "security_baseline_tag":
        return rng.choice(
            ["[CIS L1]", "[Essential Eight ML2]", "[Cyber Essentials]", "[NIST CSF baseline]"]
        )
    if k == "migration_wave_tag":
        return f"(migration wave {rng.randint(1, 4)})"
    if k == "billing_day_note":
        return f"(billed on the {rng.choice(['1st', '5th', '14th', '20th', '28th'])})"
    if k == "pilot_group_note":
        return rng.choice(["(pilot group)", "– pilot users", "(pilot, review 01/2027)"])
    if k == "pupm_suffix":
        return rng.choice(["@ pupm", "(pupm)", "– p/u/m"])
    if k == "revrec_tag":
        return rng.choice(["[RevRec: ratable]", "[rev rec: monthly]", "[ASC 606: over time]"])
    if k == "user_initials_list":
        ini = ", ".join("".join(w[0] for w in u.split()) for u in line.users)
        return f"({ini})"
    if k == "minimum_seat_note":
        from .desc import MIN_SEATS as M

        return f"(min. {M[prod.key]} seats)"
    if k == "retention_policy_note":
        return rng.choice(["(1-year retention)", "(retention 7 years)", "(unlimited retention)"])
    if k == "did_block_note":
        return f"(DDI block +44 20 7946 0{rng.randint(100, 899)}–{rng.randint(900, 999)})"
    if k == "porting_note":
        return f"(incl. {rng.randint(1, 5)} ported numbers)"
    if k == "conditional_access_note":
        return rng.choice(["– CA policy: MFA required", "(Conditional Access enforced)"])
    if k == "deferral_note":
        return rng.choice(["(deferred over 12 months)", "– deferred revenue 12 mo."])
    raise ValueError(k)
