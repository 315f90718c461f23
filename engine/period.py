"""The month a reconciliation is for: from Settings, the vendor bill's charge dates, a title row
("Invoice … - October 2026"), or the PSA export — with a warning when the two sides disagree."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from engine.read.values import parse_date
from engine.settings import Settings
from engine.sides import Prepared


@dataclass(frozen=True)
class Period:
    month: str | None  # "YYYY-MM"
    start: dt.date | None  # the first day: cancellations on or before it count
    warnings: tuple[str, ...]


def settle_period(vendor: Prepared, psa: Prepared, settings: Settings) -> Period:
    """The run's month and first day, and what to warn about them."""
    bills = vendor.parts or (vendor,)
    # charge dates name the month; subscriptions' start dates, spread over many months, do not
    vendor_month = _most_common_month([line.period_start for line in vendor.lines], least=0.5)
    psa_header = psa.mapping.get("period_start")
    psa_month = _most_common_month(psa.table.data[psa_header], parse_date) if psa_header else None
    # a bill without dates (a distributor's bare CSV): its title ("Invoice … - October 2026"), else
    # the PSA export's invoice month, else the PSA export's title stands in
    month = (
        settings.period or vendor_month or _title_month(*bills) or psa_month or _title_month(psa)
    )
    warnings = []
    if settings.period and vendor_month and settings.period != vendor_month:
        warnings.append(
            f"The vendor bill's charges are mostly for {vendor_month}, but the period set "
            f"(Settings sheet or --period) is {settings.period}: check you are comparing the same "
            "month."
        )
    start = settings.period_start or (
        dt.date(int(month[:4]), int(month[5:7]), 1) if month else None
    )
    if vendor_month and psa_month and psa_month != vendor_month:
        warnings.append(
            f"The vendor bill is for {vendor_month} but the PSA export is for "
            f"{psa_month}: compare the same month, or the findings will be off."
        )
    return Period(month, start, tuple(warnings))


def _most_common_month(
    values: Iterable[object],
    parse: Callable[[object], object] = lambda value: value,
    *,
    least: float = 0.0,
) -> str | None:
    """The month most dates fall in, when at least ``least`` of them do; each distinct value is
    parsed and looked at once."""
    months: Counter[str] = Counter()
    for value, count in Counter(values).items():
        day = parse(value)
        if isinstance(day, dt.date):
            months[f"{day.year:04d}-{day.month:02d}"] += count
    if not months:
        return None
    month, count = months.most_common(1)[0]
    return month if count >= least * sum(months.values()) else None


_MONTH_NAMES = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
_TITLE_MONTH = re.compile(
    # "October 2026", "September 1, 2026", "2026-10"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(\d{4})\b"
    r"|\b(\d{4})-(0[1-9]|1[0-2])\b",
    re.IGNORECASE,
)
#: A date written in numbers in a title ("Date range: 09/01/2026 - 09/30/2026", "01.09.2026").
_TITLE_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b")


def _title_month(*sides: Prepared) -> str | None:
    """The one month the title rows above a header name ("Invoice INV-1 - October 2026")."""
    found: set[str] = set()
    for side in sides:
        above = side.raw.cells[: max(0, side.table.header_row - side.raw.row_offset)]
        for row in above[:20]:
            for cell in row:
                text = str(cell or "")
                for match in _TITLE_MONTH.finditer(text):
                    if match.group(1):
                        found.add(f"{match.group(2)}-{_MONTH_NAMES[match.group(1).lower()]:02d}")
                    else:
                        found.add(f"{match.group(3)}-{match.group(4)}")
                for written in _TITLE_DATE.findall(text):
                    if isinstance(day := parse_date(written), dt.date):
                        found.add(f"{day.year:04d}-{day.month:02d}")
    return next(iter(found)) if len(found) == 1 else None
