"""The market a PSA line says, against the market editions its client buys (issue 9, set AM).

Microsoft sells one licence to several markets, each a SKU of its own at its own price: a charity's
"Microsoft 365 Business Premium (Nonprofit Staff Pricing)" and its free "… Business Premium
Donation" grant beside the commercial edition, a school's "Microsoft 365 A3 for faculty", "… for
students" and "… for students use benefit", "Defender for Endpoint P1" and its "… for EDU". A charity
that holds ten donated seats and twenty paid ones is billed "BP nonprofit grant" and "Business
Premium - Charity"; the words that say the market are the only thing that tells those lines apart,
and a billing person reads them so. Once every line has its product, a line whose words say another
market than the edition it was given — or say none, beside the client's commercial edition — is
moved to the client's one edition of that licence for the market it says, check first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from engine.folding import folded
from engine.lines import Line
from engine.match.catalogue import load_catalogue
from engine.match.product_names import product_key
from engine.match.products import ProductMatch, display_name, own_key
from engine.match.run_lines import RunLines

#: Below the check-first bar: the line was read as another edition; its words alone move it.
CONFIDENCE = 0.75

#: Each market and the words that say it, strongest first: a grant is a nonprofit's ("Business
#: Premium Donation (Non Profit Pricing)"), a nonprofit's staff are no school's faculty.
_MARKETS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (market, re.compile(rf"\b(?:{words})\b"))
    for market, words in (
        ("grant", r"donation|donations|donated|grant|granted"),
        ("nonprofit", r"non ?profits?|not for profit|charity|charities|charitable|staff pricing"),
        ("student benefit", r"(?:students?|pupils?|learners?) use benefit|use benefit"),
        ("student", r"students?|pupils?|learners?"),
        ("faculty", r"faculty|staff|teachers?|educators?"),
        ("government", r"gcc|government|gov"),
        ("education", r"edu|education|educational|academic"),
    )
)

#: Words that say a market or join it to the name ("… for students use benefit"): a licence's name
#: without them is the licence every market buys.
_MARKET_WORDS = frozenset(
    [
        "donation",
        "donations",
        "donated",
        "grant",
        "granted",
        "non",
        "nonprofit",
        "nonprofits",
        "profit",
        "profits",
        "not",
        "charity",
        "charities",
        "charitable",
        "staff",
        "pricing",
        "students",
        "student",
        "pupils",
        "pupil",
        "learners",
        "learner",
        "use",
        "benefit",
        "faculty",
        "teachers",
        "teacher",
        "educators",
        "educator",
        "gcc",
        "government",
        "gov",
        "edu",
        "education",
        "educational",
        "academic",
        "for",
    ]
)

_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65_536)
def market_of(text: str) -> str | None:
    """The market a product's name or a line's words say ("charity" → nonprofit), None for none."""
    words = " ".join(_WORD.findall(folded(text).replace("-", " ")))
    return next((market for market, said in _MARKETS if said.search(words)), None)


@lru_cache(maxsize=65_536)
def licence_of(name: str) -> str:
    """A product's name without the words of its market or its term: the licence every market's
    edition is ("… Donation (Monthly Pre-Paid)" is Business Premium)."""
    return " ".join(w for w in _WORD.findall(product_key(name)) if w not in _MARKET_WORDS)


def to_said_markets(run: RunLines) -> None:
    """Move each PSA line given an edition of a licence to the client's one edition of it for the
    market the line says (a product match in ``run.inferred``, with its evidence)."""
    # a free grant the vendor bills at nothing is still the edition the books may name
    billed = run.billed(lambda group: True, free=_free_edition)
    on_the_bill = {  # every market edition the vendor bills anyone
        match.key: match
        for products in billed.values()
        for match in products.values()
        if market_of(match.product) is not None
    }
    if not on_the_bill:
        return
    for line in run.psa_lines:
        group = run.psa_group(line)
        if group not in billed or line.exclusion is not None or line.product_key is None:
            continue
        match = run.psa_match(line)
        # the client's own edition for the market said, else the one the vendor bills others
        # (billed here without a vendor record: "BP nonprofit grant" beside commercial seats)
        edition = _edition_said(line.product, match, billed[group])
        if edition is None and market_of(line.product) is not None:
            edition = _edition_said(line.product, match, on_the_bill)
        if edition is None:
            continue
        said = market_of(line.product)
        line.assign(edition.key)
        run.inferred[(line.client, line.descriptor)] = ProductMatch(
            "psa",
            line.product,
            edition.key,
            edition.product,
            "market",
            min(CONFIDENCE, match.confidence),
            edition.in_catalogue,
            edition.free,
            evidence=(
                f"says the {said} edition; the client buys {edition.product!r}, that licence "
                f"for that market, beside {match.product!r}"
                if said is not None
                else f"says no market; the client buys {edition.product!r}, the licence every "
                f"market buys, beside {match.product!r}"
            ),
        )


def _free_edition(line: Line) -> ProductMatch:
    """What a vendor line set aside as free is (a charity's donated seats): the catalogue's
    product, else its own name."""
    found = load_catalogue().resolve(line.product, line.product_ids)
    if found.product is not None:
        key, name = found.product.key, found.product.name
    else:
        key, name = own_key(line.product), display_name(line.product)
    return ProductMatch(
        "vendor", line.product, key, name, found.method, 1.0, found.product is not None, True
    )


def _edition_said(
    text: str, match: ProductMatch, products: Mapping[str, ProductMatch]
) -> ProductMatch | None:
    """The one edition among ``products`` for the market ``text`` says, when ``match`` is another
    market's: of the licence ``match`` is, or of the one the text names when ``match`` is not it
    ("BP nonprofit grant" read as the client's Basic at Nonprofit Staff Pricing is the Business
    Premium grant). A text that says no market moves only where it says nothing more than the
    licence ("M365 BP", never "M365 BP non-proft (paid seats)")."""
    said = market_of(text)
    if said == market_of(match.product):
        return None
    licence = licence_of(match.product)
    named = set(licence_of(text).split())  # the licence the text names, its market words aside
    if said is None and not named <= set(licence.split()):
        return None
    found = [
        other
        for key, other in products.items()
        if key != match.key
        and market_of(other.product) == said
        and (
            licence_of(other.product) == licence
            or (
                said is not None
                and named
                and named <= set(licence_of(other.product).split())
                and not named <= set(licence.split())
            )
        )
    ]
    return found[0] if len(found) == 1 else None
