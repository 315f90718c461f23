"""Deterministic writers for .csv, .xlsx and .xls, and a table that remembers which row is which."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import xlwt  # type: ignore[import-untyped, unused-ignore]

Cell = str | int | Decimal | date | None


@dataclass
class Sheet:
    """Rows of one sheet (or CSV), with the line each row renders (`None` for layout rows)."""

    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    line_of_row: dict[int, int] = field(default_factory=dict)  # 1-based row -> line index
    bold_rows: set[int] = field(default_factory=set)
    merges: list[tuple[int, int, int]] = field(default_factory=list)  # (row, first col, last col)
    money_cols: set[int] = field(default_factory=set)
    date_format: str = "dd/mm/yyyy"

    def add(self, cells: list[Cell], line: int | None = None, bold: bool = False) -> int:
        self.rows.append(cells)
        row = len(self.rows)
        if line is not None:
            self.line_of_row[row] = line
        if bold:
            self.bold_rows.add(row)
        return row


def write_csv(path: Path, sheet: Sheet, delimiter: str = ",", encoding: str = "utf-8") -> None:
    """Every cell must already be text; `encoding` may be utf-8-sig (a BOM) or cp1252."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in sheet.rows:
        writer.writerow(["" if c is None else str(c) for c in row])
    path.write_bytes(buffer.getvalue().encode(encoding))


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_EPOCH = date(1899, 12, 30)


def _col(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _esc(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 32)


def _sheet_xml(sheet: Sheet) -> str:
    """One worksheet: inline strings, numbers, dates as serials; styles 1 bold, 2 date, 3 money."""
    out = [
        _XML,
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">',
        '<cols><col min="1" max="1" width="34" customWidth="1"/>'
        '<col min="2" max="21" width="16" customWidth="1"/></cols><sheetData>',
    ]
    for r, row in enumerate(sheet.rows, start=1):
        style = ' s="1"' if r in sheet.bold_rows else ""
        cells = []
        for c, value in enumerate(row):
            if value is None:
                continue
            ref = f"{_col(c)}{r}"
            if isinstance(value, date):
                cells.append(f'<c r="{ref}" s="2"><v>{(value - _EPOCH).days}</v></c>')
            elif isinstance(value, Decimal):
                cells.append(f'<c r="{ref}" s="3"><v>{value}</v></c>')
            elif isinstance(value, int):
                cells.append(f'<c r="{ref}"{style}><v>{value}</v></c>')
            else:
                space = ' xml:space="preserve"' if value != value.strip() else ""
                cells.append(
                    f'<c r="{ref}" t="inlineStr"{style}><is><t{space}>{_esc(value)}</t></is></c>'
                )
        out.append(f'<row r="{r}">{"".join(cells)}</row>' if cells else f'<row r="{r}"/>')
    out.append("</sheetData>")
    if sheet.merges:
        refs = "".join(f'<mergeCell ref="{_col(a)}{r}:{_col(b)}{r}"/>' for r, a, b in sheet.merges)
        out.append(f'<mergeCells count="{len(sheet.merges)}">{refs}</mergeCells>')
    out.append("</worksheet>")
    return "".join(out)


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    """A minimal SpreadsheetML package (as many billing systems write): fixed timestamps and
    no creation date, so the same scenario gives the same bytes."""
    parts: dict[str, str] = {}
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    parts["[Content_Types].xml"] = (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{overrides}</Types>"
    )
    parts["_rels/.rels"] = (
        f'{_XML}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    sheet_list = "".join(
        f'<sheet name="{_esc(s.name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, s in enumerate(sheets, start=1)
    )
    parts["xl/workbook.xml"] = (
        f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheet_list}</sheets></workbook>'
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    style_id = len(sheets) + 1
    parts["xl/_rels/workbook.xml.rels"] = (
        f'{_XML}<Relationships xmlns="{_PKG}">{rels}<Relationship Id="rId{style_id}" '
        f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
    )
    date_format = _esc(sheets[0].date_format if sheets else "dd/mm/yyyy")
    parts["xl/styles.xml"] = (
        f'{_XML}<styleSheet xmlns="{_MAIN}"><numFmts count="2">'
        f'<numFmt numFmtId="164" formatCode="{date_format}"/>'
        '<numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="4">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        "</cellStyles></styleSheet>"
    )
    for i, sheet in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = _sheet_xml(sheet)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 10, 2, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    path.write_bytes(buffer.getvalue())


def write_xls(path: Path, sheets: list[Sheet]) -> None:
    """Legacy Excel 97-2003 through xlwt (dates as real Excel dates)."""
    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    money_style = xlwt.easyxf(num_format_str="#,##0.00")
    bold_style = xlwt.easyxf("font: bold on")
    for sheet in sheets:
        ws = book.add_sheet(sheet.name)
        for r, row in enumerate(sheet.rows):
            is_bold = (r + 1) in sheet.bold_rows
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, date):
                    ws.write(r, c, datetime(value.year, value.month, value.day), date_style)
                elif isinstance(value, Decimal):
                    ws.write(r, c, float(value), money_style)
                elif is_bold:
                    ws.write(r, c, value, bold_style)
                else:
                    ws.write(r, c, value)
    book.save(str(path))


def amount(value: Decimal, decimal: str = ".", thousands: str = "", places: int = 2) -> str:
    """`value` as text with the region's separators (1.234,56 / 1,234.56 / 1 234,56)."""
    q = value.quantize(Decimal(1).scaleb(-places))
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = thousands.join(groups)
    return f"{sign}{text}{decimal}{frac}" if places else f"{sign}{text}"
