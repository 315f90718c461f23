"""Perturbation vocabulary of set K (the PSA side is typed by people).

Client-name classes: legal_suffix_typo, legal_suffix_expanded, legal_suffix_dropped, name_abbreviation,
name_abbreviation_typo, dropped_generic, branch_suffix, store_number, dba, accents, case_punct,
name_typo, word_order, whitespace, account_code.
Product classes: typo, abbreviation, abbreviation_typo, brand_dropped, bare_plan, renamed, in_house,
sku_code, truncated, extra_words, localized_words, price_in_desc, date_in_desc, seat_words,
case_punct, word_order, glued, vendor_prefix.
"""

from __future__ import annotations

import random
import re

from . import catalog as C

PROTECTED = {
    "basic",
    "standard",
    "premium",
    "security",
    "teams",
    "enterprise",
    "business",
    "advanced",
    "essentials",
    "pro",
    "plan",
    "apps",
    "core",
    "control",
    "professional",
    "all",
    "no",
    "lt",
}
KEYB = "qwertyuiopasdfghjklzxcvbnm"


def typo_word(rng: random.Random, w: str) -> str:
    i = rng.randrange(1, len(w) - 1)
    op = rng.randrange(4)
    if op == 0:  # swap
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    if op == 1:  # drop
        return w[:i] + w[i + 1 :]
    if op == 2:  # double
        return w[:i] + w[i] + w[i:]
    k = KEYB.index(w[i].lower()) if w[i].lower() in KEYB else 0
    return w[:i] + KEYB[(k + 1) % len(KEYB)] + w[i + 1 :]


def typo(rng: random.Random, text: str) -> str | None:
    words = text.split(" ")
    cand = [
        i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w.lower() not in PROTECTED
    ]
    if not cand:
        return None
    i = rng.choice(cand)
    new = typo_word(rng, words[i])
    if new == words[i]:
        return None
    words[i] = new
    return " ".join(words)


# ---------------------------------------------------------------------------------------------
def client_variant(rng: random.Random, c) -> tuple[str, list]:
    name = c.name
    if c.trading and rng.random() < 0.7:
        return (
            c.trading
            if rng.random() < 0.6
            else f"{c.trading} (dba)"
            if rng.random() < 0.3
            else f"{c.name} dba {c.trading}"
        ), ["dba"]
    if rng.random() < 0.45:
        return name, []
    form = next(
        (f for f in sorted(C.LEGAL_TYPO, key=len, reverse=True) if name.endswith(" " + f)), None
    )
    base = name[: -len(form) - 1] if form else name
    store = re.search(r"Store (\d+)", name)
    options = ["legal_suffix_typo", "case_punct", "whitespace", "account_code"]
    if store:
        options += ["store_number"] * 3
    if form:
        options += ["legal_suffix_typo"]
    if c.safe:  # siblings, numbered stores and near-twins keep every word that tells them apart
        options += [
            "name_typo",
            "legal_suffix_expanded",
            "legal_suffix_dropped",
            "branch_suffix",
            "word_order",
        ]
        if any(w in base.split() for w in C.NAME_ABBR):
            options += ["name_abbreviation"] * 2
        if any(w in base.split() for w in C.NAME_ABBR_TYPO):
            options += ["name_abbreviation_typo"] * 2
        if any(w in base.split() for w in C.GENERIC_WORDS) and len(base.split()) >= 3:
            options += ["dropped_generic"]
    if any(ch in name for ch in C.FOLD):
        options += ["accents"] * 3
    picks = []
    for _ in range(1 if rng.random() < 0.7 else 2):
        o = rng.choice(options)
        if o not in picks:
            picks.append(o)
    applied = []
    for o in picks:
        new = _apply_client(rng, o, name, base, form)
        if new and new != name:
            name = new
            applied.append(o)
            form = next(
                (f for f in sorted(C.LEGAL_TYPO, key=len, reverse=True) if name.endswith(" " + f)),
                None,
            )
            base = name[: -len(form) - 1] if form else name
    return name, applied


def _apply_client(rng, o, name, base, form):
    if o == "legal_suffix_typo" and form:
        return f"{base} {rng.choice(C.LEGAL_TYPO[form])}"
    if o == "legal_suffix_expanded" and form in C.LEGAL_EXPAND:
        return f"{base} {C.LEGAL_EXPAND[form]}"
    if o == "legal_suffix_dropped" and form:
        return base
    if o == "name_abbreviation":
        for w, abbs in C.NAME_ABBR.items():
            if w in base.split():
                return name.replace(w, rng.choice(abbs), 1)
    if o == "name_abbreviation_typo":
        for w, abbs in C.NAME_ABBR_TYPO.items():
            if w in base.split():
                return name.replace(w, rng.choice(abbs), 1)
    if o == "dropped_generic":
        for w in C.GENERIC_WORDS:
            if w in base.split():
                return re.sub(r"\s+", " ", name.replace(w, "", 1)).strip()
    if o == "branch_suffix":
        return name + rng.choice(C.BRANCHES)
    if o == "store_number":
        m = re.search(r"Store (\d+)", name)
        if not m:
            return None
        n = m.group(1)
        return name.replace(
            m.group(0),
            rng.choice([f"#{n}", f"No. {n}", f"Store {int(n):03d}", f"Str. {n}", f"- Store #{n}"]),
        )
    if o == "accents":
        return "".join(C.FOLD.get(ch, ch) for ch in name)
    if o == "case_punct":
        r = rng.randrange(4)
        if r == 0:
            return name.upper()
        if r == 1:
            return (
                name.replace("&", "and") if "&" in name else name.replace(".", "").replace(",", "")
            )
        if r == 2:
            return name.lower()
        return re.sub(r"[.,]", "", name).title()
    if o == "whitespace":
        return (
            "  " + name.replace(" ", "\u00a0", 1) + " "
            if rng.random() < 0.5
            else name.replace(" ", "  ", 1) + " "
        )
    if o == "account_code":
        return rng.choice(
            [f"C{rng.randint(1000, 9999)} - {name}", f"{name} [{rng.randint(100, 999)}]"]
        )
    if o == "name_typo":
        t = typo(rng, base)
        return t and t + (f" {form}" if form else "")
    if o == "word_order" and form:
        return f"{form} {base}" if form in ("SAS", "SARL", "SA", "AS", "AB") else f"{base}, {form}"
    return None


