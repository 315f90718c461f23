"""Month over month over a simulated year (tests/simulated_year.py): each month is reconciled, compared
with last month's archive as written to disk (values only, read back), and archived with the month's
Fixed in PSA statuses. Every figure is checked to the cent against the hand-worked story."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from addin import layout as spec
from addin.cli import main
from addin.workbook.month_archive import read_previous
from addin.workbook.sheets_xlsx import render_bytes
from engine.history.findings import months_between, previous_period
from engine.history.month_over_month import compare_months
from engine.reconcile import reconcile
from engine.result import Result
from tests.simulated_year import FIXED, period, psa_csv, vendor_csv

D = Decimal
ARCHIVE_SHEETS = (*spec.OUTPUT_SHEETS, *spec.MONTH_SHEETS)


def _archive(result: Result, path: Path) -> None:
    fixed = FIXED.get(result.kpis.period or "", [])
    decisions = {
        d.id: ("Fixed in PSA", "fixed")
        for d in result.discrepancies
        if (d.client or d.vendor_client, d.type) in fixed
    }
    path.write_bytes(render_bytes(result, decisions=decisions, sheets=ARCHIVE_SHEETS))


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Result]:
    folder = tmp_path_factory.mktemp("year")
    out: dict[str, Result] = {}
    previous: Path | None = None
    for month in range(1, 13):
        vendor, psa = folder / f"vendor-{month}.csv", folder / f"psa-{month}.csv"
        vendor.write_text(vendor_csv(month))
        psa.write_text(psa_csv(month))
        result = compare_months(
            reconcile(vendor, psa), read_previous(previous) if previous else None
        )
        assert result.kpis.period == period(month)
        out[period(month)] = result
        previous = folder / f"Leakage {period(month)}.xlsx"
        _archive(result, previous)
    return out


def _finding(result: Result, client: str, kind: str) -> tuple[str, int, Decimal, bool, str]:
    (d,) = [x for x in result.discrepancies if x.client == client and x.type == kind]
    return d.first_seen, d.months_open, d.lost_so_far, d.reopened, d.fix_when


def _types(result: Result) -> set[tuple[str, str]]:
    return {(d.client or d.vendor_client, d.type) for d in result.discrepancies}


def test_months_between_and_previous_period() -> None:
    assert months_between("2026-01", "2026-12") == 12
    assert months_between("2025-11", "2026-02") == 4
    assert previous_period("2026-01") == "2025-12"


def test_a_persistent_gap_counts_its_months_and_the_money_already_lost(
    year: dict[str, Result],
) -> None:
    """Alpha: under-billed 2 × $26.00 = $52.00 every month of the year."""
    for month in range(1, 13):
        first, months, lost, reopened, when = _finding(
            year[period(month)], "Alpha Dental", "under_billed"
        )
        assert (first, months, lost, reopened) == ("2026-01", month, D(52) * month, False)
        assert when == "bill now, or reduce at renewal (2026-12-31)"
    # Delta: 2 × $36.00 = $72.00 from January to June, gone once renewed at 18 seats
    assert _finding(year["2026-06"], "Delta Farms", "under_billed")[:3] == ("2026-01", 6, D("432"))
    assert ("Delta Farms", "under_billed") not in _types(year["2026-07"])


def test_a_fix_that_held_and_a_fix_that_came_back(year: dict[str, Result]) -> None:
    """Hotel Nine fixed in February and gone in March; Charlie fixed in March, billed April and May,
    unbilled again from June: reopened, a new run with its own count and money."""
    assert year["2026-02"].kpis.fixed_last_month == 0
    assert year["2026-03"].kpis.fixed_last_month == 1  # Hotel Nine
    assert year["2026-04"].kpis.fixed_last_month == 1  # Charlie
    assert _finding(year["2026-03"], "Charlie Clinic", "unbilled")[:4] == (
        "2026-02",
        2,
        D(24),
        False,
    )
    assert ("Charlie Clinic", "unbilled") not in _types(year["2026-04"])
    assert ("Charlie Clinic", "unbilled") not in _types(year["2026-05"])
    june = year["2026-06"]
    assert _finding(june, "Charlie Clinic", "unbilled") == (
        "2026-06",
        1,
        D(12),
        True,
        "bill now, or reduce now",
    )
    assert june.kpis.reopened_findings == 1
    assert _finding(year["2026-12"], "Charlie Clinic", "unbilled")[:4] == (
        "2026-06",
        7,
        D(84),
        False,
    )
    # the memory of the fix is dropped once it is back, and Hotel Nine's is kept
    assert {f.client for f in june.fixed} == {"Hotel Nine"}


def test_new_and_carried_over_leakage_add_up_to_the_month(year: dict[str, Result]) -> None:
    expected = {  # (new, carried)
        "2026-01": ("124.00", "0.00"),
        "2026-02": ("12.00", "124.00"),
        "2026-03": ("0.00", "136.00"),
        "2026-06": ("12.00", "124.00"),
        "2026-07": ("0.00", "64.00"),
        "2026-10": ("1.80", "64.00"),  # Golf's below cost under EST: (36.90 − 36.00) × 2
        "2026-12": ("0.00", "65.80"),
    }
    for month, (new, carried) in expected.items():
        k = year[month].kpis
        assert (k.new_leakage, k.carried_leakage) == (D(new), D(carried)), month
        assert k.new_leakage + k.carried_leakage == k.monthly_leakage
    assert _finding(year["2026-12"], "Golf Partners", "below_cost") == (
        "2026-10",
        3,
        D("5.40"),
        False,
        "bill now",
    )


def test_vendor_cost_moves_while_the_psa_price_stayed(year: dict[str, Result]) -> None:
    april = year["2026-04"]
    rows = [
        (c.scope, c.client, c.previous_cost, c.cost, c.monthly_effect) for c in april.price_changes
    ]
    assert rows == [
        ("product", "", D("12.50"), D("13.75"), D("6.25")),
        ("client", "Bravo Legal", D("12.50"), D("13.75"), D("6.25")),
    ]
    assert april.kpis.price_change_effect == D("6.25")
    assert year["2026-05"].price_changes == () and year["2026-05"].kpis.price_change_effect == 0
    september = year["2026-09"]  # Echo under EST: 6.00 → 6.18 on 10 seats; Foxtrot's 4 unchanged
    rows = [
        (c.scope, c.client, c.previous_cost, c.cost, c.monthly_effect)
        for c in september.price_changes
    ]
    assert rows == [
        ("product", "", D("6.00"), D("6.13"), D("1.80")),  # (61.80 + 24.00) ÷ 14 = 6.1286
        ("client", "Echo Retail", D("6.00"), D("6.18"), D("1.80")),
    ]
    assert year["2026-10"].kpis.price_change_effect == D("13.80")  # Copilot 30.00 → 36.90, 2 seats
    assert year["2026-01"].price_changes == ()  # nothing to compare with


def test_margins_under_the_target_before_they_turn_below_cost(year: dict[str, Result]) -> None:
    """Delta: (36 − 33) ÷ 36 = 8.33%; to reach 15%: 33 ÷ 0.85 = 38.8235…, (38.8235 − 36) × 18 =
    50.82. Bravo from April: (15 − 13.75) ÷ 15 = 8.33%; (16.1765 − 15) × 5 = 5.88."""
    march = year["2026-03"]
    assert [
        (t.client, t.margin_percent, t.price_at_target, t.monthly_shortfall)
        for t in march.thin_margins
    ] == [("Delta Farms", D("8.33"), D("38.82"), D("50.82"))]
    april = year["2026-04"]
    assert [(t.client, t.monthly_shortfall) for t in april.thin_margins] == [
        ("Delta Farms", D("50.82")),
        ("Bravo Legal", D("5.88")),
    ]
    assert april.kpis.thin_margin_shortfall == D("56.70")
    # Golf under EST is below cost: a discrepancy, not a thin margin
    assert "Golf Partners" not in {t.client for t in year["2026-10"].thin_margins}


def test_extended_service_terms_surcharge_and_renewals_due(year: dict[str, Result]) -> None:
    september = year["2026-09"]
    (est,) = [t for t in september.terms if t.kind == "extended_terms"]
    assert (est.client, est.end_date, est.surcharge_percent, est.monthly_surcharge, est.days) == (
        "Echo Retail",
        "2026-08-31",
        D(3),
        D("1.80"),  # 61.80 × 3 ÷ 103
        1,
    )
    assert est.action.startswith("Renew or cancel")
    october = year["2026-10"]
    surcharges = {t.client: (t.surcharge_percent, t.monthly_surcharge) for t in october.terms}
    assert surcharges == {
        "Echo Retail": (D(3), D("1.80")),
        "Golf Partners": (D(23), D("13.80")),  # 73.80 × 23 ÷ 123: no monthly Copilot on the bill
    }
    assert october.kpis.extended_terms_surcharge == D("15.60")
    renewals = {
        month: [
            (t.client, t.end_date, t.days, t.vendor_qty, t.psa_qty)
            for t in year[month].terms
            if t.kind == "renewal"
        ]
        for month in ("2026-04", "2026-05", "2026-06", "2026-10", "2026-11", "2026-12")
    }
    assert renewals == {
        "2026-04": [],  # 90 days out
        "2026-05": [("Delta Farms", "2026-06-30", 60, D(20), D(18))],
        "2026-06": [("Delta Farms", "2026-06-30", 29, D(20), D(18))],
        "2026-10": [],
        "2026-11": [("Alpha Dental", "2026-12-31", 60, D(10), D(8))],
        "2026-12": [("Alpha Dental", "2026-12-31", 30, D(10), D(8))],
    }
    assert "within 30 days" in next(t for t in year["2026-12"].terms if t.kind == "renewal").action
    assert year["2026-04"].kpis.extended_terms_surcharge == 0


def test_the_archive_shows_the_new_columns_and_the_prices_sheet(
    year: dict[str, Result], tmp_path: Path
) -> None:
    path = tmp_path / "june.xlsx"
    path.write_bytes(render_bytes(year["2026-06"], sheets=ARCHIVE_SHEETS))
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book[spec.DISCREPANCIES].iter_rows(values_only=True))
    header = list(rows[spec.DISCREPANCY_HEADER_ROW])
    data = [dict(zip(header, r, strict=False)) for r in rows[spec.DISCREPANCY_HEADER_ROW + 1 :]]
    charlie = next(r for r in data if r["Client"] == "Charlie Clinic")
    assert (charlie[spec.FIRST_SEEN_HEADER], charlie[spec.MONTHS_OPEN_HEADER]) == ("2026-06", 1)
    assert charlie[spec.REOPENED_HEADER] == spec.REOPENED
    assert charlie[spec.FIX_WHEN_HEADER] == "bill now, or reduce now"
    delta = next(r for r in data if r["Client"] == "Delta Farms")
    assert D(str(delta[spec.LOST_HEADER])) == D(432)
    prices = [r for r in book[spec.PRICES].iter_rows(values_only=True)][3:]
    assert {(r[0], r[1]) for r in prices} == {
        ("Thin margin", "Delta Farms"),
        ("Thin margin", "Bravo Legal"),
        ("Renewal due", "Delta Farms"),
    }


def test_cli_previous_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for month in (3, 4):
        (tmp_path / f"v{month}.csv").write_text(vendor_csv(month))
        (tmp_path / f"p{month}.csv").write_text(psa_csv(month))
    march = tmp_path / "march.xlsx"
    assert (
        main(
            [
                "reconcile",
                "--vendor",
                str(tmp_path / "v3.csv"),
                "--psa",
                str(tmp_path / "p3.csv"),
                "--out",
                str(march),
                "--quiet",
            ]
        )
        == 0
    )
    csv_path = tmp_path / "april.csv"
    code = main(
        [
            "reconcile",
            "--vendor",
            str(tmp_path / "v4.csv"),
            "--psa",
            str(tmp_path / "p4.csv"),
            "--previous",
            str(march),
            "--csv",
            str(csv_path),
            "--quiet",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Since 2026-03:" in out and "Vendor cost moves:      $6.25 per month" in out
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "first_seen,months_open,cumulative_impact,reopened,fix_when" in text.splitlines()[0]
    # March had no archive before it: every March finding is first seen in March
    assert ",2026-03,2,144.00,," in text  # Delta: 72.00 in March + 72.00 in April
    # an archive of the same month (or later) is refused with a message
    assert (
        main(
            [
                "reconcile",
                "--vendor",
                str(tmp_path / "v3.csv"),
                "--psa",
                str(tmp_path / "p3.csv"),
                "--previous",
                str(march),
                "--quiet",
            ]
        )
        == 3
    )
    assert "not of a month before 2026-03" in capsys.readouterr().err


def test_the_workbook_finds_last_months_archive_beside_it(
    tmp_path: Path, template_bytes: bytes, write: Callable[..., Path]
) -> None:
    """Archive Month writes '<book> - Leakage 2026-03.xlsx'; April's Reconcile compares with it."""
    import csv
    import io

    from addin.workbook.headless import archive_month, reconcile_workbook
    from addin.workbook.paste import pasted_workbook

    def rows(text: str) -> list[list[str]]:
        return [list(r) for r in csv.reader(io.StringIO(text))]

    book = tmp_path / "Leakage.xlsm"
    book.write_bytes(pasted_workbook(template_bytes, rows(vendor_csv(3)), rows(psa_csv(3))))
    archive = archive_month(book)
    assert archive.name == "Leakage - Leakage 2026-03.xlsx"
    kept = openpyxl.load_workbook(archive, read_only=True)  # the month's inputs, values only
    vendor_rows = [list(r) for r in kept[spec.VENDOR].iter_rows(values_only=True) if any(r)]
    assert vendor_rows[0] == rows(vendor_csv(3))[0]
    assert [r[1] for r in vendor_rows[1:]] == [r[1] for r in rows(vendor_csv(3))[1:]]
    assert sum(any(r) for r in kept[spec.PSA].iter_rows(values_only=True)) == len(rows(psa_csv(3)))
    book.write_bytes(pasted_workbook(template_bytes, rows(vendor_csv(4)), rows(psa_csv(4))))
    result = reconcile_workbook(book)
    assert result.kpis.previous_period == "2026-03"
    assert _finding(result, "Delta Farms", "under_billed")[:3] == ("2026-03", 2, D(144))
    assert result.kpis.price_change_effect == D("6.25")
    sheets = openpyxl.load_workbook(book, read_only=True).sheetnames
    assert spec.PRICES in sheets and spec.PAIRS not in sheets  # Pairs and Fixed: archives only
    assert spec.FIXED in openpyxl.load_workbook(archive, read_only=True).sheetnames


