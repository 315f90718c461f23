"""A PSA line's note of who, where or how many it is for ("- Office staff", "(Melbourne)", "- Level 3
office", "- 69 seats"), told apart from a part of a product's name ("(no Teams)", "- E5 Security").

The MSP types such notes after a product's name; they say nothing of which product it is. A note
the export puts after several different names is a note whatever its words; one seen once is a note
when its words name nothing resellers sell (the curated catalogue's products and this bill's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from engine.match.catalogue import Catalogue
from engine.match.description_vocabulary import LICENCE_USERS, SERVICE_WORDS
from engine.match.leading_labels import labels_seen, without_label
from engine.match.product_fit import MAKER, names_a_product_part
from engine.match.product_names import (
    DISCRIMINATORS,
    PLAN_TOKEN,
    REFERENCE_NOTE,
    discriminators,
    product_key,
)
from engine.match.whole_names import editions_only, names_a_kind_only, whole_name_inside

#: A note after a name: in brackets (which may hold a bracket of their own: "(1 seat(s) to reclaim)"),
#: in square brackets, or after a spaced dash or slash.
_QUALIFIER = re.compile(
    r"^(.*\S)\s*(?:\(((?:[^()]|\([^()]*\))*)\)|\[([^\[\]]*)\]|\s(?:--?|[\u2013\u2014]|/{1,2})\s+((?:[^-\u2013\u2014/()]|(?<=\w)-(?=\w)|(?<=\w)/)+))\s*$"
)
#: How many notes one after another a line's name is read without ("Exchange Online (Plan 2) –
#: Remote staff - split 50/50 Admin/Clinical", "Abonim mujor Power BI Pro (pilot) [CIS L1]").
MOST_NOTES = 4
#: A note seen after this many different names in one export is the MSP's way of saying who a
#: line is for ("- Office staff", "(Melbourne)"), whatever its words.
_NOTE_SEEN = 3


def split_note(name: str) -> tuple[str, str] | None:
    """The name before a trailing note, and the note's key; None when there is no note. A note
    that points at a paper needs no brackets or dash ("Microsoft 365 E3 ticket #4411"), nor do
    words in another script after a name in Latin letters ("Proofpoint Essentials Business
    라이선스")."""
    found = _QUALIFIER.match(name)
    if found is None:
        if (tail := _OTHER_SCRIPT_TAIL.match(name)) is not None:
            return tail.group(1), product_key(tail.group(2))
        reference = _trailing_reference(name)
        return (
            None if reference is None else (name[:reference].strip(), product_key(name[reference:]))
        )
    return found.group(1), product_key(next((g for g in found.groups()[1:] if g), ""))


def _raw_note(name: str) -> str:
    found = _QUALIFIER.match(name)
    if found is None:
        if (tail := _OTHER_SCRIPT_TAIL.match(name)) is not None:
            return tail.group(2).strip()
        reference = _trailing_reference(name)
        return "" if reference is None else name[reference:].strip()
    return next((g for g in found.groups()[1:] if g), "").strip()


#: Words in a script other than Latin after a name in Latin letters: "… Business 라이선스".
_OTHER_SCRIPT_TAIL = re.compile(
    r"^(.*[A-Za-z0-9][^\u0370-\ufeff]*?)\s+([\u0370-\ufeff][^A-Za-z]*)$"
)


def _trailing_reference(name: str) -> int | None:
    """Where a note that points at a paper begins, when it runs to the end after a name."""
    found = _REFERENCE_NOTE.search(name)
    if found is None or found.start() == 0 or name[found.end() :].strip(" .,;)"):
        return None
    return found.start()


#: A note that only counts: "69 seats", "12 users", "5 licences".
_COUNT_NOTE = re.compile(
    r"\d+\s*(?:seats?|users?|licen[cs]es?|lic\.?|devices?|mailboxes|mailbox|endpoints?|ea)",
    re.IGNORECASE,
)


#: One word of letters and digits in parts, as a distributor or the PSA numbers its items
#: ("MST-NCE-101-C100", "CSP-1042-M", "SKU_4471-AB").
_PART = re.compile(r"[A-Za-z0-9]+(?:[-_/.:][A-Za-z0-9]+)+")


def _part_number(note: str) -> bool:
    """The note is an item's number, not a plan: three digits at least, in a part of their own, and
    no part a plan, an edition or a tier ("E5-SEC", "M365-E3" and "P1-ADDON" say which product)."""
    if not _PART.fullmatch(note):
        return False
    parts = re.split(r"[-_/.:]", note.lower())
    return any(part.isdigit() and len(part) >= 3 and part != "365" for part in parts) and not any(
        part in DISCRIMINATORS or PLAN_TOKEN.fullmatch(part) for part in parts
    )


#: A note that points at a paper: "see PO 4471", "per quote Q-2231", "ref #88", "ticket 1032".
_REFERENCE_NOTE = re.compile(REFERENCE_NOTE, re.IGNORECASE)
_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
#: A telephone number as people write one: a "+" and its country, or a leading 0, then groups.
_TELEPHONE = re.compile(r"(?:\+\d{1,3}|\b0\d{1,4})(?:[ \-\u2013()]{0,2}\d{2,4}){2,5}")


def _telephone_number(raw: str) -> bool:
    """The note holds a telephone number: eight digits or more in one such run, no date."""
    return not _DATE.search(raw) and any(
        sum(c.isdigit() for c in m.group(0)) >= 8 for m in _TELEPHONE.finditer(raw)
    )


#: A note of what someone did or is to do, or on whose word: "Q3 review done", "approved by J.
#: Reyes", "per Tom 3/11", "check w/ Sam", "added 14 Oct", "upgraded from Business Standard".
_ANNOTATION = re.compile(
    r"^(?:.*\b(?:done|completed|approved|agreed|confirmed|checked|reviewed|verified|signed off)\b"
    r"|(?:as\s+)?per\s+(?!user|seat|month|device|licen|mailbox|endpoint|server|site|location"
    r"|hour|visit|gb|tb|annum|year)[a-z]+\b.*\d"
    r"|(?:check|ask|confirm|verify|chase)\s+(?:w/|with\b)"
    r"|(?:added|removed|moved|changed|upgraded|downgraded|renamed|reduced|increased)"
    r"\s+(?:on|from|to|in|by|\d)"
    # what it was before a date: "was Office E1 until 19/11", "previously Keeper Bus to 22 Nov"
    r"|(?:was|were|previously|prev\.?)\s+.*\b(?:until|till|til|to|before)\s+\d"
    # when the term ends: "renews 09/10/2027", "expires 31 Mar 2027", "valid until 2027-06-30"
    r"|(?:renews?|renewal|renewing|expires?|expiry|exp\.?|valid\s+(?:until|to|thru)|ends?)"
    r"\s*(?:on|:)?\s*\d"
    r"|(?:initials|owner|contact|requested\s+by|by)\s*:?\s*[a-z]\.?\s*[a-z]+$"
    r"|[a-z]\.\s?[a-z]{2,}$"
    # what the product includes: "(incl. Intune + Defender for Business)"
    r"|(?:incl\.?|includes|including|inkl\.?|inclut|incluye|inclui)\s)",
    re.IGNORECASE,
)
#: Whose seats, by their initials: "(OA, OD, HJ)", "(JS/MK)". Letters alone, so never a list of
#: plans ("E3, E5"); "OD" and "BB" here are people, not OneDrive or Business Basic.
_INITIALS = re.compile(r"[A-Z]{2,3}(?:\s*[,/&;]\s*[A-Z]{2,3})+")
#: One line per seat, numbered: "seat 01/03", "user 2 of 5", "licence #3/10".
_SEAT_NUMBERED = re.compile(
    r"(?:seat|user|licen[cs]e|lic\.?|mailbox|device)\s*(?:no\.?|#)?\s*\d+\s*(?:/|of)\s*\d+",
    re.IGNORECASE,
)
#: Seats counted and what happened to them: "1 seat(s) removed 05/11", "3 users added 14 Oct".
_SEATS_CHANGED = re.compile(
    r"[+-]?\d+\s*(?:seats?|users?|licen[cs]es?|lic\.?|mailboxes|devices?)(?:\(s\))?\s+"
    r"(?:added|removed|cancelled|canceled|reduced|dropped|returned|credited|assigned|unassigned)\b",
    re.IGNORECASE,
)
#: A note of seats added or removed: "+2 added mid-month", "-1 from 15th".
_CHANGE_NOTE = re.compile(r"\s*[+-]\s*\d+\b(?!\s*(?:gb|tb|mb)\b)", re.IGNORECASE)


def _notes_seen(names: Iterable[str]) -> frozenset[str]:
    """Notes the export puts after several different names: evidence they are notes."""
    bases: dict[str, set[str]] = {}
    for name in names:
        if (parts := split_note(name)) is not None and parts[1]:
            bases.setdefault(parts[1], set()).add(product_key(parts[0]))
    return frozenset(note for note, seen in bases.items() if len(seen) >= _NOTE_SEEN)


#: Words before a number that make it an address: "- Level 3 office", "(Suite 12)".
_PLACE_WORDS = frozenset(
    [
        "level",
        "floor",
        "suite",
        "unit",
        "building",
        "bldg",
        "room",
        "lvl",
        "site",
        "location",
        "branch",
        "office",
        "store",
        "shop",
        "depot",
        "dept",
    ]
)


@dataclass(frozen=True)
class Notes:
    """What tells a PSA line's note of who or where it is for from part of a product's name."""

    seen: frozenset[str] = frozenset()  # notes the export puts after several different names
    #: words of the products resellers sell: the curated catalogue's and this bill's. The long tail
    #: of Microsoft's table ("Partner Sandbox", "Field Service Contractor") would make every
    #: note ("- Partners", "- Field staff") look like a product.
    known: frozenset[str] = frozenset()
    #: words the export puts in front of several different products' whole names ("Abonim mujor")
    labels: frozenset[str] = frozenset()
    #: keys of products' whole names (the catalogue's and this bill's): an item code beside one is
    #: the item's number ("Visio Plan 2 (CSP-NCE-VISIOP2-1M)", "NAB-COVE-WS Cove Data Protection …")
    names: frozenset[str] = frozenset()
    #: keys of the products this bill names
    billed: frozenset[str] = frozenset()
    #: the first word (the maker's) of each product the bill names outside Microsoft's words
    makers: frozenset[str] = frozenset()

    def bare(self, name: str) -> str:
        """The name without a trailing note ("Microsoft 365 E5 (Auckland branch)", "… -
        Warehouse staff") when the note names no product, plan, edition or service; '' when
        there is none. A note the export puts after several different names may use a word some
        product has ("- Office staff"), never a plan, size or work; the maker's word "office"
        beside a word of no product ("- Head office") is a place."""
        whole = name
        parts = split_note(name)
        # "- Site 2 (NCE)": a billing word the name's key drops anyway, and a note before it
        while parts is not None and not parts[1] and (inner := split_note(parts[0])) is not None:
            name, parts = parts[0], inner
        if parts is not None and self._is_note(_raw_note(name), parts[1]):
            return parts[0]
        if parts is not None and self._code_beside_a_name(_raw_note(name), parts[0]):
            return parts[0]
        if parts is not None and self._prose_beside_a_name(_raw_note(name), parts[0]):
            return parts[0]
        for text in dict.fromkeys([name, whole]):  # "3P-EDR-1M … - per device / month": whole
            words = text.split()
            if len(words) > 2 and _ITEM_CODE.fullmatch(words[0].strip("()[]")):
                rest = " ".join(
                    words[2:] if words[1] in ("-", "\u2013", "\u2014", "|", ":") else words[1:]
                )
                if self._code_beside_a_name(words[0].strip("()[]"), rest):
                    return rest
        # a note in front, set off by a bar or a dash ("Halcyon Engineering | Acronis …", "Q4
        # Renewal – Microsoft 365 Apps for Enterprise", "Mesečna pretplata – M365 Apps Biz"),
        # read as a note after is
        if (leading := _LEADING_NOTE.match(name)) is None:
            return without_label(name, self.labels)
        note = product_key(leading.group(1))
        if not note or not (self._is_note(leading.group(1).strip(), note) or _generic_only(note)):
            return without_label(name, self.labels)
        return leading.group(2)

    def whole_name(self, name: str) -> str | None:
        """The key of the one product whose whole name the line holds, its notes set aside,
        among words that name nothing else (:mod:`engine.match.whole_names`); read once per
        name (the catalogue's tier and the bill's own names both ask)."""
        if name not in self._wholes:
            self._wholes[name] = self._whole_name(name)
        return self._wholes[name]

    @cached_property
    def _wholes(self) -> dict[str, str | None]:
        return {}

    def _whole_name(self, name: str) -> str | None:
        text = name
        for _ in range(MOST_NOTES):
            if not (bare := self.bare(text)):
                break
            text = bare
        text = _ITEM_CODE_WORD.sub(" ", text)  # "BD-GZ-BS-1M": a code, never read as words here
        return whole_name_inside(
            product_key(text), self.names, self.known, self._harmless, self.billed
        )

    @cached_property
    def _harmless(self) -> frozenset[str]:
        """Words of the notes the export puts after several different names."""
        return frozenset(w for note in self.seen if self._is_note(note, note) for w in note.split())

    def _code_beside_a_name(self, code: str, name: str) -> bool:
        """An item's code in capitals and digits beside a product's whole name: the name says
        which product, as a person reads it, whatever the distributor's code spells."""
        key = product_key(name)
        return (
            bool(_ITEM_CODE.fullmatch(code))
            and key in self.names
            and not editions_only(key.split())  # "LIC-1010020028-GWS Business Standard"
        )

    def _prose_beside_a_name(self, raw: str, name: str) -> bool:
        """A sentence of the maker's marketing after a product's whole name ("Microsoft 365
        Business Standard – desktop apps with premium features", "… – web and mobile apps, email
        and Teams"): words written in lower case, as prose is, not a name's capitals, so its
        words ("premium", "Teams") describe the product rather than name another."""
        words = _PROSE_WORD.findall(raw)
        return (
            len(words) >= _PROSE_WORDS
            and sum(w[0].islower() for w in words) * 4 >= len(words) * 3
            and product_key(name) in self.names
            and not editions_only(product_key(name).split())
        )

    def _is_note(self, raw: str, note: str) -> bool:
        """True when the note (as written, and its key) names no product, plan, edition or
        service."""
        if raw and not any("a" <= ch.lower() <= "z" for ch in raw) and note not in self.seen:
            return False  # words of another script are a note only after several different names
        if _telephone_number(raw):
            # "(DDI block +44 20 7946 0247–997)": which numbers ring, beside words of no product
            rest = product_key(_TELEPHONE.sub(" ", raw)).split()
            return not any(
                discriminators(w) or self._names_a_product(w) or any(c.isdigit() for c in w)
                for w in rest
            )
        if (
            _COUNT_NOTE.fullmatch(raw)
            or _INITIALS.fullmatch(raw)
            or _REFERENCE_NOTE.search(raw)
            or _MASKED.search(raw)
            or _CHANGE_NOTE.match(raw)
            or _SEATS_CHANGED.match(raw)
            or _SEAT_NUMBERED.fullmatch(raw)
            or _ANNOTATION.match(raw)
            or _part_number(raw)
        ):
            # "- 69 seats", "(+2 added mid-month)": how many, which the quantity says anyway;
            # "- see PO 4471", "- per quote Q-2231": where the order is written down
            return True
        words = note.split()
        places = {  # "Level 3", "Suite 12": a number that says where, not which plan
            index + 1
            for index, w in enumerate(words[:-1])
            if w in _PLACE_WORDS and words[index + 1].isdigit()
        }
        where = {words[index - 1] for index in places}  # "site" in "Site 2" names no product
        words = [w for index, w in enumerate(words) if index not in places]
        words = [w for w in words if not _DAY_OF_MONTH.fullmatch(w)]  # "billed on the 28th"
        if _counts_or_dates(words):
            # "(33 assigned / 34 purchased)", "(qty adj. from 4, tkt 56319)", "- 8/10 in use",
            # "(anniv. 22/02)", "no cancellation after 7 days": numbers that count, date or
            # refer, beside words that must still name nothing
            words = [w for w in words if not (w.isdigit() or _TIME_SPAN.fullmatch(w))]
        seen = note in self.seen
        # a phrase after several different names with a word of no product in it ("[Cyber
        # Essentials]", "[Essential Eight ML2]") is a programme or a tag, not an edition
        phrase = (
            seen
            and len(words) >= 2
            and any(
                not discriminators(w) and not self._names_a_product(w) and w not in SERVICE_WORDS
                for w in words
            )
        )
        says_something = any(  # a plan, an add-on, a product, a size, or work ("- Managed Support")
            # a number after several different names is where or how the line is split ("- Clinic
            # 2", "- split 50/50 Admin/Clinical"), not a plan, which a plan's word would say
            (any(c.isdigit() for c in w) and (not seen or PLAN_TOKEN.fullmatch(w) is not None))
            or (w in SERVICE_WORDS and not seen and not (w in LICENCE_USERS and len(words) > 1))
            or (
                w not in MAKER
                and (
                    # after several different names a code that holds a digit is no plan
                    # unless a plan is what it says ("[CIS L1]", "[CSP T2]"; never "(E5)")
                    (discriminators(w) and not (seen and (_no_plan(w) or (phrase and w.isalpha()))))
                    or (self._names_a_product(w) and not seen)
                )
            )
            for w in words
            if w not in where
        )
        # the maker's words alone ("(Office 365)") are part of the name; "- office" after several
        # different names is where the staff sit ("- office", "- warehouse")
        says_something = says_something or (
            all(w in MAKER for w in words) and not (words == ["office"] and note in self.seen)
        )
        # "(Dropbox)" after several of Dropbox's editions is whose they are, not a tag
        says_something = says_something or all(w in self.makers for w in words)
        return bool(words) and not says_something

    def _names_a_product(self, word: str) -> bool:
        if not self.known:
            return names_a_product_part(word)
        return word in self.known or (
            len(word) >= 5
            and any(
                len(known) >= 5 and Levenshtein.distance(word, known, score_cutoff=1) <= 1
                for known in self.known
            )
        )


#: A distributor's or vendor's item code: capitals and digits in parts ("CSP-NCE-M365BS-1M",
#: "DSG-ESIG-BP", "1PW-TSP"), or one long run holding both ("65324058BA01A12").
_ITEM_CODE = re.compile(
    r"(?=[A-Z0-9_-]*[A-Z])(?:[A-Z0-9]+(?:[-_][A-Z0-9]+)+|(?=[A-Z]*\d)[A-Z0-9]{8,})"
)


_ITEM_CODE_WORD = re.compile(r"(?<![\w-])[(\[]?" + _ITEM_CODE.pattern + r"[)\]]?(?![\w-])")


#: A word of prose in a note: letters, perhaps joined by a hyphen ("SOC-backed").
_PROSE_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: How many words make a note read as a sentence rather than a name's last words.
_PROSE_WORDS = 4


def _no_plan(word: str) -> bool:
    """A number, or a word with digits that names no plan or edition ("l1", "t2", "ml2")."""
    return word.isdigit() or (
        word not in DISCRIMINATORS and not PLAN_TOKEN.fullmatch(word) and not word.isalpha()
    )


#: A note in front of a name, set off by a bar, a chevron or a spaced dash: "Deal | Product".
_LEADING_NOTE = re.compile(r"^\s*([^|›»\u2013\u2014()]{2,60}?)\s+(?:[|›»\u2013\u2014]|-)\s+(\S.*)$")


#: A value written masked, all but its last characters hidden: a key or serial number ("licence
#: key XXXX-CC2D", "serial …F460", "card ****1234") identifies the line, never the product.
_MASKED = re.compile(r"(?:\bX{3,}|\*{3,}|…|\.{3})[-\s]?[A-Za-z0-9]{2,}\b")


#: A day of the month written as an ordinal ("1st", "28th"): a date, never a plan.
_DAY_OF_MONTH = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)")