# ---------------------------------------------------------------------------------------------
BASE_CLASSES = [
    "abbreviation",
    "abbreviation_typo",
    "brand_dropped",
    "renamed",
    "sku_code",
    "glued",
]
DECOR = [
    "typo",
    "extra_words",
    "localized_words",
    "price_in_desc",
    "date_in_desc",
    "seat_words",
    "case_punct",
    "word_order",
    "truncated",
    "vendor_prefix",
]


def product_variant(
    rng: random.Random, key: str, context_ok: bool, bare_ok: bool, mpn_on_bill: bool
):
    name = C.PRODUCTS[key][0]
    r = rng.random()
    if r < 0.38:
        return name, []
    bases = [b for b in BASE_CLASSES if _base(rng, b, key, mpn_on_bill, probe=True)]
    if context_ok and C.PRODUCTS[key][1] in C.IN_HOUSE:
        bases += ["in_house"] * 2
    if bare_ok:
        bases += ["bare_plan"] * 2
    text, classes = name, []
    if rng.random() < 0.65 and bases:
        b = rng.choice(bases)
        if b == "in_house":
            text = rng.choice(C.IN_HOUSE[C.PRODUCTS[key][1]])
        elif b == "bare_plan":
            text = C.BARE[key]
        else:
            text = _base(rng, b, key, mpn_on_bill)
        classes.append(b)
    if not classes or rng.random() < 0.45:
        d = rng.choice(DECOR)
        new = _decor(rng, d, text, key)
        if new and new != text:
            text = new
            classes.append(d)
    if not classes:
        return name, []
    return text, classes


def _base(rng, b, key, mpn_on_bill, probe=False):
    pid, sid, part = C.PRODUCTS[key][4], C.PRODUCTS[key][5], C.PRODUCTS[key][6]
    table = {
        "abbreviation": C.ABBR.get(key),
        "abbreviation_typo": C.ABBR_TYPO.get(key),
        "brand_dropped": [C.BRAND_DROPPED[key]] if key in C.BRAND_DROPPED else None,
        "renamed": C.RENAMED.get(key),
    }
    if b in table:
        if probe:
            return bool(table[b])
        return rng.choice(table[b])
    if b == "sku_code":
        opts = [x for x in (pid.split(":")[0] if pid else None, sid) if x]
        if mpn_on_bill and not key.startswith(("bpnt", "m3nt")):
            opts.append(part)
        if probe:
            return bool(opts)
        return rng.choice(opts)
    if b == "glued":
        if probe:
            return key in ("bp", "bb", "bs", "m3", "m5", "o3", "o1", "ex1", "ex2", "pbi", "ep1")
        return {
            "bp": "M365BP",
            "bb": "M365BusinessBasic",
            "bs": "M365BusStd",
            "m3": "M365E3",
            "m5": "M365E5",
            "o3": "O365E3",
            "o1": "O365E1",
            "ex1": "ExchangeOnlinePlan1",
            "ex2": "EXOPlan2",
            "pbi": "PowerBIPro",
            "ep1": "AADP1",
        }[key]
    return None


def _decor(rng, d, text, key):
    if d == "typo":
        return typo(rng, text)
    if d == "extra_words":
        return (
            rng.choice(C.EXTRA_PRE) + text
            if rng.random() < 0.35
            else text + rng.choice(C.EXTRA_POST)
        )
    if d == "localized_words":
        return text + rng.choice(C.LOCALIZED)
    if d == "price_in_desc":
        return (
            f"{text} @ {C.PRODUCTS[key][3]}"
            if rng.random() < 0.5
            else f"{text} ({C.PRODUCTS[key][3]}/user)"
        )
    if d == "date_in_desc":
        return rng.choice(
            [
                f"{text} Nov 2026",
                f"{text} 01/11/2026-30/11/2026",
                f"{text} (Nov-26)",
                f"{text} 2026-11",
            ]
        )
    if d == "seat_words":
        return rng.choice([f"{text} x users", f"{text} - per seat qty as agreed", f"Users: {text}"])
    if d == "case_punct":
        r = rng.randrange(3)
        return (
            text.upper()
            if r == 0
            else text.lower()
            if r == 1
            else text.replace(" ", "-").replace("(", "").replace(")", "")
        )
    if d == "word_order":
        parts = text.split(" ")
        if len(parts) < 3 or any(ch.isdigit() for ch in parts[0]):
            return None
        return " ".join(parts[1:]) + " - " + parts[0]
    if d == "truncated":
        words = text.split(" ")
        if len(words) < 2:
            return None
        last = words[-1]
        if (
            len(last) >= 6
            and last.isalpha()
            and last.lower() not in ("premium", "standard", "basic", "security")
        ):
            return " ".join([*words[:-1], last[: rng.randint(3, 4)]])
        if len(words) >= 4 and words[-1].isalpha() and words[-1].lower() not in PROTECTED:
            return " ".join(words[:-1])
        return None
    if d == "vendor_prefix":
        return rng.choice(C.VENDOR_PREFIX) + text
    return None
