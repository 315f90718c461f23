"""A line billed under one account for another client it names: "Bitwarden Teams – for Ashgrove
Logistics B.V." under Ashgrove Group's account is Ashgrove Logistics' seats (a parent billed for
its subsidiary's licences), where the other side bills that client by that name."""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping, Sequence

from engine.lines.line import Line
from engine.match.client_keys import client_key

#: Where a client's name may begin: after "for" ("… – for Ashgrove Logistics B.V.", "… (for:
#: Ashgrove Logistics B.V.)", "… billed for …"); the name runs to the end of the text.
_FOR = re.compile(r"(?:^|[\s(])(?:billed\s+)?for:?\s+", re.IGNORECASE)


def book_to_named_clients(
    lines: Sequence[Line], keys: MutableMapping[str, str], other_keys: Mapping[str, str]
) -> None:
    """Each line whose description ends naming, after "for", a client the other side bills by
    that name, and not its own account, is that client's line (the last "for" first: "Defender
    for Office 365 – for Kestrel Logistics B.V.")."""
    known = set(other_keys.values())
    for line in lines:
        if line.exclusion is not None:
            continue
        for text in (line.product, line.product_alt):  # the description may be the second name
            name = _named_client(text, known) if "for" in text.lower() else None
            if name is not None and client_key(name) != keys.get(line.client):
                line.book_to(name)
                keys.setdefault(name, client_key(name))
                break


def _named_client(text: str, known: set[str]) -> str | None:
    """The client named at the end of ``text`` after "for", if the other side knows it."""
    for found in reversed(list(_FOR.finditer(text))):
        name = text[found.end() :].strip()
        if found[0].lstrip().startswith("("):
            name = name.removesuffix(")").strip()
        if len(name) >= 3 and client_key(name) in known:
            return name
    return None
