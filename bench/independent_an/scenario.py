"""Numbers, names and spellings of a set-AN case, and the truth findings (README's rules)."""

from __future__ import annotations

import random
import re
import statistics
from dataclasses import dataclass, field
from fractions import Fraction

from .catalog import ADDON_OF, BY_KEY, EXTRAS, MIGRATIONS, SERVICES, SUITES

BRANDS = [
    ("Bright", "Path"),
    ("North", "wind"),
    ("Blue", "gum"),
    ("Kestrel",),
    ("Harbour",),
    ("Salt", "bush"),
    ("Iron", "bark"),
    ("Wattle",),
    ("Coast", "line"),
    ("Red", "gum"),
    ("Silver", "eye"),
    ("Lyre", "bird"),
    ("Paper", "bark"),
    ("Quokka",),
    ("Banksia",),
    ("Black", "wood"),
    ("Cobalt",),
    ("Tide", "well"),
    ("Sun", "ridge"),
    ("Stone", "fruit"),
    ("Magpie",),
    ("Orbit",),
    ("Pixel", "Forge"),
    ("Clear", "Water"),
    ("Green", "Leaf"),
    ("Nimbus",),
    ("Little", "River"),
    ("Tall", "Timber"),
    ("Fig", "Tree"),
    ("Jacaranda",),
    ("Copper", "Kettle"),
    ("Ember",),
    ("Lumen",),
    ("Mango",),
    ("True", "North"),
    ("Wild", "Oats"),
    ("Sea", "Change"),
    ("Half", "Moon"),
    ("Brick", "Lane"),
    ("Cedar",),
    ("Pelican",),
    ("Koala",),
    ("Pine", "Hill"),
    ("Sky", "Lark"),
    ("Bell", "bird"),
    ("Spin", "ifex"),
    ("Kite",),
    ("Hatch",),
    ("Drift", "wood"),
    ("Cassowary",),
    ("Echidna",),
    ("Gully",),
    ("Mulga",),
    ("Currawong",),
    ("Yarra",),
    ("Swan", "Valley"),
    ("Tasman",),
    ("Otway",),
    ("Murray",),
    ("Flinders",),
    ("Huon",),
    ("Daintree",),
    ("Kakadu",),
    ("Barossa",),
    ("Noosa",),
    ("Byron",),
    ("Torrens",),
    ("Derwent",),
    ("Hawkes", "bury"),
    ("Blue", "Wren"),
    ("Golden", "Wattle"),
    ("Fire", "fly"),
    ("Bright", "Spark"),
    ("Quill",),
    ("Anvil",),
    ("Atlas",),
    ("Vantage",),
    ("Keystone",),
    ("Meridian",),
    ("Zephyr",),
    ("Cobble", "stone"),
]
_SEEN = {"".join(b).lower() for b in BRANDS}
for _a in [
    "Bright",
    "Blue",
    "Red",
    "Silver",
    "Green",
    "Clear",
    "Golden",
    "Wild",
    "Sea",
    "Sky",
    "Pine",
    "Salt",
    "Stone",
    "Tide",
    "Sun",
    "True",
    "Oak",
    "Rock",
    "Star",
    "River",
]:
    for _b in ["Gate", "Field", "Water", "Ridge", "View", "Leaf", "Point", "Haven", "Bay", "Crest"]:
        if (_a + _b).lower() not in _SEEN:
            _SEEN.add((_a + _b).lower())
            BRANDS.append((_a, _b))
