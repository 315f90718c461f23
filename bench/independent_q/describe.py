"""How people write product descriptions in PSA catalogues and accounting item lists (set Q's vocabulary)."""

from __future__ import annotations

import re
import unicodedata

from .catalog import BY_KEY, Product
from .clients import typo_word

COMMON = [
    "abbreviation",
    "brand_dropped",
    "renamed_legacy",
    "bare_plan",
    "in_house",
    "graph_sku",
    "billing_words",
    "notes_reference",
    "typo",
    "case_punct",
    "date_range",
]
NOVEL = [
    "distributor_code",
    "spoken_number",
    "context_only",
    "sentence",
    "unit_abbrev",
    "email_subject",
    "excel_artifact",
    "hashtag_tags",
    "plural",
    "compound_hyphen",
    "sync_fields",
    "gl_account",
    "tax_marker",
    "status_icon",
    "phonetic",
    "invisible_chars",
    "homoglyph",
    "fullwidth",
]
STAGE = {  # 0 replaces the name, 1 changes letters of it, 2 wraps it, 3 changes glyphs of the whole cell
    "abbreviation": 0,
    "brand_dropped": 0,
    "renamed_legacy": 0,
    "bare_plan": 0,
    "in_house": 0,
    "graph_sku": 0,
    "distributor_code": 0,
    "spoken_number": 0,
    "context_only": 0,
    "typo": 1,
    "case_punct": 1,
    "plural": 1,
    "phonetic": 1,
    "compound_hyphen": 1,
    "billing_words": 2,
    "notes_reference": 2,
    "date_range": 2,
    "sentence": 2,
    "unit_abbrev": 2,
    "email_subject": 2,
    "hashtag_tags": 2,
    "sync_fields": 2,
    "gl_account": 2,
    "tax_marker": 2,
    "status_icon": 2,
    "excel_artifact": 3,
    "invisible_chars": 3,
    "homoglyph": 3,
    "fullwidth": 3,
}
STRUCTURAL = {"sentence", "email_subject", "sync_fields", "gl_account", "hashtag_tags"}
BILLING = [
    "- per user",
    "Monthly Subscription",
    "Licence",
    "(NCE)",
    "- annual commitment, billed monthly",
    "subscription renewal",
    "Licenses (recurring)",
    "- user/month",
]
NOTES = [
    "PO 44871",
    "ref INC-20931",
    "as agreed w/ Sarah 03/10",
    "see ticket #55120",
    "per quote Q-1187",
    "(approved by FD)",
    "- moved from old tenant",
    "inc. 2 shared mailboxes",
    "acct mgr: JT",
]
DATES = ["01/11/26-30/11/26", "Nov 2026", "(2026-11-01 to 2026-11-30)", "for period 11/2026"]
SENTENCES = [
    "Licensing for your {n} staff - {x}",
    "Your monthly {x} subscription",
    "{x} for each of your users",
    "Includes {x} for all mailbox users",
    "Monthly charge for {x} (per seat)",
    "Provision of {x} licences as per agreement",
    "Cost of {x} for {n} users this month",
]
UNITS = [
    "{x} PUPM",
    "{x} /usr/mth",
    "{x} p.u.p.m.",
    "{x} ea/mo",
    "{x} - per head",
    "{x} (pu/pm)",
    "{x} x usr",
]
EMAIL = [
    "RE: {x}",
    "FW: {x} renewal",
    "Re: Re: {x} - pls add",
    "Fwd: {x} quote accepted",
    "AW: {x}",
]
TAGS = [
    "{x} #m365 #licensing",
    "{x} [LIC][MSFT]",
    "#recurring {x}",
    "{x} #cloud",
    "[SaaS] {x} [RECUR]",
]
SYNC = [
    "{vendor} | {x} | Monthly | NCE",
    "{vendor}::{x}::P1M",
    "{x} | {code} | recurring",
    "{vendor} > {x} > seat",
]
GL = ["{x} - 4010 Software Revenue", "4100 · {x}", "{x} [GL 41-200]", "Sales:Cloud:{x} (4020)"]
TAX = [
    "{x} (GST)",
    "{x} *",
    "{x} (VAT 20%)",
    "{x} - T",
    "{x} (MwSt. 19 %)",
    "{x} (GST-free)",
    "{x} [TX]",
]
ICONS = ["✅ {x}", "{x} 🔁", "⭐ {x}", "🟢 {x}", "☁️ {x}", "{x} ✔", "🔒 {x}"]
PHONETIC = {
    "Premium": ["Premeum", "Primium", "Premiun"],
    "Business": ["Bizness", "Buisness", "Busness"],
    "Exchange": ["Exchainge", "Xchange", "Exchang"],
    "Archiving": ["Arkiving", "Archiveing"],
    "Defender": ["Defendor", "Defener"],
    "Copilot": ["Co-Pilot", "Copilet", "CoPilot"],
    "Visio": ["Vizio", "Visiio"],
    "Intune": ["Intoon", "InTune"],
    "Standard": ["Standerd", "Stanard"],
    "Enterprise": ["Enterprize", "Entreprise"],
    "Essentials": ["Esentials", "Essencials"],
    "Dropbox": ["Drop Box", "Dropbx"],
    "Acronis": ["Acronix", "Akronis"],
    "Keeper": ["Keepr", "Keaper"],
    "Workspace": ["Work Space", "Workspce"],
    "Phone": ["Fone"],
    "Teams": ["Teems"],
    "Advanced": ["Advansed"],
    "Creative": ["Createive"],
    "Acrobat": ["Akrobat", "Accrobat"],
    "Online": ["On-line", "Onlin"],
    "Office": ["Ofice", "Offfice"],
    "Project": ["Projekt"],
    "Dynamics": ["Dynamix"],
    "Sophos": ["Sofos"],
}
COMPOUND = ["-Lizenz", "-lisens", "-licens", "-Abo", "-Lizenzen"]
GENERIC_CONTEXT = [
    "Microsoft licences (all staff)",
    "User subscription - Microsoft",
    "MS cloud seats",
    "Microsoft user licensing",
    "Staff licences (Microsoft)",
    "Licences: Microsoft (as per tenant)",
]
HOMO = {
    "o": "ο",
    "e": "е",
    "a": "а",
    "M": "М",
    "O": "О",
    "E": "Е",
    "c": "с",
    "p": "р",
}  # Greek/Cyrillic look-alikes


