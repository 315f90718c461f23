"""Independent evaluation set AO for the Leakage Finder: quantities that are not seats (README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .formats import PSAS, VENDORS
from .gen import NAME, PERIOD, build_case, compute_findings

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)


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
    case = build_case(seed, psa_format, clients, perturb)
    frng = random.Random(f"AO-layout|{seed}|{vendor_format}|{psa_format}|{clients}")
    vfile, vsheet = VENDORS[vendor_format](case, folder, random.Random(frng.random()))
    pfile, psheet = PSAS[psa_format](case, folder, random.Random(frng.random()))
    byid = {c["id"]: c for c in case.clients}
    rows_v, rows_p = {}, {}
    for v in case.vlines:
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": NAME[v.product],
            "role": v.role,
            "classes": list(v.classes),
            "text": v.text,
            "client_text": byid[v.cid]["vendor_name"],
        }
    for p in case.plines:
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": NAME[p.product] if p.product else p.text,
            "role": p.role,
            "classes": p.classes + byid[p.cid]["cclasses"],
            "text": p.text,
            "client_text": byid[p.cid]["psa_name"],
        }
    findings = compute_findings(case)
    for f in findings:
        cl = set(byid_cls(case, f["client"]))
        for r in f["psa_rows"]:
            cl.update(rows_p[str(r)]["classes"])
        f["classes"] = sorted(cl)
    truth = {
        "set": "AO",
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
        "quantity_basis": "base units per product (README: Units); PSA/vendor line units converted "
        "only where the text or unit column states the conversion",
        "findings": findings,
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def byid_cls(case, canonical):
    for c in case.clients:
        if c["canonical"] == canonical:
            return c["cclasses"]
    return []
