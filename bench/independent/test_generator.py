"""Tests of the independent generator (never of the engine).

Run from the repository root: /work/venv/bin/python -m pytest bench/independent -q
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import pathlib
import re
from decimal import Decimal
from fractions import Fraction

import openpyxl
import pandas as pd
import pytest

from bench.independent import PSA_FORMATS, VENDOR_FORMATS, build_case, generate_case
from bench.independent import catalog as cat
from bench.independent.scenario import Client, PLine, Scenario, VLine, findings, money

SMALL = 60

# Every vendor format and every PSA format at least once, paired so both sides vary.
PAIRS = [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)] + [
    (VENDOR_FORMATS[(i + 3) % len(VENDOR_FORMATS)], p) for i, p in enumerate(PSA_FORMATS)
]


def _read_rows(path: pathlib.Path, sheet: str | None) -> list[list[str]]:
    """Physical rows as text, 1-based by list index + 1 (independent of the generator's writer)."""
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, data_only=True)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        out = []
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, values_only=True):
            out.append(
                [
                    ""
                    if v is None
                    else (v.date().isoformat() if isinstance(v, dt.datetime) else str(v))
                    for v in row
                ]
            )
        return out
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    lines = text.splitlines()
    delim = ";" if lines[0].count(";") > lines[0].count(",") else ","
    return [next(csv.reader([ln], delimiter=delim)) if ln else [] for ln in lines]


def _group_name(rows: list[list[str]], r: int) -> str | None:
    """For reports that put the customer on a group row above its lines (QuickBooks, Xero)."""
    for i in range(r - 2, -1, -1):
        cells = [c for c in rows[i] if c.strip()]
        if len(cells) == 1 and rows[i][0].strip():
            return rows[i][0]
    return None


def _case(
    tmp: pathlib.Path, v: str, p: str, seed: int = 1, perturb: bool = True, n: int = SMALL
) -> dict:
    path = generate_case(tmp, seed=seed, vendor_format=v, psa_format=p, clients=n, perturb=perturb)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["_dir"] = tmp
    return doc


