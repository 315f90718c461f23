"""The one typed result every output renders from (CSV, JSON, xlsx report, workbook sheets, Excel).

Nothing downstream re-computes or parses: renderers read these frozen records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from engine.clients import ClientMatch
from engine.columns import ColumnMapping
from engine.money import format_money
from engine.products import ProductMatch

DISCREPANCY_TYPES = ("unbilled", "under_billed", "below_cost", "over_billed", "no_vendor_record")
LEAKAGE_TYPES = ("unbilled", "under_billed", "below_cost")
EXPOSURE_TYPES = ("over_billed", "no_vendor_record")

#: The discrepancies CSV starts with exactly these columns, in this order.
CSV_COLUMNS = (
    "priority",
    "type",
    "client",
    "vendor_client",
    "product",
    "vendor_product",
    "psa_product",
    "vendor_qty",
    "psa_qty",
    "vendor_unit_cost",
    "psa_unit_price",
    "monthly_impact",
    "annual_impact",
    "confidence",
    "action",
)
#: CSV columns holding numbers (never text to neutralise).
NUMERIC_COLUMNS = frozenset(CSV_COLUMNS[7:14]) | {"priority"}
EXTRA_COLUMNS = (
    "severity",
    "client_match",
    "product_match",
    "vendor_rows",
    "psa_rows",
    "check_first",
    "evidence",
    "id",
    "bills",
)


def format_quantity(value: Decimal | None) -> str:
    """``Decimal("10.0")`` → ``"10"``, ``Decimal("2.50")`` → ``"2.5"``; blank for None."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class Discrepancy:
    """One finding for one (client, product): what differs, what it costs per month, what to do."""

    id: str  # stable across runs: type + client + product
    priority: int
    type: str
    severity: str
    client: str  # PSA company name, blank if none
    vendor_client: str
    product: str  # canonical name
    vendor_product: str  # spellings exactly as in the exports
    psa_product: str
    vendor_qty: Decimal | None
    psa_qty: Decimal | None
    vendor_unit_cost: Decimal | None  # monthly, rounded to the cent for display
    psa_unit_price: Decimal | None
    monthly_impact: Decimal
    annual_impact: Decimal
    confidence: float
    action: str
    client_match: str
    product_match: str
    vendor_rows: tuple[int, ...] = ()
    psa_rows: tuple[int, ...] = ()
    #: True when the finding rests on an inferred match (client or product) a person should confirm
    #: before acting: it is counted apart from confirmed leakage in the KPIs.
    check_first: bool = False
    #: Why the match was made, in words ("name 0.91 + 4 of 4 products", "learned from 6 clients").
    evidence: str = ""
    #: The vendor bill(s) the finding's vendor lines came from (several bills reconciled at once).
    bills: tuple[str, ...] = ()

    def as_row(self) -> dict[str, str]:
        """Plain strings in CSV column order (money with two places, quantities without noise)."""
        return {
            "priority": str(self.priority),
            "type": self.type,
            "client": self.client,
            "vendor_client": self.vendor_client,
            "product": self.product,
            "vendor_product": self.vendor_product,
            "psa_product": self.psa_product,
            "vendor_qty": format_quantity(self.vendor_qty),
            "psa_qty": format_quantity(self.psa_qty),
            "vendor_unit_cost": ""
            if self.vendor_unit_cost is None
            else format_money(self.vendor_unit_cost),
            "psa_unit_price": ""
            if self.psa_unit_price is None
            else format_money(self.psa_unit_price),
            "monthly_impact": format_money(self.monthly_impact),
            "annual_impact": format_money(self.annual_impact),
            "confidence": f"{self.confidence:.2f}",
            "action": self.action,
            "severity": self.severity,
            "client_match": self.client_match,
            "product_match": self.product_match,
            "vendor_rows": " ".join(map(str, _compact(self.vendor_rows))),
            "psa_rows": " ".join(map(str, _compact(self.psa_rows))),
            "check_first": "yes" if self.check_first else "",
            "evidence": self.evidence,
            "id": self.id,
            "bills": "; ".join(self.bills),
        }


def _compact(rows: tuple[int, ...], limit: int = 20) -> tuple[int | str, ...]:
    return rows if len(rows) <= limit else (*rows[:limit], f"…(+{len(rows) - limit})")


@dataclass(frozen=True)
class ExcludedLine:
    """An input line that takes no part in reconciliation, and why."""

    side: str  # vendor or psa
    source: str
    row: int
    client: str
    product: str
    quantity: Decimal | None
    amount: Decimal | None
    reason: str


@dataclass(frozen=True)
class ReasonTotal:
    side: str
    reason: str
    lines: int
    amount: Decimal


