"""Perturbations of set V: how PSA descriptions and PSA client names really drift.

Every PSA line gets at least one description class and every client's PSA name at least one
client-name class. No class changes what a careful reader would take the line or client to be.
"""

from __future__ import annotations

import re

from .catalog import BY_KEY, CATALOG, ES_NAMES
from .names import fold
from .scenario import PLine

# ------------------------------------------------------------------ description classes
LANG = {
    "es_wording": (
        ["Licencia {n} – suscripción {a}", "Suscripción {a} {n} ({u})", "{n} - cuota {a}"],
        {"M": "mensual", "Q": "trimestral", "A": "anual"},
        ("por usuario", "por equipo"),
    ),
    "it_wording": (
        ["Licenza {n} - abbonamento {a}", "Canone {a} {n} ({u})", "{n} – rinnovo {a}"],
        {"M": "mensile", "Q": "trimestrale", "A": "annuale"},
        ("per utente", "per dispositivo"),
    ),
    "pl_wording": (
        ["Licencja {n} – subskrypcja {a}", "{n} ({u}), opłata {a}", "{n} - subskrypcja {a}"],
        {"M": "miesięczna", "Q": "kwartalna", "A": "roczna"},
        ("za użytkownika", "za urządzenie"),
    ),
    "pt_wording": (
        ["Licença {n} - assinatura {a}", "Assinatura {a} {n} ({u})", "{n} – plano {a}"],
        {"M": "mensal", "Q": "trimestral", "A": "anual"},
        ("por usuário", "por dispositivo"),
    ),
    "tr_wording": (
        ["{n} Lisansı - {a} abonelik", "{n} ({a} ödeme, {u})", "{a} abonelik: {n}"],
        {"M": "aylık", "Q": "üç aylık", "A": "yıllık"},
        ("kullanıcı başına", "cihaz başına"),
    ),
    "cs_wording": (
        ["Licence {n} – {a} předplatné", "Předplatné {n} ({u}, {a})", "{n} - {a} poplatek"],
        {"M": "měsíční", "Q": "čtvrtletní", "A": "roční"},
        ("na uživatele", "na zařízení"),
    ),
    "ro_wording": (
        ["Abonament {a} {n}", "Licență {n} - {u}, abonament {a}", "{n} (abonament {a})"],
        {"M": "lunar", "Q": "trimestrial", "A": "anual"},
        ("per utilizator", "per dispozitiv"),
    ),
    "id_wording": (
        ["Lisensi {n} - langganan {a}", "Langganan {a} {n} ({u})", "{n} – biaya {a}"],
        {"M": "bulanan", "Q": "triwulanan", "A": "tahunan"},
        ("per pengguna", "per perangkat"),
    ),
}
EN = {"M": "monthly", "Q": "quarterly", "A": "annual"}
FR = {"M": "mensuel", "Q": "trimestriel", "A": "annuel"}
ISO = {"M": "P1M", "Q": "P3M", "A": "P1Y"}
RESIDENCY = {
    "USD": [" - US datacenter", " (US region)"],
    "CAD": [" (Canada Central)", " - hosted in CA"],
    "AUD": [" (AU data centre)", " - Australian data residency"],
    "GBP": [" [UK South]", " (UK data residency)"],
    "EUR": [" (EU Data Boundary)", " - EU data residency"],
    "CHF": [" (hosted in CH)", " - Swiss data residency"],
    "PLN": [" (EU Data Boundary)", " - region: Poland Central"],
}
DISTS = ["Pax8", "Ingram", "D&H", "Bluechip", "SHI", "Westcon", "TD SYNNEX"]
SITES = [
    "Head office",
    "Warehouse",
    "Clinic 2",
    "Shopfront",
    "Remote staff",
    "Board",
    "Reception",
    "Workshop",
]


def _hex(rng, k=4):
    return "".join(rng.choice("0123456789ABCDEF") for _ in range(k))


def _num(rng, k=7):
    return str(rng.randrange(10 ** (k - 1), 10**k))


