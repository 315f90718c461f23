"""Last month, read back: the values-only archive Archive Month writes (or a ``--out`` report).

Findings come from its Discrepancies sheet (by header, so a column moved by hand still reads), each
client and product's seats and unit amounts from its Pairs sheet. The workbook path finds last month's
archive beside the workbook by its name ("<book> - Leakage 2026-05.xlsx"); the CLI takes
``--previous ARCHIVE.xlsx``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path

from python_calamine import CalamineError

from addin import layout as spec
from addin.workbook.settings_sheet import cell_text as _text
from engine.errors import InputError, UnreadableFileError
from engine.history.findings import PastFinding, PastPair, PreviousMonth, month_index
from engine.history.month_over_month import compare_months
from engine.read.raw_table import check_zip
from engine.read.workbooks import open_workbook
from engine.result import FixedFinding, Result

Grid = list[list[object]]
_PERIOD = re.compile(r"\b(\d{4}-(?:0[1-9]|1[0-2]))\b")
_TYPES = {name.lower(): kind for kind, name in spec.TYPE_NAMES.items()}


def _grids(path: Path) -> dict[str, Grid]:
    if not path.exists():
        raise UnreadableFileError(f"{path}: no such archive. Check the path.")
    check_zip(path, path.name)
    book = open_workbook(path, path.name)
    try:
        out: dict[str, Grid] = {}
        for name in book.sheet_names:
            if name in (spec.DISCREPANCIES, spec.PAIRS, spec.FIXED):
                try:
                    out[name] = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                except (CalamineError, ValueError) as error:
                    raise UnreadableFileError(
                        f"{path.name}, sheet {name!r}: could not be read ({error})."
                    ) from None
        return out
    finally:
        book.close()


def _decimal(value: object) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        # a float read back from xlsx is the shortest repr of what was written (two places)
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip())
    except InvalidOperation:
        return None


def _header(grid: Grid, wanted: str) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(grid[:12]):
        cells = [_text(v) for v in row]
        if wanted in cells:
            return index, {name: col for col, name in enumerate(cells) if name}
    return -1, {}


def _period(grid: Grid, path: Path) -> str:
    for row in grid[:2]:
        for cell in row[:1]:
            found = _PERIOD.search(_text(cell))
            if found:
                return found.group(1)
    found = _PERIOD.search(path.stem)
    if found:
        return found.group(1)
    raise InputError(
        f"{path.name}: cannot tell which month this archive is for (its Discrepancies title names "
        "none). Use the file Archive Month wrote, named '<workbook> - Leakage YYYY-MM.xlsx'."
    )


def read_previous(path: str | Path) -> PreviousMonth:
    """Last month's findings (with Status, first seen, cumulative impact) and pairs."""
    source = Path(path)
    grids = _grids(source)
    grid = grids.get(spec.DISCREPANCIES)
    if grid is None:
        raise InputError(
            f"{source.name}: there is no {spec.DISCREPANCIES!r} sheet. Give the archive Archive "
            "Month wrote (or a report written with --out)."
        )
    period = _period(grid, source)
    start, cols = _header(grid, spec.ID_HEADER)
    if start < 0:
        raise InputError(
            f"{source.name}, sheet {spec.DISCREPANCIES!r}: no {spec.ID_HEADER!r} column was found. "
            "Give the archive as Archive Month wrote it."
        )

    def cell(row: list[object], header: str) -> object:
        col = cols.get(header)
        return row[col] if col is not None and col < len(row) else None

    findings = []
    for row in grid[start + 1 :]:
        finding_id = _text(cell(row, spec.ID_HEADER))
        if not finding_id:
            continue
        impact = _decimal(cell(row, spec.IMPACT_HEADER)) or Decimal("0.00")
        first = _text(cell(row, spec.FIRST_SEEN_HEADER)) or period
        months = _decimal(cell(row, spec.MONTHS_OPEN_HEADER))
        lost = _decimal(cell(row, spec.LOST_HEADER))
        findings.append(
            PastFinding(
                id=finding_id,
                type=_TYPES.get(_text(cell(row, spec.TYPE_HEADER)).lower(), ""),
                client=_text(cell(row, "Client")),
                product=_text(cell(row, "Product")),
                monthly_impact=impact,
                first_seen=first,
                months_open=int(months) if months is not None else 1,
                cumulative_impact=lost if lost is not None else impact,
                status=_text(cell(row, spec.STATUS_HEADER)) or "Open",
            )
        )
    return PreviousMonth(
        period,
        tuple(findings),
        _pairs(grids.get(spec.PAIRS)),
        source.name,
        _fixed(grids.get(spec.FIXED)),
    )


