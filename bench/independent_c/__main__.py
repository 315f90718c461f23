"""Write evaluation cases to disk.

    python -m bench.independent_c OUT --seeds 1 2 --clients 60 200 --pairs all [--clean]

``--pairs`` is ``all`` (every vendor x PSA format), ``diagonal`` (each format at least once) or a
list of ``vendor:psa`` names. Cases go to OUT/seed<S>/c<N>/<vendor>__<psa>/ (``--clean`` adds a
clean-spelling twin beside each in .../clean/).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from . import PSA_FORMATS, VENDOR_FORMATS, generate_case


def pairs(spec: list[str]) -> list[tuple[str, str]]:
    if spec == ["all"]:
        return [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
    if spec == ["diagonal"]:
        n = max(len(VENDOR_FORMATS), len(PSA_FORMATS))
        return [
            (VENDOR_FORMATS[i % len(VENDOR_FORMATS)], PSA_FORMATS[i % len(PSA_FORMATS)])
            for i in range(n)
        ]
    out: list[tuple[str, str]] = []
    for item in spec:
        v, sep, p = item.partition(":")
        if not sep or v not in VENDOR_FORMATS or p not in PSA_FORMATS:
            raise SystemExit(
                f"bad pair {item!r}: use vendor:psa with vendor in {VENDOR_FORMATS} "
                f"and psa in {PSA_FORMATS}"
            )
        out.append((v, p))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.independent_c",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("out", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--clients", type=int, nargs="+", default=[60])
    ap.add_argument("--pairs", nargs="+", default=["all"])
    ap.add_argument("--clean", action="store_true", help="also write clean-spelling twins")
    ap.add_argument("--stats", action="store_true", help="print findings per type and class")
    args = ap.parse_args(argv)
    count = 0
    start = time.perf_counter()
    cpu = time.process_time()
    slowest = (0.0, "")
    types: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for seed in args.seeds:
        for n in args.clients:
            for v, p in pairs(args.pairs):
                case = args.out / f"seed{seed}" / f"c{n}" / f"{v}__{p}"
                t0 = time.process_time()
                truth_path = generate_case(case, seed, v, p, n)
                slowest = max(slowest, (time.process_time() - t0, f"{v}__{p} c{n}"))
                count += 1
                if args.stats:
                    truth = json.loads(truth_path.read_text(encoding="utf-8"))
                    for f in truth["findings"]:
                        types[f["type"]] += 1
                        classes.update(f["classes"])
                    for side in ("vendor", "psa"):
                        for row in truth["rows"][side].values():
                            lines[f"{side}:{row['role']}"] += 1
                if args.clean:
                    generate_case(case / "clean", seed, v, p, n, perturb=False)
                    count += 1
    print(
        f"wrote {count} cases to {args.out} in {time.perf_counter() - start:.1f} s "
        f"({time.process_time() - cpu:.1f} s CPU; slowest {slowest[0]:.2f} s CPU: {slowest[1]})"
    )
    if args.stats:
        print("findings by type:", dict(types.most_common()))
        print("findings by class:", dict(classes.most_common()))
        print("rows by side and role:", dict(lines.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
