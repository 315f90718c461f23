"""The command line: outputs, the CSV contract, exit codes, one-line errors, progress on stderr."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from addin.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from engine.result import CSV_COLUMNS

VENDOR = "Customer,Product,Qty,Unit Cost\nContoso,Microsoft 365 E3,7,32.40\nFabrikam,Office 365 E3,2,20.70\n"
PSA = (
    "Company,Description,Quantity,Price\nContoso,M365 E3,5,30.00\nFabrikam,Office 365 E3,2,25.00\n"
)


def test_reconcile_writes_csv_json_and_report(
    write: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Contoso: 7 bought, 5 billed at 30.00 (cost 32.40) → under_billed 60.00 and below_cost 12.00."""
    out_csv, out_json, report = tmp_path / "d.csv", tmp_path / "s.json", tmp_path / "r.xlsx"
    code = main(
        [
            "reconcile",
            "--vendor",
            str(write("v.csv", VENDOR)),
            "--psa",
            str(write("p.csv", PSA)),
            "--csv",
            str(out_csv),
            "--json",
            str(out_json),
            "--out",
            str(report),
        ]
    )
    assert code == EXIT_OK
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ())[: len(CSV_COLUMNS)] == CSV_COLUMNS
        rows = list(reader)
    assert [
        (r["priority"], r["type"], r["client"], r["monthly_impact"], r["annual_impact"])
        for r in rows
    ] == [
        ("1", "under_billed", "Contoso", "60.00", "720.00"),
        ("2", "below_cost", "Contoso", "12.00", "144.00"),
    ]
    assert rows[0]["vendor_unit_cost"] == "32.40" and rows[0]["psa_unit_price"] == "30.00"
    summary = json.loads(out_json.read_text(encoding="utf-8"))
    assert summary["kpis"]["monthly_leakage"] == "72.00"
    assert summary["mapping"]["vendor"]["columns"]["unit_cost"] == "Unit Cost"
    assert report.stat().st_size > 0
    captured = capsys.readouterr()
    assert "Monthly leakage:        $72.00" in captured.out
    assert "Reading the vendor bill" in captured.err


def test_user_error_is_one_line_and_exit_3(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "reconcile",
            "--vendor",
            str(write("v.csv", "Customer,Colour\nA,blue\n")),
            "--psa",
            str(write("p.csv", PSA)),
            "--quiet",
        ]
    )
    assert code == EXIT_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: v.csv: could not find")


def test_unreadable_file_exit_3(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "reconcile",
            "--vendor",
            str(write("v.csv", "<html><body>login</body></html>")),
            "--psa",
            str(write("p.csv", PSA)),
            "--quiet",
        ]
    )
    assert code == EXIT_INPUT and "HTML" in capsys.readouterr().err


def test_bad_command_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reconcile", "--vendor", "only.csv"]) == EXIT_USAGE
    assert main(["frobnicate"]) == EXIT_USAGE
    assert main([]) == EXIT_USAGE


def test_bad_mapping_file_exit_3(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = write("m.json", '{"vendor": {"colour": "Qty"}}')
    code = main(
        [
            "reconcile",
            "--vendor",
            str(write("v.csv", VENDOR)),
            "--psa",
            str(write("p.csv", PSA)),
            "--mapping",
            str(mapping),
            "--quiet",
        ]
    )
    assert code == EXIT_INPUT and "colour" in capsys.readouterr().err


def test_mapping_file_is_used(write: Callable[..., Path], tmp_path: Path) -> None:
    vendor = write(
        "v.csv", "Customer,Product,Count A,Count B,Unit Cost\nContoso,Office 365 E3,1,9,20.70\n"
    )
    psa = write("p.csv", "Company,Description,Quantity,Price\nContoso,Office 365 E3,9,25.00\n")
    out = tmp_path / "s.json"
    mapping = write("m.toml", '[vendor]\nquantity = "Count B"\n')
    assert (
        main(
            [
                "reconcile",
                "--vendor",
                str(vendor),
                "--psa",
                str(psa),
                "--mapping",
                str(mapping),
                "--json",
                str(out),
                "--quiet",
            ]
        )
        == EXIT_OK
    )
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert (
        summary["discrepancies"] == 0 and summary["mapping"]["vendor"]["how"]["quantity"] == "user"
    )


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    out = capsys.readouterr().out
    for line in (
        "0  reconciled",
        "2  bad command line",
        "3  an input or setting",
        "1  unexpected error",
    ):
        assert line in out


def test_sample_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["sample", "--out", str(tmp_path / "audit"), "--clients", "12", "--quiet"]) == EXIT_OK
    )
    names = sorted(p.name for p in (tmp_path / "audit").iterdir())
    assert names == [
        "Leakage Finder - sample - Leakage 2025-07.xlsx",  # the month before, archived
        "Leakage Finder - sample.xlsm",
        "discrepancies.csv",
        "previous-month",
        "psa_connectwise.csv",
        "report.xlsx",
        "summary.json",
        "vendor_partner_center.csv",
    ]
    assert "Monthly leakage" in capsys.readouterr().out


def test_console_entry_ends_the_process_after_its_outputs_are_written(
    sample_book: Path, tmp_path: Path
) -> None:
    """`leakage-finder` (addin.cli:run) exits right after writing, without freeing the object
    graph: the workbook, the CSV and the headline are all complete, and errors still exit 3."""
    import subprocess
    import sys

    import openpyxl

    csv_out = tmp_path / "found.csv"
    run = [sys.executable, "-m", "addin.cli", "reconcile", "--quiet"]
    done = subprocess.run(
        [*run, "--workbook", str(sample_book), "--csv", str(csv_out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.startswith("Period:") and "Time:" in done.stdout
    assert csv_out.read_text(encoding="utf-8-sig").count("\n") > 5
    book = openpyxl.load_workbook(sample_book, read_only=True)
    assert book["Discrepancies"].max_row > 5
    book.close()
    failed = subprocess.run(
        [*run, "--workbook", str(tmp_path / "missing.xlsm")], capture_output=True, text=True
    )
    assert failed.returncode == EXIT_INPUT and failed.stderr.startswith("error: ")


@pytest.mark.parametrize("vendor", ["partner_center", "pax8", "cloudmore", "ingram"])
def test_one_seed_is_one_sample_in_every_process(tmp_path: Path, vendor: str) -> None:
    """Customer ids in a sample came from ``hash(name)``, which Python seeds per process: two runs
    with the same --seed wrote different bills. The bill is now the same byte for byte."""
    import os
    import subprocess
    import sys

    bills = []
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        command = [sys.executable, "-m", "addin.cli", "sample", "--out", str(out), "--quiet"]
        done = subprocess.run(
            [*command, "--clients", "8", "--vendor-format", vendor],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        assert done.returncode == EXIT_OK, done.stderr
        bills.append(next(out.glob("vendor_*")).read_bytes())
    assert bills[0] == bills[1]
