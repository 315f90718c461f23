"""A line billed in packs, bundles or blocks: its quantity in the units the product counts.

A vendor sells some products in packs ("Veeam Backup for Microsoft 365 - 10-user pack", 5 packs),
numbers in bundles ("Operator Connect - 10 x DID bundle") and storage in blocks ("Wasabi - 500GB
block", "4 TB - flat"), while the books bill the users, numbers or storage themselves, or the
other way round. Read as written, 5 packs beside 50 users is 45 seats over-billed and the pack's
price ten times the user's. Only a size the line itself states is used (its description or its
unit-of-measure column): "(minimum 10 users)" is a commitment, not a size, and a bare "Pack" says
no size. The line's amount is kept; its quantity is multiplied by the size and its unit amount
divided by it (exact: a Fraction where it is not a whole number of cents).

Two steps. When typed (:func:`with_unit_sizes`), storage is counted in GB, so that products are
matched on like quantities. Once products are matched (:func:`settle_sizes`), storage is counted in
the measure the vendor bills the product in ("3,500 (GB)" is 3.5 beside a vendor that bills TB),
and a pack is applied where its price is a pack's — a count written in a name may be a note.
Each line read so says how (``Line.sized``), for the finding's evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from statistics import median
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

if TYPE_CHECKING:
    from engine.lines.line import Line

#: Storage measures, in GB (decimal units, as storage vendors price: 1 TB = 1,000 GB).
STORAGE_GB = {
    "mb": Fraction(1, 1000),
    "gb": Fraction(1),
    "tb": Fraction(1000),
    "pb": Fraction(10**6),
}

_COUNTED = (
    r"(?:users?|seats?|licen[cs]es?|mailbox(?:es)?|devices?|endpoints?|numbers?|dids?|lines?|"
    r"workloads?|agents?|pcs?|servers?|rooms?|accounts?|identities|identity|"
    r"devs?|usrs?|lics?|mbx(?:es)?|nums?|srvs?|eps?|machines?|channels?)"
)
_PACKED = r"(?:pack|pk|bundle|paket|pakket|lot)s?"
_NOT_365 = r"(?!365\b)"  # "Microsoft 365 Pack" is no pack of 365
#: "Sophos IX Adv x5" at the end of a name: a pack, or the quantity said again ("Acr. Cyber
#: Protect x2" on a line of 2: settle_sizes); never an edition written "X4" ("8x8 X4").
_X_SUFFIX = re.compile(r"(?<=\S)\s+(?:x\s?|×\s?|X\s)(?!365\b)(\d{1,4})\s*$")
#: A count the line is sold in: "10-user pack", "5-pack", "10pk", "10 x DID bundle", "pack of 10",
#: "bundle of 10 numbers", "(pack of 5 users)", a unit "Pack (10)", "per 10 users", "… x5".
_COUNT_SIZE = (
    re.compile(
        rf"\b{_NOT_365}(\d{{1,4}})\s*[-‐]?\s*(?P<what>{_COUNTED})\s*[-‐]?\s*{_PACKED}\b",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_NOT_365}(\d{{1,4}})\s*[-‐]?\s*{_PACKED}\b", re.IGNORECASE),
    re.compile(rf"\b(\d{{1,4}})\s*[x×]\s*(?P<what>{_COUNTED})\s*{_PACKED}\b", re.IGNORECASE),
    re.compile(rf"\b{_PACKED}\s+of\s+(\d{{1,4}})\b(?:\s*(?P<what>{_COUNTED})\b)?", re.IGNORECASE),
    re.compile(rf"\b{_PACKED}\s*\(\s*(\d{{1,4}})\s*(?P<what>{_COUNTED})?\s*\)", re.IGNORECASE),
    re.compile(rf"\bper\s+(\d{{1,4}})\s*(?P<what>{_COUNTED})\b", re.IGNORECASE),
    _X_SUFFIX,
)
_STORAGE = r"(mb|gb|tb|pb)"
_BLOCKED = r"(?:block|bundle|pack|tier|increment|chunk|flat|allocation|quota|unit)s?"
#: A storage size the line is sold in: "500GB block", "1 TB blocks", "4 TB - flat",
#: "blocks of 500 GB", "per 500 GB" (never "2vCPU/8GB/128GB": a Cloud PC's size).
_STORAGE_SIZE = (
    re.compile(rf"\b(\d{{1,5}}(?:[.,]\d+)?)\s*{_STORAGE}\s*[-–—:]?\s*{_BLOCKED}\b", re.IGNORECASE),
    re.compile(rf"\b{_BLOCKED}\s+of\s+(\d{{1,5}}(?:[.,]\d+)?)\s*{_STORAGE}\b", re.IGNORECASE),
    re.compile(rf"\bper\s+(\d{{1,5}}(?:[.,]\d+)?)\s*{_STORAGE}\b", re.IGNORECASE),
)
#: A quantity counted in a storage measure: "(GB)", "GB used", "per GB", "/TB", "usage GB", "in GB",
#: "GB-month".
_STORAGE_MEASURE = (
    re.compile(rf"\(\s*{_STORAGE}\s*\)", re.IGNORECASE),
    re.compile(rf"\b{_STORAGE}\s+(?:used|consumed|usage|stored|protected|in use)\b", re.IGNORECASE),
    re.compile(rf"(?:\bper|/)\s*{_STORAGE}\b", re.IGNORECASE),
    re.compile(rf"\b(?:usage|used|consumed|stored|in)\s+{_STORAGE}\b", re.IGNORECASE),
    re.compile(rf"\b{_STORAGE}[- ]?months?\b", re.IGNORECASE),
)
#: A storage size at the end of a name ("Datto offsite storage 3 TB" billed once, a vendor's
#: "Impossible Cloud Object Storage 5TB" × 2): the size of one unit, where the name is of storage
#: and of nothing with a size of its own (a Cloud PC's disk, a mailbox's quota).
_TRAILING_STORAGE = re.compile(rf"\b(\d{{1,5}}(?:[.,]\d+)?)\s*{_STORAGE}\s*\)?\s*$", re.IGNORECASE)
_OF_STORAGE = re.compile(
    r"\b(?:storage|backup|archive|archiving|blob|object|s3|space|capacity|offsite|vault)\b",
    re.IGNORECASE,
)
_SIZE_OF_ITS_OWN = re.compile(
    r"\b(?:v?cpus?|cores?|ram|memory|cloud\s*pcs?|windows\s*365|w365|vm|mailbox(?:es)?|plan)\b",
    re.IGNORECASE,
)
#: A unit-of-measure cell that is a storage measure: "GB", "TB", "GB-month", "Per GB", "TB (decimal)".
_MEASURE_CELL = re.compile(
    rf"^\s*(?:per\s+)?{_STORAGE}\b(?:\s*[-/ ]\s*(?:month|mo|mth|hr|hour))?(?:\s*\(.*\))?\s*$",
    re.IGNORECASE,
)
_PER_MONTH = r"(?:\s*[-/ ]\s*(?:month|mo|mth))?"
#: A unit-of-measure cell that is a storage block: "500 GB", "1 TB", "250GB block", "1 GB/Month".
_BLOCK_CELL = re.compile(
    rf"^\s*(?:per\s+)?(\d{{1,5}}(?:[.,]\d+)?)\s*{_STORAGE}\s*(?:{_BLOCKED})?{_PER_MONTH}\s*$",
    re.IGNORECASE,
)
#: A unit-of-measure cell that is a pack: "5 Pack", "10-pack", "Pack of 25", "Box (10)".
_PACK_CELL = re.compile(
    r"^\s*(?:(\d{1,4})\s*[-‐ ]?\s*(?:pack|pk|box|bundle|carton)s?"
    r"|(?:pack|pk|box|bundle|carton)s?\s*(?:of\s*)?\(?\s*(\d{1,4})\s*\)?)\s*$",
    re.IGNORECASE,
)
#: A unit-of-measure cell naming one of what is counted: the quantity is already in those units,
#: whatever pack the description names ("Veeam … 10-user pack" billed per "User").
_ONE_OF_WHAT_IS_COUNTED = re.compile(rf"^\s*(?:per\s+)?{_COUNTED}\s*$", re.IGNORECASE)


#: A commitment written beside a name: "(minimum 10 users)", "(min 5)", "min. 10 seats".
_MINIMUM = re.compile(
    rf"\(?\b(?:min(?:imum)?\.?|at\s+least)\s*(?:of\s+)?\d{{1,5}}\s*(?:{_COUNTED}\b)?\s*\)?",
    re.IGNORECASE,
)
#: The quantity said again after a name ("Huntress EDR x 20 devices", "… x 8 Cloud PCs") and a
#: price band's range ("NinjaOne RMM (1-50 endpoints)", "(51+ endpoints)"): the line's quantity
#: and price say them; two bands of one product are one product.
_RESTATED = re.compile(
    rf"(?<=\S)\s+(?:[x×]\s+\d{{1,5}}\s+(?:cloud\s+)?(?:{_COUNTED}|identitys|[a-z]+s)"
    rf"|[x×]\d{{1,5}}\s+(?:cloud\s+)?[a-z]+s)\b",  # never "8x8 X2 seat reduction": a product
    re.IGNORECASE,
)
#: A count of what is counted closing a name ("Sophos Intercept X Adv endpoint - 35 devices",
#: "… for Server 2 servers", "(12 users)"): the quantity said again, or a note; never a plan's or
#: an edition's number ("Exchange Online Plan 1 user": :func:`_without_a_closing_count`).
_CLOSING_COUNT = re.compile(
    rf"(?P<before>\S+?)(?P<sep>\s*[-–—,:(/]\s*|\s+)(?P<n>\d{{1,5}})\s*(?P<what>{_COUNTED})\s*\)?\s*$",
    re.IGNORECASE,
)
#: Words a number after them belongs to: "Plan 1", "Pln 2", "P2", "Gen 2", "Tier 3".
_NUMBERED = frozenset(
    ["plan", "pln", "p", "e", "f", "a", "g", "tier", "level", "gen", "version", "v"]
)
_BAND = re.compile(
    rf"\(\s*\d{{1,5}}\s*(?:(?:[-–]|to)\s*\d{{1,5}}|\+)\s*(?:{_COUNTED})?\s*\)", re.IGNORECASE
)
_SIZE_PHRASES = (
    *(pattern for pattern in _COUNT_SIZE if pattern is not _X_SUFFIX),  # "x5" stays in the name
    *_STORAGE_SIZE,
    *_STORAGE_MEASURE,
    _MINIMUM,
    _RESTATED,
    _BAND,
)


@lru_cache(maxsize=65_536)
def without_sizes(text: str) -> str:
    """A product's name without the size it is sold in or the minimum it commits to: "Mimecast
    Email Security Cloud Gateway - 5-user pack (minimum 10 users)" is the Mimecast gateway that the
    books bill per user (the quantity says the size: :func:`with_unit_sizes`). What a pack counts
    stays ("10 x DID bundle": numbers, "DID")."""
    for pattern in _SIZE_PHRASES:
        text = pattern.sub(_what_is_counted, text)
    return _CLOSING_COUNT.sub(_without_a_closing_count, text)


def _without_a_closing_count(found: re.Match[str]) -> str:
    """The name before a closing count, unless the number is a plan's ("Plan 1 user") or the
    words are no count ("Visio Pln 2 Licence": two licences would be "2 licences")."""
    if not found["sep"].strip() and found["before"].casefold() in _NUMBERED:
        return found[0]
    if found["n"].startswith("0") or found["sep"] in ("-", "–", "/"):
        return found[0]  # a code's number ("ACR-CPC-01 licence")
    plural = found["what"].casefold().endswith(("s", "ies"))
    if (int(found["n"]) == 1) == plural:
        return found[0]
    return found["before"] + " "


def _what_is_counted(found: re.Match[str]) -> str:
    """What a size phrase counts, kept as a word of the name ("10 x DID bundle": "DID")."""
    what = found.groupdict().get("what")
    return f" {what} " if what else " "


@lru_cache(maxsize=65_536)
def stated_size(text: str, measure: str) -> tuple[Fraction, str]:
    """The units one billed unit of a line holds, and the storage measure they are counted in ("" for
    a count): (10, "") for a 10-user pack, (500, "gb") for a 500 GB block, (1, "gb") for a quantity
    in GB, (1, "") when nothing is said."""
    measure = " ".join(measure.split())
    if measure and (cell := _MEASURE_CELL.match(measure)):
        return Fraction(1), cell[1].casefold()
    if measure and (cell := _BLOCK_CELL.match(measure)):
        return Fraction(cell[1].replace(",", ".")), cell[2].casefold()
    if measure and (cell := _PACK_CELL.match(measure)):
        return Fraction(int(cell[1] or cell[2])), ""
    for said in (text, measure):
        if not said:
            continue
        for pattern in _STORAGE_SIZE:
            if found := pattern.search(said):
                return Fraction(found[1].replace(",", ".")), found[2].casefold()
        if not _ONE_OF_WHAT_IS_COUNTED.match(measure):
            for pattern in _COUNT_SIZE:
                if (found := pattern.search(said)) and int(found[1]) >= 2:
                    return Fraction(int(found[1])), ""
        for pattern in _STORAGE_MEASURE:
            if found := pattern.search(said):
                return Fraction(1), found[1].casefold()
    return Fraction(1), ""


def with_unit_sizes(
    products: Sequence[str],
    measures: Sequence[str],
    quantities: list[Decimal | None],
    units: list[Decimal | Fraction | None],
) -> tuple[list[str], list[int], list[tuple[Fraction, str] | None], list[str]]:
    """Give each line that states a storage size or measure its quantity in GB and its unit amount
    per GB, so that products are matched on like quantities. Return, for :func:`settle_sizes`,
    the storage measure each line states ("" for a count), the pack size its text states (1 for
    none: a pack is applied once matched, where prices say it is one), the storage a name billed
    once ends with (applied once matched, where the vendor counts the product in storage) and how
    each storage line was read ("7 × 500 GB")."""
    said = [
        stated_size(text or "", measure or "")
        for text, measure in zip(products, measures, strict=True)
    ]
    read_as = [""] * len(said)
    packs = [1] * len(said)
    flats: list[tuple[Fraction, str] | None] = [None] * len(said)
    stated = [measure for _, measure in said]
    for i, (size, measure) in enumerate(said):
        if size == 1 and not measure and quantities[i] is not None:  # "… storage 3 TB", 1
            flat = _flat_storage(products[i] or "")
            # ("Datto storage 3 TB" on a line of 3 may be the quantity said again: matched as
            # three 3 TB blocks, like the product's other lines; prices say which once matched)
            if flat is not None and flat[0] != 1:
                size, measure = flat  # 3 TB: matched as such (back to 1 beside a licence)
                stated[i] = measure
            flats[i] = flat
        if not measure:
            packs[i] = int(size)  # applied once prices can say whether it is a pack's
            continue
        if size != 1 and quantities[i] is not None:
            read_as[i] = (
                f"{quantities[i]:f} × {size.numerator / size.denominator:g} {measure.upper()}"
            )
        size *= STORAGE_GB[measure]
        if size != 1:
            quantities[i], units[i] = _scaled(quantities[i], units[i], size)
    return stated, packs, flats, read_as


@lru_cache(maxsize=65_536)
def _flat_storage(text: str) -> tuple[Fraction, str] | None:
    """The storage a name ends with, None for none (see ``_TRAILING_STORAGE``)."""
    found = _TRAILING_STORAGE.search(text)
    if found is None or not _of_storage(text) or _SIZE_OF_ITS_OWN.search(text):
        return None
    return Fraction(found[1].replace(",", ".")), found[2].casefold()


#: A word as long as "storage" give or take a letter.
_WORD = re.compile(r"\b[a-z]{6,8}\b")


def _of_storage(text: str) -> bool:
    """The name is of storage: its word, or the word with a slip of a key ("stoarge", "storge")."""
    return bool(_OF_STORAGE.search(text)) or any(
        OSA.distance(word, "storage") <= 1 for word in _WORD.findall(text.casefold())
    )


def settle_sizes(lines: Iterable[Line]) -> None:
    """Once products are matched: storage at the end of a name kept as storage where the vendor
    counts the product so, storage in the vendor's measure, and a pack applied where its price is a
    pack's (:func:`_flat_bundles`, :func:`_in_the_vendors_measure`, :func:`_packs_priced_as_packs`).
    Most bills state no size: their lines are looked at once. A line's product is the one the
    run assigned it (``Line.product_key``); a line set aside has none."""
    lines = list(lines)  # (a line set aside goes back to its own measure: it has no product)
    if not any(line.measure or line.flat is not None or line.pack != 1 for line in lines):
        return
    _flat_bundles(lines)
    _in_the_vendors_measure(lines)
    _packs_priced_as_packs(lines)


def _product_of(line: Line) -> str | None:
    """The product a line taking part was matched to (None for a line set aside)."""
    return None if line.exclusion is not None else line.product_key


def _flat_bundles(lines: list[Line]) -> None:
    """A name that ends with its storage ("Datto offsite storage 3 TB", 1 × 72.00) is that much
    storage a unit where the vendor counts the product in a storage measure (3 TB at 24.00);
    beside a licence ("Cloud File Storage 1TB" for OneDrive Plan 1) it is the licence's name."""
    if all(line.flat is None for line in lines):
        return
    measured = {
        key
        for line in lines
        if line.side == "vendor" and line.measure and (key := _product_of(line)) is not None
    }
    # the vendor's "Datto Cloud Storage 1TB" × 8 names the measure it bills in, where the books
    # count the product in storage too ("Datto cloud storage (GB)", 8,000)
    measured_by_either = {key for line in lines if line.measure and (key := _product_of(line))}
    measured |= {
        key
        for line in lines
        if line.side == "vendor" and line.flat and (key := _product_of(line)) in measured_by_either
    }
    priced = _prices_by_product(lines)
    for line in lines:
        if line.flat is None:
            continue
        size, measure = line.flat
        if _product_of(line) not in measured:
            if line.measure:  # typed as storage: the licence's name said its size
                line.quantity, line.unit = _scaled(
                    line.quantity, line.unit, 1 / (size * STORAGE_GB[measure])
                )
                line.measure = line.sized = ""
            continue
        if line.measure:  # typed as storage already
            if _said_again(line, size, measure, priced):  # "Datto storage 3 TB" × 3, a TB's price
                line.quantity, line.unit = _scaled(line.quantity, line.unit, 1 / size)
                line.sized = ""
            continue
        line.sized = f"{line.quantity:f} × {size.numerator / size.denominator:g} {measure.upper()}"
        line.quantity, line.unit = _scaled(line.quantity, line.unit, size * STORAGE_GB[measure])
        line.measure = measure