@pytest.mark.parametrize("v,p", PAIRS[:6] + PAIRS[-3:])
def test_same_seed_same_bytes(tmp_path: pathlib.Path, v: str, p: str) -> None:
    a = _case(tmp_path / "a", v, p, seed=5)
    _case(tmp_path / "b", v, p, seed=5)
    for name in (a["vendor_file"], a["psa_file"], "truth.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    _case(tmp_path / "c", v, p, seed=6)
    assert (tmp_path / "c" / "truth.json").read_bytes() != (
        tmp_path / "a" / "truth.json"
    ).read_bytes()


@pytest.mark.parametrize("v,p", PAIRS)
@pytest.mark.parametrize("seed", [1, 2])
def test_metamorphic_perturbation_keeps_findings(
    tmp_path: pathlib.Path, v: str, p: str, seed: int
) -> None:
    a = _case(tmp_path / "p", v, p, seed=seed, perturb=True)
    b = _case(tmp_path / "c", v, p, seed=seed, perturb=False)

    def key(f):
        return (f["type"], f["client"], f["product"], f["monthly_impact"])

    assert sorted(map(key, a["findings"])) == sorted(map(key, b["findings"]))
    assert a["findings"], "a case with no findings tests nothing"
    # the perturbed render really differs and carries classes; the clean one carries none
    assert any(f["classes"] for f in a["findings"])
    assert not any(f["classes"] for f in b["findings"])


@pytest.mark.parametrize("v,p", PAIRS)
@pytest.mark.parametrize("perturb", [True, False])
def test_truth_rows_point_at_rendered_lines(
    tmp_path: pathlib.Path, v: str, p: str, perturb: bool
) -> None:
    doc = _case(tmp_path, v, p, seed=3, perturb=perturb)
    sc = build_case(seed=3, vendor_format=v, clients=SMALL, perturb=perturb)
    vendor_name = {c.name: c.vendor_name for c in sc.clients}
    psa_name = {c.name: c.psa_name for c in sc.clients}
    by_name = {pr.name: pr for pr in cat.PRODUCTS}
    vrows = _read_rows(tmp_path / doc["vendor_file"], doc["vendor_sheet"])
    prows = _read_rows(tmp_path / doc["psa_file"], doc["psa_sheet"])
    assert doc["rows"]["vendor"] and doc["rows"]["psa"]
    for r, info in doc["rows"]["vendor"].items():
        text = " | ".join(vrows[int(r) - 1])
        assert vendor_name[info["client"]] in text, (r, info, text)
        pr = by_name[info["product"]]
        ids = [
            pr.name,
            pr.pax8_sku,
            pr.dicker_desc,
            pr.ingram_name,
            pr.generic_name,
            pr.pc_product_id if pr.pc_product_id else "\0",
        ]
        assert any(i and i in text for i in ids), (r, info, text)
    for r, info in doc["rows"]["psa"].items():
        row = prows[int(r) - 1]
        text = " | ".join(row)
        name = psa_name[info["client"]]
        assert name in text or _group_name(prows, int(r)) == name, (r, info, text)
        if not perturb or info["role"] == "service":
            assert info["product"] in text, (r, info, text)
    # every finding's rows are licence rows of that client and product
    for f in doc["findings"]:
        for side, rows in (("vendor", f["vendor_rows"]), ("psa", f["psa_rows"])):
            for r in rows:
                info = doc["rows"][side][str(r)]
                assert (info["client"], info["product"]) == (f["client"], f["product"])
                assert info["role"] in ("licence", "credit")
        assert f["vendor_rows"] or f["psa_rows"]


@pytest.mark.parametrize("v,p", PAIRS)
def test_every_format_reads_with_pandas(tmp_path: pathlib.Path, v: str, p: str) -> None:
    doc = _case(tmp_path, v, p, seed=4)
    for fname, sheet in (
        (doc["vendor_file"], doc["vendor_sheet"]),
        (doc["psa_file"], doc["psa_sheet"]),
    ):
        path = tmp_path / fname
        if path.suffix == ".xlsx":
            df = pd.read_excel(
                path, sheet_name=sheet or 0, header=None, dtype=str, engine="openpyxl"
            )
            df2 = pd.read_excel(
                path, sheet_name=sheet or 0, header=None, dtype=str, engine="calamine"
            )
            assert df.shape[1] == df2.shape[1] and abs(len(df) - len(df2)) <= 1
            n_rows = openpyxl.load_workbook(path, read_only=True)[
                sheet or openpyxl.load_workbook(path, read_only=True).sheetnames[0]
            ].max_row
        else:
            raw = path.read_bytes()
            enc = "utf-8-sig"
            try:
                raw.decode(enc)
            except UnicodeDecodeError:
                enc = "cp1252"
            first = raw.decode(enc).splitlines()[0]
            sep = ";" if first.count(";") > first.count(",") else ","
            df = pd.read_csv(
                path,
                sep=sep,
                encoding=enc,
                header=None,
                dtype=str,
                skip_blank_lines=False,
                on_bad_lines="skip",
                engine="python",
            )
            n_rows = len(raw.decode(enc).splitlines())
        assert len(df) >= 10
        assert len(df) <= n_rows
    # the workbook whose first sheet is a summary names the right sheet
    if v == "td_synnex":
        assert doc["vendor_sheet"] == "Billing Details"


def _hand_scenario() -> Scenario:
    def client(cid: str, name: str) -> Client:
        return Client(cid, name, name, name, [], "both", "x.onmicrosoft.com", "t", "T")

    a, b, c = client("C1", "Alpha LLC"), client("C2", "Beta Inc."), client("C3", "Gamma Ltd")
    bp, e3 = cat.BY_KEY["BP"], cat.BY_KEY["M365E3"]
    d = Decimal
    start = dt.date(2025, 1, 1)
    vl = [
        VLine(a, bp, 3, d("10.00"), d("11.00"), False, "P1Y", "licence", "s1", start),
        VLine(
            a, bp, 1, d("114.00"), d("132.00"), True, "P1Y", "licence", "s2", start
        ),  # 9.50 a month
        VLine(a, bp, 1, d("10.00"), d("11.00"), False, "P1Y", "licence", "s3", start),
        VLine(
            a, bp, -1, d("10.00"), d("11.00"), False, "P1Y", "credit", "s3", start
        ),  # nets the line above
        VLine(b, bp, 3, d("10.00"), d("11.00"), False, "P1Y", "licence", "s4", start),
        VLine(c, e3, 2, d("30.00"), d("36.00"), False, "P1Y", "licence", "s5", start),
        VLine(
            c, cat.BY_KEY["TEAMSEXP"], 9, d("0.00"), d("0.00"), False, "P1M", "free", "s6", start
        ),
    ]
    pl = [
        PLine(a, bp, None, 2, d("9.50"), False, "licence", "x", []),
        PLine(c, bp, None, 1, d("123.00"), True, "licence", "x", []),  # 10.25 a month
        PLine(c, e3, None, 5, d("40.00"), False, "licence", "x", []),
        PLine(c, e3, None, 1, d("40.00"), False, "cancelled", "x", [], dt.date(2026, 10, 1)),
        PLine(c, None, "Managed Services - per user", 5, d("95.00"), False, "service", "x", []),
    ]
    return Scenario(1, "USD", [a, b, c], vl, pl)


def test_impacts_exact_on_a_hand_computed_case() -> None:
    got = {
        (f["client"], f["product"], f["type"]): money(f["impact"])
        for f in findings(_hand_scenario())
    }
    bp, e3 = "Microsoft 365 Business Premium", "Microsoft 365 E3"
    # Alpha: vq = 3+1+1-1 = 4, c = (30 + 9.5 + 10 - 10)/4 = 9.875; pq = 2 at 9.50
    assert got[("Alpha LLC", bp, "under_billed")] == Decimal("19.00")  # (4-2) x 9.50
    assert got[("Alpha LLC", bp, "below_cost")] == Decimal("0.75")  # (9.875-9.50) x 2
    # Beta: unbilled; median of per-client PSA prices {9.50, 10.25} = 9.875; 3 x 9.875 = 29.625 -> 29.63
    assert got[("Beta Inc.", bp, "unbilled")] == Decimal("29.63")
    # Gamma: BP billed, never bought: 1 x 10.25; E3 over-billed by 3 at 40 (the cancelled line takes no part)
    assert got[("Gamma Ltd", bp, "no_vendor_record")] == Decimal("10.25")
    assert got[("Gamma Ltd", e3, "over_billed")] == Decimal("120.00")
    assert len(got) == 5  # free lines and services make no finding


def test_money_rounds_half_up_once() -> None:
    assert money(Fraction(29625, 1000)) == Decimal("29.63")
    assert money(Fraction(1, 200)) == Decimal("0.01")
    assert money(Fraction(1, 201)) == Decimal("0.00")
    assert money(Decimal("2.345")) == Decimal("2.35")


@pytest.mark.parametrize("v", ["pax8_api", "partner_center_nce", "dicker_data"])
def test_impacts_match_an_independent_recomputation(v: str) -> None:
    """Recompute every finding from the raw lines with Decimal at high precision, as a second opinion."""
    import decimal

    sc = build_case(seed=7, vendor_format=v, clients=90)
    ctx = decimal.Context(prec=60)
    vq: dict = {}
    vc: dict = {}
    pq: dict = {}
    ps: dict = {}
    for ln in sc.vlines:
        if ln.role == "free":
            continue
        k = (ln.client.name, ln.product.name)
        vq[k] = vq.get(k, 0) + ln.qty
        per_month = ctx.divide(ln.unit, Decimal(12)) if ln.annual else ln.unit
        vc[k] = ctx.add(vc.get(k, Decimal(0)), ctx.multiply(per_month, Decimal(ln.qty)))
    for ln in sc.plines:
        if ln.role != "licence" or ln.product is None:
            continue
        k = (ln.client.name, ln.product.name)
        pq[k] = pq.get(k, 0) + ln.qty
        per_month = ctx.divide(ln.unit, Decimal(12)) if ln.yearly else ln.unit
        ps[k] = ctx.add(ps.get(k, Decimal(0)), ctx.multiply(per_month, Decimal(ln.qty)))
    for f in findings(sc):
        k = (f["client"], f["product"])
        if f["type"] == "under_billed":
            exp = ctx.multiply(Decimal(vq[k] - pq[k]), ctx.divide(ps[k], Decimal(pq[k])))
        elif f["type"] == "over_billed":
            exp = ctx.multiply(Decimal(pq[k] - vq[k]), ctx.divide(ps[k], Decimal(pq[k])))
        elif f["type"] == "no_vendor_record":
            exp = ps[k]
        elif f["type"] == "below_cost":
            c = ctx.divide(vc[k], Decimal(vq[k]))
            p = ctx.divide(ps[k], Decimal(pq[k]))
            exp = ctx.multiply(ctx.subtract(c, p), Decimal(min(vq[k], pq[k])))
        else:
            continue
        assert (
            abs(money(f["impact"]) - exp.quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP))
            == 0
        ), f
        assert re.fullmatch(r"\d+\.\d\d", str(money(f["impact"])))


