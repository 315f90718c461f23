"""The Settings and alias sheets: their layout (used by the template build) and how they are read.

Reading is by labels, not cell addresses, so a user who inserts a row or moves a table does not break
it. Everything read is validated by :class:`engine.settings.Settings`, which lists all problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from addin.workbook.appended_rows import Appended
from engine.errors import SettingsError
from engine.read.fields import FIELDS
from engine.settings import Settings

_DEFAULT = Settings()
#: The Settings sheet's defaults: the engine's own (engine.settings.Settings), not written again here.
DEFAULTS: dict[str, Decimal] = {
    **_DEFAULT.severity_thresholds,
    "target": _DEFAULT.leakage_target_percent,
    "target_margin": _DEFAULT.target_margin_percent,
}

SETTING_LABELS: tuple[tuple[str, str, Decimal | None, str], ...] = (
    # (label, key, default, help)
    (
        "Period (YYYY-MM)",
        "period",
        None,
        "The billing month. Leave blank to take it from the vendor bill.",
    ),
    (
        "Critical at ($/month)",
        "critical",
        DEFAULTS["critical"],
        "Findings worth at least this much per month are critical.",
    ),
    ("High at ($/month)", "high", DEFAULTS["high"], "…high."),
    ("Medium at ($/month)", "medium", DEFAULTS["medium"], "…medium; anything less is low."),
    (
        "Leakage target (%)",
        "target",
        DEFAULTS["target"],
        "Leakage ratio target shown on the KPIs sheet.",
    ),
    (
        "Target margin (%)",
        "target_margin",
        DEFAULTS["target_margin"],
        "Client products billed above cost but under this margin are listed on Prices.",
    ),
)
MAPPING_HEADER = ("Side", "Field", "Column in your export")
EXCLUDE_HEADER = "Exclude PSA product (a service, not a licence)"
EXCLUSIONS_TITLE = "Exclusions"
MAPPING_TITLE = "Column mapping overrides (only when a column is not recognised)"
ALIAS_HEADER = ("Vendor spelling", "PSA spelling", "Added by")
FIELD_NAMES = {side: [f.name for f in fields] for side, fields in FIELDS.items()}

Grid = Sequence[Sequence[object]]


def cell_text(value: object) -> str:
    """A cell as the user reads it: blank for empty, 12345 for a whole number Excel stored as
    12345.0, surrounding spaces trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_text = cell_text


def _find(grid: Grid, label: str) -> tuple[int, int] | None:
    wanted = label.strip().lower()
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if _text(cell).lower() == wanted:
                return r, c
    return None


def find_label(grid: Grid, label: str) -> tuple[int, int] | None:
    """(row, column) of the first cell reading ``label`` (case and spaces aside)."""
    return _find(grid, label)


def _cell(grid: Grid, r: int, c: int) -> object:
    if r < len(grid) and c < len(grid[r]):
        return grid[r][c]
    return None


def read_settings(grid: Grid, client_aliases: Grid = (), product_aliases: Grid = ()) -> Settings:
    """Settings from the Settings sheet's values and the two alias sheets; every problem found is
    reported at once."""
    problems: list[str] = []
    values: dict[str, object] = {}
    for label, key, _, _ in SETTING_LABELS:
        found = _find(grid, label)
        if found is not None:
            values[key] = _cell(grid, found[0], found[1] + 1)
    numbers = _numbers(values, problems)
    mappings = _mappings(grid, problems)
    if problems:
        raise SettingsError("; ".join(problems) + ".")
    return Settings(
        severity_thresholds={
            key: numbers[key] for key in _DEFAULT.severity_thresholds if key in numbers
        },
        leakage_target_percent=numbers["target"],
        client_aliases=read_aliases(client_aliases),
        product_aliases=read_aliases(product_aliases),
        vendor_mapping=mappings["vendor"],
        psa_mapping=mappings["psa"],
        period=_period(values.get("period")),
        exclude_psa_products=_exclusions(grid),
        target_margin_percent=numbers["target_margin"],
    )


def _numbers(values: dict[str, object], problems: list[str]) -> dict[str, Decimal]:
    """The thresholds and targets typed on the sheet ("$500", "2%" read as numbers), the engine's
    defaults where a cell is blank."""
    numbers = dict(DEFAULTS)
    for key in DEFAULTS:
        raw = _text(values.get(key))
        if not raw:
            continue
        try:
            number = Decimal(raw.replace("$", "").replace(",", "").replace("%", ""))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            problems.append(f"Settings sheet: {key} should be a number, found {raw!r}")
            continue
        numbers[key] = number
    return numbers


def _period(raw: object) -> str | None:
    """The billing month as YYYY-MM (a date typed in the cell included); None when blank."""
    if raw is None or not _text(raw):
        return None
    if isinstance(raw, dt.date | dt.datetime):
        return f"{raw.year:04d}-{raw.month:02d}"
    return _text(raw)[:7]


def _mappings(grid: Grid, problems: list[str]) -> dict[str, dict[str, str]]:
    """Column mapping overrides per side (field → the export's column header)."""
    mappings: dict[str, dict[str, str]] = {"vendor": {}, "psa": {}}
    header = _find(grid, MAPPING_HEADER[0])
    if header is None:
        return mappings
    r, c = header
    for row in range(r + 1, len(grid)):
        side, field, column = (_text(_cell(grid, row, c + i)) for i in range(3))
        if side in (EXCLUSIONS_TITLE, EXCLUDE_HEADER):
            break  # the next section starts
        if not side and not field and not column:
            continue
        if side.lower() not in mappings:
            if side:
                problems.append(
                    f"Settings sheet row {row + 1}: side should be vendor or psa, found {side!r}"
                )
            continue
        if field and column:
            mappings[side.lower()][field] = column
    return mappings


def _exclusions(grid: Grid) -> tuple[str, ...]:
    """PSA products the user lists as services, not licences."""
    found = _find(grid, EXCLUDE_HEADER)
    if found is None:
        return ()
    r, c = found
    exclusions: list[str] = []
    for row in range(r + 1, len(grid)):
        text = _text(_cell(grid, row, c))
        if text in (MAPPING_TITLE, MAPPING_HEADER[0]):
            break  # the mapping section follows the exclusions (template 2026-12 on)
        if text:
            exclusions.append(text)
    return tuple(exclusions)


def read_aliases(grid: Grid) -> dict[str, str]:
    """Vendor spelling → PSA spelling from an alias sheet (rows under the header)."""
    found = _find(grid, ALIAS_HEADER[0])
    if found is None:
        return {}
    r, c = found
    out: dict[str, str] = {}
    for row in range(r + 1, len(grid)):
        vendor, psa = _text(_cell(grid, row, c)), _text(_cell(grid, row, c + 1))
        if vendor and psa:
            out[vendor] = psa
    return out


def alias_rows_at(grid: Grid, learned: list[list[object]]) -> Appended:
    """Where learned aliases go in the user's Client Aliases sheet: under their last row, in the
    header's columns (a title row, a comment column or a table moved to C5 all stay as they are)."""
    found = find_label(grid, ALIAS_HEADER[0])
    last = max(
        (i for i, row in enumerate(grid) if any(v not in (None, "") for v in row)), default=-1
    )
    if found is None:  # no header left: put one back above the new rows
        rows: list[list[object]] = [list(ALIAS_HEADER), *learned] if learned else []
        return Appended(last + 3 if last >= 0 else 1, 0, rows)
    return Appended(last + 2, found[1], learned)
