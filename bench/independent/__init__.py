"""Independent evaluation data for Leakage Finder: realistic vendor bills and PSA exports plus truth.

Written only from the public facts in the briefs (rules.md, exports.md, the issues) and from
public documentation; it never reads or runs the engine. See README.md in this folder.
"""

from __future__ import annotations

import json
import pathlib
import random

from . import render_psa, render_vendor
from .perturb import CLIENT_CLASSES, PRODUCT_CLASSES
from .scenario import PERIOD, PLine, Scenario, VLine, build, findings, money

VENDOR_FORMATS: tuple[str, ...] = tuple(render_vendor.RENDERERS)
PSA_FORMATS: tuple[str, ...] = tuple(render_psa.RENDERERS)

__all__ = [
    "CLIENT_CLASSES",
    "PRODUCT_CLASSES",
    "PSA_FORMATS",
    "VENDOR_FORMATS",
    "build_case",
    "generate_case",
]


def build_case(
    *, seed: int, vendor_format: str, clients: int = 80, perturb: bool = True
) -> Scenario:
    """The scenario (no files): depends on the seed, size and the vendor's currency/catalogue only."""
    if clients < 20:
        raise ValueError(
            f"clients must be at least 20 (the sibling and store traps alone take 13); got {clients}"
        )
    if vendor_format not in render_vendor.VENDOR_SPEC:
        raise ValueError(
            f"unknown vendor format {vendor_format!r}; known: {', '.join(VENDOR_FORMATS)}"
        )
    currency, ms_only = render_vendor.VENDOR_SPEC[vendor_format]
    return build(seed, clients, currency, ms_only, perturb, cp1252=vendor_format == "cloudmore")


def generate_case(
    out_dir: pathlib.Path,
    *,
    seed: int,
    vendor_format: str,
    psa_format: str,
    clients: int = 80,
    perturb: bool = True,
) -> pathlib.Path:
    """Write the vendor file, the PSA file and truth.json into out_dir; return truth.json's path."""
    if psa_format not in render_psa.RENDERERS:
        raise ValueError(f"unknown PSA format {psa_format!r}; known: {', '.join(PSA_FORMATS)}")
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sc = build_case(seed=seed, vendor_format=vendor_format, clients=clients, perturb=perturb)
    v_name, v_sheet, v_rows = render_vendor.RENDERERS[vendor_format](
        sc, out_dir, random.Random(seed * 31 + 1)
    )
    p_name, p_sheet, p_rows = render_psa.RENDERERS[psa_format](
        sc, out_dir, random.Random(seed * 31 + 2)
    )
    truth = _truth(sc, v_rows, p_rows)
    doc = {
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
        **truth,
    }
    path = out_dir / "truth.json"
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _client_classes(c) -> list[str]:  # type: ignore[no-untyped-def]
    return list(c.name_classes)


def _truth(sc: Scenario, v_rows: dict[int, VLine], p_rows: dict[int, PLine]) -> dict:
    v_at: dict[tuple[str, str], list[int]] = {}
    p_at: dict[tuple[str, str], list[int]] = {}
    rows_v: dict[str, dict] = {}
    rows_p: dict[str, dict] = {}
    cls_v: dict[tuple[str, str], set[str]] = {}
    cls_p: dict[tuple[str, str], set[str]] = {}
    for r, v in sorted(v_rows.items()):
        rows_v[str(r)] = {
            "client": v.client.name,
            "product": v.product.name,
            "role": v.role,
            "classes": sorted(set(v.classes)),
        }
        if v.role != "free":
            key = (v.client.cid, v.product.key)
            v_at.setdefault(key, []).append(r)
            cls_v.setdefault(key, set()).update(v.classes)
    for r, p in sorted(p_rows.items()):
        line_classes = set(p.classes) | set(_client_classes(p.client))
        rows_p[str(r)] = {
            "client": p.client.name,
            "product": p.canonical,
            "role": p.role,
            "classes": sorted(line_classes),
        }
        if p.role == "licence" and p.product is not None:
            key = (p.client.cid, p.product.key)
            p_at.setdefault(key, []).append(r)
            cls_p.setdefault(key, set()).update(p.classes)
    psa_side = {p.client.cid for p in sc.plines}
    by_cid = {c.cid: c for c in sc.clients}
    out = []
    for f in findings(sc):
        key = (f["cid"], f["pkey"])
        classes = set(cls_v.get(key, set())) | set(cls_p.get(key, set()))
        if f["cid"] in psa_side:
            classes |= set(by_cid[f["cid"]].name_classes)
        out.append(
            {
                "type": f["type"],
                "monthly_impact": str(money(f["impact"])),
                "client": f["client"],
                "product": f["product"],
                "vendor_rows": v_at.get(key, []),
                "psa_rows": p_at.get(key, []),
                "classes": sorted(classes),
            }
        )
    return {"findings": out, "rows": {"vendor": rows_v, "psa": rows_p}}
