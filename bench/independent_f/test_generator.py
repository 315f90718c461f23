"""Tests of the sixth evaluation generator: the files say what truth.json says.

Run: pytest bench/independent_f/test_generator.py -q -p no:cacheprovider
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, getcontext, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from bench.independent_f import PSA_FORMATS, VENDOR_FORMATS, generate_case, scenario_for
from bench.independent_f.catalog import BY_NAME
from bench.independent_f.names import ClientName
from bench.independent_f.scenario import (
    PERIOD_END,
    PERIOD_START,
    Client,
    PLine,
    Scenario,
    VLine,
    compute_findings,
)

ROOT = Path(__file__).resolve().parents[2]
ALL_PAIRS = [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
# a diagonal that touches every format on both sides, plus a few more
SOME_PAIRS = [(v, PSA_FORMATS[k % len(PSA_FORMATS)]) for k, v in enumerate(VENDOR_FORMATS)] + [
    (VENDOR_FORMATS[k % len(VENDOR_FORMATS)], p) for k, p in enumerate(PSA_FORMATS)
]


def _digest(folder: Path) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())}


def _truth(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# --------------------------------------------------------------------------- an independent reader


def _grid(folder: Path, name: str, sheet: str | None) -> list[list[str]]:
    """Every row of the file as text cells, row 1 first (CSV by csv, xlsx by openpyxl, xls by calamine)."""
    path = folder / name
    if name.endswith(".csv"):
        raw = path.read_bytes().decode("utf-8-sig")
        delim = (
            ";" if raw.split("\r\n", 1)[0].count(";") > raw.split("\r\n", 1)[0].count(",") else ","
        )
        return [list(r) for r in csv.reader(io.StringIO(raw, newline=""), delimiter=delim)]
    if name.endswith(".xlsx"):
        import openpyxl  # type: ignore[import-untyped, unused-ignore]

        wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
        assert sheet is not None
        ws = wb[sheet]
        out = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
        wb.close()
        return out
    from python_calamine import CalamineWorkbook

    cw = CalamineWorkbook.from_path(str(path))
    assert sheet is not None
    return [
        ["" if v is None else str(v) for v in row]
        for row in cw.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    ]


def _number(text: str) -> Decimal:
    """Read an export's number: currency symbols, thousands separators, (negatives), decimal commas."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    neg = t.startswith("(") and t.endswith(")")
    t = t.strip("()").replace("$", "").replace("£", "").replace("€", "").replace("kr", "")
    for unit in ("ea",):
        t = t.removesuffix(unit)
    if "," in t and ("." not in t or t.rindex(",") > t.rindex(".")):
        t = t.replace(".", "").replace(",", ".")
    t = t.replace(",", "")
    value = Decimal(t)
    if "." in t and len(t.split(".")[1]) > 6:  # a float written by a spreadsheet
        value = value.quantize(Decimal("0.0001"))
    return -value if neg else value


# (quantity caption, unit caption, (frequency caption, value meaning annual) | None)
VENDOR_READ: dict[str, tuple[str, str, tuple[str, str] | None]] = {
    "westcoast_uk_xlsx": ("Qty", "Unit Price (ex VAT)", ("Billing Frequency", "Annual")),
    "exclusive_fr_csv": ("Quantité", "Prix unitaire HT", ("Périodicité", "Annuelle")),
    "climb_us_xls": ("Qty", "Unit Cost", ("Term", "1Y PREPAID")),
    "rhipe_au_csv": ("Units", "Unit Price (ex GST)", ("Billing Cycle", "Annual")),
    "stellr_ca_csv": ("Quantity", "Unit Cost", ("Billing Frequency", "Annual")),
    "bytes_uk_grouped_xlsx": ("Qty", "Unit Cost £", ("Term", "Annual upfront")),
    "pc_camel_eur_csv": ("billableQuantity", "effectiveUnitPrice", ("billingFrequency", "Annual")),
    "crayon_se_csv": ("Antal", "À-pris", ("Faktureringsperiod", "Årsvis")),
    "esprinet_it_xlsx": ("Quantità", "Prezzo unitario", ("Periodicità", "Annuale")),
}
PSA_READ: dict[str, tuple[str, str, tuple[str, str] | None]] = {
    "netsuite_xls": ("Quantity", "Rate", None),
    "business_central_xlsx": ("Quantity", "Unit Price Excl. VAT", None),
    "freshbooks_csv": ("Quantity", "Rate", None),
    "hand_kept_xlsx": ("Seats", "Price per seat", ("Cycle", "Yearly")),
    "sage50_uk_csv": ("Qty", "Unit Price", None),
    "intacct_contracts_csv": ("Quantity", "Price", ("Billing frequency", "Annually")),
    "superops_contracts_csv": ("Quantity", "Unit Price", ("Billing Cycle", "Yearly")),
    "fakturownia_pl_csv": ("Ilość", "Cena netto", None),
    "holded_es_csv": ("Unidades", "Precio", None),
}


