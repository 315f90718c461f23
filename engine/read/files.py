"""Read an export as it comes out of a real system into a raw grid of cells: which reader reads it.

Sources: CSV/TXT files and zips of CSV parts (:mod:`engine.read.text_files`: any common encoding and
delimiter), ``.xlsx``/``.xlsm``/``.xls`` sheets (:mod:`engine.read.workbooks`, python-calamine: fast,
and it never evaluates anything), and pandas DataFrames (the add-in hands over pasted sheet values).
The grid keeps every row, preamble included; :mod:`engine.read.header` finds the header row.
Refusals (HTML, encrypted, zip bombs, too many rows: :mod:`engine.read.limits`) raise
:class:`UnreadableFileError`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import pandas as pd

from engine.errors import UnreadableFileError
from engine.read.fixed_width import printout_in_one_column
from engine.read.raw_table import OLE_SIGNATURE, RawTable, checked
from engine.read.text_files import is_zip_of_csv, read_csv, read_csv_zip
from engine.read.workbooks import read_xls, read_xlsx

Source: TypeAlias = "str | Path | pd.DataFrame | RawTable"


def load_readers() -> None:
    """Import what the readers import when first used, before two threads read at once (a module
    imported by two threads at the same moment can be seen half-initialised by one of them)."""
    import xml.sax.saxutils  # noqa: F401

    import pandas  # noqa: F401
    import python_calamine  # noqa: F401


def read_source(source: Source, *, name: str | None = None, sheet: str | None = None) -> RawTable:
    """Read a path, a DataFrame of pasted values or an already-read table into a :class:`RawTable`
    (a printout pasted one line to a cell read in its columns)."""
    return printout_in_one_column(_read_source(source, name, sheet))


def _read_source(source: Source, name: str | None, sheet: str | None) -> RawTable:
    if isinstance(source, RawTable):
        return source
    pandas = sys.modules.get("pandas")  # a DataFrame can only exist if pandas is loaded
    if pandas is not None and isinstance(source, pandas.DataFrame):
        return _from_frame(source, name or "pasted sheet")
    path = Path(source)  # type: ignore[arg-type]  # (not a DataFrame: handled above)
    label = name or path.name
    if not path.exists():
        raise UnreadableFileError(
            f"{label}: file not found at {path}. Check the path and try again."
        )
    if path.is_dir():
        raise UnreadableFileError(f"{label}: {path} is a folder, not an export file.")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        if is_zip_of_csv(path):
            return read_csv_zip(path, name=label)
        return read_xlsx(path, name=label, sheet=sheet)
    if head.startswith(OLE_SIGNATURE):
        return read_xls(path, name=label, sheet=sheet)
    return read_csv(path.read_bytes(), name=label)


def _from_frame(frame: pd.DataFrame, name: str) -> RawTable:
    """A DataFrame with text column labels is header + rows; one with integer labels is a raw grid."""
    import pandas as pd

    values = frame.astype(object).where(pd.notna(frame), None).to_numpy(dtype=object).tolist()
    if not isinstance(frame.columns, pd.RangeIndex):
        values.insert(0, list(frame.columns))
    return checked(RawTable(name, values))
