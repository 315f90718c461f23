"""Benchmark: wall time per stage and peak memory, at 200 / 2,000 / 10,000 / 20,000 / 100,000 vendor lines.

    python -m bench                 # all sizes, all three paths; writes bench/results.md
    python -m bench --repeat 3      # best of 3 runs per cell, taken in rounds over all cells
    python -m bench --sizes 200 2000 --paths csv workbook
    python -m bench accuracy        # precision/recall on independently generated exports

Our packages are byte-compiled before anything is measured, as installing them does.

Paths: ``csv`` (files → discrepancies CSV), ``xlsx`` (files → xlsx report) and ``workbook`` (a
Leakage Finder workbook with pasted Vendor and PSA sheets → reconciled in place). Each measurement runs
in a fresh Python process, so "total" includes interpreter start-up and imports, and "peak MB" is that
process's maximum resident memory. A worker ends the way the CLI does (``addin.cli:run``: the
process exits right after its output is written, without freeing the object graph). Inputs come from the sample generator (messy names, every
discrepancy type, split subscriptions, annual lines, services) and are cached in bench/out/; the
workbook's pasted text sits in the shared-string table, as Excel saves it. The report ends with the
time ratio of every 10× step in lines, per stage.

The *floor* is measured in the same run, each part in a fresh process: a bare interpreter start-up
(``python -c pass``), python-calamine reading the workbook's Vendor and PSA sheets on two threads, and
writing as many cells as the run's output sheets hold (measured once from the reconciled workbook) as
sheet XML, deflated the way the package writer does, beside a copy of the input's bytes, written
atomically. Every path's total is printed as a multiple of it. The ``analyst`` path is the baseline a
careful analyst would script in pandas for the CSV → CSV job (bench/analyst.py), timed side by side.

In the workbook path the Vendor sheet loads on a second thread while the PSA sheet is read and typed,
so "read" ends when both sheets are in and includes the PSA side's normalising.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
RESULTS = Path(__file__).resolve().parent / "results.md"
SIZES = (200, 2_000, 10_000, 20_000, 100_000)
PATHS = ("csv", "xlsx", "workbook", "analyst")
STAGES = ("startup", "read", "normalise", "match", "compare", "write")
LINES_PER_CLIENT = 2.75  # what the sample generator yields on average


def peak_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM starts afresh with the program; getrusage's
    maximum would carry the benchmark parent's peak (it generated the inputs) into every worker."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (
        peak / 1024**2 if sys.platform == "darwin" else peak / 1024
    )  # bytes on macOS, KiB elsewhere


def prepare(size: int) -> Path:
    """Sample exports (CSV) and a pasted workbook with about ``size`` vendor lines."""
    folder = OUT / str(size)
    if (folder / "book.xlsm").exists():
        return folder
    from addin.sample.csv_bytes import to_csv_bytes
    from addin.sample.psa_exports import psa_rows
    from addin.sample.scenario import make_scenario
    from addin.sample.vendor_exports import vendor_rows
    from addin.template.build import template_bytes
    from addin.workbook.paste import pasted_workbook

    folder.mkdir(parents=True, exist_ok=True)
    scenario = make_scenario(max(10, round(size / LINES_PER_CLIENT)), seed=size)
    vendor, psa = vendor_rows(scenario, "partner_center"), psa_rows(scenario, "connectwise")
    (folder / "vendor.csv").write_bytes(to_csv_bytes(vendor, fmt="partner_center"))
    (folder / "psa.csv").write_bytes(to_csv_bytes(psa, fmt="connectwise"))
    (folder / "book.xlsm").write_bytes(pasted_workbook(template_bytes(), vendor, psa))
    (folder / "lines.json").write_text(json.dumps({"vendor": len(vendor) - 1, "psa": len(psa) - 1}))
    return folder


def output_cells(folder: Path) -> int:
    """Cells in the output sheets of the reconciled workbook at this size (counted once, cached)."""
    cached = folder / "output_cells.json"
    if cached.exists():
        return int(json.loads(cached.read_text())["cells"])
    import shutil

    from python_calamine import CalamineWorkbook

    from addin import layout as spec
    from addin.workbook.headless import reconcile_workbook

    book = folder / "cells.xlsm"
    shutil.copy(folder / "book.xlsm", book)
    reconcile_workbook(book)
    workbook = CalamineWorkbook.from_path(str(book))
    cells = 0
    for name in spec.OUTPUT_SHEETS:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        cells += sum(len(row) for row in rows)
    workbook.close()
    book.unlink()
    cached.write_text(json.dumps({"cells": cells}))
    return cells


def _sheet_xml(grid: list[list[object]], cells: int, width: int = 26) -> bytes:
    """``cells`` cells of sheet XML (rows of ``width``), their values taken from ``grid`` in turn."""
    from xml.sax.saxutils import escape

    flat = [value for row in grid for value in row] or [""]
    parts = [
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    ]
    rows = -(-cells // width)
    at = 0
    for r in range(1, rows + 1):
        out = [f'<row r="{r}">']
        for _ in range(width):
            value = flat[at % len(flat)]
            at += 1
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out.append(f"<c><v>{value}</v></c>")
            else:
                out.append(f'<c t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
        out.append("</row>")
        parts.append("".join(out))
    parts.append("</sheetData></worksheet>")
    return "".join(parts).encode("utf-8")


def floor_worker(folder: Path, cells: int) -> dict[str, float]:
    """The unavoidable work, timed in parts: read both sheets (two threads), write the output cells."""
    import os
    import threading
    import zlib

    from python_calamine import CalamineWorkbook

    begin = time.perf_counter()
    book_path = str(folder / "book.xlsm")
    grids: dict[str, list[list[object]]] = {}

    def load(name: str) -> None:
        book = CalamineWorkbook.from_path(book_path)
        grids[name] = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        book.close()

    second = threading.Thread(target=load, args=("Vendor",))
    second.start()
    load("PSA")
    second.join()
    read = time.perf_counter()
    original = (folder / "book.xlsm").read_bytes()
    xml = _sheet_xml(grids["Vendor"], cells)
    compressor = zlib.compressobj(1 if len(xml) > 4_000_000 else 6, zlib.DEFLATED, -15)
    deflated = compressor.compress(xml) + compressor.flush()
    crc = zlib.crc32(xml)
    target = folder / "floor.tmp"
    with open(target, "wb") as handle:
        handle.write(original)
        handle.write(deflated)
        handle.write(crc.to_bytes(4, "little"))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(target, folder / "floor.out")
    return {"read": read - begin, "write": time.perf_counter() - read, "peak_mb": peak_mb()}


def measure_floor(size: int) -> dict[str, float]:
    """Start-up, read and write floors for this size, each the fastest of this run's attempt."""
    folder = prepare(size)
    cells = output_cells(folder)
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    startup = time.perf_counter() - started
    process = subprocess.run(
        [sys.executable, "-m", "bench", "--floor", str(folder), str(cells)],
        capture_output=True,
        text=True,
        check=True,
    )
    parts = json.loads(process.stdout.strip().splitlines()[-1])
    return {
        "startup": startup,
        "read": parts["read"],
        "write": parts["write"],
        "total": startup + parts["read"] + parts["write"],
        "cpu": _children_cpu() - cpu,
        "peak_mb": parts["peak_mb"],
        "cells": cells,
    }


