"""Match the vendor's customer names to the PSA's company names, one to one.

Tiers, in order (splink-style: ordered levels, blocking before fuzzy):
``exact`` normalised name → ``alias`` (the user's vendor → PSA spellings) → ``domain`` (the tenant
domain ``contosodental.onmicrosoft.com`` spells the company) → ``fuzzy`` within blocks that share a
word or a name prefix, so the work grows with the number of clients, not its square.

A fuzzy pair is refused when each name keeps a word the other lacks and those words are not typos of
each other: "Northwind Dental Group" and "Northwind Dental Lab" are different customers. Assignment is
one to one, best score first, and a vendor name with two near-equal candidates stays unmatched.

Names are compared by their keys (``engine.match.client_keys``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from engine.folding import folded
from engine.match.basket_swaps import uncross
from engine.match.client_baskets import pair_by_basket
from engine.match.client_evidence import QUALIFIERS, basket_overlap, name_fit, pair_by_evidence
from engine.match.client_keys import (
    FIGURE_WORDS,
    GENERIC_WORDS,
    STOP_WORDS,
    client_key,
    domain_label,
    in_latin_letters,
)
from engine.match.client_notes import YEAR, ended_at_the_legal_form, without_account_notes
from engine.match.client_siblings import (
    NO_SIBLINGS,
    Siblings,
    crosses_siblings,
    numbers_in,
    sibling_words,
)
from engine.match.domain_names import domain_named_pairs
from engine.match.given_names import full_names_of
from engine.match.initials import initials_pairs
from engine.match.legal_forms import (
    is_legal_form,
)
from engine.match.legal_twins import crosses_the_twin, different_forms, in_english, legal_kind
from engine.match.name_tails import (
    lost_letter_pairs,
    noted_names,
    slipped_part_pairs,
    stems,
    tail_pairs,
)
from engine.match.romanised import chinese_pairs, malay_pairs, romanised_pairs, script_pairs
from engine.match.second_names import (
    SECOND_NAME,
    SECOND_NAME_CONFIDENCE,
    second_names,
    second_tenants,
)
from engine.match.tax_pairs import same_tax_number
from engine.match.trading_names import TRADING_AS
from engine.match.translated_names import translated_pairs
from engine.settings import MatchThresholds

DEFAULT_THRESHOLDS = MatchThresholds()


@dataclass(frozen=True)
class ClientMatch:
    """One vendor customer paired with one PSA company (either may be ``None`` when unmatched)."""

    vendor_key: str | None
    psa_key: str | None
    vendor_name: str
    psa_name: str
    method: str  # exact, alias, domain, fuzzy, evidence, basket, second name, unmatched
    confidence: float
    evidence: str = ""


#: A tenant's domain is cut short ("wildflowerelectricalservic"): a label this long that starts
#: exactly one PSA name still spells it.
_CUT_DOMAIN = 12


def _domain_pairs(
    free_vendor: Mapping[str, str],
    free_psa: Mapping[str, str],
    vendor_domains: Mapping[str, Iterable[str]],
) -> list[tuple[str, str]]:
    """Vendor clients whose tenant domain spells one PSA name: ``contosodental.onmicrosoft.com``
    is Contoso Dental, and so is a domain cut short at the start of exactly one PSA name."""
    compact_psa: dict[str, list[str]] = defaultdict(list)
    typed_psa: dict[str, list[str]] = defaultdict(list)
    for psa_key, psa_name in free_psa.items():
        compact_psa[psa_key.replace(" ", "")].append(psa_key)
        # the name as typed, run together ("thehearingcentre" for "The Hearing Centre", whose
        # key spells it "hearing center"): the whole label only, never a cut one's beginning
        typed = _LETTERS_ONLY.sub("", folded(psa_name).lower()).removeprefix("the")
        if typed and typed != psa_key.replace(" ", ""):
            typed_psa[typed].append(psa_key)
    ordered = sorted(compact_psa)
    # two of the bill's companies that differ only in their legal form ("Meyer Printing LLC",
    # "Meyer Printing Pty Ltd"): a domain spells both names, so it tells neither apart
    cores = Counter(_core_compact(key) for key in free_vendor)
    taken: set[str] = set()
    pairs = []
    for vendor_key in list(free_vendor):
        core = _core_compact(vendor_key)
        for domain in sorted(vendor_domains.get(vendor_key, ())):
            label = domain_label(domain)
            if cores[core] > 1 and (label.startswith(core) or core.startswith(label)):
                continue  # (a trading name's domain, "theloftstudio", tells the twins apart)
            # "theloftstudio.onmicrosoft.com": the article the name's key leaves out
            found = (
                compact_psa.get(label, [])
                or compact_psa.get(label.removeprefix("the"), [])
                or typed_psa.get(label.removeprefix("the"), [])
            )
            if not found and len(label) >= _CUT_DOMAIN:
                at = bisect_left(ordered, label)
                starting = []
                while at < len(ordered) and ordered[at].startswith(label):
                    starting.extend(compact_psa[ordered[at]])
                    at += 1
                # a cut may drop a site's number: "…clinic" of Clinic 15 is not Clinic 27
                numbers = numbers_in(vendor_key)
                found = [k for k in starting if numbers_in(k) == numbers]
            if len(found) == 1 and found[0] not in taken:
                taken.add(found[0])
                pairs.append((vendor_key, found[0]))
                break
    return pairs


_LETTERS_ONLY = re.compile(r"[^a-z0-9]")


def _core_compact(key: str) -> str:
    """A client key without its legal forms, its spaces closed."""
    return "".join(w for w in key.split() if not is_legal_form(w))


#: A trading name with its owner beside it: "Tallow House - Côté Ltée", "Lantern Lab (Whitlam)".
_OWNER = re.compile(r"^.+?\s+[-\u2013]\s+([^-\u2013]+)$|^.+?\S\s*\(([^()]+)\)\s*$")


def owners_named(names: Mapping[str, str]) -> dict[str, str]:
    """Each client key whose name names an owner beside a trading name, and the owner's key."""
    found: dict[str, str] = {}
    for key, name in names.items():
        if (match := _OWNER.match(name)) is not None:
            owner = client_key(match.group(1) or match.group(2))
            if owner and owner != key:
                found[key] = owner
    return found


