"""The five leakage rules, applied per (client, product) — exact arithmetic, rounded half-up once.

With vq/pq the vendor/PSA quantities, c the vendor monthly unit cost and p the PSA monthly unit price
(quantity-weighted averages over lines and subscriptions):

- ``unbilled``          vq > 0, no PSA line:  vq × reference price (median per-client PSA price of the
  product in this export over the clients billed something for it, else c)
- ``under_billed``      vq > pq > 0:          (vq − pq) × p
- ``over_billed``       pq > vq > 0:          (pq − vq) × p
- ``no_vendor_record``  pq > 0, no vendor line: pq × p (none when p is 0: a free line costs nothing)
- ``below_cost``        p < c, both present:  (c − p) × min(vq, pq)   (may sit beside a quantity row)
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Context, Decimal, localcontext
from fractions import Fraction
from functools import lru_cache

from engine.money import round_cents, round_ratio
from engine.result import LEAKAGE_TYPES, Discrepancy, format_quantity
from engine.settings import Settings

_TYPE_ORDER = {
    "unbilled": 0,
    "under_billed": 1,
    "below_cost": 2,
    "over_billed": 3,
    "no_vendor_record": 4,
}
UNMATCHED_CLIENT_CONFIDENCE = 0.75  # an unmatched client that states no confidence
UNREADABLE_LINE_CONFIDENCE = 0.5


#: Sums are kept × 72 so that every billing period that divides 72 months (1, 2, 3, 4, 6, 12, 24, 36…)
#: turns into a whole-month amount with Decimal arithmetic alone: exact and fast.
SCALE = 72


#: SCALE // months for every billing period that divides SCALE.
_FACTORS = {
    months: Decimal(SCALE // months) for months in range(1, SCALE + 1) if SCALE % months == 0
}
_ZERO = Decimal(0)
_NO_CENTS = round_ratio(0, 1)
_EXACT = Context(prec=100)  # products of ≤ 28-digit operands are never rounded


@dataclass(slots=True)
class Holding:
    """One side's lines for one (client, product): summed quantity and Σ quantity × monthly unit.

    The words kept beside the sums (spellings, match methods, evidence, notes) are tuples of their
    distinct values in first-seen order: most holdings have one line, and 174k of them at 100k lines
    would otherwise carry ~700k small dicts and lists."""

    quantity: Decimal = _ZERO
    scaled: Decimal | Fraction = _ZERO  # Σ quantity × unit × SCALE / months — exact
    spellings: tuple[str, ...] = ()
    rows: list[int] = field(default_factory=list)
    confidence: float = 1.0
    methods: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # lines of this group that could not be read
    evidence: tuple[str, ...] = ()  # why inferred product matches were made
    _unit: Fraction | None = field(default=None, repr=False, compare=False)

    def add(
        self,
        quantity: Decimal,
        unit: Decimal | Fraction,
        months: int,
        spelling: str,
        row: int,
        confidence: float,
        method: str,
        evidence: str = "",
    ) -> None:
        """Add one line: ``unit`` is its price per billed period of ``months`` months."""
        self.quantity += quantity
        self._unit = None
        factor = _FACTORS.get(months)
        if factor is not None and unit.__class__ is Decimal and self.scaled.__class__ is Decimal:
            self.scaled += quantity * abs(unit) * factor
        else:  # an unusual period or a unit derived from a total: exact, the slow way
            self.scaled = (
                Fraction(self.scaled) + Fraction(quantity) * abs(Fraction(unit)) * SCALE / months
            )
        if spelling not in self.spellings:
            self.spellings = (*self.spellings, spelling) if self.spellings else _alone(spelling)
        self.rows.append(row)
        if confidence < self.confidence:
            self.confidence = confidence
        if method not in self.methods:
            self.methods = (*self.methods, method) if self.methods else _alone(method)
        if evidence and evidence not in self.evidence:
            self.evidence += (evidence,)

    def explain(self, text: str) -> None:
        """Why a line's quantity is not the one its export wrote ("vendor row 12: 5 × 10")."""
        if text not in self.evidence:
            self.evidence += (text,)

    def note(self, text: str) -> None:
        """A line of this group that could not be read: it takes no part, the finding says so."""
        self.notes += (text,)

    @property
    def present(self) -> bool:
        return self.quantity > 0

    @property
    def unit(self) -> Fraction | None:
        """The quantity-weighted monthly unit amount, exact (built only for findings)."""
        if self.quantity <= 0:
            return None
        if self._unit is None:  # remembered: findings and medians reuse it
            self._unit = unit_of(self.scaled, self.quantity)
        return self._unit

    @property
    def unit_cents(self) -> Decimal:
        """The monthly unit to the cent, as a finding shows it (seats present)."""
        return unit_cents(self.scaled, self.quantity)