def test_scenario_has_every_trap() -> None:
    sc = build_case(seed=1, vendor_format="pax8_api", clients=120)
    types = {f["type"] for f in findings(sc)}
    assert types == {"unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"}
    names = {c.name for c in sc.clients}
    assert {
        "Northwind Dental Group",
        "Northwind Dental Lab",
        "Bayside Pharmacy Store 12",
        "Bayside Pharmacy Store 15",
    } <= names
    assert {c.side for c in sc.clients} == {"both", "vendor", "psa"}
    roles_v = {ln.role for ln in sc.vlines}
    roles_p = {ln.role for ln in sc.plines}
    assert roles_v == {"licence", "free", "credit"} and roles_p == {
        "licence",
        "service",
        "cancelled",
    }
    assert any(ln.annual for ln in sc.vlines)
    assert any(not ln.product.ms for ln in sc.vlines)
    baskets: dict[str, set[str]] = {}
    for ln in sc.vlines:
        baskets.setdefault(ln.client.cid, set()).add(ln.product.key)
    assert any(set(pair) <= b for b in baskets.values() for pair in cat.LOOKALIKES)
    classes = {c for ln in sc.plines for c in ln.classes} | {
        c for cl in sc.clients for c in cl.name_classes
    }
    for needed in (
        "brand_dropped",
        "abbreviation",
        "extra_billing_words",
        "typo",
        "renamed_product",
        "bare_plan",
        "inhouse_name",
        "out_of_catalogue",
        "legal_suffix_typo",
        "abbreviation_misspelt",
        "generic_word_dropped",
        "branch_suffix",
        "store_number_variant",
        "accents_special",
        "untouched",
    ):
        assert needed in classes, needed
    # siblings never share a PSA spelling with each other
    psa = [c.psa_name.casefold() for c in sc.clients]
    assert len(psa) == len(set(psa))


