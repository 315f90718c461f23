"""Write set H's cases to a folder.

    python -m bench.independent_h OUT --seeds 1 --clients 60 --pairs all
    python -m bench.independent_h OUT --seeds 1 2 --clients 60 300 --pairs diagonal
    python -m bench.independent_h OUT --pairs dustin_se:fortnox_se bechtle_de:tally_prime_in --clean

Each case goes to OUT/<vendor>__<psa>__s<seed>__c<clients>[__clean]/ with the vendor file, the PSA
file and truth.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def pairs_for(spec: list[str]) -> list[tuple[str, str]]:
    if spec == ["all"]:
        return [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    if spec == ["diagonal"]:
        return [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
    out = []
    for item in spec:
        vendor, sep, psa = item.replace("/", ":").partition(":")
        if not sep or vendor not in VENDOR_FORMATS or psa not in PSA_FORMATS:
            raise SystemExit(
                f"bad pair {item!r}: write vendor:psa with vendor one of {', '.join(VENDOR_FORMATS)} "
                f"and psa one of {', '.join(PSA_FORMATS)}"
            )
        out.append((vendor, psa))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.independent_h",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--clients", type=int, nargs="+", default=[60])
    parser.add_argument(
        "--pairs", nargs="+", default=["diagonal"], help="all, diagonal, or vendor:psa pairs"
    )
    parser.add_argument("--clean", action="store_true", help="also write the clean-spelling twin")
    args = parser.parse_args(argv)
    for vendor, psa in pairs_for(args.pairs):
        for seed in args.seeds:
            for clients in args.clients:
                for perturb in (True, False) if args.clean else (True,):
                    name = f"{vendor}__{psa}__s{seed}__c{clients}" + ("" if perturb else "__clean")
                    start = time.perf_counter()
                    truth = generate_case(
                        args.out / name,
                        seed=seed,
                        vendor_format=vendor,
                        psa_format=psa,
                        clients=clients,
                        perturb=perturb,
                    )
                    print(f"{truth}  ({time.perf_counter() - start:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
