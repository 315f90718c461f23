"""An OOXML package (.xlsx/.xlsm) read lazily and written back with every unchanged part copied as
its compressed bytes; big parts are deflated on a thread as they are written, a piece at a time.
What goes in it is :mod:`addin.workbook.transplant`'s job.
"""

from __future__ import annotations

import copy
import posixpath
import struct
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from io import BytesIO
from queue import Queue
from typing import IO

from addin.workbook.xml_part import XmlPart, split
from engine.errors import UnreadableFileError

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


def resolve_target(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def part_relationships(package: Package, part: str) -> list[dict[str, str]]:
    path = rels_path(part)
    if not package.exists(path):
        return []
    return [dict(element.attrib) for element in XmlPart.parse(package.text(path)).root]


def related_parts(package: Package, part: str) -> list[str]:
    """Parts a sheet owns (tables, drawings, charts, comments…), depth first."""
    out = []
    for rel in part_relationships(package, part):
        if rel.get("TargetMode") == "External":
            continue
        child = resolve_target(part, rel["Target"])
        if package.exists(child) and child not in out:
            out.append(child)
            out.extend(p for p in related_parts(package, child) if p not in out)
    return out


def sheet_elements(workbook: XmlPart) -> list[ET.Element]:
    sheets = workbook.root.find(workbook.tag("sheets"))
    return [] if sheets is None else sheets.findall(workbook.tag("sheet"))


def _sheet_rid(sheet: ET.Element) -> str:
    """A sheet's relationship id (``r:id``, whatever the prefix and the OOXML flavour)."""
    return next(v for k, v in sheet.attrib.items() if split(k)[1] == "id")


def workbook_sheets(package: Package) -> list[tuple[str, str, str]]:
    """(name, relationship id, part path) of every sheet, in tab order."""
    workbook = XmlPart.parse(package.text("xl/workbook.xml"))
    rels = {r["Id"]: r for r in part_relationships(package, "xl/workbook.xml")}
    out = []
    for sheet in sheet_elements(workbook):
        rid = _sheet_rid(sheet)
        rel = rels.get(rid)
        part = resolve_target("xl/workbook.xml", rel["Target"]) if rel else ""
        out.append((sheet.attrib["name"], rid, part))
    return out
