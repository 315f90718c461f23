"""Writers of the 8 vendor and 8 PSA/accounting exports of set AN (Australian MSP, AUD)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from fractions import Fraction

import openpyxl

from .catalog import BY_KEY
from .scenario import round_up_half

MSP = "Southern Cross Cloud Partners Pty Ltd"
D1, D30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
FAMILY_NAME = {
    "gws": "Google Workspace",
    "gws-ess": "Google Workspace",
    "gvoice": "Google Voice",
    "gvault": "Google Vault",
    "gemini": "Gemini",
    "m365": "Microsoft 365",
    "m365apps": "Microsoft 365",
    "teamsphone": "Microsoft Teams Phone",
    "dropbox": "Dropbox",
    "zoomwp": "Zoom Workplace",
    "zoomphone": "Zoom Phone",
    "slack": "Slack",
    "slackai": "Slack",
    "acrobat": "Adobe Acrobat",
    "ccloud": "Adobe Creative Cloud",
    "jira": "Jira",
    "confluence": "Confluence",
    "docusign": "Docusign eSignature",
    "lastpass": "LastPass",
    "keeper": "Keeper",
    "1password": "1Password",
    "ringex": "RingCentral RingEX",
    "webex": "Webex",
    "ppess": "Proofpoint Essentials",
    "mimecast": "Mimecast",
    "dattosaas": "Datto SaaS Protection",
    "veeam": "Veeam Backup",
    "acronis": "Acronis Cyber Protect Cloud",
}


def split_name(p):
    fam = FAMILY_NAME[p.family]
    if p.name.startswith(fam + " "):
        return fam, p.name[len(fam) + 1 :]
    return fam, p.name


def m2(x):
    """Fraction -> cents int, exact for these amounts (asserts exactness)."""
    c = Fraction(x) * 100
    assert c.denominator == 1, x
    return int(c)


def s2(c, dollar=False, comma=False, prefix="$"):
    neg = c < 0
    c = abs(c)
    whole = f"{c // 100:,}" if comma else str(c // 100)
    body = f"{whole}.{c % 100:02d}"
    if dollar:
        body = prefix + body
    return ("-" if neg else "") + body


def n2(c):
    return round(c / 100, 2)


def dmy(d):
    return d.strftime("%d/%m/%Y")


class Sheet:
    def __init__(self):
        self.rows = []

    def add(self, row, line=None):
        self.rows.append(list(row))
        if line is not None:
            line.row = len(self.rows)


def write_csv(folder, name, sheet, delimiter=",", encoding="utf-8", quoting=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for r in sheet.rows:
        w.writerow(["" if v is None else v for v in r])
    (folder / name).write_bytes(buf.getvalue().encode(encoding))
    return name, None


def write_xlsx(folder, name, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, sh in sheets:
        ws = wb.create_sheet(title)
        for r in sh.rows:
            ws.append(r if r else [None])
    wb.properties.creator = "export"
    wb.properties.created = dt.datetime(2026, 12, 1, 8, 0, 0)
    wb.properties.modified = dt.datetime(2026, 12, 1, 8, 0, 0)
    wb.save(folder / name)
    return name, sheets[-1][0] if len(sheets) > 1 else sheets[0][0]


# ---------------------------------------------------------------- vendor side


def vendor_lines(case, rng, yearly_share=0.15):
    """lines in client order, with the layout's yearly flag (per subscription) and display unit."""
    flags = {}
    for v in case.vlines:
        k = (v.cid, v.product, v.sub)
        if k not in flags:
            flags[k] = v.plan == "ANNUAL" and rng.random() < yearly_share
        v.yearly = flags[k] and yearly_share > 0
        v.classes = [c for c in v.classes if c != "vendor_annual_upfront_line"]
        if v.yearly:
            v.classes.append("vendor_annual_upfront_line")
    return case.vlines


def vunit(v):
    return m2(v.unit * (12 if v.yearly else 1))


