"""The product catalogue shipped as data: Microsoft's products with every id space and spelling.

Two files in ``engine/match/data``: ``microsoft_products.csv`` (Microsoft's own licensing table: display
names, Graph string ids, GUIDs; refreshed by ``scripts/import_microsoft_products.py``) and
``catalogue.csv`` (curated: Partner Center catalog ids, Pax8 SKUs, common spellings, free SKUs).

Resolution tiers, first hit wins: an id found in the text or id column (Partner Center ``CFQ7…``,
including ``P1Y:CFQ7TTC0LCHC:0002:1:`` and ``USCFQ7TTC0LCHC0002``; Graph string id; GUID; Pax8 SKU) →
the exact normalised name or alias → a fuzzy name that differs in no discriminating token.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz, process

from engine.match import catalogue_cache
from engine.match.description_vocabulary import BRAND
from engine.match.product_fit import fit, register_product_words, strict_fit
from engine.match.product_names import EDITIONS, PLAN_TOKEN, discriminators, product_key
from engine.settings import MatchThresholds

#: the product name score fuzzy matching starts at, unless a caller passes ``Settings.match``'s
DEFAULT_CUTOFF = MatchThresholds().product_name_score
_PARTNER_CENTER_ID = re.compile(r"CFQ7[A-Z0-9]{8}")
_FULL_ID = re.compile(r"CFQ7[A-Z0-9]{8}:\d{4}")
#: A Partner Center id written in a description, with its term and SKU parts ("P1Y:CFQ7TTC0LH0R:0001").
_ID_IN_TEXT = re.compile(
    r"(?:P\d+[YM]:)?[A-Z]{0,2}CFQ7[A-Z0-9]{8}(?::?\d{4})?(?::\d+:?)?", re.IGNORECASE
)
_SKU = re.compile(r"[:\-/_]?(\d{4})(?!\d)")
_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_FREE_WORDS = re.compile(r"\b(?:trial|free|exploratory)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Product:
    """One catalogue product; ``key`` is stable and is what both sides are grouped by."""

    key: str
    name: str
    free: bool = False


@dataclass(frozen=True)
class Resolution:
    """How a product text was recognised: ``method`` is id, exact, fuzzy or none."""

    product: Product | None
    method: str
    confidence: float


#: Words of a name that make it another product than one without them: an id that leads to a
#: product without one of them leads to the family, not to the product the name says.
_EDITION_WORDS = EDITIONS | {"security", "compliance"}


def _name_says_more(text: str | None, product_name: str) -> bool:
    """The line's own name says an edition or plan the id's product lacks: "Microsoft 365 Business
    Basic (no Teams)" beside Business Basic's product id and a SKU column of its own; or the market
    it is sold to ("Business Premium (Nonprofit Staff Pricing)", "… Donation", "A3 for faculty"):
    Partner Center bills a charity's, a school's and a business's editions under one product id,
    each a SKU of its own at its own price."""
    if not text:
        return False
    said = set(product_key(text).split())
    known = set(product_key(product_name).split())
    if any(
        (word in _EDITION_WORDS or PLAN_TOKEN.fullmatch(word)) and word not in known
        for word in said
    ):
        return True
    known_words = set(_WORD.findall(product_name.lower()))
    return any(word not in known_words for word in _MARKET.findall(text.lower()))


_WORD = re.compile(r"[a-z]+")

#: Words that name the market a SKU is sold to (read from the text: a product's key leaves some out).
_MARKET = re.compile(
    r"\b(?:non-?profit|charity|charities|donation|donated|grant|faculty|students?|education|"
    r"academic|government|gcc)\b"
)


@dataclass(frozen=True)
class Catalogue:
    products: dict[str, Product]
    by_id: dict[str, str]
    by_name: dict[str, str]
    names: list[str]  # normalised names, parallel to name_keys (fuzzy choices)
    name_keys: list[str]
    #: words of the curated products' names and spellings: what resellers sell day to day, not
    #: the long tail of Microsoft's table ("Partner Sandbox", "Field Service Contractor")
    curated_words: frozenset[str] = frozenset()

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of Microsoft's product names and their known spellings."""
        return frozenset(word for name in self.names for word in name.split())

    @cached_property
    def _families(self) -> frozenset[str]:
        """Partner Center product ids whose SKUs the catalogue tells apart."""
        return frozenset(key.split(":")[0] for key in self.by_id if _FULL_ID.fullmatch(key))

    def resolve(
        self, text: str | None, ids: tuple[str, ...] = (), *, cutoff: float = DEFAULT_CUTOFF
    ) -> Resolution:
        """Recognise a product from its name and any id columns."""
        # A bare Partner Center product id given beside its product:sku is a family, not a product
        # (Microsoft 365 E3 and E3 (no Teams) share CFQ7TTC0LFLX): the name decides first.
        family = [c for c in ids if ":" not in c and any(o.startswith(c + ":") for o in ids)]
        for candidate in (*ids, text or ""):
            if candidate in family:
                continue
            found = self._by_identifier(candidate)
            if found is not None and not _name_says_more(text, self.products[found].name):
                return Resolution(self.products[found], "id", 1.0)
        if text and (coded := self._by_string_id_in(text, cutoff)) is not None:
            return coded
        by_name = self._by_name(text, cutoff)
        if by_name.product is not None or not family:
            return by_name
        for candidate in family:
            found = self._by_identifier(candidate)
            if found is not None and not _name_says_more(text, self.products[found].name):
                return Resolution(self.products[found], "id", 0.9)
        return by_name

    def _by_string_id_in(self, text: str, cutoff: float) -> Resolution | None:
        """A name with Microsoft's string id beside it ("Microsoft 365 Business Basic
        (O365_BUSINESS_ESSENTIALS)", "Cloud PBX seat (MCOEV)"): the id's product when the rest
        names it too or names nothing; the name's when the two disagree (a person who types
        "Business Premium (O365_BUSINESS_PREMIUM)" bills Business Premium, whatever Microsoft's
        id for Business Standard says). None when the text holds no such id."""
        codes = [
            found
            for found in _STRING_ID_IN_TEXT.findall(text)
            if found in self.by_id
            and found.lower() not in self.words
            and not _PARTNER_CENTER_ID.match(found)  # an id of its own, read above
        ]
        products = {self.by_id[code] for code in codes}
        if len(products) != 1:
            return None
        rest = _STRING_ID_IN_TEXT.sub(
            lambda found: " " if found.group(0) in codes else found.group(0), text
        )
        by_name = self._by_name(rest, cutoff)
        coded = self.products[products.pop()]
        if by_name.product is not None and by_name.product.key != coded.key:
            return by_name
        if _name_says_more(rest, coded.name):
            return None
        return Resolution(coded, "id", 1.0 if by_name.product is not None else 0.95)

    def _by_name(self, text: str | None, cutoff: float) -> Resolution:
        typed = text or ""
        if text and _PARTNER_CENTER_ID.search(text.upper()):
            text = _ID_IN_TEXT.sub(" ", text)  # an id the catalogue does not know names nothing
        if not text:
            return Resolution(None, "none", 0.0)
        key = product_key(text)
        if key in self.by_name:
            return Resolution(self.products[self.by_name[key]], "exact", 1.0)
        if (spelled := _string_id_spelled_out(key)) is not None and spelled in self.by_id:
            return Resolution(self.products[self.by_id[spelled]], "id", 0.95)
        if (other := _the_other_family(key)) in self.by_name:
            # "O365 Business Basic": no Office 365 product is so named, the Microsoft 365 one is
            return Resolution(self.products[self.by_name[other]], "exact", 0.95)
        found = self._fuzzy(key, cutoff)
        if found.product is None and _HUMP.search(text):
            # words glued in CamelCase ("TeamsPhoneStd", "ExchangeOnlinePlan1"): read apart, but
            # only where the glued spelling named nothing ("OneDrive" stays one word)
            found = self._by_name(_HUMP.sub(" ", text), cutoff)
        if found.product is None and " " not in typed.strip() and _GLUED_PLAN.search(typed):
            # every space squeezed out, a plan or a number glued on too ("MicrosoftEntraIDP1",
            # "Office365E3"): read apart at each change of case or from letters to digits
            return self._by_name(_GLUED_PLAN.sub(" ", typed), cutoff)
        return found

    def _by_identifier(self, candidate: str) -> str | None:
        if not candidate:
            return None
        compact = "".join(candidate.split())
        upper = compact.upper()
        if upper in self.by_id:
            return self.by_id[upper]
        for match in _PARTNER_CENTER_ID.finditer(upper):
            product_id = match.group(0)
            sku = _SKU.match(upper, match.end())
            if sku is not None:
                full = f"{product_id}:{sku.group(1)}"
                if full in self.by_id:
                    return self.by_id[full]
                if product_id in self._families:
                    return None  # another SKU of a known family: a different product
            if product_id in self.by_id:
                return self.by_id[product_id]
        guid = _GUID.search(candidate)
        if guid and guid.group(0).upper() in self.by_id:
            return self.by_id[guid.group(0).upper()]
        return None

    def _fuzzy(self, key: str, cutoff: float) -> Resolution:
        """A close spelling that says nothing the name does not ("M365 E5 Sec" is E5 Security, never
        E5), or a description whose every word the name explains with at most the brand left out
        ("Office E3" → Office 365 E3). One bare word ("E3", "Visio") is never resolved here: which
        product it is depends on what the client buys."""
        if not key:
            return Resolution(None, "none", 0.0)
        wanted = discriminators(key)
        for name, score, index in process.extract(
            key, self.names, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=5
        ):
            found = fit(key, name)
            if (
                discriminators(name) == wanted
                and found is not None
                and all(word in BRAND for word in found.left)
            ):
                return Resolution(
                    self.products[self.name_keys[index]], "fuzzy", round(score / 100, 2)
                )
        fits = sorted(
            (found.rank, self.name_keys[index])
            for name, _, index in process.extract(
                key, self.names, scorer=fuzz.token_set_ratio, score_cutoff=60, limit=60
            )
            if (found := strict_fit(key, name)) is not None
        )
        distinct = list(dict.fromkeys(product for _, product in fits))
        if distinct and (
            len(distinct) == 1 or fits[0][0] < next(r for r, p in fits if p != distinct[0])
        ):
            return Resolution(self.products[distinct[0]], "fuzzy", 0.9)
        return Resolution(None, "none", 0.0)


