"""Fill a Leakage Finder workbook's Vendor and PSA sheets with export rows, as a user's paste would.

Used by the sample audit, the benchmark and tests. Numbers that Excel would turn into numbers on a
paste become numbers; everything else (ids with leading zeros, names, ``=HYPERLINK(…)``) stays text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import BytesIO

from addin import layout as spec
from addin.workbook.sheets_xlsx import text_safe_workbook
from addin.workbook.transplant import replace_sheets

_PLAIN_NUMBER = re.compile(r"^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$")
HINTS = {
    spec.VENDOR: "Paste the vendor bill below (from row 3, header row included), or use Import Vendor "
    "File… on the Leakage Finder tab. Title rows and totals rows are fine.",
    spec.PSA: "Paste the PSA export below (from row 3, header row included), or use Import PSA File… on "
    "the Leakage Finder tab. Title rows and totals rows are fine.",
}


def render_input_sheets(
    vendor_rows: Sequence[Sequence[object]], psa_rows: Sequence[Sequence[object]]
) -> bytes:
    buffer = BytesIO()
    book = text_safe_workbook(buffer)
    for name, rows in ((spec.VENDOR, vendor_rows), (spec.PSA, psa_rows)):
        sheet = book.add_worksheet(name)
        sheet.set_column(0, 40, 16)
        sheet.write_string(0, 0, HINTS[name])
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if (isinstance(value, str) and _PLAIN_NUMBER.match(value)) or isinstance(
                    value, int | float
                ):
                    sheet.write_number(r, c, float(value))
                else:
                    sheet.write_string(r, c, str(value))
    book.close()
    return buffer.getvalue()


def pasted_workbook(
    template: bytes, vendor_rows: Sequence[Sequence[object]], psa_rows: Sequence[Sequence[object]]
) -> bytes:
    """The template with the two exports pasted into its Vendor and PSA sheets (text in the shared
    string table, as Excel saves it)."""
    return replace_sheets(
        template, render_input_sheets(vendor_rows, psa_rows), name="template", shared_strings=True
    )
