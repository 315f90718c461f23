"""Reconcile one vendor bill against one PSA export: the engine's single entry point.

    result = reconcile("partner_center.csv", "connectwise.xlsx")

read → find header → recognise columns → typed lines (exclusions with reasons) → products →
clients → per-(client, product) rules → KPIs. Raises :class:`engine.errors.LeakageFinderError`
subclasses for anything the user can fix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd

from engine.clients import ClientMatch, client_key, match_clients
from engine.columns import Side, check_side, recognise
from engine.errors import EmptyInputError, WrongSideError
from engine.header import Table, locate_header
from engine.lines import psa_lines, vendor_lines
from engine.money import round_cents
from engine.product_names import product_key
from engine.products import Descriptor, ProductMatch, match_products
from engine.readers import RawTable, Source, read_source
from engine.result import (
    DISCREPANCY_TYPES,
    EXPOSURE_TYPES,
    LEAKAGE_TYPES,
    ExcludedLine,
    Kpis,
    ReasonTotal,
    Result,
)
from engine.rules import ClientInfo, GroupKey, Holding, apply_rules
from engine.settings import Settings

Progress = Callable[[str], None]
NOT_A_VENDOR_PRODUCT = "not a vendor product (service, labour or other line)"


def _fingerprint(raw: RawTable) -> str:
    digest = hashlib.sha1()
    for row in raw.cells.itertuples(index=False):
        digest.update(repr(tuple(row)).encode("utf-8", "replace"))
    return digest.hexdigest()


def _load(source: Source, side: Side, settings: Settings, sheet: str | None) -> tuple[RawTable, Table]:
    raw = read_source(source, sheet=sheet)
    table = locate_header(raw)
    check_side(side, table.headers, raw.name)
    return raw, table


def _most_common_month(dates: pd.Series) -> str | None:
    months = Counter(f"{d.year:04d}-{d.month:02d}" for d in dates if isinstance(d, dt.date))
    return months.most_common(1)[0][0] if months else None


def reconcile(
    vendor: Source,
    psa: Source,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    vendor_sheet: str | None = None,
    psa_sheet: str | None = None,
) -> Result:
    """Reconcile a vendor bill against a PSA export (paths, DataFrames of pasted values, or tables)."""
    started = time.perf_counter()
    settings = settings or Settings()
    say = progress or (lambda message: None)
    if isinstance(vendor, str | Path) and isinstance(psa, str | Path) and Path(vendor).resolve() == Path(psa).resolve():
        raise WrongSideError(
            f"The same file ({Path(vendor).name}) was given as both the vendor bill and the PSA export. "
            "Give the vendor's invoice export as the vendor file and your PSA's billing export as the PSA file."
        )
    say("Reading the vendor bill")
    vendor_raw, vendor_table = _load(vendor, "vendor", settings, vendor_sheet)
    say("Reading the PSA export")
    psa_raw, psa_table = _load(psa, "psa", settings, psa_sheet)
    if _fingerprint(vendor_raw) == _fingerprint(psa_raw):
        raise WrongSideError(
            f"{vendor_raw.name} and {psa_raw.name} hold exactly the same data: the same export was given "
            "twice. Give the vendor's bill as the vendor file and the PSA's export as the PSA file."
        )
    vendor_mapping = recognise("vendor", vendor_table.headers, vendor_table.data,
                               source=vendor_raw.name, overrides=settings.vendor_mapping)
    psa_mapping = recognise("psa", psa_table.headers, psa_table.data,
                            source=psa_raw.name, overrides=settings.psa_mapping)

    say("Normalising lines")
    vendor_frame = vendor_lines(vendor_table, vendor_mapping)
    warnings: list[str] = []
    vendor_period = _most_common_month(vendor_frame["period_start"])
    period = settings.period or vendor_period
    if settings.period and vendor_period and settings.period != vendor_period:
        warnings.append(f"The vendor bill's charges are mostly for {vendor_period}, but the period in "
                        f"Settings is {settings.period}: check you are comparing the same month.")
    period_start = settings.period_start or (
        dt.date(int(period[:4]), int(period[5:7]), 1) if period else None)
    psa_frame = psa_lines(psa_table, psa_mapping, period_start=period_start)
    psa_period_header = psa_mapping.get("period_start")
    if psa_period_header and vendor_period:
        from engine.values import parse_date

        psa_period = _most_common_month(psa_table.data[psa_period_header].map(parse_date))
        if psa_period and psa_period != vendor_period:
            warnings.append(f"The vendor bill is for {vendor_period} but the PSA export is for "
                            f"{psa_period}: compare the same month, or the findings will be off.")
    _require_lines(vendor_frame, vendor_raw.name, "vendor bill")
    _require_lines(psa_frame, psa_raw.name, "PSA export")

    say("Matching products")
    vendor_products, psa_products = _products(vendor_frame, psa_frame, settings)
    vendor_keys = {m.key for m in vendor_products.values()}
    excluded_spellings = {product_key(x) for x in settings.exclude_psa_products}
    psa_keys = []
    for row in psa_frame.itertuples(index=False):
        match = psa_products.get((row.product, row.product_ids))
        key = match.key if match else None
        if row.excluded is None and match is not None:
            if product_key(row.product) in excluded_spellings:
                psa_frame.loc[len(psa_keys), "excluded"] = "excluded in Settings"
            elif not match.in_catalogue and key not in vendor_keys:
                psa_frame.loc[len(psa_keys), "excluded"] = NOT_A_VENDOR_PRODUCT
        psa_keys.append(key)
    psa_frame["product_key"] = psa_keys
    vendor_frame["product_key"] = [
        vendor_products[(r.product, r.product_ids)].key if r.excluded is None else None
        for r in vendor_frame.itertuples(index=False)
    ]

    say("Matching clients")
    matches = _clients(vendor_frame, psa_frame, settings)
    vendor_group, psa_group, infos = _groups(matches)

    say("Comparing")
    vendor_holdings = _holdings(vendor_frame, vendor_products, vendor_group, lambda r: (r.product, r.product_ids))
    psa_holdings = _holdings(psa_frame, psa_products, psa_group, lambda r: (r.product, r.product_ids))
    names = {m.key: m.product for m in (*vendor_products.values(), *psa_products.values())}
    discrepancies = apply_rules(vendor_holdings, psa_holdings, infos, names, settings)

    excluded = _excluded(vendor_frame, "vendor", vendor_raw.name) + _excluded(psa_frame, "psa", psa_raw.name)
    warnings += _totals_warnings(vendor_frame, vendor_raw.name) + _totals_warnings(psa_frame, psa_raw.name)
    kpis = _kpis(vendor_frame, psa_frame, discrepancies, matches, excluded, settings, period,
                 time.perf_counter() - started)
    product_matches = sorted({*vendor_products.values(), *psa_products.values()},
                             key=lambda m: (m.side != "vendor", m.product.lower(), m.spelling.lower()))
    say("Done")
    return Result(
        discrepancies=tuple(discrepancies),
        client_matches=tuple(matches),
        product_matches=tuple(product_matches),
        excluded=tuple(excluded),
        kpis=kpis,
        mappings={"vendor": vendor_mapping, "psa": psa_mapping},
        sources={"vendor": vendor_raw.name, "psa": psa_raw.name},
        warnings=tuple(warnings),
    )


def _require_lines(frame: pd.DataFrame, name: str, what: str) -> None:
    if frame["excluded"].isna().any():
        return
    reasons = Counter(frame["excluded"])
    listed = "; ".join(f"{reason}: {count}" for reason, count in reasons.most_common(5))
    raise EmptyInputError(
        f"{name}: the {what} has {len(frame)} line(s) but none can be reconciled ({listed}). "
        f"Check that this is the right {what} for the month."
    )


def _products(vendor: pd.DataFrame, psa: pd.DataFrame, settings: Settings
              ) -> tuple[dict[Descriptor, ProductMatch], dict[Descriptor, ProductMatch]]:
    live_vendor = vendor[vendor["excluded"].isna()]
    live_psa = psa[psa["excluded"].isna()]
    vendor_descriptors = set(zip(live_vendor["product"], live_vendor["product_ids"], strict=True))
    psa_descriptors = set(zip(live_psa["product"], live_psa["product_ids"], strict=True))
    alternates = {
        (r.product, r.product_ids): r.product_alt for r in live_psa.itertuples(index=False) if r.product_alt
    }
    return match_products(vendor_descriptors, psa_descriptors, aliases=settings.product_aliases,
                          psa_alternates=alternates)


def _client_key(name: str) -> str:
    return client_key(name) or name.strip().lower()


def _display_names(frame: pd.DataFrame) -> dict[str, str]:
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for name in frame.loc[frame["excluded"].isna(), "client"]:
        spellings[_client_key(name)][name] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}


def _clients(vendor: pd.DataFrame, psa: pd.DataFrame, settings: Settings) -> list[ClientMatch]:
    domains: dict[str, set[str]] = defaultdict(set)
    live = vendor[vendor["excluded"].isna()]
    for name, domain in zip(live["client"], live["domain"], strict=True):
        if domain:
            domains[_client_key(name)].add(domain)
    return match_clients(_display_names(vendor), _display_names(psa), vendor_domains=domains,
                         aliases=settings.client_aliases)


def _groups(matches: list[ClientMatch]) -> tuple[dict[str, int], dict[str, int], dict[int, ClientInfo]]:
    vendor_group: dict[str, int] = {}
    psa_group: dict[str, int] = {}
    infos: dict[int, ClientInfo] = {}
    for index, match in enumerate(matches):
        if match.vendor_key is not None:
            vendor_group[match.vendor_key] = index
        if match.psa_key is not None:
            psa_group[match.psa_key] = index
        infos[index] = ClientInfo(match.psa_name, match.vendor_name, match.method, match.confidence)
    return vendor_group, psa_group, infos


def _holdings(
    frame: pd.DataFrame,
    products: dict[Descriptor, ProductMatch],
    groups: dict[str, int],
    descriptor: Callable[..., Descriptor],
) -> dict[GroupKey, Holding]:
    holdings: dict[GroupKey, Holding] = defaultdict(Holding)
    for row in frame.itertuples(index=False):
        if row.excluded is not None:
            continue
        match = products[descriptor(row)]
        key = GroupKey(groups[_client_key(row.client)], match.key)
        holdings[key].add(row.quantity, row.monthly_unit, row.product, row.row, match.confidence, match.method)
    return dict(holdings)


def _excluded(frame: pd.DataFrame, side: str, source: str) -> list[ExcludedLine]:
    rows = frame[frame["excluded"].notna()]
    return [
        ExcludedLine(side, source, r.row, r.client, r.product, r.quantity, r.amount, r.excluded)
        for r in rows.itertuples(index=False)
    ]


def _sum(values: pd.Series) -> Decimal:
    return sum((v for v in values if isinstance(v, Decimal)), Decimal(0))


def _totals_warnings(frame: pd.DataFrame, name: str) -> list[str]:
    """A totals row that disagrees with the lines above it means rows are missing or doubled."""
    totals = frame[frame["excluded"] == "totals row"]
    lines = frame[~frame["excluded"].isin(["totals row", "repeated header row"])]
    expected = _sum(lines["amount"])
    out = []
    for row in totals.itertuples(index=False):
        if isinstance(row.amount, Decimal) and row.amount not in (expected, Decimal(0)) and len(totals) == 1:
            out.append(f"{name}: the totals row (row {row.row}) says {row.amount} but the lines add up to "
                       f"{expected}: check for missing or extra rows.")
    return out


def _monthly_total(frame: pd.DataFrame) -> Decimal:
    live = frame[frame["excluded"].isna()]
    total = sum((Fraction(a) / m for a, m in zip(live["amount"], live["months"], strict=True)
                 if isinstance(a, Decimal)), Fraction(0))
    return round_cents(total)


def _kpis(
    vendor: pd.DataFrame,
    psa: pd.DataFrame,
    discrepancies: list,  # type: ignore[type-arg]
    matches: list[ClientMatch],
    excluded: list[ExcludedLine],
    settings: Settings,
    period: str | None,
    seconds: float,
) -> Kpis:
    counts = {kind: 0 for kind in DISCREPANCY_TYPES}
    impacts = {kind: Decimal("0.00") for kind in DISCREPANCY_TYPES}
    for d in discrepancies:
        counts[d.type] += 1
        impacts[d.type] += d.monthly_impact
    leakage = sum((impacts[k] for k in LEAKAGE_TYPES), Decimal("0.00"))
    exposure = sum((impacts[k] for k in EXPOSURE_TYPES), Decimal("0.00"))
    vendor_monthly = _monthly_total(vendor)
    reasons: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    for line in excluded:
        reasons[(line.side, _reason_family(line.reason))].append(line.amount or Decimal(0))
    ratio = (leakage / vendor_monthly * 100).quantize(Decimal("0.01")) if vendor_monthly else Decimal("0.00")
    not_totals = ["totals row", "repeated header row"]
    return Kpis(
        period=period,
        vendor_file_total=round_cents(_sum(vendor.loc[~vendor["excluded"].isin(not_totals), "amount"])),
        vendor_monthly_total=vendor_monthly,
        psa_file_total=round_cents(_sum(psa.loc[~psa["excluded"].isin(not_totals), "amount"])),
        psa_monthly_total=_monthly_total(psa),
        monthly_leakage=leakage,
        annual_leakage=leakage * 12,
        leakage_ratio_percent=ratio,
        leakage_target_percent=settings.leakage_target_percent,
        overbilling_exposure=exposure,
        counts=counts,
        impacts=impacts,
        clients_matched=sum(m.method != "unmatched" for m in matches),
        vendor_clients_unmatched=sum(m.method == "unmatched" and m.vendor_key is not None for m in matches),
        psa_clients_unmatched=sum(m.method == "unmatched" and m.psa_key is not None for m in matches),
        vendor_lines=len(vendor),
        vendor_lines_reconciled=int(vendor["excluded"].isna().sum()),
        psa_lines=len(psa),
        psa_lines_reconciled=int(psa["excluded"].isna().sum()),
        excluded=tuple(
            ReasonTotal(side, reason, len(amounts), round_cents(sum(amounts, Decimal(0))))
            for (side, reason), amounts in sorted(reasons.items())
        ),
        seconds=seconds,
    )


def _reason_family(reason: str) -> str:
    """Group reasons that carry a value ("status: Cancelled", "cancelled 2025-07-31") for the KPIs."""
    for prefix in ("unreadable quantity", "unreadable unit cost", "unreadable unit price", "cancelled",
                   "not billable"):
        if reason.startswith(prefix):
            return prefix
    return reason
