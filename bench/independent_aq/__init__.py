"""Independent evaluation set AQ for the Leakage Finder: a bilingual Montréal MSP (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .catalog import BY_KEY
from .formats import PSAS, VENDORS
from .scenario import (
    Case,
    apply_layout,
    apply_spellings,
    build_numbers,
    compute_findings,
)

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
    cl, vlines, plines = build_numbers(seed, clients)
    apply_spellings(cl, vlines, plines, psa_format, seed, clients, perturb)
    pw, pcaps = PSAS[psa_format]
    lrng = random.Random(f"AQ|layout|{seed}|{clients}|{vendor_format}|{psa_format}")
    plines = apply_layout(plines, pcaps, random.Random(lrng.random()))
    case = Case(cl, vlines, plines)
    vfile, vsheet = VENDORS[vendor_format](case, folder, random.Random(lrng.random()))
    pfile, psheet = pw(case, folder, random.Random(lrng.random()))
    truth = truth_of(case, vendor_format, psa_format, seed, clients, perturb)
    truth.update(vendor_file=vfile, psa_file=pfile, vendor_sheet=vsheet, psa_sheet=psheet)
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def truth_of(case, vendor_format, psa_format, seed, clients, perturb):
    byid = {c["id"]: c for c in case.clients}
    rows_v, rows_p = {}, {}
    for v in sorted(case.vlines, key=lambda x: x.row):
        cls = []
        if v.yearly:
            cls.append("v_facturation_annuelle_12_mois")
        if v.role == "credit":
            cls.append("v_ligne_credit_negative")
        if (
            sum(
                1
                for w in case.vlines
                if w.cid == v.cid and w.product == v.product and w.role == "licence"
            )
            > 1
        ):
            cls.append("v_deux_abonnements_meme_produit")
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": cls,
        }
    for p in sorted(case.plines, key=lambda x: x.row):
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.product].name if p.product else p.text,
            "role": p.role,
            "classes": sorted(set(p.classes + byid[p.cid]["cclasses"])),
        }
    findings = compute_findings(case.clients, case.vlines, case.plines)
    return {
        "set": "AQ",
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": None,
        "psa_file": None,
        "vendor_sheet": None,
        "psa_sheet": None,
        "currency": case.currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": {"vendor": rows_v, "psa": rows_p},
        "clients_psa_names": {
            c["canonical"]: c["psa_name"] for c in case.clients if c["side"] != "vendor_only"
        },
    }
