"""Tests of set I's generator: determinism, metamorphic twin, rows read back, impacts recomputed.

Run: /work/venv/bin/python -m pytest bench/independent_i/test_generator.py -q
The read-back here is written apart from the renderers: it opens the files with csv / openpyxl /
html.parser and parses the money text itself.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from bench.independent_i import PSA_FORMATS, VENDOR_FORMATS, generate_case

ROOT = Path(__file__).resolve().parents[2]
DIAGONAL = [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.iterdir()):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


@pytest.mark.parametrize("vendor,psa", DIAGONAL)
def test_deterministic_across_hash_seeds(tmp_path: Path, vendor: str, psa: str) -> None:
    digests = []
    for hashseed in ("0", "12345"):
        out = tmp_path / hashseed
        code = (
            "import sys; from pathlib import Path; from bench.independent_i import generate_case; "
            f"generate_case(Path(sys.argv[1]), seed=3, vendor_format={vendor!r}, psa_format={psa!r}, clients=80)"
        )
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        subprocess.run([sys.executable, "-c", code, str(out)], check=True, cwd=ROOT, env=env)
        digests.append(_digest(out))
    assert digests[0] == digests[1]


@pytest.mark.parametrize("vendor,psa", DIAGONAL)
def test_clean_and_perturbed_same_findings(tmp_path: Path, vendor: str, psa: str) -> None:
    dirty = json.loads(generate_case(tmp_path / "p", 2, vendor, psa, 120, True).read_text("utf-8"))
    clean = json.loads(generate_case(tmp_path / "c", 2, vendor, psa, 120, False).read_text("utf-8"))

    def key(t: dict[str, Any]) -> Counter[tuple[Any, ...]]:
        return Counter(
            (
                f["type"],
                f["monthly_impact"],
                f["client"],
                f["product"],
                tuple(f["vendor_rows"]),
                tuple(f["psa_rows"]),
            )
            for f in t["findings"]
        )

    assert key(dirty) == key(clean)
    assert all(not f["classes"] for f in clean["findings"])
    assert any(f["classes"] for f in dirty["findings"])
    used = Counter(c for r in dirty["rows"]["psa"].values() for c in r["classes"])
    assert len(used) >= 15, used  # classes are mixed within one file


# ------------------------------------------------------------------ independent read-back
class _Table(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


ENCODINGS = {"giacom_uk": "cp1252", "cz_distributor": "cp1250", "tr_distributor": "cp1254"}


def read_rows(path: Path, fmt: str) -> dict[int, list[str]]:
    """1-based row -> cells as text, read without the generator's help."""
    if path.suffix == ".csv" or path.suffix == ".CSV":
        raw = path.read_bytes()
        enc = ENCODINGS.get(fmt)
        if enc is None:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
        else:
            text = raw.decode(enc)
        delim = (
            ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        )
        return {
            i: row
            for i, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delim), 1)
        }
    if (
        path.suffix == ".xls" and path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    ):  # a real BIFF workbook
        from python_calamine import CalamineWorkbook

        data = (
            CalamineWorkbook.from_path(str(path))
            .get_sheet_by_index(0)
            .to_python(skip_empty_area=False)
        )
        return {r: ["" if v is None else str(v) for v in row] for r, row in enumerate(data, 1)}
    if path.suffix == ".xls":
        parser = _Table()
        parser.feed(path.read_text("utf-8"))
        return {i: row for i, row in enumerate(parser.rows, 1)}
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb.worksheets[-1] if len(wb.worksheets) > 1 else wb.worksheets[0]
    return {
        i: ["" if v is None else str(v) for v in row]
        for i, row in enumerate(ws.iter_rows(values_only=True), 1)
    }


