"""Eight vendor and eight PSA / accounting layouts (Australia, AUD)."""

from __future__ import annotations

import csv
import io
from fractions import Fraction as F

import openpyxl

from .gen import NAME, PRODUCTS, fmt_dec, round_half_up

PSTART, PEND = (2026, 11, 1), (2026, 11, 30)


def d(fmt, t=PSTART):
    y, m, dd = t
    mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
        m - 1
    ]
    return {
        "au": f"{dd:02d}/{m:02d}/{y}",
        "iso": f"{y}-{m:02d}-{dd:02d}",
        "us": f"{m}/{dd}/{y}",
        "mon": f"{dd:02d}-{mon}-{y}",
        "dot": f"{dd}.{m}.{y}",
    }[fmt]


def n2(x):
    return fmt_dec(round_half_up(F(x)), 2)


def nx(x):
    """exact, at least 2 places."""
    return fmt_dec(F(x), 2)


def thou(x, places=2):
    s = fmt_dec(F(x), places)
    neg = s.startswith("-")
    s = s.lstrip("-")
    a, _, b = s.partition(".")
    a = f"{int(a):,}"
    return ("-" if neg else "") + a + ("." + b if b else "")


def cash(x):
    v = round_half_up(F(x))
    return ("-$" if v < 0 else "$") + thou(abs(v), 2)


def xnum(x):
    """number for an xlsx cell: int when whole, else float of the exact decimal."""
    x = F(x)
    if x.denominator == 1:
        return int(x)
    return float(fmt_dec(x)) if (x * 10**12).denominator == 1 else float(x)


def emit(folder, fname, kind, rows, sheet=None, enc="utf-8", delim=",", extra_sheets=()):
    path = folder / fname
    if kind == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
        for r in rows:
            w.writerow(["" if c is None else c for c in r])
        path.write_bytes(buf.getvalue().encode(enc))
        return fname, None
    wb = openpyxl.Workbook()
    ws0 = wb.active
    first = True
    for sname, srows in extra_sheets:
        ws = ws0 if first else wb.create_sheet()
        first = False
        ws.title = sname
        for r in srows:
            ws.append(r)
    ws = ws0 if first else wb.create_sheet()
    ws.title = sheet
    for r in rows:
        ws.append(list(r))
    wb.properties.creator = "export"
    import datetime

    wb.properties.created = wb.properties.modified = datetime.datetime(2026, 12, 2, 8, 0, 0)
    wb.save(path)
    return fname, sheet


def order_clients(case, rng, key):
    cl = list(case.clients)
    cl.sort(key=lambda c: (c[key].lower(), c["id"]))
    if rng.random() < 0.3:
        cl.sort(key=lambda c: c["id"])
    return cl


def by_client(lines):
    g = {}
    for ln in lines:
        g.setdefault(ln.cid, []).append(ln)
    return g


def flat(case, lines, rng, header, cells, title=(), total=None, namekey="vendor_name"):
    rows = [list(t) for t in title] + [header]
    g = by_client(lines)
    for c in order_clients(case, rng, namekey):
        for ln in g.get(c["id"], []):
            rows.append(cells(c, ln))
            ln.row = len(rows)
    if total:
        rows.append(total(lines))
    return rows


def blocks(
    case, lines, rng, header, cells, group, sub, title=(), total=None, namekey="vendor_name"
):
    rows = [list(t) for t in title] + [header]
    g = by_client(lines)
    for c in order_clients(case, rng, namekey):
        ls = g.get(c["id"], [])
        if not ls:
            continue
        rows.append(group(c))
        for ln in ls:
            rows.append(cells(c, ln))
            ln.row = len(rows)
        if sub:
            rows.append(sub(c, ls))
    if total:
        rows.append(total(lines))
    return rows


def vamt(ln):
    return ln.qty * ln.cost


def pamt(ln):
    return ln.qty * ln.price


def sku(ln):
    return PRODUCTS[ln.product][8] if ln.product else "SVC"


