"""Ribbon entry points, run by xlwings ``RunPython`` from the LeakageFinder VBA module.

Each is a few lines around one engine call (xlwings' own pattern: ``xw.Book.caller()`` → read →
pure function → write). Excel is spoken to in bulk: one read per pasted sheet, one value write per
output sheet, formats by whole columns or ranges — the number of calls does not grow with the rows.
Errors the user can fix appear as one plain dialog; anything else is shown as a bug.

From a terminal (Windows/macOS with Excel): ``python -m addin.macros path/to/book.xlsm`` runs
Reconcile against that open workbook (``Book.set_mock_caller``).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from addin import decisions as store
from addin import presentation as spec
from addin.sheet_rows import clip
from addin.workbook_file import (
    INPUT_SHEET_NAMES,
    WorkbookInputs,
    alias_rows_at,
    archive_name,
    archived_history,
    inputs_from_grids,
)
from engine.errors import LeakageFinderError
from engine.header import column_letter
from engine.result import Result

TITLE = "Leakage Finder"
_FORMULA_START = ("=", "+", "-", "@")


def _xw() -> Any:
    import xlwings

    return xlwings


# --- Excel session: screen updating, calculation, status bar, one dialog on error -------------


@contextlib.contextmanager
def excel_session(book: Any, status: str) -> Iterator[None]:
    """Speed Excel up while we write and restore it afterwards, even on error."""
    app = book.app
    screen, calculation = app.screen_updating, app.calculation
    app.screen_updating = False
    app.calculation = "manual"
    app.status_bar = f"{TITLE}: {status}"
    try:
        yield
    except LeakageFinderError as error:
        app.alert(str(error), title=TITLE, mode="critical")
    finally:
        app.status_bar = False
        app.calculation = calculation
        app.screen_updating = screen


def _progress(book: Any):  # type: ignore[no-untyped-def]
    def say(message: str) -> None:
        book.app.status_bar = f"{TITLE}: {message}…"

    return say


# --- reading ------------------------------------------------------------------------------------


def sheet_names(book: Any) -> list[str]:
    return [sheet.name for sheet in book.sheets]


def read_grid(book: Any, name: str) -> list[list[object]]:
    """All values of a sheet in one call, from A1 (as the file path reads them), errors as text
    such as ``#N/A``."""
    if name not in sheet_names(book):
        return []
    sheet = book.sheets[name]
    last = sheet.used_range.last_cell
    whole = sheet.range(f"A1:{column_letter(max(last.column, 1) - 1)}{max(last.row, 1)}")
    values = whole.options(ndim=2, err_to_str=True).value
    return [list(row) for row in values or []]


# --- writing --------------------------------------------------------------------------------------


