"""Clients, baskets, lines and the truth of set AS (numbers from seed + clients only)."""

from __future__ import annotations

import random
import statistics
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction

from . import catalog as C

COUNTRIES = ["SG", "SG", "MY", "MY", "ID", "ID", "PH", "VN", "KE", "NG"]
SG_A = [
    "Lion City",
    "Merlion",
    "Bukit Timah",
    "Orchard",
    "Kallang",
    "Jurong",
    "Tampines",
    "Serangoon",
    "Tan & Sons",
    "Teo Heng",
    "Lim Brothers",
    "Ang Chee",
    "Goh Kian",
    "Chua Hup",
    "Ong & Ong",
]
SG_B = [
    "Logistics",
    "Trading",
    "Dental Group",
    "Realty",
    "Fine Foods",
    "Marine Engineering",
    "Hardware",
    "Precision Tools",
    "Events",
    "Accounting Services",
    "Printing",
]
MY_A = [
    "Syarikat Maju Bina",
    "Perniagaan Sinar",
    "Harimau Emas",
    "Bintang Timur",
    "Mohamed Ismail",
    "Abdul Rahman",
    "Pelita",
    "Seri Murni",
    "Lim Kok Wah",
    "Cahaya Gemilang",
    "Teguh Jaya",
    "Wong Brothers",
]
MY_B = [
    "Enterprise",
    "Trading",
    "Engineering",
    "Holdings",
    "Construction",
    "Logistics",
    "Plastics",
    "Medical Supplies",
    "Furniture",
]
ID_A = [
    "Maju Jaya",
    "Sinar Terang",
    "Cahaya Abadi",
    "Karya Mandiri",
    "Sumber Makmur",
    "Bintang Samudera",
    "Mitra Sejahtera",
    "Surya Utama",
    "Jaya Baru",
    "Tunas Harapan",
    "Sentosa Raya",
    "Anugerah Alam",
]
ID_B = [
    "Abadi",
    "Logistik",
    "Teknik",
    "Persada",
    "Indonesia",
    "Nusantara",
    "Farma",
    "Elektrindo",
    "Kencana",
]
PH_A = [
    "Mabuhay",
    "Bayanihan",
    "Luzon",
    "Visayas",
    "Pag-asa",
    "Dela Cruz",
    "Santos",
    "Maharlika",
    "Bagong Araw",
    "Kalayaan",
    "Tagumpay",
    "Reyes",
]
PH_B = [
    "Logistics",
    "Food",
    "Trading",
    "Realty",
    "Medical Clinic",
    "Construction",
    "BPO Solutions",
    "Motors",
]
PH_F = ["Inc.", "Corporation", "Corp.", "OPC"]
VN_A = [
    ("Hoang Long", "Hoàng Long"),
    ("Minh Phat", "Minh Phát"),
    ("Thanh Cong", "Thành Công"),
    ("Phu Gia", "Phú Gia"),
    ("An Khang", "An Khang"),
    ("Viet Tien", "Việt Tiến"),
    ("Sao Mai", "Sao Mai"),
    ("Dai Phong", "Đại Phong"),
    ("Hung Thinh", "Hưng Thịnh"),
    ("Tan Phat", "Tân Phát"),
]
VN_B = [
    ("Trading", "Thương mại"),
    ("Construction", "Xây dựng"),
    ("Technology", "Công nghệ"),
    ("Food", "Thực phẩm"),
    ("Pharma", "Dược phẩm"),
    ("Logistics", "Vận tải"),
]
KE_A = [
    "Savannah",
    "Kilimanjaro",
    "Rift Valley",
    "Nairobi Heights",
    "Mombasa Coast",
    "Jamhuri",
    "Uhuru",
    "Baraka",
    "Tana River",
    "Simba",
    "Karibu",
    "Amani",
]
KE_B = [
    "Logistics",
    "Insurance Brokers",
    "Agencies",
    "Dairies",
    "Motors",
    "Pharmaceuticals",
    "Holdings",
]
NG_A = [
    "Eko",
    "Lekki",
    "Naija Prime",
    "Zenith Crest",
    "Oduduwa",
    "Niger Delta",
    "Ikeja",
    "Ibadan Star",
    "Arewa",
    "Sokoto",
    "Ogun Valley",
    "Calabar",
]
NG_B = [
    "Foods",
    "Petroleum Services",
    "Logistics",
    "Microfinance",
    "Pharma",
    "Properties",
    "Agro",
]


