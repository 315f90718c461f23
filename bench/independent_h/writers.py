"""Byte-deterministic writers (standard library, openpyxl, xlwt) and money/number notations."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

FIXED = datetime(2026, 12, 1, 8, 0, 0)


@dataclass
class Sheet:
    """Rows of one sheet or CSV file; ``add`` returns the 1-based row (record) number."""

    name: str = "Sheet1"
    rows: list[list[Any]] = field(default_factory=list)
    widths: dict[int, int] = field(default_factory=dict)

    def add(self, *cells: Any) -> int:
        self.rows.append(list(cells))
        return len(self.rows)


def csv_bytes(
    sheet: Sheet,
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    newline: str = "\r\n",
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL,
) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=quoting)
    for row in sheet.rows:
        writer.writerow(["" if v is None else v for v in row])
    data = buf.getvalue().encode(encoding)
    if bom:
        data = ("\ufeff".encode(encoding) if encoding != "utf-16-le" else b"\xff\xfe") + data
    return data


def xlsx_bytes(sheets: list[Sheet], number_formats: dict[str, str] | None = None) -> bytes:
    """openpyxl workbook with fixed document properties and fixed zip timestamps."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        for row in sheet.rows:
            ws.append(row)
        for col, width in sheet.widths.items():
            ws.column_dimensions[chr(64 + col)].width = width
        if number_formats:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, float) and "money" in number_formats:
                        cell.number_format = number_formats["money"]
    wb.properties.creator = "independent_h"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.lastModifiedBy = "independent_h"
    raw = io.BytesIO()
    wb.save(raw)
    return _fix_zip(raw.getvalue())


def _fix_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on save
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-12-01T08:00:00Z", body
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 1, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, body)
    return out.getvalue()


def xls_bytes(sheets: list[Sheet]) -> bytes:
    """Legacy .xls (BIFF8) through xlwt."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for sheet in sheets:
        ws = book.add_sheet(sheet.name[:31])
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                ws.write(r, c, value)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# numbers


def group(digits: str, style: str, sep: str) -> str:
    """Thousands grouping: ``western`` 1,234,567 or ``lakh`` 12,34,567."""
    if not sep or len(digits) <= 3:
        return digits
    if style == "lakh":
        head, tail = digits[:-3], digits[-3:]
        pairs: list[str] = []
        while len(head) > 2:
            pairs.insert(0, head[-2:])
            head = head[:-2]
        if head:
            pairs.insert(0, head)
        return sep.join([*pairs, tail])
    parts: list[str] = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    parts.insert(0, digits)
    return sep.join(parts)


def money(
    minor: int,
    decimals: int = 2,
    dec: str = ".",
    thou: str = ",",
    style: str = "western",
    prefix: str = "",
    suffix: str = "",
    neg: str = "minus",
) -> str:
    """Minor units as text: ``money(-123456, dec=',', thou='.', prefix='R$ ')`` -> '-R$ 1.234,56'.
    ``neg``: minus (before the prefix), inner (after the prefix), paren, trailing (1.234,56-)."""
    sign = minor < 0
    value = abs(minor)
    whole, frac = divmod(value, 10**decimals) if decimals else (value, 0)
    text = group(str(whole), style, thou)
    if decimals:
        text += dec + f"{frac:0{decimals}d}"
    if sign and neg == "inner":
        return f"{prefix}-{text}{suffix}"
    body = f"{prefix}{text}{suffix}"
    if not sign:
        return body
    if neg == "paren":
        return f"({body})"
    if neg == "trailing":
        return f"{body}-"
    return f"-{body}"


def decimal_number(minor: int, decimals: int) -> float:
    """An xlsx cell number for minor units (exact for cents below 2**53)."""
    return minor / 10**decimals if decimals else float(minor)
