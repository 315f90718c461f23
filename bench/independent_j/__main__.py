"""python -m bench.independent_j OUT --seeds 1 --clients 60 --pairs v:p …|all|diagonal [--clean]

Writes one folder per case (OUT/<vendor>__<psa>__s<seed>__c<clients>[__clean]) with the vendor file,
the PSA file and truth.json, and prints a one-line summary per case.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def pairs_of(spec: list[str]) -> list[tuple[str, str]]:
    if spec == ["all"]:
        return [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    if spec == ["diagonal"]:
        return [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
    out = []
    for item in spec:
        vendor, _, psa = item.replace("/", ":").partition(":")
        if vendor not in VENDOR_FORMATS or psa not in PSA_FORMATS:
            raise SystemExit(
                f"unknown pair {item!r}; vendor formats {VENDOR_FORMATS}, PSA formats {PSA_FORMATS}"
            )
        out.append((vendor, psa))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.independent_j",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--clients", type=int, nargs="+", default=[60])
    parser.add_argument(
        "--pairs",
        nargs="+",
        default=["diagonal"],
        help="vendor:psa pairs, 'all' or 'diagonal' (every format of both sides once)",
    )
    parser.add_argument(
        "--clean", action="store_true", help="also write the canonical-spelling twin"
    )
    args = parser.parse_args(argv)
    for clients in args.clients:
        if not 60 <= clients <= 300:
            raise SystemExit("--clients must be between 60 and 300")
    for vendor, psa in pairs_of(args.pairs):
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
                    took = time.perf_counter() - start
                    data = json.loads(truth.read_text(encoding="utf-8"))
                    kinds = Counter(f["type"] for f in data["findings"])
                    print(
                        f"{name}: {len(data['findings'])} findings {dict(sorted(kinds.items()))} "
                        f"({took:.2f} s)"
                    )


if __name__ == "__main__":
    main()
