"""Set S export writers. Each writer sets .row on every line it writes and returns (file name, sheet)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import random
import unicodedata
from decimal import Decimal as D
from pathlib import Path

import xlsxwriter

from .scenario import PLine, VLine, q2
from .vocab import LEGACY_OFFER_NAMES, NONFOLD, PRODUCT

START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
END_Y = dt.date(2027, 10, 31)


# ---------------------------------------------------------------------------------------------- helpers
def h(s: str, n: int = 4, alphabet: str = "0123456789BCDFGHJKLMNPQRSTVWXZ") -> str:
    x = int(hashlib.sha1(s.encode()).hexdigest(), 16)
    out = ""
    for _ in range(n):
        x, r = divmod(x, len(alphabet))
        out += alphabet[r]
    return out


def pc_ids(pkey: str) -> tuple[str, str]:
    p = PRODUCT[pkey]
    if p.pcid:
        return tuple(p.pcid.split(":"))  # type: ignore[return-value]
    if pkey == "E3NT":
        return "CFQ7TTC0LFLX", "0014"
    if pkey == "BPNT":
        return "CFQ7TTC0LCHC", "0019"
    return "CFQ7TTC0" + h(pkey), "0001"


def us_money(x: D, sym: str = "$", paren: bool = False) -> str:
    neg = x < 0
    s = f"{abs(x):,.2f}"
    if neg:
        return f"({sym}{s})" if paren else f"-{sym}{s}"
    return f"{sym}{s}"


def eu_num(x: D, thousands: str = ".") -> str:
    s = f"{abs(x):,.2f}".replace(",", "X").replace(".", ",").replace("X", thousands)
    return ("-" if x < 0 else "") + s


def write_csv(
    path: Path,
    records: list[list],
    delimiter: str = ",",
    encoding: str = "utf-8",
    bom: bool = False,
    newline: str = "\r\n",
) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    for r in records:
        w.writerow(["" if v is None else v for v in r])
    text = buf.getvalue()
    data = text.encode(encoding, errors="strict")
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def write_xlsx(
    path: Path, sheets: list[tuple[str, list[list]]], date_fmt: str = "dd/mm/yyyy"
) -> None:
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    dfmt = wb.add_format({"num_format": date_fmt})
    mfmt = wb.add_format({"num_format": "#,##0.00"})
    bold = wb.add_format({"bold": True})
    for name, rows in sheets:
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if isinstance(v, dt.date):
                    ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), dfmt)
                elif isinstance(v, D):
                    ws.write_number(r, c, float(v), mfmt)
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    ws.write_number(r, c, v)
                elif isinstance(v, tuple) and v and v[0] == "bold":
                    ws.write_string(r, c, str(v[1]), bold)
                else:
                    ws.write_string(r, c, str(v))
    wb.close()


def fold_cp1250(s: str) -> str:
    out = []
    for ch in s:
        try:
            ch.encode("cp1250")
            out.append(ch)
        except UnicodeEncodeError:
            t = NONFOLD.get(ch, ch)
            t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
            try:
                t.encode("cp1250")
            except UnicodeEncodeError:
                t = "?"
            out.append(t)
    return "".join(out)


def vsort(lines: list[VLine], by_name: bool = False) -> list[VLine]:
    if by_name:
        return sorted(
            lines,
            key=lambda v: (
                v.tenant.casefold(),
                PRODUCT[v.pkey].name,
                v.sub_id,
                v.role != "licence",
            ),
        )
    return sorted(lines, key=lambda v: (v.client.cid, v.tenant, v.sub_id, v.role != "licence"))


def term_words(v: VLine) -> str:
    return {"P1M": "1 Month", "P1Y": "1 Year", "P3Y": "3 Years"}[v.term]


def vend(v: VLine) -> D:
    return END_Y if v.billing == "annual" else END


# ======================================================================================= VENDOR FORMATS
NCE_COLS = (
    "PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,InvoiceNumber,MpnId,ResellerMpnId,"
    "OrderId,OrderDate,ProductId,SkuId,AvailabilityId,SkuName,ProductName,ChargeType,UnitPrice,Quantity,"
    "Subtotal,TaxTotal,Total,Currency,PriceAdjustmentDescription,PublisherName,PublisherId,"
    "SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,TermAndBillingCycle,"
    "EffectiveUnitPrice,UnitType,AlternateId,BillableQuantity,BillingFrequency,PricingCurrency,"
    "PCToBCExchangeRate,PCToBCExchangeRateDate,MeterDescription,ReservationOrderId,SubscriptionStartDate,"
    "SubscriptionEndDate,ReferenceId,ProductQualifiers,PromotionId,ProductCategory"
).split(",")


def v_pc_nce(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    rng: random.Random = ctx["layout"]
    recs = [NCE_COLS]
    repeat_at = (
        rng.randint(len(lines) // 3, max(len(lines) // 3, 2 * len(lines) // 3)) if lines else -1
    )
    for i, v in enumerate(vsort(lines)):
        if i == repeat_at:
            recs.append(NCE_COLS)
        p = PRODUCT[v.pkey]
        pid, sku = pc_ids(v.pkey)
        list_unit = q2(v.list_cost * (D("1.2") if v.term == "P1M" else 1)) * (
            12 if v.billing == "annual" else 1
        )
        if v.role == "trial":
            tbc, list_unit = "One-Month commitment for trial", D(0)
        elif v.term == "P1M":
            tbc = "One-Month commitment for monthly billing"
        elif v.term == "P1Y":
            tbc = (
                "One-Year commitment for yearly billing"
                if v.billing == "annual"
                else "One-Year commitment for monthly billing"
            )
        else:
            tbc = "Three-3 Years commitment for monthly/3 Years/yearly billing"
        charge = v.charge if v.role != "trial" else "new"
        charge = rng.choice([charge, charge, charge[0].upper() + charge[1:], charge.lower()])
        sub = q2(v.cost * v.qty)

        def num(x, dec=2):
            s = f"{x:.{dec}f}" if not isinstance(x, int) else str(x)
            return "'" + f"{D(x):.18f}" if rng.random() < 0.3 else s

        ref = rng.choice(["", "", f'{{"ReferenceId":"{h(v.sub_id, 10)}","Type":"Order"}}'])
        recs.append(
            [
                "a1b2c3d4-0000-4000-8000-5e7b0a1c2d3e",
                f"{h(v.tenant, 8, '0123456789abcdef')}-"
                f"{h(v.tenant + 'x', 4, '0123456789abcdef')}-4000-8000-{h(v.tenant + 'y', 12, '0123456789abcdef')}",
                v.tenant,
                v.domain,
                v.client.country,
                "G055512345",
                "6123456",
                "",
                h(v.sub_id, 12),
                "10/2/2025",
                pid,
                sku,
                "CFQ7TTC0" + h(v.pkey + "av", 4),
                p.name,
                p.name,
                charge,
                num(list_unit),
                num(v.qty),
                num(sub),
                "0",
                f"{sub:.2f}",
                "USD",
                "Partner earned credit" if v.cost < list_unit and rng.random() < 0.5 else "",
                "Microsoft Corporation",
                "-1",
                p.name,
                v.sub_id,
                "11/1/2026",
                f"{vend(v).month}/{vend(v).day}/{vend(v).year}",
                tbc,
                num(v.cost),
                "Licenses",
                h(v.sub_id, 16),
                num(v.qty),
                "Annual" if v.billing == "annual" else "Monthly",
                "USD",
                "1",
                "10/31/2026",
                "",
                "",
                "10/2/2025",
                "10/1/2026" if v.term == "P1Y" else "11/30/2026",
                ref,
                "['AddOn']" if p.group in ("arch", "copilot", "e5") and v.pkey != "E5" else "",
                "",
                "Licenses",
            ]
        )
        v.row = len(recs)
    write_csv(folder / "InvoiceRecon_G055512345_2026-11.csv", recs, bom=True)
    return "InvoiceRecon_G055512345_2026-11.csv", None


LEGACY_COLS = (
    "PartnerId,CustomerId,CustomerName,MpnId,ResellerMpnId,OrderId,SubscriptionId,"
    "SyndicationPartnerSubscriptionNumber,OfferId,DurableOfferId,OfferName,SubscriptionStartDate,"
    "SubscriptionEndDate,ChargeStartDate,ChargeEndDate,ChargeType,UnitPrice,Quantity,Amount,"
    "TotalOtherDiscount,Subtotal,Tax,TotalForCustomer,Currency,DomainName,SubscriptionName,"
    "SubscriptionDescription,BillingCycleType"
).split(",")


def v_pc_legacy(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    rows = [LEGACY_COLS]
    total = D(0)
    for v in vsort(lines):
        p = PRODUCT[v.pkey]
        offer = LEGACY_OFFER_NAMES.get(v.pkey, p.name)
        unit = q2(v.list_cost * (D("1.2") if v.term == "P1M" else 1)) * (
            12 if v.billing == "annual" else 1
        )
        if v.role == "trial":
            unit = D(0)
        unit = max(unit, v.cost)
        amount = q2(unit * v.qty)
        disc = q2((unit - v.cost) * v.qty)
        sub = amount - disc
        tax = q2(sub * D("0.2"))
        total += sub
        rows.append(
            [
                "8f2c0c54-2a6d-4a71-9f0e-3b1e0a2b7c10",
                h(v.tenant, 8, "0123456789abcdef"),
                v.tenant,
                4412345,
                "",
                h(v.sub_id, 14),
                v.sub_id,
                h(v.sub_id + "s", 16, "0123456789"),
                h(v.pkey, 8, "ABCDEF0123456789"),
                h(v.pkey, 8, "ABCDEF0123456789"),
                offer,
                dt.date(2025, 6, 1),
                vend(v),
                START,
                vend(v),
                {
                    "licence": "Cycle fee",
                    "credit": "Prorate fees when cancel",
                    "trial": "Cycle fee",
                }[v.role],
                unit,
                v.qty,
                amount,
                disc,
                sub,
                tax,
                sub + tax,
                "GBP",
                v.domain,
                offer,
                offer,
                "Annual" if v.billing == "annual" else "Monthly",
            ]
        )
        v.row = len(rows)
    summary = [
        ["Invoice summary"],
        ["Invoice number", "G012345678"],
        ["Billing period", "01/11/2026 - 30/11/2026"],
        [],
        ["Section", "Amount (GBP)"],
        ["Office", total],
        ["Azure", D(0)],
        ["Total (ex. VAT)", total],
    ]
    azure = [
        [
            "PartnerId",
            "CustomerId",
            "CustomerName",
            "OrderId",
            "ServiceName",
            "ConsumedQuantity",
            "Amount",
        ]
    ]
    write_xlsx(
        folder / "G012345678_Invoice_Reconciliation.xlsx",
        [("Summary", summary), ("Office", rows), ("Azure", azure)],
    )
    return "G012345678_Invoice_Reconciliation.xlsx", None


def pax8_sku(pkey: str) -> str:
    if pkey == "BP":
        return "MST-NCE-103-C100"
    p = PRODUCT[pkey]
    if p.ms:
        return f"MST-NCE-{100 + int(h(pkey, 3, '0123456789')) % 400}-C{100 + int(h(pkey + 'c', 3, '0123456789')) % 800}"
    return f"{pkey[:3]}-{h(pkey, 4)}-{h(pkey + 'v', 3)}"


def pax8_desc(p) -> str:
    if not p.ms:
        return p.name
    return f"{p.name} [New Commerce Experience]" if p.key == "COPILOT" else f"{p.name} [NCE]"


def v_pax8_portal(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    recs = [
        [
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
            "end_period",
            "invoice_date",
        ]
    ]
    for v in vsort(lines, by_name=True):
        p = PRODUCT[v.pkey]
        retail = p.price * (12 if v.billing == "annual" else 1) if v.role != "trial" else D(0)
        details = {
            "P1M": "Monthly commitment, billed monthly",
            "P1Y": "1 year commitment, billed "
            + ("annually" if v.billing == "annual" else "monthly"),
            "P3Y": "3 year commitment, billed "
            + ("annually" if v.billing == "annual" else "monthly"),
        }[v.term]
        if v.role == "trial":
            details = "Trial"
        typ = {"licence": "subscription", "credit": "credits", "trial": "subscription"}[v.role]
        recs.append(
            [
                v.tenant,
                100000 + v.client.cid * 7 + (1 if v.tenant != v.client.name else 0),
                typ,
                pax8_desc(p),
                details,
                pax8_sku(v.pkey),
                v.qty,
                f"{v.cost:.2f}",
                f"{q2(v.cost * v.qty):.2f}",
                f"{retail:.2f}",
                f"{q2(retail * v.qty):.2f}",
                f"{q2(v.cost * v.qty):.2f}",
                "2026-11-01",
                vend(v).isoformat(),
                "2026-12-01",
            ]
        )
        v.row = len(recs)
    write_csv(folder / "pax8-invoice-2026-11.csv", recs, newline="\n")
    return "pax8-invoice-2026-11.csv", None


def v_pax8_api(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    rows = [
        [
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
    ]
    for v in vsort(lines):
        p = PRODUCT[v.pkey]
        retail = p.price * (12 if v.billing == "annual" else 1) if v.role != "trial" else D(0)
        term = "Trial" if v.role == "trial" else ("Annual" if v.billing == "annual" else "Monthly")
        details = {"P1M": "No commitment", "P1Y": "1-year commitment", "P3Y": "3-year commitment"}[
            v.term
        ]
        vendor = "Microsoft" if p.ms else p.name.split()[0]
        rows.append(
            [
                v.tenant,
                f"{h(v.tenant, 8, 'abcdef0123456789')}",
                "",
                START,
                vend(v),
                v.qty,
                "Device" if v.pkey == "ACRONIS" else "User",
                term,
                pax8_sku(v.pkey),
                pax8_desc(p),
                details,
                retail,
                q2(retail * v.qty),
                v.cost,
                q2(v.cost * v.qty),
                q2(v.cost * v.qty),
                h(v.pkey, 8, "abcdef0123456789"),
                p.name,
                "GBP",
                v.sub_id,
                vendor,
                {"licence": "subscription", "credit": "credits", "trial": "subscription"}[v.role],
            ]
        )
        v.row = len(rows)
    write_xlsx(folder / "invoice-items-2026-11.xlsx", [("invoice_items", rows)], "yyyy-mm-dd")
    return "invoice-items-2026-11.xlsx", None


def mpn(v: VLine, cc: str) -> str:
    p = PRODUCT[v.pkey]
    if p.ms:
        pid, sku = pc_ids(v.pkey)
        return f"{cc}{pid}{sku}"
    return f"{cc}-{h(v.pkey, 6)}"


def v_tdsynnex(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    recs = [
        [
            "Invoice Number",
            "Invoice Date",
            "Reseller Name",
            "End Customer Name",
            "End Customer ID",
            "Customer Domain",
            "Subscription ID",
            "Product Name",
            "Manufacturer Part #",
            "Vendor",
            "Commitment Term",
            "Billing Frequency",
            "Charge Type",
            "Quantity",
            "Unit Cost",
            "Extended Cost",
            "Unit MSRP",
            "Service Start",
            "Service End",
            "Currency",
        ]
    ]
    for v in vsort(lines):
        p = PRODUCT[v.pkey]
        msrp = p.price * (12 if v.billing == "annual" else 1) if v.role != "trial" else D(0)
        e = vend(v)
        recs.append(
            [
                "IN-88231904",
                "12/01/2026",
                "Keystone Managed IT LLC",
                v.tenant,
                f"C{100000 + v.client.cid}",
                v.domain,
                v.sub_id,
                p.name + (" - NCE" if p.ms else ""),
                mpn(v, "US"),
                "Microsoft" if p.ms else p.name.split()[0],
                term_words(v),
                "Annual" if v.billing == "annual" else "Monthly",
                {"licence": "Recurring", "credit": "Credit", "trial": "Trial"}[v.role],
                v.qty,
                us_money(v.cost),
                us_money(q2(v.cost * v.qty), paren=True),
                us_money(msrp),
                "11/01/2026",
                f"{e.month:02d}/{e.day:02d}/{e.year}",
                "USD",
            ]
        )
        v.row = len(recs)
    write_csv(folder / "StreamOne_Ion_BillingDetail_Nov2026.csv", recs)
    return "StreamOne_Ion_BillingDetail_Nov2026.csv", None


def v_ingram(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    rows = [
        [("bold", "Ingram Micro Cloud Marketplace - Billing Report")],
        ["Reseller: Northbeam IT Pty Ltd (AU-100482)"],
        ["Billing period: 01/11/2026 - 30/11/2026"],
        [],
        [
            "Customer",
            "Customer ID",
            "Subscription ID",
            "Subscription Name",
            "MPN",
            "Billing Type",
            "Duration",
            "Quantity",
            "Unit Price",
            "Net Price",
            "Tax",
            "Currency",
            "Period Start",
            "Period End",
        ],
    ]
    for v in vsort(lines, by_name=True):
        p = PRODUCT[v.pkey]
        sname = f"{p.name} ({'Annual' if v.billing == 'annual' else 'Monthly'} Pre-Paid)"
        if v.role == "trial":
            sname = f"{p.name} (Trial)"
        net = q2(v.cost * v.qty)
        rows.append(
            [
                f"Northbeam IT Pty Ltd / {v.tenant}",
                f"AU-{200000 + v.client.cid}",
                f"AU-S-{h(v.sub_id, 9, '0123456789')}",
                sname,
                mpn(v, "AU"),
                {"licence": "Recurring", "credit": "Refund", "trial": "Trial"}[v.role],
                "12 Months" if v.billing == "annual" else "1 Month",
                v.qty,
                v.cost,
                net,
                q2(net * D("0.1")),
                "AUD",
                START,
                vend(v),
            ]
        )
        v.row = len(rows)
    info = [
        ["Report", "Billing Details"],
        ["Generated", "2026-12-01 06:00 UTC"],
        ["Marketplace", "AU"],
    ]
    write_xlsx(
        folder / "IM_CloudMarketplace_Billing_202611.xlsx",
        [("Report Info", info), ("Billing Details", rows)],
    )
    return "IM_CloudMarketplace_Billing_202611.xlsx", None


def v_sherweb(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    recs = [
        [
            "Customer",
            "Customer ID",
            "Subscription",
            "Product SKU",
            "Charge type",
            "Billing cycle",
            "Commitment",
            "Period from",
            "Period to",
            "Quantity",
            "Unit cost",
            "Unit MSRP",
            "Total cost",
            "Currency",
        ]
    ]
    for v in vsort(lines, by_name=True):
        p = PRODUCT[v.pkey]
        msrp = p.price * (12 if v.billing == "annual" else 1) if v.role != "trial" else D(0)
        recs.append(
            [
                v.tenant,
                h(v.tenant, 8, "abcdef0123456789"),
                p.name,
                mpn(v, "CA"),
                {"licence": "Recurring", "credit": "Credit", "trial": "Trial"}[v.role],
                "Yearly" if v.billing == "annual" else "Monthly",
                term_words(v),
                "2026-11-01",
                vend(v).isoformat(),
                v.qty,
                f"{v.cost:.2f}",
                f"{msrp:.2f}",
                f"{q2(v.cost * v.qty):.2f}",
                "CAD",
            ]
        )
        v.row = len(recs)
    write_csv(folder / "Sherweb_PayableCharges_2026-11.csv", recs)
    return "Sherweb_PayableCharges_2026-11.csv", None


def dicker_date(d: dt.date) -> str:
    return d.strftime("%d-%b-%Y").upper()


def v_dicker(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    recs = [
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
    ]
    for v in sorted(
        lines, key=lambda v: (v.tenant.upper(), PRODUCT[v.pkey].name, v.sub_id, v.role != "licence")
    ):
        p = PRODUCT[v.pkey]
        tw = {"P1M": "1MTH", "P1Y": "1YR", "P3Y": "3YR"}[v.term]
        if p.ms:
            pid, sku = pc_ids(v.pkey)
            code = f"{v.term}:{pid}:{sku}:{'Y' if v.billing == 'annual' else '1'}:"
            desc = f"MS NCE {p.terse} {'TRIAL' if v.role == 'trial' else tw}"
        else:
            code = f"{p.key[:4]}{h(p.key, 4)}{'1Y' if v.term != 'P1M' else '1M'}"
            desc = f"{p.terse} {tw}"
        rrp = p.price * (12 if v.billing == "annual" else 1) if v.role != "trial" else D(0)
        recs.append(
            [
                h(v.tenant, 8, "abcdef0123456789")
                + "-0000-4000-8000-"
                + h(v.tenant, 12, "abcdef0123456789"),
                v.tenant.upper(),
                v.sub_id.upper(),
                code,
                desc,
                f"PO-{1000 + v.client.cid}",
                v.qty,
                {"licence": "RECURRING", "credit": "CREDIT", "trial": "TRIAL"}[v.role],
                "ACTIVE",
                dicker_date(START),
                dicker_date(vend(v)),
                "ANNUAL" if v.billing == "annual" else "MONTHLY",
                us_money(v.cost),
                us_money(rrp),
            ]
        )
        v.row = len(recs)
    write_csv(folder / "DickerData_Annuity_NOV2026.csv", recs)
    return "DickerData_Annuity_NOV2026.csv", None


def v_cloudmore(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    rows = [
        ["General billing report"],
        ["Broker: Nordic Cloud Partners Oy"],
        ["Period: 2026-11-01 - 2026-11-30"],
        [],
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
        ],
    ]
    tc = D(0)
    for v in vsort(lines, by_name=True):
        p = PRODUCT[v.pkey]
        sales = p.price * (12 if v.billing == "annual" else 1) if v.role != "trial" else D(0)
        tcost, tsales = q2(v.cost * v.qty), q2(sales * v.qty)
        tc += tcost
        margin = tsales - tcost
        pct = q2(margin / tsales * 100) if tsales else D(0)
        svc = "Microsoft CSP (New Commerce)" if p.ms else f"{p.name.split()[0]} Service"
        rows.append(
            [
                START,
                svc,
                "Nordic Cloud Partners Oy",
                v.tenant,
                f"CM{50000 + v.client.cid}",
                p.name,
                mpn(v, "FI") if p.ms else h(p.key, 8),
                v.qty,
                v.cost,
                sales,
                tcost,
                tsales,
                margin,
                pct,
                "EUR",
                h(v.pkey, 10, "0123456789"),
                "Yearly" if v.billing == "annual" else "Monthly",
            ]
        )
        v.row = len(rows)
    rows.append([])
    rows.append(["Total", "", "", "", "", "", "", "", "", "", tc])
    write_xlsx(
        folder / "Cloudmore_General_billing_report_2026-11.xlsx",
        [("General billing report", rows)],
        "yyyy-mm-dd",
    )
    return "Cloudmore_General_billing_report_2026-11.xlsx", None


def v_sk_distributor(folder: Path, lines: list[VLine], ctx: dict) -> tuple[str, str | None]:
    recs = [
        [
            "Číslo faktúry",
            "Odberateľ",
            "IČO",
            "Doména tenanta",
            "Produkt",
            "Kód produktu",
            "Záväzok",
            "Fakturácia",
            "Množstvo",
            "Jedn. cena bez DPH",
            "Spolu bez DPH",
            "DPH %",
            "Mena",
            "Obdobie od",
            "Obdobie do",
            "Typ",
        ]
    ]
    nb = "\u00a0"
    for v in vsort(lines):
        p = PRODUCT[v.pkey]
        e = vend(v)
        recs.append(
            [
                "FV2026110457",
                fold_cp1250(v.tenant),
                v.client.tax_id[:8],
                v.domain,
                p.name + (" (NCE)" if p.ms else ""),
                mpn(v, "SK"),
                {"P1M": "1 mesiac", "P1Y": "1 rok", "P3Y": "3 roky"}[v.term],
                "ročne" if v.billing == "annual" else "mesačne",
                str(v.qty),
                eu_num(v.cost, nb),
                eu_num(q2(v.cost * v.qty), nb),
                "20",
                "EUR",
                "1. 11. 2026",
                f"{e.day}. {e.month}. {e.year}",
                {"licence": "Predplatné", "credit": "Dobropis", "trial": "Skúšobná verzia"}[v.role],
            ]
        )
        v.row = len(recs)
    write_csv(folder / "vyuctovanie_licencie_2026_11.csv", recs, delimiter=";", encoding="cp1250")
    return "vyuctovanie_licencie_2026_11.csv", None


# ========================================================================================== PSA FORMATS
def psort(lines: list[PLine]) -> list[PLine]:
    return sorted(lines, key=lambda p: (p.client.name.casefold(), p.idx))


def us_date(d: dt.date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def p_connectwise(folder: Path, lines: list[PLine], ctx: dict) -> tuple[str, str | None]:
    rng: random.Random = ctx["layout"]
    recs = [
        [
            "Company Name",
            "Agreement Name",
            "Agreement Type",
            "Billing Cycle",
            "Sequence",
            "Effective",
            "Cancelled",
            "Product ID",
            "Description",
            "Quantity",
            "Less Included",
            "Price",
            "Ext Price",
            "Bill",
            "Addition Status",
            "Cost",
            "Ext Cost",
        ]
    ]
    seq: dict[int, int] = {}
    for p in psort(lines):
        seq[p.client.cid] = seq.get(p.client.cid, 0) + 1
        pid = (
            f"LIC-{int(h(p.pkey, 3, '0123456789')):04d}"
            if p.pkey
            else f"SVC-{int(h(p.text, 3, '0123456789')):04d}"
        )
        cancelled, status = "", "Active"
        if p.role == "cancelled":
            cancelled = us_date(dt.date(2026, 10, rng.randint(1, 31)))
            status = rng.choice(
                ["Cancelled", "Active"]
            )  # some show the cancellation only as a date
        agr = (
            "Annual Licensing"
            if p.period == "yearly"
            else ("Microsoft 365 Licensing" if p.pkey else "Managed Services")
        )
        cost = PRODUCT[p.pkey].cost if p.pkey else D(0)
        recs.append(
            [
                p.name,
                f"{p.name[:20]} - {agr}",
                "Licensing" if p.pkey else "Managed Services",
                "Annual" if p.period == "yearly" else "Monthly",
                seq[p.client.cid],
                "1/1/2026",
                cancelled,
                pid,
                p.desc,
                p.qty,
                p.less_included,
                f"{p.price:.2f}",
                f"{q2(p.price * p.billed_qty):.2f}",
                "Billable",
                status,
                f"{cost:.2f}",
                f"{q2(cost * p.qty):.2f}",
            ]
        )
        p.row = len(recs)
    write_csv(folder / "AgreementAdditions_AllCompanies.csv", recs)
    return "AgreementAdditions_AllCompanies.csv", None


def p_autotask(folder: Path, lines: list[PLine], ctx: dict) -> tuple[str, str | None]:
    rows = [
        [("bold", "Contract Services Report")],
        ["Generated 01/12/2026 07:42 by finance@northbeam-it"],
        [],
        [
            "Account Name",
            "Contract Name",
            "Contract Type",
            "Service",
            "Invoice Description",
            "Units",
            "Unit Price",
            "Adjusted Unit Price",
            "Unit Cost",
            "Period Type",
            "Start Date",
            "End Date",
            "Status",
        ],
    ]
    tot_units = 0
    for p in psort(lines):
        adj = p.price * (100 - p.disc) / 100 if p.disc else ""
        end = dt.date(2026, 10, 31) if p.role == "cancelled" else dt.date(2027, 6, 30)
        rows.append(
            [
                p.name,
                f"{p.name[:25]} Recurring Services",
                "Recurring Service",
                p.desc,
                "",
                p.qty,
                p.price,
                adj,
                PRODUCT[p.pkey].cost if p.pkey else "",
                "Yearly" if p.period == "yearly" else "Monthly",
                dt.date(2025, 7, 1),
                end,
                "Inactive" if p.role == "cancelled" else "Active",
            ]
        )
        tot_units += p.qty
        p.row = len(rows)
    rows.append(["Total", "", "", "", "", tot_units])
    write_xlsx(folder / "ContractServices_Nov2026.xlsx", [("Contract Services", rows)])
    return "ContractServices_Nov2026.xlsx", None


def p_halo(folder: Path, lines: list[PLine], ctx: dict) -> tuple[str, str | None]:
    rng: random.Random = ctx["layout"]
    rows = [
        ["HaloPSA - Recurring Invoice Lines"],
        ["Run on 02/12/2026 09:14"],
        [],
        [
            "Client",
            "Site",
            "Recurring Invoice",
            "Item",
            "Long Description",
            "Quantity",
            "Unit Price",
            "Net Amount",
            "Frequency",
            "Active",
            "Next Invoice Date",
        ],
    ]
    for p in psort(lines):
        long = rng.choice(
            [
                "Licences for $MONTHNAME $YEAR",
                "Period: $STARTDATE - $ENDDATE",
                "",
                "Billed in advance",
            ]
        )
        rows.append(
            [
                p.name,
                p.site or "Head Office",
                f"RI-{1000 + p.client.cid}",
                p.desc,
                long,
                p.qty,
                p.price,
                q2(p.price * p.qty),
                "Yearly" if p.period == "yearly" else "Monthly",
                "No" if p.role == "paused" else "Yes",
                dt.date(2026, 12, 1),
            ]
        )
        p.row = len(rows)
    write_xlsx(folder / "Halo_RecurringInvoiceLines.xlsx", [("Report", rows)])
    return "Halo_RecurringInvoiceLines.xlsx", None


def p_syncro(folder: Path, lines: list[PLine], ctx: dict) -> tuple[str, str | None]:
    rng: random.Random = ctx["layout"]
    recs = [
        [
            "Customer",
            "Schedule",
            "Frequency",
            "Paused",
            "Next Run",
            "Line Item Name",
            "Line Item Description",
            "Quantity",
            "Retail Cents",
            "Cost Cents",
            "Taxable",
        ]
    ]
    for p in psort(lines):
        generic = (
            rng.choice(["User licence", "Cloud subscription", "Monthly service", "Licence", ""])
            if p.pkey
            else "Service"
        )
        cost = PRODUCT[p.pkey].cost if p.pkey else D(0)
        recs.append(
            [
                p.name,
                f"{'Annual' if p.period == 'yearly' else 'Monthly'} billing",
                "Annually" if p.period == "yearly" else "Monthly",
                "true" if p.role == "paused" else "false",
                "2026-12-01",
                p.desc,
                generic,
                p.qty,
                int(p.price * 100),
                int(cost * 100),
                "false",
            ]
        )
        p.row = len(recs)
    write_csv(folder / "syncro_recurring_schedule_items.csv", recs, newline="\n")
    return "syncro_recurring_schedule_items.csv", None


def p_kaseya(folder: Path, lines: list[PLine], ctx: dict) -> tuple[str, str | None]:
    recs = [
        [
            "Account",
            "Location",
            "Contract",
            "Service",
            "Description",
            "Quantity",
            "Rate",
            "Discount %",
            "Amount",
            "Billing Frequency",
            "Start Date",
            "End Date",
            "Status",
        ]
    ]
    for p in psort(lines):
        amount = q2(p.price * p.qty * (100 - p.disc) / 100)
        status = {"cancelled": "Inactive", "paused": "On Hold"}.get(p.role, "Active")
        recs.append(
            [
                p.name,
                p.site or "Main",
                "Recurring Services 2026",
                p.desc,
                "",
                str(p.qty),
                eu_num(p.price),
                str(p.disc) if p.disc else "0",
                eu_num(amount),
                "Annually" if p.period == "yearly" else "Monthly",
                "01.01.2026",
                "31.10.2026" if p.role == "cancelled" else "",
                status,
            ]
        )
        p.row = len(recs)
    write_csv(folder / "BMS_RecurringServices_export.csv", recs, delimiter=";")
    return "BMS_RecurringServices_export.csv", None


def p_qbo(folder: Path, lines: list[PLine], ctx: dict) -> tuple[str, str | None]:
    rng: random.Random = ctx["layout"]
    rows = [
        ["Northbeam IT LLC"],
        ["Sales by Customer Detail"],
        ["November 2026"],
        [],
        [
            "",
            "Date",
            "Transaction Type",
            "Num",
            "Product/Service",
            "Memo/Description",
            "Qty",
            "Sales Price",
            "Amount",
            "Balance",
        ],
    ]
    by_client: dict[int, list[PLine]] = {}
    for p in psort(lines):
        by_client.setdefault(p.client.cid, []).append(p)
    grand = D(0)
    num = 4100
    for cid, group in by_client.items():
        rows.append([group[0].name])
        num += 1
        bal, tot = D(0), D(0)
        for p in group:
            if p.role == "voided":
                rows.append(
                    [
                        "",
                        dt.date(2026, 11, 1),
                        "Invoice",
                        str(num + 500),
                        p.desc,
                        "Voided",
                        "",
                        "",
                        D(0),
                        bal,
                    ]
                )
            else:
                amt = q2(p.price * p.qty)
                bal += amt
                tot += amt
                memo = rng.choice(["", "Monthly licence charges", "Nov 2026"]) if p.pkey else ""
                rows.append(
                    [
                        "",
                        dt.date(2026, 11, 1),
                        "Invoice",
                        str(num),
                        p.desc,
                        memo,
                        p.qty,
                        p.price,
                        amt,
                        bal,
                    ]
                )
            p.row = len(rows)
        rows.append([f"Total for {group[0].name}", "", "", "", "", "", "", "", tot])
        grand += tot
    rows.append([])
    rows.append(["TOTAL", "", "", "", "", "", "", "", grand])
    write_xlsx(
        folder / "Sales by Customer Detail.xlsx", [("Sales by Customer Detail", rows)], "mm/dd/yyyy"
    )
    return "Sales by Customer Detail.xlsx", None


def p_xero(folder: Path, lines: list[PLine], ctx: dict) -> tuple[str, str | None]:
    cur = ctx["currency"]
    rate, taxtype = {
        "GBP": (D("0.2"), "20% (VAT on Income)"),
        "AUD": (D("0.1"), "GST on Income"),
        "EUR": (D("0.2"), "20% (VAT on Income)"),
    }.get(cur, (D(0), "Tax Exempt"))
    recs = [
        [
            "*ContactName",
            "EmailAddress",
            "POAddressLine1",
            "POCity",
            "POCountry",
            "*InvoiceNumber",
            "Reference",
            "*InvoiceDate",
            "*DueDate",
            "Total",
            "TaxTotal",
            "InvoiceAmountPaid",
            "InvoiceAmountDue",
            "InventoryItemCode",
            "*Description",
            "*Quantity",
            "*UnitAmount",
            "Discount",
            "LineAmount",
            "*AccountCode",
            "*TaxType",
            "TaxAmount",
            "TrackingName1",
            "TrackingOption1",
            "Currency",
            "Status",
        ]
    ]
    invoices: dict[tuple, list[PLine]] = {}
    for p in psort(lines):
        invoices.setdefault((p.client.cid, p.role == "voided"), []).append(p)
    date = "01/11/2026" if cur != "USD" else "11/01/2026"
    due = "15/11/2026" if cur != "USD" else "11/15/2026"
    n = 7000
    for (cid, voided), group in invoices.items():
        n += 1
        amounts = [q2(p.price * p.qty * (100 - p.disc) / 100) for p in group]
        taxes = [q2(a * rate) for a in amounts]
        total = sum(amounts) + sum(taxes)
        for p, a, t in zip(group, amounts, taxes):
            recs.append(
                [
                    p.name,
                    f"accounts@{p.client.domain.split('.')[0]}.example",
                    "",
                    "",
                    p.client.country,
                    f"INV-{n}",
                    "Nov 2026",
                    date,
                    due,
                    f"{total:.2f}",
                    f"{sum(taxes):.2f}",
                    "0.00" if voided else f"{total:.2f}",
                    "0.00",
                    "",
                    p.desc,
                    p.qty,
                    f"{p.price:.2f}",
                    f"{p.disc:.2f}" if p.disc else "",
                    f"{a:.2f}",
                    "200" if p.pkey else "210",
                    taxtype,
                    f"{t:.2f}",
                    "Department",
                    "Licensing" if p.pkey else "Services",
                    cur,
                    "VOIDED" if voided else "PAID",
                ]
            )
            p.row = len(recs)
    write_csv(folder / "Invoices_Export_Nov2026.csv", recs)
    return "Invoices_Export_Nov2026.csv", None


def p_parasut(folder: Path, lines: list[PLine], ctx: dict) -> tuple[str, str | None]:
    cur = ctx["currency"]
    rows = [
        ["Satış Faturaları - Kalem Detaylı Rapor (01.11.2026 - 30.11.2026)"],
        [],
        [
            "Müşteri",
            "Vergi No",
            "Fatura No",
            "Düzenleme Tarihi",
            "Ürün / Hizmet",
            "Açıklama",
            "Miktar",
            "Birim",
            "Birim Fiyat (KDV Dahil)",
            "İndirim %",
            "KDV Oranı",
            "KDV Tutarı",
            "Toplam (KDV Dahil)",
            "Döviz",
            "Durum",
        ],
    ]
    for p in psort(lines):
        gross = p.price * D("1.2")
        total = q2(gross * p.qty * (100 - p.disc) / 100)
        vat = q2(total - total / D("1.2"))
        rows.append(
            [
                p.name,
                p.client.tax_id[:10],
                f"PRS2026{p.client.cid:06d}",
                dt.date(2026, 11, 1),
                p.desc,
                "",
                p.qty,
                "Adet",
                gross,
                p.disc,
                "%20",
                vat,
                total,
                cur,
                "İptal Edildi" if p.role == "voided" else "Ödendi",
            ]
        )
        p.row = len(rows)
    write_xlsx(
        folder / "satis_faturalari_kalemler_2026-11.xlsx", [("Faturalar", rows)], "dd.mm.yyyy"
    )
    return "satis_faturalari_kalemler_2026-11.xlsx", None


# ========================================================================================== REGISTRY
VENDOR_SPECS = {
    "partner_center_nce_csv": dict(
        writer=v_pc_nce, ms_only=True, currency="USD", domain=True, cc="US"
    ),
    "partner_center_legacy_xlsx": dict(
        writer=v_pc_legacy, ms_only=True, currency="GBP", domain=True, cc="GB"
    ),
    "pax8_portal_csv": dict(
        writer=v_pax8_portal, ms_only=False, currency="USD", domain=False, cc="US"
    ),
    "pax8_api_xlsx": dict(writer=v_pax8_api, ms_only=False, currency="GBP", domain=False, cc="GB"),
    "td_synnex_streamone_ion_csv": dict(
        writer=v_tdsynnex, ms_only=False, currency="USD", domain=True, cc="US"
    ),
    "ingram_micro_cloud_marketplace_xlsx": dict(
        writer=v_ingram, ms_only=False, currency="AUD", domain=False, cc="AU"
    ),
    "sherweb_payable_charges_csv": dict(
        writer=v_sherweb, ms_only=False, currency="CAD", domain=False, cc="CA"
    ),
    "dicker_data_annuity_csv": dict(
        writer=v_dicker, ms_only=False, currency="AUD", domain=False, cc="AU"
    ),
    "cloudmore_general_billing_xlsx": dict(
        writer=v_cloudmore, ms_only=False, currency="EUR", domain=False, cc="FI"
    ),
    "generic_distributor_sk_cp1250_csv": dict(
        writer=v_sk_distributor, ms_only=False, currency="EUR", domain=True, cc="SK"
    ),
}
PSA_SPECS = {
    "connectwise_additions_csv": dict(
        writer=p_connectwise,
        inactive=["cancelled"],
        yearly=True,
        disc=False,
        less_included=True,
        traits=dict(desc_limit=40),
    ),
    "autotask_contract_services_xlsx": dict(
        writer=p_autotask,
        inactive=["cancelled"],
        yearly=True,
        disc=True,
        traits=dict(html=True, desc_limit=40),
    ),
    "halopsa_recurring_lines_xlsx": dict(
        writer=p_halo,
        inactive=["paused"],
        yearly=True,
        disc=False,
        traits=dict(site_column=True, html=True, desc_limit=40),
    ),
    "syncro_schedules_csv": dict(
        writer=p_syncro,
        inactive=["paused"],
        yearly=True,
        disc=False,
        traits=dict(name_limit=30, desc_limit=28),
    ),
    "kaseya_bms_recurring_semicolon_csv": dict(
        writer=p_kaseya,
        inactive=["cancelled", "paused"],
        yearly=True,
        disc=True,
        traits=dict(site_column=True, html=True, name_limit=35, desc_limit=40),
    ),
    "quickbooks_online_sales_by_customer_xlsx": dict(
        writer=p_qbo,
        inactive=["voided"],
        yearly=False,
        disc=False,
        traits=dict(name_limit=41, desc_limit=31),
    ),
    "xero_invoices_csv": dict(
        writer=p_xero, inactive=["voided"], yearly=False, disc=True, traits=dict(desc_limit=40)
    ),
    "parasut_sales_invoice_lines_xlsx": dict(
        writer=p_parasut,
        inactive=["voided"],
        yearly=False,
        disc=True,
        traits=dict(turkish=True, desc_limit=40),
    ),
}
