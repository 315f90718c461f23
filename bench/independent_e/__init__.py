"""Evaluation set E: a vendor bill, a PSA export and truth.json, written independently.

``generate_case`` is the scorer's entry point; see README.md beside this file.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

from . import catalogue as cat
from .columns import drop_optional
from .psa_formats import PSAS, PsaRender
from .rules import Fact, cents, findings
from .scenario import PERIOD, Capabilities, Scenario, build, client_classes, rng_for
from .vendor_formats import VENDORS, VendorRender
from .writers import write_csv, write_xls, write_xlsx

VENDOR_FORMATS: tuple[str, ...] = tuple(VENDORS)
PSA_FORMATS: tuple[str, ...] = tuple(PSAS)

__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "generate_case", "scenario_for"]


def scenario_for(
    seed: int, vendor_format: str, psa_format: str, clients: int, perturb: bool = True
) -> Scenario:
    if vendor_format not in VENDORS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; known: {VENDOR_FORMATS}")
    if psa_format not in PSAS:
        raise ValueError(f"unknown PSA format {psa_format!r}; known: {PSA_FORMATS}")
    vf = VENDORS[vendor_format]
    pf = PSAS[psa_format]
    caps = Capabilities(
        currency=vf.currency,
        vendor_domain=vf.domain,
        vendor_annual=True,
        vendor_credits=True,
        third_party=vf.third_party,
        psa_annual=pf.annual,
        psa_cancelled=pf.cancelled,
        sku_style=vf.sku_style,
    )
    return build(seed, clients, caps, perturb, f"{vendor_format}|{psa_format}")


def _write(out_dir: Path, render: VendorRender | PsaRender, stem: str) -> str:
    name = f"{stem}_{render.filename}"
    path = out_dir / name
    if render.kind == "csv":
        opts = render.csv_options
        write_csv(
            path,
            render.sheets[0],
            delimiter=str(opts.get("delimiter", ",")),
            encoding=str(opts.get("encoding", "utf-8")),
            bom=bool(opts.get("bom", False)),
        )
    elif render.kind == "xlsx":
        write_xlsx(path, render.sheets)
    else:
        write_xls(path, render.sheets)
    return name


def _vendor_classes(scen: Scenario, vendor_format: str, idx: int) -> list[str]:
    if not scen.perturb:
        return []
    client = scen.clients[idx]
    classes = list(client.vendor_classes)
    if vendor_format == "also_marketplace_de" and "accents" not in classes:
        try:
            client.vendor_name.encode("cp1252")
        except UnicodeEncodeError:
            classes.append("accents")
    return classes


def generate_case(
    out_dir: Path,
    seed: int,
    vendor_format: str,
    psa_format: str,
    clients: int,
    perturb: bool = True,
) -> Path:
    """Write the vendor file, the PSA file and truth.json into ``out_dir``; return truth's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    scen = scenario_for(seed, vendor_format, psa_format, clients, perturb)
    vr = VENDORS[vendor_format].render(scen)
    pr = PSAS[psa_format].render(scen)
    layout = rng_for("columns", seed, vendor_format, psa_format, clients)
    for render, fmt in ((vr, vendor_format), (pr, psa_format)):
        data = next((s for s in render.sheets if s.name == render.data_sheet), render.sheets[-1])
        drop_optional(data, fmt, layout)
    vendor_file = _write(out_dir, vr, "vendor")
    psa_file = _write(out_dir, pr, "psa")

    by_idx = {c.idx: c for c in scen.clients}
    vfacts: list[Fact] = []
    vrows: dict[str, dict[str, object]] = {}
    row_classes: dict[tuple[str, int], list[str]] = {}
    for vline, row in vr.rows:
        client = by_idx[vline.client]
        product = cat.BY_KEY[vline.product].name
        vfacts.append(
            Fact(
                row,
                client.canonical,
                product,
                vline.role,
                vline.qty,
                Fraction(vline.unit),
                vline.annual,
            )
        )
        classes = _vendor_classes(scen, vendor_format, client.idx)
        row_classes[("v", row)] = classes
        vrows[str(row)] = {
            "client": client.canonical,
            "product": product,
            "role": vline.role,
            "classes": classes,
        }
    pfacts: list[Fact] = []
    prows: dict[str, dict[str, object]] = {}
    for pline, row in pr.rows:
        client = by_idx[pline.client]
        product = cat.BY_KEY[pline.product].name if pline.product else pline.clean
        pfacts.append(
            Fact(
                row,
                client.canonical,
                product,
                pline.role,
                pline.qty,
                Fraction(pline.unit),
                pline.annual,
            )
        )
        raw = sorted(set(pline.classes + client_classes(client, True))) if perturb else []
        row_classes[("p", row)] = raw
        shown = raw if raw or not perturb else ["untouched"]
        prows[str(row)] = {
            "client": client.canonical,
            "product": product,
            "role": pline.role,
            "classes": shown,
        }
    canon_to_client = {c.canonical: c for c in scen.clients}
    out_findings = []
    for f in findings(vfacts, pfacts):
        union: set[str] = set()
        for r in f.vendor_rows:
            union.update(row_classes[("v", r)])
        for r in f.psa_rows:
            union.update(row_classes[("p", r)])
        client = canon_to_client[f.client]
        if perturb and client.on_psa:
            union.update(client_classes(client, True))
        if perturb and not union:
            union.add("untouched")
        out_findings.append(
            {
                "type": f.type,
                "monthly_impact": cents(f.impact),
                "client": f.client,
                "product": f.product,
                "vendor_rows": f.vendor_rows,
                "psa_rows": f.psa_rows,
                "classes": sorted(union),
            }
        )
    truth = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vendor_file,
        "psa_file": psa_file,
        "vendor_sheet": vr.data_sheet,
        "psa_sheet": pr.data_sheet,
        "currency": scen.currency,
        "period": PERIOD,
        "row_numbers": "1-based physical rows: CSV line number, or sheet row number",
        "findings": out_findings,
        "rows": {"vendor": vrows, "psa": prows},
    }
    path = out_dir / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
