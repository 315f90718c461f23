"""Low-level writing: CSV / xlsx records with row numbers, number and date styles, column layouts."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal as D

import xlsxwriter

SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€", "AUD": "$", "CAD": "$", "NZD": "NZ$"}


class Num:
    """How a CSV writes numbers: plain, thousands, symbol, decimal comma."""

    def __init__(self, style: str = "plain", currency: str = "USD"):
        self.style, self.cur = style, currency

    def money(self, x, places=2):
        x = D(x)
        s = (
            f"{abs(x):,.{places}f}"
            if self.style in ("thousands", "sym")
            else f"{abs(x):.{places}f}"
        )
        if self.style == "comma":
            s = s.replace(".", ",")
        if self.style == "comma_thousands":
            s = f"{abs(x):,.{places}f}".replace(",", "X").replace(".", ",").replace("X", ".")
        if self.style == "sym":
            s = SYMBOL[self.cur] + s
        return ("-" if x < 0 else "") + s

    def qty(self, q):
        return str(q)


def date_str(d: dt.date, style: str) -> str:
    return {
        "iso": d.isoformat(),
        "us": f"{d.month}/{d.day}/{d.year}",
        "us0": d.strftime("%m/%d/%Y"),
        "eu": d.strftime("%d/%m/%Y"),
        "de": d.strftime("%d.%m.%Y"),
        "mon": d.strftime("%d-%b-%Y").upper(),
        "long": f"{d.day} {d.strftime('%b %Y')}",
        "isotime": d.isoformat() + "T00:00:00Z",
    }[style]


class Layout:
    """Pick header spellings, drop some optional columns, move a few around."""

    def __init__(self, rng, cols, drop=0.25, shuffle=0.3):
        picked = []
        for key, names, req in cols:
            if not req and rng.random() < drop:
                continue
            picked.append((key, rng.choice(names)))
        if rng.random() < shuffle and len(picked) > 4:
            for _ in range(2):
                i, j = rng.randrange(len(picked)), rng.randrange(len(picked))
                picked[i], picked[j] = picked[j], picked[i]
        self.cols = picked
        self.keys = {k for k, _ in picked}

    @property
    def header(self):
        return [h for _, h in self.cols]

    def row(self, d: dict):
        return [d.get(k, "") for k, _ in self.cols]


def write_csv(path, records, delimiter=",", encoding="utf-8", bom=False):
    rows = {}
    with open(
        path, "w", newline="", encoding=("utf-8-sig" if bom else encoding), errors="strict"
    ) as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
        for i, (tag, cells) in enumerate(records, start=1):
            w.writerow(["" if c is None else c for c in cells])
            if tag:
                rows.setdefault(tag, []).append(i)
    return rows


def write_xlsx(path, sheets, main: str):
    """sheets: list of (name, records). Cells: str, number (int/float/Decimal), date, None."""
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    datef = wb.add_format({"num_format": "yyyy-mm-dd"})
    moneyf = wb.add_format({"num_format": "#,##0.00"})
    boldf = wb.add_format({"bold": True})
    rows = {}
    for name, records in sheets:
        ws = wb.add_worksheet(name)
        for r, (tag, cells) in enumerate(records):
            for c, v in enumerate(cells):
                if v is None or v == "":
                    continue
                if isinstance(v, (dt.date, dt.datetime)):
                    ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), datef)
                elif isinstance(v, D):
                    ws.write_number(r, c, float(v), moneyf)
                elif isinstance(v, (int, float)):
                    ws.write_number(r, c, v)
                elif tag == "__bold__":
                    ws.write_string(r, c, str(v), boldf)
                else:
                    ws.write_string(r, c, str(v))
            if name == main and tag and tag != "__bold__":
                rows.setdefault(tag, []).append(r + 1)
    wb.close()
    return rows