def by_client(case, lines, namef):
    names = {c["id"]: namef(c) for c in case.clients}
    groups = {}
    for x in lines:
        groups.setdefault(x.cid, []).append(x)
    order = sorted(groups, key=lambda cid: (names[cid].lower(), cid))
    return [(cid, names[cid], groups[cid]) for cid in order]


def v_gws_console(case, folder, rng, perturb):
    ls = vendor_lines(case, rng)
    sh = Sheet()
    sh.add(
        [
            "Invoice Month",
            "Customer Name",
            "Customer Domain",
            "Customer ID",
            "Product Family",
            "SKU ID",
            "SKU Name",
            "Plan",
            "Charge Type",
            "Usage Start",
            "Usage End",
            "Quantity",
            "Unit Price",
            "Amount",
            "Currency",
        ]
    )
    for cid, name, group in by_client(
        case, ls, lambda c: c["domain"] if perturb else c["canonical"]
    ):
        c = case.clients[cid]
        for v in group:
            p = BY_KEY[v.product]
            plan = (
                "FLEXIBLE"
                if v.plan == "FLEXIBLE"
                else "ANNUAL_YEARLY_PAY"
                if v.yearly
                else "ANNUAL_MONTHLY_PAY"
            )
            u = vunit(v)
            sh.add(
                [
                    "2026-11",
                    name,
                    c["domain"],
                    f"C0{abs(hash_id(c['domain'])) % 10**7:07d}",
                    FAMILY_NAME[p.family],
                    p.sku,
                    p.name,
                    plan,
                    "Adjustment" if v.role == "credit" else "Recurring",
                    "2026-11-01",
                    "2026-11-30",
                    v.qty,
                    s2(u),
                    s2(u * v.qty),
                    "AUD",
                ],
                v,
            )
    return write_csv(folder, "channel_billing_2026-11.csv", sh)


def hash_id(s):
    h = 7
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000000007
    return h


def v_pax8(case, folder, rng, perturb):
    ls = vendor_lines(case, rng, 0.2)
    sh = Sheet()
    sh.add(
        [
            "company_name",
            "company_id",
            "vendor_name",
            "type",
            "description",
            "details",
            "sku",
            "quantity",
            "cost",
            "cost_total",
            "price",
            "subtotal",
            "gst",
            "start_period",
            "end_period",
            "invoice_date",
        ]
    )
    for cid, name, group in by_client(case, ls, lambda c: c["canonical"]):
        for v in group:
            p = BY_KEY[v.product]
            u = vunit(v)
            pr = round_up_half(Fraction(u, 100) * Fraction(6, 5))
            det = (
                "Monthly Term - Paid Monthly"
                if v.plan == "FLEXIBLE"
                else "Annual Term - Paid Annually"
                if v.yearly
                else "Annual Term - Paid Monthly"
            )
            sh.add(
                [
                    name,
                    f"{hash_id(name) % 900000 + 100000}",
                    p.maker,
                    "credit" if v.role == "credit" else "subscription",
                    p.name + (" [Monthly]" if v.plan == "FLEXIBLE" else " [Annual]"),
                    det,
                    f"PX8-{p.sku}",
                    v.qty,
                    s2(u),
                    s2(u * v.qty),
                    s2(pr),
                    s2(pr * v.qty),
                    s2(round_up_half(Fraction(abs(u * v.qty), 1000)) * (1 if v.qty > 0 else -1)),
                    "2026-11-01",
                    "2026-11-30",
                    "2026-12-01",
                ],
                v,
            )
    return write_csv(folder, "pax8_invoice_AU-2026-11.csv", sh)


