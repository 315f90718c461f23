"""A small, fast SpreadsheetML writer: inline strings, numbers, dates, bold rows, number formats.

xlsxwriter spends most of a 300-client case on bookkeeping this generator does not need; writing
the parts directly keeps a case well under a second. Bytes depend only on content (fixed zip and
document dates). Read back by openpyxl, python-calamine, pandas and LibreOffice in the tests.
"""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from .writers import Sheet

EPOCH = date(1899, 12, 30)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def col_name(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        name = chr(65 + rem) + name
    return name


class _Styles:
    """cellXfs: 0 = default; one xf per (number format, bold)."""

    def __init__(self) -> None:
        self.numfmts: dict[str, int] = {}
        self.xfs: dict[tuple[int, bool], int] = {(0, False): 0}

    def xf(self, spec: str | None, bold: bool) -> int:
        fid = 0
        if spec:
            fid = self.numfmts.setdefault(spec, 164 + len(self.numfmts))
        return self.xfs.setdefault((fid, bold), len(self.xfs))

    def xml(self) -> str:
        fmts = "".join(
            f'<numFmt numFmtId="{i}" formatCode="{escape(s, {chr(34): "&quot;"})}"/>'
            for s, i in self.numfmts.items()
        )
        xfs = "".join(
            f'<xf numFmtId="{f}" fontId="{1 if b else 0}" fillId="0" borderId="0" xfId="0"'
            f"{' applyNumberFormat=' + chr(34) + '1' + chr(34) if f else ''}"
            f"{' applyFont=' + chr(34) + '1' + chr(34) if b else ''}/>"
            for (f, b) in self.xfs
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<numFmts count="{len(self.numfmts)}">{fmts}</numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(self.xfs)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


def _sheet_xml(sh: Sheet, styles: _Styles, widths: dict[int, int]) -> str:
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    ]
    if widths:
        cols = "".join(
            f'<col min="{c + 1}" max="{c + 1}" width="{w}" customWidth="1"/>'
            for c, w in sorted(widths.items())
        )
        out.append(f"<cols>{cols}</cols>")
    out.append("<sheetData>")
    names = [col_name(i) for i in range(max((len(r) for r in sh.rows), default=1))]
    for r, row in enumerate(sh.rows, start=1):
        bold = (r - 1) in sh.bold
        cells: list[str] = []
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            ref = f"{names[c]}{r}"
            if isinstance(value, str):
                s = styles.xf(None, bold)
                attr = f' s="{s}"' if s else ""
                space = ' xml:space="preserve"' if value != value.strip() else ""
                cells.append(
                    f'<c r="{ref}"{attr} t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'
                )
            elif isinstance(value, date):
                s = styles.xf(sh.formats.get(c) or "yyyy-mm-dd", bold)
                cells.append(f'<c r="{ref}" s="{s}"><v>{(value - EPOCH).days}</v></c>')
            else:
                text = format(value, "f") if isinstance(value, Decimal) else repr(value)
                s = styles.xf(sh.formats.get(c), bold)
                attr = f' s="{s}"' if s else ""
                cells.append(f'<c r="{ref}"{attr}><v>{text}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write(path: Path, sheets: list[Sheet], widths: list[dict[int, int]]) -> None:
    styles = _Styles()
    bodies = [_sheet_xml(sh, styles, w) for sh, w in zip(sheets, widths, strict=True)]
    ns = "http://schemas.openxmlformats.org"
    rel = f"{ns}/officeDocument/2006/relationships"
    parts: list[tuple[str, str]] = [
        (
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Types xmlns="{ns}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, len(sheets) + 1)
            )
            + "</Types>",
        ),
        (
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{ns}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{ns}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>",
        ),
        (
            "docProps/core.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<cp:coreProperties xmlns:cp="{ns}/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            "<dc:creator>Billing Export</dc:creator>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-02T07:30:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-02T07:30:00Z</dcterms:modified>'
            "</cp:coreProperties>",
        ),
        (
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{rel}"><sheets>'
            + "".join(
                f'<sheet name="{escape(sh.name)}" sheetId="{i}" r:id="rId{i}"/>'
                for i, sh in enumerate(sheets, start=1)
            )
            + "</sheets></workbook>",
        ),
        (
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{ns}/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(sheets) + 1)
            )
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="{rel}/styles" Target="styles.xml"/>'
            "</Relationships>",
        ),
        ("xl/styles.xml", styles.xml()),
    ]
    parts += [(f"xl/worksheets/sheet{i}.xml", b) for i, b in enumerate(bodies, start=1)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
