"""Eight PSA / accounting exports of set K (none written by sets A–J).

Each renderer writes the MSP's own billing for one case and returns
(file name, {row number: PLine}, sheet name or None).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

from .common import CsvOut, by_client, fmt_date, num, shuffled, workbook

SYM = {"USD": "$", "GBP": "£", "EUR": "€", "PLN": "zł", "CAD": "$", "AUD": "$"}


def _cn(pl, perturb):
    return pl.client.psa_name if perturb else pl.client.name


def _tx(pl, perturb):
    return pl.shown if perturb else pl.text


TLD = {
    "US": "com",
    "CA": "ca",
    "GB": "co.uk",
    "DE": "de",
    "NO": "no",
    "DK": "dk",
    "SE": "se",
    "FR": "fr",
    "NL": "nl",
    "AU": "com.au",
}


def _email(prefix, pl):
    """A billing e-mail on the client's own web domain (not the tenant domain)."""
    words = [
        w
        for w in re.sub(
            r"[^a-z0-9 ]", "", pl.client.name.lower().encode("ascii", "ignore").decode()
        ).split()
        if w
        not in (
            "llc",
            "inc",
            "ltd",
            "corp",
            "co",
            "gmbh",
            "as",
            "ab",
            "aps",
            "bv",
            "sas",
            "sarl",
            "pty",
            "plc",
        )
    ]
    return f"{prefix}@{'-'.join(words[:2]) or 'client'}.{TLD.get(pl.client.country, 'com')}"


def _net_unit(pl):
    return (pl.unit * (1 - pl.discount / 100)).quantize(D("0.01"))


def _total(pl):
    return (_net_unit(pl) * pl.qty).quantize(D("0.01"))


def _end(pl):
    return "2027-10-31" if pl.months == 12 else "2026-11-30"


# P1 ------------------------------------------------------------------------------------------
def atera_contracts_csv(case, folder, perturb):
    """Atera billing – contracts export: Retainer/Flat Fee contracts carry the licences, Remote Monitoring
    and Block Hours the services; 'Active' Yes/No, contract end dates, US dates."""
    fn = "Atera_Contracts_Export.csv"
    out = CsvOut()
    out.row(
        [
            "Customer Name",
            "Contract Name",
            "Contract Type",
            "Active",
            "Product/Rate",
            "Quantity",
            "Rate",
            "Currency",
            "Billing Period",
            "Amount",
            "Start Date",
            "End Date",
            "Taxable",
        ]
    )
    rows = {}
    for pl in shuffled(case.plines, "atera"):
        if pl.key:
            ctype, cname = "Retainer/Flat Fee", "Microsoft & software licences"
        elif re.search(r"block|hours|Labour|Project", pl.text):
            ctype, cname = "Block Hours", "Support"
        else:
            ctype, cname = "Remote Monitoring", "Managed IT"
        cancelled = pl.role == "cancelled"
        end = "2026-10-31" if cancelled else ("2027-10-31" if pl.months == 12 else "2028-05-31")
        rows[
            out.row(
                [
                    _cn(pl, perturb),
                    cname,
                    ctype,
                    "No" if cancelled else "Yes",
                    _tx(pl, perturb),
                    str(pl.qty),
                    f"{pl.unit:.2f}",
                    case.currency,
                    "Yearly" if pl.months == 12 else "Monthly",
                    f"{_total(pl):.2f}",
                    fmt_date("2025-11-01" if pl.months == 12 else "2025-06-01", "us"),
                    fmt_date(end, "us"),
                    "No",
                ]
            )
        ] = pl
    out.save(folder / fn)
    return fn, rows, None


