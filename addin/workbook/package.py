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

import copy
import posixpath
import re
import struct
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from queue import Queue
from typing import IO

from addin.workbook.sheet_rows import clip, escape_text, fill_rows_pieces
from addin.workbook.sheets_xlsx import Rendered
from addin.workbook.xml_part import ParseError, XmlPart, split
from engine.errors import UnreadableFileError
from engine.export import atomic_write

NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_WORKSHEET = NS_REL + "/worksheet"
CONTENT_TYPES = {
    "worksheets": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    "tables": "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
    "drawings": "application/vnd.openxmlformats-officedocument.drawing+xml",
    "charts": "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
}
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


#: What reading a damaged part of a package can raise (a flagged-encrypted part raises RuntimeError).
_DAMAGED = (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error, NotImplementedError)


class Package:
    """A zip package read lazily: parts are decompressed only when looked at, and parts that were not
    changed are copied with their compressed bytes as they are (byte-for-byte, and fast at 100k rows)."""

    def __init__(self, data: bytes, name: str) -> None:
        try:
            self._archive = zipfile.ZipFile(BytesIO(data))
            self.infos = self._archive.infolist()
        except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError) as error:
            raise UnreadableFileError(
                f"{name}: the workbook is damaged ({error}). Save it again in Excel."
            ) from None
        self._source, self._name = data, name
        self._names = {info.filename for info in self.infos}
        self._loaded: dict[str, bytes] = {}
        self.changed: dict[str, bytes] = {}
        self.removed: set[str] = set()
        self._deflating: dict[str, Future[_Deflated]] = {}
        self._deflater: ThreadPoolExecutor | None = None
        #: parts written by set_streamed: their first bytes and their size (only deflated whole)
        self._streamed: dict[str, tuple[bytes, int]] = {}

    @classmethod
    def read(cls, data: bytes, name: str) -> Package:
        return cls(data, name)

    def data(self, part: str) -> bytes:
        if part in self._streamed:  # kept deflated only: inflated again when asked for (rarely)
            return zlib.decompress(self._deflating[part].result()[1], -15)
        if part in self.changed:
            return self.changed[part]
        if part not in self._loaded:
            try:
                self._loaded[part] = self._archive.read(part)
            except _DAMAGED as error:
                raise UnreadableFileError(
                    f"{self._name}: part {part} is damaged ({error}). Open the workbook in Excel "
                    "(it offers to repair it) and save it again."
                ) from None
            except RuntimeError as error:  # zipfile: the part is flagged encrypted
                raise UnreadableFileError(
                    f"{self._name}: part {part} is encrypted ({error}). Remove the protection in "
                    "Excel and save it again."
                ) from None
        return self._loaded[part]

    def text(self, part: str) -> str:
        try:
            return self.data(part).decode("utf-8")
        except UnicodeDecodeError as error:
            raise UnreadableFileError(
                f"{self._name}: part {part} is damaged (not UTF-8 XML: {error.reason} at byte "
                f"{error.start}). Open the workbook in Excel and save it again."
            ) from None

    def head(self, part: str, size: int = 4096) -> bytes:
        """The first bytes of a part, decompressing no more than that (a 100k-row sheet's view)."""
        if part in self._streamed and size <= len(self._streamed[part][0]):
            return self._streamed[part][0][:size]
        if part in self.changed or part in self._loaded:
            return self.data(part)[:size]
        try:
            with self._archive.open(part) as stream:
                return stream.read(size)
        except (*_DAMAGED, RuntimeError):
            return self.data(part)[:size]  # reads it whole, and names what is wrong with it

    def set(self, part: str, data: str | bytes, *, deflate_now: bool = False) -> None:
        """Replace or add a part. ``deflate_now`` compresses it on a second thread straight away
        (zlib works outside the GIL), so big sheets compress while the next one is generated."""
        self.changed[part] = data.encode("utf-8") if isinstance(data, str) else data
        self.removed.discard(part)
        self._deflating.pop(part, None)
        self._streamed.pop(part, None)
        if deflate_now:
            self._deflating[part] = self._deflating_thread().submit(_deflate, self.changed[part])

    def set_streamed(self, part: str, pieces: Iterable[bytes]) -> None:
        """Replace or add a part from its pieces, handed to the deflater's thread as they come: a
        big sheet is never held whole (an output sheet at Excel's row limit is ~0.9 GB of XML, at
        100k lines ~40 MB). A part that stays small is set as :meth:`set` would."""
        pieces = iter(pieces)
        first: list[bytes] = []
        size = 0
        for piece in pieces:
            first.append(piece)
            size += len(piece)
            if size > _BIG_PART:
                break
        else:
            self.set(part, b"".join(first), deflate_now=True)
            return
        queued: Queue[bytes | None] = Queue(maxsize=_QUEUED_PIECES)
        future = self._deflating_thread().submit(_deflate_pieces, queued)
        head = b"".join(first)[:_HEAD]
        try:
            for piece in first:
                queued.put(piece)
            first.clear()
            for piece in pieces:
                size += len(piece)
                queued.put(piece)
        finally:
            queued.put(None)  # the deflater always reaches the end, whatever happened here
        self.changed[part] = b""  # its bytes live deflated only (see data)
        self._streamed[part] = (head, size)
        self.removed.discard(part)
        self._deflating[part] = future

    def _deflating_thread(self) -> ThreadPoolExecutor:
        if self._deflater is None:
            self._deflater = ThreadPoolExecutor(max_workers=1)
        return self._deflater

    def remove(self, part: str) -> None:
        if part in self._names or part in self.changed:
            self.removed.add(part)

    def exists(self, part: str) -> bool:
        return (part in self._names or part in self.changed) and part not in self.removed

    @property
    def part_names(self) -> list[str]:
        return [
            *(i.filename for i in self.infos),
            *(p for p in self.changed if p not in self._names),
        ]

    def to_bytes(self) -> bytes:
        buffer = BytesIO()
        self.write_to(buffer)
        return buffer.getvalue()

    def write_to(self, stream: IO[bytes]) -> None:
        """The package, written to ``stream`` part after part (a file: never held whole)."""
        try:
            with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
                for info in self.infos:
                    if info.filename in self.removed:
                        continue
                    if info.filename in self.changed:
                        self._write_changed(archive, copy.copy(info))
                    else:
                        self._copy_raw(archive, info)
                for part in self.changed:
                    if part not in self._names and part not in self.removed:
                        info = zipfile.ZipInfo(part, date_time=(1980, 1, 1, 0, 0, 0))
                        self._write_changed(archive, info)
        finally:
            if self._deflater is not None:
                self._deflater.shutdown()
                self._deflater = None

    def _write_changed(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        data = self.changed[info.filename]
        pending = self._deflating.get(info.filename)
        if pending is None:
            archive.writestr(
                info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=_level(data)
            )
            return
        crc, compressed = pending.result()
        size = self._streamed[info.filename][1] if info.filename in self._streamed else len(data)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.flag_bits &= ~0x08  # sizes and CRC are in the local header: no data descriptor
        info.CRC, info.compress_size, info.file_size = crc, len(compressed), size
        assert archive.fp is not None
        info.header_offset = archive.fp.tell()
        archive.fp.write(info.FileHeader(zip64=False))
        archive.fp.write(compressed)
        archive.filelist.append(info)
        archive.NameToInfo[info.filename] = info
        archive.start_dir = archive.fp.tell()

    def _copy_raw(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        """Append an entry's local header and compressed data unchanged; zipfile writes its central
        directory record (with the new offset) when the archive closes."""
        start = info.header_offset
        if self._source[start : start + 4] != b"PK\x03\x04":
            raise UnreadableFileError(
                f"{self._name}: part {info.filename} is damaged (its header is not where the "
                "package's directory says). Open the workbook in Excel and save it again."
            )
        name_length, extra_length = struct.unpack("<HH", self._source[start + 26 : start + 30])
        end = start + 30 + name_length + extra_length + info.compress_size
        if end > len(self._source):
            raise UnreadableFileError(
                f"{self._name}: part {info.filename} is cut short. Open the workbook in Excel and "
                "save it again."
            )
        if info.flag_bits & 0x08:  # a data descriptor follows the data
            end += 16 if self._source[end : end + 4] == b"PK\x07\x08" else 12
        copied = copy.copy(info)
        assert archive.fp is not None
        copied.header_offset = archive.fp.tell()
        archive.fp.write(self._source[start:end])
        archive.filelist.append(copied)
        archive.NameToInfo[copied.filename] = copied
        archive.start_dir = archive.fp.tell()


_Deflated = tuple[int, bytes]  # (CRC-32, raw deflate stream)


def _level(data: bytes) -> int:
    return 1 if len(data) > 4_000_000 else 6  # big sheets: speed over the last few percent


def _deflate(data: bytes) -> _Deflated:
    compressor = zlib.compressobj(_level(data), zlib.DEFLATED, -15)
    return zlib.crc32(data), compressor.compress(data) + compressor.flush()


#: A streamed part past this size is deflated as it comes (at level 1, as _level deflates a big part).
_BIG_PART = 4_000_000
_QUEUED_PIECES = 4  # pieces of ~4,096 rows waiting for the deflater: a few MB at most
_HEAD = 4096  # the first bytes of a streamed part kept for head() (the sheet's view)


def _deflate_pieces(pieces: Queue[bytes | None]) -> _Deflated:
    """Deflate pieces until None, keeping the CRC; every piece is taken off the queue even after an
    error (so the producer never waits on a full queue), and the error is raised at the end."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    crc, out = 0, []
    failed: BaseException | None = None
    while (piece := pieces.get()) is not None:
        if failed is None:
            try:
                crc = zlib.crc32(piece, crc)
                out.append(compressor.compress(piece))
            except BaseException as error:  # raised below, once the producer is done
                failed = error
    if failed is not None:
        raise failed
    out.append(compressor.flush())
    return crc, b"".join(out)


def rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def _relationships(package: Package, part: str) -> list[dict[str, str]]:
    path = rels_path(part)
    if not package.exists(path):
        return []
    return [dict(element.attrib) for element in XmlPart.parse(package.text(path)).root]


def _related_parts(package: Package, part: str) -> list[str]:
    """Parts a sheet owns (tables, drawings, charts, comments…), depth first."""
    out = []
    for rel in _relationships(package, part):
        if rel.get("TargetMode") == "External":
            continue
        child = _resolve(part, rel["Target"])
        if package.exists(child) and child not in out:
            out.append(child)
            out.extend(p for p in _related_parts(package, child) if p not in out)
    return out


def _sheet_elements(workbook: XmlPart) -> list[ET.Element]:
    sheets = workbook.root.find(workbook.tag("sheets"))
    return [] if sheets is None else sheets.findall(workbook.tag("sheet"))


def _sheet_rid(sheet: ET.Element) -> str:
    """A sheet's relationship id (``r:id``, whatever the prefix and the OOXML flavour)."""
    return next(v for k, v in sheet.attrib.items() if split(k)[1] == "id")


def workbook_sheets(package: Package) -> list[tuple[str, str, str]]:
    """(name, relationship id, part path) of every sheet, in tab order."""
    workbook = XmlPart.parse(package.text("xl/workbook.xml"))
    rels = {r["Id"]: r for r in _relationships(package, "xl/workbook.xml")}
    out = []
    for sheet in _sheet_elements(workbook):
        rid = _sheet_rid(sheet)
        rel = rels.get(rid)
        part = _resolve("xl/workbook.xml", rel["Target"]) if rel else ""
        out.append((sheet.attrib["name"], rid, part))
    return out


# --- styles ---------------------------------------------------------------------------------------


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


# --- the transplant -------------------------------------------------------------------------------


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
    for old in [*_related_parts(target, part), rels_path(part)]:
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
        for rel in _relationships(self.source, source_part):
            child = _resolve(source_part, rel["Target"])
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
            self.target.set(rels_path(target_part), _rels_document(relationships))


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
    merger = StyleMerger(target.text("xl/styles.xml"), source.text("xl/styles.xml"))
    merger.merge()
    target.set("xl/styles.xml", merger.xml)
    xf_map, dxf_map = merger.maps.get("cellXfs", {}), merger.maps.get("dxfs", {})
    shared = _shared_strings(source)
    keep_shared = shared_strings and target.exists("xl/sharedStrings.xml")
    offset = _append_shared_strings(target, shared) if keep_shared else 0
    existing = {sheet_name: part for sheet_name, _, part in workbook_sheets(target)}
    work = _Transplant(target, source, dxf_map, next_table_id=_max_table_id(target) + 1)
    new_sheets: list[tuple[str, str]] = []
    source_hidden = _hidden_sheets(source)
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
            # selected in its shell, as _activate would: the filled sheet (the biggest) is then
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
    if new_sheets:
        _add_sheets(target, new_sheets, hidden_new | set(hidden))
    _copy_print_names(target, source)
    if active is not None:
        _activate(target, active)
    _drop_calc_chain(target, work.removed)
    types = _content_type_edit(target.text("[Content_Types].xml"), work.removed, work.added_types)
    target.set("[Content_Types].xml", types)
    return target


def _rels_document(relationships: list[tuple[str, str, str]]) -> str:
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


def _copy_print_names(target: Package, source: Package) -> None:
    """The rendered sheets' print areas and print titles (sheet-local defined names), under the
    target's sheet positions; the target's own names for those sheets are replaced."""
    rendered = XmlPart.parse(source.text("xl/workbook.xml"))
    source_names = [e.attrib["name"] for e in _sheet_elements(rendered)]
    found = _print_names(rendered)
    if not found:
        return
    workbook = XmlPart.parse(target.text("xl/workbook.xml"))
    positions = {e.attrib["name"]: i for i, e in enumerate(_sheet_elements(workbook))}
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


def _hidden_sheets(package: Package) -> set[str]:
    workbook = XmlPart.parse(package.text("xl/workbook.xml"))
    return {
        e.attrib["name"]
        for e in _sheet_elements(workbook)
        if e.attrib.get("state") in ("hidden", "veryHidden")
    }


def _activate(target: Package, name: str) -> None:
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


def _add_sheets(
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
    next_sheet_id = max([int(e.attrib["sheetId"]) for e in _sheet_elements(workbook)] or [0]) + 1
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


def _drop_calc_chain(target: Package, removed: list[str]) -> None:
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


# --- rows appended to a sheet the user owns -------------------------------------------------------


@dataclass(frozen=True)
class Appended:
    """Rows to add to a user's sheet: from sheet row ``first_row`` (1-based), column ``first_col``
    (0-based) on."""

    first_row: int
    first_col: int
    rows: Sequence[Sequence[object]]


_ROW_ELEMENT = re.compile(r'<row\b[^>]*?\br="(\d+)"[^>]*?(?:/>|>.*?</row>)', re.DOTALL)
_CELL_REF = re.compile(r'<c\b[^>]*?\br="([A-Z]+)(\d+)"')


def _appended_cell(ref: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = escape_text(clip(str(value)))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def append_rows(sheet_xml: str, at: Appended) -> str:
    """``sheet_xml`` with ``at.rows`` added below its last row; nothing already there changes (empty
    rows in the way — formatting only — make room)."""
    from engine.read.header import column_letter

    last_row = at.first_row + len(at.rows) - 1

    def keep(match: re.Match[str]) -> str:
        number, element = int(match.group(1)), match.group(0)
        if at.first_row <= number <= last_row and "<v>" not in element and "<is>" not in element:
            return ""  # an empty (formatted) row where a new one goes
        return element

    xml = _ROW_ELEMENT.sub(keep, sheet_xml)
    rows = []
    for offset, values in enumerate(at.rows):
        number = at.first_row + offset
        cells = "".join(
            _appended_cell(f"{column_letter(at.first_col + index)}{number}", value)
            for index, value in enumerate(values)
        )
        rows.append(f'<row r="{number}">{cells}</row>')
    added = "".join(rows)
    later = [m for m in _ROW_ELEMENT.finditer(xml) if int(m.group(1)) > last_row]
    if later:  # rows below ours (values far down the sheet) stay after ours, in order
        position = later[0].start()
        xml = xml[:position] + added + xml[position:]
    elif "<sheetData/>" in xml:
        xml = xml.replace("<sheetData/>", f"<sheetData>{added}</sheetData>", 1)
    else:
        end = xml.rindex("</sheetData>")
        xml = xml[:end] + added + xml[end:]
    last_col = column_letter(at.first_col + max(len(r) for r in at.rows) - 1)

    def widen(match: re.Match[str]) -> str:
        start, end_col, end_row = match.group(1), match.group(2), int(match.group(3))
        if len(last_col) > len(end_col) or (len(last_col) == len(end_col) and last_col > end_col):
            end_col = last_col
        return f'<dimension ref="{start}:{end_col}{max(end_row, last_row)}"/>'

    return re.sub(r'<dimension ref="([A-Z]+\d+):([A-Z]+)(\d+)"/>', widen, xml, count=1)
