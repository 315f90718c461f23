"""Tests of set H's generator: determinism, clean vs perturbed, rows read back independently, and
every impact recomputed from the rendered files with a reader written here (not the generator's).

    /work/venv/bin/python -m pytest bench/independent_h/test_generator.py -q
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
import unicodedata
from collections import Counter, defaultdict
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from bench.independent_h import PSA_FORMATS, VENDOR_FORMATS, generate_case

ROOT = Path(__file__).resolve().parents[2]
DIAGONAL = [(v, PSA_FORMATS[i % len(PSA_FORMATS)]) for i, v in enumerate(VENDOR_FORMATS)]
EXTRA = [(VENDOR_FORMATS[(i * 3 + 1) % len(VENDOR_FORMATS)], p) for i, p in enumerate(PSA_FORMATS)]

# ---------------------------------------------------------------------------------------------
# an independent reader: file -> rows (1-based), per format where the columns are


ENCODINGS = {
    "dustin_underlag.csv": "cp1252",
    "seikyu_meisai.csv": "cp932",
    "fortnox_fakturarader.csv": "latin-1",
}


def _table(path: Path, sheet: str | None = None) -> list[list[str]]:
    data = path.read_bytes()
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = wb[sheet] if sheet else wb.worksheets[-1]
        return [
            ["" if c is None else str(c) for c in row] for row in ws.iter_rows(values_only=True)
        ]
    if path.suffix == ".xls":
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(str(path))
        rows = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
        return [["" if c is None or c == "" else str(c) for c in row] for row in rows]
    if data.startswith(b"\xff\xfe"):
        text, delimiter = data[2:].decode("utf-16-le"), "\t"
    else:
        text = data.decode(ENCODINGS.get(path.name, "utf-8-sig"))
        first = text.split("\n", 4)
        delimiter = (
            ";" if sum(x.count(";") for x in first) > sum(x.count(",") for x in first) else ","
        )
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


# (sheet, client, product, qty, unit, discount, (annual column, value) or ("text", word),
#  (status column, cancelled value), decimal mark, group-row client pattern)
VSPEC: dict[str, tuple[Any, ...]] = {
    "softwareone_pyracloud": (
        "Billing Details",
        "Customer",
        "Product",
        "Quantity",
        "Unit Price (Partner)",
        ("Billing Frequency", "Annual"),
        ".",
    ),
    "dustin_se": (None, "Kundnamn", "Benämning", "Antal", "À-pris", ("Fakturering", "Årsvis"), ","),
    "bechtle_de": (
        "Positionen",
        "Kunde",
        "Artikelbezeichnung",
        "Menge",
        "EK-Preis",
        ("Abrechnung", "jährlich"),
        ",",
    ),
    "redington_in": (
        None,
        "End Customer Name",
        "Product Description",
        "Qty",
        "Unit Rate (INR)",
        ("Billing Cycle", "ANNUAL"),
        ".",
    ),
    "brazil_distribuidor": (
        None,
        "Cliente",
        "Produto",
        "Quantidade",
        "Valor unitário",
        ("Periodicidade", "Anual"),
        ",",
    ),
    "japan_yen_cp932": (
        None,
        "顧客名",
        "商品名",
        "数量",
        "仕入単価",
        ("請求サイクル", "年次"),
        ".",
    ),
    "excel_unicode_text": (
        None,
        "Customer",
        "Service",
        "Quantity",
        "Unit Cost",
        ("Frequency", "Annual"),
        ".",
    ),
    "partner_center_recon_2026": (
        None,
        "CustomerName",
        "ProductName",
        "BillableQuantity",
        "Subtotal",  # a line total in the bill's currency (EffectiveUnitPrice is in USD)
        ("BillingFrequency", "Annual"),
        ".",
        "total",
    ),
    "sherweb_fr_ca": (
        None,
        "Client",
        "Nom du produit",
        "Quantité",
        "Coût unitaire",
        ("Facturation", "Annuelle"),
        ",",
    ),
    "msp_consolidated": (
        "All bills",
        "Customer",
        "Product",
        "Qty",
        "Unit Cost",
        ("Billing", "Annual"),
        ".",
    ),
}
PSPEC: dict[str, tuple[Any, ...]] = {
    "freeagent_uk": (
        None,
        "Contact",
        "Description",
        "Quantity",
        "Price",
        None,
        ("text", "(annual,"),
        ("Status", "Cancelled"),
        ".",
        None,
    ),
    "fortnox_se": (
        None,
        "Kundnamn",
        "Benämning",
        "Antal",
        "À-pris",
        "Rabatt %",
        ("text", "årslicens"),
        ("Makulerad", "Ja"),
        ",",
        None,
    ),
    "economic_dk": (
        "Fakturalinjer",
        None,
        "Varenavn",
        "Antal",
        "Stk. pris",
        "Rabat %",
        ("text", "(årsabonnement)"),
        ("Status", "Krediteret"),
        ".",
        r"^Kunde \d+ - (.*)$",
    ),
    "moneybird_nl": (
        None,
        "Contact",
        "Omschrijving",
        "Aantal",
        "Prijs",
        "Korting",
        ("text", "(jaarlicentie)"),
        ("Status", "Gecrediteerd"),
        ",",
        None,
    ),
    "pennylane_fr": (
        "Lignes de factures",
        "Client",
        "Libellé",
        "Quantité",
        "Prix unitaire HT",
        "Remise (%)",
        ("Périodicité", "Annuelle"),
        ("Statut", "Annulée"),
        ".",
        None,
    ),
    "zuora_subscriptions": (
        None,
        "Account.Name",
        "RatePlan.Name",
        "RatePlanCharge.Quantity",
        "RatePlanChargeTier.Price",
        None,
        ("RatePlanCharge.BillingPeriod", "Annual"),
        ("Subscription.Status", "Cancelled"),
        ".",
        None,
    ),
    "invoice_ninja": (
        None,
        "Client Name",
        "Item Product",
        "Item Quantity",
        "Item Cost",
        "Item Discount",
        ("Frequency", "Annually"),
        ("Status", "Cancelled"),
        ".",
        None,
    ),
    "sap_business_one": (
        "INV1",
        "CardName",
        "Dscription",
        "Quantity",
        "PriceBefDi",
        "DiscPrcnt",
        ("U_Intervall", "jährlich"),
        ("CANCELED", "Y"),
        ".",
        None,
    ),
    "tally_prime_in": (
        None,
        None,
        "Particulars",
        "Quantity",
        "Rate",
        None,
        ("text", "- Annual Subscription"),
        ("Status", "Cancelled"),
        ".",
        "voucher",
    ),
    "recurly_subscriptions": (
        None,
        "account_company_name",
        "plan_name",
        "subscription_quantity",
        "subscription_unit_amount_in_cents",
        None,
        ("plan_interval_length", "12"),
        ("subscription_state", "expired"),
        ".",
        None,
        "minor units",
    ),
}


def _number(text: str, dec: str) -> Fraction:
    """Any of the notations used: 1.234,56 € / R$ -1.234,56 / (1,23,456.78) / ▲￥1,234 / '22.000…"""
    t = str(text).strip().lstrip("'")
    negative = (t.startswith("(") and t.endswith(")")) or "▲" in t or "-" in t
    t = t.split("/")[0]
    t = re.sub(r"[^0-9,.]", "", t)
    t = t.replace(".", "").replace(",", ".") if dec == "," else t.replace(",", "")
    value = Fraction(t) if t else Fraction(0)
    return -value if negative else value