# ---------------------------------------------------------------- vendors
def v_leader(case, folder, rng):
    hdr = [
        "Invoice Date",
        "Customer Name",
        "ABN",
        "Product Code",
        "Description",
        "UOM",
        "Quantity",
        "Unit Price (ex GST)",
        "Extended (ex GST)",
        "GST",
        "Period Start",
        "Period End",
    ]
    rows = flat(
        case,
        case.vlines,
        rng,
        hdr,
        lambda c, ln: [
            d("au", (2026, 12, 1)),
            c["vendor_name"],
            c["abn"],
            sku(ln),
            ln.text,
            ln.unit,
            fmt_dec(ln.qty),
            nx(ln.cost),
            n2(vamt(ln)),
            n2(vamt(ln) / 10),
            d("au"),
            d("au", PEND),
        ],
    )
    return emit(folder, "Leader_Consumption_Nov2026.csv", "csv", rows)


def v_acronis(case, folder, rng):
    title = [["Usage report"], [f"Period: {d('au')} - {d('au', PEND)}  Currency: AUD"], []]
    hdr = [
        "Customer",
        "Customer tenant ID",
        "Service",
        "Offering item",
        "Usage",
        "Measure",
        "Price per unit",
        "Amount (AUD)",
    ]
    rows = flat(
        case,
        case.vlines,
        rng,
        hdr,
        lambda c, ln: [
            c["vendor_name"],
            f"t-{c['id']:05d}",
            PRODUCTS[ln.product][1],
            ln.text,
            xnum(ln.qty),
            ln.unit,
            xnum(ln.cost),
            xnum(round_half_up(vamt(ln))),
        ],
        title=title,
    )
    return emit(folder, "usage_report_2026-11.xlsx", "xlsx", rows, sheet="Usage")


def v_rmm_blocks(case, folder, rng):
    hdr = ["Organization", "Item", "Device role / unit", "Count", "Rate", "Line total"]
    rows = blocks(
        case,
        case.vlines,
        rng,
        hdr,
        lambda c, ln: ["", ln.text, ln.unit, fmt_dec(ln.qty), nx(ln.cost), n2(vamt(ln))],
        lambda c: [f"Organization: {c['vendor_name']}", "", "", "", "", ""],
        lambda c, ls: [
            "",
            f"Subtotal {c['vendor_name']}",
            "",
            "",
            "",
            n2(sum(round_half_up(vamt(x)) for x in ls)),
        ],
        title=[["Invoice INV-2026-11-0042", "", "", "", "", ""]],
    )
    return emit(folder, "device_invoice_detail.csv", "csv", rows)


def v_pc(case, folder, rng):
    hdr = [
        "CustomerName",
        "CustomerDomainName",
        "ProductId",
        "SkuId",
        "SkuName",
        "ProductName",
        "ChargeType",
        "UnitPrice",
        "EffectiveUnitPrice",
        "Quantity",
        "BillableQuantity",
        "UnitType",
        "Subtotal",
        "Currency",
        "ChargeStartDate",
        "ChargeEndDate",
        "PublisherName",
    ]

    def cells(c, ln):
        pid, _, sk = sku(ln).partition(":")
        ct = (
            "removeQuantity"
            if ln.role == "credit"
            else rng.choice(["cycleCharge", "CycleCharge", "cyclecharge"])
        )
        return [
            c["vendor_name"],
            f"{c['domain']}.onmicrosoft.com",
            pid,
            sk or "0001",
            ln.text,
            NAME[ln.product],
            ct,
            nx(ln.cost * F(11, 10)),
            nx(ln.cost),
            "'" + fmt_dec(ln.qty, 6),
            "'" + fmt_dec(ln.qty, 6),
            ln.unit,
            n2(vamt(ln)),
            "AUD",
            d("us"),
            d("us", PEND),
            PRODUCTS[ln.product][1],
        ]

    rows = flat(case, case.vlines, rng, hdr, cells)
    return emit(folder, "Reconciliation_G0123456789.csv", "csv", rows, enc="utf-8-sig")


def v_ingram(case, folder, rng):
    hdr = [
        "Customer",
        "Subscription",
        "SKU",
        "Product",
        "Band",
        "Qty",
        "Unit of Measure",
        "Unit Net",
        "Net Price",
    ]
    rows = flat(
        case,
        case.vlines,
        rng,
        hdr,
        lambda c, ln: [
            c["vendor_name"],
            ln.sub,
            sku(ln),
            ln.text,
            "Standard",
            xnum(ln.qty),
            ln.unit,
            xnum(ln.cost),
            xnum(round_half_up(vamt(ln))),
        ],
    )
    summ = [
        ["Ingram Micro Cloud - Billing statement"],
        ["Period", "November 2026"],
        ["Total (AUD)", xnum(sum(round_half_up(vamt(x)) for x in case.vlines))],
    ]
    return emit(
        folder,
        "CMP_Billing_Nov26.xlsx",
        "xlsx",
        rows,
        sheet="Billing Detail",
        extra_sheets=[("Summary", summ)],
    )


