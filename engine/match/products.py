"""Give every vendor and PSA line a product key both sides agree on.

Catalogue products get their catalogue key (ids first, then names; see :mod:`engine.match.catalogue`).
Products in no catalogue still reconcile when both sides name them alike: the same normalised name,
or a fuzzy name that differs in no discriminating token. The user's product aliases (vendor spelling →
PSA spelling) come first of all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from engine.match.catalogue import Catalogue, Resolution, load_catalogue
from engine.match.description_words import service_words
from engine.match.leading_labels import label_and_rest
from engine.match.product_fit import MAKER, fit, meaningful, shortened_as_bills_do, strict_fit
from engine.match.product_names import discriminators, product_key
from engine.match.product_notes import MOST_NOTES, Notes, note_reader, split_note
from engine.match.text_artefacts import links_as_text
from engine.match.whole_names import CONFIDENCE as WHOLE_NAME
from engine.match.whole_names import editions_only, names_a_kind_only
from engine.settings import MatchThresholds

DEFAULT_THRESHOLDS = MatchThresholds()


@dataclass(frozen=True)
class ProductMatch:
    """How one spelling on one side was recognised."""

    side: str  # vendor or psa
    spelling: str
    key: str
    product: str  # canonical name
    method: str  # id, exact, fuzzy, alias, name, unknown
    confidence: float
    in_catalogue: bool
    free: bool = False
    evidence: str = ""  # why an inferred match was made ("learned from 4 clients")


Descriptor = tuple[str, tuple[str, ...]]  # (name, ids)
_TAGS = re.compile(
    r"\[[^\]]*\]|\((?:nce|new commerce[^)]*|annual|monthly|yearly|1 ?yr|1 ?mth)\)", re.IGNORECASE
)


def own_key(spelling: str) -> str:
    """The key of a product known only by its own spelling (outside every catalogue)."""
    return "name:" + (product_key(spelling) or spelling.strip().lower())


def display_name(spelling: str) -> str:
    """A product in no catalogue is shown as the vendor spells it, minus commerce tags."""
    spelling = links_as_text(spelling)  # "[E3](https://admin.microsoft.com)": no tag, its text
    return " ".join(_TAGS.sub(" ", spelling).split()).strip(" -") or spelling


#: The labels this run's PSA export puts before its names (:func:`engine.match.leading_labels.
#: labels_seen`), for the tiers that read a description in context; set by every
#: :func:`match_products` run.
_LABELS: list[frozenset[str]] = [frozenset()]


#: A note after a name of what the line was before a change ("- was Plan 1 until 9/11", "(upgraded
#: from Business Standard 12/11)"): another product's words, which say nothing of this one.
_HISTORY_NOTE = re.compile(
    r"\s*[-\u2013\u2014|(\[,;]\s*(?:(?:was|previously|prev\.?)\s+[^()\[\]]*?\b"
    r"(?:until|till|til|to|before)\s+\d[\d/.\-]*|(?:upgraded|downgraded|converted|moved)\s+from\s+"
    r"[^()\[\]]+?)[)\]]?\s*$",
    re.IGNORECASE,
)


#: A note after a name of whom the count takes in ("incl. 4 new starters", "(including 2 new
#: users)"): the seats' story, no word of the product.
_COUNT_NOTE = re.compile(
    r"\s*[-\u2013\u2014|(\[,;]?\s*\b(?:incl\.?|including)\s*\d+\s+(?:new\s+)?"
    r"(?:starters?|joiners?|hires?|users?|seats?|staff|employees?|leavers?)\b[^()\[\]]*[)\]]?\s*$",
    re.IGNORECASE,
)


#: The seat's holder after the product ("Microsoft 365 E3 - J. Smith", "… (K. Brown)"): an initial
#: with its full stop and a surname, said of one person, never of a product.
_HOLDER_NOTE = re.compile(
    r"\s*(?:[-\u2013\u2014|,:]\s*|\()[A-Z]\.\s?(?:[A-Z]\.\s?)?[A-Z][a-z'\-]+\)?\s*$"
)


def without_history(spelling: str) -> str:
    """The spelling without a trailing note of what the line was before a change, of whom its
    count takes in, or of whose seat it is."""
    for note in (_COUNT_NOTE, _HISTORY_NOTE, _COUNT_NOTE, _HOLDER_NOTE):  # in either order
        if note.search(spelling):
            spelling = note.sub("", spelling) or spelling
    return spelling


def unlabelled(spelling: str) -> str:
    """A PSA spelling without the label its export puts before names ("Secure Workplace Pack -
    CyberAware Pro" → "CyberAware Pro"): the bundle's words are no product's. Never down to an
    edition alone ("Virtual Desktop - Standard"): the label then says which product; nor past a
    label of words many kinds of product use ("Licensing:Cloud PC (Standard)") or of the maker's
    ("Microsoft 365 - Apps for Business")."""
    spelling = without_history(spelling)
    found = label_and_rest(spelling, _LABELS[0])
    if found is None or editions_only(product_key(found[1]).split()):
        return spelling
    head, rest = found[0].split(), found[1]
    # a label of kind words only ("Cloud" of "Licensing:Cloud PC") may be the product's own, and
    # one that names the maker ("Microsoft 365 - Apps for Business") is the product's family
    if all(map(names_a_kind_only, head)) or any(w in MAKER or w.isdigit() for w in head):
        return spelling
    return rest


def _resolve_all(
    catalogue: Catalogue,
    side: str,
    descriptors: set[Descriptor],
    cutoff: float,
    notes: Notes | None = None,
) -> dict[Descriptor, ProductMatch]:
    out: dict[Descriptor, ProductMatch] = {}
    for name, ids in sorted(descriptors):  # one order, whatever the hash seed
        resolution: Resolution = catalogue.resolve(name, ids, cutoff=cutoff)
        bare = name
        for _ in range(MOST_NOTES):  # "PowerBI Pro (moved from old tenant) - warehouse"
            if resolution.product is not None or notes is None or not (bare := notes.bare(bare)):
                break
            resolution = catalogue.resolve(bare, ids, cutoff=cutoff)
        if (
            resolution.product is None
            and notes is not None
            and (whole := notes.whole_name(name)) in catalogue.by_name
        ):  # "Abonim vjetor Power BI Pro": a label seen once, before a whole name
            resolution = Resolution(
                catalogue.products[catalogue.by_name[whole]], "name fit", WHOLE_NAME
            )
        if resolution.product is not None:
            product = resolution.product
            out[(name, ids)] = ProductMatch(
                side,
                name,
                product.key,
                product.name,
                resolution.method,
                resolution.confidence,
                True,
                product.free,
                evidence=(
                    f"holds the whole name of {product.name!r} among words that name nothing else"
                    if resolution.method == "name fit"
                    else ""
                ),
            )
        else:
            # outside every catalogue: the vendor's own spelling names the product (sure); a PSA
            # spelling is sure only once it is paired with a vendor product (below, or in context)
            out[(name, ids)] = ProductMatch(
                side,
                name,
                own_key(name),
                display_name(name),
                "name" if side == "vendor" else "unknown",
                1.0 if side == "vendor" else 0.0,
                False,
            )
    return out


def match_products(
    vendor: set[Descriptor],
    psa: set[Descriptor],
    *,
    aliases: Mapping[str, str] | None = None,
    psa_alternates: Mapping[Descriptor, str] | None = None,
    thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
) -> tuple[dict[Descriptor, ProductMatch], dict[Descriptor, ProductMatch]]:
    """Resolve each side's distinct product descriptors to shared keys (``thresholds``:
    ``Settings.match``)."""
    catalogue = load_catalogue()
    cutoff = thresholds.product_name_score
    vendor_matches = _resolve_all(catalogue, "vendor", vendor, cutoff)
    notes = note_reader(catalogue, (name for name, _ in psa), (name for name, _ in vendor))
    _LABELS[:] = [notes.labels]
    psa_matches = _resolve_all(catalogue, "psa", psa, cutoff, notes)
    _use_second_names(
        psa_matches, psa_alternates or {}, catalogue, cutoff, notes, vendor_matches.values()
    )
    _apply_aliases(vendor_matches, psa_matches, aliases or {}, catalogue, cutoff)
    _pair_unknown_names(vendor_matches, psa_matches, cutoff, notes)
    _name_vendor_spellings_by_the_psa(vendor_matches, psa_matches)
    return vendor_matches, psa_matches


def _use_second_names(
    psa_matches: dict[Descriptor, ProductMatch],
    psa_alternates: Mapping[Descriptor, str],
    catalogue: Catalogue,
    cutoff: float,
    notes: Notes,
    vendor_matches: Iterable[ProductMatch],
) -> None:
    """A PSA line with a second name column: its second name, when the first is not recognised —
    neither in the catalogue nor the name of a product the bill names ("Keeper Business" beside
    its item code "LIC-PR-BUS" is the bill's Keeper Business, whatever the code's letters spell)."""
    billed = {match.key for match in vendor_matches}
    for descriptor, alternate in psa_alternates.items():
        match = psa_matches.get(descriptor)
        if match is not None and not match.in_catalogue and alternate and match.key not in billed:
            second = _resolve_all(catalogue, "psa", {(alternate, ())}, cutoff, notes)[
                (alternate, ())
            ]
            if second.in_catalogue and not (
                second.method == "fuzzy" and " " not in alternate.strip()
            ):
                # (an item code's letters read loosely name nothing: "LIC-PR-BUS" is no
                # Business Premium)
                psa_matches[descriptor] = ProductMatch(
                    "psa",
                    descriptor[0],
                    second.key,
                    second.product,
                    second.method,
                    second.confidence,
                    True,
                    second.free,
                )


def _apply_aliases(
    vendor_matches: dict[Descriptor, ProductMatch],
    psa_matches: dict[Descriptor, ProductMatch],
    aliases: Mapping[str, str],
    catalogue: Catalogue,
    cutoff: float,
) -> None:
    """The user's Product Aliases: each PSA spelling named there is the vendor product it names."""
    vendor_by_spelling = {product_key(m.spelling): m for m in vendor_matches.values()}
    for vendor_spelling, psa_spelling in aliases.items():
        target = vendor_by_spelling.get(product_key(vendor_spelling))
        if target is None:
            resolved = catalogue.resolve(vendor_spelling, cutoff=cutoff)
            if resolved.product is None:
                continue
            target = ProductMatch(
                "vendor",
                vendor_spelling,
                resolved.product.key,
                resolved.product.name,
                "alias",
                1.0,
                True,
                resolved.product.free,
            )
        wanted = product_key(psa_spelling)
        for descriptor in list(psa_matches):
            if product_key(descriptor[0]) == wanted:
                psa_matches[descriptor] = ProductMatch(
                    "psa",
                    descriptor[0],
                    target.key,
                    target.product,
                    "alias",
                    1.0,
                    target.in_catalogue,
                    target.free,
                )


