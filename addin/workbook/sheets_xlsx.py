"""Write the output sheets to an .xlsx with xlsxwriter, from the presentation spec.

Used for the ``--out`` report and, through :mod:`addin.workbook.transplant`, for the output parts put into a
Leakage Finder workbook. Every text value goes through ``write_string`` with formula, URL and
number conversion off, so text from an export stays text (``=HYPERLINK(…)`` is never a formula).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from addin import layout as spec
from addin.workbook.review_log import Entry
from addin.workbook.sheet_rows import clip, fill_rows_utf8
from addin.workbook.xlsx_formats import Formats
from addin.workbook.zip_rewrite import rewrite_zip
from engine.result import Result

FIXED_DATE = dt.datetime(2025, 1, 1)


#: Text stays text: no formula, URL or number is guessed from a string (export text is never a formula).
TEXT_SAFE = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def text_safe_workbook(target: BytesIO) -> xlsxwriter.Workbook:
    return xlsxwriter.Workbook(target, {**TEXT_SAFE, "in_memory": True})


def _write(sheet: Worksheet, row: int, col: int, value: object, fmt: Format) -> None:
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, str):
        sheet.write_string(row, col, clip(value), fmt)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float | Decimal):
        sheet.write_number(row, col, float(value), fmt)
    else:
        sheet.write_string(row, col, clip(str(value)), fmt)


def _footer(text: str) -> str:
    return f"&L{text.replace('&', '&&')}&RPage &P of &N"


def _table(book: xlsxwriter.Workbook, formats: Formats, table: spec.OutputTable) -> Worksheet:
    """A table sheet: title and legend, header, rows (the first here, the rest streamed by
    :mod:`addin.workbook.sheet_rows`), column formats, colour rules, Status list, print set-up."""
    sheet = book.add_worksheet(table.sheet)
    first_row = table.header_row
    columns = table.columns
    cell_formats = [formats.cell(c.kind, table.currency) for c in columns]
    for col, column in enumerate(columns):
        options = {"level": 1, "hidden": True} if column.detail else {}
        sheet.set_column(col, col, column.width, cell_formats[col], options)
    if any(c.detail for c in columns):
        sheet.set_column(len(columns), len(columns), None, None, {"collapsed": True})
    for note in table.notes:
        sheet.write_string(
            note.row, note.col, note.text, formats.note(note.fill, note.bold, note.size)
        )
    # xlsxwriter writes the first data row; addin.workbook.sheet_rows writes the rest in the same styles.
    for col, value in enumerate(table.rows[0] if table.rows else []):
        _write(sheet, first_row + 1, col, value, cell_formats[col])
    formats.pending[table.sheet] = (table.rows[1:], first_row + 2)
    if table.row_heights:
        # wrapped text gets rows tall enough for it (LibreOffice does not autofit on load)
        formats.heights[table.sheet] = table.row_heights[1:]
        if table.row_heights[0]:
            sheet.set_row(first_row + 1, table.row_heights[0])
    # xlsxwriter records every cell of a table's range to check for overlaps (millions of entries at
    # 100k lines), so the table covers the shell's rows here and is stretched by _stretch_tables.
    last_row = first_row + max(len(table.rows), 1)  # 0-based
    formats.table_ends[table.table_name] = last_row + 1
    sheet.add_table(
        first_row,
        0,
        first_row + 1,
        len(columns) - 1,
        {
            "name": table.table_name,
            "style": "Table Style Medium 2",
            "columns": [{"header": c.header, "header_format": formats.header} for c in columns],
        },
    )
    sheet.set_row(first_row, 45)  # room for three-line headers
    sheet.freeze_panes(first_row + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4 (Letter users' Excel rescales; the page fits by width either way)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, first_row)
    sheet.print_area(0, 0, last_row, table.visible_columns - 1)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    if table.footer:
        sheet.set_footer(_footer(table.footer))
    _rules(sheet, formats, table, table.rules)
    if table.status_column is not None:
        _status_list(sheet, table, table.status_column)
    if table.sheet == spec.DISCREPANCIES:
        sheet.activate()  # the workbook opens on the results
    return sheet


def _status_list(sheet: Worksheet, table: spec.OutputTable, column: int) -> None:
    """The Status column's drop-down (a thousand rows at least, for rows the user adds)."""
    first = table.header_row + 1
    sheet.data_validation(
        first,
        column,
        max(first + len(table.rows), 1000),
        column,
        {
            "validate": "list",
            "source": list(spec.STATUSES),
            "error_title": "Status",
            "error_message": "Choose Open, Fixed in PSA, Accepted or Ignore.",
        },
    )


