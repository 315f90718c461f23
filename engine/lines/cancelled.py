"""What only the whole run can decide about a line: cancelled before the period, a credit of a
cancelled line, a charge for an earlier month."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal

from engine.lines.line import Exclusion, Line


def cancel_lines(lines: list[Line], period_start: dt.date | None) -> None:
    """Exclude PSA lines cancelled on or before the period's start (today when it is unknown): a
    cancellation outranks every later reason (not billable, unreadable, zero quantity). A line that
    says it bills for a span that ended before the period began (September on November's invoice)
    bills nothing this period."""
    cutoff = period_start or dt.date.today()
    for line in lines:
        if line.cancelled_on is not None and line.cancelled_on <= cutoff:
            line.exclude(Exclusion.CANCELLED, line.cancelled_on.isoformat())
        elif (
            period_start is not None
            and line.exclusion is None
            and line.period_end is not None
            and line.period_end < period_start
        ):
            line.exclude(Exclusion.EARLIER_PERIOD, line.period_end.isoformat())


def drop_credits_of_cancelled(lines: list[Line]) -> None:
    """A credit note of a line that is itself marked credited (Fiken's "Kreditnota"
    beside its invoice's "Kreditert" line): the crediting already took the seats out; counting
    the credit too would take them out twice. Paired one to one by client, product, seats and
    amount; only a line whose status says it was credited (voiding or cancelling is no credit)."""
    cancelled: dict[tuple[str, str, Decimal, Decimal | None], list[int]] = defaultdict(list)
    for line in lines:
        if (
            line.exclusion in (Exclusion.STATUS, Exclusion.CANCELLED)
            and line.quantity
            and line.quantity > 0
            and _CREDITED.match(line.detail) is not None
        ):
            place = (line.client, line.product, line.quantity, _abs(line.amount))
            cancelled[place].append(line.row)
    if not cancelled:
        return
    for line in lines:
        if line.exclusion is None and line.quantity is not None and line.quantity < 0:
            rows = cancelled.get((line.client, line.product, -line.quantity, _abs(line.amount)))
            if rows:
                line.exclude(Exclusion.CREDIT_OF_CANCELLED, str(rows.pop(0)))


#: A line whose status says a credit note took it back (Fiken's "Kreditert"); a line voided,
#: cancelled or suspended never billed, so a credit note beside it credits another (Zoho's "Void"
#: invoice of 2 seats beside a credit note of -2 on the client's paid one).
_CREDITED = re.compile(
    r"^\W*(?:credited|krediteret|krediterad|kreditert|kreditiert|gutgeschrieben|ge[ck]rediteerd"
    r"|cr(?:é|e)dit(?:é|e)e?|hyvitetty)\b",
    re.IGNORECASE,
)


def _abs(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else abs(amount)


def set_aside_earlier_charges(lines: list[Line], period_start: dt.date | None) -> None:
    """Vendor lines charged for a period that ended before the run's month (October's usage in a
    file that also holds November's): another month's bill. A credit is kept (it may net this
    month's seats), and nothing is set aside when the month is unknown."""
    if period_start is None:
        return
    for line in lines:
        if (
            line.exclusion is None
            and line.period_end is not None
            and line.period_end < period_start
            and (line.quantity or 0) >= 0
        ):
            line.exclude(Exclusion.EARLIER_CHARGE, line.period_end.isoformat())


def set_aside_later_charges(lines: list[Line], period_start: dt.date | None) -> None:
    """Vendor lines charged for a period that begins after the run's month (December's charge
    billed in advance on November's invoice, beside November's own): next month's bill, which
    would count the same seats twice; a credit of that month goes with it."""
    if period_start is None:
        return
    next_month = (period_start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    if not any(
        line.period_start is not None and period_start <= line.period_start < next_month
        for line in lines
    ):
        return  # a bill with no charge of the month (a period set by hand): its month is its own
    for line in lines:
        if (
            line.exclusion is None
            and line.period_start is not None
            and line.period_start >= next_month
        ):
            line.exclude(Exclusion.LATER_CHARGE, line.period_start.isoformat())


def live(lines: list[Line]) -> list[Line]:
    """The lines that take part."""
    return [line for line in lines if line.exclusion is None]


def known(lines: list[Line]) -> list[Line]:
    """The lines that take part, and real lines that could not be read (a PSA line next to an
    unreadable vendor line is not "no vendor record")."""
    return [line for line in lines if line.exclusion is None or line.unreadable]
