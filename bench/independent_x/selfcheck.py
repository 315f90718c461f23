"""Re-read every written case and confirm truth.json's rows point at the right rows.

python -m bench.independent_x.selfcheck DIR
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import openpyxl

from .recheck import recompute


def read_rows(path: Path, sheet):
    """{1-based row: [cell texts]} as Excel / a CSV reader numbers them."""
    out = {}
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        wb = openpyxl.load_workbook(path, read_only=False, data_only=False)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
            out[i] = ["" if v is None else str(v) for v in row]
        return out
    raw = path.read_bytes()
    text = (
        raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
    )
    first = text.splitlines()[0]
    delim = max([",", ";", "\t", "|"], key=first.count)
    for i, rec in enumerate(csv.reader(text.splitlines(), delimiter=delim), start=1):
        out[i] = rec
    return out


def check_case(d: Path):
    t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    errs = []
    products = {
        r["product"]
        for side in ("vendor", "psa")
        for r in t["rows"][side].values()
        if r["role"] != "service"
    }
    read = {}
    for side, fname, sheet in (
        ("vendor", t["vendor_file"], t["vendor_sheet"]),
        ("psa", t["psa_file"], t["psa_sheet"]),
    ):
        rows = read[side] = read_rows(d / fname, sheet)
        truth = t["rows"][side]
        code_name = {}
        for rn, r in truth.items():
            cells = rows.get(int(rn), [])
            if r["client"] in cells and cells:
                for c in cells[:3]:
                    if c and c != r["client"]:
                        code_name.setdefault(c, r["client"])
        for rn, r in truth.items():
            cells = rows.get(int(rn))
            if not cells or not any(c.strip() for c in cells):
                errs.append(f"{side} row {rn} missing/empty")
                continue
            text = " | ".join(cells)
            strict = side == "vendor" or not t["perturb"]
            if strict:
                if r["product"] not in text:
                    errs.append(f"{side} row {rn}: product {r['product']!r} not in {text[:120]!r}")
                if r["client"] not in text and not any(
                    code_name.get(c) == r["client"] for c in cells[:3]
                ):
                    errs.append(f"{side} row {rn}: client {r['client']!r} not in {text[:120]!r}")
        if side == "vendor" or not t["perturb"]:
            # every row naming a product must be a truth row (catches off-by-one numbering)
            for i, cells in rows.items():
                if str(i) in truth:
                    continue
                text = " | ".join(cells)
                hit = [p for p in products if p in text]
                if hit and not text.startswith(("Total", "Subtotaal", "Generated")):
                    errs.append(
                        f"{side} row {i} names {hit[0]!r} but is not in truth: {text[:100]!r}"
                    )
    for f in t["findings"]:
        for side, key in (("vendor", "vendor_rows"), ("psa", "psa_rows")):
            for rn in f[key]:
                r = t["rows"][side].get(str(rn))
                if not r or r["client"] != f["client"] or r["product"] != f["product"]:
                    errs.append(
                        f"finding {f['type']} {f['client']}/{f['product']} points at {side} row {rn}: {r}"
                    )
    # the findings recomputed from the cells read back must be truth's findings
    got = recompute(t, read["vendor"], read["psa"])
    want = {(f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]}
    if got != want:
        errs.append(
            f"recomputed findings differ: missing {sorted(want - got)[:3]} extra {sorted(got - want)[:3]}"
        )
    # clean twin: same rows, same findings
    if t["perturb"] and (d.parent / "clean" / "truth.json").exists():
        c = json.loads((d.parent / "clean" / "truth.json").read_text(encoding="utf-8"))
        for side in ("vendor", "psa"):
            a = {k: (v["client"], v["product"], v["role"]) for k, v in t["rows"][side].items()}
            b = {k: (v["client"], v["product"], v["role"]) for k, v in c["rows"][side].items()}
            if a != b:
                errs.append(f"clean twin differs on {side} rows")

        def strip(fs):
            return sorted(
                (
                    f["type"],
                    f["client"],
                    f["product"],
                    f["monthly_impact"],
                    tuple(f["vendor_rows"]),
                    tuple(f["psa_rows"]),
                )
                for f in fs
            )

        if strip(t["findings"]) != strip(c["findings"]):
            errs.append("clean twin has different findings")
    return t, errs


def main(argv):
    root = Path(argv[0] if argv else ".")
    n = bad = 0
    for tj in sorted(root.rglob("truth.json")):
        t, errs = check_case(tj.parent)
        n += 1
        keys = {
            (r["client"], r["product"])
            for s in ("vendor", "psa")
            for r in t["rows"][s].values()
            if r["role"] != "service"
        }
        fk = {(f["client"], f["product"]) for f in t["findings"]}
        print(
            f"{tj.parent.relative_to(root)}: vendor rows {len(t['rows']['vendor'])}, psa rows {len(t['rows']['psa'])}, "
            f"keys {len(keys)}, findings {len(t['findings'])} on {len(fk) / max(1, len(keys)):.0%} of keys"
            + (f"  ** {len(errs)} problems" if errs else "  ok")
        )
        for e in errs[:8]:
            print("    " + e)
        bad += bool(errs)
    print(f"{n} cases checked, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
