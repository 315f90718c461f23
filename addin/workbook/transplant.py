"""Put freshly rendered output sheets into an existing .xlsx/.xlsm package, touching nothing else.

Why not load and re-save the whole workbook with openpyxl? At 100k pasted lines that costs ~45 s, and
a full re-save rewrites the user's pasted sheets (and can drop features openpyxl does not model). Here
the cost follows the size of the *output*: the output sheets are rendered by xlsxwriter into a small
package, and their parts are moved into the user's package:

* each output sheet's XML (shared strings turned into inline strings, style ids remapped),
* its tables, drawings and charts (renamed so nothing collides),
* the styles they use, appended to ``styles.xml`` only when not already there (re-runs add nothing),
* ``workbook.xml``/rels/``[Content_Types].xml`` entries for sheets that are new.

Every other part — the pasted Vendor and PSA sheets, the VBA project, the ribbon, the user's own
sheets — is copied with identical bytes. An existing output sheet keeps its place, name, sheetId and
relationship id, so defined names and the tab order stay valid.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from addin.workbook.appended_rows import Appended, append_rows
from addin.workbook.package import (
    Package,
    part_relationships,
    related_parts,
    rels_path,
    resolve_target,
    workbook_sheets,
)
from addin.workbook.sheet_rows import fill_rows_pieces
from addin.workbook.sheets_xlsx import Rendered
from addin.workbook.style_merger import StyleMerger
from addin.workbook.workbook_entries import (
    activate,
    add_sheets,
    copy_print_names,
    drop_calc_chain,
    hidden_sheets,
    rels_document,
)
from addin.workbook.xml_part import ParseError, XmlPart, split
from engine.errors import UnreadableFileError
from engine.export import atomic_write

CONTENT_TYPES = {
    "worksheets": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    "tables": "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
    "drawings": "application/vnd.openxmlformats-officedocument.drawing+xml",
    "charts": "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
}


def _inline_strings(sheet_xml: str, shared: list[str]) -> str:
    """``t="s"`` cells → inline strings, so the target's sharedStrings part is never touched."""

    def swap(match: re.Match[str]) -> str:
        attributes, index = match.group(1), int(match.group(2))
        return f'<c{attributes} t="inlineStr"><is>{shared[index]}</is></c>'

    return re.sub(r'<c([^>]*?) t="s"><v>(\d+)</v></c>', swap, sheet_xml)


def _append_shared_strings(target: Package, shared: list[str]) -> int:
    """Append the rendered package's strings to the target's shared-string table, once, and return
    where they start (as Excel saves pasted values: for input sheets, where inline strings would be
    unlike a real file)."""
    part = "xl/sharedStrings.xml"
    table = target.text(part)
    offset = len(_shared_strings(target))
    end = table.rindex("</sst>")
    table = table[:end] + "".join(f"<si>{text}</si>" for text in shared) + table[end:]
    total = offset + len(shared)
    table = re.sub(
        r'\b(count|uniqueCount)="\d+"', lambda m: f'{m.group(1)}="{total}"', table, count=2
    )
    target.set(part, table)
    return offset


def _shifted_strings(sheet_xml: str, offset: int) -> str:
    """``t="s"`` cells pointing ``offset`` further into the shared-string table."""
    return re.sub(
        r'(<c[^>]*? t="s"><v>)(\d+)(</v></c>)',
        lambda m: f"{m.group(1)}{int(m.group(2)) + offset}{m.group(3)}",
        sheet_xml,
    )


def _shared_strings(source: Package) -> list[str]:
    if not source.exists("xl/sharedStrings.xml"):
        return []
    text = source.text("xl/sharedStrings.xml")
    return [m.group(1) for m in re.finditer(r"<si>(.*?)</si>", text, re.DOTALL)]


def _free_name(package: Package, folder: str, stem: str, taken: set[str]) -> str:
    index = 1
    while True:
        candidate = f"xl/{folder}/{stem}{index}.xml"
        if not package.exists(candidate) and candidate not in taken:
            taken.add(candidate)
            return candidate
        index += 1


def _max_table_id(package: Package) -> int:
    ids = [0]
    for part in package.part_names:
        if part.startswith("xl/tables/") and package.exists(part):
            match = re.search(rb'<table\b[^>]*?\bid="(\d+)"', package.data(part))
            if match:
                ids.append(int(match.group(1)))
    return max(ids)


def _content_type_edit(types_xml: str, removed: Iterable[str], added: dict[str, str]) -> str:
    """[Content_Types].xml without the removed parts' overrides and with the added parts'."""
    types = XmlPart.parse(types_xml)
    gone = {f"/{part}" for part in removed}
    for element in list(types.root):
        if split(element.tag)[1] == "Override" and element.attrib.get("PartName") in gone:
            types.root.remove(element)
    for part, content_type in added.items():
        attributes = {"PartName": f"/{part}", "ContentType": content_type}
        ET.SubElement(types.root, types.tag("Override"), attributes)
    return types.text()


