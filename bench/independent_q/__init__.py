"""Independent evaluation set "Q" for the MSP billing-reconciliation tool (Leakage Finder).

from independent_q import VENDOR_FORMATS, PSA_FORMATS, generate_case
truth_path = generate_case(Path(folder), seed=1, vendor_format=VENDOR_FORMATS[0],
                           psa_format=PSA_FORMATS[0], clients=200, perturb=True)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from .catalog import BY_KEY
from .clients import (
    COMMON_NAME,
    NOVEL_NAME,
    Client,
    applicable_name_classes,
    norm_name,
    perturb_name,
)
from .describe import perturb_description, perturb_service
from .model import build, compute_findings
from .psa import PSAS
from .vendors import VENDORS
from .writers import write_csv, write_xlsx

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
PERIOD = "2026-11"
SURFACE = ["name_case", "name_the", "name_amp_and", "name_umlaut_digraph", "name_mac_mc"]


def _client_displays(case, rng, perturb):
    out = {}
    taken = {norm_name(c.name): c.cid for c in case.clients}
    for c in case.clients:
        if c.cid not in case.psa_clients:
            continue
        if not perturb or rng.random() > 0.72:
            out[c.cid] = (c.name, [])
            continue
        opts = applicable_name_classes(c)
        novel = [o for o in opts if o in NOVEL_NAME]
        common = [o for o in opts if o in COMMON_NAME]
        done = False
        for _ in range(8):
            pool = common if (rng.random() < 0.34 or not novel) else novel
            cls = rng.choice(pool)
            new = perturb_name(rng, c, cls)
            if not new or new == c.name:
                continue
            classes = [cls]
            if rng.random() < 0.3:
                cls2 = rng.choice(
                    [s for s in SURFACE if s != cls and (not c.family or s != "name_mac_mc")]
                )
                tmp = Client(c.cid, new, c.country, new, "", c.family, c.family_kind, c.extras)
                new2 = perturb_name(rng, tmp, cls2)
                if new2 and new2 != new:
                    new, classes = new2, classes + [cls2]
            key = norm_name(new)
            if not key or (key in taken and taken[key] != c.cid):
                continue
            taken[key] = c.cid
            out[c.cid] = (new, classes)
            done = True
            break
        if not done:
            out[c.cid] = (c.name, [])
    return out


def _line_displays(case, rng, perturb, vendor_scope_ms_only):
    baskets = {}
    ms_psa_lines = {}
    for x in case.vlines:
        baskets.setdefault(x.cid, set()).add(x.pkey)
    for x in case.plines:
        if x.pkey:
            baskets.setdefault(x.cid, set()).add(x.pkey)
            if BY_KEY[x.pkey].ms:
                ms_psa_lines[x.cid] = ms_psa_lines.get(x.cid, 0) + 1
    out = {}
    for x in case.plines:
        if not perturb:
            out[id(x)] = (x.text, [])
            continue
        if x.pkey is None:
            out[id(x)] = perturb_service(rng, x.text)
            continue
        if rng.random() < 0.12:
            out[id(x)] = (x.text, [])
            continue
        b = baskets[x.cid]
        only_ms = sum(1 for k in b if BY_KEY[k].ms) == 1 and ms_psa_lines.get(x.cid, 0) == 1
        out[id(x)] = perturb_description(rng, BY_KEY[x.pkey], b, x.qty, only_ms)
    return out


def generate_case(
    folder,
    seed: int = 1,
    vendor_format: str = VENDOR_FORMATS[0],
    psa_format: str = PSA_FORMATS[0],
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    if vendor_format not in VENDORS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; one of {VENDOR_FORMATS}")
    if psa_format not in PSAS:
        raise ValueError(f"unknown PSA format {psa_format!r}; one of {PSA_FORMATS}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vfun, scope, cur = VENDORS[vendor_format]
    case = build(seed, clients, scope)
    prng = random.Random(f"Q-perturb|{seed}|{clients}|{scope}")
    cdisp = _client_displays(case, prng, perturb)
    disp = _line_displays(
        case, random.Random(f"Q-perturb-lines|{seed}|{clients}|{scope}"), perturb, scope == "ms"
    )

    vname, vsheets, vopts, vsheet = vfun(
        case, random.Random(f"Q-layout-v|{seed}|{vendor_format}"), cur
    )
    pname, psheets, popts, psheet = PSAS[psa_format](
        case, disp, cdisp, random.Random(f"Q-layout-p|{seed}|{psa_format}"), cur
    )

    names = {c.cid: c.name for c in case.clients}
    rows = {"vendor": {}, "psa": {}}
    vrow, prow = {}, {}
    for sheets, side, store in ((vsheets, "vendor", vrow), (psheets, "psa", prow)):
        data_sheets = [s for s in sheets if any(m for _, m in s.records)]
        assert len(data_sheets) == 1, "one data sheet per file"
        for i, (cells, meta) in enumerate(data_sheets[0].records):
            if not meta:
                continue
            r = i + 1
            if side == "vendor":
                x = meta[1]
                store[id(x)] = r
                rows["vendor"][str(r)] = {
                    "client": names[x.cid],
                    "product": BY_KEY[x.pkey].name,
                    "role": x.role,
                    "classes": [],
                }
            else:
                x, role = meta[1], meta[2]
                store[id(x)] = r
                desc_cls = disp[id(x)][1]
                name_cls = cdisp[x.cid][1]
                rows["psa"][str(r)] = {
                    "client": names[x.cid],
                    "product": BY_KEY[x.pkey].name if x.pkey else x.text,
                    "role": role or x.role,
                    "classes": list(desc_cls) + list(name_cls),
                }
    findings = compute_findings(case, vrow, prow)
    name_by_client = {names[c]: cdisp[c][1] for c in cdisp}
    for f in findings:
        cls = []
        for r in f["psa_rows"]:
            cls += rows["psa"][str(r)]["classes"]
        cls += name_by_client.get(f["client"], [])
        f["classes"] = sorted(set(cls))
    for name, sheets, opts in ((vname, vsheets, vopts), (pname, psheets, popts)):
        path = folder / name
        if opts["kind"] == "csv":
            write_csv(
                path,
                sheets[0],
                delimiter=opts.get("delimiter", ","),
                bom=opts.get("bom", False),
                quote_all=opts.get("quote_all", False),
            )
        else:
            write_xlsx(path, sheets, date_format=opts.get("date_format", "dd/mm/yyyy"))
    truth = {
        "set": "Q",
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vname,
        "psa_file": pname,
        "vendor_sheet": vsheet,
        "psa_sheet": psheet,
        "currency": cur,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": rows,
    }
    tp = folder / "truth.json"
    tp.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return tp


__all__ = ["PSA_FORMATS", "VENDOR_FORMATS", "generate_case"]
