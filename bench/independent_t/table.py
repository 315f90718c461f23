"""Records with tags, written as CSV or xlsx; row numbers follow the truth-format convention."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from datetime import datetime
from pathlib import Path

import xlsxwriter


class Table:
    def __init__(self):
        self.records: list[list] = []
        self.tags: list = []  # None or ("v"|"p", line index)

    def add(self, cells, tag=None):
        self.records.append(list(cells))
        self.tags.append(tag)

    def rows(self) -> dict:
        """line index -> 1-based row number"""
        return {t[1]: i + 1 for i, t in enumerate(self.tags) if t is not None}

    # ------------------------------------------------------------------ writers
    def write_csv(
        self,
        path: Path,
        delimiter=",",
        encoding="utf-8",
        bom=False,
        quoting=csv.QUOTE_MINIMAL,
        lineterminator="\r\n",
    ):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator)
        for r in self.records:
            w.writerow(
                ["" if c is None else str(c) if not isinstance(c, float) else repr(c) for c in r]
            )
        data = buf.getvalue()
        raw = data.encode(encoding, errors="replace" if encoding != "utf-8" else "strict")
        if bom:
            raw = b"\xef\xbb\xbf" + raw
        path.write_bytes(raw)


def write_xlsx(
    path: Path,
    sheets: list[tuple[str, Table]],
    money_cols: dict | None = None,
    date_fmt="yyyy-mm-dd",
):
    """sheets: (name, table).  Decimal cells are written as numbers; other cells as given."""
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    wb.set_properties({"created": datetime(2026, 12, 1, 8, 0, 0), "author": "set T"})
    fmt_money = wb.add_format({"num_format": "#,##0.00"})
    fmt_bold = wb.add_format({"bold": True})
    fmt_date = wb.add_format({"num_format": date_fmt})
    for name, t in sheets:
        ws = wb.add_worksheet(name)
        for r, rec in enumerate(t.records):
            bold = t.tags[r] is None and r < 8
            for c, v in enumerate(rec):
                if v is None or v == "":
                    continue
                if isinstance(v, Decimal):
                    ws.write_number(r, c, float(v), fmt_money)
                elif isinstance(v, bool):
                    ws.write_boolean(r, c, v)
                elif isinstance(v, (int, float)):
                    ws.write_number(r, c, v)
                elif hasattr(v, "year") and hasattr(v, "month"):
                    ws.write_datetime(r, c, v, fmt_date)
                else:
                    ws.write_string(r, c, str(v), fmt_bold if bold else None)
    wb.close()
