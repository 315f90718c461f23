"""Self-check of set AH: re-read every file from its cells, check the rows, recompute every finding.

python -m bench.independent_ah.selfcheck OUT
"""

from __future__ import annotations

import csv
import json
import math
import re
import statistics
import sys
from fractions import Fraction as F
from pathlib import Path

from openpyxl import load_workbook

from .formats import SPEC


def cells(path, sheet):
    if str(path).endswith(".xlsx"):
        ws = load_workbook(path, read_only=True, data_only=True)[sheet]
        return [["" if v is None else v for v in r] for r in ws.iter_rows(values_only=True)]
    raw = Path(path).read_bytes().decode("utf-8-sig")
    return list(csv.reader(raw.splitlines()))


def num(v):
    if isinstance(v, (int, float)):
        return F(str(v)) if isinstance(v, float) else F(v)
    t = str(v).strip()
    if not t:
        return None
    neg = (t.startswith("(") and t.endswith(")")) or t.startswith("-")
    t = re.sub(r"[()$£,\s-]", "", t)
    if not re.fullmatch(r"\d+(\.\d+)?", t):
        return None
    x = F(t)
    return -x if neg else x


def read_side(path, sheet, spec):
    rows = cells(path, sheet)
    hdr = None
    for i, r in enumerate(rows):
        if spec["first"] and r and str(r[0]) == spec["first"]:
            hdr = i
            break
        if not spec["first"] and len(r) > 1 and r[1] == spec.get("second"):
            hdr = i
            break
    col = {str(h): j for j, h in enumerate(rows[hdr])}
    out = {}
    for i in range(hdr + 1, len(rows)):
        r = rows[i]
        get = lambda name, r=r: r[col[name]] if col[name] < len(r) else ""  # noqa: E731
        if not r or col[spec["qty"]] >= len(r) or num(get(spec["qty"])) is None:
            continue
        q = num(get(spec["qty"]))
        yc, yv = spec["yearly"]
        yearly = bool(re.search(yv, str(get(yc))))
        u = num(get(spec["amount"])) / q if "amount" in spec else num(get(spec["unit"]))
        nb = False
        if "nb" in spec:
            nb = str(get(spec["nb"][0])) == spec["nb"][1]
        out[i + 1] = dict(
            client=str(get(spec["client"])),
            qty=q,
            unit=u / 12 if yearly else u,
            nb=nb,
            desc=str(get(spec["desc"])) if "desc" in spec else "",
        )
    return out


def half_up(x):
    return F(math.floor(x * 100 + F(1, 2)), 100)


def recompute(truth, V, P):
    def agg(ls):
        q = sum((a for a, _b, _r in ls), F(0))
        return q, (sum((a * b for a, b, _r in ls), F(0)) / q if q else F(0))

    kv, kp = {}, {}
    for r, t in truth["rows"]["vendor"].items():
        if t["role"] in ("licence", "credit"):
            kv.setdefault((t["client"], t["product"]), []).append(
                (V[int(r)]["qty"], V[int(r)]["unit"], int(r))
            )
    for r, t in truth["rows"]["psa"].items():
        if t["role"] == "licence":
            kp.setdefault((t["client"], t["product"]), []).append(
                (P[int(r)]["qty"], P[int(r)]["unit"], int(r))
            )
    med = {}
    for (_c, pr), ls in kp.items():
        q, p = agg(ls)
        if q > 0 and p > 0:
            med.setdefault(pr, []).append(p)
    out = set()
    for key in set(kv) | set(kp):
        vq, c = agg(kv.get(key, []))
        pq, p = agg(kp.get(key, []))
        vr = tuple(sorted(x[2] for x in kv.get(key, [])))
        prr = tuple(sorted(x[2] for x in kp.get(key, [])))
        f = []
        if vq > 0 and pq == 0:
            f.append(("unbilled", vq * (statistics.median(med[key[1]]) if key[1] in med else c)))
        if vq > pq > 0:
            f.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            f.append(("over_billed", (pq - vq) * p))
        if pq > 0 and vq == 0 and p > 0:
            f.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            f.append(("below_cost", (c - p) * min(vq, pq)))
        for t, imp in f:
            if half_up(imp) > 0:
                out.add((t, key[0], key[1], vr, prr, f"{float(half_up(imp)):.2f}"))
    return out