def _name_vendor_spellings_by_the_psa(
    vendor: dict[Descriptor, ProductMatch], psa: Mapping[Descriptor, ProductMatch]
) -> None:
    """A vendor spelling no catalogue name settles ("MS NCE TEAMS PHONE 1YR": Teams Phone which?)
    is the one catalogue product the PSA bills, and the vendor names nowhere else, that every word
    of it fits; with two such products, it stays the vendor's own."""
    vendor_keys = {m.key for m in vendor.values()}
    billed = {m.key: m for m in psa.values() if m.in_catalogue and m.key not in vendor_keys}
    if not billed:
        return
    for descriptor, match in sorted(vendor.items()):
        if match.in_catalogue or match.method == "alias":
            continue
        words = match.key.removeprefix("name:")
        fitting = [
            m for _, m in sorted(billed.items()) if fit(words, product_key(m.product)) is not None
        ]
        if len(fitting) != 1:
            continue
        target = fitting[0]
        vendor[descriptor] = ProductMatch(
            "vendor",
            match.spelling,
            target.key,
            target.product,
            "fuzzy",
            0.85,
            True,
            target.free,
            evidence=f"every word fits {target.product!r}, the one such product the PSA bills",
        )


def _pair_unknown_names(
    vendor: dict[Descriptor, ProductMatch],
    psa: dict[Descriptor, ProductMatch],
    cutoff: float,
    notes: Notes,
) -> None:
    """Products in no catalogue: PSA spellings adopt the key of the vendor spelling they match,
    read without their note of who or where the line is for when that alone does not match
    ("Keeper Enterprise - Associates")."""
    vendor_unknown = {m.key[5:]: m for m in vendor.values() if not m.in_catalogue}
    if not vendor_unknown:
        return
    vendor_unknown |= _without_unit_notes(vendor_unknown)
    choices = list(vendor_unknown)
    makers = _makers_names(choices)  # once per bill, not per PSA spelling
    for descriptor, match in list(psa.items()):
        if match.in_catalogue or match.method == "alias":
            continue
        if "one-off" in service_words(match.spelling):
            continue  # "Upgrade to Keeper Ent - prorata": the charge for a change, no seat of it
        keys = [match.key[5:]]
        bare = match.spelling
        for _ in range(MOST_NOTES):  # "… – Remote staff - split 50/50 Admin/Clinical"
            if not (bare := notes.bare(bare)):
                break
            if bare_key := product_key(bare):
                keys.append(bare_key)
        for key in keys:
            paired = _pair_unknown(key, match.spelling, vendor_unknown, choices, makers, cutoff)
            if paired is not None:
                psa[descriptor] = paired
                break
        else:  # "Abonim mujor DSG-ESIG-BP – Docusign eSignature Business Pro (billed on the 5th)"
            whole = notes.whole_name(match.spelling)
            if whole is not None and whole in vendor_unknown:
                target = vendor_unknown[whole]
                psa[descriptor] = ProductMatch(
                    "psa",
                    match.spelling,
                    target.key,
                    target.product,
                    "name fit",
                    WHOLE_NAME,
                    False,
                    evidence=f"holds the whole name of the vendor's {target.product!r} among "
                    "words that name nothing else",
                )


