"""Regions of set AG: currency, languages, company names with their legal forms, and the ways a
person types a client's name in the books (client-name classes)."""

from __future__ import annotations

import unicodedata

# code: currency, factor (base -> local), decimals, languages (weights), legal forms, tax id label
REGIONS = {
    "BR": dict(
        cur="BRL",
        factor=5,
        dec=2,
        langs={"pt": 1},
        taxid="CNPJ",
        conj=("e", "&"),
        forms=["Ltda.", "Ltda.", "EIRELI", "ME", "S.A."],
        tax=("ISS 5%", "0.05"),
    ),
    "MX": dict(
        cur="MXN",
        factor=17,
        dec=2,
        langs={"es": 1},
        taxid="RFC",
        conj=("y", "&"),
        forms=["S.A. de C.V.", "S.A. de C.V.", "S. de R.L. de C.V.", "S.C."],
        tax=("IVA 16%", "0.16"),
    ),
    "CO": dict(
        cur="COP",
        factor=4000,
        dec=0,
        langs={"es": 1},
        taxid="NIT",
        conj=("y", "&"),
        forms=["S.A.S.", "S.A.S.", "Ltda.", "S.A."],
        tax=("IVA 19%", "0.19"),
    ),
    "CL": dict(
        cur="CLP",
        factor=1000,
        dec=0,
        langs={"es": 1},
        taxid="RUT",
        conj=("y", "&"),
        forms=["SpA", "SpA", "Ltda.", "S.A.", "E.I.R.L."],
        tax=("IVA 19%", "0.19"),
    ),
    "JP": dict(
        cur="JPY",
        factor=100,
        dec=0,
        langs={"ja": 1},
        taxid="法人番号",
        conj=("＆", "&"),
        forms=["株式会社", "株式会社", "有限会社", "合同会社"],
        tax=("消費税 10%", "0.10"),
    ),
    "IN": dict(
        cur="INR",
        factor=83,
        dec=2,
        langs={"en": 1},
        taxid="GSTIN",
        conj=("and", "&"),
        forms=["Pvt. Ltd.", "Pvt. Ltd.", "Private Limited", "LLP"],
        tax=("IGST 18%", "0.18"),
    ),
    "AE": dict(
        cur="AED",
        factor=4,
        dec=2,
        langs={"en": 1},
        taxid="TRN",
        conj=("and", "&"),
        forms=["L.L.C.", "L.L.C.", "FZE", "FZ-LLC", "W.L.L."],
        tax=("VAT 5%", "0.05"),
    ),
    "ZA": dict(
        cur="ZAR",
        factor=18,
        dec=2,
        langs={"en": 1},
        taxid="VAT No",
        conj=("and", "&"),
        forms=["(Pty) Ltd", "(Pty) Ltd", "CC", "Inc."],
        tax=("VAT 15%", "0.15"),
    ),
    "MY": dict(
        cur="MYR",
        factor=4,
        dec=2,
        langs={"ms": 0.45, "en": 0.3, "zh": 0.25},
        taxid="SST No",
        conj=("dan", "&"),
        forms=["Sdn. Bhd.", "Sdn. Bhd.", "Bhd.", "Enterprise"],
        tax=("SST 8%", "0.08"),
    ),
    "SG": dict(
        cur="SGD",
        factor=1,
        dec=2,
        langs={"en": 0.55, "zh": 0.3, "zht": 0.05, "ms": 0.1},
        taxid="UEN",
        conj=("and", "&"),
        forms=["Pte. Ltd.", "Pte. Ltd.", "LLP"],
        tax=("GST 9%", "0.09"),
    ),
    "ID": dict(
        cur="IDR",
        factor=10000,
        dec=0,
        langs={"id": 1},
        taxid="NPWP",
        conj=("dan", "&"),
        forms=["PT", "PT", "PT", "CV", "PT Tbk"],
        tax=("PPN 11%", "0.11"),
    ),
    "TR": dict(
        cur="TRY",
        factor=40,
        dec=2,
        langs={"tr": 1},
        taxid="VKN",
        conj=("ve", "&"),
        forms=["A.Ş.", "Ltd. Şti.", "San. ve Tic. A.Ş.", "San. ve Tic. Ltd. Şti."],
        tax=("KDV %20", "0.20"),
    ),
}

