"""How people type client names and product descriptions into a PSA (evaluation set M's vocabulary)."""

from __future__ import annotations

import re

from . import catalog as C

# ---------------------------------------------------------------- client names
SUFFIX_TYPO = {
    "LLC": ["LLLC", "LCC", "L.L.C"],
    "Inc.": ["Inc,", "Icn.", "Inc.."],
    "Corp.": ["Crop.", "Corp,"],
    "Ltd": ["Ltd.", "Lt'd", "Lmt"],
    "Limited": ["Limietd", "Limted", "Limitd"],
    "LLP": ["L.L.P", "LPP"],
    "plc": ["PLC.", "p.l.c"],
    "GmbH": ["GmBH", "Gmbh.", "GbmH"],
    "GmbH & Co. KG": ["GmbH & Co KG", "GmbH&Co.KG"],
    "AG": ["A.G."],
    "e.K.": ["eK"],
    "AS": ["A.S.", "A/S"],
    "ASA": ["A.S.A."],
    "ApS": ["Aps", "A.p.S."],
    "A/S": ["AS", "A-S"],
    "SARL": ["S.A.R.L.", "Sàrl"],
    "SAS": ["S.A.S."],
    "SA": ["S.A."],
    "Pty Ltd": ["Pty. Ltd", "PTY LTD.", "Pty Lte"],
    "Pty. Ltd.": ["Pty Ltd", "P/L"],
    "Ltd.": ["Ltd", "Ltée"],
    "B.V.": ["BV", "B.V"],
    "N.V.": ["NV"],
    "PLLC": ["P.L.L.C."],
}
SUFFIX_EXPAND = {
    "LLC": "Limited Liability Company",
    "Inc.": "Incorporated",
    "Corp.": "Corporation",
    "Ltd": "Limited",
    "Ltd.": "Limited",
    "Limited": "Ltd",
    "GmbH": "Gesellschaft mbH",
    "Pty Ltd": "Proprietary Limited",
    "Pty. Ltd.": "Proprietary Limited",
    "B.V.": "Besloten Vennootschap",
    "AS": "Aksjeselskap",
    "ApS": "Anpartsselskab",
    "SARL": "Société à responsabilité limitée",
    "plc": "Public Limited Company",
    "PLLC": "Professional LLC",
    "AG": "Aktiengesellschaft",
}
WORD_ABBR = {
    "Management": ["Mgmt", "Mngmt", "Mgt."],
    "Services": ["Svcs", "Scvs", "Srvcs", "Svc."],
    "Accounting": ["Acctg", "Acct."],
    "Engineering": ["Eng.", "Engg"],
    "Construction": ["Constr.", "Const"],
    "Medical": ["Med.", "Mdcl"],
    "Insurance": ["Ins.", "Insur."],
    "Center": ["Ctr", "Cntr"],
    "Brothers": ["Bros.", "Bros"],
    "Company": ["Co.", "Co"],
    "Partners": ["Ptnrs", "Prtnrs"],
    "Physical": ["Phys."],
    "Therapy": ["Ther."],
    "Veterinary": ["Vet", "Vet."],
    "Financial": ["Fin.", "Finl"],
    "Manufacturing": ["Mfg", "Mfg."],
    "Associates": ["Assoc."],
    "Electrical": ["Elec.", "Electric"],
    "Contractors": ["Contr.", "Contractrs"],
    "Maintenance": ["Maint."],
    "Hospital": ["Hosp."],
    "Consultants": ["Consult.", "Cnsltnts"],
    "Advisory": ["Adv."],
    "Supply": ["Sply", "Supp."],
    "Dentistry": ["Dent."],
    "Logistics": ["Logist."],
    "Wealth": ["Wlth"],
    "Planning": ["Plng"],
    "Health": ["Hlth"],
    "Holdings": ["Hldgs", "Hldg"],
    "Enterprises": ["Ent.", "Entrprs"],
    "Investments": ["Invest.", "Inv."],
    "Verwaltung": ["Verw."],
    "Steuerberatung": ["StB", "Steuerber."],
    "Maschinenbau": ["Masch.bau"],
}
COUNTRY_NAMES = {
    "US": "USA",
    "UK": "United Kingdom",
    "DE": "Deutschland",
    "NO": "Norge",
    "DK": "Danmark",
    "FR": "France",
    "AU": "Australia",
    "CA": "Canada",
    "NL": "Nederland",
}
GENERIC_WORDS = {
    "Group",
    "Services",
    "Company",
    "Agency",
    "Clinic",
    "Center",
    "Partners",
    "Brokers",
}
FOLD = {
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "ß": "ss",
    "å": "aa",
    "Å": "Aa",
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "Ü": "Ue",
    "é": "e",
    "É": "E",
    "è": "e",
    "ê": "e",
    "ç": "c",
    "à": "a",
    "â": "a",
    "î": "i",
    "ô": "o",
    "û": "u",
}
FOLD_ALT = {"ø": "oe", "æ": "a", "ß": "s", "å": "a", "ä": "a", "ö": "o", "ü": "u"}


