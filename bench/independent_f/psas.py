"""PSA and accounting exports: what the MSP bills its clients, rendered as each system exports it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from .render import Rendered, dmy, iso, mdy, num
from .scenario import PLine, PsaCaps, Scenario
from .writers import Cell, Sheet, write_csv, write_xls, write_xlsx

SYMBOL = {"USD": "$", "CAD": "$", "GBP": "£", "EUR": "€", "AUD": "$", "SEK": "kr "}
BILL_DATE = date(2026, 9, 1)


def _client(p: PLine, perturb: bool) -> str:
    return p.client.psa_name if perturb else p.client.canonical


def _text(p: PLine, perturb: bool) -> str:
    return p.text if perturb else p.clean_text


def _order(sc: Scenario, perturb: bool) -> list[int]:
    return sorted(
        range(len(sc.plines)),
        key=lambda i: (_client(sc.plines[i], perturb).casefold(), sc.plines[i].client.number, i),
    )


def _groups(sc: Scenario, perturb: bool) -> list[list[int]]:
    out: list[list[int]] = []
    last = None
    for i in _order(sc, perturb):
        key = sc.plines[i].client.number
        if key != last:
            out.append([])
            last = key
        out[-1].append(i)
    return out


def _is_service(p: PLine) -> bool:
    return p.role == "service"


# --------------------------------------------------------------------------- NetSuite saved search (.xls)


def netsuite_xls(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """A NetSuite saved search of subscription lines exported to Excel: 'ID Name' entities,
    'Parent : Child' item names, a Memo, a status and a termination date, a total row."""
    head = [
        "Internal ID",
        "Start Date",
        "Termination Date",
        "Document Number",
        "Name",
        "Status",
        "Item",
        "Memo",
        "Quantity",
        "Rate",
        "Amount",
        "Currency",
    ]
    rows: list[list[Cell]] = [list[Cell](head)]
    rendered = Rendered("psa.xls", "Results")
    total = Decimal(0)
    for n, i in enumerate(_order(sc, perturb)):
        p = sc.plines[i]
        parent = (
            "Professional Services"
            if _is_service(p) and ("hours" in p.product or "labour" in p.product.lower())
            else "Managed Services"
            if _is_service(p)
            else "Cloud Subscriptions"
        )
        if p.product.startswith("Hardware"):
            parent = "Hardware"
        memo = "Annual billing" if p.annual else ""
        status = "Cancelled" if p.status == "Cancelled" else "Active"
        term = mdy(p.cancelled) if p.cancelled else ""
        amount = p.unit * p.qty
        rows.append(
            [
                str(40000 + n * 7),
                mdy(p.start),
                term,
                f"SUB-{p.client.number[1:]}",
                f"{p.client.number} {_client(p, perturb)}",
                status,
                f"{parent} : {_text(p, perturb)}",
                memo,
                p.qty,
                p.unit,
                amount,
                sc.currency,
            ]
        )
        rendered.rows[i] = len(rows)
        total += amount
    rows.append(["Total", None, None, None, None, None, None, None, None, None, total, None])
    write_xls(out / rendered.file, [Sheet("Results", rows, bold_rows={0, len(rows) - 1})])
    return rendered


# --------------------------------------------------------------------------- Business Central posted sales invoice lines (.xlsx)


def business_central_xlsx(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """Dynamics 365 Business Central 'Posted Sales Invoice Lines' opened in Excel."""
    head = [
        "Document No.",
        "Posting Date",
        "Sell-to Customer No.",
        "Sell-to Customer Name",
        "Type",
        "No.",
        "Description",
        "Description 2",
        "Quantity",
        "Unit of Measure Code",
        "Unit Price Excl. VAT",
        "Line Discount %",
        "Line Amount Excl. VAT",
        "Currency Code",
    ]
    rows: list[list[Cell]] = [list[Cell](head)]
    rendered = Rendered("psa.xlsx", "Posted Sales Invoice Lines")
    for g, group in enumerate(_groups(sc, perturb)):
        for i in group:
            p = sc.plines[i]
            if _is_service(p):
                typ, no, uom = (
                    ("Resource", "R-TECH", "HOUR")
                    if "hours" in p.product or "labour" in p.product.lower()
                    else ("G/L Account", "6110", "PCS")
                )
            else:
                typ, no, uom = "Item", f"LIC-{abs(sum(map(ord, p.product))) % 9000 + 1000}", "USER"
            rows.append(
                [
                    f"PSI-{103200 + g}",
                    BILL_DATE,
                    p.client.number,
                    _client(p, perturb),
                    typ,
                    no,
                    _text(p, perturb),
                    "September 2026",
                    p.qty,
                    uom,
                    p.unit,
                    0,
                    p.unit * p.qty,
                    sc.currency,
                ]
            )
            rendered.rows[i] = len(rows)
    write_xlsx(
        out / rendered.file,
        [
            Sheet(
                "Posted Sales Invoice Lines",
                rows,
                bold_rows={0},
                money_format="#,##0.00",
                date_format="yyyy-mm-dd",
            )
        ],
    )
    return rendered


# --------------------------------------------------------------------------- FreshBooks invoice details (.csv)


def freshbooks_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """FreshBooks-style invoice details report: item name vs a generic item description."""
    head = [
        "Client Name",
        "Invoice Number",
        "Date Issued",
        "Invoice Status",
        "Item Name",
        "Item Description",
        "Rate",
        "Quantity",
        "Line Total",
        "Currency",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("psa.csv", None)
    generic = ("Monthly licence", "Per user, September", "Cloud subscription", "", "Recurring")
    for g, group in enumerate(_groups(sc, perturb)):
        for k, i in enumerate(group):
            p = sc.plines[i]
            desc = "" if _is_service(p) else generic[(g + k) % len(generic)]
            rows.append(
                [
                    _client(p, perturb),
                    f"{4100 + g:07d}",
                    iso(BILL_DATE),
                    "sent" if g % 3 else "paid",
                    _text(p, perturb),
                    desc,
                    f"{p.unit:.2f}",
                    str(p.qty),
                    f"{p.unit * p.qty:.2f}",
                    sc.currency,
                ]
            )
            rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows)
    return rendered


# --------------------------------------------------------------------------- a hand-kept billing workbook (.xlsx)


def hand_kept_xlsx(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """The spreadsheet a small MSP keeps by hand: a read-me sheet first, merged client rows,
    '12 ea' seat counts, a Yes/No billable column, per-client subtotals and a grand total."""
    sym = SYMBOL[sc.currency]
    head = [
        "Client / Product",
        "Seats",
        "Price per seat",
        "Cycle",
        "Line total",
        "Status",
        "Bill?",
        "Notes",
    ]
    rows: list[list[Cell]] = [
        [f"Client billing - September 2026 ({sc.currency})"],
        [],
        list[Cell](head),
    ]
    merges: list[tuple[int, int, int, int]] = []
    bold = {0, 2}
    rendered = Rendered("psa.xlsx", "Billing Sep-26")
    grand = Decimal(0)
    for g, group in enumerate(_groups(sc, perturb)):
        first = sc.plines[group[0]]
        rows.append([_client(first, perturb)])
        merges.append((len(rows) - 1, 0, len(rows) - 1, 7))
        bold.add(len(rows) - 1)
        sub = Decimal(0)
        for k, i in enumerate(group):
            p = sc.plines[i]
            seats: Cell = (
                f"{p.qty} ea" if (g + k) % 3 == 0 else f"{p.qty}.00" if (g + k) % 3 == 1 else p.qty
            )
            status = p.status if p.status != "Cancelled" else ("Cancelled" if k % 2 else "Inactive")
            note = (
                ""
                if not p.cancelled
                else f"cancelled {dmy(p.cancelled)}"
                if p.role == "cancelled"
                else f"ends {dmy(p.cancelled)}"
            )
            line = p.unit * p.qty
            rows.append(
                [
                    _text(p, perturb),
                    seats,
                    p.unit,
                    "Yearly" if p.annual else "Monthly",
                    line,
                    status,
                    "Y" if p.billable else "N",
                    note,
                ]
            )
            rendered.rows[i] = len(rows)
            if p.role != "cancelled":
                sub += line
        rows.append([None, None, None, "Subtotal", sub])
        bold.add(len(rows) - 1)
        grand += sub
    rows.append([None, None, None, "TOTAL", grand])
    bold.add(len(rows) - 1)
    readme = Sheet(
        "Read me",
        [
            ["How this workbook works"],
            ["One block per client; Bill? = N means not invoiced."],
            ["Prices per seat per cycle; yearly lines are invoiced once a year."],
        ],
    )
    fmt = f'"{sym}"#,##0.00;("{sym}"#,##0.00)'
    write_xlsx(
        out / rendered.file,
        [readme, Sheet("Billing Sep-26", rows, merges=merges, bold_rows=bold, money_format=fmt)],
    )
    return rendered


# --------------------------------------------------------------------------- Sage 50 Accounts (UK) invoice item report (.csv)


def sage50_uk_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """Sage 50 Accounts 'Invoice Items' export: account refs, S1/S3 product codes, details text."""
    head = [
        "Type",
        "A/C",
        "Name",
        "Inv No",
        "Date",
        "Product Code",
        "Details",
        "Qty",
        "Unit Price",
        "Net",
        "T/C",
        "VAT",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("psa.csv", None)
    for g, group in enumerate(_groups(sc, perturb)):
        for i in group:
            p = sc.plines[i]
            net = p.unit * p.qty
            vat = (net * Decimal("0.2")).quantize(Decimal("0.01"))
            ref = (
                p.client.name.core.upper().replace(" ", "")[:6]
                + f"{int(p.client.number[1:]) % 100:02d}"
            )
            rows.append(
                [
                    "Invoice",
                    ref,
                    _client(p, perturb),
                    str(18400 + g),
                    dmy(BILL_DATE),
                    "S3" if _is_service(p) else "S1",
                    _text(p, perturb),
                    f"{p.qty:.2f}",
                    f"{p.unit:.2f}",
                    f"{net:.2f}",
                    "T1",
                    f"{vat:.2f}",
                ]
            )
            rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows, encoding="utf-8", bom=True)
    return rendered


# --------------------------------------------------------------------------- Sage Intacct contract lines (.csv)


def intacct_contracts_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """Sage Intacct contract lines: item name plus memo, billing frequency, line state and a
    cancellation date; a report title above the header and a total at the end."""
    head = [
        "Contract ID",
        "Customer ID",
        "Customer name",
        "Line no.",
        "Item ID",
        "Item name",
        "Memo",
        "Quantity",
        "Price",
        "Flat/fixed amount",
        "Billing frequency",
        "Line state",
        "Start date",
        "Cancellation date",
        "Currency",
    ]
    rows: list[list[str]] = [
        ["Contract lines - all active and cancelled"],
        [f"As of 09/01/2026 - {sc.currency}"],
        head,
    ]
    rendered = Rendered("psa.csv", None)
    total = Decimal(0)
    for group in _groups(sc, perturb):
        for k, i in enumerate(group):
            p = sc.plines[i]
            state = "Cancelled" if p.status == "Cancelled" else "In progress"
            amount = p.unit * p.qty
            item_id = (
                "SVC-" if _is_service(p) else "SUB-"
            ) + f"{sum(map(ord, p.product)) % 997:03d}"
            rows.append(
                [
                    f"CN-{p.client.number}",
                    p.client.number,
                    _client(p, perturb),
                    str(k + 1),
                    item_id,
                    _text(p, perturb),
                    "Billed annually in advance" if p.annual else "",
                    str(p.qty),
                    f"{p.unit:.2f}",
                    f"{amount:.2f}",
                    "Annually" if p.annual else "Monthly",
                    state,
                    mdy(p.start),
                    mdy(p.cancelled) if p.cancelled else "",
                    sc.currency,
                ]
            )
            rendered.rows[i] = len(rows)
            if p.role != "cancelled":
                total += amount
    rows.append(["Total", "", "", "", "", "", "", "", "", f"{total:.2f}", "", "", "", "", ""])
    write_csv(out / rendered.file, rows)
    return rendered


# --------------------------------------------------------------------------- SuperOps contracts (.csv)


def superops_contracts_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """A SuperOps-style contract export: service item and a free-text description, billing cycle,
    contract status and a Billable flag."""
    head = [
        "Client",
        "Contract Name",
        "Service Item",
        "Description",
        "Quantity",
        "Unit Price",
        "Billing Cycle",
        "Contract Status",
        "Start Date",
        "End Date",
        "Billable",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("psa.csv", None)
    for i in _order(sc, perturb):
        p = sc.plines[i]
        item = (
            "Per User Service"
            if _is_service(p) and "user" in p.product
            else "Hourly Service"
            if _is_service(p)
            else "Cloud Licence"
        )
        status = "Inactive" if p.status == "Cancelled" else "Active"
        rows.append(
            [
                _client(p, perturb),
                f"MSA {p.client.number}",
                item,
                _text(p, perturb),
                str(p.qty),
                f"{SYMBOL[sc.currency]}{p.unit:,.2f}",
                "Yearly" if p.annual else "Monthly",
                status,
                iso(p.start),
                iso(p.cancelled) if p.cancelled else "",
                "Yes" if p.billable else "No",
            ]
        )
        rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows)
    return rendered


# --------------------------------------------------------------------------- Fakturownia (PL) invoice positions (.csv)


def fakturownia_pl_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """A Polish invoicing service's export of invoice positions: ';', decimal comma, Polish headers."""
    head = [
        "Numer faktury",
        "Data wystawienia",
        "Nabywca",
        "NIP nabywcy",
        "Nazwa pozycji",
        "Ilość",
        "Jedn.",
        "Cena netto",
        "Wartość netto",
        "Stawka VAT",
        "Wartość brutto",
        "Waluta",
        "Status",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("psa.csv", None)
    for g, group in enumerate(_groups(sc, perturb)):
        for i in group:
            p = sc.plines[i]
            net = p.unit * p.qty
            gross = (net * Decimal("1.23")).quantize(Decimal("0.01"))
            nip = f"{(int(p.client.number[1:]) * 7919) % 10**10:010d}"
            rows.append(
                [
                    f"FV {g + 1}/09/2026",
                    "2026-09-01",
                    _client(p, perturb),
                    nip,
                    _text(p, perturb),
                    num(p.qty, places=0, thousands=""),
                    "godz." if "hours" in p.product else "szt.",
                    num(p.unit, thousands=" ", point=","),
                    num(net, thousands=" ", point=","),
                    "23%",
                    num(gross, thousands=" ", point=","),
                    sc.currency,
                    "wystawiona" if g % 2 else "opłacona",
                ]
            )
            rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows, delimiter=";", encoding="utf-8")
    return rendered


