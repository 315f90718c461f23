"""Small CSV files are parsed by Python's csv module, large ones by pandas' C parser (issue 15: the
pandas import costs more than it saves on a small file). Both must give the very same grid."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.read import text_files
from engine.read.text_files import _parse_csv, _parsed_by_csv_module


def _both(text: str, delimiter: str = ",") -> tuple[object, object]:
    """The grid from pandas' path and from the csv module's path."""
    head = text[:200_000].splitlines()[:500]
    width = max((len(row) for row in csv.reader(head, delimiter=delimiter)), default=1)
    small = _parsed_by_csv_module(text, delimiter, "x.csv", width)
    saved = text_files._PANDAS_FROM_CHARS
    text_files._PANDAS_FROM_CHARS = 0  # pandas for every size
    try:
        large = _parse_csv(text, delimiter, "x.csv")
    finally:
        text_files._PANDAS_FROM_CHARS = saved
    return small, large


@pytest.mark.parametrize(
    "text",
    [
        "Customer,Product,Qty\nAcme,E3,3\n",
        "Report title\n\nCustomer,Product,Qty\nAcme,E3,3\n,,\nTotal,,3\n",  # short and blank rows
        'Customer,Product\n"Acme, Inc.","Microsoft 365 E3\nper user"\n',  # a quoted newline
        'Customer,Product\n"Acme ""North""",E3\r\nBeta,E5\r\n',  # doubled quotes, CRLF
        "Customer,Product\nAcme,E3\nBeta,E5,an extra cell,and another\n",  # wider later: ragged
        "A;B;C\n1;2\n",  # short row padded with ""
    ],
)
def test_the_csv_module_reads_as_pandas_reads(text: str) -> None:
    small, large = _both(text, ";" if text.startswith("A;") else ",")
    assert small == large


_cell = st.text(alphabet=st.sampled_from(list('ab ,;"\n\r\t1é€')), max_size=6)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_cell, min_size=1, max_size=5), min_size=1, max_size=8))
def test_any_grid_written_as_csv_reads_back_alike(rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    text = buffer.getvalue()
    if not text.strip():
        return
    small, large = _both(text)
    assert small == large


def test_a_small_csv_is_read_without_importing_pandas() -> None:
    code = (
        "import sys\n"
        "from engine.read.text_files import read_csv\n"
        "table = read_csv(b'Customer,Product,Qty\\nAcme,E3,3\\n', name='v.csv')\n"
        "assert table.cells[1][1] == 'E3', table.cells\n"
        "print('pandas' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
