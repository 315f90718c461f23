"""The reviewer's workbook, read back by openpyxl: headers, severity colours, legend, print set-up,
active sheet, number formats, currency, KPIs — and time to reconcile over a simulated month."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import replace
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest

from addin import layout as spec
from addin.sample.csv_bytes import to_csv_bytes
from addin.sample.psa_exports import psa_rows
from addin.sample.scenario import make_scenario
from addin.sample.vendor_exports import vendor_rows
from addin.workbook import headless as workbook_file
from addin.workbook.headless import reconcile_workbook
from addin.workbook.review_log import LOG_COLUMNS, read_log, record_run, review
from addin.workbook.settings_sheet import EXCLUDE_HEADER, MAPPING_HEADER, read_settings
from addin.workbook.sheets_xlsx import render_bytes
from engine.reconcile import reconcile
from engine.result import LEAKAGE_TYPES, Result

TOP = spec.DISCREPANCY_HEADER_ROW + 1  # the header's sheet row


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Result:
    folder = tmp_path_factory.mktemp("sample")
    scenario = make_scenario(40, seed=7)
    vendor, psa = folder / "vendor.csv", folder / "psa.csv"
    vendor.write_bytes(to_csv_bytes(vendor_rows(scenario, "partner_center"), fmt="partner_center"))
    psa.write_bytes(to_csv_bytes(psa_rows(scenario, "connectwise"), fmt="connectwise"))
    return reconcile(vendor, psa)


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(BytesIO(data))


def _tile(sheet: openpyxl.worksheet.worksheet.Worksheet, label: str):  # type: ignore[no-untyped-def]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == label)
    return sheet.cell(cell.row + 1, cell.column), sheet.cell(cell.row + 2, cell.column)


def test_discrepancies_read_as_plain_english_with_leakage_first(result: Result) -> None:
    sheet = _book(render_bytes(result))[spec.DISCREPANCIES]
    header = [c.value for c in sheet[TOP]]
    assert header == [c.header for c in spec.DISCREPANCY_COLUMNS]
    assert not any(re.fullmatch(r"[a-z]+(_[a-z]+)+", h) for h in header)  # no code names
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(TOP + 1, values_only=True)]
    assert len(rows) == len(result.discrepancies)
    kinds = [r["Leakage or exposure"] for r in rows]
    assert kinds == sorted(kinds, key=lambda k: k != "Leakage") and "Exposure" in kinds
    assert [r["Priority"] for r in rows] == list(range(1, len(rows) + 1))
    assert {r["Severity"] for r in rows} <= set(spec.SEVERITIES)
    assert {r["Finding"] for r in rows} <= set(spec.TYPE_NAMES.values())
    leaked = sum(d.monthly_impact for d in result.discrepancies if d.type in LEAKAGE_TYPES)
    assert (
        sum(
            Decimal(str(r["Monthly impact"])) for r in rows if r["Leakage or exposure"] == "Leakage"
        )
        == leaked
    )
    # confidence only for inferred matches: never 100% nor 0%
    assert all(r["Match confidence"] is None or 0 < r["Match confidence"] < 1 for r in rows)
    assert not any("s's " in r["What to do"] for r in rows)  # "Holdings'", not "Holdings's"
    assert sheet.cell(TOP + 1, header.index("What to do") + 1).alignment.wrap_text


def test_check_first_rows_are_marked_with_their_evidence(result: Result) -> None:
    first = result.discrepancies[0]
    doubtful = replace(first, check_first=True, evidence="name 0.86 + 3 of 4 products")
    marked = replace(result, discrepancies=(doubtful, *result.discrepancies[1:]))
    sheet = _book(render_bytes(marked))[spec.DISCREPANCIES]
    header = [c.value for c in sheet[TOP]]
    row = next(r for r in sheet.iter_rows(TOP + 1, values_only=True) if r[-1] == first.id)
    assert row[header.index(spec.CHECK_HEADER)] == spec.CHECK_FIRST
    assert row[header.index("Why check first (match evidence)")] == "name 0.86 + 3 of 4 products"


def test_severity_colours_come_from_conditional_formats_and_the_legend_is_on_screen(
    result: Result,
) -> None:
    sheet = _book(render_bytes(result))[spec.DISCREPANCIES]
    severity = "B"
    fills = {}
    for area in sheet.conditional_formatting:
        for rule in area.rules:
            match = re.fullmatch(rf'\${severity}{TOP + 1}="(\w+)"', rule.formula[0])
            if match and str(area.sqref).startswith(f"A{TOP + 1}:"):
                fills[match.group(1)] = rule.dxf.fill.bgColor.rgb[-6:]
    assert fills == {k: v.lstrip("#").upper() for k, v in spec.SEVERITY_FILLS.items()}
    legend = {sheet.cell(2, c).value: sheet.cell(2, c) for c in range(1, 8)}
    for level, colour in spec.SEVERITY_FILLS.items():  # top of the sheet, in the first columns
        assert legend[level].fill.fgColor.rgb[-6:] == colour.lstrip("#").upper()
    assert spec.CHECK_FIRST in legend
    assert "Leakage =" in sheet.cell(3, 1).value and "Exposure =" in sheet.cell(3, 1).value
    assert sheet.freeze_panes == f"A{TOP + 1}"  # title, legend and header stay on screen


def test_print_setup_and_grouped_technical_columns(result: Result) -> None:
    sheet = _book(render_bytes(result))[spec.DISCREPANCIES]
    readable = spec.OutputTable(spec.DISCREPANCIES, spec.DISCREPANCY_COLUMNS, []).visible_columns
    last = openpyxl.utils.get_column_letter(readable)
    assert (
        sheet.print_area == f"'{spec.DISCREPANCIES}'!$A$1:${last}${TOP + len(result.discrepancies)}"
    )
    assert sheet.print_title_rows == f"$1:${TOP}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0
    assert result.kpis.period and result.kpis.period in sheet.oddFooter.left.text
    dimensions = list(sheet.column_dimensions.values())  # one per run of equal columns
    for index, column in enumerate(spec.DISCREPANCY_COLUMNS, start=1):
        dimension = next(d for d in dimensions if d.min <= index <= d.max)
        assert bool(dimension.hidden) == column.detail, column.header
        assert dimension.outlineLevel == int(column.detail), column.header
    assert [c.header for c in spec.DISCREPANCY_COLUMNS if c.detail][-1] == spec.ID_HEADER


def test_number_formats_show_no_trailing_dot_and_money_is_in_the_bills_currency(
    result: Result,
) -> None:
    euro = replace(result, kpis=replace(result.kpis, currency="EUR"))
    book = _book(render_bytes(euro))
    formats = {
        cell.number_format
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, int | float)
    }
    assert formats and not [f for f in formats if re.search(r"\.#|#\.(?!0)", f)], formats
    money = spec.money_format("EUR")
    assert money in formats and "€" in money and "$" not in money
    discrepancies = book[spec.DISCREPANCIES]
    header = [c.value for c in discrepancies[TOP]]
    assert discrepancies.cell(TOP + 1, header.index("Monthly impact") + 1).number_format == money
    assert discrepancies.cell(TOP + 1, header.index("Vendor seats") + 1).number_format == "General"
    assert "amounts in EUR" in discrepancies.cell(1, 1).value
    kpis = book[spec.KPIS]
    value, note = _tile(kpis, "Vendor monthly total")
    assert value.number_format == money and "€" in note.value and "annual (prepaid)" in note.value
    assert spec.format_amount(Decimal("-1234.5"), "EUR") == "-€1,234.50"
    assert spec.format_amount(Decimal("1234"), "CHF") == "CHF 1,234.00"


def test_a_price_per_gb_keeps_its_places_and_amounts_stay_in_cents(result: Result) -> None:
    """Storage at $0.0059 a GB shown as $0.01 would read as a wrong price; impacts stay cents."""
    first = replace(result.discrepancies[0], vendor_unit_cost=Decimal("0.0059"))
    book = _book(render_bytes(replace(result, discrepancies=[first, *result.discrepancies[1:]])))
    discrepancies = book[spec.DISCREPANCIES]
    header = [c.value for c in discrepancies[TOP]]
    cost = discrepancies.cell(TOP + 1, header.index("Vendor cost per seat / month") + 1)
    price = discrepancies.cell(TOP + 1, header.index("PSA price per seat / month") + 1)
    impact = discrepancies.cell(TOP + 1, header.index("Monthly impact") + 1)
    assert cost.value == pytest.approx(0.0059)
    assert cost.number_format == price.number_format == '"$"#,##0.00##;[Red]-"$"#,##0.00##'
    assert impact.number_format == spec.money_format("USD")
    assert spec.number_format("unit_money", "GBP") == '"£"#,##0.00##;[Red]-"£"#,##0.00##'
    assert spec.number_format("unit_money", "SEK").startswith("#,##0.00##")


def test_kpis_ratio_is_red_or_green_against_the_target_and_charts_have_a_target_line(
    result: Result,
) -> None:
    above = _book(render_bytes(result))[spec.KPIS]
    value, note = _tile(above, "Leakage ratio")
    assert result.kpis.leakage_ratio_percent > result.kpis.leakage_target_percent
    assert value.fill.fgColor.rgb[-6:] == spec.BAD_FILL.lstrip("#") and "above target" in note.value
    lenient = replace(result, kpis=replace(result.kpis, leakage_target_percent=Decimal(50)))
    value, note = _tile(_book(render_bytes(lenient))[spec.KPIS], "Leakage ratio")
    assert value.fill.fgColor.rgb[-6:] == spec.GOOD_FILL.lstrip("#") and "on target" in note.value
    headline, _ = _tile(above, "Monthly leakage")
    assert Decimal(str(headline.value)) == result.kpis.monthly_leakage  # confirmed only
    with zipfile.ZipFile(BytesIO(render_bytes(result))) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    assert len(charts) == 5  # by type, ratio vs target, recovered, minutes, corrections
    bar = next(c for c in charts if "<c:barChart>" in c)
    line = next(c for c in charts if "<c:lineChart>" in c and c.count("<c:ser>") == 2)
    assert bar.count("<c:ser>") == 1 and line.count("<c:ser>") == 2
    assert "Target" in line or spec.TARGET_HEADER in line  # the 2% line from History


def test_workbook_opens_on_discrepancies_and_start_keeps_its_bytes(sample_book: Path) -> None:
    with zipfile.ZipFile(sample_book) as archive:
        start_before = archive.read("xl/worksheets/sheet1.xml")
    reconcile_workbook(sample_book)
    book = openpyxl.load_workbook(sample_book, keep_vba=True)
    assert book.active.title == spec.DISCREPANCIES
    assert [s.title for s in book.worksheets if s.sheet_view.tabSelected] == [spec.DISCREPANCIES]
    assert book[spec.ACTIVITY_LOG].sheet_state == "hidden"
    sheet = book[spec.DISCREPANCIES]  # the print set-up travels into the user's workbook too
    assert sheet.print_title_rows == f"$1:${TOP}"
    assert sheet.print_area.startswith(f"'{spec.DISCREPANCIES}'!$A$1:$V$")
    assert book[spec.KPIS].print_area.startswith(f"'{spec.KPIS}'!$A$1:")
    with zipfile.ZipFile(sample_book) as archive:
        assert archive.read("xl/worksheets/sheet1.xml") == start_before


def _set_statuses(path: Path, status: str, count: int | None = None) -> list[str]:
    """Type ``status`` into the first ``count`` Open rows (all when None) and save, as a user would."""
    book = openpyxl.load_workbook(path, keep_vba=True)
    sheet = book[spec.DISCREPANCIES]
    header = [c.value for c in sheet[TOP]]
    status_col, id_col = header.index(spec.STATUS_HEADER) + 1, header.index(spec.ID_HEADER) + 1
    changed = []
    for row in range(TOP + 1, sheet.max_row + 1):
        if sheet.cell(row, status_col).value == "Open" and (count is None or len(changed) < count):
            sheet.cell(row, status_col).value = status
            changed.append(str(sheet.cell(row, id_col).value))
    book.save(path)
    return changed


def _kpi(path: Path, label: str) -> tuple[object, str]:
    value, note = _tile(openpyxl.load_workbook(path)[spec.KPIS], label)
    return value.value, str(note.value)


def test_time_to_reconcile_over_a_simulated_month(
    sample_book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Import, run, review some, re-run, the PSA re-imported after fixes, all reviewed: the minutes
    from the month's import to the last finding reviewed, as the workbook recorded them."""
    clock = iter(dt.datetime(2025, 9, 2, 9, minute) for minute in (0, 12, 31, 45))  # the four runs
    monkeypatch.setattr(workbook_file, "clock", lambda: next(clock))

    first = reconcile_workbook(sample_book)  # 09:00 the data is new: import and run logged
    value, note = _kpi(sample_book, "Time to reconcile")
    assert value == "In progress" and f"{len(first.discrepancies)} of" in note

    fixed = _set_statuses(sample_book, "Fixed in PSA", 3)
    reconcile_workbook(sample_book)  # 09:12 three reviewed
    value, note = _kpi(sample_book, "Time to reconcile")
    assert value == "In progress" and "12 min since" in note
    assert _kpi(sample_book, "Corrections")[0] == 3

    # the PSA export is pasted again after the fixes: a new import, but the month began at 09:00
    book = openpyxl.load_workbook(sample_book, keep_vba=True)
    psa = book[spec.PSA]
    psa.cell(psa.max_row + 1, 1).value = "Total"
    book.save(sample_book)
    # every other finding reviewed in Excel, where the workbook's SheetChange handler logs each
    # Status as it is typed: the last at 09:27
    accepted = _set_statuses(sample_book, "Accepted")
    book = openpyxl.load_workbook(sample_book, keep_vba=True)
    for index, finding in enumerate(accepted):
        minute = 27 if index == len(accepted) - 1 else 20
        book[spec.ACTIVITY_LOG].append(
            [f"2025-09-02 09:{minute}:00", "status", "", finding, "Accepted", "", "", "typed"]
        )
    book.save(sample_book)
    final = reconcile_workbook(sample_book)  # 09:31
    grid = openpyxl.load_workbook(sample_book)[spec.ACTIVITY_LOG].iter_rows(values_only=True)
    entries = read_log([list(r) for r in grid])
    assert [e.event for e in entries].count("import") == 3  # Vendor + PSA at 09:00, PSA again
    state = review(entries, final)
    assert state.still_open == 0 and state.started == dt.datetime(2025, 9, 2, 9, 0)
    assert state.finished == dt.datetime(2025, 9, 2, 9, 27)  # the last Status typed
    value, note = _kpi(sample_book, "Time to reconcile")
    assert value == 27 and "target under 30" in note
    recovered = sum(
        d.monthly_impact for d in final.discrepancies if d.id in fixed and d.type in LEAKAGE_TYPES
    )
    assert Decimal(str(_kpi(sample_book, "Recovered")[0] or 0)) == recovered
    reconcile_workbook(sample_book)  # 09:45: nothing changed, nothing more to count
    assert _kpi(sample_book, "Time to reconcile")[0] == 27
    history = spec.history_row(final, None, state)
    assert (
        history[
            spec.HISTORY_COLUMNS.index(
                next(c for c in spec.HISTORY_COLUMNS if c.header == "Minutes to reconcile")
            )
        ]
        == 27
    )


