"""Independent evaluation set AE for the Leakage Finder: groups, franchises and look-alike customers
(see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .formats import PSAS, VENDORS
from .scenario import build_case, compute_findings

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
PERIOD = "2026-11"


def make_case(seed, vendor_format, psa_format, clients, perturb):
    if vendor_format not in VENDORS or psa_format not in PSAS:
        raise ValueError(f"unknown format: {vendor_format} / {psa_format}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    _vw, _vr, currency, vcaps, _vs = VENDORS[vendor_format]
    _pw, _pr, pcaps, _ps = PSAS[psa_format]
    case, _ = build_case(seed, clients, currency, perturb, psa_format, vcaps, pcaps)
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
    case = make_case(seed, vendor_format, psa_format, clients, perturb)
    frng = random.Random(f"AE-layout|{seed}|{vendor_format}|{psa_format}|{clients}")
    vfile, vsheet = VENDORS[vendor_format][0](case, folder, random.Random(frng.random()))
    pfile, psheet = PSAS[psa_format][0](case, folder, random.Random(frng.random()))
    truth = truth_of(
        case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet
    )
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def truth_of(case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet):
    from .catalog import BY_KEY

    byid = {c["id"]: c for c in case.clients}
    rows_v, rows_p = {}, {}
    for v in case.vlines:
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": v.classes + byid[v.cid]["traps"],
        }
    for p in case.plines:
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.product].name if p.product else p.text,
            "role": p.role,
            "classes": p.classes + byid[p.cid]["cclasses"],
        }
    return {
        "set": "AE",
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
        "findings": compute_findings(case),
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
