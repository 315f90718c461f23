"""Independent evaluation set AI for the Leakage Finder: a month of change at a mid-size MSP
(see README.md)."""

from __future__ import annotations

import json
from pathlib import Path

from .formats import PSAS, VENDORS, write_side
from .scenario import build_case, compute_findings

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
PERIOD = "2026-11"


def _case(seed, vendor_format, psa_format, clients, perturb):
    if vendor_format not in VENDORS or psa_format not in PSAS:
        raise ValueError(f"unknown format: {vendor_format} / {psa_format}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    vspec, pspec = VENDORS[vendor_format], PSAS[psa_format]
    case = build_case(seed, clients, vspec["currency"], perturb, pspec)
    if not pspec.get("ended"):
        # this export cannot show an ended / paused line: the staff's export leaves it out
        case.plines = [p for p in case.plines if p.role != "not_billed"]
    case.by = {c["id"]: c for c in case.clients}
    case.seed = seed
    return case, vspec, pspec


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
    case, vspec, pspec = _case(seed, vendor_format, psa_format, clients, perturb)
    vfile, vsheet = write_side(case, vendor_format, vspec, folder, "v")
    pfile, psheet = write_side(case, psa_format, pspec, folder, "p")
    truth = truth_of(
        case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet
    )
    truth["house_style"] = "four_staff_habits_mixed" if perturb else None
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def truth_of(case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet):
    from .catalog import BY_KEY

    byid = case.by
    rows_v, rows_p = {}, {}
    for v in case.vlines:
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": list(v.classes),
        }
    has_psa = set()
    for p in case.plines:
        has_psa.add(p.cid)
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.product].name if p.product else p.text,
            "role": p.role,
            "classes": list(p.classes) + list(byid[p.cid]["cclasses"]),
        }
    findings = compute_findings(case)
    cid_of = {c["canonical"]: c["id"] for c in case.clients}
    for f in findings:
        cl = set()
        for r in f["vendor_rows"]:
            cl.update(rows_v[str(r)]["classes"])
        for r in f["psa_rows"]:
            cl.update(rows_p[str(r)]["classes"])
        cid = cid_of[f["client"]]
        if cid in has_psa:
            cl.update(byid[cid]["cclasses"])
        f["classes"] = sorted(cl)
    return {
        "set": "AI",
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
