"""Set T description perturbations: how MSP staff, PSA catalogues and accounting item lists
write a licence line.  Each class is a function; a line gets one "core" spelling (or the
canonical one) and zero to two "wrappers".  A class is recorded only when it changed the text.
"""

from __future__ import annotations

import random
import re

from .catalog import BY_KEY, Product
from .names import norm

COMMON_DESC = (
    "abbreviation",
    "brand_dropped",
    "bare_plan",
    "renamed",
    "billing_words",
    "case",
    "typo",
    "graph_sku",
)


# ------------------------------------------------------------------ helpers / honesty
def _tokens(s: str) -> set[str]:
    return set(norm(s).split())


def _clash(text: str, p: Product, basket: set[str]) -> bool:
    """True when `text` could as well be another product of the client's basket: it contains all the
    tokens of another basket product's distinctive name."""
    t = _tokens(text)
    for k in basket:
        if k == p.key:
            continue
        q = BY_KEY[k]
        for sig in filter(None, [q.nobrand, q.paren, q.name]):
            st = _tokens(sig) - {"microsoft", "365", "office", "for"}
            if st and st <= t and not (st <= _tokens(p.name)):
                return True
    return False


def _same_family_in_basket(p: Product, basket: set[str]) -> bool:
    return any(BY_KEY[k].family == p.family for k in basket if k != p.key)


def disemvowel(s: str) -> str:
    def f(w):
        if len(w) < 6 or not w.isalpha():
            return w
        return w[0] + re.sub(r"[aeiouAEIOU]", "", w[1:])

    return " ".join(f(w) for w in s.split(" "))


def pdf_hyphen(rng: random.Random, s: str) -> str | None:
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    cut = rng.randint(3, len(w) - 3)
    words[i] = w[:cut] + "- " + w[cut:]
    return " ".join(words)


def typo(rng: random.Random, s: str, protect=("Teams",)) -> str | None:
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w not in protect]
    if not idx:
        return None
    i = rng.choice(idx)
    w = words[i]
    j = rng.randint(1, len(w) - 2)
    kind = rng.randrange(4)
    near = {
        "a": "s",
        "e": "r",
        "i": "o",
        "o": "i",
        "s": "a",
        "n": "m",
        "m": "n",
        "r": "t",
        "t": "r",
        "u": "y",
        "c": "v",
        "l": "k",
    }
    if kind == 0 and j < len(w) - 1:
        w2 = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    elif kind == 1:
        w2 = w[:j] + w[j + 1 :]
    elif kind == 2:
        w2 = w[:j] + w[j] + w[j:]
    else:
        ch = w[j].lower()
        w2 = w[:j] + near.get(ch, ch) + w[j + 1 :]
    if w2 == w:
        return None
    words[i] = w2
    return " ".join(words)