#: Words beside a lone number that make it a span of time, not a plan: "after 7 days".
_TIME_WORDS = frozenset(["day", "days", "week", "weeks", "month", "months", "prev", "previously"])


#: A span of time written short: "168h", "7d", "12m".
_TIME_SPAN = re.compile(r"\d+(?:h|hrs?|d|wks?|w|mos?|m)")


def _counts_or_dates(words: list[str]) -> bool:
    """Numbers in a note that count, date or refer rather than name a plan: two of them or more,
    or one beside a span of time or written as one ("after 168h"), and no year alone among them
    (a version: "(2021)")."""
    numbers = [w for w in words if w.isdigit()]
    if any(len(n) == 4 and n[:2] in ("19", "20") for n in numbers):
        return False
    if any(_TIME_SPAN.fullmatch(w) for w in words):
        return True
    return len(numbers) >= 2 or (bool(numbers) and any(w in _TIME_WORDS for w in words))


def _generic_only(note: str) -> bool:
    """A note in front made of words many kinds of product use and nothing else ("Cloud sub - Bus
    Premium 365"): it says what kind of thing follows, not which (before a name only: after one,
    "Cloud" may end it, as in Acronis Cyber Protect Cloud)."""
    return all(map(names_a_kind_only, note.split()))


def note_reader(catalogue: Catalogue, psa: Iterable[str], vendor: Iterable[str]) -> Notes:
    vendor_keys = {product_key(name) for name in vendor}
    known = catalogue.curated_words | {w for key in vendor_keys for w in key.split()}
    psa = list(psa)

    def is_a_product(key: str) -> bool:
        return key in vendor_keys or key in catalogue.by_name

    return Notes(
        _notes_seen(psa),
        known,
        labels_seen(psa, is_a_product, known),
        frozenset(vendor_keys) | frozenset(catalogue.by_name),
        frozenset(vendor_keys),
        frozenset(
            first
            for key in vendor_keys
            if key
            and (first := key.split()[0]) not in MAKER
            and first not in catalogue.curated_words
        ),
    )
