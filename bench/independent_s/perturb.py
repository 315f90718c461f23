"""Set S perturbations of PSA-side text: product descriptions and client names.

Each function returns the new text, or None when the class does not apply (then nothing is recorded).
"""

from __future__ import annotations

import random
import re
import unicodedata

from .vocab import (
    ACCOUNTING_PATH,
    AND_WORD,
    BILLING_WORDS,
    COUNT_PERIOD,
    DESCRIPTIVE_TAIL,
    FOREIGN,
    HTML,
    LEGAL_VARIANTS,
    NONFOLD,
    NUMBER_WORDS,
    PRODUCT,
    QTY_PREFIX,
    REGION_PREFIX,
    ROW_PREFIX,
    UNIT_LOCAL,
    USERS,
)

# classes earlier sets used (kept at about a third of perturbed lines) and classes new in set S
DESC_COMMON = [
    "abbreviation",
    "brand_dropped",
    "typo",
    "billing_words",
    "bare_plan",
    "in_house_name",
    "case_punct",
    "accounting_item_path",
]
DESC_NEW = [
    "older_generation_name",
    "count_period_words",
    "qty_times_prefix",
    "foreign_catalogue_words",
    "unit_abbrev_local",
    "other_region_sku",
    "msp_code",
    "row_prefix",
    "desc_field_limit",
    "pdf_ligature",
    "html_markup",
    "doubled_prefix",
    "ticker_brand",
    "user_names_listed",
]
NAME_COMMON = [
    "legal_form_dropped",
    "legal_form_variant",
    "amp_and",
    "case_punct_name",
    "typo_name",
]
NAME_NEW = [
    "client_site_split",
    "surname_first_person",
    "descriptive_tail",
    "nfd_accents",
    "locale_upper_tr",
    "ascii_fold_nonfolding",
    "field_limit",
    "currency_tag",
    "dedupe_suffix",
    "name_translated",
    "dba_trading_name",
]

# spellings that need the client's basket to be read (refused when the client buys a look-alike)
CONTEXT = {
    "bare_plan",
    "in_house_name",
    "msp_code",
    "older_generation_name",
    "desc_field_limit",
    "brand_dropped",
    "abbreviation",
}


def _typo(rng: random.Random, text: str, protect: str = "") -> str | None:
    words = [
        m
        for m in re.finditer(r"[A-Za-zÀ-ž]{5,}", text)
        if m.group(0) not in protect.split()
        and m.group(0).lower()
        not in ("premium", "standard", "basic", "security", "teams", "exploratory")
    ]
    if not words:
        return None
    m = rng.choice(words)
    w = m.group(0)
    i = rng.randint(1, len(w) - 2)
    op = rng.choice(["swap", "drop", "double"])
    if op == "swap":
        nw = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif op == "drop":
        nw = w[:i] + w[i + 1 :]
    else:
        nw = w[:i] + w[i] + w[i:]
    if nw == w:
        return None
    return text[: m.start()] + nw + text[m.end() :]


def _ligature(text: str) -> str | None:
    t = (
        text.replace("ffi", "\ufb03")
        .replace("ff", "\ufb00")
        .replace("fi", "\ufb01")
        .replace("fl", "\ufb02")
    )
    return t if t != text else None


