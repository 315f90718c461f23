"""Shared fixtures: tiny exports written to tmp files, the template, a pasted sample workbook."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from addin.sample.psa_exports import psa_rows
from addin.sample.scenario import make_scenario
from addin.sample.vendor_exports import vendor_rows
from addin.template.build import default_template_path
from addin.workbook.paste import pasted_workbook
from engine.reconcile import reconcile
from engine.result import Result

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("name.csv", text or bytes, encoding="utf-8") → path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _write


@pytest.fixture
def reconcile_lines(tmp_path: Path) -> Callable[[list[str], list[str]], Result]:
    """reconcile_lines(vendor rows, PSA rows) → Result: each row "client,product,seats,price", the
    vendor's price its unit cost, the PSA's its rate (two minimal CSV exports)."""

    def _reconcile(vendor: list[str], psa: list[str]) -> Result:
        (tmp_path / "vendor.csv").write_text(
            "Customer,Product,Qty,Unit Cost\n" + "\n".join(vendor) + "\n", encoding="utf-8"
        )
        (tmp_path / "psa.csv").write_text(
            "Customer,Item,Qty,Rate\n" + "\n".join(psa) + "\n", encoding="utf-8"
        )
        return reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")

    return _reconcile


@pytest.fixture(scope="session")
def template_bytes() -> bytes:
    return default_template_path().read_bytes()


@pytest.fixture
def sample_book(tmp_path: Path, template_bytes: bytes) -> Path:
    """The template with a 30-client sample pasted into Vendor and PSA (not yet reconciled)."""
    scenario = make_scenario(30, seed=5)
    path = tmp_path / "Leakage.xlsm"
    path.write_bytes(
        pasted_workbook(
            template_bytes,
            vendor_rows(scenario, "partner_center"),
            psa_rows(scenario, "connectwise"),
        )
    )
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def office_convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert with LibreOffice headless (skipping the test where it is not installed), in a profile
    of its own, so another LibreOffice running, or a lock left by one, cannot fail the conversion."""
    office = soffice()
    if office is None:
        pytest.skip("LibreOffice is not installed (CI installs it)")
    profile = (out_dir / "lo-profile").as_uri()
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / f"{source.stem}.{target_format}"


def recognised_columns(side: str, rows: list[list[object]]) -> dict[str, str]:
    """The columns the reader recognises in a header row and the rows under it, by field: the
    format tests' one way of asking which column a field was read from."""
    from engine.read.columns import recognise

    headers = [str(h) for h in rows[0]]
    data = {h: [r[i] for r in rows[1:]] for i, h in enumerate(headers)}
    return dict(recognise(side, headers, data, source="t").columns)  # type: ignore[arg-type]


def xlsx_of_rows(path: Path, rows: list[tuple[object, ...]]) -> Path:
    """A workbook of one sheet holding ``rows`` as written (openpyxl, our independent writer)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path
