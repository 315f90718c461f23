"""The headless in-workbook path: outputs written, everything else byte-for-byte, decisions kept."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from addin import layout as spec
from addin.sample.psa_exports import psa_rows
from addin.sample.scenario import make_scenario
from addin.sample.vendor_exports import vendor_rows
from addin.workbook.headless import archive_month, reconcile_workbook
from addin.workbook.paste import pasted_workbook
from addin.workbook.review_log import fingerprint, sampled
from engine.errors import EmptyInputError, WrongSideError
from tests.conftest import office_convert


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sheet_parts(path: Path) -> dict[str, str]:
    """sheet name → part name, read with openpyxl's own package reader (independent of ours)."""
    from openpyxl.packaging.manifest import Manifest  # noqa: F401  (keeps openpyxl's reader importable)
    from openpyxl.reader.workbook import WorkbookParser

    with zipfile.ZipFile(path) as archive:
        parser = WorkbookParser(archive, "xl/workbook.xml")
        parser.parse()
        return {sheet.name: rel.target.lstrip("/") for sheet, rel in parser.find_sheets()}


def test_outputs_written_and_everything_else_kept_byte_for_byte(sample_book: Path) -> None:
    before = parts(sample_book)
    reconcile_workbook(sample_book)
    after = parts(sample_book)
    names = sheet_parts(sample_book)
    for sheet in (
        spec.START,
        spec.VENDOR,
        spec.PSA,
        spec.SETTINGS,
        spec.PRODUCT_ALIASES,
        spec.HISTORY,
    ):  # (Client Aliases may gain confirmed matches: its own test)
        assert after[names[sheet]] == before[names[sheet]], sheet
    for part in (
        "xl/vbaProject.bin",
        "customUI/customUI.xml",
        "_rels/.rels",
        "xl/sharedStrings.xml",
        "xl/theme/theme1.xml",
    ):
        assert after[part] == before[part], part
    with zipfile.ZipFile(sample_book) as archive:
        assert archive.testzip() is None  # every part's CRC and size, the early-deflated included
    book = openpyxl.load_workbook(sample_book, keep_vba=True)
    assert book.sheetnames[-5:] == [*spec.OUTPUT_SHEETS, *spec.WORKBOOK_MONTH_SHEETS]
    assert "LF_Discrepancies" in book[spec.DISCREPANCIES].tables
    for name in (spec.DISCREPANCIES, spec.MATCHES, spec.EXCLUDED):
        sheet = book[name]  # each table (and its filter) spans every row written, no more
        (table,) = sheet.tables.values()
        assert table.ref == table.autoFilter.ref
        top = spec.DISCREPANCY_HEADER_ROW + 1 if name == spec.DISCREPANCIES else 1
        assert re.fullmatch(rf"A{top}:[A-Z]+{sheet.max_row}", table.ref), (name, table.ref)
        assert sheet.max_row > 3 and sheet.cell(sheet.max_row, 1).value not in (None, ""), name
    top = spec.DISCREPANCY_HEADER_ROW + 1  # under the title and the legend, all frozen
    assert book[spec.DISCREPANCIES].freeze_panes == f"A{top + 1}"
    header = [c.value for c in book[spec.DISCREPANCIES][top]]
    assert header == [c.header for c in spec.DISCREPANCY_COLUMNS]


def test_confirmed_fuzzy_matches_are_added_to_client_aliases_once(sample_book: Path) -> None:
    book = openpyxl.load_workbook(sample_book, keep_vba=True)  # the user's own alias row first
    book[spec.CLIENT_ALIASES].append(["Some Vendor Name Pty Ltd", "Some PSA Name", "me"])
    book.save(sample_book)
    result = reconcile_workbook(sample_book)
    fuzzy = {
        m.vendor_name: m.psa_name for m in result.client_matches if m.method in ("fuzzy", "domain")
    }
    assert fuzzy, "the sample has typos that only fuzzy matching finds"
    rows = [
        [c.value for c in row]
        for row in openpyxl.load_workbook(sample_book)[spec.CLIENT_ALIASES].iter_rows()
    ]
    assert rows[0] == ["Vendor spelling", "PSA spelling", "Added by"]
    assert rows[1] == ["Some Vendor Name Pty Ltd", "Some PSA Name", "me"]
    assert {r[0]: r[1] for r in rows[2:]} == fuzzy and all(
        r[2].startswith("Reconcile (") for r in rows[2:]
    )
    again = reconcile_workbook(sample_book)  # now they match by alias, and nothing is added twice
    assert {m.method for m in again.client_matches if m.vendor_name in fuzzy} == {"alias"}
    assert openpyxl.load_workbook(sample_book)[spec.CLIENT_ALIASES].max_row == len(rows)


