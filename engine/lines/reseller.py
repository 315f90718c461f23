"""A distributor that writes the customer as "Reseller / End customer": the MSP's own name before
every customer's.

Ingram's and other marketplaces' exports name the reseller (the MSP itself) in front of each end
customer ("Northbeam IT Pty Ltd / Wattle Creek Plumbing Pty Ltd"). The reseller is no part of the
customer's name; left in, it is the longest part of every name, and a customer the books spell a
little differently is no longer like its own name. The evidence is the bill itself: one leading
name before a separator on nearly every customer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

#: How a reseller's name is set before the customer's.
_SEPARATORS = (" / ", " | ", " > ", " » ", " :: ")
#: Share of the bill's customers a leading name must stand before, and how many customers.
_SHARE, _FEWEST = 0.8, 3


def without_reseller(clients: Sequence[str]) -> list[str]:
    """The customers' names without the reseller's name that stands before nearly all of them."""
    names = {name for name in clients if name}
    if len(names) < _FEWEST:
        return list(clients)
    for separator in _SEPARATORS:
        leading = Counter(
            name.split(separator, 1)[0].strip() for name in names if separator in name
        )
        if not leading:
            continue
        reseller, count = leading.most_common(1)[0]
        if reseller and count >= _SHARE * len(names):
            prefix = reseller + separator.rstrip()
            return [_after(name, prefix) for name in clients]
    return list(clients)


def _after(name: str, prefix: str) -> str:
    if not name or not name.startswith(prefix):
        return name
    return name[len(prefix) :].strip() or name
