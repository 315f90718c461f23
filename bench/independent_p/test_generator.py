"""Set P's own invariants. Runs in well under 30 s."""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.independent_p import (
    CLIENT_CLASSES,
    DESC_CLASSES,
    PSA_FORMATS,
    VENDOR_FORMATS,
    generate_case,
)
from bench.independent_p.people import ascii_fold
from bench.independent_p.perturb import COMMON_CLIENT, COMMON_DESC, name_key
from bench.independent_p.readback import read_table, recompute

TYPES = {"unbilled", "under_billed", "over_billed", "no_vendor_record", "below_cost"}
# pairs that cover every vendor and every PSA format at least once
PAIRS = [
    (VENDOR_FORMATS[i], PSA_FORMATS[i % len(PSA_FORMATS)]) for i in range(len(VENDOR_FORMATS))
] + [
    (VENDOR_FORMATS[(i + 3) % len(VENDOR_FORMATS)], PSA_FORMATS[i]) for i in range(len(PSA_FORMATS))
]
# PSA format -> (description column, client column) for text checks; QBO carries the client on group rows
TEXT_COLS = {
    "connectwise_additions_csv": ("Description", "Company Name"),
    "connectwise_api_additions_xlsx": ("description", "company.name"),
    "autotask_contract_services_xlsx": ("Service Name", "Account Name"),
    "halopsa_recurring_lines_csv": ("item_shortdescription", "Client"),
    "syncro_schedules_csv": ("Line Item Name", "Customer"),
    "kaseya_bms_recurring_xlsx": ("Service", "Account Name"),
    "xero_invoices_export_csv": ("Description", "ContactName"),
    "sage_accounting_sales_lines_csv": ("Details", "Customer Name"),
    "holded_facturas_xlsx": ("Concepto", "Cliente"),
}


def _key(f):
    return (
        f["type"],
        f["client"],
        f["product"],
        tuple(f["vendor_rows"]),
        tuple(f["psa_rows"]),
        f["monthly_impact"],
    )


def test_format_lists():
    assert len(VENDOR_FORMATS) >= 8 and len(PSA_FORMATS) >= 8
    exts = Counter(f.rsplit("_", 1)[1] for f in VENDOR_FORMATS + PSA_FORMATS)
    assert exts["csv"] >= 6 and exts["xlsx"] >= 6
    assert len(DESC_CLASSES) >= 20 and len(CLIENT_CLASSES) >= 12


@pytest.mark.parametrize("vendor,psa", PAIRS)
def test_truth_impacts_recomputed_from_file_cells(tmp_path, vendor, psa):
    tp = generate_case(tmp_path, 11, vendor, psa, 60, True)
    truth = json.loads(tp.read_text(encoding="utf-8"))
    assert sorted(map(_key, truth["findings"])) == sorted(map(_key, recompute(tp)))


@pytest.mark.parametrize("vendor,psa", PAIRS[::3])
def test_clean_and_perturbed_have_identical_findings(tmp_path, vendor, psa):
    a = json.loads(
        generate_case(tmp_path / "p", 5, vendor, psa, 120, True).read_text(encoding="utf-8")
    )
    b = json.loads(
        generate_case(tmp_path / "c", 5, vendor, psa, 120, False).read_text(encoding="utf-8")
    )
    assert sorted(map(_key, a["findings"])) == sorted(map(_key, b["findings"]))
    for side in ("vendor", "psa"):
        assert a["rows"][side].keys() == b["rows"][side].keys()
        for k, ra in a["rows"][side].items():
            rb = b["rows"][side][k]
            assert (ra["client"], ra["role"]) == (rb["client"], rb["role"])
            if ra["role"] != "service":
                assert ra["product"] == rb["product"]
    assert all(not r["classes"] for r in b["rows"]["psa"].values())
    assert (tmp_path / "p" / a["vendor_file"]).read_bytes() == (
        tmp_path / "c" / b["vendor_file"]
    ).read_bytes()
    assert any(r["classes"] for r in a["rows"]["psa"].values())


@pytest.mark.parametrize("vendor", VENDOR_FORMATS)
def test_every_finding_type_at_200_clients(tmp_path, vendor):
    psa = PSA_FORMATS[VENDOR_FORMATS.index(vendor) % len(PSA_FORMATS)]
    truth = json.loads(
        generate_case(tmp_path, 2, vendor, psa, 200, True).read_text(encoding="utf-8")
    )
    counts = Counter(f["type"] for f in truth["findings"])
    assert set(counts) == TYPES, counts
    roles = Counter(r["role"] for r in truth["rows"]["psa"].values())
    assert roles["service"] > 0 and roles["licence"] > 0


def test_deterministic(tmp_path):
    v, p = VENDOR_FORMATS[3], PSA_FORMATS[6]  # an xlsx on both sides
    a = generate_case(tmp_path / "a", 9, v, p, 90, True)
    b = generate_case(tmp_path / "b", 9, v, p, 90, True)
    assert a.read_bytes() == b.read_bytes()
    for f in ("vendor_file", "psa_file"):
        name = json.loads(a.read_text(encoding="utf-8"))[f]
        assert (a.parent / name).read_bytes() == (b.parent / name).read_bytes()