def v_ingram(case, folder, rng, perturb):
    ls = vendor_lines(case, rng, 0.12)
    sh = Sheet()
    sh.add(["Ingram Micro Cloud Marketplace - Australia"])
    sh.add(["Billing statement", "November 2026"])
    sh.add(["Reseller", MSP])
    sh.add([])
    sh.add(
        [
            "End Customer",
            "Vendor",
            "Product",
            "MPN",
            "Subscription ID",
            "Billing Term",
            "Charge Start",
            "Charge End",
            "Qty",
            "Unit Price",
            "Net Price",
            "GST",
            "Total (inc GST)",
        ]
    )
    tot = 0
    for cid, name, group in by_client(case, ls, lambda c: c["canonical"]):
        for v in group:
            p = BY_KEY[v.product]
            u = vunit(v)
            net = u * v.qty
            tot += net
            gst = (
                round_up_half(Fraction(net, 1000))
                if net >= 0
                else -round_up_half(Fraction(-net, 1000))
            )
            term = (
                "Monthly"
                if v.plan == "FLEXIBLE"
                else "Annual Pre-Paid"
                if v.yearly
                else "Annual (Monthly Pay)"
            )
            sh.add(
                [
                    name,
                    p.maker,
                    p.name,
                    p.sku,
                    f"IM-{hash_id(name + p.key) % 10**8:08d}-{v.sub}",
                    term,
                    dt.datetime(2026, 11, 1),
                    dt.datetime(2026, 11, 30),
                    v.qty,
                    n2(u),
                    n2(net),
                    n2(gst),
                    n2(net + gst),
                ],
                v,
            )
    sh.add([])
    sh.add(["Statement total", None, None, None, None, None, None, None, None, None, n2(tot)])
    return write_xlsx(folder, "IngramMicro_Statement_AU_Nov2026.xlsx", [("Statement", sh)])


def v_appdirect(case, folder, rng, perturb):
    ls = vendor_lines(case, rng, 0.15)
    sh = Sheet()
    sh.add(
        [
            "Company",
            "Company External ID",
            "Product",
            "Edition",
            "Pricing Plan",
            "Units",
            "Unit Price",
            "Total",
            "Currency",
            "Period Start",
            "Period End",
        ]
    )
    tot = 0
    for cid, name, group in by_client(case, ls, lambda c: c["canonical"]):
        for v in group:
            prod, ed = split_name(BY_KEY[v.product])
            u = vunit(v)
            tot += u * v.qty
            plan = (
                "Monthly"
                if v.plan == "FLEXIBLE"
                else "Annual (billed yearly)"
                if v.yearly
                else "Annual (billed monthly)"
            )
            sh.add(
                [
                    name,
                    f"EXT-{cid + 1000}",
                    prod,
                    ed,
                    plan,
                    v.qty,
                    n2(u),
                    n2(u * v.qty),
                    "AUD",
                    "Nov 1, 2026",
                    "Nov 30, 2026",
                ],
                v,
            )
    summ = Sheet()
    summ.add(["Marketplace reseller statement"])
    summ.add(["Period", "November 2026"])
    summ.add(["Total (AUD, ex GST)", n2(tot)])
    return write_xlsx(
        folder, "marketplace_statement_2026-11.xlsx", [("Summary", summ), ("Line Items", sh)]
    )


def v_leader(case, folder, rng, perturb):
    ls = vendor_lines(case, rng, 0.1)
    sh = Sheet()
    sh.add(["Leader Cloud - Tax Invoice", "INV-2611-0042"])
    sh.add(["Bill period", "01/11/2026 - 30/11/2026"])
    sh.add(
        [
            "Customer",
            "Vendor",
            "Part No",
            "Description",
            "Term",
            "Qty",
            "Unit Ex GST",
            "Total Ex GST",
            "GST",
            "Total Inc GST",
        ]
    )
    tot = 0
    for cid, name, group in by_client(case, ls, lambda c: c["canonical"]):
        for v in group:
            p = BY_KEY[v.product]
            u = vunit(v)
            net = u * v.qty
            tot += net
            gst = (
                round_up_half(Fraction(net, 1000))
                if net >= 0
                else -round_up_half(Fraction(-net, 1000))
            )
            term = (
                "1 Month"
                if v.plan == "FLEXIBLE"
                else "12 Months (upfront)"
                if v.yearly
                else "12 Months (monthly billing)"
            )
            sh.add(
                [
                    name,
                    p.maker,
                    f"LC-{p.sku}",
                    p.name,
                    term,
                    v.qty,
                    s2(u, True, True),
                    s2(net, True, True),
                    s2(gst, True, True),
                    s2(net + gst, True, True),
                ],
                v,
            )
    sh.add(["", "", "", "", "", "", "Invoice total", s2(tot, True, True), "", ""])
    return write_csv(folder, "leader_cloud_invoice_INV-2611-0042.csv", sh)


