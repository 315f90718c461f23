"""The run order's own promises: a large PSA export read beside the vendor bill gives the same
result as one read after it, in a fresh process (no half-imported module seen by either thread), and
a vendor bill's error still comes first."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from addin.sample.csv_bytes import to_csv_bytes
from addin.sample.psa_exports import psa_rows
from addin.sample.scenario import make_scenario
from addin.sample.vendor_exports import vendor_rows
from engine import reconcile as run_order
from engine.errors import EmptyInputError
from engine.reconcile import reconcile


@pytest.fixture(scope="module")
def large_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A vendor bill and a PSA export above the size read on a second thread."""
    folder = tmp_path_factory.mktemp("large")
    scenario = make_scenario(2_400, seed=15)
    vendor, psa = folder / "vendor.csv", folder / "psa.csv"
    vendor.write_bytes(to_csv_bytes(vendor_rows(scenario, "partner_center"), fmt="partner_center"))
    psa.write_bytes(to_csv_bytes(psa_rows(scenario, "connectwise"), fmt="connectwise"))
    assert psa.stat().st_size >= run_order.BESIDE_BYTES
    return vendor, psa


_SUMMARY = (
    "import json, sys; from engine.reconcile import reconcile; "
    "r = reconcile(sys.argv[1], sys.argv[2]); "
    "print(json.dumps([[d.id, d.type, str(d.monthly_impact)] for d in r.discrepancies] "
    "+ [len(r.excluded), str(r.kpis.vendor_file_total), str(r.kpis.psa_file_total)]))"
)


def test_a_large_psa_export_read_beside_the_bill_gives_the_same_result(
    large_pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    vendor, psa = large_pair
    fresh = subprocess.run(
        [sys.executable, "-c", _SUMMARY, str(vendor), str(psa)],
        capture_output=True,
        text=True,
        check=True,
    )
    beside = json.loads(fresh.stdout)
    monkeypatch.setattr(run_order, "BESIDE_BYTES", 10**12)  # read one after the other
    after = reconcile(vendor, psa)
    assert beside == [[d.id, d.type, str(d.monthly_impact)] for d in after.discrepancies] + [
        len(after.excluded),
        str(after.kpis.vendor_file_total),
        str(after.kpis.psa_file_total),
    ]
    assert len(after.discrepancies) > 100


def test_the_vendor_bills_error_comes_first(large_pair: tuple[Path, Path], tmp_path: Path) -> None:
    _, psa = large_pair
    empty = tmp_path / "vendor.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(EmptyInputError, match=r"vendor\.csv"):
        reconcile(empty, psa)