def worker(path: str, folder: Path, started: float) -> dict[str, float]:
    """One measured run (in its own process): stage boundaries come from the engine's progress."""
    if path == "analyst":
        from bench.analyst import run

        imported = time.perf_counter()
        run(folder / "vendor.csv", folder / "psa.csv", folder / "analyst.csv")
        return {
            "startup": imported - started,
            "write": time.perf_counter() - imported,  # the whole script: one stage
            **{stage: 0.0 for stage in ("read", "normalise", "match", "compare")},
            "peak_mb": peak_mb(),
        }
    # what each path needs before it can start work (the CLI imports the same lazily)
    if path == "workbook":
        import addin.workbook.headless
    else:
        import engine.reconcile  # noqa: F401

        if path == "xlsx":
            import addin.workbook.report  # noqa: F401
    imported = time.perf_counter()  # CLOCK_MONOTONIC: comparable with the parent's clock
    marks: list[tuple[str, float]] = []

    def progress(message: str) -> None:
        marks.append((message, time.perf_counter()))

    if path == "workbook":
        import shutil

        from addin.workbook.headless import reconcile_workbook

        book = folder / "run.xlsm"
        shutil.copy(folder / "book.xlsm", book)
        begin = time.perf_counter()
        reconcile_workbook(book, progress=progress)
    else:
        from engine.reconcile import reconcile

        begin = time.perf_counter()
        result = reconcile(folder / "vendor.csv", folder / "psa.csv", progress=progress)
        progress("Writing")
        if path == "csv":
            from engine.export import write_discrepancies_csv

            write_discrepancies_csv(result, folder / "run.csv")
        else:
            from addin.workbook.report import write_report

            write_report(result, folder / "run.xlsx")
    end = time.perf_counter()
    at = {message: moment for message, moment in marks}
    first_read = at.get("Reading the vendor bill", begin) if path != "workbook" else begin
    stages = {
        "startup": imported - started,
        "read": at["Normalising lines"] - first_read,
        "normalise": at["Matching products"] - at["Normalising lines"],
        "match": at["Comparing"] - at["Matching products"],
        "compare": at["Done"] - at["Comparing"],
        "write": end - at["Done"],
        "peak_mb": peak_mb(),
    }
    return stages


