"""Tests of the seventh evaluation set: the files say what truth.json says.

Run: `pytest bench/independent_g -q`. Readers here are written independently of the renderers
(by column caption, with their own number parsing) and rules.md is re-implemented from scratch.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from bench.independent_g import PSA_FORMATS, VENDOR_FORMATS, generate_case
from bench.independent_g.generate import truth_of
from bench.independent_g.names import Client
from bench.independent_g.psas import PSA
from bench.independent_g.scenario import PsaLine, Scenario, VendorLine
from bench.independent_g.vendors import VENDOR

ROOT = Path(__file__).resolve().parents[2]
PAIRS = [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)] + [
    (VENDOR_FORMATS[i % len(VENDOR_FORMATS)], p) for i, p in enumerate(PSA_FORMATS)
]


# ---------------------------------------------------------------- independent reading
@dataclass(frozen=True)
class Spec:
    """How to read one format: captions of the columns the rules need, and number style."""

    delimiter: str = ","
    encoding: str = "utf-8"
    client: str = ""  # caption; "" when the customer sits on a group row
    product: str = ""  # caption; "" when the product sits on a group row
    qty: str = ""
    unit: str = ""
    billing: str = ""  # caption of the column whose value says "annual"
    annual: str = ""
    numbers: str = "plain"  # plain | comma | usd | ea | cents
    carry: tuple[str, ...] = ()  # columns left blank under a first row (forward-filled)
    group_prefix: str = ""


VENDOR_SPECS: dict[str, Spec] = {
    "softcat_uk_xlsx": Spec(
        client="End User Organisation",
        product="Product Description",
        qty="Qty",
        unit="Unit Cost",
        billing="Billing Frequency",
        annual="Annual",
    ),
    "techdata_nl_csv": Spec(
        ";",
        "cp1252",
        "Klantnaam",
        "Omschrijving",
        "Aantal",
        "Nettoprijs per eenheid",
        "Factuurfrequentie",
        "Jaarlijks",
        "comma",
    ),
    "insight_us_xlsx": Spec(
        client="Sold-To Name",
        product="Description",
        qty="Qty",
        unit="Unit Price",
        billing="Billing Plan",
        annual="ANNUAL",
        numbers="usd",
    ),
    "also_dk_csv": Spec(
        ";",
        "utf-8-sig",
        "Kundenavn",
        "Produkt",
        "Antal",
        "Kostpris pr. stk.",
        "Faktureringsfrekvens",
        "Årlig",
        "comma",
    ),
    "ab_pl_csv": Spec(
        ";",
        "utf-8",
        "Nazwa klienta",
        "Nazwa produktu",
        "Ilość",
        "Cena jedn. netto",
        "Częstotliwość rozliczeń",
        "rocznie",
        "comma",
    ),
    "ingram_es_xls": Spec(
        client="Cliente final",
        product="Descripción",
        qty="Cantidad",
        unit="Precio unitario neto",
        billing="Facturación",
        annual="Pago anual",
    ),
    "cdw_ca_csv": Spec(
        ",",
        "utf-8",
        "Customer Name",
        "Product Description",
        "Qty",
        "Unit Cost",
        "Billing Frequency",
        "Annual",
        "ea",
    ),
    "also_ch_csv": Spec(
        ";",
        "utf-8",
        "Kunde",
        "Artikel",
        "Menge",
        "Preis/ME",
        "Verrechnung",
        "jährlich im Voraus",
        "swiss",
    ),
    "computacenter_de_xlsx": Spec(
        product="Artikelbezeichnung",
        qty="Menge",
        unit="EK-Preis netto",
        billing="Abrechnungsintervall",
        annual="jährlich",
        group_prefix="Endkunde: ",
    ),
}
PSA_SPECS: dict[str, Spec] = {
    "ninjaone_csv": Spec(
        client="Organization",
        product="Product Name",
        qty="Quantity",
        unit="Price",
        billing="Billing Cycle",
        annual="Annually",
    ),
    "atera_csv": Spec(
        client="Customer",
        product="Item",
        qty="Units",
        unit="Rate",
        billing="Billing Period",
        annual="Yearly",
    ),
    "odoo_xlsx": Spec(
        client="Customer",
        product="Order Lines/Description",
        qty="Order Lines/Quantity",
        unit="Order Lines/Unit Price",
        billing="Recurrence",
        annual="Yearly",
        carry=("Customer", "Recurrence"),
    ),
    "sevdesk_de_csv": Spec(
        ";",
        "utf-8-sig",
        "Kunde",
        "Bezeichnung",
        "Menge",
        "Einzelpreis (netto)",
        "Einheit",
        "Lizenz/Jahr",
        "comma",
    ),
    "tripletex_no_xlsx": Spec(
        client="Kunde",
        product="Produkt",
        qty="Antall",
        unit="Pris eks. mva",
        billing="Intervall",
        annual="Årlig",
    ),
    "stripe_csv": Spec(
        client="customer_name",
        product="description",
        qty="quantity",
        unit="unit_amount_decimal",
        billing="price_recurring_interval",
        annual="year",
        numbers="cents",
    ),
    "chargebee_csv": Spec(
        client="Customer Company",
        product="Item Name",
        qty="Quantity",
        unit="Unit Price",
        billing="Billing Period Unit",
        annual="year",
    ),
    "reckon_au_xls": Spec(client="Name", qty="Qty", unit="Sales Price"),
    "halo_invoice_paste_xlsx": Spec(
        client="",
        product="Item",
        qty="Quantity",
        unit="Unit Price",
        billing="Description",
        annual="",
        numbers="money",
        group_prefix="Bill To: ",
    ),
    "msp_workbook_xlsx": Spec(
        product="Item", qty="Qty", unit="Sell ea", billing="Billed", annual="yearly"
    ),
}


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)


def read_rows(path: Path, spec: Spec, sheet: str | None) -> list[list[str]]:
    """Every row of the file as text (row n of the file is index n - 1)."""
    if path.suffix == ".csv":
        with path.open(encoding=spec.encoding, newline="") as handle:
            return [row for row in csv.reader(handle, delimiter=spec.delimiter)]
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, data_only=True)
        ws = book[sheet] if sheet else book.worksheets[0]
        return [
            [cell_text(v) for v in row]
            for row in ws.iter_rows(min_row=1, max_row=ws.max_row, values_only=True)
        ]
    book_x = CalamineWorkbook.from_path(str(path))
    data = book_x.get_sheet_by_name(sheet or book_x.sheet_names[0]).to_python(skip_empty_area=False)
    return [[cell_text(v) for v in row] for row in data]


def number(text: str, style: str) -> Decimal:
    text = text.strip()
    if style == "comma":
        return Decimal(text.replace(" ", "").replace(".", "").replace(",", "."))
    if style == "usd":
        negative = text.startswith("(")
        value = Decimal(text.strip("()").replace("$", "").replace(",", ""))
        return -value if negative else value
    if style == "ea":
        return Decimal(text.replace(" ea", "").replace(",", ""))
    if style == "swiss":
        negative = text.endswith("-")
        value = Decimal(text.rstrip("-").replace("'", ""))
        return -value if negative else value
    if style == "money":  # "$1,234.56", "€12.00", "1,234.56 DKK", "CHF 12.00"
        return Decimal(re.sub(r"[^0-9.\-]", "", text))
    if style == "cents":
        return Decimal(text) / 100
    return Decimal(text)


@dataclass(frozen=True)
class ReadLine:
    row: int
    client: str  # as the file writes it
    product: str  # as the file writes it
    qty: Decimal
    unit: Decimal
    annual: bool


def read_lines(
    path: Path, spec: Spec, sheet: str | None, labelled: set[int]
) -> dict[int, ReadLine]:
    """The labelled rows of a file, read by caption (group rows and carried cells resolved)."""
    rows = read_rows(path, spec, sheet)
    header_at = next(i for i, row in enumerate(rows) if spec.qty in row)
    header = rows[header_at]
    col = {name: header.index(name) for name in header if name}
    group = ""
    carried: dict[str, str] = {}
    out: dict[int, ReadLine] = {}
    for i in range(len(rows)):  # group rows may sit above the (first) header too
        row = rows[i] + [""] * (len(header) - len(rows[i]))
        number_row = i + 1
        filled = [c for c in row if c.strip()]
        if number_row not in labelled:
            if len(filled) == 1 and row[0].strip():
                group = row[0]
            continue
        for name in spec.carry:
            if row[col[name]].strip():
                carried[name] = row[col[name]]
        client = carried.get(spec.client) if spec.client in spec.carry else None
        if client is None:
            client = row[col[spec.client]] if spec.client else group
        if spec.group_prefix:
            client = client.removeprefix(spec.group_prefix).split(" (Tenant ")[0]
        product = row[col[spec.product]] if spec.product else group
        billing = ""
        if spec.billing:
            billing = carried.get(spec.billing, "") if spec.billing in spec.carry else ""
            billing = billing or row[col[spec.billing]]
        unit_style = spec.numbers
        qty_style = spec.numbers if spec.numbers in {"usd", "ea", "swiss"} else "plain"
        out[number_row] = ReadLine(
            number_row,
            client,
            product,
            number(row[col[spec.qty]], qty_style),
            number(row[col[spec.unit]], unit_style),
            bool(spec.billing)
            and (billing.strip() == spec.annual if spec.annual else "- 31/08/2027)" in billing),
        )
    return out


# ---------------------------------------------------------------- rules.md from scratch
def rederive(
    truth: dict[str, Any], vendor: dict[int, ReadLine], psa: dict[int, ReadLine]
) -> set[tuple[Any, ...]]:
    """rules.md applied to what the files say, with only row labels taken from the truth."""
    sides: dict[str, dict[tuple[str, str], list[tuple[Fraction, Fraction, int]]]] = {
        "vendor": defaultdict(list),
        "psa": defaultdict(list),
    }
    for side, read in (("vendor", vendor), ("psa", psa)):
        for row_key, label in truth["rows"][side].items():
            if label["role"] not in {"licence", "credit"}:
                continue
            line = read[int(row_key)]
            monthly = Fraction(line.unit) / (12 if line.annual else 1)
            sides[side][(label["client"], label["product"])].append(
                (Fraction(line.qty), monthly, int(row_key))
            )

    def totals(lines: list[tuple[Fraction, Fraction, int]]) -> tuple[Fraction, Fraction]:
        q = sum((x[0] for x in lines), Fraction(0))
        return q, (sum((x[0] * x[1] for x in lines), Fraction(0)) / q if q else Fraction(0))

    prices: dict[str, list[Fraction]] = defaultdict(list)
    for (_client, product), lines in sides["psa"].items():
        q, p = totals(lines)
        if q > 0:
            prices[product].append(p)
    found: set[tuple[Any, ...]] = set()

    def cents(x: Fraction) -> str:
        with localcontext() as ctx:
            ctx.prec = 60
            d = Decimal(x.numerator) / Decimal(x.denominator)
        return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    for key in set(sides["vendor"]) | set(sides["psa"]):
        vq, c = totals(sides["vendor"].get(key, []))
        pq, p = totals(sides["psa"].get(key, []))
        rows = (
            tuple(sorted(x[2] for x in sides["vendor"].get(key, []))),
            tuple(sorted(x[2] for x in sides["psa"].get(key, []))),
        )
        if vq > 0 and pq <= 0:
            ps = sorted(prices.get(key[1], []))
            n = len(ps)
            med = (ps[n // 2] if n % 2 else (ps[n // 2 - 1] + ps[n // 2]) / 2) if n else c
            found.add(("unbilled", *key, cents(vq * med), *rows))
        elif pq > 0 and vq <= 0:
            found.add(("no_vendor_record", *key, cents(pq * p), *rows))
        elif vq > 0 and pq > 0:
            if vq > pq:
                found.add(("under_billed", *key, cents((vq - pq) * p), *rows))
            if pq > vq:
                found.add(("over_billed", *key, cents((pq - vq) * p), *rows))
            if p < c:
                found.add(("below_cost", *key, cents((c - p) * min(vq, pq)), *rows))
    return found


def truth_set(truth: dict[str, Any]) -> set[tuple[Any, ...]]:
    return {
        (
            f["type"],
            f["client"],
            f["product"],
            f["monthly_impact"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
        )
        for f in truth["findings"]
    }


def case(
    tmp: Path, vendor: str, psa: str, seed: int = 3, clients: int = 60, perturb: bool = True
) -> dict[str, Any]:
    path = generate_case(
        tmp / f"{vendor}-{psa}-{seed}-{clients}-{perturb}", seed, vendor, psa, clients, perturb
    )
    truth: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    truth["_dir"] = path.parent
    return truth


def read_both(truth: dict[str, Any]) -> tuple[dict[int, ReadLine], dict[int, ReadLine]]:
    d: Path = truth["_dir"]
    vendor = read_lines(
        d / truth["vendor_file"],
        VENDOR_SPECS[truth["vendor_format"]],
        truth["vendor_sheet"],
        {int(r) for r in truth["rows"]["vendor"]},
    )
    psa = read_lines(
        d / truth["psa_file"],
        PSA_SPECS[truth["psa_format"]],
        truth["psa_sheet"],
        {int(r) for r in truth["rows"]["psa"]},
    )
    return vendor, psa


# ---------------------------------------------------------------- the tests
def test_interface() -> None:
    assert len(VENDOR_FORMATS) >= 8 and len(PSA_FORMATS) >= 8
    assert set(VENDOR_SPECS) == set(VENDOR_FORMATS) and set(PSA_SPECS) == set(PSA_FORMATS)


@pytest.mark.parametrize(("vendor", "psa"), PAIRS)
def test_truth_rederived_from_rendered_files(tmp_path: Path, vendor: str, psa: str) -> None:
    truth = case(tmp_path, vendor, psa)
    v, p = read_both(truth)
    assert rederive(truth, v, p) == truth_set(truth)


def test_truth_rederived_on_every_pair_small(tmp_path: Path) -> None:
    for vendor in VENDOR_FORMATS:
        for psa in PSA_FORMATS:
            truth = case(tmp_path, vendor, psa, seed=11, clients=25)
            v, p = read_both(truth)
            assert rederive(truth, v, p) == truth_set(truth), (vendor, psa)


def _fold(text: str) -> str:
    """Accents off (NFKD, and the letters NFKD keeps), case off, spaces squeezed."""
    special = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d"})
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(special))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@pytest.mark.parametrize(("vendor", "psa"), PAIRS)
@pytest.mark.parametrize("perturb", [True, False])
def test_rows_point_at_right_client_and_product(
    tmp_path: Path, vendor: str, psa: str, perturb: bool
) -> None:
    truth = case(tmp_path, vendor, psa, perturb=perturb)
    v, p = read_both(truth)
    for row, label in truth["rows"]["vendor"].items():
        line = v[int(row)]
        assert _fold(line.client) == _fold(label["client"]), (row, line.client, label)
        assert _fold(label["product"]) in _fold(line.product), (row, line.product, label)
    shown: dict[str, set[str]] = defaultdict(set)
    for row, label in truth["rows"]["psa"].items():
        line = p[int(row)]
        shown[label["client"]].add(line.client)
        if not perturb:
            assert line.client == label["client"]
            assert label["product"] in line.product, (row, line.product, label)
        elif not set(label["classes"]) & {
            "typo",
            "case_punct",
            "abbreviation",
            "brand_dropped",
            "bare_plan",
            "renamed",
            "in_house",
        }:
            assert _fold(label["product"]) in _fold(line.product), (row, line.product, label)
    # one PSA spelling per customer, never shared by two customers
    assert all(len(names) == 1 for names in shown.values())
    spellings = [next(iter(names)) for names in shown.values()]
    assert len(spellings) == len(set(spellings))


@pytest.mark.parametrize(("vendor", "psa"), PAIRS)
def test_metamorphic_clean_and_perturbed_have_same_findings(
    tmp_path: Path, vendor: str, psa: str
) -> None:
    def key(t: dict[str, Any]) -> set[tuple[str, str, str, str]]:
        return {(f["type"], f["client"], f["product"], f["monthly_impact"]) for f in t["findings"]}

    noisy = case(tmp_path, vendor, psa, perturb=True)
    clean = case(tmp_path, vendor, psa, perturb=False)
    assert key(noisy) == key(clean)
    assert all(f["classes"] == [] for f in clean["findings"])
    assert all(
        r["classes"] == [] for side in ("vendor", "psa") for r in clean["rows"][side].values()
    )


def _digest(directory: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(directory.iterdir()):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def test_deterministic_bytes(tmp_path: Path) -> None:
    for vendor, psa in PAIRS:
        a = generate_case(tmp_path / "a" / vendor / psa, 5, vendor, psa, 40).parent
        b = generate_case(tmp_path / "b" / vendor / psa, 5, vendor, psa, 40).parent
        assert _digest(a) == _digest(b), (vendor, psa)


def test_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    script = (
        "import sys, json, hashlib; from pathlib import Path; from bench.independent_g import *\n"
        "h = hashlib.sha256()\n"
        "for v, p in json.loads(sys.argv[2]):\n"
        "    d = generate_case(Path(sys.argv[1]) / v / p, 9, v, p, 50).parent\n"
        "    for f in sorted(d.iterdir()): h.update(f.read_bytes())\n"
        "print(h.hexdigest())\n"
    )
    digests = set()
    for hash_seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        result = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / hash_seed), json.dumps(PAIRS)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


@pytest.mark.parametrize(("vendor", "psa"), PAIRS)
def test_every_file_rereads_with_pandas(tmp_path: Path, vendor: str, psa: str) -> None:
    truth = case(tmp_path, vendor, psa)
    d: Path = truth["_dir"]
    for side in ("vendor", "psa"):
        path = d / truth[f"{side}_file"]
        spec = (VENDOR_SPECS if side == "vendor" else PSA_SPECS)[truth[f"{side}_format"]]
        sheet = truth[f"{side}_sheet"]
        if path.suffix == ".csv":
            frame = pd.read_csv(path, sep=spec.delimiter, encoding=spec.encoding, dtype=str)
            frames = [frame]
        elif path.suffix == ".xlsx":
            frames = [
                pd.read_excel(path, sheet_name=sheet, header=None, engine=e)
                for e in ("openpyxl", "calamine")
            ]
        else:
            frames = [pd.read_excel(path, sheet_name=sheet, header=None, engine="calamine")]
        labelled = max(int(r) for r in truth["rows"][side])
        for frame in frames:
            assert len(frame) + 1 >= labelled - 5  # every labelled row is in the frame
        if len(frames) == 2:
            assert frames[0].shape == frames[1].shape


def test_speed_300_clients(tmp_path: Path) -> None:
    import time

    worst = 0.0
    for vendor, psa in PAIRS[:4]:
        start = time.perf_counter()
        generate_case(tmp_path / vendor / psa, 1, vendor, psa, 300)
        worst = max(worst, time.perf_counter() - start)
    assert worst < 2.0  # on a shared 2-core machine; typically 0.3-0.8 s


# ---------------------------------------------------------------- a hand-computed case
def _hand_scenario() -> Scenario:
    def client(key: int, name: str) -> Client:
        return Client(key, name, "AU", "Pty Ltd", f"c{key}.onmicrosoft.com", 10, "normal")

    clients = [client(0, "Alpha Pty Ltd"), client(1, "Bravo Pty Ltd"), client(2, "Charlie Pty Ltd")]
    s, e = date(2026, 9, 1), date(2026, 9, 30)

    def v(
        c: int, product: str, qty: int, unit: str, billing: str = "monthly", role: str = "licence"
    ) -> VendorLine:
        return VendorLine(
            c,
            product,
            qty,
            Decimal(unit),
            "P1Y" if billing == "annual" else "P1M",
            billing,
            role,
            f"sub-{c}-{product}-{qty}",
            s,
            e,
            "cycle",
        )

    def p(
        c: int,
        product: str,
        qty: int,
        unit: str,
        billing: str = "monthly",
        role: str = "licence",
        cancelled: date | None = None,
    ) -> PsaLine:
        return PsaLine(
            c, product, qty, Decimal(unit), billing, role, product, product, [], cancelled
        )

    vendor = [
        v(0, "bp", 10, "20.00"),
        v(0, "bp", -2, "20.00", role="credit"),
        v(0, "copilot", 3, "300.00", "annual"),
        v(0, "exo1", 1, "40.14", "annual"),
        v(1, "bp", 5, "20.00"),
        v(1, "teams_ess", 2, "3.60"),
        v(1, "teams_expl", 10, "0", role="free"),
    ]
    psa = [
        p(0, "bp", 6, "26.00"),
        p(0, "copilot", 3, "24.00"),
        p(0, "exo1", 1, "3.00"),
        p(0, "Managed Services - per user", 10, "45.00", role="service"),
        p(0, "bp", 3, "26.00", role="cancelled", cancelled=date(2026, 8, 31)),
        p(1, "teams_ess", 3, "5.00"),
        p(2, "bp", 4, "27.00"),
        p(2, "bp", 1, "300.00", "annual"),
    ]
    for line in psa:
        if line.role != "service":
            from bench.independent_g.catalog import BY_KEY

            line.clean = line.text = BY_KEY[line.product].name
    names = {c.key: (c.name, "untouched") for c in clients}
    return Scenario(0, "GBP", clients, names, {0, 1}, {0, 1, 2}, vendor, psa)


@pytest.mark.parametrize("psa_format", ["ninjaone_csv", "msp_workbook_xlsx", "sevdesk_de_csv"])
def test_impacts_exact_on_hand_computed_case(tmp_path: Path, psa_format: str) -> None:
    scn = _hand_scenario()
    vendor = VENDOR["softcat_uk_xlsx"].render(scn, False, tmp_path)
    psa = PSA[psa_format].render(scn, False, tmp_path)
    _, _, found = truth_of(scn, vendor, psa, False)
    got = {(f["type"], f["client"], f["product"], f["monthly_impact"]) for f in found}
    assert got == {
        # 10 - 2 credited = 8 seats, 6 billed at 26.00
        ("under_billed", "Alpha Pty Ltd", "Microsoft 365 Business Premium", "52.00"),
        # annual 300.00 / 12 = 25.00 cost, billed 24.00, 3 seats
        ("below_cost", "Alpha Pty Ltd", "Microsoft 365 Copilot", "3.00"),
        # 40.14 / 12 = 3.345 cost, billed 3.00: 0.345 rounds half-up to 0.35
        ("below_cost", "Alpha Pty Ltd", "Exchange Online (Plan 1)", "0.35"),
        # median of Alpha 26.00 and Charlie (4 x 27 + 25) / 5 = 26.60 -> 26.30, x 5 seats
        ("unbilled", "Bravo Pty Ltd", "Microsoft 365 Business Premium", "131.50"),
        ("over_billed", "Bravo Pty Ltd", "Microsoft Teams Essentials", "5.00"),
        ("no_vendor_record", "Charlie Pty Ltd", "Microsoft 365 Business Premium", "133.00"),
    }


def test_120_clients_carry_every_type_trap_and_class(tmp_path: Path) -> None:
    truth = case(tmp_path, "softcat_uk_xlsx", "ninjaone_csv", seed=1, clients=120)
    types = {f["type"] for f in truth["findings"]}
    assert types == {"unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"}
    classes = {c for f in truth["findings"] for c in f["classes"]}
    for cls in (
        "typo",
        "case_punct",
        "abbreviation",
        "extra_words",
        "renamed",
        "in_house",
        "bare_plan",
        "brand_dropped",
        "note",
        "foreign_words",
        "legal_suffix_typo",
        "legal_suffix_dropped",
        "untouched",
        "branch_suffix",
    ):
        assert cls in classes, cls
    roles = {r["role"] for side in ("vendor", "psa") for r in truth["rows"][side].values()}
    assert roles == {"licence", "credit", "free", "service", "cancelled"}
    names = {r["client"] for r in truth["rows"]["vendor"].values()}
    assert any(
        "Dental Lab" in n
        or "Medical Imaging" in n
        or "Holdings Trading" in n
        or "Property Sales" in n
        or "Veterinary Clinic" in n
        or "Freight Brokers" in n
        or "Accounting Payroll" in n
        for n in names
    )
    products_by_client: dict[str, set[str]] = defaultdict(set)
    for r in truth["rows"]["vendor"].values():
        products_by_client[r["client"]].add(r["product"])
    pairs = [
        ("Exchange Online (Plan 1)", "Exchange Online (Plan 2)"),
        ("Visio Plan 1", "Visio Plan 2"),
        ("Microsoft 365 Business Basic", "Microsoft 365 Business Premium"),
        ("Microsoft 365 E3", "Microsoft 365 E5 Security"),
        ("Power BI Pro", "Power BI Premium Per User"),
    ]
    assert (
        sum(any(a in ps and b in ps for ps in products_by_client.values()) for a, b in pairs) >= 2
    )


# what each format says about a line's end: (status caption, cancelled values, end-date caption)
STATUS: dict[str, tuple[str, set[str], str]] = {
    "ninjaone_csv": ("Status", {"Cancelled"}, "End Date"),
    "atera_csv": ("Active", {"FALSE"}, "End Date"),
    "sevdesk_de_csv": ("Status", {"Storniert"}, ""),
    "tripletex_no_xlsx": ("Status", {"Avsluttet"}, "Avsluttet dato"),
    "chargebee_csv": ("Status", {"cancelled"}, "Cancelled At"),
    "odoo_xlsx": ("Stage", {"Closed"}, ""),
    "msp_workbook_xlsx": ("", set(), "Cancelled"),
}


def _when(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    raise AssertionError(text)


@pytest.mark.parametrize("psa", sorted(STATUS))
def test_cancelled_rows_read_as_cancelled(tmp_path: Path, psa: str) -> None:
    """rules.md: a PSA line is cancelled when its status says so or its cancelled date is on or
    before the period's first day; a later end date (notice given) is still billed."""
    truth = case(tmp_path, "softcat_uk_xlsx", psa, seed=4, clients=120)
    spec = PSA_SPECS[psa]
    rows = read_rows(truth["_dir"] / truth["psa_file"], spec, truth["psa_sheet"])
    header_at = next(i for i, row in enumerate(rows) if spec.qty in row)
    header = rows[header_at]
    status_col, dead, end_col = STATUS[psa]
    seen_notice = False
    status = ""
    for row_key, label in truth["rows"]["psa"].items():
        row = rows[int(row_key) - 1]
        if status_col:
            value = row[header.index(status_col)]
            status = value or status  # Odoo writes the stage on a subscription's first row
            if value or status_col != "Stage":
                status = value
        ended = _when(row[header.index(end_col)]) if end_col else None
        cancelled = status in dead or (ended is not None and ended <= date(2026, 9, 1))
        assert cancelled == (label["role"] == "cancelled"), (row_key, row, label)
        seen_notice |= ended is not None and ended > date(2026, 9, 1)
    if end_col:
        assert seen_notice


