"""The package's small XML parts go through ElementTree and come back as Excel needs them: every
namespace declaration and prefix kept (mc:Ignorable names prefixes by their letters), names escaped,
section attributes kept, and a workbook in Excel's own style still opens after sheets are added."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from addin.workbook.package import Package as _Package
from addin.workbook.package import workbook_sheets
from addin.workbook.style_merger import StyleMerger
from addin.workbook.transplant import replace_sheets
from addin.workbook.xml_part import XmlPart
from engine.errors import UnreadableFileError

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: workbook.xml as Excel 365 saves it: declarations it uses only in mc:Ignorable, a revision
#: pointer in a namespace of its own, an AlternateContent block declaring a prefix of its own.
EXCEL_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    f'<workbook xmlns="{MAIN}" xmlns:r="{REL}" xmlns:mc="{MC}" mc:Ignorable="x15 xr xr6 xr10 xr2" '
    'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" '
    'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
    'xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" '
    'xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" '
    'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">'
    '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>'
    '<workbookPr codeName="ThisWorkbook" defaultThemeVersion="202300"/>'
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\a&amp;b\\" '
    'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice>'
    "</mc:AlternateContent>"
    '<xr:revisionPtr revIDLastSave="0" documentId="8_{A1}" xr6:coauthVersionLast="47" '
    'xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>'
    '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" '
    'windowHeight="15720" firstSheet="1" activeTab="2" xr2:uid="{B2}"/></bookViews>'
    "<sheets>{sheets}</sheets>{names}"
    '<calcPr calcId="191029"/></workbook>'
)


def _declared(xml: str, element: str) -> dict[str, str]:
    """prefix → namespace declared on the first ``element`` start tag of ``xml``."""
    tag = re.search(rf"<{element}\b[^>]*>", xml)
    assert tag is not None
    return dict(re.findall(r'xmlns:?(\w*)="([^"]*)"', tag.group(0)))


def test_a_part_round_trips_with_every_declaration_and_prefix() -> None:
    sheets = '<sheet name="A &amp; &quot;B&quot; &lt;C&gt;" sheetId="1" r:id="rId1"/>'
    text = EXCEL_WORKBOOK.replace("{sheets}", sheets).replace("{names}", "")
    written = XmlPart.parse(text).text()
    assert written.startswith(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook'
    )
    assert _declared(written, "workbook") == _declared(text, "workbook")  # x15… though unused
    assert 'mc:Ignorable="x15 xr xr6 xr10 xr2"' in written
    assert "ns0" not in written and "ns1" not in written
    assert '<x15ac:absPath xmlns:x15ac="' in written  # a nested declaration stays where it was
    assert ET.canonicalize(written) == ET.canonicalize(text)  # the same document, to the letter


def test_a_byte_order_mark_and_comments_before_the_root_are_kept() -> None:
    text = (
        '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- saved by a tool -->\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    assert XmlPart.parse(text).text() == text


def test_our_own_parts_round_trip_byte_for_byte(template_bytes: bytes) -> None:
    """The template's parts, as xlsxwriter wrote them, are written back unchanged."""
    archive = zipfile.ZipFile(io.BytesIO(template_bytes))
    for part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
        text = archive.read(part).decode("utf-8")
        assert XmlPart.parse(text).text() == text, part
    styles = archive.read("xl/styles.xml").decode("utf-8")
    assert XmlPart.parse(styles).text() == styles


def _rendered(*names: str) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    for name in names:
        sheet = book.add_worksheet(name)
        sheet.write_string(0, 0, f"{name} & <more>", book.add_format({"bold": True}))
        sheet.print_area(0, 0, 5, 2)
    book.close()
    return buffer.getvalue()


