"""Vendor bills (what the MSP pays), each rendered the way that distributor's export looks.

Layouts are written from what these reports are known to carry (README: sources and
assumptions). All of them carry the term and billing frequency, a unit cost and a line total; some
add an RRP / list price beside the cost, which is not the MSP's cost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from .catalog import BY_KEY, PRODUCTS, Product
from .names import Client, fold
from .scenario import FX, Scenario, VendorLine, money
from .writers import Cell, Sheet, amount, write_csv, write_xls, write_xlsx


@dataclass(frozen=True)
class Rendered:
    """A written file and which of its rows render which line."""

    file: str
    sheet: str | None
    line_of_row: dict[int, int]
    name_class: str  # a class the bill's spelling of the tenant adds to every row ("" if none)


@dataclass(frozen=True)
class VendorFormat:
    name: str
    currency: str
    render: Callable[[Scenario, bool, Path], Rendered]


def _ordered(scn: Scenario) -> list[tuple[int, VendorLine]]:
    lines = list(enumerate(scn.vendor))
    return sorted(lines, key=lambda il: (fold(scn.clients[il[1].client].name).lower(), il[0]))


_INDEX = {p.key: i for i, p in enumerate(PRODUCTS)}  # distributors' own part numbers


def _customer_no(client: Client) -> str:
    return f"{40000 + client.key * 37}"


def _rrp(line: VendorLine, currency: str) -> Decimal:
    product = BY_KEY[line.product]
    base = money(product.price * FX[currency] * Decimal("1.05"))
    return base * 12 if line.billing == "annual" else base


def _ms(product: Product) -> bool:
    return product.maker == "Microsoft"


def _total(line: VendorLine) -> Decimal:
    return line.qty * line.unit


# ---------------------------------------------------------------------------------------------
def softcat_uk_xlsx(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """UK reseller licensing statement: Summary sheet first, detail sheet with title rows, GBP."""
    detail = Sheet("Licence Detail")
    detail.add(["Softcat plc - Cloud Licensing Statement"], bold=True)
    detail.add(["Account: 200431 | Statement period: 01/09/2026 - 30/09/2026 | Currency: GBP"])
    detail.add([])
    detail.add(
        [
            "End User Organisation",
            "Tenant Domain",
            "Vendor",
            "Part No.",
            "Product Description",
            "Agreement Term",
            "Billing Frequency",
            "Charge Start",
            "Charge End",
            "Qty",
            "Unit Cost",
            "Line Total",
            "Currency",
        ],
        bold=True,
    )
    totals: dict[str, Decimal] = {}
    for index, line in _ordered(scn):
        client = scn.clients[line.client]
        product = BY_KEY[line.product]
        text = f"{product.name} (NCE)" if _ms(product) else product.name
        if line.role == "free":
            text += " - Trial" if line.charge == "trial" and not product.free else ""
        term = {"P1M": "1 Month", "P1Y": "12 Months", "P3Y": "36 Months"}[line.term]
        detail.add(
            [
                client.name,
                client.domain,
                product.maker,
                product.sku.replace(":", "-"),
                text,
                term,
                "Annual" if line.billing == "annual" else "Monthly",
                line.start,
                line.end,
                line.qty,
                line.unit,
                _total(line),
                "GBP",
            ],
            line=index,
        )
        totals[client.name] = totals.get(client.name, Decimal(0)) + _total(line)
    summary = Sheet("Summary")
    summary.add(["Statement summary"], bold=True)
    summary.add(["End User Organisation", "Lines", "Total (GBP)"], bold=True)
    for name in sorted(totals):
        summary.add([name, None, totals[name]])
    summary.add(["Total", None, sum(totals.values(), Decimal(0))], bold=True)
    write_xlsx(out / "vendor.xlsx", [summary, detail])
    return Rendered("vendor.xlsx", "Licence Detail", detail.line_of_row, "")


def techdata_nl_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Dutch distributor export: `;`, decimal comma, Windows-1252, RRP beside the net price."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "Klantnaam",
            "Klantnummer",
            "Domeinnaam",
            "Fabrikant",
            "Artikelnummer",
            "Omschrijving",
            "Looptijd",
            "Factuurfrequentie",
            "Periode van",
            "Periode t/m",
            "Aantal",
            "Adviesprijs",
            "Nettoprijs per eenheid",
            "Totaal netto",
            "Valuta",
        ]
    )
    for index, line in _ordered(scn):
        client = scn.clients[line.client]
        product = BY_KEY[line.product]
        term = {"P1M": "1 maand", "P1Y": "1 jaar", "P3Y": "3 jaar"}[line.term]
        name = client.name.encode("cp1252", "replace").decode("cp1252")
        if "?" in name:
            name = fold(client.name)
        sheet.add(
            [
                name,
                _customer_no(client),
                client.domain,
                product.maker,
                "NL" + product.sku.replace(":", ""),
                product.name,
                term,
                "Jaarlijks" if line.billing == "annual" else "Maandelijks",
                line.start.strftime("%d-%m-%Y"),
                line.end.strftime("%d-%m-%Y"),
                str(line.qty),
                amount(_rrp(line, scn.currency), ",", "."),
                amount(line.unit, ",", "."),
                amount(_total(line), ",", "."),
                "EUR",
            ],
            line=index,
        )
    write_csv(out / "vendor.csv", sheet, ";", "cp1252")
    return Rendered("vendor.csv", None, sheet.line_of_row, "")


def _usd(value: Decimal) -> str:
    text = amount(abs(value), ".", ",")
    return f"(${text})" if value < 0 else f"${text}"


def insight_us_xlsx(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """US reseller cloud billing detail: money as text ("$1,234.56", credits in parentheses)."""
    sheet = Sheet("Billing Detail")
    sheet.add(["Insight Enterprises - Cloud Billing Detail - September 2026"], bold=True)
    sheet.add(
        [
            "Sold-To Name",
            "Sold-To #",
            "Manufacturer",
            "Mfr Part #",
            "Insight Part #",
            "Description",
            "Subscription ID",
            "Term",
            "Billing Plan",
            "Service Period",
            "Qty",
            "MSRP",
            "Unit Price",
            "Extended Price",
        ],
        bold=True,
    )
    for index, line in _ordered(scn):
        client = scn.clients[line.client]
        product = BY_KEY[line.product]
        name = client.name.upper() if perturb else client.name
        desc = product.name.upper()
        if _ms(product):
            desc = f"{desc} - CSP NCE"
        qty = f"({abs(line.qty)})" if line.qty < 0 else str(line.qty)
        sheet.add(
            [
                name,
                _customer_no(client),
                product.maker.upper(),
                product.sku,
                f"{100000 + 7919 * _INDEX[product.key]}",
                desc,
                line.sub_id,
                {"P1M": "1 MONTH", "P1Y": "1 YEAR", "P3Y": "3 YEAR"}[line.term],
                "ANNUAL" if line.billing == "annual" else "MONTHLY",
                f"{line.start:%m/%d/%Y} - {line.end:%m/%d/%Y}",
                qty,
                _usd(_rrp(line, "USD")),
                _usd(line.unit),
                _usd(_total(line)),
            ],
            line=index,
        )
    total = sum((_total(line) for line in scn.vendor), Decimal(0))
    footer: list[Cell] = [None] * 12
    sheet.add([*footer, "Invoice Total", _usd(total)], bold=True)
    write_xlsx(out / "vendor.xlsx", [sheet])
    return Rendered(
        "vendor.xlsx", "Billing Detail", sheet.line_of_row, "case_punct" if perturb else ""
    )


def also_dk_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Danish cloud marketplace export: `;`, decimal comma, UTF-8 with BOM, DKK."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "Kundenavn",
            "Kunde-ID",
            "Domæne",
            "Producent",
            "Varenr.",
            "Produkt",
            "Bindingsperiode",
            "Faktureringsfrekvens",
            "Fra",
            "Til",
            "Antal",
            "Vejl. udsalgspris",
            "Kostpris pr. stk.",
            "Kostpris i alt",
            "Valuta",
        ]
    )
    for index, line in _ordered(scn):
        client = scn.clients[line.client]
        product = BY_KEY[line.product]
        text = f"{product.name} (NCE)" if _ms(product) else product.name
        sheet.add(
            [
                client.name,
                _customer_no(client),
                client.domain,
                product.maker,
                product.sku,
                text,
                {"P1M": "1 måned", "P1Y": "12 måneder", "P3Y": "36 måneder"}[line.term],
                "Årlig" if line.billing == "annual" else "Månedlig",
                f"{line.start:%d.%m.%Y}",
                f"{line.end:%d.%m.%Y}",
                str(line.qty),
                amount(_rrp(line, scn.currency), ",", "."),
                amount(line.unit, ",", "."),
                amount(_total(line), ",", "."),
                "DKK",
            ],
            line=index,
        )
    write_csv(out / "vendor.csv", sheet, ";", "utf-8-sig")
    return Rendered("vendor.csv", None, sheet.line_of_row, "")


def ab_pl_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Polish distributor cloud report: `;`, decimal comma, space thousands, PLN, Polish words."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "Nazwa klienta",
            "NIP",
            "Domena",
            "Producent",
            "Kod produktu",
            "Nazwa produktu",
            "Okres zobowiązania",
            "Częstotliwość rozliczeń",
            "Typ",
            "Data od",
            "Data do",
            "Ilość",
            "Cena jedn. netto",
            "Wartość netto",
            "Waluta",
        ]
    )
    for index, line in _ordered(scn):
        client = scn.clients[line.client]
        product = BY_KEY[line.product]
        kind = {"credit": "Korekta", "free": "Wersja próbna"}.get(line.role, "Subskrypcja")
        sheet.add(
            [
                client.name,
                f"{5250000000 + client.key * 7919}",
                client.domain,
                product.maker,
                product.sku,
                product.name,
                {"P1M": "miesięczny", "P1Y": "roczny", "P3Y": "3-letni"}[line.term],
                "rocznie" if line.billing == "annual" else "miesięcznie",
                kind,
                f"{line.start:%Y-%m-%d}",
                f"{line.end:%Y-%m-%d}",
                str(line.qty),
                amount(line.unit, ",", " "),
                amount(_total(line), ",", " "),
                "PLN",
            ],
            line=index,
        )
    write_csv(out / "vendor.csv", sheet, ";", "utf-8")
    return Rendered("vendor.csv", None, sheet.line_of_row, "")


def ingram_es_xls(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Spanish distributor billing detail as legacy .xls; PVP (RRP) beside the net unit price."""
    sheet = Sheet("Detalle")
    sheet.add(["Detalle de facturación cloud - septiembre 2026"], bold=True)
    sheet.add(
        [
            "Cliente final",
            "ID cliente",
            "Dominio",
            "Fabricante",
            "Referencia",
            "Descripción",
            "Plazo",
            "Facturación",
            "Desde",
            "Hasta",
            "Cantidad",
            "PVP recomendado",
            "Precio unitario neto",
            "Importe neto",
            "Divisa",
        ],
        bold=True,
    )
    for index, line in _ordered(scn):
        client = scn.clients[line.client]
        product = BY_KEY[line.product]
        plazo = {"P1M": "Mensual", "P1Y": "Anual", "P3Y": "Trianual"}[line.term]
        pago = "Pago anual" if line.billing == "annual" else "Pago mensual"
        text = f"{product.name} ({plazo}, {pago})" if _ms(product) else product.name
        sheet.add(
            [
                client.name,
                _customer_no(client),
                client.domain,
                product.maker,
                product.sku,
                text,
                plazo,
                pago,
                line.start,
                line.end,
                line.qty,
                _rrp(line, scn.currency),
                line.unit,
                _total(line),
                "EUR",
            ],
            line=index,
        )
    write_xls(out / "vendor.xls", [sheet])
    return Rendered("vendor.xls", "Detalle", sheet.line_of_row, "")


