"""The ``--out REPORT.xlsx`` report: the output sheets as a standalone workbook, written atomically."""

from __future__ import annotations

from pathlib import Path

from addin import layout as spec
from addin.workbook.sheets_xlsx import render_bytes
from engine.errors import UnreadableFileError
from engine.export import atomic_write_bytes
from engine.result import Result


def write_report(result: Result, path: str | Path) -> None:
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UnreadableFileError(
            f"--out {target.name}: the report is an Excel file; give a name ending in .xlsx."
        )
    try:
        atomic_write_bytes(target, render_bytes(result, sheets=spec.REPORT_SHEETS))
    except PermissionError:
        raise UnreadableFileError(
            f"{target}: cannot be written (is it open in Excel?). Close it and run again."
        ) from None
