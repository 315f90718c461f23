"""Independent evaluation set N for Leakage Finder (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from . import formats as F
from .scenario import apply_perturbations, build_case, compute_findings

VENDOR_FORMATS = list(F.VENDORS)
PSA_FORMATS = list(F.PSAS)

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "generate_case"]


def generate_case(
    folder: Path,
    seed: int = 1,
    vendor_format: str = "pc_nce",
    psa_format: str = "cw_additions",
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    if vendor_format not in F.VENDORS or psa_format not in F.PSAS:
        raise ValueError(f"unknown format {vendor_format!r} / {psa_format!r}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients out of range")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vfun, currency, vcaps = F.VENDORS[vendor_format]
    pfun, pcaps = F.PSAS[psa_format]
    case = build_case(seed, clients, pcaps, vcaps)
    apply_perturbations(case, seed, clients, perturb, F.CUR_SYM[currency], pcaps)
    vfile, vmap, vsheet = vfun(
        case.vlines, folder, random.Random(f"N-vr-{seed}-{clients}-{vendor_format}")
    )
    pfile, pmap, psheet = pfun(
        case.plines, folder, random.Random(f"N-pr-{seed}-{clients}-{psa_format}"), currency
    )
    vrows, prows, rows_v, rows_p = {}, {}, {}, {}
    for r, v in sorted(vmap.items()):
        vrows[r] = (v.client.name, v.product, v.role, v.qty, v.monthly, [])
        rows_v[str(r)] = {
            "client": v.client.name,
            "product": v.product,
            "role": v.role,
            "classes": [],
        }
    for r, p in sorted(pmap.items()):
        cls = sorted(set(p.classes) | set(p.client.classes))
        prod = p.product if p.product is not None else p.text
        prows[r] = (p.client.name, prod, p.role, p.billed_qty, p.eff_unit, cls)
        rows_p[str(r)] = {"client": p.client.name, "product": prod, "role": p.role, "classes": cls}
    findings = compute_findings(vrows, prows)
    ccls = {c.name: c.classes for c in case.clients}
    for f in findings:
        f["classes"] = sorted(set(f["classes"]) | set(ccls.get(f["client"], [])))
    truth = {
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
        "period": "2026-11",
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
    path = folder / "truth.json"
    path.write_text(
        json.dumps(truth, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8"
    )
    return path
