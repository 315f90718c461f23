"""A PSA export's columns, line by line: what is billed, at what price, and the PSA's own reasons a
line bills nothing (statuses, pauses, bill flags, cancellations, credit notes)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

from engine.lines.client_numbers import named_by_number
from engine.lines.discount_rates import discount_rates, less_percent
from engine.lines.line import Exclusion
from engine.lines.reseller import without_reseller
from engine.lines.seats_in_text import with_seats_in_text
from engine.lines.sites import with_numbered_sites
from engine.lines.tax_included import before_tax, gross_totals, tax_rates
from engine.lines.typer import CANCELLATION, Columns, SideSpec
from engine.read import cells
from engine.read.columns import ColumnMapping
from engine.read.fields import header_key
from engine.read.header import Table
from engine.read.values import (
    document_cancelled,
    is_closed_status,
    is_credit_document,
    is_draft_status,
    is_live_status,
    is_pending_status,
    note_says_cancelled,
    parse_period_months,
    parse_quantity,
    status_after_name,
    status_alone,
    status_before_name,
)

#: A unit of measure that counts hours, in the languages of the books: "h", "hrs", "Hours",
#: Romanian "ore", Lithuanian "val.", Latvian "stundas", Serbian "sat", Bulgarian "час", Estonian
#: "tund", German "Std.", Dutch "uur", Danish "timer", French "heures", Spanish "horas" (never a
#: bare "St.": German books count pieces so, Stück).
_HOURS = re.compile(
    r"^\s*(?:h|hr|hrs|hours?|ore|ora|val|valanda|stunda|stundas|sat|sati|час|часа|часове"
    r"|tund|tundi|std|stunde|stunden|uur|uren|timer?|heures?|horas?|godz|tunti|timmar?)\.?\s*$",
    re.IGNORECASE,
)


def _psa_columns(table: Table, mapping: ColumnMapping) -> Columns:
    """A PSA export's columns: seats net of included ones; statuses, pauses, bill flags and
    cancellation dates."""
    clients = with_numbered_sites(
        named_by_number(
            without_reseller(cells.parsed(cells.column(table, mapping, "client"), cells.cell_text)),
            cells.parsed(cells.column(table, mapping, "client_id"), cells.cell_text),
        ),
        cells.parsed(cells.column(table, mapping, "site"), cells.cell_text),
    )  # "Bella Napoli Pizzeria" at site "Store 13" is the chain's store 13
    names = cells.parsed(cells.column(table, mapping, "product_name"), cells.product_text)
    alternates = cells.parsed(cells.column(table, mapping, "product_alt"), cells.cell_text)
    ids = cells.parsed(cells.column(table, mapping, "product_id"), cells.cell_text)
    products = [
        _cut_short_of(name, alt) or name or alt or product_id
        for name, alt, product_id in zip(names, alternates, ids, strict=True)
    ]
    quantities, units, amounts = _psa_amounts(table, mapping)
    with_seats_in_text(products, quantities, units, amounts)  # "12 x M365 BP", 1 × 264.00
    taken_back = [
        (quantity is not None and quantity < 0) or (amount is not None and amount < 0)
        for quantity, amount in zip(quantities, amounts, strict=True)
    ]
    statuses, inactive, cancelled = _inactive(table, mapping, taken_back)
    for i, said in enumerate(cells.parsed(products, _status_said)):
        if said and not inactive[i]:  # "Voided: Visio Plan 2", "CANCELLED - Microsoft 365 E3"
            inactive[i], statuses[i] = True, f"said first ({said})"
    for i, said in enumerate(cells.parsed(alternates, status_alone)):
        if said and not inactive[i]:  # QuickBooks' voided line: "Voided" as its description
            inactive[i], statuses[i] = True, f"described as {said}"
    bill_flags = cells.column(table, mapping, "bill_flag")
    not_billable = cells.parsed(bill_flags, cells.not_billable)
    paused = cells.parsed(cells.column(table, mapping, "paused"), cells.is_true)
    measures = cells.parsed(cells.column(table, mapping, "measure"), cells.cell_text)
    return Columns(
        clients=clients,
        products=products,
        product_ids=cells.parsed(ids, _psa_ids),
        quantities=quantities,
        units=units,
        amounts=amounts,
        months=_psa_months(table, mapping, names, alternates),
        totals_rows=cells.totals_rows(clients, products, cells.first_column(table), table),
        checks={
            "status": {
                i: (Exclusion.STATUS, statuses[i]) for i, flag in enumerate(inactive) if flag
            },
            "paused": {i: (Exclusion.PAUSED, "") for i, flag in enumerate(paused) if flag},
            "not_billable": {
                i: (Exclusion.NOT_BILLABLE, cells.cell_text(bill_flags[i]))
                for i, flag in enumerate(not_billable)
                if flag
            },
            "by_the_hour": {  # "Migrare Microsoft 365 E5 (manoperă)", 15 "h": work, no licence
                i: (Exclusion.NOT_A_VENDOR_PRODUCT, f"counted in hours ({measure})")
                for i, measure in enumerate(measures)
                if measure and _HOURS.match(measure)
            },
        },
        alternates=alternates,
        cancelled=cancelled,
        period_ends=_span_ends(table, mapping, names, clients, units, inactive, cancelled),
    )


def _status_said(text: str) -> str:
    """A status typed before the name or after it ("Ninja RMM - Voided")."""
    return status_before_name(text) or status_after_name(text)


def _cut_short_of(name: str | None, alternate: str | None) -> str | None:
    """The second description's first line where the name is its beginning, cut short:
    QuickBooks Desktop keeps an item's name in 31 characters ("Microsoft Defender for Office 3",
    "Acronis Cyber Protect Standard") and the line's memo whole ("… 365 (Plan 2)", "… - Server").
    A note on a line of its own below the whole name ("26 x Creative Cloud" / "Service period:
    Nov 2026") adds nothing to it."""
    if not name or not alternate:
        return None
    first = alternate.strip().splitlines()[0] if alternate.strip() else ""
    cut, whole = " ".join(name.split()).casefold(), " ".join(first.split()).casefold()
    return first if len(whole) > len(cut) and whole.startswith(cut) else None


def _inactive(
    table: Table, mapping: ColumnMapping, taken_back: list[bool]
) -> tuple[list[str], list[bool], list[dt.date | None]]:
    """Each line's status text, whether it bills nothing (a status, a note, a credit note, a
    cancelled flag) and its cancellation date. A credit note's line written with its minus sign
    (``taken_back``: Sage's "Credit Note", -1 seat) takes its seats off the month's bill like any
    credit; one written as a positive line (Odoo's "Customer Credit Note") bills nothing."""
    statuses = cells.parsed(cells.column(table, mapping, "status"), cells.cell_text)
    inactive = cells.parsed(cells.column(table, mapping, "status"), cells.inactive)
    _invoice_or_agreement_states(statuses, inactive)
    drafts = cells.parsed(cells.column(table, mapping, "status"), is_draft_status)
    if 0 < sum(drafts) < len(drafts) / 2:
        # a draft bills nothing yet (Xero's repeating template saved as a draft); a book whose
        # lines are mostly drafts was exported before its invoices were approved: they bill
        for i, draft in enumerate(drafts):
            if draft and not inactive[i]:
                inactive[i], statuses[i] = True, f"draft ({statuses[i]})"
    notes = cells.column(table, mapping, "notes")
    for i, noted in enumerate(cells.parsed(notes, note_says_cancelled)):
        if noted and not inactive[i]:  # a hand-kept sheet's "CANCELLED 31/10 - do not bill"
            inactive[i], statuses[i] = True, f"noted ({cells.cell_text(notes[i])})"
    documents = cells.column(table, mapping, "document_type")
    for i, credit in enumerate(cells.parsed(documents, is_credit_document)):
        if credit and not inactive[i] and not taken_back[i]:  # Odoo's, Dynamics GP's "Return"
            inactive[i], statuses[i] = True, f"credit note ({cells.cell_text(documents[i])})"
    for i, voided in enumerate(cells.parsed(documents, document_cancelled)):
        if voided and not inactive[i]:  # Sage 50's "Facture annulée"
            inactive[i], statuses[i] = True, f"cancelled ({cells.cell_text(documents[i])})"
    read_date = cells.date_parser(table, mapping)
    cancelled = cells.dates(table, mapping, "cancelled_date", read_date)
    noticed = [i for i, on in enumerate(cancelled) if on and inactive[i]]  # (usually none)
    current = cells.dates(table, mapping, "period_start", read_date) if noticed else []
    for i in noticed:
        on, start = cancelled[i], current[i]
        if on and start and start <= on and _NOTICE_GIVEN.match(statuses[i]):
            # a subscription's current period began before notice was given (Recurly's "canceled"
            # on the 12th, its period from the 1st): it bills to the period's end, the date decides
            inactive[i] = False
    cancelled_flags = cells.column(table, mapping, "cancelled_flag")
    for i, flag in enumerate(cells.parsed(cancelled_flags, cells.is_true)):
        if flag and not inactive[i]:  # a status column that says so is shown first
            inactive[i], statuses[i] = True, f"cancelled ({cells.cell_text(cancelled_flags[i])})"
    return statuses, inactive, cancelled


def _invoice_or_agreement_states(statuses: list[str], inactive: list[bool]) -> None:
    """A status column that never says a line is active holds invoices' states: MYOB's "Closed"
    is an invoice paid in full, billed like an "Open" one (an agreement's "Closed" beside
    "Active" lines still ends it). One that does holds agreements' states, where a "Pending"
    line ("En attente") has not started this month."""
    if any(map(is_live_status, statuses)):
        for i, status in enumerate(statuses):
            if not inactive[i] and is_pending_status(status):
                inactive[i] = True  # an agreement's line waiting to start ("En attente")
        return
    for i, status in enumerate(statuses):
        if inactive[i] and is_closed_status(status):
            inactive[i] = False


def _psa_months(
    table: Table, mapping: ColumnMapping, names: list[str], alternates: list[str]
) -> list[int]:
    """How many months each line bills for: a period times its interval, months said in the
    product's text, a service period's span, the months from its period's start to its end; one
    month when nothing says."""
    read_date = cells.date_parser(table, mapping)
    starts = cells.dates(table, mapping, "period_start", read_date)
    ends = cells.dates(table, mapping, "period_end", read_date)
    dated = [
        cells.months_from_dates(start, end) if start and end and start <= end else None
        for start, end in zip(starts, ends, strict=True)
    ]
    return [
        (months * every if months and every else months)
        or measured
        or spanned
        or served
        or between
        or 1
        for months, every, measured, spanned, served, between in zip(
            cells.parsed(cells.column(table, mapping, "billing_period"), _period_or_span),
            cells.parsed(cells.column(table, mapping, "billing_interval"), _interval),
            # a unit of measure that is a period: Merit's "aasta", Rivilė's "metai" beside "tk"
            cells.parsed(cells.column(table, mapping, "measure"), parse_period_months),
            cells.parsed(
                [f"{alt} {name}" for name, alt in zip(names, alternates, strict=True)],
                cells.months_in_text,
            ),
            # sevDesk's Leistungszeitraum "01.11.2026 - 31.10.2027" beside Einheit "Stk."
            cells.parsed(cells.column(table, mapping, "service_period"), _span_months),
            dated,
            strict=True,
        )
    ]


#: Status words that say notice was given, not that billing stopped: beside a cancellation date,
#: the date says when it stops (cancel_lines()).
_NOTICE_GIVEN = re.compile(
    r"^\s*(?:cancell?ed|gek(?:ü|ue|u)ndigt|opgezegd|r(?:é|e)sili(?:é|e)e?|cancelado|"
    r"opsagt|oppsagt|uppsagd|disdetto)\s*$",
    re.IGNORECASE,
)


def _span_ends(
    table: Table,
    mapping: ColumnMapping,
    names: list[str],
    clients: list[str],
    units: Sequence[Decimal | Fraction | None],
    inactive: list[bool],
    cancelled: list[dt.date | None],
) -> list[dt.date | None]:
    """The last day each PSA line says it bills for: a span of dates in its service-period column
    (Lexoffice's Leistungszeitraum) or its billing-period column (e-conomic's Periode), else in
    its description where the line stands beside a live line of the client's with no span that
    shares its words or its price, as nearly every spanned line of the book does: last month's
    adjustment ("Keeper Business (01/10/2026 - 31/10/2026)") beside this month's "Keeper
    Business"; "Adj. Oct: M365 BS (…)" at the price of "Microsoft 365 Business Standard". Spans
    on lines alone say which month a book billed (in arrears, perhaps), not that a line is
    another month's."""
    service = cells.parsed(cells.column(table, mapping, "service_period"), cells.span_end)
    billing = cells.parsed(cells.column(table, mapping, "billing_period"), cells.span_end)
    ends = [a or b for a, b in zip(service, billing, strict=True)]
    if any(ends) or not any(_HAS_DIGITS_SPAN.search(name) for name in names):
        return ends
    described = cells.parsed(names, cells.span_end)
    current: dict[str, list[frozenset[str]]] = {}
    prices: dict[str, set[Decimal | Fraction]] = {}
    for client, name, end, unit, off, gone in zip(
        clients, names, described, units, inactive, cancelled, strict=True
    ):
        if end is None and not off and gone is None and (words := _words_of(name)):
            current.setdefault(client, []).append(words)
            if unit:
                prices.setdefault(client, set()).add(unit)
    beside = [
        end
        if end is not None
        and (
            _stands_beside(_words_of(name), current.get(client, ()))
            or (unit and unit in prices.get(client, ()))
        )
        else None
        for client, name, end, unit in zip(clients, names, described, units, strict=True)
    ]
    spanned = sum(end is not None for end in described)
    if sum(end is not None for end in beside) < _MOSTLY_BESIDE * spanned:
        return ends  # spans on lines alone too: the book's note of the month, not adjustments
    return beside


#: The share of a book's spanned lines that must stand beside a live line of theirs for its
#: spans to mark adjustments of another month (set AA's people-typed books: 0.87; books that
#: write the month on lines alone: 0.6 and less).
_MOSTLY_BESIDE = 0.8


#: A description that may hold a span of dates (speed: most hold none)
_HAS_DIGITS_SPAN = re.compile(r"\d[./-]\d{2,4}\s*(?:--?|–|—|to|bis|au|al|t/m|tot)\s*\d")
_SPAN_TEXT = re.compile(
    r"[(\[]?\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*(?:--?|–|—|to|bis|au|al|t/m|tot)\s*"
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*[)\]]?"
)