TRADES = [
    ("Architects", "Pty Ltd"),
    ("Accounting", "Pty Ltd"),
    ("Design", "Pty Ltd"),
    ("Dental", "Pty Ltd"),
    ("Physiotherapy", "Pty Ltd"),
    ("Legal", "Pty Ltd"),
    ("Creative Agency", "Pty Ltd"),
    ("Labs", "Pty Ltd"),
    ("Analytics", "Pty Ltd"),
    ("Medical Clinic", "Pty Ltd"),
    ("Foundation", "Ltd"),
    ("Community Services", "Inc"),
    ("Plumbing", "Pty Ltd"),
    ("Landscapes", "Pty Ltd"),
    ("Vet Clinic", "Pty Ltd"),
    ("Engineering", "Pty Ltd"),
    ("Property Group", "Pty Ltd"),
    ("Consulting", "Pty Ltd"),
    ("Collective", "Pty Ltd"),
    ("Brewing Co", "Pty Ltd"),
    ("Studio", "Pty Ltd"),
    ("Tax & Advisory", "Pty Ltd"),
    ("Design & Build", "Pty Ltd"),
    ("HQ", "Pty Ltd"),
    ("Recruitment", "Pty Ltd"),
    ("Surveyors", "Pty Ltd"),
    ("Youth Trust", "Inc"),
    ("Media", "Pty Ltd"),
]
SUFFIX_WORDS = ["Labs", "Studio", "Collective", "HQ"]
SUFFIX_STYLES = {
    "Pty Ltd": ["Pty. Ltd.", "PTY LIMITED", "Pty Limited", "P/L"],
    "Ltd": ["Limited", "Ltd."],
    "Inc": ["Inc.", "Incorporated"],
    "Limited": ["Ltd"],
}
SIB_KINDS = [
    ("Studio", "Pty Ltd", "Studios Group", "Pty Ltd"),
    ("Legal", "Pty Ltd", "Legal (NZ)", "Limited"),
    ("Dental Surry Hills", "Pty Ltd", "Dental Parramatta", "Pty Ltd"),
    ("Accounting", "Pty Ltd", "Accounting Trust Services", "Pty Ltd"),
    ("Labs", "Pty Ltd", "Labs Holdings", "Pty Ltd"),
]
EXPAND = {
    "biz": "business",
    "bus": "business",
    "std": "standard",
    "prem": "premium",
    "ent": "enterprise",
    "adv": "advanced",
    "+": "plus",
}


def words(text):
    t = text.lower().replace("+", " + ")
    out = []
    for w in re.findall(r"[a-z0-9+]+", t):
        out.append(EXPAND.get(w, w))
    return set(out)


@dataclass
class VLine:
    cid: int
    product: str
    role: str  # licence | credit
    qty: int
    unit: Fraction  # monthly unit cost
    plan: str  # ANNUAL | FLEXIBLE
    sub: int
    classes: list = field(default_factory=list)
    yearly: bool = False
    row: int = 0


@dataclass
class PLine:
    cid: int
    product: str | None
    role: str  # licence | service | not_billed
    qty: int
    unit: Fraction  # monthly unit price
    text: str = ""
    classes: list = field(default_factory=list)
    yearly: bool = False
    row: int = 0


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str = "AUD"


def cents(n):
    return Fraction(int(n), 100)


def round_up_half(x):
    """half-up to the cent (impacts are positive)."""
    return (Fraction(x) * 100 + Fraction(1, 2)).__floor__()


def fmt_cents(c):
    s = "-" if c < 0 else ""
    c = abs(c)
    return f"{s}{c // 100}.{c % 100:02d}"


# ---------------------------------------------------------------- clients


