"""A distributor that writes the customer as "Reseller / End customer": the MSP's own name before
every customer's.

Ingram's and other marketplaces' exports name the reseller (the MSP itself) in front of each end
customer ("Northbeam IT Pty Ltd / Wattle Creek Plumbing Pty Ltd"). The reseller is no part of the
customer's name; left in, it is the longest part of every name, and a customer the books spell a
little differently is no longer like its own name. The evidence is the bill itself: one leading
name before a separator on nearly every customer. A PSA may write the same path, and a site after
the customer (Naverisk's "Northwind IT > Acme Dental > Head Office").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

#: How a reseller's name is set before the customer's.
_SEPARATORS = (" / ", " | ", " > ", " » ", " :: ")
#: Share of the bill's customers a leading name must stand before, and how many customers.
_SHARE, _FEWEST = 0.8, 3
#: At most this share of the customers' different sites: the path's last part is a site.
_SITE_SHARE = 0.1


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
            return _without_site([_after(name, prefix) for name in clients], separator)
    return list(clients)


def _without_site(clients: list[str], separator: str) -> list[str]:
    """The customers without the site after them, where the path goes on to one of a few sites
    (Naverisk's "Northwind IT > Acme Dental > Head Office"): the customer is billed, not its site."""
    names = {name for name in clients if name}
    trailing = Counter(name.rsplit(separator, 1)[1].strip() for name in names if separator in name)
    if sum(trailing.values()) < _SHARE * len(names) or len(trailing) > max(
        _FEWEST, _SITE_SHARE * len(names)
    ):
        return clients
    return [name.rsplit(separator, 1)[0].strip() if separator in name else name for name in clients]


def _after(name: str, prefix: str) -> str:
    if not name or not name.startswith(prefix):
        return name
    return name[len(prefix) :].strip() or name
