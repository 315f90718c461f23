"""The 8 vendor and 8 PSA / accounting layouts of set AI.

Every format is a function that turns the case into (header, records); a record is
(line or None, cells). A shared writer writes CSV or XLSX and numbers the rows. READ[name] tells the
self-check how to read the file back (header, columns, number style)."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from .catalog import BY_KEY

PERIOD_LABEL = "November 2026"


# ------------------------------------------------------------------ number and date text
def udec(x: Decimal) -> int:
    return max(2, -Decimal(x).normalize().as_tuple().exponent) if x != 0 else 2


def num(x, dec=2, ds=".", ts="", neg="-", sym="", suffix_sym=False):
    x = Decimal(x)
    body = f"{abs(x):,.{dec}f}".replace(",", "\x00").replace(".", ds).replace("\x00", ts)
    if sym:
        body = f"{body}{sym}" if suffix_sym else f"{sym}{body}"
    if x < 0:
        if neg == "()":
            return f"({body})"
        if neg == "CR":
            return f"{body} CR"
        return f"-{body}"
    return body


def dt(d, style):
    if d is None:
        return ""
    if style == "iso":
        return d.isoformat()
    if style == "us":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "us0":
        return d.strftime("%m/%d/%Y")
    if style == "dmy":
        return d.strftime("%d/%m/%Y")
    if style == "dmon":
        return d.strftime("%d %b %Y")
    if style == "d-mon":
        return d.strftime("%d-%b-%Y")
    if style == "dmy-":
        return d.strftime("%d-%m-%Y")
    if style == "fi":
        return f"{d.day}.{d.month}.{d.year}"
    raise ValueError(style)


def xdt(d):
    return datetime(d.year, d.month, d.day) if d else None


def ms_tag(line, tag):
    p = BY_KEY[line.product]
    return f"{p.name}{tag}" if p.maker == "Microsoft" else p.name


CHARGE_WORDS = {
    "cycleCharge": "Recurring",
    "new": "New",
    "addQuantity": "Seat add",
    "removeQuantity": "Seat removal",
    "cancel": "Cancellation",
    "convert": "Upgrade",
    "trial": "Trial",
}


_KEYS = list(BY_KEY)


def item_code(line):
    """The MSP's own item code: a running number, not the product's name."""
    if line.product is None:
        return "SVC-100" if line.role == "service" else "SVC-000"
    return f"LIC-{_KEYS.index(line.product) * 7 % 97 + 100:03d}"


def _name(case, cid, side):
    c = case.by[cid]
    return c["vendor_name"] if side == "v" else c["psa_name"]


def _vsorted(case):
    return sorted(
        case.vlines,
        key=lambda v: (
            _name(case, v.cid, "v").lower(),
            v.cid,
            BY_KEY[v.product].name,
            v.start,
            -v.qty,
        ),
    )


# ------------------------------------------------------------------ vendor formats
def v_pc_nce(case):
    hdr = [
        "PartnerId",
        "CustomerId",
        "CustomerName",
        "CustomerDomainName",
        "CustomerCountry",
        "InvoiceNumber",
        "OrderId",
        "OrderDate",
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
        "PublisherName",
        "SubscriptionDescription",
        "SubscriptionId",
        "ChargeStartDate",
        "ChargeEndDate",
        "TermAndBillingCycle",
        "EffectiveUnitPrice",
        "UnitType",
        "BillableQuantity",
        "BillingFrequency",
    ]
    recs = []
    lines = sorted(
        case.vlines,
        key=lambda v: (
            v.charge.lower(),
            _name(case, v.cid, "v").lower(),
            v.cid,
            BY_KEY[v.product].name,
            v.start,
        ),
    )
    for v in lines:
        p = BY_KEY[v.product]
        pid, _, sku = p.sku.partition(":")
        term = {
            "P1M": "One-Month commitment for monthly billing",
            "P1Y": "One-Year commitment for monthly/yearly billing",
            "trial": "One-Month commitment for trial",
        }[v.term]
        if v.legacy:
            term = "Legacy (licence-based) monthly"
        c = case.by[v.cid]
        lst = (v.unit * Decimal("1.0")).quantize(Decimal("0.01")) if p.unit != "GB" else v.unit
        recs.append(
            (
                v,
                [
                    "9c1f3a52-0d44-4f0e-9a0e-5b2f1a6c7d01",
                    f"C{v.cid:05d}-{case.seed}",
                    c["vendor_name"],
                    c["domain"],
                    "DE",
                    "G031458977",
                    f"ORD{v.cid:04d}",
                    xdt(v.start),
                    pid,
                    sku or "0001",
                    p.name,
                    p.name,
                    v.charge if v.charge != "cycleCharge" else "cycleCharge",
                    float(lst),
                    v.qty,
                    float(v.amount),
                    0.0,
                    float(v.amount),
                    "EUR",
                    p.maker,
                    f"{p.name} {'legacy' if v.legacy else ''}".strip(),
                    v.sub,
                    xdt(v.start),
                    xdt(v.end),
                    term,
                    float(v.unit),
                    p.unit.capitalize() + "s",
                    v.qty,
                    "Monthly" if v.term != "trial" else "None",
                ],
            )
        )
    return hdr, recs, None


def v_pax8(case):
    hdr = [
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
    recs = []
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        c = case.by[v.cid]
        typ = {
            "cycleCharge": "subscription",
            "new": "prorate",
            "addQuantity": "prorate",
            "convert": "prorate",
            "removeQuantity": "credits",
            "cancel": "credits",
            "trial": "trial",
        }[v.charge]
        if v.start.month == 12:
            typ = "subscription"
        det = f"{v.start.strftime('%b %d, %Y')} - {v.end.strftime('%b %d, %Y')}"
        if v.term == "P1Y":
            det += " | Annual Term - Paid Monthly"
        elif v.term == "P1M":
            det += " | Monthly Term"
        sub_price = (p.price * v.qty) if v.unit else Decimal(0)
        recs.append(
            (
                v,
                [
                    c["vendor_name"],
                    f"{1000 + v.cid}",
                    typ,
                    ms_tag(v, " [NCE]"),
                    det,
                    p.sku if p.maker != "Microsoft" else f"MST-NCE-{v.cid % 9}{p.key}",
                    str(v.qty),
                    num(v.unit, udec(v.unit)),
                    num(v.amount),
                    num(p.price, udec(p.price)),
                    num(sub_price),
                    num(v.amount),
                    dt(v.start, "us"),
                    dt(v.end, "us"),
                    "12/1/2026",
                ],
            )
        )
    return hdr, recs, None


def v_ingram_blocks(case):
    hdr = [
        "Subscription ID",
        "Product",
        "SKU",
        "Charge Type",
        "Charge Start",
        "Charge End",
        "Qty",
        "Unit Price",
        "Net Price",
        "GST",
        "Total Inc GST",
    ]
    title = [
        ["Ingram Micro Cloud Marketplace"],
        ["Billing Statement - Reseller 30018842"],
        ["Billing period: 01/11/2026 - 30/11/2026", None, None, None, "Currency: AUD"],
        [],
    ]
    recs = []
    cur = None
    sub = Decimal(0)
    grand = Decimal(0)
    lines = _vsorted(case)
    for i, v in enumerate(lines):
        c = case.by[v.cid]
        if v.cid != cur:
            cur = v.cid
            recs.append((None, [f"Customer: {c['vendor_name']} (Tenant: {c['domain']})"]))
            sub = Decimal(0)
        p = BY_KEY[v.product]
        gst = (v.amount / 10).quantize(Decimal("0.01"))
        sub += v.amount
        grand += v.amount
        recs.append(
            (
                v,
                [
                    v.sub,
                    p.name
                    + (
                        " (Monthly Pre-Paid)"
                        if v.term == "P1M"
                        else " (Annual, billed monthly)"
                        if v.term == "P1Y"
                        else " (Trial)"
                    ),
                    p.sku,
                    CHARGE_WORDS[v.charge],
                    dt(v.start, "dmy"),
                    dt(v.end, "dmy"),
                    v.qty,
                    float(v.unit),
                    float(v.amount),
                    float(gst),
                    float(v.amount + gst),
                ],
            )
        )
        if i + 1 == len(lines) or lines[i + 1].cid != cur:
            recs.append(
                (
                    None,
                    [
                        f"Subtotal {c['vendor_name']}",
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        float(sub),
                    ],
                )
            )
    recs.append((None, ["Grand total", None, None, None, None, None, None, None, float(grand)]))
    return hdr, recs, title


def v_tdsynnex_uk(case):
    hdr = [
        "Customer Name",
        "Customer Domain",
        "Subscription ID",
        "Product Code",
        "Product Name",
        "Billing Type",
        "Period Start",
        "Period End",
        "Quantity",
        "Unit Cost",
        "Line Total",
        "Currency",
    ]
    title = [["StreamOne Ion - Billing Detail"], ["Billing period: 01 Nov 2026 to 30 Nov 2026"], []]
    recs = []
    tot = Decimal(0)
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        c = case.by[v.cid]
        tot += v.amount
        code = "GB" + p.sku.replace(":", "") if p.maker == "Microsoft" else "GB-" + p.sku
        recs.append(
            (
                v,
                [
                    c["vendor_name"],
                    c["domain"],
                    v.sub,
                    code,
                    p.name,
                    CHARGE_WORDS[v.charge],
                    dt(v.start, "dmon"),
                    dt(v.end, "dmon"),
                    num(v.qty, 0, neg="()"),
                    num(v.unit, udec(v.unit), ts=",", sym="£"),
                    num(v.amount, ts=",", neg="()", sym="£"),
                    "GBP",
                ],
            )
        )
    recs.append(
        (
            None,
            [
                "Total",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                num(tot, ts=",", neg="()", sym="£"),
                "GBP",
            ],
        )
    )
    return hdr, recs, title


def v_leader(case):
    hdr = [
        "Account",
        "End Customer",
        "Item Code",
        "Item Description",
        "Term",
        "Billing",
        "From",
        "To",
        "Qty",
        "Unit Ex GST",
        "Ex GST",
        "GST",
        "Inc GST",
    ]
    recs = []
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        c = case.by[v.cid]
        gst = (v.amount / 10).quantize(Decimal("0.01"))
        term = {"P1M": "Monthly", "P1Y": "Annual (monthly billing)", "trial": "Trial"}[v.term]
        recs.append(
            (
                v,
                [
                    "LDR-551204",
                    c["vendor_name"],
                    p.sku,
                    ms_tag(v, " NCE"),
                    term,
                    CHARGE_WORDS[v.charge],
                    dt(v.start, "d-mon"),
                    dt(v.end, "d-mon"),
                    str(v.qty),
                    num(v.unit, udec(v.unit)),
                    num(v.amount, neg="CR"),
                    num(gst, neg="CR"),
                    num(v.amount + gst, neg="CR"),
                ],
            )
        )
    return hdr, recs, None


def v_vuzion(case):
    hdr = [
        "Reseller",
        "Customer",
        "Customer Ref",
        "Service",
        "Licences",
        "Unit Cost (GBP)",
        "Charge (GBP)",
        "From",
        "To",
        "Charge Reason",
    ]
    recs = []
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        c = case.by[v.cid]
        reason = {
            "cycleCharge": "Monthly charge",
            "new": "New subscription (pro rata)",
            "addQuantity": "Licence increase (pro rata)",
            "removeQuantity": "Licence decrease (pro rata credit)",
            "cancel": "Cancellation credit",
            "convert": "Plan change (pro rata)",
            "trial": "Trial",
        }[v.charge]
        recs.append(
            (
                v,
                [
                    "Northfield IT Services Ltd",
                    c["vendor_name"],
                    f"VZ{20000 + v.cid}",
                    p.name,
                    str(v.qty),
                    num(v.unit, udec(v.unit)),
                    num(v.amount),
                    dt(v.start, "iso"),
                    dt(v.end, "iso"),
                    reason,
                ],
            )
        )
    return hdr, recs, None


def v_also_nl(case):
    hdr = [
        "Klant",
        "Klantnummer",
        "Abonnement ID",
        "Artikelnummer",
        "Omschrijving",
        "Looptijd",
        "Van",
        "Tot",
        "Aantal",
        "Prijs per stuk",
        "Bedrag",
        "Soort",
    ]
    title = [
        [f"ALSO Cloud Marketplace - Factuurspecificatie {PERIOD_LABEL}"],
        ["Periode: 01-11-2026 t/m 30-11-2026"],
    ]
    recs = []
    tot = Decimal(0)
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        c = case.by[v.cid]
        tot += v.amount
        soort = {
            "cycleCharge": "Maandelijks",
            "new": "Pro rata",
            "addQuantity": "Pro rata",
            "removeQuantity": "Creditering",
            "cancel": "Creditering",
            "convert": "Pro rata",
            "trial": "Proefperiode",
        }[v.charge]
        recs.append(
            (
                v,
                [
                    c["vendor_name"],
                    f"K{300000 + v.cid}",
                    v.sub,
                    p.sku,
                    ms_tag(v, " (NCE)"),
                    {"P1M": "1 maand", "P1Y": "1 jaar", "trial": "proef"}[v.term],
                    dt(v.start, "dmy-"),
                    dt(v.end, "dmy-"),
                    str(v.qty),
                    num(v.unit, udec(v.unit), ds=",", ts=".", sym="€ "),
                    num(v.amount, ds=",", ts=".", sym="€ "),
                    soort,
                ],
            )
        )
    recs.append(
        (
            None,
            ["Totaal", "", "", "", "", "", "", "", "", "", num(tot, ds=",", ts=".", sym="€ "), ""],
        )
    )
    return hdr, recs, title


def v_crayon_fi(case):
    hdr = [
        "Asiakas",
        "Tilaus",
        "Tuote",
        "Tuotekoodi",
        "Veloitustyyppi",
        "Alkaa",
        "Päättyy",
        "Määrä",
        "Yksikköhinta",
        "Summa",
        "Valuutta",
    ]
    recs = []
    for v in _vsorted(case):
        p = BY_KEY[v.product]
        c = case.by[v.cid]
        kind = {
            "cycleCharge": "Kuukausimaksu",
            "new": "Uusi (osakausi)",
            "addQuantity": "Lisäys (osakausi)",
            "removeQuantity": "Hyvitys",
            "cancel": "Hyvitys",
            "convert": "Vaihto (osakausi)",
            "trial": "Kokeilu",
        }[v.charge]
        recs.append(
            (
                v,
                [
                    c["vendor_name"],
                    v.sub,
                    p.name,
                    p.sku,
                    kind,
                    dt(v.start, "fi"),
                    dt(v.end, "fi"),
                    str(v.qty),
                    num(v.unit, udec(v.unit), ds=","),
                    num(v.amount, ds=","),
                    "EUR",
                ],
            )
        )
    return hdr, recs, None


# ------------------------------------------------------------------ PSA formats
def _psorted(case):
    return sorted(
        case.plines,
        key=lambda p: (_name(case, p.cid, "p").lower(), p.cid, p.role == "service", p.text),
    )


def p_cw(case):
    hdr = [
        "Company",
        "Agreement",
        "Product ID",
        "Description",
        "Qty",
        "Less Included",
        "Unit Price",
        "Ext Price",
        "Effective Date",
        "Cancelled Date",
        "Addition Status",
    ]
    title = [["Agreement Additions"], ["Date range: 11/01/2026 - 11/30/2026"]]
    recs = []
    for p in _psorted(case):
        pid = item_code(p)
        st = "Cancelled" if p.role == "not_billed" else "Active"
        recs.append(
            (
                p,
                [
                    _name(case, p.cid, "p"),
                    "Managed Services Agreement",
                    pid,
                    p.text,
                    p.qty,
                    0,
                    float(p.unit),
                    float(p.amount),
                    xdt(p.start) if p.start else datetime(2025, 7, 1),
                    xdt(p.end) if p.end else None,
                    st,
                ],
            )
        )
    return hdr, recs, title


def p_autotask(case):
    hdr = [
        "Account Name",
        "Contract Name",
        "Service Name",
        "Units",
        "Unit Price",
        "Adjusted Price",
        "Start Date",
        "End Date",
        "Period Type",
    ]
    recs = []
    tot = Decimal(0)
    for p in _psorted(case):
        if p.role != "not_billed":
            tot += p.amount
        recs.append(
            (
                p,
                [
                    _name(case, p.cid, "p"),
                    "Recurring Services 2026",
                    p.text,
                    str(p.qty),
                    num(p.unit, udec(p.unit)),
                    num(p.amount),
                    dt(p.start, "us0") if p.start else "01/01/2026",
                    dt(p.end, "us0"),
                    "Monthly",
                ],
            )
        )
    recs.append((None, ["Total", "", "", "", "", num(tot), "", "", ""]))
    return hdr, recs, None


def p_halo(case):
    hdr = [
        "Item",
        "Description",
        "Qty",
        "Unit Price",
        "Net Amount",
        "Start Date",
        "Next Invoice Date",
    ]
    title = [["Recurring Invoice Lines"], [f"Period: {PERIOD_LABEL}"], []]
    recs = []
    cur = None
    lines = [p for p in _psorted(case)]
    for i, p in enumerate(lines):
        if p.cid != cur:
            cur = p.cid
            recs.append((None, [f"Client: {_name(case, p.cid, 'p')}"]))
            sub = Decimal(0)
        sub += p.amount
        long = "Licence charge for $MONTH $YEAR" if p.product else "Service charge $MONTH"
        recs.append(
            (
                p,
                [
                    p.text,
                    long,
                    p.qty,
                    float(p.unit),
                    float(p.amount),
                    xdt(p.start) if p.start else datetime(2026, 1, 1),
                    datetime(2026, 12, 1),
                ],
            )
        )
        if i + 1 == len(lines) or lines[i + 1].cid != cur:
            recs.append((None, ["Client total", None, None, None, float(sub)]))
    return hdr, recs, title


def p_syncro(case):
    hdr = [
        "Customer",
        "Schedule Name",
        "Frequency",
        "Paused",
        "Line Item Name",
        "Line Item Description",
        "Quantity",
        "Retail Cents",
        "Cost Cents",
    ]
    recs = []
    for p in _psorted(case):
        cents = int(p.unit * 100) if (p.unit * 100) == int(p.unit * 100) else None
        recs.append(
            (
                p,
                [
                    _name(case, p.cid, "p"),
                    "Monthly Licences",
                    "Monthly",
                    "true" if p.role == "not_billed" else "false",
                    p.text,
                    "Cloud subscription" if p.product else "Service",
                    str(p.qty),
                    str(cents) if cents is not None else f"{p.unit * 100}",
                    "",
                ],
            )
        )
    return hdr, recs, None


def p_kaseya(case):
    hdr = [
        "Account",
        "Contract",
        "Service",
        "Service Description",
        "Quantity",
        "Rate",
        "Amount",
        "Start Date",
        "End Date",
        "Billing Frequency",
    ]
    title = [["Recurring Services"], ["Kaseya BMS - exported 12/01/2026"]]
    recs = []
    for p in _psorted(case):
        recs.append(
            (
                p,
                [
                    _name(case, p.cid, "p"),
                    "MSA",
                    "Licensing" if p.product else "Services",
                    p.text,
                    p.qty,
                    float(p.unit),
                    float(p.amount),
                    xdt(p.start) if p.start else datetime(2026, 1, 1),
                    xdt(p.end),
                    "Monthly",
                ],
            )
        )
    return hdr, recs, title


def p_qbo(case):
    hdr = [
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
    title = [["Sales by Customer Detail"], ["Northfield IT Services"], [PERIOD_LABEL], []]
    recs = []
    cur = None
    lines = _psorted(case)
    grand = Decimal(0)
    for i, p in enumerate(lines):
        if p.cid != cur:
            cur = p.cid
            recs.append((None, [_name(case, p.cid, "p")]))
            bal = Decimal(0)
        bal += p.amount
        grand += p.amount
        recs.append(
            (
                p,
                [
                    "11/30/2026",
                    "Invoice",
                    f"{5000 + p.cid}",
                    "Cloud Licences" if p.product else "Services",
                    p.text,
                    p.qty,
                    float(p.unit),
                    float(p.amount),
                    float(bal),
                ],
            )
        )
        if i + 1 == len(lines) or lines[i + 1].cid != cur:
            recs.append(
                (
                    None,
                    [
                        f"Total for {_name(case, p.cid, 'p')}",
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                        float(bal),
                    ],
                )
            )
    recs.append((None, ["TOTAL", None, None, None, None, None, None, float(grand)]))
    return hdr, recs, title


def p_xero(case):
    hdr = [
        "ContactName",
        "EmailAddress",
        "InvoiceNumber",
        "InvoiceDate",
        "DueDate",
        "Description",
        "Quantity",
        "UnitAmount",
        "Discount",
        "AccountCode",
        "TaxType",
        "TaxAmount",
        "TrackingName1",
        "TrackingOption1",
        "Currency",
        "LineAmount",
    ]
    recs = []
    for p in _psorted(case):
        tax = (p.amount * Decimal("0.15")).quantize(Decimal("0.01"))
        recs.append(
            (
                p,
                [
                    _name(case, p.cid, "p"),
                    f"accounts{p.cid}@example.co.nz",
                    f"INV-{7000 + p.cid}",
                    "30/11/2026",
                    "20/12/2026",
                    p.text,
                    str(p.qty),
                    num(p.unit, udec(p.unit)),
                    "",
                    "200" if p.product else "210",
                    "15% GST on Income",
                    num(tax),
                    "Dept",
                    "Licences" if p.product else "Services",
                    "NZD",
                    num(p.amount),
                ],
            )
        )
    return hdr, recs, None


def p_sage(case):
    hdr = [
        "Customer",
        "Invoice No",
        "Date",
        "Item Code",
        "Description",
        "Qty",
        "Unit Price",
        "Discount %",
        "Net",
        "VAT",
        "Gross",
    ]
    recs = []
    for p in _psorted(case):
        vat = (p.amount * Decimal("0.15")).quantize(Decimal("0.01"))
        code = item_code(p)
        kw = {"ds": ",", "ts": " "}
        recs.append(
            (
                p,
                [
                    _name(case, p.cid, "p"),
                    f"SI{9000 + p.cid}",
                    "2026/11/30",
                    code,
                    p.text,
                    str(p.qty),
                    num(p.unit, udec(p.unit), sym="R ", **kw),
                    "0,00",
                    num(p.amount, **kw),
                    num(vat, **kw),
                    num(p.amount + vat, **kw),
                ],
            )
        )
    return hdr, recs, None


# ------------------------------------------------------------------ writer
def write(path: Path, hdr, recs, title, kind, delim=",", enc="utf-8", bom=False, sheet="Sheet1"):
    rows = []
    for t in title or []:
        rows.append((None, t))
    rows.append((None, hdr))
    rows.extend(recs)
    for i, (line, _cells) in enumerate(rows, start=1):
        if line is not None:
            line.row = i
    if kind == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = sheet
        for _line, cells in rows:
            ws.append(list(cells) if cells else [None])
        wb.save(path)
        return sheet
    with open(path, "w", newline="", encoding=("utf-8-sig" if bom else enc)) as f:
        w = csv.writer(f, delimiter=delim, lineterminator="\r\n")
        for _line, cells in rows:
            w.writerow(["" if c is None else c for c in cells])
    return None


# name -> (builder, kind, delimiter, encoding, bom, sheet, currency/read info)
VENDORS = {
    "pc_nce_recon_upgrade_month_xlsx": dict(
        fn=v_pc_nce,
        kind="xlsx",
        sheet="ReconLineItems",
        currency="EUR",
        client="CustomerName",
        text="ProductName",
        qty="BillableQuantity",
        unit="EffectiveUnitPrice",
        ds=".",
    ),
    "pax8_portal_change_rows_cad_csv": dict(
        fn=v_pax8,
        kind="csv",
        delim=",",
        currency="CAD",
        client="company_name",
        text="description",
        qty="quantity",
        unit="cost",
        ds=".",
    ),
    "ingram_cmp_au_customer_block_subtotals_xlsx": dict(
        fn=v_ingram_blocks,
        kind="xlsx",
        sheet="Statement",
        currency="AUD",
        client=None,
        block="Customer: ",
        text="Product",
        qty="Qty",
        unit="Unit Price",
        ds=".",
    ),
    "tdsynnex_ion_uk_pound_parens_csv": dict(
        fn=v_tdsynnex_uk,
        kind="csv",
        delim=",",
        currency="GBP",
        client="Customer Name",
        text="Product Name",
        qty="Quantity",
        unit="Unit Cost",
        ds=".",
    ),
    "leader_au_cloud_invoice_ex_inc_gst_csv": dict(
        fn=v_leader,
        kind="csv",
        delim=",",
        currency="AUD",
        client="End Customer",
        text="Item Description",
        qty="Qty",
        unit="Unit Ex GST",
        ds=".",
    ),
    "vuzion_billing_detail_pipe_gbp_csv": dict(
        fn=v_vuzion,
        kind="csv",
        delim="|",
        currency="GBP",
        client="Customer",
        text="Service",
        qty="Licences",
        unit="Unit Cost (GBP)",
        ds=".",
    ),
    "also_cmp_nl_euro_comma_semicolon_csv": dict(
        fn=v_also_nl,
        kind="csv",
        delim=";",
        enc="cp1252",
        currency="EUR",
        client="Klant",
        text="Omschrijving",
        qty="Aantal",
        unit="Prijs per stuk",
        ds=",",
    ),
    "crayon_cloudiq_fi_tab_bom_csv": dict(
        fn=v_crayon_fi,
        kind="csv",
        delim="\t",
        bom=True,
        currency="EUR",
        client="Asiakas",
        text="Tuote",
        qty="Määrä",
        unit="Yksikköhinta",
        ds=",",
    ),
}
PSAS = {
    "cw_additions_by_agreement_title_dates_xlsx": dict(
        fn=p_cw,
        kind="xlsx",
        sheet="Agreement Additions",
        ended=True,
        client="Company",
        text="Description",
        qty="Qty",
        unit="Unit Price",
        ds=".",
        nb=("Addition Status", {"Cancelled"}),
    ),
    "autotask_contract_svc_units_month_csv": dict(
        fn=p_autotask,
        kind="csv",
        delim=",",
        ended=True,
        client="Account Name",
        text="Service Name",
        qty="Units",
        unit="Unit Price",
        ds=".",
        nb=("End Date", {"10/31/2026"}),
    ),
    "halopsa_recurring_by_client_header_rows_xlsx": dict(
        fn=p_halo,
        kind="xlsx",
        sheet="Recurring Invoices",
        ended=False,
        client=None,
        block="Client: ",
        text="Item",
        qty="Qty",
        unit="Unit Price",
        ds=".",
    ),
    "syncro_recurring_items_cents_amount_csv": dict(
        fn=p_syncro,
        kind="csv",
        delim=",",
        ended=True,
        client="Customer",
        text="Line Item Name",
        qty="Quantity",
        unit="Retail Cents",
        scale=100,
        ds=".",
        nb=("Paused", {"true"}),
    ),
    "kaseya_bms_recurring_services_title_usd_xlsx": dict(
        fn=p_kaseya,
        kind="xlsx",
        sheet="Recurring Services",
        ended=True,
        client="Account",
        text="Service Description",
        qty="Quantity",
        unit="Rate",
        ds=".",
        nb=("End Date", {"2026-10-31 00:00:00"}),
    ),
    "qbo_cust_detail_memo_item_generic_xlsx": dict(
        fn=p_qbo,
        kind="xlsx",
        sheet="Sales by Customer Detail",
        ended=False,
        client=None,
        block="",
        text="Memo/Description",
        qty="Qty",
        unit="Sales Price",
        ds=".",
    ),
    "xero_invoice_lines_tracking_gst_nz_csv": dict(
        fn=p_xero,
        kind="csv",
        delim=",",
        ended=False,
        client="ContactName",
        text="Description",
        qty="Quantity",
        unit="UnitAmount",
        ds=".",
    ),
    "sage_business_cloud_sales_semicolon_zar_csv": dict(
        fn=p_sage,
        kind="csv",
        delim=";",
        ended=False,
        client="Customer",
        text="Description",
        qty="Qty",
        unit="Unit Price",
        ds=",",
    ),
}

FILE_EXT = {"xlsx": "xlsx", "csv": "csv"}


def write_side(case, name, spec, folder, side):
    hdr, recs, title = spec["fn"](case)
    fname = f"{'vendor' if side == 'v' else 'psa'}_{name}.{FILE_EXT[spec['kind']]}"
    sheet = write(
        Path(folder) / fname,
        hdr,
        recs,
        title,
        spec["kind"],
        spec.get("delim", ","),
        spec.get("enc", "utf-8"),
        spec.get("bom", False),
        spec.get("sheet", "Sheet1"),
    )
    return fname, sheet
