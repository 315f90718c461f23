"""python -m independent_q OUT --seeds 1 --clients 60 200 [--clean] [--vendor F ...] [--psa F ...]

Writes OUT/<vendor>__<psa>__s<seed>__c<clients>[__clean]/ with the two exports and truth.json."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="python -m independent_q", description="Write set Q evaluation cases."
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    ap.add_argument(
        "--clean", action="store_true", help="also write the clean-spelling twin of every case"
    )
    ap.add_argument("--vendor", nargs="+", default=VENDOR_FORMATS, choices=VENDOR_FORMATS)
    ap.add_argument("--psa", nargs="+", default=PSA_FORMATS, choices=PSA_FORMATS)
    a = ap.parse_args(argv)
    t0, n = time.time(), 0
    for seed in a.seeds:
        for cl in a.clients:
            for v in a.vendor:
                for p in a.psa:
                    for pert in [True, False] if a.clean else [True]:
                        d = a.out / f"{v}__{p}__s{seed}__c{cl}{'' if pert else '__clean'}"
                        generate_case(
                            d, seed=seed, vendor_format=v, psa_format=p, clients=cl, perturb=pert
                        )
                        n += 1
    print(f"wrote {n} cases to {a.out} in {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
