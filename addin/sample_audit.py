"""``leakage-finder sample``: a free audit on realistic sample data, no inputs needed.

Writes a sample vendor bill and PSA export (seeded leakage of every type), reconciles them, and writes
the xlsx report, the discrepancies CSV, the JSON summary and a reconciled copy of the workbook template
with the sample pasted in — what a user sees after clicking Reconcile.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from addin.build_template import template_bytes
from addin.paste import pasted_workbook
from addin.report import write_report
from addin.workbook_file import reconcile_workbook
from engine.export import atomic_write_bytes, write_discrepancies_csv, write_summary_json
from engine.reconcile import reconcile
from engine.result import Result
from engine.sample import make_scenario, psa_rows, to_csv_bytes, vendor_rows


def run_sample(
    out: Path,
    *,
    clients: int = 60,
    seed: int = 7,
    vendor_format: str = "partner_center",
    psa_format: str = "connectwise",
    progress: Callable[[str], None] | None = None,
) -> tuple[Result, list[Path]]:
    say = progress or (lambda message: None)
    out.mkdir(parents=True, exist_ok=True)
    scenario = make_scenario(clients, seed=seed)
    say(f"Writing sample exports for {clients} clients")
    vendor = vendor_rows(scenario, vendor_format)
    psa = psa_rows(scenario, psa_format)
    vendor_file = out / f"vendor_{vendor_format}.csv"
    psa_file = out / f"psa_{psa_format}.csv"
    atomic_write_bytes(vendor_file, to_csv_bytes(vendor, fmt=vendor_format))
    atomic_write_bytes(psa_file, to_csv_bytes(psa, fmt=psa_format))
    result = reconcile(vendor_file, psa_file, progress=say)
    report, csv_file, json_file = (
        out / "report.xlsx",
        out / "discrepancies.csv",
        out / "summary.json",
    )
    write_report(result, report)
    write_discrepancies_csv(result, csv_file)
    write_summary_json(result, json_file)
    say("Pasting the sample into the workbook template and reconciling it")
    book = out / "Leakage Finder - sample.xlsm"
    template = template_bytes()
    atomic_write_bytes(book, pasted_workbook(template, _as_rows(vendor_file), _as_rows(psa_file)))
    reconcile_workbook(book, progress=say)
    return result, [vendor_file, psa_file, report, csv_file, json_file, book]


def _as_rows(path: Path) -> list[list[str]]:
    """The export as a user would paste it from Excel (decoded, split into cells)."""
    from engine.readers import decode_text, sniff_delimiter

    text = decode_text(path.read_bytes(), path.name).lstrip("\ufeff")
    delimiter = sniff_delimiter([line for line in text.splitlines()[:60] if line.strip()])
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
