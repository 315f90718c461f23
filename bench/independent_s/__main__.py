"""python -m independent_s OUT --seeds 1 2 --clients 60 200 [--clean] [--vendor F ...] [--psa F ...]

Writes OUT/seed<S>/c<N>/<vendor>__<psa>/{vendor file, PSA file, truth.json} for every vendor x PSA pair
(perturbed spellings; with --clean also a clean twin under .../<vendor>__<psa>__clean).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m independent_s", description=__doc__.splitlines()[0]
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    ap.add_argument(
        "--clean", action="store_true", help="also write the clean-spelling twin of each case"
    )
    ap.add_argument("--vendor", nargs="+", default=VENDOR_FORMATS, choices=VENDOR_FORMATS)
    ap.add_argument("--psa", nargs="+", default=PSA_FORMATS, choices=PSA_FORMATS)
    a = ap.parse_args(argv)
    t0, n = time.perf_counter(), 0
    for seed in a.seeds:
        for clients in a.clients:
            for vf in a.vendor:
                for pf in a.psa:
                    base = a.out / f"seed{seed}" / f"c{clients}"
                    generate_case(base / f"{vf}__{pf}", seed, vf, pf, clients, True)
                    n += 1
                    if a.clean:
                        generate_case(base / f"{vf}__{pf}__clean", seed, vf, pf, clients, False)
                        n += 1
    print(f"wrote {n} cases to {a.out} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
