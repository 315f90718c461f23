"""What a reconcile prints when it is done: the headline figures and the month over month lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

    from engine.result import Result


def print_headline(result: Result, stream: TextIO) -> None:
    from addin.layout import format_amount

    k = result.kpis

    def money(value: Decimal) -> str:
        return format_amount(value, k.currency)  # in the bill's currency

    file_note = (
        f"  (file total {money(k.vendor_file_total)}: annual prepaid lines count in full there)"
        if k.vendor_file_total != k.vendor_monthly_total
        else ""
    )
    lines = [
        f"Period:                 {k.period or 'not stated'}",
        f"Currency:               {k.currency} (every amount below)",
        f"Vendor monthly total:   {money(k.vendor_monthly_total)}{file_note}",
        f"PSA monthly total:      {money(k.psa_monthly_total)}",
        f"Monthly leakage:        {money(k.monthly_leakage)}  ({k.leakage_ratio_percent}% of vendor "
        f"cost; target {k.leakage_target_percent}%)",
        f"Annual leakage:         {money(k.annual_leakage)}",
        f"Over-billing exposure:  {money(k.overbilling_exposure)} per month",
        "Findings:               " + ", ".join(f"{n} {t}" for t, n in k.counts.items()),
        f"Clients:                {k.clients_matched} matched, {k.vendor_clients_unmatched} only on the "
        f"vendor bill, {k.psa_clients_unmatched} only in the PSA",
        f"Lines:                  vendor {k.vendor_lines_reconciled}/{k.vendor_lines}, "
        f"PSA {k.psa_lines_reconciled}/{k.psa_lines} reconciled (rest excluded with reasons)",
        f"Time:                   {k.seconds:.2f} s",
    ]
    if len(k.bills) > 1:
        for bill in k.bills:
            lines.append(
                f"Bill:                   {bill.name}: {money(bill.file_total)} "
                f"({bill.lines_reconciled}/{bill.lines} lines reconciled)"
            )
    if k.uncertain_leakage or k.uncertain_exposure:
        lines.insert(
            6,
            f"To check first:         {money(k.uncertain_leakage)} leakage, "
            f"{money(k.uncertain_exposure)} exposure (inferred matches: confirm before acting)",
        )
    lines += _month_over_month_lines(result, money)
    lines += [f"Warning: {warning}" for warning in result.warnings]
    print("\n".join(lines), file=stream)


def _month_over_month_lines(result: Result, money: Callable[[Decimal], str]) -> list[str]:
    """The headline's lines about last month, margins and terms (none when there is nothing)."""
    k = result.kpis
    lines: list[str] = []
    if k.previous_period:
        new = k.monthly_leakage if k.new_leakage is None else k.new_leakage  # as the summary says
        lines.append(
            f"{'Since ' + k.previous_period + ':':<24}new leakage {money(new)}, carried over "
            f"{money(k.carried_leakage)}; {k.reopened_findings} reopened, {k.fixed_last_month} "
            "fixes held"
        )
        lines.append(
            f"Vendor cost moves:      {money(k.price_change_effect)} per month while the PSA "
            "price stayed"
        )
    if result.thin_margins:
        lines.append(
            f"Thin margins:           {len(result.thin_margins)} under {k.target_margin_percent}%: "
            f"{money(k.thin_margin_shortfall)} per month to reach the target"
        )
    if result.terms:
        lines.append(
            f"Terms:                  {sum(t.kind == 'extended_terms' for t in result.terms)} "
            f"on Extended Service Terms ({money(k.extended_terms_surcharge)} surcharge per month), "
            f"{sum(t.kind == 'renewal' for t in result.terms)} renewals due with seat gaps"
        )
    return lines
