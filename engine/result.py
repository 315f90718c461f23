"""The one typed result every output renders from (CSV, JSON, xlsx report, workbook sheets, Excel).

Nothing downstream re-computes or parses: renderers read these frozen records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, overload

from engine.match.clients import ClientMatch
from engine.match.products import ProductMatch
from engine.money import format_money
from engine.read.columns import ColumnMapping

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
NUMERIC_COLUMNS = frozenset(CSV_COLUMNS[7:14]) | {"priority", "months_open", "cumulative_impact"}
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
    "first_seen",
    "months_open",
    "cumulative_impact",
    "reopened",
    "fix_when",
)


def format_quantity(value: Decimal | None) -> str:
    """``Decimal("10.0")`` → ``"10"``, ``Decimal("2.50")`` → ``"2.5"``; blank for None."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


@dataclass(frozen=True, slots=True)
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
    #: Month over month (engine.history.findings): the month first found ("" = this month), calendar months
    #: open up to this one, money lost (or over-billed) since first seen — exact, None = this month's
    #: impact only — and whether it was marked Fixed in PSA last month and came back.
    first_seen: str = ""
    months_open: int = 1
    cumulative_impact: Decimal | None = None
    reopened: bool = False
    #: What can be done and when (engine.terms): "bill now", "reduce now", "reduce at renewal
    #: (2026-09-30)"; blank when the bill says nothing about terms.
    fix_when: str = ""

    @property
    def lost_so_far(self) -> Decimal:
        """Money lost (or over-billed) since first seen; this month's impact for a new finding."""
        return self.monthly_impact if self.cumulative_impact is None else self.cumulative_impact

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
            "first_seen": self.first_seen,
            "months_open": str(self.months_open),
            "cumulative_impact": format_money(self.lost_so_far),
            "reopened": "yes" if self.reopened else "",
            "fix_when": self.fix_when,
        }


def _compact(rows: tuple[int, ...], limit: int = 20) -> tuple[int | str, ...]:
    return rows if len(rows) <= limit else (*rows[:limit], f"…(+{len(rows) - limit})")


@dataclass(frozen=True, slots=True)
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
    #: Month over month (engine.history.findings): confirmed leakage first found this month and carried over
    #: from earlier months (new + carried = monthly_leakage), findings back after a fix, and last
    #: month's fixes that held; previous_period is the archive compared with ("" = none).
    new_leakage: Decimal | None = None
    carried_leakage: Decimal = Decimal("0.00")
    reopened_findings: int = 0
    fixed_last_month: int = 0
    previous_period: str = ""
    #: Monthly money of the separate lists: vendor cost moves while the PSA price stayed (margin
    #: lost, negative when gained), the shortfall to the target margin, the EST surcharge paid.
    price_change_effect: Decimal = Decimal("0.00")
    thin_margin_shortfall: Decimal = Decimal("0.00")
    extended_terms_surcharge: Decimal = Decimal("0.00")
    target_margin_percent: Decimal = Decimal(15)

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
            "new_leakage": money(
                self.monthly_leakage if self.new_leakage is None else self.new_leakage
            ),
            "carried_leakage": money(self.carried_leakage),
            "reopened_findings": self.reopened_findings,
            "fixed_last_month": self.fixed_last_month,
            "previous_period": self.previous_period,
            "price_change_effect": money(self.price_change_effect),
            "thin_margin_shortfall": money(self.thin_margin_shortfall),
            "extended_terms_surcharge": money(self.extended_terms_surcharge),
            "target_margin_percent": money(self.target_margin_percent),
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


@dataclass(frozen=True, slots=True)
class Pair:
    """One (client, product) as reconciled this month, finding or not: what next month compares with.

    Unit amounts are monthly, to six places (the archive keeps them so a price move is exact)."""

    client: str
    product: str
    vendor_qty: Decimal | None
    psa_qty: Decimal | None
    vendor_unit_cost: Decimal | None
    psa_unit_price: Decimal | None


