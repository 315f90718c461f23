"""Build ``workbook_template.xlsm`` from its text sources: ``template/ribbon.xml``,
``template/LeakageFinder.bas`` and the sheet layout below (from the presentation spec).

    python -m addin.template.build            # or: leakage-finder build-template

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
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from addin import layout as spec
from addin.template.ribbon import CUSTOM_UI_REL, buttons, ribbon_xml, template_text
from addin.workbook.review_log import LOG_COLUMNS
from addin.workbook.settings_sheet import (
    ALIAS_HEADER,
    DEFAULTS,
    EXCLUDE_HEADER,
    EXCLUSIONS_TITLE,
    FIELD_NAMES,
    MAPPING_HEADER,
    MAPPING_TITLE,
    SETTING_LABELS,
)
from addin.workbook.sheets_xlsx import text_safe_workbook
from addin.workbook.xml_part import XmlPart
from addin.workbook.zip_rewrite import rewrite_zip
from engine.read.fields import FIELDS

CUSTOM_UI_PART = "customUI/customUI.xml"

SHEETS = (
    spec.START,
    spec.VENDOR,
    spec.PSA,
    spec.SETTINGS,
    spec.CLIENT_ALIASES,
    spec.PRODUCT_ALIASES,
    spec.HISTORY,
    spec.ACTIVITY_LOG,
)
CODE_NAMES = {name: f"Sheet{index}" for index, name in enumerate(SHEETS, start=1)}
SETUP_COMMANDS = (
    "python -m venv .venv",
    "source .venv/bin/activate",
    "python -m pip install .",
    "leakage-finder setup-excel --workbook workbook_template.xlsm",
)
BUILD_DATE = dt.datetime(2025, 1, 1)
PROJECT_ID = "{6C1F0E35-1B5A-4F43-9E0D-2B8C3B1A7E11}"


#: ThisWorkbook's one event: a Status typed on Discrepancies is logged with its time (nothing runs
#: when the workbook opens; without macros enabled nothing is logged and runs log what they see).
THIS_WORKBOOK_CODE = (
    "Option Explicit\r\n\r\n"
    "Private Sub Workbook_SheetChange(ByVal Sh As Object, ByVal Target As Range)\r\n"
    "    LeakageFinder.LogStatusChange Sh, Target\r\n"
    "End Sub\r\n"
)


def default_template_path() -> Path:
    """The template in a source checkout (the one the README opens)."""
    return Path(__file__).resolve().parents[2] / "workbook_template.xlsm"


def packaged_template_path() -> Path:
    """The template shipped inside the package (package data): what an installed copy uses."""
    return Path(__file__).resolve().parent / "workbook_template.xlsm"


def template_bytes() -> bytes:
    """The workbook template as shipped: no build at run time (the build patches ms-ovba and
    changes directory, which has no place in a user's run)."""
    for path in (packaged_template_path(), default_template_path()):
        if path.exists():
            return path.read_bytes()
    raise FileNotFoundError(
        f"{packaged_template_path()}: the workbook template is missing from the installed package. "
        "Reinstall Leakage Finder (python -m pip install --force-reinstall .)."
    )


def build_vba_project(bas_source: str, code_names: list[str]) -> bytes:
    """A vbaProject.bin with our standard module and a document module for each code name."""
    import ms_ovba_crypto.ms_ovba_crypto as crypto
    from ms_ovba_compression.ms_ovba import MsOvba

    from addin.template.ovba_compression import compress

    workdir = Path(tempfile.mkdtemp(prefix="lf-vba-"))
    previous = Path.cwd()
    original_compress = MsOvba.compress
    original_random = crypto.random  # type: ignore[attr-defined]
    MsOvba.compress = lambda self, data: compress(bytes(data))  # type: ignore[method-assign]
    # PROJECT stream CMG/DPB/GC seeds: fixed, so the build is reproducible (the module's own
    # ``import random``, which it does not export, is what it draws from)
    crypto.random = random.Random(2025)  # type: ignore[attr-defined]
    try:
        os.chdir(workdir)  # ms-ovba writes its streams to the working directory
        with warnings.catch_warnings():
            # ms-cfb leaves temporary files for the garbage collector to close; a ResourceWarning
            # turned into an error there would interrupt the flush and corrupt the container.
            warnings.simplefilter("ignore", ResourceWarning)
            return _write_vba_project(workdir, bas_source, code_names)
    finally:
        MsOvba.compress = original_compress  # type: ignore[method-assign]
        crypto.random = original_random  # type: ignore[attr-defined]
        os.chdir(previous)
        shutil.rmtree(workdir, ignore_errors=True)


def _document_module(workdir: Path, name: str) -> Any:
    """The VBA document module behind a sheet (or ThisWorkbook, with its event code)."""
    from ms_ovba.Models.Entities.doc_module import DocModule

    cls = workdir / f"{name}.cls"
    cls.write_text(
        "VERSION 1.0 CLASS\r\nBEGIN\r\n  MultiUse = -1  'True\r\nEND\r\n"
        f'Attribute VB_Name = "{name}"\r\nAttribute VB_GlobalNameSpace = False\r\n'
        "Attribute VB_Creatable = False\r\nAttribute VB_PredeclaredId = True\r\n"
        "Attribute VB_Exposed = True\r\n" + (THIS_WORKBOOK_CODE if name == "ThisWorkbook" else ""),
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
    return module


def _write_vba_project(workdir: Path, bas_source: str, code_names: list[str]) -> bytes:
    from ms_ovba.Models.Entities.reference import Reference
    from ms_ovba.Models.Entities.reference_registered import ReferenceRegistered
    from ms_ovba.Models.Entities.std_module import StdModule
    from ms_ovba.Models.Fields.libid_reference import LibidReference
    from ms_ovba.vbaProject import VbaProject
    from ms_ovba.Views.project_ole_file import ProjectOleFile

    project = VbaProject()
    project.project_id = PROJECT_ID
    for name in code_names:
        project.add_module(_document_module(workdir, name))
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


def _lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs at ``width`` characters (explicit heights: no overlap anywhere)."""
    lines = 0
    for paragraph in text.split("\n"):
        words, current = paragraph.split(), 0
        lines += 1
        for word in words:
            if current and current + 1 + len(word) > width:
                lines, current = lines + 1, len(word)
            else:
                current += (1 if current else 0) + len(word)
    return max(lines, 1)


START_STEPS = (
    (
        "1. Vendor bill",
        "Paste the vendor's monthly bill (Partner Center, Pax8, a distributor) into the Vendor sheet, "
        "header row included, or click Import Vendor File…",
    ),
    (
        "2. PSA export",
        "Paste the PSA's billing export (ConnectWise, Autotask, HaloPSA, Syncro, Kaseya BMS) into the "
        "PSA sheet, or click Import PSA File…",
    ),
    (
        "3. Reconcile",
        "Click Reconcile on the Leakage Finder tab. The workbook opens on Discrepancies: leakage "
        "(money you pay for and do not bill) first, then over-billing exposure; red rows matter most.",
    ),
    (
        "4. Review",
        "Set each row's Status (Fixed in PSA, Accepted, Ignore) and add a Note; they are kept when you "
        "run it again. Rows marked Check first rest on an inferred match: confirm them before acting.",
    ),
    (
        "5. Month end",
        f"KPIs shows leakage against the {DEFAULTS['target']}% target and the minutes the month took. "
        "Archive Month saves a copy and adds the month to History.",
    ),
)
EXPORT_GUIDES = (
    "Where to find each export: the step-by-step guides for every vendor portal and PSA are in the "
    "docs/export-guides folder of Leakage Finder (README: Export guides).",
)
SETTING_HELP: dict[str, tuple[str, str]] = {
    # key → (what it does, in words a non-technical user reads; an example value)
    "period": (
        "The billing month to reconcile. Leave blank: it is read from the vendor bill.",
        "2025-08",
    ),
    "critical": (
        "A finding worth at least this much a month is Critical (red on Discrepancies).",
        str(DEFAULTS["critical"]),
    ),
    "high": ("At least this much a month is High (orange).", str(DEFAULTS["high"])),
    "medium": (
        "At least this much is Medium (yellow); anything less is Low (green).",
        str(DEFAULTS["medium"]),
    ),
    "target": (
        "The leakage you accept, as % of the vendor's monthly cost. The KPIs tile is green at or "
        "under it, red above.",
        str(DEFAULTS["target"]),
    ),
    "target_margin": (
        "The margin you aim for on each client's licences. Products billed above cost but under "
        "it are listed on Prices before a vendor price rise turns them into below cost.",
        str(DEFAULTS["target_margin"]),
    ),
}


def _wrapped(sheet: Worksheet, row: int, col: int, text: str, fmt: Format, width: float) -> None:
    sheet.write_string(row, col, text, fmt)
    sheet.set_row(row, 15 * _lines(text, width * 0.9) + 2)


def _merged(sheet: Worksheet, row: int, text: str, fmt: Format, width: float = 110) -> None:
    """Text across the four left columns (A:D), its row as tall as the wrapped text needs."""
    sheet.merge_range(row, 0, row, 3, text, fmt)
    sheet.set_row(row, 15 * _lines(text, width * 0.8) + 2)  # wide fonts (LibreOffice) included


def _start(sheet: Worksheet, f: dict[str, Format]) -> None:
    width = 78  # column C, characters
    sheet.hide_gridlines(2)
    sheet.set_column(0, 0, 2)
    sheet.set_column(1, 1, 20)
    sheet.set_column(2, 2, width)
    sheet.write_string(0, 1, "Leakage Finder", f["title"])
    sheet.set_row(0, 26)
    _wrapped(
        sheet,
        1,
        1,
        "Find licences you pay for but do not bill, seat differences and prices below cost.",
        f["plain"],
        100,
    )
    row = _labelled(sheet, f, 3, "Each month", START_STEPS, width)
    row += 1
    _wrapped(sheet, row, 2, EXPORT_GUIDES[0], f["note"], width)
    row = _labelled(sheet, f, row + 2, "Month over month", spec.MONTH_OVER_MONTH_HELP, width)
    tips = [(button.label, button.supertip) for button in buttons()]
    row = _labelled(sheet, f, row + 2, "The buttons", tips, width)
    row = _setup_steps(sheet, f, row + 2, width)
    sheet.set_portrait()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 1)
    sheet.print_area(0, 0, row, 2)


def _labelled(
    sheet: Worksheet,
    f: dict[str, Format],
    row: int,
    heading: str,
    items: Iterable[tuple[str, str]],
    width: float,
) -> int:
    """A heading at ``row``, then a row per (label, text): label in B, wrapped text in C. Returns
    the last row written."""
    sheet.write_string(row, 1, heading, f["heading"])
    for label, body in items:
        row += 1
        sheet.write_string(row, 1, label, f["label"])
        _wrapped(sheet, row, 2, body, f["wrap"], width)
    return row


def _setup_steps(sheet: Worksheet, f: dict[str, Format], row: int, width: float) -> int:
    """Set-up (once): what to type in a terminal. Returns the last row written."""
    sheet.write_string(row, 1, "Set-up (once)", f["heading"])
    row += 1
    _wrapped(
        sheet,
        row,
        2,
        "Needs Python 3.11+ and Excel on Windows or macOS. In a terminal, in the Leakage Finder "
        "folder (on Windows the activate command is .venv\\Scripts\\activate):",
        f["wrap"],
        width,
    )
    for command in SETUP_COMMANDS:
        row += 1
        sheet.write_string(row, 2, command, f["code"])
    row += 1
    _wrapped(
        sheet,
        row,
        2,
        "setup-excel installs the xlwings add-in, pins this Python in the workbook, and checks for "
        "blocked macros, OneDrive paths and macOS permissions, printing the fix for each. Managers "
        "who only read the results need none of this.",
        f["wrap"],
        width,
    )
    return row


def _settings(sheet: Worksheet, f: dict[str, Format]) -> None:
    widths = (30, 14, 56, 12, 2, 18, 34, 34)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, "Settings", f["title"])
    _merged(
        sheet,
        1,
        "Change a value in the Value column; leave anything you do not need blank. Reconcile reads "
        "this sheet by its labels, so you may insert rows. Examples are in grey and never read.",
        f["wrap"],
    )
    row = _thresholds_section(sheet, f, widths[2])
    row = _exclusions_section(sheet, f, row + 2)
    row = _mapping_section(sheet, f, row + 12)
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.print_area(0, 0, row + 20, len(widths) - 1)


def _thresholds_section(sheet: Worksheet, f: dict[str, Format], help_width: float) -> int:
    """Thresholds and month: each setting with its default, what it does and an example. Returns
    the last row written."""
    row = 3
    sheet.write_string(row, 0, "Thresholds and month", f["heading"])
    row += 1
    sheet.write_row(row, 0, ["Setting", "Value", "What it does", "Example"], f["header"])
    for label, key, default, _ in SETTING_LABELS:
        row += 1
        sheet.write_string(row, 0, label)
        if default is None:
            sheet.write_blank(row, 1, None, f["input"])
        else:
            sheet.write_number(row, 1, float(default), f["input"])
        help_text, example = SETTING_HELP.get(key, ("", ""))
        _wrapped(sheet, row, 2, help_text, f["wrap"], help_width)
        sheet.write_string(row, 3, example, f["example"])
    return row


def _exclusions_section(sheet: Worksheet, f: dict[str, Format], row: int) -> int:
    """PSA products that are services: a header, an example, ten input rows from ``row``. Returns
    the header's row."""
    sheet.write_string(row, 0, EXCLUSIONS_TITLE, f["heading"])
    row += 1
    _merged(
        sheet,
        row,
        "PSA products that are services, not licences (support plans, backup per device…): list "
        "their names as the PSA spells them, one a row in column A, and Reconcile leaves them out.",
        f["wrap"],
    )
    row += 1
    sheet.write_string(row, 0, EXCLUDE_HEADER, f["header"])
    sheet.write_string(row, 1, "Example", f["header"])
    sheet.set_row(row, 30)
    sheet.write_string(row + 1, 1, "Managed Services – Per User", f["example"])
    for r in range(row + 1, row + 11):
        sheet.write_blank(r, 0, None, f["input"])
    return row


def _mapping_section(sheet: Worksheet, f: dict[str, Format], row: int) -> int:
    """Column mapping overrides from ``row``, with the Field dropdown's list beside the sections.
    Returns the header's row (twenty input rows follow it)."""
    sheet.write_string(row, 0, MAPPING_TITLE, f["heading"])
    row += 1
    explanation = (
        "Only when Reconcile says it cannot find a column: name the column of your export that holds "
        "a field. Example: Side vendor · Field quantity · Column in your export Seats. The fields are "
        "listed on the right."
    )
    _merged(sheet, row, explanation, f["wrap"])
    row += 1
    sheet.write_row(row, 0, list(MAPPING_HEADER), f["header"])
    sheet.write_string(row, 3, "Example", f["header"])
    sheet.write_row(row + 1, 3, ["vendor · quantity · Seats"], f["example"])
    sheet.data_validation(
        row + 1, 0, row + 20, 0, {"validate": "list", "source": ["vendor", "psa"]}
    )
    # The Field dropdown's list: the field names with what each means, beside the sections (F:H).
    fields = sorted(set(FIELD_NAMES["vendor"]) | set(FIELD_NAMES["psa"]))
    meaning = {side: {fd.name: fd.description for fd in FIELDS[side]} for side in ("vendor", "psa")}
    sheet.write_string(3, 5, "Fields (the Field dropdown's list)", f["heading"])
    sheet.write_row(4, 5, ["Field", "On the vendor bill", "In the PSA export"], f["header"])
    for offset, name in enumerate(fields, start=5):
        sheet.write_string(offset, 5, name)
        sheet.write_string(offset, 6, meaning["vendor"].get(name, "—"), f["small"])
        sheet.write_string(offset, 7, meaning["psa"].get(name, "—"), f["small"])
    sheet.data_validation(
        row + 1,
        1,
        row + 20,
        1,
        {"validate": "list", "source": f"=$F$6:$F${len(fields) + 5}"},
    )
    for r in range(row + 1, row + 21):
        for c in range(3):
            sheet.write_blank(r, c, None, f["input"])
    return row


def _formats(book: xlsxwriter.Workbook) -> dict[str, Format]:
    """The template's formats, by what they are for."""
    header = book.add_format(
        {
            "bold": True,
            "font_color": spec.HEADER_FONT,
            "bg_color": spec.HEADER_FILL,
            "text_wrap": True,
        }
    )
    f = {
        "title": book.add_format({"bold": True, "font_size": 18, "font_color": spec.HEADER_FILL}),
        "heading": book.add_format({"bold": True, "font_size": 12, "font_color": spec.HEADER_FILL}),
        "label": book.add_format({"bold": True, "valign": "top"}),
        "header": header,
        "plain": book.add_format({"valign": "top"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "note": book.add_format({"text_wrap": True, "valign": "top", "italic": True}),
        "code": book.add_format({"font_name": "Consolas", "bg_color": "#F2F2F2"}),
        "input": book.add_format(
            {"num_format": "@", "bg_color": "#FFF9E5", "border": 1, "border_color": "#D9D9D9"}
        ),
        "example": book.add_format({"italic": True, "font_color": "#808080"}),
        "small": book.add_format({"font_size": 9, "font_color": "#595959"}),
    }
    return f


def _sheets(book: xlsxwriter.Workbook) -> None:
    f = _formats(book)
    header = f["header"]
    hint = book.add_format({"italic": True, "font_color": "#7F6000", "bg_color": "#FFF2CC"})
    text = book.add_format({"num_format": "@"})
    sheets = {name: book.add_worksheet(name) for name in SHEETS}
    for name, sheet in sheets.items():
        sheet.set_vba_name(CODE_NAMES[name])

    _start(sheets[spec.START], f)
    sheets[spec.START].activate()

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

    _settings(sheets[spec.SETTINGS], f)

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
    history.set_row(0, 30)
    history.freeze_panes(1, 0)

    log = sheets[spec.ACTIVITY_LOG]
    log.set_column(0, len(LOG_COLUMNS) - 1, 16, text)
    log.write_row(0, 0, list(LOG_COLUMNS), header)
    log.hide()


def _unselect_start(package: bytes) -> bytes:
    """The template opens on Start (the first tab) with no tab marked selected, so a run that opens
    the workbook on Discrepancies never leaves two tabs selected (grouped) nor changes Start."""

    def unselected(part: str, data: bytes) -> bytes:
        if part.startswith("xl/worksheets/sheet"):
            return data.replace(b' tabSelected="1"', b"")
        return data

    return rewrite_zip(package, unselected)


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
    return add_custom_ui(_unselect_start(buffer.getvalue()), ribbon_xml())


def add_custom_ui(package: bytes, custom_ui: str) -> bytes:
    """Add ``customUI/customUI.xml`` and its root relationship (Office 2007 schema) to a package."""

    def related(part: str, data: bytes) -> bytes:
        if part != "_rels/.rels":
            return data
        rels = XmlPart.parse(data.decode("utf-8"))
        link = {"Id": "rIdLeakageFinderUI", "Type": CUSTOM_UI_REL, "Target": CUSTOM_UI_PART}
        ET.SubElement(rels.root, rels.tag("Relationship"), link)
        return rels.text().encode("utf-8")

    return rewrite_zip(package, related, added={CUSTOM_UI_PART: custom_ui.encode("utf-8")})


def build_template(target: Path) -> Path:
    """Write the template to ``target`` (only there: never into the installed package)."""
    from engine.export import atomic_write_bytes

    atomic_write_bytes(target, build_template_bytes())
    return target


if __name__ == "__main__":
    # Developers: rebuild the checkout's two copies (the README's and the packaged one).
    data = build_template_bytes()
    from engine.export import atomic_write_bytes

    for path in (default_template_path(), packaged_template_path()):
        atomic_write_bytes(path, data)
        print(path)