def test_each_new_column_and_kpi_is_explained_in_the_readme_and_on_start() -> None:
    from addin.template.build import default_template_path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    book = openpyxl.load_workbook(default_template_path(), read_only=True)
    start = [str(v) for row in book[spec.START].iter_rows(values_only=True) for v in row if v]
    for label, text in spec.MONTH_OVER_MONTH_HELP:
        assert f"- **{label}**: {text}" in readme, label
        assert label in start and text in start, label


def test_json_summary_carries_the_separate_lists(year: dict[str, Result]) -> None:
    summary = year["2026-10"].summary()
    assert summary["kpis"]["extended_terms_surcharge"] == "15.60"
    assert (
        summary["kpis"]["new_leakage"] == "1.80" and summary["kpis"]["carried_leakage"] == "64.00"
    )
    assert {t["client"]: t["monthly_surcharge"] for t in summary["terms"]} == {
        "Echo Retail": "1.80",
        "Golf Partners": "13.80",
    }
    assert [c["monthly_effect"] for c in summary["price_changes"]] == ["13.80", "13.80"]


def test_history_charts_the_months(year: dict[str, Result]) -> None:
    """History keeps new and carried-over leakage; the KPIs sheet charts the ratio against the
    target, recovered dollars, minutes to reconcile and corrections over the twelve months."""
    import zipfile
    from io import BytesIO

    history = [spec.history_row(year[period(m)]) for m in range(1, 12)]
    december = year["2026-12"]
    layout = spec.kpi_layout(december, None, spec.history_with_current(history, december))
    assert [c.rows for c in layout.charts] == [3, 12, 12, 12, 12]
    rows = layout.history.rows
    headers = [c.header for c in layout.history.columns]
    new, carried = headers.index("New leakage"), headers.index("Carried-over leakage")
    assert [(r[0], r[new], r[carried]) for r in rows[:3]] == [
        ("2026-01", D("124.00"), D("0.00")),
        ("2026-02", D("12.00"), D("124.00")),
        ("2026-03", D("0.00"), D("136.00")),
    ]
    with zipfile.ZipFile(BytesIO(render_bytes(december, history=history))) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    titles = " ".join(charts)
    for title in ("Recovered per month", "Minutes to reconcile", "Corrections by month"):
        assert title in titles
    tiles = {tile.label: tile for _, _, tile in layout.tiles}
    assert tiles["New leakage"].value == D("0.00")
    assert "$65.80 carried over from 2026-11" in tiles["New leakage"].note


