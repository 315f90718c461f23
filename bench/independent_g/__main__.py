"""`python -m bench.independent_g OUT --seeds 1 2 --clients 60 200 --pairs all`: write cases."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.independent_g",
        description="Write evaluation cases (vendor file, PSA file, truth.json) into OUT.",
    )
    parser.add_argument("out", type=Path, help="folder to write the cases into")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--clients", type=int, nargs="+", default=[60])
    parser.add_argument(
        "--pairs",
        nargs="+",
        default=["all"],
        help="'all', 'diagonal' (each format once), or VENDOR:PSA pairs",
    )
    parser.add_argument(
        "--clean", action="store_true", help="also write the clean twin of each case"
    )
    args = parser.parse_args(argv)
    if args.pairs == ["all"]:
        pairs = [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    elif args.pairs == ["diagonal"]:
        n = max(len(VENDOR_FORMATS), len(PSA_FORMATS))
        pairs = [
            (VENDOR_FORMATS[i % len(VENDOR_FORMATS)], PSA_FORMATS[i % len(PSA_FORMATS)])
            for i in range(n)
        ]
    else:
        pairs = [(p.split(":", 1)[0], p.split(":", 1)[1]) for p in args.pairs]
    count = 0
    start = time.perf_counter()
    for seed in args.seeds:
        for clients in args.clients:
            for vendor, psa in pairs:
                for perturb in (True, False) if args.clean else (True,):
                    name = f"{vendor}__{psa}__s{seed}__c{clients}" + ("" if perturb else "__clean")
                    generate_case(args.out / name, seed, vendor, psa, clients, perturb)
                    count += 1
    print(f"wrote {count} cases to {args.out} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
