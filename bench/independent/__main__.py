"""CLI: python -m bench.independent OUT_DIR --seeds 1 2 --clients 60 120 --pairs all"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def _pairs(spec: str) -> list[tuple[str, str]]:
    if spec == "all":
        return [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    if spec == "diagonal":  # every format at least once, few cases
        n = max(len(VENDOR_FORMATS), len(PSA_FORMATS))
        return [
            (VENDOR_FORMATS[i % len(VENDOR_FORMATS)], PSA_FORMATS[i % len(PSA_FORMATS)])
            for i in range(n)
        ]
    out = []
    for item in spec.split(","):
        v, _, p = item.partition(":")
        if v not in VENDOR_FORMATS or p not in PSA_FORMATS:
            raise SystemExit(
                f"unknown pair {item!r}; vendor formats: {', '.join(VENDOR_FORMATS)}; "
                f"PSA formats: {', '.join(PSA_FORMATS)}"
            )
        out.append((v, p))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.independent", description=__doc__)
    ap.add_argument("out_dir", type=pathlib.Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[80])
    ap.add_argument(
        "--pairs",
        default="all",
        help="'all' (every vendor x PSA format), 'diagonal' (each format once), or "
        "'vendor:psa,vendor:psa'",
    )
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument(
        "--clean", action="store_true", help="render canonical spellings only (perturb=False)"
    )
    mode.add_argument(
        "--both", action="store_true", help="write a perturbed and a clean case for each"
    )
    args = ap.parse_args(argv)
    modes = [True, False] if args.both else [not args.clean]
    index = []
    for seed in args.seeds:
        for n in args.clients:
            for v, p in _pairs(args.pairs):
                for perturb in modes:
                    name = f"{v}__{p}__s{seed}__n{n}" + ("" if perturb else "__clean")
                    truth = generate_case(
                        args.out_dir / name,
                        seed=seed,
                        vendor_format=v,
                        psa_format=p,
                        clients=n,
                        perturb=perturb,
                    )
                    doc = json.loads(truth.read_text(encoding="utf-8"))
                    by_type: dict[str, int] = {}
                    by_class: dict[str, int] = {}
                    for f in doc["findings"]:
                        by_type[f["type"]] = by_type.get(f["type"], 0) + 1
                        for c in f["classes"]:
                            by_class[c] = by_class.get(c, 0) + 1
                    index.append(
                        {
                            "case": name,
                            "vendor_format": v,
                            "psa_format": p,
                            "seed": seed,
                            "clients": n,
                            "perturb": perturb,
                            "findings": len(doc["findings"]),
                            "by_type": dict(sorted(by_type.items())),
                            "by_class": dict(sorted(by_class.items())),
                        }
                    )
                    print(f"{name}: {len(doc['findings'])} findings", file=sys.stderr)
    (args.out_dir / "index.json").write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
