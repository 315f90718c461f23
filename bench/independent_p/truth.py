"""The finding rules of rules.md, computed exactly (Fractions) from the lines a case writes."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from statistics import median

COUNTING_V = {"licence", "credit"}
COUNTING_P = {"licence", "credit"}


def cents(f: Fraction) -> str:
    """Round half-up to the cent once; impacts are never negative."""
    n = (f * 100 + Fraction(1, 2)).__floor__()
    return f"{n // 100}.{n % 100:02d}"


def findings_from(vrows: list[dict], prows: list[dict]) -> list[dict]:
    """vrows/prows: dicts with row, client, product, role, qty, monthly (unit per month, Fraction), classes.

    PSA qty is the billed quantity (ConnectWise: Quantity - Less Included); monthly is after discounts.
    """
    v = defaultdict(list)
    p = defaultdict(list)
    for r in vrows:
        if r["role"] in COUNTING_V:
            v[(r["client"], r["product"])].append(r)
    for r in prows:
        if r["role"] in COUNTING_P:
            p[(r["client"], r["product"])].append(r)

    def agg(rows):
        q = sum(r["qty"] for r in rows)
        amt = sum(Fraction(r["qty"]) * r["monthly"] for r in rows)
        return q, (amt / q if q else None)

    price_by_product = defaultdict(list)
    pagg = {}
    for key, rows in p.items():
        q, unit = agg(rows)
        pagg[key] = (q, unit)
        if q > 0:
            price_by_product[key[1]].append(unit)
    out = []
    for key in sorted(set(v) | set(p)):
        client, product = key
        vq, c = agg(v.get(key, []))
        pq, pr = pagg.get(key, (0, None))
        vr = sorted(r["row"] for r in v.get(key, []))
        pr_rows = sorted(r["row"] for r in p.get(key, []))
        classes = sorted({cl for r in p.get(key, []) for cl in r["classes"]})

        def add(t, impact):
            out.append(
                {
                    "type": t,
                    "client": client,
                    "product": product,
                    "vendor_rows": vr,
                    "psa_rows": pr_rows,
                    "monthly_impact": cents(impact),
                    "classes": classes,
                }
            )

        if vq > 0 and pq <= 0:
            ref = price_by_product.get(product)
            add("unbilled", vq * (Fraction(median(ref)) if ref else c))
            continue
        if pq > 0 and vq <= 0:
            add("no_vendor_record", pq * pr)
            continue
        if vq > pq > 0:
            add("under_billed", (vq - pq) * pr)
        elif pq > vq > 0:
            add("over_billed", (pq - vq) * pr)
        if vq > 0 and pq > 0 and pr < c:
            add("below_cost", (c - pr) * min(vq, pq))
    return out
