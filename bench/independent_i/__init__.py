"""Set I: a ninth independent evaluation set for Leakage Finder (see README.md).

from bench.independent_i import VENDOR_FORMATS, PSA_FORMATS, generate_case
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from .formats import PSAS, VENDORS
from .scenario import build, findings

VENDOR_FORMATS: list[str] = list(VENDORS)
PSA_FORMATS: list[str] = list(PSAS)


def generate_case(
    folder: Path,
    seed: int = 1,
    vendor_format: str = VENDOR_FORMATS[0],
    psa_format: str = PSA_FORMATS[0],
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    """Write the vendor file, the PSA file and truth.json into `folder`; return truth.json's path."""
    if vendor_format not in VENDORS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; choose from {VENDOR_FORMATS}")
    if psa_format not in PSAS:
        raise ValueError(f"unknown PSA format {psa_format!r}; choose from {PSA_FORMATS}")
    if not 20 <= clients <= 1000:
        raise ValueError("clients must be between 20 and 1000 (the set is designed for 60-300)")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    currency, vendor_writer = VENDORS[vendor_format]
    scen = build(seed, clients, currency, perturb)
    # the layout's own randomness (statuses, spacing) never depends on perturb
    vendor_file, vrows = vendor_writer(
        scen, folder, random.Random(f"v/{seed}/{clients}/{vendor_format}")
    )
    psa_file, prows = PSAS[psa_format](
        scen, folder, random.Random(f"p/{seed}/{clients}/{psa_format}")
    )
    if len(set(vrows.values())) != len(scen.vendor) or len(set(prows.values())) != len(scen.psa):
        raise AssertionError("two lines rendered on one row")  # a renderer bug, never data
    rows: dict[str, dict[str, dict[str, object]]] = {"vendor": {}, "psa": {}}
    for i, v in enumerate(scen.vendor):
        rows["vendor"][str(vrows[i])] = {
            "client": v.client.canonical,
            "product": v.product,
            "role": v.role,
            "classes": [],
        }
    for i, p in enumerate(scen.psa):
        classes = sorted(set(p.classes) | ({p.client.name_class} if p.client.name_class else set()))
        rows["psa"][str(prows[i])] = {
            "client": p.client.canonical,
            "product": p.product,
            "role": p.role,
            "classes": classes,
        }
    truth = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vendor_file,
        "psa_file": psa_file,
        "vendor_sheet": None,
        "psa_sheet": None,
        "currency": currency,
        "period": scen.period,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings(scen, vrows, prows),
        "rows": rows,
    }
    path = folder / "truth.json"
    path.write_text(
        json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8"
    )
    return path