def cdw_ca_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Canadian reseller CSV: long catalogue descriptions, quantities like "5.00 ea", CAD."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "Customer Name",
            "Customer Ref",
            "Mfg Part No",
            "CDW Part No",
            "Product Description",
            "Term Length",
            "Billing Frequency",
            "Bill Period Start",
            "Bill Period End",
            "Qty",
            "Unit Cost",
            "Ext. Cost",
            "Currency",
        ]
    )
    for index, line in _ordered(scn):
        client = scn.clients[line.client]
        product = BY_KEY[line.product]
        length = {"P1M": "1 month", "P1Y": "1 year", "P3Y": "3 years"}[line.term]
        desc = f"{product.name} - subscription license ({length}) - 1 user - hosted"
        if _ms(product):
            desc += " - CSP"
        sheet.add(
            [
                client.name,
                _customer_no(client),
                product.sku,
                f"{7700000 + 37 * _INDEX[product.key]}",
                desc,
                length,
                "Annual" if line.billing == "annual" else "Monthly",
                f"{line.start:%Y-%m-%d}",
                f"{line.end:%Y-%m-%d}",
                f"{line.qty}.00 ea",
                amount(line.unit, ".", ","),
                amount(_total(line), ".", ","),
                "CAD",
            ],
            line=index,
        )
    write_csv(out / "vendor.csv", sheet, ",", "utf-8")
    return Rendered("vendor.csv", None, sheet.line_of_row, "")


