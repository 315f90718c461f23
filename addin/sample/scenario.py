"""Realistic sample exports with known, seeded leakage — for the free sample audit, tests and bench.

One :class:`Scenario` (clients, products, seat counts, prices) is rendered into any vendor format
(Partner Center, Pax8, Dicker Data, Cloudmore) and any PSA format (ConnectWise, Autotask, HaloPSA,
Syncro) with the messiness real exports have: legal vs trading names, typos, accents, sibling
customers, commerce tags and terse stock descriptions, split subscriptions, annual lines, credits,
free SKUs, service lines, cancelled additions, title rows, totals rows, cents columns, ``;`` and
decimal commas. The scenario also states the discrepancies it seeded (:attr:`Scenario.expected`),
computed independently of the engine, so accuracy can be measured.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from statistics import median

from engine.match.client_keys import client_key

VENDOR_FORMATS = ("partner_center", "pax8", "dicker", "cloudmore")
PSA_FORMATS = ("connectwise", "autotask", "halopsa", "syncro")


@dataclass(frozen=True)
class SampleProduct:
    name: str  # canonical catalogue name
    cost: Decimal  # MSP's monthly unit cost
    price: Decimal  # usual monthly price to clients
    partner_center_id: str  # "" when not known
    terse: str  # distributor-style description
    psa_spellings: tuple[str, ...]


PRODUCTS: tuple[SampleProduct, ...] = (
    SampleProduct(
        "Microsoft 365 Business Premium",
        Decimal("19.80"),
        Decimal("24.00"),
        "CFQ7TTC0LCHC:0002",
        "MS NCE M365 BP 1YR",
        (
            "Microsoft 365 Business Premium",
            "M365 Business Premium",
            "Business Premium",
            "Microsoft 365 Business Premium (NCE) Annual",
        ),
    ),
    SampleProduct(
        "Microsoft 365 Business Standard",
        Decimal("11.25"),
        Decimal("14.00"),
        "CFQ7TTC0LDPB:0001",
        "MS NCE M365 BS 1YR",
        ("Microsoft 365 Business Standard", "M365 Business Standard", "Business Standard"),
    ),
    SampleProduct(
        "Microsoft 365 Business Basic",
        Decimal("5.40"),
        Decimal("7.00"),
        "CFQ7TTC0LH18:0001",
        "MS NCE M365 BB 1MTH",
        ("Microsoft 365 Business Basic", "M365 Business Basic [NCE]", "Business Basic"),
    ),
    SampleProduct(
        "Microsoft 365 E3",
        Decimal("32.40"),
        Decimal("39.00"),
        "CFQ7TTC0LFLX:0001",
        "MS NCE M365 E3 1YR",
        ("Microsoft 365 E3", "M365 E3", "Microsoft 365 E3 (Annual)"),
    ),
    SampleProduct(
        "Microsoft 365 E5",
        Decimal("51.84"),
        Decimal("60.00"),
        "CFQ7TTC0LFLZ:0002",
        "MS NCE M365 E5 1YR",
        ("Microsoft 365 E5", "M365 E5"),
    ),
    SampleProduct(
        "Office 365 E3",
        Decimal("20.70"),
        Decimal("25.00"),
        "CFQ7TTC0LF8Q:0001",
        "MS NCE O365 E3 1MTH",
        ("Office 365 E3", "O365 E3", "Office 365 E3 - Monthly"),
    ),
    SampleProduct(
        "Exchange Online (Plan 1)",
        Decimal("3.60"),
        Decimal("5.00"),
        "CFQ7TTC0LH16:0001",
        "MS NCE EXO P1 1YR",
        ("Exchange Online (Plan 1)", "Exchange Online Plan 1", "EXO P1"),
    ),
    SampleProduct(
        "Exchange Online Archiving for Exchange Online",
        Decimal("2.70"),
        Decimal("4.00"),
        "CFQ7TTC0LH0J:0001",
        "MS NCE EOA 1YR",
        ("Exchange Online Archiving", "Exchange Online Archiving for Exchange Online"),
    ),
    SampleProduct(
        "Microsoft 365 Copilot",
        Decimal("27.00"),
        Decimal("32.00"),
        "CFQ7TTC0MM8R:0001",
        "MS NCE M365 COPILOT 1YR",
        ("Microsoft 365 Copilot", "Copilot for Microsoft 365"),
    ),
    SampleProduct(
        "Microsoft Entra ID P1",
        Decimal("5.40"),
        Decimal("7.50"),
        "",
        "Microsoft Entra ID P1",
        ("Microsoft Entra ID P1", "Azure AD Premium P1"),
    ),
    SampleProduct(
        "Power BI Pro", Decimal("12.60"), Decimal("15.00"), "", "Power BI Pro", ("Power BI Pro",)
    ),
    SampleProduct(
        "Acme Mail Guard Advanced",
        Decimal("1.75"),
        Decimal("3.00"),
        "",
        "Acme Mail Guard - Advanced",
        ("Acme Mail Guard Advanced", "ACME Mail Guard (Advanced)"),
    ),
)
FREE_PRODUCT = SampleProduct(
    "Microsoft Teams Exploratory", Decimal(0), Decimal(0), "", "Teams Exploratory", ()
)
SERVICES = (
    "Managed Services - Per User",
    "Cloud Backup per Device",
    "Remote Support Block (10 hrs)",
    "Onboarding Labour",
)

_FIRST = (
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Adventure",
    "Blue Ridge",
    "Tailspin",
    "Woodgrove",
    "Litware",
    "Proseware",
    "Wingtip",
    "Alpine",
    "Coho",
    "Lucerne",
    "Margie's",
    "Trey",
    "Humongous",
    "Wide World",
    "Graphic",
    "Fourth",
    "Bellows",
    "Cedar",
    "Harbor",
    "Summit",
    "Pioneer",
    "Redwood",
    "Silverline",
    "Granite",
    "Maple",
    "Lakeside",
    "Sterling",
    "Evergreen",
    "Ironwood",
    "Bayview",
    "Crescent",
    "Oakridge",
    "Riverside",
    "Highland",
    "Keystone",
    "Meridian",
    "Orchard",
    "Prairie",
    "Quarry",
    "Sunrise",
    "Timber",
    "Vista",
    "Willow",
    "Zenith",
    "Aurora",
    "Beacon",
    "Citadel",
    "Müller",
    "Señora",
    "Østby",
    "Café",
)
_SECOND = (
    "Dental",
    "Legal",
    "Logistics",
    "Manufacturing",
    "Accounting",
    "Medical",
    "Realty",
    "Engineering",
    "Architects",
    "Insurance",
    "Veterinary",
    "Construction",
    "Consulting",
    "Foods",
    "Motors",
    "Financial",
    "Pharmacy",
    "Design",
    "Travel",
    "Energy",
)
_THIRD = (
    "Group",
    "Partners",
    "Associates",
    "Services",
    "Clinic",
    "Holdings",
    "Solutions",
    "Co",
    "International",
    "Lab",
    "Systems",
    "Studio",
    "",
)
_LEGAL = ("Inc.", "LLC", "Ltd", "Pty Ltd", "GmbH", "Corp.", "Incorporated", "PLLC", "Limited", "")
_PSA_ABBREVIATIONS = {"Manufacturing": "Mfg", "International": "Intl", "Services": "Svcs"}


@dataclass
class Holding:
    client: int
    product: SampleProduct
    vendor_qty: int  # net seats on the vendor bill (0: no vendor line)
    psa_qty: int  # seats billed in the PSA (0: no PSA line)
    psa_price: Decimal  # monthly price billed
    annual_vendor: bool = False
    split: int = 1  # subscriptions the vendor seats are split over
    credit: bool = False  # a +1 / -1 pair on the vendor side
    psa_period: int = 1  # months one PSA unit covers (Autotask quarterly/yearly)


@dataclass(frozen=True)
class Expected:
    type: str
    vendor_client: str
    psa_client: str
    product: str
    monthly_impact: Decimal


@dataclass
class Scenario:
    vendor_names: list[str]  # per client ("" when the client is not on the vendor bill)
    psa_names: list[str]
    holdings: list[Holding]
    services: list[tuple[int, str, int, Decimal]] = field(default_factory=list)
    cancelled: list[tuple[int, SampleProduct, int]] = field(default_factory=list)
    free: list[tuple[int, int]] = field(default_factory=list)

    @property
    def expected(self) -> list[Expected]:
        """The seeded discrepancies, by the rules of the engine issue, computed from the scenario."""
        prices: dict[str, list[Fraction]] = {}
        for h in self.holdings:
            if h.psa_qty > 0:
                prices.setdefault(h.product.name, []).append(Fraction(h.psa_price))
        out = []
        on_vendor = {h.client for h in self.holdings if h.vendor_qty > 0}
        on_psa = {h.client for h in self.holdings if h.psa_qty > 0}
        for h in self.holdings:
            v = self.vendor_names[h.client] if h.client in on_vendor else ""
            p = self.psa_names[h.client] if h.client in on_psa else ""
            vq, pq, price = h.vendor_qty, h.psa_qty, Fraction(h.psa_price)
            cost = Fraction(h.product.cost)

            def add(kind: str, impact: Fraction, h: Holding = h, v: str = v, p: str = p) -> None:
                out.append(Expected(kind, v, p, h.product.name, _cents(impact)))

            if vq > 0 and pq == 0:
                ref = prices.get(h.product.name)
                add("unbilled", vq * (Fraction(median(ref)) if ref else cost))
            elif pq > 0 and vq == 0:
                add("no_vendor_record", pq * price)
            elif vq > pq > 0:
                add("under_billed", (vq - pq) * price)
            elif pq > vq > 0:
                add("over_billed", (pq - vq) * price)
            if vq > 0 and pq > 0 and price < cost:
                add("below_cost", (cost - price) * min(vq, pq))
        return out


def _cents(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 6:
        return word
    i = rng.randrange(2, len(word) - 2)
    return word[:i] + word[i] + word[i:]  # a doubled letter: "Fabrikkam"


def make_scenario(clients: int = 40, *, seed: int = 7) -> Scenario:
    """A month of one MSP: ``clients`` customers, each with a few licence products and services."""
    rng = random.Random(seed)
    vendor_names, psa_names = _client_names(rng, clients)
    clients = len(vendor_names)
    holdings: list[Holding] = []
    scenario = Scenario(vendor_names, psa_names, holdings)
    for client in range(clients):
        chosen = rng.sample(PRODUCTS, rng.choice((1, 2, 2, 3, 3, 4)))
        holdings.extend(_holding(rng, client, product) for product in chosen)
        if rng.random() < 0.7:
            scenario.services.append(
                (
                    client,
                    rng.choice(SERVICES),
                    rng.choice((1, 5, 12, 20)),
                    Decimal(rng.choice(("95.00", "12.50", "150.00", "45.00"))),
                )
            )
        if rng.random() < 0.1:
            scenario.cancelled.append((client, rng.choice(PRODUCTS), rng.choice((1, 2, 3))))
        if rng.random() < 0.1:
            scenario.free.append((client, rng.choice((1, 5, 10))))
    # a few customers only one side knows (found by client: a million lines is 8,000 such clients)
    by_client: dict[int, list[Holding]] = defaultdict(list)
    for h in holdings:
        by_client[h.client].append(h)
    for client in rng.sample(range(clients), max(1, clients // 40)):
        for h in by_client[client]:
            h.psa_qty = 0
    return scenario


def _client_names(rng: random.Random, clients: int) -> tuple[list[str], list[str]]:
    """Each customer's name on the vendor bill and in the PSA, spelt apart the ways real ones are
    (legal suffixes, capitals, abbreviations, "The", typos, "&" for "and"), with a few siblings."""
    vendor_names: list[str] = []
    psa_names: list[str] = []
    used: set[str] = set()
    while len(vendor_names) < clients:
        base = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)}"
        third = rng.choice(_THIRD)
        name = f"{base} {third}".strip()
        if len(vendor_names) % 97 == 3 and third:  # a sibling customer: "… Group" next to "… Lab"
            sibling = f"{base} {'Lab' if third != 'Lab' else 'Group'}"
            for candidate in (name, sibling):
                if client_key(candidate) not in used:
                    used.add(client_key(candidate))
                    vendor_names.append(f"{candidate} LLC")
                    psa_names.append(candidate)
            continue
        if client_key(name) in used:
            name = f"{name} {len(vendor_names)}"
        used.add(client_key(name))
        vendor, psa = _spellings(rng, name)
        vendor_names.append(vendor)
        psa_names.append(psa)
    return vendor_names, psa_names


def _spellings(rng: random.Random, name: str) -> tuple[str, str]:
    """One customer's (vendor, PSA) spellings of ``name``."""
    legal = rng.choice(_LEGAL)
    vendor = f"{name} {legal}".strip()
    if rng.random() < 0.15:
        vendor = vendor.upper()
    psa = name
    for full, short in _PSA_ABBREVIATIONS.items():
        if full in psa and rng.random() < 0.5:
            psa = psa.replace(full, short)
    roll = rng.random()
    if roll < 0.05:
        psa = "The " + psa
    elif roll < 0.10 and " " in psa:
        first, rest = psa.split(" ", 1)
        psa = f"{_typo(rng, first)} {rest}"
    elif roll < 0.13:
        psa = psa.replace(" ", " & ", 1) if " " in psa else psa
        vendor = vendor.replace(" ", " and ", 1)
    return vendor, psa


