"""Clients, baskets, lines, perturbations and findings of set AJ (numbers depend on seed + clients)."""

from __future__ import annotations

import random
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .catalog import BY_KEY, FAMILIES, INHOUSE, PRODUCTS, SERVICES

PLACES = [
    "Northern Beaches",
    "Harbourside",
    "Kestrel",
    "Redgum",
    "Bluewater",
    "Granite Hill",
    "Silverbirch",
    "Westgate",
    "Ironbark",
    "Lakeside",
    "Copperfield",
    "Sandstone",
    "Riverbend",
    "Hawthorn",
    "Eastbrook",
    "Pinecrest",
    "Marlow",
    "Ashcombe",
    "Brightwater",
    "Tallowood",
    "Stonebridge",
    "Fernleigh",
    "Coastline",
    "Oakridge",
    "Bellbird",
    "Summit",
    "Heritage",
    "Clearwater",
    "Wattle Creek",
    "Kingfisher",
    "Juniper",
    "Meridian",
    "Highfield",
    "Larkspur",
    "Thornbury",
    "Elmstead",
    "Greenvale",
    "Cobalt",
    "Seabreeze",
    "Windmill",
    "Moorland",
    "Saltbush",
    "Ravenswood",
    "Driftwood",
    "Banksia",
]
TRADES = [
    "Physiotherapy",
    "Plumbing",
    "Accountants",
    "Legal",
    "Dental",
    "Engineering",
    "Logistics",
    "Veterinary Clinic",
    "Architects",
    "Joinery",
    "Electrical",
    "Surveyors",
    "Property Group",
    "Medical Centre",
    "Freight",
    "Landscaping",
    "Builders",
    "Optometrists",
    "Pharmacy",
    "Roofing",
    "Insurance Brokers",
    "Consulting",
    "Tools",
    "Print Studio",
    "Motors",
    "Catering",
    "Financial Planning",
    "Kitchens",
    "Childcare",
    "Winery",
    "Labs",
    "Brewing Co",
]
SPECIAL = [
    "Café Nord",
    "Brasserie Lumière",
    "Zürich Reisebüro",
    "Crème Patisserie",
    "Señorita Tapas",
    "Müller Haustechnik",
    "Élan Coiffure",
    "Société Dupré Conseil",
    "Björk Design Studio",
    "Ångström Optics",
    "Jürgens Bäckerei",
    "Hôtel Belle Rive",
    "Smith & Jones Accountants",
    "Baker & Ward Surveyors",
    "Lane & Co Conveyancing",
    "Price & Partners Legal",
    "Hart & Sons Electrical",
    "Rowe & Finch Dental",
    "O'Neill's Pharmacy",
    "St John's Medical Practice",
    "Kelly's Hardware",
    "D'Arcy Property Advisory",
    "McKenzie's Removals",
    "Tom's Auto Repairs",
    "Northern Beaches Physiotherapy Centre",
    "Greater Western Sydney Occupational Therapy",
    "Eastern Suburbs Community Legal Service",
    "Hills District Orthodontic Specialists",
    "Southern Highlands Veterinary Hospital",
    "Central Coast Commercial Refrigeration",
]
SUFFIXES = ["Pty Ltd", "Pty Ltd", "Ltd", "Limited", "Inc", "LLC", "Pty Ltd", ""]
ACQUIRED = ["Brightline", "Tern Point", "Calloway", "Westmere", "Quarry Lane", "Harlow"]
RENAMED = ["Group", "Holdings", "Collective", "Partners", "Services Group"]

DESC_CLASSES = [
    "ledger_width_cut_30_31",
    "ledger_width_cut_40_41",
    "cut_lost_edition_single_family",
    "upper_only_legacy_field",
    "old_psa_code_then_text",
    "old_code_alone",
    "agreement_title_as_line_text",
    "qty_folded_line_total_qty1",
    "dash_mojibake_text",
    "migration_sheet_shorthand",
    "maker_not_typed_in_new_psa",
    "typo_keyed_at_migration",
    "extra_words_carried_over",
    "inhouse_label_from_old_psa",
    "space_runs_and_nbsp_text",
]
NAME_CLASSES = [
    "name_cut_old_ledger_width",
    "ledger_upper_case_name",
    "codepage_double_encoded_name",
    "codepage_qmark_name",
    "accent_lost_on_export",
    "amp_rewritten_legacy",
    "apostrophe_dropped_on_import",
    "padded_double_space_name",
    "zero_pad_lost_site_no",
    "legacy_custno_glued",
]


