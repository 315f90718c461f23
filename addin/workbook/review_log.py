"""The workbook's activity log: when the month's data came in, each run, each Status change.

Time to reconcile, as the product brief defines it, is the minutes from the month's import to the
last open finding reviewed. Neither path sees all of that happen, so the workbook keeps a hidden
``Activity Log`` sheet both paths append to:

* ``import`` — a Vendor or PSA sheet holds new data: logged by Import…, or by the first run that sees
  the pasted sheet changed (a fingerprint of its rows);
* ``run`` — each Reconcile, with the findings still Open;
* ``status`` — a finding's Status changed (Open → Fixed in PSA …): logged by the run that finds it
  changed, with the finding's monthly impact at the time (so a fixed finding that disappears from
  the next run still counts as recovered).

The month starts at the first import after the last run of another month. Everything here is pure:
rows in, rows out; the writers put the rows on the sheet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from engine.result import LEAKAGE_TYPES, Result

LOG_COLUMNS = (
    "When",
    "Event",
    "Period",
    "Sheet or finding",
    "Status",
    "Monthly impact",
    "Leakage or exposure",
    "Detail",
)
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
IMPORT, RUN, STATUS = "import", "run", "status"
OPEN = "Open"
FIXED = "Fixed in PSA"
_SAMPLE_ROWS = 25

Row = list[object]


def now() -> dt.datetime:
    """This computer's time, to the second (the log's clock; tests pass their own)."""
    return dt.datetime.now().replace(microsecond=0)


def stamp(when: dt.datetime) -> str:
    return when.strftime(TIME_FORMAT)


def _when(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    try:
        return dt.datetime.strptime(str(value).strip(), TIME_FORMAT)
    except ValueError:
        return None


def _cells(row: Sequence[object]) -> list[str]:
    out = ["" if v is None else str(v).strip() for v in row]
    while out and not out[-1]:
        out.pop()
    return out


def _sample(rows: Iterable[Sequence[object]]) -> list[list[str]]:
    found = []
    for row in rows:
        cells = _cells(row)
        if cells:
            found.append(cells)
            if len(found) == _SAMPLE_ROWS:
                break
    return found


def sampled(cells: Sequence[Sequence[object]]) -> list[Sequence[object]]:
    """The rows :func:`fingerprint` reads, in order: up to the first and from the last
    ``_SAMPLE_ROWS`` rows with data (all of a small sheet). A run keeps these for the log, not the
    whole pasted grid (a list per row: ~0.5 GB at a full sheet)."""
    first = _nth_with_data(cells, range(len(cells)))
    last = _nth_with_data(cells, range(len(cells) - 1, -1, -1))
    if first is None or last is None or first >= last:
        return list(cells)
    return [*cells[: first + 1], *cells[last:]]


def _nth_with_data(cells: Sequence[Sequence[object]], positions: Iterable[int]) -> int | None:
    """The position of the ``_SAMPLE_ROWS``-th row with data, going through ``positions``."""
    seen = 0
    for position in positions:
        if _cells(cells[position]):
            seen += 1
            if seen == _SAMPLE_ROWS:
                return position
    return None


def fingerprint(cells: Sequence[Sequence[object]]) -> str:
    """A cheap fingerprint of a pasted sheet: its first and last rows with data (a new month's export
    differs there; hashing 100k rows would cost a noticeable part of a run). Blank rows and trailing
    blank cells do not count, so the Import button's rows and the same rows read back agree."""
    digest = hashlib.sha256()
    for row in (*_sample(cells), *_sample(reversed(cells))):
        digest.update(repr(row).encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Entry:
    when: dt.datetime
    event: str
    period: str
    subject: str  # the sheet (import) or the finding id (status)
    status: str
    impact: Decimal
    kind: str
    detail: str

    def row(self) -> Row:
        return [
            stamp(self.when),
            self.event,
            self.period,
            self.subject,
            self.status,
            self.impact if self.event == STATUS else None,
            self.kind,
            self.detail,
        ]


def read_log(grid: Sequence[Sequence[object]] | None) -> list[Entry]:
    """The log sheet's rows (under its header) as entries; rows that do not parse are skipped."""
    entries = []
    for row in list(grid or [])[1:]:
        cells = [*row, *[None] * len(LOG_COLUMNS)][: len(LOG_COLUMNS)]
        when = _when(cells[0])
        if when is None or not cells[1]:
            continue
        try:
            impact = Decimal(str(cells[5])) if cells[5] not in (None, "") else Decimal(0)
        except ArithmeticError:
            impact = Decimal(0)
        event, period, subject, status = (str(c or "").strip() for c in cells[1:5])
        entries.append(
            Entry(when, event, period, subject, status, impact, _s(cells[6]), _s(cells[7]))
        )
    return entries


def _s(value: object) -> str:
    return "" if value is None else str(value).strip()


def log_import(
    entries: list[Entry], sheet: str, cells: Sequence[Sequence[object]], when: dt.datetime
) -> list[Entry]:
    """An Import… button: the sheet's new data came in now."""
    return [*entries, Entry(when, IMPORT, "", sheet, "", Decimal(0), "", fingerprint(cells))]


def _last_fingerprint(entries: Iterable[Entry], sheet: str) -> str:
    found = ""
    for entry in entries:
        if entry.event == IMPORT and entry.subject == sheet:
            found = entry.detail
    return found


def _month_entries(entries: Sequence[Entry], period: str) -> list[Entry]:
    """The entries of this month's workflow: from the first import after the last run of another
    month (or the start of the log)."""
    cut = 0
    for index, entry in enumerate(entries):
        if entry.event == RUN and entry.period and entry.period != period:
            cut = index + 1
    return list(entries[cut:])


def latest_statuses(entries: Iterable[Entry]) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for entry in entries:
        if entry.event == STATUS:
            out[entry.subject] = entry
    return out


def record_run(
    entries: list[Entry],
    result: Result,
    decisions: Mapping[str, tuple[object, object]],
    inputs: Mapping[str, Sequence[Sequence[object]]],
    when: dt.datetime,
) -> list[Entry]:
    """The log after a run: imports the run noticed, Status changes since the last look, the run."""
    period = result.kpis.period or ""
    out = list(entries)
    for sheet, cells in inputs.items():
        mark = fingerprint(cells)
        if mark != _last_fingerprint(out, sheet):
            out.append(Entry(when, IMPORT, period, sheet, "", Decimal(0), "", mark))
    known = latest_statuses(_month_entries(out, period))
    findings = {d.id: d for d in result.discrepancies}
    for finding_id, (typed, _) in decisions.items():
        status = _s(typed) or OPEN  # the log keeps text, whatever the user typed in Status
        previous = known.get(finding_id)
        if (previous.status if previous else OPEN) != status:
            d = findings.get(finding_id)
            impact = d.monthly_impact if d else (previous.impact if previous else Decimal(0))
            kind = (
                ("Leakage" if d.type in LEAKAGE_TYPES else "Exposure")
                if d
                else (previous.kind if previous else "")
            )
            out.append(Entry(when, STATUS, period, finding_id, status, impact, kind, ""))
    for finding_id, previous in known.items():  # a row set back to Open (its decision is gone)
        if finding_id in findings and finding_id not in decisions and previous.status != OPEN:
            out.append(
                Entry(when, STATUS, period, finding_id, OPEN, previous.impact, previous.kind, "")
            )
    still_open = sum(
        (decisions.get(d.id, (OPEN, ""))[0] or OPEN) == OPEN for d in result.discrepancies
    )
    out.append(
        Entry(
            when,
            RUN,
            period,
            "",
            "",
            Decimal(0),
            "",
            f"{len(result.discrepancies)} findings, {still_open} open",
        )
    )
    return out


@dataclass(frozen=True)
class Review:
    """Where this month's review stands, from the log and the findings of the latest run."""

    started: dt.datetime | None  # the month's first import
    finished: dt.datetime | None  # the last open finding reviewed (None while any is Open)
    findings: int
    still_open: int
    corrections: int  # findings marked Fixed in PSA (PSA lines fixed)
    recovered: Decimal  # monthly leakage of those findings

    @property
    def minutes(self) -> int | None:
        if self.started is None or self.finished is None:
            return None
        seconds = Decimal(max((self.finished - self.started).total_seconds(), 0))
        return int((seconds / 60).quantize(Decimal(1), ROUND_HALF_UP))

    def minutes_so_far(self, at: dt.datetime) -> int | None:
        if self.started is None:
            return None
        return int(max((at - self.started).total_seconds(), 0) // 60)


def review(entries: Sequence[Entry], result: Result) -> Review:
    period = result.kpis.period or ""
    month = _month_entries(entries, period)
    imports = [e.when for e in month if e.event == IMPORT]
    runs = [e.when for e in month if e.event == RUN]
    started = min(imports) if imports else (min(runs) if runs else None)
    statuses = latest_statuses(month)
    current = {d.id for d in result.discrepancies}
    still_open = sum(
        1
        for finding in current
        if (statuses[finding].status if finding in statuses else OPEN) == OPEN
    )
    finished = None
    if still_open == 0 and started is not None:
        reviewed = [e.when for e in month if e.event == STATUS and e.subject in current]
        finished = max(reviewed) if reviewed else (min(runs) if runs else started)
    fixed = [e for e in statuses.values() if e.status == FIXED]
    return Review(
        started=started,
        finished=finished,
        findings=len(current),
        still_open=still_open,
        corrections=len(fixed),
        recovered=sum((e.impact for e in fixed if e.kind == "Leakage"), Decimal("0.00")),
    )
