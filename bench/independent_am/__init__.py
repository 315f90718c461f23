"""Independent evaluation set AM for the Leakage Finder: schools, councils and charities (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .catalog import BY_KEY, LOOKALIKE_GROUPS
from .formats import PSAS, VENDORS
from .scenario import Case, build_numbers, impacts, spell

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
    vwrite, currency = VENDORS[vendor_format]
    pwrite = PSAS[psa_format]
    cl, vlines, plines, nkeys = build_numbers(seed, clients)
    spell(cl, plines, seed, clients, psa_format, perturb)
    case = Case(cl, vlines, plines, currency, nkeys)
    frng = random.Random(f"AM-layout|{seed}|{clients}|{vendor_format}|{psa_format}")
    vfile, vsheet = vwrite(case, folder, random.Random(frng.random()))
    pfile, psheet = pwrite(case, folder, random.Random(frng.random()))
    truth = truth_of(
        case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet
    )
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def truth_of(case, vendor_format, psa_format, seed, clients, perturb, vfile, pfile, vsheet, psheet):
    byid = {c["id"]: c for c in case.clients}
    case.plines[:] = [p for p in case.plines if p.row > 0]
    rows_v, rows_p = {}, {}
    for v in case.vlines:
        cls = []
        if v.yearly:
            cls.append("vendor_paid_yearly_line")
        if v.role == "credit":
            cls.append("vendor_seat_removed_credit")
        if v.sub == 2:
            cls.append("vendor_second_subscription")
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": cls,
        }
    for p in case.plines:
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.product].name if p.product else p.text,
            "role": p.role,
            "classes": sorted(set(p.classes)) + byid[p.cid]["cclasses"],
        }
    findings = impacts(case.clients, case.vlines, case.plines)
    billed = {(p.cid, p.product) for p in case.plines if p.role == "licence"}
    for f in findings:
        c = byid[f.pop("_cid")]
        prod = f.pop("_prod")
        cl = set(c["cclasses"])
        for r in f["psa_rows"]:
            cl.update(rows_p[str(r)]["classes"])
        if f["type"] == "unbilled":
            for g in LOOKALIKE_GROUPS:
                if prod in g and any((c["id"], k) in billed for k in g if k != prod):
                    cl.add("sister_sku_on_same_account")
        f["classes"] = sorted(cl)
    return {
        "set": "AM",
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
