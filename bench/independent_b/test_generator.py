"""Tests of the second independent generator: the files say what truth.json says.

The readers here are written apart from the renderers (by column caption, with their own money
and date parsing), and the rules are re-implemented from briefs/rules.md without the generator's code.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal, getcontext
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from bench.independent_b import PSA_FORMATS, VENDOR_FORMATS, generate_case

ROOT = Path(__file__).resolve().parents[2]
FIRST_DAY = dt.date(2026, 11, 1)

# ---- small independent readers ---------------------------------------------------------------


def money(text: Any, eu: bool = False) -> Fraction:
    """'$1,234.50', '(£12.00)', '-1.234,50 €', "'22.000000", 1234.5 → Fraction."""
    if isinstance(text, int | float):
        return Fraction(Decimal(str(text)))
    s = str(text).strip().lstrip("'")
    negative = (s.startswith("(") and s.endswith(")")) or s.startswith("-")
    s = re.sub(r"[^0-9.,]", "", s)
    s = s.replace(".", "").replace(",", ".") if eu else s.replace(",", "")
    value = Fraction(Decimal(s))
    return -value if negative else value


def qty(text: Any) -> int:
    value = money(text)
    assert value.denominator == 1, text
    return int(value)


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    head = text.splitlines()[:8]
    delimiter = ";" if max(x.count(";") for x in head) > max(x.count(",") for x in head) else ","
    return list(csv.reader(text.splitlines(), delimiter=delimiter))


def _xlsx_rows(path: Path, sheet: str) -> list[list[Any]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = [list(r) for r in book[sheet].iter_rows(values_only=True)]
    book.close()
    return rows


def _table(rows: list[list[Any]], caption: str) -> tuple[dict[str, int], int]:
    """The header row holding `caption`: (column index by caption, its 0-based position)."""
    for n, row in enumerate(rows):
        cells = ["" if c is None else str(c).strip() for c in row]
        if caption in cells:
            return {c: i for i, c in enumerate(cells) if c}, n
    raise AssertionError(f"no header with {caption!r}")


def read_case(
    folder: Path,
) -> tuple[dict[str, Any], dict[int, dict[str, Any]], dict[int, dict[str, Any]]]:
    """Return truth and, per side, {row number: {"qty", "monthly", "customer", "stopped"}}."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return truth, read_vendor(folder, truth), read_psa(folder, truth)


def _grid(folder: Path, name: str, sheet: str | None) -> list[list[Any]]:
    path = folder / name
    return _xlsx_rows(path, sheet or "Sheet1") if path.suffix == ".xlsx" else _csv_rows(path)


