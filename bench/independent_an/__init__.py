"""Independent evaluation set AN for the Leakage Finder: many makers, shared tier words, clients
mid-migration (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .formats import PSAS, VENDORS
from .scenario import build_case, compute_findings

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
PERIOD = "2026-11"
DOMAIN_NAMED = "gws_channel_console_domain_billing_csv"


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
    if not 60 <= clients <= 300:
        raise ValueError("clients must be 60..300")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    case = build_case(seed, psa_format, clients, perturb)
    for c in case.clients:
        if perturb and vendor_format == DOMAIN_NAMED:
            c["cclasses"].append("primary_domain_as_customer_name")
            if c["dclass"]:
                c["cclasses"].append(c["dclass"])
    frng = random.Random(f"AN-layout|{seed}|{vendor_format}|{psa_format}|{clients}")
    vfile, vsheet = VENDORS[vendor_format](case, folder, random.Random(frng.random()), perturb)
    pfile, psheet = PSAS[psa_format](case, folder, random.Random(frng.random()))
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
    for v in sorted(case.vlines, key=lambda x: x.row):
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": sorted(v.classes),
        }
    for p in sorted(case.plines, key=lambda x: x.row):
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.product].name if p.product else p.text,
            "role": p.role,
            "classes": sorted(set(p.classes + byid[p.cid]["cclasses"])),
        }
    findings = compute_findings(case)
    for f in findings:
        cl = set(next(c for c in case.clients if c["canonical"] == f["client"])["cclasses"])
        for r in f["psa_rows"]:
            cl.update(rows_p[str(r)]["classes"])
        f["classes"] = sorted(cl)
    return {
        "set": "AN",
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