@lru_cache(maxsize=65_536, typed=True)
def unit_of(scaled: Decimal | Fraction, quantity: Decimal) -> Fraction:
    """The monthly unit of a holding's sums, exact: one division per distinct (sum, seats) — at
    100k lines 174k holdings have ~1,500 of them (a few prices, small seat counts)."""
    numerator, numerator_denominator = scaled.as_integer_ratio()
    seats, seats_denominator = quantity.as_integer_ratio()
    return Fraction(numerator * seats_denominator, numerator_denominator * SCALE * seats)


@lru_cache(maxsize=65_536, typed=True)
def unit_cents(scaled: Decimal | Fraction, quantity: Decimal) -> Decimal:
    """:func:`unit_of` rounded to the cent, as a finding shows it."""
    return round_cents(unit_of(scaled, quantity))


@lru_cache(maxsize=65_536, typed=True)
def ordering_price(scaled: Decimal | Fraction, quantity: Decimal) -> Decimal:
    """A holding's monthly unit × SCALE to 60 digits: enough to order prices (the median itself
    is taken exactly), worked out once per distinct (sum, seats)."""
    with localcontext() as precise:
        precise.prec = 60
        if isinstance(scaled, Decimal):
            return Decimal(scaled) / quantity
        return Decimal(scaled.numerator) / Decimal(scaled.denominator) / quantity


@lru_cache(maxsize=65536)
def _alone(word: str) -> tuple[str]:
    """One tuple per spelling or method, shared by every holding that has only it (most do): a
    million holdings would otherwise carry two million small tuples (memory, issue 15)."""
    return (word,)


def _cheaper(psa: Holding, vendor: Holding) -> bool:
    """p < c without division: scaled_p / pq < scaled_c / vq  ⇔  scaled_p × vq < scaled_c × pq."""
    if psa.scaled.__class__ is Decimal and vendor.scaled.__class__ is Decimal:
        return _EXACT.multiply(psa.scaled, vendor.quantity) < _EXACT.multiply(
            vendor.scaled, psa.quantity
        )
    return Fraction(psa.scaled) * Fraction(vendor.quantity) < Fraction(vendor.scaled) * Fraction(
        psa.quantity
    )


@dataclass(frozen=True)
class ClientInfo:
    psa_name: str
    vendor_name: str
    method: str
    confidence: float
    evidence: str = ""


#: (client group, product key): one line of comparison.
GroupKey = tuple[int, str]


def stable_id(kind: str, client: str, product: str) -> str:
    """Same finding, same id, run after run: Status and Note typed by the user are keyed by it."""
    text = "|".join((kind, client.strip().lower(), product.strip().lower()))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _money(value: Fraction | None) -> Decimal | None:
    return None if value is None else round_cents(value)


def apply_rules(
    vendor: dict[GroupKey, Holding],
    psa: dict[GroupKey, Holding],
    clients: dict[int, ClientInfo],
    product_names: dict[str, str],
    settings: Settings,
    fix_when: Mapping[tuple[str, str], str] | None = None,
) -> list[Discrepancy]:
    """Every discrepancy of every group, ordered by monthly impact, largest first.

    ``fix_when`` (from :func:`engine.terms.review_terms`, when the bill states its terms) says how
    each (client, product)'s seats can be reduced: each finding is built with its "when to fix"."""
    reference = _ReferencePrices(psa)
    found: list[Discrepancy] = []
    for key, v, p, vq, pq, below_cost in _to_report(vendor, psa):
        c = v.unit if v is not None else None
        price = p.unit if p is not None else None
        median = reference.get(key[1])
        for kind, monthly in _impacts(vq, pq, c, price, median, below_cost):
            found.append(
                _discrepancy(
                    kind,
                    monthly,
                    clients[key[0]],
                    product_names[key[1]],
                    v,
                    p,
                    vq,
                    pq,
                    c,
                    price,
                    median,
                    settings,
                    fix_when,
                )
            )
    found.sort(
        key=lambda d: (
            -d.monthly_impact,  # the cents shown; ties ordered by type, client and product
            _TYPE_ORDER[d.type],
            d.client.lower(),
            d.vendor_client.lower(),
            d.product.lower(),
        )
    )
    for rank, discrepancy in enumerate(found, start=1):
        # Built a moment ago and not yet shared: set the rank in place rather than copy 20k records.
        object.__setattr__(discrepancy, "priority", rank)
    return found


#: A group with something to report: its key, both holdings, seats (0 when none) and below cost.
_Reported = tuple[GroupKey, Holding | None, Holding | None, Decimal, Decimal, bool]


