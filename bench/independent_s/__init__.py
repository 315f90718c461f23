"""Independent evaluation set "S" for the MSP billing-reconciliation tool (Leakage Finder).

from independent_s import VENDOR_FORMATS, PSA_FORMATS, generate_case
truth_path = generate_case(Path(folder), seed=1, vendor_format=VENDOR_FORMATS[0],
                           psa_format=PSA_FORMATS[0], clients=200, perturb=True)
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from decimal import Decimal as D
from pathlib import Path

from .formats import PSA_SPECS, VENDOR_SPECS
from .perturb import DescPerturber, NamePerturber
from .scenario import compute_findings, make_scenario, q2
from .vocab import PRODUCT

VENDOR_FORMATS = list(VENDOR_SPECS)
PSA_FORMATS = list(PSA_SPECS)
PERIOD = "2026-11"

__all__ = ["VENDOR_FORMATS", "PSA_FORMATS", "generate_case", "build_case"]


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).casefold()
    return re.sub(r"[^0-9a-z]", "", "".join(c for c in s if not unicodedata.combining(c)))


def _adapt_psa(plines, spec) -> None:
    """Express each PSA line with what the format can show (same for clean and perturbed cases)."""
    for p in plines:
        if p.role in ("cancelled", "paused", "voided") and p.role not in spec["inactive"]:
            p.role = spec["inactive"][0]
        if p.period == "yearly" and not spec["yearly"]:
            p.price, p.period = p.price / 12, "monthly"
        if p.disc and not spec["disc"]:
            p.price, p.disc = q2(p.price * (100 - p.disc) / 100), 0
        if p.less_included and not spec.get("less_included"):
            p.qty, p.less_included = p.qty - p.less_included, 0


def build_case(seed: int, vendor_format: str, psa_format: str, clients: int, perturb: bool):
    if vendor_format not in VENDOR_SPECS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; one of {VENDOR_FORMATS}")
    if psa_format not in PSA_SPECS:
        raise ValueError(f"unknown PSA format {psa_format!r}; one of {PSA_FORMATS}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    vspec, pspec = VENDOR_SPECS[vendor_format], PSA_SPECS[psa_format]
    sc = make_scenario(seed, clients, vspec["ms_only"])
    for i, p in enumerate(sc.plines):
        p.idx = i
    for i, v in enumerate(sc.vlines):
        v.idx = i
    _adapt_psa(sc.plines, pspec)
    traits = dict(pspec["traits"], vendor_has_domain=vspec["domain"])
    rng = random.Random(f"set-S-perturb|{seed}|{clients}|{vendor_format}|{psa_format}")
    baskets: dict[int, set] = {}
    for v in sc.vlines:
        baskets.setdefault(v.client.cid, set()).add(v.pkey)
    for p in sc.plines:
        if p.pkey:
            baskets.setdefault(p.client.cid, set()).add(p.pkey)
    name_of: dict[int, tuple[str, str, list]] = {}
    psa_clients = {p.client.cid: p.client for p in sc.plines}
    if perturb:
        npert = NamePerturber(rng, traits, vspec["currency"])
        taken = {_norm(c.name): c.cid for c in sc.clients}
        for cid in sorted(psa_clients):
            c = psa_clients[cid]
            if rng.random() < 0.72:
                name, site, cls = npert.perturb(c)
                key = _norm(name + site)
                # honesty: never equal (after folding) another client's name or perturbed name
                if taken.get(key, cid) != cid or (len(_norm(name)) < 4):
                    name, site, cls = c.name, "", []
                elif cls:
                    taken[key] = cid
                name_of[cid] = (name, site, cls)
        dpert = DescPerturber(rng, traits, vspec["cc"])
    for p in sc.plines:
        name, site, ccls = name_of.get(p.client.cid, (p.client.name, "", []))
        p.name, p.site = name, site
        p.desc, dcls = p.text, []
        if perturb and p.pkey and rng.random() < 0.75:
            p.desc, dcls = dpert.perturb(p, baskets[p.client.cid])
        p.classes = sorted(set(dcls) | set(ccls))
    layout = random.Random(f"set-S-layout|{seed}|{clients}|{vendor_format}|{psa_format}")
    ctx = {"layout": layout, "currency": vspec["currency"]}
    return sc, vspec, pspec, ctx


def generate_case(
    folder: Path,
    seed: int,
    vendor_format: str,
    psa_format: str,
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    """Write the vendor file, the PSA file and truth.json into folder; return truth.json's path."""
    return _generate(folder, seed, vendor_format, psa_format, clients, perturb)[0]


def _generate(folder, seed, vendor_format, psa_format, clients, perturb):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sc, vspec, pspec, ctx = build_case(seed, vendor_format, psa_format, clients, perturb)
    vfile, vsheet = vspec["writer"](folder, sc.vlines, ctx)
    pfile, psheet = pspec["writer"](folder, sc.plines, ctx)
    findings = compute_findings(sc.vlines, sc.plines)
    cls_by_pair: dict[tuple, set] = {}
    for p in sc.plines:
        if p.pkey and p.role == "licence":
            cls_by_pair.setdefault((p.client.cid, p.pkey), set()).update(p.classes)
    client_cls: dict[int, set] = {}
    for p in sc.plines:
        client_cls.setdefault(p.client.cid, set())
        if p.name != p.client.name or p.site:
            client_cls[p.client.cid].update(c for c in p.classes if c in _NAME_CLASSES)
    out = []
    for f in findings:
        key = (f.pop("_cid"), f.pop("_pkey"))
        f["classes"] = sorted(cls_by_pair.get(key, set()) | client_cls.get(key[0], set()))
        out.append(
            {
                k: f[k]
                for k in (
                    "type",
                    "client",
                    "product",
                    "vendor_rows",
                    "psa_rows",
                    "monthly_impact",
                    "classes",
                )
            }
        )
    rows = {
        "vendor": {
            str(v.row): {
                "client": v.client.name,
                "product": PRODUCT[v.pkey].name,
                "role": v.role,
                "classes": [],
            }
            for v in sorted(sc.vlines, key=lambda v: v.row)
        },
        "psa": {
            str(p.row): {
                "client": p.client.name,
                "product": PRODUCT[p.pkey].name if p.pkey else p.text,
                "role": p.role,
                "classes": p.classes,
            }
            for p in sorted(sc.plines, key=lambda p: p.row)
        },
    }
    truth = {
        "set": "S",
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vfile,
        "psa_file": pfile,
        "vendor_sheet": vsheet,
        "psa_sheet": psheet,
        "currency": vspec["currency"],
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": out,
        "rows": rows,
    }
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path, sc


from .perturb import NAME_COMMON, NAME_NEW  # noqa: E402

_NAME_CLASSES = set(NAME_COMMON) | set(NAME_NEW)
