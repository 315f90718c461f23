"""Re-read every written case and check that truth.json's rows point at the right rows.

python -m bench.independent_w.selfcheck DIR
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

import openpyxl

from . import _case


def _rows(path: Path, sheet):
    if path.suffix in (".xlsx", ".xlsm"):
        wb = openpyxl.load_workbook(path)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        return {
            i: ["" if v is None else str(v) for v in r]
            for i, r in enumerate(ws.iter_rows(values_only=True), 1)
        }
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    first = text.splitlines()[0] if text else ""
    delim = (
        "|"
        if first.startswith("H|")
        else (";" if (first.startswith("sep=;") or first.count(";") > first.count(",")) else ",")
    )
    return {
        i: r for i, r in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delim), 1)
    }


def _low(s):
    return s.lower()


def check_case(d: Path):
    t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    problems = []
    case, vw, pw = _case(t["seed"], t["vendor_format"], t["psa_format"], t["clients"], t["perturb"])
    with tempfile.TemporaryDirectory() as tmp:
        vw(case, Path(tmp), random.Random(0))
        pw(case, Path(tmp), random.Random(0))
    vrows = _rows(d / t["vendor_file"], t["vendor_sheet"])
    prows = _rows(d / t["psa_file"], t["psa_sheet"])
    if {str(v.row) for v in case.vlines} != set(t["rows"]["vendor"]):
        problems.append("vendor row set differs from a regenerated case")
    if {str(p.row) for p in case.plines} != set(t["rows"]["psa"]):
        problems.append("psa row set differs from a regenerated case")
    for r, info in t["rows"]["vendor"].items():
        cells = vrows.get(int(r))
        if cells is None:
            problems.append(f"vendor row {r} missing")
            continue
        line = _low(" ".join(cells))
        prod = info["product"]
        if _low(prod[:40]) not in line:
            problems.append(f"vendor row {r}: {prod!r} not in {line[:120]!r}")
        if _low(info["client"]) not in line:
            # grouped layouts: the client heads its block
            ok = False
            for k in range(int(r) - 1, max(0, int(r) - 80), -1):
                if str(k) in t["rows"]["vendor"]:
                    continue
                row = _low(" ".join(vrows.get(k, [])))
                if _low(info["client"]) in row:
                    ok = True
                    break
                if row.startswith("customer:") or (
                    row.strip()
                    and k > 3
                    and "total" not in row
                    and "page" not in row
                    and "----" not in row
                    and "part number" not in row
                    and "cloud subscription" not in row
                    and "vstecs" not in row
                ):
                    break
            if not ok:
                problems.append(f"vendor row {r}: client {info['client']!r} not found")
        if info["role"] == "credit" and not any(
            w in line for w in ("credit", "storno", "crédito", "kredit", "cr ", "-")
        ):
            problems.append(f"vendor row {r}: credit without a credit mark")
    for p in case.plines:
        cells = prows.get(p.row)
        if cells is None:
            problems.append(f"psa row {p.row} missing")
            continue
        if p.text not in cells:
            problems.append(f"psa row {p.row}: {p.text!r} not in {cells}")
        line = " ".join(cells)
        if p.client_text not in line:
            ok = any(
                p.client_text in " ".join(prows.get(k, []))
                for k in range(p.row - 1, max(0, p.row - 40), -1)
            )
            if not ok:
                problems.append(f"psa row {p.row}: client text not found")
    return t, problems


def main(argv):
    root = Path(argv[0])
    bad = 0
    findings = {}
    for tf in sorted(root.rglob("truth.json")):
        d = tf.parent
        t, probs = check_case(d)
        keys = {
            (r["client"], r["product"])
            for r in list(t["rows"]["vendor"].values()) + list(t["rows"]["psa"].values())
            if r["role"] != "service"
        }
        fk = {(f["client"], f["product"]) for f in t["findings"]}
        types = Counter(f["type"] for f in t["findings"])
        nv = sum(1 for r in t["rows"]["vendor"].values())
        print(
            f"{d.relative_to(root)}: vendor rows {nv}, psa rows {len(t['rows']['psa'])}, keys {len(keys)}, "
            f"with finding {len(fk & keys) / max(1, len(keys)):.0%}, {dict(types)}"
            + (f"  PROBLEMS {len(probs)}: {probs[:3]}" if probs else "  ok")
        )
        bad += bool(probs)
        sig = sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]
        )
        findings.setdefault(str(d.parent), []).append(sig)
    twins = sum(1 for v in findings.values() if len(v) == 2)
    differ = [k for k, v in findings.items() if len(v) == 2 and v[0] != v[1]]
    print(
        f"{bad} case(s) with problems; {twins} clean/perturbed twin pairs, {len(differ)} differ in findings"
    )
    for k in differ[:5]:
        print("  twin differs:", k)
    return 1 if bad or differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
