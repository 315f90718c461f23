"""Vendor bills: distributors and Microsoft, each rendered the way its export looks.

Column names follow the public documentation or the common shape of that distributor's invoice
exports (see README for sources and assumptions). Every format carries the MSP's real unit cost,
either as a unit cost column or as a line total with the quantity.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from pathlib import Path

from .render import Rendered, dmy, iso, mdy, num
from .scenario import Scenario, VLine
from .writers import Cell, Sheet, write_csv, write_xls, write_xlsx

INVOICE_DATE = date(2026, 10, 1)


def _name(v: VLine, perturb: bool) -> str:
    return v.client.vendor_name if perturb else v.client.canonical


def _order(sc: Scenario, perturb: bool) -> list[int]:
    return sorted(
        range(len(sc.vlines)),
        key=lambda i: (
            _name(sc.vlines[i], perturb).casefold(),
            sc.vlines[i].product.name,
            sc.vlines[i].sub_id,
        ),
    )


def _ms(v: VLine) -> bool:
    return v.product.publisher == "Microsoft"


def _term(v: VLine) -> str:
    if v.annual:
        return "Annual"
    return "Annual (billed monthly)" if v.term_months == 12 else "Monthly"


def _total(v: VLine) -> Decimal:
    return v.unit * v.qty


# --------------------------------------------------------------------------- Westcoast (UK) xlsx


def westcoast_uk_xlsx(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """Westcoast Cloud invoice detail: a Summary sheet first, the lines on 'Invoice Detail'."""
    head = [
        "Invoice No",
        "Invoice Date",
        "End Customer",
        "Customer Reference",
        "Vendor",
        "Part No",
        "Description",
        "Term",
        "Billing Frequency",
        "Period From",
        "Period To",
        "Qty",
        "Unit Price (ex VAT)",
        "Line Total (ex VAT)",
        "VAT Code",
    ]
    rows: list[list[Cell]] = [
        ["Westcoast Cloud - Invoice Detail"],
        ["Account: WC-40021  Northlight IT Services Ltd"],
        [],
        list[Cell](head),
    ]
    rendered = Rendered("vendor.xlsx", "Invoice Detail")
    net = Decimal(0)
    for i in _order(sc, perturb):
        v = sc.vlines[i]
        desc = (
            f"{v.product.name} (NCE) - {'1 Year' if v.term_months == 12 else '1 Month'} Commit"
            if _ms(v)
            else f"{v.product.publisher} {v.product.name.removeprefix(v.product.publisher).strip()}"
        )
        if v.role == "credit":
            desc = "CREDIT: " + desc + " - seat reduction"
        rows.append(
            [
                "WCI-884213",
                INVOICE_DATE,
                _name(v, perturb),
                v.client.number.replace("C", "WC-C"),
                v.product.publisher,
                v.product.sku,
                desc,
                "12 Months" if v.term_months == 12 else "1 Month",
                "Annual" if v.annual else "Monthly",
                v.start,
                v.end,
                v.qty,
                v.unit,
                _total(v),
                "S20",
            ]
        )
        rendered.rows[i] = len(rows)
        net += _total(v)
    rows.append([*([None] * 12), "Total", net, None])
    summary = Sheet(
        "Summary",
        [
            ["Invoice Summary"],
            [],
            ["Invoice No", "Invoice Date", "Net", "VAT", "Gross", "Currency"],
            [
                "WCI-884213",
                INVOICE_DATE,
                net,
                (net * Decimal("0.2")).quantize(Decimal("0.01")),
                net + (net * Decimal("0.2")).quantize(Decimal("0.01")),
                "GBP",
            ],
        ],
        money_format="£#,##0.00",
    )
    detail = Sheet(
        "Invoice Detail", rows, bold_rows={0, 3, len(rows) - 1}, money_format="£#,##0.00;-£#,##0.00"
    )
    write_xlsx(out / rendered.file, [summary, detail])
    return rendered


# --------------------------------------------------------------------------- Exclusive Networks (FR) csv


def exclusive_fr_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """A French distributor's 'export des lignes de facture': ';', decimal comma, EUR."""
    head = [
        "N° facture",
        "Date facture",
        "Client final",
        "Code client",
        "Éditeur",
        "Référence",
        "Désignation",
        "Type de ligne",
        "Périodicité",
        "Début période",
        "Fin période",
        "Quantité",
        "Prix unitaire HT",
        "Montant HT",
        "Devise",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("vendor.csv", None)
    for i in _order(sc, perturb):
        v = sc.vlines[i]
        kind = {"credit": "Avoir", "free": "Gratuit", "licence": "Abonnement"}[v.role]
        desc = (
            f"{v.product.name} - {'engagement 1 an' if v.term_months == 12 else 'sans engagement'}"
        )
        rows.append(
            [
                "FA2609-31877",
                dmy(INVOICE_DATE),
                _name(v, perturb),
                v.client.number,
                v.product.publisher,
                v.product.sku,
                desc,
                kind,
                "Annuelle" if v.annual else "Mensuelle",
                dmy(v.start),
                dmy(v.end),
                str(v.qty),
                num(v.unit, thousands=" ", point=","),
                num(_total(v), thousands=" ", point=","),
                "EUR",
            ]
        )
        rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows, delimiter=";", encoding="utf-8", bom=True)
    return rendered


