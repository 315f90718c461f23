"""Independent evaluation set R for MSP licence-billing reconciliation."""

from __future__ import annotations

import json
import time
from pathlib import Path

from . import case as _case
from .formats import PSA, VENDOR

VENDOR_FORMATS = [f.name for f, _ in VENDOR]
PSA_FORMATS = [f.name for f, _ in PSA]
_V = {f.name: (f, w) for f, w in VENDOR}
_P = {f.name: (f, w) for f, w in PSA}


def generate_case(
    folder,
    seed=1,
    vendor_format=VENDOR_FORMATS[0],
    psa_format=PSA_FORMATS[0],
    clients=200,
    perturb=True,
):
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vf, vw = _V[vendor_format]
    pf, pw = _P[psa_format]
    case = _case.build(seed, vf, pf, clients, perturb)
    vfile, vsheet, vrows = vw(vf, case, folder)
    pfile, psheet, prows = pw(pf, case, folder)
    findings, rows = _case.truth(case, vrows, prows)
    t = {
        "set": "R",
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vfile,
        "psa_file": pfile,
        "vendor_sheet": vsheet,
        "psa_sheet": psheet,
        "currency": case["currency"],
        "period": "2026-11",
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": rows,
    }
    path = folder / "truth.json"
    path.write_text(json.dumps(t, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
