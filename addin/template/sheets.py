"""The template's sheets, written by xlsxwriter: their order and code names, the Start sheet's steps,
the Settings sheet's thresholds, exclusions and column mapping, and the formats they share."""

from __future__ import annotations

from collections.abc import Iterable

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from addin import layout as spec
from addin.template.ribbon import buttons
from addin.workbook.review_log import LOG_COLUMNS
from addin.workbook.settings_sheet import (
    ALIAS_HEADER,
    DEFAULTS,
    EXCLUDE_HEADER,
    EXCLUSIONS_TITLE,
    FIELD_NAMES,
    MAPPING_HEADER,
    MAPPING_TITLE,
    SETTING_LABELS,
)
from engine.read.fields import FIELDS

SHEETS = (
    spec.START,
    spec.VENDOR,
    spec.PSA,
    spec.SETTINGS,
    spec.CLIENT_ALIASES,
    spec.PRODUCT_ALIASES,
    spec.HISTORY,
    spec.ACTIVITY_LOG,
)
CODE_NAMES = {name: f"Sheet{index}" for index, name in enumerate(SHEETS, start=1)}
SETUP_COMMANDS = (
    "python -m venv .venv",
    "source .venv/bin/activate",
    "python -m pip install .",
    "leakage-finder setup-excel --workbook workbook_template.xlsm",
)


