"""generate_case: one vendor bill, one PSA export and truth.json, deterministic per arguments."""

from __future__ import annotations

import json
import random
from fractions import Fraction
from pathlib import Path

from .perturb import DescContext, perturb_clients, perturb_description
from .psa_formats import PSAS
from .scenario import PERIOD, build_case
from .truth import findings_from
from .vendor_formats import VENDORS

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
TEXTLESS = {
    "qbo_sales_by_customer_detail_xlsx": {"voided"}
}  # rows whose product text is not written
PERTURB_SHARE = 0.72


def _spell(case, perturb: bool, rng: random.Random) -> None:
    if perturb:
        perturb_clients(rng, case.clients)
    else:
        for c in case.clients:
            c.psa_name, c.psa_classes = c.name, []
    vkeys: dict[str, set] = {}
    subs: dict[str, dict] = {}
    for v in case.vlines:
        if v.role in ("licence", "credit"):
            vkeys.setdefault(v.client.name, set()).add(v.product.key)
            subs.setdefault(v.client.name, {}).setdefault(v.product.key, v.sub_id)
    pkeys: dict[str, set] = {}
    for pl in case.plines:
        if pl.product:
            pkeys.setdefault(pl.client.name, set()).add(pl.product.key)
    for pl in case.plines:
        if pl.product is None:
            pl.text, pl.classes = pl.service, []
            continue
        pl.text, pl.classes = pl.product.name, []
        if not perturb:
            continue
        if pl.note:  # split lines always carry who they are for
            pl.text = f"{pl.product.name} - {pl.note}"
        if rng.random() < PERTURB_SHARE:
            cx = DescContext(
                pl.client,
                vkeys.get(pl.client.name, set()),
                pkeys.get(pl.client.name, set()),
                subs.get(pl.client.name, {}),
                pl.qty,
            )
            text, classes = perturb_description(rng, pl.product, cx)
            if pl.note:
                text = f"{text} - {pl.note}"
            pl.text, pl.classes = text, classes
    if not perturb:
        for pl in case.plines:
            if pl.note and pl.product:
                pl.text = f"{pl.product.name} - {pl.note}"


def generate_case(
    folder: Path,
    seed: int = 1,
    vendor_format: str = VENDOR_FORMATS[0],
    psa_format: str = PSA_FORMATS[0],
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    if vendor_format not in VENDORS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; choose from {VENDOR_FORMATS}")
    if psa_format not in PSAS:
        raise ValueError(f"unknown PSA format {psa_format!r}; choose from {PSA_FORMATS}")
    if not 10 <= clients <= 1000:
        raise ValueError("clients must be 10..1000")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    key = f"P|{seed}|{vendor_format}|{psa_format}|{clients}"
    vwrite, caps_v = VENDORS[vendor_format]
    pwrite, caps_p = PSAS[psa_format]
    caps_p = {"dead_roles": [], **caps_p}
    case = build_case(
        random.Random(key + "|scenario"), clients, vendor_format, psa_format, caps_v, caps_p, seed
    )
    _spell(case, perturb, random.Random(key + "|perturb"))
    vfile, vsheet, vt = vwrite(case, folder, random.Random(key + "|vendor-layout"))
    pfile, psheet, pt = pwrite(case, folder, random.Random(key + "|psa-layout"))

    textless = TEXTLESS.get(psa_format, set())
    vrows, prows, rows_v, rows_p = [], [], {}, {}
    for row, (_, i) in sorted(vt.tags.items()):
        v = case.vlines[i]
        rows_v[str(row)] = {
            "client": v.client.name,
            "product": v.product.name,
            "role": v.role,
            "classes": [],
        }
        vrows.append(
            {
                "row": row,
                "client": v.client.name,
                "product": v.product.name,
                "role": v.role,
                "qty": v.qty,
                "monthly": Fraction(v.unit) / (12 if v.annual else 1),
                "classes": [],
            }
        )
    for row, (_, i) in sorted(pt.tags.items()):
        pl = case.plines[i]
        desc_classes = [] if pl.role in textless else pl.classes
        classes = list(dict.fromkeys(desc_classes + pl.client.psa_classes))
        product = pl.product.name if pl.product else pl.text
        rows_p[str(row)] = {
            "client": pl.account,
            "product": product,
            "role": pl.role,
            "classes": classes,
        }
        unit = (
            Fraction(pl.adjusted)
            if pl.adjusted is not None
            else Fraction(pl.unit) * (1 - Fraction(pl.disc) / 100)
        )
        prows.append(
            {
                "row": row,
                "client": pl.account,
                "product": product,
                "role": pl.role,
                "qty": pl.qty - pl.less,
                "monthly": unit / (12 if pl.annual else 1),
                "classes": classes,
            }
        )
    findings = findings_from(vrows, prows)
    by_name = {c.name: c for c in case.clients}
    for f in findings:
        c = by_name[f["client"]]
        if c.side == "both":
            f["classes"] = sorted(set(f["classes"]) | set(c.psa_classes))
    truth = {
        "set": "P",
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vfile,
        "psa_file": pfile,
        "vendor_sheet": vsheet,
        "psa_sheet": psheet,
        "currency": case.currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": findings,
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
    out = folder / "truth.json"
    out.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return out
