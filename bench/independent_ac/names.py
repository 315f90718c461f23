"""Clients of set AC: canonical (PSA) names, legal / tenant names, siblings and name perturbations."""

from __future__ import annotations

import random
import re
import unicodedata

PLACES = [
    "Harbourview",
    "Kestrel",
    "Bluegum",
    "Ironbark",
    "Riverside",
    "Oakridge",
    "Silverline",
    "Northgate",
    "Westbrook",
    "Granite Peak",
    "Lakeside",
    "Summit",
    "Coastal",
    "Redwood",
    "Evergreen",
    "Highfield",
    "Brightwater",
    "Stonebridge",
    "Willowdale",
    "Foxglove",
    "Copperleaf",
    "Saltmarsh",
    "Pinecrest",
    "Ashford",
    "Meridian",
    "Beacon",
    "Orchard",
    "Falcon",
    "Tidewater",
    "Kingfisher",
    "Marlow",
    "Thornbury",
    "Elmstead",
    "Juniper",
    "Larkspur",
    "Quarry Hill",
    "Barrow Creek",
    "Millbrook",
    "Cedarvale",
    "Rosehill",
    "Sandpiper",
    "Wattle Grove",
    "Bellbird",
    "Hawthorn",
    "Seacliff",
    "Glenelg",
    "Ravenswood",
    "Clearwater",
    "Blackwood",
    "Mosman",
    "Yarrow",
    "Tamarind",
    "Aldgate",
    "Pemberton",
    "Carrick",
    "Dunmore",
]
TRADES = [
    "Dental",
    "Physiotherapy",
    "Legal",
    "Accounting",
    "Engineering",
    "Logistics",
    "Plumbing",
    "Electrical",
    "Architects",
    "Veterinary Clinic",
    "Property Group",
    "Construction",
    "Freight",
    "Optometry",
    "Realty",
    "Insurance Brokers",
    "Pharmacy",
    "Joinery",
    "Landscaping",
    "Surveyors",
    "Bakery",
    "Motors",
    "Printing",
    "Travel",
    "Management Services",
    "International Trading",
    "Associates",
    "Medical Centre",
]
FIRST = [
    "John",
    "Sarah",
    "Michael",
    "Priya",
    "Tom",
    "Aisha",
    "Daniel",
    "Mei",
    "Lukas",
    "Sofia",
    "Ahmed",
    "Emma",
    "Raj",
    "Olivia",
    "Kenji",
    "Ana",
]
SURN = [
    "Smith",
    "Patel",
    "Nguyen",
    "O'Brien",
    "Hartley",
    "Moss",
    "Fraser",
    "Kowalski",
    "Chen",
    "Walsh",
    "Singh",
    "Morgan",
    "Reid",
    "Doyle",
]

