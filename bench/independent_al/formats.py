"""Writers of set AL: 8 US vendor bills and 8 US PSA / accounting exports (all USD)."""

from __future__ import annotations

import csv
from fractions import Fraction as F
from itertools import groupby

from openpyxl import Workbook

from .catalog import BY_KEY

PSTART, PEND = "11/01/2026", "11/30/2026"


def plain(x):
    x = F(x)
    return (
        f"{float(x):.2f}"
        if x.denominator in (1, 2, 4, 5, 10, 20, 25, 50, 100)
        else str(round(float(x), 6))
    )


def usd(x, paren=True):
    x = F(x)
    s = f"${abs(float(x)):,.2f}"
    if x < 0:
        return f"({s})" if paren else "-" + s
    return s


def vunit(v):
    return v.unit * 12 if v.yearly else v.unit


def _write(folder, fname, rows, kind, delim=",", bom=False, sheets=None, sheet="Sheet1"):
    """rows: list of (line-or-None, cells). Assigns 1-based row numbers to the lines."""
    for i, (obj, _) in enumerate(rows, 1):
        if obj is not None:
            obj.row = i
    path = folder / fname
    if kind == "csv":
        with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as fh:
            w = csv.writer(fh, delimiter=delim, lineterminator="\r\n")
            for _, cells in rows:
                w.writerow(cells)
        return fname, None
    wb = Workbook()
    ws = wb.active
    for name, extra in sheets or []:
        ws.title = name
        for r in extra:
            ws.append(r)
        ws = wb.create_sheet()
    ws.title = sheet
    for _, cells in rows:
        ws.append(cells)
    wb.save(path)
    return fname, sheet


def _by_client(case, lines, name_key, only=None):
    byid = {c["id"]: c for c in case.clients}
    ls = [x for x in lines if only is None or x.role in only]
    ls.sort(key=lambda x: (byid[x.cid][name_key].lower(), x.cid))
    return [(byid[cid], list(g)) for cid, g in groupby(ls, key=lambda x: x.cid)]


def _vname(case):
    return {c["id"]: c["canonical"] for c in case.clients}


# ------------------------------------------------------------------------------ vendors
def v_pc(case, folder, rng):
    hdr = [
        "PartnerId",
        "CustomerId",
        "CustomerName",
        "CustomerDomainName",
        "CustomerCountry",
        "InvoiceNumber",
        "MpnId",
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
        "PublisherName",
        "SubscriptionId",
        "ChargeStartDate",
        "ChargeEndDate",
        "TermAndBillingCycle",
        "EffectiveUnitPrice",
        "UnitType",
        "BillableQuantity",
        "BillingFrequency",
    ]
    rows = [(None, hdr)]
    groups = _by_client(case, case.vlines, "canonical")
    rep = len(groups) // 2
    for gi, (c, ls) in enumerate(groups):
        if gi == rep:
            rows.append((None, hdr))
        dom = "".join(ch for ch in c["canonical"].lower() if ch.isalnum())[:20]
        for v in ls:
            p = BY_KEY[v.product]
            u = vunit(v)
            pid, _, sku = p.sku.partition(":")
            ct = (
                "removeQuantity"
                if v.role == "credit"
                else rng.choice(["cycleCharge", "CycleCharge", "renew"])
            )
            term = (
                "One-Year commitment for yearly billing"
                if v.yearly
                else rng.choice(
                    [
                        "One-Year commitment for monthly/yearly billing",
                        "One-Month commitment for monthly billing",
                    ]
                )
            )
            sub = u * v.qty
            rows.append(
                (
                    v,
                    [
                        "'4c1f0e7a",
                        f"{c['id']:08d}-1a2b",
                        c["canonical"],
                        f"{dom}.onmicrosoft.com",
                        "US",
                        "G0" + str(40000 + c["id"]),
                        "6012345",
                        f"O{c['id']:05d}",
                        "10/01/2026",
                        pid,
                        sku or "0001",
                        "0001",
                        p.name,
                        p.name,
                        ct,
                        "'" + plain(u * F(105, 100)),
                        "'" + str(v.qty),
                        "'" + plain(sub),
                        "'0",
                        "'" + plain(sub),
                        "USD",
                        p.maker,
                        f"s-{c['id']}-{v.product}",
                        PSTART,
                        PEND,
                        term,
                        "'" + plain(u),
                        "Licenses",
                        "'" + str(v.qty),
                        "Annual" if v.yearly else "Monthly",
                    ],
                )
            )
    return _write(folder, "pc_nce_recon_US_2026-11.csv", rows, "csv", bom=True)


