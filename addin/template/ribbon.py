"""The ribbon as data, parsed from ``template/ribbon.xml`` (the one source of the button list).

The Start sheet, the README check and the drift tests all read buttons from here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib import resources

CUSTOM_UI_NS = "http://schemas.microsoft.com/office/2006/01/customui"
CUSTOM_UI_REL = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"
#: VBA callback → Python entry point in addin.excel.live (None: handled in VBA alone).
ENTRY_POINTS: dict[str, str | None] = {
    "ImportVendor": "import_vendor",
    "ImportPsa": "import_psa",
    "Reconcile": "reconcile",
    "ClearResults": "clear_results",
    "ArchiveMonth": "archive_month",
    "ShowHelp": None,
}


@dataclass(frozen=True)
class Button:
    id: str
    label: str
    group: str
    on_action: str
    image_mso: str
    keytip: str
    screentip: str
    supertip: str


def template_text(name: str) -> str:
    return resources.files("addin").joinpath("template").joinpath(name).read_text(encoding="utf-8")


def ribbon_xml() -> str:
    return template_text("ribbon.xml")


def buttons() -> list[Button]:
    root = ET.fromstring(ribbon_xml().encode("utf-8"))
    out = []
    for group in root.iter(f"{{{CUSTOM_UI_NS}}}group"):
        for button in group.iter(f"{{{CUSTOM_UI_NS}}}button"):
            a = button.attrib
            out.append(
                Button(
                    a["id"],
                    a["label"],
                    group.attrib["label"],
                    a["onAction"],
                    a.get("imageMso", ""),
                    a.get("keytip", ""),
                    a.get("screentip", ""),
                    a.get("supertip", ""),
                )
            )
    return out
