"""Prices and margins per client and product: this month's pairs, margins under the target, and
vendor cost moves against last month while the PSA price stayed.

Kept apart from the five discrepancy types: a thin margin is not leakage yet, and a price move is a
comparison of two months, not of two exports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from engine.history.findings import PastPair, PreviousMonth
from engine.money import round_cents
from engine.result import Pair, PriceChange, ThinMargin
from engine.rules import SCALE, ClientInfo, GroupKey, Holding, unit_of

UNIT_PLACES = Decimal("0.000001")  # monthly unit amounts kept to six places (annual ÷ 12 and so on)
_ZERO = Decimal("0.00")


@lru_cache(maxsize=65_536, typed=True)
def _six_places(scaled: Decimal | Fraction, quantity: Decimal) -> Decimal | None:
    """A holding's monthly unit to six places, by Decimal division (28 digits): no Fraction built
    for the many pairs that only need storing or a first look. Once per distinct (sum, seats):
    174k holdings at 100k lines have ~1,500 of them."""
    if scaled.__class__ is Decimal:
        return (scaled / (SCALE * quantity)).quantize(UNIT_PLACES)
    return _places(unit_of(scaled, quantity))


def _places(value: Fraction | None) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(UNIT_PLACES)


def pairs(
    vendor: Mapping[GroupKey, Holding],
    psa: Mapping[GroupKey, Holding],
    clients: Mapping[int, ClientInfo],
    names: Mapping[str, str],
) -> tuple[Pair, ...]:
    """Every client and product with seats on either side, by client then product."""
    return tuple(pair for _, pair in keyed_pairs(vendor, psa, clients, names))


def keyed_pairs(
    vendor: Mapping[GroupKey, Holding],
    psa: Mapping[GroupKey, Holding],
    clients: Mapping[int, ClientInfo],
    names: Mapping[str, str],
) -> list[tuple[GroupKey, Pair]]:
    """:func:`pairs` with each pair's group key."""
    out = []
    labels: dict[int, str] = {}  # group → the client's name, looked up once per group
    psa_get, six_places = psa.get, _six_places
    for key, v in vendor.items():  # the vendor's keys, then those only the PSA has
        p = psa_get(key)
        vq = v.quantity if v.quantity > 0 else None
        pq = p.quantity if p is not None and p.quantity > 0 else None
        if vq is None and pq is None:
            continue
        label = labels.get(key[0])
        if label is None:
            info = clients[key[0]]
            label = labels[key[0]] = info.psa_name or info.vendor_name
        cost = None if vq is None else six_places(v.scaled, vq)
        price = None if p is None or pq is None else six_places(p.scaled, pq)
        out.append((key, Pair(label, names[key[1]], vq, pq, cost, price)))
    for key, p in psa.items():
        if p.quantity > 0 and key not in vendor:
            label = labels.get(key[0])
            if label is None:
                info = clients[key[0]]
                label = labels[key[0]] = info.psa_name or info.vendor_name
            price = six_places(p.scaled, p.quantity)
            out.append((key, Pair(label, names[key[1]], None, p.quantity, None, price)))
    return _by_client_and_product(out)


def _by_client_and_product(out: list[tuple[GroupKey, Pair]]) -> list[tuple[GroupKey, Pair]]:
    """Sorted by (client, product), stably: each distinct name sorted once (36k clients at 100k
    lines), the 91k pairs by integer ranks."""
    clients = {name: rank for rank, name in enumerate(sorted({p.client for _, p in out}))}
    products = {name: rank for rank, name in enumerate(sorted({p.product for _, p in out}))}
    width = len(products)
    order = [clients[p.client] * width + products[p.product] for _, p in out]
    return [out[i] for i in sorted(range(len(out)), key=order.__getitem__)]


def thin_margins(
    vendor: Mapping[GroupKey, Holding],
    psa: Mapping[GroupKey, Holding],
    clients: Mapping[int, ClientInfo],
    names: Mapping[str, str],
    target_percent: Decimal,
) -> tuple[ThinMargin, ...]:
    """Client products billed at or above cost but under the target margin, largest shortfall first.

    Margin = (price − cost) ÷ price. Below cost is a discrepancy already and is not repeated here.
    The six-place units the pairs show give a first look; candidates are decided exactly. Only the
    groups with seats on both sides are looked at, without building the pairs; ties are in the
    pairs' order (client, then product)."""
    target = Fraction(target_percent) / 100
    if target <= 0 or target >= 1:
        return ()
    near = Decimal(target_percent) / 100 + Decimal("0.0001")
    out = []
    psa_get, six_places = psa.get, _six_places
    for key, v in vendor.items():
        p = psa_get(key)
        if p is None or not v.quantity > 0 or not p.quantity > 0:
            continue
        rough_cost = six_places(v.scaled, v.quantity)
        rough_price = six_places(p.scaled, p.quantity)
        if rough_cost is None or rough_price is None or rough_price <= 0:
            continue
        if rough_price - rough_cost >= near * rough_price:
            continue  # comfortably above the target
        figures = _thin(v.scaled, v.quantity, p.scaled, p.quantity, target)
        if figures is None:
            continue
        cost, price, margin, at_target, shortfall = figures
        info = clients[key[0]]
        out.append(
            ThinMargin(
                client=info.psa_name or info.vendor_name,
                product=names[key[1]],
                seats=min(v.quantity, p.quantity),
                cost=cost,
                price=price,
                margin_percent=margin,
                target_percent=Decimal(target_percent),
                price_at_target=at_target,
                monthly_shortfall=shortfall,
            )
        )
    out.sort(key=lambda t: (t.client, t.product))  # the pairs' order
    return tuple(
        sorted(out, key=lambda t: (-t.monthly_shortfall, t.client.lower(), t.product.lower()))
    )