# P2 ------------------------------------------------------------------------------------------
def ninjaone_invoices_csv(case, folder, perturb):
    """NinjaOne billing – invoice line export: organisation + location, item name vs generic description
    (with a line break inside the quoted field), discount %, Voided invoices."""
    fn = "NinjaOne_Invoice_Lines_2026-11.csv"
    out = CsvOut()
    out.row(
        [
            "Invoice Number",
            "Organization",
            "Location",
            "Invoice Date",
            "Invoice Status",
            "Item Type",
            "Item Name",
            "Item Description",
            "Billing Period",
            "Quantity",
            "Unit Price",
            "Discount %",
            "Taxable",
            "Line Total",
            "Currency",
        ]
    )
    rows = {}
    inv = 5200
    for grp in by_client(case.plines, "ninja"):
        inv += 1
        for pl in grp:
            void = pl.role == "cancelled"
            typ = (
                "Product"
                if pl.key
                else ("Labor" if re.search(r"hour|Labour|Project", pl.text) else "Service")
            )
            desc = (
                (
                    "Per user licence\nBilled annually"
                    if pl.months == 12
                    else "Per user licence\nBilled monthly"
                )
                if pl.key
                else "Recurring service"
            )
            period = (
                "Nov 1, 2026 - Oct 31, 2027" if pl.months == 12 else "Nov 1, 2026 - Nov 30, 2026"
            )
            rows[
                out.row(
                    [
                        f"INV-{inv + (5000 if void else 0)}",
                        _cn(pl, perturb),
                        (pl.site and f"{pl.site} Office") or "",
                        "11/01/2026",
                        "Voided" if void else "Sent",
                        typ,
                        _tx(pl, perturb),
                        desc,
                        period,
                        str(pl.qty),
                        f"{pl.unit:.2f}",
                        f"{pl.discount:g}" if pl.discount else "0",
                        "Yes" if pl.key else "No",
                        f"{_total(pl):.2f}",
                        case.currency,
                    ]
                )
            ] = pl
    out.save(folder / fn)
    return fn, rows, None


# P3 ------------------------------------------------------------------------------------------
def _slug(s):
    return re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-")[:40]


def chargebee_invoice_lines_csv(case, folder, perturb):
    """Chargebee – invoices export with line items flattened: entity type plan/addon/charge, discount as an
    amount, date from/to, invoice status voided."""
    fn = "chargebee_invoices_line_items.csv"
    out = CsvOut()
    out.row(
        [
            "Invoice Number",
            "Invoice Date",
            "Status",
            "Customer Id",
            "Customer Company",
            "Customer Email",
            "Line Item Entity Type",
            "Line Item Entity Id",
            "Line Item Description",
            "Line Item Quantity",
            "Line Item Unit Amount",
            "Line Item Amount",
            "Line Item Discount Amount",
            "Line Item Tax Amount",
            "Line Item Date From",
            "Line Item Date To",
            "Currency Code",
        ]
    )
    rows = {}
    n = 9000
    for grp in by_client(case.plines, "cb"):
        n += 1
        first = True
        for pl in grp:
            if pl.key is None:
                et = "charge_item_price"
            elif first:
                et, first = "plan_item_price", False
            else:
                et = "addon_item_price"
            amount = (pl.unit * pl.qty).quantize(D("0.01"))
            disc = amount - _total(pl)
            ent = f"{_slug(_tx(pl, perturb))}-{case.currency}-{'Yearly' if pl.months == 12 else 'Monthly'}"
            rows[
                out.row(
                    [
                        str(n + (500 if pl.role == "cancelled" else 0)),
                        "2026-11-01",
                        "voided" if pl.role == "cancelled" else "paid",
                        f"cust_{pl.client.number}",
                        _cn(pl, perturb),
                        _email("billing", pl),
                        et,
                        ent,
                        _tx(pl, perturb),
                        str(pl.qty),
                        f"{pl.unit:.2f}",
                        f"{amount:.2f}",
                        f"{disc:.2f}",
                        "0.00",
                        "2026-11-01",
                        _end(pl),
                        case.currency,
                    ]
                )
            ] = pl
    out.save(folder / fn)
    return fn, rows, None


