"""A sixth independent evaluation set: other distributors, other PSA/accounting exports, other people.

`generate_case` writes one month's vendor bill, PSA export and truth.json. See README.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .psas import PSAS
from .scenario import PERIOD, Scenario, build, compute_findings
from .vendors import VENDORS

VENDOR_FORMATS: tuple[str, ...] = tuple(VENDORS)
PSA_FORMATS: tuple[str, ...] = tuple(PSAS)

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "generate_case", "scenario_for"]


def scenario_for(seed: int, vendor_format: str, psa_format: str, clients: int) -> Scenario:
    """The scenario a case renders (the same for perturb=True and perturb=False)."""
    if vendor_format not in VENDORS:
        raise ValueError(
            f"unknown vendor format {vendor_format!r}; choose one of {', '.join(VENDOR_FORMATS)}"
        )
    if psa_format not in PSAS:
        raise ValueError(
            f"unknown PSA format {psa_format!r}; choose one of {', '.join(PSA_FORMATS)}"
        )
    vf, pf = VENDORS[vendor_format], PSAS[psa_format]
    return build(
        seed, f"{vendor_format}|{psa_format}", clients, vf.currency, pf.caps, vf.third_party
    )


def generate_case(
    out_dir: Path,
    seed: int,
    vendor_format: str,
    psa_format: str,
    clients: int,
    perturb: bool = True,
) -> Path:
    """Write the vendor file, the PSA file and truth.json into out_dir; return truth.json's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sc = scenario_for(seed, vendor_format, psa_format, clients)
    vr = VENDORS[vendor_format].render(sc, perturb, out_dir)
    pr = PSAS[psa_format].render(sc, perturb, out_dir)
    vrows: dict[str, dict[str, Any]] = {}
    prow: dict[str, dict[str, Any]] = {}
    vclasses: dict[int, list[str]] = {}
    pclasses: dict[int, list[str]] = {}
    for i, v in enumerate(sc.vlines):
        cls = sorted(v.client.vendor_classes) if perturb else []
        vclasses[i] = cls
        vrows[str(vr.rows[i])] = {
            "client": v.client.canonical,
            "product": v.product.name,
            "role": v.role,
            "classes": cls,
        }
    for i, p in enumerate(sc.plines):
        cls = sorted(set(p.classes) | {p.client.name_class}) if perturb else []
        pclasses[i] = cls
        prow[str(pr.rows[i])] = {
            "client": p.client.canonical,
            "product": p.product,
            "role": p.role,
            "classes": cls,
        }
    findings = []
    by_name = {c.canonical: c for c in sc.clients}
    for f in compute_findings(sc):
        classes: set[str] = set()
        for i in f.vendor_lines:
            classes |= set(vclasses[i])
        for i in f.psa_lines:
            classes |= set(pclasses[i])
        client = by_name[f.client]
        if perturb and client.side != "vendor":
            classes.add(client.name_class)
        findings.append(
            {
                "type": f.type,
                "monthly_impact": f.cents,
                "client": f.client,
                "product": f.product,
                "vendor_rows": sorted(vr.rows[i] for i in f.vendor_lines),
                "psa_rows": sorted(pr.rows[i] for i in f.psa_lines),
                "classes": sorted(classes),
            }
        )
    truth = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vr.file,
        "psa_file": pr.file,
        "vendor_sheet": vr.sheet,
        "psa_sheet": pr.sheet,
        "currency": sc.currency,
        "period": PERIOD,
        "row_numbering": "1-based spreadsheet rows of the named sheet (CSV: record number, header = 1)",
        "findings": findings,
        "rows": {
            "vendor": dict(sorted(vrows.items(), key=lambda kv: int(kv[0]))),
            "psa": dict(sorted(prow.items(), key=lambda kv: int(kv[0]))),
        },
    }
    path = out_dir / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
