"""Self-check of set AS: re-reads every written file with csv / openpyxl (no generator objects) and
checks that truth.json ties to the files.

    python -m bench.independent_as.selfcheck OUT
"""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
import sys
from fractions import Fraction
from pathlib import Path

import openpyxl

# How a careful reader finds the numbers in each export (written from the formats' public layout).
V = {
    "as_pc_recon_resaved_by_excel_sg_csv": dict(
        hdr="PartnerId",
        client="CustomerName",
        product="ProductName",
        qty="BillableQuantity",
        unit="EffectiveUnitPrice",
        amount="Subtotal",
        yearly=("BillingFrequency", "Annual"),
    ),
    "as_xvantage_sg_statement_summary_first_xlsx": dict(
        hdr="End Customer",
        client="End Customer",
        qty="Qty",
        product="Product Name",
        unit="Unit Price",
        amount="Net Price",
        yearly=("Billing Term", "Annual"),
        total=("End Customer", "Grand Total"),
    ),
    "as_id_distri_daftar_faktur_rupiah_csv": dict(
        hdr="No. Faktur",
        client="Nama Pelanggan",
        product="Produk",
        qty="Jumlah",
        unit="Harga Satuan",
        amount="DPP",
        dots=True,
        total=("No. Faktur", "TOTAL"),
    ),
    "as_ph_reseller_soa_account_blocks_xlsx": dict(
        hdr="Date",
        block=("Date", "Account: "),
        product="Particulars",
        qty="Qty",
        unit="Unit Price",
        amount="Amount",
        sub=("Particulars", "Sub-total"),
        total=("Particulars", "GRAND TOTAL (net of VAT)"),
    ),
    "as_vn_reseller_bang_ke_dong_csv": dict(
        hdr="STT",
        client="Tên khách hàng (theo tenant)",
        qty="Số lượng",
        product="Tên sản phẩm",
        unit="Đơn giá",
        amount="Thành tiền",
        dots=True,
        yearly=("Kỳ cước", "12 tháng"),
        total=("Tên khách hàng (theo tenant)", "Tổng cộng"),
    ),
    "as_ke_distri_statement_upper_kes_csv": dict(
        hdr="Invoice No",
        client="End Customer Name",
        upper=True,
        product="Item Description",
        qty="Qty",
        unit="Unit Price (KES)",
        amount="Line Total (KES)",
    ),
    "as_backup_vendor_tenant_usage_usd_csv": dict(
        hdr="Tenant Name",
        client="Tenant Name",
        product="Offering Item",
        qty="Usage Quantity",
        unit="Rate (USD)",
        amount="Amount (USD)",
    ),
    "as_ng_datahub_account_blocks_naira_xlsx": dict(
        hdr="Account No",
        block=("Account No", "", "Account Name"),
        product="Service Description",
        qty="Qty",
        unit="Rate (₦)",
        amount="Amount (₦)",
        sub=("Account Name", "Account Sub-total"),
        total=("Account Name", "Invoice Total"),
    ),
}
P = {
    "as_xero_sg_invoice_export_gst9_csv": dict(
        hdr="ContactName",
        client="ContactName",
        text="Description",
        qty="Quantity",
        unit="UnitAmount",
        disc="Discount",
        amount="LineAmount",
        neg=("Type", "Sales credit note"),
        void=("Status", ("VOIDED",)),
    ),
    "as_sqlacc_my_listing_debtor_blocks_xlsx": dict(
        hdr="Doc No",
        block=("Doc No", "300-", "Doc Date"),
        text="Description",
        qty="Qty",
        unit="U/Price",
        disc="Disc",
        amount="Amount",
        void=("Status", ("Cancelled", "Suspended")),
        sub=("Description", "Total for debtor:"),
        total=("Description", "Grand Total:"),
    ),
    "as_accurate_faktur_rinci_semicolon_csv": dict(
        hdr="No. Faktur",
        client="Nama Pelanggan",
        text="Nama Barang/Jasa",
        qty="Kuantitas",
        unit="Harga Satuan",
        disc="Diskon (%)",
        amount="Jumlah",
        dots=True,
        void=("Status", ("Dibatalkan", "Ditangguhkan")),
    ),
    "as_qbo_ph_customer_detail_memo_csv": dict(
        hdr="Date",
        block=("", "*"),
        text="Memo/Description",
        qty="Qty",
        unit="Sales Price",
        amount="Amount",
        voidprefix="Voided: ",
        sub=("", "Total for "),
        total=("", "TOTAL"),
    ),
    "as_misa_so_chi_tiet_tra_lai_xlsx": dict(
        hdr="Ngày hạch toán",
        client="Tên khách hàng",
        text="Tên hàng",
        qty="Số lượng bán",
        ret="Số lượng trả lại",
        unit="Đơn giá",
        disc="Tỷ lệ CK (%)",
        amount="Doanh số bán",
        retamount="Giá trị trả lại",
        void=("Trạng thái", ("Đã hủy", "Tạm ngưng")),
        total=("Ngày hạch toán", "Cộng"),
    ),
    "as_pastel_ke_customer_tx_cp1252_tsv": dict(
        hdr="Account",
        client="Customer",
        text="Description",
        qty="Qty",
        unit="Unit Price Excl",
        disc="Disc %",
        amount="Line Total Excl",
        void=("Status", ("Cancelled",)),
    ),
    "as_zoho_books_ng_items_csv": dict(
        hdr="Invoice Date",
        client="Customer Name",
        text="Item Name",
        qty="Quantity",
        unit="Item Price",
        disc="Discount(%)",
        amount="Item Total",
        void=("Invoice Status", ("Void",)),
    ),
    "as_halo_group_recurring_bom_tsv": dict(
        hdr="Client",
        client="Client",
        text="Item",
        qty="Quantity",
        unit="Unit Price",
        amount="Net Amount",
        void=("Status", ("Cancelled",)),
    ),
}
ZERO = {"IDR", "VND"}