def _initials(rng):
    return rng.choice("ABCDJKLMPRST") + rng.choice("BCDHJKLMNPRSTW")


def _short_lower(prod):
    low = BY_KEY[prod.lower].name
    a = re.sub(r"[()]", "", prod.name).split()
    b = re.sub(r"[()]", "", low).split()
    i = 0
    while i < min(len(a), len(b)) - 1 and a[i] == b[i]:
        i += 1
    rest = b[i:]
    if len(" ".join(rest)) < 3 and i > 0:
        rest = b[i - 1 :]
    return " ".join(rest)


def _dashes(name):
    if " - " in name:
        return name.replace(" - ", " — ", 1)
    words = name.split(" ")
    if words[0] == "Microsoft" and len(words) > 2 and words[1] == "365":
        return "Microsoft 365 – " + " ".join(words[2:])
    if len(words) >= 2:
        return words[0] + " – " + " ".join(words[1:])
    return None


def _strip_legal(name):
    pat = (
        r",?\s+(Pty\.? Ltd|Pty\. Limited|Ltd\.?|Limited|LLC|LLP|PLLC|Inc\.|Corp\.|plc|GmbH|"
        r"B\.V\.|BV|NV|S\.L\.|SARL|S\.r\.l\.|AG|Sàrl|Ltée|sp\. z o\.o\.|S\.A\.|sp\.j\.)$"
    )
    return re.sub(pat, "", name)


_ALL_NAMES = [fold(p.name) for p in CATALOG]


def _cut_ok(s, prod):
    """a cut text still names exactly one product"""
    f = fold(s)
    own = fold(prod.name)
    if own.startswith(f) or f.startswith(own):
        head = f[: len(own)]
        return [n for n in _ALL_NAMES if n.startswith(head)] == [own] or f.startswith(own)
    return False


# level 0: the name itself; 1: decorations; 2: whole-text wrappers
def d_lang(cls):
    tpls, per, units = LANG[cls]

    def f(rng, p, prod, c, case):
        n = ES_NAMES.get(prod.key, prod.name) if cls == "es_wording" and prod else p.text
        u = units[1] if prod and prod.unit in ("device", "server") else units[0]
        if p.role == "service":
            return None
        return rng.choice(tpls).format(n=n, a=per[p.period], u=u)

    return f


def d_bilingual(rng, p, prod, c, case):
    if p.role == "service":
        return None
    return rng.choice(
        [
            f"Subscription / Abonnement – {p.text}",
            f"{p.text} – {EN[p.period]} / {FR[p.period]}",
            f"{p.text} (Licence / Licence {FR[p.period]})",
        ]
    )


