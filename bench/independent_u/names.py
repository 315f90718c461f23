"""Client books of set U: names by country, legal forms, families that must never merge."""

from __future__ import annotations

import random
import re
import unicodedata

C = {}
C["US"] = dict(
    sur=[
        "Whitaker",
        "Delgado",
        "Okafor",
        "Brennan",
        "Kowalczyk",
        "Nguyen",
        "Castellano",
        "Haverford",
        "Pruitt",
        "Lindqvist",
        "Abernathy",
        "Morales",
        "Fairchild",
        "Ashby",
        "Redmond",
        "Tolliver",
    ],
    place=[
        "Cedar Ridge",
        "Bayside",
        "Prairie Wind",
        "Riverbend",
        "Copper Canyon",
        "Lakeshore",
        "Granite Peak",
        "Old Mill",
        "Sunbelt",
        "Harborview",
        "Blue Heron",
        "Magnolia",
        "Fairfield",
        "Northfield",
    ],
    trade=[
        "Dental Group",
        "Family Medicine",
        "Title & Escrow",
        "Construction",
        "Insurance Agency",
        "Veterinary Clinic",
        "Law Group",
        "Realty",
        "HVAC",
        "Chiropractic",
        "CPA Group",
        "Auto Body",
        "Landscaping",
        "Orthodontics",
        "Logistics",
    ],
    legal=["LLC", "Inc.", "P.C.", "Corp.", "PLLC", "LLP"],
    tld="com",
)
C["CA"] = dict(
    sur=["MacLellan", "Tremblay", "Okonkwo", "Bergeron", "Chen", "Sinclair", "Wojcik", "Fraser"],
    place=["Maple Leaf", "Red River", "Muskoka", "Fundy", "Okanagan", "Prairie Sky"],
    trade=[
        "Dental Centre",
        "Accounting",
        "Physiotherapy",
        "Builders",
        "Insurance Brokers",
        "Law Office",
        "Trucking",
    ],
    legal=["Inc.", "Ltd.", "Corp."],
    tld="ca",
)
C["CAfr"] = dict(
    sur=["Gagnon", "Lévesque", "Côté", "Bélanger", "Pelletier", "Thériault"],
    place=["Beauce", "Laurentides", "Saguenay", "Mauricie"],
    trade=["Clinique dentaire", "Notaires", "Comptables", "Construction", "Transport", "Pharmacie"],
    legal=["inc.", "ltée", "S.E.N.C."],
    tld="ca",
    front=True,
)
C["UK"] = dict(
    sur=[
        "Pemberton",
        "Ashworth",
        "Calloway",
        "Hargreaves",
        "Okoro",
        "Featherstone",
        "Baptiste",
        "Llewellyn",
        "Sutcliffe",
        "Thwaite",
        "Bhandari",
        "Kerr",
    ],
    place=[
        "Thameside",
        "Pennine",
        "Wessex",
        "Northgate",
        "Severn Valley",
        "Mersey",
        "Cotswold",
        "Fenland",
        "Harrowgate",
        "Kingsbridge",
    ],
    trade=[
        "Dental Practice",
        "Solicitors",
        "Accountants",
        "Lettings",
        "Surveyors",
        "Plumbing & Heating",
        "Opticians",
        "Vets",
        "Architects",
        "Haulage",
        "Care Homes",
    ],
    legal=["Ltd", "LLP", "Limited", "plc"],
    tld="co.uk",
)
C["IE"] = dict(
    sur=["Ó Briain", "Mac Giolla", "Fitzgerald", "Ní Dhonnchadha", "Brennan", "Kavanagh"],
    place=["Liffey", "Shannon", "Wicklow", "Connacht"],
    trade=["Solicitors", "Pharmacy", "Engineering", "Accountants"],
    legal=["Limited", "DAC", "CLG"],
    tld="ie",
)
C["DE"] = dict(
    sur=[
        "Müller",
        "Weißgerber",
        "Schröder",
        "Köhler",
        "Großmann",
        "Brandstätter",
        "Özdemir",
        "Jäger",
        "Hoffmann",
        "Kröger",
    ],
    place=[
        "Alsterblick",
        "Rheinufer",
        "Elbtal",
        "Spreewald",
        "Schwarzwald",
        "Isartal",
        "Hafencity",
    ],
    trade=[
        "Steuerberatung",
        "Zahnarztpraxis",
        "Logistik",
        "Elektrotechnik",
        "Immobilien",
        "Bauunternehmung",
        "Ingenieurbüro",
        "Physiotherapie",
        "Autohaus",
    ],
    legal=["GmbH", "GmbH & Co. KG", "KG", "UG (haftungsbeschränkt)", "e.K.", "AG"],
    tld="de",
)
C["AT"] = dict(
    sur=["Pichler", "Gruber", "Steinböck", "Hofbauer", "Wögerer"],
    place=["Wienerwald", "Donautal", "Salzkammergut", "Wachau"],
    trade=["Steuerberatung", "Tischlerei", "Bau", "Apotheke", "Zahnambulatorium"],
    legal=["GmbH", "KG", "OG", "e.U."],
    tld="at",
)
C["NL"] = dict(
    sur=["van der Berg", "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "de Groot"],
    place=["Zuiderzee", "Veluwe", "Amstel", "Kennemer"],
    trade=[
        "Accountants",
        "Tandartsen",
        "Advocaten",
        "Transport",
        "Installatietechniek",
        "Makelaardij",
    ],
    legal=["B.V.", "V.O.F.", "N.V."],
    tld="nl",
)
C["FR"] = dict(
    sur=["Lefèvre", "Moreau", "Girard", "Roussel", "Faure", "Chevalier", "Mercier"],
    place=["Val de Loire", "Côte d'Opale", "Provence", "Bretagne", "Rhône"],
    trade=[
        "Cabinet dentaire",
        "Expertise Comptable",
        "Transports",
        "Architectes",
        "Immobilier",
        "Pharmacie",
    ],
    legal=["SARL", "SAS", "SA", "EURL", "SCP"],
    tld="fr",
    front=True,
)
C["ES"] = dict(
    sur=["García", "Muñoz", "Ibáñez", "Castaño", "Peña", "Ortega"],
    place=["Mediterráneo", "Cantábrico", "Sierra Nevada", "Guadalquivir"],
    trade=["Asesoría", "Clínica Dental", "Transportes", "Abogados", "Inmobiliaria"],
    legal=["S.L.", "S.A.", "S.L.U."],
    tld="es",
    front=True,
)
C["IT"] = dict(
    sur=["Bianchi", "Ferrari", "Esposito", "Colombo", "Ricci"],
    place=["Lago Maggiore", "Valpolicella", "Brianza"],
    trade=["Studio Dentistico", "Commercialisti", "Trasporti", "Costruzioni"],
    legal=["S.r.l.", "S.p.A.", "S.n.c."],
    tld="it",
    front=True,
)
C["PL"] = dict(
    sur=["Kowalski", "Wiśniewski", "Łukasiewicz", "Zieliński", "Dąbrowska"],
    place=["Mazowsze", "Pomorze", "Śląsk"],
    trade=["Biuro Rachunkowe", "Transport", "Kancelaria Prawna", "Budownictwo"],
    legal=["sp. z o.o.", "S.A.", "sp.j."],
    tld="pl",
)
C["SE"] = dict(
    sur=["Lindqvist", "Sjöberg", "Åkesson", "Björklund", "Nyström", "Ekström"],
    place=["Mälardalen", "Norrland", "Skåne", "Västkusten"],
    trade=["Redovisning", "Tandvård", "Bygg", "Fastigheter", "Transport", "Advokatbyrå"],
    legal=["AB", "AB (publ)", "HB"],
    tld="se",
)
C["NO"] = dict(
    sur=["Haugen", "Østby", "Solberg", "Dahl", "Bråten"],
    place=["Vestland", "Trøndelag", "Nordkapp"],
    trade=["Regnskap", "Bygg", "Tannlegesenter", "Eiendom"],
    legal=["AS", "ASA", "DA"],
    tld="no",
)
C["DK"] = dict(
    sur=["Sørensen", "Kjær", "Mølgaard", "Frederiksen"],
    place=["Limfjord", "Fyn", "Øresund"],
    trade=["Revision", "Tandlægerne", "Entreprenør", "Ejendomme"],
    legal=["ApS", "A/S", "I/S"],
    tld="dk",
)
C["FI"] = dict(
    sur=["Virtanen", "Mäkinen", "Häkkinen", "Järvinen"],
    place=["Saimaa", "Pohjanmaa", "Lappi"],
    trade=["Tilitoimisto", "Rakennus", "Hammaslääkärit"],
    legal=["Oy", "Oyj", "Ky"],
    tld="fi",
)
C["AU"] = dict(
    sur=["Nguyen", "O'Sullivan", "Papadopoulos", "Whitlam", "Kaur", "McAllister", "Tran", "Rossi"],
    place=[
        "Southern Cross",
        "Coral Coast",
        "Blue Mountains",
        "Hunter Valley",
        "Swan River",
        "Barossa",
        "Gold Coast",
    ],
    trade=[
        "Dental",
        "Physiotherapy",
        "Accountants",
        "Conveyancing",
        "Electrical",
        "Plumbing",
        "Vet Hospital",
        "Property Group",
        "Legal",
    ],
    legal=["Pty Ltd", "Pty. Limited", "Pty Ltd ATF Family Trust"],
    tld="com.au",
)
C["NZ"] = dict(
    sur=["Te Rangi", "Ngata", "Fletcher", "Hadlee", "Patel"],
    place=["Aoraki", "Waikato", "Taranaki", "Kāpiti"],
    trade=["Accountants", "Builders", "Dental", "Lawyers"],
    legal=["Limited", "Ltd"],
    tld="co.nz",
)
C["IN"] = dict(
    sur=["Sharma", "Iyer", "Reddy", "Banerjee", "Mehta"],
    place=["Deccan", "Malabar", "Ganga"],
    trade=["Infotech", "Pharma", "Engineering", "Exports", "Consultants"],
    legal=["Pvt. Ltd.", "Private Limited", "LLP"],
    tld="in",
)
C["BR"] = dict(
    sur=["Souza", "Conceição", "Araújo", "Gonçalves"],
    place=["Paulista", "Cerrado", "Serra Gaúcha"],
    trade=["Contabilidade", "Odontologia", "Transportes", "Engenharia"],
    legal=["Ltda.", "S.A.", "Ltda. - ME", "EIRELI"],
    tld="com.br",
    front=False,
)
C["JP"] = dict(
    native=[
        ("さくら物流", "Sakura Butsuryu", "Sakura Logistics"),
        ("東海精工", "Tokai Seiko", "Tokai Precision"),
        ("北斗会計事務所", "Hokuto Kaikei Jimusho", "Hokuto Accounting Office"),
        ("みなと歯科", "Minato Shika", "Minato Dental"),
        ("青葉建設", "Aoba Kensetsu", "Aoba Construction"),
    ],
    legal=["Co., Ltd."],
    tld="co.jp",
)
C["KR"] = dict(
    native=[
        ("한빛테크", "Hanbit Tech", "Hanbit Tech"),
        ("대성물산", "Daesung Trading", "Daesung Trading"),
        ("새봄치과", "Saebom Dental", "Saebom Dental"),
        ("미래정밀", "Mirae Precision", "Mirae Precision"),
    ],
    legal=["Co., Ltd."],
    tld="co.kr",
)
C["CN"] = dict(
    native=[
        ("华信贸易", "Huaxin Trading", "Huaxin Trading"),
        ("瑞丰物流", "Ruifeng Logistics", "Ruifeng Logistics"),
        ("金桥电子", "Jinqiao Electronics", "Jinqiao Electronics"),
    ],
    legal=["Co., Ltd."],
    tld="cn",
)
C["MX"] = dict(
    sur=["Hernández", "Villaseñor", "Treviño"],
    place=["Bajío", "Sierra Madre"],
    trade=["Constructora", "Despacho Contable", "Transportes"],
    legal=["S.A. de C.V.", "S. de R.L. de C.V."],
    tld="com.mx",
    front=True,
)

MIX = {
    "USD": [
        ("US", 66),
        ("CA", 3),
        ("MX", 4),
        ("JP", 5),
        ("KR", 5),
        ("IN", 6),
        ("BR", 5),
        ("CN", 3),
        ("UK", 3),
    ],
    "GBP": [("UK", 68), ("IE", 12), ("IN", 6), ("DE", 4), ("FR", 4), ("PL", 4), ("US", 2)],
    "EUR": [
        ("DE", 30),
        ("AT", 10),
        ("NL", 14),
        ("FR", 14),
        ("ES", 11),
        ("IT", 8),
        ("PL", 6),
        ("SE", 4),
        ("JP", 3),
    ],
    "AUD": [("AU", 62), ("NZ", 14), ("CN", 8), ("KR", 5), ("IN", 5), ("JP", 4), ("UK", 2)],
    "CAD": [("CA", 55), ("CAfr", 25), ("US", 8), ("IN", 5), ("KR", 4), ("UK", 3)],
    "SEK": [("SE", 50), ("NO", 18), ("DK", 14), ("FI", 10), ("DE", 5), ("UK", 3)],
    "NZD": [("NZ", 60), ("AU", 25), ("CN", 8), ("UK", 7)],
}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    for a, b in (
        ("ø", "o"),
        ("Ø", "O"),
        ("æ", "ae"),
        ("Æ", "AE"),
        ("ß", "ss"),
        ("ł", "l"),
        ("Ł", "L"),
        ("đ", "d"),
        ("ı", "i"),
    ):
        s = s.replace(a, b)
    return s


def key(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(s).lower())


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(s).lower())[:22]


