"""Self-check of set AI: re-read every file from its cells, check that the line records are exactly
the truth rows, recompute every finding by README's rules and compare; compare clean and
perturbed twins.  python -m bench.independent_ai.selfcheck OUT"""

from __future__ import annotations

import csv
import json
import statistics
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from .formats import PSAS, VENDORS
from .scenario import q2

NON_BLOCK = ("total", "client total", "subtotal", "grand total", "totaal")


def read_rows(path: Path, spec, sheet):
    if spec["kind"] == "xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet] if sheet else wb.active
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        wb.close()
        return rows
    enc = "utf-8-sig" if spec.get("bom") else spec.get("enc", "utf-8")
    with open(path, newline="", encoding=enc) as f:
        return [r for r in csv.reader(f, delimiter=spec.get("delim", ","))]


def parse(v, ds):
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
    s = str(v).strip()
    if not s:
        return None
    neg = (s.startswith("(") and s.endswith(")")) or s.endswith(" CR") or s.startswith("-")
    keep = "".join(ch for ch in s if ch.isdigit() or ch == ds)
    if not keep or not any(ch.isdigit() for ch in keep):
        return None
    d = Decimal(keep.replace(ds, "."))
    return -d if neg else d


def read_side(path, spec, sheet, problems, tag):
    rows = read_rows(path, spec, sheet)
    hi = None
    for i, r in enumerate(rows):
        cells = ["" if c is None else str(c) for c in r]
        if spec["qty"] in cells and spec["unit"] in cells and spec["text"] in cells:
            hi = i
            break
    if hi is None:
        problems.append(f"{tag}: header not found")
        return {}
    hdr = ["" if c is None else str(c) for c in rows[hi]]
    ix = {h: j for j, h in enumerate(hdr)}
    out = {}
    block = None
    for i in range(hi + 1, len(rows)):
        r = list(rows[i]) + [None] * (len(hdr) - len(rows[i]))
        first = "" if r[0] is None else str(r[0])
        if "block" in spec:
            rest = [c for c in r[1:] if c not in (None, "")]
            if (
                first
                and not rest
                and first.startswith(spec["block"])
                and not first.lower().startswith(NON_BLOCK)
                and first != "TOTAL"
            ):
                block = first[len(spec["block"]) :]
                continue
        qty = parse(r[ix[spec["qty"]]], spec["ds"])
        text = r[ix[spec["text"]]]
        if qty is None or text in (None, ""):
            continue
        unit = parse(r[ix[spec["unit"]]], spec["ds"])
        if unit is None:
            unit = Decimal(0)
        unit = unit / spec.get("scale", 1)
        client = block if spec.get("client") is None else r[ix[spec["client"]]]
        if client and " (Tenant: " in client:
            client = client[: client.index(" (Tenant: ")]
        rec = {"qty": qty, "unit": unit, "text": str(text), "client": client}
        if "nb" in spec:
            v = r[ix[spec["nb"][0]]]
            rec["nb"] = "" if v is None else str(v)
        out[i + 1] = rec
    return out


def recompute(truth, vcells, pcells):
    rv, rp = truth["rows"]["vendor"], truth["rows"]["psa"]
    v, p = {}, {}
    for r, t in rv.items():
        if t["role"] in ("licence", "credit"):
            v.setdefault((t["client"], t["product"]), []).append(int(r))
    for r, t in rp.items():
        if t["role"] == "licence":
            p.setdefault((t["client"], t["product"]), []).append(int(r))

    def agg(rows, cells):
        q = sum(cells[r]["qty"] for r in rows)
        if q <= 0:
            return None
        return q, sum(
            Fraction(cells[r]["unit"]) * Fraction(cells[r]["qty"]) for r in rows
        ) / Fraction(q)

    av = {k: a for k, rows in v.items() if (a := agg(rows, vcells))}
    ap = {k: a for k, rows in p.items() if (a := agg(rows, pcells))}
    byp = {}
    for (_c, prod), (_q, u) in ap.items():
        byp.setdefault(prod, []).append(u)
    med = {k: Fraction(statistics.median(sorted(us))) for k, us in byp.items()}
    out = []

    def add(t, k, imp):
        out.append(
            (t, k[0], k[1], tuple(sorted(v.get(k, []))), tuple(sorted(p.get(k, []))), str(q2(imp)))
        )

    for k in set(av) | set(ap):
        if k in av and k not in ap:
            q, c = av[k]
            u = med.get(k[1], c)
            if u * Fraction(q) > 0:
                add("unbilled", k, Fraction(q) * u)
        elif k in ap and k not in av:
            q, pp = ap[k]
            if pp > 0:
                add("no_vendor_record", k, Fraction(q) * pp)
        else:
            vq, c = av[k]
            pq, pp = ap[k]
            if vq > pq:
                add("under_billed", k, Fraction(vq - pq) * pp)
            elif pq > vq:
                add("over_billed", k, Fraction(pq - vq) * pp)
            if pp < c:
                add("below_cost", k, (c - pp) * Fraction(min(vq, pq)))
    return sorted(out)


