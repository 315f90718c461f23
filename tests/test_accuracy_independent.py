"""Accuracy on exports the matcher's author did not shape (bench/independent, written by a helper
session from the issue text alone), on a seed no tuning looked at.

Clean spellings must come out exact on every format pair; with people's spellings mixed in per line
(typos, abbreviations, brand words dropped, in-house names, branch and store variants, dba, accents…)
the findings must stay right, and no two customers may ever be merged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import independent
from bench.accuracy import Tally, score_case

SEED = 7  # never used while the matcher was tuned (seeds 1–5 were)
PAIRS = [
    ("partner_center_nce", "connectwise"),
    ("partner_center_legacy", "quickbooks_online"),
    ("pax8_api", "autotask"),
    ("pax8_portal", "halopsa"),
    ("dicker_data", "syncro"),
    ("ingram", "kaseya_bms"),
    ("cloudmore", "xero"),
    ("sherweb", "connectwise_cancel_date_only"),
]


def _score(tmp_path: Path, perturb: bool) -> Tally:
    total = Tally()
    for vendor_format, psa_format in PAIRS:
        folder = tmp_path / f"{vendor_format}-{psa_format}-{perturb}"
        folder.mkdir()
        truth = independent.generate_case(
            folder,
            seed=SEED,
            vendor_format=vendor_format,
            psa_format=psa_format,
            clients=60,
            perturb=perturb,
        )
        total.add(score_case(truth).total)
    return total


def test_clean_exports_in_every_format_are_exact(tmp_path: Path) -> None:
    total = _score(tmp_path, perturb=False)
    assert total.expected > 300
    assert (total.precision, total.recall, total.cents) == (1.0, 1.0, 1.0)


@pytest.mark.slow
def test_people_typed_spellings_keep_the_findings_right(tmp_path: Path) -> None:
    total = _score(tmp_path, perturb=True)
    assert total.expected > 300
    assert total.precision >= 0.95, total
    assert total.recall >= 0.95, total
    assert total.cents >= 0.95, total
    assert total.wrong_client_merges == 0