def make_clients(rng, n):
    combos = [(b, t) for b in BRANDS for t in TRADES]
    rng.shuffle(combos)
    used_brand_trade, clients = set(), []
    n_sib = max(2, n // 14)
    sib_brands = []
    for b in BRANDS:
        if len(sib_brands) >= n_sib:
            break
        if rng.random() < 0.5:
            sib_brands.append(b)
    rng.shuffle(sib_brands)
    pool = [b for b in BRANDS if b not in sib_brands]
    for b in sib_brands[: n_sib // 1]:
        if len(clients) + 2 > n:
            break
        k = SIB_KINDS[rng.randrange(len(SIB_KINDS))]
        for trade, legal in ((k[0], k[1]), (k[2], k[3])):
            clients.append({"brand": b, "trade": trade, "legal": legal, "sibling": True})
    i = 0
    while len(clients) < n:
        b, (trade, legal) = combos[i]
        i += 1
        if b not in pool or (b, trade) in used_brand_trade:
            continue
        if sum(1 for c in clients if c["brand"] == b) >= 1 + n // len(pool):
            continue
        if any(
            c["brand"] == b and (c["trade"] in SUFFIX_WORDS or trade in SUFFIX_WORDS)
            for c in clients
        ):
            continue
        used_brand_trade.add((b, trade))
        clients.append({"brand": b, "trade": trade, "legal": legal, "sibling": False})
    joined = {}
    for b in BRANDS:
        joined[b] = len(b) == 2 and (rng.random() < 0.5 or b[1][0].islower())
    for cid, c in enumerate(clients):
        c["id"] = cid
        c["shared"] = sum(1 for d in clients if d["brand"] == c["brand"]) > 1
        c["joined"] = joined[c["brand"]]
        bname = "".join(c["brand"]) if c["joined"] else " ".join(c["brand"])
        c["bname"] = bname
        c["canonical"] = f"{bname} {c['trade']} {c['legal']}"
        c["cclasses"] = []
    return clients


def domain_of(c, rng):
    brand = "".join(c["brand"]).lower()
    trade = re.sub(r"[^a-z]", "", c["trade"].lower().split()[0])
    tld = ".co.nz" if "(NZ)" in c["trade"] else ".com.au"
    r = rng.random()
    if c["sibling"]:
        extra = re.sub(r"[^a-z]", "", c["trade"].lower())
        return f"{brand}{extra}{tld}", None
    if r < 0.45:
        return f"{brand}{trade}{tld}", None
    if r < 0.65 and len(c["brand"]) == 2:
        return "-".join(w.lower() for w in c["brand"]) + f"-{trade}{tld}", "domain_hyphenated_brand"
    if r < 0.82 and not c["shared"]:
        return f"{brand}{tld}", "domain_brand_only"
    if r < 0.82:
        return f"{brand}{trade}{tld}", None
    return f"{brand}{trade}" + rng.choice([".io", ".co", ".net.au"]), "domain_other_tld"


def psa_name(c, rng):
    """the books' name and its class (one or none)."""
    canon = c["canonical"]
    base = f"{c['bname']} {c['trade']}"
    opts = [
        "pty_ltd_left_off",
        "legal_suffix_restyled",
        "abn_in_books_name",
        "books_name_all_caps",
        None,
        None,
    ]
    if not c["sibling"] and not c["shared"]:
        opts += [
            "brand_suffix_word_toggled",
            "renamed_with_formerly_tag",
            "trading_name_trust_tail",
        ]
        if len(c["brand"]) == 2 and c["brand"][1][0].isupper():
            opts += ["camelcase_brand_respaced"] * 2
        if "&" in c["trade"]:
            opts += ["ampersand_and_swapped"] * 3
    k = rng.choice(opts)
    if k is None:
        return canon, []
    if k == "pty_ltd_left_off":
        return base, [k]
    if k == "legal_suffix_restyled":
        return f"{base} {rng.choice(SUFFIX_STYLES[c['legal']])}", [k]
    if k == "abn_in_books_name":
        abn = f"{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
        return f"{canon} (ABN {abn})", [k]
    if k == "books_name_all_caps":
        return canon.upper(), [k]
    if k == "camelcase_brand_respaced":
        other = " ".join(c["brand"]) if c["joined"] else "".join(c["brand"])
        return f"{other} {c['trade']} {c['legal']}", [k]
    if k == "ampersand_and_swapped":
        return f"{c['bname']} {c['trade'].replace('&', 'and')} {c['legal']}", [k]
    if k == "brand_suffix_word_toggled":
        tw = c["trade"].split()
        if tw[-1] in SUFFIX_WORDS and len(tw) > 1:
            return f"{c['bname']} {' '.join(tw[:-1])} {c['legal']}", [k]
        if c["trade"] in SUFFIX_WORDS:
            return f"{c['bname']} {c['legal']}", [k]
        return f"{c['bname']} {c['trade']} {rng.choice(SUFFIX_WORDS)}", [k]
    if k == "renamed_with_formerly_tag":
        newb = rng.choice(
            ["Aster", "Verve", "Tandem", "Northstar", "Loop", "Parallel", "Fathom", "Relay"]
        )
        return f"{newb} {c['trade']} (formerly {canon})", [k]
    if k == "trading_name_trust_tail":
        fam = rng.choice(
            ["Nguyen", "Papadopoulos", "Singh", "O'Brien", "Kowalczyk", "Tran", "Murphy", "Chen"]
        )
        return f"{base} (The Trustee for the {fam} Family Trust)", [k]
    raise AssertionError(k)


# ---------------------------------------------------------------- numbers


def seats(rng, hi=60):
    return max(1, min(hi, int(rng.lognormvariate(2.0, 0.8))))


def make_numbers(seed, n):
    rng = random.Random(f"AN-numbers|{seed}|{n}")
    clients = make_clients(rng, n)
    for c in clients:
        r = rng.random()
        c["kind"] = "vendor_only" if r < 0.03 else "psa_only" if r < 0.05 else "both"
        c["domain"], c["dclass"] = domain_of(c, rng)
    seen = set()
    for c in clients:
        if c["domain"] in seen:  # never two customers on one domain
            c["domain"] = re.sub(r"^([^.]+)", r"\1-" + str(c["id"]), c["domain"])
            c["dclass"] = c["dclass"] or "domain_other_tld"
        seen.add(c["domain"])
    keys = []  # (cid, product, outcome, vq, pq, extra)
    for c in clients:
        basket = {}
        anchor = rng.choices(["google", "microsoft", None], [0.48, 0.42, 0.10])[0]
        n0 = seats(rng)
        if anchor:
            basket[rng.choice(SUITES[anchor])] = n0
            if rng.random() < 0.12:  # two tiers of one maker
                k2 = rng.choice(SUITES[anchor])
                basket.setdefault(k2, seats(rng, 12))
        ex = EXTRAS["any"] + (EXTRAS[anchor] if anchor else [])
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
            k = rng.choice(ex)
            if k in ADDON_OF and not any(BY_KEY[b].family == ADDON_OF[k] for b in basket):
                continue
            basket.setdefault(k, n0 if rng.random() < 0.4 else seats(rng, n0 + 5))
        mig = None
        if c["kind"] == "both" and rng.random() < 0.16:
            old, new, notes = MIGRATIONS[rng.randrange(len(MIGRATIONS))]
            for k in list(basket):
                if BY_KEY[k].family in (BY_KEY[old].family, BY_KEY[new].family) and k not in (
                    old,
                    new,
                ):
                    del basket[k]
            s = n0
            basket[old] = s
            basket[new] = s if rng.random() < 0.6 else max(1, s + rng.choice([-2, -1, 1, 3]))
            state = (
                "mid" if rng.random() < 0.7 else rng.choice(["done_vendor_left", "done_psa_left"])
            )
            mig = {"old": old, "new": new, "state": state, "note": rng.choice(notes)}
        c["mig"] = mig
        for k in sorted(basket, key=lambda x: (BY_KEY[x].family, x)):
            vq = basket[k]
            if c["kind"] == "vendor_only":
                out = "unbilled"
            elif c["kind"] == "psa_only":
                out = "nvr"
            elif mig and k == mig["old"] and mig["state"] == "done_vendor_left":
                out = "unbilled"
            elif mig and k == mig["old"] and mig["state"] == "done_psa_left":
                out = "nvr"
            else:
                r = rng.random()
                out = (
                    "unbilled"
                    if r < 0.055
                    else "under"
                    if r < 0.11
                    else "over"
                    if r < 0.16
                    else "below"
                    if r < 0.215
                    else "under_below"
                    if r < 0.23
                    else "ok"
                )
                if out.startswith("under") and vq < 2:
                    out = "over"
            keys.append([c["id"], k, out, vq])
        if (
            c["kind"] == "both" and rng.random() < 0.09
        ):  # PSA bills a product the vendor has no record of
            k = rng.choice(ex)
            if k not in basket and k not in ADDON_OF:
                keys.append([c["id"], k, "nvr", seats(rng, n0 + 3)])
    vlines, plines = [], []
    for cid, k, out, vq in keys:
        p = BY_KEY[k]
        base = cents(p.cost)
        vls = []
        if out != "nvr":
            if vq >= 3 and rng.random() < 0.22:
                q1 = rng.randint(1, vq - 1)
                flex = rng.random() < 0.5
                vls.append(VLine(cid, k, "licence", q1, base, "ANNUAL", 1))
                u2 = cents(round(p.cost * 1.2)) if flex else base
                vls.append(
                    VLine(cid, k, "licence", vq - q1, u2, "FLEXIBLE" if flex else "ANNUAL", 2)
                )
                if flex:
                    for v in vls:
                        v.classes.append("flex_beside_annual_sub")
            else:
                vls.append(
                    VLine(
                        cid,
                        k,
                        "licence",
                        vq,
                        base,
                        "ANNUAL" if rng.random() < 0.7 else "FLEXIBLE",
                        1,
                    )
                )
            if rng.random() < 0.08:
                vls[0].qty += 1
                vls.append(
                    VLine(
                        cid,
                        k,
                        "credit",
                        -1,
                        vls[0].unit,
                        vls[0].plan,
                        vls[0].sub,
                        ["vendor_credit_minus_one"],
                    )
                )
        vlines += vls
        c_w = sum((v.qty * v.unit for v in vls), Fraction(0)) / vq if vls else base
        if out in ("unbilled",):
            pq = 0
        elif out in ("under", "under_below"):
            pq = vq - rng.randint(1, max(1, vq // 4))
        elif out == "over":
            pq = vq + rng.randint(1, max(1, vq // 5))
        else:
            pq = vq
        if out in ("below", "under_below"):
            price = Fraction(int(c_w * rng.uniform(0.78, 0.95) * 100), 100)
        else:
            price = Fraction(int(c_w * rng.uniform(1.12, 1.4) * 20 + 1), 20)
        if pq > 0:
            if pq >= 4 and rng.random() < 0.08:
                q1 = rng.randint(1, pq - 1)
                plines.append(PLine(cid, k, "licence", q1, price))
                plines.append(
                    PLine(
                        cid, k, "licence", pq - q1, price, classes=["extra_seats_second_psa_line"]
                    )
                )
            else:
                plines.append(PLine(cid, k, "licence", pq, price))
        if rng.random() < (0.3 if out == "unbilled" else 0.04):
            plines.append(
                PLine(
                    cid,
                    k,
                    "not_billed",
                    max(1, vq + rng.choice([-1, 0, 2])),
                    price,
                    classes=["cancelled_line_kept"],
                )
            )
    for c in clients:
        if c["kind"] == "vendor_only":
            continue
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            s = rng.choice(SERVICES)
            q = 1 if "laptop" in s or "project" in s or "session" in s else rng.randint(1, 40)
            pr = Fraction(rng.choice([45, 60, 95, 120, 150, 165, 1450, 1890]))
            cl = ["service_mentions_product"] if ("Workspace" in s or "Slack" in s) else []
            plines.append(PLine(c["id"], None, "service", q, pr, text=s, classes=cl))
    return clients, vlines, plines


# ---------------------------------------------------------------- spellings


def held_by(case_clients, vlines, plines):
    held = {c["id"]: set() for c in case_clients}
    vend = {c["id"]: set() for c in case_clients}
    for v in vlines:
        held[v.cid].add(v.product)
        vend[v.cid].add(v.product)
    for p in plines:
        if p.product:
            held[p.cid].add(p.product)
    return held, vend


def bare_ok(text, key, held):
    """a tier-only / family-only spelling names `key` only if no other held product could be it."""
    w = words(text)
    for q in held:
        if q == key:
            continue
        qp = BY_KEY[q]
        qw = words(qp.name) | words(qp.maker) | {qp.family}
        if w <= qw:
            return False
    return True


TIER_PHRASES = [
    "business standard",
    "business plus",
    "enterprise standard",
    "standard",
    "pro",
    "business",
    "advanced",
    "teams",
    "essentials",
    "starter",
    "premium",
    "core",
    "enterprise",
]


def tier_of(key):
    w = (
        " "
        + " ".join(re.findall(r"[a-z0-9+]+", BY_KEY[key].name.lower().replace("+", " plus")))
        + " "
    )
    return {t for t in TIER_PHRASES if f" {t} " in w}


TYPOS = {
    "business": ["buisness", "busines", "bussiness"],
    "standard": ["standrad", "stanadrd", "standart"],
    "workspace": ["worksapce", "workpsace"],
    "premium": ["premuim", "preimum"],
    "enterprise": ["enterprize", "entreprise"],
    "google": ["gogle", "googel"],
    "dropbox": ["dropbx", "drop box"],
    "microsoft": ["mircosoft", "microsfot"],
    "acrobat": ["acorbat", "acrobt"],
    "confluence": ["confluance", "confluene"],
    "keeper": ["keper"],
    "lastpass": ["last pass", "lastpas"],
    "ringcentral": ["ring central", "ringcentrl"],
    "docusign": ["docusgin", "docu sign"],
    "frontline": ["frontlne", "front line"],
    "advanced": ["advaned", "advnaced"],
}

CADENCE = ["(annual)", "(flex)", "- monthly", "(12 mth)", "(annual plan)", "- month to month"]
TAILS = [
    "ex GST per user/mth",
    "per user per month",
    "- licence",
    "user licences",
    "subscription ex GST",
]


def apply_typo(text, rng):
    toks = text.split(" ")
    idx = [i for i, t in enumerate(toks) if t.lower() in TYPOS]
    if not idx:
        return None
    i = rng.choice(idx)
    t = rng.choice(TYPOS[toks[i].lower()])
    toks[i] = t.capitalize() if toks[i][0].isupper() else t
    return " ".join(toks)


def spell(key, c, held, on_vendor, rng, habit):
    """(text, classes) for a PSA line of product `key` for client c."""
    p = BY_KEY[key]
    cls = []
    mig = c["mig"]
    is_old = bool(mig and key == mig["old"])
    is_new = bool(mig and key == mig["new"])
    choices = []  # (weight, kind)
    if on_vendor:
        bares = [b for b in p.bare if bare_ok(b, key, held)]
        if bares:
            choices.append((habit["bare"], "bare"))
        fam_n = sum(1 for q in held if BY_KEY[q].family == p.family)
        olds = [o for o in p.old if bare_ok(o, key, held)]
        if olds and fam_n == 1:
            choices.append((habit["old"], "old"))
    shorts = [s for s in p.short if bare_ok(s, key, held)]
    if shorts:
        choices.append((habit["short"], "short"))
    if p.parent:
        choices.append((habit["parent"], "parent"))
    choices.append((habit["full"], "full"))
    choices.append((habit["sku"], "sku"))
    kind = rng.choices([k for _, k in choices], [w for w, _ in choices])[0]
    if kind == "bare":
        text = rng.choice(bares)
        cls.append("tier_words_only_maker_gone")
    elif kind == "old":
        text = rng.choice(olds)
        cls.append("superseded_product_name")
    elif kind == "short":
        text = rng.choice(shorts)
        cls.append("staff_short_form")
    elif kind == "parent":
        text = f"{p.parent} - {p.name}" if p.maker != "Atlassian" else f"Atlassian {p.name}"
        cls.append("parent_company_prefixed")
    elif kind == "sku":
        text = f"{p.sku} {p.name}"
        cls.append("maker_sku_in_desc")
    else:
        text = p.name
    if is_old and mig["state"] == "mid":
        if kind == "bare" or rng.random() < 0.7:
            text = f"{text} {mig['note']}"
            cls.append("cutover_note_on_old_line")
    elif is_new and kind != "bare" and rng.random() < 0.5:
        text = f"{text} " + rng.choice(["(new)", "- new platform", "(post-migration)"])
        cls.append("new_platform_note")
    r = rng.random()
    if r < habit["typo"]:
        t = apply_typo(text, rng)
        if t:
            text = t
            cls.append("fat_finger_typo")
    elif r < habit["typo"] + habit["cadence"]:
        text = f"{text} {rng.choice(CADENCE)}"
        cls.append("plan_cadence_in_brackets")
    elif r < habit["typo"] + habit["cadence"] + habit["tail"]:
        text = f"{text} {rng.choice(TAILS)}"
        cls.append("gst_and_unit_tail")
    if rng.random() < habit["lower"]:
        text = text.lower()
        cls.append("lowercase_typed")
    return text, cls


def context_classes(c, key, held):
    cls = []
    p = BY_KEY[key]
    t = tier_of(key)
    for q in held:
        if q != key and BY_KEY[q].maker != p.maker and (tier_of(q) & t):
            cls.append("same_tier_two_makers_client")
            break
    if any(q != key and BY_KEY[q].family == p.family for q in held):
        cls.append("two_tiers_one_maker_held")
    fam_add = ADDON_OF.get(key)
    if (
        (fam_add and any(BY_KEY[q].family == fam_add for q in held))
        or (
            key in ("gvoice_starter", "gvoice_std", "gvoice_prem", "gvault")
            and any(BY_KEY[q].family == "gws" for q in held)
        )
        or (key == "zoom_phone" and any(BY_KEY[q].family == "zoomwp" for q in held))
        or (
            p.family in ("gws", "slack", "zoomwp")
            and any(
                ADDON_OF.get(q) == p.family
                or q in ("gvoice_starter", "gvoice_std", "gvoice_prem", "gvault", "zoom_phone")
                for q in held
                if q != key
            )
        )
    ):
        cls.append("addon_beside_base_held")
    m = c["mig"]
    if m and key in (m["old"], m["new"]):
        cls.append(
            "mid_cutover_both_held"
            if m["state"] == "mid"
            else "cutover_done_old_product"
            if key == m["old"]
            else "mid_cutover_both_held"
        )
    return cls


HABITS = {  # weights per PSA system's house habits
    "a": dict(
        bare=4,
        old=1.5,
        short=3,
        parent=0.5,
        full=2,
        sku=0.4,
        typo=0.08,
        cadence=0.10,
        tail=0.08,
        lower=0.04,
    ),
    "b": dict(
        bare=3,
        old=2,
        short=4,
        parent=1,
        full=2,
        sku=0.8,
        typo=0.10,
        cadence=0.06,
        tail=0.12,
        lower=0.02,
    ),
    "c": dict(
        bare=5,
        old=1,
        short=2,
        parent=0.3,
        full=3,
        sku=0.2,
        typo=0.06,
        cadence=0.14,
        tail=0.05,
        lower=0.06,
    ),
}


def build_case(seed, psa_format, n, perturb):
    clients, vlines, plines = make_numbers(seed, n)
    srng = random.Random(f"AN-spell|{seed}|{n}|{psa_format}")
    habit = HABITS["abc"[sum(map(ord, psa_format)) % 3]]
    held, vend = held_by(clients, vlines, plines)
    for c in clients:
        c["psa_name"], cc = psa_name(c, srng)
        c["cclasses"] = list(cc)
        if c["sibling"]:
            c["cclasses"].append("sibling_shared_brand_root")
        if not perturb:
            c["psa_name"] = c["canonical"]
            c["cclasses"] = ["sibling_shared_brand_root"] if c["sibling"] else []
    byid = {c["id"]: c for c in clients}
    for p in plines:
        if p.product is None:
            continue
        c = byid[p.cid]
        ctx = context_classes(c, p.product, held[p.cid])
        if perturb:
            text, cl = spell(p.product, c, held[p.cid], p.product in vend[p.cid], srng, habit)
        else:
            text, cl = BY_KEY[p.product].name, []
        p.text = text
        p.classes = cl + p.classes + ctx
    return Case(clients, vlines, plines)


# ---------------------------------------------------------------- truth


def compute_findings(case):
    byid = {c["id"]: c for c in case.clients}
    V, P = {}, {}
    for v in case.vlines:
        V.setdefault((v.cid, v.product), []).append(v)
    for p in case.plines:
        if p.role == "licence":
            P.setdefault((p.cid, p.product), []).append(p)

    def agg(lines):
        q = sum(x.qty for x in lines)
        u = sum((x.qty * x.unit for x in lines), Fraction(0)) / q if q else Fraction(0)
        return q, u

    med = {}
    for (cid, k), ls in P.items():
        q, u = agg(ls)
        if q > 0 and u > 0:
            med.setdefault(k, []).append(u)
    out = []
    for key in sorted(set(V) | set(P), key=lambda x: (byid[x[0]]["canonical"], BY_KEY[x[1]].name)):
        cid, k = key
        vl, pl = V.get(key, []), P.get(key, [])
        vq, c = agg(vl) if vl else (0, None)
        pq, p = agg(pl) if pl else (0, None)
        found = []
        if vq > 0 and pq == 0:
            m = statistics.median(med[k]) if k in med else c
            found.append(("unbilled", vq * m))
        if vq > pq > 0:
            found.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            found.append(("over_billed", (pq - vq) * p))
        if pq > 0 and vq == 0 and p > 0:
            found.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            found.append(("below_cost", (c - p) * min(vq, pq)))
        for t, amt in found:
            out.append(
                {
                    "type": t,
                    "client": byid[cid]["canonical"],
                    "product": BY_KEY[k].name,
                    "vendor_rows": sorted(x.row for x in vl),
                    "psa_rows": sorted(x.row for x in pl),
                    "monthly_impact": fmt_cents(round_up_half(amt)),
                }
            )
    return out
