"""python -m bench.independent_m OUT --seeds 1 --clients 60 200 --pairs diagonal [--clean]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, case_folder_name, generate_case


def pairs_from(spec):
    out = []
    for s in spec:
        if s == "all":
            out += [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
        elif s == "diagonal":
            out += [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
        elif ":" in s:
            v, p = s.split(":", 1)
            if v not in VENDOR_FORMATS or p not in PSA_FORMATS:
                raise SystemExit(
                    f"unknown pair {s!r}; vendor formats: {', '.join(VENDOR_FORMATS)}; PSA formats: {', '.join(PSA_FORMATS)}"
                )
            out.append((v, p))
        else:
            raise SystemExit(f"--pairs takes all, diagonal or vendor:psa, not {s!r}")
    seen, res = set(), []
    for x in out:
        if x not in seen:
            seen.add(x)
            res.append(x)
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="python -m bench.independent_m", description="Write evaluation set M cases."
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    ap.add_argument("--pairs", nargs="+", default=["diagonal"])
    ap.add_argument("--clean", action="store_true", help="canonical spellings (no perturbation)")
    a = ap.parse_args(argv)
    n = 0
    for seed in a.seeds:
        for c in a.clients:
            for v, p in pairs_from(a.pairs):
                folder = a.out / case_folder_name(v, p, seed, c, not a.clean)
                generate_case(
                    folder, seed=seed, vendor_format=v, psa_format=p, clients=c, perturb=not a.clean
                )
                n += 1
    print(f"wrote {n} case(s) under {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
