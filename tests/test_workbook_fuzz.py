"""Fuzzing the workbook path (issue 11): damaged parts, oversize used ranges, odd cell types.

Every generated input either reconciles — with the pasted sheets and the VBA project byte-identical,
no formula created and nothing the user typed lost — or stops with one of our own errors, leaving the
workbook as it was. Anything else is counted as a crash. ``test_zz_counts`` asserts the totals
(at least 5,000 inputs per run, 0 crashes, 0 data lost, 0 formulas) and prints them; raise
LF_FUZZ_SCALE (e.g. 10) for a longer local run.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from addin import layout as spec
from addin.template.build import default_template_path
from addin.workbook import decisions as store
from addin.workbook.appended_rows import Appended, append_rows
from addin.workbook.headless import reconcile_workbook
from addin.workbook.package import Package as _Package
from addin.workbook.package import workbook_sheets
from addin.workbook.paste import pasted_workbook
from addin.workbook.settings_sheet import read_settings
from engine.errors import LeakageFinderError
from engine.read.sheet_size import sheet_extent
from engine.reconcile import reconcile
from engine.result import Result

SCALE = int(os.environ.get("LF_FUZZ_SCALE", "1"))
COUNTS: Counter[str] = Counter()
CRASHES: list[str] = []
FUZZ = dict(
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
VENDOR = [
    ["Customer", "Product", "Qty", "Unit Cost", "Charge Start"],
    ["Contoso", "Microsoft 365 E3", "7", "32.40", "2025-08-01"],
    ["Fabrikam", "Office 365 E3", "2", "20.70", "2025-08-01"],
    ["Northwind", "Exchange Online (Plan 1)", "4", "4.00", "2025-08-01"],
]
PSA = [
    ["Company", "Description", "Quantity", "Price"],
    ["Contoso", "M365 E3", "5", "30.00"],
    ["Fabrikam", "Office 365 E3", "2", "25.00"],
    ["Litware", "Office 365 E3", "1", "25.00"],
]
_BOOK = pasted_workbook(default_template_path().read_bytes(), VENDOR, PSA)


def _parts(data: bytes) -> dict[str, bytes]:
    """Each part's bytes (a part damaged in the input, copied as it was, reads as a marker)."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            try:
                out[info.filename] = archive.read(info.filename)
            except Exception as error:
                out[info.filename] = f"unreadable: {type(error).__name__}".encode()
    return out


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_PARTS = _parts(_BOOK)
_SHEETS = {n: p for n, _, p in workbook_sheets(_Package(_BOOK, "book"))}
_CELL_KINDS = [
    '<c r="{ref}" t="e"><v>#N/A</v></c>',
    '<c r="{ref}" t="b"><v>1</v></c>',
    '<c r="{ref}" t="str"><v>=SUM(A1:A2)</v></c>',
    '<c r="{ref}" t="d"><v>2025-08-31T00:00:00</v></c>',
    '<c r="{ref}"><v>1e308</v></c>',
    '<c r="{ref}"><v>NaN</v></c>',
    '<c r="{ref}"><v>-0</v></c>',
    '<c r="{ref}"><v>123456789012345678901234567</v></c>',
    '<c r="{ref}" t="inlineStr"><is><t>{long}</t></is></c>',
    '<c r="{ref}" t="inlineStr"><is><t>_x0001_ctrl &amp; =1+1</t></is></c>',
    '<c r="{ref}" t="s"><v>999999</v></c>',  # points past the shared strings
    '<c r="{ref}"><f>1+1</f><v>2</v></c>',
]


def _odd_cells(sheet_xml: bytes, rng: random.Random, count: int) -> bytes:
    """Replace data cells of a pasted sheet with odd kinds (errors, booleans, dates, huge numbers…)."""
    refs = re.findall(rb'<c r="([A-E][4-6])"[^>]*?(?:/>|>.*?</c>)', sheet_xml)
    for ref in rng.sample(refs, min(count, len(refs))):
        kind = rng.choice(_CELL_KINDS).format(ref=ref.decode(), long="x" * rng.choice([10, 40_000]))
        sheet_xml = re.sub(
            rb'<c r="' + ref + rb'"[^>]*?(?:/>|>.*?</c>)', kind.encode(), sheet_xml, count=1
        )
    return sheet_xml


