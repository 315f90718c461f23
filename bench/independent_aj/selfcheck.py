"""Self-check of set AJ: re-read every file from its cells, check the rows and recompute every finding.

python -m bench.independent_aj.selfcheck OUT      (OUT as written by python -m bench.independent_aj)
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import sys
from fractions import Fraction
from pathlib import Path

from openpyxl import load_workbook

from .formats import PSAS, VENDORS
from .scenario import money

TOTAL_WORDS = ("total", "subtotal", "grand total", "totaal", "customer total")


def num(x, style):
    if x is None or x == "":
        return None
    if isinstance(x, (int, float)):
        return Fraction(str(x))
    s = str(x).strip().replace("\u00a0", "").replace("'", "")
    neg = s.startswith("(") and s.endswith(")")
    s = s.strip("()").replace("$", "").replace("£", "").replace("€", "")
    if style == "comma":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", s):
        return None
    f = Fraction(s)
    return -f if neg else f


def records(path, meta):
    kind, enc, delim = meta[0], meta[1], meta[2]
    if kind == "csv":
        with open(path, newline="", encoding=enc) as f:
            return [list(r) for r in csv.reader(f, delimiter=delim)]
    wb = load_workbook(path, read_only=True, data_only=True)
    return None, wb


def table(folder, fname, sheet, meta):
    if meta[0] == "csv":
        rows = records(folder / fname, meta)
    else:
        wb = load_workbook(folder / fname, read_only=True, data_only=True)
        if sheet not in wb.sheetnames:
            raise ValueError(f"sheet {sheet} missing")
        rows = [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    h = next(i for i, r in enumerate(rows) if meta[3] in r and meta[4] in r)
    return rows, h


def side(folder, fname, sheet, meta, truth_rows, problems, label):
    rows, h = table(folder, fname, sheet, meta)
    hdr = rows[h]
    qi, ai, ti = hdr.index(meta[3]), hdr.index(meta[4]), hdr.index(meta[6])
    got = {}
    for i, r in enumerate(rows[h + 1 :], h + 2):
        first = next((str(c).strip().lower() for c in r if c not in (None, "")), "")
        q = num(r[qi], meta[5]) if len(r) > qi else None
        linelike = q is not None and not first.startswith(TOTAL_WORDS)
        t = truth_rows.get(str(i))
        if linelike and t is None:
            problems.append(f"{label}: row {i} looks like a line but is not in the truth")
        if t is not None:
            if not linelike:
                problems.append(f"{label}: truth row {i} is not a line")
                continue
            a = num(r[ai], meta[5])
            text = str(r[ti] or "")
            if "qty_folded_line_total_qty1" in t["classes"]:
                m = re.match(r"\s*(\d+) x ", text)
                if not m or q != 1:
                    problems.append(f"{label}: row {i} folded quantity unreadable")
                    continue
                q = Fraction(int(m.group(1)))
            got[i] = (q, a)
    missing = set(map(int, truth_rows)) - set(got)
    if missing:
        problems.append(f"{label}: {len(missing)} truth rows not found, e.g. {sorted(missing)[:3]}")
    return got


def check_case(d):
    problems = []
    truth = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    _w, _cur, vmeta = VENDORS[truth["vendor_format"]]
    _w, pmeta = PSAS[truth["psa_format"]]
    tv, tp = truth["rows"]["vendor"], truth["rows"]["psa"]
    gv = side(d, truth["vendor_file"], truth["vendor_sheet"], vmeta, tv, problems, "vendor")
    gp = side(d, truth["psa_file"], truth["psa_sheet"], pmeta, tp, problems, "psa")
    V, P, vr, pr = {}, {}, {}, {}
    for i, (q, a) in gv.items():
        t = tv[str(i)]
        k = (t["client"], t["product"])
        s = V.get(k, (0, Fraction(0)))
        V[k] = (s[0] + q, s[1] + a)
        vr.setdefault(k, []).append(i)
    for i, (q, a) in gp.items():
        t = tp[str(i)]
        if t["role"] != "licence":
            continue
        k = (t["client"], t["product"])
        s = P.get(k, (0, Fraction(0)))
        P[k] = (s[0] + q, s[1] + a)
        pr.setdefault(k, []).append(i)
    med = {}
    for (_c, prod), (q, a) in P.items():
        if q > 0:
            med.setdefault(prod, []).append(a / q)
    mine = []
    for k in set(V) | set(P):
        vq, va = V.get(k, (0, Fraction(0)))
        pq, pa = P.get(k, (0, Fraction(0)))
        c = va / vq if vq else Fraction(0)
        p = pa / pq if pq else Fraction(0)
        if vq > 0 and k not in P:
            mine.append(
                ("unbilled", k, money(vq * (statistics.median(med[k[1]]) if med.get(k[1]) else c)))
            )
        if vq > pq > 0:
            mine.append(("under_billed", k, money((vq - pq) * p)))
        if pq > vq > 0:
            mine.append(("over_billed", k, money((pq - vq) * p)))
        if pq > 0 and k not in V and p != 0:
            mine.append(("no_vendor_record", k, money(pq * p)))
        if vq > 0 and pq > 0 and p < c:
            mine.append(("below_cost", k, money((c - p) * min(vq, pq))))
    theirs = {
        (f["type"], (f["client"], f["product"]), f["monthly_impact"]) for f in truth["findings"]
    }
    if set(mine) != theirs or len(mine) != len(truth["findings"]):
        problems.append(
            f"findings differ: {len(set(mine) - theirs)} only recomputed, {len(theirs - set(mine))} only in truth"
        )
    for f in truth["findings"]:
        k = (f["client"], f["product"])
        if sorted(vr.get(k, [])) != f["vendor_rows"] or sorted(pr.get(k, [])) != f["psa_rows"]:
            problems.append(f"rows of finding {f['type']} {k} differ")
    return problems, truth


def main(out):
    out = Path(out)
    cases = sorted(p.parent for p in out.rglob("truth.json"))
    total, stats = 0, []
    by_pair = {}
    for d in cases:
        probs, truth = check_case(d)
        total += len(probs)
        for p in probs[:5]:
            print(d, p)
        key = (truth["seed"], truth["clients"], truth["vendor_format"], truth["psa_format"])
        by_pair.setdefault(key, {})[truth["perturb"]] = truth
        keys = {(r["client"], r["product"]) for r in truth["rows"]["vendor"].values()} | {
            (r["client"], r["product"])
            for r in truth["rows"]["psa"].values()
            if r["role"] == "licence"
        }
        fk = {(f["client"], f["product"]) for f in truth["findings"]}
        stats.append(
            (
                truth["clients"],
                len(truth["rows"]["vendor"]),
                len(truth["rows"]["psa"]),
                len(fk) / max(1, len(keys)),
            )
        )
    for key, tw in by_pair.items():
        if True in tw and False in tw:
            a = sorted(
                (f["type"], f["client"], f["product"], f["monthly_impact"])
                for f in tw[True]["findings"]
            )
            b = sorted(
                (f["type"], f["client"], f["product"], f["monthly_impact"])
                for f in tw[False]["findings"]
            )
            if a != b:
                total += 1
                print(key, "perturbed and clean twins differ")
    for n in sorted({s[0] for s in stats}):
        ss = [s for s in stats if s[0] == n]
        print(
            f"{n} clients: {len(ss)} cases, vendor rows {min(s[1] for s in ss)}-{max(s[1] for s in ss)}, "
            f"psa rows {min(s[2] for s in ss)}-{max(s[2] for s in ss)}, keys with a finding "
            f"{min(s[3] for s in ss):.0%}-{max(s[3] for s in ss):.0%}"
        )
    print(f"{len(cases)} cases, {total} problems")
    return total


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
