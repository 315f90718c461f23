"""Re-read every AF file from its cells, check the truth rows and recompute every finding.

python -m bench.independent_af.selfcheck OUT            (checks every case under OUT)
python -m bench.independent_af.selfcheck --run OUT      (writes the standard runs first)
"""

from __future__ import annotations

import csv
import json
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from openpyxl import load_workbook

from .scenario import findings_from


def _csv(path, delim, enc):
    with open(path, newline="", encoding=enc) as f:
        return list(csv.reader(f, delimiter=delim))


def _xl(path, sheet):
    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb[sheet]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def dnum(s):
    s = (
        str(s)
        .replace("\u00a0", "")
        .replace("€", "")
        .replace("kr", "")
        .replace("zł", "")
        .replace(" ", "")
    )
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    return Fraction(Decimal(s))


def fnum(x):
    return Fraction(Decimal(str(x))) if not isinstance(x, str) else dnum(x)


# each reader returns {row: (client text, product text, qty, monthly unit, billed)}


def r_also(folder, t):
    rows = _xl(folder / t["vendor_file"], t["vendor_sheet"])
    out, client = {}, None
    for i, r in enumerate(rows, 1):
        a = r[0] if r else None
        if isinstance(a, str) and a.startswith("Kunde: "):
            client = a[7:].rsplit(" (Kd.-Nr.", 1)[0]
        elif isinstance(a, int) and i > 4:
            y = r[6] == "jährlich"
            out[i] = (client, r[1], int(r[8]), fnum(r[9]) / (12 if y else 1), True)
    return out


def _flat(rows, start, ci, pi, qi, ui, yi, yval, stop=None):
    out = {}
    for i, r in enumerate(rows, 1):
        if i < start or not r or r[0] in (None, "") or (stop and r[0] == stop):
            continue
        y = r[yi] == yval
        out[i] = (r[ci], r[pi], int(r[qi]), fnum(r[ui]) / (12 if y else 1), True)
    return out


def r_ingram(folder, t):
    return _flat(_csv(folder / t["vendor_file"], ";", "utf-8"), 2, 0, 4, 8, 9, 5, "Annuelle")


def r_crayon(folder, t):
    return _flat(_xl(folder / t["vendor_file"], t["vendor_sheet"]), 2, 0, 3, 8, 9, 5, "Jaarlijks")


def r_esprinet(folder, t):
    return _flat(
        _csv(folder / t["vendor_file"], "\t", "utf-8"), 2, 0, 3, 6, 7, 4, "Annuale", "Totale"
    )


def r_arrow(folder, t):
    return _flat(_csv(folder / t["vendor_file"], ";", "utf-8-sig"), 2, 0, 4, 6, 7, 5, "Anual")


def r_pc(folder, t):
    rows = _csv(folder / t["vendor_file"], ";", "utf-8-sig")
    h = rows[0]
    ix = {
        k: h.index(k)
        for k in (
            "CustomerName",
            "ProductName",
            "BillableQuantity",
            "EffectiveUnitPrice",
            "BillingFrequency",
        )
    }
    return _flat(
        rows,
        2,
        ix["CustomerName"],
        ix["ProductName"],
        ix["BillableQuantity"],
        ix["EffectiveUnitPrice"],
        ix["BillingFrequency"],
        "Annual",
    )


def r_exclusive(folder, t):
    return _flat(
        _xl(folder / t["vendor_file"], t["vendor_sheet"]), 4, 0, 4, 7, 8, 6, "Årsvis", "Summa"
    )


def r_tdpl(folder, t):
    return _flat(_csv(folder / t["vendor_file"], ",", "utf-8"), 2, 0, 3, 7, 8, 4, "Roczny")


def p_datev(folder, t):
    rows = _csv(folder / t["psa_file"], ";", "utf-8-sig")
    out = {}
    for i, r in enumerate(rows[2:], 3):
        q = int(r[27])
        out[i] = (r[21], r[13], q, dnum(r[0]) / q, True)
    return out


def p_pennylane(folder, t):
    rows = _xl(folder / t["psa_file"], t["psa_sheet"])
    return {
        i: (r[2], r[3], int(r[4]), fnum(r[6]) / (12 if r[11] == "Annuelle" else 1), True)
        for i, r in enumerate(rows[1:], 2)
    }


