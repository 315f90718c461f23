"""Renewals and terms (Microsoft new commerce): what a finding's seats allow, and when.

From the vendor lines' subscription end dates and commitment terms (Partner Center
SubscriptionEndDate and TermAndBillingCycle, Pax8 commitment end date and term):

- a subscription past its end date still billed runs under Microsoft's Extended Service Terms (since
  May 2026: the monthly price + 3%, or + 23% where the product has no monthly plan). Its line already
  carries the surcharge: per month it is cost × rate ÷ (1 + rate). Flagged "renew or cancel".
- a subscription of a year or more renewing within 60 days of the month's first day, where vendor
  and PSA seats differ: fix the gap before it locks in another term.
- each finding's "when to fix": bill now (raise the client's seats or price); reduce now (monthly
  term); reduce at renewal (date) for annual-term seats, which cannot be reduced mid-term.

Whether a product has a monthly plan is read from the bill: one monthly-term subscription of it on
the bill says it has; a product seen only on annual or longer terms is taken to have none (23%).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from engine.lines import Line
from engine.money import round_cents
from engine.result import TermFinding
from engine.rules import ClientInfo, GroupKey, Holding, folded_name

#: Extended Service Terms surcharge, percent of the monthly price (Microsoft, from 4 May 2026).
EST_MONTHLY_PLAN, EST_NO_MONTHLY_PLAN = Decimal(3), Decimal(23)
EST_SINCE = dt.date(2026, 5, 4)
RENEWAL_WINDOW_DAYS = (30, 60)
_ZERO = Decimal("0.00")


@dataclass(slots=True)
class _Subscriptions:
    """One client's product on the vendor bill, by how its seats are committed."""

    seats: Decimal = _ZERO  # every line's
    monthly_seats: Decimal = _ZERO
    undated_seats: Decimal = _ZERO  # a year or more committed, the end date not on the bill
    annual_ends: dict[dt.date, Decimal] = field(default_factory=dict)  # future end → seats
    lapsed: dict[dt.date, list[Line]] = field(default_factory=dict)  # past end → its lines
    commitments: dict[dt.date, int] = field(default_factory=dict)


def _term_name(months: int | None) -> str:
    return {1: "monthly", 12: "annual", 24: "2 years", 36: "3 years"}.get(months or 0, "")


@dataclass(frozen=True)
class TermsReview:
    findings: tuple[TermFinding, ...]
    #: (client, product) lower-cased → how its seats can be reduced; the rules build each
    #: finding's "when to fix" from it (engine.rules.when_to_fix).
    fix_when: dict[tuple[str, str], str]


def review_terms(
    lines: Sequence[Line],
    client_keys: Mapping[str, str],
    groups: Mapping[str, int],
    clients: Mapping[int, ClientInfo],
    names: Mapping[str, str],
    psa: Mapping[GroupKey, Holding],
    as_of: dt.date | None,
) -> TermsReview:
    """Extended Service Terms, renewals due and each (client, product)'s way to reduce seats."""
    if as_of is None:
        return TermsReview((), {})
    held, monthly_products = _subscriptions(lines, client_keys, groups, as_of)
    findings: list[TermFinding] = []
    when: dict[tuple[str, str], str] = {}
    # each group's client and each product's name, as shown and as keyed, worked out once: one
    # string per client and per product, shared by their keys
    client_names: dict[int, tuple[str, str]] = {}
    product_names: dict[str, tuple[str, str]] = {}
    folded: dict[str, str] = {}
    extended_terms_apply = (as_of.year, as_of.month) >= (EST_SINCE.year, EST_SINCE.month)
    for key, subs in held.items():
        group, product_key = key
        if (client_name := client_names.get(group)) is None:
            info = clients[group]
            client = info.psa_name or info.vendor_name
            who = folded_name(client)
            client_name = client_names[group] = (client, folded.setdefault(who, who))
        if (product_name := product_names.get(product_key)) is None:
            product = names[product_key]
            what = folded_name(product)
            product_name = product_names[product_key] = (product, folded.setdefault(what, what))
        if (reduce := _reduce_when(subs)) is not None:
            when[(client_name[1], product_name[1])] = reduce  # as terms_key keys them
        if not (subs.lapsed or subs.annual_ends):
            continue  # nothing lapsed and no dated term: nothing under EST, nothing renews
        client, product = client_name[0], product_name[0]
        p = psa.get(key)
        pq = p.quantity if p is not None and p.quantity > 0 else None
        if extended_terms_apply and subs.lapsed:  # (none lapsed: nothing under EST)
            monthly_plan = key[1] in monthly_products
            findings += _extended_terms(client, product, subs, pq, monthly_plan, as_of)
        if subs.annual_ends:  # (no dated term: nothing renews)
            findings += _renewals(client, product, subs, pq, as_of)
    findings.sort(
        key=lambda t: (
            t.kind != "extended_terms",
            t.days if t.kind == "renewal" else 0,
            t.client.lower(),
            t.product.lower(),
            t.end_date,
        )
    )
    return TermsReview(tuple(findings), when)


