"""Writing a rendered table as CSV, xlsx or xls, byte-for-byte the same every run."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

Cell = str | int | Decimal | dt.date | None


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    formats: dict[int, str] = field(default_factory=dict)  # column -> Excel number format

    def add(self, cells: list[Cell]) -> int:
        """Append a row; returns its 1-based row number as Excel shows it."""
        self.rows.append(cells)
        return len(self.rows)


@dataclass
class Output:
    """One file: its sheets (CSV: the first only), the data sheet, and line index -> row number."""

    filename: str
    sheets: list[Sheet]
    data_sheet: str
    refs: dict[int, int]
    delimiter: str = ","
    encoding: str = "utf-8"
    bom: bool = False

    @property
    def kind(self) -> str:
        return self.filename.rsplit(".", 1)[1]

    def sheet_name(self) -> str | None:
        return None if self.kind == "csv" else self.data_sheet


def write(out: Output, folder: Path) -> Path:
    path = folder / out.filename
    if out.kind == "csv":
        _write_csv(out, path)
    elif out.kind == "xlsx":
        _write_xlsx(out, path)
    else:
        _write_xls(out, path)
    return path


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def _write_csv(out: Output, path: Path) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=out.delimiter, lineterminator="\r\n")
    for row in out.sheets[0].rows:
        writer.writerow([_text(c) for c in row])
    data = buf.getvalue().encode(out.encoding)
    if out.bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


_XLSX_STATIC = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "{sheets}</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
}
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_EPOCH = dt.date(1899, 12, 30)
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _col(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _esc(text: str) -> str:
    if "&" in text or "<" in text or ">" in text or '"' in text:
        text = (
            text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&quot;")
        )
    return _CTRL.sub("", text)


def _widths(sheet: Sheet) -> str:
    """Column widths from the content (title rows above a header do not count)."""
    width: dict[int, int] = {}
    need = min(
        3, max((sum(1 for cell in row if cell not in (None, "")) for row in sheet.rows), default=0)
    )
    for row in sheet.rows:
        if sum(1 for cell in row if cell not in (None, "")) < need:
            continue  # title, group and total rows
        for c, cell in enumerate(row):
            size = len(cell) if isinstance(cell, str) else 11
            width[c] = min(60, max(width.get(c, 8), size + 2))
    if not width:
        return ""
    cols = "".join(
        f'<col min="{c + 1}" max="{c + 1}" width="{w}" customWidth="1"/>'
        for c, w in sorted(width.items())
    )
    return f"<cols>{cols}</cols>"


def _write_xlsx(out: Output, path: Path) -> None:
    """A small SpreadsheetML writer (inline strings, as many web exports write them): fast and
    byte-identical every run (fixed zip timestamps, no creation date)."""
    specs: list[str] = []
    for sheet in out.sheets:
        for spec in sheet.formats.values():
            if spec not in specs:
                specs.append(spec)
    if "dd/mm/yyyy" not in specs:
        specs.append("dd/mm/yyyy")
    style = {spec: i + 1 for i, spec in enumerate(specs)}
    parts: dict[str, str] = {}
    cols = [_col(i) for i in range(64)]
    for n, sheet in enumerate(out.sheets, 1):
        rows: list[str] = []
        for r, row in enumerate(sheet.rows, 1):
            cells: list[str] = []
            for c, cell in enumerate(row):
                if cell is None or cell == "":
                    continue
                ref = f"{cols[c]}{r}"
                if isinstance(cell, str):
                    cells.append(
                        f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_esc(cell)}</t></is></c>'
                    )
                elif isinstance(cell, dt.date):
                    s = style[sheet.formats.get(c, "dd/mm/yyyy")]
                    cells.append(f'<c r="{ref}" s="{s}"><v>{(cell - _EPOCH).days}</v></c>')
                else:
                    nf = sheet.formats.get(c)
                    attr = f' s="{style[nf]}"' if nf else ""
                    cells.append(f'<c r="{ref}"{attr}><v>{cell}</v></c>')
            rows.append(f'<row r="{r}">{"".join(cells)}</row>')
        parts[f"xl/worksheets/sheet{n}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {_NS} {_R_NS}>'
            f"{_widths(sheet)}<sheetData>{''.join(rows)}</sheetData></worksheet>"
        )
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, len(out.sheets) + 1)
    )
    parts["[Content_Types].xml"] = _XLSX_STATIC["[Content_Types].xml"].replace(
        "{sheets}", sheet_types
    )
    parts["_rels/.rels"] = _XLSX_STATIC["_rels/.rels"]
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {_NS} {_R_NS}><sheets>'
        + "".join(
            f'<sheet name="{_esc(s.name)}" sheetId="{n}" r:id="rId{n}"/>'
            for n, s in enumerate(out.sheets, 1)
        )
        + "</sheets></workbook>"
    )
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(out.sheets) + 1)
    )
    rels += (
        f'<Relationship Id="rId{len(out.sheets) + 1}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    )
    numfmts = "".join(
        f'<numFmt numFmtId="{163 + i}" formatCode="{_esc(spec)}"/>' for spec, i in style.items()
    )
    xfs = "".join(
        f'<xf numFmtId="{163 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        for i in style.values()
    )
    parts["xl/styles.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {_NS}>'
        f'<numFmts count="{len(style)}">{numfmts}</numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(style) + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>{xfs}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    order = [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
    ]
    order += [f"xl/worksheets/sheet{n}.xml" for n in range(1, len(out.sheets) + 1)]
    with zipfile.ZipFile(path, "w") as zf:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, parts[name].encode("utf-8"), compresslevel=6)


def _write_xls(out: Output, path: Path) -> None:
    import xlwt  # type: ignore[import-untyped]

    wb = xlwt.Workbook(encoding="utf-8")
    styles: dict[str, object] = {}
    for sheet in out.sheets:
        ws = wb.add_sheet(sheet.name)
        for r, row in enumerate(sheet.rows):
            for col, cell in enumerate(row):
                if cell is None or cell == "":
                    continue
                if isinstance(cell, str):
                    ws.write(r, col, cell)
                    continue
                spec = sheet.formats.get(
                    col, "dd/mm/yyyy" if isinstance(cell, dt.date) else "General"
                )
                if spec not in styles:
                    styles[spec] = xlwt.easyxf(num_format_str=spec)
                value: object = cell if isinstance(cell, dt.date) else float(cell)
                if isinstance(cell, dt.date):
                    value = dt.datetime(cell.year, cell.month, cell.day)
                ws.write(r, col, value, styles[spec])
    wb.save(str(path))


def num(value: Decimal | int, places: int = 2, comma: bool = False, thousands: str = "") -> str:
    """A number as text: fixed places, optional thousands separator, decimal comma."""
    q = Decimal(value).quantize(Decimal(1).scaleb(-places)) if places else Decimal(value)
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    if thousands:
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = thousands.join([whole, *groups])
    if not frac:
        return f"{sign}{whole}"
    return f"{sign}{whole}{',' if comma else '.'}{frac}"
