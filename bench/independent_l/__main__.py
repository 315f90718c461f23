"""python -m bench.independent_l OUT --seeds 1 --clients 60 200 --pairs diagonal [--clean]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .generate import PSA_FORMATS, VENDOR_FORMATS, generate_case


def pairs(spec: list[str]) -> list[tuple[str, str]]:
    if spec == ["all"]:
        return [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    if spec == ["diagonal"]:
        return [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
    out = []
    for s in spec:
        v, _, p = s.partition(":")
        if v not in VENDOR_FORMATS or p not in PSA_FORMATS:
            raise SystemExit(
                f"bad pair {s!r}: vendor one of {VENDOR_FORMATS}, psa one of {PSA_FORMATS}"
            )
        out.append((v, p))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.independent_l")
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    ap.add_argument("--pairs", nargs="+", default=["diagonal"])
    ap.add_argument("--clean", action="store_true", help="canonical spellings (perturb=False)")
    a = ap.parse_args(argv)
    for v, p in pairs(a.pairs):
        for s in a.seeds:
            for n in a.clients:
                name = f"{v}__{p}__s{s}__c{n}" + ("__clean" if a.clean else "")
                generate_case(
                    a.out / name,
                    seed=s,
                    vendor_format=v,
                    psa_format=p,
                    clients=n,
                    perturb=not a.clean,
                )
                print(a.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