def _the_other_family(key: str) -> str:
    """An "Office 365" key with the family Microsoft renamed it to ("office 365 business basic" →
    "microsoft 365 business basic"), or ''; tried only where the key itself names nothing. Never
    the other way: "Microsoft 365 Firstline" is no Office 365 Firstline (Office 365 F3)."""
    return "microsoft 365 " + key[len("office 365 ") :] if key.startswith("office 365 ") else ""


def _read(name: str) -> list[dict[str, str]]:
    text = (
        resources.files("engine.match").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    )
    return list(csv.DictReader(io.StringIO(text, newline="")))


_PLAN = re.compile(r"^[a-z]\d$")
#: A word in capitals, digits and underscores, as Microsoft writes its string ids ("SPE_E3",
#: "EXCHANGESTANDARD", "MCOEV"); which of them is an id, the catalogue says.
_STRING_ID_IN_TEXT = re.compile(r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]{2,}(?![A-Za-z0-9_])")
#: A word joined to the next in CamelCase: a letter or digit before a capital and a lower-case
#: letter ("Teams|Phone|Std", "M365|Bus|Basic", "Datto|SaaS", and after a run of capitals
#: "M365BP|No|Teams").
_HUMP = re.compile(r"(?<=[a-zA-Z0-9])(?=[A-Z][a-z])")
#: A name typed without its spaces, its plan or number glued on: "Entra|ID|P1", "Office|365|E3".
_GLUED_PLAN = re.compile(
    r"(?<=[a-z])(?=[A-Z0-9])|(?<=[A-Z])(?=[A-Z][a-z0-9])|(?<=[0-9])(?=[A-Z][a-z0-9])"
    r"|(?<=[a-z])(?=(?:for|and|of)[A-Z])"  # "Archivingfor|Exchange": a small word glued on
)