def _with_part(package: bytes, part: str, text: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = text.encode("utf-8") if info.filename == part else source.read(info)
            target.writestr(info, data)
    return out.getvalue()


def _excel_style(template_bytes: bytes, relationships_prefix: str = "r") -> bytes:
    """The template with its workbook.xml as Excel writes it (the relationships namespace under
    ``relationships_prefix``), and a sheet-local name Excel puts in definedNames."""
    archive = zipfile.ZipFile(io.BytesIO(template_bytes))
    original = archive.read("xl/workbook.xml").decode("utf-8")
    sheets = re.search(r"<sheets>(.*)</sheets>", original)
    assert sheets is not None
    text = EXCEL_WORKBOOK.replace("{sheets}", sheets.group(1)).replace(
        "{names}",
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="3">'
        "Settings!$A$1:$H$49</definedName></definedNames>",
    )
    if relationships_prefix != "r":
        text = text.replace(f'xmlns:r="{REL}"', f'xmlns:{relationships_prefix}="{REL}"')
        text = text.replace(" r:id=", f" {relationships_prefix}:id=")
    return _with_part(template_bytes, "xl/workbook.xml", text)


@pytest.mark.parametrize("prefix", ["r", "rel"])
def test_sheets_added_to_an_excel_saved_workbook_keep_its_namespaces(
    template_bytes: bytes, tmp_path: Path, prefix: str
) -> None:
    before = _excel_style(template_bytes, prefix)
    after = replace_sheets(before, _rendered("Discrepancies", "Settings"), active="Discrepancies")
    workbook = zipfile.ZipFile(io.BytesIO(after)).read("xl/workbook.xml").decode("utf-8")
    declared = _declared(workbook, "workbook")
    assert declared == _declared(
        zipfile.ZipFile(io.BytesIO(before)).read("xl/workbook.xml").decode("utf-8"), "workbook"
    )
    ignorable = re.search(r'mc:Ignorable="([^"]*)"', workbook)
    assert ignorable is not None and set(ignorable.group(1).split()) <= set(declared)
    assert re.search(rf'<sheet name="Discrepancies" sheetId="9" {prefix}:id="rIdLF1"/>', workbook)
    assert "ns0:" not in workbook and "xmlns:ns" not in workbook
    assert '<xr:revisionPtr revIDLastSave="0"' in workbook
    # the active tab moved to the new sheet; firstSheet (which would hide tabs) is gone
    assert re.search(r'<workbookView activeTab="8" xWindow="-120"', workbook)
    assert "firstSheet" not in workbook
    # the rendered sheet's print area replaced the Settings one, at the target's positions
    assert workbook.count('localSheetId="3"') == 1
    assert re.search(r'localSheetId="8">\'?Discrepancies\'?!', workbook)
    path = tmp_path / "book.xlsm"
    path.write_bytes(after)
    book = openpyxl.load_workbook(path, keep_vba=True)
    assert book.sheetnames[-1] == "Discrepancies" and book.active.title == "Discrepancies"
    assert book["Discrepancies"]["A1"].value == "Discrepancies & <more>"


def test_a_workbook_without_the_relationships_namespace_gets_r(template_bytes: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(template_bytes))
    text = archive.read("xl/workbook.xml").decode("utf-8")
    text = text.replace(f' xmlns:r="{REL}"', "").replace(" r:id=", f' xmlns:r="{REL}" r:id=')
    before = _with_part(template_bytes, "xl/workbook.xml", text)
    after = replace_sheets(before, _rendered("Discrepancies"))
    workbook = zipfile.ZipFile(io.BytesIO(after)).read("xl/workbook.xml").decode("utf-8")
    assert _declared(workbook, "workbook")["r"] == REL
    assert [n for n, _, _ in workbook_sheets(_Package(after, "b"))][-1] == "Discrepancies"


def test_sheet_names_are_escaped_and_read_back() -> None:
    name = 'Q3 & "Pax8" <EU>'
    after = replace_sheets(_rendered("Start"), _rendered(name))
    assert [n for n, _, _ in workbook_sheets(_Package(after, "b"))] == ["Start", name]
    book = openpyxl.load_workbook(io.BytesIO(after))
    assert book.sheetnames == ["Start", name]


def test_styles_keep_their_namespaces_attributes_and_extensions() -> None:
    x14ac = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
    target = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        f'<styleSheet xmlns="{MAIN}" xmlns:mc="{MC}" mc:Ignorable="x14ac x16r2" '
        f'xmlns:x14ac="{x14ac}" '
        'xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">'
        '<fonts count="1" x14ac:knownFonts="1"><font><sz val="11"/><name val="Aptos"/></font>'
        "</fonts>"
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs>'
        '<extLst><ext uri="{9260A510}" xmlns:x14="http://schemas.microsoft.com/office/'
        'spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="S"/></ext></extLst>'
        "</styleSheet>"
    )
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet().write(0, 0, 1.5, book.add_format({"num_format": '"€"#,##0.00'}))
    book.close()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read("xl/styles.xml").decode()
    merger = StyleMerger(target, source)
    merger.merge()
    merged = merger.xml
    assert _declared(merged, "styleSheet") == _declared(target, "styleSheet")
    assert '<fonts count="2" x14ac:knownFonts="1">' in merged  # the section's own attribute kept
    assert '<x14:slicerStyles defaultSlicerStyle="S"/>' in merged
    assert merged.index("<numFmts") < merged.index("<fonts")  # a new section in schema order
    assert 'formatCode="&quot;€&quot;#,##0.00"' in merged
    again = StyleMerger(merged, source)
    again.merge()
    assert again.xml == merged  # a second run adds nothing


def test_a_workbook_part_that_is_not_xml_is_named_damaged(template_bytes: bytes) -> None:
    broken = _with_part(template_bytes, "xl/workbook.xml", "<workbook><sheets>")
    with pytest.raises(UnreadableFileError, match="structure is damaged"):
        replace_sheets(broken, _rendered("Discrepancies"), name="Leakage.xlsm")


def _selected(package: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(package))
    return [sheet.title for sheet in book.worksheets if sheet.sheet_view.tabSelected]


