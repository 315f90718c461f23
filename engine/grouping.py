"""Clients matched across the two sides, and each side's holdings per (client group, product).

A *group* is one matched client (or a client found on one side only); a *holding* is what one side
has of one product for one group: its seats and Σ seats × monthly unit amount, exact.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from engine.lines import Line, known
from engine.lines.tax_numbers import tax_number
from engine.match.billed_for import book_to_named_clients
from engine.match.client_keys import domain_in_name
from engine.match.client_notes import registration_numbers
from engine.match.clients import ClientMatch, match_clients, pair_leftovers_by_basket
from engine.match.cut_names import join_cut_names
from engine.match.franchise_numbers import join_franchise_numbers
from engine.match.legal_twins import (
    separate_legal_twins,
    separate_mirrored_spellings,
    separate_spelling_twins,
)
from engine.match.products import Descriptor, ProductMatch
from engine.match.second_names import SECOND_NAME
from engine.match.sub_accounts import join_sub_accounts
from engine.match.trading_names import join_trading_names
from engine.rules import ClientInfo, GroupKey, Holding
from engine.settings import Settings
from engine.sides import Prepared

_NONE = Decimal(0)


@dataclass(frozen=True)
class Groups:
    """Client groups: each side's client key → group, and each group's names and match."""

    matches: list[ClientMatch]
    vendor: dict[str, int]
    psa: dict[str, int]
    infos: dict[int, ClientInfo]


def group_clients(vendor: Prepared, psa: Prepared, settings: Settings) -> Groups:
    """Match the two sides' clients (names, tenant domains, aliases, what each buys) into groups."""
    book_to_named_clients(psa.lines, psa.client_keys, vendor.client_keys)
    separate_legal_twins(vendor.client_keys, psa.client_keys)
    separate_mirrored_spellings(vendor.client_keys, psa.client_keys)
    vendor_baskets, psa_baskets = cache(lambda: _baskets(vendor)), cache(lambda: _baskets(psa))
    join_trading_names(
        psa.client_keys,
        vendor.client_keys,
        psa_baskets,
        vendor_baskets,
        cache(lambda: _lines_of(psa)),
    )
    join_trading_names(
        vendor.client_keys,
        psa.client_keys,
        vendor_baskets,
        psa_baskets,
        cache(lambda: _lines_of(vendor)),
    )
    join_sub_accounts(psa.client_keys, vendor.client_keys, psa_baskets, vendor_baskets)
    products_of: dict[str, set[str]] = defaultdict(set)
    domains_of: dict[str, set[str]] = defaultdict(set)
    ids_of: dict[str, set[str]] = defaultdict(set)  # the vendor's customer ids of each spelling
    for line in vendor.lines:
        if line.exclusion is None and line.product_key is not None:
            products_of[line.client].add(line.product_key)
        if line.domain:
            domains_of[line.client].add(line.domain.lower())
        if line.client_id:
            ids_of[line.client].add(line.client_id)
    separate_spelling_twins(vendor.client_keys, psa.client_keys, products_of, domains_of, ids_of)
    # (after the twins are told apart: a tenant's domain in the name's cell is no second tenant)
    join_cut_names(psa.client_keys, vendor.client_keys)  # "Northern Beaches Property Grou"
    join_cut_names(vendor.client_keys, psa.client_keys)  # "westgatecatering.onmicrosoft.com"
    join_franchise_numbers(psa.client_keys, vendor.client_keys)  # "Jetwash Joes - Gosford #137"
    join_franchise_numbers(vendor.client_keys, psa.client_keys)
    by_spelling: dict[str, set[str]] = defaultdict(set)
    for line in vendor.lines:
        if line.domain and line.exclusion is None:
            by_spelling[line.client].add(line.domain)
    for spelling in vendor.client_keys:
        if domain := domain_in_name(spelling):  # "Contoso Ltd (Tenant: contoso.onmicrosoft.com)"
            by_spelling[spelling].add(domain)
    domains: dict[str, set[str]] = defaultdict(set)
    for spelling, tenant_domains in by_spelling.items():
        domains[vendor.client_keys[spelling]] |= tenant_domains
    vendor_ids: dict[str, set[str]] = defaultdict(set)
    for spelling, ids in ids_of.items():
        vendor_ids[vendor.client_keys[spelling]] |= ids
    matches = match_clients(
        _display_names(vendor.lines, vendor.client_keys),
        _display_names(psa.lines, psa.client_keys),
        vendor_domains=domains,
        vendor_ids=vendor_ids,
        tax_numbers=(_tax_numbers(vendor), _tax_numbers(psa)),
        aliases=settings.client_aliases,
        vendor_baskets=_baskets(vendor),
        psa_baskets=_baskets(psa),
        thresholds=settings.match,
    )
    return _groups_of(matches)


def _tax_numbers(side: Prepared) -> dict[str, set[str]]:
    """The tax and register numbers each client key's lines give, in their own columns or written
    in the client's name ("Sofia Print EOOD, ЕИК 969466896")."""
    out: dict[str, set[str]] = defaultdict(set)
    for line in side.lines:
        if line.tax_ids and (key := side.client_keys.get(line.client)):
            out[key].update(line.tax_ids.split())
    for spelling, key in side.client_keys.items():
        for written in registration_numbers(spelling):
            if number := tax_number(written):
                out[key].add(number)
    return out


