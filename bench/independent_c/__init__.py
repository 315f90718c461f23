"""A third independent evaluation set: one month of one MSP's vendor bill and PSA export, with truth.

Written only from the issue texts, the rules, the truth format, shared/reference/exports.md and
Microsoft's product table; it shares no code or vocabulary with the engine. See README.md.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from .psas import PSAS
from .scenario import PERIOD, Caps, Scenario, build
from .truth import findings
from .vendors import VENDORS, Rendered

VENDOR_FORMATS: tuple[str, ...] = tuple(VENDORS)
PSA_FORMATS: tuple[str, ...] = tuple(PSAS)

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "case_scenario", "generate_case"]


def case_caps(vendor_format: str, psa_format: str) -> Caps:
    """What the two formats can express together."""
    if vendor_format not in VENDORS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; choose from {VENDOR_FORMATS}")
    if psa_format not in PSAS:
        raise ValueError(f"unknown PSA format {psa_format!r}; choose from {PSA_FORMATS}")
    _, ms_only, currency = VENDORS[vendor_format]
    psa_caps = PSAS[psa_format][1]
    return Caps(**{**psa_caps.__dict__, "microsoft_only": ms_only, "currency": currency})


def case_scenario(
    seed: int, vendor_format: str, psa_format: str, clients: int, perturb: bool = True
) -> Scenario:
    """The scenario ``generate_case`` renders (before rendering marks vendor spellings)."""
    caps = case_caps(vendor_format, psa_format)
    return build(seed, clients, caps, perturb, f"{vendor_format}|{psa_format}")


def render_case(
    out_dir: Path, seed: int, vendor_format: str, psa_format: str, clients: int, perturb: bool
) -> tuple[Scenario, Rendered, Rendered, dict[str, Any]]:
    """Render both files and build the truth document; returns everything for tests."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sc = case_scenario(seed, vendor_format, psa_format, clients, perturb)
    key = f"{seed}|{clients}|{vendor_format}|{psa_format}"
    vr = VENDORS[vendor_format][0](
        sc, random.Random(f"independent_c|vlayout|{key}"), perturb, out_dir
    )
    pr = PSAS[psa_format][0](sc, random.Random(f"independent_c|playout|{key}"), out_dir)
    truth: dict[str, Any] = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vr.file,
        "psa_file": pr.file,
        "vendor_sheet": vr.sheet,
        "psa_sheet": pr.sheet,
        "currency": sc.caps.currency,
        "period": PERIOD,
        "findings": findings(sc, vr.rows, pr.rows, perturb),
        "rows": {
            "vendor": {
                str(vr.rows[v.uid]): {
                    "client": v.client.canonical,
                    "product": v.product.name,
                    "role": v.role,
                    "classes": sorted(v.classes) if perturb else [],
                }
                for v in sorted(sc.vendor, key=lambda v: vr.rows[v.uid])
            },
            "psa": {
                str(pr.rows[p.uid]): {
                    "client": p.client.canonical,
                    "product": p.label,
                    "role": p.role,
                    "classes": sorted({*p.classes, sc.psa_names[p.client.idx][1]})
                    if perturb
                    else [],
                }
                for p in sorted(sc.psa, key=lambda p: pr.rows[p.uid])
            },
        },
    }
    return sc, vr, pr, truth


def generate_case(
    out_dir: Path,
    seed: int,
    vendor_format: str,
    psa_format: str,
    clients: int,
    perturb: bool = True,
) -> Path:
    """Write the vendor file, the PSA file and truth.json into ``out_dir``; return truth.json."""
    _, _, _, truth = render_case(Path(out_dir), seed, vendor_format, psa_format, clients, perturb)
    path = Path(out_dir) / "truth.json"
    path.write_text(dump_truth(truth), encoding="utf-8")
    return path


def dump_truth(truth: dict[str, Any]) -> str:
    """JSON with one finding and one row per line: readable, diffable, and fast to write."""

    def enc(x: object) -> str:
        return json.dumps(x, ensure_ascii=False)

    head = [f" {enc(k)}: {enc(v)}" for k, v in truth.items() if k not in ("findings", "rows")]
    finds = ",\n".join(f"  {enc(f)}" for f in truth["findings"])
    sides = []
    for side in ("vendor", "psa"):
        rows = ",\n".join(f"   {enc(k)}: {enc(v)}" for k, v in truth["rows"][side].items())
        sides.append(f"  {enc(side)}: {{\n{rows}\n  }}")
    body = ",\n".join(
        [*head, f' "findings": [\n{finds}\n ]', ' "rows": {\n' + ",\n".join(sides) + "\n }"]
    )
    return "{\n" + body + "\n}\n"