def _without_unit_notes(vendor_unknown: Mapping[str, ProductMatch]) -> dict[str, ProductMatch]:
    """A bill's product spelled with a note of what it counts ("Huntress Managed EDR - Endpoint",
    "Keeper Security Enterprise - User") is also known without it, when no other product of the
    bill shares the rest of its name (then the note tells them apart)."""
    bare: dict[str, set[str]] = {}
    for key, match in vendor_unknown.items():
        if (parts := split_note(match.spelling)) is not None and (rest := product_key(parts[0])):
            bare.setdefault(rest, set()).add(key)
    return {
        rest: vendor_unknown[next(iter(keys))]
        for rest, keys in bare.items()
        if len(keys) == 1 and rest not in vendor_unknown
    }


def _pair_unknown(
    key: str,
    spelling: str,
    vendor_unknown: Mapping[str, ProductMatch],
    choices: list[str],
    makers: frozenset[str],
    cutoff: float,
) -> ProductMatch | None:
    """The vendor product outside every catalogue that the PSA spelling's key names, if one."""
    if key in vendor_unknown:
        target = vendor_unknown[key]
        return ProductMatch("psa", spelling, target.key, target.product, "name", 1.0, False)
    wanted = discriminators(key)
    for name, score, _ in process.extract(
        key, choices, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=5
    ):
        if (
            discriminators(name) == wanted
            and fit(key, name) is not None
            and not _stem_of_others(key, name, choices)
            and not _another_products_word(key, name, choices)
        ):
            target = vendor_unknown[name]
            return ProductMatch(
                "psa",
                spelling,
                target.key,
                target.product,
                "fuzzy",
                round(score / 100, 2),
                False,
            )
    fits = sorted(
        (found.rank, name)
        for name in choices
        if (found := strict_fit(key, name)) is not None
        and not _another_products_word(key, name, choices)
    )
    if (
        fits
        and (len(fits) == 1 or fits[0][0] < fits[1][0])
        and not _stem_of_others(key, fits[0][1], choices)
    ):
        target = vendor_unknown[fits[0][1]]
        return ProductMatch(
            "psa",
            spelling,
            target.key,
            target.product,
            "fuzzy",
            0.9,
            False,
            evidence=f"every word fits the vendor's {target.product!r}",
        )
    return _maker_and_all_but_one_word(key, spelling, vendor_unknown, choices, makers)