def _typo(r, w):
    if len(w) < 4:
        return w
    i = r.randrange(1, len(w) - 1)
    op = r.randrange(4)
    if op == 0:
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]  # swap
    if op == 1:
        return w[:i] + w[i + 1 :]  # drop
    if op == 2:
        return w[:i] + w[i] + w[i:]  # double
    near = {
        "a": "s",
        "e": "r",
        "i": "o",
        "o": "i",
        "n": "m",
        "m": "n",
        "r": "t",
        "t": "r",
        "s": "a",
        "l": "k",
        "u": "y",
        "c": "v",
    }
    ch = w[i].lower()
    return (
        w[:i] + near.get(ch, ch) + w[i + 1 :]
        if ch in near
        else w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    )


def client_variant(r, cl, clients):
    """One spelling of this client's name as the PSA holds it, and its classes."""
    words, form = list(cl.words), cl.form
    cls: list = []
    if r.random() < 0.30:
        return None, []  # typed exactly
    k = (
        len(cl.stem.split()) + 1
    )  # same stem and same first trade word: "Harbor Dental Group" / "Harbor Dental Lab"
    siblings = [
        o
        for o in clients
        if o is not cl
        and len(o.words) >= k <= len(cl.words)
        and o.words[: k - 1] == cl.words[: k - 1]
        and o.words[k - 1][:6].casefold() == cl.words[k - 1][:6].casefold()
    ]  # "Logistics" ~ "Logistic Services"
    initials = lambda ws: "".join(w[0].upper() for w in ws if w[0].isalpha())  # noqa: E731
    clash = any(initials(o.words) == initials(words) for o in clients if o is not cl)
    options = [
        "legal_suffix_typo",
        "legal_suffix_expanded",
        "legal_suffix_dropped",
        "name_typo",
        "case_punct",
    ]
    if any(w in WORD_ABBR for w in words):
        options += ["name_abbreviation"] * 2
    if not siblings and words[-1] in GENERIC_WORDS and len(words) > 2:
        options += ["generic_word_dropped"] * 2
    if cl.kind != "store":
        options += ["branch_suffix"]
    if "&" in " ".join(words) or " and " in " ".join(words):
        options += ["ampersand"]
    if any(ch in FOLD for ch in cl.name):
        options += ["letters_folded"] * 4 + ["mojibake"]
    if any("&" in w or "'" in w for w in words + cl.trading.split()):
        options += ["html_entity"]
    if cl.kind == "store":
        options = ["store_number"] * 4 + ["case_punct", "name_typo"]
    if cl.kind == "dba":
        options = ["dba_only"] * 3 + ["dba_both", "legal_suffix_typo"]
    if len(words) >= 2 and cl.kind in ("plain", "accent") and not siblings:
        options += ["word_order"]
    if cl.kind in ("plain", "accent", "sibling"):
        options += ["country_tag", "contact_in_name"]
    if len(words) >= 3 and cl.kind in ("plain", "accent") and not siblings and not clash:
        options += ["initialism"]
    n_cls = 2 if r.random() < 0.3 else 1
    chosen = []
    for _ in range(n_cls):
        c = r.choice(options)
        if (
            c not in chosen
            and not (c.startswith("legal_") and any(x.startswith("legal_") for x in chosen))
            and not (c.startswith("dba") and any(x.startswith("dba") for x in chosen))
        ):
            chosen.append(c)
    suffix = form
    tail = ""
    order = [
        "dba_only",
        "dba_both",
        "store_number",
        "generic_word_dropped",
        "name_abbreviation",
        "word_order",
        "ampersand",
        "name_typo",
        "legal_suffix_typo",
        "legal_suffix_expanded",
        "legal_suffix_dropped",
        "branch_suffix",
        "letters_folded",
        "case_punct",
        "html_entity",
        "mojibake",
        "initialism",
        "country_tag",
        "contact_in_name",
    ]
    chosen.sort(key=order.index)
    for c in chosen:
        before = (list(words), suffix, tail)
        if c == "legal_suffix_typo":
            suffix = r.choice(SUFFIX_TYPO.get(form, [form.upper()]))
        elif c == "legal_suffix_expanded":
            if form not in SUFFIX_EXPAND:
                continue
            suffix = SUFFIX_EXPAND[form]
        elif c == "legal_suffix_dropped":
            suffix = ""
        elif c == "name_typo":
            idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
            if not idx:
                continue
            i = r.choice(idx)
            words[i] = _typo(r, words[i])
        elif c == "name_abbreviation":
            idx = [i for i, w in enumerate(words) if w in WORD_ABBR]
            i = r.choice(idx)
            words[i] = r.choice(WORD_ABBR[words[i]])
        elif c == "generic_word_dropped":
            words = words[:-1]
        elif c == "branch_suffix":
            b = r.choice(C.BRANCHES)
            tail = r.choice([f" - {b}", f" ({b})", f":{b}", f" / {b}"])
        elif c == "store_number":
            i = words.index("Store")
            no = cl.store_no
            style = r.choice(
                [
                    f"#{no}",
                    f"Store #{no}",
                    f"No. {no}",
                    f"Store {no:03d}",
                    f"- {no}",
                    f"St {no}",
                    f"Location {no}",
                ]
            )
            words = words[:i] + style.split() + words[i + 2 :]
        elif c == "dba_only":
            words, suffix = cl.trading.split(), ""
        elif c == "dba_both":
            tail = r.choice([f" dba {cl.trading}", f" d/b/a {cl.trading}", f" (t/a {cl.trading})"])
        elif c == "letters_folded":
            tbl = FOLD if r.random() < 0.6 else {**FOLD, **FOLD_ALT}
            words = ["".join(tbl.get(ch, ch) for ch in w) for w in words]
            suffix = "".join(tbl.get(ch, ch) for ch in suffix)
        elif c == "case_punct":
            mode = r.randrange(3)
            if mode == 0:
                words = [w.upper() for w in words]
                suffix = suffix.upper()
            elif mode == 1:
                words = [w.lower() for w in words]
                suffix = suffix.lower()
            else:
                words = [w.replace(".", "").replace(",", "").replace("'", "") for w in words]
                suffix = suffix.replace(".", "").replace(",", "")
        elif c == "ampersand":
            words = [("and" if w == "&" else "&" if w == "and" else w) for w in words]
        elif c == "initialism":  # "Thames Valley Insurance Brokers plc" -> "TVIB plc"
            if any(x in chosen for x in ("branch_suffix", "word_order")):
                continue
            words = ["".join(w[0].upper() for w in words if w[0].isalpha())]
        elif c == "country_tag":
            tail = r.choice(
                [f" ({cl.country})", f" - {COUNTRY_NAMES[cl.country]}", f" [{cl.country}]"]
            )
        elif c == "contact_in_name":
            tail = r.choice(
                [
                    " (attn: Accounts Payable)",
                    " - c/o Office Manager",
                    " (Dr. Lee)",
                    " / billing contact M. Jensen",
                ]
            )
        elif c == "html_entity":  # web-app exports that leave entities in
            words = [w.replace("&", "&amp;").replace("'", "&#39;") for w in words]
        elif c == "mojibake":  # UTF-8 read as Windows-1252 somewhere upstream
            try:
                words = [w.encode("utf-8").decode("cp1252") for w in words]
            except UnicodeDecodeError:
                continue
        elif c == "word_order":
            # accounting systems that file by surname/keyword: "Dental Group, Harbor"
            k = len(cl.stem.split())
            words = words[k:] + [","] + words[:k]
        if (words, suffix, tail) != before:  # a class is recorded only when it changed the name
            cls.append(c)
    if not cls:
        return None, []
    name = " ".join(words).replace(" ,", ",")
    if suffix:
        name = (
            f"{name}, {suffix}" if (r.random() < 0.15 and "," not in name) else f"{name} {suffix}"
        )
    name = (name + tail).strip()
    if name == cl.name:
        return None, []
    return name, cls


