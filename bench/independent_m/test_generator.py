"""Evaluation set M checks its own truth from the rendered files, with readers that share no code with the generator.

Run: /work/venv/bin/python -m pytest bench/independent_m/test_generator.py -q
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from fractions import Fraction
from pathlib import Path

import pytest

from bench.independent_m import PSA_FORMATS, VENDOR_FORMATS, generate_case

REPO = Path(__file__).resolve().parents[2]
PERIOD_START = dt.datetime(2026, 11, 1)


# ------------------------------------------------------------------ independent readers
def read_grid(path: Path, sheet=None):
    """The file as rows of cells (1-based numbering = index + 1)."""
    suf = path.suffix.lower()
    if suf == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        first = text.split("\n", 1)[0]
        delim = ";" if first.count(";") > first.count(",") else ","
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
    if suf == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        wb.close()
        return rows
    if suf == ".xls":
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(str(path))
        name = sheet or wb.sheet_names[0]
        return [list(r) for r in wb.get_sheet_by_name(name).to_python(skip_empty_area=False)]
    raise AssertionError(f"unexpected file type {path}")


def num(v, eu=False):
    if v is None or v == "":
        return Fraction(0)
    if isinstance(v, (int, float)):
        return Fraction(str(v))
    s = (
        str(v)
        .strip()
        .lstrip("'")
        .replace("$", "")
        .replace("£", "")
        .replace("€", "")
        .replace(" ", "")
    )
    if eu:
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return Fraction(s)


def as_date(v):
    if isinstance(v, dt.datetime):
        return v
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day)
    if not v:
        return None
    for f in ("%m/%d/%Y", "%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(str(v), f)
        except ValueError:
            pass
    raise AssertionError(f"unreadable date {v!r}")


def header_index(grid, must):
    for i, row in enumerate(grid):
        cells = [str(c).strip() if c is not None else "" for c in row]
        if must in cells:
            return i, {c: j for j, c in enumerate(cells) if c}
    raise AssertionError(f"no header with {must!r}")


# Vendor formats: (header cell to find, function(row, col) -> (qty, unit per period, yearly))
def _v(fmt):
    if fmt == "partner_center_nce":
        return "BillableQuantity", lambda r, c: (
            num(r[c["BillableQuantity"]]),
            num(r[c["EffectiveUnitPrice"]]),
            r[c["BillingFrequency"]] == "Annual",
        )
    if fmt == "partner_center_legacy":
        return "TotalOtherDiscount", lambda r, c: (
            num(r[c["Quantity"]]),
            num(r[c["Subtotal"]]) / num(r[c["Quantity"]]),
            r[c["BillingCycleType"]] == "Annual",
        )
    if fmt == "pax8_api":
        return "costTotal", lambda r, c: (
            num(r[c["quantity"]]),
            num(r[c["cost"]]),
            (as_date(r[c["endPeriod"]]) - as_date(r[c["startPeriod"]])).days > 40,
        )
    if fmt == "pax8_portal":
        return "partner_subtotal", lambda r, c: (
            num(r[c["quantity"]]),
            num(r[c["cost"]]),
            r[c["details"]].startswith("Annual"),
        )
    if fmt == "tdsynnex_ion":
        return "Extended Price", lambda r, c: (
            num(r[c["Quantity"]]),
            num(r[c["Unit Price"]]),
            r[c["Billing Frequency"]] == "Annually",
        )
    if fmt == "ingram_cmp":

        def f(r, c):
            q, u, n = num(r[c["Quantity"]]), num(r[c["Unit Price"]]), num(r[c["Net Price"]])
            assert n == q * u, "Net Price is the line's extended amount"
            assert num(r[c["Duration"]]) == 1
            return q, u, r[c["Unit of Measure"]] == "year"

        return "Net Price", f
    if fmt == "sherweb":
        return "Unit Cost", lambda r, c: (
            num(r[c["Quantity"]]),
            num(r[c["Unit Cost"]]),
            r[c["Billing Cycle"]] == "Yearly",
        )
    if fmt == "dicker_data":
        return "STOCK CODE", lambda r, c: (
            num(r[c["QTY"]]),
            num(r[c["UNIT PRICE"]]),
            r[c["REVALUATION PERIOD"]] == "ANNUAL",
        )
    if fmt == "cloudmore":
        return "Unit Cost Price", lambda r, c: (
            num(r[c["Quantity"]], eu=True),
            num(r[c["Unit Cost Price"]], eu=True),
            r[c["Payment Frequency"]] == "Annually",
        )
    if fmt == "generic_distributor":
        return "Unit Cost", lambda r, c: (
            num(r[c["Qty"]]),
            num(r[c["Unit Cost"]]),
            str(r[c["Term"]]).startswith("Annual"),
        )
    raise AssertionError(fmt)


# PSA formats: (header cell, function(row, col) -> (billed qty, unit per period, yearly, not billed))
def _p(fmt):
    if fmt == "cw_additions":
        return "Less Included", lambda r, c: (
            num(r[c["Quantity"]]) - num(r[c["Less Included"]]),
            num(r[c["Price"]]),
            r[c["Billing Cycle"]] == "Annual",
            r[c["Addition Status"]] == "Cancelled" and as_date(r[c["Cancelled"]]) <= PERIOD_START,
        )
    if fmt == "cw_cancel_date":

        def f(r, c):
            cd = as_date(r[c["Cancelled Date"]])
            return (
                num(r[c["Qty"]]),
                num(r[c["Unit Price"]]),
                r[c["Billing Cycle"]] == "Annual",
                cd is not None and cd <= PERIOD_START,
            )

        return "Cancelled Date", f
    if fmt == "autotask":
        return "Adjusted Price", lambda r, c: (
            num(r[c["Units"]]),
            num(r[c["Adjusted Price"]]),
            r[c["Period Type"]] == "Yearly",
            r[c["Contract Status"]] == "Inactive",
        )
    if fmt == "halopsa":
        return "qty_order", lambda r, c: (
            num(r[c["qty_order"]]),
            num(r[c["unit_price"]]),
            r[c["Billing Period"]] == "Yearly",
            r[c["Active"]] == "No",
        )
    if fmt == "syncro":
        return "retail_cents", lambda r, c: (
            num(r[c["quantity"]]),
            num(r[c["retail_cents"]]) / 100,
            r[c["frequency"]] == "Annually",
            r[c["paused"]] == "true",
        )
    if fmt == "kaseya_bms":
        return "Billing Cycle", lambda r, c: (
            num(r[c["Quantity"]]),
            num(r[c["Unit Price"]]),
            r[c["Billing Cycle"]] == "Annually",
            r[c["Status"]] == "Cancelled",
        )
    if fmt == "qbo_sales":
        return "Memo/Description", lambda r, c: (
            num(r[c["Qty"]]),
            num(r[c["Sales Price"]]),
            False,
            str(r[c["Memo/Description"]]).startswith("Voided"),
        )
    if fmt == "xero":
        return "UnitAmount", lambda r, c: (
            num(r[c["Quantity"]]),
            num(r[c["UnitAmount"]]) * (1 - num(r[c["Discount"]]) / 100),
            False,
            r[c["Status"]] == "VOIDED",
        )
    if fmt == "xero_report":
        return "Discount %", lambda r, c: (
            num(r[c["Quantity"]]),
            num(r[c["Unit Price"]]) * (1 - num(r[c["Discount %"]]) / 100),
            False,
            r[c["Status"]] == "Voided",
        )
    raise AssertionError(fmt)


def half_up(fr):
    q, rem = divmod(abs(fr) * 100, 1)
    q = int(q) + (1 if rem >= Fraction(1, 2) else 0)
    return ("-" if fr < 0 and q else "") + f"{q // 100}.{q % 100:02d}"


def recompute(folder: Path, truth):
    vgrid = read_grid(folder / truth["vendor_file"], truth["vendor_sheet"])
    pgrid = read_grid(folder / truth["psa_file"], truth["psa_sheet"])
    vh, vfn = _v(truth["vendor_format"])
    ph, pfn = _p(truth["psa_format"])
    vhi, vcol = header_index(vgrid, vh)
    phi, pcol = header_index(pgrid, ph)
    V = defaultdict(lambda: [Fraction(0), Fraction(0)])
    P = defaultdict(lambda: [Fraction(0), Fraction(0)])
    vrows, prows = defaultdict(list), defaultdict(list)
    for rn, info in truth["rows"]["vendor"].items():
        row = vgrid[int(rn) - 1]
        assert int(rn) - 1 > vhi
        q, u, yearly = vfn(row, vcol)
        key = (info["client"], info["product"])
        if info["role"] == "free":
            assert u == 0, (rn, row)
            continue
        assert (q < 0) == (info["role"] == "credit"), (rn, row)
        assert u > 0
        vrows[key].append(int(rn))
        V[key][0] += q
        V[key][1] += q * (u / 12 if yearly else u)
    for rn, info in truth["rows"]["psa"].items():
        row = pgrid[int(rn) - 1]
        assert int(rn) - 1 > phi
        q, u, yearly, off = pfn(row, pcol)
        key = (info["client"], info["product"])
        assert off == (info["role"] == "cancelled"), (rn, row, info)
        if info["role"] == "service":
            continue
        prows[key].append(int(rn))
        if info["role"] != "licence":
            continue
        P[key][0] += q
        P[key][1] += q * (u / 12 if yearly else u)
    # every data line is listed: what is not listed is blank, a repeated header, a group row or a total row
    for grid, hi, listed in (
        (vgrid, vhi, truth["rows"]["vendor"]),
        (pgrid, phi, truth["rows"]["psa"]),
    ):
        for n, row in enumerate(grid[hi + 1 :], hi + 2):
            if str(n) in listed:
                continue
            cells = [str(c).strip() for c in row if c not in (None, "")]
            assert (
                not cells
                or cells == [str(c).strip() for c in grid[hi] if c not in (None, "")]
                or len(cells) == 1
                or cells[0].lower().startswith("total")
            ), (n, row)
    price = {k: d[1] / d[0] for k, d in P.items() if d[0] > 0}
    cost = {k: d[1] / d[0] for k, d in V.items() if d[0] != 0}
    per_prod = defaultdict(list)
    for (c, prod), p in price.items():
        per_prod[prod].append(p)

    def median(xs):
        xs = sorted(xs)
        n = len(xs)
        return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2

    found = []
    for key in set(V) | set(P):
        vq, pq = V[key][0] if key in V else 0, P[key][0] if key in P else 0
        if vq > 0 and pq <= 0:
            found.append(
                (
                    "unbilled",
                    key,
                    vq * (median(per_prod[key[1]]) if per_prod.get(key[1]) else cost[key]),
                )
            )
        if vq > pq > 0:
            found.append(("under_billed", key, (vq - pq) * price[key]))
        if pq > vq > 0:
            found.append(("over_billed", key, (pq - vq) * price[key]))
        if pq > 0 and vq <= 0:
            found.append(("no_vendor_record", key, pq * price[key]))
        if vq > 0 and pq > 0 and price[key] < cost[key]:
            found.append(("below_cost", key, (cost[key] - price[key]) * min(vq, pq)))
    return sorted(
        (t, k[0], k[1], half_up(x), tuple(sorted(vrows[k])), tuple(sorted(prows[k])))
        for t, k, x in found
    )


def truth_findings(truth):
    return sorted(
        (
            f["type"],
            f["client"],
            f["product"],
            f["monthly_impact"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
        )
        for f in truth["findings"]
    )


DIAGONAL = [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
EXTRA = [
    ("pax8_api", "qbo_sales"),
    ("cloudmore", "xero"),
    ("partner_center_nce", "syncro"),
    ("partner_center_legacy", "halopsa"),
]


def test_formats_count():
    assert len(VENDOR_FORMATS) >= 8 and len(PSA_FORMATS) >= 8


@pytest.mark.parametrize("vendor,psa", DIAGONAL + EXTRA)
def test_truth_recomputed_from_files(tmp_path, vendor, psa):
    tp = generate_case(
        tmp_path, seed=3, vendor_format=vendor, psa_format=psa, clients=60, perturb=True
    )
    truth = json.loads(tp.read_text(encoding="utf-8"))
    # types, clients, products, impacts to the cent, and the rows on both sides (cancelled PSA rows included)
    assert recompute(tmp_path, truth) == truth_findings(truth)


@pytest.mark.parametrize("vendor,psa", [DIAGONAL[0], DIAGONAL[5], ("dicker_data", "qbo_sales")])
def test_clean_and_perturbed_same_findings(tmp_path, vendor, psa):
    a = json.loads(
        generate_case(
            tmp_path / "p", seed=5, vendor_format=vendor, psa_format=psa, clients=60, perturb=True
        ).read_text("utf-8")
    )
    b = json.loads(
        generate_case(
            tmp_path / "c", seed=5, vendor_format=vendor, psa_format=psa, clients=60, perturb=False
        ).read_text("utf-8")
    )
    strip = lambda t: sorted(
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
    assert strip(a) == strip(b)
    assert {k: (v["client"], v["product"], v["role"]) for k, v in a["rows"]["psa"].items()} == {
        k: (v["client"], v["product"], v["role"]) for k, v in b["rows"]["psa"].items()
    }
    assert all(not v["classes"] for v in b["rows"]["psa"].values())
    assert sum(1 for v in a["rows"]["psa"].values() if v["classes"]) > len(a["rows"]["psa"]) // 3
    assert recompute(tmp_path / "c", b) == recompute(tmp_path / "c", b)


def _digest(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def test_byte_identical_under_any_hashseed(tmp_path):
    outs = []
    for hs in ("0", "4242"):
        out = tmp_path / hs
        env = dict(os.environ, PYTHONHASHSEED=hs)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.independent_m",
                str(out),
                "--seeds",
                "2",
                "--clients",
                "60",
                "--pairs",
                "sherweb:halopsa",
                "partner_center_nce:kaseya_bms",
                "tdsynnex_ion:cw_cancel_date",
            ],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
        outs.append(_digest(out))
    assert outs[0] == outs[1]


def test_every_finding_type_in_300_client_case(tmp_path):
    truth = json.loads(
        generate_case(
            tmp_path, seed=1, vendor_format="pax8_portal", psa_format="cw_additions", clients=300
        ).read_text("utf-8")
    )
    pairs = {
        (r["client"], r["product"])
        for side in ("vendor", "psa")
        for r in truth["rows"][side].values()
        if r["role"] in ("licence", "credit")
    }
    c = Counter(f["type"] for f in truth["findings"])
    for t in ("unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"):
        assert 0.015 <= c[t] / len(pairs) <= 0.12, (t, c[t], len(pairs))
    classes = Counter(x for r in truth["rows"]["psa"].values() for x in r["classes"])
    assert len(classes) >= 20


def test_qbo_group_rows_carry_the_psa_client(tmp_path):
    tp = generate_case(
        tmp_path, seed=4, vendor_format="pax8_api", psa_format="qbo_sales", clients=60
    )
    truth = json.loads(tp.read_text("utf-8"))
    grid = read_grid(tmp_path / truth["psa_file"])
    names = truth["psa_client_names"]
    current = None
    for i, row in enumerate(grid, 1):
        if (
            row[0]
            and not str(row[0]).startswith(("Total for", "TOTAL"))
            and i > 5
            and all(v in (None, "") for v in row[1:])
        ):
            current = row[0]
        if str(i) in truth["rows"]["psa"]:
            assert current == names[truth["rows"]["psa"][str(i)]["client"]]


def test_context_spellings_have_their_context(tmp_path):
    """Bare plans, in-house and brand-dropped names are used only where the client's vendor basket resolves them."""
    truth = json.loads(
        generate_case(
            tmp_path, seed=6, vendor_format="pax8_api", psa_format="autotask", clients=300
        ).read_text("utf-8")
    )
    vendor_pairs = {(r["client"], r["product"]) for r in truth["rows"]["vendor"].values()}
    n = 0
    for r in truth["rows"]["psa"].values():
        if r["role"] != "service" and {"bare_plan", "inhouse", "brand_dropped"} & set(r["classes"]):
            assert (r["client"], r["product"]) in vendor_pairs
            n += 1
    assert n > 50