def _read_lines(
    grid: list[list[str]],
    spec: tuple[str, str, tuple[str, str] | None],
    rows: dict[str, Any],
    fmt: str,
) -> dict[int, tuple[int, Fraction]]:
    """(quantity, monthly unit) of each labelled row, found by column caption."""
    qcap, ucap, freq = spec
    header = next(r for r in grid if qcap in r and ucap in r)
    col = {c: k for k, c in enumerate(header)}
    out: dict[int, tuple[int, Fraction]] = {}
    for key in rows:
        r = int(key)
        row = grid[r - 1]
        qty = int(_number(row[col[qcap]]).to_integral_value())
        unit = Fraction(_number(row[col[ucap]]))
        if fmt == "pc_camel_eur_csv":
            rate = _number(row[col["pcToBCExchangeRate"]])
            unit = Fraction(
                (Decimal(unit.numerator) / Decimal(unit.denominator) * rate).quantize(
                    Decimal("0.01"), rounding=ROUND_FLOOR
                )
            )
        if freq and row[col[freq[0]]] == freq[1]:
            unit /= 12
        out[r] = (qty, unit)
    return out


def _rules(
    vend: dict[tuple[str, str], list[tuple[int, Fraction]]],
    psa: dict[tuple[str, str], list[tuple[int, Fraction]]],
) -> set[tuple[str, str, str, str]]:
    """rules.md written again, on its own."""
    p_of: dict[tuple[str, str], Fraction] = {}
    for k, ls in psa.items():
        p_of[k] = sum((q * u for q, u in ls), Fraction(0)) / sum(q for q, _ in ls)
    per_product: dict[str, list[Fraction]] = {}
    for (_, prod), p in p_of.items():
        per_product.setdefault(prod, []).append(p)

    def cents(x: Fraction) -> str:
        with localcontext() as ctx:
            ctx.prec = 60
            return str(
                (Decimal(x.numerator) / Decimal(x.denominator)).quantize(
                    Decimal("0.01"), rounding=ROUND_HALF_UP
                )
            )

    out: set[tuple[str, str, str, str]] = set()
    for k in set(vend) | set(psa):
        vq = sum(q for q, _ in vend.get(k, []))
        pq = sum(q for q, _ in psa.get(k, []))
        if k in vend and k not in psa:
            prices = sorted(per_product.get(k[1], []))
            if prices:
                n = len(prices)
                med = prices[n // 2] if n % 2 == 1 else (prices[n // 2 - 1] + prices[n // 2]) / 2
            else:
                med = sum((q * u for q, u in vend[k]), Fraction(0)) / vq
            out.add(("unbilled", k[0], k[1], cents(vq * med)))
            continue
        if k not in vend:
            out.add(("no_vendor_record", k[0], k[1], cents(pq * p_of[k])))
            continue
        c = sum((q * u for q, u in vend[k]), Fraction(0)) / vq
        p = p_of[k]
        if vq > pq:
            out.add(("under_billed", k[0], k[1], cents((vq - pq) * p)))
        if pq > vq:
            out.add(("over_billed", k[0], k[1], cents((pq - vq) * p)))
        if p < c:
            out.add(("below_cost", k[0], k[1], cents((c - p) * min(vq, pq))))
    return out


def _key_set(truth: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    return {(f["type"], f["client"], f["product"], f["monthly_impact"]) for f in truth["findings"]}


# --------------------------------------------------------------------------- tests


def test_formats_are_many() -> None:
    assert len(VENDOR_FORMATS) >= 8
    assert len(PSA_FORMATS) >= 8


@pytest.mark.parametrize(("vendor", "psa"), ALL_PAIRS)
def test_truth_rederived_from_rendered_files(tmp_path: Path, vendor: str, psa: str) -> None:
    truth = _truth(generate_case(tmp_path, 3, vendor, psa, 60))
    vgrid = _grid(tmp_path, truth["vendor_file"], truth["vendor_sheet"])
    pgrid = _grid(tmp_path, truth["psa_file"], truth["psa_sheet"])
    vrows = {k: v for k, v in truth["rows"]["vendor"].items() if v["role"] in ("licence", "credit")}
    prows = {k: v for k, v in truth["rows"]["psa"].items() if v["role"] == "licence"}
    vlines = _read_lines(vgrid, VENDOR_READ[vendor], vrows, vendor)
    plines = _read_lines(pgrid, PSA_READ[psa], prows, psa)
    vend: dict[tuple[str, str], list[tuple[int, Fraction]]] = {}
    ps: dict[tuple[str, str], list[tuple[int, Fraction]]] = {}
    for r, line in vlines.items():
        lab = truth["rows"]["vendor"][str(r)]
        vend.setdefault((lab["client"], lab["product"]), []).append(line)
    for r, line in plines.items():
        lab = truth["rows"]["psa"][str(r)]
        ps.setdefault((lab["client"], lab["product"]), []).append(line)
    assert _rules(vend, ps) == _key_set(truth)
    # and every finding cites exactly the licence rows of its pair
    for f in truth["findings"]:
        want_v = sorted(
            int(k)
            for k, v in vrows.items()
            if (v["client"], v["product"]) == (f["client"], f["product"])
        )
        want_p = sorted(
            int(k)
            for k, v in prows.items()
            if (v["client"], v["product"]) == (f["client"], f["product"])
        )
        assert f["vendor_rows"] == want_v
        assert f["psa_rows"] == want_p


@pytest.mark.parametrize(("vendor", "psa"), SOME_PAIRS)
def test_deterministic_bytes(tmp_path: Path, vendor: str, psa: str) -> None:
    generate_case(tmp_path / "a", 5, vendor, psa, 80)
    generate_case(tmp_path / "b", 5, vendor, psa, 80)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    code = (
        "import sys,hashlib; from pathlib import Path; from bench.independent_f import *\n"
        "out=Path(sys.argv[1])\n"
        "for k,(v,p) in enumerate(zip(VENDOR_FORMATS, PSA_FORMATS)):\n"
        "    generate_case(out/str(k), 4, v, p, 70)\n"
        "print(sorted((str(f.relative_to(out)), hashlib.sha256(f.read_bytes()).hexdigest()) for f in out.rglob('*') if f.is_file()))\n"
    )
    outs = []
    for hs in ("1", "271828"):
        env = dict(os.environ, PYTHONHASHSEED=hs)
        res = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / hs)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outs.append(res.stdout)
    assert outs[0] == outs[1]


@pytest.mark.parametrize(("vendor", "psa"), SOME_PAIRS)
def test_metamorphic_clean_and_perturbed_agree(tmp_path: Path, vendor: str, psa: str) -> None:
    noisy = _truth(generate_case(tmp_path / "p", 6, vendor, psa, 90, perturb=True))
    clean = _truth(generate_case(tmp_path / "c", 6, vendor, psa, 90, perturb=False))
    assert _key_set(noisy) == _key_set(clean)
    assert all(not f["classes"] for f in clean["findings"])
    assert all(not r["classes"] for side in ("vendor", "psa") for r in clean["rows"][side].values())
    assert all(f["classes"] for f in noisy["findings"] if f["psa_rows"])


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _client_cell(grid: list[list[str]], r: int, header_row: int) -> str:
    """The row's text plus the group row above it (for exports that put the customer on a group row)."""
    text = " | ".join(grid[r - 1])
    for k in range(r - 1, header_row, -1):
        row = [c for c in grid[k - 1] if c]
        if len(row) == 1:
            return text + " | " + row[0]
    return text


@pytest.mark.parametrize(("vendor", "psa"), SOME_PAIRS)
@pytest.mark.parametrize("perturb", [False, True])
def test_truth_rows_point_at_the_right_lines(
    tmp_path: Path, vendor: str, psa: str, perturb: bool
) -> None:
    truth = _truth(generate_case(tmp_path, 8, vendor, psa, 70, perturb=perturb))
    sc = scenario_for(8, vendor, psa, 70)
    by_canon = {c.canonical: c for c in sc.clients}
    vgrid = _grid(tmp_path, truth["vendor_file"], truth["vendor_sheet"])
    pgrid = _grid(tmp_path, truth["psa_file"], truth["psa_sheet"])
    vhead = next(k for k, r in enumerate(vgrid, 1) if VENDOR_READ[vendor][0] in r)
    phead = next(k for k, r in enumerate(pgrid, 1) if PSA_READ[psa][0] in r)
    for key, lab in truth["rows"]["vendor"].items():
        text = _fold(_client_cell(vgrid, int(key), vhead))
        client = by_canon[lab["client"]]
        assert _fold(client.vendor_name if perturb else client.canonical) in text, (key, lab)
        prod = BY_NAME[lab["product"]]
        assert any(_fold(s) in text for s in (prod.name, prod.dist_short, prod.sku)), (key, lab)
        assert int(key) > vhead
    lines = {id(p): p for p in sc.plines}
    assert len(lines) == len(truth["rows"]["psa"])
    for key, lab in truth["rows"]["psa"].items():
        text = _fold(_client_cell(pgrid, int(key), phead))
        client = by_canon[lab["client"]]
        assert _fold(client.psa_name if perturb else client.canonical) in text, (key, lab)
        if not perturb:
            assert _fold(lab["product"]) in text, (key, lab)
        assert int(key) > phead
    # no unlabeled line carries a quantity of a product: headers, titles, groups and totals only
    labelled = {int(k) for k in truth["rows"]["psa"]}
    for r, row in enumerate(pgrid, 1):
        if r <= phead or r in labelled:
            continue
        assert not any(_fold(p) == _fold(c) for c in row for p in BY_NAME), (r, row)


@pytest.mark.parametrize(("vendor", "psa"), ALL_PAIRS)
def test_every_file_rereads_with_pandas(tmp_path: Path, vendor: str, psa: str) -> None:
    truth = _truth(generate_case(tmp_path, 2, vendor, psa, 60))
    for name, sheet in (
        (truth["vendor_file"], truth["vendor_sheet"]),
        (truth["psa_file"], truth["psa_sheet"]),
    ):
        path = tmp_path / name
        if name.endswith(".csv"):
            first = path.read_bytes().decode("utf-8-sig").split("\r\n", 1)[0]
            sep = ";" if first.count(";") > first.count(",") else ","
            spec = VENDOR_READ[vendor] if name == truth["vendor_file"] else PSA_READ[psa]
            grid = _grid(tmp_path, name, sheet)
            skip = next(k for k, r in enumerate(grid) if spec[0] in r)
            df = pd.read_csv(path, sep=sep, encoding="utf-8-sig", dtype=str, skiprows=skip)
            assert spec[0] in df.columns
            assert (
                len(df)
                >= len(truth["rows"]["vendor" if name == truth["vendor_file"] else "psa"]) - 1
            )
        elif name.endswith(".xlsx"):
            for engine in ("openpyxl", "calamine"):
                df = pd.read_excel(path, sheet_name=sheet, header=None, engine=engine)
                assert len(df) >= 2
        else:
            df = pd.read_excel(path, sheet_name=sheet, header=None, engine="calamine")
            assert len(df) >= 2


def _hand_case() -> Scenario:
    def cl(core: str, side: str = "both") -> Client:
        c = Client(
            ClientName(core, "Dental Group", ("Ltd", "Limited", "Ltd.")), side, f"C{len(core)}", 5
        )
        c.psa_name = c.vendor_name = c.canonical
        return c

    a, b, c, d, e = cl("Alder"), cl("Birch"), cl("Cedar"), cl("Dogwood", "psa"), cl("Elm", "vendor")
    bp, keeper, free = (
        BY_NAME["Microsoft 365 Business Premium"],
        BY_NAME["Keeper Business"],
        BY_NAME["Microsoft Teams Exploratory"],
    )
    s, t = PERIOD_START, PERIOD_END

    def v(
        cli: Client, prod: Any, qty: int, unit: str, annual: bool = False, role: str = "licence"
    ) -> VLine:
        return VLine(cli, prod, qty, Decimal(unit), annual, role, "x", "cycleCharge", s, t)

    def p(
        cli: Client, prod: str, qty: int, unit: str, annual: bool = False, role: str = "licence"
    ) -> PLine:
        return PLine(
            cli,
            prod,
            qty,
            Decimal(unit),
            annual,
            role,
            prod,
            prod,
            (),
            "Cancelled" if role == "cancelled" else "Active",
            date(2026, 8, 1) if role == "cancelled" else None,
        )

    sc = Scenario(1, "USD", [a, b, c, d, e])
    sc.vlines = [
        v(a, bp, 12, "20.00"),
        v(a, bp, -2, "20.00", role="credit"),
        v(a, free, 9, "0.00", role="free"),
        v(b, bp, 5, "246.00", annual=True),
        v(c, bp, 4, "21.00"),
        v(c, keeper, 3, "50.05", annual=True),
        v(e, bp, 3, "20.00"),
    ]
    sc.plines = [
        p(a, bp.name, 8, "25.00"),
        p(a, bp.name, 3, "25.00", role="cancelled"),
        p(a, "Managed support per user", 10, "30.00", role="service"),
        p(b, bp.name, 1, "20.00"),
        p(b, bp.name, 1, "20.01"),
        p(c, bp.name, 4, "24.00"),
        p(d, bp.name, 1, "120.30", annual=True),
    ]
    return sc


def test_impacts_exact_on_a_hand_computed_case() -> None:
    sc = _hand_case()
    got = {(f.type, f.client.split()[0], f.product, f.cents) for f in compute_findings(sc)}
    bp = "Microsoft 365 Business Premium"
    assert got == {
        (
            "under_billed",
            "Alder",
            bp,
            "50.00",
        ),  # (10 - 8) x 25.00; credit nets, cancelled and service lines ignored
        ("under_billed", "Birch", bp, "60.02"),  # 3 x 20.005 = 60.015 -> half-up
        ("below_cost", "Birch", bp, "0.99"),  # (246/12 - 20.005) x 2
        (
            "unbilled",
            "Cedar",
            "Keeper Business",
            "12.51",
        ),  # nobody bills Keeper: 3 x 50.05/12 = 12.5125
        ("no_vendor_record", "Dogwood", bp, "10.03"),  # 120.30 / 12 = 10.025 -> half-up (not 10.02)
        ("unbilled", "Elm", bp, "66.01"),  # 3 x median(10.025, 20.005, 24, 25) = 3 x 22.0025
    }
    # a second recomputation with 60-digit Decimal
    getcontext().prec = 60
    med = (Decimal("20.005") + Decimal("24.00")) / 2
    assert (3 * med).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == Decimal("66.01")
    assert ((Decimal("246.00") / 12 - Decimal("40.01") / 2) * 2).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    ) == Decimal("0.99")


