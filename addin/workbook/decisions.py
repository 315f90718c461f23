"""The user's decisions on findings: Status, Note and any column they add to Discrepancies.

Why a store of its own? Discrepancies is rewritten on every run and a user can delete any of its
columns (the hidden ``id`` included), sort it, or see a finding vanish for a month. So decisions are
keyed on what the finding *is* — type, client and product, the same text :func:`engine.rules.stable_id`
hashes — and kept in a hidden ``Decisions`` sheet that both the headless and the live path write. A
run reads the store and the Discrepancies sheet as the user left it (the sheet wins for the rows and
columns it still has), shows every kept decision again when its finding is there, keeps the others
with their history, and says in the run's warnings what it could not keep and why.

Values are kept as they were read: a Note of 42 stays the number 42, text stays text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from addin import layout as spec
from addin.workbook.settings_sheet import cell_text as _text
from engine.read.header import column_letter
from engine.result import Result
from engine.rules import stable_id

STORE = "Decisions"
STORE_TABLE = "LF_Decisions"
#: The store's own columns; any further column is one the user added to Discrepancies.
STORE_COLUMNS: tuple[spec.Column, ...] = (
    spec.Column("type", "text", 16),
    spec.Column("client", "text", 28),
    spec.Column("product", "text", 32),
    spec.Column("Status", "text", 14),
    spec.Column("Note", "text", 40),
    spec.Column("last_seen", "text", 10),
    spec.Column("history", "text", 60),
    spec.Column("id", "text", 14),
)
#: Today's headers, and the field names that workbooks written before plain-English headers used
#: (their decisions carry over on the first run after an upgrade).
_FIXED = {c.header.lower() for c in spec.DISCREPANCY_COLUMNS} | {
    "type",
    "client",
    "vendor_client",
    "product",
    "id",
    "status",
    "note",
}
_STORE_FIXED = {c.header.lower() for c in STORE_COLUMNS}
_LEGEND = {"legend →", *(label.lower() for label in spec.TYPE_LABELS.values())}
_NOT_FOUND = "not found"

Grid = Sequence[Sequence[object]]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _kept(value: object) -> object:
    """A cell value as it goes back: whole floats (how readers give numbers) become ints."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, str) and not value.strip():
        return ""  # a cell holding only spaces is blank
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()  # a date typed in a column of the user's: 2025-08-31
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


@dataclass
class Decision:
    type: str
    client: str
    product: str
    status: object = ""
    note: object = ""
    extras: dict[str, object] = field(default_factory=dict)
    last_seen: str = ""
    history: str = ""

    @property
    def decided(self) -> bool:
        status = _text(self.status)
        return (
            (status not in ("", "Open"))
            or not _blank(self.note)
            or any(not _blank(v) for v in self.extras.values())
        )

    def event(self, text: str) -> None:
        events = [e for e in self.history.split("; ") if e]
        if not events or events[-1] != text:
            events.append(text)
        self.history = "; ".join(events[-24:])  # two years of months is plenty


@dataclass
class _Read:
    """Rows read from one sheet: key → (decision, the fields the sheet had for it)."""

    rows: dict[str, tuple[Decision, set[str]]] = field(default_factory=dict)
    extras: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _headers(row: Sequence[object]) -> list[str]:
    return [_text(v) for v in row]


#: The Discrepancies sheet's plain-English headers, as the fields a decision is keyed on (the store
#: and workbooks written before the headers were plain English use the field names themselves).
_FIELD_OF_HEADER = {
    spec.ID_HEADER.lower(): "id",
    "finding": "type",
    "client on the vendor bill": "vendor_client",
    spec.STATUS_HEADER.lower(): "status",
    spec.NOTE_HEADER.lower(): "note",
}
_TYPE_OF_LABEL = {label.lower(): kind for kind, label in spec.TYPE_NAMES.items()}


def _header_row(grid: Grid) -> int:
    """Where the header is: under the title and legend rows of today's sheet, row 1 before them."""
    for number, row in enumerate(grid[:10]):
        if any(_text(v).lower() == spec.STATUS_HEADER.lower() for v in row):
            return number
    return 0


