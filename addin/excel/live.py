"""Ribbon entry points, run by xlwings ``RunPython`` from the LeakageFinder VBA module.

Each is a few lines around one engine call (xlwings' own pattern: ``xw.Book.caller()`` → read →
pure function → write). Excel is spoken to in bulk: one read per pasted sheet, one value write per
output sheet, formats by whole columns or ranges — the number of calls does not grow with the rows.
Errors the user can fix appear as one plain dialog; anything else is shown as a bug.

From a terminal (Windows/macOS with Excel): ``python -m addin.excel.live path/to/book.xlsm`` runs
Reconcile against that open workbook (``Book.set_mock_caller``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from addin import layout as spec
from addin.inputs import (
    INPUT_SHEET_NAMES,
    WorkbookInputs,
    inputs_from_grids,
    learned_alias_rows,
    logged_run,
    more_vendor_sheets,
)
from addin.workbook import decisions as store
from addin.workbook.month_archive import with_previous
from addin.workbook.review_log import Entry, log_import, now, read_log
from addin.workbook.sheet_rows import clip
from engine.errors import LeakageFinderError
from engine.export import FORMULA_START
from engine.read.header import column_letter
from engine.result import Result

TITLE = "Leakage Finder"


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


def _progress(book: Any) -> Callable[[str], None]:
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
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def _page_setup(sheet: Any, footer: str) -> None:
    """Landscape, one page wide, header rows repeated, footer: Excel's PageSetup object (Windows COM;
    elsewhere xlwings has no page set-up, and the print area alone is set)."""
    with contextlib.suppress(Exception):
        setup = sheet.api.PageSetup
        setup.Orientation = 2  # xlLandscape
        setup.Zoom = False
        setup.FitToPagesWide, setup.FitToPagesTall = 1, False
        setup.LeftFooter = footer.replace("&", "&&")
        setup.RightFooter = "Page &P of &N"


def write_table(sheet: Any, table: spec.OutputTable) -> None:
    """Title and legend, header + rows in one write; then column formats, the Table, colour rules,
    validation, freeze, grouped detail columns and the print area."""
    width, height = len(table.columns), max(len(table.rows), 1)
    top = table.header_row + 1  # the header's sheet row (1-based)
    first, last_row = top + 1, top + height
    last = column_letter(width - 1)
    for index, column in enumerate(table.columns):
        letter = column_letter(index)
        cells = sheet.range(f"{letter}{first}:{letter}{last_row}")
        cells.number_format = spec.number_format(column.kind, table.currency)
        cells.column_width = column.width
        if column.kind == "wrap":
            cells.wrap_text = True
    preamble: list[list[object]] = [[None] * width for _ in range(table.header_row)]
    for note in table.notes:
        preamble[note.row][note.col] = excel_value(note.text)
    data = [
        *preamble,
        [c.header for c in table.columns],
        *([excel_value(v) for v in row] for row in table.rows),
    ]
    sheet.range("A1").value = data
    for note in table.notes:
        if note.fill:
            sheet.range(f"{column_letter(note.col)}{note.row + 1}").color = note.fill
    if table.notes:
        sheet.range("A1").font.bold = True
    sheet.tables.add(
        source=sheet.range(f"A{top}:{last}{last_row}"),
        name=table.table_name,
        table_style_name="TableStyleMedium2",
    )
    if table.rules:
        for rule in table.rules:
            area = f"{column_letter(rule.first)}{first}:{column_letter(rule.last)}{last_row}"
            sheet.range(area).conditional_formats.add_custom(
                rule.formula.format(row=first),
                fill_color=rule.fill or None,
                font_color=rule.font or None,
                font_bold=rule.bold or None,
            )
    if table.status_column is not None:
        status = column_letter(table.status_column)
        sheet.range(f"{status}{first}:{status}{max(height, 1000) + top}").data_validation.set_list(
            list(spec.STATUSES)
        )
    sheet.freeze_panes.freeze_at(f"1:{top}")  # the title, legend and header rows
    visible = table.visible_columns
    if visible < width:  # technical columns: grouped, and hidden until + is clicked
        details = sheet.range(f"{column_letter(visible)}:{last}")
        details.group(by="columns")
        details.column_width = 0
    sheet.page_setup.print_area = f"$A$1:${column_letter(visible - 1)}${last_row}"
    _page_setup(sheet, table.footer)


def write_kpis(sheet: Any, layout: spec.KpiLayout) -> None:
    """The KPIs sheet from the shared layout: one value write for the whole grid, then formats."""
    rows = layout.last_row + 1
    widest = max(len(spec.KPI_COLUMN_WIDTHS), *(b.col + len(b.columns) for b in layout.blocks))
    grid: list[list[object]] = [[None] * widest for _ in range(rows)]
    grid[0][1], grid[1][1] = layout.title, layout.subtitle
    for row, col, tile in layout.tiles:
        grid[row][col], grid[row + 1][col], grid[row + 2][col] = (
            tile.label,
            excel_value(tile.value),
            tile.note,
        )
    for block in layout.blocks:
        grid[block.row - 1][block.col] = block.title
        for offset, column in enumerate(block.columns):
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
    for row, col, tile in layout.tiles:
        cell = sheet.range(f"{column_letter(col)}{row + 2}")
        cell.number_format = spec.number_format(tile.kind, layout.currency)
        if tile.tone:
            cell.color = spec.GOOD_FILL if tile.tone == "good" else spec.BAD_FILL
    for block in layout.blocks:
        for offset, column in enumerate(block.columns):
            if column.kind != "text" and block.rows:
                letter = column_letter(block.col + offset)
                area = f"{letter}{block.row + 2}:{letter}{block.row + 1 + len(block.rows)}"
                sheet.range(area).number_format = spec.number_format(column.kind, layout.currency)
    for index, chart_spec in enumerate(layout.charts):
        if chart_spec.rows == 0:
            continue
        block = chart_spec.block
        first, last = block.row + 1, block.row + 1 + chart_spec.rows  # 1-based header, last row
        source = ",".join(
            f"{column_letter(block.col + c)}{first}:{column_letter(block.col + c)}{last}"
            for c in (chart_spec.category, *chart_spec.values)
        )
        chart = sheet.charts.add(
            left=20 + 430 * (index % 2), top=15 * chart_spec.row, width=420, height=240
        )
        chart.set_source_data(sheet.range(source))
        chart.chart_type = "column_clustered" if chart_spec.kind == "bar" else "line_markers"
    sheet.page_setup.print_area = (
        f"$A$1:${column_letter(len(spec.KPI_COLUMN_WIDTHS) - 1)}${layout.last_row + 1}"
    )
    _page_setup(sheet, layout.footer)


def write_log(book: Any, entries: list[Entry]) -> None:
    """The hidden Activity Log sheet, rewritten whole (it only grows by a few rows a run)."""
    grid = spec.activity_log_sheet(entries)
    if grid.sheet in sheet_names(book):
        sheet = book.sheets[grid.sheet]
    else:
        sheet = book.sheets.add(name=grid.sheet, after=book.sheets[len(book.sheets) - 1])
        sheet.visible = not grid.hidden
    sheet.range("A1").value = [
        [column.header for column in grid.columns],
        *([excel_value(v) for v in row] for row in grid.rows),
    ]


def write_outputs(
    book: Any,
    result: Result,
    decisions: spec.Decisions,
    history: Sequence[Sequence[object]],
    log: list[Entry] | None = None,
    at: dt.datetime | None = None,
    discrepancies: spec.OutputTable | None = None,
) -> None:
    """Write the four output sheets under temporary names, then swap them in (never half-written)."""
    outputs = spec.output_tables(
        result,
        spec.OUTPUT_SHEETS,
        decisions=decisions,
        history=history,
        log=log,
        at=at,
        given={spec.DISCREPANCIES: discrepancies} if discrepancies else None,
    )
    staged: list[Any] = []
    try:
        for name, output in outputs:
            sheet = book.sheets.add(name=f"~{name}", after=book.sheets[len(book.sheets) - 1])
            staged.append(sheet)
            write_output(sheet, output)
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
    write_month_sheets(book, result)
    if log is not None:
        write_log(book, log)
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


def write_month_sheets(book: Any, result: Result) -> None:
    """Prices (cost moves, thin margins, terms) after the output sheets, rewritten whole."""
    for name, output in spec.output_tables(result, spec.WORKBOOK_MONTH_SHEETS):
        if name in sheet_names(book):
            book.sheets[name].delete()
        write_output(book.sheets.add(name=name, after=book.sheets[len(book.sheets) - 1]), output)


def write_output(sheet: Any, output: spec.Output) -> None:
    """One output sheet, whatever the spec says it is."""
    if isinstance(output, spec.KpiLayout):
        write_kpis(sheet, output)
    elif isinstance(output, spec.GridSheet):
        sheet.range("A1").value = [
            [column.header for column in output.columns],
            *([excel_value(v) for v in row] for row in output.rows),
        ]
    else:
        write_table(sheet, output)


# --- entry points (the ribbon buttons) -----------------------------------------------------------


def _inputs(book: Any) -> WorkbookInputs:
    """One bulk read of each sheet a run needs."""
    return inputs_from_grids(
        {
            name: read_grid(book, name)
            for name in [*INPUT_SHEET_NAMES, *more_vendor_sheets(sheet_names(book))]
            if name in sheet_names(book)
        },
        book.name,
    )


def _book_path(book: Any) -> Path:
    """Where the workbook lives: its archives sit beside it (last month's is compared with)."""
    folder = Path(book.fullname).parent if book.fullname else Path.cwd()
    return folder / str(book.name)


def reconcile() -> None:
    """Reconcile button: Vendor + PSA sheets → Discrepancies, KPIs, Matches, Excluded."""
    from engine.reconcile import reconcile as run

    book = _xw().Book.caller()
    started = time.perf_counter()
    with excel_session(book, "reconciling…"):
        inputs = _inputs(book)
        result = run(inputs.vendors, inputs.psa, inputs.settings, progress=_progress(book))
        result = with_previous(result, _book_path(book), None, lambda message: None)
        applied = store.apply(result, inputs.discrepancy_grid, inputs.store_grid)
        write_store(book, applied.store)  # first: the decisions are safe before anything else
        inputs = replace(inputs, decisions=applied.decisions)
        at = now()
        log = logged_run(inputs, result, at)
        write_outputs(
            book,
            result,
            applied.decisions,
            inputs.history,
            log=log,
            at=at,
            discrepancies=applied.discrepancies,
        )
        for sheet_name, where in learned_alias_rows(inputs, result).items():
            if sheet_name in sheet_names(book):  # appended in place, for the user to check
                book.sheets[sheet_name].range(
                    f"{column_letter(where.first_col)}{where.first_row}"
                ).value = [[excel_value(v) for v in row] for row in where.rows]
        if applied.warnings:
            book.app.alert("\n\n".join(applied.warnings), title=TITLE)
        k = result.kpis
        book.app.status_bar = (
            f"{TITLE}: {len(result.discrepancies)} findings, monthly leakage "
            f"{spec.format_amount(k.monthly_leakage, k.currency)} "
            f"({time.perf_counter() - started:.1f} s)"
        )


def _import(sheet_name: str, path: str | None) -> None:
    from engine.read.files import read_source

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
        write_log(
            book, log_import(read_log(read_grid(book, spec.ACTIVITY_LOG)), sheet_name, rows, now())
        )
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
        for name in (*spec.OUTPUT_SHEETS, *spec.WORKBOOK_MONTH_SHEETS):
            if name in existing:
                book.sheets[name].delete()


def archive_month() -> None:
    """Archive Month button: values-only copy beside the workbook + the month's KPIs into History."""
    from addin.workbook.archive import archive_month as archive
    from engine.reconcile import reconcile as run

    book = _xw().Book.caller()
    with excel_session(book, "archiving the month…"):
        inputs = _inputs(book)
        result = run(inputs.vendors, inputs.psa, inputs.settings)
        result = with_previous(result, _book_path(book), None, lambda message: None)
        done = archive(inputs, result, _book_path(book), now())
        book.sheets[spec.HISTORY].range("A2").value = [
            [excel_value(v) for v in row] for row in done.history
        ]
        write_log(book, done.log)
        book.app.alert(
            f"Saved {done.path.name} beside the workbook and added {result.kpis.period or 'this month'} to History.",
            title=TITLE,
        )


if __name__ == "__main__":
    _xw().Book(sys.argv[1] if len(sys.argv) > 1 else "workbook_template.xlsm").set_mock_caller()
    reconcile()
