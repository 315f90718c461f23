"""Reconcile one vendor bill against one PSA export: the engine's single entry point.

    result = reconcile("partner_center.csv", "connectwise.xlsx")

read → find header → recognise columns → typed lines (exclusions with reasons) → products →
clients → per-(client, product) rules → KPIs. Raises :class:`engine.errors.LeakageFinderError`
subclasses for anything the user can fix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import cast

from engine.bills import bill_totals, name_bills, period_warnings
from engine.errors import EmptyInputError, WrongSideError
from engine.gcpause import keep, paused_gc
from engine.history import margins
from engine.lines import Line, cancel_lines, psa_lines, vendor_lines
from engine.match.clients import ClientMatch, client_key, match_clients
from engine.match.product_inference import infer_products
from engine.match.product_names import product_key
from engine.match.products import Descriptor, ProductMatch, match_products
from engine.money import round_cents
from engine.read.columns import ColumnMapping, Side, check_side, recognise
from engine.read.currency import settle as settle_currency
from engine.read.currency import stated_currency
from engine.read.files import RawTable, Source, read_source
from engine.read.header import Table, locate_header
from engine.read.values import parse_date
from engine.result import (
    DISCREPANCY_TYPES,
    EXPOSURE_TYPES,
    LEAKAGE_TYPES,
    Discrepancy,
    ExcludedLine,
    Kpis,
    ReasonTotal,
    Result,
)
from engine.rules import SCALE, ClientInfo, GroupKey, Holding, apply_rules
from engine.settings import Settings
from engine.terms import TermsReview, review_terms

Progress = Callable[[str], None]
NOT_A_VENDOR_PRODUCT = "not a vendor product (service, labour or other line)"


def _fingerprint(raw: RawTable) -> str:
    digest = hashlib.sha1()
    for row in raw.cells:
        digest.update(repr(tuple(row)).encode("utf-8", "replace"))
    return digest.hexdigest()


def _same_shape(a: RawTable, b: RawTable) -> bool:
    return len(a.cells) == len(b.cells) and [len(r) for r in a.cells[:5]] == [
        len(r) for r in b.cells[:5]
    ]


def _table(raw: RawTable, side: Side) -> Table:
    table = locate_header(raw)
    check_side(side, table.headers, raw.name)
    return table


def _most_common_month(
    values: Iterable[object], parse: Callable[[object], object] = lambda value: value
) -> str | None:
    """The month most dates fall in; each distinct value is parsed and looked at once."""
    months: Counter[str] = Counter()
    for value, count in Counter(values).items():
        day = parse(value)
        if isinstance(day, dt.date):
            months[f"{day.year:04d}-{day.month:02d}"] += count
    return months.most_common(1)[0][0] if months else None


def check_distinct(vendor: RawTable, psa: RawTable) -> None:
    """The same export given as both sides is a mistake worth naming, before anything else."""
    if _same_shape(vendor, psa) and _fingerprint(vendor) == _fingerprint(psa):
        raise WrongSideError(
            f"{vendor.name} and {psa.name} hold exactly the same data: the same export was given "
            "twice. Give the vendor's bill as the vendor file and the PSA's export as the PSA file."
        )


@dataclass(frozen=True)
class Prepared:
    """One side read, recognised and typed: everything that needs only this side's export, so it can
    be done while the other side is still loading. One reconciliation completes its lines in place
    (cancellations, product keys), so a prepared side serves one run."""

    raw: RawTable
    table: Table
    mapping: ColumnMapping
    lines: list[Line]
    client_keys: dict[str, str]  # each client spelling's comparable key
    #: The bills merged into this side when several vendor bills are reconciled together.
    parts: tuple[Prepared, ...] = ()


def merge_bills(parts: Sequence[Prepared]) -> Prepared:
    """Several prepared vendor bills as one side: their lines together, each line naming its bill.
    The first bill's table and mapping stand for the side; each bill keeps its own in ``parts``."""
    if len(parts) == 1:
        return parts[0]
    names = [part.raw.name for part in parts]
    if len(set(names)) < len(names):  # bill.csv from two folders: numbered, so each is named apart
        names = [f"{name} (bill {i})" for i, name in enumerate(names, start=1)]
        parts = [
            replace(part, raw=replace(part.raw, name=name))
            for part, name in zip(parts, names, strict=True)
        ]
    lines: list[Line] = []
    keys: dict[str, str] = {}
    for part, name in zip(parts, names, strict=True):
        for line in part.lines:
            line.bill = name
        lines += part.lines
        keys.update(part.client_keys)
    first = parts[0]
    notes = tuple(note for part in parts for note in part.raw.notes)
    raw = RawTable(" + ".join(names), (), notes=notes)
    return Prepared(raw, first.table, first.mapping, lines, keys, tuple(parts))


