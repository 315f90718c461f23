"""A Japanese name written in Kunrei-shiki on one side and in Hepburn on the other; a Chinese
name in Wade-Giles on one side and in pinyin on the other.

Japan's two romanisations write the same sounds apart: "Tiba Syokai" is "Chiba Shokai", "Tutiya
Syozi" is "Tsuchiya Shoji", "Hukusima Zidosya" is "Fukushima Jidosha". Each syllable has one
Hepburn spelling, so both spellings of a name read alike once every Kunrei syllable is written the
Hepburn way (a Hepburn name is unchanged: it holds no Kunrei syllable but by chance, and then both
sides change alike). Two names pair only where they differ and read alike so, once each way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping

from engine.match.client_keys import in_latin_letters
from engine.match.pair_counts import once_each_way

#: Kunrei-shiki syllables and their Hepburn spellings (longest first).
_KUNREI = {
    "sya": "sha", "syu": "shu", "syo": "sho", "tya": "cha", "tyu": "chu", "tyo": "cho",
    "zya": "ja", "zyu": "ju", "zyo": "jo", "si": "shi", "ti": "chi", "tu": "tsu", "hu": "fu",
    "zi": "ji",
}  # fmt: skip
_SYLLABLE = re.compile("|".join(sorted(_KUNREI, key=len, reverse=True)))
#: Hepburn syllables that the Kunrei ones above would write again: left alone.
_HEPBURN = re.compile(r"shi|chi|tsu|sh[auo]|ch[auo]|j[auo]")


def hepburn(word: str) -> str:
    """The word with every Kunrei syllable written the Hepburn way ("syokai" → "shokai")."""
    parts = _HEPBURN.split(word)
    kept = _HEPBURN.findall(word)
    out = [_SYLLABLE.sub(lambda found: _KUNREI[found[0]], part) for part in parts]
    return "".join(piece for pair in zip(out, [*kept, ""], strict=True) for piece in pair)


def romanised_pairs(vendors: Mapping[str, str], psas: Mapping[str, str]) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs of keys that differ but read alike written the Hepburn way,
    where a name is a Japanese company's (its legal form) or writes a syllable only Kunrei-shiki
    writes ("syo", "tyu"): English words read so ("Time" as "chime") pair nothing."""
    return _read_alike(
        vendors, psas, _reading, lambda vendor, psa: _japanese(vendor) or _japanese(psa)
    )


def _read_alike(
    vendors: Mapping[str, str],
    psas: Mapping[str, str],
    reading: Callable[[str], str],
    allowed: Callable[[str, str], bool],
) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs of keys that differ but have one ``reading``, the only PSA key
    with it, where ``allowed(vendor name, PSA name)``; once each way."""
    by_reading: dict[str, list[str]] = defaultdict(list)
    for key in psas:
        by_reading[reading(key)].append(key)
    pairs: list[tuple[str, str]] = []
    for vendor, name in vendors.items():
        found = by_reading.get(reading(vendor), ())
        if len(found) == 1 and found[0] != vendor and allowed(name, psas[found[0]]):
            pairs.append((vendor, found[0]))
    return once_each_way(pairs)


#: A Japanese company's legal form, or a syllable Hepburn never writes.
_JAPANESE = re.compile(
    r"\b(?:k\.?\s?k|g\.?\s?k|y\.?\s?k|kabushiki|kaisha|godo|yugen)\b\.?|(?:sy|ty|zy)[aou]",
    re.IGNORECASE,
)


def _japanese(name: str) -> bool:
    return _JAPANESE.search(name) is not None


def _reading(key: str) -> str:
    return " ".join(hepburn(word) for word in key.split())


#: Wade-Giles finals written another way in pinyin ("hsieh" / "xie", "chih" / "zhi", "chien" /
#: "jian", "chung" / "zhong"), then the initials both systems write for one sound, as one letter.
_WADE_GILES_FINALS = (("ieh", "ie"), ("ih", "i"), ("ien", "ian"), ("ung", "ong"), ("hs", "x"))
_INITIAL = re.compile(r"zh|ch|ts|tz|j|q|c|z|k|g|p|b|t|d")
_SOUND = {"zh": "J", "ch": "J", "j": "J", "q": "J", "ts": "Z", "tz": "Z", "c": "Z", "z": "Z"}
_SOUND |= {"k": "K", "g": "K", "p": "P", "b": "P", "t": "T", "d": "T"}


def chinese_pairs(vendors: Mapping[str, str], psas: Mapping[str, str]) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs of a Chinese company's name in Wade-Giles on one side and in
    pinyin on the other ("Chou Chien-kuo Trading Co., Ltd." / "Zhou Jianguo Trading Co., Ltd."):
    alike once both are read as sounds (each system's spelling of a sound as one letter), once each
    way, where both names end in the "Co., Ltd." such companies write in English and one writes a
    given name the Wade-Giles way."""
    chinese_vendors = {k: n for k, n in vendors.items() if _CO_LTD.search(n)}
    if not chinese_vendors:
        return []
    return _read_alike(
        chinese_vendors,
        {k: n for k, n in psas.items() if _CO_LTD.search(n)},
        _sounds,
        lambda vendor, psa: bool(_GIVEN_NAME.search(vendor) or _GIVEN_NAME.search(psa)),
    )


