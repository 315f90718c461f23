"""Re-read every written case with csv / openpyxl and check that truth.json ties to the files.

Independent of the generator's objects: it knows only each layout's column headers, reads the cells,
converts line units with its own reading of the text / unit column, recomputes every finding with
its own implementation of README's rules and compares. Usage: python -m bench.independent_ao.selfcheck OUT
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import sys
from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

import openpyxl

# layout: (client col or None for group rows, text col, qty col, unit col or None, unit price col,
#          amount col or None, status test, group-row prefix, encoding)
V = {
    "leader_au_consumption_uom_csv": (
        "Customer Name",
        "Description",
        "Quantity",
        "UOM",
        "Unit Price (ex GST)",
        "Extended (ex GST)",
    ),
    "acronis_usage_report_title_xlsx": (
        "Customer",
        "Offering item",
        "Usage",
        "Measure",
        "Price per unit",
        "Amount (AUD)",
    ),
    "rmm_device_invoice_org_blocks_csv": (
        None,
        "Item",
        "Count",
        "Device role / unit",
        "Rate",
        "Line total",
    ),
    "pc_nce_recon_unittype_apostrophe_csv": (
        "CustomerName",
        "SkuName",
        "BillableQuantity",
        "UnitType",
        "EffectiveUnitPrice",
        "Subtotal",
    ),
    "ingram_au_cmp_bands_xlsx": (
        "Customer",
        "Product",
        "Qty",
        "Unit of Measure",
        "Unit Net",
        "Net Price",
    ),
    "pax8_au_invoice_uom_decimal_csv": (
        "company_name",
        "description",
        "quantity",
        "unit_of_measure",
        "cost",
        "cost_total",
    ),
    "dist_au_usage_customer_subtotals_xlsx": (
        None,
        "Service",
        "Units",
        "Billing unit",
        "Rate",
        "Total",
    ),
    "wholesale_voice_backup_statement_csv": (
        "Account Name",
        "Service Description",
        "Qty",
        "Unit",
        "Unit Rate",
        "Charge",
    ),
}
P = {
    "halopsa_contract_recurring_uom_xlsx": (
        "Client",
        "Description",
        "Quantity",
        "Unit",
        "Unit Price",
        "Net",
    ),
    "cw_additions_au_bill_status_csv": (
        "Company Name",
        "Description",
        "Quantity",
        None,
        "Price",
        "Ext Price",
    ),
    "autotask_service_units_au_xlsx": (
        "Account",
        "Service",
        "Units",
        None,
        "Unit Price",
        "Adjusted Price",
    ),
    "xero_repeating_au_gst_csv": (
        "*ContactName",
        "*Description",
        "*Quantity",
        None,
        "*UnitAmount",
        "LineAmount",
    ),
    "myob_item_sales_grouped_by_customer_xlsx": (
        None,
        "Item Name",
        "Qty",
        "Unit",
        "Unit Price",
        "Amount",
    ),
    "syncro_schedule_items_cents_unit_csv": (
        "customer_business_then_name",
        "name",
        "quantity",
        "unit",
        "retail_cents",
        None,
    ),
    "kaseya_bms_services_au_csv": (
        "Account Name",
        "Service Name",
        "Quantity",
        "UoM",
        "Unit Price",
        "Total",
    ),
    "qbo_au_customer_detail_void_csv": (
        None,
        "Memo/Description",
        "Qty",
        None,
        "Sales Price",
        "Amount",
    ),
}
TB_PRODUCTS = {"Wasabi Hot Cloud Storage"}


def num(v):
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)):
        return F(Decimal(repr(v))) if isinstance(v, float) else F(v)
    s = str(v).strip().lstrip("'").replace("$", "").replace(",", "")
    return F(Decimal(s))


def rhu(x):
    x = F(x)
    sign = -1 if x < 0 else 1
    n = abs(x) * 100
    return sign * F(int(n + F(1, 2)), 100)


def cents(x):
    r = rhu(x)
    return str((Decimal(r.numerator) / Decimal(r.denominator)).quantize(Decimal("0.01")))


def read(path, sheet):
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet]
        return [list(r) for r in ws.iter_rows(values_only=True)]
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    return [r for r in csv.reader(text.splitlines())]


def factor(text, unit, product):
    """base units per line unit, as a careful person reads the line."""
    t = text.lower()
    m = re.search(r"(\d+)\s*-\s*(user\s+)?pack|(\d+) x did bundle", t)
    if m:
        return F(int(m.group(1) or m.group(3)))
    if product in TB_PRODUCTS:
        if re.search(r"500\s*gb block", t):
            return F(1, 2)
        m = re.search(r"(\d+(\.\d+)?) tb - flat", t)
        if m:
            return F(Decimal(m.group(1)))
        if unit == "GB" or "(gb)" in t:
            return F(1, 1000)
    return F(1)


def check_case(d: Path):
    t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    errs = []
    recs = {}
    for side, fmt, fname, sheet in (
        ("vendor", V[t["vendor_format"]], t["vendor_file"], t["vendor_sheet"]),
        ("psa", P[t["psa_format"]], t["psa_file"], t["psa_sheet"]),
    ):
        rows = read(d / fname, sheet)
        hdr_i = next(
            i for i, r in enumerate(rows) if fmt[2] in [str(x) if x is not None else "" for x in r]
        )
        hdr = [str(x) if x is not None else "" for x in rows[hdr_i]]
        col = {h: i for i, h in enumerate(hdr)}
        truth_rows = t["rows"][side]
        group = None
        line_rows = []
        total_amt = F(0)
        stated_totals = []
        for i, r in enumerate(rows[hdr_i + 1 :], start=hdr_i + 2):
            cells = [("" if x is None else str(x)) for x in r]
            first = cells[0] if cells else ""
            qty = num(r[col[fmt[2]]]) if len(r) > col[fmt[2]] else None
            if qty is None:
                low = " ".join(cells).lower()
                if (
                    fmt[0] is None
                    and first
                    and not first.lower().startswith(("subtotal", "total", "grand"))
                ):
                    group = first.removeprefix("Organization: ").removeprefix("Customer: ")
                elif "total" in low:
                    amts = [
                        num(x)
                        for x in r
                        if x not in (None, "") and re.fullmatch(r"-?\$?[\d,]+\.\d\d", str(x))
                    ]
                    if amts:
                        stated_totals.append((first, amts[-1], group))
                continue
            line_rows.append(i)
            tr = truth_rows.get(str(i))
            if tr is None:
                errs.append(f"{side} row {i} not in truth")
                continue
            client = r[col[fmt[0]]] if fmt[0] else group
            if client != tr["client_text"]:
                errs.append(f"{side} row {i}: client {client!r} != {tr['client_text']!r}")
            text = str(r[col[fmt[1]]])
            if side == "psa" and t["psa_format"].startswith("qbo"):
                text = text.removesuffix(" - Voided")
            if text != tr["text"]:
                errs.append(f"{side} row {i}: text {text!r} != {tr['text']!r}")
            unit = str(r[col[fmt[3]]]) if fmt[3] else ""
            up = num(r[col[fmt[4]]])
            if fmt[4] == "retail_cents":
                up = up / 100
            amt = num(r[col[fmt[5]]]) if fmt[5] else rhu(qty * up)
            cancelled = False
            if side == "psa":
                low = " ".join(cells).lower()
                cancelled = (
                    any(w in cells for w in ("Cancelled", "Inactive", "Void", "Stopped", "true"))
                    or ("voided" in low)
                    or bool(re.search(r"\b(31/10/2026|2026-10-31|30/09/2026|15/10/2026)\b", low))
                )
                if cancelled != (tr["role"] == "not_billed"):
                    errs.append(f"psa row {i}: cancelled={cancelled} role={tr['role']}")
                if t["psa_format"].startswith("qbo") and cancelled:
                    amt = rhu(qty * up)
            if amt != rhu(qty * up):
                errs.append(f"{side} row {i}: amount {amt} != {qty}×{up}")
            if not cancelled:
                total_amt += rhu(qty * up)
            f = (
                factor(text, unit, tr["product"])
                if tr["role"] in ("licence", "credit", "not_billed")
                else F(1)
            )
            recs.setdefault(side, []).append(
                (tr["client"], tr["product"], tr["role"], qty * f, qty * up, i)
            )
        if sorted(map(str, line_rows)) != sorted(truth_rows):
            errs.append(f"{side}: truth rows {len(truth_rows)} vs line rows {len(line_rows)}")
        for label, amt, _g in stated_totals:
            if label.lower().startswith(("total", "grand")) and label.lower() in (
                "total",
                "grand total",
            ):
                if amt != total_amt:
                    errs.append(f"{side}: total {amt} != {total_amt}")
    if errs:
        return errs
    mine = recompute(recs.get("vendor", []), recs.get("psa", []))
    theirs = sorted(
        (
            f["type"],
            f["client"],
            f["product"],
            f["monthly_impact"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
        )
        for f in t["findings"]
    )
    if mine != theirs:
        a, b = set(mine), set(theirs)
        errs.append(
            f"findings differ: only recomputed {sorted(a - b)[:3]} only truth {sorted(b - a)[:3]}"
        )
    for f in t["findings"]:
        cl = set()
        for r in f["psa_rows"]:
            cl.update(t["rows"]["psa"][str(r)]["classes"])
        if not cl <= set(f["classes"]):
            errs.append(
                f"classes of finding {f['client']} {f['product']} miss {cl - set(f['classes'])}"
            )
    return errs


def recompute(vrows, prows):
    Vk, Pk = {}, {}
    for cl, pr, role, bq, amt, row in vrows:
        e = Vk.setdefault((cl, pr), [F(0), F(0), []])
        e[0] += bq
        e[1] += amt
        e[2].append(row)
    for cl, pr, role, bq, amt, row in prows:
        if role != "licence":
            continue
        e = Pk.setdefault((cl, pr), [F(0), F(0), []])
        e[0] += bq
        e[1] += amt
        e[2].append(row)
    prices = {}
    for (cl, pr), (pq, amt, _) in Pk.items():
        if pq > 0 and amt > 0:
            prices.setdefault(pr, []).append(amt / pq)
    out = []
    for key in set(Vk) | set(Pk):
        v, p = Vk.get(key), Pk.get(key)
        vq = v[0] if v else F(0)
        pq = p[0] if p else F(0)
        c = v[1] / vq if v and vq else F(0)
        pp = p[1] / pq if p and pq else F(0)
        res = []
        if v and vq > 0 and not p:
            res.append(
                ("unbilled", vq * (statistics.median(prices[key[1]]) if key[1] in prices else c))
            )
        if p and pq > 0 and not v and pp != 0:
            res.append(("no_vendor_record", pq * pp))
        if v and p and vq > pq > 0:
            res.append(("under_billed", (vq - pq) * pp))
        if v and p and pq > vq > 0:
            res.append(("over_billed", (pq - vq) * pp))
        if v and p and vq > 0 and pq > 0 and pp < c:
            res.append(("below_cost", (c - pp) * min(vq, pq)))
        for ty, imp in res:
            out.append(
                (
                    ty,
                    key[0],
                    key[1],
                    cents(imp),
                    tuple(sorted(v[2])) if v else (),
                    tuple(sorted(p[2])) if p else (),
                )
            )
    return sorted(out)


def main(out):
    cases = sorted(p.parent for p in Path(out).rglob("truth.json"))
    bad = 0
    twins = {}
    for d in cases:
        errs = check_case(d)
        if errs:
            bad += 1
            print(d, *errs[:6], sep="\n  ")
        t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
        twins.setdefault(d.parent, {})[t["perturb"]] = sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]
        )
    for k, tw in twins.items():
        if len(tw) == 2 and tw[True] != tw[False]:
            bad += 1
            print(k, "clean and perturbed findings differ")
    print(f"{len(cases)} cases checked, {bad} with errors")
    return bad


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
