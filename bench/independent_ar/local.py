"""Local words: countries, legal forms, company name parts, billing words, services, statuses."""

from __future__ import annotations

import unicodedata

COUNTRIES = [
    ("EE", 17),
    ("LV", 17),
    ("LT", 17),
    ("RO", 18),
    ("BG", 12),
    ("RS", 10),
    ("HR", 9),
]
LANG = {
    "EE": "et",
    "LV": "lv",
    "LT": "lt",
    "RO": "ro",
    "BG": "bg",
    "RS": "sr",
    "HR": "hr",
}
OFFICE = {
    "EE": "Tallinn",
    "LV": "Riga",
    "LT": "Vilnius",
    "RO": "Bucharest",
    "BG": "Sofia",
    "RS": "Belgrade",
    "HR": "Zagreb",
}

# (Latin, Cyrillic or "", English translation)
FIRST = {
    "EE": [
        "Põhja",
        "Lõuna",
        "Saare",
        "Kivi",
        "Metsa",
        "Järve",
        "Tamme",
        "Kase",
        "Mere",
        "Virumaa",
        "Pärnu",
        "Võru",
        "Kalju",
        "Rannamõisa",
        "Tähe",
        "Lääne",
        "Harju",
        "Toompea",
    ],
    "LV": [
        "Rīgas",
        "Daugavas",
        "Kurzemes",
        "Vidzemes",
        "Latgales",
        "Zemgales",
        "Baltijas",
        "Jūras",
        "Meža",
        "Saules",
        "Ozola",
        "Liepājas",
        "Cēsu",
        "Siguldas",
        "Gaujas",
        "Ventas",
    ],
    "LT": [
        "Saulės",
        "Vilniaus",
        "Kauno",
        "Baltijos",
        "Nemuno",
        "Žalgirio",
        "Ąžuolo",
        "Gintaro",
        "Medžio",
        "Šiaurės",
        "Pietų",
        "Klaipėdos",
        "Panevėžio",
        "Neries",
        "Dzūkijos",
    ],
    "RO": [
        "Alfa",
        "Carpați",
        "Dunărea",
        "Transilvania",
        "Mureș",
        "Olt",
        "Bucovina",
        "Brașov",
        "Timiș",
        "Delta",
        "Nova",
        "Vest",
        "Ardeal",
        "Someș",
        "Prahova",
        "Argeș",
    ],
    "BG": [
        ("Balkan", "Балкан"),
        ("Rila", "Рила"),
        ("Pirin", "Пирин"),
        ("Vitosha", "Витоша"),
        ("Dunav", "Дунав"),
        ("Trakia", "Тракия"),
        ("Sofia", "София"),
        ("Plovdiv", "Пловдив"),
        ("Varna", "Варна"),
        ("Strandzha", "Странджа"),
        ("Iskar", "Искър"),
        ("Shipka", "Шипка"),
        ("Rodopi", "Родопи"),
        ("Mizia", "Мизия"),
    ],
    "RS": [
        ("Sava", "Сава"),
        ("Morava", "Морава"),
        ("Drina", "Дрина"),
        ("Zlatibor", "Златибор"),
        ("Avala", "Авала"),
        ("Šumadija", "Шумадија"),
        ("Kopaonik", "Копаоник"),
        ("Tara", "Тара"),
        ("Timok", "Тимок"),
        ("Fruška", "Фрушка"),
        ("Banat", "Банат"),
    ],
    "HR": [
        "Jadran",
        "Dalmacija",
        "Istra",
        "Sljeme",
        "Velebit",
        "Kvarner",
        "Slavonija",
        "Zagorje",
        "Lika",
        "Drava",
        "Učka",
        "Međimurje",
        "Krka",
        "Neretva",
    ],
}
SECOND = {
    "EE": [
        ("Ehitus", "Construction"),
        ("Puit", "Timber"),
        ("Transport", "Transport"),
        ("Kinnisvara", "Real Estate"),
        ("Logistika", "Logistics"),
        ("Aknad", "Windows"),
        ("Pagar", "Bakery"),
        ("Trükk", "Print"),
        ("Energia", "Energy"),
        ("Tehnika", "Tech"),
        ("Mööbel", "Furniture"),
        ("Hambaravi", "Dental"),
        ("Kaubandus", "Trading"),
    ],
    "LV": [
        ("Piens", "Dairy"),
        ("Maiznīca", "Bakery"),
        ("Būve", "Construction"),
        ("Loģistika", "Logistics"),
        ("Koks", "Timber"),
        ("Tehnika", "Tech"),
        ("Serviss", "Service"),
        ("Nami", "Homes"),
        ("Energo", "Energy"),
        ("Dizains", "Design"),
        ("Zobārstniecība", "Dental"),
        ("Tirdzniecība", "Trading"),
    ],
    "LT": [
        ("energija", "Energy"),
        ("statyba", "Construction"),
        ("logistika", "Logistics"),
        ("baldai", "Furniture"),
        ("technika", "Tech"),
        ("prekyba", "Trading"),
        ("duona", "Bakery"),
        ("spauda", "Print"),
        ("transportas", "Transport"),
        ("sprendimai", "Solutions"),
        ("odontologija", "Dental"),
    ],
    "RO": [
        ("Construct", "Construct"),
        ("Logistic", "Logistics"),
        ("Impex", "Impex"),
        ("Trans", "Trans"),
        ("Consult", "Consulting"),
        ("Med", "Medical"),
        ("Dent", "Dental"),
        ("Prod", "Production"),
        ("Agro", "Agro"),
        ("Soft", "Software"),
        ("Design", "Design"),
        ("Distribuție", "Distribution"),
    ],
    "BG": [
        (("Soft", "Софт"), "Software"),
        (("Trans", "Транс"), "Transport"),
        (("Stroy", "Строй"), "Construction"),
        (("Consult", "Консулт"), "Consulting"),
        (("Med", "Мед"), "Medical"),
        (("Logistik", "Логистик"), "Logistics"),
        (("Agro", "Агро"), "Agro"),
        (("Invest", "Инвест"), "Invest"),
        (("Print", "Принт"), "Print"),
        (("Dent", "Дент"), "Dental"),
    ],
    "RS": [
        (("Gradnja", "Градња"), "Construction"),
        (("Trans", "Транс"), "Transport"),
        (("Soft", "Софт"), "Software"),
        (("Promet", "Промет"), "Trading"),
        (("Inženjering", "Инжењеринг"), "Engineering"),
        (("Logistika", "Логистика"), "Logistics"),
        (("Medika", "Медика"), "Medical"),
        (("Štampa", "Штампа"), "Print"),
    ],
    "HR": [
        ("Gradnja", "Construction"),
        ("Trgovina", "Trading"),
        ("Promet", "Trading"),
        ("Logistika", "Logistics"),
        ("Informatika", "IT"),
        ("Turizam", "Tourism"),
        ("Ugostiteljstvo", "Hospitality"),
        ("Stomatologija", "Dental"),
        ("Tisak", "Print"),
    ],
}
# legal forms: (short Latin, short Cyrillic, written in full, English, prefix?)
FORMS = {
    "EE": [
        ("OÜ", "", "osaühing", "Ltd", False),
        ("AS", "", "aktsiaselts", "JSC", False),
    ],
    "LV": [
        ("SIA", "", "Sabiedrība ar ierobežotu atbildību", "Ltd", True),
        ("AS", "", "Akciju sabiedrība", "JSC", True),
    ],
    "LT": [
        ("UAB", "", "Uždaroji akcinė bendrovė", "Ltd", True),
        ("AB", "", "Akcinė bendrovė", "JSC", True),
    ],
    "RO": [
        ("SRL", "", "Societate cu Răspundere Limitată", "LLC", False),
        ("SA", "", "Societate pe Acțiuni", "JSC", False),
    ],
    "BG": [
        ("EOOD", "ЕООД", "Еднолично дружество с ограничена отговорност", "Ltd", False),
        ("OOD", "ООД", "Дружество с ограничена отговорност", "Ltd", False),
        ("AD", "АД", "Акционерно дружество", "JSC", False),
    ],
    "RS": [
        ("d.o.o.", "д.о.о.", "društvo sa ograničenom odgovornošću", "LLC", False),
        ("a.d.", "а.д.", "akcionarsko društvo", "JSC", False),
    ],
    "HR": [
        ("d.o.o.", "", "društvo s ograničenom odgovornošću", "Ltd", False),
        ("d.d.", "", "dioničko društvo", "JSC", False),
    ],
}
FOUNDATION = {
    "EE": ("Sihtasutus", "SA"),
    "LV": ("Nodibinājums", ""),
    "LT": ("Labdaros fondas", ""),
    "RO": ("Fundația", ""),
    "BG": ("Fondatsia", "Фондация"),
    "RS": ("Fondacija", "Фондација"),
    "HR": ("Zaklada", ""),
}
STORE = {
    "EE": "kauplus nr {n}",
    "LV": "veikals Nr. {n}",
    "LT": "parduotuvė Nr. {n}",
    "RO": "Magazin nr. {n}",
    "BG": "Magazin № {n}",
    "RS": "Prodavnica br. {n}",
    "HR": "Trgovina br. {n}",
}
CITY2 = {
    "EE": ("Tallinn", "Tartu"),
    "LV": ("Rīga", "Daugavpils"),
    "LT": ("Vilnius", "Kaunas"),
    "RO": ("București", "Cluj"),
    "BG": ("Sofia", "Plovdiv"),
    "RS": ("Beograd", "Novi Sad"),
    "HR": ("Zagreb", "Split"),
}

