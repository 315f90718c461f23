"""Set D: a fourth, independent evaluation set (vendor bill + PSA export + truth.json per case).

Written from the issues, rules.md, truth-format.md and the reference notes only. See README.md.
"""

from __future__ import annotations

import json
from pathlib import Path

from .psas import FORMATS as PSA
from .render import write
from .scenario import PERIOD, Caps, build
from .truth import build_truth
from .vendors import FORMATS as VENDOR

VENDOR_FORMATS: tuple[str, ...] = tuple(VENDOR)
PSA_FORMATS: tuple[str, ...] = tuple(PSA)

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "generate_case"]


def generate_case(
    out_dir: Path,
    seed: int,
    vendor_format: str,
    psa_format: str,
    clients: int,
    perturb: bool = True,
) -> Path:
    """Write the vendor file, the PSA file and truth.json into ``out_dir``; return truth.json's path."""
    if vendor_format not in VENDOR:
        raise ValueError(
            f"unknown vendor format {vendor_format!r}; known: {', '.join(VENDOR_FORMATS)}"
        )
    if psa_format not in PSA:
        raise ValueError(f"unknown PSA format {psa_format!r}; known: {', '.join(PSA_FORMATS)}")
    vf, pf = VENDOR[vendor_format], PSA[psa_format]
    caps = Caps(
        ms_only=vf.ms_only,
        has_domain=vf.has_domain,
        charset=vf.charset,
        psa_cancel=pf.cancel,
        psa_not_billable=pf.not_billable,
        psa_annual=pf.annual,
    )
    sc = build(seed, clients, vf.currency, caps, f"{vendor_format}|{psa_format}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    vout = vf.render(sc, perturb)
    pout = pf.render(sc, perturb)
    write(vout, out_dir)
    write(pout, out_dir)
    meta: dict[str, object] = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vout.filename,
        "psa_file": pout.filename,
        "vendor_sheet": vout.sheet_name(),
        "psa_sheet": pout.sheet_name(),
        "currency": sc.currency,
        "period": PERIOD,
        "row_numbers": "1-based row of the file or sheet, as Excel shows it (header rows count)",
    }
    truth = build_truth(sc, vout.refs, pout.refs, perturb, vf.upper_tenant, meta)
    path = out_dir / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
