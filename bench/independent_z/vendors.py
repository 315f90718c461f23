"""The ten vendor-bill formats of set Z (see README for the real report each imitates)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal as D

from .catalog import BY_KEY
from .io import Sheet, dt, num, write_csv, write_xlsx

P0, P1 = date(2026, 11, 1), date(2026, 11, 30)
A1 = date(2027, 10, 31)


def _by_client(case):
    byid = {c["id"]: c for c in case.clients}
    return sorted(
        case.vlines,
        key=lambda v: (
            byid[v.cid]["vname"].lower(),
            v.cid,
            v.product or "~",
            v.role != "licence",
            v.sub,
        ),
    ), byid


def _uid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _ptext(v, p):
    return p.name if p else v.text


# ---------------- 1 Partner Center NCE recon, quirks ----------------
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


def pc_nce_recon_quirks_csv(case, folder, rng):
    sh = Sheet()
    sh.add(PC_COLS)
    lines, byid = _by_client(case)
    partner = _uid(rng)
    cust_ids = {c["id"]: _uid(rng) for c in case.clients}
    mid = len(lines) // 2
    for i, v in enumerate(lines):
        if i == mid:
            sh.add(PC_COLS)  # header repeated mid-file (a second part appended)
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        pid, sku = p.pc.split(":") if p and p.pc else (f"DZH318Z0{v.product or 'FEE'}"[:12], "0001")
        annual = v.billing == "Annual"
        term = (
            "One-Year commitment for yearly billing"
            if annual
            else "One-Month commitment for monthly billing"
            if v.term == "P1M"
            else "One-Year commitment for monthly/yearly billing"
        )
        ct = (
            "removeQuantity"
            if v.role == "credit"
            else rng.choice(["cycleCharge", "cycleCharge", "CycleCharge", "cyclecharge", "renew"])
        )
        if v.role == "service":
            ct = "new"
        q = v.qty
        apos = rng.random() < 0.3

        def n(x, apos=apos):
            s = f"{D(x):.18f}" if apos else f"{D(x):.2f}"
            return "'" + s if apos else s

        end = A1 if annual else P1
        row = [
            partner,
            cust_ids[v.cid],
            c["vname"],
            c["domain"],
            "US",
            "G0" + "41872931",
            "6011234",
            "",
            _uid(rng)[:8],
            "10/01/2025",
            pid,
            sku,
            "00" + str(rng.randint(10, 99)),
            _ptext(v, p),
            _ptext(v, p),
            ct,
            n(v.list_unit or v.unit),
            n(q),
            n(v.unit * q),
            "0",
            n(v.unit * q),
            "USD",
            "",
            p.publisher if p else "Microsoft",
            "",
            "",
            v.sub and f"{v.sub}-{v.cid:04d}-4c1f",
            dt(P0, "us"),
            dt(end, "us"),
            term,
            n(v.unit),
            "Licenses",
            "",
            n(q),
            "Annual" if annual else "Monthly",
            "USD",
            "1",
            dt(P0, "us"),
            "",
            "",
            dt(date(2025, 10, 1), "us"),
            dt(A1, "us"),
            rng.choice(["", '{"referenceId":"' + _uid(rng)[:13] + '"}']) if i > mid else "",
            "",
            "",
            "OnlineServicesNCE",
        ]
        sh.add(row, v)
    name = "pc_nce_recon.csv"
    write_csv(folder / name, sh, bom=True)
    return name, None


# ---------------- 2 Partner Center legacy, TotalOtherDiscount ----------------
LEG_COLS = [
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


def pc_legacy_otherdiscount_xlsx(case, folder, rng):
    sh = Sheet("Reconciliation")
    sh.add(LEG_COLS)
    lines, byid = _by_client(case)
    partner = _uid(rng)
    for v in lines:
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        lst = max(v.list_unit, v.unit)
        q = v.qty
        amount = lst * q
        disc = (lst - v.unit) * q
        sub = v.unit * q
        ct = (
            "Prorate fees when cancel"
            if v.role == "credit"
            else "Activation fee"
            if v.role == "service"
            else "Cycle fee"
        )
        row = [
            partner,
            str(v.cid * 7919 + 100003),
            c["vname"],
            "6011234",
            "",
            _uid(rng)[:12],
            _uid(rng),
            "",
            _uid(rng)[:8].upper(),
            _uid(rng)[:8].upper(),
            _ptext(v, p),
            dt(date(2025, 10, 1), "gb"),
            dt(A1, "gb"),
            dt(P0, "gb"),
            dt(A1 if v.billing == "Annual" else P1, "gb"),
            ct,
            lst,
            q,
            amount,
            disc,
            sub,
            sub * D("0.2"),
            sub * D("1.2"),
            "GBP",
            c["domain"],
            _ptext(v, p),
            "",
            "Annual" if v.billing == "Annual" else "Monthly",
        ]
        sh.add(row, v)
    name = "pc_legacy_recon.xlsx"
    write_xlsx(folder / name, [sh])
    return name, sh.name


# ---------------- 3 Pax8 portal invoice CSV (snake case), GBP ----------------
def _pax8_sku(p):
    if not p:
        return "PAX-SVC-ONB"
    if p.key == "BP":
        return "MST-NCE-103-C100"
    return f"{p.publisher[:3].upper()}-{'NCE-' if p.ms else ''}{p.key}-C100"


def _pax8_name(p):
    return p.name + " [NCE]" if p.ms else p.name


def pax8_invoice_snake_gbp_csv(case, folder, rng):
    cols = [
        "invoice_date",
        "company_name",
        "company_id",
        "type",
        "description",
        "details",
        "sku",
        "term",
        "quantity",
        "cost",
        "cost_total",
        "price",
        "subtotal",
        "partner_subtotal",
        "start_period",
        "end_period",
        "currency_code",
    ]
    sh = Sheet()
    sh.add(cols)
    lines, byid = _by_client(case)
    for v in lines:
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        annual = v.billing == "Annual"
        typ = {"credit": "credits", "service": "one-time"}.get(v.role, "subscription")
        details = (
            "Annual commitment, annual billing"
            if annual
            else "Monthly commitment"
            if v.term == "P1M"
            else "Annual commitment, monthly billing"
        )
        price = (v.unit * D("1.2")).quantize(D("0.01"))
        row = [
            "01/11/2026",
            c["vname"],
            str(100000 + v.cid * 13),
            typ,
            _pax8_name(p) if p else v.text,
            details,
            _pax8_sku(p),
            "Annual" if annual else "Monthly",
            v.qty,
            num(v.unit, "plain"),
            num(v.unit * v.qty, "plain"),
            num(price, "plain"),
            num(price * v.qty, "plain"),
            num(v.unit * v.qty, "plain"),
            "01/11/2026",
            dt(A1 if annual else P1, "gb"),
            "GBP",
        ]
        sh.add(row, v)
    name = "pax8_invoice.csv"
    write_csv(folder / name, sh)
    return name, None


# ---------------- 4 Sherweb payable charges, CAD, setup fees ----------------
def sherweb_cumulus_cad_setup_xlsx(case, folder, rng):
    sh = Sheet("Payable charges")
    sh.add(["Sherweb - Payable charges"])
    sh.add(["Billing period: 2026-11-01 to 2026-11-30", None, None, "Currency: CAD"])
    sh.add([])
    sh.add(
        [
            "Customer",
            "Product Name",
            "SKU",
            "Charge Type",
            "Billing Cycle",
            "Period From",
            "Period To",
            "Quantity",
            "Cost Price",
            "List Price",
            "Sub-Total",
            "Currency",
        ]
    )
    lines, byid = _by_client(case)
    for v in lines:
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        annual = v.billing == "Annual"
        ct = {"credit": "Credit", "service": "Setup"}.get(v.role, "Recurring")
        sku = p.pc.replace(":", "-") if p and p.pc else f"SW-{p.key}" if p else "SW-SETUP"
        row = [
            c["vname"],
            _ptext(v, p),
            sku,
            ct,
            "Yearly" if annual else "Monthly",
            P0.isoformat(),
            (A1 if annual else P1).isoformat(),
            v.qty,
            v.unit,
            max(v.list_unit, v.unit),
            v.unit * v.qty,
            "CAD",
        ]
        sh.add(row, v)
    name = "sherweb_payable_charges.xlsx"
    write_xlsx(folder / name, [sh], {sh.name: {"I": "#,##0.00", "J": "#,##0.00", "K": "#,##0.00"}})
    return name, sh.name


# ---------------- 5 Ingram Micro Xvantage AU, Net Price = line amount ----------------
def ingram_xv_au_netprice_xlsx(case, folder, rng):
    sh = Sheet("Billing Statement")
    sh.add(
        [
            "Reseller",
            "End Customer Name",
            "Subscription ID",
            "Product Name",
            "MPN",
            "Charge Start",
            "Charge End",
            "Billing Frequency",
            "Qty",
            "Unit Price",
            "Net Price",
            "GST",
            "Total Inc GST",
            "Currency",
        ]
    )
    lines, byid = _by_client(case)
    for v in lines:
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        annual = v.billing == "Annual"
        if p:
            pname = f"{p.name} ({'Annual' if annual else 'Monthly'} Pre-Paid)"
            if v.term == "P1M":
                pname = f"{p.name} (Monthly Term)"
        else:
            pname = v.text
        net = v.unit * v.qty
        row = [
            "Demo MSP Pty Ltd",
            c["vname"],
            f"AU-{v.sub or '0'}-{v.cid}",
            pname,
            (p.pc.replace(":", "") if p and p.pc else f"IM-{v.product or 'FEE'}"),
            dt(P0, "gb"),
            dt(A1 if annual else P1, "gb"),
            "Annual" if annual else "Monthly",
            v.qty,
            max(v.list_unit, v.unit) * D("1.1"),
            net,
            (net * D("0.1")).quantize(D("0.01")),
            (net * D("1.1")).quantize(D("0.01")),
            "AUD",
        ]
        sh.add(row, v)
    name = "ingram_xvantage_billing.xlsx"
    write_xlsx(folder / name, [sh])
    return name, sh.name


# ---------------- 6 TD SYNNEX StreamOne Ion, summary sheet first ----------------
def tdsynnex_ion_summary_sheet_xlsx(case, folder, rng):
    lines, byid = _by_client(case)
    det = Sheet("Invoice Detail")
    det.add(
        [
            "End Customer",
            "Customer Domain",
            "Vendor",
            "Product Name",
            "Vendor SKU",
            "Billing Term",
            "Charge Start Date",
            "Charge End Date",
            "Quantity",
            "Unit Price",
            "MSRP",
            "Extended Price",
            "Currency",
        ]
    )
    totals = {}
    for v in lines:
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        annual = v.billing == "Annual"
        sku = (
            "US" + p.pc.replace(":", "")
            if p and p.pc
            else f"TD-{p.publisher[:4].upper()}-{p.key}"
            if p
            else "TD-SVC-FEE"
        )
        ext = v.unit * v.qty
        totals[c["vname"]] = totals.get(c["vname"], D(0)) + ext
        row = [
            c["vname"],
            c["domain"],
            p.publisher if p else "TD SYNNEX",
            _ptext(v, p),
            sku,
            "Annual" if annual else "Monthly",
            dt(P0, "us"),
            dt(A1 if annual else P1, "us"),
            v.qty,
            v.unit,
            (max(v.list_unit, v.unit) * D("1.25")).quantize(D("0.01")),
            ext,
            "USD",
        ]
        det.add(row, v)
    summ = Sheet("Summary")
    summ.add(["StreamOne Ion - Invoice INV-2611-0042", None, "Billing month: November 2026"])
    summ.add(["End Customer", "Total"])
    for k in sorted(totals):
        summ.add([k, totals[k]])
    summ.add(["Grand Total", sum(totals.values())])
    name = "tdsynnex_ion_invoice.xlsx"
    write_xlsx(folder / name, [summ, det])
    return name, det.name


# ---------------- 7 Dicker Data annuity, stock codes with term ----------------
def dicker_annuity_stockterm_csv(case, folder, rng):
    sh = Sheet()
    sh.add(
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
    lines, byid = _by_client(case)
    tids = {c["id"]: _uid(rng) for c in case.clients}
    for v in lines:
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        annual = v.billing == "Annual"
        if p and p.ms and p.pc:
            code = f"{'P1M' if v.term == 'P1M' else 'P1Y'}:{p.pc}:{'Y' if annual else '1'}:"
        elif p:
            code = f"{'P1M' if v.term == 'P1M' else 'P1Y'}:DD-{p.key}:{'Y' if annual else '1'}:"
        else:
            code = "DD-SVC-ONBOARD"
        if p:
            desc = (p.short or p.name.upper()) + (" 1MTH" if v.term == "P1M" else " 1YR")
        else:
            desc = v.text.upper()
        ct = {"credit": "CREDIT", "service": "ONE-OFF"}.get(v.role, "RECURRING")

        def money(x):
            return ("-$" if x < 0 else "$") + num(abs(x), "en")

        row = [
            tids[v.cid],
            c["vname"],
            v.sub and f"DD{v.sub}{v.cid:03d}",
            code,
            desc,
            c["domain"].split(".")[0].upper(),
            v.qty,
            ct,
            "ACTIVE",
            dt(P0, "dicker"),
            dt(A1 if annual else P1, "dicker"),
            "ANNUAL" if annual else "MONTHLY",
            money(v.unit),
            money((max(v.list_unit, v.unit) * D("1.2")).quantize(D("0.01"))),
        ]
        sh.add(row, v)
    name = "dicker_annuity.csv"
    write_csv(folder / name, sh)
    return name, None


# ---------------- 8 Cloudmore general billing, Swedish, SEK ----------------
def cloudmore_se_semicolon_sek_csv(case, folder, rng):
    sh = Sheet()
    sh.add(
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
    lines, byid = _by_client(case)
    for v in lines:
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        annual = v.billing == "Annual"
        sale = (v.unit * D("1.25")).quantize(D("0.01"))
        row = [
            "01.11.2026",
            "Microsoft CSP" if p and p.ms else (p.publisher if p else "Cloudmore"),
            "Demo MSP AB",
            c["vname"],
            f"K{10000 + v.cid}",
            _ptext(v, p),
            p.pc if p and p.pc else f"CM-{v.product or 'FEE'}",
            v.qty,
            num(v.unit, "sv"),
            num(sale, "sv"),
            num(v.unit * v.qty, "sv"),
            num(sale * v.qty, "sv"),
            num((sale - v.unit) * v.qty, "sv"),
            "20,00",
            "SEK",
            f"{(v.product or 'FEE')}-{v.cid % 7}",
            "Annually" if annual else "Monthly",
        ]
        sh.add(row, v)
    name = "cloudmore_billing.csv"
    write_csv(folder / name, sh, delimiter=";", encoding="cp1252")
    return name, None


# ---------------- 9 French distributor invoice detail, EUR, HT ----------------
def generic_dist_fr_ht_xlsx(case, folder, rng):
    sh = Sheet("Détail facture")
    sh.add(["FACTURE DÉTAILLÉE - Novembre 2026"])
    sh.add(["Revendeur : Demo MSP SAS", None, None, "Facture n° FA-2611-00381"])
    sh.add([])
    sh.add(
        [
            "Client final",
            "Désignation",
            "Référence",
            "Périodicité",
            "Période",
            "Qté",
            "PU HT",
            "Montant HT",
            "TVA",
            "Devise",
        ]
    )
    lines, byid = _by_client(case)
    for v in lines:
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        annual = v.billing == "Annual"
        per = f"{dt(P0, 'gb')} - {dt(A1, 'gb')}" if annual else f"{dt(P0, 'gb')} - {dt(P1, 'gb')}"
        desig = _ptext(v, p)
        if v.role == "credit":
            desig = "Avoir - " + desig
        row = [
            c["vname"],
            desig,
            p.pc if p and p.pc else f"REF-{v.product or 'FRAIS'}",
            "Annuelle" if annual else "Mensuelle",
            per,
            v.qty,
            v.unit,
            v.unit * v.qty,
            (v.unit * v.qty * D("0.2")).quantize(D("0.01")),
            "EUR",
        ]
        sh.add(row, v)
    name = "distributeur_facture_detail.xlsx"
    write_xlsx(folder / name, [sh], {sh.name: {"G": "#,##0.00 €", "H": "#,##0.00 €"}})
    return name, sh.name


# ---------------- 10 Pax8 API invoice items (camelCase) in xlsx, EUR ----------------
def pax8_api_camel_annual_xlsx(case, folder, rng):
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
    sh = Sheet("invoiceItems")
    sh.add(cols)
    lines, byid = _by_client(case)
    for v in lines:
        c = byid[v.cid]
        p = BY_KEY.get(v.product)
        annual = v.billing == "Annual"
        typ = {"credit": "credits", "service": "one-time"}.get(v.role, "subscription")
        price = (v.unit * D("1.2")).quantize(D("0.01"))
        row = [
            c["vname"],
            _uid(rng),
            f"CRM-{v.cid:05d}",
            "2026-11-01",
            (A1 if annual else P1).isoformat(),
            v.qty,
            "User" if p and not p.per_device else "Device" if p else "Each",
            "Annual" if annual else "Monthly",
            _pax8_sku(p),
            _pax8_name(p) if p else v.text,
            "Annual commitment" if v.term == "P1Y" else "Monthly commitment",
            price,
            price * v.qty,
            v.unit,
            v.unit * v.qty,
            price * v.qty,
            _uid(rng)[:18],
            p.name if p else v.text,
            "EUR",
            _uid(rng),
            p.publisher if p else "Pax8",
            typ,
        ]
        sh.add(row, v)
    name = "pax8_api_invoice_items.xlsx"
    write_xlsx(folder / name, [sh])
    return name, sh.name


def _caps(currency, brand, service=None):
    return {"currency": currency, "brand": brand, "service": service}


VENDORS = {
    "pc_nce_recon_quirks_csv": (pc_nce_recon_quirks_csv, "USD", _caps("USD", "Partner Center")),
    "pc_legacy_otherdiscount_xlsx": (
        pc_legacy_otherdiscount_xlsx,
        "GBP",
        _caps("GBP", "Microsoft"),
    ),
    "pax8_invoice_snake_gbp_csv": (
        pax8_invoice_snake_gbp_csv,
        "GBP",
        _caps("GBP", "Pax8", ("Pax8 Onboarding Service", "150.00")),
    ),
    "sherweb_cumulus_cad_setup_xlsx": (
        sherweb_cumulus_cad_setup_xlsx,
        "CAD",
        _caps("CAD", "Sherweb", ("Setup fee", "50.00")),
    ),
    "ingram_xv_au_netprice_xlsx": (ingram_xv_au_netprice_xlsx, "AUD", _caps("AUD", "Ingram Micro")),
    "tdsynnex_ion_summary_sheet_xlsx": (
        tdsynnex_ion_summary_sheet_xlsx,
        "USD",
        _caps("USD", "TD SYNNEX", ("Marketplace service fee", "25.00")),
    ),
    "dicker_annuity_stockterm_csv": (
        dicker_annuity_stockterm_csv,
        "AUD",
        _caps("AUD", "Dicker Data", ("Tenant onboarding", "99.00")),
    ),
    "cloudmore_se_semicolon_sek_csv": (
        cloudmore_se_semicolon_sek_csv,
        "SEK",
        _caps("SEK", "Cloudmore"),
    ),
    "generic_dist_fr_ht_xlsx": (
        generic_dist_fr_ht_xlsx,
        "EUR",
        _caps("EUR", "le distributeur", ("Frais de mise en service", "45.00")),
    ),
    "pax8_api_camel_annual_xlsx": (pax8_api_camel_annual_xlsx, "EUR", _caps("EUR", "Pax8")),
}
