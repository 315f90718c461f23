"""A tenth independent evaluation set (``bench/independent_j``): vendor bills and PSA/accounting
exports in layouts the other sets do not write, with its own perturbation library.

    from bench.independent_j import VENDOR_FORMATS, PSA_FORMATS, generate_case
    truth = generate_case(Path(folder), seed=1, vendor_format="atea_fi_xlsx",
                          psa_format="bexio_csv", clients=200, perturb=True)

See README.md in this folder for the formats, their traps and the perturbation classes.
"""

from __future__ import annotations

import json
from pathlib import Path

from .psas import PSAS
from .scenario import PERIOD, apply_spellings, build, findings
from .vendors import VENDORS

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "generate_case"]


def generate_case(
    folder: Path,
    seed: int = 1,
    vendor_format: str = VENDOR_FORMATS[0],
    psa_format: str = PSA_FORMATS[0],
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    """Write the vendor file, the PSA file and truth.json into ``folder``; return truth.json's path."""
    if vendor_format not in VENDORS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; choose from {VENDOR_FORMATS}")
    if psa_format not in PSAS:
        raise ValueError(f"unknown PSA format {psa_format!r}; choose from {PSA_FORMATS}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vspec, vrender = VENDORS[vendor_format]
    pspec, prender, pprice = PSAS[psa_format]
    sc = build(seed, vendor_format, psa_format, clients, vspec, pspec)
    apply_spellings(sc, perturb, lambda v: pprice(v, sc.dp), pspec.locale)
    vendor_file, vrows = vrender(sc, folder)
    psa_file, prows, echo = prender(sc, folder)
    rows_v: dict[str, dict[str, object]] = {}
    for v in sc.vlines:
        rows_v[str(vrows[v.id])] = {
            "client": v.client,
            "product": v.product,
            "role": v.role,
            "classes": [],
        }
    rows_p: dict[str, dict[str, object]] = {}
    for p in sc.plines:
        name_cls = sc.psa_names[p.client][0]
        rows_p[str(prows[p.id])] = {
            "client": p.client,
            "product": p.product,
            "role": p.role,
            "classes": sorted(set(p.classes) | ({name_cls} if name_cls else set())),
        }
    for row, line_id in echo.items():
        rows_p[str(row)] = dict(rows_p[str(prows[line_id])])
    rows_v = dict(sorted(rows_v.items(), key=lambda kv: int(kv[0])))
    rows_p = dict(sorted(rows_p.items(), key=lambda kv: int(kv[0])))
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
        "currency": sc.currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings(sc, vrows, prows),
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