@dataclass
class VLine:
    cid: int
    product: str
    qty: int
    unit: Decimal  # monthly unit cost
    role: str = "licence"
    classes: list = field(default_factory=list)
    vname: str = ""
    domain: str = ""
    tenant: str = ""
    sub: str = ""
    row: int = 0


@dataclass
class PLine:
    cid: int
    product: str | None
    text: str
    qty: int  # seats the line bills (truth)
    unit: Fraction  # monthly price per seat (truth)
    role: str = "licence"
    classes: list = field(default_factory=list)
    pname: str = ""
    record: int = 0  # which PSA record of the client (0 / 1 for a migration twin)
    agreement: str = ""
    cell_qty: int = 0
    cell_price: Decimal = Decimal(0)
    unit_word: str = "user"
    row: int = 0


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str
    codes: dict


def _slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", s.lower())[:24]


def _names(rng, n):
    out, used = [], set()
    specials = SPECIAL[:]
    rng.shuffle(specials)
    while len(out) < n:
        r = rng.random()
        if r < 0.22 and specials:
            base = specials.pop()
        else:
            base = f"{rng.choice(PLACES)} {rng.choice(TRADES)}"
        if base in used:
            continue
        used.add(base)
        out.append(base)
    return out


def build_clients(rng, n):
    """Canonical clients; siblings are separate clients that look like migration twins."""
    bases = _names(rng, n)
    clients = []
    i = 0
    while len(clients) < n:
        base = bases[i]
        i += 1
        suffix = rng.choice(SUFFIXES)
        c = {"base": base, "suffix": suffix, "sib": None}
        clients.append(c)
        r = rng.random()
        if r < 0.05 and len(clients) < n - 1:  # "Acme Tools" and "Acme Tools Hire"
            clients.append(
                {
                    "base": base + " " + rng.choice(["Hire", "Rentals", "Trade Centre"]),
                    "suffix": suffix,
                    "sib": "sibling_hire_arm_not_twin",
                }
            )
            c["sib"] = "sibling_hire_arm_not_twin"
        elif r < 0.09 and len(clients) < n - 2:  # numbered sites
            c["base"] = base + " " + f"{rng.randint(1, 9):03d}"
            c["sib"] = "numbered_site_not_twin"
            k = int(c["base"][-3:])
            clients.append(
                {
                    "base": base + " " + f"{k + rng.randint(1, 5):03d}",
                    "suffix": suffix,
                    "sib": "numbered_site_not_twin",
                }
            )
        elif r < 0.12 and len(clients) < n - 1:  # parent and subsidiary billed apart
            clients.append(
                {
                    "base": base + " " + rng.choice(["Logistics", "Properties", "Training"]),
                    "suffix": suffix,
                    "sib": "parent_sub_billed_apart",
                }
            )
            c["sib"] = "parent_sub_billed_apart"
    for k, c in enumerate(clients):
        c["id"] = k
        c["canonical"] = (c["base"] + " " + c["suffix"]).strip()
        c["domain"] = _slug(c["base"]) + ".onmicrosoft.com"
        c["tenant"] = "%08x-%04x-4%03x-a%03x-%012x" % (
            rng.getrandbits(32),
            rng.getrandbits(16),
            rng.getrandbits(12),
            rng.getrandbits(12),
            rng.getrandbits(48),
        )
        c["custno"] = f"{rng.randint(1, 99999):05d}"
    return clients


def cents(x):
    return Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, Fraction) else x


def money(fr):
    q = Fraction(fr) * 100
    n = q.numerator // q.denominator
    if q - n >= Fraction(1, 2):
        n += 1
    sign = "-" if n < 0 else ""
    n = abs(n)
    return f"{sign}{n // 100}.{n % 100:02d}"


def list_price(p):
    return (p.cost * Decimal("1.15")).quantize(Decimal("0.01"), ROUND_HALF_UP)


