"""workbook_template.xlsm: built from its text sources, and every part checked by independent readers."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from oletools.olevba import VBA_Parser, decompress_stream

from addin.template.build import build_template_bytes, default_template_path
from addin.template.ovba_compression import compress
from addin.template.ribbon import CUSTOM_UI_NS, CUSTOM_UI_REL, ribbon_xml, template_text
from addin.template.sheets import CODE_NAMES, SHEETS
from tests.conftest import office_convert

TEMPLATE = default_template_path()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_committed_template_is_what_the_build_produces() -> None:
    """Rebuild from the text sources; every part must be byte-identical (regenerate with
    `leakage-finder build-template` after changing ribbon.xml, the .bas module or the layout)."""
    assert parts(build_template_bytes()) == parts(TEMPLATE.read_bytes())


def test_ribbon_part_uses_the_office_2007_schema_and_relationship() -> None:
    package = parts(TEMPLATE.read_bytes())
    rels = package["_rels/.rels"].decode()
    assert f'Type="{CUSTOM_UI_REL}"' in rels and 'Target="customUI/customUI.xml"' in rels
    root = ET.fromstring(package["customUI/customUI.xml"])
    assert root.tag == f"{{{CUSTOM_UI_NS}}}customUI"
    tab = root.find(f".//{{{CUSTOM_UI_NS}}}tab")
    assert tab is not None and tab.attrib["label"] == "Leakage Finder"
    groups = [g.attrib["label"] for g in root.iter(f"{{{CUSTOM_UI_NS}}}group")]
    assert groups == ["Data", "Reconcile", "Review"]
    for button in root.iter(f"{{{CUSTOM_UI_NS}}}button"):
        assert {"imageMso", "screentip", "supertip", "keytip", "onAction"} <= set(button.attrib)
    reconcile = root.find(f".//{{{CUSTOM_UI_NS}}}button[@id='btnReconcile']")
    assert reconcile is not None and reconcile.attrib["size"] == "large"
    assert package["customUI/customUI.xml"].decode() == ribbon_xml()


def test_olevba_extracts_the_module_source() -> None:
    parser = VBA_Parser(str(TEMPLATE))
    modules = {name: code for (_, _, name, code) in parser.extract_all_macros()}
    assert "LeakageFinder.bas" in modules
    source = modules["LeakageFinder.bas"]
    assert "Public Sub Reconcile(control As IRibbonControl)" in source
    expected = template_text("LeakageFinder.bas").replace("\r\n", "\n")
    assert (
        source.replace("\r\n", "\n")
        .strip()
        .endswith(expected.split("Option Explicit", 1)[1].strip())
    )


def test_code_names_and_document_modules_agree() -> None:
    parser = VBA_Parser(str(TEMPLATE))
    documents = {
        name.removesuffix(".cls")
        for (_, _, name, _) in parser.extract_all_macros()
        if name.endswith(".cls")
    }
    book = openpyxl.load_workbook(TEMPLATE, keep_vba=True)
    code_names = {ws.title: ws.sheet_properties.codeName for ws in book.worksheets}
    assert book.code_name == "ThisWorkbook"
    assert code_names == CODE_NAMES
    assert documents == {"ThisWorkbook", *CODE_NAMES.values()}
    assert book.sheetnames == list(SHEETS)


def test_dropdown_lists_fit_excels_255_character_limit() -> None:
    package = parts(TEMPLATE.read_bytes())
    lists = [
        m.decode()
        for name, data in package.items()
        if name.startswith("xl/worksheets/")
        for m in re.findall(rb'<formula1>"([^<]*)"</formula1>', data)
    ]
    assert lists and all(len(item) <= 255 for item in lists), lists


def test_no_macro_runs_on_open_and_no_external_links() -> None:
    parser = VBA_Parser(str(TEMPLATE))
    code = "\n".join(c for (_, _, _, c) in parser.extract_all_macros())
    assert not re.search(r"\b(Auto_Open|Workbook_Open|Auto_Exec|Document_Open)\b", code)
    package = parts(TEMPLATE.read_bytes())
    assert not any(name.startswith("xl/externalLinks/") for name in package)
    assert b'TargetMode="External"' not in b"".join(
        v for k, v in package.items() if k.endswith(".rels")
    )


def test_our_compressor_round_trips_through_oletools() -> None:
    samples = [
        b"",
        b"x",
        b"Attribute VB_Name = " * 400,
        bytes(range(256)) * 40,
        template_text("LeakageFinder.bas").encode(),
    ]
    for data in samples:
        assert bytes(decompress_stream(bytearray(compress(data)))) == data


@pytest.mark.libreoffice
def test_libreoffice_imports_the_vba_project(tmp_path: Path) -> None:
    shutil.copy(TEMPLATE, tmp_path / "book.xlsm")
    ods = parts(office_convert(tmp_path / "book.xlsm", "ods", tmp_path).read_bytes())
    module = ods["Basic/VBAProject/LeakageFinder.xml"].decode()
    assert "Sub Reconcile(control As IRibbonControl)" in module
    assert "Basic/VBAProject/Sheet1.xml" in ods


def test_the_package_ships_the_template_and_sample_never_builds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from addin.sample import audit as sample_audit
    from addin.template import build as build_template
    from addin.template.build import packaged_template_path

    assert packaged_template_path().read_bytes() == TEMPLATE.read_bytes()
    tomlfile = (TEMPLATE.parent / "pyproject.toml").read_text(encoding="utf-8")
    # package data: the built template included
    assert '"addin.template" = ["*.xml", "*.bas", "*.xlsm"]' in tomlfile

    def no_build(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the template was rebuilt at run time")

    monkeypatch.setattr(build_template, "build_template_bytes", no_build)
    monkeypatch.setattr(build_template, "build_vba_project", no_build)
    _, written = sample_audit.run_sample(tmp_path / "audit", clients=8, seed=3)
    assert written[-1].exists()


def test_build_template_writes_only_where_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from addin.cli import main

    monkeypatch.chdir(tmp_path)
    before = TEMPLATE.read_bytes()
    assert main(["build-template"]) == 0
    assert (tmp_path / "workbook_template.xlsm").read_bytes() == before  # the current folder
    assert main(["build-template", "--out", str(tmp_path / "x" / "t.xlsm")]) == 0
    assert (tmp_path / "x" / "t.xlsm").exists() and TEMPLATE.read_bytes() == before
    assert main(["build-template", "--out", str(tmp_path / "t.xlsx")]) == 3


def test_a_status_typed_in_excel_is_logged_by_the_workbook_itself() -> None:
    """ThisWorkbook's only event hands Status edits on Discrepancies to LogStatusChange, which
    appends rows in the Activity Log's layout (read back by addin.workbook.review_log)."""
    from addin import layout as spec
    from addin.workbook.review_log import LOG_COLUMNS

    parser = VBA_Parser(str(TEMPLATE))
    modules = {name: code for (_, _, name, code) in parser.extract_all_macros()}
    this_workbook = modules["ThisWorkbook.cls"]
    assert "Private Sub Workbook_SheetChange(ByVal Sh As Object, ByVal Target As Range)" in (
        this_workbook
    )
    assert "LeakageFinder.LogStatusChange Sh, Target" in this_workbook
    handler = modules["LeakageFinder.bas"].split("Public Sub LogStatusChange", 1)[1]
    for text in (spec.DISCREPANCIES, spec.ACTIVITY_LOG, spec.STATUS_HEADER, spec.ID_HEADER):
        assert f'"{text}"' in handler, text
    assert LOG_COLUMNS[1] == "Event" and 'Cells(nextRow, 2).Value = "status"' in handler
    assert 'Format(Now, "yyyy-mm-dd hh:nn:ss")' in handler  # review_log.TIME_FORMAT