def test_rerun_is_stable_and_keeps_status_and_note(sample_book: Path) -> None:
    reconcile_workbook(sample_book)
    book = openpyxl.load_workbook(sample_book, keep_vba=True)  # the user types decisions and saves
    sheet = book[spec.DISCREPANCIES]
    top = spec.DISCREPANCY_HEADER_ROW + 1
    header = [c.value for c in sheet[top]]
    status, note, ident = (
        header.index(spec.STATUS_HEADER) + 1,
        header.index(spec.NOTE_HEADER) + 1,
        header.index(spec.ID_HEADER) + 1,
    )
    sheet.cell(top + 1, status).value, sheet.cell(top + 1, note).value = (
        "Fixed in PSA",
        "client agreed, =not a formula",
    )
    finding = sheet.cell(top + 1, ident).value
    book.save(sample_book)
    reconcile_workbook(sample_book)
    second = parts(sample_book)
    again = openpyxl.load_workbook(sample_book)
    rows = [[c.value for c in row] for row in again[spec.DISCREPANCIES].iter_rows(min_row=top + 1)]
    kept = next(r for r in rows if r[ident - 1] == finding)
    assert (kept[status - 1], kept[note - 1]) == ("Fixed in PSA", "client agreed, =not a formula")
    label = next(c for row in again[spec.KPIS].iter_rows() for c in row if c.value == "Corrections")
    assert again[spec.KPIS].cell(label.row + 1, label.column).value == 1
    # a third run changes nothing but the time tile
    reconcile_workbook(sample_book)
    third = parts(sample_book)
    names = sheet_parts(sample_book)
    for sheet_name in (spec.MATCHES, spec.EXCLUDED):
        assert third[names[sheet_name]] == second[names[sheet_name]]
    assert third["xl/styles.xml"] == second["xl/styles.xml"]  # styles are reused, not appended


def test_failed_run_leaves_the_workbook_as_it_was(tmp_path: Path, template_bytes: bytes) -> None:
    path = tmp_path / "empty.xlsm"
    path.write_bytes(template_bytes)
    with pytest.raises(EmptyInputError, match="sheet is empty"):
        reconcile_workbook(path)
    assert path.read_bytes() == template_bytes
    assert [p.name for p in tmp_path.iterdir()] == ["empty.xlsm"]  # no temporary file left behind


@pytest.mark.parametrize(
    ("vendor_sheet", "psa_sheet", "error", "message"),
    [
        ("empty", "empty", EmptyInputError, "sheet 'Vendor': the sheet is empty"),
        ("vendor", "empty", EmptyInputError, "sheet 'PSA': the sheet is empty"),
        ("psa", "psa", WrongSideError, "exactly the same data"),
        ("vendor", "vendor", WrongSideError, "exactly the same data"),
        (
            "psa",
            "vendor",
            WrongSideError,
            "sheet 'PSA' was given as the PSA export but looks like a vendor",
        ),
        ("vendor", "services", EmptyInputError, "none can be reconciled"),
    ],
)
def test_errors_come_in_the_order_of_a_sequential_run(
    tmp_path: Path,
    template_bytes: bytes,
    vendor_sheet: str,
    psa_sheet: str,
    error: type[Exception],
    message: str,
) -> None:
    """The PSA sheet is read and typed while the Vendor sheet loads, but the vendor sheet's problem
    is still the one reported first, and a PSA problem is only raised once the vendor side is fine."""
    scenario = make_scenario(15, seed=4)
    contents = {
        "empty": [],
        "vendor": vendor_rows(scenario, "partner_center"),
        "psa": psa_rows(scenario, "autotask"),
        "services": [
            ["Company", "Product", "Quantity", "Unit Price"],
            ["Contoso", "Onsite labour", "3", "95.00"],
        ],
    }
    path = tmp_path / "book.xlsm"
    path.write_bytes(pasted_workbook(template_bytes, contents[vendor_sheet], contents[psa_sheet]))
    with pytest.raises(error, match=message):
        reconcile_workbook(path)


def test_out_writes_a_copy_and_leaves_the_source(sample_book: Path, tmp_path: Path) -> None:
    before = sample_book.read_bytes()
    reconcile_workbook(sample_book, out=tmp_path / "copy.xlsm")
    assert sample_book.read_bytes() == before
    assert openpyxl.load_workbook(tmp_path / "copy.xlsm").sheetnames[-1] == spec.PRICES


