"""Independent evaluation set AC for the Leakage Finder: names as two systems keep them (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .formats import PSAS, VENDORS, write
from .scenario import build_case, compute_findings

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
PERIOD = "2026-11"


def prepare(seed, vendor_format, psa_format, clients, perturb):
    """The case with every line adapted to what the two layouts can show (no rows yet)."""
    if vendor_format not in VENDORS or psa_format not in PSAS:
        raise ValueError(f"unknown format: {vendor_format} / {psa_format}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    vf, pf = VENDORS[vendor_format], PSAS[psa_format]
    case = build_case(seed, clients, perturb, psa_format, vendor_format, vf.currency)
    if pf.annual is None:  # the layout cannot say "yearly": the same money shown per month
        for p in case.plines:
            if p.yearly:
                p.yearly, p.unit = False, p.unit / 12
                p.classes = [c for c in p.classes if c != "twelve_month_invoice_line"]
    if pf.stopped is None:  # a sales history has no stopped lines
        case.plines = [p for p in case.plines if p.role != "not_billed"]
    return case


def generate_case(
    folder,
    seed=1,
    vendor_format=VENDOR_FORMATS[0],
    psa_format=PSA_FORMATS[0],
    clients=200,
    perturb=True,
):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    case = prepare(seed, vendor_format, psa_format, clients, perturb)
    frng = random.Random(f"AC-layout|{seed}|{vendor_format}|{psa_format}|{clients}")
    vfile, vsheet = write(case, folder, random.Random(frng.random()), VENDORS[vendor_format])
    pfile, psheet = write(case, folder, random.Random(frng.random()), PSAS[psa_format])
    truth = truth_of(
        case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet
    )
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def client_classes(c):
    return c["cclasses"] + c["vclasses"] + c["gclasses"]


def truth_of(case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet):
    from .catalog import BY_KEY

    byid = {c["id"]: c for c in case.clients}
    rows_v, rows_p = {}, {}
    for v in case.vlines:
        cls = []
        if v.yearly:
            cls.append("vendor_annual_term_line")
        if v.role == "credit":
            cls.append("vendor_negative_adjustment")
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": cls + client_classes(byid[v.cid]),
        }
    for p in case.plines:
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.product].name if p.product else p.text,
            "role": p.role,
            "classes": p.classes + client_classes(byid[p.cid]),
        }
    findings = compute_findings(case)
    for f in findings:
        cl = set()
        for r in f["psa_rows"]:
            cl.update(rows_p[str(r)]["classes"])
        for r in f["vendor_rows"]:
            cl.update(rows_v[str(r)]["classes"])
        f["classes"] = sorted(cl)
    return {
        "set": "AC",
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vfile,
        "psa_file": pfile,
        "vendor_sheet": vsheet,
        "psa_sheet": psheet,
        "currency": case.currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
