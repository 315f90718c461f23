"""Vendor bills (what the MSP pays), one renderer per format.

Each renderer returns ``(file name, sheet name or None, {row number: VLine})``.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import random
from collections.abc import Callable
from decimal import Decimal

from . import catalog as cat
from .io_util import Bold, Table, write_csv, write_xlsx
from .scenario import PERIOD_END, PERIOD_START, Scenario, VLine

Result = tuple[str, str | None, dict[int, VLine]]

# Which currency each vendor format bills in, and whether it sells only Microsoft's catalogue.
VENDOR_SPEC: dict[str, tuple[str, bool]] = {
    "partner_center_nce": ("USD", True),
    "partner_center_nce_gbp": ("GBP", True),
    "partner_center_legacy": ("USD", True),
    "pax8_api": ("USD", False),
    "pax8_portal": ("USD", False),
    "td_synnex": ("USD", False),
    "ingram": ("USD", False),
    "sherweb": ("CAD", False),
    "dicker_data": ("AUD", False),
    "cloudmore": ("EUR", False),
    "generic_distributor": ("GBP", False),
}


def _ordered(sc: Scenario) -> list[VLine]:
    order = {
        c.cid: i
        for i, c in enumerate(sorted(sc.clients, key=lambda c: (c.vendor_name.casefold(), c.cid)))
    }
    idx = {id(v): i for i, v in enumerate(sc.vlines)}
    return sorted(sc.vlines, key=lambda v: (order[v.client.cid], idx[id(v)]))


def _ext(v: VLine, unit: Decimal) -> Decimal:
    return (unit * v.qty).quantize(Decimal("0.01"))


def _charge_end(v: VLine) -> dt.date:
    return dt.date(2027, 9, 30) if v.annual else PERIOD_END


def _mdy(d: dt.date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------- Partner Center (NCE)
PC_COLS = [
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


def _apos(x: Decimal | int) -> str:
    """Partner Center writes some numbers as text with a leading apostrophe."""
    return "'" + format(Decimal(x).quantize(Decimal("1E-18")), "f")


PC_FX_RATE = Decimal("0.789300")  # USD pricing -> GBP billing


def _usd_for(gbp: Decimal, rate: Decimal) -> Decimal:
    """The USD effective price whose ROUNDDOWN(price x rate, 2) is exactly ``gbp``."""
    cents = -((-gbp * 100) // rate)  # ceil(gbp / rate) in cents
    e = Decimal(int(cents)).scaleb(-2)
    while (e * rate).quantize(Decimal("0.01"), rounding="ROUND_FLOOR") < gbp:
        e += Decimal("0.01")
    assert (e * rate).quantize(Decimal("0.01"), rounding="ROUND_FLOOR") == gbp
    return e


def partner_center_nce_gbp(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    """Priced in USD, billed in GBP: cost = ROUNDDOWN(EffectiveUnitPrice x PCToBCExchangeRate, 2)."""
    return partner_center_nce(sc, out, rng, fx=PC_FX_RATE)


def partner_center_nce(
    sc: Scenario, out: pathlib.Path, rng: random.Random, fx: Decimal | None = None
) -> Result:
    t = Table()
    t.add(PC_COLS)
    partner = "3b2c1a9e-5d4f-4e8a-9b7c-6d5e4f3a2b1c"
    lines = _ordered(sc)
    repeat_at = set(rng.sample(range(5, max(6, len(lines))), k=min(2, max(0, len(lines) - 6))))
    for i, v in enumerate(lines):
        if i in repeat_at:
            t.add(list(PC_COLS))  # header repeated mid-file
        p = v.product
        if v.role == "credit":
            charge = rng.choice(("removeQuantity", "RemoveQuantity", "removequantity"))
        elif v.role == "free":
            charge = rng.choice(("new", "New", "cycleCharge"))
        else:
            charge = rng.choice(
                ("cycleCharge", "CycleCharge", "cyclecharge", "renew", "Renew", "cycleCharge")
            )
        if v.term == "TRIAL":
            tbc = "One-Month commitment for trial"
        elif v.role == "free":
            tbc = "One-Month commitment for monthly billing"
        elif v.annual:
            tbc = "One-Year commitment for yearly billing"
        elif v.term == "P1M":
            tbc = "One-Month commitment for monthly billing"
        else:
            tbc = "One-Year commitment for monthly/yearly billing"
        sub_total = _ext(v, v.unit)
        ref = ""
        if rng.random() < 0.3:
            ref = json.dumps({"referenceType": "BillingEvent", "referenceId": _hex(rng, 12)})
        end_sub = dt.date(
            v.start.year + (1 if v.term == "P1Y" else 0), v.start.month, 1
        ) - dt.timedelta(days=1)
        if end_sub < PERIOD_END:
            end_sub = dt.date(2027, v.start.month, 1) - dt.timedelta(days=1)
        eff, lst, rate, pricing = v.unit, v.list_unit, Decimal(1), sc.currency
        if fx is not None:
            eff, lst, rate, pricing = _usd_for(v.unit, fx), _usd_for(v.list_unit, fx), fx, "USD"
        row = [
            partner,
            v.client.tenant_id,
            v.client.vendor_name,
            v.client.domain,
            "GB" if fx is not None else "US",
            "G0" + str(rng.randint(10_000_000, 99_999_999)),
            "4812345",
            "",
            _hex(rng, 16).upper(),
            _mdy(v.start),
            p.pc_product_id,
            p.pc_sku_id,
            p.pc_product_id[:6] + _hex(rng, 6).upper(),
            p.name,
            p.name,
            charge,
            _apos(lst),
            _apos(v.qty),
            _apos(sub_total),
            _apos(Decimal(0)),
            _apos(sub_total),
            sc.currency,
            "",
            "Microsoft Corporation",
            "",
            p.name,
            v.sub_id,
            _mdy(PERIOD_START),
            _mdy(_charge_end(v)),
            tbc,
            _apos(eff),
            "Licenses",
            _hex(rng, 12),
            _apos(v.qty),
            "Annual" if v.annual else "Monthly",
            pricing,
            _apos(rate),
            _mdy(dt.date(2026, 9, 30)),
            "",
            "",
            _mdy(v.start),
            _mdy(end_sub),
            ref,
            "[]",
            "",
            "OnlineServicesNCE",
        ]
        t.add(row, v)
    name = "vendor.csv"
    write_csv(out / name, t, bom=True)
    return name, None, t.row_map()


# ---------------------------------------------------------------- Partner Center legacy licence-based
LEGACY_COLS = [
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


def partner_center_legacy(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(LEGACY_COLS)
    for v in _ordered(sc):
        p = v.product
        amount = _ext(v, v.list_unit)
        subtotal = _ext(v, v.unit)
        charge = {"credit": "Cancel instance prorate", "free": "Cycle fee"}.get(v.role, "Cycle fee")
        offer = _hex(rng, 8).upper() + "-" + _hex(rng, 4).upper() + "-" + _hex(rng, 4).upper()
        t.add(
            [
                "3b2c1a9e-5d4f-4e8a-9b7c-6d5e4f3a2b1c",
                v.client.tenant_id,
                v.client.vendor_name,
                "4812345",
                "",
                _hex(rng, 12).upper(),
                v.sub_id,
                "",
                offer,
                offer,
                p.name,
                _mdy(v.start),
                _mdy(dt.date(2027, v.start.month, 1) - dt.timedelta(days=1)),
                _mdy(PERIOD_START),
                _mdy(_charge_end(v)),
                charge,
                v.list_unit,
                v.qty,
                amount,
                amount - subtotal,
                subtotal,
                Decimal("0.00"),
                subtotal,
                sc.currency,
                v.client.domain,
                p.name,
                p.name,
                "Annual" if v.annual else "Monthly",
            ],
            v,
        )
    name = "vendor.csv"
    write_csv(out / name, t, bom=True)
    return name, None, t.row_map()


# ---------------------------------------------------------------- Pax8
def _pax8_name(v: VLine, rng: random.Random) -> str:
    p = v.product
    if not p.ms:
        return p.name
    return p.name + rng.choice((" [NCE]", " [NCE]", " [New Commerce Experience]"))


def _pax8_term(v: VLine) -> tuple[str, str]:
    if v.role == "free":
        return "Trial", "Free"
    if v.annual:
        return "Annual", "Annual commitment, billed annually"
    if v.term == "P1M":
        return "Monthly", "Monthly commitment, billed monthly"
    return "Annual", "Annual commitment, billed monthly"


PAX8_API_COLS = [
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


_PAX8_PID = {
    p.key: f"{0x5A000000 + i * 7919:08x}-{i:04x}-4{i * 13:03x}-8{i * 17:03x}-{0xA0000 + i * 104729:012x}"
    for i, p in enumerate(cat.PRODUCTS)
}


def _uom(v: VLine) -> str:
    return {"ACRONIS": "Workload", "S1": "Device"}.get(v.product.key, "User")


def pax8_api(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(PAX8_API_COLS)
    company_ids = {
        c.cid: _hex(rng, 8)
        + "-"
        + _hex(rng, 4)
        + "-"
        + _hex(rng, 4)
        + "-"
        + _hex(rng, 4)
        + "-"
        + _hex(rng, 12)
        for c in sorted(sc.clients, key=lambda c: c.cid)
    }
    for v in _ordered(sc):
        term, details = _pax8_term(v)
        name = _pax8_name(v, rng)
        typ = {"credit": "credits", "free": "subscription"}.get(v.role, "subscription")
        t.add(
            [
                v.client.vendor_name,
                company_ids[v.client.cid],
                "",
                PERIOD_START.isoformat(),
                _charge_end(v).isoformat(),
                v.qty,
                _uom(v),
                term,
                v.product.pax8_sku,
                name,
                details,
                v.list_unit,
                _ext(v, v.list_unit),
                v.unit,
                _ext(v, v.unit),
                _ext(v, v.list_unit),
                _PAX8_PID[v.product.key],
                name,
                sc.currency,
                v.sub_id,
                v.product.publisher.split()[0],
                typ,
            ],
            v,
        )
    name = "vendor.csv"
    write_csv(out / name, t, newline="\n")
    return name, None, t.row_map()


PAX8_PORTAL_COLS = [
    "company_name",
    "company_id",
    "type",
    "description",
    "details",
    "sku",
    "quantity",
    "cost",
    "cost_total",
    "price",
    "subtotal",
    "partner_subtotal",
    "start_period",
    "invoice_date",
]


def pax8_portal(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(PAX8_PORTAL_COLS)
    ids = {c.cid: str(100000 + i) for i, c in enumerate(sorted(sc.clients, key=lambda c: c.cid))}
    for v in _ordered(sc):
        term, details = _pax8_term(v)
        typ = {"credit": "Credit", "free": "Subscription"}.get(v.role, "Subscription")
        t.add(
            [
                v.client.vendor_name,
                ids[v.client.cid],
                typ,
                _pax8_name(v, rng),
                f"{details} ({term})",
                v.product.pax8_sku,
                v.qty,
                v.unit,
                _ext(v, v.unit),
                v.list_unit,
                _ext(v, v.list_unit),
                _ext(v, v.unit),
                "10/01/2026",
                "11/01/2026",
            ],
            v,
        )
    name = "vendor.csv"
    write_csv(out / name, t)
    return name, None, t.row_map()


# ---------------------------------------------------------------- TD SYNNEX StreamOne Ion
def _td_sku(v: VLine) -> str:
    p = v.product
    return ("US" + p.pc_product_id + p.pc_sku_id) if p.ms else ("US" + p.pax8_sku.replace("-", ""))


def td_synnex(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    """StreamOne Ion billing report: per TD SYNNEX's KB, Seller Cost is the reseller's cost and Customer
    Cost the MSRP ("street pricing"); both are line amounts here, next to a per-seat Unit Price."""
    t = Table()
    t.add([Bold("TD SYNNEX StreamOne Ion")])
    t.add(["Microsoft & Cloud Billing Report - October 2026"])
    t.add(["Reseller: Example Managed IT LLC", "", "Date range: 10/01/2026 - 10/31/2026"])
    t.add([])
    cols = [
        "Customer Name",
        "Customer ID",
        "Subscription ID",
        "Vendor",
        "SKU",
        "Product Name",
        "Charge Type",
        "Billing Frequency",
        "Term",
        "Charge Start Date",
        "Charge End Date",
        "Quantity",
        "Unit Price",
        "Seller Cost",
        "Customer Cost",
        "Margin",
        "Currency",
    ]
    t.add(cols)
    ids = {
        c.cid: "C" + str(5_000_000 + i * 37)
        for i, c in enumerate(sorted(sc.clients, key=lambda c: c.cid))
    }
    summary: dict[str, Decimal] = {}
    for v in _ordered(sc):
        term = {"P1M": "1 Month", "P1Y": "1 Year", "TRIAL": "Trial"}[v.term]
        charge = {"credit": "customerCredit", "free": "cycleCharge"}.get(v.role, "cycleCharge")
        seller, customer = _ext(v, v.unit), _ext(v, v.list_unit)
        summary[v.client.vendor_name] = summary.get(v.client.vendor_name, Decimal(0)) + seller
        t.add(
            [
                v.client.vendor_name,
                ids[v.client.cid],
                v.sub_id,
                v.product.publisher.split()[0],
                _td_sku(v),
                v.product.name + (" (NCE)" if v.product.ms else ""),
                charge,
                "Annual" if v.annual else "Monthly",
                term,
                PERIOD_START,
                _charge_end(v),
                v.qty,
                v.unit,
                seller,
                customer,
                customer - seller,
                sc.currency,
            ],
            v,
        )
    s = Table()
    s.add([Bold("Summary by customer - October 2026")])
    s.add(["Customer", "Seller Cost"])
    for k in sorted(summary):
        s.add([k, summary[k]])
    s.add([Bold("Total"), sum(summary.values(), Decimal(0))])
    name = "vendor.xlsx"
    write_xlsx(out / name, [("Summary", s), ("Billing Details", t)])
    return name, "Billing Details", t.row_map()


# ---------------------------------------------------------------- Ingram Micro Cloud Marketplace
def ingram(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    """Billing data export (short view) columns as Ingram's KB lists them, plus the invoice fields:
    Unit Price before promotions, Discount, Duration, and Net Price = the line's extended net amount."""
    t = Table()
    t.add(
        [
            "Reseller ID",
            "Reseller Company Name",
            "Customer Account ID",
            "End Customer Name",
            "Subscription ID",
            "Subscription Name",
            "Subscription Expiration Date",
            "Plan ID",
            "Vendor",
            "MPN",
            "Charge Type",
            "Charge Start Date",
            "Charge End Date",
            "Quantity",
            "Unit Price",
            "Unit of Measure",
            "Duration",
            "Discount",
            "Net Price",
            "Currency",
        ]
    )
    plan_ids = {
        p: str(119000 + i * 17) for i, p in enumerate(sorted({v.product.key for v in sc.vlines}))
    }
    for v in _ordered(sc):
        if v.term == "TRIAL":
            suffix = " (Trial)"
        elif v.annual:
            suffix = " (Annual Pre-Paid)"
        elif v.term == "P1M":
            suffix = " (Monthly Pre-Paid)"
        else:
            suffix = " (1 Year, Monthly Pre-Paid)"
        mpn = (
            (v.product.pc_product_id + ":" + v.product.pc_sku_id)
            if v.product.ms
            else v.product.pax8_sku
        )
        charge = {"credit": "Cancellation Refund", "free": "Recurring"}.get(v.role, "Recurring")
        gross, net = _ext(v, v.list_unit), _ext(v, v.unit)
        expiry = (
            dt.date(v.start.year + 1, v.start.month, 1) if v.term == "P1Y" else dt.date(2026, 11, 1)
        )
        if expiry <= PERIOD_START:
            expiry = dt.date(2027, v.start.month, 1)
        t.add(
            [
                "1000105104",
                "Example Managed IT LLC",
                str(1000200000 + int(v.client.cid[1:])),
                v.client.vendor_name,
                str(1170000 + int(v.sub_id[:5], 16) % 99999),
                v.product.ingram_name + suffix,
                expiry.isoformat(),
                plan_ids[v.product.key],
                v.product.publisher,
                mpn,
                charge,
                PERIOD_START.isoformat(),
                _charge_end(v).isoformat(),
                v.qty,
                v.list_unit,
                "Yearly" if v.annual else "Monthly",
                "1.00",
                gross - net,
                net,
                sc.currency,
            ],
            v,
        )
    name = "vendor.csv"
    write_csv(out / name, t)
    return name, None, t.row_map()