_KINDS = ("ok",) * 24 + ("unbilled", "under", "over", "novendor", "below", "below_under")


def _holding(rng: random.Random, client: int, product: SampleProduct) -> Holding:
    """One client's product, with the leakage (or none) seeded into it."""
    seats = rng.choice((1, 2, 3, 5, 5, 8, 10, 12, 15, 25, 40))
    price = product.price + rng.choice((Decimal(0), Decimal(0), Decimal("1.00"), Decimal("-0.50")))
    kind = rng.choice(_KINDS)
    vq, pq = seats, seats
    if kind == "unbilled":
        pq = 0
    elif kind == "under":
        pq = max(1, seats - rng.choice((1, 2, 3)))
        vq = max(vq, pq + 1)
    elif kind == "over":
        pq = seats + rng.choice((1, 2, 4))
    elif kind == "novendor":
        vq = 0
    elif kind in ("below", "below_under"):
        price = (
            product.cost - rng.choice((Decimal("0.80"), Decimal("2.10"), Decimal("0.05")))
        ).max(Decimal("0.50"))
        if kind == "below_under":
            vq = seats + 2
    return Holding(
        client,
        product,
        vq,
        pq,
        price,
        annual_vendor=rng.random() < 0.2,
        split=2 if vq >= 4 and rng.random() < 0.2 else 1,
        credit=vq > 0 and rng.random() < 0.05,
        psa_period=rng.choice((1, 1, 1, 3, 12)),
    )