class DescPerturber:
    def __init__(self, rng: random.Random, fmt_traits: dict, country_code: str):
        self.rng = rng
        self.traits = fmt_traits
        self.cc = country_code

    def one(self, cls: str, text: str, line, basket: set[str]) -> str | None:
        rng, prod = self.rng, PRODUCT[line.pkey]
        spell = prod.spell
        if cls in CONTEXT:
            if any(PRODUCT[k].group == prod.group for k in basket if k != prod.key):
                return None
        if cls in spell and text == prod.name:
            return rng.choice(spell[cls])
        if cls in (
            "abbreviation",
            "brand_dropped",
            "bare_plan",
            "in_house_name",
            "msp_code",
            "older_generation_name",
        ):
            return None
        if cls == "typo":
            return _typo(rng, text, prod.key_token)
        if cls == "billing_words":
            return rng.choice(BILLING_WORDS).format(t=text)
        if cls == "case_punct":
            op = rng.choice(["upper", "lower", "dots", "nospace_paren"])
            if op == "upper":
                t = text.upper()
            elif op == "lower":
                t = text.lower()
            elif op == "dots":
                t = text.replace(" - ", " . ").replace(" ", ".", 1)
            else:
                t = text.replace(" (", "(").replace(", ", ",")
            return t if t != text else None
        if cls == "accounting_item_path":
            short = rng.choice(spell.get("abbreviation", [text]))
            code = re.sub(r"[^A-Za-z0-9]+", "-", short).strip("-").upper()
            return rng.choice(ACCOUNTING_PATH).format(t=text, c=code)
        if cls == "count_period_words":
            if line.qty > 20:
                return None
            w = NUMBER_WORDS[line.qty]
            return rng.choice(COUNT_PERIOD).format(t=text, w=w, W=w.capitalize())
        if cls == "qty_times_prefix":
            return rng.choice(QTY_PREFIX).format(q=line.qty, t=text)
        if cls == "foreign_catalogue_words":
            lang = rng.choice(sorted(FOREIGN))
            tpl, noteams = FOREIGN[lang]
            return tpl.format(t=text.replace("(no Teams)", noteams).replace("no Teams", noteams))
        if cls == "unit_abbrev_local":
            return rng.choice(UNIT_LOCAL).format(t=text)
        if cls == "other_region_sku":
            if not prod.pcid or text != prod.name:
                return None
            cc = rng.choice([c for c in REGION_PREFIX if c != self.cc])
            pid, sku = prod.pcid.split(":")
            short = rng.choice(prod.spell.get("abbreviation", [prod.name]))
            return rng.choice(
                [f"{cc}{pid}{sku} {short}", f"{short} [{cc}-{pid}:{sku}]", f"{cc}-{pid} - {text}"]
            )
        if cls == "row_prefix":
            return rng.choice(ROW_PREFIX).format(t=text)
        if cls == "desc_field_limit":
            lim = self.traits.get("desc_limit", 30)
            end = text.find(prod.key_token)
            if len(text) <= lim or end < 0 or end + len(prod.key_token) > lim:
                return None
            return text[:lim].rstrip()
        if cls == "pdf_ligature":
            return _ligature(text)
        if cls == "html_markup":
            if not self.traits.get("html"):
                return None
            return rng.choice(HTML).format(t=text)
        if cls == "doubled_prefix":
            for brand in ("Microsoft 365 ", "Microsoft ", "Office 365 "):
                if text.startswith(brand):
                    return brand + text
            return None
        if cls == "ticker_brand":
            if text.startswith("Microsoft "):
                return "MSFT " + text[len("Microsoft ") :]
            return None
        if cls == "user_names_listed":
            if line.qty < 4:
                return None
            names = rng.sample(USERS, 3)
            return f"{text} ({', '.join(names)} +{line.qty - 3})"
        raise KeyError(cls)

    def perturb(self, line, basket: set[str]) -> tuple[str, list[str]]:
        """Mix: a naming class (maybe), decorations, then character-level classes."""
        rng, text, classes = self.rng, line.text, []
        n = rng.choices([1, 2, 3], [62, 30, 8])[0]
        common_share = 0.33
        pool_naming = [
            "abbreviation",
            "brand_dropped",
            "bare_plan",
            "in_house_name",
            "accounting_item_path",
            "older_generation_name",
            "msp_code",
            "other_region_sku",
        ]
        pool_deco = [
            "billing_words",
            "count_period_words",
            "qty_times_prefix",
            "foreign_catalogue_words",
            "unit_abbrev_local",
            "row_prefix",
            "html_markup",
            "doubled_prefix",
            "ticker_brand",
            "user_names_listed",
        ]
        pool_char = ["typo", "case_punct", "pdf_ligature", "desc_field_limit"]
        chosen: list[str] = []
        for _ in range(n):
            want_common = rng.random() < common_share
            pool = DESC_COMMON if want_common else DESC_NEW
            chosen.append(rng.choice(pool))
        order = {c: (0 if c in pool_naming else 1 if c in pool_deco else 2) for c in chosen}
        # the naming class must act first on the canonical name; html and field limits last
        for cls in sorted(
            dict.fromkeys(chosen),
            key=lambda c: (order[c], c in ("desc_field_limit", "html_markup")),
        ):
            if cls in ("doubled_prefix", "ticker_brand") and any(
                c in classes for c in ("doubled_prefix", "ticker_brand")
            ):
                continue
            new = self.one(cls, text, line, basket)
            if new is not None and new != text:
                text = new
                classes.append(cls)
        return text, classes