def test_the_sample_audit_shows_a_second_month(tmp_path: Path) -> None:
    from addin.sample.audit import run_sample

    result, written = run_sample(tmp_path / "audit", clients=30, seed=5)
    archive = next(p for p in written if p.name.endswith("Leakage 2025-07.xlsx"))
    last = {f.id: f for f in read_previous(archive).findings}
    k = result.kpis
    assert (k.period, k.previous_period, k.reopened_findings) == ("2025-08", "2025-07", 1)
    carried = [d for d in result.discrepancies if d.months_open == 2]
    new = [d for d in result.discrepancies if d.months_open == 1 and not d.reopened]
    assert carried and new
    for d in carried:  # money lost since first seen: last month's impact + this month's
        assert (
            d.first_seen == "2025-07"
            and d.lost_so_far == last[d.id].monthly_impact + d.monthly_impact
        )
    assert (
        k.new_leakage
        and k.carried_leakage
        and k.new_leakage + k.carried_leakage == k.monthly_leakage
    )
    assert [c for c in result.price_changes if c.scope == "client" and c.direction == "rose"]
    assert k.price_change_effect > 0
    # the reconciled workbook found the archive beside it by itself
    book = openpyxl.load_workbook(
        tmp_path / "audit" / "Leakage Finder - sample.xlsm", read_only=True
    )
    rows = list(book[spec.DISCREPANCIES].iter_rows(values_only=True))
    header = list(rows[spec.DISCREPANCY_HEADER_ROW])
    months = header.index(spec.MONTHS_OPEN_HEADER)
    assert {r[months] for r in rows[spec.DISCREPANCY_HEADER_ROW + 1 :]} == {1, 2}
    reopened = header.index(spec.REOPENED_HEADER)
    assert [r[reopened] for r in rows[spec.DISCREPANCY_HEADER_ROW + 1 :]].count(spec.REOPENED) == 1


