"""generate_case: one case folder = vendor file + PSA file + truth.json."""

from __future__ import annotations

import json
import random
from pathlib import Path

from .catalog import ALL
from .names import DescCtx, perturb_client, perturb_product
from .psas import PSAS, SYM, Typed
from .scenario import build, findings, money
from .vendors import VENDORS
from .writers import write

VENDOR_FORMATS = list(VENDORS)
PSA_FORMATS = list(PSAS)
PERIOD = "2026-11"


def _concepts(case) -> dict:
    prods: dict = {}
    for v in case.vlines:
        if v.role != "free":
            prods.setdefault(v.client.name, set()).add(v.product)
    for l in case.plines:
        if l.product:
            prods.setdefault(l.client.name, set()).add(l.product)
    out: dict = {}
    for cn, keys in prods.items():
        d: dict = {}
        for k in keys:
            for con in ALL[k].concepts:
                d[con] = d.get(con, 0) + 1
        out[cn] = d
    for l in case.plines:
        # a backup *service* beside a backup licence: an in-house "backup" name would be a guess
        if not l.product and "backup" in l.text.lower():
            d = out.setdefault(l.client.name, {})
            for con in ("backup", "saas-backup"):
                d[con] = d.get(con, 0) + 1
    return out


def type_lines(case, psa_format: str, perturb: bool, seed: int) -> list:
    rng = random.Random(f"L-typing-{seed}-{case.n_clients}-{case.vendor_format}-{psa_format}")
    names: dict = {}
    vprod = {(v.client.name, v.product) for v in case.vlines if v.role != "free"}
    shared: dict = {}
    for l in case.plines:
        if l.product and l.role == "licence" and (l.client.name, l.product) in vprod:
            shared.setdefault(l.client.name, set()).add(l.product)

    def norm(x: str) -> str:
        return " ".join(x.lower().replace(",", " ").replace(".", " ").split())

    taken: set = {norm(c.name) for c in case.clients}
    for c in case.clients:
        strong = len(shared.get(c.name, ())) >= 2
        names[c.name] = perturb_client(rng, c, psa_format, strong) if perturb else (c.name, [])
        key = norm(names[c.name][0])
        if key != norm(c.name):
            if (
                key in taken
            ):  # two customers never share one PSA spelling (nor another's legal name)
                names[c.name] = (c.name, [])
            else:
                taken.add(key)
    # a duplicate contact: some of one customer's lines sit under a second, lightly different record
    alt: dict = {}
    nlines: dict = {}
    if perturb:
        for l in case.plines:
            nlines[l.client.name] = nlines.get(l.client.name, 0) + 1
        for c in case.clients:
            if nlines.get(c.name, 0) < 3 or len(shared.get(c.name, ())) < 2 or rng.random() >= 0.05:
                continue
            base = names[c.name][0]
            form = rng.random()
            if form < 0.35:
                a2 = base.upper()
            elif form < 0.6 and c.legal and base.endswith(c.legal):
                a2 = base[: -len(c.legal)].rstrip()
            elif form < 0.8:
                a2 = base.replace(" & ", " and ") if " & " in base else base + " (old)"
            else:
                a2 = base + rng.choice([" - do not use", " [2]", " (duplicate)"])
            if norm(a2) not in taken and norm(a2) != norm(base):
                taken.add(norm(a2))
                alt[c.name] = a2
    concepts = _concepts(case)
    billed = {(v.client.name, v.product) for v in case.vlines if v.role != "free"}
    typed = []
    seen_alt: dict = {}
    for l in case.plines:
        cname, ccls = names[l.client.name]
        if l.client.name in alt:
            k = seen_alt.get(l.client.name, 0)
            seen_alt[l.client.name] = k + 1
            if k >= (nlines[l.client.name] + 1) // 2:  # the later half of its (contiguous) lines
                cname, ccls = alt[l.client.name], [*list(ccls), "duplicate_contact"]
        if l.product and perturb:
            ctx = DescCtx(
                ALL[l.product],
                concepts.get(l.client.name, {}),
                l.client.country,
                l.qty,
                money(l.monthly),
                SYM[case.currency],
                psa_format,
                (l.client.name, l.product) in billed,
            )
            desc, dcls = perturb_product(rng, ctx)
        else:
            desc, dcls = (ALL[l.product].name if l.product else l.text), []
        typed.append(Typed(l, desc, cname, sorted(set(ccls)) + dcls))
    return typed, names


def generate_case(
    folder: Path,
    seed: int = 1,
    vendor_format: str = VENDOR_FORMATS[0],
    psa_format: str = PSA_FORMATS[0],
    clients: int = 200,
    perturb: bool = True,
) -> Path:
    if vendor_format not in VENDORS:
        raise ValueError(f"unknown vendor format {vendor_format!r}; known: {VENDOR_FORMATS}")
    if psa_format not in PSAS:
        raise ValueError(f"unknown PSA format {psa_format!r}; known: {PSA_FORMATS}")
    if not 60 <= clients <= 300:
        raise ValueError("clients must be within 60..300")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    case = build(seed, clients, vendor_format)
    vout = VENDORS[vendor_format](case, random.Random(f"L-vendor-{seed}-{clients}-{vendor_format}"))
    typed, names = type_lines(case, psa_format, perturb, seed)
    pout = PSAS[psa_format](
        case, typed, random.Random(f"L-psa-{seed}-{clients}-{vendor_format}-{psa_format}"), perturb
    )
    write(vout, folder)
    write(pout, folder)

    rows_v: dict = {}
    rows_p: dict = {}
    vl, pl = [], []
    for i, v in enumerate(vout.data.meta):
        if v is None:
            continue
        r = i + 1
        rows_v[str(r)] = {
            "client": v.client.name,
            "product": ALL[v.product].name,
            "role": v.role,
            "classes": [],
        }
        vl.append((v.client.name, ALL[v.product].name, v.qty, v.monthly, v.role, r))
    for i, m in enumerate(pout.data.meta):
        if m is None:
            continue
        r = i + 1
        l = m.line
        prod = ALL[l.product].name if l.product else l.text
        rows_p[str(r)] = {
            "client": l.client.name,
            "product": prod,
            "role": l.role,
            "classes": sorted(set(m.classes)),
        }
        pl.append((l.client.name, prod, m.qty, m.monthly, l.role, r))
    fnd = findings(vl, pl)
    out = []
    for f in fnd:
        cls = (
            set(names[f["client"]][1])
            if any(l.client.name == f["client"] for l in case.plines)
            else set()
        )
        for r in f["psa_rows"]:
            cls |= set(rows_p[str(r)]["classes"])
        out.append(
            {
                "type": f["type"],
                "client": f["client"],
                "product": f["product"],
                "vendor_rows": f["vendor_rows"],
                "psa_rows": f["psa_rows"],
                "monthly_impact": money(f["impact"]),
                "classes": sorted(cls),
            }
        )
    truth = {
        "vendor_format": vendor_format,
        "psa_format": psa_format,
        "seed": seed,
        "clients": clients,
        "perturb": perturb,
        "vendor_file": vout.filename,
        "psa_file": pout.filename,
        "vendor_sheet": vout.sheet_hint,
        "psa_sheet": pout.sheet_hint,
        "currency": case.currency,
        "period": PERIOD,
        "row_numbering": "1-based sheet rows / CSV records, header and title rows counted",
        "findings": out,
        "rows": {"vendor": rows_v, "psa": rows_p},
    }
    path = folder / "truth.json"
    path.write_text(
        json.dumps(truth, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8"
    )
    return path