# --------------------------------------------------------------------------- Climb Global (US) xls


def climb_us_xls(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """Climb's statement as the old binary .xls: title rows, upper-case end users, MSRP beside cost."""
    head = [
        "Invoice #",
        "Invoice Date",
        "Reseller PO",
        "End User",
        "Manufacturer",
        "Mfr Part #",
        "Description",
        "Term",
        "Qty",
        "Unit Cost",
        "Ext Cost",
        "MSRP",
        "Ext MSRP",
    ]
    rows: list[list[Cell]] = [
        ["CLIMB GLOBAL SOLUTIONS"],
        ["Statement of Account - September 2026"],
        ["Reseller: NORTHLIGHT IT LLC   Acct 200417"],
        [],
        list[Cell](head),
    ]
    rendered = Rendered("vendor.xls", "Statement")
    total = Decimal(0)
    for i in _order(sc, perturb):
        v = sc.vlines[i]
        term = "1Y PREPAID" if v.annual else "1Y MTHLY" if v.term_months == 12 else "1M"
        desc = f"{v.product.dist_short} {term}"
        msrp = (v.unit * Decimal("1.25")).quantize(Decimal("0.01"))
        rows.append(
            [
                f"INV{700310 + i // 40}",
                mdy(INVOICE_DATE),
                f"PO-{v.client.number}",
                _name(v, perturb).upper(),
                v.product.publisher.upper(),
                v.product.sku,
                desc,
                term,
                v.qty,
                v.unit,
                _total(v),
                msrp,
                msrp * v.qty,
            ]
        )
        rendered.rows[i] = len(rows)
        total += _total(v)
    rows.append([*([None] * 9), "GRAND TOTAL", total])
    write_xls(
        out / rendered.file,
        [Sheet("Statement", rows, bold_rows={0, 4, len(rows) - 1}, money_format="$#,##0.00")],
    )
    return rendered


# --------------------------------------------------------------------------- rhipe (AU) csv


def _dm(x: date) -> str:
    return f"{x.day}/{x.month:02d}/{x.year}"


def rhipe_au_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """rhipe-style AU invoice lines: tenant domain, $-money with thousands, negatives in brackets."""
    head = [
        "Tenant Name",
        "Tenant Domain",
        "Contract Name",
        "Offer Name",
        "Offer ID",
        "Subscription ID",
        "Charge Start",
        "Charge End",
        "Billing Cycle",
        "Units",
        "Unit Price (ex GST)",
        "Total (ex GST)",
        "GST",
        "Total (inc GST)",
        "Currency",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("vendor.csv", None)
    for i in _order(sc, perturb):
        v = sc.vlines[i]
        contract = "Microsoft CSP (NCE)" if _ms(v) else f"{v.product.publisher} Marketplace"
        offer = (
            f"{v.product.name} - {'Annual' if v.term_months == 12 else 'Monthly'}"
            if _ms(v)
            else v.product.name
        )
        total = _total(v)
        gst = (total / 10).quantize(Decimal("0.01"))
        rows.append(
            [
                _name(v, perturb),
                v.client.domain,
                contract,
                offer,
                v.product.sku,
                f"{v.sub_id}-rh",
                _dm(v.start),
                _dm(v.end),
                "Annual" if v.annual else "Monthly",
                str(v.qty),
                num(v.unit, symbol="$", parens=True),
                num(total, symbol="$", parens=True),
                num(gst, symbol="$", parens=True),
                num(total + gst, symbol="$", parens=True),
                "AUD",
            ]
        )
        rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows)
    return rendered


# --------------------------------------------------------------------------- TD SYNNEX StreamOne Stellr (CA) csv


def stellr_ca_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """StreamOne Stellr-style billing export (Canada): country-prefixed SKUs, header repeated per page."""
    head = [
        "Customer Name",
        "Customer ID",
        "Subscription ID",
        "Vendor",
        "Product Name",
        "SKU",
        "Billing Frequency",
        "Term",
        "Quantity",
        "Unit Cost",
        "Unit MSRP",
        "Extended Cost",
        "Currency",
        "Start Date",
        "End Date",
        "Status",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("vendor.csv", None)
    for n, i in enumerate(_order(sc, perturb)):
        if n and n % 60 == 0:
            rows.append(head)
        v = sc.vlines[i]
        sku = "CA" + v.product.sku.replace(":", "") if _ms(v) else v.product.sku
        status = {"licence": "Active", "credit": "Adjustment", "free": "Trial"}[v.role]
        rows.append(
            [
                _name(v, perturb),
                v.client.number.replace("C", "71"),
                f"S1-{v.sub_id}",
                v.product.publisher,
                v.product.name,
                sku,
                "Annual" if v.annual else "Monthly",
                "P1Y" if v.term_months == 12 else "P1M",
                str(v.qty),
                f"{v.unit:.2f}",
                f"{v.unit * Decimal('1.3'):.2f}",
                f"{_total(v):.2f}",
                "CAD",
                iso(v.start),
                iso(v.end),
                status,
            ]
        )
        rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows)
    return rendered


# --------------------------------------------------------------------------- Bytes-style UK grouped statement xlsx


def bytes_uk_grouped_xlsx(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """A UK licensing reseller's statement: one merged group row per customer, lines, a subtotal."""
    head = [
        "Licence Description",
        "Manufacturer Part No",
        "Agreement",
        "Term",
        "Qty",
        "Unit Cost £",
        "Total £",
    ]
    rows: list[list[Cell]] = [
        ["Cloud Licensing Statement - September 2026"],
        ["Prepared for: Northlight IT Services Ltd"],
        [],
        list[Cell](head),
    ]
    merges: list[tuple[int, int, int, int]] = []
    bold = {0, 3}
    rendered = Rendered("vendor.xlsx", "Statement")
    current = None
    subtotal = Decimal(0)
    grand = Decimal(0)
    for i in _order(sc, perturb):
        v = sc.vlines[i]
        name = _name(v, perturb)
        if name != current:
            if current is not None:
                rows.append([None, None, None, None, None, "Subtotal", subtotal])
                bold.add(len(rows) - 1)
            current, subtotal = name, Decimal(0)
            rows.append([f"Customer: {name}  (Tenant: {v.client.domain})"])
            merges.append((len(rows) - 1, 0, len(rows) - 1, 6))
            bold.add(len(rows) - 1)
        term = (
            "Annual upfront"
            if v.annual
            else "12 months, paid monthly"
            if v.term_months == 12
            else "Monthly rolling"
        )
        agreement = "CSP NCE" if _ms(v) else "Vendor direct"
        desc = v.product.name if v.role != "credit" else f"{v.product.name} (credit)"
        rows.append([desc, v.product.sku, agreement, term, v.qty, v.unit, _total(v)])
        rendered.rows[i] = len(rows)
        subtotal += _total(v)
        grand += _total(v)
    rows.append([None, None, None, None, None, "Subtotal", subtotal])
    bold.add(len(rows) - 1)
    rows.append([None, None, None, None, None, "Statement total", grand])
    bold.add(len(rows) - 1)
    write_xlsx(
        out / rendered.file,
        [
            Sheet(
                "Statement",
                rows,
                merges=merges,
                bold_rows=bold,
                money_format="£#,##0.00;(£#,##0.00)",
            )
        ],
    )
    return rendered


# --------------------------------------------------------------------------- Partner Center billed recon (API v2, camelCase) EUR


def pc_camel_eur_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """Partner Center's billed invoice reconciliation as the v2 API writes it: camelCase fields,
    pricing in USD converted to EUR with pcToBCExchangeRate (the cost is that product rounded down)."""
    rate = Decimal("0.9187")
    head = [
        "partnerId",
        "customerId",
        "customerName",
        "customerDomainName",
        "customerCountry",
        "invoiceNumber",
        "mpnId",
        "orderId",
        "orderDate",
        "productId",
        "skuId",
        "availabilityId",
        "skuName",
        "productName",
        "chargeType",
        "unitPrice",
        "effectiveUnitPrice",
        "unitType",
        "quantity",
        "billableQuantity",
        "subtotal",
        "taxTotal",
        "totalForCustomer",
        "currency",
        "pricingCurrency",
        "pcToBCExchangeRate",
        "pcToBCExchangeRateDate",
        "subscriptionId",
        "subscriptionDescription",
        "chargeStartDate",
        "chargeEndDate",
        "termAndBillingCycle",
        "billingFrequency",
        "publisherName",
        "meterDescription",
        "productCategory",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("vendor.csv", None)
    cases = {
        "cycleCharge": ("cycleCharge", "CycleCharge", "cyclecharge"),
        "renew": ("renew", "Renew"),
        "addQuantity": ("addQuantity", "AddQuantity"),
        "removeQuantity": ("removeQuantity", "RemoveQuantity"),
        "new": ("new", "New"),
    }
    for n, i in enumerate(_order(sc, perturb)):
        v = sc.vlines[i]
        eff_usd = (v.unit / rate).quantize(Decimal("0.0001"), rounding=ROUND_CEILING)
        list_usd = (eff_usd * Decimal("1.0526")).quantize(Decimal("0.0001"))
        pid, _, skuid = v.product.sku.partition(":")
        tb = (
            "One-Year commitment for yearly billing"
            if v.annual
            else "One-Year commitment for monthly billing"
            if v.term_months == 12
            else "One-Month commitment for monthly billing"
        )
        if v.role == "free":
            tb = "One-Month commitment for trial"
        tax = (_total(v) * Decimal("0.19")).quantize(Decimal("0.01"))
        charge = cases[v.charge][n % len(cases[v.charge])]
        rows.append(
            [
                "c2f1e0a4-5d1b-4b0e-9f3e-0a7b1c2d3e4f",
                f"9a{v.client.number[1:]:0>6}-4c1e-8a77-0b3d-{v.client.number[1:]:0>12}",
                _name(v, perturb),
                v.client.domain,
                "DE",
                "G051234567",
                "6170123",
                f"ord{v.sub_id}",
                f"{iso(v.start)}T09:12:44Z",
                pid,
                skuid or "0001",
                "CFQ7TTC0ZZZZ",
                v.product.name,
                v.product.name,
                charge,
                f"{list_usd}",
                f"{eff_usd}",
                "Licenses",
                str(v.qty),
                str(v.qty),
                f"{_total(v):.2f}",
                f"{tax:.2f}",
                f"{_total(v) + tax:.2f}",
                "EUR",
                "USD",
                f"{rate}",
                "2026-08-29T00:00:00Z",
                f"{v.sub_id}-0c7a-4d8e-9b11-5f2e6a7b8c9d",
                v.product.name,
                f"{iso(v.start)}T00:00:00Z",
                f"{iso(v.end)}T00:00:00Z",
                tb,
                "Annual" if v.annual else "Monthly",
                "Microsoft Corporation",
                "",
                "Software",
            ]
        )
        rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows)
    return rendered


# --------------------------------------------------------------------------- Crayon Cloud-iQ (SE) csv


def crayon_se_csv(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """A Swedish invoice specification: ';' separators, decimal comma, space as thousands, SEK."""
    head = [
        "Fakturanummer",
        "Fakturadatum",
        "Kund",
        "Kundnummer",
        "Tillverkare",
        "Artikelnummer",
        "Produkt",
        "Faktureringsperiod",
        "Period från",
        "Period till",
        "Antal",
        "À-pris",
        "Belopp",
        "Valuta",
    ]
    rows: list[list[str]] = [head]
    rendered = Rendered("vendor.csv", None)
    for i in _order(sc, perturb):
        v = sc.vlines[i]
        prod = v.product.name + (" (kreditering)" if v.role == "credit" else "")
        rows.append(
            [
                "5501884",
                iso(INVOICE_DATE),
                _name(v, perturb),
                v.client.number,
                v.product.publisher,
                v.product.sku,
                prod,
                "Årsvis" if v.annual else "Månadsvis",
                iso(v.start),
                iso(v.end),
                str(v.qty),
                num(v.unit, thousands="\u00a0", point=","),
                num(_total(v), thousands="\u00a0", point=","),
                "SEK",
            ]
        )
        rendered.rows[i] = len(rows)
    write_csv(out / rendered.file, rows, delimiter=";", encoding="utf-8", bom=True)
    return rendered


# --------------------------------------------------------------------------- Esprinet-style Italian cloud bill (xlsx, text numbers)


def esprinet_it_xlsx(sc: Scenario, perturb: bool, out: Path) -> Rendered:
    """An Italian distributor's cloud billing workbook: Italian headers, numbers stored as text with a
    decimal comma ('1.234,56'), a 'Riepilogo' sheet first, lines on 'Dettaglio'."""
    head = [
        "Cliente finale",
        "Partita IVA",
        "Dominio",
        "Produttore",
        "Codice articolo",
        "Descrizione",
        "Periodicità",
        "Dal",
        "Al",
        "Quantità",
        "Prezzo unitario",
        "Importo",
        "Valuta",
    ]
    rows: list[list[Cell]] = [list[Cell](head)]
    rendered = Rendered("vendor.xlsx", "Dettaglio")
    total = Decimal(0)
    for i in _order(sc, perturb):
        v = sc.vlines[i]
        desc = v.product.name + (" - nota di credito" if v.role == "credit" else "")
        piva = f"IT{(int(v.client.number[1:]) * 7907) % 10**11:011d}"
        rows.append(
            [
                _name(v, perturb),
                piva,
                v.client.domain,
                v.product.publisher,
                v.product.sku,
                desc,
                "Annuale" if v.annual else "Mensile",
                dmy(v.start),
                dmy(v.end),
                num(v.qty, places=2, thousands=".", point=","),
                num(v.unit, thousands=".", point=","),
                num(_total(v), thousands=".", point=","),
                "EUR",
            ]
        )
        rendered.rows[i] = len(rows)
        total += _total(v)
    summary = Sheet(
        "Riepilogo",
        [
            ["Riepilogo fattura cloud - settembre 2026"],
            [],
            ["Totale imponibile", total],
            ["Valuta", "EUR"],
        ],
    )
    write_xlsx(out / rendered.file, [summary, Sheet("Dettaglio", rows, bold_rows={0})])
    return rendered


@dataclass(frozen=True)
class VendorFormat:
    render: Callable[[Scenario, bool, Path], Rendered]
    currency: str
    third_party: bool = True


VENDORS: dict[str, VendorFormat] = {
    "westcoast_uk_xlsx": VendorFormat(westcoast_uk_xlsx, "GBP"),
    "exclusive_fr_csv": VendorFormat(exclusive_fr_csv, "EUR"),
    "climb_us_xls": VendorFormat(climb_us_xls, "USD"),
    "rhipe_au_csv": VendorFormat(rhipe_au_csv, "AUD"),
    "stellr_ca_csv": VendorFormat(stellr_ca_csv, "CAD"),
    "bytes_uk_grouped_xlsx": VendorFormat(bytes_uk_grouped_xlsx, "GBP"),
    "pc_camel_eur_csv": VendorFormat(pc_camel_eur_csv, "EUR", third_party=False),
    "crayon_se_csv": VendorFormat(crayon_se_csv, "SEK"),
    "esprinet_it_xlsx": VendorFormat(esprinet_it_xlsx, "EUR"),
}
