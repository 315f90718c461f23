"""Re-read every written case and check truth.json against the cells.

    python -m bench.independent_ab.selfcheck DIR

For each case: every line-like record of both files is a truth row and vice versa; each truth row's
quantity and monthly unit are read back from the cells by column name; every finding (type, client,
product, rows, impact) is recomputed from those cells with README's rules; clean twins name the client
on their rows; a perturbed case and its clean twin have the same findings.
"""

from __future__ import annotations

import json
import sys
from fractions import Fraction as F
from pathlib import Path

from .catalog import PRODUCTS
from .formats import PSAS, VENDORS, read_records
from .scenario import findings_from

KEY = {p.name: p.key for p in PRODUCTS}


def _header(recs):
    for i, r in enumerate(recs):
        cells = [c for c in r if c not in (None, "")]
        if len(cells) >= 5 and not str(cells[0]).startswith("#TYPE"):
            return i
    raise AssertionError("no header")


def _side(path, sheet, reader, rows, clean, grouped):
    recs = read_records(path, sheet)
    h = _header(recs)
    hdr = [str(c) if c is not None else "" for c in recs[h]]
    errs = []
    line_like = set()
    for i in range(h + 1, len(recs)):
        r = recs[i]
        cells = [c for c in r if c not in (None, "")]
        if (
            len(cells) >= 5
            and not str(cells[0]).upper().startswith("TOTAL")
            and list(r[: len(hdr)]) != recs[h]
        ):
            line_like.add(i + 1)
    if line_like != {int(k) for k in rows}:
        errs.append(
            f"{path.name}: line rows differ from truth: {sorted(line_like ^ {int(k) for k in rows})[:8]}"
        )
    agg = {}
    group = None
    for rn in range(1, len(recs) + 1):
        r = recs[rn - 1]
        if (
            grouped
            and r
            and r[0] not in (None, "")
            and len([c for c in r if c not in (None, "")]) == 1
        ):
            group = str(r[0])
        if str(rn) not in rows:
            continue
        t = rows[str(rn)]
        d = {hdr[j]: ("" if j >= len(r) or r[j] is None else r[j]) for j in range(len(hdr))}
        got = reader(d)
        if got is None:
            if t["role"] != "service":
                errs.append(f"{path.name} row {rn}: read as one-time/service, truth {t['role']}")
            continue
        if got == "not_billed":
            if t["role"] != "not_billed":
                errs.append(f"{path.name} row {rn}: read as not billed, truth {t['role']}")
            continue
        if t["role"] == "not_billed":
            errs.append(f"{path.name} row {rn}: truth not_billed but read as billed")
            continue
        if clean:
            hay = " ".join(str(c) for c in r if c is not None).upper() + " " + (group or "").upper()
            if t["client"].upper() not in hay:
                errs.append(f"{path.name} row {rn}: client {t['client']} not on the row")
        if t["role"] == "service":
            continue
        q, u = got
        e = agg.setdefault((t["client"], KEY[t["product"]]), {"q": 0, "a": F(0), "rows": []})
        e["q"] += int(q)
        e["a"] += int(q) * F(u)
        e["rows"].append(rn)
    return agg, errs


def check_case(d: Path):
    t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    vr = VENDORS[t["vendor_format"]][1]
    pr = PSAS[t["psa_format"]][1]
    clean = not t["perturb"]
    V, e1 = _side(
        d / t["vendor_file"],
        t["vendor_sheet"],
        vr,
        t["rows"]["vendor"],
        clean,
        "sherweb" in t["vendor_format"],
    )
    P, e2 = _side(
        d / t["psa_file"], t["psa_sheet"], pr, t["rows"]["psa"], clean, "qbo" in t["psa_format"]
    )
    names = {k[0]: k[0] for k in list(V) + list(P)}
    got = findings_from(V, P, names)

    def key(f):
        return (
            f["type"],
            f["client"],
            f["product"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
            f["monthly_impact"],
        )

    a, b = sorted(map(key, got)), sorted(map(key, t["findings"]))
    errs = e1 + e2
    if a != b:
        errs.append(f"findings differ: {len(set(a) ^ set(b))} ({sorted(set(a) ^ set(b))[:3]})")
    return t, errs


def main(root):
    root = Path(root)
    bad = n = 0
    twins = {}
    for tj in sorted(root.rglob("truth.json")):
        t, errs = check_case(tj.parent)
        n += 1
        twins.setdefault(tj.parent.parent, {})[t["perturb"]] = sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]
        )
        if errs:
            bad += 1
            print(tj.parent, *errs[:6], sep="\n  ")
    for k, tw in twins.items():
        if len(tw) == 2 and tw[True] != tw[False]:
            bad += 1
            print(k, "perturbed and clean twin findings differ")
    print(f"checked {n} cases, {bad} with problems")
    return bad


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