def test_a_new_months_run_starts_a_new_clock(result: Result) -> None:
    at = dt.datetime(2025, 9, 2, 9, 0)
    inputs = {spec.VENDOR: [["a"]], spec.PSA: [["b"]]}
    decided = {d.id: ("Ignore", "") for d in result.discrepancies}
    log = record_run([], result, {}, inputs, at)
    log = record_run(log, result, decided, inputs, at + dt.timedelta(minutes=20))
    assert review(log, result).minutes == 20
    october = replace(result, kpis=replace(result.kpis, period="2025-10"))
    later = at + dt.timedelta(days=30)
    log = record_run(log, october, {}, {spec.VENDOR: [["c"]], spec.PSA: [["d"]]}, later)
    state = review(log, october)
    assert (
        state.started == later
        and state.minutes is None
        and state.still_open == len(result.discrepancies)
    )
    assert read_log([list(LOG_COLUMNS), *(e.row() for e in log)]) == log


def test_template_settings_are_readable_and_read_back(
    tmp_path: Path, template_bytes: bytes
) -> None:
    path = tmp_path / "t.xlsm"
    path.write_bytes(template_bytes)
    book = openpyxl.load_workbook(path, keep_vba=True)
    settings = book[spec.SETTINGS]
    cells = {c.value: c for row in settings.iter_rows() for c in row if c.value}
    exclusions = cells[EXCLUDE_HEADER]
    assert exclusions.row < 25  # near the top, not below 40 empty rows
    assert "Example" in cells and not any(d.hidden for d in settings.column_dimensions.values())
    (field_list,) = [
        v.formula1 for v in settings.data_validations.dataValidation if v.formula1.startswith("$F")
    ]
    assert field_list.startswith("$F$6")  # the visible, explained field list
    settings.cell(exclusions.row + 1, 1).value = "Managed Services – Per User"
    side = cells[MAPPING_HEADER[0]]
    settings.cell(side.row + 1, 1).value = "vendor"
    settings.cell(side.row + 1, 2).value = "quantity"
    settings.cell(side.row + 1, 3).value = "Seats"
    book.save(path)
    grid = [
        [c.value for c in row] for row in openpyxl.load_workbook(path)[spec.SETTINGS].iter_rows()
    ]
    read = read_settings(grid)
    assert read.exclude_psa_products == ("Managed Services – Per User",)
    assert read.vendor_mapping == {"quantity": "Seats"}
    start = book[spec.START]
    # one page (1 × 1 is the default OOXML leaves unwritten)
    assert start.page_setup.fitToWidth in (1, None) and start.page_setup.fitToHeight in (1, None)
    assert start.sheet_properties.pageSetUpPr.fitToPage
    assert any("export-guides" in str(c.value) for row in start.iter_rows() for c in row)


