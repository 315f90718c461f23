"""Render a :class:`engine.result.Result` as CSV and JSON files, safely.

CSV cells that a spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``, tab or CR)
are neutralised the way OWASP recommends: prefixed with a single quote, so a client named
``=HYPERLINK(…)`` opens as text. Money columns are plain numbers and never need it. Every file is
written atomically: to a temporary file beside the target, then renamed over it.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import operator
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from engine.errors import OutputError
from engine.result import (
    CSV_COLUMNS,
    EXTRA_COLUMNS,
    NUMERIC_COLUMNS,
    PriceChange,
    Result,
    TermFinding,
    ThinMargin,
)

#: The characters that make Excel (or a CSV reader) take text as a formula: = + - @, tab and CR
#: (OWASP CSV injection). The one list: the live path's Excel writes use it too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARACTERS = frozenset(FORMULA_START)  # each one character: text[:1] in it ⇔ startswith


def neutralise(text: str) -> str:
    """OWASP CSV-injection defence: ``=1+1`` → ``'=1+1``; other text unchanged."""
    return "'" + text if text.startswith(FORMULA_START) else text


def check_writable(path: str | Path) -> None:
    """Refuse, in one line, a path that cannot take a file: a folder, under a file, read-only."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(
            f"{target}: this is a folder. Give a file name inside it, e.g. {target / 'output'}."
        )
    ancestor = target.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if ancestor.exists() and not ancestor.is_dir():
        raise OutputError(
            f"{target}: {ancestor} is a file, not a folder, so nothing can be written under it. "
            "Choose another path."
        )
    if target.exists() and not target.stat().st_mode & 0o222:
        raise OutputError(
            f"{target}: the file is read-only, so it was left as it is. Make it writable (Windows: "
            "Properties > untick Read-only) or write a copy elsewhere (--out)."
        )


def _lock(stream: IO[bytes]) -> bool:
    """Hold an exclusive lock on a temporary file while it is written (POSIX); False if taken."""
    try:
        import fcntl
    except ImportError:  # Windows: an open file cannot be deleted anyway
        return True
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale_temporaries(target: Path) -> None:
    """Delete ``.NAME.*.tmp`` files a killed run left beside ``target`` (a running writer holds a
    lock on its own, so it is never touched)."""
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        try:
            with stale.open("rb") as stream:
                if not _lock(stream):
                    continue
                if sys.platform == "win32" and time.time() - stale.stat().st_mtime < 3600:
                    continue
            stale.unlink()
        except OSError:
            continue


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half
    (see :func:`atomic_write`)."""
    atomic_write(path, lambda stream: stream.write(data))