def _remap(xml: str, pattern: str, mapping: dict[int, int]) -> str:
    """Rewrite the number captured by ``pattern``'s last group through ``mapping`` (style ids)."""

    def swap(match: re.Match[str]) -> str:
        value = int(match.group(match.lastindex or 1))
        start, end = match.span(match.lastindex or 1)
        whole = match.group(0)
        offset = match.start(0)
        return whole[: start - offset] + str(mapping.get(value, value)) + whole[end - offset :]

    return re.sub(pattern, swap, xml)


def _sheet_xml(xml: str, xf_map: dict[int, int], dxf_map: dict[int, int]) -> str:
    """A rendered sheet made fit for the target: the target's style ids, not selected."""
    xml = _remap(xml, r'<c\b[^>]*?\bs="(\d+)"', xf_map)
    xml = _remap(xml, r'<(?:row|col)\b[^>]*?\bs(?:tyle)?="(\d+)"', xf_map)
    xml = _remap(xml, r'\bdxfId="(\d+)"', dxf_map)
    return xml.replace(' tabSelected="1"', "")


def _drop_owned_parts(target: Package, part: str, removed: list[str]) -> None:
    """Remove an output sheet's tables, drawings, charts and relationships before it is replaced."""
    for old in [*related_parts(target, part), rels_path(part)]:
        for owned in (old, rels_path(old)):
            if target.exists(owned):
                target.remove(owned)
                removed.append(owned)


@dataclass
class _Transplant:
    """State of one replace_sheets call: what was added and removed, names already taken."""

    target: Package
    source: Package
    dxf_map: dict[int, int]
    removed: list[str] = field(default_factory=list)
    added_types: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    next_table_id: int = 1

    def new_part(self, folder: str, stem: str) -> str:
        part = _free_name(self.target, folder, stem, self.taken)
        self.added_types[part] = CONTENT_TYPES.get(folder, "application/xml")
        return part

    def copy_owned(self, source_part: str, target_part: str) -> None:
        """Copy a sheet's tables and drawings (with their charts), renamed to free part names."""
        relationships: list[tuple[str, str, str]] = []
        for rel in part_relationships(self.source, source_part):
            child = resolve_target(source_part, rel["Target"])
            folder = child.split("/")[1]
            new_child = self.new_part(folder, folder.rstrip("s"))
            data = self.source.text(child)
            if folder == "tables":
                data = re.sub(
                    r'(<table\b[^>]*?\bid=")\d+"', rf'\g<1>{self.next_table_id}"', data, count=1
                )
                data = _remap(data, r'\bdxfId="(\d+)"', self.dxf_map)
                self.next_table_id += 1
            elif folder == "drawings":
                self.copy_owned(child, new_child)
            elif folder == "charts":
                self.target.set(new_child, self.source.data(child))
                relationships.append((rel["Id"], rel["Type"], _relative(new_child, target_part)))
                continue
            self.target.set(new_child, data)
            relationships.append((rel["Id"], rel["Type"], _relative(new_child, target_part)))
        if relationships:
            self.target.set(rels_path(target_part), rels_document(relationships))


def _relative(part: str, from_part: str) -> str:
    return posixpath.relpath(part, posixpath.dirname(from_part))


def replace_sheets(
    target_bytes: bytes,
    rendered: bytes | Rendered,
    *,
    name: str = "workbook",
    shared_strings: bool = False,
    active: str | None = None,
    hidden: Collection[str] = (),
    appended: Mapping[str, Appended] | None = None,
) -> bytes:
    """Return ``target_bytes`` with every sheet of ``rendered`` put in (replacing same-named sheets).

    ``rendered`` is a package, or sheet shells whose remaining rows are written here, directly in the
    target's style ids (so the bulk of the cells never needs remapping). Text becomes inline strings,
    so the target's shared-string table is never touched; ``shared_strings`` appends it to that table
    instead, as Excel would (for pasted input sheets in tests and the benchmark). ``active`` names
    the sheet the workbook opens on; a sheet hidden in ``rendered`` is added hidden, and so are the
    sheets named in ``hidden`` when they are new (a sheet the user has unhidden stays as they left
    it).
    ``appended`` adds rows to sheets the user owns (Client Aliases), in place: every existing cell,
    column and row stays as it is.
    """
    package = _replaced(
        target_bytes, rendered, name, shared_strings, hidden, appended or {}, active
    )
    with _damaged(name):
        return package.to_bytes()


