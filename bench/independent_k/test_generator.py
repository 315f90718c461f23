"""Tests of set K: the truth is re-computed from the rendered files with independent readers
(csv module, openpyxl, python-calamine), never from the generator's own objects."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
from fractions import Fraction as F
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from bench.independent_k import PSA_FORMATS, VENDOR_FORMATS, generate_case

ROOT = Path(__file__).resolve().parents[2]
TYPES = {"unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"}


# ---------------------------------------------------------------- independent readers
def dec(s, comma=False) -> F:
    s = str(s).strip().replace("\u00a0", "").replace(" ", "")
    s = re.sub(r"^[^\d\-]+|[^\d]+$", "", s)  # currency sign before or after
    s = s.replace(".", "").replace(",", ".") if comma else s.replace(",", "")
    return F(s)


def csv_records(path, enc, delim=","):
    with open(path, encoding=enc, newline="") as f:
        recs = list(csv.reader(f, delimiter=delim))
    return recs


def by_header(recs, hdr_row=1):
    hdr = recs[hdr_row - 1]
    return {i + 1: dict(zip(hdr, r, strict=False)) for i, r in enumerate(recs) if i + 1 > hdr_row}


def calamine_rows(path, sheet):
    wb = CalamineWorkbook.from_path(str(path))
    return wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def sheet_by_header(rows, hdr_row):
    hdr = [str(x) for x in rows[hdr_row - 1]]
    return {i + 1: dict(zip(hdr, r, strict=False)) for i, r in enumerate(rows) if i + 1 > hdr_row}


def openpyxl_rows(path, sheet):
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [[c.value for c in row] for row in ws.iter_rows()]


# each reader: file -> {row: (client cell, product cell, qty, monthly unit)}
def v_td(p):
    d = sheet_by_header(openpyxl_rows(p, "Invoice Detail"), 6)
    return {
        r: (
            x["End Customer Name"],
            x["Product Description"],
            int(x["Quantity"]),
            dec(x["Unit Cost"]) / (12 if x["Billing Frequency"] == "Annual" else 1),
        )
        for r, x in d.items()
        if x.get("Quantity") is not None
    }


def v_cloudblue(p):
    d = by_header(csv_records(p, "utf-8"))
    return {
        r: (
            x["Customer Name"],
            x["Item Name"],
            int(x["Quantity"]),
            dec(x["Unit Cost"]) / (12 if x["Item Period"] == "Yearly" else 1),
        )
        for r, x in d.items()
    }


def v_pax8uk(p):
    d = sheet_by_header(calamine_rows(p, "Invoice"), 5)
    out, cur = {}, None
    for r, x in d.items():
        if x["Company"] and x["Qty"] in ("", None):
            cur = x["Company"]
            continue
        if x["Qty"] in ("", None):
            continue
        out[r] = (
            cur,
            x["Product"],
            int(x["Qty"]),
            dec(x["Unit Price"]) / (12 if "billed annually" in x["Term"] else 1),
        )
    return out


def v_alsonl(p):
    d = by_header(csv_records(p, "cp1252", ";"))
    return {
        r: (
            x["Klantnaam"],
            x["Omschrijving"],
            int(x["Aantal"]),
            dec(x["Eenheidsprijs"], True)
            * (1 - dec(x["Korting %"], True) / 100)
            / (12 if x["Facturatie"] == "jaarlijks" else 1),
        )
        for r, x in d.items()
    }


def v_nuvias(p):
    d = sheet_by_header(openpyxl_rows(p, "Detail"), 1)
    return {
        r: (
            x["End User"],
            x["Description"],
            int(x["Qty"]),
            dec(x["Unit Net £"]) / (12 if x["Billing"].startswith("Annual") else 1),
        )
        for r, x in d.items()
    }


def v_abpl(p):
    d = by_header(csv_records(p, "cp1250", ";"))
    return {
        r: (
            x["Nazwa kontrahenta"],
            x["Nazwa produktu"],
            int(x["Ilość"]),
            dec(x["Cena netto"], True) / (12 if x["Okres rozliczeniowy"] == "roczny" else 1),
        )
        for r, x in d.items()
    }


def v_pivot(p):
    d = sheet_by_header(calamine_rows(p, "Pivot"), 4)
    out, cur = {}, None
    for r, x in d.items():
        if x["Customer"] and not x["Product"]:
            continue  # subtotal / grand total
        if x["Customer"]:
            cur = x["Customer"]
        if not x["Product"]:
            continue
        out[r] = (
            cur,
            x["Product"],
            int(x["Nov 2026"]),
            dec(x["Unit Cost"]) / (12 if x["Billing"] == "Annual" else 1),
        )
    return out


def v_telstra(p):
    d = by_header(csv_records(p, "utf-8"))
    out = {}
    for r, x in d.items():
        m = re.search(r"^(.*) \((\d+) licences? @ \$([\d,]+\.\d\d)\)", x["Charge Description"])
        q = int(m.group(2)) * (-1 if x["Charge Description"].startswith("Credit") else 1)
        out[r] = (
            x["Organisation"],
            m.group(1),
            q,
            dec(m.group(3)) / (12 if "Annual charge" in x["Charge Description"] else 1),
        )
    return out


def p_atera(p):
    d = by_header(csv_records(p, "utf-8"))
    return {
        r: (
            x["Customer Name"],
            x["Product/Rate"],
            int(x["Quantity"]),
            dec(x["Rate"]) / (12 if x["Billing Period"] == "Yearly" else 1),
        )
        for r, x in d.items()
    }


def p_ninja(p):
    d = by_header(csv_records(p, "utf-8"))
    return {
        r: (
            x["Organization"],
            x["Item Name"],
            int(x["Quantity"]),
            dec(x["Unit Price"])
            * (1 - dec(x["Discount %"]) / 100)
            / (12 if "2027" in x["Billing Period"] else 1),
        )
        for r, x in d.items()
    }


def p_chargebee(p):
    d = by_header(csv_records(p, "utf-8"))
    return {
        r: (
            x["Customer Company"],
            x["Line Item Description"],
            int(x["Line Item Quantity"]),
            (dec(x["Line Item Amount"]) - dec(x["Line Item Discount Amount"]))
            / int(x["Line Item Quantity"])
            / (12 if x["Line Item Date To"] > "2027" else 1),
        )
        for r, x in d.items()
    }


def p_stripe(p):
    d = by_header(csv_records(p, "utf-8"))
    out = {}
    for r, x in d.items():
        m = re.match(r"^\d+ × (.*) \(at ", x["Description"])
        out[r] = (
            x["Customer Name"],
            m.group(1),
            int(x["Quantity"]),
            dec(x["Unit Amount"]) / (12 if x["Price Interval"] == "year" else 1),
        )
    return out


def p_odoo(p):
    d = sheet_by_header(openpyxl_rows(p, "Sheet1"), 1)
    out, cur = {}, None
    for r, x in d.items():
        if x["Partner"]:
            cur = (
                re.sub(r", [^,]+$", "", x["Partner"])
                if x["Partner"].count(", ")
                and not re.search(r", (LLP|Inc\.|Ltd|The|[A-Z]+)$", x["Partner"])
                else x["Partner"]
            )
        out[r] = (
            x["Partner"] or cur,
            x["Invoice lines/Label"],
            int(x["Invoice lines/Quantity"]),
            F(str(x["Invoice lines/Unit Price"]))
            * (1 - F(str(x["Invoice lines/Disc.%"])) / 100)
            / (12 if x["Invoice lines/Recurring Plan"] == "Yearly" else 1),
        )
    return out


def p_sevdesk(p):
    d = by_header(csv_records(p, "utf-8-sig", ";"))
    return {
        r: (
            x["Kunde"],
            x["Artikel/Beschreibung"],
            int(x["Menge"]),
            dec(x["Einzelpreis (netto)"], True)
            * (1 - (dec(x["Rabatt"].replace("%", ""), True) if x["Rabatt"] else 0) / 100)
            / (12 if x["Leistungszeitraum"].endswith("2027") else 1),
        )
        for r, x in d.items()
    }


def p_tripletex(p):
    d = by_header(csv_records(p, "cp1252", ";"))
    return {
        r: (
            x["Kundenavn"],
            x["Produktnavn"],
            int(x["Antall"]),
            dec(x["Enhetspris"], True)
            * (1 - dec(x["Rabatt %"], True) / 100)
            / (12 if x["Periode"].endswith(".27") else 1),
        )
        for r, x in d.items()
    }


def p_gsheet(p):
    d = sheet_by_header(calamine_rows(p, "Nov 2026"), 3)
    out, cur = {}, None
    for r, x in d.items():
        if not x["Item"]:
            cur = None
            continue
        if x["Client"]:
            cur = x["Client"]
        seats = x["Seats"]
        q = int(re.match(r"\d+", seats).group(0)) if isinstance(seats, str) else int(seats)
        out[r] = (
            cur,
            x["Item"],
            q,
            dec(x["Price/seat"]) / (12 if str(x["Billing"]).startswith("Annual") else 1),
        )
    return out


def v_mpa(p):
    d = by_header(csv_records(p, "utf-8-sig"))
    return {
        r: (
            x["customerName"],
            x["ProductName"],
            int(x["quantity"]),
            dec(x["effectivePrice"])
            / (12 if x["frequency"] == "OneTime" and x["term"] == "P1Y" else 1),
        )
        for r, x in d.items()
    }


def v_ptxls(p):
    d = sheet_by_header(calamine_rows(p, "Extrato"), 4)
    return {
        r: (
            x["Cliente final"],
            x["Descrição"],
            int(x["Qtd."]),
            dec(x["Preço unit."], True)
            * (1 - dec(x["Desc. %"], True) / 100)
            / (12 if x["Periodicidade"] == "Anual" else 1),
        )
        for r, x in d.items()
        if x["Tipo"]
    }


def p_sfdc(p):
    recs = csv_records(p, "utf-8")
    d = by_header(recs)
    return {
        r: (
            x["Account Name"],
            x["Product Name"],
            int(F(x["Quantity"])),
            dec(x["Sales Price"].split(" ", 1)[1])
            * (1 - (dec(x["Discount"].rstrip("%")) if x["Discount"] else 0) / 100)
            / (12 if x["Billing Frequency"] == "Annual" else 1),
        )
        for r, x in d.items()
        if len(x) > 3
    }


def p_gp(p):
    d = sheet_by_header(openpyxl_rows(p, "Sales Line Items"), 1)
    return {
        r: (
            x["Customer Name"].rstrip(),
            x["Item Description"].rstrip(),
            int(x["QTY"]),
            F(str(x["Unit Price"])) / (12 if x["U Of M"] == "YEAR" else 1),
        )
        for r, x in d.items()
    }


def v_qc(p):
    d = sheet_by_header(calamine_rows(p, "Relevé"), 4)
    return {
        r: (
            x["Nom du client"],
            x["Description"],
            int(x["Qté"]),
            dec(x["Prix unitaire"], True) / (12 if x["Facturation"] == "annuelle" else 1),
        )
        for r, x in d.items()
        if x["Nom du client"]
    }


def v_arrow(p):
    d = sheet_by_header(openpyxl_rows(p, "Statement"), 2)
    return {
        r: (
            x["Name"],
            x["Offer"],
            int(x["Qty"]),
            F(str(x["Unit"])) / (12 if x["Term"] == "Annual / Annual" else 1),
        )
        for r, x in d.items()
    }


VREAD = {
    "qc_distributor_xlsx": v_qc,
    "arrow_us_two_header_xlsx": v_arrow,
    "mpa_cost_details_csv": v_mpa,
    "pt_distributor_xls": v_ptxls,
    "td_streamone_xlsx": v_td,
    "cloudblue_connect_csv": v_cloudblue,
    "pax8_uk_grouped_xlsx": v_pax8uk,
    "also_nl_csv": v_alsonl,
    "nuvias_multisheet_xlsx": v_nuvias,
    "ab_pl_csv": v_abpl,
    "pivot_months_xlsx": v_pivot,
    "telstra_au_csv": v_telstra,
}


def p_twinfield(p):
    d = by_header(csv_records(p, "utf-8-sig", ";"))
    return {
        r: (
            x["Naam"],
            x["Omschrijving"],
            int(x["Aantal"]),
            dec(x["Prijs"], True)
            * (1 - dec(x["Korting %"], True) / 100)
            / (12 if x["Termijn"] == "jaar" else 1),
        )
        for r, x in d.items()
    }


def p_salesbuildr(p):
    d = by_header(csv_records(p, "utf-8"))
    return {
        r: (
            x["Company"],
            x["Product"],
            int(x["Quantity"]),
            dec(x["Unit Price"]) / (12 if x["Recurring Interval"] == "Annually" else 1),
        )
        for r, x in d.items()
    }


PREAD = {
    "twinfield_csv": p_twinfield,
    "salesbuildr_recurring_csv": p_salesbuildr,
    "salesforce_opportunity_products_csv": p_sfdc,
    "dynamics_gp_sop_xlsx": p_gp,
    "atera_contracts_csv": p_atera,
    "ninjaone_invoices_csv": p_ninja,
    "chargebee_invoice_lines_csv": p_chargebee,
    "stripe_invoice_items_csv": p_stripe,
    "odoo_invoice_lines_xlsx": p_odoo,
    "sevdesk_csv": p_sevdesk,
    "tripletex_csv": p_tripletex,
    "gsheet_merged_xlsx": p_gsheet,
}


def half_up(x: F) -> str:
    n = (x * 100 + F(1, 2)).__floor__()
    return f"{n // 100}.{n % 100:02d}"


def recompute(folder: Path, truth: dict):
    vr = VREAD[truth["vendor_format"]](folder / truth["vendor_file"])
    pr = PREAD[truth["psa_format"]](folder / truth["psa_file"])
    assert set(map(str, vr)) == set(truth["rows"]["vendor"]), (
        "vendor data rows differ from truth rows"
    )
    assert set(map(str, pr)) == set(truth["rows"]["psa"]), "PSA data rows differ from truth rows"
    V, P = {}, {}
    for r, (_, _, q, u) in vr.items():
        t = truth["rows"]["vendor"][str(r)]
        if t["role"] in ("licence", "credit"):
            a = V.setdefault((t["client"], t["product"]), [0, F(0), []])
            a[0] += q
            a[1] += q * u
            a[2].append(r)
        else:
            assert u == 0, f"free vendor row {r} has a price"
    for r, (_, _, q, u) in pr.items():
        t = truth["rows"]["psa"][str(r)]
        if t["role"] == "licence":
            a = P.setdefault((t["client"], t["product"]), [0, F(0), []])
            a[0] += q
            a[1] += q * u
            a[2].append(r)
    prices: dict = {}
    for (_c, k), (q, amt, _) in P.items():
        prices.setdefault(k, []).append(amt / q)
    med = {}
    for k, xs in prices.items():
        xs.sort()
        n = len(xs)
        med[k] = xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
    out = set()
    for key in set(V) | set(P):
        v, p = V.get(key), P.get(key)
        vr_, pr_ = tuple(sorted(v[2])) if v else (), tuple(sorted(p[2])) if p else ()
        if v and not p:
            out.add(("unbilled", *key, half_up(v[0] * med.get(key[1], v[1] / v[0])), vr_, pr_))
        elif p and not v:
            out.add(("no_vendor_record", *key, half_up(p[1]), vr_, pr_))
        else:
            c, pp = v[1] / v[0], p[1] / p[0]
            if v[0] > p[0]:
                out.add(("under_billed", *key, half_up((v[0] - p[0]) * pp), vr_, pr_))
            if p[0] > v[0]:
                out.add(("over_billed", *key, half_up((p[0] - v[0]) * pp), vr_, pr_))
            if pp < c:
                out.add(("below_cost", *key, half_up((c - pp) * min(v[0], p[0])), vr_, pr_))
    return out, vr, pr


def truth_set(truth):
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


# ---------------------------------------------------------------- tests
ALL_PAIRS = [(v, p) for v in VENDOR_FORMATS for p in PSA_FORMATS]
# every pair is generated by `python -m bench.independent_k OUT --pairs all`; the quick run re-reads a third of
# them (each vendor with four PSA formats and each PSA with four vendors); K_ALL_PAIRS=1 re-reads all of them.
CHECKED_PAIRS = (
    ALL_PAIRS
    if os.environ.get("K_ALL_PAIRS")
    else [
        (v, p)
        for i, v in enumerate(VENDOR_FORMATS)
        for j, p in enumerate(PSA_FORMATS)
        if (i + j) % 3 == 0
    ]
)


@pytest.mark.parametrize("vendor,psa", CHECKED_PAIRS)
def test_truth_recomputed_from_files(tmp_path, vendor, psa):
    seed = 1 + (VENDOR_FORMATS.index(vendor) + PSA_FORMATS.index(psa)) % 3
    t = json.loads(
        generate_case(
            tmp_path, seed=seed, vendor_format=vendor, psa_format=psa, clients=60
        ).read_text()
    )
    got, vr, _ = recompute(tmp_path, t)
    assert got == truth_set(t)
    # the vendor side writes the canonical product names (with the format's decorations)
    for r, (_, prod, _, _) in vr.items():
        assert t["rows"]["vendor"][str(r)]["product"].lower() in str(prod).lower()


@pytest.mark.parametrize("i", range(len(VENDOR_FORMATS)))
def test_clean_twin_same_rows_and_findings(tmp_path, i):
    vendor, psa = VENDOR_FORMATS[i], PSA_FORMATS[(i + 3) % len(PSA_FORMATS)]
    tp = json.loads(
        generate_case(
            tmp_path / "p", seed=4, vendor_format=vendor, psa_format=psa, clients=80
        ).read_text()
    )
    tc = json.loads(
        generate_case(
            tmp_path / "c", seed=4, vendor_format=vendor, psa_format=psa, clients=80, perturb=False
        ).read_text()
    )

    def strip(rows):
        return {r: (x["client"], x["product"], x["role"]) for r, x in rows.items()}

    assert strip(tp["rows"]["psa"]) == strip(tc["rows"]["psa"])
    assert strip(tp["rows"]["vendor"]) == strip(tc["rows"]["vendor"])
    assert truth_set(tp) == truth_set(tc)
    assert all(f["classes"] == [] for f in tc["findings"])
    assert any(f["classes"] for f in tp["findings"])
    got, _, pr = recompute(tmp_path / "c", tc)
    assert got == truth_set(tc)
    for r, (client, text, _, _) in pr.items():  # clean spellings are the canonical ones
        row = tc["rows"]["psa"][str(r)]
        assert client.strip() == row["client"] or client.startswith(row["client"] + ", "), (
            r,
            client,
        )
        assert row["product"] in text, (r, text)


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(str(f.relative_to(folder)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def test_byte_identical_reruns_any_hash_seed(tmp_path):
    digests = []
    for hs in ("0", "4242"):
        out = tmp_path / hs
        env = dict(os.environ, PYTHONHASHSEED=hs)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.independent_k",
                str(out),
                "--seeds",
                "2",
                "--clients",
                "60",
                "--pairs",
                "diagonal",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.independent_k",
                str(out),
                "--seeds",
                "2",
                "--clients",
                "60",
                "--pairs",
                "diagonal",
                "--clean",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        digests.append(_digest(out))
    assert len(list((tmp_path / "0").iterdir())) == 2 * len(VENDOR_FORMATS)
    assert digests[0] == digests[1]


@pytest.mark.parametrize("i", range(len(VENDOR_FORMATS)))
def test_300_clients_every_finding_type_in_range(tmp_path, i):
    vendor, psa = VENDOR_FORMATS[i], PSA_FORMATS[i % len(PSA_FORMATS)]
    t = json.loads(
        generate_case(
            tmp_path, seed=1, vendor_format=vendor, psa_format=psa, clients=300
        ).read_text()
    )
    pairs = {
        (x["client"], x["product"]) for x in t["rows"]["vendor"].values() if x["role"] != "free"
    }
    pairs |= {
        (x["client"], x["product"]) for x in t["rows"]["psa"].values() if x["role"] == "licence"
    }
    counts = {k: sum(1 for f in t["findings"] if f["type"] == k) for k in TYPES}
    for k, n in counts.items():
        assert 0.015 <= n / len(pairs) <= 0.12, (k, n, len(pairs))
    roles = {x["role"] for x in t["rows"]["psa"].values()}
    assert roles == {"licence", "service", "cancelled"}
    assert {x["role"] for x in t["rows"]["vendor"].values()} == {"licence", "credit", "free"}
    assert len({c for f in t["findings"] for c in f["classes"]}) >= 25


def test_interface_and_cli_names(tmp_path):
    assert len(VENDOR_FORMATS) >= 8 and len(PSA_FORMATS) >= 8
    from bench.independent_k import case_dir_name

    assert case_dir_name("a", "b", 3, 60, True) == "a__b__s3__c60__clean"
    with pytest.raises(ValueError):
        generate_case(tmp_path, vendor_format="nope")


def _odoo_cancelled(p):
    d = sheet_by_header(openpyxl_rows(p, "Sheet1"), 1)
    out, state = set(), False
    for r, x in d.items():
        if x["Number"]:
            state = x["Status"] == "Cancelled" or x["Type"] == "Customer Credit Note"
        if state:
            out.add(r)
    return out


def _csv_flag(enc, delim, col, values):
    def f(p):
        return {r for r, x in by_header(csv_records(p, enc, delim)).items() if x[col] in values}

    return f


CANCELLED = {
    "atera_contracts_csv": _csv_flag("utf-8", ",", "Active", {"No"}),
    "ninjaone_invoices_csv": _csv_flag("utf-8", ",", "Invoice Status", {"Voided"}),
    "chargebee_invoice_lines_csv": _csv_flag("utf-8", ",", "Status", {"voided"}),
    "stripe_invoice_items_csv": _csv_flag("utf-8", ",", "Invoice Status", {"void"}),
    "odoo_invoice_lines_xlsx": _odoo_cancelled,
    "sevdesk_csv": _csv_flag("utf-8-sig", ";", "Status", {"Storniert", "Gutschrift"}),
    "tripletex_csv": _csv_flag("cp1252", ";", "Status", {"Kreditert"}),
    "salesforce_opportunity_products_csv": lambda p: {
        r for r, x in by_header(csv_records(p, "utf-8")).items() if x.get("Stage") == "Closed Lost"
    },
    "dynamics_gp_sop_xlsx": lambda p: {
        r
        for r, x in sheet_by_header(openpyxl_rows(p, "Sales Line Items"), 1).items()
        if x["SOP Type"] == "Return" or x["Void Status"] == "Voided"
    },
    "twinfield_csv": lambda p: {
        r
        for r, x in by_header(csv_records(p, "utf-8-sig", ";")).items()
        if x["D/C"] == "C" or x["Status"] == "Vervallen"
    },
    "salesbuildr_recurring_csv": _csv_flag("utf-8", ",", "Quote Status", {"Lost", "Expired"}),
    "gsheet_merged_xlsx": lambda p: {
        r
        for r, x in sheet_by_header(calamine_rows(p, "Nov 2026"), 3).items()
        if str(x["Notes"]).startswith("CANCELLED")
    },
}


@pytest.mark.parametrize("psa", PSA_FORMATS)
def test_cancelled_rows_are_marked_in_the_file(tmp_path, psa):
    t = json.loads(
        generate_case(
            tmp_path, seed=5, vendor_format=VENDOR_FORMATS[0], psa_format=psa, clients=120
        ).read_text()
    )
    want = {int(r) for r, x in t["rows"]["psa"].items() if x["role"] == "cancelled"}
    assert want and CANCELLED[psa](tmp_path / t["psa_file"]) == want


def test_no_two_clients_share_a_spelling(tmp_path):
    import random
    import unicodedata

    from bench.independent_k.perturb import client_variant
    from bench.independent_k.scenario import make_clients

    def norm(s):
        return " ".join(unicodedata.normalize("NFKC", s).casefold().split())

    for seed in range(1, 6):
        cl = make_clients(random.Random(seed), 300)
        rng = random.Random(seed)
        seen = {}
        for c in cl:
            psa, _ = client_variant(rng, c)
            for s in {norm(c.name), norm(psa)}:
                assert seen.setdefault(s, c.name) == c.name, (s, c.name, seen[s])


def test_tenant_domains_unique():
    import random

    from bench.independent_k.scenario import make_clients

    for seed in range(1, 8):
        cl = make_clients(random.Random(seed), 300)
        assert len({c.domain for c in cl}) == len(cl)
