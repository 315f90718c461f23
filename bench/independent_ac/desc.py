"""How people type product descriptions in the PSA (set AC's own vocabulary)."""

from __future__ import annotations

import re

from .catalog import PRODUCTS

DISCRIMINATING = re.compile(
    r"^(E\d|F\d|P\d|\d|Plan|Basic|Standard|Premium|Pro|Business|Enterprise|Core|Control|"
    r"Complete|Essentials|Professional|Silver|Gold|Advanced|Entry|Security|Archiving|"
    r"ITDR|EDR|Teams\)?|vCPU|GB|\(no|\(Plan)$"
)
_NAMES = {p.name.lower() for p in PRODUCTS}
DESC_CLASSES = [
    "maker_word_left_out",
    "tech_acronym_typed",
    "superseded_product_title",
    "per_seat_month_tail",
    "keyboard_slip_in_word",
    "all_lower_typed",
    "client_label_leading_desc",
    "billing_month_suffix",
    "edition_in_brackets",
    "german_billing_words_tail",
    "catalogue_code_then_name",
]
STRUCT_CLASSES = [
    "split_across_two_lines",
    "twelve_month_invoice_line",
    "stopped_line_kept",
    "licence_named_labour_line",
    "vendor_annual_term_line",
    "vendor_negative_adjustment",
]


def _drop_maker(p):
    n = p.name
    for pre in ("Microsoft 365 ", "Microsoft ", "Office 365 ", p.maker + " "):
        if n.startswith(pre):
            rest = n[len(pre) :]
            if rest.lower() not in _NAMES and len(rest) > 3 and not rest.startswith(("(", "365")):
                return rest
            return None
    return None


def _slip(p, rng):
    words = p.name.split()
    idx = [
        i
        for i, w in enumerate(words)
        if len(w) >= 6 and w.isalpha() and not DISCRIMINATING.match(w)
    ]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _brackets(p):
    words = p.name.split()
    if (
        "(" in p.name
        or len(words) < 2
        or not words[-1].isalpha()
        or words[-1] in ("Online", "teams")
    ):
        return None
    return " ".join(words[:-1]) + f" ({words[-1]})"


def describe(p, client, rng, perturb):
    if not perturb or rng.random() >= 0.38:
        return p.name, []
    short = client["canonical"].split(" - ")[0].split()[0]
    opts = [
        ("maker_word_left_out", _drop_maker(p), 3),
        ("tech_acronym_typed", p.acronym or None, 3),
        ("superseded_product_title", p.old_name or None, 2),
        (
            "per_seat_month_tail",
            p.name + rng.choice([" - per seat/month", " /user/mth", " (per user per month)"]),
            2,
        ),
        ("keyboard_slip_in_word", _slip(p, rng), 2),
        ("all_lower_typed", p.name.lower(), 2),
        ("client_label_leading_desc", f"{short} - {p.name}", 1),
        ("billing_month_suffix", p.name + rng.choice([" Nov-26", " (Nov 2026)", " - 11/2026"]), 2),
        ("edition_in_brackets", _brackets(p), 2),
        (
            "german_billing_words_tail",
            p.name + rng.choice([" Lizenz mtl.", " - Abo monatlich", " Nutzerlizenz"]),
            1,
        ),
        ("catalogue_code_then_name", f"{p.sku.split(':')[0]} {p.name}", 1),
    ]
    opts = [o for o in opts if o[1] and o[1] != p.name]
    cls, text, _w = rng.choices(opts, weights=[o[2] for o in opts])[0]
    return text, [cls]
