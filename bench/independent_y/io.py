"""Writers and number formats shared by the Y formats (stdlib csv + openpyxl)."""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal

from openpyxl.styles import Alignment, Font

SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "NOK": "kr", "BRL": "R$", "SAR": "SAR", "CHF": "CHF"}


def write_csv(
    path, rows, delimiter=",", encoding="utf-8", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator, quoting=quoting)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(buf.getvalue())


def put(ws, r, c, v, fmt=None, bold=False, wrap=False, quote=False):
    if v is None or v == "":
        return None
    if isinstance(v, Decimal):
        v = float(v)
    cell = ws.cell(row=r, column=c, value=v)
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.font = Font(bold=True)
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if quote:
        cell.quotePrefix = True
    return cell


def d2(x) -> Decimal:
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def us(d) -> str:
    return f"{d2(d):,.2f}"


def comma(d, thousands=".") -> str:
    s = f"{d2(d):,.2f}"
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", thousands)


def qty_text(q, decimal=".") -> str:
    q = Decimal(q)
    s = str(int(q)) if q == int(q) else f"{q.normalize()}"
    return s.replace(".", decimal)


MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def mon_yy(iso: str) -> str:
    y, m = iso[:4], int(iso[5:7])
    return f"{MONTH_ABBR[m - 1]}-{y[2:]}"
