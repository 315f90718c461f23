"""A fake of exactly the xlwings surface addin.excel.live uses, recording every call that reaches Excel.

Each fake class names the real xlwings class it stands for (``REAL``); tests/test_macros.py checks that
every public method and property here exists there with compatible parameters, so a misuse of the
real API fails the tests even though Excel cannot run here. Cells behave like Excel's: a string
starting with ``=`` becomes a formula unless it carries Excel's text prefix ``'``.
"""

from __future__ import annotations

import re
from typing import Any

import xlwings


class Recorder:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def hit(self, what: str) -> None:
        self.calls.append(what)


def _cell_index(address: str) -> tuple[int, int]:
    match = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", address)
    assert match, address
    col = 0
    for char in match.group(1):
        col = col * 26 + ord(char) - 64
    return int(match.group(2)), col


def _bounds(address: str) -> tuple[int, int, int, int]:
    if "," in address:  # a union such as "5:5,9:9": its first area
        address = address.split(",")[0]
    if re.fullmatch(r"\d+:\d+", address):  # whole rows
        first, last = address.split(":")
        return int(first), 1, int(last), 16_384
    if ":" in address:
        first, last = address.split(":")
        if re.fullmatch(r"[A-Z]+", first):  # whole columns "A:A"
            return 1, _cell_index(first + "1")[1], 1_048_576, _cell_index(last + "1")[1]
        (r1, c1), (r2, c2) = _cell_index(first), _cell_index(last)
        return r1, c1, r2, c2
    r, c = _cell_index(address)
    return r, c, r, c


class FakeFont:
    REAL = xlwings.main.Font

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder
        self._bold, self._size = False, 11.0

    @property
    def bold(self) -> bool:
        return self._bold

    @bold.setter
    def bold(self, value: bool) -> None:
        self._recorder.hit("font.bold")
        self._bold = value

    @property
    def size(self) -> float:
        return self._size

    @size.setter
    def size(self, value: float) -> None:
        self._recorder.hit("font.size")
        self._size = value


class FakeConditionalFormats:
    REAL = xlwings.main.ConditionalFormats

    def __init__(self, sheet: FakeSheet, address: str) -> None:
        self._sheet, self._address = sheet, address

    def add_custom(
        self,
        formula: str,
        *,
        fill_color: Any = None,
        font_color: Any = None,
        font_bold: bool | None = None,
        font_italic: bool | None = None,
        stop_if_true: bool = False,
    ) -> None:
        self._sheet.recorder.hit("conditional_formats.add_custom")
        self._sheet.added_conditional_formats.append((self._address, formula, fill_color))


class FakeDataValidation:
    REAL = xlwings.main.DataValidation

    def __init__(self, sheet: FakeSheet, address: str) -> None:
        self._sheet, self._address = sheet, address

    def set_list(self, source: Any, *, in_cell_dropdown: bool = True) -> None:
        self._sheet.recorder.hit("data_validation.set_list")
        self._sheet.added_validations.append((self._address, list(source)))


class FakeRange:
    REAL = xlwings.Range

    def __init__(
        self, sheet: FakeSheet, address: str, options: dict[str, Any] | None = None
    ) -> None:
        self.sheet, self._address, self._options = sheet, address, options or {}

    @property
    def address(self) -> str:
        return self._address

    def options(self, convert: Any = None, **options: Any) -> FakeRange:
        return FakeRange(self.sheet, self._address, options)

    @property
    def value(self) -> Any:
        self.sheet.recorder.hit("range.value.get")
        r1, c1, r2, c2 = _bounds(self._address)
        return [
            [self.sheet.cells.get((r, c)) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)
        ]

    @value.setter
    def value(self, data: Any) -> None:
        self.sheet.recorder.hit("range.value.set")
        r1, c1, _, _ = _bounds(self._address)
        rows = data if isinstance(data, list) and data and isinstance(data[0], list) else [[data]]
        for dr, row in enumerate(rows):
            for dc, value in enumerate(row):
                self.sheet._store(r1 + dr, c1 + dc, value)

    @property
    def number_format(self) -> str:
        return self.sheet.formats.get(self._address, "General")

    @number_format.setter
    def number_format(self, value: str) -> None:
        self.sheet.recorder.hit("range.number_format")
        self.sheet.formats[self._address] = value

    @property
    def column_width(self) -> float:
        return 8.43

    @column_width.setter
    def column_width(self, value: float) -> None:
        self.sheet.recorder.hit("range.column_width")

    @property
    def row_height(self) -> float:
        return 15.0

    @row_height.setter
    def row_height(self, value: float) -> None:
        self.sheet.recorder.hit("range.row_height")

    @property
    def font(self) -> FakeFont:
        return self.sheet.font

    @property
    def conditional_formats(self) -> FakeConditionalFormats:
        return FakeConditionalFormats(self.sheet, self._address)

    @property
    def data_validation(self) -> FakeDataValidation:
        return FakeDataValidation(self.sheet, self._address)

    @property
    def last_cell(self) -> FakeRange:
        _, _, r2, c2 = _bounds(self._address)
        letters, n = "", c2
        while n:
            n, rem = divmod(n - 1, 26)
            letters = chr(65 + rem) + letters
        return FakeRange(self.sheet, f"{letters}{r2}")

    @property
    def row(self) -> int:
        return _bounds(self._address)[0]

    @property
    def column(self) -> int:
        return _bounds(self._address)[1]

    @property
    def wrap_text(self) -> bool:
        return self._address in self.sheet.wrapped

    @wrap_text.setter
    def wrap_text(self, value: bool) -> None:
        self.sheet.recorder.hit("range.wrap_text")
        if value:
            self.sheet.wrapped.add(self._address)

    @property
    def color(self) -> Any:
        return self.sheet.colors.get(self._address)

    @color.setter
    def color(self, value: Any) -> None:
        self.sheet.recorder.hit("range.color")
        self.sheet.colors[self._address] = value

    def group(self, by: str | None = None) -> None:
        self.sheet.recorder.hit("range.group")
        self.sheet.grouped.append(self._address)

    def clear_contents(self) -> None:
        self.sheet.recorder.hit("range.clear_contents")
        r1, c1, r2, c2 = _bounds(self._address)
        for key in [k for k in self.sheet.cells if r1 <= k[0] <= r2 and c1 <= k[1] <= c2]:
            del self.sheet.cells[key]


