"""PSA and accounting exports of set Q (what the MSP bills), with layout variants per seed."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction as F

from .catalog import BY_KEY
from .vendors import dfmt, eu, q2
from .writers import Sheet

SYM = {"USD": "$", "CAD": "$", "AUD": "$", "NZD": "$", "GBP": "£", "EUR": "€"}


def _ordered(case):
    names = {c.cid: c.name for c in case.clients}
    return sorted(case.plines, key=lambda x: (names[x.cid].lower(), x.seq))


def _groups(case):
    out = []
    cur, grp = None, []
    for x in _ordered(case):
        if x.cid != cur:
            if grp:
                out.append((cur, grp))
            cur, grp = x.cid, []
        grp.append(x)
    if grp:
        out.append((cur, grp))
    return out


def monthly_unit(x) -> F:
    return x.monthly


def item_kind(x):
    if x.pkey is None:
        t = x.text.lower()
        if "hardware" in t:
            return "hardware"
        if "project" in t or "workshop" in t or "setup" in t:
            return "project"
        if "hour" in t or "labour" in t:
            return "labour"
        return "managed"
    return "ms" if BY_KEY[x.pkey].ms else "other"


def connectwise_additions_csv(case, disp, cdisp, rng, cur):
    full = [
        "Company Name",
        "Agreement Name",
        "Agreement Type",
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
        "Agreement Status",
        "Addition Status",
        "Cost",
        "Ext Cost",
    ]
    variant = rng.choice(["full", "no_status", "short"])
    if variant == "no_status":
        cols = [c for c in full if c not in ("Addition Status", "Agreement Status")]
    elif variant == "short":
        cols = [
            "Company",
            "Agreement",
            "Product ID",
            "Description",
            "Quantity",
            "Less Included",
            "Unit Price",
            "Ext Price",
            "Effective Date",
            "Cancelled Date",
        ]
    else:
        cols = full
    alias = {
        "Company": "Company Name",
        "Agreement": "Agreement Name",
        "Unit Price": "Price",
        "Effective Date": "Effective",
        "Cancelled Date": "Cancelled",
    }
    sh = Sheet()
    sh.add(cols)
    pid = {
        "ms": "MSFT-CSP-NCE",
        "other": "SAAS-RESALE",
        "managed": "MANAGED-SVC",
        "labour": "LABOR-BLOCK",
        "project": "PROJ-FIXED",
        "hardware": "HW-RESALE",
    }
    seq = {}
    for x in _ordered(case):
        name, _ = cdisp[x.cid]
        desc, _ = disp[id(x)]
        seq[x.cid] = seq.get(x.cid, 0) + 1
        inactive = x.role == "inactive"
        unit = monthly_unit(x)
        billed = x.qty
        row = {
            "Company Name": name,
            "Agreement Name": f"{name[:30]} - Managed Agreement"
            if rng.random() < 0.5
            else "Managed IT - Monthly",
            "Agreement Type": "Managed Services",
            "Sequence": seq[x.cid],
            "Effective": dfmt(dt.date(2025, 1 + x.seq % 12, 1), "us"),
            "Cancelled": dfmt(dt.date(2026, 10, 1 + x.seq % 28), "us") if inactive else "",
            "Product ID": pid[item_kind(x)],
            "Description": desc,
            "Quantity": billed + x.included,
            "Less Included": x.included,
            "Price": q2(unit),
            "Ext Price": q2(unit * billed),
            "Bill": "Billable",
            "Agreement Status": "Active",
            "Addition Status": "Cancelled" if inactive else "Active",
            "Cost": q2(BY_KEY[x.pkey].c if x.pkey else unit / 2),
            "Ext Cost": q2((BY_KEY[x.pkey].c if x.pkey else unit / 2) * billed),
        }
        sh.add([row[alias.get(k, k)] for k in cols], ("p", x, "cancelled" if inactive else None))
    return "agreement_additions.csv", [sh], {"kind": "csv"}, None


def autotask_contract_services_xlsx(case, disp, cdisp, rng, cur):
    cols = [
        "Account",
        "Contract",
        "Service",
        "Invoice Description",
        "Units",
        "Unit Price",
        "Adjusted Price",
        "Unit Cost",
        "Extended Price",
        "Period Type",
        "Start Date",
        "End Date",
    ]
    if rng.random() < 0.5:
        cols = [
            "Contract",
            "Account",
            "Service",
            "Period Type",
            "Units",
            "Unit Price",
            "Adjusted Price",
            "Extended Price",
            "Start Date",
            "End Date",
        ]
    sh = Sheet(rng.choice(["Contract Services", "Sheet1"]))
    sh.add(cols)
    total = F(0)
    for x in _ordered(case):
        name, _ = cdisp[x.cid]
        desc, _ = disp[id(x)]
        ended = x.role == "inactive"
        lu = x.list_unit if x.list_unit is not None else x.unit
        ext = x.unit * x.qty
        row = {
            "Account": name,
            "Contract": f"{name} - Recurring Services"
            if rng.random() < 0.3
            else "Recurring Services 2026",
            "Service": desc,
            "Invoice Description": "Monthly recurring" if x.pkey else "",
            "Units": x.qty,
            "Unit Price": lu,
            "Adjusted Price": x.unit,
            "Unit Cost": BY_KEY[x.pkey].c * (12 if x.annual else 1) if x.pkey else F(0),
            "Extended Price": ext,
            "Period Type": "Yearly" if x.annual else "Monthly",
            "Start Date": dt.date(2025, 7, 1),
            "End Date": dt.date(2026, 10, 31) if ended else dt.date(2027, 6, 30),
        }
        if not ended:
            total += ext
        sh.add([row[k] for k in cols], ("p", x, "ended" if ended else None))
    tot = [""] * len(cols)
    tot[0] = "Total"
    tot[cols.index("Extended Price")] = total
    sh.add(tot)
    return "ContractServices.xlsx", [sh], {"kind": "xlsx", "date_format": "m/d/yyyy"}, None


def halopsa_recurring_csv(case, disp, cdisp, rng, cur):
    cols = [
        "Client Name",
        "Recurring Invoice",
        "Item",
        "Long Description",
        "Qty",
        "Unit Price",
        "Net Amount",
        "Frequency",
        "Next Run",
        "Active",
    ]
    sh = Sheet()
    sh.add(["Recurring Invoice Lines"])
    sh.add([f"Report run {dfmt(dt.date(2026, 12, 2), 'uk')} 09:14 by billing@q-managed.example"])
    sh.add([])
    sh.add(cols)
    longd = [
        "Licences for $MONTHNAME $YEAR",
        "Billing period: $PERIODSTART - $PERIODEND",
        "",
        "Recurring - $MONTH/$YEAR",
    ]
    for x in _ordered(case):
        name, _ = cdisp[x.cid]
        desc, _ = disp[id(x)]
        inactive = x.role == "inactive"
        row = {
            "Client Name": name,
            "Recurring Invoice": f"RI-{1000 + x.cid}",
            "Item": desc,
            "Long Description": rng.choice(longd) if x.pkey else "",
            "Qty": str(x.qty),
            "Unit Price": q2(x.unit),
            "Net Amount": q2(x.unit * x.qty),
            "Frequency": "Yearly" if x.annual else "Monthly",
            "Next Run": dfmt(dt.date(2026, 12, 1), "uk"),
            "Active": "No" if inactive else "Yes",
        }
        sh.add([row[k] for k in cols], ("p", x, "cancelled" if inactive else None))
    return "halo_recurring_invoice_lines.csv", [sh], {"kind": "csv", "bom": True}, None


def syncro_schedules_csv(case, disp, cdisp, rng, cur):
    cols = [
        "customer",
        "schedule_name",
        "frequency",
        "paused",
        "name",
        "description",
        "quantity",
        "retail_cents",
        "cost_cents",
        "taxable",
    ]
    sh = Sheet()
    sh.add(cols)
    generic = ["User licence", "Cloud subscription", "Monthly service", "Per user", "Subscription"]
    for x in _ordered(case):
        name, _ = cdisp[x.cid]
        desc, _ = disp[id(x)]
        paused = x.role == "inactive"
        cost = BY_KEY[x.pkey].c * (12 if x.annual else 1) if x.pkey else x.unit / 2
        row = {
            "customer": name,
            "schedule_name": f"{'Annual' if x.annual else 'Monthly'} - {name[:20]}"
            + (" (paused)" if paused and rng.random() < 0.3 else ""),
            "frequency": "Annually" if x.annual else "Monthly",
            "paused": "true" if paused else "false",
            "name": desc,
            "description": rng.choice(generic) if x.pkey else "",
            "quantity": str(x.qty),
            "retail_cents": str(int(x.unit * 100)),
            "cost_cents": str(int(cost * 100)),
            "taxable": "true",
        }
        sh.add([row[k] for k in cols], ("p", x, "paused" if paused else None))
    return "syncro_recurring_line_items.csv", [sh], {"kind": "csv"}, None


def kaseya_bms_xlsx(case, disp, cdisp, rng, cur):
    cols = [
        "Account Name",
        "Contract Name",
        "Service Name",
        "Description",
        "Quantity",
        "Unit Price",
        "Extended Price",
        "Billing Frequency",
        "Start Date",
        "End Date",
        "Status",
    ]
    sh = Sheet("Recurring Services")
    sh.add(["Recurring Services Report"])
    sh.add(["Status: All  |  Period: November 2026"])
    sh.add(cols)
    svc = {
        "ms": "Microsoft Licensing",
        "other": "Third-Party Licensing",
        "managed": "Managed Services",
        "labour": "Labour",
        "project": "Projects",
        "hardware": "Hardware",
    }
    for x in _ordered(case):
        name, _ = cdisp[x.cid]
        desc, _ = disp[id(x)]
        inactive = x.role == "inactive"
        row = {
            "Account Name": name,
            "Contract Name": "MSA 2026",
            "Service Name": svc[item_kind(x)],
            "Description": desc,
            "Quantity": x.qty,
            "Unit Price": x.unit,
            "Extended Price": x.unit * x.qty,
            "Billing Frequency": "Annually" if x.annual else "Monthly",
            "Start Date": dt.date(2025, 3, 1),
            "End Date": None,
            "Status": "Cancelled" if inactive else "Active",
        }
        sh.add([row[k] for k in cols], ("p", x, "cancelled" if inactive else None))
    return "BMS_RecurringServices.xlsx", [sh], {"kind": "xlsx", "date_format": "dd-mmm-yyyy"}, None


def qbo_sales_detail_xlsx(case, disp, cdisp, rng, cur):
    cols = [
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
    sh = Sheet("Sales by Customer Detail")
    sh.add(["Q Managed IT LLC"])
    sh.add(["Sales by Customer Detail"])
    sh.add(["November 2026"])
    sh.add([])
    sh.add(cols)
    item = {
        "ms": "Software Licences",
        "other": "Software Licences",
        "managed": "Managed Services",
        "labour": "Labour",
        "project": "Projects",
        "hardware": "Hardware",
    }
    if rng.random() < 0.5:
        item.update({"ms": "Licensing:Microsoft", "other": "Licensing:Third Party"})
    num = 1040
    grand = F(0)
    for cid, grp in _groups(case):
        name, _ = cdisp[cid]
        sh.add([name])
        bal = F(0)
        num += 1
        for x in grp:
            desc, _ = disp[id(x)]
            unit = monthly_unit(x)
            voided = x.role == "inactive"
            amt = F(0) if voided else unit * x.qty
            bal += amt
            sh.add(
                [
                    "",
                    dt.date(2026, 11, 1),
                    "Invoice",
                    str(num + (1000 if voided else 0)),
                    item[item_kind(x)],
                    ("Voided: " + desc) if voided else desc,
                    0 if voided else x.qty,
                    unit,
                    amt,
                    bal,
                ],
                ("p", x, "voided" if voided else None),
            )
        sh.add([f"Total for {name}", "", "", "", "", "", "", "", bal, ""])
        grand += bal
    sh.add(["TOTAL", "", "", "", "", "", "", "", grand, ""])
    sh.add([])
    sh.add([f"Cash Basis  {dfmt(dt.date(2026, 12, 2), 'long')}"])
    return (
        "SalesByCustomerDetail_Nov2026.xlsx",
        [sh],
        {"kind": "xlsx", "date_format": "mm/dd/yyyy"},
        None,
    )


def xero_invoice_detail_csv(case, disp, cdisp, rng, cur):
    cols = [
        "Invoice Date",
        "Invoice Number",
        "Reference",
        "Item Code",
        "Description",
        "Quantity",
        "Unit Price",
        "Discount %",
        "Line Amount",
        "Tax Rate",
        "Status",
    ]
    sh = Sheet()
    sh.add(["Receivable Invoice Detail"])
    sh.add(["Q Managed IT Pty Ltd"])
    sh.add(["For the period 1 November 2026 to 30 November 2026"])
    sh.add([])
    sh.add(cols)
    code = {
        "ms": "LIC-MS",
        "other": "LIC-3P",
        "managed": "MSP-USER",
        "labour": "LAB",
        "project": "PROJ",
        "hardware": "HW",
    }
    inv = 7700
    sym = SYM.get(cur, "")
    for cid, grp in _groups(case):
        name, _ = cdisp[cid]
        sh.add([name])
        inv += 1
        tot = F(0)
        for x in grp:
            desc, _ = disp[id(x)]
            voided = x.role == "inactive"
            unit = monthly_unit(x)
            lu = x.list_unit / (12 if x.annual else 1) if x.list_unit is not None else unit
            pct = (1 - unit / lu) * 100 if lu else 0
            amt = unit * x.qty
            if not voided:
                tot += amt
            sh.add(
                [
                    dfmt(dt.date(2026, 11, 1), "long"),
                    f"INV-{inv + (500 if voided else 0)}",
                    f"Nov-26 {name[:12]}",
                    code[item_kind(x)],
                    desc,
                    f"{x.qty:.2f}",
                    f"{float(lu):,.2f}",
                    f"{float(pct):.2f}" if pct else "",
                    f"{float(amt):,.2f}",
                    "GST on Income" if cur in ("AUD", "NZD") else "20% (VAT on Income)",
                    "Voided" if voided else rng.choice(["Awaiting Payment", "Paid"]),
                ],
                ("p", x, "voided" if voided else None),
            )
        sh.add([f"Total {name}", "", "", "", "", "", "", "", f"{sym}{float(tot):,.2f}", "", ""])
    return "Receivable_Invoice_Detail.csv", [sh], {"kind": "csv"}, None


def lexoffice_recurring_csv(case, disp, cdisp, rng, cur):
    cols = [
        "Kunde",
        "Kundennummer",
        "Vorlage",
        "Pos.",
        "Bezeichnung",
        "Menge",
        "Einheit",
        "Einzelpreis netto",
        "Rabatt %",
        "Gesamt netto",
        "Währung",
        "Intervall",
        "Status",
        "Nächste Rechnung",
    ]
    sh = Sheet()
    sh.add(cols)
    pos = {}
    for x in _ordered(case):
        name, _ = cdisp[x.cid]
        desc, _ = disp[id(x)]
        paused = x.role == "inactive"
        pos[x.cid] = pos.get(x.cid, 0) + 1
        lu = x.list_unit if x.list_unit is not None else x.unit
        pct = (1 - x.unit / lu) * 100 if lu else 0
        row = {
            "Kunde": name,
            "Kundennummer": str(10000 + x.cid),
            "Vorlage": "Wiederkehrend " + ("jährlich" if x.annual else "monatlich"),
            "Pos.": str(pos[x.cid]),
            "Bezeichnung": desc,
            "Menge": eu(F(x.qty)),
            "Einheit": "Lizenz" if x.pkey else "Stk.",
            "Einzelpreis netto": eu(lu),
            "Rabatt %": eu(pct) if pct else "",
            "Gesamt netto": eu(x.unit * x.qty),
            "Währung": cur,
            "Intervall": "jährlich" if x.annual else "monatlich",
            "Status": "pausiert" if paused else "aktiv",
            "Nächste Rechnung": dfmt(dt.date(2026, 12, 1), "de"),
        }
        sh.add([row[k] for k in cols], ("p", x, "paused" if paused else None))
    return (
        "Wiederkehrende_Rechnungen_Positionen.csv",
        [sh],
        {"kind": "csv", "delimiter": ";", "bom": True},
        None,
    )


PSAS = {
    "connectwise_additions_csv": connectwise_additions_csv,
    "autotask_contract_services_xlsx": autotask_contract_services_xlsx,
    "halopsa_recurring_csv": halopsa_recurring_csv,
    "syncro_schedules_csv": syncro_schedules_csv,
    "kaseya_bms_xlsx": kaseya_bms_xlsx,
    "qbo_sales_detail_xlsx": qbo_sales_detail_xlsx,
    "xero_invoice_detail_csv": xero_invoice_detail_csv,
    "lexoffice_recurring_csv": lexoffice_recurring_csv,
}