def read_vendor(folder: Path, truth: dict[str, Any]) -> dict[int, dict[str, Any]]:
    fmt = truth["vendor_format"]
    rows = _grid(folder, truth["vendor_file"], truth["vendor_sheet"])
    spec = {
        # format: (customer caption, qty caption, unit caption, eu, annual test)
        "partner_center_nce": ("CustomerName", "BillableQuantity", "EffectiveUnitPrice", False),
        "partner_center_nce_fx": ("CustomerName", "BillableQuantity", "EffectiveUnitPrice", False),
        "partner_center_legacy": ("CustomerName", "Quantity", "Subtotal", False),
        "pax8_invoice_csv": ("company_name", "quantity", "cost", False),
        "pax8_api_items": ("companyName", "quantity", "cost", False),
        "sherweb_payables": ("Customer Name", "Quantity", "Unit Cost", False),
        "giacom_cloud_market": ("Customer", "Quantity", "Unit Price (ex VAT)", False),
        "crayon_invoice_eu": ("Customer", "Quantity", "Net unit price", True),
        "ingram_xvantage_xlsx": ("End Customer Name", "Quantity", "Net Price", False),
        "dicker_annuity": ("TENANT NAME", "QTY", "UNIT PRICE", False),
        "td_synnex_ion": ("Customer Name", "Quantity", "Reseller Unit Price", False),
    }[fmt]
    cols, header = _table(rows, spec[1])
    out: dict[int, dict[str, Any]] = {}
    for n, row in enumerate(rows[header + 1 :], start=header + 2):
        cell = {c: row[i] if i < len(row) else None for c, i in cols.items()}
        if not cell.get(spec[0]) or cell[spec[0]] in (spec[0], "Grand Total"):
            continue
        q = qty(cell[spec[1]])
        unit = money(cell[spec[2]], spec[3])
        if fmt in ("ingram_xvantage_xlsx", "partner_center_legacy"):
            unit = unit / q  # Net Price / Subtotal are the line's extended amount
        if fmt.startswith("partner_center_nce") and cell["PricingCurrency"] != cell["Currency"]:
            cents = unit * money(cell["PCToBCExchangeRate"]) * 100
            unit = Fraction(cents.numerator // cents.denominator, 100)  # ROUNDDOWN to the cent
        rules: dict[str, Callable[[dict[str, Any]], bool]] = {
            "partner_center_nce": lambda c: c["BillingFrequency"] == "Annual",
            "partner_center_nce_fx": lambda c: c["BillingFrequency"] == "Annual",
            "partner_center_legacy": lambda c: c["BillingCycleType"] == "Annual",
            "pax8_invoice_csv": lambda c: "Billed Annually" in c["details"],
            # a line whose period runs twelve months was billed for the year
            "pax8_api_items": lambda c: (
                (
                    dt.date.fromisoformat(c["endPeriod"]) - dt.date.fromisoformat(c["startPeriod"])
                ).days
                > 300
            ),
            "sherweb_payables": lambda c: c["Billing Cycle"] == "Yearly",
            "giacom_cloud_market": lambda c: c["Frequency"] == "Annual",
            "crayon_invoice_eu": lambda c: c["Billing cycle"] == "Annual",
            "ingram_xvantage_xlsx": lambda c: c["Billing Frequency"] == "Annual",
            "dicker_annuity": lambda c: c["STOCK CODE"].split(":")[-2] == "Y",
            "td_synnex_ion": lambda c: c["Billing Frequency"] == "Annual",
        }
        annual = rules[fmt](cell)
        out[n] = {
            "qty": q,
            "monthly": unit / 12 if annual else unit,
            "customer": str(cell[spec[0]]),
            "stopped": False,
        }
    return out


def read_psa(folder: Path, truth: dict[str, Any]) -> dict[int, dict[str, Any]]:
    fmt = truth["psa_format"]
    rows = _grid(folder, truth["psa_file"], truth["psa_sheet"])
    eu = truth["currency"] == "EUR"
    first = {
        "connectwise_additions": "Company Name",
        "connectwise_cancel_dates": "Product Description",
        "autotask_contract_services": "Account Name",
        "halopsa_recurring_lines": "Client",
        "syncro_recurring": "customer",
        "kaseya_bms_recurring": "Account",
        "qbo_sales_by_customer": "Product/Service",
        "xero_invoice_detail": "Invoice Number",
    }[fmt]
    cols, header = _table(rows, first)
    out: dict[int, dict[str, Any]] = {}
    group = ""
    for n, row in enumerate(rows[header + 1 :], start=header + 2):
        cell = {c: row[i] if i < len(row) else None for c, i in cols.items()}
        values = [v for v in row if v not in (None, "")]
        if not values:
            continue
        if fmt in ("qbo_sales_by_customer", "xero_invoice_detail"):
            if len(values) == 1 and not str(values[0]).startswith(("TOTAL", "Total", "Tuesday")):
                group = str(values[0])
                continue
            if str(row[0] or "").startswith(("Total", "TOTAL")) or len(values) == 1:
                continue
        if fmt == "autotask_contract_services" and cell["Account Name"] == "Total":
            continue
        if fmt == "connectwise_additions":
            q = qty(cell["Quantity"]) - qty(cell["Less Included"])
            unit, annual = money(cell["Price"], eu), cell["Billing Cycle"] == "Annual"
            cancelled = (
                cell["Cancelled"]
                and dt.datetime.strptime(cell["Cancelled"], "%m/%d/%Y").date() <= FIRST_DAY
            )
            stopped = cell["Addition Status"] in ("Cancelled", "Inactive") or bool(cancelled)
            customer = cell["Company Name"]
        elif fmt == "connectwise_cancel_dates":
            q, unit, annual = qty(cell["Qty"]), money(cell["Unit Price"], eu), False
            stopped = (
                bool(cell["Cancelled Date"])
                and dt.date.fromisoformat(str(cell["Cancelled Date"])) <= FIRST_DAY
            )
            customer = cell["Company"]
        elif fmt == "autotask_contract_services":
            q, unit = qty(cell["Units"]), money(cell["Adjusted Price"])
            annual, stopped, customer = (
                cell["Period Type"] == "Yearly",
                cell["Contract Status"] != "Active",
                cell["Account Name"],
            )
        elif fmt == "halopsa_recurring_lines":
            q, unit = qty(cell["Quantity"]), money(cell["Unit Price"])
            annual, stopped, customer = (
                cell["Billing Cycle"] == "Yearly",
                cell["Active"] == "No",
                cell["Client"],
            )
        elif fmt == "syncro_recurring":
            q, unit = qty(cell["quantity"]), Fraction(int(str(cell["retail_cents"])), 100)
            annual, stopped, customer = (
                cell["frequency"] == "Annually",
                cell["paused"] == "true",
                cell["customer"],
            )
        elif fmt == "kaseya_bms_recurring":
            q, unit = qty(cell["Quantity"]), money(cell["Unit Price"], eu)
            annual, stopped, customer = (
                cell["Billing Frequency"] == "Annually",
                cell["Status"] != "Active",
                cell["Account"],
            )
        elif fmt == "qbo_sales_by_customer":
            q, unit, annual, stopped, customer = (
                qty(cell["Qty"]),
                money(cell["Sales Price"], eu),
                False,
                False,
                group,
            )
        else:
            q, unit, annual, stopped, customer = (
                qty(cell["Quantity"]),
                money(cell["Unit Price"]),
                False,
                False,
                group,
            )
        out[n] = {
            "qty": q,
            "monthly": unit / 12 if annual else unit,
            "customer": customer,
            "stopped": stopped,
        }
    return out


# ---- rules.md, re-implemented from the brief ---------------------------------------------------


def half_up(value: Fraction) -> str:
    getcontext().prec = 60
    d = Decimal(value.numerator) / Decimal(value.denominator)
    return str(d.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP"))


def rederive(
    truth: dict[str, Any], vendor: dict[int, dict[str, Any]], psa: dict[int, dict[str, Any]]
) -> list[tuple[Any, ...]]:
    seats: dict[str, dict[tuple[str, str], int]] = {
        "vendor": defaultdict(int),
        "psa": defaultdict(int),
    }
    money_sum: dict[str, dict[tuple[str, str], Fraction]] = {
        "vendor": defaultdict(Fraction),
        "psa": defaultdict(Fraction),
    }
    rows: dict[str, dict[tuple[str, str], list[int]]] = {
        "vendor": defaultdict(list),
        "psa": defaultdict(list),
    }
    for side, values in (("vendor", vendor), ("psa", psa)):
        for row, label in truth["rows"][side].items():
            if label["role"] not in ("licence", "credit"):
                continue
            key = (label["client"], label["product"])
            line = values[int(row)]
            seats[side][key] += line["qty"]
            money_sum[side][key] += line["qty"] * line["monthly"]
            rows[side][key].append(int(row))
    by_product: dict[str, list[Fraction]] = defaultdict(list)
    for key, q in seats["psa"].items():
        if q > 0:
            by_product[key[1]].append(money_sum["psa"][key] / q)
    out = []
    for key in set(seats["vendor"]) | set(seats["psa"]):
        vq, pq = seats["vendor"].get(key, 0), seats["psa"].get(key, 0)
        c = money_sum["vendor"][key] / vq if vq > 0 else None
        p = money_sum["psa"][key] / pq if pq > 0 else None
        found: list[tuple[str, Fraction]] = []
        if vq > 0 and p is None:
            prices = sorted(by_product.get(key[1], []))
            if prices:
                m = len(prices) // 2
                ref = prices[m] if len(prices) % 2 else (prices[m - 1] + prices[m]) / 2
            else:
                assert c is not None
                ref = c
            found.append(("unbilled", vq * ref))
        elif pq > 0 and c is None:
            assert p is not None
            found.append(("no_vendor_record", pq * p))
        elif c is not None and p is not None:
            if vq > pq:
                found.append(("under_billed", (vq - pq) * p))
            if pq > vq:
                found.append(("over_billed", (pq - vq) * p))
            if p < c:
                found.append(("below_cost", (c - p) * min(vq, pq)))
        for kind, impact in found:
            out.append(
                (
                    kind,
                    key[0],
                    key[1],
                    half_up(impact),
                    sorted(rows["vendor"][key]),
                    sorted(rows["psa"][key]),
                )
            )
    return sorted(out)


def truth_findings(truth: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted(
        (f["type"], f["client"], f["product"], f["monthly_impact"], f["vendor_rows"], f["psa_rows"])
        for f in truth["findings"]
    )


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().replace(" and ", " & ").replace("l.l.c.", "llc"))


# ---- tests -------------------------------------------------------------------------------------


@pytest.mark.parametrize("vendor_format", VENDOR_FORMATS)
def test_truth_rederived_from_rendered_files(tmp_path: Path, vendor_format: str) -> None:
    """Every vendor format against a rotating PSA format: the files alone give the truth's findings."""
    psa_format = PSA_FORMATS[VENDOR_FORMATS.index(vendor_format) % len(PSA_FORMATS)]
    for n, psa in enumerate(
        (psa_format, PSA_FORMATS[(VENDOR_FORMATS.index(vendor_format) + 3) % len(PSA_FORMATS)])
    ):
        folder = tmp_path / f"{n}"
        generate_case(folder, 3 + n, vendor_format, psa, 90)
        truth, vendor, psa_rows = read_case(folder)
        assert set(map(int, truth["rows"]["vendor"])) == set(vendor)
        assert set(map(int, truth["rows"]["psa"])) == set(psa_rows)
        assert rederive(truth, vendor, psa_rows) == truth_findings(truth)


@pytest.mark.parametrize("psa_format", PSA_FORMATS)
def test_every_psa_format_rederives(tmp_path: Path, psa_format: str) -> None:
    vendor_format = VENDOR_FORMATS[(PSA_FORMATS.index(psa_format) + 1) % len(VENDOR_FORMATS)]
    generate_case(tmp_path, 5, vendor_format, psa_format, 70)
    truth, vendor, psa = read_case(tmp_path)
    assert rederive(truth, vendor, psa) == truth_findings(truth)
    for row, label in truth["rows"]["psa"].items():
        # a cancelled line is marked so in the file; a licence or service line is live
        assert psa[int(row)]["stopped"] == (label["role"] == "cancelled"), (row, label)


@pytest.mark.parametrize(
    ("vendor_format", "psa_format"), list(zip(VENDOR_FORMATS, PSA_FORMATS, strict=False))
)
def test_rows_name_the_right_customer(tmp_path: Path, vendor_format: str, psa_format: str) -> None:
    """Clean renders: each truth row's customer cell is the canonical name; perturbed vendor rows
    differ only in case and punctuation."""
    generate_case(tmp_path / "clean", 2, vendor_format, psa_format, 60, perturb=False)
    truth, vendor, psa = read_case(tmp_path / "clean")
    for side, values in (("vendor", vendor), ("psa", psa)):
        for row, label in truth["rows"][side].items():
            assert values[int(row)]["customer"] == label["client"]
            assert label["classes"] == []
    generate_case(tmp_path / "dirty", 2, vendor_format, psa_format, 60)
    truth, vendor, psa = read_case(tmp_path / "dirty")
    for row, label in truth["rows"]["vendor"].items():
        assert _norm(vendor[int(row)]["customer"]) == _norm(label["client"])
    changed = sum(
        psa[int(r)]["customer"] != label["client"] for r, label in truth["rows"]["psa"].items()
    )
    assert changed > len(truth["rows"]["psa"]) // 5


@pytest.mark.parametrize("vendor_format", VENDOR_FORMATS)
def test_perturbing_spellings_leaves_findings_unchanged(tmp_path: Path, vendor_format: str) -> None:
    psa_format = PSA_FORMATS[VENDOR_FORMATS.index(vendor_format) % len(PSA_FORMATS)]

    def key(path: Path) -> Counter[tuple[str, str, str, str]]:
        truth = json.loads(path.read_text(encoding="utf-8"))
        return Counter(
            (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in truth["findings"]
        )

    dirty = generate_case(tmp_path / "p", 7, vendor_format, psa_format, 80)
    clean = generate_case(tmp_path / "c", 7, vendor_format, psa_format, 80, perturb=False)
    assert key(dirty) == key(clean)
    assert (tmp_path / "p" / "truth.json").read_text() != (
        tmp_path / "c" / "truth.json"
    ).read_text()


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_same_seed_same_bytes_and_other_seed_differs(tmp_path: Path) -> None:
    for vendor_format, psa_format in (
        ("ingram_xvantage_xlsx", "autotask_contract_services"),
        ("pax8_invoice_csv", "xero_invoice_detail"),
    ):
        a = generate_case(tmp_path / "a" / vendor_format, 11, vendor_format, psa_format, 60).parent
        b = generate_case(tmp_path / "b" / vendor_format, 11, vendor_format, psa_format, 60).parent
        c = generate_case(tmp_path / "c" / vendor_format, 12, vendor_format, psa_format, 60).parent
        assert _digest(a) == _digest(b)
        assert _digest(a) != _digest(c)


def test_same_bytes_across_hash_seeds(tmp_path: Path) -> None:
    code = (
        "import sys, hashlib; from pathlib import Path; from bench.independent_b import generate_case;"
        "d = Path(sys.argv[1]); generate_case(d, 4, 'dicker_annuity', 'halopsa_recurring_lines', 60);"
        "print([hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.iterdir())])"
    )
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / hash_seed)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize("vendor_format", VENDOR_FORMATS)
def test_every_format_reads_back_with_pandas(tmp_path: Path, vendor_format: str) -> None:
    import pandas as pd

    psa_format = PSA_FORMATS[VENDOR_FORMATS.index(vendor_format) % len(PSA_FORMATS)]
    truth = json.loads(
        generate_case(tmp_path, 1, vendor_format, psa_format, 40).read_text(encoding="utf-8")
    )
    for name, sheet in (
        (truth["vendor_file"], truth["vendor_sheet"]),
        (truth["psa_file"], truth["psa_sheet"]),
    ):
        path = tmp_path / name
        if path.suffix == ".xlsx":
            for engine in ("openpyxl", "calamine"):
                frame = pd.read_excel(path, sheet_name=sheet, header=None, engine=engine, dtype=str)
                assert len(frame) >= 20
        else:
            text = path.read_text(encoding="utf-8-sig")
            sep = ";" if max(x.count(";") for x in text.splitlines()[:8]) > 1 else ","
            frame = pd.read_csv(
                path,
                sep=sep,
                encoding="utf-8-sig",
                dtype=str,
                header=None,
                skip_blank_lines=False,
                names=range(40),
                engine="python",
            )
            assert len(frame) == len(text.splitlines())


def test_hand_computed_rules() -> None:
    """Annual line ÷ 12, a credit netting out, the even-count median, half-up rounding once."""
    from bench.independent_b.scenario import cents, findings

    f = Fraction
    vendor = [
        ("A", "X", 10, f(26400, 1200)),  # annual 264.00 → 22.00 a month
        ("A", "X", 2, f(2500, 100)),
        ("A", "X", -1, f(2500, 100)),  # credit: vq = 11, c = (220 + 25) / 11
        ("B", "X", 3, f(2000, 100)),  # unbilled: median of A, C, D, E prices
        ("C", "X", 1, f(1000, 100)),
        ("D", "Y", 5, f(333, 100)),  # unbilled, nobody billed Y: vq × c
    ]
    psa = [
        ("A", "X", 9, f(2000, 100)),  # under by 2 at 20.00; below cost (245/11 − 20) × 9
        ("C", "X", 2, f(3000, 100)),  # over by 1 at 30.00
        ("E", "X", 1, f(2500, 100)),
        (
            "F",
            "X",
            1,
            f(1001, 100),
        ),  # no vendor record 10.01; prices 20, 30, 25, 10.01 → median 22.50
    ]
    got = {(k, c, p): cents(v) for k, c, p, v in findings(vendor, psa)}
    assert got == {
        ("under_billed", "A", "X"): "40.00",
        ("below_cost", "A", "X"): "20.45",  # (245/11 − 20) × 9 = 20.4545… → 20.45
        ("unbilled", "B", "X"): "67.50",
        ("over_billed", "C", "X"): "30.00",
        ("no_vendor_record", "E", "X"): "25.00",
        ("no_vendor_record", "F", "X"): "10.01",
        ("unbilled", "D", "Y"): "16.65",
    }
    assert cents(Fraction(1, 200)) == "0.01" and cents(Fraction(449, 1000)) == "0.45"


def test_a_120_client_case_carries_every_type_trap_and_class(tmp_path: Path) -> None:
    truth = json.loads(
        generate_case(tmp_path, 1, "pax8_invoice_csv", "connectwise_additions", 120).read_text(
            encoding="utf-8"
        )
    )
    types = Counter(f["type"] for f in truth["findings"])
    assert set(types) == {
        "unbilled",
        "under_billed",
        "over_billed",
        "no_vendor_record",
        "below_cost",
    }
    roles = {
        side: Counter(r["role"] for r in truth["rows"][side].values()) for side in ("vendor", "psa")
    }
    assert roles["vendor"].keys() == {"licence", "credit", "free"}
    assert roles["psa"].keys() == {"licence", "service", "cancelled"}
    classes = Counter(c for f in truth["findings"] for c in f["classes"])
    for name in [
        "untouched",
        "typo",
        "abbreviation",
        "abbreviation_typo",
        "brand_dropped",
        "extra_words",
        "bare_plan",
        "renamed",
        "in_house",
        "case_punct",
        "name_typo",
        "legal_suffix_typo",
        "name_abbreviation",
        "name_abbreviation_typo",
        "dropped_word",
        "branch",
        "store_number",
        "dba",
        "accents",
        "name_case_punct",
    ]:
        assert classes[name] > 0, name
    clients = {f["client"] for f in truth["findings"]}
    assert any("Dental Lab" in c for c in clients) or any("Family Pharmacy" in c for c in clients)
    assert sum(" Store " in c for c in clients) >= 2
    # look-alikes bought by one client, each with its own finding
    per_client = defaultdict(set)
    for f in truth["findings"]:
        per_client[f["client"]].add(f["product"])
    pairs = [
        ("Microsoft 365 E3", "Microsoft 365 E5"),
        ("Microsoft 365 E5", "Microsoft 365 E5 Security"),
        ("Exchange Online (Plan 1)", "Exchange Online (Plan 2)"),
        ("Microsoft 365 Business Standard", "Microsoft 365 Business Premium"),
        ("Visio Plan 1", "Visio Plan 2"),
        ("Microsoft 365 E3", "Microsoft 365 E3 (no Teams)"),
        ("Microsoft 365 E3", "Office 365 E3"),
        ("Dropbox Business", "Dropbox Business Plus"),
        ("Duo Essentials", "Duo Advantage"),
    ]
    assert sum(any(a in ps and b in ps for ps in per_client.values()) for a, b in pairs) >= 2
    # a product outside Microsoft's catalogue has findings too
    assert any(
        not f["product"].startswith(
            ("Microsoft", "Office", "Exchange", "Power", "Visio", "Project")
        )
        for f in truth["findings"]
    )


def test_three_hundred_clients_write_fast(tmp_path: Path) -> None:
    started = time.perf_counter()
    generate_case(tmp_path, 9, "ingram_xvantage_xlsx", "halopsa_recurring_lines", 300)
    assert time.perf_counter() - started < 2.0


def test_cli_writes_the_diagonal(tmp_path: Path) -> None:
    from bench.independent_b.__main__ import main

    assert (
        main([str(tmp_path), "--seeds", "1", "--clients", "30", "--pairs", "diagonal", "--clean"])
        == 0
    )
    truths = sorted(tmp_path.glob("*/*/truth.json"))
    assert len(truths) == max(len(VENDOR_FORMATS), len(PSA_FORMATS))
    assert all((t.parent / "clean" / "truth.json").exists() for t in truths)


SERVICE_WORDS = (
    "managed",
    "backup",
    "support",
    "labour",
    "labor",
    "hours",
    "onsite",
    "hardware",
    "fee",
)


def test_a_shared_spelling_names_every_product_it_could_be() -> None:
    """A spelling two products share must list the other in its reading, so it is only used where
    the client's basket leaves one of them."""
    from bench.independent_b.catalogue import PRODUCTS

    readings: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for product in PRODUCTS:
        for entries in product.spellings.values():
            for entry in entries:
                text, extra = entry if isinstance(entry, tuple) else (entry, ())
                readings[text.casefold()].append((product.key, frozenset((product.key, *extra))))
        readings[product.name.casefold()].append((product.key, frozenset((product.key,))))
    for text, owners in readings.items():
        keys = {k for k, _ in owners}
        for key, reading in owners:
            assert keys <= reading, (text, key, sorted(keys), sorted(reading))


def test_licence_spellings_never_sound_like_services(tmp_path: Path) -> None:
    for seed in (1, 2):
        truth = json.loads(
            generate_case(
                tmp_path / str(seed), seed, "pax8_invoice_csv", "syncro_recurring", 200
            ).read_text(encoding="utf-8")
        )
        rows = _csv_rows(tmp_path / str(seed) / "psa.csv")
        header = rows[0]
        for row, label in truth["rows"]["psa"].items():
            name = rows[int(row) - 1][header.index("name")].lower()
            words = set(re.findall(r"[a-z]+", name))
            if label["role"] == "service":
                assert any(w in name for w in SERVICE_WORDS), name
            else:
                assert not words & set(SERVICE_WORDS), name


@pytest.mark.parametrize("vendor_format", VENDOR_FORMATS)
def test_money_is_spelled_in_the_bills_currency_only(tmp_path: Path, vendor_format: str) -> None:
    psa_format = PSA_FORMATS[(VENDOR_FORMATS.index(vendor_format) + 2) % len(PSA_FORMATS)]
    truth = json.loads(
        generate_case(tmp_path, 6, vendor_format, psa_format, 60).read_text(encoding="utf-8")
    )
    symbols = {"USD": "$", "CAD": "$", "AUD": "$", "GBP": "£", "EUR": "€"}
    foreign = set(symbols.values()) - {symbols[truth["currency"]]}
    codes = set(symbols) - {truth["currency"]}
    for name in (truth["vendor_file"], truth["psa_file"]):
        path = tmp_path / name
        if path.suffix == ".xlsx":
            import openpyxl

            book = openpyxl.load_workbook(path)
            cells = [
                c
                for ws in book.worksheets
                for row in ws.iter_rows()
                for c in row
                if c.value is not None
            ]
            text = " ".join(str(c.value) + " " + (c.number_format or "") for c in cells)
        else:
            text = path.read_text(encoding="utf-8-sig")
        for (
            symbol
        ) in foreign:  # a symbol beside a number, or in a number format ($-tokens are text)
            pattern = (
                re.escape(symbol)
                + r"\s?-?\d|\d\s?"
                + re.escape(symbol)
                + '|"'
                + re.escape(symbol)
                + '"'
            )
            assert not re.search(pattern, text), (name, symbol)
        if name == truth["vendor_file"] and vendor_format == "partner_center_nce_fx":
            continue  # PricingCurrency USD beside Currency GBP is the point of that file
        assert not re.search(r"\b(" + "|".join(codes) + r")\b", text), name
