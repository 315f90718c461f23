"""Deterministic writers: CSV (any delimiter / encoding / BOM), xlsx (xlsxwriter, fixed dates), xls (xlwt)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

FIXED = dt.datetime(2026, 12, 1, 8, 0, 0)


@dataclass
class Sheet:
    name: str
    rows: list  # list of list of cells (str | int | float | date | None)
    meta: list  # per row: None, or a line object
    widths: dict = field(default_factory=dict)


@dataclass
class Out:
    filename: str
    kind: str  # csv | xlsx | xls
    sheets: list  # list[Sheet]; csv uses sheets[0]
    data_sheet: str = ""
    delimiter: str = ","
    encoding: str = "utf-8"
    bom: bool = False
    quoting: int = csv.QUOTE_MINIMAL
    sheet_hint: str | None = None  # vendor_sheet/psa_sheet for truth

    @property
    def data(self) -> Sheet:
        if self.kind == "csv" or not self.data_sheet:
            return self.sheets[0]
        return next(s for s in self.sheets if s.name == self.data_sheet)


def write(out: Out, folder: Path) -> Path:
    path = folder / out.filename
    if out.kind == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=out.delimiter, quoting=out.quoting, lineterminator="\r\n")
        for r in out.sheets[0].rows:
            w.writerow(["" if v is None else v for v in r])
        data = buf.getvalue().encode(out.encoding, errors="strict")
        if out.bom:
            data = b"\xef\xbb\xbf" + data
        path.write_bytes(data)
    elif out.kind == "xlsx":
        import xlsxwriter

        wb = xlsxwriter.Workbook(
            str(path),
            {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
        )
        wb.set_properties({"created": FIXED, "author": "export", "title": ""})
        bold = wb.add_format({"bold": True})
        datef = wb.add_format({"num_format": "yyyy-mm-dd"})
        for sh in out.sheets:
            ws = wb.add_worksheet(sh.name)
            for i, r in enumerate(sh.rows):
                for j, v in enumerate(r):
                    if v is None or v == "":
                        continue
                    if isinstance(v, dt.date):
                        ws.write_datetime(i, j, dt.datetime(v.year, v.month, v.day), datef)
                    elif isinstance(v, (int, float)):
                        ws.write_number(i, j, v)
                    else:
                        ws.write_string(
                            i, j, str(v), bold if sh.meta[i] is None and i < 8 else None
                        )
            for j, wdt in sh.widths.items():
                ws.set_column(j, j, wdt)
        wb.close()
    elif out.kind == "xls":
        import xlwt

        wb = xlwt.Workbook(encoding="utf-8")
        datef = xlwt.easyxf(num_format_str="YYYY-MM-DD")
        for sh in out.sheets:
            ws = wb.add_sheet(sh.name)
            for i, r in enumerate(sh.rows):
                for j, v in enumerate(r):
                    if v is None or v == "":
                        continue
                    if isinstance(v, dt.date):
                        ws.write(i, j, dt.datetime(v.year, v.month, v.day), datef)
                    else:
                        ws.write(i, j, v)
        wb.save(str(path))
    else:
        raise ValueError(out.kind)
    return path
