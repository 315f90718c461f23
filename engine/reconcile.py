"""Reconcile one vendor bill against one PSA export: the engine's single entry point.

    result = reconcile("partner_center.csv", "connectwise.xlsx")

The run order, one step per module: read (:mod:`engine.read`) → find the header, recognise the
columns and type the lines of each side (:mod:`engine.sides`, :mod:`engine.lines`) → the period
(:mod:`engine.period`) → products by name (:mod:`engine.policy`) → clients (:mod:`engine.grouping`)
→ products in their client's context → holdings and the rules (:mod:`engine.rules`) → margins and
terms → KPIs (:mod:`engine.kpis`). Raises :class:`engine.errors.LeakageFinderError` subclasses for
anything the user can fix.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import cast

from engine.annual_prices import read_yearly_prices
from engine.bills import name_bills, period_warnings
from engine.errors import EmptyInputError, WrongSideError
from engine.gcpause import keep, paused_gc
from engine.grouping import Groups, group_clients, holdings, pair_late
from engine.history import margins
from engine.kpis import excluded_lines, kpis, totals_warnings
from engine.lines import (
    Line,
    cancel_lines,
    drop_credits_of_cancelled,
    set_aside_earlier_charges,
    set_aside_later_charges,
)
from engine.lines.unit_sizes import settle_sizes
from engine.match.late_editions import late_pairs, to_market_editions
from engine.match.money_credits import set_aside_money_credits, units_by_holding
from engine.match.run_lines import RunLines
from engine.match.said_markets import to_said_markets
from engine.period import settle_period
from engine.policy import Products, decide_in_context, match_by_name
from engine.read.currency import settle as settle_currency
from engine.read.currency import stated_currency
from engine.read.files import Source, load_readers, read_source
from engine.read.raw_table import RawTable
from engine.result import Discrepancy, Pairs, Result, ThinMargin
from engine.rules import apply_rules
from engine.settings import Settings
from engine.sides import Prepared, prepare, prepare_sides
from engine.terms import TermsReview, review_terms

#: The steps the workbook path shares: it reads and types its sheets itself (on two threads), then
#: goes the same way from prepare_sides on.
__all__ = ["Prepared", "prepare", "prepare_sides", "reconcile", "reconcile_prepared"]

Progress = Callable[[str], None]


@paused_gc()
def reconcile(
    vendor: Source | Sequence[Source],
    psa: Source,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    vendor_sheet: str | None = None,
    psa_sheet: str | None = None,
) -> Result:
    """Reconcile a vendor bill against a PSA export (paths, DataFrames of pasted values, or tables).

    ``vendor`` may be a list of bills (Pax8 for some clients, a direct Partner Center tenant, a
    distributor): their lines are reconciled together, and each finding names its bill(s)."""
    started = time.perf_counter()
    settings = settings or Settings()
    say = progress or (lambda message: None)
    bills = list(vendor) if isinstance(vendor, list | tuple) else [cast(Source, vendor)]
    if not bills:
        raise EmptyInputError("No vendor bill was given. Give at least one vendor bill.")
    for bill in bills:
        _check_not_same_file(bill, psa)
    psa_read = _psa_reader(psa, psa_sheet)
    raws = []
    for number, bill in enumerate(bills, start=1):
        say("Reading the vendor bill" + (f" {number} of {len(bills)}" if len(bills) > 1 else ""))
        raws.append(read_source(bill, sheet=vendor_sheet))
    say("Reading the PSA export")
    psa_raw = psa_read()
    say("Normalising lines")
    vendor_side, psa_side = prepare_sides(raws, psa_raw, settings)
    del raws, psa_raw  # the typed lines hold what the run needs: the grids go (memory, issue 15)
    result = reconcile_prepared(vendor_side, psa_side, settings, progress=say, started=started)
    keep(vendor_side, psa_side)  # a CLI run ends without freeing them
    return result


#: A PSA export this large is parsed on a second thread while the vendor bill is (pandas' CSV
#: tokenizer and python-calamine run outside the GIL); a smaller one is not worth a thread.
BESIDE_BYTES = 1_000_000


def _psa_reader(psa: Source, sheet: str | None) -> Callable[[], RawTable]:
    """How the PSA export is read: beside the vendor bill when large, else after it. Either way a
    vendor bill's error comes first."""
    if (
        isinstance(psa, str | Path)
        and Path(psa).is_file()
        and Path(psa).stat().st_size >= BESIDE_BYTES
    ):
        load_readers()  # two threads must never import one module at once
        return _Background(lambda: read_source(psa, sheet=sheet)).result
    return lambda: read_source(psa, sheet=sheet)