EN_FORMS = ["Pty Ltd", "Ltd", "Limited", "LLC", "Inc.", "Pty. Ltd."]
FOREIGN_PARTS = {  # lang: (names, trades, [(form, spelled form)])
    "de": (
        ["Müller", "Schröder", "Weiß", "Jäger", "Größner", "Köhler", "Bäcker", "Fuß"],
        ["Haustechnik", "Metallbau", "Logistik", "Steuerberatung", "Elektrotechnik", "Immobilien"],
        [
            ("GmbH", "Gesellschaft mit beschränkter Haftung"),
            ("GmbH & Co. KG", "GmbH & Compagnie Kommanditgesellschaft"),
            ("e.K.", "eingetragener Kaufmann"),
            ("AG", "Aktiengesellschaft"),
        ],
    ),
    "nl": (
        ["Van den Berg", "De Vries", "Van der Meer", "De Jong", "Van Dijk"],
        ["Installatietechniek", "Bouwbedrijf", "Accountants", "Transport"],
        [("B.V.", "Besloten Vennootschap"), ("V.O.F.", "Vennootschap onder firma")],
    ),
    "no": (
        ["Øverland", "Sæther", "Bjørnstad", "Haugen"],
        ["Rør", "Bygg", "Regnskap", "Elektro"],
        [("AS", "Aksjeselskap")],
    ),
    "se": (
        ["Bjørk & Åberg", "Ångström", "Lindqvist", "Sjöberg"],
        ["Konsult", "Bygg", "Redovisning"],
        [("AB", "Aktiebolag")],
    ),
    "dk": (
        ["Søndergaard", "Jørgensen", "Kjær"],
        ["Tømrer", "VVS", "Revision"],
        [("ApS", "Anpartsselskab"), ("A/S", "Aktieselskab")],
    ),
    "fi": (
        ["Mäkinen", "Häkkinen", "Järvinen"],
        ["Rakennus", "Kuljetus", "Tilitoimisto"],
        [("Oy", "Osakeyhtiö")],
    ),
    "pl": (
        ["Łukasiewicz", "Wójcik", "Zieliński", "Gąsior"],
        ["Budownictwo", "Transport", "Biuro Rachunkowe"],
        [("sp. z o.o.", "spółka z ograniczoną odpowiedzialnością"), ("sp.j.", "spółka jawna")],
    ),
    "es": (
        ["Peña", "Núñez", "Muñoz", "Ibáñez"],
        ["Construcciones", "Asesoría", "Transportes", "Clínica Dental"],
        [("S.L.", "Sociedad Limitada"), ("S.A.", "Sociedad Anónima")],
    ),
    "pt": (
        ["Conceição", "São João", "Gonçalves", "Simões"],
        ["Transportes", "Contabilidade", "Construções"],
        [("Lda.", "Limitada"), ("S.A.", "Sociedade Anónima")],
    ),
    "fr": (
        ["Lefèvre", "Bérénger", "Gauthier", "Mercié"],
        ["Boulangerie", "Cabinet Comptable", "Menuiserie"],
        [("SARL", "Société à responsabilité limitée"), ("SAS", "Société par actions simplifiée")],
    ),
}
LEAD_TRADE = {"es", "pt", "fr"}
JAPANESE = [  # (kanji legal, romanised trading, romanised legal form, macron variant)
    ("株式会社山田製作所", "Yamada Seisakusho", "Co., Ltd.", "Yamada Seisakusyo"),
    ("田中工業株式会社", "Tanaka Kōgyō", "K.K.", "Tanaka Kogyo"),
    ("有限会社佐藤商店", "Satō Shōten", "Ltd.", "Sato Shoten"),
    ("大野建設株式会社", "Ōno Kensetsu", "Co., Ltd.", "Ohno Kensetsu"),
]
INSTITUTIONS = [  # (kind, canonical, legal)
    ("school", "St Brigid's Primary School", "Trustees of St Brigid's Parish School"),
    ("school", "Kingfisher Grammar School", "Kingfisher Grammar School Ltd"),
    ("council", "Ashford Shire Council", "Shire of Ashford"),
    ("council", "Marlow Town Council", "Town of Marlow"),
    ("church", "St Andrew's Uniting Church", "Uniting Church Property Trust (St Andrew's)"),
    ("church", "Grace Community Church", "Grace Community Church Incorporated"),
    ("clinic", "Lakeside Family Medical", "Lakeside Family Medical Practice Pty Ltd"),
    ("clinic", "Seacliff Podiatry Clinic", "Seacliff Podiatry Pty Ltd"),
    ("nonprofit", "Coastal Food Rescue", "Coastal Food Rescue Incorporated"),
    ("nonprofit", "Larkspur Animal Shelter", "Larkspur Animal Welfare League Inc."),
    ("club", "Westbrook Rugby Club", "Westbrook Rugby Union Football Club Inc."),
    ("club", "Hawthorn Bowls Club", "Hawthorn Bowling Club Inc."),
    ("strata", "Strata Plan 48213 - Harbour Towers", "The Owners - Strata Plan No. 48213"),
    ("strata", "Body Corporate 7721 - Quarry Lofts", "Body Corporate for Quarry Lofts CTS 7721"),
    ("trust", "Nguyen Family Trust", "The Trustee for the Nguyen Family Trust"),
    ("trust", "Walsh Superannuation Fund", "The Trustee for Walsh Superannuation Fund"),
    ("partnership", "Hartley Moss Solicitors", "Hartley & Moss LLP"),
    ("partnership", "Fraser Reid Chartered Accountants", "Fraser & Reid Partnership"),
    ("partnership", "Doyle Morgan Architects", "Doyle & Morgan"),
]
ABBR = {
    "Management": "Mgmt",
    "Services": "Svcs",
    "International": "Intl",
    "Associates": "Assoc",
    "Construction": "Constr",
    "Engineering": "Eng",
    "Logistics": "Logs",
    "Physiotherapy": "Physio",
    "Accounting": "Acctg",
    "Insurance": "Ins",
    "Brokers": "Brkrs",
    "Medical": "Med",
    "Centre": "Ctr",
    "Dental": "Dntl",
    "Property": "Prop",
    "Group": "Grp",
    "Trading": "Trdg",
    "Holdings": "Hldgs",
    "Operations": "Ops",
    "Electrical": "Elec",
    "Plumbing": "Plmbg",
    "Veterinary": "Vet",
    "Clinic": "Clnc",
    "Architects": "Archts",
    "Pharmacy": "Pharm",
    "Landscaping": "Lndscp",
    "Surveyors": "Survs",
    "Freight": "Frt",
    "Printing": "Prntg",
    "Community": "Comm",
    "Church": "Ch",
    "School": "Sch",
    "Council": "Cncl",
    "Primary": "Prim",
}
NUMWORDS = {
    3: "Three",
    4: "Four",
    7: "Seven",
    8: "Eight",
    9: "Nine",
    11: "Eleven",
    12: "Twelve",
    14: "Fourteen",
    15: "Fifteen",
    21: "Twenty-One",
}


