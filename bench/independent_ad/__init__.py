"""Independent evaluation set AD for the Leakage Finder: the sheet a small MSP really keeps (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .catalog import PRODUCTS
from .formats import write_file
from .scenario import build_case, compute_findings
from .specs import PSAS, VENDORS

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
    vs, ps = VENDORS[vendor_format], PSAS[psa_format]
    case = build_case(seed, clients, psa_format, vs.currency, perturb)
    frng = random.Random(f"AD-layout|{seed}|{vendor_format}|{psa_format}|{clients}")
    vfile, vsheet = write_file(vs, case, folder, random.Random(frng.random()))
    pfile, psheet = write_file(ps, case, folder, random.Random(frng.random()))
    truth = truth_of(
        case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet
    )
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def pname(line):
    return PRODUCTS[line.product][0] if line.product else line.text


def truth_of(case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet):
    byid = {c["id"]: c for c in case.clients}
    rows_v, rows_p = {}, {}
    for v in case.vlines:
        cls = []
        if v.yearly:
            cls.append("vendor_annual_line")
        if v.role == "credit":
            cls.append("vendor_negative_credit")
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": pname(v),
            "role": v.role,
            "classes": cls,
        }
    for p in case.plines:
        cls = list(p.classes)
        if p.yearly and p.role == "licence":
            cls.append("psa_annual_line")
        if p.role == "not_billed":
            cls.append(f"not_billed_{p.status}")
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": pname(p),
            "role": p.role,
            "classes": cls + byid[p.cid]["cclasses"],
        }
    vrecs = [
        (byid[v.cid]["canonical"], pname(v), v.qty, v.unit, v.row)
        for v in case.vlines
        if v.role in ("licence", "credit")
    ]
    precs = [
        (byid[p.cid]["canonical"], pname(p), p.qty, p.unit, p.row)
        for p in case.plines
        if p.role == "licence"
    ]
    findings = compute_findings(vrecs, precs)
    for f in findings:
        cl = set()
        for r in f["psa_rows"]:
            cl.update(rows_p[str(r)]["classes"])
        f["classes"] = sorted(cl)
    return {
        "set": "AD",
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