def _pick(rng, mix):
    tot = sum(w for _, w in mix)
    r = rng.random() * tot
    for k, w in mix:
        r -= w
        if r < 0:
            return k
    return mix[-1][0]


def make_client(rng: random.Random, country: str, used: set) -> dict:
    spec = C[country]
    for _ in range(60):
        legal = rng.choice(spec["legal"])
        if "native" in spec:
            nat, rom, eng = rng.choice(spec["native"])
            core = rom if rng.random() < 0.6 else eng
            name = f"{core} {legal}"
            extra = {"native": nat, "romaji": rom, "english": eng}
        else:
            style = rng.random()
            trade = rng.choice(spec["trade"])
            if style < 0.45:
                base = rng.choice(spec["sur"])
            elif style < 0.85:
                base = rng.choice(spec["place"])
            else:
                base = f"{rng.choice(spec['sur'])} & {rng.choice(spec['sur'])}"
            if spec.get("front"):
                core = f"{trade} {base}"
            else:
                core = f"{base} {trade}"
            name = f"{core} {legal}"
            extra = {}
        if key(name) not in used and key(core) not in {u for u in used}:
            used.add(key(name))
            used.add(key(core))
            return {"country": country, "core": core, "legal": legal, "name": name, **extra}
    return None


def client_book(rng: random.Random, n: int, currency: str) -> list[dict]:
    """n client records (canonical PSA names), with families mixed in."""
    used: set = set()
    mix = MIX[currency]
    out: list[dict] = []
    fam = 0
    while len(out) < n:
        r = rng.random()
        country = _pick(rng, mix)
        if r < 0.05 and n - len(out) >= 2 and "trade" in C[country]:
            # siblings: same owner name, different trade
            fam += 1
            spec = C[country]
            base = rng.choice(spec["sur"] + spec["place"])
            pairs = {
                "US": [
                    ("Dental Group", "Dental Lab"),
                    ("Realty", "Property Management"),
                    ("Law Group", "Title & Escrow"),
                ],
                "UK": [("Dental Practice", "Dental Laboratory"), ("Lettings", "Estate Agents")],
                "AU": [("Dental", "Dental Lab"), ("Accountants", "Financial Planning")],
                "DE": [("Zahnarztpraxis", "Dentallabor"), ("Steuerberatung", "Wirtschaftsprüfung")],
            }.get(country, [("Group", "Services")])
            t1, t2 = rng.choice(pairs)
            legal = rng.choice(spec["legal"])
            for t in (t1, t2):
                core = f"{base} {t}" if not spec.get("front") else f"{t} {base}"
                nm = f"{core} {legal}"
                if key(nm) in used:
                    continue
                used.add(key(nm))
                used.add(key(core))
                out.append(
                    {
                        "country": country,
                        "core": core,
                        "legal": legal,
                        "name": nm,
                        "family": f"sib{fam}",
                    }
                )
        elif r < 0.08 and n - len(out) >= 3 and "trade" in C[country]:
            fam += 1
            spec = C[country]
            chain = rng.choice(spec["place"])
            kind = {
                "DE": "Apotheke",
                "FR": "Pharmacie",
                "ES": "Farmacia",
                "SE": "Apotek",
                "NL": "Apotheek",
            }.get(country, "Pharmacy")
            legal = rng.choice(spec["legal"])
            nums = sorted(rng.sample(range(2, 48), 3))
            for k in nums:
                core = (
                    f"{chain} {kind} Store {k}"
                    if country in ("US", "UK", "AU", "CA", "NZ", "IE", "IN")
                    else f"{kind} {chain} Filiale {k}"
                )
                nm = f"{core} {legal}"
                if key(nm) in used:
                    continue
                used.add(key(nm))
                used.add(key(core))
                out.append(
                    {
                        "country": country,
                        "core": core,
                        "legal": legal,
                        "name": nm,
                        "family": f"store{fam}",
                        "store": k,
                    }
                )
        elif r < 0.10 and "trade" in C[country]:
            # near twins: one letter apart surnames or a trade with one more word
            fam += 1
            spec = C[country]
            twins = {
                "DE": [("Meyer", "Meier"), ("Schmidt", "Schmitt")],
                "UK": [("Thomson", "Thompson")],
                "US": [("Reid", "Reed"), ("Carlson", "Carlsen")],
                "AU": [("Macdonald", "McDonald")],
                "SE": [("Andersson", "Andersen")],
                "NL": [("de Jong", "de Jongh")],
            }.get(country)
            trade = rng.choice(spec["trade"])
            legal = rng.choice(spec["legal"])
            if twins:
                a, b = rng.choice(twins)
                cores = [f"{a} {trade}", f"{b} {trade}"]
            else:
                base = rng.choice(spec["place"])
                cores = [f"{base} {trade}", f"{base} {trade} Partners"]
            for core in cores:
                nm = f"{core} {legal}"
                if key(nm) in used:
                    continue
                used.add(key(nm))
                used.add(key(core))
                out.append(
                    {
                        "country": country,
                        "core": core,
                        "legal": legal,
                        "name": nm,
                        "family": f"twin{fam}",
                    }
                )
        else:
            c = make_client(rng, country, used)
            if c is None:
                for alt, _ in sorted(mix, key=lambda kv: -kv[1]):
                    c = make_client(rng, alt, used)
                    if c:
                        break
            if c is None:
                raise RuntimeError("name space exhausted")
            out.append(c)
    out = out[:n]
    for i, c in enumerate(out):
        c["id"] = i
        c.setdefault("family", None)
        c["domain"] = slug(c.get("english", c["core"])) + ("" if i % 7 else str(i % 10))
    return out
