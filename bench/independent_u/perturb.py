"""Perturbation vocabulary of set U: how people, catalogues and integrations spell PSA lines and names.

Every function takes (text, ctx) and returns the new text, or None when it does not apply.
ctx: rng, product (catalog.Product), client (dict), qty, price (str), currency, others (product keys
of the client). A class is recorded only when the returned text differs from the input.
"""

from __future__ import annotations

import json
import re
import unicodedata

from .names import fold

# ------------------------------------------------------------------ helpers


def _words(t):
    return t.split(" ")


def _free_word_idx(text, ctx, minlen=5):
    """indices of words that may be damaged: alphabetic, long, not a discriminator."""
    p = ctx["product"]
    prot = {w.lower() for w in p.words if len(w) < 5 or any(ch.isdigit() for ch in w)}
    prot |= {"teams", "no", "pro", "plan", "core", "lt", "e3", "e5", "e1", "f3", "p1", "p2"}
    out = []
    for i, w in enumerate(_words(text)):
        if len(w) >= minlen and w.isalpha() and w.lower() not in prot:
            out.append(i)
    return out


def _mutate_word(text, ctx, fn, minlen=5):
    idx = _free_word_idx(text, ctx, minlen)
    if not idx:
        return None
    ws = _words(text)
    i = ctx["rng"].choice(idx)
    new = fn(ws[i])
    if not new or new == ws[i]:
        return None
    ws[i] = new
    return " ".join(ws)


# ------------------------------------------------------------------ common classes (about a third)


def abbreviation(t, ctx):
    p = ctx["product"]
    return p.short + ctx["rng"].choice(["", "", " lic", " (user)"]) if p.short else None


def brand_dropped(t, ctx):
    p = ctx["product"]
    if p.key in ("dropsuite", "keeper", "proofpoint", "ringcentral"):
        return None
    if t.startswith("Microsoft 365 Business") or t.startswith("Microsoft 365 Apps"):
        return t.replace("Microsoft ", "", 1)
    if t.startswith("Microsoft ") and not t.startswith("Microsoft 365"):
        return t[len("Microsoft ") :]
    if not p.ms and len(t.split()) >= 3:
        return t.split(" ", 1)[1]
    return None


def typo(t, ctx):
    rng = ctx["rng"]

    def f(w):
        i = rng.randrange(1, len(w) - 1)
        op = rng.choice("sdrt")
        if op == "s":
            return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        if op == "d":
            return w[:i] + w[i + 1 :]
        if op == "r":
            return w[:i] + w[i] + w[i:]
        return w[:i] + rng.choice("aeiounrst") + w[i + 1 :]

    return _mutate_word(t, ctx, f)


def billing_words(t, ctx):
    rng = ctx["rng"]
    return rng.choice(
        [
            "{} - Monthly Subscription",
            "{} licence (per seat)",
            "Recurring: {}",
            "{} - monthly per user",
            "{} Lizenz monatlich",
            "{} [NCE 1M]",
        ]
    ).format(t)


def case_punct(t, ctx):
    rng = ctx["rng"]
    opts = [
        t.lower(),
        t.upper(),
        t.replace(" (", "(").replace(")", ") ").strip(),
        re.sub(r" ", "  ", t, count=1),
    ]
    return rng.choice(opts)


def legacy_name(t, ctx):
    return ctx["product"].legacy or None


def bare_plan(t, ctx):
    p = ctx["product"]
    if not p.bare:
        return None
    # a bare plan must not be the bare plan of another product of the same client
    return p.bare


# ------------------------------------------------------------------ new classes of set U


def price_change_note(t, ctx):
    rng = ctx["rng"]
    now = ctx["price"]
    was = f"{float(now) * rng.choice([0.9, 0.95, 0.96]):.2f}"
    return rng.choice(
        [
            "{t} (was {was}, now {now})",
            "{t} – new price {now} from 01/11 (old {was})",
            "{t} *price uplift {was}->{now}*",
        ]
    ).format(t=t, was=was, now=now)


def chat_paste(t, ctx):
    rng = ctx["rng"]
    who = rng.choice(["Jo B", "Marta K.", "Dev (NOC)", "Sam", "Priya R"])
    hh, mm = rng.randrange(7, 19), rng.randrange(60)
    return rng.choice(
        [
            f"[{hh:02d}:{mm:02d}] {who}: • {t}",
            f"• {t} ✅",
            f"{who}, {hh:02d}:{mm:02d}\n{t} 👍",
            f"✔️ {t} — as agreed on Teams",
        ]
    )


