"""One presentation spec for every Excel rendering: sheet names, columns, formats, colours, widths.

The file writer (:mod:`addin.workbook.sheets_xlsx`, xlsxwriter) and the live-Excel writer (:mod:`addin.excel.live`,
xlwings) both render from :func:`output_tables`, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from addin.workbook.review_log import LOG_COLUMNS, Entry, Review
from addin.workbook.review_log import review as review_from_log
from engine.money import currency_format, format_amount
from engine.read.header import column_letter
from engine.result import Discrepancy, Kpis, PriceChange, Result, TermFinding, ThinMargin

Kind = Literal["text", "wrap", "money", "quantity", "integer", "percent", "confidence", "minutes"]

# Sheet names (the template and the VBA module use the same ones).
START, VENDOR, PSA, SETTINGS = "Start", "Vendor", "PSA", "Settings"
CLIENT_ALIASES, PRODUCT_ALIASES, HISTORY = "Client Aliases", "Product Aliases", "History"
DISCREPANCIES, KPIS, MATCHES, EXCLUDED = "Discrepancies", "KPIs", "Matches", "Excluded"
#: Hidden sheet: when the month's data came in, each run, each finding reviewed (time to reconcile).
ACTIVITY_LOG = "Activity Log"
OUTPUT_SHEETS = (DISCREPANCIES, KPIS, MATCHES, EXCLUDED)
#: Month over month: price moves, thin margins and terms (Prices); every client and product's seats
#: and unit amounts (Pairs, what next month's run compares with). Written by the file path, the
#: archive and the report, after the output sheets.
PRICES, PAIRS, FIXED = "Prices", "Pairs", "Fixed"
#: Fixed: findings marked Fixed in PSA in earlier months and not back, so a late return is reopened.
MONTH_SHEETS = (PRICES, PAIRS, FIXED)
#: The workbook itself shows Prices; Pairs and Fixed are what an archive keeps for next month.
WORKBOOK_MONTH_SHEETS = (PRICES,)
#: A standalone workbook (the --out report, the month's archive): every sheet next month reads.
REPORT_SHEETS = (*OUTPUT_SHEETS, *MONTH_SHEETS)

STATUSES = ("Open", "Fixed in PSA", "Accepted", "Ignore")
#: A correction is a PSA line fixed; any status but Open means the finding has been reviewed.
CORRECTED_STATUSES = frozenset({"Fixed in PSA"})

#: Number formats Excel shows without a trailing dot ("#,##0.##" shows 8 as "8.").
NUMBER_FORMATS: dict[Kind, str] = {
    "text": "@",
    "wrap": "@",
    "money": '"$"#,##0.00;[Red]-"$"#,##0.00',
    "quantity": "General",
    "integer": "#,##0",
    "percent": '0.00"%"',
    "confidence": "0%",
    "minutes": '#,##0" min"',
}


#: Excel number format for amounts in a currency (engine.money keeps the one table of symbols);
#: ``format_amount`` writes an amount as text the same way (notes, the CLI headline).
money_format = currency_format
__all__ = ["format_amount", "money_format"]


def _code(currency: str | None) -> str:
    return (currency or "USD").strip().upper() or "USD"


def number_format(kind: Kind, currency: str | None = "USD") -> str:
    """The Excel number format of a cell of this kind: money in the bill's currency (£, €, A$…)."""
    return currency_format(currency or "USD") if kind == "money" else NUMBER_FORMATS[kind]


HEADER_FILL, HEADER_FONT = "#1F3864", "#FFFFFF"
SEVERITIES = ("Critical", "High", "Medium", "Low")
#: Row colour by how much a finding matters (the Severity column drives a conditional format).
SEVERITY_FILLS: dict[str, str] = {
    "Critical": "#F4B6B6",  # red
    "High": "#F8CBAD",  # orange
    "Medium": "#FFE699",  # yellow
    "Low": "#E2EFDA",  # pale green
}
CHECK_FIRST = "Check first"
CHECK_FIRST_FILL = "#FFC000"
LEAKAGE, EXPOSURE = "Leakage", "Exposure"
LEAKAGE_FONT, EXPOSURE_FONT = "#9C0006", "#1F4E79"
TYPE_NAMES: dict[str, str] = {
    "unbilled": "Unbilled",
    "under_billed": "Under-billed",
    "below_cost": "Below cost",
    "over_billed": "Over-billed",
    "no_vendor_record": "No vendor record",
}
TYPE_LABELS: dict[str, str] = {
    "unbilled": "Unbilled: paid to the vendor, never billed",
    "under_billed": "Under-billed: fewer seats billed than bought",
    "below_cost": "Below cost: price under the vendor cost",
    "over_billed": "Over-billed: more seats billed than bought",
    "no_vendor_record": "No vendor record: billed, but nothing bought",
}
LEAKAGE_TYPES = ("unbilled", "under_billed", "below_cost")


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = "text"
    width: float = 14
    detail: bool = False  # technical: grouped and collapsed, outside the print area


@dataclass(frozen=True)
class Note:
    """A cell above a table (title, legend): 0-based position, text, optional fill and font."""

    row: int
    col: int
    text: str
    fill: str = ""
    bold: bool = False
    size: float = 0  # points; 0 = the sheet's default