# ------------------------------------------------------------------------------------------------
# End to end: the truth can be re-derived from the rendered files plus the row labels alone.
def _dec(s: str) -> Decimal:
    s = s.strip().lstrip("'").replace("$", "")
    s = (
        s.replace(",", ".") if ("," in s and "." not in s) else s.replace(",", "")
    )  # 12,50 (EU) or 1,234.50
    neg = s.startswith("-")
    s = s.lstrip("-")
    return -Decimal(s) if neg else Decimal(s)


def _eu(s: str) -> Decimal:
    return Decimal(s.strip().replace(".", "").replace(",", "."))


def _floor2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding="ROUND_FLOOR")


def _pc_cost(r: dict) -> Decimal:
    eff = _dec(r["EffectiveUnitPrice"])
    if r["PricingCurrency"] != r["Currency"]:
        return _floor2(eff * _dec(r["PCToBCExchangeRate"]))
    return eff


VENDOR_READ = {  # format -> (qty, unit cost for the billed period, billed annually?)
    "partner_center_nce": lambda r: (
        _dec(r["BillableQuantity"]),
        _pc_cost(r),
        r["BillingFrequency"] == "Annual",
    ),
    "partner_center_nce_gbp": lambda r: (
        _dec(r["BillableQuantity"]),
        _pc_cost(r),
        r["BillingFrequency"] == "Annual",
    ),
    "partner_center_legacy": lambda r: (
        _dec(r["Quantity"]),
        _dec(r["Subtotal"]) / _dec(r["Quantity"]),
        r["BillingCycleType"] == "Annual",
    ),
    "pax8_api": lambda r: (_dec(r["quantity"]), _dec(r["cost"]), r["endPeriod"].startswith("2027")),
    "pax8_portal": lambda r: (
        _dec(r["quantity"]),
        _dec(r["cost"]),
        "billed annually" in r["details"],
    ),
    "td_synnex": lambda r: (
        _dec(r["Quantity"]),
        _dec(r["Unit Price"]),
        r["Billing Frequency"] == "Annual",
    ),
    "ingram": lambda r: (
        _dec(r["Quantity"]),
        _dec(r["Net Price"]) / _dec(r["Quantity"]),
        r["Unit of Measure"] == "Yearly",
    ),
    "sherweb": lambda r: (
        _dec(r["Quantity"]),
        _dec(r["Net Price"]),
        r["Billing Cycle"] == "Yearly",
    ),
    "dicker_data": lambda r: (
        _dec(r["QTY"]),
        _dec(r["UNIT PRICE"]),
        "UPFRONT" in r["STOCK DESCRIPTION"],
    ),
    "cloudmore": lambda r: (
        _dec(r["Quantity"]),
        _eu(r["Unit Cost Price"]),
        r["Payment Frequency"] == "Annually",
    ),
    "generic_distributor": lambda r: (
        _dec(r["Qty"]),
        _dec(r["Unit Cost"]),
        r["Billing Cycle"] == "Annual",
    ),
}
PSA_READ = {  # format -> (qty, unit price for the period, yearly?)
    "connectwise": lambda r: (_dec(r["Quantity"]), _dec(r["Price"]), False),
    "connectwise_cancel_date_only": lambda r: (_dec(r["Qty"]), _dec(r["Unit Price"]), False),
    "autotask": lambda r: (_dec(r["Units"]), _dec(r["Unit Price"]), r["Period Type"] == "Yearly"),
    "halopsa": lambda r: (
        _dec(r["qty_order"]),
        _dec(r["unit_price"]),
        r["Billing Period"] == "Annually",
    ),
    "syncro": lambda r: (
        _dec(r["Quantity"]),
        _dec(r["retail_cents"]) / 100,
        r["Frequency"] == "Annually",
    ),
    "kaseya_bms": lambda r: (_dec(r["Quantity"]), _dec(r["Price"]), r["Frequency"] == "Annually"),
    "quickbooks_online": lambda r: (_dec(r["Qty"]), _dec(r["Sales Price"]), False),
    "xero": lambda r: (_dec(r["Quantity"]), _dec(r["Unit Price"]), False),
}