def read(folder, name, sheet):
    path = folder / name
    if name.endswith(".xlsx"):
        wb = openpyxl.load_workbook(path, data_only=True)
        ws = wb[sheet]
        return [["" if c is None else c for c in r] for r in ws.iter_rows(values_only=True)]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    first = text.split("\r\n", 3)
    delim = (
        "\t" if any("\t" in x for x in first) else (";" if any(";" in x for x in first) else ",")
    )
    return [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]


def number(v, dots=False):
    if isinstance(v, (int, float)):
        return Fraction(repr(v)) if isinstance(v, float) else Fraction(v)
    s = str(v).strip()
    if not s:
        return Fraction(0)
    neg = s.startswith("-")
    s = re.sub(r"[^0-9.,]", "", s)
    if dots:
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    f = Fraction(s)
    return -f if neg else f


def rnd(x, places):
    q = Fraction(10) ** places
    v = abs(x) * q
    r = Fraction(int(v + Fraction(1, 2))) / q
    return r if x >= 0 else -r


def parse(records, spec, kind):
    h = next(
        i
        for i, r in enumerate(records)
        if r
        and str(r[0]).strip() == spec["hdr"]
        or (spec["hdr"] == "Date" and len(r) > 1 and r[:2] in (["", "Date"], ["Date", "SI No."]))
    )
    hdr = [str(x) for x in records[h]]
    col = {n: i for i, n in enumerate(hdr) if n}
    col.setdefault("", 0)
    lines, subs, totals = {}, [], []
    client, acc = None, Fraction(0)

    def cell(r, name):
        i = col[name]
        return r[i] if i < len(r) else ""

    for i in range(h + 1, len(records)):
        r = records[i]
        if not any(str(x).strip() for x in r):
            continue
        rown = i + 1
        first = str(r[0]).strip()
        if "total" in spec and str(cell(r, spec["total"][0])).strip() == spec["total"][1]:
            totals.append((rown, r))
            continue
        if "sub" in spec and str(cell(r, spec["sub"][0])).strip().startswith(spec["sub"][1]):
            subs.append((rown, r, acc))
            acc = Fraction(0)
            continue
        if "block" in spec:
            b = spec["block"]
            if b[1] == "*":  # QBO: customer on a row whose first cell is filled
                if first and not first.startswith(("Total for", "TOTAL", "Accrual")):
                    client = first
                    continue
                if first.startswith("Accrual"):
                    continue
            elif b[1] == "" and str(cell(r, b[0])).strip():  # account number, name beside
                client = str(cell(r, b[2])).strip()
                continue
            elif b[1] and str(cell(r, b[0])).strip().startswith(b[1]):
                client = (
                    str(cell(r, b[0]))[len(b[1]) :].strip()
                    if len(b) == 2
                    else str(cell(r, b[2])).strip()
                )
                continue
        dots = spec.get("dots", False)
        d = {}
        d["client"] = client if "block" in spec else str(cell(r, spec["client"]))
        if kind == "psa":
            d["text"] = str(cell(r, spec["text"]))
            q = number(cell(r, spec["qty"]), dots) if str(cell(r, spec["qty"])).strip() else None
            amt = (
                number(cell(r, spec["amount"]), dots)
                if str(cell(r, spec["amount"])).strip()
                else None
            )
            if q is None and "ret" in spec:
                q = -number(cell(r, spec["ret"]), dots)
                amt = -number(cell(r, spec["retamount"]), dots)
            if "neg" in spec and str(cell(r, spec["neg"][0])) == spec["neg"][1]:
                q, amt = -q, -amt
            unit = number(cell(r, spec["unit"]), dots)
            disc = (
                number(str(cell(r, spec["disc"])).replace("%", ""), dots)
                if spec.get("disc")
                else Fraction(0)
            )
            d["void"] = False
            if "void" in spec and str(cell(r, spec["void"][0])).strip() in spec["void"][1]:
                d["void"] = True
            if spec.get("voidprefix") and d["text"].startswith(spec["voidprefix"]):
                d["void"], d["text"] = True, d["text"][len(spec["voidprefix"]) :]
            d["unit"] = unit * (1 - disc / 100)
        else:
            d["text"] = str(cell(r, spec["product"]))
            q = number(cell(r, spec["qty"]), dots)
            amt = number(cell(r, spec["amount"]), dots)
            unit = number(cell(r, spec["unit"]), dots)
            if "yearly" in spec and str(cell(r, spec["yearly"][0])).strip() == spec["yearly"][1]:
                unit = unit / 12
                amt = amt / 12
            d["unit"] = unit
        d["qty"], d["amount"] = q, amt
        if not d.get("void"):
            acc += amt
        lines[rown] = d
    return lines, subs, totals, col, spec