@dataclass(frozen=True)
class OutputTable:
    """One output sheet's table: header row, typed rows, formats, and what sits above it."""

    sheet: str
    columns: tuple[Column, ...]
    rows: list[list[object]]
    row_types: list[str] = field(default_factory=list)  # parallel to rows (Discrepancies only)
    table_name: str = ""
    status_column: int | None = None  # 0-based index of the Status column (data validation)
    header_row: int = 0  # 0-based sheet row of the table's header
    notes: tuple[Note, ...] = ()  # title and legend above the header
    currency: str = "USD"
    footer: str = ""
    row_heights: list[float | None] = field(default_factory=list)  # points; None: the default

    def column(self, header: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.header == header)

    @property
    def rules(self) -> list[Rule]:
        """The conditional formats over the rows (Discrepancies' colours; none elsewhere), for the
        columns as they are now (a column of the user's included)."""
        return discrepancy_rules(self) if self.row_types else []

    @property
    def visible_columns(self) -> int:
        """Columns a person reads (printed); the detail columns follow them."""
        return sum(not c.detail for c in self.columns)


SEVERITY_HEADER, KIND_HEADER, CHECK_HEADER = "Severity", "Leakage or exposure", "Check first"
STATUS_HEADER, NOTE_HEADER, ID_HEADER = "Status", "Note", "Finding ID"
#: Month over month (engine.history.findings, engine.terms): the archive reader finds these by header.
FIRST_SEEN_HEADER, MONTHS_OPEN_HEADER = "First seen", "Months open"
LOST_HEADER, REOPENED_HEADER = "Lost since first seen", "Reopened"
FIX_WHEN_HEADER, IMPACT_HEADER, TYPE_HEADER = "When to fix", "Monthly impact", "Finding"
REOPENED = "Reopened"
#: One line each, for the README and the Start sheet (tests keep the three in agreement).
MONTH_OVER_MONTH_HELP: tuple[tuple[str, str], ...] = (
    (FIRST_SEEN_HEADER, "the month this finding (same client, product and type) was first found."),
    (MONTHS_OPEN_HEADER, "calendar months it has been open, this month included (1 = new)."),
    (
        LOST_HEADER,
        "money lost (or over-billed) since first seen: the monthly impacts of every month open.",
    ),
    (REOPENED_HEADER, "marked Fixed in PSA last month, and back this month: check the fix."),
    (
        FIX_WHEN_HEADER,
        "bill now (raise the client's seats or price), reduce now (monthly term), or reduce at "
        "renewal (date) for annual-term seats.",
    ),
    ("New leakage", "confirmed leakage first found this month."),
    ("Carried-over leakage", "confirmed leakage already open last month (new + carried = total)."),
)
DISCREPANCY_COLUMNS: tuple[Column, ...] = (
    Column("Priority", "integer", 8),
    Column(SEVERITY_HEADER, "text", 9),
    Column(KIND_HEADER, "text", 11),
    Column("Finding", "text", 14),
    Column("Client", "wrap", 22),
    Column("Product", "wrap", 26),
    Column("Vendor seats", "quantity", 8),
    Column("PSA seats", "quantity", 8),
    Column("Vendor cost per seat / month", "money", 12),
    Column("PSA price per seat / month", "money", 12),
    Column("Monthly impact", "money", 12),
    Column("Annual impact", "money", 13),
    Column(FIRST_SEEN_HEADER, "text", 9),
    Column(MONTHS_OPEN_HEADER, "integer", 8),
    Column(LOST_HEADER, "money", 13),
    Column(REOPENED_HEADER, "text", 9),
    Column(CHECK_HEADER, "text", 9),
    Column("Match confidence", "confidence", 10),
    Column("What to do", "wrap", 50),
    Column(FIX_WHEN_HEADER, "wrap", 18),
    Column(STATUS_HEADER, "text", 13),
    Column(NOTE_HEADER, "wrap", 24),
    Column("Why check first (match evidence)", "text", 40, detail=True),
    Column("Client on the vendor bill", "text", 28, detail=True),
    Column("Product on the vendor bill", "text", 30, detail=True),
    Column("Product in the PSA", "text", 30, detail=True),
    Column("Client match", "text", 16, detail=True),
    Column("Product match", "text", 16, detail=True),
    Column("Vendor bill(s)", "text", 20, detail=True),
    Column("Vendor rows", "text", 12, detail=True),
    Column("PSA rows", "text", 12, detail=True),
    Column(ID_HEADER, "text", 14, detail=True),
)
_STATUS_INDEX = next(i for i, c in enumerate(DISCREPANCY_COLUMNS) if c.header == STATUS_HEADER)
#: The Discrepancies table's header sits under a title row and the two legend rows.
DISCREPANCY_HEADER_ROW = 3
MATCH_COLUMNS: tuple[Column, ...] = (
    Column("What", "text", 10),
    Column("Name on the vendor bill", "text", 40),
    Column("Name in the PSA", "text", 40),
    Column("Matched to", "text", 40),
    Column("How", "text", 12),
    Column("Confidence", "confidence", 12),
    Column("Evidence", "wrap", 60),
)
EXCLUDED_COLUMNS: tuple[Column, ...] = (
    Column("Side", "text", 8),
    Column("Source", "text", 24),
    Column("Row", "integer", 8),
    Column("Client", "text", 30),
    Column("Product", "text", 34),
    Column("Quantity", "quantity", 10),
    Column("Amount", "money", 14),
    Column("Why it was left out", "wrap", 50),
)


LINE_HEIGHT = 15.0  # points per line of 11-point text


