"""Self-check of set AL: re-read every file from its cells, check the rows, recompute findings.

python -m bench.independent_al.selfcheck OUT      (OUT as written by python -m bench.independent_al)
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F
from pathlib import Path

from openpyxl import load_workbook

from .formats import PSAS, VENDORS


def read_cells(path, sheet):
    if path.suffix == ".csv":
        raw = path.read_bytes().decode("utf-8-sig")
        delim = "\t" if raw.split("\r\n", 1)[0].count("\t") > 0 else ","
        return [list(r) for r in csv.reader(raw.splitlines(), delimiter=delim)]
    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb[sheet]
    return [["" if v is None else v for v in r] for r in ws.iter_rows(values_only=True)]


def num(x):
    if isinstance(x, (int, float)):
        return F(Decimal(str(x)))
    s = str(x).strip().lstrip("'").replace("$", "").replace(",", "")
    neg = s.startswith("(") and s.endswith(")")
    s = s.strip("()")
    if s.startswith("-"):
        neg, s = True, s[1:]
    v = F(Decimal(s))
    return -v if neg else v


def isnum(x):
    try:
        num(x)
        return x != ""
    except Exception:
        return False


def readback(cells, spec, rowsd):
    hdr = [str(h) for h in cells[spec["header"] - 1]]
    col = {h: i for i, h in enumerate(hdr)}
    probs = []
    out = {}
    pi, qi = col[spec["product"]], col[spec["qty"]]
    data_like = set()
    for i, r in enumerate(cells, 1):
        if i <= spec["header"] or len(r) <= max(pi, qi):
            continue
        if str(r[pi]).strip() and isnum(r[qi]) and [str(x) for x in r] != hdr:
            data_like.add(i)
    if data_like != {int(k) for k in rowsd}:
        probs.append(f"line-like rows differ: {sorted(data_like ^ {int(k) for k in rowsd})[:5]}")
    for k in rowsd:
        r = cells[int(k) - 1]
        q = num(r[qi])
        u = num(r[col[spec["unit"]]]) if spec.get("unit") else num(r[col[spec["total"]]]) / q
        if spec.get("cents"):
            u = u / 100
        if spec.get("total"):
            t = num(r[col[spec["total"]]])
            if abs(t - u * q) > F(1, 100):
                probs.append(f"row {k}: total {t} != {u}*{q}")
        if "yearly" in spec and str(r[col[spec["yearly"][0]]]) == spec["yearly"][1]:
            u = u / 12
        nb = "status" in spec and str(r[col[spec["status"][0]]]) == spec["status"][1]
        out[k] = (int(q), u, nb)
    return out, probs


def half_up(f):
    d = Decimal(f.numerator) / Decimal(f.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def recompute(truth, vb, pb):
    V, P = {}, {}
    probs = []
    for k, r in truth["rows"]["vendor"].items():
        q, u, _ = vb[k]
        d = V.setdefault((r["client"], r["product"]), [0, F(0), []])
        d[0] += q
        d[1] += q * u
        d[2].append(int(k))
    for k, r in truth["rows"]["psa"].items():
        q, u, nb = pb[k]
        if nb != (r["role"] == "not_billed"):
            probs.append(f"psa row {k}: status cell disagrees with role {r['role']}")
        if r["role"] != "licence":
            continue
        d = P.setdefault((r["client"], r["product"]), [0, F(0), []])
        d[0] += q
        d[1] += q * u
        d[2].append(int(k))
    med = {}
    for (_c, prod), (q, a, _) in P.items():
        if q > 0:
            med.setdefault(prod, []).append(a / q)
    out = []
    for key in set(V) | set(P):
        vq, va, vr = V.get(key, [0, F(0), []])
        pq, pa, pr = P.get(key, [0, F(0), []])
        c = va / vq if vq else None
        p = pa / pq if pq else None

        def add(t, imp, key=key, vr=vr, pr=pr):
            out.append((t, key[0], key[1], tuple(sorted(vr)), tuple(sorted(pr)), half_up(imp)))

        if vq > 0 and pq == 0:
            add("unbilled", vq * (statistics.median(med[key[1]]) if key[1] in med else c))
        if vq > pq > 0:
            add("under_billed", (vq - pq) * p)
        if pq > vq > 0:
            add("over_billed", (pq - vq) * p)
        if pq > 0 and vq == 0 and p > 0:
            add("no_vendor_record", pq * p)
        if vq > 0 and pq > 0 and p < c:
            add("below_cost", (c - p) * min(vq, pq))
    return sorted(out), probs


def check_case(d):
    d = Path(d)
    t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    probs = []
    vspec = VENDORS[t["vendor_format"]][1]
    pspec = PSAS[t["psa_format"]][1]
    vb, p1 = readback(
        read_cells(d / t["vendor_file"], t["vendor_sheet"]), vspec, t["rows"]["vendor"]
    )
    pb, p2 = readback(read_cells(d / t["psa_file"], t["psa_sheet"]), pspec, t["rows"]["psa"])
    probs += ["vendor " + x for x in p1] + ["psa " + x for x in p2]
    got, p3 = recompute(t, vb, pb)
    probs += p3
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
    if got != want:
        probs.append(
            f"findings differ: {len(set(got) ^ set(want))} e.g. {sorted(set(got) ^ set(want))[:2]}"
        )
    return t, probs


def main(out):
    cases = sorted(p.parent for p in Path(out).rglob("truth.json"))
    total, nprob = 0, 0
    twins = {}
    stats = []
    for d in cases:
        t, probs = check_case(d)
        total += 1
        nprob += len(probs)
        for p in probs:
            print(d, p)
        key = (t["seed"], t["clients"], t["vendor_format"], t["psa_format"])
        twins.setdefault(key, {})[t["perturb"]] = sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]
        )
        keys = {(r["client"], r["product"]) for r in t["rows"]["vendor"].values()} | {
            (r["client"], r["product"]) for r in t["rows"]["psa"].values() if r["role"] == "licence"
        }
        stats.append(
            (
                t["clients"],
                len(t["rows"]["vendor"]),
                len(t["rows"]["psa"]),
                len(keys),
                len({(f["client"], f["product"]) for f in t["findings"]}),
                len(t["findings"]),
            )
        )
    for key, tw in twins.items():
        if len(tw) == 2 and tw[True] != tw[False]:
            nprob += 1
            print("clean twin differs:", key)
    for n in sorted({s[0] for s in stats}):
        ss = [s for s in stats if s[0] == n]
        print(
            f"{n} clients: {len(ss)} cases, vendor rows {min(s[1] for s in ss)}-"
            f"{max(s[1] for s in ss)}, psa rows {min(s[2] for s in ss)}-{max(s[2] for s in ss)}"
            f", keys with a finding {min(s[4] / s[3] for s in ss):.1%}-"
            f"{max(s[4] / s[3] for s in ss):.1%}, findings {min(s[5] for s in ss)}-"
            f"{max(s[5] for s in ss)}"
        )
    print(f"{total} cases, {nprob} problems")
    return nprob


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
