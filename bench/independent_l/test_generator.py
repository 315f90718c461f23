"""Checks of evaluation set L.

The findings are recomputed from the *rendered files* with independent readers (csv module, openpyxl,
python-calamine) and an independent implementation of rules.md, and compared with truth.json.
Run: /work/venv/bin/python -m pytest bench/independent_l -q
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F
from pathlib import Path

import pytest

from bench.independent_l import PSA_FORMATS, VENDOR_FORMATS, generate_case

ROOT = Path(__file__).resolve().parents[2]
CUTOFF = dt.date(2026, 10, 31)


# ---------------------------------------------------------------- readers


def read_csv(path: Path, delimiter: str = ",", encoding: str = "utf-8-sig") -> list[list]:
    with open(path, newline="", encoding=encoding) as fh:
        return [r for r in csv.reader(fh, delimiter=delimiter)]


def read_xlsx_openpyxl(path: Path, sheet: str | None = None) -> list[list]:
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    out = []
    for r in range(1, ws.max_row + 1):
        out.append([ws.cell(r, c).value for c in range(1, ws.max_column + 1)])
    return out


def read_calamine(path: Path, sheet: str | None = None) -> list[list]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    name = sheet or wb.sheet_names[0]
    return wb.get_sheet_by_name(name).to_python(skip_empty_area=False)


def num(x) -> F:
    if isinstance(x, (int, float)):
        return F(Decimal(str(x)))
    s = str(x).strip().lstrip("'").replace("$", "")
    neg = s.startswith("-")
    s = s.lstrip("-")
    return -F(Decimal(s)) if neg else F(Decimal(s))


def num_comma(x) -> F:
    return num(str(x).replace(".", "").replace(",", "."))


def as_date(x) -> dt.date | None:
    if x in (None, ""):
        return None
    if isinstance(x, dt.datetime):
        return x.date()
    if isinstance(x, dt.date):
        return x
    return dt.datetime.strptime(str(x), "%m/%d/%Y").date()


def table(rows: list[list], header_key: str) -> tuple[int, list[str]]:
    for i, r in enumerate(rows):
        if header_key in [str(v) if v is not None else "" for v in r]:
            return i, [str(v) if v is not None else "" for v in r]
    raise AssertionError(f"header with {header_key!r} not found")


def records(rows, header_key):
    """(row number, dict) for every row under the header that is a data row (has the header's width)."""
    h, cols = table(rows, header_key)
    for i in range(h + 1, len(rows)):
        r = rows[i]
        d = {c: (r[j] if j < len(r) else None) for j, c in enumerate(cols) if c}
        yield i + 1, d


# vendor readers: row -> (qty, monthly unit cost)


def v_pc_nce(p):
    for n, d in records(read_csv(p), "BillableQuantity"):
        if d["BillableQuantity"] == "BillableQuantity":
            continue
        q = int(num(d["BillableQuantity"]))
        u = num(d["EffectiveUnitPrice"])
        assert num(d["Subtotal"]) == u * q
        yield n, q, u / 12 if d["BillingFrequency"] == "Annual" else u


def v_pc_legacy(p):
    for n, d in records(read_csv(p), "TotalOtherDiscount"):
        q = int(num(d["Quantity"]))
        u = num(d["Subtotal"]) / q
        yield n, q, u / 12 if d["BillingCycleType"] == "Annual" else u


def v_pax8_api(p):
    for n, d in records(read_csv(p), "costTotal"):
        q = int(d["quantity"])
        span = dt.date.fromisoformat(d["endPeriod"]) - dt.date.fromisoformat(d["startPeriod"])
        u = num(d["cost"])
        yield n, q, u / 12 if span.days > 40 else u


def v_pax8_portal(p):
    for n, d in records(read_csv(p), "partner_subtotal"):
        u = num(d["cost"])
        yield n, int(d["quantity"]), u / 12 if "billed annually" in d["details"] else u


def v_td_synnex(p):
    rows = read_xlsx_openpyxl(p, "Billing Details")
    for n, d in records(rows, "Extended Price"):
        u = num(d["Unit Price"])
        yield n, int(d["Quantity"]), u / 12 if d["Billing Frequency"] == "Annual" else u


def v_ingram(p):
    for n, d in records(read_csv(p), "Net Price"):
        q = int(d["Quantity"])
        u = num(d["Net Price"]) / q
        yield n, q, u / 12 if d["Duration"] == "12" else u


def v_sherweb(p):
    for n, d in records(read_calamine(p), "Unit cost"):
        u = num(d["Unit cost"])
        yield n, int(d["Quantity"]), u / 12 if d["Billing cycle"] == "Yearly" else u


def v_dicker(p):
    for n, d in records(read_csv(p), "STOCK CODE"):
        u = num(d["UNIT PRICE"])
        yield n, int(d["QTY"]), u / 12 if d["REVALUATION PERIOD"] == "ANNUAL" else u


def v_cloudmore(p):
    for n, d in records(read_csv(p, ";", "cp1252"), "Unit Cost Price"):
        u = num_comma(d["Unit Cost Price"])
        yield n, int(d["Quantity"]), u / 12 if d["Payment Frequency"] == "Annually" else u


def v_generic_xls(p):
    for n, d in records(read_calamine(p), "Licences"):
        if d["Licences"] in (None, ""):
            continue
        u = num(d["Unit Price (GBP)"])
        yield n, int(d["Licences"]), u / 12 if d["Billing"] == "Annual upfront" else u


def v_also_de(p):
    for n, d in records(read_xlsx_openpyxl(p), "Einzelpreis (EK)"):
        u = num(d["Einzelpreis (EK)"])
        yield n, int(d["Menge"]), u / 12 if d["Abrechnung"] == "jährlich" else u


def v_generic_csv(p):
    for n, d in records(read_csv(p), "Cost per Seat (ex GST)"):
        if d["Product"] == "Invoice total":
            continue
        u = num(d["Cost per Seat (ex GST)"].replace(",", ""))
        assert num(d["Line Cost (ex GST)"].replace(",", "")) == u * int(d["Seats"])
        yield n, int(d["Seats"]), u / 12 if d["Billing"] == "Upfront (annual)" else u


# PSA readers: row -> (qty, monthly unit price, cancelled?)


def p_cw_additions(p):
    for n, d in records(read_csv(p), "Less Included"):
        q = int(d["Quantity"]) - int(d["Less Included"])
        u = num(d["Price"])
        c = (
            d["Addition Status"] == "Cancelled"
            or (as_date(d["Cancelled"]) or dt.date.max) <= CUTOFF
        )
        yield n, q, u / 12 if d["Billing Cycle"] == "Annual" else u, c


def p_cw_cancel_dates(p):
    for n, d in records(read_xlsx_openpyxl(p), "Cancelled Date"):
        cd = as_date(d["Cancelled Date"])
        yield n, int(d["Qty"]), num(d["Unit Price"]), bool(cd and cd <= CUTOFF)


def p_autotask(p):
    for n, d in records(read_xlsx_openpyxl(p), "Adjusted Price"):
        if d["Account Name"] == "Total":
            continue
        u = num(d["Adjusted Price"])
        yield (
            n,
            int(d["Units"]),
            u / 12 if d["Period Type"] == "Yearly" else u,
            d["Contract Status"] != "Active",
        )


def p_halo(p):
    for n, d in records(read_calamine(p), "Net Amount"):
        u = num(d["Unit Price"])
        yield n, int(d["Qty"]), u / 12 if d["Schedule"] == "Yearly" else u, d["Active"] == "No"


def p_syncro(p):
    for n, d in records(read_csv(p), "Retail Cents"):
        u = F(int(d["Retail Cents"]), 100)
        yield (
            n,
            int(d["Quantity"]),
            u / 12 if d["Frequency"] == "Annually" else u,
            d["Paused"] == "true",
        )


def p_kaseya_bms(p):
    for n, d in records(read_xlsx_openpyxl(p), "Rate"):
        u = num(d["Rate"])
        yield (
            n,
            int(d["Quantity"]),
            u / 12 if d["Frequency"] == "Annually" else u,
            d["Status"] == "Cancelled",
        )


def p_qbo(p):
    for n, d in records(read_xlsx_openpyxl(p), "Memo/Description"):
        if d["Transaction Type"] in (None, ""):
            continue  # group, total and footer rows
        yield (
            n,
            int(d["Qty"]),
            num(d["Sales Price"]),
            str(d["Memo/Description"]).startswith("Voided"),
        )


def p_xero_csv(p):
    for n, d in records(read_csv(p), "*UnitAmount"):
        u = num(d["*UnitAmount"]) * (1 - (num(d["Discount"]) if d["Discount"] else F(0)) / 100)
        yield n, int(num(d["*Quantity"])), u, d["Status"] == "VOIDED"


def p_xero_report(p):
    for n, d in records(read_calamine(p), "Line Amount"):
        if d["Status"] in (None, ""):
            continue
        u = num(d["Unit Price"]) * (
            1 - (num(d["Discount %"]) if d["Discount %"] not in (None, "") else F(0)) / 100
        )
        yield n, int(d["Quantity"]), u, d["Status"] == "Voided"


def p_zoho_books(p):
    for n, d in records(read_calamine(p), "Item Price"):
        u = num(d["Item Price"]) * (1 - num(d["Discount(%)"]) / 100)
        yield n, int(d["Quantity"]), u, d["Invoice Status"] == "Void"


def p_handmade_xlsx(p):
    rows = read_calamine(p, "Nov 2026")
    for n, d in records(rows, "Monthly total"):
        if d["Seats"] in (None, "") or d["Price"] == "Subtotal":
            continue
        price = d["Price"]
        u = num(str(price).lstrip("£€")) if isinstance(price, str) else num(price)
        yield n, int(d["Seats"]), u, "cancel" in str(d["Notes"] or "").lower()


VREAD = {k: globals()["v_" + k] for k in VENDOR_FORMATS}
PREAD = {k: globals()["p_" + k] for k in PSA_FORMATS}


# ---------------------------------------------------------------- rules.md, written again


def half_up(x: F) -> str:
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def recompute(folder: Path) -> tuple[list, dict]:
    t = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    vrows, prows = t["rows"]["vendor"], t["rows"]["psa"]
    V, P = {}, {}
    seen_v = set()
    for n, q, u in VREAD[t["vendor_format"]](folder / t["vendor_file"]):
        info = vrows[str(n)]
        seen_v.add(str(n))
        if info["role"] == "free":
            assert u == 0
            continue
        assert (q < 0) == (info["role"] == "credit")
        k = (info["client"], info["product"])
        a = V.setdefault(k, [0, F(0), []])
        a[0] += q
        a[1] += q * u
        a[2].append(n)
    assert seen_v == set(vrows)
    seen_p = set()
    for n, q, u, cancelled in PREAD[t["psa_format"]](folder / t["psa_file"]):
        info = prows[str(n)]
        seen_p.add(str(n))
        assert cancelled == (info["role"] == "cancelled"), (n, info)
        if info["role"] != "licence":
            continue
        k = (info["client"], info["product"])
        a = P.setdefault(k, [0, F(0), []])
        a[0] += q
        a[1] += q * u
        a[2].append(n)
    assert seen_p == set(prows)
    prices: dict = {}
    for (c, p), (q, amt, _) in P.items():
        prices.setdefault(p, []).append(amt / q)
    line_prices: dict = {}
    for n, q, u, cancelled in PREAD[t["psa_format"]](folder / t["psa_file"]):
        if prows[str(n)]["role"] == "licence":
            line_prices.setdefault(prows[str(n)]["product"], []).append(u)
    out = []
    for k in set(V) | set(P):
        vq, va, vr = V.get(k, [0, F(0), []])
        pq, pa, pr = P.get(k, [0, F(0), []])
        res = []
        if vq and not pq:
            ps = sorted(prices.get(k[1], []))
            if ps:
                m = len(ps)
                med = ps[m // 2] if m % 2 else (ps[m // 2 - 1] + ps[m // 2]) / 2
            else:
                med = va / vq
            res.append(("unbilled", vq * med))
            if ps:  # the truth must not hang on how the median is taken (per client or per line)
                lp = sorted(line_prices[k[1]])
                m = len(lp)
                assert med == (lp[m // 2] if m % 2 else (lp[m // 2 - 1] + lp[m // 2]) / 2), k
        elif pq and not vq:
            res.append(("no_vendor_record", pa))
        else:
            p, c = pa / pq, va / vq
            if vq > pq:
                res.append(("under_billed", (vq - pq) * p))
            if pq > vq:
                res.append(("over_billed", (pq - vq) * p))
            if p < c:
                res.append(("below_cost", (c - p) * min(vq, pq)))
        for typ, imp in res:
            out.append((typ, k[0], k[1], tuple(sorted(vr)), tuple(sorted(pr)), half_up(imp)))
    return sorted(out), t


def truth_tuples(t: dict) -> list:
    return sorted(
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


# ---------------------------------------------------------------- tests

CASES = [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
CASES += [(VENDOR_FORMATS[(i * 3 + 1) % len(VENDOR_FORMATS)], p) for i, p in enumerate(PSA_FORMATS)]


@pytest.mark.parametrize("vendor,psa", CASES)
def test_truth_recomputed_from_files(tmp_path, vendor, psa):
    path = generate_case(
        tmp_path / "c", seed=3, vendor_format=vendor, psa_format=psa, clients=60, perturb=True
    )
    got, t = recompute(path.parent)
    assert got == truth_tuples(t)
    assert t["period"] == "2026-11" and t["findings"]


@pytest.mark.parametrize("vendor,psa", CASES[:6])
def test_clean_and_perturbed_same_findings(tmp_path, vendor, psa):
    a = generate_case(
        tmp_path / "p", seed=5, vendor_format=vendor, psa_format=psa, clients=80, perturb=True
    )
    b = generate_case(
        tmp_path / "c", seed=5, vendor_format=vendor, psa_format=psa, clients=80, perturb=False
    )
    ta, tb = (json.loads(x.read_text(encoding="utf-8")) for x in (a, b))
    assert truth_tuples(ta) == truth_tuples(tb)
    assert all(f["classes"] == [] for f in tb["findings"])
    assert sum(bool(f["classes"]) for f in ta["findings"]) > 0.5 * len(ta["findings"])
    got, _ = recompute(b.parent)
    assert got == truth_tuples(tb)
    # the perturbed PSA file really is spelled differently
    assert (a.parent / ta["psa_file"]).read_bytes() != (b.parent / tb["psa_file"]).read_bytes()


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(str(f.relative_to(folder)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def test_byte_identical_under_any_hash_seed(tmp_path):
    outs = []
    for hs in ("0", "12345"):
        out = tmp_path / f"h{hs}"
        env = dict(os.environ, PYTHONHASHSEED=hs, PYTHONPATH=str(ROOT))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.independent_l",
                str(out),
                "--seeds",
                "2",
                "--clients",
                "60",
                "--pairs",
                "pc_nce:qbo",
                "td_synnex:halo",
                "generic_xls:xero_report",
                "sherweb:syncro",
                "also_de:zoho_books",
                "cloudmore:handmade_xlsx",
            ],
            check=True,
            env=env,
            cwd=ROOT,
            capture_output=True,
        )
        outs.append(_digest(out))
    assert outs[0] == outs[1]


def test_every_finding_type_in_300_client_case(tmp_path):
    path = generate_case(
        tmp_path / "big",
        seed=1,
        vendor_format="pax8_api",
        psa_format="cw_additions",
        clients=300,
        perturb=True,
    )
    got, t = recompute(path.parent)
    assert got == truth_tuples(t)
    pairs = {
        (r["client"], r["product"]) for r in t["rows"]["vendor"].values() if r["role"] != "free"
    }
    pairs |= {
        (r["client"], r["product"]) for r in t["rows"]["psa"].values() if r["role"] == "licence"
    }
    counts = Counter(f["type"] for f in t["findings"])
    for typ in ("unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"):
        share = counts[typ] / len(pairs)
        assert 0.015 <= share <= 0.12, (typ, share)
    classes = Counter(c for f in t["findings"] for c in f["classes"])
    assert len(classes) >= 20


def test_cli_names_and_formats(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.independent_l",
            str(tmp_path),
            "--seeds",
            "1",
            "--clients",
            "60",
            "--pairs",
            "cloudmore:xero_csv",
            "--clean",
        ],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    folder = tmp_path / "cloudmore__xero_csv__s1__c60__clean"
    assert folder.is_dir() and (folder / "truth.json").exists()
    assert len(VENDOR_FORMATS) >= 8 and len(PSA_FORMATS) >= 8


def test_every_class_is_documented(tmp_path):
    readme = (Path(__file__).parent / "README.md").read_text(encoding="utf-8")
    seen = set()
    for v, p in [
        ("pc_nce", "qbo"),
        ("cloudmore", "halo"),
        ("dicker", "cw_additions"),
        ("also_de", "handmade_xlsx"),
        ("sherweb", "cw_cancel_dates"),
    ]:
        t = json.loads(
            generate_case(
                tmp_path / v, seed=9, vendor_format=v, psa_format=p, clients=150
            ).read_text(encoding="utf-8")
        )
        for r in t["rows"]["psa"].values():
            seen |= set(r["classes"])
    missing = sorted(c for c in seen if f"`{c}`" not in readme)
    assert not missing, missing