LANG_BY_COUNTRY = {
    "ES": "es",
    "FR": "fr",
    "BE": "nl",
    "NL": "nl",
    "SE": "sv",
    "DK": "da",
    "NO": "da",
    "JP": "ja",
    "CA": "fr",
    "PT": "es",
    "IT": "es",
}
FOREIGN = {
    "es": ["Suscripción mensual {x}", "{x} - licencia por usuario y mes", "Cuota mensual {x}"],
    "fr": ["Abonnement mensuel {x}", "{x} - licence par utilisateur", "Redevance mensuelle {x}"],
    "nl": ["Maandabonnement {x}", "{x} - licentie per gebruiker", "{x} (maandelijkse licentie)"],
    "sv": ["Månadsabonnemang {x}", "{x} - licens per användare", "{x} månadslicens"],
    "da": ["Månedligt abonnement {x}", "{x} - licens pr. bruger", "{x} (månedsabonnement)"],
    "ja": ["{x} 月額ライセンス", "{x}（ユーザー単位）", "{x} サブスクリプション"],
}
UNITS = {
    "user": ["per user", "/user", "per seat", "por usuario", "per gebruiker", "par utilisateur"],
    "mailbox": ["per mailbox", "/mailbox", "pro Postfach", "per postvak"],
    "device": ["per device", "/device", "per managed device", "par appareil"],
    "endpoint": ["per endpoint", "/endpoint", "per protected endpoint"],
    "workload": ["per workload", "per workstation", "/machine"],
}
CONTRACTS = [
    "MSA 2024 - Gold - {x}",
    "Managed Agreement A-1182: {x}",
    "Vertrag 2025/07 - {x}",
    "Contrato Marco 2023 · {x}",
    "SLA Silver 36m | {x}",
    "Agreement: Essentials+ (2025) - {x}",
    "[AGR-2291] {x}",
    "Raamovereenkomst 2024 - {x}",
]
BUNDLES = [
    "Gold user bundle (includes {x})",
    "Modern Workplace Pack - incl. {x}",
    "Secure User Plus [{x} included]",
    "Werkplek Compleet (incl. {x})",
    "Paquete Oficina Segura con {x}",
    "Cloud Desk bundle: {x}",
]
BILLING = [
    "{x} - monthly licence",
    "{x} Subscription",
    "Lic. {x}",
    "{x} (per user/month)",
    "{x} licence fee",
    "Monthly: {x}",
    "{x} - recurring",
]
SORT = ["_ {x}", "~{x}", "00-{x}", "AAA {x}", "!{x}", "zz_{x}"]
MARKDOWN = ["**{x}**", "_{x}_", "`{x}`", "[{x}](https://admin.microsoft.com)", "__{x}__"]
FOOTNOTE = ["{x}¹", "{x} *", "{x}†", "{x} (see note 2)", "{x}²"]
PROGRAMME = ["{x} (CSP)", "CSP - {x}", "{x} [CSP NCE]", "{x} - via CSP", "{x} (CSP, not EA)"]
TIERS = [
    "{x} - Tier 2 (26-50 seats)",
    "{x} Staffel 1-10",
    "{x} (bracket B)",
    "{x} - volume band 3",
    "{x} [tier 1: 1-25]",
]
ESCAPES = ["{x}\\nper user", "{x}\\r\\nNCE", "{x}\\tmonthly", "{x}\\n", "{x}\\u00a0licence"]
ISO_TERMS_M = ["{x} P1Y/P1M", "{x} NCE-ANN-MTH", "{x} [P1Y-M]", "{x} (P1M/P1M)", "{x} NCE-MTH-MTH"]
ISO_TERMS_A = ["{x} P1Y/P1Y", "{x} NCE-ANN-ANN", "{x} [P1Y-Y]"]
USERS = [
    "Anna Kowalska",
    "J. Smith",
    "m.haddad",
    "Søren Dahl",
    "Priya R.",
    "Tomás Ó Néill",
    "front desk",
    "Dr Chen",
    "warehouse PC",
    "K. Yamada",
    "Lucía Fernández",
    "reception",
    "B. Okoro",
    "Élodie M.",
    "Jürgen Weiß",
    "accounts",
]


def core_variant(rng: random.Random, cls: str, p: Product, basket: set[str], client) -> str | None:
    """Spell the product itself (replaces the canonical name)."""
    ms = p.kind == "ms"
    if cls == "abbreviation":
        return rng.choice(p.abbr) if p.abbr else None
    if cls == "slang":
        if not p.slang or _same_family_in_basket(p, basket):
            return None
        return rng.choice(p.slang)
    if cls == "brand_dropped":
        return p.nobrand or None
    if cls == "bare_plan":
        if not p.bare:
            return None
        for k in basket:
            if k != p.key and (
                BY_KEY[k].bare_key == p.bare_key or p.bare.lower() in _tokens(BY_KEY[k].name)
            ):
                return None
        return p.bare
    if cls == "renamed":
        if not p.old or _same_family_in_basket(p, basket):
            return None
        return rng.choice(p.old)
    if cls == "graph_sku":
        return p.graph if ms else (p.pax8 or None)
    if cls == "plan_in_parens":
        return p.paren or None
    if cls == "localised_name":
        return p.es if p.es and p.es != p.name else None
    if cls == "katakana":
        return p.kata or None
    if cls == "entra_group":
        return rng.choice(p.group) if p.group else None
    if cls == "msol_sku":
        if not ms:
            return None
        prefix = client.domain.split(".")[0] if rng.random() < 0.6 else "reseller-account"
        return f"{prefix}:{p.graph}"
    if cls == "sku_guid":
        if not p.guid:
            return None
        return rng.choice(
            [f"{p.name} ({p.guid})", f"SKU {p.guid}", f"{(p.abbr or (p.name,))[0]} / {p.guid}"]
        )
    if cls == "disemvowel":
        d = disemvowel(p.name)
        return d if d != p.name else None
    return None


CORE_NEW = (
    "slang",
    "plan_in_parens",
    "localised_name",
    "katakana",
    "entra_group",
    "msol_sku",
    "sku_guid",
    "disemvowel",
)
CORE_COMMON = ("abbreviation", "brand_dropped", "bare_plan", "renamed", "graph_sku")
WRAP_NEW = (
    "contract_name",
    "own_bundle",
    "qty_unit",
    "iso_term_code",
    "foreign_wording",
    "sort_prefix",
    "sharepoint_lookup",
    "literal_escape",
    "pdf_hyphenation",
    "markdown",
    "footnote_marker",
    "programme_tag",
    "tier_label",
    "doubled_concat",
    "caps_inverted",
    "user_name",
)
WRAP_COMMON = ("billing_words", "case", "typo")
ALL_DESC_CLASSES = CORE_COMMON + CORE_NEW + WRAP_COMMON + WRAP_NEW


