"""Set H: an eighth independent evaluation set for Leakage Finder (see README.md here).

    from bench.independent_h import VENDOR_FORMATS, PSA_FORMATS, generate_case
    truth = generate_case(Path("out"), seed=1, vendor_format="dustin_se",
                          psa_format="fortnox_se", clients=200, perturb=True)

Written from the issue texts, the rules, the truth format and public facts about the exports only;
it shares no code or vocabulary with the tool.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, cast

from .catalog import BY_KEY
from .perturb import apply
from .psa import PSA_INFO, PSAS, price_text
from .scenario import CURRENCIES, Scenario, findings, make_scenario
from .vendors import VENDOR_INFO, VENDORS, vendor_names

VENDOR_FORMATS: list[str] = list(VENDORS)
PSA_FORMATS: list[str] = list(PSAS)
PERIOD = "2026-11"


def build(seed: int, vendor_format: str, psa_format: str, clients: int, perturb: bool) -> Scenario:
    """The scenario with the spellings of this pair (clean or perturbed)."""
    if vendor_format not in VENDORS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; one of {VENDOR_FORMATS}")
    if psa_format not in PSAS:
        raise ValueError(f"unknown PSA format {psa_format!r}; one of {PSA_FORMATS}")
    if not 10 <= clients <= 400:
        raise ValueError(
            "clients must be between 10 and 400 (the brief asks for 60-300; the name "
            "pool holds about 600 distinct customers)"
        )
    currency = VENDOR_INFO[vendor_format][0]
    sc = make_scenario(seed, clients, currency, PERIOD)
    sc.vendor_names = vendor_names(sc, vendor_format)
    language, multiline, limit, encoding = PSA_INFO[psa_format]
    apply(
        sc,
        perturb,
        language,
        multiline,
        vendor_format == "partner_center_recon_2026",
        limit,
        price_text(psa_format, CURRENCIES[currency][1]),
        encoding,
    )
    return sc


def generate_case(
    folder: Path,
    seed: int = 1,
    vendor_format: str = "dustin_se",
    psa_format: str = "fortnox_se",
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    """Write the vendor file, the PSA file and truth.json into ``folder``; return truth.json's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sc = build(seed, vendor_format, psa_format, clients, perturb)
    v_name, v_bytes, v_rows, v_sheet = VENDORS[vendor_format](
        sc, random.Random(f"independent-h/vendor/{seed}/{clients}/{vendor_format}")
    )
    p_name, p_bytes, p_rows, p_sheet = PSAS[psa_format](
        sc, random.Random(f"independent-h/psa/{seed}/{clients}/{psa_format}")
    )
    (folder / v_name).write_bytes(v_bytes)
    (folder / p_name).write_bytes(p_bytes)
    decimals = CURRENCIES[sc.currency][1]
    found = findings(sc, v_rows, p_rows, decimals)
    for f in found:
        client, product = cast(tuple[int, str], f.pop("key"))
        classes: set[str] = set(sc.client_classes[client])
        for line in sc.psa:
            if line.client == client and line.product == product and line.role == "licence":
                classes.update(line.classes)
        f["classes"] = sorted(classes)
    rows: dict[str, dict[str, Any]] = {"vendor": {}, "psa": {}}
    for i, v in enumerate(sc.vendor):
        rows["vendor"][str(v_rows[i])] = {
            "client": sc.customers[v.client].name,
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": [],
        }
    for i, p in enumerate(sc.psa):
        rows["psa"][str(p_rows[i])] = {
            "client": sc.customers[p.client].name,
            "product": BY_KEY[p.product].name if p.product else p.service,
            "role": p.role,
            "classes": sorted(set(sc.client_classes[p.client]) | set(p.classes)),
        }
    truth = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": v_name,
        "psa_file": p_name,
        "vendor_sheet": v_sheet,
        "psa_sheet": p_sheet,
        "currency": sc.currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": found,
        "rows": {
            side: dict(sorted(r.items(), key=lambda kv: int(kv[0]))) for side, r in rows.items()
        },
    }
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