@dataclass
class VLine:
    cid: int
    product: str
    qty: int
    cost: Fraction  # monthly unit
    yearly: bool = False
    role: str = "licence"
    sub: str = ""
    row: int | None = None


@dataclass
class PLine:
    cid: int
    product: str | None
    text: str
    qty: int
    lst: Fraction  # unit before discount
    disc: Fraction = Fraction(0)  # percent
    role: str = "licence"
    credit: bool = False
    classes: list = field(default_factory=list)
    row: int | None = None

    @property
    def price(self):
        return self.lst * (1 - self.disc / 100)


@dataclass
class Case:
    clients: list
    vlines: list
    plines: list
    currency: str = "USD"


def _strip(s):
    return (
        "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
        .replace("Đ", "D")
        .replace("đ", "d")
    )


def make_clients(rng, n):
    used, out, names = set(), [], set()

    def core(country):
        for _ in range(200):
            if country == "SG":
                c = (rng.choice(SG_A), rng.choice(SG_B))
            elif country == "MY":
                c = (rng.choice(MY_A), rng.choice(MY_B))
            elif country == "ID":
                c = (rng.choice(ID_A), rng.choice(ID_B))
            elif country == "PH":
                c = (rng.choice(PH_A), rng.choice(PH_B))
            elif country == "VN":
                c = (rng.choice(VN_A), rng.choice(VN_B))
            elif country == "KE":
                c = (rng.choice(KE_A), rng.choice(KE_B))
            else:
                c = (rng.choice(NG_A), rng.choice(NG_B))
            k = (country, str(c[0]), str(c[1]))
            if k not in used and str(c[0][0] if isinstance(c[0], tuple) else c[0]) not in ("",):
                used.add(k)
                return c
        raise RuntimeError("name pool exhausted")

    def legal(country, c, form=None):
        a, b = c
        if country == "SG":
            return f"{a} {b} Pte. Ltd."
        if country == "MY":
            return f"{a} {b} {form or 'Sdn. Bhd.'}"
        if country == "ID":
            pre = form or "PT"
            tail = " Tbk" if form == "PT-Tbk" else ""
            pre = "PT" if form == "PT-Tbk" else pre
            return f"{pre} {a} {b}{tail}"
        if country == "PH":
            return f"{a} {b} {form or 'Inc.'}"
        if country == "VN":
            return f"{a[0]} {b[0]} {form or 'Co., Ltd'}"
        if country == "KE":
            return f"{a} {b} {form or 'Limited'}"
        return f"{a} {b} {form or 'Nigeria Limited'}"

    def regno(country):
        d = lambda k: "".join(str(rng.randrange(10)) for _ in range(k))  # noqa: E731
        if country == "SG":
            return f"20{rng.randrange(10, 25)}{d(5)}{rng.choice('KDGMWZ')}"
        if country == "MY":
            return rng.choice(
                [
                    f"{d(6)}-{rng.choice('AKDHPTUV')}",
                    f"20{rng.randrange(10, 25)}01{d(6)}",
                ]
            )
        if country == "ID":
            return f"0{d(1)}.{d(3)}.{d(3)}.{d(1)}-{d(3)}.000"
        if country == "PH":
            return f"{d(3)}-{d(3)}-{d(3)}-000"
        if country == "VN":
            return f"03{d(8)}"
        if country == "KE":
            return f"P05{d(7)}{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}"
        return f"RC {rng.randrange(100000, 1999999)}"

    while len(out) < n:
        country = rng.choice(COUNTRIES)
        r = rng.random()
        group = None
        if r < 0.16 and n - len(out) >= 2:
            kind = rng.choice(["my_parent", "sg_my", "ph_branch", "outlet", "yayasan"])
            group = f"g{len(out)}"
            if kind == "my_parent":
                c = core("MY")
                pair = [
                    ("MY", legal("MY", c, "Sdn. Bhd."), c),
                    ("MY", legal("MY", c, "Berhad"), c),
                ]
            elif kind == "sg_my":
                c = core("SG")
                pair = [
                    ("SG", f"{c[0]} {c[1]} Pte. Ltd.", c),
                    ("MY", f"{c[0]} {c[1]} Sdn. Bhd.", c),
                ]
            elif kind == "ph_branch":
                c = core("PH")
                f = rng.choice(PH_F)
                cities = rng.sample(["Cebu", "Davao", "Makati", "Iloilo", "Baguio"], 2)
                pair = [("PH", f"{c[0]} {c[1]} {f} - {x}", c) for x in cities]
            elif kind == "outlet":
                ctry = rng.choice(["SG", "MY", "ID"])
                c = core(ctry)
                nums = rng.sample(range(2, 40), 2)
                if ctry == "ID":
                    pair = [(ctry, f"PT {c[0]} {c[1]} Outlet {k}", c) for k in nums]
                else:
                    f = "Pte. Ltd." if ctry == "SG" else "Sdn. Bhd."
                    pair = [(ctry, f"{c[0]} {c[1]} Outlet {k} {f}", c) for k in nums]
            else:
                c = core("ID")
                pair = [
                    ("ID", f"PT {c[0]} {c[1]}", c),
                    ("ID", f"Yayasan {c[0]} {c[1]}", c),
                ]
            if any(nm in names for _, nm, _ in pair):
                continue
            for ctry, name, c in pair:
                names.add(name)
                out.append(dict(canonical=name, country=ctry, core=c, group=group, sibkind=kind))
            continue
        c = core(country)
        form = None
        if country == "MY":
            form = rng.choice(["Sdn. Bhd.", "Sdn. Bhd.", "Sdn. Bhd.", "Berhad", "Enterprise"])
        elif country == "ID":
            form = rng.choice(["PT", "PT", "PT", "CV", "PT-Tbk"])
        elif country == "PH":
            form = rng.choice(PH_F)
        elif country == "VN":
            form = rng.choice(["Co., Ltd", "Co., Ltd", "JSC"])
        elif country == "KE":
            form = rng.choice(["Limited", "Ltd", "Limited"])
        elif country == "NG":
            form = rng.choice(["Nigeria Limited", "Limited", "PLC", "Nig. Ltd"])
        name = legal(country, c, form)
        if country == "MY" and form == "Enterprise":
            name = f"{c[0]} Enterprise"
        if name in names:
            continue
        names.add(name)
        out.append(
            dict(
                canonical=name,
                country=country,
                core=c,
                group=None,
                sibkind=None,
                form=form,
            )
        )
    out = out[:n]
    for i, cl in enumerate(out):
        cl["id"] = i
        cl["regno"] = regno(cl["country"])
        slug = "".join(ch for ch in _strip(cl["canonical"]).lower() if ch.isalnum())[:18]
        cl["domain"] = f"{slug}{i}.onmicrosoft.com"
    return out