def v_crayon(case, folder, rng, perturb):
    ls = vendor_lines(case, rng, 0.15)
    sh = Sheet()
    sh.add(["Crayon Cloud-iQ billing export - November 2026"])
    sh.add(
        [
            "Organization",
            "Customer Tenant",
            "Publisher",
            "Product Name",
            "Part Number",
            "Subscription",
            "Billing Cycle",
            "Quantity",
            "Unit Price",
            "Total Price",
            "Currency",
            "Period From",
            "Period To",
        ]
    )
    tot = 0
    for cid, name, group in by_client(case, ls, lambda c: c["canonical"]):
        c = case.clients[cid]
        for v in group:
            p = BY_KEY[v.product]
            u = vunit(v)
            tot += u * v.qty
            sh.add(
                [
                    name,
                    c["domain"],
                    p.maker,
                    p.name,
                    p.sku,
                    f"{p.name} ({'Flex' if v.plan == 'FLEXIBLE' else 'Annual'})",
                    "Annual" if v.yearly else "Monthly",
                    v.qty,
                    n2(u),
                    n2(u * v.qty),
                    "AUD",
                    "2026-11-01T00:00:00",
                    "2026-11-30T23:59:59",
                ],
                v,
            )
    summ = Sheet()
    summ.add(["Summary"])
    summ.add(["Invoice profile", "Default"])
    summ.add(["Total", n2(tot)])
    return write_xlsx(
        folder, "CloudiQ_Billing_2026-11.xlsx", [("Summary", summ), ("Billing Details", sh)]
    )


def v_synnex(case, folder, rng, perturb):
    ls = vendor_lines(case, rng, 0.15)
    sh = Sheet()
    sh.add(
        [
            "End Customer Name",
            "End Customer Domain",
            "Vendor Name",
            "Product Name",
            "Vendor SKU",
            "Charge Type",
            "Billing Frequency",
            "Quantity",
            "Unit Cost",
            "Extended Cost",
            "Charge Start",
            "Charge End",
            "Currency",
        ]
    )
    for cid, name, group in by_client(case, ls, lambda c: c["canonical"]):
        c = case.clients[cid]
        for v in group:
            p = BY_KEY[v.product]
            u = vunit(v)
            sh.add(
                [
                    name,
                    c["domain"],
                    p.maker,
                    p.name,
                    "AU" + p.sku.replace("-", ""),
                    "Credit" if v.role == "credit" else "Recurring",
                    "Annual" if v.yearly else "Monthly",
                    v.qty,
                    f"{u / 100:.4f}",
                    s2(u * v.qty),
                    "20261101",
                    "20261130",
                    "AUD",
                ],
                v,
            )
    return write_csv(folder, "StreamOne_Ion_Billing_AU_202611.csv", sh)