def _fullwidth(s: str) -> str:
    return "".join(
        chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ("\u3000" if ch == " " else ch) for ch in s
    )


def _spoken(s: str, rng) -> str | None:
    t = s
    if "365" in t:
        t = t.replace(
            "365", rng.choice(["three-six-five", "three sixty-five", "3-6-5", "three six five"]), 1
        )
    else:
        m = re.search(r"\bPlan (\d)\b", t)
        words = {"1": "One", "2": "Two", "3": "Three", "5": "Five"}
        if m and m.group(1) in words:
            t = t[: m.start(1)] + words[m.group(1)] + t[m.end(1) :]
        else:
            m = re.search(r"\b([EFP])(\d)\b", t)
            w2 = {"1": "one", "2": "two", "3": "three", "5": "five"}
            if not m or m.group(2) not in w2:
                return None
            t = t[: m.start()] + f"{m.group(1)}-{w2[m.group(2)]}" + t[m.end() :]
    return t if t != s else None


def _plural(s: str) -> str | None:
    m = re.search(r"\b([EFP]\d|Copilot|Pro|Basic|Premium|Standard|Plus|Starter)\s*$", s)
    if not m:
        return None
    return s + ("s" if not m.group(1).endswith("s") else "")


def _compound(s: str, rng) -> str | None:
    if " " not in s:
        return None
    t = re.sub(r"[()]", "", s)
    t = re.sub(r"\s+", "-", t.strip())
    return t + rng.choice(COMPOUND)


def words_of(s: str) -> set[str]:
    s = unicodedata.normalize("NFKC", s).lower()
    return set(re.findall(r"[a-z0-9]+", s))