def v_pax8(case, folder, rng):
    hdr = [
        "Company",
        "Product",
        "SKU",
        "Term",
        "Type",
        "Qty",
        "Unit Cost",
        "Cost Total",
        "Suggested Price",
        "Start Period",
        "End Period",
    ]
    rows = [
        (None, ["Pax8 Invoice #INV-2026-11-00417"]),
        (None, ["Billing Period", f"{PSTART} - {PEND}"]),
        (None, []),
        (None, hdr),
    ]
    tot = F(0)
    for c, ls in _by_client(case, case.vlines, "canonical"):
        sub = F(0)
        for v in ls:
            p = BY_KEY[v.product]
            u = vunit(v)
            name = p.name + (" [NCE]" if p.ms else "")
            rows.append(
                (
                    v,
                    [
                        c["canonical"],
                        name,
                        p.sku.replace(":", "-"),
                        "Annual" if v.yearly else "Monthly",
                        "credit" if v.role == "credit" else "subscription",
                        v.qty,
                        float(u),
                        float(u * v.qty),
                        float(money_up(u)),
                        PSTART,
                        PEND,
                    ],
                )
            )
            sub += u * v.qty
        rows.append((None, [f"Subtotal - {c['canonical']}", "", "", "", "", "", "", float(sub)]))
        tot += sub
    rows.append((None, ["Invoice Total", "", "", "", "", "", "", float(tot)]))
    return _write(folder, "Pax8_Invoice_INV-2026-11-00417.xlsx", rows, "xlsx", sheet="Invoice")


def money_up(u):
    return F(round(u * 120), 100)


def v_sherweb(case, folder, rng):
    rows = [
        (None, ["Sherweb - Payable charges"]),
        (None, [f"Billing period: {PSTART} - {PEND}"]),
        (None, []),
        (
            None,
            [
                "Customer",
                "Subscription",
                "SKU",
                "Charge Type",
                "Billing Cycle",
                "Quantity",
                "Unit Cost",
                "Amount",
            ],
        ),
    ]
    tot = F(0)
    for c, ls in _by_client(case, case.vlines, "canonical"):
        for v in ls:
            p = BY_KEY[v.product]
            u = vunit(v)
            rows.append(
                (
                    v,
                    [
                        c["canonical"],
                        p.name,
                        p.sku,
                        "Credit" if v.role == "credit" else "Recurring",
                        "Yearly" if v.yearly else "Monthly",
                        str(v.qty),
                        usd(u),
                        usd(u * v.qty),
                    ],
                )
            )
            tot += u * v.qty
    rows.append((None, ["", "", "", "", "", "", "Total", usd(tot)]))
    return _write(folder, "sherweb_payables_2026-11.csv", rows, "csv")


def v_ingram(case, folder, rng):
    rows = [
        (
            None,
            [
                "End Customer",
                "Subscription Name",
                "Vendor",
                "SKU",
                "Qty",
                "List Price",
                "Net Price",
                "Billing Frequency",
                "From",
                "To",
            ],
        )
    ]
    for c, ls in _by_client(case, case.vlines, "canonical"):
        for v in ls:
            p = BY_KEY[v.product]
            u = vunit(v)
            tag = " (Annual Pre-Paid)" if v.yearly else " (Monthly Pre-Paid)"
            rows.append(
                (
                    v,
                    [
                        c["canonical"].upper(),
                        p.name + tag,
                        p.maker,
                        "US-" + p.sku,
                        str(v.qty),
                        plain(money_up(u)),
                        plain(u * v.qty),
                        "Annual" if v.yearly else "Monthly",
                        PSTART,
                        PEND,
                    ],
                )
            )
    return _write(folder, "ingram_xvantage_billing_US.csv", rows, "csv", delim="\t")


