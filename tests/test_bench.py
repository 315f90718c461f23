"""The shipped benchmark keeps working (it measures; this only checks that it can)."""

from __future__ import annotations

from bench.__main__ import STAGES, measure, table


def test_benchmark_measures_every_stage_of_every_path() -> None:
    rows = [(200, path, measure(200, path)) for path in ("csv", "xlsx", "workbook")]
    for _, _, stages in rows:
        assert set(STAGES) <= set(stages) and stages["total"] > 0 and stages["peak_mb"] > 0
        assert stages["vendor_lines"] > 150
    assert table(rows).count("\n") == 4
