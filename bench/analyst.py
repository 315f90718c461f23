"""The analyst's baseline: what a careful finance analyst would script in pandas for the CSV → CSV job.

Exact keys first (client and product names lower-cased, punctuation and company suffixes dropped),
then rapidfuzz for the client names and product names left over, then grouped quantities and prices
compared per (client, product). It knows the two export layouts the benchmark uses (Partner Center and
ConnectWise) by heart — no header search, no column recognition, no exclusions, no split
subscriptions or annual terms — so it reports more findings than the engine, many of them false. It is here to be
timed side by side with ``engine.reconcile`` → ``write_discrepancies_csv``, not to be trusted.

Fuzzy client names are compared only among the names left unmatched that start with the same letter
(all against all would be 13k × 13k at 100k lines); products get one mapping table, not one per client.
"""

from __future__ import annotations

import re
from pathlib import Path

_SUFFIX = re.compile(r"\b(inc|llc|ltd|limited|corp|corporation|co|plc|gmbh|pty)\b")
_PUNCT = re.compile(r"[^a-z0-9 ]+")
_SPACE = re.compile(r"\s+")


def _keys(values: object) -> object:
    """Each distinct spelling keyed once."""
    import pandas as pd

    series = pd.Series(values)
    return series.map({value: _key(value) for value in series.unique()})


def _key(text: str) -> str:
    text = _PUNCT.sub(" ", str(text).lower())
    return _SPACE.sub(" ", _SUFFIX.sub(" ", text)).strip()


def _cents(values: object) -> object:
    import pandas as pd

    text = pd.Series(values, dtype="string").str.replace(r"[$,\s]", "", regex=True)
    return (pd.to_numeric(text, errors="coerce").fillna(0) * 100).round().astype("int64")


def run(vendor_csv: Path, psa_csv: Path, out_csv: Path) -> int:
    """Reconcile the two exports the analyst's way; returns the number of rows written."""
    import pandas as pd
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio, token_sort_ratio

    vendor = pd.read_csv(vendor_csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    psa = pd.read_csv(psa_csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    psa = psa[(psa["Bill"] == "Billable") & (psa["Cancelled"] == "")].reset_index(drop=True)

    v = pd.DataFrame(
        {
            "client": _keys(vendor["CustomerName"]),
            "product": _keys(vendor["SkuName"]),
            "qty": pd.to_numeric(vendor["Quantity"], errors="coerce").fillna(0).astype("int64"),
            "cost_cents": _cents(vendor["EffectiveUnitPrice"]),
        }
    )
    p = pd.DataFrame(
        {
            "client": _keys(psa["Company Name"]),
            "product": _keys(psa["Description"]),
            "qty": pd.to_numeric(psa["Quantity"], errors="coerce").fillna(0).astype("int64"),
            "price_cents": _cents(psa["Price"]),
        }
    )

    # clients: exact key, else the closest PSA client left unmatched with the same first letter (≥ 90)
    known = set(p["client"])
    vendor_clients = set(v["client"])
    client_map = {name: name for name in vendor_clients}
    leftovers: dict[str, list[str]] = {}
    for name in sorted(known - vendor_clients):
        leftovers.setdefault(name[:1], []).append(name)
    unmatched: dict[str, list[str]] = {}
    for name in sorted(vendor_clients - known):
        unmatched.setdefault(name[:1], []).append(name)
    for letter, names in unmatched.items():
        choices = leftovers.get(letter, [])
        if not choices:
            continue
        scores = process.cdist(names, choices, scorer=ratio, score_cutoff=90, workers=-1)
        best = scores.argmax(axis=1)
        for name, row, column in zip(names, scores, best, strict=True):
            if row[column] >= 90:
                client_map[name] = choices[column]
    v["client"] = v["client"].map(client_map)

    # products: one mapping table, each vendor product to its exact key or the closest PSA product (≥ 85)
    psa_products = sorted(set(p["product"]))
    product_map = {}
    for product in set(v["product"]):
        best = process.extractOne(product, psa_products, scorer=token_sort_ratio, score_cutoff=85)
        product_map[product] = best[0] if best else product
    v["product"] = v["product"].map(product_map)

    vg = v.groupby(["client", "product"], sort=False).agg(
        vendor_qty=("qty", "sum"), cost_cents=("cost_cents", "max")
    )
    pg = p.groupby(["client", "product"], sort=False).agg(
        psa_qty=("qty", "sum"), price_cents=("price_cents", "min")
    )
    both = vg.join(pg, how="outer").reset_index()
    both[["vendor_qty", "psa_qty"]] = both[["vendor_qty", "psa_qty"]].fillna(0).astype("int64")
    kind = pd.Series("", index=both.index, dtype="object")
    kind[both["psa_qty"] < both["vendor_qty"]] = "Under-billed"
    kind[both["psa_qty"] > both["vendor_qty"]] = "Over-billed"
    kind[both["psa_qty"].eq(0)] = "Unbilled licence"
    kind[both["vendor_qty"].eq(0)] = "Billed, not bought"
    below = both["price_cents"].notna() & both["cost_cents"].notna()
    below &= both["price_cents"] < both["cost_cents"]
    kind[(kind == "") & below] = "Price below cost"
    found = both[kind != ""].assign(type=kind[kind != ""])
    found["impact_cents"] = (found["vendor_qty"] - found["psa_qty"]).abs() * found[
        "cost_cents"
    ].fillna(found["price_cents"]).fillna(0).astype("int64")
    found["impact"] = found["impact_cents"].map(lambda c: f"{c // 100}.{c % 100:02d}")
    found.drop(columns=["impact_cents"]).to_csv(out_csv, index=False)
    return len(found)
