"""Refresh ``engine/match/data/microsoft_products.csv`` from Microsoft's licensing table.

Usage: ``python scripts/import_microsoft_products.py ../shared/data/microsoft_product_names.csv``

Microsoft's table has one row per product × service plan; we keep one row per product (String_Id)
with its display name and GUID, cleaned of the table's stray tabs, NBSP and trailing spaces. A few
String_Ids appear with two GUIDs in Microsoft's table; both are kept.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent / "engine" / "match" / "data" / "microsoft_products.csv"
)


def clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\t", " ").split())


def main(source: str) -> None:
    products: dict[tuple[str, str], str] = {}
    with open(source, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (clean(row["String_Id"]), clean(row["GUID"]))
            products.setdefault(key, clean(row["Product_Display_Name"]))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "string_id", "guid"])
        for (string_id, guid), name in sorted(products.items(), key=lambda i: (i[1].lower(), i[0])):
            writer.writerow([name, string_id, guid])
    print(f"wrote {len(products)} products to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
