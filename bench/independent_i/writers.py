"""Byte-deterministic file writers: CSV in any encoding, xlsx (fixed zip times and properties), HTML-as-.xls."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import zipfile
from pathlib import Path
from typing import Any

FIXED = dt.datetime(2026, 12, 1, 8, 0, 0)


def write_csv(
    path: Path,
    rows: list[list[Any]],
    encoding: str = "utf-8",
    delimiter: str = ",",
    bom: bool = False,
    newline: str = "\r\n",
) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    data = fold_for(buf.getvalue(), encoding).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def fold_for(text: str, encoding: str) -> str:
    """Letters a legacy code page cannot hold are written the way such exports do: folded (Ş -> S, ł -> l)."""
    if encoding.replace("-", "").lower() in ("utf8", "utf8sig"):
        return text
    import unicodedata

    from .perturb import UNFOLDED

    out = []
    for ch in text:
        try:
            ch.encode(encoding)
            out.append(ch)
        except UnicodeEncodeError:
            folded = UNFOLDED.get(ch) or "".join(
                c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
            )
            try:
                folded.encode(encoding)
            except UnicodeEncodeError:
                folded = "?"
            out.append(folded or "?")
    return "".join(out)


def write_xlsx(
    path: Path, sheets: list[tuple[str, list[list[Any]]]], formats: dict[int, str] | None = None
) -> None:
    """sheets: (title, rows); formats: column index (0-based) -> number format for numeric cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str) and "\n" in value:
                    cell.alignment = Alignment(wrap_text=True)
                elif formats and isinstance(value, (int, float)) and (c - 1) in formats:
                    cell.number_format = formats[c - 1]
    wb.properties.creator = "set-i"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.lastModifiedBy = "set-i"
    raw = io.BytesIO()
    wb.save(raw)
    _fix_zip(raw.getvalue(), path)


def _fix_zip(data: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps 'modified' with now
                import re

                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-12-01T08:00:00Z", body
                )
                body = re.sub(
                    rb"(<dcterms:created[^>]*>)[^<]*", rb"\g<1>2026-12-01T08:00:00Z", body
                )
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 1, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def write_html_xls(path: Path, title: str, rows: list[list[Any]], header_rows: int = 1) -> None:
    """A portal 'Export to Excel' that is really an HTML table saved with an .xls name.

    Each <tr> is one row; rows[0..header_rows-1] are rendered as <th>."""
    parts = [
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel">',
        '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        f"<title>{html.escape(title)}</title></head><body>",
        '<table border="1">',
    ]
    for i, row in enumerate(rows):
        tag = "th" if i < header_rows else "td"
        cells = "".join(
            f"<{tag}>{html.escape(str(v)) if v is not None else ''}</{tag}>" for v in row
        )
        parts.append(f"<tr>{cells}</tr>")
    parts.append("</table></body></html>")
    path.write_bytes("\r\n".join(parts).encode("utf-8"))