def p_economic(folder, t):
    rows = _csv(folder / t["psa_file"], ";", "utf-8-sig")
    out = {}
    for i, r in enumerate(rows[1:], 2):
        d = dnum(r[9]) if r[9] else Fraction(0)
        out[i] = (r[3], r[5], int(r[6]), dnum(r[8]) * (1 - d / 100), True)
    return out


def p_fortnox(folder, t):
    rows = _xl(folder / t["psa_file"], t["psa_sheet"])
    return {
        i: (r[2], r[4], int(r[5]), fnum(r[6]) / int(r[8]), r[11] == "Nej")
        for i, r in enumerate(rows[3:], 4)
        if r and r[0] is not None
    }


def p_moloni(folder, t):
    rows = _csv(folder / t["psa_file"], ";", "utf-8-sig")
    return {
        i: (
            r[2],
            r[5],
            int(r[6]),
            dnum(r[7]) * (1 - dnum(r[8]) / 100) / (12 if r[11] == "Anual" else 1),
            True,
        )
        for i, r in enumerate(rows[1:], 2)
    }


def p_infakt(folder, t):
    rows = _csv(folder / t["psa_file"], ",", "utf-8")
    return {
        i: (r[2], r[4], int(r[5]), dnum(r[7]) / (12 if r[11] == "roczny" else 1), True)
        for i, r in enumerate(rows[1:], 2)
    }


def p_halo(folder, t):
    rows = _xl(folder / t["psa_file"], t["psa_sheet"])
    out, client = {}, None
    for i, r in enumerate(rows, 1):
        if i <= 4 or not r:
            continue
        a = r[0]
        if isinstance(a, str) and a.startswith("Klant: ") and r[2] is None:
            client = a[7:]
        elif len(r) > 2 and isinstance(r[2], (int, float)):
            y = r[5] == "Jaarlijks"
            out[i] = (client, a, int(r[2]), fnum(r[3]) / (12 if y else 1), r[6] == "Actief")
    return out


def p_cw(folder, t):
    rows = _xl(folder / t["psa_file"], t["psa_sheet"])
    return {
        i: (r[0], r[4], int(r[5]) - int(r[6]), fnum(r[7]), r[12] == "Activo")
        for i, r in enumerate(rows[1:], 2)
    }


VREAD = {
    "also_cmp_de_abrechnung_kundenblock_xlsx": r_also,
    "ingram_cmp_fr_montant_ht_euro_text_csv": r_ingram,
    "crayon_nl_factuurregels_second_sheet_xlsx": r_crayon,
    "esprinet_it_canoni_tab_totale_csv": r_esprinet,
    "arrowsphere_es_consumo_bom_semicolon_csv": r_arrow,
    "pc_recon_excel_de_resaved_semicolon_csv": r_pc,
    "exclusive_nordics_sek_kr_text_xlsx": r_exclusive,
    "tdsynnex_pl_pln_quoted_comma_csv": r_tdpl,
}
PREAD = {
    "datev_extf_buchungsstapel_stueck_csv": p_datev,
    "pennylane_lignes_factures_fr_xlsx": p_pennylane,
    "economic_fakturalinjer_da_rabat_csv": p_economic,
    "fortnox_avtal_sv_intervall_xlsx": p_fortnox,
    "moloni_linhas_pt_desconto_csv": p_moloni,
    "infakt_pozycje_pl_quoted_comma_csv": p_infakt,
    "halopsa_nl_klantblok_btw_xlsx": p_halo,
    "cw_adiciones_es_menos_incluido_xlsx": p_cw,
}


