"""Vendor bills of set D, each rendered the way that system exports it (README: sources)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from .catalog import BY_KEY, Product
from .render import Cell, Output, Sheet, num
from .scenario import CENT, Scenario, VLine

START = dt.date(2026, 11, 1)
END = dt.date(2026, 11, 30)
YEAR_END = dt.date(2027, 10, 31)


@dataclass(frozen=True)
class VendorFormat:
    name: str
    currency: str
    render: Callable[[Scenario, bool], Output]
    ms_only: bool = False
    has_domain: bool = False
    charset: str = "utf-8"
    upper_tenant: bool = False  # the bill may spell the tenant in capitals (perturbed renders)


def _guid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _tenant(sc: Scenario, v: VLine, perturb: bool, upper: bool) -> str:
    name = sc.customers[v.cust].canonical
    return name.upper() if perturb and upper and sc.vendor_cases[v.cust] else name


def _ids(sc: Scenario, tag: str) -> dict[int, str]:
    rng = random.Random(f"ids|{tag}|{sc.seed}|{len(sc.customers)}")
    return {c.cid: _guid(rng) for c in sc.customers}


def _end(v: VLine) -> dt.date:
    return YEAR_END if v.annual else END


# ------------------------------------------------------------ Partner Center (NCE)

NCE_COLUMNS = [
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


def _apos(value: Decimal) -> str:
    return "'" + num(value, 18)


def _us_date(d: dt.date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def _up(value: Decimal, rate: Decimal) -> Decimal:
    """A pricing-currency amount that, times ``rate`` and rounded down to the cent, gives ``value``."""
    return (value / rate).quantize(Decimal("0.000001"), rounding=ROUND_CEILING)


def render_partner_center_nce(sc: Scenario, perturb: bool) -> Output:
    return _render_nce(sc, perturb, None)


def render_partner_center_nce_fx(sc: Scenario, perturb: bool) -> Output:
    """Priced in USD, billed in NZD: the cost is ROUNDDOWN(EffectiveUnitPrice x rate, 2)."""
    return _render_nce(sc, perturb, Decimal("1.6934"))


def _render_nce(sc: Scenario, perturb: bool, rate: Decimal | None) -> Output:
    rng = random.Random(f"pc-nce|{sc.seed}")
    ids = _ids(sc, "pc")
    sheet = Sheet("vendor")
    sheet.add(list(NCE_COLUMNS))
    refs: dict[int, int] = {}
    repeat_at = {len(sc.vlines) // 3, (2 * len(sc.vlines)) // 3}
    partner = _guid(rng)
    order = sorted(range(len(sc.vlines)), key=lambda i: (ids[sc.vlines[i].cust], i))
    for n, i in enumerate(order):
        v = sc.vlines[i]
        if n in repeat_at and n:
            sheet.add(list(NCE_COLUMNS))
        p = BY_KEY[v.product]
        c = sc.customers[v.cust]
        pid, _, sku = p.msid.partition(":")
        if v.role == "credit":
            charge = rng.choice(("removeQuantity", "RemoveQuantity", "cancel", "Cancel"))
        else:
            charge = rng.choice(
                ("cycleCharge", "CycleCharge", "cyclecharge", "renew", "new", "addQuantity")
            )
        if p.free and "Trial" in p.name:
            term = "One-Month commitment for trial"
        elif v.annual:
            term = "One-Year commitment for yearly billing"
        elif v.monthly_term:
            term = "One-Month commitment for monthly billing"
        else:
            term = "One-Year commitment for monthly/yearly billing"
        sub_total = v.unit_cost * v.qty
        ref = _guid(rng)
        ref_cell = (
            json.dumps({"ReferenceId": ref, "ReferenceType": "Order"})
            if n > len(sc.vlines) // 2
            else ref
        )
        row: list[Cell] = [
            partner,
            ids[c.cid],
            _tenant(sc, v, perturb, False),
            c.domain,
            c.country,
            "G0" + f"{sc.seed:02d}" + "4418291",
            "6182201",
            "",
            f"{rng.getrandbits(40):x}",
            _us_date(dt.date(2026, 10, rng.randint(1, 28))),
            pid,
            sku,
            "CFQ7TTC0" + f"{rng.getrandbits(16):04X}",
            p.name,
            p.name,
            charge,
            _apos(v.list_price if rate is None else _up(v.list_price, rate)),
            str(v.qty),
            num(sub_total),
            "0.00",
            num(sub_total),
            sc.currency,
            "",
            "Microsoft Corporation",
            "",
            p.name,
            v.sub,
            _us_date(START),
            _us_date(_end(v)),
            term,
            _apos(v.unit_cost if rate is None else _up(v.unit_cost, rate)),
            "Licenses",
            "",
            str(v.qty),
            "Annual" if v.annual else "Monthly",
            sc.currency if rate is None else "USD",
            _apos(rate or Decimal(1)),
            _us_date(dt.date(2026, 10, 31)),
            "",
            "",
            _us_date(dt.date(2026, rng.randint(1, 10), 1)),
            _us_date(dt.date(2027, rng.randint(1, 10), 1)),
            ref_cell,
            "",
            "",
            "OnlineServicesNCE" if not p.free else "Trial",
        ]
        refs[i] = sheet.add(row)
    name = "vendor_partner_center.csv" if rate is None else "vendor_partner_center_fx.csv"
    return Output(name, [sheet], "vendor", refs, bom=True)


# ------------------------------------------------------------ Pax8 portal invoice CSV


def _pax8_sku(p: Product) -> str:
    if p.microsoft:
        return f"MST-NCE-{sum(map(ord, p.key)) % 900 + 100:03d}-C100"
    return f"{p.maker[:3].upper()}-{p.key.upper()}-{'A' if p.annual_only else 'M'}"


def render_pax8_portal(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"pax8|{sc.seed}")
    cols = [
        "invoice_date",
        "company_name",
        "company_id",
        "type",
        "sku",
        "description",
        "details",
        "start_period",
        "end_period",
        "quantity",
        "price",
        "subtotal",
        "cost",
        "cost_total",
        "partner_subtotal",
    ]
    sheet = Sheet("vendor")
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    cids = {c.cid: 100000 + rng.randrange(800000) for c in sc.customers}
    for i, v in enumerate(sc.vlines):
        p = BY_KEY[v.product]
        c = sc.customers[v.cust]
        desc = p.name
        if p.microsoft and not p.free:
            desc += rng.choice((" [NCE]", " [New Commerce Experience]", " (NCE)"))
        if p.free:
            details = "Trial" if "Trial" in p.name else "Free"
        elif v.annual:
            details = "1-Year Commitment, Annual Billing"
        elif v.monthly_term:
            details = "1-Month Commitment, Monthly Billing"
        else:
            details = "1-Year Commitment, Monthly Billing" if p.microsoft else "Monthly"
        cost_total = v.unit_cost * v.qty
        refs[i] = sheet.add(
            [
                "12/05/2026",
                c.canonical,
                str(cids[c.cid]),
                "credit" if v.role == "credit" else "subscription",
                _pax8_sku(p),
                desc,
                details,
                "11/01/2026",
                _end(v).strftime("%m/%d/%Y"),
                str(v.qty),
                num(v.list_price),
                num(v.list_price * v.qty),
                num(v.unit_cost),
                num(cost_total),
                num(cost_total),
            ]
        )
    return Output("vendor_pax8.csv", [sheet], "vendor", refs)


# ------------------------------------------------------------ Pax8 API invoice items (xlsx, camelCase)


def render_pax8_api(sc: Scenario, perturb: bool) -> Output:
    """Invoice items as Pax8's API names them, saved to a workbook by an MSP's script: ``term`` is
    the commitment; the period (startPeriod..endPeriod) says what one line's price covers."""
    rng = random.Random(f"pax8api|{sc.seed}")
    cols = [
        "id",
        "companyName",
        "companyId",
        "externalId",
        "type",
        "vendorName",
        "productName",
        "productId",
        "sku",
        "description",
        "details",
        "term",
        "unitOfMeasure",
        "startPeriod",
        "endPeriod",
        "quantity",
        "price",
        "subTotal",
        "cost",
        "costTotal",
        "total",
        "currencyCode",
        "subscriptionId",
    ]
    items = Sheet("invoice-items", formats={13: "yyyy-mm-dd", 14: "yyyy-mm-dd"})
    items.add(list(cols))
    refs: dict[int, int] = {}
    company = {c.cid: _guid(rng) for c in sc.customers}
    ext = {c.cid: f"CW-{rng.randrange(1000, 9999)}" for c in sc.customers}
    total = Decimal(0)
    for i, v in enumerate(sc.vlines):
        p = BY_KEY[v.product]
        c = sc.customers[v.cust]
        product = p.name + (" [NCE]" if p.microsoft and not p.free else "")
        term = (
            "Trial" if p.free and "Trial" in p.name else ("Monthly" if v.monthly_term else "Annual")
        )
        cost_total = v.unit_cost * v.qty
        total += cost_total
        refs[i] = items.add(
            [
                _guid(rng),
                c.canonical,
                company[c.cid],
                ext[c.cid],
                "credits" if v.role == "credit" else "subscription",
                p.maker,
                product,
                _guid(random.Random(f"pax8-product|{p.key}")),
                _pax8_sku(p),
                product,
                f"{v.qty} x {product}",
                term,
                "User",
                START,
                _end(v),
                v.qty,
                v.list_price,
                v.list_price * v.qty,
                v.unit_cost,
                cost_total,
                cost_total,
                sc.currency,
                v.sub,
            ]
        )
    invoice = Sheet("invoice", formats={2: "#,##0.00"})
    invoice.add(["id", "invoiceDate", "total", "currencyCode", "status"])
    invoice.add([_guid(rng), "2026-12-01", total, sc.currency, "Unpaid"])
    return Output("vendor_pax8_api.xlsx", [invoice, items], "invoice-items", refs)