def v_dicker(case, folder, rng, perturb):
    ls = vendor_lines(case, rng, 0.15)
    sh = Sheet()
    sh.add(["DICKER DATA - CLOUD ANNUITY STATEMENT", "NOV-2026"])
    sh.add(
        [
            "STOCK CODE",
            "STOCK DESCRIPTION",
            "SUBSCRIPTION ID",
            "QTY",
            "CHARGE TYPE",
            "START USAGE",
            "END USAGE",
            "UNIT PRICE",
            "EXTENDED",
            "TERM",
        ]
    )
    for cid, name, group in by_client(
        case, ls, lambda c: c["canonical"].upper() if perturb else c["canonical"]
    ):
        sh.add([f"TENANT: {name}"])
        t = 0
        for v in group:
            p = BY_KEY[v.product]
            u = vunit(v)
            t += u * v.qty
            code = (
                f"P1M:{p.sku}:1:"
                if v.plan == "FLEXIBLE"
                else f"P1Y:{p.sku}:Y:"
                if v.yearly
                else f"P1Y:{p.sku}:1:"
            )
            sh.add(
                [
                    code,
                    p.vterse + (" 1MTH" if v.plan == "FLEXIBLE" else " 1YR"),
                    f"{hash_id(name + p.key) % 10**9:09d}",
                    v.qty,
                    "CREDIT" if v.role == "credit" else "RECURRING",
                    "01-NOV-2026",
                    "30-NOV-2026",
                    s2(u, True, True),
                    s2(u * v.qty, True, True),
                    "ANNUAL UPFRONT" if v.yearly else "MONTHLY",
                ],
                v,
            )
        sh.add(["TENANT TOTAL", None, None, None, None, None, None, None, s2(t, True, True)])
    return write_xlsx(folder, "DickerData_Annuity_NOV2026.xlsx", [("Annuity", sh)])


# ---------------------------------------------------------------- PSA side


def psa_lines(case, rng, yearly_share=0.0):
    for p in case.plines:
        p.classes = [c for c in p.classes if c != "psa_annual_billed_line"]
        p.yearly = p.role != "service" and yearly_share > 0 and rng.random() < yearly_share
        if p.yearly:
            p.classes.append("psa_annual_billed_line")
    return case.plines


def punit(p):
    return m2(p.unit * (12 if p.yearly else 1))


def pname(c):
    return c["psa_name"]


def p_xero(case, folder, rng):
    ls = psa_lines(case, rng)
    sh = Sheet()
    sh.add(
        [
            "*ContactName",
            "EmailAddress",
            "*InvoiceNumber",
            "Reference",
            "*InvoiceDate",
            "*DueDate",
            "InventoryItemCode",
            "*Description",
            "*Quantity",
            "*UnitAmount",
            "LineAmount",
            "*AccountCode",
            "*TaxType",
            "TaxAmount",
            "Currency",
            "Status",
        ]
    )
    for i, (cid, name, group) in enumerate(by_client(case, ls, pname)):
        c = case.clients[cid]
        for p in group:
            u = punit(p)
            amt = u * p.qty
            sh.add(
                [
                    name,
                    f"accounts@{c['domain']}",
                    f"INV-{4100 + i}",
                    "Nov-26 recurring",
                    "01/11/2026",
                    "15/11/2026",
                    "" if p.role != "service" else "SVC",
                    p.text,
                    p.qty,
                    s2(u),
                    s2(amt),
                    "200" if p.role == "service" else "210",
                    "GST on Income",
                    s2(round_up_half(Fraction(amt, 1000))),
                    "AUD",
                    "VOIDED" if p.role == "not_billed" else "AUTHORISED",
                ],
                p,
            )
    return write_csv(folder, "Invoices_export_Nov2026.csv", sh)


def p_myob(case, folder, rng):
    ls = psa_lines(case, rng)
    sh = Sheet()
    sh.add([MSP])
    sh.add(["Sales [Item Detail]"])
    sh.add(["1/11/2026 To 30/11/2026"])
    sh.add([])
    sh.add(
        [
            "Customer",
            "Date",
            "Invoice #",
            "Item #",
            "Item Name",
            "Qty",
            "Unit Price",
            "Amount",
            "Status",
        ]
    )
    for i, (cid, name, group) in enumerate(by_client(case, ls, pname)):
        sh.add([name])
        t = 0
        for j, p in enumerate(group):
            u = punit(p)
            amt = u * p.qty
            if p.role != "not_billed":
                t += amt
            sh.add(
                [
                    None,
                    dt.datetime(2026, 11, 1),
                    f"{7000 + i:08d}",
                    ("SVC-" if p.role == "service" else "LIC-") + f"{j + 1:02d}",
                    p.text,
                    p.qty,
                    n2(u),
                    n2(amt),
                    "Reversed" if p.role == "not_billed" else "Closed",
                ],
                p,
            )
        sh.add([f"Total: {name}", None, None, None, None, None, None, n2(t)])
    return write_xlsx(folder, "Sales_Item_Detail_Nov2026.xlsx", [("Sales Item Detail", sh)])