# P4 ------------------------------------------------------------------------------------------
def stripe_invoice_items_csv(case, folder, perturb):
    """Stripe – invoice line items export: quantity and price repeated in the generated description,
    lower-case currency, UTC timestamps, price interval month/year, void invoices."""
    fn = "invoice_line_items.csv"
    out = CsvOut()
    out.row(
        [
            "id",
            "Invoice ID",
            "Invoice Status",
            "Customer",
            "Customer Name",
            "Customer Email",
            "Description",
            "Quantity",
            "Unit Amount",
            "Amount",
            "Currency",
            "Period Start (UTC)",
            "Period End (UTC)",
            "Price Interval",
            "Proration",
        ]
    )
    rows = {}
    sym = SYM[case.currency]
    for i, pl in enumerate(shuffled(case.plines, "stripe")):
        interval = "year" if pl.months == 12 else "month"
        desc = f"{pl.qty} × {_tx(pl, perturb)} (at {sym}{pl.unit:,.2f} / {interval})"
        rows[
            out.row(
                [
                    f"il_1Q{i:06d}K",
                    f"in_1Q{pl.client.number:05d}{'V' if pl.role == 'cancelled' else 'A'}",
                    "void" if pl.role == "cancelled" else "paid",
                    f"cus_{pl.client.number:08d}",
                    _cn(pl, perturb),
                    _email("accounts", pl),
                    desc,
                    str(pl.qty),
                    f"{pl.unit:.2f}",
                    f"{_total(pl):.2f}",
                    case.currency.lower(),
                    "2026-11-01 00:00:00",
                    ("2027-11-01" if pl.months == 12 else "2026-12-01") + " 00:00:00",
                    interval,
                    "false",
                ]
            )
        ] = pl
    out.save(folder / fn)
    return fn, rows, None


# P5 ------------------------------------------------------------------------------------------
def odoo_invoice_lines_xlsx(case, folder, perturb):
    """Odoo – export of customer invoices with their lines: invoice fields only on the first line of each
    invoice, 'Company, Contact' partner names, '[REF] Product' display names, Disc.%, credit notes."""
    fn = "account.move.xlsx"
    wb = workbook(folder / fn)
    ws = wb.add_worksheet("Sheet1")
    hdr = [
        "Number",
        "Invoice Date",
        "Status",
        "Type",
        "Partner",
        "Invoice lines/Product",
        "Invoice lines/Label",
        "Invoice lines/Quantity",
        "Invoice lines/Unit Price",
        "Invoice lines/Disc.%",
        "Invoice lines/Subtotal",
        "Invoice lines/Recurring Plan",
        "Currency",
    ]
    ws.write_row(0, 0, hdr)
    rows = {}
    r = 0
    n = 310
    contacts = [
        "Anna Berg",
        "John Miller",
        "Sofie Jensen",
        "Pierre Martin",
        "Emma Smith",
        "Lars Olsen",
    ]
    for grp in by_client(case.plines, "odoo"):
        live = [p for p in grp if p.role != "cancelled"]
        dead = [p for p in grp if p.role == "cancelled"]
        for lines, state in ((live, "Posted"), (dead, "cancel")):
            if not lines:
                continue
            n += 1
            credit = state == "cancel" and n % 2 == 0
            first = True
            for pl in lines:
                r += 1
                if first:
                    partner = _cn(pl, perturb)
                    if n % 3 == 0:  # Odoo shows a contact person as 'Company, Contact'
                        partner = f"{partner}, {contacts[n % len(contacts)]}"
                    ws.write_row(
                        r,
                        0,
                        [
                            f"{'RINV' if credit else 'INV'}/2026/{n:05d}",
                            "2026-11-01",
                            "Posted"
                            if credit
                            else ("Cancelled" if state == "cancel" else "Posted"),
                            "Customer Credit Note" if credit else "Customer Invoice",
                            partner,
                        ],
                    )
                    first = False
                text = _tx(pl, perturb)
                prod = (
                    f"[{pl.client.number % 97:03d}-{len(text)}] {text}"
                    if (pl.key and n % 2)
                    else text
                )
                ws.write(r, 5, prod)
                ws.write(r, 6, text + (" (Nov 2026)" if pl.key and n % 5 == 0 else ""))
                ws.write_number(r, 7, pl.qty)
                ws.write_number(r, 8, float(pl.unit))
                ws.write_number(r, 9, float(pl.discount))
                ws.write_number(r, 10, float(_total(pl)))
                ws.write(r, 11, ("Yearly" if pl.months == 12 else "Monthly") if pl.key else "")
                ws.write(r, 12, case.currency)
                rows[r + 1] = pl
    wb.close()
    return fn, rows, None