def _distinct_words_conflict(a: str, b: str) -> bool:
    """True when the names carry different numbers ("Store 12" is not "Store 15", nor "Sunrise
    Engineering 75" plain "Sunrise Engineering"), or when each keeps a word the other lacks and the
    two are not typos of each other."""
    if numbers_in(a) != numbers_in(b):
        return True
    left = {w for w in set(a.split()) - set(b.split()) - STOP_WORDS if not is_legal_form(w)}
    right = {w for w in set(b.split()) - set(a.split()) - STOP_WORDS if not is_legal_form(w)}
    if (left | right) & _FAMILY:  # "Bouchard & Sons Architecture Studio" is another firm
        return True
    if not left or not right:
        return False
    return not any(
        fuzz.ratio(x, y) >= 80 or _shortens(x, y) or _shortens(y, x) for x in left for y in right
    )


#: Words that make a family firm of a name: one name with them and one without are two firms.
_FAMILY = frozenset(["sons", "son", "daughters", "brothers", "bros", "sisters"])
_VOWELS = frozenset("aeiouy")


def _shortens(short: str, word: str) -> bool:
    """A word's consonants written as its shortening ("Gp", "Mngmt" for Group, Management): its
    first letter, then letters of it in order, and no vowel."""
    return (
        2 <= len(short) <= 5
        and len(word) >= len(short) + 2
        and short[0] == word[0]
        and short.isalpha()
        and _VOWELS.isdisjoint(short)
        and _in_order(short, word)
    )


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def match_clients(
    vendor_names: Mapping[str, str],
    psa_names: Mapping[str, str],
    *,
    vendor_domains: Mapping[str, Iterable[str]] | None = None,
    vendor_ids: Mapping[str, Iterable[str]] | None = None,
    tax_numbers: tuple[Mapping[str, set[str]], Mapping[str, set[str]]] | None = None,
    aliases: Mapping[str, str] | None = None,
    vendor_baskets: Mapping[str, Mapping[str, Decimal]] | None = None,
    psa_baskets: Mapping[str, Mapping[str, Decimal]] | None = None,
    thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
) -> list[ClientMatch]:
    """Pair vendor client keys with PSA client keys.

    ``vendor_names``/``psa_names`` map each client key to its display name; ``vendor_domains`` maps a
    vendor key to its tenant domains and ``vendor_ids`` to the bill's customer numbers; ``aliases``
    maps vendor spellings to PSA spellings; ``tax_numbers`` each side's tax and register numbers
    by client key (one company, whatever each side calls it);
    ``thresholds`` (``Settings.match``) say how alike names must be.
    """
    run = _Pairing(vendor_names, psa_names, vendor_baskets or {}, psa_baskets or {})
    if tax_numbers is not None:  # before any name: a register's number names one company
        for vendor_key, psa_key, number in same_tax_number(
            dict(run.free_vendor), dict(run.free_psa), *tax_numbers
        ):
            run.pair(
                vendor_key, psa_key, "id", 0.95, f"the same tax number, {number}", by_name=False
            )
    _pair_by_names(run, vendor_domains or {}, aliases or {})
    siblings = sibling_words(vendor_names, psa_names)
    for vendor_key, psa_key, score in _fuzzy_pairs(run.vendors(), run.psas(), thresholds, siblings):
        if not _baskets_deny_a_word_more(run, vendor_key, psa_key):
            run.pair(vendor_key, psa_key, "fuzzy", round(score / 100, 2), f"name {score / 100:.2f}")
    vendor_baskets, psa_baskets = vendor_baskets or {}, psa_baskets or {}
    for pairing in pair_by_evidence(
        run.vendors(),
        run.psas(),
        vendor_baskets,
        psa_baskets,
        block_limit=thresholds.block_limit,
        siblings=siblings,
    ):
        run.pair(
            pairing.vendor_key, pairing.psa_key, "evidence", pairing.confidence, pairing.evidence
        )
    # what a book keeps around a name, once names, typos and baskets have had their say: check
    # first, as a name read without its tail always is
    for vendor_key, psa_key in tail_pairs(dict(run.free_vendor), dict(run.free_psa), _known_names):
        run.pair(vendor_key, psa_key, "fuzzy", 0.75, "the same name, a note or a tag beside it")
    for vendor_key, psa_key in slipped_part_pairs(
        dict(run.free_vendor), dict(run.free_psa), _known_names
    ):
        run.pair(vendor_key, psa_key, "fuzzy", 0.75, "a name it holds, but for a slip of the pen")
    for vendor_key, psa_key in lost_letter_pairs(
        dict(run.free_vendor), dict(run.free_psa), _known_names
    ):
        run.pair(vendor_key, psa_key, "fuzzy", 0.75, "the same name, letters its export lost")
    _pair_without_notes(run, thresholds, siblings)
    for by_basket in pair_by_basket(
        run.vendors(),
        run.psas(),
        vendor_baskets,
        psa_baskets,
        siblings=siblings,
        all_names=[*vendor_names, *psa_names],
        owners=owners_named(run.free_psa),
        formal=frozenset(  # ("Co" alone is as often the name's word: "Cobalt Co")
            key
            for names in (run.free_vendor, run.free_psa)
            for key, name in names.items()
            if legal_kind(name) not in ("", "co")
        ),
    ):
        run.pair(
            by_basket.vendor_key,
            by_basket.psa_key,
            "basket",
            by_basket.confidence,
            by_basket.evidence,
        )
    # a name read without its tail that two twins could claim, once baskets paired one of them:
    # the other, where what it buys agrees
    for vendor_key, psa_key in tail_pairs(dict(run.free_vendor), dict(run.free_psa), _known_names):
        if vendor_baskets.get(vendor_key, {}).keys() & psa_baskets.get(psa_key, {}).keys():
            run.pair(vendor_key, psa_key, "fuzzy", 0.75, "the same name, a note or a tag beside it")
    run.matches = uncross(run.matches, vendor_baskets, psa_baskets)
    for second in second_names(
        run.pairs(),
        run.free_psa,
        run.names,
        vendor_baskets,
        psa_baskets,
        siblings=siblings,
    ):
        run.join(second.vendor_key, second.psa_key, second.evidence)
    for tenant in second_tenants(
        run.pairs(),
        run.vendors(),
        run.names,
        vendor_baskets,
        psa_baskets,
        vendor_ids=vendor_ids or {},
    ):
        run.join(tenant.vendor_key, tenant.psa_key, tenant.evidence, tenant=True)
    return run.finished(thresholds.block_limit)


