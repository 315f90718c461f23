"""python -m bench.independent_i OUT --seeds 1 --clients 60 --pairs v:p …|all|diagonal [--clean]"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.independent_i", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--clients", type=int, nargs="+", default=[60])
    parser.add_argument(
        "--pairs",
        nargs="+",
        default=["diagonal"],
        help="vendor:psa pairs, 'all' (every vendor x PSA) or 'diagonal' (every format once)",
    )
    parser.add_argument("--clean", action="store_true", help="canonical spellings (perturb=False)")
    args = parser.parse_args(argv)
    if args.pairs == ["all"]:
        pairs = [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    elif args.pairs == ["diagonal"]:
        pairs = [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
    else:
        pairs = [tuple(p.replace("/", ":").split(":", 1)) for p in args.pairs]
    for vendor, psa in pairs:
        for seed in args.seeds:
            for size in args.clients:
                folder = (
                    args.out / f"{vendor}__{psa}__s{seed}__c{size}{'__clean' if args.clean else ''}"
                )
                truth = json.loads(
                    generate_case(folder, seed, vendor, psa, size, not args.clean).read_text(
                        "utf-8"
                    )
                )
                kinds = Counter(f["type"] for f in truth["findings"])
                print(f"{folder}: {len(truth['findings'])} findings {dict(sorted(kinds.items()))}")


if __name__ == "__main__":
    main()
