"""The built catalogue kept between runs (issue 15): the same catalogue as a fresh build, never
stale, and never a reason for a run to fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.match import catalogue_cache
from engine.match.catalogue import _build_catalogue, _from_json, _to_json


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("LEAKAGE_FINDER_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    return tmp_path


def test_a_kept_catalogue_is_the_catalogue_built(cache_home: Path) -> None:
    built = _build_catalogue()
    catalogue_cache.write("catalogue", _to_json(built))
    stored = catalogue_cache.read("catalogue")
    assert stored is not None
    kept = _from_json(stored)
    assert kept.products == built.products and list(kept.products) == list(built.products)
    assert kept.by_id == built.by_id and kept.by_name == built.by_name
    assert kept.names == built.names and kept.name_keys == built.name_keys
    assert kept.curated_words == built.curated_words


def test_another_codes_catalogue_is_never_read(cache_home: Path) -> None:
    folder = catalogue_cache.cache_folder()
    assert folder is not None
    folder.mkdir(parents=True)
    (folder / "catalogue.json").write_text(json.dumps({"key": "older code", "value": {}}))
    assert catalogue_cache.read("catalogue") is None


@pytest.mark.parametrize("text", ["", "{not json", "[1, 2]", '{"key": null}'])
def test_a_damaged_file_is_no_catalogue(cache_home: Path, text: str) -> None:
    folder = catalogue_cache.cache_folder()
    assert folder is not None
    folder.mkdir(parents=True)
    (folder / "catalogue.json").write_text(text)
    assert catalogue_cache.read("catalogue") is None


def test_a_cache_that_cannot_be_written_fails_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    monkeypatch.delenv("LEAKAGE_FINDER_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setenv("LOCALAPPDATA", str(blocker))
    monkeypatch.setattr(Path, "home", lambda: blocker)
    catalogue_cache.write("catalogue", {"x": 1})  # no exception
    assert catalogue_cache.read("catalogue") is None


def test_it_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEAKAGE_FINDER_NO_CACHE", "1")
    assert catalogue_cache.cache_folder() is None


_RUN = """
import sys
from engine.reconcile import reconcile
result = reconcile(sys.argv[1], sys.argv[2])
print(repr([(d.type, d.client, d.product, str(d.monthly_impact)) for d in result.discrepancies]))
print(repr([(m.spelling, m.product, m.method) for m in result.product_matches]))
"""


def test_a_run_with_the_kept_catalogue_finds_what_a_fresh_one_finds(tmp_path: Path) -> None:
    """Three processes on a small case: without a cache, building it, reading it."""
    vendor = tmp_path / "v.csv"
    psa = tmp_path / "p.csv"
    vendor.write_text(
        "CustomerName,ProductName,Quantity,UnitPrice,Subtotal,ChargeStartDate,ChargeEndDate\n"
        "Acme Dental Pty Ltd,Microsoft 365 Business Premium,5,22.00,110.00,2026-11-01,2026-11-30\n"
        "Acme Dental Pty Ltd,Exchange Online (Plan 1),3,4.00,12.00,2026-11-01,2026-11-30\n"
        "Birch Legal LLP,Microsoft 365 E3,10,36.00,360.00,2026-11-01,2026-11-30\n",
        encoding="utf-8",
    )
    psa.write_text(
        "Client,Item,Qty,Price\n"
        '"Acme Dental","M365 Bus Prem",5,26.00\n'
        '"Birch Legal LLP","Office E3 - per user",8,43.00\n',
        encoding="utf-8",
    )
    cache = tmp_path / "cache"

    def run(**env: str) -> str:
        settings = {**os.environ, "XDG_CACHE_HOME": str(cache)}
        settings.pop("LEAKAGE_FINDER_NO_CACHE", None)
        settings.update(env)
        done = subprocess.run(
            [sys.executable, "-c", _RUN, str(vendor), str(psa)],
            capture_output=True,
            text=True,
            check=True,
            env=settings,
        )
        return done.stdout

    fresh = run(LEAKAGE_FINDER_NO_CACHE="1")
    assert not (cache / "leakage-finder" / "catalogue.json").exists()
    building = run()
    assert (cache / "leakage-finder" / "catalogue.json").exists()
    reading = run()
    assert fresh == building == reading
    assert "unbilled" in fresh  # the case finds something: the comparison can fail
