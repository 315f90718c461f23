"""A second independent evaluation set: realistic vendor bills and PSA exports with a truth file.

Written without reading the engine, the add-in, the tests or the earlier generator
(bench/independent): its formats, names and perturbation vocabulary are its own. See README.md.

    from bench.independent_b import generate_case
    truth_path = generate_case(Path("case"), seed=1, vendor_format="pax8_invoice_csv",
                               psa_format="connectwise_additions", clients=120)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .catalogue import BY_KEY
from .psa_formats import PSA
from .scenario import PERIOD, Scenario, build, cents, findings
from .vendor_formats import VENDOR

VENDOR_FORMATS: list[str] = list(VENDOR)
PSA_FORMATS: list[str] = list(PSA)


def generate_case(
    out_dir: Path,
    seed: int,
    vendor_format: str,
    psa_format: str,
    clients: int,
    perturb: bool = True,
) -> Path:
    """Write vendor file, PSA file and truth.json into `out_dir`; return the truth.json path."""
    if vendor_format not in VENDOR:
        raise ValueError(f"unknown vendor format {vendor_format!r}; choose from {VENDOR_FORMATS}")
    if psa_format not in PSA:
        raise ValueError(f"unknown PSA format {psa_format!r}; choose from {PSA_FORMATS}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    renderer, currency, microsoft_only = VENDOR[vendor_format]
    scenario = build(seed, clients, microsoft_only, perturb)
    vendor_file, vendor_sheet, vendor_rows = renderer(scenario, out_dir)
    psa_file, psa_sheet, psa_rows = PSA[psa_format](scenario, out_dir, currency)
    truth = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vendor_file,
        "psa_file": psa_file,
        "vendor_sheet": vendor_sheet,
        "psa_sheet": psa_sheet,
        "currency": currency,
        "period": PERIOD,
        **truth_of(scenario, vendor_rows, psa_rows),
    }
    path = out_dir / "truth.json"
    path.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _psa_product(scenario: Scenario, index: int) -> str:
    line = scenario.psa[index]
    return BY_KEY[line.product].name if line.product else line.text


def truth_of(
    scenario: Scenario, vendor_rows: dict[int, int], psa_rows: dict[int, int]
) -> dict[str, Any]:
    """The findings (rules.md, exact) and every line's label, keyed by rendered row."""
    clients = scenario.clients
    rows: dict[str, dict[str, Any]] = {"vendor": {}, "psa": {}}
    on_psa = {scenario.psa[i].client for i in psa_rows}
    for index, row in vendor_rows.items():
        v = scenario.vendor[index]
        rows["vendor"][str(row)] = {
            "client": clients[v.client].canonical,
            "product": BY_KEY[v.product].name,
            "role": v.role,
            "classes": sorted(set(clients[v.client].vendor_classes)),
        }
    for index, row in psa_rows.items():
        p = scenario.psa[index]
        own_name = [clients[p.client].psa_class] if scenario.perturbed else []
        rows["psa"][str(row)] = {
            "client": clients[p.client].canonical,
            "product": _psa_product(scenario, index),
            "role": p.role,
            "classes": sorted(set(p.classes + own_name)),
        }
    vendor_licence = [
        (clients[v.client].canonical, BY_KEY[v.product].name, v.qty, v.monthly)
        for i, v in enumerate(scenario.vendor)
        if i in vendor_rows and v.role in ("licence", "credit")
    ]
    psa_licence = [
        (clients[p.client].canonical, _psa_product(scenario, i), p.qty, p.monthly)
        for i, p in enumerate(scenario.psa)
        if i in psa_rows and p.role == "licence"
    ]
    by_pair: dict[tuple[str, str], dict[str, list[int]]] = {}
    for side, mapping in (("vendor", rows["vendor"]), ("psa", rows["psa"])):
        for row_key, info in mapping.items():
            if info["role"] in ("licence", "credit"):
                by_pair.setdefault((info["client"], info["product"]), {"vendor": [], "psa": []})[
                    side
                ].append(int(row_key))
    name_class = {c.canonical: c.psa_class for i, c in enumerate(clients) if i in on_psa}
    out = []
    for kind, client, product, impact in findings(vendor_licence, psa_licence):
        pair = by_pair[(client, product)]
        classes: set[str] = set()
        for side in ("vendor", "psa"):
            for number in pair[side]:
                classes |= set(rows[side][str(number)]["classes"])
        if scenario.perturbed and client in name_class:
            classes.add(name_class[client])
        out.append(
            {
                "type": kind,
                "monthly_impact": cents(impact),
                "client": client,
                "product": product,
                "vendor_rows": sorted(pair["vendor"]),
                "psa_rows": sorted(pair["psa"]),
                "classes": sorted(classes),
            }
        )
    return {"findings": out, "rows": rows}