def _subscriptions(
    lines: Sequence[Line],
    client_keys: Mapping[str, str],
    groups: Mapping[str, int],
    as_of: dt.date,
) -> tuple[dict[GroupKey, _Subscriptions], set[str]]:
    """Each (client group, product)'s vendor seats by how they are committed, and the products
    the bill shows on a monthly term somewhere."""
    held: dict[GroupKey, _Subscriptions] = defaultdict(_Subscriptions)
    monthly_products: set[str] = set()
    group_of = {spelling: groups.get(key) for spelling, key in client_keys.items()}
    no_key = groups.get("")  # a spelling without a key (as client_keys.get(…, "") had it)
    for line in lines:
        if line.exclusion is not None or line.product_key is None or line.quantity is None:
            continue
        if line.commitment_months == 1:
            monthly_products.add(line.product_key)
        group = group_of.get(line.client, no_key)
        if group is None:
            continue
        subs = held[(group, line.product_key)]
        subs.seats += line.quantity
        end = line.subscription_end
        if end is not None and end < as_of:
            subs.lapsed.setdefault(end, []).append(line)
        elif line.commitment_months == 1 or (end is None and line.commitment_months is None):
            subs.monthly_seats += line.quantity if line.commitment_months == 1 else _ZERO
        elif end is not None:
            subs.annual_ends[end] = subs.annual_ends.get(end, _ZERO) + line.quantity
            subs.commitments[end] = line.commitment_months or 12
        else:
            subs.undated_seats += line.quantity
    return held, monthly_products


def _reduce_when(subs: _Subscriptions) -> str | None:
    """How the seats can be reduced: now (month to month; EST runs monthly too) or at renewal."""
    if subs.monthly_seats > 0 or subs.lapsed:
        return "reduce now"
    if subs.annual_ends:
        return f"reduce at renewal ({min(subs.annual_ends).isoformat()})"
    if subs.undated_seats > 0:
        return "reduce at renewal (date not on the bill)"
    return None


def _extended_terms(
    client: str,
    product: str,
    subs: _Subscriptions,
    pq: Decimal | None,
    monthly_plan: bool,
    as_of: dt.date,
) -> list[TermFinding]:
    """Subscriptions past their end date still billed, under Extended Service Terms."""
    out = []
    for end, ended in sorted(subs.lapsed.items()):
        rate = EST_MONTHLY_PLAN if monthly_plan else EST_NO_MONTHLY_PLAN
        seats = sum((x.quantity or _ZERO for x in ended), _ZERO)
        cost = sum(
            (Fraction(x.quantity or 0) * (x.monthly_unit or Fraction(0)) for x in ended),
            Fraction(0),
        )
        surcharge = round_cents(cost * Fraction(rate) / (100 + Fraction(rate)))
        plan = "with a monthly plan" if rate == EST_MONTHLY_PLAN else "no monthly plan on the bill"
        out.append(
            TermFinding(
                kind="extended_terms",
                client=client,
                product=product,
                end_date=end.isoformat(),
                term=_term_name(ended[0].commitment_months),
                vendor_qty=seats,
                psa_qty=pq,
                monthly_cost=round_cents(cost),
                surcharge_percent=rate,
                monthly_surcharge=surcharge,
                days=(as_of - end).days,
                action=f"Renew or cancel: the term ended {end.isoformat()} and it bills under "
                f"Extended Service Terms at +{rate}% ({plan}).",
            )
        )
    return out


def _renewals(
    client: str, product: str, subs: _Subscriptions, pq: Decimal | None, as_of: dt.date
) -> list[TermFinding]:
    """Terms of a year or more renewing within the window with vendor and PSA seats apart."""
    gap = subs.seats - (pq or _ZERO)
    out = []
    for end, seats in sorted(subs.annual_ends.items()):
        days = (end - as_of).days
        if days > RENEWAL_WINDOW_DAYS[-1] or gap == 0:
            continue
        window = next(w for w in RENEWAL_WINDOW_DAYS if days <= w)
        side = "fewer" if gap > 0 else "more"
        out.append(
            TermFinding(
                kind="renewal",
                client=client,
                product=product,
                end_date=end.isoformat(),
                term=_term_name(subs.commitments.get(end)),
                vendor_qty=seats,
                psa_qty=pq,
                monthly_cost=_ZERO,
                surcharge_percent=_ZERO,
                monthly_surcharge=_ZERO,
                days=days,
                action=f"Renews within {window} days ({end.isoformat()}) with {abs(gap)} seats "
                f"{side} billed than bought: bill them, or change the seats before it renews.",
            )
        )
    return out