DESC = {k: (0, d_lang(k)) for k in LANG}
DESC.update(
    {
        "bilingual_en_fr": (0, d_bilingual),
        "pre_rename_name": (
            0,
            lambda rng, p, prod, c, case: prod.old if prod and prod.old else None,
        ),
        "rename_both_names": (
            0,
            lambda rng, p, prod, c, case: (
                rng.choice(
                    [
                        f"{prod.name} (formerly {prod.old})",
                        f"{prod.old} / {prod.name}",
                        f"{prod.name} (prev. {prod.old})",
                    ]
                )
                if prod and prod.old
                else None
            ),
        ),
        "typographic_dashes": (0, lambda rng, p, prod, c, case: _dashes(p.text)),
        "abbrev_in_parens": (
            1,
            lambda rng, p, prod, c, case: f"{p.text} ({prod.abbr})" if prod and prod.abbr else None,
        ),
        "step_up_note": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice(
                    [" (step-up from {s})", " - upgraded from {s} 11/2026", " (upgrade from {s})"]
                ).format(s=_short_lower(prod))
                if prod and prod.lower
                else None
            ),
        ),
        "data_residency_note": (
            1,
            lambda rng, p, prod, c, case: (
                p.text + rng.choice(RESIDENCY[case.currency]) if prod else None
            ),
        ),
        "promo_note": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice(
                    [
                        " – promo NCE15 applied",
                        " (intro promo until 31/01/2027)",
                        " *promo pricing*",
                        " - promotional rate",
                    ]
                )
                if prod
                else None
            ),
        ),
        "trial_conversion_note": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice([" - converted from trial", " (trial → paid 04/11)", " (ex-trial)"])
                if prod
                else None
            ),
        ),
        "seat_change_note": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice(
                    [" (+{k} seats this month)", " - added {k} users", " (incl. {k} new starters)"]
                ).format(k=max(1, min(3, p.qty - 1)))
                if prod and p.qty >= 2
                else None
            ),
        ),
        "supplier_invoice_ref": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice(
                    [" - per {d} inv {n}", " [{d} #{n}]", " (ref. supplier inv. {n})"]
                ).format(d=rng.choice(DISTS), n=_num(rng, 8))
            ),
        ),
        "customer_po_ref": (
            1,
            lambda rng, p, prod, c, case: rng.choice(
                ["PO {n}: {t}", "{t} [PO# {n}]", "{t} - your ref PO-{n}"]
            ).format(n=_num(rng), t=p.text),
        ),
        "masked_key_suffix": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice(
                    [" - key ****-****-{h}", " (licence key XXXX-{h})", " / serial …{h}"]
                ).format(h=_hex(rng))
                if prod
                else None
            ),
        ),
        "contract_schedule_ref": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice(
                    [
                        " - per MSA Sched. B item {k}",
                        " (SOW-{n} line {k})",
                        " — Schedule 2, cl. {k}.{j}",
                    ]
                ).format(k=rng.randint(1, 9), j=rng.randint(1, 9), n=_num(rng, 4))
            ),
        ),
        "solution_area_prefix": (
            1,
            lambda rng, p, prod, c, case: (
                rng.choice(["{a} | {t}", "{a} › {t}", "[{a}] {t}"]).format(a=prod.area, t=p.text)
                if prod
                else None
            ),
        ),
        "approval_initials": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice([" (ok'd {i})", " - appr. {i} {d}/11", " ✓{i}"]).format(
                    i=_initials(rng), d=rng.randint(1, 28)
                )
            ),
        ),
        "reverse_charge_note": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice(
                    [" – reverse charge", " (VAT reverse charge, Art. 196)", " - Reverse Charge"]
                )
            ),
        ),
        "split_allocation_note": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice(
                    [
                        " (60% Sales / 40% Ops)",
                        " - split 50/50 Admin/Clinical",
                        " [cost split: HQ 70 / Branch 30]",
                    ]
                )
            ),
        ),
        "service_word_in_licence": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + rng.choice(
                    [
                        " – supported & monitored",
                        " (incl. helpdesk support)",
                        " - managed service",
                        " + monitoring",
                    ]
                )
                if prod
                else None
            ),
        ),
        "nce_term_suffix": (
            1,
            lambda rng, p, prod, c, case: (
                p.text
                + (
                    rng.choice([" (NCE COM MTH)", " [NCE 1YR MTH]", " (NCE, monthly billing)"])
                    if p.period == "M"
                    else " (NCE 1YR ANN)"
                )
                if prod and prod.publisher == "Microsoft" and p.period != "Q"
                else None
            ),
        ),
        "key_value_string": (
            2,
            lambda rng, p, prod, c, case: rng.choice(
                [
                    "product={t};billing={b};qty={q}",
                    "item: {t} | cycle: {y} | seats: {q}",
                    "sku={s}; name={t}; billing={y}",
                ]
            ).format(
                t=p.text, b=ISO[p.period], q=p.qty, y=EN[p.period], s=prod.sid if prod else "SVC"
            ),
        ),
        "deal_name": (
            2,
            lambda rng, p, prod, c, case: (
                rng.choice(
                    ["Q4 Renewal – {t} – {q} seats", "{c} | {t} | renewal 2026", "Upsell: {t} x{q}"]
                ).format(t=p.text, q=p.qty, c=_strip_legal(c["canonical"]))
                if prod
                else None
            ),
        ),
        "client_name_in_desc": (
            2,
            lambda rng, p, prod, c, case: rng.choice(
                ["{c} – {t}", "{t} for {c}", "{c}: {t}"]
            ).format(c=_strip_legal(c["canonical"]), t=p.text),
        ),
        "excel_text_formula": (
            3,
            lambda rng, p, prod, c, case: '="' + p.text.replace('"', '""') + '"',
        ),
        "leading_apostrophe": (3, lambda rng, p, prod, c, case: "'" + p.text),
    }
)


