"""Self-check of set AN: re-read every written file with csv/openpyxl, independently of the
generator's objects, and check that truth.json ties to the files.

    python -m bench.independent_an.selfcheck OUT
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import statistics
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl


def money(v):
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)):
        return Fraction(Decimal(str(v)))
    s = str(v).strip().replace(",", "")
    neg = s.startswith("-")
    s = s.lstrip("-").replace("A$", "").replace("$", "")
    f = Fraction(Decimal(s))
    return -f if neg else f


def num(v):
    return money(v)


# per format: how a person would read it. kind, sheet, header marker, columns.
V = {
    "gws_channel_console_domain_billing_csv": dict(
        kind="csv",
        hdr="Invoice Month",
        client="Customer Name",
        pid=["SKU ID"],
        qty="Quantity",
        unit="Unit Price",
        amt="Amount",
        yearly=("Plan", "ANNUAL_YEARLY_PAY"),
    ),
    "pax8_au_invoice_vendor_gst_csv": dict(
        kind="csv",
        hdr="company_name",
        client="company_name",
        pid=["sku"],
        qty="quantity",
        unit="cost",
        amt="cost_total",
        yearly=("details", "Annual Term - Paid Annually"),
    ),
    "ingram_au_cloud_statement_title_xlsx": dict(
        kind="xlsx",
        sheet="Statement",
        hdr="End Customer",
        client="End Customer",
        pid=["MPN"],
        qty="Qty",
        unit="Unit Price",
        amt="Net Price",
        yearly=("Billing Term", "Annual Pre-Paid"),
        total=("Statement total", "Net Price"),
    ),
    "appdirect_marketplace_product_edition_xlsx": dict(
        kind="xlsx",
        sheet="Line Items",
        hdr="Company",
        client="Company",
        pid=["Product", "Edition"],
        qty="Units",
        unit="Unit Price",
        amt="Total",
        yearly=("Pricing Plan", "Annual (billed yearly)"),
        summary=("Summary", "Total (AUD, ex GST)"),
    ),
    "leader_cloud_invoice_exgst_dollar_csv": dict(
        kind="csv",
        hdr="Customer",
        client="Customer",
        pid=["Part No"],
        qty="Qty",
        unit="Unit Ex GST",
        amt="Total Ex GST",
        yearly=("Term", "12 Months (upfront)"),
        total=("Invoice total", "Total Ex GST"),
    ),
    "crayon_cloudiq_summary_first_xlsx": dict(
        kind="xlsx",
        sheet="Billing Details",
        hdr="Organization",
        client="Organization",
        pid=["Part Number"],
        qty="Quantity",
        unit="Unit Price",
        amt="Total Price",
        yearly=("Billing Cycle", "Annual"),
        summary=("Summary", "Total"),
    ),
    "synnex_ion_au_yyyymmdd_csv": dict(
        kind="csv",
        hdr="End Customer Name",
        client="End Customer Name",
        pid=["Vendor SKU"],
        qty="Quantity",
        unit="Unit Cost",
        amt="Extended Cost",
        yearly=("Billing Frequency", "Annual"),
    ),
    "dicker_cloud_tenant_blocks_xlsx": dict(
        kind="xlsx",
        sheet="Annuity",
        hdr="STOCK CODE",
        block="TENANT: ",
        pid=["STOCK CODE"],
        qty="QTY",
        unit="UNIT PRICE",
        amt="EXTENDED",
        yearly=("TERM", "ANNUAL UPFRONT"),
        blocktotal=("TENANT TOTAL", "EXTENDED"),
    ),
}
P = {
    "xero_invoices_voided_status_csv": dict(
        kind="csv",
        hdr="*ContactName",
        client="*ContactName",
        text="*Description",
        qty="*Quantity",
        unit="*UnitAmount",
        amt="LineAmount",
        nb=("Status", "VOIDED"),
    ),
    "myob_sales_item_detail_grouped_xlsx": dict(
        kind="xlsx",
        sheet="Sales Item Detail",
        hdr="Customer",
        group=True,
        text="Item Name",
        qty="Qty",
        unit="Unit Price",
        amt="Amount",
        nb=("Status", "Reversed"),
        gtotal="Total: ",
    ),
    "halopsa_au_recurring_lines_xlsx": dict(
        kind="xlsx",
        sheet="Report",
        hdr="Client",
        client="Client",
        text="Item",
        qty="Quantity",
        unit="Unit Price",
        amt="Net Amount",
        yearly=("Billing Frequency", "Annually"),
        nb=("Active", "No"),
    ),
    "cw_agreement_additions_au_csv": dict(
        kind="csv",
        hdr="Company Name",
        client="Company Name",
        text="Description",
        qty="Quantity",
        less="Less Included",
        unit="Price",
        amt="Ext Price",
        nb=("Addition Status", "Cancelled"),
    ),
    "autotask_service_units_total_csv": dict(
        kind="csv",
        hdr="Account Name",
        client="Account Name",
        text="Service Name",
        qty="Units",
        unit="Unit Price",
        amt="Adjusted Price",
        yearly=("Period Type", "Yearly"),
        nb_end="End Date",
        total=("Total", "Adjusted Price"),
    ),
    "syncro_recurring_items_paused_au_csv": dict(
        kind="csv",
        hdr="customer_business_then_name",
        client="customer_business_then_name",
        text="name",
        qty="quantity",
        cents="retail_cents",
        yearly=("frequency", "Annually"),
        nb=("paused", "true"),
    ),
    "qbo_au_customer_detail_csv": dict(
        kind="csv",
        hdr="Transaction Type",
        group=True,
        text="Product/Service",
        qty="Qty",
        unit="Sales Price",
        amt="Amount",
        nb=("Memo/Description", "Voided"),
        gtotal="Total for ",
        total=("TOTAL", "Amount"),
    ),
    "superops_contract_items_adollar_csv": dict(
        kind="csv",
        hdr="Client",
        client="Client",
        text="Item",
        qty="Quantity",
        unit="Rate",
        amt="Amount",
        yearly=("Billing Cycle", "Annual"),
        nb=("Item Status", "Cancelled"),
    ),
}


def records(folder, name, spec):
    path = folder / name
    if spec["kind"] == "csv":
        raw = path.read_bytes().decode("utf-8")
        return [list(r) for r in csv.reader(raw.splitlines())], {}
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    return sheets[spec["sheet"]], sheets


def txt(v):
    return "" if v is None else str(v)


def parse(folder, name, spec, problems, side):
    recs, sheets = records(folder, name, spec)
    h = next(i for i, r in enumerate(recs) if spec["hdr"] in [txt(x) for x in r])
    head = [txt(x) for x in recs[h]]
    col = {n: i for i, n in enumerate(head)}
    lines, client, totals, gsum, block_sum = {}, None, [], 0, 0
    for i, r in enumerate(recs[h + 1 :], start=h + 2):
        r = r + [None] * (len(head) - len(r))
        first = txt(r[0])
        if spec.get("block") and first.startswith(spec["block"]):
            client, block_sum = first[len(spec["block"]) :], 0
            continue
        if spec.get("blocktotal") and first == spec["blocktotal"][0]:
            totals.append((money(r[col[spec["blocktotal"][1]]]), block_sum, i))
            continue
        if spec.get("gtotal") and first.startswith(spec["gtotal"]):
            totals.append((money(r[col[spec["amt"]]]), gsum, i))
            continue
        if spec.get("total") and spec["total"][0] in [txt(x) for x in r]:
            allsum = sum(x["amt"] for x in lines.values() if not x["nb"])
            totals.append((money(r[col[spec["total"][1]]]), allsum, i))
            continue
        if spec.get("group") and first and all(x in (None, "") for x in r[1:]):
            client, gsum = first, 0
            continue
        if all(x in (None, "") for x in r):
            continue
        q = num(r[col[spec["qty"]]])
        if q is None:
            problems.append(f"{side} row {i}: unread record {r[:4]}")
            continue
        if spec.get("less"):
            q -= num(r[col[spec["less"]]])
        unit = (
            money(r[col[spec["unit"]]])
            if "unit" in spec
            else Fraction(int(r[col[spec["cents"]]]), 100)
        )
        amt = money(r[col[spec["amt"]]]) if "amt" in spec else q * unit
        yearly = bool(spec.get("yearly")) and txt(r[col[spec["yearly"][0]]]) == spec["yearly"][1]
        nb = False
        if spec.get("nb"):
            nb = txt(r[col[spec["nb"][0]]]) == spec["nb"][1]
        if spec.get("nb_end"):
            nb = dt.date.fromisoformat(txt(r[col[spec["nb_end"]]])) < dt.date(2026, 11, 1)
        who = txt(r[col[spec["client"]]]) if spec.get("client") else client
        ident = (
            " | ".join(txt(r[col[c]]) for c in spec["pid"])
            if "pid" in spec
            else txt(r[col[spec["text"]]])
        )
        if "pid" in spec and spec["pid"] == ["STOCK CODE"]:
            ident = ident.split(":")[1]
        if nb and spec.get("nb", ("", ""))[0] == "Memo/Description":
            if amt != 0:
                problems.append(f"{side} row {i}: voided line with an amount")
            amt = q * unit
        elif amt != q * unit:
            problems.append(f"{side} row {i}: amount {amt} != qty x unit {q * unit}")
        lines[i] = dict(
            client=who,
            ident=ident,
            qty=q,
            unit=unit / (12 if yearly else 1),
            yearly=yearly,
            nb=nb,
            amt=amt,
        )
        if not nb:
            gsum += amt
            block_sum += amt
    if spec.get("summary"):
        sname, label = spec["summary"]
        for r in sheets[sname]:
            if txt(r[0]) == label:
                totals.append((money(r[1]), sum(x["amt"] for x in lines.values()), 0))
    for shown, computed, i in totals:
        if shown != computed:
            problems.append(f"{side} total at row {i}: {shown} != {computed}")
    return lines, len(totals)


def half_up(x):
    c = (x * 100 + Fraction(1, 2)).__floor__()
    return f"{c // 100}.{c % 100:02d}"


def recompute(truth, vl, pl):
    R = truth["rows"]
    V, Pk = {}, {}
    for r, t in R["vendor"].items():
        V.setdefault((t["client"], t["product"]), []).append(int(r))
    for r, t in R["psa"].items():
        if t["role"] == "licence":
            Pk.setdefault((t["client"], t["product"]), []).append(int(r))

    def agg(rows, lines):
        q = sum(lines[r]["qty"] for r in rows)
        return q, sum(lines[r]["qty"] * lines[r]["unit"] for r in rows) / q

    med = {}
    for (cl, pr), rows in Pk.items():
        q, u = agg(rows, pl)
        if q > 0 and u > 0:
            med.setdefault(pr, []).append(u)
    out = []
    for key in set(V) | set(Pk):
        vr, pr_ = sorted(V.get(key, [])), sorted(Pk.get(key, []))
        vq, c = agg(vr, vl) if vr else (0, None)
        pq, p = agg(pr_, pl) if pr_ else (0, None)
        f = []
        if vq > 0 and pq == 0:
            f.append(("unbilled", vq * (statistics.median(med[key[1]]) if key[1] in med else c)))
        if vq > pq > 0:
            f.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            f.append(("over_billed", (pq - vq) * p))
        if pq > 0 and vq == 0 and p > 0:
            f.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            f.append(("below_cost", (c - p) * min(vq, pq)))
        for t, a in f:
            out.append((t, key[0], key[1], tuple(vr), tuple(pr_), half_up(a)))
    return sorted(out)


def check_case(tp):
    folder = tp.parent
    truth = json.loads(tp.read_text(encoding="utf-8"))
    problems = []
    vl, nvt = parse(folder, truth["vendor_file"], V[truth["vendor_format"]], problems, "vendor")
    pl, npt = parse(folder, truth["psa_file"], P[truth["psa_format"]], problems, "psa")
    R = truth["rows"]
    if set(map(int, R["vendor"])) != set(vl):
        problems.append(f"vendor line records {len(vl)} != truth rows {len(R['vendor'])}")
    if set(map(int, R["psa"])) != set(pl):
        problems.append(f"psa line records {len(pl)} != truth rows {len(R['psa'])}")
    for side, lines, rows in (("vendor", vl, R["vendor"]), ("psa", pl, R["psa"])):
        names, idents = {}, {}
        for r, t in rows.items():
            x = lines.get(int(r))
            if not x:
                continue
            names.setdefault(t["client"], set()).add(x["client"])
            if side == "vendor":
                idents.setdefault(t["product"], set()).add(x["ident"])
                if (t["role"] == "credit") != (x["qty"] < 0):
                    problems.append(f"vendor row {r}: role {t['role']} vs qty {x['qty']}")
                if ("vendor_annual_upfront_line" in t["classes"]) != x["yearly"]:
                    problems.append(f"vendor row {r}: yearly class vs file")
            else:
                if (t["role"] == "not_billed") != x["nb"]:
                    problems.append(f"psa row {r}: role {t['role']} vs file status")
                if ("psa_annual_billed_line" in t["classes"]) != x["yearly"]:
                    problems.append(f"psa row {r}: yearly class vs file")
                if t["role"] == "service" and x["ident"] != t["product"]:
                    problems.append(f"psa row {r}: service text differs")
                if not truth["perturb"] and t["role"] != "service" and x["ident"] != t["product"]:
                    problems.append(f"psa row {r}: clean text {x['ident']!r} != {t['product']!r}")
                if not truth["perturb"] and x["client"] != t["client"]:
                    problems.append(f"psa row {r}: clean client {x['client']!r} != {t['client']!r}")
                if t["role"] == "licence" and x["qty"] <= 0:
                    problems.append(f"psa row {r}: licence without seats")
        for cl, s in names.items():
            if len(s) != 1:
                problems.append(f"{side}: client {cl} written {len(s)} ways")
        flat = [next(iter(s)) for s in names.values()]
        if len(flat) != len(set(flat)):
            problems.append(f"{side}: two truth clients share one written name")
        for pr, s in idents.items():
            if len(s) != 1:
                problems.append(f"vendor: product {pr} has {len(s)} ids")
    mine = recompute(truth, vl, pl)
    theirs = sorted(
        (
            f["type"],
            f["client"],
            f["product"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
            f["monthly_impact"],
        )
        for f in truth["findings"]
    )
    if mine != theirs:
        problems.append(
            f"findings differ: {len(set(mine) - set(theirs))} extra, {len(set(theirs) - set(mine))} missing"
        )
    twin = folder.parent / "clean" / "truth.json"
    if truth["perturb"] and twin.exists():
        ct = json.loads(twin.read_text(encoding="utf-8"))
        a = sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in truth["findings"]
        )
        b = sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in ct["findings"]
        )
        if a != b:
            problems.append("perturbed and clean twins differ in findings")
    return problems, len(truth["findings"]), nvt + npt


def main(argv):
    root = Path(argv[0])
    bad = n = nf = 0
    for tp in sorted(root.rglob("truth.json")):
        problems, k, _ = check_case(tp)
        n += 1
        nf += k
        if problems:
            bad += 1
            print(tp.parent, *problems[:8], sep="\n  ")
    print(f"{n} cases, {nf} findings, {bad} with problems")
    return 1 if bad or not n else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