def _to_report(
    vendor: dict[GroupKey, Holding], psa: dict[GroupKey, Holding]
) -> Iterator[_Reported]:
    """Every group once (the vendor's, then those only the PSA has) whose seats differ or whose
    price is below cost; the common case, nothing to report, costs two comparisons."""
    multiply, psa_get = _EXACT.multiply, psa.get
    for key, v in vendor.items():
        p = psa_get(key)
        vq = v.quantity if v.quantity > _ZERO else _ZERO
        if p is None:
            if vq:
                yield key, v, None, vq, _ZERO, False
            continue
        pq = p.quantity if p.quantity > _ZERO else _ZERO
        below_cost = False
        if vq and pq:  # p < c without division: scaled_p × vq < scaled_c × pq
            if p.scaled.__class__ is Decimal and v.scaled.__class__ is Decimal:
                below_cost = (
                    p.scaled < v.scaled  # the same seats on both sides (most): no products
                    if vq == pq
                    else multiply(p.scaled, vq) < multiply(v.scaled, pq)
                )
            else:
                below_cost = _cheaper(p, v)
        if below_cost or vq != pq:
            yield key, v, p, vq, pq, below_cost
    for key, p in psa.items():
        if p.quantity > _ZERO and key not in vendor:
            yield key, None, p, _ZERO, p.quantity, False


def _impacts(
    vq: Decimal,
    pq: Decimal,
    c: Fraction | None,
    price: Fraction | None,
    median: Fraction | None,
    below_cost: bool,
) -> list[tuple[str, Decimal]]:
    """The findings of one group and their monthly impacts: exact, rounded half-up to the cent."""
    impacts: list[tuple[str, Decimal]] = []
    if vq > 0 and pq == 0:
        ref = median if median is not None else c
        impacts.append(("unbilled", _times(vq, ref)))
    elif pq > 0 and vq == 0:
        if price:  # billed at nothing and bought from no one: nothing to recover, no finding
            impacts.append(("no_vendor_record", _times(pq, price)))
    elif vq > pq > 0 and price is not None:
        impacts.append(("under_billed", _times(vq - pq, price)))
    elif pq > vq > 0 and price is not None:
        impacts.append(("over_billed", _times(pq - vq, price)))
    if below_cost and c is not None and price is not None:
        seats, seats_denominator = min(vq, pq).as_integer_ratio()
        impacts.append(  # (c − price) × seats, in integers
            (
                "below_cost",
                round_ratio(
                    (c.numerator * price.denominator - price.numerator * c.denominator) * seats,
                    c.denominator * price.denominator * seats_denominator,
                ),
            )
        )
    return impacts


def _times(seats: Decimal, unit: Fraction | None) -> Decimal:
    """seats × unit (none: 0) to the cent, exact, without building a Fraction."""
    if unit is None:
        return _NO_CENTS
    numerator, denominator = seats.as_integer_ratio()
    return round_ratio(numerator * unit.numerator, denominator * unit.denominator)


class _ReferencePrices:
    """Median of the per-client PSA monthly unit prices of a product, worked out when first needed."""

    def __init__(self, psa: dict[GroupKey, Holding]) -> None:
        self._by_product: dict[str, list[Holding]] = defaultdict(list)
        for key, holding in psa.items():
            if holding.present and holding.scaled:  # a free line is no price of the product
                self._by_product[key[1]].append(holding)
        self._medians: dict[str, Fraction | None] = {}

    def get(self, product: str) -> Fraction | None:
        if product not in self._medians:
            holdings = self._by_product.get(product, [])
            ordered = sorted(holdings, key=lambda h: ordering_price(h.scaled, h.quantity))
            middle = len(ordered) // 2
            if not ordered:
                self._medians[product] = None
            elif len(ordered) % 2:
                self._medians[product] = ordered[middle].unit
            else:
                low, high = ordered[middle - 1].unit, ordered[middle].unit
                assert low is not None and high is not None
                self._medians[product] = (low + high) / 2
        return self._medians[product]


