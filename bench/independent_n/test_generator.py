"""Set N: the truth re-computed from the rendered files (csv module, openpyxl, calamine)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest

from bench.independent_n import PSA_FORMATS, VENDOR_FORMATS, generate_case

ROOT = Path(__file__).resolve().parents[2]


# ----------------------------------------------------------------------------- independent readers
def read_csv(path: Path, encoding="utf-8", delimiter=",") -> dict[int, list[str]]:
    text = path.read_bytes().decode(encoding)
    return {
        i: r
        for i, r in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1)
    }


def read_xlsx_openpyxl(path: Path, sheet=None) -> dict[int, list]:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    return {i: list(r) for i, r in enumerate(ws.iter_rows(values_only=True), 1)}


def read_calamine(path: Path, sheet=None) -> dict[int, list]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    data = wb.get_sheet_by_name(sheet or wb.sheet_names[0]).to_python(skip_empty_area=False)
    return {i: list(r) for i, r in enumerate(data, 1)}


def F(x) -> Fraction:
    s = str(x).strip().lstrip("'").replace("$", "").replace("€", "").replace("£", "")
    if "," in s and "." in s and s.rindex(",") > s.rindex("."):
        s = s.replace(".", "").replace(",", ".")
    elif "," in s and "." not in s:
        s = s.replace(",", ".")
    s = s.replace(",", "")
    return Fraction(s)


def header(rows: dict[int, list], first: str) -> tuple[int, dict[str, int]]:
    for i, r in rows.items():
        if (r and str(r[0] if r[0] is not None else "").lstrip("\ufeff") == first) or (
            first in [str(c) for c in r if c]
        ):
            return i, {str(c).lstrip("\ufeff"): j for j, c in enumerate(r) if c not in (None, "")}
    raise AssertionError(f"no header {first}")


def vendor_values(fmt: str, path: Path) -> dict[int, tuple[int, Fraction]]:
    """row -> (seats, monthly unit cost), read without the generator's code."""
    out = {}
    if fmt == "pc_nce":
        rows = read_csv(path, "utf-8-sig")
        h, c = header(rows, "PartnerId")
        for i, r in rows.items():
            if i > h and r[0] != "PartnerId":
                q = int(F(r[c["BillableQuantity"]]))
                u = F(r[c["EffectiveUnitPrice"]])
                out[i] = (q, u / 12 if r[c["BillingFrequency"]] == "Annual" else u)
    elif fmt == "pax8_portal":
        rows = read_csv(path)
        h, c = header(rows, "invoice_date")
        for i, r in rows.items():
            if i > h:
                u = F(r[c["cost"]])
                out[i] = (
                    int(r[c["quantity"]]),
                    u / 12 if "billed annually" in r[c["details"]] else u,
                )
    elif fmt == "dicker_data":
        rows = read_csv(path)
        h, c = header(rows, "TENANT ID")
        for i, r in rows.items():
            if i > h:
                u = F(r[c["UNIT PRICE"]])
                code = r[c["STOCK CODE"]]
                out[i] = (int(r[c["QTY"]]), u / 12 if code.endswith((":Y:", "-ANN")) else u)
    elif fmt == "ingram_cloud":
        rows = read_csv(path)
        h, c = header(rows, "Customer Name")
        for i, r in rows.items():
            if i > h:
                q = int(r[c["Quantity"]])
                u = F(r[c["Net Price"]]) / q if q else Fraction(0)
                start = dt.datetime.strptime(r[c["Billing Period Start"]], "%m/%d/%Y").date()
                days = 30 - start.day + 1
                if days != 30:
                    u = u * 30 / days
                out[i] = (q, u / 12 if r[c["Billing Term"]] == "Annual" else u)
    elif fmt == "cloudmore":
        rows = read_csv(path, "cp1252", ";")
        h, c = header(rows, "Billing Date")
        for i, r in rows.items():
            if i > h:
                u = F(r[c["Unit Cost Price"]])
                out[i] = (
                    int(r[c["Quantity"]]),
                    u / 12 if r[c["Payment Frequency"]] == "Annually" else u,
                )
    elif fmt == "pc_legacy":
        rows = read_csv(path)
        h, c = header(rows, "PartnerId")
        for i, r in rows.items():
            if i > h:
                q = int(r[c["Quantity"]])
                u = F(r[c["Subtotal"]]) / q
                out[i] = (q, u / 12 if r[c["BillingCycleType"]] == "Annual" else u)
    elif fmt == "pax8_api":
        rows = read_xlsx_openpyxl(path, "Invoice Items")
        h, c = header(rows, "companyName")
        for i, r in rows.items():
            if i > h and r[0]:
                u = F(str(r[c["cost"]]))
                out[i] = (
                    int(r[c["quantity"]]),
                    u / 12 if r[c["details"]] == "Billed annually" else u,
                )
    elif fmt == "td_synnex_ion":
        rows = read_calamine(path, "Billing Detail")
        h, c = header(rows, "End Customer")
        for i, r in rows.items():
            if i > h and r[0] not in ("", None, "Total"):
                u = F(str(r[c["Unit Price"]]))
                out[i] = (
                    int(r[c["Quantity"]]),
                    u / 12 if r[c["Billing Frequency"]] == "Annual" else u,
                )
    elif fmt == "sherweb":
        rows = read_xlsx_openpyxl(path)
        h, c = header(rows, "Customer")
        for i, r in rows.items():
            if i > h and r[0]:
                u = F(str(r[c["Unit Cost"]]))
                out[i] = (int(r[c["Quantity"]]), u / 12 if r[c["Billing Cycle"]] == "Yearly" else u)
    elif fmt == "generic_xls":
        rows = read_calamine(path)
        h, c = header(rows, "Client")
        for i, r in rows.items():
            if i > h and r[0]:
                u = F(str(r[c["Cost Each"]]))
                out[i] = (int(r[c["Seats"]]), u / 12 if r[c["Billing"]] == "Yearly" else u)
    else:
        raise AssertionError(fmt)
    return out


