"""Independent evaluation set AA for the Leakage Finder: the hard ordinary month (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .catalog import BY_KEY
from .model import build_case, compute_findings
from .psas import PSAS
from .vendors import VENDORS

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
    pw = PSAS[psa_format]
    case = build_case(seed, clients, currency, perturb, layout_seed=f"{seed}|{psa_format}")
    frng = random.Random(f"AA-layout|{seed}|{vendor_format}|{psa_format}|{clients}")
    vfile, vsheet = vw(case, folder, random.Random(frng.random()))
    pfile, psheet = pw(case, folder, random.Random(frng.random()))
    byid = {c["id"]: c for c in case.clients}
    rows_v = {
        str(v.row): {
            "client": byid[v.cid]["canonical"],
            "product": BY_KEY[v.key].name if v.key else v.text,
            "role": v.role,
            "classes": list(byid[v.cid]["vclasses"]),
        }
        for v in case.vlines
    }
    rows_p = {
        str(p.row): {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.key].name if p.key else p.text,
            "role": p.role,
            "classes": p.classes + byid[p.cid]["pclasses"],
        }
        for p in case.plines
    }
    truth = {
        "set": "AA",
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vfile,
        "psa_file": pfile,
        "vendor_sheet": vsheet,
        "psa_sheet": psheet,
        "currency": currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": compute_findings(case),
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
