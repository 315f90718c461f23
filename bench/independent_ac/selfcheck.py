"""Self-check of set AC: re-read every file from its cells and recompute every finding.

python -m bench.independent_ac.selfcheck OUT     (OUT as written by python -m bench.independent_ac)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

from .catalog import BY_KEY, check_against_table
from .desc import DESC_CLASSES, STRUCT_CLASSES
from .formats import PSAS, VENDORS, parse_num, read_records
from .names import CLIENT_CLASSES, GROUP_CLASSES, VENDOR_CLIENT_CLASSES
from .scenario import findings_from

HERE = Path(__file__).resolve().parent
ALL_CLASSES = (
    CLIENT_CLASSES
    + VENDOR_CLIENT_CLASSES
    + GROUP_CLASSES
    + DESC_CLASSES
    + STRUCT_CLASSES
    + ["vendor_side_only_client", "psa_side_only_client"]
)


def used_names():
    names = set()
    for md in HERE.parent.glob("accuracy-*.md"):
        if md.name == "accuracy-ac.md":
            continue
        for m in re.finditer(
            r"^\| ([a-z0-9_]+(?:/[a-z0-9_]+)?) \|", md.read_text(encoding="utf-8"), re.M
        ):
            names.update(m.group(1).split("/"))
    return names


def read_side(folder, f, truth_rows):
    """Line records of one file: row -> dict(client, qty, monthly, stopped, product)."""
    recs = read_records(folder, f)
    hdr_row = len(f.title) + 1
    header = recs[hdr_row - 1][1]
    problems = []
    if [h for h in header if h] != [h for h in f.header if h]:
        problems.append(f"{f.name}: header differs")
    col = {h: i for i, h in enumerate(header)}
    out, block = {}, None
    for row, cells in recs[hdr_row:]:
        cells = cells + [""] * (len(header) - len(cells))
        if f.read["client"] == "@block":
            m = re.match(r"^Company: (.*) \(ID \d+\)$", cells[0])
            if m:
                block = m.group(1)
                continue
        q = cells[col[f.read["qty"]]].strip()
        if not q:
            continue
        qty = parse_num(q, f)
        unit = parse_num(re.sub(r"^\$", "", cells[col[f.read["unit"]]].strip()), f)
        yearly = bool(f.annual) and cells[col[f.annual[0]]] == f.annual[1]
        stopped = False
        if f.stopped:
            v = cells[col[f.stopped[0]]]
            stopped = bool(v.strip()) if f.stopped[1] == "@nonempty" else v in f.stopped[1]
        if qty != int(qty):
            problems.append(f"{f.name} row {row}: fractional qty")
        out[row] = {
            "client": block if f.read["client"] == "@block" else cells[col[f.read["client"]]],
            "qty": int(qty),
            "monthly": Fraction(unit) / 12 if yearly else Fraction(unit),
            "stopped": stopped,
            "product": cells[col[f.read["product"]]],
        }
    want = {int(r) for r in truth_rows}
    if set(out) != want:
        problems.append(
            f"{f.name}: line records {len(out)} vs truth rows {len(want)}; "
            f"extra {sorted(set(out) - want)[:5]} missing {sorted(want - set(out))[:5]}"
        )
    return out, problems


def check_case(folder):
    folder = Path(folder)
    t = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    vf, pf = VENDORS[t["vendor_format"]], PSAS[t["psa_format"]]
    vrecs, p1 = read_side(folder, vf, t["rows"]["vendor"])
    precs, p2 = read_side(folder, pf, t["rows"]["psa"])
    problems = p1 + p2
    names = {p.name for p in BY_KEY.values()}
    vrows, prows = [], []
    for side, recs, rows in (("vendor", vrecs, vrows), ("psa", precs, prows)):
        written = {}
        for r, rec in recs.items():
            tr = t["rows"][side].get(str(r))
            if tr is None:
                continue
            written.setdefault(rec["client"], set()).add(tr["client"])
            if side == "vendor":
                if (tr["role"] == "credit" and rec["qty"] >= 0) or (
                    tr["role"] == "licence" and rec["qty"] <= 0
                ):
                    problems.append(f"vendor row {r}: role {tr['role']} qty {rec['qty']}")
                if tr["product"] not in rec["product"]:
                    problems.append(
                        f"vendor row {r}: product {rec['product']!r} is not {tr['product']!r}"
                    )
                rows.append((tr["client"], tr["product"], rec["qty"], rec["monthly"], r))
            else:
                if (tr["role"] == "not_billed") != rec["stopped"]:
                    problems.append(f"psa row {r}: role {tr['role']} but stopped={rec['stopped']}")
                if tr["role"] == "licence":
                    if tr["product"] not in names:
                        problems.append(
                            f"psa row {r}: licence of unknown product {tr['product']!r}"
                        )
                    rows.append((tr["client"], tr["product"], rec["qty"], rec["monthly"], r))
                if (
                    not t["perturb"]
                    and tr["role"] in ("licence", "not_billed")
                    and rec["product"] != tr["product"]
                ):
                    problems.append(f"psa row {r}: clean twin spells {rec['product']!r}")
                if not t["perturb"] and rec["client"] != tr["client"]:
                    problems.append(f"psa row {r}: clean twin names {rec['client']!r}")
        for w, cl in written.items():
            if len(cl) > 1:
                problems.append(f"{side}: one written name {w!r} for clients {sorted(cl)}")
        back = Counter(c for cl in written.values() for c in cl)
        for c, n in back.items():
            if n > 1:
                problems.append(f"{side}: client {c!r} written under {n} names")
    vnames = {}
    for r, rec in vrecs.items():
        vnames.setdefault(rec["client"].casefold(), set()).add(
            t["rows"]["vendor"].get(str(r), {}).get("client")
        )
    for r, rec in precs.items():
        other = vnames.get(rec["client"].casefold(), set()) - {
            t["rows"]["psa"].get(str(r), {}).get("client")
        }
        if other:
            problems.append(
                f"psa row {r}: name {rec['client']!r} is another client's vendor name {other}"
            )
    mine = findings_from(vrows, prows)
    strip = [{k: v for k, v in f.items() if k != "classes"} for f in t["findings"]]
    key = lambda f: (f["type"], f["client"], f["product"])  # noqa: E731
    a, b = sorted(mine, key=key), sorted(strip, key=key)
    if a != b:
        diff = [x for x in a if x not in b][:3] + [x for x in b if x not in a][:3]
        problems.append(f"findings differ ({len(a)} recomputed vs {len(b)} in truth): {diff}")
    for f in t["findings"]:
        for c in f["classes"]:
            if c not in ALL_CLASSES:
                problems.append(f"unknown class {c}")
    keys = {
        (r["client"], r["product"])
        for s in ("vendor", "psa")
        for r in t["rows"][s].values()
        if r["role"] in ("licence", "credit")
    }
    stats = {
        "vendor_rows": len(t["rows"]["vendor"]),
        "psa_rows": len(t["rows"]["psa"]),
        "findings": len(t["findings"]),
        "keys": len(keys),
        "keys_with_finding": len({(f["client"], f["product"]) for f in t["findings"]}),
        "types": Counter(f["type"] for f in t["findings"]),
    }
    return problems, stats, t


def main(argv):
    out = Path(argv[0])
    problems, cases, agg = [], 0, Counter()
    used = used_names()
    for n in ALL_CLASSES + list(VENDORS) + list(PSAS):
        if n in used:
            problems.append(f"name already used by an earlier set: {n}")
    table = Path("/work/shared/data/microsoft_product_names.csv")
    for cand in [
        HERE.parents[2] / "shared/data/microsoft_product_names.csv",
        HERE.parents[1] / "../shared/data/microsoft_product_names.csv",
        table,
    ]:
        if cand.exists():
            problems += [
                f"not in Microsoft's table: {n}"
                for n in check_against_table(cand)
                if n != "Microsoft 365 Copilot"
            ]
            break
    twins = {}
    per_size = {}
    for tp in sorted(out.rglob("truth.json")):
        pr, st, t = check_case(tp.parent)
        cases += 1
        problems += [f"{tp.parent}: {p}" for p in pr]
        for k in ("vendor_rows", "psa_rows", "findings", "keys", "keys_with_finding"):
            agg[k] += st[k]
        s = per_size.setdefault(t["clients"], Counter())
        s["cases"] += 1
        for k in ("vendor_rows", "psa_rows", "keys", "keys_with_finding"):
            s[k] += st[k]
        agg.update({f"type:{k}": v for k, v in st["types"].items()})
        k = (t["seed"], t["clients"], t["vendor_format"], t["psa_format"])
        twins.setdefault(k, {})[t["perturb"]] = {
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]
        }
    for k, d in twins.items():
        if True in d and False in d and d[True] != d[False]:
            problems.append(f"clean and perturbed twins differ: {k}")
    for sz, s in sorted(per_size.items()):
        n = s["cases"]
        print(
            f"{sz} clients: {n} cases, per case {s['vendor_rows'] / n:.0f} vendor rows, {s['psa_rows'] / n:.0f} PSA rows, "
            f"{s['keys'] / n:.0f} keys, {100 * s['keys_with_finding'] / max(1, s['keys']):.1f} % of keys with a finding"
        )
    print(
        f"{cases} cases, {agg['findings']} findings "
        f"({', '.join(f'{k[5:]} {v}' for k, v in sorted(agg.items()) if k.startswith('type:'))}), "
        f"{sum(1 for d in twins.values() if len(d) == 2)} clean/perturbed twin pairs"
    )
    for p in problems[:40]:
        print("PROBLEM", p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
