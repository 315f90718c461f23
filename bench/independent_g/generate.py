"""Render a scenario in one vendor format and one PSA format, and write the truth beside them."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

from .catalog import BY_KEY
from .psas import PSA
from .rules import Line, findings
from .scenario import PERIOD, Scenario, build
from .vendors import VENDOR, Rendered

VENDOR_FORMATS: tuple[str, ...] = tuple(VENDOR)
PSA_FORMATS: tuple[str, ...] = tuple(PSA)


def _product_name(key: str) -> str:
    product = BY_KEY.get(key)
    return product.name if product else key


def truth_of(
    scn: Scenario, vendor: Rendered, psa: Rendered, perturb: bool
) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """Row labels of both files and the findings they imply."""
    vrows: dict[str, Any] = {}
    prows: dict[str, Any] = {}
    lines: list[Line] = []
    row_classes: dict[tuple[str, int], list[str]] = {}
    for row, index in sorted(vendor.line_of_row.items()):
        v = scn.vendor[index]
        client = scn.clients[v.client].name
        classes = [vendor.name_class] if perturb and vendor.name_class else []
        vrows[str(row)] = {
            "client": client,
            "product": _product_name(v.product),
            "role": v.role,
            "classes": classes,
        }
        row_classes[("vendor", row)] = classes
        if v.role in {"licence", "credit"}:
            monthly = Fraction(v.unit) / 12 if v.billing == "annual" else Fraction(v.unit)
            lines.append(Line("vendor", client, _product_name(v.product), v.qty, monthly, row))
    for row, index in sorted(psa.line_of_row.items()):
        p = scn.psa[index]
        client = scn.clients[p.client].name
        classes = sorted(set(p.classes) | {scn.psa_names[p.client][1]}) if perturb else []
        prows[str(row)] = {
            "client": client,
            "product": _product_name(p.product),
            "role": p.role,
            "classes": classes,
        }
        row_classes[("psa", row)] = classes
        if p.role == "licence":
            monthly = Fraction(p.unit) / 12 if p.billing == "annual" else Fraction(p.unit)
            lines.append(Line("psa", client, _product_name(p.product), p.qty, monthly, row))
    by_name = {c.name: c.key for c in scn.clients}
    out: list[dict[str, Any]] = []
    for f in findings(lines):
        union: set[str] = set()
        for row in f.vendor_rows:
            union |= set(row_classes[("vendor", row)])
        for row in f.psa_rows:
            union |= set(row_classes[("psa", row)])
        key = by_name[f.client]
        if perturb and key in scn.on_psa:
            union.add(scn.psa_names[key][1])
        out.append(
            {
                "type": f.type,
                "monthly_impact": f.monthly_impact,
                "client": f.client,
                "product": f.product,
                "vendor_rows": list(f.vendor_rows),
                "psa_rows": list(f.psa_rows),
                "classes": sorted(union),
            }
        )
    return vrows, prows, out


def _dump(truth: dict[str, Any]) -> str:
    """JSON with one finding and one row label per line: readable, and fast (C encoder)."""

    def enc(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    head = [f" {enc(k)}: {enc(v)}" for k, v in truth.items() if k not in {"findings", "rows"}]
    findings = ",\n".join(f"  {enc(f)}" for f in truth["findings"])
    sides = []
    for side in ("vendor", "psa"):
        rows = ",\n".join(f"   {enc(k)}: {enc(v)}" for k, v in truth["rows"][side].items())
        sides.append(f"  {enc(side)}: {{\n{rows}\n  }}")
    body = ",\n".join(
        [*head, f' "findings": [\n{findings}\n ]', ' "rows": {\n' + ",\n".join(sides) + "\n }"]
    )
    return "{\n" + body + "\n}\n"


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
        raise ValueError(f"unknown vendor format {vendor_format!r}; one of {VENDOR_FORMATS}")
    if psa_format not in PSA:
        raise ValueError(f"unknown PSA format {psa_format!r}; one of {PSA_FORMATS}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    fmt = VENDOR[vendor_format]
    scn = build(seed, clients, fmt.currency)
    vendor = fmt.render(scn, perturb, out_dir)
    psa = PSA[psa_format].render(scn, perturb, out_dir)
    vrows, prows, found = truth_of(scn, vendor, psa, perturb)
    truth = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vendor.file,
        "psa_file": psa.file,
        "vendor_sheet": vendor.sheet,
        "psa_sheet": psa.sheet,
        "currency": fmt.currency,
        "period": PERIOD,
        "row_numbering": "1-based row of the sheet or CSV record, header and title rows counted",
        "findings": found,
        "rows": {"vendor": vrows, "psa": prows},
    }
    path = out_dir / "truth.json"
    path.write_text(_dump(truth), encoding="utf-8")
    return path
