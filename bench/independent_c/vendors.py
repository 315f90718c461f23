"""Vendor bills, each rendered the way its system exports it (see README for sources/assumptions)."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_UP, Decimal
from pathlib import Path

from .catalog import PRODUCTS
from .scenario import PERIOD_START, Caps, Scenario, VLine
from .writers import Sheet, money, write_csv, write_xlsx


@dataclass(frozen=True)
class Rendered:
    file: str
    sheet: str | None
    rows: dict[int, int]  # line uid -> 1-based row


def guid(*parts: object) -> str:
    h = hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def dmy_upper(d: date) -> str:
    return d.strftime("%d-%b-%Y").upper()


def mdy(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def dec(cents: int) -> Decimal:
    return Decimal(cents) / 100


def _order(rng: random.Random, lines: list[VLine], by_client: bool) -> list[VLine]:
    out = list(lines)
    rng.shuffle(out)
    if by_client:
        out.sort(key=lambda v: v.client.canonical.casefold())
    return out


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


def _pc_term(v: VLine) -> tuple[str, str]:
    if v.term == "trial":
        return "One-Month commitment for trial", "Monthly"
    if v.annual:
        return "One-Year commitment for yearly billing", "Annual"
    if v.term == "P1Y":
        return "One-Year commitment for monthly billing", "Monthly"
    return "One-Month commitment for monthly billing", "Monthly"


def _charge_case(rng: random.Random, charge: str) -> str:
    return rng.choice((charge, charge, charge[0].upper() + charge[1:], charge.lower()))


def _pc_rows(sc: Scenario, rng: random.Random, rate: Decimal | None) -> Sheet:
    sh = Sheet("Reconciliation")
    sh.add(list(PC_COLUMNS))
    lines = _order(rng, sc.vendor, by_client=False)
    repeat_at = (
        {rng.randrange(1, max(2, len(lines))) for _ in range(2)} if len(lines) > 20 else set()
    )
    invoice = f"G{(sc.seed * 7717) % 10**9:09d}"
    for i, v in enumerate(lines):
        if i in repeat_at:
            sh.add(list(PC_COLUMNS))
        term, freq = _pc_term(v)
        pid, _, sku = v.product.pc_id.partition(":")
        currency = sc.caps.currency
        if rate is None:
            eup: Decimal = dec(v.cost)
            unit: Decimal = dec(v.list_price)
            pricing, xr = currency, Decimal(1)
        else:  # priced in USD, billed in GBP: ROUNDDOWN(EUP x rate, 2) is the cost in pounds
            eup = (dec(v.cost) / rate).quantize(Decimal("0.000001"), rounding=ROUND_UP)
            unit = (dec(v.list_price) / rate).quantize(Decimal("0.000001"), rounding=ROUND_UP)
            pricing, xr = "USD", rate
        subtotal = dec(v.cost) * v.qty
        apostrophe = rng.random() < 0.2

        def num(x: Decimal, *, ap: bool = apostrophe) -> str:
            return f"'{x:.18f}" if ap else f"{x.normalize():f}"

        ref = ""
        if rng.random() < 0.4:
            ref = json.dumps({"referenceType": "Order", "referenceId": guid("ref", v.uid)})
        sh.add(
            [
                "3c7b2d1e-5f4a-4c2b-9e8d-1a2b3c4d5e6f",
                guid("cust", v.client.idx),
                v.client.canonical,
                v.client.domain,
                v.client.country,
                invoice,
                "6123456",
                "",
                guid("order", v.sub)[:32].replace("-", ""),
                mdy(v.start),
                pid,
                sku or "0001",
                f"{pid}{(v.uid * 31) % 997:04d}",
                v.product.name,
                v.product.name,
                _charge_case(rng, v.charge),
                num(unit),
                num(Decimal(v.qty), ap=False),
                f"{subtotal:.2f}",
                "0",
                f"{subtotal:.2f}",
                currency,
                "Promotion applied" if v.cost < v.list_price and rng.random() < 0.3 else "",
                "Microsoft Corporation",
                "",
                v.product.name,
                guid("sub", v.sub),
                mdy(v.start),
                mdy(v.end),
                term,
                num(eup),
                "Licenses",
                guid("alt", v.uid)[:12],
                num(Decimal(v.qty), ap=False),
                freq,
                pricing,
                num(xr),
                mdy(date(2026, 10, 1)),
                "",
                "",
                mdy(v.start),
                mdy(v.end),
                ref,
                "['None']",
                "",
                "Security"
                if "Defender" in v.product.name or "Entra" in v.product.name
                else "OnlineServicesNCE",
            ],
            v.uid,
        )
    return sh


def partner_center_nce(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    sh = _pc_rows(sc, rng, None)
    write_csv(out / "vendor.csv", sh, bom=True)
    return Rendered("vendor.csv", None, sh.row_numbers())


def partner_center_nce_gbp_xlsx(
    sc: Scenario, rng: random.Random, perturb: bool, out: Path
) -> Rendered:
    sh = _pc_rows(sc, rng, Decimal("0.7412"))
    summary = Sheet("Summary")
    summary.add(["Invoice reconciliation - October 2026"], bold=True)
    summary.add(["Billing currency", "GBP"])
    summary.add(["Pricing currency", "USD"])
    summary.add(["Lines", len(sc.vendor)])
    summary.add(["Customers", len({v.client.idx for v in sc.vendor})])
    total = sum(v.cost * v.qty for v in sc.vendor)
    summary.add(["Total (GBP)", dec(total)])
    summary.formats = {1: "#,##0.00"}
    write_xlsx(out / "vendor.xlsx", [summary, sh])
    return Rendered("vendor.xlsx", "Reconciliation", sh.row_numbers())


LEGACY_OLD = {"entra1": 0, "entra2": 0, "mdo1": 0, "mdo2": 0, "mde2": 0, "intune1": 0}


def partner_center_legacy(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    cols = [
        "PartnerId",
        "CustomerId",
        "CustomerName",
        "MpnId",
        "ResellerMpnId",
        "OrderId",
        "SubscriptionId",
        "SyndicationPartnerSubscriptionNumber",
        "OfferId",
        "DurableOfferId",
        "OfferName",
        "SubscriptionStartDate",
        "SubscriptionEndDate",
        "ChargeStartDate",
        "ChargeEndDate",
        "ChargeType",
        "UnitPrice",
        "Quantity",
        "Amount",
        "TotalOtherDiscount",
        "Subtotal",
        "Tax",
        "TotalForCustomer",
        "Currency",
        "DomainName",
        "SubscriptionName",
        "SubscriptionDescription",
        "BillingCycleType",
    ]
    sh = Sheet("legacy")
    sh.add(cols)
    for v in _order(rng, sc.vendor, by_client=True):
        name = v.product.name
        if perturb and v.product.key in LEGACY_OLD and v.product.renamed:
            name = v.product.renamed[0].text
            v.classes = ("renamed",)
        amount = dec(v.list_price) * v.qty
        subtotal = dec(v.cost) * v.qty
        charge = {
            "cycleCharge": "Cycle fee",
            "new": "Activation fee",
            "renew": "Cycle fee",
            "removeQuantity": "Cancel fee",
        }.get(v.charge, "Cycle fee")
        sh.add(
            [
                "8f1e2d3c-0000-4aaa-bbbb-123456789abc",
                guid("cust", v.client.idx),
                v.client.canonical,
                "6123456",
                "",
                guid("o", v.sub)[:8].upper(),
                guid("sub", v.sub),
                f"{abs(hash_int(v.sub)) % 10**10:010d}",
                guid("offer", v.product.key).upper(),
                v.product.pc_id.split(":")[0],
                name,
                v.start.strftime("%m/%d/%Y"),
                v.end.strftime("%m/%d/%Y"),
                v.start.strftime("%m/%d/%Y"),
                v.end.strftime("%m/%d/%Y"),
                charge,
                f"{dec(v.list_price):.2f}",
                str(v.qty),
                f"{amount:.2f}",
                f"{amount - subtotal:.2f}",
                f"{subtotal:.2f}",
                "0.00",
                f"{subtotal:.2f}",
                sc.caps.currency,
                v.client.domain,
                name,
                name,
                "Annual" if v.annual else "Monthly",
            ],
            v.uid,
        )
    write_csv(out / "vendor.csv", sh)
    return Rendered("vendor.csv", None, sh.row_numbers())


def hash_int(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:12], 16)


def _pax8_name(rng: random.Random, v: VLine) -> str:
    if v.product.microsoft and not v.product.free:
        return v.product.name + rng.choice((" [NCE]", " [New Commerce Experience]", " (NCE)"))
    return v.product.name


PAX8_INDEX = {p.key: i for i, p in enumerate(PRODUCTS)}


def _pax8_sku(v: VLine) -> str:
    """Pax8-style SKUs: Business Premium's is the documented MST-NCE-103-C100 (exports.md); the
    others are synthetic numbers from 300 up, away from any documented one."""
    if v.product.key == "bprem":
        return "MST-NCE-103-C100"
    code = 300 + 7 * PAX8_INDEX[v.product.key]
    if v.product.microsoft:
        return f"MST-NCE-{code}-{'A' if v.term == 'P1Y' else 'M'}100"
    return f"{v.product.publisher[:3].upper()}-{v.product.pc_id.split('-', 1)[1]}"


def _pax8_term(v: VLine) -> str:
    return {"trial": "Trial", "P1Y": "Annual", "P1M": "Monthly"}[v.term]


def _period_end(v: VLine) -> date:
    return v.end


def pax8_api(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    cols = [
        "companyName",
        "companyId",
        "externalId",
        "startPeriod",
        "endPeriod",
        "quantity",
        "unitOfMeasure",
        "term",
        "sku",
        "description",
        "details",
        "price",
        "subTotal",
        "cost",
        "costTotal",
        "total",
        "productId",
        "productName",
        "currencyCode",
        "subscriptionId",
        "vendorName",
        "type",
    ]
    sh = Sheet("invoice-items")
    sh.add(cols)
    for v in _order(rng, sc.vendor, by_client=True):
        pname = _pax8_name(rng, v)
        price = v.list_price if v.role != "free" else 0
        sh.add(
            [
                v.client.canonical,
                guid("pax8", v.client.idx),
                f"C{v.client.idx + 1000}",
                v.start.isoformat(),
                _period_end(v).isoformat(),
                str(v.qty),
                "User",
                _pax8_term(v),
                _pax8_sku(v),
                pname,
                "Annual billing" if v.annual else "",
                f"{dec(price):.2f}",
                f"{dec(price) * v.qty:.2f}",
                f"{dec(v.cost):.2f}",
                f"{dec(v.cost) * v.qty:.2f}",
                f"{dec(price) * v.qty:.2f}",
                guid("prod", v.product.key),
                pname,
                sc.caps.currency,
                guid("sub", v.sub),
                v.product.publisher if v.product.publisher != "Microsoft" else "Microsoft",
                "credits" if v.role == "credit" else "subscription",
            ],
            v.uid,
        )
    write_csv(out / "vendor.csv", sh, crlf=False)
    return Rendered("vendor.csv", None, sh.row_numbers())


def pax8_portal(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    cols = [
        "invoice_date",
        "company_name",
        "company_id",
        "type",
        "description",
        "details",
        "sku",
        "quantity",
        "price",
        "subtotal",
        "cost",
        "cost_total",
        "partner_subtotal",
        "start_period",
    ]
    sh = Sheet("invoice")
    sh.add(cols)
    for v in _order(rng, sc.vendor, by_client=True):
        price = v.list_price if v.role != "free" else 0
        billing = "Annual Billing" if v.annual else "Monthly Billing"
        commit = {"trial": "Trial", "P1Y": "Annual Commitment", "P1M": "Monthly Commitment"}[v.term]
        details = f"{commit} / {billing} ({v.start:%m/%d/%Y} - {v.end:%m/%d/%Y})"
        sh.add(
            [
                "11/01/2026",
                v.client.canonical,
                str(v.client.idx + 50000),
                "Credit" if v.role == "credit" else "Subscription",
                _pax8_name(rng, v),
                details,
                _pax8_sku(v),
                str(v.qty),
                f"{dec(price):.2f}",
                f"{dec(price) * v.qty:.2f}",
                f"{dec(v.cost):.2f}",
                f"{dec(v.cost) * v.qty:.2f}",
                f"{dec(v.cost) * v.qty:.2f}",
                f"{v.start:%m/%d/%Y}",
            ],
            v.uid,
        )
    write_csv(out / "vendor.csv", sh)
    return Rendered("vendor.csv", None, sh.row_numbers())


def _dicker_code(v: VLine) -> str:
    if v.product.microsoft:
        pid = v.product.pc_id
        if v.term == "P1M" or v.term == "trial":
            return f"P1M:{pid}:1:"
        return f"P1Y:{pid}:{'Y' if v.annual else '1'}:"
    return f"{'P1Y' if v.annual else 'P1M'}:{v.product.pc_id}:{'Y' if v.annual else '1'}:"


def dicker_data(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    cols = [
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
        "REVALUATION PERIOD",
        "UNIT PRICE",
        "UNIT RRP",
        "CURRENCY",
    ]
    sh = Sheet("annuity")
    sh.add(cols)
    for v in _order(rng, sc.vendor, by_client=True):
        name = v.client.canonical
        if perturb:
            name = name.upper()
            v.classes = ("case_punct",)
        term = "1MTH" if v.term in ("P1M", "trial") else "1YR"
        desc = f"{v.product.terse} {term}" + (" UPFRONT" if v.annual else "")
        charge = {"licence": "RECURRING", "credit": "SEAT REDUCTION CREDIT", "free": "TRIAL"}[
            v.role
        ]
        sh.add(
            [
                guid("tenant", v.client.idx),
                name,
                guid("sub", v.sub).upper(),
                _dicker_code(v),
                desc,
                f"PO-{hash_int(v.sub) % 100000:05d}",
                str(v.qty),
                charge,
                "TRIAL" if v.role == "free" else "ACTIVE",
                dmy_upper(v.start),
                dmy_upper(v.end),
                "ANNUAL" if v.annual else "MONTHLY",
                money(v.cost, sym="$", thou=","),
                money(v.list_price, sym="$", thou=","),
                sc.caps.currency,
            ],
            v.uid,
        )
    write_csv(out / "vendor.csv", sh)
    return Rendered("vendor.csv", None, sh.row_numbers())


def ingram_xvantage(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    cols = [
        "Reseller Name",
        "End Customer Name",
        "Customer Reference",
        "Subscription ID",
        "Subscription Name",
        "Vendor",
        "Vendor SKU",
        "Charge Type",
        "Charge Start Date",
        "Charge End Date",
        "Quantity",
        "List Price",
        "Discount %",
        "Net Price",
        "Tax",
        "Currency",
    ]
    sh = Sheet("Billing Details")
    sh.add(cols)
    sh.formats = {8: "dd/mm/yyyy", 9: "dd/mm/yyyy", 11: "#,##0.00", 13: "#,##0.00", 12: "0.0%"}
    for v in _order(rng, sc.vendor, by_client=True):
        cycle = "Annual Pre-Paid" if v.annual else "Monthly Pre-Paid"
        if v.term == "trial":
            cycle = "Trial"
        disc = (
            (Decimal(1) - Decimal(v.cost) / Decimal(v.list_price)) if v.list_price else Decimal(0)
        )
        sh.add(
            [
                "Bluepeak Technology Partners",
                v.client.canonical,
                f"IM-{v.client.idx + 7000}",
                f"S-{hash_int(v.sub) % 10**9:09d}",
                f"{v.product.name} ({cycle})",
                v.product.publisher,
                v.product.pc_id.replace(":", "-"),
                {"licence": "Recurring", "credit": "Seat Reduction", "free": "Trial"}[v.role],
                v.start,
                v.end,
                v.qty,
                dec(v.list_price),
                disc.quantize(Decimal("0.0001")),
                dec(v.cost * v.qty),
                0,
                sc.caps.currency,
            ],
            v.uid,
        )
    summary = Sheet("Summary")
    summary.add(["Ingram Micro Cloud Marketplace - Billing Statement"], bold=True)
    summary.add(["Billing period", "01/10/2026 - 31/10/2026"])
    summary.add([])
    summary.add(["End Customer", "Lines", "Net Total"], bold=True)
    per: dict[str, int] = {}
    count: dict[str, int] = {}
    for v in sc.vendor:
        per[v.client.canonical] = per.get(v.client.canonical, 0) + v.cost * v.qty
        count[v.client.canonical] = count.get(v.client.canonical, 0) + 1
    for name in sorted(per):
        summary.add([name, count[name], dec(per[name])])
    summary.formats = {2: "#,##0.00"}
    write_xlsx(out / "vendor.xlsx", [summary, sh])
    return Rendered("vendor.xlsx", "Billing Details", sh.row_numbers())


def td_synnex_ion(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    cols = [
        "Customer Name",
        "Customer ID",
        "Order Number",
        "Subscription ID",
        "Product ID",
        "Product Name",
        "Charge Type",
        "Billing Frequency",
        "Term",
        "Quantity",
        "Unit Cost",
        "Extended Cost",
        "Unit MSRP",
        "Extended MSRP",
        "Charge Start Date",
        "Charge End Date",
        "Currency",
    ]
    sh = Sheet("billing")
    sh.add(cols)
    for v in _order(rng, sc.vendor, by_client=False):
        pid = "US" + v.product.pc_id.replace(":", "").replace("-", "")
        sh.add(
            [
                v.client.canonical,
                f"{700000 + v.client.idx}",
                f"ION-{hash_int(v.sub) % 10**7:07d}",
                guid("sub", v.sub),
                pid,
                v.product.name,
                {"licence": "Recurring", "credit": "Credit", "free": "Trial"}[v.role],
                "Annual" if v.annual else "Monthly",
                {"P1Y": "1 Year", "P1M": "1 Month", "trial": "Trial"}[v.term],
                str(v.qty),
                money(v.cost, thou=","),
                money(v.cost * v.qty, thou=","),
                money(v.list_price, thou=","),
                money(v.list_price * v.qty, thou=","),
                f"{v.start:%m/%d/%Y}",
                f"{v.end:%m/%d/%Y}",
                sc.caps.currency,
            ],
            v.uid,
        )
    write_csv(out / "vendor.csv", sh, quote_all=True)
    return Rendered("vendor.csv", None, sh.row_numbers())


def sherweb(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    cols = [
        "Customer",
        "Customer ID",
        "Subscription",
        "SKU",
        "Charge Type",
        "Commitment",
        "Billing Cycle",
        "Period Start",
        "Period End",
        "Quantity",
        "Unit Cost",
        "Subtotal",
        "Currency",
    ]
    sh = Sheet("payable-charges")
    sh.add(cols)
    for v in _order(rng, sc.vendor, by_client=True):
        sh.add(
            [
                v.client.canonical,
                guid("sw", v.client.idx)[:18],
                v.product.name,
                v.product.pc_id,
                {"licence": "Recurring", "credit": "Credit", "free": "Free"}[v.role],
                {"P1Y": "Annual", "P1M": "Monthly", "trial": "Trial"}[v.term],
                "Yearly" if v.annual else "Monthly",
                v.start.isoformat(),
                v.end.isoformat(),
                str(v.qty),
                money(v.cost, sym="$", thou=","),
                money(v.cost * v.qty, sym="$", thou=","),
                sc.caps.currency,
            ],
            v.uid,
        )
    write_csv(out / "vendor.csv", sh)
    return Rendered("vendor.csv", None, sh.row_numbers())


def cloudmore(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    cols = [
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
        "Margin Amount",
        "Margin Percentage",
        "Currency Code",
        "Product ID",
        "Payment Frequency",
    ]
    sh = Sheet("billing")
    sh.add(cols)
    for v in _order(rng, sc.vendor, by_client=True):
        sale = v.list_price
        margin = (sale - v.cost) * v.qty
        pct = (Decimal(sale - v.cost) / Decimal(sale) * 100) if sale else Decimal(0)
        sh.add(
            [
                "01.11.2026",
                "Microsoft CSP (NCE)" if v.product.microsoft else v.product.publisher,
                "Nordlys IT AS",
                v.client.canonical,
                f"K{20000 + v.client.idx}",
                v.product.name,
                v.product.pc_id,
                str(v.qty),
                money(v.cost, dec=","),
                money(sale, dec=","),
                money(v.cost * v.qty, dec=",", thou="."),
                money(sale * v.qty, dec=",", thou="."),
                money(margin, dec=",", thou="."),
                money(pct, dec=",", places=1),
                sc.caps.currency,
                guid("cm", v.product.key)[:13],
                {"P1Y": "Monthly", "P1M": "Monthly", "trial": "Trial"}[v.term]
                if not v.annual
                else "Annually",
            ],
            v.uid,
        )
    write_csv(out / "vendor.csv", sh, delimiter=";", encoding="cp1252")
    return Rendered("vendor.csv", None, sh.row_numbers())


def generic_distributor(sc: Scenario, rng: random.Random, perturb: bool, out: Path) -> Rendered:
    sh = Sheet("Statement")
    sh.add(["Northern Cloud Distribution Ltd"], bold=True)
    sh.add(["Statement of recurring charges - October 2026"])
    sh.add(["Account: MSP-40211", "", "", "", "", "", "", "", "Currency: GBP"])
    sh.add([])
    sh.add(
        [
            "Customer",
            "Account Ref",
            "Item Code",
            "Item Description",
            "Term",
            "Billing",
            "Qty",
            "Unit Cost",
            "Line Total",
            "RRP",
        ],
        bold=True,
    )
    sh.formats = {7: "£#,##0.00", 8: "£#,##0.00", 9: "£#,##0.00"}
    total = 0
    current: str | None = None
    sub = 0
    for v in _order(rng, sc.vendor, by_client=True):
        if current is not None and v.client.canonical != current:
            sh.add(["", "", "", f"Subtotal {current}", "", "", "", "", dec(sub), ""], bold=True)
            sub = 0
        current = v.client.canonical
        sh.add(
            [
                v.client.canonical,
                f"NCD{3000 + v.client.idx}",
                v.product.pc_id,
                v.product.name,
                {"P1Y": "12 months", "P1M": "1 month", "trial": "Trial"}[v.term],
                "Annual" if v.annual else "Monthly",
                v.qty,
                dec(v.cost),
                dec(v.cost * v.qty),
                dec(v.list_price),
            ],
            v.uid,
        )
        total += v.cost * v.qty
        sub += v.cost * v.qty
    if current is not None:
        sh.add(["", "", "", f"Subtotal {current}", "", "", "", "", dec(sub), ""], bold=True)
    sh.add(["TOTAL", "", "", "", "", "", "", "", dec(total), ""], bold=True)
    write_xlsx(out / "vendor.xlsx", [sh])
    return Rendered("vendor.xlsx", "Statement", sh.row_numbers())


VendorRenderer = Callable[[Scenario, random.Random, bool, Path], Rendered]
# name -> (renderer, microsoft_only, currency)
VENDORS: dict[str, tuple[VendorRenderer, bool, str]] = {
    "partner_center_nce": (partner_center_nce, True, "USD"),
    "partner_center_nce_gbp_xlsx": (partner_center_nce_gbp_xlsx, True, "GBP"),
    "partner_center_legacy": (partner_center_legacy, True, "USD"),
    "pax8_api": (pax8_api, False, "USD"),
    "pax8_portal": (pax8_portal, False, "USD"),
    "dicker_data": (dicker_data, False, "AUD"),
    "ingram_xvantage": (ingram_xvantage, False, "USD"),
    "td_synnex_ion": (td_synnex_ion, False, "USD"),
    "sherweb": (sherweb, False, "CAD"),
    "cloudmore": (cloudmore, False, "EUR"),
    "generic_distributor": (generic_distributor, False, "GBP"),
}


def vendor_caps(name: str, base: Caps) -> Caps:
    _, ms_only, currency = VENDORS[name]
    return Caps(**{**base.__dict__, "microsoft_only": ms_only, "currency": currency})


__all__ = ["PERIOD_START", "VENDORS", "Rendered", "vendor_caps"]