def _another_products_word(key: str, name: str, choices: list[str]) -> bool:
    """A word of the description that is, exactly, the first word (the maker's) of another product
    of the bill and only shares letters with this name's words: "ESET Prot. Adv" names the maker
    ESET, whatever "Proofpoint Essentials - Advanced Package" spells with the same letters."""
    own = set(name.split())
    others = {other.split()[0] for other in choices if other != name} - own
    return any(
        word in others
        and not word.isdigit()
        and not any(shortened_as_bills_do(word, name_word) for name_word in own)
        for word in key.split()
    )


def _stem_of_others(key: str, name: str, choices: list[str]) -> bool:
    """A description that leaves words out of the name it fits and says no more than the stem
    other products of the bill share ("Acronis Cyber Protect Cloud" beside its Workstation, Server
    and Microsoft 365 editions): which edition it is the client's context may tell, the name not."""
    words = set(key.split())
    return words != set(name.split()) and any(
        other != name and words <= set(other.split()) for other in choices
    )


def _a_sibling_but_for(shorter: str, name: str, choices: list[str]) -> bool:
    """Another product of the bill is ``shorter`` with one other word: the word dropped from
    ``name`` is what tells the two apart ("Acronis Cyber Protect Cloud - Workstation" and "… -
    Server"), so a description without it ("… - Servidor") is neither by its name."""
    words = shorter.split()
    for other in choices:
        if other == name:
            continue
        other_words = other.split()
        if len(other_words) == len(words) + 1 and any(
            other_words[:i] + other_words[i + 1 :] == words for i in range(len(other_words))
        ):
            return True
    return False