def _words_of(name: str) -> frozenset[str]:
    """A description's words without its span of dates, folded."""
    return frozenset(_WORD.findall(_SPAN_TEXT.sub(" ", name).casefold()))


def _stands_beside(spanned: frozenset[str], live: Iterable[frozenset[str]]) -> bool:
    """A spanned line stands beside a live one of its client's that shares two of its words, or
    all of a one-word name ("Adj. Oct: Acronis SRV (01/10/2026 - 31/10/2026)" beside "Acronis SRV
    (was 2)"; "Adj. Oct: MDB …" beside "MDB")."""
    return any(len(words & spanned) >= min(2, len(words)) for words in live)


_WORD = re.compile(r"[^\W_]+")


def _interval(value: object) -> int | None:
    """How many billing units one billing spans (Recurly's plan_interval_length 12 beside
    plan_interval_unit "months" is a year); None when blank or not a small whole number."""
    count = parse_quantity(value)
    if count is None or count != count.to_integral_value() or not 1 <= count <= 36:
        return None
    return int(count)


def _span_months(value: object) -> int | None:
    """Months a service-period cell's span of dates covers; None without a span."""
    return cells.months_in_text(value) if isinstance(value, str) else None


def _period_or_span(value: object) -> int | None:
    """Months a PSA line's billing-period cell covers: a cycle ("Monthly") or the span it bills
    ("01.11.2026-31.10.2027", e-conomic's Periode)."""
    months = parse_period_months(value)
    if months is None and isinstance(value, str):
        months = cells.months_in_text(value)
    return months