def test_prices_csv_lists_each_section(year: dict[str, Result], tmp_path: Path) -> None:
    import csv
    import io

    from engine.export import PRICES_CSV_COLUMNS, prices_csv

    text = prices_csv(year["2026-10"]).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == PRICES_CSV_COLUMNS
    got = {(r["section"], r["client"], r["monthly_effect"]) for r in rows}
    assert got == {
        ("cost_rose", "", "13.80"),
        ("cost_rose", "Golf Partners", "13.80"),
        ("thin_margin", "Delta Farms", "50.82"),
        ("thin_margin", "Bravo Legal", "5.88"),
        ("extended_terms", "Echo Retail", "1.80"),
        ("extended_terms", "Golf Partners", "13.80"),
    }


def test_target_margin_is_read_from_the_settings_sheet_and_checked() -> None:
    from addin.workbook.settings_sheet import read_settings
    from engine.errors import SettingsError
    from engine.settings import Settings, settings_from_dict

    assert read_settings([["Target margin (%)", 20]]).target_margin_percent == D(20)
    assert read_settings([]).target_margin_percent == D(15)
    assert settings_from_dict({"target_margin_percent": "12.5"}).target_margin_percent == D("12.5")
    with pytest.raises(SettingsError, match="target margin"):
        Settings(target_margin_percent=D(100))


