"""Re-read every written set-AP case with csv / openpyxl (never the generator's objects) and check
that the truth ties to the files.

    python -m bench.independent_ap.selfcheck OUT
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F
from pathlib import Path

import openpyxl

# format -> (header cell that marks the header row, column names, labels of non-line rows)
# columns: client, text, uom, qty, unit, total ; None = not in this layout
SPEC = {
    "mspc_nce_recon_ie_eur_unittype_csv": (
        "CustomerName",
        dict(
            client="CustomerName",
            text="ProductName",
            uom="UnitType",
            qty="BillableQuantity",
            unit="EffectiveUnitPrice",
            total="Subtotal",
        ),
    ),
    "pax8_gb_portal_unit_of_measure_csv": (
        "company_name",
        dict(
            client="company_name",
            text="description",
            uom="unit_of_measure",
            qty="quantity",
            unit="cost",
            total="cost_total",
        ),
    ),
    "westcoast_cloud_statement_cust_blocks_xlsx": (
        "Customer Ref",
        dict(
            client=None,
            text="Description",
            uom="UOM",
            qty="Qty",
            unit="Unit Price (ex VAT)",
            total="Line Total (ex VAT)",
        ),
    ),
    "exertis_ie_invoice_detail_euro_text_csv": (
        "Invoice No",
        dict(
            client="End Customer",
            text="Description",
            uom=None,
            qty="Qty",
            unit="Unit Price",
            total="Net",
        ),
    ),
    "arrowsphere_ie_consumption_title_csv": (
        "End Customer",
        dict(
            client="End Customer",
            text="Offer",
            uom="Unit",
            qty="Quantity",
            unit="Unit Buy Price",
            total="Total Buy Price",
        ),
    ),
    "crayon_gb_invoice_specification_xlsx": (
        "Customer",
        dict(
            client="Customer",
            text="Product name",
            uom="Unit",
            qty="Quantity",
            unit="Unit price",
            total="Total price",
        ),
    ),
    "ingram_gb_marketplace_charges_uom_csv": (
        "Reseller",
        dict(
            client="End Customer",
            text="Product Name",
            uom="Unit of Measure",
            qty="Quantity",
            unit="Unit Price",
            total="Net Price",
        ),
    ),
    "exclusive_net_gb_invoice_pack_sku_xlsx": (
        "Invoice Number",
        dict(
            client="Customer Name",
            text="Item Description",
            uom=None,
            qty="Qty",
            unit="Price",
            total="Extended Price",
        ),
    ),
    "xero_gb_invoice_export_taxtype_csv": (
        "*ContactName",
        dict(
            client="*ContactName",
            text="*Description",
            uom=None,
            qty="*Quantity",
            unit="*UnitAmount",
            total="LineAmount",
            status="Status",
        ),
    ),
    "sage50_gb_product_invoice_lines_xlsx": (
        "A/C Ref",
        dict(
            client="Account Name",
            text="Description",
            uom="Unit of Sale",
            qty="Qty",
            unit="Unit Price",
            total="Net",
            status="Status",
        ),
    ),
    "qbo_gb_sales_customer_detail_blocks_xlsx": (
        "Transaction Type",
        dict(
            client=None,
            text="Memo/Description",
            uom=None,
            qty="Qty",
            unit="Sales Price",
            total="Amount",
        ),
    ),
    "freeagent_invoice_items_csv": (
        "Contact",
        dict(
            client="Contact",
            text="Description",
            uom=None,
            qty="Quantity",
            unit="Price",
            total="Item Total",
            status="Status",
        ),
    ),
    "halo_ie_recurring_invoice_title_rows_xlsx": (
        "Client",
        dict(
            client="Client",
            text="Item",
            uom=None,
            qty="Quantity",
            unit="Unit Price",
            total="Net Amount",
            status="Active",
        ),
    ),
    "autotask_gb_contract_services_units_csv": (
        "Account Name",
        dict(
            client="Account Name",
            text="Service Name",
            uom=None,
            qty="Units",
            unit="Unit Price",
            total="Extended Price",
            status="Status",
        ),
    ),
    "cwm_gb_agreement_additions_uom_xlsx": (
        "Company",
        dict(
            client="Company",
            text="Description",
            uom="UOM",
            qty="Quantity",
            unit="Price",
            total="Ext Price",
            status="Addition Status",
        ),
    ),
    "kaseya_bms_ie_recurring_services_csv": (
        "Account",
        dict(
            client="Account",
            text="Service",
            uom="UOM",
            qty="Quantity",
            unit="Rate",
            total="Total",
            status="End Date",
        ),
    ),
}
NOT_BILLED = {"VOIDED", "Cancelled", "No", "Inactive", "31 Oct 2026"}


def read_rows(path, sheet):
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet]
        rows = [["" if v is None else v for v in r] for r in ws.iter_rows(values_only=True)]
        wb.close()
        return rows
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [r for r in csv.reader(fh)]


def val(x):
    """A money or quantity cell as an exact Fraction."""
    if isinstance(x, (int, float)):
        return F(repr(float(x))) if isinstance(x, float) else F(x)
    s = str(x).strip().replace("£", "").replace("€", "").replace(",", "")
    if s.startswith("(") and s.endswith(")"):
        s = "-" + s[1:-1]
    return F(s)


def half_up(x):
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


NUM = r"(?<![\w.])(\d+(?:\.\d+)?)"


def stated_size(base, text, uom):
    """The conversion a careful reader takes from the line: base units per written unit."""
    s = f"{text} | {uom}".lower()
    if base == "GB":
        m = re.search(NUM + r" ?tb\b", s)
        if m:
            return F(m.group(1)) * 1000
        m = re.search(r"per 100 ?gb", s)
        if m:
            return F(100)
        m = re.search(NUM + r" ?gb\b(?!/)", s)
        if m and not re.search(r"\b1 gb\b", s):
            return F(m.group(1))
        if re.search(r"\btb\b", s):
            return F(1000)
        return F(1)
    if base == "TB":
        if re.search(r"\(gb\)|per gb", s):
            return F(1, 1000)
        m = re.search(NUM + r" ?tb\b", s)
        return F(m.group(1)) if m else F(1)
    pats = [
        r"(\d+)-?pk\b",
        r"\bx(\d+)\b",
        r"pack of (\d+)",
        r"(\d+)-[a-z]+ bundle",
        r"\bper (\d+) ",
        r"\b(\d+) pack\b",
        r"box \((\d+)\)",
        r"pack \((\d+)\)",
        r"(\d+)-pack\b",
    ]
    for p in pats:
        m = re.search(p, s)
        if m:
            return F(m.group(1))
    return F(1)


def check_side(folder, truth, side, fmt, fname, sheet, errs):
    hdr_mark, cols = SPEC[fmt]
    rows = read_rows(folder / fname, sheet)
    hi = next(i for i, r in enumerate(rows) if hdr_mark in [str(c) for c in r])
    hdr = [str(c) for c in rows[hi]]
    ix = {k: (hdr.index(v) if v else None) for k, v in cols.items()}
    truth_rows = truth["rows"][side]
    seen, block_client, block_sum, grand, out = set(), None, F(0), F(0), []
    for i in range(hi + 1, len(rows)):
        r = rows[i]
        rn = i + 1
        cells = [str(c).strip() for c in r]
        first = cells[0] if cells else ""
        key = str(rn)
        if key not in truth_rows:
            nonblank = [c for c in cells if c]
            if not nonblank:
                continue
            if first.startswith("Customer: "):
                block_client, block_sum = first[len("Customer: ") :], F(0)
                continue
            if first.startswith(("Sub-total ", "Total for ")):
                if val(r[ix["total"]]) != block_sum:
                    errs.append(f"{side} row {rn}: block total {r[ix['total']]} != {block_sum}")
                continue
            if first in ("TOTAL", "Total", "Statement total", "Invoice Total"):
                if val(r[ix["total"]]) != grand:
                    errs.append(f"{side} row {rn}: grand total {r[ix['total']]} != {grand}")
                continue
            if first == "Accrual basis":
                continue
            if len(nonblank) == 1 and ix["client"] is None:  # QBO customer group row
                block_client, block_sum = nonblank[0], F(0)
                continue
            errs.append(
                f"{side} row {rn}: a line-like record that the truth does not list: {cells[:6]}"
            )
            continue
        seen.add(key)
        t = truth_rows[key]
        w = t["as_written"]
        client = cells[ix["client"]] if ix["client"] is not None else block_client
        if client != w["client"]:
            errs.append(f"{side} row {rn}: client {client!r} != {w['client']!r}")
        if cells[ix["text"]].removesuffix(" (Voided)") != w["text"]:
            errs.append(f"{side} row {rn}: text {cells[ix['text']]!r} != {w['text']!r}")
        if ix["uom"] is not None and cells[ix["uom"]] != w["uom"]:
            errs.append(f"{side} row {rn}: uom {cells[ix['uom']]!r} != {w['uom']!r}")
        q, u, tot = val(r[ix["qty"]]), val(r[ix["unit"]]), val(r[ix["total"]])
        if q != F(w["qty"]) or u != F(w["unit"]) or half_up(F(w["total"])) != half_up(tot):
            errs.append(
                f"{side} row {rn}: numbers {q} {u} {tot} != {w['qty']} {w['unit']} {w['total']}"
            )
        if half_up(q * u) != half_up(tot):
            errs.append(f"{side} row {rn}: qty x unit {q * u} does not give the total {tot}")
        status = cells[ix["status"]] if ix.get("status") is not None else ""
        billed = t["role"] != "not_billed"
        if (status in NOT_BILLED or cells[ix["text"]].endswith("(Voided)")) == billed:
            errs.append(f"{side} row {rn}: status {status!r} does not say role {t['role']}")
        if t["role"] != "not_billed" or side == "vendor":
            block_sum += tot
            grand += tot
        if t["role"] in ("licence", "credit"):
            k = stated_size(
                w["base_unit"],
                cells[ix["text"]],
                cells[ix["uom"]] if ix["uom"] is not None else "",
            )
            if k != F(w["size"]):
                errs.append(
                    f"{side} row {rn}: size read from the line {k} != truth {w['size']} ({cells[ix['text']]!r})"
                )
            out.append((t["client"], t["product"], q * k, u / k, rn))
    missing = set(truth_rows) - seen
    if missing:
        errs.append(f"{side}: truth rows not in the file: {sorted(missing, key=int)[:5]}")
    return out


def findings(rv, rp):
    keys, order = {}, []
    for s, rows in (("v", rv), ("p", rp)):
        for c, p, q, u, r in rows:
            if (c, p) not in keys:
                keys[(c, p)] = {"v": [], "p": []}
                order.append((c, p))
            keys[(c, p)][s].append((q, u, r))
    agg = {}
    for k in order:
        d = keys[k]
        vq = sum((q for q, _, _ in d["v"]), F(0))
        pq = sum((q for q, _, _ in d["p"]), F(0))
        agg[k] = (
            vq,
            pq,
            sum((q * u for q, u, _ in d["v"]), F(0)) / vq if vq else None,
            sum((q * u for q, u, _ in d["p"]), F(0)) / pq if pq else None,
        )
    med = {}
    for k in order:
        if agg[k][1] > 0:
            med.setdefault(k[1], []).append(agg[k][3])
    out = set()
    for k in order:
        vq, pq, c, p = agg[k]
        d = keys[k]
        rows = (
            tuple(sorted(r for *_, r in d["v"])),
            tuple(sorted(r for *_, r in d["p"])),
        )
        res = []
        if vq > 0 and not d["p"]:
            res.append(("unbilled", vq * (statistics.median(med[k[1]]) if k[1] in med else c)))
        if vq > pq > 0:
            res.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            res.append(("over_billed", (pq - vq) * p))
        if pq > 0 and not d["v"] and p:
            res.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            res.append(("below_cost", (c - p) * min(vq, pq)))
        for t, imp in res:
            out.add((t, k[0], k[1], rows[0], rows[1], str(half_up(F(imp)))))
    return out


def check_case(folder):
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    errs = []
    rv = check_side(
        folder,
        truth,
        "vendor",
        truth["vendor_format"],
        truth["vendor_file"],
        truth["vendor_sheet"],
        errs,
    )
    rp = check_side(
        folder,
        truth,
        "psa",
        truth["psa_format"],
        truth["psa_file"],
        truth["psa_sheet"],
        errs,
    )
    got = findings(rv, rp)
    want = {
        (
            f["type"],
            f["client"],
            f["product"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
            f["monthly_impact"],
        )
        for f in truth["findings"]
    }
    if got != want:
        errs.append(
            f"findings recomputed from the files differ: {len(got - want)} extra, {len(want - got)} missing; e.g. {sorted(got ^ want)[:2]}"
        )
    types = {f["type"] for f in truth["findings"]}
    if truth["clients"] >= 60 and len(types) < 5:
        errs.append(f"finding types present: {sorted(types)}")
    for f in truth["findings"]:
        for r in f["psa_rows"]:
            if truth["rows"]["psa"][str(r)]["role"] != "licence":
                errs.append(f"finding on a non-licence row {r}")
    return truth, errs


def main(argv):
    out = Path(argv[0])
    cases = sorted(p.parent for p in out.rglob("truth.json"))
    bad = 0
    sig = {}
    for c in cases:
        truth, errs = check_case(c)
        key = (
            truth["seed"],
            truth["clients"],
            truth["vendor_format"],
            truth["psa_format"],
        )
        fs = sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in truth["findings"]
        )
        sig.setdefault(key, []).append((truth["perturb"], fs))
        if errs:
            bad += 1
            print(f"FAIL {c}")
            for e in errs[:8]:
                print("   ", e)
    for key, v in sig.items():
        if len(v) == 2 and v[0][1] != v[1][1]:
            bad += 1
            print(f"FAIL clean and perturbed twins differ: {key}")
    print(f"{len(cases)} cases checked, {bad} failing")
    return 1 if bad or not cases else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
