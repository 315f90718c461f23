"""File layouts of set R: 10 vendor and 9 PSA/accounting exports, with their quirks."""

from __future__ import annotations

import csv
import io
import random
from decimal import Decimal

import xlsxwriter

from .catalog import PRODUCTS, hash_int
from .perturb import ABBR, ascii_fold

PERIOD_START, PERIOD_END = (2026, 11, 1), (2026, 11, 30)


def d(fmt, y=2026, m=11, dd=1):
    import datetime

    return (
        datetime.date(y, m, dd).strftime(fmt).upper()
        if "%b" in fmt and fmt.startswith("%d-")
        else __import__("datetime").date(y, m, dd).strftime(fmt)
    )


def num(x, dec=2, comma=False, apos=False, sym=""):
    s = f"{Decimal(x):.{dec}f}"
    if comma:
        s = s.replace(".", ",")
    if apos:
        s = "'" + s
    if sym:
        s = ("-" + sym + s[1:]) if s.startswith("-") else sym + s
    return s


class Sink:
    """Collects title rows, header, data rows (with case index) and writes CSV or xlsx; returns row numbers."""

    def __init__(self):
        self.items = []  # (kind, values, idx)

    def title(self, *vals):
        self.items.append(("t", list(vals), None))

    def header(self, vals):
        self.items.append(("h", list(vals), None))

    def row(self, vals, idx=None):
        self.items.append(("r", list(vals), idx))

    def write_csv(self, path, delimiter=",", encoding="utf-8", bom=False):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
        rows = {}
        for n, (kind, vals, idx) in enumerate(self.items, start=1):
            w.writerow(["" if v is None else v for v in vals])
            if idx is not None:
                rows[idx] = n
        text = buf.getvalue()
        if encoding == "cp1252":
            text = "".join(ch if _enc(ch) else ascii_fold(ch) or "?" for ch in text)
        with open(path, "w", encoding="utf-8-sig" if bom else encoding, newline="") as f:
            f.write(text)
        return rows

    def write_xlsx(self, path, sheet, before=None, numeric=()):
        wb = xlsxwriter.Workbook(str(path))
        bold = wb.add_format({"bold": True})
        if before:
            s0 = wb.add_worksheet(before[0])
            for r, vals in enumerate(before[1]):
                s0.write_row(r, 0, vals)
        ws = wb.add_worksheet(sheet)
        rows = {}
        for r, (kind, vals, idx) in enumerate(self.items):
            for c, v in enumerate(vals):
                if isinstance(v, Decimal):
                    v = float(v)
                if v is None:
                    continue
                ws.write(r, c, v, bold if kind in "th" else None)
            if idx is not None:
                rows[idx] = r + 1
        wb.close()
        return rows


def _enc(ch):
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


class Fmt:
    name = ""
    currency = "USD"
    annual_rate = 0.12
    annual_ok = False
    inactive_roles = ["cancelled"]
    sheet = None

    def __init__(self, name, **kw):
        self.name = name
        self.__dict__.update(kw)


def _r(case, tag):
    return random.Random(f"{tag}|{len(case['vendor'])}|{len(case['psa'])}|{case['currency']}")