# ---------------------------------------------------------------- product descriptions
BILLING_WORDS_AFTER = [
    " - per user",
    " Monthly Subscription",
    " Licence",
    " License",
    " (NCE)",
    " - Monthly",
    " /user/mo",
    " M2M",
    " - seats",
    " subscription (auto-renew)",
    " - user licenses",
    " [recurring]",
    " - 1 month term",
    " - 1 yr commitment, billed monthly",
    " (per seat)",
]
BILLING_WORDS_BEFORE = [
    "Licensing: ",
    "Subscription - ",
    "Recurring: ",
    "Lic - ",
    "Cloud: ",
    "NCE ",
    "MS Licence - ",
]
LOCALE_WORDS = [
    " Lizenz",
    " Abonnement",
    " lisens pr. bruker",
    " (mensuel)",
    " licentie p/m",
    " Nutzerlizenz",
    " pr. bruger/md.",
]
CASE_ABBR_MS = [
    ("Microsoft 365", "M365"),
    ("Microsoft", "MS"),
    ("Office 365", "O365"),
    ("Business", "Bus."),
    ("Standard", "Std"),
    ("Premium", "Prem"),
]


def _discriminating(tok):
    t = tok.lower().strip("()[],.")
    return bool(re.search(r"\d", t)) or t in {
        "security",
        "compliance",
        "basic",
        "standard",
        "premium",
        "teams",
        "no",
        "pro",
        "plus",
        "server",
        "workstation",
        "business",
        "enterprise",
        "essentials",
        "control",
        "complete",
    }


