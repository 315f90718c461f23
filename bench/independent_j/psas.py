"""PSA / accounting exports: eight layouts none of the other sets write, each with its traps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from itertools import groupby
from pathlib import Path
from typing import Any

from .catalogue import BY_NAME
from .scenario import PLine, PsaSpec, Scenario
from .writers import num, write_text, write_xlsx

Rows = list[list[Any]]
Result = tuple[str, dict[int, int], dict[int, int]]  # file, line id -> row, echo row -> line id


def _groups(sc: Scenario) -> list[tuple[str, list[PLine]]]:
    return [(k, list(g)) for k, g in groupby(sc.plines, key=lambda p: p.client)]


def _name(sc: Scenario, client: str) -> str:
    return sc.psa_names[client][1]


def _code(sc: Scenario, client: str) -> str:
    return next(c.code for c in sc.customers if c.name == client)


def _net_total(sc: Scenario, p: PLine) -> Decimal:
    return (sc.net(p) * p.qty).quantize(Decimal(1).scaleb(-sc.dp))


def _cancelled_status(p: PLine) -> bool:
    return p.role == "cancelled"


# 1 ------------------------------------------------------------ ITFlow recurring invoices (CSV)


def itflow_csv(sc: Scenario, folder: Path) -> Result:
    rows: Rows = [
        [
            "Client Name",
            "Recurring Number",
            "Scope",
            "Frequency",
            "Status",
            "Start Date",
            "Next Date",
            "Item Name",
            "Item Description",
            "Item Quantity",
            "Item Price",
            "Item Tax",
            "Item Total",
            "Currency",
        ]
    ]
    where: dict[int, int] = {}
    n = 100
    for client, lines in _groups(sc):
        numbers: dict[tuple[str, bool], int] = {}
        for p in lines:
            key = (p.billing, p.role == "cancelled")
            if key not in numbers:
                n += 1
                numbers[key] = n
            scope = "Licences & services" if p.billing == "monthly" else "Annual licences"
            desc = {"service": "Managed service", "cancelled": "Replaced by new subscription"}.get(
                p.role, ["", "User licence", "Cloud subscription", "Per user"][p.id % 4]
            )
            rows.append(
                [
                    _name(sc, client),
                    f"REC-{numbers[key]}",
                    scope,
                    "year" if p.billing == "annual" else "month",
                    "Inactive" if p.role == "cancelled" else "Active",
                    p.start.isoformat(),
                    ""
                    if p.role == "cancelled"
                    else ("2027-11-01" if p.billing == "annual" else "2026-12-01"),
                    p.text,
                    desc,
                    p.qty,
                    num(p.unit, sc.dp),
                    "0.00",
                    num(_net_total(sc, p), sc.dp),
                    sc.currency,
                ]
            )
            where[p.id] = len(rows)
    write_text(folder / "recurring_invoices.csv", rows)
    return "recurring_invoices.csv", where, {}


# 2 ------------------------------------------------------------ Tigerpaw agreement billing (xlsx)


def tigerpaw_xlsx(sc: Scenario, folder: Path) -> Result:
    rows: Rows = [
        ["Tigerpaw One - Service Agreement Billing Detail"],
        ["Billing period: 11/01/2026 - 11/30/2026", "", "", f"Currency: {sc.currency}"],
        [],
        [
            "Agreement #",
            "Item #",
            "Description",
            "Qty",
            "Unit Price",
            "Extended Price",
            "Bill Cycle",
            "Status",
            "Cancel Date",
        ],
    ]
    where: dict[int, int] = {}
    grand = Decimal(0)
    for client, lines in _groups(sc):
        rows.append([f"Account: {_name(sc, client)} (#{_code(sc, client)[1:]})"])
        total = Decimal(0)
        agreement = f"SA-{_code(sc, client)[1:]}-26"
        for i, p in enumerate(lines, 1):
            status, cancel = "Active", None
            if p.role == "cancelled":
                status = "Cancelled" if p.id % 2 else "Active"  # half show only the date
                cancel = p.end
            ext = _net_total(sc, p)
            rows.append(
                [
                    agreement,
                    f"{i:03d}",
                    f"{p.text}\nCovers 11/01/2026 - 11/30/2026",
                    p.qty,
                    p.unit,
                    ext,
                    "Annual" if p.billing == "annual" else "Monthly",
                    status,
                    cancel,
                ]
            )
            where[p.id] = len(rows)
            if p.role != "cancelled":
                total += ext
        rows.append(["", "", "Account Total", "", "", total])
        grand += total
    rows.append(["", "", "Grand Total", "", "", grand])
    write_xlsx(
        folder / "agreement_billing.xlsx",
        [
            {
                "name": "Agreement Billing",
                "rows": rows,
                "date_format": "mm/dd/yyyy",
                "formats": {4: "#,##0.00", 5: "#,##0.00"},
                "merges": ["A1:I1"],
                "bold_rows": [4],
            }
        ],
    )
    return "agreement_billing.xlsx", where, {}


# 3 ------------------------------------------------------------ Bexio (CH) invoice positions


def _apos(value: Decimal, dp: int) -> str:
    return num(value, dp, ".", "'")


def bexio_csv(sc: Scenario, folder: Path) -> Result:
    rows: Rows = [
        [
            "Rechnungsnr.",
            "Kontakt",
            "Datum",
            "Status",
            "Abo-Intervall",
            "Position",
            "Menge",
            "Einzelpreis",
            "Rabatt %",
            "Total exkl. MWST",
            "MWST %",
            "Total inkl. MWST",
            "Währung",
        ]
    ]
    where: dict[int, int] = {}
    for client, lines in _groups(sc):
        for p in lines:
            net = _net_total(sc, p)
            gross = (net * Decimal("1.081")).quantize(Decimal(1).scaleb(-sc.dp))
            unit = "Jahr" if p.billing == "annual" else ["Stk.", "Lizenz(en)", "Benutzer"][p.id % 3]
            if p.role == "service":
                unit = "Std." if "Stunden" in p.text else "Pauschale"
            status = "Storniert" if p.role == "cancelled" else ("Bezahlt" if p.id % 3 else "Offen")
            rows.append(
                [
                    p.invoice.replace("INV-", "RE-"),
                    _name(sc, client),
                    "01.11.2026",
                    status,
                    "jährlich" if p.billing == "annual" else "monatlich",
                    p.text,
                    f"{p.qty} {unit}",
                    _apos(p.unit, sc.dp),
                    num(p.discount, 0) if p.discount else "",
                    _apos(net, sc.dp),
                    "8.1",
                    _apos(gross, sc.dp),
                    sc.currency,
                ]
            )
            where[p.id] = len(rows)
    write_text(folder / "bexio_positionen.csv", rows, delimiter=";")
    return "bexio_positionen.csv", where, {}


# 4 ------------------------------------------------------------ Fiken (NO): credited invoices


def _nok(value: Decimal, dp: int) -> str:
    return num(value, dp, ",", "\u00a0")


def fiken_csv(sc: Scenario, folder: Path) -> Result:
    rows: Rows = [
        [
            "Fakturanr",
            "Type",
            "Kunde",
            "Kundenr",
            "Fakturadato",
            "Status",
            "Produkt",
            "Beskrivelse",
            "Antall",
            "Enhet",
            "Periode",
            "Pris",
            "Rabatt %",
            "MVA %",
            "Netto",
            "MVA",
            "Brutto",
            "Gjelder faktura",
        ]
    ]
    where: dict[int, int] = {}
    echo: dict[int, int] = {}
    credit_notes: list[tuple[PLine, str]] = []
    for client, lines in _groups(sc):
        for p in lines:
            net = _net_total(sc, p)
            vat = (net * Decimal("0.25")).quantize(Decimal(1).scaleb(-sc.dp))
            unit = (
                "år" if p.billing == "annual" else ("timer" if "timer" in p.text.lower() else "stk")
            )
            period = "11.2026–10.2027" if p.billing == "annual" else "11.2026"
            status = "Kreditert" if p.role == "cancelled" else ("Betalt" if p.id % 2 else "Ubetalt")
            no = p.invoice.replace("INV-", "")
            rows.append(
                [
                    no,
                    "Faktura",
                    _name(sc, client),
                    _code(sc, client)[1:],
                    "01.11.2026",
                    status,
                    p.text,
                    "Årslisens" if p.billing == "annual" else "Månedlig abonnement",
                    p.qty,
                    unit,
                    period,
                    _nok(p.unit, sc.dp),
                    num(p.discount, 0) if p.discount else "0",
                    "25",
                    _nok(net, sc.dp),
                    _nok(vat, sc.dp),
                    _nok(net + vat, sc.dp),
                    "",
                ]
            )
            where[p.id] = len(rows)
            if p.role == "cancelled":
                credit_notes.append((p, no))
    for p, no in credit_notes:  # the credit notes that cancel them, at the end of the export
        net = _net_total(sc, p)
        vat = (net * Decimal("0.25")).quantize(Decimal(1).scaleb(-sc.dp))
        rows.append(
            [
                f"K{no}",
                "Kreditnota",
                _name(sc, p.client),
                _code(sc, p.client)[1:],
                "05.11.2026",
                "Kreditnota",
                p.text,
                f"Kreditering av faktura {no}",
                -p.qty,
                "stk",
                "11.2026",
                _nok(p.unit, sc.dp),
                "0",
                "25",
                _nok(-net, sc.dp),
                _nok(-vat, sc.dp),
                _nok(-net - vat, sc.dp),
                no,
            ]
        )
        echo[len(rows)] = p.id
    write_text(folder / "fiken_fakturalinjer.csv", rows, delimiter=";")
    return "fiken_fakturalinjer.csv", where, echo


# 5 ------------------------------------------------------------ Gradient MSP Synthesize (CSV)

BRAND = {
    "microsoft": "Microsoft",
    "sophos": "Sophos",
    "adobe": "Adobe",
    "keeper": "Keeper Security",
    "google": "Google",
    "proofpoint": "Proofpoint",
}


def gradient_csv(sc: Scenario, folder: Path) -> Result:
    vq: dict[tuple[str, str], int] = {}
    for v in sc.vlines:
        if v.role != "free":
            vq[(v.client, v.product)] = vq.get((v.client, v.product), 0) + v.qty
    rows: Rows = [
        [
            "Account Name",
            "Vendor",
            "Service Name",
            "Billing Frequency",
            "Vendor Quantity",
            "PSA Quantity",
            "Unit Price",
            "PSA Total",
            "Variance",
            "Status",
        ]
    ]
    where: dict[int, int] = {}
    shown: set[tuple[str, str]] = set()
    for client, lines in _groups(sc):
        for p in lines:
            key = (client, p.product)
            vendor = BRAND[BY_NAME[p.product].brand] if p.product in BY_NAME else "Internal"
            vqty: Any = ""
            if p.role == "licence" and key in vq and key not in shown:
                vqty = vq[key]
                shown.add(key)
            rows.append(
                [
                    _name(sc, client),
                    vendor,
                    p.text,
                    "Annually" if p.billing == "annual" else "Monthly",
                    vqty,
                    p.qty,
                    num(p.unit, sc.dp),
                    num(_net_total(sc, p), sc.dp),
                    (p.qty - vqty) if vqty != "" else "",
                    "Cancelled" if p.role == "cancelled" else "Active",
                ]
            )
            where[p.id] = len(rows)
    write_text(folder / "synthesize_billing.csv", rows)
    return "synthesize_billing.csv", where, {}


# 6 ------------------------------------------------------------ Wave invoice items (CSV)


def wave_csv(sc: Scenario, folder: Path) -> Result:
    rows: Rows = [
        [
            "Invoice Number",
            "Customer",
            "Invoice Date",
            "Due Date",
            "Status",
            "Repeats",
            "Product/Service",
            "Description",
            "Quantity",
            "Price",
            "Amount",
            "Tax",
            "Amount incl. Tax",
            "Currency",
        ]
    ]
    where: dict[int, int] = {}
    for client, lines in _groups(sc):
        for p in lines:
            amount = _net_total(sc, p)
            tax = (amount * Decimal("0.13")).quantize(Decimal(1).scaleb(-sc.dp))
            status = "Void" if p.role == "cancelled" else ["Paid", "Sent", "Overdue"][p.id % 3]
            rows.append(
                [
                    p.invoice.replace("INV-", ""),
                    _name(sc, client),
                    "2026-11-01",
                    "2026-11-30",
                    status,
                    "Yearly" if p.billing == "annual" else "Monthly",
                    p.text,
                    "" if p.id % 2 else "Nov 2026",
                    p.qty,
                    num(p.unit, sc.dp, ".", ","),
                    num(amount, sc.dp, ".", ","),
                    num(tax, sc.dp, ".", ","),
                    num(amount + tax, sc.dp, ".", ","),
                    sc.currency,
                ]
            )
            where[p.id] = len(rows)
    write_text(folder / "wave_invoice_items.csv", rows, quote_all=True)
    return "wave_invoice_items.csv", where, {}


# 7 ------------------------------------------------------------ Dolibarr (FR) invoice lines


def _fr(value: Decimal, dp: int) -> str:
    return num(value, dp, ",", "\u202f")


def dolibarr_csv(sc: Scenario, folder: Path) -> Result:
    rows: Rows = [
        [
            "Réf. facture",
            "Tiers",
            "Date facturation",
            "État",
            "Fréquence",
            "Produit/service",
            "Description",
            "Qté",
            "Unité",
            "P.U. HT",
            "Réduc. (%)",
            "Total HT",
            "Taux TVA",
            "Total TTC",
        ]
    ]
    where: dict[int, int] = {}
    for client, lines in _groups(sc):
        for p in lines:
            ht = _net_total(sc, p)
            ttc = (ht * Decimal("1.2")).quantize(Decimal(1).scaleb(-sc.dp))
            state = "Abandonnée" if p.role == "cancelled" else ("Payée" if p.id % 2 else "Impayée")
            unit = (
                "utilisateur(s)"
                if p.role == "licence"
                else ("heure(s)" if "Heures" in p.text else "forfait")
            )
            rows.append(
                [
                    p.invoice.replace("INV-", "FA2611-"),
                    _name(sc, client),
                    "01/11/2026",
                    state,
                    "annuelle" if p.billing == "annual" else "mensuelle",
                    p.text,
                    f"Abonnement novembre 2026<br>Réf. contrat CT-{_code(sc, client)[1:]}",
                    p.qty,
                    unit,
                    _fr(p.unit, sc.dp),
                    num(p.discount, 0) if p.discount else "0",
                    _fr(ht, sc.dp),
                    "20 %",
                    _fr(ttc, sc.dp),
                ]
            )
            where[p.id] = len(rows)
    write_text(folder / "dolibarr_lignes_factures.csv", rows, delimiter=";", bom=True)
    return "dolibarr_lignes_factures.csv", where, {}


# 8 ------------------------------------------------------------ ERPNext Sales Invoice Item (xlsx)


def erpnext_xlsx(sc: Scenario, folder: Path) -> Result:
    rows: Rows = [
        [
            "Sales Invoice",
            "Posting Date",
            "Status",
            "Customer",
            "Customer Name",
            "Item Code",
            "Item Name",
            "Description",
            "Qty",
            "UOM",
            "Price List Rate",
            "Discount Percentage",
            "Rate",
            "Amount",
            "Billing Interval",
            "Currency",
        ]
    ]
    where: dict[int, int] = {}
    codes: dict[str, str] = {}
    for client, lines in _groups(sc):
        for p in lines:
            code = codes.setdefault(p.text, f"ITEM-{len(codes) + 1:05d}")
            rate = sc.net(p).quantize(Decimal(1).scaleb(-sc.dp))
            status = (
                "Cancelled" if p.role == "cancelled" else ["Paid", "Unpaid", "Overdue"][p.id % 3]
            )
            rows.append(
                [
                    p.invoice.replace("INV-", "ACC-SINV-2026-"),
                    date(2026, 11, 1),
                    status,
                    f"CUST-{_code(sc, client)[1:]}",
                    _name(sc, client),
                    code,
                    p.text,
                    f'<div class="ql-editor"><p>{p.text}</p><p>Period: Nov 2026</p></div>',
                    p.qty,
                    "Year" if p.billing == "annual" else "Nos",
                    p.unit,
                    p.discount,
                    rate,
                    _net_total(sc, p),
                    "Year" if p.billing == "annual" else "Month",
                    sc.currency,
                ]
            )
            where[p.id] = len(rows)
    write_xlsx(
        folder / "Sales Invoice Item.xlsx",
        [
            {
                "name": "Sales Invoice Item",
                "rows": rows,
                "date_format": "yyyy-mm-dd",
                "formats": {10: "#,##0.00", 12: "#,##0.00", 13: "#,##0.00"},
            }
        ],
    )
    return "Sales Invoice Item.xlsx", where, {}


# 9 ------------------------------------------------------------ Procountor (FI) sales invoice rows


def procountor_csv(sc: Scenario, folder: Path) -> Result:
    rows: Rows = [
        ["Myyntilaskujen rivit 1.11.2026–30.11.2026"],
        [
            "Laskun numero",
            "Asiakas",
            "Y-tunnus",
            "Laskun päivä",
            "Tila",
            "Tuote",
            "Tuotekoodi",
            "Määrä",
            "Yksikkö",
            "À-hinta",
            "Ale %",
            "ALV %",
            "Veroton yhteensä",
            "Verollinen yhteensä",
            "Laskutusväli",
            "Valuutta",
        ],
    ]
    where: dict[int, int] = {}
    codes: dict[str, str] = {}
    for client, lines in _groups(sc):
        for p in lines:
            net = _net_total(sc, p)
            gross = (net * Decimal("1.255")).quantize(Decimal(1).scaleb(-sc.dp))
            state = (
                "Mitätöity" if p.role == "cancelled" else ("Maksettu" if p.id % 2 else "Lähetetty")
            )
            unit = (
                "kpl"
                if p.role == "licence" and p.id % 3
                else ("käyttäjä" if p.role == "licence" else "h")
            )
            code = codes.setdefault(p.text, f"T{len(codes) + 100}")
            rows.append(
                [
                    p.invoice.replace("INV-", ""),
                    _name(sc, client),
                    f"{_code(sc, client)[1:]}-5",
                    "1.11.2026",
                    state,
                    p.text,
                    code,
                    num(Decimal(p.qty), 2, ","),
                    unit,
                    num(p.unit, sc.dp, ",", " "),
                    num(p.discount, 1, ",") if p.discount else "",
                    "25,5",
                    num(net, sc.dp, ",", " "),
                    num(gross, sc.dp, ",", " "),
                    "12 kk" if p.billing == "annual" else "1 kk",
                    sc.currency,
                ]
            )
            where[p.id] = len(rows)
    write_text(folder / "myyntilaskurivit.csv", rows, delimiter=";", newline="\r\n")
    return "myyntilaskurivit.csv", where, {}


# 10 ----------------------------------------------------------- Maxio (Chargify) subscriptions


def maxio_csv(sc: Scenario, folder: Path) -> Result:
    """Component billing: every row's Product is the client's plan; the licence is the Component."""
    rows: Rows = [
        [
            "Customer Name",
            "Customer Reference",
            "Subscription ID",
            "State",
            "Product",
            "Product Price Interval",
            "Component Name",
            "Component Kind",
            "Allocated Quantity",
            "Unit Price",
            "Component MRR",
            "Canceled At",
            "Currency",
        ]
    ]
    where: dict[int, int] = {}
    for client, lines in _groups(sc):
        for p in lines:
            interval = "12 months" if p.billing == "annual" else "1 month"
            plan = (
                "Managed IT - Annual Licences" if p.billing == "annual" else "Managed IT - Monthly"
            )
            state = "canceled" if p.role == "cancelled" else "active"
            mrr = sc.net(p) * p.qty / (12 if p.billing == "annual" else 1)
            rows.append(
                [
                    _name(sc, client),
                    f"ref-{_code(sc, client)[1:]}",
                    f"{9000000 + p.id * 13}",
                    state,
                    plan,
                    interval,
                    p.text,
                    "per_unit" if p.role != "service" else "quantity_based",
                    p.qty,
                    num(p.unit, sc.dp),
                    num(mrr.quantize(Decimal("0.01")), 2),
                    "2026-10-31T23:59:59Z" if p.role == "cancelled" else "",
                    sc.currency,
                ]
            )
            where[p.id] = len(rows)
    write_text(folder / "maxio_subscription_components.csv", rows)
    return "maxio_subscription_components.csv", where, {}


Renderer = Callable[[Scenario, Path], Result]

PSAS: dict[str, tuple[PsaSpec, Renderer, Callable[[Decimal, int], str]]] = {
    "itflow_csv": (PsaSpec("en", cancel="status"), itflow_csv, lambda v, dp: num(v, dp)),
    "tigerpaw_xlsx": (
        PsaSpec("en", cancel="end_date"),
        tigerpaw_xlsx,
        lambda v, dp: num(v, dp, ".", ","),
    ),
    "bexio_csv": (PsaSpec("de", discount=True, cancel="void_invoice"), bexio_csv, _apos),
    "fiken_csv": (
        PsaSpec("no", discount=True, cancel="void_invoice"),
        fiken_csv,
        lambda v, dp: num(v, dp, ",", " "),
    ),
    "gradient_csv": (PsaSpec("en", cancel="status"), gradient_csv, lambda v, dp: num(v, dp)),
    "wave_csv": (
        PsaSpec("en", cancel="void_invoice"),
        wave_csv,
        lambda v, dp: num(v, dp, ".", ","),
    ),
    "dolibarr_csv": (
        PsaSpec("fr", discount=True, cancel="void_invoice"),
        dolibarr_csv,
        lambda v, dp: num(v, dp, ",", " "),
    ),
    "procountor_csv": (
        PsaSpec("fi", discount=True, cancel="void_invoice"),
        procountor_csv,
        lambda v, dp: num(v, dp, ",", " "),
    ),
    "maxio_csv": (PsaSpec("en", cancel="status"), maxio_csv, lambda v, dp: num(v, dp)),
    "erpnext_xlsx": (
        PsaSpec("en", discount=True, cancel="void_invoice"),
        erpnext_xlsx,
        lambda v, dp: num(v, dp),
    ),
}