class FakeTables:
    REAL = xlwings.main.Tables

    def __init__(self, sheet: FakeSheet) -> None:
        self._sheet = sheet

    def add(
        self,
        source: Any = None,
        name: str | None = None,
        source_type: str | None = None,
        link_source: bool | None = None,
        has_headers: bool = True,
        destination: Any = None,
        table_style_name: str = "TableStyleMedium2",
    ) -> None:
        self._sheet.recorder.hit("tables.add")
        self._sheet.added_tables.append((name, source.address, table_style_name))


class FakeChart:
    REAL = xlwings.main.Chart

    def __init__(self, sheet: FakeSheet) -> None:
        self._sheet = sheet
        self._type = "column_clustered"

    def set_source_data(self, source: Any) -> None:
        self._sheet.recorder.hit("chart.set_source_data")

    @property
    def chart_type(self) -> str:
        return self._type

    @chart_type.setter
    def chart_type(self, value: str) -> None:
        self._sheet.recorder.hit("chart.chart_type")
        assert value in xlwings.constants.chart_types, value  # a real chart type name
        self._type = value


class FakeCharts:
    REAL = xlwings.main.Charts

    def __init__(self, sheet: FakeSheet) -> None:
        self._sheet = sheet

    def add(
        self, left: float = 0, top: float = 0, width: float = 355, height: float = 211
    ) -> FakeChart:
        self._sheet.recorder.hit("charts.add")
        chart = FakeChart(self._sheet)
        self._sheet.added_charts.append(chart)
        return chart


class FakeFreezePanes:
    REAL = xlwings.main.FreezePanes

    def __init__(self, sheet: FakeSheet) -> None:
        self._sheet = sheet

    def freeze_at(self, frozen_range: Any) -> None:
        self._sheet.recorder.hit("freeze_panes.freeze_at")
        self._sheet.frozen = frozen_range


class FakeSheet:
    REAL = xlwings.Sheet

    def __init__(self, book: FakeBook, name: str) -> None:
        self.book, self._name, self.recorder = book, name, book.recorder
        self.cells: dict[tuple[int, int], Any] = {}
        self.formulas: dict[tuple[int, int], str] = {}
        self.formats: dict[str, str] = {}
        self.added_tables: list[tuple[Any, ...]] = []
        self.added_conditional_formats: list[tuple[Any, ...]] = []
        self.added_validations: list[tuple[Any, ...]] = []
        self.added_charts: list[FakeChart] = []
        self.font = FakeFont(self.recorder)
        self.frozen: Any = None
        self.wrapped: set[str] = set()
        self.colors: dict[str, Any] = {}
        self.grouped: list[str] = []
        self._visible = True
        self._page_setup = FakePageSetup(self)

    def _store(self, row: int, col: int, value: Any) -> None:
        if isinstance(value, str) and value.startswith("'"):
            value = value[1:]  # Excel's text prefix: stored as text, never evaluated
        elif isinstance(value, str) and value.startswith("="):
            self.formulas[(row, col)] = value
        if value is None or value == "":
            self.cells.pop((row, col), None)
        else:
            self.cells[(row, col)] = value

    @property
    def name(self) -> str:
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        self.recorder.hit("sheet.name")
        self._name = value

    def range(self, cell1: Any, cell2: Any = None) -> FakeRange:
        assert cell2 is None and isinstance(cell1, str)
        return FakeRange(self, cell1)

    @property
    def used_range(self) -> FakeRange:
        if not self.cells:
            return FakeRange(self, "A1")
        rows = [r for r, _ in self.cells]
        cols = [c for _, c in self.cells]
        letters, n = "", max(cols)
        while n:
            n, rem = divmod(n - 1, 26)
            letters = chr(65 + rem) + letters
        return FakeRange(self, f"A1:{letters}{max(rows)}")

    @property
    def visible(self) -> bool:
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        self.recorder.hit("sheet.visible")
        self._visible = value

    def clear_contents(self) -> None:
        self.recorder.hit("sheet.clear_contents")
        self.cells.clear()

    def delete(self) -> None:
        self.recorder.hit("sheet.delete")
        self.book.sheets._sheets.remove(self)

    def activate(self) -> None:
        self.recorder.hit("sheet.activate")
        self.book.active = self

    @property
    def visible(self) -> bool:
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        self.recorder.hit("sheet.visible")
        self._visible = value

    @property
    def page_setup(self) -> FakePageSetup:
        return self._page_setup


