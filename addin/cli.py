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
from typing import TYPE_CHECKING, NoReturn, TextIO, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

    from engine.result import Result
    from engine.settings import Settings

EXIT_OK, EXIT_USAGE, EXIT_INPUT = 0, 2, 3  # 1 is Python's own for an uncaught exception: a bug

EPILOG = """exit codes:
  0  reconciled (with or without leakage)
  2  bad command line
  3  an input or setting you can fix: the message says what and how
  1  unexpected error (a bug: please report the traceback)

examples:
  leakage-finder sample --out sample-audit
  leakage-finder reconcile --vendor partner_center.csv --psa connectwise.xlsx --out report.xlsx
  leakage-finder reconcile --vendor pax8.csv --vendor partner_center.zip --psa connectwise.xlsx
  leakage-finder reconcile --workbook Leakage.xlsm
  leakage-finder setup-excel --workbook Leakage.xlsm
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leakage-finder",
        description="Find MSP billing leakage: reconcile a vendor licence bill against PSA billing.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_reconcile(commands)
    _add_sample(commands)
    _add_setup(commands)
    build = commands.add_parser(
        "build-template",
        help="build workbook_template.xlsm from its text sources (the package already ships one)",
    )
    build.add_argument(
        "--out",
        metavar="FILE",
        default="workbook_template.xlsm",
        help="where to write (default: workbook_template.xlsm in the current folder)",
    )
    return parser


Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_reconcile(commands: Commands) -> None:
    rec = commands.add_parser(
        "reconcile",
        help="reconcile a vendor export against a PSA export (files or a workbook)",
        description="Reconcile a vendor bill against a PSA export. Give --vendor and --psa files "
        "(CSV/TXT/XLSX/XLSM), or --workbook for a Leakage Finder workbook with pasted Vendor and "
        "PSA sheets.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_reconcile_inputs(rec)
    _add_reconcile_outputs(rec)
    rec.add_argument("--quiet", action="store_true", help="no progress on stderr")


def _add_reconcile_inputs(rec: argparse.ArgumentParser) -> None:
    """What to reconcile: the two exports (and their sheets), or a workbook."""
    rec.add_argument(
        "--vendor",
        metavar="FILE",
        action="append",
        help="the vendor bill (Partner Center, Pax8, distributor); give it once per bill to "
        "reconcile several bills together (each finding names its bill)",
    )
    rec.add_argument(
        "--psa",
        metavar="FILE",
        help="the PSA billing export (ConnectWise, Autotask, HaloPSA, Syncro)",
    )
    rec.add_argument(
        "--vendor-sheet",
        metavar="NAME",
        help="sheet to read when --vendor is a workbook (default: the sheet that looks like an "
        "export; which one was used is said in a warning)",
    )
    rec.add_argument(
        "--psa-sheet",
        metavar="NAME",
        help="sheet to read when --psa is a workbook (default: as for --vendor-sheet)",
    )
    rec.add_argument(
        "--workbook",
        metavar="BOOK",
        help="a Leakage Finder workbook (.xlsm) with Vendor and PSA sheets",
    )


def _add_reconcile_outputs(rec: argparse.ArgumentParser) -> None:
    """What to write, and what the run compares with and reads its settings from."""
    rec.add_argument(
        "--out",
        metavar="FILE",
        help="with files: write an .xlsx report; with --workbook: write the reconciled copy here "
        "(same ending as the workbook); never an input, a folder or a read-only file",
    )
    rec.add_argument("--csv", metavar="FILE", help="write the discrepancies as CSV")
    rec.add_argument("--json", metavar="FILE", help="write the KPI summary as JSON")
    rec.add_argument(
        "--prices-csv",
        metavar="FILE",
        help="write vendor cost moves, thin margins, Extended Service Terms and renewals due as CSV",
    )
    rec.add_argument(
        "--mapping", metavar="FILE", help="column mapping / settings file (.json or .toml)"
    )
    rec.add_argument(
        "--period", metavar="YYYY-MM", help="the billing month (default: from the vendor bill)"
    )
    rec.add_argument(
        "--previous",
        metavar="ARCHIVE",
        help="last month's archive (the .xlsx Archive Month writes, or an earlier --out report): "
        "each finding gets first seen, months open, money lost since and reopened; vendor cost "
        "moves are listed (with --workbook the latest archive beside the workbook is used "
        "without it)",
    )


def _add_sample(commands: Commands) -> None:
    sample = commands.add_parser(
        "sample",
        help="write realistic sample exports with seeded leakage and reconcile them",
        description="Write a realistic vendor bill and PSA export with seeded leakage of every type, "
        "reconcile them, and write the report, CSV, JSON and a reconciled copy of the workbook.",
    )
    sample.add_argument(
        "--out",
        metavar="DIR",
        default="sample-audit",
        help="folder to write to (default: sample-audit)",
    )
    sample.add_argument(
        "--clients", type=_positive, default=60, help="number of clients (default: 60)"
    )
    sample.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    sample.add_argument(
        "--vendor-format",
        default="partner_center",
        choices=(
            "partner_center",
            "pax8",
            "dicker",
            "cloudmore",
            "ingram",
            "td_synnex",
            "sherweb",
            "partner_center_legacy",
        ),
    )
    sample.add_argument(
        "--psa-format",
        default="connectwise",
        choices=(
            "connectwise",
            "autotask",
            "halopsa",
            "syncro",
            "quickbooks",
            "xero",
            "kaseya_bms",
        ),
    )
    sample.add_argument("--quiet", action="store_true", help="no progress on stderr")


def _add_setup(commands: Commands) -> None:
    for name, summary in (
        (
            "setup-excel",
            "set up Excel: the xlwings add-in, this Python pinned in a workbook, checks",
        ),
        ("doctor", "the same as setup-excel: find and fix what stops the ribbon buttons"),
    ):
        setup = commands.add_parser(
            name,
            help=summary,
            description="Install or update the xlwings add-in (xlwings' own command), pin this "
            "Python in the workbook's xlwings.conf sheet, check that the add-in and the package "
            "versions agree, and look for what blocks the buttons: macros blocked by Mark of the "
            "Web, OneDrive paths, macOS permissions. Each problem is printed with its fix.",
        )
        setup.add_argument(
            "--workbook",
            metavar="BOOK",
            help="the Leakage Finder workbook to pin this Python in (and to check)",
        )
        setup.add_argument(
            "--check", action="store_true", help="only check: install and change nothing"
        )


def _positive(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, found {value}")
    return value


#: What each output option writes, by the file endings that hold it.
_ENDINGS = {"--csv": (".csv", ".txt"), "--json": (".json",), "--out": (".xlsx",)}


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def check_outputs(args: argparse.Namespace) -> None:
    """Refuse, before any work, an output that would overwrite an input, another output, or a
    file of another kind (a macro workbook written as vendor.csv or copy.xlsx Excel cannot open)."""
    from engine.errors import OutputError
    from engine.export import check_writable

    vendors = args.vendor if isinstance(args.vendor, list) else [args.vendor]  # --vendor repeats
    inputs = [
        (flag, Path(value))
        for flag, value in (
            *(("--vendor", vendor) for vendor in vendors),
            ("--psa", args.psa),
            ("--workbook", args.workbook),
            ("--mapping", args.mapping),
        )
        if value
    ]
    seen: list[tuple[str, Path]] = []
    for flag in ("--out", "--csv", "--json"):
        value = getattr(args, flag.lstrip("-"))
        if not value:
            continue
        path = Path(value)
        for given_flag, given in inputs:
            if given_flag == "--workbook" and flag == "--out":
                continue  # --out naming the workbook itself is the in-place run
            if _same_file(path, given):
                raise OutputError(
                    f"{flag} {value}: that is the {given_flag} input, which is never overwritten. "
                    "Give the output a new file name."
                )
        for other_flag, other in seen:
            if _same_file(path, other):
                raise OutputError(
                    f"{flag} {value}: {other_flag} writes to the same file. Give each its own name."
                )
        seen.append((flag, path))
        endings = _ENDINGS[flag]
        if flag == "--out" and args.workbook:
            endings = (Path(args.workbook).suffix.lower() or ".xlsm",)
        if path.suffix.lower() not in endings:
            what = {
                "--csv": "a CSV file",
                "--json": "a JSON file",
                "--out": "a reconciled copy of the workbook"
                if args.workbook
                else "an .xlsx report",
            }[flag]
            raise OutputError(
                f"{flag} {value}: {flag} writes {what}, so the name must end in "
                f"{' or '.join(endings)} (Excel goes by the ending and would refuse to open it). "
                f"Use e.g. {path.with_suffix(endings[0]).name}."
            )
        check_writable(path)


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
    _print_headline(result, sys.stdout)
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


def _print_headline(result: Result, stream: TextIO) -> None:
    from addin.layout import format_amount

    k = result.kpis

    def money(value: Decimal) -> str:
        return format_amount(value, k.currency)  # in the bill's currency

    file_note = (
        f"  (file total {money(k.vendor_file_total)}: annual prepaid lines count in full there)"
        if k.vendor_file_total != k.vendor_monthly_total
        else ""
    )
    lines = [
        f"Period:                 {k.period or 'not stated'}",
        f"Currency:               {k.currency} (every amount below)",
        f"Vendor monthly total:   {money(k.vendor_monthly_total)}{file_note}",
        f"PSA monthly total:      {money(k.psa_monthly_total)}",
        f"Monthly leakage:        {money(k.monthly_leakage)}  ({k.leakage_ratio_percent}% of vendor "
        f"cost; target {k.leakage_target_percent}%)",
        f"Annual leakage:         {money(k.annual_leakage)}",
        f"Over-billing exposure:  {money(k.overbilling_exposure)} per month",
        "Findings:               " + ", ".join(f"{n} {t}" for t, n in k.counts.items()),
        f"Clients:                {k.clients_matched} matched, {k.vendor_clients_unmatched} only on the "
        f"vendor bill, {k.psa_clients_unmatched} only in the PSA",
        f"Lines:                  vendor {k.vendor_lines_reconciled}/{k.vendor_lines}, "
        f"PSA {k.psa_lines_reconciled}/{k.psa_lines} reconciled (rest excluded with reasons)",
        f"Time:                   {k.seconds:.2f} s",
    ]
    if len(k.bills) > 1:
        for bill in k.bills:
            lines.append(
                f"Bill:                   {bill.name}: {money(bill.file_total)} "
                f"({bill.lines_reconciled}/{bill.lines} lines reconciled)"
            )
    if k.uncertain_leakage or k.uncertain_exposure:
        lines.insert(
            6,
            f"To check first:         {money(k.uncertain_leakage)} leakage, "
            f"{money(k.uncertain_exposure)} exposure (inferred matches: confirm before acting)",
        )
    lines += _month_over_month_lines(result, money)
    lines += [f"Warning: {warning}" for warning in result.warnings]
    print("\n".join(lines), file=stream)


def _month_over_month_lines(result: Result, money: Callable[[Decimal], str]) -> list[str]:
    """The headline's lines about last month, margins and terms (none when there is nothing)."""
    k = result.kpis
    lines: list[str] = []
    if k.previous_period:
        new = k.monthly_leakage if k.new_leakage is None else k.new_leakage  # as the summary says
        lines.append(
            f"{'Since ' + k.previous_period + ':':<24}new leakage {money(new)}, carried over "
            f"{money(k.carried_leakage)}; {k.reopened_findings} reopened, {k.fixed_last_month} "
            "fixes held"
        )
        lines.append(
            f"Vendor cost moves:      {money(k.price_change_effect)} per month while the PSA "
            "price stayed"
        )
    if result.thin_margins:
        lines.append(
            f"Thin margins:           {len(result.thin_margins)} under {k.target_margin_percent}%: "
            f"{money(k.thin_margin_shortfall)} per month to reach the target"
        )
    if result.terms:
        lines.append(
            f"Terms:                  {sum(t.kind == 'extended_terms' for t in result.terms)} "
            f"on Extended Service Terms ({money(k.extended_terms_surcharge)} surcharge per month), "
            f"{sum(t.kind == 'renewal' for t in result.terms)} renewals due with seat gaps"
        )
    return lines


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
    _print_headline(result, sys.stdout)
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
