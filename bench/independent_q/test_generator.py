"""Set Q's own invariants: the files say what truth.json says. Run: /work/venv/bin/python -m pytest -q tests"""

from __future__ import annotations

import csv
import io
import json
import re
import statistics
import sys
import time
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, holding independent_q
from independent_q import PSA_FORMATS, VENDOR_FORMATS, generate_case

PAIRS = sorted(
    {(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)}
    | {(VENDOR_FORMATS[(j + 3) % len(VENDOR_FORMATS)], p) for j, p in enumerate(PSA_FORMATS)}
)


def read_records(path: Path, sheet=None):
    if path.suffix == ".csv":
        raw = path.read_bytes().decode("utf-8-sig")
        delim = ";" if raw.split("\n", 1)[0].count(";") > raw.split("\n", 1)[0].count(",") else ","
        return list(csv.reader(io.StringIO(raw, newline=""), delimiter=delim))
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb[sheet] if sheet else max(wb.worksheets, key=lambda w: w.max_row)
    return [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]


def num(v) -> F:
    if isinstance(v, (int, float)):
        return F(str(round(v, 6)))
    s = str(v).strip().lstrip("'").replace("$", "").replace("£", "").replace("€", "")
    neg = s.startswith("(") and s.endswith(")")
    s = s.strip("()")
    if re.fullmatch(r"-?[\d.]+,\d+", s):
        s = s.replace(".", "").replace(",", ".")
    s = s.replace(",", "")
    return -F(s) if neg else F(s)


def header_for(records, first_data_row):
    for i in range(first_data_row - 2, -1, -1):
        if sum(1 for c in records[i] if str(c).strip()) >= 4:
            return [str(c) for c in records[i]]
    raise AssertionError("no header")


VENDOR_READ = {  # row dict -> (quantity, monthly unit cost)
    "partner_center_nce_csv": lambda r: (
        num(r["BillableQuantity"]),
        num(r["EffectiveUnitPrice"]) / (12 if r["BillingFrequency"] == "Annual" else 1),
    ),
    "partner_center_legacy_csv": lambda r: (
        num(r["Quantity"]),
        num(r["Subtotal"]) / num(r["Quantity"]) / (12 if r["BillingCycleType"] == "Annual" else 1),
    ),
    "pax8_portal_csv": lambda r: (
        num(r["quantity"]),
        num(r["cost"]) / (12 if "Annual Billing" in r["details"] else 1),
    ),
    "pax8_api_xlsx": lambda r: (
        num(r["quantity"]),
        num(r["cost"]) / (12 if r["details"] == "Annual billing" else 1),
    ),
    "td_synnex_ion_xlsx": lambda r: (
        num(r["Qty"]),
        num(r["Unit Cost"]) / (12 if r["Billing Frequency"] == "Annual" else 1),
    ),
    "ingram_marketplace_csv": lambda r: (
        num(r["Quantity"]),
        num(r["Net Price"])
        / num(r["Quantity"])
        / (12 if "Annual" in r["Subscription Name"] else 1),
    ),
    "sherweb_payable_xlsx": lambda r: (
        num(r["Quantity"]),
        num(r["Unit cost"]) / (12 if r["Billing Cycle"] == "Yearly" else 1),
    ),
    "dicker_data_annuity_csv": lambda r: (
        num(r["QTY"]),
        num(r["UNIT PRICE"]) / (12 if r["REVALUATION PERIOD"] == "ANNUAL" else 1),
    ),
    "cloudmore_billing_xlsx": lambda r: (
        num(r["Quantity"]),
        num(r["Unit Cost Price"]) / (12 if r["Payment Frequency"] == "Annually" else 1),
    ),
    "generic_distributor_csv": lambda r: (
        num(r["Seats"]),
        num(r["Cost Each"]) / (12 if r["Billing"] == "Annual" else 1),
    ),
}


def _cw(r):
    q = num(r["Quantity"]) - num(r["Less Included"])
    return q, num(r.get("Price", r.get("Unit Price")))


