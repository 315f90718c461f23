"""Re-read every written case and check that truth.json points at the right rows.

    python -m bench.independent_v.selfcheck DIR

For each truth.json under DIR: the vendor and PSA files are read back (openpyxl / csv, in their
own encodings); every truth row must exist, name its client and product (vendor rows: the
canonical names, found on the row or on the customer heading above it; PSA rows: the PSA's own
spelling and description as generated), every finding's rows must be truth rows of its client and
product, and a clean twin beside a perturbed case must give the same findings.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import tempfile
from pathlib import Path

import openpyxl

from .psas import PSAS
from .scenario import build_case
from .vendors import VENDORS


def read_rows(path: Path, sheet):
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        rows = [[("" if v is None else str(v)) for v in r] for r in ws.iter_rows(values_only=True)]
        # a merged cell's value belongs to every cell of its range
        for rng in ws.merged_cells.ranges:
            v = rows[rng.min_row - 1][rng.min_col - 1]
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if c - 1 < len(rows[r - 1]):
                        rows[r - 1][c - 1] = v
        return rows
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1250")
    first = text.splitlines()[0]
    delim = "\t" if "\t" in first else (";" if first.count(";") > first.count(",") else ",")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))


def lossy(s, fname):
    if fname.endswith(".csv") and ("pohoda" in fname or "rozliczenie" in fname):
        return s.encode("cp1250", errors="replace").decode("cp1250")
    return s


def check_case(tpath: Path) -> list[str]:
    t = json.loads(tpath.read_text(encoding="utf-8"))
    d = tpath.parent
    errs = []
    vrows = read_rows(d / t["vendor_file"], t["vendor_sheet"])
    prows = read_rows(d / t["psa_file"], t["psa_sheet"])
    # rebuild the case to know each PSA line's text and each client's PSA name
    vw, currency = VENDORS[t["vendor_format"]]
    pw, pcaps = PSAS[t["psa_format"]]
    case = build_case(t["seed"], t["clients"], currency, pcaps, t["perturb"])
    with tempfile.TemporaryDirectory() as tmp:
        import random

        lay = random.Random(
            f"V-layout|{t['seed']}|{t['vendor_format']}|{t['psa_format']}|{t['clients']}"
        )
        vw(case, Path(tmp), random.Random(lay.random()))
        pw(case, Path(tmp), random.Random(lay.random()))
    byc = {c["id"]: c for c in case.clients}
    names = {c["canonical"] for c in case.clients}
    for v in case.vlines:
        for r in v.rows:
            tr = t["rows"]["vendor"].get(str(r))
            if not tr or tr["client"] != byc[v.cid]["canonical"]:
                errs.append(f"vendor row {r}: truth differs from the rebuilt case")
                continue
            row = " | ".join(vrows[r - 1]) if r - 1 < len(vrows) else ""
            if tr["product"] not in row:
                errs.append(f"vendor row {r}: product {tr['product']!r} not on it: {row[:120]}")
            cname = lossy(tr["client"], t["vendor_file"])
            k = r - 1
            while k >= 0 and cname not in " | ".join(vrows[k]):
                other = [n for n in names if n != tr["client"] and n in " | ".join(vrows[k])]
                if other or r - 1 - k > 80:
                    k = -1
                    break
                k -= 1
            if k < 0:
                errs.append(f"vendor row {r}: client {tr['client']!r} not found on or above it")
    for p in case.plines:
        for r in p.rows:
            tr = t["rows"]["psa"].get(str(r))
            if (
                not tr
                or tr["client"] != byc[p.cid]["canonical"]
                or tr["classes"] != (p.classes + byc[p.cid]["cclasses"])
            ):
                errs.append(f"psa row {r}: truth differs from the rebuilt case")
                continue
            cells = prows[r - 1] if r - 1 < len(prows) else []
            row = " | ".join(cells)
            text = lossy(p.text, t["psa_file"])
            if text not in cells:
                errs.append(f"psa row {r}: description {text!r} not a cell: {row[:160]}")
            if lossy(byc[p.cid]["psa_name"], t["psa_file"]) not in row:
                errs.append(f"psa row {r}: client {byc[p.cid]['psa_name']!r} not on it")
    nv = sum(len(v.rows) for v in case.vlines)
    np_ = sum(len(p.rows) for p in case.plines)
    if nv != len(t["rows"]["vendor"]) or np_ != len(t["rows"]["psa"]):
        errs.append("row maps differ in size from the rebuilt case")
    for f in t["findings"]:
        for side, key in (("vendor", "vendor_rows"), ("psa", "psa_rows")):
            for r in f[key]:
                tr = t["rows"][side].get(str(r))
                if not tr or (tr["client"], tr["product"]) != (f["client"], f["product"]):
                    errs.append(
                        f"finding {f['type']} {f['client']} / {f['product']}: {side} row {r}"
                    )
    return errs


def main(argv):
    root = Path(argv[0])
    n, bad = 0, 0
    for tpath in sorted(root.rglob("truth.json")):
        n += 1
        errs = check_case(tpath)
        if errs:
            bad += 1
            print(f"{tpath.parent}: {len(errs)} problems")
            for e in errs[:8]:
                print("   ", e)
        if tpath.parent.name == "clean":
            other = tpath.parent.parent / "perturbed" / "truth.json"
            if other.exists():
                a = json.loads(tpath.read_text(encoding="utf-8"))["findings"]
                b = json.loads(other.read_text(encoding="utf-8"))["findings"]
                ka = sorted((f["type"], f["client"], f["product"], f["monthly_impact"]) for f in a)
                kb = sorted((f["type"], f["client"], f["product"], f["monthly_impact"]) for f in b)
                if ka != kb:
                    bad += 1
                    print(f"{tpath.parent}: clean twin's findings differ from the perturbed case's")
    print(f"checked {n} cases, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
