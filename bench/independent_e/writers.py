"""Write tables as CSV, xlsx or xls, byte for byte the same every run."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

Cell = str | int | Decimal | date | None

FIXED_TIME = datetime(2026, 10, 1, 6, 0, 0)


@dataclass
class Sheet:
    name: str
    rows: list[list[object]] = field(default_factory=list)
    bold_rows: set[int] = field(default_factory=set)  # 0-based
    date_format: str = "yyyy-mm-dd"
    money_cols: set[int] = field(default_factory=set)  # 0-based column indexes

    def add(self, row: Sequence[object], bold: bool = False) -> int:
        """Append a row; return its 1-based row number."""
        self.rows.append(list(row))
        if bold:
            self.bold_rows.add(len(self.rows) - 1)
        return len(self.rows)


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def write_csv(
    path: Path,
    sheet: Sheet,
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    quote_all: bool = False,
) -> None:
    buf = io.StringIO()
    writer = csv.writer(
        buf,
        delimiter=delimiter,
        lineterminator="\r\n",
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    for row in sheet.rows:
        writer.writerow([_text(c) for c in row])
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def _col(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _esc(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;")


_XLSX_STATIC = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "{sheets}"
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>"
    ),
    "docProps/core.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator>Finance</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-01T06:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    ),
}

_EPOCH = date(1899, 12, 30)


def column_widths(sheet: Sheet) -> list[int]:
    """Widths an exporting system would set: the longest value of a column (title and group
    rows that hold one long cell are left out), between 6 and 48 characters."""
    width = max((len(r) for r in sheet.rows), default=0)
    out = [6] * width
    for row in sheet.rows:
        if sum(1 for c in row if c is not None and c != "") <= 1:
            continue
        if isinstance(row[0], str) and row[0].lower().startswith("total"):
            continue
        for i, cell in enumerate(row):
            if cell is not None:
                out[i] = max(out[i], min(48, len(_text(cell)) + 2))
    return out


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    """A small, fast SpreadsheetML writer (inline strings, fixed timestamps)."""
    date_formats = sorted({s.date_format for s in sheets})
    num_fmts = "".join(
        f'<numFmt numFmtId="{164 + i}" formatCode="{_esc(f)}"/>' for i, f in enumerate(date_formats)
    )
    xfs = [
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
        '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>',
    ]
    for i in range(len(date_formats)):
        xfs.append(
            f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/>'
        )
    styles = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<numFmts count="{len(date_formats)}">{num_fmts}</numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    parts: dict[str, str] = {}
    for n, sheet in enumerate(sheets, start=1):
        date_style = 4 + date_formats.index(sheet.date_format)
        widths = column_widths(sheet)
        cols = "".join(
            f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(widths)
        )
        out = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + (f"<cols>{cols}</cols>" if cols else "")
            + "<sheetData>"
        ]
        for r, row in enumerate(sheet.rows, start=1):
            bold = (r - 1) in sheet.bold_rows
            cells = []
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                ref = f"{_col(c)}{r}"
                if isinstance(cell, (int, Decimal)) and not isinstance(cell, bool):
                    style = (3 if bold else 2) if c in sheet.money_cols else (1 if bold else 0)
                    s_attr = f' s="{style}"' if style else ""
                    cells.append(f'<c r="{ref}"{s_attr}><v>{cell}</v></c>')
                elif isinstance(cell, date):
                    serial = (cell - _EPOCH).days
                    cells.append(f'<c r="{ref}" s="{date_style}"><v>{serial}</v></c>')
                else:
                    s_attr = ' s="1"' if bold else ""
                    text = _esc(str(cell))
                    cells.append(
                        f'<c r="{ref}"{s_attr} t="inlineStr"><is><t xml:space="preserve">{text}'
                        "</t></is></c>"
                    )
            out.append(f'<row r="{r}">{"".join(cells)}</row>')
        out.append("</sheetData></worksheet>")
        parts[f"xl/worksheets/sheet{n}.xml"] = "".join(out)
    sheet_overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, len(sheets) + 1)
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        + "".join(
            f'<sheet name="{_esc(s.name)}" sheetId="{n}" r:id="rId{n}"/>'
            for n, s in enumerate(sheets, start=1)
        )
        + "</sheets></workbook>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(sheets) + 1)
        )
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    files = {
        "[Content_Types].xml": _XLSX_STATIC["[Content_Types].xml"].replace(
            "{sheets}", sheet_overrides
        ),
        "_rels/.rels": _XLSX_STATIC["_rels/.rels"],
        "docProps/core.xml": _XLSX_STATIC["docProps/core.xml"],
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": rels,
        "xl/styles.xml": styles,
        **parts,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"), compresslevel=6)
    path.write_bytes(buf.getvalue())


def write_xls(path: Path, sheets: list[Sheet]) -> None:
    import xlwt  # type: ignore[import-untyped]

    book = xlwt.Workbook(encoding="utf-8")
    bold = xlwt.easyxf("font: bold on")
    money_style = xlwt.easyxf(num_format_str="#,##0.00")
    for sheet in sheets:
        ws = book.add_sheet(sheet.name)
        date_style = xlwt.easyxf(num_format_str=sheet.date_format)
        for i, w in enumerate(column_widths(sheet)):
            ws.col(i).width = 256 * w
        for r, row in enumerate(sheet.rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                if isinstance(cell, (int, Decimal)):
                    if c in sheet.money_cols:
                        ws.write(r, c, float(cell), money_style)
                    else:
                        ws.write(r, c, float(cell))
                elif isinstance(cell, date):
                    ws.write(r, c, datetime(cell.year, cell.month, cell.day), date_style)
                elif r in sheet.bold_rows:
                    ws.write(r, c, cell, bold)
                else:
                    ws.write(r, c, cell)
    book.save(str(path))


# ------------------------------------------------------------- text formats


def plain(value: Decimal) -> str:
    return f"{value:.2f}"


def thousands(value: Decimal, symbol: str = "", parens: bool = False) -> str:
    text = f"{abs(value):,.2f}"
    if value < 0:
        return f"({symbol}{text})" if parens else f"-{symbol}{text}"
    return f"{symbol}{text}"


def decimal_comma(value: Decimal, places: int = 2) -> str:
    text = f"{abs(value):,.{places}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"-{text}" if value < 0 else text


SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "$", "CAD": "$"}
