"""Rendered rows encoded the way each system writes its CSV (delimiter, encoding, byte-order mark)."""

from __future__ import annotations

import csv
import io
import zlib


def to_csv_bytes(rows: list[list[str]], *, fmt: str) -> bytes:
    """Encode rows the way each system exports them (Cloudmore: ``;`` and Windows-1252)."""
    buffer = io.StringIO()
    delimiter = ";" if fmt == "cloudmore" else ","
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = buffer.getvalue()
    if fmt == "cloudmore":
        return text.encode("cp1252", errors="replace")
    if fmt == "partner_center":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")


def stable_number(text: str) -> int:
    """A number for a name that is the same on every run (``hash()`` of a string changes per
    process), so a sample made with one ``--seed`` is the same sample, ids included."""
    return zlib.crc32(text.encode("utf-8"))