def _records(rows: list[list[str]], wanted: dict) -> dict[int, dict]:
    header: list[str] | None = None
    out = {}
    for i, row in enumerate(rows, 1):
        if header is not None and str(i) in wanted:
            out[i] = {h: (row[j] if j < len(row) else "") for j, h in enumerate(header) if h}
        elif len([c for c in row if c.strip()]) >= 5 and all(
            not re.fullmatch(r"-?[\d.,']+", c) for c in row if c
        ):
            header = row  # a header (possibly repeated mid-file)
    return out


def _rules(vendor: dict, psa: dict) -> list[tuple[str, str, str, Decimal]]:
    """rules.md, re-implemented here from scratch over (client, product) -> [(qty, monthly unit)]."""

    def agg(lines):
        return (
            sum(q for q, _ in lines),
            sum((Fraction(q) * u for q, u in lines), Fraction(0)),
        )

    per_prod: dict[str, list[Fraction]] = {}
    for (_cl, pr), lines in psa.items():
        q, s = agg(lines)
        if q > 0:
            per_prod.setdefault(pr, []).append(s / q)
    out = []
    for key in set(vendor) | set(psa):
        vq, vs = agg(vendor.get(key, []))
        pq, ps = agg(psa.get(key, []))
        c = vs / vq if vq else None
        p = ps / pq if pq else None
        if vq > 0 and pq == 0:
            xs = sorted(per_prod.get(key[1], []))
            med = (
                (xs[len(xs) // 2] if len(xs) % 2 else (xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2)
                if xs
                else c
            )
            out.append((key[0], key[1], "unbilled", money(vq * med)))
        elif pq > 0 and vq == 0:
            out.append((key[0], key[1], "no_vendor_record", money(pq * p)))
        elif vq > 0 and pq > 0:
            if vq > pq:
                out.append((key[0], key[1], "under_billed", money((vq - pq) * p)))
            if pq > vq:
                out.append((key[0], key[1], "over_billed", money((pq - vq) * p)))
            if p < c:
                out.append((key[0], key[1], "below_cost", money((c - p) * min(vq, pq))))
    return sorted(out)


@pytest.mark.parametrize(
    "v,p",
    [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_READ)]
    + [
        ("cloudmore", "connectwise_cancel_date_only"),
        ("dicker_data", "syncro"),
        ("partner_center_nce_gbp", "quickbooks_online"),
    ],
)
def test_truth_rederived_from_rendered_files(tmp_path: pathlib.Path, v: str, p: str) -> None:
    assert set(VENDOR_READ) == set(VENDOR_FORMATS) and set(PSA_READ) == set(PSA_FORMATS)
    doc = _case(tmp_path, v, p, seed=11, n=70)
    vrows = _read_rows(tmp_path / doc["vendor_file"], doc["vendor_sheet"])
    prows = _read_rows(tmp_path / doc["psa_file"], doc["psa_sheet"])
    lic_v = {r: i for r, i in doc["rows"]["vendor"].items() if i["role"] in ("licence", "credit")}
    lic_p = {r: i for r, i in doc["rows"]["psa"].items() if i["role"] == "licence"}
    vendor: dict = {}
    for r, rec in _records(vrows, lic_v).items():
        q, unit, annual = VENDOR_READ[v](rec)
        info = lic_v[str(r)]
        vendor.setdefault((info["client"], info["product"]), []).append(
            (int(q), Fraction(unit) / (12 if annual else 1))
        )
    psa: dict = {}
    for r, rec in _records(prows, lic_p).items():
        q, unit, yearly = PSA_READ[p](rec)
        info = lic_p[str(r)]
        psa.setdefault((info["client"], info["product"]), []).append(
            (int(q), Fraction(unit) / (12 if yearly else 1))
        )
    assert sum(map(len, vendor.values())) == len(lic_v) and sum(map(len, psa.values())) == len(
        lic_p
    )
    truth = sorted(
        (f["client"], f["product"], f["type"], Decimal(f["monthly_impact"]))
        for f in doc["findings"]
    )
    assert _rules(vendor, psa) == truth
    # free and trial rows really cost nothing on the bill
    free = {r: i for r, i in doc["rows"]["vendor"].items() if i["role"] == "free"}
    for rec in _records(vrows, free).values():
        assert VENDOR_READ[v](rec)[1] == 0


def test_same_bytes_across_processes_and_hash_seeds(tmp_path: pathlib.Path) -> None:
    """No hash()-dependent ordering: two interpreters with different PYTHONHASHSEED write the same files."""
    import os
    import subprocess
    import sys
    import time

    root = pathlib.Path(__file__).resolve().parents[2]
    outs = []
    for hs in ("1", "98765"):
        out = tmp_path / hs
        env = dict(os.environ, PYTHONHASHSEED=hs)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.independent",
                str(out),
                "--seeds",
                "9",
                "--clients",
                "60",
                "--pairs",
                "td_synnex:quickbooks_online,cloudmore:syncro",
            ],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
        )
        outs.append(out)
        time.sleep(
            2.1
        )  # zip entries carry 2-second timestamps: a clock-dependent writer would differ
    files = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*") if p.is_file())
    assert len(files) == 7  # two cases x (vendor, psa, truth) + index.json
    for f in files:
        assert (outs[0] / f).read_bytes() == (outs[1] / f).read_bytes(), f
