# ruff: noqa: B007, B023
"""Self-check of set Y: python -m bench.independent_y.selfcheck DIR

For every case under DIR: re-read both files with openpyxl / csv, confirm that each truth row is a
data row showing its client (vendor rows; clean PSA rows) and product, read its quantity, price and
term back from the cells, recompute every finding from what was read (truth used only for which
client / product / role each row is) and compare with truth.json; a perturbed case and its clean
twin must have the same findings.
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from openpyxl import load_workbook

from .catalog import PRODUCTS

BY_NAME = {p.name: p for p in PRODUCTS}
MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u00ad\u200b"), None)


def read_rows(folder: Path, fname: str, sheet):
    path = folder / fname
    if sheet:
        wb = load_workbook(path, read_only=False)
        ws = wb[sheet]
        rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
        return rows, wb
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    delim = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    return list(csv.reader(_io(text), delimiter=delim)), None


def _io(text):
    import io

    return io.StringIO(text, newline="")


def num(s) -> Fraction:
    if isinstance(s, Fraction):
        return s
    if isinstance(s, (int, float)):
        return Fraction(Decimal(str(s)))
    s = str(s).translate(MARKS).strip()
    neg = s.startswith("-")
    s = re.sub(r"[^\d,.\-' \u00a0]", "", s).strip(" -")
    s = s.replace("'", "").replace(" ", "").replace("\u00a0", "")
    if "," in s and "." in s:
        s = (
            s.replace(".", "").replace(",", ".")
            if s.rfind(",") > s.rfind(".")
            else s.replace(",", "")
        )
    elif "," in s:
        s = (
            s.replace(",", ".")
            if len(s.split(",")[-1]) != 3 or (s.count(",") == 1 and len(s.split(",")[-1]) in (1, 2))
            else s.replace(",", "")
        )
    v = Fraction(Decimal(s))
    return -v if neg else v


def term_of(s) -> int:
    s = str(s).lower()
    if any(k in s for k in ("semi", "half", "halb", "6 mo", "semestr", "puoli", "半年")):
        return 6
    if any(
        k in s
        for k in ("year", "annual", "årlig", "anual", "jährlich", "jaar", "vuosi", "12 mon", "年")
    ):
        return 12
    return 1


# (qty, unit-per-term, months) from a data row, per format
def _v(row, fmt):
    if fmt == "arrowsphere_consumption_table_c_xlsx":
        r = row[2:]
        return r[9], r[10], r[6]
    if fmt == "atea_no_cover_twoline_header_xlsx":
        return row[4], row[8], row[5]
    if fmt == "ingram_br_competencia_csv":
        return row[9], row[10], row[8]
    if fmt == "esprinet_es_cents_xlsx":
        return row[6], Fraction(row[7]) / 100, row[5]
    if fmt == "vuzion_uk_qty_x_unit_csv":
        q, u = row[5].split(" x ")
        return q, u, row[3]
    if fmt == "infinigate_de_altenter_xlsx":
        return row[6], row[7], row[5]
    if fmt == "tdsynnex_ion_offer_plan_csv":
        return row[9], row[10], row[7]
    if fmt == "ingram_ksa_rlm_csv":
        return row[8], row[9], row[7]
    if fmt == "softwareone_total_first_notes_xlsx":
        return row[7], row[8], row[5]
    if fmt == "phoenix_uk_hidden_lookup_sheet_xlsx":
        return row[6], row[7], row[5]
    raise KeyError(fmt)


def _p(row, fmt):
    if fmt == "freee_jp_lines_csv":
        return row[6], row[8], row[7]
    if fmt == "conta_azul_br_cover_xlsx":
        return row[6], row[7], row[5]
    if fmt == "xentral_de_notes_csv":
        return row[4], row[5], row[7]
    if fmt == "hubspot_line_items_csv":
        return row[4], row[5], row[6]
    if fmt == "sage_intacct_fx_lines_xlsx":
        return row[6], num(row[8]) * num(row[10]), row[5]
    if fmt == "quotewerks_twoline_header_xlsx":
        return row[6], row[8], row[7]
    if fmt == "zervant_fi_qty_unit_cell_csv":
        q, u = row[5].split(" × ")
        return q, u, row[9]
    if fmt == "octopus_be_bilingual_xlsx":
        return row[3], row[4], row[6]
    raise KeyError(fmt)


def norm(s):
    return unicodedata.normalize("NFC", str(s or "")).translate(MARKS)


def check_case(folder: Path):
    t = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    errs = []
    acc = {}
    for side, fname, sheet, fmt, parse in (
        ("vendor", t["vendor_file"], t["vendor_sheet"], t["vendor_format"], _v),
        ("psa", t["psa_file"], t["psa_sheet"], t["psa_format"], _p),
    ):
        rows, _wb = read_rows(folder, fname, sheet)
        for rs, info in t["rows"][side].items():
            r = int(rs)
            if r < 1 or r > len(rows):
                errs.append(f"{side} row {r} outside the file")
                continue
            row = ["" if x is None else x for x in rows[r - 1]]
            text = " ".join(norm(x) for x in row)
            prod = BY_NAME.get(info["product"])
            if side == "vendor" or not t["perturb"]:
                if info["client"] not in text:
                    errs.append(f"{side} row {r}: client {info['client']!r} not in {text[:120]!r}")
                if prod and fmt == "tdsynnex_ion_offer_plan_csv":
                    if row[3] != prod.offer or row[4] != prod.plan:
                        errs.append(f"{side} row {r}: offer/plan {row[3]}/{row[4]} ≠ {prod.name}")
                elif info["product"] not in text:
                    errs.append(f"{side} row {r}: product {info['product']!r} not in row")
            try:
                q, u, term = parse(row, fmt)
                q, u, m = num(q), num(u), term_of(term)
            except Exception as e:
                errs.append(f"{side} row {r}: unreadable ({e}): {row}")
                continue
            if info["role"] == "service":
                continue
            k = (info["client"], info["product"])
            d = acc.setdefault(side, {}).setdefault(k, [Fraction(0), Fraction(0), []])
            d[0] += q
            d[1] += q * u / m
            d[2].append(r)
    findings = recompute(acc)
    want = sorted(
        (
            f["type"],
            f["client"],
            f["product"],
            f["monthly_impact"],
            tuple(f["vendor_rows"]),
            tuple(f["psa_rows"]),
        )
        for f in t["findings"]
    )
    if findings != want:
        a, b = set(findings), set(want)
        errs.append(
            f"findings differ: {len(a - b)} recomputed only, {len(b - a)} truth only; "
            f"e.g. {sorted(a - b)[:2]} / {sorted(b - a)[:2]}"
        )
    return t, errs


def half_up(fr):
    from decimal import localcontext

    with localcontext() as ctx:
        ctx.prec = 50
        d = Decimal(fr.numerator) / Decimal(fr.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def recompute(acc):
    V, P = acc.get("vendor", {}), acc.get("psa", {})

    def unit(d):
        return d[1] / d[0] if d[0] else Fraction(0)

    prices = {}
    for (c, p), d in P.items():
        if d[0] > 0:
            prices.setdefault(p, []).append(unit(d))
    out = []
    for k in sorted(set(V) | set(P)):
        c, p = k
        vd = V.get(k, [Fraction(0), Fraction(0), []])
        pd = P.get(k, [Fraction(0), Fraction(0), []])
        vq, cst, pq, pr = vd[0], unit(vd), pd[0], unit(pd)

        def add(tp, imp):
            out.append((tp, c, p, half_up(imp), tuple(sorted(vd[2])), tuple(sorted(pd[2]))))

        if vq > 0 and not pd[2]:
            med = statistics.median(prices[p]) if p in prices else cst
            add("unbilled", vq * med)
            continue
        if pq > 0 and not vd[2]:
            if pr:
                add("no_vendor_record", pq * pr)
            continue
        if vq > pq > 0:
            add("under_billed", (vq - pq) * pr)
        if pq > vq > 0:
            add("over_billed", (pq - vq) * pr)
        if vq > 0 and pq > 0 and pr < cst:
            add("below_cost", (cst - pr) * min(vq, pq))
    return sorted(out)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0])
    cases = sorted(p.parent for p in root.rglob("truth.json"))
    bad = 0
    twins = {}
    for f in cases:
        t, errs = check_case(f)
        key = (str(f.parent), t["perturb"])
        twins[key] = sorted(
            (x["type"], x["client"], x["product"], x["monthly_impact"]) for x in t["findings"]
        )
        if errs:
            bad += 1
            print(f"FAIL {f}:")
            for e in errs[:8]:
                print("   ", e)
    for (parent, pert), fs in twins.items():
        if pert and (parent, False) in twins and twins[(parent, False)] != fs:
            bad += 1
            print(f"FAIL {parent}: perturbed and clean findings differ")
    print(f"{len(cases)} cases checked, {bad} failing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
