"""python -m bench.independent_e OUT --seeds 1 2 --clients 60 200 --pairs all"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.independent_e", description=__doc__)
    parser.add_argument("out", type=Path, help="folder to write cases into")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--clients", type=int, nargs="+", default=[60])
    parser.add_argument(
        "--pairs",
        default="diagonal",
        help="'all' (every vendor x PSA), 'diagonal' (each format once), or "
        "comma-separated vendor:psa pairs",
    )
    parser.add_argument("--clean", action="store_true", help="also write the clean twin")
    parser.add_argument(
        "--stats", action="store_true", help="print findings per type and per class at the end"
    )
    args = parser.parse_args(argv)
    if args.pairs == "all":
        pairs = [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    elif args.pairs == "diagonal":
        n = max(len(VENDOR_FORMATS), len(PSA_FORMATS))
        pairs = [
            (VENDOR_FORMATS[i % len(VENDOR_FORMATS)], PSA_FORMATS[i % len(PSA_FORMATS)])
            for i in range(n)
        ]
    else:
        pairs = []
        for item in args.pairs.split(","):
            vendor, _, psa = item.partition(":")
            pairs.append((vendor, psa))
    count = 0
    types: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    row_classes: Counter[str] = Counter()
    start = time.perf_counter()
    for seed in args.seeds:
        for clients in args.clients:
            for vendor, psa in pairs:
                variants = [True, False] if args.clean else [True]
                for perturb in variants:
                    tag = "" if perturb else "-clean"
                    folder = args.out / f"s{seed}-c{clients}-{vendor}--{psa}{tag}"
                    truth_path = generate_case(folder, seed, vendor, psa, clients, perturb)
                    count += 1
                    if args.stats and perturb:
                        truth = json.loads(truth_path.read_text(encoding="utf-8"))
                        for f in truth["findings"]:
                            types[f["type"]] += 1
                            classes.update(f["classes"])
                        for row in truth["rows"]["psa"].values():
                            if row["role"] == "licence":
                                row_classes.update(row["classes"])
    print(f"wrote {count} cases to {args.out} in {time.perf_counter() - start:.1f} s")
    if args.stats:
        print("findings per type:", dict(types.most_common()))
        print("findings per class:", dict(classes.most_common()))
        print("PSA licence rows per class:", dict(row_classes.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