def test_the_tab_the_user_left_selected_is_unselected_and_its_cells_kept_byte_for_byte() -> None:
    """The selection is edited in the sheet's head, as bytes: a pasted sheet's cells (accents and
    all) are never decoded and written again."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    pasted = book.add_worksheet("Vendor")
    for row in range(50):
        pasted.write_string(row, 0, f'Café Zürich {row} — tabSelected="1" & <more>')
    pasted.activate()  # the user saved the workbook on its Vendor tab
    book.add_worksheet("Discrepancies")
    book.close()
    user = buffer.getvalue()
    assert _selected(user) == ["Vendor"]
    updated = replace_sheets(user, _rendered("Discrepancies"), active="Discrepancies")
    assert _selected(updated) == ["Discrepancies"]
    part = dict((n, p) for n, _, p in workbook_sheets(_Package.read(user, "user")))["Vendor"]
    before = zipfile.ZipFile(io.BytesIO(user)).read(part)
    after = zipfile.ZipFile(io.BytesIO(updated)).read(part)
    assert after == before.replace(b' tabSelected="1"', b"", 1)
    assert after.split(b"<sheetData", 1)[1] == before.split(b"<sheetData", 1)[1]


def test_rows_written_in_blocks_are_the_rows_written_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from addin.workbook import sheet_rows

    rows = [[f"r{i} & é", i, None if i % 3 else "", 1.5 * i] for i in range(23)]
    heights = [None if i % 4 else 30.0 for i in range(23)]
    whole = sheet_rows.rows_xml(rows, 3, [' s="4"', "", ' s="7"'], heights)
    monkeypatch.setattr(sheet_rows, "_CHUNK", 5)
    assert sheet_rows.rows_xml(rows, 3, [' s="4"', "", ' s="7"'], heights) == whole
    assert whole.count("<row ") == 23 and '<row r="25"' in whole


@pytest.mark.parametrize("size", [3, 100, 20_000])
def test_a_part_written_in_pieces_is_the_part_written_whole(
    monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    """An output sheet goes to the deflater a block of rows at a time (never held whole): the package
    holds the same bytes as one written at once, whatever its size, and its head and data read back."""
    from addin.workbook import package

    monkeypatch.setattr(package, "_BIG_PART", 1_000)  # stream past 1 KB (4 MB in a run)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/a.xml", b"<a/>")
        archive.writestr("xl/b.xml", b"<old/>")
    pieces = [f'<row r="{i}"><c><v>{i * 7}</v></c></row>'.encode() for i in range(size)]
    whole = b"<sheetData>" + b"".join(pieces) + b"</sheetData>"
    target = _Package.read(buffer.getvalue(), "book.xlsx")
    target.set_streamed("xl/b.xml", iter([b"<sheetData>", *pieces, b"</sheetData>"]))
    target.set_streamed("xl/c.xml", iter([whole]))  # a new part, in one piece
    assert target.head("xl/b.xml", 64) == whole[:64]
    assert target.data("xl/b.xml") == whole
    written = zipfile.ZipFile(io.BytesIO(target.to_bytes()))
    assert written.testzip() is None  # every CRC and size as the directory says
    assert written.read("xl/a.xml") == b"<a/>"
    assert written.read("xl/b.xml") == whole
    assert written.read("xl/c.xml") == whole
    assert [i.filename for i in written.infolist()] == ["xl/a.xml", "xl/b.xml", "xl/c.xml"]


def test_a_failing_row_leaves_no_deflater_waiting() -> None:
    """Rows that fail half-way (a bug) raise; the deflater's thread is not left blocked."""
    from addin.workbook import package

    def rows() -> Iterator[bytes]:
        for i in range(100):
            yield b"x" * 100_000
            if i == 60:
                raise RuntimeError("row 61")

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/a.xml", b"<a/>")
    target = package.Package.read(buffer.getvalue(), "book.xlsx")
    with pytest.raises(RuntimeError, match="row 61"):
        target.set_streamed("xl/b.xml", rows())
    target.set("xl/b.xml", b"<b/>", deflate_now=True)  # the thread is free for the next part
    assert zipfile.ZipFile(io.BytesIO(target.to_bytes())).read("xl/b.xml") == b"<b/>"


def test_a_workbook_written_to_its_file_is_the_workbook_put_together_in_memory(
    template_bytes: bytes, tmp_path: Path
) -> None:
    """The reconcile writes the package to the file as it is put together: the same bytes as
    :func:`replace_sheets` returns, and a damaged workbook leaves the file as it was."""
    from addin.workbook.transplant import replace_sheets_into

    before = _excel_style(template_bytes, "r")
    in_memory = replace_sheets(before, _rendered("Discrepancies"), active="Discrepancies")
    book = tmp_path / "Leakage.xlsm"
    book.write_bytes(before)
    replace_sheets_into(book, before, _rendered("Discrepancies"), active="Discrepancies")
    assert book.read_bytes() == in_memory
    broken = _with_part(before, "xl/workbook.xml", "<workbook><sheets>")
    with pytest.raises(UnreadableFileError, match="damaged"):
        replace_sheets_into(book, broken, _rendered("Discrepancies"), name="Leakage.xlsm")
    assert book.read_bytes() == in_memory
    assert [p.name for p in tmp_path.iterdir()] == ["Leakage.xlsm"]  # no temporary left
