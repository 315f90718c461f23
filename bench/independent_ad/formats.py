"""Vendor and PSA layouts: one table engine driven by a spec per format, and the inverse reader the
self-check uses (cells -> quantity, monthly unit, billed)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F
from pathlib import Path

from .catalog import PRODUCTS

SYM = {
    "AUD": "$",
    "NZD": "$",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "NOK": "kr",
    "SEK": "kr",
    "CAD": "$",
}


def q2(x):
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def dec_text(x, dec=".", thou="", places=2):
    s = f"{abs(q2(x) if places == 2 else Decimal(x.numerator) / Decimal(x.denominator)):.{places}f}"
    ip, _d, fp = s.partition(".")
    if thou:
        g = []
        while len(ip) > 3:
            g.insert(0, ip[-3:])
            ip = ip[:-3]
        ip = thou.join([ip, *g])
    return ("-" if x < 0 else "") + ip + (dec + fp if fp else "")


@dataclass
class Spec:
    name: str
    side: str  # vendor / psa
    kind: str  # csv / xlsx
    fname: str
    cols: list  # [(header, kind)]
    real: str = ""
    currency: str = "USD"
    top: list | None = None  # first header row of a two-row header
    title: list = field(default_factory=list)  # rows above the header ({period}, {cur} filled)
    group: str = ""  # "" | "row" (client on a group row) | "blank" (blank = same as above)
    group_fmt: str = "{}"
    subtotal: str = ""  # "" or label pattern with {}
    grand: str = ""
    page_every: int = 0
    wrap: float = 0.0
    dec: str = "."
    thou: str = ","
    delim: str = ","
    enc: str = "utf-8"
    sheet: str = "Sheet1"
    before: list = field(default_factory=list)  # other sheets (name, rows) before the lines sheet
    after: list = field(default_factory=list)
    money: str = "num"  # num | text | handtext (mixed per line)
    qtys: str = "num"  # num | text | handtext
    cyc: tuple = ("Monthly", "Annual")
    cyc_alt: tuple = ()  # extra yearly spellings used by people
    strike: bool = False
    prodfmt: str = "plain"  # plain | nce | prepaid | code
    status: dict = field(
        default_factory=lambda: {
            "cancelled": "CANCELLED",
            "paused": "PAUSED",
            "donotbill": "do not bill",
            "zero": "",
        }
    )
    date: str = "%d/%m/%Y"
    extra: dict = field(default_factory=dict)  # kind -> list of values to pick from


PERIOD_START = "2026-11-01"


def _date(fmt, rng, mixed=False):
    import datetime as dt

    d = dt.date(2026, 11, 1)
    if mixed:
        fmt = rng.choice(["%d/%m/%Y", "%Y-%m-%d", "%-d %b %Y", "%d.%m.%y", "%-d/%-m/%y"])
    return d.strftime(fmt)


def vendor_product(spec, line):
    nm = PRODUCTS[line.product][0] if line.product else line.text
    if not line.product:
        return nm
    if spec.prodfmt == "nce" and PRODUCTS[line.product][1] == "ms":
        return nm + " [NCE]" + (" Annual" if line.yearly else " Monthly")
    if spec.prodfmt == "prepaid":
        return nm + (" (Annual Pre-Paid)" if line.yearly else " (Monthly Pre-Paid)")
    return nm


def render_rows(spec, case, rng):
    """Returns (sheet rows as lists of cell values or (value, strike) markers, {line index: row})."""
    lines = case.vlines if spec.side == "vendor" else case.plines
    byid = {c["id"]: c for c in case.clients}
    cur = SYM.get(case.currency, "$")
    rows = []
    period = "November 2026"
    for t in spec.title:
        rows.append([x.format(period=period, cur=case.currency, sym=cur) for x in t])
    hdr = header(spec, case.currency)
    if spec.top:
        rows.append(list(spec.top))
    rows.append(list(hdr))
    order = sorted(range(len(lines)), key=lambda i: (byid[lines[i].cid]["canonical"].lower(), i))
    where, marks = {}, {}
    last = None
    lines_since_page, page = 0, 1
    grand = F(0)
    sub = F(0)

    def disp_client(c):
        return c["psa_name"] if spec.side == "psa" else c["canonical"]

    def flush_sub(cid):
        if spec.subtotal and cid is not None:
            r = [""] * len(hdr)
            r[0] = spec.subtotal.format(disp_client(byid[cid]))
            r[_col(spec, "amount")] = money_cell(spec, sub, rng, cur, plain=True)[0]
            rows.append(r)

    for i in order:
        ln = lines[i]
        c = byid[ln.cid]
        if spec.page_every and lines_since_page >= spec.page_every:
            page += 1
            rows.append([f"Page {page}"] + [""] * (len(hdr) - 1))
            if spec.top:
                rows.append(list(spec.top))
            rows.append(list(hdr))
            lines_since_page = 0
        if ln.cid != last:
            flush_sub(last)
            sub = F(0)
            if spec.group == "row":
                r = [""] * len(hdr)
                r[0] = spec.group_fmt.format(disp_client(c))
                rows.append(r)
        shown_unit = ln.unit * (12 if ln.yearly else 1)
        if ln.disc is not None and _has(spec, "disc"):
            shown_unit = shown_unit / (1 - ln.disc)
        amount = ln.qty * ln.unit * (12 if ln.yearly else 1)
        amount = F(q2(amount))
        sub += amount
        grand += amount
        r = []
        cls = ["client_on_group_row"] if spec.group == "row" else []
        for _h, k in spec.cols:
            v = ""
            if k == "client":
                v = disp_client(c)
                if spec.group == "row":
                    v = ""
                elif spec.group == "blank" and ln.cid == last:
                    v = ""
                    cls.append("client_blank_same_as_above")
            elif k == "product":
                v = vendor_product(spec, ln) if spec.side == "vendor" else ln.text
            elif k == "sku":
                v = PRODUCTS[ln.product][4] if ln.product else "MISC"
            elif k == "qty":
                v, cl = qty_cell(spec, ln, rng)
                cls += cl
            elif k == "listp":
                v = money_cell(spec, F(q2(shown_unit * F(11, 10))), rng, cur)[0]
            elif k == "unit":
                v, cl = money_cell(spec, shown_unit, rng, cur, yearly=ln.yearly)
                cls += cl
            elif k == "amount":
                v, cl = money_cell(spec, amount, rng, cur, plain=spec.money == "handtext")
            elif k == "cents_unit":
                v = (
                    str(int(shown_unit * 100))
                    if (shown_unit * 100).denominator == 1
                    else dec_text(shown_unit * 100, ".", "", 4)
                )
            elif k == "disc":
                if ln.disc is not None:
                    pct = ln.disc * 100
                    s = dec_text(F(pct), spec.dec, "", 1 if pct.denominator != 1 else 0)
                    v = s + " %" if spec.dec == "," else s + "%"
                    cls.append("pct_discount_column")
            elif k == "cycle":
                if ln.yearly:
                    words = [spec.cyc[1], *list(spec.cyc_alt)]
                    v = rng.choice(words)
                    if v != spec.cyc[1]:
                        cls.append("yearly_cycle_typed_freely")
                else:
                    v = spec.cyc[0]
            elif k == "status":
                v = spec.status.get(ln.status, "") if ln.role == "not_billed" else ""
                if ln.role == "not_billed" and rng.random() < 0.5 and v != "":
                    v = (
                        v
                        + " "
                        + rng.choice(["30/09", "per email", "- client left", "ticket #5521"])
                    )
            elif k == "date":
                v = _date(spec.date, rng, spec.date == "mixed")
            elif k == "month":
                v = spec.extra.get("month", ["Nov-26"])[0]
            elif k == "sub":
                v = ln.sub or f"L{i:05d}"
            elif k == "chargetype":
                v = (
                    "cycleCharge"
                    if ln.role == "licence"
                    else "removeQuantity"
                    if ln.role == "credit"
                    else "oneTime"
                )
            elif k == "currency":
                v = case.currency
            elif k in spec.extra:
                v = rng.choice(spec.extra[k])
            r.append(v)
        if spec.side == "psa":
            for x in cls:
                if x not in ln.classes:
                    ln.classes.append(x)
        if (
            spec.side == "psa"
            and ln.role == "not_billed"
            and ln.status == "donotbill"
            and not _has(spec, "status")
        ):
            raise ValueError("status column needed")
        rows.append(r)
        where[i] = len(rows)
        if spec.strike and ln.role == "not_billed" and ln.status == "cancelled":
            marks[len(rows)] = "strike"
            ln.classes.append("struck_through_row")
        lines_since_page += 1
        # wrapped description: rest of the text on the next row
        pc = _col(spec, "product")
        txt = r[pc]
        if spec.wrap and len(txt) > 30 and rng.random() < spec.wrap:
            cut = txt.rfind(" ", 0, 30)
            if cut > 6:
                r[pc] = txt[:cut]
                rr = [""] * len(hdr)
                rr[pc] = txt[cut + 1 :]
                rows.append(rr)
                if spec.side == "psa":
                    ln.classes.append("desc_wrapped_to_next_row")
        last = ln.cid
    flush_sub(last)
    if spec.grand:
        r = [""] * len(hdr)
        r[0] = spec.grand
        r[_col(spec, "amount")] = money_cell(spec, grand, rng, cur, plain=True)[0]
        rows.append(r)
    for i, rownum in where.items():
        lines[i].row = rownum
    return rows, marks


def _has(spec, kind):
    return any(k == kind for _h, k in spec.cols)


def _col(spec, kind):
    for j, (_h, k) in enumerate(spec.cols):
        if k == kind:
            return j
    return 0


def qty_cell(spec, ln, rng):
    q = ln.qty
    qi = int(q)
    if spec.qtys == "num":
        return (qi if spec.kind == "xlsx" else str(qi)), []
    if spec.qtys == "text":
        return str(qi), []
    r = rng.random()
    if qi > 0 and ln.product and r < 0.2:
        return f"{qi} {'user' if qi == 1 else 'users'}", ["qty_with_unit_word"]
    if qi > 0 and r < 0.3:
        return f"x{qi}", ["qty_x_prefixed"]
    return qi, []


def header(spec, currency):
    sym = SYM.get(currency, "$")
    return [h.format(sym=sym, cur=currency) for h, _k in spec.cols]


def money_cell(spec, x, rng, sym, plain=False, yearly=False):
    if sym.isalpha():
        sym += " "
    if spec.money == "num":
        if spec.kind == "xlsx":
            return float(q2(x)) if (x * 100).denominator == 1 else float(x), []
        return dec_text(x, spec.dec, "", 2 if (x * 100).denominator == 1 else 4), []
    if spec.money == "text":
        return dec_text(x, spec.dec, spec.thou, 2 if (x * 100).denominator == 1 else 4), []
    if spec.money == "sym":
        return (
            f"{sym}{dec_text(x, spec.dec, spec.thou)}"
            if x >= 0
            else f"-{sym}{dec_text(-x, spec.dec, spec.thou)}",
            [],
        )
    # handtext: a person typed it
    exact = (x * 100).denominator == 1
    if not exact:
        return float(x), []
    if x < 0:
        return f"({dec_text(-x, spec.dec, spec.thou)})", ["credit_in_brackets"]
    if plain:
        return f"{sym}{dec_text(x, spec.dec, spec.thou)}", []
    r = rng.random()
    if r < 0.25:
        s = (
            f"{sym} {dec_text(x, spec.dec, spec.thou)}"
            if spec.dec == ","
            else f"{sym}{dec_text(x, spec.dec, spec.thou)}"
        )
        return s, ["money_typed_with_symbol"]
    if r < 0.4 and not yearly:
        return f"{dec_text(x, spec.dec, '')} /mth", ["price_typed_per_mth"]
    return float(q2(x)), []


# ---------------- reading back ----------------
NUM = re.compile(r"[-(]?\d[\d.,  '\u202f]*")


def parse_num(s, dec="."):
    if s is None or s == "":
        return None
    if isinstance(s, (int, float)):
        return F(str(s))
    t = str(s).strip()
    neg = (t.startswith("(") and t.endswith(")")) or t.startswith("-") or "-" in t[:3]
    m = re.search(r"\d[\d.,  '\u202f]*", t)
    if not m:
        return None
    n = m.group(0).strip().rstrip(".,")
    for ch in ("\u00a0", " ", "\u202f", "'"):
        n = n.replace(ch, "")
    n = n.replace(".", "").replace(",", ".") if dec == "," else n.replace(",", "")
    v = F(n)
    return -v if neg else v


def read_cells(path, spec):
    if spec.kind == "csv":
        raw = Path(path).read_bytes()
        text = raw.decode(spec.enc)
        if text.startswith("\ufeff"):
            text = text[1:]
        return (
            [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=spec.delim)],
            {},
            None,
        )
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb[spec.sheet]
    rows, strikes = [], {}
    for rn, row in enumerate(ws.iter_rows(), start=1):
        rows.append(["" if c.value is None else c.value for c in row])
        if any(c.font is not None and c.font.strike for c in row):
            strikes[rn] = True
    return rows, strikes, wb.sheetnames


def read_line(spec, row, struck):
    """cells of one line row -> (qty, monthly unit, billed, product text)."""

    def get(kind):
        j = _col(spec, kind) if _has(spec, kind) else None
        return None if j is None or j >= len(row) else row[j]

    q = parse_num(get("qty"), spec.dec)
    yearly = False
    cyc = get("cycle")
    if cyc is not None and str(cyc).strip() and str(cyc).strip() != spec.cyc[0]:
        yearly = True
    unit = None
    if _has(spec, "unit"):
        unit = parse_num(get("unit"), spec.dec)
    elif _has(spec, "cents_unit"):
        unit = parse_num(get("cents_unit"), ".") / 100
    elif q:
        unit = parse_num(get("amount"), spec.dec) / q
    d = parse_num(get("disc"), spec.dec) if _has(spec, "disc") else None
    if d:
        unit = unit * (1 - d / 100)
    if unit is not None and yearly:
        unit = unit / 12
    st = str(get("status") or "").lower()
    billed = not (
        struck
        or "cancel" in st
        or "paus" in st
        or "do not bill" in st
        or "storn" in st
        or "gekünd" in st
        or "on hold" in st
        or "pausiert" in st
        or "niet factureren" in st
        or q == 0
    )
    return q, unit, billed, str(get("product") or "")


def write_file(spec, case, folder, rng):
    rows, marks = render_rows(spec, case, rng)
    path = folder / spec.fname
    if spec.kind == "csv":
        buf = io.StringIO(newline="")
        w = csv.writer(
            buf,
            delimiter=spec.delim,
            lineterminator="\r\n",
            quoting=csv.QUOTE_ALL if spec.extra.get("quote_all") else csv.QUOTE_MINIMAL,
        )
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
        data = buf.getvalue()
        if spec.enc == "utf-8-sig" or spec.enc == "utf-16":
            path.write_bytes(data.encode(spec.enc))
        else:
            path.write_bytes(data.encode(spec.enc, errors="replace"))
        return spec.fname, None
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for nm, other in spec.before:
        ws = wb.create_sheet(nm)
        for r in other(case) if callable(other) else other:
            ws.append(r)
    ws = wb.create_sheet(spec.sheet)
    strike = Font(strike=True, color="808080")
    bold = Font(bold=True)
    for n, r in enumerate(rows, start=1):
        ws.append([None if v == "" else v for v in r])
        if n in marks:
            for c in ws[n]:
                c.font = strike
        elif r and isinstance(r[0], str) and r[0] and all(v == "" for v in r[1:2]) and spec.group:
            ws.cell(n, 1).font = bold
    for nm, other in spec.after:
        ws2 = wb.create_sheet(nm)
        for r in other(case) if callable(other) else other:
            ws2.append(r)
    wb.active = wb.sheetnames.index(spec.before[0][0]) if spec.before else 0
    wb.save(path)
    return spec.fname, spec.sheet