def prepare(raw: RawTable, side: Side, settings: Settings) -> Prepared:
    """Find the header, recognise the columns and type the lines of one side."""
    table = _table(raw, side)
    mapping = recognise(
        side,
        table.headers,
        table.data,
        source=raw.name,
        overrides=settings.vendor_mapping if side == "vendor" else settings.psa_mapping,
    )
    lines = vendor_lines(table, mapping) if side == "vendor" else psa_lines(table, mapping)
    return Prepared(raw, table, mapping, lines, client_keys(lines))


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
    bills: list[Source] = (
        list(vendor) if isinstance(vendor, list | tuple) else [cast(Source, vendor)]
    )
    if not bills:
        raise EmptyInputError("No vendor bill was given. Give at least one vendor bill.")
    for bill in bills:
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
    raws = []
    for number, bill in enumerate(bills, start=1):
        say("Reading the vendor bill" + (f" {number} of {len(bills)}" if len(bills) > 1 else ""))
        raws.append(read_source(bill, sheet=vendor_sheet))
    say("Reading the PSA export")
    psa_raw = read_source(psa, sheet=psa_sheet)
    for vendor_raw in raws:
        check_distinct(vendor_raw, psa_raw)
    check_bills_distinct(raws)
    say("Normalising lines")
    vendor_side = merge_bills([prepare(raw, "vendor", settings) for raw in raws])
    psa_side = prepare(psa_raw, "psa", settings)
    result = reconcile_prepared(vendor_side, psa_side, settings, progress=say, started=started)
    keep(vendor_side, psa_side, raws, psa_raw)  # a CLI run ends without freeing them
    return result


