"""python -m independent_r OUT --seeds 1 --clients 60 200 [--clean] [--vendor F ...] [--psa F ...]"""

import argparse
import time
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="independent_r", description="Write set R cases (every vendor x PSA pair)."
    )
    ap.add_argument("out")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    ap.add_argument(
        "--clean", action="store_true", help="also write the clean-spelling twin of each case"
    )
    ap.add_argument("--vendor", nargs="+", default=VENDOR_FORMATS, choices=VENDOR_FORMATS)
    ap.add_argument("--psa", nargs="+", default=PSA_FORMATS, choices=PSA_FORMATS)
    a = ap.parse_args(argv)
    t0, n = time.time(), 0
    for seed in a.seeds:
        for c in a.clients:
            for v in a.vendor:
                for p in a.psa:
                    for perturb in [True, False] if a.clean else [True]:
                        tag = "perturbed" if perturb else "clean"
                        generate_case(
                            Path(a.out) / f"s{seed}_c{c}" / f"{v}__{p}" / tag,
                            seed,
                            v,
                            p,
                            c,
                            perturb,
                        )
                        n += 1
    print(f"wrote {n} cases to {a.out} in {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
