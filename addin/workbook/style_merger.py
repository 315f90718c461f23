"""Styles for transplanted sheets: the rendered package's formats appended to the target's styles.xml
only when not already there, and the id maps the sheets' cells are remapped with."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections.abc import Callable

from addin.workbook.xml_part import XmlPart, split

_STYLE_SECTIONS = (
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
)
_ITEM_TAG = {
    "numFmts": "numFmt",
    "fonts": "font",
    "fills": "fill",
    "borders": "border",
    "cellXfs": "xf",
    "dxfs": "dxf",
}


def _adopted(item: ET.Element, source: XmlPart, target: XmlPart) -> ET.Element:
    """A copy of a source element for the target: names in the source's main namespace moved to
    the target's (a strict-OOXML workbook takes transitional items as its own)."""
    copied = copy.deepcopy(item)
    if source.namespace != target.namespace:
        for element in copied.iter():
            uri, local = split(element.tag)
            if uri == source.namespace:
                element.tag = target.tag(local)
    return copied


class StyleMerger:
    """Append the source workbook's styles to the target's, reusing identical entries (compared as
    the target writes them)."""

    def __init__(self, target_xml: str, source_xml: str) -> None:
        self.target = XmlPart.parse(target_xml)
        self.source = XmlPart.parse(source_xml)
        self.maps: dict[str, dict[int, int]] = {}

    @property
    def xml(self) -> str:
        return self.target.text()

    @staticmethod
    def _items(part: XmlPart, section: str) -> list[ET.Element]:
        found = part.root.find(part.tag(section))
        return [] if found is None else found.findall(part.tag(_ITEM_TAG[section]))

    def _write_section(self, section: str, items: list[ET.Element]) -> None:
        """The section holds ``items`` and says how many (its other attributes kept); a section
        the target lacks goes where the schema's order puts it."""
        found = self.target.root.find(self.target.tag(section))
        if found is None:
            later = _STYLE_SECTIONS[_STYLE_SECTIONS.index(section) + 1 :]
            position = next(
                (i for i, e in enumerate(self.target.root) if split(e.tag)[1] in later),
                len(self.target.root),
            )
            found = ET.Element(self.target.tag(section))
            self.target.root.insert(position, found)
        attributes = {k: v for k, v in found.attrib.items() if k != "count"}
        found.attrib.clear()
        found.attrib.update({"count": str(len(items)), **attributes})
        found[:] = items
        found.text = None

    def _merge(
        self, section: str, rewrite: Callable[[ET.Element], None] | None = None
    ) -> dict[int, int]:
        target = self._items(self.target, section)
        known: dict[str, int] = {}
        for index, item in enumerate(target):
            known.setdefault(self.target.element_text(item), index)
        mapping: dict[int, int] = {}
        for index, source_item in enumerate(self._items(self.source, section)):
            item = _adopted(source_item, self.source, self.target)
            if rewrite:
                rewrite(item)
            key = self.target.element_text(item)
            if key not in known:
                known[key] = len(target)
                target.append(item)
            mapping[index] = known[key]
        if mapping:
            self._write_section(section, target)
        self.maps[section] = mapping
        return mapping

    def _merge_number_formats(self) -> dict[int, int]:
        """Source number-format id → the target's id for the same code (added when new)."""
        items = self._items(self.target, "numFmts")
        target_formats = {i.attrib["formatCode"]: int(i.attrib["numFmtId"]) for i in items}
        next_id = max([163, *target_formats.values()]) + 1
        formats: dict[int, int] = {}
        for item in self._items(self.source, "numFmts"):
            code = item.attrib["formatCode"]
            if code not in target_formats:
                target_formats[code] = next_id
                attributes = {"numFmtId": str(next_id), "formatCode": code}
                items.append(ET.Element(self.target.tag("numFmt"), attributes))
                next_id += 1
            formats[int(item.attrib["numFmtId"])] = target_formats[code]
        if formats:
            self._write_section("numFmts", items)
        return formats

    def merge(self) -> None:
        ids = {
            "numFmtId": self._merge_number_formats(),
            "fontId": self._merge("fonts"),
            "fillId": self._merge("fills"),
            "borderId": self._merge("borders"),
        }

        def rewrite_xf(item: ET.Element) -> None:
            for name, mapping in ids.items():
                if name in item.attrib:
                    value = int(item.attrib[name])
                    item.attrib[name] = str(mapping.get(value, value))

        self._merge("cellXfs", rewrite_xf)
        self._merge("dxfs")
