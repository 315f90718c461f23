"""Independent evaluation set K for Leakage Finder (see README.md).

from bench.independent_k import VENDOR_FORMATS, PSA_FORMATS, generate_case
truth_path = generate_case(Path(folder), seed=1, vendor_format="…", psa_format="…",
                           clients=200, perturb=True)
"""

from __future__ import annotations

import json
from pathlib import Path

from .psas import PSAS
from .scenario import build, half_up_cents
from .vendors import VENDORS

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
PERIOD = "2026-11"

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "case_dir_name", "generate_case"]


def case_dir_name(
    vendor_format: str, psa_format: str, seed: int, clients: int, clean: bool = False
) -> str:
    return f"{vendor_format}__{psa_format}__s{seed}__c{clients}" + ("__clean" if clean else "")


def generate_case(
    folder: Path,
    seed: int = 1,
    vendor_format: str = VENDOR_FORMATS[0],
    psa_format: str = PSA_FORMATS[0],
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    if vendor_format not in VENDORS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; known: {VENDOR_FORMATS}")
    if psa_format not in PSAS:
        raise ValueError(f"unknown PSA format {psa_format!r}; known: {PSA_FORMATS}")
    if not 60 <= clients <= 300:
        raise ValueError("clients must be between 60 and 300")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vrender, currency, vfeat = VENDORS[vendor_format]
    prender, pfeat = PSAS[psa_format]
    # the scenario depends on the seed, the size and what the two formats can express (discounts)
    case = build(seed, clients, vfeat, pfeat, currency)
    vfile, vrows, vsheet = vrender(case, folder, None)
    pfile, prows, psheet = prender(case, folder, perturb)

    def pcls(pl):
        return list(pl.classes) if perturb else []

    def ccls(c):
        return list(c.classes) if perturb else []

    rows_v = {
        str(r): {"client": v.client.name, "product": v.name, "role": v.role, "classes": []}
        for r, v in sorted(vrows.items())
    }
    rows_p = {
        str(r): {
            "client": p.client.name,
            "product": p.text,
            "role": p.role,
            "classes": sorted(set(pcls(p) + ccls(p.client))),
        }
        for r, p in sorted(prows.items())
    }
    vidx: dict = {}
    for r, v in sorted(vrows.items()):
        if v.role in ("licence", "credit"):
            vidx.setdefault((v.client.name, v.key), []).append(r)
    pidx: dict = {}
    pclasses: dict = {}
    for r, p in sorted(prows.items()):
        if p.role == "licence":
            pidx.setdefault((p.client.name, p.key), []).append(r)
            pclasses.setdefault((p.client.name, p.key), set()).update(pcls(p))
    cl_classes = {c.name: ccls(c) for c in case.clients}
    from . import catalog as C

    findings = []
    for typ, cn, key, amount in case.findings:
        findings.append(
            {
                "type": typ,
                "client": cn,
                "product": C.PRODUCTS[key][0],
                "vendor_rows": vidx.get((cn, key), []),
                "psa_rows": pidx.get((cn, key), []),
                "monthly_impact": half_up_cents(amount),
                "classes": sorted(pclasses.get((cn, key), set()) | set(cl_classes[cn])),
            }
        )
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
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
    path = folder / "truth.json"
    path.write_text(
        json.dumps(truth, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8"
    )
    return path