ACT = {
    "BR": [
        "Construtora",
        "Comercial",
        "Transportes",
        "Clínica Odontológica",
        "Distribuidora",
        "Indústria",
        "Contabilidade",
        "Farmácia",
        "Auto Peças",
        "Imobiliária",
        "Laboratório",
        "Escritório",
    ],
    "MX": [
        "Grupo",
        "Comercializadora",
        "Industrias",
        "Distribuidora",
        "Servicios Integrales",
        "Constructora",
        "Despacho Contable",
        "Clínica Dental",
        "Transportes",
        "Abarrotes",
    ],
    "CO": [
        "Inversiones",
        "Comercializadora",
        "Ingeniería",
        "Distribuidora",
        "Inmobiliaria",
        "Transportes",
        "Clínica",
        "Constructora",
    ],
    "CL": [
        "Inversiones",
        "Comercial",
        "Constructora",
        "Servicios",
        "Sociedad Agrícola",
        "Transportes",
        "Clínica",
        "Inmobiliaria",
    ],
    "IN": [
        "Textiles",
        "Engineering Works",
        "Enterprises",
        "Pharma",
        "Logistics",
        "Infra Projects",
        "Exports",
        "Traders",
        "Healthcare",
        "Software Solutions",
    ],
    "AE": [
        "General Trading",
        "Technical Services",
        "Contracting",
        "Facilities Management",
        "Building Materials Trading",
        "Real Estate",
        "Logistics",
        "Auto Spare Parts Trading",
    ],
    "ZA": [
        "Logistics",
        "Engineering",
        "Attorneys",
        "Motors",
        "Farming Supplies",
        "Dental",
        "Properties",
        "Construction",
        "Accountants",
    ],
    "MY": [
        "Trading",
        "Hardware",
        "Engineering",
        "Perniagaan",
        "Logistik",
        "Construction",
        "Enterprise",
        "Pembinaan",
    ],
    "SG": [
        "Trading",
        "Logistics",
        "Engineering",
        "Dental Clinic",
        "Holdings",
        "Marine Services",
        "Interior Design",
        "Food Industries",
    ],
    "ID": ["Karya Teknik", "Sinar", "Bumi", "Berkah", "Mitra", "Cahaya", "Sumber", "Graha"],
    "TR": [
        "Tekstil",
        "Lojistik",
        "İnşaat",
        "Gıda",
        "Danışmanlık",
        "Otomotiv",
        "Mühendislik",
        "Turizm",
        "Elektrik",
    ],
}
PROPER = {
    "BR": [
        "Horizonte",
        "Boa Vista",
        "São Jorge",
        "Sorriso",
        "Três Irmãos",
        "Ipê Amarelo",
        "Vale Verde",
        "Santa Luzia",
        "Paraná",
        "Serra Azul",
        "Aurora",
        "Bandeirantes",
        "Conceição",
        "Pioneira",
        "Jequitibá",
        "Araújo",
        "Gonçalves",
        "Estrela do Sul",
    ],
    "MX": [
        "Azteca",
        "del Norte",
        "San Ángel",
        "Monterrey",
        "Bajío",
        "Peñasco",
        "Sierra Madre",
        "Los Pinos",
        "Hidalgo",
        "Montaña Verde",
        "Querétaro",
        "Cortés",
        "Núñez",
        "Del Valle",
        "Santa Fe",
        "Chapultepec",
    ],
    "CO": [
        "Los Andes",
        "El Dorado",
        "Caribe",
        "Antioquia",
        "Cafetera",
        "Magdalena",
        "Nariño",
        "La Sabana",
        "Santander",
        "Guadalupe",
        "Quindío",
        "Montería",
    ],
    "CL": [
        "Los Lagos",
        "Patagonia",
        "Andes",
        "Atacama",
        "Bío Bío",
        "Valparaíso",
        "Maipú",
        "Araucanía",
        "Ñuble",
        "Peñalolén",
        "Los Ríos",
        "Magallanes",
    ],
    "IN": [
        "Sharma",
        "Patel",
        "Sri Lakshmi",
        "Gupta",
        "Reddy",
        "Krishna",
        "Mehta",
        "Iyer",
        "Venkatesh",
        "Agarwal",
        "Sai Balaji",
        "Ganesh",
        "Kapoor",
        "Narayana",
        "Deshmukh",
    ],
    "AE": [
        "Al Noor",
        "Gulf Star",
        "Emirates Horizon",
        "Desert Rose",
        "Al Mansoori",
        "Al Futtaim",
        "Blue Dune",
        "Al Qasimi",
        "Palm Coast",
        "Al Shamsi",
        "Falcon Crest",
        "Al Wasl",
    ],
    "ZA": [
        "Ubuntu",
        "Protea",
        "Karoo",
        "Van der Merwe",
        "Nkosi",
        "Table Bay",
        "Highveld",
        "Drakensberg",
        "Mokoena",
        "Botha",
        "Kruger",
        "Zulu Ridge",
        "Fynbos",
        "Naidoo",
    ],
    "MY": [
        "Maju Jaya",
        "Tan Brothers",
        "Lim",
        "Sri Murni",
        "Wong",
        "Teguh",
        "Bintang",
        "Sinar Harapan",
        "Chong",
        "Setia",
        "Cahaya Timur",
        "Ooi",
    ],
    "SG": [
        "Tan Brothers",
        "Lim & Tan",
        "Orchid",
        "Sunrise",
        "Koh",
        "Merlion",
        "Ng",
        "Goh",
        "Jurong",
        "Harbourfront",
        "Chua",
        "Bukit",
    ],
    "ID": [
        "Maju Jaya",
        "Abadi Sentosa",
        "Nusantara",
        "Makmur",
        "Utama",
        "Sejahtera",
        "Mandiri",
        "Lestari",
        "Harapan Baru",
        "Jaya Sakti",
        "Permata",
        "Anugerah",
    ],
    "TR": [
        "Yıldız",
        "Anadolu",
        "Özkan",
        "Ege",
        "Boğaziçi",
        "Karadeniz",
        "Çelik",
        "Şahin",
        "Güneş",
        "Akdeniz",
        "Doğan",
        "Işık",
        "Ulusoy",
        "Erdoğdu",
    ],
}
# Japanese companies: (romanised, native) twins
JP_SURNAMES = [
    ("Sato", "佐藤"),
    ("Suzuki", "鈴木"),
    ("Takahashi", "高橋"),
    ("Tanaka", "田中"),
    ("Watanabe", "渡辺"),
    ("Ito", "伊藤"),
    ("Yamamoto", "山本"),
    ("Nakamura", "中村"),
    ("Kobayashi", "小林"),
    ("Kato", "加藤"),
    ("Yoshida", "吉田"),
    ("Yamada", "山田"),
    ("Sasaki", "佐々木"),
    ("Yamaguchi", "山口"),
    ("Matsumoto", "松本"),
    ("Inoue", "井上"),
    ("Kimura", "木村"),
    ("Hayashi", "林"),
    ("Shimizu", "清水"),
    ("Mori", "森"),
    ("Ikeda", "池田"),
    ("Hashimoto", "橋本"),
    ("Ishikawa", "石川"),
    ("Ogawa", "小川"),
    ("Okada", "岡田"),
    ("Goto", "後藤"),
]
JP_BIZ = [
    ("Shoji", "商事"),
    ("Kogyo", "工業"),
    ("Kensetsu", "建設"),
    ("Denki", "電機"),
    ("Unyu", "運輸"),
    ("Sekkei", "設計"),
    ("Shokai", "商会"),
    ("Seimitsu", "精密"),
    ("Iryo", "医療"),
    ("Shokuhin", "食品"),
    ("Fudosan", "不動産"),
    ("Insatsu", "印刷"),
    ("Kikai", "機械"),
    ("Butsuryu", "物流"),
    ("Sangyo", "産業"),
    ("Koumuten", "工務店"),
    ("Shika", "歯科"),
    ("Boeki", "貿易"),
    ("Jidosha", "自動車"),
    ("Kagaku", "化学"),
    ("Denko", "電工"),
    ("Seiyaku", "製薬"),
    ("Shoten", "商店"),
]
JP_FORM_ROMAN = {"株式会社": "K.K.", "有限会社": "Y.K.", "合同会社": "G.K."}
JP_FORM_EN = {"株式会社": "Co., Ltd.", "有限会社": "Ltd.", "合同会社": "LLC"}
# Chinese native names for SG/MY twins (romanised name: native name)
ZH_TWIN = {
    "Tan Brothers": "陈氏兄弟",
    "Lim": "林氏",
    "Wong": "黄氏",
    "Chong": "张氏",
    "Ooi": "胡氏",
    "Koh": "许氏",
    "Ng": "吴氏",
    "Goh": "吴家",
    "Chua": "蔡氏",
}
ZH_FORM = {
    "Sdn. Bhd.": "有限公司",
    "Pte. Ltd.": "私人有限公司",
    "Bhd.": "有限公司",
    "Enterprise": "企业",
    "LLP": "有限责任合伙",
}

