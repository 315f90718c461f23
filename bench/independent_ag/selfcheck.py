"""Self-check of set AG: re-read every file from its cells, check the line rows against the truth,
recompute every finding, and compare each perturbed case with its clean twin.

    python -m bench.independent_ag.selfcheck OUT
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .formats import PSAS, VENDORS
from .scenario import findings_from


def strip(fs):
    return sorted(
        (
            f["type"],
            f["client"],
            f["product"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
            f["monthly_impact"],
        )
        for f in fs
    )


def nrows(fs):
    return sorted(
        (
            f["type"],
            f["client"],
            f["product"],
            len(f["vendor_rows"]),
            len(f["psa_rows"]),
            f["monthly_impact"],
        )
        for f in fs
    )


def check_case(d):
    probs = []
    t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    vr = VENDORS[t["vendor_format"]][1](d / t["vendor_file"], t["vendor_sheet"])
    pr = PSAS[t["psa_format"]][1](d / t["psa_file"], t["psa_sheet"])
    tv, tp = t["rows"]["vendor"], t["rows"]["psa"]
    if {str(x["row"]) for x in vr} != set(tv):
        probs.append(
            f"{d}: vendor line rows differ from truth ({len(vr)} read, {len(tv)} in truth)"
        )
    if {str(x["row"]) for x in pr} != set(tp):
        probs.append(f"{d}: PSA line rows differ from truth ({len(pr)} read, {len(tp)} in truth)")
    vk, pk = {}, {}
    for x in vr:
        tr = tv.get(str(x["row"]))
        if not tr:
            continue
        if x["kind"] != tr["role"]:
            probs.append(f"{d}: vendor row {x['row']} reads as {x['kind']}, truth {tr['role']}")
        if x["client"] != tr["client"]:
            probs.append(f"{d}: vendor row {x['row']} client {x['client']!r} != {tr['client']!r}")
        if tr["role"] in ("licence", "credit"):
            vk.setdefault((tr["client"], tr["product"]), []).append((x["row"], x["qty"], x["unit"]))
    for x in pr:
        tr = tp.get(str(x["row"]))
        if not tr:
            continue
        if (tr["role"] == "not_billed") == x["active"]:
            probs.append(f"{d}: PSA row {x['row']} status disagrees with role {tr['role']}")
        if not t["perturb"]:
            if x["client"] != tr["client"]:
                probs.append(
                    f"{d}: clean PSA row {x['row']} client {x['client']!r} != {tr['client']!r}"
                )
            if tr["role"] == "licence" and x["text"] != tr["product"]:
                probs.append(
                    f"{d}: clean PSA row {x['row']} text {x['text']!r} != {tr['product']!r}"
                )
        if tr["role"] == "licence":
            pk.setdefault((tr["client"], tr["product"]), []).append((x["row"], x["qty"], x["unit"]))
        if tr["role"] == "licence" and t["perturb"]:
            cc = [
                c
                for c in tr["classes"]
                if c.startswith(
                    (
                        "legal",
                        "jp_",
                        "pt_",
                        "tax_id",
                        "accents",
                        "conj",
                        "generic",
                        "ms_messrs",
                        "al_",
                        "ta_",
                        "turkish",
                        "chinese",
                        "razon",
                        "tbk",
                    )
                )
            ]
            if not cc and x["client"] != tr["client"]:
                probs.append(f"{d}: PSA row {x['row']} client changed without a client class")
    got = findings_from(vk, pk, lambda c: c, lambda p: p)
    if strip(got) != strip(t["findings"]):
        a, b = set(strip(got)), set(strip(t["findings"]))
        probs.append(
            f"{d}: findings recomputed from the cells differ: {sorted(a - b)[:3]} vs {sorted(b - a)[:3]}"
        )
    return t, probs


def main(root):
    root = Path(root)
    probs, n, twins = [], 0, {}
    for tp in sorted(root.rglob("truth.json")):
        t, p = check_case(tp.parent)
        probs += p
        n += 1
        key = (t["seed"], t["clients"], t["vendor_format"], t["psa_format"])
        twins.setdefault(key, {})[t["perturb"]] = t
    ntw = 0
    for key, tw in twins.items():
        if True in tw and False in tw:
            ntw += 1
            if nrows(tw[True]["findings"]) != nrows(tw[False]["findings"]):
                probs.append(f"{key}: perturbed and clean findings differ")
    for p in probs[:40]:
        print(p)
    print(f"checked {n} cases ({ntw} clean/perturbed twins): {len(probs)} problems")
    return len(probs)


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
