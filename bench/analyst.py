"""The analyst's baseline: what a careful finance analyst would script in pandas for the CSV → CSV job.

Exact keys first (client and product names lower-cased, punctuation and company suffixes dropped),
then rapidfuzz for the client names and product names left over, then grouped quantities and prices
compared per (client, product). It knows the two export layouts the benchmark uses (Partner Center and
ConnectWise) by heart — no header search, no column recognition, no exclusions, no split subscriptions
or annual terms — so it reports more findings than the engine, many of them false. It is here to be
timed side by side with ``engine.reconcile`` → ``write_discrepancies_csv``, not to be trusted.
"""

from __future__ import annotations

import re
from pathlib import Path

_SUFFIX = re.compile(r"\b(inc|llc|ltd|limited|corp|corporation|co|plc|gmbh|pty)\b")
_PUNCT = re.compile(r"[^a-z0-9 ]+")
_SPACE = re.compile(r"\s+")


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
    from rapidfuzz.fuzz import token_sort_ratio

    vendor = pd.read_csv(vendor_csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    psa = pd.read_csv(psa_csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    psa = psa[(psa["Bill"] == "Billable") & (psa["Cancelled"] == "")].reset_index(drop=True)

    v = pd.DataFrame(
        {
            "client": vendor["CustomerName"].map(_key),
            "product": vendor["SkuName"].map(_key),
            "qty": pd.to_numeric(vendor["Quantity"], errors="coerce").fillna(0).astype("int64"),
            "cost_cents": _cents(vendor["EffectiveUnitPrice"]),
        }
    )
    p = pd.DataFrame(
        {
            "client": psa["Company Name"].map(_key),
            "product": psa["Description"].map(_key),
            "qty": pd.to_numeric(psa["Quantity"], errors="coerce").fillna(0).astype("int64"),
            "price_cents": _cents(psa["Price"]),
        }
    )

    # clients: exact key, else the closest PSA client name (≥ 90)
    psa_clients = sorted(set(p["client"]))
    known = set(psa_clients)
    client_map = {}
    for name in set(v["client"]):
        if name in known:
            client_map[name] = name
        else:
            best = process.extractOne(name, psa_clients, scorer=token_sort_ratio, score_cutoff=90)
            client_map[name] = best[0] if best else name
    v["client"] = v["client"].map(client_map)

    # products: exact key within the client, else the closest product the client is billed for (≥ 85)
    billed = p.groupby("client")["product"].agg(lambda s: sorted(set(s))).to_dict()
    pairs = v[["client", "product"]].drop_duplicates()
    product_map = {}
    for client, product in pairs.itertuples(index=False):
        choices = billed.get(client, [])
        if product in choices:
            product_map[(client, product)] = product
            continue
        best = process.extractOne(product, choices, scorer=token_sort_ratio, score_cutoff=85)
        product_map[(client, product)] = best[0] if best else product
    v["product"] = [product_map[pair] for pair in zip(v["client"], v["product"], strict=True)]

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