def bidi_marks(t, ctx):
    return (
        ctx["rng"]
        .choice(["\u202b{}\u202c", "\u200f{}\u200f", "\u2067{}\u2069", "\u202e\u202c{}"])
        .format(t)
    )


DEPTS = [
    "Buchhaltung",
    "Vertrieb",
    "Comptabilité",
    "Direction",
    "Ventas",
    "Contabilidad",
    "Inköp",
    "Ekonomi",
    "Magazzino",
    "Boekhouding",
    "Receptie",
    "経理部",
    "営業部",
    "Księgowość",
    "Kundeservice",
    "Talous",
]


def dept_foreign(t, ctx):
    rng = ctx["rng"]
    d = rng.choice(DEPTS)
    cc = rng.randrange(1000, 9999)
    return rng.choice(
        ["{t} – {d}", "{t} ({d})", "{t} / KST {cc} {d}", "{d}: {t}", "{t} [CC{cc}-{d}]"]
    ).format(t=t, d=d, cc=cc)


def keyboard_layout(t, ctx):
    rng = ctx["rng"]

    def f(w):
        if ("y" in w or "z" in w) and rng.random() < 0.7:  # QWERTZ
            return w.translate(str.maketrans("yzYZ", "zyZY"))
        if "a" in w or "q" in w:  # AZERTY
            return w.translate(str.maketrans("aqAQ", "qaQA"))
        return None

    return _mutate_word(t, ctx, f)


def ocr_misread(t, ctx):
    rng = ctx["rng"]

    def f(w):
        subs = [
            ("m", "rn"),
            ("o", "0"),
            ("l", "1"),
            ("d", "cl"),
            ("O", "0"),
            ("I", "l"),
            ("e", "c"),
        ]
        rng.shuffle(subs)
        for a, b in subs:
            if a in w[1:]:
                i = w.index(a, 1)
                return w[:i] + b + w[i + 1 :]
        return None

    return _mutate_word(t, ctx, f)


def unfilled_template(t, ctx):
    return (
        ctx["rng"]
        .choice(
            [
                "{{{{CompanyName}}}} - {}",
                "{} for [Client Name]",
                "%QTY% x {}",
                "{} <<Agreement.Name>>",
                "{} — ${{period_start}} to ${{period_end}}",
            ]
        )
        .format(t)
    )


def provenance_note(t, ctx):
    rng = ctx["rng"]
    src = rng.choice(
        [
            "GoDaddy",
            "Rackspace",
            "Telstra",
            "previous IT provider",
            "Google Workspace",
            "direct MS billing",
            "Pax8 transfer",
            "1&1 IONOS",
        ]
    )
    return rng.choice(
        ["{t} (migrated from {s})", "{t} – ex {s}", "{t} [transferred from {s} 03/26]"]
    ).format(t=t, s=src)


def assigned_vs_purchased(t, ctx):
    q = ctx["qty"]
    a = max(q - ctx["rng"].randrange(0, 3), 0)
    return (
        ctx["rng"]
        .choice(["{t} ({a} assigned / {q} purchased)", "{t} - {a}/{q} in use"])
        .format(t=t, a=a, q=q)
    )


def pasted_url(t, ctx):
    p = ctx["product"]
    s = re.sub(r"[^a-z0-9]+", "-", fold(p.name).lower()).strip("-")
    if p.ms:
        area = "business" if "Business" in p.name else "enterprise"
        return ctx["rng"].choice(
            [
                f"https://www.microsoft.com/en-gb/microsoft-365/{area}/{s}",
                f"microsoft.com/{s}?market=de",
            ]
        )
    dom = re.sub(r"[^a-z0-9]", "", p.publisher.lower().split()[0]) + ".com"
    return f"https://www.{dom}/products/{s}"


def json_blob(t, ctx):
    rng = ctx["rng"]
    d = (
        {"item": t, "uom": "user", "term": rng.choice(["P1M", "monthly"])}
        if rng.random() < 0.5
        else {"name": t, "qty": ctx["qty"]}
    )
    return json.dumps(d, ensure_ascii=False)


