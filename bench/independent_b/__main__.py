"""Write evaluation cases: python -m bench.independent_b OUT_DIR [--seeds 1 2] [--clients 60 200]
[--pairs all|diagonal] [--clean]

Each case goes to OUT_DIR/<vendor>__<psa>/s<seed>-c<clients>/ (vendor file, PSA file, truth.json);
--clean also writes the case's unperturbed twin into its clean/ sub-folder (same findings).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def pairs(kind: str) -> list[tuple[str, str]]:
    """every vendor × PSA format ("all"), or each format once ("diagonal")."""
    if kind == "all":
        return [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    count = max(len(VENDOR_FORMATS), len(PSA_FORMATS))
    return [
        (VENDOR_FORMATS[i % len(VENDOR_FORMATS)], PSA_FORMATS[i % len(PSA_FORMATS)])
        for i in range(count)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.independent_b", description=__doc__.split("\n")[0]
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    parser.add_argument("--pairs", choices=["all", "diagonal"], default="all")
    parser.add_argument(
        "--clean", action="store_true", help="also write each case's unperturbed twin"
    )
    args = parser.parse_args(argv)
    if any(n < 20 for n in args.clients):
        parser.error("--clients: at least 20 (the scenario needs room for its families and traps)")
    started = time.perf_counter()
    written = 0
    for vendor_format, psa_format in pairs(args.pairs):
        for seed in args.seeds:
            for clients in args.clients:
                folder = args.out_dir / f"{vendor_format}__{psa_format}" / f"s{seed}-c{clients}"
                generate_case(folder, seed, vendor_format, psa_format, clients)
                written += 1
                if args.clean:
                    generate_case(
                        folder / "clean", seed, vendor_format, psa_format, clients, perturb=False
                    )
                    written += 1
    print(
        f"{written} cases in {args.out_dir} ({time.perf_counter() - started:.1f} s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
