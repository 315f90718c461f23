"""Tests of the tenth independent set: determinism, clean vs perturbed, rows read back from the
rendered files with readers of their own, and every impact recomputed from the rendered files.

    /work/venv/bin/python -m pytest bench/independent_j/test_generator.py -q
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from statistics import median
from typing import Any

import pytest

from bench.independent_j import PSA_FORMATS, VENDOR_FORMATS, generate_case

ROOT = Path(__file__).resolve().parents[2]
DIAGONAL = [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
SHIFTED = [(v, PSA_FORMATS[(i + 3) % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]


# ------------------------------------------------------------------ independent readers


def read_grid(path: Path) -> list[list[Any]]:
    """Every record of a file as a list of cells, by the file's own kind (not the generator's code)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, data_only=True)
        names = wb.sheetnames
        # the line sheet: the one whose header row holds a quantity column
        sheet = next((wb[n] for n in names if n in ("Laskurivit",)), wb[names[0]])
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    if suffix in (".xls", ".ods"):
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        return book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    raw = path.read_bytes()
    if raw.startswith(b"\xff\xfe"):
        text, delim = raw.decode("utf-16"), "\t"
    elif raw.startswith(b"\xef\xbb\xbf"):
        text = raw.decode("utf-8-sig")
        delim = ";" if text.split("\n")[1].count(";") > text.split("\n")[1].count(",") else ","
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        lines = text.splitlines()
        probe = max(lines[:6], key=len)
        delim = ";" if probe.count(";") > probe.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]


def money(text: Any, dec: str) -> Decimal:
    """'$ 1.234,56-', '(44.00)', '1 234 Ft CR', "1'234.50", '¥1,234.50', '1,23,456.78', 12.5 ..."""
    if isinstance(text, (int, float)):
        return Decimal(str(round(float(text), 6))).normalize()
    s = str(text).strip()
    neg = (
        s.endswith("-")
        or s.endswith("CR")
        or (s.startswith("(") and s.endswith(")"))
        or "-" in s[:3]
    )
    s = re.sub(r"[^0-9,.]", "", s.replace("CR", ""))
    s = s.replace(".", "").replace(",", ".") if dec == "," else s.replace(",", "")
    value = Decimal(s)
    return -value if neg else value


# per format: (qty col, unit col, decimal mark, annual test, discount col or None)
VENDOR_COLS = {
    "sophos_msp_usage": (7, 9, ".", lambda r: "Term" in r[4]),
    "atea_fi_xlsx": (6, 7, ",", lambda r: "Vuosi" in r[4]),
    "intcomex_es": (6, 8, ",", lambda r: "Anual" in r[4]),
    "mindware_aed_xlsx": (6, 8, ".", lambda r: "Annual" in r[4]),
    "cn_gb18030_csv": (6, 8, ".", lambda r: r[4] == "年付"),
    "littlebit_ch_csv": (5, 7, ".", lambda r: r[4] == "jährlich"),
    "rashi_in_xls": (8, 10, ".", lambda r: "Annual" in r[6]),
    "hu_utf16_tsv": (6, 8, ",", lambda r: r[4] == "éves"),
    "google_workspace_ods": (9, 11, ".", lambda r: "Yearly Payment" in r[5]),
    "israel_ils_csv": (6, 8, ".", lambda r: r[4] == "שנתי"),
}
PSA_COLS = {
    "itflow_csv": (9, 10, ".", lambda r: r[3] == "year", None),
    "tigerpaw_xlsx": (3, 4, ".", lambda r: r[6] == "Annual", None),
    "bexio_csv": (6, 7, ".", lambda r: r[4] == "jährlich", 8),
    "fiken_csv": (8, 11, ",", lambda r: r[9] == "år", 12),
    "gradient_csv": (5, 6, ".", lambda r: r[3] == "Annually", None),
    "wave_csv": (8, 9, ".", lambda r: r[5] == "Yearly", None),
    "dolibarr_csv": (7, 9, ",", lambda r: r[4] == "annuelle", 10),
    "procountor_csv": (7, 9, ",", lambda r: r[14] == "12 kk", 10),
    "maxio_csv": (8, 9, ".", lambda r: r[5] == "12 months", None),
    "erpnext_xlsx": (8, 10, ".", lambda r: r[14] == "Year", 11),
}