@dataclass(frozen=True)
class BillTotal:
    """One vendor bill's own figures, so several bills reconciled together each tie to their file."""

    name: str
    file_total: Decimal  # every line's amount as billed, to the cent (ties to the file)
    monthly_total: Decimal  # its reconciled lines, per month
    lines: int
    lines_reconciled: int
    currency: str


@dataclass(frozen=True)
class Kpis:
    """Headline figures; every money figure is monthly unless named otherwise."""

    period: str | None
    vendor_file_total: Decimal  # every vendor line's amount as billed (ties to the file)
    vendor_monthly_total: Decimal  # reconciled vendor lines, per month
    psa_file_total: Decimal
    psa_monthly_total: Decimal
    monthly_leakage: Decimal
    annual_leakage: Decimal
    leakage_ratio_percent: Decimal  # leakage ÷ vendor monthly total × 100
    leakage_target_percent: Decimal
    overbilling_exposure: Decimal  # monthly
    counts: dict[str, int]
    impacts: dict[str, Decimal]
    clients_matched: int
    vendor_clients_unmatched: int
    psa_clients_unmatched: int
    vendor_lines: int
    vendor_lines_reconciled: int
    psa_lines: int
    psa_lines_reconciled: int
    excluded: tuple[ReasonTotal, ...]
    seconds: float
    #: Leakage resting on inferred matches (findings marked check first); monthly_leakage above is
    #: confirmed leakage only, so one doubtful match never inflates the headline.
    uncertain_leakage: Decimal = Decimal("0.00")
    uncertain_exposure: Decimal = Decimal("0.00")
    #: ISO 4217 code of the vendor bill's currency (every amount is in it).
    currency: str = "USD"
    #: Each vendor bill's totals (one entry per bill; their file totals add up to vendor_file_total).
    bills: tuple[BillTotal, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: money as two-place strings, counts as ints."""
        money = format_money
        return {
            "period": self.period,
            "vendor_file_total": money(self.vendor_file_total),
            "vendor_monthly_total": money(self.vendor_monthly_total),
            "psa_file_total": money(self.psa_file_total),
            "psa_monthly_total": money(self.psa_monthly_total),
            "monthly_leakage": money(self.monthly_leakage),
            "annual_leakage": money(self.annual_leakage),
            "leakage_ratio_percent": money(self.leakage_ratio_percent),
            "leakage_target_percent": money(self.leakage_target_percent),
            "overbilling_exposure": money(self.overbilling_exposure),
            "annual_overbilling_exposure": money(self.overbilling_exposure * 12),
            "counts": dict(self.counts),
            "monthly_impact_by_type": {k: money(v) for k, v in self.impacts.items()},
            "clients_matched": self.clients_matched,
            "vendor_clients_unmatched": self.vendor_clients_unmatched,
            "psa_clients_unmatched": self.psa_clients_unmatched,
            "vendor_lines": self.vendor_lines,
            "vendor_lines_reconciled": self.vendor_lines_reconciled,
            "psa_lines": self.psa_lines,
            "psa_lines_reconciled": self.psa_lines_reconciled,
            "excluded": [
                {"side": r.side, "reason": r.reason, "lines": r.lines, "amount": money(r.amount)}
                for r in self.excluded
            ],
            "seconds": round(self.seconds, 3),
            "uncertain_leakage": money(self.uncertain_leakage),
            "uncertain_exposure": money(self.uncertain_exposure),
            "currency": self.currency,
            "bills": [
                {
                    "name": b.name,
                    "file_total": money(b.file_total),
                    "monthly_total": money(b.monthly_total),
                    "lines": b.lines,
                    "lines_reconciled": b.lines_reconciled,
                    "currency": b.currency,
                }
                for b in self.bills
            ],
        }


@dataclass(frozen=True)
class Result:
    """Everything one reconciliation found."""

    discrepancies: tuple[Discrepancy, ...]
    client_matches: tuple[ClientMatch, ...]
    product_matches: tuple[ProductMatch, ...]
    excluded: tuple[ExcludedLine, ...]
    kpis: Kpis
    mappings: dict[str, ColumnMapping]
    sources: dict[str, str]
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def summary(self) -> dict[str, Any]:
        """The JSON summary: KPIs, mapping used, warnings and sources."""
        return {
            "kpis": self.kpis.as_dict(),
            "mapping": {
                side: {"columns": dict(m.columns), "how": dict(m.how)}
                for side, m in self.mappings.items()
            },
            "sources": dict(self.sources),
            "warnings": list(self.warnings),
            "discrepancies": len(self.discrepancies),
        }
