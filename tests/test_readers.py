"""Reading exports as they come: encodings, delimiters, title rows, totals, workbooks, refusals."""

from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import EmptyInputError, UnreadableFileError
from engine.read.files import read_source
from engine.read.header import locate_header

CSV = "Customer,Product,Qty,Cost\nCafé Müller,Office 365 E3,5,20.70\nNorthwind,Microsoft 365 E3,2,32.40\n"


@pytest.mark.parametrize(
    "encoding,bom",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1252", b""),
        ("utf-16-le", b""),
    ],
)
def test_encodings(write: Callable[..., Path], encoding: str, bom: bytes) -> None:
    path = write("v.csv", bom + CSV.encode(encoding))
    table = locate_header(read_source(path))
    assert table.headers == ["Customer", "Product", "Qty", "Cost"]
    assert table.data[table.headers[0]][0] == "Café Müller"


def test_mixed_utf8_and_cp1252_lines(write: Callable[..., Path]) -> None:
    data = (
        b"Customer,Product,Qty,Cost\n"
        + "Café,O365 E3,1,2\n".encode()
        + "Müller,O365 E3,1,2\n".encode("cp1252")
    )
    table = locate_header(read_source(write("v.csv", data)))
    assert list(table.data[table.headers[0]]) == ["Café", "Müller"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(write: Callable[..., Path], delimiter: str) -> None:
    text = CSV.replace(",", delimiter).replace("20.70", "20,70" if delimiter != "," else "20.70")
    table = locate_header(read_source(write("v.txt", text)))
    assert len(table.headers) == 4 and len(table.row_numbers) == 2


def test_excel_sep_hint_line(write: Callable[..., Path]) -> None:
    text = "sep=;\r\nCustomer;Product;Qty;Cost\r\nA, B and C Ltd;Office 365 E3;1;20,70\r\n"
    table = locate_header(read_source(write("v.csv", text)))
    assert table.headers == ["Customer", "Product", "Qty", "Cost"] and table.row_numbers == [3]


def test_title_rows_and_blank_lines_above_header(write: Callable[..., Path]) -> None:
    text = "Recurring Invoices\nGenerated 2025-09-01 by admin\n\n\n" + CSV.replace(
        "\nNorthwind", "\n\nNorthwind"
    )
    table = locate_header(read_source(write("v.csv", text)))
    assert table.header_row == 5 and table.row_numbers == [6, 8]


def test_quoted_fields_with_delimiters_and_newlines(write: Callable[..., Path]) -> None:
    text = 'Customer,Product,Qty,Cost\n"Smith, Jones & Co","Office 365 E3\n(annual)",1,"1,234.50"\n'
    table = locate_header(read_source(write("v.csv", text)))
    assert [table.data[h][0] for h in table.headers] == [
        "Smith, Jones & Co",
        "Office 365 E3\n(annual)",
        "1",
        "1,234.50",
    ]


def test_html_saved_as_csv_is_refused(write: Callable[..., Path]) -> None:
    with pytest.raises(UnreadableFileError, match="HTML"):
        read_source(write("v.csv", "<!DOCTYPE html><html><body>Sign in</body></html>"))


def test_empty_and_header_only(write: Callable[..., Path]) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        read_source(write("v.csv", ""))
    with pytest.raises(EmptyInputError, match="only a header"):
        locate_header(read_source(write("h.csv", "Customer,Product,Qty,Cost\n")))


def test_duplicate_and_blank_headers_get_unique_names(write: Callable[..., Path]) -> None:
    table = locate_header(read_source(write("v.csv", "Customer,Qty,,Qty,Cost\nA,1,x,2,3\n")))
    assert table.headers == ["Customer", "Qty", "column C", "Qty (2)", "Cost"]


def _xlsx(
    path: Path, rows: list[list[object]], *, hidden_row: int | None = None, merge: bool = False
) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Export")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    if hidden_row is not None:
        sheet.set_row(hidden_row, None, None, {"hidden": True})
    if merge:
        sheet.merge_range(0, 0, 0, 3, "Billing export — merged title")
    book.close()
    return path


def test_xlsx_with_merged_title_and_hidden_row(tmp_path: Path) -> None:
    rows = [
        ["Billing export — merged title"],
        ["Customer", "Product", "Qty", "Cost"],
        ["A", "Office 365 E3", 5, 20.7],
        ["B", "Microsoft 365 E3", 2, 32.4],
    ]
    path = _xlsx(tmp_path / "v.xlsx", rows, hidden_row=3, merge=True)
    table = locate_header(read_source(path))
    assert table.headers == ["Customer", "Product", "Qty", "Cost"]
    assert len(table.row_numbers) == 2  # the hidden row is data: nothing is dropped silently


def test_dataframe_input_with_header_or_as_raw_grid() -> None:
    frame = pd.DataFrame(
        {"Customer": ["A"], "Product": ["Office 365 E3"], "Qty": [1], "Cost": [2.5]}
    )
    assert locate_header(read_source(frame)).headers == ["Customer", "Product", "Qty", "Cost"]
    grid = pd.DataFrame(
        [["title", None, None, None], ["Customer", "Product", "Qty", "Cost"], ["A", "X", 1, 2]]
    )
    assert locate_header(read_source(grid)).header_row == 2


def test_password_protected_or_xls_is_refused(write: Callable[..., Path]) -> None:
    path = write("v.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(UnreadableFileError, match="password"):
        read_source(path)


def test_zip_bomb_disguised_as_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * 120_000_000)
    with pytest.raises(UnreadableFileError, match="zip bomb"):
        read_source(path)


def test_damaged_workbook(write: Callable[..., Path]) -> None:
    with pytest.raises(UnreadableFileError, match=r"damaged|could not be read"):
        read_source(write("v.xlsx", b"PK\x03\x04 not really a zip"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="not found"):
        read_source(tmp_path / "nope.csv")


def test_xlsx_named_csv_is_read_as_a_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    path = _xlsx(
        tmp_path / "real.xlsx", [["Customer", "Product", "Qty", "Cost"], ["A", "O365 E3", 1, 2]]
    )
    renamed = tmp_path / "export.csv"
    renamed.write_bytes(path.read_bytes())
    assert locate_header(read_source(renamed)).headers == ["Customer", "Product", "Qty", "Cost"]
    assert buffer.getvalue() == b""


_REFS = st.tuples(st.sampled_from(["A", "C", "Z", "AA", "XFD"]), st.integers(1, 2_000_000))


@settings(deadline=None)  # blocks of one byte over 5 KB of XML: slow on a shared machine
@given(
    dimension=st.one_of(st.none(), _REFS),
    cells=st.lists(_REFS, max_size=30),
    spacing=st.sampled_from([" ", " ", "\t", "\n"]),
    text=st.sampled_from(["", 'a r="ZZ9999999" b', "x" * 5000]),
    block=st.sampled_from([1, 7, 64, 4096]),
)
def test_a_sheet_checked_a_block_at_a_time_has_the_extent_of_the_whole_part(
    dimension: tuple[str, int] | None,
    cells: list[tuple[str, int]],
    spacing: str,
    text: str,
    block: int,
) -> None:
    """The size check inflates a sheet a block at a time (a full sheet is ~0.8 GB of XML): what it
    finds is what the whole part says, wherever the blocks end; a dimension that is missing, lied
    about or followed by odd spacing sends it to the whole part."""
    from engine.read import sheet_size as files

    head = f'<dimension ref="A1:{dimension[0]}{dimension[1]}"/>' if dimension else ""
    body = "".join(
        f'<row{spacing}r="{r}"><c{spacing}r="{c}{r}"><is><t>{text}</t></is></c></row>'
        for c, r in cells
    )
    views = f"<sheetViews>{' ' * 5000}</sheetViews>"  # the cells start past the first 4 KB
    xml = f"<worksheet>{head}{views}<sheetData>{body}</sheetData></worksheet>".encode()
    whole = files.sheet_extent(xml)
    original, files._BLOCK = files._BLOCK, block
    try:
        streamed = files._streamed_extent(io.BytesIO(xml))
    finally:
        files._BLOCK = original
    assert (streamed or whole) == whole
    fast = dimension is not None and not files._past(
        xml, files._beyond(dimension[0], str(dimension[1]))
    )
    assert (streamed is not None) == fast


_LETTERS = st.text("ABCWXYZ", min_size=0, max_size=4)
_DIGITS = st.text("0123456789", min_size=0, max_size=8)


@given(
    letters=st.text("ABCDWXYZ", min_size=1, max_size=3),
    row=st.integers(1, 2_000_000),
    references=st.lists(
        st.tuples(_LETTERS, _DIGITS, st.sampled_from(['"', "", "x", '9"'])), max_size=6
    ),
)
def test_the_fast_failing_reference_expression_finds_what_the_plain_one_does(
    letters: str, row: int, references: list[tuple[str, str, str]]
) -> None:
    """The size check's expression gives up early on a reference that cannot be past the declared
    dimension (issue 15: tried 2.7M times a 100k-line sheet); whatever the references, it finds one
    exactly when the plain form (letters given back, no look-ahead) does."""
    import re

    from engine.read import sheet_size as files

    plain = re.compile(
        rf' r="(?:(?:{files._greater(letters, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")})\d'
        rf'|[A-Z]{{0,3}}(?:{files._greater(str(row), "0123456789")})")'.encode()
    )
    xml = "".join(f'<c r="{a}{d}{end}>' for a, d, end in references).encode()
    fast = files._beyond(letters, str(row))
    assert (fast.search(xml) is None) == (plain.search(xml) is None)
    for a, d, end in references:
        one = f' r="{a}{d}{end}'.encode()
        assert (fast.search(one) is None) == (plain.search(one) is None)


@settings(deadline=None, max_examples=60)  # a workbook written per example
@given(
    cells=st.dictionaries(
        st.tuples(st.integers(0, 12), st.integers(0, 6)),
        st.one_of(
            st.sampled_from(["Contoso", "Contoso", "E3", " ", "1"]),
            st.text(max_size=4),
            st.integers(-3, 3),
            st.floats(allow_nan=False, allow_infinity=False, width=32),
            st.booleans(),
        ),
        max_size=25,
    )
)
def test_sheet_grid_is_the_sheet_from_a1_with_text_shared(
    tmp_path_factory: pytest.TempPathFactory, cells: dict[tuple[int, int], object]
) -> None:
    """The grid a workbook sheet is read into is calamine's own from A1 (blank rows above and
    columns left of the used range kept, numbers and booleans as they are), whatever the used
    range; equal texts are one object."""
    from python_calamine import CalamineWorkbook

    from engine.read.workbooks import sheet_grid

    path = tmp_path_factory.mktemp("grid") / "sheet.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet("S")
        for (row, column), value in cells.items():
            if isinstance(value, str):
                sheet.write_string(row, column, value)
            else:
                sheet.write(row, column, value)
    workbook = CalamineWorkbook.from_path(str(path))
    expected = workbook.get_sheet_by_name("S").to_python(skip_empty_area=False)
    grid = sheet_grid(workbook.get_sheet_by_name("S"))
    workbook.close()
    assert [[(type(v), v) for v in row] for row in grid] == [
        [(type(v), v) for v in row] for row in expected
    ]
    texts = [v for row in grid for v in row if isinstance(v, str) and v]
    assert len({id(v) for v in texts}) == len(set(texts))
