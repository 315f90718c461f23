"""python -m bench.independent_d OUT [--seeds 1 2] [--clients 60 200] [--pairs all|diagonal|V:P ...]"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def _pairs(spec: list[str]) -> list[tuple[str, str]]:
    if spec == ["all"]:
        return [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    if spec == ["diagonal"]:
        n = max(len(VENDOR_FORMATS), len(PSA_FORMATS))
        return [
            (VENDOR_FORMATS[i % len(VENDOR_FORMATS)], PSA_FORMATS[i % len(PSA_FORMATS)])
            for i in range(n)
        ]
    out = []
    for item in spec:
        v, _, p = item.partition(":")
        out.append((v, p))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.independent_d", description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60])
    ap.add_argument(
        "--pairs", nargs="+", default=["diagonal"], help="all, diagonal, or VENDOR:PSA ..."
    )
    ap.add_argument(
        "--clean", action="store_true", help="render canonical spellings (perturb=False)"
    )
    ap.add_argument("--stats", action="store_true", help="print findings per type and per class")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    count = 0
    slowest = 0.0
    types: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    for v, p in _pairs(args.pairs):
        for seed in args.seeds:
            for n in args.clients:
                folder = args.out / f"{v}__{p}__s{seed}__c{n}"
                t0 = time.perf_counter()
                truth_path = generate_case(folder, seed, v, p, n, perturb=not args.clean)
                slowest = max(slowest, time.perf_counter() - t0)
                count += 1
                if args.stats:
                    truth = json.loads(truth_path.read_text(encoding="utf-8"))
                    for f in truth["findings"]:
                        types[f["type"]] += 1
                        classes.update(f["classes"])
    took = time.perf_counter() - start
    print(f"{count} cases in {took:.2f} s (slowest {slowest:.2f} s) -> {args.out}")
    if args.stats:
        print("findings per type:", ", ".join(f"{k} {n}" for k, n in sorted(types.items())))
        print("findings per class:", ", ".join(f"{k} {n}" for k, n in classes.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
