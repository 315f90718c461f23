"""Re-read every written case of set AM and check that truth.json ties to the files.

    python -m bench.independent_am.selfcheck DIR

Reads the vendor and PSA files with csv / openpyxl only (its own column table below, not the
generator's objects). For each case: the line-like records of both files are exactly the truth rows;
each vendor row names the truth's client and contains the truth's product; each PSA row of a clean
case spells the canonical client and product; a perturbed case has the same rows and numbers as its
clean twin; amounts tie (qty × unit = line amount, report totals = sum of lines, to the cent); and the
findings recomputed from the cells with the README's rules equal the truth's.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from openpyxl import load_workbook

D = Decimal


def dec(v):
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)):
        return D(repr(v)) if isinstance(v, float) else D(v)
    s = str(v).strip().lstrip("'").replace("£", "").replace("€", "").replace(",", "")
    return D(s)


def c2(x):
    return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def load(path, sheet):
    if path.suffix == ".xlsx":
        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        wb.close()
        return rows
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]


def yearly(flag):
    return lambda r: 12 if r.get(flag[0]) in flag[1] else 1


# per format: header cell, client col (or "block"), product col, qty(r), monthly unit(r), line amount
# (or None), active(r), tie-check of the line amount, total-row label
VSPEC = {
    "pc_nce_recon_ukpartner_apostrophe_csv": dict(
        head="CustomerName", client="CustomerName", product="ProductName", qty=lambda r: dec(r["BillableQuantity"]),
        unit=lambda r: dec(r["EffectiveUnitPrice"]) / (12 if r["BillingFrequency"] == "Annual" else 1),
        amount=lambda r: dec(r["Subtotal"]), shown=lambda r: dec(r["EffectiveUnitPrice"])),
    "pc_legacy_licence_ie_charity_eur_csv": dict(
        head="CustomerName", client="CustomerName", product="OfferName", qty=lambda r: dec(r["Quantity"]),
        unit=lambda r: dec(r["Subtotal"]) / dec(r["Quantity"]) / (12 if r["BillingCycleType"] == "Annual" else 1),
        amount=lambda r: dec(r["Amount"]) - dec(r["TotalOtherDiscount"]), shown=lambda r: dec(r["Subtotal"]) / dec(r["Quantity"])),
    "pax8_uk_portal_invoice_termdetail_csv": dict(
        head="company_name", client="company_name", product="description", qty=lambda r: dec(r["quantity"]),
        unit=lambda r: dec(r["cost"]) / (12 if r["details"] == "Annual Term - Paid Annually" else 1),
        amount=lambda r: dec(r["cost_total"]), shown=lambda r: dec(r["cost"])),
    "pax8_api_items_ie_camel_xlsx": dict(
        head="companyName", client="companyName", product="productName", qty=lambda r: dec(r["quantity"]),
        unit=lambda r: dec(r["cost"]) / (12 if r["term"] == "Annual" else 1),
        amount=lambda r: dec(r["costTotal"]), shown=lambda r: dec(r["cost"])),
    "ingram_cm_ie_statement_netprice_xlsx": dict(
        head="End Customer", client="End Customer", product="Subscription Name", qty=lambda r: dec(r["Quantity"]),
        unit=lambda r: dec(r["Net Price"]) / dec(r["Quantity"]) / (12 if "(Annual Pre-Paid)" in r["Subscription Name"] else 1),
        amount=lambda r: dec(r["Net Price"]), shown=lambda r: dec(r["Net Price"]) / dec(r["Quantity"]),
        total=("End Customer", "Total", "Net Price")),
    "tdsynnex_ion_uk_pound_text_csv": dict(
        head="Customer Name", client="Customer Name", product="Product Name", qty=lambda r: dec(r["Quantity"]),
        unit=lambda r: dec(r["Unit Price"]) / (12 if r["Billing Frequency"] == "Annual" else 1),
        amount=lambda r: dec(r["Extended Price"]), shown=lambda r: dec(r["Unit Price"])),
    "sherweb_uk_payables_customer_blocks_xlsx": dict(
        head="Product", client="block:Customer: ", product="Product", qty=lambda r: dec(r["Quantity"]),
        unit=lambda r: dec(r["Unit Cost"]) / (12 if r["Billing Cycle"] == "Yearly" else 1),
        amount=lambda r: dec(r["Amount"]), shown=lambda r: dec(r["Unit Cost"]),
        total=("Product", "Grand Total", "Amount"), subtotal=("Product", "Total ", "Amount")),
    "cloudmore_uk_general_billing_bom_csv": dict(
        head="Organization Name", client="Organization Name", product="Product Name", qty=lambda r: dec(r["Quantity"]),
        unit=lambda r: dec(r["Unit Cost Price"]) / (12 if r["Payment Frequency"] == "Annually" else 1),
        amount=lambda r: dec(r["Total Cost"]), shown=lambda r: dec(r["Unit Cost Price"])),
}  # fmt: skip

PSPEC = {
    "cw_additions_uk_lessincl_cancelled_xlsx": dict(
        head="Company Name", client="Company Name", product="Description",
        qty=lambda r: dec(r["Quantity"]) - dec(r["Less Included"]), unit=lambda r: dec(r["Price"]),
        active=lambda r: not r["Cancelled"] and r["Addition Status"] == "Active",
        amount=lambda r: dec(r["Ext Price"]), shown=lambda r: dec(r["Price"])),
    "cw_api_additions_cancel_by_date_csv": dict(
        head="company", client="company", product="description",
        qty=lambda r: dec(r["quantity"]) - dec(r["lessIncluded"]), unit=lambda r: dec(r["unitPrice"]),
        active=lambda r: not r["cancelledDate"], amount=lambda r: dec(r["extPrice"]), shown=lambda r: dec(r["unitPrice"])),
    "autotask_services_uk_yearly_total_csv": dict(
        head="Account Name", client="Account Name", product="Service Name", qty=lambda r: dec(r["Units"]),
        unit=lambda r: dec(r["Unit Price"]) / (12 if r["Period Type"] == "Yearly" else 1),
        active=lambda r: not r["End Date"], amount=lambda r: dec(r["Adjusted Price"]), shown=lambda r: dec(r["Unit Price"]),
        total=("Account Name", "Total", "Adjusted Price")),
    "halo_recurring_uk_title_active_xlsx": dict(
        head="Client", client="Client", product="Item", qty=lambda r: dec(r["Quantity"]),
        unit=lambda r: dec(r["Unit Price"]) / (12 if r["Schedule"] == "Yearly" else 1),
        active=lambda r: r["Active"] == "Yes", amount=lambda r: dec(r["Net Amount"]), shown=lambda r: dec(r["Unit Price"])),
    "syncro_schedule_pence_paused_gb_csv": dict(
        head="customer_business_name", client="customer_business_name", product="name", qty=lambda r: dec(r["quantity"]),
        unit=lambda r: dec(r["retail_cents"]) / 100 / (12 if r["frequency"] == "Annually" else 1),
        active=lambda r: r["paused"] == "false", amount=None, shown=None),
    "kaseya_bms_services_uk_inactive_csv": dict(
        head="Account Name", client="Account Name", product="Service", qty=lambda r: dec(r["Quantity"]),
        unit=lambda r: dec(r["Rate"]) / (12 if r["Frequency"] == "Annually" else 1),
        active=lambda r: r["Status"] == "Active" and not r["End Date"], amount=lambda r: dec(r["Extended Amount"]),
        shown=lambda r: dec(r["Rate"])),
    "xero_uk_invoices_charity_discount_csv": dict(
        head="*ContactName", client="*ContactName", product="*Description", qty=lambda r: dec(r["*Quantity"]),
        unit=lambda r: dec(r["*UnitAmount"]) * (1 - (dec(r["Discount"]) or D(0)) / D(100)),
        active=lambda r: True, amount=None, shown=None),
    "qbo_uk_sales_customer_groups_xlsx": dict(
        head="Product/Service", client="group", product="Product/Service", qty=lambda r: dec(r["Qty"]),
        unit=lambda r: dec(r["Sales Price"]), active=lambda r: True, amount=lambda r: dec(r["Amount"]),
        shown=lambda r: dec(r["Sales Price"]), total=(None, "TOTAL", "Amount"), subtotal=(None, "Total for ", "Amount")),
}  # fmt: skip


class Bad(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Bad(msg)


def read_side(path, sheet, spec):
    """{row: dict(client, product, qty, unit, active, amount, shown)} of line-like records; checks totals."""
    rows = load(path, sheet)
    hi = next(
        i
        for i, r in enumerate(rows)
        if spec["head"] in [str(x) if x is not None else "" for x in r]
    )
    head = [str(x) if x is not None else "" for x in rows[hi]]
    qcol = {"Quantity", "quantity", "BillableQuantity", "Units", "Qty", "*Quantity"} & set(head)
    qname = sorted(qcol)[0]
    out, block = {}, None
    total_seen, sub_sum, all_sum = False, D(0), D(0)
    for i in range(hi + 1, len(rows)):
        n = i + 1
        vals = ["" if x is None else x for x in rows[i]] + [""] * len(head)
        r = {
            h: (vals[j] if not isinstance(vals[j], str) else vals[j])
            for j, h in enumerate(head)
            if h
        }
        first = vals[0]
        if (
            spec.get("total")
            and (first if spec["total"][0] is None else r[spec["total"][0]]) == spec["total"][1]
        ):
            check(
                c2(dec(r[spec["total"][2]])) == c2(all_sum),
                f"{path.name} total row {n} {r[spec['total'][2]]} != {all_sum}",
            )
            total_seen = True
            continue
        if spec.get("subtotal"):
            lab = first if spec["subtotal"][0] is None else r[spec["subtotal"][0]]
            if isinstance(lab, str) and lab.startswith(spec["subtotal"][1]):
                check(
                    lab[len(spec["subtotal"][1]) :] == block,
                    f"{path.name} row {n} subtotal of another block",
                )
                check(
                    c2(dec(r[spec["subtotal"][2]])) == c2(sub_sum), f"{path.name} subtotal row {n}"
                )
                sub_sum = D(0)
                continue
        if spec["client"].startswith("block:"):
            pre = spec["client"][6:]
            if isinstance(first, str) and first.startswith(pre):
                block, sub_sum = first[len(pre) :], D(0)
                continue
        if (
            spec["client"] == "group"
            and first
            and all(v in ("", None) for v in vals[1 : len(head)])
        ):
            block, sub_sum = str(first), D(0)
            continue
        if r.get(qname) in ("", None) or r.get(qname) == qname:
            continue
        client = (
            block
            if spec["client"] in ("group",) or spec["client"].startswith("block:")
            else r[spec["client"]]
        )
        rec = dict(
            client=client,
            product=str(r[spec["product"]]),
            qty=spec["qty"](r),
            unit=spec["unit"](r),
            active=spec.get("active", lambda r: True)(r),
        )
        if spec.get("amount"):
            amt = spec["amount"](r)
            raw_q = dec(r[qname])
            check(c2(amt) == c2(spec["shown"](r) * (rec["qty"] if qname != "Quantity" or "Less Included" not in r else rec["qty"])) or c2(amt) == c2(spec["shown"](r) * raw_q),
                  f"{path.name} row {n}: amount {amt} != qty × unit")  # fmt: skip
            sub_sum += amt
            all_sum += amt
        out[n] = rec
    if spec.get("total"):
        check(total_seen, f"{path.name}: no total row")
    return out


def rules(vrows, prows, tv, tp):
    """README's rules from the cells: per (client, product) over licence / credit rows."""
    V, P = {}, {}
    for n, r in vrows.items():
        t = tv[str(n)]
        if t["role"] in ("licence", "credit"):
            V.setdefault((t["client"], t["product"]), []).append((n, r))
    for n, r in prows.items():
        t = tp[str(n)]
        if t["role"] == "licence":
            P.setdefault((t["client"], t["product"]), []).append((n, r))

    def w(ls):
        q = Fraction(sum(r["qty"] for _, r in ls))
        return q, (sum(Fraction(r["qty"]) * Fraction(r["unit"]) for _, r in ls) / q if q else None)

    pi = {k: w(ls) for k, ls in P.items()}
    med = {}
    for (cl, pr), (q, p) in pi.items():
        if q > 0:
            med.setdefault(pr, []).append(p)
    out = []
    for key in set(V) | set(P):
        vl, pl = V.get(key, []), P.get(key, [])
        vq, c = w(vl) if vl else (0, None)
        pq, p = pi.get(key, (0, None))
        fs = []
        if vq > 0 and not pl:
            fs.append(("unbilled", vq * (statistics.median(med[key[1]]) if key[1] in med else c)))
        if vq > 0 and pq > 0:
            if vq > pq:
                fs.append(("under_billed", (vq - pq) * p))
            if pq > vq:
                fs.append(("over_billed", (pq - vq) * p))
            if p < c:
                fs.append(("below_cost", (c - p) * min(vq, pq)))
        if pq > 0 and not vl and p != 0:
            fs.append(("no_vendor_record", pq * p))
        for t, a in fs:
            cents = (Fraction(a) * 100 + Fraction(1, 2)).__floor__()
            out.append(
                (
                    t,
                    key[0],
                    key[1],
                    tuple(sorted(n for n, _ in vl)),
                    tuple(sorted(n for n, _ in pl)),
                    f"{D(cents) / 100:.2f}",
                )
            )
    return sorted(out)