def wrap(rng: random.Random, cls: str, x: str, p: Product | None, line, client) -> str | None:
    if cls == "billing_words":
        return rng.choice(BILLING).format(x=x)
    if cls == "case":
        return rng.choice([x.upper(), x.lower()]) if x.upper() != x else x.lower()
    if cls == "typo":
        return typo(rng, x)
    if cls == "contract_name":
        return rng.choice(CONTRACTS).format(x=x)
    if cls == "own_bundle":
        return rng.choice(BUNDLES).format(x=x) if p is not None else None
    if cls == "qty_unit":
        return f"{x} {rng.choice(UNITS.get(p.unit, UNITS['user']))}" if p is not None else None
    if cls == "iso_term_code":
        if p is None or p.kind != "ms":
            return None
        return rng.choice(ISO_TERMS_A if line.period == "annual" else ISO_TERMS_M).format(x=x)
    if cls == "foreign_wording":
        lang = LANG_BY_COUNTRY.get(client.country) or rng.choice(sorted(FOREIGN))
        return rng.choice(FOREIGN[lang]).format(x=x)
    if cls == "sort_prefix":
        return rng.choice(SORT).format(x=x)
    if cls == "sharepoint_lookup":
        return f"{rng.randint(3, 148)};#{x}"
    if cls == "literal_escape":
        return rng.choice(ESCAPES).format(x=x)
    if cls == "pdf_hyphenation":
        return pdf_hyphen(rng, x)
    if cls == "markdown":
        return rng.choice(MARKDOWN).format(x=x)
    if cls == "footnote_marker":
        return rng.choice(FOOTNOTE).format(x=x)
    if cls == "programme_tag":
        return rng.choice(PROGRAMME).format(x=x) if p is not None and p.kind == "ms" else None
    if cls == "tier_label":
        return rng.choice(TIERS).format(x=x) if p is not None else None
    if cls == "doubled_concat":
        if p is None:
            return None
        short = rng.choice(p.abbr) if p.abbr else p.name
        return (
            rng.choice([f"{short} {x}", f"{x} - {x}", f"{x} {p.name}"])
            if x != short
            else f"{x} - {p.name}"
        )
    if cls == "caps_inverted":
        return x.swapcase() if x.swapcase() != x and "\\" not in x else None
    if cls == "user_name":
        if line.qty != 1 or not getattr(line, "user", ""):
            return None
        return rng.choice(["{x} - {u}", "{x} ({u})", "{u}: {x}", "{x} – {u}"]).format(
            x=x, u=line.user
        )
    return None


def perturb_description(
    rng: random.Random, p: Product, basket: set[str], line, client
) -> tuple[str, list[str]]:
    """Perturbed spelling of a licence line and the classes that changed it."""
    text = p.name
    classes: list[str] = []
    r = rng.random()
    if r < 0.62:
        pool = list(CORE_COMMON) * 2 + list(CORE_NEW) * 2
        for _ in range(4):
            cls = rng.choice(pool)
            v = core_variant(rng, cls, p, basket, client)
            if v and v != text and not _clash(v, p, basket):
                text, classes = v, [cls]
                break
    nwrap = (
        rng.choices([0, 1, 2], weights=[30, 50, 20])[0]
        if classes
        else rng.choices([1, 2], weights=[70, 30])[0]
    )
    wpool = list(WRAP_COMMON) * 3 + list(WRAP_NEW) * 2
    if line.user:
        wpool += ["user_name"] * 8
    tries = 0
    while nwrap > 0 and tries < 8:
        tries += 1
        cls = rng.choice(wpool)
        if cls in classes:
            continue
        if cls in ("case", "caps_inverted") and ("katakana" in classes):
            continue
        v = wrap(rng, cls, text, p, line, client)
        if v and v != text and not _clash(v, p, basket):
            text = v
            classes.append(cls)
            nwrap -= 1
    return text, classes


def perturb_service(rng: random.Random, text: str, line, client) -> tuple[str, list[str]]:
    cls = rng.choice(
        [
            "case",
            "contract_name",
            "sort_prefix",
            "markdown",
            "footnote_marker",
            "typo",
            "billing_words",
        ]
    )
    if cls == "typo":
        v = typo(
            rng,
            text,
            protect=(
                "Managed",
                "Service",
                "service",
                "managed",
                "Backup",
                "Onsite",
                "support",
                "labour",
                "Hardware",
                "project",
                "Helpdesk",
                "monitoring",
                "training",
                "workshop",
            ),
        )
    else:
        v = wrap(rng, cls, text, None, line, client)
    if v and v != text:
        return v, [cls]
    return text, []
