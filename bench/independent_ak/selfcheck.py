"""Self-check of set AK: re-read every file from its cells, check the rows, recompute every finding.

python -m bench.independent_ak.selfcheck OUT        (every case folder under OUT)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .formats import PSAS, VENDORS, read_lines
from .scenario import findings_from


def check_case(folder):
    folder = Path(folder)
    t = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    probs = []
    parsed = {}
    for side, fmt in (("vendor", VENDORS[t["vendor_format"]]), ("psa", PSAS[t["psa_format"]])):
        lines = read_lines(fmt, folder)
        truth_rows = t["rows"][side]
        got = {str(r[0]) for r in lines}
        if got != set(truth_rows):
            probs.append(f"{side}: line rows differ: {sorted(got ^ set(truth_rows))[:6]}")
        names = {}
        for row, cust, text, _qty, _unit, role in lines:
            tr = truth_rows.get(str(row))
            if not tr:
                continue
            if tr["role"] != role and not (tr["role"] == "service" and role == "licence"):
                probs.append(f"{side} row {row}: role {role} vs {tr['role']}")
            names.setdefault(cust, set()).add(tr["client"])
            if (side == "vendor" or not t["perturb"]) and cust != tr["client"]:
                probs.append(f"{side} row {row}: name {cust!r} vs {tr['client']!r}")
            if (
                side == "psa"
                and not t["perturb"]
                and tr["role"] != "service"
                and tr["product"] not in text
            ):
                probs.append(f"psa row {row}: clean text {text!r} lacks {tr['product']!r}")
        for cust, cl in names.items():
            if len(cl) > 1:
                probs.append(f"{side}: one written name {cust!r} for clients {sorted(cl)}")
        parsed[side] = [
            (row, truth_rows[str(row)]["client"], truth_rows[str(row)]["product"], qty, unit)
            for row, cust, text, qty, unit, role in lines
            if str(row) in truth_rows
            and truth_rows[str(row)]["role"]
            in (("licence", "credit") if side == "vendor" else ("licence",))
        ]
    # written PSA names: one per client, distinct between clients
    fnd = findings_from(parsed["vendor"], parsed["psa"])
    strip = [
        {
            k: f[k]
            for k in ("type", "client", "product", "vendor_rows", "psa_rows", "monthly_impact")
        }
        for f in t["findings"]
    ]
    key = lambda f: (f["type"], f["client"], f["product"])  # noqa: E731
    if sorted(fnd, key=key) != sorted(strip, key=key):
        a = {json.dumps(x, sort_keys=True) for x in fnd}
        b = {json.dumps(x, sort_keys=True) for x in strip}
        probs.append(
            f"findings differ: {len(a - b)} recomputed only, {len(b - a)} truth only; e.g. "
            f"{sorted(a - b)[:1]} / {sorted(b - a)[:1]}"
        )
    return t, probs


def check_twins(pert, clean):
    a = json.loads((Path(pert) / "truth.json").read_text(encoding="utf-8"))["findings"]
    b = json.loads((Path(clean) / "truth.json").read_text(encoding="utf-8"))["findings"]
    k = lambda f: (f["type"], f["client"], f["product"], f["monthly_impact"])  # noqa: E731
    return [] if sorted(map(k, a)) == sorted(map(k, b)) else ["perturbed and clean findings differ"]


def main(root):
    root = Path(root)
    n = bad = 0
    stats = []
    for tf in sorted(root.rglob("truth.json")):
        t, probs = check_case(tf.parent)
        if tf.parent.name == "perturbed" and (tf.parent.parent / "clean" / "truth.json").exists():
            probs += check_twins(tf.parent, tf.parent.parent / "clean")
        n += 1
        keys = {
            (r["client"], r["product"])
            for s in ("vendor", "psa")
            for r in t["rows"][s].values()
            if r["role"] in ("licence", "credit")
        }
        fk = {(f["client"], f["product"]) for f in t["findings"]}
        stats.append(
            (
                t["clients"],
                len(t["rows"]["vendor"]),
                len(t["rows"]["psa"]),
                len(t["findings"]),
                len(fk) / max(1, len(keys)),
            )
        )
        if probs:
            bad += 1
            print(tf.parent, *probs[:5], sep="\n  ")
    for size in sorted({s[0] for s in stats}):
        ss = [s for s in stats if s[0] == size]
        print(
            f"{size} clients: {len(ss)} cases, vendor rows {min(s[1] for s in ss)}-{max(s[1] for s in ss)}, "
            f"psa rows {min(s[2] for s in ss)}-{max(s[2] for s in ss)}, findings "
            f"{min(s[3] for s in ss)}-{max(s[3] for s in ss)}, keys with a finding "
            f"{min(s[4] for s in ss):.3f}-{max(s[4] for s in ss):.3f}"
        )
    print(f"{n} cases checked, {bad} with problems")
    return bad


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
