"""The export guides: one page per system, each linked from the index, the index from the README."""

from __future__ import annotations

import re

from tests.conftest import ROOT

GUIDES = ROOT / "docs" / "export-guides"
SYSTEMS = [
    "partner-center",
    "pax8",
    "td-synnex",
    "ingram-micro",
    "sherweb",
    "dicker-data",
    "cloudmore",
    "generic-distributor",
    "connectwise",
    "autotask",
    "halopsa",
    "syncro",
    "kaseya-bms",
    "quickbooks-online",
    "xero",
]


def test_every_system_has_a_guide_linked_from_the_index_and_the_readme() -> None:
    index = (GUIDES / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(([a-z0-9-]+)\.md\)", index))
    assert linked == set(SYSTEMS)
    for name in SYSTEMS:
        page = (GUIDES / f"{name}.md").read_text(encoding="utf-8")
        assert "**What to export:**" in page and "**Required columns" in page, name
        assert "**Date range:**" in page, name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/export-guides/README.md)" in readme