def pair_late(groups: Groups, vendor: Prepared, psa: Prepared, read_late: Iterable[str]) -> Groups:
    """The groups once clients left alone on both sides are paired by what they buy, now that
    every line's product has been read in context (engine.match.clients.pair_leftovers_by_basket).
    Only PSA clients with a line read in context (``read_late``: their spellings) buy more than the
    basket tier saw, so only they may pair now (speed: a bill's thousands of clients alone)."""
    alone = {m.vendor_key for m in groups.matches if m.method == "unmatched" and m.vendor_key}
    late = {psa.client_keys[spelling] for spelling in read_late if spelling in psa.client_keys}
    alone_psa = {m.psa_key for m in groups.matches if m.method == "unmatched" and m.psa_key in late}
    if not alone or not alone_psa:
        return groups
    matches = pair_leftovers_by_basket(
        groups.matches,
        _baskets(vendor, alone),
        _baskets(psa, alone_psa),
        [*vendor.client_keys.values(), *psa.client_keys.values()],
    )
    return groups if matches is groups.matches else _groups_of(matches)


def _groups_of(matches: list[ClientMatch]) -> Groups:
    """Each side's client key → group and each group's names, from the matches."""
    groups = Groups(matches, {}, {}, {})
    for index, match in enumerate(matches):
        if match.method == SECOND_NAME:
            continue
        if match.vendor_key is not None:
            groups.vendor[match.vendor_key] = index
        if match.psa_key is not None:
            groups.psa[match.psa_key] = index
        groups.infos[index] = ClientInfo(
            match.psa_name, match.vendor_name, match.method, match.confidence, match.evidence
        )
    for match in matches:
        if match.method == SECOND_NAME and match.vendor_key and match.psa_key:
            # the books' second name of a client, or the bill's second tenant: its lines join
            # that client, whose findings are then checked first
            if match.vendor_key in groups.vendor:
                index = groups.psa[match.psa_key] = groups.vendor[match.vendor_key]
            else:
                index = groups.vendor[match.vendor_key] = groups.psa[match.psa_key]
            info = groups.infos[index]
            groups.infos[index] = replace(
                info,
                confidence=min(info.confidence, match.confidence),
                evidence="; ".join(filter(None, [info.evidence, match.evidence])),
            )
    return groups


def _display_names(lines: list[Line], keys: dict[str, str]) -> dict[str, str]:
    """Each client key's most common spelling."""
    spellings: Counter[str] = Counter([line.client for line in known(lines)])
    by_key: dict[str, tuple[int, str]] = {}
    for spelling, count in spellings.items():
        key = keys[spelling]
        if key not in by_key or count > by_key[key][0]:
            by_key[key] = (count, spelling)
    return {key: spelling for key, (_, spelling) in by_key.items()}


def _lines_of(side: Prepared) -> Counter[str]:
    """How many lines that take part each client key has."""
    keys = side.client_keys
    return Counter(keys[line.client] for line in side.lines if line.exclusion is None)


def _baskets(side: Prepared, only: set[str] | None = None) -> dict[str, dict[str, Decimal]]:
    """What each client (or each of ``only``) buys: product key → seats, from the lines whose
    product is already known."""
    baskets: dict[str, dict[str, Decimal]] = defaultdict(dict)
    keys = side.client_keys
    for line in side.lines:
        if line.exclusion is None and line.product_key is not None and line.quantity is not None:
            key = keys[line.client]
            if only is not None and key not in only:
                continue
            basket = baskets[key]
            basket[line.product_key] = basket.get(line.product_key, _NONE) + line.quantity
    return baskets


def holdings(
    side: Prepared,
    products: dict[Descriptor, ProductMatch],
    groups: dict[str, int],
    inferred: Mapping[tuple[str, Descriptor], ProductMatch] | None = None,
) -> dict[GroupKey, Holding]:
    """One side's holdings by (group, product key); an unreadable line is a note on its group."""
    found: dict[GroupKey, Holding] = {}
    group_of = {spelling: groups.get(key) for spelling, key in side.client_keys.items()}
    inferred = inferred or {}
    inferred_for = {client for client, _ in inferred}  # the clients with a product inferred
    for line in side.lines:
        if line.exclusion is not None and not line.unreadable:
            continue
        group = group_of[line.client]
        if group is None:
            continue
        descriptor = (line.product, line.product_ids)
        match = products[descriptor]
        if line.client in inferred_for:
            match = inferred.get((line.client, descriptor), match)
        key = (group, match.key)
        holding = found.get(key)
        if holding is None:
            holding = found[key] = Holding()
        if line.exclusion is not None:  # unreadable: a note on its group, no amounts
            holding.note(f"{line.side} row {line.row}: {line.excluded}")
            continue
        assert line.quantity is not None and line.unit is not None  # guaranteed by engine.lines
        holding.add(
            line.quantity,
            line.unit,
            line.months,
            line.product,
            line.row,
            match.confidence,
            match.method,
            match.evidence,
        )
        if line.sized:  # "Veeam … - 10-user pack" × 5: 50 users
            measure = f" {line.measure.upper()}" if line.measure else ""
            holding.explain(
                f"{line.side} row {line.row}: {line.sized} = {line.quantity:f}{measure}"
            )
    return found
