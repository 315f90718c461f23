"""Quick invariants of evaluation set O (< 30 s)."""

import csv
import io
import json
import statistics
import time
from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from bench.independent_o import (
    DESC_CLASSES,
    NAME_CLASSES,
    PSA_FORMATS,
    VENDOR_FORMATS,
    generate_case,
)

TYPES = {"unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"}


def _gen(tmp, vf, pf, n=200, seed=1, perturb=True):
    p = generate_case(tmp / f"{vf}-{pf}-{n}-{seed}-{perturb}", seed, vf, pf, n, perturb)
    return p, json.loads(p.read_text(encoding="utf-8"))


def test_formats_counts():
    assert len(VENDOR_FORMATS) >= 8 and len(PSA_FORMATS) >= 8
    assert len(DESC_CLASSES) >= 20 and len(NAME_CLASSES) >= 12


def test_every_pair_writes_fast_and_complete(tmp_path):
    worst = 0.0
    for vf in VENDOR_FORMATS:
        for pf in PSA_FORMATS:
            t = time.time()
            _, tr = _gen(tmp_path, vf, pf, n=30, seed=3)
            worst = max(worst, time.time() - t)
            assert tr["rows"]["vendor"] and tr["rows"]["psa"]
            for f in tr["findings"]:
                assert f["type"] in TYPES
                assert D(f["monthly_impact"]) >= 0
                assert set(map(str, f["vendor_rows"])) <= set(tr["rows"]["vendor"])
                assert set(map(str, f["psa_rows"])) <= set(tr["rows"]["psa"])
    t = time.time()
    _gen(tmp_path, "pc_nce", "qbo", n=300, seed=2)
    assert time.time() - t < 1.0


@pytest.mark.parametrize(
    "vf,pf", [("pc_nce", "cw_additions"), ("pax8_api", "xero"), ("dicker_data", "syncro")]
)
def test_every_type_at_200(tmp_path, vf, pf):
    _, tr = _gen(tmp_path, vf, pf)
    assert {f["type"] for f in tr["findings"]} == TYPES


@pytest.mark.parametrize(
    "vf,pf",
    [
        ("pc_nce", "cw_additions"),
        ("cloudmore", "halopsa"),
        ("ingram_cloud", "qbo"),
        ("sherweb", "autotask"),
        ("td_synnex_ion", "kaseya_bms"),
        ("pax8_portal", "syncro"),
    ],
)
def test_clean_and_perturbed_have_identical_findings_and_rows(tmp_path, vf, pf):
    _, a = _gen(tmp_path, vf, pf, perturb=True)
    _, b = _gen(tmp_path, vf, pf, perturb=False)
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
    assert strip(a["findings"]) == strip(b["findings"])
    for side in ("vendor", "psa"):
        ra = {k: (v["client"], v["product"], v["role"]) for k, v in a["rows"][side].items()}
        rb = {k: (v["client"], v["product"], v["role"]) for k, v in b["rows"][side].items()}
        assert ra == rb
    assert all(not v["classes"] for v in b["rows"]["psa"].values())
    assert sum(1 for v in a["rows"]["psa"].values() if v["classes"]) > 0.5 * len(a["rows"]["psa"])


def test_class_coverage(tmp_path):
    seen = set()
    for vf, pf in [
        ("pc_nce", "cw_additions"),
        ("pax8_api", "halopsa"),
        ("dicker_data", "xero"),
        ("cloudmore", "qbo"),
    ]:
        _, tr = _gen(tmp_path, vf, pf, n=300)
        for r in tr["rows"]["psa"].values():
            seen.update(r["classes"])
    desc = {c for c in seen if not c.startswith("client:")}
    names = {c[7:] for c in seen if c.startswith("client:")}
    assert len(desc) >= 20, sorted(set(DESC_CLASSES) - desc)
    assert len(names) >= 12, sorted(set(NAME_CLASSES) - names)