def _rules(
    sheet: Worksheet, formats: Formats, table: spec.OutputTable, rules: list[spec.Rule]
) -> None:
    first, last = table.header_row + 1, table.header_row + max(len(table.rows), 1)
    for rule in rules:
        sheet.conditional_format(
            first,
            rule.first,
            last,
            rule.last,
            {
                "type": "formula",
                "criteria": rule.formula.format(row=first + 1),
                "format": formats.rule(rule),
            },
        )


def _kpis(book: xlsxwriter.Workbook, formats: Formats, layout: spec.KpiLayout) -> None:
    sheet = book.add_worksheet(spec.KPIS)
    sheet.hide_gridlines(2)
    for col, width in enumerate(spec.KPI_COLUMN_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 1, layout.title, formats.title)
    sheet.write_string(1, 1, layout.subtitle, formats.subtitle)
    for row in sorted({row for row, _, _ in layout.tiles}):
        sheet.set_row(row + 1, spec.TILE_VALUE_ROW_HEIGHT)
        sheet.set_row(row + 2, 38)  # three lines of note
    for row, col, tile in layout.tiles:
        sheet.write_string(row, col, tile.label, formats.tile_label)
        _write(
            sheet,
            row + 1,
            col,
            tile.value,
            formats.tile_value(tile.kind, layout.currency, tile.tone),
        )
        sheet.write_string(row + 2, col, tile.note, formats.tile_note)
    for block in layout.blocks:
        sheet.write_string(block.row - 1, block.col, block.title, formats.heading)
        _small_table(sheet, formats, block, layout.currency)
        sheet.set_row(block.row, 30)  # two-line headers
    for spec_chart in layout.charts:
        _chart(book, sheet, spec_chart)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.print_area(0, 0, layout.last_row, len(spec.KPI_COLUMN_WIDTHS) - 1)
    sheet.set_footer(_footer(layout.footer))


def _chart(book: xlsxwriter.Workbook, sheet: Worksheet, chart_spec: spec.Chart) -> None:
    block = chart_spec.block
    if chart_spec.rows == 0:
        return
    first, last = block.row + 1, block.row + chart_spec.rows
    chart = book.add_chart({"type": "column" if chart_spec.kind == "bar" else "line"})
    for index, offset in enumerate(chart_spec.values):
        series: dict[str, Any] = {
            "name": [spec.KPIS, block.row, block.col + offset],
            "categories": [
                spec.KPIS,
                first,
                block.col + chart_spec.category,
                last,
                block.col + chart_spec.category,
            ],
            "values": [spec.KPIS, first, block.col + offset, last, block.col + offset],
        }
        if chart_spec.kind == "bar":
            series["fill"] = {"color": spec.LEAKAGE_FONT}
            series["data_labels"] = {"value": True, "num_format": chart_spec.y_format}
        elif index == 0:
            series["marker"] = {"type": "circle"}
            series["line"] = {"color": spec.HEADER_FILL, "width": 2.25}
        else:  # the target (a marker too, so a single month still shows it)
            series["line"] = {"color": "#C00000", "width": 1.5, "dash_type": "dash"}
            series["marker"] = {"type": "dash", "size": 9, "border": {"color": "#C00000"}}
        chart.add_series(series)
    chart.set_title({"name": chart_spec.title, "name_font": {"size": 11}})
    chart.set_legend({"none": True} if chart_spec.kind == "bar" else {"position": "bottom"})
    chart.set_y_axis({"num_format": chart_spec.y_format, "min": 0})
    sheet.insert_chart(chart_spec.row, chart_spec.col, chart, {"x_scale": 0.88, "y_scale": 0.8})


def _small_table(sheet: Worksheet, formats: Formats, block: spec.Block, currency: str) -> None:
    row, col, columns = block.row, block.col, block.columns
    for offset, values in enumerate(block.rows, start=1):
        for index, value in enumerate(values):
            _write(
                sheet, row + offset, col + index, value, formats.cell(columns[index].kind, currency)
            )
    sheet.add_table(
        row,
        col,
        row + max(len(block.rows), 1),
        col + len(columns) - 1,
        {
            "name": block.name,
            "style": "Table Style Light 9",
            "columns": [{"header": c.header, "header_format": formats.header} for c in columns],
        },
    )