def check_bills_distinct(raws: Sequence[RawTable]) -> None:
    """The same bill given twice would double every seat: refuse it."""
    for i, first in enumerate(raws):
        for second in raws[i + 1 :]:
            if _same_shape(first, second) and _fingerprint(first) == _fingerprint(second):
                raise WrongSideError(
                    f"{first.name} and {second.name} hold exactly the same lines: the same vendor "
                    "bill was given twice. Give each bill once."
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
    """Reconcile two prepared sides (see :func:`prepare`): products, clients, rules, KPIs."""
    started = time.perf_counter() if started is None else started
    say = progress or (lambda message: None)
    vendor_raw, psa_raw = vendor.raw, psa.raw
    vendor_list, psa_list = vendor.lines, psa.lines
    vendor_mapping, psa_mapping = vendor.mapping, psa.mapping
    warnings: list[str] = [*vendor_raw.notes, *psa_raw.notes]
    bills = vendor.parts or (vendor,)
    bill_currencies = [
        (bill.raw.name, stated_currency(bill.table, bill.mapping, bill.raw.name)) for bill in bills
    ]
    currency = settle_currency(
        bill_currencies, (psa_raw.name, stated_currency(psa.table, psa_mapping, psa_raw.name))
    )
    vendor_period = _most_common_month([line.period_start for line in vendor_list])
    psa_period_header = psa_mapping.get("period_start")
    psa_period = (
        _most_common_month(psa.table.data[psa_period_header], parse_date)
        if psa_period_header
        else None
    )
    # a bill without dates (a distributor's bare CSV): its title ("Invoice … - October 2026"), else
    # the PSA export's invoice month, else the PSA export's title stands in
    period = (
        settings.period or vendor_period or _title_month(*bills) or psa_period or _title_month(psa)
    )
    if settings.period and vendor_period and settings.period != vendor_period:
        warnings.append(
            f"The vendor bill's charges are mostly for {vendor_period}, but the period set "
            f"(Settings sheet or --period) is {settings.period}: check you are comparing the same "
            "month."
        )
    period_start = settings.period_start or (
        dt.date(int(period[:4]), int(period[5:7]), 1) if period else None
    )
    cancel_lines(psa_list, period_start)
    if vendor_period and psa_period and psa_period != vendor_period:
        warnings.append(
            f"The vendor bill is for {vendor_period} but the PSA export is for "
            f"{psa_period}: compare the same month, or the findings will be off."
        )
    _require_lines(vendor_list, vendor_raw.name, "vendor bill")

    say("Matching products")
    vendor_products, psa_products = _products(vendor_list, psa_list, settings)
    vendor_keys = {m.key for m in vendor_products.values()}
    excluded_spellings = {product_key(x) for x in settings.exclude_psa_products}
    for line in vendor_list:
        if line.excluded is None:
            line.product_key = vendor_products[line.descriptor].key
    pending: list[Line] = []  # PSA lines no catalogue or vendor name explains: decided in context
    named: list[Line] = []  # PSA lines recognised by name alone: looked at again in context
    for line in psa_list:
        if line.excluded is not None:
            continue
        match = psa_products[line.descriptor]
        if product_key(line.product) in excluded_spellings:
            line.excluded = "excluded in Settings"
        elif match.free and not line.unit:
            line.excluded = "free or trial (costs nothing)"
        elif not match.in_catalogue and match.key not in vendor_keys:
            pending.append(line)
        else:
            line.product_key = match.key
            if match.method in ("exact", "fuzzy") and match.in_catalogue:
                named.append(line)

    _require_lines(psa_list, psa_raw.name, "PSA export")

    say("Matching clients")
    matches = _clients(vendor, psa, settings)
    vendor_group, psa_group, infos = _groups(matches)
    inferred = infer_products(pending, vendor, psa, vendor_group, psa_group, vendor_products, named)
    for line in named:
        if (found := inferred.get((line.client, line.descriptor))) is not None:
            line.product_key = found.key
    for line in pending:
        found = inferred.get((line.client, line.descriptor))
        if found is not None:
            line.product_key = found.key
        else:
            line.excluded = NOT_A_VENDOR_PRODUCT
    _require_lines(psa_list, psa_raw.name, "PSA export")

    say("Comparing")
    vendor_holdings = _holdings(vendor, vendor_products, vendor_group)
    psa_holdings = _holdings(psa, psa_products, psa_group, inferred)
    names = {m.key: m.product for m in (*vendor_products.values(), *psa_products.values())}
    discrepancies = apply_rules(vendor_holdings, psa_holdings, infos, names, settings)
    keyed = margins.keyed_pairs(vendor_holdings, psa_holdings, infos, names)
    thin = margins.thin_margins(
        keyed, vendor_holdings, psa_holdings, settings.target_margin_percent
    )
    terms = TermsReview((), {})
    if any({"subscription_end", "term"} & set(bill.mapping.columns) for bill in bills):
        terms = review_terms(  # the bill says how its seats are committed
            vendor_list, vendor.client_keys, vendor_group, infos, names, psa_holdings, period_start
        )
    if terms.fix_when:
        discrepancies = terms.tag(discrepancies)

    excluded = _excluded(vendor_list, vendor_raw.name) + _excluded(psa_list, psa_raw.name)
    for bill in bills:  # each bill against its own totals row
        warnings += _totals_warnings(bill.lines, bill.raw.name)
    warnings += _totals_warnings(psa_list, psa_raw.name)
    kpis = _kpis(
        vendor_list,
        psa_list,
        discrepancies,
        matches,
        excluded,
        settings,
        period,
        time.perf_counter() - started,
    )
    kpis = replace(kpis, currency=currency, **bill_totals(bills, vendor_list, currency))
    warnings += period_warnings(bills, vendor_list, period)
    kpis = replace(
        kpis,
        thin_margin_shortfall=sum((t.monthly_shortfall for t in thin), Decimal("0.00")),
        extended_terms_surcharge=sum(
            (t.monthly_surcharge for t in terms.findings if t.kind == "extended_terms"),
            Decimal("0.00"),
        ),
        target_margin_percent=settings.target_margin_percent,
    )
    if vendor.parts:
        discrepancies = name_bills(
            discrepancies, vendor_list, vendor.client_keys, vendor_group, infos, names
        )
    product_matches = sorted(
        {*vendor_products.values(), *psa_products.values(), *inferred.values()},
        key=lambda m: (m.side != "vendor", m.product.lower(), m.spelling.lower()),
    )
    say("Done")
    return Result(
        discrepancies=tuple(discrepancies),
        client_matches=tuple(matches),
        product_matches=tuple(product_matches),
        excluded=tuple(excluded),
        kpis=kpis,
        mappings={
            "vendor": vendor_mapping,
            "psa": psa_mapping,
            **{f"vendor {i}": bill.mapping for i, bill in enumerate(vendor.parts[1:], start=2)},
        },
        sources={"vendor": vendor_raw.name, "psa": psa_raw.name},
        warnings=tuple(warnings),
        pairs=tuple(pair for _, pair in keyed),
        thin_margins=thin,
        terms=terms.findings,
    )


_MONTH_NAMES = {
    name[:3]: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_TITLE_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b"
    r"|\b(\d{4})-(0[1-9]|1[0-2])\b",
    re.IGNORECASE,
)


def _title_month(*sides: Prepared) -> str | None:
    """The one month the title rows above a header name ("Invoice INV-1 - October 2026")."""
    found: set[str] = set()
    for side in sides:
        above = side.raw.cells[: max(0, side.table.header_row - side.raw.row_offset)]
        for row in above[:20]:
            for cell in row:
                for match in _TITLE_MONTH.finditer(str(cell or "")):
                    if match.group(1):
                        found.add(f"{match.group(2)}-{_MONTH_NAMES[match.group(1).lower()]:02d}")
                    else:
                        found.add(f"{match.group(3)}-{match.group(4)}")
    return next(iter(found)) if len(found) == 1 else None


def _live(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.excluded is None]


def _unreadable(line: Line) -> bool:
    """A real line whose quantity or price could not be read: it takes no part, but its group must
    not look confidently one-sided (a PSA line next to an unreadable vendor line is not "no vendor
    record")."""
    return (
        line.excluded is not None and line.excluded.startswith("unreadable") and bool(line.client)
    )


def _known(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.excluded is None or _unreadable(line)]


def _require_lines(lines: list[Line], name: str, what: str) -> None:
    if any(line.excluded is None for line in lines):
        return
    reasons = Counter(line.excluded for line in lines)
    listed = "; ".join(f"{reason}: {count}" for reason, count in reasons.most_common(5))
    raise EmptyInputError(
        f"{name}: the {what} has {len(lines)} line(s) but none can be reconciled ({listed}). "
        f"Check that this is the right {what} for the month."
    )


def _products(
    vendor: list[Line], psa: list[Line], settings: Settings
) -> tuple[dict[Descriptor, ProductMatch], dict[Descriptor, ProductMatch]]:
    alternates = {line.descriptor: line.product_alt for line in _known(psa) if line.product_alt}
    return match_products(
        {line.descriptor for line in _known(vendor)},
        {line.descriptor for line in _known(psa)},
        aliases=settings.product_aliases,
        psa_alternates=alternates,
        thresholds=settings.match,
    )


def _client_key(name: str) -> str:
    return client_key(name) or name.strip().lower()


def client_keys(lines: list[Line]) -> dict[str, str]:
    """Each client spelling's comparable key."""
    return {spelling: _client_key(spelling) for spelling in {line.client for line in lines}}


def _display_names(lines: list[Line], keys: dict[str, str]) -> dict[str, str]:
    """Each client key's most common spelling."""
    spellings: Counter[str] = Counter([line.client for line in _known(lines)])
    by_key: dict[str, tuple[int, str]] = {}
    for spelling, count in spellings.items():
        key = keys[spelling]
        if key not in by_key or count > by_key[key][0]:
            by_key[key] = (count, spelling)
    return {key: spelling for key, (_, spelling) in by_key.items()}


def _clients(vendor: Prepared, psa: Prepared, settings: Settings) -> list[ClientMatch]:
    by_spelling: dict[str, set[str]] = defaultdict(set)
    for line in vendor.lines:
        if line.domain and line.excluded is None:
            by_spelling[line.client].add(line.domain)
    domains: dict[str, set[str]] = defaultdict(set)
    for spelling, tenant_domains in by_spelling.items():
        domains[vendor.client_keys[spelling]] |= tenant_domains
    return match_clients(
        _display_names(vendor.lines, vendor.client_keys),
        _display_names(psa.lines, psa.client_keys),
        vendor_domains=domains,
        aliases=settings.client_aliases,
        vendor_baskets=_baskets(vendor),
        psa_baskets=_baskets(psa),
        thresholds=settings.match,
    )


def _baskets(side: Prepared) -> dict[str, dict[str, Decimal]]:
    """What each client buys: product key → seats, from the lines whose product is already known."""
    baskets: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for line in side.lines:
        if line.excluded is None and line.product_key is not None and line.quantity is not None:
            basket = baskets[side.client_keys[line.client]]
            basket[line.product_key] = basket.get(line.product_key, Decimal(0)) + line.quantity
    return baskets


def _groups(
    matches: list[ClientMatch],
) -> tuple[dict[str, int], dict[str, int], dict[int, ClientInfo]]:
    vendor_group: dict[str, int] = {}
    psa_group: dict[str, int] = {}
    infos: dict[int, ClientInfo] = {}
    for index, match in enumerate(matches):
        if match.vendor_key is not None:
            vendor_group[match.vendor_key] = index
        if match.psa_key is not None:
            psa_group[match.psa_key] = index
        infos[index] = ClientInfo(
            match.psa_name, match.vendor_name, match.method, match.confidence, match.evidence
        )
    return vendor_group, psa_group, infos


def _holdings(
    side: Prepared,
    products: dict[Descriptor, ProductMatch],
    groups: dict[str, int],
    inferred: Mapping[tuple[str, Descriptor], ProductMatch] | None = None,
) -> dict[GroupKey, Holding]:
    holdings: dict[GroupKey, Holding] = {}
    group_of = {spelling: groups.get(key) for spelling, key in side.client_keys.items()}
    for line in side.lines:
        if line.excluded is not None and not _unreadable(line):
            continue
        group = group_of[line.client]
        if group is None:
            continue
        match = products[(line.product, line.product_ids)]
        if inferred and (line.client, match_key := line.descriptor) in inferred:
            match = inferred[(line.client, match_key)]
        key = (group, match.key)
        holding = holdings.get(key)
        if holding is None:
            holding = holdings[key] = Holding()
        if line.excluded is not None:  # unreadable: a note on its group, no amounts
            holding.notes.append(f"{line.side} row {line.row}: {line.excluded}")
            continue
        assert line.quantity is not None and line.unit is not None  # guaranteed by lines.py
        holding.add(
            line.quantity,
            line.unit,
            line.months,
            line.product,
            line.row,
            match.confidence,
            match.method,
            match.evidence,
        )
    return holdings


def _excluded(lines: list[Line], source: str) -> list[ExcludedLine]:
    return [
        ExcludedLine(
            line.side,
            line.bill or source,
            line.row,
            line.client,
            line.product,
            line.quantity,
            line.amount,
            line.excluded,
        )
        for line in lines
        if line.excluded is not None
    ]


_NOT_LINES = ("totals row", "repeated header row")


def _sum(lines: list[Line]) -> Decimal:
    return sum((line.amount for line in lines if line.amount is not None), Decimal(0))


def _totals_warnings(lines: list[Line], name: str) -> list[str]:
    """A totals row that disagrees with the lines above it means rows are missing or doubled."""
    totals = [line for line in lines if line.excluded == "totals row"]
    expected = _sum([line for line in lines if line.excluded not in _NOT_LINES])
    out: list[str] = []
    if len(totals) == 1 and totals[0].amount not in (None, expected, Decimal(0)):
        out.append(
            f"{name}: the totals row (row {totals[0].row}) says {totals[0].amount} but the lines "
            f"add up to {expected}: check for missing or extra rows."
        )
    return out


def _monthly_total(lines: list[Line]) -> Decimal:
    """Σ amount ÷ months over the lines that take part, exact (× SCALE keeps it in Decimals)."""
    scaled, odd = Decimal(0), Fraction(0)
    for line in _live(lines):
        if line.amount is None:
            continue
        if SCALE % line.months == 0:
            scaled += line.amount * (SCALE // line.months)
        else:
            odd += Fraction(line.amount) / line.months
    return round_cents(Fraction(scaled) / SCALE + odd)


def _kpis(
    vendor: list[Line],
    psa: list[Line],
    discrepancies: list[Discrepancy],
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
    # the headline is confirmed money only; findings resting on inferred matches are shown apart
    leakage = sum(
        (d.monthly_impact for d in discrepancies if d.type in LEAKAGE_TYPES and not d.check_first),
        Decimal("0.00"),
    )
    uncertain_leakage = sum(
        (d.monthly_impact for d in discrepancies if d.type in LEAKAGE_TYPES and d.check_first),
        Decimal("0.00"),
    )
    exposure = sum(
        (d.monthly_impact for d in discrepancies if d.type in EXPOSURE_TYPES and not d.check_first),
        Decimal("0.00"),
    )
    uncertain_exposure = sum(
        (d.monthly_impact for d in discrepancies if d.type in EXPOSURE_TYPES and d.check_first),
        Decimal("0.00"),
    )
    vendor_monthly = _monthly_total(vendor)
    reasons: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    for line in excluded:
        reasons[(line.side, _reason_family(line.reason))].append(line.amount or Decimal(0))
    ratio = (
        (leakage / vendor_monthly * 100).quantize(Decimal("0.01"))
        if vendor_monthly
        else Decimal("0.00")
    )
    return Kpis(
        period=period,
        vendor_file_total=round_cents(_sum([x for x in vendor if x.excluded not in _NOT_LINES])),
        vendor_monthly_total=vendor_monthly,
        psa_file_total=round_cents(_sum([x for x in psa if x.excluded not in _NOT_LINES])),
        psa_monthly_total=_monthly_total(psa),
        monthly_leakage=leakage,
        annual_leakage=leakage * 12,
        leakage_ratio_percent=ratio,
        leakage_target_percent=settings.leakage_target_percent,
        overbilling_exposure=exposure,
        counts=counts,
        impacts=impacts,
        clients_matched=sum(m.method != "unmatched" for m in matches),
        vendor_clients_unmatched=sum(
            m.method == "unmatched" and m.vendor_key is not None for m in matches
        ),
        psa_clients_unmatched=sum(
            m.method == "unmatched" and m.psa_key is not None for m in matches
        ),
        vendor_lines=len(vendor),
        vendor_lines_reconciled=len(_live(vendor)),
        psa_lines=len(psa),
        psa_lines_reconciled=len(_live(psa)),
        excluded=tuple(
            ReasonTotal(side, reason, len(amounts), round_cents(sum(amounts, Decimal(0))))
            for (side, reason), amounts in sorted(reasons.items())
        ),
        seconds=seconds,
        uncertain_leakage=uncertain_leakage,
        uncertain_exposure=uncertain_exposure,
    )


def _reason_family(reason: str) -> str:
    """Group reasons that carry a value ("status: Cancelled", "cancelled 2025-07-31") for the KPIs."""
    for prefix in (
        "unreadable quantity",
        "unreadable unit cost",
        "unreadable unit price",
        "cancelled",
        "not billable",
    ):
        if reason.startswith(prefix):
            return prefix
    return reason