def _columns(
    grid: Grid, sheet: str, fixed: set[str], warnings: list[str]
) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Where each known field is (first column of its header), and the user's own columns (a
    repeated header numbered: "Owner (2)"). A column with values and no header is named in a
    warning, since what is in it cannot be kept."""
    header = _headers(grid[0])
    index: dict[str, int] = {}
    for col, name in enumerate(header):
        if name.lower() in fixed:
            index.setdefault(_FIELD_OF_HEADER.get(name.lower(), name.lower()), col)
    extra_cols: list[tuple[int, str]] = []
    seen: set[str] = set()
    for col, name in enumerate(header):
        own = index.get(_FIELD_OF_HEADER.get(name.lower(), name.lower())) == col
        if own or name.lower() in _LEGEND or not name:
            if not name and any(col < len(r) and not _blank(r[col]) for r in grid[1:]):
                warnings.append(
                    f"{sheet} column {column_letter(col)} has values but no header, so they were "
                    "not kept: give the column a header to keep what you typed in it."
                )
            continue
        unique, n = name, 2
        while unique.lower() in seen or unique.lower() in fixed:
            unique, n = f"{name} ({n})", n + 1
        seen.add(unique.lower())
        extra_cols.append((col, unique))
    return index, extra_cols


def _read(grid: Grid | None, sheet: str, fixed: set[str]) -> _Read:
    out = _Read()
    if not grid:
        return out
    grid = grid[_header_row(grid) :]
    index, extra_cols = _columns(grid, sheet, fixed, out.warnings)
    out.extras = [name for _, name in extra_cols]

    def cell(row: Sequence[object], name: str) -> object:
        col = index.get(name)
        return row[col] if col is not None and col < len(row) else None

    unkeyed = 0
    for row in grid[1:]:
        kind, product = _text(cell(row, "type")), _text(cell(row, "product"))
        kind = _TYPE_OF_LABEL.get(kind.lower(), kind)  # "Under-billed" as shown → under_billed
        client = _text(cell(row, "client")) or _text(cell(row, "vendor_client"))
        decision = Decision(
            kind,
            client,
            product,
            status=_kept(cell(row, "status")) if "status" in index else "",
            note=_kept(cell(row, "note")) if "note" in index else "",
            extras={name: _kept(row[col]) for col, name in extra_cols if col < len(row)},
            last_seen=_text(cell(row, "last_seen")),
            history=_text(cell(row, "history")),
        )
        if kind and product and client:
            key = stable_id(kind, client, product)
        elif _text(cell(row, "id")):
            key = _text(cell(row, "id"))
        else:
            unkeyed += decision.decided
            continue
        present = {name for name in ("status", "note") if name in index}
        out.rows[key] = (decision, present | {f"extra:{name}" for name in out.extras})
    if unkeyed:
        out.warnings.append(
            f"{unkeyed} row(s) of {sheet} carry a Status, Note or your own column but no type, "
            "client and product (or id) to tell which finding they belong to, so they were not "
            "kept: undo the deletion of those columns to keep them."
        )
    return out


def shown(grid: Grid | None) -> dict[str, tuple[str, str]]:
    """Status and Note as the Discrepancies sheet shows them, by finding id (before a run merges
    them with the store): one reader of that sheet, whatever its layout or age."""
    return {
        key: (_text(decision.status) or "Open", _text(decision.note))
        for key, (decision, _) in _read(grid, spec.DISCREPANCIES, _FIXED).rows.items()
        if decision.decided
    }


@dataclass(frozen=True)
class Applied:
    """What a run writes: the decisions per finding id, the two tables, and the run's warnings."""

    decisions: dict[str, tuple[object, object]]
    discrepancies: spec.OutputTable
    store: spec.OutputTable
    warnings: tuple[str, ...]


