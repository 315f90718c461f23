"""Build ``workbook_template.xlsm`` from its text sources: ``template/ribbon.xml``,
``template/LeakageFinder.bas`` and the sheet layout in :mod:`addin.template.sheets` (from the
presentation spec).

    python -m addin.template.build            # or: leakage-finder build-template

The VBA project is made by ms-ovba from the ``.bas`` module plus one document module per sheet (code
names ``ThisWorkbook``, ``Sheet1``…); the sheets by xlsxwriter; the ribbon part is added to the
package with the Office 2007 customUI relationship. The build is deterministic: a test rebuilds the
template and compares it with the committed one, part by part.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from io import BytesIO
from pathlib import Path

from addin.template.ribbon import CUSTOM_UI_REL, ribbon_xml, template_text
from addin.template.sheets import CODE_NAMES, write_sheets
from addin.template.vba_project import build_vba_project
from addin.workbook.sheets_xlsx import text_safe_workbook
from addin.workbook.xml_part import XmlPart
from addin.workbook.zip_rewrite import rewrite_zip

CUSTOM_UI_PART = "customUI/customUI.xml"

BUILD_DATE = dt.datetime(2025, 1, 1)


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
    write_sheets(book)
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