def d_cut(rng, p, prod, c, case):
    if not prod:
        return None
    tail = rng.choice(
        [" - monthly subscription per user", " licence, billed monthly", " subscription (per seat)"]
    )
    s = p.text + tail
    for n in rng.sample([30, 40], 2):
        if len(s) > n and s[n - 1] != " " and _cut_ok(s[:n], prod):
            return s[:n]
    return None


DESC["fixed_width_cut"] = (2, d_cut)
DESC_CLASSES = sorted([*DESC, "site_split_lines"])


# ------------------------------------------------------------------ client-name classes
CYR = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х"}


def c_homoglyph(rng, c, case):
    s = list(c["psa_name"])
    idx = [i for i, ch in enumerate(s) if ch in CYR]
    if not idx:
        return None
    for i in rng.sample(idx, min(len(idx), rng.choice([1, 2]))):
        s[i] = CYR[s[i]]
    return "".join(s)


def c_acronym(rng, c, case):
    if c["group"] is not None or c["kind"] != "plain":
        return None
    base = _strip_legal(c["canonical"])
    words = [w for w in re.split(r"[\s&]+", base) if w and w[0].isalpha()]
    if len(words) < 3:
        return None
    acr = "".join(w[0].upper() for w in words)
    others = {_acr(o) for o in case.clients if o is not c}
    if acr in others:
        return None
    legal = c["canonical"][len(base) :].strip()
    return f"{acr} {legal}".strip()


def _acr(o):
    base = _strip_legal(o["canonical"])
    return "".join(w[0].upper() for w in re.split(r"[\s&]+", base) if w and w[0].isalpha())


def c_cut(rng, c, case):
    if c["group"] is not None:
        return None
    s = c["psa_name"]
    n = rng.choice([24, 28])
    if len(s) <= n + 2 or s[n - 1] == " ":
        return None
    f = fold(s[:n])
    if any(fold(o["canonical"]).startswith(f) for o in case.clients if o is not c):
        return None
    return s[:n]


def c_now_part_of(rng, c, case):
    if c["group"] is not None:
        return None
    g = rng.choice(["Keystone Group", "Meridian Holdings", "Alliance Partners", "Crestline Group"])
    return rng.choice([f"{c['psa_name']} (now part of {g})", f"{c['psa_name']} - a {g} company"])


def c_kind(kind, fn):
    def f(rng, c, case):
        return fn(rng, c) if c["kind"] == kind else None

    return f


def _double_surname(rng, c):
    a, b = c["s1"], c["s2"]
    return rng.choice(
        [
            c["psa_name"].replace(f"{a} {b}", a),
            c["psa_name"].replace(f"{a} {b}", f"{a}-{b}"),
            c["psa_name"].replace(f"{a} {b}", f"{a} y {b}"),
        ]
    )


def _cn_order(rng, c):
    return c["psa_name"].replace(
        f"{c['fam']} {c['giv']}",
        rng.choice(
            [
                f"{c['giv']} {c['fam']}",
                f"{c['fam'].upper()} {c['giv']}",
                f"{c['giv']} {c['fam'].upper()}",
            ]
        ),
    )


def _irish(rng, c):
    s = c["surname"]
    rest = s[2:]
    return c["psa_name"].replace(s, rng.choice([f"O{rest}", f"O {rest}", f"O’{rest}"]))


