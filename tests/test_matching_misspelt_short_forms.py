"""A short form typed with a slip ("Mkgx" for Marketing, "Phyisox" for Physiotherapy) names the
company only when what it buys agrees: the word alone is a guess (set I's name_abbreviation_typo
class, precision 0.814), and siblings that differ in that word must never merge on it."""

from __future__ import annotations

from pathlib import Path

from engine.match.client_evidence import _same_word, name_fit
from engine.reconcile import reconcile

VENDOR = (
    "Customer,Product,Quantity,Unit Cost\n"
    "Fairweather & Partners Marketing AG,Microsoft Entra ID P2,12,9.00\n"
    "Fairweather & Partners Marketing AG,Proofpoint Essentials Business,3,3.75\n"
    "Fairweather & Partners Physiotherapy Ltd,Exchange Online Archiving for Exchange Online,10,3.00\n"
    "Northwind Traders Ltd,Microsoft 365 E3,5,30.00\n"
)


def _findings(tmp_path: Path, psa: str) -> list[tuple[str, str, str]]:
    (tmp_path / "vendor.csv").write_text(VENDOR, encoding="utf-8")
    (tmp_path / "psa.csv").write_text(psa, encoding="utf-8")
    result = reconcile(tmp_path / "vendor.csv", tmp_path / "psa.csv")
    return sorted((d.type, d.client or d.vendor_client, d.product) for d in result.discrepancies)


def test_a_misspelt_short_form_is_a_loose_guess() -> None:
    assert _same_word("marketing", "mkgx") == 2
    assert _same_word("physiotherapy", "phyisox") == 2
    assert _same_word("management", "mngmt") == 1  # a short form without a slip: as before
    assert _same_word("marketing", "plumbing") == -1
    fitted = name_fit("fairweather and partners marketing", "fairweather and partners mkgx")
    assert fitted is not None and fitted.loose == 1


def test_it_pairs_when_the_basket_agrees(tmp_path: Path) -> None:
    psa = (
        "Customer,Product,Quantity,Unit Price\n"
        "Fairweather & Partners Mkgx AG,Microsoft Entra ID P2,12,11.00\n"
        "Fairweather & Partners Mkgx AG,Proofpoint Essentials Business,3,4.50\n"
        "Fairweather & Partners Phyaiox Ltd,Exchange Online Archiving for Exchange Online,10,4.00\n"
        "Northwind Traders Ltd,Microsoft 365 E3,5,36.00\n"
    )
    assert _findings(tmp_path, psa) == []


def test_it_does_not_pair_on_the_word_alone(tmp_path: Path) -> None:
    """Nothing bought in common: the guess stays a guess, each side reported on its own."""
    psa = (
        "Customer,Product,Quantity,Unit Price\n"
        "Fairweather & Partners Mkgx AG,Visio Plan 2,4,17.00\n"
        "Fairweather & Partners Phyaiox Ltd,Exchange Online Archiving for Exchange Online,10,4.00\n"
        "Northwind Traders Ltd,Microsoft 365 E3,5,36.00\n"
    )
    found = _findings(tmp_path, psa)
    assert ("no_vendor_record", "Fairweather & Partners Mkgx AG", "Visio Plan 2") in found
    assert ("unbilled", "Fairweather & Partners Marketing AG", "Microsoft Entra ID P2") in found