def _far_cell(sheet_xml: bytes, ref: str, dimension: bool) -> bytes:
    row = re.sub(r"[A-Z]", "", ref)
    cell = f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'.encode()
    sheet_xml = sheet_xml.replace(b"</sheetData>", cell + b"</sheetData>")
    if dimension:
        sheet_xml = re.sub(
            rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{ref}"/>'.encode(), sheet_xml
        )
    return sheet_xml


def _damaged(kind: str, seed: int) -> bytes:
    rng = random.Random(seed)
    data = bytearray(_BOOK)
    if kind == "flip":
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= rng.randint(1, 255)
        return bytes(data)
    if kind == "truncate":
        return bytes(data[: rng.randrange(len(data))])
    parts = dict(_PARTS)
    name = rng.choice(sorted(parts))
    if kind in ("encrypted", "deflate"):
        with zipfile.ZipFile(io.BytesIO(_BOOK)) as archive:
            info = archive.getinfo(name)
        start = info.header_offset
        if kind == "encrypted":
            data[start + 6] |= 0x01
            central = data.rfind(b"PK\x01\x02", 0)  # flag the central record too
            while central != -1:
                length = int.from_bytes(data[central + 28 : central + 30], "little")
                if data[central + 46 : central + 46 + length] == name.encode():
                    data[central + 8] |= 0x01
                central = data.rfind(b"PK\x01\x02", 0, central)
        else:
            offset = (
                start
                + 30
                + len(name.encode())
                + int.from_bytes(data[start + 28 : start + 30], "little")
            )
            data[offset] |= 0x06
        return bytes(data)
    if kind == "garbage":
        parts[name] = rng.randbytes(rng.randint(0, 300))
    elif kind == "xml":
        parts[name] = rng.choice(
            [
                b"",
                b"<",
                b"<?xml version='1.0'?><x/>",
                b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;</x>",
            ]
        )
    elif kind == "missing":
        del parts[name]
    elif kind == "far":
        sheet = _SHEETS[rng.choice([spec.VENDOR, spec.PSA, spec.CLIENT_ALIASES, spec.SETTINGS])]
        column = rng.choice(["XFD", "AAA", "ZZ", "F", "BZ"])
        row = rng.choice([1_048_576, 60_000, 5_000, 40, 7])
        parts[sheet] = _far_cell(parts[sheet], f"{column}{row}", rng.random() < 0.7)
    elif kind == "odd":
        sheet = _SHEETS[rng.choice([spec.VENDOR, spec.PSA])]
        parts[sheet] = _odd_cells(parts[sheet], rng, rng.randint(1, 6))
    return _zip(parts)


KINDS = ["flip", "truncate", "encrypted", "deflate", "garbage", "xml", "missing", "far", "odd"]


@settings(max_examples=300 * SCALE, **FUZZ)
@given(kind=st.sampled_from(KINDS), seed=st.integers(0, 2**32))
def test_damaged_and_odd_workbooks(tmp_path: Path, kind: str, seed: int) -> None:
    COUNTS["cases"] += 1
    COUNTS[f"workbook:{kind}"] += 1
    data = _damaged(kind, seed)
    path = tmp_path / f"fuzz{seed % 7}.xlsm"
    path.write_bytes(data)
    try:
        reconcile_workbook(path)
    except LeakageFinderError as error:
        message = str(error)
        if "\n" in message or path.read_bytes() != data:
            COUNTS["data lost"] += path.read_bytes() != data
            CRASHES.append(f"{kind}/{seed}: {message[:200]}")
        return
    except Exception as error:
        CRASHES.append(f"{kind}/{seed}: {type(error).__name__}: {error}"[:300])
        COUNTS["crashes"] += 1
        return
    COUNTS["reconciled"] += 1
    before, after = _parts(data), _parts(path.read_bytes())
    names = {n: p for n, _, p in workbook_sheets(_Package(path.read_bytes(), "out"))}
    for part in (names.get(spec.VENDOR), names.get(spec.PSA), "xl/vbaProject.bin"):
        if part in before and before[part] != after.get(part):
            COUNTS["data lost"] += 1
            CRASHES.append(f"{kind}/{seed}: {part} changed")
    for sheet in (*spec.OUTPUT_SHEETS, store.STORE):
        part = names.get(sheet)
        if part and (b"<f>" in after[part] or b"<f " in after[part]):
            COUNTS["formulas created"] += 1