def test_export_text_is_never_a_formula(tmp_path: Path, template_bytes: bytes) -> None:
    scenario = make_scenario(20, seed=2)
    vendor = vendor_rows(scenario, "partner_center")
    psa = psa_rows(scenario, "connectwise")
    hostile = ['=HYPERLINK("http://x","click")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "=1+1"]
    for offset, text in enumerate(hostile, start=1):
        vendor[offset][2] = text  # CustomerName
        psa[offset][3] = text  # Description
    path = tmp_path / "hostile.xlsm"
    path.write_bytes(pasted_workbook(template_bytes, vendor, psa))
    reconcile_workbook(path)
    package = parts(path)
    assert not any(
        b"<f>" in data or b"<f " in data
        for name, data in package.items()
        if name.startswith("xl/worksheets/")
    )
    book = openpyxl.load_workbook(path)
    values = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}
    assert set(hostile) <= values


def test_no_autorun_macro_and_no_external_links_after_writing(sample_book: Path) -> None:
    reconcile_workbook(sample_book)
    package = parts(sample_book)
    assert not any(n.startswith("xl/externalLinks/") for n in package)
    assert all(b'TargetMode="External"' not in v for k, v in package.items() if k.endswith(".rels"))
    assert b"ui/extensibility" in package["_rels/.rels"]


def test_archive_month(sample_book: Path) -> None:
    reconcile_workbook(sample_book)
    archive = archive_month(sample_book)
    assert archive.name == "Leakage - Leakage 2025-08.xlsx"
    copy = openpyxl.load_workbook(archive)
    assert copy.sheetnames == [*spec.OUTPUT_SHEETS, *spec.MONTH_SHEETS, spec.VENDOR, spec.PSA]
    assert not any(
        c.data_type == "f" for ws in copy.worksheets for row in ws.iter_rows() for c in row
    )
    history = openpyxl.load_workbook(sample_book)[spec.HISTORY]
    assert next(c.value for c in history[2]) == "2025-08"
    archive_month(sample_book)  # archiving the same month again replaces its row
    assert openpyxl.load_workbook(sample_book)[spec.HISTORY].max_row == 2


def test_libreoffice_opens_the_reconciled_workbook(sample_book: Path, tmp_path: Path) -> None:
    reconcile_workbook(sample_book)
    pdf = office_convert(sample_book, "pdf", tmp_path / "pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_pasted_text_sits_once_in_the_shared_string_table(template_bytes: bytes) -> None:
    """The benchmark's and tests' pasted workbooks hold text as Excel saves it: one shared-string
    table, each pasted string once, both sheets pointing into it."""

    def items(book: bytes) -> list[str]:
        with zipfile.ZipFile(io.BytesIO(book)) as archive:
            table = archive.read("xl/sharedStrings.xml").decode("utf-8")
        return re.findall(r"<si>(.*?)</si>", table, re.DOTALL)

    scenario = make_scenario(12, seed=3)
    book = pasted_workbook(
        template_bytes, vendor_rows(scenario, "pax8"), psa_rows(scenario, "halopsa")
    )
    template, pasted = items(template_bytes), items(book)
    assert pasted[: len(template)] == template
    added = pasted[len(template) :]
    assert added and len(added) == len(set(added))


@given(
    st.lists(
        st.lists(st.sampled_from(["", " ", None, "Contoso", "E3", 5, 2.5]), max_size=4),
        max_size=80,
    )
)
def test_the_rows_kept_for_the_log_give_the_fingerprint_of_the_whole_sheet(
    cells: list[list[object]],
) -> None:
    """A run keeps only the first and last rows with data of each pasted sheet for the Activity
    Log: its fingerprint must be the whole sheet's, blank rows and short sheets included."""
    kept = sampled(cells)
    assert fingerprint(kept) == fingerprint(cells)
    assert len(kept) <= len(cells)
    if sum(1 for row in cells if any(str(v or "").strip() for v in row)) > 60:
        assert len(kept) < len(cells)  # a long sheet is cut


def test_a_long_pasted_sheet_is_kept_as_its_first_and_last_rows_for_the_log() -> None:
    cells: list[list[object]] = [[f"row {i}", i] if i % 7 else ["", None] for i in range(500)]
    kept = sampled(cells)
    assert fingerprint(kept) == fingerprint(cells)
    assert kept[0] == cells[0] and kept[-1] == cells[-1] and 50 <= len(kept) <= 60