class _Background(threading.Thread):
    """One call on its own thread; :meth:`result` waits for it and raises what it raised."""

    def __init__(self, call: Callable[[], RawTable]) -> None:
        super().__init__(daemon=True)
        self._call = call
        self._value: RawTable | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._value = self._call()
        except BaseException as error:  # handed to the caller by result()
            self._error = error

    def result(self) -> RawTable:
        self.join()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value


def _check_not_same_file(bill: Source, psa: Source) -> None:
    if (
        isinstance(bill, str | Path)
        and isinstance(psa, str | Path)
        and Path(bill).resolve() == Path(psa).resolve()
    ):
        raise WrongSideError(
            f"The same file ({Path(bill).name}) was given as both the vendor bill and the PSA "
            "export. Give the vendor's invoice export as the vendor file and your PSA's billing "
            "export as the PSA file."
        )


@paused_gc()
def reconcile_prepared(
    vendor: Prepared,
    psa: Prepared,
    settings: Settings,
    *,
    progress: Progress | None = None,
    started: float | None = None,
) -> Result:
    """Reconcile two prepared sides (see :func:`engine.sides.prepare_sides`): the run order."""
    started = time.perf_counter() if started is None else started
    say = progress or (lambda message: None)
    currency = _currency(vendor, psa)
    period = settle_period(vendor, psa, settings)
    cancel_lines(psa.lines, period.start)
    drop_credits_of_cancelled(psa.lines)
    set_aside_earlier_charges(vendor.lines, period.start)
    set_aside_later_charges(vendor.lines, period.start)
    require_lines(vendor.lines, vendor.raw.name, "vendor bill")
    say("Matching products")
    products = match_by_name(vendor, psa, settings)
    read_yearly_prices(psa.lines, vendor.lines, products.psa, products.vendor)
    require_lines(psa.lines, psa.raw.name, "PSA export")
    say("Matching clients")
    groups = group_clients(vendor, psa, settings)
    decide_in_context(products, vendor, psa, groups.vendor, groups.psa)
    alone = {m.psa_key for m in groups.matches if m.method == "unmatched" and m.psa_key}
    groups = pair_late(groups, vendor, psa, (client for client, _ in products.inferred))
    run = RunLines(
        vendor.lines,
        psa.lines,
        groups.vendor,
        groups.psa,
        vendor.client_keys,
        psa.client_keys,
        products.vendor,
        products.psa,
        products.inferred,
    )
    to_market_editions(late_pairs(alone, groups.psa, groups.vendor), run)
    to_said_markets(run)
    require_lines(psa.lines, psa.raw.name, "PSA export")
    say("Comparing")
    compared = _compare(vendor, psa, products, groups, settings, period.start)
    figures = kpis(
        vendor,
        psa,
        compared.discrepancies,
        groups.matches,
        settings,
        period.month,
        currency,
        (compared.thin, compared.terms.findings),
        time.perf_counter() - started,
    )
    say("Done")
    return Result(
        discrepancies=tuple(compared.discrepancies),
        client_matches=tuple(groups.matches),
        product_matches=tuple(products.matches()),
        excluded=tuple(
            excluded_lines(vendor.lines, vendor.raw.name) + excluded_lines(psa.lines, psa.raw.name)
        ),
        kpis=figures,
        mappings={
            "vendor": vendor.mapping,
            "psa": psa.mapping,
            **{f"vendor {i}": bill.mapping for i, bill in enumerate(vendor.parts[1:], start=2)},
        },
        sources={"vendor": vendor.raw.name, "psa": psa.raw.name},
        warnings=_warnings(vendor, psa, period.warnings, period.month),
        pairs=compared.pairs,
        thin_margins=compared.thin,
        terms=compared.terms.findings,
    )