def _header_index(rows: list[list[str]], name: str) -> int:
    for i, row in enumerate(rows):
        if name in row:
            return i
    raise AssertionError(f"no header with {name!r}")


def read_lines(path: Path, spec: tuple[Any, ...], side: str) -> dict[int, dict[str, Any]]:
    """row number -> {client, product, qty, unit (monthly Fraction), cancelled} for every line."""
    per_line = minor_units = False
    if side == "vendor":
        sheet, client, product, qty, unit, annual, dec, *rest = spec
        per_line = rest == ["total"]
        discount, status, group = None, None, None
    else:
        sheet, client, product, qty, unit, discount, annual, status, dec, group, *rest = spec
        minor_units = rest == ["minor units"]
    rows = _table(path, sheet)
    h = _header_index(rows, qty)
    head = rows[h]
    col = {name: head.index(name) for name in head if name}
    out: dict[int, dict[str, Any]] = {}
    group_client, group_dead = "", False
    for number, row in enumerate(rows[h + 1 :], h + 2):
        row = row + [""] * (len(head) - len(row))
        if row[col[qty]] == qty:
            continue  # a header repeated mid-file
        q_text = str(row[col[qty]]).strip().lstrip("'")
        if group == "voucher" and row[col["Voucher Type"]] == "Sales":
            group_client, group_dead = row[col["Particulars"]], row[col["Status"]] == "Cancelled"
            continue
        if group and group != "voucher" and row[0] and re.match(group, row[0]):
            group_client = re.match(group, row[0]).group(1)  # type: ignore[union-attr]
            continue
        m = re.match(r"^\(?(-?\d+)(?:[.,]0+)?\)?", q_text)
        if not q_text or not m:
            continue
        quantity = int(m.group(1)) * (-1 if q_text.startswith("(") else 1)
        price = _number(row[col[unit]], dec)
        if per_line:
            price /= quantity
        if minor_units and row[col["currency"]] != "JPY":
            price /= 100
        if discount and str(row[col[discount]]).strip() not in ("", "0", "None"):
            pct = _number(str(row[col[discount]]).replace("%", ""), dec)
            price = price * (100 - pct) / 100
        text = row[col[product]]
        if annual[0] == "text":
            is_annual = annual[1] in text
        else:
            is_annual = str(row[col[annual[0]]]) == annual[1]
        if is_annual:
            price /= 12
        cancelled = (
            group_dead if group == "voucher" else bool(status and row[col[status[0]]] == status[1])
        )
        out[number] = {
            "client": row[col[client]] if client else group_client,
            "product": text,
            "qty": quantity,
            "unit": price,
            "cancelled": cancelled,
        }
    return out


