"""Write the output sheets to an .xlsx with xlsxwriter, from the presentation spec.

Used for the ``--out`` report and, through :mod:`addin.package`, for the output parts put into a
Leakage Finder workbook. Every text value goes through ``write_string`` with formula, URL and
number conversion off, so text from an export stays text (``=HYPERLINK(…)`` is never a formula).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from addin import presentation as spec
from addin.sheet_rows import clip, fill_rows
from engine.result import Result

FIXED_DATE = dt.datetime(2025, 1, 1)
_TILE_COLUMNS = 4


#: Text stays text: no formula, URL or number is guessed from a string (export text is never a formula).
TEXT_SAFE = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def text_safe_workbook(target: BytesIO) -> xlsxwriter.Workbook:
    return xlsxwriter.Workbook(target, {**TEXT_SAFE, "in_memory": True})


class _Formats:
    """xlsxwriter formats, created once per workbook and shared by all sheets."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.cache: dict[tuple[Any, ...], Format] = {}
        self.pending: dict[
            str, tuple[Sequence[Sequence[object]], int]
        ] = {}  # sheet → (rows, template row)
        self.table_ends: dict[str, int] = {}  # table name → its last sheet row (1-based)
        self.header = book.add_format(
            {
                "bold": True,
                "font_color": spec.HEADER_FONT,
                "bg_color": spec.HEADER_FILL,
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.title = book.add_format(
            {"bold": True, "font_size": 16, "font_color": spec.HEADER_FILL}
        )
        self.subtitle = book.add_format({"italic": True, "font_color": "#595959"})
        self.heading = book.add_format(
            {"bold": True, "font_size": 12, "font_color": spec.HEADER_FILL}
        )
        self.tile_label = book.add_format(
            {
                "bold": True,
                "font_color": "#595959",
                "bg_color": "#F2F2F2",
                "top": 1,
                "left": 1,
                "right": 1,
                "border_color": "#BFBFBF",
            }
        )
        self.tile_note = book.add_format(
            {
                "italic": True,
                "font_size": 9,
                "font_color": "#595959",
                "bg_color": "#F2F2F2",
                "bottom": 1,
                "left": 1,
                "right": 1,
                "border_color": "#BFBFBF",
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.fills = {
            kind: book.add_format({"bg_color": colour}) for kind, colour in spec.TYPE_FILLS.items()
        }

    def cell(self, kind: spec.Kind) -> Format:
        key = ("cell", kind)
        if key not in self.cache:
            self.cache[key] = self.book.add_format({"num_format": spec.NUMBER_FORMATS[kind]})
        return self.cache[key]

    def tile_value(self, kind: spec.Kind) -> Format:
        key = ("tile", kind)
        if key not in self.cache:
            self.cache[key] = self.book.add_format(
                {
                    "num_format": spec.NUMBER_FORMATS[kind],
                    "bold": True,
                    "font_size": 18,
                    "bg_color": "#F2F2F2",
                    "left": 1,
                    "right": 1,
                    "border_color": "#BFBFBF",
                    "align": "left",
                }
            )
        return self.cache[key]


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


def _table(
    book: xlsxwriter.Workbook, formats: _Formats, table: spec.OutputTable, *, first_row: int = 0
) -> Worksheet:
    sheet = book.add_worksheet(table.sheet)
    columns = table.columns
    cell_formats = [formats.cell(c.kind) for c in columns]
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column.width, cell_formats[col])
    # xlsxwriter writes the first data row; addin.sheet_rows writes the rest in the same styles.
    for col, value in enumerate(table.rows[0] if table.rows else []):
        _write(sheet, first_row + 1, col, value, cell_formats[col])
    formats.pending[table.sheet] = (table.rows[1:], first_row + 2)
    # xlsxwriter records every cell of a table's range to check for overlaps (millions of entries at
    # 100k lines), so the table covers the shell's rows here and is stretched by _stretch_tables.
    formats.table_ends[table.table_name] = first_row + max(len(table.rows), 1) + 1
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
    sheet.freeze_panes(first_row + 1, 0)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(first_row)
    return sheet


def _discrepancies(book: xlsxwriter.Workbook, formats: _Formats, table: spec.OutputTable) -> None:
    sheet = _table(book, formats, table)
    last_row = max(len(table.rows), 1)
    width = len(table.columns)
    type_col = xlsxwriter.utility.xl_col_to_name(1)
    for kind, fmt in formats.fills.items():
        sheet.conditional_format(
            1,
            0,
            last_row,
            width - 1,
            {"type": "formula", "criteria": f'=${type_col}2="{kind}"', "format": fmt},
        )
    if table.status_column is not None:
        sheet.data_validation(
            1,
            table.status_column,
            max(last_row, 1000),
            table.status_column,
            {
                "validate": "list",
                "source": list(spec.STATUSES),
                "error_title": "Status",
                "error_message": "Choose Open, Fixed in PSA, Accepted or Ignore.",
            },
        )
    # The legend sits beside the header row (rows below belong to the table's fast-written rows).
    legend_col = width + 1
    sheet.write_string(0, legend_col, "Legend →", formats.header)
    for offset, (kind, label) in enumerate(spec.TYPE_LABELS.items(), start=1):
        sheet.set_column(legend_col + offset, legend_col + offset, 42)
        sheet.write_string(0, legend_col + offset, label, formats.fills[kind])


def _kpis(book: xlsxwriter.Workbook, formats: _Formats, layout: spec.KpiLayout) -> None:
    sheet = book.add_worksheet(spec.KPIS)
    sheet.hide_gridlines(2)
    for col, width in enumerate(spec.KPI_COLUMN_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 1, layout.title, formats.title)
    sheet.write_string(1, 1, layout.subtitle, formats.subtitle)
    for row in sorted({row for row, _, _ in layout.tiles}):
        sheet.set_row(row + 1, spec.TILE_VALUE_ROW_HEIGHT)
    for row, col, tile in layout.tiles:
        sheet.write_string(row, col, tile.label, formats.tile_label)
        _write(sheet, row + 1, col, tile.value, formats.tile_value(tile.kind))
        sheet.write_string(row + 2, col, tile.note, formats.tile_note)
    for block in (layout.top_clients, layout.history):
        sheet.write_string(block.row - 1, block.col, block.title, formats.heading)
        _small_table(sheet, formats, block.row, block.col, block.columns, block.rows, block.name)
    history = layout.history
    if history.rows:
        chart = book.add_chart({"type": "line"})
        first, last = history.row + 1, history.row + len(history.rows)
        chart.add_series(
            {
                "name": "Monthly leakage",
                "categories": [spec.KPIS, first, history.col, last, history.col],
                "values": [spec.KPIS, first, history.col + 1, last, history.col + 1],
                "marker": {"type": "circle"},
            }
        )
        chart.set_title({"name": "Leakage over months"})
        chart.set_legend({"none": True})
        chart.set_y_axis({"num_format": '"$"#,##0'})
        sheet.insert_chart(layout.chart_row, 1, chart, {"x_scale": 1.6, "y_scale": 1.1})
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)


def _small_table(
    sheet: Worksheet,
    formats: _Formats,
    row: int,
    col: int,
    columns: Sequence[spec.Column],
    rows: Sequence[Sequence[object]],
    name: str,
) -> None:
    for offset, values in enumerate(rows, start=1):
        for index, value in enumerate(values):
            _write(sheet, row + offset, col + index, value, formats.cell(columns[index].kind))
    sheet.add_table(
        row,
        col,
        row + max(len(rows), 1),
        col + len(columns) - 1,
        {
            "name": name,
            "style": "Table Style Light 9",
            "columns": [{"header": c.header, "header_format": formats.header} for c in columns],
        },
    )


def _aliases(
    book: xlsxwriter.Workbook, formats: _Formats, name: str, rows: list[list[object]]
) -> None:
    """An alias sheet: the header the template has, then every row (the user's and the learned)."""
    sheet = book.add_worksheet(name)
    for col, column in enumerate(spec.ALIAS_COLUMNS):
        sheet.set_column(col, col, column.width, formats.cell("text"))
        sheet.write_string(0, col, column.header, formats.header)
    for r, values in enumerate(rows, start=1):
        for col, value in enumerate(values[: len(spec.ALIAS_COLUMNS)]):
            _write(sheet, r, col, "" if value is None else str(value), formats.cell("text"))
    sheet.freeze_panes(1, 0)


def _history(book: xlsxwriter.Workbook, formats: _Formats, rows: list[list[object]]) -> None:
    """The History sheet: one row per archived month (header styled like the template's)."""
    sheet = book.add_worksheet(spec.HISTORY)
    for col, column in enumerate(spec.HISTORY_COLUMNS):
        sheet.set_column(col, col, column.width)
        sheet.write_string(0, col, column.header, formats.header)
    for r, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            _write(sheet, r, col, value, formats.cell(spec.HISTORY_COLUMNS[col].kind))
    sheet.freeze_panes(1, 0)


@dataclass(frozen=True)
class Rendered:
    """xlsxwriter's package of sheet shells (header, first data row, formats, tables) and, per
    sheet, the rows still to be written after the template row."""

    package: bytes
    order: list[str]
    pending: dict[str, tuple[Sequence[Sequence[object]], int]]


def render(
    result: Result,
    *,
    decisions: spec.Decisions | None = None,
    history: Sequence[Sequence[object]] | None = None,
    sheets: Sequence[str] = spec.OUTPUT_SHEETS,
    client_aliases: Sequence[Sequence[object]] = (),
    tables: Mapping[str, spec.OutputTable] | None = None,
) -> Rendered:
    """Render the output sheets (Discrepancies, KPIs, Matches, Excluded by default); ``tables``
    gives a sheet's table ready-made (Discrepancies with the user's columns, the Decisions store)."""
    decisions = decisions or {}
    history_rows = spec.history_with_current(list(map(list, history or [])), result, decisions)
    buffer = BytesIO()
    book = text_safe_workbook(buffer)
    book.set_properties({"title": "Leakage Finder report", "created": FIXED_DATE})
    formats = _Formats(book)
    for name in sheets:
        if tables and name in tables:
            (_discrepancies if name == spec.DISCREPANCIES else _table)(book, formats, tables[name])
        elif name == spec.DISCREPANCIES:
            _discrepancies(book, formats, spec.discrepancy_table(result, decisions))
        elif name == spec.KPIS:
            _kpis(book, formats, spec.kpi_layout(result, decisions, history_rows))
        elif name == spec.MATCHES:
            _table(book, formats, spec.match_table(result))
        elif name == spec.EXCLUDED:
            _table(book, formats, spec.excluded_table(result))
        elif name == spec.HISTORY:
            _history(book, formats, list(map(list, history or [])))
        elif name == spec.CLIENT_ALIASES:
            _aliases(book, formats, name, list(map(list, client_aliases)))
    book.close()
    pending = {name: value for name, value in formats.pending.items() if value[0]}
    return Rendered(_stretch_tables(buffer.getvalue(), formats.table_ends), list(sheets), pending)


_TABLE_NAME = re.compile(r'<table\b[^>]*?\bname="([^"]*)"')
_RANGE_END = re.compile(r'(<(?:table|autoFilter)\b[^>]*?\bref="[A-Z]+\d+:[A-Z]+)\d+"')


def _stretch_tables(package: bytes, ends: dict[str, int]) -> bytes:
    """Each named table's range (and its filter's) extended down to its last row."""
    source = zipfile.ZipFile(BytesIO(package))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/tables/"):
                xml = data.decode("utf-8")
                name = _TABLE_NAME.search(xml)
                if name and name.group(1) in ends:
                    end = ends[name.group(1)]
                    xml = _RANGE_END.sub(rf'\g<1>{end}"', xml)
                data = xml.encode("utf-8")
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()


def render_bytes(result: Result, **kwargs: Any) -> bytes:
    """The output sheets as a complete .xlsx package (the ``--out`` report, the archive copy)."""
    rendered = render(result, **kwargs)
    parts = {
        f"xl/worksheets/sheet{index}.xml": rendered.pending[name]
        for index, name in enumerate(rendered.order, start=1)
        if name in rendered.pending
    }
    if not parts:
        return rendered.package
    source = zipfile.ZipFile(BytesIO(rendered.package))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in parts:
                rows, template_row = parts[info.filename]
                data = fill_rows(data.decode("utf-8"), rows, template_row=template_row).encode(
                    "utf-8"
                )
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()
