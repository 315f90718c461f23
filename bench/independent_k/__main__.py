"""python -m bench.independent_k OUT --seeds 1 --clients 60 200 --pairs diagonal [--clean]"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, case_dir_name, generate_case


def pairs_of(spec: list[str]) -> list[tuple[str, str]]:
    if spec == ["all"]:
        return [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    if spec == ["diagonal"]:
        return [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
    out = []
    for s in spec:
        v, _, p = s.partition(":")
        if v not in VENDOR_FORMATS or p not in PSA_FORMATS:
            raise SystemExit(
                f"unknown pair {s!r}; vendor formats {VENDOR_FORMATS}, PSA formats {PSA_FORMATS}"
            )
        out.append((v, p))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.independent_k")
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    ap.add_argument("--pairs", nargs="+", default=["diagonal"])
    ap.add_argument(
        "--clean", action="store_true", help="write the clean-spelling twin of each case"
    )
    a = ap.parse_args(argv)
    for v, p in pairs_of(a.pairs):
        for s in a.seeds:
            for n in a.clients:
                d = a.out / case_dir_name(v, p, s, n, a.clean)
                generate_case(
                    d, seed=s, vendor_format=v, psa_format=p, clients=n, perturb=not a.clean
                )
                print(d)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