def computacenter_de_xlsx(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """German reseller statement grouped by end customer: the customer sits on a merged group row
    above its lines, each group ends with a subtotal row; an overview sheet comes first."""
    sheet = Sheet("Positionen", date_format="dd.mm.yyyy")
    sheet.add(
        ["Computacenter AG & Co. oHG - Abrechnung Cloud-Abonnements September 2026"], bold=True
    )
    sheet.add([])
    sheet.add(
        [
            "Artikelnummer",
            "Hersteller",
            "Artikelbezeichnung",
            "Laufzeit",
            "Abrechnungsintervall",
            "Leistungsbeginn",
            "Leistungsende",
            "Menge",
            "Listenpreis",
            "EK-Preis netto",
            "Gesamt netto",
            "Währung",
        ],
        bold=True,
    )
    ordered = _ordered(scn)
    groups: dict[int, list[tuple[int, VendorLine]]] = {}
    for index, line in ordered:
        groups.setdefault(line.client, []).append((index, line))
    overview = Sheet("Übersicht")
    overview.add(["Endkunde", "Gesamt netto (EUR)"], bold=True)
    for key, lines in groups.items():
        client = scn.clients[key]
        row = sheet.add([f"Endkunde: {client.name} (Tenant {client.domain})"], bold=True)
        sheet.merges.append((row, 0, 11))
        subtotal = Decimal(0)
        for index, line in lines:
            product = BY_KEY[line.product]
            term = {"P1M": "1 Monat", "P1Y": "12 Monate", "P3Y": "36 Monate"}[line.term]
            text = product.name
            if _ms(product):
                text += " NCE " + ("Jahresabo" if line.term == "P1Y" else "Monatsabo")
            cells: list[Cell] = [
                product.sku,
                product.maker,
                text,
                term,
                "jährlich" if line.billing == "annual" else "monatlich",
                line.start,
                line.end,
                line.qty,
                _rrp(line, scn.currency),
                line.unit,
                _total(line),
                "EUR",
            ]
            sheet.add(cells, line=index)
            subtotal += _total(line)
        sheet.add(
            [
                None,
                None,
                f"Summe {client.name}",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                subtotal,
            ],
            bold=True,
        )
        overview.add([client.name, subtotal])
    write_xlsx(out / "vendor.xlsx", [overview, sheet])
    return Rendered("vendor.xlsx", "Positionen", sheet.line_of_row, "")


def _swiss(value: Decimal) -> str:
    """Swiss style: apostrophe thousands, decimal point, SAP's trailing minus for credits."""
    text = amount(abs(value), ".", "'")
    return f"{text}-" if value < 0 else text


def also_ch_csv(scn: Scenario, perturb: bool, out: Path) -> Rendered:
    """Swiss marketplace export from an SAP back end: `;`, CHF, 1'234.50, trailing minus on
    credits ("2-", "45.00-"), a unit-of-measure column (Stk), period as one "von - bis" cell."""
    sheet = Sheet("csv")
    sheet.add(
        [
            "Kunde",
            "Kundennr.",
            "Mandant-Domäne",
            "Hersteller",
            "Artikel-Nr.",
            "Artikel",
            "Vertragslaufzeit",
            "Verrechnung",
            "Leistungszeitraum",
            "Menge",
            "ME",
            "Preis/ME",
            "Betrag",
            "Währung",
        ]
    )
    for index, line in _ordered(scn):
        client = scn.clients[line.client]
        product = BY_KEY[line.product]
        qty = f"{abs(line.qty)}-" if line.qty < 0 else str(line.qty)
        sheet.add(
            [
                client.name,
                _customer_no(client),
                client.domain,
                product.maker,
                "CH-" + product.sku.split(":")[0],
                product.name,
                {"P1M": "1 Monat", "P1Y": "1 Jahr", "P3Y": "3 Jahre"}[line.term],
                "jährlich im Voraus" if line.billing == "annual" else "monatlich",
                f"{line.start:%d.%m.%Y} - {line.end:%d.%m.%Y}",
                qty,
                "Stk",
                _swiss(line.unit),
                _swiss(_total(line)),
                "CHF",
            ],
            line=index,
        )
    write_csv(out / "vendor.csv", sheet, ";", "utf-8")
    return Rendered("vendor.csv", None, sheet.line_of_row, "")


VENDOR: dict[str, VendorFormat] = {
    f.name: f
    for f in (
        VendorFormat("softcat_uk_xlsx", "GBP", softcat_uk_xlsx),
        VendorFormat("techdata_nl_csv", "EUR", techdata_nl_csv),
        VendorFormat("insight_us_xlsx", "USD", insight_us_xlsx),
        VendorFormat("also_dk_csv", "DKK", also_dk_csv),
        VendorFormat("ab_pl_csv", "PLN", ab_pl_csv),
        VendorFormat("ingram_es_xls", "EUR", ingram_es_xls),
        VendorFormat("cdw_ca_csv", "CAD", cdw_ca_csv),
        VendorFormat("computacenter_de_xlsx", "EUR", computacenter_de_xlsx),
        VendorFormat("also_ch_csv", "CHF", also_ch_csv),
    )
}
_ = date