def _children_cpu() -> float:
    """CPU seconds (user + system) used by this process's finished children so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(size: int, path: str) -> dict[str, float]:
    folder = prepare(size)
    cpu = _children_cpu()
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-m", "bench", "--worker", path, str(folder), repr(started)],
        capture_output=True,
        text=True,
        check=True,
    )
    total = time.perf_counter() - started
    stages = json.loads(process.stdout.strip().splitlines()[-1])
    stages["total"] = total
    stages["cpu"] = _children_cpu() - cpu
    lines = json.loads((folder / "lines.json").read_text())
    stages["vendor_lines"], stages["psa_lines"] = lines["vendor"], lines["psa"]
    return stages


def table(rows: list[tuple[int, str, dict[str, float]]]) -> str:
    head = (
        "| vendor lines | PSA lines | path | "
        + " | ".join(STAGES)
        + " | total s | CPU s | peak MB |"
    )
    out = [head, "|" + "---|" * (len(STAGES) + 6)]
    for _size, path, s in rows:
        cells = " | ".join(f"{s[stage]:.2f}" for stage in STAGES)
        out.append(
            f"| {int(s['vendor_lines']):,} | {int(s['psa_lines']):,} | {path} | {cells} | "
            f"{s['total']:.2f} | {s['cpu']:.2f} | {s['peak_mb']:.0f} |"
        )
    return "\n".join(out)


def scaling(rows: list[tuple[int, str, dict[str, float]]]) -> str:
    """Time ratios for every 10× step in lines measured (2,000 → 20,000, 10,000 → 100,000), per
    stage and in total: the issue's "10× the lines costs ≤ 11× the time"."""
    by_cell = {(size, path): stages for size, path, stages in rows}
    out = []
    for (size, path), small in by_cell.items():
        large = by_cell.get((size * 10, path))
        if large is None:
            continue
        ratios = " | ".join(
            f"{large[stage] / small[stage]:.1f}×" if small[stage] >= 0.01 else "–"
            for stage in (*STAGES, "total")
        )
        out.append(f"| {size:,} → {size * 10:,} | {path} | {ratios} |")
    if not out:
        return ""
    head = "| lines | path | " + " | ".join((*STAGES, "total")) + " |"
    return "\n".join(
        [
            "Time for 10× the lines, as a multiple (a stage under 0.01 s is not compared):",
            "",
            head,
            "|" + "---|" * (len(STAGES) + 3),
            *out,
        ]
    )


def floor_table(
    floors: dict[int, dict[str, float]], rows: list[tuple[int, str, dict[str, float]]]
) -> str:
    """The floor per size and every path's total as a multiple of it."""
    paths = list(dict.fromkeys(path for _size, path, _stages in rows))
    head = (
        "| vendor lines | output cells | start-up | read 2 sheets | write | floor s | floor CPU s | "
        + " | ".join(f"{path} × (CPU ×)" for path in paths)
        + " |"
    )
    out = [head, "|" + "---|" * (7 + len(paths))]
    by_cell = {(size, path): stages for size, path, stages in rows}
    for size, floor in floors.items():
        multiples = " | ".join(
            f"{by_cell[(size, path)]['total'] / floor['total']:.2f}× "
            f"({by_cell[(size, path)]['cpu'] / floor['cpu']:.2f}×)"
            if (size, path) in by_cell
            else "–"
            for path in paths
        )
        lines = next((s["vendor_lines"] for z, _p, s in rows if z == size), size)
        out.append(
            f"| {int(lines):,} | {int(floor['cells']):,} | {floor['startup']:.2f} | "
            f"{floor['read']:.2f} | {floor['write']:.2f} | {floor['total']:.2f} | "
            f"{floor['cpu']:.2f} | {multiples} |"
        )
    return "\n".join(out)


