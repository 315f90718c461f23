"""python -m bench.independent_d OUT [--seeds 1 2] [--clients 60 200] [--pairs all|diagonal|V:P ...]"""

from __future__ import annotations

import argparse
import time
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
    args = ap.parse_args(argv)
    start = time.perf_counter()
    count = 0
    for v, p in _pairs(args.pairs):
        for seed in args.seeds:
            for n in args.clients:
                folder = args.out / f"{v}__{p}__s{seed}__c{n}"
                generate_case(folder, seed, v, p, n, perturb=not args.clean)
                count += 1
    print(f"{count} cases in {time.perf_counter() - start:.2f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
