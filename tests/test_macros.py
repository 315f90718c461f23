"""The ribbon entry points, run against a fake of the xlwings surface checked against the real API."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
import xlwings

from addin import macros
from addin import presentation as spec
from addin.build_template import SHEETS
from addin.paste import pasted_workbook
from addin.workbook_file import read_grids
from engine.sample import make_scenario, psa_rows, vendor_rows
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
    assert names[-4:] == list(spec.OUTPUT_SHEETS)
    discrepancies = book.sheets[spec.DISCREPANCIES]
    header = [discrepancies.cells.get((1, c)) for c in range(1, 20)]
    assert header[:15] == [c.header for c in spec.DISCREPANCY_COLUMNS[:15]]
    assert discrepancies.added_tables[0][0] == "LF_Discrepancies"
    assert len(discrepancies.added_conditional_formats) == 5 and discrepancies.added_validations
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
    assert len(large.recorder.calls) < 150


def test_rerun_keeps_status_and_note(tmp_path: Path, template_bytes: bytes, caller: Any) -> None:
    book = caller(_book(tmp_path, template_bytes, 30))
    macros.reconcile()
    sheet = book.sheets[spec.DISCREPANCIES]
    sheet.cells[(2, 17)], sheet.cells[(2, 18)] = "Fixed in PSA", "ticket 4711"
    finding = sheet.cells[(2, 19)]
    macros.reconcile()
    sheet = book.sheets[spec.DISCREPANCIES]
    row = next(r for (r, c), v in sheet.cells.items() if c == 19 and v == finding)
    assert (sheet.cells[(row, 17)], sheet.cells[(row, 18)]) == ("Fixed in PSA", "ticket 4711")


def test_live_path_keeps_decisions_in_the_hidden_store(
    tmp_path: Path, template_bytes: bytes, caller: Any
) -> None:
    """The ribbon writes the same Decisions sheet: deleting the id column (and a column the user
    added) loses nothing, and Clear Results keeps decisions typed since the last run."""
    book = caller(_book(tmp_path, template_bytes, 30))
    macros.reconcile()
    sheet = book.sheets[spec.DISCREPANCIES]
    sheet.cells[(2, 17)], sheet.cells[(2, 18)] = "Ignore", 42
    sheet.cells[(1, 20)], sheet.cells[(2, 20)] = "Owner", "Kim"
    finding = sheet.cells[(2, 19)]
    for r, c in [k for k in sheet.cells if k[1] == 19]:  # the user deletes the id column
        del sheet.cells[(r, c)]
    for r, c in sorted(k for k in sheet.cells if k[1] == 20):
        sheet.cells[(r, 19)] = sheet.cells.pop((r, c))
    macros.reconcile()
    assert book.sheets["Decisions"].visible is False
    sheet = book.sheets[spec.DISCREPANCIES]
    header = [sheet.cells.get((1, c)) for c in range(1, 21)]
    assert header[19] == "Owner"
    row = next(r for (r, c), v in sheet.cells.items() if c == 19 and v == finding)
    assert (sheet.cells[(row, 17)], sheet.cells[(row, 18)], sheet.cells[(row, 20)]) == (
        "Ignore",
        42,
        "Kim",
    )
    sheet.cells[(row, 18)] = "typed after the run"
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
        assert [s.name for s in book.sheets][-4:] == list(spec.OUTPUT_SHEETS)
    finally:
        app.quit()
