"""A state machine over a workbook on the headless path (issue 11): a user edits decisions, adds a
column, types aliases and pastes new months (lines added, removed, shuffled) between reconciles.

After every reconcile: no decision, alias or user column is lost (a decision whose finding is absent
is in the hidden Decisions sheet), the pasted sheets and the VBA project are byte-identical, and no
formula was created. The model is what the user typed; the workbook is read back with calamine.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from addin import layout as spec
from addin.sample.psa_exports import psa_rows
from addin.sample.scenario import make_scenario
from addin.sample.vendor_exports import vendor_rows
from addin.template.build import default_template_path
from addin.workbook import decisions as store
from addin.workbook.headless import read_grids, reconcile_workbook
from addin.workbook.package import Package, workbook_sheets
from addin.workbook.paste import pasted_workbook, render_input_sheets
from addin.workbook.transplant import replace_sheets
from engine.errors import LeakageFinderError

SCENARIO = make_scenario(6, seed=7)  # one client found only by fuzzy name: learned
VENDOR = vendor_rows(SCENARIO, "partner_center")
PSA = psa_rows(SCENARIO, "connectwise")
TEMPLATE = default_template_path().read_bytes()
NOTES = st.one_of(st.text("abc =+-@42 ", max_size=8), st.integers(0, 10**6), st.just(""))


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _type(cell: Any, value: object) -> None:
    """Put what the user typed in a cell as Excel keeps it: "=442-2" typed as a note is text.

    (openpyxl would store a string starting with "=" as a formula without a value, which Excel
    never writes: Excel keeps a typed formula's value beside it.)
    """
    cell.value = value if value != "" else None
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def _same(a: object, b: object) -> bool:
    """A value read back as the user typed it (calamine gives numbers as floats: 42 → 42.0)."""
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return float(a) == float(b)
    return a == b


#: The Discrepancies header's sheet row (under the title and legend rows).
TOP = spec.DISCREPANCY_HEADER_ROW + 1


def _table(grid: list[list[object]]) -> list[dict[str, object]]:
    """Rows under the header as dicts, "id" being the finding id (Finding ID on Discrepancies)."""
    if not grid:
        return []
    start = next(
        (i for i, row in enumerate(grid[:10]) if spec.STATUS_HEADER in [str(h) for h in row]), 0
    )
    header = [str(h) if h is not None else "" for h in grid[start]]
    header = ["id" if h == spec.ID_HEADER else h for h in header]
    return [dict(zip(header, row, strict=False)) for row in grid[start + 1 :]]


class WorkbookUser(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="lf-state-"))
        self.path = self.folder / "Leakage.xlsm"
        self.path.write_bytes(pasted_workbook(TEMPLATE, VENDOR, PSA))
        self.decisions: dict[str, dict[str, object]] = {}  # finding id → what the user typed
        self.columns: list[str] = []
        self.aliases: list[list[object]] = []
        self.present: list[str] = []  # finding ids on Discrepancies, in sheet order
        self.vendor = VENDOR

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- what the user does ------------------------------------------------------------------

    @rule()
    def reconcile(self) -> None:
        before = _parts(self.path)
        try:
            reconcile_workbook(self.path)
        except LeakageFinderError:
            assert _parts(self.path) == before  # a refusal leaves the workbook as it was
            return
        after = _parts(self.path)
        sheets = {n: p for n, _, p in workbook_sheets(Package(self.path.read_bytes(), "book"))}
        for part in (sheets[spec.VENDOR], sheets[spec.PSA], "xl/vbaProject.bin"):
            assert after[part] == before[part], part
        for name in (*spec.OUTPUT_SHEETS, store.STORE):
            assert b"<f>" not in after[sheets[name]] and b"<f " not in after[sheets[name]]
        self.check_nothing_lost()

    @precondition(lambda self: bool(self.present))
    @rule(
        pick=st.integers(0, 10**6),
        status=st.sampled_from(spec.STATUSES),
        note=NOTES,
        extra=NOTES,
    )
    def edit_decision(self, pick: int, status: str, note: object, extra: object) -> None:
        finding = self.present[pick % len(self.present)]
        note = "" if isinstance(note, str) and not note.strip() else note  # spaces only: blank
        extra = "" if isinstance(extra, str) and not extra.strip() else extra
        book = openpyxl.load_workbook(self.path, keep_vba=True)
        sheet = book[spec.DISCREPANCIES]
        header = [c.value for c in sheet[TOP]]
        ids = header.index(spec.ID_HEADER)
        row = next(r for r in sheet.iter_rows(min_row=TOP + 1) if r[ids].value == finding)
        typed: dict[str, object] = {"Status": status, "Note": note}
        row[header.index("Status")].value = status
        _type(row[header.index("Note")], note)
        for name in self.columns:
            _type(row[header.index(name)], extra)
            typed[name] = extra
        book.save(self.path)
        if status == "Open" and note == "" and all(typed.get(c) == "" for c in self.columns):
            self.decisions.pop(finding, None)
        else:
            self.decisions[finding] = typed

    @precondition(lambda self: bool(self.present) and len(self.columns) < 2)
    @rule(name=st.sampled_from(["Owner", "Ticket", "Due"]), value=st.integers(1, 999))
    def add_column(self, name: str, value: int) -> None:
        if name in self.columns:
            return
        book = openpyxl.load_workbook(self.path, keep_vba=True)
        sheet = book[spec.DISCREPANCIES]
        header = [c.value for c in sheet[TOP]]
        width = len(header)
        while width and header[width - 1] in (None, ""):
            width -= 1
        sheet.insert_cols(width + 1)
        sheet.cell(TOP, width + 1).value = name
        ids = header.index(spec.ID_HEADER)
        first = sheet.cell(TOP + 1, ids + 1).value
        sheet.cell(TOP + 1, width + 1).value = value
        book.save(self.path)
        self.columns.append(name)
        for typed in self.decisions.values():
            typed.setdefault(name, "")
        if first:
            self.decisions.setdefault(first, {"Status": None, "Note": None})[name] = value
            for other in self.columns:
                self.decisions[first].setdefault(other, "")

    @rule(spelling=st.one_of(st.integers(10_000, 99_999), st.text("xyz ", min_size=1, max_size=6)))
    def type_alias(self, spelling: object) -> None:
        if isinstance(spelling, str) and not spelling.strip():
            return
        book = openpyxl.load_workbook(self.path, keep_vba=True)
        sheet = book[spec.CLIENT_ALIASES]
        row = [spelling, "Nobody Pty", "me", f"comment {len(self.aliases)}"]
        sheet.append(row)
        if sheet.cell(1, 4).value is None:
            sheet.cell(1, 4).value = "Comment"
        book.save(self.path)
        self.aliases.append(row)

    @rule(how=st.sampled_from(["drop", "shuffle", "restore", "add"]), seed=st.integers(0, 10**6))
    def paste_month(self, how: str, seed: int) -> None:
        import random

        rng = random.Random(seed)
        header, lines = self.vendor[0], list(self.vendor[1:])
        if how == "drop" and len(lines) > 4:
            for _ in range(rng.randint(1, 3)):
                lines.pop(rng.randrange(len(lines)))
        elif how == "shuffle":
            rng.shuffle(lines)
        elif how == "add":
            lines.append(list(rng.choice(VENDOR[1:])))
        else:
            lines = list(VENDOR[1:])
        self.vendor = [header, *lines]
        self.path.write_bytes(
            replace_sheets(
                self.path.read_bytes(),
                render_input_sheets(self.vendor, PSA),
                shared_strings=True,
            )
        )

    # --- what must hold --------------------------------------------------------------------------

    def check_nothing_lost(self) -> None:
        grids = read_grids(self.path, [spec.DISCREPANCIES, store.STORE, spec.CLIENT_ALIASES])
        shown = {str(r.get("id")): r for r in _table(grids[spec.DISCREPANCIES])}
        kept = {str(r.get("id")): r for r in _table(grids.get(store.STORE, []))}
        self.present = list(shown)
        header = [str(h) for h in grids[spec.DISCREPANCIES][TOP - 1]]
        for name in self.columns:
            assert name in header, f"user column {name!r} lost"
        for finding, typed in self.decisions.items():
            where = shown.get(finding) or kept.get(finding)
            assert where is not None, f"decision on {finding} lost"
            assert finding in kept, f"decision on {finding} not in the store"
            for name, value in typed.items():
                if name == "Status" and value in (None, ""):
                    continue
                assert _same(where.get(name), value), (finding, name, where.get(name), value)
        alias_rows = [list(r[:4]) for r in grids[spec.CLIENT_ALIASES]]
        assert sum(r[0] == "Vendor spelling" for r in alias_rows) == 1
        for typed_row in self.aliases:
            assert any(
                all(_same(a, b) for a, b in zip(r, typed_row, strict=True)) for r in alias_rows
            ), f"alias {typed_row} lost"

    @invariant()
    def workbook_opens(self) -> None:
        assert zipfile.ZipFile(io.BytesIO(self.path.read_bytes())).testzip() is None


@pytest.mark.slow
def test_nothing_the_user_typed_is_lost() -> None:
    run = WorkbookUser.TestCase
    run.settings = settings(
        max_examples=6,
        stateful_step_count=9,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a workbook run is slow
        suppress_health_check=[HealthCheck.too_slow],
    )
    run().runTest()