def _pair_without_notes(run: _Pairing, thresholds: MatchThresholds, siblings: Siblings) -> None:
    """The name tiers once more (names, typos, names with what they buy), each name with a note
    beside it read without the note (:func:`noted_names`); a pair only where a note was set
    aside on one side, and checked first, as a name read without its tail always is."""
    vendor_notes = noted_names(run.free_vendor, run.names[0])
    psa_notes = noted_names(run.free_psa, run.names[1])
    if not vendor_notes and not psa_notes:
        return
    vendors = {vendor_notes[k][0] if k in vendor_notes else k: k for k in run.free_vendor}
    psas = {psa_notes[k][0] if k in psa_notes else k: k for k in run.free_psa}
    sub = _Pairing(
        {
            s: vendor_notes[k][1] if k in vendor_notes else run.free_vendor[k]
            for s, k in vendors.items()
        },
        {s: psa_notes[k][1] if k in psa_notes else run.free_psa[k] for s, k in psas.items()},
        {s: run.vendor_baskets.get(k, {}) for s, k in vendors.items()},
        {s: run.psa_baskets.get(k, {}) for s, k in psas.items()},
    )
    _pair_by_names(sub, {}, {})
    for vendor, psa, score in _fuzzy_pairs(sub.vendors(), sub.psas(), thresholds, siblings):
        if not _baskets_deny_a_word_more(sub, vendor, psa):
            sub.pair(vendor, psa, "fuzzy", round(score / 100, 2), f"name {score / 100:.2f}")
    for pairing in pair_by_evidence(
        sub.vendors(),
        sub.psas(),
        sub.vendor_baskets,
        sub.psa_baskets,
        block_limit=thresholds.block_limit,
        siblings=siblings,
    ):
        sub.pair(
            pairing.vendor_key, pairing.psa_key, "evidence", pairing.confidence, pairing.evidence
        )
    for match in sub.matches:
        assert match.vendor_key is not None and match.psa_key is not None
        vendor_key, psa_key = vendors[match.vendor_key], psas[match.psa_key]
        if (vendor_key != match.vendor_key) != (psa_key != match.psa_key):
            # a note set aside on one side only: two notes ("… - North", "… - South") may be
            # what tells two branches apart
            run.pair(
                vendor_key,
                psa_key,
                match.method,
                min(_NOTED_CONFIDENCE, match.confidence),
                ", ".join(filter(None, [match.evidence, "the note beside a name set aside"])),
            )


#: How sure a pair is that needed a name's note set aside: check first, as tail pairs are.
_NOTED_CONFIDENCE = 0.75


def pair_leftovers_by_basket(
    matches: list[ClientMatch],
    vendor_baskets: Mapping[str, Mapping[str, Decimal]],
    psa_baskets: Mapping[str, Mapping[str, Decimal]],
    all_names: Iterable[str],
) -> list[ClientMatch]:
    """``matches`` with the clients left alone on both sides paired by what they buy, once every
    line's product has been read in its context (a client's name romanised another way, "Yi &
    Partners Joinery" for "Lee & Partners Joinery", is paired only by its basket, and its products
    were named in words the matcher read after the names). The basket tier's own guards apply;
    such a pair is checked first."""
    free_vendor = {
        m.vendor_key: m.vendor_name for m in matches if m.psa_key is None and m.vendor_key
    }
    free_psa = {m.psa_key: m.psa_name for m in matches if m.vendor_key is None and m.psa_key}
    if not free_vendor or not free_psa:
        return matches
    found = pair_by_basket(
        list(free_vendor),
        list(free_psa),
        vendor_baskets,
        psa_baskets,
        siblings=sibling_words(free_vendor, free_psa),
        all_names=all_names,
        owners=owners_named(free_psa),
        formal=frozenset(
            key
            for names in (free_vendor, free_psa)
            for key, name in names.items()
            if legal_kind(name) not in ("", "co")
        ),
    )
    if not found:
        return matches
    paired_vendor, paired_psa = {p.vendor_key for p in found}, {p.psa_key for p in found}
    kept = [
        m
        for m in matches
        if m.method != "unmatched"
        or (m.psa_key is None and m.vendor_key not in paired_vendor)
        or (m.vendor_key is None and m.psa_key not in paired_psa)
    ]
    return kept + [
        ClientMatch(
            p.vendor_key,
            p.psa_key,
            free_vendor[p.vendor_key],
            free_psa[p.psa_key],
            "basket",
            min(p.confidence, _NOTED_CONFIDENCE),
            f"{p.evidence}, once every line's product was read",
        )
        for p in found
    ]


