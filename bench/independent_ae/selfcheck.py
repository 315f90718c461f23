"""Self-check of set AE: re-read every file from its cells, check rows, recompute every finding.

python -m bench.independent_ae.selfcheck OUT     (OUT written by python -m bench.independent_ae)
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from . import make_case
from .catalog import PRODUCTS
from .formats import PSAS, VENDORS, read_records

MAKER = {p.name: p.maker for p in PRODUCTS}


def _cents(x):
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def recompute(vrows, prows):
    """vrows: {row: (client, product, qty, unit)}; prows: {row: (client, product, qty, unit)} billed only."""
    kv, kp = {}, {}
    for r, (c, p, q, u) in vrows.items():
        kv.setdefault((c, p), []).append((r, q, u))
    for r, (c, p, q, u) in prows.items():
        kp.setdefault((c, p), []).append((r, q, u))

    def agg(ls):
        q = sum(x[1] for x in ls)
        return q, (sum(x[1] * x[2] for x in ls) / q if q else None)

    prices = {}
    for (_c, p), ls in kp.items():
        q, u = agg(ls)
        if q > 0:
            prices.setdefault(p, []).append(u)
    out = []
    for key in set(kv) | set(kp):
        vq, c = agg(kv.get(key, []))
        pq, p = agg(kp.get(key, []))
        vr = sorted(x[0] for x in kv.get(key, []))
        pr = sorted(x[0] for x in kp.get(key, [])) if pq else []
        found = []
        if vq > 0 and pq <= 0:
            m = statistics.median(sorted(prices[key[1]])) if key[1] in prices else c
            found.append(("unbilled", vq * m))
        elif vq > pq > 0:
            found.append(("under_billed", (vq - pq) * p))
        elif pq > vq > 0:
            found.append(("over_billed", (pq - vq) * p))
        elif pq > 0 and vq == 0 and not kv.get(key) and p:
            found.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            found.append(("below_cost", (c - p) * min(vq, pq)))
        for t, amt in found:
            out.append((t, key[0], key[1], tuple(vr), tuple(pr), _cents(amt)))
    return sorted(out)


def check_case(folder):
    folder = Path(folder)
    t = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    probs = []
    vf, pf = t["vendor_format"], t["psa_format"]
    case = make_case(t["seed"], vf, pf, t["clients"], t["perturb"])
    with tempfile.TemporaryDirectory() as tmp:  # the writer numbers the rows
        PSAS[pf][0](case, Path(tmp), random.Random(0))
    psa_name = {c["canonical"]: c["psa"] for c in case.clients}
    ptext = {str(p.row): p.text for p in case.plines}
    tv, tp = t["rows"]["vendor"], t["rows"]["psa"]
    # vendor
    _w, reader, _cur, _caps, src = VENDORS[vf]
    got_v = {}
    for row, client, prod, qty, unit in reader(
        read_records(folder, t["vendor_file"], t["vendor_sheet"], src)
    ):
        tr = tv.get(str(row))
        if tr is None:
            probs.append(f"vendor row {row} not in truth")
            continue
        if client.casefold() != tr["client"].casefold():
            probs.append(f"vendor row {row}: client {client!r} != {tr['client']!r}")
        name = tr["product"]
        if prod not in (name, f"{name} [NCE]", f"{MAKER[name]} {name}"):
            probs.append(f"vendor row {row}: product {prod!r} != {name!r}")
        if (qty < 0) != (tr["role"] == "credit"):
            probs.append(f"vendor row {row}: credit sign")
        got_v[row] = (tr["client"], name, qty, unit)
    if set(map(str, got_v)) != set(tv):
        probs.append(f"vendor rows differ: {len(got_v)} read vs {len(tv)} in truth")
    # psa
    _w, reader, _caps, src = PSAS[pf]
    got_p, seen = {}, set()
    for row, client, text, qty, unit, cancelled in reader(
        read_records(folder, t["psa_file"], t["psa_sheet"], src)
    ):
        seen.add(str(row))
        tr = tp.get(str(row))
        if tr is None:
            probs.append(f"psa row {row} not in truth")
            continue
        if client != psa_name[tr["client"]]:
            probs.append(f"psa row {row}: client {client!r} != {psa_name[tr['client']]!r}")
        if text != ptext[str(row)]:
            probs.append(f"psa row {row}: text {text!r} != {ptext[str(row)]!r}")
        if not t["perturb"] and tr["role"] != "service" and text != tr["product"]:
            probs.append(f"psa row {row}: clean text {text!r} != {tr['product']!r}")
        if cancelled != (tr["role"] == "not_billed"):
            probs.append(f"psa row {row}: cancelled flag vs role {tr['role']}")
        if tr["role"] == "licence" and not cancelled:
            got_p[row] = (tr["client"], tr["product"], qty, unit)
    if seen != set(tp):
        probs.append(f"psa rows differ: {len(seen)} read vs {len(tp)} in truth")
    want = sorted(
        (
            f["type"],
            f["client"],
            f["product"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
            f["monthly_impact"],
        )
        for f in t["findings"]
    )
    got = recompute(got_v, got_p)
    if want != got:
        a, b = set(want), set(got)
        probs.append(
            f"findings differ: {len(a - b)} only in truth, {len(b - a)} only recomputed; "
            f"e.g. {sorted(a - b)[:2]} / {sorted(b - a)[:2]}"
        )
    for f in t["findings"]:
        if Decimal(f["monthly_impact"]) <= 0:
            probs.append(f"non-positive impact {f}")
    keys = {(r["client"], r["product"]) for r in tv.values()} | {
        (r["client"], r["product"]) for r in tp.values() if r["role"] == "licence"
    }
    fk = {(f["client"], f["product"]) for f in t["findings"]}
    stats = {
        "vrows": len(tv),
        "prows": len(tp),
        "keys": len(keys),
        "fkeys": len(fk),
        "types": Counter(f["type"] for f in t["findings"]),
    }
    return probs, stats, t


def main(argv):
    root = Path(argv[0])
    cases = sorted(p.parent for p in root.rglob("truth.json"))
    nprob = 0
    per_size = {}
    twins = {}
    for d in cases:
        probs, st, t = check_case(d)
        for p in probs[:5]:
            print(f"{d}: {p}")
        nprob += len(probs)
        agg = per_size.setdefault(t["clients"], Counter())
        agg["cases"] += 1
        for k in ("vrows", "prows", "keys", "fkeys"):
            agg[k] += st[k]
        agg.update(st["types"])
        twins.setdefault((t["seed"], t["clients"], t["vendor_format"], t["psa_format"]), {})[
            t["perturb"]
        ] = [(f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]]
    ntw = 0
    for key, tw in twins.items():
        if len(tw) == 2:
            ntw += 1
            if sorted(tw[True]) != sorted(tw[False]):
                nprob += 1
                print(f"{key}: perturbed and clean findings differ")
    for n, a in sorted(per_size.items()):
        k = a["cases"]
        print(
            f"{n} clients: {k} cases; per case {a['vrows'] / k:.0f} vendor rows, {a['prows'] / k:.0f} PSA rows, "
            f"{a['keys'] / k:.0f} keys, {a['fkeys'] / a['keys']:.1%} of keys with a finding; types per case: "
            + ", ".join(
                f"{t} {a[t] / k:.1f}"
                for t in (
                    "unbilled",
                    "under_billed",
                    "over_billed",
                    "no_vendor_record",
                    "below_cost",
                )
            )
        )
    print(f"{len(cases)} cases, {ntw} clean/perturbed twins compared, {nprob} problems")
    return 1 if nprob else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