def _psa_amounts(
    table: Table, mapping: ColumnMapping
) -> tuple[list[Decimal | None], list[Decimal | Fraction | None], list[Decimal | None]]:
    """Each PSA line's (quantity billed, unit price, amount)."""
    quantities = cells.quantities(table, mapping)
    included = cells.parsed(
        cells.column(table, mapping, "less_included"),
        cells.bounded(parse_quantity, table, mapping, "less_included"),
    )
    units = cells.parsed(
        cells.column(table, mapping, "unit_price"), cells.money_parser(mapping, "unit_price", table)
    )
    if (catalogue_prices := _catalogue_prices(table, mapping)) is not None:
        # Autotask's "Adjusted Unit Price" is blank where nothing was adjusted: the catalogue's
        # "Unit Price" beside it is then the price
        listed = cells.parsed(catalogue_prices, cells.money_parser(mapping, "unit_price", table))
        units = [unit if unit is not None else alt for unit, alt in zip(units, listed, strict=True)]
    if (rates := tax_rates(table, mapping)) is not None:
        # "Birim Fiyat (KDV Dahil)" beside "KDV Oranı %20": the price before tax is what the
        # client is billed for the licence
        units = [before_tax(unit, rate) for unit, rate in zip(units, rates, strict=True)]
    if (percents := discount_rates(table, mapping)) is not None:
        # Xero's "Discount" (50 is half off) beside a unit price and no line total
        units = [less_percent(unit, off) for unit, off in zip(units, percents, strict=True)]
    totals = cells.parsed(
        cells.column(table, mapping, "line_total"), cells.money_parser(mapping, "line_total", table)
    )
    if rates is not None and mapping.get("line_total") is None:
        # its total with tax ("Toplam (KDV Dahil)") before tax: a discount column shows in it
        totals = [
            before_tax(total, rate)
            for total, rate in zip(gross_totals(table, mapping), rates, strict=True)
        ]
    out_quantities: list[Decimal | None] = []
    out_units: list[Decimal | Fraction | None] = []
    out_amounts: list[Decimal | None] = []
    for quantity, less, unit, total in zip(quantities, included, units, totals, strict=True):
        if quantity is not None and less:
            quantity = quantity - less
        elif quantity is None and less:
            quantity = -less  # a return alone on its line (MISA's "Số lượng trả lại"): a credit
        if _discounted(quantity, unit, total):
            # the list price before a discount: the price is the list less a round percentage
            # when one gives the line's total, else the total ÷ seats (rounded to the cent)
            unit = _less_round_percentage(quantity, unit, total)
        priced = cells.priced(quantity, unit, total)
        out_quantities.append(priced[0])
        out_units.append(priced[1])
        out_amounts.append(priced[2])
    return out_quantities, out_units, out_amounts


