"""Build ``workbook_template.xlsm`` from its text sources: ``template/ribbon.xml``,
``template/LeakageFinder.bas`` and the sheet layout below (from the presentation spec).

    python -m addin.build_template            # or: leakage-finder build-template

The VBA project is made by ms-ovba from the ``.bas`` module plus one document module per sheet (code
names ``ThisWorkbook``, ``Sheet1``…); the sheets by xlsxwriter; the ribbon part is added to the
package with the Office 2007 customUI relationship. The build is deterministic: a test rebuilds the
template and compares it with the committed one, part by part.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import random
import shutil
import tempfile
import uuid
import warnings
import zipfile
from io import BytesIO
from pathlib import Path

import xlsxwriter

from addin import presentation as spec
from addin.ribbon import CUSTOM_UI_REL, buttons, ribbon_xml, template_text
from addin.settings_sheet import (
    ALIAS_HEADER,
    EXCLUDE_HEADER,
    EXCLUSIONS_TITLE,
    FIELD_NAMES,
    MAPPING_HEADER,
    SETTING_LABELS,
)
from addin.sheets_xlsx import text_safe_workbook

SHEETS = (
    spec.START,
    spec.VENDOR,
    spec.PSA,
    spec.SETTINGS,
    spec.CLIENT_ALIASES,
    spec.PRODUCT_ALIASES,
    spec.HISTORY,
)
CODE_NAMES = {name: f"Sheet{index}" for index, name in enumerate(SHEETS, start=1)}
SETUP_COMMANDS = (
    "python -m pip install .          (in the Leakage Finder folder; once per computer)",
    "xlwings addin install            (adds the xlwings add-in to Excel; once per computer)",
)
BUILD_DATE = dt.datetime(2025, 1, 1)
PROJECT_ID = "{6C1F0E35-1B5A-4F43-9E0D-2B8C3B1A7E11}"


def default_template_path() -> Path:
    return Path(__file__).resolve().parent.parent / "workbook_template.xlsm"


def template_bytes() -> bytes:
    """The workbook template: the committed file in a source checkout, else built from the packaged
    sources (an installed package; the build is deterministic, so both are the same bytes)."""
    path = default_template_path()
    if path.exists():
        return path.read_bytes()
    return build_template_bytes()


def build_vba_project(bas_source: str, code_names: list[str]) -> bytes:
    """A vbaProject.bin with our standard module and a document module for each code name."""
    import ms_ovba_crypto.ms_ovba_crypto as crypto
    from ms_ovba_compression.ms_ovba import MsOvba

    from addin.ovba_compression import compress

    workdir = Path(tempfile.mkdtemp(prefix="lf-vba-"))
    previous = Path.cwd()
    original_compress, original_random = MsOvba.compress, crypto.random
    MsOvba.compress = lambda self, data: compress(bytes(data))  # type: ignore[method-assign]
    crypto.random = random.Random(
        2025
    )  # PROJECT stream CMG/DPB/GC seeds: fixed, so the build is reproducible
    try:
        os.chdir(workdir)  # ms-ovba writes its streams to the working directory
        with warnings.catch_warnings():
            # ms-cfb leaves temporary files for the garbage collector to close; a ResourceWarning
            # turned into an error there would interrupt the flush and corrupt the container.
            warnings.simplefilter("ignore", ResourceWarning)
            return _write_vba_project(workdir, bas_source, code_names)
    finally:
        MsOvba.compress, crypto.random = original_compress, original_random  # type: ignore[method-assign]
        os.chdir(previous)
        shutil.rmtree(workdir, ignore_errors=True)


def _write_vba_project(workdir: Path, bas_source: str, code_names: list[str]) -> bytes:
    from ms_ovba.Models.Entities.doc_module import DocModule
    from ms_ovba.Models.Entities.reference import Reference
    from ms_ovba.Models.Entities.reference_registered import ReferenceRegistered
    from ms_ovba.Models.Entities.std_module import StdModule
    from ms_ovba.Models.Fields.libid_reference import LibidReference
    from ms_ovba.vbaProject import VbaProject
    from ms_ovba.Views.project_ole_file import ProjectOleFile

    project = VbaProject()
    project.project_id = PROJECT_ID
    for name in code_names:
        cls = workdir / f"{name}.cls"
        cls.write_text(
            "VERSION 1.0 CLASS\r\nBEGIN\r\n  MultiUse = -1  'True\r\nEND\r\n"
            f'Attribute VB_Name = "{name}"\r\nAttribute VB_GlobalNameSpace = False\r\n'
            "Attribute VB_Creatable = False\r\nAttribute VB_PredeclaredId = True\r\n"
            "Attribute VB_Exposed = True\r\n",
            encoding="cp1252",
            newline="",
        )
        module = DocModule(name)
        module.add_file(str(cls))
        module.add_guid(
            uuid.UUID(
                "0002081900000000C000000000000046"
                if name == "ThisWorkbook"
                else "0002082000000000C000000000000046"
            )
        )
        module.normalize_file()
        project.add_module(module)
    bas = workdir / "LeakageFinder.bas"
    bas.write_text(
        bas_source.replace("\r\n", "\n").replace("\n", "\r\n"), encoding="cp1252", newline=""
    )
    module = StdModule("LeakageFinder")
    module.add_file(str(bas))
    module.normalize_file()
    project.add_module(module)
    stdole = LibidReference(
        uuid.UUID("0002043000000000C000000000000046"),
        "2.0",
        "0",
        "C:\\Windows\\System32\\stdole2.tlb",
        "OLE Automation",
    )
    office = LibidReference(
        uuid.UUID("2DF8D04C5BFA101BBDE500AA0044DE52"),
        "2.0",
        "0",
        r"C:\Program Files\Common Files\Microsoft Shared\OFFICE16\MSO.DLL",
        "Microsoft Office 16.0 Object Library",
    )
    project.add_reference(Reference(ReferenceRegistered(stdole), "stdole"))
    project.add_reference(Reference(ReferenceRegistered(office), "Office"))
    ProjectOleFile.write_file(project)
    gc.collect()  # close (and so flush) every file ms-cfb left open before reading its result
    return (workdir / "vbaProject.bin").read_bytes()


def _sheets(book: xlsxwriter.Workbook) -> None:
    title = book.add_format({"bold": True, "font_size": 18, "font_color": spec.HEADER_FILL})
    heading = book.add_format({"bold": True, "font_size": 12, "font_color": spec.HEADER_FILL})
    header = book.add_format(
        {"bold": True, "font_color": spec.HEADER_FONT, "bg_color": spec.HEADER_FILL}
    )
    hint = book.add_format({"italic": True, "font_color": "#7F6000", "bg_color": "#FFF2CC"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    code = book.add_format({"font_name": "Consolas", "bg_color": "#F2F2F2"})
    text = book.add_format({"num_format": "@"})
    sheets = {name: book.add_worksheet(name) for name in SHEETS}
    for name, sheet in sheets.items():
        sheet.set_vba_name(CODE_NAMES[name])

    start = sheets[spec.START]
    start.hide_gridlines(2)
    start.set_column(0, 0, 4)
    start.set_column(1, 1, 26)
    start.set_column(2, 2, 100)
    start.write_string(0, 1, "Leakage Finder", title)
    start.write_string(
        1, 1, "Find licences you pay for but do not bill, seat differences and prices below cost."
    )
    row = 3
    start.write_string(row, 1, "Three steps", heading)
    steps = (
        (
            "1. Vendor bill",
            "Paste the vendor export (Partner Center, Pax8, distributor) into the Vendor sheet, "
            "header row included — or click Import Vendor File…",
        ),
        (
            "2. PSA export",
            "Paste the PSA billing export (ConnectWise, Autotask, HaloPSA, Syncro) into the PSA sheet "
            "— or click Import PSA File…",
        ),
        (
            "3. Reconcile",
            "Click Reconcile on the Leakage Finder tab. Review the Discrepancies sheet (largest first), "
            "set each row's Status and Note; they are kept when you run it again.",
        ),
    )
    for offset, (label, body) in enumerate(steps, start=1):
        start.write_string(row + offset, 1, label, heading)
        start.write_string(row + offset, 2, body, wrap)
    row += len(steps) + 2
    start.write_string(row, 1, "The buttons", heading)
    for offset, button in enumerate(buttons(), start=1):
        start.write_string(row + offset, 1, f"{button.group}: {button.label}")
        start.write_string(row + offset, 2, button.supertip, wrap)
    row += len(buttons()) + 2
    start.write_string(row, 1, "Set-up (once per computer)", heading)
    start.write_string(
        row + 1, 2, "Needs Python 3.11+ and Excel on Windows or macOS. In a terminal:", wrap
    )
    for offset, command in enumerate(SETUP_COMMANDS, start=2):
        start.write_string(row + offset, 2, command, code)
    start.write_string(
        row + len(SETUP_COMMANDS) + 3,
        2,
        "Without them the buttons explain what is missing; the workbook still opens and can be "
        "shared — managers reading the results need no Python.",
        wrap,
    )
    start.activate()

    for name, what in ((spec.VENDOR, "vendor bill"), (spec.PSA, "PSA export")):
        sheet = sheets[name]
        sheet.set_column(0, 40, 16, text)
        sheet.write_string(
            0,
            0,
            f"Paste the {what} below (from row 3, header row included), or use "
            f"Import {'Vendor' if name == spec.VENDOR else 'PSA'} File… on the Leakage "
            "Finder tab. Title rows and totals rows are fine.",
            hint,
        )

    settings = sheets[spec.SETTINGS]
    settings.set_column(0, 0, 26)
    settings.set_column(1, 1, 28)
    settings.set_column(2, 2, 70)
    settings.write_string(0, 0, "Settings", title)
    settings.write_row(2, 0, ["Setting", "Value", "What it does"], header)
    for offset, (label, _, default, help_text) in enumerate(SETTING_LABELS, start=3):
        settings.write_string(offset, 0, label)
        if default is None:
            settings.write_blank(offset, 1, None, text)
        else:
            settings.write_number(offset, 1, float(default))  # type: ignore[arg-type]
        settings.write_string(offset, 2, help_text, wrap)
    row = 3 + len(SETTING_LABELS) + 2
    settings.write_string(
        row - 1, 0, "Column mapping overrides (only when a column is not recognised)", heading
    )
    settings.write_row(row, 0, list(MAPPING_HEADER), header)
    settings.data_validation(
        row + 1, 0, row + 40, 0, {"validate": "list", "source": ["vendor", "psa"]}
    )
    # Field names live in hidden column J: an inline list may not exceed Excel's 255 characters.
    fields = sorted(set(FIELD_NAMES["vendor"]) | set(FIELD_NAMES["psa"]))
    settings.write_string(0, 9, "Fields")
    for offset, field_name in enumerate(fields, start=1):
        settings.write_string(offset, 9, field_name)
    settings.set_column(9, 9, 20, None, {"hidden": True})
    settings.data_validation(
        row + 1, 1, row + 40, 1, {"validate": "list", "source": f"=$J$2:$J${len(fields) + 1}"}
    )
    for r in range(row + 1, row + 41):
        for c in range(3):
            settings.write_blank(r, c, None, text)
    row += 43
    settings.write_string(row - 1, 0, EXCLUSIONS_TITLE, heading)
    settings.write_string(row, 0, EXCLUDE_HEADER, header)
    settings.set_column(4, 4, 2)

    for name in (spec.CLIENT_ALIASES, spec.PRODUCT_ALIASES):
        sheet = sheets[name]
        sheet.set_column(0, 1, 40, text)
        sheet.set_column(2, 2, 36, text)
        sheet.write_row(0, 0, list(ALIAS_HEADER), header)
        sheet.freeze_panes(1, 0)

    history = sheets[spec.HISTORY]
    for index, column in enumerate(spec.HISTORY_COLUMNS):
        history.set_column(index, index, column.width)
    history.write_row(0, 0, [c.header for c in spec.HISTORY_COLUMNS], header)
    history.freeze_panes(1, 0)


def build_template_bytes() -> bytes:
    """The template package, deterministic for the same sources."""
    vba = build_vba_project(
        template_text("LeakageFinder.bas"), ["ThisWorkbook", *CODE_NAMES.values()]
    )
    buffer = BytesIO()
    book = text_safe_workbook(buffer)
    book.set_properties(
        {"title": "Leakage Finder", "created": BUILD_DATE, "author": "Leakage Finder"}
    )
    book.set_vba_name("ThisWorkbook")
    book.add_vba_project(BytesIO(vba), is_stream=True)
    _sheets(book)
    book.close()
    return add_custom_ui(buffer.getvalue(), ribbon_xml())


def add_custom_ui(package: bytes, custom_ui: str) -> bytes:
    """Add ``customUI/customUI.xml`` and its root relationship (Office 2007 schema) to a package."""
    source = zipfile.ZipFile(BytesIO(package))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "_rels/.rels":
                text = data.decode("utf-8")
                rel = (
                    f'<Relationship Id="rIdLeakageFinderUI" Type="{CUSTOM_UI_REL}" '
                    'Target="customUI/customUI.xml"/>'
                )
                data = text.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")
            target.writestr(info, data)
        info = zipfile.ZipInfo("customUI/customUI.xml", date_time=(1980, 1, 1, 0, 0, 0))
        target.writestr(info, custom_ui.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def build_template(target: Path | None = None) -> Path:
    from engine.export import atomic_write_bytes

    target = target or default_template_path()
    atomic_write_bytes(target, build_template_bytes())
    return target


if __name__ == "__main__":
    print(build_template())
