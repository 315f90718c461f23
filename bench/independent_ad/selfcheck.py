"""Self-check of set AD: re-reads every file from its cells, checks the line rows against the truth,
recomputes every finding from the cells and compares perturbed with clean twins.

    python -m bench.independent_ad.selfcheck OUT            # check cases already written under OUT
    python -m bench.independent_ad.selfcheck --run OUT      # write the standard matrix, then check it
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from .formats import _col, _has, header, read_cells, read_line
from .scenario import CLIENT_CLASSES, compute_findings
from .specs import PSAS, VENDORS

STRUCT = ("total", "subtotal", "grand", "page ", "customer total")


def _txt(v):
    return "" if v is None else str(v).strip()


def check_side(folder, truth, side):
    probs = []
    spec = (VENDORS if side == "vendor" else PSAS)[truth[f"{side}_format"]]
    path = folder / truth[f"{side}_file"]
    rows, strikes, sheets = read_cells(path, spec)
    if spec.kind == "xlsx" and truth[f"{side}_sheet"] not in sheets:
        probs.append(f"{side}: sheet missing")
    hdr = header(spec, truth["currency"])
    hi = None
    for n, r in enumerate(rows):
        if [_txt(x) for x in r[: len(hdr)]] == [h.strip() for h in hdr]:
            hi = n
            break
    if hi is None:
        return [f"{side}: header not found"], {}
    trows = truth["rows"][side]
    qc, pc = _col(spec, "qty"), _col(spec, "product")
    cc = _col(spec, "client") if _has(spec, "client") else None
    found, parsed = set(), {}
    current = None
    for n in range(hi + 1, len(rows)):
        r = rows[n]
        rn = n + 1
        cells = [_txt(x) for x in r]
        if not any(cells):
            continue
        if cells[: len(hdr)] == [h.strip() for h in hdr] or (
            spec.top and cells[: len(hdr)] == [_txt(x) for x in spec.top]
        ):
            continue
        qv = cells[qc] if qc < len(cells) else ""
        from .formats import parse_num

        q = parse_num(qv, spec.dec) if qv else None
        if q is None or not cells[pc]:
            first = cells[0].lower()
            if (
                spec.group == "row"
                and cells[0]
                and not first.startswith(STRUCT)
                and not any(cells[1:])
            ):
                pre = spec.group_fmt.split("{}")[0]
                current = cells[0][len(pre) :] if cells[0].startswith(pre) else cells[0]
            continue
        found.add(rn)
        if str(rn) not in trows:
            probs.append(f"{side}: row {rn} looks like a line but is not in the truth: {cells[:6]}")
            continue
        txt = cells[pc]
        if n + 1 < len(rows) and spec.wrap:
            nxt = [_txt(x) for x in rows[n + 1]]
            if nxt[pc] and not any(nxt[:pc] + nxt[pc + 1 :]):
                txt = txt + " " + nxt[pc]
        if cc is not None and cells[cc]:
            current = cells[cc]
        q, unit, billed, _p = read_line(spec, r, strikes.get(rn, False))
        parsed[rn] = (q, unit, billed, txt, current)
    for k in trows:
        if int(k) not in found:
            probs.append(f"{side}: truth row {k} not read as a line")
    # per-row checks
    for k, t in trows.items():
        rn = int(k)
        if rn not in parsed:
            continue
        q, unit, billed, txt, cl = parsed[rn]
        if unit is None:
            probs.append(f"{side}: row {rn} no unit")
        if side == "psa":
            if t["role"] == "not_billed" and billed:
                probs.append(f"psa: row {rn} not_billed but reads billed")
            if t["role"] in ("licence", "service") and not billed:
                probs.append(f"psa: row {rn} {t['role']} but reads not billed")
            if not truth["perturb"] and t["role"] != "service" and txt != t["product"]:
                probs.append(f"psa: clean row {rn} product text {txt!r} != {t['product']!r}")
            if not any(c in CLIENT_CLASSES for c in t["classes"]) and cl != t["client"]:
                probs.append(f"psa: row {rn} client {cl!r} != {t['client']!r}")
        else:
            if t["role"] == "credit" and not q < 0:
                probs.append(f"vendor: row {rn} credit with qty {q}")
            if t["role"] != "service" and not (
                txt.startswith(t["product"]) or t["product"].startswith(txt)
            ):
                probs.append(f"vendor: row {rn} product {txt!r} vs {t['product']!r}")
            if cl != t["client"]:
                probs.append(f"vendor: row {rn} client {cl!r} != {t['client']!r}")
    return probs, parsed


def check_case(folder):
    folder = Path(folder)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    pv, vpar = check_side(folder, truth, "vendor")
    pp, ppar = check_side(folder, truth, "psa")
    probs = pv + pp
    tv, tp = truth["rows"]["vendor"], truth["rows"]["psa"]
    vrecs = [
        (t["client"], t["product"], vpar[int(k)][0], vpar[int(k)][1], int(k))
        for k, t in tv.items()
        if t["role"] in ("licence", "credit") and int(k) in vpar
    ]
    precs = [
        (t["client"], t["product"], ppar[int(k)][0], ppar[int(k)][1], int(k))
        for k, t in tp.items()
        if t["role"] in ("licence", "not_billed") and int(k) in ppar and ppar[int(k)][2]
    ]
    got = compute_findings(vrecs, precs)
    strip = [{k: v for k, v in f.items() if k != "classes"} for f in truth["findings"]]
    key = lambda f: (f["type"], f["client"], f["product"])  # noqa: E731
    if sorted(got, key=key) != sorted(strip, key=key):
        a = {json.dumps(x, sort_keys=True) for x in got}
        b = {json.dumps(x, sort_keys=True) for x in strip}
        probs.append(
            f"findings differ: {len(a - b)} recomputed only, {len(b - a)} truth only; e.g. "
            f"{sorted(a - b)[:1]} / {sorted(b - a)[:1]}"
        )
    return probs, truth


def summarise(truth):
    keys = {
        (t["client"], t["product"])
        for side in ("vendor", "psa")
        for t in truth["rows"][side].values()
        if t["role"] in ("licence", "credit")
    }
    fk = {(f["client"], f["product"]) for f in truth["findings"]}
    return len(truth["rows"]["vendor"]), len(truth["rows"]["psa"]), len(keys), len(fk)


def _one(args):
    out, seed, cl, v, p, pert = args
    from . import generate_case

    d = Path(out) / f"s{seed}_c{cl}" / f"{v}__{p}" / ("perturbed" if pert else "clean")
    generate_case(d, seed=seed, vendor_format=v, psa_format=p, clients=cl, perturb=pert)
    probs, truth = check_case(d)
    return (
        str(d),
        probs,
        summarise(truth),
        Counter(c for f in truth["findings"] for c in f["classes"]),
        sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in truth["findings"]
        ),
    )


def run(out):
    from multiprocessing import Pool

    from . import PSA_FORMATS, VENDOR_FORMATS

    jobs = []
    for seed in (1, 2, 3):
        for cl in (60, 200):
            for v, p in zip(VENDOR_FORMATS, PSA_FORMATS, strict=True):
                for pert in (True, False):
                    jobs.append((out, seed, cl, v, p, pert))
    for v in VENDOR_FORMATS:
        for p in PSA_FORMATS:
            for pert in (True, False):
                if (v, p) in zip(VENDOR_FORMATS, PSA_FORMATS, strict=True):
                    continue
                jobs.append((out, 1, 60, v, p, pert))
    with Pool(4) as pool:
        res = pool.map(_one, jobs)
    nprob = 0
    twins = {}
    sizes = {}
    classes = Counter()
    for (_o, seed, cl, v, p, pert), (d, probs, summ, ccount, fl) in zip(jobs, res, strict=True):
        nprob += len(probs)
        for x in probs[:5]:
            print(d, x)
        twins.setdefault((seed, cl, v, p), {})[pert] = fl
        sizes.setdefault(cl, []).append(summ)
        if pert:
            classes.update(ccount)
    for k, tw in twins.items():
        if tw.get(True) != tw.get(False):
            nprob += 1
            print("metamorphic: perturbed and clean findings differ", k)
    for cl, ss in sorted(sizes.items()):
        n = len(ss)
        print(
            f"{cl} clients: {n} cases, vendor rows {min(s[0] for s in ss)}-{max(s[0] for s in ss)}, psa rows "
            f"{min(s[1] for s in ss)}-{max(s[1] for s in ss)}, keys with a finding "
            f"{sum(s[3] for s in ss) / sum(s[2] for s in ss):.1%}"
        )
    print(f"{len(jobs)} cases checked, {nprob} problems")
    return nprob, classes


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        n, cls = run(sys.argv[2])
        print("finding classes (perturbed cases):", dict(sorted(cls.items())))
        sys.exit(1 if n else 0)
    total = 0
    for t in sorted(Path(sys.argv[1]).rglob("truth.json")):
        probs, _ = check_case(t.parent)
        total += len(probs)
        for x in probs[:5]:
            print(t.parent, x)
    print(f"{total} problems")
    sys.exit(1 if total else 0)
