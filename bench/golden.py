"""Golden outputs, to prove a speed change changes nothing: every field of every result, dumped.

    python -m bench.golden dump before.json            # independent sets A, B, C + the 10k bench
    python -m bench.golden dump after.json --sizes 10000 100000
    python -m bench.golden compare before.json after.json

The cases are the three independent sets (``bench.independent``, ``_b``, ``_c``) at seeds 1 and 2,
60 clients, every vendor × PSA format pair, generated once into a cache folder; each is reconciled
with :func:`engine.reconcile.reconcile` and every ``Result`` field is recorded (findings with their
rows and evidence, KPIs but the run's seconds, matches, exclusions, pairs, margins, terms, warnings,
mappings). For each bench size (``bench/out/<size>``, made by ``python -m bench``) the same, plus
the discrepancies CSV's bytes and every part of the reconciled workbook (the Activity Log's clock
fixed). Compare runs with the same ``PYTHONHASHSEED`` (at 100k one look-alike's evidence may vary
with it in older trees).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

CACHE = Path(tempfile.gettempdir()) / "leakage-golden-cases"
SETS = (
    "independent",
    "independent_b",
    "independent_c",
    "independent_d",
    "independent_e",
    "independent_f",
)
SEEDS = (1, 2)
CLIENTS = 60


def plain(value: Any) -> Any:
    """A result as JSON: records field by field, everything else by its repr (exact)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "seconds"
        }
    if isinstance(value, list | tuple | Sequence) and not isinstance(value, str | bytes):
        return [plain(v) for v in value]  # (a result's pairs are a Sequence built when read)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, str | int | bool) or value is None:
        return value
    if isinstance(value, Decimal):
        return f"D{value!s}"
    return repr(value)


def case_folders() -> list[Path]:
    """Every case's folder (generated on first use)."""
    import importlib

    folders = []
    for name in SETS:
        module = importlib.import_module(f"bench.{name}")
        for seed in SEEDS:
            for vendor in module.VENDOR_FORMATS:
                for psa in module.PSA_FORMATS:
                    folder = CACHE / f"{name}-{seed}-{vendor}-{psa}"
                    if not (folder / "truth.json").exists():
                        folder.mkdir(parents=True, exist_ok=True)
                        module.generate_case(
                            folder,
                            seed=seed,
                            vendor_format=vendor,
                            psa_format=psa,
                            clients=CLIENTS,
                            perturb=True,
                        )
                    folders.append(folder)
    return folders


def one_case(folder: Path) -> tuple[str, Any]:
    from engine.errors import LeakageFinderError
    from engine.reconcile import reconcile

    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    try:
        result = reconcile(
            folder / truth["vendor_file"],
            folder / truth["psa_file"],
            vendor_sheet=truth.get("vendor_sheet"),
            psa_sheet=truth.get("psa_sheet"),
        )
    except LeakageFinderError as error:
        return folder.name, f"ERROR {type(error).__name__}: {error}"
    return folder.name, plain(result)


def bench_size(size: int) -> dict[str, Any]:
    """The bench's inputs at this size: the result, the CLI's CSV, the reconciled workbook's parts."""
    import datetime as dt
    import shutil

    import addin.workbook.headless as headless
    from engine.export import write_discrepancies_csv
    from engine.reconcile import reconcile

    folder = Path(__file__).resolve().parent / "out" / str(size)
    result = reconcile(folder / "vendor.csv", folder / "psa.csv")
    out: dict[str, Any] = {"result": plain(result)}
    with tempfile.TemporaryDirectory() as scratch:
        csv = Path(scratch) / "run.csv"
        write_discrepancies_csv(result, csv)
        out["csv"] = hashlib.sha256(csv.read_bytes()).hexdigest()
        book = Path(scratch) / "run.xlsm"
        shutil.copy(folder / "book.xlsm", book)
        headless.clock = lambda: dt.datetime(2026, 1, 31, 12, 0, 0)
        out["workbook_result"] = plain(headless.reconcile_workbook(book))
        with zipfile.ZipFile(book) as package:
            out["workbook_parts"] = {
                info.filename: hashlib.sha256(package.read(info)).hexdigest()
                for info in package.infolist()
            }
    return out


def dump(target: Path, sizes: list[int], jobs: int, cases: bool) -> None:
    # everything imported before any work (and before the workers fork): a source file edited
    # while a dump runs cannot leak into it
    import addin.workbook.headless  # noqa: F401
    import engine.export
    import engine.reconcile  # noqa: F401

    out: dict[str, Any] = {}
    if cases:
        folders = case_folders()
        with ProcessPoolExecutor(jobs) as pool:
            out.update(pool.map(one_case, folders, chunksize=4))
    for size in sizes:
        out[f"bench{size}"] = bench_size(size)
    target.write_text(json.dumps(out, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(out)} entries → {target}")


def compare(before: Path, after: Path) -> int:
    """Print every entry that differs (and where, first few keys); exit status 1 if any."""
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    differ = 0
    for name in sorted(set(a) | set(b)):
        if a.get(name) == b.get(name):
            continue
        differ += 1
        where = _first_difference(a.get(name), b.get(name), name)
        print(f"DIFFERS {where}")
    common = len(set(a) & set(b))
    print(f"{common} entries in both, {differ} differ")
    return 1 if differ else 0


def _first_difference(x: Any, y: Any, path: str) -> str:
    if isinstance(x, dict) and isinstance(y, dict):
        for key in sorted(set(x) | set(y)):
            if x.get(key) != y.get(key):
                return _first_difference(x.get(key), y.get(key), f"{path}.{key}")
    if isinstance(x, list) and isinstance(y, list):
        if len(x) != len(y):
            return f"{path}: {len(x)} items vs {len(y)}"
        for i, (p, q) in enumerate(zip(x, y, strict=True)):
            if p != q:
                return _first_difference(p, q, f"{path}[{i}]")
    return f"{path}: {str(x)[:200]!r} vs {str(y)[:200]!r}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.golden", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("target", type=Path)
    d.add_argument("--sizes", type=int, nargs="*", default=[10_000])
    d.add_argument("--jobs", type=int, default=2)
    d.add_argument("--no-cases", action="store_true", help="the bench sizes only")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.target, args.sizes, args.jobs, not args.no_cases)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