def _prices_by_product(lines: list[Line]) -> dict[tuple[str, str], list[tuple[Fraction, bool]]]:
    """Each side's unit prices of each product, and whether each line counts storage (per GB till
    settled), read once for every line of the bill that asks."""
    priced: dict[tuple[str, str], list[tuple[Fraction, bool]]] = defaultdict(list)
    for line in lines:
        if (key := _product_of(line)) is not None and (unit := line.monthly_unit):
            priced[(line.side, key)].append((unit, bool(line.measure)))
    return priced


def _said_again(
    line: Line,
    size: Fraction,
    measure: str,
    priced: dict[tuple[str, str], list[tuple[Fraction, bool]]],
) -> bool:
    """A line of as many as its name's storage ("Datto storage 3 TB" × 3): the quantity said again
    (3 TB), unless its price spread over a block is nearer the other side's price in that measure
    than as written, as packs are judged ("Impossible Cloud Object Storage 5TB" × 5 at 26.00
    beside the books' 7.00 a TB is 25 TB); with nothing to compare, the quantity said again."""
    block = size * STORAGE_GB[measure]  # typed: the line counts GB
    key = _product_of(line)
    if line.quantity is None or key is None or size == 1:
        return False
    if Fraction(line.quantity) != size * block:
        return False
    other = "psa" if line.side == "vendor" else "vendor"
    seen = [unit * STORAGE_GB[measure] if gb else unit for unit, gb in priced.get((other, key), [])]
    unit = line.monthly_unit
    return not (seen and unit and _priced_as_a_pack(unit * block, seen, size))