class _Pairing:
    """The clients still free on each side and the pairs made so far, tier by tier."""

    def __init__(
        self,
        vendor_names: Mapping[str, str],
        psa_names: Mapping[str, str],
        vendor_baskets: Mapping[str, Mapping[str, Decimal]],
        psa_baskets: Mapping[str, Mapping[str, Decimal]],
    ) -> None:
        self.matches: list[ClientMatch] = []
        self.names = (vendor_names, psa_names)
        self.free_vendor = dict(vendor_names)
        self.free_psa = dict(psa_names)
        self.vendor_baskets, self.psa_baskets = vendor_baskets, psa_baskets
        #: keys the bill names with two kinds of legal form, each kept in its own key
        #: (engine.match.legal_twins): "muller steuerberatung" for "… gmbh" and "… kg"
        self.twin_bases = _twin_bases(vendor_names)
        #: the keys of those twins: a legal form tells each from the other
        self.twin_keys = {key for keys in self.twin_bases.values() for key in keys}
        #: keys the vendor names with and without "The" (engine.match.legal_twins)
        self.the_twins = {key for key in vendor_names if f"the {key}" in vendor_names}

    def vendors(self) -> list[str]:
        return list(self.free_vendor)

    def psas(self) -> list[str]:
        return list(self.free_psa)

    def pair(
        self,
        vendor_key: str,
        psa_key: str,
        method: str,
        confidence: float,
        evidence: str = "",
        *,
        by_name: bool = True,
    ) -> None:
        """Pair two free clients; a pair made by names alone never crosses "The" twins, nor
        names whose legal forms differ in kind unless what they buy agrees."""
        if by_name and crosses_the_twin(vendor_key, self.free_psa[psa_key], self.the_twins):
            return
        if method in _BY_NAME and self._other_company(vendor_key, psa_key):
            return
        self.matches.append(
            ClientMatch(
                vendor_key,
                psa_key,
                self.free_vendor.pop(vendor_key),
                self.free_psa.pop(psa_key),
                method,
                confidence,
                evidence,
            )
        )

    def pairs(self) -> list[tuple[str, str]]:
        """The (vendor key, PSA key) pairs made so far."""
        return [(m.vendor_key, m.psa_key) for m in self.matches if m.vendor_key and m.psa_key]

    def join(self, vendor_key: str, psa_key: str, evidence: str, *, tenant: bool = False) -> None:
        """A free PSA client as a second name of a vendor client already paired, or with
        ``tenant`` a free vendor client as a second tenant of a PSA client already paired
        (engine.match.second_names): one client, under two names."""
        self.matches.append(
            ClientMatch(
                vendor_key,
                psa_key,
                self.free_vendor.pop(vendor_key) if tenant else self.names[0][vendor_key],
                self.names[1][psa_key] if tenant else self.free_psa.pop(psa_key),
                SECOND_NAME,
                SECOND_NAME_CONFIDENCE,
                evidence,
            )
        )

    def _other_company(self, vendor_key: str, psa_key: str) -> bool:
        """ "Bénard Immobilier SAS" in the PSA is not "Bénard Immobilier SARL" on the bill by its
        name, nor by a tenant domain spelled from it: two legal forms of different kinds are two
        companies, unless two products or more, half the smaller basket, are in both (the same
        company, its form mistyped)."""
        if self.free_vendor[vendor_key].casefold() == self.free_psa[psa_key].casefold():
            return False  # one name, one company (speed: most exact pairs)
        twins = self.twin_bases.get(psa_key, ())
        if (
            vendor_key in twins
            and sum(twin in self.free_vendor for twin in twins) > 1
            and not legal_kind(self.free_psa[psa_key])
        ):
            # "Müller Steuerberatung" beside the bill's "… GmbH" and "… GmbH & Co. KG": the name
            # says neither; what it buys may. Once one twin has found its own spelling, the name
            # is the other's.
            return True
        vendor_form = legal_kind(self.free_vendor[vendor_key])
        if not vendor_form:
            return False
        psa_form = legal_kind(self.free_psa[psa_key])
        if not psa_form:
            return False
        if not different_forms(frozenset(vendor_form.split()), frozenset(psa_form.split())):
            return False
        vendor = self.vendor_baskets.get(vendor_key, {})
        psa = self.psa_baskets.get(psa_key, {})
        common = vendor.keys() & psa.keys()
        shared = len(common)
        if vendor_key in self.twin_keys:
            # "K&L Surveying Ltd" beside the bill's "K&L Surveying LLC": on this bill the form is
            # what tells one company from its twin, so another form ("K&L Surveyors Inc.") is
            # another company unless what it buys is mostly this one's, in the same seats
            same_seats = sum(vendor[p] == psa[p] for p in common)
            return shared < 2 or shared * 2 < max(len(vendor), len(psa)) or same_seats * 2 < shared
        if in_english(vendor_form, psa_form):
            # "Nordlys Marine Tromsø AS" written "… Limited": the same kind of company, in
            # English; a product bought in common says it is this one
            return not shared
        if Levenshtein.distance(vendor_form, psa_form, score_cutoff=1) <= 1:
            # a letter apart ("LP" typed for "LLP", "A/S" for "ApS"): a slip as often as another
            # company, so only baskets that have nothing in common say it is another
            return bool(vendor) and bool(psa) and not shared
        return shared < 2 or shared * 2 < min(len(vendor), len(psa))

    def finished(self, block_limit: int) -> list[ClientMatch]:
        """The pairs, then every client left alone, with how like a name across it is."""
        free_vendor, free_psa = self.free_vendor, self.free_psa
        lookalikes = _lookalikes(list(free_vendor), list(free_psa), block_limit)
        self.matches.extend(
            _unmatched(k, n, "vendor", lookalikes, free_psa) for k, n in free_vendor.items()
        )
        self.matches.extend(
            _unmatched(k, n, "psa", lookalikes, free_vendor) for k, n in free_psa.items()
        )
        return self.matches


def _pair_by_names(
    run: _Pairing, vendor_domains: Mapping[str, Iterable[str]], aliases: Mapping[str, str]
) -> None:
    """The tiers that need nothing but names: exact keys, the user's aliases, tenant domains,
    trading names, names without their generic words, names cut short."""
    free_vendor, free_psa = run.free_vendor, run.free_psa
    for key in [k for k in free_vendor if k in free_psa]:
        run.pair(key, key, "exact", 1.0, by_name=False)
    for vendor_key, psa_key in _glued_pairs(free_vendor, free_psa):
        run.pair(vendor_key, psa_key, "exact", 0.95, "the same name, spaces apart")
    for vendor_key, psa_key in _pairs_ended_at_the_form(free_vendor, free_psa, run.names):
        run.pair(vendor_key, psa_key, "exact", 0.95, "the same name, a note after its legal form")
    for vendor_key, psa_key, evidence in _given_name_pairs(run):
        run.pair(vendor_key, psa_key, "fuzzy", 0.75, evidence)
    for vendor_spelling, psa_spelling in aliases.items():
        vendor_key, psa_key = client_key(vendor_spelling), client_key(psa_spelling)
        if vendor_key in free_vendor and psa_key in free_psa:
            run.pair(vendor_key, psa_key, "alias", 1.0, by_name=False)
    if vendor_domains:
        for vendor_key, psa_key in _domain_pairs(free_vendor, free_psa, vendor_domains):
            run.pair(vendor_key, psa_key, "domain", 0.95, by_name=False)
    for vendor_key, psa_key, evidence in domain_named_pairs(free_vendor, free_psa, *run.names):
        if not _buy_apart(run, vendor_key, psa_key):
            run.pair(vendor_key, psa_key, "domain", 0.9, evidence, by_name=False)
    labels = _domain_labels(free_vendor, vendor_domains)
    for vendor_key, psa_key in _trading_name_pairs(dict(free_vendor), dict(free_psa)):
        if labels.get(psa_key.replace(" ", ""), vendor_key) != vendor_key:
            continue  # "DandrRoofing": another client's tenant is so named ("D&R Roofing Ltd")
        run.pair(vendor_key, psa_key, "alias", 0.95)
    for vendor_key, psa_key in _core_pairs(list(free_vendor), list(free_psa)):
        run.pair(vendor_key, psa_key, "fuzzy", 0.9)
    for vendor_key, psa_key in initials_pairs(free_vendor, free_psa):
        run.pair(vendor_key, psa_key, "fuzzy", 0.85, "the same name, words written as initials")
    for vendor_key, psa_key in [
        *romanised_pairs(free_vendor, free_psa),
        *chinese_pairs(free_vendor, free_psa),
        *script_pairs(free_vendor, free_psa),
    ]:
        if vendor_key in free_vendor and psa_key in free_psa:
            run.pair(vendor_key, psa_key, "fuzzy", 0.75, "the same name, romanised another way")
    for vendor_key, psa_key in malay_pairs(free_vendor, free_psa):
        if vendor_key in free_vendor and psa_key in free_psa:
            run.pair(vendor_key, psa_key, "fuzzy", 0.75, "the same name, in the old spelling")
    for vendor_key, psa_key in translated_pairs(free_vendor, free_psa):
        if vendor_key in free_vendor and psa_key in free_psa:
            run.pair(vendor_key, psa_key, "fuzzy", 0.8, "the same company, its name translated")
    for vendor_key, psa_key, limit in _cut_pairs(free_vendor, free_psa):
        run.pair(vendor_key, psa_key, "fuzzy", 0.75, f"name cut at {limit} characters")