def check_case(folder):
    folder = Path(folder)
    t = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    errs = []
    places = 0 if t["currency"] in ZERO else 2
    names = {}
    for side, spec, fname, sheet in (
        ("vendor", V[t["vendor_format"]], t["vendor_file"], t["vendor_sheet"]),
        ("psa", P[t["psa_format"]], t["psa_file"], t["psa_sheet"]),
    ):
        recs = read(folder, fname, sheet)
        lines, subs, totals, col, sp = parse(recs, spec, side)
        truth = t["rows"][side]
        if set(lines) != {int(k) for k in truth}:
            errs.append(
                f"{side}: line rows differ: file-only {sorted(set(lines) - {int(k) for k in truth})[:5]}"
                f" truth-only {sorted({int(k) for k in truth} - set(lines))[:5]}"
            )
        for k, tr in truth.items():
            d = lines.get(int(k))
            if d is None:
                continue
            if side == "vendor":
                want = tr["client"].upper() if sp.get("upper") else tr["client"]
                if d["client"] != want:
                    errs.append(f"vendor row {k}: client {d['client']!r} != {want!r}")
            else:
                if d["client"] != tr["client_text"]:
                    errs.append(f"psa row {k}: client {d['client']!r} != {tr['client_text']!r}")
                if d["text"] != tr["text"]:
                    errs.append(f"psa row {k}: text {d['text']!r} != {tr['text']!r}")
                if d["void"] != (tr["role"] == "not_billed"):
                    errs.append(f"psa row {k}: status does not say {tr['role']}")
            if side == "psa" and tr["role"] == "not_billed" and sp.get("voidprefix"):
                d["truth"] = tr
                continue  # QuickBooks shows a voided line with zero quantity and amount
            if d["qty"] != tr["qty"]:
                errs.append(f"{side} row {k}: qty {d['qty']} != {tr['qty']}")
            mu = Fraction(tr["monthly_unit"])
            if d["unit"] != mu:
                errs.append(f"{side} row {k}: monthly unit {d['unit']} != {mu}")
            if abs(d["amount"] - rnd(d["qty"] * d["unit"], places)) > Fraction(1, 10**places) / 2:
                errs.append(
                    f"{side} row {k}: amount {d['amount']} != qty x unit {d['qty'] * d['unit']}"
                )
            d["truth"] = tr
        amtcol = sp["amount"]
        for rown, r, acc in subs:
            v = number(r[col[amtcol]] if amtcol in col else r[-2], sp.get("dots", False))
            if v != acc:
                errs.append(f"{side} sub-total row {rown}: {v} != {acc}")
        for rown, r in totals:
            ci = col[amtcol]
            v = number(r[ci], sp.get("dots", False))
            s = sum(
                number(recs[n - 1][ci], sp.get("dots", False))
                for n, d in lines.items()
                if not d.get("void")
            )
            if v != s:
                errs.append(f"{side} total row {rown}: {v} != sum of lines {s}")
        names[side] = lines
    errs += recompute(t, names)
    return errs