def excel_value(value: object) -> object:
    """A cell value Excel stores as-is: text that looks like a formula gets Excel's text prefix."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        value = clip(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value


def write_table(sheet: Any, table: spec.OutputTable) -> None:
    """Header + rows in one write, then column formats, the Table, fills, validation, freeze."""
    width, height = len(table.columns), max(len(table.rows), 1)
    last = column_letter(width - 1)
    for index, column in enumerate(table.columns):
        cells = sheet.range(f"{column_letter(index)}2:{column_letter(index)}{height + 1}")
        cells.number_format = spec.NUMBER_FORMATS[column.kind]
        cells.column_width = column.width
    data = [[c.header for c in table.columns]] + [
        [excel_value(v) for v in row] for row in table.rows
    ]
    sheet.range("A1").value = data
    sheet.tables.add(
        source=sheet.range(f"A1:{last}{height + 1}"),
        name=table.table_name,
        table_style_name="TableStyleMedium2",
    )
    body = sheet.range(f"A2:{last}{height + 1}")
    if table.row_types:
        for kind, colour in spec.TYPE_FILLS.items():
            body.conditional_formats.add_custom(f'=$B2="{kind}"', fill_color=colour)
    if table.status_column is not None:
        status = column_letter(table.status_column)
        sheet.range(f"{status}2:{status}{max(height, 1000) + 1}").data_validation.set_list(
            list(spec.STATUSES)
        )
    sheet.freeze_panes.freeze_at("1:1")  # the header row


def write_kpis(sheet: Any, layout: spec.KpiLayout) -> None:
    """The KPIs sheet from the shared layout: one value write for the whole grid, then formats."""
    rows = max(layout.chart_row, layout.history.row + len(layout.history.rows) + 2)
    grid: list[list[object]] = [[None] * len(spec.KPI_COLUMN_WIDTHS) for _ in range(rows)]
    grid[0][1], grid[1][1] = layout.title, layout.subtitle
    for row, col, tile in layout.tiles:
        grid[row][col], grid[row + 1][col], grid[row + 2][col] = (
            tile.label,
            excel_value(tile.value),
            tile.note,
        )
    for block in (layout.top_clients, layout.history):
        grid[block.row - 1][block.col] = block.title
        for offset, column in enumerate(block.columns):
            if block.col + offset >= len(grid[0]):
                for line in grid:
                    line.extend([None] * (block.col + offset + 1 - len(line)))
            grid[block.row][block.col + offset] = column.header
        for r, values in enumerate(block.rows, start=1):
            for c, value in enumerate(values):
                grid[block.row + r][block.col + c] = excel_value(value)
    sheet.range("A1").value = grid
    for index, width in enumerate(spec.KPI_COLUMN_WIDTHS):
        sheet.range(f"{column_letter(index)}1").column_width = width
    sheet.range("B1").font.size = 16
    sheet.range("B1").font.bold = True
    value_rows = sorted({row + 2 for row, _, _ in layout.tiles})  # 1-based rows of the tile values
    sheet.range(",".join(f"{r}:{r}" for r in value_rows)).row_height = spec.TILE_VALUE_ROW_HEIGHT
    history = layout.history
    if history.rows:
        first, last = history.row + 2, history.row + 1 + len(history.rows)
        source = sheet.range(
            f"{column_letter(history.col)}{first - 1}:{column_letter(history.col + 1)}{last}"
        )
        chart = sheet.charts.add(left=20, top=15 * layout.chart_row, width=480, height=260)
        chart.set_source_data(source)
        chart.chart_type = "line_markers"


def write_outputs(
    book: Any,
    result: Result,
    decisions: spec.Decisions,
    history: list[list[object]],
    discrepancies: spec.OutputTable | None = None,
) -> None:
    """Write the four output sheets under temporary names, then swap them in (never half-written)."""
    tables = {
        spec.DISCREPANCIES: discrepancies or spec.discrepancy_table(result, decisions),
        spec.MATCHES: spec.match_table(result),
        spec.EXCLUDED: spec.excluded_table(result),
    }
    layout = spec.kpi_layout(
        result, decisions, spec.history_with_current(history, result, decisions)
    )
    staged: list[Any] = []
    try:
        for name in spec.OUTPUT_SHEETS:
            sheet = book.sheets.add(name=f"~{name}", after=book.sheets[len(book.sheets) - 1])
            staged.append(sheet)
            if name == spec.KPIS:
                write_kpis(sheet, layout)
            else:
                write_table(sheet, tables[name])
    except BaseException:
        for sheet in staged:
            sheet.delete()
        raise
    existing = sheet_names(book)
    for name in spec.OUTPUT_SHEETS:
        if name in existing:
            book.sheets[name].delete()
    for sheet, name in zip(staged, spec.OUTPUT_SHEETS, strict=True):
        sheet.name = name
    book.sheets[spec.DISCREPANCIES].activate()


def write_store(book: Any, table: spec.OutputTable) -> None:
    """The hidden Decisions sheet: every decision the user made, in one value write."""
    if store.STORE in sheet_names(book):
        sheet = book.sheets[store.STORE]
        sheet.clear_contents()
    else:
        sheet = book.sheets.add(name=store.STORE, after=book.sheets[len(book.sheets) - 1])
        sheet.visible = False
    data = [[c.header for c in table.columns]] + [
        [excel_value(v) for v in row] for row in table.rows
    ]
    sheet.range("A1").value = data


# --- entry points (the ribbon buttons) -----------------------------------------------------------


def _inputs(book: Any) -> WorkbookInputs:
    """One bulk read of each sheet a run needs."""
    return inputs_from_grids(
        {name: read_grid(book, name) for name in INPUT_SHEET_NAMES if name in sheet_names(book)},
        book.name,
    )


def reconcile() -> None:
    """Reconcile button: Vendor + PSA sheets → Discrepancies, KPIs, Matches, Excluded."""
    from engine.reconcile import reconcile as run

    book = _xw().Book.caller()
    started = time.perf_counter()
    with excel_session(book, "reconciling…"):
        inputs = _inputs(book)
        result = run(inputs.vendor, inputs.psa, inputs.settings, progress=_progress(book))
        applied = store.apply(result, inputs.discrepancy_grid, inputs.store_grid)
        write_store(book, applied.store)  # first: the decisions are safe before anything else
        write_outputs(book, result, applied.decisions, inputs.history, applied.discrepancies)
        learned = spec.learned_aliases(result, inputs.settings.client_aliases)
        if learned and spec.CLIENT_ALIASES in sheet_names(book):
            at = alias_rows_at(inputs.client_alias_grid, learned)
            book.sheets[spec.CLIENT_ALIASES].range(
                f"{column_letter(at.first_col)}{at.first_row}"
            ).value = [[excel_value(v) for v in row] for row in at.rows]
        if applied.warnings:
            book.app.alert("\n\n".join(applied.warnings), title=TITLE)
        k = result.kpis
        book.app.status_bar = (
            f"{TITLE}: {len(result.discrepancies)} findings, monthly leakage "
            f"{k.monthly_leakage:,.2f} ({time.perf_counter() - started:.1f} s)"
        )


def _import(sheet_name: str, path: str | None) -> None:
    from engine.readers import read_source

    book = _xw().Book.caller()
    if not path:
        book.app.alert(
            "Choose a file with the Import button on the Leakage Finder tab.", title=TITLE
        )
        return
    with excel_session(book, f"importing {Path(path).name}…"):
        raw = read_source(path)
        rows = [["" if v is None else str(v) for v in row] for row in raw.cells]
        sheet = book.sheets[sheet_name]
        used = sheet.used_range
        if used.last_cell.row >= 3:
            sheet.range(
                f"A3:{column_letter(max(used.last_cell.column, 1) - 1)}{used.last_cell.row}"
            ).clear_contents()
        width = max((len(r) for r in rows), default=1)
        target = sheet.range(f"A3:{column_letter(width - 1)}{len(rows) + 2}")
        target.number_format = "@"  # text-safe: ids keep leading zeros, nothing becomes a formula
        target.value = [[excel_value(v) for v in row] for row in rows]
        sheet.activate()


def import_vendor(path: str | None = None) -> None:
    """Import Vendor File… button (VBA asks for the file and passes its path)."""
    _import(spec.VENDOR, path)


def import_psa(path: str | None = None) -> None:
    """Import PSA File… button."""
    _import(spec.PSA, path)


def clear_results() -> None:
    """Clear Results button: delete the output sheets; inputs, settings and aliases stay."""
    book = _xw().Book.caller()
    with excel_session(book, "clearing results…"):
        existing = sheet_names(book)
        if spec.DISCREPANCIES in existing:  # what was typed since the last run goes to the store
            write_store(
                book,
                store.fold(read_grid(book, spec.DISCREPANCIES), read_grid(book, store.STORE)),
            )
        for name in spec.OUTPUT_SHEETS:
            if name in existing:
                book.sheets[name].delete()


def archive_month() -> None:
    """Archive Month button: values-only copy beside the workbook + the month's KPIs into History."""
    from addin.sheets_xlsx import render_bytes
    from engine.export import atomic_write_bytes
    from engine.reconcile import reconcile as run

    book = _xw().Book.caller()
    with excel_session(book, "archiving the month…"):
        inputs = _inputs(book)
        result = run(inputs.vendor, inputs.psa, inputs.settings)
        applied = store.apply(result, inputs.discrepancy_grid, inputs.store_grid)
        inputs = replace(inputs, decisions=applied.decisions)
        history = archived_history(inputs, result)
        folder = Path(book.fullname).parent if book.fullname else Path.cwd()
        archive = archive_name(folder / book.name, result)
        atomic_write_bytes(
            archive,
            render_bytes(
                result,
                decisions=applied.decisions,
                history=history,
                tables={spec.DISCREPANCIES: applied.discrepancies},
            ),
        )
        book.sheets[spec.HISTORY].range("A2").value = [
            [excel_value(v) for v in row] for row in history
        ]
        book.app.alert(
            f"Saved {archive.name} beside the workbook and added {result.kpis.period or 'this month'} to History.",
            title=TITLE,
        )


if __name__ == "__main__":
    _xw().Book(sys.argv[1] if len(sys.argv) > 1 else "workbook_template.xlsm").set_mock_caller()
    reconcile()
