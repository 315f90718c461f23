"""One side of a reconciliation read and typed: everything that needs only that side's export.

A side is prepared while the other may still be loading (the workbook path reads the two big sheets
on two threads). Several vendor bills reconciled together are merged into one side, each line
naming its bill.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from engine.errors import WrongSideError
from engine.lines import SPECS, Line, typed_lines
from engine.match.client_keys import client_key
from engine.read.amounts_in_cents import amounts_in_cents
from engine.read.columns import ColumnMapping, check_side, recognise
from engine.read.fields import Side
from engine.read.header import Table, locate_header
from engine.read.raw_table import RawTable
from engine.settings import Settings


@dataclass(frozen=True)
class Prepared:
    """One side read, recognised and typed. One reconciliation completes its lines (cancellations,
    product keys), so a prepared side serves one run."""

    raw: RawTable
    table: Table
    mapping: ColumnMapping
    lines: list[Line]
    client_keys: dict[str, str]  # each client spelling's comparable key
    #: The bills merged into this side when several vendor bills are reconciled together.
    parts: tuple[Prepared, ...] = ()


def prepare(raw: RawTable, side: Side, settings: Settings) -> Prepared:
    """Find the header, recognise the columns and type the lines of one side."""
    table = locate_header(raw)
    check_side(side, table.headers, raw.name)
    mapping = recognise(
        side,
        table.headers,
        table.data,
        source=raw.name,
        overrides=settings.vendor_mapping if side == "vendor" else settings.psa_mapping,
    )
    above = _above_header(raw, table)
    if amounts_in_cents(above.cells, table, mapping):
        mapping = replace(mapping, in_cents=True)
    lines = typed_lines(table, mapping, SPECS[side])
    return Prepared(above, table, mapping, lines, client_keys(lines))


def _above_header(raw: RawTable, table: Table) -> RawTable:
    """The raw rows a run still reads once its lines are typed: those above the header (a title
    naming the month). The rest of the grid is not kept (a full sheet's row lists are ~0.5 GB)."""
    return replace(raw, cells=raw.cells[: max(0, table.header_row - raw.row_offset)])


def prepare_sides(
    vendor_raws: Sequence[RawTable],
    psa_raw: RawTable,
    settings: Settings,
    psa: Callable[[], Prepared] | None = None,
) -> tuple[Prepared, Prepared]:
    """The run's first steps on what was read: refuse the same export given twice, then type the
    vendor bills (merged into one side) and the PSA export (``psa`` when it was typed already, while
    the vendor bill was loading). Errors come in that order whichever path read the files."""
    for vendor_raw in vendor_raws:
        check_distinct(vendor_raw, psa_raw)
    check_bills_distinct(vendor_raws)
    vendor = merge_bills([prepare(raw, "vendor", settings) for raw in vendor_raws])
    return vendor, psa() if psa is not None else prepare(psa_raw, "psa", settings)


def merge_bills(parts: Sequence[Prepared]) -> Prepared:
    """Several prepared vendor bills as one side: their lines together, each line naming its bill.
    The first bill's table and mapping stand for the side; each bill keeps its own in ``parts``."""
    if len(parts) == 1:
        return parts[0]
    names = [part.raw.name for part in parts]
    if len(set(names)) < len(names):  # bill.csv from two folders: numbered, so each is named apart
        names = [f"{name} (bill {i})" for i, name in enumerate(names, start=1)]
        parts = [
            replace(part, raw=replace(part.raw, name=name))
            for part, name in zip(parts, names, strict=True)
        ]
    lines: list[Line] = []
    keys: dict[str, str] = {}
    for part, name in zip(parts, names, strict=True):
        for line in part.lines:
            line.from_bill(name)
        lines += part.lines
        keys.update(part.client_keys)
    first = parts[0]
    notes = tuple(note for part in parts for note in part.raw.notes)
    raw = RawTable(" + ".join(names), (), notes=notes)
    return Prepared(raw, first.table, first.mapping, lines, keys, tuple(parts))


def client_keys(lines: list[Line]) -> dict[str, str]:
    """Each client spelling's comparable key."""
    return {
        spelling: client_key(spelling) or spelling.strip().lower()
        for spelling in {line.client for line in lines}
    }


def _fingerprint(raw: RawTable) -> str:
    digest = hashlib.sha1()
    for row in raw.cells:
        digest.update(repr(tuple(row)).encode("utf-8", "replace"))
    return digest.hexdigest()


def _same_shape(a: RawTable, b: RawTable) -> bool:
    return len(a.cells) == len(b.cells) and [len(r) for r in a.cells[:5]] == [
        len(r) for r in b.cells[:5]
    ]


def check_distinct(vendor: RawTable, psa: RawTable) -> None:
    """The same export given as both sides is a mistake worth naming, before anything else."""
    if _same_shape(vendor, psa) and _fingerprint(vendor) == _fingerprint(psa):
        raise WrongSideError(
            f"{vendor.name} and {psa.name} hold exactly the same data: the same export was given "
            "twice. Give the vendor's bill as the vendor file and the PSA's export as the PSA file."
        )


def check_bills_distinct(raws: Sequence[RawTable]) -> None:
    """The same bill given twice would double every seat: refuse it."""
    for i, first in enumerate(raws):
        for second in raws[i + 1 :]:
            if _same_shape(first, second) and _fingerprint(first) == _fingerprint(second):
                raise WrongSideError(
                    f"{first.name} and {second.name} hold exactly the same lines: the same vendor "
                    "bill was given twice. Give each bill once."
                )