def _lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs at ``width`` characters (explicit heights: no overlap anywhere)."""
    lines = 0
    for paragraph in text.split("\n"):
        words, current = paragraph.split(), 0
        lines += 1
        for word in words:
            if current and current + 1 + len(word) > width:
                lines, current = lines + 1, len(word)
            else:
                current += (1 if current else 0) + len(word)
    return max(lines, 1)


START_STEPS = (
    (
        "1. Vendor bill",
        "Paste the vendor's monthly bill (Partner Center, Pax8, a distributor) into the Vendor sheet, "
        "header row included, or click Import Vendor File…",
    ),
    (
        "2. PSA export",
        "Paste the PSA's billing export (ConnectWise, Autotask, HaloPSA, Syncro, Kaseya BMS) into the "
        "PSA sheet, or click Import PSA File…",
    ),
    (
        "3. Reconcile",
        "Click Reconcile on the Leakage Finder tab. The workbook opens on Discrepancies: leakage "
        "(money you pay for and do not bill) first, then over-billing exposure; red rows matter most.",
    ),
    (
        "4. Review",
        "Set each row's Status (Fixed in PSA, Accepted, Ignore) and add a Note; they are kept when you "
        "run it again. Rows marked Check first rest on an inferred match: confirm them before acting.",
    ),
    (
        "5. Month end",
        f"KPIs shows leakage against the {DEFAULTS['target']}% target and the minutes the month took. "
        "Archive Month saves a copy and adds the month to History.",
    ),
)
EXPORT_GUIDES = (
    "Where to find each export: the step-by-step guides for every vendor portal and PSA are in the "
    "docs/export-guides folder of Leakage Finder (README: Export guides).",
)
SETTING_HELP: dict[str, tuple[str, str]] = {
    # key → (what it does, in words a non-technical user reads; an example value)
    "period": (
        "The billing month to reconcile. Leave blank: it is read from the vendor bill.",
        "2025-08",
    ),
    "critical": (
        "A finding worth at least this much a month is Critical (red on Discrepancies).",
        str(DEFAULTS["critical"]),
    ),
    "high": ("At least this much a month is High (orange).", str(DEFAULTS["high"])),
    "medium": (
        "At least this much is Medium (yellow); anything less is Low (green).",
        str(DEFAULTS["medium"]),
    ),
    "target": (
        "The leakage you accept, as % of the vendor's monthly cost. The KPIs tile is green at or "
        "under it, red above.",
        str(DEFAULTS["target"]),
    ),
    "target_margin": (
        "The margin you aim for on each client's licences. Products billed above cost but under "
        "it are listed on Prices before a vendor price rise turns them into below cost.",
        str(DEFAULTS["target_margin"]),
    ),
}


def _wrapped(sheet: Worksheet, row: int, col: int, text: str, fmt: Format, width: float) -> None:
    sheet.write_string(row, col, text, fmt)
    sheet.set_row(row, 15 * _lines(text, width * 0.9) + 2)


def _merged(sheet: Worksheet, row: int, text: str, fmt: Format, width: float = 110) -> None:
    """Text across the four left columns (A:D), its row as tall as the wrapped text needs."""
    sheet.merge_range(row, 0, row, 3, text, fmt)
    sheet.set_row(row, 15 * _lines(text, width * 0.8) + 2)  # wide fonts (LibreOffice) included


def _start(sheet: Worksheet, f: dict[str, Format]) -> None:
    width = 78  # column C, characters
    sheet.hide_gridlines(2)
    sheet.set_column(0, 0, 2)
    sheet.set_column(1, 1, 20)
    sheet.set_column(2, 2, width)
    sheet.write_string(0, 1, "Leakage Finder", f["title"])
    sheet.set_row(0, 26)
    _wrapped(
        sheet,
        1,
        1,
        "Find licences you pay for but do not bill, seat differences and prices below cost.",
        f["plain"],
        100,
    )
    row = _labelled(sheet, f, 3, "Each month", START_STEPS, width)
    row += 1
    _wrapped(sheet, row, 2, EXPORT_GUIDES[0], f["note"], width)
    row = _labelled(sheet, f, row + 2, "Month over month", spec.MONTH_OVER_MONTH_HELP, width)
    tips = [(button.label, button.supertip) for button in buttons()]
    row = _labelled(sheet, f, row + 2, "The buttons", tips, width)
    row = _setup_steps(sheet, f, row + 2, width)
    sheet.set_portrait()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 1)
    sheet.print_area(0, 0, row, 2)


def _labelled(
    sheet: Worksheet,
    f: dict[str, Format],
    row: int,
    heading: str,
    items: Iterable[tuple[str, str]],
    width: float,
) -> int:
    """A heading at ``row``, then a row per (label, text): label in B, wrapped text in C. Returns
    the last row written."""
    sheet.write_string(row, 1, heading, f["heading"])
    for label, body in items:
        row += 1
        sheet.write_string(row, 1, label, f["label"])
        _wrapped(sheet, row, 2, body, f["wrap"], width)
    return row


def _setup_steps(sheet: Worksheet, f: dict[str, Format], row: int, width: float) -> int:
    """Set-up (once): what to type in a terminal. Returns the last row written."""
    sheet.write_string(row, 1, "Set-up (once)", f["heading"])
    row += 1
    _wrapped(
        sheet,
        row,
        2,
        "Needs Python 3.11+ and Excel on Windows or macOS. In a terminal, in the Leakage Finder "
        "folder (on Windows the activate command is .venv\\Scripts\\activate):",
        f["wrap"],
        width,
    )
    for command in SETUP_COMMANDS:
        row += 1
        sheet.write_string(row, 2, command, f["code"])
    row += 1
    _wrapped(
        sheet,
        row,
        2,
        "setup-excel installs the xlwings add-in, pins this Python in the workbook, and checks for "
        "blocked macros, OneDrive paths and macOS permissions, printing the fix for each. Managers "
        "who only read the results need none of this.",
        f["wrap"],
        width,
    )
    return row


def _settings(sheet: Worksheet, f: dict[str, Format]) -> None:
    widths = (30, 14, 56, 12, 2, 18, 34, 34)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, "Settings", f["title"])
    _merged(
        sheet,
        1,
        "Change a value in the Value column; leave anything you do not need blank. Reconcile reads "
        "this sheet by its labels, so you may insert rows. Examples are in grey and never read.",
        f["wrap"],
    )
    row = _thresholds_section(sheet, f, widths[2])
    row = _exclusions_section(sheet, f, row + 2)
    row = _mapping_section(sheet, f, row + 12)
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.print_area(0, 0, row + 20, len(widths) - 1)


def _thresholds_section(sheet: Worksheet, f: dict[str, Format], help_width: float) -> int:
    """Thresholds and month: each setting with its default, what it does and an example. Returns
    the last row written."""
    row = 3
    sheet.write_string(row, 0, "Thresholds and month", f["heading"])
    row += 1
    sheet.write_row(row, 0, ["Setting", "Value", "What it does", "Example"], f["header"])
    for label, key, default, _ in SETTING_LABELS:
        row += 1
        sheet.write_string(row, 0, label)
        if default is None:
            sheet.write_blank(row, 1, None, f["input"])
        else:
            sheet.write_number(row, 1, float(default), f["input"])
        help_text, example = SETTING_HELP.get(key, ("", ""))
        _wrapped(sheet, row, 2, help_text, f["wrap"], help_width)
        sheet.write_string(row, 3, example, f["example"])
    return row


def _exclusions_section(sheet: Worksheet, f: dict[str, Format], row: int) -> int:
    """PSA products that are services: a header, an example, ten input rows from ``row``. Returns
    the header's row."""
    sheet.write_string(row, 0, EXCLUSIONS_TITLE, f["heading"])
    row += 1
    _merged(
        sheet,
        row,
        "PSA products that are services, not licences (support plans, backup per device…): list "
        "their names as the PSA spells them, one a row in column A, and Reconcile leaves them out.",
        f["wrap"],
    )
    row += 1
    sheet.write_string(row, 0, EXCLUDE_HEADER, f["header"])
    sheet.write_string(row, 1, "Example", f["header"])
    sheet.set_row(row, 30)
    sheet.write_string(row + 1, 1, "Managed Services – Per User", f["example"])
    for r in range(row + 1, row + 11):
        sheet.write_blank(r, 0, None, f["input"])
    return row