PSA_READ = {  # row dict -> (billed quantity, monthly unit price)
    "connectwise_additions_csv": _cw,
    "autotask_contract_services_xlsx": lambda r: (
        num(r["Units"]),
        num(r["Adjusted Price"]) / (12 if r["Period Type"] == "Yearly" else 1),
    ),
    "halopsa_recurring_csv": lambda r: (
        num(r["Qty"]),
        num(r["Unit Price"]) / (12 if r["Frequency"] == "Yearly" else 1),
    ),
    "syncro_schedules_csv": lambda r: (
        num(r["quantity"]),
        num(r["retail_cents"]) / 100 / (12 if r["frequency"] == "Annually" else 1),
    ),
    "kaseya_bms_xlsx": lambda r: (
        num(r["Quantity"]),
        num(r["Unit Price"]) / (12 if r["Billing Frequency"] == "Annually" else 1),
    ),
    "qbo_sales_detail_xlsx": lambda r: (num(r["Qty"]), num(r["Sales Price"])),
    "xero_invoice_detail_csv": lambda r: (
        num(r["Quantity"]),
        num(r["Unit Price"]) * (1 - (num(r["Discount %"]) if r["Discount %"] else F(0)) / 100),
    ),
    "lexoffice_recurring_csv": lambda r: (
        num(r["Menge"]),
        num(r["Einzelpreis netto"])
        * (1 - (num(r["Rabatt %"]) if r["Rabatt %"] else F(0)) / 100)
        / (12 if r["Intervall"] == "jährlich" else 1),
    ),
}


def half_up(x: F) -> str:
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def recompute(folder: Path, truth: dict):
    """Findings recomputed from the rows of the two files, through the truth's row labels only."""
    out = {}
    for side, fname, sheet, reader in (
        (
            "vendor",
            truth["vendor_file"],
            truth["vendor_sheet"],
            VENDOR_READ[truth["vendor_format"]],
        ),
        ("psa", truth["psa_file"], truth["psa_sheet"], PSA_READ[truth["psa_format"]]),
    ):
        recs = read_records(folder / fname, sheet)
        rows = truth["rows"][side]
        first = min(int(r) for r in rows)
        hdr = header_for(recs, first)
        agg = {}
        for r, lab in rows.items():
            cells = recs[int(r) - 1]
            d = {h: cells[i] if i < len(cells) else "" for i, h in enumerate(hdr)}
            q, u = reader(d)
            if side == "vendor" and lab["role"] not in ("licence", "credit"):
                continue
            if side == "psa" and lab["role"] != "licence":
                continue
            a = agg.setdefault((lab["client"], lab["product"]), [F(0), F(0), []])
            a[0] += q
            a[1] += q * u
            a[2].append(int(r))
        out[side] = agg
    V, P = out["vendor"], out["psa"]
    by_prod = {}
    for (c, p), (q, amt, _) in P.items():
        by_prod.setdefault(p, []).append(amt / q)
    found = []
    for key in set(V) | set(P):
        vq, va, vr = V.get(key, [F(0), F(0), []])
        pq, pa, pr = P.get(key, [F(0), F(0), []])
        c = va / vq if vq else None
        p = pa / pq if pq else None
        if vq > 0 and pq == 0:
            med = F(statistics.median(by_prod[key[1]])) if key[1] in by_prod else c
            found.append(("unbilled", *key, half_up(vq * med)))
        elif pq > 0 and vq <= 0:
            found.append(("no_vendor_record", *key, half_up(pq * p)))
        elif vq > 0 and pq > 0:
            if vq > pq:
                found.append(("under_billed", *key, half_up((vq - pq) * p)))
            if pq > vq:
                found.append(("over_billed", *key, half_up((pq - vq) * p)))
            if p < c:
                found.append(("below_cost", *key, half_up((c - p) * min(vq, pq))))
    return sorted(found)


