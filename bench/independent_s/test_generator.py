"""Quick invariants of set S (run: python -m pytest -q bench/independent_s/test_generator.py)."""

from __future__ import annotations

import csv
import io
import json
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.independent_s import PSA_FORMATS, VENDOR_FORMATS, _generate, generate_case  # noqa: E402
from bench.independent_s.perturb import DESC_COMMON, DESC_NEW, NAME_COMMON, NAME_NEW  # noqa: E402

TYPES = {"unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"}


def key(f):
    return (
        f["type"],
        f["client"],
        f["product"],
        f["monthly_impact"],
        tuple(f["vendor_rows"]),
        tuple(f["psa_rows"]),
    )


def records(path: Path, sheet=None):
    """1-based records of a CSV or the chosen/first data sheet of an xlsx."""
    if path.suffix == ".xlsx":
        wb = CalamineWorkbook.from_path(str(path))
        names = wb.sheet_names
        best = max(names, key=lambda n: len(wb.get_sheet_by_name(n).to_python()))
        return [
            [("" if c is None else str(c)) for c in r]
            for r in wb.get_sheet_by_name(sheet or best).to_python(skip_empty_area=False)
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1250")
    delim = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    return list(csv.reader(text.splitlines(keepends=True), delimiter=delim))


@pytest.mark.parametrize("vf", VENDOR_FORMATS)
def test_clean_and_perturbed_have_identical_findings_and_rows(tmp_path, vf):
    pf = PSA_FORMATS[VENDOR_FORMATS.index(vf) % len(PSA_FORMATS)]
    a = json.loads(generate_case(tmp_path / "p", 3, vf, pf, 80, True).read_text())
    b = json.loads(generate_case(tmp_path / "c", 3, vf, pf, 80, False).read_text())
    assert sorted(map(key, a["findings"])) == sorted(map(key, b["findings"]))
    assert a["rows"]["vendor"] == b["rows"]["vendor"]
    assert {r: (v["client"], v["product"], v["role"]) for r, v in a["rows"]["psa"].items()} == {
        r: (v["client"], v["product"], v["role"]) for r, v in b["rows"]["psa"].items()
    }
    assert all(not r["classes"] for r in b["rows"]["psa"].values())
    assert any(r["classes"] for r in a["rows"]["psa"].values())


@pytest.mark.parametrize("pf", PSA_FORMATS)
def test_every_pair_every_type_at_200_and_rows_point_at_the_lines(tmp_path, pf):
    vf = VENDOR_FORMATS[PSA_FORMATS.index(pf) % len(VENDOR_FORMATS)]
    t0 = time.perf_counter()
    tp, sc = _generate(tmp_path, 1, vf, pf, 300, True)
    assert time.perf_counter() - t0 < 1.5  # "well under a second" on a quiet machine
    truth = json.loads(tp.read_text())
    assert {f["type"] for f in truth["findings"]} == TYPES
    vrec, prec = records(tmp_path / truth["vendor_file"]), records(tmp_path / truth["psa_file"])
    for v in sc.vlines:
        rec = vrec[v.row - 1]
        assert str(abs(v.qty)) in " ".join(rec).replace("'", ""), (v.row, rec)
    for p in sc.plines:
        rec = prec[p.row - 1]
        assert any(p.desc == cell or p.desc.strip() == cell.strip() for cell in rec), (
            p.row,
            p.desc,
            rec,
        )
    # every data row is listed exactly once, and listed rows are unique
    assert len(truth["rows"]["vendor"]) == len(sc.vlines)
    assert len(truth["rows"]["psa"]) == len(sc.plines)


def test_all_pairs_write_and_classes_are_rich(tmp_path):
    seen_d, seen_n = Counter(), Counter()
    for vf in VENDOR_FORMATS:
        for pf in PSA_FORMATS:
            t = json.loads(generate_case(tmp_path / f"{vf}__{pf}", 2, vf, pf, 40, True).read_text())
            for r in t["rows"]["psa"].values():
                for c in r["classes"]:
                    (seen_n if c in NAME_COMMON + NAME_NEW else seen_d)[c] += 1
    assert len(seen_d) >= 20, seen_d
    assert len(seen_n) >= 12, seen_n
    common = sum(v for k, v in seen_d.items() if k in DESC_COMMON)
    assert 0.2 < common / sum(seen_d.values()) < 0.5


def test_determinism(tmp_path):
    a = generate_case(tmp_path / "a", 5, VENDOR_FORMATS[2], PSA_FORMATS[3], 60, True)
    b = generate_case(tmp_path / "b", 5, VENDOR_FORMATS[2], PSA_FORMATS[3], 60, True)
    assert a.read_text() == b.read_text()
    ta = json.loads(a.read_text())
    assert (tmp_path / "a" / ta["psa_file"]).read_bytes() == (
        tmp_path / "b" / ta["psa_file"]
    ).read_bytes()


def q2(x):
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def test_impacts_recomputed_from_the_written_files(tmp_path):
    """Independent re-read of Pax8 portal CSV x ConnectWise CSV: quantities and prices from the files,
    client/product identities from truth rows; the impacts must agree to the cent."""
    tp = generate_case(tmp_path, 4, "pax8_portal_csv", "connectwise_additions_csv", 200, True)
    t = json.loads(tp.read_text())
    v = list(csv.DictReader(io.StringIO((tmp_path / t["vendor_file"]).read_text(encoding="utf-8"))))
    p = list(csv.DictReader(io.StringIO((tmp_path / t["psa_file"]).read_text(encoding="utf-8"))))
    vq, vamt, pq, pamt = Counter(), defaultdict(D), Counter(), defaultdict(D)
    for i, r in enumerate(v, start=2):
        info = t["rows"]["vendor"][str(i)]
        if info["role"] not in ("licence", "credit"):
            continue
        k = (info["client"], info["product"])
        unit = D(r["cost"]) / (12 if "billed annually" in r["details"] else 1)
        vq[k] += int(r["quantity"])
        vamt[k] += int(r["quantity"]) * unit
    for i, r in enumerate(p, start=2):
        info = t["rows"]["psa"][str(i)]
        if info["role"] != "licence":
            assert info["role"] == "service" or r["Cancelled"]
            continue
        k = (info["client"], info["product"])
        q = int(r["Quantity"]) - int(r["Less Included"])
        pq[k] += q
        pamt[k] += q * D(r["Price"]) / (12 if r["Billing Cycle"] == "Annual" else 1)
    med = defaultdict(list)
    for k in pq:
        med[k[1]].append(pamt[k] / pq[k])
    exp = set()
    for k in set(vq) | set(pq):
        if vq[k] and not pq[k]:
            m = statistics.median(med[k[1]]) if med[k[1]] else vamt[k] / vq[k]
            exp.add(("unbilled", *k, str(q2(vq[k] * m))))
        elif pq[k] and not vq[k]:
            exp.add(("no_vendor_record", *k, str(q2(pamt[k]))))
        else:
            c, pr = vamt[k] / vq[k], pamt[k] / pq[k]
            if vq[k] > pq[k]:
                exp.add(("under_billed", *k, str(q2((vq[k] - pq[k]) * pr))))
            if pq[k] > vq[k]:
                exp.add(("over_billed", *k, str(q2((pq[k] - vq[k]) * pr))))
            if pr < c:
                exp.add(("below_cost", *k, str(q2((c - pr) * min(vq[k], pq[k])))))
    got = {(f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]}
    assert got == exp


def test_perturbations_never_make_two_clients_alike(tmp_path):
    for pf in PSA_FORMATS:
        tp, sc = _generate(tmp_path / pf, 1, "td_synnex_streamone_ion_csv", pf, 200, True)
        written = {}
        for p in sc.plines:
            n = unicodedata.normalize("NFKC", p.name + "|" + p.site).casefold()
            assert written.setdefault(n, p.client.cid) == p.client.cid, (pf, p.name, p.site)


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError):
        generate_case(tmp_path, 1, "nope", PSA_FORMATS[0], 60)
    with pytest.raises(ValueError):
        generate_case(tmp_path, 1, VENDOR_FORMATS[0], PSA_FORMATS[0], 5)
