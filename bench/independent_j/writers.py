"""File writers (byte-deterministic) and number spellings of several locales."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

FIXED = (2026, 12, 1, 8, 0, 0)


# ------------------------------------------------------------------ numbers


def group(digits: str, sep: str, lakh: bool = False) -> str:
    if not lakh:
        out: list[str] = []
        while len(digits) > 3:
            out.insert(0, digits[-3:])
            digits = digits[:-3]
        out.insert(0, digits)
        return sep.join(out)
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    parts: list[str] = []
    while len(head) > 2:
        parts.insert(0, head[-2:])
        head = head[:-2]
    if head:
        parts.insert(0, head)
    return sep.join([*parts, tail])


def num(value: Decimal, dp: int = 2, dec: str = ".", sep: str = "", lakh: bool = False) -> str:
    """``value`` with ``dp`` decimals, decimal mark ``dec`` and grouping ``sep``; "-" in front."""
    q = Decimal(1).scaleb(-dp)
    v = value.quantize(q)
    sign = "-" if v < 0 else ""
    text = f"{abs(v):.{dp}f}"
    whole, _, frac = text.partition(".")
    whole = group(whole, sep, lakh) if sep else whole
    return sign + whole + (dec + frac if dp else "")


# ------------------------------------------------------------------ csv / text


def write_text(
    path: Path,
    rows: list[list[Any]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    newline: str = "\n",
    quote_all: bool = False,
) -> None:
    buf = io.StringIO()
    w = csv.writer(
        buf,
        delimiter=delimiter,
        lineterminator=newline,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    for row in rows:
        w.writerow(["" if v is None else str(v) for v in row])
    text = buf.getvalue()
    data = text.encode(encoding)
    if bom:
        data = "\ufeff".encode(encoding) + data
    path.write_bytes(data)


# ------------------------------------------------------------------ xlsx


def _normalise_zip(path: Path) -> None:
    """Fixed timestamps in the zip and the document properties: same bytes every run."""
    src = zipfile.ZipFile(path)
    items = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    src.close()
    stamp = b"2026-12-01T08:00:00Z"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms)",
                    rb"\g<1>" + stamp + rb"\g<3>",
                    data,
                )
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, data)
    path.write_bytes(out.getvalue())


def write_xlsx(path: Path, sheets: list[dict[str, Any]]) -> None:
    """sheets: {name, rows, merges: [range], hidden: [col letters], formats: {col index: fmt},
    widths: {letter: w}, wrap: bool}."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "export"
    wb.properties.created = datetime(2026, 12, 1, 8, 0, 0)
    wb.properties.modified = datetime(2026, 12, 1, 8, 0, 0)
    wb.properties.lastModifiedBy = "export"
    for spec in sheets:
        ws = wb.create_sheet(spec["name"])
        formats = spec.get("formats", {})
        for r, row in enumerate(spec["rows"], 1):
            for c, value in enumerate(row, 1):
                if value is None or value == "":
                    continue
                cell = ws.cell(r, c, value)
                if isinstance(value, (date, datetime)):
                    cell.number_format = spec.get("date_format", "dd/mm/yyyy")
                elif c - 1 in formats and not isinstance(value, str):
                    cell.number_format = formats[c - 1]
                if isinstance(value, str) and "\n" in value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for r in spec.get("bold_rows", []):
            for cell in ws[r]:
                cell.font = Font(bold=True)
        for rng in spec.get("merges", []):
            ws.merge_cells(rng)
        for col in spec.get("hidden", []):
            ws.column_dimensions[col].hidden = True
        for col, width in spec.get("widths", {}).items():
            ws.column_dimensions[col].width = width
    wb.save(path)
    _normalise_zip(path)


# ------------------------------------------------------------------ xls (BIFF8)


def write_xls(path: Path, name: str, rows: list[list[Any]]) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(name)
    date_style = xlwt.easyxf(num_format_str="DD-MMM-YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, Decimal):
                sheet.write(r, c, float(value))
            elif isinstance(value, date):
                sheet.write(r, c, datetime(value.year, value.month, value.day), date_style)
            else:
                sheet.write(r, c, value)
    buf = io.BytesIO()
    book.save(buf)
    path.write_bytes(buf.getvalue())


# ------------------------------------------------------------------ ods


def write_ods(path: Path, sheets: list[tuple[str, list[list[Any]]]]) -> None:
    body = []
    for name, rows in sheets:
        body.append(f'<table:table table:name="{escape(name)}">')
        for row in rows:
            body.append("<table:table-row>")
            for value in row:
                if value is None or value == "":
                    body.append("<table:table-cell/>")
                elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                    body.append(
                        f'<table:table-cell office:value-type="float" office:value="{value}">'
                        f"<text:p>{value}</text:p></table:table-cell>"
                    )
                elif isinstance(value, date):
                    iso = value.isoformat()
                    body.append(
                        f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
                        f"<text:p>{value.strftime('%d.%m.%Y')}</text:p></table:table-cell>"
                    )
                else:
                    paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in str(value).split("\n"))
                    body.append(
                        f'<table:table-cell office:value-type="string">{paras}</table:table-cell>'
                    )
            body.append("</table:table-row>")
        body.append("</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>" + "".join(body) + "</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        info = zipfile.ZipInfo("mimetype", FIXED)
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, "application/vnd.oasis.opendocument.spreadsheet")
        for name, data in (("META-INF/manifest.xml", manifest), ("content.xml", content)):
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    path.write_bytes(out.getvalue())
