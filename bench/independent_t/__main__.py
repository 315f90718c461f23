"""python -m independent_t OUT --seeds 1 --clients 60 200 [--clean] [--vendor NAME ...] [--psa NAME ...]

Writes OUT/<vendor>__<psa>/s<seed>-c<clients>-<perturbed|clean>/ with the two exports and truth.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m independent_t", description="Write set T evaluation cases."
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    ap.add_argument(
        "--clean", action="store_true", help="also write the clean-spelling twin of every case"
    )
    ap.add_argument("--vendor", nargs="+", choices=VENDOR_FORMATS, default=VENDOR_FORMATS)
    ap.add_argument("--psa", nargs="+", choices=PSA_FORMATS, default=PSA_FORMATS)
    a = ap.parse_args(argv)
    t0 = time.time()
    n = 0
    for v in a.vendor:
        for p in a.psa:
            for s in a.seeds:
                for c in a.clients:
                    for perturb in [True, False] if a.clean else [True]:
                        d = a.out / f"{v}__{p}" / f"s{s}-c{c}-{'perturbed' if perturb else 'clean'}"
                        generate_case(
                            d, seed=s, vendor_format=v, psa_format=p, clients=c, perturb=perturb
                        )
                        n += 1
    print(f"wrote {n} cases to {a.out} in {time.time() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