def test_output_tables_is_the_one_list_every_writer_renders(result: Result) -> None:
    """Each sheet named gets its spec, in the order asked: a table, the KPIs layout or a grid; a
    table given ready-made wins; a name the spec does not know is refused, not skipped."""
    names = (*spec.REPORT_SHEETS, spec.HISTORY, spec.ACTIVITY_LOG)
    outputs = spec.output_tables(result, names, history=[["2025-07", 1]], log=[])
    assert [name for name, _ in outputs] == list(names)
    kinds = {name: type(output).__name__ for name, output in outputs}
    assert kinds[spec.KPIS] == "KpiLayout"
    assert kinds[spec.HISTORY] == kinds[spec.ACTIVITY_LOG] == "GridSheet"
    tables = [o for _, o in outputs if isinstance(o, spec.OutputTable)]
    assert [t.sheet for t in tables] == [n for n in spec.REPORT_SHEETS if n != spec.KPIS]
    assert [bool(t.rules) for t in tables] == [t.sheet == spec.DISCREPANCIES for t in tables]
    mine = replace(spec.match_table(result), rows=[])
    ((_, given),) = spec.output_tables(result, (spec.MATCHES,), given={spec.MATCHES: mine})
    assert given is mine
    with pytest.raises(ValueError, match="Vendor"):
        spec.output_tables(result, (spec.VENDOR,))
    # the xlsx writer renders exactly that list: the same sheets, in the same order
    book = _book(render_bytes(result, sheets=names, history=[["2025-07", 1]], log=[]))
    assert book.sheetnames == list(names)
    assert book[spec.ACTIVITY_LOG].sheet_state == "hidden"


def test_long_evidence_on_the_matches_sheet_grows_its_row(result: Result) -> None:
    """Rendered with LibreOffice, a product match's evidence of two lines or more ("one of two lines
    of the client read alike; the other has the seats of …") ran over the rows below it: the
    Matches table gave its rows no height, as the Discrepancies and Excluded tables do."""
    long = "learned from 2 clients: beside their 'mimecast email security cloud gateway', " * 2
    first = replace(result.product_matches[0], evidence=long)
    marked = replace(result, product_matches=(first, *result.product_matches[1:]))
    sheet = _book(render_bytes(marked, sheets=(spec.MATCHES,)))[spec.MATCHES]
    row = next(c.row for c in sheet["G"] if c.value == long)
    height = sheet.row_dimensions[row].height
    assert height is not None and height >= 2 * spec.LINE_HEIGHT