def v_tdsynnex(case, folder, rng):
    rows = [
        (None, ["TD SYNNEX StreamOne - Reseller Invoice Detail"]),
        (None, [f"Service Period {PSTART} to {PEND}", "", "", "", "", "Currency: USD"]),
        (None, ["Part Number", "Description", "Term", "Qty", "Unit Cost", "Extended Cost"]),
    ]
    for c, ls in _by_client(case, case.vlines, "canonical"):
        rows.append((None, [f"Customer: {c['canonical']} (US{10000 + c['id']})"]))
        sub = F(0)
        for v in ls:
            p = BY_KEY[v.product]
            u = vunit(v)
            term = "1 Year / Annual Billing" if v.yearly else "1 Month / Monthly Billing"
            rows.append(
                (
                    v,
                    [
                        "US" + p.sku.replace(":", ""),
                        p.name,
                        term,
                        v.qty,
                        float(u),
                        float(u * v.qty),
                    ],
                )
            )
            sub += u * v.qty
        rows.append((None, ["", f"Customer Total {c['canonical']}", "", "", "", float(sub)]))
    return _write(
        folder, "StreamOne_Invoice_Detail_Nov2026.xlsx", rows, "xlsx", sheet="Invoice Detail"
    )


def v_dandh(case, folder, rng):
    rows = [
        (
            None,
            [
                "Invoice #",
                "Invoice Date",
                "Reseller PO",
                "End User",
                "D&H Item #",
                "Description",
                "Billing Term",
                "Qty",
                "Unit Price",
                "Ext Price",
                "Sales Tax",
            ],
        )
    ]
    tot = F(0)
    for c, ls in _by_client(case, case.vlines, "canonical"):
        for v in ls:
            p = BY_KEY[v.product]
            u = vunit(v)
            rows.append(
                (
                    v,
                    [
                        "7734" + str(1000 + c["id"]),
                        "11/30/2026",
                        f"PO-{c['id']:04d}",
                        c["canonical"],
                        "DH-" + p.sku[:10],
                        p.name.upper() if rng.random() < 0.5 else p.name,
                        "ANNUAL" if v.yearly else "MONTHLY",
                        str(v.qty),
                        usd(u, False),
                        usd(u * v.qty, False),
                        "$0.00",
                    ],
                )
            )
            tot += u * v.qty
    rows.append((None, ["TOTAL", "", "", "", "", "", "", "", "", usd(tot, False), "$0.00"]))
    return _write(folder, "DandH_Cloud_Invoice_Detail.csv", rows, "csv")


def v_arrow(case, folder, rng):
    summary = [
        ["ArrowSphere - Monthly Statement", "November 2026"],
        [],
        ["Customers", len({v.cid for v in case.vlines})],
    ]
    rows = [
        (None, ["Arrow Electronics - ArrowSphere Statement Details"]),
        (None, [f"From {PSTART} to {PEND}"]),
        (
            None,
            [
                "End Customer Name",
                "Offer Name",
                "Vendor",
                "Billing Cycle",
                "Quantity",
                "Unit Buy Price",
                "Total Buy Price",
                "Currency",
            ],
        ),
    ]
    for c, ls in _by_client(case, case.vlines, "canonical"):
        for v in ls:
            p = BY_KEY[v.product]
            u = vunit(v)
            rows.append(
                (
                    v,
                    [
                        c["canonical"],
                        p.name,
                        p.maker,
                        "Annual" if v.yearly else "Monthly",
                        v.qty,
                        float(u),
                        float(u * v.qty),
                        "USD",
                    ],
                )
            )
    return _write(
        folder,
        "ArrowSphere_Statement_2026-11.xlsx",
        rows,
        "xlsx",
        sheets=[("Summary", summary)],
        sheet="Details",
    )


def v_appriver(case, folder, rng):
    rows = [
        (None, ["Customer Name", "Service", "Plan", "Users", "Rate", "Amount", "Period", "Billing"])
    ]
    tot = F(0)
    for c, ls in _by_client(case, case.vlines, "canonical"):
        for v in ls:
            p = BY_KEY[v.product]
            u = vunit(v)
            rows.append(
                (
                    v,
                    [
                        c["canonical"],
                        p.maker,
                        p.name,
                        str(v.qty),
                        plain(u),
                        plain(u * v.qty),
                        f"{PSTART}-{PEND}",
                        "Annual" if v.yearly else "Monthly",
                    ],
                )
            )
            tot += u * v.qty
    rows.append((None, ["Statement Total", "", "", "", "", plain(tot), "", ""]))
    return _write(folder, "AppRiver_Zix_Statement_Nov2026.csv", rows, "csv")


