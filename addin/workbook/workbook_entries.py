"""The workbook's own parts after a transplant: new sheets' entries (workbook.xml, its rels, hidden
state), print names, the active sheet, relationship documents and a stale calc chain dropped."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection

from addin.workbook.package import Package, rels_path, sheet_elements, workbook_sheets
from addin.workbook.xml_part import XmlPart, split

NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_WORKSHEET = NS_REL + "/worksheet"


def rels_document(relationships: list[tuple[str, str, str]]) -> str:
    """A relationships part: (Id, Type, Target) each."""
    rels = XmlPart.new("Relationships", NS_PACKAGE_RELS)
    for rid, rel_type, target in relationships:
        attributes = {"Id": rid, "Type": rel_type, "Target": target}
        ET.SubElement(rels.root, rels.tag("Relationship"), attributes)
    return rels.text()


_PRINT_NAMES = ("_xlnm.Print_Area", "_xlnm.Print_Titles")
#: What may stand between <sheets> and <definedNames> in a workbook (ECMA-376 CT_Workbook's order).
_BEFORE_DEFINED_NAMES = ("sheets", "functionGroups", "externalReferences")


def _print_names(workbook: XmlPart) -> list[ET.Element]:
    names = workbook.root.find(workbook.tag("definedNames"))
    return [
        e
        for e in ([] if names is None else names.findall(workbook.tag("definedName")))
        if e.attrib.get("name") in _PRINT_NAMES and "localSheetId" in e.attrib
    ]


def copy_print_names(target: Package, source: Package) -> None:
    """The rendered sheets' print areas and print titles (sheet-local defined names), under the
    target's sheet positions; the target's own names for those sheets are replaced."""
    rendered = XmlPart.parse(source.text("xl/workbook.xml"))
    source_names = [e.attrib["name"] for e in sheet_elements(rendered)]
    found = _print_names(rendered)
    if not found:
        return
    workbook = XmlPart.parse(target.text("xl/workbook.xml"))
    positions = {e.attrib["name"]: i for i, e in enumerate(sheet_elements(workbook))}
    copies = []
    for element in found:
        sheet = source_names[int(element.attrib["localSheetId"])]
        attributes = {**element.attrib, "localSheetId": str(positions[sheet])}
        copied = ET.Element(workbook.tag("definedName"), attributes)
        copied.text = element.text
        copies.append(copied)
    replaced = {(c.attrib["name"], int(c.attrib["localSheetId"])) for c in copies}
    names = workbook.root.find(workbook.tag("definedNames"))
    if names is None:
        position = 1 + max(
            i for i, e in enumerate(workbook.root) if split(e.tag)[1] in _BEFORE_DEFINED_NAMES
        )
        names = ET.Element(workbook.tag("definedNames"))
        workbook.root.insert(position, names)
    for element in _print_names(workbook):
        if (element.attrib["name"], int(element.attrib["localSheetId"])) in replaced:
            names.remove(element)
    names[:0] = copies
    target.set("xl/workbook.xml", workbook.text())


def hidden_sheets(package: Package) -> set[str]:
    workbook = XmlPart.parse(package.text("xl/workbook.xml"))
    return {
        e.attrib["name"]
        for e in sheet_elements(workbook)
        if e.attrib.get("state") in ("hidden", "veryHidden")
    }


def activate(target: Package, name: str) -> None:
    """Open on ``name``: the workbook view's active tab, and that sheet alone selected (another
    selected tab would group the sheets). Sheets without a selection keep their bytes."""
    sheets = workbook_sheets(target)
    index = next((i for i, (n, _, _) in enumerate(sheets) if n == name), None)
    if index is None:
        return
    workbook = XmlPart.parse(target.text("xl/workbook.xml"))
    view = workbook.root.find(f"{workbook.tag('bookViews')}/{workbook.tag('workbookView')}")
    if view is not None:
        kept = {k: v for k, v in view.attrib.items() if k not in ("activeTab", "firstSheet")}
        view.attrib.clear()
        view.attrib.update({"activeTab": str(index), **kept})
        target.set("xl/workbook.xml", workbook.text())
    for sheet_name, _, part in sheets:
        head = target.head(part)  # the sheet view comes before the cells
        selected = b'tabSelected="1"' in head.split(b"<sheetData", 1)[0]
        # edited as bytes, the cells untouched: a 100k-row sheet is never decoded and re-encoded
        # (its text would take four times its size in memory: issue 15)
        if sheet_name != name and selected:
            data = target.data(part)
            cut = data.find(b"<sheetData")  # the selection is in the head, before the cells
            cut = len(data) if cut == -1 else cut
            views = re.sub(r'\s?tabSelected="1"', "", data[:cut].decode("utf-8"), count=1)
            target.set(part, views.encode("utf-8") + data[cut:], deflate_now=True)
        elif sheet_name == name and not selected:
            data = target.data(part)
            target.set(part, data.replace(b"<sheetView ", b'<sheetView tabSelected="1" ', 1))


def add_sheets(
    target: Package, new_sheets: list[tuple[str, str]], hidden: Collection[str] = ()
) -> None:
    workbook = XmlPart.parse(target.text("xl/workbook.xml"))
    workbook.declare("r", NS_REL)  # kept under the prefix the workbook has for it
    sheets = workbook.root.find(workbook.tag("sheets"))
    if sheets is None:
        raise ValueError("xl/workbook.xml lists no sheets")
    rels_part = rels_path("xl/workbook.xml")
    rels = XmlPart.parse(target.text(rels_part))
    used_ids = {e.attrib.get("Id") for e in rels.root}
    next_sheet_id = max([int(e.attrib["sheetId"]) for e in sheet_elements(workbook)] or [0]) + 1
    counter = 1
    for sheet_name, part in new_sheets:
        while f"rIdLF{counter}" in used_ids:
            counter += 1
        rid = f"rIdLF{counter}"
        used_ids.add(rid)
        attributes = {"name": sheet_name, "sheetId": str(next_sheet_id)}
        if sheet_name in hidden:
            attributes["state"] = "hidden"
        attributes[f"{{{NS_REL}}}id"] = rid
        ET.SubElement(sheets, workbook.tag("sheet"), attributes)
        link = {"Id": rid, "Type": REL_WORKSHEET, "Target": posixpath.relpath(part, "xl")}
        ET.SubElement(rels.root, rels.tag("Relationship"), link)
        next_sheet_id += 1
    target.set("xl/workbook.xml", workbook.text())
    target.set(rels_part, rels.text())


def drop_calc_chain(target: Package, removed: list[str]) -> None:
    """Excel rebuilds the calculation chain; a stale one pointing at replaced cells must not stay."""
    if not target.exists("xl/calcChain.xml") or not removed:
        return
    target.remove("xl/calcChain.xml")
    removed.append("xl/calcChain.xml")
    rels_part = rels_path("xl/workbook.xml")
    rels = XmlPart.parse(target.text(rels_part))
    for element in list(rels.root):
        if _CALC_CHAIN.fullmatch(element.attrib.get("Target", "")):
            rels.root.remove(element)
    target.set(rels_part, rels.text())


_CALC_CHAIN = re.compile(r"/?(?:xl/)?calcChain\.xml")
