"""What every reader returns (a :class:`RawTable`) and the checks every reader makes against
:mod:`engine.read.limits`: Excel's row limit, zip bombs and encrypted packages."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.errors import UnreadableFileError
from engine.read import limits

#: What every legacy .xls (an OLE compound file) begins with.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Cell = object  # str, int, float, bool, date/datetime or None ("" counts as blank)
Grid = Sequence[Sequence[Cell]]


@dataclass(frozen=True)
class RawTable:
    """Every cell of one export, rows as read (possibly ragged); ``name`` names it in every message.

    Plain lists, not a DataFrame: a pasted sheet arrives from calamine or xlwings as lists already, and
    the in-workbook path then never pays for importing pandas.
    """

    name: str
    cells: Grid
    row_offset: int = 1  # the file's row number of ``cells[0]``
    #: What the reader decided that the user should know (which sheet was used, parts joined).
    notes: tuple[str, ...] = ()


def too_many_rows(name: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"{name}: more than {limits.MAX_ROWS:,} rows (Excel's own limit). Leakage Finder "
        f"reconciles up to {limits.MAX_ROWS:,} rows per export; split the export by customer or "
        "month and reconcile each part."
    )


def checked(table: RawTable) -> RawTable:
    if len(table.cells) > limits.MAX_ROWS:
        raise too_many_rows(table.name)
    return table


def check_zip(path: Path, name: str) -> None:
    """Refuse corrupt packages and zip bombs before any XML is parsed."""
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError) as error:
        raise UnreadableFileError(
            f"{name}: the workbook is damaged ({error}). Open it in Excel and save it again."
        ) from None
    encrypted = [info.filename for info in infos if info.flag_bits & 0x1]
    if encrypted:
        raise UnreadableFileError(
            f"{name}: part {encrypted[0]} of the workbook is encrypted, so it cannot be read. Open "
            "it in Excel, remove any password or protection, save it again and try once more."
        )
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > limits.MAX_UNPACKED_BYTES or (
        unpacked > 50_000_000 and unpacked / packed > limits.MAX_COMPRESSION_RATIO
    ):
        raise UnreadableFileError(
            f"{name}: the workbook would unpack to {unpacked / 1e6:,.0f} MB from {packed / 1e6:,.1f} MB "
            "(a 'zip bomb'), so it was not opened. Export the data again as CSV."
        )