def _mapping_section(sheet: Worksheet, f: dict[str, Format], row: int) -> int:
    """Column mapping overrides from ``row``, with the Field dropdown's list beside the sections.
    Returns the header's row (twenty input rows follow it)."""
    sheet.write_string(row, 0, MAPPING_TITLE, f["heading"])
    row += 1
    explanation = (
        "Only when Reconcile says it cannot find a column: name the column of your export that holds "
        "a field. Example: Side vendor · Field quantity · Column in your export Seats. The fields are "
        "listed on the right."
    )
    _merged(sheet, row, explanation, f["wrap"])
    row += 1
    sheet.write_row(row, 0, list(MAPPING_HEADER), f["header"])
    sheet.write_string(row, 3, "Example", f["header"])
    sheet.write_row(row + 1, 3, ["vendor · quantity · Seats"], f["example"])
    sheet.data_validation(
        row + 1, 0, row + 20, 0, {"validate": "list", "source": ["vendor", "psa"]}
    )
    # The Field dropdown's list: the field names with what each means, beside the sections (F:H).
    fields = sorted(set(FIELD_NAMES["vendor"]) | set(FIELD_NAMES["psa"]))
    meaning = {side: {fd.name: fd.description for fd in FIELDS[side]} for side in ("vendor", "psa")}
    sheet.write_string(3, 5, "Fields (the Field dropdown's list)", f["heading"])
    sheet.write_row(4, 5, ["Field", "On the vendor bill", "In the PSA export"], f["header"])
    for offset, name in enumerate(fields, start=5):
        sheet.write_string(offset, 5, name)
        sheet.write_string(offset, 6, meaning["vendor"].get(name, "—"), f["small"])
        sheet.write_string(offset, 7, meaning["psa"].get(name, "—"), f["small"])
    sheet.data_validation(
        row + 1,
        1,
        row + 20,
        1,
        {"validate": "list", "source": f"=$F$6:$F${len(fields) + 5}"},
    )
    for r in range(row + 1, row + 21):
        for c in range(3):
            sheet.write_blank(r, c, None, f["input"])
    return row


def _formats(book: xlsxwriter.Workbook) -> dict[str, Format]:
    """The template's formats, by what they are for."""
    header = book.add_format(
        {
            "bold": True,
            "font_color": spec.HEADER_FONT,
            "bg_color": spec.HEADER_FILL,
            "text_wrap": True,
        }
    )
    f = {
        "title": book.add_format({"bold": True, "font_size": 18, "font_color": spec.HEADER_FILL}),
        "heading": book.add_format({"bold": True, "font_size": 12, "font_color": spec.HEADER_FILL}),
        "label": book.add_format({"bold": True, "valign": "top"}),
        "header": header,
        "plain": book.add_format({"valign": "top"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "note": book.add_format({"text_wrap": True, "valign": "top", "italic": True}),
        "code": book.add_format({"font_name": "Consolas", "bg_color": "#F2F2F2"}),
        "input": book.add_format(
            {"num_format": "@", "bg_color": "#FFF9E5", "border": 1, "border_color": "#D9D9D9"}
        ),
        "example": book.add_format({"italic": True, "font_color": "#808080"}),
        "small": book.add_format({"font_size": 9, "font_color": "#595959"}),
    }
    return f


def write_sheets(book: xlsxwriter.Workbook) -> None:
    f = _formats(book)
    header = f["header"]
    hint = book.add_format({"italic": True, "font_color": "#7F6000", "bg_color": "#FFF2CC"})
    text = book.add_format({"num_format": "@"})
    sheets = {name: book.add_worksheet(name) for name in SHEETS}
    for name, sheet in sheets.items():
        sheet.set_vba_name(CODE_NAMES[name])

    _start(sheets[spec.START], f)
    sheets[spec.START].activate()

    for name, what in ((spec.VENDOR, "vendor bill"), (spec.PSA, "PSA export")):
        sheet = sheets[name]
        sheet.set_column(0, 40, 16, text)
        sheet.write_string(
            0,
            0,
            f"Paste the {what} below (from row 3, header row included), or use "
            f"Import {'Vendor' if name == spec.VENDOR else 'PSA'} File… on the Leakage "
            "Finder tab. Title rows and totals rows are fine.",
            hint,
        )

    _settings(sheets[spec.SETTINGS], f)

    for name in (spec.CLIENT_ALIASES, spec.PRODUCT_ALIASES):
        sheet = sheets[name]
        sheet.set_column(0, 1, 40, text)
        sheet.set_column(2, 2, 36, text)
        sheet.write_row(0, 0, list(ALIAS_HEADER), header)
        sheet.freeze_panes(1, 0)

    history = sheets[spec.HISTORY]
    for index, column in enumerate(spec.HISTORY_COLUMNS):
        history.set_column(index, index, column.width)
    history.write_row(0, 0, [c.header for c in spec.HISTORY_COLUMNS], header)
    history.set_row(0, 30)
    history.freeze_panes(1, 0)

    log = sheets[spec.ACTIVITY_LOG]
    log.set_column(0, len(LOG_COLUMNS) - 1, 16, text)
    log.write_row(0, 0, list(LOG_COLUMNS), header)
    log.hide()