GENERIC = [
    "Monthly licence charge",
    "Cloud subscription",
    "$STARTDATE - $ENDDATE",
    "Per user licence",
]


def p_halo(case, folder, rng):
    ls = psa_lines(case, rng, 0.1)
    sh = Sheet()
    sh.add(["Recurring Invoice Lines - All Clients"])
    sh.add(["Generated 03/11/2026 09:14"])
    sh.add(
        [
            "Client",
            "Site",
            "Contract Ref",
            "Item",
            "Description",
            "Quantity",
            "Unit Price",
            "Net Amount",
            "Billing Frequency",
            "Start Date",
            "End Date",
            "Active",
        ]
    )
    for cid, name, group in by_client(case, ls, pname):
        for p in group:
            u = punit(p)
            sh.add(
                [
                    name,
                    "Main",
                    f"CT-{cid + 2000}",
                    p.text,
                    rng.choice(GENERIC),
                    p.qty,
                    n2(u),
                    n2(u * p.qty),
                    "Annually" if p.yearly else "Monthly",
                    "01/07/2026",
                    "31/10/2026" if p.role == "not_billed" else "",
                    "No" if p.role == "not_billed" else "Yes",
                ],
                p,
            )
    return write_xlsx(folder, "HaloPSA_recurring_lines.xlsx", [("Report", sh)])


def p_cw(case, folder, rng):
    ls = psa_lines(case, rng)
    sh = Sheet()
    sh.add(
        [
            "Company Name",
            "Agreement Name",
            "Agreement Type",
            "Sequence",
            "Product ID",
            "Description",
            "Quantity",
            "Less Included",
            "Price",
            "Ext Price",
            "Effective",
            "Cancelled",
            "Addition Status",
            "Bill",
        ]
    )
    for cid, name, group in by_client(case, ls, pname):
        for j, p in enumerate(group):
            u = punit(p)
            nb = p.role == "not_billed"
            sh.add(
                [
                    name,
                    "Managed Cloud Agreement",
                    "Cloud Services",
                    j + 1,
                    "SVC-MSP" if p.role == "service" else "SAAS-LIC",
                    p.text,
                    p.qty,
                    0,
                    s2(u),
                    s2(u * p.qty),
                    "01/07/2026",
                    "15/10/2026" if nb else "",
                    "Cancelled" if nb else "Active",
                    "Billable",
                ],
                p,
            )
    return write_csv(folder, "agreement_additions_export.csv", sh)


def p_autotask(case, folder, rng):
    ls = psa_lines(case, rng, 0.12)
    sh = Sheet()
    sh.add(
        [
            "Account Name",
            "Contract Name",
            "Service Name",
            "Period Type",
            "Units",
            "Unit Price",
            "Adjusted Price",
            "Start Date",
            "End Date",
        ]
    )
    tot = 0
    for cid, name, group in by_client(case, ls, pname):
        for p in group:
            u = punit(p)
            if p.role != "not_billed":
                tot += u * p.qty
            sh.add(
                [
                    name,
                    "Recurring Services 2026",
                    p.text,
                    "Yearly" if p.yearly else "Monthly",
                    p.qty,
                    s2(u),
                    s2(u * p.qty),
                    "2026-07-01",
                    "2026-10-31" if p.role == "not_billed" else "2027-06-30",
                ],
                p,
            )
    sh.add(["Total", "", "", "", "", "", s2(tot), "", ""])
    return write_csv(folder, "ContractServices_Report.csv", sh)