class Pairs(Sequence[Pair]):
    """Every (client, product)'s :class:`Pair`, built the first time they are read: only the
    workbook's Pairs sheet, the archive and last month's price moves read them, and a CLI run to
    CSV never does (issue 15: 91k frozen records at 100k lines, ~0.6 s and ~30 MB for nothing).
    Reads as the tuple it stands for, and equals it."""

    __slots__ = ("_build", "_pairs")

    def __init__(self, build: Callable[[], tuple[Pair, ...]]) -> None:
        self._build: Callable[[], tuple[Pair, ...]] | None = build
        self._pairs: tuple[Pair, ...] = ()

    def _all(self) -> tuple[Pair, ...]:
        if self._build is not None:
            self._pairs, self._build = self._build(), None
        return self._pairs

    @overload
    def __getitem__(self, index: int) -> Pair: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Pair, ...]: ...

    def __getitem__(self, index: int | slice) -> Pair | tuple[Pair, ...]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[Pair]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Pairs):
            return self._all() == other._all()
        return isinstance(other, tuple) and self._all() == other

    __hash__ = None  # type: ignore[assignment]  # equal to a tuple, so not hashable like one

    def __repr__(self) -> str:
        return f"Pairs({self._all()!r})"


@dataclass(frozen=True, slots=True)
class PriceChange:
    """A vendor unit cost that rose (or fell) since last month while the PSA price stayed.

    ``scope`` is "client" (one client's product) or "product" (the product across clients: costs
    quantity-weighted, effect the sum of its client rows). ``monthly_effect`` is the margin lost per
    month (negative: gained): cost change per seat × vendor seats this month, to the cent."""

    scope: str
    client: str
    product: str
    vendor_qty: Decimal
    previous_cost: Decimal
    cost: Decimal
    psa_unit_price: Decimal | None
    monthly_effect: Decimal
    previous_period: str = ""

    @property
    def direction(self) -> str:
        return "rose" if self.cost > self.previous_cost else "fell"


@dataclass(frozen=True, slots=True)
class ThinMargin:
    """A client's product billed above cost but under the target margin: below cost is one vendor
    price rise away. ``monthly_shortfall`` is what billing at the target price would add per month:
    (cost ÷ (1 − target) − price) × billed seats, to the cent."""

    client: str
    product: str
    seats: Decimal
    cost: Decimal  # monthly unit, to the cent
    price: Decimal
    margin_percent: Decimal  # (price − cost) ÷ price × 100, two places
    target_percent: Decimal
    price_at_target: Decimal
    monthly_shortfall: Decimal


@dataclass(frozen=True, slots=True)
class TermFinding:
    """A subscription whose term needs a decision: lapsed into Microsoft's Extended Service Terms
    (``kind`` "extended_terms", with the monthly surcharge) or renewing within 60 days with a seat
    gap (``kind`` "renewal")."""

    kind: str
    client: str
    product: str
    end_date: str  # ISO date the term ends (ended)
    term: str  # "annual", "monthly", "3 years"…
    vendor_qty: Decimal
    psa_qty: Decimal | None
    monthly_cost: Decimal
    surcharge_percent: Decimal  # 3 or 23 under EST; 0 for a renewal
    monthly_surcharge: Decimal
    days: int  # days past the end date (EST) or until renewal
    action: str


@dataclass(frozen=True)
class FixedFinding:
    """A finding marked Fixed in PSA in an earlier month and not back since: remembered from archive
    to archive, so one that returns months later is flagged reopened."""

    id: str
    type: str
    client: str
    product: str
    fixed_in: str  # YYYY-MM: the month whose archive marked it Fixed in PSA


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
    #: Month over month and terms: kept apart from the five discrepancy types (their counts and
    #: accuracy do not change). pairs: every client and product reconciled (the archive keeps them);
    #: price_changes: vendor cost moves against last month; thin_margins: under the target margin;
    #: terms: Extended Service Terms and renewals due.
    pairs: Sequence[Pair] = ()
    price_changes: tuple[PriceChange, ...] = ()
    thin_margins: tuple[ThinMargin, ...] = ()
    terms: tuple[TermFinding, ...] = ()
    #: Findings fixed in earlier months and not back (the archive carries them on).
    fixed: tuple[FixedFinding, ...] = ()

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
            "price_changes": [_plain(c) for c in self.price_changes],
            "thin_margins": [_plain(t) for t in self.thin_margins],
            "terms": [_plain(t) for t in self.terms],
        }


def _plain(record: object) -> dict[str, Any]:
    """A record's fields for JSON: Decimals as strings (exact), everything else as it is."""
    from dataclasses import fields

    return {
        f.name: format(v, "f") if isinstance(v := getattr(record, f.name), Decimal) else v
        for f in fields(record)  # type: ignore[arg-type]
    }