class FakePageSetup:
    REAL = xlwings.main.PageSetup

    def __init__(self, sheet: FakeSheet) -> None:
        self._sheet = sheet
        self._area: str | None = None

    @property
    def print_area(self) -> str | None:
        return self._area

    @print_area.setter
    def print_area(self, value: str) -> None:
        self._sheet.recorder.hit("page_setup.print_area")
        self._area = value


class FakeSheets:
    REAL = xlwings.main.Sheets

    def __init__(self, book: FakeBook) -> None:
        self._book, self._sheets = book, []  # type: list[FakeSheet]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(list(self._sheets))

    def __len__(self) -> int:
        return len(self._sheets)

    def __getitem__(self, key: int | str) -> FakeSheet:
        if isinstance(key, int):
            return self._sheets[key]
        for sheet in self._sheets:
            if sheet.name.lower() == key.lower():
                return sheet
        raise KeyError(key)

    def add(self, name: str | None = None, before: Any = None, after: Any = None) -> FakeSheet:
        self._book.recorder.hit("sheets.add")
        assert name not in [s.name for s in self._sheets], f"sheet {name!r} exists"
        sheet = FakeSheet(self._book, name or f"Sheet{len(self._sheets) + 1}")
        index = self._sheets.index(after) + 1 if after is not None else len(self._sheets)
        self._sheets.insert(index, sheet)
        return sheet


class FakeApp:
    REAL = xlwings.App

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self._screen, self._calculation, self._status = True, "automatic", False
        self.alerts: list[tuple[str, str]] = []

    @property
    def screen_updating(self) -> bool:
        return self._screen

    @screen_updating.setter
    def screen_updating(self, value: bool) -> None:
        self.recorder.hit("app.screen_updating")
        self._screen = value

    @property
    def calculation(self) -> str:
        return self._calculation

    @calculation.setter
    def calculation(self, value: str) -> None:
        self.recorder.hit("app.calculation")
        assert value in ("automatic", "manual", "semiautomatic")
        self._calculation = value

    @property
    def status_bar(self) -> str | bool:
        return self._status

    @status_bar.setter
    def status_bar(self, value: str | bool) -> None:
        self.recorder.hit("app.status_bar")
        self._status = value

    def alert(
        self,
        prompt: str,
        title: str | None = None,
        buttons: str = "ok",
        mode: str | None = None,
        callback: Any = None,
    ) -> str:
        self.recorder.hit("app.alert")
        assert mode in (None, "info", "critical")
        self.alerts.append((title or "", prompt))
        return "ok"


class FakeBook:
    REAL = xlwings.Book

    def __init__(self, name: str = "Leakage.xlsm", fullname: str = "") -> None:
        self.recorder = Recorder()
        self._name, self._fullname = name, fullname
        self._app = FakeApp(self.recorder)
        self._sheets = FakeSheets(self)
        self.active: FakeSheet | None = None

    @property
    def app(self) -> FakeApp:
        return self._app

    @property
    def sheets(self) -> FakeSheets:
        return self._sheets

    @property
    def name(self) -> str:
        return self._name

    @property
    def fullname(self) -> str:
        return self._fullname


# xlwings exposes tables/charts/freeze_panes as properties of Sheet
def _tables(self: FakeSheet) -> FakeTables:
    return FakeTables(self)


def _charts(self: FakeSheet) -> FakeCharts:
    return FakeCharts(self)


def _freeze(self: FakeSheet) -> FakeFreezePanes:
    return FakeFreezePanes(self)


FakeSheet.tables = property(_tables)  # type: ignore[attr-defined,assignment]
FakeSheet.charts = property(_charts)  # type: ignore[attr-defined]
FakeSheet.freeze_panes = property(_freeze)  # type: ignore[attr-defined]
FAKES = (
    FakeApp,
    FakeBook,
    FakeSheets,
    FakeSheet,
    FakeRange,
    FakeFont,
    FakeTables,
    FakeCharts,
    FakeChart,
    FakeConditionalFormats,
    FakeDataValidation,
    FakeFreezePanes,
    FakePageSetup,
)