# --- the used range: never underestimated, whatever the dimension says ----------------------------

_COLUMNS = ["A", "C", "W", "Z", "AA", "AX", "ZZ", "AAA", "XFD"]
_ROWS = [1, 2, 9, 10, 99, 12508, 60_000, 1_048_575, 1_048_576]


def _column_number(letters: str) -> int:
    return sum((ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(letters)))


@settings(max_examples=300 * SCALE, **FUZZ)
@given(seed=st.integers(0, 2**32))
def test_used_range_is_never_underestimated(seed: int) -> None:
    """Ten generated sheets per example: cells anywhere, rows in or out of order, a dimension that
    is right, missing, too small or too large."""
    rng = random.Random(seed)
    for _ in range(10):
        COUNTS["cases"] += 1
        COUNTS["extent"] += 1
        cells = [
            (
                rng.choice(_COLUMNS),
                rng.choice(_ROWS) if rng.random() < 0.5 else rng.randint(1, 2000),
            )
            for _ in range(rng.randint(0, 12))
        ]
        if rng.random() < 0.5:
            cells.sort(key=lambda c: c[1])
        body = "".join(f'<row r="{r}"><c r="{c}{r}"><v>1</v></c></row>' for c, r in cells)
        dimension = rng.choice([None, (rng.choice(_COLUMNS), rng.choice(_ROWS))])
        head = f'<dimension ref="A1:{dimension[0]}{dimension[1]}"/>' if dimension else ""
        xml = f"<worksheet>{head}<sheetData>{body}</sheetData></worksheet>".encode()
        try:
            height, width, _ = sheet_extent(xml)
        except Exception as error:
            COUNTS["crashes"] += 1
            CRASHES.append(f"extent: {type(error).__name__}: {error}")
            continue
        assert height >= max((r for _, r in cells), default=0)
        assert width >= max((_column_number(c) for c, _ in cells), default=0)


# --- decisions: odd cell types and headers never crash and never lose a keyed decision -------------

_VALUE = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(["Open", "Ignore", "Accepted", "Fixed in PSA", "#N/A", "=1+1", "", " "]),
)
_HEADER = st.sampled_from(
    [
        "type",
        "client",
        "vendor_client",
        "product",
        "Status",
        "Note",
        "id",
        "Owner",
        "owner",
        "",
        None,
        42,
        "Legend →",
    ]
)


def _result() -> Result:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    (folder / "v.csv").write_text("\n".join(",".join(r) for r in VENDOR) + "\n")
    (folder / "p.csv").write_text("\n".join(",".join(r) for r in PSA) + "\n")
    return reconcile(folder / "v.csv", folder / "p.csv")


RESULT = _result()


@settings(max_examples=500 * SCALE, **FUZZ)
@given(
    header=st.lists(_HEADER, min_size=0, max_size=10),
    rows=st.lists(st.lists(_VALUE, max_size=10), max_size=8),
    store_grid=st.one_of(st.none(), st.lists(st.lists(_VALUE, max_size=10), max_size=4)),
    finding_rows=st.integers(0, 3),
)
def test_decisions_survive_odd_grids(
    header: list[object],
    rows: list[list[object]],
    store_grid: list[list[object]] | None,
    finding_rows: int,
) -> None:
    COUNTS["cases"] += 1
    COUNTS["decisions"] += 1
    full_header = ["type", "client", "product", "Status", "Note", "Owner2", *header]
    typed: list[list[object]] = [r[:6] + [None] * (6 - len(r[:6])) + r[6:] for r in rows]
    decided = {}
    for index, d in enumerate(RESULT.discrepancies[:finding_rows]):
        note = f"note {index}" if index % 2 else 42 + index
        row: list[object] = [d.type, d.client or d.vendor_client, d.product, "Ignore", note, 7]
        typed.append(row)
        decided[d.id] = ("Ignore", note)
    grid = [full_header, *typed]
    try:
        applied = store.apply(RESULT, grid, store_grid)
        again = store.apply(
            RESULT, None, [[c.header for c in applied.store.columns], *applied.store.rows]
        )
    except Exception as error:
        COUNTS["crashes"] += 1
        CRASHES.append(f"decisions: {type(error).__name__}: {error}"[:300])
        return
    for key in decided:  # typed on the sheet, then read back from the store alone: still there
        if key not in again.decisions:
            COUNTS["data lost"] += 1
            CRASHES.append(f"decisions: {key} lost")