def v_pax8(case, folder, rng):
    hdr = [
        "company_name",
        "company_id",
        "type",
        "description",
        "details",
        "sku",
        "unit_of_measure",
        "quantity",
        "cost",
        "cost_total",
        "price",
        "subtotal",
        "start_period",
        "end_period",
        "currency_code",
    ]
    rows = flat(
        case,
        case.vlines,
        rng,
        hdr,
        lambda c, ln: [
            c["vendor_name"],
            f"{100000 + c['id']}",
            "credits" if ln.role == "credit" else "subscription",
            ln.text,
            "Monthly",
            sku(ln),
            ln.unit,
            fmt_dec(ln.qty),
            nx(ln.cost),
            n2(vamt(ln)),
            nx(ln.cost * F(13, 10)),
            n2(ln.qty * ln.cost * F(13, 10)),
            d("iso"),
            d("iso", PEND),
            "AUD",
        ],
    )
    return emit(folder, "pax8_invoice_2026-11.csv", "csv", rows)


def v_dist_blocks(case, folder, rng):
    title = [["Backup & security services - usage by customer"], ["Billing month: November 2026"]]
    hdr = ["Service", "Billing unit", "Units", "Rate", "Total"]
    rows = blocks(
        case,
        case.vlines,
        rng,
        hdr,
        lambda c, ln: [
            ln.text,
            ln.unit,
            xnum(ln.qty),
            xnum(ln.cost),
            xnum(round_half_up(vamt(ln))),
        ],
        lambda c: [f"Customer: {c['vendor_name']}", None, None, None, None],
        lambda c, ls: [
            f"Subtotal {c['vendor_name']}",
            None,
            None,
            None,
            xnum(sum(round_half_up(vamt(x)) for x in ls)),
        ],
        title=title,
        total=lambda ls: [
            "Grand total",
            None,
            None,
            None,
            xnum(sum(round_half_up(vamt(x)) for x in ls)),
        ],
    )
    return emit(folder, "usage_by_customer_Nov-2026.xlsx", "xlsx", rows, sheet="Usage by customer")


def v_statement(case, folder, rng):
    hdr = [
        "Account Name",
        "Service Description",
        "Qty",
        "Unit",
        "Unit Rate",
        "Charge",
        "Charge Type",
        "From",
        "To",
    ]
    rows = flat(
        case,
        case.vlines,
        rng,
        hdr,
        lambda c, ln: [
            c["vendor_name"],
            ln.text,
            thou(ln.qty, 0 if ln.qty.denominator == 1 else 2),
            ln.unit,
            "$" + nx(ln.cost),
            cash(vamt(ln)),
            "Credit" if ln.role == "credit" else "Recurring",
            d("mon"),
            d("mon", PEND),
        ],
        total=lambda ls: [
            "TOTAL",
            "",
            "",
            "",
            "",
            cash(sum(round_half_up(vamt(x)) for x in ls)),
            "",
            "",
            "",
        ],
    )
    return emit(folder, "Statement_202611.csv", "csv", rows)


VENDORS = {
    "leader_au_consumption_uom_csv": v_leader,
    "acronis_usage_report_title_xlsx": v_acronis,
    "rmm_device_invoice_org_blocks_csv": v_rmm_blocks,
    "pc_nce_recon_unittype_apostrophe_csv": v_pc,
    "ingram_au_cmp_bands_xlsx": v_ingram,
    "pax8_au_invoice_uom_decimal_csv": v_pax8,
    "dist_au_usage_customer_subtotals_xlsx": v_dist_blocks,
    "wholesale_voice_backup_statement_csv": v_statement,
}


# ---------------------------------------------------------------- PSA
def qtext(ln):
    """quantity as typed in a CSV: thousands separators on storage lines."""
    if ln.qty >= 1000 and (
        "storage_gb_with_separator" in ln.classes or "usage_gb_decimal_qty" in ln.classes
    ):
        return thou(ln.qty, 0 if ln.qty.denominator == 1 else 2)
    return fmt_dec(ln.qty)