def psa_values(fmt: str, path: Path) -> dict[int, tuple[int, Fraction, bool]]:
    """row -> (billed seats, monthly unit price, cancelled?)."""
    out = {}
    if fmt == "cw_additions":
        rows = read_csv(path)
        h, c = header(rows, "Company Name")
        for i, r in rows.items():
            if i > h:
                out[i] = (
                    int(r[c["Quantity"]]) - int(r[c["Less Included"]]),
                    F(r[c["Price"]]),
                    r[c["Addition Status"]] in ("Cancelled", "Inactive"),
                )
    elif fmt == "halo_recurring":
        rows = read_csv(path)
        h, c = header(rows, "Client")
        for i, r in rows.items():
            if i > h:
                u = F(r[c["Unit Price"]])
                out[i] = (
                    int(r[c["Quantity"]]),
                    u / 12 if r[c["Billing Period"]] == "Yearly" else u,
                    r[c["Active"]] == "No",
                )
    elif fmt == "syncro":
        rows = read_csv(path)
        h, c = header(rows, "Customer")
        for i, r in rows.items():
            if i > h:
                u = Fraction(int(r[c["Retail Cents"]]), 100)
                out[i] = (
                    int(r[c["Quantity"]]),
                    u / 12 if r[c["Frequency"]] == "Annually" else u,
                    r[c["Paused"]] == "true",
                )
    elif fmt == "qbo_sales_detail":
        rows = read_csv(path)
        h, c = header(rows, "Date")
        for i, r in rows.items():
            if i > h and len(r) > 2 and r[c["Transaction Type"]]:
                out[i] = (
                    int(r[c["Qty"]]),
                    F(r[c["Sales Price"]]),
                    r[c["Memo/Description"]] == "Voided",
                )
    elif fmt == "cw_dates":
        rows = read_xlsx_openpyxl(path)
        rows2 = read_calamine(path)
        h, c = header(rows, "Company")
        for i, r in rows.items():
            if i > h and r[0]:
                assert F(r[c["Unit Price"]]) == F(rows2[i][c["Unit Price"]])
                canc = r[c["Cancelled Date"]]
                cancelled = canc is not None and canc.date() <= dt.date(2026, 11, 1)
                out[i] = (int(r[c["Qty"]]), F(str(r[c["Unit Price"]])), cancelled)
    elif fmt == "autotask_services":
        rows = read_xlsx_openpyxl(path)
        h, c = header(rows, "Account Name")
        for i, r in rows.items():
            if i > h and r[0] and r[0] != "Totals":
                u = F(str(r[c["Adjusted Price"]]))
                out[i] = (
                    int(r[c["Units"]]),
                    u / 12 if r[c["Period Type"]] == "Yearly" else u,
                    r[c["End Date"]].date() < dt.date(2026, 11, 1),
                )
    elif fmt == "kaseya_bms":
        rows = read_calamine(path)
        h, c = header(rows, "Account")
        for i, r in rows.items():
            if i > h and r[0]:
                u = F(str(r[c["Rate"]]))
                out[i] = (
                    int(r[c["Quantity"]]),
                    u / 12 if r[c["Frequency"]] == "Annually" else u,
                    r[c["Status"]] != "Active",
                )
    elif fmt == "xero_invoices":
        rows = read_csv(path)
        h, c = header(rows, "ContactName")
        for i, r in rows.items():
            if i > h:
                d = F(r[c["Discount"]]) if r[c["Discount"]] else 0
                out[i] = (
                    int(F(r[c["Quantity"]])),
                    F(r[c["UnitAmount"]]) * (100 - d) / 100,
                    r[c["Status"]] == "VOIDED",
                )
    elif fmt == "xero_report":
        rows = read_calamine(path)
        h, c = header(rows, "Invoice Date")
        for i, r in rows.items():
            if i > h and isinstance(r[0], (dt.date, dt.datetime)):
                d = F(str(r[c["Discount %"]])) if r[c["Discount %"]] not in ("", None) else 0
                out[i] = (
                    int(r[c["Quantity"]]),
                    F(str(r[c["Unit Price"]])) * (100 - d) / 100,
                    r[c["Status"]] == "Voided",
                )
    else:
        raise AssertionError(fmt)
    return out