# ------------------------------------------------------------------------------ PSAs
def _psa_lines(case, only=("licence", "service")):
    return _by_client(case, case.plines, "psa_name", only)


def p_cw(case, folder, rng):
    rows = [
        (
            None,
            [
                "Invoice #",
                "Invoice Date",
                "Company",
                "Agreement",
                "Product ID",
                "Description",
                "Qty",
                "Unit Price",
                "Ext Price",
                "Taxable",
                "Sales Tax",
            ],
        )
    ]
    for c, ls in _psa_lines(case):
        for p in ls:
            rows.append(
                (
                    p,
                    [
                        f"{30000 + c['id']}",
                        "11/01/2026",
                        c["psa_name"],
                        "Managed IT",
                        "LIC-" + (p.product or "SVC").upper(),
                        p.text,
                        str(p.qty),
                        plain(p.unit),
                        plain(p.unit * p.qty),
                        "N",
                        "0.00",
                    ],
                )
            )
    return _write(folder, "cw_invoice_lines_nov2026.csv", rows, "csv")


def p_autotask(case, folder, rng):
    rows = [
        (None, ["Contract Billing Report"]),
        (None, [f"Date Range: {PSTART} - {PEND}"]),
        (
            None,
            [
                "Account Name",
                "Contract Name",
                "Service",
                "Units",
                "Unit Price",
                "Extended Price",
                "Status",
            ],
        ),
    ]
    tot = F(0)
    for c, ls in _psa_lines(case, ("licence", "service", "not_billed")):
        for p in ls:
            st = "Inactive" if p.role == "not_billed" else "Active"
            rows.append(
                (
                    p,
                    [
                        c["psa_name"],
                        "Recurring Services",
                        p.text,
                        p.qty,
                        float(p.unit),
                        float(p.unit * p.qty),
                        st,
                    ],
                )
            )
            if st == "Active":
                tot += p.unit * p.qty
    rows.append((None, ["Total", "", "", "", "", float(tot), ""]))
    return _write(folder, "Contract_Billing_Report.xlsx", rows, "xlsx", sheet="Report")


def p_halo(case, folder, rng):
    rows = [
        (
            None,
            [
                "Client",
                "Site",
                "Recurring Invoice",
                "Item",
                "Description",
                "Qty",
                "Unit Price",
                "Net Amount",
            ],
        )
    ]
    for c, ls in _psa_lines(case):
        for p in ls:
            rows.append(
                (
                    p,
                    [
                        c["psa_name"],
                        "Main",
                        f"RI-{c['id']:04d}",
                        p.text,
                        f"{p.text} for $STARTDATE-$ENDDATE",
                        str(p.qty),
                        usd(p.unit),
                        usd(p.unit * p.qty),
                    ],
                )
            )
    return _write(folder, "halo_recurring_invoice_lines.csv", rows, "csv")


def p_syncro(case, folder, rng):
    rows = [
        (
            None,
            [
                "Customer",
                "Schedule",
                "Status",
                "Name",
                "Description",
                "Quantity",
                "Retail Cents",
                "Cost Cents",
            ],
        )
    ]
    for c, ls in _psa_lines(case, ("licence", "service", "not_billed")):
        for p in ls:
            cost = int(F(BY_KEY[p.product].cost) * 100) if p.product else 0
            rows.append(
                (
                    p,
                    [
                        c["psa_name"],
                        "Monthly IT",
                        "Paused" if p.role == "not_billed" else "Active",
                        p.text,
                        "User license" if p.product else "Service",
                        p.qty,
                        int(p.unit * 100),
                        cost,
                    ],
                )
            )
    return _write(folder, "syncro_schedule_items.xlsx", rows, "xlsx", sheet="Schedule Items")


