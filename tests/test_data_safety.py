"""Issue 11: nothing the user typed or owns is ever lost, and no input crashes the tool.

Each test is one numbered reproduction from the issue (``test_NN_…``). The workbook is edited the
way a user would (openpyxl, standing in for Excel), and every result is read back independently.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addin import layout as spec
from addin.cli import EXIT_INPUT, EXIT_OK, main
from addin.sample.psa_exports import psa_rows
from addin.sample.scenario import make_scenario
from addin.sample.vendor_exports import vendor_rows
from addin.workbook.headless import reconcile_workbook
from addin.workbook.paste import pasted_workbook, render_input_sheets
from addin.workbook.transplant import replace_sheets
from engine.errors import LeakageFinderError
from engine.result import Result

ROOT = Path(__file__).resolve().parent.parent
VENDOR = (
    "Customer,Product,Qty,Unit Cost,Charge Start\n"
    "Contoso,Microsoft 365 E3,7,32.40,2025-08-01\n"
    "Fabrikam,Office 365 E3,2,20.70,2025-08-01\n"
)
PSA = (
    "Company,Description,Quantity,Price\nContoso,M365 E3,5,30.00\nFabrikam,Office 365 E3,2,25.00\n"
)


def rows_of(path: Path, sheet: str) -> list[list[object]]:
    return [[c.value for c in row] for row in openpyxl.load_workbook(path)[sheet].iter_rows()]


#: The Discrepancies header's sheet row (under the title and legend rows); the finding id column.
TOP = spec.DISCREPANCY_HEADER_ROW + 1
ID = spec.ID_HEADER


def discrepancy_rows(path: Path) -> list[dict[str, object]]:
    rows = rows_of(path, spec.DISCREPANCIES)[TOP - 1 :]
    header = [str(h) if h is not None else "" for h in rows[0]]
    found = [dict(zip(header, r, strict=False)) for r in rows[1:]]
    return [{**row, "id": row.get(ID)} for row in found]


def edit(path: Path, change: Callable[[openpyxl.Workbook], None]) -> None:
    """What a user does in Excel: open, change, save (openpyxl keeps the VBA project)."""
    book = openpyxl.load_workbook(path, keep_vba=True)
    change(book)
    book.save(path)


def repaste(path: Path, vendor: list[list[str]], psa: list[list[str]]) -> None:
    """Paste new Vendor and PSA sheets into the workbook (a new month's exports)."""
    path.write_bytes(
        replace_sheets(path.read_bytes(), render_input_sheets(vendor, psa), shared_strings=True)
    )


def set_decision(book: openpyxl.Workbook, finding_id: str, status: str, note: object) -> None:
    sheet = book[spec.DISCREPANCIES]
    header = [c.value for c in sheet[TOP]]
    for row in sheet.iter_rows(min_row=TOP + 1):
        if row[header.index(ID)].value == finding_id:
            row[header.index("Status")].value = status
            row[header.index("Note")].value = note
            return
    raise AssertionError(finding_id)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own: an abort (rc 134) cannot take the test runner with it."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from addin.cli import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd or ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture
def book_rows() -> tuple[list[list[str]], list[list[str]]]:
    scenario = make_scenario(30, seed=5)
    return vendor_rows(scenario, "partner_center"), psa_rows(scenario, "connectwise")


@pytest.fixture
def book(tmp_path: Path, template_bytes: bytes, book_rows: tuple[list, list]) -> Path:
    path = tmp_path / "Leakage.xlsm"
    path.write_bytes(pasted_workbook(template_bytes, *book_rows))
    return path


# --- 1–6: data loss -------------------------------------------------------------------------------


def test_01_a_decision_outlives_a_month_without_its_finding(
    book: Path, book_rows: tuple[list, list]
) -> None:
    vendor, psa = book_rows
    result = reconcile_workbook(book)
    finding = next(d for d in result.discrepancies if d.type == "unbilled" and d.client)
    edit(book, lambda b: set_decision(b, finding.id, "Ignore", "internal tenant, never billed"))
    without = [r for i, r in enumerate(vendor) if i + 3 not in finding.vendor_rows]
    repaste(book, without, psa)
    assert finding.id not in {d.id for d in reconcile_workbook(book).discrepancies}
    repaste(book, vendor, psa)  # next month the line is back
    back = reconcile_workbook(book)
    row = next(r for r in discrepancy_rows(book) if r["id"] == finding.id)
    assert (row["Status"], row["Note"]) == ("Ignore", "internal tenant, never billed")
    assert any("came back" in w for w in back.warnings), back.warnings


def test_02_deleting_the_id_column_keeps_every_decision(book: Path) -> None:
    result = reconcile_workbook(book)
    chosen = result.discrepancies[:3]

    def decide_and_delete_id(b: openpyxl.Workbook) -> None:
        for index, d in enumerate(chosen):
            set_decision(b, d.id, "Accepted", f"note {index}")
        sheet = b[spec.DISCREPANCIES]
        header = [c.value for c in sheet[TOP]]
        sheet.delete_cols(header.index(ID) + 1)

    edit(book, decide_and_delete_id)
    reconcile_workbook(book)
    rows = {r["id"]: r for r in discrepancy_rows(book)}
    for index, d in enumerate(chosen):
        assert (rows[d.id]["Status"], rows[d.id]["Note"]) == ("Accepted", f"note {index}")


def test_02b_deleting_status_and_note_columns_keeps_decisions_too(book: Path) -> None:
    result = reconcile_workbook(book)
    d = result.discrepancies[0]
    edit(book, lambda b: set_decision(b, d.id, "Fixed in PSA", "done"))
    reconcile_workbook(book)  # the decision is now in the store

    def delete_columns(b: openpyxl.Workbook) -> None:
        sheet = b[spec.DISCREPANCIES]
        header = [c.value for c in sheet[TOP]]
        sheet.delete_cols(header.index("Status") + 1, 2)

    edit(book, delete_columns)
    reconcile_workbook(book)
    row = next(r for r in discrepancy_rows(book) if r["id"] == d.id)
    assert (row["Status"], row["Note"]) == ("Fixed in PSA", "done")


def test_02c_a_column_the_user_adds_to_discrepancies_is_kept(book: Path) -> None:
    result = reconcile_workbook(book)
    d = result.discrepancies[1]

    def add_column(b: openpyxl.Workbook) -> None:
        sheet = b[spec.DISCREPANCIES]
        width = len(spec.DISCREPANCY_COLUMNS)
        header = [c.value for c in sheet[TOP]]
        sheet.insert_cols(width + 1)  # a column right of the table
        sheet.cell(TOP, width + 1).value = "Owner"
        for row in sheet.iter_rows(min_row=TOP + 1):
            if row[header.index(ID)].value == d.id:
                sheet.cell(row[0].row, width + 1).value = 1234

    edit(book, add_column)
    reconcile_workbook(book)
    row = next(r for r in discrepancy_rows(book) if r["id"] == d.id)
    assert row["Owner"] == 1234


def test_03_client_aliases_updated_in_place(book: Path) -> None:
    def aliases(b: openpyxl.Workbook) -> None:
        sheet = b[spec.CLIENT_ALIASES]
        sheet.insert_rows(1)
        sheet.cell(1, 1).value = "Our client spellings (kept by finance)"
        sheet.cell(2, 4).value = "Comment"
        sheet.append([12345, "Contoso", "me", "tenant number"])
        sheet.append(["Some Vendor Name Pty Ltd", "Some PSA Name", "me", "agreed with sales"])

    edit(book, aliases)
    result = reconcile_workbook(book)
    rows = rows_of(book, spec.CLIENT_ALIASES)
    assert rows[0][0] == "Our client spellings (kept by finance)"
    assert rows[1][:4] == ["Vendor spelling", "PSA spelling", "Added by", "Comment"]
    assert rows[2][:4] == [12345, "Contoso", "me", "tenant number"]  # still the number 12345
    assert rows[3][:4] == ["Some Vendor Name Pty Ltd", "Some PSA Name", "me", "agreed with sales"]
    assert sum(r[0] == "Vendor spelling" for r in rows) == 1
    learned = [r for r in rows[4:] if r[0]]
    fuzzy = {m.vendor_name for m in result.client_matches if m.method in ("fuzzy", "domain")}
    assert {r[0] for r in learned} == fuzzy and all(
        str(r[2]).startswith("Reconcile (") for r in learned
    )


def test_03b_a_numeric_note_stays_a_number(book: Path) -> None:
    result = reconcile_workbook(book)
    d = result.discrepancies[0]
    edit(book, lambda b: set_decision(b, d.id, "Open", 42))
    reconcile_workbook(book)
    reconcile_workbook(book)
    row = next(r for r in discrepancy_rows(book) if r["id"] == d.id)
    assert row["Note"] == 42


def test_04_a_read_only_workbook_is_refused(book: Path) -> None:
    before = book.read_bytes()
    book.chmod(0o444)
    try:
        with pytest.raises(LeakageFinderError, match="read-only"):
            reconcile_workbook(book)
        assert main(["reconcile", "--workbook", str(book), "--quiet"]) == EXIT_INPUT
        assert book.read_bytes() == before
    finally:
        book.chmod(0o644)


@pytest.mark.parametrize("name", ["vendor.csv", "copy.xlsx", "report.json"])
def test_05_out_with_the_wrong_extension_is_refused(book: Path, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.write_text("precious,data\n1,2\n")
    code = main(["reconcile", "--workbook", str(book), "--out", str(target), "--quiet"])
    assert code == EXIT_INPUT
    assert target.read_text() == "precious,data\n1,2\n"


def test_05b_an_output_naming_an_input_is_refused(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    vendor, psa = write("v.csv", VENDOR), write("p.csv", PSA)
    for flag in ("--csv", "--json"):
        code = main(["reconcile", "--vendor", str(vendor), "--psa", str(psa), flag, str(psa)])
        assert code == EXIT_INPUT, flag
        assert psa.read_text() == PSA
    assert "input" in capsys.readouterr().err


def test_06_temporary_files_are_cleaned_now_and_on_the_next_run(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = book.with_name(f".{book.name}.k1ll3d.tmp")
    stale.write_bytes(b"x" * 1000)  # what a killed run leaves
    reconcile_workbook(book)
    assert not stale.exists()

    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(LeakageFinderError, match="space"):
        reconcile_workbook(book)
    assert sorted(p.name for p in book.parent.iterdir()) == [book.name]


# --- 7–11: crashes become one line and exit 3 -----------------------------------------------------


@pytest.mark.parametrize("cell", ["XFD1048576", "XFD60000"])
def test_07_a_stray_far_cell_is_refused_before_a_dense_grid(
    book: Path, tmp_path: Path, cell: str
) -> None:
    edit(book, lambda b: b[spec.VENDOR].__setitem__(cell, "x"))
    done = run_cli("reconcile", "--workbook", str(book), "--quiet")
    assert done.returncode == EXIT_INPUT, done.stderr[-2000:]
    assert cell in done.stderr and "Traceback" not in done.stderr
    xlsx = tmp_path / "bill.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    for line in VENDOR.splitlines():
        sheet.append(line.split(","))
    sheet[cell] = "x"
    wb.save(xlsx)
    (book.parent / "p.csv").write_text(PSA)
    done = run_cli("reconcile", "--vendor", str(xlsx), "--psa", str(book.parent / "p.csv"))
    assert done.returncode == EXIT_INPUT, done.stderr[-2000:]
    assert cell in done.stderr


def test_07c_a_full_sheet_of_a_wide_export_is_within_the_cell_limit() -> None:
    """A real Partner Center export (~50 columns) filling Excel's every row is read, not refused as
    a stray cell (the limit used to be 25M cells: 1,048,576 × 24 columns)."""
    from engine.read import limits

    assert limits.MAX_ROWS * 50 <= limits.MAX_CELLS < limits.MAX_ROWS * 100
    assert limits.MAX_CELLS < 60_000 * 16_384  # XFD60000 (test 07) is still refused
    # a workbook reconciled at the row limit (23 columns) unpacks to 2,248 MB: it opens again
    assert limits.MAX_UNPACKED_BYTES >= 2 * 2_248_000_000


def test_07d_a_big_used_range_must_be_mostly_the_table(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above SPARSE_CELLS, a used range most of whose cells are blank is a stray cell far below the
    table: refused before calamine builds a grid of blanks, naming the range; the same sheet without
    it, its range as large but filled, is read."""
    from engine.read import limits

    rows = len(rows_of(book, spec.VENDOR))
    width = len(rows_of(book, spec.VENDOR)[0])
    monkeypatch.setattr(limits, "SPARSE_CELLS", rows * width // 2)
    reconcile_workbook(book, out=book.parent / "filled.xlsm")  # filled: read as always
    stray = rows * limits.LEAST_FILLED + 5
    edit(book, lambda b: b[spec.VENDOR].__setitem__(f"A{stray}", "x"))
    with pytest.raises(LeakageFinderError, match=r"only .* cells hold anything") as refused:
        reconcile_workbook(book)
    assert f"{stray:,} rows × {width} columns" in str(refused.value)


@pytest.mark.parametrize("value", ["123456789012345678901234567", "1e300", "-1E+300"])
def test_08_absurd_numbers_are_refused_in_one_line(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str], value: str
) -> None:
    for column in (2, 3):  # quantity, then unit cost
        lines = VENDOR.splitlines()
        cells = lines[1].split(",")
        cells[column] = value
        lines[1] = ",".join(cells)
        vendor = write("v.csv", "\n".join(lines) + "\n")
        code = main(["reconcile", "--vendor", str(vendor), "--psa", str(write("p.csv", PSA))])
        err = capsys.readouterr().err
        assert code == EXIT_INPUT, err
        assert "too large" in err and "Traceback" not in err


def test_08b_absurd_numbers_in_a_workbook(tmp_path: Path, template_bytes: bytes) -> None:
    vendor = [line.split(",") for line in VENDOR.splitlines()]
    psa = [line.split(",") for line in PSA.splitlines()]
    vendor[1][3] = 1e300  # a real number cell
    path = tmp_path / "b.xlsm"
    path.write_bytes(pasted_workbook(template_bytes, vendor, psa))
    with pytest.raises(LeakageFinderError, match="too large"):
        reconcile_workbook(path)


def test_09_nan_in_settings_is_refused(book: Path) -> None:
    def nan(b: openpyxl.Workbook) -> None:
        sheet = b[spec.SETTINGS]
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "Critical at ($/month)":
                    sheet.cell(cell.row, cell.column + 1).value = "NaN"
                if cell.value == "Leakage target (%)":
                    sheet.cell(cell.row, cell.column + 1).value = "inf"

    edit(book, nan)
    with pytest.raises(LeakageFinderError, match="critical") as caught:
        reconcile_workbook(book)
    assert "target" in str(caught.value)


@pytest.mark.parametrize(
    "content",
    [
        '{"severity_thresholds": [1, 2, 3]}',
        '{"client_aliases": ["Contoso", "Contoso Ltd"]}',
        '{"vendor": "Seats"}',
        '{"exclude_psa_products": 5}',
        '{"severity_thresholds": {"critical": "NaN", "high": 1, "medium": 0}}',
        '{"leakage_target_percent": {"a": 1}}',
        '{"period": 202508}',
        '{"psa": {"quantity": ["Qty"]}}',
    ],
)
def test_09b_mapping_files_of_the_wrong_shape(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str], content: str
) -> None:
    mapping = write("m.json", content)
    code = main(
        [
            "reconcile",
            "--vendor",
            str(write("v.csv", VENDOR)),
            "--psa",
            str(write("p.csv", PSA)),
            "--mapping",
            str(mapping),
        ]
    )
    err = capsys.readouterr().err
    assert code == EXIT_INPUT, err
    assert "m.json" in err and "Traceback" not in err


def test_09c_a_mapping_file_saved_as_utf16_by_notepad(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    content = '{"psa": {"quantity": "Quantity"}}'
    mapping = write("m.json", b"\xff\xfe" + content.encode("utf-16-le"))
    args = ["reconcile", "--vendor", str(write("v.csv", VENDOR)), "--psa", str(write("p.csv", PSA))]
    assert main([*args, "--mapping", str(mapping)]) == EXIT_OK, capsys.readouterr().err


def test_10_output_paths_that_cannot_be_files(
    write: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["reconcile", "--vendor", str(write("v.csv", VENDOR)), "--psa", str(write("p.csv", PSA))]
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    a_file = write("plain.txt", "x")
    for extra in (
        ["--csv", str(folder)],
        ["--out", str(tmp_path / "folder.xlsx")],
        ["--csv", str(a_file / "d.csv")],
        ["--json", str(a_file / "s.json")],
    ):
        if extra[1].endswith("folder.xlsx"):
            (tmp_path / "folder.xlsx").mkdir()
        code = main([*args, *extra, "--quiet"])
        err = capsys.readouterr().err
        assert code == EXIT_INPUT, (extra, err)
        assert "Traceback" not in err
    assert a_file.read_text() == "x"


def test_10b_sample_with_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sample", "--clients", "0", "--out", str(tmp_path / "s"), "--quiet"]) in (2, 3)
    existing = tmp_path / "taken.txt"
    existing.write_text("mine")
    assert main(["sample", "--out", str(existing), "--quiet"]) == EXIT_INPUT
    assert existing.read_text() == "mine"
    assert "Traceback" not in capsys.readouterr().err


def _damage_part(path: Path, part: str, how: str) -> None:
    """Flip bytes inside one part's compressed data, or set its 'encrypted' flag."""
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    start = info.header_offset
    name_length, extra_length = (
        int.from_bytes(raw[start + 26 : start + 28], "little"),
        int.from_bytes(raw[start + 28 : start + 30], "little"),
    )
    data = start + 30 + name_length + extra_length
    if how == "encrypted":
        raw[start + 6] |= 0x01  # local header
        for offset in range(len(raw) - 4):
            if raw[offset : offset + 4] == b"PK\x01\x02":
                name_len = int.from_bytes(raw[offset + 28 : offset + 30], "little")
                if raw[offset + 46 : offset + 46 + name_len] == part.encode():
                    raw[offset + 8] |= 0x01
    else:
        raw[data] |= 0x06  # block type 3 does not exist: zlib.error when the part is inflated
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize("how", ["deflate", "encrypted"])
@pytest.mark.parametrize(
    "part",
    ["xl/worksheets/sheet2.xml", "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"],
)
def test_11_damaged_or_encrypted_parts(
    book: Path, capsys: pytest.CaptureFixture[str], how: str, part: str
) -> None:
    _damage_part(book, part, how)
    before = book.read_bytes()
    code = main(["reconcile", "--workbook", str(book), "--quiet"])
    err = capsys.readouterr().err
    assert code == EXIT_INPUT, err
    assert "Traceback" not in err and err.count("\n") == 1
    if how == "encrypted":
        assert "encrypted" in err
    assert book.read_bytes() == before


# --- 12–15: silently wrong ------------------------------------------------------------------------


def test_12_two_columns_with_the_same_header_are_not_silently_picked(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    vendor = (
        "Customer,Product,BillableQuantity,Unit Cost,BillableQuantity\n"
        "Contoso,Microsoft 365 E3,7000,32.40,7\n"
        "Fabrikam,Office 365 E3,2000,20.70,2\n"
    )
    code = main(
        ["reconcile", "--vendor", str(write("v.csv", vendor)), "--psa", str(write("p.csv", PSA))]
    )
    err = capsys.readouterr().err
    assert code == EXIT_INPUT, err
    assert "BillableQuantity" in err and "C" in err and "E" in err


def test_13_output_cells_are_clipped_to_excels_limit(tmp_path: Path, template_bytes: bytes) -> None:
    vendor = [line.split(",") for line in VENDOR.splitlines()]
    psa = [line.split(",") for line in PSA.splitlines()]
    giant = "Contoso " + "x" * 32_700
    vendor[1][0] = giant
    vendor.append([giant + "2", "Office 365 E3", "3", "20.70", "2025-08-01"])
    path = tmp_path / "b.xlsm"
    path.write_bytes(pasted_workbook(template_bytes, vendor, psa))
    reconcile_workbook(path)
    book = openpyxl.load_workbook(path)
    longest = 0
    clipped = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    longest = max(longest, len(cell.value))
                    clipped += "[clipped" in cell.value
    assert longest <= 32_767
    assert clipped >= 1


def test_14_one_row_limit_for_both_paths(
    write: Callable[..., Path],
    tmp_path: Path,
    template_bytes: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from engine.read import limits as readers

    assert readers.MAX_ROWS == 1_048_576  # Excel's own sheet limit, for files and workbooks alike
    monkeypatch.setattr(readers, "MAX_ROWS", 5)
    lines = VENDOR.splitlines()
    many = [lines[0]] + [lines[1]] * 8
    with pytest.raises(LeakageFinderError, match="more than 5 rows") as from_file:
        from engine.reconcile import reconcile

        reconcile(write("v.csv", "\n".join(many) + "\n"), write("p.csv", PSA))
    path = tmp_path / "b.xlsm"
    path.write_bytes(
        pasted_workbook(
            template_bytes, [m.split(",") for m in many], [p.split(",") for p in PSA.splitlines()]
        )
    )
    with pytest.raises(LeakageFinderError, match="more than 5 rows") as from_book:
        reconcile_workbook(path)
    assert type(from_file.value) is type(from_book.value)


def test_14b_both_paths_read_numbers_alike(
    write: Callable[..., Path], tmp_path: Path, template_bytes: bytes
) -> None:
    from engine.reconcile import reconcile

    lines = [line.split(",") for line in VENDOR.splitlines()]
    lines[1][2] = "7e0"
    lines[2][3] = "2.07E1"
    text = "\n".join(",".join(r) for r in lines) + "\n"
    from_file = reconcile(write("v.csv", text), write("p.csv", PSA))
    numeric = [list(r) for r in lines]
    numeric[1][2], numeric[2][3] = 7.0, 20.7  # as Excel stores what was typed
    path = tmp_path / "b.xlsm"
    path.write_bytes(
        pasted_workbook(template_bytes, numeric, [p.split(",") for p in PSA.splitlines()])
    )
    from_book = reconcile_workbook(path)

    def key(result: Result) -> list[tuple[str, str, object]]:
        return [(d.type, d.client, d.monthly_impact) for d in result.discrepancies]

    assert key(from_file) == key(from_book) and key(from_file)
    assert from_file.kpis.vendor_lines_reconciled == 2


def test_15_messages_say_what_is_really_wrong(
    write: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vendor, psa = write("v.csv", VENDOR), write("p.csv", PSA)
    assert main(["reconcile", "--workbook", str(vendor), "--quiet"]) == EXIT_INPUT
    assert "--vendor" in capsys.readouterr().err
    yaml = write("m.yaml", "vendor:\n  quantity: Seats\n")
    assert (
        main(["reconcile", "--vendor", str(vendor), "--psa", str(psa), "--mapping", str(yaml)])
        == EXIT_INPUT
    )
    err = capsys.readouterr().err
    assert ".json" in err and ".toml" in err and "not valid YAML" not in err
    encrypted = write("book.xlsm", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    assert main(["reconcile", "--workbook", str(encrypted), "--quiet"]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "password" in err and "damaged" not in err
    code = main(["reconcile", "--vendor", str(vendor), "--psa", str(psa), "--period", "2019-01"])
    assert code == EXIT_OK
    assert "2019-01" in capsys.readouterr().out


def test_15b_a_folder_that_cannot_be_written_is_not_blamed_on_excel(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(LeakageFinderError) as caught:
        reconcile_workbook(book)
    message = str(caught.value)
    assert "folder" in message and "Excel" not in message


def test_out_stays_writable_for_a_normal_copy(book: Path, tmp_path: Path) -> None:
    """The refusals above leave the ordinary --out copy alone."""
    assert (
        main(["reconcile", "--workbook", str(book), "--out", str(tmp_path / "c.xlsm"), "--quiet"])
        == 0
    )
    assert stat.S_IMODE((tmp_path / "c.xlsm").stat().st_mode) & 0o200


_JSON = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(allow_nan=False),
        st.text(max_size=8),
        st.sampled_from(["NaN", "Infinity", "-1e400", "2025-08", "quantity", "Seats"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
_KEYS = st.sampled_from(
    [
        "vendor",
        "psa",
        "severity_thresholds",
        "leakage_target_percent",
        "client_aliases",
        "product_aliases",
        "vendor_mapping",
        "psa_mapping",
        "period",
        "exclude_psa_products",
    ]
)


@settings(max_examples=300, deadline=None, database=None)
@given(
    data=st.dictionaries(_KEYS, _JSON, max_size=4), encoding=st.sampled_from(["utf-8", "utf-16"])
)
def test_09d_mapping_files_of_any_shape_never_crash(data: dict[str, object], encoding: str) -> None:
    """Any JSON a user can save under a mapping file's keys: settings, or one SettingsError."""
    import json
    import tempfile

    from engine.errors import SettingsError
    from engine.settings import load_settings_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.json"
        path.write_bytes(json.dumps(data).encode(encoding))
        try:
            load_settings_file(path)
        except SettingsError as error:
            assert "\n" not in str(error)
