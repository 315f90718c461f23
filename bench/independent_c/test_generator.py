"""Tests of the third independent evaluation generator.

Run: ``python -m pytest bench/independent_c -q -p no:cacheprovider``
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from difflib import SequenceMatcher
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from bench.independent_c import PSA_FORMATS, VENDOR_FORMATS, generate_case, render_case
from bench.independent_c.catalog import BY_KEY
from bench.independent_c.clients import Client
from bench.independent_c.scenario import Caps, PLine, Scenario, VLine
from bench.independent_c.truth import findings

ROOT = Path(__file__).resolve().parents[2]
# Every vendor format and every PSA format, each at least once, plus the Microsoft-only vendors
# against the group-row PSAs.
PAIRS = [
    (VENDOR_FORMATS[i % len(VENDOR_FORMATS)], PSA_FORMATS[i % len(PSA_FORMATS)])
    for i in range(max(len(VENDOR_FORMATS), len(PSA_FORMATS)))
]
PAIRS += [
    ("partner_center_nce", "xero_invoice_detail"),
    ("dicker_data", "quickbooks_sales_detail"),
    ("cloudmore", "connectwise_csv"),
    ("partner_center_nce_gbp_xlsx", "syncro_schedules"),
]


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# --- reading the files back, independently of the generator ---------------------------------


def read_grid(path: Path, sheet: str | None, currency: str) -> list[list[Any]]:
    """Rows of a CSV (csv module) or sheet (openpyxl) as the user sees them; 1-based = index + 1."""
    if path.suffix == ".xls":  # openpyxl cannot read BIFF8; calamine (not our writer) can
        book = CalamineWorkbook.from_path(str(path))
        return [list(r) for r in book.get_sheet_by_name(sheet or book.sheet_names[0]).to_python()]
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        wb.close()
        return rows
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    first = next(line for line in text.splitlines() if line.count(",") + line.count(";") > 2)
    delim = ";" if first.count(";") > first.count(",") else ","
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]


def num(value: Any, comma: bool = False) -> Decimal:
    """A number as an export writes it: apostrophes, symbols, thousands and decimal commas."""
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    s = str(value).strip().lstrip("'").replace("$", "").replace("£", "").replace("€", "").strip()
    s = s.replace(".", "").replace(",", ".") if comma else s.replace(",", "")
    return Decimal(s)


def header_index(grid: list[list[Any]], caption: str) -> tuple[int, dict[str, int]]:
    for i, row in enumerate(grid):
        cells = [str(c).strip() if c is not None else "" for c in row]
        if caption in cells:
            return i, {c: j for j, c in enumerate(cells) if c}
    raise AssertionError(f"no header with {caption!r}")


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


# vendor format -> (quantity caption, function(row dict) -> (monthly unit cost, is annual))
def vendor_line(fmt: str, r: dict[str, Any]) -> tuple[Decimal, Decimal]:
    """(quantity, monthly unit cost) of one vendor row, read by column caption."""
    if fmt.startswith("partner_center_nce"):
        q = num(r["BillableQuantity"])
        rate = num(r["PCToBCExchangeRate"])
        unit = (num(r["EffectiveUnitPrice"]) * rate).quantize(Decimal("0.01"), ROUND_DOWN)
        annual = r["BillingFrequency"] == "Annual"
    elif fmt == "partner_center_legacy":
        q = num(r["Quantity"])
        unit = num(r["Subtotal"]) / q
        annual = r["BillingCycleType"] == "Annual"
    elif fmt == "pax8_api":
        q, unit = num(r["quantity"]), num(r["cost"])
        annual = _days(r["startPeriod"], r["endPeriod"]) > 40
    elif fmt == "pax8_portal":
        q, unit = num(r["quantity"]), num(r["cost"])
        annual = "Annual Billing" in r["details"]
    elif fmt == "dicker_data":
        q, unit = num(r["QTY"]), num(r["UNIT PRICE"])
        annual = r["STOCK CODE"].endswith(":Y:")
    elif fmt == "ingram_xvantage":
        q = num(r["Quantity"])
        unit = num(r["Net Price"]) / q
        annual = "(Annual Pre-Paid)" in r["Subscription Name"]
    elif fmt == "td_synnex_ion":
        q, unit = num(r["Quantity"]), num(r["Unit Cost"])
        annual = r["Billing Frequency"] == "Annual"
    elif fmt == "sherweb":
        q, unit = num(r["Quantity"]), num(r["Unit Cost"])
        annual = r["Billing Cycle"] == "Yearly"
    elif fmt == "cloudmore":
        q, unit = num(r["Quantity"], True), num(r["Unit Cost Price"], True)
        annual = r["Payment Frequency"] == "Annually"
    elif fmt == "generic_distributor":
        q, unit = num(r["Qty"]), num(r["Unit Cost"])
        annual = r["Billing"] == "Annual"
    else:
        raise AssertionError(fmt)
    return q, unit / 12 if annual else unit


VENDOR_QTY = {
    "partner_center_nce": "BillableQuantity",
    "partner_center_nce_gbp_xlsx": "BillableQuantity",
    "partner_center_legacy": "Quantity",
    "pax8_api": "quantity",
    "pax8_portal": "quantity",
    "dicker_data": "QTY",
    "ingram_xvantage": "Quantity",
    "td_synnex_ion": "Quantity",
    "sherweb": "Quantity",
    "cloudmore": "Quantity",
    "generic_distributor": "Qty",
}
PSA_QTY = {
    "connectwise_additions": "Quantity",
    "connectwise_csv": "Qty",
    "autotask_contract_services": "Units",
    "autotask_livereport_xls": "Units",
    "halopsa_recurring": "Qty",
    "syncro_schedules": "Quantity",
    "kaseya_bms": "Quantity",
    "quickbooks_sales_detail": "Quantity",
    "xero_invoice_detail": "Quantity",
}


def psa_line(fmt: str, r: dict[str, Any], comma: bool) -> tuple[Decimal, Decimal]:
    """(quantity, monthly unit price) of one PSA row, read by column caption."""
    if fmt == "connectwise_additions":
        q = num(r["Quantity"]) - num(r["Less Included"])
        unit, annual = num(r["Price"]), r["Billing Cycle"] == "Annual"
    elif fmt == "connectwise_csv":
        q, unit, annual = num(r["Qty"]), num(r["Unit Price"], comma), False
    elif fmt == "autotask_contract_services":
        q, unit = num(r["Units"]), num(r["Unit Price"], comma)
        annual = r["Period Type"] == "Yearly"
    elif fmt == "autotask_livereport_xls":
        q, unit, annual = num(r["Units"]), num(r["Adjusted Price"]), r["Period"] == "Yearly"
    elif fmt == "halopsa_recurring":
        q, unit, annual = num(r["Qty"]), num(r["Unit Price"]), r["Billing Cycle"] == "Annually"
    elif fmt == "syncro_schedules":
        q, unit = num(r["Quantity"]), num(r["Retail Cents"]) / 100
        annual = r["Frequency"] == "Annually"
    elif fmt == "kaseya_bms":
        q, unit, annual = num(r["Quantity"]), num(r["Unit Price"]), r["Frequency"] == "Annually"
    elif fmt == "quickbooks_sales_detail":
        q, unit, annual = num(r["Quantity"]), num(r["Sales price"]), False
    elif fmt == "xero_invoice_detail":
        q, unit, annual = num(r["Quantity"], comma), num(r["Unit Price"], comma), False
    else:
        raise AssertionError(fmt)
    return q, unit / 12 if annual else unit


def rederive(case: Path) -> list[tuple[str, str, str, str, tuple[int, ...], tuple[int, ...]]]:
    """rules.md from scratch, on numbers read from the rendered files; labels from truth rows."""
    truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    comma = truth["currency"] == "EUR"
    out = []
    with localcontext() as ctx:
        ctx.prec = 60
        sides: dict[str, dict[tuple[str, str], list[tuple[int, Decimal, Decimal]]]] = {}
        for side, fmt, qcap in (
            ("vendor", truth["vendor_format"], VENDOR_QTY),
            ("psa", truth["psa_format"], PSA_QTY),
        ):
            grid = read_grid(
                case / truth[f"{side}_file"], truth[f"{side}_sheet"], truth["currency"]
            )
            _, cols = header_index(grid, qcap[fmt])
            acc: dict[tuple[str, str], list[tuple[int, Decimal, Decimal]]] = defaultdict(list)
            for key, label in truth["rows"][side].items():
                if label["role"] not in ("licence", "credit"):
                    continue
                row = grid[int(key) - 1]
                rec = {
                    c: ("" if row[j] is None else row[j]) for c, j in cols.items() if j < len(row)
                }
                q, unit = psa_line(fmt, rec, comma) if side == "psa" else vendor_line(fmt, rec)
                acc[(label["client"], label["product"])].append((int(key), q, unit))
            sides[side] = acc
        vend, psa = sides["vendor"], sides["psa"]

        def agg(lines: list[tuple[int, Decimal, Decimal]]) -> tuple[Decimal, Decimal]:
            q = sum((x[1] for x in lines), Decimal(0))
            return q, sum((x[1] * x[2] for x in lines), Decimal(0)) / q

        prices: dict[str, list[Decimal]] = defaultdict(list)
        for (_c, prod), lines in psa.items():
            prices[prod].append(agg(lines)[1])

        def median(xs: list[Decimal]) -> Decimal:
            s = sorted(xs)
            n = len(s)
            return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2

        def cents(x: Decimal) -> str:
            x = x.quantize(Decimal("1e-30"))
            return str(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

        for pair in set(vend) | set(psa):
            vl, pl = vend.get(pair, []), psa.get(pair, [])
            vq, c = agg(vl) if vl else (Decimal(0), Decimal(0))
            pq, p = agg(pl) if pl else (Decimal(0), Decimal(0))
            rows = (tuple(sorted(x[0] for x in vl)), tuple(sorted(x[0] for x in pl)))
            found = []
            if vq > 0 and pq == 0:
                found.append(("unbilled", vq * (median(prices[pair[1]]) if prices[pair[1]] else c)))
            elif pq > 0 and vq == 0:
                found.append(("no_vendor_record", pq * p))
            elif vq > pq > 0:
                found.append(("under_billed", (vq - pq) * p))
            elif pq > vq > 0:
                found.append(("over_billed", (pq - vq) * p))
            if vq > 0 and pq > 0 and p < c:
                found.append(("below_cost", (c - p) * min(vq, pq)))
            out += [(t, pair[0], pair[1], cents(x), *rows) for t, x in found]
    return sorted(out)


def truth_set(case: Path) -> list[tuple[str, str, str, str, tuple[int, ...], tuple[int, ...]]]:
    truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
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


# --- tests --------------------------------------------------------------------------------------


def test_formats_count() -> None:
    assert len(VENDOR_FORMATS) >= 8 and len(PSA_FORMATS) >= 8


ALL_PAIRS = [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]


@pytest.mark.parametrize(("vf", "pf"), ALL_PAIRS)
def test_truth_rederived_from_rendered_files(tmp_path: Path, vf: str, pf: str) -> None:
    generate_case(tmp_path, 3, vf, pf, 60)
    assert rederive(tmp_path) == truth_set(tmp_path)


@pytest.mark.parametrize(("vf", "pf"), PAIRS[:6])
def test_deterministic_bytes(tmp_path: Path, vf: str, pf: str) -> None:
    generate_case(tmp_path / "a", 5, vf, pf, 60)
    generate_case(tmp_path / "b", 5, vf, pf, 60)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    code = (
        "import sys, hashlib; from pathlib import Path; from bench.independent_c import generate_case;"
        "o = Path(sys.argv[1]);"
        "generate_case(o / 'x', 2, 'ingram_xvantage', 'connectwise_additions', 80);"
        "generate_case(o / 'y', 2, 'cloudmore', 'syncro_schedules', 80);"
        "print(sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) "
        "for d in (o / 'x', o / 'y') for p in d.iterdir()))"
    )
    outs = []
    for hs in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hs, "PYTHONPATH": str(ROOT)}
        res = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / hs)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outs.append(res.stdout)
    assert outs[0] == outs[1] == outs[2]


@pytest.mark.parametrize(("vf", "pf"), PAIRS)
def test_metamorphic_clean_vs_perturbed(tmp_path: Path, vf: str, pf: str) -> None:
    def key(case: Path) -> set[tuple[str, str, str, str]]:
        t = json.loads((case / "truth.json").read_text(encoding="utf-8"))
        return {(f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]}

    generate_case(tmp_path / "p", 4, vf, pf, 90, perturb=True)
    generate_case(tmp_path / "c", 4, vf, pf, 90, perturb=False)
    assert key(tmp_path / "p") == key(tmp_path / "c")
    clean = json.loads((tmp_path / "c" / "truth.json").read_text(encoding="utf-8"))
    assert all(not f["classes"] for f in clean["findings"])
    assert all(not r["classes"] for side in clean["rows"].values() for r in side.values())


@pytest.mark.parametrize(("vf", "pf"), PAIRS)
def test_rows_point_at_the_right_lines(tmp_path: Path, vf: str, pf: str) -> None:
    sc, vr, pr, truth = render_case(tmp_path, 6, vf, pf, 60, True)
    vgrid = read_grid(tmp_path / vr.file, vr.sheet, truth["currency"])
    pgrid = read_grid(tmp_path / pr.file, pr.sheet, truth["currency"])
    group_rows = pf in ("quickbooks_sales_detail", "xero_invoice_detail")
    for v in sc.vendor:
        n = vr.rows[v.uid]
        text = " | ".join("" if c is None else str(c) for c in vgrid[n - 1]).casefold()
        assert v.client.canonical.casefold() in text, (n, text)
        spellings = [v.product.name, v.product.terse, *(x.text for x in v.product.renamed)]
        assert any(s.casefold() in text for s in spellings), (n, text)
        label = truth["rows"]["vendor"][str(n)]
        assert (label["client"], label["product"], label["role"]) == (
            v.client.canonical,
            v.product.name,
            v.role,
        )
    for p in sc.psa:
        n = pr.rows[p.uid]
        row = ["" if c is None else str(c) for c in pgrid[n - 1]]
        assert p.desc in row, (n, row)
        name = sc.psa_names[p.client.idx][0]
        if group_rows:  # the customer sits on the nearest group row above
            k = n - 2
            while sum(c not in (None, "") for c in pgrid[k]) != 1:
                k -= 1
            assert str(pgrid[k][0]) == name
        else:
            assert name in row
        label = truth["rows"]["psa"][str(n)]
        assert (label["client"], label["product"], label["role"]) == (
            p.client.canonical,
            p.label,
            p.role,
        )
        assert sc.psa_names[p.client.idx][1] in label["classes"]
    # rows not labelled are not lines: headers, titles, group and total rows
    labelled = {int(k) for k in truth["rows"]["psa"]}
    assert len(labelled) == len(sc.psa)


@pytest.mark.parametrize(("vf", "pf"), PAIRS)
def test_every_file_rereads_with_pandas(tmp_path: Path, vf: str, pf: str) -> None:
    generate_case(tmp_path, 8, vf, pf, 60)
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    for side in ("vendor", "psa"):
        path = tmp_path / truth[f"{side}_file"]
        if path.suffix in (".xlsx", ".xls"):
            for engine in ("openpyxl", "calamine") if path.suffix == ".xlsx" else ("calamine",):
                frames = pd.read_excel(path, sheet_name=None, engine=engine, header=None)
                assert truth[f"{side}_sheet"] in frames
                assert len(frames[truth[f"{side}_sheet"]]) >= len(truth["rows"][side])
        else:
            raw = path.read_bytes()
            enc = "utf-8-sig"
            try:
                raw.decode(enc)
            except UnicodeDecodeError:
                enc = "cp1252"
            delim = ";" if vf == "cloudmore" and side == "vendor" else ","
            if side == "psa" and truth["currency"] == "EUR":
                delim = ";"
            width = max(len(r) for r in read_grid(path, None, truth["currency"]))
            df = pd.read_csv(
                path,
                sep=delim,
                encoding=enc,
                header=None,
                dtype=str,
                names=list(range(width)),
                skip_blank_lines=False,
            )
            assert len(df) >= max(int(k) for k in truth["rows"][side])


def _client(idx: int, name: str) -> Client:
    return Client(
        idx,
        name,
        name.split()[0],
        "Trade",
        None,
        "LLC",
        "US",
        None,
        False,
        None,
        None,
        10,
        "both",
        f"c{idx}.onmicrosoft.com",
    )


def test_impacts_exact_on_a_hand_computed_case() -> None:
    """Annual lines, credits, even-count median, half-up rounding, cancelled and service lines."""
    a, b, c, d, e = (
        _client(i, n)
        for i, n in enumerate(
            [
                "Alpha Dental LLC",
                "Bravo Law LLC",
                "Charlie Roofing LLC",
                "Delta Surveyors LLC",
                "Echo Winery LLC",
            ]
        )
    )
    sc = Scenario(seed=0, caps=Caps(), clients=[a, b, c, d, e])
    P = BY_KEY
    uid = iter(range(1, 1000))

    def vl(
        cl: Client, key: str, qty: int, cost: int, annual: bool = False, role: str = "licence"
    ) -> None:
        sc.vendor.append(
            VLine(
                next(uid),
                cl,
                P[key],
                qty,
                cost,
                cost,
                annual,
                role,
                "s",
                "new",
                date(2026, 10, 1),
                date(2026, 10, 31),
                "P1M",
            )
        )

    def pl(
        cl: Client,
        key: str | None,
        qty: int,
        price: int,
        annual: bool = False,
        role: str = "licence",
    ) -> None:
        prod = P[key] if key else None
        text = prod.name if prod else "Managed Services - per user"
        sc.psa.append(
            PLine(
                next(uid),
                cl,
                prod,
                None if prod else text,
                qty,
                price,
                annual,
                role,
                "Agreement",
                text,
                text,
            )
        )

    vl(a, "bprem", 10, 2200)
    vl(a, "bprem", 2, 25000, annual=True)
    vl(a, "bprem", -1, 2200, role="credit")
    vl(a, "exo1", 5, 400)
    vl(a, "copilot", 3, 3000)
    vl(a, "teams_expl", 50, 0, role="free")
    pl(a, "bprem", 8, 2600)
    pl(a, "bprem", 2, 2450)
    pl(a, "copilot", 3, 35994, annual=True)
    pl(a, None, 10, 9000, role="service")
    pl(a, "teamsess", 4, 480, role="cancelled")
    vl(b, "exo1", 2, 400)
    pl(b, "exo1", 2, 480)
    vl(b, "bbasic", 3, 600)
    pl(b, "bbasic", 4, 720)
    vl(c, "exo1", 1, 400)
    pl(c, "exo1", 1, 510)
    vl(d, "exo1", 4, 400)
    pl(d, "exo1", 3, 600)
    pl(e, "exo1", 2, 555)
    for cl in (a, b, c, d, e):
        sc.psa_names[cl.idx] = (cl.canonical, "untouched")
    rows = {x.uid: x.uid for x in sc.vendor} | {y.uid: y.uid for y in sc.psa}
    got = {
        (f["type"], f["client"].split()[0], f["product"], f["monthly_impact"])
        for f in findings(sc, rows, rows, perturb=False)
    }
    assert got == {
        ("under_billed", "Alpha", "Microsoft 365 Business Premium", "25.70"),  # (11-10) x 25.70
        ("unbilled", "Alpha", "Exchange Online (Plan 1)", "26.63"),  # 5 x (5.10+5.55)/2 = 26.625
        ("below_cost", "Alpha", "Microsoft 365 Copilot", "0.02"),  # (30 - 359.94/12) x 3 = 0.015
        ("over_billed", "Bravo", "Microsoft 365 Business Basic", "7.20"),
        ("under_billed", "Delta", "Exchange Online (Plan 1)", "6.00"),
        ("no_vendor_record", "Echo", "Exchange Online (Plan 1)", "11.10"),
    }
    # cost of Alpha's Business Premium: (9 x 22 + 2 x 250/12) / 11 < 25.70, so no below_cost
    c_bp = (9 * Fraction(22) + 2 * Fraction(250, 12)) / 11
    assert c_bp < Fraction(2570, 100)


def test_a_120_client_case_carries_every_type_trap_and_class(tmp_path: Path) -> None:
    sc, _vr, _pr, truth = render_case(tmp_path, 3, "pax8_api", "connectwise_additions", 120, True)
    types = {f["type"] for f in truth["findings"]}
    assert types == {"unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"}
    classes = {c for f in truth["findings"] for c in f["classes"]}
    product_classes = {
        "typo",
        "abbreviation",
        "brand_dropped",
        "billing_words",
        "bare_plan",
        "renamed",
        "inhouse",
        "desc_case",
    }
    client_classes = {
        "untouched",
        "legal_suffix_typo",
        "legal_suffix_dropped",
        "legal_suffix_variant",
        "name_abbrev",
        "name_abbrev_typo",
        "generic_word_dropped",
        "branch_suffix",
        "store_number",
        "name_typo",
        "accents",
        "case_punct",
        "dba",
        "trading_name",
    }
    assert product_classes | client_classes <= classes, (product_classes | client_classes) - classes
    roles = {r["role"] for r in truth["rows"]["psa"].values()}
    assert roles == {"licence", "service", "cancelled"}
    assert {r["role"] for r in truth["rows"]["vendor"].values()} == {"licence", "credit", "free"}
    assert any(v.annual for v in sc.vendor) and any(p.annual for p in sc.psa)
    assert any(c.sibling and c.store is not None for c in sc.clients)
    assert any(c.sibling and c.store is None for c in sc.clients)
    assert {c.side for c in sc.clients} == {"both", "vendor", "psa"}
    # look-alikes bought by one client
    by_client: dict[int, set[str]] = defaultdict(set)
    for v in sc.vendor:
        by_client[v.client.idx].add(v.product.key)
    looks = [
        {"m365e3", "m365e5"},
        {"m365e3", "e5sec"},
        {"bbasic", "bprem"},
        {"visio1", "visio2"},
        {"pbipro", "pbippu"},
    ]
    assert sum(any(x <= s for x in looks) for s in by_client.values()) >= 5
    # several subscriptions for one product, several PSA lines for one product
    assert any(len(f["vendor_rows"]) > 1 for f in truth["findings"])
    assert any(len(f["psa_rows"]) > 1 for f in truth["findings"])
    assert len({v.product.publisher for v in sc.vendor}) >= 8


@pytest.mark.parametrize("seed", [1, 2])
def test_contextual_spellings_are_resolvable(tmp_path: Path, seed: int) -> None:
    """Bare plans and in-house names only for a product the vendor bills that client, never beside
    a product that would make them ambiguous; one PSA text never names two products of a client."""
    sc, _vr, _pr, _t = render_case(tmp_path, seed, "pax8_portal", "halopsa_recurring", 200, True)
    vendor_basket: dict[int, set[str]] = defaultdict(set)
    basket: dict[int, set[str]] = defaultdict(set)
    for v in sc.vendor:
        if v.role != "free":
            vendor_basket[v.client.idx].add(v.product.key)
            basket[v.client.idx].add(v.product.key)
    for p in sc.psa:
        if p.product is not None and p.role == "licence":
            basket[p.client.idx].add(p.product.key)
    texts: dict[tuple[int, str], set[str]] = defaultdict(set)
    checked = 0
    for p in sc.psa:
        if p.product is None:
            continue
        texts[(p.client.idx, p.desc.strip().casefold())].add(p.product.key)
        for cls, pool in (("bare_plan", p.product.bare), ("inhouse", p.product.inhouse)):
            if cls in p.classes:
                assert p.product.key in vendor_basket[p.client.idx]
                best = max(
                    pool,
                    key=lambda x: SequenceMatcher(
                        None, x.text.casefold(), p.desc.casefold()
                    ).ratio(),
                )
                assert not (best.avoid & basket[p.client.idx]), (p.desc, best)
                checked += 1
    assert checked > 20
    assert all(len(keys) == 1 for keys in texts.values())
    # services never carry product spellings' classes; their text is always one of our services
    assert all(not p.classes for p in sc.psa if p.product is None)


def test_identifiers_never_shared_by_two_products() -> None:
    """A vendor id shared by two products would be a look-alike merge made by the generator."""
    from bench.independent_c.catalog import PRODUCTS
    from bench.independent_c.vendors import PAX8_INDEX

    assert len({p.pc_id for p in PRODUCTS}) == len(PRODUCTS)
    assert len({p.terse for p in PRODUCTS}) == len(PRODUCTS)
    assert len({p.name.casefold() for p in PRODUCTS}) == len(PRODUCTS)
    assert len(set(PAX8_INDEX.values())) == len(PRODUCTS)


def test_fast_enough(tmp_path: Path) -> None:
    import time

    start = time.process_time()
    generate_case(tmp_path, 9, "pax8_portal", "autotask_contract_services", 300)
    assert time.process_time() - start < 1.0