def _domain_labels(
    vendors: Mapping[str, str], vendor_domains: Mapping[str, Iterable[str]]
) -> dict[str, str]:
    """Each tenant domain's label ("dandrroofing" of dandrroofing.onmicrosoft.com) and the one
    vendor client whose domain it is, or "" where two clients' domains have it."""
    labels: dict[str, str] = {}
    for key in vendors:
        for domain in vendor_domains.get(key, ()):
            label = domain_label(domain)
            labels[label] = key if labels.get(label, key) == key else ""
    return labels


def _glued_pairs(vendors: Mapping[str, str], psas: Mapping[str, str]) -> list[tuple[str, str]]:
    """Names alike but for their spaces, one of each side: a compound written apart or joined
    ("Architecten Bureau Maes" / "Architectenbureau Maes", "Auto-Haus"), a web domain for a name
    ("greenleafcafestore15.com" for "Green Leaf Cafe Store 15")."""
    glued_vendor: dict[str, set[str]] = defaultdict(set)
    for key, name in vendors.items():
        for glued in _glued(key, name):
            glued_vendor[glued].add(key)
    glued_psa: dict[str, set[str]] = defaultdict(set)
    for key, name in psas.items():
        for glued in _glued(key, name):
            glued_psa[glued].add(key)
    pairs = {
        (next(iter(found)), next(iter(keys)))
        for glued, keys in glued_psa.items()
        if len(keys) == 1
        and len(glued) >= 8
        and len(found := glued_vendor.get(glued, set())) == 1
        and found != keys
    }
    vendor_used, psa_used = Counter(v for v, _ in pairs), Counter(p for _, p in pairs)
    return sorted((v, p) for v, p in pairs if vendor_used[v] == psa_used[p] == 1)


def _pairs_ended_at_the_form(
    vendors: Mapping[str, str], psas: Mapping[str, str], names: tuple[Mapping[str, str], ...]
) -> list[tuple[str, str]]:
    """A name with a note after its legal form ("Botha Accountants (Pty) Ltd (Managed 24x7)")
    and the same name without it on the other side, where no other client of its side ends there
    too ("Lockwood Dental Care Pty Ltd - North" and "- South" are two branches)."""
    pairs = []
    for free, others, all_names, flip in (
        (psas, vendors, names[1], False),
        (vendors, psas, names[0], True),
    ):
        ends = Counter(client_key(ended_at_the_legal_form(name)) for name in all_names.values())
        glued: dict[str, set[str]] = defaultdict(set)  # "Architecten Bureau Maes SRL (…)" too
        for other, other_name in others.items():
            for form in _glued(other, other_name):
                glued[form].add(other)
        for key, name in list(free.items()):
            ended_name = ended_at_the_legal_form(name)
            ended = client_key(ended_name)
            if ended == key or ends[ended] != 1:
                continue
            if ended not in others:
                found = {o for form in _glued(ended, ended_name) for o in glued.get(form, ())}
                if len(found) != 1:
                    continue
                ended = found.pop()
            pairs.append((key, ended) if flip else (ended, key))
    vendor_used, psa_used = Counter(v for v, _ in pairs), Counter(p for _, p in pairs)
    return [(v, p) for v, p in dict.fromkeys(pairs) if vendor_used[v] == psa_used[p] == 1]


def _given_name_pairs(run: _Pairing) -> list[tuple[str, str, str]]:
    """A sole trader's name with a given name's short form or initial on one side and the name in
    full on the other ("Peggy Bouchard Photography" / "Margaret Bouchard Photography Inc.", "L.
    Ingram Physiotherapy" / "Lucas Ingram Physiotherapy"), one of each side, where what they buy
    does not say otherwise (check first: a short form may be a brother's name)."""
    found: dict[tuple[str, str], str] = {}
    for free, others, flip in (
        (run.free_psa, run.free_vendor, False),
        (run.free_vendor, run.free_psa, True),
    ):
        initialled: dict[str, set[str]] | None = None  # built when a name has an initial (speed)
        for key, name in free.items():
            for own in {key, client_key(ended_at_the_legal_form(name))}:
                words = own.split()
                for i, word in enumerate(words):
                    for full in full_names_of(word):
                        other = " ".join([*words[:i], full, *words[i + 1 :]])
                        if other in others:
                            pair = (key, other) if flip else (other, key)
                            found[pair] = f"{word!r} is a short form of the given name {full!r}"
                    if len(word) == 1 and word.isalpha() and i + 1 < len(words):
                        # "L. Ingram Physiotherapy LLC" for "Lucas Ingram Physiotherapy LLC"
                        if initialled is None:
                            initialled = _by_initial(others)
                        for other in initialled.get(own, ()):
                            pair = (key, other) if flip else (other, key)
                            found[pair] = f"{word!r} is the initial of a given name"
    vendor_used, psa_used = Counter(v for v, _ in found), Counter(p for _, p in found)
    return [
        (v, p, evidence)
        for (v, p), evidence in sorted(found.items())
        if vendor_used[v] == psa_used[p] == 1 and not _buy_apart(run, v, p)
    ]


def _by_initial(keys: Mapping[str, str]) -> dict[str, set[str]]:
    """Keys by each form with one word (a name's, followed by another) cut to its initial."""
    index: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        words = key.split()
        for i, word in enumerate(words[:-1]):
            if len(word) >= 3 and word.isalpha():
                index[" ".join([*words[:i], word[0], *words[i + 1 :]])].add(key)
    return index


def _buy_apart(run: _Pairing, vendor_key: str, psa_key: str) -> bool:
    """Both sides buy something and nothing in common."""
    vendor, psa = run.vendor_baskets.get(vendor_key, {}), run.psa_baskets.get(psa_key, {})
    return bool(vendor) and bool(psa) and not set(vendor) & set(psa)