def slug(s):
    s = unicodedata.normalize(
        "NFKD",
        s.replace("ø", "o")
        .replace("Ø", "O")
        .replace("ł", "l")
        .replace("Ł", "L")
        .replace("ß", "ss"),
    )
    return re.sub(r"[^a-z0-9]", "", s.encode("ascii", "ignore").decode().lower())[:22] or "tenant"


def make_clients(rng: random.Random, n: int):
    """Clients of one case (depends on the rng only). Each is a dict; siblings share 'group'."""
    out, used = [], set()

    def add(canonical, legal, kind, **kw):
        if canonical in used or len(out) >= n:
            return None
        used.add(canonical)
        c = {
            "id": len(out),
            "canonical": canonical,
            "legal": legal,
            "kind": kind,
            "group": None,
            "old": None,
            "native": None,
            "lang": kw.pop("lang", "en"),
            "form": kw.pop("form", ""),
            "native_form": kw.pop("native_form", ""),
            "vclasses": [],
            "number": None,
        }
        c.update(kw)
        c["domain"] = slug(c.get("old") or canonical) + rng.choice(
            [".onmicrosoft.com", ".onmicrosoft.com", ".com.au", ".co.uk", ".com"]
        )
        out.append(c)
        return c

    places = PLACES[:]
    rng.shuffle(places)
    trades = TRADES[:]
    pi = 0

    def place():
        nonlocal pi
        pi += 1
        base = places[pi % len(places)]
        return (
            base
            if pi < len(places)
            else f"{base} {rng.choice(['Bay', 'Park', 'Valley', 'Point', 'Heights', 'Springs', 'Ridge', 'Vale'])}"
        )

    # fixed quotas, then ordinary companies
    sib_target = int(n * 0.18)
    specials = []
    for lang, (nms, trs, forms) in FOREIGN_PARTS.items():
        for nm in nms:
            tr = rng.choice(trs)
            form, nat = rng.choice(forms)
            t = f"{tr} {nm}" if lang in LEAD_TRADE else f"{nm} {tr}"
            specials.append((lang, t, form, nat))
    rng.shuffle(specials)
    specials = [("jp", *j) for j in JAPANESE] + specials
    insts = INSTITUTIONS[:]
    rng.shuffle(insts)
    n_foreign = max(6, int(n * 0.16))
    n_inst = max(4, min(len(insts), int(n * 0.09)))
    gid = 0
    while sum(1 for c in out if c["group"] is not None) < sib_target and len(out) < n:
        gid += 1
        k = rng.choice(
            ["stores", "compass", "holdops", "surname", "oneword", "parent", "acquired", "campus"]
        )
        p = place()
        members = []
        if k == "stores":
            brand = f"{p} {rng.choice(['Coffee', 'Pharmacy', 'Hardware', 'Car Wash', 'Fitness'])}"
            for num in rng.sample([3, 4, 7, 8, 9, 11, 12, 14, 15, 21], rng.choice([2, 3])):
                members.append(
                    add(f"{brand} #{num}", f"{brand} Store {num:03d} Pty Ltd", "store", number=num)
                )
        elif k == "compass":
            t = f"{p} {rng.choice(['Medical Centre', 'Physiotherapy', 'Veterinary Clinic', 'Realty'])}"
            for d in rng.sample(["North", "South", "East", "West"], 2):
                members.append(add(f"{t} {d}", f"{t} {d} Pty Ltd", "company", compass=d))
        elif k == "holdops":
            for w in rng.sample(["Holdings", "Operations", "Properties"], 2):
                members.append(add(f"{p} {w}", f"{p} {w} Pty Ltd", "company"))
        elif k == "surname":
            s = rng.choice(SURN)
            for t in rng.sample(["Accounting", "Dental", "Plumbing", "Legal", "Motors"], 2):
                members.append(add(f"{s} {t}", f"{s} {t} Ltd", "company"))
        elif k == "oneword":
            t = f"{p} {rng.choice(['Dental', 'Engineering', 'Freight'])}"
            for w in rng.sample(["Group", "Lab", "Services", "Solutions"], 2):
                members.append(add(f"{t} {w}", f"{t} {w} Limited", "company"))
        elif k == "parent":
            t = f"{p} Group"
            members.append(add(t, f"{t} Limited", "company"))
            members.append(add(f"{t} Logistics", f"{t} Logistics Limited", "company"))
        elif k == "acquired":
            a = f"{p} {rng.choice(['Plumbing', 'Electrical', 'IT Supplies'])}"
            b = f"{place()} Services Group"
            members.append(add(a, f"{a} Pty Ltd", "company", acquired_by=b))
            members.append(add(b, f"{b} Pty Ltd", "company"))
        else:
            sc = f"{p} College"
            for w in rng.sample(["Junior Campus", "Senior Campus", "Middle School"], 2):
                members.append(add(f"{sc} - {w}", f"{sc} Ltd ({w})", "school", campus=w))
        for m in members:
            if m:
                m["group"] = gid
    for spec in specials[:n_foreign]:
        if spec[0] == "jp":
            _, kanji, rom, form, alt = spec
            add(
                rom,
                f"{rom} {form}",
                "company",
                lang="jp",
                form=form,
                native=kanji,
                romaji_alt=alt,
                native_form="Kabushiki Kaisha",
            )
        else:
            lang, t, form, nat = spec
            add(t, f"{t} {form}", "company", lang=lang, form=form, native_form=nat)
    for kind, canon, legal in insts[:n_inst]:
        add(canon, legal, kind)
    while len(out) < n:
        p = place()
        t = f"{p} {rng.choice(trades)}"
        form = rng.choice(EN_FORMS)
        r = rng.random()
        if r < 0.05:  # renamed: vendor keeps the old legal name
            old = f"{place()} {rng.choice(trades)}"
            add(t, f"{t} {form}", "company", form=form, old=old, old_legal=f"{old} {form}")
        elif r < 0.07:  # legal entity unrelated to the trading name
            add(
                t,
                f"{rng.choice(SURN)} {rng.choice(['Holdings', 'Investments', 'Enterprises'])} {form}",
                "company",
                form=form,
                unrelated=True,
            )
        else:
            add(t, f"{t} {form}", "company", form=form)
    return out


