"""Independent evaluation set AS for the Leakage Finder: an MSP group in South-East Asia and East
Africa (see README.md)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .catalog import BY_KEY
from .formats import PSAS, VENDORS
from .scenario import _fmt, build_case, compute_findings

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
    case = build_case(seed, psa_format, clients, currency, perturb)
    lrng = random.Random(f"AS-layout|{seed}|{clients}|{vendor_format}|{psa_format}")
    vfile, vsheet = vw(case, folder, random.Random(lrng.random()))
    pfile, psheet = pw(case, folder, random.Random(lrng.random()))
    truth = truth_of(
        case,
        vendor_format,
        psa_format,
        seed,
        clients,
        perturb,
        vfile,
        pfile,
        vsheet,
        psheet,
    )
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _unit(fr):
    """Exact decimal text of a monthly unit (prices here always have a terminating decimal)."""
    for pl in range(2, 9):
        if (fr * 10**pl).denominator == 1:
            v = int(fr * 10**pl)
            s = "-" if v < 0 else ""
            v = abs(v)
            return f"{s}{v // 10**pl}.{str(v % 10**pl).rjust(pl, '0')}"
    raise ValueError(fr)


def truth_of(
    case,
    vendor_format,
    psa_format,
    seed,
    clients,
    perturb,
    vfile,
    pfile,
    vsheet,
    psheet,
):
    byid = {c["id"]: c for c in case.clients}
    rows_v, rows_p = {}, {}
    for v in case.vlines:
        rows_v[str(v.row)] = {
            "client": byid[v.cid]["canonical"],
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": list(getattr(v, "cls", [])),
            "qty": v.qty,
            "monthly_unit": _unit(v.cost),
        }
    for p in case.plines:
        rows_p[str(p.row)] = {
            "client": byid[p.cid]["canonical"],
            "product": BY_KEY[p.product].name if p.product else p.text,
            "role": p.role,
            "classes": p.classes + byid[p.cid]["cclasses"],
            "qty": p.qty,
            "monthly_unit": _unit(p.price),
            "client_text": byid[p.cid]["psa_name"],
            "text": p.text,
        }
    findings = compute_findings(case)
    for f in findings:
        cl = set()
        for c in case.clients:
            if c["canonical"] == f["client"]:
                cl.update(c["cclasses"])
        for r in f["psa_rows"]:
            cl.update(rows_p[str(r)]["classes"])
        f["classes"] = sorted(cl)
    leak = sum(
        int(f["monthly_impact"].replace(".", ""))
        for f in findings
        if f["type"] in ("unbilled", "under_billed", "below_cost")
    )
    expo = sum(
        int(f["monthly_impact"].replace(".", ""))
        for f in findings
        if f["type"] in ("over_billed", "no_vendor_record")
    )
    from fractions import Fraction

    return {
        "set": "AS",
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
        "monthly_leakage": _fmt(Fraction(leak, 100)),
        "monthly_over_billing_exposure": _fmt(Fraction(expo, 100)),
        "findings": findings,
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