# ------------------------------------------------------------ Dicker Data annuity report


def _dd_date(d: dt.date) -> str:
    return d.strftime("%d-%b-%Y").upper()


def _aud(value: Decimal) -> str:
    return ("-$" if value < 0 else "$") + num(abs(value), 2, thousands=",")


def render_dicker_annuity(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"dicker|{sc.seed}")
    ids = _ids(sc, "dd")
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
    ]
    sheet = Sheet("vendor")
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    for i, v in enumerate(sc.vlines):
        p = BY_KEY[v.product]
        term = "1MTH" if v.monthly_term else "1YR"
        if p.microsoft:
            pid, _, sku = p.msid.partition(":")
            code = f"{'P1M' if v.monthly_term else 'P1Y'}:{pid}:{sku}:{'Y' if v.annual else '1'}:"
        else:
            code = f"{p.maker[:4].upper()}-{p.key.upper()}-{'12' if v.annual else '01'}"
        desc = f"{p.terse} {term}{' UPFRONT' if v.annual else ''}" if not p.free else p.terse
        charge = (
            "SEAT REDUCTION"
            if v.role == "credit"
            else ("ANNUAL FEE" if v.annual else "MONTHLY FEE")
        )
        refs[i] = sheet.add(
            [
                ids[v.cust],
                _tenant(sc, v, perturb, True),
                v.sub,
                code,
                desc,
                f"PO{rng.randrange(10000, 99999)}",
                str(v.qty),
                charge,
                "ACTIVE",
                _dd_date(START),
                _dd_date(_end(v)),
                "NOV-2026",
                _aud(v.unit_cost),
                _aud(v.list_price),
            ]
        )
    return Output("vendor_dicker_annuity.csv", [sheet], "vendor", refs)