def test_siblings_and_numbered_sites_stay_apart(tmp_path: Path) -> None:
    """Near names are different customers: some sibling pairs sit one on each side only, and
    every sibling or numbered site keeps its own canonical name in the truth."""
    from bench.independent_g.scenario import build

    split = twins = 0
    for seed in (1, 2, 3):
        scn = build(seed, 300, "GBP")
        shown = [name for name, _cls in scn.psa_names.values()]
        assert len(shown) == len(set(shown))  # no two customers share a PSA spelling
        for c in scn.clients:
            if c.kind == "twin" and c.sibling_of >= 0:
                twins += 1
                other = scn.clients[c.sibling_of]
                assert other.name.split()[1:] == c.name.split()[1:] != []
                assert other.name.split()[0] != c.name.split()[0]
            if c.kind == "sibling" and c.sibling_of >= 0:
                first = scn.clients[c.sibling_of]
                assert first.name != c.name
                if first.key in scn.on_vendor - scn.on_psa and c.key in scn.on_psa - scn.on_vendor:
                    split += 1
                if c.key in scn.psa_names and first.key in scn.psa_names:
                    assert scn.psa_names[c.key][0] != scn.psa_names[first.key][0]
    assert split >= 1 and twins >= 1


def test_vague_spellings_are_resolvable_in_context(tmp_path: Path) -> None:
    """A bare plan, in-house name, dropped brand or old name is only typed where a careful
    person can resolve it: the customer is on both sides, the bill has that product for it, and
    it buys no other product of the same family."""
    from bench.independent_g.catalog import PRODUCTS

    family = {p.name: p.family for p in PRODUCTS}
    for seed in (1, 2):
        truth = case(tmp_path, "cdw_ca_csv", "chargebee_csv", seed=seed, clients=200)
        vendor_products: dict[str, set[str]] = defaultdict(set)
        for label in truth["rows"]["vendor"].values():
            if label["role"] != "free":
                vendor_products[label["client"]].add(label["product"])
        all_products: dict[str, set[str]] = defaultdict(
            set, {k: set(v) for k, v in vendor_products.items()}
        )
        for label in truth["rows"]["psa"].values():
            if label["role"] == "licence":
                all_products[label["client"]].add(label["product"])
        checked = 0
        for row, label in truth["rows"]["psa"].items():
            vague = set(label["classes"]) & {"bare_plan", "in_house", "brand_dropped", "renamed"}
            if label["role"] != "licence" or not vague:
                continue
            checked += 1
            assert label["product"] in vendor_products[label["client"]], (row, label)
            same = [
                p
                for p in all_products[label["client"]]
                if p != label["product"] and family[p] == family[label["product"]]
            ]
            assert not same, (row, label, same)
        assert checked > 50


def test_every_class_changes_the_spelling() -> None:
    """A line labelled with a class really is spelled differently from the canonical name."""
    from bench.independent_g.scenario import build

    for seed in (1, 2, 3):
        scn = build(seed, 300, "EUR")
        for line in scn.psa:
            if line.role != "service" and line.classes:
                assert line.text != line.clean, (line.text, line.classes)
        for key, (name, cls) in scn.psa_names.items():
            assert (name == scn.clients[key].name) == (cls == "untouched"), (name, cls)


def test_scenario_structure_does_not_depend_on_currency() -> None:
    from bench.independent_g.scenario import build

    def shape(currency: str) -> list[tuple[int, str, int, str, str]]:
        scn = build(6, 150, currency)
        return [(ln.client, ln.product, ln.qty, ln.role, ln.billing) for ln in scn.vendor] + [
            (ln.client, ln.product, ln.qty, ln.role, ln.text) for ln in scn.psa
        ]

    assert shape("USD") == shape("EUR") == shape("DKK") == shape("CHF")
