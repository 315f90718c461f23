"""Independent evaluation set M: realistic vendor and PSA exports with a truth file.

from bench.independent_m import VENDOR_FORMATS, PSA_FORMATS, generate_case
truth_path = generate_case(Path(folder), seed=1, vendor_format="pax8_api", psa_format="syncro", clients=200, perturb=True)
"""

from __future__ import annotations

import json
from pathlib import Path

from . import psas, vendors
from .scenario import PERIOD, build_case

VENDOR_FORMATS = list(vendors.RENDERERS)
PSA_FORMATS = list(psas.RENDERERS)

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "case_folder_name", "generate_case"]


def case_folder_name(vendor_format, psa_format, seed, clients, perturb=True):
    return f"{vendor_format}__{psa_format}__s{seed}__c{clients}" + ("" if perturb else "__clean")


def generate_case(folder, seed=1, vendor_format=None, psa_format=None, clients=200, perturb=True):
    vendor_format = vendor_format or VENDOR_FORMATS[0]
    psa_format = psa_format or PSA_FORMATS[0]
    if vendor_format not in vendors.RENDERERS:
        raise ValueError(
            f"unknown vendor format {vendor_format!r}; known: {', '.join(VENDOR_FORMATS)}"
        )
    if psa_format not in psas.RENDERERS:
        raise ValueError(f"unknown PSA format {psa_format!r}; known: {', '.join(PSA_FORMATS)}")
    if not 20 <= int(clients) <= 1000:
        raise ValueError("clients must be between 20 and 1000 (the set is designed for 60-300)")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    currency = vendors.CURRENCY[vendor_format]
    case = build_case(
        int(seed),
        int(clients),
        vendor_format,
        psa_format,
        bool(perturb),
        currency,
        ms_only=vendor_format in vendors.MS_ONLY,
        psa_period=psa_format in psas.HAS_PERIOD,
    )
    vfile, vsheet, vmarks = vendors.RENDERERS[vendor_format](case, folder)
    pfile, psheet, pmarks = psas.RENDERERS[psa_format](case, folder)
    truth = make_truth(case, vfile, vsheet, vmarks, pfile, psheet, pmarks)
    path = folder / "truth.json"
    path.write_text(
        json.dumps(truth, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8"
    )
    return path


def make_truth(case, vfile, vsheet, vmarks, pfile, psheet, pmarks):
    cls = {cl.name: cl for cl in case.clients}
    vrows, prows = {}, {}
    vby, pby = {}, {}
    for rowno, i in enumerate(vmarks, 1):
        if i is None:
            continue
        v = case.vlines[i]
        vrows[str(rowno)] = {
            "client": v.client,
            "product": v.product,
            "role": v.role,
            "classes": [],
        }
        vby.setdefault((v.client, v.product), []).append(rowno)
    for rowno, i in enumerate(pmarks, 1):
        if i is None:
            continue
        p = case.plines[i]
        c = sorted(set(p.classes) | set(cls[p.client].classes))
        prows[str(rowno)] = {"client": p.client, "product": p.product, "role": p.role, "classes": c}
        pby.setdefault((p.client, p.product), []).append(rowno)
    findings = []
    for f in case.findings:
        key = (f["client"], f["product"])
        pr = sorted(pby.get(key, []))
        c = set(cls[f["client"]].classes)
        for r in pr:
            c |= set(prows[str(r)]["classes"])
        findings.append(
            {
                "type": f["type"],
                "client": f["client"],
                "product": f["product"],
                "vendor_rows": sorted(vby.get(key, [])),
                "psa_rows": pr,
                "monthly_impact": f["impact"],
                "classes": sorted(c),
            }
        )
    return {
        "vendor_format": case.vendor_format,
        "psa_format": case.psa_format,
        "seed": case.seed,
        "clients": case.n,
        "perturb": case.perturb,
        "vendor_file": vfile,
        "psa_file": pfile,
        "vendor_sheet": vsheet,
        "psa_sheet": psheet,
        "currency": case.currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": {"vendor": vrows, "psa": prows},
        "psa_client_names": {cl.name: cl.psa_name for cl in case.clients if cl.side != "vendor"},
    }
