"""A company's name in its own language on one side and in English on the other.

Vietnam's register names a company form first, then its trade, then its own name: "Công ty TNHH
Thương mại Thành Công" is a limited company (TNHH) in trade (thương mại) called Thành Công, which
an English bill or book writes "Thanh Cong Trading Co., Ltd". French, Spanish, Portuguese and
Italian names put the trade first too: "Imprimerie Paquette" is "Paquette Printing", "Panadería
López" "Lopez Bakery". Two names are one company's when the one's own name is the English one's
first words and its trades are the rest, each one of the English words a trade is written with;
once each way (a group's "Phú Gia" in food and in construction are two companies, told apart by
their trades). Only the trades' words are known here: the own name must be the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from engine.folding import folded
from engine.match.client_keys import client_key
from engine.match.pair_counts import once_each_way

#: The forms a Vietnamese name begins with: a company (công ty) limited (TNHH, one member: MTV)
#: or joint-stock (cổ phần, CP), or a private enterprise (doanh nghiệp tư nhân).
_FORM_FIRST = re.compile(
    r"^(?:cong ty(?: tnhh| co phan| cp)?(?: mtv| mot thanh vien)?|doanh nghiep tu nhan|dntn)\s+"
)


def _trades(english_words: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each trade and the English words it is written with."""
    return {trade: frozenset(english.split()) for trade, english in english_words.items()}


#: The trades in Vietnamese company names, and the English words each is written with.
_TRADES = _trades(
    {
        "thuong mai": "trading trade commerce commercial",
        "dich vu": "services service",
        "cong nghe": "technology technologies tech",
        "duoc pham": "pharma pharmaceutical pharmaceuticals",
        "thuc pham": "food foods",
        "xay dung": "construction constructions construct building",
        "van tai": "transport transportation logistics",
        "dau tu": "investment investments",
        "san xuat": "manufacturing production",
        "giai phap": "solutions solution",
        "phat trien": "development",
        "bat dong san": "realty property properties estate",
        "xuat nhap khau": "import export imex",
        "ky thuat": "engineering technical",
        "tu van": "consulting consultancy advisory consultants",
        "du lich": "travel tourism tours",
        "y te": "medical healthcare health",
        "noi that": "furniture interior interiors",
        "thiet bi": "equipment",
        "dien tu": "electronics electronic",
        "may mac": "garment garments apparel",
        "thuy san": "seafood fisheries",
        "hang hai": "marine maritime shipping",
        "khach san": "hotel hotels",
        "giao duc": "education",
        "ke toan": "accounting",
        "tai chinh": "finance financial",
        "bao hiem": "insurance",
        "vien thong": "telecom telecommunications",
        "phan mem": "software",
        "nha khoa": "dental",
        "in an": "printing print",
        "logistics": "logistics",
    }
)
_TRADE = re.compile(r"^(?:" + "|".join(sorted(_TRADES, key=len, reverse=True)) + r")\b\s*")
#: The trades French, Spanish, Portuguese and Italian names begin with, and their English words.
_ROMANCE_TRADES = _trades(
    {
        "imprimerie": "printing printers print",
        "boulangerie": "bakery bakers",
        "patisserie": "bakery patisserie pastry",
        "fromagerie": "cheese dairy creamery",
        "pharmacie": "pharmacy chemist",
        "clinique": "clinic",
        "plomberie": "plumbing plumbers",
        "toitures": "roofing roofers",
        "toiture": "roofing roofers",
        "ebenisterie": "cabinetry cabinets cabinetmaking woodwork joinery",
        "menuiserie": "joinery carpentry woodwork",
        "quincaillerie": "hardware",
        "traiteur": "catering caterers",
        "boucherie": "butchers butcher",
        "garage": "garage motors",
        "transport": "transport transportation logistics trucking",
        "transports": "transport transportation logistics trucking",
        "excavation": "excavation",
        "construction": "construction builders",
        "restaurant": "restaurant",
        "epicerie": "grocery grocers",
        "librairie": "books bookshop bookstore",
        "panaderia": "bakery",
        "farmacia": "pharmacy",
        "imprenta": "printing printers",
        "constructora": "construction builders",
        "transportes": "transport logistics",
        "taller": "garage workshop",
        "ferreteria": "hardware",
        "padaria": "bakery",
        "grafica": "printing",
        "panificio": "bakery",
        "tipografia": "printing",
    }
)
_ROMANCE_TRADE = re.compile(
    r"^(?:"
    + "|".join(sorted(_ROMANCE_TRADES, key=len, reverse=True))
    + r")\s+(?:(?:de|du|des|d|del|da|do|di) )?"
)