def _tv(rng, c):
    tv = c["tv"]
    parts = tv.split(" ")
    cap = tv[0].upper() + tv[1:]
    base = c["psa_name"].replace(cap, parts[-1])
    m = re.match(r"^(.*?)( B\.V\.)?$", base)
    return f"{m.group(1)}{m.group(2) or ''}, {' '.join(parts[:-1])}"


def _forename(rng, c):
    g = c["given"]
    return c["psa_name"].replace(g + " ", rng.choice([g[0] + ". ", g[0] + " "]), 1)


def _possessive(rng, c):
    s = c["surname"]
    return c["psa_name"].replace(f"{s}'s", rng.choice([f"{s}s", f"{s}’s", f"{s} s"]))


def _digits(rng, c):
    return c["psa_name"].replace(c["words"], c["digits"])


def _compound(rng, c):
    return c["psa_name"].replace(
        c["glued"], rng.choice([c["spaced"], c["spaced"].replace(" ", "-")])
    )


CLIENT = {
    "attn_prefix": lambda rng, c, case: rng.choice(
        [
            f"Attn: Accounts Payable – {c['psa_name']}",
            f"{c['psa_name']}, Attn: Finance",
            f"{c['psa_name']} (Attn. {c['given']} {c['csurname']})",
        ]
    ),
    "po_box_suffix": lambda rng, c, case: rng.choice(
        [
            f"{c['psa_name']}, PO Box {rng.randint(10, 9999)}",
            f"{c['psa_name']} (P.O. Box {rng.randint(10, 9999)})",
        ]
    ),
    "vat_id_suffix": lambda rng, c, case: rng.choice(
        [f"{c['psa_name']} ({c['taxid']})", f"{c['psa_name']} - {c['taxid']}"]
    ),
    "now_part_of": c_now_part_of,
    "acronym_only": c_acronym,
    "contact_is_customer": lambda rng, c, case: (
        f"{c['csurname']}, {c['given']} ({_strip_legal(c['psa_name'])})"
    ),
    "disambig_note": lambda rng, c, case: rng.choice(
        [
            f"{c['psa_name']} (the {c['city']} one)",
            f"{c['psa_name']} - {c['city']} (not the old acct)",
        ]
    ),
    "owner_initials_tag": lambda rng, c, case: rng.choice(
        [f"{c['psa_name']} [AM: {_initials(rng)}]", f"{c['psa_name']} - acct mgr {_initials(rng)}"]
    ),
    "payment_terms_tag": lambda rng, c, case: (
        c["psa_name"]
        + rng.choice([" (DD)", " [NET30]", " - prepay", " (card on file)", " [NET 14]"])
    ),
    "service_tier_tag": lambda rng, c, case: (
        c["psa_name"] + rng.choice([" - Gold", " [Tier 2 support]", " (Platinum SLA)", " – Silver"])
    ),
    "client_homoglyph": c_homoglyph,
    "client_field_cut": c_cut,
    "double_surname_short": c_kind("spanish", _double_surname),
    "cn_name_order": c_kind("chinese", _cn_order),
    "irish_o_prefix": c_kind("irish", _irish),
    "tussenvoegsel_sorted": c_kind("dutch", _tv),
    "forename_initial": c_kind("forename", _forename),
    "possessive_apostrophe": c_kind("possessive", _possessive),
    "digits_for_words": c_kind("numword", _digits),
    "brand_spacing": c_kind("compound", _compound),
}
KIND_FIRST = {
    "spanish": "double_surname_short",
    "chinese": "cn_name_order",
    "irish": "irish_o_prefix",
    "dutch": "tussenvoegsel_sorted",
    "forename": "forename_initial",
    "possessive": "possessive_apostrophe",
    "numword": "digits_for_words",
    "compound": "brand_spacing",
}
# names changed in their body first, tags added after, wrappers last
C_BODY = ["client_homoglyph", "acronym_only", *KIND_FIRST.values()]
C_TAIL = [
    "po_box_suffix",
    "vat_id_suffix",
    "now_part_of",
    "disambig_note",
    "owner_initials_tag",
    "payment_terms_tag",
    "service_tier_tag",
    "client_field_cut",
]
C_WRAP = ["attn_prefix", "contact_is_customer"]
CLIENT_CLASSES = sorted(CLIENT)