# --- client-name variants (PSA side) -----------------------------------------------------------
LONG = [
    ("Pte. Ltd.", "Private Limited"),
    ("Sdn. Bhd.", "Sendirian Berhad"),
    ("Co., Ltd", "Company Limited"),
    ("Inc.", "Incorporated"),
    ("Corp.", "Corporation"),
    ("Nig. Ltd", "Nigeria Limited"),
    (" Ltd", " Limited"),
    ("JSC", "Joint Stock Company"),
]
SHORT = [
    ("Pte. Ltd.", "Pte Ltd"),
    ("Pte. Ltd.", "(Pte) Ltd"),
    ("Sdn. Bhd.", "Sdn Bhd"),
    ("Co., Ltd", "Co Ltd"),
    ("Corporation", "Corp"),
    ("Limited", "Ltd"),
    ("Inc.", "Inc"),
    ("Berhad", "Bhd"),
]
OLD_SPELL = [
    ("Jaya", "Djaja"),
    ("Cahaya", "Tjahaja"),
    ("Surya", "Soerja"),
    ("Mohamed", "Mohd"),
    ("Abdul", "Abd."),
    ("Syarikat", "Sharikat"),
    ("Sentosa", "Sentausa"),
    ("Karya", "Karja"),
    ("Tunas", "Toenas"),
    ("Teguh", "Tegoeh"),
]