def replace_sheets_into(
    path: Path,
    target_bytes: bytes,
    rendered: bytes | Rendered,
    *,
    name: str = "workbook",
    active: str | None = None,
    hidden: Collection[str] = (),
    appended: Mapping[str, Appended] | None = None,
) -> None:
    """:func:`replace_sheets`, the result written atomically to ``path`` as it is put together:
    a reconciled workbook is never held whole in memory beside its original (~0.3 GB at Excel's
    row limit)."""
    package = _replaced(target_bytes, rendered, name, False, hidden, appended or {}, active)
    with _damaged(name):
        atomic_write(path, package.write_to)


def _replaced(
    target_bytes: bytes,
    rendered: bytes | Rendered,
    name: str,
    shared_strings: bool,
    hidden: Collection[str],
    appended: Mapping[str, Appended],
    active: str | None,
) -> Package:
    with _damaged(name):
        return _replace_sheets(
            target_bytes, rendered, name, shared_strings, hidden, appended, active
        )


@contextmanager
def _damaged(name: str) -> Iterator[None]:
    try:
        yield
    except (ValueError, KeyError, IndexError, StopIteration, ParseError) as error:
        # The package opened, but a part we must edit is not as Excel writes it.
        raise UnreadableFileError(
            f"{name}: the workbook's structure is damaged ({type(error).__name__}: {error}). Open "
            "it in Excel (it offers to repair it), save it again and run once more."
        ) from None


def _replace_sheets(
    target_bytes: bytes,
    rendered: bytes | Rendered,
    name: str,
    shared_strings: bool,
    hidden: Collection[str],
    appended: Mapping[str, Appended],
    active: str | None = None,
) -> Package:
    pending = rendered.pending if isinstance(rendered, Rendered) else {}
    target = Package.read(target_bytes, name)
    source = Package.read(
        rendered.package if isinstance(rendered, Rendered) else rendered, "rendered output"
    )
    xf_map, dxf_map = _merged_styles(target, source)
    shared = _shared_strings(source)
    keep_shared = shared_strings and target.exists("xl/sharedStrings.xml")
    offset = _append_shared_strings(target, shared) if keep_shared else 0
    existing = {sheet_name: part for sheet_name, _, part in workbook_sheets(target)}
    work = _Transplant(target, source, dxf_map, next_table_id=_max_table_id(target) + 1)
    new_sheets: list[tuple[str, str]] = []
    source_hidden = hidden_sheets(source)
    hidden_new: set[str] = set()
    for sheet_name, _, source_part in workbook_sheets(source):
        if sheet_name in existing:
            part = existing[sheet_name]  # same place, name, sheetId and relationship id
            _drop_owned_parts(target, part, work.removed)
        else:
            part = work.new_part("worksheets", "sheet")
            new_sheets.append((sheet_name, part))
            if sheet_name in source_hidden:
                hidden_new.add(sheet_name)
        xml = source.text(source_part)
        xml = _shifted_strings(xml, offset) if keep_shared else _inline_strings(xml, shared)
        xml = _sheet_xml(xml, xf_map, dxf_map)
        if sheet_name == active:
            # selected in its shell, as activate would: the filled sheet (the biggest) is then
            # deflated once, on the deflater's thread, not again after an edit (issue 15)
            xml = xml.replace("<sheetView ", '<sheetView tabSelected="1" ', 1)
        if sheet_name in pending:
            rows, template_row = pending[sheet_name]
            heights = rendered.heights.get(sheet_name) if isinstance(rendered, Rendered) else None
            target.set_streamed(
                part, fill_rows_pieces(xml, rows, template_row=template_row, heights=heights)
            )
        else:
            target.set(part, xml, deflate_now=True)
        work.copy_owned(source_part, part)
    for sheet_name, rows_at in appended.items():
        if sheet_name in existing and rows_at.rows:
            part = existing[sheet_name]
            target.set(part, append_rows(target.text(part), rows_at))
    _finish_workbook(work, new_sheets, hidden_new | set(hidden), active)
    return target


def _merged_styles(target: Package, source: Package) -> tuple[dict[int, int], dict[int, int]]:
    """The rendered styles put into the target's styles.xml; the cell and dxf id maps."""
    merger = StyleMerger(target.text("xl/styles.xml"), source.text("xl/styles.xml"))
    merger.merge()
    target.set("xl/styles.xml", merger.xml)
    return merger.maps.get("cellXfs", {}), merger.maps.get("dxfs", {})


def _finish_workbook(
    work: _Transplant, new_sheets: list[tuple[str, str]], hidden: set[str], active: str | None
) -> None:
    """The workbook's own parts after the sheets went in: new sheets' entries, print names, the
    active sheet, the calc chain and the content types."""
    target, source = work.target, work.source
    if new_sheets:
        add_sheets(target, new_sheets, hidden)
    copy_print_names(target, source)
    if active is not None:
        activate(target, active)
    drop_calc_chain(target, work.removed)
    types = _content_type_edit(target.text("[Content_Types].xml"), work.removed, work.added_types)
    target.set("[Content_Types].xml", types)
