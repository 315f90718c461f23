"""Small writing helpers shared by the renderers (deterministic output)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from decimal import Decimal as D

import xlsxwriter

FIXED = dt.datetime(2026, 12, 2, 9, 0, 0)


def iso(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def fmt_date(s: str, style: str) -> str:
    d = iso(s)
    return {
        "us": d.strftime("%m/%d/%Y"),
        "uk": d.strftime("%d/%m/%Y"),
        "de": d.strftime("%d.%m.%Y"),
        "nl": d.strftime("%d-%m-%Y"),
        "iso": d.isoformat(),
        "no": d.strftime("%d.%m.%y"),
        "mon": d.strftime("%d-%b-%Y").upper(),
    }[style]


def num(x: D, dec: str = ".", thou: str = "", places: int = 2) -> str:
    q = f"{abs(x):,.{places}f}"
    q = q.replace(",", "\x00").replace(".", dec).replace("\x00", thou)
    return ("-" if x < 0 else "") + q


class CsvOut:
    """Writes CSV records and counts them (1-based record numbers)."""

    def __init__(self, delimiter=",", quoting=csv.QUOTE_MINIMAL):
        self.buf = io.StringIO()
        self.w = csv.writer(self.buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
        self.n = 0

    def row(self, values) -> int:
        self.w.writerow(values)
        self.n += 1
        return self.n

    def save(self, path, encoding="utf-8", errors="strict"):
        with open(path, "wb") as f:
            f.write(self.buf.getvalue().encode(encoding, errors=errors))


def workbook(path):
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    wb.set_properties({"created": FIXED, "author": "export", "title": ""})
    return wb


def shuffled(lines, seed_text):
    out = list(lines)
    random.Random(seed_text).shuffle(out)
    return out


def by_client(lines, seed_text):
    """Group by client name (the order of clients is the system's own, lines inside shuffled)."""
    groups: dict = {}
    for ln in shuffled(lines, seed_text):
        groups.setdefault(ln.client.name, []).append(ln)
    return [groups[k] for k in sorted(groups, key=lambda s: s.casefold())]