def p_syncro(case, folder, rng):
    ls = psa_lines(case, rng, 0.1)
    sh = Sheet()
    sh.add(
        [
            "customer_business_then_name",
            "schedule_name",
            "frequency",
            "paused",
            "name",
            "description",
            "quantity",
            "retail_cents",
            "cost_cents",
            "next_run",
        ]
    )
    for cid, name, group in by_client(case, ls, pname):
        for p in group:
            u = punit(p)
            sh.add(
                [
                    name,
                    "Monthly SaaS" if not p.yearly else "Annual SaaS",
                    "Annually" if p.yearly else "Monthly",
                    "true" if p.role == "not_billed" else "false",
                    p.text,
                    rng.choice(GENERIC[:2] + ["User licence"]),
                    p.qty,
                    u,
                    "",
                    "2026-12-01",
                ],
                p,
            )
    return write_csv(folder, "recurring_invoice_line_items.csv", sh)


def p_qbo(case, folder, rng):
    ls = psa_lines(case, rng)
    sh = Sheet()
    sh.add([MSP])
    sh.add(["Sales by Customer Detail"])
    sh.add(["November 2026"])
    sh.add(
        [
            "",
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
    )
    grand = 0
    for i, (cid, name, group) in enumerate(by_client(case, ls, pname)):
        sh.add([name])
        bal = 0
        for p in group:
            u = punit(p)
            amt = 0 if p.role == "not_billed" else u * p.qty
            bal += amt
            sh.add(
                [
                    "",
                    "01/11/2026",
                    "Invoice",
                    str(1200 + i),
                    p.text,
                    "Voided" if p.role == "not_billed" else "Recurring",
                    p.qty,
                    s2(u, comma=True),
                    s2(amt, comma=True),
                    s2(bal, comma=True),
                ],
                p,
            )
        sh.add([f"Total for {name}", "", "", "", "", "", "", "", s2(bal, comma=True), ""])
        grand += bal
    sh.add(["TOTAL", "", "", "", "", "", "", "", s2(grand, comma=True), ""])
    return write_csv(folder, "SalesByCustomerDetail.csv", sh)


def p_superops(case, folder, rng):
    ls = psa_lines(case, rng, 0.1)
    sh = Sheet()
    sh.add(
        [
            "Client",
            "Contract",
            "Item",
            "Item Description",
            "Item Status",
            "Billing Cycle",
            "Quantity",
            "Rate",
            "Amount",
            "Start Date",
        ]
    )
    for cid, name, group in by_client(case, ls, pname):
        for p in group:
            u = punit(p)
            sh.add(
                [
                    name,
                    "Cloud & Managed Services",
                    p.text,
                    "",
                    "Cancelled" if p.role == "not_billed" else "Active",
                    "Annual" if p.yearly else "Monthly",
                    p.qty,
                    s2(u, True, True, "A$"),
                    s2(u * p.qty, True, True, "A$"),
                    "Jul 1, 2026",
                ],
                p,
            )
    return write_csv(folder, "contract_billing_items.csv", sh)


VENDORS = {
    "gws_channel_console_domain_billing_csv": v_gws_console,
    "pax8_au_invoice_vendor_gst_csv": v_pax8,
    "ingram_au_cloud_statement_title_xlsx": v_ingram,
    "appdirect_marketplace_product_edition_xlsx": v_appdirect,
    "leader_cloud_invoice_exgst_dollar_csv": v_leader,
    "crayon_cloudiq_summary_first_xlsx": v_crayon,
    "synnex_ion_au_yyyymmdd_csv": v_synnex,
    "dicker_cloud_tenant_blocks_xlsx": v_dicker,
}
PSAS = {
    "xero_invoices_voided_status_csv": p_xero,
    "myob_sales_item_detail_grouped_xlsx": p_myob,
    "halopsa_au_recurring_lines_xlsx": p_halo,
    "cw_agreement_additions_au_csv": p_cw,
    "autotask_service_units_total_csv": p_autotask,
    "syncro_recurring_items_paused_au_csv": p_syncro,
    "qbo_au_customer_detail_csv": p_qbo,
    "superops_contract_items_adollar_csv": p_superops,
}