def _priced_as_a_pack(unit: Fraction, seen: list[Fraction], size: Fraction | int) -> bool:
    """``unit`` spread over ``size`` is nearer the other side's prices than as written: at least
    their median over √size (a geometric midpoint, so that neither reading is favoured). With no
    price to compare, the size is taken at its word."""
    return not seen or unit * unit >= median(seen) ** 2 * size


def _in_the_vendors_measure(lines: list[Line]) -> None:
    """Count each product's storage (in GB since typing) in the measure the vendor bills it in:
    the books' "3,500 (GB)" is 3.5 beside a vendor that bills TB. Where the vendor states no
    measure for the product, or two, each line goes back to the measure it states itself."""
    vendor_measures: dict[str | None, set[str]] = defaultdict(set)
    for line in lines:
        if line.side == "vendor" and line.measure and (key := _product_of(line)) is not None:
            vendor_measures[key].add(line.measure)
    for line in lines:
        if not line.measure:
            continue
        found = vendor_measures.get(_product_of(line), set())
        to = next(iter(found)) if len(found) == 1 else line.measure
        if to != line.measure and not line.sized and line.quantity is not None:
            written = _decimal(Fraction(line.quantity) / STORAGE_GB[line.measure])
            line.sized = f"{written:f} {line.measure.upper()}"  # "3000 GB", shown as 3 (TB)
        if to != "gb":
            line.quantity, line.unit = _scaled(line.quantity, line.unit, 1 / STORAGE_GB[to])
        line.measure = to