def _context_free(prod, basket, words_text):
    """A context-dependent spelling is allowed only when nothing else in the client's basket could be it."""
    toks = set(re.findall(r"[a-z0-9]+", words_text.lower()))
    for other in basket:
        if other == prod.name:
            continue
        op = C.PRODUCTS.get(other)
        if op is None:
            continue
        if op.group and op.group == prod.group:
            return False
        otoks = set(re.findall(r"[a-z0-9]+", other.lower()))
        if toks and toks <= otoks:
            return False
    return True


def _truncate(r, name):
    if len(name) < 24:
        return None
    cut = r.randint(18, len(name) - 4)
    t = name[:cut]
    for p in C.PRODUCTS:
        if p != name and p.startswith(t):
            return None
    # never cut a discriminating token in half or drop it
    dropped = name[cut:].split()
    if any(_discriminating(w) for w in dropped):
        return None
    return t


def product_variant(r, prod, line, basket, on_vendor, currency):
    if r.random() < 0.2:
        return prod.name, []
    cls: list = []
    v = prod.variants
    base_options = [
        "abbreviation",
        "abbrev_typo",
        "typo",
        "case_punct",
        "sku_code",
        "truncated",
        "word_order",
    ]
    if on_vendor:  # spellings only the client's own basket can resolve
        base_options += [
            "bare_plan",
            "inhouse",
            "renamed",
            "renamed",
            "brand_dropped",
            "brand_dropped",
        ]
    elif prod.group != "bizplan":
        base_options += ["renamed"]
    base = prod.name
    pick = r.choice(base_options)
    if pick in ("bare_plan", "inhouse", "renamed", "brand_dropped"):
        cand = v.get(pick, [])
        if pick != "renamed" or prod.group == "bizplan":
            cand = [c for c in cand if _context_free(prod, basket, c)]
        if cand:
            base = r.choice(cand)
            cls.append(pick)
    elif pick in ("abbreviation", "abbrev_typo"):
        cand = v.get(pick, [])
        if cand:
            base = r.choice(cand)
            cls.append(pick)
    elif pick == "typo":
        ws = base.split()
        idx = [i for i, w in enumerate(ws) if len(w) >= 5 and w.isalpha()]
        if idx:
            i = r.choice(idx)
            ws[i] = _typo(r, ws[i])
            base = " ".join(ws)
            cls.append("typo")
    elif pick == "case_punct":
        mode = r.randrange(3)
        base = (
            base.upper()
            if mode == 0
            else base.lower()
            if mode == 1
            else re.sub(r"[()\[\],]", "", base).replace(" - ", " ")
        )
        cls.append("case_punct")
    elif pick == "sku_code":
        code = r.choice([prod.string_id, prod.catalog_id, prod.pax8_sku])
        base = r.choice([code, f"{code} {prod.name}", f"{prod.name} ({code})", f"[{code}]"])
        cls.append("sku_code")
    elif pick == "truncated":
        t = _truncate(r, prod.name)
        if t:
            base = t
            cls.append("truncated")
    elif pick == "word_order":
        m = re.match(
            r"^(Microsoft 365|Office 365|Microsoft|Exchange Online|Adobe|Acronis|Keeper|SentinelOne|Zoom)\s+(.*)$",
            prod.name,
        )
        if m:
            base = r.choice(
                [
                    f"{m.group(2)} - {m.group(1)}",
                    f"{m.group(2)} ({m.group(1)})",
                    f"{m.group(2)}, {m.group(1)}",
                ]
            )
            cls.append("word_order")
    if cls and base == prod.name:  # the step changed nothing
        cls = []
    if not cls and r.random() < 0.12:  # pasted from the distributor's invoice
        tag = (
            r.choice(["[NCE]", "(NCE)", "(Monthly Pre-Paid)", "- Monthly", "NCE 1MTH"])
            if prod.brand == "Microsoft"
            else r.choice(["(Monthly Pre-Paid)", "- Monthly", "MONTHLY"])
        )
        base = r.choice(
            [
                f"{prod.name} {tag}",
                f"MS NCE {prod.terse} 1MTH"
                if prod.brand == "Microsoft"
                else f"{prod.terse} MONTHLY",
            ]
        )
        cls.append("vendor_copy")
    # decorations
    if r.random() < 0.05:
        base = r.choice(["• ", "- ", "* ", "1) ", "> "]) + base
        cls.append("list_marker")
    if r.random() < 0.35:
        base = (
            base + r.choice(BILLING_WORDS_AFTER)
            if r.random() < 0.7
            else r.choice(BILLING_WORDS_BEFORE) + base
        )
        cls.append("billing_words")
    extra = r.random()
    sym = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "$", "CAD": "$"}[currency]
    if extra < 0.07:
        amt = line.unit / 100
        base = r.choice(
            [
                f"{base} @ {sym}{amt:.2f}/user",
                f"{base} - {sym}{amt:.2f} ea",
                f"{base} ({currency} {amt:.2f})",
            ]
        )
        cls.append("price_in_desc")
    elif extra < 0.13:
        base = r.choice(
            [
                f"{base} (Nov 2026)",
                f"{base} 01/11/2026-30/11/2026",
                f"{base} - Nov-26",
                f"{base} [11/01/26 - 11/30/26]",
            ]
        )
        cls.append("date_in_desc")
    elif extra < 0.18:
        shown = line.qty
        base = r.choice([f"{base} x{shown}", f"{shown} x {base}", f"{base} ({shown} users)"])
        cls.append("qty_in_desc")
    elif extra < 0.22:
        base = base + r.choice(LOCALE_WORDS)
        cls.append("locale_words")
    elif extra < 0.26:
        base = r.choice(
            [base.replace(" ", "  ", 1), base.replace(" ", "\u00a0"), " " + base + " ", base + "\t"]
        )
        cls.append("whitespace_noise")
    if line.user:
        base = r.choice(
            [
                f"{base} - {line.user}",
                f"{base} ({line.user.split('.')[0].title()})",
                f"{line.user}@ - {base}".replace("@ -", " -"),
            ]
        )
        cls.append("per_user_lines")
    if not cls:
        return prod.name, []
    return base, cls


def service_variant(r, text):
    if r.random() < 0.6:
        return text, []
    c = r.choice(["case_punct", "typo", "billing_words"])
    if c == "case_punct":
        return text.upper(), ["case_punct"]
    if c == "typo":
        ws = text.split()
        idx = [i for i, w in enumerate(ws) if len(w) >= 6 and w.isalpha()]
        if idx:
            i = r.choice(idx)
            ws[i] = _typo(r, ws[i])
            return " ".join(ws), ["typo"]
        return text, []
    return text + " - monthly", ["billing_words"]