def build_case(seed, clients_n, currency, perturb):
    rng = random.Random(f"AJ|{seed}|{clients_n}")
    clients = build_clients(rng, clients_n)
    ms = [p.key for p in PRODUCTS if p.ms]
    tp = [p.key for p in PRODUCTS if not p.ms]
    suites = ["bb", "bs", "bp", "bp", "bp", "m3", "m5", "o3", "o1", "m3nt", "o3nt", "f3", "exo1"]
    codes, seen = {}, set()
    for p in PRODUCTS:
        while True:
            code = f"LEG-{rng.randint(100, 9999):04d}"
            if code not in seen:
                seen.add(code)
                codes[p.key] = code
                break
    vlines, plines = [], []
    for c in clients:
        r = rng.random()
        c["side"] = "vendor_only" if r < 0.03 else ("psa_only" if r < 0.055 else "both")
        basket = {}
        main = rng.choice(suites)
        size = rng.choice([3, 5, 6, 8, 10, 12, 15, 18, 24, 30, 45, 60])
        basket[main] = size
        if rng.random() < 0.18:  # a look-alike edition held beside (E3 + E5, Basic + Premium ...)
            fam = [k for k in FAMILIES[BY_KEY[main].family] if k != main]
            if fam:
                basket[rng.choice(fam)] = max(1, size // rng.choice([2, 3, 4]))
                c["twin_edition"] = True
        for _ in range(rng.randint(2, 6)):
            k = rng.choice(ms)
            fam_held = [b for b in basket if BY_KEY[b].family == BY_KEY[k].family]
            if k not in basket and (not fam_held or rng.random() < 0.3):
                basket[k] = max(1, min(size, rng.choice([1, 2, 3, size // 2 or 1, size])))
        for _ in range(rng.randint(2, 5)):
            k = rng.choice(tp)
            fam_held = [b for b in basket if BY_KEY[b].family == BY_KEY[k].family]
            if k not in basket and (not fam_held or rng.random() < 0.35):
                u = BY_KEY[k].unit
                basket[k] = (
                    rng.choice([200, 350, 500, 750, 1000, 1500, 2400])
                    if u == "GB"
                    else 1
                    if u == "system"
                    else max(1, size + rng.randint(-2, 4))
                    if u == "device"
                    else size
                )
        c["basket"] = basket
    # client-level situations
    for c in clients:
        r = rng.random()
        c["migr"] = None
        if c["side"] == "both" and r < 0.06:
            c["migr"] = "twin_record_products_divided"
        elif c["side"] == "both" and r < 0.10:
            c["migr"] = "twin_record_seats_divided"
        elif c["side"] == "both" and r < 0.15:
            c["migr"] = "agreement_split_two_contracts"
        r = rng.random()
        c["vsit"] = None
        if c["side"] != "psa_only":
            if r < 0.05:
                c["vsit"] = "two_tenants_one_client"
                c["acq"] = rng.choice(ACQUIRED)
            elif r < 0.10:
                c["vsit"] = "tenant_default_domain_in_name_cell"
            elif r < 0.13:
                c["vsit"] = "vendor_portal_renamed_only"
                c["newname"] = (
                    c["base"].split()[0] + " " + rng.choice(RENAMED) + " " + c["suffix"]
                ).strip()
    # per-key outcomes
    outcome = {}
    for c in clients:
        for k in list(c["basket"]):
            r = rng.random()
            if c["side"] == "vendor_only":
                o = "unbilled"
            elif c["side"] == "psa_only":
                o = "nvr"
            elif r < 0.07:
                o = "under"
            elif r < 0.12:
                o = "over"
            elif r < 0.18:
                o = "unbilled"
            elif r < 0.23:
                o = "below"
            elif r < 0.25:
                o = "below_under"
            else:
                o = "ok"
            outcome[(c["id"], k)] = o
        if (
            c["side"] == "both" and rng.random() < 0.10
        ):  # PSA bills a product the vendor has no record of
            fams = {BY_KEY[b].family for b in c["basket"]}
            extra = [p.key for p in PRODUCTS if p.family not in fams]
            k = rng.choice(extra)
            c["basket"][k] = max(1, rng.choice([1, 2, 5, 10]))
            outcome[(c["id"], k)] = "nvr"
    # vendor lines
    for c in clients:
        for k, q in c["basket"].items():
            if outcome[(c["id"], k)] == "nvr":
                continue
            p = BY_KEY[k]
            cost = p.cost
            parts = [q]
            if q >= 4 and rng.random() < 0.2:
                a = rng.randint(1, q - 1)
                parts = [a, q - a]
            for j, part in enumerate(parts):
                unit = (
                    cost
                    if j == 0 or rng.random() < 0.6
                    else (cost * Decimal("1.05")).quantize(Decimal("0.01"))
                )
                v = VLine(c["id"], k, part, unit)
                if j:
                    v.classes.append("extra_subscription_row")
                vlines.append(v)
            if q >= 3 and rng.random() < 0.07:  # seats removed during the month: credit row
                vlines[-1].qty += 1
                vlines.append(
                    VLine(c["id"], k, -1, vlines[-1].unit, "credit", ["seat_credit_paren_or_minus"])
                )
    # vendor-side identity cells
    for v in vlines:
        c = clients[v.cid]
        v.vname, v.domain, v.tenant = c["canonical"], c["domain"], c["tenant"]
        if c["vsit"] == "vendor_portal_renamed_only":
            v.vname = c["newname"]
        if c["vsit"]:
            v.classes.append(c["vsit"])
    for c in clients:
        mine = [v for v in vlines if v.cid == c["id"]]
        if c["vsit"] == "two_tenants_one_client":
            for v in mine:
                if rng.random() < 0.45:
                    v.vname = c["canonical"] + " - " + c["acq"]
                    v.domain = _slug(c["acq"]) + _slug(c["base"])[:6] + ".onmicrosoft.com"
                    v.tenant = c["tenant"][:-6] + "%06x" % rng.getrandbits(24)
        elif c["vsit"] == "tenant_default_domain_in_name_cell":
            for v in mine:
                if rng.random() < 0.5:
                    v.vname = c["domain"]
        for j, v in enumerate(mine):
            v.sub = "%08x-%04x-%04x" % (rng.getrandbits(32), rng.getrandbits(16), j)
    # PSA prices
    base_price = {p.key: list_price(p) for p in PRODUCTS}
    for c in clients:
        if c["side"] == "vendor_only":
            continue
        for k, q in c["basket"].items():
            o = outcome[(c["id"], k)]
            if o == "unbilled":
                continue
            p = BY_KEY[k]
            price = base_price[k]
            if rng.random() < 0.25:
                price = (price * Decimal(rng.choice(["0.95", "1.05", "1.10", "0.90"]))).quantize(
                    Decimal("0.01")
                )
            # a PSA price never below cost unless the outcome says so
            vl = [v for v in vlines if v.cid == c["id"] and v.product == k]
            vq = sum(v.qty for v in vl)
            if vl:
                vc = Fraction(sum(Fraction(v.unit) * v.qty for v in vl)) / vq
                if Fraction(price) < vc:
                    price = (
                        Decimal(vc.numerator) / Decimal(vc.denominator) * Decimal("1.12")
                    ).quantize(Decimal("0.01"), ROUND_HALF_UP)
            if o in ("below", "below_under"):
                price = (p.cost * Decimal(rng.choice(["0.80", "0.85", "0.90", "0.95"]))).quantize(
                    Decimal("0.01")
                )
            pq = q
            if o in ("under", "below_under"):
                pq = max(1, q - rng.choice([1, 1, 2, 3, max(1, q // 4)])) if q > 1 else 0
                if pq == 0:
                    outcome[(c["id"], k)] = "unbilled"
                    continue
            elif o == "over":
                pq = q + rng.choice([1, 1, 2, 3])
            _psa_lines(rng, c, k, pq, price, plines)
        for name, unit_word, price in SERVICES:
            if rng.random() < 0.10:
                n = rng.choice([1, 2, 5, 10, 12, 20]) if unit_word != "block" else 1
                plines.append(
                    PLine(
                        c["id"],
                        None,
                        name,
                        n,
                        Fraction(Decimal(price)),
                        "service",
                        unit_word=unit_word,
                    )
                )
    case = Case(clients, vlines, plines, currency, codes)
    _spell(rng, case, outcome, perturb)
    return case


def _psa_lines(rng, c, k, pq, price, out):
    unit = Fraction(price)
    migr = c["migr"]
    if migr == "twin_record_seats_divided" and pq >= 4 and rng.random() < 0.6:
        a = rng.randint(1, pq - 1)
        out.append(PLine(c["id"], k, "", a, unit, record=0, classes=[migr]))
        out.append(PLine(c["id"], k, "", pq - a, unit, record=1, classes=[migr]))
        return
    if migr == "agreement_split_two_contracts" and pq >= 4 and rng.random() < 0.4:
        a = rng.randint(1, pq - 1)
        out.append(PLine(c["id"], k, "", a, unit, record=0, classes=[migr]))
        out.append(PLine(c["id"], k, "", pq - a, unit, record=1, classes=[migr]))
        return
    rec = (
        rng.randint(0, 1)
        if migr
        in (
            "twin_record_products_divided",
            "agreement_split_two_contracts",
            "twin_record_seats_divided",
        )
        else 0
    )
    cl = [migr] if migr else []
    out.append(PLine(c["id"], k, "", pq, unit, record=rec, classes=cl))


# ---------------------------------------------------------------- spelling
def _cut(s, width):
    return s[:width].rstrip(" -")


def _typo(rng, word):
    if len(word) < 5:
        return word
    i = rng.randint(1, len(word) - 3)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _desc(rng, p, cls, c, codes, basket):
    name = p.name
    if cls == "ledger_width_cut_30_31" or cls == "ledger_width_cut_40_41":
        w = rng.choice([30, 31]) if cls.endswith("30_31") else rng.choice([40, 41])
        text = name + rng.choice(
            [
                "",
                " (NCE) - Monthly Subscription per user",
                " - per " + p.unit + " per month",
                " Licence (migrated from Autotask)",
            ]
        )
        if len(text) <= w + 1 or text[w - 1] == " " or text[w] == " ":
            return None
        t = text[:w]
        core = t[: len(name)].lower()
        if len(core) < len(name) - len(p.edition) + 3 and len(FAMILIES[p.family]) > 1:
            return None  # too little of the edition left
        if any(BY_KEY[o].name.lower().startswith(core) for o in FAMILIES[p.family] if o != p.key):
            return None
        return t
    if cls == "cut_lost_edition_single_family":
        if not p.edition or len(FAMILIES[p.family]) < 2:
            return None
        if sum(1 for b in basket if BY_KEY[b].family == p.family) > 1:
            return None  # a careful person could not tell the editions apart
        i = name.find(p.edition)
        if i < 8:
            return None
        t = name[: i + 1] if rng.random() < 0.5 else name[:i].rstrip(" -(")
        low = t.lower().strip()
        if any(o.name.lower() == low for o in PRODUCTS):
            return None
        if any(BY_KEY[b].name.lower().startswith(low) for b in basket if b != p.key):
            return None
        return t
    if cls == "upper_only_legacy_field":
        return name.upper()
    if cls == "old_psa_code_then_text":
        return f"AT-{'MS' if p.ms else 'TP'}-{codes[p.key][-4:]} {p.short}"
    if cls == "old_code_alone":
        return codes[p.key]
    if cls == "agreement_title_as_line_text":
        if p.family not in ("m365bus", "m365ent", "o365", "m365f"):
            return None
        if (
            sum(1 for b in basket if BY_KEY[b].family in ("m365bus", "m365ent", "o365", "m365f"))
            > 1
        ):
            return None
        return rng.choice(
            [
                "Managed M365 – legacy",
                "Managed Microsoft 365 - legacy agreement",
                "M365 Agreement (legacy)",
            ]
        )
    if cls == "dash_mojibake_text":
        return name + " â€“ " + rng.choice(["monthly", "per user", "licence"])
    if cls == "migration_sheet_shorthand":
        return p.short
    if cls == "maker_not_typed_in_new_psa":
        t = name.replace(p.maker, "", 1).strip(" -")
        return t if t and t != name and len(t.split()) >= 2 else None
    if cls == "typo_keyed_at_migration":
        words = name.split()
        cand = [
            i
            for i, w in enumerate(words)
            if len(w) >= 6 and w != p.edition and not any(ch.isdigit() for ch in w)
        ]
        if not cand:
            return None
        i = rng.choice(cand)
        words[i] = _typo(rng, words[i])
        return " ".join(words)
    if cls == "extra_words_carried_over":
        return name + rng.choice(
            [
                " - monthly per user charge",
                " (auto-renew, migrated)",
                " Licence - Monthly Subscription",
                " - billed in arrears",
            ]
        )
    if cls == "inhouse_label_from_old_psa":
        return INHOUSE.get(p.key)
    if cls == "space_runs_and_nbsp_text":
        w = name.split(" ")
        if len(w) < 3:
            return None
        return w[0] + "  " + "\u00a0".join(w[1:]) + "  "
    return None


def _cname(rng, cls, c):
    n = c["canonical"]
    if cls == "name_cut_old_ledger_width":
        w = rng.choice([30, 31])
        if len(n) <= w + 2 or n[w - 1] == " " or n[w] == " ":
            return None
        return n[:w]
    if cls == "ledger_upper_case_name":
        return n.upper()
    has_acc = n != unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode()
    if cls == "codepage_double_encoded_name":
        return n.encode("utf-8").decode("cp1252", "replace") if has_acc else None
    if cls == "codepage_qmark_name":
        return n.encode("ascii", "replace").decode() if has_acc else None
    if cls == "accent_lost_on_export":
        return (
            unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode() if has_acc else None
        )
    if cls == "amp_rewritten_legacy":
        return n.replace("&", rng.choice(["and", "+"])) if "&" in n else None
    if cls == "apostrophe_dropped_on_import":
        return n.replace("'", "") if "'" in n else None
    if cls == "padded_double_space_name":
        w = n.split(" ")
        if len(w) < 3:
            return None
        i = rng.randint(1, len(w) - 1)
        return " ".join(w[:i]) + rng.choice(["  ", " \u00a0"]) + " ".join(w[i:]) + "   "
    if cls == "zero_pad_lost_site_no":
        m = re.search(r"\b0+(\d+)\b", n)
        return n[: m.start()] + m.group(1) + n[m.end() :] if m else None
    if cls == "legacy_custno_glued":
        return rng.choice([c["custno"] + n, n + " " + c["custno"], "C" + c["custno"] + "-" + n])
    return None


def _spell(rng, case, outcome, perturb):
    codes = case.codes
    for c in case.clients:
        c["cclasses"] = [c["sib"]] if c["sib"] else []
        c["psa_names"] = [c["canonical"], c["canonical"]]
        name = c["canonical"]
        if rng.random() < 0.75:
            order = NAME_CLASSES[:]
            rng.shuffle(order)
            generic = ("ledger_upper_case_name", "padded_double_space_name", "legacy_custno_glued")
            order = [o for o in order if o not in generic] + [o for o in order if o in generic]
            for cls in order:
                t = _cname(rng, cls, c)
                if t and t.strip():
                    c["cclasses"].append(cls)
                    name = t
                    break
        c["psa_names"][0] = name if perturb else c["canonical"]
        if c["migr"] in ("twin_record_products_divided", "twin_record_seats_divided"):
            twin = rng.choice(
                [
                    c["canonical"].upper() + " (migrated)",
                    c["canonical"] + " [AT]",
                    c["canonical"] + " - OLD",
                    "zz " + c["canonical"] + " (migrated)",
                ]
            )
            c["psa_names"][1] = twin if perturb else c["canonical"]
            c["cclasses"].append(c["migr"])
        else:
            c["psa_names"][1] = c["psa_names"][0]
        if c["migr"] == "agreement_split_two_contracts":
            c["cclasses"].append(c["migr"])
        if c["vsit"]:
            c["cclasses"].append(c["vsit"])
        if c.get("twin_edition"):
            pass
    byc = {}
    for p in case.plines:
        byc.setdefault(p.cid, []).append(p)
    vseats = {}
    for v in case.vlines:
        vseats[(v.cid, v.product)] = vseats.get((v.cid, v.product), 0) + v.qty
    for cid, lines in byc.items():
        c = case.clients[cid]
        basket = c["basket"]
        agr = rng.choice(
            ["Managed Services Agreement", "MSA - Gold", "Cloud Licensing", "Recurring - Licences"]
        )
        for p in lines:
            p.pname = c["psa_names"][p.record]
            p.agreement = agr if p.record == 0 else "Legacy Autotask Contract (migrated)"
            p.cell_qty, p.cell_price = p.qty, cents(p.unit)
            if p.product is None:
                p.text = p.text
                continue
            pr = BY_KEY[p.product]
            p.unit_word = pr.unit
            p.text = pr.name
            if len([b for b in basket if BY_KEY[b].family == pr.family]) > 1:
                p.classes.append("edition_twin_in_basket")
            if not perturb:
                continue
            solid = (
                outcome.get((cid, p.product)) == "ok"
                and vseats.get((cid, p.product)) == p.qty
                and len([x for x in lines if x.product == p.product]) == 1
            )
            r = rng.random()
            if r > 0.62:
                continue
            order = DESC_CLASSES[:]
            rng.shuffle(order)
            if pr.key in INHOUSE and rng.random() < 0.5:
                order.insert(0, "inhouse_label_from_old_psa")
            if rng.random() < 0.5:
                order[:0] = ["ledger_width_cut_30_31", "ledger_width_cut_40_41"]
            for cls in order:
                if (
                    cls
                    in (
                        "old_code_alone",
                        "agreement_title_as_line_text",
                        "cut_lost_edition_single_family",
                    )
                    and not solid
                ):
                    continue
                if cls == "qty_folded_line_total_qty1":
                    if p.qty < 2 or pr.unit == "GB":
                        continue
                    p.text = f"{p.qty} x {pr.short}"
                    p.cell_qty, p.cell_price = 1, cents(p.unit * p.qty)
                    p.classes.append(cls)
                    break
                t = _desc(rng, pr, cls, c, codes, basket)
                if t:
                    p.text = t
                    p.classes.append(cls)
                    break


# ---------------------------------------------------------------- findings
def key_sums(case):
    """Per (client, product): vendor seats and cost total, PSA seats and price total (exact)."""
    V, P = {}, {}
    vrows, prows = {}, {}
    for v in case.vlines:
        k = (v.cid, v.product)
        q, a = V.get(k, (0, Fraction(0)))
        V[k] = (q + v.qty, a + Fraction(v.unit) * v.qty)
        vrows.setdefault(k, []).append(v.row)
    for p in case.plines:
        if p.role != "licence":
            continue
        k = (p.cid, p.product)
        q, a = P.get(k, (0, Fraction(0)))
        P[k] = (q + p.qty, a + p.unit * p.qty)
        prows.setdefault(k, []).append(p.row)
    return V, P, vrows, prows


def findings_from(V, P, vrows, prows, cname, pname):
    """The README's rules on exact sums. V/P: key -> (seats, amount)."""
    med = {}
    for (cid, prod), (q, a) in P.items():
        if q > 0:
            med.setdefault(prod, []).append(a / q)
    out = []
    for k in sorted(set(V) | set(P), key=lambda x: (str(x[0]), str(x[1]))):
        cid, prod = k
        vq, va = V.get(k, (0, Fraction(0)))
        pq, pa = P.get(k, (0, Fraction(0)))
        c = va / vq if vq else Fraction(0)
        p = pa / pq if pq else Fraction(0)
        res = []
        if vq > 0 and pq == 0 and k not in P:
            m = statistics.median(med[prod]) if med.get(prod) else c
            res.append(("unbilled", vq * m))
        if vq > pq > 0:
            res.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            res.append(("over_billed", (pq - vq) * p))
        if pq > 0 and vq <= 0 and k not in V and p != 0:
            res.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            res.append(("below_cost", (c - p) * min(vq, pq)))
        for t, imp in res:
            out.append(
                {
                    "type": t,
                    "client": cname(cid),
                    "product": pname(prod),
                    "vendor_rows": sorted(vrows.get(k, [])),
                    "psa_rows": sorted(prows.get(k, [])),
                    "monthly_impact": money(imp),
                }
            )
    return out


def compute_findings(case):
    V, P, vrows, prows = key_sums(case)
    return findings_from(
        V, P, vrows, prows, lambda i: case.clients[i]["canonical"], lambda k: BY_KEY[k].name
    )
