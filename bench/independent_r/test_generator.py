"""Own invariants of set R (quick)."""

import csv
import io
import json
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.independent_r import PSA_FORMATS, VENDOR_FORMATS, generate_case
from bench.independent_r.perturb import (
    CLIENT_CLASSES,
    DESC_CLASSES,
    NEW_CLIENT,
    NEW_DESC,
)

PAIRS = (
    [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
    + [(VENDOR_FORMATS[i % len(VENDOR_FORMATS)], p) for i, p in enumerate(PSA_FORMATS)]
    + [
        ("sherweb_payables", "connectwise_additions_csv"),
        ("sherweb_payables", "dinero_invoice_lines_dk"),
    ]
)


def load(folder, name, sheet):
    path = folder / name
    if path.suffix == ".xlsx":
        wb = CalamineWorkbook.from_path(str(path))
        return [
            [("" if c is None else c) for c in r]
            for r in wb.get_sheet_by_name(sheet or wb.sheet_names[-1]).to_python()
        ]
    raw = path.read_bytes()
    text = (
        raw.decode("utf-8-sig")
        if raw.startswith(b"\xef\xbb\xbf")
        else raw.decode("cp1252" if b";" in raw[:300] and b"Customer Name" in raw[:40] else "utf-8")
    )
    delim = ";" if text.split("\n")[0].count(";") > text.split("\n")[0].count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    out = {}
    root = tmp_path_factory.mktemp("r")
    for v, p in PAIRS:
        for perturb in (True, False):
            f = root / f"{v}__{p}__{perturb}"
            out[(v, p, perturb)] = (
                f,
                json.loads(generate_case(f, 3, v, p, 200, perturb).read_text()),
            )
    return out


def test_formats_count():
    assert len(VENDOR_FORMATS) >= 8 and len(PSA_FORMATS) >= 8
    assert len(DESC_CLASSES) >= 20 and len(CLIENT_CLASSES) >= 12


def test_every_finding_type_present(cases):
    for (v, p, perturb), (_, t) in cases.items():
        types = Counter(f["type"] for f in t["findings"])
        assert set(types) == {
            "unbilled",
            "under_billed",
            "over_billed",
            "no_vendor_record",
            "below_cost",
        }, (v, p, types)


def test_clean_and_perturbed_same_findings_and_rows(cases):
    for v, p in PAIRS:
        a, b = cases[(v, p, True)][1], cases[(v, p, False)][1]
        strip = lambda fs: sorted(
            (
                f["type"],
                f["client"],
                f["product"],
                tuple(f["vendor_rows"]),
                tuple(f["psa_rows"]),
                f["monthly_impact"],
            )
            for f in fs
        )
        assert strip(a["findings"]) == strip(b["findings"]), (v, p)
        assert {k: (r["client"], r["product"], r["role"]) for k, r in a["rows"]["psa"].items()} == {
            k: (r["client"], r["product"], r["role"]) for k, r in b["rows"]["psa"].items()
        }
        assert all(not r["classes"] for r in b["rows"]["psa"].values())


def test_perturbation_mix(cases):
    seen = Counter()
    for (v, p, perturb), (_, t) in cases.items():
        if perturb:
            seen.update(c for r in t["rows"]["psa"].values() for c in r["classes"])
    assert len([c for c in DESC_CLASSES if seen[c]]) >= 20, seen
    assert len([c for c in CLIENT_CLASSES if seen[c]]) >= 12, seen
    new = sum(seen[c] for c in NEW_DESC + NEW_CLIENT)
    assert new > 0.5 * sum(seen.values())


def _dec(x):
    s = str(x).strip().lstrip("'").replace("$", "")
    if "," in s and "." not in s:
        s = s.replace(",", ".")
    return Decimal(s)


def test_impacts_recomputed_from_files(cases):
    """Re-read quantities and unit money from the written files (independent of the generator's memory)."""
    for (v, p, perturb), (f, t) in cases.items():
        if v != "sherweb_payables" or p not in (
            "connectwise_additions_csv",
            "dinero_invoice_lines_dk",
        ):
            continue
        rows = load(f, t["vendor_file"], t["vendor_sheet"])
        hdr = rows[0]
        vd = {}
        if v == "sherweb_payables":
            for k, r in t["rows"]["vendor"].items():
                rec = dict(zip(hdr, rows[int(k) - 1]))
                m = _dec(rec["Unit Cost"]) / (12 if rec["Billing Cycle"] == "Yearly" else 1)
                vd[int(k)] = (int(rec["Quantity"]), m)
        prow = load(f, t["psa_file"], t["psa_sheet"])
        ph = prow[0]
        pd = {}
        for k, r in t["rows"]["psa"].items():
            rec = dict(zip(ph, prow[int(k) - 1]))
            if p == "connectwise_additions_csv":
                q = int(rec["Quantity"]) - int(rec["Less Included"])
                m = _dec(rec["Price"]) / (12 if rec["Billing Cycle"] == "Annual" else 1)
            else:
                q, m = int(rec["Antal"]), _dec(rec["Enhedspris"])
            pd[int(k)] = (q, m)
        for fnd in t["findings"]:
            if not vd or fnd["type"] == "unbilled":
                continue
            vq = sum(vd[r][0] for r in fnd["vendor_rows"])
            pq = sum(pd[r][0] for r in fnd["psa_rows"])
            p_ = sum(pd[r][0] * pd[r][1] for r in fnd["psa_rows"]) / pq if pq else None
            c_ = sum(vd[r][0] * vd[r][1] for r in fnd["vendor_rows"]) / vq if vq else None
            exp = {
                "under_billed": lambda: (vq - pq) * p_,
                "over_billed": lambda: (pq - vq) * p_,
                "no_vendor_record": lambda: pq * p_,
                "below_cost": lambda: (c_ - p_) * min(vq, pq),
            }[fnd["type"]]()
            assert abs(exp - Decimal(fnd["monthly_impact"])) <= Decimal("0.005"), (v, p, fnd)


def test_every_row_listed_and_within_file(cases):
    for (v, p, perturb), (f, t) in cases.items():
        vrows = load(f, t["vendor_file"], t["vendor_sheet"])
        prow = load(f, t["psa_file"], t["psa_sheet"])
        assert max(map(int, t["rows"]["vendor"])) <= len(vrows)
        assert max(map(int, t["rows"]["psa"])) <= len(prow)
        for fnd in t["findings"]:
            assert set(map(str, fnd["vendor_rows"])) <= set(t["rows"]["vendor"])
            assert set(map(str, fnd["psa_rows"])) <= set(t["rows"]["psa"])
            for r in fnd["psa_rows"]:
                assert t["rows"]["psa"][str(r)]["role"] == "licence"


def test_deterministic_and_fast(tmp_path):
    for v, p in PAIRS[:6]:
        t0 = time.time()
        a = generate_case(tmp_path / "a", 9, v, p, 300).read_text()
        assert time.time() - t0 < 1.0
        assert a == generate_case(tmp_path / "b", 9, v, p, 300).read_text()