def machine() -> str:
    import os

    memory = ""
    try:
        with open("/proc/meminfo") as handle:
            memory = f", {int(handle.readline().split()[1]) / 1024**2:.0f} GiB"
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores{memory}, "
        f"Python {platform.python_version()}"
    )


def compile_sources() -> None:
    """Byte-compile our packages first, as installing them does (pip compiles every module it
    installs): with PYTHONDONTWRITEBYTECODE set, as on some CI machines, every measured start-up
    would otherwise compile ~60 modules from source again (~0.15 s of CPU in each process)."""
    import compileall

    root = Path(__file__).resolve().parent.parent
    for package in ("engine", "addin", "bench"):
        compileall.compile_dir(root / package, quiet=2)


def main() -> None:
    if sys.argv[1:2] == ["accuracy"]:  # python -m bench accuracy …: see bench/accuracy.py
        from bench.accuracy import main as accuracy

        accuracy(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--paths", nargs="+", choices=PATHS, default=list(PATHS))
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per cell; the fastest is reported"
    )
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--floor", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        print(json.dumps(floor_worker(Path(args.floor[0]), int(args.floor[1]))))
        return
    if args.worker:
        path, folder, started = args.worker
        if path != "analyst":  # end the way the CLI (addin.cli:run) ends: at once, nothing freed
            from engine.gcpause import keep_until_exit

            keep_until_exit()
        print(json.dumps(worker(path, Path(folder), float(started))), flush=True)
        if path != "analyst":
            import os

            os._exit(0)
        return
    compile_sources()
    for size in args.sizes:
        print(f"preparing {size:,} lines…", file=sys.stderr, flush=True)
        prepare(size)
    # Rounds go over every cell in turn, so a cell's runs are spread over the whole benchmark: a
    # slow spell of a shared machine then costs one run of each cell, not all runs of one.
    best: dict[tuple[int, str], dict[str, float]] = {}
    floors: dict[int, dict[str, float]] = {}
    for round_number in range(1, args.repeat + 1):
        for size in args.sizes:
            floor = measure_floor(size)
            kept = floors.setdefault(size, floor)
            for part in ("startup", "read", "write", "total", "cpu"):  # each part's fastest
                kept[part] = min(kept[part], floor[part])
            print(
                f"  round {round_number}: {size:>7,} floor     {floor['total']:6.2f} s",
                file=sys.stderr,
                flush=True,
            )
            for path in args.paths:
                run = measure(size, path)
                fastest_cpu = (
                    min(run["cpu"], best[(size, path)]["cpu"])
                    if (size, path) in best
                    else run["cpu"]
                )
                if (size, path) not in best or run["total"] < best[(size, path)]["total"]:
                    best[(size, path)] = run
                best[(size, path)]["cpu"] = fastest_cpu  # CPU: the least of the rounds too
                print(
                    f"  round {round_number}: {size:>7,} {path:9} {run['total']:6.2f} s  "
                    f"{run['peak_mb']:6.0f} MB",
                    file=sys.stderr,
                    flush=True,
                )
    rows = [(size, path, best[(size, path)]) for size in args.sizes for path in args.paths]
    report = (
        f"Measured {time.strftime('%Y-%m-%d')} on {machine()}.\n"
        "Seconds per stage; total is the whole process (start-up included), measured outside it; CPU s "
        "is its user + system CPU time (steadier than wall time on a shared machine; the least of the "
        "rounds).\n\n"
        + table(rows)
        + "\n\nThe floor (start-up + reading both sheets + writing the output cells) and each path's total "
        "as a multiple of it (the analyst path is the pandas baseline, CSV → CSV):\n\n"
        + floor_table(floors, rows)
        + "\n"
    )
    if ratios := scaling(rows):
        report += "\n" + ratios + "\n"
    RESULTS.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