def delimited_leftover(t, ctx):
    rng = ctx["rng"]
    return rng.choice(
        ["{t};Monthly;{q}", "{t}|EA|{q}", "{t}\tuser\tmonthly", '"{t}","Licensing"']
    ).format(t=t, q=ctx["qty"])


def mid_ellipsis(t, ctx):
    ws = t.split()
    if len(ws) < 4:
        return None
    keep_tail = 2 if len(ws) > 4 else 2
    new = " ".join(ws[:1]) + " … " + " ".join(ws[-keep_tail:])
    removed = {w.lower() for w in ws[1:-keep_tail]}
    prot = {w.lower() for w in ctx["product"].words}
    if removed & prot or any(any(c.isdigit() for c in w) and w != "365" for w in removed):
        return None
    return new


def word_broken(t, ctx):
    rng = ctx["rng"]

    def f(w):
        if len(w) < 7:
            return None
        i = rng.randrange(3, len(w) - 2)
        return w[:i] + " " + w[i:]

    return _mutate_word(t, ctx, f, 7)


LEARNER = {
    "Standard": "Standart",
    "Business": "Bussiness",
    "Premium": "Premiun",
    "Professional": "Profesional",
    "Security": "Securiti",
    "Enterprise": "Enterprice",
    "Archiving": "Archivation",
    "Exchange": "Exchanche",
    "Microsoft": "Mircosoft",
    "Essentials": "Essencials",
    "Complete": "Komplete",
    "Protect": "Protekt",
    "Singularity": "Singularety",
}


def learner_spelling(t, ctx):
    for a, b in LEARNER.items():
        if re.search(rf"\b{a}\b", t):
            return re.sub(rf"\b{a}\b", b, t, count=1)
    return None


def stutter(t, ctx):
    ws = t.split()
    if len(ws) < 2:
        return None
    i = ctx["rng"].randrange(len(ws) - 1)
    if any(ch.isdigit() for ch in ws[i]) and ws[i] != "365":
        return None
    ws.insert(i, ws[i])
    return " ".join(ws)


def replacement_chars(t, ctx):
    rng = ctx["rng"]
    suffix = rng.choice(
        [
            " – Lizenz für Büro",
            " – licença mensal",
            " – Nutzer/Monat ä",
            " – användare/mån",
            " – abonnement très utile",
        ]
    )
    s = t + suffix
    return "".join(ch if ord(ch) < 128 else "?" for ch in s)


def no_teams_wording(t, ctx):
    p = ctx["product"]
    if "no Teams" not in p.name:
        return None
    base = p.name.replace(" EEA (no Teams)", "").replace(" (no Teams)", "")
    return (
        ctx["rng"]
        .choice(
            [
                "{} w/o Teams",
                "{} ohne Teams",
                "{} EEA",
                "{} NT",
                "{} - Teams excluded",
                "{} sans Teams",
                "{} (unbundled, no MS Teams)",
            ]
        )
        .format(base)
    )


def cancellation_clause(t, ctx):
    return (
        ctx["rng"]
        .choice(
            [
                "{} – NCE: no cancellation after 7 days",
                "{} (non-refundable after 168h)",
                "{} / reductions only at renewal",
                "{} - 12 mo commitment, no early exit",
            ]
        )
        .format(t)
    )


SLASH = {
    "Microsoft": "M/S",
    "Business": "Bus",
    "Premium": "Prem",
    "Standard": "Std",
    "Exchange": "Exch",
    "Online": "Onl",
    "Enterprise": "Ent",
    "Security": "Sec",
    "Defender": "Def",
    "Archiving": "Arch",
    "Professional": "Prof",
    "Customer": "Cust",
    "Service": "Svc",
}


def slash_abbrev(t, ctx):
    ws = t.split()
    if not any(w in SLASH for w in ws):
        return None
    out = []
    for w in ws:
        out.append(SLASH.get(w, w))
    s = " ".join(out)
    s = re.sub(r"\b(Bus|Exch|Def|Cust) (\w+)", r"\1/\2", s)
    return s if s != t else None


def sync_stamp(t, ctx):
    rng = ctx["rng"]
    return rng.choice(
        [
            "{t} [auto 2026-11-01 03:{m:02d} UTC]",
            "{t} (synced - do not edit)",
            "{t} ~~managed by integration~~",
            "{t} #sync:ok",
        ]
    ).format(t=t, m=rng.randrange(60))