# --- rendering ------------------------------------------------------------------------------------


def _money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP)}"


def _vendor_lines(scenario: Scenario) -> list[tuple[str, SampleProduct, int, Decimal, int, str]]:
    """(client, product, quantity, unit cost per billed period, months, charge) per vendor line."""
    lines = []
    for h in scenario.holdings:
        if h.vendor_qty <= 0 or not scenario.vendor_names[h.client]:
            continue
        months = 12 if h.annual_vendor else 1
        unit = h.product.cost * months
        name = scenario.vendor_names[h.client]
        parts = [
            h.vendor_qty // h.split + (1 if i < h.vendor_qty % h.split else 0)
            for i in range(h.split)
        ]
        for quantity in parts:
            lines.append((name, h.product, quantity, unit, months, "cycleCharge"))
        if h.credit:
            lines.append((name, h.product, 1, unit, months, "addQuantity"))
            lines.append((name, h.product, -1, unit, months, "removeQuantity"))
    for client, seats in scenario.free:
        lines.append(
            (scenario.vendor_names[client], FREE_PRODUCT, seats, Decimal(0), 1, "cycleCharge")
        )
    return lines


def vendor_rows(scenario: Scenario, fmt: str, *, period: str = "2025-08") -> list[list[str]]:
    """The vendor bill as rows of text, header first (plus preamble where the format has one)."""
    start, end = f"{period}-01", f"{period}-28"
    rows: list[list[str]] = []
    if fmt == "partner_center":
        rows.append(
            [
                "PartnerId",
                "CustomerId",
                "CustomerName",
                "CustomerDomainName",
                "InvoiceNumber",
                "ProductId",
                "SkuId",
                "SkuName",
                "ProductName",
                "ChargeType",
                "UnitPrice",
                "Quantity",
                "Subtotal",
                "TaxTotal",
                "Total",
                "Currency",
                "SubscriptionId",
                "ChargeStartDate",
                "ChargeEndDate",
                "TermAndBillingCycle",
                "EffectiveUnitPrice",
                "BillableQuantity",
                "BillingFrequency",
            ]
        )
        for i, (name, product, qty, unit, months, charge) in enumerate(_vendor_lines(scenario)):
            pid, _, sku = product.partner_center_id.partition(":")
            list_price = (unit * Decimal("1.1")).quantize(Decimal("0.01"))
            subtotal = unit * qty
            domain = (
                "".join(c for c in name.lower().split(" ")[0] if c.isalnum())
                + f"{i % 7}.onmicrosoft.com"
            )
            term = (
                "One-Year commitment for yearly billing"
                if months == 12
                else "One-Year commitment for monthly billing"
            )
            if product is FREE_PRODUCT:
                term = "One-Month commitment for trial"
            rows.append(
                [
                    "p-1",
                    f"c-{abs(hash(name)) % 10**8}",
                    name,
                    domain,
                    "G012345678",
                    pid,
                    sku,
                    product.name,
                    product.name,
                    charge,
                    _money(list_price),
                    str(qty),
                    _money(subtotal),
                    "0.00",
                    _money(subtotal),
                    "USD",
                    f"sub-{i}",
                    start,
                    end,
                    term,
                    _money(unit),
                    str(qty),
                    "Annual" if months == 12 else "Monthly",
                ]
            )
    elif fmt == "pax8":
        rows.append(
            [
                "companyName",
                "companyId",
                "productName",
                "sku",
                "quantity",
                "term",
                "price",
                "cost",
                "subTotal",
                "costTotal",
                "total",
                "startPeriod",
                "endPeriod",
                "type",
                "currencyCode",
            ]
        )
        for name, product, qty, unit, months, _charge in _vendor_lines(scenario):
            suggested = (unit * Decimal("1.2")).quantize(Decimal("0.01"))
            rows.append(
                [
                    name,
                    f"{abs(hash(name)) % 10**6}",
                    f"{product.name} [NCE]",
                    "MST-NCE-103-C100" if product.name.endswith("Business Premium") else "",
                    str(qty),
                    "Annual" if months == 12 else "Monthly",
                    _money(suggested),
                    _money(unit),
                    _money(suggested * qty),
                    _money(unit * qty),
                    _money(unit * qty),
                    start,
                    end if months == 1 else _year_end(start),  # an annual charge covers the year
                    "credits" if qty < 0 else "subscription",
                    "USD",
                ]
            )
    elif fmt == "dicker":
        rows.append(["Dicker Data - Annuity Report"])
        rows.append([f"Period: {period}"])
        rows.append([])
        rows.append(
            [
                "TENANT ID",
                "TENANT NAME",
                "SUBSCRIPTION ID",
                "STOCK CODE",
                "STOCK DESCRIPTION",
                "REFERENCE",
                "QTY",
                "CHARGE TYPE",
                "STATUS",
                "START USAGE",
                "END USAGE",
                "UNIT PRICE",
                "UNIT RRP",
            ]
        )
        for i, (name, product, qty, unit, months, _charge) in enumerate(_vendor_lines(scenario)):
            code = (
                f"P1Y:{product.partner_center_id}:{'Y' if months == 12 else '1'}:"
                if product.partner_center_id
                else ""
            )
            rows.append(
                [
                    f"t-{i}",
                    name,
                    f"s-{i}",
                    code,
                    product.terse,
                    "",
                    str(qty),
                    "Credit" if qty < 0 else "Renewal",
                    "Active",
                    "01-AUG-2025",
                    "31-JUL-2026" if months == 12 else "31-AUG-2025",
                    f"${_money(unit)}",
                    f"${_money(unit * Decimal('1.25'))}",
                ]
            )
    elif fmt == "cloudmore":
        rows.append(
            [
                "Billing Date",
                "Service Name",
                "Broker Name",
                "Organization Name",
                "Customer Number",
                "Product Name",
                "Item Code",
                "Quantity",
                "Unit Cost Price",
                "Unit Sales Price",
                "Total Cost",
                "Total Sales",
                "Currency Code",
                "Payment Frequency",
            ]
        )
        for name, product, qty, unit, months, _charge in _vendor_lines(scenario):

            def eu(value: Decimal) -> str:
                return _money(value).replace(".", ",")

            rows.append(
                [
                    f"01.{period[5:]}.{period[:4]}",
                    "Microsoft CSP",
                    "Broker AB",
                    name,
                    str(abs(hash(name)) % 10**5),
                    product.name,
                    product.partner_center_id.replace(":", ""),
                    str(qty),
                    eu(unit),
                    eu(unit * Decimal("1.3")),
                    eu(unit * qty),
                    eu(unit * Decimal("1.3") * qty),
                    "EUR",
                    "Annually" if months == 12 else "Monthly",
                ]
            )
    else:
        from addin.sample.formats import MORE_VENDOR_FORMATS, more_vendor_rows

        if fmt in MORE_VENDOR_FORMATS:
            return more_vendor_rows(scenario, fmt, period)
        raise ValueError(f"unknown vendor format {fmt!r}; known: {', '.join(VENDOR_FORMATS)}")
    return rows