def atomic_write(path: str | Path, write: Callable[[IO[bytes]], object]) -> None:
    """Have ``write`` write the file's bytes to a stream, so that readers of ``path`` see the old
    file or the new one, never half (a big workbook is written as it is put together, never held
    whole in memory first).

    Problems a user can fix (read-only file or folder, disk full, file locked by Excel) become an
    :class:`OutputError`; the temporary file is removed on every exit path, and any left by a
    killed run is removed here.
    """
    target = Path(path)
    check_writable(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"{target}: the folder {target.parent} could not be created ({error.strerror})."
        ) from None
    remove_stale_temporaries(target)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise OutputError(
            f"{target}: the folder {target.parent} cannot be written to ({error.strerror}): it is "
            "read-only or you have no permission there. Write to another folder."
        ) from None
    try:
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(handle, "wb") as stream:
            _lock(stream)
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
            os.replace(temporary, target)
    except PermissionError:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(
            f"{target}: cannot be replaced: it is open in another program (Excel?) or locked. "
            "Close it there and run again."
        ) from None
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(
            f"{target}: could not be written ({error.strerror or error}). Free some disk space or "
            "write to another place."
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def discrepancies_csv(result: Result) -> bytes:
    """The discrepancies as UTF-8 CSV (with BOM, so Excel shows accents), CSV_COLUMNS first."""
    buffer = io.StringIO()
    columns = (*CSV_COLUMNS, *EXTRA_COLUMNS, "currency")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    texts = [i for i, column in enumerate(columns) if column not in NUMERIC_COLUMNS]
    text_values = operator.itemgetter(*texts)
    currency = result.kpis.currency
    in_order: bool | None = None  # as_row's keys are the columns, in order (checked on one row)
    for discrepancy in result.discrepancies:  # plain rows: 22,800 findings at 100k lines
        row = discrepancy.as_row()  # a fresh dict of strings
        row["currency"] = currency
        if in_order is None:
            in_order = tuple(row) == columns
        values = list(row.values()) if in_order else [row.get(column, "") for column in columns]
        if _formula_start_in(values, text_values):
            for i in texts:  # neutralise(), inlined: 20 text columns a row
                if values[i][:1] in _FORMULA_CHARACTERS:
                    values[i] = "'" + values[i]
        writer.writerow(values)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


#: A formula character at the start of a text joined by :func:`_formula_start_in`.
_STARTS = re.compile("\x00[" + re.escape("".join(FORMULA_START)) + "]")


def _formula_start_in(values: list[str], texts: Callable[[list[str]], tuple[str, ...]]) -> bool:
    """Whether a text column of the row may start with a formula character: one scan of the
    texts joined after NULs (a NUL inside a text only sends the row to the exact check)."""
    return _STARTS.search("\x00" + "\x00".join(texts(values))) is not None


def write_discrepancies_csv(result: Result, path: str | Path) -> None:
    atomic_write_bytes(path, discrepancies_csv(result))


#: The prices-and-terms CSV: one section column says which list a row is from.
PRICES_CSV_COLUMNS = (
    "section",
    "client",
    "product",
    "seats",
    "psa_seats",
    "previous_cost",
    "cost",
    "psa_price",
    "margin_percent",
    "monthly_effect",
    "date",
    "detail",
)


def prices_csv(result: Result) -> bytes:
    """Price moves, thin margins and terms (kept apart from the discrepancies), UTF-8 with BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(PRICES_CSV_COLUMNS)
    writer.writerows(_price_change_row(c) for c in result.price_changes)
    writer.writerows(_thin_margin_row(t) for t in result.thin_margins)
    writer.writerows(_term_row(term) for term in result.terms)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _text(value: object) -> str:
    return "" if value is None else format(value, "f") if isinstance(value, Decimal) else str(value)


def _price_change_row(c: PriceChange) -> list[str]:
    return [
        f"cost_{c.direction}",
        neutralise(c.client),
        neutralise(c.product),
        _text(c.vendor_qty),
        "",
        _text(c.previous_cost),
        _text(c.cost),
        _text(c.psa_unit_price),
        "",
        _text(c.monthly_effect),
        c.previous_period,
        c.scope,
    ]


def _thin_margin_row(t: ThinMargin) -> list[str]:
    return [
        "thin_margin",
        neutralise(t.client),
        neutralise(t.product),
        _text(t.seats),
        "",
        "",
        _text(t.cost),
        _text(t.price),
        _text(t.margin_percent),
        _text(t.monthly_shortfall),
        "",
        f"price at {t.target_percent}% target: {_text(t.price_at_target)}",
    ]


def _term_row(term: TermFinding) -> list[str]:
    return [
        term.kind,
        neutralise(term.client),
        neutralise(term.product),
        _text(term.vendor_qty),
        _text(term.psa_qty),
        "",
        "",
        "",
        "",
        _text(term.monthly_surcharge),
        term.end_date,
        neutralise(term.action),
    ]


def write_prices_csv(result: Result, path: str | Path) -> None:
    atomic_write_bytes(path, prices_csv(result))


def summary_json(result: Result) -> bytes:
    data: dict[str, Any] = result.summary()
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_summary_json(result: Result, path: str | Path) -> None:
    atomic_write_bytes(path, summary_json(result))