def _packs_priced_as_packs(lines: list[Line]) -> None:
    """A pack size in a line's text is a size only where its price is a pack's: "Veeam … - 10-user
    pack" × 5 at 19.00 beside the books' 3.33 a user is fifty users at 1.90, while "Power BI Pro -
    8 user pack" × 3 at 12.99 beside a vendor's 9.95 a seat is three seats whose text counts
    something else (a note, the users of a pack bought long ago). The price per unit is compared
    with the other side's for the product (its lines that state no pack, else all spread over
    their packs): the pack is applied where its price spread over the pack is nearer the other
    side's than as written (at least the other side's over √size). With nothing to compare, the
    text is taken at its word. (Applied before matching, a pack that is only a note cost set P
    the matches its seats made; after, nothing was lost on sets AO and AP.)"""
    if all(line.pack == 1 for line in lines):
        return
    prices: dict[tuple[str, str | None], list[Fraction]] = defaultdict(list)
    plain: dict[tuple[str, str | None], list[Fraction]] = defaultdict(list)
    for line in lines:
        unit = line.monthly_unit
        if unit and (key := _product_of(line)) is not None:
            prices[(line.side, key)].append(unit / line.pack)
            if line.pack == 1:
                plain[(line.side, key)].append(unit)
    for line in lines:
        if line.pack == 1 or line.quantity is None:
            continue
        if line.quantity == line.pack and _X_SUFFIX.search(line.product):
            line.pack = 1  # "Acr. Cyber Protect x2" on a line of 2: the quantity said again
            continue
        key = _product_of(line)
        other = "psa" if line.side == "vendor" else "vendor"
        seen = plain.get((other, key)) or prices.get((other, key))
        unit = line.monthly_unit
        if unit and not _priced_as_a_pack(unit, seen or [], line.pack):
            line.pack = 1  # priced as one seat (unit / pack < reference / √pack): a note
            continue
        line.sized = f"{line.quantity:f} × {line.pack}"
        line.quantity, line.unit = _scaled(line.quantity, line.unit, Fraction(line.pack))


def _scaled(
    quantity: Decimal | None, unit: Decimal | Fraction | None, size: Fraction
) -> tuple[Decimal | None, Decimal | Fraction | None]:
    """A quantity times ``size`` and its unit amount divided by it, exact."""
    if quantity is not None:  # (a size is a whole count or a power of ten: this terminates)
        quantity = _decimal(Fraction(quantity) * size)
    if unit is not None:
        share = Fraction(unit) / size
        unit = _decimal(share) if _terminates(share) else share
    return quantity, unit


def _terminates(value: Fraction) -> bool:
    """Has ``value`` a finite decimal expansion (its denominator only 2s and 5s)?"""
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _decimal(value: Fraction) -> Decimal:
    """A terminating fraction as the Decimal it is (a whole number without an exponent)."""
    if value.denominator == 1:
        return Decimal(value.numerator)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(exact) != value:  # (more digits than the context holds: a bug)
        raise AssertionError(value)
    return exact