# --------------------------------------------------------------------------- Holded (ES) sales lines (.csv)


def holded_es_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """A Spanish invoicing export of sales lines: ';', decimal comma, Spanish headers, and a
    multi-line description cell (period and users on separate lines)."""
    head = [
        "Fecha",
        "Num",
        "Cliente",
        "NIF",
        "Concepto",
        "Descripción",
        "Unidades",
        "Precio",
        "Dto.",
        "Subtotal",
        "IVA",
        "Total",
        "Moneda",
        "Estado",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("psa.csv", None)
    for g, group in enumerate(_groups(sc, perturb)):
        for i in group:
            p = sc.plines[i]
            net = p.unit * p.qty
            iva = (net * Decimal("0.21")).quantize(Decimal("0.01"))
            desc = "" if _is_service(p) else f"Periodo: 01/09/2026 - 30/09/2026\nUsuarios: {p.qty}"
            nif = f"B{(int(p.client.number[1:]) * 104729) % 10**8:08d}"
            rows.append(
                [
                    dmy(BILL_DATE),
                    f"F26{g + 1:05d}",
                    _client(p, perturb),
                    nif,
                    _text(p, perturb),
                    desc,
                    num(p.qty, places=2, thousands=".", point=","),
                    num(p.unit, thousands=".", point=","),
                    "0",
                    num(net, thousands=".", point=","),
                    num(iva, thousands=".", point=","),
                    num(net + iva, thousands=".", point=","),
                    sc.currency,
                    "Pagada" if g % 2 else "Pendiente",
                ]
            )
            rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows, delimiter=";", encoding="utf-8", bom=True)
    return rendered


@dataclass(frozen=True)
class PsaFormat:
    render: Callable[[Scenario, bool, Path], Rendered]
    caps: PsaCaps


PSAS: dict[str, PsaFormat] = {
    "netsuite_xls": PsaFormat(netsuite_xls, PsaCaps(cancel=True)),
    "business_central_xlsx": PsaFormat(business_central_xlsx, PsaCaps()),
    "freshbooks_csv": PsaFormat(freshbooks_csv, PsaCaps()),
    "hand_kept_xlsx": PsaFormat(
        hand_kept_xlsx, PsaCaps(cancel=True, not_billable=True, annual=True)
    ),
    "sage50_uk_csv": PsaFormat(sage50_uk_csv, PsaCaps()),
    "intacct_contracts_csv": PsaFormat(intacct_contracts_csv, PsaCaps(cancel=True, annual=True)),
    "superops_contracts_csv": PsaFormat(
        superops_contracts_csv, PsaCaps(cancel=True, not_billable=True, annual=True)
    ),
    "fakturownia_pl_csv": PsaFormat(fakturownia_pl_csv, PsaCaps()),
    "holded_es_csv": PsaFormat(holded_es_csv, PsaCaps()),
}
