"""python -m independent_o OUT --seeds 1 --clients 60 200 [--clean] [--only-clean] [--vendor F ...] [--psa F ...]"""

import argparse
import time
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m independent_o", description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
    ap.add_argument(
        "--clean",
        action="store_true",
        help="also write the clean-spelling twin of every case (<case>-clean)",
    )
    ap.add_argument("--only-clean", action="store_true", help="write only clean-spelling cases")
    ap.add_argument("--vendor", nargs="+", default=VENDOR_FORMATS, choices=VENDOR_FORMATS)
    ap.add_argument("--psa", nargs="+", default=PSA_FORMATS, choices=PSA_FORMATS)
    a = ap.parse_args(argv)
    out = Path(a.out)
    t0, n = time.time(), 0
    for seed in a.seeds:
        for size in a.clients:
            for vf in a.vendor:
                for pf in a.psa:
                    name = f"s{seed}_n{size}_{vf}__{pf}"
                    if not a.only_clean:
                        generate_case(out / name, seed, vf, pf, size, perturb=True)
                        n += 1
                    if a.clean or a.only_clean:
                        generate_case(out / (name + "-clean"), seed, vf, pf, size, perturb=False)
                        n += 1
    print(f"wrote {n} cases to {out} in {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
