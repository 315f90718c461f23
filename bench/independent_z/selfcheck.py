"""Self-check of written set-Z cases: python -m bench.independent_z.selfcheck DIR

For every truth.json under DIR: re-read both files with csv / openpyxl, confirm every truth row
is the data row the generator wrote (client and product text in it), read quantity, unit amount
and term back from the cells by column name, recompute every finding from those cells (truth is
used only for which client / product / role a row is) and compare with truth; and check that a
perturbed case and its clean twin have the same findings.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
from decimal import Decimal as D
from fractions import Fraction as F
from pathlib import Path

import openpyxl

from . import write_case
from .scenario import money

CSV_ENC = {"cloudmore_billing.csv": ("cp1252", ";")}


def read_rows(folder, name, sheet):
    path = folder / name
    if name.endswith(".csv"):
        enc, delim = CSV_ENC.get(name, ("utf-8-sig", ","))
        with open(path, encoding=enc, newline="") as f:
            return [list(r) for r in csv.reader(f, delimiter=delim)]
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb[sheet]
    rows = [["" if v is None else v for v in r] for r in ws.iter_rows(values_only=True)]
    wb.close()
    return rows


def fnum(v):
    if isinstance(v, (int, float)):
        return F(D(str(v)))
    s = str(v).strip().lstrip("'").replace("$", "").replace("€", "").replace("\u00a0", "")
    neg = s.startswith("-")
    s = s.lstrip("-")
    if "," in s and "." not in s:
        s = s.replace(" ", "").replace(",", ".")
    else:
        s = s.replace(",", "").replace(" ", "")
    x = F(D(s))
    return -x if neg else x


def _hdr(rows, name):
    for i, r in enumerate(rows):
        if name in [str(c) for c in r]:
            return i, {str(c): j for j, c in enumerate(r)}
    raise AssertionError(f"header with {name} not found")


def vendor_values(fmt, rows, rownum):
    """(qty, monthly unit cost) of 1-based row rownum"""
    spec = {
        "pc_nce_recon_quirks_csv": (
            "BillableQuantity",
            "EffectiveUnitPrice",
            "BillingFrequency",
            "Annual",
        ),
        "pc_legacy_otherdiscount_xlsx": ("Quantity", "Subtotal/", "BillingCycleType", "Annual"),
        "pax8_invoice_snake_gbp_csv": ("quantity", "cost", "term", "Annual"),
        "sherweb_cumulus_cad_setup_xlsx": ("Quantity", "Cost Price", "Billing Cycle", "Yearly"),
        "ingram_xv_au_netprice_xlsx": ("Qty", "Net Price/", "Billing Frequency", "Annual"),
        "tdsynnex_ion_summary_sheet_xlsx": ("Quantity", "Unit Price", "Billing Term", "Annual"),
        "dicker_annuity_stockterm_csv": ("QTY", "UNIT PRICE", "STOCK CODE", ":Y:"),
        "cloudmore_se_semicolon_sek_csv": (
            "Quantity",
            "Unit Cost Price",
            "Payment Frequency",
            "Annually",
        ),
        "generic_dist_fr_ht_xlsx": ("Qté", "PU HT", "Périodicité", "Annuelle"),
        "pax8_api_camel_annual_xlsx": ("quantity", "cost", "term", "Annual"),
    }[fmt]
    qn, un, tn, tv = spec
    _, h = _hdr(rows, qn)
    r = rows[rownum - 1]
    q = fnum(r[h[qn]])
    if un == "Subtotal/":
        u = fnum(r[h["Subtotal"]]) / q
    elif un.endswith("/"):
        u = fnum(r[h[un[:-1]]]) / q
    else:
        u = fnum(r[h[un]])
    annual = tv in str(r[h[tn]]) if tv.startswith(":") else str(r[h[tn]]) == tv
    return q, u / (12 if annual else 1)


def psa_values(fmt, rows, rownum):
    """(qty, monthly unit price, billed?) of 1-based row rownum"""
    r = rows[rownum - 1]
    per = {"Monthly": 1, "Quarterly": 3, "Yearly": 12, "Annually": 12}
    if fmt == "cw_additions_less_included_xlsx":
        _, h = _hdr(rows, "Less Included")
        q = fnum(r[h["Quantity"]]) - fnum(r[h["Less Included"]] or 0)
        return q, fnum(r[h["Price"]]), not r[h["Cancelled"]]
    if fmt == "autotask_contract_svc_periods_csv":
        _, h = _hdr(rows, "Units")
        return fnum(r[h["Units"]]), fnum(r[h["Unit Price"]]) / per[r[h["Period Type"]]], True
    if fmt == "halopsa_recurring_gb_tokens_xlsx":
        _, h = _hdr(rows, "qty_order")
        return fnum(r[h["qty_order"]]), fnum(r[h["unit_price"]]), True
    if fmt == "syncro_schedule_items_cents_csv":
        _, h = _hdr(rows, "retail_cents")
        return (
            fnum(r[h["quantity"]]),
            fnum(r[h["retail_cents"]]) / 100 / per[r[h["frequency"]]],
            r[h["paused"]] != "true",
        )
    if fmt == "kaseya_bms_services_enddate_xlsx":
        _, h = _hdr(rows, "Billing Frequency")
        return (
            fnum(r[h["Quantity"]]),
            fnum(r[h["Unit Price"]]) / per[r[h["Billing Frequency"]]],
            not r[h["End Date"]],
        )
    if fmt == "xero_receivable_disc_au_xlsx":
        _, h = _hdr(rows, "Disc %")
        d = fnum(r[h["Disc %"]]) if r[h["Disc %"]] != "" else F(0)
        return fnum(r[h["Quantity"]]), fnum(r[h["Unit Price"]]) * (1 - d / 100), True
    if fmt == "qbo_cust_detail_uk_xlsx":
        _, h = _hdr(rows, "Sales price")
        return fnum(r[h["Qty"]]), fnum(r[h["Sales price"]]), True
    if fmt == "cw_invoice_product_lines_au_csv":
        _, h = _hdr(rows, "Item ID")
        return fnum(r[h["Quantity"]]), fnum(r[h["Unit Price"]]), True
    raise AssertionError(fmt)


def recompute(truth, vrows, prows):
    v, p = {}, {}
    for rn, info in truth["rows"]["vendor"].items():
        if info["role"] not in ("licence", "credit"):
            continue
        q, u = vendor_values(truth["vendor_format"], vrows, int(rn))
        e = v.setdefault((info["client"], info["product"]), [0, F(0), []])
        e[0] += q
        e[1] += q * u
        e[2].append(int(rn))
    for rn, info in truth["rows"]["psa"].items():
        if info["role"] not in ("licence", "not_billed"):
            continue
        q, u, billed = psa_values(truth["psa_format"], prows, int(rn))
        assert billed == (info["role"] == "licence"), (rn, info)
        if not billed:
            continue
        e = p.setdefault((info["client"], info["product"]), [0, F(0), []])
        e[0] += q
        e[1] += q * u
        e[2].append(int(rn))
    prices = {}
    for (_c, pk), (q, a, _) in p.items():
        if q > 0:
            prices.setdefault(pk, []).append(a / q)
    med = {k: statistics.median(sorted(x)) for k, x in prices.items()}
    out = set()
    for key in set(v) | set(p):
        vq, va, vr = v.get(key, (0, F(0), []))
        pq, pa, pr = p.get(key, (0, F(0), []))
        c = va / vq if vq > 0 else None
        pp = pa / pq if pq > 0 else None
        rows = (tuple(sorted(vr)), tuple(sorted(pr)))
        if vq > 0 and pq <= 0:
            out.add(("unbilled", *key, money(vq * med.get(key[1], c)), *rows))
        elif pq > 0 and vq <= 0:
            if pp:
                out.add(("no_vendor_record", *key, money(pq * pp), *rows))
        else:
            if vq > pq:
                out.add(("under_billed", *key, money((vq - pq) * pp), *rows))
            elif pq > vq:
                out.add(("over_billed", *key, money((pq - vq) * pp), *rows))
            if pp < c:
                out.add(("below_cost", *key, money((c - pp) * min(vq, pq)), *rows))
    return out


def norm(v):
    if v is None or v == "":
        return ""
    if isinstance(v, (int, float, D)) and not isinstance(v, bool):
        return f"{F(D(str(v))):}"
    return str(v)


def check_case(tpath):
    folder = tpath.parent
    truth = json.loads(tpath.read_text(encoding="utf-8"))
    vrows = read_rows(folder, truth["vendor_file"], truth["vendor_sheet"])
    prows = read_rows(folder, truth["psa_file"], truth["psa_sheet"])
    errors = []
    # 1. regenerate in memory (to a scratch folder) and compare each row's cells
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        case, *_ = write_case(
            Path(tmp),
            truth["seed"],
            truth["vendor_format"],
            truth["psa_format"],
            truth["clients"],
            truth["perturb"],
        )
    byid = {c["id"]: c for c in case.clients}
    for side, lines, rows in (("vendor", case.vlines, vrows), ("psa", case.plines, prows)):
        if len(lines) != len(truth["rows"][side]):
            errors.append(f"{side}: {len(lines)} lines, {len(truth['rows'][side])} truth rows")
        for ln in lines:
            got = rows[ln.row - 1]
            want = ln.cells
            g = [norm(x) for x in got][: len(want)]
            w = [norm(x) for x in want]
            g += [""] * (len(w) - len(g))
            if g != w:
                errors.append(f"{side} row {ln.row}: cells differ {g[:6]} vs {w[:6]}")
                continue
            info = truth["rows"][side][str(ln.row)]
            if info["client"] != byid[ln.cid]["canonical"]:
                errors.append(f"{side} row {ln.row}: client")
            name = byid[ln.cid]["vname" if side == "vendor" else "pname"]
            if side == "vendor" or truth["psa_format"] not in (
                "xero_receivable_disc_au_xlsx",
                "qbo_cust_detail_uk_xlsx",
            ):
                if name not in [str(x) for x in got]:
                    errors.append(f"{side} row {ln.row}: client text {name!r} not in row")
            else:  # group row above
                k = ln.row - 1
                while k > 0 and any(str(x) != "" for x in rows[k - 1][1:]):
                    k -= 1
                if str(rows[k - 1][0]) != name:
                    errors.append(f"psa row {ln.row}: group row {rows[k - 1][0]!r} != {name!r}")
            if side == "psa" and ln.text not in [str(x) for x in got]:
                errors.append(f"psa row {ln.row}: text {ln.text!r} missing")
    # 2. recompute every finding from the cells
    want = {
        (
            f["type"],
            f["client"],
            f["product"],
            f["monthly_impact"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
        )
        for f in truth["findings"]
    }
    got = recompute(truth, vrows, prows)
    if want != got:
        errors.append(
            f"findings differ: {len(want - got)} only in truth, "
            f"{len(got - want)} only recomputed; e.g. {sorted(want ^ got)[:2]}"
        )
    return truth, errors


def main(argv):
    root = Path(argv[1] if len(argv) > 1 else ".")
    n, bad = 0, 0
    fsets = {}
    for t in sorted(root.rglob("truth.json")):
        truth, errs = check_case(t)
        n += 1
        key = (truth["seed"], truth["clients"], truth["vendor_format"], truth["psa_format"])
        fsets.setdefault(key, {})[truth["perturb"]] = {
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in truth["findings"]
        }
        if errs:
            bad += 1
            print(f"FAIL {t}:")
            for e in errs[:8]:
                print("   ", e)
    for key, d in fsets.items():
        if True in d and False in d and d[True] != d[False]:
            bad += 1
            print(f"FAIL twin findings differ: {key}")
    print(f"{n} cases checked, {bad} failures")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