def _fold(text: str) -> str:
    import unicodedata

    table = {"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "ı": "i", "å": "aa"}
    text = "".join(table.get(c, c) for c in text.lower())
    return re.sub(
        r"[^a-z0-9]",
        "",
        "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)),
    )


def _with_group(rows: dict[int, list[str]], number: int) -> str:
    """The row's text plus the nearest group row above it (a row with one filled cell)."""
    text = " | ".join(rows[number])
    for above in range(number - 1, 0, -1):
        filled = [c for c in rows[above] if c.strip()]
        if len(filled) == 1:
            return filled[0] + " | " + text
    return text


@pytest.mark.parametrize(
    "vendor,psa", [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS][::3] + DIAGONAL
)
def test_truth_rows_point_at_their_lines(tmp_path: Path, vendor: str, psa: str) -> None:
    truth = json.loads(generate_case(tmp_path, 4, vendor, psa, 90, True).read_text("utf-8"))
    vrows = read_rows(tmp_path / truth["vendor_file"], vendor)
    for row, info in truth["rows"]["vendor"].items():
        text = _with_group(vrows, int(row))
        assert _fold(info["client"])[:18] in _fold(text), (row, info, text)
        assert _fold(info["product"]) in _fold(text), (row, info, text)
    prows = read_rows(tmp_path / truth["psa_file"], psa)
    listed = {int(r) for r in truth["rows"]["psa"]}
    for row in truth["rows"]["psa"]:
        cells = prows[int(row)]
        assert any(c.strip() and re.fullmatch(r"\d+([.,]0+)?( \w+)?", c.strip()) for c in cells), (
            cells
        )
    # rows not listed are headers, titles, group, comment or total rows: none holds a licence quantity
    # beside a product the truth knows
    for number, cells in prows.items():
        if number not in listed:
            assert not any(c.startswith("Microsoft 365 Business") for c in cells), (number, cells)
    # every line of the scenario is listed once: counts agree with the file
    assert len(truth["rows"]["vendor"]) == len({int(r) for r in truth["rows"]["vendor"]})


# ------------------------------------------------------------------ impacts from the rendered CSVs
VENDOR_CSV = {  # format: (quantity header, unit cost header, term header, annual value)
    "arrowsphere_fr": (
        "Quantité / Qty",
        "Prix d'achat unitaire HT / Unit buy price excl. VAT",
        "Périodicité / Billing",
        "Annuel",
    ),
    "giacom_uk": ("Quantity", "Unit Cost", "Billing Frequency", "Annual (paid upfront)"),
    "cz_distributor": ("Množství", "Jednotková cena bez DPH", "Fakturace", "ročně"),
    "tr_distributor": ("Adet", "Birim Maliyet", "Faturalama", "Yıllık"),
}
VENDOR_BOOKS = {  # the workbook and HTML bills, read the same way
    "leader_au": ("Qty", "Buy Ex GST", "Term", "12 Months (Annual upfront)"),
    "tarsus_za": ("Qty", "Unit Cost (excl. VAT)", "Billing Term", "Annual"),
    "kr_won_bill": ("수량", "단가", "청구주기", "연"),
    "xvantage_html_xls": (
        "Quantity",
        "Net Price",
        "Billing Frequency",
        "Annual",
    ),  # extended: ÷ qty
    "mx_distributor_xls": ("Cantidad", "Costo unitario", "Plazo de facturación", "Anual"),
    "nz_pdf_invoice_xlsx": ("Qty", "Unit", "Term", "Annual"),
}
PSA_BOOKS = {
    "netsuite_saved_search": ("Quantity", "Rate", None, "Billing Schedule", "Annual"),
    "business_central": (
        "Quantity",
        "Unit Price Excl. VAT",
        "Line Discount %",
        "Unit of Measure Code",
        "YEAR",
    ),
    "freshbooks": ("Qty", "Rate", None, "Description", "Annual"),
    "halopsa_fr": ("Quantité", "Prix unitaire HT", None, "Fréquence", "Annuelle"),
}
PSA_CSV = {  # format: (quantity, unit price, discount or None, term header, annual value)
    "zoho_books": ("Quantity", "Item Price", "Discount(%)", "Usage unit", "user/yr"),
    "sage50_uk": ("Qty", "Unit Price", "Discount %", "Comment 1", "Annual"),
    "exact_online_nl": ("Aantal", "Prijs per eenheid", "Korting %", "Eenheid", "jaar"),
    "lexoffice_de": ("Menge", "Einzelpreis netto", "Rabatt %", "Einheit", "Lizenz/Jahr"),
    "gorelo": ("Quantity", "Unit Price", None, "Billing Cycle", "Annually"),
    "superops": ("QUANTITY", "RATE", None, "FREQUENCY", "Yearly"),
}


def parse_money(text: str, whole: bool = False) -> Fraction:
    """Money text in any of the set's notations; `whole`: a currency without minor units (KRW)."""
    t = text.strip()
    neg = t.startswith("(") or "-" in t
    t = re.sub(r"[^0-9,.]", "", t)
    if whole:
        t = (
            re.sub(r"[.,]0+$", "", t)
            if re.search(r"[.,]0+$", t) and not re.search(r"[.,]\d{3}$", t)
            else t
        )
        t = t.replace(",", "").replace(".", "")
    elif "," in t and ("." not in t or t.rfind(",") > t.rfind(".")):
        t = t.replace(".", "").replace(",", ".")
    else:
        t = t.replace(",", "")
    value = Fraction(Decimal(t or "0"))
    return -value if neg else value


def _header(rows: dict[int, list[str]], name: str) -> tuple[int, list[str]]:
    for number, cells in rows.items():
        if name in cells:
            return number, cells
    raise AssertionError(f"no header with {name!r}")


def recompute(truth: dict[str, Any], folder: Path) -> Counter[tuple[str, str]]:
    whole = truth["currency"] == "KRW"
    vq: dict[tuple[str, str], int] = defaultdict(int)
    vc: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    rows = read_rows(folder / truth["vendor_file"], truth["vendor_format"])
    q_h, u_h, t_h, annual = {**VENDOR_CSV, **VENDOR_BOOKS}[truth["vendor_format"]]
    _, head = _header(rows, q_h)
    for row, info in truth["rows"]["vendor"].items():
        if info["role"] == "free":
            continue
        cells = dict(zip(head, rows[int(row)], strict=False))
        q = int(parse_money(cells[q_h]))
        unit = parse_money(cells[u_h], whole)
        if truth["vendor_format"] == "xvantage_html_xls":
            unit = abs(unit) / abs(q)  # Net Price is the line's extended amount
        key = (info["client"], info["product"])
        vq[key] += q
        vc[key] += q * (unit / 12 if cells[t_h] == annual else unit)
    pq: dict[tuple[str, str], int] = defaultdict(int)
    pa: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    rows = read_rows(folder / truth["psa_file"], truth["psa_format"])
    q_h, u_h, d_h, t_h, annual = {**PSA_CSV, **PSA_BOOKS}[truth["psa_format"]]
    _, head = _header(rows, q_h)
    for row, info in truth["rows"]["psa"].items():
        if info["role"] != "licence":
            continue
        cells = dict(zip(head, rows[int(row)], strict=False))
        q = int(parse_money(cells[q_h].split()[0]))
        unit = parse_money(cells[u_h], whole)
        if d_h and cells[d_h].strip():
            unit = unit * (100 - parse_money(cells[d_h])) / 100
        key = (info["client"], info["product"])
        pq[key] += q
        pa[key] += q * (unit / 12 if cells[t_h].startswith(annual) else unit)
    per_product: dict[str, list[Fraction]] = defaultdict(list)
    for key, q in pq.items():
        if q > 0:
            per_product[key[1]].append(pa[key] / q)
    out: Counter[tuple[str, str]] = Counter()

    def cents(x: Fraction) -> str:
        return str(
            (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        )

    for key in set(vq) | set(pq):
        v, q = vq.get(key, 0), pq.get(key, 0)
        c = vc[key] / v if v > 0 else Fraction(0)
        p = pa[key] / q if q > 0 else Fraction(0)
        if v > 0 and q <= 0:
            prices = per_product.get(key[1])
            out[("unbilled", cents(v * (statistics.median(prices) if prices else c)))] += 1
        elif q > 0 and v <= 0:
            out[("no_vendor_record", cents(q * p))] += 1
        elif v > 0 and q > 0:
            if v > q:
                out[("under_billed", cents((v - q) * p))] += 1
            if q > v:
                out[("over_billed", cents((q - v) * p))] += 1
            if p < c:
                out[("below_cost", cents((c - p) * min(v, q)))] += 1
    return out


@pytest.mark.parametrize("vendor", list(VENDOR_CSV))
@pytest.mark.parametrize("psa", list(PSA_CSV))
def test_impacts_recomputed_from_rendered_csv(tmp_path: Path, vendor: str, psa: str) -> None:
    truth = json.loads(generate_case(tmp_path, 5, vendor, psa, 150, True).read_text("utf-8"))
    expected = Counter((f["type"], f["monthly_impact"]) for f in truth["findings"])
    assert recompute(truth, tmp_path) == expected
    assert {f["type"] for f in truth["findings"]} == {
        "unbilled",
        "no_vendor_record",
        "under_billed",
        "over_billed",
        "below_cost",
    }


def test_three_hundred_clients_fast(tmp_path: Path) -> None:
    for vendor, psa in DIAGONAL:
        start = time.perf_counter()
        generate_case(tmp_path / vendor, 1, vendor, psa, 300, True)
        assert time.perf_counter() - start < 2.0


def test_microsoft_names_are_microsofts() -> None:
    from bench.independent_i.catalogue import PRODUCTS

    table = ROOT.parent.parent / "shared" / "data" / "microsoft_product_names.csv"
    table = Path("/work/shared/data/microsoft_product_names.csv") if not table.exists() else table
    if not table.exists():
        pytest.skip("Microsoft's product table is not here")
    with table.open(encoding="utf-8-sig") as f:
        names = {row["Product_Display_Name"].strip() for row in csv.DictReader(f)}
    for p in PRODUCTS:
        if p.microsoft:
            assert p.name in names, p.name


def test_siblings_and_sites_keep_apart(tmp_path: Path) -> None:
    truth = json.loads(
        generate_case(tmp_path, 1, VENDOR_FORMATS[0], PSA_FORMATS[0], 300, True).read_text("utf-8")
    )
    clients = {r["client"] for r in truth["rows"]["vendor"].values()} | {
        r["client"] for r in truth["rows"]["psa"].values()
    }
    assert any("Store" in c for c in clients) and any(
        "Dental Lab" in c or "Medical Imaging" in c or "Property Services" in c or "Training" in c
        for c in clients
    )


@pytest.mark.parametrize("vendor,psa", DIAGONAL)
def test_clean_psa_rows_name_client_and_product(tmp_path: Path, vendor: str, psa: str) -> None:
    truth = json.loads(generate_case(tmp_path, 6, vendor, psa, 80, False).read_text("utf-8"))
    prows = read_rows(tmp_path / truth["psa_file"], psa)
    for row, info in truth["rows"]["psa"].items():
        text = _fold(_with_group(prows, int(row)))
        assert _fold(info["client"])[:18] in text, (row, info, text)
        assert _fold(info["product"]) in text, (row, info, text)


@pytest.mark.parametrize("vendor", VENDOR_FORMATS)
@pytest.mark.parametrize("psa", PSA_FORMATS)
def test_impacts_recomputed_from_every_rendered_file(tmp_path: Path, vendor: str, psa: str) -> None:
    truth = json.loads(generate_case(tmp_path, 8, vendor, psa, 70, True).read_text("utf-8"))
    expected = Counter((f["type"], f["monthly_impact"]) for f in truth["findings"])
    assert recompute(truth, tmp_path) == expected