def fkey(f):
    return (
        f["type"],
        f["client"],
        f["product"],
        tuple(f["vendor_rows"]),
        tuple(f["psa_rows"]),
        f["monthly_impact"],
    )


def check_case(folder: Path):
    problems = []
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    vs, ps = VENDORS[truth["vendor_format"]], PSAS[truth["psa_format"]]
    tag = str(folder)
    vcells = read_side(
        folder / truth["vendor_file"], vs, truth["vendor_sheet"], problems, tag + " vendor"
    )
    pcells = read_side(folder / truth["psa_file"], ps, truth["psa_sheet"], problems, tag + " psa")
    for side, cells in (("vendor", vcells), ("psa", pcells)):
        want = {int(r) for r in truth["rows"][side]}
        got = set(cells)
        if want != got:
            problems.append(
                f"{tag} {side}: rows differ: missing {sorted(want - got)[:5]} "
                f"extra {sorted(got - want)[:5]}"
            )
    for r, t in truth["rows"]["vendor"].items():
        c = vcells.get(int(r))
        if not c:
            continue
        if c["client"] != t["client"]:
            problems.append(f"{tag} vendor row {r}: client {c['client']!r} != {t['client']!r}")
        if t["product"] not in c["text"]:
            problems.append(f"{tag} vendor row {r}: product {t['product']!r} not in text")
        if t["role"] == "credit" and c["qty"] >= 0:
            problems.append(f"{tag} vendor row {r}: credit with quantity {c['qty']}")
        if c["qty"] != int(c["qty"]):
            problems.append(f"{tag} vendor row {r}: fractional quantity")
    for r, t in truth["rows"]["psa"].items():
        c = pcells.get(int(r))
        if not c:
            continue
        if not truth["perturb"]:
            if c["client"] != t["client"]:
                problems.append(f"{tag} psa row {r}: clean client {c['client']!r}")
            if t["role"] != "service" and c["text"] != t["product"]:
                problems.append(f"{tag} psa row {r}: clean text {c['text']!r}")
        if "nb" in c:
            isnb = c["nb"] in ps["nb"][1]
            if isnb != (t["role"] == "not_billed"):
                problems.append(f"{tag} psa row {r}: not-billed marker {c['nb']!r} vs {t['role']}")
    if not problems:
        mine = recompute(truth, vcells, pcells)
        theirs = sorted(fkey(f) for f in truth["findings"])
        if mine != theirs:
            a, b = set(mine), set(theirs)
            problems.append(
                f"{tag}: findings differ: recomputed-only {sorted(a - b)[:3]} "
                f"truth-only {sorted(b - a)[:3]}"
            )
    return problems, truth


def main(argv):
    root = Path(argv[0])
    cases = sorted(p.parent for p in root.rglob("truth.json"))
    problems = []
    nf = nrows = 0
    twins = {}
    for c in cases:
        pr, t = check_case(c)
        problems += pr
        nf += len(t["findings"])
        nrows += len(t["rows"]["vendor"]) + len(t["rows"]["psa"])
        twins.setdefault(c.parent, {})[t["perturb"]] = t
    meta = 0
    for d, tw in twins.items():
        if True in tw and False in tw:
            meta += 1
            a = sorted(
                (f["type"], f["client"], f["product"], f["monthly_impact"])
                for f in tw[True]["findings"]
            )
            b = sorted(
                (f["type"], f["client"], f["product"], f["monthly_impact"])
                for f in tw[False]["findings"]
            )
            if a != b:
                problems.append(f"{d}: clean and perturbed findings differ")
    for p in problems[:15]:
        print(p)
    print(
        f"{len(cases)} cases, {nrows} rows, {nf} findings, {meta} clean/perturbed twins, "
        f"{len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
