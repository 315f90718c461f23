"""PSA / accounting exports (what the MSP bills its clients)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from .catalog import GENERIC_SYNCRO_DESC
from .writers import Layout, Num, date_str, write_csv, write_xlsx

P0 = dt.date(2026, 11, 1)
CANCEL_DATE = dt.date(2026, 10, 15)
INACTIVE = {"cancelled", "paused", "voided", "ended", "inactive", "do_not_bill"}


def _m(x):
    return D(x).quantize(D("0.01"))


def _codes(case):
    rng = case.rng_layout
    style = rng.choice(["MS-{:03d}", "LIC{:04d}", "SKU-{:04d}", "{:05d}"])
    keys = sorted({pl.key for pl in case.plines if pl.key})
    nums = rng.sample(range(1, 9000), len(keys))
    codes = {k: style.format(n) for k, n in zip(keys, nums)}
    svc = {}
    for pl in case.plines:
        if not pl.key and pl.text_clean not in svc:
            svc[pl.text_clean] = (
                "SVC-"
                + "".join(w[0] for w in pl.text_clean.split() if w[0].isalnum()).upper()[:6]
                + f"{len(svc):02d}"
            )
    return codes, svc


def _code(pl, codes, svc):
    return codes[pl.key] if pl.key else svc[pl.text_clean]


def _ordered(case):
    return sorted(case.plines, key=lambda p: (case.clients[p.cid].name.lower(), p.cid, p.lid))


def _num(case, rng, allow_comma=True):
    if case.currency == "EUR" and allow_comma and rng.random() < 0.6:
        return Num("comma", case.currency), ";"
    return Num(rng.choice(["plain", "plain", "thousands", "sym"]), case.currency), ","


def _freq(pl):
    return {"monthly": "Monthly", "quarterly": "Quarterly", "annual": "Yearly"}[pl.period]


# --------------------------------------------------------------- ConnectWise agreement additions (list view export)
def cw_additions(case, folder):
    rng = case.rng_layout
    codes, svc = _codes(case)
    cols = [
        ("agr", ["Agreement Name", "Agreement"], True),
        ("atype", ["Agreement Type"], False),
        ("co", ["Company Name", "Company"], True),
        ("seq", ["Sequence"], False),
        ("eff", ["Effective"], True),
        ("canc", ["Cancelled"], True),
        ("pid", ["Product ID"], True),
        ("desc", ["Description"], True),
        ("qty", ["Quantity"], True),
        ("li", ["Less Included"], True),
        ("price", ["Price", "Unit Price"], True),
        ("ext", ["Ext Price", "Extended Price"], True),
        ("bill", ["Bill", "Bill Customer"], True),
        ("tax", ["Tax"], False),
        ("status", ["Addition Status"], True),
        ("astatus", ["Agreement Status"], False),
        ("cost", ["Cost", "Unit Cost"], False),
        ("extcost", ["Ext Cost"], False),
        ("margin", ["Margin"], False),
    ]
    lay = Layout(rng, cols, drop=0.3)
    num, delim = _num(case, rng)
    ds = rng.choice(["us", "us0", "iso", "eu"])
    recs = [(None, lay.header)]
    seq = {}
    for pl in _ordered(case):
        c = case.clients[pl.cid]
        seq[pl.cid] = seq.get(pl.cid, 0) + 1
        canc = pl.role == "cancelled"
        d = {
            "agr": f"{c.psa_name} - {rng.choice(['Managed Services', 'MSA', 'Cloud Licensing', 'Microsoft 365 Agreement'])}",
            "atype": rng.choice(["Managed Services", "Licensing", "Block Time"]),
            "co": c.psa_name,
            "seq": seq[pl.cid],
            "eff": date_str(dt.date(2025, rng.randint(1, 12), 1), ds),
            "canc": date_str(CANCEL_DATE, ds) if canc else "",
            "pid": _code(pl, codes, svc),
            "desc": pl.text,
            "qty": num.qty(pl.qty),
            "li": num.qty(pl.less_included),
            "price": num.money(pl.price),
            "ext": num.money(_m(pl.price * (pl.qty - pl.less_included))),
            "bill": "Do Not Bill" if pl.role == "do_not_bill" else "Billable",
            "tax": "Y",
            "status": "Cancelled" if canc else "Active",
            "astatus": "Active",
            "cost": num.money(pl.cost),
            "extcost": num.money(_m(pl.cost * pl.qty)),
            "margin": num.money(_m((pl.price - pl.cost) * (pl.qty - pl.less_included))),
        }
        recs.append((pl.lid, lay.row(d)))
    name = "AgreementAdditions.csv"
    return name, None, write_csv(folder / name, recs, delimiter=delim)


# --------------------------------------------------------------- ConnectWise API-style subset (xlsx), cancellation only as a date
def cw_api(case, folder):
    rng = case.rng_layout
    codes, svc = _codes(case)
    cols = [
        ("co", ["company/name", "Company"], True),
        ("agr", ["agreement/name", "Agreement"], True),
        ("pid", ["product/identifier", "Product"], True),
        ("desc", ["description", "Description"], True),
        ("inv", ["invoiceDescription"], False),
        ("qty", ["quantity", "Qty"], True),
        ("li", ["lessIncluded", "Less Incl."], True),
        ("price", ["unitPrice", "Unit Price"], True),
        ("cost", ["unitCost", "Unit Cost"], False),
        ("bill", ["billCustomer"], True),
        ("eff", ["effectiveDate", "Effective Date"], True),
        ("canc", ["cancelledDate", "Cancelled Date"], True),
        ("ext", ["extPrice"], False),
    ]
    lay = Layout(rng, cols)
    recs = [(None, lay.header)]
    for pl in _ordered(case):
        c = case.clients[pl.cid]
        d = {
            "co": c.psa_name,
            "agr": f"{c.psa_name} MSA",
            "pid": _code(pl, codes, svc),
            "desc": pl.text,
            "inv": pl.text if rng.random() < 0.3 else "",
            "qty": pl.qty,
            "li": pl.less_included,
            "price": pl.price,
            "cost": pl.cost,
            "bill": "DoNotBill" if pl.role == "do_not_bill" else "Billable",
            "eff": dt.date(2025, rng.randint(1, 12), 1),
            "canc": CANCEL_DATE if pl.role == "cancelled" else None,
            "ext": _m(pl.price * (pl.qty - pl.less_included)),
        }
        recs.append((pl.lid, lay.row(d)))
    name = "agreement_additions_export.xlsx"
    return name, "Additions", write_xlsx(folder / name, [("Additions", recs)], "Additions")


# --------------------------------------------------------------- Autotask contract services (xlsx, title rows, totals row)
def autotask(case, folder):
    rng = case.rng_layout
    cols = [
        ("contract", ["Contract Name", "Contract"], True),
        ("acct", ["Account Name", "Organization", "Customer"], True),
        ("svc", ["Service Name", "Service"], True),
        ("units", ["Units", "Quantity"], True),
        ("up", ["Unit Price"], True),
        ("adj", ["Adjusted Price", "Adjusted Unit Price"], True),
        ("uc", ["Unit Cost"], False),
        ("period", ["Period Type", "Billing Period"], True),
        ("start", ["Start Date"], True),
        ("end", ["End Date"], True),
        ("ext", ["Extended Price"], False),
    ]
    lay = Layout(rng, cols)
    recs = [
        (None, ["Contract Services Report"]),
        (None, [f"{case.msp_name} - generated 2026-11-02"]),
        (None, []),
    ]
    recs.append((None, lay.header))
    tot = D(0)
    for pl in _ordered(case):
        c = case.clients[pl.cid]
        eff = pl.adjusted if pl.adjusted is not None else pl.price
        tot += _m(eff * pl.qty)
        d = {
            "contract": f"{c.psa_name} - Recurring Services",
            "acct": c.psa_name,
            "svc": pl.text,
            "units": pl.qty,
            "up": pl.price,
            "adj": pl.adjusted,
            "uc": pl.cost,
            "period": _freq(pl),
            "start": dt.date(2025, rng.randint(1, 12), 1),
            "end": dt.date(2026, 10, 31)
            if pl.role == "ended"
            else dt.date(2027, rng.randint(1, 12), 28),
            "ext": _m(eff * pl.qty),
        }
        recs.append((pl.lid, lay.row(d)))
    keys = [k for k, _ in lay.cols]
    tr = [None] * len(keys)
    tr[0] = "Total"
    if "ext" in keys:
        tr[keys.index("ext")] = tot
    recs.append((None, tr))
    name = "Autotask_ContractServices.xlsx"
    return name, None, write_xlsx(folder / name, [("Contract Services", recs)], "Contract Services")


# --------------------------------------------------------------- HaloPSA recurring invoice lines (CSV, title rows)
def halopsa(case, folder):
    rng = case.rng_layout
    codes, svc = _codes(case)
    api = rng.random() < 0.5
    cols = [
        ("client", ["client_name" if api else "Client"], True),
        ("ri", ["recurring_invoice_id" if api else "Recurring Invoice"], False),
        ("code", ["item_code" if api else "Item Code"], False),
        ("short", ["item_shortdescription" if api else "Item"], True),
        ("long", ["item_longdescription" if api else "Long Description"], True),
        ("up", ["unit_price" if api else "Unit Price"], True),
        ("qty", ["qty_order" if api else "Quantity"], True),
        ("net", ["net_amount" if api else "Net Amount"], True),
        ("period", ["billing_period" if api else "Billing Period"], True),
        ("end", ["end_date" if api else "End Date"], True),
    ]
    lay = Layout(rng, cols, drop=0.2)
    num, delim = _num(case, rng)
    ds = rng.choice(["eu", "iso", "us0"])
    recs = [(None, ["Recurring Invoice Lines"]), (None, [f"Run by {case.msp_name} on 02/11/2026"])]
    if rng.random() < 0.4:
        recs.append((None, []))
    recs.append((None, lay.header))
    for pl in _ordered(case):
        c = case.clients[pl.cid]
        long = rng.choice(
            [
                "Licences for $MONTHNAME $YEAR\nBilled monthly in advance",
                "Recurring charge\nPeriod: $STARTDATE - $ENDDATE",
                "",
                "Per agreement",
            ]
        )
        d = {
            "client": c.psa_name,
            "ri": f"RI{1000 + pl.cid}",
            "code": _code(pl, codes, svc),
            "short": pl.text,
            "long": long,
            "up": num.money(pl.price),
            "qty": num.qty(pl.qty),
            "net": num.money(_m(pl.price * pl.qty)),
            "period": _freq(pl),
            "end": date_str(dt.date(2026, 10, 31), ds) if pl.role == "ended" else "",
        }
        recs.append((pl.lid, lay.row(d)))
    name = "halo_recurring_invoice_lines.csv"
    return name, None, write_csv(folder / name, recs, delimiter=delim)


# --------------------------------------------------------------- Syncro recurring schedules (money in cents)
def syncro(case, folder):
    rng = case.rng_layout
    cols = [
        ("cust", ["Customer", "customer_business_then_name"], True),
        ("sched", ["Schedule Name", "schedule_name"], False),
        ("status", ["Schedule Status", "paused"], True),
        ("freq", ["Frequency", "frequency"], True),
        ("next", ["Next Run", "next_run"], False),
        ("name", ["name", "Line Item Name"], True),
        ("desc", ["description", "Line Item Description"], True),
        ("qty", ["quantity", "Quantity"], True),
        ("retail", ["retail_cents", "Retail (cents)"], True),
        ("cost", ["cost_cents", "Cost (cents)"], False),
    ]
    lay = Layout(rng, cols, drop=0.2)
    bool_status = "paused" in lay.header
    recs = [(None, lay.header)]
    for pl in _ordered(case):
        c = case.clients[pl.cid]
        paused = pl.role == "paused"
        d = {
            "cust": c.psa_name,
            "sched": f"{c.psa_name} monthly",
            "status": ("true" if paused else "false")
            if bool_status
            else ("Paused" if paused else "Active"),
            "freq": {"monthly": "Monthly", "quarterly": "Quarterly", "annual": "Annually"}[
                pl.period
            ],
            "next": "2026-12-01",
            "name": pl.text,
            "desc": rng.choice(GENERIC_SYNCRO_DESC) if pl.key else "Service",
            "qty": str(pl.qty),
            "retail": str(int(pl.price * 100)),
            "cost": str(int(pl.cost * 100)),
        }
        recs.append((pl.lid, lay.row(d)))
    name = "syncro_recurring_schedules.csv"
    return name, None, write_csv(folder / name, recs)


# --------------------------------------------------------------- Kaseya BMS recurring services (xlsx)
def kaseya_bms(case, folder):
    rng = case.rng_layout
    cols = [
        ("acct", ["Account", "Account Name"], True),
        ("contract", ["Contract", "Contract Name"], True),
        ("svc", ["Service", "Service Name"], True),
        ("desc", ["Description"], False),
        ("qty", ["Quantity", "Qty"], True),
        ("up", ["Unit Price", "Price"], True),
        ("tot", ["Total", "Amount"], False),
        ("freq", ["Frequency", "Billing Frequency"], True),
        ("status", ["Status"], True),
        ("start", ["Start Date"], False),
        ("end", ["End Date"], False),
    ]
    lay = Layout(rng, cols)
    recs = [(None, lay.header)]
    for pl in _ordered(case):
        c = case.clients[pl.cid]
        d = {
            "acct": c.psa_name,
            "contract": "Recurring Services",
            "svc": pl.text,
            "desc": "" if rng.random() < 0.5 else ("Recurring licence" if pl.key else "Service"),
            "qty": pl.qty,
            "up": pl.price,
            "tot": _m(pl.price * pl.qty),
            "freq": {"monthly": "Monthly", "quarterly": "Quarterly", "annual": "Annually"}[
                pl.period
            ],
            "status": {"cancelled": "Cancelled", "inactive": "Inactive"}.get(pl.role, "Active"),
            "start": dt.date(2025, rng.randint(1, 12), 1),
            "end": None,
        }
        recs.append((pl.lid, lay.row(d)))
    name = "BMS_Recurring_Services.xlsx"
    sheets = [("Recurring Services", recs)]
    if rng.random() < 0.4:
        sheets.insert(
            0, ("Report Info", [(None, ["Kaseya BMS export"]), (None, ["Tenant", case.msp_name])])
        )
    return name, None, write_xlsx(folder / name, sheets, "Recurring Services")


# --------------------------------------------------------------- QuickBooks Online: Sales by Customer Detail (group rows)
def qbo(case, folder):
    rng = case.rng_layout
    hdr = [
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
    if rng.random() < 0.4:
        hdr = [
            "",
            "Transaction date",
            "Transaction type",
            "No.",
            "Product/service",
            "Product/service description",
            "Quantity",
            "Rate",
            "Amount",
            "Balance",
        ]
    recs = [
        (None, [case.msp_name]),
        (None, ["Sales by Customer Detail"]),
        (None, ["November 2026"]),
        (None, []),
        (None, hdr),
    ]
    grand = D(0)
    inv = 1000
    by = {}
    for pl in _ordered(case):
        by.setdefault(pl.cid, []).append(pl)
    for cid, pls in by.items():
        c = case.clients[cid]
        recs.append((None, [c.psa_name]))
        inv += 1
        tot = D(0)
        bal = D(0)
        for pl in pls:
            voided = pl.role == "voided"
            amt = D(0) if voided else _m(pl.price * pl.qty)
            tot += amt
            bal += amt
            memo = "Voided" if voided else rng.choice(["", "Nov 2026", "Monthly recurring", ""])
            recs.append(
                (
                    pl.lid,
                    [
                        "",
                        dt.date(2026, 11, 1),
                        "Invoice",
                        str(inv),
                        pl.text,
                        memo,
                        pl.qty,
                        pl.price,
                        amt,
                        bal,
                    ],
                )
            )
        recs.append(
            (
                "__bold__",
                [f"Total for {c.psa_name}", None, None, None, None, None, None, None, tot, None],
            )
        )
        grand += tot
    recs.append(("__bold__", ["TOTAL", None, None, None, None, None, None, None, grand, None]))
    name = "Sales by Customer Detail.xlsx"
    return (
        name,
        None,
        write_xlsx(folder / name, [("Sales by Customer Detail", recs)], "Sales by Customer Detail"),
    )


# --------------------------------------------------------------- Xero: receivable invoice detail (CSV, group rows)
def xero(case, folder):
    rng = case.rng_layout
    codes, svc = _codes(case)
    num, delim = _num(case, rng)
    ds = rng.choice(["long", "eu", "iso"])
    hdr = [
        "Invoice Date",
        "Invoice Number",
        "Reference",
        "Item Code",
        "Description",
        "Quantity",
        "Unit Price",
        "Discount %",
        "Line Amount",
        "Status",
    ]
    with_cur = rng.random() < 0.4
    if with_cur:
        hdr.append("Currency")
    recs = [
        (None, ["Receivable Invoice Detail"]),
        (None, [case.msp_name]),
        (None, ["For the period 1 November 2026 to 30 November 2026"]),
        (None, []),
        (None, hdr),
    ]
    by = {}
    for pl in _ordered(case):
        by.setdefault(pl.cid, []).append(pl)
    inv = 4000
    for cid, pls in by.items():
        c = case.clients[cid]
        recs.append((None, [c.psa_name] + [""] * (len(hdr) - 1)))
        inv += 1
        tot = D(0)
        for pl in pls:
            amt = _m(pl.price * pl.qty * (1 - pl.discount_pct / 100))
            if pl.role != "voided":
                tot += amt
            row = [
                date_str(P0, ds),
                f"INV-{inv}",
                rng.choice(["", "Monthly", "Nov-26", "PO 7781"]),
                _code(pl, codes, svc),
                pl.text,
                num.qty(pl.qty),
                num.money(pl.price),
                (num.money(pl.discount_pct, 0) if pl.discount_pct else ""),
                num.money(amt),
                "Voided" if pl.role == "voided" else rng.choice(["Awaiting Payment", "Paid"]),
            ]
            if with_cur:
                row.append(case.currency)
            recs.append((pl.lid, row))
        recs.append(
            (
                None,
                [f"Total {c.psa_name}", "", "", "", "", "", "", "", num.money(tot), ""]
                + ([""] if with_cur else []),
            )
        )
        recs.append((None, []))
    name = "Receivable_Invoice_Detail.csv"
    return name, None, write_csv(folder / name, recs, delimiter=delim)


PSA_WRITERS = {
    "cw_additions": cw_additions,
    "cw_api": cw_api,
    "autotask": autotask,
    "halopsa": halopsa,
    "syncro": syncro,
    "kaseya_bms": kaseya_bms,
    "qbo": qbo,
    "xero": xero,
}