def _apply_client(rng, c, case):
    order = []
    kind_cls = KIND_FIRST.get(c["kind"])
    if kind_cls and rng.random() < 0.8:
        order.append(kind_cls)
    elif rng.random() < 0.25:
        order.append(rng.choice(["client_homoglyph", "acronym_only"]))
    if not order or rng.random() < 0.35:
        order.append(rng.choice(C_TAIL + C_WRAP))
    if rng.random() < 0.1:
        order.append(rng.choice(C_WRAP))
    rank = {k: (0 if k in C_BODY else 1 if k in C_TAIL else 2) for k in CLIENT}
    done = []
    for k in sorted(dict.fromkeys(order), key=lambda k: rank[k]):
        if k == "client_field_cut" and done:
            continue
        if k in C_WRAP and any(d in C_WRAP for d in done):
            continue
        s = CLIENT[k](rng, c, case)
        if s and s != c["psa_name"]:
            c["psa_name"] = s
            done.append(k)
    tries = 0
    while not done and tries < 20:
        tries += 1
        k = rng.choice(C_TAIL + C_WRAP + ["client_homoglyph"])
        s = CLIENT[k](rng, c, case)
        if s and s != c["psa_name"]:
            c["psa_name"] = s
            done.append(k)
    c["cclasses"] = done


# ------------------------------------------------------------------ apply
def _apply_desc(rng, p, prod, c, case, forced=()):
    pool = [k for k in DESC if k not in forced]
    picks = list(forced)
    if not picks or rng.random() < 0.5:
        for _ in range(30):
            k = rng.choice(pool)
            if k not in picks:
                picks.append(k)
                break
    if rng.random() < 0.3:
        picks.append(rng.choice([k for k, (lv, _) in DESC.items() if lv == 1]))
    if rng.random() < 0.06:
        picks.append(rng.choice(["excel_text_formula", "leading_apostrophe"]))
    done = list(forced)
    for k in sorted(dict.fromkeys(picks), key=lambda k: DESC[k][0] if k in DESC else -1):
        if k not in DESC:
            continue
        lv = DESC[k][0]
        if lv == 0 and any(DESC.get(d, (9,))[0] >= 0 and d in DESC for d in done):
            continue  # the name is replaced only once, before anything else
        if lv >= 2 and any(DESC.get(d, (0,))[0] >= lv for d in done if d in DESC):
            continue
        s = DESC[k][1](rng, p, prod, c, case)
        if s and s != p.text:
            p.text = s
            done.append(k)
    tries = 0
    while len([d for d in done if d in DESC]) == 0 and tries < 40:
        tries += 1
        k = rng.choice(list(DESC))
        if DESC[k][0] >= 2 and k == "fixed_width_cut":
            continue
        s = DESC[k][1](rng, p, prod, c, case)
        if s and s != p.text:
            p.text = s
            done.append(k)
    p.classes = done


def perturb_case(case, rng):
    byc = {c["id"]: c for c in case.clients}
    for c in case.clients:
        _apply_client(rng, c, case)
    new = []
    for p in case.plines:
        prod = BY_KEY[p.product] if p.product else None
        forced = ()
        if prod and p.qty >= 2 and rng.random() < 0.06:
            k = rng.randint(1, p.qty - 1)
            s1, s2 = rng.sample(SITES, 2)
            q = PLine(
                p.cid, p.product, p.role, k, p.unit, p.period, p.disc, text=p.text, item=p.item
            )
            p.qty -= k
            sep, base = rng.choice([" – ", " - ", " / "]), p.text
            for line, site in ((p, s1), (q, s2)):
                line.text = base + sep + site
                _apply_desc(rng, line, prod, byc[p.cid], case, forced=("site_split_lines",))
            new.extend([p, q])
            continue
        _apply_desc(rng, p, prod, byc[p.cid], case, forced)
        new.append(p)
    case.plines[:] = new
