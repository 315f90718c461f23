"""briefs/rules.md, computed exactly with fractions from the scenario's own values."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction


@dataclass(frozen=True)
class Fact:
    """One rendered line as the rules see it."""

    row: int
    client: str
    product: str
    role: str  # vendor: licence|credit|free ; psa: licence|service|cancelled
    qty: int
    unit: Fraction  # per billing period
    annual: bool

    @property
    def monthly(self) -> Fraction:
        return self.unit / 12 if self.annual else self.unit


@dataclass
class Finding:
    type: str
    impact: Fraction
    client: str
    product: str
    vendor_rows: list[int]
    psa_rows: list[int]


def cents(value: Fraction) -> str:
    """Half-up to the cent, once, as a two-decimal string."""
    hundredths, rest = divmod(value * 100, 1)
    if rest >= Fraction(1, 2):
        hundredths += 1
    return f"{Decimal(int(hundredths)).scaleb(-2):.2f}"


def _median(values: list[Fraction]) -> Fraction:
    vals = sorted(values)
    n = len(vals)
    mid = n // 2
    if n % 2:
        return vals[mid]
    return (vals[mid - 1] + vals[mid]) / 2


def findings(vendor: list[Fact], psa: list[Fact]) -> list[Finding]:
    vq: dict[tuple[str, str], int] = {}
    vsum: dict[tuple[str, str], Fraction] = {}
    vrows: dict[tuple[str, str], list[int]] = {}
    for f in vendor:
        if f.role not in ("licence", "credit"):
            continue
        key = (f.client, f.product)
        vq[key] = vq.get(key, 0) + f.qty
        vsum[key] = vsum.get(key, Fraction(0)) + f.qty * f.monthly
        vrows.setdefault(key, []).append(f.row)
    pq: dict[tuple[str, str], int] = {}
    psum: dict[tuple[str, str], Fraction] = {}
    prows: dict[tuple[str, str], list[int]] = {}
    for f in psa:
        if f.role != "licence":
            continue
        key = (f.client, f.product)
        pq[key] = pq.get(key, 0) + f.qty
        psum[key] = psum.get(key, Fraction(0)) + f.qty * f.monthly
        prows.setdefault(key, []).append(f.row)
    p = {k: psum[k] / pq[k] for k in pq if pq[k] > 0}
    per_product: dict[str, list[Fraction]] = {}
    for (_client, product), price in p.items():
        per_product.setdefault(product, []).append(price)
    out: list[Finding] = []
    for key in sorted(set(vq) | set(pq)):
        client, product = key
        v = vq.get(key, 0)
        q = pq.get(key, 0)
        vr = sorted(vrows.get(key, []))
        pr = sorted(prows.get(key, []))
        c = vsum[key] / v if v > 0 else None
        if v > 0 and q <= 0:
            prices = per_product.get(product)
            assert c is not None
            impact = v * _median(prices) if prices else v * c
            out.append(Finding("unbilled", impact, client, product, vr, pr))
            continue
        if q > 0 and v <= 0:
            out.append(Finding("no_vendor_record", q * p[key], client, product, vr, pr))
            continue
        if v <= 0 or q <= 0:
            continue
        assert c is not None
        if v > q:
            out.append(Finding("under_billed", (v - q) * p[key], client, product, vr, pr))
        elif q > v:
            out.append(Finding("over_billed", (q - v) * p[key], client, product, vr, pr))
        if p[key] < c:
            out.append(Finding("below_cost", (c - p[key]) * min(v, q), client, product, vr, pr))
    return out
