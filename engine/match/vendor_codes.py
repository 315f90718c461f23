"""A PSA line that names its product by the vendor's own code ("NAB-NSRMM-WS licence").

Account managers often copy the distributor's SKU or Microsoft's product id into the PSA instead of
a name: "NAB-NSRMM-WS par utilisateur - admin team", "CFQ7TTC0LH0R:0001 - EXO Kiosk". No name
matcher reads these, but the bill does: the same code is in its SKU or product id column, beside
the product it is. A code that the bill gives one product is that product; a code the bill gives to
two products, or that only part of a word spells, decides nothing. The bill's code also outranks
the catalogue's reading of Microsoft's product id alone: "SKU P1Y:CFQ7TTC0LH18:0002" is Business
Basic by its product id, but the bill gives that SKU to Business Basic (no Teams).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from engine.match.products import Descriptor, ProductMatch

#: How a PSA line named by the vendor's code is shown, and how sure it is: the bill's own record.
CONFIDENCE = 0.95
#: A code shorter than this (once its punctuation is gone) may be a word or a size ("E3", "P1Y").
_SHORTEST = 6
#: A Partner Center product id and SKU ("CFQ7TTC0LH0R:0001") within a longer id of the bill
#: ("CACFQ7TTC0LH0R0001"): this long, it is found inside the bill's id.
_INSIDE = 12
_PRODUCT_AND_SKU = re.compile(r"[0-9A-Za-z]{12}:\d{4}")
_TOKENS = re.compile(r"[^\s,;()\[\]{}/|]+")
_NOT_CODE = re.compile(r"[^0-9a-z]+")


def name_by_vendor_codes(
    vendor: Mapping[Descriptor, ProductMatch], psa: dict[Descriptor, ProductMatch]
) -> None:
    """Give each PSA spelling no name explains the vendor product whose code it carries."""
    codes = _vendor_codes(vendor)
    if not codes:
        return
    long_codes = sorted(code for code in codes if len(code) >= _INSIDE)
    for descriptor, match in list(psa.items()):
        if match.method != "id" and (match.in_catalogue or match.method != "unknown"):
            continue  # (a catalogue id may be a family the bill's own codes tell apart: below)
        found = {
            (code, target)
            for token in _code_tokens(descriptor)
            # a catalogue id is overruled only by a product *and* SKU of the bill's
            if match.method != "id" or _PRODUCT_AND_SKU.search(token)
            for code in _codes_of(token, codes, long_codes)
            for target in [codes[code]]
            if target is not None
        }
        targets = {target.key for _, target in found}
        if len(targets) != 1 or match.key in targets:
            continue
        code, target = min(found, key=lambda item: item[0])
        psa[descriptor] = ProductMatch(
            "psa",
            descriptor[0],
            target.key,
            target.product,
            "id",
            CONFIDENCE,
            target.in_catalogue,
            target.free,
            evidence=f"the vendor's code {code.upper()!r} for {target.product!r}",
        )


def _vendor_codes(vendor: Mapping[Descriptor, ProductMatch]) -> dict[str, ProductMatch | None]:
    """Each code of the bill and its one product (None when it stands for two)."""
    codes: dict[str, ProductMatch | None] = {}
    keys: dict[str, set[str]] = defaultdict(set)
    for (_, ids), match in vendor.items():
        for identifier in ids:
            code = _compact(identifier)
            if len(code) >= _SHORTEST and _looks_like_code(identifier):
                keys[code].add(match.key)
                codes[code] = match if len(keys[code]) == 1 else None
    return codes


def _code_tokens(descriptor: Descriptor) -> Iterable[str]:
    name, ids = descriptor
    for token in (*_TOKENS.findall(name), *ids):
        token = token.strip(":-.")
        if len(_compact(token)) >= _SHORTEST and _looks_like_code(token):
            yield token


def _codes_of(
    token: str, codes: Mapping[str, ProductMatch | None], long_codes: list[str]
) -> list[str]:
    code = _compact(token)
    if code in codes:
        return [code]
    if len(code) >= _INSIDE:
        return [c for c in long_codes if code in c]
    return []


def _looks_like_code(text: str) -> bool:
    """A code mixes letters with digits or joins parts with - : . ("NAB-NSRMM-WS", "KPR-BUS-1M");
    a plain word is not one."""
    has_digit = any(c.isdigit() for c in text)
    has_letter = any(c.isalpha() for c in text)
    joined = any(c in "-:._" for c in text.strip("-:._"))
    return has_letter and (has_digit or joined) and " " not in text.strip()


def _compact(text: str) -> str:
    return _NOT_CODE.sub("", text.casefold())