@lru_cache(maxsize=65536)
def _glued(key: str, name: str) -> frozenset[str]:
    """A name's letters without spaces, as a web domain writes it: no "and" nor "the" (the "&" a
    domain cannot hold), numbers in words ("tworivers"), "st" for "saint", "son" for "sons"
    ("millersonsbuilders.com"), and without a family name's particles ("v. Wyk" for "Van
    Wyk") or a year ("Mulder Accountants 1971 B.V."); from the key, and from the name as typed
    (the key reads "Logistiek" as the bill's "logistics", a domain does not). Cached: both tiers
    that compare names this way ask it for the same names."""
    typed = folded(in_latin_letters(without_account_notes(name))).lower()
    typed_words = re.findall(r"[a-z0-9]+", typed)
    variants = [key.split(), list(typed_words)]
    while len(typed_words) > 1 and is_legal_form(typed_words[-1]):
        typed_words.pop()  # "… Brewing Company Corp.": "firststreetbrewingcompany.com" keeps one
        variants.append(list(typed_words))
    variants += [
        [word for word in words if word not in _PARTICLES]
        for words in variants[:2]
        if not _PARTICLES.isdisjoint(words)
    ]
    variants += [
        [word for word in words if not YEAR.fullmatch(word)]
        for words in variants
        if any(YEAR.fullmatch(word) for word in words)
    ]
    found = set()
    for words in variants:
        words = [FIGURE_WORDS.get(word, word) for word in words if word not in ("and", "the")]
        found.add("".join(words).replace("saint", "st").replace("sons", "son"))
    return frozenset(found)


#: The particles of Dutch, Flemish, Afrikaans and German family names and their shorthand: "v.
#: Wyk" is "Van Wyk", "v.d. Berg" "van der Berg" (compared without them, one of each side).
_PARTICLES = frozenset(["van", "von", "vom", "der", "den", "de", "ter", "ten", "te", "v", "vd"])


#: Tiers whose pairs rest on the names (a tenant domain is spelled from one; "evidence" weighs a
#: name against a basket that may be empty)
_BY_NAME = frozenset(["exact", "fuzzy", "domain", "evidence"])


def _twin_bases(vendor_names: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The keys, without their legal form, of the companies the bill names with two kinds of it,
    each with the twins' keys (only keys that share all but their last word or two are read:
    speed)."""
    by_base: dict[str, list[str]] = defaultdict(list)
    for key in vendor_names:
        words = key.split()
        if not words or not is_legal_form(words[-1]):
            continue  # a twin's key ends in its kind of form ("… gmbh", "… co ltd")
        for cut in (1, 2):
            if len(words) > cut:
                by_base[" ".join(words[:-cut])].append(key)
    bases: dict[str, tuple[str, ...]] = {}
    for base, keys in by_base.items():
        if len(keys) > 1:
            kinds = {
                key: kind
                for key in keys
                if (kind := legal_kind(vendor_names[key])) and key == f"{base} {kind}"
            }
            if len(set(kinds.values())) > 1:
                bases[base] = tuple(kinds)
    return bases


#: How sure an unmatched client's findings are: sure when no name on the other side resembles it,
#: to be checked first when one does (it may be the same company, spelled past recognition).
ALONE_CONFIDENCE, LOOKALIKE_CONFIDENCE = 0.9, 0.6


def _unmatched(
    key: str, name: str, side: str, lookalikes: dict[str, str], others: Mapping[str, str]
) -> ClientMatch:
    other = lookalikes.get(key)
    if other is None:
        confidence, evidence = ALONE_CONFIDENCE, "no similar name on the other side"
    else:
        confidence = LOOKALIKE_CONFIDENCE
        evidence = f"not matched, but {others[other]!r} on the other side has a similar name"
    if side == "vendor":
        return ClientMatch(key, None, name, "", "unmatched", confidence, evidence)
    return ClientMatch(None, key, "", name, "unmatched", confidence, evidence)


def _lookalikes(vendor_keys: list[str], psa_keys: list[str], block_limit: int) -> dict[str, str]:
    """Each unmatched key's closest unmatched key on the other side, where names share a word and
    score 70 or more (blocked by shared words, so the work stays near-linear)."""
    found: dict[str, str] = {}
    for keys, others in ((vendor_keys, psa_keys), (psa_keys, vendor_keys)):
        index = _blocks(others)
        for key in keys:
            candidates = {
                other
                for block in _block_keys(key)
                if len(members := index.get(block, [])) <= block_limit
                for other in members
            }
            if not candidates:
                continue
            best = process.extractOne(
                key, sorted(candidates), scorer=fuzz.token_sort_ratio, score_cutoff=70
            )
            if best is not None:
                found[key] = str(best[0])
    return found


#: A bracket's label before the other name of a client: "(now Transports Rousseau SARL)".
_BRACKET_LABEL = re.compile(
    r"^\s*(?:now|formerly|previously|prev\.?|fka|f/k/a|t/a(?:\s+of)?|d/?b/?a(?:\s+of)?|trading as"
    r"|atf|part of|a division of)\s+",
    re.I,
)


_BRACKETED = re.compile(r"^(.*?)[(\[]([^)\]]+)[)\]](.*)$")


def _names_in(key: str, display: str = "") -> list[str]:
    """A "legal dba trading" name is also each of its parts: "contoso holdings dba contoso dental";
    so is "Green Acres Landscaping (Hawthorne Architects Inc)", where the bracket names a company
    (not "(Main Office)", whose words only qualify)."""
    parts = [client_key(part) for part in TRADING_AS.split(key)]
    if len(parts) > 1:
        return [part for part in parts if part]
    bracketed = _BRACKETED.match(display)
    if bracketed:
        outside = client_key(bracketed.group(1) + " " + bracketed.group(3))
        written = _BRACKET_LABEL.sub("", bracketed.group(2))
        inside = client_key(written)
        if all(_names_a_company(part) for part in (outside, inside)):
            # the company named inside with its own tail ("Oakley, Grace (Trillium Engineering
            # (the Raleigh one))", "(Meridian Medical S.r.l. - a Crestline Group company)")
            closed = written + ")" if written.count("(") > written.count(")") else written
            return [outside, inside, *sorted(stems(closed))]
    return []


def _known_names(key: str, name: str) -> list[str]:
    """The names a client is known by: its key, its name's plain key (a legal twin's key says its
    form: "Waikato Services Ltd" beside "… Limited") and the names it holds (a trust and its
    trustee, a trading name). Never its name without a tail: a tail on both sides may be two
    branches ("Zenith Law Inc. - North" and "… - South")."""
    return [key, client_key(name), *_names_in(key, name)]


def _names_a_company(key: str) -> bool:
    """A word of three letters or more that is neither a qualifier ("main office") nor a legal form
    ("(haftungsbeschränkt)" is the second word of "UG (haftungsbeschränkt)", no company)."""
    return any(
        len(word) >= 3 and word not in QUALIFIERS and not is_legal_form(word)
        for word in key.split()
    )


#: Names compared without their spaces only from this length (short names glue into others).
_GLUED_AT_LEAST = 8


def _named_parts(key: str, display: str) -> list[str]:
    """The names a client holds that may be another client's whole name: not a number in brackets
    ("(2026)", the year of a re-registered entity; "[510]", an account number)."""
    return [part for part in _names_in(key, display) if not part.isdigit()]


def _trading_name_pairs(
    vendor_names: Mapping[str, str], psa_names: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Either side's dba part equals the other side's name, once and only once."""
    psa_by_name: dict[str, set[str]] = defaultdict(set)
    psa_parts = {key: _named_parts(key, display) for key, display in psa_names.items()}
    for key in psa_names:
        for name in [key, *psa_parts[key]]:
            psa_by_name[name].add(key)
            if " " in name and len(name) >= _GLUED_AT_LEAST:  # "Silver-Line" for "SilverLine"
                psa_by_name[name.replace(" ", "")].add(key)
    vendor_parts = {key: _named_parts(key, display) for key, display in vendor_names.items()}
    # a part many clients of a side hold names none of them ("Family Trust" after "ATF")
    held = Counter(part for parts in vendor_parts.values() for part in set(parts))
    claims: dict[str, list[str]] = defaultdict(list)
    for vendor_key in vendor_names:
        own = [part for part in vendor_parts[vendor_key] if held[part] == 1]
        names = own or [vendor_key]
        names = [*names, *(n.replace(" ", "") for n in names if len(n) >= _GLUED_AT_LEAST)]
        found = {
            psa
            for name in names
            for psa in psa_by_name.get(name, ())
            if name == psa or len(psa_by_name[name]) == 1
        }
        if len(found) == 1:
            (psa,) = found
            if (own or psa_parts[psa]) and not _outside_names_another(
                psa_parts[psa], vendor_key, vendor_names
            ):
                claims[psa].append(vendor_key)
    pairs = []
    for psa, vendor_keys in claims.items():
        if len(vendor_keys) > 1:
            # "Patel Catering S.L. (formerly Northgate Catering)" where the bill has both: its
            # own name's client, never the old name's (a company of its own now)
            current = _current_name(psa, psa_names[psa])
            vendor_keys = [key for key in vendor_keys if key == current]
        if len(vendor_keys) == 1:
            pairs.append((vendor_keys[0], psa))
    return pairs