def apply(rng, cls: str, text: str, p: Product, ctx: dict) -> str | None:
    """Apply one class to text; None when it does not fit."""
    if cls == "abbreviation":
        return rng.choice(p.abbr) if p.abbr else None
    if cls == "brand_dropped":
        if p.nobrand:
            return rng.choice(p.nobrand) if ctx["alone_in_group"] else None
        for pre in (
            "Microsoft 365 ",
            "Microsoft ",
            "Google ",
            "Adobe ",
            "Sophos Central ",
            "Keeper ",
        ):
            if text.startswith(pre) and ctx["alone_in_group"]:
                return text[len(pre) :]
        return None
    if cls == "renamed_legacy":
        return rng.choice(p.legacy) if p.legacy else None
    if cls == "bare_plan":
        return rng.choice(p.bare) if p.bare and ctx["alone_in_group"] else None
    if cls == "in_house":
        return rng.choice(p.inhouse) if p.inhouse and ctx["alone_in_group"] else None
    if cls == "graph_sku":
        if not p.graph or "/" in p.graph or "(" in p.graph:
            return None
        return rng.choice([p.graph, f"{p.graph} licence", f"{p.graph} ({p.name})"][:2])
    if cls == "distributor_code":
        return p.code or None
    if cls == "spoken_number":
        return _spoken(text, rng)
    if cls == "context_only":
        return rng.choice(GENERIC_CONTEXT) if ctx["only_ms"] and p.ms else None
    if cls == "typo":
        words = text.split(" ")
        keys = set(p.key_words)
        idx = [
            i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w.lower() not in keys
        ]
        if not idx:
            return None
        i = rng.choice(idx)
        t = typo_word(rng, words[i])
        if not t:
            return None
        words[i] = t
        return " ".join(words)
    if cls == "case_punct":
        r = rng.randrange(4)
        if r == 0:
            return text.lower()
        if r == 1:
            return text.upper()
        if r == 2:
            t = re.sub(r"[()\[\],.]", "", text)
            return re.sub(r"\s+", " ", t).strip()
        return text.replace(" ", "  ", 1).replace("-", " - ")
    if cls == "plural":
        return _plural(text)
    if cls == "phonetic":
        hits = [w for w in PHONETIC if re.search(rf"\b{w}\b", text)]
        if not hits:
            return None
        w = rng.choice(hits)
        return re.sub(rf"\b{w}\b", rng.choice(PHONETIC[w]), text, count=1)
    if cls == "compound_hyphen":
        return _compound(text, rng)
    if cls == "billing_words":
        b = rng.choice(BILLING)
        return f"{text} {b}" if rng.random() < 0.8 else f"{b.strip('- ')}: {text}"
    if cls == "notes_reference":
        n = rng.choice(NOTES)
        return f"{text} {n}" if rng.random() < 0.7 else f"{text}\n{n}"
    if cls == "date_range":
        return f"{text} {rng.choice(DATES)}"
    if cls == "sentence":
        return rng.choice(SENTENCES).format(x=text, n=ctx["qty"])
    if cls == "unit_abbrev":
        return rng.choice(UNITS).format(x=text)
    if cls == "email_subject":
        return rng.choice(EMAIL).format(x=text)
    if cls == "hashtag_tags":
        return rng.choice(TAGS).format(x=text)
    if cls == "sync_fields":
        vendor = "Microsoft" if p.ms else p.name.split()[0]
        return rng.choice(SYNC).format(x=text, vendor=vendor, code=p.code or p.key.upper())
    if cls == "gl_account":
        return rng.choice(GL).format(x=text)
    if cls == "tax_marker":
        return rng.choice(TAX).format(x=text)
    if cls == "status_icon":
        return rng.choice(ICONS).format(x=text)
    if cls == "excel_artifact":
        return rng.choice([f"'{text}", f'="{text}"', f"{text}_x000D_", f'"{text}"'])
    if cls == "invisible_chars":
        ws = [m.start() for m in re.finditer(r" ", text)]
        r = rng.randrange(3)
        if r == 0 and ws:
            i = rng.choice(ws)
            return text[:i] + "\u00a0" + text[i + 1 :]
        if r == 1:
            m = re.search(r"[a-z]{6,}", text)
            if m:
                i = m.start() + 3
                return text[:i] + "\u00ad" + text[i:]
        return text + "\u200b" if rng.random() < 0.5 else "\ufeff" + text
    if cls == "homoglyph":
        m = [i for i, ch in enumerate(text) if ch in HOMO]
        if not m:
            return None
        i = rng.choice(m)
        return text[:i] + HOMO[text[i]] + text[i + 1 :]
    if cls == "fullwidth":
        if rng.random() < 0.5:
            return _fullwidth(text)
        parts = text.split(" ", 1)
        return _fullwidth(parts[0]) + (" " + parts[1] if len(parts) > 1 else "")
    raise ValueError(cls)


def perturb_description(
    rng, p: Product, basket: set[str], qty: int, only_ms: bool, allow_sentence=True
):
    """Return (text, classes). About a third of lines use only the common classes."""
    ctx = {
        "alone_in_group": sum(1 for k in basket if BY_KEY[k].group == p.group) <= 1,
        "only_ms": only_ms,
        "qty": qty,
    }
    others = [BY_KEY[k] for k in basket if k != p.key]
    clean = p.name
    pool = COMMON if rng.random() < 0.34 else NOVEL + ["abbreviation", "typo", "billing_words"]
    k = rng.choices([1, 2, 3], [0.45, 0.38, 0.17])[0]
    chosen = []
    stages_used = set()
    for _ in range(12):
        if len(chosen) >= k:
            break
        cls = rng.choice(pool)
        if cls in chosen or (STAGE[cls] in stages_used and STAGE[cls] != 2):
            continue
        if cls in STRUCTURAL and any(c in STRUCTURAL for c in chosen):
            continue  # one sentence / e-mail subject / sync path / GL path / tag frame per line
        if cls == "sentence" and not allow_sentence:
            continue
        chosen.append(cls)
        stages_used.add(STAGE[cls])
    chosen.sort(key=lambda c: STAGE[c])
    text, classes = clean, []
    for cls in chosen:
        new = apply(rng, cls, text, p, ctx)
        if new is None or new == text:
            continue
        # honesty: a perturbation must never bring in all the words of another product of this client
        nw = words_of(new)
        bad = False
        for q in others:
            qw = words_of(q.name)
            if qw <= nw and not qw <= words_of(text):
                bad = True
        if bad:
            continue
        text = new
        classes.append(cls)
    return text, classes


SERVICE_CLASSES = ["case_punct", "notes_reference", "status_icon", "typo"]


def perturb_service(rng, text: str):
    if rng.random() < 0.5:
        return text, []
    cls = rng.choice(SERVICE_CLASSES)
    dummy = Product("svc", text, "svc", "0", "0", ms=False)
    new = apply(rng, cls, text, dummy, {"alone_in_group": True, "only_ms": False, "qty": 1})
    if not new or new == text:
        return text, []
    return new, [cls]