SIBLING_WORDS = {
    "BR": ["Incorporações", "Filial Campinas", "Logística"],
    "MX": ["Monterrey", "Guadalajara", "Puebla", "Logística"],
    "CO": ["Medellín", "Cali", "Logística"],
    "CL": ["Sur", "Norte", "Logística"],
    "JP": [("Logistics", "ロジスティクス"), ("Hanbai", "販売"), ("Kanto", "関東")],
    "IN": ["Exports", "Holdings", "Infratech"],
    "AE": ["Dubai Branch", "Abu Dhabi", "Holdings"],
    "ZA": ["Holdings", "Cape Town", "Properties"],
    "MY": ["Holdings", "Johor", "Properties"],
    "SG": ["Holdings", "Marine", "Properties"],
    "ID": ["Abadi", "Logistik", "Properti"],
    "TR": ["Pazarlama", "Dış Ticaret", "Holding"],
}

TURKISH_FOLD = str.maketrans("ıİşŞğĞçÇöÖüÜ", "iIsSgGcCoOuU")


def strip_accents(s):
    s = s.translate(TURKISH_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def tax_id(region, rng):
    d = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    if region == "BR":
        return f"CNPJ {d(2)}.{d(3)}.{d(3)}/0001-{d(2)}"
    if region == "MX":
        return (
            "RFC "
            + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
            + d(6)
            + "A"
            + d(2)
        )
    if region == "CO":
        return f"NIT {d(3)}.{d(3)}.{d(3)}-{d(1)}"
    if region == "CL":
        return f"RUT {rng.randint(70, 99)}.{d(3)}.{d(3)}-{rng.choice('0123456789K')}"
    if region == "JP":
        return f"T{d(13)}"
    if region == "IN":
        return f"GSTIN {rng.choice(['27', '29', '33', '07'])}AAB{rng.choice('CFP')}{'ABCDEFGHK'[rng.randrange(9)]}{d(4)}{rng.choice('ABCD')}1Z{d(1)}"
    if region == "AE":
        return f"TRN 100{d(12)}"
    if region == "ZA":
        return f"VAT 4{d(9)}"
    if region == "MY":
        return f"SST W10-{d(4)}-{d(8)}"
    if region == "SG":
        return f"UEN 20{d(7)}{rng.choice('KMNRWZ')}"
    if region == "ID":
        return f"NPWP {d(2)}.{d(3)}.{d(3)}.{d(1)}-{d(3)}.000"
    return f"VKN {d(10)}"


def make_clients(region, n, rng):
    """Canonical (vendor legal) names; some siblings. Returns list of dicts."""
    out, used = [], set()
    reg = REGIONS[region]

    def add(c):
        k = strip_accents(c["base"]).lower()
        if c["canonical"] in used or k in used:
            return False
        used.add(c["canonical"])
        used.add(k)
        out.append(c)
        return True

    tries = 0
    while len(out) < n and tries < n * 60:
        tries += 1
        form = rng.choice(reg["forms"])
        c = {"region": region, "form": form}
        if region == "JP":
            (r1, n1), (r2, n2) = rng.choice(JP_SURNAMES), rng.choice(JP_BIZ)
            rom, nat = f"{r1} {r2}", n1 + n2
            suffix = rng.choice(
                ["", "", "", ("Tokyo", "東京"), ("Osaka", "大阪"), ("Nagoya", "名古屋")]
            )
            if suffix:
                rom, nat = rom + " " + suffix[0], nat + suffix[1]
            c["base"], c["native"] = rom, nat
            native_first = rng.random() < 0.6
            c["native_first"] = native_first
            c["maekabu"] = rng.random() < 0.5
            c["canonical"] = jp_name(c, native=native_first)
        else:
            act, prop = rng.choice(ACT[region]), rng.choice(PROPER[region])
            if tries > n * 3 or rng.random() < 0.2:
                prop2 = rng.choice(PROPER[region])
                if prop2 != prop and "&" not in prop + prop2:
                    prop = f"{prop} {prop2}"
            if region in ("BR", "MX", "CO", "CL"):
                base = f"{act} {prop}"
                if rng.random() < 0.12:
                    a, b = rng.sample(PROPER[region], 2)
                    base = f"{act} {a} {reg['conj'][0]} {b}"
            elif region == "ID":
                base = f"{act} {prop}"
            elif region == "TR":
                base = f"{prop} {act}"
                if rng.random() < 0.1:
                    base = f"{prop} {rng.choice(PROPER[region])} {act}"
            else:
                base = f"{prop} {act}"
                if rng.random() < 0.1:
                    base = f"{prop} {reg['conj'][0]} {rng.choice(PROPER[region])} {act}"
            c["base"] = base
            c["canonical"] = compose(region, base, form)
        c["taxid"] = tax_id(region, rng)
        if not add(c):
            continue
        # siblings
        if rng.random() < 0.08 and len(out) < n - 1:
            w = rng.choice(SIBLING_WORDS[region])
            s = dict(c)
            if region == "JP":
                s["base"], s["native"] = c["base"] + " " + w[0], c["native"] + w[1]
                s["canonical"] = jp_name(s, native=s["native_first"])
            else:
                s["base"] = c["base"] + " " + w
                s["canonical"] = compose(region, s["base"], form)
            s["taxid"] = tax_id(region, rng)
            if add(s):
                c["sibling"] = s["sibling"] = True
    for i, c in enumerate(out):
        c["id"] = i
    return out


def compose(region, base, form):
    if region == "ID":
        if form == "PT Tbk":
            return f"PT {base} Tbk"
        return f"{form} {base}"
    return f"{base} {form}"


def jp_name(c, native=True, maekabu=None, form=None):
    form = form or c["form"]
    mk = c["maekabu"] if maekabu is None else maekabu
    if native:
        return f"{form}{c['native']}" if mk else f"{c['native']}{form}"
    return f"{c['base']} {JP_FORM_EN[form]}"


# ---- client-name perturbations (PSA side) ----------------------------------------------------


def _form_variants(region, form):
    v = {
        "S.A. de C.V.": ["SA de CV", "S.A. DE C.V.", "S.A de C.V", "SA. de CV."],
        "S. de R.L. de C.V.": ["S de RL de CV", "S. de R.L. de CV", "S DE RL DE CV"],
        "S.C.": ["SC", "S. C."],
        "Ltda.": ["Ltda", "LTDA", "Limitada"],
        "EIRELI": ["Eireli", "EIRELI.", "Eirelli"],
        "ME": ["M.E.", "- ME", "Me"],
        "S.A.": ["SA", "S/A", "S.A"],
        "S.A.S.": ["SAS", "S.A.S", "S. A. S."],
        "SpA": ["S.p.A.", "SPA", "Spa"],
        "E.I.R.L.": ["EIRL", "E.I.R.L"],
        "Pvt. Ltd.": ["Pvt Ltd", "Private Limited", "Pvt. Limited", "(P) Ltd"],
        "Private Limited": ["Pvt. Ltd.", "Pvt Ltd", "Pvt. Limted"],
        "LLP": ["L.L.P.", "LLP."],
        "L.L.C.": ["LLC", "L.L.C", "Co. L.L.C."],
        "FZE": ["F.Z.E.", "FZE."],
        "FZ-LLC": ["FZ LLC", "F.Z. L.L.C.", "FZLLC"],
        "W.L.L.": ["WLL", "W.L.L"],
        "(Pty) Ltd": ["Pty Ltd", "(PTY) LTD", "(Pty) Limited", "Proprietary Limited"],
        "CC": ["C.C.", "cc"],
        "Inc.": ["Inc", "Incorporated"],
        "Sdn. Bhd.": ["Sdn Bhd", "SDN. BHD.", "Sdn. Bhd", "S/B"],
        "Bhd.": ["Bhd", "Berhad"],
        "Enterprise": ["Ent.", "Enterprises"],
        "Pte. Ltd.": ["Pte Ltd", "PTE. LTD.", "Private Limited", "Pte. Limited"],
        "A.Ş.": ["AŞ", "A.S.", "Anonim Şirketi"],
        "Ltd. Şti.": ["Ltd.Şti.", "Ltd Sti", "Limited Şirketi"],
        "San. ve Tic. A.Ş.": ["Sanayi ve Ticaret A.Ş.", "San.Tic.A.Ş.", "San. Tic. AŞ"],
        "San. ve Tic. Ltd. Şti.": ["Sanayi ve Ticaret Ltd. Şti.", "San.ve Tic.Ltd.Şti."],
    }
    return v.get(form, [])


def client_classes_for(c):
    """Candidate perturbations for a client: list of (class, function(rng) -> name)."""
    region, base, form, canon = c["region"], c["base"], c["form"], c["canonical"]
    cand = []
    if region == "JP":
        cand.append(("jp_romaji_kanji_twin", lambda r: jp_name(c, native=not c["native_first"])))
        if c["native_first"]:
            cand.append(
                (
                    "jp_maekabu_atokabu_swap",
                    lambda r: jp_name(c, native=True, maekabu=not c["maekabu"]),
                )
            )
            ab = {"株式会社": "(株)", "有限会社": "(有)", "合同会社": "(同)"}[form]
            ab2 = {"株式会社": "㈱", "有限会社": "㈲", "合同会社": "(同)"}[form]
            cand.append(
                (
                    "jp_kabu_bracket_abbrev",
                    lambda r: (
                        (r.choice([ab, ab2]) + c["native"])
                        if c["maekabu"]
                        else (c["native"] + r.choice([ab, ab2]))
                    ),
                )
            )
            cand.append(
                ("jp_onchu_honorific_tail", lambda r: canon + r.choice([" 御中", "　御中", "御中"]))
            )
            cand.append(("jp_legal_form_omitted", lambda r: c["native"]))
        else:
            cand.append(("jp_kk_romanised_form", lambda r: f"{c['base']} {JP_FORM_ROMAN[form]}"))
            cand.append(
                (
                    "jp_romaji_long_vowel_variant",
                    lambda r: (
                        canon.replace("Shoji", "Shouji")
                        .replace("Kogyo", "Kougyou")
                        .replace("Koumuten", "Komuten")
                        .replace("Butsuryu", "Butsuryuu")
                        .replace("Unyu", "Unyuu")
                        .replace("Boeki", "Boueki")
                        .replace("Osaka", "Oosaka")
                        .replace("Tokyo", "Toukyou")
                        .replace("Fudosan", "Fudousan")
                        .replace("Sato", "Satou")
                        .replace("Ito", "Itou")
                        .replace("Kato", "Katou")
                        .replace("Goto", "Gotou")
                    ),
                )
            )
        return [x for x in cand if x[1](_Fixed()) != canon]
    fv = _form_variants(region, form)
    if fv:
        cand.append(("legal_form_regional_variant", lambda r: canon.replace(form, r.choice(fv))))
    if region == "ID":
        if form == "PT":
            cand.append(("pt_form_moved_after_name", lambda r: f"{base}, PT"))
            cand.append(("pt_form_dotted", lambda r: f"PT. {base}"))
        elif form == "CV":
            cand.append(("pt_form_moved_after_name", lambda r: f"{base}, CV"))
        else:
            cand.append(("tbk_suffix_dropped", lambda r: f"PT {base}"))
    elif form:
        cand.append(("legal_form_not_typed", lambda r: base))
    cand.append(
        (
            "tax_id_typed_in_name",
            lambda r: r.choice(["{n} - {t}", "{n} ({t})", "{n} {t}"]).format(n=canon, t=c["taxid"]),
        )
    )
    if strip_accents(canon) != canon:
        cand.append(("accents_lost_regional", lambda r: strip_accents(canon)))
    for word, alts in (
        ("&", None),
        (" e ", " & "),
        (" y ", " & "),
        (" dan ", " & "),
        (" ve ", " & "),
        (" and ", " & "),
    ):
        if word in canon:
            if alts is None:
                cj = REGIONS[region]["conj"][0]
                cand.append(("conjunction_word_swapped", lambda r, cj=cj: canon.replace("&", cj)))
            else:
                cand.append(
                    ("conjunction_word_swapped", lambda r, w=word, a=alts: canon.replace(w, a))
                )
            break
    generic = [
        "Grupo ",
        "Comercializadora ",
        "Industrias ",
        "Comercial ",
        " Trading",
        " Enterprises",
        " General Trading",
        "Inversiones ",
        " Holdings",
    ]
    for g in generic:
        if g in canon and not c.get("sibling"):
            cand.append(
                (
                    "generic_business_word_dropped",
                    lambda r, g=g: " ".join(canon.replace(g, " ").split()),
                )
            )
            break
    if region == "IN":
        cand.append(("ms_messrs_prefix", lambda r: r.choice(["M/s. ", "M/S ", "Messrs "]) + canon))
    if region == "AE" and canon.startswith("Al "):
        cand.append(
            (
                "al_article_spelling",
                lambda r: canon.replace("Al ", r.choice(["Al-", "AL ", "El "]), 1),
            )
        )
    if region == "ZA":
        cand.append(
            (
                "ta_trading_name_tail",
                lambda r: f"{canon} t/a {base.split()[0]} {r.choice(['Group', 'Services'])}",
            )
        )
    if region == "TR":
        cand.append(
            ("turkish_caps_dotless_i", lambda r: canon.replace("i", "İ").replace("ı", "I").upper())
        )
        if "San. ve Tic." not in canon:
            cand.append(("turkish_ticaret_inserted", lambda r: canon.replace(form, "Tic. " + form)))
    if region in ("MY", "SG"):
        first = (
            base.split(" ")[0]
            if base.split(" ")[0] in ZH_TWIN
            else ("Tan Brothers" if base.startswith("Tan Brothers") else None)
        )
        if first and form in ZH_FORM and not c.get("sibling"):
            cand.append(
                (
                    "chinese_script_twin",
                    lambda r, f=first: (
                        ZH_TWIN[f]
                        + (
                            ""
                            if base == f
                            else base[len(f) :]
                            .strip()
                            .replace("Trading", "贸易")
                            .replace("Hardware", "五金")
                            .replace("Engineering", "工程")
                            .replace("Logistics", "物流")
                            .replace("Construction", "建筑")
                            .replace("Holdings", "控股")
                            .replace("Marine Services", "海事服务")
                            .replace("Dental Clinic", "牙科诊所")
                            .replace("Interior Design", "室内设计")
                            .replace("Food Industries", "食品工业")
                            .replace("Enterprise", "企业")
                            .replace("Logistik", "物流")
                            .replace("Perniagaan", "商行")
                            .replace("Pembinaan", "建筑")
                        )
                        + ZH_FORM[form]
                    ),
                )
            )
    if region in ("MX", "CO", "CL", "BR"):
        cand.append(("razon_social_all_caps_unaccented", lambda r: strip_accents(canon).upper()))
    return [x for x in cand if x[1](_Fixed()) != canon]


class _Fixed:
    """A stand-in rng for checking that a perturbation changes the name."""

    def choice(self, seq):
        return seq[0]

    def random(self):
        return 0.0
