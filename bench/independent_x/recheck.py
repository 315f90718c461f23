"""Recompute the findings from the written files (quantity / price / discount / term cells read back),
using truth.json only for which client / product / role each row is; compare with truth's findings."""

from __future__ import annotations

import re
from fractions import Fraction
from statistics import median

ANNUAL = {
    "annual (upfront)",
    "12 months",
    "jährlich",
    "annuale",
    "annual",
    "år",
    "12 mo",
    "yearly",
    "annuelle",
    "annually",
}
# format: (qty, price, discount or None, term, decimal comma)
COLS = {
    "ingram_usage_month_pivot_xlsx": ("Nov 2026", "Unit Price", None, "Billing Frequency", False),
    "westcoast_ccy_code_bom_csv": ("Quantity", "Unit Price", None, "Billing Term", False),
    "copaco_nl_two_tables_xlsx": ("Aantal", "Prijs per stuk", None, "Periode", False),
    "cancom_de_rabatt_textmonth_csv": ("Menge", "Listenpreis", "Rabatt %", "Abrechnung", True),
    "redington_gulf_code_name_xlsx": (
        "Qty / الكمية",
        "Unit Price (AED)",
        None,
        "Billing Cycle / دورة الفوترة",
        False,
    ),
    "cloudfactory_dk_customer_totals_xlsx": ("Antal", "Stykpris", None, "Interval", False),
    "computergross_it_pz_csv": ("Quantità", "Prezzo unitario", None, "Durata", True),
    "insight_autofilter_hidden_xlsx": ("Qty", "Unit Price", None, "Term", False),
    "firstdistribution_za_serial_csv": ("Qty", "Unit Excl", None, "Billing", False),
    "connection_us_linetype_xlsx": ("Quantity", "Unit Price", None, "Billing Frequency", False),
    "kashoo_sales_csv": ("Qty", "Price", None, "Frequency", False),
    "debitoor_dk_semicolon_csv": ("Antal", "Stykpris", "Rabat (%)", "Enhed", True),
    "zoho_books_in_gst_xlsx": ("Quantity", "Rate", "Discount(%)", "Recurrence", False),
    "sellsy_fr_nnbsp_csv": ("Quantité", "Prix unitaire HT", "Remise %", "Périodicité", True),
    "weclapp_de_second_table_xlsx": (
        "Menge",
        "Einzelpreis",
        "Rabatt %",
        "Abrechnungsintervall",
        False,
    ),
    "pulseway_psa_recurring_xlsx": ("Quantity", "Rate", None, "Billing Cycle", False),
    "repairshopr_invoice_items_csv": ("Qty", "Price", None, "Recurring", False),
    "kashflow_uk_code_blankname_csv": ("Quantity", "Rate", None, "RepeatFrequency", False),
}


def num(s, eu):
    s = str(s).strip()
    if not s:
        return None
    s = re.sub(r"[^0-9,.\-]", "", s)
    s = s.replace(".", "").replace(",", ".") if eu else s.replace(",", "")
    return Fraction(s)


def cents(x):
    n = (abs(x) * 100 + Fraction(1, 2)).__floor__()
    return f"{n // 100}.{n % 100:02d}"


def side_sums(fmt, rows, truth_rows):
    qh, ph, dh, th, eu = COLS[fmt]
    headers = sorted(i for i, cells in rows.items() if qh in cells and ph in cells)
    out = {}
    for rn, r in truth_rows.items():
        if r["role"] == "service":
            continue
        i = int(rn)
        h = rows[max(x for x in headers if x < i)]
        cells = rows[i] + [""] * 40
        q = num(cells[h.index(qh)], eu)
        pr = num(cells[h.index(ph)], eu)
        if dh and num(cells[h.index(dh)], eu):
            pr = pr * (1 - num(cells[h.index(dh)], eu) / 100)
        term = cells[h.index(th)].strip().lower()
        if term in ANNUAL or "2027" in term:
            pr = pr / 12
        d = out.setdefault((r["client"], r["product"]), [0, Fraction(0), []])
        d[0] += q
        d[1] += q * pr
        d[2].append(i)
    return out


def recompute(t, vrows, prows):
    V = side_sums(t["vendor_format"], vrows, t["rows"]["vendor"])
    P = side_sums(t["psa_format"], prows, t["rows"]["psa"])
    prices = {}
    for (_c, prod), (q, a, _) in P.items():
        if q > 0:
            prices.setdefault(prod, []).append(a / q)
    out = set()
    for key in set(V) | set(P):
        vq, va, _ = V.get(key, (0, 0, []))
        pq, pa, _ = P.get(key, (0, 0, []))
        if vq > 0 and pq <= 0:
            out.add(("unbilled", *key, cents(vq * Fraction(median(prices.get(key[1], [va / vq]))))))
        elif pq > 0 and vq <= 0:
            if pa > 0:
                out.add(("no_vendor_record", *key, cents(pa)))
        elif vq > 0 and pq > 0:
            c, p = va / vq, pa / pq
            if vq > pq:
                out.add(("under_billed", *key, cents((vq - pq) * p)))
            if pq > vq:
                out.add(("over_billed", *key, cents((pq - vq) * p)))
            if p < c:
                out.add(("below_cost", *key, cents((c - p) * min(vq, pq))))
    return out