# ============================================================== vendors
def w_pc_nce(fmt, case, folder):
    s = Sink()
    hdr = [
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
    s.header(hdr)
    rng = _r(case, "pcnce")
    cl = {c["name"]: c for c in case["clients"]}
    mid = len(case["vendor"]) // 2
    for i, l in enumerate(case["vendor"]):
        if i == mid:
            s.header(hdr)  # header repeated mid-file
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        eff = l["unit"]
        lst = eff if rng.random() < 0.7 else (eff / Decimal("0.95")).quantize(Decimal("0.01"))
        q = l["qty"]
        ct = {
            "licence": rng.choice(["cycleCharge", "CycleCharge", "cyclecharge", "renew", "new"]),
            "credit": rng.choice(["removeQuantity", "RemoveQuantity", "cancel"]),
            "trial": "new",
        }[l["role"]]
        term = (
            "One-Month commitment for trial"
            if l["role"] == "trial"
            else "One-Year commitment for yearly billing"
            if l["annual"]
            else rng.choice(
                [
                    "One-Year commitment for monthly/yearly billing",
                    "One-Month commitment for monthly billing",
                ]
            )
        )
        sub = round(eff * q, 2)
        s.row(
            [
                "4b1f0c2e-7f1d-4f1e-9d55-8a0f1c2d3e4f",
                c["vat"] + "-" + c["domain"][:6],
                c["name"],
                c["domain"],
                c["country"],
                "G0" + str(1000 + i // 50),
                "1234567",
                "",
                f"ord{i:06d}",
                "10/01/2026",
                p.pcid if p.ms else "DZH318Z0" + p.key[:3].upper() + "Q",
                p.sku or "0001",
                "0001",
                p.name,
                p.name,
                ct,
                num(lst, 6, apos=True),
                num(q, 0, apos=True),
                num(sub, 2, apos=True),
                "'0",
                num(sub, 2, apos=True),
                fmt.currency,
                "PEC" if lst != eff else "",
                p.publisher,
                "",
                p.name,
                l["sub"],
                "11/1/2026",
                "11/30/2026",
                term,
                num(eff, 6, apos=True),
                "Licenses",
                l["sub"][:8],
                num(q, 0, apos=True),
                "Annual" if l["annual"] else "Monthly",
                fmt.currency,
                "1",
                "11/1/2026",
                "",
                "",
                "10/1/2026",
                "9/30/2027",
                "",
                "",
                "",
                "Office",
            ],
            i,
        )
    return (
        "PartnerCenter_ReconFile_2026-11.csv",
        None,
        s.write_csv(folder / "PartnerCenter_ReconFile_2026-11.csv", bom=True),
    )


def w_pc_legacy(fmt, case, folder):
    s = Sink()
    s.header(
        [
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
    )
    rng = _r(case, "pcleg")
    cl = {c["name"]: c for c in case["clients"]}
    for i, l in enumerate(case["vendor"]):
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        disc_rate = rng.choice([Decimal("0"), Decimal("0.05"), Decimal("0.10")])
        unit_list = (
            (l["unit"] / (1 - disc_rate)).quantize(Decimal("0.0001")) if disc_rate else l["unit"]
        )
        q = l["qty"]
        subtotal = l["unit"] * q
        amount = unit_list * q
        s.row(
            [
                "p-1",
                c["domain"][:8],
                c["name"],
                "1234567",
                "",
                f"O{i:05d}",
                l["sub"],
                "",
                p.pcid or p.key,
                p.graph or p.key,
                p.name,
                "10/01/2026",
                "09/30/2027",
                "11/01/2026",
                "11/30/2026",
                {"licence": "Cycle fee", "credit": "Cancel fee", "trial": "Activation fee"}[
                    l["role"]
                ],
                num(unit_list, 4),
                q,
                num(amount, 4),
                num(amount - subtotal, 4),
                num(subtotal, 2),
                "0.00",
                num(subtotal, 2),
                fmt.currency,
                c["domain"],
                p.name,
                p.name,
                "Annual" if l["annual"] else "Monthly",
            ],
            i,
        )
    return "LicenseBased_2026-11.csv", None, s.write_csv(folder / "LicenseBased_2026-11.csv")


def w_pax8_portal(fmt, case, folder):
    s = Sink()
    s.header(
        [
            "invoice_date",
            "company_name",
            "company_id",
            "type",
            "sku",
            "description",
            "details",
            "quantity",
            "price",
            "subtotal",
            "cost",
            "cost_total",
            "partner_subtotal",
            "start_period",
            "end_period",
        ]
    )
    cl = {c["name"]: c for c in case["clients"]}
    rng = _r(case, "pax8p")
    for i, l in enumerate(case["vendor"]):
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        tag = rng.choice([" [NCE]", " [New Commerce Experience]", ""]) if p.ms else ""
        term = (
            "Trial"
            if l["role"] == "trial"
            else (
                "Term: Annual; Billing: Annual"
                if l["annual"]
                else rng.choice(["Monthly", "Term: Annual; Billing: Monthly"])
            )
        )
        retail = (l["unit"] * Decimal("1.2")).quantize(Decimal("0.01"))
        s.row(
            [
                "2026-11-01",
                c["name"],
                70000 + case["clients"].index(c),
                {"licence": "subscription", "credit": "credits", "trial": "subscription"}[
                    l["role"]
                ],
                p.item_code,
                p.name + tag,
                "Term: " + term if not term.startswith("Term") else term,
                l["qty"],
                num(retail),
                num(retail * l["qty"]),
                num(l["unit"]),
                num(l["unit"] * l["qty"]),
                num(l["unit"] * l["qty"]),
                "11/01/2026",
                "11/30/2026",
            ],
            i,
        )
    return "pax8-invoice-2026-11.csv", None, s.write_csv(folder / "pax8-invoice-2026-11.csv")


def w_pax8_api_xlsx(fmt, case, folder):
    s = Sink()
    s.header(
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
    )
    cl = {c["name"]: c for c in case["clients"]}
    rng = _r(case, "pax8api")
    tot = Decimal(0)
    for i, l in enumerate(case["vendor"]):
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        retail = (l["unit"] * Decimal("1.18")).quantize(Decimal("0.01"))
        term = (
            "Trial"
            if l["role"] == "trial"
            else "Annual"
            if l["annual"]
            else rng.choice(["Monthly", "Monthly", "Annual"])
        )
        details = (
            "Annual commitment - billed annually (prepaid)"
            if l["annual"]
            else "Annual commitment - billed monthly"
            if term == "Annual"
            else f"{term} subscription"
        )
        s.row(
            [
                c["name"],
                f"c{case['clients'].index(c):05d}",
                c["domain"],
                "2026-11-01",
                "2026-11-30",
                l["qty"],
                "User",
                term,
                p.item_code,
                p.name + (" [New Commerce Experience]" if p.ms else ""),
                details,
                retail,
                retail * l["qty"],
                l["unit"],
                l["unit"] * l["qty"],
                retail * l["qty"],
                p.key.lower() + "-uuid",
                p.name,
                fmt.currency,
                l["sub"],
                p.publisher,
                "credits" if l["role"] == "credit" else "subscription",
            ],
            i,
        )
        tot += l["unit"] * l["qty"]
    summ = (
        "Summary",
        [
            ["Pax8 invoice", "INV-2026-11-0042"],
            ["Period", "November 2026"],
            ["Total cost", float(tot)],
            ["Currency", fmt.currency],
        ],
    )
    return (
        "Pax8_Invoice_Items.xlsx",
        None,
        s.write_xlsx(folder / "Pax8_Invoice_Items.xlsx", "Invoice Items", before=summ),
    )


def w_tdsynnex(fmt, case, folder):
    s = Sink()
    s.title("TD SYNNEX StreamOne Ion - Billing Statement")
    s.title("Billing period: 11/01/2026 - 11/30/2026")
    s.title()
    s.header(
        [
            "End Customer",
            "Customer Account #",
            "Subscription ID",
            "Product Name",
            "Manufacturer Part #",
            "Billing Frequency",
            "Qty",
            "Unit Price",
            "Extended Price",
            "Currency",
            "Charge Start",
            "Charge End",
        ]
    )
    cl = {c["name"]: c for c in case["clients"]}
    for i, l in enumerate(case["vendor"]):
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        mpn = f"US{p.pcid}{p.sku}" if p.ms else f"US{p.item_code.replace('-', '')}"
        s.row(
            [
                c["name"],
                f"ION-{70000 + case['clients'].index(c)}",
                l["sub"][:12].upper(),
                p.name,
                mpn,
                "Trial" if l["role"] == "trial" else "Annual" if l["annual"] else "Monthly",
                l["qty"],
                l["unit"],
                l["unit"] * l["qty"],
                fmt.currency,
                "2026-11-01",
                "2026-11-30",
            ],
            i,
        )
    return (
        "StreamOne_Ion_Billing_Nov2026.xlsx",
        "Billing",
        s.write_xlsx(folder / "StreamOne_Ion_Billing_Nov2026.xlsx", "Billing"),
    )


def w_ingram(fmt, case, folder):
    s = Sink()
    s.header(
        [
            "Customer Name",
            "Customer Reference",
            "Subscription Name",
            "Vendor SKU",
            "Quantity",
            "Unit Price",
            "Net Price",
            "Billing Period",
            "Start Date",
            "End Date",
            "Currency",
        ]
    )
    cl = {c["name"]: c for c in case["clients"]}
    for i, l in enumerate(case["vendor"]):
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        tag = (
            "(Trial)"
            if l["role"] == "trial"
            else "(Annual Pre-Paid)"
            if l["annual"]
            else "(Monthly Pre-Paid)"
        )
        s.row(
            [
                c["name"],
                f"IM-{c['vat'][:6]}",
                f"{p.name} {tag}",
                p.graph or p.item_code,
                l["qty"],
                num(l["unit"], 2, comma=True),
                num(l["unit"] * l["qty"], 2, comma=True),
                "Annual" if l["annual"] else "Monthly",
                "01.11.2026",
                "30.11.2026",
                fmt.currency,
            ],
            i,
        )
    return (
        "IngramMicro_Billing_112026.csv",
        None,
        s.write_csv(folder / "IngramMicro_Billing_112026.csv", delimiter=";", encoding="cp1252"),
    )


def w_sherweb(fmt, case, folder):
    s = Sink()
    s.header(
        [
            "Customer",
            "Subscription",
            "SKU",
            "Charge Type",
            "Billing Cycle",
            "Period Start",
            "Period End",
            "Quantity",
            "Unit Cost",
            "Total Cost",
            "Unit Retail",
            "Currency",
        ]
    )
    cl = {c["name"]: c for c in case["clients"]}
    for i, l in enumerate(case["vendor"]):
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        s.row(
            [
                c["name"],
                p.name,
                p.item_code,
                {"licence": "Recurring", "credit": "Credit", "trial": "Trial"}[l["role"]],
                "Yearly" if l["annual"] else "Monthly",
                "2026-11-01",
                "2026-11-30",
                l["qty"],
                num(l["unit"]),
                num(l["unit"] * l["qty"]),
                num(l["unit"] * Decimal("1.25")),
                fmt.currency,
            ],
            i,
        )
    return (
        "sherweb_payable_charges_2026-11.csv",
        None,
        s.write_csv(folder / "sherweb_payable_charges_2026-11.csv"),
    )


def _terse(p, annual):
    if p.ms:
        return (
            "MS NCE "
            + ABBR[p.key][0].replace("M365 ", "M365 ").upper()
            + (" 1YR" if annual else " 1MTH")
        )[:40]
    return (p.publisher.split()[0] + " " + ABBR[p.key][0]).upper() + (" ANN" if annual else " MTH")


def w_dicker(fmt, case, folder):
    s = Sink()
    s.header(
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
    cl = {c["name"]: c for c in case["clients"]}
    for i, l in enumerate(case["vendor"]):
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        if p.ms:
            code = f"P1Y:{p.pcid}:{p.sku}:Y:" if l["annual"] else f"P1Y:{p.pcid}:{p.sku}:1:"
            if l["role"] == "trial":
                code = f"P1M:{p.pcid}:{p.sku}:T:"
        else:
            code = p.item_code + ("-ANN" if l["annual"] else "-MTH")
        s.row(
            [
                c["domain"].split(".")[0],
                c["name"].upper(),
                l["sub"],
                code,
                _terse(p, l["annual"]),
                f"PO{i:05d}",
                l["qty"],
                {"licence": "RECURRING", "credit": "CREDIT", "trial": "TRIAL"}[l["role"]],
                "ACTIVE",
                "01-NOV-2026",
                "30-NOV-2026",
                "ANNUAL" if l["annual"] else "MONTHLY",
                num(l["unit"], sym="$"),
                num(l["unit"] * Decimal("1.3"), sym="$"),
            ],
            i,
        )
    return (
        "DickerData_Annuity_Nov26.xlsx",
        "Annuity Report",
        s.write_xlsx(folder / "DickerData_Annuity_Nov26.xlsx", "Annuity Report"),
    )


def w_cloudmore(fmt, case, folder):
    s = Sink()
    s.header(
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
        ]
    )
    cl = {c["name"]: c for c in case["clients"]}
    for i, l in enumerate(case["vendor"]):
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        sale = (l["unit"] * Decimal("1.22")).quantize(Decimal("0.01"))
        s.row(
            [
                "2026-11-30",
                "Microsoft CSP" if p.ms else p.publisher,
                "Nordic Cloud Broker AB",
                c["name"],
                f"CM{case['clients'].index(c):05d}",
                p.name,
                p.item_code,
                l["qty"],
                l["unit"],
                sale,
                l["unit"] * l["qty"],
                sale * l["qty"],
                (sale - l["unit"]) * l["qty"],
                18.03 if l["unit"] else 0,
                fmt.currency,
                p.key,
                "Trial" if l["role"] == "trial" else "Annually" if l["annual"] else "Monthly",
            ],
            i,
        )
    return (
        "Cloudmore_General_Billing_Report.xlsx",
        None,
        s.write_xlsx(folder / "Cloudmore_General_Billing_Report.xlsx", "General Billing"),
    )


def w_generic(fmt, case, folder):
    s = Sink()
    s.header(
        [
            "End Customer",
            "Reseller Customer Ref",
            "Item Code",
            "Description",
            "Term",
            "Qty",
            "Unit Cost (ex GST)",
            "Line Total (ex GST)",
        ]
    )
    cl = {c["name"]: c for c in case["clients"]}
    seen = set()
    rng = _r(case, "generic")
    for i, l in enumerate(case["vendor"]):
        p, c = PRODUCTS[l["key"]], cl[l["client"]]
        ref = f"RC-{10000 + case['clients'].index(c)}"
        name = c["name"]
        if l["client"] in seen and rng.random() < 0.25:
            name = ""  # only the reseller-assigned id on this line; named on another line of the same id
        seen.add(l["client"])
        s.row(
            [
                name,
                ref,
                p.item_code,
                p.name,
                "Trial"
                if l["role"] == "trial"
                else "12 months upfront"
                if l["annual"]
                else "Monthly",
                l["qty"],
                num(l["unit"]),
                num(l["unit"] * l["qty"]),
            ],
            i,
        )
    return (
        "distributor_invoice_lines.csv",
        None,
        s.write_csv(folder / "distributor_invoice_lines.csv"),
    )


VENDOR = [
    (Fmt("partner_center_nce", currency="USD", annual_rate=0.12), w_pc_nce),
    (Fmt("partner_center_legacy", currency="GBP", annual_rate=0.1), w_pc_legacy),
    (Fmt("pax8_portal_csv", currency="CAD", annual_rate=0.1), w_pax8_portal),
    (Fmt("pax8_api_xlsx", currency="USD", annual_rate=0.12), w_pax8_api_xlsx),
    (Fmt("tdsynnex_streamone_ion", currency="USD", annual_rate=0.1), w_tdsynnex),
    (Fmt("ingram_micro_eu_csv", currency="EUR", annual_rate=0.12), w_ingram),
    (Fmt("sherweb_payables", currency="USD", annual_rate=0.08), w_sherweb),
    (Fmt("dicker_data_annuity", currency="AUD", annual_rate=0.15), w_dicker),
    (Fmt("cloudmore_billing", currency="SEK", annual_rate=0.1), w_cloudmore),
    (Fmt("generic_distributor_nz", currency="NZD", annual_rate=0.1), w_generic),
]


# ============================================================== PSA / accounting
def w_cw_additions(fmt, case, folder):
    s = Sink()
    s.header(
        [
            "Company Name",
            "Agreement Name",
            "Agreement Type",
            "Billing Cycle",
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
    rng = _r(case, "cw")
    for i, l in enumerate(case["psa"]):
        less = 0
        if l["role"] == "licence" and rng.random() < 0.07:
            less = rng.randint(1, 2)
        l["less"] = less
        q = l["qty"] + less
        pid = internal_code(l) if rng.random() < 0.6 else ""
        cancelled = l["role"] == "cancelled"
        s.row(
            [
                l["client_text"],
                "Microsoft 365" if l["key"] and PRODUCTS[l["key"]].ms else "Managed Services",
                "Annual Licensing" if l["annual"] else "Monthly Recurring",
                "Annual" if l["annual"] else "Monthly",
                pid,
                l["desc"],
                q,
                less,
                num(l["unit"]),
                num(l["unit"] * l["qty"]),
                "Billable",
                "01/05/2025",
                "10/15/2026" if cancelled else "",
                "Cancelled" if cancelled else "Active",
            ],
            i,
        )
    return (
        "Agreement_Additions_Search.csv",
        None,
        s.write_csv(folder / "Agreement_Additions_Search.csv"),
    )


def w_cw_saved(fmt, case, folder):
    s = Sink()
    s.title("Agreement Additions - saved view: Licensing audit (Nov 2026)")
    s.header(
        [
            "Company",
            "Agreement",
            "Product",
            "Customer Description",
            "Qty",
            "Unit Price",
            "Ext. Price",
            "Billable",
            "Cancelled Date",
        ]
    )
    for i, l in enumerate(case["psa"]):
        s.row(
            [
                l["client_text"],
                "MSP Agreement",
                internal_code(l),
                l["desc"],
                l["qty"],
                l["unit"],
                l["unit"] * l["qty"],
                "Billable",
                "2026-10-31" if l["role"] == "cancelled" else None,
            ],
            i,
        )
    return (
        "cw_additions_view.xlsx",
        "Additions",
        s.write_xlsx(folder / "cw_additions_view.xlsx", "Additions"),
    )


def w_autotask(fmt, case, folder):
    s = Sink()
    s.header(
        [
            "Account Name",
            "Contract Name",
            "Service",
            "Invoice Description",
            "Period Type",
            "Units",
            "Unit Price",
            "Adjusted Price",
            "Extended Price",
            "Start Date",
            "End Date",
            "Status",
        ]
    )
    rng = _r(case, "at")
    total = Decimal(0)
    for i, l in enumerate(case["psa"]):
        adj = rng.random() < 0.15 and l["role"] == "licence"
        listed = l["unit"] + Decimal("1.00") if adj else l["unit"]
        ended = l["role"] == "ended"
        s.row(
            [
                l["client_text"],
                "Recurring Services 2026",
                l["desc"],
                l["desc"] if rng.random() < 0.3 else "",
                "Yearly" if l["annual"] else "Monthly",
                l["qty"],
                num(listed),
                num(l["unit"]) if adj else "",
                num(l["unit"] * l["qty"]),
                "2025-01-01",
                "2026-09-30" if ended else "2027-12-31",
                "Inactive" if ended else "Active",
            ],
            i,
        )
        total += l["unit"] * l["qty"]
    s.row(["Total", "", "", "", "", "", "", "", num(total), "", "", ""])
    return "ContractServices_Export.csv", None, s.write_csv(folder / "ContractServices_Export.csv")


def w_halo(fmt, case, folder):
    s = Sink()
    s.title("Northwind IT Services")
    s.title("Recurring Invoice Lines - all clients")
    s.title("Generated 02/12/2026 08:14")
    s.header(
        [
            "Client",
            "Site",
            "Recurring Invoice",
            "Item",
            "Long Description",
            "Qty",
            "Unit Price",
            "Net Amount",
            "Frequency",
            "Active",
        ]
    )
    rng = _r(case, "halo")
    for i, l in enumerate(case["psa"]):
        s.row(
            [
                l["client_text"],
                "Main",
                f"RI-{1000 + i // 7}",
                l["desc"],
                rng.choice(
                    [
                        "Licences for $MONTHNAME $YEAR" if l["key"] else "$MONTHNAME $YEAR",
                        "$STARTDATE - $ENDDATE",
                        "",
                    ]
                ),
                l["qty"],
                l["unit"],
                l["unit"] * l["qty"],
                "Yearly" if l["annual"] else "Monthly",
                "No" if l["role"] == "cancelled" else "Yes",
            ],
            i,
        )
    return (
        "Halo_Recurring_Invoices.xlsx",
        "Report",
        s.write_xlsx(folder / "Halo_Recurring_Invoices.xlsx", "Report"),
    )


def w_syncro(fmt, case, folder):
    s = Sink()
    s.header(
        [
            "customer_business_name",
            "schedule_name",
            "schedule_paused",
            "frequency",
            "name",
            "description",
            "quantity",
            "retail_cents",
            "cost_cents",
            "taxable",
        ]
    )
    rng = _r(case, "syncro")
    for i, l in enumerate(case["psa"]):
        generic = (
            rng.choice(["User licence", "Cloud subscription", "Per user", "Monthly recurring"])
            if l["key"]
            else "Service"
        )
        s.row(
            [
                l["client_text"],
                "Monthly Recurring" if not l["annual"] else "Annual Renewals",
                "true" if l["role"] == "paused" else "false",
                "Annually" if l["annual"] else "Monthly",
                l["desc"],
                generic,
                l["qty"],
                int(l["unit"] * 100),
                "",
                "false",
            ],
            i,
        )
    return (
        "syncro_schedule_line_items.csv",
        None,
        s.write_csv(folder / "syncro_schedule_line_items.csv"),
    )


def w_bms(fmt, case, folder):
    s = Sink()
    s.header(
        [
            "Account Name",
            "Contract",
            "Service Name",
            "Description",
            "Quantity",
            "Rate",
            "Amount",
            "Billing Frequency",
            "Service Status",
        ]
    )
    for i, l in enumerate(case["psa"]):
        s.row(
            [
                l["client_text"],
                "Managed Services Agreement",
                l["desc"],
                "",
                l["qty"],
                l["unit"],
                l["unit"] * l["qty"],
                "Annually" if l["annual"] else "Monthly",
                "Cancelled" if l["role"] == "cancelled" else "Active",
            ],
            i,
        )
    return (
        "BMS_Recurring_Services.xlsx",
        "Recurring Services",
        s.write_xlsx(folder / "BMS_Recurring_Services.xlsx", "Recurring Services"),
    )


def w_qbo(fmt, case, folder):
    s = Sink()
    s.title("Northwind IT Services LLC")
    s.title("Sales by Customer Detail")
    s.title("November 2026")
    s.title()
    s.header(
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
        ]
    )
    cur = None
    bal = Decimal(0)
    sub = Decimal(0)
    for i, l in enumerate(case["psa"]):
        if l["client_text"] != cur:
            if cur is not None:
                s.row([f"Total for {cur}", "", "", "", "", "", "", "", num(sub), ""])
            cur, sub = l["client_text"], Decimal(0)
            s.row([cur])
        voided = l["role"] == "voided"
        amt = Decimal(0) if voided else l["unit"] * l["qty"]
        bal += amt
        sub += amt
        item = (
            "Licensing:" + ("Microsoft 365" if PRODUCTS[l["key"]].ms else "Security & SaaS")
            if l["key"]
            else "Services:Managed"
        )
        s.row(
            [
                "",
                "11/01/2026",
                "Invoice",
                str(5000 + i // 4),
                item,
                ("Voided - " if voided else "") + l["desc"],
                l["qty"],
                num(l["unit"]),
                num(amt),
                num(bal),
            ],
            i,
        )
    if cur is not None:
        s.row([f"Total for {cur}", "", "", "", "", "", "", "", num(sub), ""])
    s.row(["TOTAL", "", "", "", "", "", "", "", num(bal), ""])
    return (
        "Sales_by_Customer_Detail.csv",
        None,
        s.write_csv(folder / "Sales_by_Customer_Detail.csv"),
    )


def w_xero(fmt, case, folder):
    s = Sink()
    s.title("Receivable Invoice Detail")
    s.title("Northwind IT Services Limited")
    s.title("For the month ended 30 November 2026")
    s.header(
        [
            "Invoice Date",
            "Invoice Number",
            "Reference",
            "Item Code",
            "Description",
            "Quantity",
            "Unit Price",
            "Discount %",
            "Line Amount",
            "Currency",
            "Status",
        ]
    )
    rng = _r(case, "xero")
    cur = None
    for i, l in enumerate(case["psa"]):
        if l["client_text"] != cur:
            cur = l["client_text"]
            s.row([cur])
        disc = 10 if l["role"] == "licence" and rng.random() < 0.08 else 0
        l["discount"] = disc
        amt = l["unit"] * l["qty"] * (1 - Decimal(disc) / 100)
        s.row(
            [
                "1 Nov 2026",
                f"INV-{8000 + i // 5}",
                "Monthly licences",
                ("MS-LIC" if PRODUCTS[l["key"]].ms else "3P-LIC") if l["key"] else "SVC",
                l["desc"],
                l["qty"],
                l["unit"],
                disc or None,
                amt.quantize(Decimal("0.01")),
                fmt_currency(case),
                "Voided" if l["role"] == "voided" else rng.choice(["Awaiting Payment", "Paid"]),
            ],
            i,
        )
    return (
        "Receivable_Invoice_Detail.xlsx",
        None,
        s.write_xlsx(folder / "Receivable_Invoice_Detail.xlsx", "Receivable Invoice Detail"),
    )


def internal_code(l):
    """The MSP's own catalogue number: stable per product/service, meaningless without the description."""
    if l["key"]:
        return f"LIC-{hash_int('lic' + l['key']) % 9000 + 1000}"
    return f"SVC-{hash_int(l['desc']) % 900 + 100}"


def fmt_currency(case):
    return case["currency"]


def w_dinero(fmt, case, folder):
    s = Sink()
    s.header(
        [
            "Kunde",
            "Fakturanr.",
            "Dato",
            "Varenr.",
            "Beskrivelse",
            "Antal",
            "Enhed",
            "Enhedspris",
            "Rabat %",
            "Beløb",
            "Valuta",
            "Status",
        ]
    )
    for i, l in enumerate(case["psa"]):
        s.row(
            [
                l["client_text"],
                str(30000 + i // 5),
                "01-11-2026",
                internal_code(l),
                l["desc"],
                l["qty"],
                "stk.",
                num(l["unit"], comma=True),
                "0",
                num(l["unit"] * l["qty"], comma=True),
                case["currency"],
                "Annulleret" if l["role"] == "voided" else "Betalt",
            ],
            i,
        )
    return (
        "dinero_fakturalinjer.csv",
        None,
        s.write_csv(folder / "dinero_fakturalinjer.csv", delimiter=";", bom=True),
    )


PSA = [
    (
        Fmt("connectwise_additions_csv", annual_ok=True, inactive_roles=["cancelled"]),
        w_cw_additions,
    ),
    (Fmt("connectwise_saved_view_xlsx", inactive_roles=["cancelled"]), w_cw_saved),
    (Fmt("autotask_contract_services", annual_ok=True, inactive_roles=["ended"]), w_autotask),
    (Fmt("halopsa_recurring_xlsx", annual_ok=True, inactive_roles=["cancelled"]), w_halo),
    (Fmt("syncro_schedules_csv", annual_ok=True, inactive_roles=["paused"]), w_syncro),
    (Fmt("kaseya_bms_recurring", annual_ok=True, inactive_roles=["cancelled"]), w_bms),
    (Fmt("quickbooks_sales_by_customer", grouped=True, inactive_roles=["voided"]), w_qbo),
    (Fmt("xero_receivable_invoice_detail", grouped=True, inactive_roles=["voided"]), w_xero),
    (Fmt("dinero_invoice_lines_dk", inactive_roles=["voided"]), w_dinero),
]