def test_a_file_that_is_not_an_archive_is_refused_with_a_message(
    tmp_path: Path, write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from addin.workbook.report import write_report

    vendor, psa = write("v.csv", vendor_csv(4)), write("p.csv", psa_csv(4))
    other = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Something else"
    book.save(other)
    assert (
        main(
            [
                "reconcile",
                "--vendor",
                str(vendor),
                "--psa",
                str(psa),
                "--previous",
                str(other),
                "--quiet",
            ]
        )
        == 3
    )
    assert "no 'Discrepancies' sheet" in capsys.readouterr().err
    missing = tmp_path / "missing.xlsx"
    assert (
        main(
            [
                "reconcile",
                "--vendor",
                str(vendor),
                "--psa",
                str(psa),
                "--previous",
                str(missing),
                "--quiet",
            ]
        )
        == 3
    )
    assert "no such archive" in capsys.readouterr().err
    # an archive from before these columns existed: every finding in it counts from its month
    old = tmp_path / "Leakage 2026-03.xlsx"
    write_report(reconcile(write("v3.csv", vendor_csv(3)), write("p3.csv", psa_csv(3))), old)
    last = read_previous(old)
    assert last.period == "2026-03" and {f.first_seen for f in last.findings} == {"2026-03"}


@pytest.mark.parametrize("seed", range(3))
def test_new_plus_carried_is_the_months_leakage_whatever_last_month_held(seed: int) -> None:
    """Property: for any subset of this month's findings seen last month (any first month, any
    status), new + carried = confirmed leakage, months open ≥ 1, and money lost since ≥ this month."""
    import random

    from engine.history.findings import PastFinding, PreviousMonth, with_past

    base = reconcile_month(4)
    rng = random.Random(seed)
    past = tuple(
        PastFinding(
            d.id,
            d.type,
            d.client,
            d.product,
            d.monthly_impact,
            rng.choice(["2025-11", "2026-01", "2026-03"]),
            1,
            D(rng.randint(0, 9999)) / 100,
            rng.choice(["Open", "Fixed in PSA", "Accepted"]),
        )
        for d in base.discrepancies
        if rng.random() < 0.6
    )
    result = with_past(base, PreviousMonth("2026-03", past))
    k = result.kpis
    assert k.new_leakage is not None and k.new_leakage + k.carried_leakage == k.monthly_leakage
    by_id = {f.id: f for f in past}
    for d in result.discrepancies:
        before = by_id.get(d.id)
        assert d.months_open >= 1 and d.lost_so_far >= d.monthly_impact
        if before is not None and before.status != "Fixed in PSA":
            assert d.lost_so_far == before.cumulative_impact + d.monthly_impact
            assert d.months_open == months_between(before.first_seen, "2026-04")
        assert d.reopened == (before is not None and before.status == "Fixed in PSA")


def reconcile_month(month: int) -> Result:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        vendor, psa = Path(folder) / "v.csv", Path(folder) / "p.csv"
        vendor.write_text(vendor_csv(month))
        psa.write_text(psa_csv(month))
        return reconcile(vendor, psa)


PAX8 = """companyName,companyId,startPeriod,endPeriod,quantity,term,sku,description,price,subTotal,cost,costTotal,productName,type,commitmentEndDate
Alpha Dental,1,2026-07-01,2026-07-31,10,Annual,SKU1,Microsoft 365 Business Premium,26.00,260.00,22.00,220.00,Microsoft 365 Business Premium,subscription,2026-08-31
Bravo Legal,2,2026-07-01,2026-07-31,6,Monthly,SKU2,Microsoft 365 Business Standard,15.00,90.00,12.50,75.00,Microsoft 365 Business Standard,subscription,
Charlie Clinic,3,2026-07-01,2026-07-31,4,Annual,SKU3,Exchange Online (Plan 1),5.00,20.00,4.00,16.00,Exchange Online (Plan 1),subscription,
Delta Farms,4,2026-07-01,2026-07-31,2,Monthly,SKU2,Microsoft 365 Business Standard,15.00,30.00,12.50,25.00,Microsoft 365 Business Standard,subscription,
"""
PAX8_PSA = """Company Name,Description,Quantity,Less Included,Price,Bill,Cancelled,Addition Status
Alpha Dental,Microsoft 365 Business Premium,8,0,$26.00,Billable,,Active
Bravo Legal,Microsoft 365 Business Standard,5,0,$15.00,Billable,,Active
Charlie Clinic,Exchange Online (Plan 1),3,0,$5.00,Billable,,Active
Delta Farms,Microsoft 365 Business Standard,3,0,$15.00,Billable,,Active
"""


def test_pax8_terms_say_when_seats_can_be_reduced(write: Callable[..., Path]) -> None:
    """Pax8: the commitment end date when the export carries it, else the term alone; endPeriod is
    the charge period's end and never read as a renewal."""
    result = reconcile(write("pax8.csv", PAX8), write("psa.csv", PAX8_PSA))
    assert result.mappings["vendor"].columns["subscription_end"] == "commitmentEndDate"
    when = {(d.client, d.type): d.fix_when for d in result.discrepancies}
    assert when == {
        ("Alpha Dental", "under_billed"): "bill now, or reduce at renewal (2026-08-31)",
        ("Bravo Legal", "under_billed"): "bill now, or reduce now",
        ("Charlie Clinic", "under_billed"): "bill now, or reduce at renewal (date not on the bill)",
        ("Delta Farms", "over_billed"): "reduce now",
    }
    # Alpha renews in 61 days from 2026-07-01: outside the 60-day window; nothing lapsed
    assert result.terms == ()


def test_the_ribbon_compares_with_last_months_archive(
    tmp_path: Path, template_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Live Excel (the xlwings fake): Reconcile finds March's archive beside the workbook, shows
    months open on Discrepancies and writes Prices after the output sheets."""
    import csv
    import io

    import xlwings

    from addin.excel import live as macros
    from addin.template.sheets import SHEETS
    from addin.workbook.headless import read_grids
    from addin.workbook.paste import pasted_workbook
    from tests.fake_xlwings import FakeBook

    def rows(text: str) -> list[list[str]]:
        return [list(r) for r in csv.reader(io.StringIO(text))]

    path = tmp_path / "Leakage.xlsm"
    path.write_bytes(pasted_workbook(template_bytes, rows(vendor_csv(4)), rows(psa_csv(4))))
    march = compare_months(reconcile_month(3), None)
    _archive(march, tmp_path / "Leakage - Leakage 2026-03.xlsx")
    book = FakeBook(name=path.name, fullname=str(path))
    for name, grid in read_grids(path, list(SHEETS)).items():
        sheet = book.sheets.add(name=name)
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cells[(r, c)] = value
    monkeypatch.setattr(xlwings.Book, "caller", classmethod(lambda cls: book))
    macros.reconcile()
    assert [s.name for s in book.sheets][-5:] == [*spec.OUTPUT_SHEETS, spec.PRICES]
    cells = book.sheets[spec.DISCREPANCIES].cells
    top = spec.DISCREPANCY_HEADER_ROW + 1
    header = {cells.get((top, c)): c for c in range(1, len(spec.DISCREPANCY_COLUMNS) + 1)}
    found = {
        cells.get((r, header["Client"])): (
            cells.get((r, header[spec.FIRST_SEEN_HEADER])),
            cells.get((r, header[spec.MONTHS_OPEN_HEADER])),
        )
        for r in range(top + 1, top + 10)
        if cells.get((r, header["Client"]))
    }
    assert found["Delta Farms"] == ("2026-03", 2) and found["Alpha Dental"] == ("2026-03", 2)
    prices = book.sheets[spec.PRICES].cells
    assert "Cost rose" in {v for (r, c), v in prices.items() if c == 1}


def test_a_finding_with_its_past_is_the_finding_replace_would_make(
    year: dict[str, Result],
) -> None:
    """Findings get their past through a fast copy: field for field what dataclasses.replace makes,
    the finding it came from untouched."""
    from dataclasses import fields, replace

    from engine.history.findings import _renewed

    findings = [d for result in year.values() for d in result.discrepancies][:50]
    assert findings
    for d in findings:
        before = {f.name: getattr(d, f.name) for f in fields(d)}
        changes = {"first_seen": "2026-01", "months_open": 3, "cumulative_impact": Decimal("9.99")}
        renewed = _renewed(d, **changes)
        expected = replace(d, **changes)
        assert type(renewed) is type(expected)
        assert renewed == expected and hash(renewed) == hash(expected)
        assert {f.name: getattr(d, f.name) for f in fields(d)} == before


def test_the_pairs_are_built_once_when_first_read_and_read_as_their_tuple() -> None:
    """A result's pairs are built the first time something reads them (a run to CSV never does:
    issue 15), once, and read as the tuple they stand for."""
    from engine.result import Pair, Pairs

    one = Pair("Contoso", "Microsoft 365 E3", Decimal(10), Decimal(8), Decimal("36"), Decimal("38"))
    two = Pair("Fabrikam", "Exchange Online (Plan 1)", None, Decimal(2), None, Decimal("4.5"))
    built: list[int] = []

    def build() -> tuple[Pair, ...]:
        built.append(1)
        return (one, two)

    pairs = Pairs(build)
    assert built == []
    assert len(pairs) == 2 and pairs[0] == one and pairs[-1] == two and pairs[:1] == (one,)
    assert list(pairs) == [one, two] and two in pairs
    assert pairs == (one, two) and (one, two) == pairs and pairs == Pairs(lambda: (one, two))
    assert pairs != (one,) and pairs != [one, two]
    assert built == [1]


def test_a_runs_pairs_are_every_client_and_product_with_seats(year: dict[str, Result]) -> None:
    """Built when read, the pairs are still every (client, product) with seats on either side, by
    client then product, every finding's among them."""
    result = year[period(3)]
    pairs = list(result.pairs)
    assert pairs and pairs == sorted(pairs, key=lambda p: (p.client, p.product))
    assert all(p.vendor_qty or p.psa_qty for p in pairs)
    assert {(p.client, p.product) for p in pairs} >= {
        (d.client or d.vendor_client, d.product) for d in result.discrepancies
    }