def _makers_names(choices: list[str]) -> frozenset[str]:
    """Makers whose every product on the bill has the same second word, two products or more:
    "Keeper Security Business", "Keeper Security Enterprise" — "Security" is the maker's name."""
    seconds: dict[str, set[str]] = {}
    products: dict[str, int] = {}
    for name in choices:
        first, *rest = name.split()
        seconds.setdefault(first, set()).add(rest[0] if rest else "")
        products[first] = products.get(first, 0) + 1
    return frozenset(m for m, second in seconds.items() if len(second) == 1 and products[m] >= 2)


def _maker_and_all_but_one_word(
    key: str,
    spelling: str,
    vendor_unknown: Mapping[str, ProductMatch],
    choices: list[str],
    makers_names: frozenset[str],
) -> ProductMatch | None:
    """ "Keeper Enterprise" for the bill's "Keeper Security Enterprise": the description names the
    maker (the name's first word) and every other word of the name but one that tells no
    look-alikes apart, and no other product of the bill fits it that way."""
    words = key.split()
    if len(meaningful(key)) < 2:
        return None
    found: dict[str, tuple[str, str]] = {}
    for name in choices:
        name_words = name.split()
        if len(name_words) < 3 or name_words[0] not in words:
            continue
        for index in range(1, len(name_words)):
            dropped = name_words[index]
            part_of_maker = index == 1 and name_words[0] in makers_names
            if any(c.isdigit() for c in dropped) or (discriminators(dropped) and not part_of_maker):
                continue
            shorter = " ".join(name_words[:index] + name_words[index + 1 :])
            if _a_sibling_but_for(shorter, name, choices):
                continue  # "Workstation" tells it from the bill's "… Server": no word to drop
            fitted = fit(key, shorter)
            if fitted is not None and fitted.missing == 0:
                found.setdefault(vendor_unknown[name].key, (name, dropped))
    if len(found) != 1:
        return None
    name, dropped = next(iter(found.values()))
    target = vendor_unknown[name]
    return ProductMatch(
        "psa",
        spelling,
        target.key,
        target.product,
        "fuzzy",
        0.85,
        False,
        evidence=f"names the maker and every word of the vendor's {target.product!r} but "
        f"{dropped!r}",
    )