def _grid(book: xlsxwriter.Workbook, formats: Formats, grid: spec.GridSheet) -> None:
    """A plain sheet (History, the hidden Activity Log): header styled like the template's."""
    sheet = book.add_worksheet(grid.sheet)
    for col, column in enumerate(grid.columns):
        sheet.set_column(col, col, column.width)
        sheet.write_string(0, col, column.header, formats.header)
    for r, values in enumerate(grid.rows, start=1):
        for col, value in enumerate(values):
            _write(sheet, r, col, value, formats.cell(grid.columns[col].kind))
    if grid.hidden:
        sheet.hide()
    else:
        sheet.freeze_panes(1, 0)


def _values(book: xlsxwriter.Workbook, name: str, grid: Sequence[Sequence[object]]) -> None:
    """A sheet of plain values (an input as it was pasted): text stays text, numbers numbers."""
    sheet = book.add_worksheet(name)
    plain = book.add_format()
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None and value != "":
                _write(sheet, r, c, value, plain)


@dataclass(frozen=True)
class Rendered:
    """xlsxwriter's package of sheet shells (header, first data row, formats, tables) and, per
    sheet, the rows still to be written after the template row."""

    package: bytes
    order: list[str]
    pending: dict[str, tuple[Sequence[Sequence[object]], int]]
    heights: dict[str, list[float | None]] = field(default_factory=dict)


def render(
    result: Result,
    *,
    decisions: spec.Decisions | None = None,
    history: Sequence[Sequence[object]] | None = None,
    sheets: Sequence[str] = spec.OUTPUT_SHEETS,
    log: Sequence[Entry] | None = None,
    at: dt.datetime | None = None,
    tables: Mapping[str, spec.OutputTable] | None = None,
    inputs: Mapping[str, Sequence[Sequence[object]]] | None = None,
) -> Rendered:
    """Render the output sheets (Discrepancies, KPIs, Matches, Excluded by default).

    ``log`` is the workbook's activity log after this run: the KPIs' time to reconcile, corrections
    and recovered amount come from it, and the Activity Log sheet is written when it is named.
    ``tables`` gives a sheet's table ready-made (Discrepancies with the user's columns, the
    Decisions store)."""
    buffer = BytesIO()
    book = text_safe_workbook(buffer)
    book.set_properties({"title": "Leakage Finder report", "created": FIXED_DATE})
    formats = Formats(book, result.kpis.currency)
    outputs = spec.output_tables(
        result, sheets, decisions=decisions, history=history, log=log, at=at, given=tables
    )
    for _, output in outputs:
        if isinstance(output, spec.KpiLayout):
            _kpis(book, formats, output)
        elif isinstance(output, spec.GridSheet):
            _grid(book, formats, output)
        else:
            _table(book, formats, output)
    for name, grid in (inputs or {}).items():  # the month's pasted inputs, values only (archive)
        _values(book, name, grid)
    book.close()
    pending = {name: value for name, value in formats.pending.items() if value[0]}
    return Rendered(
        _stretch_tables(buffer.getvalue(), formats.table_ends),
        [*sheets, *(inputs or {})],
        pending,
        {name: formats.heights[name] for name in pending if name in formats.heights},
    )


_TABLE_NAME = re.compile(r'<table\b[^>]*?\bname="([^"]*)"')
_RANGE_END = re.compile(r'(<(?:table|autoFilter)\b[^>]*?\bref="[A-Z]+\d+:[A-Z]+)\d+"')


def _stretch_tables(package: bytes, ends: dict[str, int]) -> bytes:
    """Each named table's range (and its filter's) extended down to its last row."""

    def stretch(part: str, data: bytes) -> bytes:
        if not part.startswith("xl/tables/"):
            return data
        xml = data.decode("utf-8")
        name = _TABLE_NAME.search(xml)
        if name and name.group(1) in ends:
            xml = _RANGE_END.sub(rf'\g<1>{ends[name.group(1)]}"', xml)
        return xml.encode("utf-8")

    return rewrite_zip(package, stretch, compresslevel=1)


def render_bytes(result: Result, **kwargs: Any) -> bytes:
    """The output sheets as a complete .xlsx package (the ``--out`` report, the archive copy)."""
    rendered = render(result, **kwargs)
    parts = {
        f"xl/worksheets/sheet{index}.xml": (*rendered.pending[name], rendered.heights.get(name))
        for index, name in enumerate(rendered.order, start=1)
        if name in rendered.pending
    }
    if not parts:
        return rendered.package

    def filled(part: str, data: bytes) -> bytes:
        if part not in parts:
            return data
        rows, template_row, heights = parts[part]
        return fill_rows_utf8(
            data.decode("utf-8"), rows, template_row=template_row, heights=heights
        )

    return rewrite_zip(rendered.package, filled, compresslevel=1)