def test_classes_recorded_only_when_text_changed(tmp_path):
    for v, p in [
        (VENDOR_FORMATS[2], PSA_FORMATS[0]),
        (VENDOR_FORMATS[7], PSA_FORMATS[4]),
        (VENDOR_FORMATS[5], PSA_FORMATS[7]),
    ]:
        pt = json.loads(
            generate_case(tmp_path / "p", 4, v, p, 150, True).read_text(encoding="utf-8")
        )
        ct = json.loads(
            generate_case(tmp_path / "c", 4, v, p, 150, False).read_text(encoding="utf-8")
        )
        dcol, ccol = TEXT_COLS[p]
        header = dcol
        tp = read_table(tmp_path / "p" / pt["psa_file"], header)
        tc = read_table(tmp_path / "c" / ct["psa_file"], header)
        for rn, meta in pt["rows"]["psa"].items():
            rp, rc = tp[int(rn)], tc[int(rn)]
            desc = [c for c in meta["classes"] if c in DESC_CLASSES]
            cli = [c for c in meta["classes"] if c in CLIENT_CLASSES]
            assert bool(desc) == (rp[dcol] != rc[dcol]), (rn, meta, rp[dcol], rc[dcol])
            assert bool(cli) == (rp[ccol] != rc[ccol]), (rn, meta, rp[ccol], rc[ccol])


def test_perturbed_names_never_collide_and_share_of_common_classes(tmp_path):
    desc_seen, cli_seen = Counter(), Counter()
    lines = common_lines = 0
    for i, (v, p) in enumerate(PAIRS[:8]):
        t = json.loads(
            generate_case(tmp_path / str(i), 21, v, p, 200, True).read_text(encoding="utf-8")
        )
        names = {}
        psa_file = tmp_path / str(i) / t["psa_file"]
        if p in TEXT_COLS:
            dcol, ccol = TEXT_COLS[p]
            table = read_table(psa_file, dcol)
            for rn, meta in t["rows"]["psa"].items():
                written = table[int(rn)][ccol]
                names.setdefault(name_key(written), set()).add(
                    meta["client"].removesuffix(" - Projects")
                )
            for key, owners in names.items():
                if (
                    len(owners) > 1
                ):  # only planned twins (same words, other legal form), each keeping its form
                    assert len({name_key(o) for o in owners}) == 1, owners
                    for rn, meta in t["rows"]["psa"].items():
                        written = table[int(rn)][ccol]
                        if name_key(written) == key:
                            assert len(re.findall(r"[a-z0-9]+", ascii_fold(written).lower())) > len(
                                key.split()
                            ), written
        for meta in t["rows"]["psa"].values():
            d = [c for c in meta["classes"] if c in DESC_CLASSES]
            desc_seen.update(d)
            cli_seen.update(c for c in meta["classes"] if c in CLIENT_CLASSES)
            if d:
                lines += 1
                common_lines += any(c in COMMON_DESC for c in d)
    assert len(desc_seen) >= 20 and len(cli_seen) >= 12, (desc_seen, cli_seen)
    assert 0.2 < common_lines / lines < 0.45
    assert set(desc_seen) <= set(DESC_CLASSES) and set(cli_seen) <= set(CLIENT_CLASSES)
    assert any(c in cli_seen for c in COMMON_CLIENT)


def test_look_alikes_and_families_present(tmp_path):
    t = json.loads(
        generate_case(tmp_path, 3, VENDOR_FORMATS[2], PSA_FORMATS[1], 250, True).read_text(
            encoding="utf-8"
        )
    )
    products = {r["product"] for r in t["rows"]["vendor"].values()}
    assert {
        "Microsoft 365 Business Basic",
        "Microsoft 365 Business Standard",
        "Microsoft 365 Business Premium",
    } <= products
    assert "Microsoft 365 E3" in products and "Office 365 E3" in products
    clients = {r["client"] for r in t["rows"]["vendor"].values()} | {
        r["client"] for r in t["rows"]["psa"].values()
    }
    assert any(" Store " in c for c in clients)
    assert any(
        "Dental Lab" in c
        or "Veterinary Hospital" in c
        or "Wealth Management" in c
        or "Foundation" in c
        or "Construction Supplies" in c
        or "Pilates" in c
        or "Imaging" in c
        or "Property Management" in c
        for c in clients
    )
    roles_v = Counter(r["role"] for r in t["rows"]["vendor"].values())
    assert roles_v["credit"] > 0 and roles_v["trial"] > 0


def test_speed_300_clients(tmp_path):
    worst = 0.0
    for v, p in [
        (VENDOR_FORMATS[0], PSA_FORMATS[6]),
        (VENDOR_FORMATS[3], PSA_FORMATS[2]),
        (VENDOR_FORMATS[8], PSA_FORMATS[9]),
    ]:
        t0 = time.perf_counter()
        generate_case(tmp_path / v, 1, v, p, 300, True)
        worst = max(worst, time.perf_counter() - t0)
    assert worst < 1.0, worst