#: The plain unit price beside an adjusted one.
_CATALOGUE_PRICE_HEADERS = frozenset(["unitprice", "price", "listprice", "catalogueprice", "rate"])


def _catalogue_prices(table: Table, mapping: ColumnMapping) -> Sequence[object] | None:
    """The column of catalogue unit prices when the price read is an adjusted one, if any."""
    chosen = mapping.get("unit_price")
    if chosen is None or "adjust" not in header_key(chosen):
        return None
    taken = set(mapping.columns.values())
    for header in table.data:
        if header not in taken and header_key(header) in _CATALOGUE_PRICE_HEADERS:
            return table.data[header]
    return None


def _discounted(quantity: Decimal | None, unit: Decimal | None, total: Decimal | None) -> bool:
    """A line whose total is less than its seats × unit price by more than rounding: the unit is
    the list price and a discount column (e-conomic's "Rabat %", SAP's "DiscPrcnt") took some off;
    a credit of such a line (seats and total below zero, PowerOffice's "Credit – …") too."""
    if quantity is None or unit is None or total is None or quantity == 0 or total == 0:
        return False
    if (quantity > 0) != (total > 0):
        return False
    return abs(total) < abs(quantity) * unit - (_HALF_CENT * abs(quantity) + _CENT)


def _less_round_percentage(
    quantity: Decimal | None, unit: Decimal | None, total: Decimal | None
) -> Decimal | None:
    """The unit price after a discount of a round percentage (12.5 %, 7.25 %) that turns seats ×
    list price into the line's total to the cent: the exact price the discount column meant,
    where the total ÷ seats is that price rounded once more (4.67 less 12.5 % is 4.08625, not the
    36.78 ÷ 9 = 4.0867 of the line's Net)."""
    if quantity is None or unit is None or total is None or quantity == 0 or unit <= 0:
        return None
    off = (1 - total / (quantity * unit)) * 100  # (a credit's seats and total are both below 0)
    for places in _PERCENT_PLACES:  # the roundest percentage that fits: 12.5 before 12.49
        percent = off.quantize(places)
        if not 0 < percent < 100:
            return None
        price = unit * (100 - percent) / 100
        if abs(price * quantity - total) <= _HALF_CENT:
            return price
    return None


_PERCENT_PLACES = (Decimal(1), Decimal("0.1"), Decimal("0.01"))
_HALF_CENT, _CENT = Decimal("0.005"), Decimal("0.01")  # built once, not twice per PSA line


def _psa_ids(product_id: str) -> tuple[str, ...]:
    return (product_id,) if product_id else ()


PSA = SideSpec(
    side="psa",
    unit_field="unit_price",
    no_client=Exclusion.NO_COMPANY,
    unreadable_unit=Exclusion.UNREADABLE_UNIT_PRICE,
    zero_quantity=Exclusion.NOTHING_BILLED,
    columns=_psa_columns,
    order=(
        "totals",
        "repeated",
        "no_client",
        "no_product",
        "status",
        "paused",
        CANCELLATION,  # a cancellation date outranks every reason below: cancel_lines() decides
        "not_billable",
        "by_the_hour",
        "unreadable_quantity",
        "unreadable_unit",
        "zero_quantity",
    ),
)
