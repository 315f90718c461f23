"""rules.md, re-implemented for the truth: findings per (client, product) with exact fractions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


@dataclass(frozen=True)
class Line:
    """A licence line as the rules see it: side, client, product, seats, monthly unit amount."""

    side: str  # vendor | psa
    client: str
    product: str
    qty: int
    monthly_unit: Fraction
    row: int


@dataclass(frozen=True)
class Finding:
    type: str
    client: str
    product: str
    impact: Fraction
    vendor_rows: tuple[int, ...]
    psa_rows: tuple[int, ...]

    @property
    def monthly_impact(self) -> str:
        return half_up(self.impact)


def half_up(value: Fraction) -> str:
    """Round once, half-up, to the cent."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    # 60 significant digits are plenty for a sum of cents divided by seat counts and 12
    from decimal import localcontext

    with localcontext() as ctx:
        ctx.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _median(values: list[Fraction]) -> Fraction:
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def findings(lines: Iterable[Line]) -> list[Finding]:
    """Every finding of rules.md for these licence lines (credits are negative vendor lines)."""
    vq: dict[tuple[str, str], int] = defaultdict(int)
    vsum: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    pq: dict[tuple[str, str], int] = defaultdict(int)
    psum: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    vrows: dict[tuple[str, str], list[int]] = defaultdict(list)
    prows: dict[tuple[str, str], list[int]] = defaultdict(list)
    for line in lines:
        key = (line.client, line.product)
        if line.side == "vendor":
            vq[key] += line.qty
            vsum[key] += line.qty * line.monthly_unit
            vrows[key].append(line.row)
        else:
            pq[key] += line.qty
            psum[key] += line.qty * line.monthly_unit
            prows[key].append(line.row)
    per_product: dict[str, list[Fraction]] = defaultdict(list)
    for (client, product), q in pq.items():
        if q > 0:
            per_product[product].append(psum[(client, product)] / q)
    out: list[Finding] = []
    for key in sorted(set(vq) | set(pq)):
        client, product = key
        v, p = vq.get(key, 0), pq.get(key, 0)
        c = vsum[key] / v if v > 0 else Fraction(0)
        price = psum[key] / p if p > 0 else Fraction(0)
        rows = (tuple(sorted(vrows[key])), tuple(sorted(prows[key])))
        if v > 0 and p <= 0:
            prices = per_product.get(product)
            impact = v * (_median(prices) if prices else c)
            out.append(Finding("unbilled", client, product, impact, *rows))
        elif p > 0 and v <= 0:
            out.append(Finding("no_vendor_record", client, product, p * price, *rows))
        elif v > 0 and p > 0:
            if v > p:
                out.append(Finding("under_billed", client, product, (v - p) * price, *rows))
            elif p > v:
                out.append(Finding("over_billed", client, product, (p - v) * price, *rows))
            if price < c:
                out.append(Finding("below_cost", client, product, (c - price) * min(v, p), *rows))
    return out