# P6 ------------------------------------------------------------------------------------------
def sevdesk_csv(case, folder, perturb):
    """sevDesk (DE) – Rechnungspositionen: ';', decimal comma, Rabatt %, Einheit (Std. = labour),
    Leistungszeitraum as a date range, Storniert and Gutschrift documents."""
    fn = "sevdesk_rechnungspositionen.csv"
    out = CsvOut(delimiter=";")
    out.row(
        [
            "Rechnungsnr.",
            "Rechnungsdatum",
            "Kunde",
            "Kundennr.",
            "Status",
            "Pos.",
            "Artikel/Beschreibung",
            "Menge",
            "Einheit",
            "Einzelpreis (netto)",
            "Rabatt",
            "Gesamt (netto)",
            "USt.-Satz",
            "Währung",
            "Leistungszeitraum",
        ]
    )
    rows = {}
    n = 2026110
    for grp in by_client(case.plines, "sev"):
        n += 1
        for pos, pl in enumerate(grp, 1):
            if pl.role == "cancelled":
                status, nr = ("Storniert", f"RE-{n}S") if pos % 2 else ("Gutschrift", f"GS-{n}")
            else:
                status, nr = "Bezahlt" if n % 3 else "Offen", f"RE-{n}"
            unit = (
                "Stk."
                if pl.key
                else ("Std." if re.search(r"hour|Labour|block", pl.text) else "Pauschal")
            )
            rows[
                out.row(
                    [
                        nr,
                        "01.11.2026",
                        _cn(pl, perturb),
                        str(pl.client.number),
                        status,
                        str(pos),
                        _tx(pl, perturb),
                        str(pl.qty),
                        unit,
                        num(pl.unit, ",", "."),
                        f"{num(pl.discount, ',', '', 0)} %" if pl.discount else "",
                        num(_total(pl), ",", "."),
                        "19 %",
                        case.currency,
                        f"{fmt_date('2026-11-01', 'de')} - {fmt_date(_end(pl), 'de')}",
                    ]
                )
            ] = pl
    out.save(folder / fn, "utf-8-sig")
    return fn, rows, None


# P7 ------------------------------------------------------------------------------------------
def tripletex_csv(case, folder, perturb):
    """Tripletex (NO) – fakturalinjer: ';', decimal comma, non-breaking-space thousands, Rabatt %,
    Periode as dd.mm.yy–dd.mm.yy, Kreditert lines, windows-1252."""
    fn = "Fakturalinjer_november_2026.csv"
    out = CsvOut(delimiter=";")
    out.row(
        [
            "Fakturanr",
            "Fakturadato",
            "Kundenr",
            "Kundenavn",
            "Produktnr",
            "Produktnavn",
            "Antall",
            "Enhet",
            "Enhetspris",
            "Rabatt %",
            "Beløp eks. mva",
            "Mva-kode",
            "Valuta",
            "Periode",
            "Status",
        ]
    )
    rows = {}
    for pl in shuffled(case.plines, "tripletex"):
        pnr = (
            f"{abs(sum(map(ord, pl.text))) % 9000 + 1000}"
            if pl.key
            else f"T{abs(sum(map(ord, pl.text))) % 90 + 10}"
        )
        period = f"{fmt_date('2026-11-01', 'no')}\u2013{fmt_date(_end(pl), 'no')}"
        rows[
            out.row(
                [
                    f"{10400 + pl.client.number}",
                    "01.11.2026",
                    str(pl.client.number),
                    _cn(pl, perturb),
                    pnr,
                    _tx(pl, perturb),
                    str(pl.qty),
                    "stk" if pl.key else "timer" if "hour" in pl.text else "stk",
                    num(pl.unit, ",", "\u00a0"),
                    num(pl.discount, ",", "", 0),
                    num(_total(pl), ",", "\u00a0"),
                    "3",
                    case.currency,
                    period,
                    "Kreditert" if pl.role == "cancelled" else "Fakturert",
                ]
            )
        ] = pl
    text = out.buf.getvalue()
    with open(folder / fn, "wb") as f:
        f.write(text.encode("cp1252", errors="strict"))
    return fn, rows, None