def trademark_marks(t, ctx):
    brand = ctx["product"].name.split()[0]
    if brand not in t or len(t.split()) < 2:
        return None
    return t.replace(brand, brand + ctx["rng"].choice(["®", "™", "(R)"]), 1)


def literal_quotes(t, ctx):
    return ctx["rng"].choice(['"{}"', "''{}''", "“{}”", '""{}""', "„{}“"]).format(t)


def msft_slang(t, ctx):
    if "Microsoft" not in t:
        return None
    return t.replace("Microsoft", ctx["rng"].choice(["M$", "Micro$oft", "MS$"]), 1)


def item_type_prefix(t, ctx):
    return (
        ctx["rng"]
        .choice(["NON-INV | {}", "SUB- {}", "Svc/Lic: {}", "[NI] {}", "RECUR > {}"])
        .format(t)
    )


def correction_note(t, ctx):
    rng = ctx["rng"]
    q = ctx["qty"]
    old = q + rng.choice([-2, -1, 1, 2, 3])
    return rng.choice(
        ["{t} (qty adj. from {o}, tkt {k})", "{t} – corrected {o}→{q}", "{t} [true-up; prev {o}]"]
    ).format(t=t, o=max(old, 1), q=q, k=rng.randrange(40000, 99999))


def anniversary_note(t, ctx):
    rng = ctx["rng"]
    d, m = rng.randrange(1, 29), rng.choice(["Jan", "Mar", "Apr", "Jun", "Sep", "Oct"])
    return rng.choice(
        ["{t} – renews {d} {m}", "{t} (anniv. {d:02d}/{mm:02d})", "{t}; term end {d}-{m}-27"]
    ).format(t=t, d=d, m=m, mm=rng.randrange(1, 13))


DESC_CLASSES = {
    # common
    "abbreviation": abbreviation,
    "brand_dropped": brand_dropped,
    "typo": typo,
    "billing_words": billing_words,
    "case_punct": case_punct,
    "legacy_name": legacy_name,
    "bare_plan": bare_plan,
    # new in set U
    "price_change_note": price_change_note,
    "chat_paste": chat_paste,
    "bidi_marks": bidi_marks,
    "dept_foreign": dept_foreign,
    "keyboard_layout": keyboard_layout,
    "ocr_misread": ocr_misread,
    "unfilled_template": unfilled_template,
    "provenance_note": provenance_note,
    "assigned_vs_purchased": assigned_vs_purchased,
    "pasted_url": pasted_url,
    "json_blob": json_blob,
    "delimited_leftover": delimited_leftover,
    "mid_ellipsis": mid_ellipsis,
    "word_broken": word_broken,
    "learner_spelling": learner_spelling,
    "stutter": stutter,
    "replacement_chars": replacement_chars,
    "no_teams_wording": no_teams_wording,
    "cancellation_clause": cancellation_clause,
    "slash_abbrev": slash_abbrev,
    "sync_stamp": sync_stamp,
    "trademark_marks": trademark_marks,
    "literal_quotes": literal_quotes,
    "msft_slang": msft_slang,
    "item_type_prefix": item_type_prefix,
    "correction_note": correction_note,
    "anniversary_note": anniversary_note,
}
COMMON_DESC = [
    "abbreviation",
    "brand_dropped",
    "typo",
    "billing_words",
    "case_punct",
    "legacy_name",
    "bare_plan",
]
# classes that replace the whole spelling (applied first, at most one); the rest decorate
REPLACING = {"abbreviation", "legacy_name", "bare_plan", "pasted_url", "no_teams_wording"}
# wrappers that must come last (they quote or encode the whole text)
# classes that damage words: at most one per line, never on top of a replaced spelling
DAMAGING = {
    "typo",
    "keyboard_layout",
    "ocr_misread",
    "learner_spelling",
    "word_broken",
    "mid_ellipsis",
    "slash_abbrev",
    "brand_dropped",
}
LAST = {
    "json_blob",
    "literal_quotes",
    "bidi_marks",
    "delimited_leftover",
    "chat_paste",
    "replacement_chars",
}