def _int(cell: Any) -> int:
    if isinstance(cell, (int, float)):
        return int(cell)
    return int(re.match(r"\s*(-?\d+)", re.sub("[\u200e\u200f]", "", str(cell))).group(1))  # type: ignore[union-attr]


def _half_up(value: Fraction) -> str:
    sign = -1 if value < 0 else 1
    cents = (abs(value) * 100 + Fraction(1, 2)).__floor__()
    return f"{Decimal(sign * cents).scaleb(-2):.2f}"


def recompute(truth: dict[str, Any], folder: Path) -> Counter[tuple[str, str, str, str]]:
    """rules.md applied to the numbers as rendered in the two files."""
    vgrid = read_grid(folder / truth["vendor_file"])
    pgrid = read_grid(folder / truth["psa_file"])
    qc, uc, dec, annual = VENDOR_COLS[truth["vendor_format"]]
    vq: Counter[tuple[str, str]] = Counter()
    cost: dict[tuple[str, str], Fraction] = {}
    for row, info in truth["rows"]["vendor"].items():
        if info["role"] == "free":
            continue
        r = vgrid[int(row) - 1]
        key = (info["client"], info["product"])
        q = _int(r[qc])
        vq[key] += q
        unit = Fraction(money(r[uc], dec)) / (12 if annual(r) else 1)
        cost[key] = cost.get(key, Fraction(0)) + q * unit
    qc, uc, dec, annual, dc = PSA_COLS[truth["psa_format"]]
    pq: Counter[tuple[str, str]] = Counter()
    price: dict[tuple[str, str], Fraction] = {}
    for row, info in truth["rows"]["psa"].items():
        if info["role"] != "licence":
            continue
        r = pgrid[int(row) - 1]
        key = (info["client"], info["product"])
        q = _int(r[qc])
        disc = (
            Fraction(money(r[dc], dec))
            if dc is not None and r[dc] not in ("", None)
            else Fraction(0)
        )
        unit = Fraction(money(r[uc], dec)) * (1 - disc / 100) / (12 if annual(r) else 1)
        pq[key] += q
        price[key] = price.get(key, Fraction(0)) + q * unit
    med: dict[str, list[Fraction]] = {}
    for key, q in pq.items():
        if q > 0:
            med.setdefault(key[1], []).append(price[key] / q)
    out: Counter[tuple[str, str, str, str]] = Counter()
    for key in set(vq) | set(pq):
        v, q = vq.get(key, 0), pq.get(key, 0)
        c = cost[key] / v if v > 0 else None
        p = price[key] / q if q > 0 else None
        if v > 0 and q <= 0:
            m = med.get(key[1])
            out[("unbilled", *key, _half_up(v * (median(m) if m else c)))] += 1  # type: ignore[operator]
        elif q > 0 and v <= 0:
            out[("no_vendor_record", *key, _half_up(q * p))] += 1  # type: ignore[operator]
        elif v > 0 and q > 0:
            if v > q:
                out[("under_billed", *key, _half_up((v - q) * p))] += 1  # type: ignore[operator]
            if q > v:
                out[("over_billed", *key, _half_up((q - v) * p))] += 1  # type: ignore[operator]
            if p < c:  # type: ignore[operator]
                out[("below_cost", *key, _half_up((c - p) * min(v, q)))] += 1  # type: ignore[operator]
    return out


def _truth(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.iterdir()):
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()


# ------------------------------------------------------------------ tests


@pytest.mark.parametrize("vendor,psa", DIAGONAL + SHIFTED)
def test_deterministic(tmp_path: Path, vendor: str, psa: str) -> None:
    a = generate_case(tmp_path / "a", seed=3, vendor_format=vendor, psa_format=psa, clients=60)
    b = generate_case(tmp_path / "b", seed=3, vendor_format=vendor, psa_format=psa, clients=60)
    assert _digest(a.parent) == _digest(b.parent)


