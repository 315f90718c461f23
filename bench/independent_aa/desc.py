"""PSA line descriptions: one house style per file, a few slips, and line-level classes."""

from __future__ import annotations

from .catalog import BY_KEY
from .names import proper

HOUSE_STYLES = [
    "hs_internal_item_code",
    "hs_tech_shorthand",
    "hs_plan_first_maker_paren",
    "hs_line_dash_plan",
    "hs_lowercase_full",
    "hs_per_unit_suffix",
    "hs_excel_proper_case",
]
STAFF = ["JB", "MK", "SR", "AL", "TW", "PD"]
SITES = ["Warehouse", "Level 2", "Branch office", "Workshop", "Clinic 2", "Annex"]
LEAVERS = ["J. Smith", "A. Nguyen", "R. Patel", "L. Rossi", "K. Brown", "M. Okoye"]


def product_text(style, key):
    p = BY_KEY[key]
    if style == "hs_internal_item_code":
        return f"{p.item} {p.short}"
    if style == "hs_tech_shorthand":
        return p.short
    if style == "hs_plan_first_maker_paren":
        return f"{p.plan} ({p.line})"
    if style == "hs_line_dash_plan":
        return f"{p.line} - {p.plan}"
    if style == "hs_lowercase_full":
        return p.name.lower()
    if style == "hs_per_unit_suffix":
        return f"{p.name} - per {p.unit} / month"
    if style == "hs_excel_proper_case":
        return proper(p.name)
    if style == "house_style_slip_full_name":
        return p.name
    if style in ("mcas_power_platform_rename", "duo_dropbox_edition_rename"):
        return p.old
    raise ValueError(style)


def part_no(key):
    p = BY_KEY[key]
    core = p.item.split("-", 1)[1].replace("-", "")
    return f"CSP-NCE-{core}-1M" if p.maker == "Microsoft" else f"3P-{core}-1M"


def insert_invisible(rng, s):
    words = [i for i, w in enumerate(s.split(" ")) if len(w) >= 6 and w.isalpha()]
    if not words:
        return None
    parts = s.split(" ")
    i = rng.choice(words)
    w = parts[i]
    cut = rng.randint(2, len(w) - 2)
    parts[i] = w[:cut] + rng.choice(["\u00ad", "\u200b"]) + w[cut:]
    return " ".join(parts)


def describe(rng, house, key, extras_ok=True, qty=None, below=False, nfp=False):
    """(text, classes) for a licence line of product key."""
    p = BY_KEY[key]
    classes = []
    r = rng.random()
    if p.old and r < 0.45:
        style = (
            "mcas_power_platform_rename" if p.maker == "Microsoft" else "duo_dropbox_edition_rename"
        )
    elif r < 0.92:
        style = house
    else:
        style = "house_style_slip_full_name"
    text = product_text(style, key)
    classes.append(style)
    if not extras_ok:
        return text, classes
    r = rng.random()
    if r < 0.07:
        text = f"{part_no(key)} {text}"
        classes.append("dist_part_no_prefix")
    elif r < 0.12 and p.tagline:
        text = f"{text} \u2013 {p.tagline}"
        classes.append("marketing_tagline_tail")
    elif r < 0.16:
        text = f"\u201c{text}\u201d"
        classes.append("smart_quotes_around_name")
    if below and rng.random() < 0.4:
        text += rng.choice([" (price held to renewal)", " - old price until renewal"])
        classes.append("price_held_until_renewal")
    if nfp and rng.random() < 0.5:
        text += rng.choice([" (NFP pricing)", " - not-for-profit rate", " [charity price]"])
        classes.append("nfp_pricing_note")
    r = rng.random()
    if r < 0.12 and qty is not None:
        was = qty + rng.choice([-2, -1, 1, 2, 3])
        if was > 0:
            text += f" (was {was})"
            classes.append("previous_qty_in_brackets")
    elif r < 0.22:
        text += rng.choice([f" - {rng.choice(STAFF)}", f" ({rng.choice(STAFF)})"])
        classes.append("tech_initials_tag")
    elif r < 0.28:
        text += rng.choice([" *", " **"])
        classes.append("asterisk_change_flag")
    elif r < 0.33:
        text += " [11/2026]"
        classes.append("bracketed_mm_yyyy_period")
    if rng.random() < 0.05:
        t2 = insert_invisible(rng, text)
        if t2:
            text = t2
            classes.append("soft_hyphen_zwsp_paste")
    if len(text) > 44 and rng.random() < 0.3:
        core = product_text(style, key)
        start = text.find(core)
        if start >= 0 and start + len(core) < 40 and text[39] != " " and text[40] != " ":
            text = text[:40]
            classes.append("cut_midword_at_40")
    return text, classes


def around(rng, text):
    """a class for a service line (every PSA line carries one)."""
    r = rng.random()
    if r < 0.5:
        return text + rng.choice([f" - {rng.choice(STAFF)}", f" ({rng.choice(STAFF)})"]), [
            "tech_initials_tag"
        ]
    if r < 0.75:
        return text + " [11/2026]", ["bracketed_mm_yyyy_period"]
    return text + rng.choice([" *", " **"]), ["asterisk_change_flag"]
