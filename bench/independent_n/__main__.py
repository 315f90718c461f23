"""python -m bench.independent_n OUT --seeds 1 --clients 60 200 --pairs diagonal [--clean]"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.independent_n")
    ap.add_argument("out")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    ap.add_argument("--pairs", nargs="+", default=["diagonal"])
    ap.add_argument("--clean", action="store_true")
    a = ap.parse_args(argv)
    pairs: list[tuple[str, str]] = []
    for spec in a.pairs:
        if spec == "all":
            pairs += [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
        elif spec == "diagonal":
            pairs += [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
        else:
            v, p = spec.split(":")
            pairs.append((v, p))
    for v, p in pairs:
        for s in a.seeds:
            for n in a.clients:
                name = f"{v}__{p}__s{s}__c{n}" + ("__clean" if a.clean else "")
                t = generate_case(
                    Path(a.out) / name,
                    seed=s,
                    vendor_format=v,
                    psa_format=p,
                    clients=n,
                    perturb=not a.clean,
                )
                print(t)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
