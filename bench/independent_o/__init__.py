"""Independent evaluation set O for an MSP billing-reconciliation tool.

from independent_o import VENDOR_FORMATS, PSA_FORMATS, generate_case
truth_path = generate_case(folder, seed=1, vendor_format=VENDOR_FORMATS[0], psa_format=PSA_FORMATS[0],
                           clients=200, perturb=True)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from .catalog import BY_KEY
from .clients import LANG
from .model import build_case, compute_findings
from .perturb import (
    DESC_CLASSES,
    NAME_CLASSES,
    DescContext,
    house_spelling,
    perturb_clients,
    perturb_desc,
)
from .psa import PSA_WRITERS
from .vendor import VENDOR_WRITERS

VENDOR_FORMATS = list(VENDOR_WRITERS)
PSA_FORMATS = list(PSA_WRITERS)
__all__ = ["DESC_CLASSES", "NAME_CLASSES", "PSA_FORMATS", "VENDOR_FORMATS", "generate_case"]


def _apply_perturbations(case, seed):
    rng = random.Random(f"perturb|{seed}|{case.vendor_format}|{case.psa_format}|{case.n}")
    perturb_clients(rng, case.clients)
    vendor_keys, basket = {}, {}
    for v in case.vlines:
        basket.setdefault(v.cid, set()).add(v.key)
        if v.role in ("licence", "credit"):
            vendor_keys.setdefault(v.cid, set()).add(v.key)
    for p in case.plines:
        if p.key:
            basket.setdefault(p.cid, set()).add(p.key)
    house = {
        k: house_spelling(rng, BY_KEY[k]) for k in sorted({p.key for p in case.plines if p.key})
    }
    for p in case.plines:
        if not p.key:
            continue
        c = case.clients[p.cid]
        cx = DescContext(
            rng,
            LANG[c.country],
            basket.get(p.cid, set()),
            vendor_keys.get(p.cid, set()),
            case.vendor_format,
            case.psa_format,
            p.qty,
            f"{p.price:.2f}",
            p.per_user,
            p.user,
        )
        p.text, p.classes = perturb_desc(BY_KEY[p.key], cx, house.get(p.key))


def generate_case(
    folder,
    seed: int = 1,
    vendor_format: str = VENDOR_FORMATS[0],
    psa_format: str = PSA_FORMATS[0],
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    if vendor_format not in VENDOR_WRITERS or psa_format not in PSA_WRITERS:
        raise ValueError(f"unknown format {vendor_format!r} / {psa_format!r}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    case = build_case(seed, vendor_format, psa_format, clients)
    if perturb:
        _apply_perturbations(case, seed)
    vname, vsheet, vrows = VENDOR_WRITERS[vendor_format](case, folder)
    pname, psheet, prows = PSA_WRITERS[psa_format](case, folder)
    cl = case.clients
    rows_v, rows_p = {}, {}
    vrow_of = {}
    for v in case.vlines:
        for r in vrows[v.lid]:
            rows_v[str(r)] = {
                "client": cl[v.cid].name,
                "product": BY_KEY[v.key].name,
                "role": v.role,
                "classes": [],
            }
        vrow_of[v.lid] = vrows[v.lid]
    prow_cls = {}
    for p in case.plines:
        c = cl[p.cid]
        classes = list(p.classes) + ["client:" + x for x in c.name_classes]
        prow_cls[p.lid] = classes
        for r in prows[p.lid]:
            rows_p[str(r)] = {
                "client": c.name,
                "product": BY_KEY[p.key].name if p.key else p.text_clean,
                "role": p.role,
                "classes": classes,
            }
    findings = []
    for f in compute_findings(case):
        c = cl[f["cid"]]
        classes = set()
        for p in f["plines"]:
            classes.update(p.classes)
        if c.side != "vendor":
            classes.update("client:" + x for x in c.name_classes)
        findings.append(
            {
                "type": f["type"],
                "client": c.name,
                "product": BY_KEY[f["key"]].name,
                "vendor_rows": sorted(r for v in f["vlines"] for r in vrow_of[v.lid]),
                "psa_rows": sorted(r for p in f["plines"] for r in prows[p.lid]),
                "monthly_impact": f"{f['impact']:.2f}",
                "classes": sorted(classes),
            }
        )
    truth = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vname,
        "psa_file": pname,
        "vendor_sheet": vsheet,
        "psa_sheet": psheet,
        "currency": case.currency,
        "period": "2026-11",
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