def _discrepancy(
    kind: str,
    monthly: Decimal,
    info: ClientInfo,
    product: str,
    vendor: Holding | None,
    psa: Holding | None,
    vq: Decimal,
    pq: Decimal,
    cost: Fraction | None,
    price: Fraction | None,
    reference: Fraction | None,
    settings: Settings,
    fix_when: Mapping[tuple[str, str], str] | None,
) -> Discrepancy:
    notes = [*(vendor.notes if vendor else []), *(psa.notes if psa else [])]
    confidence = _confidence(info, vendor, psa, notes)
    client_label = info.psa_name or info.vendor_name
    evidence = [
        *([info.evidence] if info.evidence else []),
        *(vendor.evidence if vendor else {}),
        *(psa.evidence if psa else {}),
    ]
    return Discrepancy(
        id=stable_id(kind, client_label, product),
        priority=0,
        type=kind,
        severity=settings.severity(monthly),
        client=info.psa_name,
        vendor_client=info.vendor_name,
        product=product,
        vendor_product="; ".join(vendor.spellings) if vendor else "",
        psa_product="; ".join(psa.spellings) if psa else "",
        vendor_qty=vq if vendor else None,
        psa_qty=pq if psa else None,
        vendor_unit_cost=None if vendor is None or cost is None else vendor.unit_cents,
        psa_unit_price=None if psa is None or price is None else psa.unit_cents,
        monthly_impact=monthly,
        annual_impact=monthly
        * 12,  # "Annual impact = 12 × monthly": the monthly figure shown, × 12
        confidence=round(confidence, 2),
        action=_action(kind, info, product, vq, pq, cost, price, reference)
        + (f" — check first: {'; '.join(notes[:3])}" if notes else ""),
        client_match=f"{info.method} ({info.confidence:.2f})"
        if info.method != "unmatched"
        else "unmatched",
        product_match=", ".join(
            dict.fromkeys([*(vendor.methods if vendor else {}), *(psa.methods if psa else {})])
        ),
        vendor_rows=tuple(vendor.rows) if vendor else (),
        psa_rows=tuple(psa.rows) if psa else (),
        check_first=confidence < settings.check_first_below,
        evidence="; ".join(evidence),
        fix_when=when_to_fix(kind, fix_when.get(terms_key(client_label, product)))
        if fix_when
        else "",
    )


def _confidence(
    info: ClientInfo, vendor: Holding | None, psa: Holding | None, notes: Sequence[str]
) -> float:
    """The least confident match a finding rests on; lower still beside a line not read."""
    confidence = min(
        info.confidence or UNMATCHED_CLIENT_CONFIDENCE,  # a match states its confidence
        vendor.confidence if vendor else 1.0,
        psa.confidence if psa else 1.0,
    )
    return min(confidence, UNREADABLE_LINE_CONFIDENCE) if notes else confidence


def _possessive(name: str) -> str:
    """``Contoso`` → ``Contoso's``; ``Fabrikam Holdings`` → ``Fabrikam Holdings'`` (not "Holdings's")."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def _action(
    kind: str,
    info: ClientInfo,
    product: str,
    vq: Decimal,
    pq: Decimal,
    cost: Fraction | None,
    price: Fraction | None,
    reference: Fraction | None,
) -> str:
    """A plain-language fix the user can act on in the PSA."""
    client = info.psa_name or info.vendor_name
    v, p = format_quantity(vq), format_quantity(pq)
    if kind == "unbilled":
        each = f" at about {round_cents(reference)} each per month" if reference is not None else ""
        if info.psa_name:
            return f"Add {v} × {product} to {_possessive(client)} agreement{each}"
        return (
            f"Bill {client} for {v} × {product}{each}: this vendor customer is not in the PSA "
            "export (add them, or map the name in Client Aliases)"
        )
    if kind == "under_billed":
        return f"Increase {product} on {_possessive(client)} agreement from {p} to {v} (+{format_quantity(vq - pq)})"
    if kind == "over_billed":
        return (
            f"Reduce {product} on {_possessive(client)} agreement from {p} to {v} "
            f"(−{format_quantity(pq - vq)}), or buy the missing seats from the vendor"
        )
    if kind == "no_vendor_record":
        tail = (
            ""
            if info.vendor_name
            else " (the company has no vendor lines at all: map its vendor name in Client Aliases if it differs)"
        )
        return (
            f"Check {product} on {_possessive(client)} agreement: {p} billed but no vendor subscription — "
            f"cancel the addition or find the subscription{tail}"
        )
    return (
        f"Raise the price of {product} for {client} from {_money(price)} to at least "
        f"{_money(cost)} per month (the vendor cost)"
    )


def terms_key(client: str, product: str) -> tuple[str, str]:
    """How :func:`engine.terms.review_terms` keys a (client, product)."""
    return folded_name(client), folded_name(product)


def folded_name(name: str) -> str:
    """A client's or product's name as :func:`terms_key` keys it."""
    return name.strip().lower()


def when_to_fix(kind: str, reduce: str | None) -> str:
    """Leakage of seats: bill now, or reduce (now / at renewal); below cost: bill now (the price);
    exposure: reduce now (the client's billed seats in the PSA)."""
    if kind == "below_cost":
        return "bill now"
    if kind in LEAKAGE_TYPES:
        return f"bill now, or {reduce}" if reduce else "bill now"
    return "reduce now"
