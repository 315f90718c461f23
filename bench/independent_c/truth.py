"""The findings rules.md says a scenario has, computed exactly with ``Fraction``."""

from __future__ import annotations

import math
from collections import defaultdict
from fractions import Fraction
from typing import Any

from .scenario import PLine, Scenario, VLine


def cents(x: Fraction) -> str:
    """Round half-up to the cent, once, and print with two decimals."""
    n = math.floor(abs(x) * 100 + Fraction(1, 2))
    sign = "-" if x < 0 and n else ""
    return f"{sign}{n // 100}.{n % 100:02d}"


def median(values: list[Fraction]) -> Fraction:
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


Pair = tuple[int, str]


def findings(
    sc: Scenario, vrow: dict[int, int], prow: dict[int, int], perturb: bool
) -> list[dict[str, Any]]:
    """Every finding of the scenario with its rows (``vrow``/``prow``: line uid -> rendered row)."""
    vlines: dict[Pair, list[VLine]] = defaultdict(list)
    plines: dict[Pair, list[PLine]] = defaultdict(list)
    for v in sc.vendor:
        if v.role in ("licence", "credit"):
            vlines[(v.client.idx, v.product.key)].append(v)
    for line in sc.psa:
        if line.role == "licence" and line.product is not None:
            plines[(line.client.idx, line.product.key)].append(line)
    psa_clients = {line.client.idx for line in sc.psa}
    names = {c.idx: c.canonical for c in sc.clients}

    def p_of(lines: list[PLine]) -> tuple[int, Fraction]:
        q = sum(x.qty for x in lines)
        return q, sum((x.qty * x.monthly_price for x in lines), Fraction(0)) / q

    per_product: dict[str, list[Fraction]] = defaultdict(list)
    for (_ci, key), lines in plines.items():
        per_product[key].append(p_of(lines)[1])
    out: list[dict[str, Any]] = []
    for pair in sorted(set(vlines) | set(plines), key=lambda k: (names[k[0]], k[1])):
        vl, pl = vlines.get(pair, []), plines.get(pair, [])
        vq = sum(x.qty for x in vl)
        c = sum((x.qty * x.monthly_cost for x in vl), Fraction(0)) / vq if vq else Fraction(0)
        pq, p = p_of(pl) if pl else (0, Fraction(0))
        product = (vl or pl)[0].product
        assert product is not None
        classes: set[str] = set()
        for x in vl:
            classes.update(x.classes)
        for y in pl:
            classes.update(y.classes)
        if perturb and pair[0] in psa_clients:
            classes.add(sc.psa_names[pair[0]][1])
        base = {
            "client": names[pair[0]],
            "product": product.name,
            "vendor_rows": sorted(vrow[x.uid] for x in vl),
            "psa_rows": sorted(prow[y.uid] for y in pl),
            "classes": sorted(classes),
        }
        found: list[tuple[str, Fraction]] = []
        if vq > 0 and pq == 0:
            med = per_product.get(product.key)
            found.append(("unbilled", vq * (median(med) if med else c)))
        elif pq > 0 and vq == 0:
            found.append(("no_vendor_record", pq * p))
        elif vq > pq > 0:
            found.append(("under_billed", (vq - pq) * p))
        elif pq > vq > 0:
            found.append(("over_billed", (pq - vq) * p))
        if vq > 0 and pq > 0 and p < c:
            found.append(("below_cost", (c - p) * min(vq, pq)))
        for kind, impact in found:
            out.append({"type": kind, "monthly_impact": cents(impact), **base})
    return out