def check_case(d):
    t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    check(t["set"] == "AM", "set")
    vr = read_side(d / t["vendor_file"], t["vendor_sheet"], VSPEC[t["vendor_format"]])
    pr = read_side(d / t["psa_file"], t["psa_sheet"], PSPEC[t["psa_format"]])
    tv, tp = t["rows"]["vendor"], t["rows"]["psa"]
    check(
        set(map(str, vr)) == set(tv),
        f"vendor rows differ: {sorted(set(map(str, vr)) ^ set(tv))[:5]}",
    )
    check(
        set(map(str, pr)) == set(tp), f"psa rows differ: {sorted(set(map(str, pr)) ^ set(tp))[:5]}"
    )
    for n, r in vr.items():
        x = tv[str(n)]
        check(
            r["client"] == x["client"], f"vendor row {n} client {r['client']!r} != {x['client']!r}"
        )
        check(
            x["product"] in r["product"],
            f"vendor row {n} product {r['product']!r} lacks {x['product']!r}",
        )
        check((r["qty"] < 0) == (x["role"] == "credit"), f"vendor row {n} credit sign")
    for n, r in pr.items():
        x = tp[str(n)]
        check(r["active"] == (x["role"] != "not_billed"), f"psa row {n} active vs role {x['role']}")
        if not t["perturb"]:
            check(
                r["client"] == x["client"], f"psa row {n} client {r['client']!r} != {x['client']!r}"
            )
            check(
                r["product"] == x["product"],
                f"psa row {n} product {r['product']!r} != {x['product']!r}",
            )
        elif x["role"] == "service":
            check(r["product"] == x["product"], f"psa row {n} service text")
    mine = rules(vr, pr, tv, tp)
    theirs = sorted(
        (
            f["type"],
            f["client"],
            f["product"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
            f["monthly_impact"],
        )
        for f in t["findings"]
    )
    check(mine == theirs, f"findings differ: {sorted(set(mine) ^ set(theirs))[:4]}")
    for f in t["findings"]:
        check(isinstance(f["classes"], list), "classes")
    if t["perturb"]:  # the clean twin: same rows, same numbers, same findings
        from . import generate_case

        with tempfile.TemporaryDirectory() as tmp:
            generate_case(
                tmp, t["seed"], t["vendor_format"], t["psa_format"], t["clients"], perturb=False
            )
            ct = json.loads((Path(tmp) / "truth.json").read_text(encoding="utf-8"))
            cp = read_side(Path(tmp) / ct["psa_file"], ct["psa_sheet"], PSPEC[ct["psa_format"]])
            check(set(cp) == set(pr), "twin psa rows")
            for n in pr:
                a, b = pr[n], cp[n]
                check(
                    (a["qty"], a["unit"], a["active"]) == (b["qty"], b["unit"], b["active"]),
                    f"twin psa row {n} numbers",
                )
                check(
                    tp[str(n)]["client"] == ct["rows"]["psa"][str(n)]["client"],
                    f"twin psa row {n} client",
                )
                check(
                    tp[str(n)]["product"] == ct["rows"]["psa"][str(n)]["product"],
                    f"twin psa row {n} product",
                )
            strip = lambda fs: sorted(
                json.dumps({k: v for k, v in f.items() if k != "classes"}, sort_keys=True)
                for f in fs
            )  # noqa: E731
            check(strip(ct["findings"]) == strip(t["findings"]), "twin findings differ")
    return len(t["findings"])


def main(argv):
    root = Path(argv[0])
    cases = sorted(p.parent for p in root.rglob("truth.json"))
    bad = 0
    nf = 0
    for d in cases:
        try:
            nf += check_case(d)
        except Bad as e:
            bad += 1
            print(f"FAIL {d}: {e}")
    print(f"{len(cases)} cases, {nf} findings, {bad} failed")
    return 1 if bad or not cases else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