def _fixed(grid: Grid | None) -> tuple[FixedFinding, ...]:
    if not grid:
        return ()
    start, cols = _header(grid, spec.ID_HEADER)
    if start < 0:
        return ()
    names = [c.header for c in spec.FIXED_COLUMNS]
    out = []
    for row in grid[start + 1 :]:
        values = [_text(row[cols[n]]) if n in cols and cols[n] < len(row) else "" for n in names]
        if values[0]:
            kind = _TYPES.get(values[1].lower(), values[1])
            out.append(FixedFinding(values[0], kind, values[2], values[3], values[4]))
    return tuple(out)


def _pairs(grid: Grid | None) -> tuple[PastPair, ...]:
    if not grid:
        return ()
    start, cols = _header(grid, spec.PAIR_COLUMNS[0].header)
    if start < 0:
        return ()
    names = [c.header for c in spec.PAIR_COLUMNS]
    index = [cols.get(name) for name in names]
    out = []
    for row in grid[start + 1 :]:
        values = [row[i] if i is not None and i < len(row) else None for i in index]
        if not _text(values[0]) and not _text(values[1]):
            continue
        out.append(
            PastPair(
                client=_text(values[0]),
                product=_text(values[1]),
                vendor_qty=_decimal(values[2]),
                psa_qty=_decimal(values[3]),
                vendor_unit_cost=_decimal(values[4]),
                psa_unit_price=_decimal(values[5]),
            )
        )
    return tuple(out)


def archives_beside(book: Path) -> dict[str, Path]:
    """Archive Month's copies beside a workbook, by month."""
    found: dict[str, Path] = {}
    prefix = f"{book.stem} - Leakage "
    for path in book.parent.glob(f"{glob_escape(book.stem)} - Leakage *.xlsx"):
        match = _PERIOD.fullmatch(path.stem[len(prefix) :])
        if match:
            found[match.group(1)] = path
    return found


def glob_escape(text: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", text)


def previous_archive(book: Path, period: str | None) -> Path | None:
    """The latest archive beside ``book`` for a month before ``period`` (None if there is none)."""
    if not period:
        return None
    earlier = {p: path for p, path in archives_beside(book).items() if p < period}
    return earlier[max(earlier)] if earlier else None


def check_order(previous: PreviousMonth, period: str | None, name: str) -> None:
    """The archive compared with must be for an earlier month than the one reconciled."""
    if period and month_index(previous.period) >= month_index(period):
        raise InputError(
            f"{name} is the archive of {previous.period}, not of a month before {period}: give "
            "last month's archive as --previous."
        )


def with_previous(
    result: Result, book: Path | None, previous: Path | None, say: Callable[[str], None]
) -> Result:
    """This month against last month's archive: ``previous`` when given, else the latest one beside
    the workbook ``book``; every finding is new when there is none."""
    path = previous or (previous_archive(book, result.kpis.period) if book else None)
    if path is None:
        return compare_months(result, None)
    say(f"Comparing with {path.name}")
    last = read_previous(path)
    check_order(last, result.kpis.period, path.name)
    return compare_months(result, last)