def test_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    code = (
        "import sys, hashlib; from pathlib import Path; from bench.independent_j import generate_case\n"
        "t = generate_case(Path(sys.argv[1]), seed=5, vendor_format='atea_fi_xlsx', psa_format='erpnext_xlsx', clients=80)\n"
        "h = hashlib.sha256()\n"
        "for f in sorted(t.parent.iterdir()): h.update(f.name.encode() + f.read_bytes())\n"
        "print(h.hexdigest())\n"
    )
    digests = set()
    for hs in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=hs)
        out = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / hs)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


@pytest.mark.parametrize("vendor,psa", DIAGONAL)
def test_clean_and_perturbed_same_findings(tmp_path: Path, vendor: str, psa: str) -> None:
    dirty = _truth(
        generate_case(tmp_path / "p", seed=2, vendor_format=vendor, psa_format=psa, clients=120)
    )
    clean = _truth(
        generate_case(
            tmp_path / "c", seed=2, vendor_format=vendor, psa_format=psa, clients=120, perturb=False
        )
    )
    key = lambda t: Counter((f["type"], f["monthly_impact"]) for f in t["findings"])  # noqa: E731
    assert key(dirty) == key(clean)
    assert dirty["rows"]["psa"].keys() == clean["rows"]["psa"].keys()
    assert all(not f["classes"] for f in clean["findings"])
    assert all(not r["classes"] for r in clean["rows"]["psa"].values())
    assert sum(bool(f["classes"]) for f in dirty["findings"]) > 0.5 * len(dirty["findings"])


@pytest.mark.parametrize("vendor,psa", DIAGONAL + SHIFTED)
def test_truth_rows_point_at_rendered_lines(tmp_path: Path, vendor: str, psa: str) -> None:
    """Read back the clean render: each listed row names its client and product; no other row does
    carry a quantity beside a product of the catalogue (headers, titles, totals are not listed)."""
    t = _truth(
        generate_case(
            tmp_path, seed=4, vendor_format=vendor, psa_format=psa, clients=80, perturb=False
        )
    )
    vgrid, pgrid = read_grid(tmp_path / t["vendor_file"]), read_grid(tmp_path / t["psa_file"])
    for side, grid in (("vendor", vgrid), ("psa", pgrid)):
        listed = t["rows"][side]
        for row, info in listed.items():
            cells = " | ".join("" if c is None else str(c) for c in grid[int(row) - 1])
            if info["role"] != "free":
                assert info["product"].split(" (")[0] in cells, (side, row, info, cells)
            client_cell = cells
            if psa == "tigerpaw_xlsx" and side == "psa":  # the client is on the group row above
                above = [
                    str(r[0])
                    for r in pgrid[: int(row)]
                    if r and str(r[0] or "").startswith("Account:")
                ]
                client_cell = above[-1]
            assert info["client"] in client_cell, (side, row, info, cells)
        rows = {int(r) for r in listed}
        assert len(rows) == len(listed)
        assert max(rows) <= len(grid)
    # perturbed render: the same rows, and the row's quantity is the clean one
    d = _truth(
        generate_case(tmp_path / "p", seed=4, vendor_format=vendor, psa_format=psa, clients=80)
    )
    assert d["rows"]["vendor"] == t["rows"]["vendor"]
    assert {r: (i["client"], i["product"], i["role"]) for r, i in d["rows"]["psa"].items()} == {
        r: (i["client"], i["product"], i["role"]) for r, i in t["rows"]["psa"].items()
    }


@pytest.mark.parametrize("vendor,psa", DIAGONAL + SHIFTED)
@pytest.mark.parametrize("perturb", [True, False])
def test_impacts_recomputed_from_rendered_files(
    tmp_path: Path, vendor: str, psa: str, perturb: bool
) -> None:
    t = _truth(
        generate_case(
            tmp_path, seed=6, vendor_format=vendor, psa_format=psa, clients=150, perturb=perturb
        )
    )
    expected = Counter(
        (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]
    )
    assert recompute(t, tmp_path) == expected