def recompute(t, lines):
    """The README's rules, written again from the values read back from the files."""
    V_, P_ = {}, {}
    for n, d in lines["vendor"].items():
        tr = d.get("truth")
        if tr and tr["role"] in ("licence", "credit"):
            V_.setdefault((tr["client"], tr["product"]), []).append((n, d["qty"], d["unit"]))
    for n, d in lines["psa"].items():
        tr = d.get("truth")
        if tr and tr["role"] == "licence":
            P_.setdefault((tr["client"], tr["product"]), []).append((n, d["qty"], d["unit"]))

    def agg(rs):
        q = sum(x[1] for x in rs)
        return q, (sum(x[1] * x[2] for x in rs) / q if q else Fraction(0))

    med = {}
    for (c, p), rs in P_.items():
        q, u = agg(rs)
        if q > 0:
            med.setdefault(p, []).append(u)
    got = []
    for key in set(V_) | set(P_):
        vr, pr = V_.get(key, []), P_.get(key, [])
        vq, c = agg(vr) if vr else (0, Fraction(0))
        pq, p = agg(pr) if pr else (0, Fraction(0))
        fs = []
        if vq > 0 and not pr:
            fs.append(
                (
                    "unbilled",
                    vq * (statistics.median(med[key[1]]) if key[1] in med else c),
                )
            )
        if vq > pq > 0:
            fs.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            fs.append(("over_billed", (pq - vq) * p))
        if pq > 0 and not vr and p > 0:
            fs.append(("no_vendor_record", pq * p))
        if vr and pr and vq > 0 and pq > 0 and p < c:
            fs.append(("below_cost", (c - p) * min(vq, pq)))
        for ty, a in fs:
            a = rnd(a, 2)
            if a > 0:
                got.append(
                    (
                        ty,
                        key[0],
                        key[1],
                        f"{a:.2f}" if False else str(a.numerator * 100 // a.denominator),
                        tuple(sorted(x[0] for x in vr)),
                        tuple(sorted(x[0] for x in pr)),
                    )
                )
    want = [
        (
            f["type"],
            f["client"],
            f["product"],
            str(int(f["monthly_impact"].replace(".", ""))),
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
        )
        for f in t["findings"]
    ]
    errs = []
    if sorted(got) != sorted(want):
        a, b = set(got), set(want)
        errs.append(
            f"findings differ: recomputed-only {sorted(a - b)[:3]} truth-only {sorted(b - a)[:3]}"
        )
    return errs


def main(argv):
    out = Path(argv[0])
    cases = sorted(p.parent for p in out.rglob("truth.json"))
    bad = 0
    for c in cases:
        errs = check_case(c)
        if errs:
            bad += 1
            print(f"FAIL {c}: {len(errs)} problems")
            for e in errs[:8]:
                print("   ", e)
    pairs = {}
    for c in cases:
        if c.name == "clean" and (c.parent / "perturbed" / "truth.json").exists():
            a = json.loads((c / "truth.json").read_text(encoding="utf-8"))["findings"]
            b = json.loads((c.parent / "perturbed" / "truth.json").read_text(encoding="utf-8"))[
                "findings"
            ]
            strip = lambda fs: sorted(  # noqa: E731
                (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in fs
            )
            pairs[c] = strip(a) == strip(b)
            if not pairs[c]:
                bad += 1
                print(f"FAIL {c.parent}: clean and perturbed findings differ")
    print(f"{len(cases)} cases checked, {len(pairs)} clean/perturbed twins compared, {bad} failing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