def _psa_items(
    scenario: Scenario, rng: random.Random, *, periods: bool = True
) -> list[tuple[str, str, int, Decimal, int, str]]:
    """(client, description, quantity, unit price per period, months, status) per PSA line."""
    items = []
    for h in scenario.holdings:
        if h.psa_qty <= 0:
            continue
        spelling = rng.choice(h.product.psa_spellings)
        months = h.psa_period if periods else 1
        items.append(
            (
                scenario.psa_names[h.client],
                spelling,
                h.psa_qty,
                h.psa_price * months,
                months,
                "Active",
            )
        )
    for client, service, qty, price in scenario.services:
        items.append((scenario.psa_names[client], service, qty, price, 1, "Active"))
    for client, product, qty in scenario.cancelled:
        items.append(
            (
                scenario.psa_names[client],
                product.psa_spellings[0],
                qty,
                product.price,
                1,
                "Cancelled",
            )
        )
    rng.shuffle(items)
    return items


def psa_rows(scenario: Scenario, fmt: str, *, seed: int = 1) -> list[list[str]]:
    """The PSA export as rows of text, header first (plus title/totals rows where the format has them)."""
    rng = random.Random(seed)
    items = _psa_items(scenario, rng, periods=fmt != "connectwise")
    rows: list[list[str]] = []
    total = sum((unit * qty for _, _, qty, unit, _, _ in items), Decimal(0))
    if fmt == "connectwise":
        rows.append(
            [
                "Company Name",
                "Agreement Name",
                "Product ID",
                "Description",
                "Quantity",
                "Less Included",
                "Price",
                "Ext Price",
                "Bill",
                "Effective",
                "Cancelled",
                "Addition Status",
            ]
        )
        for client, description, qty, unit, _months, status in items:
            cancelled = "07/15/2025" if status == "Cancelled" else ""
            rows.append(
                [
                    client,
                    f"{client} - Managed",
                    description.upper().replace(" ", "-")[:12],
                    description,
                    str(qty),
                    "0",
                    f"${unit:,.2f}",
                    f"${unit * qty:,.2f}",
                    "Billable",
                    "01/01/2025",
                    cancelled,
                    status,
                ]
            )
    elif fmt == "autotask":
        rows.append(
            [
                "Account Name",
                "Contract Name",
                "Service Name",
                "Units",
                "Unit Price",
                "Unit Cost",
                "Period Type",
                "Extended Price",
                "Status",
            ]
        )
        for client, description, qty, unit, months, status in items:
            period = {1: "Monthly", 3: "Quarterly", 12: "Yearly"}[months]
            rows.append(
                [
                    client,
                    "Recurring Services",
                    description,
                    str(qty),
                    f"{unit:.2f}",
                    "",
                    period,
                    f"{unit * qty:.2f}",
                    "Active" if status == "Active" else "Inactive",
                ]
            )
        rows.append(["Total", "", "", "", "", "", "", f"{total:.2f}", ""])
    elif fmt == "halopsa":
        rows.append(["Recurring Invoice Lines"])
        rows.append(["Report run 2025-09-01 08:00"])
        rows.append([])
        rows.append(
            [
                "client_name",
                "invoice_number",
                "item_shortdescription",
                "item_longdescription",
                "qty_order",
                "unit_price",
                "net_amount",
                "billing_period",
                "status",
            ]
        )
        for i, (client, description, qty, unit, months, status) in enumerate(items):
            period = {1: "Monthly", 3: "Quarterly", 12: "Annually"}[months]
            rows.append(
                [
                    client,
                    f"RI-{1000 + i}",
                    description,
                    f"{description} $MONTHNAME $YEAR",
                    str(qty),
                    f"{unit:.2f}",
                    f"{unit * qty:.2f}",
                    period,
                    "Active" if status == "Active" else "Cancelled",
                ]
            )
    elif fmt == "syncro":
        rows.append(
            [
                "customer_business_then_name",
                "schedule_name",
                "name",
                "description",
                "quantity",
                "retail_cents",
                "cost_cents",
                "frequency",
                "status",
            ]
        )
        for client, description, qty, unit, months, status in items:
            frequency = {1: "Monthly", 3: "Quarterly", 12: "Annually"}[months]
            rows.append(
                [
                    client,
                    "Monthly Licensing",
                    description,
                    "",
                    str(qty),
                    str(int(unit * 100)),
                    "",
                    frequency,
                    "active" if status == "Active" else "inactive",
                ]
            )
    else:
        from addin.sample.formats import MORE_PSA_FORMATS, more_psa_rows

        if fmt in MORE_PSA_FORMATS:
            return more_psa_rows(scenario, fmt, seed)
        raise ValueError(f"unknown PSA format {fmt!r}; known: {', '.join(PSA_FORMATS)}")
    return rows


def to_csv_bytes(rows: list[list[str]], *, fmt: str) -> bytes:
    """Encode rows the way each system exports them (Cloudmore: ``;`` and Windows-1252)."""
    buffer = io.StringIO()
    delimiter = ";" if fmt == "cloudmore" else ","
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = buffer.getvalue()
    if fmt == "cloudmore":
        return text.encode("cp1252", errors="replace")
    if fmt == "partner_center":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")


def _year_end(start: str) -> str:
    """The last day of the year-long charge period that starts on ``start`` (YYYY-MM-DD)."""
    begin = dt.date.fromisoformat(start)
    return (dt.date(begin.year + 1, begin.month, begin.day) - dt.timedelta(days=1)).isoformat()
