"""python -m bench.independent_f OUT --seeds 1 2 --clients 60 200 --pairs all"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.independent_f",
        description="Write evaluation cases (vendor file, PSA file, truth.json) to OUT/<vendor>__<psa>/s<seed>_c<clients>[_clean]/.",
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60])
    ap.add_argument("--pairs", default="all", help="'all', or comma-separated vendor:psa pairs")
    ap.add_argument(
        "--clean", action="store_true", help="also write the clean-spelling twin of each case"
    )
    ap.add_argument("--stats", action="store_true", help="print finding counts by type and class")
    args = ap.parse_args(argv)
    if args.pairs == "all":
        pairs = [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    else:
        pairs = [tuple(x.split(":", 1)) for x in args.pairs.split(",")]  # type: ignore[misc, unused-ignore]
    start = time.perf_counter()
    n = 0
    types: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    slowest = 0.0
    for v, p in pairs:
        for seed in args.seeds:
            for clients in args.clients:
                for perturb in (True, False) if args.clean else (True,):
                    d = args.out / f"{v}__{p}" / f"s{seed}_c{clients}{'' if perturb else '_clean'}"
                    t0 = time.perf_counter()
                    truth = json.loads(
                        generate_case(d, seed, v, p, clients, perturb).read_text(encoding="utf-8")
                    )
                    slowest = max(slowest, time.perf_counter() - t0)
                    n += 1
                    for f in truth["findings"]:
                        types[f["type"]] += 1
                        classes.update(f["classes"])
    print(
        f"wrote {n} cases to {args.out} in {time.perf_counter() - start:.1f} s (slowest case {slowest:.2f} s)"
    )
    if args.stats:
        print("findings by type:", ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
        print("findings by class:", ", ".join(f"{k} {v}" for k, v in classes.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
