"""Several vendor bills reconciled at once: each finding names its bill(s), each bill its totals.

MSPs buy from two or three sources (Pax8 for some clients, a direct Partner Center tenant, a
distributor). Their lines are reconciled together against the one PSA export; these helpers keep
every figure traceable to the bill it came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from engine.lines import Line, live
from engine.result import BillTotal, Discrepancy
from engine.rules import ClientInfo

if TYPE_CHECKING:
    from engine.sides import Prepared


def bill_totals(bills: Sequence[Prepared], lines: list[Line], currency: str) -> dict[str, Any]:
    """``Kpis`` fields: each bill's totals and, with several bills, the vendor totals as their sum
    (so the bills tie to the headline to the cent, each rounded to the cent against its own file)."""
    from engine.kpis import bill_lines, line_sum, monthly_total
    from engine.money import round_cents

    several = len(bills) > 1
    totals = []
    for bill in bills:
        own = [line for line in lines if line.bill == bill.raw.name] if several else lines
        totals.append(
            BillTotal(
                name=bill.raw.name,
                file_total=round_cents(line_sum(bill_lines(own))),
                monthly_total=monthly_total(own),
                lines=len(own),
                lines_reconciled=len(live(own)),
                currency=currency,
            )
        )
    fields: dict[str, Any] = {"bills": tuple(totals)}
    if several:
        fields["vendor_file_total"] = sum((t.file_total for t in totals), Decimal("0.00"))
        fields["vendor_monthly_total"] = sum((t.monthly_total for t in totals), Decimal("0.00"))
    return fields


def period_warnings(bills: Sequence[Prepared], lines: list[Line], period: str | None) -> list[str]:
    """A bill whose charges are mostly for another month than the reconciliation's period: a month
    must be compared with the same month (Pax8's own audit tool warns of the same pitfall)."""
    from collections import Counter

    if len(bills) < 2 or period is None:
        return []
    out = []
    for bill in bills:
        months = Counter(
            f"{line.period_start.year:04d}-{line.period_start.month:02d}"
            for line in lines
            if line.bill == bill.raw.name and line.period_start is not None
        )
        if months and (month := months.most_common(1)[0][0]) != period:
            out.append(
                f"{bill.raw.name}: its charges are mostly for {month}, the other bills' for "
                f"{period}: give the bills of one month together."
            )
    return out


def name_bills(
    discrepancies: list[Discrepancy],
    lines: list[Line],
    client_keys: Mapping[str, str],
    groups: Mapping[str, int],
    infos: Mapping[int, ClientInfo],
    names: Mapping[str, str],
) -> list[Discrepancy]:
    """Each finding with the bill(s) its vendor lines came from (none for a PSA-only finding)."""
    by_finding: dict[tuple[str, str, str], dict[str, None]] = defaultdict(dict)
    for line in lines:
        if line.product_key is None or not line.bill:
            continue
        group = groups.get(client_keys.get(line.client, ""))
        if group is None:
            continue
        info = infos[group]
        product = names.get(line.product_key, line.product_key)
        by_finding[(info.psa_name, info.vendor_name, product)][line.bill] = None
    return [
        replace(d, bills=tuple(by_finding.get((d.client, d.vendor_client, d.product), {})))
        for d in discrepancies
    ]