def vendor_name(c, rng: random.Random):
    """Name the vendor portal shows (structural; same clean or perturbed). Sets c['vclasses']."""
    cls = []
    if c.get("old"):
        name = c["old_legal"]
        cls.append("vendor_keeps_pre_rename_legal")
    elif c["native"] and rng.random() < 0.75:
        name = c["native"]
        cls.append("vendor_tenant_in_kanji")
    elif c.get("unrelated"):
        name = c["legal"]
        cls.append("vendor_unrelated_legal_entity")
    else:
        name = c["legal"]
        if not name.startswith(c["canonical"]):
            cls.append("vendor_legal_entity_name")
        if rng.random() < 0.05:
            name = f"{name} ({c['domain'].split('.')[0]}.onmicrosoft.com)"
            cls.append("vendor_name_with_tenant_suffix")
    c["vclasses"] = cls
    return name


def _typo(word, rng):
    if len(word) < 5:
        return None
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _strip(s):
    for a, b in (
        ("ø", "o"),
        ("Ø", "O"),
        ("æ", "ae"),
        ("ł", "l"),
        ("Ł", "L"),
        ("ß", "ss"),
        ("å", "a"),
    ):
        s = s.replace(a, b)
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _perturbations(c, rng):
    """(class, PSA name) candidates that apply to this client."""
    t, legal = c["canonical"], c["legal"]
    f, s = rng.choice(FIRST), rng.choice(SURN)
    cand = [
        ("contact_name_after_dash", f"{t} - {f} {s}", 3),
        ("contact_surname_first_company_paren", f"{s}, {f} ({t})", 2),
        (
            "payables_routing_suffix",
            rng.choice([f"{t} - Accounts Payable", f"{t} (Attn: AP Dept)", f"{t} / Accts Payable"]),
            2,
        ),
        ("po_number_in_name", f"{t} PO# {rng.randint(40000, 99999)}", 2),
        ("debtor_code_lead", f"{slug(t)[:6].upper()}{rng.randint(1, 99):02d} {t}", 2),
        ("customer_no_tail", f"{t} (Cust. No. {rng.randint(10000, 99999)})", 2),
        ("tenant_domain_as_psa_name", c["domain"], 1),
        ("tenant_domain_bracket_tail", f"{t} [{c['domain']}]", 2),
        ("shouting_caps_no_punct", re.sub(r"[.,']", "", legal).upper(), 2),
    ]
    if legal != t and not c.get("unrelated"):
        cand += [
            ("legal_name_in_psa", legal, 3),
            ("legal_entity_ta_trading", f"{legal} t/a {t}", 2),
        ]
        cand.append(("legal_dba_trading_caps", f"{legal.upper()} DBA {t}", 1))
    if c.get("unrelated"):
        cand += [("legal_entity_ta_trading", f"{legal} t/a {t}", 6)]
    words = t.split()
    if any(w in ABBR for w in words):
        cand.append(("staff_shorthand_client", " ".join(ABBR.get(w, w) for w in words), 4))
    long_words = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if long_words and c["kind"] not in ("store",):
        i = rng.choice(long_words)
        cand.append(
            (
                "client_one_letter_slip",
                " ".join(_typo(w, rng) if j == i else w for j, w in enumerate(words)),
                2,
            )
        )
    if len(words) >= 3 and c["group"] is None and c["kind"] == "company" and c["lang"] == "en":
        ini = "".join(w[0] for w in words if w[0].isupper())
        cand.append(("initialism_plus_form", f"{ini} {c['form'] or 'Ltd'}", 1))
    if (
        c["group"] is None
        and c["kind"] == "company"
        and words[-1] in ("Dental", "Services", "Associates", "Group", "Trading", "Centre")
        and len(words) >= 3
    ):
        cand.append(("generic_tail_word_left_off", " ".join(words[:-1]), 2))
    if c.get("old"):
        cand += [
            ("fka_old_name_tail", f"{t} f/k/a {c['old']}", 5),
            ("old_name_now_new", f"{c['old']} (now {t})", 4),
        ]
    if c.get("acquired_by"):
        cand.append(("acquired_by_note_tail", f"{t} - acquired by {c['acquired_by']}", 6))
    if c["lang"] == "de":
        d = (
            t.replace("ä", "ae")
            .replace("ö", "oe")
            .replace("ü", "ue")
            .replace("ß", "ss")
            .replace("Ä", "Ae")
            .replace("Ö", "Oe")
            .replace("Ü", "Ue")
        )
        cand += [
            ("umlaut_as_e_digraph", d, 6),
            ("legal_form_spelled_native", f"{t} {c['native_form']}", 2),
        ]
        cand.append(("utf8_read_as_latin1_name", t.encode("utf-8").decode("latin-1"), 1))
    elif c["lang"] in ("no", "se", "dk", "fi"):
        d = (
            t.replace("ø", "oe")
            .replace("Ø", "Oe")
            .replace("å", "aa")
            .replace("Å", "Aa")
            .replace("æ", "ae")
            .replace("ä", "ae")
            .replace("ö", "oe")
        )
        cand += [
            ("nordic_letters_spelled_out", d, 5),
            ("diacritics_lost_in_sync", _strip(t), 3),
            ("legal_form_spelled_native", f"{t} {c['native_form']}", 2),
        ]
    elif c["lang"] in ("pl", "es", "pt", "fr", "nl"):
        if _strip(t) != t:
            cand.append(("diacritics_lost_in_sync", _strip(t), 6))
            cand.append(("utf8_read_as_latin1_name", t.encode("utf-8").decode("latin-1"), 1))
        cand.append(("legal_form_spelled_native", f"{t} {c['native_form']}", 3))
        m = re.match(r"^(Van den|Van der|Van|De) (.*)$", t)
        if c["lang"] == "nl" and m:
            cand.append(("dutch_prefix_after_comma", f"{m.group(2)}, {m.group(1).lower()}", 4))
    elif c["lang"] == "jp":
        cand += [
            ("romaji_macron_respelled", c["romaji_alt"], 6),
            ("kk_form_leading", f"KK {_strip(t)}", 2),
        ]
        cand.append(("kanji_name_in_psa", c["native"], 2))
    k = c["kind"]
    if k == "council":
        cand.append(("council_form_swapped", f"{legal} Council", 6))
    if k == "church" or "St " in t:
        cand.append(("saint_written_out", t.replace("St ", "Saint ").replace("'s", "s"), 5))
    if k == "club":
        cand.append(
            ("club_name_contracted", t.replace("Rugby Club", "RUFC").replace("Bowls Club", "BC"), 5)
        )
    if k == "nonprofit":
        cand.append(
            ("registered_charity_no_tail", f"{t} (Reg. Charity {rng.randint(1000000, 1199999)})", 5)
        )
    if k == "strata":
        num = re.search(r"\d+", t).group()
        nm = t.split(" - ")[1]
        cand.append(
            ("strata_plan_number_restyled", f"{'SP' if 'Strata' in t else 'BC'} {num} {nm}", 6)
        )
    if k == "trust":
        cand.append(
            ("trustee_atf_prefix", f"{f[0]} & {rng.choice(FIRST)[0]} {t.split()[0]} ATF {t}", 6)
        )
    if k == "partnership":
        a, b = re.split(r" & |\s", legal)[:2]
        cand.append(("partner_surnames_swapped", f"{b} {a} {t.split()[-1]}", 6))
    if k == "store":
        num = c["number"]
        base = t.rsplit(" #", 1)[0]
        forms = [
            f"{base} Store No. {num}",
            f"{base} ({num:03d})",
            f"{base} - Store {num}",
            f"{base} #{num:04d}",
        ]
        if num in NUMWORDS:
            forms.append(f"{base} {NUMWORDS[num]}")
        cand.append(("outlet_number_reformatted", rng.choice(forms), 8))
    if c.get("compass"):
        d = c["compass"]
        cand.append(
            (
                "compass_point_shortened",
                t.replace(d, {"North": "Nth", "South": "Sth", "East": "E.", "West": "W."}[d]),
                6,
            )
        )
    if c.get("campus"):
        cand.append(("campus_tag_bracketed", t.replace(" - ", " (") + ")", 6))
    return cand