# ---------------------------------------------------------------- Sherweb
def sherweb(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    """Payable charges per subscription (Sherweb's billing API speaks of list price, net price, deductions,
    fees); here List Price and Net Price are per seat, Deductions and Subtotal are line amounts."""
    t = Table()
    t.add(
        [
            "Customer Name",
            "Customer ID",
            "Product Name",
            "SKU",
            "Subscription ID",
            "Charge Name",
            "Charge Type",
            "Billing Cycle",
            "Period From",
            "Period To",
            "Quantity",
            "List Price",
            "Net Price",
            "Deductions",
            "Fees",
            "Subtotal",
            "Currency",
        ]
    )
    ids = {c.cid: _hex(rng, 8) for c in sorted(sc.clients, key=lambda c: c.cid)}
    for v in _ordered(sc):
        p = v.product
        if p.ms:
            commit = {"P1Y": "1 Year", "P1M": "1 Month", "TRIAL": "Trial"}[v.term]
            bill = "Annual Billing" if v.annual else "Monthly Billing"
            prod = f"{p.name} - NCE {commit} ({bill})"
            sku = p.pc_product_id + ":" + p.pc_sku_id
        else:
            prod, sku = p.name, p.pax8_sku
        charge = {"credit": "Credit", "free": "Recurring"}.get(v.role, "Recurring")
        name = "Monthly fee" if not v.annual else "Yearly fee"
        t.add(
            [
                v.client.vendor_name,
                ids[v.client.cid],
                prod,
                sku,
                v.sub_id,
                name,
                charge,
                "Yearly" if v.annual else "Monthly",
                PERIOD_START.isoformat(),
                _charge_end(v).isoformat(),
                v.qty,
                v.list_unit,
                v.unit,
                _ext(v, v.list_unit) - _ext(v, v.unit),
                Decimal("0.00"),
                _ext(v, v.unit),
                sc.currency,
            ],
            v,
        )
    name = "vendor.csv"
    write_csv(out / name, t)
    return name, None, t.row_map()


# ---------------------------------------------------------------- Dicker Data annuity report
def _dd_date(d: dt.date) -> str:
    return d.strftime("%d-%b-%Y").upper()


def _dollar(x: Decimal) -> str:
    s = f"{abs(x):,.2f}"
    return ("-$" if x < 0 else "$") + s


def dicker_data(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(
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
            "REVALUATION PERIOD",
            "UNIT PRICE",
            "UNIT RRP",
        ]
    )
    for v in _ordered(sc):
        p = v.product
        if p.ms:
            term = "P1Y" if v.term == "P1Y" else "P1M"
            code = f"{term}:{p.pc_product_id}:{p.pc_sku_id}:{'Y' if v.annual else ('T' if v.term == 'TRIAL' else '1')}:"
        else:
            code = p.pax8_sku + ("-1Y" if v.annual else "-1M")
        suffix = (
            {"TRIAL": " TRIAL", "P1M": " 1MTH", "P1Y": " 1YR"}[v.term]
            if not v.annual
            else " 1YR UPFRONT"
        )
        charge = {"credit": "CREDIT", "free": "TRIAL"}.get(v.role, "RECURRING")
        t.add(
            [
                v.client.tenant_id if p.ms else "",
                v.client.vendor_name,
                v.sub_id,
                code,
                p.dicker_desc + suffix,
                "PO-" + str(rng.randint(10000, 99999)),
                v.qty,
                charge,
                "ACTIVE",
                _dd_date(PERIOD_START),
                _dd_date(_charge_end(v)),
                "ANNUAL" if v.annual else "MONTHLY",
                _dollar(v.unit),
                _dollar(v.list_unit),
            ],
            v,
        )
    name = "vendor.csv"
    write_csv(out / name, t)
    return name, None, t.row_map()


# ---------------------------------------------------------------- Cloudmore general billing report
def _eu(x: Decimal) -> str:
    return format(x, "f").replace(".", ",")


def cloudmore(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add(
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
            "Margin Amount",
            "Margin Percentage",
            "Currency Code",
            "Product ID",
            "Payment Frequency",
            "Purchase Order Number",
            "Subscription ID",
            "Subscription Name",
            "Billing Line Details",
            "Organization Currency Code",
            "Organization Groups",
            "Note",
        ]
    )
    nums = {c.cid: str(20000 + i) for i, c in enumerate(sorted(sc.clients, key=lambda c: c.cid))}
    for v in _ordered(sc):
        p = v.product
        service = "Microsoft CSP (NCE)" if p.ms else p.publisher
        item = (f"{p.pc_product_id}:{p.pc_sku_id}:{v.term}") if p.ms else p.pax8_sku
        cost, sales = _ext(v, v.unit), _ext(v, v.list_unit)
        margin = sales - cost
        pct = Decimal(0) if sales == 0 else (margin / sales * 100).quantize(Decimal("0.01"))
        freq = "Trial" if v.term == "TRIAL" else ("Annually" if v.annual else "Monthly")
        end = _charge_end(v)
        details = (
            f"{'Credit' if v.role == 'credit' else 'Fee'} {PERIOD_START:%d.%m.%Y} - {end:%d.%m.%Y}"
        )
        t.add(
            [
                "2026-10-01",
                service,
                "Nordic Example IT AB",
                v.client.vendor_name,
                nums[v.client.cid],
                p.name,
                item,
                str(v.qty),
                _eu(v.unit),
                _eu(v.list_unit),
                _eu(cost),
                _eu(sales),
                _eu(margin),
                _eu(pct),
                sc.currency,
                _PAX8_PID[p.key][:8],
                freq,
                "",
                v.sub_id,
                f"{p.name} ({freq})",
                details,
                sc.currency,
                "",
                "",
            ],
            v,
        )
    name = "vendor.csv"
    write_csv(out / name, t, delimiter=";", encoding="cp1252")
    return name, None, t.row_map()


# ---------------------------------------------------------------- generic distributor
def generic_distributor(sc: Scenario, out: pathlib.Path, rng: random.Random) -> Result:
    t = Table()
    t.add([Bold("Invoice INV-" + str(rng.randint(100000, 999999)) + " - October 2026")])
    t.add(
        [
            "Customer",
            "Product",
            "SKU",
            "Qty",
            "Unit Cost",
            "Line Total",
            "RRP",
            "Billing Cycle",
            "Currency",
        ]
    )
    total = Decimal(0)
    for v in _ordered(sc):
        p = v.product
        sku = (p.pc_product_id + ":" + p.pc_sku_id) if p.ms else p.pax8_sku
        ext = _ext(v, v.unit)
        total += ext
        cycle = "Trial" if v.term == "TRIAL" else ("Annual" if v.annual else "Monthly")
        t.add(
            [
                v.client.vendor_name,
                p.generic_name,
                sku,
                v.qty,
                v.unit,
                ext,
                v.list_unit,
                cycle,
                sc.currency,
            ],
            v,
        )
    t.add([Bold("Total"), "", "", "", "", total])
    name = "vendor.xlsx"
    write_xlsx(out / name, [("Invoice Lines", t)])
    return name, None, t.row_map()


RENDERERS: dict[str, Callable[[Scenario, pathlib.Path, random.Random], Result]] = {
    "partner_center_nce": partner_center_nce,
    "partner_center_nce_gbp": partner_center_nce_gbp,
    "partner_center_legacy": partner_center_legacy,
    "pax8_api": pax8_api,
    "pax8_portal": pax8_portal,
    "td_synnex": td_synnex,
    "ingram": ingram,
    "sherweb": sherweb,
    "dicker_data": dicker_data,
    "cloudmore": cloudmore,
    "generic_distributor": generic_distributor,
}
