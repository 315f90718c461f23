"""Independent evaluation set AP for the Leakage Finder: one product counted in different units on
the two sides, UK and Irish MSPs (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .catalog import BY_KEY
from .formats import PSAS, VENDORS
from .scenario import Case, build, compute_findings, half_up
from .spell import fmt_num, spell_psa

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
PERIOD = "2026-11"


def generate_case(
    folder,
    seed=1,
    vendor_format=VENDOR_FORMATS[0],
    psa_format=PSA_FORMATS[0],
    clients=200,
    perturb=True,
):
    if vendor_format not in VENDORS or psa_format not in PSAS:
        raise ValueError(f"unknown format: {vendor_format} / {psa_format}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vw, currency = VENDORS[vendor_format]
    pw, has_uom = PSAS[psa_format]
    cl, vlines, plines = build(seed, clients)
    case = Case(cl, vlines, plines, currency)
    spell_psa(case, seed, clients, psa_format, perturb, has_uom)
    frng = random.Random(f"AP|layout|{seed}|{clients}|{vendor_format}|{psa_format}")
    vfile, vsheet = vw(case, folder, random.Random(frng.random()))
    pfile, psheet = pw(case, folder, random.Random(frng.random()))
    truth = truth_of(case, vendor_format, psa_format, seed, clients, perturb)
    truth.update(vendor_file=vfile, psa_file=pfile, vendor_sheet=vsheet, psa_sheet=psheet)
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _written(ln, client_text):
    return {
        "client": client_text,
        "text": ln.text,
        "uom": ln.uom,
        "qty": fmt_num(ln.qty),
        "unit": fmt_num(ln.unit),
        "total": str(half_up(ln.qty * ln.unit)),
        "size": fmt_num(ln.k) if ln.k.denominator == 1 else f"{ln.k.numerator}/{ln.k.denominator}",
        "base_qty": fmt_num(ln.qty * ln.k),
        "base_unit": str(BY_KEY[ln.product].base) if ln.product else "",
    }


def truth_of(case, vendor_format, psa_format, seed, clients, perturb):
    byid = {c["id"]: c for c in case.clients}
    rows_v, rows_p = {}, {}
    fv, fp = [], []
    for v in case.vlines:
        p = BY_KEY[v.product]
        cls = list(v.classes)
        if v.k != 1:
            cls.append("vnd_pack_or_block_row")
        if p.kind in ("gb", "tb", "usage"):
            cls.append("vnd_storage_unit_row")
        name = byid[v.cid]["canonical"]
        rows_v[str(v.row)] = {
            "client": name,
            "product": p.name,
            "role": v.role,
            "classes": cls,
            "as_written": _written(v, name),
        }
        fv.append((name, p.name, v.qty * v.k, v.unit / v.k, v.row))
    for pl in case.plines:
        c = byid[pl.cid]
        prod = BY_KEY[pl.product].name if pl.product and pl.role != "service" else pl.text
        rows_p[str(pl.row)] = {
            "client": c["canonical"],
            "product": prod,
            "role": pl.role,
            "classes": list(pl.classes) + list(c["cclasses"]),
            "as_written": _written(pl, c["psa_name"]),
        }
        if pl.role == "licence":
            fp.append((c["canonical"], prod, pl.qty * pl.k, pl.unit / pl.k, pl.row))
    findings = compute_findings(fv, fp)
    for f in findings:
        cl = set()
        for r in f["psa_rows"]:
            cl.update(rows_p[str(r)]["classes"])
        f["classes"] = sorted(cl)
    return {
        "set": "AP",
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": None,
        "psa_file": None,
        "vendor_sheet": None,
        "psa_sheet": None,
        "currency": case.currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