def _typo(rng, word):
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    k = rng.random()
    if k < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if k < 0.7:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def client_variant(rng, cl):
    """(name, [class]) as the PSA keeps it; None for the canonical name."""
    name, ctry, sib = cl["canonical"], cl["country"], cl["group"] is not None
    opts = []
    if any(a in name for a, _ in LONG) and cl.get("sibkind") not in ("my_parent",):
        opts.append("as_legal_form_spelt_out")
    if any(a in name for a, _ in SHORT) and cl.get("sibkind") not in ("my_parent",):
        opts.append("as_legal_form_dotless_or_bracketed")
    if ctry == "MY":
        opts.append("as_my_company_no_in_brackets")
    if ctry == "SG":
        opts.append("as_sg_uen_after_name")
    if ctry in ("KE", "NG"):
        opts.append("as_kra_pin_or_rc_tail")
    if ctry == "VN":
        opts += ["as_vn_cong_ty_local_name", "as_vn_local_name_unaccented"]
    if ctry == "ID" and name.startswith(("PT ", "CV ")):
        opts.append("as_badan_usaha_moved_or_dotted")
    if any(a in name for a, _ in OLD_SPELL):
        opts += ["as_ejaan_lama_or_mohd_spelling"] * 2
    opts += ["as_registry_all_caps", "as_one_slip_in_core_word"]
    if "&" in name or " and " in name:
        opts.append("as_and_written_dan_or_amp")
    if not sib and ctry == "PH":
        opts.append("as_ph_head_office_tail")
    if rng.random() < 0.14:
        return None, []
    cls = rng.choice(opts)
    a, b = cl["core"]
    if cls == "as_legal_form_spelt_out":
        for x, y in LONG:
            if x in name:
                return name.replace(x, y, 1), [cls]
    if cls == "as_legal_form_dotless_or_bracketed":
        cands = [(x, y) for x, y in SHORT if x in name]
        x, y = rng.choice(cands)
        return name.replace(x, y, 1), [cls]
    if cls == "as_my_company_no_in_brackets":
        return f"{name.replace('Sdn. Bhd.', 'Sdn Bhd')} ({cl['regno']})", [cls]
    if cls == "as_sg_uen_after_name":
        return rng.choice([f"{name} (UEN {cl['regno']})", f"{name} - {cl['regno']}"]), [cls]
    if cls == "as_kra_pin_or_rc_tail":
        if ctry == "KE":
            return f"{name} (PIN {cl['regno']})", [cls]
        return f"{name} {cl['regno']}", [cls]
    if cls in ("as_vn_cong_ty_local_name", "as_vn_local_name_unaccented"):
        form = "Công ty Cổ phần" if name.endswith("JSC") else "Công ty TNHH"
        vn = f"{form} {b[1]} {a[1]}"
        if cls == "as_vn_local_name_unaccented":
            vn = _strip(vn)
        return vn, [cls]
    if cls == "as_badan_usaha_moved_or_dotted":
        pre, rest = name.split(" ", 1)
        return rng.choice([f"{rest}, {pre}", f"{pre}. {rest}"]), [cls]
    if cls == "as_ejaan_lama_or_mohd_spelling":
        for x, y in OLD_SPELL:
            if x in name:
                return name.replace(x, y, 1), [cls]
    if cls == "as_registry_all_caps":
        return name.upper(), [cls]
    if cls == "as_one_slip_in_core_word":
        words = name.split(" ")
        idx = [
            i
            for i, w in enumerate(words)
            if len(w) >= 6 and w.isalpha() and w not in ("Outlet", "Yayasan")
        ]
        if not idx:
            return name.upper(), ["as_registry_all_caps"]
        i = rng.choice(idx)
        words[i] = _typo(rng, words[i])
        return " ".join(words), [cls]
    if cls == "as_and_written_dan_or_amp":
        return name.replace("&", rng.choice(["and", "dan"]), 1), [cls]
    if cls == "as_ph_head_office_tail":
        return f"{name} ({rng.choice(['Head Office', 'Main', 'Ortigas HQ'])})", [cls]
    return None, []


# --- product descriptions (PSA side) ------------------------------------------------------------
def unique_in(basket, attr, value):
    return sum(1 for k in basket if getattr(C.BY_KEY[k], attr) == value) == 1


def unique_in_words(basket, bare):
    """A bare plan word is used only when exactly one product of the client has it as a word."""
    return sum(1 for k in basket if f" {bare} " in f" {C.BY_KEY[k].name} ") == 1