def cancelled(ln):
    return ln.role == "not_billed"


def p_halo(case, folder, rng):
    title = [["Recurring invoice lines"], ["Generated 02/12/2026"]]
    hdr = [
        "Client",
        "Contract",
        "Item",
        "Description",
        "Unit",
        "Quantity",
        "Unit Price",
        "Net",
        "Start Date",
        "End Date",
    ]
    rows = flat(
        case,
        case.plines,
        rng,
        hdr,
        lambda c, ln: [
            c["psa_name"],
            "Managed Services Agreement",
            sku(ln),
            ln.text,
            ln.unit,
            xnum(ln.qty),
            xnum(ln.price),
            xnum(round_half_up(pamt(ln))),
            d("au", (2025, 7, 1)),
            d("au", (2026, 10, 31)) if cancelled(ln) else "",
        ],
        title=title,
        namekey="psa_name",
    )
    return emit(folder, "recurring_invoice_lines.xlsx", "xlsx", rows, sheet="Report")


def p_cw(case, folder, rng):
    hdr = [
        "Company Name",
        "Agreement Name",
        "Product ID",
        "Description",
        "Quantity",
        "Price",
        "Ext Price",
        "Bill",
        "Addition Status",
        "Effective",
        "Cancelled",
    ]
    rows = flat(
        case,
        case.plines,
        rng,
        hdr,
        lambda c, ln: [
            c["psa_name"],
            "MSA - Cloud",
            sku(ln),
            ln.text,
            qtext(ln),
            nx(ln.price),
            n2(pamt(ln)),
            "Billable",
            "Cancelled" if cancelled(ln) else "Active",
            d("au", (2025, 3, 1)),
            d("au", (2026, 10, 15)) if cancelled(ln) else "",
        ],
        namekey="psa_name",
    )
    return emit(folder, "agreement_additions.csv", "csv", rows)


def p_autotask(case, folder, rng):
    title = [["Contract Services by Account"]]
    hdr = [
        "Account",
        "Contract",
        "Service",
        "Units",
        "Unit Price",
        "Adjusted Price",
        "Start",
        "End",
        "Status",
    ]
    rows = flat(
        case,
        case.plines,
        rng,
        hdr,
        lambda c, ln: [
            c["psa_name"],
            "Recurring Services",
            ln.text,
            xnum(ln.qty),
            xnum(ln.price),
            xnum(round_half_up(pamt(ln))),
            d("au", (2025, 1, 1)),
            d("au", (2026, 9, 30)) if cancelled(ln) else d("au", (2027, 6, 30)),
            "Inactive" if cancelled(ln) else "Active",
        ],
        title=title,
        namekey="psa_name",
        total=lambda ls: [
            "Total",
            None,
            None,
            None,
            None,
            xnum(sum(round_half_up(pamt(x)) for x in ls if not cancelled(x))),
            None,
            None,
            None,
        ],
    )
    return emit(folder, "contract_services.xlsx", "xlsx", rows, sheet="Services")


def p_xero(case, folder, rng):
    hdr = [
        "*ContactName",
        "Reference",
        "InventoryItemCode",
        "*Description",
        "*Quantity",
        "*UnitAmount",
        "Discount",
        "LineAmount",
        "*AccountCode",
        "*TaxType",
        "Schedule Status",
    ]
    rows = flat(
        case,
        case.plines,
        rng,
        hdr,
        lambda c, ln: [
            c["psa_name"],
            "Monthly services",
            sku(ln),
            ln.text,
            qtext(ln),
            nx(ln.price),
            "",
            n2(pamt(ln)),
            "200",
            "GST on Income",
            "Stopped" if cancelled(ln) else "Active",
        ],
        namekey="psa_name",
    )
    return emit(folder, "RepeatingInvoices.csv", "csv", rows)