# P8 ------------------------------------------------------------------------------------------
def gsheet_merged_xlsx(case, folder, perturb):
    """A hand-kept Google Sheets billing sheet downloaded as xlsx: client merged down its rows, blank spacer
    rows, seats with units ('12 users'), some prices typed as text with a currency sign, 'Annual' billing,
    CANCELLED in Notes, and last month's tab beside this month's."""
    fn = "MSP billing 2026.xlsx"
    wb = workbook(folder / fn)
    sym = SYM[case.currency]
    merge = wb.add_format({"valign": "top", "bold": True})
    money = wb.add_format({"num_format": "#,##0.00"})
    rows = {}
    for sheet, live in (("Nov 2026", True), ("Oct 2026", False)):
        ws = wb.add_worksheet(sheet)
        ws.merge_range(
            0,
            0,
            0,
            7,
            f"Monthly billing – {'November' if live else 'October'} 2026 ({case.currency})",
            merge,
        )
        ws.write_row(
            2,
            0,
            ["Client", "Site", "Item", "Seats", "Price/seat", "Billing", "Line total", "Notes"],
        )
        r = 3
        for gi, grp in enumerate(by_client(case.plines, "gs")):
            start = r
            for pl in grp:
                if not live and pl.role == "cancelled":
                    continue
                q = pl.qty if live else max(1, pl.qty - (gi % 2))
                ws.write(r, 1, pl.site)
                ws.write(r, 2, _tx(pl, perturb))
                if pl.key and (pl.client.number + r) % 4 == 0:
                    ws.write_string(r, 3, f"{q} users" if q != 1 else "1 user")
                else:
                    ws.write_number(r, 3, q)
                if (pl.client.number + r) % 5 == 0:
                    ws.write_string(
                        r,
                        4,
                        f"{pl.unit:,.2f} {sym}"
                        if case.currency == "PLN"
                        else f"{sym}{pl.unit:,.2f}",
                    )
                else:
                    ws.write_number(r, 4, float(pl.unit), money)
                ws.write(r, 5, "Annual (invoiced Nov)" if pl.months == 12 else "Monthly")
                ws.write_number(r, 6, float(0 if pl.role == "cancelled" else (pl.unit * q)), money)
                ws.write(r, 7, "CANCELLED 31/10 - do not bill" if pl.role == "cancelled" else "")
                if live:
                    rows[r + 1] = pl
                r += 1
            name = _cn(grp[0], perturb)
            if r - start > 1:
                ws.merge_range(start, 0, r - 1, 0, name, merge)
            elif r - start == 1:
                ws.write(start, 0, name, merge)
            r += 1  # spacer row
    wb.close()
    return fn, rows, "Nov 2026"


PSAS = {
    "atera_contracts_csv": (atera_contracts_csv, {"discount": False}),
    "ninjaone_invoices_csv": (ninjaone_invoices_csv, {"discount": True}),
    "chargebee_invoice_lines_csv": (chargebee_invoice_lines_csv, {"discount": True}),
    "stripe_invoice_items_csv": (stripe_invoice_items_csv, {"discount": False}),
    "odoo_invoice_lines_xlsx": (odoo_invoice_lines_xlsx, {"discount": True}),
    "sevdesk_csv": (sevdesk_csv, {"discount": True}),
    "tripletex_csv": (tripletex_csv, {"discount": True}),
    "gsheet_merged_xlsx": (gsheet_merged_xlsx, {"discount": False}),
}


# P9 ------------------------------------------------------------------------------------------
def salesforce_opportunity_products_csv(case, folder, perturb):
    """Salesforce report export 'Opportunities with Products' (details only): money as 'USD 31.00' in a
    multi-currency org, Stage Closed Won / Closed Lost, Discount %, a custom Billing Frequency field, and the
    report footer (Grand Totals, copyright, confidentiality, generated-by lines) under the data."""
    fn = "report1764669600000.csv"
    out = CsvOut(quoting=1)
    out.row(
        [
            "Account Name",
            "Opportunity Name",
            "Stage",
            "Close Date",
            "Product Name",
            "Product Code",
            "Quantity",
            "Sales Price",
            "Discount",
            "Total Price",
            "Billing Frequency",
            "Contract Start Date",
        ]
    )
    rows = {}
    cur = case.currency
    for pl in shuffled(case.plines, "sfdc"):
        lost = pl.role == "cancelled"
        rows[
            out.row(
                [
                    _cn(pl, perturb),
                    f"{_cn(pl, perturb).strip()} - Renewal 2026",
                    "Closed Lost" if lost else "Closed Won",
                    "10/28/2026",
                    _tx(pl, perturb),
                    "" if not pl.key else f"MSP-{abs(sum(map(ord, pl.text))) % 900 + 100}",
                    f"{pl.qty:.2f}",
                    f"{cur} {pl.unit:,.2f}",
                    f"{pl.discount:.2f}%" if pl.discount else "",
                    f"{cur} {_total(pl):,.2f}",
                    "Annual" if pl.months == 12 else "Monthly",
                    "11/1/2026",
                ]
            )
        ] = pl
    out.row([""])
    out.row([f"Grand Totals ({len(case.plines)} records)"])
    out.row([""])
    out.row(["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."])
    out.row(["Confidential Information - Do Not Distribute"])
    out.row(["Generated By:  Dana Whitaker  12/2/2026 9:00 AM"])
    out.row(["Northwind Managed IT"])
    out.save(folder / fn)
    return fn, rows, None


