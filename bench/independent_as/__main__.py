import argparse
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case

ap = argparse.ArgumentParser(
    prog="python -m bench.independent_as", description="write set AS cases"
)
ap.add_argument("out")
ap.add_argument("--seeds", type=int, nargs="+", default=[1])
ap.add_argument("--clients", type=int, nargs="+", default=[60, 200])
ap.add_argument(
    "--clean",
    action="store_true",
    help="also write the clean-spelling twin of every case",
)
ap.add_argument("--vendor", nargs="*", default=VENDOR_FORMATS)
ap.add_argument("--psa", nargs="*", default=PSA_FORMATS)
ap.add_argument(
    "--diagonal",
    action="store_true",
    help="only the i-th vendor with the i-th PSA format",
)
a = ap.parse_args()
pairs = (
    list(zip(a.vendor, a.psa, strict=False))
    if a.diagonal
    else [(v, p) for v in a.vendor for p in a.psa]
)
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
                generate_case(
                    d,
                    seed=seed,
                    vendor_format=v,
                    psa_format=p,
                    clients=cl,
                    perturb=pert,
                )
                n += 1
print(f"wrote {n} cases under {a.out}")
