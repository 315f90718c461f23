"""The case: clients, vendor and PSA lines, name/description perturbations and the findings (README rules)."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F

from .catalog import (
    INDUSTRY,
    LOOKALIKE_PAIRS,
    MS_KEYS,
    PRODUCTS,
    SERVICES,
    SIBLING_PAIRS,
    STEMS,
    SUFFIX,
    SURNAMES,
    THIRD_KEYS,
    VENDOR_SERVICES,
)


@dataclass
class Line:
    cid: int
    product: str | None  # catalogue key, None for a non-licence line
    text: str  # description as written
    qty: F
    unit: F  # monthly unit amount (cost on the vendor side, price on the PSA side)
    role: str  # licence / credit / service / not_billed
    yearly: bool = False
    disc: F | None = None  # discount fraction (list price = unit / (1 - disc))
    status: str = ""  # cancelled / paused / zero / donotbill
    classes: list = field(default_factory=list)
    row: int = 0
    sub: str = ""  # subscription id / reference


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    seed: int


def cents(x):
    return F(Decimal(x))


def half_up(fr):
    d = Decimal(fr.numerator) / Decimal(fr.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _client_names(rng, n):
    out, seen = [], set()
    while len(out) < n:
        r = rng.random()
        stem = rng.choice(STEMS)
        if r < 0.07 and len(out) + 2 <= n:
            a, b = rng.choice(SIBLING_PAIRS)
            suf = rng.choice(["Pty Ltd", "Ltd", "LLC", "Inc."])
            pair = [f"{stem} {a} {suf}", f"{stem} {b} {suf}"]
            sib = True
        elif r < 0.11 and len(out) + 2 <= n:
            ind = rng.choice(["Bakery", "Pharmacy", "Coffee", "Hardware"])
            a, b = rng.sample(range(2, 40), 2)
            pair = [f"{stem} {ind} Store {a}", f"{stem} {ind} Store {b}"]
            sib = True
        else:
            if rng.random() < 0.25:
                base = f"{rng.choice(SURNAMES)} {rng.choice(INDUSTRY)}"
            else:
                base = f"{stem} {rng.choice(INDUSTRY)}"
            suf = rng.choice(SUFFIX)
            pair = [f"{base} {suf}".strip()]
            sib = False
        if any(p.lower() in seen for p in pair):
            continue
        for p in pair:
            seen.add(p.lower())
            out.append((p, sib))
    return out[:n]


def _money(rng, lo, hi):
    return F(rng.randrange(int(lo * 100), int(hi * 100) + 1), 100)


DISCS = [
    (F(1, 10), 10),
    (F(1, 8), 8),
    (F(3, 20), 20),
    (F(1, 5), 5),
]  # (discount, list-price grid in cents)


def _price(rng, cost, below=False):
    if below:
        return max(F(1, 100), cost - _money(rng, 0.05, max(0.06, float(cost) * 0.2)))
    return F(round(cost * F(rng.randrange(110, 146), 100) * 100), 100)


def build_numbers(seed, n):
    """Clients, vendor lines and PSA lines; depends only on seed + clients."""
    rng = random.Random(f"AD-numbers|{seed}|{n}")
    names = _client_names(rng, n)
    clients, vlines, plines = [], [], []
    for i, (nm, sib) in enumerate(names):
        r = rng.random()
        kind = "vendor_only" if r < 0.035 else "psa_only" if r < 0.065 else "both"
        c = {"id": i, "canonical": nm, "kind": kind, "sibling": sib, "cclasses": [], "psa_name": nm}
        clients.append(c)
        main = rng.choice(
            ["BB", "BS", "BP", "BP", "BP", "ME3", "ME5", "OE3", "BPNT", "MF3", "OE1", "AFB"]
        )
        basket = [main]
        extra_ms = [k for k in MS_KEYS if k != main]
        basket += rng.sample(extra_ms, rng.choice([1, 1, 2, 2, 3, 4]))
        basket += rng.sample(THIRD_KEYS, rng.choice([2, 3, 3, 4, 4, 5]))
        if rng.random() < 0.22:
            a, b = rng.choice(LOOKALIKE_PAIRS)
            basket += [a, b]
        basket = list(dict.fromkeys(basket))
        seats_main = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 25, 30, 40, 55])
        for k in basket:
            base = cents(PRODUCTS[k][2])
            cost = base if rng.random() < 0.8 else F(round(base * F(95, 100) * 100), 100)
            q = (
                seats_main
                if k == main
                else max(1, min(seats_main, rng.choice([1, 2, 3, 5, 8, 10, 15, 20])))
            )
            o = rng.random()
            outcome = (
                "unbilled"
                if o < 0.06
                else "under"
                if o < 0.12
                else "over"
                if o < 0.17
                else "below"
                if o < 0.21
                else "nvr"
                if o < 0.245
                else "match"
            )
            if kind == "vendor_only":
                outcome = "unbilled"
            if kind == "psa_only":
                outcome = "nvr"
            if outcome == "under" and q < 2:
                outcome = "match"
            # vendor side
            if outcome != "nvr":
                yearly = PRODUCTS[k][1] == "ms" and rng.random() < 0.18
                if q >= 4 and rng.random() < 0.15:
                    q1 = rng.randint(1, q - 1)
                    c2 = cost if rng.random() < 0.6 else F(round(cost * F(105, 100) * 100), 100)
                    vlines.append(Line(i, k, "", F(q1), cost, "licence", yearly))
                    vlines.append(Line(i, k, "", F(q - q1), c2, "licence", False))
                elif q >= 3 and rng.random() < 0.07:
                    vlines.append(Line(i, k, "", F(q + 1), cost, "licence", yearly))
                    vlines.append(Line(i, k, "", F(-1), cost, "credit", yearly))
                else:
                    vlines.append(Line(i, k, "", F(q), cost, "licence", yearly))
            # PSA side
            if outcome == "unbilled":
                if kind == "both" and rng.random() < 0.4:
                    st = rng.choice(["cancelled", "paused", "zero", "donotbill"])
                    plines.append(
                        Line(
                            i,
                            k,
                            "",
                            F(0 if st == "zero" else q),
                            _price(rng, cost),
                            "not_billed",
                            status=st,
                        )
                    )
                continue
            pq = q
            if outcome == "under":
                pq = q - rng.randint(1, min(q - 1, 4))
            elif outcome == "over":
                pq = q + rng.randint(1, 3)
            below = outcome == "below" or (outcome == "under" and rng.random() < 0.1)
            if not below and rng.random() < 0.1:
                d, grid = rng.choice(DISCS)
                want = cost * F(rng.randrange(115, 150), 100) / (1 - d)
                lp = F(-(-int(want * 100) // grid) * grid, 100)
                price, disc = lp * (1 - d), d
            else:
                price, disc = _price(rng, cost, below), None
            pyear = rng.random() < 0.12
            if pq >= 4 and rng.random() < 0.13:
                q1 = rng.randint(1, pq - 1)
                p2 = price if rng.random() < 0.5 or below else _price(rng, cost)
                plines.append(Line(i, k, "", F(q1), price, "licence", pyear, disc))
                plines.append(Line(i, k, "", F(pq - q1), p2, "licence", False))
            else:
                plines.append(Line(i, k, "", F(pq), price, "licence", pyear, disc))
        if kind != "vendor_only":
            for _ in range(rng.choice([0, 1, 1, 1, 2, 2, 3])):
                s = rng.choice(SERVICES)
                sq = F(seats_main) if "per user" in s else F(rng.choice([1, 1, 2, 3]))
                plines.append(Line(i, None, s, sq, _money(rng, 15, 180), "service"))
            if rng.random() < 0.06:
                plines.append(
                    Line(i, None, "Loyalty discount", F(1), -_money(rng, 5, 60), "service")
                )
            if rng.random() < 0.05:
                plines.append(
                    Line(i, None, "GST 10% on hardware", F(1), _money(rng, 8, 90), "service")
                )
            if rng.random() < 0.03:
                plines.append(
                    Line(i, None, "Rounding", F(1), F(rng.choice([1, 2, 3])) / 100, "service")
                )
        if kind != "psa_only" and rng.random() < 0.05:
            vlines.append(
                Line(i, None, rng.choice(VENDOR_SERVICES), F(1), _money(rng, 9, 95), "service")
            )
    for n_, v in enumerate(vlines):
        v.sub = f"{(seed * 7919 + n_ * 104729) % 0xFFFFFF:06x}-{n_:05d}"
    return clients, vlines, plines


# ---- client-name perturbations (PSA side) ----
CITY = ["SYD", "MEL", "BNE", "AKL", "WLG", "PER", "ADL"]
FIRST = ["Sarah", "Tom", "Priya", "Ken", "Aroha", "Liam", "Mei", "Jo"]
LEGAL = [
    "Pty Ltd",
    "Pty. Ltd.",
    "Ltd",
    "Limited",
    "Inc.",
    "LLC",
    "Co.",
    "GmbH",
    "B.V.",
    "AB",
    "Group Pty Ltd",
]


def _strip_suffix(nm):
    for s in sorted(LEGAL, key=len, reverse=True):
        if nm.endswith(" " + s):
            return nm[: -len(s) - 1], s
    return nm, ""


def _slip(word, rng):
    if len(word) < 5 or not word.isalpha():
        return word
    j = rng.randrange(1, len(word) - 2)
    return word[:j] + word[j + 1] + word[j] + word[j + 2 :]


FOLD = str.maketrans(
    {
        "ü": "u",
        "ö": "o",
        "ä": "a",
        "ø": "o",
        "é": "e",
        "á": "a",
        "í": "i",
        "Ü": "U",
        "Ø": "O",
        "ß": "ss",
    }
)


def perturb_client(c, rng):
    nm = c["canonical"]
    base, suf = _strip_suffix(nm)
    opts = []
    if suf and not c["sibling"]:
        opts.append(("suffix_left_off_in_sheet", lambda: base))
    opts.append(("caps_typed_client_name", lambda: nm.upper()))
    opts.append(("contact_first_name_in_brackets", lambda: f"{nm} ({rng.choice(FIRST)})"))
    opts.append(("city_code_dash_prefix", lambda: f"{rng.choice(CITY)} - {nm}"))
    if suf in ("Pty Ltd", "Limited", "Ltd", "Inc."):
        alt = {"Pty Ltd": "P/L", "Limited": "Ltd.", "Ltd": "Limited", "Inc.": "Incorporated"}[suf]
        opts.append(("legal_form_rewritten", lambda: f"{base} {alt}"))
    if nm.split()[0].isalpha() and len(nm.split()[0]) >= 5 and "Store" not in nm:
        opts.append(
            (
                "first_word_letters_swapped",
                lambda: " ".join([_slip(nm.split()[0], rng), *nm.split()[1:]]),
            )
        )
    opts.append(("asterisk_flag_after_name", lambda: nm + " *"))
    if nm.translate(FOLD) != nm:
        opts.append(("diacritics_typed_plain", lambda: nm.translate(FOLD)))
    if "Store " in nm:
        num = nm.rsplit(" ", 1)[1]
        opts.append(
            (
                "store_number_as_no_padded",
                lambda: nm.rsplit(" ", 2)[0] + f" Store No. {int(num):02d}",
            )
        )
    if " & " in nm:
        opts.append(("ampersand_written_and", lambda: nm.replace(" & ", " and ")))
    cls, fn = rng.choice(opts)
    return fn(), cls


# ---- description perturbations (PSA licence lines) ----
DESC_CLASSES = [
    "typed_lowercase_no_brand",
    "typed_short_code",
    "typed_longhand_variant",
    "per_user_month_tail",
    "letter_slip_in_desc",
    "bracket_note_in_desc",
    "licence_word_and_term",
]
DISCRIMINATING = {
    "E1",
    "E3",
    "E5",
    "F3",
    "P1",
    "P2",
    "Plan",
    "1",
    "2",
    "3",
    "Basic",
    "Standard",
    "Premium",
    "Security",
    "Business",
    "Enterprise",
    "Gold",
    "Platinum",
    "Pro",
    "Core",
    "Control",
    "EDR",
    "ITDR",
    "Workstation",
    "Server",
    "Infinite",
    "Year",
    "Backup",
    "Archiving",
    "Advanced",
    "(no",
    "Teams)",
    "Essentials",
    "Suite",
    "Phone",
    "Apps",
    "for",
    "-",
    "Retention",
}


def perturb_desc(key, rng):
    nm, _m, _c, variants, _sku = PRODUCTS[key]
    cls = rng.choice(DESC_CLASSES)
    if cls.startswith("typed_"):
        return variants[DESC_CLASSES.index(cls)], cls
    if cls == "per_user_month_tail":
        return nm + rng.choice([" - per user/month", " (per seat, monthly)", " /user/mth"]), cls
    if cls == "bracket_note_in_desc":
        return nm + rng.choice(
            [" [new staff]", " (incl. contractors)", " [see ticket 4411]", " (reception)"]
        ), cls
    if cls == "licence_word_and_term":
        return rng.choice(["Licence: ", "Lic - ", "Subscription: "]) + nm, cls
    words = nm.split()
    cand = [
        j for j, w in enumerate(words) if w not in DISCRIMINATING and w.isalpha() and len(w) >= 5
    ]
    if not cand:
        return nm + " - per user/month", "per_user_month_tail"
    j = rng.choice(cand)
    words[j] = _slip(words[j], rng)
    return " ".join(words), cls


def build_case(seed, n, psa_format, currency, perturb):
    clients, vlines, plines = build_numbers(seed, n)
    prng = random.Random(f"AD-perturb|{seed}|{n}|{psa_format}")
    for c in clients:
        if perturb and prng.random() < 0.45:
            c["psa_name"], cls = perturb_client(c, prng)
            c["cclasses"] = [cls]
    for p in plines:
        if p.product is None:
            continue
        if perturb and prng.random() < 0.55:
            p.text, cls = perturb_desc(p.product, prng)
            p.classes.append(cls)
        else:
            p.text = PRODUCTS[p.product][0]
    for v in vlines:
        if v.product:
            v.text = PRODUCTS[v.product][0]
    return Case(clients, vlines, plines, currency, seed)


# ---- findings ----
def compute_findings(vrecs, precs):
    """vrecs/precs: (client, product, qty, monthly unit, row) for licence/credit vendor rows and billed PSA
    licence rows. Returns findings in the truth schema (classes added by the caller)."""
    vk, pk = {}, {}
    for cl, pr, q, u, r in vrecs:
        vk.setdefault((cl, pr), []).append((q, u, r))
    for cl, pr, q, u, r in precs:
        pk.setdefault((cl, pr), []).append((q, u, r))

    def agg(recs):
        q = sum(x[0] for x in recs)
        amt = sum(x[0] * x[1] for x in recs)
        return q, (amt / q if q else F(0)), sorted(x[2] for x in recs)

    pa = {k: agg(v) for k, v in pk.items()}
    va = {k: agg(v) for k, v in vk.items()}
    med = {}
    for (_cl, pr), (q, p, _r) in pa.items():
        if q > 0:
            med.setdefault(pr, []).append(p)
    out = []
    for key in sorted(set(va) | set(pa)):
        cl, pr = key
        vq, c, vr = va.get(key, (F(0), F(0), []))
        pq, p, pr_ = pa.get(key, (F(0), F(0), []))

        def add(t, imp, cl=cl, pr=pr, vr=vr, prows=pr_):
            out.append(
                {
                    "type": t,
                    "client": cl,
                    "product": pr,
                    "vendor_rows": vr,
                    "psa_rows": prows,
                    "monthly_impact": half_up(imp),
                }
            )

        if vq > 0 and key not in pa:
            m = statistics.median(med[pr]) if pr in med else c
            add("unbilled", vq * m)
            continue
        if pq > 0 and vq <= 0:
            if p != 0:
                add("no_vendor_record", pq * p)
            continue
        if vq > pq > 0:
            add("under_billed", (vq - pq) * p)
        if pq > vq > 0:
            add("over_billed", (pq - vq) * p)
        if vq > 0 and pq > 0 and p < c:
            add("below_cost", (c - p) * min(vq, pq))
    return out


CLIENT_CLASSES = [
    "suffix_left_off_in_sheet",
    "caps_typed_client_name",
    "contact_first_name_in_brackets",
    "city_code_dash_prefix",
    "legal_form_rewritten",
    "first_word_letters_swapped",
    "asterisk_flag_after_name",
    "diacritics_typed_plain",
    "store_number_as_no_padded",
    "ampersand_written_and",
]