def describe(rng, key, basket, country):
    """(text, [class]) for a licence line of product `key`; basket: every product of the client."""
    p = C.BY_KEY[key]
    n = p.name
    opts = [
        "as_singlish_manglish_shorthand",
        "as_typo_while_typing_fast",
        "as_month_tail_local",
        "as_cjk_bracket_note",
    ]
    if country in ("ID",):
        opts += ["as_bahasa_licence_words"] * 3
    if country in ("MY", "SG"):
        opts += ["as_malay_lesen_words"] * 2
    if country == "VN":
        opts += ["as_viet_ban_quyen_words"] * 3
    if country == "PH":
        opts += ["as_taglish_billing_words"] * 3
    if p.old:
        opts += ["as_pre_rename_product_name"] * 2
    if p.bare and unique_in_words(basket, p.bare):
        opts += ["as_bare_plan_local_tail"]
    if (
        p.kind
        and unique_in(basket, "kind", p.kind)
        and not (p.kind == "av" and any(k in basket for k in ("dfb", "dfe1", "dfe2")))
    ):
        opts += ["as_msp_house_name_by_kind"]
    if rng.random() < 0.2:
        return n, []
    cls = rng.choice(opts)
    if cls == "as_singlish_manglish_shorthand":
        return rng.choice(C.SINGLISH).format(s=p.short), [cls]
    if cls == "as_typo_while_typing_fast":
        cands = [(a, b) for a, b in C.TYPO if a in n]
        if cands:
            a, b = rng.choice(cands)
            return n.replace(a, b, 1), [cls]
        return n.lower(), ["as_lowercase_all"]
    if cls == "as_month_tail_local":
        return n + rng.choice(C.MONTH_TAILS), [cls]
    if cls == "as_cjk_bracket_note":
        return n + rng.choice(C.CJK_TAILS), [cls]
    if cls == "as_bahasa_licence_words":
        return rng.choice(C.BAHASA_ID).format(n=rng.choice([n, p.short])), [cls]
    if cls == "as_malay_lesen_words":
        return rng.choice(C.MALAY).format(n=rng.choice([n, p.short])), [cls]
    if cls == "as_viet_ban_quyen_words":
        return rng.choice(C.VIET).format(n=n), [cls]
    if cls == "as_taglish_billing_words":
        return rng.choice(C.TAGLISH).format(n=rng.choice([n, p.short])), [cls]
    if cls == "as_pre_rename_product_name":
        return p.old, [cls]
    if cls == "as_bare_plan_local_tail":
        return rng.choice(C.BARE_TAILS).format(b=p.bare), [cls]
    if cls == "as_msp_house_name_by_kind":
        return rng.choice(C.INHOUSE[p.kind]), [cls]
    return n, []


def money_round(x, places=2):
    """Half-up rounding of a Fraction (either sign) to `places` decimals, as a Fraction."""
    q = Fraction(10) ** places
    v = abs(x) * q
    r = Fraction(int(v + Fraction(1, 2)), 1) / q
    return r if x >= 0 else -r