def bare_conflict(p, others):
    """a bare plan or abbreviation is unsafe when a look-alike of the client shares its words."""
    from .catalog import BY_KEY

    b = fold(p.bare).lower()
    for k in others:
        if k == p.key:
            continue
        o = BY_KEY[k]
        ob = fold(o.bare).lower()
        if ob and (ob in b or b in ob):
            return True
    return False


def perturb_description(text, ctx):
    """returns (new_text, classes). About a third of perturbed lines use a common class."""
    rng = ctx["rng"]
    p = ctx["product"]
    classes = []
    n = rng.choice([1, 1, 1, 2, 2, 3])
    pool_new = [c for c in DESC_CLASSES if c not in COMMON_DESC]
    picks = []
    for _ in range(n):
        if rng.random() < 0.27:
            picks.append(rng.choice(COMMON_DESC))
        else:
            picks.append(rng.choice(pool_new))
    if "no Teams" in p.name and rng.random() < 0.6:
        picks.insert(0, "no_teams_wording")
    picks = list(dict.fromkeys(picks))
    rep = [c for c in picks if c in REPLACING][:1]
    mid = [c for c in picks if c not in REPLACING and c not in LAST]
    last = [c for c in picks if c in LAST][:1]
    cur = text
    damaged = False
    for c in rep + mid + last:
        if c in DAMAGING and (damaged or classes and classes[0] in REPLACING):
            continue
        if c in ("bare_plan", "abbreviation") and bare_conflict(p, ctx["others"]):
            continue
        if c == "bare_plan" and "no Teams" in p.name:
            continue
        if c in ("abbreviation", "bare_plan") and "no Teams" in p.name:
            continue
        new = DESC_CLASSES[c](cur, ctx)
        if new and new != cur:
            cur = new
            classes.append(c)
            damaged = damaged or c in DAMAGING
    return cur, classes


# ------------------------------------------------------------------ client names

LEGAL_VARIANTS = {
    "LLC": ["L.L.C.", "Limited Liability Company", "LLC."],
    "Inc.": ["Inc", "Incorporated", ", Inc."],
    "Ltd": ["Limited", "Ltd."],
    "Limited": ["Ltd", "Ltd."],
    "Pty Ltd": ["Pty. Ltd.", "Proprietary Limited", "P/L"],
    "GmbH": ["Gesellschaft mbH", "G.m.b.H."],
    "GmbH & Co. KG": ["GmbH&Co.KG", "GmbH u. Co. KG"],
    "B.V.": ["BV", "B.V"],
    "SARL": ["S.A.R.L.", "Sàrl"],
    "SAS": ["S.A.S.", "SAS."],
    "S.L.": ["SL", "Sociedad Limitada"],
    "AB": ["Aktiebolag", "AB."],
    "AS": ["A/S", "A.S."],
    "ApS": ["Aps", "APS"],
    "Oy": ["OY", "Osakeyhtiö"],
    "Corp.": ["Corporation", "Corp"],
    "Ltd.": ["Limited", "Ltd"],
    "sp. z o.o.": ["Sp. z o.o.", "spółka z o.o."],
    "S.r.l.": ["SRL", "s.r.l."],
    "Co., Ltd.": ["Co Ltd", "Company Limited"],
    "Pvt. Ltd.": ["Private Limited", "P. Ltd.", "Pvt Ltd"],
    "Private Limited": ["Pvt. Ltd.", "(P) Ltd"],
    "Ltda.": ["Ltda", "Limitada"],
    "Ltda. - ME": ["Ltda.", "Ltda ME"],
    "EIRELI": ["Ltda.", "- EIRELI (now SLU)"],
    "AB (publ)": ["AB", "AB publ"],
    "S.A. de C.V.": ["SA de CV", "S.A. DE C.V."],
    "inc.": ["Inc.", "incorporée"],
    "ltée": ["Ltd.", "limitée"],
    "PLLC": ["P.L.L.C."],
    "P.C.": ["PC", "Professional Corporation"],
    "Pty Ltd ATF Family Trust": ["Pty Ltd", "ATF Family Trust"],
    "LLP": ["L.L.P."],
    "plc": ["PLC", "Public Limited Company"],
    "AG": ["A.G.", "Aktiengesellschaft"],
}


def c_legal_dropped(c, name, rng):
    return c["core"] if name.endswith(c["legal"]) else None