# --- learned aliases appended in place: every row the user had stays as it was --------------------

_ODD_VALUES: list[object] = [
    None,
    "",
    "Contoso",
    12345,
    12345.5,
    -0.0,
    True,
    "=1+1",
    "a & <b>",
    "_x0041_",
    "\x01",
    "x" * 40_000,
]


@settings(max_examples=150 * SCALE, **FUZZ)
@given(seed=st.integers(0, 2**32))
def test_appended_alias_rows_keep_every_existing_row(seed: int) -> None:
    """Ten generated alias sheets per example: user rows anywhere, formatted empty rows in the way,
    learned rows of odd values in any column."""
    rng = random.Random(seed)
    for _ in range(10):
        COUNTS["cases"] += 1
        COUNTS["aliases"] += 1
        existing = {rng.randint(1, 40) for _ in range(rng.randint(0, 10))}
        rows = {
            r: f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>v{r}</t></is></c>'
            f'<c r="D{r}"><v>{r}</v></c></row>'
            for r in existing
        }
        for r in (rng.randint(1, 60) for _ in range(rng.randint(0, 5))):
            rows.setdefault(r, f'<row r="{r}" ht="20" customHeight="1"/>')
        body = "".join(rows[r] for r in sorted(rows))
        xml = f'<worksheet><dimension ref="A1:C3"/><sheetData>{body}</sheetData></worksheet>'
        learned = [
            [rng.choice(_ODD_VALUES) for _ in range(rng.randint(1, 4))]
            for _ in range(rng.randint(1, 5))
        ]
        try:
            out = append_rows(
                xml, Appended(max(existing, default=0) + 1, rng.randint(0, 3), learned)
            )
        except Exception as error:
            COUNTS["crashes"] += 1
            CRASHES.append(f"aliases: {type(error).__name__}: {error}"[:300])
            continue
        COUNTS["data lost"] += sum(rows[r] not in out for r in existing)
        numbers = [int(n) for n in re.findall(r'<row r="(\d+)"', out)]
        assert numbers == sorted(numbers) and len(numbers) == len(set(numbers))
        assert "<f>" not in out and all(
            len(t) <= 32_767 for t in re.findall(r"<t[^>]*>([^<]*)</t>", out)
        )


# --- Settings sheets of any shape -----------------------------------------------------------------


@settings(max_examples=300 * SCALE, **FUZZ)
@given(grid=st.lists(st.lists(_VALUE, max_size=5), max_size=8), labels=st.booleans())
def test_settings_sheet_of_any_shape(grid: list[list[object]], labels: bool) -> None:
    COUNTS["cases"] += 1
    COUNTS["settings"] += 1
    if labels:
        grid = [["Critical at ($/month)", grid[0][0] if grid and grid[0] else None], *grid]
    try:
        read_settings(grid, grid, grid)
    except LeakageFinderError:
        return
    except Exception as error:
        COUNTS["crashes"] += 1
        CRASHES.append(f"settings: {type(error).__name__}: {error}"[:300])


def test_zz_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """The run's totals (printed for the record): ≥ 5,000 inputs, 0 crashes, 0 lost, 0 formulas."""
    if COUNTS["cases"] == 0:
        pytest.skip("run with the fuzz tests above")
    line = (
        f"workbook fuzz: {COUNTS['cases']} cases tried ({COUNTS['reconciled']} reconciled), "
        f"{COUNTS['crashes']} crashes, {COUNTS['data lost']} data lost, "
        f"{COUNTS['formulas created']} formulas created"
    )
    with capsys.disabled():
        print("\n" + line)
    report = os.environ.get("LF_FUZZ_REPORT")
    if report:
        Path(report).write_text(line + "\n" + "\n".join(CRASHES) + "\n", encoding="utf-8")
    assert COUNTS["cases"] >= 5_000 * SCALE or os.environ.get("PYTEST_XDIST_WORKER"), line
    assert not CRASHES, CRASHES[:10]
    assert COUNTS["crashes"] == COUNTS["data lost"] == COUNTS["formulas created"] == 0, line
