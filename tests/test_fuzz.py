"""Fuzzing: the readers and the whole engine under thousands of generated inputs.

The only exceptions allowed out are our own (LeakageFinderError): anything else is a crash. Counts are
set for CI; raise LF_FUZZ_SCALE (e.g. 10) for a longer local run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.errors import LeakageFinderError
from engine.read.files import read_source
from engine.read.header import locate_header
from engine.read.text_files import read_csv
from engine.reconcile import reconcile

SCALE = int(os.environ.get("LF_FUZZ_SCALE", "1"))
FUZZ = {
    "deadline": None,
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
}
VOCABULARY = [
    "CustomerName",
    "Company",
    "Product",
    "Description",
    "Quantity",
    "Qty",
    "Unit Cost",
    "Price",
    "EffectiveUnitPrice",
    "BillingFrequency",
    "Status",
    "Cancelled",
    "Bill",
    "Total",
    "Grand Total",
    "Annual",
    "Monthly",
    "Office 365 E3",
    "Microsoft 365 E3",
    "Contoso",
    "=1+1",
    "$1,234.50",
    "(12.00)",
    "1.234,50",
    "N/A",
    "#REF!",
    "TBD",
    "",
    " ",
    "\u00a0",
    "2025-08-01",
    "30-AUG-2025",
    "<html>",
    '"',
    "'",
    ";",
    "\t",
    "\n",
    "P1Y:CFQ7TTC0LCHC:0002:1:",
    "-1",
    "0",
    "10 seats",
    "🚀",
    "\u200b",
    "Ünïcödé",
]
cell = st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=12))
grid = st.lists(st.lists(cell, min_size=0, max_size=8), min_size=0, max_size=12)


def _csv_text(rows: list[list[str]], delimiter: str) -> str:
    return "\n".join(delimiter.join(row) for row in rows)


def read_or_refuse(data: bytes) -> None:
    with contextlib.suppress(LeakageFinderError):
        locate_header(read_csv(data, name="fuzz.csv"))


@settings(max_examples=1500 * SCALE, **FUZZ)  # type: ignore[arg-type]
@given(data=st.binary(max_size=400))
def test_csv_reader_on_arbitrary_bytes(data: bytes) -> None:
    read_or_refuse(data)


@settings(max_examples=1500 * SCALE, **FUZZ)  # type: ignore[arg-type]
@given(
    rows=grid,
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_csv_reader_on_structured_text(
    rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    read_or_refuse(_csv_text(rows, delimiter).encode(encoding, errors="replace"))


xlsx_cell = st.one_of(
    cell,
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
    st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2090, 1, 1)),
)


@settings(max_examples=150 * SCALE, **FUZZ)  # type: ignore[arg-type]
@given(rows=st.lists(st.lists(xlsx_cell, max_size=6), max_size=10))
def test_xlsx_reader_on_generated_workbooks(tmp_path: Path, rows: list[list[object]]) -> None:
    path = tmp_path / "fuzz.xlsx"
    book = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False}
    )
    sheet = book.add_worksheet()
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.datetime):
                sheet.write_datetime(r, c, value, date_format)
            elif isinstance(value, str):
                sheet.write_string(r, c, value[:1000])
            elif value is not None:
                sheet.write(r, c, value)
    book.close()
    with contextlib.suppress(LeakageFinderError):
        locate_header(read_source(path))


@settings(max_examples=300 * SCALE, **FUZZ)  # type: ignore[arg-type]
@given(data=st.binary(max_size=300))
def test_xlsx_reader_on_damaged_packages(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", data[:100])
        archive.writestr("xl/workbook.xml", data[100:])
    path.write_bytes(buffer.getvalue() if data[:1] != b"\x00" else b"PK\x03\x04" + data)
    with contextlib.suppress(LeakageFinderError):
        read_source(path)


header_row = st.lists(st.sampled_from(VOCABULARY[:10]), min_size=3, max_size=7)
body = st.lists(st.lists(cell, min_size=3, max_size=7), min_size=1, max_size=15)


@settings(max_examples=400 * SCALE, **FUZZ)  # type: ignore[arg-type]
@given(vendor_header=header_row, vendor_body=body, psa_header=header_row, psa_body=body)
def test_reconcile_on_generated_exports(
    tmp_path: Path,
    vendor_header: list[str],
    vendor_body: list[list[str]],
    psa_header: list[str],
    psa_body: list[list[str]],
) -> None:
    vendor, psa = tmp_path / "v.csv", tmp_path / "p.csv"
    vendor.write_text(_csv_text([vendor_header, *vendor_body], ","), encoding="utf-8")
    psa.write_text(_csv_text([psa_header, *psa_body], ","), encoding="utf-8")
    try:
        result = reconcile(vendor, psa)
    except LeakageFinderError:
        return
    k = result.kpis
    assert (
        k.vendor_lines_reconciled + sum(e.side == "vendor" for e in result.excluded)
        == k.vendor_lines
    )
    assert k.psa_lines_reconciled + sum(e.side == "psa" for e in result.excluded) == k.psa_lines
