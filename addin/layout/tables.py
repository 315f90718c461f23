"""The spec's vocabulary: sheet names, number formats, severities, and the table model
(Column, Note, OutputTable, Rule) every sheet below is described in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from engine.money import currency_format, format_amount
from engine.read.header import column_letter

#: "unit_money" is a price per seat or per GB: shown to the cent and beyond where it has more places.
Kind = Literal[
    "text", "wrap", "money", "unit_money", "quantity", "integer", "percent", "confidence", "minutes"
]

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
    "unit_money": '"$"#,##0.00##;[Red]-"$"#,##0.00##',
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


def currency_of(currency: str | None) -> str:
    return (currency or "USD").strip().upper() or "USD"


def number_format(kind: Kind, currency: str | None = "USD") -> str:
    """The Excel number format of a cell of this kind: money in the bill's currency (£, €, A$…)."""
    if kind in ("money", "unit_money"):
        return currency_format(currency or "USD", unit=kind == "unit_money")
    return NUMBER_FORMATS[kind]


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


def money_cell(value: Decimal | None) -> object:
    return None if value is None else value


def quantity_cell(value: Decimal | None) -> object:
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