CYR_CITY = {
    "Sofia": "София",
    "Plovdiv": "Пловдив",
    "Beograd": "Београд",
    "Novi Sad": "Нови Сад",
    "Magazin № {n}": "Магазин № {n}",
    "Prodavnica br. {n}": "Продавница бр. {n}",
    "Fondatsia": "Фондация",
    "Fondacija": "Фондација",
}

HEAD = {
    "et": ["Litsents", "Tellimus", "Kuutasu"],
    "lv": ["Licence", "Abonements"],
    "lt": ["Licencija", "Prenumerata"],
    "ro": ["Licență", "Abonament"],
    "bg": ["Лиценз", "Абонамент"],
    "sr": ["Licenca", "Pretplata"],
    "hr": ["Licenca", "Pretplata"],
    "en": ["Licence", "Subscription"],
}
TAIL = {
    "et": ["litsents", "kuutasu", "litsents/kuu", "kasutaja kohta kuus", "litsentsid"],
    "lv": [
        "licence",
        "abonements mēnesī",
        "licence (1 lietotājs/mēn.)",
        "mēnesī",
        "licences",
    ],
    "lt": [
        "licencija",
        "per vartotoją",
        "licencija/mėn.",
        "prenumerata per vartotoją per mėn.",
    ],
    "ro": ["licență", "abonament lunar", "/ utilizator / lună", "licență lunară"],
    "bg": [
        "лиценз",
        "на потребител",
        "месечен абонамент",
        "абонамент на потребител/месец",
    ],
    "sr": ["licenca", "pretplata mesečno", "po korisniku mesečno"],
    "hr": ["licenca", "pretplata mjesečno", "po korisniku/mj."],
    "en": ["licence", "per user/month", "monthly subscription"],
}
PLAN = {
    "et": "plaan {n}",
    "lv": "{n}. plāns",
    "lt": "{n} planas",
    "ro": "Planul {n}",
    "bg": "План {n}",
    "sr": "plan {n}",
    "hr": "plan {n}",
    "en": "P{n}",
}
NOTEAMS = {
    "et": "ilma Teamsita",
    "lv": "bez Teams",
    "lt": "be Teams",
    "ro": "fără Teams",
    "bg": "без Teams",
    "sr": "bez Teams-a",
    "hr": "bez Teamsa",
    "en": "without Teams",
}
MONTH = {
    "et": ["november 2026", "11.2026", "nov 2026"],
    "lv": ["2026. g. novembris", "11.2026.", "nov. 2026"],
    "lt": ["2026 m. lapkritis", "2026-11", "lapkr. 2026"],
    "ro": ["noiembrie 2026", "11.2026", "nov. 2026"],
    "bg": ["ноември 2026", "11.2026 г.", "м. 11/2026"],
    "sr": ["novembar 2026.", "11/2026", "nov. 2026."],
    "hr": ["studeni 2026.", "11/2026", "stud. 2026."],
    "en": ["Nov 2026", "11/2026", "November 2026"],
}
SERVICES = {
    "et": [
        "IT-tugi (tunnitasu)",
        "Serverite haldus kuutasu",
        "Arvutite hooldus lepingu alusel",
        "Väljakutse tasu (transport)",
        "Monitooring 24/7",
        "Veebimajutus",
        "Konsultatsioon, 2 h",
        "Sülearvuti Lenovo ThinkPad E14",
    ],
    "lv": [
        "IT atbalsts (stundas)",
        "Serveru administrēšana mēnesī",
        "Izbraukums pie klienta",
        "Monitorings 24/7",
        "Tīmekļa hostings",
        "Konsultācijas",
        "Portatīvais dators HP ProBook 450",
    ],
    "lt": [
        "IT priežiūra (valandos)",
        "Serverių administravimas per mėn.",
        "Išvykimas pas klientą",
        "Stebėsena 24/7",
        "Svetainės talpinimas",
        "Konsultacijos",
        "Nešiojamas kompiuteris Dell Latitude 5540",
    ],
    "ro": [
        "Suport IT (ore)",
        "Administrare servere lunar",
        "Deplasare la client",
        "Monitorizare 24/7",
        "Găzduire web",
        "Consultanță",
        "Laptop Lenovo ThinkPad E14",
    ],
    "bg": [
        "ИТ поддръжка (часове)",
        "Администриране на сървъри месечно",
        "Транспорт до клиент",
        "Мониторинг 24/7",
        "Уеб хостинг",
        "Консултация",
        "Лаптоп Dell Latitude 5540",
    ],
    "sr": [
        "IT podrška (sati)",
        "Administracija servera mesečno",
        "Dolazak kod klijenta",
        "Monitoring 24/7",
        "Web hosting",
        "Konsalting",
        "Laptop HP ProBook 450",
    ],
    "hr": [
        "Informatička podrška (sati)",
        "Administracija poslužitelja mjesečno",
        "Izlazak na teren",
        "Nadzor 24/7",
        "Web hosting",
        "Savjetovanje",
        "Prijenosno računalo Lenovo ThinkPad E14",
    ],
    "en": [
        "Managed IT support (hours)",
        "Server administration monthly",
        "Onsite travel",
        "Monitoring 24/7",
        "Web hosting",
        "Consulting",
        "Laptop Dell Latitude 5540",
    ],
}
# a labour service that names a licence product ({p} = a Microsoft product name)
SERVICE_ON_PRODUCT = {
    "et": "{p} juurutus (töö)",
    "lv": "{p} migrācija (darbs)",
    "lt": "{p} diegimas (darbas)",
    "ro": "Migrare {p} (manoperă)",
    "bg": "Миграция към {p} (труд)",
    "sr": "Administracija {p} (rad)",
    "hr": "Migracija na {p} (rad)",
    "en": "{p} onboarding (labour)",
}