@dataclass(frozen=True)
class _Comparison:
    discrepancies: list[Discrepancy]
    pairs: (
        Pairs  # every (client, product)'s seats and unit amounts, for next month (built when read)
    )
    thin: tuple[ThinMargin, ...]
    terms: TermsReview


def _compare(
    vendor: Prepared,
    psa: Prepared,
    products: Products,
    groups: Groups,
    settings: Settings,
    as_of: dt.date | None,
) -> _Comparison:
    """Holdings per (client, product) on each side, the rules, margins and subscription terms."""
    settle_sizes(chain(vendor.lines, psa.lines))
    vendor_holdings = holdings(vendor, products.vendor, groups.vendor)
    set_aside_money_credits(
        psa.lines,
        products.psa,
        {spelling: groups.psa.get(key) for spelling, key in psa.client_keys.items()},
        products.inferred,
        lambda: units_by_holding(
            vendor.lines,
            products.vendor,
            {spelling: groups.vendor.get(key) for spelling, key in vendor.client_keys.items()},
        ),
    )
    psa_holdings = holdings(psa, products.psa, groups.psa, products.inferred)
    names = products.names()
    terms = TermsReview((), {})
    bills = vendor.parts or (vendor,)
    if any({"subscription_end", "term"} & set(bill.mapping.columns) for bill in bills):
        terms = review_terms(  # the bill says how its seats are committed
            vendor.lines,
            vendor.client_keys,
            groups.vendor,
            groups.infos,
            names,
            psa_holdings,
            as_of,
        )
    discrepancies = apply_rules(
        vendor_holdings, psa_holdings, groups.infos, names, settings, terms.fix_when
    )
    pairs = Pairs(lambda: margins.pairs(vendor_holdings, psa_holdings, groups.infos, names))
    thin = margins.thin_margins(
        vendor_holdings, psa_holdings, groups.infos, names, settings.target_margin_percent
    )
    if vendor.parts:
        discrepancies = name_bills(
            discrepancies, vendor.lines, vendor.client_keys, groups.vendor, groups.infos, names
        )
    keep(vendor_holdings, psa_holdings)  # a CLI run ends without freeing 174k holdings
    return _Comparison(discrepancies, pairs, thin, terms)


def _currency(vendor: Prepared, psa: Prepared) -> str:
    """The one currency every amount is in (each bill's stated currency, settled with the PSA's)."""
    bills = vendor.parts or (vendor,)
    stated = [(b.raw.name, stated_currency(b.table, b.mapping, b.raw.name)) for b in bills]
    return settle_currency(
        stated, (psa.raw.name, stated_currency(psa.table, psa.mapping, psa.raw.name))
    )


def _warnings(
    vendor: Prepared, psa: Prepared, about_period: Sequence[str], period: str | None
) -> tuple[str, ...]:
    """What the user should check: the readers' notes, the period, each bill's totals row."""
    warnings = [*vendor.raw.notes, *psa.raw.notes, *about_period]
    bills = vendor.parts or (vendor,)
    for bill in bills:  # each bill against its own totals row
        warnings += totals_warnings(bill.lines, bill.raw.name)
    warnings += totals_warnings(psa.lines, psa.raw.name)
    warnings += period_warnings(bills, vendor.lines, period)
    return tuple(warnings)


def require_lines(lines: list[Line], name: str, what: str) -> None:
    """A side with no line that can be reconciled is the wrong file, or the wrong month."""
    if any(line.exclusion is None for line in lines):
        return
    reasons = Counter(line.excluded for line in lines)
    listed = "; ".join(f"{reason}: {count}" for reason, count in reasons.most_common(5))
    raise EmptyInputError(
        f"{name}: the {what} has {len(lines)} line(s) but none can be reconciled ({listed}). "
        f"Check that this is the right {what} for the month."
    )