def build_case(seed, psa_format, clients, currency, perturb):
    rng = random.Random(f"AS-numbers|{seed}|{clients}")
    cls_ = make_clients(rng, clients)
    vlines, plines = [], []
    subn = 0
    for cl in cls_:
        cid = cl["id"]
        kind = "both"
        r = rng.random()
        if r < 0.03:
            kind = "vendor_only"
        elif r < 0.055:
            kind = "psa_only"
        nprod = rng.choice([2, 2, 3, 3, 3, 4, 4, 5, 6, 7])
        basket = []
        if rng.random() < 0.25:
            a, b = rng.choice(C.LOOKALIKE_PAIRS)
            basket += [a, b]
        while len(basket) < nprod:
            k = rng.choice(C.COMMON) if rng.random() < 0.55 else rng.choice(C.KEYS)
            if k not in basket:
                basket.append(k)
        extra = None
        if kind == "both" and rng.random() < 0.16:
            for _ in range(20):
                k = rng.choice(C.KEYS)
                if k not in basket:
                    extra = k
                    break
        cl["vendor_basket"] = list(basket)
        for k in basket:
            p = C.BY_KEY[k]
            seats = rng.choice([1, 1, 2, 3, 4, 5, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 55])
            price = Fraction(max(p.price + rng.choice([0, 0, 0, 1, 2, -1, 3]), p.cost + 1))
            ev = rng.random()
            event = "ok"
            if kind == "vendor_only":
                event = "unbilled"
            elif kind == "psa_only":
                event = "psa_only"
            elif ev < 0.05:
                event = "unbilled"
            elif ev < 0.12:
                event = "under"
            elif ev < 0.17:
                event = "over"
            elif ev < 0.23:
                event = "below"
            elif ev < 0.25:
                event = "under_below"
            if event in ("under", "under_below") and seats == 1:
                seats = 3
            # vendor lines
            if event != "psa_only":
                cost = Fraction(p.cost)
                yearly = p.maker == "Microsoft" and rng.random() < 0.15
                credit = rng.random() < 0.06
                if seats >= 3 and rng.random() < 0.18:
                    s1 = rng.randrange(1, seats)
                    subn += 1
                    vlines.append(VLine(cid, k, s1, cost, yearly, sub=f"S{subn:05d}"))
                    subn += 1
                    c2 = cost + rng.choice([0, 1, 2])
                    vlines.append(VLine(cid, k, seats - s1, c2, False, sub=f"S{subn:05d}"))
                else:
                    subn += 1
                    vlines.append(
                        VLine(
                            cid,
                            k,
                            seats + (1 if credit else 0),
                            cost,
                            yearly,
                            sub=f"S{subn:05d}",
                        )
                    )
                    if credit:
                        vlines.append(
                            VLine(
                                cid,
                                k,
                                -1,
                                cost,
                                yearly,
                                role="credit",
                                sub=f"S{subn:05d}",
                            )
                        )
            if event == "unbilled":
                if rng.random() < 0.25 and kind == "both":
                    plines.append(PLine(cid, k, "", seats, price, role="not_billed"))
                continue
            pq = seats
            if event in ("under", "under_below"):
                pq = max(1, seats - rng.choice([1, 1, 2, 3, 5]))
            elif event == "over":
                pq = seats + rng.choice([1, 1, 2, 4])
            if event in ("below", "under_below"):
                price = Fraction(max(1, p.cost - rng.choice([1, 1, 2])))
            disc = Fraction(0)
            if rng.random() < 0.1:
                disc = Fraction(rng.choice([50, 75, 100, 125, 150, 200]), 10)
            r2 = rng.random()
            if pq >= 2 and r2 < 0.08:
                q1 = rng.randrange(1, pq)
                plines.append(PLine(cid, k, "", q1, price, disc, classes=[]))
                plines.append(
                    PLine(
                        cid,
                        k,
                        "",
                        pq - q1,
                        price,
                        disc,
                        classes=["as_topup_on_second_line"],
                    )
                )
            elif r2 < 0.12:
                kk = rng.choice([1, 2])
                plines.append(PLine(cid, k, "", pq + kk, price, disc))
                plines.append(
                    PLine(
                        cid,
                        k,
                        "",
                        -kk,
                        price,
                        disc,
                        credit=True,
                        classes=["as_credit_note_netted"],
                    )
                )
            else:
                plines.append(PLine(cid, k, "", pq, price, disc))
            if rng.random() < 0.04:
                plines.append(PLine(cid, k, "", rng.choice([1, 2, 5]), price, role="not_billed"))
        if extra:
            p = C.BY_KEY[extra]
            if rng.random() < 0.3:
                plines.append(
                    PLine(
                        cid,
                        extra,
                        "",
                        rng.choice([1, 3, 5]),
                        Fraction(p.price),
                        role="not_billed",
                    )
                )
            else:
                plines.append(
                    PLine(cid, extra, "", rng.choice([1, 2, 3, 5, 10]), Fraction(p.price))
                )
        if kind != "vendor_only":
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                if rng.random() < 0.3:
                    t = rng.choice(C.SERVICES_NAMING_PRODUCT)
                    sc = ["as_service_words_name_a_product"]
                else:
                    t = rng.choice(C.SERVICES)
                    sc = ["as_service_in_local_words"]
                plines.append(
                    PLine(
                        cid,
                        None,
                        t,
                        rng.choice([1, 1, 2, 4, 10]),
                        Fraction(rng.choice([50, 80, 120, 150, 300, 450])),
                        role="service",
                        classes=sc,
                    )
                )
        if kind == "psa_only":
            cl["vendor_basket"] = []
    # spellings: seed + clients + PSA format
    srng = random.Random(f"AS-spelling|{seed}|{clients}|{psa_format}")
    for cl in cls_:
        cl["psa_name"], cl["cclasses"] = (None, [])
        if perturb:
            nm, cc = client_variant(srng, cl)
            if nm:
                cl["psa_name"], cl["cclasses"] = nm, cc
        if not cl["psa_name"]:
            cl["psa_name"] = cl["canonical"]
    allp = {}
    for v in vlines:
        allp.setdefault(v.cid, []).append(v.product)
    for pl in plines:
        if pl.product:
            allp.setdefault(pl.cid, []).append(pl.product)
    for pl in plines:
        if pl.product is None:
            continue
        basket = sorted(set(allp[pl.cid]))
        if any(o in basket for o in C.LOOKALIKE.get(pl.product, [])):
            pl.classes = pl.classes + ["as_twin_sku_same_tenant"]
        if pl.role == "not_billed":
            pl.classes = pl.classes + ["as_status_cancelled_local_word"]
        if perturb:
            txt, dc = describe(srng, pl.product, basket, cls_[pl.cid]["country"])
            pl.text = txt
            pl.classes = dc + pl.classes
        else:
            pl.text = C.BY_KEY[pl.product].name
        if pl.disc:
            pl.classes = pl.classes + ["as_round_pct_discount_exact"]
    return Case(cls_, vlines, plines, currency)