def p_myob(case, folder, rng):
    title = [["Item Sales Detail - Customer"], ["November 2026"]]
    hdr = [
        "Date",
        "Invoice No.",
        "Item No.",
        "Item Name",
        "Qty",
        "Unit",
        "Unit Price",
        "Amount",
        "Status",
    ]
    rows = blocks(
        case,
        case.plines,
        rng,
        hdr,
        lambda c, ln: [
            d("au", (2026, 11, 1)),
            f"{10000 + c['id']}",
            sku(ln),
            ln.text,
            xnum(ln.qty),
            ln.unit,
            xnum(ln.price),
            xnum(round_half_up(pamt(ln))),
            "Void" if cancelled(ln) else "Open",
        ],
        lambda c: [c["psa_name"], None, None, None, None, None, None, None, None],
        lambda c, ls: [
            f"Total {c['psa_name']}",
            None,
            None,
            None,
            None,
            None,
            None,
            xnum(sum(round_half_up(pamt(x)) for x in ls if not cancelled(x))),
            None,
        ],
        title=title,
        namekey="psa_name",
    )
    return emit(folder, "item_sales_customer.xlsx", "xlsx", rows, sheet="Item Sales")


def p_syncro(case, folder, rng):
    hdr = [
        "customer_business_then_name",
        "schedule_name",
        "name",
        "description",
        "quantity",
        "unit",
        "retail_cents",
        "paused",
    ]
    rows = flat(
        case,
        case.plines,
        rng,
        hdr,
        lambda c, ln: [
            c["psa_name"],
            "Monthly",
            ln.text,
            "Recurring service" if ln.product else "Service",
            qtext(ln),
            ln.unit,
            fmt_dec(ln.price * 100),
            "true" if cancelled(ln) else "false",
        ],
        namekey="psa_name",
    )
    return emit(folder, "schedule_line_items.csv", "csv", rows)


def p_bms(case, folder, rng):
    hdr = [
        "Account Name",
        "Contract",
        "Service Name",
        "Service Description",
        "UoM",
        "Quantity",
        "Unit Price",
        "Total",
        "Start Date",
        "End Date",
    ]
    rows = flat(
        case,
        case.plines,
        rng,
        hdr,
        lambda c, ln: [
            c["psa_name"],
            "Cloud Services",
            ln.text,
            "",
            ln.unit,
            thou(ln.qty, 0 if ln.qty.denominator == 1 else 2),
            nx(ln.price),
            thou(round_half_up(pamt(ln)), 2),
            d("iso", (2025, 8, 1)),
            d("iso", (2026, 10, 31)) if cancelled(ln) else "",
        ],
        namekey="psa_name",
    )
    return emit(folder, "RecurringServices.csv", "csv", rows)


def p_qbo(case, folder, rng):
    title = [["Sales by Customer Detail"], ["November 2026"], []]
    hdr = [
        "Date",
        "Transaction Type",
        "No.",
        "Product/Service",
        "Memo/Description",
        "Qty",
        "Sales Price",
        "Amount",
        "Balance",
    ]
    bal = [F(0)]

    def cells(c, ln):
        amt = F(0) if cancelled(ln) else round_half_up(pamt(ln))
        bal[0] += amt
        return [
            d("au", (2026, 11, 1)),
            "Invoice",
            f"{5000 + c['id']}",
            "Licences" if ln.product else "Services",
            ln.text + (" - Voided" if cancelled(ln) else ""),
            qtext(ln),
            nx(ln.price),
            n2(amt),
            n2(bal[0]),
        ]

    rows = blocks(
        case,
        case.plines,
        rng,
        hdr,
        cells,
        lambda c: [c["psa_name"], "", "", "", "", "", "", "", ""],
        lambda c, ls: [
            f"Total for {c['psa_name']}",
            "",
            "",
            "",
            "",
            "",
            "",
            n2(sum(round_half_up(pamt(x)) for x in ls if not cancelled(x))),
            "",
        ],
        title=title,
        namekey="psa_name",
        total=lambda ls: [
            "TOTAL",
            "",
            "",
            "",
            "",
            "",
            "",
            n2(sum(round_half_up(pamt(x)) for x in ls if not cancelled(x))),
            "",
        ],
    )
    return emit(folder, "SalesByCustomerDetail.csv", "csv", rows)


PSAS = {
    "halopsa_contract_recurring_uom_xlsx": p_halo,
    "cw_additions_au_bill_status_csv": p_cw,
    "autotask_service_units_au_xlsx": p_autotask,
    "xero_repeating_au_gst_csv": p_xero,
    "myob_item_sales_grouped_by_customer_xlsx": p_myob,
    "syncro_schedule_items_cents_unit_csv": p_syncro,
    "kaseya_bms_services_au_csv": p_bms,
    "qbo_au_customer_detail_void_csv": p_qbo,
}
