"""Set AO: products whose quantity is not a seat (devices, workloads, GB/TB, packs, bands)."""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field
from fractions import Fraction as F

PERIOD = "2026-11"
CURRENCY = "AUD"


def q(s):
    return F(str(s))


# key: (canonical name, maker, kind, base unit word, psa unit col, cost/base, price/base, family, sku,
#       staff short forms)
# kind: seat | device | server | cpc | room | gbusage (fractional GB) | tb (TB, 0.5 steps)
#       | pack5 / pack10 (vendor bills packs of N users) | did10 (vendor bills 10-number bundles)
PRODUCTS = {
    "bp": (
        "Microsoft 365 Business Premium",
        "Microsoft",
        "seat",
        "user",
        "User",
        "36.00",
        "43.50",
        "m365",
        "CFQ7TTC0LCHC:0002",
        ["M365 Business Prem", "M365 BP", "Business Premium"],
    ),
    "bs": (
        "Microsoft 365 Business Standard",
        "Microsoft",
        "seat",
        "user",
        "User",
        "18.70",
        "22.90",
        "m365",
        "CFQ7TTC0LDPB:0001",
        ["M365 Business Std", "M365 BS", "Business Standard"],
    ),
    "exo1": (
        "Exchange Online (Plan 1)",
        "Microsoft",
        "seat",
        "mailbox",
        "Mailbox",
        "6.00",
        "7.90",
        "mail",
        "CFQ7TTC0LH16:0001",
        ["EXO Plan 1", "Exchange Online P1", "Exchange Plan 1 mailbox"],
    ),
    "eoa": (
        "Exchange Online Archiving for Exchange Online",
        "Microsoft",
        "seat",
        "mailbox",
        "Mailbox",
        "4.50",
        "6.20",
        "mail",
        "CFQ7TTC0LH0J:0001",
        ["Exchange Online Archiving", "EXO Archiving add-on", "Online Archiving for EXO"],
    ),
    "intu": (
        "Microsoft Intune Plan 1",
        "Microsoft",
        "seat",
        "user",
        "User",
        "12.00",
        "14.90",
        "intune",
        "CFQ7TTC0LCVQ:0001",
        ["Intune Plan 1 (per user)", "Intune P1 user", "Intune per user"],
    ),
    "intd": (
        "Microsoft Intune Device",
        "Microsoft",
        "device",
        "device",
        "Device",
        "3.00",
        "4.40",
        "intune",
        "CFQ7TTC0LCHR:0001",
        ["Intune Device licence", "Intune per device", "Intune device-only"],
    ),
    "w24": (
        "Windows 365 Business 2 vCPU 4 GB 128 GB",
        "Microsoft",
        "cpc",
        "Cloud PC",
        "Cloud PC",
        "47.50",
        "56.00",
        "w365",
        "CFQ7TTC0J203:0008",
        [
            "Cloud PC 2vCPU/4GB/128GB",
            "W365 Business 2 cores 4 GB RAM 128 GB",
            "Win365 Bus 2C 4GB 128GB",
        ],
    ),
    "w28": (
        "Windows 365 Business 2 vCPU 8 GB 128 GB",
        "Microsoft",
        "cpc",
        "Cloud PC",
        "Cloud PC",
        "62.70",
        "74.00",
        "w365",
        "CFQ7TTC0J203:0010",
        [
            "Cloud PC 2vCPU/8GB/128GB",
            "W365 Business 2 cores 8 GB RAM 128 GB",
            "Win365 Bus 2C 8GB 128GB",
        ],
    ),
    "w416": (
        "Windows 365 Business 4 vCPU 16 GB 128 GB",
        "Microsoft",
        "cpc",
        "Cloud PC",
        "Cloud PC",
        "101.50",
        "119.00",
        "w365",
        "CFQ7TTC0J203:0014",
        [
            "Cloud PC 4vCPU/16GB/128GB",
            "W365 Business 4 cores 16 GB RAM 128 GB",
            "Win365 Bus 4C 16GB 128GB",
        ],
    ),
    "tps": (
        "Microsoft Teams Phone Standard",
        "Microsoft",
        "seat",
        "user",
        "User",
        "12.70",
        "15.50",
        "teams",
        "CFQ7TTC0J1FV:0001",
        ["Teams Phone Std", "Teams Phone licence", "Teams Phone System"],
    ),
    "tdcp": (
        "Microsoft Teams Domestic Calling Plan (240 min)",
        "Microsoft",
        "seat",
        "user",
        "User",
        "18.40",
        "22.00",
        "teams",
        "CFQ7TTC0J1FT:0001",
        [
            "Teams Domestic Calling Plan 240",
            "Calling Plan (240 min)",
            "Teams calling plan domestic",
        ],
    ),
    "trp": (
        "Microsoft Teams Rooms Pro",
        "Microsoft",
        "room",
        "room",
        "Room",
        "60.80",
        "72.00",
        "teams",
        "CFQ7TTC0QW5P:0001",
        ["Teams Rooms Pro (per room)", "MTR Pro room licence", "Teams Room Pro"],
    ),
    "aws": (
        "Acronis Cyber Protect Cloud - Workstation",
        "Acronis",
        "device",
        "workload",
        "Workload",
        "3.10",
        "5.50",
        "acronis",
        "ACR-CPC-WKS",
        ["ACPC Workstation", "Acronis backup - workstation", "Acronis Cyber Protect WS"],
    ),
    "asv": (
        "Acronis Cyber Protect Cloud - Server",
        "Acronis",
        "server",
        "workload",
        "Workload",
        "18.20",
        "29.00",
        "acronis",
        "ACR-CPC-SRV",
        ["ACPC Server", "Acronis backup - server", "Acronis Cyber Protect SRV"],
    ),
    "agb": (
        "Acronis Cyber Protect Cloud - Backup Storage",
        "Acronis",
        "gbusage",
        "GB",
        "GB",
        "0.045",
        "0.09",
        "acronis",
        "ACR-CPC-STG-GB",
        ["ACPC cloud storage", "Acronis backup storage used", "Acronis Cyber Protect storage"],
    ),
    "dep": (
        "Datto Endpoint Backup for PCs",
        "Datto",
        "device",
        "device",
        "Device",
        "8.30",
        "14.00",
        "datto",
        "DTO-EPB-PC",
        ["Datto EPB for PCs", "Datto Endpoint Backup (PC)", "Datto PC backup"],
    ),
    "nws": (
        "N-able N-sight RMM - Workstation",
        "N-able",
        "device",
        "device",
        "Device",
        "1.90",
        "4.00",
        "nable",
        "NAB-NSR-WKS",
        ["N-sight workstation", "N-able RMM WS", "N-sight RMM desktop"],
    ),
    "nsv": (
        "N-able N-sight RMM - Server",
        "N-able",
        "server",
        "device",
        "Device",
        "9.80",
        "16.50",
        "nable",
        "NAB-NSR-SRV",
        ["N-sight server", "N-able RMM SRV", "N-sight RMM server"],
    ),
    "ninja": (
        "NinjaOne RMM",
        "NinjaOne",
        "device",
        "endpoint",
        "Endpoint",
        "3.60",
        "6.50",
        "ninja",
        "NJ1-RMM-EP",
        ["Ninja RMM", "NinjaOne endpoint management", "NinjaRMM"],
    ),
    "hedr": (
        "Huntress Managed EDR",
        "Huntress",
        "device",
        "endpoint",
        "Endpoint",
        "4.20",
        "7.50",
        "huntress",
        "HNT-MEDR",
        ["Huntress EDR", "Huntress endpoint protection", "Huntress MEDR"],
    ),
    "hitdr": (
        "Huntress Managed ITDR",
        "Huntress",
        "seat",
        "identity",
        "Identity",
        "3.80",
        "6.00",
        "huntress",
        "HNT-ITDR",
        ["Huntress ITDR", "Huntress identity protection", "Huntress M365 ITDR"],
    ),
    "s1c": (
        "SentinelOne Singularity Complete",
        "SentinelOne",
        "device",
        "endpoint",
        "Endpoint",
        "6.10",
        "9.90",
        "s1",
        "S1-SING-CMP",
        ["S1 Complete", "Singularity Complete", "SentinelOne Complete"],
    ),
    "vm365": (
        "Veeam Backup for Microsoft 365",
        "Veeam",
        "pack10",
        "user",
        "User",
        "1.90",
        "3.50",
        "veeam",
        "VEE-VBM365-10P",
        ["VBM365", "Veeam M365 backup", "Veeam O365 backup"],
    ),
    "wasabi": (
        "Wasabi Hot Cloud Storage",
        "Wasabi",
        "tb",
        "TB",
        "TB",
        "10.50",
        "20.00",
        "wasabi",
        "WAS-HCS-TB",
        ["Wasabi storage", "Wasabi hot storage", "Wasabi cloud storage"],
    ),
    "drop": (
        "Dropsuite Email Backup",
        "Dropsuite",
        "seat",
        "mailbox",
        "Mailbox",
        "2.20",
        "4.00",
        "dropsuite",
        "DRS-EMB",
        ["Dropsuite backup", "Dropsuite mailbox backup", "DropSuite email backup"],
    ),
    "mime": (
        "Mimecast Email Security Cloud Gateway",
        "Mimecast",
        "pack5",
        "user",
        "User",
        "3.40",
        "5.50",
        "mimecast",
        "MIM-CG-5P",
        ["Mimecast CG", "Mimecast email security", "Mimecast gateway"],
    ),
    "did": (
        "Telstra Operator Connect Geographic Number",
        "Telstra",
        "did10",
        "number",
        "Number",
        "0.90",
        "2.50",
        "voice",
        "TLS-OC-DID",
        ["Teams DID number", "Operator Connect DID", "Phone number (DID)"],
    ),
}
KEYS = list(PRODUCTS)
NAME = {k: v[0] for k, v in PRODUCTS.items()}
BY_FAMILY: dict[str, list[str]] = {}
for _k, _v in PRODUCTS.items():
    BY_FAMILY.setdefault(_v[7], []).append(_k)
