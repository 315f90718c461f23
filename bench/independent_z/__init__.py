"""Independent evaluation set Z for the Leakage Finder (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .psas import PSAS
from .scenario import build_case, compute_findings
from .vendors import VENDORS

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
PERIOD = "2026-11"


def _case(seed, vendor_format, psa_format, clients, perturb):
    if vendor_format not in VENDORS or psa_format not in PSAS:
        raise ValueError(f"unknown format: {vendor_format} / {psa_format}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    vw, currency, vcaps = VENDORS[vendor_format]
    pw, pcaps = PSAS[psa_format]
    case = build_case(seed, vendor_format, psa_format, clients, vcaps, pcaps, currency, perturb)
    case.currency = currency
    return case, vw, pw


def write_case(folder, seed, vendor_format, psa_format, clients, perturb):
    """write both files; returns (case, vfile, pfile, vsheet, psheet)"""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    case, vw, pw = _case(seed, vendor_format, psa_format, clients, perturb)
    frng = random.Random(f"Z-layout|{seed}|{vendor_format}|{psa_format}|{clients}")
    vfile, vsheet = vw(case, folder, random.Random(frng.random()))
    pfile, psheet = pw(case, folder, random.Random(frng.random()))
    return case, vfile, pfile, vsheet, psheet


def generate_case(
    folder,
    seed=1,
    vendor_format=VENDOR_FORMATS[0],
    psa_format=PSA_FORMATS[0],
    clients=200,
    perturb=True,
):
    folder = Path(folder)
    case, vfile, pfile, vsheet, psheet = write_case(
        folder, seed, vendor_format, psa_format, clients, perturb
    )
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
            "product": BY_KEY[v.product].name if v.product else v.text,
            "role": v.role,
            "classes": list(byid[v.cid]["vclasses"]),
        }
    for p in case.plines:
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.product].name if p.product else p.text,
            "role": p.role,
            "classes": p.classes + p.cclasses,
        }
    return {
        "set": "Z",
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