def p_bms(case, folder, rng):
    rows = [
        (None, ["Recurring Services by Account"]),
        (None, [f"As of {PEND}"]),
        (None, ["Service", "Description", "Quantity", "Rate", "Amount", "Frequency", "End Date"]),
    ]
    for c, ls in _psa_lines(case, ("licence", "service", "not_billed")):
        rows.append((None, [f"Account: {c['psa_name']}"]))
        for p in ls:
            rows.append(
                (
                    p,
                    [
                        p.text,
                        "Recurring",
                        str(p.qty),
                        plain(p.unit),
                        plain(p.unit * p.qty),
                        "Monthly",
                        "10/31/2026" if p.role == "not_billed" else "",
                    ],
                )
            )
    return _write(folder, "bms_recurring_services.csv", rows, "csv")


def p_qbo(case, folder, rng):
    rows = [
        (None, ["Gulf Coast Managed IT LLC"]),
        (None, ["Transaction List by Customer"]),
        (None, ["November 2026"]),
        (None, []),
        (
            None,
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
            ],
        ),
    ]
    tot = F(0)
    for c, ls in _psa_lines(case):
        rows.append((None, [c["psa_name"]]))
        sub = F(0)
        for p in ls:
            item = "Cloud Licensing" if p.product else "Managed Services"
            rows.append(
                (
                    p,
                    [
                        "",
                        "11/01/2026",
                        "Invoice",
                        str(5000 + c["id"]),
                        item,
                        p.text,
                        p.qty,
                        float(p.unit),
                        float(p.unit * p.qty),
                    ],
                )
            )
            sub += p.unit * p.qty
        rows.append((None, [f"Total for {c['psa_name']}", "", "", "", "", "", "", "", float(sub)]))
        tot += sub
    rows.append((None, ["TOTAL", "", "", "", "", "", "", "", float(tot)]))
    return _write(folder, "Transaction_List_by_Customer.xlsx", rows, "xlsx", sheet="Sheet1")


def p_netsuite(case, folder, rng):
    rows = [
        (
            None,
            [
                "Customer/Project",
                "Document Number",
                "Date",
                "Item",
                "Memo",
                "Quantity",
                "Rate",
                "Amount",
                "Class",
            ],
        )
    ]
    for c, ls in _psa_lines(case):
        for p in ls:
            rows.append(
                (
                    p,
                    [
                        f"C{1000 + c['id']} {c['psa_name']}",
                        f"INV{8000 + c['id']}",
                        "11/01/2026",
                        "Resale : Cloud Licensing" if p.product else "Services : Managed",
                        p.text,
                        p.qty,
                        float(p.unit),
                        float(p.unit * p.qty),
                        "Recurring",
                    ],
                )
            )
    return _write(folder, "InvoiceLinesSearchResults.xlsx", rows, "xlsx", sheet="Results")


def p_freshbooks(case, folder, rng):
    rows = [
        (
            None,
            [
                "Client Name",
                "Invoice #",
                "Date Issued",
                "Item Name",
                "Item Description",
                "Rate",
                "Quantity",
                "Line Total",
                "Tax 1 Name",
                "Tax 1 Amount",
            ],
        )
    ]
    for c, ls in _psa_lines(case):
        for p in ls:
            rows.append(
                (
                    p,
                    [
                        c["psa_name"],
                        f"{c['id']:07d}",
                        "11/01/2026",
                        p.text,
                        "",
                        usd(p.unit),
                        str(p.qty),
                        usd(p.unit * p.qty),
                        "",
                        "0.00",
                    ],
                )
            )
    return _write(folder, "freshbooks_invoice_details.csv", rows, "csv")


