"""A company the vendor knows only by its web domain ("skycresttax.io", "tide-bay.com.au"), as
Google's reseller console and some marketplaces name customers: the domain runs together the
first words of the name the books keep ("SkyCrest Tax & Advisory Pty Ltd"), or of the name it had
before a rename ("Relay Architects (formerly Silver Water Architects Pty Ltd)").

A domain is taken for a name only where it spells the start of exactly one name on the other side
(two words or more, or one long word), and no other client of its own side has the same domain
label: "redfield.com.au" beside "RedField Foundation Ltd" and "RedField Foundation Labs" stays for
what they buy to decide.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping

from engine.match.client_keys import DOMAIN, domain_label

#: A whole name that is a web domain and nothing else (the domain a name may carry after it, alone).
_WHOLE_DOMAIN = re.compile(rf"^\s*{DOMAIN}\s*$", re.IGNORECASE)

#: Words after which a name's earlier or other name begins, as the keys write them.
_ANOTHER_NAME_FOLLOWS = frozenset(["formerly", "previously", "prev", "fka", "now", "dba", "ta"])

#: A first word this long is a name of its own ("pelican" is not; "riverridge" is).
_ONE_WORD = 8

#: A label shorter than this is one word or an acronym: what the client buys decides it.
_SHORTEST = 6


def is_domain_name(name: str) -> bool:
    """The whole name is a web domain ("kakadulandscapes.io")."""
    return "." in name and " " not in name.strip() and bool(_WHOLE_DOMAIN.match(name))


def domain_named_pairs(
    free_vendor: Mapping[str, str],
    free_psa: Mapping[str, str],
    all_vendor: Mapping[str, str],
    all_psa: Mapping[str, str],
) -> list[tuple[str, str, str]]:
    """(vendor key, PSA key, evidence) for each free client of either side named by a domain that
    spells the first words of one free client's name on the other side and of no other client's."""
    found: list[tuple[str, str, str]] = []
    for free, others, all_own, all_others, flip in (
        (free_vendor, free_psa, all_vendor, all_psa, False),
        (free_psa, free_vendor, all_psa, all_vendor, True),
    ):
        named = {key: name for key, name in free.items() if is_domain_name(name)}
        if not named:
            continue
        labels = Counter(domain_label(name) for name in all_own.values() if is_domain_name(name))
        starts = _name_starts(all_others)
        for key, name in named.items():
            label = domain_label(name)
            if len(label) < _SHORTEST or labels[label] > 1:
                continue
            holders = starts.get(label, {}) or _with_a_short_tail(label, starts)
            if len(holders) != 1:
                continue
            ((other, words),) = holders.items()
            if other not in others:
                continue
            evidence = f"the domain {name.strip().lower()!r} spells the name {words!r}"
            found.append((other, key, evidence) if flip else (key, other, evidence))
    vendor_used = Counter(v for v, _, _ in found)
    psa_used = Counter(p for _, p, _ in found)
    return [pair for pair in dict.fromkeys(found) if vendor_used[pair[0]] == psa_used[pair[1]] == 1]


#: The most letters a domain adds after the name it spells ("figtreehq" for Fig Tree, "…au").
_TAIL = 3


def _with_a_short_tail(label: str, starts: Mapping[str, dict[str, str]]) -> dict[str, str]:
    """The names the domain spells but for a few letters added at its end ("figtreehq.co" for
    "Fig Tree Pty Ltd"), when exactly one length of tail leaves one name."""
    for cut in range(1, _TAIL + 1):
        if len(label) - cut >= _SHORTEST and (holders := starts.get(label[:-cut], {})):
            return holders
    return {}


def _name_starts(names: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Each run of two words or more that begins a key, or its other name, run together: the
    keys it begins and the words it joins."""
    starts: dict[str, dict[str, str]] = defaultdict(dict)
    for key, name in names.items():
        if is_domain_name(name):
            continue
        for glued, words in _glued_starts([w for w in key.split() if w != "and"]):
            starts[glued][key] = words
    return starts


def _glued_starts(words: list[str]) -> Iterator[tuple[str, str]]:
    begins = [0] + [i + 1 for i, word in enumerate(words) if word in _ANOTHER_NAME_FOLLOWS]
    for begin in begins:
        glued = words[begin] if begin < len(words) else ""
        if len(glued) >= _ONE_WORD:
            yield glued, glued  # "riverridge.com.au": a long first word alone
        for end in range(begin + 1, len(words)):
            if words[end] in _ANOTHER_NAME_FOLLOWS:
                break
            glued += words[end]
            yield glued, " ".join(words[begin : end + 1])