def recompute(truth: dict, folder: Path) -> list[tuple]:
    vv = vendor_values(truth["vendor_format"], folder / truth["vendor_file"])
    pv = psa_values(truth["psa_format"], folder / truth["psa_file"])
    assert set(vv) == {int(k) for k in truth["rows"]["vendor"]}
    assert set(pv) == {int(k) for k in truth["rows"]["psa"]}
    V, P = {}, {}
    for k, row in truth["rows"]["vendor"].items():
        q, u = vv[int(k)]
        if row["role"] == "free":
            assert u == 0
            continue
        assert (q < 0) == (row["role"] == "credit")
        V.setdefault((row["client"], row["product"]), []).append((int(k), q, u))
    for k, row in truth["rows"]["psa"].items():
        q, u, canc = pv[int(k)]
        assert canc == (row["role"] == "cancelled"), (k, row)
        if row["role"] != "licence":
            continue
        P.setdefault((row["client"], row["product"]), []).append((int(k), q, u))
    price = {k: sum(q * u for _, q, u in ls) / sum(q for _, q, _ in ls) for k, ls in P.items()}
    per_prod: dict = {}
    for (cl, pr), p in price.items():
        per_prod.setdefault(pr, []).append(p)

    def med(xs):
        xs = sorted(xs)
        n = len(xs)
        return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2

    def cents(x: Fraction) -> str:
        y = (x * 100 + Fraction(1, 2)) // 1 if x >= 0 else -((-x * 100 + Fraction(1, 2)) // 1)
        return (
            f"{Fraction(y, 100).numerator * 100 // Fraction(y, 100).denominator / 100:.2f}"
            if False
            else f"{int(y) // 100 if y >= 0 else -(-int(y) // 100)}.{abs(int(y)) % 100:02d}"
        )

    out = []
    for key in set(V) | set(P):
        vq = sum(q for _, q, _ in V.get(key, []))
        pq = sum(q for _, q, _ in P.get(key, []))
        c = sum(q * u for _, q, u in V.get(key, [])) / vq if vq else None
        p = price.get(key)
        if vq > 0 and pq <= 0:
            out.append(
                ("unbilled", *key, cents(vq * (med(per_prod[key[1]]) if key[1] in per_prod else c)))
            )
        elif pq > 0 and vq <= 0:
            out.append(("no_vendor_record", *key, cents(pq * p)))
        else:
            if vq > pq:
                out.append(("under_billed", *key, cents((vq - pq) * p)))
            if pq > vq:
                out.append(("over_billed", *key, cents((pq - vq) * p)))
            if p < c:
                out.append(("below_cost", *key, cents((c - p) * min(vq, pq))))
    return sorted(out)