def compute_findings(case, vrows=None, prows=None):
    """Findings by README's rules. vrows/prows: optional override list of dicts
    (cid, product, qty, unit, role) to recompute from values read back from files."""
    if vrows is None:
        vrows = [
            dict(
                row=v.row,
                cid=v.cid,
                product=v.product,
                qty=v.qty,
                unit=v.cost,
                role=v.role,
            )
            for v in case.vlines
        ]
    if prows is None:
        prows = [
            dict(
                row=p.row,
                cid=p.cid,
                product=p.product,
                qty=p.qty,
                unit=p.price,
                role=p.role,
            )
            for p in case.plines
        ]
    return findings_from_rows(vrows, prows, {c["id"]: c["canonical"] for c in case.clients})


def findings_from_rows(vrows, prows, names):
    V, Pm = {}, {}
    for r in vrows:
        if r["role"] in ("licence", "credit"):
            V.setdefault((r["cid"], r["product"]), []).append(r)
    for r in prows:
        if r["role"] == "licence":
            Pm.setdefault((r["cid"], r["product"]), []).append(r)

    def agg(rows):
        q = sum(r["qty"] for r in rows)
        u = sum(r["qty"] * Fraction(r["unit"]) for r in rows) / q if q else Fraction(0)
        return q, u

    prices = {}
    for (cid, prod), rows in sorted(Pm.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        q, u = agg(rows)
        if q > 0:
            prices.setdefault(prod, []).append(u)
    out = []
    keys = sorted(set(V) | set(Pm), key=lambda k: (names[k[0]], k[1]))
    for key in keys:
        cid, prod = key
        vr, pr = V.get(key, []), Pm.get(key, [])
        vq, c = agg(vr) if vr else (0, Fraction(0))
        pq, p = agg(pr) if pr else (0, Fraction(0))
        base = dict(
            client=names[cid],
            product=C.BY_KEY[prod].name,
            vendor_rows=sorted(r["row"] for r in vr),
            psa_rows=sorted(r["row"] for r in pr),
        )
        f = []
        if vq > 0 and not pr:
            med = statistics.median(prices[prod]) if prod in prices else c
            f.append(("unbilled", vq * med))
        if vq > pq > 0:
            f.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            f.append(("over_billed", (pq - vq) * p))
        if pq > 0 and not vr and p > 0:
            f.append(("no_vendor_record", pq * p))
        if vr and pr and vq > 0 and pq > 0 and p < c:
            f.append(("below_cost", (c - p) * min(vq, pq)))
        for t, amt in f:
            amt = money_round(amt)
            if amt <= 0:
                continue
            d = dict(type=t, **base)
            d["monthly_impact"] = f"{amt:.2f}" if False else _fmt(amt)
            out.append(d)
    return out


def _fmt(fr):
    s = "-" if fr < 0 else ""
    fr = abs(fr)
    cents = int(fr * 100)
    return f"{s}{cents // 100}.{cents % 100:02d}"
