"""Re-read every written case with csv / openpyxl alone and check that truth.json ties to the files.

    python -m bench.independent_ar.selfcheck OUT

Uses nothing of the generator: the column names below are read off the exports themselves.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl

# kind, encoding, delimiter, sheet, first header cell, number style,
# qty, unit, discount, amount, (yearly column, test), (status column, active word), client, text,
# totals: [(label column, label prefix, scope)], order-level columns (Odoo)
VSPEC = {
    "pc_nce_recon_lt_excel_resave_cp1257_csv": dict(
        kind="csv",
        enc="cp1257",
        delim=";",
        first="PartnerId",
        style="comma",
        qty="BillableQuantity",
        unit="EffectiveUnitPrice",
        amount="Subtotal",
        yearly=("BillingFrequency", lambda s: s == "Annual"),
        client="CustomerName",
        totals=[],
    ),
    "lv_distributor_makonpakalpojumi_izraksts_xlsx": dict(
        kind="xlsx",
        first="Klients",
        qty="Daudzums",
        unit="Vienības cena, EUR",
        amount="Summa bez PVN, EUR",
        yearly=("Abonementa periods", lambda s: s.startswith("Gads (12")),
        client="Klients",
        totals=[("Klients", "Kopā", "all")],
    ),
    "ro_distribuitor_situatie_cloud_cp1250_csv": dict(
        kind="csv",
        enc="cp1250",
        delim=";",
        first="Nr. crt.",
        style="dotc",
        qty="Cant.",
        unit="Preţ unitar (RON)",
        amount="Valoare fără TVA (RON)",
        yearly=("Tip abonament", lambda s: "anuală" in s),
        client="Client",
        totals=[("Client", "TOTAL", "all")],
    ),
    "bg_distributor_spravka_abonamenti_cp1251_csv": dict(
        kind="csv",
        enc="cp1251",
        delim=";",
        first="№",
        style="sp",
        qty="Количество",
        unit="Ед. цена без ДДС",
        amount="Стойност без ДДС",
        yearly=("Вид абонамент", lambda s: "12 месеца" in s),
        client="Клиент",
        totals=[("Клиент", "Общо", "all")],
    ),
    "rs_distributer_pregled_pretplata_rsd_xlsx": dict(
        kind="xlsx",
        first="Rb.",
        qty="Količina",
        unit="Cena bez PDV-a (RSD)",
        amount="Iznos bez PDV-a (RSD)",
        yearly=("Tip pretplate", lambda s: "unapred" in s),
        client="Kupac",
        totals=[("Kupac", "Ukupno:", "all")],
    ),
    "vad_security_portal_tenant_usage_en_csv": dict(
        kind="csv",
        enc="utf-8",
        delim=",",
        first="Billing Period",
        style="dot",
        qty="Billable Units",
        unit="Unit Price",
        amount="Line Amount",
        yearly=("Commitment", lambda s: s == "Annual (billed annually)"),
        client="Tenant Name",
        totals=[],
    ),
    "ee_telco_arve_kontoplokid_xlsx": dict(
        kind="xlsx",
        first="Teenus",
        qty="Kogus",
        unit="Ühiku hind km-ta",
        amount="Summa km-ta",
        yearly=("Ühik", lambda s: s == "kasutaja/aasta"),
        client=None,
        block="Konto ",
        totals=[("Teenus", "Konto kokku", "block"), ("Teenus", "Arve kokku", "all")],
    ),
    "hr_distributer_stavke_racuna_tab_bom_txt": dict(
        kind="csv",
        enc="utf-8-sig",
        delim="\t",
        first="Kupac",
        style="dotc",
        qty="Količina",
        unit="Jed. cijena (EUR)",
        amount="Iznos bez PDV-a (EUR)",
        yearly=("Način naplate", lambda s: s.startswith("godišnje unaprijed")),
        client="Kupac",
        totals=[("Kupac", "UKUPNO", "all")],
    ),
}
PSPEC = {
    "merit_aktiva_muugiarve_read_bom_csv": dict(
        kind="csv",
        enc="utf-8-sig",
        delim=";",
        first="Dokumendi liik",
        style="comma",
        qty="Kogus",
        unit="Hind",
        disc="Allahindlus %",
        amount="Summa",
        yearly=("Ühik", lambda s: s == "aasta"),
        status=("Olek", "Kinnitatud"),
        client="Klient",
        text="Kirjeldus",
        totals=[],
    ),
    "tildes_jumis_rekinu_rindas_lv_xlsx": dict(
        kind="xlsx",
        first="Dok. veids",
        qty="Daudz.",
        unit="Cena",
        disc="Atlaide %",
        amount="Summa",
        yearly=("Mērv.", lambda s: s == "gads"),
        status=("Statuss", "Apstiprināts"),
        client="Klients",
        text="Prece / pakalpojums",
        totals=[("Dok. veids", "Kopā", "all")],
    ),
    "rivile_gama_pardavimai_cp1257_tsv": dict(
        kind="csv",
        enc="cp1257",
        delim="\t",
        first="Dokumento tipas",
        style="comma",
        qty="Kiekis",
        unit="Kaina be PVM",
        disc="Nuolaida %",
        amount="Suma be PVM",
        yearly=("Mato vnt.", lambda s: s == "metai"),
        status=("Būsena", "Aktyvi"),
        client="Pirkėjas",
        text="Prekės/paslaugos pavadinimas",
        totals=[("Dokumento tipas", "Iš viso", "all")],
    ),
    "smartbill_raport_facturi_clienti_xlsx": dict(
        kind="xlsx",
        first="Serie-Număr",
        qty="Cantitate",
        unit="Preț unitar fără TVA",
        disc="Discount %",
        amount="Valoare fără TVA",
        yearly=("UM", lambda s: s == "an"),
        status=("Stare", "Emisă"),
        client=None,
        block="Client: ",
        text="Denumire produs/serviciu",
        totals=[
            ("Serie-Număr", "Total client", "block"),
            ("Serie-Număr", "TOTAL GENERAL", "all"),
        ],
    ),
    "microinvest_prodazhbi_cp1251_csv": dict(
        kind="csv",
        enc="cp1251",
        delim=";",
        first="Документ",
        style="sp",
        qty="Количество",
        unit="Ед. цена",
        disc="Отстъпка %",
        amount="Стойност",
        yearly=("Мярка", lambda s: s == "год."),
        status=("Статус", "Активен"),
        client="Контрагент",
        text="Стока/Услуга",
        totals=[("Документ", "Общо:", "all")],
    ),
    "pantheon_izdani_racuni_stavke_xlsx": dict(
        kind="xlsx",
        first="Dokument",
        qty="Količina",
        unit="Cena",
        disc="Rabat %",
        amount="Vrednost",
        yearly=("JM", lambda s: s == "god"),
        status=("Status", "Potvrđen"),
        client="Kupac",
        text="Naziv",
        totals=[],
    ),
    "halopsa_recurring_group_en_tsv": dict(
        kind="csv",
        enc="utf-8",
        delim="\t",
        first="Client",
        style="dot",
        qty="Qty",
        unit="Unit Price",
        disc=None,
        amount="Net Amount",
        yearly=("Billing Cycle", lambda s: s == "Annually"),
        status=("Status", "Active"),
        client="Client",
        text="Description",
        totals=[],
    ),
    "odoo_pretplate_stavke_hr_csv": dict(
        kind="csv",
        enc="utf-8",
        delim=",",
        first="Referenca narudžbe",
        style="dot",
        qty="Stavke narudžbe/Količina",
        unit="Stavke narudžbe/Jedinična cijena",
        disc="Stavke narudžbe/Popust (%)",
        amount="Stavke narudžbe/Međuzbroj",
        yearly=("Plan ponavljanja", lambda s: s == "Godišnje"),
        status=("Stanje", "U tijeku"),
        client="Kupac",
        text="Stavke narudžbe/Opis",
        totals=[],
        carry=["Referenca narudžbe", "Kupac", "Plan ponavljanja", "Stanje"],
    ),
}


def money(v, style):
    if v is None or v == "":
        return None
    if isinstance(v, (int, float)):
        return Fraction(str(v))
    s = str(v).replace("\u00a0", "").replace(" ", "")
    if style == "dot":
        s = s.replace(",", "")
    elif style == "dotc":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", ".")
    try:
        return Fraction(s)
    except ValueError:
        return None


def cents(x):
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def records(path, spec, sheet):
    """[(row number, {header: value}, block label)] for every record after the header."""
    if spec["kind"] == "csv":
        text = path.read_bytes().decode(spec["enc"])
        raw = list(csv.reader(io.StringIO(text, newline=""), delimiter=spec["delim"]))
    else:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        raw = [list(r) for r in wb[sheet].iter_rows(values_only=True)]
        wb.close()
    hi = next(i for i, r in enumerate(raw) if r and r[0] == spec["first"])
    hdr = raw[hi]
    out, block, carried = [], None, {}
    for i in range(hi + 1, len(raw)):
        r = raw[i]
        d = {h: (r[j] if j < len(r) else None) for j, h in enumerate(hdr) if h}
        first = r[0] if r else None
        if (
            spec.get("block")
            and isinstance(first, str)
            and first.startswith(spec["block"])
            and all(x in (None, "") for x in r[1:])
        ):
            block = first
        for c in spec.get("carry", []):
            if d.get(c) not in (None, ""):
                carried[c] = d[c]
            else:
                d[c] = carried.get(c)
        out.append((i + 1, d, block))
    return out


def qty_of(d, spec):
    v = d.get(spec["qty"])
    if isinstance(v, int):
        return v
    if isinstance(v, str) and v.lstrip("-").isdigit():
        return int(v)
    return None


def norm(s):
    s = str(s).replace("đ", "d").replace("Đ", "D").replace("№", "No.")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def normq(s):
    return "".join(c for c in norm(s) if c not in "„“”«»\"'?")


def check_side(folder, truth, side, spec, errs):
    fname = truth["vendor_file" if side == "vendor" else "psa_file"]
    sheet = truth["vendor_sheet" if side == "vendor" else "psa_sheet"]
    recs = records(folder / fname, spec, sheet)
    trows = truth["rows"][side]
    style = spec.get("style", "dot")
    lines = {}
    names = {}
    run_all = Fraction(0)
    run_block = Fraction(0)
    for rn, d, block in recs:
        q = qty_of(d, spec)
        label = d.get(spec["totals"][0][0]) if spec["totals"] else None
        if q is None:
            for col, pre, scope in spec["totals"]:
                if isinstance(d.get(col), str) and d[col].startswith(pre):
                    got = money(d.get(spec["amount"]), style)
                    want = run_block if scope == "block" else run_all
                    if got is None or cents(got) != cents(want):
                        errs.append(f"{side} row {rn}: total {got} != {want}")
                    if scope == "block":
                        run_block = Fraction(0)
            if block and d.get(spec["qty"]) is None and label == block:
                run_block = Fraction(0)
            continue
        unit = money(d.get(spec["unit"]), style)
        disc = money(d.get(spec["disc"]), style) if spec.get("disc") else None
        amt = money(d.get(spec["amount"]), style)
        eff = unit * (1 - Fraction(disc or 0) / 100)
        if cents(eff * q) != cents(amt):
            errs.append(f"{side} row {rn}: amount {amt} != {q} x {eff}")
        ycol, ytest = spec["yearly"]
        yearly = ytest(str(d.get(ycol) or ""))
        active = True
        if spec.get("status"):
            active = d.get(spec["status"][0]) == spec["status"][1]
        if active:
            run_all += amt
            run_block += amt
        client = (
            block.split(" · ")[1]
            if spec.get("block") == "Konto "
            else (block[len("Client: ") :] if spec.get("block") else d.get(spec["client"]))
        )
        lines[rn] = dict(
            q=q,
            unit=eff / 12 if yearly else eff,
            active=active,
            client=client,
            text=d.get(spec.get("text")) if spec.get("text") else None,
        )
    if sorted(map(int, trows)) != sorted(lines):
        extra = sorted(set(lines) - set(map(int, trows)))[:5]
        miss = sorted(set(map(int, trows)) - set(lines))[:5]
        errs.append(f"{side}: line records != truth rows (extra {extra}, missing {miss})")
        return {}
    for rn, ln in lines.items():
        t = trows[str(rn)]
        names.setdefault(t["client"], set()).add(ln["client"])
        role = t["role"]
        if side == "psa":
            if (role == "not_billed") == ln["active"]:
                errs.append(f"psa row {rn}: role {role} but status active={ln['active']}")
            if (role == "credit") != (ln["q"] < 0):
                errs.append(f"psa row {rn}: role {role} with quantity {ln['q']}")
            if not truth["perturb"] and role in ("licence", "credit", "not_billed"):
                txt = ln["text"].removeprefix("Knjižno odobrenje: ")
                if norm(txt) != norm(t["product"]):
                    errs.append(f"psa row {rn}: clean text {txt!r} != {t['product']!r}")
            if not truth["perturb"] and normq(ln["client"]) != normq(t["client"]):
                errs.append(f"psa row {rn}: clean client {ln['client']!r} != {t['client']!r}")
        elif (role == "credit") != (ln["q"] < 0):
            errs.append(f"vendor row {rn}: role {role} with quantity {ln['q']}")
    seen = {}
    for cl, ns in names.items():
        if len(ns) != 1:
            errs.append(f"{side}: client {cl!r} written {len(ns)} ways: {sorted(ns)[:3]}")
        for n in ns:
            if n in seen and seen[n] != cl:
                errs.append(f"{side}: {n!r} used for {seen[n]!r} and {cl!r}")
            seen[n] = cl
    return lines


def recompute(truth, vl, pl):
    keys = {}
    for rn, ln in vl.items():
        t = truth["rows"]["vendor"][str(rn)]
        keys.setdefault((t["client"], t["product"]), ([], []))[0].append((ln["q"], ln["unit"], rn))
    for rn, ln in pl.items():
        t = truth["rows"]["psa"][str(rn)]
        if t["role"] in ("licence", "credit"):
            keys.setdefault((t["client"], t["product"]), ([], []))[1].append(
                (ln["q"], ln["unit"], rn)
            )
    st = {}
    for k, (vs, ps) in keys.items():
        vq, pq = sum(x[0] for x in vs), sum(x[0] for x in ps)
        st[k] = (
            vq,
            pq,
            sum(q * u for q, u, _ in vs) / vq if vq else None,
            sum(q * u for q, u, _ in ps) / pq if pq else None,
        )
    med = {}
    for (_c, prod), (_vq, pq, _cc, p) in st.items():
        if pq > 0:
            med.setdefault(prod, []).append(p)
    med = {k: statistics.median(v) for k, v in med.items()}
    out = []
    for k, (vs, ps) in keys.items():
        vq, pq, c, p = st[k]
        res = []
        if vq > 0 and not ps:
            res.append(("unbilled", vq * med.get(k[1], c)))
        if vq > pq > 0:
            res.append(("under_billed", (vq - pq) * p))
        if pq > vq > 0:
            res.append(("over_billed", (pq - vq) * p))
        if pq > 0 and not vs and p:
            res.append(("no_vendor_record", pq * p))
        if vq > 0 and pq > 0 and p < c:
            res.append(("below_cost", (c - p) * min(vq, pq)))
        for t, imp in res:
            out.append(
                (
                    t,
                    k[0],
                    k[1],
                    tuple(sorted(r for *_, r in vs)),
                    tuple(sorted(r for *_, r in ps)),
                    str(cents(imp)),
                )
            )
    return sorted(out)


def tkey(f):
    return (
        f["type"],
        f["client"],
        f["product"],
        tuple(f["vendor_rows"]),
        tuple(f["psa_rows"]),
        f["monthly_impact"],
    )


def check_case(folder):
    folder = Path(folder)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    errs = []
    vl = check_side(folder, truth, "vendor", VSPEC[truth["vendor_format"]], errs)
    pl = check_side(folder, truth, "psa", PSPEC[truth["psa_format"]], errs)
    if vl and pl:
        got = recompute(truth, vl, pl)
        want = sorted(tkey(f) for f in truth["findings"])
        if got != want:
            errs.append(
                f"findings recomputed differ: {len(got)} vs {len(want)}; "
                f"e.g. {sorted(set(got) ^ set(want))[:2]}"
            )
    for f in truth["findings"]:
        cl = set()
        for r in f["psa_rows"]:
            cl.update(truth["rows"]["psa"][str(r)]["classes"])
        if not cl <= set(f["classes"]):
            errs.append(f"finding classes miss row classes: {f['client']} / {f['product']}")
    twin = folder.parent / "clean"
    if folder.name == "perturbed" and (twin / "truth.json").exists():
        other = json.loads((twin / "truth.json").read_text(encoding="utf-8"))
        if sorted(map(tkey, other["findings"])) != sorted(map(tkey, truth["findings"])):
            errs.append("clean twin has other findings")
    return truth, errs


def main(argv):
    root = Path(argv[0])
    n = bad = nf = 0
    for t in sorted(root.rglob("truth.json")):
        truth, errs = check_case(t.parent)
        n += 1
        nf += len(truth["findings"])
        if errs:
            bad += 1
            print(f"FAIL {t.parent}")
            for e in errs[:8]:
                print("   ", e)
    print(f"checked {n} cases, {nf} findings, {bad} failing")
    return 1 if bad or not n else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