def check_case(folder):
    folder = Path(folder)
    t = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    probs = []
    V = read_side(folder / t["vendor_file"], t["vendor_sheet"], SPEC[t["vendor_format"]])
    P = read_side(folder / t["psa_file"], t["psa_sheet"], SPEC[t["psa_format"]])
    if set(V) != {int(r) for r in t["rows"]["vendor"]}:
        probs.append(
            f"vendor rows differ: {sorted(set(V) ^ {int(r) for r in t['rows']['vendor']})[:5]}"
        )
    if set(P) != {int(r) for r in t["rows"]["psa"]}:
        probs.append(f"psa rows differ: {sorted(set(P) ^ {int(r) for r in t['rows']['psa']})[:5]}")
    if probs:
        return probs
    for r, x in t["rows"]["vendor"].items():
        if V[int(r)]["client"] != x["client"]:
            probs.append(f"vendor row {r}: client {V[int(r)]['client']!r} != {x['client']!r}")
    for r, x in t["rows"]["psa"].items():
        got = P[int(r)]
        if not t["perturb"] and got["client"] != x["client"]:
            probs.append(f"psa row {r}: clean client {got['client']!r} != {x['client']!r}")
        if got["nb"] != (x["role"] == "not_billed"):
            probs.append(f"psa row {r}: not-billed flag {got['nb']} but role {x['role']}")
        if not t["perturb"] and x["role"] == "licence" and x["product"] not in got["desc"]:
            probs.append(f"psa row {r}: clean description {got['desc']!r} lacks {x['product']!r}")
    mine = recompute(t, V, P)
    theirs = {
        (
            f["type"],
            f["client"],
            f["product"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
            f["monthly_impact"],
        )
        for f in t["findings"]
    }
    for f in sorted(mine ^ theirs)[:10]:
        probs.append(f"finding differs: {f} ({'recomputed only' if f in mine else 'truth only'})")
    return probs


def main(out):
    cases = sorted(p.parent for p in Path(out).rglob("truth.json"))
    n_probs = 0
    stats = []
    for c in cases:
        pr = check_case(c)
        n_probs += len(pr)
        for p in pr[:5]:
            print(f"{c}: {p}")
        t = json.loads((c / "truth.json").read_text(encoding="utf-8"))
        stats.append(
            (
                t["clients"],
                len(t["rows"]["vendor"]),
                len(t["rows"]["psa"]),
                len(t["findings"]),
                t["findings"],
                t["perturb"],
                c,
            )
        )
    # metamorphic: clean twin has the same findings (types, clients, products, impacts)
    twins = 0
    for c in cases:
        if c.name == "perturbed" and (c.parent / "clean" / "truth.json").exists():
            a = json.loads((c / "truth.json").read_text(encoding="utf-8"))["findings"]
            b = json.loads((c.parent / "clean" / "truth.json").read_text(encoding="utf-8"))[
                "findings"
            ]
            ka = sorted((f["type"], f["client"], f["product"], f["monthly_impact"]) for f in a)
            kb = sorted((f["type"], f["client"], f["product"], f["monthly_impact"]) for f in b)
            twins += 1
            if ka != kb:
                n_probs += 1
                print(f"{c}: clean twin findings differ")
    for size in sorted({s[0] for s in stats}):
        ss = [s for s in stats if s[0] == size]
        print(
            f"{size} clients: {len(ss)} cases, vendor rows {min(s[1] for s in ss)}-{max(s[1] for s in ss)}, "
            f"psa rows {min(s[2] for s in ss)}-{max(s[2] for s in ss)}, findings {min(s[3] for s in ss)}-{max(s[3] for s in ss)}"
        )
    print(f"{len(cases)} cases, {twins} clean twins compared, {n_probs} problems")
    return n_probs


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