# ------------------------------------------------------------ Ingram Micro Xvantage (xlsx)


def render_ingram_xvantage(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"ingram|{sc.seed}")
    cols = [
        "Invoice Number",
        "Invoice Date",
        "Reseller BCN",
        "End Customer Name",
        "End Customer ID",
        "Subscription ID",
        "Subscription Name",
        "Vendor",
        "Vendor SKU",
        "Ingram Part Number",
        "Billing Frequency",
        "Charge Start",
        "Charge End",
        "Quantity",
        "Unit Price",
        "Discount %",
        "Net Price",
        "Currency",
    ]
    detail = Sheet(
        "Billing Detail",
        formats={
            1: "dd/mm/yyyy",
            11: "dd/mm/yyyy",
            12: "dd/mm/yyyy",
            14: "#,##0.00",
            15: "0.00",
            16: "#,##0.00",
        },
    )
    detail.add(list(cols))
    refs: dict[int, int] = {}
    totals: dict[int, Decimal] = {}
    ecids = {c.cid: f"EC{rng.randrange(10**7, 10**8)}" for c in sc.customers}
    for i, v in enumerate(sc.vlines):
        p = BY_KEY[v.product]
        c = sc.customers[v.cust]
        if p.free:
            label = f"{p.name} (Trial)" if "Trial" in p.name else p.name
        elif p.microsoft:
            label = p.name + (
                " (NCE, 1 Year, Annual Pre-Paid)"
                if v.annual
                else " (NCE, Monthly Pre-Paid)"
                if v.monthly_term
                else " (NCE, 1 Year, Monthly Billing)"
            )
        else:
            label = p.name + (" - Annual Pre-Paid" if v.annual else " - Monthly")
        net = v.unit_cost * v.qty
        disc = (
            ((1 - v.unit_cost / v.list_price) * 100).quantize(CENT, rounding=ROUND_HALF_UP)
            if v.list_price
            else Decimal(0)
        )
        totals[c.cid] = totals.get(c.cid, Decimal(0)) + net
        refs[i] = detail.add(
            [
                f"INV-{sc.seed:03d}-2611",
                dt.date(2026, 12, 2),
                "GB-20417731",
                _tenant(sc, v, perturb, False),
                ecids[c.cid],
                v.sub,
                label,
                p.maker,
                p.msid.replace(":", "-") if p.microsoft else p.key.upper(),
                f"IM{sum(map(ord, p.key)) * 7919 % 10**7:07d}",
                "Annual" if v.annual else "Monthly",
                START,
                _end(v),
                v.qty,
                v.list_price,
                disc,
                net,
                sc.currency,
            ]
        )
    summary = Sheet("Summary", formats={1: "#,##0.00"})
    summary.add(["Ingram Micro Cloud - Billing Summary"])
    summary.add(["Billing period", "01/11/2026 - 30/11/2026"])
    summary.add([])
    summary.add(["End Customer", "Net Total"])
    for cid in sorted(totals):
        summary.add([sc.customers[cid].canonical, totals[cid]])
    summary.add(["Grand Total", sum(totals.values(), Decimal(0))])
    return Output("vendor_ingram.xlsx", [summary, detail], "Billing Detail", refs)