@pytest.mark.parametrize("vendor,psa", DIAGONAL)
def test_finding_mix_and_traps(tmp_path: Path, vendor: str, psa: str) -> None:
    t = _truth(generate_case(tmp_path, seed=1, vendor_format=vendor, psa_format=psa, clients=300))
    types = Counter(f["type"] for f in t["findings"])
    pairs = {
        (i["client"], i["product"])
        for s in ("vendor", "psa")
        for i in t["rows"][s].values()
        if i["role"] in ("licence", "credit")
    }
    for kind in ("unbilled", "no_vendor_record", "under_billed", "over_billed", "below_cost"):
        assert 0.015 * len(pairs) <= types[kind] <= 0.12 * len(pairs), (kind, types, len(pairs))
    roles = Counter(i["role"] for i in t["rows"]["psa"].values())
    assert roles["service"] and roles["cancelled"]
    assert Counter(i["role"] for i in t["rows"]["vendor"].values())["free"]
    # every finding's rows belong to its own client and product
    for f in t["findings"]:
        for side, key in (("vendor", "vendor_rows"), ("psa", "psa_rows")):
            for r in f[key]:
                info = t["rows"][side][str(r)]
                assert (info["client"], info["product"]) == (f["client"], f["product"])


def test_siblings_and_stores_stay_apart(tmp_path: Path) -> None:
    t = _truth(
        generate_case(
            tmp_path, seed=1, vendor_format="intcomex_es", psa_format="wave_csv", clients=200
        )
    )
    clients = {i["client"] for s in ("vendor", "psa") for i in t["rows"][s].values()}
    assert any(" Store " in c for c in clients)
    assert any(
        c.endswith(("Group Ltd", "Lab Ltd")) or " Group " in c or " Lab " in c for c in clients
    ) or any(w in " ".join(clients) for w in (" North ", " South ", " Academy ", " Wholesale "))


def test_300_clients_fast(tmp_path: Path) -> None:
    for vendor, psa in (("atea_fi_xlsx", "tigerpaw_xlsx"), ("littlebit_ch_csv", "fiken_csv")):
        start = time.perf_counter()
        generate_case(tmp_path / vendor, seed=1, vendor_format=vendor, psa_format=psa, clients=300)
        assert time.perf_counter() - start < 2.0


def test_every_pair_generates(tmp_path: Path) -> None:
    for v in VENDOR_FORMATS:
        for p in PSA_FORMATS:
            t = _truth(
                generate_case(
                    tmp_path / f"{v}-{p}", seed=9, vendor_format=v, psa_format=p, clients=60
                )
            )
            assert t["findings"], (v, p)


PSA_CLIENT_COL = {
    "itflow_csv": 0,
    "bexio_csv": 1,
    "fiken_csv": 2,
    "gradient_csv": 0,
    "wave_csv": 1,
    "dolibarr_csv": 1,
    "procountor_csv": 1,
    "maxio_csv": 0,
    "erpnext_xlsx": 4,
    "tigerpaw_xlsx": None,
}


@pytest.mark.parametrize("psa", PSA_FORMATS)
def test_one_psa_name_per_client_and_never_shared(tmp_path: Path, psa: str) -> None:
    """Read the perturbed PSA file back: each client is spelled one way, and no spelling is used
    for two clients (siblings, stores and near-twins stay apart on the page too)."""
    t = _truth(
        generate_case(
            tmp_path, seed=8, vendor_format="mindware_aed_xlsx", psa_format=psa, clients=250
        )
    )
    grid = read_grid(tmp_path / t["psa_file"])
    spelled: dict[str, set[str]] = {}
    for row, info in t["rows"]["psa"].items():
        if PSA_CLIENT_COL[psa] is None:
            name = [
                str(r[0]) for r in grid[: int(row)] if r and str(r[0] or "").startswith("Account:")
            ][-1]
        else:
            name = str(grid[int(row) - 1][PSA_CLIENT_COL[psa]])
        spelled.setdefault(info["client"], set()).add(name)
    assert all(len(names) == 1 for names in spelled.values())
    owners = Counter(next(iter(names)) for names in spelled.values())
    assert max(owners.values()) == 1
    assert sum(next(iter(n)) != c for c, n in spelled.items()) > 0.5 * len(spelled)