PACK = {"pack5": 5, "pack10": 10, "did10": 10}

SURN = (
    "Abbott Barlow Castellano Dunmore Ellery Fitzgerald Gallagher Hennessy Ingram Jarrah Kowalski "
    "Lindqvist Mahoney Nakamura Oakridge Pemberton Quinlan Ravenswood Sutherland Tran Underwood "
    "Vasquez Whitlam Yarrow Zamora Bellamy Coorong Dawson Eastwood Flinders Garrick Hollis Kirra "
    "Lachlan Morrow Nguyen Ormond Prescott Redfern Stirling Tamworth Walsh Beaumont Calloway Derwent "
    "Esperance Fraser Glenelg Huon Illawarra Jindalee Kingsford Leura Murray Noosa Otway Pilbara "
    "Riverina Seaview Torrens Wattle Banksia Goldfields Ironbark Macquarie Tasman"
).split()
TRADES = [
    "Dental",
    "Physiotherapy",
    "Plumbing",
    "Electrical",
    "Accountants",
    "Legal",
    "Veterinary Clinic",
    "Joinery",
    "Landscaping",
    "Freight",
    "Architects",
    "Engineering",
    "Pharmacy",
    "Real Estate",
    "Motors",
    "Bakery",
    "Printing",
    "Optometrists",
    "Builders",
    "Surveyors",
    "Medical Centre",
    "Roofing",
    "Brewing Co",
    "Childcare",
    "Podiatry",
    "Hire",
    "Refrigeration",
    "Signs",
    "Financial Planning",
    "Chiropractic",
]
SIBLING_PAIRS = [
    ("Dental", "Dental Lab"),
    ("Medical Centre", "Medical Centre North"),
    ("Holdings", "Properties"),
    ("Freight", "Freight Logistics"),
    ("Accountants", "Accountants Wealth"),
    ("Bakery Store 4", "Bakery Store 7"),
]
STATES = ["NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT"]
CLIENT_CLASSES = [
    "pty_ltd_omitted_in_books",
    "proprietary_limited_spelt_out",
    "abn_number_tail",
    "state_code_tail",
    "one_letter_slip_client",
    "upper_case_accounting",
]