def truth_set(t: dict) -> list[tuple]:
    return sorted(
        (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]
    )


PAIRS = [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)] + [
    (VENDOR_FORMATS[i % len(VENDOR_FORMATS)], p) for i, p in enumerate(PSA_FORMATS)
]


@pytest.mark.parametrize("vf,pf", [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS])
def test_truth_recomputed_from_files(tmp_path, vf, pf):
    t = json.loads(
        generate_case(tmp_path, seed=3, vendor_format=vf, psa_format=pf, clients=60).read_text()
    )
    assert recompute(t, tmp_path) == truth_set(t)
    assert t["period"] == "2026-11"


@pytest.mark.parametrize("vf,pf", sorted(set(PAIRS))[:4])
def test_clean_and_perturbed_same_findings(tmp_path, vf, pf):
    a = json.loads(
        generate_case(
            tmp_path / "a", seed=2, vendor_format=vf, psa_format=pf, clients=80
        ).read_text()
    )
    b = json.loads(
        generate_case(
            tmp_path / "b", seed=2, vendor_format=vf, psa_format=pf, clients=80, perturb=False
        ).read_text()
    )
    assert truth_set(a) == truth_set(b)
    assert [(f["vendor_rows"], f["psa_rows"]) for f in a["findings"]] == [
        (f["vendor_rows"], f["psa_rows"]) for f in b["findings"]
    ]
    assert all(not r["classes"] for r in b["rows"]["psa"].values())
    assert sum(1 for r in a["rows"]["psa"].values() if r["classes"]) > 20
    assert recompute(b, tmp_path / "b") == truth_set(b)


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def test_byte_identical_under_any_hash_seed(tmp_path):
    digests = []
    for hs in ("0", "12345"):
        out = tmp_path / hs
        env = dict(os.environ, PYTHONHASHSEED=hs)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.independent_n",
                str(out),
                "--seeds",
                "1",
                "--clients",
                "60",
                "--pairs",
                "diagonal",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        digests.append(_digest(out))
    assert digests[0] == digests[1]
    assert len(list((tmp_path / "0").iterdir())) == len(VENDOR_FORMATS)


def test_every_finding_type_in_300_client_case(tmp_path):
    t = json.loads(
        generate_case(
            tmp_path,
            seed=1,
            vendor_format=VENDOR_FORMATS[0],
            psa_format=PSA_FORMATS[0],
            clients=300,
        ).read_text()
    )
    pairs = {
        (r["client"], r["product"])
        for side in ("vendor", "psa")
        for r in t["rows"][side].values()
        if r["role"] in ("licence", "credit")
    }
    n = Counter(f["type"] for f in t["findings"])
    for typ in ("unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"):
        assert 0.015 <= n[typ] / len(pairs) <= 0.12, (typ, n[typ], len(pairs))
    assert recompute(t, tmp_path) == truth_set(t)


def test_classes_and_names(tmp_path):
    t = json.loads(
        generate_case(
            tmp_path, seed=5, vendor_format="pc_nce", psa_format="cw_additions", clients=300
        ).read_text()
    )
    classes = Counter(c for r in t["rows"]["psa"].values() for c in r["classes"])
    assert len(classes) >= 25, classes
    rows = read_csv(tmp_path / t["psa_file"])
    shown: dict[str, set] = {}
    for k, r in t["rows"]["psa"].items():
        shown.setdefault(rows[int(k)][0], set()).add(r["client"])
    assert all(len(v) == 1 for v in shown.values())  # one PSA spelling never stands for two clients
    # free trials and services never make a finding
    roles = {
        (r["client"], r["product"]): r["role"]
        for side in ("vendor", "psa")
        for r in t["rows"][side].values()
    }
    assert all(
        roles.get((f["client"], f["product"])) not in ("free", "service") for f in t["findings"]
    )