def row_heights(columns: tuple[Column, ...], rows: list[list[object]]) -> list[float | None]:
    """Each row's height for its wrapped cells, None where one line is enough. Characters per line
    are estimated a little low (a column's width counts "0"s), so text never overflows its row."""
    lines = [1] * len(rows)
    for index, column in enumerate(columns):
        if column.kind != "wrap":
            continue
        per_line = int(max(column.width - 2, 4))
        for r, row in enumerate(rows):
            value = row[index]
            if type(value) is str and len(value) > per_line:
                needed = -(-len(value) // per_line)
                if needed > lines[r]:
                    lines[r] = needed
    return [n * LINE_HEIGHT + 1 if n > 1 else None for n in lines]


def _money(value: Decimal | None) -> object:
    return None if value is None else value


def _qty(value: Decimal | None) -> object:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


# discrepancy id → (Status, Note) as the user left them (typed cells keep their type)
Decisions = Mapping[str, tuple[object, object]]


@dataclass(frozen=True)
class Rule:
    """A conditional format both writers add: over 0-based columns ``first``…``last`` of the table's
    data rows; ``formula`` holds ``{row}``, the first data row (1-based), like Excel's own rules.
    Rules are listed in priority order: the first that applies wins (LibreOffice applies only one)."""

    first: int
    last: int
    formula: str
    fill: str = ""
    font: str = ""
    bold: bool = False


def _col(index: int) -> str:
    return column_letter(index)


def discrepancy_rules(table: OutputTable) -> list[Rule]:
    """Colour by severity; the Leakage/Exposure cell in its own font; Check first in amber."""
    severity = _col(table.column(SEVERITY_HEADER))
    kind_index = table.column(KIND_HEADER)
    check_index = table.column(CHECK_HEADER)
    last = len(table.columns) - 1
    rules = [
        Rule(
            check_index,
            check_index,
            f'=${_col(check_index)}{{row}}="{CHECK_FIRST}"',
            CHECK_FIRST_FILL,
            bold=True,
        )
    ]
    for name, font in ((LEAKAGE, LEAKAGE_FONT), (EXPOSURE, EXPOSURE_FONT)):
        for level, fill in SEVERITY_FILLS.items():
            rules.append(
                Rule(
                    kind_index,
                    kind_index,
                    f'=AND(${_col(kind_index)}{{row}}="{name}",${severity}{{row}}="{level}")',
                    fill,
                    font,
                    bold=True,
                )
            )
    for level, fill in SEVERITY_FILLS.items():
        rules.append(Rule(0, last, f'=${severity}{{row}}="{level}"', fill))
    return rules


def is_leakage(kind: str) -> bool:
    return kind in LEAKAGE_TYPES


INFERRED_METHODS = ("fuzzy", "domain", "name")  # matches a person may want to confirm


def shown_confidence(d: Discrepancy) -> float | None:
    """A match score only where it tells something: a finding to check first, or one resting on an
    inferred match (fuzzy name, tenant domain). An exact or id match (100%), a client found on one
    side only, and "product not in the catalogue" (0%, no score at all) show blank."""
    methods = (d.client_match.split(" ")[0].strip(","), d.product_match.split(" ")[0].strip(","))
    inferred = any(m in INFERRED_METHODS for m in methods)
    if 0 < d.confidence < 1 and (d.check_first or inferred):
        return d.confidence
    return None


_LEAKAGE = frozenset(LEAKAGE_TYPES)


def ordered(result: Result) -> list[Discrepancy]:
    """Leakage (money the MSP loses) first, then over-billing exposure; each largest first (the
    engine's priority order, kept by a stable partition)."""
    found = sorted(result.discrepancies, key=lambda d: d.priority)
    return [d for d in found if d.type in _LEAKAGE] + [d for d in found if d.type not in _LEAKAGE]


def _rows_text(rows: tuple[int, ...], limit: int = 20) -> str:
    """Source row numbers as the CSV writes them (at most ``limit``, then a count)."""
    if len(rows) <= limit:
        return " ".join(map(str, rows))
    return " ".join(map(str, rows[:limit])) + f" …(+{len(rows) - limit})"


def discrepancy_notes(result: Result) -> tuple[Note, ...]:
    """Title and legend above the Discrepancies table: on screen and frozen, never off to the side."""
    k = result.kpis
    notes = [
        Note(
            0,
            0,
            f"Discrepancies — {k.period or 'period not stated'} · amounts in {_code(k.currency)} · "
            "leakage first, then over-billing exposure; each largest first",
            bold=True,
            size=13,
        ),
        Note(1, 0, "Colour:", bold=True),
    ]
    for offset, severity in enumerate(SEVERITIES, start=1):
        notes.append(Note(1, offset, severity, SEVERITY_FILLS[severity], bold=True))
    notes.append(Note(1, 5, CHECK_FIRST, CHECK_FIRST_FILL, bold=True))
    notes.append(
        Note(
            1,
            6,
            "marks an inferred client or product match: confirm before acting (why: click + above "
            f"column {column_letter(sum(not c.detail for c in DISCREPANCY_COLUMNS))}).",
        )
    )
    notes.append(
        Note(
            2,
            0,
            "Leakage = you pay the vendor and do not bill (unbilled, under-billed, below cost). "
            "Exposure = a client is billed for licences the vendor bill does not show (over-billed, no "
            "vendor record): the client may claim it back. Set Status as you review each row.",
        )
    )
    return tuple(notes)


def discrepancy_table(result: Result, decisions: Decisions | None = None) -> OutputTable:
    decisions = decisions or {}
    rows: list[list[object]] = []
    found = ordered(result)
    k = result.kpis
    for rank, d in enumerate(found, start=1):
        status, note = decisions.get(d.id, ("Open", ""))
        rows.append(
            [
                rank,
                d.severity.capitalize(),
                LEAKAGE if d.type in _LEAKAGE else EXPOSURE,
                TYPE_NAMES.get(d.type, d.type),
                d.client or d.vendor_client,
                d.product,
                _qty(d.vendor_qty),
                _qty(d.psa_qty),
                _money(d.vendor_unit_cost),
                _money(d.psa_unit_price),
                d.monthly_impact,
                d.annual_impact,
                d.first_seen or k.period or "",
                d.months_open,
                d.lost_so_far,
                REOPENED if d.reopened else "",
                CHECK_FIRST if d.check_first else "",
                shown_confidence(d),
                d.action,
                d.fix_when,
                status or "Open",
                note,
                d.evidence,
                d.vendor_client,
                d.vendor_product,
                d.psa_product,
                d.client_match,
                d.product_match,
                "; ".join(d.bills),
                _rows_text(d.vendor_rows),
                _rows_text(d.psa_rows),
                d.id,
            ]
        )
    return OutputTable(
        DISCREPANCIES,
        DISCREPANCY_COLUMNS,
        rows,
        [d.type for d in found],
        table_name="LF_Discrepancies",
        status_column=_STATUS_INDEX,
        header_row=DISCREPANCY_HEADER_ROW,
        notes=discrepancy_notes(result),
        currency=_code(k.currency),
        footer=f"Leakage Finder · Discrepancies · {k.period or 'period not stated'}",
        row_heights=row_heights(DISCREPANCY_COLUMNS, rows),
    )


def match_table(result: Result) -> OutputTable:
    rows: list[list[object]] = []
    for m in result.client_matches:
        rows.append(
            [
                "client",
                m.vendor_name,
                m.psa_name,
                m.psa_name or m.vendor_name,
                m.method,
                m.confidence,
                m.evidence,
            ]
        )
    for p in result.product_matches:
        rows.append(
            [
                "product",
                p.spelling if p.side == "vendor" else "",
                p.spelling if p.side == "psa" else "",
                p.product,
                p.method,
                p.confidence,
                p.evidence,
            ]
        )
    return OutputTable(
        MATCHES,
        MATCH_COLUMNS,
        rows,
        table_name="LF_Matches",
        currency=_code(result.kpis.currency),
        footer=f"Leakage Finder · Matches · {result.kpis.period or 'period not stated'}",
    )


def excluded_table(result: Result) -> OutputTable:
    rows: list[list[object]] = [
        [e.side, e.source, e.row, e.client, e.product, _qty(e.quantity), _money(e.amount), e.reason]
        for e in result.excluded
    ]
    return OutputTable(
        EXCLUDED,
        EXCLUDED_COLUMNS,
        rows,
        table_name="LF_Excluded",
        currency=_code(result.kpis.currency),
        footer=f"Leakage Finder · Excluded lines · {result.kpis.period or 'period not stated'}",
        row_heights=row_heights(EXCLUDED_COLUMNS, rows),
    )


Tone = Literal["", "good", "bad"]
GOOD_FILL, GOOD_FONT, BAD_FILL, BAD_FONT = "#C6EFCE", "#006100", "#FFC7CE", "#9C0006"
TIME_TARGET_MINUTES = 30


@dataclass(frozen=True)
class Tile:
    label: str
    value: object
    kind: Kind
    note: str = ""
    tone: Tone = ""  # red/green against a target


def corrections(decisions: Decisions | None) -> int:
    """Findings marked Fixed in PSA: PSA lines corrected."""
    return sum(status in CORRECTED_STATUSES for status, _ in (decisions or {}).values())


def _review_of(result: Result, decisions: Decisions | None, review: Review | None) -> Review:
    """The review state: from the activity log when there is one, else from the decisions alone."""
    if review is not None:
        return review
    decisions = decisions or {}
    fixed = [
        d for d in result.discrepancies if decisions.get(d.id, ("Open", ""))[0] == "Fixed in PSA"
    ]
    return Review(
        started=None,
        finished=None,
        findings=len(result.discrepancies),
        still_open=sum(
            (decisions.get(d.id, ("Open", ""))[0] or "Open") == "Open" for d in result.discrepancies
        ),
        corrections=len(fixed),
        recovered=sum((d.monthly_impact for d in fixed if is_leakage(d.type)), Decimal("0.00")),
    )


def _time_tile(state: Review, at: dt.datetime | None) -> Tile:
    label = "Time to reconcile"
    minutes = state.minutes
    if minutes is not None and state.started and state.finished:
        return Tile(
            label,
            minutes,
            "minutes",
            f"from the month's import ({state.started:%d %b %H:%M}) to the last finding reviewed "
            f"({state.finished:%d %b %H:%M}); target under {TIME_TARGET_MINUTES} min",
            "good" if minutes < TIME_TARGET_MINUTES else "bad",
        )
    if state.started is None:
        return Tile(
            label, "Not recorded", "text", "the workbook records it from the month's import"
        )
    so_far = state.minutes_so_far(at or state.started)
    return Tile(
        label,
        "In progress",
        "text",
        f"{state.still_open} of {state.findings} findings still Open; {so_far} min since the "
        f"month's import ({state.started:%d %b %H:%M}); target under {TIME_TARGET_MINUTES} min",
    )


def _file_note(file_total: Decimal, monthly: Decimal, currency: str) -> str:
    if file_total == monthly:
        return "per month; the same as the file's total"
    return (
        f"per month. The file totals {format_amount(file_total, currency)}: annual (prepaid) lines "
        "count in full there and at one twelfth a month here"
    )


def kpi_tiles(
    result: Result,
    decisions: Decisions | None = None,
    review: Review | None = None,
    at: dt.datetime | None = None,
) -> list[Tile]:
    """The KPIs sheet's tiles, in reading order: leakage, the month's review, the bills' size."""
    state = _review_of(result, decisions, review)
    cur = _code(result.kpis.currency)
    return [
        *_leakage_tiles(result.kpis, cur),
        *_review_tiles(state, at, cur),
        *_volume_tiles(result, state, cur),
    ]


def _leakage_tiles(k: Kpis, cur: str) -> list[Tile]:
    """What leaks and what a client may claim back, per month."""
    on_target = k.leakage_ratio_percent <= k.leakage_target_percent
    return [
        Tile(
            "Monthly leakage",
            k.monthly_leakage,
            "money",
            "confirmed, per month: unbilled + under-billed + below cost",
        ),
        Tile(
            "Leakage ratio",
            k.leakage_ratio_percent,
            "percent",
            f"of the vendor's monthly cost; target ≤ {k.leakage_target_percent}% — "
            f"{'on target' if on_target else 'above target'}",
            "good" if on_target else "bad",
        ),
        Tile("Annualised leakage", k.annual_leakage, "money", "12 × confirmed monthly leakage"),
        Tile(
            "New leakage",
            k.monthly_leakage if k.new_leakage is None else k.new_leakage,
            "money",
            f"first found this month; {format_amount(k.carried_leakage, cur)} carried over from "
            + (f"{k.previous_period} or earlier" if k.previous_period else "earlier months")
            + (f"; {k.reopened_findings} reopened after a fix" if k.reopened_findings else ""),
        ),
        Tile(
            "Leakage to check first",
            k.uncertain_leakage,
            "money",
            "per month, resting on an inferred client or product match: confirm before billing "
            "(not in the headline)",
        ),
        Tile(
            "Over-billing exposure",
            k.overbilling_exposure,
            "money",
            "per month a client may claim back: over-billed + no vendor record"
            + (
                f"; {format_amount(k.uncertain_exposure, cur)} more to check first"
                if k.uncertain_exposure
                else ""
            ),
        ),
    ]


def _review_tiles(state: Review, at: dt.datetime | None, cur: str) -> list[Tile]:
    """The month's review: time taken, PSA lines corrected, money recovered."""
    return [
        _time_tile(state, at),
        Tile(
            "Corrections",
            state.corrections,
            "integer",
            "findings marked Fixed in PSA (PSA lines corrected)",
        ),
        Tile(
            "Recovered",
            state.recovered,
            "money",
            f"per month ({format_amount(state.recovered * 12, cur)} a year): leakage findings "
            "marked Fixed in PSA",
        ),
    ]


def _volume_tiles(result: Result, state: Review, cur: str) -> list[Tile]:
    """The two bills' totals, the clients matched and the findings."""
    k = result.kpis
    leakage_findings = sum(is_leakage(d.type) for d in result.discrepancies)
    return [
        Tile(
            "Vendor monthly total",
            k.vendor_monthly_total,
            "money",
            _file_note(k.vendor_file_total, k.vendor_monthly_total, cur),
        ),
        Tile(
            "PSA monthly total",
            k.psa_monthly_total,
            "money",
            _file_note(k.psa_file_total, k.psa_monthly_total, cur),
        ),
        Tile(
            "Clients matched",
            k.clients_matched,
            "integer",
            f"{k.vendor_clients_unmatched} only on the vendor bill, {k.psa_clients_unmatched} only "
            "in the PSA",
        ),
        Tile(
            "Findings",
            len(result.discrepancies),
            "integer",
            f"{leakage_findings} leakage, {len(result.discrepancies) - leakage_findings} exposure; "
            f"{state.still_open} still Open",
        ),
    ]


BY_TYPE_COLUMNS: tuple[Column, ...] = (
    Column("Finding", "text"),
    Column("Monthly impact", "money"),
    Column("Findings", "integer"),
    Column(KIND_HEADER, "text"),
)


def by_type(result: Result) -> list[list[object]]:
    """One row per finding type, leakage types first (the chart plots the leakage rows)."""
    k = result.kpis
    return [
        [
            TYPE_NAMES[kind],
            k.impacts.get(kind, Decimal("0.00")),
            k.counts.get(kind, 0),
            LEAKAGE if is_leakage(kind) else EXPOSURE,
        ]
        for kind in (*LEAKAGE_TYPES, "over_billed", "no_vendor_record")
    ]


def top_clients(result: Result, limit: int = 10) -> list[list[object]]:
    """Clients by monthly leakage, largest first."""
    totals: dict[str, Decimal] = {}
    for d in result.discrepancies:
        if d.type in LEAKAGE_TYPES:
            name = d.client or d.vendor_client
            totals[name] = totals.get(name, Decimal(0)) + d.monthly_impact
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [[name, amount, amount * 12] for name, amount in ranked]


#: How the matcher pairs a PSA description with a vendor product by inference, not by name alone.
INFERRED_PRODUCT_METHODS = frozenset(
    [
        "context",
        "shared word",
        "elimination",
        "seat gap",
        "learned",
        "consensus",
        "meaning",
        "name fit",
        "item code",
        "corroborated",
        "same price",
        "kind and price",
        "word and price",
    ]
)


def learned_product_aliases(result: Result, existing: Mapping[str, str]) -> list[list[object]]:
    """Product spellings Reconcile resolved from what the client buys (in-house names, bare plans,
    abbreviations), not yet in Product Aliases: added with their evidence for the user to confirm
    (keep the row) or reject (delete it). Rows read vendor spelling → PSA spelling, like the user's."""
    known = {psa.strip().lower() for psa in existing.values()}
    rows: list[list[object]] = []
    seen: set[str] = set()
    for match in result.product_matches:
        spelling = match.spelling.strip()
        if (
            match.side == "psa"
            and match.method in INFERRED_PRODUCT_METHODS
            and spelling.lower() not in known
            and spelling.lower() not in seen
        ):
            seen.add(spelling.lower())
            rows.append(
                [
                    match.product,
                    spelling,
                    f"Reconcile ({match.method} {match.confidence:.2f}: {match.evidence}): "
                    "delete the row if wrong",
                ]
            )
    return rows


def learned_aliases(result: Result, existing: Mapping[str, str]) -> list[list[object]]:
    """Client matches Reconcile found by fuzzy name or tenant domain, not yet in Client Aliases: added
    so next month's run matches them exactly (delete a row to undo a wrong match)."""
    known = {vendor.strip().lower() for vendor in existing}
    rows: list[list[object]] = []
    for match in result.client_matches:
        if match.method in ("fuzzy", "domain") and match.vendor_name.strip().lower() not in known:
            rows.append(
                [
                    match.vendor_name,
                    match.psa_name,
                    f"Reconcile ({match.method} {match.confidence:.2f}): delete the row if wrong",
                ]
            )
    return rows


HISTORY_COLUMNS: tuple[Column, ...] = (
    Column("Month", "text", 10),
    Column("Monthly leakage", "money", 16),
    Column("Annual leakage", "money", 16),
    Column("Leakage ratio (%)", "percent", 12),
    Column("Over-billing exposure", "money", 16),
    Column("Findings", "integer", 10),
    Column("Corrections", "integer", 12),
    Column("Vendor monthly total", "money", 18),
    Column("Minutes to reconcile", "integer", 12),
    Column("Recovered per month", "money", 14),
    Column("New leakage", "money", 14),
    Column("Carried-over leakage", "money", 14),
)


def history_row(
    result: Result, decisions: Decisions | None = None, review: Review | None = None
) -> list[object]:
    k = result.kpis
    state = _review_of(result, decisions, review)
    return [
        k.period or "",
        k.monthly_leakage,
        k.annual_leakage,
        k.leakage_ratio_percent,
        k.overbilling_exposure,
        len(result.discrepancies),
        state.corrections,
        k.vendor_monthly_total,
        state.minutes,
        state.recovered,
        k.monthly_leakage if k.new_leakage is None else k.new_leakage,
        k.carried_leakage,
    ]


# --- the KPIs sheet layout (both writers place things where this says) ----------------------------

TILE_COLUMNS = 4
#: Column A is a margin; tiles sit side by side in B:E; the history table runs on to K.
KPI_COLUMN_WIDTHS = (2, 30, 30, 30, 30, 14, 12, 12, 14, 12, 12, 14, 14, 10)
TILE_VALUE_ROW_HEIGHT = 27  # points: the large tile values need more than Excel's default 15
TOP_CLIENT_COLUMNS: tuple[Column, ...] = (
    Column("Client", "text"),
    Column("Monthly leakage", "money"),
    Column("Annual leakage", "money"),
)
TARGET_HEADER = "Target (%)"
KPI_HISTORY_COLUMNS: tuple[Column, ...] = (*HISTORY_COLUMNS, Column(TARGET_HEADER, "percent"))
CHART_ROWS = 16  # rows a chart covers (15 points each)
#: History columns the month charts plot (offsets in the History block).
HISTORY_CORRECTIONS, HISTORY_MINUTES, HISTORY_RECOVERED = (
    next(i for i, c in enumerate(HISTORY_COLUMNS) if c.header == name)
    for name in ("Corrections", "Minutes to reconcile", "Recovered per month")
)


@dataclass(frozen=True)
class Block:
    """A small table on the KPIs sheet: header row at (row, col), 0-based."""

    row: int
    col: int
    columns: tuple[Column, ...]
    rows: list[list[object]]
    name: str
    title: str


@dataclass(frozen=True)
class Chart:
    """A chart drawn from a block: categories from one column, one series per value column."""

    kind: Literal["bar", "line"]
    title: str
    block: Block
    category: int  # column offset in the block
    values: tuple[int, ...]  # column offsets in the block
    rows: int  # data rows plotted, from the first
    row: int  # anchor, 0-based
    col: int
    y_format: str


@dataclass(frozen=True)
class KpiLayout:
    title: str
    subtitle: str
    tiles: list[tuple[int, int, Tile]]  # (row, col, tile): label at row, value row+1, note row+2
    by_type: Block
    top_clients: Block
    history: Block
    charts: tuple[Chart, ...]
    currency: str
    footer: str

    @property
    def blocks(self) -> tuple[Block, ...]:
        return (self.by_type, self.top_clients, self.history)

    @property
    def last_row(self) -> int:
        return max(c.row + CHART_ROWS for c in self.charts)

    @property
    def chart_row(self) -> int:
        return self.charts[0].row


def kpi_layout(
    result: Result,
    decisions: Decisions | None,
    history: list[list[object]],
    review: Review | None = None,
    at: dt.datetime | None = None,
) -> KpiLayout:
    k = result.kpis
    currency = _code(k.currency)
    tiles = kpi_tiles(result, decisions, review, at)
    placed = [
        (3 + (i // TILE_COLUMNS) * 4, 1 + i % TILE_COLUMNS, tile) for i, tile in enumerate(tiles)
    ]
    row = 3 + ((len(tiles) + TILE_COLUMNS - 1) // TILE_COLUMNS) * 4 + 1
    types = by_type(result)
    type_block = Block(row + 1, 1, BY_TYPE_COLUMNS, types, "LF_ByType", "Findings by type")
    row += len(types) + 4
    top = top_clients(result)
    top_block = Block(
        row + 1, 1, TOP_CLIENT_COLUMNS, top, "LF_TopClients", "Top clients by monthly leakage"
    )
    row += max(len(top), 1) + 4
    target = k.leakage_target_percent
    history_rows = [
        [*[*r, *[None] * len(HISTORY_COLUMNS)][: len(HISTORY_COLUMNS)], target] for r in history
    ]
    history_block = Block(
        row + 1,
        1,
        KPI_HISTORY_COLUMNS,
        history_rows,
        "LF_KpiHistory",
        "History (Archive Month adds a row)",
    )
    chart_row = history_block.row + max(len(history_rows), 1) + 2
    return KpiLayout(
        title=f"Leakage Finder — {k.period or 'period not stated'} · amounts in {currency}",
        subtitle=f"Vendor: {result.sources.get('vendor', '')}   PSA: {result.sources.get('psa', '')}",
        tiles=placed,
        by_type=type_block,
        top_clients=top_block,
        history=history_block,
        charts=_charts(type_block, history_block, chart_row, currency, target),
        currency=currency,
        footer=f"Leakage Finder · KPIs · {k.period or 'period not stated'}",
    )


def _charts(
    type_block: Block, history_block: Block, chart_row: int, currency: str, target: Decimal
) -> tuple[Chart, ...]:
    """The KPIs sheet's charts, two a row from ``chart_row``: leakage by type and the ratio by
    month, then the months' work (recovered, minutes, corrections)."""
    months = len(history_block.rows)
    money = money_format(currency).split(";")[0].replace(".00", "")
    return (
        Chart(
            "bar",
            "Monthly leakage by type",
            type_block,
            0,
            (1,),
            len(LEAKAGE_TYPES),
            chart_row,
            1,
            money,
        ),
        Chart(
            "line",
            f"Leakage ratio by month against the {target}% target",
            history_block,
            0,
            (3, len(KPI_HISTORY_COLUMNS) - 1),
            months,
            chart_row,
            3,
            '0.0"%"',
        ),
        # the months' work: what was recovered, how long it took, how many lines were corrected
        Chart(
            "bar",
            "Recovered per month (leakage marked Fixed in PSA)",
            history_block,
            0,
            (HISTORY_RECOVERED,),
            months,
            chart_row + CHART_ROWS + 1,
            1,
            money,
        ),
        Chart(
            "line",
            f"Minutes to reconcile (target under {TIME_TARGET_MINUTES})",
            history_block,
            0,
            (HISTORY_MINUTES,),
            months,
            chart_row + CHART_ROWS + 1,
            3,
            '0" min"',
        ),
        Chart(
            "bar",
            "Corrections by month (findings marked Fixed in PSA)",
            history_block,
            0,
            (HISTORY_CORRECTIONS,),
            months,
            chart_row + 2 * (CHART_ROWS + 1),
            1,
            "0",
        ),
    )


def history_with_current(
    archived: Sequence[Sequence[object]],
    result: Result,
    decisions: Decisions | None = None,
    review: Review | None = None,
) -> list[list[object]]:
    """Archived months plus this run's month when it is not archived yet, oldest first."""
    current = history_row(result, decisions, review)
    rows = [list(r) for r in archived if r and r[0] not in (None, "")]
    if not any(str(r[0]) == str(current[0]) for r in rows):
        rows.append(current)
    return sorted(rows, key=lambda r: str(r[0]))


# --- month over month: Prices (price moves, thin margins, terms) and Pairs ----------------------

PRICE_KINDS: dict[str, str] = {
    "rose": "Cost rose",
    "fell": "Cost fell",
    "thin": "Thin margin",
    "extended_terms": "Extended terms",
    "renewal": "Renewal due",
}
PRICE_COLUMNS: tuple[Column, ...] = (
    Column("What", "text", 14),
    Column("Client", "wrap", 24),
    Column("Product", "wrap", 26),
    Column("Seats", "quantity", 8),
    Column("PSA seats", "quantity", 8),
    Column("Cost last month", "money", 12),
    Column("Cost per seat / month", "money", 12),
    Column("PSA price per seat / month", "money", 12),
    Column("Margin (%)", "percent", 9),
    Column("Monthly effect", "money", 13),
    Column("Date", "text", 11),
    Column("What to do", "wrap", 48),
)
PAIR_COLUMNS: tuple[Column, ...] = (
    Column("Client", "text", 30),
    Column("Product", "text", 34),
    Column("Vendor seats", "quantity", 10),
    Column("PSA seats", "quantity", 10),
    Column("Vendor cost per seat / month", "quantity", 14),
    Column("PSA price per seat / month", "quantity", 14),
)


def price_rows(result: Result) -> list[list[object]]:
    """Price moves (product rows, then client rows), thin margins, then terms: one table to filter."""
    cur = _code(result.kpis.currency)
    return [
        *(_price_move_row(c, cur) for c in result.price_changes),
        *(_thin_margin_row(t, cur) for t in result.thin_margins),
        *(_term_row(term) for term in result.terms),
    ]


def _price_move_row(c: PriceChange, cur: str) -> list[object]:
    verb = "pass the rise on" if c.direction == "rose" else "check the price still fits"
    return [
        PRICE_KINDS[c.direction],
        c.client or "(all clients)",
        c.product,
        _qty(c.vendor_qty),
        None,
        c.previous_cost,
        c.cost,
        c.psa_unit_price,
        None,
        c.monthly_effect,
        c.previous_period,
        f"Vendor cost {c.direction} {format_amount(abs(c.cost - c.previous_cost), cur)} a "
        f"seat since {c.previous_period} while the PSA price stayed: {verb}.",
    ]


def _thin_margin_row(t: ThinMargin, cur: str) -> list[object]:
    return [
        PRICE_KINDS["thin"],
        t.client,
        t.product,
        _qty(t.seats),
        None,
        None,
        t.cost,
        t.price,
        t.margin_percent,
        t.monthly_shortfall,
        "",
        f"Margin {t.margin_percent}% is under the {t.target_percent}% target: price "
        f"{format_amount(t.price_at_target, cur)} a seat reaches it; a vendor rise of "
        f"{format_amount(t.price - t.cost, cur)} makes it below cost.",
    ]


def _term_row(term: TermFinding) -> list[object]:
    return [
        PRICE_KINDS[term.kind],
        term.client,
        term.product,
        _qty(term.vendor_qty),
        _qty(term.psa_qty),
        None,
        None,
        None,
        None,
        term.monthly_surcharge if term.kind == "extended_terms" else None,
        term.end_date,
        term.action,
    ]


def prices_table(result: Result) -> OutputTable:
    k = result.kpis
    cur = _code(k.currency)
    since = f"since {k.previous_period}" if k.previous_period else "(no previous month archived)"
    notes = (
        Note(
            0,
            0,
            f"Prices, margins and terms — {k.period or 'period not stated'} · amounts in {cur}",
            bold=True,
            size=13,
        ),
        Note(
            1,
            0,
            f"Vendor cost moves {since}: {format_amount(k.price_change_effect, cur)} a month. "
            f"Under the {k.target_margin_percent}% target margin: "
            f"{format_amount(k.thin_margin_shortfall, cur)} a month to reach it. Extended Service "
            f"Terms surcharge: {format_amount(k.extended_terms_surcharge, cur)} a month.",
        ),
    )
    rows = price_rows(result)
    return OutputTable(
        PRICES,
        PRICE_COLUMNS,
        rows,
        table_name="LF_Prices",
        header_row=2,
        notes=notes,
        currency=cur,
        footer=f"Leakage Finder · Prices · {k.period or 'period not stated'}",
        row_heights=row_heights(PRICE_COLUMNS, rows),
    )


def pairs_table(result: Result) -> OutputTable:
    rows: list[list[object]] = [
        [
            p.client,
            p.product,
            _qty(p.vendor_qty),
            _qty(p.psa_qty),
            p.vendor_unit_cost,
            p.psa_unit_price,
        ]
        for p in result.pairs
    ]
    return OutputTable(
        PAIRS,
        PAIR_COLUMNS,
        rows,
        table_name="LF_Pairs",
        currency=_code(result.kpis.currency),
        footer=f"Leakage Finder · Pairs · {result.kpis.period or 'period not stated'}",
    )


FIXED_COLUMNS: tuple[Column, ...] = (
    Column(ID_HEADER, "text", 14),
    Column(TYPE_HEADER, "text", 16),
    Column("Client", "text", 30),
    Column("Product", "text", 34),
    Column("Fixed in", "text", 10),
)


def fixed_table(result: Result) -> OutputTable:
    """Findings fixed in earlier months and not back: next month's run reads them from the archive."""
    rows: list[list[object]] = [
        [f.id, TYPE_NAMES.get(f.type, f.type), f.client, f.product, f.fixed_in]
        for f in result.fixed
    ]
    return OutputTable(
        FIXED,
        FIXED_COLUMNS,
        rows,
        table_name="LF_Fixed",
        currency=_code(result.kpis.currency),
        footer=f"Leakage Finder · Fixed findings · {result.kpis.period or 'period not stated'}",
    )


# --- every output sheet, in one list (each writer renders what this returns) --------------------


@dataclass(frozen=True)
class GridSheet:
    """A plain sheet under a styled header row: History, the hidden Activity Log."""

    sheet: str
    columns: tuple[Column, ...]
    rows: list[list[object]]
    hidden: bool = False  # hidden sheets keep no frozen header either


#: The Activity Log's columns: LOG_COLUMNS with their widths; the impact is money.
ACTIVITY_LOG_COLUMNS: tuple[Column, ...] = tuple(
    Column(header, "money" if header == "Monthly impact" else "text", width)
    for header, width in zip(LOG_COLUMNS, (20, 8, 9, 20, 13, 14, 12, 40), strict=True)
)


def activity_log_sheet(entries: Sequence[Entry]) -> GridSheet:
    """The hidden Activity Log: when the month's data came in, each run, each Status change."""
    return GridSheet(
        ACTIVITY_LOG, ACTIVITY_LOG_COLUMNS, [entry.row() for entry in entries], hidden=True
    )


Output = OutputTable | KpiLayout | GridSheet
_TABLES: dict[str, Callable[[Result], OutputTable]] = {
    MATCHES: match_table,
    EXCLUDED: excluded_table,
    PRICES: prices_table,
    PAIRS: pairs_table,
    FIXED: fixed_table,
}


def output_tables(
    result: Result,
    sheets: Sequence[str] = OUTPUT_SHEETS,
    *,
    decisions: Decisions | None = None,
    history: Sequence[Sequence[object]] | None = None,
    log: Sequence[Entry] | None = None,
    at: dt.datetime | None = None,
    given: Mapping[str, OutputTable] | None = None,
) -> list[tuple[str, Output]]:
    """The named output sheets, in order, each with what a writer renders: a table (its columns,
    rows and formats), the KPIs layout, or a plain grid (History, the Activity Log).

    ``given`` supplies a table ready-made (Discrepancies with the user's own columns, the Decisions
    store). ``log`` is the Activity Log after this run: the KPIs' time to reconcile, corrections and
    recovered amount come from it. ``history`` is the archived months (this one is added on KPIs)."""
    decisions = decisions or {}
    state = review_from_log(log, result) if log is not None else None
    archived = [list(row) for row in history or []]
    out: list[tuple[str, Output]] = []
    for name in sheets:
        output: Output
        if given and name in given:
            output = given[name]
        elif name == DISCREPANCIES:
            output = discrepancy_table(result, decisions)
        elif name == KPIS:
            current = history_with_current(archived, result, decisions, state)
            output = kpi_layout(result, decisions, current, state, at)
        elif name == HISTORY:
            output = GridSheet(HISTORY, HISTORY_COLUMNS, archived)
        elif name == ACTIVITY_LOG:
            output = activity_log_sheet(log or [])
        elif name in _TABLES:
            output = _TABLES[name](result)
        else:
            raise ValueError(f"{name!r} is not an output sheet")
        out.append((name, output))
    return out
