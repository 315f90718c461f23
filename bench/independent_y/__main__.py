import argparse
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case

ap = argparse.ArgumentParser(prog="python -m bench.independent_y", description="write set Y cases")
ap.add_argument("out")
ap.add_argument("--seeds", type=int, nargs="+", default=[1])
ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
ap.add_argument(
    "--clean", action="store_true", help="also write the clean-spelling twin of every case"
)
ap.add_argument("--vendor", nargs="*", default=VENDOR_FORMATS)
ap.add_argument("--psa", nargs="*", default=PSA_FORMATS)
ap.add_argument("--diagonal", action="store_true", help="pair vendor i with PSA i mod 8 only")
a = ap.parse_args()
pairs = [(v, p) for v in a.vendor for p in a.psa]
if a.diagonal:
    pairs = [(v, a.psa[i % len(a.psa)]) for i, v in enumerate(a.vendor)]
n = 0
for seed in a.seeds:
    for cl in a.clients:
        for v, p in pairs:
            for pert in [True, False] if a.clean else [True]:
                d = (
                    Path(a.out)
                    / f"s{seed}_c{cl}"
                    / f"{v}__{p}"
                    / ("perturbed" if pert else "clean")
                )
                generate_case(d, seed=seed, vendor_format=v, psa_format=p, clients=cl, perturb=pert)
                n += 1
print(f"wrote {n} cases under {a.out}")