@lru_cache(maxsize=65_536, typed=True)
def _thin(
    cost_sum: Decimal | Fraction,
    vendor_seats: Decimal,
    price_sum: Decimal | Fraction,
    psa_seats: Decimal,
    target: Fraction,
) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal] | None:
    """A pair's margin figures to the cent (cost, price, margin %, price at target, shortfall), or
    None when it is not thin; exact, and worked out once per distinct (sums, seats): every figure
    is a value of them alone."""
    cost, price = unit_of(cost_sum, vendor_seats), unit_of(price_sum, psa_seats)
    if price <= 0 or price < cost:
        return None
    margin = (price - cost) / price
    if margin >= target:
        return None
    at_target = cost / (1 - target)
    return (
        round_cents(cost),
        round_cents(price),
        round_cents(margin * 100),
        round_cents(at_target),
        round_cents((at_target - price) * Fraction(min(vendor_seats, psa_seats))),
    )


def _key(client: str, product: str) -> tuple[str, str]:
    return client.strip().lower(), product.strip().lower()


def _cents(value: Decimal | None) -> Decimal | None:
    return None if value is None else round_cents(value)


def price_changes(now: Iterable[Pair], previous: PreviousMonth) -> tuple[PriceChange, ...]:
    """Vendor unit costs that moved since last month while the client's PSA price stayed.

    Client rows: the same client and product billed by the vendor and priced in the PSA both months,
    the vendor cost different at the cent, the PSA price the same at the cent. Effect per month =
    (cost now − cost then) × vendor seats now, rounded half-up to the cent. Product rows follow the
    product's quantity-weighted cost over every client on both months; their effect adds up their
    client rows (so the total counts each client once)."""
    before: dict[tuple[str, str], PastPair] = {_key(p.client, p.product): p for p in previous.pairs}
    rows: list[PriceChange] = []
    by_product: dict[str, list[tuple[Pair, PastPair]]] = defaultdict(list)
    for pair in now:
        old = before.get(_key(pair.client, pair.product))
        if old is None or not pair.vendor_qty or not old.vendor_qty:
            continue
        if pair.vendor_unit_cost is None or old.vendor_unit_cost is None:
            continue
        by_product[pair.product].append((pair, old))
        if _cents(pair.vendor_unit_cost) == _cents(old.vendor_unit_cost):
            continue
        price, old_price = _cents(pair.psa_unit_price), _cents(old.psa_unit_price)
        if price is None or price != old_price:
            continue  # not billed, or the PSA price moved too: not a cost move left unpassed
        rows.append(
            PriceChange(
                scope="client",
                client=pair.client,
                product=pair.product,
                vendor_qty=pair.vendor_qty,
                previous_cost=round_cents(old.vendor_unit_cost),
                cost=round_cents(pair.vendor_unit_cost),
                psa_unit_price=price,
                monthly_effect=round_cents(
                    (pair.vendor_unit_cost - old.vendor_unit_cost) * pair.vendor_qty
                ),
                previous_period=previous.period,
            )
        )
    rows.sort(key=lambda r: (-abs(r.monthly_effect), r.client.lower(), r.product.lower()))
    products = _product_rows(by_product, rows, previous)
    return (*products, *rows)


def _product_rows(
    by_product: Mapping[str, list[tuple[Pair, PastPair]]],
    rows: list[PriceChange],
    previous: PreviousMonth,
) -> list[PriceChange]:
    """One row per product whose quantity-weighted cost moved; its effect adds up its client rows."""
    products = []
    for product, both in by_product.items():
        seats_now = sum((p.vendor_qty or _ZERO for p, _ in both), _ZERO)
        seats_then = sum((o.vendor_qty or _ZERO for _, o in both), _ZERO)
        cost_now = sum(((p.vendor_unit_cost or _ZERO) * (p.vendor_qty or _ZERO) for p, _ in both))
        cost_then = sum(((o.vendor_unit_cost or _ZERO) * (o.vendor_qty or _ZERO) for _, o in both))
        now_unit, then_unit = round_cents(cost_now / seats_now), round_cents(cost_then / seats_then)
        if now_unit == then_unit:
            continue
        products.append(
            PriceChange(
                scope="product",
                client="",
                product=product,
                vendor_qty=seats_now,
                previous_cost=then_unit,
                cost=now_unit,
                psa_unit_price=None,
                monthly_effect=sum((r.monthly_effect for r in rows if r.product == product), _ZERO),
                previous_period=previous.period,
            )
        )
    products.sort(key=lambda r: (-abs(r.monthly_effect), r.product.lower()))
    return products


def price_change_effect(changes: Iterable[PriceChange]) -> Decimal:
    """The month's total: client rows only (product rows restate them)."""
    return sum((c.monthly_effect for c in changes if c.scope == "client"), _ZERO)
