"""The shipped benchmark keeps working (it measures; this only checks that it can)."""

from __future__ import annotations

from bench.__main__ import STAGES, measure, scaling, table


def test_benchmark_measures_every_stage_of_every_path() -> None:
    rows = [(200, path, measure(200, path)) for path in ("csv", "xlsx", "workbook")]
    for _, _, stages in rows:
        assert set(STAGES) <= set(stages) and stages["total"] > 0
        assert 0 < stages["peak_mb"] < 400  # the worker's own peak, not its parent's
        assert stages["vendor_lines"] > 150
    assert table(rows).count("\n") == 4


def test_scaling_compares_each_tenfold_step_per_stage() -> None:
    small = dict.fromkeys(STAGES, 0.1) | {"total": 1.0}
    large = dict.fromkeys(STAGES, 1.1) | {"total": 9.0, "startup": 0.1}
    rows = [(2000, "workbook", small), (20000, "workbook", large), (100000, "workbook", large)]
    text = scaling(rows)
    assert "| 2,000 → 20,000 | workbook | 1.0× | 11.0× |" in text and text.endswith("| 9.0× |")
    assert "100,000 →" not in text and scaling(rows[:1]) == ""


def test_floor_and_analyst_baseline_are_measured_side_by_side() -> None:
    from bench.__main__ import floor_table, measure_floor

    floor = measure_floor(200)
    assert floor["cells"] > 1000  # the reconciled workbook's output sheets, counted
    assert floor["total"] == floor["startup"] + floor["read"] + floor["write"] > 0
    rows = [(200, path, measure(200, path)) for path in ("csv", "analyst")]
    analyst = rows[1][2]
    assert analyst["write"] > 0 and analyst["peak_mb"] > 0
    text = floor_table({200: floor}, rows)
    assert "| csv × (CPU ×) | analyst × (CPU ×) |" in text
    assert text.count("×") == 4 + 4 and text.count("\n") == 2