def test_a_120_client_case_carries_every_type_trap_and_class(tmp_path: Path) -> None:
    types: set[str] = set()
    classes: set[str] = set()
    roles: set[str] = set()
    for k, (vendor, psa) in enumerate(SOME_PAIRS[:4]):
        truth = _truth(generate_case(tmp_path / str(k), 1, vendor, psa, 120))
        types |= {f["type"] for f in truth["findings"]}
        classes |= {c for f in truth["findings"] for c in f["classes"]}
        roles |= {r["role"] for side in ("vendor", "psa") for r in truth["rows"][side].values()}
        sc = scenario_for(1, vendor, psa, 120)
        assert any(v.annual for v in sc.vlines)
        if any(p.role == "cancelled" for p in sc.plines):  # a format that can say "cancelled"
            later = [p for p in sc.plines if p.role == "licence" and p.cancelled]
            assert later and all(p.cancelled and p.cancelled > PERIOD_START for p in later)
            assert all(
                p.cancelled is None or p.cancelled <= PERIOD_START
                for p in sc.plines
                if p.role == "cancelled" and p.billable
            )
        assert any(c.sibling and c.name.site for c in sc.clients)
        assert any(c.sibling and not c.name.site for c in sc.clients)
        products = {v.product.name for v in sc.vlines} | {p.product for p in sc.plines}
        assert {"Microsoft 365 E3", "Office 365 E3"} <= products or {
            "Microsoft 365 Business Basic",
            "Microsoft 365 Business Premium",
        } <= products
    assert types == {"unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"}
    assert {"licence", "credit", "free", "service", "cancelled"} <= roles
    want = {
        "typo",
        "abbreviation",
        "brand_dropped",
        "renamed",
        "inhouse",
        "bare_plan",
        "case_punct",
        "billing_words",
        "who_where_note",
        "foreign_words",
        "sku_code",
        "distributor_text",
    }
    want |= {
        "legal_suffix_typo",
        "legal_suffix_dropped",
        "dba",
        "legal_vs_trading",
        "site_number",
        "branch_suffix",
        "accent_fold",
        "untouched",
    }
    assert want <= classes, want - classes


def test_microsoft_names_are_microsofts() -> None:
    """Canonical Microsoft names that the product table lists are spelled as it spells them."""
    table = ROOT.parent / "shared" / "data" / "microsoft_product_names.csv"
    if not table.exists():
        pytest.skip("shared product table not present")
    names = {
        r["Product_Display_Name"]
        for r in csv.DictReader(table.read_text(encoding="utf-8-sig").splitlines())
    }
    listed = [
        "Microsoft 365 Business Premium",
        "Microsoft 365 E5 Security",
        "Microsoft Entra ID P1",
        "Exchange Online (Plan 1)",
        "Exchange Online Kiosk",
        "Microsoft Teams Essentials",
        "Visio Plan 2",
        "Power BI Premium Per User",
        "Microsoft 365 F3",
        "Microsoft Defender for Office 365 (Plan 2)",
        "Microsoft Teams Exploratory",
    ]
    assert set(listed) <= names
    assert all(n in BY_NAME for n in listed)
