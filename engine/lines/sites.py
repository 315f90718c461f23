"""A PSA that keeps the client's site in a column of its own (HaloPSA's "Site", Kaseya BMS's
"Location"): "Bella Napoli Pizzeria" at "Store 13" is the chain's store 13, a customer of its own
on the vendor's bill. A numbered site is part of the client's name; a named one ("Main", "Leeds")
is a place the one client is billed at, and stays apart from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: A numbered site: a word and its number ("Store 13", "Şube 32", "Centre 29", "#7"), never an
#: address ("12 Main St").
_NUMBERED = re.compile(r"^\s*(?:[^\W\d_]{2,15}\.?\s*)?#?\s*\d{1,4}\s*$")


def with_numbered_sites(clients: Sequence[str], sites: Sequence[str]) -> list[str]:
    """Each client's name with its numbered site after it, unless the name already says it."""
    return [
        f"{client} {site.strip()}"
        if client and site and _NUMBERED.match(site) and site.strip().lower() not in client.lower()
        else client
        for client, site in zip(clients, sites, strict=True)
    ]