@dataclass
class VLine:
    cid: int
    product: str | None
    text: str
    qty: F  # in line units
    unit: str  # unit word on the line
    factor: F  # base units per line unit
    cost: F  # per line unit, monthly
    role: str = "licence"
    classes: list = field(default_factory=list)
    row: int = 0
    sub: str = ""


@dataclass
class PLine:
    cid: int
    product: str | None
    text: str
    qty: F
    unit: str
    factor: F
    price: F  # per line unit, monthly
    role: str = "licence"
    classes: list = field(default_factory=list)
    row: int = 0
    code: str = ""


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str = CURRENCY


def money(x):
    return F(x).limit_denominator(10**9)


def round_half_up(x: F) -> F:
    n = x * 100
    r = (
        (n.numerator * 2 + n.denominator) // (2 * n.denominator)
        if n >= 0
        else -(((-n).numerator * 2 + (-n).denominator) // (2 * (-n).denominator))
    )
    return F(r, 100)


def fmt_dec(x: F, places: int | None = None) -> str:
    """exact decimal string (x must be a terminating decimal), optionally padded to places."""
    x = F(x)
    neg = x < 0
    x = abs(x)
    d = 0
    while (x * 10**d).denominator != 1:
        d += 1
        if d > 12:
            raise ValueError(f"not terminating: {x}")
    if places is not None and places > d:
        d = places
    n = int(x * 10**d)
    s = str(n).rjust(d + 1, "0")
    out = s[:-d] + "." + s[-d:] if d else s
    return ("-" if neg else "") + out


# ---------------------------------------------------------------- clients
def make_clients(rng: random.Random, n: int):
    used, clients = set(), []
    nsib = max(2, n // 12)
    stems = rng.sample(SURN, len(SURN))
    si = 0
    while len(clients) < n:
        if len(clients) < nsib * 2 and si < len(stems) - 1:
            a, b = SIBLING_PAIRS[(len(clients) // 2) % len(SIBLING_PAIRS)]
            stem = stems[si]
            si += 1
            for t in (a, b):
                nm = f"{stem} {t} Pty Ltd"
                used.add(nm)
                clients.append({"id": len(clients), "canonical": nm, "sibling": True})
            continue
        w = rng.choice(SURN)
        if rng.random() < 0.35:
            w = f"{w} & {rng.choice(SURN)}"
        nm = f"{w} {rng.choice(TRADES)} Pty Ltd"
        if nm in used:
            continue
        used.add(nm)
        clients.append({"id": len(clients), "canonical": nm, "sibling": False})
    rng.shuffle(clients)
    for i, c in enumerate(clients):
        c["id"] = i
        c["abn"] = (
            f"{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
        )
        c["state"] = rng.choice(STATES)
        c["domain"] = "".join(ch for ch in c["canonical"].split(" Pty")[0].lower() if ch.isalnum())[
            :20
        ]
    return clients


def slip(rng, word):
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def client_variant(rng, c):
    name = c["canonical"]
    if rng.random() < 0.18:
        return name, []
    k = 2 if rng.random() < 0.3 else 1
    picks = rng.sample(CLIENT_CLASSES, k)
    cls = []
    for p in CLIENT_CLASSES:  # fixed order of application
        if p not in picks:
            continue
        if p == "pty_ltd_omitted_in_books":
            if "Proprietary" in name:
                continue
            name = name.replace(" Pty Ltd", "")
        elif p == "proprietary_limited_spelt_out":
            if " Pty Ltd" not in name:
                continue
            name = name.replace(" Pty Ltd", rng.choice([" Proprietary Limited", " Pty. Limited"]))
        elif p == "abn_number_tail":
            name = f"{name} (ABN {c['abn']})"
        elif p == "state_code_tail":
            name = f"{name} - {c['state']}"
        elif p == "one_letter_slip_client":
            ws = name.split(" ")
            cand = [i for i, w in enumerate(ws[:2]) if len(w) >= 6 and w.isalpha()]
            if not cand or c["sibling"]:
                continue
            i = rng.choice(cand)
            ws[i] = slip(rng, ws[i])
            name = " ".join(ws)
        elif p == "upper_case_accounting":
            name = name.upper()
        cls.append(p)
    return name, cls


# ---------------------------------------------------------------- numbers
def draw_qty(rng, kind):
    if kind in ("seat",):
        return F(rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 25, 30, 40]))
    if kind == "device":
        return F(rng.choice([3, 5, 8, 12, 15, 20, 24, 30, 38, 45, 52, 60, 64, 75, 88]))
    if kind == "server":
        return F(rng.randint(1, 6))
    if kind == "cpc":
        return F(rng.randint(1, 8))
    if kind == "room":
        return F(rng.randint(1, 3))
    if kind == "gbusage":
        return F(rng.randint(4000, 320000), 100)
    if kind == "tb":
        return F(rng.randint(1, 12), 2)
    return F(PACK[kind] * rng.randint(1, 6))


def draw_delta(rng, kind, vq):
    if kind == "gbusage":
        return F(rng.randint(1500, 40000), 100)
    if kind == "tb":
        return F(rng.choice([1, 2]), 2)
    return F(rng.randint(1, 4))


BASKET_FAMILIES = [
    ["bp", "bs", "exo1"],
    ["eoa"],
    ["intu", "intd"],
    ["w24", "w28", "w416"],
    ["tps", "tdcp"],
    ["trp"],
    ["aws", "asv", "agb"],
    ["dep"],
    ["nws", "nsv"],
    ["ninja"],
    ["hedr", "hitdr"],
    ["s1c"],
    ["vm365"],
    ["wasabi"],
    ["drop"],
    ["mime"],
    ["did"],
]
LOOKALIKE_SETS = [
    ["intu", "intd"],
    ["w24", "w28"],
    ["w28", "w416"],
    ["w24", "w416"],
    ["tps", "tdcp"],
    ["aws", "asv"],
    ["aws", "agb"],
    ["asv", "agb"],
    ["nws", "nsv"],
    ["hedr", "hitdr"],
    ["exo1", "eoa"],
    ["bp", "bs"],
]


def build_numbers(seed, clients):
    rng = random.Random(f"AO-num|{seed}|{clients}")
    cl = make_clients(rng, clients)
    keys = []  # (cid, product, scenario, vq, pq, cost, price, extras)
    for c in cl:
        basket = []
        if rng.random() < 0.3:
            basket += rng.choice(LOOKALIKE_SETS)
        nfam = rng.randint(3, 6)
        for fam in rng.sample(BASKET_FAMILIES, nfam):
            k = rng.choice(fam)
            if k not in basket:
                basket.append(k)
        c["basket"] = [k for k in KEYS if k in basket]
        side = rng.random()
        c["only"] = "vendor" if side < 0.03 else "psa" if side < 0.05 else None
        if c["sibling"]:
            c["only"] = None
        for k in c["basket"]:
            kind = PRODUCTS[k][2]
            cost = q(PRODUCTS[k][5])
            price = q(PRODUCTS[k][6]) * q(rng.choice(["1", "1", "1", "0.95", "1.05", "1.1"]))
            price = round_half_up(price) if kind not in ("gbusage",) else price
            r = rng.random()
            sc = (
                "ok"
                if r < 0.71
                else "unbilled"
                if r < 0.75
                else "under"
                if r < 0.83
                else "over"
                if r < 0.89
                else "nvr"
                if r < 0.94
                else "below"
            )
            if c["only"] == "vendor":
                sc = "unbilled"
            elif c["only"] == "psa":
                sc = "nvr"
            vq = draw_qty(rng, kind)
            mincommit = k == "mime" and rng.random() < 0.6
            if mincommit:
                vq = max(vq, F(10))
                if sc == "ok" and rng.random() < 0.5:
                    sc = "under"
            pq = vq
            if sc == "under":
                d = draw_delta(rng, kind, vq)
                if vq - d <= 0:
                    vq += d
                pq = vq - d
            elif sc == "over":
                pq = vq + draw_delta(rng, kind, vq)
            elif sc == "below":
                price = round_half_up(cost * q(rng.choice(["0.85", "0.9", "0.95"])))
                if kind == "gbusage":
                    price = q("0.04")
            ex = {
                "band": k in ("ninja", "hedr")
                and pq > 50
                and sc != "unbilled"
                and rng.random() < 0.6,
                "two": sc != "nvr"
                and kind not in ("gbusage", "tb")
                and vq >= 2 * PACK.get(kind, 1)
                and rng.random() < 0.25,
                "credit": sc != "nvr" and kind not in ("gbusage", "tb") and rng.random() < 0.09,
                "cost2": rng.random() < 0.3,
                "cancel": rng.random() < 0.06,
                "split": rng.random(),
                "mincommit": mincommit,
            }
            keys.append([c["id"], k, sc, vq, pq, cost, price, ex])
        c["services"] = [
            (
                rng.randint(0, 5),
                F(rng.choice([1, 2, 4, 10, 20, 35])),
                q(rng.choice(["65.00", "95.00", "150.00", "12.50", "180.00"])),
            )
            for _ in range(rng.choice([0, 1, 1, 2]))
        ]
    return cl, keys


# ---------------------------------------------------------------- vendor lines
def vendor_unit(k):
    kind = PRODUCTS[k][2]
    if kind in PACK:
        n = PACK[kind]
        if kind == "did10":
            return f"{n} x DID bundle", F(n), "Bundle"
        return f"{n}-user pack", F(n), "Pack"
    return "", F(1), PRODUCTS[k][4]


def make_vlines(cl, keys):
    out = []
    for cid, k, sc, vq, pq, cost, price, ex in keys:
        if sc == "nvr":
            continue
        tag, fac, unitw = vendor_unit(k)
        name = NAME[k] + (f" - {tag}" if tag else "")
        if ex["mincommit"]:
            name += " (minimum 10 users)"
        lq = vq / fac
        lcost = cost * fac
        parts = [lq]
        if ex["two"] and lq >= 2:
            a = max(1, int(lq * F(1, 3)))
            parts = [lq - a, F(a)]
        base_cls = ["vendor_minimum_commit_above_use"] if ex["mincommit"] and pq < vq else []
        for i, pqty in enumerate(parts):
            c_ = lcost if i == 0 or not ex["cost2"] else round_half_up(lcost * q("1.1"))
            cls = list(base_cls) + (["vendor_two_subs_summed"] if len(parts) > 1 else [])
            if i == 0 and ex["credit"]:
                out.append(
                    VLine(
                        cid, k, name, pqty + 1, unitw, fac, c_, "licence", cls, sub=f"{cid}-{k}-{i}"
                    )
                )
                out.append(
                    VLine(
                        cid,
                        k,
                        name,
                        F(-1),
                        unitw,
                        fac,
                        c_,
                        "credit",
                        cls + ["vendor_credit_pack_or_unit"],
                        sub=f"{cid}-{k}-{i}",
                    )
                )
            else:
                out.append(
                    VLine(cid, k, name, pqty, unitw, fac, c_, "licence", cls, sub=f"{cid}-{k}-{i}")
                )
    return out


# ---------------------------------------------------------------- psa lines
def psa_repr(srng, k, qty, price, perturb):
    """-> list of (text, qty, unit, factor, price/line unit, classes) for one billed quantity."""
    kind = PRODUCTS[k][2]
    name, unitw, unitcol = NAME[k], PRODUCTS[k][3], PRODUCTS[k][4]
    unitw, unitcol = PSA_UNIT.get(k, (unitw, unitcol))
    if not perturb:
        return [(name, qty, unitcol, F(1), price, [])]
    cls = []
    r = srng.random()
    short = PRODUCTS[k][9]
    if r < 0.3:
        text = name
    elif r < 0.8:
        text = srng.choice(short)
        cls.append("cloudpc_size_rewritten" if kind == "cpc" else "maker_shorthand")
    else:
        ws = name.split(" ")
        cand = [i for i, w in enumerate(ws) if len(w) >= 6 and w.isalpha()]
        if cand:
            i = srng.choice(cand)
            ws[i] = slip(srng, ws[i])
            cls.append("slipped_letter_in_product")
        text = " ".join(ws)
    if kind == "tb":
        opts = ["storage_in_500gb_blocks", "storage_gb_with_separator"]
        if qty.denominator == 1:
            opts += ["storage_in_1tb_blocks", "storage_flat_bundle_qty1"]
        how = srng.choice(opts)
        cls.append(how)
        if how == "storage_in_500gb_blocks":
            return [(f"{text} - 500GB block", qty * 2, "Block", F(1, 2), price / 2, cls)]
        if how == "storage_in_1tb_blocks":
            return [(f"{text} 1TB block", qty, "Block", F(1), price, cls)]
        if how == "storage_flat_bundle_qty1":
            return [(f"{text} {fmt_dec(qty)} TB - flat", F(1), "Each", qty, price * qty, cls)]
        return [(f"{text} (GB)", qty * 1000, "GB", F(1, 1000), price / 1000, cls)]
    if kind == "gbusage":
        cls.append("usage_gb_decimal_qty")
        tail = srng.choice([" - GB used", " (GB consumed)", " per GB", " - usage GB"])
        return [(f"{text}{tail}", qty, "GB", F(1), price, cls)]
    if kind in PACK:
        n = PACK[kind]
        if qty % n == 0 and srng.random() < 0.5:
            cls.append("pack_billed_in_books")
            t = f"{text} - {n} x DID bundle" if kind == "did10" else f"{text} {n}-pack"
            return [(t, qty / n, "Pack", F(n), price * n, cls)]
        cls.append("books_per_unit_vendor_pack")
        return [(text, qty, unitcol, F(1), price, cls)]
    r2 = srng.random()
    if r2 < 0.2 and qty.denominator == 1:
        text = f"{text} x {int(qty)} {plural(unitw) if qty != 1 else unitw}"
        cls.append("count_times_unit")
    elif r2 < 0.4:
        text = f"{text} {srng.choice(['- per ', '/', 'per '])}{unitw}{srng.choice(['', '/month', ' p/m'])}"
        cls.append("per_unit_tail")
    elif r2 < 0.48 and kind in ("seat",) and qty >= 5:
        text = f"{text} (min 5)"
        cls.append("min_commit_tag_in_books")
    elif r2 < 0.56 and kind in ("device", "server") and k in ("nws", "nsv", "ninja", "hedr", "s1c"):
        text = f"{text} agent"
        cls.append("agent_noun_for_product")
    return [(text, qty, unitcol, F(1), price, cls)]


# the books' own unit words where they differ from the vendor's (no conversion: 1 server = 1 workload)
PSA_UNIT = {
    "asv": ("server", "Server"),
    "aws": ("PC", "Device"),
    "hedr": ("device", "Device"),
    "s1c": ("device", "Agent"),
    "ninja": ("device", "Device"),
    "dep": ("PC", "PC"),
}


def plural(w):
    return w + ("es" if w.endswith("x") else "s")


SERVICES = [
    ("Managed IT Services - per device", "Device"),
    ("Backup monitoring & restore testing", "Each"),
    ("Onsite labour (hours)", "Hour"),
    ("Cloud PC provisioning - labour", "Hour"),
    ("Number porting fee - once-off", "Each"),
    ("Remote support block (10 hrs)", "Block"),
]


def make_plines(cl, keys, srng, perturb):
    out = []
    fam_of = {}
    for cid, k, sc, *_ in keys:
        fam_of.setdefault(cid, []).append(k)
    for cid, k, sc, vq, pq, cost, price, ex in keys:
        if sc == "unbilled":
            if ex["cancel"]:
                out.append(
                    PLine(
                        cid,
                        k,
                        NAME[k] if not perturb else srng.choice(PRODUCTS[k][9]),
                        vq,
                        PRODUCTS[k][4],
                        F(1),
                        price,
                        "not_billed",
                        ["cancelled_licence_line_kept"],
                    )
                )
            continue
        ctx = []
        fam = PRODUCTS[k][7]
        if any(o != k and PRODUCTS[o][7] == fam for o in fam_of[cid]):
            ctx = ["other_unit_edition_same_client"]
        if ex["band"]:
            hi = price + q("0.30")
            lo = price - (hi - price) * 50 / (pq - 50)
            lo = round_half_up(lo)
            reps = [(F(50), hi, "1-50"), (pq - 50, lo, "51+")]
            for qq, pp, band in reps:
                for t, a, u, f, pr, c in psa_repr(srng, k, qq, pp, perturb):
                    if perturb:
                        t = f"{t} ({band} {PRODUCTS[k][3]}s)"
                    out.append(
                        PLine(cid, k, t, a, u, f, pr, "licence", c + ["band_split_rows"] + ctx)
                    )
        else:
            for t, a, u, f, pr, c in psa_repr(srng, k, pq, price, perturb):
                out.append(PLine(cid, k, t, a, u, f, pr, "licence", c + ctx))
        if ex["cancel"]:
            out.append(
                PLine(
                    cid,
                    k,
                    NAME[k] if not perturb else srng.choice(PRODUCTS[k][9]),
                    F(1 + int(ex["split"] * 4)),
                    PRODUCTS[k][4],
                    F(1),
                    price,
                    "not_billed",
                    ["cancelled_licence_line_kept"],
                )
            )
    for c in cl:
        for si, qq, pp in c["services"]:
            t, u = SERVICES[si]
            out.append(
                PLine(
                    c["id"], None, t, qq, u, F(1), pp, "service", ["service_line_with_unit_words"]
                )
            )
    return out


def build_case(seed, psa_format, clients, perturb):
    cl, keys = build_numbers(seed, clients)
    srng = random.Random(f"AO-spell|{seed}|{clients}|{psa_format}")
    for c in cl:
        c["vendor_name"] = c["canonical"]
        if perturb:
            c["psa_name"], c["cclasses"] = client_variant(srng, c)
        else:
            c["psa_name"], c["cclasses"] = c["canonical"], []
    vl = make_vlines(cl, keys)
    pl = make_plines(cl, keys, srng, perturb)
    return Case(cl, vl, pl)


# ---------------------------------------------------------------- truth
def compute_findings(case, name_of=None):
    """rules of README over (client, product), quantities in base units."""
    return findings_from_rows(
        [(v.cid, v.product, v.role, v.qty * v.factor, v.qty * v.cost, v.row) for v in case.vlines],
        [(p.cid, p.product, p.role, p.qty * p.factor, p.qty * p.price, p.row) for p in case.plines],
        {c["id"]: c["canonical"] for c in case.clients},
    )


def findings_from_rows(vrows, prows, cname):
    """vrows/prows: (client, product, role, base qty, exact line amount, row)."""
    V, P = {}, {}
    for cid, k, role, bq, amt, row in vrows:
        if k is None or role not in ("licence", "credit"):
            continue
        e = V.setdefault((cid, k), [F(0), F(0), []])
        e[0] += bq
        e[1] += amt
        e[2].append(row)
    for cid, k, role, bq, amt, row in prows:
        if k is None or role != "licence":
            continue
        e = P.setdefault((cid, k), [F(0), F(0), []])
        e[0] += bq
        e[1] += amt
        e[2].append(row)
    med = {}
    for (cid, k), (pq, amt, _) in P.items():
        if pq > 0 and amt > 0:
            med.setdefault(k, []).append(amt / pq)
    out = []
    for key in sorted(set(V) | set(P), key=lambda t: (cname[t[0]], t[1])):
        cid, k = key
        v, p = V.get(key), P.get(key)
        vq, pq = (v[0] if v else F(0)), (p[0] if p else F(0))
        c = v[1] / vq if v and vq else F(0)
        pr = p[1] / pq if p and pq else F(0)
        vr = sorted(v[2]) if v else []
        prr = sorted(p[2]) if p else []
        res = []
        if vq > 0 and not p:
            m = statistics.median(sorted(med[k])) if k in med else c
            res.append(("unbilled", vq * m))
        if p and pq > 0 and not v:
            if pr != 0:
                res.append(("no_vendor_record", pq * pr))
        if v and p and vq > pq > 0:
            res.append(("under_billed", (vq - pq) * pr))
        if v and p and pq > vq > 0:
            res.append(("over_billed", (pq - vq) * pr))
        if v and p and vq > 0 and pq > 0 and pr < c:
            res.append(("below_cost", (c - pr) * min(vq, pq)))
        for t, imp in res:
            out.append(
                {
                    "type": t,
                    "client": cname[cid],
                    "product": NAME[k],
                    "vendor_rows": vr,
                    "psa_rows": prr,
                    "monthly_impact": fmt_dec(round_half_up(imp), 2),
                }
            )
    return out