def _string_id_spelled_out(key: str) -> str | None:
    """A string id whose letters are the initials of the words before a plan: "Secure Productive
    Enterprise E3" is SPE_E3 (Microsoft 365 E3's id, after its old name). Three words at least
    before the plan, so a few words that happen to begin alike name nothing."""
    words = key.split()
    if len(words) < 4 or not _PLAN.match(words[-1]) or not all(w.isalpha() for w in words[:-1]):
        return None
    return "".join(w[0] for w in words[:-1]).upper() + "_" + words[-1].upper()


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The catalogue, built once per process, or read as an earlier run of this code built it
    (:mod:`engine.match.catalogue_cache`; ~0.3 s to build)."""
    stored = catalogue_cache.read("catalogue")
    if stored is not None:
        try:
            catalogue = _from_json(stored)
        except (KeyError, TypeError, ValueError):
            pass  # damaged: built again below
        else:
            register_product_words(catalogue.names)
            return catalogue
    catalogue = _build_catalogue()
    catalogue_cache.write("catalogue", _to_json(catalogue))
    return catalogue


def _to_json(catalogue: Catalogue) -> dict[str, object]:
    return {
        "products": [[p.key, p.name, p.free] for p in catalogue.products.values()],
        "by_id": catalogue.by_id,
        "by_name": catalogue.by_name,
        "names": catalogue.names,
        "name_keys": catalogue.name_keys,
        "curated_words": sorted(catalogue.curated_words),
    }


def _from_json(stored: dict[str, Any]) -> Catalogue:
    products = {key: Product(key, name, bool(free)) for key, name, free in stored["products"]}
    by_id = {str(k): str(v) for k, v in stored["by_id"].items()}
    by_name = {str(k): str(v) for k, v in stored["by_name"].items()}
    names = [str(n) for n in stored["names"]]
    name_keys = [str(k) for k in stored["name_keys"]]
    if len(names) != len(name_keys):
        raise ValueError("names and keys differ in length")
    return Catalogue(
        products, by_id, by_name, names, name_keys, frozenset(map(str, stored["curated_words"]))
    )


def _build_catalogue() -> Catalogue:
    """Read Microsoft's table and the curated one into the catalogue."""
    products: dict[str, Product] = {}
    by_id: dict[str, str] = {}
    by_name: dict[str, str] = {}

    def add_name(spelling: str, product_key_: str) -> None:
        key = product_key(spelling)
        if key:
            by_name.setdefault(key, product_key_)

    curated = _read("catalogue.csv")
    for row in _read("microsoft_products.csv"):
        key = product_key(row["name"])
        if key in products and products[key].name != row["name"]:
            # Two of Microsoft's products normalise alike ("Copilot Studio" / "… User License"):
            # ids keep them apart; the name resolves to the first.
            key = f"{key} | {row['name'].lower()}"
        if key not in products:
            free = bool(_FREE_WORDS.search(row["name"]))
            products[key] = Product(key, row["name"], free)
        by_id.setdefault(row["string_id"].upper(), key)
        by_id.setdefault("".join(row["string_id"].split()).upper(), key)
        by_id.setdefault(row["guid"].upper(), key)
        add_name(row["name"], key)
    for row in curated:
        key = product_key(row["name"])
        products[key] = Product(
            key, row["name"], row["free"].strip().lower() in ("yes", "true", "1")
        )
        by_name[key] = key
        for identifier in filter(None, row["partner_center_ids"].split("|")):
            by_id[identifier.upper()] = key
            by_id[identifier.split(":")[0].upper()] = key
        for sku in filter(None, row["pax8_skus"].split("|")):
            by_id[sku.upper()] = key
        for alias in filter(None, row["aliases"].split("|")):
            by_name[product_key(alias)] = key  # curated spellings override Microsoft's old names
    # a string id that is another product's name written with underscores ("Microsoft_365_E3" is
    # the id of "Microsoft 365 E3 (500 seats min)_HUB"): a PSA that types it means the name
    for identifier, key in list(by_id.items()):
        named = (
            by_name.get(product_key(identifier.replace("_", " "))) if "_" in identifier else None
        )
        if named is not None and named != key:
            by_id[identifier] = named
    # an id of Microsoft's table whose name a curated product claims as its alias ("Microsoft
    # Copilot for Microsoft 365", string id MICROSOFT_365_COPILOT) names the curated product
    for identifier, key in list(by_id.items()):
        claimed = by_name.get(key)
        if claimed is not None and claimed != key and claimed in products:
            by_id[identifier] = claimed
    names = list(by_name)
    register_product_words(names)
    curated_words = frozenset(
        word
        for row in curated
        for spelling in (row["name"], *row["aliases"].split("|"))
        for word in product_key(spelling).split()
    )
    return Catalogue(products, by_id, by_name, names, [by_name[n] for n in names], curated_words)