def psa_names(clients, rng: random.Random, rate=0.62):
    """Perturbed PSA names: each perturbed client gets exactly one class."""
    taken = {c["canonical"] for c in clients}
    for c in clients:
        c["cclasses"] = []
        c["psa_name"] = c["canonical"]
    for c in clients:
        if rng.random() >= rate:
            continue
        cand = [
            x
            for x in _perturbations(c, rng)
            if x[1] and x[1] != c["canonical"] and x[1] not in taken
        ]
        if not cand:
            continue
        generic = {
            "contact_name_after_dash",
            "contact_surname_first_company_paren",
            "payables_routing_suffix",
            "po_number_in_name",
            "debtor_code_lead",
            "customer_no_tail",
            "tenant_domain_as_psa_name",
            "tenant_domain_bracket_tail",
            "shouting_caps_no_punct",
        }
        w = [x[2] if x[0] in generic else 3 * x[2] for x in cand]
        cls, name, _w = rng.choices(cand, weights=w)[0]
        taken.add(name)
        c["psa_name"] = name
        c["cclasses"] = [cls]
    return clients


CLIENT_CLASSES = [
    "contact_name_after_dash",
    "contact_surname_first_company_paren",
    "payables_routing_suffix",
    "po_number_in_name",
    "debtor_code_lead",
    "customer_no_tail",
    "tenant_domain_as_psa_name",
    "tenant_domain_bracket_tail",
    "shouting_caps_no_punct",
    "legal_name_in_psa",
    "legal_entity_ta_trading",
    "legal_dba_trading_caps",
    "staff_shorthand_client",
    "client_one_letter_slip",
    "initialism_plus_form",
    "generic_tail_word_left_off",
    "fka_old_name_tail",
    "old_name_now_new",
    "acquired_by_note_tail",
    "umlaut_as_e_digraph",
    "legal_form_spelled_native",
    "utf8_read_as_latin1_name",
    "nordic_letters_spelled_out",
    "diacritics_lost_in_sync",
    "dutch_prefix_after_comma",
    "romaji_macron_respelled",
    "kk_form_leading",
    "kanji_name_in_psa",
    "council_form_swapped",
    "saint_written_out",
    "club_name_contracted",
    "registered_charity_no_tail",
    "strata_plan_number_restyled",
    "trustee_atf_prefix",
    "partner_surnames_swapped",
    "outlet_number_reformatted",
    "compass_point_shortened",
    "campus_tag_bracketed",
]
VENDOR_CLIENT_CLASSES = [
    "vendor_keeps_pre_rename_legal",
    "vendor_tenant_in_kanji",
    "vendor_unrelated_legal_entity",
    "vendor_legal_entity_name",
    "vendor_name_with_tenant_suffix",
]
GROUP_CLASSES = ["sibling_trap_member", "acquisition_pair_member"]
