"""The KPIs sheet's tiles (leakage, review, volume) and its by-type and top-client tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from addin.layout.discrepancies import is_leakage
from addin.layout.tables import (
    CORRECTED_STATUSES,
    EXPOSURE,
    KIND_HEADER,
    LEAKAGE,
    LEAKAGE_TYPES,
    TYPE_NAMES,
    Column,
    Decisions,
    Kind,
    currency_of,
)
from addin.workbook.review_log import Review
from engine.money import format_amount
from engine.result import Kpis, Result

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


def review_of(result: Result, decisions: Decisions | None, review: Review | None) -> Review:
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
    state = review_of(result, decisions, review)
    cur = currency_of(result.kpis.currency)
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