def c_legal_variant(c, name, rng):
    v = LEGAL_VARIANTS.get(c["legal"])
    if not v or not name.endswith(c["legal"]):
        return None
    nv = rng.choice(v)
    return name[: -len(c["legal"])].rstrip() + ("" if nv.startswith(",") else " ") + nv


def c_typo(c, name, rng):
    ws = name.split(" ")
    idx = [i for i, w in enumerate(ws) if len(w) >= 6 and w.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    w = ws[i]
    j = rng.randrange(1, len(w) - 2)
    ws[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(ws)


def c_case(c, name, rng):
    return rng.choice([name.upper(), name.lower(), name.title()])


def c_accents(c, name, rng):
    n = fold(name)
    return n if n != name else None


def c_ampersand(c, name, rng):
    if " & " in name:
        return name.replace(" & ", rng.choice([" and ", " + ", "&"]), 1)
    if name.startswith("The "):
        return name[4:]
    return None


CONNECTOR = {
    "DE": " und ",
    "AT": " u. ",
    "FR": " et ",
    "CAfr": " et ",
    "ES": " y ",
    "MX": " y ",
    "IT": " e ",
    "NL": " en ",
    "SE": " och ",
    "NO": " og ",
    "DK": " og ",
    "PL": " i ",
    "FI": " ja ",
    "BR": " e ",
}


def c_local_connector(c, name, rng):
    if " & " not in name or c["country"] not in CONNECTOR:
        return None
    return name.replace(" & ", CONNECTOR[c["country"]], 1)


def c_internal_prefix(c, name, rng):
    return rng.choice(
        ["ZZ-OLD-{}", "[MANAGED] {}", "~{}", "!VIP {}", "{} [CSP]", "_{}", "MSA-{}"]
    ).format(name)


def c_account_status(c, name, rng):
    return rng.choice(
        [
            "{} (CREDIT HOLD)",
            "{} - ON STOP",
            "{} (COD only)",
            "{} *pay by card*",
            "{} (Mahnstufe 2)",
        ]
    ).format(name)


def c_branch_registration(c, name, rng):
    br = {
        "DE": "Zweigniederlassung Wien",
        "AT": "Zweigniederlassung München",
        "FR": "Succursale de Bruxelles",
        "UK": "UK Branch",
        "IE": "Irish Branch",
        "SE": "filial Norge",
        "NL": "Nederlandse vestiging",
        "ES": "Sucursal en Portugal",
        "US": "(Delaware)",
        "AU": "(NSW branch)",
    }.get(c["country"])
    if not br:
        return None
    return f"{name} {br}"


def c_publ(c, name, rng):
    if c["legal"] == "AB":
        return name + " (publ)"
    return None


def c_india_pvt(c, name, rng):
    if c["country"] != "IN":
        return None
    return (
        c["core"] + " " + rng.choice(["Pvt. Ltd.", "Private Limited", "(P) Ltd.", "Pvt Ltd"])
        if c["legal"] != "LLP"
        else None
    )


def c_brazil(c, name, rng):
    if c["country"] != "BR":
        return None
    return c["core"] + " " + rng.choice(["Ltda - ME", "EIRELI", "Ltda. EPP", "LTDA"])


def c_kk_form(c, name, rng):
    if c["country"] != "JP":
        return None
    r = c["romaji"] if c["core"] == c["romaji"] else c["english"]
    return rng.choice([f"K.K. {r}", f"{r} Kabushiki Kaisha", f"{r} KK", f"Kabushiki Kaisha {r}"])


def c_native(c, name, rng):
    if "native" not in c:
        return None
    nat = c["native"]
    if c["country"] == "JP":
        return rng.choice([f"株式会社{nat} ({c['core']})", f"{nat}株式会社 / {c['core']}"])
    if c["country"] == "KR":
        return rng.choice(
            [f"(주){nat} {c['core']}", f"{c['core']} ㈜{nat}", f"주식회사 {nat} ({c['core']})"]
        )
    return f"{nat}有限公司 ({c['core']})"


def c_llc_spelled(c, name, rng):
    if c["legal"] not in ("LLC", "PLLC"):
        return None
    return name[: -len(c["legal"])] + rng.choice(
        ["Limited Liability Co.", "L.L.C", "Ltd. Liability Co."]
    )


def c_tagline(c, name, rng):
    return rng.choice(
        [
            "{} – Your Local Experts",
            "{} | Since forever",
            "{} - quality you can trust",
            "{} (the friendly team)",
        ]
    ).format(name)


def c_ligature(c, name, rng):
    for a, b in (("ffi", "ﬃ"), ("ffl", "ﬄ"), ("fi", "ﬁ"), ("fl", "ﬂ"), ("ff", "ﬀ")):
        if a in name:
            return name.replace(a, b)
    return None


def c_group_membership(c, name, rng):
    if c.get("family"):
        return None
    return rng.choice(
        [
            "{} (part of Northwind Care Group)",
            "{} – a Harwell Group company",
            "{} [Member of Alpine Partners]",
        ]
    ).format(name)


def c_billing_instruction(c, name, rng):
    return rng.choice(
        [
            "{} [PO REQUIRED]",
            "{} - invoices to Head Office",
            "{} (email inv. to AP only)",
            "{} / Rechnung an Zentrale",
            "{} (réf. bon de commande obligatoire)",
        ]
    ).format(name)


def c_year_entity(c, name, rng):
    if c.get("family") or not name.endswith(c["legal"]):
        return None
    return f"{c['core']} ({rng.choice([2018, 2019, 2021, 2023])}) {c['legal']}"


NAME_CLASSES = {
    "legal_dropped": c_legal_dropped,
    "legal_variant": c_legal_variant,
    "name_typo": c_typo,
    "name_case": c_case,
    "accents_stripped": c_accents,
    "ampersand_and": c_ampersand,
    "local_connector": c_local_connector,
    "internal_prefix": c_internal_prefix,
    "account_status_tag": c_account_status,
    "branch_registration": c_branch_registration,
    "publ_marker": c_publ,
    "india_pvt": c_india_pvt,
    "brazil_forms": c_brazil,
    "kk_form": c_kk_form,
    "native_with_romanised": c_native,
    "llc_spelled": c_llc_spelled,
    "tagline": c_tagline,
    "pdf_ligature": c_ligature,
    "group_membership": c_group_membership,
    "billing_instruction": c_billing_instruction,
    "year_entity": c_year_entity,
}
COMMON_NAME = [
    "legal_dropped",
    "legal_variant",
    "name_typo",
    "name_case",
    "accents_stripped",
    "ampersand_and",
]
FAMILY_SAFE = [
    "internal_prefix",
    "account_status_tag",
    "billing_instruction",
    "legal_variant",
    "name_case",
    "tagline",
]
COUNTRY_FIRST = {
    "SE": "publ_marker",
    "IN": "india_pvt",
    "BR": "brazil_forms",
    "JP": "kk_form",
    "KR": "native_with_romanised",
    "CN": "native_with_romanised",
}


def perturb_name(c, name, rng):
    if c.get("family"):
        pool = FAMILY_SAFE
    else:
        pool = list(NAME_CLASSES)
    picks = []
    if c["country"] in COUNTRY_FIRST and rng.random() < 0.6:
        picks.append(COUNTRY_FIRST[c["country"]])
        if c["country"] == "JP" and rng.random() < 0.5:
            picks[-1] = "native_with_romanised"
    for _ in range(rng.choice([1, 1, 2])):
        if rng.random() < 0.33:
            picks.append(rng.choice([x for x in COMMON_NAME if x in pool] or pool))
        else:
            picks.append(rng.choice([x for x in pool if x not in COMMON_NAME]))
    picks = list(dict.fromkeys(picks))
    # legal-form changes first, decorations after
    order = [
        "kk_form",
        "native_with_romanised",
        "india_pvt",
        "brazil_forms",
        "year_entity",
        "legal_dropped",
        "legal_variant",
        "llc_spelled",
        "publ_marker",
    ]
    picks.sort(key=lambda x: order.index(x) if x in order else 99)
    cur, classes = name, []
    for cl in picks:
        if (
            cl in ("name_typo", "name_case")
            and c.get("native")
            and "native_with_romanised" in classes
        ):
            continue
        if cl in (
            "legal_dropped",
            "legal_variant",
            "llc_spelled",
            "publ_marker",
            "year_entity",
        ) and not cur.endswith(c["legal"]):
            continue
        new = NAME_CLASSES[cl](c, cur, rng)
        if new and new != cur:
            cur, classes = new, classes + [cl]
    return cur, classes