def _outside_names_another(
    parts: list[str], vendor_key: str, vendor_names: Mapping[str, str]
) -> bool:
    """The name outside the brackets is another client of the bill, written short ("St Brigid's C
    of E Primary Acad. (Compass Academy Trust)" is the trust's school the bill names "St Brigid's C
    of E Primary Academy", never the trust): every word of it of three letters or more begins a word
    of that client's name, or is one with a letter or two more ("Infants" for "Infant School")."""
    if len(parts) < 2 or parts[0] == vendor_key:
        return False
    words = [word for word in parts[0].split() if len(word) >= 3]
    if len(words) < 2:
        return False
    return any(
        all(
            any(
                own.startswith(word) or (len(own) >= 4 and word.startswith(own))
                for own in other.split()
            )
            for word in words
        )
        for other in vendor_names
        if other != vendor_key
    )


#: A bracket that gives a client's name today: "Northgate Catering (now Patel Catering S.L.)".
_NOW = re.compile(r"^\s*now\s+", re.I)


def _current_name(key: str, display: str) -> str:
    """The name a client goes by today where it holds two: the first (a trading or an old name
    follows it), or the bracket's after "now"."""
    parts = [client_key(part) for part in TRADING_AS.split(key)]
    if len(parts) > 1:
        return parts[0]
    bracketed = _BRACKETED.match(display)
    if bracketed is None:
        return key
    if _NOW.match(bracketed.group(2)):
        return client_key(_BRACKET_LABEL.sub("", bracketed.group(2)))
    return client_key(bracketed.group(1) + " " + bracketed.group(3))


#: Names a side's field cuts: at least this many end at its longest length.
_CUT_AT_LEAST = 3


def _cut_pairs(vendor: Mapping[str, str], psa: Mapping[str, str]) -> list[tuple[str, str, int]]:
    """Names one side cut at its field's length ("Silverleaf & Partners Ac", 24 characters): seen
    when several of that side's names of one length each begin exactly one longer name on the
    other side (a field that cut some names cut them all at that length). A cut name pairs with
    the one name on the other side it begins, and never when two begin with it."""
    pairs: list[tuple[str, str, int]] = []
    for cut_side, other, flip in ((psa, vendor, False), (vendor, psa, True)):
        by_length: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for key, name in cut_side.items():
            if len(name.strip()) >= 16:
                by_length[len(name.strip())].append((key, name))
        candidates = [names for names in by_length.values() if len(names) >= _CUT_AT_LEAST]
        if not candidates:
            continue
        others = sorted((folded(name.strip()), key) for key, name in other.items())
        texts = [text for text, _ in others]
        for names in candidates:
            begun = []
            for key, name in names:
                found = _names_begun(folded(name.strip()), others, texts)
                if len(found) == 1:
                    begun.append((found[0], key, len(name.strip())))
            if len(begun) >= _CUT_AT_LEAST:  # the length is a field's limit, not chance
                pairs += [(o, k, n) if not flip else (k, o, n) for o, k, n in begun]
    taken_v: set[str] = set()
    taken_p: set[str] = set()
    unique = []
    for v, p, limit in pairs:
        if v not in taken_v and p not in taken_p:
            unique.append((v, p, limit))
            taken_v.add(v)
            taken_p.add(p)
    return unique


def _names_begun(start: str, others: list[tuple[str, str]], texts: list[str]) -> list[str]:
    """The keys of the (sorted, folded) names longer than ``start`` that begin with it; two at most:
    they are adjacent in sorted order (a bisection, not a scan)."""
    found: list[str] = []
    for text, other_key in others[bisect_left(texts, start) :]:
        if not text.startswith(start) or len(found) > 1:
            break
        if len(text) > len(start):
            found.append(other_key)
    return found


