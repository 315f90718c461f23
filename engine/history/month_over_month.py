"""This month against last month's archive: findings with a past and vendor cost moves, in one call.

result = compare_months(reconcile(vendor, psa), read_previous("Leakage 2026-05.xlsx"))
"""

from __future__ import annotations

from dataclasses import replace

from engine.history.findings import PreviousMonth, with_past
from engine.history.margins import price_change_effect, price_changes
from engine.result import Result


def compare_months(result: Result, previous: PreviousMonth | None) -> Result:
    """``result`` with first seen / months open / cumulative impact / reopened on each finding, the
    new-versus-carried leakage KPIs, and the price changes against ``previous`` (none without it)."""
    compared = with_past(result, previous)
    if previous is None:
        return compared
    changes = price_changes(compared.pairs, previous)
    return replace(
        compared,
        price_changes=changes,
        kpis=replace(compared.kpis, price_change_effect=price_change_effect(changes)),
    )
