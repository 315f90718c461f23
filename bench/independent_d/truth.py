"""rules.md, computed exactly (fractions) from the scenario's own values."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from .catalog import BY_KEY
from .scenario import Scenario, money


@dataclass(frozen=True)
class Finding:
    type: str
    impact: str  # monthly, two decimals
    cust: int
    product: str  # key


def median(values: list[Fraction]) -> Fraction:
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def monthly(unit: Fraction, annual: bool) -> Fraction:
    return unit / 12 if annual else unit


def compute(
    vendor: list[tuple[int, str, int, Fraction, bool]],
    psa: list[tuple[int, str, int, Fraction, bool]],
) -> list[Finding]:
    """Findings from (customer, product, qty, unit amount per period, annual) licence lines."""
    vq: dict[tuple[int, str], int] = defaultdict(int)
    vcost: dict[tuple[int, str], Fraction] = defaultdict(Fraction)
    pq: dict[tuple[int, str], int] = defaultdict(int)
    pamt: dict[tuple[int, str], Fraction] = defaultdict(Fraction)
    for cust, prod, qty, unit, annual in vendor:
        vq[(cust, prod)] += qty
        vcost[(cust, prod)] += qty * monthly(unit, annual)
    for cust, prod, qty, unit, annual in psa:
        pq[(cust, prod)] += qty
        pamt[(cust, prod)] += qty * monthly(unit, annual)
    prices: dict[str, list[Fraction]] = defaultdict(list)
    for key in sorted(pq):
        if pq[key] > 0:
            prices[key[1]].append(pamt[key] / pq[key])
    medians = {product: median(values) for product, values in prices.items()}
    out: list[Finding] = []
    for key in sorted(set(vq) | set(pq)):
        v, q = vq.get(key, 0), pq.get(key, 0)
        c = vcost[key] / v if v > 0 else Fraction(0)
        p = pamt[key] / q if q > 0 else Fraction(0)

        def add(kind: str, amount: Fraction, key: tuple[int, str] = key) -> None:
            out.append(Finding(kind, f"{money(amount)}", key[0], key[1]))

        if v > 0 and q <= 0:
            add("unbilled", v * medians.get(key[1], c))
        elif q > 0 and v <= 0:
            add("no_vendor_record", q * p)
        elif v > 0 and q > 0:
            if v > q:
                add("under_billed", (v - q) * p)
            elif q > v:
                add("over_billed", (q - v) * p)
            if p < c:
                add("below_cost", (c - p) * min(v, q))
    return out


def vendor_tuples(sc: Scenario) -> list[tuple[int, str, int, Fraction, bool]]:
    return [
        (v.cust, v.product, v.qty, Fraction(v.unit_cost), v.annual)
        for v in sc.vlines
        if v.role != "free"
    ]


def psa_tuples(sc: Scenario) -> list[tuple[int, str, int, Fraction, bool]]:
    return [
        (p.cust, p.product, p.qty, Fraction(p.unit_price), p.annual)
        for p in sc.plines
        if p.role == "licence"
    ]


def build_truth(
    sc: Scenario,
    vrows: dict[int, int],
    prows: dict[int, int],
    perturb: bool,
    vendor_upper: bool,
    meta: dict[str, object],
) -> dict[str, object]:
    """truth.json: findings with their rows and classes, and every line row labelled."""
    names = {c.cid: c.canonical for c in sc.customers}
    name_cls = {cid: sc.psa_names[cid][1] for cid in sc.on_psa}
    rows_v: dict[str, dict[str, object]] = {}
    rows_p: dict[str, dict[str, object]] = {}
    pair_rows: dict[tuple[int, str], tuple[list[int], list[int], set[str]]] = defaultdict(
        lambda: ([], [], set())
    )
    for i, v in enumerate(sc.vlines):
        row = vrows[i]
        cls = ["case_punct"] if perturb and vendor_upper and sc.vendor_cases[v.cust] else []
        rows_v[str(row)] = {
            "client": names[v.cust],
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": cls,
        }
        if v.role != "free":
            entry = pair_rows[(v.cust, v.product)]
            entry[0].append(row)
            entry[2].update(cls)
    for i, p in enumerate(sc.plines):
        row = prows[i]
        product = BY_KEY[p.product].name if p.role != "service" else p.product
        cls = sorted({p.cls, name_cls[p.cust]}) if perturb and p.role != "service" else []
        if perturb and p.role == "service":
            cls = [name_cls[p.cust]]
        rows_p[str(row)] = {
            "client": names[p.cust],
            "product": product,
            "role": p.role,
            "classes": cls,
        }
        if p.role == "licence":
            entry = pair_rows[(p.cust, p.product)]
            entry[1].append(row)
            entry[2].update(cls)
    findings = []
    for f in compute(vendor_tuples(sc), psa_tuples(sc)):
        vr, pr, pair_cls = pair_rows[(f.cust, f.product)]
        classes = set(pair_cls)
        if perturb and f.cust in name_cls:
            classes.add(name_cls[f.cust])
        findings.append(
            {
                "type": f.type,
                "monthly_impact": f.impact,
                "client": names[f.cust],
                "product": BY_KEY[f.product].name,
                "vendor_rows": sorted(vr),
                "psa_rows": sorted(pr),
                "classes": sorted(classes),
            }
        )
    truth: dict[str, object] = dict(meta)
    truth["findings"] = findings
    truth["rows"] = {
        "vendor": dict(sorted(rows_v.items(), key=lambda kv: int(kv[0]))),
        "psa": dict(sorted(rows_p.items(), key=lambda kv: int(kv[0]))),
    }
    return truth