def recompute(
    truth: dict[str, Any], vendor: dict[int, dict[str, Any]], psa: dict[int, dict[str, Any]]
) -> Counter[tuple[str, str, str, str]]:
    """rules.md again, from rendered numbers and the truth's row roles."""
    vq: dict[tuple[str, str], int] = defaultdict(int)
    vc: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    pq: dict[tuple[str, str], int] = defaultdict(int)
    pa: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    for r, info in truth["rows"]["vendor"].items():
        if info["role"] in ("licence", "credit"):
            k = (info["client"], info["product"])
            vq[k] += vendor[int(r)]["qty"]
            vc[k] += vendor[int(r)]["qty"] * vendor[int(r)]["unit"]
    for r, info in truth["rows"]["psa"].items():
        if info["role"] == "licence":
            k = (info["client"], info["product"])
            pq[k] += psa[int(r)]["qty"]
            pa[k] += psa[int(r)]["qty"] * psa[int(r)]["unit"]
    by_product: dict[str, list[Fraction]] = defaultdict(list)
    for k, q in pq.items():
        if q > 0:
            by_product[k[1]].append(pa[k] / q)

    def cents(x: Fraction) -> str:
        c = int((x * 100 + Fraction(1, 2)) // 1)
        return f"{c // 100}.{c % 100:02d}"

    out: Counter[tuple[str, str, str, str]] = Counter()
    for k in set(vq) | set(pq):
        v, p = vq.get(k, 0), pq.get(k, 0)
        if v > 0 and p <= 0:
            prices = sorted(by_product.get(k[1], []))
            if prices:
                n = len(prices)
                median = prices[n // 2] if n % 2 else (prices[n // 2 - 1] + prices[n // 2]) / 2
            else:
                median = vc[k] / v
            out[("unbilled", *k, cents(v * median))] += 1
        elif p > 0 and v <= 0:
            out[("no_vendor_record", *k, cents(pa[k]))] += 1
        elif v > 0 and p > 0:
            price, cost = pa[k] / p, vc[k] / v
            if v != p:
                out[
                    ("under_billed" if v > p else "over_billed", *k, cents(abs(v - p) * price))
                ] += 1
            if price < cost:
                out[("below_cost", *k, cents((cost - price) * min(v, p)))] += 1
    return out


def _truth(
    folder: Path, v: str, p: str, perturb: bool, seed: int = 3, clients: int = 120
) -> dict[str, Any]:
    path = generate_case(
        folder, seed=seed, vendor_format=v, psa_format=p, clients=clients, perturb=perturb
    )
    truth: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return truth


def _fold(text: str) -> str:
    table = str.maketrans(
        {
            "ø": "o",
            "æ": "ae",
            "ß": "ss",
            "ł": "l",
            "đ": "d",
            "ð": "d",
            "þ": "th",
            "œ": "oe",
            "ı": "i",
        }
    )
    text = unicodedata.normalize("NFKD", text.casefold().translate(table))
    return "".join(ch for ch in text if ch.isalnum())


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("v,p", DIAGONAL + EXTRA)
def test_impacts_recomputed_from_rendered_files(tmp_path: Path, v: str, p: str) -> None:
    truth = _truth(tmp_path, v, p, perturb=True)
    vendor = read_lines(tmp_path / truth["vendor_file"], VSPEC[v], "vendor")
    psa = read_lines(tmp_path / truth["psa_file"], PSPEC[p], "psa")
    assert set(vendor) == {int(r) for r in truth["rows"]["vendor"]}, "vendor line rows"
    assert set(psa) == {int(r) for r in truth["rows"]["psa"]}, "PSA line rows"
    for r, info in truth["rows"]["psa"].items():
        assert psa[int(r)]["cancelled"] == (info["role"] == "cancelled"), r
    for r, info in truth["rows"]["vendor"].items():
        assert (vendor[int(r)]["unit"] == 0) == (info["role"] == "free"), r
        assert (vendor[int(r)]["qty"] < 0) == (info["role"] == "credit"), r
    expected = Counter(
        (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in truth["findings"]
    )
    assert recompute(truth, vendor, psa) == expected
    for f in truth["findings"]:  # the finding's rows are exactly its licence rows
        for side in ("vendor", "psa"):
            rows = {
                int(r)
                for r, i in truth["rows"][side].items()
                if i["client"] == f["client"]
                and i["product"] == f["product"]
                and i["role"] in ("licence", "credit")
            }
            assert set(f[f"{side}_rows"]) == rows


@pytest.mark.parametrize("v,p", DIAGONAL)
def test_clean_rows_name_their_client_and_product(tmp_path: Path, v: str, p: str) -> None:
    truth = _truth(tmp_path, v, p, perturb=False)
    vendor = read_lines(tmp_path / truth["vendor_file"], VSPEC[v], "vendor")
    psa = read_lines(tmp_path / truth["psa_file"], PSPEC[p], "psa")
    for side, lines in (("vendor", vendor), ("psa", psa)):
        for r, info in truth["rows"][side].items():
            line = lines[int(r)]
            assert _fold(line["client"]) == _fold(info["client"]), (side, r, line["client"], info)
            assert _fold(info["product"]) in _fold(line["product"]), (
                side,
                r,
                line["product"],
                info,
            )
    assert all(not f["classes"] for f in truth["findings"])


def _key(truth: dict[str, Any]) -> Counter[tuple[str, str, str, str]]:
    return Counter(
        (f["type"], f["client"], f["product"], f["monthly_impact"]) for f in truth["findings"]
    )


@pytest.mark.parametrize("v,p", DIAGONAL)
def test_clean_and_perturbed_have_the_same_findings(tmp_path: Path, v: str, p: str) -> None:
    a = _truth(tmp_path / "a", v, p, perturb=True)
    b = _truth(tmp_path / "b", v, p, perturb=False)
    assert _key(a) == _key(b)
    assert any(f["classes"] for f in a["findings"])


def test_every_pair_generates(tmp_path: Path) -> None:
    for v in VENDOR_FORMATS:
        for p in PSA_FORMATS:
            truth = _truth(tmp_path / f"{v}-{p}", v, p, perturb=True, seed=2, clients=60)
            assert truth["findings"], (v, p)


def test_finding_types_and_classes_are_varied(tmp_path: Path) -> None:
    truth = _truth(tmp_path, "partner_center_recon_2026", "freeagent_uk", True, seed=1, clients=300)
    types = Counter(f["type"] for f in truth["findings"])
    assert set(types) == {
        "unbilled",
        "no_vendor_record",
        "under_billed",
        "over_billed",
        "below_cost",
    }
    classes = Counter(c for r in truth["rows"]["psa"].values() for c in r["classes"])
    assert len(classes) >= 20, classes
    roles = Counter(r["role"] for side in ("vendor", "psa") for r in truth["rows"][side].values())
    assert {"licence", "credit", "free", "service", "cancelled"} <= set(roles)


@pytest.mark.parametrize("v,p", DIAGONAL)
def test_spellings_never_collide(v: str, p: str) -> None:
    """No two customers share a PSA spelling or a vendor spelling (perturbed or not)."""
    from bench.independent_h import build

    for perturb in (True, False):
        sc = build(6, v, p, 300, perturb)
        assert len(set(sc.client_names)) == len(sc.client_names)
        assert len({n.casefold() for n in sc.vendor_names}) == len(sc.vendor_names)


def test_siblings_and_sites_are_separate_clients(tmp_path: Path) -> None:
    truth = _truth(tmp_path, "bechtle_de", "pennylane_fr", True, seed=5, clients=300)
    clients = {r["client"] for side in ("vendor", "psa") for r in truth["rows"][side].values()}
    assert any(re.search(r"Store \d+", c) for c in clients)
    assert any(
        "Dental Lab" in c or "Services" in c or "Advisory" in c or "Hospital" in c for c in clients
    )


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.iterdir()):
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()


def test_deterministic_under_any_hash_seed(tmp_path: Path) -> None:
    script = (
        "import sys, hashlib; from pathlib import Path; from bench.independent_h import generate_case\n"
        "out = Path(sys.argv[1])\n"
        "for v, p in [('softwareone_pyracloud', 'economic_dk'), ('msp_consolidated', 'tally_prime_in'),"
        " ('japan_yen_cp932', 'sap_business_one'), ('partner_center_recon_2026', 'fortnox_se')]:\n"
        "    generate_case(out / (v + p), seed=4, vendor_format=v, psa_format=p, clients=80)\n"
    )
    digests = []
    for n, hashseed in enumerate(("0", "1", "12345")):
        out = tmp_path / str(n)
        env = dict(os.environ, PYTHONHASHSEED=hashseed, PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env, cwd=ROOT)
        digests.append(sorted(_digest(d) for d in out.iterdir()))
    assert digests[0] == digests[1] == digests[2]


def test_300_clients_well_under_two_seconds(tmp_path: Path) -> None:
    worst = 0.0
    for v, p in DIAGONAL:
        start = time.perf_counter()
        generate_case(tmp_path / v, seed=9, vendor_format=v, psa_format=p, clients=300)
        worst = max(worst, time.perf_counter() - start)
    assert worst < 1.5, worst