# ------------------------------------------------------------------------------------------------------------
class NamePerturber:
    def __init__(self, rng: random.Random, fmt_traits: dict, currency: str):
        self.rng = rng
        self.traits = fmt_traits
        self.currency = currency

    def one(self, cls: str, c, name: str, site: str) -> tuple[str, str] | None:
        rng = self.rng
        fam = c.family is not None
        if cls == "legal_form_dropped":
            if c.legal and c.legal in name:
                t = re.sub(r"\s+", " ", name.replace(c.legal, "")).strip(" ,")
                return (t, site) if len(t) > 3 else None
            return None
        if cls == "legal_form_variant":
            if c.legal and c.legal in name and c.legal in LEGAL_VARIANTS:
                return name.replace(c.legal, rng.choice(LEGAL_VARIANTS[c.legal])), site
            return None
        if cls == "amp_and":
            if " & " in name:
                return name.replace(
                    " & ", f" {rng.choice([AND_WORD[c.country], 'and', '+'])} ", 1
                ), site
            if " and " in name:
                return name.replace(" and ", " & ", 1), site
            return None
        if cls == "case_punct_name":
            t = rng.choice(
                [name.upper(), name.lower(), name.replace(".", ""), name.replace(" & ", "&")]
            )
            return (t, site) if t != name else None
        if cls == "typo_name":
            if fam:
                return None
            t = _typo(rng, name, c.legal)
            return (t, site) if t else None
        if cls == "client_site_split":
            if not self.traits.get("site_column") or not c.site or site:
                return None
            return c.chain_base, c.site
        if cls == "surname_first_person":
            if c.kind != "sole":
                return None
            return f"{c.last}, {c.first}", site
        if cls == "descriptive_tail":
            if fam:
                return None
            t = name
            if c.legal and name.endswith(c.legal):
                t = name[: -len(c.legal)].rstrip() + f" {rng.choice(DESCRIPTIVE_TAIL)} {c.legal}"
            else:
                t = f"{name} {rng.choice(DESCRIPTIVE_TAIL)}"
            return t, site
        if cls == "nfd_accents":
            t = unicodedata.normalize("NFD", name)
            return (t, site) if t != name else None
        if cls == "locale_upper_tr":
            if not self.traits.get("turkish"):
                return None
            t = name.replace("i", "İ").replace("ı", "I").upper()
            return t, site
        if cls == "ascii_fold_nonfolding":
            t = "".join(NONFOLD.get(ch, ch) for ch in name)
            t = "".join(
                ch for ch in unicodedata.normalize("NFKD", t) if not unicodedata.combining(ch)
            )
            if not any(ch in NONFOLD for ch in name):
                return None
            return (t, site) if t != name else None
        if cls == "field_limit":
            lim = self.traits.get("name_limit")
            if fam or not lim or len(name) <= lim:
                return None
            t = name[:lim].rstrip()
            if len(t.split()) < 2:
                return None
            return t, site
        if cls == "currency_tag":
            return (
                f"{name} ({self.currency})"
                if rng.random() < 0.5
                else f"{name} - {self.currency} account",
                site,
            )
        if cls == "dedupe_suffix":
            if fam:
                return None
            return f"{name} {rng.choice(['(1)', '*DUP*', '(use this one)', '- NEW'])}", site
        if cls == "name_translated":
            if not c.en_name or fam:
                return None
            return c.en_name, site
        if cls == "dba_trading_name":
            if not c.trading or not self.traits.get("vendor_has_domain"):
                return None
            return c.trading, site
        raise KeyError(cls)

    def perturb(self, c) -> tuple[str, str, list[str]]:
        rng = self.rng
        name, site, classes = c.name, "", []
        if c.trading and self.traits.get("vendor_has_domain") and rng.random() < 0.7:
            chosen = ["dba_trading_name"]
        else:
            n = rng.choices([1, 2], [75, 25])[0]
            chosen = [
                rng.choice(NAME_COMMON if rng.random() < 0.33 else NAME_NEW) for _ in range(n)
            ]
            if c.kind == "sole" and rng.random() < 0.6:
                chosen = ["surname_first_person"]
            if c.site and self.traits.get("site_column") and rng.random() < 0.6:
                chosen = ["client_site_split"] + chosen[:1]
            if c.country == "TR" and self.traits.get("turkish") and rng.random() < 0.5:
                chosen.append("locale_upper_tr")
        late = {
            "field_limit": 2,
            "locale_upper_tr": 3,
            "nfd_accents": 4,
            "currency_tag": 1,
            "dedupe_suffix": 1,
        }
        for cls in sorted(dict.fromkeys(chosen), key=lambda k: late.get(k, 0)):
            if cls == "name_translated" and classes:
                continue
            got = self.one(cls, c, name, site)
            if got is None:
                continue
            if got != (name, site):
                name, site = got
                classes.append(cls)
        return name, site, classes
