"""``leakage-finder``: the command line over the engine (thin: parse, call one function, render).

Exit codes (also in ``--help`` and the README):
    0  reconciled (whether or not leakage was found)
    2  bad command line (unknown option, missing argument)
    3  an input or setting the user can fix (unreadable file, missing column, bad mapping);
       one line on stderr says what was wrong, what was found and how to fix it
    1  an unexpected error: a bug; the traceback is printed so it can be reported
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from addin.cli_headline import print_headline
from addin.cli_parser import build_parser, check_outputs

if TYPE_CHECKING:
    from engine.result import Result
    from engine.settings import Settings

EXIT_OK, EXIT_USAGE, EXIT_INPUT = 0, 2, 3  # 1 is Python's own for an uncaught exception: a bug


class _Progress:
    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream, self.enabled, self.started = stream, enabled, time.perf_counter()

    def __call__(self, message: str) -> None:
        if self.enabled:
            print(
                f"[{time.perf_counter() - self.started:6.2f}s] {message}",
                file=self.stream,
                flush=True,
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    from engine.errors import LeakageFinderError

    try:
        if args.command == "reconcile":
            return _reconcile(parser, args)
        if args.command == "sample":
            return _sample(args)
        if args.command in ("setup-excel", "doctor"):
            return _setup_excel(args)
        return _build(args)
    except LeakageFinderError as error:
        print(f"error: {' '.join(str(error).split())}", file=sys.stderr)  # always one line
        return EXIT_INPUT
    except SystemExit as exit_:  # parser.error() for option combinations
        return int(exit_.code or 0)
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _settings(args: argparse.Namespace) -> Settings:
    from dataclasses import replace

    from engine.settings import Settings, load_settings_file

    settings = load_settings_file(args.mapping) if args.mapping else Settings()
    if args.period:
        settings = replace(settings, period=args.period)
    return settings


def _reconcile(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    progress = _Progress(sys.stderr, not args.quiet)
    if args.workbook and (args.vendor or args.psa):
        parser.error("give either --workbook or --vendor/--psa, not both")
    check_outputs(args)
    if args.workbook:
        from addin.workbook.headless import reconcile_workbook

        result = reconcile_workbook(
            args.workbook,
            out=args.out,
            progress=progress,
            settings_override=_settings(args) if args.mapping or args.period else None,
            previous=args.previous,
        )
    else:
        if not args.vendor or not args.psa:
            parser.error("give --vendor FILE and --psa FILE (or --workbook BOOK)")
        from engine.reconcile import reconcile

        result = reconcile(
            args.vendor if len(args.vendor) > 1 else args.vendor[0],
            args.psa,
            _settings(args),
            progress=progress,
            vendor_sheet=args.vendor_sheet,
            psa_sheet=args.psa_sheet,
        )
        result = _compared(result, args.previous, progress)
        if args.out:
            from addin.workbook.report import write_report

            progress(f"Writing {args.out}")
            write_report(result, args.out)
    _write_side_outputs(result, args, progress)
    print_headline(result, sys.stdout)
    return EXIT_OK


def _compared(result: Result, previous: str | None, progress: _Progress) -> Result:
    """The result against last month's archive (every finding new without one)."""
    from addin.workbook.month_archive import with_previous

    return with_previous(result, None, Path(previous) if previous else None, progress)


def _write_side_outputs(result: Result, args: argparse.Namespace, progress: _Progress) -> None:
    from engine.export import write_discrepancies_csv, write_prices_csv, write_summary_json

    if args.csv:
        progress(f"Writing {args.csv}")
        write_discrepancies_csv(result, args.csv)
    if args.json:
        progress(f"Writing {args.json}")
        write_summary_json(result, args.json)
    if args.prices_csv:
        progress(f"Writing {args.prices_csv}")
        write_prices_csv(result, args.prices_csv)


def _sample(args: argparse.Namespace) -> int:
    from addin.sample.audit import run_sample
    from engine.errors import OutputError
    from engine.export import check_writable

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise OutputError(
            f"--out {out}: that is a file, and the sample writes a folder of files. Name a new "
            "folder (e.g. --out sample-audit)."
        )
    check_writable(out / "report.xlsx")
    progress = _Progress(sys.stderr, not args.quiet)
    result, written = run_sample(
        Path(args.out),
        clients=args.clients,
        seed=args.seed,
        vendor_format=args.vendor_format,
        psa_format=args.psa_format,
        progress=progress,
    )
    print_headline(result, sys.stdout)
    print("\nWrote:", file=sys.stdout)
    for path in written:
        print(f"  {path}", file=sys.stdout)
    return EXIT_OK


def _setup_excel(args: argparse.Namespace) -> int:
    from addin.excel.setup import setup_excel

    report = setup_excel(Path(args.workbook) if args.workbook else None, change=not args.check)
    print(report.text())
    return EXIT_OK if report.ok else EXIT_INPUT


def _build(args: argparse.Namespace) -> int:
    from addin.template.build import build_template

    target = Path(args.out)
    if target.suffix.lower() != ".xlsm":
        from engine.errors import UnreadableFileError

        raise UnreadableFileError(
            f"--out {target.name}: the template is a macro workbook; give a name ending in .xlsm."
        )
    build_template(target)
    print(f"Wrote {target}")
    return EXIT_OK


def run() -> NoReturn:
    """The console entry point: :func:`main`, then the process ends at once. Its outputs are written
    (atomically) and closed by then, so the interpreter's teardown — freeing every line, holding and
    finding one by one, ~1.5 s at 100k lines — would only keep the user waiting. Tests and other
    callers use :func:`main`, which returns normally."""
    import os

    from engine.gcpause import keep_until_exit

    keep_until_exit()
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