# P10 -----------------------------------------------------------------------------------------
def dynamics_gp_sop_xlsx(case, folder, perturb):
    """Microsoft Dynamics GP SmartList 'Sales Line Items' exported to Excel: fixed-width char fields padded
    with trailing spaces, SOP Type Invoice / Return (a return credits the line), Void Status, U Of M
    MONTH / YEAR (a YEAR line covers twelve months), Item Number vs Item Description."""
    fn = "SmartList Sales Line Items.xlsx"
    wb = workbook(folder / fn)
    ws = wb.add_worksheet("Sales Line Items")
    hdr = [
        "SOP Type",
        "SOP Number",
        "Document Date",
        "Customer Number",
        "Customer Name",
        "Item Number",
        "Item Description",
        "U Of M",
        "QTY",
        "Unit Price",
        "Extended Price",
        "Void Status",
        "Currency ID",
    ]
    ws.write_row(0, 0, hdr)
    rows = {}
    datef = wb.add_format({"num_format": "m/d/yyyy"})
    for r, pl in enumerate(shuffled(case.plines, "gp"), 1):
        ret = pl.role == "cancelled" and r % 2 == 0
        void = pl.role == "cancelled" and not ret
        item = (
            f"LIC-{abs(sum(map(ord, pl.text))) % 9000 + 1000}"
            if pl.key
            else f"SVC-{abs(sum(map(ord, pl.text))) % 900 + 100}"
        )
        ws.write_row(
            r, 0, ["Return" if ret else "Invoice", f"{'RTN' if ret else 'INV'}{20260000 + r:011d}"]
        )
        ws.write_datetime(r, 2, dt.datetime(2026, 11, 1), datef)
        ws.write_row(
            r,
            3,
            [
                f"{pl.client.number:<15}",
                f"{_cn(pl, perturb):<65}",
                f"{item:<31}",
                f"{_tx(pl, perturb):<101}",
                "YEAR" if pl.months == 12 else ("MONTH" if pl.key else "EACH"),
            ],
        )
        ws.write_number(r, 8, pl.qty)
        ws.write_number(r, 9, float(pl.unit))
        ws.write_number(r, 10, float(_total(pl)))
        ws.write_row(r, 11, ["Voided" if void else "Normal", f"{case.currency}{'':<5}"])
        rows[r + 1] = pl
    wb.close()
    return fn, rows, None


PSAS.update(
    {
        "salesforce_opportunity_products_csv": (
            salesforce_opportunity_products_csv,
            {"discount": True},
        ),
        "dynamics_gp_sop_xlsx": (dynamics_gp_sop_xlsx, {"discount": False}),
    }
)


