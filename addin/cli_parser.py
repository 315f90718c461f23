"""The command line's grammar (commands, options, help, the exit codes epilog) and the check, before
any work, that no output overwrites an input or another output."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

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
