"""The KPI tab's figures, the Excluded sheet's lines and the totals-row check, from a run's lines
and findings. Money is exact: sums of Decimals, monthly amounts kept × SCALE, rounded once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from engine.bills import bill_totals
from engine.lines import Exclusion, Line, live
from engine.match.clients import ClientMatch
from engine.match.second_names import SECOND_NAME
from engine.money import round_cents
from engine.result import (
    DISCREPANCY_TYPES,
    EXPOSURE_TYPES,
    LEAKAGE_TYPES,
    BillTotal,
    Discrepancy,
    ExcludedLine,
    Kpis,
    ReasonTotal,
    TermFinding,
    ThinMargin,
)
from engine.rules import SCALE
from engine.settings import Settings
from engine.sides import Prepared

_CENTS = Decimal("0.00")


def kpis(
    vendor: Prepared,
    psa: Prepared,
    discrepancies: Sequence[Discrepancy],
    matches: Sequence[ClientMatch],
    settings: Settings,
    period: str | None,
    currency: str,
    separate: tuple[Sequence[ThinMargin], Sequence[TermFinding]],
    seconds: float,
) -> Kpis:
    """Every headline figure: findings, lines, exclusions, bills and the separate lists' money."""
    findings = _finding_totals(discrepancies)
    vendor_monthly = monthly_total(vendor.lines)
    leakage = findings["monthly_leakage"]
    ratio = (leakage / vendor_monthly * 100).quantize(_CENTS) if vendor_monthly else _CENTS
    thin, terms = separate
    figures = Kpis(
        period=period,
        vendor_file_total=round_cents(line_sum(bill_lines(vendor.lines))),
        vendor_monthly_total=vendor_monthly,
        psa_file_total=round_cents(line_sum(bill_lines(psa.lines))),
        psa_monthly_total=monthly_total(psa.lines),
        annual_leakage=leakage * 12,
        leakage_ratio_percent=ratio,
        leakage_target_percent=settings.leakage_target_percent,
        clients_matched=sum(m.method not in ("unmatched", SECOND_NAME) for m in matches),
        vendor_clients_unmatched=sum(
            m.method == "unmatched" and m.vendor_key is not None for m in matches
        ),
        psa_clients_unmatched=sum(
            m.method == "unmatched" and m.psa_key is not None for m in matches
        ),
        vendor_lines=len(vendor.lines),
        vendor_lines_reconciled=len(live(vendor.lines)),
        psa_lines=len(psa.lines),
        psa_lines_reconciled=len(live(psa.lines)),
        excluded=_excluded_totals([*vendor.lines, *psa.lines]),
        seconds=seconds,
        **findings,
    )
    bills = vendor.parts or (vendor,)
    return replace(
        figures,
        currency=currency,
        **(
            bill_totals(bills, vendor.lines, currency)
            if vendor.parts
            else _one_bill(figures, vendor.raw.name, currency)
        ),
        thin_margin_shortfall=sum((t.monthly_shortfall for t in thin), _CENTS),
        extended_terms_surcharge=sum(
            (t.monthly_surcharge for t in terms if t.kind == "extended_terms"), _CENTS
        ),
        target_margin_percent=settings.target_margin_percent,
    )


def _one_bill(figures: Kpis, name: str, currency: str) -> dict[str, Any]:
    """:func:`engine.bills.bill_totals` of a side that is one bill: its totals are the side's,
    worked out above (not summed over its lines a second time)."""
    return {
        "bills": (
            BillTotal(
                name=name,
                file_total=figures.vendor_file_total,
                monthly_total=figures.vendor_monthly_total,
                lines=figures.vendor_lines,
                lines_reconciled=figures.vendor_lines_reconciled,
                currency=currency,
            ),
        )
    }


def _finding_totals(discrepancies: Sequence[Discrepancy]) -> dict[str, Any]:
    """Counts and impacts per type; the headline is confirmed money only, findings resting on
    inferred matches (check first) are shown apart."""
    counts = {kind: 0 for kind in DISCREPANCY_TYPES}
    impacts = {kind: _CENTS for kind in DISCREPANCY_TYPES}
    money = dict.fromkeys([(True, False), (True, True), (False, False), (False, True)], _CENTS)
    for d in discrepancies:
        counts[d.type] += 1
        impacts[d.type] += d.monthly_impact
        if d.type in LEAKAGE_TYPES or d.type in EXPOSURE_TYPES:
            money[(d.type in LEAKAGE_TYPES, d.check_first)] += d.monthly_impact
    return {
        "counts": counts,
        "impacts": impacts,
        "monthly_leakage": money[(True, False)],
        "uncertain_leakage": money[(True, True)],
        "overbilling_exposure": money[(False, False)],
        "uncertain_exposure": money[(False, True)],
    }


def _excluded_totals(lines: Sequence[Line]) -> tuple[ReasonTotal, ...]:
    """Lines and amounts per (side, reason), values grouped ("cancelled", "unreadable quantity")."""
    reasons: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    for line in lines:
        if line.exclusion is not None:
            reasons[(line.side, line.exclusion.family(line.detail))].append(
                line.amount or Decimal(0)
            )
    return tuple(
        ReasonTotal(side, reason, len(amounts), round_cents(sum(amounts, Decimal(0))))
        for (side, reason), amounts in sorted(reasons.items())
    )


def excluded_lines(lines: Sequence[Line], source: str) -> list[ExcludedLine]:
    """The Excluded sheet's rows: every line that takes no part, with its reason."""
    return [
        ExcludedLine(
            line.side,
            line.bill or source,
            line.row,
            line.client,
            line.product,
            line.quantity,
            line.amount,
            line.exclusion.reason(line.detail),
        )
        for line in lines
        if line.exclusion is not None
    ]


def bill_lines(lines: Sequence[Line]) -> list[Line]:
    """The lines of a bill, without the rows that are no lines (totals rows, repeated headers)."""
    return [line for line in lines if line.exclusion is None or not line.exclusion.not_a_line]


def line_sum(lines: Sequence[Line]) -> Decimal:
    return sum((line.amount for line in lines if line.amount is not None), Decimal(0))


def totals_warnings(lines: Sequence[Line], name: str) -> list[str]:
    """A totals row that disagrees with the lines above it means rows are missing or doubled."""
    totals = [line for line in lines if line.exclusion is Exclusion.TOTALS_ROW]
    out: list[str] = []
    if len(totals) != 1:  # no totals row to check (the lines are summed only for one)
        return out
    expected = line_sum(bill_lines(lines))
    if totals[0].amount not in (None, expected, Decimal(0)):
        out.append(
            f"{name}: the totals row (row {totals[0].row}) says {totals[0].amount} but the lines "
            f"add up to {expected}: check for missing or extra rows."
        )
    return out


def monthly_total(lines: Sequence[Line]) -> Decimal:
    """Σ amount ÷ months over the lines that take part, exact (× SCALE keeps it in Decimals)."""
    scaled, odd = Decimal(0), Fraction(0)
    for line in lines:
        if line.exclusion is not None or line.amount is None:
            continue
        if SCALE % line.months == 0:
            scaled += line.amount * (SCALE // line.months)
        else:
            odd += Fraction(line.amount) / line.months
    return round_cents(Fraction(scaled) / SCALE + odd)