# P11 -----------------------------------------------------------------------------------------
def twinfield_csv(case, folder, perturb):
    """Twinfield (NL) – verkoopfacturen with their lines: ';', decimal comma, amounts always positive with a
    D/C (debet/credit) column (a credit note's lines are C), Relatie code + Naam, Grootboekrekening 8000/8100
    (licences vs services), Periode 2026/11, Status Definitief / Vervallen."""
    fn = "Twinfield_verkoopfactuurregels_2026-11.csv"
    out = CsvOut(delimiter=";")
    out.row(
        [
            "Factuurnummer",
            "Factuurdatum",
            "Periode",
            "Relatie",
            "Naam",
            "Grootboekrekening",
            "Artikel",
            "Omschrijving",
            "Aantal",
            "Prijs",
            "Korting %",
            "Bedrag excl. btw",
            "D/C",
            "Btw-code",
            "Valuta",
            "Status",
            "Termijn",
        ]
    )
    rows = {}
    for grp in by_client(case.plines, "twinfield"):
        for i, pl in enumerate(grp):
            credit = pl.role == "cancelled" and i % 2 == 0
            void = pl.role == "cancelled" and not credit
            rows[
                out.row(
                    [
                        f"{'CN' if credit else 'VF'}{26110 + pl.client.number}",
                        "01-11-2026",
                        "2026/11",
                        f"{pl.client.number:05d}",
                        _cn(pl, perturb),
                        "8000" if pl.key else "8100",
                        "LIC" if pl.key else "DV",
                        _tx(pl, perturb),
                        num(D(pl.qty), ",", "", 0),
                        num(pl.unit, ",", "."),
                        num(pl.discount, ",", "", 0),
                        num(_total(pl), ",", "."),
                        "C" if credit else "D",
                        "VH",
                        case.currency,
                        "Vervallen" if void else "Definitief",
                        "jaar" if pl.months == 12 else "maand",
                    ]
                )
            ] = pl
    out.save(folder / fn, "utf-8-sig")
    return fn, rows, None


# P12 -----------------------------------------------------------------------------------------
def salesbuildr_recurring_csv(case, folder, perturb):
    """Salesbuildr / quote-tool recurring lines synced from won quotes: Category (Microsoft Licenses,
    Software, Managed Services, Labor), Recurring Interval Monthly / Annually, Quote Status Won / Lost /
    Expired (only Won is billed), the MSP's unit cost beside the unit price and a margin %, a one-off setup
    fee line in some quotes."""
    fn = "salesbuildr_recurring_products.csv"
    out = CsvOut()
    out.row(
        [
            "Company",
            "Contact",
            "Quote #",
            "Quote Status",
            "Category",
            "Product",
            "SKU",
            "Quantity",
            "Unit Cost",
            "Unit Price",
            "Margin %",
            "Recurring Interval",
            "Line Total",
            "Currency",
        ]
    )
    rows = {}
    from . import catalog as C
    from .scenario import PLine

    for grp in by_client(case.plines, "sb"):
        lines = list(grp)
        if (
            grp[0].client.number % 3 == 0
        ):  # the quote's one-off onboarding fee sits among the recurring lines
            lines.insert(
                1,
                PLine(
                    grp[0].client,
                    None,
                    "Onboarding setup fee",
                    "Onboarding setup fee",
                    1,
                    D("250.00"),
                    1,
                    "service",
                ),
            )
        for pl in lines:
            status = (
                ("Lost" if pl.client.number % 2 else "Expired") if pl.role == "cancelled" else "Won"
            )
            if pl.key:
                ms = pl.text.startswith(("Microsoft", "Office", "Exchange", "Power", "Visio"))
                cat = "Microsoft Licenses" if ms else "Software"
                cost = D(C.PRODUCTS[pl.key][2]) * pl.months
                margin = f"{(pl.unit - cost) / pl.unit * 100:.1f}"
                interval = "Annually" if pl.months == 12 else "Monthly"
            else:
                cat = (
                    "Labor"
                    if re.search(r"hour|Labour|block|Project", pl.text)
                    else "Managed Services"
                )
                cost, margin = None, ""
                interval = "One-time" if pl.text.startswith("Onboarding") else "Monthly"
            rows[
                out.row(
                    [
                        _cn(pl, perturb),
                        "",
                        f"Q-{pl.client.number}-{'L' if pl.role == 'cancelled' else 'W'}",
                        status,
                        cat,
                        _tx(pl, perturb),
                        "",
                        str(pl.qty),
                        f"{cost:.2f}" if cost else "",
                        f"{pl.unit:.2f}",
                        margin,
                        interval,
                        f"{_total(pl):.2f}",
                        case.currency,
                    ]
                )
            ] = pl
    out.save(folder / fn)
    return fn, rows, None


PSAS.update(
    {
        "twinfield_csv": (twinfield_csv, {"discount": True}),
        "salesbuildr_recurring_csv": (salesbuildr_recurring_csv, {"discount": False}),
    }
)
