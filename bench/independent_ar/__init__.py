"""Independent evaluation set AR for the Leakage Finder: an MSP group in the Baltics and
South-East Europe (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .formats import PSAS, VENDORS
from .scenario import build_case, compute_findings

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
    pw, pcaps = PSAS[psa_format]
    case = build_case(seed, psa_format, clients, perturb, pcaps)
    case.currency = currency
    frng = random.Random(f"AR-layout|{seed}|{vendor_format}|{psa_format}|{clients}")
    vfile, vsheet = vw(case, folder, random.Random(frng.random()))
    pfile, psheet = pw(case, folder, random.Random(frng.random()))
    truth = truth_of(
        case,
        vendor_format,
        psa_format,
        seed,
        clients,
        perturb,
        vfile,
        pfile,
        vsheet,
        psheet,
    )
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def truth_of(
    case,
    vendor_format,
    psa_format,
    seed,
    clients,
    perturb,
    vfile,
    pfile,
    vsheet,
    psheet,
):
    from .catalog import BY_KEY

    byid = {c["id"]: c for c in case.clients}
    rows_v, rows_p = {}, {}
    for v in sorted(case.vlines, key=lambda x: x.row):
        cls = list(v.classes)
        if v.yearly:
            cls.append("vendor_year_upfront_line")
        if v.role == "credit":
            cls.append("vendor_negative_seat_credit")
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": cls,
        }
    for p in sorted(case.plines, key=lambda x: x.row):
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.product].name if p.product else p.text,
            "role": p.role,
            "classes": p.classes + byid[p.cid]["cclasses"],
        }
    findings = compute_findings(case)
    for f in findings:
        cl = set(byid_cls(case, f["client"]))
        for r in f["psa_rows"]:
            cl.update(rows_p[str(r)]["classes"])
        f["classes"] = sorted(cl)
    return {
        "set": "AR",
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


def byid_cls(case, canonical):
    for c in case.clients:
        if c["canonical"] == canonical:
            return c["cclasses"]
    return []