# ------------------------------------------------------------ Partner Center legacy licence-based file

LEGACY_COLUMNS = [
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


def render_partner_center_legacy(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"pc-legacy|{sc.seed}")
    ids = _ids(sc, "pcl")
    sheet = Sheet("vendor")
    sheet.add(list(LEGACY_COLUMNS))
    refs: dict[int, int] = {}
    partner = _guid(rng)
    for i, v in enumerate(sc.vlines):
        p = BY_KEY[v.product]
        c = sc.customers[v.cust]
        amount = v.list_price * v.qty
        subtotal = v.unit_cost * v.qty
        charge = (
            "Cancel instance prorate"
            if v.role == "credit"
            else rng.choice(("Cycle fee", "Cycle fee", "Cycle instance prorate"))
        )
        offer = _guid(random.Random(f"offer|{p.key}")).upper()
        refs[i] = sheet.add(
            [
                partner,
                ids[c.cid],
                c.canonical,
                "4871123",
                "",
                f"{rng.getrandbits(64):X}",
                v.sub,
                "",
                offer,
                offer[:8],
                p.name,
                "2025-11-01",
                "2026-10-31" if not v.annual else "2027-10-31",
                START.isoformat(),
                _end(v).isoformat(),
                charge,
                num(v.list_price),
                str(v.qty),
                num(amount),
                num(amount - subtotal),
                num(subtotal),
                "0.00",
                num(subtotal),
                sc.currency,
                c.domain,
                p.name,
                p.name,
                "Annual" if v.annual else "Monthly",
            ]
        )
    return Output("vendor_partner_center_legacy.csv", [sheet], "vendor", refs)


# ------------------------------------------------------------ TD SYNNEX StreamOne Ion (xlsx)


def render_td_synnex_ion(sc: Scenario, perturb: bool) -> Output:
    rng = random.Random(f"tdsynnex|{sc.seed}")
    cols = [
        "Invoice Number",
        "Invoice Date",
        "End Customer",
        "End Customer ID",
        "Subscription ID",
        "Manufacturer",
        "Manufacturer Part #",
        "Description",
        "Billing Frequency",
        "Term",
        "Quantity",
        "Unit Cost",
        "Extended Cost",
        "Unit MSRP",
        "Extended MSRP",
        "Charge Start",
        "Charge End",
    ]
    money_fmt = '"$"#,##0.00'
    sheet = Sheet(
        "Billing Statement",
        formats={
            1: "yyyy-mm-dd",
            11: money_fmt,
            12: money_fmt,
            13: money_fmt,
            14: money_fmt,
            15: "yyyy-mm-dd",
            16: "yyyy-mm-dd",
        },
    )
    sheet.add(["TD SYNNEX StreamOne Ion"])
    sheet.add(["Billing Statement - November 2026"])
    sheet.add(
        [
            "Reseller: Northern Lights Technology Inc. (CA-5530192)",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "Currency: CAD",
        ]
    )
    sheet.add([])
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    ecid = {c.cid: f"{rng.randrange(10**6, 10**7)}" for c in sc.customers}
    for i, v in enumerate(sc.vlines):
        p = BY_KEY[v.product]
        c = sc.customers[v.cust]
        if p.microsoft:
            part = "CA" + p.msid.replace(":", "")
            desc = (
                p.name
                if p.free
                else f"{p.name} - NCE - {'1 Month' if v.monthly_term else '1 Year'} - {'Annual' if v.annual else 'Monthly'} Billing"
            )
        else:
            part = f"CA-{p.maker[:5].upper()}-{p.key.upper()}"
            desc = f"{p.name} - {'Annual' if v.annual else 'Monthly'}"
        refs[i] = sheet.add(
            [
                f"91{sc.seed:02d}773",
                dt.date(2026, 12, 1),
                _tenant(sc, v, perturb, False),
                ecid[c.cid],
                v.sub,
                p.maker,
                part,
                desc,
                "Annual" if v.annual else "Monthly",
                "P1M" if v.monthly_term else "P1Y",
                v.qty,
                v.unit_cost,
                v.unit_cost * v.qty,
                v.list_price,
                v.list_price * v.qty,
                START,
                _end(v),
            ]
        )
    return Output("vendor_td_synnex.xlsx", [sheet], "Billing Statement", refs)


# ------------------------------------------------------------ Sherweb payable charges (CSV)


def _long_date(d: dt.date) -> str:
    return f"{d.strftime('%b')} {d.day}, {d.year}"


def render_sherweb_payable(sc: Scenario, perturb: bool) -> Output:
    cols = [
        "Customer",
        "Customer ID",
        "Subscription ID",
        "Product Name",
        "SKU",
        "Billing Cycle",
        "Commitment Term",
        "Period Start",
        "Period End",
        "Quantity",
        "Unit Cost",
        "Unit MSRP",
        "Subtotal",
    ]
    sheet = Sheet("vendor")
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    rng = random.Random(f"sherweb|{sc.seed}")
    cust_id = {c.cid: f"{rng.randrange(10**5, 10**6)}" for c in sc.customers}
    current, total = -1, Decimal(0)

    def dollars(x: Decimal) -> str:
        return ("-$" if x < 0 else "$") + num(abs(x), 2, thousands=",")

    for i, v in enumerate(sc.vlines):
        if v.cust != current:
            if current >= 0:
                sheet.add(
                    [
                        "",
                        "",
                        "",
                        f"Subtotal - {sc.customers[current].canonical}",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        dollars(total),
                    ]
                )
            current, total = v.cust, Decimal(0)
        p = BY_KEY[v.product]
        name = p.name
        if p.microsoft and not p.free:
            name += f" ({'1 Month' if v.monthly_term else '1 Year'} commitment, billed {'annually' if v.annual else 'monthly'})"
        total += v.unit_cost * v.qty
        refs[i] = sheet.add(
            [
                _tenant(sc, v, perturb, False),
                cust_id[v.cust],
                v.sub,
                name,
                (p.msid.replace(":", "-") if p.microsoft else f"SW-{p.key.upper()}"),
                "Yearly" if v.annual else "Monthly",
                "Monthly" if v.monthly_term else "Annual",
                _long_date(START),
                _long_date(_end(v)),
                str(v.qty),
                dollars(v.unit_cost),
                dollars(v.list_price),
                dollars(v.unit_cost * v.qty),
            ]
        )
    if current >= 0:
        sheet.add(
            [
                "",
                "",
                "",
                f"Subtotal - {sc.customers[current].canonical}",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                dollars(total),
            ]
        )
    return Output("vendor_sherweb.csv", [sheet], "vendor", refs)


# ------------------------------------------------------------ Cloudmore billing report (EU CSV)


def render_cloudmore_billing(sc: Scenario, perturb: bool) -> Output:
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
    sheet = Sheet("vendor")
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    rng = random.Random(f"cloudmore|{sc.seed}")
    numbers = {c.cid: f"C{rng.randrange(10**5, 10**6)}" for c in sc.customers}
    for i, v in enumerate(sc.vlines):
        p = BY_KEY[v.product]
        service = "Microsoft CSP (NCE)" if p.microsoft else f"{p.maker} Cloud"
        name = p.name + (" (NCE)" if p.microsoft and not p.free else "")
        if v.monthly_term:
            name += " Monthly"
        cost, sales = v.unit_cost * v.qty, v.list_price * v.qty
        margin = sales - cost
        pct = (margin / sales * 100).quantize(CENT, rounding=ROUND_HALF_UP) if sales else Decimal(0)
        refs[i] = sheet.add(
            [
                "01.11.2026",
                service,
                "Nordlicht IT Services GmbH",
                _tenant(sc, v, perturb, False),
                numbers[v.cust],
                name,
                (p.msid.split(":")[0] if p.microsoft else p.key.upper()),
                str(v.qty),
                num(v.unit_cost, comma=True),
                num(v.list_price, comma=True),
                num(cost, comma=True),
                num(sales, comma=True),
                num(margin, comma=True),
                num(pct, comma=True),
                sc.currency,
                p.msid or f"3P-{p.key}",
                "Annually" if v.annual else "Monthly",
            ]
        )
    return Output("vendor_cloudmore.csv", [sheet], "vendor", refs, delimiter=";", encoding="cp1252")


# ------------------------------------------------------------ Giacom Cloud Market billing export (.xls)


def render_giacom_cloudmarket(sc: Scenario, perturb: bool) -> Output:
    cols = [
        "Customer Name",
        "Customer Account Ref",
        "Service",
        "Product",
        "SKU",
        "Billing Frequency",
        "Start Date",
        "End Date",
        "Quantity",
        "Unit Cost",
        "Total Cost",
        "RRP",
    ]
    sheet = Sheet(
        "Billing",
        formats={6: "dd/mm/yyyy", 7: "dd/mm/yyyy", 9: "#,##0.00", 10: "#,##0.00", 11: "#,##0.00"},
    )
    sheet.add(["Cloud Market billing export - period 01/11/2026 to 30/11/2026 (GBP, ex VAT)"])
    sheet.add(list(cols))
    refs: dict[int, int] = {}
    rng = random.Random(f"giacom|{sc.seed}")
    refs_acc = {c.cid: f"ACC{rng.randrange(10**5, 10**6)}" for c in sc.customers}
    for i, v in enumerate(sc.vlines):
        p = BY_KEY[v.product]
        product = p.name
        if p.microsoft and not p.free:
            product += " (NCE " + ("Monthly" if v.monthly_term else "Annual") + ")"
        refs[i] = sheet.add(
            [
                _tenant(sc, v, perturb, True),
                refs_acc[v.cust],
                "Microsoft 365" if p.microsoft else p.maker,
                product,
                (p.msid or p.key.upper()),
                "Annual" if v.annual else "Monthly",
                START,
                _end(v),
                v.qty,
                v.unit_cost,
                v.unit_cost * v.qty,
                v.list_price,
            ]
        )
    return Output("vendor_giacom.xls", [sheet], "Billing", refs)


FORMATS: dict[str, VendorFormat] = {
    f.name: f
    for f in (
        VendorFormat(
            "partner_center_nce",
            "USD",
            render_partner_center_nce,
            ms_only=True,
            has_domain=True,
            upper_tenant=False,
        ),
        VendorFormat("pax8_portal", "USD", render_pax8_portal),
        VendorFormat("pax8_api", "EUR", render_pax8_api),
        VendorFormat(
            "partner_center_nce_fx",
            "NZD",
            render_partner_center_nce_fx,
            ms_only=True,
            has_domain=True,
        ),
        VendorFormat("dicker_annuity", "AUD", render_dicker_annuity, upper_tenant=True),
        VendorFormat("ingram_xvantage", "GBP", render_ingram_xvantage),
        VendorFormat(
            "partner_center_legacy",
            "NZD",
            render_partner_center_legacy,
            ms_only=True,
            has_domain=True,
        ),
        VendorFormat("td_synnex_ion", "CAD", render_td_synnex_ion),
        VendorFormat("sherweb_payable", "USD", render_sherweb_payable),
        VendorFormat("cloudmore_billing", "EUR", render_cloudmore_billing, charset="cp1252"),
        VendorFormat("giacom_cloudmarket", "GBP", render_giacom_cloudmarket, upper_tenant=True),
    )
}