#: A given name as Wade-Giles writes it, its two syllables joined by a hyphen ("Chien-kuo"): what
#: tells a Chinese name from English words that read alike ("Chase" / "Jase").
_GIVEN_NAME = re.compile(r"\b[A-Z][a-z']{1,6}-[a-z]{1,6}\b")
_CO_LTD = re.compile(r"\bco\.?,?\s+ltd\b|有限公司", re.IGNORECASE)


def _sounds(key: str) -> str:
    text = key.replace(" ", "")
    for written, sound in _WADE_GILES_FINALS:
        text = text.replace(written, sound)
    return _INITIAL.sub(lambda found: _SOUND[found[0]], text)


#: Cyrillic or Greek letters in a name.
_CYRILLIC_OR_GREEK = re.compile("[\u0370-\u03ff\u0400-\u04ff\u1f00-\u1fff]")
#: Sounds spelled one way by one romanisation and another by the next (Bulgaria's "Тракия" is
#: "Trakiya" letter for letter but "Trakia" by its own rule; "Консулт" is "Konsult" or "Consult";
#: "ц" is "ts" or "c"), each written the one way: the longest first.
_LOOSE = (("iya", "ia"), ("sh", "s"), ("zh", "z"), ("ch", "c"), ("ts", "c"), ("k", "c"),
          ("y", "i"), ("j", "i"))  # fmt: skip


def script_pairs(vendors: Mapping[str, str], psas: Mapping[str, str]) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs of a name written in Cyrillic or Greek letters on one side and
    in Latin ones on the other ("Тракия Агро ЕООД" / "Trakia Agro EOOD", "Авала Градња д.о.о." /
    "Avala Gradnja d.o.o."), alike once both are spelled in Latin letters and read loosely, once
    each way."""
    if not any(map(_CYRILLIC_OR_GREEK.search, vendors)) and not any(
        map(_CYRILLIC_OR_GREEK.search, psas)
    ):
        return []
    return _read_alike(  # (by the keys' letters: a bill's "· ЕИК 510139181" is no name's)
        {key: key for key in vendors},
        {key: key for key in psas},
        _loose_latin,
        lambda vendor, psa: (
            bool(_CYRILLIC_OR_GREEK.search(vendor)) != bool(_CYRILLIC_OR_GREEK.search(psa))
        ),
    )


def _loose_latin(key: str) -> str:
    """A key spelled in Latin letters and read loosely (see ``_LOOSE``)."""
    text = in_latin_letters(key)
    for spelled, read in _LOOSE:
        text = text.replace(spelled, read)
    return text


#: Indonesia's and Malaysia's companies: a legal form of theirs ("PT", "CV", "Tbk", "Sdn Bhd",
#: "Berhad", "Yayasan") or a Malay patronymic ("bin", "binti").
_MALAY = re.compile(
    r"^\s*(?:pt|cv|ud|yayasan|koperasi)\b\.?|\b(?:tbk|sdn\.?\s?bhd|bhd|berhad|bin|binti)\b",
    re.IGNORECASE,
)
#: The spellings Indonesian dropped in 1972 (Ejaan yang Disempurnakan) and Malaysia's, each as
#: written today: "Tjahaja" is "Cahaya", "Soerja" is "Surya", "Djaja" is "Jaya", "Sjarif" is
#: "Syarif"; and Muhammad, written "Mohd", "Mohamad", "Muhamad" or "Mohammed".
_OLD_SPELLING = (("dj", "\0"), ("tj", "c"), ("oe", "u"), ("sj", "sy"), ("nj", "ny"), ("ch", "kh"),
                 ("j", "y"), ("\0", "j"))  # fmt: skip
_MUHAMMAD = re.compile(r"\b(?:mohd|moh|muhd|mohamad|mohammad|mohamed|mohammed|muhamad|muhammed)\b")


def malay_pairs(vendors: Mapping[str, str], psas: Mapping[str, str]) -> list[tuple[str, str]]:
    """(vendor key, PSA key) pairs of an Indonesian or Malaysian company's name in the old
    spelling on one side and today's on the other ("PT Tjahaja Abadi Nusantara" / "PT Cahaya Abadi
    Nusantara", "Mohd Ali Trading Sdn Bhd" / "Muhammad Ali Trading Sdn Bhd"), once each way."""
    return _read_alike(
        vendors,
        psas,
        _todays_spelling,
        lambda vendor, psa: bool(_MALAY.search(vendor) and _MALAY.search(psa)),
    )


def _todays_spelling(key: str) -> str:
    """The key in today's spelling: a word in the old one (it writes "dj", "tj", "oe", "sj" or
    "nj") spelled anew, its "j" a "y"; a word in today's spelling as it is ("Jaya")."""
    words = _MUHAMMAD.sub("muhammad", key).split()
    return " ".join(_anew(word) if _OLD_MARK.search(word) else word for word in words)


_OLD_MARK = re.compile("dj|tj|oe|sj|nj")


def _anew(word: str) -> str:
    for old, new in _OLD_SPELLING:
        word = word.replace(old, new)
    return word
