"""python -m independent_p OUT --seeds 1 2 --clients 60 200 [--clean] [--vendor F ...] [--psa F ...]

Writes OUT/seed<S>/c<N>/<vendor>__<psa>/ (perturbed) for every vendor x PSA pair; with --clean also
OUT/seed<S>/c<N>/<vendor>__<psa>__clean/ (the same case with canonical PSA spellings).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .generate import PSA_FORMATS, VENDOR_FORMATS, generate_case


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m independent_p",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    for n in a.clients:
        if not 10 <= n <= 1000:
            ap.error("--clients must be between 10 and 1000")
    t0, count = time.time(), 0
    for s in a.seeds:
        for n in a.clients:
            for v in a.vendor:
                for p in a.psa:
                    base = a.out / f"seed{s}" / f"c{n}"
                    generate_case(base / f"{v}__{p}", s, v, p, n, True)
                    count += 1
                    if a.clean:
                        generate_case(base / f"{v}__{p}__clean", s, v, p, n, False)
                        count += 1
    print(f"wrote {count} cases under {a.out} in {time.time() - t0:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
