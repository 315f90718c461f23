"""The ribbon entry points, run against a fake of the xlwings surface checked against the real API."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
import xlwings

from addin import layout as spec
from addin.excel import live as macros
from addin.sample.psa_exports import psa_rows
from addin.sample.scenario import make_scenario
from addin.sample.vendor_exports import vendor_rows
from addin.template.sheets import SHEETS
from addin.workbook.headless import read_grids
from addin.workbook.paste import pasted_workbook
from engine.read.header import column_letter
from tests.fake_xlwings import FAKES, FakeBook


@pytest.mark.parametrize("fake", FAKES, ids=[f.__name__ for f in FAKES])
def test_fake_matches_the_real_xlwings_api(fake: type) -> None:
    """Every public method/property of the fake exists on the real class, as the same kind of thing,
    and every parameter the fake accepts is accepted by the real one."""
    real = fake.REAL  # type: ignore[attr-defined]
    for name, member in vars(fake).items():
        if name.startswith("_") or name == "REAL":
            continue
        real_member = inspect.getattr_static(real, name, None)
        assert real_member is not None, f"xlwings.{real.__name__} has no {name!r}"
        if isinstance(member, property):
            assert isinstance(real_member, property), f"{real.__name__}.{name} is not a property"
            if member.fset is not None:
                assert real_member.fset is not None, f"{real.__name__}.{name} cannot be set"
        elif callable(member):
            real_params = inspect.signature(real_member).parameters
            for param in list(inspect.signature(member).parameters)[1:]:
                if param in ("options",):
                    continue
                assert param in real_params, f"{real.__name__}.{name} has no parameter {param!r}"


def _book(tmp_path: Path, template: bytes, clients: int, *, vendor_edit: Any = None) -> FakeBook:
    scenario = make_scenario(clients, seed=11)
    vendor = vendor_rows(scenario, "partner_center")
    if vendor_edit:
        vendor = vendor_edit(vendor)
    path = tmp_path / f"book{clients}.xlsm"
    path.write_bytes(pasted_workbook(template, vendor, psa_rows(scenario, "connectwise")))
    grids = read_grids(
        path,
        list(SHEETS),
    )
    book = FakeBook(name=path.name, fullname=str(path))
    for name, grid in grids.items():
        sheet = book.sheets.add(name=name)
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cells[(r, c)] = value
    book.recorder.calls.clear()
    return book


@pytest.fixture
def caller(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def use(book: FakeBook) -> FakeBook:
        monkeypatch.setattr(xlwings.Book, "caller", classmethod(lambda cls: book))
        return book

    return use


def test_reconcile_writes_the_output_sheets(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    book = caller(_book(tmp_path, template_bytes, 30))
    macros.reconcile()
    names = [s.name for s in book.sheets]
    assert names[-5:] == [*spec.OUTPUT_SHEETS, spec.PRICES]
    discrepancies = book.sheets[spec.DISCREPANCIES]
    top = spec.DISCREPANCY_HEADER_ROW + 1
    width = len(spec.DISCREPANCY_COLUMNS)
    header = [discrepancies.cells.get((top, c)) for c in range(1, width + 1)]
    assert header == [c.header for c in spec.DISCREPANCY_COLUMNS]
    assert discrepancies.added_tables[0][0] == "LF_Discrepancies"
    table = spec.OutputTable(spec.DISCREPANCIES, spec.DISCREPANCY_COLUMNS, [])
    rules = spec.discrepancy_rules(table)  # severity fills, as the file writer adds them
    assert [(f, c) for _, f, c in discrepancies.added_conditional_formats] == [
        (r.formula.format(row=top + 1), r.fill) for r in rules
    ]
    assert {r.fill for r in rules} >= set(spec.SEVERITY_FILLS.values())
    assert discrepancies.added_validations
    assert book.active is discrepancies  # the workbook shows the results
    readable = table.visible_columns  # technical columns grouped after the readable ones
    assert discrepancies.grouped == [f"{column_letter(readable)}:{column_letter(width - 1)}"]
    last = max(r for (r, c) in discrepancies.cells if c == 1)
    assert discrepancies.page_setup.print_area == f"$A$1:${column_letter(readable - 1)}${last}"
    assert book.app.screen_updating is True and book.app.calculation == "automatic"
    assert book.app.alerts == []
    assert book.sheets[spec.KPIS].added_charts  # leakage over months


def test_reconcile_adds_confirmed_matches_to_client_aliases(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    book = caller(_book(tmp_path, template_bytes, 120))
    macros.reconcile()
    aliases = book.sheets[spec.CLIENT_ALIASES]
    added = [aliases.cells.get((r, 3)) for r in range(2, 40) if aliases.cells.get((r, 1))]
    assert added and all(str(a).startswith("Reconcile (") for a in added)


def test_excel_calls_do_not_grow_with_rows(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    small = caller(_book(tmp_path, template_bytes, 20))
    macros.reconcile()
    large = caller(_book(tmp_path, template_bytes, 400))
    macros.reconcile()
    assert len(large.sheets[spec.DISCREPANCIES].cells) > 5 * len(
        small.sheets[spec.DISCREPANCIES].cells
    )
    # the same calls whatever the size; at most one more to append learned Client Aliases
    assert len(large.recorder.calls) - len(small.recorder.calls) in (0, 1)
    assert len(large.recorder.calls) < 280  # with the Prices sheet


def test_rerun_keeps_status_and_note(tmp_path: Path, template_bytes: bytes, caller: Any) -> None:
    book = caller(_book(tmp_path, template_bytes, 30))
    macros.reconcile()
    sheet = book.sheets[spec.DISCREPANCIES]
    columns = [c.header for c in spec.DISCREPANCY_COLUMNS]
    status, note, ident = (
        columns.index(h) + 1 for h in (spec.STATUS_HEADER, spec.NOTE_HEADER, spec.ID_HEADER)
    )
    first = spec.DISCREPANCY_HEADER_ROW + 2
    sheet.cells[(first, status)], sheet.cells[(first, note)] = "Fixed in PSA", "ticket 4711"
    finding = sheet.cells[(first, ident)]
    macros.reconcile()
    sheet = book.sheets[spec.DISCREPANCIES]
    row = next(r for (r, c), v in sheet.cells.items() if c == ident and v == finding)
    assert (sheet.cells[(row, status)], sheet.cells[(row, note)]) == ("Fixed in PSA", "ticket 4711")


def test_live_path_keeps_decisions_in_the_hidden_store(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    """The ribbon writes the same Decisions sheet: deleting the id column (and a column the user
    added) loses nothing, and Clear Results keeps decisions typed since the last run."""
    book = caller(_book(tmp_path, template_bytes, 30))
    macros.reconcile()
    top = spec.DISCREPANCY_HEADER_ROW + 1  # the header's row, under the title and legend

    def column(sheet: Any, name: object) -> int:
        return next(c for (r, c), v in sheet.cells.items() if r == top and v == name)

    sheet = book.sheets[spec.DISCREPANCIES]
    status, note, ids = (
        column(sheet, "Status"),
        column(sheet, "Note"),
        column(sheet, spec.ID_HEADER),
    )
    first = top + 1
    sheet.cells[(first, status)], sheet.cells[(first, note)] = "Ignore", 42
    sheet.cells[(top, ids + 1)], sheet.cells[(first, ids + 1)] = "Owner", "Kim"
    finding = sheet.cells[(first, ids)]
    for r, c in [k for k in sheet.cells if k[1] == ids]:  # the user deletes the id column
        del sheet.cells[(r, c)]
    for r, c in sorted(k for k in sheet.cells if k[1] == ids + 1):
        sheet.cells[(r, ids)] = sheet.cells.pop((r, c))
    macros.reconcile()
    assert book.sheets["Decisions"].visible is False
    sheet = book.sheets[spec.DISCREPANCIES]
    status, note, ids = (
        column(sheet, "Status"),
        column(sheet, "Note"),
        column(sheet, spec.ID_HEADER),
    )
    owner = column(sheet, "Owner")
    row = next(r for (r, c), v in sheet.cells.items() if c == ids and v == finding)
    assert (sheet.cells[(row, status)], sheet.cells[(row, note)], sheet.cells[(row, owner)]) == (
        "Ignore",
        42,
        "Kim",
    )
    sheet.cells[(row, note)] = "typed after the run"
    macros.clear_results()
    stored = book.sheets["Decisions"]
    assert "typed after the run" in stored.cells.values()


def test_formula_text_stays_text_in_excel(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    def inject(rows: list[list[str]]) -> list[list[str]]:
        rows[1][2] = '=HYPERLINK("http://x","click")'
        rows[2][2] = "+cmd|' /C calc'!A0"
        return rows

    book = caller(_book(tmp_path, template_bytes, 30, vendor_edit=inject))
    macros.reconcile()
    values = [v for sheet in book.sheets for v in sheet.cells.values()]
    assert '=HYPERLINK("http://x","click")' in values
    assert all(not sheet.formulas for sheet in book.sheets)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_gets_excels_text_prefix(start: str) -> None:
    """The live path's writes and the CSV export refuse the same characters (OWASP's list)."""
    from engine.export import neutralise

    text = f"{start}SUM(A1)"
    assert macros.excel_value(text) == "'" + text == neutralise(text)
    assert macros.excel_value("Office 365 E3") == "Office 365 E3"


def test_user_error_is_one_dialog_and_nothing_half_written(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    book = caller(_book(tmp_path, template_bytes, 10))
    vendor = book.sheets[spec.VENDOR]
    for key in [k for k in vendor.cells if k[0] > 1]:
        del vendor.cells[key]
    macros.reconcile()
    assert len(book.app.alerts) == 1 and "sheet is empty" in book.app.alerts[0][1]
    assert not any(s.name in spec.OUTPUT_SHEETS or s.name.startswith("~") for s in book.sheets)
    assert book.app.screen_updating is True and book.app.status_bar is False


def test_clear_results_only_removes_outputs(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    book = caller(_book(tmp_path, template_bytes, 10))
    macros.reconcile()
    macros.clear_results()
    assert [s.name for s in book.sheets] == [
        spec.START,
        spec.VENDOR,
        spec.PSA,
        spec.SETTINGS,
        spec.CLIENT_ALIASES,
        spec.PRODUCT_ALIASES,
        spec.HISTORY,
        spec.ACTIVITY_LOG,
        "Decisions",  # the user's decisions stay (hidden)
    ]
    assert book.sheets["Decisions"].visible is False


def test_import_loads_an_export_as_text(tmp_path: Path, template_bytes: bytes, caller: Any) -> None:
    book = caller(_book(tmp_path, template_bytes, 10))
    export = tmp_path / "pax8.csv"
    export.write_text(
        "companyName,productName,quantity,cost\nContoso,Office 365 E3,0005,20.70\n"
        "=SUM(1),Office 365 E3,1,20.70\n",
        encoding="utf-8",
    )
    macros.import_vendor(str(export))
    vendor = book.sheets[spec.VENDOR]
    assert vendor.cells[(3, 1)] == "companyName" and vendor.cells[(4, 3)] == "0005"
    assert vendor.cells[(5, 1)] == "=SUM(1)" and not vendor.formulas
    assert "@" in vendor.formats.values()


def test_archive_month_adds_history_and_writes_a_copy(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    book = caller(_book(tmp_path, template_bytes, 10))
    macros.archive_month()
    assert book.sheets[spec.HISTORY].cells[(2, 1)] == "2025-08"
    assert (tmp_path / "book10 - Leakage 2025-08.xlsx").exists()


@pytest.mark.excel
def test_reconcile_in_real_excel(tmp_path: Path, template_bytes: bytes) -> None:
    """The same scenario against real Excel (Windows/macOS with Excel and the xlwings add-in)."""
    try:
        app = xlwings.App(visible=False)
    except Exception as error:  # no Excel on this machine
        pytest.skip(f"real Excel is not available: {error}")
    try:
        scenario = make_scenario(30, seed=11)
        path = tmp_path / "real.xlsm"
        path.write_bytes(
            pasted_workbook(
                template_bytes,
                vendor_rows(scenario, "partner_center"),
                psa_rows(scenario, "connectwise"),
            )
        )
        book = app.books.open(str(path))
        book.set_mock_caller()
        macros.reconcile()
        assert [s.name for s in book.sheets][-5:] == [*spec.OUTPUT_SHEETS, spec.PRICES]
    finally:
        app.quit()


def test_live_path_logs_imports_runs_and_reviews(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    """The ribbon's path keeps the same Activity Log as the file path (time to reconcile)."""
    from addin.workbook.review_log import read_log

    book = caller(_book(tmp_path, template_bytes, 10))
    export = tmp_path / "psa.csv"
    rows = [["Company", "Product", "Qty", "Price"], ["Contoso", "Office 365 E3", "5", "25.00"]]
    export.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    macros.import_psa(str(export))
    log = read_log(macros.read_grid(book, spec.ACTIVITY_LOG))
    assert [(e.event, e.subject) for e in log] == [("import", spec.PSA)]
    macros.reconcile()
    events = [(e.event, e.subject) for e in read_log(macros.read_grid(book, spec.ACTIVITY_LOG))]
    # the pasted Vendor sheet is new to the log; the imported PSA rows are the ones it logged
    assert events == [("import", spec.PSA), ("import", spec.VENDOR), ("run", "")]