def _merge(
    sheet: Grid | None, store: Grid | None, period: str
) -> tuple[dict[str, Decision], list[str], list[str], list[str]]:
    """The store updated with the sheet as the user left it: (entries, user columns, the sheet's
    own user columns, warnings)."""
    kept = _read(store, STORE, _STORE_FIXED)
    typed = _read(sheet, spec.DISCREPANCIES, _FIXED)
    entries = {key: decision for key, (decision, _) in kept.rows.items()}
    extras = [*typed.extras, *(e for e in kept.extras if e not in typed.extras)]
    for key, (decision, present) in typed.rows.items():
        entry = entries.get(key)
        if entry is None:
            if not decision.decided:
                continue
            entry = entries[key] = replace(decision, extras={}, last_seen="", history="")
        before = _text(entry.status)
        if "status" in present:
            entry.status = decision.status
        if "note" in present:
            entry.note = decision.note
        for name in typed.extras:
            entry.extras[name] = decision.extras.get(name)
        if _text(entry.status) != before and _text(entry.status) not in ("", "Open"):
            entry.event(f"{period}: {_text(entry.status)}")
    return entries, extras, typed.extras, [*kept.warnings, *typed.warnings]


def _store_table(entries: dict[str, Decision], extras: list[str]) -> spec.OutputTable:
    rows: list[list[object]] = [
        [
            e.type,
            e.client,
            e.product,
            e.status,
            e.note,
            e.last_seen,
            e.history,
            key,
            *(_extra(e, name) for name in extras),
        ]
        for key, e in sorted(
            entries.items(), key=lambda item: (item[1].client.lower(), item[1].product.lower())
        )
    ]
    return spec.OutputTable(
        STORE,
        (*STORE_COLUMNS, *(spec.Column(name, "text", 16) for name in extras)),
        rows,
        table_name=STORE_TABLE,
    )


def fold(sheet: Grid | None, store: Grid | None) -> spec.OutputTable:
    """The store with what is typed on Discrepancies now (before Clear Results deletes the sheet)."""
    entries, extras, _, _ = _merge(sheet, store, dt.date.today().strftime("%Y-%m"))
    return _store_table({k: e for k, e in entries.items() if e.decided}, extras)


def apply(result: Result, sheet: Grid | None, store: Grid | None) -> Applied:
    """Merge the store with the Discrepancies sheet as the user left it, for this run's findings."""
    period = result.kpis.period or dt.date.today().strftime("%Y-%m")
    entries, extras, typed_extras, warnings = _merge(sheet, store, period)
    present_ids = {d.id for d in result.discrepancies}
    came_back: list[str] = []
    for d in result.discrepancies:
        entry = entries.get(d.id)
        if entry is None:
            continue
        if entry.history.endswith(_NOT_FOUND):
            entry.event(f"{period}: found again")
            came_back.append(
                f"{_text(entry.status) or 'Open'} on {entry.client} / {entry.product}"
                + (f" (last seen {entry.last_seen})" if entry.last_seen else "")
            )
        entry.type, entry.client, entry.product = d.type, d.client or d.vendor_client, d.product
        entry.last_seen = period
    for key, entry in entries.items():
        if key not in present_ids and entry.decided:
            entry.event(f"{period}: {_NOT_FOUND}")
    entries = {k: e for k, e in entries.items() if e.decided}
    extras = [
        name
        for name in extras
        if name in typed_extras or any(not _blank(e.extras.get(name)) for e in entries.values())
    ]
    decisions = {
        d.id: (entries[d.id].status or "Open", entries[d.id].note)
        for d in result.discrepancies
        if d.id in entries
    }
    table = spec.discrepancy_table(result, decisions)
    if extras:
        table = replace(
            table,
            columns=(*table.columns, *(spec.Column(name, "text", 16) for name in extras)),
            rows=[
                [*row, *(_extra(entries.get(d.id), name) for name in extras)]
                for row, d in zip(table.rows, spec.ordered(result), strict=True)  # as shown
            ],
        )
    store_table = _store_table(entries, extras)
    if came_back:
        shown = "; ".join(came_back[:5]) + (
            f"; +{len(came_back) - 5} more" if len(came_back) > 5 else ""
        )
        warnings.append(
            f"{len(came_back)} finding(s) came back after a month or more without them, with "
            f"the decisions you made then: {shown}."
        )
    return Applied(decisions, table, store_table, tuple(warnings))


def _extra(entry: Decision | None, name: str) -> object:
    return None if entry is None else entry.extras.get(name)


def with_warnings(result: Result, warnings: Sequence[str]) -> Result:
    return replace(result, warnings=(*result.warnings, *warnings)) if warnings else result