def _half_up(x):
    return (
        D(x.numerator) / D(x.denominator)
        if False
        else (D(int((x * 200 + 1) // 2)) / 100).quantize(D("0.01"))
    )


def _num(s):
    s = str(s).strip().lstrip("'").replace("$", "").replace(",", "")
    return F(s) if s else F(0)


def test_impacts_recomputed_from_written_rows(tmp_path):
    """Read the files back (Partner Center NCE x ConnectWise additions) and recompute every impact."""
    p, tr = _gen(tmp_path, "pc_nce", "cw_additions", n=200, seed=5)
    d = p.parent
    vtext = (d / tr["vendor_file"]).read_text(encoding="utf-8-sig")
    ptext = (d / tr["psa_file"]).read_text(encoding="utf-8")
    vrows = list(csv.reader(io.StringIO(vtext, newline="")))
    prows = list(
        csv.reader(
            io.StringIO(ptext, newline=""), delimiter=";" if tr["currency"] == "EUR" else ","
        )
    )
    vh, ph = vrows[0], prows[0]
    V, P = {}, {}
    for r, info in tr["rows"]["vendor"].items():
        row = dict(zip(vh, vrows[int(r) - 1]))
        if info["role"] not in ("licence", "credit"):
            continue
        q = _num(row["BillableQuantity"])
        u = _num(row["EffectiveUnitPrice"]) / (12 if row["BillingFrequency"] == "Annual" else 1)
        V.setdefault((info["client"], info["product"]), []).append((q, u))
    col = lambda row, *names: next(row[n] for n in names if n in row)
    for r, info in tr["rows"]["psa"].items():
        if info["role"] != "licence":
            continue
        row = dict(zip(ph, prows[int(r) - 1]))
        conv = lambda s: _num(
            s.replace(",", ".") if tr["currency"] == "EUR" and ";" in ptext.splitlines()[0] else s
        )
        q = conv(col(row, "Quantity")) - conv(col(row, "Less Included"))
        P.setdefault((info["client"], info["product"]), []).append(
            (q, conv(col(row, "Price", "Unit Price")))
        )
    ps = {
        k: (sum(q for q, _ in v), sum(q * u for q, u in v) / sum(q for q, _ in v))
        for k, v in P.items()
        if sum(q for q, _ in v) > 0
    }
    med = {}
    for (cl, pr), (_, p_) in ps.items():
        med.setdefault(pr, []).append(p_)
    got = {}
    for k in set(V) | set(P):
        vq = sum(q for q, _ in V.get(k, []))
        c = sum(q * u for q, u in V.get(k, [])) / vq if vq else F(0)
        pq, p_ = ps.get(k, (0, F(0)))
        if vq > 0 and pq == 0:
            got[("unbilled",) + k] = _half_up(
                vq * (F(statistics.median(med[k[1]])) if k[1] in med else c)
            )
            continue
        if pq > 0 and k not in V:
            got[("no_vendor_record",) + k] = _half_up(pq * p_)
            continue
        if vq > pq > 0:
            got[("under_billed",) + k] = _half_up((vq - pq) * p_)
        if pq > vq > 0:
            got[("over_billed",) + k] = _half_up((pq - vq) * p_)
        if vq > 0 and pq > 0 and p_ < c:
            got[("below_cost",) + k] = _half_up((c - p_) * min(vq, pq))
    want = {(f["type"], f["client"], f["product"]): D(f["monthly_impact"]) for f in tr["findings"]}
    assert got == want


def test_deterministic(tmp_path):
    a = _gen(tmp_path / "a", "sherweb", "kaseya_bms", n=60)[1]
    b = _gen(tmp_path / "b", "sherweb", "kaseya_bms", n=60)[1]
    assert a == b


def test_families_never_collapse(tmp_path):
    from bench.independent_o import _apply_perturbations
    from bench.independent_o.model import build_case
    from bench.independent_o.perturb import norm

    case = build_case(4, "pc_nce", "cw_additions", 300)
    _apply_perturbations(case, 4)
    names = {}
    for c in case.clients:
        if c.side == "vendor":
            continue
        n = norm(c.psa_name)
        assert n not in names, (c.psa_name, names.get(n))
        names[n] = c.name
        for other in case.clients:
            if other.cid != c.cid and other.family and other.family == c.family:
                assert norm(c.psa_name) != norm(other.name)