# name: (writer, spec for the self-check)
# spec: header row, client col (or "group:<prefix>" / "first" = group row col A), product col,
# qty col, unit col (or None -> total / qty), total col, yearly (col, value), cents
VENDORS = {
    "pc_nce_recon_us_apostrophe_repeat_hdr_bom_usd_csv": (
        v_pc,
        dict(
            header=1,
            client="CustomerName",
            product="ProductName",
            qty="BillableQuantity",
            unit="EffectiveUnitPrice",
            total="Subtotal",
            yearly=("BillingFrequency", "Annual"),
        ),
    ),
    "pax8_us_invoice_company_subtotal_rows_usd_xlsx": (
        v_pax8,
        dict(
            header=4,
            client="Company",
            product="Product",
            qty="Qty",
            unit="Unit Cost",
            total="Cost Total",
            yearly=("Term", "Annual"),
        ),
    ),
    "sherweb_us_payables_title_dollar_paren_usd_csv": (
        v_sherweb,
        dict(
            header=4,
            client="Customer",
            product="Subscription",
            qty="Quantity",
            unit="Unit Cost",
            total="Amount",
            yearly=("Billing Cycle", "Yearly"),
        ),
    ),
    "ingram_us_xvantage_tab_netprice_upper_usd_csv": (
        v_ingram,
        dict(
            header=1,
            client="End Customer",
            product="Subscription Name",
            qty="Qty",
            unit=None,
            total="Net Price",
            yearly=("Billing Frequency", "Annual"),
        ),
    ),
    "tdsynnex_us_streamone_customer_rows_usd_xlsx": (
        v_tdsynnex,
        dict(
            header=3,
            client="group:Customer: ",
            product="Description",
            qty="Qty",
            unit="Unit Cost",
            total="Extended Cost",
            yearly=("Term", "1 Year / Annual Billing"),
        ),
    ),
    "dandh_us_cloud_invoice_detail_tax_total_usd_csv": (
        v_dandh,
        dict(
            header=1,
            client="End User",
            product="Description",
            qty="Qty",
            unit="Unit Price",
            total="Ext Price",
            yearly=("Billing Term", "ANNUAL"),
        ),
    ),
    "arrowsphere_us_statement_summary_then_details_usd_xlsx": (
        v_arrow,
        dict(
            header=3,
            client="End Customer Name",
            product="Offer Name",
            qty="Quantity",
            unit="Unit Buy Price",
            total="Total Buy Price",
            yearly=("Billing Cycle", "Annual"),
        ),
    ),
    "appriver_zix_us_statement_minus_credit_usd_csv": (
        v_appriver,
        dict(
            header=1,
            client="Customer Name",
            product="Plan",
            qty="Users",
            unit="Rate",
            total="Amount",
            yearly=("Billing", "Annual"),
        ),
    ),
}
PSAS = {
    "cw_us_invoice_lines_sales_tax_cols_csv": (
        p_cw,
        dict(
            header=1,
            client="Company",
            product="Description",
            qty="Qty",
            unit="Unit Price",
            total="Ext Price",
        ),
    ),
    "autotask_us_contract_billing_report_status_xlsx": (
        p_autotask,
        dict(
            header=3,
            client="Account Name",
            product="Service",
            qty="Units",
            unit="Unit Price",
            total="Extended Price",
            status=("Status", "Inactive"),
        ),
    ),
    "halopsa_us_recurring_lines_dollar_tokens_csv": (
        p_halo,
        dict(
            header=1,
            client="Client",
            product="Item",
            qty="Qty",
            unit="Unit Price",
            total="Net Amount",
        ),
    ),
    "syncro_us_schedule_items_cents_paused_xlsx": (
        p_syncro,
        dict(
            header=1,
            client="Customer",
            product="Name",
            qty="Quantity",
            unit="Retail Cents",
            total=None,
            cents=True,
            status=("Status", "Paused"),
        ),
    ),
    "kaseya_bms_us_account_blocks_enddate_csv": (
        p_bms,
        dict(
            header=3,
            client="group:Account: ",
            product="Service",
            qty="Quantity",
            unit="Rate",
            total="Amount",
            status=("End Date", "10/31/2026"),
        ),
    ),
    "qbo_us_transaction_list_by_customer_xlsx": (
        p_qbo,
        dict(
            header=5,
            client="group:",
            product="Memo/Description",
            qty="Qty",
            unit="Sales Price",
            total="Amount",
        ),
    ),
    "netsuite_us_invoice_line_saved_search_xlsx": (
        p_netsuite,
        dict(
            header=1,
            client="Customer/Project",
            product="Memo",
            qty="Quantity",
            unit="Rate",
            total="Amount",
        ),
    ),
    "freshbooks_us_invoice_details_tax_cols_csv": (
        p_freshbooks,
        dict(
            header=1,
            client="Client Name",
            product="Item Name",
            qty="Quantity",
            unit="Rate",
            total="Line Total",
        ),
    ),
}