RO_CEDILLA = str.maketrans({"ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"})
LT_PLAIN = str.maketrans(
    {
        "ą": "a",
        "č": "c",
        "ę": "e",
        "ė": "e",
        "į": "i",
        "š": "s",
        "ų": "u",
        "ū": "u",
        "ž": "z",
        "Ą": "A",
        "Č": "C",
        "Ę": "E",
        "Ė": "E",
        "Į": "I",
        "Š": "S",
        "Ų": "U",
        "Ū": "U",
        "Ž": "Z",
    }
)
CYR2LAT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sht",
    "ъ": "a",
    "ь": "y",
    "ю": "yu",
    "я": "ya",
    "ђ": "dj",
    "ј": "j",
    "љ": "lj",
    "њ": "nj",
    "ћ": "c",
    "џ": "dz",
    "№": "No.",
}


def ascii_fold(s: str) -> str:
    out = []
    for ch in s:
        low = ch.lower()
        if low in CYR2LAT:
            t = CYR2LAT[low]
            out.append(t.capitalize() if ch != low and t else t)
            continue
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
            continue
        if ch in "„“”«»":
            out.append('"')
            continue
        d = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in d if not unicodedata.combining(c)))
    return "".join(out)


def fit_codepage(s: str, enc: str) -> str:
    """What a system with this code page keeps of a text: unencodable letters folded."""
    if enc.startswith("utf"):
        return s
    if enc == "cp1250":
        s = s.translate(str.maketrans({"ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"}))
    out = []
    for ch in s:
        for cand in (ch, ascii_fold(ch)):
            try:
                cand.encode(enc)
                out.append(cand)
                break
            except UnicodeEncodeError:
                continue
        else:
            out.append("?")
    return "".join(out)


def strip_marks(s: str) -> str:
    return (
        "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
        .replace("đ", "d")
        .replace("Đ", "D")
    )


def mojibake_1257(s: str) -> str:
    """Baltic text saved as Windows-1257 and opened as Windows-1252."""
    out = []
    for ch in s:
        try:
            out.append(ch.encode("cp1257").decode("cp1252"))
        except (UnicodeEncodeError, UnicodeDecodeError):
            out.append(ch)
    return "".join(out)
