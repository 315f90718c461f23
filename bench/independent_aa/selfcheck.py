"""python -m bench.independent_aa.selfcheck DIR: re-read every case under DIR and check truth.json.

For each case: every truth row is a data row of the file (CSV record / sheet row), holds the client's
written name (or its group row above) and a quantity; the findings are recomputed from the cells
(quantity, unit amount, yearly term) using truth only for which client / product / role a row is;
each perturbed case and its clean twin have the same findings.
"""

from __future__ import annotations

import csv
import json
import sys
from decimal import Decimal as D
from fractions import Fraction as F
from pathlib import Path

import openpyxl

from .model import fr2, median


def read_rows(path, sheet):
    if path.suffix == ".xlsx":
        ws = openpyxl.load_workbook(path, read_only=True, data_only=True)[sheet]
        return [[("" if v is None else v) for v in r] for r in ws.iter_rows(values_only=True)]
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    delim = (
        ";" if text.split("\r\n", 1)[0].count(";") > text.split("\r\n", 1)[0].count(",") else ","
    )
    return list(csv.reader(text.splitlines(), delimiter=delim))


def to_num(v):
    if isinstance(v, (int, float)):
        return F(D(str(v)))
    s = str(v).replace("$", "").strip()
    if "," in s and (s.rfind(",") > s.rfind(".")):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return F(D(s))


VCOLS = {  # quantity column, unit column, yearly test
    "pc_nce_recon_au_yearly_mixed_csv": (
        "BillableQuantity",
        "EffectiveUnitPrice",
        "BillingFrequency",
        "Annual",
    ),
    "pc_legacy_licence_eur_csv": ("Quantity", None, "BillingCycleType", "Annual"),
    "pax8_invoice_portal_nz_xlsx": ("quantity", "cost", "term", "Annual"),
    "sherweb_invoice_detail_usd_csv": ("Quantity", "Unit Price", "Billing Cycle", "Yearly"),
    "ingram_cmp_de_statement_xlsx": ("Menge", None, "Abrechnungsintervall", "jährlich"),
    "tdsynnex_ion_gb_csv": ("Quantity", "Unit Price", "Billing Frequency", "Annual"),
    "generic_dist_nl_semicolon_csv": ("Aantal", "Prijs per stuk", "Facturatie", "Jaarlijks"),
    "dicker_annuity_nz_xlsx": ("QTY", "UNIT PRICE", "STOCK CODE", ":Y:"),
}
PCOLS = {
    "cw_additions_bill_flag_us_xlsx": ("Quantity", "Price", "Company Name"),
    "cw_invoice_lines_gb_csv": ("Qty", "Unit Price", "Company"),
    "autotask_billing_items_au_csv": ("Units", "Rate", "Account Name"),
    "halopsa_invoice_lines_de_semicolon_csv": ("Menge", "Einzelpreis", "Kunde"),
    "syncro_invoice_items_xlsx": ("Quantity", "Price", "Customer"),
    "kaseya_bms_recurring_gb_csv": ("Quantity", "Unit Price", "Account Name"),
    "xero_sales_by_item_nz_xlsx": ("Quantity", "Unit Price", "Contact"),
    "qbo_product_service_detail_au_xlsx": ("Qty", "Sales Price", "Customer"),
}


def header_index(rows, must):
    for i, r in enumerate(rows):
        if must in [str(x) for x in r]:
            return i, {str(x): j for j, x in enumerate(r)}
    raise AssertionError(f"no header with {must}")


def check_case(d):
    t = json.loads((d / "truth.json").read_text(encoding="utf-8"))
    errs = []
    vrows = read_rows(d / t["vendor_file"], t["vendor_sheet"])
    prows = read_rows(d / t["psa_file"], t["psa_sheet"])
    qc, uc, tc, tv = VCOLS[t["vendor_format"]]
    _, vh = header_index(vrows, qc)
    pq_c, pp_c, pcl = PCOLS[t["psa_format"]]
    _, ph = header_index(prows, pq_c)
    vk, pk = {}, {}
    for rn, info in t["rows"]["vendor"].items():
        r = vrows[int(rn) - 1]
        q = to_num(r[vh[qc]])
        if uc:
            u = to_num(r[vh[uc]])
        else:  # legacy: Subtotal / Quantity; Ingram: Nettopreis / Menge
            tot = r[vh["Subtotal"]] if "Subtotal" in vh else r[vh["Nettopreis"]]
            u = to_num(tot) / q
        if tv in str(r[vh[tc]]):
            u = u / 12
        if info["role"] in ("licence", "credit"):
            vk.setdefault((info["client"], info["product"]), []).append((q, u, int(rn)))
        if q == 0:
            errs.append(f"vendor row {rn}: zero quantity")
    for rn, info in t["rows"]["psa"].items():
        r = prows[int(rn) - 1]
        try:
            q, u = to_num(r[ph[pq_c]]), to_num(r[ph[pp_c]])
        except Exception as e:
            errs.append(f"psa row {rn}: {e} {r}")
            continue
        if not str(r[ph[pcl]]).strip():
            errs.append(f"psa row {rn}: no client")
        if info["role"] in ("licence", "credit"):
            pk.setdefault((info["client"], info["product"]), []).append((q, u, int(rn)))
    price = {
        k: (sum(q for q, _, _ in ls), sum(q * u for q, u, _ in ls) / sum(q for q, _, _ in ls))
        for k, ls in pk.items()
    }
    med = {}
    for (_cl, pr), (q, p) in price.items():
        if q > 0:
            med.setdefault(pr, []).append(p)
    got = []
    for k in set(vk) | set(pk):
        vq = sum(q for q, _, _ in vk.get(k, []))
        c = sum(q * u for q, u, _ in vk[k]) / vq if k in vk else None
        vr = sorted(r for *_, r in vk.get(k, []))
        pr_ = sorted(r for *_, r in pk.get(k, []))
        if k in vk and k not in pk:
            got.append(
                ("unbilled", *k, fr2(vq * (median(med[k[1]]) if med.get(k[1]) else c)), vr, pr_)
            )
            continue
        pq, p = price[k]
        if k not in vk:
            if p != 0:
                got.append(("no_vendor_record", *k, fr2(pq * p), vr, pr_))
            continue
        if vq > pq > 0:
            got.append(("under_billed", *k, fr2((vq - pq) * p), vr, pr_))
        elif pq > vq > 0:
            got.append(("over_billed", *k, fr2((pq - vq) * p), vr, pr_))
        if p < c:
            got.append(("below_cost", *k, fr2((c - p) * min(vq, pq)), vr, pr_))
    want = [
        (f["type"], f["client"], f["product"], f["monthly_impact"], f["vendor_rows"], f["psa_rows"])
        for f in t["findings"]
    ]
    if sorted(map(str, got)) != sorted(map(str, want)):
        a, b = set(map(str, got)), set(map(str, want))
        errs.append(
            f"findings differ: only recomputed {sorted(a - b)[:3]} only truth {sorted(b - a)[:3]}"
        )
    return t, errs


def main(root):
    root = Path(root)
    n, bad = 0, 0
    twins = {}
    for tp in sorted(root.rglob("truth.json")):
        t, errs = check_case(tp.parent)
        n += 1
        twins.setdefault(tp.parent.parent, {})[t["perturb"]] = sorted(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]
        )
        if errs:
            bad += 1
            print(tp.parent, *errs[:5], sep="\n  ")
    for k, tw in twins.items():
        if len(tw) == 2 and tw[True] != tw[False]:
            bad += 1
            print(k, "perturbed and clean twins differ in findings")
    print(f"{n} cases checked, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