def check_case(folder):
    folder = Path(folder)
    t = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    probs = []
    vr = VREAD[t["vendor_format"]](folder, t)
    pr = PREAD[t["psa_format"]](folder, t)
    tv, tp = t["rows"]["vendor"], t["rows"]["psa"]
    if set(map(str, vr)) != set(tv):
        probs.append(f"vendor rows differ: {len(vr)} read vs {len(tv)} truth")
    if set(map(str, pr)) != set(tp):
        probs.append(f"psa rows differ: {len(pr)} read vs {len(tp)} truth")
    vrows, prows = [], []
    for r, (cl, prod, q, u, _b) in vr.items():
        e = tv.get(str(r))
        if not e:
            continue
        if cl != e["client"]:
            probs.append(f"vendor row {r}: client {cl!r} != {e['client']!r}")
        if e["product"].lower() not in str(prod).lower():
            probs.append(f"vendor row {r}: product {prod!r} lacks {e['product']!r}")
        if (q < 0) != (e["role"] == "credit"):
            probs.append(f"vendor row {r}: credit role mismatch")
        vrows.append((e["client"], e["product"], q, u, r))
    for r, (cl, prod, q, u, billed) in pr.items():
        e = tp.get(str(r))
        if not e:
            continue
        if billed != (e["role"] != "not_billed"):
            probs.append(f"psa row {r}: billed flag {billed} vs role {e['role']}")
        if not t["perturb"]:
            if cl != e["client"]:
                probs.append(f"psa row {r}: clean client {cl!r} != {e['client']!r}")
            if str(prod) != e["product"]:
                probs.append(f"psa row {r}: clean product {prod!r} != {e['product']!r}")
            if e["classes"]:
                probs.append(f"psa row {r}: classes in clean render")
        else:
            cc = [c for c in e["classes"] if c != "sibling_trap_client"]
            if cl == e["client"] and any(c in CLIENT_CLASSES for c in cc):
                probs.append(f"psa row {r}: client class but canonical name")
            if e["role"] == "licence" and not e["classes"]:
                probs.append(f"psa row {r}: licence row without class")
        if e["role"] == "licence":
            prows.append((e["client"], e["product"], q, u, r))
    got = findings_from(vrows, prows)
    key = lambda f: (f["type"], f["client"], f["product"])  # noqa: E731
    want = {key(f): f for f in t["findings"]}
    have = {key(f): f for f in got}
    for k in set(want) | set(have):
        a, b = want.get(k), have.get(k)
        if not a or not b:
            probs.append(f"finding {k} only in {'recomputed' if b else 'truth'}")
        elif (a["monthly_impact"], a["vendor_rows"], a["psa_rows"]) != (
            b["monthly_impact"],
            b["vendor_rows"],
            b["psa_rows"],
        ):
            probs.append(f"finding {k}: {a['monthly_impact']} vs {b['monthly_impact']}")
    return t, probs


CLIENT_CLASSES = {
    "umlaut_written_ae_oe_ue",
    "umlaut_dots_dropped",
    "eszett_written_ss",
    "nordic_letters_folded",
    "accents_dropped_latin",
    "legal_form_dots_stripped",
    "caps_registry_style",
    "registry_number_tail",
    "legal_form_left_off",
    "legal_form_misspelt",
    "legal_form_spelled_out",
    "legal_form_moved_front",
    "ampersand_local_word",
    "co_kg_variant",
    "trade_word_abbreviated",
    "word_order_swapped",
    "name_letter_swap",
    "city_in_brackets",
}


def sig(t):
    return sorted(
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


def main(argv):
    out = Path(argv[-1])
    if "--run" in argv:
        from . import PSA_FORMATS, VENDOR_FORMATS, generate_case

        for seed in (1, 2, 3):
            for n in (60, 200):
                for v, p in zip(VENDOR_FORMATS, PSA_FORMATS, strict=True):
                    for pert in (True, False):
                        generate_case(
                            out
                            / f"s{seed}_c{n}"
                            / f"{v}__{p}"
                            / ("perturbed" if pert else "clean"),
                            seed,
                            v,
                            p,
                            n,
                            pert,
                        )
        for v in VENDOR_FORMATS:
            for p in PSA_FORMATS:
                for pert in (True, False):
                    generate_case(
                        out / "all_s1_c60" / f"{v}__{p}" / ("perturbed" if pert else "clean"),
                        1,
                        v,
                        p,
                        60,
                        pert,
                    )
    cases = sorted(x.parent for x in out.rglob("truth.json"))
    total, nprob, rowsv, rowsp, fnd = 0, 0, 0, 0, 0
    meta = 0
    for c in cases:
        t, probs = check_case(c)
        total += 1
        rowsv += len(t["rows"]["vendor"])
        rowsp += len(t["rows"]["psa"])
        fnd += len(t["findings"])
        if c.name == "perturbed" and (c.parent / "clean" / "truth.json").exists():
            tc = json.loads((c.parent / "clean" / "truth.json").read_text(encoding="utf-8"))
            if sig(tc) != sig(t):
                probs.append("perturbed and clean findings differ")
            meta += 1
        for p in probs[:5]:
            print(c, p)
        nprob += len(probs)
    print(
        f"{total} cases, {meta} metamorphic pairs, {rowsv} vendor rows, {rowsp} psa rows, {fnd} findings, "
        f"{nprob} problems"
    )
    return 1 if nprob else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