def translated_pairs(vendors: Mapping[str, str], psas: Mapping[str, str]) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs of one company named in its own language on one side and in
    English on the other (see the module's docstring): ``vendors`` and ``psas`` map keys to
    names."""
    pairs = [
        *((vendor, psa) for vendor, psa in _named_so(vendors, psas)),
        *((vendor, psa) for psa, vendor in _named_so(psas, vendors)),
    ]
    return once_each_way(pairs)


def _named_so(vietnamese: Mapping[str, str], english: Mapping[str, str]) -> list[tuple[str, str]]:
    """(key, English key) for each name in its own language one English key alone reads as."""
    read = {key: parts for key, name in vietnamese.items() if (parts := _read(name)) is not None}
    if not read:
        return []
    by_start: dict[str, list[str]] = {}
    for key in english:
        by_start.setdefault(key.split(maxsplit=1)[0] if key else "", []).append(key)
    pairs = []
    for key, (own, trades) in read.items():
        found = [
            other
            for other in by_start.get(own.split(maxsplit=1)[0], ())
            if other != key and _in_english(other, own, trades)
        ]
        if len(found) == 1:
            pairs.append((key, found[0]))
    return pairs


def _read(name: str) -> tuple[str, list[frozenset[str]]] | None:
    """A Vietnamese, French, Spanish, Portuguese or Italian company name's own name and its
    trades' English words; None for another name."""
    if name.lstrip()[:1] not in _FIRST_LETTERS:
        return None  # (speed: most names begin with none of the words read here)
    text = " ".join(re.findall(r"[a-z0-9]+", folded(name).lower()))
    form = _FORM_FIRST.match(text)
    if form is None:
        return _read_romance(name)
    rest = text[form.end() :]
    trades: list[frozenset[str]] = []
    while (trade := _TRADE.match(rest)) is not None:
        trades.append(_TRADES[trade[0].strip()])
        rest = rest[trade.end() :]
    return (rest, trades) if rest and trades else None


#: The letters the names read here begin with (folded: "Épicerie" is "epicerie").
_FIRST_LETTERS = "CcDdIiBbPpFfTtEeMmQqGgRrLl\u00c9\u00e9\u00c8\u00e8"


def _read_romance(name: str) -> tuple[str, list[frozenset[str]]] | None:
    """A French, Spanish, Portuguese or Italian name that begins with its trade: its own name
    (its key's words after the trade: notes and legal form aside) and the trade's English words."""
    key = client_key(name)
    trade = _ROMANCE_TRADE.match(key)
    if trade is None or trade.end() >= len(key):
        return None
    return key[trade.end() :], [_ROMANCE_TRADES[trade[0].split()[0]]]


def _in_english(key: str, own: str, trades: list[frozenset[str]]) -> bool:
    """The English key is the own name, then one English word of each trade, in any order."""
    if not key.startswith(own + " "):
        return False
    words = key[len(own) + 1 :].split()
    if len(words) != len(trades):
        return False
    left = list(trades)
    for word in words:
        meant = next((trade for trade in left if word in trade), None)
        if meant is None:
            return False
        left.remove(meant)
    return True
