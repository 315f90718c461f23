"""``leakage-finder sample``: a free audit on realistic sample data, no inputs needed.

Writes a sample vendor bill and PSA export (seeded leakage of every type), reconciles them, and writes
the xlsx report, the discrepancies CSV, the JSON summary and a reconciled copy of the workbook template
with the sample pasted in — what a user sees after clicking Reconcile.

It is the sample's second month: the month before is archived first (values only, as Archive Month
writes it, "Leakage Finder - sample - Leakage <previous month>.xlsx"), so the findings show how long
they have been open and what they have cost, one fix is back (reopened), and a vendor price rise not
passed on is listed on Prices — the month-over-month view without a history of one's own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from addin import layout as spec
from addin.sample.csv_bytes import to_csv_bytes
from addin.sample.psa_exports import psa_rows
from addin.sample.scenario import Scenario, make_scenario
from addin.sample.vendor_exports import vendor_rows
from addin.template.build import template_bytes
from addin.workbook.headless import reconcile_workbook
from addin.workbook.month_archive import read_previous
from addin.workbook.paste import pasted_workbook
from addin.workbook.report import write_report
from addin.workbook.sheets_xlsx import render_bytes
from engine.export import atomic_write_bytes, write_discrepancies_csv, write_summary_json
from engine.history.findings import previous_period
from engine.history.month_over_month import compare_months
from engine.reconcile import reconcile
from engine.result import LEAKAGE_TYPES, Result
from engine.settings import Settings

SAMPLE_PERIOD = "2025-08"
BOOK_NAME = "Leakage Finder - sample.xlsm"


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
    say("Archiving the month before, so the sample shows month over month")
    archive = _archive_previous_month(out, scenario, vendor_format, psa_format, psa)
    result = compare_months(reconcile(vendor_file, psa_file, progress=say), read_previous(archive))
    report, csv_file, json_file = (
        out / "report.xlsx",
        out / "discrepancies.csv",
        out / "summary.json",
    )
    write_report(result, report)
    write_discrepancies_csv(result, csv_file)
    write_summary_json(result, json_file)
    say("Pasting the sample into the workbook template and reconciling it")
    book = out / BOOK_NAME
    template = template_bytes()
    atomic_write_bytes(book, pasted_workbook(template, _as_rows(vendor_file), _as_rows(psa_file)))
    reconcile_workbook(book, progress=say)
    return result, [vendor_file, psa_file, report, csv_file, json_file, book, archive]


def previous_scenario(scenario: Scenario) -> Scenario:
    """The month before: every other seat gap was not there yet (new this month), the first product
    with a seat gap cost 5% less (a rise not passed on), the rest as now."""
    gaps = [h for h in scenario.holdings if h.vendor_qty > h.psa_qty > 0]
    risen = gaps[0].product if gaps else None
    holdings = []
    for h in scenario.holdings:
        h = replace(h)
        if h in gaps[1::2]:
            h.vendor_qty = h.psa_qty  # in agreement last month
        if risen is not None and h.product == risen:
            h.product = replace(
                risen, cost=(risen.cost * Decimal("0.95")).quantize(Decimal("0.01"))
            )
        holdings.append(h)
    return replace(scenario, holdings=holdings)


def _archive_previous_month(
    out: Path, scenario: Scenario, vendor_format: str, psa_format: str, psa: list[list[str]]
) -> Path:
    """Last month reconciled and archived, its largest carried-over leakage marked Fixed in PSA
    (it is back this month: reopened)."""
    period = previous_period(SAMPLE_PERIOD)
    folder = out / "previous-month"
    folder.mkdir(parents=True, exist_ok=True)
    vendor_file = folder / f"vendor_{vendor_format}_{period}.csv"
    psa_file = folder / f"psa_{psa_format}_{period}.csv"
    last = previous_scenario(scenario)
    atomic_write_bytes(
        vendor_file,
        to_csv_bytes(vendor_rows(last, vendor_format, period=period), fmt=vendor_format),
    )
    atomic_write_bytes(psa_file, to_csv_bytes(psa, fmt=psa_format))
    result = compare_months(reconcile(vendor_file, psa_file, Settings(period=period)), None)
    leakage = [d for d in result.discrepancies if d.type in LEAKAGE_TYPES and not d.check_first]
    decisions = {leakage[0].id: ("Fixed in PSA", "sample: fixed last month")} if leakage else {}
    archive = out / f"{Path(BOOK_NAME).stem} - Leakage {period}.xlsx"
    atomic_write_bytes(
        archive,
        render_bytes(result, decisions=decisions, sheets=spec.REPORT_SHEETS),
    )
    return archive


def _as_rows(path: Path) -> list[list[str]]:
    """The export as a user would paste it from Excel (decoded, split into cells)."""
    from engine.read.text_files import decode_text, sniff_delimiter

    text = decode_text(path.read_bytes(), path.name).lstrip("\ufeff")
    delimiter = sniff_delimiter([line for line in text.splitlines()[:60] if line.strip()])
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