def _core(key: str) -> str:
    return " ".join(t for t in key.split() if t not in GENERIC_WORDS)


def _core_pairs(vendor_keys: list[str], psa_keys: list[str]) -> list[tuple[str, str]]:
    """Pairs whose names are equal once generic words are set aside, each core unique on both sides."""
    vendor_cores: dict[str, list[str]] = defaultdict(list)
    psa_cores: dict[str, list[str]] = defaultdict(list)
    for key in vendor_keys:
        vendor_cores[_core(key)].append(key)
    for key in psa_keys:
        psa_cores[_core(key)].append(key)
    pairs = []
    holders = {"vendor": _word_index(vendor_keys), "psa": _word_index(psa_keys)}
    for core, vendors in vendor_cores.items():
        candidates = psa_cores.get(core, [])
        if core and len(vendors) == 1 and len(candidates) == 1:
            vendor_key, psa_key = vendors[0], candidates[0]
            # "Whitaker Property" is as much "… Property Holdings" as "… Property Management"
            shorter, other_side = (
                (psa_key, "vendor")
                if len(psa_key.split()) <= len(vendor_key.split())
                else (vendor_key, "psa")
            )
            if len(_holding_all(_core(shorter), holders[other_side])) == 1:
                pairs.append((vendor_key, psa_key))
    return pairs


def _word_index(keys: list[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        for word in key.split():
            index[word].add(key)
    return index


def _holding_all(key: str, index: Mapping[str, set[str]]) -> set[str]:
    """The keys that hold every word of ``key``."""
    found: set[str] | None = None
    for word in key.split():
        holders = index.get(word, set())
        found = set(holders) if found is None else found & holders
        if not found:
            return set()
    return found or set()


def _blocks(keys: list[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        for block in _block_keys(key):
            index[block].append(key)
    return index


def _block_keys(key: str) -> set[str]:
    words = {f"w:{w}" for w in key.split() if len(w) >= 3 and w not in STOP_WORDS}
    compact = key.replace(" ", "")
    return words | {f"p:{compact[:4]}"}


def _baskets_deny_a_word_more(run: _Pairing, vendor_key: str, psa_key: str) -> bool:
    """A name like the other but for a whole word more ("Bluegum Ridge Accounting" / "Bluegum
    Accounting"), where both bills are known and agree on nothing: not half their products in
    common, none at the same seats. A sibling as often as the same company; what the names
    and the baskets say together (:func:`pair_by_evidence`) decides it, as for any word more."""
    fitted = name_fit(vendor_key, psa_key)
    if fitted is None or not any(len(word) > 3 and word.isalpha() for word in fitted.extra):
        return False  # (a short word more is as often a form mistyped: "Gagnon Engineering Imc.")
    vendor, psa = run.vendor_baskets.get(vendor_key), run.psa_baskets.get(psa_key)
    if not vendor or not psa:
        return False
    share, same_seats = basket_overlap(vendor, psa)
    return share < 0.5 and not same_seats


def _fuzzy_pairs(
    vendor_keys: list[str],
    psa_keys: list[str],
    thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
    siblings: Siblings = NO_SIBLINGS,
) -> list[tuple[str, str, float]]:
    """Scored candidate pairs within blocks, assigned one to one, best first, ambiguity refused.

    Candidates come from blocks (shared word, shared 4-letter prefix) so the work grows with the number
    of clients, not its square; rapidfuzz scores each block in C with a cutoff, and only the few pairs
    above it are checked for sibling words in Python.
    """
    if not vendor_keys or not psa_keys:
        return []
    index = _blocks(psa_keys)
    compact = {key: key.replace(" ", "") for key in psa_keys}
    # token_sort_ratio is ratio on the words sorted and joined: each PSA name sorted once here,
    # not once per vendor name whose block it is in (~200 each at 36k clients; speed, same scores)
    in_order = {key: " ".join(sorted(key.split())) for key in psa_keys}
    scored: list[tuple[float, str, str]] = []
    for vendor_key in vendor_keys:
        candidates: set[str] = set()
        for block in _block_keys(vendor_key):
            members = index.get(block)
            if members and len(members) <= thresholds.block_limit:
                candidates.update(members)
        if not candidates:
            continue
        best = _name_scores(vendor_key, sorted(candidates), in_order, compact, thresholds)
        ranked = sorted(
            (
                (score, psa_key)
                for psa_key, score in best.items()
                if not _distinct_words_conflict(vendor_key, psa_key)
                and not crosses_siblings(vendor_key, psa_key, siblings)
            ),
            reverse=True,
        )
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < thresholds.client_ambiguity_margin:
            continue  # two near-equal candidates: leave it to the user (Client Aliases)
        scored.extend((score, vendor_key, psa_key) for score, psa_key in ranked[:3])
    return _one_to_one(scored)


def _name_scores(
    vendor_key: str,
    choices: list[str],
    in_order: Mapping[str, str],
    compact: Mapping[str, str],
    thresholds: MatchThresholds,
) -> dict[str, float]:
    """Each candidate's best score, on the words sorted or the letters run together.

    ``choices`` are sorted, so the answer is the same whatever the hash seed."""
    by_tokens = process.extract(
        " ".join(sorted(vendor_key.split())),
        [in_order[c] for c in choices],
        scorer=fuzz.ratio,  # = token_sort_ratio on the names
        score_cutoff=thresholds.client_name_score,
        limit=5,
    )
    by_letters = process.extract(
        vendor_key.replace(" ", ""),
        [compact[c] for c in choices],
        scorer=fuzz.ratio,
        score_cutoff=thresholds.client_name_score,
        limit=5,
    )
    best: dict[str, float] = {}
    for _, score, position in (*by_tokens, *by_letters):
        psa_key = choices[position]
        best[psa_key] = max(best.get(psa_key, 0.0), float(score))
    return best


def _one_to_one(scored: list[tuple[float, str, str]]) -> list[tuple[str, str, float]]:
    """Best score first, each key taken once (ties broken by the names, so the order is stable)."""
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    taken_vendor: set[str] = set()
    taken_psa: set[str] = set()
    result = []
    for score, vendor_key, psa_key in scored:
        if vendor_key in taken_vendor or psa_key in taken_psa:
            continue
        taken_vendor.add(vendor_key)
        taken_psa.add(psa_key)
        result.append((vendor_key, psa_key, score))
    return result
