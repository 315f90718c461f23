"""Vendor bills of set H. Each renderer returns (file name, bytes, {line index: row}, sheet)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from fractions import Fraction
from functools import partial

from .catalog import BY_KEY
from .perturb import encodable, fold
from .scenario import Scenario, VendorLine
from .writers import Sheet, csv_bytes, decimal_number, money, xlsx_bytes

Rendered = tuple[str, bytes, dict[int, int], "str | None"]

#: format -> (currency, encoding of customer names)
VENDOR_INFO: dict[str, tuple[str, str]] = {
    "softwareone_pyracloud": ("CHF", "utf-8"),
    "dustin_se": ("SEK", "cp1252"),
    "bechtle_de": ("EUR", "utf-8"),
    "redington_in": ("INR", "utf-8"),
    "brazil_distribuidor": ("BRL", "utf-8"),
    "japan_yen_cp932": ("JPY", "cp932"),
    "excel_unicode_text": ("GBP", "utf-16"),
    "partner_center_recon_2026": ("AUD", "utf-8"),
    "sherweb_fr_ca": ("CAD", "utf-8"),
    "msp_consolidated": ("USD", "utf-8"),
}


def _order(sc: Scenario) -> list[int]:
    """Lines by customer (vendor spelling), then product, credits after their subscription."""
    return sorted(
        range(len(sc.vendor)),
        key=lambda i: (
            sc.vendor_names[sc.vendor[i].client].casefold(),
            BY_KEY[sc.vendor[i].product].name,
            sc.vendor[i].sub,
            sc.vendor[i].role == "credit",
            i,
        ),
    )


def _sku(v: VendorLine) -> str:
    p = BY_KEY[v.product]
    if p.pc_id:
        return p.pc_id
    return "X" + hashlib.sha1(p.key.encode()).hexdigest()[:9].upper()


def _total(v: VendorLine) -> int:
    return v.qty * v.unit


def softwareone(sc: Scenario, rng: random.Random) -> Rendered:
    summary = Sheet("Summary")
    summary.add("SoftwareONE – PyraCloud billing summary", None, None)
    summary.add("Customer", "Lines", "Total (Partner) CHF")
    detail = Sheet("Billing Details")
    detail.add("SoftwareONE PyraCloud – Billing export")
    detail.add("Billing period: 01.11.2026 – 30.11.2026")
    detail.add()
    detail.add(
        "Customer",
        "Customer Number",
        "Publisher",
        "Product",
        "Part Number",
        "Charge Type",
        "Term",
        "Billing Frequency",
        "Quantity",
        "Unit Price (SRP)",
        "Unit Price (Partner)",
        "Total (Partner)",
        "Currency",
        "Start",
        "End",
    )
    rows: dict[int, int] = {}
    totals: dict[str, tuple[int, int]] = {}
    for i in _order(sc):
        v = sc.vendor[i]
        p = BY_KEY[v.product]
        name = sc.vendor_names[v.client]
        product = f"{p.name} (NCE)" if p.publisher == "Microsoft" else p.name
        charge = {"licence": "Recurring", "credit": "Credit", "free": "Trial"}[v.role]
        term = {"P1M": "1 Month", "P1Y": "1 Year", "trial": "Trial", "P3Y": "3 Years"}[v.term]
        end = "31.10.2027" if v.annual else "30.11.2026"
        rows[i] = detail.add(
            name,
            sc.customers[v.client].code,
            p.publisher,
            product,
            _sku(v),
            charge,
            term,
            "Annual" if v.annual else "Monthly",
            v.qty,
            decimal_number(v.rrp, 2),
            decimal_number(v.unit, 2),
            decimal_number(_total(v), 2),
            "CHF",
            "01.11.2026",
            end,
        )
        n, t = totals.get(name, (0, 0))
        totals[name] = (n + 1, t + _total(v))
    for name, (n, t) in totals.items():
        summary.add(name, n, decimal_number(t, 2))
    return "softwareone_billing.xlsx", xlsx_bytes([summary, detail]), rows, None


def dustin(sc: Scenario, rng: random.Random) -> Rendered:
    s = Sheet()
    s.add("Dustin Sverige AB", "", "", "")
    s.add("Faktureringsunderlag molntjänster november 2026", "", "", "")
    s.add()
    s.add(
        "Kundnamn",
        "Organisationsnummer",
        "Artikelnr",
        "Benämning",
        "Avtalstid",
        "Fakturering",
        "Antal",
        "Cirkapris",
        "À-pris",
        "Belopp",
        "Valuta",
        "Period",
    )
    rows: dict[int, int] = {}
    total = 0
    kr = partial(money, dec=",", thou="\u00a0")
    for i in _order(sc):
        v = sc.vendor[i]
        p = BY_KEY[v.product]
        text = p.name if v.role != "credit" else f"{p.name} - kreditering"
        term = {"P1M": "1 mån", "P1Y": "12 mån", "trial": "Prov", "P3Y": "36 mån"}[v.term]
        rows[i] = s.add(
            sc.vendor_names[v.client],
            f"556{v.client:03d}-{1000 + v.client:04d}",
            _sku(v),
            text,
            term,
            "Årsvis" if v.annual else "Månadsvis",
            str(v.qty),
            kr(v.rrp),
            kr(v.unit),
            kr(_total(v)),
            "SEK",
            "2026-11-01--2027-10-31" if v.annual else "2026-11-01--2026-11-30",
        )
        total += _total(v)
    s.add("Summa", "", "", "", "", "", "", "", "", kr(total), "SEK", "")
    return "dustin_underlag.csv", csv_bytes(s, ";", "cp1252"), rows, None


def bechtle(sc: Scenario, rng: random.Random) -> Rendered:
    cover = Sheet("Deckblatt")
    cover.add("Bechtle Clouds GmbH")
    cover.add("Abrechnung Cloud-Abonnements")
    cover.add("Abrechnungsmonat", "11/2026")
    cover.add("Währung", "EUR")
    s = Sheet("Positionen")
    s.add("Bechtle Clouds – Abrechnung 11/2026")
    s.add()
    s.add(
        "Kunde",
        "Kundennummer",
        "Hersteller",
        "Artikelbezeichnung",
        "Artikelnummer",
        "Positionsart",
        "Laufzeit",
        "Abrechnung",
        "Menge",
        "UVP",
        "EK-Preis",
        "Gesamt EK",
        "Leistungszeitraum",
    )
    eur = partial(money, dec=",", thou=".", suffix=" €")
    rows: dict[int, int] = {}
    current, subtotal, total = None, 0, 0
    for i in _order(sc):
        v = sc.vendor[i]
        name = sc.vendor_names[v.client]
        if current is not None and name != current:
            s.add(
                f"Zwischensumme {current}",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                eur(subtotal),
            )
            subtotal = 0
        current = name
        p = BY_KEY[v.product]
        kind = {"licence": "Abonnement", "credit": "Gutschrift", "free": "Testversion"}[v.role]
        term = {"P1M": "1 Monat", "P1Y": "12 Monate", "trial": "Test", "P3Y": "36 Monate"}[v.term]
        rows[i] = s.add(
            name,
            sc.customers[v.client].code,
            p.publisher,
            p.name,
            _sku(v),
            kind,
            term,
            "jährlich" if v.annual else "monatlich",
            v.qty,
            eur(v.rrp),
            eur(v.unit),
            eur(_total(v)),
            "01.11.2026 - 31.10.2027" if v.annual else "01.11.2026 - 30.11.2026",
        )
        subtotal += _total(v)
        total += _total(v)
    if current is not None:
        s.add(
            f"Zwischensumme {current}",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            eur(subtotal),
        )
    s.add(
        "Gesamtsumme",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        eur(total),
    )
    return "bechtle_abrechnung.xlsx", xlsx_bytes([cover, s]), rows, None


def redington(sc: Scenario, rng: random.Random) -> Rendered:
    s = Sheet()
    s.add("Redington Limited - Cloud Services Billing Statement")
    s.add("Statement Period : 01-Nov-2026 to 30-Nov-2026")
    s.add(
        "Sl No",
        "Invoice No",
        "Invoice Date",
        "End Customer Name",
        "Product Description",
        "SKU",
        "Billing Cycle",
        "Qty",
        "Unit Rate (INR)",
        "Taxable Value (INR)",
        "IGST @18% (INR)",
        "Total (INR)",
    )
    inr = partial(money, style="lakh", neg="paren")
    rows: dict[int, int] = {}
    total = 0
    for n, i in enumerate(_order(sc), 1):
        v = sc.vendor[i]
        p = BY_KEY[v.product]
        taxable = _total(v)
        gst = (taxable * 18 + 50) // 100 if taxable >= 0 else -((-taxable * 18 + 50) // 100)
        qty = f"({-v.qty})" if v.qty < 0 else str(v.qty)
        invoice = f"RCN/26-27/{'CR' if v.role == 'credit' else 'IN'}/{40000 + v.client}"
        rows[i] = s.add(
            n,
            invoice,
            "30-11-2026",
            sc.vendor_names[v.client].upper(),
            p.name.upper() + (" - CREDIT NOTE" if v.role == "credit" else ""),
            _sku(v),
            "ANNUAL" if v.annual else "MONTHLY",
            qty,
            inr(v.unit),
            inr(taxable),
            inr(gst),
            inr(taxable + gst),
        )
        total += taxable
    s.add("", "", "", "Grand Total", "", "", "", "", "", inr(total), "", "")
    return "redington_statement.csv", csv_bytes(s), rows, None


def brazil(sc: Scenario, rng: random.Random) -> Rendered:
    s = Sheet()
    s.add(
        "Cliente",
        "CNPJ",
        "Tipo",
        "Produto",
        "SKU",
        "Vigência",
        "Periodicidade",
        "Quantidade",
        "Preço sugerido",
        "Valor unitário",
        "Valor total",
        "Início",
        "Fim",
    )
    brl = partial(money, dec=",", thou=".", prefix="R$ ")
    rows: dict[int, int] = {}
    for i in _order(sc):
        v = sc.vendor[i]
        p = BY_KEY[v.product]
        kind = {"licence": "Recorrente", "credit": "Crédito", "free": "Avaliação gratuita"}[v.role]
        term = {"P1M": "Mensal", "P1Y": "Anual", "trial": "Avaliação", "P3Y": "Trienal"}[v.term]
        cnpj = f"{10 + v.client % 89:02d}.{v.client * 37 % 1000:03d}.{v.client * 91 % 1000:03d}/0001-{v.client % 97:02d}"
        rows[i] = s.add(
            sc.vendor_names[v.client],
            cnpj,
            kind,
            p.name,
            _sku(v),
            term,
            "Anual" if v.annual else "Mensal",
            str(v.qty),
            brl(v.rrp),
            brl(v.unit),
            brl(_total(v)),
            "01/11/2026",
            "31/10/2027" if v.annual else "30/11/2026",
        )
    return "faturamento_novembro.csv", csv_bytes(s, ";", "utf-8", bom=True), rows, None


def japan(sc: Scenario, rng: random.Random) -> Rendered:
    s = Sheet()
    s.add("請求明細（クラウドサービス）", "", "", "")
    s.add("対象期間", "2026年11月", "", "")
    s.add(
        "請求月",
        "顧客名",
        "顧客コード",
        "商品名",
        "商品コード",
        "区分",
        "契約期間",
        "請求サイクル",
        "数量",
        "標準価格",
        "仕入単価",
        "仕入金額",
        "備考",
    )
    yen = partial(money, decimals=0, prefix="￥")
    rows: dict[int, int] = {}
    total = 0
    for i in _order(sc):
        v = sc.vendor[i]
        p = BY_KEY[v.product]
        kind = {"licence": "通常", "credit": "返金", "free": "無償試用"}[v.role]
        term = {"P1M": "1ヶ月", "P1Y": "1年", "trial": "試用", "P3Y": "3年"}[v.term]
        amount = _total(v)
        amount_text = yen(amount) if amount >= 0 else "▲" + yen(-amount)
        rows[i] = s.add(
            "2026/11",
            sc.vendor_names[v.client],
            f"C{sc.customers[v.client].code}",
            p.name,
            _sku(v),
            kind,
            term,
            "年次" if v.annual else "月次",
            str(v.qty),
            yen(v.rrp),
            yen(v.unit),
            amount_text,
            "",
        )
        total += amount
    s.add("", "", "", "合計", "", "", "", "", "", "", "", yen(total), "")
    return "seikyu_meisai.csv", csv_bytes(s, ",", "cp932"), rows, None


def unicode_text(sc: Scenario, rng: random.Random) -> Rendered:
    s = Sheet()
    s.add(
        "Customer",
        "Service",
        "Product Code",
        "Quantity",
        "Unit Cost",
        "Line Cost",
        "RRP",
        "Frequency",
        "From",
        "To",
    )
    gbp = partial(money, prefix="£")
    rows: dict[int, int] = {}
    for i in _order(sc):
        v = sc.vendor[i]
        p = BY_KEY[v.product]
        service = p.name + (
            " (credit)" if v.role == "credit" else " (trial)" if v.role == "free" else ""
        )
        rows[i] = s.add(
            sc.vendor_names[v.client],
            service,
            _sku(v),
            str(v.qty),
            gbp(v.unit),
            gbp(_total(v)),
            gbp(v.rrp),
            "Annual" if v.annual else "Monthly",
            "01/11/2026",
            "31/10/2027" if v.annual else "30/11/2026",
        )
    return "billing_unicode.txt", csv_bytes(s, "\t", "utf-16-le", bom=True), rows, None


def _domain(sc: Scenario, ci: int) -> str:
    c = sc.customers[ci]
    base = c.trading if c.trading else f"{c.first} {c.rest}"
    slug = "".join(ch for ch in fold(base).lower() if ch.isalnum())[:24]
    return f"{slug}.onmicrosoft.com"


PC_COLUMNS = [
    "PartnerId",
    "CustomerId",
    "CustomerName",
    "CustomerDomainName",
    "CustomerCountry",
    "InvoiceNumber",
    "MpnId",
    "ResellerMpnId",
    "OrderId",
    "OrderDate",
    "ProductId",
    "SkuId",
    "AvailabilityId",
    "SkuName",
    "ProductName",
    "ChargeType",
    "UnitPrice",
    "Quantity",
    "Subtotal",
    "TaxTotal",
    "Total",
    "Currency",
    "PriceAdjustmentDescription",
    "PublisherName",
    "PublisherId",
    "SubscriptionDescription",
    "SubscriptionId",
    "ChargeStartDate",
    "ChargeEndDate",
    "TermAndBillingCycle",
    "EffectiveUnitPrice",
    "UnitType",
    "AlternateId",
    "BillableQuantity",
    "BillingFrequency",
    "PricingCurrency",
    "PCToBCExchangeRate",
    "PCToBCExchangeRateDate",
    "MeterDescription",
    "ReservationOrderId",
    "SubscriptionStartDate",
    "SubscriptionEndDate",
    "ReferenceId",
    "ProductQualifiers",
    "PromotionId",
    "ProductCategory",
]


#: AUD per USD: the bill is in AUD, the price list in USD (PCToBCExchangeRate)
PC_RATE = Fraction(15234, 10000)


def partner_center(sc: Scenario, rng: random.Random) -> Rendered:
    s = Sheet()
    s.add(*PC_COLUMNS)
    rows: dict[int, int] = {}
    order = _order(sc)
    repeat_at = len(order) // 2
    for n, i in enumerate(order):
        if n == repeat_at:
            s.add(*PC_COLUMNS)  # a second part pasted below the first
        v = sc.vendor[i]
        p = BY_KEY[v.product]
        pid, _, skuid = (p.pc_id or _sku(v)).partition(":")
        skuid = skuid or "0001"
        if v.role == "credit":
            charge = rng.choice(("removeQuantity", "REMOVEQUANTITY", "cancel"))
        else:
            charge = rng.choice(("cycleCharge", "CycleCharge", "cyclecharge", "renew", "new"))
        term = {
            "P1M": "One-Month commitment for monthly billing",
            "P1Y": "One-Year commitment for yearly billing"
            if v.annual
            else "One-Year commitment for monthly/yearly billing",
            "P3Y": "Three-3 Years commitment for monthly/3 Years/yearly billing",
            "trial": "One-Month commitment for trial",
        }[v.term]

        def num(minor: int, apostrophe: bool) -> str:
            text = money(minor, thou="")
            return f"'{text}{'0' * 16}" if apostrophe else text

        def usd(minor: int, apostrophe: bool) -> str:
            """The price in the pricing currency (USD, 6 decimals) whose ROUNDDOWN(x * rate, 2) is
            ``minor`` AUD cents: the bill's cost is Subtotal / BillableQuantity, not this."""
            micro = -(-minor * 10**4 * PC_RATE.denominator // PC_RATE.numerator)  # ceiling
            assert (micro * PC_RATE) // 10**4 == minor
            text = f"{micro // 10**6}.{micro % 10**6:06d}"
            return f"'{text}{'0' * 12}" if apostrophe else text

        apos = rng.random() < 0.3
        qty = f"'{v.qty}.000000000000000000" if apos else str(v.qty)
        ref = (
            ('{"ReferenceType":"Invoice","Id":"' + f"G{v.client:06d}" + '"}')
            if n > repeat_at
            else ""
        )
        rows[i] = s.add(
            "4f1d7c2a-0c5e-4c7e-9d0e-1a2b3c4d5e6f",
            f"c{v.client:07d}-0000-4000-8000-{v.client:012d}",
            sc.vendor_names[v.client],
            _domain(sc, v.client),
            sc.customers[v.client].country,
            "G012345678",
            "6543210",
            "",
            f"o{v.sub[:8]}",
            "2026-10-15",
            pid,
            skuid,
            f"{pid}00{skuid[-1]}",
            p.name,
            p.name,
            charge,
            usd(v.rrp, apos),
            qty,
            num(_total(v), False),
            "0",
            num(_total(v), False),
            "AUD",
            "",
            p.publisher,
            "microsoft" if p.publisher == "Microsoft" else p.publisher.lower().replace(" ", ""),
            p.name,
            v.sub,
            "2026-11-01",
            "2027-10-31" if v.annual else "2026-11-30",
            term,
            usd(v.unit, apos),
            "Licenses",
            "",
            qty,
            "Annual" if v.annual else "Monthly",
            "USD",
            str(PC_RATE.numerator / PC_RATE.denominator),
            "2026-11-01",
            "",
            "",
            "2026-03-01",
            "2027-02-28",
            ref,
            "",
            "",
            "OnlineServicesNCE",
        )
    return "ReconLineItems_2026-11.csv", csv_bytes(s, ",", "utf-8", bom=True), rows, None


def sherweb(sc: Scenario, rng: random.Random) -> Rendered:
    s = Sheet()
    s.add(
        "Client",
        "Nom du produit",
        "SKU",
        "Type de frais",
        "Engagement",
        "Facturation",
        "Quantité",
        "PDSF",
        "Coût unitaire",
        "Coût total",
        "Début",
        "Fin",
    )
    cad = partial(money, dec=",", thou="\u00a0", suffix="\u00a0$", neg="paren")
    rows: dict[int, int] = {}
    for i in _order(sc):
        v = sc.vendor[i]
        p = BY_KEY[v.product]
        kind = {"licence": "Récurrent", "credit": "Crédit", "free": "Essai gratuit"}[v.role]
        term = {"P1M": "Mensuel", "P1Y": "Annuel", "trial": "Essai", "P3Y": "Triennal"}[v.term]
        rows[i] = s.add(
            sc.vendor_names[v.client],
            p.name,
            _sku(v),
            kind,
            term,
            "Annuelle" if v.annual else "Mensuelle",
            str(v.qty),
            cad(v.rrp),
            cad(v.unit),
            cad(_total(v)),
            "2026-11-01",
            "2027-10-31" if v.annual else "2026-11-30",
        )
    return "sherweb_frais_payables.csv", csv_bytes(s, ";", "utf-8"), rows, None


def consolidated(sc: Scenario, rng: random.Random) -> Rendered:
    pivot = Sheet("Pivot")
    pivot.add("Distributor", "Ext Cost")
    s = Sheet("All bills")
    s.add("Consolidated licence bills - November 2026")
    s.add(
        "Distributor",
        "Customer",
        "Product",
        "SKU",
        "Term",
        "Billing",
        "Qty",
        "Unit Cost",
        "Ext Cost",
        "MSRP",
        "Service Period",
    )
    rows: dict[int, int] = {}
    pick = {
        v.sub: ("Pax8" if random.Random(f"dist/{v.sub}").random() < 0.55 else "TD SYNNEX")
        for v in sc.vendor
    }
    for dist in ("Pax8", "TD SYNNEX"):
        total = 0
        for i in _order(sc):
            v = sc.vendor[i]
            if pick[v.sub] != dist:
                continue
            p = BY_KEY[v.product]
            if dist == "Pax8":
                name = sc.vendor_names[v.client]
                product = f"{p.name} [NCE]" if p.publisher == "Microsoft" else p.name
                sku = f"PX-{_sku(v).replace(':', '-')}"
                term = {"P1M": "Monthly", "P1Y": "Annual", "trial": "Trial", "P3Y": "3 Year"}[
                    v.term
                ]
            else:
                name = sc.vendor_names[v.client].upper()
                product = p.name + (" (Monthly Pre-Paid)" if not v.annual else " (Annual Pre-Paid)")
                sku = "US" + _sku(v).replace(":", "")
                term = {"P1M": "1 Month", "P1Y": "1 Year", "trial": "Trial", "P3Y": "3 Years"}[
                    v.term
                ]
            if v.role == "credit":
                product += " - credit"
            rows[i] = s.add(
                dist,
                name,
                product,
                sku,
                term,
                "Annual" if v.annual else "Monthly",
                v.qty,
                decimal_number(v.unit, 2),
                decimal_number(_total(v), 2),
                decimal_number(v.rrp, 2),
                "11/01/2026-10/31/2027" if v.annual else "11/01/2026-11/30/2026",
            )
            total += _total(v)
        s.add(f"{dist} Total", None, None, None, None, None, None, None, decimal_number(total, 2))
        pivot.add(dist, decimal_number(total, 2))
    return "consolidated_bills.xlsx", xlsx_bytes([pivot, s]), rows, None


VENDORS: dict[str, Callable[[Scenario, random.Random], Rendered]] = {
    "softwareone_pyracloud": softwareone,
    "dustin_se": dustin,
    "bechtle_de": bechtle,
    "redington_in": redington,
    "brazil_distribuidor": brazil,
    "japan_yen_cp932": japan,
    "excel_unicode_text": unicode_text,
    "partner_center_recon_2026": partner_center,
    "sherweb_fr_ca": sherweb,
    "msp_consolidated": consolidated,
}


def vendor_names(sc: Scenario, fmt: str) -> list[str]:
    encoding = VENDOR_INFO[fmt][1]
    enc = "utf-8" if encoding.startswith("utf") else encoding
    return [encodable(c.name, enc) for c in sc.customers]
