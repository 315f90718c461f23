"""Independent evaluation set T for an MSP billing-reconciliation tool.

from independent_t import VENDOR_FORMATS, PSA_FORMATS, generate_case
truth_path = generate_case(Path(folder), seed=1, vendor_format=VENDOR_FORMATS[0],
                           psa_format=PSA_FORMATS[0], clients=200, perturb=True)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from .psa import PSA_SPECS, Ctx
from .scenario import PERIOD, build_case, compute_findings
from .vendors import VENDOR_SPECS

VENDOR_FORMATS = [s["name"] for s in VENDOR_SPECS]
PSA_FORMATS = [s["name"] for s in PSA_SPECS]
_V = {s["name"]: s for s in VENDOR_SPECS}
_P = {s["name"]: s for s in PSA_SPECS}

__all__ = ["VENDOR_FORMATS", "PSA_FORMATS", "generate_case", "build"]


def build(seed: int, vendor_format: str, psa_format: str, clients: int):
    """The abstract case (no files): used by the tests."""
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    if vendor_format not in _V or psa_format not in _P:
        raise ValueError(f"unknown format: {vendor_format} / {psa_format}")
    return build_case(seed, clients, _V[vendor_format], _P[psa_format])


def generate_case(
    folder: Path,
    seed: int = 1,
    vendor_format: str = VENDOR_FORMATS[0],
    psa_format: str = PSA_FORMATS[0],
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    case = build(seed, vendor_format, psa_format, clients)
    vspec, pspec = _V[vendor_format], _P[psa_format]
    vrng = random.Random(f"T-vendor-layout|{seed}|{clients}|{vendor_format}|{psa_format}")
    prng = random.Random(f"T-psa-layout|{seed}|{clients}|{vendor_format}|{psa_format}")
    vname, vsheet, vt = vspec["writer"](case, folder, vrng)
    pname, psheet, pt = pspec["writer"](Ctx(case, perturb, prng), folder)
    vrow, prow = vt.rows(), pt.rows()
    assert len(vrow) == len(case.vlines) and len(prow) == len(case.plines)
    findings = compute_findings(case, vrow, prow)
    if not perturb:
        for f in findings:
            f["classes"] = []
    rows = {"vendor": {}, "psa": {}}
    for i, v in enumerate(case.vlines):
        rows["vendor"][str(vrow[i])] = {
            "client": case.clients[v.cid].name,
            "product": _pname(v.pkey),
            "role": v.role,
            "classes": [],
        }
    for i, x in enumerate(case.plines):
        cls = []
        if perturb:
            cls = list(x.classes) + ["client_" + c for c in case.psa_name[x.cid][1]]
        rows["psa"][str(prow[i])] = {
            "client": case.clients[x.cid].name,
            "product": _pname(x.pkey) if x.pkey else x.service,
            "role": x.role,
            "classes": cls,
        }
    truth = {
        "set": "T",
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vname,
        "psa_file": pname,
        "vendor_sheet": vsheet,
        "psa_sheet": psa_sheet_or(psheet),
        "currency": case.currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": {
            "vendor": dict(sorted(rows["vendor"].items(), key=lambda kv: int(kv[0]))),
            "psa": dict(sorted(rows["psa"].items(), key=lambda kv: int(kv[0]))),
        },
    }
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def psa_sheet_or(s):
    return s


def _pname(k):
    from .catalog import BY_KEY

    return BY_KEY[k].name
