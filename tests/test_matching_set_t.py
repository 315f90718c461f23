"""Set T at first contact (nineteenth session; seed 1, 200 clients, the diagonal pairs, engine at
069a51a): people's spellings 0.853 / 0.950 / 0.989 with no client merge and 8 look-alike merges;
clean spellings 1.000 / 0.998 / 0.999 with 2. What a careful person reads and the engine did not:

- Partner Center's SkuName "Microsoft 365 E3 (no Teams)" beside ProductName "Microsoft 365 E3": the
  SKU is the edition bought (its clean look-alike merges);
- a telephone number kept after a customer's name ("Fenwick Interiors Limited 0183 270 5475");
- a PSA that writes one line per user, each spelled its own way.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from engine.match.client_keys import client_key
from engine.reconcile import reconcile

PC_HEADER = (
    "CustomerName,CustomerDomainName,ProductId,SkuId,SkuName,ProductName,ChargeType,UnitPrice,"
    "Quantity,Subtotal,Total,Currency,EffectiveUnitPrice,BillingFrequency\n"
)


def test_the_sku_name_says_the_edition_the_product_name_leaves_out(tmp_path: Path) -> None:
    (tmp_path / "recon.csv").write_text(
        PC_HEADER
        + "Silver Creek Landscaping LLC,silvercreek.onmicrosoft.com,CFQ7TTC0LFLX,0001,"
        "Microsoft 365 E3,Microsoft 365 E3,new,36.00,11,396.00,396.00,USD,36.00,Monthly\n"
        "Silver Creek Landscaping LLC,silvercreek.onmicrosoft.com,CFQ7TTC0LFLX,0007,"
        "Microsoft 365 E3 (no Teams),Microsoft 365 E3,renew,33.75,11,371.25,371.25,USD,33.75,"
        "Monthly\n"
        # most SKUs are named as their product: the product's name is no generic column
        + "".join(
            f"{client},{domain},{product_id},0001,{name},{name},renew,6.00,4,24.00,24.00,USD,"
            "6.00,Monthly\n"
            for client, domain in (("Kurrajong Physio", "kphysio.onmicrosoft.com"),)
            for product_id, name in (
                ("CFQ7TTC0LH18", "Microsoft 365 Business Basic"),
                ("CFQ7TTC0LDPB", "Microsoft 365 Business Standard"),
                ("CFQ7TTC0LCHC", "Microsoft 365 Business Premium"),
                ("CFQ7TTC0LH16", "Exchange Online (Plan 1)"),
            )
        ),
        encoding="utf-8",
    )
    (tmp_path / "psa.csv").write_text(
        "Customer,Item,Qty,Rate\n"
        "Silver Creek Landscaping LLC,Microsoft 365 E3,11,39.60\n"
        "Silver Creek Landscaping LLC,Microsoft 365 E3 (no Teams),8,37.10\n"
        "Kurrajong Physio,Microsoft 365 Business Basic,4,7.50\n"
        "Kurrajong Physio,Microsoft 365 Business Standard,4,7.50\n"
        "Kurrajong Physio,Microsoft 365 Business Premium,4,7.50\n"
        "Kurrajong Physio,Exchange Online (Plan 1),4,7.50\n",
        encoding="utf-8",
    )
    result = reconcile(tmp_path / "recon.csv", tmp_path / "psa.csv")
    assert [(d.type, d.product, d.vendor_qty, d.psa_qty) for d in result.discrepancies] == [
        ("under_billed", "Microsoft 365 E3 (no Teams)", Decimal(11), Decimal(8))
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Fenwick Interiors Limited 0183 270 5475", "Fenwick Interiors Limited"),
        ("Ashcombe Garden Centre plc (Tel. 0190 755 7842)", "Ashcombe Garden Centre plc"),
        ("Wattle Creek Plumbing Pty Ltd - ph +61 2 9876 5432", "Wattle Creek Plumbing Pty Ltd"),
    ],
)
def test_a_telephone_number_is_no_part_of_the_name(written: str, name: str) -> None:
    assert client_key(written) == client_key(name)


@pytest.mark.parametrize(
    "name", ["Bella Napoli Pizzeria Store 12", "Unit 4 Cafe", "Acme 2000 Ltd", "3M Australia"]
)
def test_a_shops_number_or_a_year_is_no_telephone_number(name: str) -> None:
    assert any(ch.isdigit() for ch in client_key(name))