def key_findings(truth):
    return sorted(
        (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in truth["findings"]
    )


@pytest.mark.parametrize("vendor,psa", PAIRS)
def test_truth_recomputed_from_file_rows(tmp_path, vendor, psa):
    tp = generate_case(
        tmp_path, seed=3, vendor_format=vendor, psa_format=psa, clients=120, perturb=True
    )
    truth = json.loads(tp.read_text(encoding="utf-8"))
    assert recompute(tmp_path, truth) == key_findings(truth)


@pytest.mark.parametrize("vendor,psa", PAIRS[::2])
def test_clean_and_perturbed_cases_have_identical_findings_and_rows(tmp_path, vendor, psa):
    a = json.loads(
        generate_case(
            tmp_path / "p", seed=2, vendor_format=vendor, psa_format=psa, clients=150, perturb=True
        ).read_text(encoding="utf-8")
    )
    b = json.loads(
        generate_case(
            tmp_path / "c", seed=2, vendor_format=vendor, psa_format=psa, clients=150, perturb=False
        ).read_text(encoding="utf-8")
    )
    strip = lambda fs: [{k: v for k, v in f.items() if k != "classes"} for f in fs]  # noqa: E731
    assert strip(a["findings"]) == strip(b["findings"])
    for side in ("vendor", "psa"):
        assert {r: (x["client"], x["product"], x["role"]) for r, x in a["rows"][side].items()} == {
            r: (x["client"], x["product"], x["role"]) for r, x in b["rows"][side].items()
        }
    assert not any(x["classes"] for x in b["rows"]["psa"].values())
    assert sum(1 for x in a["rows"]["psa"].values() if x["classes"]) > len(a["rows"]["psa"]) / 2
    # the vendor file is the same in both (only PSA text is perturbed)
    assert (tmp_path / "p" / a["vendor_file"]).read_bytes() == (
        tmp_path / "c" / b["vendor_file"]
    ).read_bytes()


@pytest.mark.parametrize("vendor", VENDOR_FORMATS)
def test_every_finding_type_at_200_clients(tmp_path, vendor):
    psa = PSA_FORMATS[VENDOR_FORMATS.index(vendor) % len(PSA_FORMATS)]
    t = json.loads(
        generate_case(
            tmp_path, seed=1, vendor_format=vendor, psa_format=psa, clients=200
        ).read_text(encoding="utf-8")
    )
    types = Counter(f["type"] for f in t["findings"])
    assert set(types) == {
        "unbilled",
        "under_billed",
        "over_billed",
        "no_vendor_record",
        "below_cost",
    }, types
    roles = Counter(x["role"] for x in t["rows"]["psa"].values())
    assert roles["service"] > 0 and roles["licence"] > 0 and len(roles) >= 3, roles
    vroles = Counter(x["role"] for x in t["rows"]["vendor"].values())
    assert vroles["credit"] > 0 and vroles["trial"] > 0, vroles


def test_deterministic(tmp_path):
    a = generate_case(
        tmp_path / "a",
        seed=5,
        vendor_format=VENDOR_FORMATS[2],
        psa_format=PSA_FORMATS[5],
        clients=80,
    )
    b = generate_case(
        tmp_path / "b",
        seed=5,
        vendor_format=VENDOR_FORMATS[2],
        psa_format=PSA_FORMATS[5],
        clients=80,
    )
    assert a.read_bytes() == b.read_bytes()


def test_class_variety_and_common_share(tmp_path):
    desc, name = Counter(), Counter()
    common_only = perturbed = 0
    from independent_q.clients import COMMON_NAME, NOVEL_NAME
    from independent_q.describe import COMMON, NOVEL

    for i, v in enumerate(VENDOR_FORMATS[:4]):
        t = json.loads(
            generate_case(
                tmp_path / v, seed=1, vendor_format=v, psa_format=PSA_FORMATS[i], clients=300
            ).read_text(encoding="utf-8")
        )
        for x in t["rows"]["psa"].values():
            d = [c for c in x["classes"] if not c.startswith("name_")]
            desc.update(d)
            if x["role"] == "licence" and d:
                perturbed += 1
                common_only += all(c in COMMON for c in d)
        for f in t["findings"]:
            name.update(c for c in f["classes"] if c.startswith("name_"))
    assert len([c for c in desc if c in COMMON + NOVEL]) >= 20, desc
    assert len([c for c in name if c in COMMON_NAME + NOVEL_NAME]) >= 12, name
    assert 0.2 < common_only / perturbed < 0.5


def test_no_client_name_collisions_and_families_kept_apart(tmp_path):
    from independent_q.clients import norm_name

    for v, p in PAIRS[:6]:
        t = json.loads(
            generate_case(
                tmp_path / v / p, seed=4, vendor_format=v, psa_format=p, clients=300
            ).read_text(encoding="utf-8")
        )
        names = {x["client"] for x in t["rows"]["vendor"].values()} | {
            x["client"] for x in t["rows"]["psa"].values()
        }
        assert len({norm_name(n) for n in names}) == len(names)


def test_300_clients_write_fast(tmp_path):
    worst = 0.0
    for i, v in enumerate(VENDOR_FORMATS):
        t0 = time.perf_counter()
        generate_case(
            tmp_path / v,
            seed=9,
            vendor_format=v,
            psa_format=PSA_FORMATS[i % len(PSA_FORMATS)],
            clients=300,
        )
        worst = max(worst, time.perf_counter() - t0)
    assert worst < 0.8, worst
